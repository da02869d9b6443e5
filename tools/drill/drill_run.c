/*
 * drill_run.c - the virtual-time engine and the checker of tcpfsm-drill.
 *
 * Time is virtual: before each line the clock moves to the line's time and every core deadline
 * due by then fires, earliest first. Every segment the core emits is queued; each `>` line takes
 * the next one and compares flags, sequence, acknowledgement, payload length and (when written)
 * the window, and its time within the tolerance (the larger of --tolerance_usecs and
 * --tolerance_percent of the interval since the previous event, as packetdrill). A segment left
 * in the queue when a non-`>` line comes, or at the end of the script, was not expected.
 */
#define _POSIX_C_SOURCE 200809L
#include "drill.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "drill_sock.h"
#include "tcpfsm.h"

#define MAX_FIRES_PER_STEP 100000
#define ANY_TIME_HORIZON (1000LL * 1000000LL)   /* a `*` segment must come within 1000 s */

struct engine {
    const struct drill_script *script;
    const struct drill_options *opt;
    struct drill_result *res;
    struct drill_stack stack;
    int failed;
    int pending;                        /* a blocking system call is in progress */
    const struct drill_event *pending_ev;
    int64_t pending_start, pending_end, pending_tol;
};

const char *drill_profile_name(unsigned profile)
{
    switch (profile) {
    case DRILL_PROFILE_LINUX: return "linux";
    case DRILL_PROFILE_FREEBSD: return "freebsd";
    default: return "rfc";
    }
}

static const struct tcpfsm_config *profile_config(unsigned profile)
{
    switch (profile) {
    case DRILL_PROFILE_LINUX: return &tcpfsm_profile_linux;
    case DRILL_PROFILE_FREEBSD: return &tcpfsm_profile_freebsd;
    default: return &tcpfsm_profile_rfc;
    }
}

static void format_time(char *dst, size_t n, int64_t usecs)
{
    if (usecs % 1000 == 0)
        snprintf(dst, n, "%.3f s", (double)usecs / 1e6);
    else
        snprintf(dst, n, "%.6f s", (double)usecs / 1e6);
}

static void fail(struct engine *e, int line, const char *fmt, ...)
{
    va_list ap;
    size_t used;
    if (e->failed)
        return;
    e->failed = 1;
    e->res->passed = 0;
    e->res->line = line;
    va_start(ap, fmt);
    vsnprintf(e->res->message, sizeof e->res->message, fmt, ap);
    va_end(ap);
    used = strlen(e->res->message);
    if (used < sizeof e->res->message) {
        const char *st = drill_stack_current_state(&e->stack);
        if (st != NULL)
            snprintf(e->res->message + used, sizeof e->res->message - used, " (connection in %s)", st);
        else
            snprintf(e->res->message + used, sizeof e->res->message - used, " (no connection yet)");
    }
    if (e->opt->log)
        fprintf(e->opt->log, "FAILED at line %d: %s\n", line, e->res->message);
}

/* Stop the run: the script reached a construct the runner does not model (never a pass). */
static void skip(struct engine *e, int line, const char *what)
{
    if (e->failed)
        return;
    e->failed = 1;
    e->res->passed = 0;
    e->res->skipped = 1;
    e->res->line = line;
    snprintf(e->res->message, sizeof e->res->message, "%s not modelled", what);
    if (e->opt->log)
        fprintf(e->opt->log, "SKIPPED at line %d: %s\n", line, e->res->message);
}

static void check_stack(struct engine *e, int line)
{
    if (e->stack.failure[0] != '\0')
        fail(e, line, "expected a well-behaved core, got: %s", e->stack.failure);
}

/* ---------------------------------------------------------------- system call results */

static void describe_outcome(char *dst, size_t n, const struct drill_call_outcome *o)
{
    if (o->ret == -1)
        snprintf(dst, n, "-1 %s", drill_errno_name(o->err));
    else
        snprintf(dst, n, "%lld", (long long)o->ret);
}

static void describe_expected(char *dst, size_t n, const struct drill_syscall *c)
{
    if (c->result_any)
        snprintf(dst, n, "...");
    else if (c->errno_name[0] != '\0')
        snprintf(dst, n, "%lld %s", (long long)c->result, c->errno_name);
    else
        snprintf(dst, n, "%lld", (long long)c->result);
}

/* The value written through the pointer of getsockopt(..., SO_ERROR, [E], ...). */
static int expected_optval(const struct drill_syscall *c, int *value)
{
    char buf[40];
    size_t n;
    const char *a;
    char *endp;
    long v;
    if (c->argc < 4)
        return -1;
    a = c->args[3];
    n = strlen(a);
    if (n < 2 || a[0] != '[' || a[n - 1] != ']' || n - 2 >= sizeof buf)
        return -1;
    memcpy(buf, a + 1, n - 2);
    buf[n - 2] = '\0';
    v = strtol(buf, &endp, 0);
    if (buf[0] != '\0' && *endp == '\0') {
        *value = (int)v;
        return 0;
    }
    v = drill_errno_from_name(buf);
    if (v < 0)
        return -1;
    *value = (int)v;
    return 0;
}

static void check_call_result(struct engine *e, const struct drill_event *ev, enum drill_call_status st,
                              const struct drill_call_outcome *o)
{
    const struct drill_syscall *c = &ev->call;
    char want[64], got[64];
    if (e->opt->log) {
        if (st == DRILL_CALL_NOT_MODELLED)
            fprintf(e->opt->log, "%11.6f  %s() (line %d, not modelled)\n", (double)e->stack.now / 1e6, c->name,
                    ev->line);
        else if (o->ret == -1)
            fprintf(e->opt->log, "%11.6f  %s() = -1 %s (line %d)\n", (double)e->stack.now / 1e6, c->name,
                    drill_errno_name(o->err), ev->line);
        else
            fprintf(e->opt->log, "%11.6f  %s() = %lld (line %d)\n", (double)e->stack.now / 1e6, c->name,
                    (long long)o->ret, ev->line);
    }
    if (st == DRILL_CALL_NOT_MODELLED) {
        skip(e, ev->line, o->unmodelled);
        return;
    }
    describe_expected(want, sizeof want, c);
    describe_outcome(got, sizeof got, o);
    if (!c->result_any) {
        int ok;
        if (c->errno_name[0] != '\0') {
            int want_err = drill_errno_from_name(c->errno_name);
            if (want_err < 0) {
                fail(e, ev->line, "expected an errno name this runner knows, got %s", c->errno_name);
                return;
            }
            ok = o->ret == -1 && o->err == want_err;
        } else if (o->fd_result && c->result >= 0) {
            ok = o->ret >= 0;
        } else {
            ok = o->ret == c->result;
        }
        if (!ok) {
            fail(e, ev->line, "expected %s() = %s, got %s", c->name, want, got);
            return;
        }
    }
    if (o->mismatch[0] != '\0') {
        fail(e, ev->line, "%s", o->mismatch);
        return;
    }
    if (o->has_optval) {
        int v;
        if (expected_optval(c, &v) < 0) {
            fail(e, ev->line, "expected [ERRNO] or [N] as the 4th argument of getsockopt SO_ERROR, got %s",
                 c->argc >= 4 ? c->args[3] : "nothing");
            return;
        }
        if (v != o->optval)
            fail(e, ev->line, "expected getsockopt(SO_ERROR) to report [%s], got [%s]", drill_errno_name(v),
                 drill_errno_name(o->optval));
    }
}

static void check_pending(struct engine *e)
{
    struct drill_call_outcome o;
    enum drill_call_status st;
    char t1[32], t2[32];
    if (!e->pending || e->failed)
        return;
    st = drill_stack_syscall(&e->stack, &e->pending_ev->call, 1, &o);
    if (st == DRILL_CALL_WOULD_BLOCK) {
        if ((int64_t)e->stack.now > e->pending_end + e->pending_tol) {
            format_time(t1, sizeof t1, e->pending_end);
            format_time(t2, sizeof t2, (int64_t)e->stack.now);
            fail(e, e->pending_ev->line, "expected %s() to return by %s, got it still blocked at %s",
                 e->pending_ev->call.name, t1, t2);
        }
        return;
    }
    e->pending = 0;
    if ((int64_t)e->stack.now > e->pending_end + e->pending_tol) {
        format_time(t1, sizeof t1, e->pending_end);
        format_time(t2, sizeof t2, (int64_t)e->stack.now);
        fail(e, e->pending_ev->line, "expected %s() to return by %s, got it returning at %s",
             e->pending_ev->call.name, t1, t2);
        return;
    }
    check_call_result(e, e->pending_ev, st, &o);
    check_stack(e, e->pending_ev->line);
}

/* ---------------------------------------------------------------- the clock */

static void fire_due(struct engine *e, int64_t until, int line)
{
    unsigned fires = 0;
    while (!e->failed) {
        int block;
        tcpfsm_time_t d = drill_stack_next_deadline(&e->stack, &block);
        if (block < 0 || d > (tcpfsm_time_t)until)
            break;
        if (d > e->stack.now)
            e->stack.now = d;
        e->stack.current_line = 0;
        drill_stack_fire(&e->stack, block);
        check_stack(e, line);
        check_pending(e);
        if (++fires > MAX_FIRES_PER_STEP) {
            fail(e, line, "expected the core's deadlines to settle, got more than %d timer expiries",
                 MAX_FIRES_PER_STEP);
            return;
        }
    }
}

static void advance_to(struct engine *e, int64_t t, int line)
{
    fire_due(e, t, line);
    if (!e->failed && (tcpfsm_time_t)t > e->stack.now)
        e->stack.now = (tcpfsm_time_t)t;
    check_pending(e);
}

static void describe_emitted(const struct engine *e, const struct drill_emitted *em, int with_win, char *dst,
                             size_t n)
{
    char pkt[128], t[32];
    uint32_t seq = em->absolute_seq ? em->seg.seq : em->seg.seq - em->local_isn;
    uint32_t ack = em->seg.ack - e->stack.peer_isn;
    drill_format_packet(pkt, sizeof pkt, em->seg.flags, seq, em->seg.len, (em->seg.flags & TCPFSM_ACK) != 0, ack,
                        with_win, em->seg.window);
    format_time(t, sizeof t, (int64_t)em->time);
    snprintf(dst, n, "> %s at %s", pkt, t);
}

static void describe_script_packet(const struct drill_packet *p, char dir, int64_t t, int any, char *dst, size_t n)
{
    char pkt[128], ts[32];
    drill_format_packet(pkt, sizeof pkt, p->flags, p->seq, p->len, p->has_ack, p->ack, p->has_win, p->win);
    if (p->any_seq) {
        /* "S. 0:0(0) ack 1" -> "S. ...(0) ack 1" */
        char *sp = strchr(pkt, ' '), *paren = sp != NULL ? strchr(sp, '(') : NULL;
        if (sp != NULL && paren != NULL) {
            memmove(sp + 4, paren, strlen(paren) + 1);
            memcpy(sp + 1, "...", 3);
        }
    }
    if (any)
        snprintf(dst, n, "%c %s at any time", dir, pkt);
    else {
        format_time(ts, sizeof ts, t);
        snprintf(dst, n, "%c %s at %s", dir, pkt, ts);
    }
}

static void fail_unexpected(struct engine *e, int line, const char *where)
{
    const struct drill_emitted *em = &e->stack.emitted[e->stack.emitted_head];
    char got[200];
    describe_emitted(e, em, 1, got, sizeof got);
    if (em->cause_line > 0)
        fail(e, line, "expected no segment %s, got %s (sent in response to line %d)", where, got, em->cause_line);
    else
        fail(e, line, "expected no segment %s, got %s (sent by a timer)", where, got);
}

/* The next emitted segment against a `>` line scripted at t (or in the window t..t_end), within tol. */
static void match_outbound(struct engine *e, const struct drill_event *ev, int64_t t, int64_t t_end, int64_t tol,
                           int any)
{
    const struct drill_packet *p = &ev->packet;
    struct drill_emitted em;
    char want[200], got[200];
    unsigned fires = 0;
    while (!e->failed && e->stack.emitted_count == 0) {
        int block;
        tcpfsm_time_t d = drill_stack_next_deadline(&e->stack, &block);
        int64_t horizon = any ? (int64_t)e->stack.now + ANY_TIME_HORIZON : t_end + tol;
        if (block < 0 || d > (tcpfsm_time_t)horizon)
            break;
        if (d > e->stack.now)
            e->stack.now = d;
        e->stack.current_line = 0;
        drill_stack_fire(&e->stack, block);
        check_stack(e, ev->line);
        check_pending(e);
        if (++fires > MAX_FIRES_PER_STEP) {
            fail(e, ev->line, "expected the core's deadlines to settle, got more than %d timer expiries",
                 MAX_FIRES_PER_STEP);
            return;
        }
    }
    if (e->failed)
        return;
    describe_script_packet(p, '>', t, any, want, sizeof want);
    if (e->stack.emitted_count == 0) {
        int block;
        tcpfsm_time_t d = drill_stack_next_deadline(&e->stack, &block);
        if (block >= 0) {
            char ts[32];
            format_time(ts, sizeof ts, (int64_t)d);
            fail(e, ev->line, "expected %s, got nothing (next core deadline at %s)", want, ts);
        } else {
            fail(e, ev->line, "expected %s, got nothing (no core deadline pending)", want);
        }
        return;
    }
    em = e->stack.emitted[e->stack.emitted_head];
    e->stack.emitted_head = (e->stack.emitted_head + 1) % DRILL_MAX_EMITTED;
    e->stack.emitted_count--;
    if (em.block >= 0)
        e->stack.last_block = em.block;
    describe_emitted(e, &em, p->has_win, got, sizeof got);
    {
        uint32_t seq = em.absolute_seq ? em.seg.seq : em.seg.seq - em.local_isn;
        uint32_t ack = em.seg.ack - e->stack.peer_isn;
        uint16_t flags = (uint16_t)(em.seg.flags & 0xffu);
        if (flags != p->flags || (!p->any_seq && seq != p->seq) || em.seg.len != p->len ||
            (p->has_ack && ack != p->ack) || (p->has_win && em.seg.window != p->win)) {
            fail(e, ev->line, "expected %s, got %s", want, got);
            return;
        }
    }
    if (!any && ((int64_t)em.time < t - tol || (int64_t)em.time > t_end + tol)) {
        char tolt[32];
        format_time(tolt, sizeof tolt, tol);
        fail(e, ev->line, "expected %s (tolerance %s), got %s", want, tolt, got);
    }
}

/* ---------------------------------------------------------------- backtick lines */

static void trim(char *s)
{
    size_t n = strlen(s), i = 0;
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    while (s[i] != '\0' && isspace((unsigned char)s[i]))
        i++;
    if (i > 0)
        memmove(s, s + i, n - i + 1);
}

/* Map netstat/ss spellings of states (Linux and FreeBSD) to tcpfsm states. */
static int state_from_listing_name(const char *raw, enum tcpfsm_state *st)
{
    char name[32];
    size_t i, n = 0;
    static const struct {
        const char *name;
        enum tcpfsm_state st;
    } map[] = {
        {"ESTABLISHED", TCPFSM_ESTABLISHED}, {"ESTAB", TCPFSM_ESTABLISHED},   {"SYNSENT", TCPFSM_SYN_SENT},
        {"SYNRECV", TCPFSM_SYN_RECEIVED},    {"SYNRCVD", TCPFSM_SYN_RECEIVED}, {"SYNRECEIVED", TCPFSM_SYN_RECEIVED},
        {"FINWAIT1", TCPFSM_FIN_WAIT_1},     {"FINWAIT2", TCPFSM_FIN_WAIT_2},  {"TIMEWAIT", TCPFSM_TIME_WAIT},
        {"CLOSE", TCPFSM_CLOSED},            {"CLOSED", TCPFSM_CLOSED},        {"CLOSEWAIT", TCPFSM_CLOSE_WAIT},
        {"LASTACK", TCPFSM_LAST_ACK},        {"LISTEN", TCPFSM_LISTEN},        {"CLOSING", TCPFSM_CLOSING},
    };
    for (i = 0; raw[i] != '\0'; i++) {
        char ch = raw[i];
        if (ch == '-' || ch == '_' || ch == '"' || ch == '\'')
            continue;
        if (n + 1 >= sizeof name)
            return -1;
        name[n++] = (char)toupper((unsigned char)ch);
    }
    name[n] = '\0';
    for (i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i].name, name) == 0) {
            *st = map[i].st;
            return 0;
        }
    return -1;
}

/* "... | grep -c STATE | grep N": returns 1 if handled (checked), 0 if not this form. */
static int shell_state_count(struct engine *e, const struct drill_event *ev, const char *text)
{
    char buf[512];
    char *parts[8];
    int nparts = 0, i;
    char *p;
    if (strlen(text) >= sizeof buf || strstr(text, "grep -c") == NULL)
        return 0;
    strcpy(buf, text);
    p = buf;
    parts[nparts++] = p;
    while ((p = strchr(p, '|')) != NULL && nparts < 8) {
        *p++ = '\0';
        parts[nparts++] = p;
    }
    for (i = 0; i + 1 < nparts; i++) {
        char pattern[64], word[64];
        char *c = strstr(parts[i], "grep -c");
        enum tcpfsm_state st;
        long want;
        char *endp, *tok, *save;
        const char *num = NULL;
        if (c == NULL)
            continue;
        c += strlen("grep -c");
        if (sscanf(c, " %63s", pattern) != 1)
            return 0;
        if (state_from_listing_name(pattern, &st) < 0)
            return 0;
        /* next part: grep [-q|-x|-w]... N */
        for (tok = strtok_r(parts[i + 1], " \t", &save); tok != NULL; tok = strtok_r(NULL, " \t", &save)) {
            if (strcmp(tok, "grep") == 0 || tok[0] == '-')
                continue;
            num = tok;
        }
        if (num == NULL)
            return 0;
        snprintf(word, sizeof word, "%s", num);
        trim(word);
        if (word[0] == '"' || word[0] == '\'') {
            size_t n = strlen(word);
            memmove(word, word + 1, n);
            if (n >= 2)
                word[n - 2] = '\0';
        }
        want = strtol(word, &endp, 10);
        if (word[0] == '\0' || *endp != '\0')
            return 0;
        {
            unsigned got = drill_stack_count_state(&e->stack, st);
            if ((long)got != want)
                fail(e, ev->line, "expected %ld connection(s) in %s, got %u", want, tcpfsm_state_name(st), got);
        }
        return 1;
    }
    return 0;
}

/* Knobs of struct tcpfsm_config, by their Linux and FreeBSD sysctl names. */
enum knob_unit { UNIT_BOOL, UNIT_NOT_BOOL, UNIT_COUNT, UNIT_SEC, UNIT_MSEC, UNIT_USEC, UNIT_LIMIT };
enum knob_field {
    F_RFC1337, F_RFC5961_RST, F_RFC5961_SYN, F_RFC5961_ACK, F_SYN_RETRIES, F_SYNACK_RETRIES, F_RETRIES,
    F_SYN_LINEAR, F_FIN_WAIT_2, F_MSL, F_RTO_INITIAL, F_RTO_MIN, F_RTO_MAX, F_CHALLENGE_LIMIT, F_TW_REOPEN,
    F_WINDOW, F_DROP_SYNFIN, F_TW_BSD, F_LISTEN_SYNACK_DROP, F_ACK_REPEATS_FIN, F_SYN_RST_FROM_TCB,
    F_CLOSING_RST_RESETS,
    F_ABORT_RST_ACK, F_CONNECT_TIMEOUT, F_USER_TIMEOUT
};
static const struct {
    const char *name;
    enum knob_field field;
    enum knob_unit unit;
} knobs[] = {
    /* Linux */
    {"net.ipv4.tcp_rfc1337", F_RFC1337, UNIT_BOOL},
    {"net.ipv4.tcp_syn_retries", F_SYN_RETRIES, UNIT_COUNT},
    {"net.ipv4.tcp_synack_retries", F_SYNACK_RETRIES, UNIT_COUNT},
    {"net.ipv4.tcp_retries2", F_RETRIES, UNIT_COUNT},
    {"net.ipv4.tcp_syn_linear_timeouts", F_SYN_LINEAR, UNIT_COUNT},
    {"net.ipv4.tcp_fin_timeout", F_FIN_WAIT_2, UNIT_SEC},
    {"net.ipv4.tcp_rto_min_us", F_RTO_MIN, UNIT_USEC},
    {"net.ipv4.tcp_rto_max_ms", F_RTO_MAX, UNIT_MSEC},
    {"net.ipv4.tcp_challenge_ack_limit", F_CHALLENGE_LIMIT, UNIT_LIMIT},
    /* FreeBSD */
    {"net.inet.tcp.insecure_rst", F_RFC5961_RST, UNIT_NOT_BOOL},
    {"net.inet.tcp.insecure_syn", F_RFC5961_SYN, UNIT_NOT_BOOL},
    {"net.inet.tcp.drop_synfin", F_DROP_SYNFIN, UNIT_BOOL},
    {"net.inet.tcp.msl", F_MSL, UNIT_MSEC},
    {"net.inet.tcp.rexmit_initial", F_RTO_INITIAL, UNIT_MSEC},
    {"net.inet.tcp.rexmit_min", F_RTO_MIN, UNIT_MSEC},
    {"net.inet.tcp.finwait2_timeout", F_FIN_WAIT_2, UNIT_MSEC},
    {"net.inet.tcp.keepinit", F_CONNECT_TIMEOUT, UNIT_MSEC},
    {"net.inet.tcp.syncache.rexmtlimit", F_SYNACK_RETRIES, UNIT_COUNT},
    {"net.inet.tcp.ack_war_cnt", F_CHALLENGE_LIMIT, UNIT_LIMIT},
    /* tcpfsm's own names, one per field of struct tcpfsm_config (times in microseconds), for the
       knobs neither Linux nor FreeBSD exposes (RFC 5961 ACK validation, TIME-WAIT reopening). */
    {"tcpfsm.rto_initial", F_RTO_INITIAL, UNIT_USEC},
    {"tcpfsm.rto_min", F_RTO_MIN, UNIT_USEC},
    {"tcpfsm.rto_max", F_RTO_MAX, UNIT_USEC},
    {"tcpfsm.syn_retries", F_SYN_RETRIES, UNIT_COUNT},
    {"tcpfsm.synack_retries", F_SYNACK_RETRIES, UNIT_COUNT},
    {"tcpfsm.retries", F_RETRIES, UNIT_COUNT},
    {"tcpfsm.syn_linear_timeouts", F_SYN_LINEAR, UNIT_COUNT},
    {"tcpfsm.msl", F_MSL, UNIT_USEC},
    {"tcpfsm.fin_wait_2_timeout", F_FIN_WAIT_2, UNIT_USEC},
    {"tcpfsm.window", F_WINDOW, UNIT_COUNT},
    {"tcpfsm.rfc5961_rst", F_RFC5961_RST, UNIT_BOOL},
    {"tcpfsm.rfc5961_syn", F_RFC5961_SYN, UNIT_BOOL},
    {"tcpfsm.rfc5961_ack", F_RFC5961_ACK, UNIT_BOOL},
    {"tcpfsm.rfc1337", F_RFC1337, UNIT_BOOL},
    {"tcpfsm.tw_reopen", F_TW_REOPEN, UNIT_BOOL},
    {"tcpfsm.tw_bsd", F_TW_BSD, UNIT_BOOL},
    {"tcpfsm.drop_synfin", F_DROP_SYNFIN, UNIT_BOOL},
    {"tcpfsm.listen_synack_drop", F_LISTEN_SYNACK_DROP, UNIT_BOOL},
    {"tcpfsm.challenge_ack_limit", F_CHALLENGE_LIMIT, UNIT_COUNT},
    {"tcpfsm.ack_repeats_fin", F_ACK_REPEATS_FIN, UNIT_BOOL},
    {"tcpfsm.syn_rst_from_tcb", F_SYN_RST_FROM_TCB, UNIT_BOOL},
    {"tcpfsm.closing_rst_resets", F_CLOSING_RST_RESETS, UNIT_BOOL},
    {"tcpfsm.abort_rst_ack", F_ABORT_RST_ACK, UNIT_BOOL},
    {"tcpfsm.connect_timeout", F_CONNECT_TIMEOUT, UNIT_USEC},
    {"tcpfsm.user_timeout", F_USER_TIMEOUT, UNIT_USEC},
};

/* Apply name=value; returns 1 if applied, 0 if the knob is not one the core models, -1 on a bad value. */
static int apply_knob(struct engine *e, const struct drill_event *ev, const char *name, const char *value)
{
    struct tcpfsm_config *cfg = &e->stack.cfg;
    size_t i;
    char *endp;
    unsigned long long v;
    uint64_t usecs;
    int flag;
    for (i = 0; i < sizeof knobs / sizeof knobs[0]; i++)
        if (strcmp(knobs[i].name, name) == 0)
            break;
    if (i == sizeof knobs / sizeof knobs[0])
        return 0;
    v = strtoull(value, &endp, 10);
    if (value[0] == '\0' || value[0] == '-' || *endp != '\0' || v > 4294967295ULL) {
        fail(e, ev->line, "expected a non-negative number for %s, got \"%s\"", name, value);
        return -1;
    }
    switch (knobs[i].unit) {
    case UNIT_SEC: usecs = (uint64_t)v * 1000000u; break;
    case UNIT_MSEC: usecs = (uint64_t)v * 1000u; break;
    default: usecs = (uint64_t)v; break;
    }
    if ((knobs[i].unit == UNIT_SEC || knobs[i].unit == UNIT_MSEC || knobs[i].unit == UNIT_USEC) &&
        usecs > UINT32_MAX) {
        fail(e, ev->line, "expected %s to fit in 32 bits of microseconds, got %s", name, value);
        return -1;
    }
    if (knobs[i].field == F_WINDOW) {
        if (v == 0 || v > TCPFSM_WINDOW_MAX) {
            fail(e, ev->line, "expected %s between 1 and %lu, got %s", name, (unsigned long)TCPFSM_WINDOW_MAX, value);
            return -1;
        }
    } else if (knobs[i].unit == UNIT_COUNT && v > 255) {
        fail(e, ev->line, "expected %s of at most 255, got %s", name, value);
        return -1;
    }
    flag = knobs[i].unit == UNIT_NOT_BOOL ? v == 0 : v != 0;
    switch (knobs[i].field) {
    case F_RFC1337: cfg->rfc1337 = (uint8_t)flag; break;
    case F_RFC5961_RST: cfg->rfc5961_rst = (uint8_t)flag; break;
    case F_RFC5961_SYN: cfg->rfc5961_syn = (uint8_t)flag; break;
    case F_RFC5961_ACK: cfg->rfc5961_ack = (uint8_t)flag; break;
    case F_TW_REOPEN: cfg->tw_reopen = (uint8_t)flag; break;
    case F_TW_BSD: cfg->tw_bsd = (uint8_t)flag; break;
    case F_DROP_SYNFIN: cfg->drop_synfin = (uint8_t)flag; break;
    case F_LISTEN_SYNACK_DROP: cfg->listen_synack_drop = (uint8_t)flag; break;
    case F_ACK_REPEATS_FIN: cfg->ack_repeats_fin = (uint8_t)flag; break;
    case F_SYN_RST_FROM_TCB: cfg->syn_rst_from_tcb = (uint8_t)flag; break;
    case F_CLOSING_RST_RESETS: cfg->closing_rst_resets = (uint8_t)flag; break;
    case F_ABORT_RST_ACK: cfg->abort_rst_ack = (uint8_t)flag; break;
    case F_CONNECT_TIMEOUT: cfg->connect_timeout = (uint32_t)usecs; break;
    case F_USER_TIMEOUT: cfg->user_timeout = (uint32_t)usecs; break;
    case F_WINDOW:
        cfg->window = (uint32_t)v;
        e->stack.rcvbuf_window = 0;   /* the script sets the core's receive buffer itself */
        break;
    case F_SYN_RETRIES: cfg->syn_retries = (uint8_t)v; break;
    case F_SYNACK_RETRIES: cfg->synack_retries = (uint8_t)v; break;
    case F_RETRIES: cfg->retries = (uint8_t)v; break;
    case F_SYN_LINEAR: cfg->syn_linear_timeouts = (uint8_t)v; break;
    case F_FIN_WAIT_2: cfg->fin_wait_2_timeout = (uint32_t)usecs; break;
    case F_MSL: cfg->msl = (uint32_t)usecs; break;
    case F_RTO_INITIAL: cfg->rto_initial = (uint32_t)usecs; break;
    case F_RTO_MIN: cfg->rto_min = (uint32_t)usecs; break;
    case F_RTO_MAX: cfg->rto_max = (uint32_t)usecs; break;
    case F_CHALLENGE_LIMIT:
        if (knobs[i].unit != UNIT_LIMIT) {
            cfg->challenge_ack_limit = (uint8_t)v;
            break;
        }
        /* Linux and FreeBSD count challenge ACKs per second; 255 and more is "no limit" here (0).
           A limit of 0 ("never send one") has no counterpart in struct tcpfsm_config. */
        if (v == 0)
            return 0;
        cfg->challenge_ack_limit = v >= 255 ? 0 : (uint8_t)v;
        break;
    }
    if (e->opt->log)
        fprintf(e->opt->log, "%11.6f  sysctl %s=%s applied\n", (double)e->stack.now / 1e6, name, value);
    return 1;
}

/* Host knobs: what the socket layer models (buffer sizes), and knobs that change nothing the
   runner models at the values accepted. Returns 1 if applied, 0 if the name is unknown, -1 if the
   name is known but the value is not modelled. */
static int apply_host_knob(struct engine *e, const char *name, const char *value)
{
    static const struct {
        const char *name;
        const char *values;   /* accepted values, space-separated; "*" any */
    } neutral[] = {
        /* RFC 7323 and SACK options: options are never compared and the window is never scaled */
        {"net.inet.tcp.rfc1323", "*"},
        {"net.inet.tcp.sack.enable", "*"},
        {"net.ipv4.tcp_sack", "*"},
        {"net.ipv4.tcp_timestamps", "*"},
        {"net.ipv4.tcp_window_scaling", "*"},
        /* no host cache (route metrics) is modelled: nothing to purge */
        {"net.inet.tcp.hostcache.purgenow", "*"},
        {"net.ipv4.tcp_no_metrics_save", "*"},
        /* a RST for a closed port is sent (blackhole 0); ECN is not requested (0) or only answered (2),
           and the scripts' segments do not ask for it */
        {"net.inet.tcp.blackhole", "0"},
        {"net.inet.tcp.ecn.enable", "0 2"},
        {"net.ipv4.tcp_ecn", "0 2"},
    };
    char *endp;
    unsigned long long v;
    size_t i;
    if (strcmp(name, "net.inet.tcp.recvspace") == 0 || strcmp(name, "net.inet.tcp.sendspace") == 0 ||
        strcmp(name, "kern.ipc.maxsockbuf") == 0) {
        v = strtoull(value, &endp, 10);
        if (value[0] == '\0' || value[0] == '-' || *endp != '\0' || v == 0 || v > 0x7fffffffULL)
            return -1;
        if (strcmp(name, "net.inet.tcp.recvspace") == 0) {
            e->stack.recvspace = (uint32_t)v;
            /* freebsd: new sockets offer their buffer, at most the unscaled maximum, until the
               peer's MSS is known (drill_sock.c take_peer_mss) */
            if (e->stack.rcvbuf_window)
                e->stack.cfg.window = v > 65535u ? 65535u : (uint32_t)v;
        }
        else if (strcmp(name, "net.inet.tcp.sendspace") == 0)
            e->stack.sendspace = (uint32_t)v;
        else
            e->stack.sb_max = (uint32_t)v;
        return 1;
    }
    for (i = 0; i < sizeof neutral / sizeof neutral[0]; i++) {
        const char *p;
        size_t n = strlen(value);
        if (strcmp(neutral[i].name, name) != 0)
            continue;
        if (strcmp(neutral[i].values, "*") == 0)
            return 1;
        for (p = neutral[i].values; *p != '\0';) {
            size_t w = strcspn(p, " ");
            if (w == n && memcmp(p, value, n) == 0)
                return 1;
            p += w;
            while (*p == ' ')
                p++;
        }
        return -1;
    }
    return 0;
}

/* One knob from sysctl or /proc/sys: 1 applied, 0 not modelled (named in `what`), -1 failed. */
static int apply_any_knob(struct engine *e, const struct drill_event *ev, const char *name, const char *value,
                          char *what, size_t whatlen)
{
    int r = apply_knob(e, ev, name, value);
    if (r != 0 || e->failed)
        return e->failed ? -1 : 1;
    r = apply_host_knob(e, name, value);
    if (r == 1)
        return 1;
    snprintf(what, whatlen, "sysctl %.60s=%.20s", name, value);
    return 0;
}

/* tcpdrop -s STATE (FreeBSD: drop every connection in STATE), tcpdrop -a (all): ABORT. */
static int shell_tcpdrop(struct engine *e, char **words, int nw)
{
    int i;
    for (i = 1; i < nw; i++) {
        if (strcmp(words[i], "-a") == 0) {
            drill_stack_drop(&e->stack, 0, 1);
            return 1;
        }
        if (strcmp(words[i], "-s") == 0 && i + 1 < nw) {
            enum tcpfsm_state st;
            if (state_from_listing_name(words[i + 1], &st) < 0)
                return 0;
            drill_stack_drop(&e->stack, st, 0);
            return 1;
        }
    }
    return 0;
}

/* Every command of a backtick line, split at ; && || and newlines: sysctl [-w] [-q] name=value ...,
   echo V > /proc/sys/a/b/c, tcpdrop, a defaults.sh script. Returns 1 if all were applied, 0 if one
   is not modelled (named in `what`), -1 on a failure. */
static int shell_commands(struct engine *e, const struct drill_event *ev, const char *text, char *what,
                          size_t whatlen)
{
    char buf[512];
    char *cmd, *save_cmd;
    if (strlen(text) >= sizeof buf) {
        snprintf(what, whatlen, "a shell command of more than 511 characters");
        return 0;
    }
    strcpy(buf, text);
    for (cmd = strtok_r(buf, ";&|\n", &save_cmd); cmd != NULL; cmd = strtok_r(NULL, ";&|\n", &save_cmd)) {
        char *words[16];
        char whole[80];
        int nw = 0, i;
        char *tok, *save;
        snprintf(whole, sizeof whole, "%s", cmd);
        trim(whole);
        for (tok = strtok_r(cmd, " \t", &save); tok != NULL && nw < 16; tok = strtok_r(NULL, " \t", &save))
            words[nw++] = tok;
        if (nw == 0)
            continue;
        if (strcmp(words[0], "sysctl") == 0 || strstr(words[0], "/sysctl") != NULL) {
            for (i = 1; i < nw; i++) {
                char *eq;
                int r;
                if (words[i][0] == '-')
                    continue;
                eq = strchr(words[i], '=');
                if (eq == NULL) {
                    snprintf(what, whatlen, "the shell command `%s`", whole);
                    return 0;
                }
                *eq = '\0';
                r = apply_any_knob(e, ev, words[i], eq + 1, what, whatlen);
                if (r <= 0)
                    return r;
            }
        } else if (strcmp(words[0], "echo") == 0 && nw == 4 && strcmp(words[2], ">") == 0 &&
                   strncmp(words[3], "/proc/sys/", 10) == 0) {
            char name[128];
            size_t k;
            int r;
            snprintf(name, sizeof name, "%s", words[3] + 10);
            for (k = 0; name[k] != '\0'; k++)
                if (name[k] == '/')
                    name[k] = '.';
            r = apply_any_knob(e, ev, name, words[1], what, whatlen);
            if (r <= 0)
                return r;
        } else if (strcmp(words[0], "tcpdrop") == 0 || strstr(words[0], "/tcpdrop") != NULL) {
            if (!shell_tcpdrop(e, words, nw)) {
                snprintf(what, whatlen, "the shell command `%s`", whole);
                return 0;
            }
        } else if (nw == 1 && strlen(words[0]) >= 11 && strcmp(words[0] + strlen(words[0]) - 11, "defaults.sh") == 0) {
            /* Google's and the Linux selftests' scripts start with `../common/defaults.sh` (or
               `./defaults.sh`): the system's default settings, i.e. the profile's defaults. */
            e->stack.cfg = *profile_config(e->opt->profile);
            e->stack.cfg.mss = e->stack.link_mss;   /* the MSS the link allows, as at the start */
            e->stack.rcvbuf_window = e->opt->profile == DRILL_PROFILE_FREEBSD;
        } else if (strcmp(words[0], "true") == 0 || strcmp(words[0], ":") == 0) {
            continue;
        } else {
            snprintf(what, whatlen, "the shell command `%s`", whole);
            return 0;
        }
    }
    return 1;
}

static void run_shell(struct engine *e, const struct drill_event *ev)
{
    char what[160];
    int r;
    if (shell_state_count(e, ev, ev->text))
        return;
    if (e->failed)
        return;
    r = shell_commands(e, ev, ev->text, what, sizeof what);
    if (r == 0 && !e->failed)
        skip(e, ev->line, what);
}

/* ---------------------------------------------------------------- %{ }% blocks */

/* The Python of a %{ }% block, statement by statement (newlines and ';'): comments and blank lines,
   and `assert tcpi_state == STATE` or `!=` (optionally `, message`), where STATE is a Linux name
   (TCP_ESTABLISHED), a FreeBSD name (TCPS_ESTABLISHED) or a Linux number, checked against the
   socket under test. Anything else is not modelled (the run stops with SKIP). */
static void run_code(struct engine *e, const struct drill_event *ev)
{
    char buf[2048];
    char *stmt, *save;
    if (strlen(ev->text) >= sizeof buf) {
        skip(e, ev->line, "a %{ }% block of more than 2047 characters");
        return;
    }
    strcpy(buf, ev->text);
    for (stmt = strtok_r(buf, ";\n", &save); stmt != NULL && !e->failed; stmt = strtok_r(NULL, ";\n", &save)) {
        char a[32], b[48], op[8], val[48], what[120];
        char *comma, *hash;
        int n, neg;
        enum tcpfsm_state want, got;
        hash = strchr(stmt, '#');
        if (hash != NULL)
            *hash = '\0';
        comma = strchr(stmt, ',');
        if (comma != NULL)
            *comma = '\0';  /* assert X == Y, message */
        trim(stmt);
        if (stmt[0] == '\0')
            continue;
        n = sscanf(stmt, "%31s %47s %7s %47s", a, b, op, val);
        if (n != 4 || strcmp(a, "assert") != 0) {
            snprintf(what, sizeof what, "the Python statement `%.60s`", stmt);
            skip(e, ev->line, what);
            return;
        }
        if (strcmp(b, "tcpi_state") != 0) {
            snprintf(what, sizeof what, "the tcp_info field %.40s", b);
            skip(e, ev->line, what);
            return;
        }
        if ((strcmp(op, "==") != 0 && strcmp(op, "!=") != 0) || drill_state_from_name(val, &want) < 0) {
            snprintf(what, sizeof what, "the assertion `%.60s`", stmt);
            skip(e, ev->line, what);
            return;
        }
        {
            /* nothing may follow the value */
            char rest[8];
            if (sscanf(stmt, "%*s %*s %*s %*s %7s", rest) == 1) {
                snprintf(what, sizeof what, "the assertion `%.60s`", stmt);
                skip(e, ev->line, what);
                return;
            }
        }
        neg = strcmp(op, "!=") == 0;
        if (drill_stack_state_under_test(&e->stack, &got) < 0) {
            fail(e, ev->line, "expected tcpi_state %s %s, got no socket under test", op, val);
            return;
        }
        if ((got == want) == neg)
            fail(e, ev->line, "expected tcpi_state %s %s, got %d (%s)", op, val, drill_linux_state(got),
                 tcpfsm_state_name(got));
    }
}

/* ---------------------------------------------------------------- the run */

static void run_syscall(struct engine *e, const struct drill_event *ev, int64_t t, int64_t end, int64_t tol)
{
    struct drill_call_outcome o;
    enum drill_call_status st;
    if (e->pending) {
        fail(e, ev->line, "expected the blocking %s() of line %d to return before another system call",
             e->pending_ev->call.name, e->pending_ev->line);
        return;
    }
    st = drill_stack_syscall(&e->stack, &ev->call, 0, &o);
    check_stack(e, ev->line);
    if (e->failed)
        return;
    if (st == DRILL_CALL_WOULD_BLOCK) {
        e->pending = 1;
        e->pending_ev = ev;
        e->pending_start = t;
        e->pending_end = end;
        e->pending_tol = tol;
        return;
    }
    check_call_result(e, ev, st, &o);
}

void drill_run(const struct drill_script *script, const struct drill_options *opt, struct drill_result *result)
{
    struct engine *e = calloc(1, sizeof *e);
    int64_t prev = 0;
    size_t i;
    memset(result, 0, sizeof *result);
    result->passed = 1;
    if (e == NULL) {
        result->passed = 0;
        snprintf(result->message, sizeof result->message, "expected enough memory to run");
        return;
    }
    e->script = script;
    e->opt = opt;
    e->res = result;
    drill_stack_init(&e->stack, profile_config(opt->profile), opt->iss, opt->peer_isn, opt->log, opt->rows_taken,
                     opt->rows_taken_len);
    /* The socket API of the host the profile names (README: Linux under linux, FreeBSD otherwise). */
    e->stack.bsd = opt->profile != DRILL_PROFILE_LINUX;
    e->stack.link_mss = script->ip_version == DRILL_IPV6 ? 1440u : 1460u;
    e->stack.default_mss = script->ip_version == DRILL_IPV6 ? 1220u : 536u;
    /* The MSS the host advertises and the most it sends: its link's (the core's send MSS is the
       smaller of it and the peer's MSS option, RFC 9293 3.7.1) */
    e->stack.cfg.mss = e->stack.link_mss;
    /* freebsd: the core's receive buffer follows the socket's (drill_sock.c take_peer_mss) */
    e->stack.rcvbuf_window = opt->profile == DRILL_PROFILE_FREEBSD;
    if (script->unmodelled_line > 0)
        skip(e, script->unmodelled_line, script->unmodelled);
    for (i = 0; i < script->count && !e->failed; i++) {
        const struct drill_event *ev = &script->events[i];
        const struct drill_time *tm = &ev->time;
        int64_t t, end = 0, tol;
        int any = tm->kind == DRILL_TIME_ANY;
        if (any)
            t = (int64_t)e->stack.now;
        else
            t = tm->start_relative ? prev + tm->start_usecs : tm->start_usecs;
        if (tm->kind == DRILL_TIME_RANGE || tm->kind == DRILL_TIME_WINDOW)
            end = tm->end_relative ? prev + tm->end_usecs : tm->end_usecs;
        else
            end = t;
        if (!any && t < prev) {
            char a[32], b[32];
            format_time(a, sizeof a, t);
            format_time(b, sizeof b, prev);
            fail(e, ev->line, "expected times that do not go backwards, got %s after %s", a, b);
            break;
        }
        if (end < t) {
            fail(e, ev->line, "expected a time range whose end is not before its start");
            break;
        }
        tol = script->tolerance_usecs;
        {
            double pct = script->tolerance_percent / 100.0 * (double)((tm->kind == DRILL_TIME_RANGE ? end : t) - prev);
            if ((int64_t)pct > tol)
                tol = (int64_t)pct;
        }
        if (ev->kind == DRILL_EVENT_OUTBOUND && ev->packet.has_ecn) {
            skip(e, ev->line, "an IP ECN codepoint on an expected segment");
        } else if ((ev->kind == DRILL_EVENT_OUTBOUND || ev->kind == DRILL_EVENT_INBOUND) &&
                   ((ev->packet.flags & TCPFSM_URG) || ev->packet.has_urg)) {
            /* urgent data: the core has no urgent pointer, the socket layer no out-of-band byte */
            skip(e, ev->line, "urgent data (the URG flag, urg N)");
        } else if ((ev->kind == DRILL_EVENT_OUTBOUND || ev->kind == DRILL_EVENT_INBOUND) &&
                   (ev->packet.flags & (DRILL_ECE | DRILL_CWR))) {
            /* ECN (RFC 3168) is not in the core: neither flag is read nor set */
            skip(e, ev->line, ev->kind == DRILL_EVENT_INBOUND ? "the ECN flags E/W on an injected segment"
                                                              : "the ECN flags E/W on an expected segment");
        } else if (ev->kind == DRILL_EVENT_OUTBOUND) {
            match_outbound(e, ev, t, tm->kind == DRILL_TIME_WINDOW ? end : t, tol, any);
        } else {
            advance_to(e, t, ev->line);
            if (e->failed)
                break;
            /* packetdrill's rule: a segment the stack emitted waits for the next `>` line (and one no
               line takes is not a failure); --strict: it must be taken before any other line. */
            if (opt->strict && e->stack.emitted_count > 0) {
                fail_unexpected(e, ev->line, "before this line");
                break;
            }
            e->stack.current_line = ev->line;
            switch (ev->kind) {
            case DRILL_EVENT_INBOUND:
                if (ev->packet.has_ecn) {
                    skip(e, ev->line, "an IP ECN codepoint on an injected segment");
                    break;
                }
                drill_stack_inject(&e->stack, &ev->packet);
                check_stack(e, ev->line);
                check_pending(e);
                break;
            case DRILL_EVENT_SYSCALL:
                run_syscall(e, ev, t, end, tol);
                break;
            case DRILL_EVENT_SHELL:
                run_shell(e, ev);
                break;
            case DRILL_EVENT_CODE:
                run_code(e, ev);
                break;
            case DRILL_EVENT_UNMODELLED:
                skip(e, ev->line, ev->text);
                break;
            default:
                break;
            }
        }
        prev = any ? (int64_t)e->stack.now : t;
    }
    if (!e->failed && e->pending) {
        advance_to(e, e->pending_end + e->pending_tol, e->pending_ev->line);
        if (!e->failed && e->pending) {
            char t1[32];
            format_time(t1, sizeof t1, e->pending_end);
            fail(e, e->pending_ev->line, "expected %s() to return by %s, got it still blocked",
                 e->pending_ev->call.name, t1);
        }
    }
    if (!e->failed && opt->strict && e->stack.emitted_count > 0)
        fail_unexpected(e, script->count > 0 ? script->events[script->count - 1].line : 1, "after the last line");
    free(e);
}
