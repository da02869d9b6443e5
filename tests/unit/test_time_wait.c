/*
 * test_time_wait.c - TIME-WAIT (RFC 9293 3.10.7.4, 3.10.8, 3.6.1; RFC 1337; RFC 5961):
 * rows T109-T122. In the fixture SND.UNA = SND.NXT = ISS+2, RCV.NXT = IRS+2.
 * The tests run on setup_time_wait_rfc (tw_bsd off: RFC 9293's check, on every variant) but for
 * the time_wait_bsd_* tests (tw_bsd on: BSD's tcp_twcheck(), on every variant) and
 * time_wait_drop_synfin_* (drop_synfin on).
 */
#include "fixtures.h"

/* TIME-WAIT with RFC 9293's check of arriving segments (the freebsd profile has tw_bsd on). */
static int setup_time_wait_rfc(void **state)
{
    setup_time_wait(state);
    ((struct fx *)*state)->cfg.tw_bsd = 0u;
    return 0;
}

/* TIME-WAIT with BSD's check (tcp_twcheck()), on every variant. */
static int setup_time_wait_bsd(void **state)
{
    setup_time_wait(state);
    ((struct fx *)*state)->cfg.tw_bsd = 1u;
    return 0;
}

/* rst_left_edge*: T111 with rfc1337 (ignored), T112 without (-> CLOSED);
   rst_just_inside_left_edge, rst_right_edge: T113 with rfc1337 (ignored), T114 without (challenge
   ACK; T112 with rfc5961_rst off); ack_left_edge, ack_right_edge, ack_value_lowest_acceptable,
   ack_value_snd_nxt: T110; ack_just_outside_*, ack_data_outside_window: T120;
   ack_value_above_snd_nxt: T119; ack_value_below_lowest_acceptable: T119 (T110 with
   rfc5961_ack off). SYNs: see tw_syn_case. */
static const struct fx_sync_rows rows = {
    TCPFSM_ROW_T112, TCPFSM_ROW_T111, TCPFSM_CLOSED, TCPFSM_SIG_CLOSED, TCPFSM_ROW_T114,
    TCPFSM_ROW_T113, TCPFSM_ROW_T117, TCPFSM_ROW_T118, TCPFSM_ROW_T119, TCPFSM_ROW_T120,
    TCPFSM_ROW_T110, 0
};

FX_RST_MATRIX(time_wait, rows)
FX_ACK_MATRIX(time_wait, rows)

/* A SYN at `seq` in TIME-WAIT. Above RCV.NXT (RFC 9293 3.6.1 / RFC 1122 4.2.2.13: "a new SYN with
   a sequence number greater than the last seen"): T115 reopens when tw_reopen is configured
   (SYN-RECEIVED, ISS := old SND.NXT + 65537, <SEQ=ISS><ACK=SEG.SEQ+1><CTL=SYN,ACK>), T116 draws a
   challenge ACK otherwise. Not above: SYN_SYNC, T117 challenge ACK (RFC 5961 4.2), or with
   rfc5961_syn off T118 (RST, CLOSED) in the window and T120 (ACK) outside it. */
static void tw_syn_case(struct fx *f, uint32_t seq)
{
    fx_seg(f, TCPFSM_SYN, seq, 0, 0);
    if (fx_seq_lt(f->rcv_nxt, seq)) {
        if (f->cfg.tw_reopen) {
            uint32_t iss = f->snd_nxt + 65537u;
            fx_expect_row(f, TCPFSM_ROW_T115, TCPFSM_SYN_RECEIVED);
            fx_expect_count(f, 1);
            fx_expect_seg(f, 0, iss, seq + 1u, TCPFSM_SYN | TCPFSM_ACK, 0);
            fx_expect_events(f, TCPFSM_SIG_REOPENED);   /* a new incarnation, ISS chosen by the core */
            assert_int_equal(tcpfsm_iss(&f->conn), iss);
            /* a new incarnation: the initial RTO (RFC 6298 2.1) or the cached one */
            if (f->out.deadline != f->now + f->cfg.rto_initial) {
                fx_expect_deadline(f, f->now + f->rto);
            }
            /* the handshake of the new incarnation completes (T21) */
            fx_seg(f, TCPFSM_ACK, seq + 1u, iss + 1u, 0);
            fx_expect_row(f, TCPFSM_ROW_T21, TCPFSM_ESTABLISHED);
            fx_expect_count(f, 0);
            fx_expect_events_mask(f, TCPFSM_SIG_CONNECTED, TCPFSM_SIG_ACKED);
        } else {
            fx_expect_row(f, TCPFSM_ROW_T116, TCPFSM_TIME_WAIT);
            fx_expect_count(f, 1);
            fx_expect_ack(f, 0);
            fx_expect_events(f, 0);
            fx_expect_deadline_unchanged(f);
        }
    } else if (f->cfg.rfc5961_syn) {
        fx_expect_row(f, TCPFSM_ROW_T117, TCPFSM_TIME_WAIT);
        fx_expect_count(f, 1);
        fx_expect_ack(f, 0);
        fx_expect_events(f, 0);
        fx_expect_deadline_unchanged(f);
    } else if (fx_in_rcv_window(f, seq)) {
        fx_expect_row(f, TCPFSM_ROW_T118, TCPFSM_CLOSED);
        fx_expect_count(f, 1);
        fx_expect_seg(f, 0, 0, seq + 1u, TCPFSM_RST | TCPFSM_ACK, 0);
        fx_expect_events(f, TCPFSM_SIG_RESET);
        fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
    } else {
        fx_expect_row(f, TCPFSM_ROW_T120, TCPFSM_TIME_WAIT);
        fx_expect_count(f, 1);
        fx_expect_ack(f, 0);
        fx_expect_events(f, 0);
    }
}

static void test_time_wait_syn_left_edge(void **state)
{
    struct fx *f = *state;
    tw_syn_case(f, f->rcv_nxt); /* T117 / T118 */
}

static void test_time_wait_syn_right_edge(void **state)
{
    struct fx *f = *state;
    tw_syn_case(f, f->rcv_nxt + f->rcv_wnd - 1u); /* T115 / T116 */
}

static void test_time_wait_syn_just_outside_right_edge(void **state)
{
    struct fx *f = *state;
    tw_syn_case(f, f->rcv_nxt + f->rcv_wnd); /* T115 / T116 */
}

static void test_time_wait_syn_just_outside_left_edge(void **state)
{
    struct fx *f = *state;
    tw_syn_case(f, f->rcv_nxt - 1u); /* T117 / T120 */
}

static void test_time_wait_syn_just_above_rcv_nxt(void **state)
{
    struct fx *f = *state;
    tw_syn_case(f, f->rcv_nxt + 1u); /* T115 / T116 */
}

/* T115 on every variant: tw_reopen switched on in the configuration. */
static void test_time_wait_syn_reopen(void **state)
{
    struct fx *f = *state;
    f->cfg.tw_reopen = 1;
    tw_syn_case(f, f->rcv_nxt + 100000u);
}

/* T116 on every variant: tw_reopen switched off. */
static void test_time_wait_syn_no_reopen(void **state)
{
    struct fx *f = *state;
    f->cfg.tw_reopen = 0;
    tw_syn_case(f, f->rcv_nxt + 100000u);
}

/* T110 at SEG.ACK = SND.NXT. */
static void test_time_wait_ack_value_snd_nxt(void **state)
{
    struct fx *f = *state;
    fx_ack_value_case(f, &rows, f->snd_nxt);
}

/* T109: "The only thing that can arrive in this state is a retransmission of the remote FIN.
   Acknowledge it, and restart the 2 MSL timeout." */
static void test_time_wait_fin_retransmitted(void **state)
{
    struct fx *f = *state;
    fx_advance(f, 10u * FX_S);
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt - 1u, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T109, TCPFSM_TIME_WAIT);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events(f, 0);
    fx_expect_deadline(f, f->now + 2u * (tcpfsm_time_t)f->cfg.msl);
}

/* T121: "If the time-wait timeout expires on a connection, delete the TCB, enter the CLOSED
   state, and return." Not a microsecond earlier. */
static void test_time_wait_time_wait_expiry(void **state)
{
    struct fx *f = *state;
    tcpfsm_time_t deadline = f->deadline;
    f->now = deadline - 1u;
    fx_timer(f);
    fx_expect_no_row(f);
    fx_expect_deadline(f, deadline);
    fx_fire(f);
    fx_expect_row(f, TCPFSM_ROW_T121, TCPFSM_CLOSED);
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_CLOSED);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* T121 late: the clock may be called after the deadline. */
static void test_time_wait_time_wait_expiry_late(void **state)
{
    struct fx *f = *state;
    f->now = f->deadline + 5u * FX_S;
    fx_timer(f);
    fx_expect_row(f, TCPFSM_ROW_T121, TCPFSM_CLOSED);
    fx_expect_events(f, TCPFSM_SIG_CLOSED);
}

/* T122: "Respond with "ok" and delete the TCB, enter CLOSED state" - no RST. */
static void test_time_wait_abort(void **state)
{
    struct fx *f = *state;
    fx_abort(f);
    fx_expect_row(f, TCPFSM_ROW_T122, TCPFSM_CLOSED);
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_CLOSED);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* "TIME-WAIT STATE: Respond with "error: connection closing"." */
static void test_time_wait_close_fails(void **state)
{
    fx_expect_call_fails(*state, TCPFSM_ERR_CLOSING, tcpfsm_close);
}

static void test_time_wait_send_fails(void **state)
{
    fx_expect_send_fails(*state, TCPFSM_ERR_CLOSING, 10u);
}

static void test_time_wait_open_fails(void **state)
{
    fx_expect_open_fails(*state, TCPFSM_ERR_STATE, 0);
}


/* A SYN,ACK above RCV.NXT is not "a new SYN" (SYN without ACK): SYN_SYNC, T117 (challenge ACK),
   or with rfc5961_syn off T120 (outside the window) / T118 (in it). */
static void test_time_wait_syn_ack_above_rcv_nxt(void **state)
{
    struct fx *f = *state;
    uint32_t seq = f->rcv_nxt + f->rcv_wnd + 10u;
    fx_seg(f, TCPFSM_SYN | TCPFSM_ACK, seq, f->snd_nxt, 0);
    if (f->cfg.rfc5961_syn) {
        fx_expect_row(f, TCPFSM_ROW_T117, TCPFSM_TIME_WAIT);
    } else {
        fx_expect_row(f, TCPFSM_ROW_T120, TCPFSM_TIME_WAIT);
    }
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
}

/* ---------------------------------------------------------------- tw_bsd (FreeBSD tcp_twcheck()) */

/* "Drop the segment if it does not contain an ACK.": a SYN at or below RCV.NXT (in the window, at
   its left edge, and just below it) draws nothing and TIME-WAIT goes on, whatever rfc5961_syn says
   (no challenge ACK, no RST). */
static void test_time_wait_bsd_syn_not_above_dropped(void **state)
{
    struct fx *f = *state;
    const uint32_t seqs[] = { f->rcv_nxt, f->rcv_nxt - 1u, f->rcv_nxt - 100000u };
    unsigned i;
    for (i = 0; i < sizeof seqs / sizeof seqs[0]; i++) {
        fx_seg(f, TCPFSM_SYN, seqs[i], 0, 0);
        fx_expect_no_row(f);
        assert_int_equal(f->out.event, 0xff);
        assert_int_equal(tcpfsm_state(&f->conn), TCPFSM_TIME_WAIT);
        fx_expect_deadline_unchanged(f);
    }
}

/* A FIN without ACK (its retransmission, or one in the window), a bare segment with text, a
   SYN+FIN at RCV.NXT: dropped unanswered ("Drop the segment if it does not contain an ACK."). */
static void test_time_wait_bsd_no_ack_dropped(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_FIN, f->rcv_nxt - 1u, 0, 0);
    fx_expect_no_row(f);
    fx_expect_deadline_unchanged(f);
    fx_seg(f, TCPFSM_FIN, f->rcv_nxt + 10u, 0, 0);
    fx_expect_no_row(f);
    fx_seg(f, TCPFSM_PSH, f->rcv_nxt, 0, 10);
    fx_expect_no_row(f);
    fx_seg(f, TCPFSM_SYN | TCPFSM_FIN, f->rcv_nxt, 0, 0);
    fx_expect_no_row(f);
    assert_int_equal(tcpfsm_state(&f->conn), TCPFSM_TIME_WAIT);
    fx_expect_deadline_unchanged(f);
}

/* A new SYN above RCV.NXT still reopens (T115 with tw_reopen) or draws T116's challenge ACK. */
static void test_time_wait_bsd_syn_above_reopens(void **state)
{
    struct fx *f = *state;
    tw_syn_case(f, f->rcv_nxt + 1u);
}

/* The exact duplicate ACK (SEG.SEQ = RCV.NXT, SEG.ACK = SND.NXT, ACK alone, no text): T110,
   nothing sent. */
static void test_time_wait_bsd_ack_duplicate(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T110, TCPFSM_TIME_WAIT);
    fx_expect_count(f, 0);
    fx_expect_events(f, 0);
    fx_expect_deadline_unchanged(f);
}

/* "Acknowledge the segment if it has data or is not a duplicate ACK": T120, one ACK
   <SEQ=SND.NXT><ACK=RCV.NXT>, the 2 MSL timer not restarted, for an ACK in the window but not at
   RCV.NXT, one below RCV.NXT, one acknowledging less or more than SND.NXT, PSH,ACK, text. */
static void test_time_wait_bsd_ack_not_duplicate(void **state)
{
    struct fx *f = *state;
    const struct { uint16_t flags; uint32_t seq, ack; uint16_t len; } segs[] = {
        { TCPFSM_ACK, f->rcv_nxt + 1u, f->snd_nxt, 0 },
        { TCPFSM_ACK, f->rcv_nxt + f->rcv_wnd - 1u, f->snd_nxt, 0 },
        { TCPFSM_ACK, f->rcv_nxt - 1u, f->snd_nxt, 0 },
        { TCPFSM_ACK, f->rcv_nxt, f->snd_nxt - 1u, 0 },
        { TCPFSM_ACK, f->rcv_nxt, f->snd_nxt + 1u, 0 },
        { TCPFSM_ACK | TCPFSM_PSH, f->rcv_nxt, f->snd_nxt, 0 },
        { TCPFSM_ACK | TCPFSM_PSH, f->rcv_nxt, f->snd_nxt, 10 },
        { TCPFSM_ACK | TCPFSM_FIN, f->rcv_nxt, f->snd_nxt, 0 },
    };
    unsigned i;
    fx_advance(f, 1u * FX_S);
    for (i = 0; i < sizeof segs / sizeof segs[0]; i++) {
        fx_seg(f, segs[i].flags, segs[i].seq, segs[i].ack, segs[i].len);
        fx_expect_row(f, TCPFSM_ROW_T120, TCPFSM_TIME_WAIT);
        fx_expect_count(f, 1);
        fx_expect_ack(f, 0);
        fx_expect_events(f, 0);
        fx_expect_deadline_unchanged(f);
    }
}

/* A SYN,ACK draws an ACK and TIME-WAIT goes on, in the window or not, whatever rfc5961_syn says
   (FreeBSD: "a SYN,ACK draws an ACK, never a RST"). */
static void test_time_wait_bsd_syn_ack(void **state)
{
    struct fx *f = *state;
    const uint32_t seqs[] = { f->rcv_nxt, f->rcv_nxt + f->rcv_wnd - 1u, f->rcv_nxt + f->rcv_wnd + 10u,
                              f->rcv_nxt - 1u };
    unsigned i;
    for (i = 0; i < sizeof seqs / sizeof seqs[0]; i++) {
        fx_seg(f, TCPFSM_SYN | TCPFSM_ACK, seqs[i], f->snd_nxt, 0);
        fx_expect_row(f, TCPFSM_ROW_T120, TCPFSM_TIME_WAIT);
        fx_expect_count(f, 1);
        fx_expect_ack(f, 0);
        fx_expect_events(f, 0);
    }
}

/* "Reset the 2MSL timer if this is a duplicate FIN.": T109, ACK and 2 MSL again. */
static void test_time_wait_bsd_fin_retransmitted(void **state)
{
    struct fx *f = *state;
    fx_advance(f, 10u * FX_S);
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt - 1u, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T109, TCPFSM_TIME_WAIT);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_deadline(f, f->now + 2u * (tcpfsm_time_t)f->cfg.msl);
}

/* A RST keeps RFC 1337 / RFC 5961 3.2 (the RST matrix): at RCV.NXT T111 or T112. */
static void test_time_wait_bsd_rst(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_RST, f->rcv_nxt, 0, 0);
    if (f->cfg.rfc1337) {
        fx_expect_row(f, TCPFSM_ROW_T111, TCPFSM_TIME_WAIT);
    } else {
        fx_expect_row(f, TCPFSM_ROW_T112, TCPFSM_CLOSED);
    }
    fx_expect_count(f, 0);
}

/* ---------------------------------------------------------------- drop_synfin */

/* drop_synfin: a SYN+FIN is dropped unanswered, below, at, and above RCV.NXT (not reopening),
   with tw_bsd on or off. */
static void test_time_wait_drop_synfin_syn_fin(void **state)
{
    struct fx *f = *state;
    const uint32_t seqs[] = { f->rcv_nxt - 1u, f->rcv_nxt, f->rcv_nxt + 1u, f->rcv_nxt + 100000u };
    unsigned i, bsd;
    f->cfg.drop_synfin = 1u;
    for (bsd = 0; bsd < 2; bsd++) {
        f->cfg.tw_bsd = (uint8_t)bsd;
        for (i = 0; i < sizeof seqs / sizeof seqs[0]; i++) {
            fx_seg(f, TCPFSM_SYN | TCPFSM_FIN, seqs[i], 0, 0);
            fx_expect_no_row(f);
            assert_int_equal(tcpfsm_state(&f->conn), TCPFSM_TIME_WAIT);
            fx_expect_deadline_unchanged(f);
        }
    }
}

/* Without drop_synfin a SYN+FIN above RCV.NXT is a new SYN: T115 (tw_reopen) or T116. */
static void test_time_wait_syn_fin_above_reopens(void **state)
{
    struct fx *f = *state;
    f->cfg.drop_synfin = 0u;
    fx_seg(f, TCPFSM_SYN | TCPFSM_FIN, f->rcv_nxt + 100000u, 0, 0);
    if (f->cfg.tw_reopen) {
        fx_expect_row(f, TCPFSM_ROW_T115, TCPFSM_SYN_RECEIVED);
        fx_expect_events(f, TCPFSM_SIG_REOPENED);
    } else {
        fx_expect_row(f, TCPFSM_ROW_T116, TCPFSM_TIME_WAIT);
        fx_expect_events(f, 0);
    }
    fx_expect_count(f, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_RST_MATRIX_TESTS(time_wait, setup_time_wait_rfc),
        FX_ACK_MATRIX_TESTS(time_wait, setup_time_wait_rfc),
        FX_TESTS(test_time_wait_syn_left_edge, setup_time_wait_rfc),
        FX_TESTS(test_time_wait_syn_right_edge, setup_time_wait_rfc),
        FX_TESTS(test_time_wait_syn_just_outside_right_edge, setup_time_wait_rfc),
        FX_TESTS(test_time_wait_syn_just_outside_left_edge, setup_time_wait_rfc),
        FX_TESTS(test_time_wait_syn_just_above_rcv_nxt, setup_time_wait_rfc),
        FX_TESTS(test_time_wait_syn_reopen, setup_time_wait_rfc),
        FX_TESTS(test_time_wait_syn_no_reopen, setup_time_wait_rfc),
        FX_TESTS(test_time_wait_ack_value_snd_nxt, setup_time_wait_rfc),
        FX_TESTS(test_time_wait_fin_retransmitted, setup_time_wait_rfc),
        FX_TESTS(test_time_wait_time_wait_expiry, setup_time_wait_rfc),
        FX_TESTS(test_time_wait_time_wait_expiry_late, setup_time_wait_rfc),
        FX_TESTS(test_time_wait_abort, setup_time_wait_rfc),
        FX_TESTS(test_time_wait_close_fails, setup_time_wait_rfc),
        FX_TESTS(test_time_wait_send_fails, setup_time_wait_rfc),
        FX_TESTS(test_time_wait_open_fails, setup_time_wait_rfc),
        FX_TESTS(test_time_wait_syn_ack_above_rcv_nxt, setup_time_wait_rfc),
        FX_TESTS(test_time_wait_bsd_syn_not_above_dropped, setup_time_wait_bsd),
        FX_TESTS(test_time_wait_bsd_no_ack_dropped, setup_time_wait_bsd),
        FX_TESTS(test_time_wait_bsd_syn_above_reopens, setup_time_wait_bsd),
        FX_TESTS(test_time_wait_bsd_ack_duplicate, setup_time_wait_bsd),
        FX_TESTS(test_time_wait_bsd_ack_not_duplicate, setup_time_wait_bsd),
        FX_TESTS(test_time_wait_bsd_syn_ack, setup_time_wait_bsd),
        FX_TESTS(test_time_wait_bsd_fin_retransmitted, setup_time_wait_bsd),
        FX_TESTS(test_time_wait_bsd_rst, setup_time_wait_bsd),
        FX_TESTS(test_time_wait_drop_synfin_syn_fin, setup_time_wait),
        FX_TESTS(test_time_wait_syn_fin_above_reopens, setup_time_wait),
    };
    return FX_RUN("test_time_wait", tests);
}
