/*
 * test_syn_received.c - SYN-RECEIVED (RFC 9293 3.10.7.4; RFC 5961 3.2 and 4.2): rows T21-T35, for
 * the passive fixture (from LISTEN) and the simultaneous-open fixture (from SYN-SENT).
 */
#include "fixtures.h"

/* Passive open (passive_open holds):
   rst_left_edge*              T24 (-> LISTEN, TCPFSM_SIG_LISTEN)
   rst_just_inside_left_edge, rst_right_edge: T26 challenge ACK (T24 with rfc5961_rst off)
   rst_just_outside_*          no row: dropped
   syn_left_edge, syn_right_edge: T28 challenge ACK (T29 RST + CLOSED with rfc5961_syn off)
   syn_just_outside_right_edge: T28 (T30 ACK with rfc5961_syn off) */
static const struct fx_sync_rows rows_passive = {
    TCPFSM_ROW_T24, 0, TCPFSM_LISTEN, TCPFSM_SIG_LISTEN, TCPFSM_ROW_T26, 0, TCPFSM_ROW_T28, TCPFSM_ROW_T29,
    0, TCPFSM_ROW_T30, 0, 0
};
/* Simultaneous open (passive_open does not hold): rst_left_edge* T25 (-> CLOSED, refused). */
static const struct fx_sync_rows rows_simultaneous = {
    TCPFSM_ROW_T25, 0, TCPFSM_CLOSED, TCPFSM_SIG_REFUSED, TCPFSM_ROW_T26, 0, TCPFSM_ROW_T28,
    TCPFSM_ROW_T29, 0, TCPFSM_ROW_T30, 0, 0
};

FX_RST_MATRIX(syn_received, rows_passive)
FX_RST_MATRIX(syn_received_simultaneous, rows_simultaneous)

/* T28/T29/T30, see rows_passive. */
static void test_syn_received_syn_left_edge(void **state)
{
    struct fx *f = *state;
    fx_syn_case(f, &rows_passive, f->rcv_nxt);
}

static void test_syn_received_syn_right_edge(void **state)
{
    struct fx *f = *state;
    fx_syn_case(f, &rows_passive, f->rcv_nxt + f->rcv_wnd - 1u);
}

static void test_syn_received_syn_just_outside_right_edge(void **state)
{
    struct fx *f = *state;
    fx_syn_case(f, &rows_passive, f->rcv_nxt + f->rcv_wnd);
}

/* RCV.NXT - 1 is IRS, the duplicate of the opening SYN (T27, below); one further is a SYN_SYNC:
   T28, or T30 (an ACK for a segment outside the window) with rfc5961_syn off. */
static void test_syn_received_syn_outside_left_edge(void **state)
{
    struct fx *f = *state;
    fx_syn_case(f, &rows_passive, f->irs - 1u);
}

/* T27: a retransmission of the SYN that opened the connection: our SYN,ACK was lost, send it
   again, <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>; the retransmission timer is left alone. */
static void test_syn_received_syn_duplicate(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_SYN, f->irs, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T27, TCPFSM_SYN_RECEIVED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss, f->irs + 1u, TCPFSM_SYN | TCPFSM_ACK, 0);
    fx_expect_events(f, 0);
    fx_expect_deadline_unchanged(f);
}

static void test_syn_received_syn_duplicate_simultaneous(void **state)
{
    test_syn_received_syn_duplicate(state);
}

/* T21 (passive): "If SND.UNA < SEG.ACK =< SND.NXT, then enter ESTABLISHED state". */
static void test_syn_received_ack_of_syn(void **state)
{
    fx_to_established_passive(*state); /* asserts T02, T05, T21 */
}

/* T21 from a simultaneous open. */
static void test_syn_received_ack_of_syn_simultaneous(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK, f->irs + 1u, f->iss + 1u, 0);
    fx_expect_row(f, TCPFSM_ROW_T21, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 0);
    fx_expect_events_mask(f, TCPFSM_SIG_CONNECTED, TCPFSM_SIG_ACKED);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* T21 with text: ESTABLISHED and "continue processing": the text is accepted and acknowledged
   <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>. */
static void test_syn_received_ack_of_syn_with_data(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK | TCPFSM_PSH, f->irs + 1u, f->iss + 1u, 200);
    fx_expect_row(f, TCPFSM_ROW_T21, TCPFSM_ESTABLISHED);
    f->snd_una = f->iss + 1u;
    f->rcv_nxt += 200u;
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events_mask(f, TCPFSM_SIG_CONNECTED | TCPFSM_SIG_DATA, TCPFSM_SIG_ACKED);
    fx_expect_window(f, 0, (uint16_t)(f->cfg.window - 200u));
}

/* T21 at the right edge of the window: the segment is acceptable (RCV.NXT =< SEG.SEQ <
   RCV.NXT+RCV.WND), its ACK covers our SYN. */
static void test_syn_received_ack_of_syn_right_edge(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt + f->rcv_wnd - 1u, f->iss + 1u, 0);
    fx_expect_row(f, TCPFSM_ROW_T21, TCPFSM_ESTABLISHED);
    fx_expect_events_mask(f, TCPFSM_SIG_CONNECTED, TCPFSM_SIG_ACKED);
}

/* T30: "If an incoming segment is not acceptable, an acknowledgment should be sent in reply
   <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>" - just outside the right edge. */
static void test_syn_received_unacceptable_just_outside_right_edge(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt + f->rcv_wnd, f->iss + 1u, 0);
    fx_expect_row(f, TCPFSM_ROW_T30, TCPFSM_SYN_RECEIVED);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events(f, 0);
    fx_expect_deadline_unchanged(f);
}

/* T30 just outside the left edge (SEG.SEQ = RCV.NXT - 1, no payload). */
static void test_syn_received_unacceptable_just_outside_left_edge(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt - 1u, f->iss + 1u, 0);
    fx_expect_row(f, TCPFSM_ROW_T30, TCPFSM_SYN_RECEIVED);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
}

/* T30 before T23: the sequence number is checked first, so an unacceptable segment with a bad
   ACK draws an ACK, not a RST. */
static void test_syn_received_unacceptable_with_bad_ack(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt + f->rcv_wnd, f->iss + 5u, 0);
    fx_expect_row(f, TCPFSM_ROW_T30, TCPFSM_SYN_RECEIVED);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
}

/* T23: "If the segment acknowledgment is not acceptable, form a reset segment
   <SEQ=SEG.ACK><CTL=RST> and send it." SEG.ACK = SND.UNA = ISS is not acceptable. */
static void test_syn_received_bad_ack_iss(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->iss, 0);
    fx_expect_row(f, TCPFSM_ROW_T23, TCPFSM_SYN_RECEIVED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss, 0, TCPFSM_RST, 0);
    fx_expect_events(f, 0);
    fx_expect_deadline_unchanged(f);
}

/* T23: SEG.ACK = SND.NXT + 1. */
static void test_syn_received_bad_ack_above_snd_nxt(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt + f->rcv_wnd - 1u, f->iss + 2u, 0);
    fx_expect_row(f, TCPFSM_ROW_T23, TCPFSM_SYN_RECEIVED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss + 2u, 0, TCPFSM_RST, 0);
}

/* 3.10.7.4 fifth: "if the ACK bit is off, drop the segment and return". */
static void test_syn_received_ack_bit_off_dropped(void **state)
{
    fx_no_ack_bit_case(*state);
}

/* T22: the ACK covers our SYN and the FIN arrives with it: ESTABLISHED, then "SYN-RECEIVED STATE,
   ESTABLISHED STATE: Enter the CLOSE-WAIT state", acknowledging the FIN. */
static void test_syn_received_fin(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt, f->iss + 1u, 0);
    fx_expect_row(f, TCPFSM_ROW_T22, TCPFSM_CLOSE_WAIT);
    f->snd_una = f->iss + 1u;
    f->rcv_nxt += 1u;
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events_mask(f, TCPFSM_SIG_CONNECTED | TCPFSM_SIG_PEER_CLOSED, TCPFSM_SIG_ACKED);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* T31: RFC 6298 5.4-5.6: retransmit the SYN,ACK and back off. */
static void test_syn_received_rto(void **state)
{
    struct fx *f = *state;
    uint64_t rto = 2u * (uint64_t)f->cfg.rto_initial;
    if (rto > f->cfg.rto_max) {
        rto = f->cfg.rto_max;
    }
    fx_fire(f);
    fx_expect_row(f, TCPFSM_ROW_T31, TCPFSM_SYN_RECEIVED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss, f->irs + 1u, TCPFSM_SYN | TCPFSM_ACK, 0);
    fx_expect_events(f, 0);
    /* Linux: tcp_syn_linear_timeouts "has no effect on SYNACK at the passive TCP side". */
    fx_expect_deadline(f, f->now + rto);
}

/* T32 after cfg.synack_retries times T31: a passive connection goes back to LISTEN, with
   TCPFSM_SIG_LISTEN (the host frees a block made by tcpfsm_accept). */
static void test_syn_received_rto_giveup(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_segment synack = { 0, 0, TCPFSM_SYN | TCPFSM_ACK, 0, 0, 0, TCPFSM_WSCALE_NONE };
    synack.seq = f->iss;
    synack.ack = f->irs + 1u;
    fx_expect_retransmissions(f, f->cfg.synack_retries, 0, f->cfg.rto_initial, TCPFSM_ROW_T31,
                              &synack, TCPFSM_ROW_T32, TCPFSM_LISTEN, TCPFSM_SIG_LISTEN);
}

/* T33: a simultaneous open that times out ends in CLOSED with ETIMEDOUT. Which retry limit
   applies (the SYN's or the SYN,ACK's) is not fixed by the issue: either is accepted. */
static void test_syn_received_rto_giveup_simultaneous(void **state)
{
    struct fx *f = *state;
    unsigned retransmissions = 0;
    for (;;) {
        fx_fire(f);
        if (f->out.row != TCPFSM_ROW_T31) {
            break;
        }
        fx_expect_row(f, TCPFSM_ROW_T31, TCPFSM_SYN_RECEIVED);
        fx_expect_count(f, 1);
        fx_expect_seg(f, 0, f->iss, f->irs + 1u, TCPFSM_SYN | TCPFSM_ACK, 0);
        retransmissions++;
        assert_true(retransmissions <= 255u);
    }
    fx_expect_row(f, TCPFSM_ROW_T33, TCPFSM_CLOSED);
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_TIMEOUT);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
    assert_true(retransmissions == f->cfg.synack_retries || retransmissions == f->cfg.syn_retries);
}

/* T34: "If no SENDs have been issued and there is no pending data to send, then form a FIN
   segment and send it, and enter FIN-WAIT-1 state" - <SEQ=SND.NXT><ACK=RCV.NXT><CTL=FIN,ACK>. */
static void test_syn_received_close(void **state)
{
    struct fx *f = *state;
    fx_close(f);
    fx_expect_row(f, TCPFSM_ROW_T34, TCPFSM_FIN_WAIT_1);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss + 1u, f->irs + 1u, TCPFSM_FIN | TCPFSM_ACK, 0);
    fx_expect_events(f, 0);
    /* The timer runs for the unacknowledged SYN,ACK and FIN: it keeps running (RFC 6298 5.1) or
       restarts with the current RTO; it must not stop. */
    if (f->out.deadline != f->deadline_before) {
        fx_expect_deadline(f, f->now + f->cfg.rto_initial);
    }
    /* The peer's ACK of SYN and FIN: ESTABLISHED processing then FIN-WAIT-1 "if the FIN segment
       is now acknowledged, then enter FIN-WAIT-2". */
    f->snd_nxt = f->iss + 2u;
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->iss + 2u, 0);
    fx_expect_row(f, TCPFSM_ROW_T48, TCPFSM_FIN_WAIT_2);
    fx_expect_count(f, 0);
}

/* T35: "send a reset segment: <SEQ=SND.NXT><CTL=RST> ... enter CLOSED state". */
static void test_syn_received_abort(void **state)
{
    fx_expect_abort(*state, TCPFSM_ROW_T35, 1);
}

/* RFC 9293 Figure 8 (simultaneous open), line 6: in SYN-RECEIVED the peer's
   <SEQ=IRS><ACK=ISS+1><CTL=SYN,ACK> arrives. The figure shows ESTABLISHED at once; the text of
   3.10.7.4 (SEG.SEQ = RCV.NXT - 1 fails the acceptability test) answers it with an ACK instead
   and the peer's ACK completes the handshake. Either is accepted; the end state must be
   ESTABLISHED with the connection signalled once. */
static void test_syn_received_syn_ack_simultaneous(void **state)
{
    struct fx *f = *state;
    unsigned events;
    fx_seg(f, TCPFSM_SYN | TCPFSM_ACK, f->irs, f->iss + 1u, 0);
    if (tcpfsm_state(&f->conn) == TCPFSM_ESTABLISHED) {
        fx_expect_row(f, TCPFSM_ROW_T21, TCPFSM_ESTABLISHED);
        events = f->out.events;
    } else {
        assert_int_equal(tcpfsm_state(&f->conn), TCPFSM_SYN_RECEIVED);
        assert_true(f->out.events == 0);
        f->snd_nxt = f->iss + 1u;
        if (f->out.count > 0) {
            fx_expect_count(f, 1);
            fx_expect_ack(f, 0);
        }
        fx_seg(f, TCPFSM_ACK, f->irs + 1u, f->iss + 1u, 0);
        fx_expect_row(f, TCPFSM_ROW_T21, TCPFSM_ESTABLISHED);
        events = f->out.events;
    }
    assert_int_equal(events & TCPFSM_SIG_CONNECTED, TCPFSM_SIG_CONNECTED);
}

/* SEND in SYN-RECEIVED: "Queue the data for transmission after entering ESTABLISHED state." T21
   then sends it <SEQ=ISS+1><ACK=RCV.NXT> and times it with the RTO of the handshake's sample. */
static void test_syn_received_send_queued(void **state)
{
    struct fx *f = *state;
    fx_send(f, 50);
    fx_expect_no_row(f);
    fx_expect_deadline_unchanged(f);
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->iss + 1u, 0);
    fx_expect_row(f, TCPFSM_ROW_T21, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss + 1u, f->rcv_nxt, TCPFSM_ACK, 50);
    fx_rtt_sample(f, FX_RTT);
    fx_expect_deadline(f, f->now + f->rto);
}

static void test_syn_received_open_fails(void **state)
{
    fx_expect_open_fails(*state, TCPFSM_ERR_STATE, 0);
    fx_expect_open_fails(*state, TCPFSM_ERR_STATE, 1);
}

/* The answer to a SYN (with an acceptable ACK of our SYN) in SYN-RECEIVED that is not a
   retransmission of the peer's SYN: with RFC 5961 4.2 a challenge ACK, still SYN-RECEIVED (T28);
   with RFC 793 "If the SYN is in the window it is an error, send a reset" <SEQ=SEG.ACK><CTL=RST>,
   CLOSED (T29). */
static void expect_syn_sync_answer(struct fx *f)
{
    if (f->cfg.rfc5961_syn) {
        fx_expect_row(f, TCPFSM_ROW_T28, TCPFSM_SYN_RECEIVED);
        fx_expect_count(f, 1);
        fx_expect_ack(f, 0);
        fx_expect_events(f, 0);
        fx_expect_deadline_unchanged(f);
        fx_expect_vars(f);
    } else {
        fx_expect_row(f, TCPFSM_ROW_T29, TCPFSM_CLOSED);
        fx_expect_count(f, 1);
        fx_expect_seg(f, 0, f->iss + 1u, 0, TCPFSM_RST, 0);
        fx_expect_events(f, TCPFSM_SIG_RESET);
        fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
    }
}

/* After a simultaneous open, a SYN,ACK that acknowledges our SYN but does not start at IRS
   (SEG.SEQ = RCV.NXT, in the window) is not the peer's handshake segment (figure 8 line 6 repeats
   <SEQ=IRS>): RFC 5961 4.2, "If the SYN bit is set, irrespective of the sequence number, TCP MUST
   send an ACK (also referred to as challenge ACK)" (T28); RFC 793 (rfc5961_syn off): "If the SYN
   is in the window it is an error, send a reset", <SEQ=SEG.ACK><CTL=RST>, CLOSED (T29). */
static void test_syn_received_syn_ack_simultaneous_not_at_irs(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_SYN | TCPFSM_ACK, f->rcv_nxt, f->iss + 1u, 0);
    expect_syn_sync_answer(f);
}

/* After a simultaneous open, the peer's SYN,ACK at IRS whose ACK does not acknowledge our SYN
   (SEG.ACK = ISS, not SND.UNA < SEG.ACK =< SND.NXT) does not complete the handshake: a challenge
   ACK with RFC 5961 4.2 (T28); RFC 793: SEG.SEQ = RCV.NXT - 1 is outside the window, so "an
   acknowledgment should be sent in reply" (T30). Either way SYN-RECEIVED, our SYN still
   unacknowledged. */
static void test_syn_received_syn_ack_simultaneous_bad_ack(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_SYN | TCPFSM_ACK, f->irs, f->iss, 0);
    fx_expect_row(f, f->cfg.rfc5961_syn ? TCPFSM_ROW_T28 : TCPFSM_ROW_T30, TCPFSM_SYN_RECEIVED);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events(f, 0);
    fx_expect_deadline_unchanged(f);
    fx_expect_vars(f);
}

/* After a simultaneous open, <SEQ=IRS><CTL=SYN,FIN,ACK> acknowledging our SYN is not figure 8's
   SYN,ACK (line 6) - it also closes - so it is a SYN in a synchronized state: RFC 5961 4.2
   challenge ACK (T28); RFC 793, its FIN octet is at RCV.NXT, in the window: "If the SYN is in the
   window it is an error, send a reset", <SEQ=SEG.ACK><CTL=RST> (T29). */
static void test_syn_received_syn_fin_ack_simultaneous(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_SYN | TCPFSM_FIN | TCPFSM_ACK, f->irs, f->iss + 1u, 0);
    expect_syn_sync_answer(f);
}


/* From LISTEN with the peer's MSS option 1000 (cfg.mss 1460): T05, then T21; data goes out in
   segments of the send MSS, min(1460, 1000) (RFC 9293 3.7.1). */
static void test_syn_received_ack_of_syn_peer_mss(void **state)
{
    struct fx *f = *state;
    f->cfg.mss = 1460u;
    fx_seg_mss(f, TCPFSM_SYN, f->irs, 0, 0, 1000u);
    fx_expect_row(f, TCPFSM_ROW_T05, TCPFSM_SYN_RECEIVED);
    fx_expect_seg(f, 0, f->iss, f->irs + 1u, TCPFSM_SYN | TCPFSM_ACK, 0);   /* carries mss 1460 */
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_ACK, f->irs + 1u, f->iss + 1u, 0);
    fx_expect_row(f, TCPFSM_ROW_T21, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 0);
    f->snd_una = f->snd_nxt = f->iss + 1u;
    f->rcv_nxt = f->irs + 1u;
    fx_expect_data_cut(f, 2100u, 1000u);                                    /* 1000, 1000, 100 */
}

/* The same without an MSS option: the default send MSS 536. */
static void test_syn_received_ack_of_syn_default_mss(void **state)
{
    struct fx *f = *state;
    f->cfg.mss = 1460u;
    fx_seg_mss(f, TCPFSM_SYN, f->irs, 0, 0, 0u);
    fx_expect_row(f, TCPFSM_ROW_T05, TCPFSM_SYN_RECEIVED);
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_ACK, f->irs + 1u, f->iss + 1u, 0);
    fx_expect_row(f, TCPFSM_ROW_T21, TCPFSM_ESTABLISHED);
    f->snd_una = f->snd_nxt = f->iss + 1u;
    f->rcv_nxt = f->irs + 1u;
    fx_expect_data_cut(f, 1000u, 536u);                                     /* 536, 464 */
}

/* T27: a retransmitted SYN draws the SYN,ACK again, with our MSS option; its own MSS option does
   not change the send MSS (only the SYN that synchronizes sets it). */
static void test_syn_received_syn_duplicate_mss(void **state)
{
    struct fx *f = *state;
    uint16_t mss = tcpfsm_snd_mss(&f->conn);
    f->cfg.mss = 1460u;
    fx_seg_mss(f, TCPFSM_SYN, f->irs, 0, 0, 100u);
    fx_expect_row(f, TCPFSM_ROW_T27, TCPFSM_SYN_RECEIVED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss, f->irs + 1u, TCPFSM_SYN | TCPFSM_ACK, 0);
    assert_int_equal(f->out.segments[0].mss, 1460u);
    assert_int_equal(tcpfsm_snd_mss(&f->conn), mss);
}

/* T31: the retransmitted SYN,ACK carries our MSS option too. */
static void test_syn_received_rto_mss(void **state)
{
    struct fx *f = *state;
    f->cfg.mss = 1400u;
    fx_fire(f);
    fx_expect_row(f, TCPFSM_ROW_T31, TCPFSM_SYN_RECEIVED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss, f->irs + 1u, TCPFSM_SYN | TCPFSM_ACK, 0);
    assert_int_equal(f->out.segments[0].mss, 1400u);
    assert_int_equal(f->out.segments[0].wscale, TCPFSM_WSCALE_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_RST_MATRIX_TESTS(syn_received, setup_syn_received),
        FX_RST_MATRIX_TESTS(syn_received_simultaneous, setup_syn_received_simultaneous),
        FX_TESTS(test_syn_received_syn_left_edge, setup_syn_received),
        FX_TESTS(test_syn_received_syn_right_edge, setup_syn_received),
        FX_TESTS(test_syn_received_syn_just_outside_right_edge, setup_syn_received),
        FX_TESTS(test_syn_received_syn_outside_left_edge, setup_syn_received),
        FX_TESTS(test_syn_received_syn_duplicate, setup_syn_received),
        FX_TESTS(test_syn_received_syn_duplicate_simultaneous, setup_syn_received_simultaneous),
        FX_TESTS(test_syn_received_syn_duplicate_mss, setup_syn_received),
        FX_TESTS(test_syn_received_ack_of_syn_peer_mss, setup_listen),
        FX_TESTS(test_syn_received_ack_of_syn_default_mss, setup_listen),
        FX_TESTS(test_syn_received_rto_mss, setup_syn_received),
        FX_TESTS(test_syn_received_ack_of_syn, setup_closed),
        FX_TESTS(test_syn_received_ack_of_syn_simultaneous, setup_syn_received_simultaneous),
        FX_TESTS(test_syn_received_ack_of_syn_with_data, setup_syn_received),
        FX_TESTS(test_syn_received_ack_of_syn_right_edge, setup_syn_received),
        FX_TESTS(test_syn_received_unacceptable_just_outside_right_edge, setup_syn_received),
        FX_TESTS(test_syn_received_unacceptable_just_outside_left_edge, setup_syn_received),
        FX_TESTS(test_syn_received_unacceptable_with_bad_ack, setup_syn_received),
        FX_TESTS(test_syn_received_bad_ack_iss, setup_syn_received),
        FX_TESTS(test_syn_received_bad_ack_above_snd_nxt, setup_syn_received),
        FX_TESTS(test_syn_received_ack_bit_off_dropped, setup_syn_received),
        FX_TESTS(test_syn_received_fin, setup_syn_received),
        FX_TESTS(test_syn_received_rto, setup_syn_received),
        FX_TESTS(test_syn_received_rto_giveup, setup_syn_received),
        FX_TESTS(test_syn_received_rto_giveup_simultaneous, setup_syn_received_simultaneous),
        FX_TESTS(test_syn_received_close, setup_syn_received),
        FX_TESTS(test_syn_received_abort, setup_syn_received),
        FX_TESTS(test_syn_received_syn_ack_simultaneous, setup_syn_received_simultaneous),
        FX_TESTS(test_syn_received_send_queued, setup_syn_received),
        FX_TESTS(test_syn_received_syn_ack_simultaneous_not_at_irs, setup_syn_received_simultaneous),
        FX_TESTS(test_syn_received_syn_ack_simultaneous_bad_ack, setup_syn_received_simultaneous),
        FX_TESTS(test_syn_received_syn_fin_ack_simultaneous, setup_syn_received_simultaneous),
        FX_TESTS(test_syn_received_open_fails, setup_syn_received),
    };
    return FX_RUN("test_syn_received", tests);
}
