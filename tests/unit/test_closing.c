/*
 * test_closing.c - CLOSING (RFC 9293 3.10.7.4, 3.10.5; RFC 5961): rows T83-T95.
 * In the fixture SND.UNA = ISS+1, SND.NXT = ISS+2 (our FIN outstanding), RCV.NXT = IRS+2.
 */
#include "fixtures.h"

/* rst_left_edge*: T87 (-> CLOSED, "enter the CLOSED state, delete the TCB"); rst_just_inside_
   left_edge, rst_right_edge: T88 (T87 with rfc5961_rst off); syn_*: T89 (T90 in the window, T92
   outside, with rfc5961_syn off); ack_left_edge, ack_right_edge, ack_value_lowest_acceptable:
   T84; ack_just_outside_*, ack_data_outside_window: T92; ack_value_above_snd_nxt: T91;
   ack_value_below_lowest_acceptable: T91 (T84 with rfc5961_ack off). */
static const struct fx_sync_rows rows = {
    TCPFSM_ROW_T87, 0, TCPFSM_CLOSED, TCPFSM_SIG_CLOSED, TCPFSM_ROW_T88, 0, TCPFSM_ROW_T89,
    TCPFSM_ROW_T90, TCPFSM_ROW_T91, TCPFSM_ROW_T92, TCPFSM_ROW_T84, TCPFSM_ROW_T123
};

FX_RST_MATRIX(closing, rows)
FX_SYN_MATRIX(closing, rows)
FX_ACK_MATRIX(closing, rows)

/* T83: "In addition to the processing for the ESTABLISHED state, if the ACK acknowledges our FIN,
   then enter the TIME-WAIT state; otherwise, ignore the segment." */
static void test_closing_ack_of_fin(void **state)
{
    struct fx *f = *state;
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T83, TCPFSM_TIME_WAIT);
    fx_expect_count(f, 0);
    fx_expect_events_mask(f, 0, TCPFSM_SIG_ACKED);
    fx_expect_deadline(f, f->now + 2u * (tcpfsm_time_t)f->cfg.msl);
    /* and TIME-WAIT runs its course: T121 */
    fx_fire(f);
    fx_expect_row(f, TCPFSM_ROW_T121, TCPFSM_CLOSED);
    fx_expect_events(f, TCPFSM_SIG_CLOSED);
}

/* T83 at the right edge of the window. */
static void test_closing_ack_of_fin_right_edge(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt + f->rcv_wnd - 1u, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T83, TCPFSM_TIME_WAIT);
    fx_expect_count(f, 0);
}

/* T85: "CLOSING STATE: Remain in the CLOSING state." A retransmitted FIN that does not cover our
   FIN is acknowledged again. */
static void test_closing_fin_retransmitted(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt - 1u, f->snd_una, 0);
    fx_expect_row(f, TCPFSM_ROW_T85, TCPFSM_CLOSING);
    fx_expect_count(f, 1);
    fx_expect_owed_ack(f, 0);
    fx_expect_events(f, 0);
    fx_expect_deadline_unchanged(f);
}

/* T86: a retransmitted FIN whose ACK covers our FIN: TIME-WAIT, acknowledging it. */
static void test_closing_fin_ack(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt - 1u, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T86, TCPFSM_TIME_WAIT);
    f->snd_una = f->snd_nxt;
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events_mask(f, 0, TCPFSM_SIG_ACKED);
    fx_expect_deadline(f, f->now + 2u * (tcpfsm_time_t)f->cfg.msl);
}

/* T93: retransmit our FIN <SEQ=SND.NXT-1><ACK=RCV.NXT><CTL=FIN,ACK>. */
static void test_closing_rto(void **state)
{
    struct fx *f = *state;
    fx_expect_rto_fires(f, TCPFSM_ROW_T93, f->snd_nxt - 1u, TCPFSM_FIN | TCPFSM_ACK, 0);
}

/* T94 after cfg.retries times T93. */
static void test_closing_rto_giveup(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_segment fin = { 0, 0, TCPFSM_FIN | TCPFSM_ACK, 0, 0, 0, TCPFSM_WSCALE_NONE };
    fin.seq = f->snd_nxt - 1u;
    fin.ack = f->rcv_nxt;
    fx_expect_retransmissions(f, f->cfg.retries, 0, f->rto, TCPFSM_ROW_T93, &fin, TCPFSM_ROW_T94,
                              TCPFSM_CLOSED, TCPFSM_SIG_TIMEOUT);
}

/* T95: "CLOSING STATE, LAST-ACK STATE, TIME-WAIT STATE: Respond with "ok" and delete the TCB,
   enter CLOSED state, and return." - no RST. */
static void test_closing_abort(void **state)
{
    fx_expect_abort(*state, TCPFSM_ROW_T95, 0);
}

/* "CLOSING STATE: Respond with "error: connection closing"." */
static void test_closing_close_fails(void **state)
{
    fx_expect_call_fails(*state, TCPFSM_ERR_CLOSING, tcpfsm_close);
}

static void test_closing_send_fails(void **state)
{
    fx_expect_send_fails(*state, TCPFSM_ERR_CLOSING, 10u);
}

/* T85 with the knob ack_repeats_fin (on every variant): the ACK of the retransmitted FIN repeats
   ours, <SEQ=SND.NXT-1><ACK=RCV.NXT><CTL=FIN,ACK>. */
static void test_closing_fin_repeats_our_fin(void **state)
{
    struct fx *f = *state;
    f->cfg.ack_repeats_fin = 1;
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt - 1u, f->snd_una, 0);
    fx_expect_row(f, TCPFSM_ROW_T85, TCPFSM_CLOSING);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt - 1u, f->rcv_nxt, TCPFSM_FIN | TCPFSM_ACK, 0);
    fx_expect_events(f, 0);
    fx_expect_vars(f);
}

/* T92 with ack_repeats_fin and rfc5961_syn off: a SYN outside the window is answered with the
   plain ACK (FreeBSD answers every SYN from its SYN check with tcp_respond(), never with the FIN);
   data outside the window gets the FIN again (tcp_output()). */
static void test_closing_unacceptable_repeats_fin_but_not_to_syn(void **state)
{
    struct fx *f = *state;
    f->cfg.ack_repeats_fin = 1;
    f->cfg.rfc5961_syn = 0;
    fx_seg(f, TCPFSM_SYN, f->rcv_nxt + f->rcv_wnd, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T92, TCPFSM_CLOSING);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_ACK, 0);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt + f->rcv_wnd, f->snd_una, 10);
    fx_expect_row(f, TCPFSM_ROW_T92, TCPFSM_CLOSING);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt - 1u, f->rcv_nxt, TCPFSM_FIN | TCPFSM_ACK, 0);
}

/* T123 (closing_rst_resets, FreeBSD, on every variant): a valid RST in CLOSING is reported as
   "connection reset" (ECONNRESET), not as a plain close (T87). */
static void test_closing_rst_reports_reset(void **state)
{
    struct fx *f = *state;
    f->cfg.closing_rst_resets = 1;
    fx_seg(f, TCPFSM_RST, f->rcv_nxt, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T123, TCPFSM_CLOSED);
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_RESET);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* T87 with closing_rst_resets off (on every variant): "enter the CLOSED state, delete the TCB". */
static void test_closing_rst_closes(void **state)
{
    struct fx *f = *state;
    f->cfg.closing_rst_resets = 0;
    fx_seg(f, TCPFSM_RST, f->rcv_nxt, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T87, TCPFSM_CLOSED);
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_CLOSED);
}

/* T90 with syn_rst_from_tcb (FreeBSD tcp_drop(), rfc5961_syn off, on every variant): the RST for
   an in-window SYN is formed from the connection, <SEQ=SND.NXT><ACK=RCV.NXT><CTL=RST,ACK>. */
static void test_closing_syn_rst_from_tcb(void **state)
{
    struct fx *f = *state;
    f->cfg.rfc5961_syn = 0;
    f->cfg.syn_rst_from_tcb = 1;
    fx_seg(f, TCPFSM_SYN, f->rcv_nxt, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T90, TCPFSM_CLOSED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_RST | TCPFSM_ACK, 0);
    fx_expect_window(f, 0, 0);
    fx_expect_events(f, TCPFSM_SIG_RESET);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_RST_MATRIX_TESTS(closing, setup_closing),
        FX_SYN_MATRIX_TESTS(closing, setup_closing),
        FX_ACK_MATRIX_TESTS(closing, setup_closing),
        FX_TESTS(test_closing_ack_of_fin, setup_closing),
        FX_TESTS(test_closing_ack_of_fin_right_edge, setup_closing),
        FX_TESTS(test_closing_fin_retransmitted, setup_closing),
        FX_TESTS(test_closing_fin_repeats_our_fin, setup_closing),
        FX_TESTS(test_closing_unacceptable_repeats_fin_but_not_to_syn, setup_closing),
        FX_TESTS(test_closing_rst_reports_reset, setup_closing),
        FX_TESTS(test_closing_rst_closes, setup_closing),
        FX_TESTS(test_closing_syn_rst_from_tcb, setup_closing),
        FX_TESTS(test_closing_fin_ack, setup_closing),
        FX_TESTS(test_closing_rto, setup_closing),
        FX_TESTS(test_closing_rto_giveup, setup_closing),
        FX_TESTS(test_closing_abort, setup_closing),
        FX_TESTS(test_closing_close_fails, setup_closing),
        FX_TESTS(test_closing_send_fails, setup_closing),
    };
    return FX_RUN("test_closing", tests);
}
