/*
 * bench_scale.c - N concurrent tcpfsm connections through open, data, close and TIME-WAIT expiry,
 * with a host-side timer wheel; prints `N max_rss_kib seconds` (make bench runs 10^4, 10^5, 10^6).
 *
 * Every connection is an active opener whose peer is simulated (its segments are made up here):
 * phase 1 opens all N (SYN out, SYN+ACK in), phase 2 sends one full segment on each, receives
 * one with the ACK of ours and consumes it, phase 3 closes all N (FIN out, ACK in, FIN in: all N
 * are in TIME-WAIT at once), phase 4 advances the clock past 2*MSL and the wheel expires them.
 * Each connection costs its struct tcpfsm_conn plus two 32-bit wheel links.
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

#include "tcpfsm.h"

#define MSS 1460u
#define TICK_SHIFT 16                 /* one wheel slot = 65.536 ms */
#define WHEEL_SLOTS 4096u             /* 268 s: more than TIME-WAIT (2*MSL = 240 s) and any RTO */
#define NIL 0xffffffffu
#define UNLINKED 0xfffffffeu

struct slot {
    struct tcpfsm_conn c;
    uint32_t prev, next;              /* doubly linked list of one wheel slot */
};

static struct slot *slots;
static uint32_t wheel[WHEEL_SLOTS];
static uint64_t wheel_tick;           /* the earliest slot not yet scanned */
static unsigned long expired;

/* The connection's deadline changed from `old` (where it is linked) to its current one. */
static void wheel_update(uint32_t i, tcpfsm_time_t old)
{
    struct slot *s = &slots[i];
    tcpfsm_time_t d = tcpfsm_deadline(&s->c);
    uint32_t *head;

    if (s->prev != UNLINKED) {
        if (s->prev == NIL)
            wheel[(old >> TICK_SHIFT) % WHEEL_SLOTS] = s->next;
        else
            slots[s->prev].next = s->next;
        if (s->next != NIL)
            slots[s->next].prev = s->prev;
        s->prev = UNLINKED;
    }
    if (d == TCPFSM_NO_DEADLINE)
        return;
    head = &wheel[(d >> TICK_SHIFT) % WHEEL_SLOTS];
    s->prev = NIL;
    s->next = *head;
    if (*head != NIL)
        slots[*head].prev = i;
    *head = i;
}

/* Fires every deadline at or before `now`. */
static void wheel_advance(tcpfsm_time_t now)
{
    struct tcpfsm_output out;
    uint64_t t;

    for (t = wheel_tick; t <= (now >> TICK_SHIFT); t++) {
        uint32_t j = wheel[t % WHEEL_SLOTS];
        while (j != NIL) {
            uint32_t next = slots[j].next;
            tcpfsm_time_t d = tcpfsm_deadline(&slots[j].c);
            if (d <= now) {
                tcpfsm_timer(&slots[j].c, now, &out);
                if (tcpfsm_state(&slots[j].c) == TCPFSM_CLOSED)
                    expired++;
                wheel_update(j, d);
            }
            j = next;
        }
    }
    wheel_tick = now >> TICK_SHIFT;
}

static int seg(uint32_t i, tcpfsm_time_t now, uint32_t seq, uint16_t flags, uint16_t len, struct tcpfsm_output *out)
{
    struct tcpfsm_segment s;
    tcpfsm_time_t old = tcpfsm_deadline(&slots[i].c);
    s.seq = seq;
    s.ack = tcpfsm_snd_nxt(&slots[i].c);
    s.flags = flags;
    s.window = 65535u;
    s.len = len;
    s.mss = (flags & TCPFSM_SYN) != 0u ? (uint16_t)MSS : 0u;   /* the peer's MSS option */
    s.wscale = TCPFSM_WSCALE_NONE;
    if (tcpfsm_segment(&slots[i].c, now, &s, out) != TCPFSM_OK)
        return -1;
    wheel_update(i, old);
    return 0;
}

static int fail(uint32_t i, const char *what)
{
    fprintf(stderr, "bench-scale: connection %u: %s (state %s)\n", (unsigned)i, what,
            tcpfsm_state_name(tcpfsm_state(&slots[i].c)));
    return 1;
}

int main(int argc, char **argv)
{
    struct tcpfsm_config cfg = tcpfsm_profile_rfc;
    struct tcpfsm_output out;
    struct timespec t0, t1;
    struct rusage ru;
    tcpfsm_time_t now = 1000000u, old;
    unsigned long n;
    uint32_t i;
    char *end;

    if (argc != 2) {
        fprintf(stderr, "usage: %s N (connections, 1 .. 4294967293)\n", argv[0]);
        return 2;
    }
    n = strtoul(argv[1], &end, 10);
    if (*argv[1] < '0' || *argv[1] > '9' || *end != '\0' || n == 0 || n >= UNLINKED) {
        fprintf(stderr, "bench-scale: expected a connection count from 1 to 4294967293, got '%s'\n", argv[1]);
        return 2;
    }
    cfg.mss = MSS;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    slots = malloc(n * sizeof *slots);
    if (slots == NULL) {
        fprintf(stderr, "bench-scale: cannot allocate %lu connections\n", n);
        return 1;
    }
    memset(wheel, 0xff, sizeof wheel);
    wheel_tick = now >> TICK_SHIFT;
#define IRS(i) (0x70000000u + (uint32_t)(i) * 8192u)
    for (i = 0; i < n; i++) {                             /* 1: open */
        slots[i].prev = UNLINKED;
        tcpfsm_init(&slots[i].c, &cfg);
        tcpfsm_open_active(&slots[i].c, now, 0x10000000u + i * 8192u, &out);
        wheel_update(i, TCPFSM_NO_DEADLINE);
        if (seg(i, now, IRS(i), TCPFSM_SYN | TCPFSM_ACK, 0, &out) != 0
            || tcpfsm_state(&slots[i].c) != TCPFSM_ESTABLISHED)
            return fail(i, "not ESTABLISHED after the handshake");
    }
    now += 1000u;
    for (i = 0; i < n; i++) {                             /* 2: data both ways */
        old = tcpfsm_deadline(&slots[i].c);
        tcpfsm_send(&slots[i].c, now, MSS, &out);
        wheel_update(i, old);
        if (out.count != 1)
            return fail(i, "no data segment sent");
        if (seg(i, now + 500u, IRS(i) + 1u, TCPFSM_ACK | TCPFSM_PSH, MSS, &out) != 0
            || tcpfsm_rcv_nxt(&slots[i].c) != IRS(i) + 1u + MSS
            || tcpfsm_snd_una(&slots[i].c) != tcpfsm_snd_nxt(&slots[i].c))
            return fail(i, "data or its ACK not accepted");
        old = tcpfsm_deadline(&slots[i].c);
        tcpfsm_consumed(&slots[i].c, now + 500u, MSS, &out);
        wheel_update(i, old);
    }
    now += 1000u;
    for (i = 0; i < n; i++) {                             /* 3: close; all N end in TIME-WAIT */
        old = tcpfsm_deadline(&slots[i].c);
        tcpfsm_close(&slots[i].c, now, &out);
        wheel_update(i, old);
        if (seg(i, now, IRS(i) + 1u + MSS, TCPFSM_ACK, 0, &out) != 0
            || seg(i, now, IRS(i) + 1u + MSS, TCPFSM_FIN | TCPFSM_ACK, 0, &out) != 0
            || tcpfsm_state(&slots[i].c) != TCPFSM_TIME_WAIT)
            return fail(i, "not in TIME-WAIT after the close");
    }
    wheel_advance(now);
    now += 2ull * cfg.msl + 1u;                           /* 4: TIME-WAIT expires */
    wheel_advance(now);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (expired != n) {
        fprintf(stderr, "bench-scale: %lu of %lu connections expired from TIME-WAIT\n", expired, n);
        return 1;
    }
    for (i = 0; i < n; i++)
        if (tcpfsm_state(&slots[i].c) != TCPFSM_CLOSED)
            return fail(i, "not CLOSED after TIME-WAIT");
    getrusage(RUSAGE_SELF, &ru);
    printf("%lu %ld %.6f\n", n, ru.ru_maxrss,
           (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    free(slots);
    return 0;
}
