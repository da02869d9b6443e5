/*
 * bench.c - `make bench`: the size of a connection block and the cost of the core's entry points.
 *
 * Two connection blocks talk to each other through the public API only (segments passed by value,
 * no network): a full handshake, 64 data segments each way, and a four-way close with TIME-WAIT
 * expiry, repeated. Reports nanoseconds per connection lifetime and per call.
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "tcpfsm.h"

#define ITERATIONS 200000u
#define DATA_SEGMENTS 64u

static unsigned long long calls;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Delivers every segment in `out` to `peer`, and what that produces back, until both are quiet. */
static void exchange(struct tcpfsm_conn *from, struct tcpfsm_conn *to, tcpfsm_time_t now,
                     struct tcpfsm_output *out)
{
    struct tcpfsm_output reply;
    unsigned i;
    unsigned rounds = 0;
    while (out->count > 0 && rounds++ < 16) {
        reply.count = 0;
        for (i = 0; i < out->count; i++) {
            struct tcpfsm_output r;
            tcpfsm_segment(to, now, &out->segments[i], &r);
            calls++;
            for (unsigned j = 0; j < r.count && reply.count < TCPFSM_MAX_SEGMENTS; j++)
                reply.segments[reply.count++] = r.segments[j];
        }
        *out = reply;
        { struct tcpfsm_conn *t = from; from = to; to = t; }
    }
}

static int lifetime(const struct tcpfsm_config *cfg, uint32_t iter)
{
    struct tcpfsm_conn client, server;
    struct tcpfsm_output out;
    tcpfsm_time_t now = 1000;
    unsigned i;

    tcpfsm_init(&client, cfg);
    tcpfsm_init(&server, cfg);
    tcpfsm_open_passive(&server, now, 0x80000000u + iter, &out); calls++;
    tcpfsm_open_active(&client, now, 0xfffff000u + iter, &out); calls++;
    exchange(&client, &server, now, &out);
    if (tcpfsm_state(&client) != TCPFSM_ESTABLISHED || tcpfsm_state(&server) != TCPFSM_ESTABLISHED)
        return -1;
    for (i = 0; i < DATA_SEGMENTS; i++) {
        now += 10;
        tcpfsm_send(&client, now, 1000, &out); calls++;
        exchange(&client, &server, now, &out);
        tcpfsm_consumed(&server, now, 1000, &out); calls++;
        exchange(&server, &client, now, &out);
        tcpfsm_send(&server, now, 1000, &out); calls++;
        exchange(&server, &client, now, &out);
        tcpfsm_consumed(&client, now, 1000, &out); calls++;
        exchange(&client, &server, now, &out);
    }
    tcpfsm_close(&client, now, &out); calls++;
    exchange(&client, &server, now, &out);
    tcpfsm_close(&server, now, &out); calls++;
    exchange(&server, &client, now, &out);
    if (tcpfsm_state(&client) != TCPFSM_TIME_WAIT || tcpfsm_state(&server) != TCPFSM_CLOSED)
        return -1;
    tcpfsm_timer(&client, now + 2ull * cfg->msl, &out); calls++;
    return tcpfsm_state(&client) == TCPFSM_CLOSED ? 0 : -1;
}

int main(void)
{
    const struct tcpfsm_config *cfg = &tcpfsm_profile_rfc;
    double start, elapsed;
    uint32_t i;

    printf("sizeof(struct tcpfsm_conn)   = %zu bytes (target: 64 or less on x86-64)\n",
           sizeof(struct tcpfsm_conn));
    printf("sizeof(struct tcpfsm_output) = %zu bytes\n", sizeof(struct tcpfsm_output));
    printf("sizeof(tcpfsm_table)         = %zu bytes\n", sizeof(tcpfsm_table));

    if (lifetime(cfg, 0) != 0) {
        fprintf(stderr, "bench: a connection lifetime did not go CLOSED -> ESTABLISHED -> CLOSED\n");
        return 1;
    }
    calls = 0;
    start = now_seconds();
    for (i = 0; i < ITERATIONS; i++) {
        if (lifetime(cfg, i) != 0) {
            fprintf(stderr, "bench: lifetime %u failed\n", (unsigned)i);
            return 1;
        }
    }
    elapsed = now_seconds() - start;
    printf("connection lifetimes         = %u (handshake, %u data segments each way, close, TIME-WAIT)\n",
           ITERATIONS, DATA_SEGMENTS);
    printf("ns per lifetime              = %.0f\n", elapsed * 1e9 / ITERATIONS);
    printf("ns per core call             = %.1f (%llu calls)\n", elapsed * 1e9 / (double)calls, calls);
    return 0;
}
