/* tools/host/host.c - the glue between packets, the tcpfsm core and the application: feeds each
   segment, user call and deadline to the core, emits what it returns, keeps the bytes of the data
   contract (an outgoing segment carries stream bytes from offset seq - (ISS + 1); SIG_DATA names
   the bytes delivered, data_off/data_len of the segment's text; SIG_OUT_OF_ORDER the bytes it may
   hold for reassembly), pushes while SIG_MORE says more could go, prints each state change and
   event. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "demux.h"
#include "host.h"
#include "iss.h"

#define PKT_MAX (65535u + 60u)

uint64_t host_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static void say(struct host *h, const struct hconn *k, const char *fmt, ...)
{
    va_list ap;
    double t = (double)(host_now() - h->t0) / 1e6;

    printf("T+%.3f conn %u.%u.%u.%u:%u-%u.%u.%u.%u:%u ", t,
           k->laddr >> 24, (k->laddr >> 16) & 255, (k->laddr >> 8) & 255, k->laddr & 255, k->lport,
           k->raddr >> 24, (k->raddr >> 16) & 255, (k->raddr >> 8) & 255, k->raddr & 255, k->rport);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    fflush(stdout);
}

static void tun_write(struct host *h, const uint8_t *p, size_t n)
{
    if (write(h->fd, p, n) == (ssize_t)n)
        h->ctr_tx++;
    else
        h->ctr_tx_err++;
}

/* Emit one segment of connection `k` (its payload from the send bytes), unless a drop rule or the
   FIN hold takes it. */
static void emit(struct host *h, struct hconn *k, const struct tcpfsm_segment *s)
{
    static uint8_t pkt[PKT_MAX], data[65536];
    uint32_t off = s->seq - k->snd_seq;
    size_t n;

    if (s->len > 0) {
        if (off > k->snd.len || s->len > k->snd.len - off) {
            say(h, k, "ERROR data contract: segment seq %u len %u outside the send bytes",
                s->seq, s->len);
            h->ctr_tx_err++;
            return;
        }
        buf_peek(&k->snd, off, data, s->len);
    }
    if (drop_match(&h->o.drops, 1, s, tcpfsm_state(&k->c))) {
        h->ctr_dropped_out++;
        say(h, k, "drop out seq %u ack %u flags 0x%02x len %u", s->seq, s->ack, s->flags, s->len);
        return;
    }
    n = pkt_build(pkt, sizeof pkt, k->laddr, k->lport, k->raddr, k->rport, s, data);
    if (h->o.hold_fin && !h->held_done && h->held_len == 0 && (s->flags & TCPFSM_FIN) && n <= sizeof h->held) {
        memcpy(h->held, pkt, n);
        h->held_len = n;
        say(h, k, "hold FIN seq %u until the peer's FIN", s->seq);
        return;
    }
    tun_write(h, pkt, n);
}

static const char *const event_names[10] = {
    "CONNECTED", "PEER_CLOSED", "RESET", "REFUSED", "TIMEOUT", "CLOSED", "DATA", "ACKED",
    "LISTEN", "REOPENED"
};

/* Drop the acknowledged bytes: SND.UNA moved past them. */
static void release_acked(struct hconn *k)
{
    uint32_t una = tcpfsm_snd_una(&k->c), n;

    if (!tcpfsm_seq_lt(k->snd_seq, una))
        return;
    n = una - k->snd_seq;
    if (n > k->snd.len)
        n = (uint32_t)k->snd.len;   /* the rest is the FIN */
    buf_drop(&k->snd, n);
    k->snd_seq += n;
}

static void rearm(struct host *h, struct hconn *k)
{
    uint64_t d = tcpfsm_deadline(&k->c);
    unsigned i;

    if (d == k->armed)
        return;
    k->armed = d;
    if (timers_add(&h->timers, d, (unsigned)(k - h->conns)) == 0)
        return;
    h->timers.n = 0;                 /* full of stale entries: rebuild from the live deadlines */
    for (i = 0; i < HOST_CONNS; i++)
        if (h->conns[i].used)
            (void)timers_add(&h->timers, h->conns[i].armed, i);
}

/* After every call on `k`: emit, keep the send bytes, print, follow the state. Returns 0 if the
   connection was freed. */
static int settle_one(struct host *h, struct hconn *k, int st0, const struct tcpfsm_output *out)
{
    int st = tcpfsm_state(&k->c);
    unsigned i;

    for (i = 0; i < out->count; i++)
        emit(h, k, &out->segments[i]);
    release_acked(k);
    if (st != st0)
        say(h, k, "state %s -> %s", tcpfsm_state_name((enum tcpfsm_state)st0),
            tcpfsm_state_name((enum tcpfsm_state)st));
    for (i = 0; i < 10; i++)   /* DATA and ACKED are too frequent to print */
        if ((out->events & (1u << i)) && i != 6 && i != 7)
            say(h, k, "event %s", event_names[i]);
    if (out->events & TCPFSM_SIG_PEER_CLOSED)
        k->peer_closed = 1;
    if (out->events & TCPFSM_SIG_REFUSED) h->exit_code = 2;
    if (out->events & TCPFSM_SIG_RESET) h->exit_code = 3;
    if (out->events & TCPFSM_SIG_TIMEOUT) h->exit_code = 4;
    if (st == TCPFSM_TIME_WAIT && st0 != TCPFSM_TIME_WAIT)
        k->tw_since = host_now();
    if (out->events & TCPFSM_SIG_REOPENED) {
        /* T115: a new incarnation in SYN-RECEIVED, with the ISS the core chose */
        say(h, k, "reopened from TIME-WAIT, ISS %u", tcpfsm_iss(&k->c));
        buf_drop(&k->snd, k->snd.len);
        buf_drop(&k->rcv, k->rcv.len);
        reasm_clear(&k->held);
        k->snd_seq = tcpfsm_iss(&k->c) + 1u;
        k->peer_closed = k->close_called = 0;
        k->rx_total = k->tx_total = 0;
    }
    if (out->events & TCPFSM_SIG_LISTEN) {
        /* T24, T32: a connection made by tcpfsm_accept fell back to LISTEN; the port's listener
           goes on, this block is freed */
        say(h, k, "fell back to LISTEN: freed");
        demux_free(k);
        return 0;
    }
    if (st == TCPFSM_CLOSED && st0 != TCPFSM_CLOSED) {
        if (st0 == TCPFSM_TIME_WAIT)
            say(h, k, "time-wait lasted %.3f s (2*MSL = %.3f s)",
                (double)(host_now() - k->tw_since) / 1e6, 2.0 * h->o.cfg.msl / 1e6);
        say(h, k, "closed: %llu bytes received, %llu bytes written", (unsigned long long)k->rx_total,
            (unsigned long long)k->tx_total);
        h->closed++;
        demux_free(k);
        return 0;
    }
    rearm(h, k);
    return 1;
}

/* settle_one, then tcpfsm_push while the output says more could go now (TCPFSM_SIG_MORE: data
   queued within the peer's window, or the FIN behind it, and the output was full). */
static int settle(struct host *h, struct hconn *k, int st0, const struct tcpfsm_output *out)
{
    struct tcpfsm_output more;
    const struct tcpfsm_output *cur = out;

    if (!settle_one(h, k, st0, out))
        return 0;
    while (cur->events & TCPFSM_SIG_MORE) {
        st0 = tcpfsm_state(&k->c);
        if (tcpfsm_push(&k->c, host_now(), &more) != TCPFSM_OK) {
            say(h, k, "ERROR tcpfsm_push refused");
            break;
        }
        if (!settle_one(h, k, st0, &more))
            return 0;
        cur = &more;
        if (more.count == 0)
            break;                  /* (never: SIG_MORE means a segment could go) */
    }
    return 1;
}

static int can_write(const struct hconn *k)
{
    int st = tcpfsm_state(&k->c);

    return !k->close_called && (st == TCPFSM_ESTABLISHED || st == TCPFSM_CLOSE_WAIT);
}

/* The application wrote `n` bytes (already in k->snd). */
static int app_send(struct host *h, struct hconn *k, uint32_t n)
{
    struct tcpfsm_output out;
    int st0 = tcpfsm_state(&k->c);

    k->tx_total += n;
    if (tcpfsm_send(&k->c, host_now(), n, &out) != TCPFSM_OK)
        say(h, k, "ERROR tcpfsm_send refused %u bytes", n);
    return settle(h, k, st0, &out);
}

/* The application: echo what arrived (server) or write it to a file (client), send the client's
   file, close and abort when told; then push queued data out. Returns 0 if `k` was freed. */
static int app(struct host *h, struct hconn *k)
{
    struct tcpfsm_output out;
    uint8_t chunk[16384];
    int st0, want_close, round;

    for (round = 0; round < 64; round++) {
        size_t n = k->rcv.len;
        int progress = 0;

        if (n > 0) {
            if (h->o.connect_port == 0) {
                if (n > buf_room(&k->snd)) n = buf_room(&k->snd);
                if (n > sizeof chunk) n = sizeof chunk;
                buf_peek(&k->rcv, 0, chunk, n);
                if (n > 0 && can_write(k)) {
                    buf_put(&k->snd, chunk, n);
                    if (!app_send(h, k, (uint32_t)n)) return 0;
                }
            } else {
                if (n > sizeof chunk) n = sizeof chunk;
                buf_peek(&k->rcv, 0, chunk, n);
                if (h->o.recv_file) fwrite(chunk, 1, n, h->o.recv_file);
            }
            if (n > 0) {
                buf_drop(&k->rcv, n);
                st0 = tcpfsm_state(&k->c);
                (void)tcpfsm_consumed(&k->c, host_now(), (uint32_t)n, &out);
                if (!settle(h, k, st0, &out)) return 0;
                progress = 1;
            }
        }
        if (h->o.connect_port != 0 && !k->sent_file_done && can_write(k)) {
            size_t room = buf_room(&k->snd) < sizeof chunk ? buf_room(&k->snd) : sizeof chunk;
            size_t got = room > 0 && h->o.send_file ? fread(chunk, 1, room, h->o.send_file) : 0;
            if (got > 0) {
                buf_put(&k->snd, chunk, got);
                if (!app_send(h, k, (uint32_t)got)) return 0;
                progress = 1;
            } else if (room > 0) {
                k->sent_file_done = 1;
            }
        }
        if (h->o.abort_after && k->rx_total >= h->o.abort_after && !k->close_called) {
            k->close_called = 1;
            say(h, k, "abort after %llu bytes", (unsigned long long)k->rx_total);
            st0 = tcpfsm_state(&k->c);
            (void)tcpfsm_abort(&k->c, host_now(), &out);
            return settle(h, k, st0, &out);
        }
        /* (queued data goes on with tcpfsm_push while SIG_MORE is set: see settle) */
        want_close = h->o.connect_port == 0
            ? k->rcv.len == 0 && (k->peer_closed || (h->o.close_after && k->rx_total >= h->o.close_after))
            : k->sent_file_done && (k->peer_closed || (h->o.close_after && k->rx_total >= h->o.close_after));
        /* CLOSE with data still queued: the FIN follows the last byte (tcpfsm_push goes on in
           FIN-WAIT-1 and LAST-ACK) */
        if (want_close && !k->close_called) {
            k->close_called = 1;
            st0 = tcpfsm_state(&k->c);
            (void)tcpfsm_close(&k->c, host_now(), &out);
            if (!settle(h, k, st0, &out)) return 0;
            progress = 1;
        }
        if (!progress)
            break;
    }
    return 1;
}

/* A SYN for a listening port and no connection: a new block in LISTEN for this peer. */
/* A SYN for the listening port without a connection: tcpfsm_accept answers it as the port's
   listener, on a new block with the ISS of RFC 6528 for its 4-tuple (iss_for). Returns the new
   connection in SYN-RECEIVED, or NULL (no room, or the listener did not accept the segment: its
   answer, if any, is emitted). */
static struct hconn *passive_accept(struct host *h, const struct pkt *p)
{
    struct tcpfsm_output out;
    struct hconn *k = demux_alloc(h, p->dst, p->dport, p->src, p->sport);
    uint32_t iss;
    unsigned i;

    if (k == NULL) {
        h->ctr_no_room++;
        return NULL;
    }
    /* One listener for the port, over the shared configuration: the peer's MSS comes with each
       SYN (seg.mss) and is kept per connection, so the listener holds nothing per peer. */
    if (!h->listener_ready) {
        (void)tcpfsm_init(&h->listener, &h->o.cfg);
        (void)tcpfsm_open_passive(&h->listener, host_now(), 0u, &out);   /* its ISS is never used */
        h->listener_ready = 1;
    }
    iss = iss_for(p->dst, p->dport, p->src, p->sport, host_now());
    if (tcpfsm_accept(&h->listener, &k->c, host_now(), &p->seg, iss, &out) != TCPFSM_OK
        || out.state != TCPFSM_SYN_RECEIVED) {
        for (i = 0; i < out.count; i++)
            emit(h, k, &out.segments[i]);   /* the listener's answer */
        demux_free(k);
        return NULL;
    }
    k->snd_seq = iss + 1u;
    say(h, k, "accepted, ISS %u", tcpfsm_iss(&k->c));
    if (!settle(h, k, TCPFSM_LISTEN, &out))
        return NULL;
    return k;
}

/* The text of this segment the core delivered (SIG_DATA: appended to the receive bytes) or lets
   the host hold (SIG_OUT_OF_ORDER: written at its offset beyond RCV.NXT, noted in k->held): bytes
   [data_off, data_off + data_len) of the segment's text. */
static void absorb(struct host *h, struct hconn *k, const struct pkt *p, const struct tcpfsm_output *out)
{
    uint32_t n = out->data_len, off = out->data_off, ahead;

    if (n == 0)
        return;
    if (off > p->seg.len || n > p->seg.len - off) {
        say(h, k, "ERROR data contract: text [%u, %u) outside the segment's %u bytes", off, off + n,
            p->seg.len);
        return;
    }
    if (out->events & TCPFSM_SIG_DATA) {
        n = (uint32_t)buf_put(&k->rcv, p->payload + off, n);
        k->rx_total += n;
    } else if (out->events & TCPFSM_SIG_OUT_OF_ORDER) {
        ahead = out->data_seq - tcpfsm_rcv_nxt(&k->c);
        if (ahead <= buf_room(&k->rcv) && n <= buf_room(&k->rcv) - ahead
            && reasm_add(&k->held, out->data_seq, n) == 0)
            buf_put_at(&k->rcv, ahead, p->payload + off, n);
    }
}

/* Held bytes that now start at RCV.NXT go back to the core (tcpfsm_reassembled), which delivers
   them (SIG_DATA) and acknowledges them. Returns 0 if `k` was freed. */
static int reassemble(struct host *h, struct hconn *k)
{
    struct tcpfsm_output out;
    uint32_t run = reasm_take(&k->held, tcpfsm_rcv_nxt(&k->c));
    int st0 = tcpfsm_state(&k->c);

    if (run == 0)
        return 1;
    if (run > tcpfsm_rcv_wnd(&k->c))
        run = tcpfsm_rcv_wnd(&k->c);    /* (never: held bytes were inside the window) */
    if (tcpfsm_reassembled(&k->c, host_now(), run, &out) != TCPFSM_OK) {
        reasm_clear(&k->held);          /* no more text in this state */
        return 1;
    }
    buf_commit(&k->rcv, out.data_len);
    k->rx_total += out.data_len;
    say(h, k, "reassembled %u held bytes at %u", out.data_len, out.data_seq);
    return settle(h, k, st0, &out);
}

void host_input(struct host *h, const uint8_t *buf, size_t len)
{
    struct tcpfsm_output out;
    struct pkt p;
    struct hconn *k;
    enum pkt_verdict v = pkt_parse(buf, len, &p);
    int st0;
    unsigned i;

    h->ctr_rx++;
    h->ctr_verdict[v]++;
    if (v != PKT_OK || p.dst != h->o.addr)
        return;
    k = demux_find(h, p.dst, p.dport, p.src, p.sport);
    if (drop_match(&h->o.drops, 0, &p.seg, k ? (int)tcpfsm_state(&k->c) : -1)) {
        h->ctr_dropped_in++;
        printf("T+%.3f drop in seq %u ack %u flags 0x%02x len %u\n", (double)(host_now() - h->t0) / 1e6,
               p.seg.seq, p.seg.ack, p.seg.flags, p.seg.len);
        return;
    }
    if (h->held_len && (p.seg.flags & TCPFSM_FIN)) {
        tun_write(h, h->held, h->held_len);
        h->held_len = 0;
        h->held_done = 1;
    }
    if (k == NULL && h->o.listen_port == p.dport
        && (p.seg.flags & (TCPFSM_SYN | TCPFSM_ACK | TCPFSM_RST)) == TCPFSM_SYN) {
        (void)passive_accept(h, &p);   /* the SYN is consumed: the SYN+ACK is out */
        return;
    }
    if (k == NULL) {
        struct hconn tmp;
        memset(&tmp, 0, sizeof tmp);
        tmp.laddr = p.dst; tmp.lport = p.dport; tmp.raddr = p.src; tmp.rport = p.sport;
        (void)tcpfsm_reply_no_connection(&p.seg, &out);
        h->ctr_no_conn++;
        for (i = 0; i < out.count; i++)
            emit(h, &tmp, &out.segments[i]);
        return;
    }
    st0 = tcpfsm_state(&k->c);
    (void)tcpfsm_segment(&k->c, host_now(), &p.seg, &out);
    absorb(h, k, &p, &out);
    if (!settle(h, k, st0, &out))
        return;
    if ((out.events & TCPFSM_SIG_DATA) && !reassemble(h, k))
        return;
    (void)app(h, k);
}

int host_connect(struct host *h)
{
    struct tcpfsm_output out;
    uint16_t lport = (uint16_t)(32768u + (host_now() % 28000u));
    struct hconn *k = demux_alloc(h, h->o.addr, lport, h->o.connect_addr, h->o.connect_port);
    uint32_t iss;

    if (k == NULL)
        return -1;
    iss = iss_for(k->laddr, k->lport, k->raddr, k->rport, host_now());
    k->snd_seq = iss + 1u;
    if (tcpfsm_open_active(&k->c, host_now(), iss, &out) != TCPFSM_OK)
        return -1;
    return settle(h, k, TCPFSM_CLOSED, &out) ? 0 : -1;
}

void host_timers(struct host *h)
{
    unsigned budget = 4096;

    while (budget-- > 0 && timers_peek(&h->timers) <= host_now()) {
        struct tcpfsm_output out;
        uint64_t when;
        unsigned slot = timers_pop(&h->timers, &when);
        struct hconn *k = &h->conns[slot];
        int st0;

        if (!k->used || tcpfsm_deadline(&k->c) != when)
            continue;
        k->armed = TCPFSM_NO_DEADLINE;
        st0 = tcpfsm_state(&k->c);
        (void)tcpfsm_timer(&k->c, host_now(), &out);
        if (settle(h, k, st0, &out))
            (void)app(h, k);
    }
}

uint64_t host_next_deadline(struct host *h)
{
    return timers_peek(&h->timers);
}

void host_print_counters(const struct host *h, FILE *f)
{
    unsigned v;

    fprintf(f, "counter rx_packets %llu\n", (unsigned long long)h->ctr_rx);
    fprintf(f, "counter tx_packets %llu\n", (unsigned long long)h->ctr_tx);
    for (v = 0; v < PKT_VERDICT_COUNT; v++)
        fprintf(f, "counter %s %llu\n", pkt_verdict_name((enum pkt_verdict)v),
                (unsigned long long)h->ctr_verdict[v]);
    fprintf(f, "counter dropped_by_rule_in %llu\n", (unsigned long long)h->ctr_dropped_in);
    fprintf(f, "counter dropped_by_rule_out %llu\n", (unsigned long long)h->ctr_dropped_out);
    fprintf(f, "counter no_connection %llu\n", (unsigned long long)h->ctr_no_conn);
    fprintf(f, "counter table_full %llu\n", (unsigned long long)h->ctr_no_room);
    fprintf(f, "counter tx_errors %llu\n", (unsigned long long)h->ctr_tx_err);
    fflush(f);
}
