/*
 * tcpfsm.c - the runtime core: classify every input into a table event, take the row from the
 * generated table (tcpfsm_table_lookup in tcpfsm_step.c), apply the row's actions.
 *
 * Sans-IO: no malloc, no globals but const tables, no clock, no randomness. Segments to send are
 * written to a caller-provided struct tcpfsm_output.
 */
#include "tcpfsm_internal.h"

#define SEG_MAX ((uint8_t)TCPFSM_MAX_SEGMENTS)
#define USEC_PER_SEC UINT64_C(1000000)

/* ============================================================ output */

/* Append one segment to `out` if there is room (at most TCPFSM_MAX_SEGMENTS per call), with the
   MSS option `mss` (0: none; only our SYN and SYN+ACK carry one, emit_syn_conn) and no
   window-scale option (tcpfsm.h: the core does not scale windows). */
/*@ requires valid_output(out);
    assigns out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_output(out);
    behavior full:
      assumes out->count >= TCPFSM_MAX_SEGMENTS;
      ensures nothing_appended{Pre, Post}(out);
    behavior room:
      assumes out->count < TCPFSM_MAX_SEGMENTS;
      ensures one_appended{Pre, Post}(out);
      ensures segment_is(last_segment(out), seq, ack, flags, window, len);
      ensures options_are(last_segment(out), mss);
    complete behaviors;
    disjoint behaviors;
*/
static void emit(struct tcpfsm_output *out, uint32_t seq, uint32_t ack, uint16_t flags,
                 uint16_t window, uint16_t len, uint16_t mss)
{
    uint8_t i = out->count;

    /* A full output drops the segment (the contract's `full` behaviour). No call emits more than
       TCPFSM_MAX_SEGMENTS: flush keeps one slot for a FIN and the other actions emit one each. */
    if (i < SEG_MAX) {
        out->segments[i].seq = seq;
        out->segments[i].ack = ack;
        out->segments[i].flags = flags;
        out->segments[i].window = window;
        out->segments[i].len = len;
        out->segments[i].mss = mss;
        out->segments[i].wscale = (uint16_t)TCPFSM_WSCALE_NONE;
        out->count = (uint8_t)(i + 1u);
    }
}

/* The window field of a segment we send: RCV.WND as far as the 16-bit field carries it
   (seg_wnd of tcpfsm_spec_segments.h: min(RCV.WND, 65535), no window scaling). */
/*@ assigns \nothing;
    ensures \result == seg_wnd(rcv_wnd);
*/
static uint16_t seg_window(uint32_t rcv_wnd)
{
    return rcv_wnd < 65535u ? (uint16_t)rcv_wnd : (uint16_t)65535u;
}

/* Start an empty output. */
/*@ requires \valid(out);
    assigns out->count, out->events, out->event, out->state, out->row, out->deadline;
    ensures valid_output(out) && out->count == 0 && out->events == 0;
    ensures out->event == TCPFSM_EV_NONE && out->row == TCPFSM_ROW_NONE;
    ensures out->state == st;
*/
static void output_reset(struct tcpfsm_output *out, uint8_t st)
{
    out->count = 0u;
    out->events = 0u;
    out->event = (uint8_t)TCPFSM_EV_NONE;
    out->state = st;
    out->row = (uint16_t)TCPFSM_ROW_NONE;
    out->deadline = TCPFSM_NO_DEADLINE;
}

/* No text delivered or to hold (yet): data_seq, data_off, data_len all 0. */
/*@ requires \valid(out);
    assigns out->data_seq, out->data_off, out->data_len;
    ensures out->data_seq == 0 && out->data_off == 0 && out->data_len == 0;
*/
static void no_text(struct tcpfsm_output *out)
{
    out->data_seq = 0u;
    out->data_off = 0u;
    out->data_len = 0u;
}

/* Start the output of a call: output_reset, and the deadline as it stands. The connection block
   is not touched (stated here, so that callers need not re-derive it from \separated). */
/*@ requires valid_conn(c) && \valid(out) && \separated(c, out) && \separated(out, c->cfg);
    assigns out->count, out->events, out->event, out->state, out->row, out->deadline,
            out->data_seq, out->data_off, out->data_len;
    ensures valid_output(out) && out->count == 0 && out->events == 0 && out->data_len == 0;
    ensures out->event == TCPFSM_EV_NONE && out->row == TCPFSM_ROW_NONE && out->state == c->state;
    ensures valid_conn(c) && c->state == \old(c->state);
    ensures out->deadline == conn_deadline(c);
    ensures c->snd_una == \old(c->snd_una) && c->snd_nxt == \old(c->snd_nxt)
            && c->snd_queued == \old(c->snd_queued) && c->rcv_nxt == \old(c->rcv_nxt)
            && c->rcv_wnd == \old(c->rcv_wnd);
*/
static void begin(const struct tcpfsm_conn *c, struct tcpfsm_output *out)
{
    output_reset(out, c->state);
    no_text(out);
    out->deadline = tcpfsm_deadline(c);
}

/* The RST of RFC 9293 3.10.7.1 / 3.5.2 in reply to `seg`: "If the incoming segment has an ACK
   field, the reset takes its sequence number from the ACK field of the segment, otherwise the
   reset has sequence number zero and the ACK field is set to the sum of the sequence number and
   segment length of the incoming segment." Never in reply to a RST. */
/*@ requires valid_output(out) && valid_segment(seg) && \separated(out, seg);
    requires out->count < TCPFSM_MAX_SEGMENTS;
    assigns out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_output(out);
    behavior reply_to_ack:
      assumes rst_replied(*seg) && (seg->flags & TCPFSM_ACK) != 0;
      ensures one_appended{Pre, Post}(out) && rst_reply(last_segment(out), \old(*seg));
    behavior reply_no_ack:
      assumes rst_replied(*seg) && (seg->flags & TCPFSM_ACK) == 0;
      ensures one_appended{Pre, Post}(out) && rst_reply(last_segment(out), \old(*seg));
    behavior no_reply_to_rst:
      assumes !rst_replied(*seg);
      ensures nothing_appended{Pre, Post}(out);
    complete behaviors;
    disjoint behaviors;
*/
static void emit_reset_reply(struct tcpfsm_output *out, const struct tcpfsm_segment *seg)
{
    uint32_t seglen = seg->len;

    /* No row answers a RST with a RST (the classifier never maps a RST to a SEND_RST row); the
       test here makes it a property of this function too (its second ensures). */
    if ((seg->flags & TCPFSM_RST) == 0u) {
        if ((seg->flags & TCPFSM_ACK) != 0u) {
            emit(out, seg->ack, 0u, (uint16_t)TCPFSM_RST, 0u, 0u, 0u);
        } else {
            if ((seg->flags & TCPFSM_SYN) != 0u)
                seglen += 1u;
            if ((seg->flags & TCPFSM_FIN) != 0u)
                seglen += 1u;
            emit(out, 0u, seg->seq + seglen, (uint16_t)(TCPFSM_RST | TCPFSM_ACK), 0u, 0u, 0u);
        }
    }
}

/* ============================================================ timers (RFC 6298) */

/* The RTO for the next (re)transmission: RFC 6298 2.1-2.4 from SRTT/RTTVAR, at least rto_min,
   at most rto_max (2.5), doubled per retransmission (5.5) until a new RTT sample (section 5:
   "once a new RTT measurement is obtained ... 'collapsing' RTO back down"). After a handshake
   timeout, at least 3 s (5.7). In SYN-SENT the first syn_linear_timeouts retransmissions keep
   the initial RTO (Linux tcp_syn_linear_timeouts). */
/*@ requires valid_conn(c);
    assigns \nothing;
    ensures rto: \result == rto_of(c);
    ensures at_most_rto_max: \result <= c->cfg->rto_max;
    ensures at_least_rto_min: c->cfg->rto_min <= c->cfg->rto_max ==> \result >= c->cfg->rto_min;
*/
static uint32_t current_rto(const struct tcpfsm_conn *c)
{
    const struct tcpfsm_config *cfg = c->cfg;
    uint64_t base;
    uint64_t var4;
    uint32_t shift = c->backoff;
    uint32_t i;

    if ((c->flags & TCPFSM_F_HAVE_RTT) != 0u) {
        /* RFC 6298 2.3: RTO <- SRTT + max (G, K*RTTVAR), K = 4; G = 1 us here */
        var4 = (uint64_t)c->rttvar * 4u;
        if (var4 < 1u)
            var4 = 1u;
        base = (uint64_t)c->srtt + var4;
    } else {
        base = cfg->rto_initial;   /* RFC 6298 2.1 */
    }
    if (base < cfg->rto_min)
        base = cfg->rto_min;       /* RFC 6298 2.4 */
    /* RFC 6298 5.7: "If the timer expires awaiting the ACK of a SYN segment and the TCP
       implementation is using an RTO less than 3 seconds, the RTO MUST be re-initialized to
       3 seconds when data transmission begins" */
    if ((c->flags & TCPFSM_F_RTO_3S) != 0u && base < 3u * USEC_PER_SEC)
        base = 3u * USEC_PER_SEC;
    if (base > cfg->rto_max)
        base = cfg->rto_max;       /* RFC 6298 2.5 */
    if (c->state == (uint8_t)TCPFSM_SYN_SENT)
        shift = shift > cfg->syn_linear_timeouts ? shift - cfg->syn_linear_timeouts : 0u;
    /* RFC 6298 5.5: "back off the timer", each doubling bounded by rto_max (2.5) */
    /*@ loop invariant 0 <= i <= shift;
        loop invariant 0 <= base <= cfg->rto_max;
        loop invariant cfg->rto_min <= cfg->rto_max ==> cfg->rto_min <= base;
        loop invariant backed_off(base, shift - i, cfg->rto_max) == rto_of(c);
        loop assigns i, base;
        loop variant shift - i;
    */
    for (i = 0u; i < shift; i++) {
        base = 2u * base;
        if (base > cfg->rto_max)
            base = cfg->rto_max;
    }
    return (uint32_t)base;
}

/* now + delta without wrapping past TCPFSM_NO_DEADLINE. */
/*@ assigns \nothing;
    ensures deadline: \result == deadline_of(now, delta);
    ensures \result != TCPFSM_NO_DEADLINE;
*/
static tcpfsm_time_t deadline_after(tcpfsm_time_t now, uint64_t delta)
{
    if (delta >= TCPFSM_NO_DEADLINE - 1u || now >= TCPFSM_NO_DEADLINE - 1u - delta)
        return TCPFSM_NO_DEADLINE - 1u;
    return now + delta;
}

/* Stop the timer that runs (RFC 6298 5.2: "turn off the retransmission timer"). */
/*@ requires valid_conn(c);
    assigns c->timer, c->deadline;
    ensures valid_conn(c) && c->timer == TCPFSM_TIMER_NONE;
    ensures c->deadline == TCPFSM_NO_DEADLINE;
*/
static void timer_stop(struct tcpfsm_conn *c)
{
    c->timer = TCPFSM_TIMER_NONE;
    c->deadline = TCPFSM_NO_DEADLINE;
}

/* R2 as a time in the connection's state (give_up_time): the connection timeout in SYN-SENT,
   none in SYN-RECEIVED, the user timeout in the synchronized states; 0: none. */
/*@ requires valid_conn(c);
    assigns \nothing;
    ensures \result == give_up_time(c);
*/
static uint32_t time_limit(const struct tcpfsm_conn *c)
{
    if (c->state == (uint8_t)TCPFSM_SYN_SENT)
        return c->cfg->connect_timeout;
    if (c->state == (uint8_t)TCPFSM_SYN_RECEIVED)
        return 0u;
    return c->cfg->user_timeout;
}

/* What is left at `now` of the time limit `limit` counted from rto_since (0 once it has passed). */
/*@ requires valid_conn(c);
    assigns \nothing;
    ensures \result == time_left(c, now, limit);
*/
static uint32_t time_limit_left(const struct tcpfsm_conn *c, tcpfsm_time_t now, uint32_t limit)
{
    uint32_t since = (uint32_t)now - c->rto_since;

    return since < limit ? limit - since : 0u;
}

/* (Re)start the retransmission timer: RFC 6298 5.1 "start it running so that it will expire
   after RTO seconds (for the current value of RTO)", 5.3 "restart the retransmission timer so
   that it will expire after RTO seconds", 5.6 "for the value of RTO after the doubling". It runs
   only in a state where something of ours can be unacknowledged. */
/*@ requires valid_conn(c) && rto_state(c->state);
    assigns c->timer, c->deadline;
    ensures valid_conn(c) && c->timer == TCPFSM_TIMER_RTO;
    ensures deadline: c->deadline == deadline_of(now, rto_delay(c, now));
*/
static void timer_arm_rto(struct tcpfsm_conn *c, tcpfsm_time_t now)
{
    uint32_t delay = current_rto(c);
    uint32_t limit = time_limit(c);

    /* never past the time limit (as Linux's tcp_clamp_rto_to_user_timeout()) */
    if (limit != 0u) {
        uint32_t left = time_limit_left(c, now, limit);
        if (left < delay)
            delay = left;
    }
    /*@ assert delay == rto_delay(c, now); */
    c->deadline = deadline_after(now, delay);
    c->timer = TCPFSM_TIMER_RTO;
}

/* Whether timer kind `t` may run in state `st` (valid_timers): the time-wait timer only in
   TIME-WAIT (RFC 9293 3.10.7.4: "Start the time-wait timer, turn off the other timers"), the
   FIN-WAIT-2 timer only in FIN-WAIT-2, the retransmission timer only where something of ours can
   be unacknowledged; no timer in CLOSED or LISTEN. */
/*@ requires t <= 3;
    assigns \nothing;
    ensures \result != 0 <==> timer_allowed(st, t);
*/
static int timer_runs_in(uint8_t st, uint8_t t)
{
    if (t == TCPFSM_TIMER_NONE)
        return 1;
    if (t == TCPFSM_TIMER_TIME_WAIT)
        return st == (uint8_t)TCPFSM_TIME_WAIT;
    if (t == TCPFSM_TIMER_FIN_WAIT_2)
        return st == (uint8_t)TCPFSM_FIN_WAIT_2;
    return st == (uint8_t)TCPFSM_SYN_SENT || st == (uint8_t)TCPFSM_SYN_RECEIVED
        || st == (uint8_t)TCPFSM_ESTABLISHED || st == (uint8_t)TCPFSM_FIN_WAIT_1
        || st == (uint8_t)TCPFSM_CLOSE_WAIT || st == (uint8_t)TCPFSM_CLOSING
        || st == (uint8_t)TCPFSM_LAST_ACK;
}

/* The state changes to `to` (taken from the table): a timer that does not run in `to` stops with
   the change. The row's actions would stop or replace it anyway (cancel_rto, arm_time_wait,
   arm_rto, leaving for CLOSED or LISTEN); stopping it here keeps valid_conn true between the
   state change and the actions. */
/*@ requires valid_conn(c) && to < TCPFSM_STATE_COUNT;
    assigns c->timer, c->deadline;
    ensures valid_conn(c) && timer_allowed(to, c->timer);
    behavior keeps:
      assumes timer_allowed(to, c->timer);
      ensures c->timer == \old(c->timer) && c->deadline == \old(c->deadline);
    behavior stops:
      assumes !timer_allowed(to, c->timer);
      ensures c->timer == TCPFSM_TIMER_NONE && c->deadline == TCPFSM_NO_DEADLINE;
    complete behaviors;
    disjoint behaviors;
*/
static void enter_state(struct tcpfsm_conn *c, uint8_t to)
{
    if (timer_runs_in(to, (uint8_t)c->timer) == 0)
        timer_stop(c);
}

/* RFC 6298 2.2 / 2.3 with a new measurement `r` (microseconds). */
/*@ requires valid_conn(c);
    assigns c->srtt, c->rttvar, c->flags, c->backoff;
    ensures valid_conn(c);
    ensures collapse: c->backoff == 0 && (c->flags & TCPFSM_F_RTO_3S) == 0;
    ensures (c->flags & TCPFSM_F_HAVE_RTT) != 0;
    ensures (c->flags & TCPFSM_F_RTT_TIMING) == (\old(c->flags) & TCPFSM_F_RTT_TIMING);
    behavior first_measurement:   // 2.2: "SRTT <- R, RTTVAR <- R/2"
      assumes (c->flags & TCPFSM_F_HAVE_RTT) == 0;
      ensures c->srtt == r && c->rttvar == r / 2;
    behavior subsequent_measurement:   // 2.3, alpha = 1/8, beta = 1/4
      assumes (c->flags & TCPFSM_F_HAVE_RTT) != 0;
      ensures c->rttvar == rttvar_after(\old(c->srtt), \old(c->rttvar), r);
      ensures c->srtt == srtt_after(\old(c->srtt), r);
    complete behaviors;
    disjoint behaviors;
*/
static void rtt_sample(struct tcpfsm_conn *c, uint32_t r)
{
    uint64_t srtt = c->srtt;
    uint64_t rttvar = c->rttvar;
    uint64_t diff;

    /* RFC 6298 5: a new measurement collapses the backed-off RTO; it replaces the 3 s of 5.7 */
    c->backoff = 0u;
    c->flags = (uint8_t)(c->flags & ~TCPFSM_F_RTO_3S);

    if ((c->flags & TCPFSM_F_HAVE_RTT) == 0u) {
        /* 2.2: SRTT <- R, RTTVAR <- R/2 */
        c->srtt = r;
        c->rttvar = r / 2u;
        c->flags = (uint8_t)(c->flags | TCPFSM_F_HAVE_RTT);
        return;
    }
    /* 2.3: RTTVAR <- (1 - beta) * RTTVAR + beta * |SRTT - R'|, SRTT <- (1 - alpha) * SRTT + alpha * R',
       alpha = 1/8, beta = 1/4 */
    diff = srtt > r ? srtt - r : (uint64_t)r - srtt;
    rttvar = (3u * rttvar + diff) / 4u;
    srtt = (7u * srtt + r) / 8u;
    c->rttvar = (uint32_t)rttvar;
    c->srtt = (uint32_t)srtt;
}

/* Start timing the segment that begins at `seq` unless one is timed already (RFC 6298 3). */
/*@ requires valid_conn(c);
    assigns c->rtt_seq, c->rtt_start, c->flags;
    ensures valid_conn(c);
    ensures (c->flags & TCPFSM_F_RTT_TIMING) != 0;
    behavior timing_already:
      assumes (c->flags & TCPFSM_F_RTT_TIMING) != 0;
      ensures c->flags == \old(c->flags) && c->rtt_seq == \old(c->rtt_seq)
              && c->rtt_start == \old(c->rtt_start);
    behavior start:
      assumes (c->flags & TCPFSM_F_RTT_TIMING) == 0;
      ensures c->rtt_seq == seq && c->rtt_start == (uint32_t)now;
      ensures c->flags == (\old(c->flags) | TCPFSM_F_RTT_TIMING);
    complete behaviors;
    disjoint behaviors;
*/
static void rtt_start(struct tcpfsm_conn *c, uint32_t seq, tcpfsm_time_t now)
{
    if ((c->flags & TCPFSM_F_RTT_TIMING) != 0u)
        return;
    c->rtt_seq = seq;
    c->rtt_start = (uint32_t)now;
    c->flags = (uint8_t)(c->flags | TCPFSM_F_RTT_TIMING);
}

/* ============================================================ sending */

/* Is this a state in which queued data (and a pending FIN) may go out? */
/*@ assigns \nothing;
    ensures \result != 0 <==> sends_data(st);
*/
static int may_send_data(uint8_t st)
{
    return st == (uint8_t)TCPFSM_ESTABLISHED || st == (uint8_t)TCPFSM_CLOSE_WAIT
        || st == (uint8_t)TCPFSM_FIN_WAIT_1 || st == (uint8_t)TCPFSM_CLOSING
        || st == (uint8_t)TCPFSM_LAST_ACK;
}

/* A data segment <SEQ=seq><ACK=RCV.NXT><CTL=fl> of n octets (send_data_segment's). Like the
   wrappers of emit below, it states that the connection block is not touched, field by field for
   the ones send_data_segment's contract reads. */
/*@ requires valid_conn(c) && valid_output(out) && \separated(c, out) && \separated(out, c->cfg);
    requires out->count < TCPFSM_MAX_SEGMENTS;
    assigns out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_output(out) && one_appended{Pre, Post}(out);
    ensures segment_is(last_segment(out), seq, c->rcv_nxt, fl, seg_wnd(c->rcv_wnd), n);
    ensures valid_conn(c) && c->state == \old(c->state);
    ensures c->cfg == \old(c->cfg) && c->snd_mss == \old(c->snd_mss);
    ensures c->snd_wnd == \old(c->snd_wnd) && c->snd_una == \old(c->snd_una)
            && c->snd_nxt == \old(c->snd_nxt) && c->snd_queued == \old(c->snd_queued);
*/
static void emit_data(const struct tcpfsm_conn *c, uint32_t seq, uint16_t fl, uint16_t n,
                      struct tcpfsm_output *out)
{
    emit(out, seq, c->rcv_nxt, fl, seg_window(c->rcv_wnd), n, 0u);
}

/* Move `n` queued octets into the sequence space at SND.NXT = `seq` (send_data_segment), timing
   them unless a segment is timed already (RFC 6298 3). A contracted step of its own, so that
   send_data_segment's goals see only the fields it assigns. */
/*@ requires valid_conn(c);
    requires seq == c->snd_nxt && 0 < n <= c->snd_queued;
    requires in_flight(c->snd_una, seq) + n <= c->snd_wnd && n <= c->snd_mss;
    assigns c->snd_nxt, c->snd_queued, c->flags, c->rtt_seq, c->rtt_start;
    ensures valid_conn(c);
    ensures c->snd_nxt == seq_add(seq, n) && c->snd_queued == \old(c->snd_queued) - n;
*/
static void take_from_queue(struct tcpfsm_conn *c, uint32_t seq, uint32_t n, tcpfsm_time_t now)
{
    rtt_start(c, seq, now);
    c->snd_nxt = seq + n;
    c->snd_queued -= n;
}

/* Send one segment of queued data: up to one MSS within the peer's window ("SND.UNA + SND.WND -
   SND.NXT" usable, RFC 9293 3.8.6.2.1), PSH on the last queued byte (3.9.1). Returns 0 when the
   window allows nothing. */
/*@ requires valid_conn(c) && valid_output(out) && out->count < TCPFSM_MAX_SEGMENTS;
    requires \separated(c, out) && \separated(out, c->cfg);
    assigns c->snd_nxt, c->snd_queued, c->flags, c->rtt_seq, c->rtt_start,
            out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_conn(c) && valid_output(out);
    ensures \result == 0 ==> out->count == \old(out->count);
    ensures \result != 0 ==> out->count == \old(out->count) + 1;
    ensures c->state == \old(c->state);
    behavior window_or_queue_empty:
      assumes data_segment_len(c->snd_queued, c->snd_mss,
                               usable_window(c->snd_wnd, in_flight(c->snd_una, c->snd_nxt))) == 0;
      ensures \result == 0 && nothing_appended{Pre, Post}(out);
      ensures c->snd_nxt == \old(c->snd_nxt) && c->snd_queued == \old(c->snd_queued);
    behavior send:
      assumes data_segment_len(c->snd_queued, c->snd_mss,
                               usable_window(c->snd_wnd, in_flight(c->snd_una, c->snd_nxt))) > 0;
      ensures \result == 1 && one_appended{Pre, Post}(out);
      ensures last_segment(out).len
              == data_segment_len(\old(c->snd_queued), c->snd_mss,
                                  usable_window(c->snd_wnd, in_flight(c->snd_una, \old(c->snd_nxt))));
      ensures last_segment(out).seq == \old(c->snd_nxt);
      ensures last_segment(out).flags == data_ctl(last_segment(out).len, \old(c->snd_queued));
      ensures c->snd_queued == \old(c->snd_queued) - last_segment(out).len;
    complete behaviors;
    disjoint behaviors;
*/
static uint8_t send_data_segment(struct tcpfsm_conn *c, tcpfsm_time_t now, struct tcpfsm_output *out)
{
    uint32_t in_flight = c->snd_nxt - c->snd_una;
    uint32_t usable = c->snd_wnd > in_flight ? (uint32_t)c->snd_wnd - in_flight : 0u;
    uint32_t n = c->snd_queued;
    uint32_t seq = c->snd_nxt;
    uint16_t fl = (uint16_t)TCPFSM_ACK;

    if (n > c->snd_mss)
        n = c->snd_mss;
    if (n > usable)
        n = usable;
    if (n == 0u)
        return 0u;
    /*@ assert in_flight(c->snd_una, seq) + n <= c->snd_wnd && n <= c->snd_mss; */
    /*@ assert seg_len: n == data_segment_len(c->snd_queued, c->snd_mss,
                                              usable_window(c->snd_wnd, in_flight(c->snd_una, seq))); */
    if (n == c->snd_queued)
        fl = (uint16_t)(TCPFSM_ACK | TCPFSM_PSH);
    take_from_queue(c, seq, n, now);
    emit_data(c, seq, fl, (uint16_t)n, out);
    /*@ assert last_segment(out).len == n; */
    /* the length in the terms of the contract (a step for the provers) */
    /*@ assert last_segment(out).len
               == data_segment_len(\at(c->snd_queued, Pre), c->snd_mss,
                                   usable_window(c->snd_wnd, in_flight(c->snd_una, seq))); */
    return 1u;
}

/* The queued FIN (3.10.4): "send <SEQ=SND.NXT><ACK=RCV.NXT><CTL=FIN,ACK> and advance SND.NXT
   over the FIN". */
/*@ requires valid_conn(c) && valid_output(out);
    requires \separated(c, out) && \separated(out, c->cfg);
    requires sends_data(c->state);
    requires (c->flags & TCPFSM_F_FIN_PENDING) != 0 && c->snd_queued == 0;
    requires out->count < TCPFSM_MAX_SEGMENTS;
    assigns c->snd_nxt, c->flags, out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_conn(c) && valid_output(out) && c->state == \old(c->state);
    ensures fin_counted: c->snd_nxt == seq_add(\old(c->snd_nxt), 1);
    ensures fin_sent: one_appended{Pre, Post}(out);
*/
static void send_fin(struct tcpfsm_conn *c, struct tcpfsm_output *out)
{
    emit(out, c->snd_nxt, c->rcv_nxt, (uint16_t)(TCPFSM_FIN | TCPFSM_ACK), seg_window(c->rcv_wnd),
         0u, 0u);
    /*@ assert valid_conn(c) && c->state == \at(c->state, Pre); */
    /*@ assert c->snd_nxt == \at(c->snd_nxt, Pre); */
    c->snd_nxt += 1u;
    c->flags = (uint8_t)((c->flags & ~TCPFSM_F_FIN_PENDING) | TCPFSM_F_FIN_SENT);
}

/* Send queued data (send_data_segment), keeping one output slot for a FIN; then the FIN once all
   queued data is out (3.10.4: "Queue this until all preceding SENDs have been segmentized, then
   form a FIN segment and send it": "send <SEQ=SND.NXT><ACK=RCV.NXT><CTL=FIN,ACK> and advance
   SND.NXT over the FIN"; only the rows entering FIN-WAIT-1 and LAST-ACK queue a FIN). Starts the
   retransmission timer for new data (RFC 6298 5.1). */
/*@ requires valid_conn(c) && valid_output(out);
    requires \separated(c, out) && \separated(out, c->cfg);
    assigns c->snd_nxt, c->snd_queued, c->flags, c->rtt_seq, c->rtt_start, c->timer, c->deadline,
            c->retries, c->rto_since, out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_conn(c) && valid_output(out) && c->state == \old(c->state);
    ensures persist: sends_data(c->state) && c->snd_queued > 0 && c->snd_una == c->snd_nxt
                     ==> c->timer == TCPFSM_TIMER_RTO;
    // from an empty output, something goes out whenever something could (conn_can_send_more)
    ensures sent: \old(out->count) == 0 && conn_can_send_more{Pre}(c) ==> out->count > 0;
    ensures una_kept: c->snd_una == \old(c->snd_una);
    ensures data_len_kept: out->data_len == \old(out->data_len);
*/
static void flush(struct tcpfsm_conn *c, tcpfsm_time_t now, struct tcpfsm_output *out)
{
    uint8_t sent = 0u;

    if (may_send_data(c->state) == 0)
        return;
    /*@ loop invariant valid_conn(c) && valid_output(out);
        loop invariant c->state == \at(c->state, LoopEntry);
        loop invariant none_yet: sent == 0 ==> out->count == \at(out->count, LoopEntry)
                       && c->snd_queued == \at(c->snd_queued, LoopEntry)
                       && c->snd_nxt == \at(c->snd_nxt, LoopEntry) && c->flags == \at(c->flags, LoopEntry);
        loop invariant some: sent != 0 ==> out->count > \at(out->count, LoopEntry);
        loop assigns c->snd_nxt, c->snd_queued, c->flags, c->rtt_seq, c->rtt_start, out->count,
                     out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], sent;
        loop variant TCPFSM_MAX_SEGMENTS - out->count;
    */
    while (c->snd_queued > 0u && out->count + 1u < (unsigned)SEG_MAX
           && send_data_segment(c, now, out) != 0u)
        sent = 1u;
    if ((c->flags & TCPFSM_F_FIN_PENDING) != 0u && c->snd_queued == 0u && out->count < SEG_MAX) {
        send_fin(c, out);
        sent = 1u;
    }
    /* Data waits behind a zero window with nothing in flight: the retransmission timer runs as
       the persist timer, so that its expiry probes the window (RFC 9293 3.8.6.1). */
    if (c->snd_queued > 0u && c->snd_una == c->snd_nxt)
        sent = 1u;
    if (sent != 0u && c->timer != TCPFSM_TIMER_RTO) {
        c->retries = 0u;
        c->rto_since = (uint32_t)now;
        timer_arm_rto(c, now);
    }
}

/* Could the core emit a segment right now (conn_can_send_more): data queued within the usable
   window, or the pending FIN with nothing queued before it, in a state that sends from the queue.
   After flush this holds only when the output was full. */
/*@ requires valid_conn(c);
    assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures more: \result == 1 ==> conn_can_send_more(c);
    ensures nothing: \result == 0 ==> !conn_can_send_more(c);
*/
static int more_to_send(const struct tcpfsm_conn *c)
{
    uint32_t in_flight = c->snd_nxt - c->snd_una;
    uint32_t queued = c->snd_queued;
    uint32_t mss = c->snd_mss;
    uint32_t wnd = c->snd_wnd;
    uint32_t fin = (c->flags & TCPFSM_F_FIN_PENDING) != 0u ? 1u : 0u;
    uint8_t st = c->state;

    /*@ assert in_flight == in_flight(c->snd_una, c->snd_nxt); */
    /*@ assert conn_can_send_more(c) <==> can_send_more(st, queued, mss, wnd, in_flight, fin); */
    if (may_send_data(st) == 0) {
        /*@ assert !can_send_more(st, queued, mss, wnd, in_flight, fin); */
        return 0;
    }
    if (queued == 0u) {
        /*@ assert data_segment_len(queued, mss, usable_window(wnd, in_flight)) == 0; */
        if (fin != 0u) {
            /*@ assert can_send_more(st, queued, mss, wnd, in_flight, fin); */
            return 1;
        }
        /*@ assert !can_send_more(st, queued, mss, wnd, in_flight, fin); */
        return 0;
    }
    if (wnd > in_flight && mss > 0u) {
        /*@ assert data_segment_len(queued, mss, usable_window(wnd, in_flight)) > 0; */
        /*@ assert can_send_more(st, queued, mss, wnd, in_flight, fin); */
        return 1;
    }
    /*@ assert data_segment_len(queued, mss, usable_window(wnd, in_flight)) == 0; */
    /*@ assert !can_send_more(st, queued, mss, wnd, in_flight, fin); */
    return 0;
}

/* TCPFSM_SIG_MORE at the end of a call: the host calls tcpfsm_push while it is set. */
/*@ requires valid_conn(c) && \valid(out) && \separated(c, out) && \separated(out, c->cfg);
    assigns out->events;
    ensures valid_conn(c) && c->state == \old(c->state);
    // the connection is not touched (stated, so that callers need not re-derive it)
    ensures c->rcv_nxt == \old(c->rcv_nxt) && c->rcv_wnd == \old(c->rcv_wnd)
            && c->snd_una == \old(c->snd_una) && c->snd_nxt == \old(c->snd_nxt)
            && c->snd_queued == \old(c->snd_queued);
    ensures out->count == \old(out->count) && out->data_len == \old(out->data_len);
    behavior more:
      assumes conn_can_send_more(c);
      ensures out->events == (uint16_t)(\old(out->events) | TCPFSM_SIG_MORE);
    behavior done:
      assumes !conn_can_send_more(c);
      ensures out->events == \old(out->events);
    complete behaviors;
    disjoint behaviors;
*/
static void signal_more(const struct tcpfsm_conn *c, struct tcpfsm_output *out)
{
    if (more_to_send(c) != 0)
        out->events = (uint16_t)(out->events | TCPFSM_SIG_MORE);
}

/* A segment of connection c, <SEQ=seq><ACK=ack><CTL=flags> with `len` octets, advertising
   RCV.WND; the connection is unchanged. */
/*@ requires valid_conn(c) && valid_output(out) && \separated(c, out) && \separated(out, c->cfg);
    requires out->count < TCPFSM_MAX_SEGMENTS;
    assigns out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_output(out);
    ensures valid_conn(c) && c->state == \old(c->state);
    ensures one_appended{Pre, Post}(out);
    ensures segment_is(last_segment(out), seq, ack, flags, seg_wnd(c->rcv_wnd), len);
    ensures c->snd_nxt == \old(c->snd_nxt) && c->snd_queued == \old(c->snd_queued)
            && c->snd_una == \old(c->snd_una) && c->rcv_nxt == \old(c->rcv_nxt)
            && c->rcv_wnd == \old(c->rcv_wnd) && c->flags == \old(c->flags) && c->iss == \old(c->iss);
    ensures c->cfg == \old(c->cfg) && c->snd_mss == \old(c->snd_mss);
*/
static void emit_conn(const struct tcpfsm_conn *c, struct tcpfsm_output *out, uint32_t seq,
                      uint32_t ack, uint16_t flags, uint16_t len)
{
    emit(out, seq, ack, flags, seg_window(c->rcv_wnd), len, 0u);
    /*@ assert valid_config(c->cfg) && valid_timers(c); */
    /*@ assert valid_accounting(c); */
}

/* Our SYN or SYN+ACK, <SEQ=seq><ACK=ack><CTL=flags> advertising RCV.WND: emit_conn with the
   options of a SYN, the MSS option `mss` (the callers pass ISS and cfg->mss: syn_options) and no
   window-scale option. */
/*@ requires valid_conn(c) && valid_output(out) && \separated(c, out) && \separated(out, c->cfg);
    requires out->count < TCPFSM_MAX_SEGMENTS;
    assigns out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_output(out);
    ensures valid_conn(c) && c->state == \old(c->state);
    ensures one_appended{Pre, Post}(out);
    ensures segment_is(last_segment(out), seq, ack, flags, seg_wnd(c->rcv_wnd), 0);
    ensures options_are(last_segment(out), mss);
    ensures c->snd_nxt == \old(c->snd_nxt) && c->snd_queued == \old(c->snd_queued)
            && c->snd_una == \old(c->snd_una) && c->rcv_nxt == \old(c->rcv_nxt)
            && c->rcv_wnd == \old(c->rcv_wnd) && c->flags == \old(c->flags) && c->iss == \old(c->iss);
    ensures c->cfg == \old(c->cfg) && c->cfg->mss == \old(c->cfg->mss);
*/
static void emit_syn_conn(const struct tcpfsm_conn *c, struct tcpfsm_output *out, uint32_t seq,
                          uint32_t ack, uint16_t flags, uint16_t mss)
{
    emit(out, seq, ack, flags, seg_window(c->rcv_wnd), 0u, mss);
    /*@ assert valid_config(c->cfg) && valid_timers(c); */
    /*@ assert valid_accounting(c); */
}

/* <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> */
/*@ requires valid_conn(c) && valid_output(out) && \separated(c, out) && \separated(out, c->cfg);
    requires out->count < TCPFSM_MAX_SEGMENTS;
    assigns out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_output(out);
    ensures one_appended{Pre, Post}(out) && ack_segment(last_segment(out), c);
    ensures valid_conn(c) && c->state == \old(c->state);
    ensures out->event == \old(out->event) && out->deadline == \old(out->deadline);
    ensures c->rcv_wnd == \old(c->rcv_wnd) && c->rcv_nxt == \old(c->rcv_nxt)
            && c->snd_una == \old(c->snd_una) && c->snd_nxt == \old(c->snd_nxt);
    ensures conn_deadline(c) == \old(conn_deadline(c));
*/
static void emit_ack(const struct tcpfsm_conn *c, struct tcpfsm_output *out)
{
    emit(out, c->snd_nxt, c->rcv_nxt, (uint16_t)TCPFSM_ACK, seg_window(c->rcv_wnd), 0u, 0u);
    /* the connection block is not touched (steps for the provers, as in emit_conn) */
    /*@ assert valid_config(c->cfg) && valid_timers(c); */
    /*@ assert valid_accounting(c); */
    /*@ assert c->rcv_wnd == \at(c->rcv_wnd, Pre) && c->rcv_nxt == \at(c->rcv_nxt, Pre); */
    /*@ assert c->snd_una == \at(c->snd_una, Pre) && c->snd_nxt == \at(c->snd_nxt, Pre); */
}

/* Our FIN again, at the sequence number it was sent at: <SEQ=SND.NXT-1><ACK=RCV.NXT><CTL=FIN,ACK>
   (FreeBSD tcp_output(): "If resending a FIN, be sure not to use a new sequence number"). */
/*@ requires valid_conn(c) && valid_output(out) && \separated(c, out) && \separated(out, c->cfg);
    requires out->count < TCPFSM_MAX_SEGMENTS;
    assigns out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_output(out);
    ensures one_appended{Pre, Post}(out) && fin_segment(last_segment(out), c, seq_add(c->snd_nxt, -1));
    ensures valid_conn(c) && c->state == \old(c->state);
*/
static void emit_fin_again(const struct tcpfsm_conn *c, struct tcpfsm_output *out)
{
    emit_conn(c, out, c->snd_nxt - 1u, c->rcv_nxt, (uint16_t)(TCPFSM_FIN | TCPFSM_ACK), 0u);
}

/* The ACK a row or the text owes (send_ack): <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>; with the knob
   ack_repeats_fin, while our FIN is unacknowledged and unless it replies to a SYN, the FIN again,
   <SEQ=SND.NXT-1><ACK=RCV.NXT><CTL=FIN,ACK> (FreeBSD tcp_output(), see ack_repeats_fin in
   tcpfsm_spec_segments.h). SND.NXT does not move: the FIN keeps its sequence number. */
/*@ requires valid_conn(c) && valid_output(out) && \separated(c, out) && \separated(out, c->cfg);
    requires out->count < TCPFSM_MAX_SEGMENTS;
    assigns out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_output(out);
    ensures valid_conn(c) && c->state == \old(c->state);
    behavior fin_again:
      assumes ack_repeats_fin(c, reply_to_syn);
      ensures one_appended{Pre, Post}(out)
              && fin_segment(last_segment(out), c, seq_add(c->snd_nxt, -1));
    behavior ack:
      assumes !ack_repeats_fin(c, reply_to_syn);
      ensures one_appended{Pre, Post}(out) && ack_segment(last_segment(out), c);
    complete behaviors;
    disjoint behaviors;
*/
static void emit_owed_ack(const struct tcpfsm_conn *c, uint8_t reply_to_syn, struct tcpfsm_output *out)
{
    uint8_t st = c->state;

    if (c->cfg->ack_repeats_fin != 0u && reply_to_syn == 0u && (c->flags & TCPFSM_F_FIN_SENT) != 0u
        && (st == (uint8_t)TCPFSM_FIN_WAIT_1 || st == (uint8_t)TCPFSM_CLOSING
            || st == (uint8_t)TCPFSM_LAST_ACK))
        emit_fin_again(c, out);
    else
        emit_ack(c, out);
}

/* A challenge ACK, "limit the number of challenge ACKs a TCP stack sends within a given time
   period" (RFC 5961 section 7): at most cfg->challenge_ack_limit per second (0: no limit). */
/*@ requires valid_conn(c) && valid_output(out) && \separated(c, out) && \separated(out, c->cfg);
    requires out->count < TCPFSM_MAX_SEGMENTS;
    assigns c->challenge_acks, c->challenge_second,
            out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_conn(c) && valid_output(out) && c->state == \old(c->state);
    ensures c->challenge_second == challenge_ack_second(now);
    behavior allowed:
      assumes challenge_ack_allowed(c, now);
      ensures one_appended{Pre, Post}(out) && challenge_ack(last_segment(out), c);
      ensures c->challenge_acks == (challenge_acks_sent{Pre}(c, now) < 255
                                    ? challenge_acks_sent{Pre}(c, now) + 1 : 255);
    behavior rate_limited:
      assumes !challenge_ack_allowed(c, now);
      ensures nothing_appended{Pre, Post}(out);
      ensures c->challenge_acks == challenge_acks_sent{Pre}(c, now);
    complete behaviors;
    disjoint behaviors;
*/
static void emit_challenge_ack(struct tcpfsm_conn *c, tcpfsm_time_t now, struct tcpfsm_output *out)
{
    uint8_t second = (uint8_t)(now / USEC_PER_SEC);
    uint8_t limit = c->cfg->challenge_ack_limit;

    if (second != c->challenge_second) {
        c->challenge_second = second;
        c->challenge_acks = 0u;
    }
    if (limit != 0u && c->challenge_acks >= limit)
        return;
    if (c->challenge_acks < UINT8_MAX)
        c->challenge_acks = (uint8_t)(c->challenge_acks + 1u);
    /*@ assert out->count == \at(out->count, Pre); */
    emit_ack(c, out);
    /*@ assert one_appended{Pre, Here}(out) && ack_segment(last_segment(out), c); */
}

/* The oldest unacknowledged data again: from SND.UNA, at most one MSS (RFC 6298 5.4: "Retransmit
   the earliest segment that has not been acknowledged by the TCP receiver"); a FIN sent is not
   data. */
/*@ requires valid_conn(c) && valid_output(out) && \separated(c, out) && \separated(out, c->cfg);
    requires out->count < TCPFSM_MAX_SEGMENTS;
    requires in_flight(c->snd_una, c->snd_nxt) > ((c->flags & TCPFSM_F_FIN_SENT) != 0 ? 1 : 0);
    assigns out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_output(out);
    ensures valid_conn(c) && c->state == \old(c->state);
    ensures one_appended{Pre, Post}(out);
    ensures last_segment(out).len
            == at_most(in_flight(c->snd_una, c->snd_nxt)
                       - ((c->flags & TCPFSM_F_FIN_SENT) != 0 ? 1 : 0), c->snd_mss);
    ensures last_segment(out).seq == c->snd_una && last_segment(out).ack == c->rcv_nxt;
    ensures last_segment(out).window == seg_wnd(c->rcv_wnd);
    ensures c->snd_nxt == \old(c->snd_nxt) && c->snd_queued == \old(c->snd_queued)
            && c->snd_una == \old(c->snd_una) && c->flags == \old(c->flags)
            && c->snd_mss == \old(c->snd_mss);
*/
static void retransmit_data(const struct tcpfsm_conn *c, struct tcpfsm_output *out)
{
    uint32_t fin = (c->flags & TCPFSM_F_FIN_SENT) != 0u ? 1u : 0u;
    uint32_t n = c->snd_nxt - c->snd_una - fin;
    uint16_t fl = (uint16_t)TCPFSM_ACK;

    /* RFC 9293 3.9.1: "the PSH bit MUST be set in the last buffered segment": a retransmission
       that carries the last outstanding byte, with nothing queued behind it, carries PSH. */
    if (n > c->snd_mss)
        n = c->snd_mss;
    else if (c->snd_queued == 0u)
        fl = (uint16_t)(TCPFSM_ACK | TCPFSM_PSH);
    /*@ assert n == at_most(in_flight(c->snd_una, c->snd_nxt) - fin, c->snd_mss); */
    /*@ assert fl == retransmit_ctl(in_flight(c->snd_una, c->snd_nxt) - fin, c->snd_mss,
                                    c->snd_queued); */
    emit_conn(c, out, c->snd_una, c->rcv_nxt, fl, (uint16_t)n);
}

/* The zero-window probe: one octet of new data at SND.NXT (RFC 9293 3.8.6.1). */
/*@ requires valid_conn(c) && valid_output(out) && \separated(c, out) && \separated(out, c->cfg);
    requires out->count < TCPFSM_MAX_SEGMENTS;
    requires c->snd_queued > 0;
    assigns c->snd_nxt, c->snd_queued, out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_output(out);
    ensures valid_conn(c) && c->state == \old(c->state);
    ensures one_appended{Pre, Post}(out);
    ensures segment_is(last_segment(out), \old(c->snd_nxt), c->rcv_nxt,
                       data_ctl(1, \old(c->snd_queued)), seg_wnd(c->rcv_wnd), 1);
    ensures c->snd_nxt == seq_add(\old(c->snd_nxt), 1) && c->snd_queued == \old(c->snd_queued) - 1;
*/
static void send_probe(struct tcpfsm_conn *c, struct tcpfsm_output *out)
{
    uint16_t fl = c->snd_queued == 1u ? (uint16_t)(TCPFSM_ACK | TCPFSM_PSH) : (uint16_t)TCPFSM_ACK;
    uint32_t seq = c->snd_nxt;

    c->snd_nxt += 1u;
    c->snd_queued -= 1u;
    /*@ assert valid_config(c->cfg) && valid_timers(c); */
    /*@ assert valid_accounting(c); */
    emit_conn(c, out, seq, c->rcv_nxt, fl, 1u);
}

/* Retransmit the oldest unacknowledged segment: the SYN, the SYN+ACK, one MSS of data from
   SND.UNA, or the FIN (RFC 6298 5.4). With nothing outstanding and data queued behind a zero
   window, the timer is the persist timer and this is a window probe of one new octet (RFC 9293
   3.8.6.1: "The sending TCP peer must regularly transmit at least one octet of new data (if
   available), or retransmit to the receiving TCP peer even if the send window is zero, in order
   to 'probe' the window"); later expiries retransmit that octet from SND.UNA. */
/*@ requires valid_conn(c) && valid_output(out) && \separated(c, out) && \separated(out, c->cfg);
    requires out->count < TCPFSM_MAX_SEGMENTS;
    assigns c->snd_nxt, c->snd_queued, out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_conn(c);
    ensures valid_output(out);
    ensures c->state == \old(c->state);
    behavior syn:
      assumes c->state == TCPFSM_SYN_SENT;
      ensures one_appended{Pre, Post}(out) && syn_segment(last_segment(out), c);
      ensures c->snd_nxt == \old(c->snd_nxt) && c->snd_queued == \old(c->snd_queued);
    behavior syn_ack:
      assumes c->state != TCPFSM_SYN_SENT && (c->flags & TCPFSM_F_SYN_ACKED) == 0;
      ensures one_appended{Pre, Post}(out) && syn_ack_segment(last_segment(out), c);
      ensures c->snd_nxt == \old(c->snd_nxt) && c->snd_queued == \old(c->snd_queued);
    behavior data:
      assumes c->state != TCPFSM_SYN_SENT && (c->flags & TCPFSM_F_SYN_ACKED) != 0;
      assumes in_flight(c->snd_una, c->snd_nxt) > ((c->flags & TCPFSM_F_FIN_SENT) != 0 ? 1 : 0);
      ensures one_appended{Pre, Post}(out);
      ensures last_segment(out).len
              == at_most(in_flight(c->snd_una, c->snd_nxt)
                         - ((c->flags & TCPFSM_F_FIN_SENT) != 0 ? 1 : 0), c->snd_mss);
      ensures last_segment(out).seq == c->snd_una && last_segment(out).ack == c->rcv_nxt;
      ensures last_segment(out).window == seg_wnd(c->rcv_wnd);
      ensures c->snd_nxt == \old(c->snd_nxt) && c->snd_queued == \old(c->snd_queued);
    behavior fin:
      assumes c->state != TCPFSM_SYN_SENT && (c->flags & TCPFSM_F_SYN_ACKED) != 0;
      assumes (c->flags & TCPFSM_F_FIN_SENT) != 0 && in_flight(c->snd_una, c->snd_nxt) <= 1;
      ensures one_appended{Pre, Post}(out);
      ensures fin_segment(last_segment(out), c, seq_add(c->snd_nxt, -1));
      ensures c->snd_nxt == \old(c->snd_nxt) && c->snd_queued == \old(c->snd_queued);
    behavior zero_window_probe:
      assumes c->state != TCPFSM_SYN_SENT && (c->flags & TCPFSM_F_SYN_ACKED) != 0;
      assumes (c->flags & TCPFSM_F_FIN_SENT) == 0 && in_flight(c->snd_una, c->snd_nxt) == 0;
      assumes c->snd_queued > 0;
      ensures one_appended{Pre, Post}(out);
      ensures segment_is(last_segment(out), \old(c->snd_nxt), c->rcv_nxt,
                         data_ctl(1, \old(c->snd_queued)), seg_wnd(c->rcv_wnd), 1);
      ensures c->snd_nxt == seq_add(\old(c->snd_nxt), 1) && c->snd_queued == \old(c->snd_queued) - 1;
    behavior nothing_outstanding:
      assumes c->state != TCPFSM_SYN_SENT && (c->flags & TCPFSM_F_SYN_ACKED) != 0;
      assumes (c->flags & TCPFSM_F_FIN_SENT) == 0 && in_flight(c->snd_una, c->snd_nxt) == 0;
      assumes c->snd_queued == 0;
      ensures nothing_appended{Pre, Post}(out);
      ensures c->snd_nxt == \old(c->snd_nxt) && c->snd_queued == \old(c->snd_queued);
    complete behaviors;
    disjoint behaviors;
*/
static void emit_retransmission(struct tcpfsm_conn *c, struct tcpfsm_output *out)
{
    uint32_t outstanding = c->snd_nxt - c->snd_una;
    uint32_t fin = (c->flags & TCPFSM_F_FIN_SENT) != 0u ? 1u : 0u;

    if (c->state == (uint8_t)TCPFSM_SYN_SENT)
        emit_syn_conn(c, out, c->iss, 0u, (uint16_t)TCPFSM_SYN, c->cfg->mss);
    else if ((c->flags & TCPFSM_F_SYN_ACKED) == 0u)
        emit_syn_conn(c, out, c->iss, c->rcv_nxt, (uint16_t)(TCPFSM_SYN | TCPFSM_ACK), c->cfg->mss);
    else if (outstanding > fin)
        retransmit_data(c, out);
    else if (fin != 0u)
        emit_conn(c, out, c->snd_nxt - 1u, c->rcv_nxt, (uint16_t)(TCPFSM_FIN | TCPFSM_ACK), 0u);
    else if (c->snd_queued > 0u)
        send_probe(c, out);
}

/* ============================================================ classification */

/* RFC 9293 3.10.7.4 first: "RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND" (modulo 2^32). */
/*@ assigns \nothing;
    ensures \result == (in_rcv_window(rcv_nxt, wnd, x) ? 1 : 0);
*/
static int in_window(uint32_t rcv_nxt, uint32_t x, uint32_t wnd)
{
    return (uint32_t)(x - rcv_nxt) < wnd ? 1 : 0;
}

/* The four cases of the acceptability test (RFC 9293 3.10.7.4 first). */
/*@ requires valid_conn(c);
    assigns \nothing;
    ensures \result == (seg_acceptable(c->rcv_nxt, c->rcv_wnd, seq, seglen) ? 1 : 0);
*/
static int acceptable(const struct tcpfsm_conn *c, uint32_t seq, uint32_t seglen)
{
    uint32_t wnd = c->rcv_wnd;
    if (seglen == 0u) {
        if (wnd == 0u)
            return seq == c->rcv_nxt ? 1 : 0;                    /* 0, 0: SEG.SEQ = RCV.NXT */
        return in_window(c->rcv_nxt, seq, wnd);                  /* 0, >0 */
    }
    if (wnd == 0u)
        return 0;                                                /* >0, 0: not acceptable */
    return (in_window(c->rcv_nxt, seq, wnd) != 0                 /* >0, >0: either end inside */
            || in_window(c->rcv_nxt, seq + seglen - 1u, wnd) != 0) ? 1 : 0;
}

/* "If SND.UNA < SEG.ACK =< SND.NXT, then the ACK is acceptable" */
/*@ requires valid_conn(c);
    assigns \nothing;
    ensures \result == (ack_new(c->snd_una, c->snd_nxt, ack) ? 1 : 0);
    ensures \result != 0 <==> ack_is_new(c->snd_una, ack, c->snd_nxt);
*/
static int ack_acceptable(const struct tcpfsm_conn *c, uint32_t ack)
{
    return (tcpfsm_seq_lt(c->snd_una, ack) != 0 && tcpfsm_seq_le(ack, c->snd_nxt) != 0) ? 1 : 0;
}

/* Has the peer's FIN been received in this state? */
/*@ assigns \nothing;
    ensures \result == (fin_received_state(st) ? 1 : 0);
*/
static int fin_received(uint8_t st)
{
    return st == (uint8_t)TCPFSM_CLOSE_WAIT || st == (uint8_t)TCPFSM_CLOSING
        || st == (uint8_t)TCPFSM_LAST_ACK || st == (uint8_t)TCPFSM_TIME_WAIT;
}

/* FreeBSD's net.inet.tcp.drop_synfin (not RFC 9293): "If the drop_synfin option is enabled, drop
   all segments with both the SYN and FIN bits set." */
/*@ requires valid_config(cfg) && valid_segment(seg);
    assigns \nothing;
    ensures \result == (synfin_dropped((seg->flags & TCPFSM_SYN) != 0, (seg->flags & TCPFSM_FIN) != 0,
                                       cfg->drop_synfin) ? 1 : 0);
*/
static int synfin_drop(const struct tcpfsm_config *cfg, const struct tcpfsm_segment *seg)
{
    return (cfg->drop_synfin != 0u && (seg->flags & TCPFSM_SYN) != 0u
            && (seg->flags & TCPFSM_FIN) != 0u) ? 1 : 0;
}

/* LISTEN (RFC 9293 3.10.7.2). */
/*@ requires valid_config(cfg) && valid_segment(seg);
    assigns \nothing;
    ensures \result < TCPFSM_EVENT_COUNT;
    ensures \result == listen_event((seg->flags & TCPFSM_RST) != 0, (seg->flags & TCPFSM_SYN) != 0,
                                    (seg->flags & TCPFSM_ACK) != 0, (seg->flags & TCPFSM_FIN) != 0,
                                    cfg->drop_synfin, cfg->listen_synack_drop);
*/
static uint8_t classify_listen(const struct tcpfsm_config *cfg, const struct tcpfsm_segment *seg)
{
    /* "first, check for a RST: An incoming RST segment could not be valid ... should be ignored" */
    if ((seg->flags & TCPFSM_RST) != 0u)
        return (uint8_t)TCPFSM_EV_RST;
    /* listen_synack_drop (FreeBSD): "(SYN|ACK) is bogus on a listen socket ... segment ignored" */
    if (cfg->listen_synack_drop != 0u && (seg->flags & TCPFSM_SYN) != 0u
        && (seg->flags & TCPFSM_ACK) != 0u)
        return (uint8_t)TCPFSM_EV_UNACCEPTABLE;
    /* "second, check for an ACK: Any acknowledgment is bad if it arrives on a connection still in
       the LISTEN state. An acceptable reset segment should be formed for any arriving ACK-bearing
       segment." */
    if ((seg->flags & TCPFSM_ACK) != 0u)
        return (uint8_t)TCPFSM_EV_BAD_ACK;
    /* "third, check for a SYN" (a SYN+FIN under drop_synfin: dropped as other control) */
    if ((seg->flags & TCPFSM_SYN) != 0u && synfin_drop(cfg, seg) == 0)
        return (uint8_t)TCPFSM_EV_SYN;
    /* "fourth, other data or control: ... drop the segment and return" */
    return (uint8_t)TCPFSM_EV_UNACCEPTABLE;
}

/* SYN-SENT (RFC 9293 3.10.7.3). */
/*@ requires valid_conn(c) && valid_segment(seg);
    assigns \nothing;
    ensures \result < TCPFSM_EVENT_COUNT;
    ensures \result == syn_sent_event(c->iss, c->snd_nxt, seg->ack, (seg->flags & TCPFSM_RST) != 0,
                                      (seg->flags & TCPFSM_SYN) != 0, (seg->flags & TCPFSM_ACK) != 0,
                                      (seg->flags & TCPFSM_FIN) != 0, c->cfg->drop_synfin);
*/
static uint8_t classify_syn_sent(const struct tcpfsm_conn *c, const struct tcpfsm_segment *seg)
{
    int has_ack = (seg->flags & TCPFSM_ACK) != 0u;
    int ack_bad = has_ack && (tcpfsm_seq_le(seg->ack, c->iss) != 0
                              || tcpfsm_seq_lt(c->snd_nxt, seg->ack) != 0);
    int ack_ok = has_ack && !ack_bad;

    /* "first, check the ACK bit: If SEG.ACK =< ISS or SEG.ACK > SND.NXT, send a reset (unless the
       RST bit is set, if so drop the segment and return)" */
    if (ack_bad)
        return (seg->flags & TCPFSM_RST) != 0u ? (uint8_t)TCPFSM_EV_UNACCEPTABLE
                                               : (uint8_t)TCPFSM_EV_BAD_ACK;
    /* "second, check the RST bit: ... If the ACK was acceptable, then signal to the user 'error:
       connection reset' ... Otherwise (no ACK), drop the segment and return." (RFC 5961 3.2: the
       RST is acceptable if its ACK acknowledges our SYN) */
    if ((seg->flags & TCPFSM_RST) != 0u)
        return ack_ok ? (uint8_t)TCPFSM_EV_RST : (uint8_t)TCPFSM_EV_UNACCEPTABLE;
    /* drop_synfin (FreeBSD): a SYN+FIN is dropped */
    if (synfin_drop(c->cfg, seg) != 0)
        return (uint8_t)TCPFSM_EV_UNACCEPTABLE;
    /* "fourth, check the SYN bit" */
    if ((seg->flags & TCPFSM_SYN) != 0u)
        return ack_ok ? (uint8_t)TCPFSM_EV_SYN_ACK : (uint8_t)TCPFSM_EV_SYN;
    /* "fifth, if neither of the SYN or RST bits is set, then drop the segment and return" */
    return (uint8_t)TCPFSM_EV_UNACCEPTABLE;
}

/* A RST in SYN-RECEIVED or a synchronized state: "second, check the RST bit" (RFC 5961 3.2):
   "If the RST bit is set and the sequence number is outside the current receive window, silently
   drop the segment. If the RST bit is set and the sequence number exactly matches the next
   expected sequence number (RCV.NXT), then TCP MUST reset the connection. If the RST bit is set
   and the sequence number does not exactly match the next expected sequence value, yet is within
   the current receive window, TCP MUST send an acknowledgment (challenge ACK)." A RST is never
   answered otherwise. */
/*@ requires valid_conn(c);
    assigns \nothing;
    ensures \result == TCPFSM_EV_NONE || \result == TCPFSM_EV_RST || \result == TCPFSM_EV_RST_CHALLENGE;
    ensures \result == rst_event(c->rcv_nxt, c->rcv_wnd, seq, c->cfg->rfc5961_rst);
*/
static uint8_t classify_rst(const struct tcpfsm_conn *c, uint32_t seq)
{
    if (seq == c->rcv_nxt)
        return (uint8_t)TCPFSM_EV_RST;
    if (in_window(c->rcv_nxt, seq, c->rcv_wnd) == 0)
        return (uint8_t)TCPFSM_EV_NONE;
    return c->cfg->rfc5961_rst == 0u ? (uint8_t)TCPFSM_EV_RST : (uint8_t)TCPFSM_EV_RST_CHALLENGE;
}

/* A SYN (without RST) in SYN-RECEIVED or a synchronized state; `seglen` counts SYN and FIN. */
/*@ requires valid_conn(c) && valid_segment(seg);
    assigns \nothing;
    ensures \result < TCPFSM_EVENT_COUNT;
    ensures \result == syn_event(c->state, c->snd_una, c->snd_nxt, c->rcv_nxt, c->rcv_wnd,
                                 seg->seq, seg->ack, (seg->flags & TCPFSM_ACK) != 0,
                                 (seg->flags & TCPFSM_FIN) != 0, seglen, c->cfg->rfc5961_syn);
*/
static uint8_t classify_syn(const struct tcpfsm_conn *c, const struct tcpfsm_segment *seg,
                            uint32_t seglen)
{
    uint8_t st = c->state;
    uint16_t fl = seg->flags;
    uint32_t seq = seg->seq;

    if (st == (uint8_t)TCPFSM_SYN_RECEIVED && seq == c->rcv_nxt - 1u) {
        /* a retransmission of the SYN that opened the connection */
        if ((fl & TCPFSM_ACK) == 0u)
            return (uint8_t)TCPFSM_EV_SYN;
        /* after a simultaneous open: the peer's SYN,ACK repeats its SYN and acknowledges ours;
           RFC 9293 figure 8 line 6 enters ESTABLISHED on it */
        if ((fl & TCPFSM_FIN) == 0u && ack_acceptable(c, seg->ack) != 0)
            return (uint8_t)TCPFSM_EV_ACK_OF_SYN;
    }
    /* TIME-WAIT: "if a new SYN ... arrives ... with a sequence number greater than the last
       seen" (3.6.1) */
    if (st == (uint8_t)TCPFSM_TIME_WAIT && (fl & TCPFSM_ACK) == 0u
        && tcpfsm_seq_lt(c->rcv_nxt, seq) != 0)
        return (uint8_t)TCPFSM_EV_SYN;
    /* RFC 5961 4.2: "If the SYN bit is set, irrespective of the sequence number, TCP MUST send
       an ACK (also referred to as challenge ACK)"; RFC 793: a SYN in the window is an error */
    if (c->cfg->rfc5961_syn != 0u || acceptable(c, seq, seglen) != 0)
        return (uint8_t)TCPFSM_EV_SYN_SYNC;
    return (uint8_t)TCPFSM_EV_UNACCEPTABLE;
}

/* Where a FIN on `seg` stands ("eighth, check the FIN bit"): FIN_NEW when it is in order (the
   segment starts at or before RCV.NXT and all its text up to the FIN fits in the window),
   FIN_RETRANSMITTED when the peer's FIN was received already and this is its retransmission
   ("The only thing that can arrive in this state is a retransmission of the remote FIN": its FIN
   sits just below RCV.NXT), FIN_NONE otherwise. */
#define FIN_NONE          0u
#define FIN_NEW           1u
#define FIN_RETRANSMITTED 2u
/*@ requires valid_conn(c) && valid_segment(seg);
    assigns \nothing;
    ensures \result == FIN_NONE || \result == FIN_NEW || \result == FIN_RETRANSMITTED;
    ensures \result == fin_pos(c->state, c->rcv_nxt, c->rcv_wnd, seg->seq, seg->len,
                               (seg->flags & TCPFSM_FIN) != 0);
*/
static uint8_t fin_position(const struct tcpfsm_conn *c, const struct tcpfsm_segment *seg)
{
    uint32_t fin_seq = seg->seq + seg->len;    /* where the FIN sits */

    if ((seg->flags & TCPFSM_FIN) == 0u)
        return FIN_NONE;
    if (fin_received(c->state) != 0)
        return fin_seq == c->rcv_nxt - 1u ? FIN_RETRANSMITTED : FIN_NONE;
    return (tcpfsm_seq_le(seg->seq, c->rcv_nxt) != 0 && tcpfsm_seq_le(c->rcv_nxt, fin_seq) != 0
            && (uint32_t)(fin_seq - c->rcv_nxt) < c->rcv_wnd) ? FIN_NEW : FIN_NONE;
}

/* An acceptable segment with the ACK bit on, no SYN and no RST: "fifth, check the ACK field". */
/*@ requires valid_conn(c) && valid_segment(seg);
    requires fin == FIN_NONE || fin == FIN_NEW || fin == FIN_RETRANSMITTED;
    assigns \nothing;
    ensures \result < TCPFSM_EVENT_COUNT;
    ensures \result == ack_event(c->state, c->snd_una, c->snd_nxt, c->max_snd_wnd,
                                 (c->flags & TCPFSM_F_FIN_SENT) != 0 ? 1 : 0, seg->ack, fin,
                                 c->cfg->rfc5961_ack);
*/
static uint8_t classify_ack(const struct tcpfsm_conn *c, const struct tcpfsm_segment *seg, uint8_t fin)
{
    uint8_t st = c->state;
    uint32_t ack = seg->ack;
    int covers_fin;

    if (st == (uint8_t)TCPFSM_SYN_RECEIVED) {
        /* "If SND.UNA < SEG.ACK =< SND.NXT, then enter ESTABLISHED state ... If the segment
           acknowledgment is not acceptable, form a reset segment" */
        if (ack_acceptable(c, ack) == 0)
            return (uint8_t)TCPFSM_EV_BAD_ACK;
        return fin == FIN_NEW ? (uint8_t)TCPFSM_EV_FIN : (uint8_t)TCPFSM_EV_ACK_OF_SYN;
    }

    /* RFC 5961 5.2: "the ACK value is considered acceptable only if it is in the range of
       ((SND.UNA - MAX.SND.WND) =< SEG.ACK =< SND.NXT). All incoming segments whose ACK value
       doesn't satisfy the above condition MUST be discarded and an ACK sent back."
       RFC 9293: "If the ACK acks something not yet sent (SEG.ACK > SND.NXT), then send an ACK,
       drop the segment, and return." */
    if (tcpfsm_seq_lt(c->snd_nxt, ack) != 0
        || (c->cfg->rfc5961_ack != 0u
            && tcpfsm_seq_lt(ack, c->snd_una - (uint32_t)c->max_snd_wnd) != 0))
        return (uint8_t)TCPFSM_EV_ACK_INVALID;

    /* Does this ACK newly cover our FIN? (FIN-WAIT-1, CLOSING, LAST-ACK: FIN sent, not acked) */
    covers_fin = (st == (uint8_t)TCPFSM_FIN_WAIT_1 || st == (uint8_t)TCPFSM_CLOSING
                  || st == (uint8_t)TCPFSM_LAST_ACK)
                 && (c->flags & TCPFSM_F_FIN_SENT) != 0u && ack == c->snd_nxt;
    if (fin != FIN_NONE)
        return covers_fin ? (uint8_t)TCPFSM_EV_FIN_ACK : (uint8_t)TCPFSM_EV_FIN;
    return covers_fin ? (uint8_t)TCPFSM_EV_ACK_OF_FIN : (uint8_t)TCPFSM_EV_ACK;
}

/* SYN-RECEIVED and the synchronized states (RFC 9293 3.10.7.4, RFC 5961), in the RFC's order. */
/*@ requires valid_conn(c) && valid_segment(seg);
    assigns \nothing;
    ensures \result < TCPFSM_EVENT_COUNT || \result == TCPFSM_EV_NONE;
    ensures \result == sync_event(c->state, c->iss, c->snd_una, c->snd_nxt, c->rcv_nxt, c->rcv_wnd,
                                  c->max_snd_wnd, (c->flags & TCPFSM_F_FIN_SENT) != 0 ? 1 : 0,
                                  seg->seq, seg->ack, seg->len, (seg->flags & TCPFSM_RST) != 0,
                                  (seg->flags & TCPFSM_SYN) != 0, (seg->flags & TCPFSM_ACK) != 0,
                                  (seg->flags & TCPFSM_FIN) != 0, c->cfg->rfc5961_rst,
                                  c->cfg->rfc5961_syn, c->cfg->rfc5961_ack);
*/
static uint8_t classify_synchronized(const struct tcpfsm_conn *c, const struct tcpfsm_segment *seg)
{
    uint16_t fl = seg->flags;
    uint32_t seglen = (uint32_t)seg->len + ((fl & TCPFSM_SYN) != 0u ? 1u : 0u)
                      + ((fl & TCPFSM_FIN) != 0u ? 1u : 0u);
    uint8_t fin;

    if ((fl & TCPFSM_RST) != 0u)
        return classify_rst(c, seg->seq);
    if ((fl & TCPFSM_SYN) != 0u)
        return classify_syn(c, seg, seglen);
    fin = fin_position(c, seg);
    /* "first, check sequence number": "If an incoming segment is not acceptable, an
       acknowledgment should be sent in reply (unless the RST bit is set ...)" */
    if (fin != FIN_RETRANSMITTED && acceptable(c, seg->seq, seglen) == 0)
        return (uint8_t)TCPFSM_EV_UNACCEPTABLE;
    /* "fifth, check the ACK field: if the ACK bit is off, drop the segment and return" */
    if ((fl & TCPFSM_ACK) == 0u)
        return (uint8_t)TCPFSM_EV_NONE;
    return classify_ack(c, seg, fin);
}

/* TIME-WAIT under tw_bsd, a segment without RST: FreeBSD's tcp_twcheck() (sys/netinet/
   tcp_timewait.c) instead of RFC 9293 3.10.7.4. */
/*@ requires valid_conn(c) && valid_segment(seg);
    requires c->state == TCPFSM_TIME_WAIT;
    assigns \nothing;
    ensures \result < TCPFSM_EVENT_COUNT || \result == TCPFSM_EV_NONE;
    ensures \result == tw_bsd_event(c->snd_nxt, c->rcv_nxt, c->rcv_wnd, seg->seq, seg->ack, seg->len,
                                    (seg->flags & TCPFSM_SYN) != 0, (seg->flags & TCPFSM_ACK) != 0,
                                    (seg->flags & TCPFSM_FIN) != 0, seg->flags == TCPFSM_ACK);
*/
static uint8_t classify_time_wait_bsd(const struct tcpfsm_conn *c, const struct tcpfsm_segment *seg)
{
    uint16_t fl = seg->flags;

    if ((fl & TCPFSM_ACK) == 0u) {
        /* "If a new connection request is received while in TIME_WAIT, drop the old connection
           and start over if the sequence numbers are above the previous ones." */
        if ((fl & TCPFSM_SYN) != 0u && tcpfsm_seq_lt(c->rcv_nxt, seg->seq) != 0)
            return (uint8_t)TCPFSM_EV_SYN;
        /* "Drop the segment if it does not contain an ACK." */
        return (uint8_t)TCPFSM_EV_NONE;
    }
    /* "Reset the 2MSL timer if this is a duplicate FIN." (and acknowledge it) */
    if ((fl & TCPFSM_SYN) == 0u && fin_position(c, seg) == FIN_RETRANSMITTED)
        return (uint8_t)TCPFSM_EV_FIN;
    /* "Acknowledge the segment if it has data or is not a duplicate ACK." */
    if (fl == TCPFSM_ACK && seg->len == 0u && seg->seq == c->rcv_nxt && seg->ack == c->snd_nxt)
        return (uint8_t)TCPFSM_EV_ACK;
    return (uint8_t)TCPFSM_EV_UNACCEPTABLE;
}

/* Classify an arriving segment into a table event for the current state, following the
   processing order of RFC 9293 3.10.7. TCPFSM_EV_NONE: drop without an event. */
/*@ requires valid_conn(c) && valid_segment(seg);
    assigns \nothing;
    ensures \result < TCPFSM_EVENT_COUNT || \result == TCPFSM_EV_NONE;
    ensures \result == seg_event(c, seg, c->cfg);
*/
static uint8_t classify_segment(const struct tcpfsm_conn *c, const struct tcpfsm_segment *seg)
{
    if (c->state == (uint8_t)TCPFSM_CLOSED)
        /* 3.10.7.1: "An incoming segment containing a RST is discarded. An incoming segment not
           containing a RST causes a RST to be sent in response." */
        return (seg->flags & TCPFSM_RST) != 0u ? (uint8_t)TCPFSM_EV_RST
                                               : (uint8_t)TCPFSM_EV_NO_CONNECTION;
    if (c->state == (uint8_t)TCPFSM_LISTEN)
        return classify_listen(c->cfg, seg);
    if (c->state == (uint8_t)TCPFSM_SYN_SENT)
        return classify_syn_sent(c, seg);
    if (c->state == (uint8_t)TCPFSM_TIME_WAIT && (seg->flags & TCPFSM_RST) == 0u) {
        /* drop_synfin (FreeBSD): a SYN+FIN is dropped */
        if (synfin_drop(c->cfg, seg) != 0)
            return (uint8_t)TCPFSM_EV_NONE;
        /* tw_bsd: FreeBSD's tcp_twcheck() */
        if (c->cfg->tw_bsd != 0u)
            return classify_time_wait_bsd(c, seg);
    }
    return classify_synchronized(c, seg);
}

/* ============================================================ the "process" action */

/* What processing a segment found (bits of process_segment's result). */
#define PROC_ACKED    0x01u  /* new data acknowledged: TCPFSM_SIG_ACKED */
#define PROC_DATA     0x02u  /* new in-order text: TCPFSM_SIG_DATA */
#define PROC_NEED_ACK 0x04u  /* text or a FIN arrived: an ACK is owed */
#define PROC_HELD     0x08u  /* text beyond RCV.NXT the host may keep: TCPFSM_SIG_OUT_OF_ORDER */

/* A new acknowledgment "SND.UNA < SEG.ACK =< SND.NXT": "set SND.UNA <- SEG.ACK", take an RTT
   sample (RFC 6298 3, Karn: only from a segment never retransmitted) and restart or stop the
   retransmission timer (RFC 6298 5.2, 5.3). Returns PROC_ACKED when data (not only our SYN or
   FIN) was acknowledged. */
/*@ requires valid_conn(c);
    requires ack_is_new(c->snd_una, ack, c->snd_nxt);
    assigns c->snd_una, c->flags, c->srtt, c->rttvar, c->retries, c->rto_since, c->backoff, c->timer, c->deadline;
    ensures valid_conn(c);
    ensures c->snd_una == ack;     // "set SND.UNA <- SEG.ACK"
    ensures c->retries == 0;       // the segment retransmitted was acknowledged: a new count
    ensures c->rto_since == (uint32_t)now;   // and a new origin of the user timeout
    ensures \result == 0 || \result == PROC_ACKED;

*/
static uint8_t process_new_ack(struct tcpfsm_conn *c, uint32_t ack, tcpfsm_time_t now)
{
    uint32_t acked = ack - c->snd_una;
    uint32_t ctl = 0u;

    if ((c->flags & TCPFSM_F_SYN_ACKED) == 0u) {
        ctl += 1u;
        c->flags = (uint8_t)(c->flags | TCPFSM_F_SYN_ACKED);
        if (c->backoff != 0u) {
            /* RFC 6298 5.7: the SYN (or SYN+ACK) timed out: data starts at 3 s */
            c->flags = (uint8_t)(c->flags | TCPFSM_F_RTO_3S);
            c->backoff = 0u;
        }
    }
    if ((c->flags & TCPFSM_F_FIN_SENT) != 0u && ack == c->snd_nxt)
        ctl += 1u;
    if ((c->flags & TCPFSM_F_RTT_TIMING) != 0u && tcpfsm_seq_lt(c->rtt_seq, ack) != 0) {
        rtt_sample(c, (uint32_t)now - c->rtt_start);
        c->flags = (uint8_t)(c->flags & ~TCPFSM_F_RTT_TIMING);
    }
    c->snd_una = ack;
    c->retries = 0u;
    c->rto_since = (uint32_t)now;
    /* the proof, in steps: the connection is still valid (valid_conn's parts) */
    /*@ assert valid_config(c->cfg) && valid_timers(c); */
    /*@ assert valid_accounting(c); */
    if (c->timer == TCPFSM_TIMER_RTO) {
        if (c->snd_una == c->snd_nxt)
            timer_stop(c);              /* RFC 6298 5.2 */
        else
            timer_arm_rto(c, now);      /* RFC 6298 5.3 */
    }
    return acked > ctl ? (uint8_t)PROC_ACKED : 0u;
}

/* The send window (RFC 9293 3.10.7.4, fifth, ESTABLISHED): "If SND.UNA =< SEG.ACK =< SND.NXT, the
   send window should be updated. If (SND.WL1 < SEG.SEQ or (SND.WL1 = SEG.SEQ and SND.WL2 =<
   SEG.ACK)), set SND.WND <- SEG.WND, set SND.WL1 <- SEG.SEQ, and set SND.WL2 <- SEG.ACK." The
   segment that completes the handshake (from SYN-SENT or SYN-RECEIVED) sets them unconditionally
   (3.10.7.4 SYN-RECEIVED, RFC 1122 4.2.2.20 (c)). MAX.SND.WND is the largest SND.WND (RFC 5961
   5.2). Runs after process_new_ack, so SND.UNA is already SEG.ACK for a new ACK. */
/*@ requires valid_conn(c) && valid_segment(seg) && \separated(seg, c);
    assigns c->snd_wnd, c->max_snd_wnd, c->snd_wl1, c->snd_wl2, c->retries, c->rto_since;
    ensures valid_conn(c);
    ensures c->retries == \old(c->retries) || c->retries == 0;
    ensures c->retries == 0 && \old(c->retries) != 0 ==> c->rto_since == (uint32_t)now;
    behavior update:
      assumes ack_updates_window(c->snd_una, seg->ack, c->snd_nxt);
      assumes handshake_state(from) || window_is_newer(c->snd_wl1, c->snd_wl2, seg->seq, seg->ack);
      ensures c->snd_wnd == \old(seg->window);
      ensures c->snd_wl1 == \old(seg->seq) && c->snd_wl2 == \old(seg->ack);
      ensures c->max_snd_wnd == max_snd_wnd_after(\old(c->max_snd_wnd), \old(seg->window));
    behavior old_segment:
      assumes ack_updates_window(c->snd_una, seg->ack, c->snd_nxt);
      assumes !handshake_state(from) && !window_is_newer(c->snd_wl1, c->snd_wl2, seg->seq, seg->ack);
      ensures c->snd_wnd == \old(c->snd_wnd) && c->max_snd_wnd == \old(c->max_snd_wnd);
      ensures c->snd_wl1 == \old(c->snd_wl1) && c->snd_wl2 == \old(c->snd_wl2);
    behavior ack_outside:
      assumes !ack_updates_window(c->snd_una, seg->ack, c->snd_nxt);
      assigns \nothing;
      ensures c->snd_wnd == \old(c->snd_wnd) && c->max_snd_wnd == \old(c->max_snd_wnd);
      ensures c->snd_wl1 == \old(c->snd_wl1) && c->snd_wl2 == \old(c->snd_wl2);
      ensures c->retries == \old(c->retries) && c->rto_since == \old(c->rto_since);
    complete behaviors;
    disjoint behaviors;
*/
static void process_window(struct tcpfsm_conn *c, uint8_t from, const struct tcpfsm_segment *seg,
                           tcpfsm_time_t now)
{
    uint32_t ack = seg->ack;
    uint32_t seq = seg->seq;

    if (tcpfsm_seq_le(c->snd_una, ack) == 0 || tcpfsm_seq_le(ack, c->snd_nxt) == 0)
        return;
    if (from == (uint8_t)TCPFSM_SYN_SENT || from == (uint8_t)TCPFSM_SYN_RECEIVED
        || tcpfsm_seq_lt(c->snd_wl1, seq) != 0
        || (c->snd_wl1 == seq && tcpfsm_seq_le(c->snd_wl2, ack) != 0)) {
        c->snd_wnd = seg->window;
        c->snd_wl1 = seq;
        c->snd_wl2 = ack;
        if (c->max_snd_wnd < seg->window)
            c->max_snd_wnd = seg->window;
    }
    /* RFC 9293 3.8.6.1: window probes "SHOULD increase exponentially the interval between
       successive probes" (the backoff is kept), and a peer that answers them with a zero window
       is alive: its answers do not count toward giving up. */
    if (seg->window == 0u
        && (c->snd_queued > 0u
            || c->snd_nxt - c->snd_una > ((c->flags & TCPFSM_F_FIN_SENT) != 0u ? 1u : 0u))) {
        c->retries = 0u;
        c->rto_since = (uint32_t)now;
    }
}

/* Is the text of a segment arriving in this state processed? (ESTABLISHED, FIN-WAIT-1 and
   FIN-WAIT-2, and the handshake states moving there) */
/*@ assigns \nothing;
    ensures \result != 0 <==> state_takes_text(st);
*/
static int takes_text(uint8_t st)
{
    return st == (uint8_t)TCPFSM_SYN_SENT || st == (uint8_t)TCPFSM_SYN_RECEIVED
        || st == (uint8_t)TCPFSM_ESTABLISHED || st == (uint8_t)TCPFSM_FIN_WAIT_1
        || st == (uint8_t)TCPFSM_FIN_WAIT_2;
}

/* "seventh, process the segment text" from `seq` (after a SYN) and "eighth, check the FIN bit ...
   advance RCV.NXT over the FIN". Text is taken in ESTABLISHED, FIN-WAIT-1 and FIN-WAIT-2 (and the
   handshake states moving there); after the peer's FIN: "Ignore the segment text." */
/*@ requires valid_conn(c) && valid_segment(seg) && \separated(seg, c);
    assigns c->rcv_nxt, c->rcv_wnd;
    ensures valid_conn(c);
    ensures c->rcv_wnd == \old(c->rcv_wnd)
                          - text_taken(from, \old(c->rcv_nxt), \old(c->rcv_wnd), seq, seg->len);
    ensures c->rcv_nxt == rcv_nxt_after(from, \old(c->rcv_nxt), \old(c->rcv_wnd), seq, seg->len,
                                        fin_new);
    // the send side is not touched (stated, so that process_segment need not re-derive it)
    ensures c->snd_una == \old(c->snd_una) && c->retries == \old(c->retries);
    ensures c->snd_wnd == \old(c->snd_wnd) && c->max_snd_wnd == \old(c->max_snd_wnd);
    ensures c->snd_wl1 == \old(c->snd_wl1) && c->snd_wl2 == \old(c->snd_wl2);
*/
static uint8_t process_text(struct tcpfsm_conn *c, uint8_t from, const struct tcpfsm_segment *seg,
                            uint32_t seq, uint8_t fin_new)
{
    uint8_t r = 0u;
    uint32_t end = seq + seg->len;

    if (seg->len > 0u && takes_text(from) != 0) {
        if (tcpfsm_seq_le(seq, c->rcv_nxt) != 0 && tcpfsm_seq_lt(c->rcv_nxt, end) != 0) {
            uint32_t n = end - c->rcv_nxt;
            if (n > c->rcv_wnd)
                n = c->rcv_wnd;
            if (n > 0u) {
                c->rcv_nxt += n;
                c->rcv_wnd -= n;
                r = (uint8_t)PROC_DATA;
            }
        }
        /* "Send an acknowledgment of the form <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>" */
        r = (uint8_t)(r | PROC_NEED_ACK);
    }
    /* the text taken, then the FIN (a step for the provers) */
    /*@ assert text_in: c->rcv_nxt == seq_add(\at(c->rcv_nxt, Pre),
                                             text_taken(from, \at(c->rcv_nxt, Pre), \at(c->rcv_wnd, Pre),
                                                        seq, seg->len)); */
    /*@ assert fin_at: end == seq_add(seq, seg->len); */
    if (fin_new != 0u && c->rcv_nxt == end) {
        c->rcv_nxt += 1u;
        r = (uint8_t)(r | PROC_NEED_ACK);
    }
    return r;
}

/* "fifth, check the ACK field" for a segment with the ACK bit on: a new ACK (process_new_ack),
   then the send window (process_window). Returns process_new_ack's PROC_ACKED. */
/*@ requires valid_conn(c) && valid_segment(seg) && \separated(seg, c);
    assigns c->snd_una, c->snd_wnd, c->max_snd_wnd, c->snd_wl1, c->snd_wl2, c->flags, c->srtt,
            c->rttvar, c->retries, c->rto_since, c->backoff, c->timer, c->deadline;
    ensures valid_conn(c);
    ensures una_new: ack_is_new(\old(c->snd_una), \old(seg->ack), \old(c->snd_nxt))
            ==> c->snd_una == \old(seg->ack) && c->retries == 0;
    ensures una_kept: !ack_is_new(\old(c->snd_una), \old(seg->ack), \old(c->snd_nxt))
            ==> c->snd_una == \old(c->snd_una);
    ensures wnd_taken: window_taken(from, \old(c->snd_una), \old(c->snd_nxt),
                                    \old(c->snd_wl1), \old(c->snd_wl2), \old(seg->seq), \old(seg->ack))
            ==> c->snd_wnd == \old(seg->window) && c->snd_wl1 == \old(seg->seq)
                && c->snd_wl2 == \old(seg->ack)
                && c->max_snd_wnd == max_snd_wnd_after(\old(c->max_snd_wnd), \old(seg->window));
    ensures wnd_kept: !window_taken(from, \old(c->snd_una), \old(c->snd_nxt),
                                    \old(c->snd_wl1), \old(c->snd_wl2), \old(seg->seq), \old(seg->ack))
            ==> c->snd_wnd == \old(c->snd_wnd) && c->snd_wl1 == \old(c->snd_wl1)
                && c->snd_wl2 == \old(c->snd_wl2) && c->max_snd_wnd == \old(c->max_snd_wnd);
*/
static uint8_t process_ack(struct tcpfsm_conn *c, uint8_t from, const struct tcpfsm_segment *seg,
                           tcpfsm_time_t now)
{
    uint8_t r = 0u;

    if (ack_acceptable(c, seg->ack) != 0)
        r = process_new_ack(c, seg->ack, now);
    /* the proof, in steps: SND.UNA is SEG.ACK after a new ACK, so the window test of
       process_window is the one on the SND.UNA before the segment */
    /*@ assert ack_updates_window(c->snd_una, seg->ack, c->snd_nxt)
               <==> ack_updates_window(\at(c->snd_una, Pre), seg->ack, c->snd_nxt); */
    /*@ assert c->snd_wl1 == \at(c->snd_wl1, Pre) && c->snd_wl2 == \at(c->snd_wl2, Pre); */
    process_window(c, from, seg, now);
    return r;
}

/* "fifth, check the ACK field": "if the ACK bit is off, drop the segment and return"; with the bit
   on, process_ack. (A function of its own so that the caller sees its effects through this
   contract, with no branch to join.) */
/*@ requires valid_conn(c) && valid_segment(seg) && \separated(seg, c);
    assigns c->snd_una, c->snd_wnd, c->max_snd_wnd, c->snd_wl1, c->snd_wl2, c->flags, c->srtt,
            c->rttvar, c->retries, c->rto_since, c->backoff, c->timer, c->deadline;
    ensures valid_conn(c);
    ensures una_new: seg_has_ack(\old(seg->flags)) && ack_is_new(\old(c->snd_una), \old(seg->ack), \old(c->snd_nxt))
            ==> c->snd_una == \old(seg->ack) && c->retries == 0;
    ensures una_kept: !(seg_has_ack(\old(seg->flags)) && ack_is_new(\old(c->snd_una), \old(seg->ack), \old(c->snd_nxt)))
            ==> c->snd_una == \old(c->snd_una);
    ensures wnd_taken: seg_has_ack(\old(seg->flags)) && window_taken(from, \old(c->snd_una), \old(c->snd_nxt),
                                    \old(c->snd_wl1), \old(c->snd_wl2), \old(seg->seq), \old(seg->ack))
            ==> c->snd_wnd == \old(seg->window) && c->snd_wl1 == \old(seg->seq)
                && c->snd_wl2 == \old(seg->ack)
                && c->max_snd_wnd == max_snd_wnd_after(\old(c->max_snd_wnd), \old(seg->window));
    ensures wnd_kept: !(seg_has_ack(\old(seg->flags)) && window_taken(from, \old(c->snd_una), \old(c->snd_nxt),
                                    \old(c->snd_wl1), \old(c->snd_wl2), \old(seg->seq), \old(seg->ack)))
            ==> c->snd_wnd == \old(c->snd_wnd) && c->snd_wl1 == \old(c->snd_wl1)
                && c->snd_wl2 == \old(c->snd_wl2) && c->max_snd_wnd == \old(c->max_snd_wnd);
*/
static uint8_t process_ack_field(struct tcpfsm_conn *c, uint8_t from, const struct tcpfsm_segment *seg,
                                 tcpfsm_time_t now)
{
    /* (every row that processes a segment is taken by one with the ACK bit on: the classifier
       drops the others first; the test is the RFC's and this contract's all the same) */
    return (seg->flags & TCPFSM_ACK) != 0u ? process_ack(c, from, seg, now) : 0u;
}

/* The "process" action: the ACK (SND.UNA, SND.WND, RTT, retransmission timer) and the text
   (RCV.NXT) of an acceptable segment; `from` is the state the segment arrived in. Returns PROC_*
   bits. */
/*@ requires valid_conn(c) && valid_segment(seg) && \separated(seg, c);
    assigns c->snd_una, c->snd_wnd, c->max_snd_wnd, c->snd_wl1, c->snd_wl2, c->rcv_nxt, c->rcv_wnd,
            c->flags, c->srtt, c->rttvar, c->retries, c->rto_since, c->backoff, c->timer, c->deadline;
    ensures valid_conn(c);
    // fifth, the ACK field: SND.UNA moves to SEG.ACK on a new ACK only, and the counter restarts
    ensures una_new: seg_has_ack(\old(seg->flags)) && ack_is_new(\old(c->snd_una), \old(seg->ack), \old(c->snd_nxt))
            ==> c->snd_una == \old(seg->ack) && c->retries == 0;
    ensures una_kept: !(seg_has_ack(\old(seg->flags)) && ack_is_new(\old(c->snd_una), \old(seg->ack), \old(c->snd_nxt)))
            ==> c->snd_una == \old(c->snd_una);
    // the send window, with SND.WL1 / SND.WL2, and MAX.SND.WND
    ensures wnd_taken: seg_has_ack(\old(seg->flags)) && window_taken(from, \old(c->snd_una), \old(c->snd_nxt),
                                    \old(c->snd_wl1), \old(c->snd_wl2), \old(seg->seq), \old(seg->ack))
            ==> c->snd_wnd == \old(seg->window) && c->snd_wl1 == \old(seg->seq)
                && c->snd_wl2 == \old(seg->ack)
                && c->max_snd_wnd == max_snd_wnd_after(\old(c->max_snd_wnd), \old(seg->window));
    ensures wnd_kept: !(seg_has_ack(\old(seg->flags)) && window_taken(from, \old(c->snd_una), \old(c->snd_nxt),
                                    \old(c->snd_wl1), \old(c->snd_wl2), \old(seg->seq), \old(seg->ack)))
            ==> c->snd_wnd == \old(c->snd_wnd) && c->snd_wl1 == \old(c->snd_wl1)
                && c->snd_wl2 == \old(c->snd_wl2) && c->max_snd_wnd == \old(c->max_snd_wnd);
    // seventh and eighth: the text and the FIN (after SYN-SENT's "RCV.NXT is set to SEG.SEQ+1")
    ensures rcv_wnd: c->rcv_wnd == \old(c->rcv_wnd)
              - text_taken(from, rcv_nxt_syn(from, \old(seg->flags), \old(seg->seq), \old(c->rcv_nxt)),
                           \old(c->rcv_wnd), text_seq(\old(seg->flags), \old(seg->seq)), \old(seg->len));
    ensures rcv_nxt: c->rcv_nxt == rcv_nxt_after(from,
                                    rcv_nxt_syn(from, \old(seg->flags), \old(seg->seq), \old(c->rcv_nxt)),
                                    \old(c->rcv_wnd), text_seq(\old(seg->flags), \old(seg->seq)),
                                    \old(seg->len), fin_new);
*/
static uint8_t process_segment(struct tcpfsm_conn *c, uint8_t from, const struct tcpfsm_segment *seg,
                               uint8_t fin_new, tcpfsm_time_t now)
{
    uint32_t seq = seg->seq;
    uint8_t r = 0u;

    if ((seg->flags & TCPFSM_SYN) != 0u) {
        /* SYN-SENT: "RCV.NXT is set to SEG.SEQ+1, IRS is set to SEG.SEQ" */
        if (from == (uint8_t)TCPFSM_SYN_SENT)
            c->rcv_nxt = seq + 1u;
        seq += 1u;   /* the text starts after the SYN */
    }
    /* the proof, in steps: the text starts after the SYN, at the RCV.NXT the SYN set */
    /*@ assert seq == text_seq(seg->flags, seg->seq); */
    /*@ assert c->rcv_nxt == rcv_nxt_syn(from, seg->flags, seg->seq, \at(c->rcv_nxt, Pre)); */
    /*@ ghost uint32_t rcv_nxt_text = c->rcv_nxt; */
    r = process_ack_field(c, from, seg, now);
    /*@ assert c->rcv_nxt == rcv_nxt_text && c->rcv_wnd == \at(c->rcv_wnd, Pre); */
    /*@ assert seg_has_ack(seg->flags)
               && window_taken(from, \at(c->snd_una, Pre), \at(c->snd_nxt, Pre), \at(c->snd_wl1, Pre),
                               \at(c->snd_wl2, Pre), seg->seq, seg->ack)
               ==> c->snd_wnd == seg->window && c->snd_wl1 == seg->seq && c->snd_wl2 == seg->ack
                   && c->max_snd_wnd == max_snd_wnd_after(\at(c->max_snd_wnd, Pre), seg->window); */
    /*@ assert !(seg_has_ack(seg->flags)
                 && window_taken(from, \at(c->snd_una, Pre), \at(c->snd_nxt, Pre), \at(c->snd_wl1, Pre),
                                 \at(c->snd_wl2, Pre), seg->seq, seg->ack))
               ==> c->snd_wnd == \at(c->snd_wnd, Pre) && c->snd_wl1 == \at(c->snd_wl1, Pre)
                   && c->snd_wl2 == \at(c->snd_wl2, Pre) && c->max_snd_wnd == \at(c->max_snd_wnd, Pre); */
    return (uint8_t)(r | process_text(c, from, seg, seq, fin_new));
}

/* The text the host sees (tcpfsm_output's data_seq, data_off, data_len), from the connection as it
   stands before process_segment: the octets of the segment's text that process_text takes (the
   same tests: text_taken, from the RCV.NXT after SYN-SENT's SYN), at offset RCV.NXT - SEG.SEQ of
   the text; or else its in-window text beyond RCV.NXT, which the host may hold (RFC 9293
   3.10.7.4, SHLD-31: text_held), with PROC_HELD. (A function of its own: its goals see only the
   numbers, and its callers only the three fields it writes.) */
/*@ requires valid_conn(c) && valid_segment(seg) && \valid(out);
    requires \separated(c, out) && \separated(seg, out) && \separated(out, c->cfg);
    assigns out->data_seq, out->data_off, out->data_len;
    ensures \result == 0 || \result == PROC_HELD;
    ensures taken: \result == 0 ==>
            out->data_len == text_taken(from, rcv_nxt_syn(from, seg->flags, seg->seq, c->rcv_nxt),
                                        c->rcv_wnd, text_seq(seg->flags, seg->seq), seg->len);
    ensures taken_at: \result == 0 && out->data_len > 0 ==>
            out->data_seq == rcv_nxt_syn(from, seg->flags, seg->seq, c->rcv_nxt)
            && out->data_off == text_offset(rcv_nxt_syn(from, seg->flags, seg->seq, c->rcv_nxt),
                                            text_seq(seg->flags, seg->seq));
    ensures held: \result == PROC_HELD ==>
            text_taken(from, rcv_nxt_syn(from, seg->flags, seg->seq, c->rcv_nxt),
                       c->rcv_wnd, text_seq(seg->flags, seg->seq), seg->len) == 0
            && out->data_len > 0
            && out->data_len == text_held(from, rcv_nxt_syn(from, seg->flags, seg->seq, c->rcv_nxt),
                                          c->rcv_wnd, text_seq(seg->flags, seg->seq), seg->len)
            && out->data_seq == text_seq(seg->flags, seg->seq) && out->data_off == 0;
    ensures not_held: \result == 0 ==>
            text_held(from, rcv_nxt_syn(from, seg->flags, seg->seq, c->rcv_nxt),
                      c->rcv_wnd, text_seq(seg->flags, seg->seq), seg->len) == 0
            || out->data_len > 0;
    ensures valid_conn(c) && c->state == \old(c->state);
*/
static uint8_t text_range(const struct tcpfsm_conn *c, uint8_t from, const struct tcpfsm_segment *seg,
                          struct tcpfsm_output *out)
{
    uint32_t seq = seg->seq;
    uint32_t rcv_nxt = c->rcv_nxt;
    uint32_t wnd = c->rcv_wnd;
    uint32_t len = seg->len;
    uint32_t start = 0u;
    uint32_t n = 0u;
    uint32_t off = 0u;
    uint8_t r = 0u;

    if ((seg->flags & TCPFSM_SYN) != 0u) {
        if (from == (uint8_t)TCPFSM_SYN_SENT)
            rcv_nxt = seq + 1u;
        seq += 1u;
    }
    /*@ assert seq == text_seq(seg->flags, seg->seq); */
    /*@ assert rcv_nxt == rcv_nxt_syn(from, seg->flags, seg->seq, c->rcv_nxt); */
    if (len > 0u && takes_text(from) != 0) {
        if (tcpfsm_seq_le(seq, rcv_nxt) != 0 && tcpfsm_seq_lt(rcv_nxt, seq + len) != 0) {
            /* in order: the new octets from RCV.NXT, as many as the window takes */
            n = seq + len - rcv_nxt;
            if (n > wnd)
                n = wnd;
            /*@ assert n == text_taken(from, rcv_nxt, wnd, seq, len); */
            off = rcv_nxt - seq;
            /*@ assert off == text_offset(rcv_nxt, seq); */
            start = rcv_nxt;
            /*@ assert n == 0 ==> text_held(from, rcv_nxt, wnd, seq, len) == 0; */
        } else {
            /*@ assert text_taken(from, rcv_nxt, wnd, seq, len) == 0; */
            if (tcpfsm_seq_lt(rcv_nxt, seq) != 0 && seq - rcv_nxt < wnd) {
                /* beyond RCV.NXT and inside the window: up to its right edge */
                n = wnd - (seq - rcv_nxt);
                if (n > len)
                    n = len;
                /*@ assert n > 0 && n == text_held(from, rcv_nxt, wnd, seq, len); */
                start = seq;
                r = (uint8_t)PROC_HELD;
            } else {
                /*@ assert text_held(from, rcv_nxt, wnd, seq, len) == 0; */
            }
        }
    } else {
        /*@ assert text_taken(from, rcv_nxt, wnd, seq, len) == 0; */
        /*@ assert text_held(from, rcv_nxt, wnd, seq, len) == 0; */
    }
    out->data_seq = start;
    out->data_off = off;
    out->data_len = n;
    return r;
}

/* ============================================================ applying a row */

/* Per-call inputs the actions need. */
struct call {
    const struct tcpfsm_segment *seg;  /* the arriving segment, NULL for user calls and timers */
    tcpfsm_time_t now;
    uint32_t iss;                      /* OPEN: the ISS from the caller */
    uint8_t fin_new;                   /* classifier: the segment carries a new in-order FIN */
    uint8_t timer_fired;               /* a timer event: the timer stops before the row's actions */
    uint8_t passive_open;              /* OPEN_PASSIVE: record the ISS for the SYN+ACK to come */
};

/* Passive OPEN: the ISS this listener will send in its SYN+ACK. */
/*@ requires valid_conn(c);
    assigns c->iss, c->snd_una, c->snd_nxt, c->rcv_wnd, c->flags, c->backoff;
    ensures valid_conn(c);
    ensures c->iss == iss && c->snd_una == iss && c->snd_nxt == iss;
    ensures c->rcv_wnd == c->cfg->window;
*/
static void open_passive(struct tcpfsm_conn *c, uint32_t iss)
{
    c->iss = iss;
    c->snd_una = iss;
    c->snd_nxt = iss;
    c->rcv_wnd = c->cfg->window;
    c->flags = 0u;
    c->backoff = 0u;
}

/* OPEN (send_syn): "An initial send sequence number (ISS) is selected ... SND.UNA to ISS,
   SND.NXT to ISS+1" */
/*@ requires valid_conn(c);
    assigns c->iss, c->snd_una, c->snd_nxt, c->rcv_wnd, c->snd_wnd, c->max_snd_wnd, c->flags,
            c->retries, c->rto_since, c->backoff, c->rtt_seq, c->rtt_start;
    ensures valid_conn(c);
    ensures c->iss == iss && c->snd_una == iss && c->snd_nxt == seq_add(iss, 1);
    ensures c->rcv_wnd == c->cfg->window && c->snd_wnd == 0 && c->max_snd_wnd == 0;
    ensures c->retries == 0;
*/
static void open_active(struct tcpfsm_conn *c, uint32_t iss, tcpfsm_time_t now)
{
    c->iss = iss;
    c->snd_una = iss;
    c->snd_nxt = iss + 1u;
    c->rcv_wnd = c->cfg->window;
    c->snd_wnd = 0u;
    c->max_snd_wnd = 0u;
    c->flags = 0u;
    c->retries = 0u;
    c->rto_since = (uint32_t)now;
    c->backoff = 0u;
    rtt_start(c, iss, now);
}

/* reopen: "IRS := SEG.SEQ, ISS := old SND.NXT + 65537" (a new incarnation from TIME-WAIT, RFC 9293
   3.6.1); the SYN+ACK is sent by actions_emit. */
/*@ requires valid_conn(c);
    assigns c->iss, c->snd_una, c->snd_nxt, c->rcv_nxt, c->snd_queued, c->rcv_wnd, c->snd_wnd,
            c->max_snd_wnd, c->flags, c->backoff, c->rtt_seq, c->rtt_start;
    ensures valid_conn(c);
    ensures c->iss == seq_add(\old(c->snd_nxt), 65537);
    ensures c->snd_una == c->iss && c->snd_nxt == seq_add(c->iss, 1) && c->rcv_nxt == seq;
    ensures c->snd_queued == 0 && c->rcv_wnd == c->cfg->window;
    ensures c->snd_wnd == 0 && c->max_snd_wnd == 0;
*/
static void open_reopen(struct tcpfsm_conn *c, uint32_t seq, tcpfsm_time_t now)
{
    uint32_t iss = c->snd_nxt + 65537u;

    c->iss = iss;
    c->snd_una = iss;
    c->snd_nxt = iss + 1u;
    c->rcv_nxt = seq;
    c->snd_queued = 0u;
    c->rcv_wnd = c->cfg->window;
    c->snd_wnd = 0u;         /* the old incarnation's window is not the new peer's */
    c->max_snd_wnd = 0u;
    c->flags = (uint8_t)(c->flags & TCPFSM_F_HAVE_RTT);
    c->backoff = 0u;
    rtt_start(c, iss, now);
}

/* A SYN answered with a SYN+ACK (send_syn_ack, not a retransmission): "Set RCV.NXT to
   SEG.SEQ+1, IRS is set to SEG.SEQ" and the window from the SYN; from LISTEN also "ISS should be
   selected and a SYN segment sent ... SND.NXT is set to ISS+1 and SND.UNA to ISS". */
/*@ requires valid_conn(c) && valid_segment(seg) && \separated(seg, c);
    assigns c->rcv_nxt, c->snd_wnd, c->max_snd_wnd, c->snd_wl1, c->snd_wl2, c->retries, c->rto_since, c->snd_una,
            c->snd_nxt, c->rcv_wnd, c->flags, c->backoff, c->rtt_seq, c->rtt_start;
    ensures valid_conn(c);
    ensures c->rcv_nxt == seq_add(\old(seg->seq), 1);
    ensures c->snd_wnd == \old(seg->window) && c->max_snd_wnd == \old(seg->window);
    ensures c->snd_wl1 == \old(seg->seq) && c->snd_wl2 == \old(seg->ack);
    ensures c->retries == 0;
    ensures from == TCPFSM_LISTEN ==> c->snd_una == c->iss && c->snd_nxt == seq_add(c->iss, 1)
                                      && c->rcv_wnd == c->cfg->window;
    ensures from != TCPFSM_LISTEN ==> c->snd_una == \old(c->snd_una) && c->snd_nxt == \old(c->snd_nxt)
                                      && c->rcv_wnd == \old(c->rcv_wnd);
    // RFC 9293 3.10.7.4: "If this connection was initiated with a passive OPEN (i.e., came from
    // the LISTEN state)": the guard passive_open reads this flag
    ensures from == TCPFSM_LISTEN ==> (c->flags & TCPFSM_F_PASSIVE) != 0;
*/
static void open_syn_received(struct tcpfsm_conn *c, uint8_t from, const struct tcpfsm_segment *seg,
                              tcpfsm_time_t now)
{
    c->rcv_nxt = seg->seq + 1u;
    /* SYN-SENT: "Set the variables: SND.WND <- SEG.WND, SND.WL1 <- SEG.SEQ, SND.WL2 <- SEG.ACK"
       (LISTEN: the window of the SYN, too) */
    c->snd_wnd = seg->window;
    c->snd_wl1 = seg->seq;
    c->snd_wl2 = seg->ack;
    c->max_snd_wnd = seg->window;
    c->retries = 0u;
    c->rto_since = (uint32_t)now;
    if (from == (uint8_t)TCPFSM_LISTEN) {
        c->snd_una = c->iss;
        c->snd_nxt = c->iss + 1u;
        c->rcv_wnd = c->cfg->window;
        c->flags = (uint8_t)((c->flags & TCPFSM_F_HAVE_RTT) | TCPFSM_F_PASSIVE);
        c->backoff = 0u;
        rtt_start(c, c->iss, now);
    }
}

/* A SYN arriving in SYN-SENT: nothing has been received yet, so RCV.WND is the whole receive
   buffer as it is now (RFC 9293 3.10.7.4 seventh: RCV.WND is adjusted "as appropriate to the
   current buffer availability"); the host may have sized the buffer since OPEN from the SYN's MSS
   option (a host that keeps a configuration per connection, as FreeBSD's tcp_mss() rounds the
   buffer up to a multiple of the MSS). */
/*@ requires valid_conn(c);
    assigns c->rcv_wnd;
    ensures valid_conn(c);
    ensures c->rcv_wnd == c->cfg->window;
*/
static void syn_sent_window(struct tcpfsm_conn *c)
{
    c->rcv_wnd = c->cfg->window;
}

/* The peer's SYN (or SYN+ACK) sets the send MSS (RFC 9293 3.7.1, send_mss): its MSS option, or
   TCPFSM_DEFAULT_MSS without one, at most cfg->mss. */
/*@ requires valid_conn(c) && valid_segment(seg) && \separated(seg, c);
    assigns c->snd_mss;
    ensures valid_conn(c);
    ensures c->snd_mss == send_mss(c->cfg->mss, \old(seg->mss));
*/
static void take_peer_mss(struct tcpfsm_conn *c, const struct tcpfsm_segment *seg)
{
    uint16_t mss = seg->mss != 0u ? seg->mss : (uint16_t)TCPFSM_DEFAULT_MSS;

    c->snd_mss = mss < c->cfg->mss ? mss : c->cfg->mss;
}

/* The state variables of the row's actions that come before the segment is processed (the
   helpers above), the send MSS from a SYN that synchronizes (take_peer_mss), and cancel_rto (done first, so that processing the ACK does not re-arm the
   timer). */
/*@ requires valid_conn(c);
    requires k.seg == \null || valid_segment(k.seg);
    requires k.seg != \null ==> \separated(k.seg, c);
    assigns c->iss, c->snd_una, c->snd_nxt, c->rcv_nxt, c->snd_queued, c->rcv_wnd, c->snd_wnd,
            c->max_snd_wnd, c->snd_wl1, c->snd_wl2, c->flags, c->backoff, c->retries, c->rto_since, c->rtt_seq,
            c->rtt_start, c->timer, c->deadline, c->snd_mss;
    ensures valid_conn(c);
    // RFC 9293 3.7.1: the SYN of the peer, in SYN-SENT (a SYN+ACK, or a SYN of a simultaneous
    // open) or answered with our SYN+ACK (LISTEN, TIME-WAIT reopening), sets the send MSS
    ensures snd_mss_from_syn:
      k.seg != \null && (\old(k.seg->flags) & TCPFSM_SYN) != 0
      && (from == TCPFSM_SYN_SENT
          || ((actions & TCPFSM_ACT_SEND_SYN_ACK) != 0 && from != TCPFSM_SYN_RECEIVED))
      ==> c->snd_mss == send_mss(c->cfg->mss, \old(k.seg->mss));
    ensures snd_mss_kept:
      !(k.seg != \null && (\old(k.seg->flags) & TCPFSM_SYN) != 0
        && (from == TCPFSM_SYN_SENT
            || ((actions & TCPFSM_ACT_SEND_SYN_ACK) != 0 && from != TCPFSM_SYN_RECEIVED)))
      ==> c->snd_mss == \old(c->snd_mss);
*/
static void actions_open(struct tcpfsm_conn *c, uint8_t from, uint32_t actions, struct call k)
{
    if (k.passive_open != 0u)
        open_passive(c, k.iss);
    if (k.seg != NULL && from == (uint8_t)TCPFSM_SYN_SENT && (k.seg->flags & TCPFSM_SYN) != 0u)
        syn_sent_window(c);
    if ((actions & TCPFSM_ACT_REOPEN) != 0u && k.seg != NULL)
        open_reopen(c, k.seg->seq, k.now);
    if ((actions & TCPFSM_ACT_SEND_SYN) != 0u)
        open_active(c, k.iss, k.now);
    if ((actions & TCPFSM_ACT_SEND_SYN_ACK) != 0u && k.seg != NULL
        && (k.seg->flags & TCPFSM_SYN) != 0u && from != (uint8_t)TCPFSM_SYN_RECEIVED)
        open_syn_received(c, from, k.seg, k.now);
    if (k.seg != NULL && (k.seg->flags & TCPFSM_SYN) != 0u
        && (from == (uint8_t)TCPFSM_SYN_SENT
            || ((actions & TCPFSM_ACT_SEND_SYN_ACK) != 0u && from != (uint8_t)TCPFSM_SYN_RECEIVED)))
        take_peer_mss(c, k.seg);
    if ((actions & TCPFSM_ACT_CANCEL_RTO) != 0u && c->timer == TCPFSM_TIMER_RTO)
        timer_stop(c);
}

/* retransmit (Karn: a retransmitted segment gives no RTT sample; RFC 6298 5.5 backs the timer
   off) and send_fin (queue the FIN behind the data); then the timers of the row. */
/*@ requires valid_conn(c);
    assigns c->flags, c->retries, c->rto_since, c->backoff, c->timer, c->deadline;
    ensures valid_conn(c);
    // RFC 6298 5.6: "Start the retransmission timer, such that it expires after RTO seconds (for
    // the value of RTO after the doubling operation outlined in 5.5)"
    ensures rto: (actions & TCPFSM_ACT_ARM_RTO) != 0 && rto_state(c->state)
                 ==> c->timer == TCPFSM_TIMER_RTO && c->deadline == deadline_of(now, rto_delay(c, now));
    // RFC 9293 3.10.7.4: "Start the time-wait timer"; TIME-WAIT: "Acknowledge it, and restart
    // the 2 MSL timeout"
    ensures time_wait: (actions & TCPFSM_ACT_ARM_TIME_WAIT) != 0 && c->state == TCPFSM_TIME_WAIT
                       ==> c->timer == TCPFSM_TIMER_TIME_WAIT
                           && c->deadline == deadline_of(now, 2 * c->cfg->msl);
    ensures fin_wait_2: (actions & TCPFSM_ACT_ARM_FIN_WAIT_2) != 0 && c->state == TCPFSM_FIN_WAIT_2
                        && c->cfg->fin_wait_2_timeout != 0
                        ==> c->timer == TCPFSM_TIMER_FIN_WAIT_2
                            && c->deadline == deadline_of(now, c->cfg->fin_wait_2_timeout);
    ensures no_fin_wait_2_timer: (actions & TCPFSM_ACT_ARM_FIN_WAIT_2) != 0
                                 && c->state == TCPFSM_FIN_WAIT_2 && c->cfg->fin_wait_2_timeout == 0
                                 ==> c->timer == \old(c->timer) && c->deadline == \old(c->deadline);
    ensures no_arm: (actions & (TCPFSM_ACT_ARM_RTO | TCPFSM_ACT_ARM_TIME_WAIT
                                | TCPFSM_ACT_ARM_FIN_WAIT_2)) == 0
                    ==> c->timer == \old(c->timer) && c->deadline == \old(c->deadline);
    behavior retransmit:   // RFC 6298 5.4, 5.5; RFC 6298 3 (Karn)
      assumes (actions & TCPFSM_ACT_RETRANSMIT) != 0;
      ensures karn: (c->flags & TCPFSM_F_RTT_TIMING) == 0;
      ensures send_fin: (actions & TCPFSM_ACT_SEND_FIN) != 0 ==> (c->flags & TCPFSM_F_FIN_PENDING) != 0;
      ensures retries: c->retries == (\old(c->retries) < 255 ? \old(c->retries) + 1 : 255);
      ensures backoff: c->backoff == (\old(c->backoff) < 32 ? \old(c->backoff) + 1 : 32);
    behavior no_retransmit:
      assumes (actions & TCPFSM_ACT_RETRANSMIT) == 0;
      ensures c->backoff == \old(c->backoff);
      ensures send_fin: (actions & TCPFSM_ACT_SEND_FIN) != 0 ==> (c->flags & TCPFSM_F_FIN_PENDING) != 0;
      ensures new_timer: (actions & TCPFSM_ACT_ARM_RTO) != 0 && rto_state(c->state)
                         && \old(c->timer) != TCPFSM_TIMER_RTO
                         ==> c->retries == 0 && c->rto_since == (uint32_t)now;
      ensures same_timer: (actions & TCPFSM_ACT_ARM_RTO) == 0 || \old(c->timer) == TCPFSM_TIMER_RTO
                          ==> c->retries == \old(c->retries);
    complete behaviors;
    disjoint behaviors;
*/
static void actions_timers(struct tcpfsm_conn *c, uint32_t actions, tcpfsm_time_t now)
{
    if ((actions & TCPFSM_ACT_RETRANSMIT) != 0u) {
        if (c->retries < UINT8_MAX)
            c->retries = (uint8_t)(c->retries + 1u);
        if (c->backoff < 32u)
            c->backoff = c->backoff + 1u;
    }
    if ((actions & TCPFSM_ACT_SEND_FIN) != 0u)
        c->flags = (uint8_t)(c->flags | TCPFSM_F_FIN_PENDING);
    /* Karn (RFC 6298 3): "RTT samples MUST NOT be made using segments that were retransmitted" */
    if ((actions & TCPFSM_ACT_RETRANSMIT) != 0u)
        c->flags = (uint8_t)(c->flags & ~TCPFSM_F_RTT_TIMING);
    /* Each timer is armed only in the state it runs in (valid_timers); the rows that arm one
       enter that state, so the state tests only make this a property of the function too. */
    if ((actions & TCPFSM_ACT_ARM_RTO) != 0u
        && timer_runs_in(c->state, (uint8_t)TCPFSM_TIMER_RTO) != 0) {
        if ((actions & TCPFSM_ACT_RETRANSMIT) == 0u && c->timer != TCPFSM_TIMER_RTO) {
            c->retries = 0u;
            c->rto_since = (uint32_t)now;
        }
        timer_arm_rto(c, now);
    }
    if ((actions & TCPFSM_ACT_ARM_TIME_WAIT) != 0u && c->state == (uint8_t)TCPFSM_TIME_WAIT) {
        /* 3.10.8 / 3.10.7.4: "Start the time-wait timer" for 2 MSL */
        c->deadline = deadline_after(now, 2u * (uint64_t)c->cfg->msl);
        c->timer = TCPFSM_TIMER_TIME_WAIT;
    }
    /* A fin_wait_2_timeout of 0 means no FIN-WAIT-2 timer (RFC 9293 has none); the row that
       arms it has cancelled the retransmission timer already. */
    if ((actions & TCPFSM_ACT_ARM_FIN_WAIT_2) != 0u && c->state == (uint8_t)TCPFSM_FIN_WAIT_2
        && c->cfg->fin_wait_2_timeout != 0u) {
        c->deadline = deadline_after(now, c->cfg->fin_wait_2_timeout);
        c->timer = TCPFSM_TIMER_FIN_WAIT_2;
    }
}

/* The signals of processing the segment: TCPFSM_SIG_ACKED (SND.UNA advanced), TCPFSM_SIG_DATA
   (RCV.NXT advanced over new text), TCPFSM_SIG_OUT_OF_ORDER (text beyond RCV.NXT the host may
   keep). */
/*@ logic integer proc_signals(integer proc) =
        ((proc & PROC_ACKED) != 0 ? TCPFSM_SIG_ACKED : 0)
        + ((proc & PROC_DATA) != 0 ? TCPFSM_SIG_DATA : 0)
        + ((proc & PROC_HELD) != 0 ? TCPFSM_SIG_OUT_OF_ORDER : 0);
*/
/*@ assigns \nothing;
    ensures \result == proc_signals(proc);
*/
static uint16_t proc_signal_bits(uint8_t proc)
{
    uint16_t sig = 0u;

    if ((proc & PROC_ACKED) != 0u)
        sig = (uint16_t)(sig + TCPFSM_SIG_ACKED);
    if ((proc & PROC_DATA) != 0u)
        sig = (uint16_t)(sig + TCPFSM_SIG_DATA);
    if ((proc & PROC_HELD) != 0u)
        sig = (uint16_t)(sig + TCPFSM_SIG_OUT_OF_ORDER);
    return sig;
}

/* The signal bits of the row's actions: row_signals. */
/*@ assigns \nothing;
    ensures \result == row_signals(actions);
*/
static uint16_t row_signal_bits(uint32_t actions)
{
    uint16_t sig = 0u;

    if ((actions & TCPFSM_ACT_SIGNAL_CONNECTED) != 0u)
        sig = (uint16_t)(sig + TCPFSM_SIG_CONNECTED);
    if ((actions & TCPFSM_ACT_SIGNAL_PEER_CLOSED) != 0u)
        sig = (uint16_t)(sig + TCPFSM_SIG_PEER_CLOSED);
    if ((actions & TCPFSM_ACT_SIGNAL_RESET) != 0u)
        sig = (uint16_t)(sig + TCPFSM_SIG_RESET);
    if ((actions & TCPFSM_ACT_SIGNAL_REFUSED) != 0u)
        sig = (uint16_t)(sig + TCPFSM_SIG_REFUSED);
    if ((actions & TCPFSM_ACT_SIGNAL_TIMEOUT) != 0u)
        sig = (uint16_t)(sig + TCPFSM_SIG_TIMEOUT);
    if ((actions & TCPFSM_ACT_SIGNAL_CLOSED) != 0u)
        sig = (uint16_t)(sig + TCPFSM_SIG_CLOSED);
    if ((actions & TCPFSM_ACT_SIGNAL_LISTEN) != 0u)
        sig = (uint16_t)(sig + TCPFSM_SIG_LISTEN);
    if ((actions & TCPFSM_ACT_SIGNAL_REOPENED) != 0u)
        sig = (uint16_t)(sig + TCPFSM_SIG_REOPENED);
    return sig;
}

/* The row's signals to the application, and those of processing the segment. */
/*@ requires valid_conn(c) && \valid(out) && \separated(c, out) && \separated(out, c->cfg);
    assigns out->events;
    ensures valid_conn(c) && c->state == \old(c->state);
    ensures signals: out->events == (uint16_t)(\old(out->events) | proc_signals(proc)
                                               | row_signals(actions));
*/
static void actions_signals(const struct tcpfsm_conn *c, struct tcpfsm_output *out, uint32_t actions,
                            uint8_t proc)
{
    uint32_t ev = out->events;
    uint32_t proc_sig = proc_signal_bits(proc);
    uint32_t sig = row_signal_bits(actions);

    (void)c;   /* in the contract only: the connection block is not touched */
    out->events = (uint16_t)(ev | proc_sig | sig);
}

/* The connection block is not touched by emitting a segment: each wrapper below states it, so
   that its callers need not re-derive valid_conn from \separated after emit. */

/* The knob syn_rst_from_tcb: the RST of a row that drops the connection in reply to a segment (an
   in-window SYN with rfc5961_syn off), formed from the connection as FreeBSD's tcp_drop() does:
   <SEQ=SND.NXT><ACK=RCV.NXT><CTL=RST,ACK>. */
/*@ requires valid_conn(c) && valid_output(out) && \separated(c, out) && \separated(out, c->cfg);
    requires out->count < TCPFSM_MAX_SEGMENTS;
    assigns out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_output(out);
    ensures one_appended{Pre, Post}(out) && syn_rst_from_tcb(last_segment(out), c);
    ensures valid_conn(c) && c->state == \old(c->state);
*/
static void emit_tcb_rst(const struct tcpfsm_conn *c, struct tcpfsm_output *out)
{
    emit(out, c->snd_nxt, c->rcv_nxt, (uint16_t)(TCPFSM_RST | TCPFSM_ACK), 0u, 0u, 0u);
    /*@ assert valid_config(c->cfg) && valid_timers(c); */
    /*@ assert valid_accounting(c); */
}

/* ABORT: "Send a reset segment: <SEQ=SND.NXT><CTL=RST>"; with the knob abort_rst_ack,
   <SEQ=SND.NXT><ACK=RCV.NXT><CTL=RST,ACK> as Linux and FreeBSD send it. */
/*@ requires valid_conn(c) && valid_output(out) && \separated(c, out) && \separated(out, c->cfg);
    assigns out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_output(out);
    ensures valid_conn(c) && c->state == \old(c->state);
    behavior room:
      assumes out->count < TCPFSM_MAX_SEGMENTS;
      ensures one_appended{Pre, Post}(out) && abort_rst(last_segment(out), c);
    behavior full:
      assumes out->count >= TCPFSM_MAX_SEGMENTS;
      ensures nothing_appended{Pre, Post}(out);
    complete behaviors;
    disjoint behaviors;
*/
static void emit_abort_rst(const struct tcpfsm_conn *c, struct tcpfsm_output *out)
{
    if (c->cfg->abort_rst_ack != 0u) {
        /* <SEQ=SND.NXT><ACK=RCV.NXT><CTL=RST,ACK>: the reset formed from the connection */
        if (out->count < SEG_MAX)
            emit_tcb_rst(c, out);
    } else {
        emit(out, c->snd_nxt, 0u, (uint16_t)TCPFSM_RST, 0u, 0u, 0u);
        /*@ assert valid_config(c->cfg) && valid_timers(c); */
        /*@ assert valid_accounting(c); */
    }
}

/* <SEQ=ISS><CTL=SYN> */
/*@ requires valid_conn(c) && valid_output(out) && \separated(c, out) && \separated(out, c->cfg);
    assigns out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_output(out);
    ensures valid_conn(c) && c->state == \old(c->state);
    behavior room:
      assumes out->count < TCPFSM_MAX_SEGMENTS;
      ensures one_appended{Pre, Post}(out) && syn_segment(last_segment(out), c);
    behavior full:
      assumes out->count >= TCPFSM_MAX_SEGMENTS;
      ensures nothing_appended{Pre, Post}(out);
    complete behaviors;
    disjoint behaviors;
*/
static void emit_syn(const struct tcpfsm_conn *c, struct tcpfsm_output *out)
{
    if (out->count < SEG_MAX)
        emit_syn_conn(c, out, c->iss, 0u, (uint16_t)TCPFSM_SYN, c->cfg->mss);
}

/* <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK> */
/*@ requires valid_conn(c) && valid_output(out) && \separated(c, out) && \separated(out, c->cfg);
    assigns out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_output(out);
    ensures valid_conn(c) && c->state == \old(c->state);
    behavior room:
      assumes out->count < TCPFSM_MAX_SEGMENTS;
      ensures one_appended{Pre, Post}(out) && syn_ack_segment(last_segment(out), c);
    behavior full:
      assumes out->count >= TCPFSM_MAX_SEGMENTS;
      ensures nothing_appended{Pre, Post}(out);
    complete behaviors;
    disjoint behaviors;
*/
static void emit_syn_ack(const struct tcpfsm_conn *c, struct tcpfsm_output *out)
{
    if (out->count < SEG_MAX)
        emit_syn_conn(c, out, c->iss, c->rcv_nxt, (uint16_t)(TCPFSM_SYN | TCPFSM_ACK), c->cfg->mss);
}

/* The reset in reply to `seg` (emit_reset_reply), if `out` has room. */
/*@ requires valid_conn(c) && valid_output(out) && valid_segment(seg);
    requires \separated(c, out) && \separated(out, c->cfg);
    requires \separated(seg, c) && \separated(seg, out);
    assigns out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_output(out);
    ensures valid_conn(c) && c->state == \old(c->state);
    behavior reply:
      assumes out->count < TCPFSM_MAX_SEGMENTS && rst_replied(*seg);
      ensures one_appended{Pre, Post}(out) && rst_reply(last_segment(out), \old(*seg));
    behavior no_reply:
      assumes out->count >= TCPFSM_MAX_SEGMENTS || !rst_replied(*seg);
      ensures nothing_appended{Pre, Post}(out);
    complete behaviors;
    disjoint behaviors;
*/
static void emit_reset_reply_to(const struct tcpfsm_conn *c, const struct tcpfsm_segment *seg,
                                struct tcpfsm_output *out)
{
    if (out->count < SEG_MAX) {
        emit_reset_reply(out, seg);
        /* steps for the provers, as in emit_conn: the connection block is not touched */
        /*@ assert c->cfg == \at(c->cfg, Pre) && c->state == \at(c->state, Pre); */
        /*@ assert c->timer == \at(c->timer, Pre) && c->deadline == \at(c->deadline, Pre); */
        /*@ assert valid_config(c->cfg) && valid_timers(c); */
        /*@ assert c->rcv_wnd == \at(c->rcv_wnd, Pre); */
        /*@ assert c->cfg->window == \at(c->cfg->window, Pre); */
        /*@ assert c->snd_wnd == \at(c->snd_wnd, Pre); */
        /*@ assert c->max_snd_wnd == \at(c->max_snd_wnd, Pre); */
        /*@ assert c->snd_queued == \at(c->snd_queued, Pre); */
        /*@ assert valid_accounting(c); */
    }
    (void)c;   /* in the contract only: the connection block is not touched */
}

/* A reset for the row (RST): the reply to the segment, or ABORT's reset when there is none. When
   the row drops the connection (`drops`: it signals reset, an in-window SYN with rfc5961_syn off)
   and the knob syn_rst_from_tcb is on, the reset is formed from the connection (emit_tcb_rst). */
/*@ requires valid_conn(c) && valid_output(out);
    requires seg == \null || valid_segment(seg);
    requires \separated(c, out) && \separated(out, c->cfg);
    requires seg != \null ==> \separated(seg, c) && \separated(seg, out);
    assigns out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_conn(c) && valid_output(out) && c->state == \old(c->state);
    behavior tcb_reset:
      assumes seg != \null && drops != 0 && c->cfg->syn_rst_from_tcb != 0
              && out->count < TCPFSM_MAX_SEGMENTS;
      ensures one_appended{Pre, Post}(out) && syn_rst_from_tcb(last_segment(out), c);
    behavior reply:
      assumes seg != \null && !(drops != 0 && c->cfg->syn_rst_from_tcb != 0)
              && out->count < TCPFSM_MAX_SEGMENTS && rst_replied(*seg);
      ensures one_appended{Pre, Post}(out) && rst_reply(last_segment(out), \old(*seg));
    behavior abort:
      assumes seg == \null && out->count < TCPFSM_MAX_SEGMENTS;
      ensures one_appended{Pre, Post}(out) && abort_rst(last_segment(out), c);
    behavior none:
      assumes out->count >= TCPFSM_MAX_SEGMENTS
              || (seg != \null && !(drops != 0 && c->cfg->syn_rst_from_tcb != 0) && !rst_replied(*seg));
      ensures nothing_appended{Pre, Post}(out);
    complete behaviors;
    disjoint behaviors;
*/
static void emit_row_reset(const struct tcpfsm_conn *c, const struct tcpfsm_segment *seg,
                           uint8_t drops, struct tcpfsm_output *out)
{
    if (seg != NULL && drops != 0u && c->cfg->syn_rst_from_tcb != 0u) {
        if (out->count < SEG_MAX)
            emit_tcb_rst(c, out);
    } else if (seg != NULL) {
        emit_reset_reply_to(c, seg, out);
    } else {
        emit_abort_rst(c, out);
    }
}

/* Whether `out` has room for one more segment (a contracted step, so that the caller's goals do
   not carry the read of out->count). */
/*@ requires valid_output(out);
    assigns \nothing;
    ensures \result == (out->count < TCPFSM_MAX_SEGMENTS ? 1 : 0);
*/
static int output_has_room(const struct tcpfsm_output *out)
{
    return out->count < SEG_MAX ? 1 : 0;
}

/* The row's segments before the data: SYN, SYN+ACK, the retransmission, a challenge ACK. */
/*@ requires valid_conn(c) && valid_output(out);
    requires \separated(c, out) && \separated(out, c->cfg);
    assigns c->snd_nxt, c->snd_queued, c->challenge_acks, c->challenge_second,
            out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_conn(c) && valid_output(out) && c->state == \old(c->state);
*/
static void emit_row_control(struct tcpfsm_conn *c, uint32_t actions, tcpfsm_time_t now,
                             struct tcpfsm_output *out)
{
    if ((actions & TCPFSM_ACT_SEND_SYN) != 0u)
        emit_syn(c, out);
    if ((actions & TCPFSM_ACT_SEND_SYN_ACK) != 0u)
        emit_syn_ack(c, out);
    /*@ assert valid_conn(c) && valid_output(out) && c->state == \at(c->state, Pre); */
    if ((actions & TCPFSM_ACT_RETRANSMIT) != 0u && out->count < SEG_MAX)
        emit_retransmission(c, out);
    /*@ assert valid_conn(c) && valid_output(out) && c->state == \at(c->state, Pre); */
    if ((actions & TCPFSM_ACT_SEND_CHALLENGE_ACK) != 0u && output_has_room(out) != 0)
        emit_challenge_ack(c, now, out);
}

/* Queued data and FIN (flush), then the owed ACK (ack_owed != 0) if no data segment carried it;
   reply_to_syn: the segment that owes it carries SYN (emit_owed_ack). */
/*@ requires valid_conn(c) && valid_output(out);
    requires \separated(c, out) && \separated(out, c->cfg);
    assigns c->snd_nxt, c->snd_queued, c->flags, c->rtt_seq, c->rtt_start, c->timer, c->deadline,
            c->retries, c->rto_since, out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_conn(c) && valid_output(out) && c->state == \old(c->state);
*/
static void flush_then_ack(struct tcpfsm_conn *c, tcpfsm_time_t now, uint8_t ack_owed,
                           uint8_t reply_to_syn, struct tcpfsm_output *out)
{
    uint8_t before = out->count;

    flush(c, now, out);
    /*@ assert valid_conn(c) && valid_output(out) && c->state == \at(c->state, Pre); */
    if (ack_owed != 0u && out->count == before && out->count < SEG_MAX)
        emit_owed_ack(c, reply_to_syn, out);
}

/* The row's segments, built after every variable is final: RST, SYN, SYN+ACK, the
   retransmission, a challenge ACK, then queued data and FIN, and an ACK if one is owed. */
/*@ requires valid_conn(c) && valid_output(out);
    requires k.seg == \null || valid_segment(k.seg);
    requires \separated(c, out) && \separated(out, c->cfg);
    requires k.seg != \null ==> \separated(k.seg, c) && \separated(k.seg, out);
    assigns c->snd_nxt, c->snd_queued, c->flags, c->rtt_seq, c->rtt_start, c->timer, c->deadline,
            c->retries, c->rto_since, c->challenge_acks, c->challenge_second,
            out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_conn(c) && valid_output(out) && c->state == \old(c->state);
    // RST rows (RFC 9293 3.10.7.1, 3.5.2, 3.10.5): exactly the reset, nothing else
    ensures reset_reply: (actions & TCPFSM_ACT_SEND_RST) != 0 && k.seg != \null && \old(out->count) == 0
            && !((actions & TCPFSM_ACT_SIGNAL_RESET) != 0 && c->cfg->syn_rst_from_tcb != 0)
            ==> (rst_replied(\old(*k.seg)) ? out->count == 1 && rst_reply(out->segments[0], \old(*k.seg))
                                            : out->count == 0);
    // the knob syn_rst_from_tcb (FreeBSD): a row that drops the connection resets from the TCB
    ensures tcb_reset: (actions & TCPFSM_ACT_SEND_RST) != 0 && k.seg != \null && \old(out->count) == 0
            && (actions & TCPFSM_ACT_SIGNAL_RESET) != 0 && c->cfg->syn_rst_from_tcb != 0
            ==> out->count == 1 && syn_rst_from_tcb(out->segments[0], c);
    ensures abort_reset: (actions & TCPFSM_ACT_SEND_RST) != 0 && k.seg == \null && \old(out->count) == 0
            ==> out->count == 1 && abort_rst(out->segments[0], c);
*/
static void actions_emit(struct tcpfsm_conn *c, uint32_t actions, uint8_t need_ack,
                         struct call k, struct tcpfsm_output *out)
{
    /* (each emitting call is made only while `out` has room: no row fills it, and a segment
       that cannot go out must not advance SND.NXT or count as a challenge ACK) */
    if ((actions & TCPFSM_ACT_SEND_RST) != 0u) {
        emit_row_reset(c, k.seg, (uint8_t)((actions & TCPFSM_ACT_SIGNAL_RESET) != 0u ? 1u : 0u), out);
        /*@ assert (actions & TCPFSM_ACT_SIGNAL_RESET) != 0 && k.seg != \null
                   && c->cfg->syn_rst_from_tcb != 0 && \at(out->count, Pre) == 0
                   ==> one_appended{Pre, Here}(out) && syn_rst_from_tcb(last_segment(out), c); */
        return;
    }
    emit_row_control(c, actions, k.now, out);
    /* an ACK is owed and no data segment carried it */
    flush_then_ack(c, k.now,
                   (uint8_t)(((actions & TCPFSM_ACT_SEND_ACK) != 0u || need_ack != 0u) ? 1u : 0u),
                   (uint8_t)(k.seg != NULL && (k.seg->flags & TCPFSM_SYN) != 0u ? 1u : 0u), out);
}

/* Leaving the connection: a closed (or re-listening) connection keeps no timer and no queued
   data. `to` is the state the row entered. */
/*@ requires valid_conn(c);
    assigns c->timer, c->deadline, c->snd_queued, c->flags;
    ensures valid_conn(c);
*/
static void actions_leave(struct tcpfsm_conn *c, uint8_t from, uint8_t to)
{
    if (to == (uint8_t)TCPFSM_CLOSED || (to == (uint8_t)TCPFSM_LISTEN && from != (uint8_t)TCPFSM_LISTEN)) {
        timer_stop(c);
        c->snd_queued = 0u;
        c->flags = (uint8_t)(c->flags & TCPFSM_F_HAVE_RTT);
    }
}

/* Apply the actions of the row taken from `from` (model/tcp.fsm, "actions"). Never changes
   c->state or c->cfg (its assigns clause leaves them out). */
/*@ requires valid_conn(c) && valid_output(out);
    requires k.seg == \null || valid_segment(k.seg);
    requires \separated(c, out) && \separated(out, c->cfg);
    requires k.seg != \null ==> \separated(k.seg, c) && \separated(k.seg, out);
    assigns c->deadline, c->iss, c->snd_una, c->snd_nxt, c->rcv_nxt, c->snd_queued, c->rtt_seq,
            c->rtt_start, c->srtt, c->rttvar, c->snd_wnd, c->max_snd_wnd, c->snd_wl1, c->snd_wl2,
            c->rcv_wnd, c->flags, c->snd_mss,
            c->timer, c->backoff, c->retries, c->rto_since, c->challenge_acks, c->challenge_second,
            out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count, out->events,
            out->data_seq, out->data_off, out->data_len;
    ensures valid_conn(c) && valid_output(out) && c->state == \old(c->state);
*/
static void apply_actions(struct tcpfsm_conn *c, uint8_t from, uint32_t actions,
                          struct call k, struct tcpfsm_output *out)
{
    uint8_t proc = 0u;

    actions_open(c, from, actions, k);
    /*@ assert valid_conn(c) && c->state == \at(c->state, Pre); */
    if ((actions & TCPFSM_ACT_PROCESS) != 0u && k.seg != NULL) {
        proc = text_range(c, from, k.seg, out);
        proc = (uint8_t)(proc | process_segment(c, from, k.seg, k.fin_new, k.now));
    }
    /*@ assert valid_conn(c) && c->state == \at(c->state, Pre); */
    actions_timers(c, actions, k.now);
    /*@ assert valid_conn(c) && valid_output(out) && c->state == \at(c->state, Pre); */
    actions_signals(c, out, actions, proc);
    actions_emit(c, actions, (uint8_t)(proc & PROC_NEED_ACK), k, out);
    /* the proof, in steps: the connection and the output are still valid (valid_conn's parts) */
    /*@ assert valid_config(c->cfg) && valid_timers(c); */
    /*@ assert valid_accounting(c) && valid_output(out); */
    /*@ assert c->state == \at(c->state, Pre); */
    actions_leave(c, from, c->state);
    /*@ assert valid_output(out); */
}

/* ============================================================ one step */

/* Whether guard `g` of model/tcp.fsm holds for connection `c`. */
/*@ requires valid_conn(c);
    assigns \nothing;
    ensures \result == conn_guard(c, g);
*/
static uint8_t guard_holds(const struct tcpfsm_conn *c, uint8_t g)
{
    if (g == (uint8_t)TCPFSM_GUARD_PASSIVE_OPEN)
        return (c->flags & TCPFSM_F_PASSIVE) != 0u ? 1u : 0u;
    if (g == (uint8_t)TCPFSM_GUARD_RFC5961_SYN)
        return c->cfg->rfc5961_syn != 0u ? 1u : 0u;
    if (g == (uint8_t)TCPFSM_GUARD_RFC1337)
        return c->cfg->rfc1337 != 0u ? 1u : 0u;
    if (g == (uint8_t)TCPFSM_GUARD_TW_REOPEN)
        return c->cfg->tw_reopen != 0u ? 1u : 0u;
    if (g == (uint8_t)TCPFSM_GUARD_CLOSING_RST_RESETS)
        return c->cfg->closing_rst_resets != 0u ? 1u : 0u;
    return 0u;
}

/* Take the row for `ev` from the table and move to its next state: the only state change. */
/*@ requires valid_conn(c);
    assigns c->state, c->timer, c->deadline;
    ensures valid_conn(c);
    ensures faithful(\old(c->state), ev, cell_guard{Pre}(c, \old(c->state), ev), c->state);
    ensures c->state == \result.next;
    ensures \result.row == 0 ==> c->state == \old(c->state) && \result.actions == 0;
    ensures \result.row == cell_row{Pre}(c, \old(c->state), ev);
    ensures \result.row != 0 ==>
            tcpfsm_row(\result.row, \old(c->state), ev, cell_guard{Pre}(c, \old(c->state), ev), c->state)
            && \result.actions == cell_actions{Pre}(c, \old(c->state), ev);
    ensures \result.row == 0 ==> !tcpfsm_has_row(\old(c->state), ev, cell_guard{Pre}(c, \old(c->state), ev));
*/
static struct tcpfsm_lookup step(struct tcpfsm_conn *c, uint8_t ev)
{
    struct tcpfsm_lookup res;
    uint8_t s = c->state;

    if (ev >= (uint8_t)TCPFSM_EVENT_COUNT) {
        /* not a table event (a segment dropped before classification): nothing happens */
        res.row = TCPFSM_ROW_NONE;
        res.next = s;
        res.guard = 0u;
        res.actions = 0u;
        return res;
    }
    tcpfsm_table_lookup(s, ev, guard_holds(c, tcpfsm_cell_guard(s, ev)), &res);
    enter_state(c, res.next);
    c->state = res.next;
    return res;
}

/* Fill the per-call fields of `out`. */
/*@ requires valid_conn(c) && valid_output(out) && \separated(c, out) && \separated(out, c->cfg);
    assigns out->event, out->row, out->state, out->deadline, out->events;
    ensures valid_output(out);
    ensures out->event == ev && out->state == c->state && out->row == row;
    ensures valid_conn(c) && c->state == \old(c->state);
    ensures out->deadline == conn_deadline(c);
    ensures more: conn_can_send_more(c) ==> out->events == (uint16_t)(\old(out->events) | TCPFSM_SIG_MORE);
    ensures done: !conn_can_send_more(c) ==> out->events == \old(out->events);
*/
static void finish(const struct tcpfsm_conn *c, uint8_t ev, uint16_t row, struct tcpfsm_output *out)
{
    out->event = ev;
    out->row = row;
    out->state = c->state;
    out->deadline = c->timer == TCPFSM_TIMER_NONE ? TCPFSM_NO_DEADLINE : c->deadline;
    signal_more(c, out);
}

/* Classify nothing: run event `ev` (a user call or a timer) through the table. Returns the row. */
/*@ requires valid_conn(c) && \valid(out);
    requires k.seg == \null || valid_segment(k.seg);
    requires \separated(c, out) && \separated(out, c->cfg);
    requires k.seg != \null ==> \separated(k.seg, c) && \separated(k.seg, out);
    assigns *c, *out;
    ensures valid_conn(c) && valid_output(out);
    ensures faithful(\old(c->state), out->event, cell_guard{Pre}(c, \old(c->state), out->event), c->state);
    ensures out->event == ev && out->state == c->state;
    ensures \result == 0 ==> c->state == \old(c->state);
    ensures out->row == \result;
    ensures row_taken{Pre}(c, \old(c->state), ev, out->row, c->state, out->events);
    ensures out->deadline == conn_deadline(c);
    ensures c->cfg == \old(c->cfg);
*/
static uint16_t run(struct tcpfsm_conn *c, uint8_t ev, struct call k, struct tcpfsm_output *out)
{
    uint8_t from = c->state;
    struct tcpfsm_lookup res = step(c, ev);
    /*@ ghost uint8_t to = c->state; */

    /* The proof of the faithfulness ensures, in steps: the state `to` that step() took from the
       table is not changed by the rest of the call. */
    /*@ assert faithful(from, ev, cell_guard{Pre}(c, from, ev), to); */
    begin(c, out);
    /*@ assert valid_conn(c) && c->state == to; */
    if (k.timer_fired != 0u)
        timer_stop(c);   /* it no longer runs unless the row re-arms it */
    /*@ assert valid_conn(c) && c->state == to; */
    if (res.row != TCPFSM_ROW_NONE)
        apply_actions(c, from, res.actions, k, out);
    /*@ assert valid_conn(c) && c->state == to; */
    finish(c, ev, res.row, out);
    /*@ assert valid_conn(c) && c->state == to; */
    return res.row;
}

/* ============================================================ public API */

/* A connection block in CLOSED with configuration `cfg`, nothing sent or received, no timer. */
/*@ requires \valid(c) && \valid_read(cfg) && \separated(c, cfg);
    assigns *c;
    ensures valid_conn(c) && c->state == TCPFSM_CLOSED && c->cfg == cfg;
    ensures c->timer == TCPFSM_TIMER_NONE;
*/
static void conn_reset(struct tcpfsm_conn *c, const struct tcpfsm_config *cfg)
{
    c->cfg = cfg;
    c->deadline = TCPFSM_NO_DEADLINE;
    c->iss = 0u;
    c->snd_una = 0u;
    c->snd_nxt = 0u;
    c->rcv_nxt = 0u;
    c->snd_wl1 = 0u;
    c->snd_wl2 = 0u;
    c->snd_queued = 0u;
    c->rtt_seq = 0u;
    c->rtt_start = 0u;
    c->srtt = 0u;
    c->rttvar = 0u;
    c->snd_wnd = 0u;
    c->max_snd_wnd = 0u;
    c->rcv_wnd = cfg->window;
    c->snd_mss = cfg->mss;   /* until the peer's SYN brings its MSS option (take_peer_mss) */
    c->state = (uint8_t)TCPFSM_CLOSED;
    c->flags = 0u;
    c->timer = TCPFSM_TIMER_NONE;
    c->retries = 0u;
    c->backoff = 0u;
    c->challenge_acks = 0u;
    c->challenge_second = 0u;
    c->rto_since = 0u;
}

/* The rules of acceptable_config (src/tcpfsm_spec.h, where each is quoted from its RFC): RTO
   bounds 0 < rto_min =< rto_initial =< rto_max (RFC 6298 2.1, 2.4, 2.5), mss > 0 (RFC 9293
   3.7.1), msl > 0 (3.4.2), 0 < window =< TCPFSM_WINDOW_MAX (3.10.7.4, RFC 7323 2.3). */
/*@ requires \valid_read(cfg);
    assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 <==> acceptable_config(cfg);
*/
static int config_acceptable(const struct tcpfsm_config *cfg)
{
    if (cfg->rto_min == 0u || cfg->rto_min > cfg->rto_initial || cfg->rto_initial > cfg->rto_max)
        return 0;   /* RFC 6298 2.1, 2.4, 2.5 */
    if (cfg->mss == 0u)
        return 0;   /* RFC 9293 3.7.1 */
    if (cfg->msl == 0u)
        return 0;   /* RFC 9293 3.4.2 */
    if (cfg->window == 0u || cfg->window > TCPFSM_WINDOW_MAX)
        return 0;   /* RFC 9293 3.10.7.4; RFC 7323 2.3: "max window < 2^30" */
    return 1;
}

/*@ requires c == \null || \valid(c);
    requires cfg == \null || \valid_read(cfg);
    requires c != \null && cfg != \null ==> \separated(c, cfg);
    assigns *c;
    behavior refused:
      assumes c == \null || cfg == \null || !acceptable_config(cfg);
      assigns \nothing;
      ensures \result == TCPFSM_ERR_ARG;
    behavior accepted:
      assumes c != \null && cfg != \null && acceptable_config(cfg);
      ensures \result == TCPFSM_OK;
      ensures valid_conn(c) && c->state == TCPFSM_CLOSED && c->cfg == cfg;
    complete behaviors;
    disjoint behaviors;
*/
int tcpfsm_init(struct tcpfsm_conn *c, const struct tcpfsm_config *cfg)
{
    if (c == NULL || cfg == NULL || config_acceptable(cfg) == 0)
        return TCPFSM_ERR_ARG;
    conn_reset(c, cfg);
    return TCPFSM_OK;
}

/* A user call that is a table event (OPEN, CLOSE, ABORT); the public functions check the
   arguments. */
/*@ requires valid_conn(c) && \valid(out);
    requires \separated(c, out) && \separated(out, c->cfg);
    assigns *c, *out;
    ensures valid_conn(c) && valid_output(out);
    ensures faithful(\old(c->state), out->event, cell_guard{Pre}(c, \old(c->state), out->event), c->state);
    ensures out->event == ev && out->state == c->state;
    ensures \result == TCPFSM_OK || \result == TCPFSM_ERR_STATE || \result == TCPFSM_ERR_CLOSING;
    ensures \result != TCPFSM_OK ==> c->state == \old(c->state);
    ensures out->deadline == conn_deadline(c);
    ensures c->cfg == \old(c->cfg);
*/
static int user_call(struct tcpfsm_conn *c, uint8_t ev, tcpfsm_time_t now, uint32_t iss,
                     struct tcpfsm_output *out)
{
    struct call k;
    uint8_t st;

    st = c->state;
    k.seg = NULL;
    k.now = now;
    k.iss = iss;
    k.fin_new = 0u;
    k.timer_fired = 0u;
    k.passive_open = ev == (uint8_t)TCPFSM_EV_OPEN_PASSIVE ? 1u : 0u;
    if (run(c, ev, k, out) != TCPFSM_ROW_NONE)
        return TCPFSM_OK;
    /* no row: the RFC's error responses (3.10.1-3.10.5) */
    if (ev == (uint8_t)TCPFSM_EV_CLOSE
        && (st == (uint8_t)TCPFSM_FIN_WAIT_1 || st == (uint8_t)TCPFSM_FIN_WAIT_2
            || st == (uint8_t)TCPFSM_CLOSING || st == (uint8_t)TCPFSM_LAST_ACK
            || st == (uint8_t)TCPFSM_TIME_WAIT))
        return TCPFSM_ERR_CLOSING;   /* "error: connection closing" */
    return TCPFSM_ERR_STATE;         /* "error: connection already exists" / "does not exist" */
}

/*@ requires c == \null || valid_conn(c);
    requires out == \null || \valid(out);
    requires c != \null && out != \null ==> \separated(c, out) && \separated(out, c->cfg);
    assigns *c, *out;
    behavior bad_args:
      assumes c == \null || out == \null;
      assigns \nothing;
      ensures \result == TCPFSM_ERR_ARG;
    behavior ok_args:
      assumes c != \null && out != \null;
      ensures valid_conn(c) && valid_output(out);
      ensures faithful(\old(c->state), out->event, cell_guard{Pre}(c, \old(c->state), out->event), c->state);
      ensures out->event == TCPFSM_EV_OPEN_ACTIVE;
      ensures out->deadline == conn_deadline(c);
    complete behaviors;
    disjoint behaviors;
*/
int tcpfsm_open_active(struct tcpfsm_conn *c, tcpfsm_time_t now, uint32_t iss, struct tcpfsm_output *out)
{
    if (c == NULL || out == NULL)
        return TCPFSM_ERR_ARG;
    return user_call(c, (uint8_t)TCPFSM_EV_OPEN_ACTIVE, now, iss, out);
}

/*@ requires c == \null || valid_conn(c);
    requires out == \null || \valid(out);
    requires c != \null && out != \null ==> \separated(c, out) && \separated(out, c->cfg);
    assigns *c, *out;
    behavior bad_args:
      assumes c == \null || out == \null;
      assigns \nothing;
      ensures \result == TCPFSM_ERR_ARG;
    behavior ok_args:
      assumes c != \null && out != \null;
      ensures valid_conn(c) && valid_output(out);
      ensures faithful(\old(c->state), out->event, cell_guard{Pre}(c, \old(c->state), out->event), c->state);
      ensures out->event == TCPFSM_EV_OPEN_PASSIVE;
      ensures out->deadline == conn_deadline(c);
    complete behaviors;
    disjoint behaviors;
*/
int tcpfsm_open_passive(struct tcpfsm_conn *c, tcpfsm_time_t now, uint32_t iss, struct tcpfsm_output *out)
{
    int r;

    if (c == NULL || out == NULL)
        return TCPFSM_ERR_ARG;
    r = user_call(c, (uint8_t)TCPFSM_EV_OPEN_PASSIVE, now, iss, out);
    return r;
}

/*@ requires c == \null || valid_conn(c);
    requires out == \null || \valid(out);
    requires c != \null && out != \null ==> \separated(c, out) && \separated(out, c->cfg);
    assigns *c, *out;
    behavior bad_args:
      assumes c == \null || out == \null;
      assigns \nothing;
      ensures \result == TCPFSM_ERR_ARG;
    behavior ok_args:
      assumes c != \null && out != \null;
      ensures valid_conn(c) && valid_output(out);
      ensures faithful(\old(c->state), out->event, cell_guard{Pre}(c, \old(c->state), out->event), c->state);
      ensures out->event == TCPFSM_EV_CLOSE;
      ensures out->deadline == conn_deadline(c);
    complete behaviors;
    disjoint behaviors;
*/
int tcpfsm_close(struct tcpfsm_conn *c, tcpfsm_time_t now, struct tcpfsm_output *out)
{
    if (c == NULL || out == NULL)
        return TCPFSM_ERR_ARG;
    return user_call(c, (uint8_t)TCPFSM_EV_CLOSE, now, 0u, out);
}

/*@ requires c == \null || valid_conn(c);
    requires out == \null || \valid(out);
    requires c != \null && out != \null ==> \separated(c, out) && \separated(out, c->cfg);
    assigns *c, *out;
    behavior bad_args:
      assumes c == \null || out == \null;
      assigns \nothing;
      ensures \result == TCPFSM_ERR_ARG;
    behavior ok_args:
      assumes c != \null && out != \null;
      ensures valid_conn(c) && valid_output(out);
      ensures faithful(\old(c->state), out->event, cell_guard{Pre}(c, \old(c->state), out->event), c->state);
      ensures out->event == TCPFSM_EV_ABORT;
      ensures out->deadline == conn_deadline(c);
    complete behaviors;
    disjoint behaviors;
*/
int tcpfsm_abort(struct tcpfsm_conn *c, tcpfsm_time_t now, struct tcpfsm_output *out)
{
    if (c == NULL || out == NULL)
        return TCPFSM_ERR_ARG;
    return user_call(c, (uint8_t)TCPFSM_EV_ABORT, now, 0u, out);
}

/* Whether SEND is possible now: TCPFSM_OK, or the RFC's error for this state (3.10.2). */
/*@ requires valid_conn(c);
    assigns \nothing;
    ensures \result == TCPFSM_OK || \result == TCPFSM_ERR_STATE || \result == TCPFSM_ERR_CLOSING
            || \result == TCPFSM_ERR_ARG;
    // what is written and not acknowledged stays below half the sequence space
    ensures \result == TCPFSM_OK
            ==> c->snd_queued + len <= 2147483647;
*/
static int send_check(const struct tcpfsm_conn *c, uint32_t len)
{
    uint8_t st = c->state;
    uint32_t in_flight = c->snd_nxt - c->snd_una;
    uint32_t room;

    if (st == (uint8_t)TCPFSM_CLOSED || st == (uint8_t)TCPFSM_LISTEN)
        return TCPFSM_ERR_STATE;     /* "error: connection does not exist" / foreign socket unspecified */
    if ((c->flags & (TCPFSM_F_FIN_PENDING | TCPFSM_F_FIN_SENT)) != 0u
        || !(st == (uint8_t)TCPFSM_SYN_SENT || st == (uint8_t)TCPFSM_SYN_RECEIVED
             || st == (uint8_t)TCPFSM_ESTABLISHED || st == (uint8_t)TCPFSM_CLOSE_WAIT))
        return TCPFSM_ERR_CLOSING;   /* "error: connection closing" */
    /* keep everything written but unacknowledged within half the sequence space (in flight is
       at most one 16-bit window plus a FIN, far below the limit) */
    room = in_flight < 0x7fffffffu ? 0x7fffffffu - in_flight : 0u;
    if (c->snd_queued > room || len > room - c->snd_queued)
        return TCPFSM_ERR_ARG;
    return TCPFSM_OK;
}

/* Queue `len` more bytes and send what the window allows. */
/*@ requires valid_conn(c) && valid_output(out);
    requires \separated(c, out) && \separated(out, c->cfg);
    requires c->snd_queued + len <= 2147483647;
    assigns c->snd_nxt, c->snd_queued, c->flags, c->rtt_seq, c->rtt_start, c->timer, c->deadline,
            c->retries, c->rto_since, out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_conn(c) && valid_output(out) && c->state == \old(c->state);
    ensures c->snd_una == \old(c->snd_una);
*/
static void queue_and_flush(struct tcpfsm_conn *c, tcpfsm_time_t now, uint32_t len,
                            struct tcpfsm_output *out)
{
    c->snd_queued += len;
    /* "If the connection is ... SYN-SENT, SYN-RECEIVED: Queue the data for transmission after
       entering ESTABLISHED state" (flush sends nothing before) */
    flush(c, now, out);
}

/* SEND (3.10.2): not a table event, the state never changes. */
/*@ requires c == \null || valid_conn(c);
    requires out == \null || \valid(out);
    requires c != \null && out != \null ==> \separated(c, out) && \separated(out, c->cfg);
    assigns *c, *out;
    behavior bad_args:
      assumes c == \null || out == \null;
      assigns \nothing;
      ensures \result == TCPFSM_ERR_ARG;
    behavior ok_args:
      assumes c != \null && out != \null;
      ensures valid_conn(c) && valid_output(out);
      ensures c->state == \old(c->state);
      ensures out->event == TCPFSM_EV_NONE;
      ensures faithful(\old(c->state), out->event, cell_guard{Pre}(c, \old(c->state), out->event), c->state);
      // SEND moves neither SND.UNA nor the receive side; a refused SEND queues nothing
      ensures c->snd_una == \old(c->snd_una) && c->rcv_nxt == \old(c->rcv_nxt)
              && c->rcv_wnd == \old(c->rcv_wnd);
      ensures \result != TCPFSM_OK ==> c->snd_queued == \old(c->snd_queued)
                                       && c->snd_nxt == \old(c->snd_nxt);
      ensures out->deadline == conn_deadline(c);
    complete behaviors;
    disjoint behaviors;
*/
int tcpfsm_send(struct tcpfsm_conn *c, tcpfsm_time_t now, uint32_t len, struct tcpfsm_output *out)
{
    int r;

    if (c == NULL || out == NULL)
        return TCPFSM_ERR_ARG;
    begin(c, out);
    r = send_check(c, len);
    if (r == TCPFSM_OK)
        queue_and_flush(c, now, len, out);
    /* the proof, in steps: what SEND does not move, before the signal */
    /*@ assert c->snd_una == \at(c->snd_una, Pre) && c->rcv_nxt == \at(c->rcv_nxt, Pre)
               && c->rcv_wnd == \at(c->rcv_wnd, Pre); */
    signal_more(c, out);
    out->deadline = tcpfsm_deadline(c);
    return r;
}

/* PUSH: what SEND left queued (flush: data within the window, then a pending FIN), in any state;
   nothing in a state that does not send from the queue. Not a table event. */
/*@ requires c == \null || valid_conn(c);
    requires out == \null || \valid(out);
    requires c != \null && out != \null ==> \separated(c, out) && \separated(out, c->cfg);
    assigns *c, *out;
    behavior bad_args:
      assumes c == \null || out == \null;
      assigns \nothing;
      ensures \result == TCPFSM_ERR_ARG;
    behavior ok_args:
      assumes c != \null && out != \null;
      ensures \result == TCPFSM_OK;
      ensures valid_conn(c) && valid_output(out);
      ensures c->state == \old(c->state);
      ensures out->event == TCPFSM_EV_NONE;
      ensures faithful(\old(c->state), out->event, cell_guard{Pre}(c, \old(c->state), out->event), c->state);
      // PUSH does not move SND.UNA, and delivers nothing (that it leaves RCV.NXT and RCV.WND
      // alone is not restated: through flush's contract that goal is past the provers' budget)
      ensures c->snd_una == \old(c->snd_una);
      ensures out->data_len == 0;
      // RFC 9293 3.10.2: nothing goes out of the queue before ESTABLISHED, nor after the FIN's
      // states (sends_data)
      ensures idle: !sends_data(\old(c->state)) ==> out->count == 0 && out->events == 0
                    && c->snd_nxt == \old(c->snd_nxt) && c->snd_queued == \old(c->snd_queued);
      // something goes out whenever something could (data within the window, or the FIN)
      ensures sent: \old(conn_can_send_more(c)) ==> out->count > 0;
      ensures out->deadline == conn_deadline(c);
    complete behaviors;
    disjoint behaviors;
*/
int tcpfsm_push(struct tcpfsm_conn *c, tcpfsm_time_t now, struct tcpfsm_output *out)
{
    if (c == NULL || out == NULL)
        return TCPFSM_ERR_ARG;
    begin(c, out);
    /*@ assert out->data_len == 0; */
    if (may_send_data(c->state) != 0) {
        flush(c, now, out);
        /*@ assert out->data_len == 0; */
        /*@ assert c->snd_una == \at(c->snd_una, Pre); */
        signal_more(c, out);
    }
    out->deadline = tcpfsm_deadline(c);
    return TCPFSM_OK;
}

/* Open the receive window by `len` consumed bytes; TCPFSM_ERR_ARG if more than was received. */
/*@ requires valid_conn(c);
    assigns c->rcv_wnd;
    ensures valid_conn(c);
    ensures conn_deadline(c) == \old(conn_deadline(c));
    behavior consumed:
      assumes c->rcv_wnd + len <= c->cfg->window;
      ensures \result == TCPFSM_OK && c->rcv_wnd == \old(c->rcv_wnd) + len;
    behavior more_than_received:
      assumes c->rcv_wnd + len > c->cfg->window;
      assigns \nothing;
      ensures \result == TCPFSM_ERR_ARG && c->rcv_wnd == \old(c->rcv_wnd);
    complete behaviors;
    disjoint behaviors;
*/
static int open_window(struct tcpfsm_conn *c, uint32_t len)
{
    uint32_t old_wnd = c->rcv_wnd;
    uint32_t full = c->cfg->window;

    /* RCV.WND =< the configured window (valid_accounting): full - old_wnd does not wrap */
    if (len > full - old_wnd)
        return TCPFSM_ERR_ARG;       /* more than was received and not yet consumed */
    c->rcv_wnd = old_wnd + len;
    return TCPFSM_OK;
}

/* Receiver SWS avoidance (3.8.6.2.2): announce the window when it opened from below
   min(RCV.BUFF/2, Eff.snd.MSS) to at least that much (the send MSS, c->snd_mss), in a state where the peer may send. */
/*@ requires valid_conn(c) && valid_output(out) && \separated(c, out) && \separated(out, c->cfg);
    requires out->count < TCPFSM_MAX_SEGMENTS;
    assigns out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count;
    ensures valid_output(out);
    ensures valid_conn(c) && c->state == \old(c->state);
    ensures out->event == \old(out->event) && out->deadline == \old(out->deadline);
    ensures c->rcv_wnd == \old(c->rcv_wnd) && c->rcv_nxt == \old(c->rcv_nxt)
            && c->snd_una == \old(c->snd_una) && c->snd_nxt == \old(c->snd_nxt);
    ensures conn_deadline(c) == \old(conn_deadline(c));
    behavior update:
      assumes window_update_due(c->state, old_wnd, c->rcv_wnd,
                                sws_threshold(c->cfg->window, c->snd_mss));
      ensures one_appended{Pre, Post}(out) && ack_segment(last_segment(out), c);
    behavior no_update:
      assumes !window_update_due(c->state, old_wnd, c->rcv_wnd,
                                 sws_threshold(c->cfg->window, c->snd_mss));
      ensures nothing_appended{Pre, Post}(out);
    complete behaviors;
    disjoint behaviors;
*/
static void window_update(const struct tcpfsm_conn *c, uint32_t old_wnd, struct tcpfsm_output *out)
{
    uint32_t threshold = (uint32_t)c->cfg->window / 2u;
    uint8_t st = c->state;

    if (threshold > c->snd_mss)
        threshold = c->snd_mss;
    if (old_wnd < threshold && (uint32_t)c->rcv_wnd >= threshold
        && (st == (uint8_t)TCPFSM_ESTABLISHED || st == (uint8_t)TCPFSM_FIN_WAIT_1
            || st == (uint8_t)TCPFSM_FIN_WAIT_2))
        emit_ack(c, out);
}

/* The application consumed received bytes: RCV.WND opens again (3.8.6.2.2). Not a table event. */
/*@ requires c == \null || valid_conn(c);
    requires out == \null || \valid(out);
    requires c != \null && out != \null ==> \separated(c, out) && \separated(out, c->cfg);
    assigns *c, *out;
    behavior bad_args:
      assumes c == \null || out == \null;
      assigns \nothing;
      ensures \result == TCPFSM_ERR_ARG;
    behavior ok_args:
      assumes c != \null && out != \null;
      ensures valid_conn(c) && valid_output(out);
      ensures c->state == \old(c->state);
      ensures out->event == TCPFSM_EV_NONE;
      ensures faithful(\old(c->state), out->event, cell_guard{Pre}(c, \old(c->state), out->event), c->state);
      // RFC 9293 3.8.6.2.2: the window opens by what the application consumed (and only then)
      ensures \result == TCPFSM_OK ==> c->rcv_wnd == \old(c->rcv_wnd) + len;
      ensures \result != TCPFSM_OK ==> c->rcv_wnd == \old(c->rcv_wnd);
      ensures \old(c->state) != TCPFSM_CLOSED && \old(c->state) != TCPFSM_LISTEN
              && \old(c->rcv_wnd) + len <= \old(c->cfg->window) ==> \result == TCPFSM_OK;
      ensures c->rcv_nxt == \old(c->rcv_nxt) && c->snd_una == \old(c->snd_una)
              && c->snd_nxt == \old(c->snd_nxt);
      ensures out->deadline == conn_deadline(c);
    complete behaviors;
    disjoint behaviors;
*/
int tcpfsm_consumed(struct tcpfsm_conn *c, tcpfsm_time_t now, uint32_t len, struct tcpfsm_output *out)
{
    uint32_t old_wnd;
    int r;

    (void)now;
    if (c == NULL || out == NULL)
        return TCPFSM_ERR_ARG;
    begin(c, out);
    if (c->state == (uint8_t)TCPFSM_CLOSED || c->state == (uint8_t)TCPFSM_LISTEN)
        return TCPFSM_ERR_STATE;
    old_wnd = c->rcv_wnd;
    r = open_window(c, len);
    window_update(c, old_wnd, out);  /* announces nothing when the window did not open */
    /* the proof, in steps: no table event, no state change, before the signal */
    /*@ assert out->event == TCPFSM_EV_NONE && c->state == \at(c->state, Pre); */
    /*@ assert faithful(\at(c->state, Pre), TCPFSM_EV_NONE,
                        cell_guard{Pre}(c, \at(c->state, Pre), TCPFSM_EV_NONE), c->state); */
    signal_more(c, out);
    return r;
}

/* Take `len` octets the host reassembled at RCV.NXT: RCV.NXT advances over them and RCV.WND
   shrinks, as for text taken in order (process_text). */
/*@ requires valid_conn(c) && len <= c->rcv_wnd;
    assigns c->rcv_nxt, c->rcv_wnd;
    ensures valid_conn(c) && c->state == \old(c->state);
    ensures conn_deadline(c) == \old(conn_deadline(c));
    ensures c->rcv_nxt == seq_add(\old(c->rcv_nxt), len) && c->rcv_wnd == \old(c->rcv_wnd) - len;
    ensures c->snd_una == \old(c->snd_una) && c->snd_nxt == \old(c->snd_nxt)
            && c->snd_queued == \old(c->snd_queued) && c->snd_wnd == \old(c->snd_wnd);
*/
static void take_reassembled(struct tcpfsm_conn *c, uint32_t len)
{
    c->rcv_nxt += len;
    c->rcv_wnd -= len;
}

/* Whether the host may hand back reassembled text now: TCPFSM_OK, TCPFSM_ERR_STATE outside the
   states that deliver text, TCPFSM_ERR_ARG beyond the receive window. */
/*@ requires valid_conn(c);
    assigns \nothing;
    ensures !state_delivers_text(c->state) ==> \result == TCPFSM_ERR_STATE;
    ensures state_delivers_text(c->state) && len > c->rcv_wnd ==> \result == TCPFSM_ERR_ARG;
    ensures state_delivers_text(c->state) && len <= c->rcv_wnd ==> \result == TCPFSM_OK;
*/
static int reassembled_check(const struct tcpfsm_conn *c, uint32_t len)
{
    uint8_t st = c->state;

    if (!(st == (uint8_t)TCPFSM_ESTABLISHED || st == (uint8_t)TCPFSM_FIN_WAIT_1
          || st == (uint8_t)TCPFSM_FIN_WAIT_2))
        return TCPFSM_ERR_STATE;
    if (len > c->rcv_wnd)
        return TCPFSM_ERR_ARG;
    return TCPFSM_OK;
}

/* The octets reassembled: taken (take_reassembled), acknowledged, reported with SIG_DATA and
   their range (data_seq = the RCV.NXT before, data_off = 0, data_len = len). */
/*@ requires valid_conn(c) && valid_output(out) && \separated(c, out) && \separated(out, c->cfg);
    requires 0 < len <= c->rcv_wnd && out->count == 0 && out->events == 0;
    assigns c->rcv_nxt, c->rcv_wnd, out->segments[0 .. TCPFSM_MAX_SEGMENTS - 1], out->count,
            out->events, out->data_seq, out->data_off, out->data_len;
    ensures valid_conn(c) && valid_output(out) && c->state == \old(c->state);
    ensures conn_deadline(c) == \old(conn_deadline(c));
    ensures c->rcv_nxt == seq_add(\old(c->rcv_nxt), len) && c->rcv_wnd == \old(c->rcv_wnd) - len;
    ensures c->snd_una == \old(c->snd_una) && c->snd_nxt == \old(c->snd_nxt)
            && c->snd_queued == \old(c->snd_queued);
    ensures out->count == 1 && ack_segment(out->segments[0], c);
    ensures out->events == TCPFSM_SIG_DATA;
    ensures out->data_seq == \old(c->rcv_nxt) && out->data_off == 0 && out->data_len == len;
*/
static void deliver_reassembled(struct tcpfsm_conn *c, uint32_t len, struct tcpfsm_output *out)
{
    out->events = (uint16_t)TCPFSM_SIG_DATA;
    out->data_seq = c->rcv_nxt;
    out->data_off = 0u;
    out->data_len = len;
    /*@ assert valid_conn(c) && c->rcv_nxt == \at(c->rcv_nxt, Pre) && c->rcv_wnd == \at(c->rcv_wnd, Pre); */
    /*@ assert out->count == 0 && valid_output(out); */
    take_reassembled(c, len);
    /*@ assert c->snd_una == \at(c->snd_una, Pre) && c->snd_nxt == \at(c->snd_nxt, Pre); */
    /*@ assert c->snd_queued == \at(c->snd_queued, Pre); */
    /*@ assert out->data_seq == \at(c->rcv_nxt, Pre) && out->data_off == 0 && out->data_len == len; */
    emit_ack(c, out);
    /*@ assert out->count == 1 && last_segment(out) == out->segments[0]; */
    /*@ assert ack_segment(out->segments[0], c); */
    /*@ assert c->snd_una == \at(c->snd_una, Pre) && c->snd_nxt == \at(c->snd_nxt, Pre); */
    /*@ assert c->snd_queued == \at(c->snd_queued, Pre); */
    /*@ assert out->data_seq == \at(c->rcv_nxt, Pre) && out->data_off == 0 && out->data_len == len; */
}

/* The host reassembled `len` octets at RCV.NXT from text it held (TCPFSM_SIG_OUT_OF_ORDER): they
   are taken as if they had arrived in order now ("advances RCV.NXT over the data accepted, and
   adjusts RCV.WND", 3.10.7.4 seventh), acknowledged ("Send an acknowledgment of the form
   <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>") and reported with TCPFSM_SIG_DATA. Not a table event. */
/*@ requires c == \null || valid_conn(c);
    requires out == \null || \valid(out);
    requires c != \null && out != \null ==> \separated(c, out) && \separated(out, c->cfg);
    assigns *c, *out;
    behavior bad_args:
      assumes c == \null || out == \null;
      assigns \nothing;
      ensures \result == TCPFSM_ERR_ARG;
    behavior ok_args:
      assumes c != \null && out != \null;
      ensures valid_conn(c) && valid_output(out);
      ensures c->state == \old(c->state);
      ensures out->event == TCPFSM_EV_NONE;
      ensures faithful(\old(c->state), out->event, cell_guard{Pre}(c, \old(c->state), out->event), c->state);
      ensures state: !state_delivers_text(\old(c->state)) ==> \result == TCPFSM_ERR_STATE;
      ensures window: state_delivers_text(\old(c->state)) && len > \old(c->rcv_wnd)
                      ==> \result == TCPFSM_ERR_ARG;
      ensures accepted: state_delivers_text(\old(c->state)) && len <= \old(c->rcv_wnd)
              ==> \result == TCPFSM_OK;
      ensures taken: \result == TCPFSM_OK ==> c->rcv_nxt == seq_add(\old(c->rcv_nxt), len)
                                              && c->rcv_wnd == \old(c->rcv_wnd) - len;
      ensures refused: \result != TCPFSM_OK ==> c->rcv_nxt == \old(c->rcv_nxt)
                       && c->rcv_wnd == \old(c->rcv_wnd) && out->count == 0;
      ensures delivered: \result == TCPFSM_OK && len > 0
              ==> out->count == 1 && ack_segment(out->segments[0], c)
                  && out->data_seq == \old(c->rcv_nxt) && out->data_off == 0 && out->data_len == len
                  && (out->events == TCPFSM_SIG_DATA
                      || out->events == (TCPFSM_SIG_DATA | TCPFSM_SIG_MORE));
      ensures nothing: \result != TCPFSM_OK || len == 0 ==> out->data_len == 0;
      ensures c->snd_una == \old(c->snd_una) && c->snd_nxt == \old(c->snd_nxt)
              && c->snd_queued == \old(c->snd_queued);
      ensures out->deadline == conn_deadline(c);
    complete behaviors;
    disjoint behaviors;
*/
int tcpfsm_reassembled(struct tcpfsm_conn *c, tcpfsm_time_t now, uint32_t len, struct tcpfsm_output *out)
{
    int r;

    (void)now;
    if (c == NULL || out == NULL)
        return TCPFSM_ERR_ARG;
    begin(c, out);
    r = reassembled_check(c, len);
    if (r != TCPFSM_OK || len == 0u) {
        /* refused, or nothing to take */
        /*@ assert c->rcv_nxt == seq_add(\at(c->rcv_nxt, Pre), 0); */
        signal_more(c, out);
        return r;
    }
    deliver_reassembled(c, len, out);
    signal_more(c, out);
    return TCPFSM_OK;
}

/*@ requires c == \null || valid_conn(c);
    requires seg == \null || valid_segment(seg);
    requires out == \null || \valid(out);
    requires c != \null && out != \null ==> \separated(c, out) && \separated(out, c->cfg);
    requires seg != \null && c != \null ==> \separated(seg, c);
    requires seg != \null && out != \null ==> \separated(seg, out);
    assigns *c, *out;
    behavior bad_args:
      assumes c == \null || seg == \null || out == \null;
      assigns \nothing;
      ensures \result == TCPFSM_ERR_ARG;
    behavior ok_args:
      assumes c != \null && seg != \null && out != \null;
      ensures \result == TCPFSM_OK;
      ensures valid_conn(c) && valid_output(out);
      ensures faithful(\old(c->state), out->event, cell_guard{Pre}(c, \old(c->state), out->event), c->state);
      ensures out->state == c->state;
      ensures event: out->event == \at(seg_event(c, seg, c->cfg), Pre);
      ensures row: row_taken{Pre}(c, \old(c->state), out->event, out->row, c->state, out->events);
      ensures out->deadline == conn_deadline(c);
    complete behaviors;
    disjoint behaviors;
*/
int tcpfsm_segment(struct tcpfsm_conn *c, tcpfsm_time_t now, const struct tcpfsm_segment *seg,
                   struct tcpfsm_output *out)
{
    struct call k;
    uint8_t ev;

    if (c == NULL || seg == NULL || out == NULL)
        return TCPFSM_ERR_ARG;
    ev = classify_segment(c, seg);
    k.seg = seg;
    k.now = now;
    k.iss = 0u;
    /* the segment carries the peer's in-order FIN: a FIN event in a state that has not received
       it yet (after it, a FIN event is its retransmission, see fin_position) */
    k.fin_new = (ev == (uint8_t)TCPFSM_EV_FIN || ev == (uint8_t)TCPFSM_EV_FIN_ACK)
                && fin_received(c->state) == 0 ? 1u : 0u;
    k.timer_fired = 0u;
    k.passive_open = 0u;
    (void)run(c, ev, k, out);
    return TCPFSM_OK;
}

/* A new block for `cfg` in LISTEN with ISS `iss`: initialised (CLOSED), then T02 (CLOSED
   OPEN_PASSIVE -> LISTEN), as tcpfsm_init and tcpfsm_open_passive would. */
/*@ requires \valid(c) && \valid_read(cfg) && \valid(out);
    requires \separated(c, cfg) && \separated(c, out) && \separated(out, cfg);
    assigns *c, *out;
    ensures valid_conn(c) && valid_output(out);
    ensures c->state == TCPFSM_LISTEN && c->cfg == cfg;
*/
static void listen_block(struct tcpfsm_conn *c, const struct tcpfsm_config *cfg, tcpfsm_time_t now,
                         uint32_t iss, struct tcpfsm_output *out)
{
    conn_reset(c, cfg);
    (void)user_call(c, (uint8_t)TCPFSM_EV_OPEN_PASSIVE, now, iss, out);
}

/* The LISTEN row of event `ev` (a LISTEN event of seg_event: SYN, BAD_ACK, RST or UNACCEPTABLE)
   taken by `c`, a block in LISTEN: T05 into SYN-RECEIVED for a SYN, otherwise T06-T08, which stay
   in LISTEN. */
/*@ requires valid_conn(c) && valid_output(out) && valid_segment(seg);
    requires c->state == TCPFSM_LISTEN;
    requires ev == TCPFSM_EV_SYN || ev == TCPFSM_EV_BAD_ACK || ev == TCPFSM_EV_RST
             || ev == TCPFSM_EV_UNACCEPTABLE;
    requires \separated(c, out) && \separated(out, c->cfg) && \separated(seg, c)
             && \separated(seg, out);
    assigns *c, *out;
    ensures valid_conn(c) && valid_output(out) && c->cfg == \old(c->cfg);
    ensures out->state == c->state && out->event == ev;
    ensures row: tcpfsm_row(out->row, TCPFSM_LISTEN, ev, 0, c->state);
    ensures ev == TCPFSM_EV_SYN ==> c->state == TCPFSM_SYN_RECEIVED;
    ensures ev != TCPFSM_EV_SYN ==> c->state == TCPFSM_LISTEN;
    ensures out->deadline == conn_deadline(c);
*/
static void listen_step(struct tcpfsm_conn *c, tcpfsm_time_t now, const struct tcpfsm_segment *seg,
                        uint8_t ev, struct tcpfsm_output *out)
{
    struct call k;

    k.seg = seg;
    k.now = now;
    k.iss = 0u;
    k.fin_new = 0u;        /* no FIN event in LISTEN */
    k.timer_fired = 0u;
    k.passive_open = 0u;
    (void)run(c, ev, k, out);
}

/* The events seg_event gives a segment in LISTEN (3.10.7.2: RST ignored, ACK answered by a RST,
   SYN accepted, anything else dropped). */
/*@ requires valid_conn(listener) && valid_segment(seg) && listener->state == TCPFSM_LISTEN;
    assigns \nothing;
    ensures \result == seg_event(listener, seg, listener->cfg);
    ensures \result == TCPFSM_EV_SYN || \result == TCPFSM_EV_BAD_ACK || \result == TCPFSM_EV_RST
            || \result == TCPFSM_EV_UNACCEPTABLE;
*/
static uint8_t listener_event(const struct tcpfsm_conn *listener, const struct tcpfsm_segment *seg)
{
    return classify_segment(listener, seg);
}

/* tcpfsm_accept once the arguments are checked: see tcpfsm_accept. */
/*@ requires valid_conn(listener) && listener->state == TCPFSM_LISTEN;
    requires \valid(c) && valid_segment(syn) && \valid(out);
    requires \separated(c, listener) && \separated(c, listener->cfg);
    requires \separated(out, listener) && \separated(out, listener->cfg);
    requires \separated(c, out) && \separated(syn, c) && \separated(syn, out);
    assigns *c, *out;
    ensures valid_conn(c) && valid_output(out) && c->cfg == listener->cfg;
    ensures out->state == c->state;
    ensures event: out->event == seg_event{Pre}(listener, syn, listener->cfg);
    behavior accepted:
      assumes seg_event(listener, syn, listener->cfg) == TCPFSM_EV_SYN;
      ensures c->state == TCPFSM_SYN_RECEIVED;
      ensures row: tcpfsm_row(out->row, TCPFSM_LISTEN, TCPFSM_EV_SYN, 0, TCPFSM_SYN_RECEIVED);
      ensures out->deadline == conn_deadline(c);
    behavior refused:
      assumes seg_event(listener, syn, listener->cfg) != TCPFSM_EV_SYN;
      ensures c->state == TCPFSM_CLOSED;
      ensures row: tcpfsm_row(out->row, TCPFSM_LISTEN, out->event, 0, TCPFSM_LISTEN);
      ensures out->deadline == TCPFSM_NO_DEADLINE;
    complete behaviors;
    disjoint behaviors;
*/
static void accept_segment(const struct tcpfsm_conn *listener, struct tcpfsm_conn *c, tcpfsm_time_t now,
                           const struct tcpfsm_segment *syn, uint32_t iss, struct tcpfsm_output *out)
{
    const struct tcpfsm_config *cfg = listener->cfg;
    uint8_t ev = listener_event(listener, syn);

    listen_block(c, cfg, now, iss, out);
    listen_step(c, now, syn, ev, out);
    /* the proof, in steps: the event is the listener's, and no step below writes it */
    /*@ assert out->event == ev && ev == seg_event{Pre}(listener, syn, listener->cfg); */
    if (c->state != (uint8_t)TCPFSM_SYN_RECEIVED) {
        /* the listener's answer is in `out`; no connection was made */
        conn_reset(c, cfg);
        out->state = c->state;
        out->deadline = TCPFSM_NO_DEADLINE;
    }
}

/* A listener that stays a listener (RFC 9293 3.10.7.2, with the ISS chosen per SYN, RFC 6528):
   the segment `syn` arriving on `listener` (in LISTEN, not modified) is run on a new block `c`
   made from the listener's configuration and put in LISTEN by T02 with ISS = `iss`. The
   listener's own event for the segment (classified on the listener: in LISTEN the event depends
   only on the flags and the configuration) takes the LISTEN row on `c`: a SYN the listener
   accepts (T05) leaves `c` in SYN-RECEIVED with its SYN+ACK in `out`; any other segment
   (T06 RST reply to an ACK, T07 RST ignored, T08 dropped) leaves in `out` what the listener
   answers, and `c` is reset to CLOSED (out->state CLOSED, no deadline). */
/*@ requires listener == \null || valid_conn(listener);
    requires c == \null || \valid(c);
    requires syn == \null || valid_segment(syn);
    requires out == \null || \valid(out);
    requires listener != \null && c != \null && c != listener
             ==> \separated(c, listener) && \separated(c, listener->cfg);
    requires listener != \null && out != \null
             ==> \separated(out, listener) && \separated(out, listener->cfg);
    requires c != \null && out != \null ==> \separated(c, out);
    requires syn != \null && c != \null ==> \separated(syn, c);
    requires syn != \null && out != \null ==> \separated(syn, out);
    assigns *c, *out;
    behavior bad_args:
      assumes listener == \null || c == \null || syn == \null || out == \null || c == listener;
      assigns \nothing;
      ensures \result == TCPFSM_ERR_ARG;
    behavior not_listening:
      assumes listener != \null && c != \null && syn != \null && out != \null && c != listener;
      assumes listener->state != TCPFSM_LISTEN;
      assigns \nothing;
      ensures \result == TCPFSM_ERR_STATE;
    // RFC 9293 3.10.7.2 "third, check for a SYN": "Set RCV.NXT to SEG.SEQ+1, IRS is set to
    // SEG.SEQ ... ISS should be selected and a SYN segment sent of the form:
    // <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK> ... The connection state should be changed to
    // SYN-RECEIVED."
    behavior accepted:
      assumes listener != \null && c != \null && syn != \null && out != \null && c != listener;
      assumes listener->state == TCPFSM_LISTEN;
      assumes seg_event(listener, syn, listener->cfg) == TCPFSM_EV_SYN;
      ensures \result == TCPFSM_OK;
      ensures valid_conn(c) && valid_output(out) && c->cfg == listener->cfg;
      ensures c->state == TCPFSM_SYN_RECEIVED && out->state == TCPFSM_SYN_RECEIVED;
      ensures out->event == TCPFSM_EV_SYN;
      ensures row: tcpfsm_row(out->row, TCPFSM_LISTEN, TCPFSM_EV_SYN, 0, TCPFSM_SYN_RECEIVED);
      ensures out->deadline == conn_deadline(c);
    // 3.10.7.2 "first, check for a RST" (ignored), "second, check for an ACK" (a RST reply),
    // "fourth, other data or control" (dropped): the listener's answer, and no connection.
    behavior refused:
      assumes listener != \null && c != \null && syn != \null && out != \null && c != listener;
      assumes listener->state == TCPFSM_LISTEN;
      assumes seg_event(listener, syn, listener->cfg) != TCPFSM_EV_SYN;
      ensures \result == TCPFSM_OK;
      ensures valid_conn(c) && valid_output(out) && c->cfg == listener->cfg;
      ensures c->state == TCPFSM_CLOSED && out->state == TCPFSM_CLOSED;
      ensures event: out->event == seg_event{Pre}(listener, syn, listener->cfg);
      ensures row: tcpfsm_row(out->row, TCPFSM_LISTEN, out->event, 0, TCPFSM_LISTEN);
      ensures out->deadline == TCPFSM_NO_DEADLINE;
    complete behaviors;
    disjoint behaviors;
*/
int tcpfsm_accept(const struct tcpfsm_conn *listener, struct tcpfsm_conn *c, tcpfsm_time_t now,
                  const struct tcpfsm_segment *syn, uint32_t iss, struct tcpfsm_output *out)
{
    const struct tcpfsm_conn *block = c;

    if (listener == NULL || c == NULL || syn == NULL || out == NULL || block == listener)
        return TCPFSM_ERR_ARG;
    if (listener->state != (uint8_t)TCPFSM_LISTEN)
        return TCPFSM_ERR_STATE;
    accept_segment(listener, c, now, syn, iss, out);
    return TCPFSM_OK;
}

/* The timer event due at `now`, TCPFSM_EV_NONE if none. Retry limits per segment kind (3.8.3
   R2): SYN in SYN-SENT, SYN+ACK in SYN-RECEIVED, otherwise FIN and data. */
/*@ requires valid_conn(c);
    assigns \nothing;
    ensures event: \result == timer_event_of(c, now);
    ensures \result < TCPFSM_EVENT_COUNT || \result == TCPFSM_EV_NONE;
*/
static uint8_t timer_event(const struct tcpfsm_conn *c, tcpfsm_time_t now)
{
    uint8_t limit;
    uint32_t time = time_limit(c);

    if (c->timer == TCPFSM_TIMER_NONE || now < c->deadline)
        return (uint8_t)TCPFSM_EV_NONE;
    if (c->timer == TCPFSM_TIMER_TIME_WAIT)
        return (uint8_t)TCPFSM_EV_TIME_WAIT_EXPIRY;
    if (c->timer == TCPFSM_TIMER_FIN_WAIT_2)
        return (uint8_t)TCPFSM_EV_FIN_WAIT_2_TIMEOUT;
    /* RFC 9293 3.8.3 R2 as a time: the connection timeout also ends SYN-SENT, the user timeout
       alone decides in the synchronized states */
    if (time != 0u && time_limit_left(c, now, time) == 0u)
        return (uint8_t)TCPFSM_EV_RTO_GIVEUP;
    if (time != 0u && c->state != (uint8_t)TCPFSM_SYN_SENT)
        return (uint8_t)TCPFSM_EV_RTO;
    if (c->state == (uint8_t)TCPFSM_SYN_SENT)
        limit = c->cfg->syn_retries;
    else if (c->state == (uint8_t)TCPFSM_SYN_RECEIVED)
        limit = c->cfg->synack_retries;
    else
        limit = c->cfg->retries;
    return c->retries >= limit ? (uint8_t)TCPFSM_EV_RTO_GIVEUP : (uint8_t)TCPFSM_EV_RTO;
}

/*@ requires c == \null || valid_conn(c);
    requires out == \null || \valid(out);
    requires c != \null && out != \null ==> \separated(c, out) && \separated(out, c->cfg);
    assigns *c, *out;
    behavior bad_args:
      assumes c == \null || out == \null;
      assigns \nothing;
      ensures \result == TCPFSM_ERR_ARG;
    behavior ok_args:
      assumes c != \null && out != \null;
      ensures \result == TCPFSM_OK;
      ensures valid_conn(c) && valid_output(out);
      ensures faithful(\old(c->state), out->event, cell_guard{Pre}(c, \old(c->state), out->event), c->state);
      ensures out->state == c->state;
      ensures timer_event: out->event == timer_event_of{Pre}(c, now);
      ensures not_due: timer_event_of{Pre}(c, now) == TCPFSM_EV_NONE
                       ==> c->timer == \old(c->timer) && c->deadline == \old(c->deadline);
      ensures out->deadline == conn_deadline(c);
    complete behaviors;
    disjoint behaviors;
*/
int tcpfsm_timer(struct tcpfsm_conn *c, tcpfsm_time_t now, struct tcpfsm_output *out)
{
    struct call k;
    uint8_t ev;

    if (c == NULL || out == NULL)
        return TCPFSM_ERR_ARG;
    ev = timer_event(c, now);
    if (ev == (uint8_t)TCPFSM_EV_NONE) {
        /* "call at or after out->deadline; does nothing before it" */
        begin(c, out);
        signal_more(c, out);
        return TCPFSM_OK;
    }
    k.seg = NULL;
    k.now = now;
    k.iss = 0u;
    k.fin_new = 0u;
    k.timer_fired = 1u;
    k.passive_open = 0u;
    (void)run(c, ev, k, out);
    return TCPFSM_OK;
}

/* RFC 9293 3.10.7.1, for a segment that matches no connection at all. The reply comes from the
   table row of (CLOSED, NO_CONNECTION) or (CLOSED, RST). */
/*@ requires seg == \null || valid_segment(seg);
    requires out == \null || \valid(out);
    requires seg != \null && out != \null ==> \separated(seg, out);
    assigns *out;
    behavior bad_args:
      assumes seg == \null || out == \null;
      assigns \nothing;
      ensures \result == TCPFSM_ERR_ARG;
    behavior ok_args:
      assumes seg != \null && out != \null;
      ensures \result == TCPFSM_OK && valid_output(out);
      ensures out->state == TCPFSM_CLOSED;
      ensures (\old(seg->flags) & TCPFSM_RST) != 0 ==> out->count == 0;
    complete behaviors;
    disjoint behaviors;
*/
int tcpfsm_reply_no_connection(const struct tcpfsm_segment *seg, struct tcpfsm_output *out)
{
    struct tcpfsm_lookup res;
    uint8_t ev;

    if (seg == NULL || out == NULL)
        return TCPFSM_ERR_ARG;
    output_reset(out, (uint8_t)TCPFSM_CLOSED);
    ev = (seg->flags & TCPFSM_RST) != 0u ? (uint8_t)TCPFSM_EV_RST : (uint8_t)TCPFSM_EV_NO_CONNECTION;
    /* the CLOSED cells are unguarded */
    tcpfsm_table_lookup((uint8_t)TCPFSM_CLOSED, ev, 0u, &res);
    if ((res.actions & TCPFSM_ACT_SEND_RST) != 0u)
        emit_reset_reply(out, seg);
    /* (the flags as they were at the call: the segment is read-only, and reading it again after
       the output was written makes the provers carry the separation through emit's writes) */
    /*@ assert valid_output(out) && ((\at(seg->flags, Pre) & TCPFSM_RST) != 0 ==> out->count == 0); */
    no_text(out);
    out->event = ev;
    out->row = res.row;
    out->state = res.next;
    return TCPFSM_OK;
}

/* ============================================================ accessors */

/*@ requires c == \null || valid_conn(c);
    assigns \nothing;
    behavior null: assumes c == \null; ensures \result == TCPFSM_CLOSED;
    behavior conn: assumes c != \null; ensures \result == c->state;
    complete behaviors; disjoint behaviors;
*/
enum tcpfsm_state tcpfsm_state(const struct tcpfsm_conn *c)
{
    if (c == NULL)
        return TCPFSM_CLOSED;
    return (enum tcpfsm_state)c->state;
}

/* The name returned for a value that is not a state. */
static const char unknown_state_name[] = "?";

/*@ assigns \nothing;
    behavior known: assumes 0 <= (int)s < TCPFSM_STATE_COUNT;
      ensures \result == tcpfsm_state_names[(int)s];
    behavior unknown: assumes !(0 <= (int)s < TCPFSM_STATE_COUNT);
      ensures \result == &unknown_state_name[0];
    complete behaviors; disjoint behaviors;
*/
const char *tcpfsm_state_name(enum tcpfsm_state s)
{
    int i = (int)s;

    if (i < 0 || i >= (int)TCPFSM_STATE_COUNT)
        return &unknown_state_name[0];
    return tcpfsm_state_names[i];
}

/*@ requires c == \null || valid_conn(c);
    assigns \nothing;
    behavior null: assumes c == \null; ensures \result == 0;
    behavior conn: assumes c != \null; ensures \result == c->iss;
    complete behaviors; disjoint behaviors;
*/
uint32_t tcpfsm_iss(const struct tcpfsm_conn *c)
{
    return c == NULL ? 0u : c->iss;
}

/*@ requires c == \null || valid_conn(c);
    assigns \nothing;
    behavior null: assumes c == \null; ensures \result == 0;
    behavior conn: assumes c != \null; ensures \result == c->snd_una;
    complete behaviors; disjoint behaviors;
*/
uint32_t tcpfsm_snd_una(const struct tcpfsm_conn *c)
{
    return c == NULL ? 0u : c->snd_una;
}

/*@ requires c == \null || valid_conn(c);
    assigns \nothing;
    behavior null: assumes c == \null; ensures \result == 0;
    behavior conn: assumes c != \null; ensures \result == c->snd_nxt;
    complete behaviors; disjoint behaviors;
*/
uint32_t tcpfsm_snd_nxt(const struct tcpfsm_conn *c)
{
    return c == NULL ? 0u : c->snd_nxt;
}

/*@ requires c == \null || valid_conn(c);
    assigns \nothing;
    behavior null: assumes c == \null; ensures \result == 0;
    behavior conn: assumes c != \null; ensures \result == c->rcv_nxt;
    complete behaviors; disjoint behaviors;
*/
uint32_t tcpfsm_rcv_nxt(const struct tcpfsm_conn *c)
{
    return c == NULL ? 0u : c->rcv_nxt;
}

/*@ requires c == \null || valid_conn(c);
    assigns \nothing;
    behavior null: assumes c == \null; ensures \result == 0;
    behavior conn: assumes c != \null; ensures \result == c->snd_wnd;
    complete behaviors; disjoint behaviors;
*/
uint16_t tcpfsm_snd_wnd(const struct tcpfsm_conn *c)
{
    return c == NULL ? 0u : c->snd_wnd;
}

/*@ requires c == \null || valid_conn(c);
    assigns \nothing;
    behavior null: assumes c == \null; ensures \result == 0;
    behavior conn: assumes c != \null; ensures \result == c->snd_mss;
    complete behaviors; disjoint behaviors;
*/
uint16_t tcpfsm_snd_mss(const struct tcpfsm_conn *c)
{
    return c == NULL ? 0u : c->snd_mss;
}

/*@ requires c == \null || valid_conn(c);
    assigns \nothing;
    behavior null: assumes c == \null; ensures \result == 0;
    behavior conn: assumes c != \null; ensures \result == c->rcv_wnd;
    complete behaviors; disjoint behaviors;
*/
uint32_t tcpfsm_rcv_wnd(const struct tcpfsm_conn *c)
{
    return c == NULL ? 0u : c->rcv_wnd;
}

/*@ requires c == \null || valid_conn(c);
    assigns \nothing;
    behavior null: assumes c == \null; ensures \result == 0;
    behavior conn: assumes c != \null; ensures \result == c->snd_queued;
    complete behaviors; disjoint behaviors;
*/
uint32_t tcpfsm_snd_queued(const struct tcpfsm_conn *c)
{
    return c == NULL ? 0u : c->snd_queued;
}

/*@ requires c == \null || valid_conn(c);
    assigns \nothing;
    behavior null: assumes c == \null; ensures \result == 0;
    behavior conn: assumes c != \null;
      ensures \result == rto_of(c);
      ensures \result <= c->cfg->rto_max;
      ensures c->cfg->rto_min <= c->cfg->rto_max ==> \result >= c->cfg->rto_min;
    complete behaviors; disjoint behaviors;
*/
uint32_t tcpfsm_rto(const struct tcpfsm_conn *c)
{
    return c == NULL ? 0u : current_rto(c);
}

/*@ requires c == \null || valid_conn(c);
    assigns \nothing;
    behavior null: assumes c == \null; ensures \result == TCPFSM_NO_DEADLINE;
    behavior conn: assumes c != \null;
      ensures \result == (c->timer == TCPFSM_TIMER_NONE ? TCPFSM_NO_DEADLINE : c->deadline);
      ensures \result == conn_deadline(c);
      ensures c->timer != TCPFSM_TIMER_NONE ==> \result != TCPFSM_NO_DEADLINE;
    complete behaviors; disjoint behaviors;
*/
tcpfsm_time_t tcpfsm_deadline(const struct tcpfsm_conn *c)
{
    if (c == NULL || c->timer == TCPFSM_TIMER_NONE)
        return TCPFSM_NO_DEADLINE;
    return c->deadline;
}
