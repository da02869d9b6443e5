/* tools/host/host.c - the glue between packets, the tcpfsm core and the application: feeds each
   segment, user call and deadline to the core, emits what it returns, keeps the bytes of the data
   contract (an outgoing segment carries stream bytes from offset seq - (ISS + 1); SIG_DATA means
   RCV.NXT advanced over bytes of the segment just given), prints each state change and event. */
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

static const char *const event_names[8] = {
    "CONNECTED", "PEER_CLOSED", "RESET", "REFUSED", "TIMEOUT", "CLOSED", "DATA", "ACKED"
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
static int settle(struct host *h, struct hconn *k, int st0, const struct tcpfsm_output *out)
{
    int st = tcpfsm_state(&k->c);
    unsigned i;

    for (i = 0; i < out->count; i++)
        emit(h, k, &out->segments[i]);
    release_acked(k);
    if (st != st0)
        say(h, k, "state %s -> %s", tcpfsm_state_name((enum tcpfsm_state)st0),
            tcpfsm_state_name((enum tcpfsm_state)st));
    for (i = 0; i < 8; i++)
        if ((out->events & (1u << i)) && i < 6)
            say(h, k, "event %s", event_names[i]);
    if (out->events & TCPFSM_SIG_PEER_CLOSED)
        k->peer_closed = 1;
    if (out->events & TCPFSM_SIG_REFUSED) h->exit_code = 2;
    if (out->events & TCPFSM_SIG_RESET) h->exit_code = 3;
    if (out->events & TCPFSM_SIG_TIMEOUT) h->exit_code = 4;
    if (st == TCPFSM_TIME_WAIT && st0 != TCPFSM_TIME_WAIT)
        k->tw_since = host_now();
    if (st0 == TCPFSM_TIME_WAIT && st == TCPFSM_SYN_RECEIVED) {
        /* API gap (issue 13): a TIME-WAIT reopen (T115) comes without an event, and with an ISS
           the core chose (old SND.NXT + 65537): the host sees it only as this state change, and
           learns the new ISS from SND.UNA. */
        say(h, k, "reopened from TIME-WAIT, ISS %u", tcpfsm_snd_una(&k->c));
        buf_drop(&k->snd, k->snd.len);
        buf_drop(&k->rcv, k->rcv.len);
        k->snd_seq = tcpfsm_snd_una(&k->c) + 1u;
        k->peer_closed = k->close_called = 0;
        k->rx_total = k->tx_total = 0;
    }
    if (st == TCPFSM_LISTEN && st0 != TCPFSM_LISTEN && st0 != TCPFSM_CLOSED) {
        /* API gap (issue 13): a passive connection falling back to LISTEN (T24, T32) comes without
           an event; the host, which made this block for one SYN, frees it. */
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
        /* API gap (issue 13): tcpfsm_send emits at most 3 segments per call and nothing continues
           it except another tcpfsm_send, which FIN-WAIT-1 and LAST-ACK refuse (TCPFSM_ERR_CLOSING):
           the host pushes with tcpfsm_send(0) while data is queued and the window is open ... */
        while (tcpfsm_snd_queued(&k->c) > 0 && can_write(k)
               && (uint32_t)tcpfsm_snd_wnd(&k->c) > tcpfsm_snd_nxt(&k->c) - tcpfsm_snd_una(&k->c)) {
            st0 = tcpfsm_state(&k->c);
            (void)tcpfsm_send(&k->c, host_now(), 0, &out);
            if (!settle(h, k, st0, &out)) return 0;
            if (out.count == 0) break;
        }
        want_close = h->o.connect_port == 0
            ? k->rcv.len == 0 && (k->peer_closed || (h->o.close_after && k->rx_total >= h->o.close_after))
            : k->sent_file_done && (k->peer_closed || (h->o.close_after && k->rx_total >= h->o.close_after));
        /* ... and calls CLOSE only once nothing is queued, so that the FIN never waits behind
           data that no call could push any more. */
        if (want_close && !k->close_called && tcpfsm_snd_queued(&k->c) == 0) {
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
static struct hconn *passive_open(struct host *h, const struct pkt *p)
{
    struct tcpfsm_output out;
    struct hconn *k = demux_alloc(h, p->dst, p->dport, p->src, p->sport);
    uint32_t iss;

    if (k == NULL) {
        h->ctr_no_room++;
        return NULL;
    }
    /* API gap (issue 13): tcpfsm_open_passive takes the ISS before the peer is known; RFC 6528
       wants it from the 4-tuple. The host opens one listening block per arriving SYN, once its
       4-tuple is known, instead of one listener for the port. */
    iss = iss_for(p->dst, p->dport, p->src, p->sport, host_now());
    (void)tcpfsm_open_passive(&k->c, host_now(), iss, &out);
    k->snd_seq = iss + 1u;
    if (!settle(h, k, TCPFSM_CLOSED, &out))
        return NULL;
    return k;
}

/* Bytes of this segment that SIG_DATA delivered: RCV.NXT moved from r0 to RCV.NXT now.
   API gap (issue 13): SIG_DATA does not say which bytes were delivered; the host compares RCV.NXT
   before and after the call and takes off the FIN. Out-of-order text is acknowledged and dropped
   by the core, with no way for the host to keep it (no reassembly path): the peer resends it. */
static void absorb(struct hconn *k, const struct pkt *p, int st0, uint32_t r0)
{
    uint32_t data_seq = p->seg.seq + ((p->seg.flags & TCPFSM_SYN) ? 1u : 0u);
    uint32_t start = st0 == TCPFSM_SYN_SENT ? data_seq : r0;
    uint32_t off = start - data_seq, n = tcpfsm_rcv_nxt(&k->c) - start;

    if (off > p->seg.len)
        return;
    if (n > p->seg.len - off)
        n = p->seg.len - off;     /* the FIN */
    n = (uint32_t)buf_put(&k->rcv, p->payload + off, n);
    k->rx_total += n;
}

void host_input(struct host *h, const uint8_t *buf, size_t len)
{
    struct tcpfsm_output out;
    struct pkt p;
    struct hconn *k;
    enum pkt_verdict v = pkt_parse(buf, len, &p);
    int st0;
    uint32_t r0;
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
        && (p.seg.flags & (TCPFSM_SYN | TCPFSM_ACK | TCPFSM_RST)) == TCPFSM_SYN)
        k = passive_open(h, &p);
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
    r0 = tcpfsm_rcv_nxt(&k->c);
    (void)tcpfsm_segment(&k->c, host_now(), &p.seg, &out);
    if (out.events & TCPFSM_SIG_DATA)
        absorb(k, &p, st0, r0);
    if (settle(h, k, st0, &out))
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
