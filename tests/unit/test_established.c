/*
 * test_established.c - ESTABLISHED (RFC 9293 3.10.7.4, 3.10.4, 3.10.5; RFC 5961; RFC 6298):
 * rows T36-T47, data and acknowledgment accounting, the RFC 5961 matrices, challenge-ACK rate
 * limiting (RFC 5961 7).
 */
#include "fixtures.h"

/* rst_left_edge*: T38 (-> CLOSED, reset); rst_just_inside_left_edge, rst_right_edge: T39
   (T38 with rfc5961_rst off); syn_*: T40 (T41 in the window, T43 outside, with rfc5961_syn off);
   ack_left_edge, ack_right_edge, ack_value_lowest_acceptable: T36; ack_just_outside_*,
   ack_data_outside_window: T43; ack_value_above_snd_nxt: T42; ack_value_below_lowest_acceptable:
   T42 (T36 with rfc5961_ack off). */
static const struct fx_sync_rows rows = {
    TCPFSM_ROW_T38, 0, TCPFSM_CLOSED, TCPFSM_SIG_RESET, TCPFSM_ROW_T39, 0, TCPFSM_ROW_T40,
    TCPFSM_ROW_T41, TCPFSM_ROW_T42, TCPFSM_ROW_T43, TCPFSM_ROW_T36, 0
};

/* A 1000-byte window (less than two MSS): receiver SWS avoidance thresholds at half the buffer. */
static void tweak_smallwin(struct tcpfsm_config *cfg)
{
    cfg->window = 1000;
}
static const struct fx_params fx_v_smallwin = {
    "smallwin", &tcpfsm_profile_linux, 0xabcdef01u, 0xfffffc00u, 10u * FX_S, 0, tweak_smallwin
};

/* A receive buffer above 65535 (RCV.WND is 32-bit, RFC 7323 2.3): FreeBSD's 65536 rounded up to a
   multiple of the MSS, 65700 with an MSS of 1460 (RFC 5961 on), and 66240 with 1440 (RFC 5961
   off, net.inet.tcp.insecure_rst/insecure_syn = 1). The matrices' right edge, RCV.NXT+RCV.WND-1,
   then lies beyond the 65535 the window field offers, and is in the window all the same. */
static void tweak_bigbuf(struct tcpfsm_config *cfg)
{
    cfg->window = 65700u;
}
static void tweak_bigbuf793(struct tcpfsm_config *cfg)
{
    cfg->window = 66240u;
    cfg->rfc5961_rst = 0;
    cfg->rfc5961_syn = 0;
}
static const struct fx_params fx_v_bigbuf = {
    "bigbuf", &tcpfsm_profile_freebsd, 0x0000fff0u, 0xffff0000u, 10u * FX_S, 0, tweak_bigbuf
};
static const struct fx_params fx_v_bigbuf793 = {
    "bigbuf793", &tcpfsm_profile_freebsd, 0x10000000u, 0xfffffff0u, 10u * FX_S, 1, tweak_bigbuf793
};
#define FX_BIGBUF(fn) FX_CASE(fn, setup_established, bigbuf), FX_CASE(fn, setup_established, bigbuf793)

FX_RST_MATRIX(established, rows)
FX_SYN_MATRIX(established, rows)
FX_ACK_MATRIX(established, rows)

/* T36: `n` bytes of in-order text arrive and are taken (RCV.NXT advances, RCV.WND shrinks). */
static void receive_in_order(struct fx *f, uint16_t n)
{
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, n);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    f->rcv_nxt += n;
    f->rcv_wnd -= n;
}

/* T38: the RST check comes before the ACK check: a RST at RCV.NXT resets even with an ACK field
   that acknowledges something not yet sent. */
static void test_established_rst_with_invalid_ack(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_RST | TCPFSM_ACK, f->rcv_nxt, f->snd_nxt + 1000u, 0);
    fx_expect_row(f, TCPFSM_ROW_T38, TCPFSM_CLOSED);
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_RESET);
}

/* T38: processing order (RFC 9293 3.10.7.4: "second, check the RST bit" before "fourth, check the
   SYN bit"): a segment with both RST and SYN exactly at RCV.NXT is a RST and resets, on every
   variant (RFC 5961 on or off); it draws no challenge ACK and no reset. */
static void test_established_rst_with_syn(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_RST | TCPFSM_SYN | TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T38, TCPFSM_CLOSED);
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_RESET);
}

/* T40/T41: a SYN,ACK in the window; RFC 793 (rfc5961_syn off) resets with
   <SEQ=SEG.ACK><CTL=RST> because the segment has an ACK. */
static void test_established_syn_sync_syn_ack(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_SYN | TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0);
    if (f->cfg.rfc5961_syn) {
        fx_expect_row(f, TCPFSM_ROW_T40, TCPFSM_ESTABLISHED);
        fx_expect_count(f, 1);
        fx_expect_ack(f, 0);
    } else {
        fx_expect_row(f, TCPFSM_ROW_T41, TCPFSM_CLOSED);
        fx_expect_count(f, 1);
        fx_expect_seg(f, 0, f->snd_nxt, 0, TCPFSM_RST, 0);
        fx_expect_events(f, TCPFSM_SIG_RESET);
    }
}

/* T36 at SEG.ACK = SND.NXT (= SND.UNA): the right end of the acceptable ACK range. */
static void test_established_ack_value_snd_nxt(void **state)
{
    struct fx *f = *state;
    fx_ack_value_case(f, &rows, f->snd_nxt);
}

/* T42: an invalid ACK value drops the segment, text included: no RCV.NXT advance. */
static void test_established_ack_invalid_with_data(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK | TCPFSM_PSH, f->rcv_nxt, f->snd_nxt + 1u, 100);
    fx_expect_row(f, TCPFSM_ROW_T42, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0); /* ACK = RCV.NXT unchanged */
    fx_expect_events(f, 0);
}

/* T36 with text: "Once the TCP endpoint takes responsibility for the data, it advances RCV.NXT
   over the data accepted, and adjusts RCV.WND ... Send an acknowledgment of the form:
   <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>" */
static void test_established_ack_data(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK | TCPFSM_PSH, f->rcv_nxt, f->snd_nxt, 100);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    fx_expect_data(f, f->rcv_nxt, 0, 100);   /* the whole text, from RCV.NXT */
    f->rcv_nxt += 100u;
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_window(f, 0, (uint16_t)(f->cfg.window - 100u));
    fx_expect_events(f, TCPFSM_SIG_DATA);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* T36 with text and a receive buffer above 65535 (bigbuf variants): RCV.WND is the buffer less
   the unconsumed text, and the window field carries it as far as 16 bits go (RFC 9293 3.1
   "Window: 16 bits"; RFC 7323 2.3 "SEG.WND = RCV.WND >> Rcv.Wind.Shift" with no shift):
   min(RCV.WND, 65535). 3 bytes of 65700 unread: RCV.WND 65697, the ACK offers 65535 (FreeBSD's
   "win 65535"); once RCV.WND falls below 65535 the field is RCV.WND itself. Text ending at
   RCV.NXT+RCV.WND, beyond the 65535 offered, is taken whole. The application consuming it all
   opens RCV.WND back to the whole buffer. */
static void test_established_ack_data_receive_buffer_above_65535(void **state)
{
    struct fx *f = *state;
    uint32_t buf = f->cfg.window;
    uint16_t rest;
    assert_true(buf > 65535u);
    assert_int_equal(tcpfsm_rcv_wnd(&f->conn), buf);
    receive_in_order(f, 3);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_window(f, 0, 65535);
    fx_expect_events(f, TCPFSM_SIG_DATA);
    fx_expect_vars(f);                                   /* RCV.WND = buf - 3 */
    receive_in_order(f, (uint16_t)(buf - 3u - 65535u + 100u));
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_window(f, 0, 65435);                       /* RCV.WND = 65435 < 65535 */
    fx_expect_vars(f);
    /* the rest of the window, up to RCV.NXT+RCV.WND-1, in segments of at most 65535 */
    rest = (uint16_t)(f->rcv_wnd - 1000u);
    receive_in_order(f, rest);
    receive_in_order(f, 1000u);
    fx_expect_window(f, 0, 0);
    fx_expect_vars(f);                                   /* RCV.WND = 0 */
    fx_consumed(f, buf);
    fx_expect_no_transition(f);
    f->rcv_wnd = buf;
    fx_expect_count(f, 1);                               /* the window update (SWS avoidance) */
    fx_expect_ack(f, 0);
    fx_expect_window(f, 0, 65535);
    fx_expect_vars(f);
}

/* T43: a retransmission of text already received lies entirely left of RCV.NXT: not acceptable,
   acknowledged, not delivered again. */
static void test_established_ack_data_duplicate(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 100);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    f->rcv_nxt += 100u;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt - 100u, f->snd_nxt, 100);
    fx_expect_row(f, TCPFSM_ROW_T43, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events(f, 0);
}

/* T36, acceptability case 4: "RCV.NXT =< SEG.SEQ+SEG.LEN-1 < RCV.NXT+RCV.WND": a segment that
   straddles RCV.NXT is acceptable and only its new part is processed. */
static void test_established_ack_data_overlapping_left_edge(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt - 10u, f->snd_nxt, 30);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    fx_expect_data(f, f->rcv_nxt, 10, 20);   /* the old first 10 octets are skipped */
    f->rcv_nxt += 20u;
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events(f, TCPFSM_SIG_DATA);
}

/* T36: out-of-order text in the window is acceptable but RCV.NXT does not move; what is sent is
   a duplicate ACK for RCV.NXT (RFC 5681 4.2), and the host is told it may hold the text
   (SIG_OUT_OF_ORDER, RFC 9293 3.10.7.4 SHLD-31). Once the gap is filled in order (SIG_DATA for
   those octets only), the host hands the held text back with tcpfsm_reassembled. */
static void test_established_ack_data_out_of_order(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt + 10u, f->snd_nxt, 10);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    fx_expect_events(f, TCPFSM_SIG_OUT_OF_ORDER);
    fx_expect_data(f, f->rcv_nxt + 10u, 0, 10);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_vars(f);                                   /* RCV.NXT, RCV.WND unchanged */
    /* the in-order bytes then advance RCV.NXT by their own length only */
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 10);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    fx_expect_data(f, f->rcv_nxt, 0, 10);
    f->rcv_nxt += 10u;
    f->rcv_wnd -= 10u;
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events(f, TCPFSM_SIG_DATA);
    /* the host's held octets now start at RCV.NXT */
    fx_reassembled(f, 10);
    fx_expect_no_transition(f);
    fx_expect_data(f, f->rcv_nxt, 0, 10);
    f->rcv_nxt += 10u;
    f->rcv_wnd -= 10u;
    fx_expect_events(f, TCPFSM_SIG_DATA);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);                                 /* ACK = the new RCV.NXT */
    fx_expect_window(f, 0, (uint16_t)(f->rcv_wnd < 65535u ? f->rcv_wnd : 65535u));
    fx_expect_vars(f);
}

/* T36: out-of-order text running past the right edge RCV.NXT+RCV.WND: the host may hold only the
   part inside the window (RFC 9293 3.10.7.4: "trimming off any portions that lie outside the
   window"). */
static void test_established_ack_data_out_of_order_trimmed(void **state)
{
    struct fx *f = *state;
    uint32_t start = f->rcv_wnd - 100u;
    assert_true(f->rcv_wnd > 200u);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt + start, f->snd_nxt, 300);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    fx_expect_events(f, TCPFSM_SIG_OUT_OF_ORDER);
    fx_expect_data(f, f->rcv_nxt + start, 0, 100);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_vars(f);
}

/* tcpfsm_reassembled beyond the window: TCPFSM_ERR_ARG, nothing changes, nothing is sent; 0
   octets: TCPFSM_OK and nothing happens. */
static void test_established_reassembled_beyond_window(void **state)
{
    struct fx *f = *state;
    f->rc = tcpfsm_reassembled(&f->conn, f->now, f->rcv_wnd + 1u, &f->out);
    assert_int_equal(f->rc, TCPFSM_ERR_ARG);
    assert_int_equal(f->out.count, 0);
    assert_int_equal(f->out.data_len, 0);
    assert_int_equal(f->out.events & TCPFSM_SIG_DATA, 0);
    fx_expect_vars(f);
    fx_reassembled(f, 0);
    fx_expect_count(f, 0);
    fx_expect_events(f, 0);
    assert_int_equal(f->out.data_len, 0);
    fx_expect_vars(f);
    /* the whole window is accepted, and closes it */
    fx_reassembled(f, f->rcv_wnd);
    fx_expect_data(f, f->rcv_nxt, 0, f->rcv_wnd);
    f->rcv_nxt += f->rcv_wnd;
    f->rcv_wnd = 0;
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_window(f, 0, 0);
    fx_expect_vars(f);
}

/* SEND of four MSS into an open window: the output holds three data segments, TCPFSM_SIG_MORE says
   the fourth could go now; PUSH sends it (with PSH, the last queued octet) and clears it. */
static void test_established_push(void **state)
{
    struct fx *f = *state;
    uint32_t mss = f->cfg.mss;
    assert_true(4u * mss <= FX_PEER_WND);
    fx_send(f, 4u * mss);
    fx_expect_count(f, 3);
    fx_expect_events(f, TCPFSM_SIG_MORE);
    fx_expect_data(f, 0, 0, 0);
    f->snd_nxt += 3u * mss;
    /* any call's output says it: the clock before the deadline (nothing due, nothing sent) */
    fx_timer(f);
    fx_expect_no_transition(f);
    assert_int_equal(f->out.row, TCPFSM_ROW_NONE);
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_MORE);
    fx_push(f);
    fx_expect_no_transition(f);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_ACK, (uint16_t)mss);
    assert_int_equal(f->out.segments[0].flags, TCPFSM_ACK | TCPFSM_PSH);
    f->snd_nxt += mss;
    fx_expect_events(f, 0);
    assert_int_equal(tcpfsm_snd_queued(&f->conn), 0);
    fx_expect_deadline_unchanged(f);                 /* the timer runs since the first segment */
    /* nothing left: PUSH is TCPFSM_OK and sends nothing */
    fx_push(f);
    fx_expect_count(f, 0);
    fx_expect_events(f, 0);
}

/* The peer's window opens by more than three segments' worth: the ACK's row sends three (and
   SIG_MORE), PUSH the rest within the window. While the window is full SIG_MORE stays clear. */
static void test_established_push_window_opens(void **state)
{
    struct fx *f = *state; /* CLOSED */
    uint32_t mss = f->cfg.mss;
    assert_true(6u * mss <= 65535u);
    f->peer_wnd = (uint16_t)mss;
    if (f->p->active) {
        fx_to_established_active(f);
    } else {
        fx_to_established_passive(f);
    }
    fx_send(f, 6u * mss);
    fx_expect_count(f, 1);                           /* one MSS fills the window */
    fx_expect_events(f, 0);
    f->snd_nxt += mss;
    fx_advance(f, FX_RTT);
    fx_seg_wnd(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0, (uint16_t)(6u * mss));
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    f->snd_una = f->snd_nxt;
    fx_expect_count(f, 3);
    fx_expect_events(f, TCPFSM_SIG_ACKED | TCPFSM_SIG_MORE);
    f->snd_nxt += 3u * mss;
    fx_push(f);
    fx_expect_count(f, 2);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_ACK, (uint16_t)mss);
    fx_expect_seg(f, 1, f->snd_nxt + mss, f->rcv_nxt, TCPFSM_ACK, (uint16_t)mss);
    fx_expect_events(f, 0);
    assert_int_equal(tcpfsm_snd_queued(&f->conn), 0);
}

/* SIG_MORE only while something could go now: data queued behind a window that is full is not
   "more", nor is a PUSH with the window still full. */
static void test_established_push_window_full(void **state)
{
    struct fx *f = *state; /* CLOSED */
    uint32_t mss = f->cfg.mss;
    f->peer_wnd = (uint16_t)mss;
    if (f->p->active) {
        fx_to_established_active(f);
    } else {
        fx_to_established_passive(f);
    }
    fx_send(f, 2u * mss);
    fx_expect_count(f, 1);
    fx_expect_events(f, 0);
    fx_push(f);
    fx_expect_count(f, 0);
    fx_expect_events(f, 0);
    assert_int_equal(tcpfsm_snd_queued(&f->conn), mss);
}


/* A segment without ACK carrying text is dropped (3.10.7.4 fifth): its text is not accepted. */
static void test_established_ack_bit_off_text_not_accepted(void **state)
{
    struct fx *f = *state;
    fx_no_ack_bit_case(f);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 10);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    f->rcv_nxt += 10u;
    fx_expect_ack(f, 0);
}

/* The four cases of the acceptability test with RCV.WND = 0: only a zero-length segment at
   RCV.NXT is acceptable; then the application consumes and the window opens. */
static void test_established_ack_zero_window(void **state)
{
    struct fx *f = *state;
    uint16_t w = f->cfg.window;
    fx_fill_window(f, f->snd_nxt, TCPFSM_ROW_T36);
    /* SEG.LEN > 0, RCV.WND = 0: not acceptable -> T43 */
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 1);
    fx_expect_row(f, TCPFSM_ROW_T43, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_window(f, 0, 0);
    fx_expect_events(f, 0);
    /* SEG.LEN = 0, RCV.WND = 0: SEG.SEQ = RCV.NXT is acceptable -> T36 */
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 0);
    /* ... and SEG.SEQ = RCV.NXT + 1 is not -> T43 */
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt + 1u, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T43, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_consume_window(f);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt + w - 1u, f->snd_nxt, 0); /* right edge again */
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 0);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 1);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    f->rcv_nxt += 1u;
    fx_expect_ack(f, 0);
    fx_expect_events(f, TCPFSM_SIG_DATA);
}

/* T38 with a zero window: "If the RCV.WND is zero, no segments will be acceptable, but special
   allowance should be made to accept valid ACKs, URGs, and RSTs." */
static void test_established_rst_zero_window(void **state)
{
    struct fx *f = *state;
    uint16_t w = f->cfg.window;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, w);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    f->rcv_nxt += w;
    f->rcv_wnd = 0;
    fx_rst_case(f, &rows, f->rcv_nxt, 0);
}

/* SEND: "the data is segmentized" <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> and the retransmission
   timer starts (RFC 6298 5.1). No table row: SEND is not a state change. */
static void test_established_send(void **state)
{
    struct fx *f = *state;
    fx_send(f, 100);
    fx_expect_no_transition(f);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_ACK, 100);
    fx_expect_deadline(f, f->now + f->rto);
}

/* SEND of more than one MSS: consecutive segments of at most cfg.mss bytes. */
static void test_established_send_segments(void **state)
{
    struct fx *f = *state;
    uint32_t mss = f->cfg.mss;
    assert_true(mss > 0 && 2u * mss + 10u <= FX_PEER_WND);
    fx_send(f, 2u * mss + 10u);
    fx_expect_count(f, 3);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_ACK, (uint16_t)mss);
    fx_expect_seg(f, 1, f->snd_nxt + mss, f->rcv_nxt, TCPFSM_ACK, (uint16_t)mss);
    fx_expect_seg(f, 2, f->snd_nxt + 2u * mss, f->rcv_nxt, TCPFSM_ACK, 10);
    fx_expect_deadline(f, f->now + f->rto);
}

/* T36: an ACK of everything outstanding: SIG_ACKED, the timer stops (RFC 6298 5.2: "When all
   outstanding data has been acknowledged, turn off the retransmission timer."). */
static void test_established_ack_acknowledges_data(void **state)
{
    struct fx *f = *state;
    fx_send(f, 100);
    f->snd_nxt += 100u;
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_ACKED);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* T36: a partial ACK restarts the timer with the new RTO (RFC 6298 5.3: "When an ACK is received
   that acknowledges new data, restart the retransmission timer so that it will expire after RTO
   seconds"); a second SEND while the timer runs does not restart it (5.1). */
static void test_established_ack_partial(void **state)
{
    struct fx *f = *state;
    tcpfsm_time_t first;
    fx_send(f, 100);
    first = f->deadline;
    f->snd_nxt += 100u;
    fx_advance(f, 10u * FX_MS);
    fx_send(f, 100);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_ACK, 100);
    fx_expect_deadline(f, first);
    f->snd_nxt += 100u;
    fx_advance(f, FX_RTT - 10u * FX_MS); /* the first segment's RTT is FX_RTT */
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt - 100u, 0);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_ACKED);
    fx_rtt_sample(f, FX_RTT);
    fx_expect_deadline(f, f->now + f->rto);
}

/* T37: FIN with text: both delivered, the FIN acknowledged (RCV.NXT over text and FIN). */
static void test_established_fin_with_data(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 100);
    fx_expect_row(f, TCPFSM_ROW_T37, TCPFSM_CLOSE_WAIT);
    fx_expect_data(f, f->rcv_nxt, 0, 100);   /* the text, not the FIN */
    f->rcv_nxt += 101u;
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events(f, TCPFSM_SIG_DATA | TCPFSM_SIG_PEER_CLOSED);
}

/* T37 (the fixture step). */
static void test_established_fin(void **state)
{
    fx_to_close_wait(*state);
}

/* T36: a FIN beyond RCV.NXT is not in order: no CLOSE-WAIT, no end of stream yet. */
static void test_established_fin_out_of_order(void **state)
{
    struct fx *f = *state;
    unsigned i;
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt + 10u, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    fx_expect_events(f, 0);
    for (i = 0; i < f->out.count; i++) {
        fx_expect_ack(f, i);
    }
    /* with text: the host may hold the text, not the FIN (the peer sends it again) */
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt + 10u, f->snd_nxt, 20);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    fx_expect_events(f, TCPFSM_SIG_OUT_OF_ORDER);
    fx_expect_data(f, f->rcv_nxt + 10u, 0, 20);
    fx_expect_vars(f);
}

/* T44: RFC 6298 (5.4) retransmit the earliest unacknowledged segment, (5.5) RTO <- RTO * 2,
   (5.6) restart the timer. */
static void test_established_rto(void **state)
{
    struct fx *f = *state;
    fx_send(f, 100);
    fx_expect_rto_fires(f, TCPFSM_ROW_T44, f->snd_una, TCPFSM_ACK, 100);
}

/* T45 after cfg.retries times T44 (3.8.3 R2: "close the connection"). */
static void test_established_rto_giveup(void **state)
{
    fx_expect_data_rto_giveup(*state, TCPFSM_ROW_T44, TCPFSM_ROW_T45);
}

/* T45 by time with cfg.user_timeout (RFC 9293 3.8.3: "R1 and R2 might be measured in time units";
   RFC 5482: "the maximum amount of time that transmitted data may remain unacknowledged before
   TCP will forcefully close the corresponding connection"), on every variant: the count does not
   decide, the backed-off timer is cut at the user timeout (Linux tcp_clamp_rto_to_user_timeout()),
   and the connection closes with TCPFSM_SIG_TIMEOUT exactly then. */
static void test_established_user_timeout_gives_up(void **state)
{
    struct fx *f = *state;
    uint32_t rto = f->rto, seq;
    tcpfsm_time_t t0;
    f->cfg.retries = 255;                          /* the count never decides */
    f->cfg.user_timeout = 2u * rto + rto / 2u;     /* the second timer (2 RTO) is cut at 1.5 RTO */
    assert_true(f->cfg.rto_max >= 2u * rto);
    fx_send(f, 100);
    t0 = f->now;
    fx_expect_count(f, 1);
    seq = f->out.segments[0].seq;
    fx_expect_deadline(f, t0 + rto);
    fx_fire(f);                                    /* RFC 6298 5.4-5.6: the first retransmission */
    fx_expect_row(f, TCPFSM_ROW_T44, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, seq, f->rcv_nxt, TCPFSM_ACK, 100);
    fx_expect_deadline(f, t0 + f->cfg.user_timeout);
    fx_advance(f, f->cfg.user_timeout - rto - 1u); /* a microsecond early: nothing */
    fx_timer(f);
    fx_expect_no_row(f);
    fx_fire(f);                                    /* the user timeout: closed, ETIMEDOUT */
    fx_expect_row(f, TCPFSM_ROW_T45, TCPFSM_CLOSED);
    assert_true(f->now == t0 + f->cfg.user_timeout);
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_TIMEOUT);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* The user timeout counts from the last new ACK (RFC 6298 5.3 restarts the timer, and the data
   acknowledged was not left unacknowledged), on every variant. */
static void test_established_user_timeout_restarts_on_new_ack(void **state)
{
    struct fx *f = *state;
    uint32_t rto = f->rto, first;
    tcpfsm_time_t t1;
    f->cfg.retries = 255;
    f->cfg.user_timeout = 2u * rto + rto / 2u;
    fx_send(f, 100);
    first = f->out.segments[0].seq;
    fx_send(f, 100);
    fx_expect_count(f, 1);
    fx_advance(f, rto / 2u);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, first + 100u, 0);   /* the first 100 bytes are acknowledged */
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    t1 = f->now;
    fx_fire(f);                                    /* the second segment is retransmitted */
    fx_expect_row(f, TCPFSM_ROW_T44, TCPFSM_ESTABLISHED);
    fx_expect_seg(f, 0, first + 100u, f->rcv_nxt, TCPFSM_ACK, 100);
    fx_expect_deadline(f, t1 + f->cfg.user_timeout);
    fx_fire(f);
    fx_expect_row(f, TCPFSM_ROW_T45, TCPFSM_CLOSED);
    fx_expect_events(f, TCPFSM_SIG_TIMEOUT);
}

/* T46 (the fixture step): "form a FIN segment and send it, and enter FIN-WAIT-1 state". */
static void test_established_close(void **state)
{
    fx_to_fin_wait_1(*state);
}

/* T47: "Send a reset segment: <SEQ=SND.NXT><CTL=RST> ... enter CLOSED state". */
static void test_established_abort(void **state)
{
    fx_expect_abort(*state, TCPFSM_ROW_T47, 1);
}

/* T47 with data in flight: the RST takes SND.NXT, past the data. */
static void test_established_abort_with_data_in_flight(void **state)
{
    struct fx *f = *state;
    fx_send(f, 100);
    f->snd_nxt += 100u;
    fx_abort(f);
    fx_expect_row(f, TCPFSM_ROW_T47, TCPFSM_CLOSED);
    fx_expect_count(f, 1);
    if (f->cfg.abort_rst_ack)
        fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_RST | TCPFSM_ACK, 0);
    else
        fx_expect_seg(f, 0, f->snd_nxt, 0, TCPFSM_RST, 0);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* ABORT with the knob abort_rst_ack (Linux tcp_send_active_reset(), FreeBSD tcp_drop()), on every
   variant: the reset acknowledges what was received, <SEQ=SND.NXT><ACK=RCV.NXT><CTL=RST,ACK>. */
static void test_established_abort_rst_ack(void **state)
{
    struct fx *f = *state;
    f->cfg.abort_rst_ack = 1;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 10);
    f->rcv_nxt += 10u;
    fx_abort(f);
    fx_expect_row(f, TCPFSM_ROW_T47, TCPFSM_CLOSED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_RST | TCPFSM_ACK, 0);
    fx_expect_events(f, TCPFSM_SIG_CLOSED);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* ABORT with abort_rst_ack off (RFC 9293 3.10.5), on every variant: "<SEQ=SND.NXT><CTL=RST>". */
static void test_established_abort_rst_no_ack(void **state)
{
    struct fx *f = *state;
    f->cfg.abort_rst_ack = 0;
    fx_abort(f);
    fx_expect_row(f, TCPFSM_ROW_T47, TCPFSM_CLOSED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt, 0, TCPFSM_RST, 0);
    fx_expect_events(f, TCPFSM_SIG_CLOSED);
}

/* RFC 5961 7: "An implementation SHOULD include an ACK throttling mechanism": with a limit of 2
   a second, the third challenge ACK in the same second is not sent (T39 is still the row), the
   next second it is; plain ACKs for unacceptable segments (T43) are not throttled. */
static void test_established_rst_challenge_rate_limited(void **state)
{
    struct fx *f = *state;
    unsigned i;
    f->cfg.challenge_ack_limit = 2;
    f->now = (f->now / FX_S + 1u) * FX_S; /* the start of a second */
    for (i = 0; i < 3; i++) {
        fx_seg(f, TCPFSM_RST, f->rcv_nxt + 1u, 0, 0);
        fx_expect_row(f, TCPFSM_ROW_T39, TCPFSM_ESTABLISHED);
        fx_expect_count(f, i < 2 ? 1u : 0u);
        if (i < 2) {
            fx_expect_ack(f, 0);
        }
    }
    fx_seg(f, TCPFSM_SYN, f->rcv_nxt, 0, 0); /* the limit covers every challenge ACK */
    fx_expect_count(f, 0);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt + f->rcv_wnd, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T43, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_advance(f, FX_S);
    fx_seg(f, TCPFSM_RST, f->rcv_nxt + 1u, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T39, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
}

/* challenge_ack_limit = 0: no limit. */
static void test_established_rst_challenge_unlimited(void **state)
{
    struct fx *f = *state;
    unsigned i;
    f->cfg.challenge_ack_limit = 0;
    for (i = 0; i < 300; i++) {
        fx_seg(f, TCPFSM_RST, f->rcv_nxt + 1u, 0, 0);
        fx_expect_row(f, TCPFSM_ROW_T39, TCPFSM_ESTABLISHED);
        fx_expect_count(f, 1);
        fx_expect_ack(f, 0);
    }
}

/* No timer runs in an idle ESTABLISHED connection. */
static void test_established_timer_does_nothing(void **state)
{
    struct fx *f = *state;
    fx_advance(f, 7200u * (tcpfsm_time_t)FX_S);
    fx_timer(f);
    fx_expect_no_row(f);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

static void test_established_open_fails(void **state)
{
    fx_expect_open_fails(*state, TCPFSM_ERR_STATE, 0);
    fx_expect_open_fails(*state, TCPFSM_ERR_STATE, 1);
}


/* The peer's window limits what is sent: "the sending TCP endpoint ... MUST NOT send data beyond
   SND.UNA + SND.WND" (3.8.6); the rest waits until an ACK opens the window. With u = 3/4 MSS the
   peer advertises 2u throughout (MAX.SND.WND = 2u), so a u-byte segment is at least half the
   maximum window, as the sender's SWS avoidance (3.8.6.2.1) allows. */
static void test_established_send_window_limited(void **state)
{
    struct fx *f = *state; /* CLOSED */
    uint32_t mss = f->cfg.mss, u = mss - mss / 4u;
    assert_true(mss >= 4u && 2u * u <= 65535u);
    f->peer_wnd = (uint16_t)(2u * u);
    if (f->p->active) {
        fx_to_established_active(f);
    } else {
        fx_to_established_passive(f);
    }
    fx_send(f, u);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_ACK, (uint16_t)u);
    f->snd_nxt += u;
    fx_send(f, mss);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_ACK, (uint16_t)u); /* SND.UNA + SND.WND */
    f->snd_nxt += u;
    assert_int_equal(tcpfsm_snd_queued(&f->conn), mss - u);
    fx_send(f, 10);                                                       /* no window: nothing */
    fx_expect_count(f, 0);
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0);                     /* all, window 2u */
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    fx_expect_events(f, TCPFSM_SIG_ACKED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_ACK, (uint16_t)(mss - u + 10u));
    assert_int_equal(tcpfsm_snd_queued(&f->conn), 0);
}

/* T44 with more than one MSS outstanding: RFC 6298 (5.4) "Retransmit the earliest segment that
   has not been acknowledged" - one MSS from SND.UNA. */
static void test_established_rto_retransmits_earliest_segment(void **state)
{
    struct fx *f = *state;
    uint32_t mss = f->cfg.mss;
    fx_send(f, 2u * mss + 10u);
    fx_expect_count(f, 3);
    fx_fire(f);
    fx_expect_row(f, TCPFSM_ROW_T44, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_una, f->rcv_nxt, TCPFSM_ACK, (uint16_t)mss);
}

/* T36: text that extends past RCV.NXT + RCV.WND is trimmed to the window ("segments ... trimmed
   to contain only the data in the window"); the ACK advertises a zero window. */
static void test_established_ack_data_beyond_right_edge(void **state)
{
    struct fx *f = *state;
    uint16_t w = f->cfg.window;
    receive_in_order(f, 100u);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, (uint16_t)(w - 50u));
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    f->rcv_nxt += f->rcv_wnd;
    f->rcv_wnd = 0;
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_window(f, 0, 0);
    fx_expect_events(f, TCPFSM_SIG_DATA);
    fx_expect_vars(f);
}

/* CONSUMED of more than was received: out of range (TCPFSM_ERR_ARG), nothing changes. */
static void test_established_consumed_more_than_received(void **state)
{
    struct fx *f = *state;
    int rc;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 100);
    f->rcv_nxt += 100u;
    f->rcv_wnd -= 100u;
    rc = tcpfsm_consumed(&f->conn, f->now, 101u, &f->out);
    assert_int_equal(rc, TCPFSM_ERR_ARG);
    fx_expect_vars(f);
    fx_consumed(f, 100u);
    f->rcv_wnd += 100u;
    fx_expect_vars(f);
}

/* SEND of 2^31 bytes: more than half the sequence space can never be in flight (RFC 9293 3.4),
   out of range (TCPFSM_ERR_ARG), nothing sent. */
static void test_established_send_beyond_half_sequence_space(void **state)
{
    struct fx *f = *state;
    fx_expect_send_fails(f, TCPFSM_ERR_ARG, UINT32_C(0x80000000));
    assert_int_equal(tcpfsm_snd_queued(&f->conn), 0);
    fx_expect_vars(f);
}

/* The accessors: the RTO after the handshake's sample (RFC 6298 2.2), nothing queued. */
static void test_established_accessors(void **state)
{
    struct fx *f = *state;
    fx_expect_vars(f);
    assert_int_equal(tcpfsm_rto(&f->conn), f->rto);
    assert_int_equal(tcpfsm_snd_queued(&f->conn), 0);
}


/* SEND when written-but-unacknowledged data would exceed half the sequence space: out of range,
   nothing queued. */
static void test_established_send_total_beyond_half_sequence_space(void **state)
{
    struct fx *f = *state;
    uint32_t queued;
    fx_send(f, UINT32_C(0x7ff00000));
    queued = tcpfsm_snd_queued(&f->conn);
    fx_expect_send_fails(f, TCPFSM_ERR_ARG, UINT32_C(0x00200000));
    assert_int_equal(tcpfsm_snd_queued(&f->conn), queued);
}


/* T36: an ACK of part of the outstanding segment acknowledges new data: the timer restarts (RFC
   6298 5.3). It covers the segment's first octet, so it is an RTT sample (3.8.1: "the elapsed time
   between sending a data octet with a particular sequence number and receiving an acknowledgment
   that covers that sequence number (segments sent do not have to match segments received)"). */
static void test_established_ack_partial_segment(void **state)
{
    struct fx *f = *state;
    fx_send(f, 100);
    f->snd_nxt += 100u;
    fx_advance(f, 30u * FX_MS);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt - 50u, 0);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    f->snd_una = f->snd_nxt - 50u;
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_ACKED);
    fx_rtt_sample(f, 30u * FX_MS);
    fx_expect_deadline(f, f->now + f->rto);
    fx_expect_vars(f);
}

/* T36: a FIN beyond the right edge is outside the window and not accepted: the text before it is
   (trimmed to the window), the connection stays ESTABLISHED. */
static void test_established_fin_beyond_right_edge(void **state)
{
    struct fx *f = *state;
    receive_in_order(f, 100u);
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, (uint16_t)f->rcv_wnd);
    assert_int_equal(tcpfsm_state(&f->conn), TCPFSM_ESTABLISHED);
    assert_int_equal(f->out.events & TCPFSM_SIG_PEER_CLOSED, 0);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    f->rcv_nxt += f->rcv_wnd;
    f->rcv_wnd = 0;
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_window(f, 0, 0);
    fx_expect_events(f, TCPFSM_SIG_DATA);
}

/* SEND of nothing: nothing to send, no timer. */
static void test_established_send_nothing(void **state)
{
    struct fx *f = *state;
    fx_send(f, 0);
    fx_expect_no_row(f);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* CONSUMED of part of the received text: the window grows by that much. */
static void test_established_consumed_partial(void **state)
{
    struct fx *f = *state;
    unsigned i;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 300);
    f->rcv_nxt += 300u;
    f->rcv_wnd -= 300u;
    fx_consumed(f, 100u);
    fx_expect_no_transition(f);
    f->rcv_wnd += 100u;
    for (i = 0; i < f->out.count; i++) {
        fx_expect_ack(f, i);
    }
    fx_expect_vars(f);
}


/* Receiver SWS avoidance (3.8.6.2.2): consuming one byte of a closed window does not announce a
   one-byte window. */
static void test_established_consumed_one_byte_of_zero_window(void **state)
{
    struct fx *f = *state;
    uint16_t w = f->cfg.window;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, w);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    fx_consumed(f, 1u);
    fx_expect_no_transition(f);
    fx_expect_count(f, 0);
}

/* Only the timed segment gives an RTT sample: A (timed) and B go out, A's ACK is a sample; C is
   timed next; the ACK of B (which does not cover C's first octet) is no sample - the timer
   restarts with the RTO of A's sample (RFC 6298 5.3); the ACK of C is the next sample. */
static void test_established_ack_sample_only_timed_segment(void **state)
{
    struct fx *f = *state;
    uint32_t a = f->snd_nxt;
    fx_send(f, 100);            /* A */
    fx_send(f, 100);            /* B */
    f->snd_nxt += 200u;
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, a + 100u, 0);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    fx_rtt_sample(f, FX_RTT);
    fx_expect_deadline(f, f->now + f->rto);
    fx_send(f, 100);            /* C */
    fx_expect_seg(f, 0, a + 200u, f->rcv_nxt, TCPFSM_ACK, 100);
    f->snd_nxt += 100u;
    fx_advance(f, 8u * FX_MS);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, a + 200u, 0); /* B */
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    fx_expect_deadline(f, f->now + f->rto);
    fx_advance(f, FX_RTT - 8u * FX_MS);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, a + 300u, 0); /* C, after FX_RTT */
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
    fx_rtt_sample(f, FX_RTT);
    fx_send(f, 10);
    fx_expect_deadline(f, f->now + f->rto);
}

/* ---------------------------------------------------------------- zero window: persist */

/* RFC 9293 3.8.6.1: "The sending TCP peer must regularly transmit at least one octet of new data
   (if available), or retransmit to the receiving TCP peer even if the send window is zero, in
   order to "probe" the window. ... This retransmission is essential to guarantee that when either
   TCP peer has a zero window the reopening of the window will be reliably reported to the other."
   and "the transmitting host SHOULD send the first zero-window probe when a zero window has
   existed for the retransmission timeout period, and SHOULD increase exponentially the interval
   between successive probes"; RFC 1122 4.2.2.17: "The transmitting TCP MUST allow the remote
   receiver to keep its window closed indefinitely", so answers with a zero window do not count
   toward giving up (3.8.3 R2).
   The peer closes its window; the application writes `n` bytes: nothing is sent but the timer
   runs; each expiry is T44 with a one-octet probe at SND.NXT (later ones retransmit it from
   SND.UNA), backing off as RFC 6298 5.5; the peer answers each with a zero window, more times
   than cfg.retries, and the connection stays; then the window opens and the queued data flows. */
static void zero_window_persist_case(struct fx *f, uint32_t n)
{
    uint64_t rto = f->rto;
    unsigned k, probes = f->cfg.retries + 3u;
    assert_true(n >= 1u && n - 1u <= f->cfg.mss);
    /* the peer advertises a zero window, nothing outstanding */
    f->peer_wnd = 0;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 0);
    fx_expect_events(f, 0);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
    fx_expect_vars(f);
    /* SEND: no usable window, nothing goes out, but the timer runs (as the persist timer) */
    fx_send(f, n);
    fx_expect_no_transition(f);
    fx_expect_count(f, 0);
    fx_expect_deadline(f, f->now + f->rto);
    assert_int_equal(tcpfsm_snd_queued(&f->conn), n);
    fx_expect_vars(f);
    for (k = 1; k <= probes; k++) {
        fx_fire(f);
        fx_expect_row(f, TCPFSM_ROW_T44, TCPFSM_ESTABLISHED);
        fx_expect_count(f, 1);
        fx_expect_events(f, 0);
        if (k == 1) {
            /* one octet of new data at SND.NXT; PSH when it is the last octet written */
            fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_ACK, 1);
            assert_int_equal(f->out.segments[0].flags & TCPFSM_PSH, n == 1u ? TCPFSM_PSH : 0u);
            f->snd_nxt += 1u;
        } else {
            /* the probe octet, retransmitted from SND.UNA */
            fx_expect_seg(f, 0, f->snd_una, f->rcv_nxt, TCPFSM_ACK, 1);
        }
        assert_int_equal(tcpfsm_snd_queued(&f->conn), n - 1u);
        rto *= 2u; /* RFC 6298 5.5, bounded by 2.5 */
        if (rto > f->cfg.rto_max) {
            rto = f->cfg.rto_max;
        }
        fx_expect_deadline(f, f->now + rto);
        /* the peer does not accept the octet: <ACK=SND.UNA>, window still zero */
        fx_advance(f, FX_RTT);
        fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_una, 0);
        fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
        fx_expect_count(f, 0);
        fx_expect_events(f, 0);
        fx_expect_deadline_unchanged(f);
        fx_expect_vars(f);
    }
    /* the window opens and the probe octet is acknowledged: the rest goes out at once */
    f->peer_wnd = FX_PEER_WND;
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    fx_expect_events(f, TCPFSM_SIG_ACKED);
    f->snd_una = f->snd_nxt;
    if (n == 1u) {
        /* RFC 6298 5.2: "When all outstanding data has been acknowledged, turn off the
           retransmission timer." */
        fx_expect_count(f, 0);
        fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
    } else {
        fx_expect_count(f, 1);
        fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_ACK, (uint16_t)(n - 1u));
        assert_int_equal(f->out.segments[0].flags & TCPFSM_PSH, TCPFSM_PSH);
        /* Karn: the probe was retransmitted, no sample; the backed-off RTO is kept (RFC 6298 5) */
        fx_expect_deadline(f, f->now + rto);
        f->snd_nxt += n - 1u;
    }
    assert_int_equal(tcpfsm_snd_queued(&f->conn), 0);
    fx_expect_vars(f);
    if (n > 1u) {
        /* the data sent after the window opened is a clean sample: the RTO collapses */
        fx_advance(f, FX_RTT);
        fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0);
        fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
        fx_expect_events(f, TCPFSM_SIG_ACKED);
        fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
        f->snd_una = f->snd_nxt;
        fx_rtt_sample(f, FX_RTT);
        assert_int_equal(tcpfsm_rto(&f->conn), f->rto);
        fx_expect_vars(f);
    }
}

/* T44 as the persist timer with 100 bytes queued: a one-octet probe without PSH. */
static void test_established_rto_zero_window_probe(void **state)
{
    zero_window_persist_case(*state, 100u);
}

/* T44 as the persist timer with a single byte queued: the probe carries the last octet written,
   so PSH (3.9.1: "the PSH bit MUST be set in the last buffered segment"). */
static void test_established_rto_zero_window_probe_last_octet(void **state)
{
    zero_window_persist_case(*state, 1u);
}

/* T36 then T37: "If a segment's contents straddle the boundary between old and new, only the new
   parts are processed." A retransmission of text already received, carrying the FIN right after
   it: only the FIN is new; no SIG_DATA, RCV.NXT advances over the FIN alone. */
static void test_established_fin_with_data_already_received(void **state)
{
    struct fx *f = *state;
    receive_in_order(f, 100u);
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt - 100u, f->snd_nxt, 100);
    fx_expect_row(f, TCPFSM_ROW_T37, TCPFSM_CLOSE_WAIT);
    f->rcv_nxt += 1u;
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events(f, TCPFSM_SIG_PEER_CLOSED);
    fx_expect_vars(f);
}

/* T43: a segment whose text and FIN lie entirely below RCV.NXT is not acceptable ("If an
   incoming segment is not acceptable, an acknowledgment should be sent in reply"): its FIN is not
   processed, the connection stays ESTABLISHED. */
static void test_established_fin_left_of_window(void **state)
{
    struct fx *f = *state;
    receive_in_order(f, 100u);
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt - 100u, f->snd_nxt, 50);
    fx_expect_row(f, TCPFSM_ROW_T43, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events(f, 0);
    fx_expect_vars(f);
}

/* T36, the window update rule (RFC 9293 3.10.7.4): "If (SND.WL1 < SEG.SEQ or (SND.WL1 = SEG.SEQ
   and SND.WL2 =< SEG.ACK)), set SND.WND <- SEG.WND ... This check ... prevents using old segments
   to update the window." The peer's text [R, R+100) with window 2000 arrives after its later ACK
   at R+100 with window 4000 (reordered): the text is taken, the older window is not. */
static void test_established_ack_window_from_older_segment(void **state)
{
    struct fx *f = *state;
    uint32_t r = f->rcv_nxt;
    fx_seg_wnd(f, TCPFSM_ACK, r + 100u, f->snd_nxt, 0, 4000);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    assert_int_equal(tcpfsm_snd_wnd(&f->conn), 4000);
    fx_seg_wnd(f, TCPFSM_ACK, r, f->snd_nxt, 100, 2000);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    f->rcv_nxt += 100u;
    fx_expect_events(f, TCPFSM_SIG_DATA);
    assert_int_equal(tcpfsm_snd_wnd(&f->conn), 4000);
    /* the next segment in order (SND.WL1 < SEG.SEQ) updates it */
    fx_seg_wnd(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0, 3000);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    assert_int_equal(tcpfsm_snd_wnd(&f->conn), 3000);
    /* SND.WL1 = SEG.SEQ and SND.WL2 =< SEG.ACK: a window update of the same segment number */
    fx_seg_wnd(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0, 5000);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    assert_int_equal(tcpfsm_snd_wnd(&f->conn), 5000);
}

/* T36: a segment carrying new text but an old acknowledgment (SEG.ACK < SND.UNA, still within
   MAX.SND.WND below it, so RFC 5961 5.2 lets it through): "If SND.UNA =< SEG.ACK =< SND.NXT, the
   send window should be updated": not this one; its text is taken. */
static void test_established_ack_window_from_old_ack(void **state)
{
    struct fx *f = *state;
    fx_send(f, 100);
    f->snd_nxt += 100u;
    fx_seg_wnd(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0, 4000);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    f->snd_una = f->snd_nxt;
    assert_int_equal(tcpfsm_snd_wnd(&f->conn), 4000);
    fx_seg_wnd(f, TCPFSM_ACK, f->rcv_nxt, f->snd_una - 50u, 10, 1000);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    f->rcv_nxt += 10u;
    fx_expect_events(f, TCPFSM_SIG_DATA);
    assert_int_equal(tcpfsm_snd_una(&f->conn), f->snd_una);
    assert_int_equal(tcpfsm_snd_wnd(&f->conn), 4000);
}

/* T44 cfg.retries times, then a new ACK (SND.UNA advances): the count of retransmissions starts
   again, so the next expiry retransmits (T44) instead of giving up (T45, 3.8.3 R2: the threshold
   counts retransmissions "of the same segment"). */
static void test_established_ack_resets_retries(void **state)
{
    struct fx *f = *state;
    unsigned k;
    fx_send(f, 200);
    f->snd_nxt += 200u;
    for (k = 0; k < f->cfg.retries; k++) {
        fx_fire(f);
        fx_expect_row(f, TCPFSM_ROW_T44, TCPFSM_ESTABLISHED);
    }
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_una + 100u, 0);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    f->snd_una += 100u;
    fx_expect_events(f, TCPFSM_SIG_ACKED);
    fx_fire(f);
    fx_expect_row(f, TCPFSM_ROW_T44, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_una, f->rcv_nxt, TCPFSM_ACK, 100);
}

/* T41 with syn_rst_from_tcb (FreeBSD tcp_drop(), rfc5961_syn off, on every variant): the RST for
   an in-window SYN is <SEQ=SND.NXT><ACK=RCV.NXT><CTL=RST,ACK>, not the reply formed from the
   segment (<SEQ=0><ACK=SEG.SEQ+SEG.LEN>, test_established_syn_left_edge under rfc793). */
static void test_established_syn_rst_from_tcb(void **state)
{
    struct fx *f = *state;
    f->cfg.rfc5961_syn = 0;
    f->cfg.syn_rst_from_tcb = 1;
    fx_seg(f, TCPFSM_SYN, f->rcv_nxt + 10u, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T41, TCPFSM_CLOSED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_RST | TCPFSM_ACK, 0);
    fx_expect_window(f, 0, 0);
    fx_expect_events(f, TCPFSM_SIG_RESET);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* T41 with syn_rst_from_tcb off: the reply of RFC 9293 3.10.7.1 formed from the SYN. */
static void test_established_syn_rst_from_segment(void **state)
{
    struct fx *f = *state;
    f->cfg.rfc5961_syn = 0;
    f->cfg.syn_rst_from_tcb = 0;
    fx_seg(f, TCPFSM_SYN, f->rcv_nxt + 10u, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T41, TCPFSM_CLOSED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, 0, f->rcv_nxt + 11u, TCPFSM_RST | TCPFSM_ACK, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_RST_MATRIX_TESTS(established, setup_established),
        FX_SYN_MATRIX_TESTS(established, setup_established),
        FX_ACK_MATRIX_TESTS(established, setup_established),
        FX_TESTS(test_established_rst_with_invalid_ack, setup_established),
        FX_TESTS(test_established_rst_with_syn, setup_established),
        FX_TESTS(test_established_syn_sync_syn_ack, setup_established),
        FX_TESTS(test_established_ack_value_snd_nxt, setup_established),
        FX_TESTS(test_established_ack_invalid_with_data, setup_established),
        FX_TESTS(test_established_ack_data, setup_established),
        FX_TESTS(test_established_ack_data_duplicate, setup_established),
        FX_TESTS(test_established_ack_data_overlapping_left_edge, setup_established),
        FX_TESTS(test_established_ack_data_out_of_order, setup_established),
        FX_TESTS(test_established_ack_data_out_of_order_trimmed, setup_established),
        FX_TESTS(test_established_reassembled_beyond_window, setup_established),
        FX_TESTS(test_established_push, setup_established),
        FX_TESTS(test_established_push_window_opens, setup_closed),
        FX_TESTS(test_established_push_window_full, setup_closed),
        FX_TESTS(test_established_ack_bit_off_text_not_accepted, setup_established),
        FX_TESTS(test_established_ack_zero_window, setup_established),
        FX_TESTS(test_established_rst_zero_window, setup_established),
        FX_TESTS(test_established_send, setup_established),
        FX_TESTS(test_established_send_segments, setup_established),
        FX_TESTS(test_established_ack_acknowledges_data, setup_established),
        FX_TESTS(test_established_ack_partial, setup_established),
        FX_TESTS(test_established_fin, setup_established),
        FX_TESTS(test_established_fin_with_data, setup_established),
        FX_TESTS(test_established_fin_out_of_order, setup_established),
        FX_TESTS(test_established_rto, setup_established),
        FX_TESTS(test_established_rto_giveup, setup_established),
        FX_TESTS(test_established_user_timeout_gives_up, setup_established),
        FX_TESTS(test_established_user_timeout_restarts_on_new_ack, setup_established),
        FX_TESTS(test_established_close, setup_established),
        FX_TESTS(test_established_syn_rst_from_tcb, setup_established),
        FX_TESTS(test_established_syn_rst_from_segment, setup_established),
        FX_TESTS(test_established_abort, setup_established),
        FX_TESTS(test_established_abort_with_data_in_flight, setup_established),
        FX_TESTS(test_established_abort_rst_ack, setup_established),
        FX_TESTS(test_established_abort_rst_no_ack, setup_established),
        FX_TESTS_5961(test_established_rst_challenge_rate_limited, setup_established),
        FX_TESTS_5961(test_established_rst_challenge_unlimited, setup_established),
        FX_TESTS(test_established_timer_does_nothing, setup_established),
        FX_TESTS(test_established_open_fails, setup_established),
        FX_TESTS(test_established_send_window_limited, setup_closed),
        FX_TESTS(test_established_rto_retransmits_earliest_segment, setup_established),
        FX_TESTS(test_established_ack_data_beyond_right_edge, setup_established),
        FX_TESTS(test_established_consumed_more_than_received, setup_established),
        FX_TESTS(test_established_send_beyond_half_sequence_space, setup_established),
        FX_TESTS(test_established_accessors, setup_established),
        FX_TESTS(test_established_consumed_one_byte_of_zero_window, setup_established),
        FX_TESTS(test_established_ack_sample_only_timed_segment, setup_established),
        FX_TESTS(test_established_ack_partial_segment, setup_established),
        FX_TESTS(test_established_fin_beyond_right_edge, setup_established),
        FX_BIGBUF(test_established_rst_left_edge), FX_BIGBUF(test_established_rst_just_inside_left_edge),
        FX_BIGBUF(test_established_rst_right_edge), FX_BIGBUF(test_established_rst_just_outside_right_edge),
        FX_BIGBUF(test_established_syn_right_edge), FX_BIGBUF(test_established_syn_just_outside_right_edge),
        FX_BIGBUF(test_established_ack_right_edge), FX_BIGBUF(test_established_ack_just_outside_right_edge),
        FX_BIGBUF(test_established_ack_data_outside_window),
        FX_BIGBUF(test_established_ack_data_receive_buffer_above_65535),
        FX_TESTS(test_established_send_nothing, setup_established),
        FX_TESTS(test_established_consumed_partial, setup_established),
        FX_CASE(test_established_ack_zero_window, setup_established, smallwin),
        FX_TESTS(test_established_send_total_beyond_half_sequence_space, setup_established),
        FX_TESTS(test_established_rto_zero_window_probe, setup_established),
        FX_TESTS(test_established_rto_zero_window_probe_last_octet, setup_established),
        FX_TESTS(test_established_fin_with_data_already_received, setup_established),
        FX_TESTS(test_established_fin_left_of_window, setup_established),
        FX_TESTS(test_established_ack_window_from_older_segment, setup_established),
        FX_TESTS(test_established_ack_window_from_old_ack, setup_established),
        FX_TESTS(test_established_ack_resets_retries, setup_established),
    };
    return FX_RUN("test_established", tests);
}
