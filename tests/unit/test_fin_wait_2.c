/*
 * test_fin_wait_2.c - FIN-WAIT-2 (RFC 9293 3.10.7.4; RFC 5961; Linux tcp_fin_timeout):
 * rows T61-T70. In the fixture SND.UNA = SND.NXT = ISS+2 (our FIN is acknowledged).
 */
#include "fixtures.h"

/* rst_left_edge*: T63 (-> CLOSED, reset); rst_just_inside_left_edge, rst_right_edge: T64 (T63
   with rfc5961_rst off); syn_*: T65 (T66 in the window, T68 outside, with rfc5961_syn off);
   ack_left_edge, ack_right_edge, ack_value_lowest_acceptable: T61; ack_just_outside_*,
   ack_data_outside_window: T68; ack_value_above_snd_nxt: T67; ack_value_below_lowest_acceptable:
   T67 (T61 with rfc5961_ack off). */
static const struct fx_sync_rows rows = {
    TCPFSM_ROW_T63, 0, TCPFSM_CLOSED, TCPFSM_SIG_RESET, TCPFSM_ROW_T64, 0, TCPFSM_ROW_T65,
    TCPFSM_ROW_T66, TCPFSM_ROW_T67, TCPFSM_ROW_T68, TCPFSM_ROW_T61, 0
};

FX_RST_MATRIX(fin_wait_2, rows)
FX_SYN_MATRIX(fin_wait_2, rows)
FX_ACK_MATRIX(fin_wait_2, rows)

/* T61 at SEG.ACK = SND.NXT (nothing new). */
static void test_fin_wait_2_ack_value_snd_nxt(void **state)
{
    struct fx *f = *state;
    fx_ack_value_case(f, &rows, f->snd_nxt);
}

/* T61 with text: "FIN-WAIT-2 STATE: In addition to the processing for the ESTABLISHED state, if
   the retransmission queue is empty, the user's CLOSE can be acknowledged" - text is still
   accepted and acknowledged. */
static void test_fin_wait_2_ack_data(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK | TCPFSM_PSH, f->rcv_nxt, f->snd_nxt, 300);
    fx_expect_row(f, TCPFSM_ROW_T61, TCPFSM_FIN_WAIT_2);
    f->rcv_nxt += 300u;
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events(f, TCPFSM_SIG_DATA);
}

/* T62 (the fixture step): "Enter the TIME-WAIT state. Start the time-wait timer, turn off the
   other timers." */
static void test_fin_wait_2_fin(void **state)
{
    fx_to_time_wait(*state);
}

/* T62 with text. */
static void test_fin_wait_2_fin_with_data(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 10);
    fx_expect_row(f, TCPFSM_ROW_T62, TCPFSM_TIME_WAIT);
    f->rcv_nxt += 11u;
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events(f, TCPFSM_SIG_DATA | TCPFSM_SIG_PEER_CLOSED);
    fx_expect_deadline(f, f->now + 2u * (tcpfsm_time_t)f->cfg.msl);
}

/* T69: with a FIN-WAIT-2 timeout configured (Linux tcp_fin_timeout), the connection closes when
   it expires; without one (0), no timer runs and the clock does nothing. */
static void test_fin_wait_2_fin_wait_2_timeout(void **state)
{
    struct fx *f = *state;
    if (f->cfg.fin_wait_2_timeout == 0) {
        fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
        fx_advance(f, 3600u * (tcpfsm_time_t)FX_S);
        fx_timer(f);
        fx_expect_no_row(f);
        return;
    }
    f->now = f->deadline - 1u;
    fx_timer(f);
    fx_expect_no_row(f);
    fx_fire(f);
    fx_expect_row(f, TCPFSM_ROW_T69, TCPFSM_CLOSED);
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_CLOSED);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* T69 on every variant: the timer set to 10 s in the configuration before FIN-WAIT-2 begins. */
static void test_fin_wait_2_fin_wait_2_timeout_configured(void **state)
{
    struct fx *f = *state; /* FIN-WAIT-1 */
    tcpfsm_time_t entered;
    f->cfg.fin_wait_2_timeout = 10u * FX_S;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T48, TCPFSM_FIN_WAIT_2);
    entered = f->now;
    fx_expect_deadline(f, entered + 10u * FX_S);
    fx_fire(f);
    assert_true(f->now == entered + 10u * FX_S);
    fx_expect_row(f, TCPFSM_ROW_T69, TCPFSM_CLOSED);
    fx_expect_events(f, TCPFSM_SIG_CLOSED);
}

/* T70: "Send a reset segment: <SEQ=SND.NXT><CTL=RST>". */
static void test_fin_wait_2_abort(void **state)
{
    fx_expect_abort(*state, TCPFSM_ROW_T70, 1);
}

static void test_fin_wait_2_close_fails(void **state)
{
    fx_expect_call_fails(*state, TCPFSM_ERR_CLOSING, tcpfsm_close);
}

static void test_fin_wait_2_send_fails(void **state)
{
    fx_expect_send_fails(*state, TCPFSM_ERR_CLOSING, 10u);
}


/* The half-closed connection still receives: a full window, then CONSUMED reopens it; any
   window update is <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> with the whole window. */
static void test_fin_wait_2_ack_data_consumed(void **state)
{
    struct fx *f = *state;
    fx_fill_window(f, f->snd_nxt, TCPFSM_ROW_T61);
    fx_consume_window(f);
}

/* T61: FIN-WAIT-2 still takes text: out-of-order text may be held (SIG_OUT_OF_ORDER) and handed
   back once the gap is filled. */
static void test_fin_wait_2_reassembled(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt + 5u, f->snd_nxt, 5);
    fx_expect_row(f, TCPFSM_ROW_T61, TCPFSM_FIN_WAIT_2);
    fx_expect_events(f, TCPFSM_SIG_OUT_OF_ORDER);
    fx_expect_data(f, f->rcv_nxt + 5u, 0, 5);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 5);
    fx_expect_row(f, TCPFSM_ROW_T61, TCPFSM_FIN_WAIT_2);
    fx_expect_events(f, TCPFSM_SIG_DATA);
    fx_expect_data(f, f->rcv_nxt, 0, 5);
    f->rcv_nxt += 5u;
    f->rcv_wnd -= 5u;
    fx_reassembled(f, 5);
    fx_expect_no_transition(f);
    fx_expect_events(f, TCPFSM_SIG_DATA);
    fx_expect_data(f, f->rcv_nxt, 0, 5);
    f->rcv_nxt += 5u;
    f->rcv_wnd -= 5u;
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_vars(f);
    /* PUSH: nothing to send after our FIN */
    fx_push(f);
    fx_expect_count(f, 0);
    fx_expect_events(f, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TESTS(test_fin_wait_2_reassembled, setup_fin_wait_2),
        FX_RST_MATRIX_TESTS(fin_wait_2, setup_fin_wait_2),
        FX_SYN_MATRIX_TESTS(fin_wait_2, setup_fin_wait_2),
        FX_ACK_MATRIX_TESTS(fin_wait_2, setup_fin_wait_2),
        FX_TESTS(test_fin_wait_2_ack_value_snd_nxt, setup_fin_wait_2),
        FX_TESTS(test_fin_wait_2_ack_data, setup_fin_wait_2),
        FX_TESTS(test_fin_wait_2_fin, setup_fin_wait_2),
        FX_TESTS(test_fin_wait_2_fin_with_data, setup_fin_wait_2),
        FX_TESTS(test_fin_wait_2_fin_wait_2_timeout, setup_fin_wait_2),
        FX_TESTS(test_fin_wait_2_fin_wait_2_timeout_configured, setup_fin_wait_1),
        FX_TESTS(test_fin_wait_2_abort, setup_fin_wait_2),
        FX_TESTS(test_fin_wait_2_close_fails, setup_fin_wait_2),
        FX_TESTS(test_fin_wait_2_send_fails, setup_fin_wait_2),
        FX_TESTS(test_fin_wait_2_ack_data_consumed, setup_fin_wait_2),
    };
    return FX_RUN("test_fin_wait_2", tests);
}
