/* tests/host/test_host_pkt.c - the packet parser of tcpfsm-tun (tools/host/pkt_parse.c) on every
   class of malformed input, every truncation and random mutations (built with ASan and UBSan: a
   read outside the buffer fails the test); the builder round trip; SipHash-2-4 against its
   reference vectors; the timer heap; the drop rules' syntax; the held out-of-order ranges and the
   receive ring's bytes held beyond its end. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "buf.h"
#include "drop.h"
#include "iss.h"
#include "pkt.h"
#include "reasm.h"
#include "timers.h"

#define SRC 0xc0000201u
#define DST 0xc0000202u

static uint8_t payload[100];

/* A valid packet with the MSS option and 100 bytes of text; returns its length. */
static size_t valid(uint8_t *b, size_t cap)
{
    struct tcpfsm_segment s = { .seq = 1000, .ack = 2000, .flags = TCPFSM_ACK | TCPFSM_PSH | TCPFSM_SYN,
                                .window = 65535, .len = sizeof payload, .mss = 1460,
                                .wscale = TCPFSM_WSCALE_NONE };
    memset(payload, 'x', sizeof payload);
    return pkt_build(b, cap, SRC, 40000, DST, 7, &s, payload);
}

static void wr16(uint8_t *p, unsigned v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }

/* Recompute both checksums (after an edit that must be the only defect). */
static void fix(uint8_t *b, size_t len)
{
    size_t ihl = (size_t)(b[0] & 15u) * 4u, tot = ((size_t)b[2] << 8) | b[3];
    wr16(b + 10, 0);
    wr16(b + 10, pkt_csum(b, ihl, 0));
    if (tot <= len && tot >= ihl + 18u) {
        wr16(b + ihl + 16, 0);
        wr16(b + ihl + 16, pkt_csum(b + ihl, tot - ihl, pkt_pseudo_sum(SRC, DST, (uint16_t)(tot - ihl))));
    }
}

static enum pkt_verdict parse(const uint8_t *b, size_t len)
{
    struct pkt p;
    /* a copy of exactly `len` bytes: ASan catches any read past them */
    uint8_t *c = malloc(len ? len : 1);
    enum pkt_verdict v;

    assert_non_null(c);
    memcpy(c, b, len);
    v = pkt_parse(c, len, &p);
    if (v == PKT_OK) {
        assert_true(p.payload >= c && p.payload + p.seg.len <= c + len);
    }
    free(c);
    return v;
}

static void test_pkt_valid_round_trip(void **state)
{
    uint8_t b[256];
    struct pkt p;
    size_t n = valid(b, sizeof b);

    (void)state;
    assert_int_equal(n, 20 + 24 + 100);
    assert_int_equal(pkt_parse(b, n, &p), PKT_OK);
    assert_int_equal(p.src, SRC);
    assert_int_equal(p.dport, 7);
    assert_int_equal(p.seg.seq, 1000);
    assert_int_equal(p.seg.ack, 2000);
    assert_int_equal(p.seg.len, 100);
    assert_int_equal(p.seg.mss, 1460);
    assert_int_equal(p.seg.wscale, TCPFSM_WSCALE_NONE);
    assert_int_equal(p.seg.flags, TCPFSM_ACK | TCPFSM_PSH | TCPFSM_SYN);
    assert_memory_equal(p.payload, payload, 100);
}

static void test_pkt_each_malformed_class(void **state)
{
    uint8_t b[256], m[256];
    size_t n = valid(b, sizeof b);

    (void)state;
#define CASE(expect, len, edit) do { memcpy(m, b, n); edit; assert_int_equal(parse(m, (len)), (expect)); } while (0)
    CASE(PKT_SHORT, 19, (void)0);
    CASE(PKT_SHORT, 0, (void)0);
    CASE(PKT_VERSION, n, (m[0] = 0x55, fix(m, n)));
    CASE(PKT_NOT_IPV4, n, m[0] = 0x60);
    CASE(PKT_IHL, n, (m[0] = 0x44));
    CASE(PKT_IHL, 40, (m[0] = 0x4f));                     /* 60 bytes of header in 40 */
    CASE(PKT_TOTLEN, n, (wr16(m + 2, (unsigned)n + 1), fix(m, n)));
    CASE(PKT_TOTLEN, n, (wr16(m + 2, 19), fix(m, n)));
    CASE(PKT_IP_CSUM, n, m[10] ^= 1);
    CASE(PKT_FRAGMENT, n, (wr16(m + 6, 0x2000), fix(m, n)));  /* MF */
    CASE(PKT_FRAGMENT, n, (wr16(m + 6, 0x4001), fix(m, n)));  /* offset 8 */
    CASE(PKT_NOT_TCP, n, (m[9] = 17, fix(m, n)));
    CASE(PKT_TCP_SHORT, 39, (wr16(m + 2, 39), fix(m, 39)));
    CASE(PKT_DATA_OFFSET, n, (m[32] = 0x40, fix(m, n)));     /* 16 bytes */
    CASE(PKT_DATA_OFFSET, 40, (wr16(m + 2, 40), m[32] = 0x60, fix(m, 40)));  /* 24 bytes in 20 */
    CASE(PKT_OPT_OVERRUN, n, (m[41] = 8, fix(m, n)));         /* MSS of length 8 in 4 bytes */
    CASE(PKT_OPT_OVERRUN, n, (m[40] = 8, m[41] = 1, fix(m, n)));   /* length below 2 */
    CASE(PKT_OPT_OVERRUN, n, (m[40] = 1, m[41] = 1, m[42] = 1, m[43] = 8, fix(m, n)));  /* kind, no length */
    CASE(PKT_OPT_MSS_LEN, n, (m[40] = 1, m[41] = 2, m[42] = 3, m[43] = 3, m[42] = 2, fix(m, n)));
    CASE(PKT_TCP_CSUM, n, m[n - 1] ^= 1);
    CASE(PKT_OK, n, fix(m, n));
#undef CASE
}

static void test_pkt_every_truncation(void **state)
{
    uint8_t b[256];
    size_t n = valid(b, sizeof b), len;

    (void)state;
    for (len = 0; len < n; len++)
        assert_int_not_equal(parse(b, len), PKT_OK);
    /* trailing bytes beyond the total length (link padding) are ignored */
    b[n] = 0xee;
    assert_int_equal(parse(b, n + 1), PKT_OK);
}

static uint32_t rng = 2463534242u;
static uint32_t xorshift(void) { rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5; return rng; }

static void test_pkt_random_mutations(void **state)
{
    uint8_t b[256], m[256];
    size_t n = valid(b, sizeof b);
    unsigned i, j, ok = 0, verdicts[PKT_VERDICT_COUNT] = { 0 };

    (void)state;
    for (i = 0; i < 200000; i++) {
        size_t len = n;
        enum pkt_verdict v;
        memcpy(m, b, n);
        for (j = xorshift() % 4 + 1; j > 0; j--)
            m[xorshift() % (i % 2 ? 60 : n)] ^= (uint8_t)(1u << (xorshift() % 8));
        if (xorshift() % 2)
            fix(m, n);               /* half with fixed checksums, to reach the checks behind them */
        if (xorshift() % 8 == 0)
            len = xorshift() % (n + 1);
        v = parse(m, len);
        assert_true((unsigned)v < PKT_VERDICT_COUNT);
        verdicts[v]++;
        ok += v == PKT_OK;
    }
    for (j = 0; j < PKT_VERDICT_COUNT; j++)
        print_message("  %-22s %u\n", pkt_verdict_name((enum pkt_verdict)j), verdicts[j]);
    assert_true(ok > 0);
}

/* SipHash-2-4 reference vectors (Aumasson and Bernstein): key 00..0f, message 00..(len-1). */
static void test_iss_siphash_vectors(void **state)
{
    uint8_t m[16];
    unsigned i;
    uint64_t k0 = 0x0706050403020100ULL, k1 = 0x0f0e0d0c0b0a0908ULL;

    (void)state;
    for (i = 0; i < sizeof m; i++)
        m[i] = (uint8_t)i;
    assert_true(iss_siphash(k0, k1, m, 0) == 0x726fdb47dd0e0e31ULL);
    assert_true(iss_siphash(k0, k1, m, 15) == 0xa129ca6149be45e5ULL);
}

static void test_iss_per_connection(void **state)
{
    (void)state;
    assert_int_equal(iss_init(), 0);
    /* the same instant, two 4-tuples: different ISS (a collision has probability 2^-32) */
    assert_int_not_equal(iss_for(DST, 7, SRC, 40000, 0), iss_for(DST, 7, SRC, 40001, 0));
    /* the same 4-tuple: M advances with the 4-microsecond clock */
    assert_int_equal(iss_for(DST, 7, SRC, 40000, 400) - iss_for(DST, 7, SRC, 40000, 0), 100);
}

static void test_timers_order(void **state)
{
    static struct timers t;
    uint64_t when, last = 0;
    unsigned i;

    (void)state;
    for (i = 0; i < 1000; i++)
        assert_int_equal(timers_add(&t, xorshift() % 5000, i), 0);
    assert_int_equal(timers_add(&t, UINT64_MAX, 0), 0);   /* no deadline: nothing recorded */
    for (i = 0; i < 1000; i++) {
        (void)timers_pop(&t, &when);
        assert_true(when >= last);
        last = when;
    }
    assert_true(timers_peek(&t) == UINT64_MAX);
}

static void test_drop_rules(void **state)
{
    struct drop_rules d;
    char err[128];
    struct tcpfsm_segment syn = { .flags = TCPFSM_SYN }, data = { .flags = TCPFSM_ACK, .len = 10 };

    (void)state;
    memset(&d, 0, sizeof d);
    assert_int_equal(drop_add(&d, "out:data:2", err), 0);
    assert_int_equal(drop_add(&d, "in:syn", err), 0);
    assert_int_equal(drop_add(&d, "up:syn", err), -1);
    assert_int_equal(drop_add(&d, "out:urg", err), -1);
    assert_int_equal(drop_add(&d, "out:fin:0", err), -1);
    assert_int_equal(drop_match(&d, 1, &data, TCPFSM_ESTABLISHED), 0);
    assert_int_equal(drop_match(&d, 1, &data, TCPFSM_ESTABLISHED), 1);
    assert_int_equal(drop_match(&d, 1, &data, TCPFSM_ESTABLISHED), 0);   /* once */
    assert_int_equal(drop_match(&d, 1, &syn, TCPFSM_SYN_SENT), 0);      /* the rule is for in */
    assert_int_equal(drop_match(&d, 0, &syn, -1), 1);
}

/* Held ranges: merged when they overlap or touch, forgotten below RCV.NXT, taken as one run from
   RCV.NXT, across 2^32; a full table refuses (the host then simply does not hold). */
static void test_reasm_ranges(void **state)
{
    struct reasm r;
    uint32_t base = 0xfffffff0u;
    unsigned i;
    (void)state;
    reasm_clear(&r);
    assert_int_equal(reasm_take(&r, base), 0);
    assert_int_equal(reasm_add(&r, base + 20u, 10), 0);      /* [20, 30) */
    assert_int_equal(reasm_add(&r, base + 40u, 10), 0);      /* [40, 50) */
    assert_int_equal(reasm_add(&r, base + 30u, 10), 0);      /* fills the gap: [20, 50) */
    assert_int_equal(r.n, 1);
    assert_int_equal(reasm_take(&r, base + 10u), 0);         /* a gap before it */
    assert_int_equal(reasm_take(&r, base + 25u), 25);        /* RCV.NXT inside: the rest */
    assert_int_equal(r.n, 0);
    assert_int_equal(reasm_add(&r, base + 5u, 5), 0);
    assert_int_equal(reasm_take(&r, base + 10u), 0);         /* all below RCV.NXT: forgotten */
    assert_int_equal(r.n, 0);
    for (i = 0; i < REASM_RANGES; i++)
        assert_int_equal(reasm_add(&r, base + 100u * i, 10), 0);
    assert_int_equal(reasm_add(&r, base + 5000u, 10), -1);
    assert_int_equal(reasm_add(&r, base + 10u, 90), 0);      /* joins the first two */
    assert_int_equal(r.n, REASM_RANGES - 1u);
}

/* Bytes written beyond the end of the ring stay out of it until committed, at their offset. */
static void test_buf_put_at(void **state)
{
    struct buf b;
    uint8_t got[8];
    (void)state;
    assert_int_equal(buf_init(&b, 8), 0);
    assert_int_equal(buf_put(&b, (const uint8_t *)"ab", 2), 2);
    buf_drop(&b, 1);                                         /* head moves: "b" */
    buf_put_at(&b, 2, (const uint8_t *)"ef", 2);             /* held: "b", gap "cd", "ef" */
    assert_int_equal(b.len, 1);
    assert_int_equal(buf_put(&b, (const uint8_t *)"cd", 2), 2);
    buf_commit(&b, 2);
    assert_int_equal(b.len, 5);
    buf_peek(&b, 0, got, 5);
    assert_memory_equal(got, "bcdef", 5);
    buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pkt_valid_round_trip),
        cmocka_unit_test(test_pkt_each_malformed_class),
        cmocka_unit_test(test_pkt_every_truncation),
        cmocka_unit_test(test_pkt_random_mutations),
        cmocka_unit_test(test_iss_siphash_vectors),
        cmocka_unit_test(test_iss_per_connection),
        cmocka_unit_test(test_timers_order),
        cmocka_unit_test(test_drop_rules),
        cmocka_unit_test(test_reasm_ranges),
        cmocka_unit_test(test_buf_put_at),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
