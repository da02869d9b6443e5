/*
 * bench_lwip.c - the instruction-count workloads (harness.h) on lwIP's raw TCP API, driven through
 * tcp_input() as ip4_input() would call it (ip_data filled in, the pbuf's payload at the TCP
 * header). BENCH_CSUM=0/1 (tests/bench/lwip/lwipopts.h): checksums off / on.
 *
 * Measured (inside m_* functions): tcp_input() with everything it calls (demultiplexing over the
 * PCB lists, checksum check, segment processing, callbacks, ACK/segment output through
 * ip4_output_if to the netif, pbuf and PCB allocation and freeing), the application's
 * callbacks (tcp_recved + pbuf_free = "consumes"), tcp_new/tcp_connect/tcp_close, and the
 * slow-timer tick that frees a TIME-WAIT PCB. Not measured: building the arriving packet
 * (pbuf_alloc, header and its checksum: the peer's work), tcp_write/tcp_output of the data whose
 * ACK is measured, the slow-timer ticks before TIME-WAIT expires.
 */
#include "harness.h"

#include "lwip/init.h"
#include "lwip/ip.h"
#include "lwip/ip4.h"
#include "lwip/netif.h"
#include "lwip/pbuf.h"
#include "lwip/tcp.h"
#include "lwip/inet_chksum.h"
#include "lwip/priv/tcp_priv.h"

#define MSS 1460u
#define LPORT 80u
#define RPORT 40000u

static int fail(int line)
{
    fprintf(stderr, "%s:%d: the workload did not reach this state\n", __FILE__, line);
    return -1;
}

static struct netif nif;
static ip4_addr_t laddr, raddr;
static struct tcp_pcb *listener, *life, *est;
static struct pbuf *inp;
static u8_t data[MSS];
static int peer_closed;
static u16_t peer_port = RPORT;       /* the source port of arriving packets */

/* The segments lwIP emitted since the last arrive(). */
static unsigned sent;
static u32_t last_seq, last_ack;
static u8_t last_flags;

u32_t sys_now(void) { return 0; }

static err_t netif_out(struct netif *n, struct pbuf *p, const ip4_addr_t *dst)
{
    const u8_t *t = (const u8_t *)p->payload + 20;
    (void)n; (void)dst;
    last_seq = ((u32_t)t[4] << 24) | ((u32_t)t[5] << 16) | ((u32_t)t[6] << 8) | t[7];
    last_ack = ((u32_t)t[8] << 24) | ((u32_t)t[9] << 16) | ((u32_t)t[10] << 8) | t[11];
    last_flags = t[13];
    sent++;
    return ERR_OK;
}

static err_t netif_setup(struct netif *n)
{
    n->output = netif_out;
    n->mtu = 1500;
    return ERR_OK;
}

static void wr16(u8_t *p, u16_t v) { p[0] = (u8_t)(v >> 8); p[1] = (u8_t)v; }
static void wr32(u8_t *p, u32_t v) { wr16(p, (u16_t)(v >> 16)); wr16(p + 2, (u16_t)v); }

/* The packet that arrives next, as ip4_input would hand it to tcp_input (not measured). */
static int arrive(u32_t seq, u32_t ack, u8_t flags, u16_t len)
{
    u16_t hl = (flags & TCP_SYN) != 0 ? 24 : 20;
    u8_t *t;

    inp = pbuf_alloc(PBUF_IP, (u16_t)(hl + len), PBUF_RAM);
    if (inp == NULL)
        return fail(__LINE__);
    t = (u8_t *)inp->payload;
    memset(t, 0, hl);
    wr16(t, peer_port);
    wr16(t + 2, LPORT);
    wr32(t + 4, seq);
    wr32(t + 8, ack);
    t[12] = (u8_t)((hl / 4) << 4);
    t[13] = flags;
    wr16(t + 14, 65535u);
    if (hl == 24) {
        t[20] = 2; t[21] = 4; wr16(t + 22, MSS);
    }
    if (len != 0)
        memcpy(t + hl, data, len);
#if BENCH_CSUM
    {
        ip_addr_t s, d;
        ip_addr_copy_from_ip4(s, raddr);
        ip_addr_copy_from_ip4(d, laddr);
        u16_t c = ip_chksum_pseudo(inp, IP_PROTO_TCP, inp->tot_len, &s, &d);
        memcpy(t + 16, &c, 2);       /* already in network byte order */
    }
#endif
    ip_addr_copy_from_ip4(ip_data.current_iphdr_src, raddr);
    ip_addr_copy_from_ip4(ip_data.current_iphdr_dest, laddr);
    ip_data.current_netif = &nif;
    ip_data.current_input_netif = &nif;
    ip_data.current_ip_header_tot_len = 20;
    sent = 0;
    return 0;
}

/* The arriving packet goes to the ephemeral port `lport` (active opens); checksum again. */
static void to_port(u16_t lport)
{
    wr16((u8_t *)inp->payload + 2, lport);
#if BENCH_CSUM
    {
        ip_addr_t s, d;
        u16_t c;
        wr16((u8_t *)inp->payload + 16, 0);
        ip_addr_copy_from_ip4(s, raddr);
        ip_addr_copy_from_ip4(d, laddr);
        c = ip_chksum_pseudo(inp, IP_PROTO_TCP, inp->tot_len, &s, &d);
        memcpy((u8_t *)inp->payload + 16, &c, 2);
    }
#endif
}

M_FN static void m_input(void)
{
    tcp_input(inp, &nif);
}

static err_t on_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t err)
{
    (void)arg; (void)err;
    if (p == NULL) {
        peer_closed = 1;
        return ERR_OK;
    }
    tcp_recved(pcb, p->tot_len);       /* the application consumes the data */
    pbuf_free(p);
    return ERR_OK;
}

static err_t on_accept(void *arg, struct tcp_pcb *pcb, err_t err)
{
    (void)arg; (void)err;
    life = pcb;
    tcp_recv(pcb, on_recv);
    return ERR_OK;
}

static err_t on_connected(void *arg, struct tcp_pcb *pcb, err_t err)
{
    (void)arg; (void)pcb; (void)err;
    return ERR_OK;
}

M_FN static struct tcp_pcb *m_connect(void)
{
    ip_addr_t r;
    struct tcp_pcb *pcb = tcp_new();
    if (pcb == NULL)
        return NULL;
    tcp_recv(pcb, on_recv);
    ip_addr_copy_from_ip4(r, raddr);
    if (tcp_connect(pcb, &r, RPORT, on_connected) != ERR_OK)
        return NULL;
    return pcb;
}

M_FN static err_t m_close(struct tcp_pcb *pcb)
{
    return tcp_close(pcb);
}

M_FN static void m_slowtmr(void)
{
    tcp_slowtmr();
}

static struct tcp_pcb *find(struct tcp_pcb *list, u16_t lport, u16_t rport)
{
    for (; list != NULL; list = list->next)
        if (list->local_port == lport && list->remote_port == rport)
            return list;
    return NULL;
}

static size_t bench_conn_bytes(void)
{
    return sizeof(struct tcp_pcb);
}

static int bench_setup(void)
{
    ip4_addr_t mask;
    ip_addr_t any;
    struct tcp_pcb *l;

    lwip_init();
    IP4_ADDR(&laddr, 192, 0, 2, 1);
    IP4_ADDR(&raddr, 192, 0, 2, 2);
    IP4_ADDR(&mask, 255, 255, 255, 0);
    if (netif_add(&nif, &laddr, &mask, IP4_ADDR_ANY4, NULL, netif_setup, netif_input) == NULL)
        return fail(__LINE__);
    netif_set_default(&nif);
    netif_set_up(&nif);
    netif_set_link_up(&nif);
    l = tcp_new();
    ip_addr_set_any(0, &any);
    if (l == NULL || tcp_bind(l, &any, LPORT) != ERR_OK)
        return fail(__LINE__);
    listener = tcp_listen(l);
    if (listener == NULL)
        return fail(__LINE__);
    tcp_accept(listener, on_accept);
    /* The established connection of the data and ACK workloads: a passive open. */
    if (arrive(5000u, 0, TCP_SYN, 0) != 0)
        return fail(__LINE__);
    m_input();
    if (sent != 1 || last_flags != (TCP_SYN | TCP_ACK) || arrive(5001u, last_seq + 1u, TCP_ACK, 0) != 0)
        return fail(__LINE__);
    m_input();
    if (life == NULL || life->state != ESTABLISHED)
        return fail(__LINE__);
    est = life;
    life = NULL;
    return 0;
}

/* SYN in, SYN+ACK out, ACK in (accepted), FIN+ACK in, ACK out, close, FIN out, ACK in: freed. */
static int w_passive(unsigned long i)
{
    u32_t irs = 0x70000000u + (u32_t)i * 4096u, iss;
    u16_t rport = RPORT + 1u;   /* not the established connection's 4-tuple */

    life = NULL;
    peer_port = rport;
    if (arrive(irs, 0, TCP_SYN, 0) != 0)
        return fail(__LINE__);
    m_input();
    if (sent != 1 || last_flags != (TCP_SYN | TCP_ACK))
        return fail(__LINE__);
    iss = last_seq;
    if (arrive(irs + 1u, iss + 1u, TCP_ACK, 0) != 0)
        return fail(__LINE__);
    m_input();
    if (life == NULL || life->state != ESTABLISHED || life->remote_port != rport)
        return fail(__LINE__);
    peer_closed = 0;
    if (arrive(irs + 1u, iss + 1u, TCP_FIN | TCP_ACK, 0) != 0)
        return fail(__LINE__);
    m_input();
    if (!peer_closed || life->state != CLOSE_WAIT || sent != 1)
        return fail(__LINE__);
    sent = 0;
    if (m_close(life) != ERR_OK || life->state != LAST_ACK || sent != 1 || (last_flags & TCP_FIN) == 0)
        return fail(__LINE__);
    if (arrive(irs + 2u, iss + 2u, TCP_ACK, 0) != 0)
        return fail(__LINE__);
    m_input();
    /* the PCB was freed: no connection from RPORT is left besides the established one */
    return tcp_active_pcbs == est && est->next == NULL ? 0 : -1;
}

/* connect, SYN out, SYN+ACK in, ACK out, close, FIN out, ACK in, FIN+ACK in, ACK out, TIME-WAIT
   expires (the slow-timer tick that frees the PCB): freed. */
static int w_active(unsigned long i)
{
    u32_t irs = 0x70000000u + (u32_t)i * 4096u, iss;
    u16_t lport;
    int ticks;

    peer_port = RPORT;
    sent = 0;
    life = m_connect();
    if (life == NULL || sent != 1 || last_flags != TCP_SYN)
        return fail(__LINE__);
    iss = last_seq;
    lport = life->local_port;
    /* the peer answers from RPORT to the ephemeral port: arrive() writes LPORT, so patch it */
    if (arrive(irs, iss + 1u, TCP_SYN | TCP_ACK, 0) != 0)
        return fail(__LINE__);
    to_port(lport);
    m_input();
    if (life->state != ESTABLISHED || sent != 1)
        return fail(__LINE__);
    sent = 0;
    if (m_close(life) != ERR_OK || life->state != FIN_WAIT_1 || sent != 1)
        return fail(__LINE__);
    {
        static const u8_t fl[2] = { TCP_ACK, TCP_FIN | TCP_ACK };
        int k;
        for (k = 0; k < 2; k++) {
            if (arrive(irs + 1u, iss + 2u, fl[k], 0) != 0)
                return fail(__LINE__);
            to_port(lport);
            m_input();
        }
    }
    if (find(tcp_tw_pcbs, lport, RPORT) == NULL || sent != 1)
        return fail(__LINE__);
    /* TIME-WAIT lasts 2*TCP_MSL / 500 ms ticks; only the tick that frees the PCB is measured */
    for (ticks = 0; ticks < 2 * TCP_MSL / TCP_SLOW_INTERVAL; ticks++)
        tcp_slowtmr();
    if (find(tcp_tw_pcbs, lport, RPORT) == NULL)
        return fail(__LINE__);
    m_slowtmr();
    return tcp_tw_pcbs == NULL ? 0 : -1;
}

static u32_t peer_nxt = 5001u;

/* One in-order full-sized data segment in, the ACK decision, the application consumes it. */
static int w_data(unsigned long i)
{
    (void)i;
    peer_port = RPORT;
    if (arrive(peer_nxt, est->snd_nxt, TCP_ACK | TCP_PSH, MSS) != 0)
        return fail(__LINE__);
    m_input();
    peer_nxt += MSS;
    return est->rcv_nxt == peer_nxt && est->rcv_wnd == TCP_WND ? 0 : -1;
}

/* The application writes one full segment (not measured); its ACK arrives (measured). */
static int w_ack(unsigned long i)
{
    (void)i;
    peer_port = RPORT;
    if (tcp_write(est, data, MSS, TCP_WRITE_FLAG_COPY) != ERR_OK || tcp_output(est) != ERR_OK)
        return fail(__LINE__);
    if (arrive(peer_nxt, est->snd_nxt, TCP_ACK, 0) != 0)
        return fail(__LINE__);
    m_input();
    return est->lastack == est->snd_nxt && est->unacked == NULL ? 0 : -1;
}
