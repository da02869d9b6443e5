/*
 * test_last_ack.c - LAST-ACK (RFC 9293 3.10.7.4, 3.10.5; RFC 5961): rows T96-T108.
 * In the fixture SND.UNA = ISS+1, SND.NXT = ISS+2 (our FIN outstanding), RCV.NXT = IRS+2.
 */
#include "fixtures.h"

/* rst_left_edge*: T100 (-> CLOSED); rst_just_inside_left_edge, rst_right_edge: T101 (T100 with
   rfc5961_rst off); syn_*: T102 (T103 in the window, T105 outside, with rfc5961_syn off);
   ack_left_edge, ack_right_edge, ack_value_lowest_acceptable: T97; ack_just_outside_*,
   ack_data_outside_window: T105; ack_value_above_snd_nxt: T104;
   ack_value_below_lowest_acceptable: T104 (T97 with rfc5961_ack off). */
static const struct fx_sync_rows rows = {
    TCPFSM_ROW_T100, 0, TCPFSM_CLOSED, TCPFSM_SIG_CLOSED, TCPFSM_ROW_T101, 0, TCPFSM_ROW_T102,
    TCPFSM_ROW_T103, TCPFSM_ROW_T104, TCPFSM_ROW_T105, TCPFSM_ROW_T97, TCPFSM_ROW_T124
};

FX_RST_MATRIX(last_ack, rows)
FX_SYN_MATRIX(last_ack, rows)
FX_ACK_MATRIX(last_ack, rows)

/* T96: "The only thing that can arrive in this state is an acknowledgment of our FIN. If our FIN
   is now acknowledged, delete the TCB, enter the CLOSED state, and return." */
static void test_last_ack_ack_of_fin(void **state)
{
    struct fx *f = *state;
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T96, TCPFSM_CLOSED);
    fx_expect_count(f, 0);
    fx_expect_events_mask(f, TCPFSM_SIG_CLOSED, TCPFSM_SIG_ACKED);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* T96 at the right edge of the window. */
static void test_last_ack_ack_of_fin_right_edge(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt + f->rcv_wnd - 1u, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T96, TCPFSM_CLOSED);
    fx_expect_count(f, 0);
}

/* T98: "LAST-ACK STATE: Remain in the LAST-ACK state." The retransmitted FIN is acknowledged. */
static void test_last_ack_fin_retransmitted(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt - 1u, f->snd_una, 0);
    fx_expect_row(f, TCPFSM_ROW_T98, TCPFSM_LAST_ACK);
    fx_expect_count(f, 1);
    fx_expect_owed_ack(f, 0);
    fx_expect_events(f, 0);
    fx_expect_deadline_unchanged(f);
}

/* T99: a retransmitted FIN whose ACK covers our FIN: acknowledged, then CLOSED. */
static void test_last_ack_fin_ack(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt - 1u, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T99, TCPFSM_CLOSED);
    f->snd_una = f->snd_nxt;
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events_mask(f, TCPFSM_SIG_CLOSED, TCPFSM_SIG_ACKED);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* T106: retransmit our FIN. */
static void test_last_ack_rto(void **state)
{
    struct fx *f = *state;
    fx_expect_rto_fires(f, TCPFSM_ROW_T106, f->snd_nxt - 1u, TCPFSM_FIN | TCPFSM_ACK, 0);
}

/* T107 after cfg.retries times T106. */
static void test_last_ack_rto_giveup(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_segment fin = { 0, 0, TCPFSM_FIN | TCPFSM_ACK, 0, 0, 0, TCPFSM_WSCALE_NONE };
    fin.seq = f->snd_nxt - 1u;
    fin.ack = f->rcv_nxt;
    fx_expect_retransmissions(f, f->cfg.retries, 0, f->rto, TCPFSM_ROW_T106, &fin,
                              TCPFSM_ROW_T107, TCPFSM_CLOSED, TCPFSM_SIG_TIMEOUT);
}

/* T108: "Respond with "ok" and delete the TCB, enter CLOSED state" - no RST. */
static void test_last_ack_abort(void **state)
{
    fx_expect_abort(*state, TCPFSM_ROW_T108, 0);
}

static void test_last_ack_close_fails(void **state)
{
    fx_expect_call_fails(*state, TCPFSM_ERR_CLOSING, tcpfsm_close);
}

static void test_last_ack_send_fails(void **state)
{
    fx_expect_send_fails(*state, TCPFSM_ERR_CLOSING, 10u);
}

/* T98 with the knob ack_repeats_fin (on every variant): the ACK of the retransmitted FIN repeats
   ours, <SEQ=SND.NXT-1><ACK=RCV.NXT><CTL=FIN,ACK>. */
static void test_last_ack_fin_repeats_our_fin(void **state)
{
    struct fx *f = *state;
    f->cfg.ack_repeats_fin = 1;
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt - 1u, f->snd_una, 0);
    fx_expect_row(f, TCPFSM_ROW_T98, TCPFSM_LAST_ACK);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt - 1u, f->rcv_nxt, TCPFSM_FIN | TCPFSM_ACK, 0);
    fx_expect_events(f, 0);
    fx_expect_vars(f);
}

/* T124 (closing_rst_resets, FreeBSD, on every variant): a valid RST in LAST-ACK is reported as
   "connection reset" (ECONNRESET), not as a plain close (T100). */
static void test_last_ack_rst_reports_reset(void **state)
{
    struct fx *f = *state;
    f->cfg.closing_rst_resets = 1;
    fx_seg(f, TCPFSM_RST, f->rcv_nxt, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T124, TCPFSM_CLOSED);
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_RESET);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* T100 with closing_rst_resets off (on every variant). */
static void test_last_ack_rst_closes(void **state)
{
    struct fx *f = *state;
    f->cfg.closing_rst_resets = 0;
    fx_seg(f, TCPFSM_RST, f->rcv_nxt, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T100, TCPFSM_CLOSED);
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_CLOSED);
}

/* CLOSE with more queued than one output carries: SEND leaves data queued (SIG_MORE), CLOSE
   (TCPFSM_ROW_T73) sends three more segments and cannot add the FIN yet (SIG_MORE); SEND is now refused
   ("error: connection closing") but PUSH sends the last segment and then the FIN (3.10.4: "Queue
   this until all preceding SENDs have been segmentized, then form a FIN segment and send it"). */
static void test_last_ack_push(void **state)
{
    fx_expect_close_then_push(*state, TCPFSM_ROW_T73, TCPFSM_LAST_ACK);   /* from CLOSE-WAIT */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TESTS(test_last_ack_push, setup_close_wait),
        FX_RST_MATRIX_TESTS(last_ack, setup_last_ack),
        FX_SYN_MATRIX_TESTS(last_ack, setup_last_ack),
        FX_ACK_MATRIX_TESTS(last_ack, setup_last_ack),
        FX_TESTS(test_last_ack_ack_of_fin, setup_last_ack),
        FX_TESTS(test_last_ack_ack_of_fin_right_edge, setup_last_ack),
        FX_TESTS(test_last_ack_fin_retransmitted, setup_last_ack),
        FX_TESTS(test_last_ack_fin_repeats_our_fin, setup_last_ack),
        FX_TESTS(test_last_ack_rst_reports_reset, setup_last_ack),
        FX_TESTS(test_last_ack_rst_closes, setup_last_ack),
        FX_TESTS(test_last_ack_fin_ack, setup_last_ack),
        FX_TESTS(test_last_ack_rto, setup_last_ack),
        FX_TESTS(test_last_ack_rto_giveup, setup_last_ack),
        FX_TESTS(test_last_ack_abort, setup_last_ack),
        FX_TESTS(test_last_ack_close_fails, setup_last_ack),
        FX_TESTS(test_last_ack_send_fails, setup_last_ack),
    };
    return FX_RUN("test_last_ack", tests);
}
