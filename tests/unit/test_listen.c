/*
 * test_listen.c - LISTEN (RFC 9293 3.10.7.2, 3.10.2, 3.10.4, 3.10.5): rows T02, T05-T11.
 */
#include "fixtures.h"

/* T02 (CLOSED OPEN_PASSIVE) is the fixture's own step; repeated here so the row has a test. */
static void test_listen_open_passive(void **state)
{
    fx_to_listen(*state);
}

/* T05: "set RCV.NXT to SEG.SEQ+1, IRS is set to SEG.SEQ ... ISS should be selected and a SYN
   segment sent of the form: <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>" */
static void test_listen_syn(void **state)
{
    struct fx *f = *state;
    fx_to_syn_received(f); /* asserts T05 and the SYN,ACK */
    fx_expect_window(f, 0, f->cfg.window);
}

/* T05 with SEG.SEQ = 2^32 - 1: RCV.NXT wraps to 0. */
static void test_listen_syn_irs_wraps(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_SYN, 0xffffffffu, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T05, TCPFSM_SYN_RECEIVED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss, 0, TCPFSM_SYN | TCPFSM_ACK, 0);
    fx_expect_deadline(f, f->now + f->cfg.rto_initial);
}

/* T06: "Any acknowledgment is bad if it arrives on a connection still in the LISTEN state. An
   acceptable reset segment should be formed for any arriving ACK-bearing segment. The RST should
   be formatted as follows: <SEQ=SEG.ACK><CTL=RST>" */
static void test_listen_bad_ack(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK, f->irs, 0xfffffffeu, 0);
    fx_expect_row(f, TCPFSM_ROW_T06, TCPFSM_LISTEN);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, 0xfffffffeu, 0, TCPFSM_RST, 0);
    fx_expect_events(f, 0);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* T06: a SYN,ACK is ACK-bearing: the ACK check comes before the SYN check (listen_synack_drop
   off, RFC 9293 3.10.7.2). */
static void test_listen_bad_ack_syn_ack(void **state)
{
    struct fx *f = *state;
    f->cfg.listen_synack_drop = 0u;
    fx_seg(f, TCPFSM_SYN | TCPFSM_ACK, f->irs, 31337u, 0);
    fx_expect_row(f, TCPFSM_ROW_T06, TCPFSM_LISTEN);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, 31337u, 0, TCPFSM_RST, 0);
}

/* T06: data with an ACK. */
static void test_listen_bad_ack_data(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK | TCPFSM_FIN, f->irs, 1u, 100);
    fx_expect_row(f, TCPFSM_ROW_T06, TCPFSM_LISTEN);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, 1u, 0, TCPFSM_RST, 0);
}

/* T07: "An incoming RST segment could not be valid since it could not have been sent in response
   to anything sent by this incarnation of the connection. An incoming RST should be ignored." */
static void test_listen_rst(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_RST, f->irs, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T07, TCPFSM_LISTEN);
    fx_expect_count(f, 0);
    fx_expect_events(f, 0);
}

/* T07: the RST check comes first, so RST,ACK is ignored too (no RST in reply to a RST). */
static void test_listen_rst_ack(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_RST | TCPFSM_ACK, f->irs, 5u, 0);
    fx_expect_row(f, TCPFSM_ROW_T07, TCPFSM_LISTEN);
    fx_expect_count(f, 0);
}

/* T07: RST,SYN: first check for an RST. */
static void test_listen_rst_syn(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_RST | TCPFSM_SYN, f->irs, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T07, TCPFSM_LISTEN);
    fx_expect_count(f, 0);
}

/* T08: "Any other control or text-bearing segment (not containing SYN) must have an ACK and thus
   would have been discarded by the ACK processing ... drop the segment and return." */
static void test_listen_unacceptable_fin(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_FIN, f->irs, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T08, TCPFSM_LISTEN);
    fx_expect_count(f, 0);
    fx_expect_events(f, 0);
}

static void test_listen_unacceptable_data(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_PSH, f->irs, 0, 500);
    fx_expect_row(f, TCPFSM_ROW_T08, TCPFSM_LISTEN);
    fx_expect_count(f, 0);
}

/* T09: "If active and the remote socket is specified, then change the connection from passive to
   active, select an ISS. Send a SYN segment, set SND.UNA to ISS, SND.NXT to ISS+1. Enter SYN-SENT
   state." */
static void test_listen_open_active(void **state)
{
    struct fx *f = *state;
    uint32_t iss = f->iss ^ 0x5a5a5a5au;
    fx_open_active(f, iss);
    fx_expect_row(f, TCPFSM_ROW_T09, TCPFSM_SYN_SENT);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, iss, 0, TCPFSM_SYN, 0);
    fx_expect_events(f, 0);
    fx_expect_deadline(f, f->now + f->cfg.rto_initial);
    /* and the connection is now active: SYN,ACK acknowledging iss + 1 completes it (T12) */
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_SYN | TCPFSM_ACK, f->irs, iss + 1u, 0);
    fx_expect_row(f, TCPFSM_ROW_T12, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, iss + 1u, f->irs + 1u, TCPFSM_ACK, 0);
}

/* T10: "Any outstanding RECEIVEs are returned with "error: closing" responses. Delete TCB, enter
   CLOSED state, and return." */
static void test_listen_close(void **state)
{
    struct fx *f = *state;
    fx_close(f);
    fx_expect_row(f, TCPFSM_ROW_T10, TCPFSM_CLOSED);
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_CLOSED);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* T11: "Any outstanding RECEIVEs should be returned with "error: connection reset" responses.
   Delete TCB, enter CLOSED state, and return." No segment: nothing is synchronized. */
static void test_listen_abort(void **state)
{
    struct fx *f = *state;
    fx_abort(f);
    fx_expect_row(f, TCPFSM_ROW_T11, TCPFSM_CLOSED);
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_CLOSED);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* No timer runs in LISTEN. */
static void test_listen_timer_does_nothing(void **state)
{
    struct fx *f = *state;
    fx_advance(f, 3600u * (tcpfsm_time_t)FX_S);
    fx_timer(f);
    fx_expect_no_row(f);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}


/* SEND and CONSUMED in LISTEN: no connection to the peer yet (the remote socket is unspecified). */
static void test_listen_send_fails(void **state)
{
    struct fx *f = *state;
    fx_expect_send_fails(f, TCPFSM_ERR_STATE, 10u);
    assert_int_equal(tcpfsm_consumed(&f->conn, f->now, 1u, &f->out), TCPFSM_ERR_STATE);
}

/* listen_synack_drop (FreeBSD: "(SYN|ACK) is bogus on a listen socket ... segment ignored"): a
   SYN,ACK, with or without text, is dropped unanswered (T08) and LISTEN goes on; a later SYN
   opens the connection (T05). A bare ACK still draws T06's RST. */
static void test_listen_synack_drop_syn_ack(void **state)
{
    struct fx *f = *state;
    f->cfg.listen_synack_drop = 1u;
    fx_seg(f, TCPFSM_SYN | TCPFSM_ACK, f->irs, 31337u, 0);
    fx_expect_row(f, TCPFSM_ROW_T08, TCPFSM_LISTEN);
    fx_expect_count(f, 0);
    fx_expect_events(f, 0);
    fx_seg(f, TCPFSM_SYN | TCPFSM_ACK, f->irs, 31337u, 10);
    fx_expect_row(f, TCPFSM_ROW_T08, TCPFSM_LISTEN);
    fx_expect_count(f, 0);
    fx_seg(f, TCPFSM_ACK, f->irs, 31337u, 0);
    fx_expect_row(f, TCPFSM_ROW_T06, TCPFSM_LISTEN);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, 31337u, 0, TCPFSM_RST, 0);
    fx_seg(f, TCPFSM_SYN, f->irs, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T05, TCPFSM_SYN_RECEIVED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss, f->irs + 1u, TCPFSM_SYN | TCPFSM_ACK, 0);
}

/* drop_synfin (FreeBSD net.inet.tcp.drop_synfin): a SYN+FIN, with or without text, is dropped
   unanswered (T08) and LISTEN goes on; a later SYN opens the connection (T05). */
static void test_listen_drop_synfin_syn_fin(void **state)
{
    struct fx *f = *state;
    f->cfg.drop_synfin = 1u;
    fx_seg(f, TCPFSM_SYN | TCPFSM_FIN, f->irs, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T08, TCPFSM_LISTEN);
    fx_expect_count(f, 0);
    fx_expect_events(f, 0);
    fx_seg(f, TCPFSM_SYN | TCPFSM_FIN, f->irs, 0, 3);
    fx_expect_row(f, TCPFSM_ROW_T08, TCPFSM_LISTEN);
    fx_expect_count(f, 0);
    fx_seg(f, TCPFSM_SYN, f->irs, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T05, TCPFSM_SYN_RECEIVED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss, f->irs + 1u, TCPFSM_SYN | TCPFSM_ACK, 0);
}

/* Without drop_synfin a SYN+FIN is a SYN (T05, RFC 9293 3.10.7.2 "third, check for a SYN"). */
static void test_listen_syn_fin(void **state)
{
    struct fx *f = *state;
    f->cfg.drop_synfin = 0u;
    fx_seg(f, TCPFSM_SYN | TCPFSM_FIN, f->irs, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T05, TCPFSM_SYN_RECEIVED);
    fx_expect_count(f, 1);
}


/* T05 with the peer's MSS option: the SYN,ACK carries the MSS we advertise (cfg.mss), the send
   MSS is min(cfg.mss, the peer's) (RFC 9293 3.7.1), and the window-scale option the peer offered
   is ignored (none is sent back: no scaling either way, RFC 7323 2.2). */
static void test_listen_syn_mss(void **state)
{
    struct fx *f = *state;
    f->cfg.mss = 1460u;
    fx_seg_mss(f, TCPFSM_SYN, f->irs, 0, 0, 1000u);
    fx_expect_row(f, TCPFSM_ROW_T05, TCPFSM_SYN_RECEIVED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss, f->irs + 1u, TCPFSM_SYN | TCPFSM_ACK, 0);
    assert_int_equal(f->out.segments[0].mss, 1460u);
    assert_int_equal(f->out.segments[0].wscale, TCPFSM_WSCALE_NONE);
    assert_int_equal(tcpfsm_snd_mss(&f->conn), 1000u);
}

/* T05 without an MSS option: the default send MSS of 536 (RFC 9293 3.7.1). */
static void test_listen_syn_no_mss(void **state)
{
    struct fx *f = *state;
    f->cfg.mss = 1460u;
    fx_seg_mss(f, TCPFSM_SYN, f->irs, 0, 0, 0u);
    fx_expect_row(f, TCPFSM_ROW_T05, TCPFSM_SYN_RECEIVED);
    fx_expect_seg(f, 0, f->iss, f->irs + 1u, TCPFSM_SYN | TCPFSM_ACK, 0);
    assert_int_equal(f->out.segments[0].mss, 1460u);
    assert_int_equal(tcpfsm_snd_mss(&f->conn), 536u);
}

/* A segment that is no SYN (a RST reply here, T03) carries no option. */
static void test_listen_bad_ack_no_options(void **state)
{
    struct fx *f = *state;
    fx_seg_mss(f, TCPFSM_ACK, f->irs, f->iss, 0, 1000u);
    fx_expect_row(f, TCPFSM_ROW_T06, TCPFSM_LISTEN);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss, 0, TCPFSM_RST, 0);   /* checks mss 0 and no window scale */
    assert_int_equal(tcpfsm_snd_mss(&f->conn), f->cfg.mss);   /* only a SYN sets it */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TESTS(test_listen_open_passive, setup_closed),
        FX_TESTS(test_listen_syn, setup_closed),
        FX_TESTS(test_listen_syn_irs_wraps, setup_listen),
        FX_TESTS(test_listen_syn_mss, setup_listen),
        FX_TESTS(test_listen_syn_no_mss, setup_listen),
        FX_TESTS(test_listen_bad_ack_no_options, setup_listen),
        FX_TESTS(test_listen_bad_ack, setup_listen),
        FX_TESTS(test_listen_bad_ack_syn_ack, setup_listen),
        FX_TESTS(test_listen_bad_ack_data, setup_listen),
        FX_TESTS(test_listen_rst, setup_listen),
        FX_TESTS(test_listen_rst_ack, setup_listen),
        FX_TESTS(test_listen_rst_syn, setup_listen),
        FX_TESTS(test_listen_unacceptable_fin, setup_listen),
        FX_TESTS(test_listen_unacceptable_data, setup_listen),
        FX_TESTS(test_listen_open_active, setup_listen),
        FX_TESTS(test_listen_close, setup_listen),
        FX_TESTS(test_listen_abort, setup_listen),
        FX_TESTS(test_listen_timer_does_nothing, setup_listen),
        FX_TESTS(test_listen_send_fails, setup_listen),
        FX_TESTS(test_listen_synack_drop_syn_ack, setup_listen),
        FX_TESTS(test_listen_drop_synfin_syn_fin, setup_listen),
        FX_TESTS(test_listen_syn_fin, setup_listen),
    };
    return FX_RUN("test_listen", tests);
}
