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

#define RFC9293_DEFAULT_MSS 536u   /* RFC 9293 3.7.1: "MUST assume a default send MSS of 536" */

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
    /* Bytes of payload accepted: how far RCV.NXT moved, less the SYN and the FIN it covers. */
    if ((out->events & TCPFSM_SIG_DATA) && in != NULL) {
        uint32_t moved = tcpfsm_rcv_nxt(&b->conn) - b->last_rcv_nxt;
        if ((out->events & TCPFSM_SIG_PEER_CLOSED) && (in->flags & TCPFSM_FIN) && moved > 0)
            moved--;
        if ((in->flags & TCPFSM_SYN) && before != after && moved > 0)
            moved--;
        if (moved > in->len) {
            char msg[160];
            snprintf(msg, sizeof msg, "RCV.NXT advanced by %lu for a segment of %u bytes",
                     (unsigned long)moved, (unsigned)in->len);
            stack_fail(s, msg);
            moved = in->len;
        }
        b->readable += moved;
    }
    b->last_rcv_nxt = tcpfsm_rcv_nxt(&b->conn);
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
    b->socket = -1;
    b->local_isn = s->iss;
    b->deadline = TCPFSM_NO_DEADLINE;
    if (tcpfsm_init(&b->conn, &b->cfg) != TCPFSM_OK) {
        stack_fail(s, "tcpfsm_init refused the configuration");
        b->used = 0;
        return -1;
    }
    b->last_rcv_nxt = tcpfsm_rcv_nxt(&b->conn);
    b->last_snd_nxt = tcpfsm_snd_nxt(&b->conn);
    return bi;
}

/* The send MSS from the peer's SYN, before the core sees the SYN (RFC 9293 3.7.1: "If an MSS
   Option is not received at connection setup, TCP implementations MUST assume a default send MSS
   of 536 (576 - 40) for IPv4"). The profiles carry that default; the host sets the negotiated one. */
static void take_peer_mss(struct drill_block *b, const struct drill_packet *p)
{
    if (!(p->flags & TCPFSM_SYN))
        return;
    b->cfg.mss = (uint16_t)(p->has_mss ? p->mss : RFC9293_DEFAULT_MSS);
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
    if (p->has_ack)
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
            take_peer_mss(b, p);
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
        if (so->abort_on_close && st != TCPFSM_CLOSED)
            run_user(s, bi, OP_ABORT);
        else if (!so->shut_wr && st != TCPFSM_CLOSED)
            run_user(s, bi, OP_CLOSE);
        s->blocks[bi].socket = -1;
        s->blocks[bi].is_listener = 0;
        maybe_release(s, bi);
    }
    so->used = 0;
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
        if (new_socket(s, want) < 0)
            return DRILL_CALL_NOT_MODELLED;
        o->fd_result = 1;
        done(o, want, 0);
        return DRILL_CALL_DONE;
    }
    if (strcmp(name, "bind") == 0 || strcmp(name, "setsockopt") == 0 || strcmp(name, "fcntl") == 0 ||
        strcmp(name, "getsockopt") == 0 || strcmp(name, "listen") == 0 || strcmp(name, "connect") == 0 ||
        strcmp(name, "accept") == 0 || strcmp(name, "read") == 0 || strcmp(name, "write") == 0 ||
        strcmp(name, "send") == 0 || strcmp(name, "recv") == 0 || strcmp(name, "close") == 0 ||
        strcmp(name, "shutdown") == 0) {
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
    } else {
        return DRILL_CALL_NOT_MODELLED;
    }

    if (strcmp(name, "setsockopt") == 0) {
        /* SO_LINGER with a zero timeout makes close() an ABORT (RFC 9293 3.10.5), as on Linux and BSD. */
        if (call->argc >= 4 && strcmp(call->args[2], "SO_LINGER") == 0) {
            const char *v = call->args[3];
            const char *on = strstr(v, "onoff");
            const char *lg = strstr(v, "linger");
            long onoff = 0, linger = 1;
            if (on != NULL && (on = strchr(on, '=')) != NULL)
                onoff = strtol(on + 1, NULL, 10);
            if (lg != NULL && (lg = strchr(lg, '=')) != NULL)
                linger = strtol(lg + 1, NULL, 10);
            s->sockets[sock].abort_on_close = onoff != 0 && linger == 0;
        }
        return DRILL_CALL_NOT_MODELLED;
    }
    if (strcmp(name, "bind") == 0)
        return DRILL_CALL_NOT_MODELLED;

    if (strcmp(name, "fcntl") == 0) {
        if (call->argc >= 3 && strstr(call->args[1], "F_SETFL") != NULL)
            s->sockets[sock].nonblocking = strstr(call->args[2], "O_NONBLOCK") != NULL;
        return DRILL_CALL_NOT_MODELLED;
    }

    if (strcmp(name, "getsockopt") == 0) {
        if (call->argc >= 3 && strcmp(call->args[2], "SO_ERROR") == 0) {
            int err = bi >= 0 ? s->blocks[bi].so_error : 0;
            if (bi >= 0)
                s->blocks[bi].so_error = 0;
            o->has_optval = 1;
            o->optval = err;
            done(o, 0, 0);
            return DRILL_CALL_DONE;
        }
        return DRILL_CALL_NOT_MODELLED;
    }

    if (strcmp(name, "listen") == 0) {
        int rc;
        bi = user_call_block(s, sock);
        if (bi < 0)
            return DRILL_CALL_NOT_MODELLED;
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
                return DRILL_CALL_NOT_MODELLED;
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
                return DRILL_CALL_NOT_MODELLED;
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

    if (strcmp(name, "write") == 0 || strcmp(name, "send") == 0) {
        long len;
        struct drill_block *b = &s->blocks[bi];
        struct tcpfsm_output out;
        enum tcpfsm_state before = tcpfsm_state(&b->conn);
        int rc;
        if (call->argc < 3 || parse_long(call->args[2], &len) < 0 || len < 0 || len > 0x7fffffffL) {
            stack_fail(s, "write/send needs a byte count as its third argument");
            return DRILL_CALL_NOT_MODELLED;
        }
        if (b->so_error != 0) {
            int err = b->so_error;
            b->so_error = 0;
            done(o, -1, err);
            return DRILL_CALL_DONE;
        }
        if (s->sockets[sock].shut_wr || !state_can_send(before)) {
            if (before == TCPFSM_SYN_SENT || before == TCPFSM_SYN_RECEIVED) {
                if (s->sockets[sock].nonblocking) {
                    done(o, -1, EAGAIN);
                    return DRILL_CALL_DONE;
                }
                return DRILL_CALL_WOULD_BLOCK;
            }
            done(o, -1, EPIPE);
            return DRILL_CALL_DONE;
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

    if (strcmp(name, "read") == 0 || strcmp(name, "recv") == 0) {
        long want;
        struct drill_block *b = &s->blocks[bi];
        if (call->argc < 3 || parse_long(call->args[2], &want) < 0 || want < 0) {
            stack_fail(s, "read/recv needs a byte count as its third argument");
            return DRILL_CALL_NOT_MODELLED;
        }
        if (b->readable > 0 && want > 0) {
            uint32_t n = (uint64_t)want < b->readable ? (uint32_t)want : b->readable;
            struct tcpfsm_output out;
            enum tcpfsm_state before = tcpfsm_state(&b->conn);
            int rc;
            b->readable -= n;
            memset(&out, 0, sizeof out);
            rc = tcpfsm_consumed(&b->conn, s->now, n, &out);
            /* consumed may be refused once the connection is gone; the data was still read. */
            if (rc == TCPFSM_OK)
                take_output(s, bi, rc, before, &out, NULL, "consumed");
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
            done(o, 0, 0);
            return DRILL_CALL_DONE;
        }
        if (s->sockets[sock].nonblocking) {
            done(o, -1, EAGAIN);
            return DRILL_CALL_DONE;
        }
        return DRILL_CALL_WOULD_BLOCK;
    }
    return DRILL_CALL_NOT_MODELLED;
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
