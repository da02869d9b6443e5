/* tests/bench/harness.h - the driver shared by every implementation of the instruction-count bench.
 *
 * Each implementation (bench_tcpfsm.c, bench_lwip.c) defines bench_setup() and one function per
 * workload, which runs ONE iteration and returns 0 when it ended where it must (a state check).
 * The work that counts is done inside functions whose names start with `m_` (never nested):
 * tests/bench/run.sh runs callgrind with --collect-atstart=no --toggle-collect='m_*', twice with
 * different iteration counts, and divides the difference, so start-up and the driver cancel.
 *
 *   bench-IMPL WORKLOAD N         run N iterations (for callgrind)
 *   bench-IMPL WORKLOAD N time    also print the wall-clock ns per iteration (driver included)
 *   bench-IMPL sizeof             print the bytes of one connection block
 */
#ifndef BENCH_HARNESS_H
#define BENCH_HARNESS_H

#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define M_FN __attribute__((noinline, noclone))

static int bench_setup(void);
static size_t bench_conn_bytes(void);
static int w_passive(unsigned long i);
static int w_active(unsigned long i);
static int w_data(unsigned long i);
static int w_ack(unsigned long i);

static const struct { const char *name; int (*fn)(unsigned long); } bench_workloads[] = {
    { "passive_lifecycle", w_passive },
    { "active_lifecycle", w_active },
    { "data_segment_in", w_data },
    { "ack_in", w_ack },
};

int main(int argc, char **argv)
{
    unsigned long n, i;
    char *end;
    size_t w;
    struct timespec t0, t1;

    if (argc == 2 && strcmp(argv[1], "sizeof") == 0) {
        printf("%zu\n", bench_conn_bytes());
        return 0;
    }
    if (argc < 3 || argc > 4 || (argc == 4 && strcmp(argv[3], "time") != 0)) {
        fprintf(stderr, "usage: %s WORKLOAD N [time]\n", argv[0]);
        return 2;
    }
    for (w = 0; w < sizeof bench_workloads / sizeof bench_workloads[0]; w++)
        if (strcmp(argv[1], bench_workloads[w].name) == 0)
            break;
    if (w == sizeof bench_workloads / sizeof bench_workloads[0]) {
        fprintf(stderr, "%s: unknown workload '%s' (expected passive_lifecycle, active_lifecycle, "
                        "data_segment_in or ack_in)\n", argv[0], argv[1]);
        return 2;
    }
    n = strtoul(argv[2], &end, 10);
    if (*argv[2] < '0' || *argv[2] > '9' || *end != '\0' || n == 0) {
        fprintf(stderr, "%s: expected a positive iteration count, got '%s'\n", argv[0], argv[2]);
        return 2;
    }
    if (bench_setup() != 0) {
        fprintf(stderr, "%s: setup failed\n", argv[0]);
        return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (i = 0; i < n; i++) {
        if (bench_workloads[w].fn(i) != 0) {
            fprintf(stderr, "%s: %s: iteration %lu did not end where it must\n", argv[0], argv[1], i);
            return 1;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (argc == 4)
        printf("%.1f\n", ((double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec)) / (double)n);
    return 0;
}

#endif
