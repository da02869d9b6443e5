/* tests/host/test_host_input.c - the whole host (tools/host/host.c: demux, buffers, the core,
   timers) fed random and mutated segments for a few 4-tuples, with the clock, under ASan and
   UBSan: no crash, no out-of-bounds access, every packet accounted for, every connection block
   either in use in a state or free. Packets go to /dev/null; the host's narration too. */
#define _DEFAULT_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <cmocka.h>

#include "demux.h"
#include "host.h"
#include "iss.h"

#define US 0xc0000202u
#define PEER 0xc0000201u

static uint32_t rng = 88172645u;
static uint32_t xorshift(void) { rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5; return rng; }

static void test_host_input_random_segments(void **state)
{
    static struct host h;
    static uint8_t payload[1500], pkt[1600];
    unsigned i, used, valid = 0;
    uint64_t total = 0;

    (void)state;
    assert_int_equal(iss_init(), 0);
    {
    int saved = dup(1), quiet = open("/dev/null", O_WRONLY);

    assert_true(saved >= 0 && quiet >= 0);
    fflush(stdout);
    dup2(quiet, 1);
    memset(&h, 0, sizeof h);
    h.fd = open("/dev/null", O_WRONLY);
    assert_true(h.fd >= 0);
    h.o.addr = US;
    h.o.listen_port = 7;
    h.o.cfg = tcpfsm_profile_linux;
    h.o.cfg.mss = 1460;
    h.o.cfg.msl = 1000;                /* tiny: TIME-WAIT ends within the run */
    h.o.cfg.rto_initial = h.o.cfg.rto_min = 1000;
    h.t0 = host_now();
    memset(payload, 'p', sizeof payload);
    for (i = 0; i < 100000; i++) {
        struct tcpfsm_segment s;
        uint16_t flags[] = { TCPFSM_SYN, TCPFSM_ACK, TCPFSM_ACK | TCPFSM_PSH, TCPFSM_FIN | TCPFSM_ACK,
                             TCPFSM_RST, TCPFSM_RST | TCPFSM_ACK, TCPFSM_SYN | TCPFSM_ACK, 0x3f };
        size_t n;
        uint16_t port = (uint16_t)(40000 + xorshift() % 4);
        struct hconn *k = demux_find(&h, US, 7, PEER, port);
        s.seq = xorshift() % 4 == 0 ? xorshift() : 1000u + xorshift() % 70000u;
        s.ack = xorshift();
        s.flags = flags[xorshift() % 8];
        s.window = (uint16_t)xorshift();
        s.len = (uint16_t)(xorshift() % 3 == 0 ? xorshift() % 1400 : 0);
        if (k != NULL && xorshift() % 4 != 0) {
            /* a segment the connection expects: in-window, acknowledging what was sent */
            s.seq = tcpfsm_rcv_nxt(&k->c);
            s.ack = tcpfsm_snd_nxt(&k->c) - (xorshift() % 2 ? 0u : xorshift() % 3000u);
            s.flags = flags[1 + xorshift() % 5];
        }
        s.mss = xorshift() % 2 ? (uint16_t)(xorshift() % 2000) : 0;
        s.wscale = xorshift() % 2 ? (uint16_t)(xorshift() % 16) : (uint16_t)TCPFSM_WSCALE_NONE;
        n = pkt_build(pkt, sizeof pkt, PEER, port, US,
                      (uint16_t)(xorshift() % 8 ? 7 : 9), &s, payload);
        assert_true(n > 0);
        if (xorshift() % 16 == 0)
            pkt[xorshift() % n] ^= (uint8_t)(1u << (xorshift() % 8));   /* mostly dropped by the parser */
        host_input(&h, pkt, n);
        if (i % 64 == 0) {
            usleep(50);
            host_timers(&h);
        }
    }
    fflush(stdout);
    dup2(saved, 1);
    close(quiet);
    }
    for (i = 0; i < PKT_VERDICT_COUNT; i++)
        total += h.ctr_verdict[i];
    assert_true(total == h.ctr_rx);
    valid = (unsigned)h.ctr_verdict[PKT_OK];
    assert_true(valid > 90000);
    for (i = 0, used = 0; i < HOST_CONNS; i++)
        if (h.conns[i].used) {
            used++;
            assert_true(tcpfsm_state(&h.conns[i].c) < TCPFSM_STATE_COUNT);
            assert_true(h.conns[i].snd.len <= h.conns[i].snd.cap);
        }
    fprintf(stderr, "  %u packets, %u valid, %u connections closed, %u in use, %llu answered without connection\n",
            (unsigned)h.ctr_rx, valid, h.closed, used, (unsigned long long)h.ctr_no_conn);
    assert_int_equal(h.ctr_tx_err, 0);
    close(h.fd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_host_input_random_segments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
