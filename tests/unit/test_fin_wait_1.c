/*
 * test_fin_wait_1.c - FIN-WAIT-1 (RFC 9293 3.10.7.4, 3.10.4, 3.10.5; RFC 5961): rows T48-T60.
 * In the fixture SND.UNA = ISS+1, SND.NXT = ISS+2 (our FIN is outstanding).
 */
#include "fixtures.h"

/* rst_left_edge*: T52 (-> CLOSED, reset); rst_just_inside_left_edge, rst_right_edge: T53 (T52
   with rfc5961_rst off); syn_*: T54 (T55 in the window, T57 outside, with rfc5961_syn off);
   ack_left_edge, ack_right_edge, ack_value_lowest_acceptable: T49; ack_just_outside_*,
   ack_data_outside_window: T57; ack_value_above_snd_nxt: T56; ack_value_below_lowest_acceptable:
   T56 (T49 with rfc5961_ack off). */
static const struct fx_sync_rows rows = {
    TCPFSM_ROW_T52, 0, TCPFSM_CLOSED, TCPFSM_SIG_RESET, TCPFSM_ROW_T53, 0, TCPFSM_ROW_T54,
    TCPFSM_ROW_T55, TCPFSM_ROW_T56, TCPFSM_ROW_T57, TCPFSM_ROW_T49, 0
};

FX_RST_MATRIX(fin_wait_1, rows)
FX_SYN_MATRIX(fin_wait_1, rows)
FX_ACK_MATRIX(fin_wait_1, rows)

/* T48: "In addition to the processing for the ESTABLISHED state, if the FIN segment is now
   acknowledged, then enter FIN-WAIT-2 and continue processing in that state." SEG.ACK = SND.NXT
   is also the right end of the acceptable ACK range. */
static void test_fin_wait_1_ack_of_fin(void **state)
{
    fx_to_fin_wait_2(*state);
}

/* T48 at the right edge of the receive window. */
static void test_fin_wait_1_ack_of_fin_right_edge(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt + f->rcv_wnd - 1u, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T48, TCPFSM_FIN_WAIT_2);
    fx_expect_count(f, 0);
}

/* T48 with text: the half-closed connection still receives. */
static void test_fin_wait_1_ack_of_fin_with_data(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 100);
    fx_expect_row(f, TCPFSM_ROW_T48, TCPFSM_FIN_WAIT_2);
    f->snd_una = f->snd_nxt;
    f->rcv_nxt += 100u;
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events_mask(f, TCPFSM_SIG_DATA, TCPFSM_SIG_ACKED);
}

/* T49: text while our FIN is outstanding: accepted and acknowledged, still FIN-WAIT-1, the
   retransmission timer untouched. */
static void test_fin_wait_1_ack_data(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_una, 100);
    fx_expect_row(f, TCPFSM_ROW_T49, TCPFSM_FIN_WAIT_1);
    f->rcv_nxt += 100u;
    fx_expect_count(f, 1);
    fx_expect_owed_ack(f, 0);
    fx_expect_events(f, TCPFSM_SIG_DATA);
    fx_expect_deadline_unchanged(f);
}

/* T49: an ACK of our data but not of the FIN sent after it (the FIN follows the data,
   "Queue this until all preceding SENDs have been segmentized"). */
static void test_fin_wait_1_ack_of_data_not_fin(void **state)
{
    struct fx *f = *state; /* ESTABLISHED */
    fx_send(f, 100);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_ACK, 100);
    f->snd_nxt += 100u;
    fx_close(f);
    fx_expect_row(f, TCPFSM_ROW_T46, TCPFSM_FIN_WAIT_1);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_FIN | TCPFSM_ACK, 0);
    fx_expect_deadline_unchanged(f); /* the timer runs for the data already (RFC 6298 5.1) */
    f->snd_nxt += 1u;
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt - 1u, 0);
    fx_expect_row(f, TCPFSM_ROW_T49, TCPFSM_FIN_WAIT_1);
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_ACKED);
    f->snd_una = f->snd_nxt - 1u;
    fx_rtt_sample(f, FX_RTT);
    fx_expect_deadline(f, f->now + f->rto); /* RFC 6298 5.3 */
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T48, TCPFSM_FIN_WAIT_2);
}

/* T50: "If our FIN has been ACKed (perhaps in this segment), then enter TIME-WAIT ...; otherwise,
   enter the CLOSING state." The FIN is acknowledged; the timer keeps running for our FIN. */
static void test_fin_wait_1_fin(void **state)
{
    fx_to_closing(*state);
}

/* T51: the peer's FIN acknowledges ours: TIME-WAIT, "start the time-wait timer, turn off the
   other timers", acknowledging the FIN. */
static void test_fin_wait_1_fin_ack(void **state)
{
    struct fx *f = *state;
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T51, TCPFSM_TIME_WAIT);
    f->snd_una = f->snd_nxt;
    f->rcv_nxt += 1u;
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events_mask(f, TCPFSM_SIG_PEER_CLOSED, TCPFSM_SIG_ACKED);
    fx_expect_deadline(f, f->now + 2u * (tcpfsm_time_t)f->cfg.msl);
}

/* T51 with text before the FIN. */
static void test_fin_wait_1_fin_ack_with_data(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 50);
    fx_expect_row(f, TCPFSM_ROW_T51, TCPFSM_TIME_WAIT);
    f->snd_una = f->snd_nxt;
    f->rcv_nxt += 51u;
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events_mask(f, TCPFSM_SIG_PEER_CLOSED | TCPFSM_SIG_DATA, TCPFSM_SIG_ACKED);
}

/* T58: retransmit the FIN <SEQ=SND.NXT-1><ACK=RCV.NXT><CTL=FIN,ACK>, back off (RFC 6298 5.4-5.6). */
static void test_fin_wait_1_rto(void **state)
{
    struct fx *f = *state;
    fx_expect_rto_fires(f, TCPFSM_ROW_T58, f->snd_nxt - 1u, TCPFSM_FIN | TCPFSM_ACK, 0);
}

/* T59 after cfg.retries times T58. */
static void test_fin_wait_1_rto_giveup(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_segment fin = { 0, 0, TCPFSM_FIN | TCPFSM_ACK, 0, 0, 0, TCPFSM_WSCALE_NONE };
    fin.seq = f->snd_nxt - 1u;
    fin.ack = f->rcv_nxt;
    fx_expect_retransmissions(f, f->cfg.retries, 0, f->rto, TCPFSM_ROW_T58, &fin, TCPFSM_ROW_T59,
                              TCPFSM_CLOSED, TCPFSM_SIG_TIMEOUT);
}

/* T60: "Send a reset segment: <SEQ=SND.NXT><CTL=RST>" - SND.NXT is past our FIN. */
static void test_fin_wait_1_abort(void **state)
{
    fx_expect_abort(*state, TCPFSM_ROW_T60, 1);
}

/* CLOSE in FIN-WAIT-1: "Strictly speaking, this is an error and should receive an "error:
   connection closing" response."; SEND: "Return "error: connection closing"". */
static void test_fin_wait_1_close_fails(void **state)
{
    fx_expect_call_fails(*state, TCPFSM_ERR_CLOSING, tcpfsm_close);
}

static void test_fin_wait_1_send_fails(void **state)
{
    fx_expect_send_fails(*state, TCPFSM_ERR_CLOSING, 10u);
}

static void test_fin_wait_1_open_fails(void **state)
{
    fx_expect_open_fails(*state, TCPFSM_ERR_STATE, 0);
}


/* T46 with data still queued for want of window: "Queue this until all preceding SENDs have been
   segmentized, then form a FIN segment and send it. In any case, enter FIN-WAIT-1 state." The
   FIN follows the data, at SND.NXT past it; T49 (the ACK that opens the window) sends both. */
static void test_fin_wait_1_ack_sends_queued_data_then_fin(void **state)
{
    struct fx *f = *state; /* CLOSED */
    uint32_t mss = f->cfg.mss, u = mss - mss / 4u, sent = 0, fin_seq;
    unsigned i, fins = 0;
    f->peer_wnd = (uint16_t)(2u * u);
    if (f->p->active) {
        fx_to_established_active(f);
    } else {
        fx_to_established_passive(f);
    }
    fx_send(f, 2u * u + 100u);         /* 2u go out, 100 bytes wait for window */
    for (i = 0; i < f->out.count; i++) {
        sent += f->out.segments[i].len;
    }
    assert_int_equal(sent, 2u * u);
    f->snd_nxt += 2u * u;
    fx_close(f);
    fx_expect_row(f, TCPFSM_ROW_T46, TCPFSM_FIN_WAIT_1);
    fx_expect_count(f, 0);             /* no window for the data, so no FIN yet */
    fx_expect_send_fails(f, TCPFSM_ERR_CLOSING, 1u);
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T49, TCPFSM_FIN_WAIT_1);
    f->snd_una = f->snd_nxt;
    sent = 0;
    for (i = 0; i < f->out.count; i++) {
        const struct tcpfsm_segment *s = &f->out.segments[i];
        assert_int_equal(s->seq, f->snd_nxt + sent);
        assert_int_equal(s->ack, f->rcv_nxt);
        assert_int_equal(s->flags & (TCPFSM_SYN | TCPFSM_RST | TCPFSM_ACK), TCPFSM_ACK);
        sent += s->len;
        if (s->flags & TCPFSM_FIN) {
            fins++;
            assert_int_equal(i, f->out.count - 1u); /* the FIN is last */
        }
    }
    assert_int_equal(sent, 100u);
    assert_int_equal(fins, 1u);
    fin_seq = f->snd_nxt + 100u;
    f->snd_nxt = fin_seq + 1u;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T48, TCPFSM_FIN_WAIT_2);
}


/* T58 with text and FIN outstanding: the earliest unacknowledged segment is the text. */
static void test_fin_wait_1_rto_retransmits_data_first(void **state)
{
    struct fx *f = *state; /* ESTABLISHED */
    fx_send(f, 100);
    f->snd_nxt += 100u;
    fx_close(f);
    fx_expect_row(f, TCPFSM_ROW_T46, TCPFSM_FIN_WAIT_1);
    f->snd_nxt += 1u;
    fx_fire(f);
    fx_expect_row(f, TCPFSM_ROW_T58, TCPFSM_FIN_WAIT_1);
    assert_true(f->out.count >= 1);
    fx_expect_seg(f, 0, f->snd_una, f->rcv_nxt, f->out.segments[0].flags & TCPFSM_FIN
                  ? (TCPFSM_ACK | TCPFSM_FIN) : TCPFSM_ACK, 100);
}


/* FIN-WAIT-1 still receives: a full window, then CONSUMED; any window update is an ACK with the
   whole window. */
static void test_fin_wait_1_ack_data_consumed(void **state)
{
    struct fx *f = *state;
    fx_fill_window(f, f->snd_una, TCPFSM_ROW_T49);
    fx_consume_window(f);
}

/* T50 with the knob ack_repeats_fin (FreeBSD tcp_output(), on every variant): the ACK of the
   peer's FIN repeats our unacknowledged FIN at its own sequence number, <SEQ=SND.NXT-1>
   <ACK=RCV.NXT><CTL=FIN,ACK>; SND.NXT does not move. */
static void test_fin_wait_1_fin_repeats_our_fin(void **state)
{
    struct fx *f = *state;
    f->cfg.ack_repeats_fin = 1;
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt, f->snd_una, 0);
    fx_expect_row(f, TCPFSM_ROW_T50, TCPFSM_CLOSING);
    f->rcv_nxt += 1u;
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt - 1u, f->rcv_nxt, TCPFSM_FIN | TCPFSM_ACK, 0);
    fx_expect_events(f, TCPFSM_SIG_PEER_CLOSED);
    fx_expect_deadline_unchanged(f);
    fx_expect_vars(f);
}

/* T50 with ack_repeats_fin off (on every variant): the ACK of RFC 9293 3.10.7.4,
   <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>. */
static void test_fin_wait_1_fin_plain_ack(void **state)
{
    struct fx *f = *state;
    f->cfg.ack_repeats_fin = 0;
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt, f->snd_una, 0);
    fx_expect_row(f, TCPFSM_ROW_T50, TCPFSM_CLOSING);
    f->rcv_nxt += 1u;
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_ACK, 0);
    fx_expect_vars(f);
}

/* CLOSE with more queued than one output carries: SEND leaves data queued (SIG_MORE), CLOSE
   (TCPFSM_ROW_T46) sends three more segments and cannot add the FIN yet (SIG_MORE); SEND is now refused
   ("error: connection closing") but PUSH sends the last segment and then the FIN (3.10.4: "Queue
   this until all preceding SENDs have been segmentized, then form a FIN segment and send it"). */
static void test_fin_wait_1_push(void **state)
{
    fx_expect_close_then_push(*state, TCPFSM_ROW_T46, TCPFSM_FIN_WAIT_1);   /* from ESTABLISHED */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TESTS(test_fin_wait_1_push, setup_established),
        FX_RST_MATRIX_TESTS(fin_wait_1, setup_fin_wait_1),
        FX_SYN_MATRIX_TESTS(fin_wait_1, setup_fin_wait_1),
        FX_ACK_MATRIX_TESTS(fin_wait_1, setup_fin_wait_1),
        FX_TESTS(test_fin_wait_1_ack_of_fin, setup_fin_wait_1),
        FX_TESTS(test_fin_wait_1_ack_of_fin_right_edge, setup_fin_wait_1),
        FX_TESTS(test_fin_wait_1_ack_of_fin_with_data, setup_fin_wait_1),
        FX_TESTS(test_fin_wait_1_ack_data, setup_fin_wait_1),
        FX_TESTS(test_fin_wait_1_ack_of_data_not_fin, setup_established),
        FX_TESTS(test_fin_wait_1_fin, setup_fin_wait_1),
        FX_TESTS(test_fin_wait_1_fin_repeats_our_fin, setup_fin_wait_1),
        FX_TESTS(test_fin_wait_1_fin_plain_ack, setup_fin_wait_1),
        FX_TESTS(test_fin_wait_1_fin_ack, setup_fin_wait_1),
        FX_TESTS(test_fin_wait_1_fin_ack_with_data, setup_fin_wait_1),
        FX_TESTS(test_fin_wait_1_rto, setup_fin_wait_1),
        FX_TESTS(test_fin_wait_1_rto_giveup, setup_fin_wait_1),
        FX_TESTS(test_fin_wait_1_abort, setup_fin_wait_1),
        FX_TESTS(test_fin_wait_1_close_fails, setup_fin_wait_1),
        FX_TESTS(test_fin_wait_1_send_fails, setup_fin_wait_1),
        FX_TESTS(test_fin_wait_1_open_fails, setup_fin_wait_1),
        FX_TESTS(test_fin_wait_1_ack_data_consumed, setup_fin_wait_1),
        FX_TESTS(test_fin_wait_1_rto_retransmits_data_first, setup_established),
        FX_TESTS(test_fin_wait_1_ack_sends_queued_data_then_fin, setup_closed),
    };
    return FX_RUN("test_fin_wait_1", tests);
}
