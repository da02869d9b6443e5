/* tools/host/pkt_build.c - build an IPv4/TCP packet from a segment the core emitted. */
#include <string.h>

#include "pkt.h"

static void wr16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }
static void wr32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24); p[1] = (uint8_t)(v >> 16); p[2] = (uint8_t)(v >> 8); p[3] = (uint8_t)v;
}

size_t pkt_build(uint8_t *buf, size_t cap, uint32_t src, uint16_t sport, uint32_t dst, uint16_t dport,
                 const struct tcpfsm_segment *seg, const uint8_t *payload)
{
    int ws = seg->wscale != TCPFSM_WSCALE_NONE;
    size_t opt = (seg->mss != 0 ? 4u : 0u) + (ws ? 4u : 0u);   /* MSS; NOP + window scale */
    size_t tcp_len = 20u + opt + seg->len;
    size_t tot = 20u + tcp_len;
    uint8_t *t = buf + 20;
    static uint16_t ip_id;

    if (tot > cap || tot > 0xffffu)
        return 0;
    memset(buf, 0, 20u + 20u + opt);
    buf[0] = 0x45;
    wr16(buf + 2, (uint16_t)tot);
    wr16(buf + 4, ip_id++);
    wr16(buf + 6, 0x4000);             /* DF */
    buf[8] = 64;
    buf[9] = 6;
    wr32(buf + 12, src);
    wr32(buf + 16, dst);
    wr16(buf + 10, pkt_csum(buf, 20, 0));
    wr16(t, sport);
    wr16(t + 2, dport);
    wr32(t + 4, seg->seq);
    wr32(t + 8, (seg->flags & TCPFSM_ACK) != 0 ? seg->ack : 0u);
    t[12] = (uint8_t)(((20u + opt) / 4u) << 4);
    t[13] = (uint8_t)seg->flags;
    wr16(t + 14, seg->window);
    if (seg->mss != 0) {
        t[20] = 2;
        t[21] = 4;
        wr16(t + 22, seg->mss);
    }
    if (ws) {
        uint8_t *w = t + 20 + (seg->mss != 0 ? 4u : 0u);
        w[0] = 1;
        w[1] = 3;
        w[2] = 3;
        w[3] = (uint8_t)seg->wscale;
    }
    if (seg->len != 0)
        memcpy(t + 20 + opt, payload, seg->len);
    wr16(t + 16, pkt_csum(t, tcp_len, pkt_pseudo_sum(src, dst, (uint16_t)tcp_len)));
    return tot;
}
