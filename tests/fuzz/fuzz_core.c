/*
 * fuzz_core.c - libFuzzer harness for the tcpfsm runtime core.
 *
 * The input bytes are decoded into a configuration for two connection blocks A and B and a
 * sequence of operations on them: user calls (OPEN active/passive, CLOSE, ABORT, SEND, consumed),
 * arbitrary segments, segments biased to the edges of the connection's own sequence space
 * (RCV.NXT, RCV.NXT+RCV.WND, SND.UNA, SND.NXT, SND.UNA-MAX.SND.WND) so that deep states are
 * reached, clock jumps (including exactly to the returned deadline) with tcpfsm_timer(), and the
 * two blocks talking to each other through a lossy, duplicating, reordering queue.
 *
 * After every call the C counterpart of the ACSL contract (src/tcpfsm_spec.h: valid_conn,
 * valid_output, faithful) and a set of TCP invariants are checked; any violation prints what
 * failed, both versions of the block and the output, and aborts, so libFuzzer keeps the input:
 *   - state < TCPFSM_STATE_COUNT, timer kind valid, out->count =< TCPFSM_MAX_SEGMENTS,
 *     out->state and out->deadline agree with the block;
 *   - the event matches the call (user event, segment event, timer event or none); out->row is
 *     exactly tcpfsm_table[old state][event].when[guard on the old block].row and its
 *     tcpfsm_rows[] entry is (old state, event, new state); no row, no state change; a due timer
 *     always takes a row; signals are exactly the row's SIGNAL_* actions;
 *   - segments: only the rows' sending actions emit; never a RST in reply to a RST; RST formats of
 *     RFC 9293 3.10.7.1 / ABORT; SYN at ISS; ACK = RCV.NXT; window = RCV.WND; data =< MSS; every
 *     sequence number sent lies in [SND.UNA, SND.NXT]; SND.NXT never advances without a segment;
 *   - sequence space: SND.UNA =< SND.NXT, ISS =< SND.UNA, SND.UNA/SND.NXT/ISS never go back and
 *     RCV.NXT moves at most by the segment's length within one incarnation; SEND accounts for
 *     every byte; TIME-WAIT has its 2*MSL timer, SYN-SENT/SYN-RECEIVED and anything outstanding
 *     have a retransmission timer; CLOSED/LISTEN have no timer and no queued data;
 *   - deadlines: a newly armed deadline lies in [now, now + the longest configured timer];
 *   - RFC 5961 section 7: challenge ACKs per second =< challenge_ack_limit;
 *   - two blocks that only heard each other: X.SND.UNA =< Y.RCV.NXT =< X.SND.NXT, FIN states
 *     consistent on both sides.
 * FUZZ_CORE_TRACE=1 prints every step; FUZZ_CORE_ALLOW=tag,... skips tagged checks (reported
 * findings whose fix is pending; none are skipped by default).
 *
 * Input format: byte 0 selects the profile of A (bits 0-1) and B (bits 2-3; 3 = arbitrary
 * numbers read from the input) and whether a knob byte follows for A (bit 4) and B (bit 5);
 * byte 1 selects the starting clock; then operations: op & 15 = operation, bit 4 = block,
 * bits 5-7 = variant (see LLVMFuzzerTestOneInput and tests/fuzz/make_core_seeds.py).
 *
 * Build: clang-14 -std=c99 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc
 *        tests/fuzz/fuzz_core.c src/\*.c
 * With -DFUZZ_CORE_STANDALONE a main() replays files given on the command line (no libFuzzer).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tcpfsm.h"
#include "tcpfsm_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ------------------------------------------------------------------ input decoding */

struct input {
    const uint8_t *p;
    size_t n;
};

static uint8_t u8(struct input *in)
{
    uint8_t v;
    if (in->n == 0)
        return 0;
    v = in->p[0];
    in->p++;
    in->n--;
    return v;
}

static uint16_t u16(struct input *in)
{
    uint16_t hi = u8(in);
    return (uint16_t)((hi << 8) | u8(in));
}

static uint32_t u32(struct input *in)
{
    uint32_t hi = u16(in);
    return (hi << 16) | u16(in);
}

/* ------------------------------------------------------------------ failure reporting */

static const char *g_step = "?";
static unsigned g_step_no;
static unsigned long long g_now;
static int g_trace = -1;
/* context of the call being checked, printed on a violation */
static const struct tcpfsm_conn *g_pre, *g_post;
static const struct tcpfsm_output *g_out;
static const struct tcpfsm_segment *g_seg;
static void dump_conn(const char *name, const struct tcpfsm_conn *c);

static void violation(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "fuzz_core: invariant violated at step %u (%s): ", g_step_no, g_step);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n  now %llu\n", g_now);
    if (g_seg != NULL)
        fprintf(stderr, "  input segment: seq %u ack %u flags 0x%x win %u len %u\n", g_seg->seq, g_seg->ack,
                g_seg->flags, g_seg->window, g_seg->len);
    if (g_pre != NULL)
        dump_conn("before", g_pre);
    if (g_post != NULL)
        dump_conn("after ", g_post);
    if (g_out != NULL) {
        unsigned k;
        fprintf(stderr, "  output: event %u row %u state %u count %u events 0x%x deadline %llu\n", g_out->event,
                g_out->row, g_out->state, g_out->count, g_out->events, (unsigned long long)g_out->deadline);
        for (k = 0; k < g_out->count && k < TCPFSM_MAX_SEGMENTS; k++)
            fprintf(stderr, "    seg %u: seq %u ack %u flags 0x%x win %u len %u\n", k, g_out->segments[k].seq,
                    g_out->segments[k].ack, g_out->segments[k].flags, g_out->segments[k].window,
                    g_out->segments[k].len);
    }
    fprintf(stderr, "  (replay with FUZZ_CORE_TRACE=1 to see every step)\n");
    abort();
}

#define CHECK(cond, ...)                                                                                \
    do {                                                                                                \
        if (!(cond))                                                                                    \
            violation(__VA_ARGS__);                                                                     \
    } while (0)

/* A check whose violation has been reported to the core's owner can be switched off while the fix
   is pending, to fuzz past it: FUZZ_CORE_ALLOW=tag1,tag2. Every such check has a tag, printed on
   violation. Nothing is allowed by default. */
static const char *g_allow;
static int g_allow_read;

static int allowed(const char *tag)
{
    const char *p;
    size_t n = strlen(tag);
    if (!g_allow_read) {
        g_allow = getenv("FUZZ_CORE_ALLOW");
        g_allow_read = 1;
    }
    for (p = g_allow; p != NULL && (p = strstr(p, tag)) != NULL; p += n)
        if ((p == g_allow || p[-1] == ',') && (p[n] == '\0' || p[n] == ','))
            return 1;
    return 0;
}

#define CHECK_TAGGED(tag, cond, ...)                                                                    \
    do {                                                                                                \
        if (!(cond) && !allowed(tag)) {                                                                 \
            fprintf(stderr, "fuzz_core: [%s] (FUZZ_CORE_ALLOW=%s skips this check)\n", tag, tag);        \
            violation(__VA_ARGS__);                                                                     \
        }                                                                                               \
    } while (0)

static void dump_conn(const char *name, const struct tcpfsm_conn *c)
{
    fprintf(stderr,
            "  %s: state %s iss %u snd_una %u snd_nxt %u rcv_nxt %u queued %u snd_wnd %u max_snd_wnd %u "
            "rcv_wnd %u flags 0x%x timer %u retries %u deadline %llu\n",
            name, tcpfsm_state_name((enum tcpfsm_state)c->state), c->iss, c->snd_una, c->snd_nxt, c->rcv_nxt,
            c->snd_queued, c->snd_wnd, c->max_snd_wnd, c->rcv_wnd, c->flags, c->timer, c->retries,
            (unsigned long long)c->deadline);
}

/* ------------------------------------------------------------------ sequence space */

/* seq_le_math of tcpfsm_spec.h: b is less than 2^31 ahead of a (computed here independently of
   the core's tcpfsm_seq_le) */
static int seq_le(uint32_t a, uint32_t b) { return (uint32_t)(b - a) < UINT32_C(0x80000000); }

static uint32_t seg_space(const struct tcpfsm_segment *s)
{
    return (uint32_t)s->len + ((s->flags & TCPFSM_SYN) ? 1u : 0u) + ((s->flags & TCPFSM_FIN) ? 1u : 0u);
}

/* ------------------------------------------------------------------ the invariant */

enum call_kind {
    CALL_OPEN_ACTIVE,
    CALL_OPEN_PASSIVE,
    CALL_CLOSE,
    CALL_ABORT,
    CALL_SEND,
    CALL_CONSUMED,
    CALL_SEGMENT,
    CALL_TIMER,
    CALL_PUSH,
    CALL_REASSEMBLED
};

static const char *const call_names[] = {"open_active", "open_passive", "close", "abort",
                                         "send", "consumed", "segment", "timer", "push", "reassembled"};

static uint8_t user_event(enum call_kind k)
{
    switch (k) {
    case CALL_OPEN_ACTIVE: return (uint8_t)TCPFSM_EV_OPEN_ACTIVE;
    case CALL_OPEN_PASSIVE: return (uint8_t)TCPFSM_EV_OPEN_PASSIVE;
    case CALL_CLOSE: return (uint8_t)TCPFSM_EV_CLOSE;
    case CALL_ABORT: return (uint8_t)TCPFSM_EV_ABORT;
    default: return (uint8_t)TCPFSM_EV_NONE;
    }
}

/* conn_guard of tcpfsm_spec.h, on the connection as it was before the call. */
static unsigned guard_value(const struct tcpfsm_conn *c, unsigned g)
{
    switch (g) {
    case TCPFSM_GUARD_PASSIVE_OPEN: return (c->flags & TCPFSM_F_PASSIVE) != 0u;
    case TCPFSM_GUARD_RFC5961_SYN: return c->cfg->rfc5961_syn != 0u;
    case TCPFSM_GUARD_RFC1337: return c->cfg->rfc1337 != 0u;
    case TCPFSM_GUARD_TW_REOPEN: return c->cfg->tw_reopen != 0u;
    case TCPFSM_GUARD_CLOSING_RST_RESETS: return c->cfg->closing_rst_resets != 0u;
    default: return 0u;
    }
}

static const struct tcpfsm_row_info *row_info(unsigned id)
{
    unsigned i;
    for (i = 0; i < TCPFSM_ROW_COUNT; i++)
        if (tcpfsm_rows[i].id == id)
            return &tcpfsm_rows[i];
    return NULL;
}

static uint64_t longest_timer(const struct tcpfsm_config *cfg)
{
    uint64_t m = cfg->rto_max;
    if (2u * (uint64_t)cfg->msl > m)
        m = 2u * (uint64_t)cfg->msl;
    if (cfg->fin_wait_2_timeout > m)
        m = cfg->fin_wait_2_timeout;
    return m;
}

/* Invariants that hold for a connection block at any time between calls (valid_conn and the
   sequence-space facts RFC 9293 3.3.1 relies on). */
static void check_conn(const char *name, const struct tcpfsm_conn *c, const struct tcpfsm_config *cfg)
{
    uint8_t st = c->state;
    CHECK(c->cfg == cfg, "%s: cfg pointer changed", name);
    CHECK(st < TCPFSM_STATE_COUNT, "%s: state %u out of range", name, st);
    CHECK(c->timer <= 3u, "%s: timer kind %u out of range", name, c->timer);
    CHECK(tcpfsm_state(c) == (enum tcpfsm_state)st, "%s: tcpfsm_state() disagrees", name);
    CHECK((c->timer == TCPFSM_TIMER_NONE) == (tcpfsm_deadline(c) == TCPFSM_NO_DEADLINE),
          "%s: timer kind %u but deadline %llu", name, c->timer, (unsigned long long)tcpfsm_deadline(c));
    CHECK(c->rcv_wnd <= cfg->window, "%s: RCV.WND %u above the configured window %u", name, c->rcv_wnd,
          cfg->window);
    if (st == TCPFSM_CLOSED || st == TCPFSM_LISTEN) {
        CHECK(c->timer == TCPFSM_TIMER_NONE, "%s: a timer (kind %u) runs in %s", name, c->timer,
              tcpfsm_state_name((enum tcpfsm_state)st));
        CHECK(c->snd_queued == 0u, "%s: %u bytes queued in %s", name, c->snd_queued,
              tcpfsm_state_name((enum tcpfsm_state)st));
        return;
    }
    /* "SND.UNA =< SND.NXT": the oldest unacknowledged number is never ahead of the next one */
    CHECK(seq_le(c->snd_una, c->snd_nxt), "%s: SND.UNA %u is ahead of SND.NXT %u", name, c->snd_una, c->snd_nxt);
    CHECK((uint64_t)(uint32_t)(c->snd_nxt - c->snd_una) + c->snd_queued <= UINT32_C(0x7fffffff),
          "%s: outstanding + queued exceeds half the sequence space", name);
    CHECK(seq_le(c->iss, c->snd_una), "%s: SND.UNA %u is below ISS %u", name, c->snd_una, c->iss);
    if (st == TCPFSM_TIME_WAIT)
        CHECK(c->timer == TCPFSM_TIMER_TIME_WAIT, "%s: TIME-WAIT without its 2*MSL timer (timer %u)", name,
              c->timer);
    if (st == TCPFSM_SYN_SENT || st == TCPFSM_SYN_RECEIVED)
        CHECK(c->timer == TCPFSM_TIMER_RTO, "%s: %s without a retransmission timer (timer %u)", name,
              tcpfsm_state_name((enum tcpfsm_state)st), c->timer);
    if (st == TCPFSM_FIN_WAIT_2 || st == TCPFSM_TIME_WAIT)
        CHECK(c->snd_una == c->snd_nxt, "%s: %s with unacknowledged data (SND.UNA %u SND.NXT %u)", name,
              tcpfsm_state_name((enum tcpfsm_state)st), c->snd_una, c->snd_nxt);
    /* RFC 6298 5.1: "Every time a packet containing data is sent (including a retransmission), if
       the timer is not running, start it running" -- anything outstanding has a timer on it. */
    if (c->snd_una != c->snd_nxt && st != TCPFSM_TIME_WAIT)
        CHECK(c->timer == TCPFSM_TIMER_RTO, "%s: %u sequence numbers outstanding in %s but no retransmission "
              "timer (timer %u)", name, (unsigned)(c->snd_nxt - c->snd_una),
              tcpfsm_state_name((enum tcpfsm_state)st), c->timer);
    if (c->timer == TCPFSM_TIMER_FIN_WAIT_2)
        CHECK(st == TCPFSM_FIN_WAIT_2, "%s: FIN-WAIT-2 timer in %s", name, tcpfsm_state_name((enum tcpfsm_state)st));
    if (c->timer == TCPFSM_TIMER_TIME_WAIT)
        CHECK(st == TCPFSM_TIME_WAIT, "%s: TIME-WAIT timer in %s", name, tcpfsm_state_name((enum tcpfsm_state)st));
}

struct step_ctx {
    const char *name;                  /* "A" or "B" */
    enum call_kind kind;
    const struct tcpfsm_conn *pre;     /* copy of the block before the call */
    const struct tcpfsm_conn *c;       /* the block after the call */
    const struct tcpfsm_config *cfg;
    const struct tcpfsm_segment *seg;  /* CALL_SEGMENT */
    uint32_t arg;                      /* OPEN: ISS; SEND / consumed / reassembled: len */
    tcpfsm_time_t now;
    int rc;
    const struct tcpfsm_output *out;
};

/* Could the core emit a segment right now (the spec's conn_can_send_more)? */
static int can_send_more(const struct tcpfsm_conn *c)
{
    uint32_t in_flight = c->snd_nxt - c->snd_una;
    int sends = c->state == TCPFSM_ESTABLISHED || c->state == TCPFSM_CLOSE_WAIT || c->state == TCPFSM_FIN_WAIT_1
                || c->state == TCPFSM_CLOSING || c->state == TCPFSM_LAST_ACK;
    if (!sends)
        return 0;
    if (c->snd_queued == 0)
        return (c->flags & TCPFSM_F_FIN_PENDING) != 0;
    return c->snd_wnd > in_flight && c->cfg->mss > 0;
}

static void check_step(const struct step_ctx *x)
{
    const struct tcpfsm_conn *pre = x->pre, *c = x->c;
    const struct tcpfsm_output *out = x->out;
    const struct tcpfsm_config *cfg = x->cfg;
    uint8_t from = pre->state, to = c->state, ev = out->event;
    uint32_t actions = 0;
    unsigned i, expected_row = TCPFSM_ROW_NONE, holds = 0;
    const struct tcpfsm_row_info *ri = NULL;
    int numbers_reset; /* the call legitimately started a new sequence space */
    int timer_due = x->kind == CALL_TIMER && pre->timer != TCPFSM_TIMER_NONE && x->now >= pre->deadline;

    check_conn(x->name, c, cfg);

    /* ---- valid_output */
    CHECK(out->count <= TCPFSM_MAX_SEGMENTS, "output count %u above TCPFSM_MAX_SEGMENTS", out->count);
    CHECK(out->state == to, "out->state %u but the block is in %u", out->state, to);
    CHECK_TAGGED(x->rc == TCPFSM_OK ? "deadline" : "error-deadline", out->deadline == tcpfsm_deadline(c),
                 "%s returned %d: out->deadline %llu but tcpfsm_deadline() %llu", call_names[x->kind],
                 x->rc, (unsigned long long)out->deadline, (unsigned long long)tcpfsm_deadline(c));

    /* ---- return codes */
    if (x->kind == CALL_SEGMENT || x->kind == CALL_TIMER || x->kind == CALL_PUSH)
        CHECK(x->rc == TCPFSM_OK, "%s returned %d", call_names[x->kind], x->rc);
    else
        CHECK(x->rc == TCPFSM_OK || x->rc == TCPFSM_ERR_STATE || x->rc == TCPFSM_ERR_CLOSING
                  || x->rc == TCPFSM_ERR_ARG,
              "%s returned %d", call_names[x->kind], x->rc);

    /* ---- the event the call was classified as */
    switch (x->kind) {
    case CALL_OPEN_ACTIVE:
    case CALL_OPEN_PASSIVE:
    case CALL_CLOSE:
    case CALL_ABORT:
        CHECK(ev == user_event(x->kind), "%s classified as event %u", call_names[x->kind], ev);
        break;
    case CALL_SEND:
    case CALL_CONSUMED:
    case CALL_PUSH:
    case CALL_REASSEMBLED:
        CHECK(ev == TCPFSM_EV_NONE, "%s classified as event %u", call_names[x->kind], ev);
        CHECK(to == from, "%s changed the state", call_names[x->kind]);
        break;
    case CALL_SEGMENT:
        CHECK(ev == TCPFSM_EV_NONE || (ev < TCPFSM_EVENT_COUNT && tcpfsm_event_kinds[ev] == TCPFSM_KIND_SEGMENT),
              "a segment classified as non-segment event %u", ev);
        break;
    case CALL_TIMER:
        CHECK(ev == TCPFSM_EV_NONE || (ev < TCPFSM_EVENT_COUNT && tcpfsm_event_kinds[ev] == TCPFSM_KIND_TIMER),
              "the clock classified as non-timer event %u", ev);
        if (!timer_due)
            CHECK(ev == TCPFSM_EV_NONE && out->count == 0 && to == from && c->deadline == pre->deadline,
                  "tcpfsm_timer() before the deadline did something (event %u, %u segments)", ev, out->count);
        else
            /* a due timer must be handled by a row, not silently dropped */
            CHECK(ev != TCPFSM_EV_NONE && out->row != TCPFSM_ROW_NONE,
                  "a due timer (kind %u) in %s took no row (event %u)", pre->timer,
                  tcpfsm_state_name((enum tcpfsm_state)from), ev);
        break;
    }

    /* ---- faithful(from, ev, guard, to): the row is the generated table's row */
    if (ev == TCPFSM_EV_NONE) {
        CHECK(out->row == TCPFSM_ROW_NONE, "row %u taken without an event", out->row);
    } else {
        CHECK(ev < TCPFSM_EVENT_COUNT, "event %u out of range", ev);
        if (tcpfsm_table[from][ev].guard != TCPFSM_GUARD_NONE)
            holds = guard_value(pre, tcpfsm_table[from][ev].guard);
        expected_row = tcpfsm_table[from][ev].when[holds].row;
        CHECK(out->row == expected_row, "(%s, %s, guard %u) must take row %u, took %u",
              tcpfsm_state_name((enum tcpfsm_state)from), tcpfsm_event_names[ev], holds, expected_row, out->row);
    }
    if (out->row == TCPFSM_ROW_NONE) {
        CHECK(to == from, "state changed %s -> %s without a table row", tcpfsm_state_name((enum tcpfsm_state)from),
              tcpfsm_state_name((enum tcpfsm_state)to));
    } else {
        ri = row_info(out->row);
        CHECK(ri != NULL, "row %u is not in tcpfsm_rows[]", out->row);
        CHECK(ri->from == from && ri->event == ev && ri->to == to,
              "row T%02u is (%s, %s) -> %s but the step was (%s, %s) -> %s", ri->id,
              tcpfsm_state_names[ri->from], tcpfsm_event_names[ri->event], tcpfsm_state_names[ri->to],
              tcpfsm_state_name((enum tcpfsm_state)from), tcpfsm_event_names[ev],
              tcpfsm_state_name((enum tcpfsm_state)to));
        CHECK(ri->guard == TCPFSM_GUARD_NONE || ri->guard_holds == holds, "row T%02u taken with guard value %u",
              ri->id, holds);
        actions = ri->actions;
    }
    if (x->kind == CALL_OPEN_ACTIVE || x->kind == CALL_OPEN_PASSIVE || x->kind == CALL_CLOSE
        || x->kind == CALL_ABORT)
        CHECK((x->rc == TCPFSM_OK) == (out->row != TCPFSM_ROW_NONE), "%s returned %d with row %u",
              call_names[x->kind], x->rc, out->row);

    /* ---- the application signals are exactly those of the row */
    {
        unsigned want = 0, lifecycle = TCPFSM_SIG_CONNECTED | TCPFSM_SIG_PEER_CLOSED | TCPFSM_SIG_RESET
                                       | TCPFSM_SIG_REFUSED | TCPFSM_SIG_TIMEOUT | TCPFSM_SIG_CLOSED
                                       | TCPFSM_SIG_LISTEN | TCPFSM_SIG_REOPENED;
        if (actions & TCPFSM_ACT_SIGNAL_CONNECTED) want |= TCPFSM_SIG_CONNECTED;
        if (actions & TCPFSM_ACT_SIGNAL_PEER_CLOSED) want |= TCPFSM_SIG_PEER_CLOSED;
        if (actions & TCPFSM_ACT_SIGNAL_RESET) want |= TCPFSM_SIG_RESET;
        if (actions & TCPFSM_ACT_SIGNAL_REFUSED) want |= TCPFSM_SIG_REFUSED;
        if (actions & TCPFSM_ACT_SIGNAL_TIMEOUT) want |= TCPFSM_SIG_TIMEOUT;
        if (actions & TCPFSM_ACT_SIGNAL_CLOSED) want |= TCPFSM_SIG_CLOSED;
        if (actions & TCPFSM_ACT_SIGNAL_LISTEN) want |= TCPFSM_SIG_LISTEN;
        if (actions & TCPFSM_ACT_SIGNAL_REOPENED) want |= TCPFSM_SIG_REOPENED;
        CHECK((out->events & lifecycle) == want, "signals 0x%x but row T%02u calls for 0x%x", out->events,
              out->row, want);
        if (!(actions & TCPFSM_ACT_PROCESS))   /* (tcpfsm_reassembled signals DATA outside the table) */
            CHECK(!(out->events & ((x->kind == CALL_REASSEMBLED ? 0u : TCPFSM_SIG_DATA) | TCPFSM_SIG_ACKED)),
                  "DATA/ACKED signalled without PROCESS");
        if (to == TCPFSM_CLOSED && from != TCPFSM_CLOSED)
            CHECK(out->events & (TCPFSM_SIG_CLOSED | TCPFSM_SIG_RESET | TCPFSM_SIG_REFUSED | TCPFSM_SIG_TIMEOUT),
                  "entered CLOSED without a closing signal (closed, reset, refused or timed out)");
        if (to == TCPFSM_LISTEN && from != TCPFSM_LISTEN && from != TCPFSM_CLOSED)
            CHECK(out->events & TCPFSM_SIG_LISTEN, "fell back to LISTEN without TCPFSM_SIG_LISTEN");
        if (from == TCPFSM_TIME_WAIT && to == TCPFSM_SYN_RECEIVED)
            CHECK(out->events & TCPFSM_SIG_REOPENED, "reopened TIME-WAIT without TCPFSM_SIG_REOPENED");
    }

    /* ---- segments: what may be emitted at all */
    {
        uint32_t send_actions = TCPFSM_ACT_SEND_SYN | TCPFSM_ACT_SEND_SYN_ACK | TCPFSM_ACT_SEND_ACK
                                | TCPFSM_ACT_SEND_FIN | TCPFSM_ACT_SEND_RST | TCPFSM_ACT_SEND_CHALLENGE_ACK
                                | TCPFSM_ACT_RETRANSMIT | TCPFSM_ACT_PROCESS;
        if (x->kind != CALL_SEND && x->kind != CALL_CONSUMED && x->kind != CALL_PUSH
            && x->kind != CALL_REASSEMBLED && !(actions & send_actions))
            CHECK(out->count == 0, "%u segments emitted by a row (T%02u) with no sending action", out->count,
                  out->row);
    }
    for (i = 0; i < out->count; i++) {
        const struct tcpfsm_segment *s = &out->segments[i];
        CHECK((s->flags & ~(TCPFSM_FIN | TCPFSM_SYN | TCPFSM_RST | TCPFSM_PSH | TCPFSM_ACK)) == 0,
              "segment %u has flags 0x%x", i, s->flags);
        if (x->kind == CALL_SEGMENT && (x->seg->flags & TCPFSM_RST))
            /* RFC 9293 3.10.7: "An incoming segment containing a RST is discarded" -- never answered
               by a RST (RFC 9293 3.5.2 / 3.10.7.1) */
            CHECK(!(s->flags & TCPFSM_RST), "a RST sent in reply to a RST");
        if (s->flags & TCPFSM_RST) {
            CHECK(actions & TCPFSM_ACT_SEND_RST, "RST emitted by row T%02u without SEND_RST", out->row);
            CHECK(s->len == 0 && !(s->flags & (TCPFSM_SYN | TCPFSM_FIN)), "RST with SYN, FIN or data");
            continue;
        }
        CHECK(!(s->flags & TCPFSM_SYN)
                  || (actions & (TCPFSM_ACT_SEND_SYN | TCPFSM_ACT_SEND_SYN_ACK | TCPFSM_ACT_RETRANSMIT)),
              "SYN emitted by row T%02u without SYN/SYN_ACK/RETRANSMIT", out->row);
        CHECK(!((s->flags & TCPFSM_SYN) && (s->flags & TCPFSM_FIN)), "a SYN+FIN emitted");
        CHECK(!((s->flags & TCPFSM_SYN) && s->len), "a SYN with data emitted");
        CHECK(cfg->mss == 0 || s->len <= cfg->mss, "segment of %u bytes above the MSS %u", s->len, cfg->mss);
        /* RFC 9293 3.7.1: no segment above the send MSS (the peer's, at most cfg->mss); our SYN and
           SYN+ACK carry the MSS option cfg->mss, other segments none; no window-scale option */
        CHECK(s->len <= tcpfsm_snd_mss(c), "segment of %u bytes above the send MSS %u", s->len,
              tcpfsm_snd_mss(c));
        CHECK(tcpfsm_snd_mss(c) <= cfg->mss, "send MSS %u above cfg->mss %u", tcpfsm_snd_mss(c), cfg->mss);
        CHECK(s->mss == ((s->flags & TCPFSM_SYN) ? cfg->mss : 0u), "segment %u carries MSS option %u", i, s->mss);
        CHECK(s->wscale == TCPFSM_WSCALE_NONE, "segment %u carries a window-scale option", i);
        CHECK(s->len == 0 || (s->flags & TCPFSM_ACK), "data without ACK");
        if (s->flags & TCPFSM_ACK)
            CHECK(s->ack == c->rcv_nxt, "segment %u acknowledges %u but RCV.NXT is %u", i, s->ack, c->rcv_nxt);
        /* the 16-bit field carries RCV.WND up to 65535 (no window scaling) */
        CHECK(s->window == (c->rcv_wnd < 65535u ? c->rcv_wnd : 65535u),
              "segment %u advertises window %u but RCV.WND is %u", i, s->window, c->rcv_wnd);
        /* every sequence number sent has been assigned: SND.UNA =< SEG.SEQ, SEG.SEQ+SEG.LEN =< SND.NXT */
        CHECK(seq_le(c->snd_una, s->seq) || (s->flags & TCPFSM_SYN),
              "segment %u starts at %u below SND.UNA %u", i, s->seq, c->snd_una);
        CHECK(seq_le(s->seq + seg_space(s), c->snd_nxt), "segment %u ends at %u beyond SND.NXT %u", i,
              s->seq + seg_space(s), c->snd_nxt);
        if (s->flags & TCPFSM_SYN)
            CHECK(s->seq == c->iss, "SYN at %u but ISS is %u", s->seq, c->iss);
        if (s->flags & TCPFSM_FIN)
            CHECK(s->seq + s->len + 1u == c->snd_nxt, "FIN at %u but SND.NXT is %u", s->seq + s->len, c->snd_nxt);
    }
    /* the actions that must produce a segment */
    if (actions & (TCPFSM_ACT_SEND_SYN | TCPFSM_ACT_SEND_SYN_ACK)) {
        int found = 0;
        for (i = 0; i < out->count; i++)
            found |= (out->segments[i].flags & TCPFSM_SYN) != 0;
        CHECK(found, "row T%02u sends a SYN but none was emitted", out->row);
    }
    if (actions & TCPFSM_ACT_SEND_SYN)
        CHECK(x->kind != CALL_OPEN_ACTIVE || c->iss == x->arg, "OPEN with ISS %u gave ISS %u", x->arg, c->iss);
    if (actions & TCPFSM_ACT_SEND_ACK) {
        int found = 0;
        for (i = 0; i < out->count; i++)
            found |= (out->segments[i].flags & TCPFSM_ACK) != 0;
        CHECK(found, "row T%02u sends an ACK but none was emitted", out->row);
    }
    if (actions & TCPFSM_ACT_RETRANSMIT)
        CHECK_TAGGED("empty-retransmit", out->count > 0, "row T%02u retransmits but nothing was emitted", out->row);
    if (actions & TCPFSM_ACT_SEND_RST) {
        if (x->kind == CALL_SEGMENT) {
            const struct tcpfsm_segment *s = x->seg;
            if (!(s->flags & TCPFSM_RST)) {
                CHECK(out->count >= 1 && (out->segments[0].flags & TCPFSM_RST), "row T%02u: no RST emitted",
                      out->row);
                /* syn_rst_from_tcb: a row that drops the connection (FreeBSD tcp_drop()) */
                if ((actions & TCPFSM_ACT_SIGNAL_RESET) && pre->cfg->syn_rst_from_tcb)
                    CHECK(out->segments[0].seq == pre->snd_nxt && out->segments[0].ack == pre->rcv_nxt
                              && out->segments[0].flags == (TCPFSM_RST | TCPFSM_ACK),
                          "RST dropping the connection must be <SEQ=SND.NXT><ACK=RCV.NXT><CTL=RST,ACK>");
                /* RFC 9293 3.10.7.1 / 3.5.2 */
                else if (s->flags & TCPFSM_ACK)
                    CHECK(out->segments[0].seq == s->ack && out->segments[0].flags == TCPFSM_RST,
                          "RST in reply to an ACK must be <SEQ=SEG.ACK><CTL=RST>");
                else
                    CHECK(out->segments[0].seq == 0 && out->segments[0].ack == s->seq + seg_space(s)
                              && out->segments[0].flags == (TCPFSM_RST | TCPFSM_ACK),
                          "RST must be <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>");
            }
        } else {
            if (pre->cfg->abort_rst_ack)
                /* Linux tcp_send_active_reset(), FreeBSD tcp_drop() */
                CHECK(out->count >= 1 && out->segments[0].flags == (TCPFSM_RST | TCPFSM_ACK)
                          && out->segments[0].seq == pre->snd_nxt && out->segments[0].ack == pre->rcv_nxt,
                      "ABORT with abort_rst_ack must send <SEQ=SND.NXT><ACK=RCV.NXT><CTL=RST,ACK>");
            else
                CHECK(out->count >= 1 && out->segments[0].flags == TCPFSM_RST && out->segments[0].seq == pre->snd_nxt,
                      "ABORT must send <SEQ=SND.NXT><CTL=RST>");
        }
    }

    /* ---- sequence variables move only forward within one incarnation */
    numbers_reset = (actions & (TCPFSM_ACT_SEND_SYN | TCPFSM_ACT_REOPEN)) != 0
                    || from == TCPFSM_CLOSED || from == TCPFSM_LISTEN || to == TCPFSM_CLOSED
                    || to == TCPFSM_LISTEN || x->kind == CALL_OPEN_PASSIVE;
    if (!numbers_reset) {
        CHECK(c->iss == pre->iss, "ISS changed from %u to %u", pre->iss, c->iss);
        CHECK(seq_le(pre->snd_una, c->snd_una), "SND.UNA went back from %u to %u", pre->snd_una, c->snd_una);
        CHECK(seq_le(pre->snd_nxt, c->snd_nxt), "SND.NXT went back from %u to %u", pre->snd_nxt, c->snd_nxt);
        if (from != TCPFSM_SYN_SENT) {
            uint32_t adv = c->rcv_nxt - pre->rcv_nxt;
            uint32_t limit = x->kind == CALL_SEGMENT ? seg_space(x->seg)
                             : x->kind == CALL_REASSEMBLED && x->rc == TCPFSM_OK ? x->arg : 0u;
            CHECK(adv <= limit, "RCV.NXT moved by %u (from %u to %u), more than the segment's %u", adv,
                  pre->rcv_nxt, c->rcv_nxt, limit);
        }
        if (c->snd_nxt != pre->snd_nxt) {
            /* nothing is counted as sent without being emitted */
            int found = 0;
            for (i = 0; i < out->count; i++)
                if (!(out->segments[i].flags & TCPFSM_RST)
                    && out->segments[i].seq + seg_space(&out->segments[i]) == c->snd_nxt)
                    found = 1;
            CHECK(found, "SND.NXT advanced from %u to %u but no emitted segment ends there", pre->snd_nxt,
                  c->snd_nxt);
        }
    }
    if (x->kind == CALL_SEND && x->rc == TCPFSM_OK) {
        uint32_t sent = 0;
        for (i = 0; i < out->count; i++)
            if (!(out->segments[i].flags & (TCPFSM_RST | TCPFSM_SYN)))
                sent += out->segments[i].len;
        CHECK((uint64_t)pre->snd_queued + x->arg == (uint64_t)c->snd_queued + sent,
              "SEND of %u: queued %u -> %u with %u bytes emitted", x->arg, pre->snd_queued, c->snd_queued, sent);
    }
    if (x->kind == CALL_SEND && x->rc != TCPFSM_OK)
        CHECK(c->snd_queued == pre->snd_queued && out->count == 0, "a refused SEND changed the queue");
    if (x->kind == CALL_PUSH) {
        uint32_t sent = 0;
        for (i = 0; i < out->count; i++)
            if (!(out->segments[i].flags & (TCPFSM_RST | TCPFSM_SYN)))
                sent += out->segments[i].len;
        CHECK((uint64_t)pre->snd_queued == (uint64_t)c->snd_queued + sent,
              "PUSH: queued %u -> %u with %u bytes emitted", pre->snd_queued, c->snd_queued, sent);
        CHECK(c->rcv_nxt == pre->rcv_nxt && c->rcv_wnd == pre->rcv_wnd, "PUSH moved the receive side");
        CHECK(!can_send_more(pre) || out->count > 0, "PUSH sent nothing though something could go");
    }
    if (x->kind == CALL_REASSEMBLED) {
        int takes = pre->state == TCPFSM_ESTABLISHED || pre->state == TCPFSM_FIN_WAIT_1
                    || pre->state == TCPFSM_FIN_WAIT_2;
        CHECK(x->rc == (!takes ? TCPFSM_ERR_STATE : x->arg > pre->rcv_wnd ? TCPFSM_ERR_ARG : TCPFSM_OK),
              "reassembled(%u) returned %d in %s with RCV.WND %u", x->arg, x->rc,
              tcpfsm_state_name((enum tcpfsm_state)pre->state), pre->rcv_wnd);
        if (x->rc == TCPFSM_OK) {
            CHECK(c->rcv_nxt == pre->rcv_nxt + x->arg && c->rcv_wnd == pre->rcv_wnd - x->arg,
                  "reassembled(%u): RCV.NXT %u -> %u, RCV.WND %u -> %u", x->arg, pre->rcv_nxt, c->rcv_nxt,
                  pre->rcv_wnd, c->rcv_wnd);
            CHECK(x->arg == 0 ? out->count == 0 && !(out->events & TCPFSM_SIG_DATA)
                              : out->count == 1 && (out->events & TCPFSM_SIG_DATA) && out->data_seq == pre->rcv_nxt
                                    && out->data_off == 0 && out->data_len == x->arg,
                  "reassembled(%u): %u segments, events 0x%x, data %u+%u", x->arg, out->count, out->events,
                  out->data_seq, out->data_len);
        } else {
            CHECK(c->rcv_nxt == pre->rcv_nxt && c->rcv_wnd == pre->rcv_wnd && out->count == 0,
                  "a refused reassembled changed the receive side or sent");
        }
    }

    /* ---- the text reported, and SIG_MORE exactly when more could go now */
    if (!(out->events & (TCPFSM_SIG_DATA | TCPFSM_SIG_OUT_OF_ORDER)))
        CHECK(out->data_len == 0, "data_len %u without SIG_DATA or SIG_OUT_OF_ORDER", out->data_len);
    CHECK(!((out->events & TCPFSM_SIG_DATA) && (out->events & TCPFSM_SIG_OUT_OF_ORDER)),
          "SIG_DATA and SIG_OUT_OF_ORDER together");
    if (x->kind == CALL_SEGMENT && (out->events & (TCPFSM_SIG_DATA | TCPFSM_SIG_OUT_OF_ORDER)))
        CHECK(out->data_off <= x->seg->len && out->data_len <= x->seg->len - out->data_off && out->data_len > 0,
              "text [%u, +%u) named in a segment of %u bytes", out->data_off, out->data_len, x->seg->len);
    if (x->kind == CALL_SEGMENT && (out->events & TCPFSM_SIG_DATA))
        CHECK(c->rcv_nxt - out->data_seq >= out->data_len, "SIG_DATA from %u +%u but RCV.NXT is %u",
              out->data_seq, out->data_len, c->rcv_nxt);
    if (x->kind == CALL_SEGMENT && (out->events & TCPFSM_SIG_OUT_OF_ORDER))
        CHECK(c->rcv_nxt == pre->rcv_nxt && out->data_seq - c->rcv_nxt > 0
                  && (uint64_t)(out->data_seq - c->rcv_nxt) + out->data_len <= c->rcv_wnd,
              "out-of-order text %u +%u outside RCV.NXT %u .. +RCV.WND %u", out->data_seq, out->data_len,
              c->rcv_nxt, c->rcv_wnd);
    CHECK(!(out->events & TCPFSM_SIG_MORE) == !can_send_more(c), "SIG_MORE %s but more %s go now",
          (out->events & TCPFSM_SIG_MORE) ? "set" : "clear", can_send_more(c) ? "could" : "could not");

    /* ---- deadline sane */
    if (c->timer != TCPFSM_TIMER_NONE && !(pre->timer == c->timer && pre->deadline == c->deadline)) {
        /* (re)armed in this call: now =< deadline =< now + the longest timer */
        uint64_t bound = longest_timer(cfg);
        CHECK(c->deadline >= x->now, "deadline %llu armed in the past (now %llu)",
              (unsigned long long)c->deadline, (unsigned long long)x->now);
        CHECK(c->deadline - x->now <= bound || c->deadline == TCPFSM_NO_DEADLINE - 1u,
              "deadline %llu more than %llu after now %llu", (unsigned long long)c->deadline,
              (unsigned long long)bound, (unsigned long long)x->now);
        if (c->timer == TCPFSM_TIMER_RTO)
            CHECK(c->deadline - x->now <= cfg->rto_max || c->deadline == TCPFSM_NO_DEADLINE - 1u,
                  "RTO deadline beyond rto_max");
    }
    if (timer_due && c->timer != TCPFSM_TIMER_NONE)
        CHECK(c->deadline > x->now || longest_timer(cfg) == 0 || c->deadline == TCPFSM_NO_DEADLINE - 1u
                  || (c->timer == TCPFSM_TIMER_RTO && tcpfsm_rto(c) == 0),
              "a fired timer left a deadline %llu not after now %llu", (unsigned long long)c->deadline,
              (unsigned long long)x->now);
}

/* ------------------------------------------------------------------ the world */

#define QCAP 48

struct queue {
    struct tcpfsm_segment seg[QCAP];
    unsigned n;
};

struct world {
    struct tcpfsm_config cfg[2];
    struct tcpfsm_conn conn[2];
    struct queue q[2];          /* q[i]: segments in flight towards conn[i] */
    tcpfsm_time_t now;
    /* clean: every segment either block ever received was emitted by the other one in the
       current incarnation (lost, duplicated and reordered but never forged or altered), so the
       two blocks' variables are related; cleared by forged segments, a second OPEN, init,
       TIME-WAIT reopen and any return to CLOSED or LISTEN */
    int clean;
    unsigned opens[2];
    /* RFC 5961 7: challenge ACKs sent by each block in the current second of the clock */
    uint64_t challenge_second[2];
    unsigned challenge_count[2];
};

/* Facts that follow from a state about the FINs (RFC 9293 figure 5). */
static int fin_sent_state(uint8_t s)
{
    return s == TCPFSM_FIN_WAIT_1 || s == TCPFSM_FIN_WAIT_2 || s == TCPFSM_CLOSING || s == TCPFSM_LAST_ACK
        || s == TCPFSM_TIME_WAIT;
}
static int fin_received_state(uint8_t s)
{
    return s == TCPFSM_CLOSE_WAIT || s == TCPFSM_CLOSING || s == TCPFSM_LAST_ACK || s == TCPFSM_TIME_WAIT;
}
static int fin_acked_state(uint8_t s) { return s == TCPFSM_FIN_WAIT_2 || s == TCPFSM_TIME_WAIT; }

/* Invariants relating two blocks that only ever heard each other: what Y received, X sent;
   what X has had acknowledged, Y received. */
static void check_pair(const struct world *w)
{
    unsigned x;
    if (!w->clean)
        return;
    g_step = "pair invariant";
    for (x = 0; x < 2; x++) {
        const struct tcpfsm_conn *X = &w->conn[x], *Y = &w->conn[1u - x];
        const char *xn = x ? "B" : "A", *yn = x ? "A" : "B";
        if (X->state == TCPFSM_CLOSED || X->state == TCPFSM_LISTEN || Y->state == TCPFSM_CLOSED
            || Y->state == TCPFSM_LISTEN)
            continue;
        if (Y->state != TCPFSM_SYN_SENT) {
            /* Y's RCV.NXT was set from X's SYN: X.SND.UNA =< Y.RCV.NXT =< X.SND.NXT */
            if (!seq_le(X->snd_una, Y->rcv_nxt) || !seq_le(Y->rcv_nxt, X->snd_nxt)) {
                dump_conn(xn, X);
                dump_conn(yn, Y);
                violation("%s.RCV.NXT %u outside [%s.SND.UNA %u, %s.SND.NXT %u]: received what was never sent, "
                          "or acknowledged what was never received", yn, Y->rcv_nxt, xn, X->snd_una, xn, X->snd_nxt);
            }
        }
        if (fin_received_state(Y->state)) {
            if (!fin_sent_state(X->state) || Y->rcv_nxt != X->snd_nxt) {
                dump_conn(xn, X);
                dump_conn(yn, Y);
                violation("%s is in %s but %s (in %s) never sent that FIN", yn, tcpfsm_state_names[Y->state], xn,
                          tcpfsm_state_names[X->state]);
            }
        }
        if (fin_acked_state(X->state) && !fin_received_state(Y->state)) {
            dump_conn(xn, X);
            dump_conn(yn, Y);
            violation("%s is in %s (its FIN acknowledged) but %s is in %s", xn, tcpfsm_state_names[X->state], yn,
                      tcpfsm_state_names[Y->state]);
        }
        if (X->snd_una != X->iss && Y->state == TCPFSM_SYN_SENT) {
            dump_conn(xn, X);
            dump_conn(yn, Y);
            violation("%s's SYN was acknowledged (%s) but %s never received it (%s)", xn,
                      tcpfsm_state_names[X->state], yn, tcpfsm_state_names[Y->state]);
        }
    }
}

static void enqueue(struct queue *q, const struct tcpfsm_segment *s)
{
    if (q->n < QCAP)
        q->seg[q->n++] = *s;
}

static void dequeue_at(struct queue *q, unsigned i, struct tcpfsm_segment *s)
{
    *s = q->seg[i];
    memmove(&q->seg[i], &q->seg[i + 1], (q->n - i - 1) * sizeof q->seg[0]);
    q->n--;
}

/* One API call on conn[i], with its checks; the output goes onto the wire towards the other. */
/* tcpfsm_accept, differentially: the segment `seg` that the listener `pre` (a block in LISTEN, as it
   was before the segment) answered with `lout` through tcpfsm_segment, given to tcpfsm_accept on a
   copy of `pre` with the listener's own ISS, gets the same answer (row, event, signals, segments)
   without a write to the listener; the new block is in SYN-RECEIVED with that ISS and the
   listener's configuration when the listener took T05, otherwise CLOSED with no deadline. */
static void check_accept(const struct tcpfsm_conn *pre, const struct tcpfsm_segment *seg,
                         const struct tcpfsm_output *lout, tcpfsm_time_t now)
{
    struct tcpfsm_conn listener = *pre, snapshot = *pre, child;
    struct tcpfsm_output out;
    int rc;

    memset(&child, 0x5a, sizeof child);
    memset(&out, 0xa5, sizeof out);
    rc = tcpfsm_accept(&listener, &child, now, seg, pre->iss, &out);
    CHECK(rc == TCPFSM_OK, "tcpfsm_accept returned %d on a listener", rc);
    CHECK(memcmp(&listener, &snapshot, sizeof listener) == 0, "tcpfsm_accept wrote the listener");
    CHECK(out.row == lout->row && out.event == lout->event && out.events == lout->events
              && out.count == lout->count,
          "tcpfsm_accept: row T%02u event %u events 0x%x count %u, the listener T%02u event %u events 0x%x count %u",
          out.row, out.event, out.events, out.count, lout->row, lout->event, lout->events, lout->count);
    CHECK(memcmp(out.segments, lout->segments, out.count * sizeof out.segments[0]) == 0,
          "tcpfsm_accept: its segments differ from the listener's");
    CHECK(child.cfg == pre->cfg, "tcpfsm_accept: the new block has another configuration");
    if (lout->state == TCPFSM_SYN_RECEIVED) {
        CHECK(out.state == TCPFSM_SYN_RECEIVED && child.state == TCPFSM_SYN_RECEIVED && child.iss == pre->iss
                  && out.deadline == tcpfsm_deadline(&child) && out.deadline != TCPFSM_NO_DEADLINE,
              "tcpfsm_accept: a SYN the listener accepts did not make a connection in SYN-RECEIVED");
    } else {
        CHECK(out.state == TCPFSM_CLOSED && child.state == TCPFSM_CLOSED && out.deadline == TCPFSM_NO_DEADLINE
                  && tcpfsm_deadline(&child) == TCPFSM_NO_DEADLINE,
              "tcpfsm_accept: a segment the listener does not accept left the block in %s",
              tcpfsm_state_name((enum tcpfsm_state)child.state));
    }
}

static void call(struct world *w, unsigned i, enum call_kind kind, uint32_t arg, const struct tcpfsm_segment *seg)
{
    struct tcpfsm_conn pre = w->conn[i];
    struct tcpfsm_conn *c = &w->conn[i];
    struct tcpfsm_output out;
    struct tcpfsm_segment segcopy;
    struct step_ctx x;
    unsigned k;
    int rc = 0;

    memset(&out, 0xa5, sizeof out); /* the core must fill every field it reports */
    if (seg != NULL)
        segcopy = *seg;
    g_step = call_names[kind];
    g_step_no++;
    g_now = w->now;
    switch (kind) {
    case CALL_OPEN_ACTIVE: rc = tcpfsm_open_active(c, w->now, arg, &out); break;
    case CALL_OPEN_PASSIVE: rc = tcpfsm_open_passive(c, w->now, arg, &out); break;
    case CALL_CLOSE: rc = tcpfsm_close(c, w->now, &out); break;
    case CALL_ABORT: rc = tcpfsm_abort(c, w->now, &out); break;
    case CALL_SEND: rc = tcpfsm_send(c, w->now, arg, &out); break;
    case CALL_CONSUMED: rc = tcpfsm_consumed(c, w->now, arg, &out); break;
    case CALL_SEGMENT: rc = tcpfsm_segment(c, w->now, &segcopy, &out); break;
    case CALL_TIMER: rc = tcpfsm_timer(c, w->now, &out); break;
    case CALL_PUSH: rc = tcpfsm_push(c, w->now, &out); break;
    case CALL_REASSEMBLED: rc = tcpfsm_reassembled(c, w->now, arg, &out); break;
    }
    if (seg != NULL && memcmp(&segcopy, seg, sizeof segcopy) != 0)
        violation("tcpfsm_segment modified its input segment");
    if (kind == CALL_SEGMENT && pre.state == TCPFSM_LISTEN)
        check_accept(&pre, seg, &out, w->now);
    x.name = i == 0 ? "A" : "B";
    x.kind = kind;
    x.pre = &pre;
    x.c = c;
    x.cfg = &w->cfg[i];
    x.seg = seg;
    x.arg = arg;
    x.now = w->now;
    x.rc = rc;
    x.out = &out;
    if (g_trace < 0)
        g_trace = getenv("FUZZ_CORE_TRACE") != NULL;
    if (g_trace) {
        fprintf(stderr, "#%u %s %s arg %u now %llu", g_step_no, x.name, call_names[kind], arg,
                (unsigned long long)w->now);
        if (seg != NULL)
            fprintf(stderr, " seg seq %u ack %u flags 0x%x win %u len %u", seg->seq, seg->ack, seg->flags,
                    seg->window, seg->len);
        fprintf(stderr, " -> rc %d event %u row %u %s -> %s, %u segs, events 0x%x\n", rc, out.event, out.row,
                tcpfsm_state_name((enum tcpfsm_state)pre.state), tcpfsm_state_name((enum tcpfsm_state)c->state),
                out.count <= TCPFSM_MAX_SEGMENTS ? out.count : 0, out.events);
        for (k = 0; k < out.count && k < TCPFSM_MAX_SEGMENTS; k++)
            fprintf(stderr, "     out seq %u ack %u flags 0x%x win %u len %u\n", out.segments[k].seq,
                    out.segments[k].ack, out.segments[k].flags, out.segments[k].window, out.segments[k].len);
    }
    g_pre = &pre;
    g_post = c;
    g_out = &out;
    g_seg = seg;
    check_step(&x);
    g_pre = g_post = NULL;
    g_out = NULL;
    g_seg = NULL;
    if (out.count <= TCPFSM_MAX_SEGMENTS)
        for (k = 0; k < out.count; k++)
            enqueue(&w->q[1u - i], &out.segments[k]);
    /* RFC 5961 section 7: "limit the number of challenge ACKs a TCP stack sends within a given
       time period": at most cfg->challenge_ack_limit per second (0: no limit) */
    if (out.row != TCPFSM_ROW_NONE && (row_info(out.row)->actions & TCPFSM_ACT_SEND_CHALLENGE_ACK)
        && out.count <= TCPFSM_MAX_SEGMENTS) {
        uint64_t sec = w->now / 1000000u;
        if (sec != w->challenge_second[i]) {
            w->challenge_second[i] = sec;
            w->challenge_count[i] = 0;
        }
        for (k = 0; k < out.count; k++)
            if (out.segments[k].flags == TCPFSM_ACK && out.segments[k].len == 0)
                w->challenge_count[i]++;
        g_pre = &pre;
        g_post = c;
        g_out = &out;
        g_seg = seg;
        CHECK(w->cfg[i].challenge_ack_limit == 0 || w->challenge_count[i] <= w->cfg[i].challenge_ack_limit,
              "%u challenge ACKs in second %llu, above the limit %u", w->challenge_count[i],
              (unsigned long long)sec, w->cfg[i].challenge_ack_limit);
        g_pre = g_post = NULL;
        g_out = NULL;
        g_seg = NULL;
    }
    /* incarnations */
    if ((kind == CALL_OPEN_ACTIVE || kind == CALL_OPEN_PASSIVE) && rc == TCPFSM_OK && ++w->opens[i] > 1u)
        w->clean = 0;
    if (out.row != TCPFSM_ROW_NONE && (row_info(out.row)->actions & TCPFSM_ACT_REOPEN))
        w->clean = 0;
    if ((c->state == TCPFSM_CLOSED || c->state == TCPFSM_LISTEN) && pre.state != TCPFSM_CLOSED
        && pre.state != TCPFSM_LISTEN)
        w->clean = 0;
    check_pair(w);
}

/* ------------------------------------------------------------------ decoding operations */

static uint32_t pick_iss(struct input *in)
{
    static const uint32_t special[] = {0u, 1u, 0x7fffffffu, 0x80000000u, 0xfffffffeu, 0xffffffffu,
                                       0xffffff00u, 0xfffffc18u, 1000000u};
    uint8_t sel = u8(in);
    if (sel < 0x80)
        return special[sel % (sizeof special / sizeof special[0])];
    return u32(in);
}

/* A 32-bit offset around an edge: small signed values, window sized ones, half the space. */
static uint32_t pick_delta(struct input *in, uint32_t wnd)
{
    uint8_t sel = u8(in);
    switch (sel & 15u) {
    case 0: return 0u;
    case 1: return 1u;
    case 2: return (uint32_t)-1;
    case 3: return wnd;
    case 4: return wnd - 1u;
    case 5: return wnd + 1u;
    case 6: return (uint32_t)0 - wnd;
    case 7: return (uint32_t)0 - wnd - 1u;
    case 8: return UINT32_C(0x80000000);
    case 9: return UINT32_C(0x7fffffff);
    case 10: return (uint32_t)(int32_t)(int8_t)u8(in);
    case 11: return (uint32_t)(int32_t)(int16_t)u16(in);
    case 12: return u32(in);
    case 13: return (uint32_t)-2;
    case 14: return 2u;
    default: return (uint32_t)(sel >> 4);
    }
}

static uint16_t pick_len(struct input *in, const struct tcpfsm_config *cfg)
{
    uint8_t sel = u8(in);
    switch (sel & 7u) {
    case 0: return 0u;
    case 1: return 1u;
    case 2: return cfg->mss;
    case 3: return (uint16_t)(cfg->mss + 1u);
    case 4: return u16(in);
    case 5: return (uint16_t)(sel >> 3);
    case 6: return cfg->window < 65535u ? (uint16_t)cfg->window : 65535u;
    default: return 0u;
    }
}

static uint16_t pick_window(struct input *in)
{
    uint8_t sel = u8(in);
    switch (sel & 7u) {
    case 0: return 65535u;
    case 1: return 0u;
    case 2: return 1u;
    case 3: return 536u;
    case 4: return u16(in);
    default: return (uint16_t)(sel << 5);
    }
}

/* A receive buffer (cfg->window): a 16-bit window, or one above 65535 (FreeBSD's 65536 rounded
   up to a multiple of the MSS, any 17-bit one, up to TCPFSM_WINDOW_MAX). */
static uint32_t pick_rcv_buffer(struct input *in)
{
    uint8_t sel = u8(in);
    switch (sel & 3u) {
    case 0: return pick_window(in);
    case 1: return (sel & 4u) ? 65700u : 66240u;
    case 2: return 65536u + u16(in);
    default: return (sel & 4u) ? TCPFSM_WINDOW_MAX : (u32(in) & TCPFSM_WINDOW_MAX);
    }
}

/* A segment whose numbers sit near conn[i]'s own edges. */
static void biased_segment(struct input *in, const struct world *w, unsigned i, struct tcpfsm_segment *s)
{
    const struct tcpfsm_conn *c = &w->conn[i];
    uint8_t base = u8(in);
    uint8_t fl = u8(in);
    static const uint16_t flag_sets[] = {
        TCPFSM_ACK, TCPFSM_ACK | TCPFSM_PSH, TCPFSM_SYN, TCPFSM_SYN | TCPFSM_ACK, TCPFSM_FIN | TCPFSM_ACK,
        TCPFSM_RST, TCPFSM_RST | TCPFSM_ACK, TCPFSM_FIN, TCPFSM_SYN | TCPFSM_FIN, TCPFSM_FIN | TCPFSM_ACK | TCPFSM_PSH,
        TCPFSM_SYN | TCPFSM_RST, 0u, TCPFSM_ACK | TCPFSM_URG, TCPFSM_SYN | TCPFSM_FIN | TCPFSM_ACK,
        TCPFSM_RST | TCPFSM_FIN, TCPFSM_ACK | 0x40u};
    uint32_t ackbase;
    s->flags = (fl & 0x80u) ? (uint16_t)(fl & 0x3fu) : flag_sets[fl & 15u];
    s->len = pick_len(in, c->cfg);
    s->window = pick_window(in);
    /* sequence number: relative to RCV.NXT (or, for a FIN retransmission, to RCV.NXT - 1 - len) */
    switch (base & 3u) {
    case 0: s->seq = c->rcv_nxt + pick_delta(in, c->rcv_wnd); break;
    case 1: s->seq = c->rcv_nxt + c->rcv_wnd + pick_delta(in, c->rcv_wnd); break;
    case 2: s->seq = c->rcv_nxt - 1u - s->len + pick_delta(in, c->rcv_wnd); break;
    default: s->seq = c->rcv_nxt - 1u + pick_delta(in, c->rcv_wnd); break; /* the peer's ISN / SYN */
    }
    switch ((base >> 2) & 7u) {
    case 0: ackbase = c->snd_nxt; break;
    case 1: ackbase = c->snd_una; break;
    case 2: ackbase = c->snd_una - c->max_snd_wnd; break;
    case 3: ackbase = c->iss; break;
    case 4: ackbase = c->snd_una + 1u; break;
    case 5: ackbase = c->snd_nxt - 1u; break;
    case 6: ackbase = w->conn[1u - i].rcv_nxt; break;
    default: ackbase = u32(in); break;
    }
    s->ack = ackbase + ((base & 0x20u) ? pick_delta(in, c->max_snd_wnd) : 0u);
    /* the options the core reads from a SYN: no MSS option, or one of 8 to 2040 (the window-scale
       option is ignored by the core) */
    {
        uint8_t m = u8(in);
        s->mss = (uint16_t)(m * 8u);
        s->wscale = (m & 1u) ? (uint16_t)(m & 15u) : (uint16_t)TCPFSM_WSCALE_NONE;
    }
}

static void raw_segment(struct input *in, struct tcpfsm_segment *s)
{
    s->seq = u32(in);
    s->ack = u32(in);
    s->flags = u16(in);
    s->window = u16(in);
    s->len = u16(in);
    s->mss = u16(in);
    s->wscale = u16(in);
}

static void advance_clock(struct world *w, uint64_t delta)
{
    /* the clock stops just below TCPFSM_NO_DEADLINE - 1, the latest deadline the core can set */
    if (w->now >= TCPFSM_NO_DEADLINE - 2u || delta >= TCPFSM_NO_DEADLINE - 2u - w->now)
        w->now = TCPFSM_NO_DEADLINE - 2u;
    else
        w->now += delta;
}

/* The earliest pending deadline of the two blocks. */
static tcpfsm_time_t next_deadline(const struct world *w, unsigned *who)
{
    tcpfsm_time_t a = tcpfsm_deadline(&w->conn[0]), b = tcpfsm_deadline(&w->conn[1]);
    *who = b < a ? 1u : 0u;
    return b < a ? b : a;
}

/* Deliver everything in flight and fire timers until quiet (bounded). */
static void drain(struct world *w, unsigned max_timers)
{
    unsigned rounds = 0, timers = 0;
    while (rounds++ < 256) {
        unsigned who;
        tcpfsm_time_t d;
        if (w->q[0].n > 0 || w->q[1].n > 0) {
            unsigned i = w->q[0].n > 0 ? 0u : 1u;
            struct tcpfsm_segment s;
            dequeue_at(&w->q[i], 0, &s);
            call(w, i, CALL_SEGMENT, 0, &s);
            continue;
        }
        d = next_deadline(w, &who);
        if (d == TCPFSM_NO_DEADLINE || timers++ >= max_timers)
            break;
        if (d > w->now)
            w->now = d < TCPFSM_NO_DEADLINE - 2u ? d : TCPFSM_NO_DEADLINE - 2u;
        call(w, who, CALL_TIMER, 0, NULL);
    }
}

static void setup_config(struct input *in, struct tcpfsm_config *cfg, uint8_t hdr, unsigned which)
{
    static const struct tcpfsm_config *const profiles[] = {&tcpfsm_profile_rfc, &tcpfsm_profile_linux,
                                                           &tcpfsm_profile_freebsd, &tcpfsm_profile_rfc};
    unsigned prof = (hdr >> (which * 2u)) & 3u;
    *cfg = *profiles[prof];
    if (hdr & (0x10u << which)) {
        uint8_t k = u8(in);
        static const uint8_t limits[] = {0, 1, 2, 10};
        cfg->rfc5961_rst = k & 1u;
        cfg->rfc5961_syn = (k >> 1) & 1u;
        cfg->rfc5961_ack = (k >> 2) & 1u;
        cfg->rfc1337 = (k >> 3) & 1u;
        cfg->tw_reopen = (k >> 4) & 1u;
        cfg->challenge_ack_limit = limits[(k >> 5) & 3u];
        if (k & 0x80u)
            cfg->fin_wait_2_timeout = cfg->fin_wait_2_timeout ? 0u : 60000000u;
    }
    if (prof == 3u) {
        /* arbitrary numbers (valid_config only asks for a readable configuration), brought into
           acceptable_config below */
        cfg->window = pick_rcv_buffer(in);
        cfg->mss = (uint16_t)(u8(in) & 1u ? u16(in) : (uint16_t)(u8(in) * 8u));
        cfg->rto_initial = u8(in) & 1u ? u32(in) : (uint32_t)u8(in) * 1000u;
        cfg->rto_min = u8(in) & 1u ? u32(in) : (uint32_t)u8(in) * 1000u;
        cfg->rto_max = u8(in) & 1u ? u32(in) : (uint32_t)u16(in) * 1000u;
        cfg->syn_retries = (uint8_t)(u8(in) & 0x8fu);
        cfg->synack_retries = (uint8_t)(u8(in) & 0x8fu);
        cfg->retries = (uint8_t)(u8(in) & 0x8fu);
        cfg->syn_linear_timeouts = (uint8_t)(u8(in) & 0x87u);
        cfg->msl = u8(in) & 1u ? u32(in) : (uint32_t)u8(in) * 1000u;
        cfg->fin_wait_2_timeout = u8(in) & 1u ? u32(in) : (uint32_t)u8(in) * 100000u;
        {
            /* the classifier knobs (FreeBSD's TIME-WAIT check, SYN+FIN and LISTEN SYN,ACK drops) */
            uint8_t b = u8(in);
            cfg->tw_bsd = b & 1u;
            cfg->drop_synfin = (b >> 1) & 1u;
            cfg->listen_synack_drop = (b >> 2) & 1u;
            cfg->abort_rst_ack = (b >> 3) & 1u;
            /* a user timeout (RFC 5482) of up to 6.5 s, or none */
            cfg->user_timeout = (b >> 4) & 1u ? (uint32_t)u16(in) * 100u : 0u;
            /* a connection timeout (FreeBSD keepinit) of up to 6.5 s, or none */
            cfg->connect_timeout = (b >> 5) & 1u ? (uint32_t)u16(in) * 100u : 0u;
        }
        /* tcpfsm_init refuses exactly the configurations outside acceptable_config
           (src/tcpfsm_spec.h); check it on the arbitrary numbers, then bring them in range so
           that the run goes on with a configuration the core accepts */
        {
            struct tcpfsm_conn probe;
            int ok = cfg->rto_min > 0 && cfg->rto_min <= cfg->rto_initial && cfg->rto_initial <= cfg->rto_max
                     && cfg->mss > 0 && cfg->msl > 0 && cfg->window > 0 && cfg->window <= TCPFSM_WINDOW_MAX;
            CHECK((tcpfsm_init(&probe, cfg) == TCPFSM_OK) == ok, "tcpfsm_init: acceptable_config");
            if (cfg->rto_min == 0u)
                cfg->rto_min = 1u;
            if (cfg->rto_max < cfg->rto_min)
                cfg->rto_max = cfg->rto_min;
            if (cfg->rto_initial < cfg->rto_min)
                cfg->rto_initial = cfg->rto_min;
            if (cfg->rto_initial > cfg->rto_max)
                cfg->rto_initial = cfg->rto_max;
            if (cfg->mss == 0u)
                cfg->mss = 1u;
            if (cfg->msl == 0u)
                cfg->msl = 1u;
            if (cfg->window == 0u)
                cfg->window = 1u;
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct world w;
    struct input in;
    uint8_t hdr, hdr2;
    unsigned ops = 0;

    static int null_args_checked;
    if (!null_args_checked) {
        /* every entry point refuses NULL with TCPFSM_ERR_ARG and does not crash */
        struct tcpfsm_conn c0;
        struct tcpfsm_output o0;
        struct tcpfsm_segment s0;
        memset(&s0, 0, sizeof s0);
        null_args_checked = 1;
        g_step = "NULL arguments";
        CHECK(tcpfsm_init(NULL, &tcpfsm_profile_rfc) == TCPFSM_ERR_ARG, "init(NULL)");
        CHECK(tcpfsm_init(&c0, NULL) == TCPFSM_ERR_ARG, "init(c, NULL)");
        tcpfsm_init(&c0, &tcpfsm_profile_rfc);
        CHECK(tcpfsm_open_active(NULL, 0, 1, &o0) == TCPFSM_ERR_ARG, "open_active(NULL)");
        CHECK(tcpfsm_open_active(&c0, 0, 1, NULL) == TCPFSM_ERR_ARG, "open_active(out NULL)");
        CHECK(tcpfsm_open_passive(NULL, 0, 1, &o0) == TCPFSM_ERR_ARG, "open_passive(NULL)");
        CHECK(tcpfsm_close(NULL, 0, &o0) == TCPFSM_ERR_ARG, "close(NULL)");
        CHECK(tcpfsm_abort(&c0, 0, NULL) == TCPFSM_ERR_ARG, "abort(out NULL)");
        CHECK(tcpfsm_send(NULL, 0, 1, &o0) == TCPFSM_ERR_ARG, "send(NULL)");
        CHECK(tcpfsm_consumed(&c0, 0, 1, NULL) == TCPFSM_ERR_ARG, "consumed(out NULL)");
        CHECK(tcpfsm_segment(&c0, 0, NULL, &o0) == TCPFSM_ERR_ARG, "segment(seg NULL)");
        CHECK(tcpfsm_segment(NULL, 0, &s0, &o0) == TCPFSM_ERR_ARG, "segment(NULL)");
        CHECK(tcpfsm_timer(NULL, 0, &o0) == TCPFSM_ERR_ARG, "timer(NULL)");
        CHECK(tcpfsm_reply_no_connection(NULL, &o0) == TCPFSM_ERR_ARG, "reply_no_connection(NULL)");
        CHECK(tcpfsm_reply_no_connection(&s0, NULL) == TCPFSM_ERR_ARG, "reply_no_connection(out NULL)");
        CHECK(tcpfsm_state(NULL) == TCPFSM_CLOSED && tcpfsm_deadline(NULL) == TCPFSM_NO_DEADLINE
                  && tcpfsm_snd_una(NULL) == 0 && tcpfsm_rto(NULL) == 0,
              "accessors on NULL");
        CHECK(tcpfsm_state_name((enum tcpfsm_state)99) != NULL, "state_name(99)");
        CHECK(c0.state == TCPFSM_CLOSED, "a refused call changed the block");
    }
    in.p = data;
    in.n = size;
    memset(&w, 0, sizeof w);
    g_step_no = 0;
    w.clean = 1;
    hdr = u8(&in);
    hdr2 = u8(&in);
    setup_config(&in, &w.cfg[0], hdr, 0);
    setup_config(&in, &w.cfg[1], hdr, 1);
    /* start the clock at 0, just before 2^32 us (rtt_start keeps 32 bits), or anywhere */
    switch (hdr2 & 3u) {
    case 0: w.now = 0; break;
    case 1: w.now = UINT64_C(0xffffffff) - 500000u; break;
    case 2: w.now = (uint64_t)u32(&in) << (u8(&in) & 31u); break;
    default: w.now = 1000000u; break;
    }
    if (tcpfsm_init(&w.conn[0], &w.cfg[0]) != TCPFSM_OK || tcpfsm_init(&w.conn[1], &w.cfg[1]) != TCPFSM_OK)
        violation("tcpfsm_init failed");
    check_conn("A", &w.conn[0], &w.cfg[0]);
    check_conn("B", &w.conn[1], &w.cfg[1]);
    CHECK(w.conn[0].state == TCPFSM_CLOSED, "init not CLOSED");

    while (in.n > 0 && ops++ < 4096) {
        uint8_t op = u8(&in);
        unsigned i = (op >> 4) & 1u;
        unsigned var = op >> 5;
        struct tcpfsm_segment s;
        switch (op & 15u) {
        case 0: /* a fresh block, or the scripted handshake shortcut */
            if (var == 0) {
                g_step = "init";
                w.clean = 0;
                w.challenge_count[i] = 0;
                tcpfsm_init(&w.conn[i], &w.cfg[i]);
                w.q[i].n = 0;
                check_conn(i ? "B" : "A", &w.conn[i], &w.cfg[i]);
            } else {
                /* B listens, A connects, and everything is delivered */
                call(&w, 1, CALL_OPEN_PASSIVE, pick_iss(&in), NULL);
                call(&w, 0, CALL_OPEN_ACTIVE, pick_iss(&in), NULL);
                drain(&w, var);
            }
            break;
        case 1: call(&w, i, CALL_OPEN_ACTIVE, pick_iss(&in), NULL); break;
        case 2: call(&w, i, CALL_OPEN_PASSIVE, pick_iss(&in), NULL); break;
        case 3: call(&w, i, CALL_CLOSE, 0, NULL); break;
        case 4: call(&w, i, CALL_ABORT, 0, NULL); break;
        case 5: {
            uint32_t len;
            switch (var & 3u) {
            case 0: len = u8(&in); break;
            case 1: len = w.cfg[i].mss * (uint32_t)(u8(&in) & 7u) + (var >> 2); break;
            case 2: len = u16(&in); break;
            default: len = u32(&in); break;
            }
            call(&w, i, CALL_SEND, len, NULL);
            break;
        }
        case 6: {
            uint32_t len;
            uint32_t used = (uint32_t)w.cfg[i].window - w.conn[i].rcv_wnd;
            switch (var & 3u) {
            case 0: len = used; break;
            case 1: len = u8(&in); break;
            case 2: len = used + 1u; break;
            default: len = u32(&in); break;
            }
            if ((var & 4u) == 0u)
                call(&w, i, CALL_CONSUMED, len, NULL);
            else if ((var & 3u) == 3u)
                call(&w, i, CALL_PUSH, 0, NULL);
            else {  /* 0: RCV.WND - buffer used, 1: a byte count, 2: one more than RCV.WND; octets the
                       peer never sent, as far as the pair's invariant knows */
                w.clean = 0;
                call(&w, i, CALL_REASSEMBLED, (var & 3u) == 2u ? w.conn[i].rcv_wnd + 1u : len, NULL);
            }
            break;
        }
        case 7: raw_segment(&in, &s); w.clean = 0; call(&w, i, CALL_SEGMENT, 0, &s); break;
        case 8: case 9: biased_segment(&in, &w, i, &s); w.clean = 0; call(&w, i, CALL_SEGMENT, 0, &s); break;
        case 10: { /* clock: small steps */
            static const uint64_t steps[] = {1u, 1000u, 200000u, 1000000u, 30000000u, 60000000u,
                                             120000000u, 240000000u};
            advance_clock(&w, steps[var]);
            break;
        }
        case 11: { /* clock: to the returned deadline, just before, or just after; then the timer */
            tcpfsm_time_t d = tcpfsm_deadline(&w.conn[i]);
            if (d != TCPFSM_NO_DEADLINE) {
                if ((var & 3u) == 1u && d > 0)
                    d -= 1u;
                else if ((var & 3u) == 2u && d < TCPFSM_NO_DEADLINE - 70000u)
                    d += u16(&in);
                if (d > w.now)
                    w.now = d < TCPFSM_NO_DEADLINE - 2u ? d : TCPFSM_NO_DEADLINE - 2u;
            }
            call(&w, i, CALL_TIMER, 0, NULL);
            if (var & 4u)
                call(&w, 1u - i, CALL_TIMER, 0, NULL);
            break;
        }
        case 12: { /* the wire towards conn[i]: deliver, drop, duplicate, reorder, corrupt */
            struct queue *q = &w.q[i];
            unsigned k;
            if (q->n == 0)
                break;
            k = (var & 4u) ? (unsigned)u8(&in) % q->n : 0u;
            switch (var & 3u) {
            case 0: dequeue_at(q, k, &s); call(&w, i, CALL_SEGMENT, 0, &s); break;
            case 1: dequeue_at(q, k, &s); break;                 /* lost */
            case 2: s = q->seg[k]; call(&w, i, CALL_SEGMENT, 0, &s); break; /* duplicated */
            default: /* altered in flight */
                dequeue_at(q, k, &s);
                w.clean = 0;
                switch (u8(&in) & 3u) {
                case 0: s.seq += pick_delta(&in, w.conn[i].rcv_wnd); break;
                case 1: s.ack += pick_delta(&in, w.conn[i].max_snd_wnd); break;
                case 2: s.flags ^= (uint16_t)(u8(&in) & 0x3fu); break;
                default: s.len = pick_len(&in, &w.cfg[i]); break;
                }
                call(&w, i, CALL_SEGMENT, 0, &s);
                break;
            }
            break;
        }
        case 13: drain(&w, 1u + var * 4u); break;
        case 14: { /* a segment for which no connection exists */
            struct tcpfsm_output out;
            raw_segment(&in, &s);
            g_step = "reply_no_connection";
            g_step_no++;
            memset(&out, 0xa5, sizeof out);
            CHECK(tcpfsm_reply_no_connection(&s, &out) == TCPFSM_OK, "reply_no_connection failed");
            CHECK(out.count <= ((s.flags & TCPFSM_RST) ? 0u : 1u), "reply_no_connection emitted %u", out.count);
            CHECK(out.state == TCPFSM_CLOSED, "reply_no_connection state %u", out.state);
            CHECK(out.row == ((s.flags & TCPFSM_RST) ? TCPFSM_ROW_T04 : TCPFSM_ROW_T03), "reply_no_connection row %u",
                  out.row);
            if (out.count == 1) {
                /* RFC 9293 3.10.7.1: "If the ACK bit is off, sequence number zero is used,
                   <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>; if the ACK bit is on, <SEQ=SEG.ACK><CTL=RST>" */
                if (s.flags & TCPFSM_ACK)
                    CHECK(out.segments[0].flags == TCPFSM_RST && out.segments[0].seq == s.ack,
                          "reply_no_connection: not <SEQ=SEG.ACK><CTL=RST>");
                else
                    CHECK(out.segments[0].flags == (TCPFSM_RST | TCPFSM_ACK) && out.segments[0].seq == 0
                              && out.segments[0].ack == s.seq + seg_space(&s),
                          "reply_no_connection: not <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>");
            } else {
                CHECK(s.flags & TCPFSM_RST, "reply_no_connection: no RST for a segment without RST");
            }
            break;
        }
        default: { /* clock: big jumps */
            switch (var & 3u) {
            case 0: advance_clock(&w, u32(&in)); break;
            case 1: advance_clock(&w, (uint64_t)u32(&in) << 16); break;
            case 2: advance_clock(&w, UINT64_C(0xffffffff) + 1u - (w.now & 0xffffffffu) - (u8(&in) * 1000u)); break;
            default: advance_clock(&w, TCPFSM_NO_DEADLINE); break; /* the end of time */
            }
            if (var & 4u)
                call(&w, i, CALL_TIMER, 0, NULL);
            break;
        }
        }
    }
    return 0;
}

#ifdef FUZZ_CORE_STANDALONE
int main(int argc, char **argv)
{
    int i;
    for (i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        static uint8_t buf[1 << 20];
        size_t n;
        if (f == NULL) {
            perror(argv[i]);
            return 2;
        }
        n = fread(buf, 1, sizeof buf, f);
        fclose(f);
        LLVMFuzzerTestOneInput(buf, n);
        printf("ok %s\n", argv[i]);
    }
    return 0;
}
#endif
