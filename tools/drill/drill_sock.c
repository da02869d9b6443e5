/*
 * drill_sock.c - the socket layer of tcpfsm-drill, built on the public API of src/tcpfsm.h only.
 *
 * A listening socket owns one connection block that stays in LISTEN; each segment that finds no
 * live connection is offered to a fresh block passively opened for it (so each SYN creates its
 * own block, which moves to SYN-RECEIVED, and anything else is answered by the LISTEN rows and
 * the block is dropped). With no listener, the segment goes to tcpfsm_reply_no_connection().
 */
#define _POSIX_C_SOURCE 200809L
#include "drill_sock.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>


static const struct {
    const char *name;
    int value;
} errno_names[] = {
    {"EINPROGRESS", EINPROGRESS}, {"EAGAIN", EAGAIN},       {"EWOULDBLOCK", EWOULDBLOCK},
    {"EPIPE", EPIPE},             {"ECONNRESET", ECONNRESET}, {"ECONNREFUSED", ECONNREFUSED},
    {"ETIMEDOUT", ETIMEDOUT},     {"ENOTCONN", ENOTCONN},   {"EBADF", EBADF},
    {"EINVAL", EINVAL},           {"EISCONN", EISCONN},     {"EALREADY", EALREADY},
    {"ECONNABORTED", ECONNABORTED}, {"EADDRINUSE", EADDRINUSE}, {"EOPNOTSUPP", EOPNOTSUPP},
    {"EINTR", EINTR},             {"ENOENT", ENOENT},       {"EPERM", EPERM},
};

int drill_errno_from_name(const char *name)
{
    size_t i;
    for (i = 0; i < sizeof errno_names / sizeof errno_names[0]; i++)
        if (strcmp(errno_names[i].name, name) == 0)
            return errno_names[i].value;
    return -1;
}

const char *drill_errno_name(int err)
{
    size_t i;
    if (err == 0)
        return "0";
    for (i = 0; i < sizeof errno_names / sizeof errno_names[0]; i++)
        if (errno_names[i].value == err)
            return errno_names[i].name;
    return "E?";
}

static void stack_fail(struct drill_stack *s, const char *msg)
{
    if (s->failure[0] == '\0')
        snprintf(s->failure, sizeof s->failure, "%s", msg);
}

void drill_stack_init(struct drill_stack *s, const struct tcpfsm_config *cfg, uint32_t iss,
                      uint32_t peer_isn, FILE *log, unsigned char *rows_taken, size_t rows_taken_len)
{
    memset(s, 0, sizeof *s);
    s->cfg = *cfg;
    s->iss = iss;
    s->peer_isn = peer_isn;
    s->last_local_isn = iss;
    s->log = log;
    s->rows_taken = rows_taken;
    s->rows_taken_len = rows_taken_len;
    s->socket_under_test = -1;
    s->last_block = -1;
    s->bsd = 1;
    s->recvspace = 65536u;
    s->sendspace = 32768u;
    s->sb_max = 2097152u;
    s->link_mss = 1460u;
    s->default_mss = TCPFSM_DEFAULT_MSS;
}

static void log_time(const struct drill_stack *s)
{
    fprintf(s->log, "%11.6f  ", (double)s->now / 1e6);
}

static void log_segment(const struct drill_stack *s, char dir, const struct tcpfsm_segment *seg,
                        uint32_t local_isn, int absolute_seq)
{
    if (dir == '>' && (seg->flags & TCPFSM_RST) && (seg->flags & TCPFSM_ACK) && seg->seq == 0)
        absolute_seq = 1;
    char text[128];
    uint32_t seq, ack;
    if (dir == '<') {
        seq = seg->seq - s->peer_isn;
        ack = seg->ack - local_isn;
    } else {
        seq = absolute_seq ? seg->seq : seg->seq - local_isn;
        ack = seg->ack - s->peer_isn;
    }
    drill_format_packet(text, sizeof text, seg->flags, seq, seg->len, (seg->flags & TCPFSM_ACK) != 0, ack, 1,
                        seg->window);
    log_time(s);
    fprintf(s->log, "%c %s\n", dir, text);
}

static void emit(struct drill_stack *s, int block, const struct tcpfsm_segment *seg, uint32_t local_isn,
                 int absolute_seq)
{
    struct drill_emitted *e;
    if (s->emitted_count == DRILL_MAX_EMITTED) {
        stack_fail(s, "more than 256 segments emitted and not yet matched");
        return;
    }
    e = &s->emitted[(s->emitted_head + s->emitted_count) % DRILL_MAX_EMITTED];
    s->emitted_count++;
    e->time = s->now;
    e->seg = *seg;
    e->local_isn = local_isn;
    /* A reset in reply to a segment without ACK is <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>
       (RFC 9293 3.10.7.1): its sequence number is not in our sequence space, so it is shown and
       compared as the absolute 0, as scripts write it (`> R. 0:0(0) ack 1`). */
    e->absolute_seq = absolute_seq || ((seg->flags & TCPFSM_RST) && (seg->flags & TCPFSM_ACK) && seg->seq == 0);
    e->block = block;
    e->cause_line = s->current_line;
    if (s->log)
        log_segment(s, '>', seg, local_isn, absolute_seq);
}

static void release_block(struct drill_stack *s, int bi)
{
    s->blocks[bi].used = 0;
}

static int latest_listener_socket(const struct drill_stack *s)
{
    int i, found = -1;
    for (i = 0; i < DRILL_MAX_SOCKETS; i++)
        if (s->sockets[i].used && s->sockets[i].listening && s->sockets[i].block >= 0 &&
            s->blocks[s->sockets[i].block].used &&
            tcpfsm_state(&s->blocks[s->sockets[i].block].conn) == TCPFSM_LISTEN)
            found = i;
    return found;
}

/* Take everything the core reported for block `bi` after a call. */
static void take_output(struct drill_stack *s, int bi, int rc, enum tcpfsm_state before,
                        const struct tcpfsm_output *out, const struct tcpfsm_segment *in, const char *what)
{
    struct drill_block *b = &s->blocks[bi];
    enum tcpfsm_state after = tcpfsm_state(&b->conn);
    unsigned i;
    s->last_block = bi;
    if (rc != TCPFSM_OK) {
        /* User calls may legitimately be refused (handled by the caller); nothing else may fail. */
        if (in != NULL || strcmp(what, "timer") == 0) {
            char msg[160];
            snprintf(msg, sizeof msg, "the core returned %d from tcpfsm_%s", rc, what);
            stack_fail(s, msg);
        }
        return;
    }
    if (out->state != (uint8_t)after) {
        char msg[160];
        snprintf(msg, sizeof msg, "tcpfsm_output.state (%u) disagrees with tcpfsm_state() (%s) after tcpfsm_%s",
                 (unsigned)out->state, tcpfsm_state_name(after), what);
        stack_fail(s, msg);
    }
    if (out->count > TCPFSM_MAX_SEGMENTS) {
        stack_fail(s, "the core reported more than TCPFSM_MAX_SEGMENTS segments");
        return;
    }
    /* A new incarnation out of TIME-WAIT chose its own ISS (RFC 9293 3.6.1): learn it from its SYN,
       as packetdrill learns the local ISN from the SYN it sniffs. */
    if (before == TCPFSM_TIME_WAIT && after == TCPFSM_SYN_RECEIVED) {
        for (i = 0; i < out->count && i < TCPFSM_MAX_SEGMENTS; i++)
            if (out->segments[i].flags & TCPFSM_SYN) {
                /* RFC 9293 3.6.1: reopen only if it "assigns its initial sequence number for the new
                   connection to be larger than the largest sequence number it used on the previous
                   connection incarnation". */
                if (!tcpfsm_seq_lt(b->last_snd_nxt - 1u, out->segments[i].seq)) {
                    char msg[200];
                    snprintf(msg, sizeof msg, "the ISS of the incarnation reopened from TIME-WAIT (%lu) is not "
                             "above the last sequence number used (%lu) (RFC 9293 3.6.1)",
                             (unsigned long)out->segments[i].seq, (unsigned long)(b->last_snd_nxt - 1u));
                    stack_fail(s, msg);
                }
                b->local_isn = out->segments[i].seq;
            }
        s->last_local_isn = b->local_isn;
        b->readable = 0;
        b->peer_closed = 0;
        b->so_error = 0;
        b->connected = 0;
        if (b->socket < 0)
            b->listener_socket = latest_listener_socket(s);
    }
    if (s->rows_taken != NULL && out->row != TCPFSM_ROW_NONE && out->row < s->rows_taken_len)
        s->rows_taken[out->row] = 1;
    if (s->log && (before != after || out->row != TCPFSM_ROW_NONE)) {
        log_time(s);
        if (out->row != TCPFSM_ROW_NONE && out->row <= TCPFSM_ROW_ID_MAX)
            fprintf(s->log, "  [conn %d] %s -> %s (row T%02u, %s)\n", bi, tcpfsm_state_name(before),
                    tcpfsm_state_name(after), (unsigned)out->row, what);
        else
            fprintf(s->log, "  [conn %d] %s -> %s (%s)\n", bi, tcpfsm_state_name(before), tcpfsm_state_name(after),
                    what);
    }
    for (i = 0; i < out->count && i < TCPFSM_MAX_SEGMENTS; i++)
        emit(s, bi, &out->segments[i], b->local_isn, 0);
    b->deadline = out->deadline;
    /* Bytes of payload accepted: the text SIG_DATA names, [data_off, data_off + data_len) of the
       segment's text. */
    if ((out->events & TCPFSM_SIG_DATA) && in != NULL) {
        uint32_t n = out->data_len;
        if (out->data_off > in->len || n > in->len - out->data_off) {
            char msg[160];
            snprintf(msg, sizeof msg, "SIG_DATA names text [%lu, %lu) of a segment of %u bytes",
                     (unsigned long)out->data_off, (unsigned long)out->data_off + n, (unsigned)in->len);
            stack_fail(s, msg);
            n = 0;
        }
        b->readable += n;
    }
    b->last_snd_nxt = tcpfsm_snd_nxt(&b->conn);
    if (out->events & TCPFSM_SIG_CONNECTED) {
        b->connected = 1;
        if (b->listener_socket >= 0 && b->socket < 0 && !b->in_accept_queue) {
            b->in_accept_queue = 1;
            b->accept_order = ++s->accept_counter;
        }
    }
    if (out->events & TCPFSM_SIG_PEER_CLOSED)
        b->peer_closed = 1;
    if (out->events & TCPFSM_SIG_RESET)
        b->so_error = ECONNRESET;
    if (out->events & TCPFSM_SIG_REFUSED)
        b->so_error = ECONNREFUSED;
    if (out->events & TCPFSM_SIG_TIMEOUT)
        b->so_error = ETIMEDOUT;
    /* A block born from the listener that fell back to LISTEN or closed before anyone accepted it
       is dropped; the listener itself stays. */
    if (!b->is_listener && b->socket < 0 && !b->in_accept_queue && !b->spawning &&
        (after == TCPFSM_LISTEN || after == TCPFSM_CLOSED)) {
        if (s->log) {
            log_time(s);
            fprintf(s->log, "  [conn %d] released\n", bi);
        }
        release_block(s, bi);
    }
}

static int new_block(struct drill_stack *s)
{
    struct drill_block *b;
    int bi;
    if (s->nblocks == DRILL_MAX_BLOCKS) {
        stack_fail(s, "more than 256 connection blocks in one script");
        return -1;
    }
    bi = (int)s->nblocks++;
    b = &s->blocks[bi];
    memset(b, 0, sizeof *b);
    b->used = 1;
    b->cfg = s->cfg;
    b->listener_socket = -1;
    b->peer_wscale = -1;
    b->socket = -1;
    b->local_isn = s->iss;
    b->deadline = TCPFSM_NO_DEADLINE;
    if (tcpfsm_init(&b->conn, &b->cfg) != TCPFSM_OK) {
        stack_fail(s, "tcpfsm_init refused the configuration");
        b->used = 0;
        return -1;
    }
    b->last_snd_nxt = tcpfsm_snd_nxt(&b->conn);
    return bi;
}

/* The socket options that set the core's per-connection timeouts (TCP_USER_TIMEOUT, TCP_KEEPINIT),
   copied to a block's configuration when they were set; otherwise the stack's knobs stay. */
static void sock_options_to_block(struct drill_stack *s, int sock, int bi)
{
    const struct drill_socket *so = &s->sockets[sock];
    struct drill_block *b = &s->blocks[bi];
    b->cfg.user_timeout = so->has_user_timeout ? so->user_timeout : s->cfg.user_timeout;
    b->cfg.connect_timeout = so->has_keepinit ? so->keepinit : s->cfg.connect_timeout;
}

static uint32_t bsd_rounded(const struct drill_stack *s, const struct drill_block *b, uint32_t hiwat, int send);

/* The peer's MSS from its SYN, before the core sees the SYN: the core takes it from seg.mss
   (drill_stack_inject) and sets its send MSS to min(cfg.mss, the option or 536, RFC 9293 3.7.1);
   the host keeps it for FreeBSD's buffer rounding (bsd_rounded). Under the freebsd profile the
   core's receive buffer (cfg.window, RCV.WND when nothing is unread)
   then follows FreeBSD's: in SYN-SENT, tcp_mss() rounds the socket's buffer up to a multiple of
   the MSS (65536 becomes 65700 with an MSS of 1460, 66240 with 1440); a SYN arriving at a listener
   goes to the syncache, whose window is the buffer capped at the unscaled maximum (syncache_add:
   imin(sbspace, TCP_MAXWIN)). The core takes cfg.window as RCV.WND when it processes the SYN. The
   value only grows, so the core's RCV.WND never exceeds it. */
static void take_peer_mss(struct drill_stack *s, struct drill_block *b, enum tcpfsm_state st,
                          const struct drill_packet *p)
{
    if (!(p->flags & TCPFSM_SYN))
        return;
    b->peer_mss = p->has_mss ? p->mss : s->default_mss;
    b->peer_wscale = p->has_wscale ? (int)p->wscale : -1;
    if (s->rcvbuf_window) {
        int so = b->socket >= 0 ? b->socket : b->listener_socket;
        uint32_t w = b->cfg.window;
        if (so >= 0 && so < DRILL_MAX_SOCKETS) {
            w = s->sockets[so].rcvbuf;
            if (st == TCPFSM_SYN_SENT)
                w = bsd_rounded(s, b, w, 0);
            else if (w > 65535u)
                w = 65535u;
        }
        if (w > TCPFSM_WINDOW_MAX)
            w = TCPFSM_WINDOW_MAX;
        if (w > b->cfg.window)
            b->cfg.window = w;
    }
}

void drill_stack_inject(struct drill_stack *s, const struct drill_packet *p)
{
    struct tcpfsm_segment seg;
    struct tcpfsm_output out;
    int target = -1, i, rc;
    memset(&seg, 0, sizeof seg);
    seg.flags = (uint16_t)(p->flags & (TCPFSM_FIN | TCPFSM_SYN | TCPFSM_RST | TCPFSM_PSH | TCPFSM_ACK | TCPFSM_URG));
    seg.seq = s->peer_isn + p->seq;
    seg.window = (uint16_t)(p->has_win ? p->win : 65535u);
    seg.len = (uint16_t)p->len;
    /* The options the core negotiates: the MSS option; without one the core assumes 536, which
       is IPv4's default: an IPv6 host passes IPv6's, 1220 (RFC 9293 3.7.1; Linux and FreeBSD do
       the same). Window scaling is the drill's below (the core offers none, tcpfsm.h), so no
       shift is passed. */
    seg.mss = (uint16_t)(p->has_mss ? p->mss : (s->default_mss == TCPFSM_DEFAULT_MSS ? 0u : s->default_mss));
    seg.wscale = (uint16_t)TCPFSM_WSCALE_NONE;
    /* One remote endpoint, one 4-tuple: the live connection is the latest block not CLOSED. */
    for (i = 0; i < (int)s->nblocks; i++) {
        const struct drill_block *b = &s->blocks[i];
        if (b->used && tcpfsm_state(&b->conn) != TCPFSM_CLOSED && tcpfsm_state(&b->conn) != TCPFSM_LISTEN)
            target = i;
    }
    if (target < 0) {
        int ls = latest_listener_socket(s);
        if (ls >= 0) {
            enum tcpfsm_state before;
            target = new_block(s);
            if (target < 0)
                return;
            s->blocks[target].listener_socket = ls;
            s->blocks[target].spawning = 1;
            /* Linux: a connection inherits the listener's TCP_USER_TIMEOUT (inet_csk_clone_lock()) */
            sock_options_to_block(s, ls, target);
            memset(&out, 0, sizeof out);
            before = tcpfsm_state(&s->blocks[target].conn);
            rc = tcpfsm_open_passive(&s->blocks[target].conn, s->now, s->iss, &out);
            take_output(s, target, rc, before, &out, NULL, "open_passive");
            if (rc != TCPFSM_OK) {
                stack_fail(s, "tcpfsm_open_passive failed on a fresh block");
                return;
            }
            s->last_local_isn = s->iss;
        }
    }
    /* As packetdrill: with the ACK flag the field is `ack N` relative to our ISS (N is 0 when the
       script omits it); `ack N` without the ACK flag is written into the field the same way, and
       like any TCP the core does not read it then. */
    if ((p->flags & TCPFSM_ACK) || p->has_ack)
        seg.ack = (target >= 0 ? s->blocks[target].local_isn : s->last_local_isn) + p->ack;
    if (s->log) {
        log_segment(s, '<', &seg, target >= 0 ? s->blocks[target].local_isn : s->last_local_isn, 0);
    }
    if (target < 0) {
        memset(&out, 0, sizeof out);
        rc = tcpfsm_reply_no_connection(&seg, &out);
        if (rc != TCPFSM_OK) {
            stack_fail(s, "tcpfsm_reply_no_connection failed");
            return;
        }
        if (s->rows_taken != NULL && out.row != TCPFSM_ROW_NONE && out.row < s->rows_taken_len)
            s->rows_taken[out.row] = 1;
        if (s->log && out.row != TCPFSM_ROW_NONE) {
            log_time(s);
            fprintf(s->log, "  [no connection] CLOSED -> CLOSED (row T%02u, reply_no_connection)\n", (unsigned)out.row);
        }
        for (i = 0; i < out.count && i < TCPFSM_MAX_SEGMENTS; i++) {
            const struct tcpfsm_segment *r = &out.segments[i];
            /* <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK> has no sequence space of ours: absolute. */
            emit(s, -1, r, s->last_local_isn, (r->flags & TCPFSM_ACK) != 0);
        }
        return;
    }
    {
        struct drill_block *b = &s->blocks[target];
        enum tcpfsm_state before = tcpfsm_state(&b->conn);
        if (before == TCPFSM_LISTEN || before == TCPFSM_SYN_SENT || before == TCPFSM_TIME_WAIT)
            take_peer_mss(s, b, before, p);
        /* RFC 7323 2.2-2.3: once the peer's SYN offered a shift (and the kernel the script was
           written against offers one in its own SYN, as Linux and FreeBSD do; the core offers
           none, so this scaling is the drill's, outside the core, and options sent are not
           compared), the window field of every non-SYN segment is scaled by
           it; the core's send window (SND.WND) is 16-bit, so the scaled window is capped at 65535. */
        if (!(p->flags & TCPFSM_SYN) && b->peer_wscale > 0) {
            uint64_t w = (uint64_t)seg.window << b->peer_wscale;
            seg.window = (uint16_t)(w > 65535u ? 65535u : w);
        }
        memset(&out, 0, sizeof out);
        rc = tcpfsm_segment(&b->conn, s->now, &seg, &out);
        b->spawning = 0;
        take_output(s, target, rc, before, &out, &seg, "segment");
    }
}

tcpfsm_time_t drill_stack_next_deadline(const struct drill_stack *s, int *block)
{
    tcpfsm_time_t best = TCPFSM_NO_DEADLINE;
    int i;
    *block = -1;
    for (i = 0; i < (int)s->nblocks; i++)
        if (s->blocks[i].used && s->blocks[i].deadline != TCPFSM_NO_DEADLINE && s->blocks[i].deadline < best) {
            best = s->blocks[i].deadline;
            *block = i;
        }
    return best;
}

void drill_stack_fire(struct drill_stack *s, int bi)
{
    struct drill_block *b = &s->blocks[bi];
    struct tcpfsm_output out;
    enum tcpfsm_state before = tcpfsm_state(&b->conn);
    tcpfsm_time_t was = b->deadline;
    int rc;
    memset(&out, 0, sizeof out);
    rc = tcpfsm_timer(&b->conn, s->now, &out);
    take_output(s, bi, rc, before, &out, NULL, "timer");
    if (b->used && b->deadline != TCPFSM_NO_DEADLINE && b->deadline <= was && b->deadline <= s->now) {
        char msg[200];
        snprintf(msg, sizeof msg, "tcpfsm_timer at its deadline %.6f s left the deadline at %.6f s (state %s)",
                 (double)was / 1e6, (double)b->deadline / 1e6, tcpfsm_state_name(tcpfsm_state(&b->conn)));
        stack_fail(s, msg);
        b->deadline = TCPFSM_NO_DEADLINE;
    }
}

/* ---------------------------------------------------------------- system calls */

static int find_socket(const struct drill_stack *s, long fd)
{
    int i;
    for (i = 0; i < DRILL_MAX_SOCKETS; i++)
        if (s->sockets[i].used && s->sockets[i].script_fd == fd)
            return i;
    return -1;
}

static int new_socket(struct drill_stack *s, long fd)
{
    int i = find_socket(s, fd);
    if (i < 0)
        for (i = 0; i < DRILL_MAX_SOCKETS; i++)
            if (!s->sockets[i].used)
                break;
    if (i < 0 || i >= DRILL_MAX_SOCKETS) {
        stack_fail(s, "more than 64 sockets");
        return -1;
    }
    memset(&s->sockets[i], 0, sizeof s->sockets[i]);
    s->sockets[i].used = 1;
    s->sockets[i].script_fd = fd;
    s->sockets[i].block = -1;
    return i;
}

static int parse_long(const char *text, long *v)
{
    char *end;
    if (text == NULL || text[0] == '\0')
        return -1;
    *v = strtol(text, &end, 0);
    return *end == '\0' ? 0 : -1;
}

static long next_free_fd(const struct drill_stack *s)
{
    long fd = 3;
    while (find_socket(s, fd) >= 0)
        fd++;
    return fd;
}

static void done(struct drill_call_outcome *o, int64_t ret, int err)
{
    o->ret = ret;
    o->err = err;
}

static int user_call_block(struct drill_stack *s, int sock)
{
    int bi = s->sockets[sock].block;
    if (bi < 0) {
        bi = new_block(s);
        if (bi < 0)
            return -1;
        s->sockets[sock].block = bi;
        s->blocks[bi].socket = sock;
        sock_options_to_block(s, sock, bi);
    }
    return bi;
}

enum user_op { OP_OPEN_ACTIVE, OP_OPEN_PASSIVE, OP_CLOSE, OP_ABORT };

static int run_user(struct drill_stack *s, int bi, enum user_op op)
{
    static const char *const names[] = {"open_active", "open_passive", "close", "abort"};
    struct tcpfsm_conn *c = &s->blocks[bi].conn;
    struct tcpfsm_output out;
    enum tcpfsm_state before = tcpfsm_state(c);
    int rc;
    memset(&out, 0, sizeof out);
    switch (op) {
    case OP_OPEN_ACTIVE: rc = tcpfsm_open_active(c, s->now, s->iss, &out); break;
    case OP_OPEN_PASSIVE: rc = tcpfsm_open_passive(c, s->now, s->iss, &out); break;
    case OP_CLOSE: rc = tcpfsm_close(c, s->now, &out); break;
    default: rc = tcpfsm_abort(c, s->now, &out); break;
    }
    take_output(s, bi, rc, before, &out, NULL, names[op]);
    return rc;
}

static int state_can_send(enum tcpfsm_state st)
{
    return st == TCPFSM_ESTABLISHED || st == TCPFSM_CLOSE_WAIT;
}

/* Release a closed block once no socket refers to it. */
static void maybe_release(struct drill_stack *s, int bi)
{
    struct drill_block *b = &s->blocks[bi];
    if (b->used && b->socket < 0 && !b->in_accept_queue && tcpfsm_state(&b->conn) == TCPFSM_CLOSED)
        release_block(s, bi);
}

static void close_socket(struct drill_stack *s, int sock)
{
    struct drill_socket *so = &s->sockets[sock];
    int bi = so->block, i;
    if (so->listening) {
        /* Connections never accepted die with the listener (RFC 9293 3.10.5 ABORT). */
        for (i = 0; i < (int)s->nblocks; i++) {
            struct drill_block *c = &s->blocks[i];
            if (c->used && c->listener_socket == sock && c->socket < 0 && !c->is_listener) {
                c->in_accept_queue = 0;
                c->listener_socket = -1;
                if (tcpfsm_state(&c->conn) != TCPFSM_CLOSED)
                    run_user(s, i, OP_ABORT);
                maybe_release(s, i);
            }
        }
    }
    if (bi >= 0 && s->blocks[bi].used) {
        enum tcpfsm_state st = tcpfsm_state(&s->blocks[bi].conn);
        /* Linux's tcp_close(): "Unread data was tossed, zap the connection": close() with received
           bytes not yet read sends a RST and goes to CLOSED (RFC 2525 2.17, RFC 1122 4.2.2.13), checked
           before SO_LINGER. FreeBSD's soclose() has no such rule. */
        int tossed = !s->bsd && s->blocks[bi].readable > 0;
        if ((so->abort_on_close || tossed) && st != TCPFSM_CLOSED)
            run_user(s, bi, OP_ABORT);
        else if (!so->shut_wr && st != TCPFSM_CLOSED)
            run_user(s, bi, OP_CLOSE);
        s->blocks[bi].socket = -1;
        s->blocks[bi].is_listener = 0;
        maybe_release(s, bi);
    }
    so->used = 0;
}

/* ---------------------------------------------------------------- the calls, one function each */

static enum drill_call_status not_modelled(struct drill_call_outcome *o, const char *fmt, const char *arg)
{
    snprintf(o->unmodelled, sizeof o->unmodelled, fmt, arg);
    return DRILL_CALL_NOT_MODELLED;
}

static void mismatch(struct drill_call_outcome *o, const char *fmt, long long want, long long got)
{
    if (o->mismatch[0] == '\0')
        snprintf(o->mismatch, sizeof o->mismatch, fmt, want, got);
}

static const char *arg(const struct drill_syscall *call, int i)
{
    return i < call->argc ? call->args[i] : "";
}

/* "[N]" or "N" as a number; -1 if it is neither. */
static int bracketed_long(const char *text, long *v)
{
    char buf[48];
    size_t n = strlen(text);
    if (n >= 2 && text[0] == '[' && text[n - 1] == ']') {
        if (n - 2 >= sizeof buf)
            return -1;
        memcpy(buf, text + 1, n - 2);
        buf[n - 2] = '\0';
    } else {
        if (n >= sizeof buf)
            return -1;
        memcpy(buf, text, n + 1);
    }
    return parse_long(buf, v);
}

/* Flags of send/recv: 0, MSG_DONTWAIT, MSG_NOSIGNAL, MSG_PEEK (recv); anything else is not modelled. */
static int msg_flags(const char *text, int receiving, int *dontwait, int *peek, const char **bad)
{
    char buf[128];
    char *tok, *save;
    *dontwait = 0;
    *peek = 0;
    *bad = NULL;
    if (strlen(text) >= sizeof buf) {
        *bad = text;
        return -1;
    }
    strcpy(buf, text);
    for (tok = strtok_r(buf, "| \t", &save); tok != NULL; tok = strtok_r(NULL, "| \t", &save)) {
        if (strcmp(tok, "0") == 0 || strcmp(tok, "MSG_NOSIGNAL") == 0)
            continue;
        if (strcmp(tok, "MSG_DONTWAIT") == 0)
            *dontwait = 1;
        else if (receiving && strcmp(tok, "MSG_PEEK") == 0)
            *peek = 1;
        else {
            *bad = strstr(text, tok);
            return -1;
        }
    }
    return 0;
}

/* The length of the single iovec of a msghdr written as packetdrill does:
   {msg_name(...)=..., msg_iov(1)=[{..., 1000}], msg_flags=0}. */
static int msghdr_length(const char *msg, long *len, const char **why)
{
    const char *iov = strstr(msg, "msg_iov(");
    const char *brace, *comma;
    long count;
    char *end;
    *why = NULL;
    if (iov == NULL) {
        *why = "a msghdr without msg_iov";
        return -1;
    }
    count = strtol(iov + 8, &end, 10);
    if (end == iov + 8 || *end != ')') {
        *why = "a msghdr whose msg_iov(N) has no count";
        return -1;
    }
    if (count != 1) {
        *why = "sendmsg/recvmsg with other than one iovec";
        return -1;
    }
    if (strstr(msg, "msg_control") != NULL && strstr(msg, "msg_control(0)") == NULL) {
        *why = "sendmsg/recvmsg with ancillary data (msg_control)";
        return -1;
    }
    brace = strchr(iov, '{');
    comma = brace != NULL ? strchr(brace, ',') : NULL;
    if (comma == NULL) {
        *why = "a msghdr whose iovec is not {..., LENGTH}";
        return -1;
    }
    *len = strtol(comma + 1, &end, 0);
    while (*end == ' ')
        end++;
    if (*end != '}' || *len < 0) {
        *why = "a msghdr whose iovec is not {..., LENGTH}";
        return -1;
    }
    return 0;
}

/* O_NONBLOCK as the host OS defines it (Linux 04000, FreeBSD 0x0004); O_RDWR is 2 on both. */
static long o_nonblock(const struct drill_stack *s) { return s->bsd ? 0x4L : 0x800L; }
#define DRILL_O_RDWR 2L

static int open_flags(const struct drill_stack *s, const char *text, long *flags)
{
    char buf[128];
    char *tok, *save;
    *flags = 0;
    if (strlen(text) >= sizeof buf)
        return -1;
    strcpy(buf, text);
    for (tok = strtok_r(buf, "| \t", &save); tok != NULL; tok = strtok_r(NULL, "| \t", &save)) {
        long v;
        if (strcmp(tok, "O_RDWR") == 0) *flags |= DRILL_O_RDWR;
        else if (strcmp(tok, "O_RDONLY") == 0) *flags |= 0;
        else if (strcmp(tok, "O_WRONLY") == 0) *flags |= 1;
        else if (strcmp(tok, "O_NONBLOCK") == 0 || strcmp(tok, "O_NDELAY") == 0) *flags |= o_nonblock(s);
        else if (parse_long(tok, &v) == 0) *flags |= v;
        else return -1;
    }
    return 0;
}

/* Round up as FreeBSD's tcp_mss() does once the peer's MSS is known: the buffer becomes a whole
   number of segments (sys/netinet/tcp_input.c: roundup(bufsize, mss), at most sb_max). */
static uint32_t bsd_rounded(const struct drill_stack *s, const struct drill_block *b, uint32_t hiwat, int send)
{
    uint32_t mss, r;
    if (b == NULL || b->peer_mss == 0)
        return hiwat;
    mss = b->peer_mss < s->link_mss ? b->peer_mss : s->link_mss;
    if (hiwat <= mss)
        return hiwat;
    r = (uint32_t)(((uint64_t)hiwat + mss - 1) / mss * mss);
    if (r > s->sb_max)
        r = s->sb_max;
    (void)send;
    return r > hiwat ? r : hiwat;
}

static uint32_t sock_buffer(const struct drill_stack *s, int sock, int send)
{
    const struct drill_socket *so = &s->sockets[sock];
    const struct drill_block *b = so->block >= 0 && so->block < (int)s->nblocks ? &s->blocks[so->block] : NULL;
    uint32_t v = send ? so->sndbuf : so->rcvbuf;
    return s->bsd ? bsd_rounded(s, b, v, send) : v;
}

/* Linux's number of a TCP state (include/net/tcp_states.h), as tcpi_state reports it; 0 if none. */
int drill_linux_state(enum tcpfsm_state st)
{
    switch (st) {
    case TCPFSM_ESTABLISHED: return 1;
    case TCPFSM_SYN_SENT: return 2;
    case TCPFSM_SYN_RECEIVED: return 3;
    case TCPFSM_FIN_WAIT_1: return 4;
    case TCPFSM_FIN_WAIT_2: return 5;
    case TCPFSM_TIME_WAIT: return 6;
    case TCPFSM_CLOSED: return 7;
    case TCPFSM_CLOSE_WAIT: return 8;
    case TCPFSM_LAST_ACK: return 9;
    case TCPFSM_LISTEN: return 10;
    case TCPFSM_CLOSING: return 11;
    default: return 0;
    }
}

/* A state named as Linux (TCP_ESTABLISHED, include/net/tcp_states.h) or FreeBSD (TCPS_ESTABLISHED,
   sys/netinet/tcp_fsm.h; also accepted spelled TCPI_ESTABLISHED) names it, or a number in Linux's
   numbering. Returns 0 and the state, -1 if the text is none of these. */
int drill_state_from_name(const char *t, enum tcpfsm_state *st)
{
    static const struct {
        const char *suffix;
        enum tcpfsm_state st;
    } bsd[] = {
        {"CLOSED", TCPFSM_CLOSED},           {"LISTEN", TCPFSM_LISTEN},         {"SYN_SENT", TCPFSM_SYN_SENT},
        {"SYN_RECEIVED", TCPFSM_SYN_RECEIVED}, {"ESTABLISHED", TCPFSM_ESTABLISHED}, {"CLOSE_WAIT", TCPFSM_CLOSE_WAIT},
        {"FIN_WAIT_1", TCPFSM_FIN_WAIT_1},   {"CLOSING", TCPFSM_CLOSING},       {"LAST_ACK", TCPFSM_LAST_ACK},
        {"FIN_WAIT_2", TCPFSM_FIN_WAIT_2},   {"TIME_WAIT", TCPFSM_TIME_WAIT},
    };
    static const struct {
        const char *name;
        enum tcpfsm_state st;
    } lnx[] = {
        {"TCP_ESTABLISHED", TCPFSM_ESTABLISHED}, {"TCP_SYN_SENT", TCPFSM_SYN_SENT},
        {"TCP_SYN_RECV", TCPFSM_SYN_RECEIVED},   {"TCP_FIN_WAIT1", TCPFSM_FIN_WAIT_1},
        {"TCP_FIN_WAIT2", TCPFSM_FIN_WAIT_2},    {"TCP_TIME_WAIT", TCPFSM_TIME_WAIT},
        {"TCP_CLOSE", TCPFSM_CLOSED},            {"TCP_CLOSE_WAIT", TCPFSM_CLOSE_WAIT},
        {"TCP_LAST_ACK", TCPFSM_LAST_ACK},       {"TCP_LISTEN", TCPFSM_LISTEN},
        {"TCP_CLOSING", TCPFSM_CLOSING},
    };
    size_t i;
    long v;
    if (parse_long(t, &v) == 0) {
        for (i = 0; i < sizeof lnx / sizeof lnx[0]; i++)
            if (drill_linux_state(lnx[i].st) == v) {
                *st = lnx[i].st;
                return 0;
            }
        return -1;
    }
    for (i = 0; i < sizeof lnx / sizeof lnx[0]; i++)
        if (strcmp(lnx[i].name, t) == 0) {
            *st = lnx[i].st;
            return 0;
        }
    if (strncmp(t, "TCPS_", 5) == 0 || strncmp(t, "TCPI_", 5) == 0)
        for (i = 0; i < sizeof bsd / sizeof bsd[0]; i++)
            if (strcmp(bsd[i].suffix, t + 5) == 0) {
                *st = bsd[i].st;
                return 0;
            }
    return -1;
}

/* poll() revents of one socket (bits as in <poll.h>). */
#define D_POLLIN 0x001
#define D_POLLPRI 0x002
#define D_POLLOUT 0x004
#define D_POLLERR 0x008
#define D_POLLHUP 0x010
#define D_POLLNVAL 0x020
#define D_POLLRDNORM 0x040
#define D_POLLRDBAND 0x080
#define D_POLLWRNORM 0x100
#define D_POLLWRBAND 0x200
#define D_POLLRDHUP 0x2000

static const struct {
    const char *name;
    int bit;
} poll_names[] = {
    {"POLLIN", D_POLLIN},         {"POLLPRI", D_POLLPRI},       {"POLLOUT", D_POLLOUT},
    {"POLLERR", D_POLLERR},       {"POLLHUP", D_POLLHUP},       {"POLLNVAL", D_POLLNVAL},
    {"POLLRDNORM", D_POLLRDNORM}, {"POLLRDBAND", D_POLLRDBAND}, {"POLLWRNORM", D_POLLWRNORM},
    {"POLLWRBAND", D_POLLWRBAND}, {"POLLRDHUP", D_POLLRDHUP},
};

static int poll_bits(const char *text, size_t n, int *bits)
{
    char buf[160];
    char *tok, *save;
    *bits = 0;
    if (n >= sizeof buf)
        return -1;
    memcpy(buf, text, n);
    buf[n] = '\0';
    for (tok = strtok_r(buf, "| \t", &save); tok != NULL; tok = strtok_r(NULL, "| \t", &save)) {
        size_t i;
        long v;
        for (i = 0; i < sizeof poll_names / sizeof poll_names[0]; i++)
            if (strcmp(poll_names[i].name, tok) == 0)
                break;
        if (i < sizeof poll_names / sizeof poll_names[0])
            *bits |= poll_names[i].bit;
        else if (parse_long(tok, &v) == 0)
            *bits |= (int)v;
        else
            return -1;
    }
    return 0;
}

static void describe_poll_bits(char *dst, size_t n, int bits)
{
    size_t i, used = 0;
    dst[0] = '\0';
    for (i = 0; i < sizeof poll_names / sizeof poll_names[0]; i++)
        if (bits & poll_names[i].bit) {
            snprintf(dst + used, n - used, "%s%s", used ? "|" : "", poll_names[i].name);
            used = strlen(dst);
        }
    if (used == 0)
        snprintf(dst, n, "0");
}

/* What the socket's state gives poll(), as Linux's tcp_poll() or FreeBSD's sopoll_generic() does. */
static int socket_revents(const struct drill_stack *s, int sock)
{
    const struct drill_socket *so = &s->sockets[sock];
    const struct drill_block *b = so->block >= 0 ? &s->blocks[so->block] : NULL;
    enum tcpfsm_state st = b != NULL && b->used ? tcpfsm_state(&b->conn) : TCPFSM_CLOSED;
    int rcv_shut, snd_shut, mask = 0, err = b != NULL && b->so_error != 0;
    int readable = b != NULL && b->readable > 0;
    if (so->listening) {
        int i;
        for (i = 0; i < (int)s->nblocks; i++)
            if (s->blocks[i].used && s->blocks[i].in_accept_queue && s->blocks[i].listener_socket == sock)
                return D_POLLIN | D_POLLRDNORM;
        return 0;
    }
    /* the connection ended (reset, timed out, or closed after having been connected) */
    {
        int ended = b != NULL && (b->connected || so->connecting) && st == TCPFSM_CLOSED;
        rcv_shut = so->shut_rd || (b != NULL && b->peer_closed) || ended;
        snd_shut = so->shut_wr || ended;
    }
    if (!s->bsd) {
        if ((rcv_shut && snd_shut) || st == TCPFSM_CLOSED)
            mask |= D_POLLHUP;
        if (rcv_shut)
            mask |= D_POLLIN | D_POLLRDNORM | D_POLLRDHUP;
        if (st != TCPFSM_SYN_SENT && st != TCPFSM_SYN_RECEIVED) {
            if (readable)
                mask |= D_POLLIN | D_POLLRDNORM;
            mask |= D_POLLOUT | D_POLLWRNORM;
        }
        if (err)
            mask |= D_POLLERR;
        return mask;
    }
    if (readable || err || rcv_shut)
        mask |= D_POLLIN | D_POLLRDNORM;
    if (rcv_shut)
        mask |= D_POLLRDHUP; /* FreeBSD 13 and later */
    if ((b != NULL && b->connected && st != TCPFSM_CLOSED) || snd_shut || err)
        mask |= D_POLLOUT | D_POLLWRNORM;
    if (rcv_shut && snd_shut)
        mask |= D_POLLHUP;
    return mask;
}

/* poll([{fd=4, events=POLLIN, revents=POLLIN}, ...], N, TIMEOUT_MS) */
static enum drill_call_status call_poll(struct drill_stack *s, const struct drill_syscall *call, int retry,
                                        struct drill_call_outcome *o)
{
    const char *list = arg(call, 0);
    long timeout;
    int ready = 0, entries = 0;
    const char *p = list;
    char want_mismatch[256];
    want_mismatch[0] = '\0';
    if (call->argc != 3 || parse_long(arg(call, 2), &timeout) < 0)
        return not_modelled(o, "poll() written other than poll([{fd=N, events=E, revents=R}, ...], N, MS)%s", "");
    if (!retry)
        s->poll_start = s->now;
    while ((p = strchr(p, '{')) != NULL) {
        const char *close = strchr(p, '}'), *f, *ev, *rev;
        long fd;
        int events = 0, want = 0, got, sock;
        char *end;
        if (close == NULL)
            return not_modelled(o, "a poll() entry other than {fd=N, events=E, revents=R}%s", "");
        f = strstr(p, "fd=");
        ev = strstr(p, "events=");
        rev = strstr(p, "revents=");
        if (f == NULL || f > close || ev == NULL || ev > close || rev == NULL || rev > close)
            return not_modelled(o, "a poll() entry other than {fd=N, events=E, revents=R}%s", "");
        if (ev == rev + 1) /* "events=" found inside "revents=" first */
            ev = strstr(rev + 8, "events=") != NULL && strstr(rev + 8, "events=") < close ? strstr(rev + 8, "events=") : ev;
        fd = strtol(f + 3, &end, 10);
        {
            const char *e1 = strchr(ev + 7, ','), *e2 = strchr(rev + 8, ',');
            if (e1 == NULL || e1 > close) e1 = close;
            if (e2 == NULL || e2 > close) e2 = close;
            if (poll_bits(ev + 7, (size_t)(e1 - (ev + 7)), &events) < 0 ||
                poll_bits(rev + 8, (size_t)(e2 - (rev + 8)), &want) < 0)
                return not_modelled(o, "poll() event names other than POLLIN POLLOUT POLLHUP POLLERR ...%s", "");
        }
        sock = find_socket(s, fd);
        got = sock < 0 ? D_POLLNVAL : socket_revents(s, sock) & (events | D_POLLERR | D_POLLHUP | D_POLLNVAL);
        if (got != 0)
            ready++;
        if (got != want && want_mismatch[0] == '\0') {
            char a[72], b[72];
            describe_poll_bits(a, sizeof a, want);
            describe_poll_bits(b, sizeof b, got);
            snprintf(want_mismatch, sizeof want_mismatch, "expected poll() to report revents=%s for fd %ld, got %s", a,
                     fd, b);
        }
        entries++;
        p = close + 1;
    }
    if (entries == 0)
        return not_modelled(o, "poll() without an {fd=N, events=E, revents=R} entry%s", "");
    if (ready == 0 && timeout != 0) {
        if (timeout < 0 || s->now < s->poll_start + (tcpfsm_time_t)timeout * 1000u)
            return DRILL_CALL_WOULD_BLOCK;
    }
    if (want_mismatch[0] != '\0')
        snprintf(o->mismatch, sizeof o->mismatch, "%s", want_mismatch);
    done(o, ready, 0);
    return DRILL_CALL_DONE;
}

static enum drill_call_status call_setsockopt(struct drill_stack *s, int sock, const struct drill_syscall *call,
                                              struct drill_call_outcome *o)
{
    const char *opt = arg(call, 2);
    struct drill_socket *so = &s->sockets[sock];
    long v = 0;
    if (strcmp(opt, "SO_LINGER") == 0) {
        /* SO_LINGER with a zero timeout makes close() an ABORT (RFC 9293 3.10.5), as on Linux and BSD. */
        const char *val = arg(call, 3);
        const char *on = strstr(val, "onoff");
        const char *lg = strstr(val, "linger");
        long onoff = 0, linger = 1;
        if (on != NULL && (on = strchr(on, '=')) != NULL)
            onoff = strtol(on + 1, NULL, 10);
        if (lg != NULL && (lg = strchr(lg, '=')) != NULL)
            linger = strtol(lg + 1, NULL, 10);
        if (onoff != 0 && linger != 0)
            return not_modelled(o, "SO_LINGER with a timeout (close() waiting for the FIN's ACK)%s", "");
        so->abort_on_close = onoff != 0;
        done(o, 0, 0);
        return DRILL_CALL_DONE;
    }
    if (strcmp(opt, "SO_REUSEADDR") == 0 || strcmp(opt, "SO_REUSEPORT") == 0) {
        done(o, 0, 0); /* one 4-tuple per script: address reuse changes nothing modelled */
        return DRILL_CALL_DONE;
    }
    if (bracketed_long(arg(call, 3), &v) < 0)
        return not_modelled(o, "setsockopt(%s) with a value other than [N]", opt);
    if (strcmp(opt, "TCP_NODELAY") == 0) {
        /* the core sends at once, as with TCP_NODELAY=1; Nagle's delay is not modelled */
        so->nodelay = v != 0;
        done(o, 0, 0);
        return DRILL_CALL_DONE;
    }
    if (strcmp(opt, "SO_RCVBUF") == 0 || strcmp(opt, "SO_SNDBUF") == 0) {
        int rcv = strcmp(opt, "SO_RCVBUF") == 0;
        uint32_t val = v < 0 ? 0u : v > 0x7fffffffL ? 0x7fffffffu : (uint32_t)v;
        /* Linux doubles the value (socket(7)); FreeBSD keeps it. */
        if (!s->bsd)
            val = val > 0x3fffffffu ? 0x7fffffffu : val * 2u;
        if (rcv && val < s->cfg.window)
            return not_modelled(o, "%s below the advertised window (the core's window does not follow it)", opt);
        if (rcv)
            so->rcvbuf = val;
        else
            so->sndbuf = val;
        done(o, 0, 0);
        return DRILL_CALL_DONE;
    }
    if (strcmp(opt, "TCP_USER_TIMEOUT") == 0) {
        /* RFC 5482 / Linux tcp(7): milliseconds that transmitted data may stay unacknowledged
           before the connection is closed (ETIMEDOUT); 0 restores the retry count. The core takes
           microseconds below 2^32. */
        if (v < 0)
            return not_modelled(o, "setsockopt(%s) with a negative value (Linux: EINVAL)", opt);
        if (v > 4294967L)
            return not_modelled(o, "setsockopt(%s) above 4294967 ms (the core's user timeout is below 2^32 us)", opt);
        so->has_user_timeout = 1;
        so->user_timeout = (uint32_t)v * 1000u;
        if (so->block >= 0 && s->blocks[so->block].used)
            sock_options_to_block(s, sock, so->block);
        done(o, 0, 0);
        return DRILL_CALL_DONE;
    }
    if (strcmp(opt, "TCP_KEEPINIT") == 0) {
        /* FreeBSD tcp(4): "the amount of time, in seconds, a connection attempt may take" (the
           core's connect_timeout); 0 restores net.inet.tcp.keepinit. */
        if (v < 0 || v > 4294L)
            return not_modelled(o, "setsockopt(%s) outside 0 .. 4294 s (the core's timeout is below 2^32 us)", opt);
        so->has_keepinit = v != 0;
        so->keepinit = (uint32_t)v * 1000000u;
        if (so->block >= 0 && s->blocks[so->block].used)
            sock_options_to_block(s, sock, so->block);
        done(o, 0, 0);
        return DRILL_CALL_DONE;
    }
    if (strcmp(opt, "SO_KEEPALIVE") == 0 && v == 0) {
        done(o, 0, 0); /* off, as by default */
        return DRILL_CALL_DONE;
    }
    return not_modelled(o, "setsockopt(%s)", opt);
}

static enum drill_call_status call_getsockopt(struct drill_stack *s, int sock, const struct drill_syscall *call,
                                              struct drill_call_outcome *o)
{
    const char *opt = arg(call, 2);
    int bi = s->sockets[sock].block;
    long want;
    if (strcmp(opt, "SO_ERROR") == 0) {
        int err = bi >= 0 ? s->blocks[bi].so_error : 0;
        if (bi >= 0)
            s->blocks[bi].so_error = 0;
        o->has_optval = 1;
        o->optval = err;
        done(o, 0, 0);
        return DRILL_CALL_DONE;
    }
    if (strcmp(opt, "SO_RCVBUF") == 0 || strcmp(opt, "SO_SNDBUF") == 0 || strcmp(opt, "TCP_NODELAY") == 0) {
        long got = strcmp(opt, "TCP_NODELAY") == 0 ? (long)s->sockets[sock].nodelay
                                                   : (long)sock_buffer(s, sock, strcmp(opt, "SO_SNDBUF") == 0);
        if (strcmp(arg(call, 3), "...") != 0) {
            if (bracketed_long(arg(call, 3), &want) < 0)
                return not_modelled(o, "getsockopt(%s) with a value other than [N]", opt);
            if (want != got) {
                char fmt[96];
                snprintf(fmt, sizeof fmt, "expected getsockopt(%s) to report [%%lld], got [%%lld]", opt);
                mismatch(o, fmt, want, got);
            }
        }
        done(o, 0, 0);
        return DRILL_CALL_DONE;
    }
    if (strcmp(opt, "TCP_INFO") == 0) {
        /* {tcpi_state=NAME, ...}: only tcpi_state is modelled */
        const char *v = arg(call, 3);
        const char *st = strstr(v, "tcpi_state");
        char other[48];
        const char *q = v;
        while ((q = strstr(q, "tcpi_")) != NULL) {
            if (strncmp(q, "tcpi_state", 10) != 0) {
                size_t n = strcspn(q, "=, }");
                snprintf(other, sizeof other, "%.*s", (int)(n < 40 ? n : 40), q);
                return not_modelled(o, "TCP_INFO field %s", other);
            }
            q += 5;
        }
        if (st != NULL) {
            char name[40];
            size_t n;
            enum tcpfsm_state want_st, got_st;
            st = strchr(st, '=');
            if (st == NULL)
                return not_modelled(o, "TCP_INFO written other than {tcpi_state=STATE, ...}%s", "");
            st++;
            while (*st == ' ')
                st++;
            n = strcspn(st, ", }");
            snprintf(name, sizeof name, "%.*s", (int)(n < 39 ? n : 39), st);
            if (drill_state_from_name(name, &want_st) < 0)
                return not_modelled(o, "tcpi_state value %s", name);
            got_st = bi >= 0 && s->blocks[bi].used ? tcpfsm_state(&s->blocks[bi].conn) : TCPFSM_CLOSED;
            if (got_st != want_st)
                snprintf(o->mismatch, sizeof o->mismatch, "expected tcpi_state %s, got %s", tcpfsm_state_name(want_st),
                         tcpfsm_state_name(got_st));
        }
        done(o, 0, 0);
        return DRILL_CALL_DONE;
    }
    return not_modelled(o, "getsockopt(%s)", opt);
}

static enum drill_call_status call_fcntl(struct drill_stack *s, int sock, const struct drill_syscall *call,
                                         struct drill_call_outcome *o)
{
    const char *cmd = arg(call, 1);
    if (strcmp(cmd, "F_GETFL") == 0) {
        done(o, DRILL_O_RDWR | (s->sockets[sock].nonblocking ? o_nonblock(s) : 0), 0);
        return DRILL_CALL_DONE;
    }
    if (strcmp(cmd, "F_SETFL") == 0) {
        long flags;
        if (open_flags(s, arg(call, 2), &flags) < 0)
            return not_modelled(o, "fcntl(F_SETFL) flags %s", arg(call, 2));
        s->sockets[sock].nonblocking = (flags & o_nonblock(s)) != 0;
        done(o, 0, 0);
        return DRILL_CALL_DONE;
    }
    return not_modelled(o, "fcntl(%s)", cmd);
}

static enum drill_call_status call_ioctl(struct drill_stack *s, int sock, const struct drill_syscall *call,
                                         struct drill_call_outcome *o)
{
    const char *req = arg(call, 1);
    int bi = s->sockets[sock].block;
    long want;
    if (strcmp(req, "SIOCINQ") == 0 || strcmp(req, "FIONREAD") == 0) {
        long got = bi >= 0 && s->blocks[bi].used ? (long)s->blocks[bi].readable : 0;
        if (!s->bsd && s->sockets[sock].listening) {
            done(o, -1, EINVAL); /* Linux: tcp_ioctl() refuses SIOCINQ on a listener */
            return DRILL_CALL_DONE;
        }
        if (strcmp(arg(call, 2), "...") != 0) {
            if (bracketed_long(arg(call, 2), &want) < 0)
                return not_modelled(o, "ioctl(%s) with a value other than [N]", req);
            if (want != got)
                mismatch(o, "expected ioctl(SIOCINQ) to report [%lld] bytes readable, got [%lld]", want, got);
        }
        done(o, 0, 0);
        return DRILL_CALL_DONE;
    }
    return not_modelled(o, "ioctl(%s)", req);
}

/* write, send, sendto, sendmsg: `len` bytes. */
static enum drill_call_status do_send(struct drill_stack *s, int sock, int bi, long len, int dontwait,
                                      struct drill_call_outcome *o)
{
    struct drill_block *b;
    struct tcpfsm_output out;
    enum tcpfsm_state before;
    int rc, nonblocking = s->sockets[sock].nonblocking || dontwait;
    if (bi < 0 || !s->blocks[bi].used) {
        /* never connected: Linux says EPIPE (tcp_sendmsg), FreeBSD ENOTCONN (sosend) */
        done(o, -1, s->bsd ? ENOTCONN : EPIPE);
        return DRILL_CALL_DONE;
    }
    b = &s->blocks[bi];
    before = tcpfsm_state(&b->conn);
    if (b->so_error != 0) {
        int err = b->so_error;
        b->so_error = 0;
        done(o, -1, err);
        return DRILL_CALL_DONE;
    }
    if (s->sockets[sock].shut_wr || !state_can_send(before)) {
        if (before == TCPFSM_SYN_SENT || before == TCPFSM_SYN_RECEIVED) {
            if (nonblocking) {
                done(o, -1, EAGAIN);
                return DRILL_CALL_DONE;
            }
            return DRILL_CALL_WOULD_BLOCK;
        }
        if (before == TCPFSM_LISTEN || (before == TCPFSM_CLOSED && !b->connected && !s->sockets[sock].connecting)) {
            done(o, -1, s->bsd ? ENOTCONN : EPIPE);
            return DRILL_CALL_DONE;
        }
        done(o, -1, EPIPE);
        return DRILL_CALL_DONE;
    }
    {
        uint64_t inflight = (uint64_t)tcpfsm_snd_queued(&b->conn) +
                            (uint32_t)(tcpfsm_snd_nxt(&b->conn) - tcpfsm_snd_una(&b->conn));
        if (inflight + (uint64_t)len > sock_buffer(s, sock, 1))
            return not_modelled(o, "a write beyond the free space of the send buffer (a partial write)%s", "");
    }
    memset(&out, 0, sizeof out);
    rc = tcpfsm_send(&b->conn, s->now, (uint32_t)len, &out);
    take_output(s, bi, rc, before, &out, NULL, "send");
    if (rc != TCPFSM_OK) {
        done(o, -1, EPIPE);
        return DRILL_CALL_DONE;
    }
    done(o, len, 0);
    return DRILL_CALL_DONE;
}

/* read, recv, recvfrom, recvmsg: up to `want` bytes. */
static enum drill_call_status do_recv(struct drill_stack *s, int sock, int bi, long want, int dontwait, int peek,
                                      struct drill_call_outcome *o)
{
    struct drill_block *b;
    if (bi < 0 || !s->blocks[bi].used || s->sockets[sock].listening) {
        done(o, -1, ENOTCONN);
        return DRILL_CALL_DONE;
    }
    b = &s->blocks[bi];
    if (b->readable > 0 && want > 0) {
        uint32_t n = (uint64_t)want < b->readable ? (uint32_t)want : b->readable;
        struct tcpfsm_output out;
        enum tcpfsm_state before = tcpfsm_state(&b->conn);
        int rc;
        if (!peek) {
            b->readable -= n;
            memset(&out, 0, sizeof out);
            rc = tcpfsm_consumed(&b->conn, s->now, n, &out);
            /* consumed may be refused once the connection is gone; the data was still read. */
            if (rc == TCPFSM_OK)
                take_output(s, bi, rc, before, &out, NULL, "consumed");
        }
        done(o, (int64_t)n, 0);
        return DRILL_CALL_DONE;
    }
    if (b->so_error != 0) {
        int err = b->so_error;
        b->so_error = 0;
        done(o, -1, err);
        return DRILL_CALL_DONE;
    }
    if (b->peer_closed || s->sockets[sock].shut_rd || want == 0 || tcpfsm_state(&b->conn) == TCPFSM_CLOSED) {
        if (tcpfsm_state(&b->conn) == TCPFSM_CLOSED && !b->connected && !b->peer_closed) {
            done(o, -1, ENOTCONN);
            return DRILL_CALL_DONE;
        }
        done(o, 0, 0);
        return DRILL_CALL_DONE;
    }
    if (s->sockets[sock].nonblocking || dontwait) {
        done(o, -1, EAGAIN);
        return DRILL_CALL_DONE;
    }
    return DRILL_CALL_WOULD_BLOCK;
}

static enum drill_call_status call_data(struct drill_stack *s, int sock, int bi, const struct drill_syscall *call,
                                        struct drill_call_outcome *o)
{
    const char *name = call->name;
    int sending = strcmp(name, "write") == 0 || strcmp(name, "send") == 0 || strcmp(name, "sendto") == 0 ||
                  strcmp(name, "sendmsg") == 0;
    int dontwait = 0, peek = 0;
    long len;
    const char *bad = NULL;
    if (strcmp(name, "sendmsg") == 0 || strcmp(name, "recvmsg") == 0) {
        const char *why;
        if (call->argc != 3)
            return not_modelled(o, "%s() written other than (fd, {msghdr}, flags)", name);
        if (msghdr_length(arg(call, 1), &len, &why) < 0)
            return not_modelled(o, "%s", why);
        if (msg_flags(arg(call, 2), !sending, &dontwait, &peek, &bad) < 0)
            return not_modelled(o, "the message flag %s", bad);
    } else {
        int want_args = strcmp(name, "write") == 0 || strcmp(name, "read") == 0 ? 3
                        : strcmp(name, "send") == 0 || strcmp(name, "recv") == 0 ? 4 : 6;
        if (call->argc != want_args || parse_long(arg(call, 2), &len) < 0 || len < 0 || len > 0x7fffffffL)
            return not_modelled(o, "%s() without a byte count as its third argument", name);
        if (want_args > 3 && msg_flags(arg(call, 3), !sending, &dontwait, &peek, &bad) < 0)
            return not_modelled(o, "the message flag %s", bad);
        if (want_args == 6 && strcmp(name, "sendto") == 0 && strcmp(arg(call, 4), "...") != 0 &&
            strcmp(arg(call, 4), "NULL") != 0)
            return not_modelled(o, "sendto() with a destination address (implied connect)%s", "");
    }
    if (len > 0xffffffffL)
        return not_modelled(o, "a byte count above 2^32%s", "");
    return sending ? do_send(s, sock, bi, len, dontwait, o) : do_recv(s, sock, bi, len, dontwait, peek, o);
}

static int is_data_call(const char *n)
{
    return strcmp(n, "read") == 0 || strcmp(n, "write") == 0 || strcmp(n, "send") == 0 || strcmp(n, "recv") == 0 ||
           strcmp(n, "sendto") == 0 || strcmp(n, "recvfrom") == 0 || strcmp(n, "sendmsg") == 0 ||
           strcmp(n, "recvmsg") == 0;
}

static int is_fd_call(const char *n)
{
    return is_data_call(n) || strcmp(n, "bind") == 0 || strcmp(n, "setsockopt") == 0 || strcmp(n, "fcntl") == 0 ||
           strcmp(n, "getsockopt") == 0 || strcmp(n, "listen") == 0 || strcmp(n, "connect") == 0 ||
           strcmp(n, "accept") == 0 || strcmp(n, "close") == 0 || strcmp(n, "shutdown") == 0 ||
           strcmp(n, "ioctl") == 0;
}

enum drill_call_status drill_stack_syscall(struct drill_stack *s, const struct drill_syscall *call,
                                           int retry, struct drill_call_outcome *o)
{
    const char *name = call->name;
    long fd = -1;
    int sock = -1, bi = -1;
    memset(o, 0, sizeof *o);
    if (strcmp(name, "socket") == 0) {
        long want = call->result_any || call->result < 0 ? next_free_fd(s) : (long)call->result;
        int ns;
        if (strstr(arg(call, 1), "SOCK_STREAM") == NULL && strcmp(arg(call, 1), "...") != 0)
            return not_modelled(o, "socket() of type %s (only SOCK_STREAM)", arg(call, 1));
        ns = new_socket(s, want);
        if (ns < 0)
            return not_modelled(o, "more than 64 sockets%s", "");
        s->sockets[ns].rcvbuf = s->bsd ? s->recvspace : 131072u;  /* Linux: tcp_rmem[1] */
        s->sockets[ns].sndbuf = s->bsd ? s->sendspace : 16384u;   /* Linux: tcp_wmem[1] */
        o->fd_result = 1;
        done(o, want, 0);
        return DRILL_CALL_DONE;
    }
    if (strcmp(name, "poll") == 0)
        return call_poll(s, call, retry, o);
    if (!is_fd_call(name))
        return not_modelled(o, "the system call %s()", name);
    if (call->argc < 1 || parse_long(call->args[0], &fd) < 0) {
        done(o, -1, EBADF);
        return DRILL_CALL_DONE;
    }
    sock = find_socket(s, fd);
    if (sock < 0) {
        done(o, -1, EBADF);
        return DRILL_CALL_DONE;
    }
    bi = s->sockets[sock].block;

    if (strcmp(name, "setsockopt") == 0)
        return call_setsockopt(s, sock, call, o);
    if (strcmp(name, "getsockopt") == 0)
        return call_getsockopt(s, sock, call, o);
    if (strcmp(name, "fcntl") == 0)
        return call_fcntl(s, sock, call, o);
    if (strcmp(name, "ioctl") == 0)
        return call_ioctl(s, sock, call, o);
    if (strcmp(name, "bind") == 0) {
        done(o, 0, 0); /* one local address: binding changes nothing modelled */
        return DRILL_CALL_DONE;
    }
    if (is_data_call(name))
        return call_data(s, sock, bi, call, o);
    if (strcmp(name, "listen") == 0) {
        int rc;
        bi = user_call_block(s, sock);
        if (bi < 0)
            return not_modelled(o, "more than 256 connection blocks%s", "");
        if (tcpfsm_state(&s->blocks[bi].conn) == TCPFSM_LISTEN) {
            done(o, 0, 0);
            return DRILL_CALL_DONE;
        }
        rc = run_user(s, bi, OP_OPEN_PASSIVE);
        if (rc != TCPFSM_OK) {
            done(o, -1, EINVAL);
            return DRILL_CALL_DONE;
        }
        s->blocks[bi].is_listener = 1;
        s->sockets[sock].listening = 1;
        s->last_local_isn = s->iss;
        done(o, 0, 0);
        return DRILL_CALL_DONE;
    }

    if (strcmp(name, "connect") == 0) {
        struct drill_socket *so = &s->sockets[sock];
        if (!retry && !so->connecting) {
            int rc;
            bi = user_call_block(s, sock);
            if (bi < 0)
                return not_modelled(o, "more than 256 connection blocks%s", "");
            rc = run_user(s, bi, OP_OPEN_ACTIVE);
            if (rc != TCPFSM_OK) {
                done(o, -1, rc == TCPFSM_ERR_STATE ? EISCONN : EINVAL);
                return DRILL_CALL_DONE;
            }
            so->connecting = 1;
            s->socket_under_test = bi;
            s->last_local_isn = s->iss;
            if (so->nonblocking) {
                done(o, -1, EINPROGRESS);
                return DRILL_CALL_DONE;
            }
        }
        bi = so->block;
        if (bi < 0 || !s->blocks[bi].used) {
            done(o, -1, EBADF);
            return DRILL_CALL_DONE;
        }
        if (s->blocks[bi].so_error != 0) {
            int err = s->blocks[bi].so_error;
            s->blocks[bi].so_error = 0;
            done(o, -1, err);
            return DRILL_CALL_DONE;
        }
        if (s->blocks[bi].connected) {
            if (retry || !so->nonblocking) {
                done(o, 0, 0);
            } else {
                done(o, -1, EISCONN);
            }
            return DRILL_CALL_DONE;
        }
        if (so->nonblocking) {
            done(o, -1, EALREADY);
            return DRILL_CALL_DONE;
        }
        return DRILL_CALL_WOULD_BLOCK;
    }

    if (strcmp(name, "accept") == 0) {
        int i, best = -1;
        if (!s->sockets[sock].listening) {
            done(o, -1, EINVAL);
            return DRILL_CALL_DONE;
        }
        for (i = 0; i < (int)s->nblocks; i++) {
            const struct drill_block *c = &s->blocks[i];
            if (c->used && c->in_accept_queue && c->listener_socket == sock &&
                (best < 0 || c->accept_order < s->blocks[best].accept_order))
                best = i;
        }
        if (best < 0) {
            if (s->sockets[sock].nonblocking) {
                done(o, -1, EAGAIN);
                return DRILL_CALL_DONE;
            }
            return DRILL_CALL_WOULD_BLOCK;
        }
        {
            long newfd = call->result_any || call->result < 0 ? next_free_fd(s) : (long)call->result;
            int ns = new_socket(s, newfd);
            if (ns < 0)
                return not_modelled(o, "more than 64 sockets%s", "");
            s->sockets[ns].rcvbuf = s->sockets[sock].rcvbuf;
            s->sockets[ns].sndbuf = s->sockets[sock].sndbuf;
            s->sockets[ns].nodelay = s->sockets[sock].nodelay;
            s->sockets[ns].has_user_timeout = 1;
            s->sockets[ns].user_timeout = s->blocks[best].cfg.user_timeout;
            s->sockets[ns].block = best;
            s->blocks[best].socket = ns;
            s->blocks[best].in_accept_queue = 0;
            s->socket_under_test = best;
            o->fd_result = 1;
            done(o, newfd, 0);
            return DRILL_CALL_DONE;
        }
    }

    if (strcmp(name, "close") == 0) {
        close_socket(s, sock);
        done(o, 0, 0);
        return DRILL_CALL_DONE;
    }

    /* The remaining calls need a connection block. */
    if (bi < 0 || !s->blocks[bi].used) {
        done(o, -1, ENOTCONN);
        return DRILL_CALL_DONE;
    }
    s->last_block = bi;

    if (strcmp(name, "shutdown") == 0) {
        const char *how = call->argc >= 2 ? call->args[1] : "";
        int wr = strcmp(how, "SHUT_WR") == 0 || strcmp(how, "SHUT_RDWR") == 0 || strcmp(how, "1") == 0 ||
                 strcmp(how, "2") == 0;
        int rd = strcmp(how, "SHUT_RD") == 0 || strcmp(how, "SHUT_RDWR") == 0 || strcmp(how, "0") == 0 ||
                 strcmp(how, "2") == 0;
        enum tcpfsm_state st = tcpfsm_state(&s->blocks[bi].conn);
        if (!wr && !rd) {
            done(o, -1, EINVAL);
            return DRILL_CALL_DONE;
        }
        if (st == TCPFSM_CLOSED || st == TCPFSM_LISTEN || st == TCPFSM_SYN_SENT) {
            done(o, -1, ENOTCONN);
            return DRILL_CALL_DONE;
        }
        if (rd)
            s->sockets[sock].shut_rd = 1;
        if (wr && !s->sockets[sock].shut_wr) {
            int rc = run_user(s, bi, OP_CLOSE);
            s->sockets[sock].shut_wr = 1;
            if (rc != TCPFSM_OK && rc != TCPFSM_ERR_CLOSING) {
                done(o, -1, ENOTCONN);
                return DRILL_CALL_DONE;
            }
        }
        done(o, 0, 0);
        return DRILL_CALL_DONE;
    }

    return not_modelled(o, "the system call %s()", name);
}

unsigned drill_stack_count_state(const struct drill_stack *s, enum tcpfsm_state state)
{
    unsigned n = 0;
    int i;
    for (i = 0; i < (int)s->nblocks; i++)
        if (s->blocks[i].used && tcpfsm_state(&s->blocks[i].conn) == state)
            n++;
    return n;
}

int drill_stack_state_under_test(const struct drill_stack *s, enum tcpfsm_state *state)
{
    int bi = s->socket_under_test;
    if (bi < 0) {
        int ls = latest_listener_socket(s);
        if (ls < 0)
            return -1;
        bi = s->sockets[ls].block;
    }
    *state = s->blocks[bi].used ? tcpfsm_state(&s->blocks[bi].conn) : TCPFSM_CLOSED;
    return 0;
}

const char *drill_stack_current_state(const struct drill_stack *s)
{
    int bi = s->last_block;
    if (bi < 0)
        return NULL;
    if (!s->blocks[bi].used)
        return "CLOSED (released)";
    return tcpfsm_state_name(tcpfsm_state(&s->blocks[bi].conn));
}

void drill_stack_drop(struct drill_stack *s, enum tcpfsm_state state, int all)
{
    int i;
    for (i = 0; i < (int)s->nblocks; i++) {
        struct drill_block *b = &s->blocks[i];
        enum tcpfsm_state st;
        if (!b->used || b->is_listener)
            continue;
        st = tcpfsm_state(&b->conn);
        if (st == TCPFSM_CLOSED || st == TCPFSM_LISTEN || (!all && st != state))
            continue;
        /* FreeBSD's tcp_drop(): ABORT, and the socket's error is ECONNABORTED */
        run_user(s, i, OP_ABORT);
        if (st != TCPFSM_TIME_WAIT)
            b->so_error = ECONNABORTED;
        maybe_release(s, i);
    }
}
