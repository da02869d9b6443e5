/*
 * fixtures.c - fixtures, assertions and RFC reference arithmetic for the tcpfsm unit tests.
 * See fixtures.h.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"
#include "tcpfsm_internal.h"   /* TCPFSM_F_FIN_SENT */

/* ---------------------------------------------------------------- variants */

static void tweak_rfc793(struct tcpfsm_config *cfg)
{
    cfg->rfc5961_rst = 0;
    cfg->rfc5961_syn = 0;
    cfg->rfc5961_ack = 0;
    cfg->rfc1337 = 0;
}

static void tweak_reopen(struct tcpfsm_config *cfg)
{
    cfg->tw_reopen = 1;
    cfg->rfc1337 = 0;
}

const struct fx_params fx_v_rfc = {
    "rfc", &tcpfsm_profile_rfc, 1000000u, 3000000u, 10u * FX_S, 0, NULL
};
const struct fx_params fx_v_linux = {
    "linux", &tcpfsm_profile_linux, 0x7ffffff0u, 0x80001000u, 10u * FX_S, 1, NULL
};
const struct fx_params fx_v_freebsd = {
    "freebsd", &tcpfsm_profile_freebsd, 0xfffffff0u, 0x0000fff0u, 10u * FX_S, 0, NULL
};
/* ISS + 1 == 0, IRS + 1 == 2^32 - 1 (RCV.NXT + 1 == 0), the handshake RTT straddles 2^32 us. */
const struct fx_params fx_v_wrap = {
    "wrap", &tcpfsm_profile_rfc, 0xffffffffu, 0xfffffffeu, UINT64_C(0x100000000) - 40000u, 1, NULL
};
/* RCV.NXT = 2^32 - 255: the receive window crosses 2^32. */
const struct fx_params fx_v_rfc793 = {
    "rfc793", &tcpfsm_profile_rfc, 0xfffff000u, 0xffffff00u, 20u * FX_S, 0, tweak_rfc793
};
const struct fx_params fx_v_reopen = {
    "reopen", &tcpfsm_profile_rfc, 5u, 0xfffffffdu, 30u * FX_S, 1, tweak_reopen
};

/* ---------------------------------------------------------------- row bookkeeping */

static unsigned char rows_seen[TCPFSM_ROW_ID_MAX + 1];    /* by tests that passed */
static unsigned char rows_pending[TCPFSM_ROW_ID_MAX + 1]; /* by the running test so far */

const struct tcpfsm_row_info *fx_row_info(unsigned row)
{
    size_t i;
    for (i = 0; i < TCPFSM_ROW_COUNT; i++) {
        if (tcpfsm_rows[i].id == row) {
            return &tcpfsm_rows[i];
        }
    }
    return NULL;
}

static const char *state_name(unsigned s)
{
    return s < TCPFSM_STATE_COUNT ? tcpfsm_state_names[s] : "(bad state)";
}

static const char *event_name(unsigned e)
{
    return e < TCPFSM_EVENT_COUNT ? tcpfsm_event_names[e] : "(none)";
}

static void dump_output(const struct fx *f)
{
    unsigned i, n = f->out.count;
    print_error("  call: state %s -> %s, rc %d, row %u, event %s, events 0x%02x, deadline %" PRIu64
                " (now %" PRIu64 "), %u segment(s)\n",
                state_name(f->before), state_name(f->out.state), f->rc, (unsigned)f->out.row,
                event_name(f->out.event), (unsigned)f->out.events, (uint64_t)f->out.deadline,
                (uint64_t)f->now, n);
    if (n > TCPFSM_MAX_SEGMENTS) {
        n = TCPFSM_MAX_SEGMENTS;
    }
    for (i = 0; i < n; i++) {
        const struct tcpfsm_segment *s = &f->out.segments[i];
        print_error("  segment %u: seq %" PRIu32 " ack %" PRIu32 " flags 0x%02x win %u len %u\n", i,
                    s->seq, s->ack, (unsigned)s->flags, (unsigned)s->window, (unsigned)s->len);
    }
    print_error("  model: ISS %" PRIu32 " IRS %" PRIu32 " SND.UNA %" PRIu32 " SND.NXT %" PRIu32
                " RCV.NXT %" PRIu32 " RCV.WND %" PRIu32 " RTO %" PRIu32 "\n",
                f->iss, f->irs, f->snd_una, f->snd_nxt, f->rcv_nxt, f->rcv_wnd, f->rto);
}

static void check_eq(const struct fx *f, const char *what, unsigned long long got,
                     unsigned long long expected, const char *file, int line)
{
    if (got != expected) {
        print_error("%s: got %llu (0x%llx), expected %llu (0x%llx)\n", what, got, got, expected,
                    expected);
        if (f != NULL) {
            dump_output(f);
        }
        _fail(file, line);
    }
}
#define FX_EQ(f, what, got, expected) \
    check_eq((f), (what), (unsigned long long)(got), (unsigned long long)(expected), __FILE__, __LINE__)

/* ---------------------------------------------------------------- sequence space, RFC 6298 */

int fx_seq_lt(uint32_t a, uint32_t b)
{
    return a != b && ((a - b) & 0x80000000u) != 0;
}

int fx_in_rcv_window(const struct fx *f, uint32_t seq)
{
    if (f->rcv_wnd == 0) {
        return seq == f->rcv_nxt;
    }
    return (uint32_t)(seq - f->rcv_nxt) < f->rcv_wnd;
}

uint32_t fx_clamp_rto(const struct fx *f, uint64_t rto)
{
    /* RFC 6298 (2.4): "Whenever RTO is computed, if it is less than 1 second, then the RTO SHOULD
       be rounded up to 1 second" (the profile's minimum); (2.5): "A maximum value MAY be placed on
       RTO provided it is at least 60 seconds." */
    if (rto < f->cfg.rto_min) {
        rto = f->cfg.rto_min;
    }
    if (rto > f->cfg.rto_max) {
        rto = f->cfg.rto_max;
    }
    return (uint32_t)rto;
}

void fx_rtt_sample(struct fx *f, uint32_t r)
{
    uint64_t k_rttvar;
    if (!f->have_srtt) {
        /* (2.2) SRTT <- R, RTTVAR <- R/2 */
        f->srtt = r;
        f->rttvar = r / 2u;
        f->have_srtt = 1;
    } else {
        /* (2.3) RTTVAR <- (1 - beta) * RTTVAR + beta * |SRTT - R'|, then
                 SRTT <- (1 - alpha) * SRTT + alpha * R', beta = 1/4, alpha = 1/8 */
        uint32_t delta = f->srtt > r ? f->srtt - r : r - f->srtt;
        f->rttvar = (uint32_t)((3ull * f->rttvar + delta) / 4u);
        f->srtt = (uint32_t)((7ull * f->srtt + r) / 8u);
    }
    /* RTO <- SRTT + max (G, K*RTTVAR), K = 4, G = 1 us */
    k_rttvar = 4ull * f->rttvar;
    if (k_rttvar < 1u) {
        k_rttvar = 1u;
    }
    f->rto = fx_clamp_rto(f, (uint64_t)f->srtt + k_rttvar);
}

/* ---------------------------------------------------------------- calls */

static void before_call(struct fx *f)
{
    f->before = (uint8_t)tcpfsm_state(&f->conn);
    f->deadline_before = f->deadline;
    memset(&f->out, 0xa5, sizeof f->out); /* a field the core does not fill shows up */
}

static void after_call(struct fx *f, const char *what)
{
    if (f->rc != TCPFSM_OK) {
        print_error("%s returned %d\n", what, f->rc);
        dump_output(f);
        fail();
    }
    f->deadline = f->out.deadline;
}

struct tcpfsm_segment fx_segment(unsigned flags, uint32_t seq, uint32_t ack, uint16_t len, uint16_t wnd,
                                 uint16_t mss)
{
    struct tcpfsm_segment s;
    memset(&s, 0, sizeof s);
    s.seq = seq;
    s.ack = ack;
    s.flags = (uint16_t)flags;
    s.window = wnd;
    s.len = len;
    s.mss = mss;
    return s;
}

static void seg_call(struct fx *f, const struct tcpfsm_segment *s)
{
    before_call(f);
    f->rc = tcpfsm_segment(&f->conn, f->now, s, &f->out);
    after_call(f, "tcpfsm_segment");
}

void fx_seg_wnd(struct fx *f, unsigned flags, uint32_t seq, uint32_t ack, uint16_t len, uint16_t wnd)
{
    struct tcpfsm_segment s = fx_segment(flags, seq, ack, len, wnd, 0u);
    seg_call(f, &s);
}

void fx_seg_mss(struct fx *f, unsigned flags, uint32_t seq, uint32_t ack, uint16_t len, uint16_t mss)
{
    struct tcpfsm_segment s = fx_segment(flags, seq, ack, len, f->peer_wnd, mss);
    s.wscale = 7u;   /* offered by the peer, ignored: the core sends no window-scale option */
    seg_call(f, &s);
}

void fx_expect_data_cut(struct fx *f, uint32_t total, uint16_t mss)
{
    uint32_t sent = 0;
    unsigned i;
    fx_send(f, total);
    assert_true(f->out.count >= 1);
    for (i = 0; i < f->out.count; i++) {
        const struct tcpfsm_segment *s = &f->out.segments[i];
        uint32_t want = total - sent < mss ? total - sent : mss;
        FX_EQ(f, "data segment SEQ", s->seq, f->snd_nxt + sent);
        FX_EQ(f, "data segment length (the send MSS)", s->len, want);
        FX_EQ(f, "data segment MSS option", s->mss, 0u);
        FX_EQ(f, "data segment window-scale option", s->wscale, TCPFSM_WSCALE_NONE);
        sent += s->len;
    }
    FX_EQ(f, "octets sent", sent, total);
    FX_EQ(f, "tcpfsm_snd_mss", tcpfsm_snd_mss(&f->conn), mss);
    f->snd_nxt += sent;
}

void fx_seg(struct fx *f, unsigned flags, uint32_t seq, uint32_t ack, uint16_t len)
{
    fx_seg_wnd(f, flags, seq, ack, len, f->peer_wnd);
}

void fx_open_active(struct fx *f, uint32_t iss)
{
    before_call(f);
    f->rc = tcpfsm_open_active(&f->conn, f->now, iss, &f->out);
    after_call(f, "tcpfsm_open_active");
}

void fx_open_passive(struct fx *f, uint32_t iss)
{
    before_call(f);
    f->rc = tcpfsm_open_passive(&f->conn, f->now, iss, &f->out);
    after_call(f, "tcpfsm_open_passive");
}

void fx_close(struct fx *f)
{
    before_call(f);
    f->rc = tcpfsm_close(&f->conn, f->now, &f->out);
    after_call(f, "tcpfsm_close");
}

void fx_abort(struct fx *f)
{
    before_call(f);
    f->rc = tcpfsm_abort(&f->conn, f->now, &f->out);
    after_call(f, "tcpfsm_abort");
}

void fx_send(struct fx *f, uint32_t len)
{
    before_call(f);
    f->rc = tcpfsm_send(&f->conn, f->now, len, &f->out);
    after_call(f, "tcpfsm_send");
}

void fx_consumed(struct fx *f, uint32_t len)
{
    before_call(f);
    f->rc = tcpfsm_consumed(&f->conn, f->now, len, &f->out);
    after_call(f, "tcpfsm_consumed");
}

void fx_push(struct fx *f)
{
    before_call(f);
    f->rc = tcpfsm_push(&f->conn, f->now, &f->out);
    after_call(f, "tcpfsm_push");
}

void fx_reassembled(struct fx *f, uint32_t len)
{
    before_call(f);
    f->rc = tcpfsm_reassembled(&f->conn, f->now, len, &f->out);
    after_call(f, "tcpfsm_reassembled");
}

void fx_timer(struct fx *f)
{
    before_call(f);
    f->rc = tcpfsm_timer(&f->conn, f->now, &f->out);
    after_call(f, "tcpfsm_timer");
}

void fx_fire(struct fx *f)
{
    if (f->deadline == TCPFSM_NO_DEADLINE) {
        print_error("fx_fire: no deadline is set\n");
        fail();
    }
    if (f->deadline > f->now) {
        f->now = f->deadline;
    }
    fx_timer(f);
}

void fx_advance(struct fx *f, tcpfsm_time_t dt)
{
    f->now += dt;
}

void fx_expect_call_fails(struct fx *f, int rc, int (*call)(struct tcpfsm_conn *, tcpfsm_time_t,
                                                            struct tcpfsm_output *))
{
    enum tcpfsm_state st = tcpfsm_state(&f->conn);
    before_call(f);
    f->rc = call(&f->conn, f->now, &f->out);
    FX_EQ(NULL, "return code", (long long)f->rc, (long long)rc);
    FX_EQ(NULL, "state after a failed call", tcpfsm_state(&f->conn), st);
}

void fx_expect_send_fails(struct fx *f, int rc, uint32_t len)
{
    enum tcpfsm_state st = tcpfsm_state(&f->conn);
    before_call(f);
    f->rc = tcpfsm_send(&f->conn, f->now, len, &f->out);
    FX_EQ(NULL, "return code of tcpfsm_send", (long long)f->rc, (long long)rc);
    FX_EQ(NULL, "state after a failed call", tcpfsm_state(&f->conn), st);
}

void fx_expect_open_fails(struct fx *f, int rc, int passive)
{
    enum tcpfsm_state st = tcpfsm_state(&f->conn);
    before_call(f);
    f->rc = passive ? tcpfsm_open_passive(&f->conn, f->now, f->iss + 1000u, &f->out)
                    : tcpfsm_open_active(&f->conn, f->now, f->iss + 1000u, &f->out);
    FX_EQ(NULL, "return code of tcpfsm_open_*", (long long)f->rc, (long long)rc);
    FX_EQ(NULL, "state after a failed call", tcpfsm_state(&f->conn), st);
}

/* ---------------------------------------------------------------- assertions */

void fx_expect_row(struct fx *f, unsigned row, enum tcpfsm_state next)
{
    const struct tcpfsm_row_info *info = fx_row_info(row);
    if (info == NULL) {
        print_error("fx_expect_row: T%02u is not a row of the table\n", row);
        fail();
    }
    if (f->out.row != row) {
        const struct tcpfsm_row_info *got = fx_row_info(f->out.row);
        print_error("row: got T%02u (%s %s -> %s), expected T%02u (%s %s -> %s)\n",
                    (unsigned)f->out.row, got ? state_name(got->from) : "-",
                    got ? event_name(got->event) : "-", got ? state_name(got->to) : "-", row,
                    state_name(info->from), event_name(info->event), state_name(info->to));
        dump_output(f);
        fail();
    }
    /* Consistency of the expectation itself with the table. */
    FX_EQ(f, "test bug: the row does not start in the state before the call", info->from, f->before);
    FX_EQ(f, "test bug: the row does not lead to the expected state", info->to, next);
    FX_EQ(f, "out.event", f->out.event, info->event);
    FX_EQ(f, "out.state", f->out.state, next);
    FX_EQ(f, "tcpfsm_state()", tcpfsm_state(&f->conn), next);
    rows_pending[row] = 1;
}

void fx_expect_no_row(struct fx *f)
{
    FX_EQ(f, "out.row (no row expected)", f->out.row, TCPFSM_ROW_NONE);
    FX_EQ(f, "out.state (unchanged)", f->out.state, f->before);
    FX_EQ(f, "tcpfsm_state() (unchanged)", tcpfsm_state(&f->conn), f->before);
    FX_EQ(f, "out.count (nothing emitted)", f->out.count, 0);
    FX_EQ(f, "out.events (none)", f->out.events, 0);
}

void fx_expect_no_transition(struct fx *f)
{
    FX_EQ(f, "out.row (no row expected)", f->out.row, TCPFSM_ROW_NONE);
    FX_EQ(f, "out.state (unchanged)", f->out.state, f->before);
    FX_EQ(f, "tcpfsm_state() (unchanged)", tcpfsm_state(&f->conn), f->before);
}

void fx_expect_count(struct fx *f, unsigned count)
{
    FX_EQ(f, "out.count", f->out.count, count);
}

void fx_expect_seg(struct fx *f, unsigned i, uint32_t seq, uint32_t ack, unsigned flags, uint16_t len)
{
    const struct tcpfsm_segment *s = &f->out.segments[i];
    unsigned got_flags = s->flags;
    char what[64];
    if (i >= f->out.count) {
        print_error("segment %u expected, only %u emitted\n", i, (unsigned)f->out.count);
        dump_output(f);
        fail();
    }
    if (len > 0) {
        got_flags &= ~TCPFSM_PSH;
    }
    snprintf(what, sizeof what, "segment %u flags", i);
    FX_EQ(f, what, got_flags, flags);
    snprintf(what, sizeof what, "segment %u SEQ", i);
    FX_EQ(f, what, s->seq, seq);
    if (flags & TCPFSM_ACK) {
        snprintf(what, sizeof what, "segment %u ACK", i);
        FX_EQ(f, what, s->ack, ack);
    }
    snprintf(what, sizeof what, "segment %u payload length", i);
    FX_EQ(f, what, s->len, len);
    /* Options: our SYN and SYN+ACK carry the MSS we advertise (cfg.mss), every other segment none;
       no segment carries a window-scale option (tcpfsm.h: the core does not scale). */
    snprintf(what, sizeof what, "segment %u MSS option", i);
    FX_EQ(f, what, s->mss, (flags & TCPFSM_SYN) ? f->cfg.mss : 0u);
    snprintf(what, sizeof what, "segment %u window-scale option", i);
    FX_EQ(f, what, s->wscale, TCPFSM_WSCALE_NONE);
}

void fx_expect_ack(struct fx *f, unsigned i)
{
    fx_expect_seg(f, i, f->snd_nxt, f->rcv_nxt, TCPFSM_ACK, 0);
}

void fx_expect_owed_ack(struct fx *f, unsigned i)
{
    enum tcpfsm_state st = tcpfsm_state(&f->conn);
    if (f->cfg.ack_repeats_fin && (f->conn.flags & TCPFSM_F_FIN_SENT) != 0
        && (st == TCPFSM_FIN_WAIT_1 || st == TCPFSM_CLOSING || st == TCPFSM_LAST_ACK))
        /* FreeBSD tcp_output(): the FIN again, "be sure not to use a new sequence number" */
        fx_expect_seg(f, i, f->snd_nxt - 1u, f->rcv_nxt, TCPFSM_FIN | TCPFSM_ACK, 0);
    else
        fx_expect_ack(f, i);
}

void fx_expect_window(struct fx *f, unsigned i, uint16_t window)
{
    if (i >= f->out.count) {
        print_error("segment %u expected, only %u emitted\n", i, (unsigned)f->out.count);
        dump_output(f);
        fail();
    }
    FX_EQ(f, "segment window", f->out.segments[i].window, window);
}

void fx_expect_events(struct fx *f, unsigned events)
{
    FX_EQ(f, "out.events", f->out.events, events);
}

void fx_expect_events_mask(struct fx *f, unsigned events, unsigned dont_care)
{
    FX_EQ(f, "out.events", f->out.events & ~dont_care, events & ~dont_care);
}

void fx_expect_data(struct fx *f, uint32_t seq, uint32_t off, uint32_t len)
{
    FX_EQ(f, "out.data_seq", f->out.data_seq, seq);
    FX_EQ(f, "out.data_off", f->out.data_off, off);
    FX_EQ(f, "out.data_len", f->out.data_len, len);
}

void fx_expect_deadline(struct fx *f, tcpfsm_time_t deadline)
{
    FX_EQ(f, "out.deadline", f->out.deadline, deadline);
}

void fx_expect_rto_fires(struct fx *f, unsigned row, uint32_t seq, unsigned flags, uint16_t len)
{
    uint64_t rto = 2u * (uint64_t)f->rto;
    enum tcpfsm_state st = tcpfsm_state(&f->conn);
    fx_fire(f);
    fx_expect_row(f, row, st);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, seq, f->rcv_nxt, flags, len);
    fx_expect_events(f, 0);
    fx_expect_deadline(f, f->now + (rto > f->cfg.rto_max ? f->cfg.rto_max : rto));
}

void fx_expect_abort(struct fx *f, unsigned row, int rst)
{
    fx_abort(f);
    fx_expect_row(f, row, TCPFSM_CLOSED);
    if (rst) {
        fx_expect_count(f, 1);
        if (f->cfg.abort_rst_ack)
            /* Linux tcp_send_active_reset(), FreeBSD tcp_drop(): <SEQ=SND.NXT><ACK=RCV.NXT><CTL=RST,ACK> */
            fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_RST | TCPFSM_ACK, 0);
        else
            /* RFC 9293 3.10.5: "<SEQ=SND.NXT><CTL=RST>" */
            fx_expect_seg(f, 0, f->snd_nxt, 0, TCPFSM_RST, 0);
    } else {
        fx_expect_count(f, 0);
    }
    fx_expect_events(f, TCPFSM_SIG_CLOSED);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

void fx_expect_close_then_push(struct fx *f, unsigned close_row, enum tcpfsm_state next)
{
    uint32_t mss = f->cfg.mss;
    assert_true(7u * mss <= FX_PEER_WND);
    fx_send(f, 7u * mss);
    fx_expect_count(f, 3);
    fx_expect_events(f, TCPFSM_SIG_MORE);
    f->snd_nxt += 3u * mss;
    fx_close(f);
    fx_expect_row(f, close_row, next);
    fx_expect_count(f, 3);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_ACK, (uint16_t)mss);
    fx_expect_seg(f, 2, f->snd_nxt + 2u * mss, f->rcv_nxt, TCPFSM_ACK, (uint16_t)mss);
    fx_expect_events(f, TCPFSM_SIG_MORE);
    f->snd_nxt += 3u * mss;
    fx_expect_send_fails(f, TCPFSM_ERR_CLOSING, 0);
    fx_push(f);
    fx_expect_no_transition(f);
    fx_expect_count(f, 2);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_ACK, (uint16_t)mss);
    assert_int_equal(f->out.segments[0].flags, TCPFSM_ACK | TCPFSM_PSH);
    fx_expect_seg(f, 1, f->snd_nxt + mss, f->rcv_nxt, TCPFSM_FIN | TCPFSM_ACK, 0);
    f->snd_nxt += mss + 1u;
    fx_expect_events(f, 0);
    assert_int_equal(tcpfsm_snd_queued(&f->conn), 0);
    fx_expect_vars(f);
    /* nothing more: PUSH sends nothing */
    fx_push(f);
    fx_expect_count(f, 0);
    fx_expect_events(f, 0);
}

void fx_expect_data_rto_giveup(struct fx *f, unsigned rto_row, unsigned giveup_row)
{
    struct tcpfsm_segment data = { 0, 0, TCPFSM_ACK, 0, 100, 0, TCPFSM_WSCALE_NONE };
    data.seq = f->snd_una;
    data.ack = f->rcv_nxt;
    fx_send(f, 100);
    fx_expect_retransmissions(f, f->cfg.retries, 0, f->rto, rto_row, &data, giveup_row,
                              TCPFSM_CLOSED, TCPFSM_SIG_TIMEOUT);
}

void fx_fill_window(struct fx *f, uint32_t ack, unsigned row)
{
    uint16_t w = f->cfg.window;
    enum tcpfsm_state st = tcpfsm_state(&f->conn);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, ack, w);
    fx_expect_row(f, row, st);
    f->rcv_nxt += w;
    f->rcv_wnd = 0;
    fx_expect_count(f, 1);
    fx_expect_owed_ack(f, 0);
    fx_expect_window(f, 0, 0);
    fx_expect_events(f, TCPFSM_SIG_DATA);
}

void fx_consume_window(struct fx *f)
{
    uint16_t w = f->cfg.window;
    unsigned i;
    fx_consumed(f, w);
    fx_expect_no_transition(f);
    f->rcv_wnd = w;
    for (i = 0; i < f->out.count; i++) {
        fx_expect_ack(f, i);
        fx_expect_window(f, i, w);
    }
    fx_expect_vars(f);
}

void fx_expect_vars(struct fx *f)
{
    enum tcpfsm_state st = tcpfsm_state(&f->conn);
    FX_EQ(f, "tcpfsm_deadline()", tcpfsm_deadline(&f->conn), f->deadline);
    FX_EQ(f, "tcpfsm_rcv_wnd() (RCV.WND)", tcpfsm_rcv_wnd(&f->conn), f->rcv_wnd);
    if (st == TCPFSM_CLOSED || st == TCPFSM_LISTEN) {
        return;
    }
    FX_EQ(f, "tcpfsm_snd_una() (SND.UNA)", tcpfsm_snd_una(&f->conn), f->snd_una);
    FX_EQ(f, "tcpfsm_snd_nxt() (SND.NXT)", tcpfsm_snd_nxt(&f->conn), f->snd_nxt);
    if (st == TCPFSM_SYN_SENT) {
        return;
    }
    FX_EQ(f, "tcpfsm_rcv_nxt() (RCV.NXT)", tcpfsm_rcv_nxt(&f->conn), f->rcv_nxt);
    if (st != TCPFSM_SYN_RECEIVED) {
        FX_EQ(f, "tcpfsm_snd_wnd() (SND.WND)", tcpfsm_snd_wnd(&f->conn), f->peer_wnd);
    }
}

void fx_expect_deadline_unchanged(struct fx *f)
{
    FX_EQ(f, "out.deadline (unchanged)", f->out.deadline, f->deadline_before);
}

/* ---------------------------------------------------------------- fixtures */

struct fx *fx_new(const struct fx_params *p)
{
    struct fx *f;
    if (p == NULL) {
        p = &fx_v_rfc;
    }
    f = test_calloc(1, sizeof *f);
    assert_non_null(f);
    f->p = p;
    f->cfg = *p->profile;
    if (p->tweak != NULL) {
        p->tweak(&f->cfg);
    }
    f->now = p->t0;
    f->iss = p->iss;
    f->irs = p->irs;
    f->snd_una = f->snd_nxt = p->iss;
    f->rcv_nxt = p->irs;
    f->rcv_wnd = f->cfg.window;
    f->peer_wnd = FX_PEER_WND;
    f->max_snd_wnd = 0;
    f->rto = f->cfg.rto_initial; /* RFC 6298 (2.1) */
    assert_int_equal(tcpfsm_init(&f->conn, &f->cfg), TCPFSM_OK);
    assert_int_equal(tcpfsm_state(&f->conn), TCPFSM_CLOSED);
    f->deadline = TCPFSM_NO_DEADLINE;
    f->before = TCPFSM_CLOSED;
    return f;
}

int fx_teardown(void **state)
{
    test_free(*state);
    return 0;
}

void fx_to_listen(struct fx *f)
{
    fx_open_passive(f, f->iss);
    fx_expect_row(f, TCPFSM_ROW_T02, TCPFSM_LISTEN); /* T02 CLOSED OPEN_PASSIVE */
    fx_expect_count(f, 0);
    fx_expect_events(f, 0);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
    fx_expect_vars(f);
}

void fx_to_syn_sent(struct fx *f)
{
    fx_open_active(f, f->iss);
    fx_expect_row(f, TCPFSM_ROW_T01, TCPFSM_SYN_SENT); /* T01 CLOSED OPEN_ACTIVE */
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss, 0, TCPFSM_SYN, 0);  /* <SEQ=ISS><CTL=SYN> */
    fx_expect_events(f, 0);
    fx_expect_deadline(f, f->now + f->cfg.rto_initial);
    f->snd_una = f->iss;
    f->snd_nxt = f->iss + 1u;
    fx_expect_vars(f);
}

void fx_to_syn_received(struct fx *f)
{
    fx_to_listen(f);
    fx_seg(f, TCPFSM_SYN, f->irs, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T05, TCPFSM_SYN_RECEIVED); /* T05 LISTEN SYN */
    /* "set RCV.NXT to SEG.SEQ+1, IRS is set to SEG.SEQ ... <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>" */
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss, f->irs + 1u, TCPFSM_SYN | TCPFSM_ACK, 0);
    fx_expect_events(f, 0);
    fx_expect_deadline(f, f->now + f->cfg.rto_initial);
    f->snd_una = f->iss;
    f->snd_nxt = f->iss + 1u;
    f->rcv_nxt = f->irs + 1u;
    f->max_snd_wnd = f->peer_wnd;
    f->passive = 1;
    fx_expect_vars(f);
}

void fx_to_syn_received_simultaneous(struct fx *f)
{
    tcpfsm_time_t syn_deadline;
    fx_to_syn_sent(f);
    syn_deadline = f->deadline;
    fx_advance(f, FX_RTT / 2u);
    fx_seg(f, TCPFSM_SYN, f->irs, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T13, TCPFSM_SYN_RECEIVED); /* T13 SYN_SENT SYN */
    /* "Otherwise, enter SYN-RECEIVED, form a SYN,ACK segment <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>" */
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss, f->irs + 1u, TCPFSM_SYN | TCPFSM_ACK, 0);
    fx_expect_events(f, 0);
    /* arm_rto: the timer keeps running for the SYN (RFC 6298 5.1: start it only if not running)
       or restarts for the SYN,ACK; both are acceptable. */
    if (f->out.deadline != syn_deadline) {
        fx_expect_deadline(f, f->now + f->cfg.rto_initial);
    }
    f->rcv_nxt = f->irs + 1u;
    f->max_snd_wnd = f->peer_wnd;
    f->passive = 0;
    fx_expect_vars(f);
}

void fx_to_established_passive(struct fx *f)
{
    fx_to_syn_received(f);
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_ACK, f->irs + 1u, f->iss + 1u, 0);
    fx_expect_row(f, TCPFSM_ROW_T21, TCPFSM_ESTABLISHED); /* T21 SYN_RECEIVED ACK_OF_SYN */
    fx_expect_count(f, 0);
    fx_expect_events_mask(f, TCPFSM_SIG_CONNECTED, TCPFSM_SIG_ACKED);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
    f->snd_una = f->iss + 1u;
    fx_rtt_sample(f, FX_RTT); /* the handshake gives the first sample */
    fx_expect_vars(f);
}

void fx_to_established_active(struct fx *f)
{
    fx_to_syn_sent(f);
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_SYN | TCPFSM_ACK, f->irs, f->iss + 1u, 0);
    fx_expect_row(f, TCPFSM_ROW_T12, TCPFSM_ESTABLISHED); /* T12 SYN_SENT SYN_ACK */
    /* "form an ACK segment <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> and send it" */
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss + 1u, f->irs + 1u, TCPFSM_ACK, 0);
    fx_expect_events_mask(f, TCPFSM_SIG_CONNECTED, TCPFSM_SIG_ACKED);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
    f->snd_una = f->iss + 1u;
    f->rcv_nxt = f->irs + 1u;
    f->max_snd_wnd = f->peer_wnd;
    f->passive = 0;
    fx_rtt_sample(f, FX_RTT);
    fx_expect_vars(f);
}

static void to_established(struct fx *f)
{
    if (f->p->active) {
        fx_to_established_active(f);
    } else {
        fx_to_established_passive(f);
    }
}

void fx_to_fin_wait_1(struct fx *f)
{
    fx_close(f);
    fx_expect_row(f, TCPFSM_ROW_T46, TCPFSM_FIN_WAIT_1); /* T46 ESTABLISHED CLOSE */
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_FIN | TCPFSM_ACK, 0);
    fx_expect_events(f, 0);
    fx_expect_deadline(f, f->now + f->rto);
    f->snd_nxt += 1u;
    fx_expect_vars(f);
}

void fx_to_fin_wait_2(struct fx *f)
{
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T48, TCPFSM_FIN_WAIT_2); /* T48 FIN_WAIT_1 ACK_OF_FIN */
    fx_expect_count(f, 0);
    fx_expect_events_mask(f, 0, TCPFSM_SIG_ACKED);
    fx_expect_deadline(f, f->cfg.fin_wait_2_timeout ? f->now + f->cfg.fin_wait_2_timeout
                                                     : TCPFSM_NO_DEADLINE);
    f->snd_una = f->snd_nxt;
    fx_expect_vars(f);
}

void fx_to_close_wait(struct fx *f)
{
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T37, TCPFSM_CLOSE_WAIT); /* T37 ESTABLISHED FIN */
    f->rcv_nxt += 1u;
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events(f, TCPFSM_SIG_PEER_CLOSED);
    fx_expect_deadline_unchanged(f);
    fx_expect_vars(f);
}

void fx_to_closing(struct fx *f)
{
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt, f->snd_una, 0);
    fx_expect_row(f, TCPFSM_ROW_T50, TCPFSM_CLOSING); /* T50 FIN_WAIT_1 FIN */
    f->rcv_nxt += 1u;
    fx_expect_count(f, 1);
    fx_expect_owed_ack(f, 0);
    fx_expect_events(f, TCPFSM_SIG_PEER_CLOSED);
    fx_expect_deadline_unchanged(f); /* our FIN is still unacknowledged */
    fx_expect_vars(f);
}

void fx_to_last_ack(struct fx *f)
{
    fx_close(f);
    fx_expect_row(f, TCPFSM_ROW_T73, TCPFSM_LAST_ACK); /* T73 CLOSE_WAIT CLOSE */
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_FIN | TCPFSM_ACK, 0);
    fx_expect_events(f, 0);
    fx_expect_deadline(f, f->now + f->rto);
    f->snd_nxt += 1u;
    fx_expect_vars(f);
}

void fx_to_time_wait(struct fx *f)
{
    fx_seg(f, TCPFSM_FIN | TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T62, TCPFSM_TIME_WAIT); /* T62 FIN_WAIT_2 FIN */
    f->rcv_nxt += 1u;
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events(f, TCPFSM_SIG_PEER_CLOSED);
    fx_expect_deadline(f, f->now + 2u * (tcpfsm_time_t)f->cfg.msl);
    fx_expect_vars(f);
}

static struct fx *begin(void **state)
{
    const struct fx_case *k = (const struct fx_case *)*state;
    struct fx *f = fx_new(k != NULL ? k->params : NULL);
    f->test = k != NULL ? k->test : NULL;
    memset(rows_pending, 0, sizeof rows_pending);
    *state = f;
    return f;
}

void fx_dispatch(void **state)
{
    struct fx *f = *state;
    unsigned row;
    assert_non_null(f->test);
    f->test(state);
    for (row = 0; row <= TCPFSM_ROW_ID_MAX; row++) {
        if (rows_pending[row]) {
            rows_seen[row] = 1;
        }
    }
}

int setup_closed(void **state)
{
    (void)begin(state);
    return 0;
}

int setup_listen(void **state)
{
    fx_to_listen(begin(state));
    return 0;
}

int setup_syn_sent(void **state)
{
    fx_to_syn_sent(begin(state));
    return 0;
}

int setup_syn_received(void **state)
{
    fx_to_syn_received(begin(state));
    return 0;
}

int setup_syn_received_simultaneous(void **state)
{
    fx_to_syn_received_simultaneous(begin(state));
    return 0;
}

int setup_established(void **state)
{
    to_established(begin(state));
    return 0;
}

int setup_established_passive(void **state)
{
    fx_to_established_passive(begin(state));
    return 0;
}

int setup_established_active(void **state)
{
    fx_to_established_active(begin(state));
    return 0;
}

/* Each fixture below is the one before it plus one transition. */
int setup_fin_wait_1(void **state)
{
    setup_established(state);
    fx_to_fin_wait_1(*state);
    return 0;
}

int setup_fin_wait_2(void **state)
{
    setup_fin_wait_1(state);
    fx_to_fin_wait_2(*state);
    return 0;
}

int setup_close_wait(void **state)
{
    setup_established(state);
    fx_to_close_wait(*state);
    return 0;
}

int setup_closing(void **state)
{
    setup_fin_wait_1(state);
    fx_to_closing(*state);
    return 0;
}

int setup_last_ack(void **state)
{
    setup_close_wait(state);
    fx_to_last_ack(*state);
    return 0;
}

int setup_time_wait(void **state)
{
    setup_fin_wait_2(state);
    fx_to_time_wait(*state);
    return 0;
}

/* ---------------------------------------------------------------- RFC 5961 cases */

static int ends_connection(enum tcpfsm_state s)
{
    return s == TCPFSM_CLOSED || s == TCPFSM_LISTEN;
}

void fx_rst_case(struct fx *f, const struct fx_sync_rows *rows, uint32_t seq, int with_ack)
{
    enum tcpfsm_state st = tcpfsm_state(&f->conn);
    fx_seg(f, TCPFSM_RST | (with_ack ? TCPFSM_ACK : 0u), seq, with_ack ? f->snd_nxt : 0u, 0);
    if (!fx_in_rcv_window(f, seq)) {
        /* RFC 5961 3.2: "1) If the RST bit is set and the sequence number is outside the current
           receive window, silently drop the segment." */
        fx_expect_no_row(f);
        fx_expect_deadline_unchanged(f);
        return;
    }
    if (seq == f->rcv_nxt || !f->cfg.rfc5961_rst) {
        /* "2) If the RST bit is set and the sequence number exactly matches the next expected
           sequence number (RCV.NXT), then TCP MUST reset the connection." */
        if (rows->rst_rfc1337 != 0 && f->cfg.rfc1337) {
            /* RFC 1337 section 3: "Ignore RST segments in TIME-WAIT state." */
            fx_expect_row(f, rows->rst_rfc1337, st);
            fx_expect_count(f, 0);
            fx_expect_events(f, 0);
            fx_expect_deadline_unchanged(f);
            return;
        }
        if (rows->rst_resets != 0 && f->cfg.closing_rst_resets) {
            /* closing_rst_resets (FreeBSD): reported as "connection reset" */
            fx_expect_row(f, rows->rst_resets, rows->rst_next);
            fx_expect_count(f, 0);
            fx_expect_events(f, TCPFSM_SIG_RESET);
            fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
            return;
        }
        fx_expect_row(f, rows->rst, rows->rst_next);
        fx_expect_count(f, 0); /* never answer a RST */
        fx_expect_events(f, rows->rst_events);
        if (ends_connection(rows->rst_next)) {
            fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
        }
        return;
    }
    /* "3) If the RST bit is set and the sequence number does not exactly match the next expected
       sequence value, yet is within the current receive window, TCP MUST send an acknowledgment
       (challenge ACK): <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>" */
    if (rows->rst_challenge_rfc1337 != 0 && f->cfg.rfc1337) {
        fx_expect_row(f, rows->rst_challenge_rfc1337, st);
        fx_expect_count(f, 0);
        fx_expect_events(f, 0);
        fx_expect_deadline_unchanged(f);
        return;
    }
    fx_expect_row(f, rows->rst_challenge, st);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events(f, 0);
    fx_expect_deadline_unchanged(f);
}

void fx_syn_case(struct fx *f, const struct fx_sync_rows *rows, uint32_t seq)
{
    enum tcpfsm_state st = tcpfsm_state(&f->conn);
    fx_seg(f, TCPFSM_SYN, seq, 0, 0);
    if (f->cfg.rfc5961_syn) {
        /* RFC 5961 4.2: "If the SYN bit is set, irrespective of the sequence number, TCP MUST
           send an ACK (also referred to as challenge ACK) to the remote peer:
           <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>" */
        fx_expect_row(f, rows->syn_challenge, st);
        fx_expect_count(f, 1);
        fx_expect_ack(f, 0);
        fx_expect_events(f, 0);
        fx_expect_deadline_unchanged(f);
    } else if (fx_in_rcv_window(f, seq)) {
        /* RFC 793 3.9: "If the SYN is in the window it is an error, send a reset ... enter the
           CLOSED state"; the reset for a segment without ACK is <SEQ=0><ACK=SEG.SEQ+SEG.LEN>. */
        fx_expect_row(f, rows->syn_reset, TCPFSM_CLOSED);
        fx_expect_count(f, 1);
        if (f->cfg.syn_rst_from_tcb)
            /* FreeBSD tcp_drop(): <SEQ=SND.NXT><ACK=RCV.NXT><CTL=RST,ACK> */
            fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_RST | TCPFSM_ACK, 0);
        else
            fx_expect_seg(f, 0, 0, seq + 1u, TCPFSM_RST | TCPFSM_ACK, 0);
        fx_expect_events(f, TCPFSM_SIG_RESET);
        fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
    } else {
        /* 3.10.7.4 first: "If an incoming segment is not acceptable, an acknowledgment should be
           sent in reply (unless the RST bit is set ...)" */
        fx_expect_row(f, rows->unacceptable, st);
        fx_expect_count(f, 1);
        fx_expect_ack(f, 0);
        fx_expect_events(f, 0);
        fx_expect_deadline_unchanged(f);
    }
}

void fx_ack_seq_case(struct fx *f, const struct fx_sync_rows *rows, uint32_t seq)
{
    enum tcpfsm_state st = tcpfsm_state(&f->conn);
    fx_seg(f, TCPFSM_ACK, seq, f->snd_una, 0);
    if (fx_in_rcv_window(f, seq)) {
        /* "If the RCV.WND is greater than zero: RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND" */
        fx_expect_row(f, rows->ack, st);
        fx_expect_count(f, 0);
        fx_expect_events(f, 0);
        fx_expect_deadline_unchanged(f);
    } else {
        fx_expect_row(f, rows->unacceptable, st);
        fx_expect_count(f, 1);
        fx_expect_owed_ack(f, 0);
        fx_expect_events(f, 0);
        fx_expect_deadline_unchanged(f);
    }
}

void fx_ack_value_case(struct fx *f, const struct fx_sync_rows *rows, uint32_t ack)
{
    enum tcpfsm_state st = tcpfsm_state(&f->conn);
    int above = fx_seq_lt(f->snd_nxt, ack);
    int below = fx_seq_lt(ack, f->snd_una - f->max_snd_wnd);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, ack, 0);
    if (above || (below && f->cfg.rfc5961_ack)) {
        /* RFC 5961 5.2: "All incoming segments whose ACK value doesn't satisfy the above
           condition MUST be discarded and an ACK sent back." RFC 9293 3.10.7.4 fifth: "If the
           ACK acknowledges something not yet sent (SEG.ACK > SND.NXT), then send an ACK, drop
           the segment, and return." */
        fx_expect_row(f, rows->ack_invalid, st);
        fx_expect_count(f, 1);
        fx_expect_ack(f, 0);
    } else {
        /* "If the ACK is a duplicate (SEG.ACK =< SND.UNA), it can be ignored." */
        fx_expect_row(f, rows->ack, st);
        fx_expect_count(f, 0);
    }
    fx_expect_events(f, 0);
    fx_expect_deadline_unchanged(f);
}

void fx_data_outside_case(struct fx *f, const struct fx_sync_rows *rows)
{
    enum tcpfsm_state st = tcpfsm_state(&f->conn);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt + f->rcv_wnd, f->snd_una, 10);
    fx_expect_row(f, rows->unacceptable, st);
    fx_expect_count(f, 1);
    fx_expect_owed_ack(f, 0);
    fx_expect_events(f, 0); /* no TCPFSM_SIG_DATA */
    fx_expect_deadline_unchanged(f);
}

void fx_no_ack_bit_case(struct fx *f)
{
    /* 3.10.7.4 fifth: "if the ACK bit is off, drop the segment and return" */
    fx_seg(f, TCPFSM_PSH, f->rcv_nxt, 0, 10);
    fx_expect_no_row(f);
    fx_expect_deadline_unchanged(f);
}

/* ---------------------------------------------------------------- retransmission */

void fx_expect_retransmissions(struct fx *f, unsigned retries, unsigned linear, uint32_t first_rto,
                               unsigned rto_row, const struct tcpfsm_segment *seg,
                               unsigned giveup_row, enum tcpfsm_state giveup_next,
                               unsigned giveup_events)
{
    uint64_t rto = first_rto;
    unsigned k;
    enum tcpfsm_state st = tcpfsm_state(&f->conn);
    for (k = 1; k <= retries; k++) {
        fx_fire(f);
        fx_expect_row(f, rto_row, st);
        fx_expect_count(f, 1);
        fx_expect_seg(f, 0, seg->seq, seg->ack, seg->flags, seg->len);
        fx_expect_events(f, 0);
        /* RFC 6298 (5.5): "The host MUST set RTO <- RTO * 2 ("back off the timer")", bounded by
           the maximum of (2.5); the first `linear` retransmissions keep the RTO (Linux
           tcp_syn_linear_timeouts). (5.6): "Start the retransmission timer, such that it expires
           after RTO seconds" */
        if (k > linear) {
            rto *= 2u;
            if (rto > f->cfg.rto_max) {
                rto = f->cfg.rto_max;
            }
        }
        fx_expect_deadline(f, f->now + rto);
    }
    fx_fire(f);
    fx_expect_row(f, giveup_row, giveup_next);
    fx_expect_count(f, 0);
    fx_expect_events(f, giveup_events);
    if (ends_connection(giveup_next)) {
        fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
    }
}

/* ---------------------------------------------------------------- running */

int fx_run(const char *name, const struct CMUnitTest *tests, size_t count)
{
    int failed = _cmocka_run_group_tests(name, tests, count, NULL, NULL);
    const char *path = getenv("TCPFSM_ROWS_FILE");
    if (path != NULL && path[0] != '\0') {
        FILE *fp = fopen(path, "a");
        unsigned row;
        if (fp == NULL) {
            fprintf(stderr, "%s: cannot append to %s\n", name, path);
            return failed + 1;
        }
        for (row = 1; row <= TCPFSM_ROW_ID_MAX; row++) {
            if (rows_seen[row]) {
                fprintf(fp, "T%02u %s\n", row, name);
            }
        }
        if (fclose(fp) != 0) {
            fprintf(stderr, "%s: cannot write %s\n", name, path);
            return failed + 1;
        }
    }
    return failed;
}
