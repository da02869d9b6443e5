/*
 * bench_tcpfsm.c - the instruction-count workloads (harness.h) on tcpfsm.
 *
 * BENCH_HEADERS=0: the core alone: the measured calls take and give struct tcpfsm_segment.
 * BENCH_HEADERS=1: the core plus the host's header code (tools/host/pkt_parse.c, pkt_build.c):
 * every arriving segment is an IPv4/TCP packet parsed (both checksums verified, options read)
 * inside the measured call, and every segment the core emits is built into a packet (both
 * checksums computed). Neither variant demultiplexes (the connection is known) nor copies payload.
 */
#include "harness.h"

#include "tcpfsm.h"
#if BENCH_HEADERS
#include "pkt.h"
#endif

#define MSS 1460u
#define LADDR 0xc0000201u /* 192.0.2.1 */
#define RADDR 0xc0000202u /* 192.0.2.2 */
#define LPORT 80u
#define RPORT 40000u

static struct tcpfsm_config cfg;
static struct tcpfsm_conn life, est;       /* lifecycles; the established connection */
static struct tcpfsm_output out;
static struct tcpfsm_segment inseg;
static uint32_t peer_nxt;                  /* the peer's next sequence number towards est */
#if BENCH_HEADERS
static uint8_t rx[1600], tx[1600], payload[MSS];
static size_t rxlen, txlen;
#endif

/* The segment that arrives next (prepared outside the measured calls). */
static void arrive(uint32_t seq, uint32_t ack, uint16_t flags, uint16_t len)
{
    inseg.seq = seq;
    inseg.ack = ack;
    inseg.flags = flags;
    inseg.window = 65535u;
    inseg.len = len;
    inseg.mss = (flags & TCPFSM_SYN) != 0 ? MSS : 0;
    inseg.wscale = TCPFSM_WSCALE_NONE;
#if BENCH_HEADERS
    rxlen = pkt_build(rx, sizeof rx, RADDR, RPORT, LADDR, LPORT, &inseg, payload);
#endif
}

/* Inside the measured calls: what the core emitted becomes packets. */
static inline int emit(void)
{
#if BENCH_HEADERS
    unsigned k;
    for (k = 0; k < out.count; k++) {
        txlen = pkt_build(tx, sizeof tx, LADDR, LPORT, RADDR, RPORT, &out.segments[k], payload);
        if (txlen == 0)
            return -1;
    }
#endif
    return 0;
}

M_FN static int m_segment(struct tcpfsm_conn *c, tcpfsm_time_t now)
{
#if BENCH_HEADERS
    struct pkt p;
    if (pkt_parse(rx, rxlen, &p) != PKT_OK)
        return -1;
    tcpfsm_segment(c, now, &p.seg, &out);
#else
    tcpfsm_segment(c, now, &inseg, &out);
#endif
    return emit();
}

/* An in-order data segment arrives, the core decides the ACK, the application consumes it. */
M_FN static int m_data(struct tcpfsm_conn *c, tcpfsm_time_t now)
{
#if BENCH_HEADERS
    struct pkt p;
    if (pkt_parse(rx, rxlen, &p) != PKT_OK)
        return -1;
    tcpfsm_segment(c, now, &p.seg, &out);
    if (emit() != 0)
        return -1;
    tcpfsm_consumed(c, now, p.seg.len, &out);
#else
    tcpfsm_segment(c, now, &inseg, &out);
    tcpfsm_consumed(c, now, inseg.len, &out);
#endif
    return emit();
}

M_FN static int m_open(struct tcpfsm_conn *c, tcpfsm_time_t now, uint32_t iss, int active)
{
    tcpfsm_init(c, &cfg);
    if (active)
        tcpfsm_open_active(c, now, iss, &out);
    else
        tcpfsm_open_passive(c, now, iss, &out);
    return emit();
}

M_FN static int m_close(struct tcpfsm_conn *c, tcpfsm_time_t now)
{
    tcpfsm_close(c, now, &out);
    return emit();
}

M_FN static int m_timer(struct tcpfsm_conn *c, tcpfsm_time_t now)
{
    tcpfsm_timer(c, now, &out);
    return emit();
}

static int expect(const struct tcpfsm_conn *c, enum tcpfsm_state s, unsigned segments)
{
    return tcpfsm_state(c) == s && out.count == segments ? 0 : -1;
}

static size_t bench_conn_bytes(void)
{
    return sizeof(struct tcpfsm_conn);
}

static int bench_setup(void)
{
    uint32_t iss = 1000u;
    cfg = tcpfsm_profile_rfc;
    cfg.mss = MSS;
    peer_nxt = 5000u;
    if (m_open(&est, 1, iss, 0) != 0)
        return -1;
    arrive(peer_nxt, 0, TCPFSM_SYN, 0);
    if (m_segment(&est, 1) != 0 || expect(&est, TCPFSM_SYN_RECEIVED, 1) != 0)
        return -1;
    peer_nxt++;
    arrive(peer_nxt, iss + 1u, TCPFSM_ACK, 0);
    if (m_segment(&est, 1) != 0)
        return -1;
    return tcpfsm_state(&est) == TCPFSM_ESTABLISHED ? 0 : -1;
}

/* SYN in, SYN+ACK out, ACK in, FIN+ACK in, ACK out, close, FIN out, ACK in: CLOSED. */
static int w_passive(unsigned long i)
{
    tcpfsm_time_t now = 1000u + i * 10u;
    uint32_t iss = 0x10000000u + (uint32_t)i * 4096u, irs = 0x70000000u + (uint32_t)i * 4096u;

    if (m_open(&life, now, iss, 0) != 0 || expect(&life, TCPFSM_LISTEN, 0) != 0)
        return -1;
    arrive(irs, 0, TCPFSM_SYN, 0);
    if (m_segment(&life, now) != 0 || expect(&life, TCPFSM_SYN_RECEIVED, 1) != 0)
        return -1;
    arrive(irs + 1u, iss + 1u, TCPFSM_ACK, 0);
    if (m_segment(&life, now) != 0 || expect(&life, TCPFSM_ESTABLISHED, 0) != 0)
        return -1;
    arrive(irs + 1u, iss + 1u, TCPFSM_FIN | TCPFSM_ACK, 0);
    if (m_segment(&life, now) != 0 || expect(&life, TCPFSM_CLOSE_WAIT, 1) != 0)
        return -1;
    if (m_close(&life, now) != 0 || expect(&life, TCPFSM_LAST_ACK, 1) != 0)
        return -1;
    arrive(irs + 2u, iss + 2u, TCPFSM_ACK, 0);
    if (m_segment(&life, now) != 0 || expect(&life, TCPFSM_CLOSED, 0) != 0)
        return -1;
    return 0;
}

/* open, SYN out, SYN+ACK in, ACK out, close, FIN out, ACK in, FIN+ACK in, ACK out, TIME-WAIT
   expires: CLOSED. */
static int w_active(unsigned long i)
{
    tcpfsm_time_t now = 1000u + i * 10u;
    uint32_t iss = 0x10000000u + (uint32_t)i * 4096u, irs = 0x70000000u + (uint32_t)i * 4096u;

    if (m_open(&life, now, iss, 1) != 0 || expect(&life, TCPFSM_SYN_SENT, 1) != 0)
        return -1;
    arrive(irs, iss + 1u, TCPFSM_SYN | TCPFSM_ACK, 0);
    if (m_segment(&life, now) != 0 || expect(&life, TCPFSM_ESTABLISHED, 1) != 0)
        return -1;
    if (m_close(&life, now) != 0 || expect(&life, TCPFSM_FIN_WAIT_1, 1) != 0)
        return -1;
    arrive(irs + 1u, iss + 2u, TCPFSM_ACK, 0);
    if (m_segment(&life, now) != 0 || expect(&life, TCPFSM_FIN_WAIT_2, 0) != 0)
        return -1;
    arrive(irs + 1u, iss + 2u, TCPFSM_FIN | TCPFSM_ACK, 0);
    if (m_segment(&life, now) != 0 || expect(&life, TCPFSM_TIME_WAIT, 1) != 0)
        return -1;
    if (m_timer(&life, tcpfsm_deadline(&life)) != 0 || expect(&life, TCPFSM_CLOSED, 0) != 0)
        return -1;
    return 0;
}

/* One in-order full-sized data segment in, the ACK decision, the application consumes it. */
static int w_data(unsigned long i)
{
    tcpfsm_time_t now = 1000u + i * 10u;
    arrive(peer_nxt, tcpfsm_snd_nxt(&est), TCPFSM_ACK | TCPFSM_PSH, MSS);
    if (m_data(&est, now) != 0)
        return -1;
    peer_nxt += MSS;
    return tcpfsm_rcv_nxt(&est) == peer_nxt && tcpfsm_rcv_wnd(&est) == 65535u ? 0 : -1;
}

/* The application writes one full segment (not measured); its ACK arrives (measured). */
static int w_ack(unsigned long i)
{
    tcpfsm_time_t now = 1000u + i * 10u;
    tcpfsm_send(&est, now, MSS, &out);
    if (out.count != 1)
        return -1;
    arrive(peer_nxt, tcpfsm_snd_nxt(&est), TCPFSM_ACK, 0);
    if (m_segment(&est, now + 5u) != 0)
        return -1;
    return tcpfsm_snd_una(&est) == tcpfsm_snd_nxt(&est) ? 0 : -1;
}
