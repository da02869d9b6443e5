/*
 * test_listen.c - LISTEN (RFC 9293 3.10.7.2, 3.10.2, 3.10.4, 3.10.5): rows T02, T05-T11.
 */
#include <string.h>

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

/* ---------------------------------------------------------------- tcpfsm_accept */

/* The fixture's LISTEN block becomes the listener (a copy kept in `listener`) and the fixture's
   block `f->conn` the new connection: tcpfsm_accept(listener, &f->conn, ...) with `s`, ISS `iss`.
   The listener is never modified (every byte as before). */
static void accept_segment(struct fx *f, struct tcpfsm_conn *listener, unsigned flags, uint32_t seq,
                           uint32_t ack, uint16_t len, uint32_t iss)
{
    struct tcpfsm_segment s = fx_segment(flags, seq, ack, len, f->peer_wnd, 0u);
    struct tcpfsm_conn snapshot;
    *listener = f->conn;
    memcpy(&snapshot, listener, sizeof snapshot);
    memset(&f->conn, 0x5a, sizeof f->conn);      /* whatever the block held before */
    memset(&f->out, 0xa5, sizeof f->out);
    f->before = TCPFSM_LISTEN;
    f->rc = tcpfsm_accept(listener, &f->conn, f->now, &s, iss, &f->out);
    assert_int_equal(f->rc, TCPFSM_OK);
    f->deadline = f->out.deadline;
    assert_memory_equal(listener, &snapshot, sizeof snapshot);
}

/* A segment the listener does not accept: `out` is the listener's answer (row `row` of LISTEN),
   out.state is CLOSED and the new block is a CLOSED block with the listener's configuration. */
static void expect_accept_refused(struct fx *f, unsigned row)
{
    assert_int_equal(f->out.row, row);
    assert_int_equal(f->out.state, TCPFSM_CLOSED);
    assert_int_equal(tcpfsm_state(&f->conn), TCPFSM_CLOSED);
    assert_int_equal(f->conn.cfg, &f->cfg);
    assert_int_equal(tcpfsm_rcv_wnd(&f->conn), f->cfg.window);
    fx_expect_events(f, 0);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
    assert_int_equal(tcpfsm_deadline(&f->conn), TCPFSM_NO_DEADLINE);
}

/* T05 through tcpfsm_accept: the new block is in SYN-RECEIVED with the ISS given for this SYN and
   sends <SEQ=ISS><ACK=SEG.SEQ+1><CTL=SYN,ACK>; the listener stays as it was and accepts the next
   SYN (another peer, another ISS) the same way; the handshake of the new block completes (T21). */
static void test_listen_accept_syn(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_conn listener, first;
    uint32_t iss = f->iss + 0x01000000u;
    accept_segment(f, &listener, TCPFSM_SYN, f->irs, 0, 0, iss);
    fx_expect_row(f, TCPFSM_ROW_T05, TCPFSM_SYN_RECEIVED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, iss, f->irs + 1u, TCPFSM_SYN | TCPFSM_ACK, 0);
    fx_expect_window(f, 0, f->cfg.window < 65535u ? (uint16_t)f->cfg.window : 65535u);
    fx_expect_events(f, 0);
    fx_expect_deadline(f, f->now + f->cfg.rto_initial);
    assert_int_equal(tcpfsm_iss(&f->conn), iss);
    assert_int_equal(tcpfsm_snd_una(&f->conn), iss);
    assert_int_equal(tcpfsm_snd_nxt(&f->conn), iss + 1u);
    assert_int_equal(tcpfsm_rcv_nxt(&f->conn), f->irs + 1u);
    assert_int_equal(f->conn.cfg, &f->cfg);
    first = f->conn;
    /* the same listener, another SYN, another ISS */
    f->conn = listener;
    accept_segment(f, &listener, TCPFSM_SYN, f->irs + 5000u, 0, 0, iss + 77u);
    fx_expect_row(f, TCPFSM_ROW_T05, TCPFSM_SYN_RECEIVED);
    fx_expect_seg(f, 0, iss + 77u, f->irs + 5001u, TCPFSM_SYN | TCPFSM_ACK, 0);
    /* the first connection completes its handshake */
    f->conn = first;
    fx_seg(f, TCPFSM_ACK, f->irs + 1u, iss + 1u, 0);
    fx_expect_row(f, TCPFSM_ROW_T21, TCPFSM_ESTABLISHED);
    fx_expect_events_mask(f, TCPFSM_SIG_CONNECTED, TCPFSM_SIG_ACKED);
}

/* T06 through tcpfsm_accept: an ACK draws the listener's RST <SEQ=SEG.ACK><CTL=RST>; no
   connection. */
static void test_listen_accept_bad_ack(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_conn listener;
    accept_segment(f, &listener, TCPFSM_ACK, f->irs, 0xfffffffeu, 0, 1234u);
    expect_accept_refused(f, TCPFSM_ROW_T06);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, 0xfffffffeu, 0, TCPFSM_RST, 0);
    assert_int_equal(f->out.event, TCPFSM_EV_BAD_ACK);
}

/* T07 through tcpfsm_accept: a RST is ignored, nothing is sent, no connection. */
static void test_listen_accept_rst(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_conn listener;
    accept_segment(f, &listener, TCPFSM_RST | TCPFSM_SYN, f->irs, 0, 0, 1234u);
    expect_accept_refused(f, TCPFSM_ROW_T07);
    fx_expect_count(f, 0);
}

/* T08 through tcpfsm_accept: text or a FIN without SYN is dropped; with drop_synfin a SYN+FIN
   too, and with listen_synack_drop a SYN,ACK. */
static void test_listen_accept_unacceptable(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_conn listener;
    struct tcpfsm_conn l0 = f->conn;
    accept_segment(f, &listener, TCPFSM_FIN, f->irs, 0, 10, 1234u);
    expect_accept_refused(f, TCPFSM_ROW_T08);
    fx_expect_count(f, 0);
    f->cfg.drop_synfin = 1u;
    f->conn = l0;
    accept_segment(f, &listener, TCPFSM_SYN | TCPFSM_FIN, f->irs, 0, 0, 1234u);
    expect_accept_refused(f, TCPFSM_ROW_T08);
    fx_expect_count(f, 0);
    f->cfg.listen_synack_drop = 1u;
    f->conn = l0;
    accept_segment(f, &listener, TCPFSM_SYN | TCPFSM_ACK, f->irs, 99u, 0, 1234u);
    expect_accept_refused(f, TCPFSM_ROW_T08);
    fx_expect_count(f, 0);
}

/* A connection made by tcpfsm_accept that is reset in SYN-RECEIVED returns to LISTEN (T24, RFC
   9293 3.10.7.4) with TCPFSM_SIG_LISTEN: the host frees it, the listener goes on. */
static void test_listen_accept_then_rst(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_conn listener;
    accept_segment(f, &listener, TCPFSM_SYN, f->irs, 0, 0, 4242u);
    fx_expect_row(f, TCPFSM_ROW_T05, TCPFSM_SYN_RECEIVED);
    fx_seg(f, TCPFSM_RST, f->irs + 1u, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T24, TCPFSM_LISTEN);
    fx_expect_events(f, TCPFSM_SIG_LISTEN);
    fx_expect_count(f, 0);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* The same when the SYN+ACK is never acknowledged (T31 x synack_retries, then T32). */
static void test_listen_accept_then_rto_giveup(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_conn listener;
    struct tcpfsm_segment synack = { 0, 0, TCPFSM_SYN | TCPFSM_ACK, 0, 0, 0, TCPFSM_WSCALE_NONE };
    accept_segment(f, &listener, TCPFSM_SYN, f->irs, 0, 0, 4242u);
    fx_expect_row(f, TCPFSM_ROW_T05, TCPFSM_SYN_RECEIVED);
    synack.seq = 4242u;
    synack.ack = f->irs + 1u;
    fx_expect_retransmissions(f, f->cfg.synack_retries, 0, f->cfg.rto_initial, TCPFSM_ROW_T31,
                              &synack, TCPFSM_ROW_T32, TCPFSM_LISTEN, TCPFSM_SIG_LISTEN);
}

/* Bad arguments: TCPFSM_ERR_ARG (NULL, the new block aliasing the listener); a listener not in
   LISTEN: TCPFSM_ERR_STATE. Neither writes anything. */
static void test_listen_accept_bad_arguments(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_conn c, before, closed;
    struct tcpfsm_segment s;
    struct tcpfsm_output out, out_before;
    memset(&s, 0, sizeof s);
    s.flags = TCPFSM_SYN;
    memset(&c, 0x5a, sizeof c);
    memcpy(&before, &c, sizeof c);
    memset(&out, 0xa5, sizeof out);
    memcpy(&out_before, &out, sizeof out);
    assert_int_equal(tcpfsm_accept(NULL, &c, f->now, &s, 1u, &out), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_accept(&f->conn, NULL, f->now, &s, 1u, &out), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_accept(&f->conn, &c, f->now, NULL, 1u, &out), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_accept(&f->conn, &c, f->now, &s, 1u, NULL), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_accept(&f->conn, &f->conn, f->now, &s, 1u, &out), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_state(&f->conn), TCPFSM_LISTEN);
    assert_int_equal(tcpfsm_init(&closed, &f->cfg), TCPFSM_OK);
    assert_int_equal(tcpfsm_accept(&closed, &c, f->now, &s, 1u, &out), TCPFSM_ERR_STATE);
    assert_memory_equal(&c, &before, sizeof c);
    assert_memory_equal(&out, &out_before, sizeof out);
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
        FX_TESTS(test_listen_accept_syn, setup_listen),
        FX_TESTS(test_listen_accept_bad_ack, setup_listen),
        FX_TESTS(test_listen_accept_rst, setup_listen),
        FX_TESTS(test_listen_accept_unacceptable, setup_listen),
        FX_TESTS(test_listen_accept_then_rst, setup_listen),
        FX_TESTS(test_listen_accept_then_rto_giveup, setup_listen),
        FX_TESTS(test_listen_accept_bad_arguments, setup_listen),
    };
    return FX_RUN("test_listen", tests);
}
