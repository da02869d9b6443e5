/*
 * test_close_wait.c - CLOSE-WAIT (RFC 9293 3.10.7.4, 3.10.4, 3.10.5; RFC 5961): rows T71-T82.
 * In the fixture SND.UNA = SND.NXT = ISS+1, RCV.NXT = IRS+2 (the peer's FIN received).
 */
#include "fixtures.h"

/* rst_left_edge*: T74 (-> CLOSED, reset); rst_just_inside_left_edge, rst_right_edge: T75 (T74
   with rfc5961_rst off); syn_*: T76 (T77 in the window, T79 outside, with rfc5961_syn off);
   ack_left_edge, ack_right_edge, ack_value_lowest_acceptable: T71; ack_just_outside_*,
   ack_data_outside_window: T79; ack_value_above_snd_nxt: T78; ack_value_below_lowest_acceptable:
   T78 (T71 with rfc5961_ack off). */
static const struct fx_sync_rows rows = {
    TCPFSM_ROW_T74, 0, TCPFSM_CLOSED, TCPFSM_SIG_RESET, TCPFSM_ROW_T75, 0, TCPFSM_ROW_T76,
    TCPFSM_ROW_T77, TCPFSM_ROW_T78, TCPFSM_ROW_T79, TCPFSM_ROW_T71, 0
};

FX_RST_MATRIX(close_wait, rows)
FX_SYN_MATRIX(close_wait, rows)
FX_ACK_MATRIX(close_wait, rows)

/* T71 at SEG.ACK = SND.NXT. */
static void test_close_wait_ack_value_snd_nxt(void **state)
{
    struct fx *f = *state;
    fx_ack_value_case(f, &rows, f->snd_nxt);
}

/* SEND in CLOSE-WAIT is allowed ("Segmentize any text to be sent"), and T71 acknowledges it. */
static void test_close_wait_ack_of_data(void **state)
{
    struct fx *f = *state;
    fx_send(f, 100);
    fx_expect_no_transition(f);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_ACK, 100);
    fx_expect_deadline(f, f->now + f->rto);
    f->snd_nxt += 100u;
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T71, TCPFSM_CLOSE_WAIT);
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_ACKED);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* T72: "CLOSE-WAIT STATE: Remain in the CLOSE-WAIT state." A retransmitted FIN (SEG.SEQ =
   RCV.NXT - 1) is acknowledged again. */
static void test_close_wait_fin_retransmitted(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt - 1u, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T72, TCPFSM_CLOSE_WAIT);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events(f, 0); /* the end of stream is not signalled twice */
    fx_expect_deadline_unchanged(f);
}

/* T73 (the fixture step): "Queue this request until all preceding SENDs have been segmentized;
   then send a FIN segment, enter LAST-ACK state." */
static void test_close_wait_close(void **state)
{
    fx_to_last_ack(*state);
}

/* T80: retransmission of data sent in CLOSE-WAIT. */
static void test_close_wait_rto(void **state)
{
    struct fx *f = *state;
    fx_send(f, 100);
    fx_expect_rto_fires(f, TCPFSM_ROW_T80, f->snd_una, TCPFSM_ACK, 100);
}

/* T81 after cfg.retries times T80. */
static void test_close_wait_rto_giveup(void **state)
{
    fx_expect_data_rto_giveup(*state, TCPFSM_ROW_T80, TCPFSM_ROW_T81);
}

/* T82: "Send a reset segment: <SEQ=SND.NXT><CTL=RST>". */
static void test_close_wait_abort(void **state)
{
    fx_expect_abort(*state, TCPFSM_ROW_T82, 1);
}

static void test_close_wait_open_fails(void **state)
{
    fx_expect_open_fails(*state, TCPFSM_ERR_STATE, 0);
}


/* T71: text after the peer's FIN "should not occur since a FIN has been received from the remote
   side. Ignore the segment text." - RCV.NXT does not move, nothing is delivered. */
static void test_close_wait_ack_data_ignored(void **state)
{
    struct fx *f = *state;
    unsigned i;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 10);
    fx_expect_row(f, TCPFSM_ROW_T71, TCPFSM_CLOSE_WAIT);
    fx_expect_events(f, 0);
    for (i = 0; i < f->out.count; i++) {
        fx_expect_ack(f, i);
    }
    fx_expect_vars(f);
}

/* T79: a FIN beyond the window is not a retransmission of the FIN received: an ACK. */
static void test_close_wait_fin_outside_window(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt + f->rcv_wnd + 5u, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T79, TCPFSM_CLOSE_WAIT);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events(f, 0);
}

/* CONSUMED in CLOSE-WAIT: the text before the FIN (all but 10 bytes of the window) is consumed;
   no state change. */
static void test_close_wait_consumed(void **state)
{
    struct fx *f = *state; /* ESTABLISHED */
    uint16_t n = (uint16_t)(f->cfg.window - 10u);
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, n);
    fx_expect_row(f, TCPFSM_ROW_T37, TCPFSM_CLOSE_WAIT);
    f->rcv_nxt += n + 1u;
    f->rcv_wnd -= n;
    fx_expect_vars(f);
    fx_consumed(f, n);
    fx_expect_no_transition(f);
    f->rcv_wnd += n;
    fx_expect_vars(f);
}

/* T73 with data still queued for want of window: LAST-ACK at once, the FIN after the data. */
static void test_close_wait_close_with_queued_data(void **state)
{
    struct fx *f = *state; /* CLOSED */
    uint32_t mss = f->cfg.mss, u = mss - mss / 4u, sent = 0;
    unsigned i, fins = 0;
    f->peer_wnd = (uint16_t)(2u * u);
    if (f->p->active) {
        fx_to_established_active(f);
    } else {
        fx_to_established_passive(f);
    }
    fx_to_close_wait(f);
    fx_send(f, 2u * u + 100u);
    f->snd_nxt += 2u * u;
    fx_close(f);
    fx_expect_row(f, TCPFSM_ROW_T73, TCPFSM_LAST_ACK);
    fx_expect_count(f, 0);
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T97, TCPFSM_LAST_ACK);
    for (i = 0; i < f->out.count; i++) {
        const struct tcpfsm_segment *s = &f->out.segments[i];
        assert_int_equal(s->seq, f->snd_nxt + sent);
        sent += s->len;
        if (s->flags & TCPFSM_FIN) {
            fins++;
        }
    }
    assert_int_equal(sent, 100u);
    assert_int_equal(fins, 1u);
    f->snd_nxt += 101u;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T96, TCPFSM_CLOSED);
}

/* CLOSE-WAIT still sends (3.10.2: "Segmentize the buffer and send it"): SIG_MORE after three
   segments, PUSH the fourth. */
static void test_close_wait_push(void **state)
{
    struct fx *f = *state;
    uint32_t mss = f->cfg.mss;
    assert_true(4u * mss <= FX_PEER_WND);
    fx_send(f, 4u * mss);
    fx_expect_count(f, 3);
    fx_expect_events(f, TCPFSM_SIG_MORE);
    f->snd_nxt += 3u * mss;
    fx_push(f);
    fx_expect_no_transition(f);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_ACK, (uint16_t)mss);
    f->snd_nxt += mss;
    fx_expect_events(f, 0);
    fx_expect_vars(f);
}

/* The peer's FIN is in: no more text, tcpfsm_reassembled is refused. */
static void test_close_wait_reassembled(void **state)
{
    struct fx *f = *state;
    f->rc = tcpfsm_reassembled(&f->conn, f->now, 1, &f->out);
    assert_int_equal(f->rc, TCPFSM_ERR_STATE);
    assert_int_equal(f->out.count, 0);
    assert_int_equal(f->out.data_len, 0);
    fx_expect_vars(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TESTS(test_close_wait_push, setup_close_wait),
        FX_TESTS(test_close_wait_reassembled, setup_close_wait),
        FX_RST_MATRIX_TESTS(close_wait, setup_close_wait),
        FX_SYN_MATRIX_TESTS(close_wait, setup_close_wait),
        FX_ACK_MATRIX_TESTS(close_wait, setup_close_wait),
        FX_TESTS(test_close_wait_ack_value_snd_nxt, setup_close_wait),
        FX_TESTS(test_close_wait_ack_of_data, setup_close_wait),
        FX_TESTS(test_close_wait_fin_retransmitted, setup_close_wait),
        FX_TESTS(test_close_wait_close, setup_close_wait),
        FX_TESTS(test_close_wait_rto, setup_close_wait),
        FX_TESTS(test_close_wait_rto_giveup, setup_close_wait),
        FX_TESTS(test_close_wait_abort, setup_close_wait),
        FX_TESTS(test_close_wait_open_fails, setup_close_wait),
        FX_TESTS(test_close_wait_ack_data_ignored, setup_close_wait),
        FX_TESTS(test_close_wait_fin_outside_window, setup_close_wait),
        FX_TESTS(test_close_wait_consumed, setup_established),
        FX_TESTS(test_close_wait_close_with_queued_data, setup_closed),
    };
    return FX_RUN("test_close_wait", tests);
}
