/*
 * replay.c - model-to-code trace replay.
 *
 * Reads, on standard input, the output of a pan verifier compiled from model/tcp.pml with
 * -DPRINTF -DCHECK (see tests/replay/run.sh). -DCHECK makes pan print "D: Down" each time its
 * depth-first search executes a transition into depth D and "D: Up" each time it undoes it;
 * -DPRINTF makes the model's own narration ("NARR ..." lines, model/tcp.pml narrate()) appear
 * as each transition executes. A stack of the narration per depth therefore holds, at every
 * leaf of the search (a Down followed directly by its Up), one complete execution of the model
 * from its initial state: a trace. Every distinct trace (hash of its endpoint steps) is replayed
 * once against two C connection blocks (one per model endpoint) through the public API of
 * src/tcpfsm.h, and every endpoint step of the model must be matched by the C block: same row
 * id (or no row) and same next state.
 *
 * Inputs to the C blocks:
 *   OPEN_ACTIVE, OPEN_PASSIVE, CLOSE, ABORT   tcpfsm_open_active/open_passive/close/abort
 *   RTO, RTO_GIVEUP, TIME_WAIT_EXPIRY,        the clock advanced to tcpfsm_deadline() and
 *   FIN_WAIT_2_TIMEOUT                        tcpfsm_timer (one model firing = one C firing)
 *   segment events (and segments the model    the model's segment, translated into the C block's
 *   drops without an event)                   sequence space: SEG.SEQ at the same signed distance
 *                                             from the C block's RCV.NXT as the model's SEG.SEQ is
 *                                             from the model's RCV.NXT, SEG.ACK likewise from SND.NXT
 * When the segment is one the C peer actually emitted (the network mirror below pairs every
 * model "send" with the segment the C peer emitted in the same step), the C peer's segment is
 * delivered, and it must equal the translated one (else the two C blocks disagree with each
 * other where the model's endpoints agree: a divergence). Segments the C peer never emitted
 * (its retransmission was not emitted, ...) are synthesised by the translation.
 *
 * Besides the row and the next state, the segments of every step are compared: the C block must
 * emit one segment with the same flags for each segment the model sends, and nothing else.
 *
 * Output: one FAIL line per failing trace (the whole trace for the first of each kind), then
 *   "replay: N passed, N failed, N skipped (...), N skipped (...)" where N counts distinct traces.
 *   Skipped: traces through a step where the model's own bound assertion (model_bound_ok) failed,
 *   and traces where the C peer's segment and the model's differ by a multiple of the model's
 *   sequence space (the model's SEQ_N numbers wrapped).
 * REPLAY_TOLERATE_SYN_SYNC=1 (diagnosis only) lets one known divergence pass, see below.
 * Options: --max N (stop after N distinct traces), --hashes FILE (append "hash PASS|FAIL"),
 *          --verbose (print every trace).
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tcpfsm.h"

/* ---------------------------------------------------------------- model constants */
/* The model's bounds, passed by tests/replay/run.sh from model/tcp.pml's #defines (never retyped). */
#if !defined(M_SEQ_N) || !defined(M_ISN_RATE) || !defined(M_RCV_WND) || !defined(M_RETRIES)
#error "build with -DM_SEQ_N -DM_ISN_RATE -DM_RCV_WND -DM_RETRIES taken from model/tcp.pml (tests/replay/run.sh does)"
#endif

#define MAX_DEPTH  4096
#define MAX_STEPS  4096

/* -------------------------------------------------------------- growable strings */
struct text { char *s; size_t len, cap; };

static void text_add(struct text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 256;
        while (cap < t->len + n + 1)
            cap *= 2;
        t->s = realloc(t->s, cap);
        if (t->s == NULL) { fprintf(stderr, "replay: out of memory\n"); exit(2); }
        t->cap = cap;
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
}

/* ------------------------------------------------------------------ model segments */
struct mseg { unsigned flags, seq, ack, age, gatt, gpeer; };   /* flags in model bits */
#define MF_SYN 1u
#define MF_ACK 2u
#define MF_FIN 4u
#define MF_RST 8u

/* parses "<SEQ=1><ACK=2><CTL=SYN,ACK> age 0, from incarnation 1 for 0"; returns the end */
static const char *parse_mseg(const char *p, struct mseg *m)
{
    const char *q = strstr(p, "<SEQ=");
    const char *ctl, *end;
    int n = 0;
    if (q == NULL)
        return NULL;
    if (sscanf(q, "<SEQ=%u><ACK=%u><CTL=%n", &m->seq, &m->ack, &n) != 2 || n == 0)
        return NULL;
    ctl = q + n;
    end = strchr(ctl, '>');
    if (end == NULL)
        return NULL;
    m->flags = 0;
    {   /* "SYN,FIN,RST,ACK", any subset in this order */
        const char *t = ctl;
        while (t < end) {
            if (strncmp(t, "SYN", 3) == 0) m->flags |= MF_SYN;
            else if (strncmp(t, "FIN", 3) == 0) m->flags |= MF_FIN;
            else if (strncmp(t, "RST", 3) == 0) m->flags |= MF_RST;
            else if (strncmp(t, "ACK", 3) == 0) m->flags |= MF_ACK;
            else return NULL;
            t += 3;
            if (*t == ',') t++;
        }
    }
    n = 0;
    if (sscanf(end, "> age %u, from incarnation %u for %u%n", &m->age, &m->gatt, &m->gpeer, &n) != 3)
        return NULL;
    return end + n;
}

static int mseg_eq(const struct mseg *a, const struct mseg *b)
{
    return a->flags == b->flags && a->seq == b->seq && a->ack == b->ack && a->age == b->age &&
           a->gatt == b->gatt && a->gpeer == b->gpeer;
}

static uint16_t c_flags(unsigned mf)
{
    uint16_t f = 0;
    if (mf & MF_SYN) f |= TCPFSM_SYN;
    if (mf & MF_ACK) f |= TCPFSM_ACK;
    if (mf & MF_FIN) f |= TCPFSM_FIN;
    if (mf & MF_RST) f |= TCPFSM_RST;
    return f;
}

/* signed distance in the model's modular space, in [-SEQ_N/2, SEQ_N/2) */
static int32_t mdist(unsigned a, unsigned b)
{
    unsigned d = (a - b) & (M_SEQ_N - 1u);
    return d >= M_SEQ_N / 2u ? (int32_t)d - (int32_t)M_SEQ_N : (int32_t)d;
}

/* ------------------------------------------------------------------- trace lines */
enum line_kind { L_STEP, L_DROP, L_SEND, L_SEND_LOST, L_SEND_DUP, L_SEND_FULL, L_DUP, L_LOSE, L_TICK,
                 L_EXPIRE, L_CFG };
#define IS_SEND(k) ((k) == L_SEND || (k) == L_SEND_LOST || (k) == L_SEND_DUP || (k) == L_SEND_FULL)

struct step {
    enum line_kind kind;
    int side;              /* L_STEP, L_DROP: the endpoint; L_SEND: the destination */
    int from, to, event;   /* states, event index (-1: none) */
    int row;               /* row id, 0 none */
    unsigned inc;          /* L_STEP: the endpoint's incarnation (ghost) */
    int has_seg;
    struct mseg seg;
    unsigned iss, irs, una, nxt, rnxt;   /* model variables after the step */
    char cfg_name[32];
    int cfg_value;
    const char *text;      /* the line, for printing */
};

static int state_index(const char *name, size_t n)
{
    int s;
    for (s = 0; s < TCPFSM_STATE_COUNT; s++)
        if (strlen(tcpfsm_state_names[s]) == n && strncmp(tcpfsm_state_names[s], name, n) == 0)
            return s;
    return -1;
}

static int event_index(const char *name, size_t n)
{
    int e;
    for (e = 0; e < TCPFSM_EVENT_COUNT; e++)
        if (strlen(tcpfsm_event_names[e]) == n && strncmp(tcpfsm_event_names[e], name, n) == 0)
            return e;
    return -1;
}

/* parses one narration line; returns 0 on success */
static int parse_line(const char *line, struct step *st)
{
    const char *p;
    memset(st, 0, sizeof *st);
    st->text = line;
    st->event = -1;
    if (strncmp(line, "CFG ", 4) == 0) {
        st->kind = L_CFG;
        return sscanf(line + 4, "%31s %d", st->cfg_name, &st->cfg_value) == 2 ? 0 : -1;
    }
    if (strncmp(line, "NARR ", 5) != 0)
        return -1;
    p = line + 5;
    while (*p == ' ')
        p++;
    if (strncmp(p, "tick:", 5) == 0) {
        st->kind = L_EXPIRE;
        return parse_mseg(p, &st->seg) ? 0 : -1;
    }
    if (strncmp(p, "tick", 4) == 0) { st->kind = L_TICK; return 0; }
    if (strncmp(p, "net: loses", 10) == 0) {
        st->kind = L_LOSE;
        return parse_mseg(p, &st->seg) ? 0 : -1;
    }
    if (strncmp(p, "net: duplicates", 15) == 0) {
        st->kind = L_DUP;
        return parse_mseg(p, &st->seg) ? 0 : -1;
    }
    if (strncmp(p, "network full, dropped:", 22) == 0) {
        st->kind = L_SEND_FULL;
        st->has_seg = 1;
        return parse_mseg(p, &st->seg) ? 0 : -1;
    }
    if (strncmp(p, "send to ep", 10) == 0) {
        st->side = p[10] - '0';
        if (strncmp(p + 11, ": ", 2) == 0) st->kind = L_SEND;
        else if (strncmp(p + 11, ", LOST: ", 8) == 0) st->kind = L_SEND_LOST;
        else if (strncmp(p + 11, ", DUPLICATED: ", 14) == 0) st->kind = L_SEND_DUP;
        else if (strncmp(p + 11, ", dropped, network full: ", 25) == 0) st->kind = L_SEND_FULL;
        else return -1;
        st->has_seg = 1;
        return parse_mseg(p, &st->seg) ? 0 : -1;
    }
    if (strncmp(p, "ep", 2) == 0) {
        const char *a, *b;
        st->side = p[2] - '0';
        if (strncmp(p + 3, " drops ", 7) == 0) {
            st->kind = L_DROP;
            st->has_seg = 1;
            return parse_mseg(p, &st->seg) ? 0 : -1;
        }
        st->kind = L_STEP;
        if (sscanf(p + 3, " (inc %u)", &st->inc) != 1) return -1;
        a = strchr(p, ')');
        if (a == NULL) return -1;
        a += 2;
        b = strstr(a, " --");
        if (b == NULL) return -1;
        st->from = state_index(a, (size_t)(b - a));
        a = b + 3;
        b = a;
        while (*b && *b != ' ' && strncmp(b, "-->", 3) != 0)
            b++;
        st->event = event_index(a, (size_t)(b - a));
        if (*b == ' ') {
            b = parse_mseg(b, &st->seg);
            if (b == NULL) return -1;
            st->has_seg = 1;
        }
        if (strncmp(b, "--> ", 4) != 0) return -1;
        a = b + 4;
        b = strstr(a, "  [T");
        if (b == NULL) return -1;
        st->to = state_index(a, (size_t)(b - a));
        if (sscanf(b, "  [T%d] ISS=%u IRS=%u SND.UNA=%u SND.NXT=%u RCV.NXT=%u", &st->row, &st->iss,
                   &st->irs, &st->una, &st->nxt, &st->rnxt) != 6)
            return -1;
        return (st->from < 0 || st->to < 0 || st->event < 0) ? -1 : 0;
    }
    return -1;
}

/* ------------------------------------------------------------------------- replay */
struct mirror { struct mseg m; int has_c; struct tcpfsm_segment c; };
#define MIRROR_MAX 16

struct replay {
    struct tcpfsm_config cfg;
    struct tcpfsm_conn conn[2];
    tcpfsm_time_t now;
    uint32_t isn_clock;     /* the model's ISN clock in C sequence space: +ISN_RATE a tick */
    /* the model's variables, as last narrated and rotated by the ticks since */
    int mstate[2];
    unsigned matt[2];
    unsigned miss[2], mirs[2], muna[2], mnxt[2], mrnxt[2];
    /* segments in flight per destination: the model's, paired with the C peer's */
    struct mirror net[2][MIRROR_MAX];
    int nnet[2];
    char why[512];
};

static void mirror_add(struct replay *r, int d, const struct mseg *m, const struct tcpfsm_segment *c)
{
    struct mirror *e;
    if (r->nnet[d] >= MIRROR_MAX)
        return;   /* cannot happen with QMAX <= 4; the segment is then synthesised */
    e = &r->net[d][r->nnet[d]++];
    e->m = *m;
    e->has_c = c != NULL;
    if (c != NULL)
        e->c = *c;
}

static int mirror_take(struct replay *r, int d, const struct mseg *m, struct mirror *out)
{
    int k;
    for (k = 0; k < r->nnet[d]; k++) {
        if (mseg_eq(&r->net[d][k].m, m)) {
            *out = r->net[d][k];
            memmove(&r->net[d][k], &r->net[d][k + 1], (size_t)(r->nnet[d] - k - 1) * sizeof out[0]);
            r->nnet[d]--;
            return 1;
        }
    }
    return 0;
}

static void replay_init(struct replay *r, uint32_t iss_base)
{
    memset(r, 0, sizeof *r);
    r->cfg = tcpfsm_profile_rfc;
    r->cfg.window = M_RCV_WND;              /* RCV.WND and MAX.SND.WND of the model */
    r->cfg.syn_retries = M_RETRIES;
    r->cfg.synack_retries = M_RETRIES;
    r->cfg.retries = M_RETRIES;
    r->cfg.rfc5961_rst = 1;                 /* the model always applies RFC 5961 3 */
    r->cfg.rfc5961_ack = 1;
    r->cfg.rfc5961_syn = 0;
    r->cfg.rfc1337 = 0;
    r->cfg.tw_reopen = 0;
    r->cfg.fin_wait_2_timeout = 0;
    r->cfg.challenge_ack_limit = 0;         /* the model does not rate-limit */
    tcpfsm_init(&r->conn[0], &r->cfg);
    tcpfsm_init(&r->conn[1], &r->cfg);
    r->now = 1000000u;
    r->isn_clock = iss_base;
}

static int apply_cfg(struct replay *r, const struct step *s)
{
    uint8_t v = (uint8_t)(s->cfg_value != 0);
    if (strcmp(s->cfg_name, "cfg_rfc5961_syn") == 0) r->cfg.rfc5961_syn = v;
    else if (strcmp(s->cfg_name, "cfg_rfc1337") == 0) r->cfg.rfc1337 = v;
    else if (strcmp(s->cfg_name, "cfg_tw_reopen") == 0) r->cfg.tw_reopen = v;
    else if (strcmp(s->cfg_name, "cfg_closing_rst_resets") == 0) r->cfg.closing_rst_resets = v;
    else if (strcmp(s->cfg_name, "cfg_fw2_timer") == 0) r->cfg.fin_wait_2_timeout = v ? 60000000u : 0u;
    else return -1;
    return 0;
}

/* the model's segment in the C block's sequence space (see the header comment) */
static struct tcpfsm_segment translate(const struct replay *r, int i, const struct mseg *m)
{
    struct tcpfsm_segment c;
    const struct tcpfsm_conn *k = &r->conn[i];
    memset(&c, 0, sizeof c);
    c.flags = c_flags(m->flags);
    /* relative to this block's RCV.NXT once it has one (from SYN-RECEIVED on), else to the ISN
       clock (the model's sequence numbers are relative to it); SEG.ACK likewise to SND.NXT */
    if (tcpfsm_state(k) >= TCPFSM_SYN_RECEIVED)
        c.seq = tcpfsm_rcv_nxt(k) + (uint32_t)mdist(m->seq, r->mrnxt[i]);
    else
        c.seq = r->isn_clock + (uint32_t)mdist(m->seq, 0);
    if (!(m->flags & MF_ACK))
        c.ack = 0u;
    else if (tcpfsm_state(k) != TCPFSM_CLOSED && tcpfsm_state(k) != TCPFSM_LISTEN)
        c.ack = tcpfsm_snd_nxt(k) + (uint32_t)mdist(m->ack, r->mnxt[i]);
    else
        c.ack = r->isn_clock + (uint32_t)mdist(m->ack, 0);
    c.window = M_RCV_WND;
    c.len = 0;
    c.mss = 0u;                             /* the model has no options */
    c.wscale = (uint16_t)TCPFSM_WSCALE_NONE;
    return c;
}

static const char *flag_text(uint16_t f, char *buf)
{
    buf[0] = '\0';
    if (f & TCPFSM_SYN) strcat(buf, "S");
    if (f & TCPFSM_FIN) strcat(buf, "F");
    if (f & TCPFSM_RST) strcat(buf, "R");
    if (f & TCPFSM_ACK) strcat(buf, ".");
    return buf;
}

static const char *state_name(int s)
{
    return (s >= 0 && s < TCPFSM_STATE_COUNT) ? tcpfsm_state_names[s] : "?";
}

static const char *event_name(int e)
{
    return (e >= 0 && e < TCPFSM_EVENT_COUNT) ? tcpfsm_event_names[e] : "none";
}

static int tolerate_syn_sync;

/* a RST,ACK sent by an endpoint without a TCB (tag 0): the reply of a closed port or LISTEN */
static int em_is_literal_zero_reply(const struct replay *r, int i, const struct mseg *m)
{
    (void)r; (void)i;
    return m->gatt == 0 && m->flags == (MF_RST | MF_ACK);
}
static int check_sends = 1;   /* the segments of each step: same number, same flags */

/* replays the trace; returns 0 if every step matched, else the index of the failing line + 1 */
static int replay_trace(struct step *steps, int n, uint32_t iss_base, char *why, size_t whylen)
{
    static struct replay rr;
    struct replay *r = &rr;
    int k;
    replay_init(r, iss_base);
    for (k = 0; k < n; k++) {
        struct step *s = &steps[k];
        struct tcpfsm_output out;
        int i = s->side, rc = TCPFSM_OK, d, j;
        uint8_t before;
        memset(&out, 0, sizeof out);
        switch (s->kind) {
        case L_CFG:
            if (apply_cfg(r, s) != 0) {
                snprintf(why, whylen, "unknown configuration %s", s->cfg_name);
                return k + 1;
            }
            continue;
        case L_TICK:
            r->isn_clock += M_ISN_RATE;
            for (j = 0; j < 2; j++) {
                if (r->mstate[j] != TCPFSM_CLOSED && r->mstate[j] != TCPFSM_LISTEN) {
                    r->miss[j] -= M_ISN_RATE; r->mirs[j] -= M_ISN_RATE; r->muna[j] -= M_ISN_RATE;
                    r->mnxt[j] -= M_ISN_RATE; r->mrnxt[j] -= M_ISN_RATE;
                }
                for (d = 0; d < r->nnet[j]; d++) {
                    struct mseg *m = &r->net[j][d].m;
                    m->age++;
                    m->seq = (m->seq - M_ISN_RATE) & (M_SEQ_N - 1u);
                    if (m->flags & MF_ACK)
                        m->ack = (m->ack - M_ISN_RATE) & (M_SEQ_N - 1u);
                }
            }
            continue;
        case L_EXPIRE: case L_LOSE: {
            /* a loss names the segment as it is; an expiry is printed by the tick, after the
               "tick" line (where the mirror already aged everything), at its age before the tick */
            struct mirror gone;
            struct mseg m = s->seg;
            int dd;
            if (s->kind == L_EXPIRE) {
                m.age++;
                m.seq = (m.seq - M_ISN_RATE) & (M_SEQ_N - 1u);
                if (m.flags & MF_ACK)
                    m.ack = (m.ack - M_ISN_RATE) & (M_SEQ_N - 1u);
            }
            for (dd = 0; dd < 2; dd++)
                if (mirror_take(r, dd, &m, &gone))
                    break;
            continue;
        }
        case L_DUP: {
            int dd, q;
            /* the duplicate's own "send to" line follows; attach the C segment of the original */
            for (dd = 0; dd < 2; dd++)
                for (q = 0; q < r->nnet[dd]; q++)
                    if (mseg_eq(&r->net[dd][q].m, &s->seg)) {
                        mirror_add(r, dd, &s->seg, r->net[dd][q].has_c ? &r->net[dd][q].c : NULL);
                        goto dup_done;
                    }
        dup_done:
            if (k + 1 < n && steps[k + 1].kind == L_SEND)
                k++;   /* skip the duplicate's send line */
            continue;
        }
        case L_SEND: case L_SEND_LOST: case L_SEND_DUP: case L_SEND_FULL:
            continue;  /* consumed with the step that follows them */
        case L_STEP: case L_DROP:
            break;
        }
        before = (uint8_t)tcpfsm_state(&r->conn[i]);
        if (s->kind == L_STEP && before != s->from) {
            snprintf(why, whylen, "ep%d: C block in %s, model in %s before the step", i,
                     state_name(before), state_name(s->from));
            return k + 1;
        }
        if (s->kind == L_DROP || (s->has_seg && s->kind == L_STEP)) {
            struct tcpfsm_segment seg = translate(r, i, &s->seg);
            struct mirror em;
            /* the C peer's segment is delivered when it is a segment of the peer's current
               incarnation addressed to this side's current one; an older segment is
               synthesised from the model's (the C blocks choose their ISS when the user
               opens, the model when the SYN arrives in LISTEN, so sequence numbers of
               different incarnations are spaced differently) */
            /* The reply of a closed port, <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>, is
               synthesised: its zero is literal on the wire, while in the model it is a number of
               the rotating sequence space that can land in the receiver's window; the replay
               follows the model there. */
            int synthesise = s->seg.flags == (MF_RST | MF_ACK) && em_is_literal_zero_reply(r, i, &s->seg);
            if (mirror_take(r, i, &s->seg, &em) && em.has_c && !synthesise &&
                (s->seg.gatt == 0 ||
                 (s->seg.gatt == r->matt[1 - i] && (s->seg.gpeer == 0 || s->seg.gpeer == r->matt[i])))) {
                /* SEG.SEQ is compared only where this block has an RCV.NXT (from SYN-RECEIVED
                   on), and not for <SEQ=0><CTL=RST,ACK> whose zero is literal; SEG.ACK only
                   where it has an SND.NXT (not CLOSED, not LISTEN) */
                int seq_defined = before >= TCPFSM_SYN_RECEIVED && seg.flags != (TCPFSM_RST | TCPFSM_ACK);
                int ack_defined = before != TCPFSM_CLOSED && before != TCPFSM_LISTEN;
                if (em.c.flags == seg.flags && seq_defined && em.c.seq != seg.seq &&
                    (em.c.seq - seg.seq) % M_SEQ_N == 0 && (int32_t)(em.c.seq - seg.seq) != 0 &&
                    (!ack_defined || !(seg.flags & TCPFSM_ACK) || (em.c.ack - seg.ack) % M_SEQ_N == 0)) {
                    /* the two differ by a multiple of the model's sequence space: the model's
                       SEQ_N numbers wrapped (a segment SEQ_N/2 away is "older" in the model and
                       "newer" on the wire); a bound of the model, not a behaviour */
                    snprintf(why, whylen, "ep%d: the model's %u-number sequence space wrapped: C peer seq=%"
                             PRIu32 ", the model's segment is at seq=%" PRIu32, i, M_SEQ_N, em.c.seq, seg.seq);
                    return -(k + 1);
                }
                if (em.c.flags != seg.flags || (seq_defined && em.c.seq != seg.seq) ||
                    (ack_defined && (seg.flags & TCPFSM_ACK) && em.c.ack != seg.ack)) {
                    char f1[8], f2[8];
                    snprintf(why, whylen,
                             "ep%d: the C peer emitted %s seq=%" PRIu32 " ack=%" PRIu32
                             " for this model segment, the model's segment in this block's space"
                             " is %s seq=%" PRIu32 " ack=%" PRIu32 " (RCV.NXT=%" PRIu32
                             " SND.NXT=%" PRIu32 ")",
                             i, flag_text(em.c.flags, f1), em.c.seq, em.c.ack, flag_text(seg.flags, f2),
                             seg.seq, seg.ack, tcpfsm_rcv_nxt(&r->conn[i]), tcpfsm_snd_nxt(&r->conn[i]));
                    return k + 1;
                }
                seg = em.c;   /* deliver the C peer's own segment */
                seg.window = M_RCV_WND;
            }
            rc = tcpfsm_segment(&r->conn[i], r->now, &seg, &out);
        } else {
            switch (s->event) {
            case TCPFSM_EV_OPEN_ACTIVE:
                rc = tcpfsm_open_active(&r->conn[i], r->now, r->isn_clock, &out);
                break;
            case TCPFSM_EV_OPEN_PASSIVE:
                rc = tcpfsm_open_passive(&r->conn[i], r->now, r->isn_clock, &out);
                break;
            case TCPFSM_EV_CLOSE:
                rc = tcpfsm_close(&r->conn[i], r->now, &out);
                break;
            case TCPFSM_EV_ABORT:
                rc = tcpfsm_abort(&r->conn[i], r->now, &out);
                break;
            case TCPFSM_EV_RTO: case TCPFSM_EV_RTO_GIVEUP:
            case TCPFSM_EV_TIME_WAIT_EXPIRY: case TCPFSM_EV_FIN_WAIT_2_TIMEOUT: {
                tcpfsm_time_t dl = tcpfsm_deadline(&r->conn[i]);
                if (dl == TCPFSM_NO_DEADLINE) {
                    snprintf(why, whylen, "ep%d: the model's timer fires (%s) but the C block in %s has no deadline",
                             i, event_name(s->event), state_name(before));
                    return k + 1;
                }
                if (dl > r->now)
                    r->now = dl;
                rc = tcpfsm_timer(&r->conn[i], r->now, &out);
                break;
            }
            default:
                snprintf(why, whylen, "ep%d: segment event %s without a segment", i, event_name(s->event));
                return k + 1;
            }
        }
        r->now += 1;
        if (rc != TCPFSM_OK) {
            snprintf(why, whylen, "ep%d: the call for %s returned %d in %s", i, event_name(s->event), rc,
                     state_name(before));
            return k + 1;
        }
        {
            int want_row = s->kind == L_STEP ? s->row : 0;
            int want_to = s->kind == L_STEP ? s->to : before;
            int got_to = (int)tcpfsm_state(&r->conn[i]);
            /* REPLAY_TOLERATE_SYN_SYNC=1 (diagnosis only, never in `make test`): let the known
               divergence "model UNACCEPTABLE, C SYN_SYNC for a SYN outside the window with RFC 5961
               section 4 on" pass when the state agrees, to see what lies behind it */
            int tolerated = tolerate_syn_sync && s->kind == L_STEP && s->event == TCPFSM_EV_UNACCEPTABLE &&
                            out.event == TCPFSM_EV_SYN_SYNC && got_to == want_to;
            if (!tolerated && ((int)out.row != want_row || got_to != want_to)) {
                snprintf(why, whylen,
                         "ep%d: model %s --%s--> %s [T%d], C %s --%s--> %s [T%d]", i, state_name(before),
                         s->kind == L_STEP ? event_name(s->event) : "dropped", state_name(want_to), want_row,
                         state_name(before), out.event == 0xff ? "none" : event_name(out.event),
                         state_name(got_to), out.row);
                return k + 1;
            }
        }
        /* the segments the model sent in this step (the "send" lines just before it) go into the
           mirror with the C block's output of the same flags, in order */
        {
            int q = k - 1, first, used[TCPFSM_MAX_SEGMENTS] = {0};
            while (q >= 0 && IS_SEND(steps[q].kind))
                q--;
            /* a duplicate's send line was skipped above and is never directly before a step */
            first = q + 1;
            for (q = first; q < k; q++) {
                const struct tcpfsm_segment *match = NULL;
                int o, copies, full_after;
                /* "send to epD: S" then "network full, dropped: S" is one segment that the full
                   network dropped (a DUPLICATED one then has one copy in flight) */
                full_after = q + 1 < k && steps[q + 1].kind == L_SEND_FULL &&
                             (steps[q].kind == L_SEND || steps[q].kind == L_SEND_DUP) &&
                             mseg_eq(&steps[q + 1].seg, &steps[q].seg);
                copies = steps[q].kind == L_SEND ? 1 : steps[q].kind == L_SEND_DUP ? 2 : 0;
                if (full_after && q + 2 < k && steps[q + 2].kind == L_SEND_FULL &&
                    steps[q].kind == L_SEND_DUP && mseg_eq(&steps[q + 2].seg, &steps[q].seg))
                    full_after = 2;
                copies -= full_after;
                for (o = 0; o < out.count; o++)
                    if (!used[o] && out.segments[o].flags == c_flags(steps[q].seg.flags)) {
                        used[o] = 1;
                        match = &out.segments[o];
                        break;
                    }
                if (match == NULL && check_sends) {
                    char f1[8];
                    snprintf(why, whylen, "ep%d: the model sends %s in this step, the C block does not"
                             " (it emitted %d segment(s))", i,
                             flag_text(c_flags(steps[q].seg.flags), f1), out.count);
                    return k + 1;
                }
                while (copies-- > 0)
                    mirror_add(r, steps[q].side, &steps[q].seg, match);
                q += full_after;
            }
            if (check_sends) {
                int o;
                for (o = 0; o < out.count; o++)
                    if (!used[o]) {
                        char f1[8];
                        snprintf(why, whylen, "ep%d: the C block emits %s seq=%" PRIu32 " ack=%" PRIu32
                                 " in this step, the model sends nothing like it", i,
                                 flag_text(out.segments[o].flags, f1), out.segments[o].seq, out.segments[o].ack);
                        return k + 1;
                    }
            }
        }
        if (s->kind == L_STEP) {
            r->mstate[i] = s->to;
            r->matt[i] = s->inc;
            r->miss[i] = s->iss; r->mirs[i] = s->irs; r->muna[i] = s->una;
            r->mnxt[i] = s->nxt; r->mrnxt[i] = s->rnxt;
        }
    }
    return 0;
}

/* -------------------------------------------------------------------- the search */
static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
    size_t k;
    for (k = 0; k < n; k++) {
        h ^= (unsigned char)s[k];
        h *= 1099511628211ull;
    }
    return h;
}

/* open-addressing set of 64-bit hashes */
static uint64_t *seen;
static size_t seen_cap, seen_count;

static int seen_insert(uint64_t h)
{
    size_t k;
    if (h == 0) h = 1;
    if ((seen_count + 1) * 2 > seen_cap) {
        uint64_t *old = seen;
        size_t oldcap = seen_cap, q;
        seen_cap = seen_cap ? seen_cap * 2 : 1u << 16;
        seen = calloc(seen_cap, sizeof *seen);
        if (seen == NULL) { fprintf(stderr, "replay: out of memory\n"); exit(2); }
        seen_count = 0;
        for (q = 0; q < oldcap; q++)
            if (old[q] != 0) {
                for (k = (size_t)old[q] & (seen_cap - 1); seen[k] != 0; k = (k + 1) & (seen_cap - 1))
                    ;
                seen[k] = old[q];
                seen_count++;
            }
        free(old);
    }
    for (k = (size_t)h & (seen_cap - 1); seen[k] != 0; k = (k + 1) & (seen_cap - 1))
        if (seen[k] == h)
            return 0;
    seen[k] = h;
    seen_count++;
    return 1;
}

static struct text stack[MAX_DEPTH];
static int tainted[MAX_DEPTH];
static struct step steps[MAX_STEPS];

static unsigned long skipped_wrap;
static unsigned long passed, failed, skipped, max_traces = 1000000;
static int verbose;
static unsigned char row_taken[256];   /* rows taken by the C blocks in passing traces */
static FILE *hashes;
static unsigned long trace_no;

/* the first trace of each kind of divergence is printed whole: the kind is the message with
   its numbers taken out */
static int new_divergence_class(const char *why)
{
    static char classes[64][256];
    static int nclasses;
    char key[256];
    size_t k = 0;
    int c;
    for (; *why && k + 1 < sizeof key; why++)
        if (*why < '0' || *why > '9' || (k > 0 && key[k - 1] == 'T'))
            key[k++] = *why;
    key[k] = '\0';
    for (c = 0; c < nclasses; c++)
        if (strcmp(classes[c], key) == 0)
            return 0;
    if (nclasses < 64)
        memcpy(classes[nclasses++], key, k + 1);
    return 1;
}

static void print_trace(FILE *f, struct step *st, int n, int bad)
{
    int k;
    for (k = 0; k < n; k++)
        fprintf(f, "%s %4d  %s\n", k + 1 == bad ? ">>" : "  ", k + 1, st[k].text);
}

static void leaf(int depth)
{
    struct text all = {0};
    int d, n = 0, bad;
    uint64_t h = 1469598103934665603ull;
    char *p, *e;
    char why[1024];
    for (d = 1; d <= depth; d++) {
        if (tainted[d]) { free(all.s); skipped++; return; }
        if (stack[d].len)
            text_add(&all, stack[d].s, stack[d].len);
    }
    if (all.s == NULL)
        return;
    /* split into lines and parse */
    for (p = all.s; *p; p = e + 1) {
        e = strchr(p, '\n');
        if (e == NULL) break;
        *e = '\0';
        if (n >= MAX_STEPS) { free(all.s); skipped++; return; }
        if (parse_line(p, &steps[n]) != 0) {
            fprintf(stderr, "replay: cannot parse model line: %s\n", p);
            exit(2);
        }
        if (steps[n].kind == L_STEP || steps[n].kind == L_DROP)
            h = fnv(h, p, strlen(p) + 1);
        n++;
    }
    if (h == 1469598103934665603ull) { free(all.s); return; }   /* no endpoint step */
    if (!seen_insert(h)) { free(all.s); return; }
    trace_no++;
    why[0] = '\0';
    bad = replay_trace(steps, n, (uint32_t)(0xFFFFFF00u + (uint32_t)(trace_no * 977u) % 4096u), why, sizeof why);
    if (bad < 0) {
        skipped_wrap++;
        if (new_divergence_class(why) || verbose) {
            printf("SKIP trace %016" PRIx64 " at line %d: %s\n", h, -bad, why);
            print_trace(stdout, steps, n, -bad);
        }
        free(all.s);
        return;
    }
    if (bad) {
        failed++;
        if (new_divergence_class(why) || verbose) {
            printf("FAIL trace %016" PRIx64 " at line %d: %s\n", h, bad, why);
            print_trace(stdout, steps, n, bad);
        } else {
            printf("FAIL trace %016" PRIx64 " at line %d: %s\n", h, bad, why);
        }
    } else {
        int q;
        passed++;
        for (q = 0; q < n; q++)
            if (steps[q].kind == L_STEP && steps[q].row > 0 && steps[q].row < 256)
                row_taken[steps[q].row] = 1;
        if (verbose) {
            printf("PASS trace %016" PRIx64 "\n", h);
            print_trace(stdout, steps, n, 0);
        }
    }
    if (hashes)
        fprintf(hashes, "%016" PRIx64 " %s\n", h, bad ? "FAIL" : "PASS");
    free(all.s);
}

int main(int argc, char **argv)
{
    static char line[8192];
    struct text pending = {0};
    int pending_taint = 0, last_down = -1, top = 0, a;
    tolerate_syn_sync = getenv("REPLAY_TOLERATE_SYN_SYNC") != NULL &&
                        strcmp(getenv("REPLAY_TOLERATE_SYN_SYNC"), "1") == 0;
    for (a = 1; a < argc; a++) {
        if (strcmp(argv[a], "--max") == 0 && a + 1 < argc) max_traces = strtoul(argv[++a], NULL, 10);
        else if (strcmp(argv[a], "--hashes") == 0 && a + 1 < argc) {
            hashes = fopen(argv[++a], "a");
            if (hashes == NULL) { perror(argv[a]); return 2; }
        } else if (strcmp(argv[a], "--verbose") == 0) verbose = 1;
        else { fprintf(stderr, "usage: replay [--max N] [--hashes FILE] [--verbose] < pan-output\n"); return 2; }
    }
    while (fgets(line, sizeof line, stdin) != NULL && passed + failed < max_traces) {
        char *p = line;
        int d;
        size_t len = strlen(line);
        if (len && line[len - 1] != '\n') { fprintf(stderr, "replay: line too long\n"); return 2; }
        if (strncmp(p, "NARR ", 5) == 0) {
            text_add(&pending, p, len);
            continue;
        }
        if (strstr(p, "assertion violated") != NULL || strstr(p, "invalid end state") != NULL) {
            pending_taint = 1;   /* a model bound was hit: the trace is not a behaviour */
            continue;
        }
        {
            /* "  1: proc 0 exec 5, 10 to 14, cfg_rfc5961_syn = 1 atomic ..." */
            char *c = strstr(p, " exec ");
            char *g = c ? strstr(c, "cfg_") : NULL;
            if (g != NULL) {
                char name[32];
                int v;
                if (sscanf(g, "%31[a-z0-9_] = %d", name, &v) == 2) {
                    char buf[64];
                    int n = snprintf(buf, sizeof buf, "CFG %s %d\n", name, v);
                    text_add(&pending, buf, (size_t)n);
                }
                continue;
            }
        }
        if (sscanf(p, "%d: Down", &d) == 1 && strstr(p, ": Down") != NULL) {
            if (d >= MAX_DEPTH) { fprintf(stderr, "replay: depth %d too large\n", d); return 2; }
            if (d >= 1) {
                free(stack[d].s);
                stack[d] = pending;
                tainted[d] = pending_taint;
            } else {
                free(pending.s);
            }
            memset(&pending, 0, sizeof pending);
            pending_taint = 0;
            top = d;
            last_down = d;
            continue;
        }
        if (sscanf(p, "%d: Up", &d) == 1 && strstr(p, ": Up") != NULL) {
            if (d == last_down && d >= 1)
                leaf(d);
            if (d >= 1 && d < MAX_DEPTH) {
                free(stack[d].s);
                memset(&stack[d], 0, sizeof stack[d]);
                tainted[d] = 0;
            }
            top = d - 1;
            last_down = -1;
            free(pending.s);
            memset(&pending, 0, sizeof pending);
            pending_taint = 0;
            continue;
        }
    }
    (void)top;
    printf("ROWS");
    for (a = 1; a < 256; a++)
        if (row_taken[a])
            printf(" %d", a);
    printf("\n");
    printf("replay: %lu passed, %lu failed, %lu skipped (model bound hit), %lu skipped (model sequence space wrapped)\n",
           passed, failed, skipped, skipped_wrap);
    if (hashes)
        fclose(hashes);
    return failed ? 1 : 0;
}
