/*
 * test_syn_sent.c - SYN-SENT (RFC 9293 3.10.7.3; RFC 5961 3.2; RFC 6298 5): rows T12-T20.
 */
#include "fixtures.h"

/* T12: "If SND.UNA > ISS (our SYN has been ACKed), change the connection state to ESTABLISHED,
   form an ACK segment <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> and send it." The timer stops (RFC 6298
   5.2) and the handshake gives the first RTT sample. */
static void test_syn_sent_syn_ack(void **state)
{
    fx_to_established_active(*state); /* asserts T01, T12 and the ACK */
}

/* T12, then the RTT sample is visible: data sent now is timed with the RTO of RFC 6298 2.2. */
static void test_syn_sent_syn_ack_rtt_sample(void **state)
{
    struct fx *f = *state;
    fx_to_established_active(f);
    fx_send(f, 100);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_ACK, 100);
    fx_expect_deadline(f, f->now + f->rto);
}

/* T13: "Otherwise, enter SYN-RECEIVED, form a SYN,ACK segment <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>
   and send it." (simultaneous open) */
static void test_syn_sent_syn(void **state)
{
    fx_to_syn_received_simultaneous(*state); /* asserts T13 */
}

/* T14: "If SEG.ACK =< ISS or SEG.ACK > SND.NXT, send a reset (unless the RST bit is set, if so
   drop the segment and return) <SEQ=SEG.ACK><CTL=RST>" */
static void test_syn_sent_bad_ack_iss(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK, f->irs, f->iss, 0);
    fx_expect_row(f, TCPFSM_ROW_T14, TCPFSM_SYN_SENT);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss, 0, TCPFSM_RST, 0);
    fx_expect_events(f, 0);
    fx_expect_deadline_unchanged(f);
}

static void test_syn_sent_bad_ack_above_snd_nxt(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK, f->irs, f->iss + 2u, 0);
    fx_expect_row(f, TCPFSM_ROW_T14, TCPFSM_SYN_SENT);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss + 2u, 0, TCPFSM_RST, 0);
    fx_expect_deadline_unchanged(f);
}

/* T14: a SYN,ACK whose ACK is not acceptable draws the same reset. */
static void test_syn_sent_bad_ack_syn_ack(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_SYN | TCPFSM_ACK, f->irs, f->iss - 1000u, 0);
    fx_expect_row(f, TCPFSM_ROW_T14, TCPFSM_SYN_SENT);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss - 1000u, 0, TCPFSM_RST, 0);
    fx_expect_deadline_unchanged(f);
}

/* T15: "If the ACK was acceptable, then signal to the user "error: connection reset", drop the
   segment, enter CLOSED state"; RFC 5961 3.2: "In the SYN-SENT state (a RST received in response
   to an initial SYN), the RST is acceptable if the ACK field acknowledges the SYN." */
static void test_syn_sent_rst(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_RST | TCPFSM_ACK, 0, f->iss + 1u, 0);
    fx_expect_row(f, TCPFSM_ROW_T15, TCPFSM_CLOSED);
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_REFUSED);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* T15: the sequence number of the RST does not matter in SYN-SENT. */
static void test_syn_sent_rst_any_seq(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_RST | TCPFSM_ACK, f->irs + 0x40000000u, f->iss + 1u, 0);
    fx_expect_row(f, TCPFSM_ROW_T15, TCPFSM_CLOSED);
    fx_expect_events(f, TCPFSM_SIG_REFUSED);
}

/* T16: a RST whose ACK does not acknowledge the SYN: "if so drop the segment and return" -
   never a RST in reply to a RST. */
static void test_syn_sent_unacceptable_rst_bad_ack(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_RST | TCPFSM_ACK, 0, f->iss + 2u, 0);
    fx_expect_row(f, TCPFSM_ROW_T16, TCPFSM_SYN_SENT);
    fx_expect_count(f, 0);
    fx_expect_events(f, 0);
    fx_expect_deadline_unchanged(f);
}

static void test_syn_sent_unacceptable_rst_ack_iss(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_RST | TCPFSM_ACK, 0, f->iss, 0);
    fx_expect_row(f, TCPFSM_ROW_T16, TCPFSM_SYN_SENT);
    fx_expect_count(f, 0);
}

/* T16: "Otherwise (no ACK), drop the segment and return." */
static void test_syn_sent_unacceptable_rst_no_ack(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_RST, f->irs, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T16, TCPFSM_SYN_SENT);
    fx_expect_count(f, 0);
    fx_expect_events(f, 0);
}

/* T16: "If neither of the SYN or RST bits is set, then drop the segment and return." */
static void test_syn_sent_unacceptable_ack_without_syn(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK, f->irs, f->iss + 1u, 0);
    fx_expect_row(f, TCPFSM_ROW_T16, TCPFSM_SYN_SENT);
    fx_expect_count(f, 0);
    fx_expect_events(f, 0);
    fx_expect_deadline_unchanged(f);
}

static void test_syn_sent_unacceptable_fin_without_ack(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_FIN | TCPFSM_PSH, f->irs, 0, 10);
    fx_expect_row(f, TCPFSM_ROW_T16, TCPFSM_SYN_SENT);
    fx_expect_count(f, 0);
}

/* T17: RFC 6298 (5.4) "Retransmit the earliest segment that has not been acknowledged";
   (5.5) back off; (5.6) restart the timer. */
static void test_syn_sent_rto(void **state)
{
    struct fx *f = *state;
    uint64_t rto = f->cfg.rto_initial;
    fx_fire(f);
    fx_expect_row(f, TCPFSM_ROW_T17, TCPFSM_SYN_SENT);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss, 0, TCPFSM_SYN, 0);
    fx_expect_events(f, 0);
    if (f->cfg.syn_linear_timeouts == 0) {
        rto *= 2u;
        if (rto > f->cfg.rto_max) {
            rto = f->cfg.rto_max;
        }
    }
    fx_expect_deadline(f, f->now + rto);
}

/* T18 after cfg.syn_retries times T17: "the connection is closed ... ETIMEDOUT". */
static void test_syn_sent_rto_giveup(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_segment syn = { 0, 0, TCPFSM_SYN, 0, 0, 0, TCPFSM_WSCALE_NONE };
    syn.seq = f->iss;
    f->cfg.connect_timeout = 0;   /* the count alone (the freebsd profile's keepinit: below) */
    fx_expect_retransmissions(f, f->cfg.syn_retries, f->cfg.syn_linear_timeouts, f->cfg.rto_initial,
                              TCPFSM_ROW_T17, &syn, TCPFSM_ROW_T18, TCPFSM_CLOSED,
                              TCPFSM_SIG_TIMEOUT);
}

/* T18 by time with cfg.connect_timeout (FreeBSD keepinit; RFC 9293 3.8.3 "R1 and R2 might be
   measured in time units"), on every variant: the attempt ends at OPEN + connect_timeout, the
   backed-off timer cut there, while the count would allow more. */
static void test_syn_sent_connect_timeout_gives_up(void **state)
{
    struct fx *f = *state;
    tcpfsm_time_t t0 = f->now;     /* OPEN (the fixture's last call) */
    uint32_t rto = f->cfg.rto_initial;
    f->cfg.syn_retries = 255;
    f->cfg.syn_linear_timeouts = 0;
    f->cfg.connect_timeout = 2u * rto + rto / 2u;
    fx_expect_deadline(f, t0 + rto);
    fx_fire(f);
    fx_expect_row(f, TCPFSM_ROW_T17, TCPFSM_SYN_SENT);
    assert_true(f->now == t0 + rto);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss, 0, TCPFSM_SYN, 0);
    fx_expect_deadline(f, t0 + f->cfg.connect_timeout);   /* 2 RTO cut at 2.5 RTO from OPEN */
    fx_fire(f);
    fx_expect_row(f, TCPFSM_ROW_T18, TCPFSM_CLOSED);
    assert_true(f->now == t0 + f->cfg.connect_timeout);
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_TIMEOUT);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* With a connection timeout, the SYN's retry count still ends the attempt when it comes first
   (FreeBSD: tcp_timer_rexmt() or tcp_timer_keep(), whichever fires first), on every variant. */
static void test_syn_sent_count_before_connect_timeout(void **state)
{
    struct fx *f = *state;
    f->cfg.syn_retries = 1;
    f->cfg.syn_linear_timeouts = 0;
    f->cfg.connect_timeout = 100u * f->cfg.rto_initial;
    fx_fire(f);
    fx_expect_row(f, TCPFSM_ROW_T17, TCPFSM_SYN_SENT);
    fx_fire(f);
    fx_expect_row(f, TCPFSM_ROW_T18, TCPFSM_CLOSED);
    fx_expect_events(f, TCPFSM_SIG_TIMEOUT);
}

/* T17 with cfg.user_timeout set (1 us, long passed when the timer fires): the handshake keeps its
   count (the user timeout is R2 of the synchronized states, as Linux's tcp_write_timeout()). */
static void test_syn_sent_user_timeout_not_applied(void **state)
{
    struct fx *f = *state;
    f->cfg.user_timeout = 1u;
    fx_fire(f);
    fx_expect_row(f, TCPFSM_ROW_T17, TCPFSM_SYN_SENT);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss, 0, TCPFSM_SYN, 0);
}

/* The clock before the deadline does nothing (tcpfsm.h: "does nothing before it"). */
static void test_syn_sent_timer_before_deadline(void **state)
{
    struct fx *f = *state;
    f->now = f->deadline - 1u;
    fx_timer(f);
    fx_expect_no_row(f);
    fx_expect_deadline_unchanged(f);
}

/* T19: "Delete the TCB and return "error: closing" responses to any queued SENDs, or RECEIVEs." */
static void test_syn_sent_close(void **state)
{
    struct fx *f = *state;
    fx_close(f);
    fx_expect_row(f, TCPFSM_ROW_T19, TCPFSM_CLOSED);
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_CLOSED);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* T20: "All queued SENDs and RECEIVEs should be given "reset" notification; delete the TCB,
   enter CLOSED state, and return." No RST: the peer knows nothing of us. */
static void test_syn_sent_abort(void **state)
{
    struct fx *f = *state;
    fx_abort(f);
    fx_expect_row(f, TCPFSM_ROW_T20, TCPFSM_CLOSED);
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_CLOSED);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* SEND in SYN-SENT: "Queue the data for transmission after entering ESTABLISHED state." Then T12:
   the ACK goes first at SND.NXT = ISS+1, and the queued data follows within the window. */
static void test_syn_sent_send_queued(void **state)
{
    struct fx *f = *state;
    unsigned i, total = 0;
    fx_send(f, 100);
    fx_expect_no_row(f);
    fx_expect_deadline_unchanged(f);
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_SYN | TCPFSM_ACK, f->irs, f->iss + 1u, 0);
    fx_expect_row(f, TCPFSM_ROW_T12, TCPFSM_ESTABLISHED);
    assert_true(f->out.count >= 1);
    for (i = 0; i < f->out.count; i++) {
        const struct tcpfsm_segment *s = &f->out.segments[i];
        assert_int_equal(s->seq, f->iss + 1u + total);
        assert_int_equal(s->ack, f->irs + 1u);
        assert_int_equal(s->flags & ~TCPFSM_PSH, TCPFSM_ACK);
        total += s->len;
    }
    assert_int_equal(total, 100);
    fx_rtt_sample(f, FX_RTT);
    fx_expect_deadline(f, f->now + f->rto); /* RFC 6298 5.1: data in flight */
}

/* OPEN in SYN-SENT: "error: connection already exists". */
static void test_syn_sent_open_fails(void **state)
{
    fx_expect_open_fails(*state, TCPFSM_ERR_STATE, 0);
    fx_expect_open_fails(*state, TCPFSM_ERR_STATE, 1);
}


/* T12 with text in the SYN,ACK: "If there are other controls or text in the segment, then
   continue processing at the sixth step" - the text is accepted and acknowledged. */
static void test_syn_sent_syn_ack_with_data(void **state)
{
    struct fx *f = *state;
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_SYN | TCPFSM_ACK, f->irs, f->iss + 1u, 300);
    fx_expect_row(f, TCPFSM_ROW_T12, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss + 1u, f->irs + 1u + 300u, TCPFSM_ACK, 0);
    fx_expect_window(f, 0, (uint16_t)(f->cfg.window - 300u));
    fx_expect_events_mask(f, TCPFSM_SIG_CONNECTED | TCPFSM_SIG_DATA, TCPFSM_SIG_ACKED);
    /* the text starts after the SYN: octets [0, 300) of it, from IRS + 1 */
    fx_expect_data(f, f->irs + 1u, 0, 300);
}

/* T12 after the host resized the receive buffer while in SYN-SENT (as FreeBSD's tcp_mss() rounds
   65536 up to 65700, a multiple of the peer's MSS, once the SYN,ACK gives it): nothing has been
   received yet, so RCV.WND is the whole buffer as it is when the SYN arrives (3.10.7.4 seventh:
   RCV.WND is adjusted "as appropriate to the current buffer availability"); 3 bytes of text leave
   RCV.WND = 65697, and the ACK's window field carries min(RCV.WND, 65535) = 65535 (RFC 9293 3.1
   "Window: 16 bits", RFC 7323 2.3 without scaling). */
static void test_syn_sent_syn_ack_receive_buffer_resized(void **state)
{
    struct fx *f = *state;
    fx_expect_window(f, 0, f->cfg.window < 65535u ? (uint16_t)f->cfg.window : 65535u); /* the SYN */
    f->cfg.window = 65700u;
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_SYN | TCPFSM_ACK, f->irs, f->iss + 1u, 3);
    fx_expect_row(f, TCPFSM_ROW_T12, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss + 1u, f->irs + 1u + 3u, TCPFSM_ACK, 0);
    fx_expect_window(f, 0, 65535);
    assert_int_equal(tcpfsm_rcv_wnd(&f->conn), 65697u);
    fx_expect_events_mask(f, TCPFSM_SIG_CONNECTED | TCPFSM_SIG_DATA, TCPFSM_SIG_ACKED);
}

/* T13 after the same resizing: the SYN,ACK of a simultaneous open offers 65535 and RCV.WND is the
   whole buffer, 65700: a RST at its right edge RCV.NXT+65699, beyond the 65535 offered, is in the
   window (3.10.7.4 first: "RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND"). */
static void test_syn_sent_syn_receive_buffer_resized(void **state)
{
    struct fx *f = *state;
    f->cfg.window = 65700u;
    fx_seg(f, TCPFSM_SYN, f->irs, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T13, TCPFSM_SYN_RECEIVED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss, f->irs + 1u, TCPFSM_SYN | TCPFSM_ACK, 0);
    fx_expect_window(f, 0, 65535);
    assert_int_equal(tcpfsm_rcv_wnd(&f->conn), 65700u);
    fx_seg(f, TCPFSM_RST, f->irs + 1u + 65700u, 0, 0);
    fx_expect_no_row(f);                             /* just outside: dropped */
    fx_expect_count(f, 0);
    fx_seg(f, TCPFSM_RST, f->irs + 1u + 65699u, 0, 0);
    assert_int_not_equal(f->out.row, TCPFSM_ROW_NONE); /* the right edge: in the window */
}

/* T12 with text in the SYN,ACK while RCV.WND = 0: processing continues "at the sixth step", where
   "it is assumed that the segment is the idealized segment that begins at RCV.NXT and does not
   exceed the window" (3.10.7.4 first): none of the text fits, none is accepted (no SIG_DATA,
   RCV.NXT = IRS + 1), and the ACK advertises the zero window. The host shrank its receive buffer
   to 0 after OPEN (as the resizing tests above; tcpfsm_init refuses a buffer of 0,
   acceptable_config, but the core reads cfg->window at the SYN and must handle 0). */
static void test_syn_sent_syn_ack_with_data_zero_window(void **state)
{
    struct fx *f = *state;
    f->cfg.window = 0;
    f->rcv_wnd = 0;
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_SYN | TCPFSM_ACK, f->irs, f->iss + 1u, 300);
    fx_expect_row(f, TCPFSM_ROW_T12, TCPFSM_ESTABLISHED);
    f->snd_una = f->iss + 1u;
    f->rcv_nxt = f->irs + 1u;
    f->max_snd_wnd = f->peer_wnd;
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_window(f, 0, 0);
    fx_expect_events_mask(f, TCPFSM_SIG_CONNECTED, TCPFSM_SIG_ACKED);
    assert_int_equal(f->out.data_len, 0);
    fx_expect_vars(f);
}

/* PUSH in SYN-SENT with data queued: "Queue the data for transmission after entering ESTABLISHED
   state": nothing goes out, no SIG_MORE (nothing could go now), TCPFSM_OK. */
static void test_syn_sent_push(void **state)
{
    struct fx *f = *state;
    fx_send(f, 100);
    fx_expect_count(f, 0);
    fx_expect_events(f, 0);
    fx_push(f);
    fx_expect_no_row(f);
    fx_expect_events(f, 0);
    assert_int_equal(f->out.data_len, 0);
    assert_int_equal(tcpfsm_snd_queued(&f->conn), 100);
    fx_expect_deadline_unchanged(f);
}

/* drop_synfin (FreeBSD net.inet.tcp.drop_synfin): a SYN+FIN, with or without text, is dropped
   unanswered (T16) and SYN-SENT goes on; without it, it is a SYN (T13, simultaneous open). */
static void test_syn_sent_drop_synfin_syn_fin(void **state)
{
    struct fx *f = *state;
    f->cfg.drop_synfin = 1u;
    fx_seg(f, TCPFSM_SYN | TCPFSM_FIN, f->irs, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T16, TCPFSM_SYN_SENT);
    fx_expect_count(f, 0);
    fx_expect_events(f, 0);
    fx_expect_deadline_unchanged(f);
    fx_seg(f, TCPFSM_SYN | TCPFSM_FIN, f->irs, 0, 3);
    fx_expect_row(f, TCPFSM_ROW_T16, TCPFSM_SYN_SENT);
    fx_expect_count(f, 0);
    f->cfg.drop_synfin = 0u;
    fx_seg(f, TCPFSM_SYN | TCPFSM_FIN, f->irs, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T13, TCPFSM_SYN_RECEIVED);
    fx_expect_count(f, 1);
}

/* drop_synfin, a SYN,ACK+FIN with an acceptable ACK: dropped too (T16); a bad ACK still draws
   T14's RST (the ACK check comes first). */
static void test_syn_sent_drop_synfin_syn_ack_fin(void **state)
{
    struct fx *f = *state;
    f->cfg.drop_synfin = 1u;
    fx_seg(f, TCPFSM_SYN | TCPFSM_ACK | TCPFSM_FIN, f->irs, f->iss + 1u, 0);
    fx_expect_row(f, TCPFSM_ROW_T16, TCPFSM_SYN_SENT);
    fx_expect_count(f, 0);
    fx_seg(f, TCPFSM_SYN | TCPFSM_ACK | TCPFSM_FIN, f->irs, f->iss, 0);
    fx_expect_row(f, TCPFSM_ROW_T14, TCPFSM_SYN_SENT);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss, 0, TCPFSM_RST, 0);
}


/* RFC 9293 3.7.1: the send MSS comes from the peer's SYN. T12 with the peer's MSS option 1000 and
   cfg.mss 1460 (the MSS we advertise): data goes out in segments of min(1460, 1000) = 1000. */
static void test_syn_sent_syn_ack_mss(void **state)
{
    struct fx *f = *state;
    f->cfg.mss = 1460u;
    fx_advance(f, FX_RTT);
    fx_seg_mss(f, TCPFSM_SYN | TCPFSM_ACK, f->irs, f->iss + 1u, 0, 1000u);
    fx_expect_row(f, TCPFSM_ROW_T12, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss + 1u, f->irs + 1u, TCPFSM_ACK, 0);   /* the ACK: no option */
    f->snd_una = f->snd_nxt = f->iss + 1u;
    f->rcv_nxt = f->irs + 1u;
    fx_expect_data_cut(f, 2500u, 1000u);                            /* 1000, 1000, 500 */
}

/* T12 with an MSS option above ours: the send MSS is ours, cfg.mss ("the smaller ... of the send
   MSS ... and the largest transmission size permitted by the IP layer"). */
static void test_syn_sent_syn_ack_mss_above_ours(void **state)
{
    struct fx *f = *state;
    f->cfg.mss = 1460u;
    fx_advance(f, FX_RTT);
    fx_seg_mss(f, TCPFSM_SYN | TCPFSM_ACK, f->irs, f->iss + 1u, 0, 9000u);
    fx_expect_row(f, TCPFSM_ROW_T12, TCPFSM_ESTABLISHED);
    f->snd_una = f->snd_nxt = f->iss + 1u;
    fx_expect_data_cut(f, 3000u, 1460u);                            /* 1460, 1460, 80 */
}

/* T12 without an MSS option: "If an MSS Option is not received at connection setup, TCP
   implementations MUST assume a default send MSS of 536 (576 - 40) for IPv4". */
static void test_syn_sent_syn_ack_no_mss(void **state)
{
    struct fx *f = *state;
    f->cfg.mss = 1460u;
    fx_advance(f, FX_RTT);
    fx_seg_mss(f, TCPFSM_SYN | TCPFSM_ACK, f->irs, f->iss + 1u, 0, 0u);
    fx_expect_row(f, TCPFSM_ROW_T12, TCPFSM_ESTABLISHED);
    f->snd_una = f->snd_nxt = f->iss + 1u;
    fx_expect_data_cut(f, 1200u, 536u);                             /* 536, 536, 128 */
}

/* Our SYN carries the MSS we advertise, at OPEN (T01, fx_expect_seg checks the option) and when it
   is retransmitted (T17); before the peer's SYN the send MSS is cfg.mss. */
static void test_syn_sent_syn_carries_mss(void **state)
{
    struct fx *f = *state;
    assert_int_equal(f->out.segments[0].mss, f->cfg.mss);
    assert_int_equal(f->out.segments[0].wscale, TCPFSM_WSCALE_NONE);
    assert_int_equal(tcpfsm_snd_mss(&f->conn), f->cfg.mss);
    f->cfg.mss = 1460u;
    fx_fire(f);
    fx_expect_row(f, TCPFSM_ROW_T17, TCPFSM_SYN_SENT);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss, 0, TCPFSM_SYN, 0);
    assert_int_equal(f->out.segments[0].mss, 1460u);
    assert_int_equal(tcpfsm_snd_mss(NULL), 0u);
}

/* T13 (simultaneous open): the peer's SYN sets the send MSS, and our SYN,ACK carries our MSS. */
static void test_syn_sent_syn_mss(void **state)
{
    struct fx *f = *state;
    f->cfg.mss = 1460u;
    fx_seg_mss(f, TCPFSM_SYN, f->irs, 0, 0, 1200u);
    fx_expect_row(f, TCPFSM_ROW_T13, TCPFSM_SYN_RECEIVED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss, f->irs + 1u, TCPFSM_SYN | TCPFSM_ACK, 0);
    assert_int_equal(f->out.segments[0].mss, 1460u);
    assert_int_equal(tcpfsm_snd_mss(&f->conn), 1200u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TESTS(test_syn_sent_syn_ack, setup_closed),
        FX_TESTS(test_syn_sent_syn_ack_mss, setup_syn_sent),
        FX_TESTS(test_syn_sent_syn_ack_mss_above_ours, setup_syn_sent),
        FX_TESTS(test_syn_sent_syn_ack_no_mss, setup_syn_sent),
        FX_TESTS(test_syn_sent_syn_carries_mss, setup_syn_sent),
        FX_TESTS(test_syn_sent_syn_mss, setup_syn_sent),
        FX_TESTS(test_syn_sent_syn_ack_rtt_sample, setup_closed),
        FX_TESTS(test_syn_sent_syn, setup_closed),
        FX_TESTS(test_syn_sent_bad_ack_iss, setup_syn_sent),
        FX_TESTS(test_syn_sent_drop_synfin_syn_fin, setup_syn_sent),
        FX_TESTS(test_syn_sent_drop_synfin_syn_ack_fin, setup_syn_sent),
        FX_TESTS(test_syn_sent_bad_ack_above_snd_nxt, setup_syn_sent),
        FX_TESTS(test_syn_sent_bad_ack_syn_ack, setup_syn_sent),
        FX_TESTS(test_syn_sent_rst, setup_syn_sent),
        FX_TESTS(test_syn_sent_rst_any_seq, setup_syn_sent),
        FX_TESTS(test_syn_sent_unacceptable_rst_bad_ack, setup_syn_sent),
        FX_TESTS(test_syn_sent_unacceptable_rst_ack_iss, setup_syn_sent),
        FX_TESTS(test_syn_sent_unacceptable_rst_no_ack, setup_syn_sent),
        FX_TESTS(test_syn_sent_unacceptable_ack_without_syn, setup_syn_sent),
        FX_TESTS(test_syn_sent_unacceptable_fin_without_ack, setup_syn_sent),
        FX_TESTS(test_syn_sent_rto, setup_syn_sent),
        FX_TESTS(test_syn_sent_rto_giveup, setup_syn_sent),
        FX_TESTS(test_syn_sent_user_timeout_not_applied, setup_syn_sent),
        FX_TESTS(test_syn_sent_connect_timeout_gives_up, setup_syn_sent),
        FX_TESTS(test_syn_sent_count_before_connect_timeout, setup_syn_sent),
        FX_TESTS(test_syn_sent_timer_before_deadline, setup_syn_sent),
        FX_TESTS(test_syn_sent_close, setup_syn_sent),
        FX_TESTS(test_syn_sent_abort, setup_syn_sent),
        FX_TESTS(test_syn_sent_send_queued, setup_syn_sent),
        FX_TESTS(test_syn_sent_open_fails, setup_syn_sent),
        FX_TESTS(test_syn_sent_syn_ack_receive_buffer_resized, setup_syn_sent),
        FX_TESTS(test_syn_sent_syn_receive_buffer_resized, setup_syn_sent),
        FX_TESTS(test_syn_sent_syn_ack_with_data, setup_syn_sent),
        FX_TESTS(test_syn_sent_push, setup_syn_sent),
        FX_CASE(test_syn_sent_syn_ack_with_data_zero_window, setup_syn_sent, rfc),
    };
    return FX_RUN("test_syn_sent", tests);
}
