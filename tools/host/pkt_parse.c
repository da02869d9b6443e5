/* tools/host/pkt_parse.c - parse an IPv4/TCP packet read from the TUN device; every malformed
   packet gets a reason (enum pkt_verdict) and is never handed to the core. */
#include "pkt.h"

static const char *const verdict_names[PKT_VERDICT_COUNT] = {
    [PKT_OK] = "ok",
    [PKT_SHORT] = "bad_short",
    [PKT_NOT_IPV4] = "not_ipv4",
    [PKT_VERSION] = "bad_version",
    [PKT_IHL] = "bad_ihl",
    [PKT_TOTLEN] = "bad_total_length",
    [PKT_IP_CSUM] = "bad_ip_checksum",
    [PKT_FRAGMENT] = "bad_fragment",
    [PKT_NOT_TCP] = "not_tcp",
    [PKT_TCP_SHORT] = "bad_tcp_short",
    [PKT_DATA_OFFSET] = "bad_data_offset",
    [PKT_OPT_OVERRUN] = "bad_option_overrun",
    [PKT_OPT_MSS_LEN] = "bad_option_mss_length",
    [PKT_TCP_CSUM] = "bad_tcp_checksum",
};

const char *pkt_verdict_name(enum pkt_verdict v)
{
    return (unsigned)v < PKT_VERDICT_COUNT ? verdict_names[v] : "?";
}

static uint16_t rd16(const uint8_t *p) { return (uint16_t)((p[0] << 8) | p[1]); }
static uint32_t rd32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

uint16_t pkt_csum(const uint8_t *p, size_t len, uint32_t sum)
{
    size_t i;

    for (i = 0; i + 1 < len; i += 2)
        sum += rd16(p + i);
    if (len & 1u)
        sum += (uint32_t)p[len - 1] << 8;
    while (sum >> 16)
        sum = (sum & 0xffffu) + (sum >> 16);
    return (uint16_t)~sum;
}

uint32_t pkt_pseudo_sum(uint32_t src, uint32_t dst, uint16_t tcp_len)
{
    return (src >> 16) + (src & 0xffffu) + (dst >> 16) + (dst & 0xffffu) + 6u + tcp_len;
}

/* The options between the fixed header and the data: kind 0 ends, 1 pads, others carry a length
   of at least 2 that must stay within the header. */
static enum pkt_verdict parse_options(const uint8_t *o, size_t n, struct pkt *p)
{
    size_t i = 0;

    while (i < n) {
        uint8_t kind = o[i], olen;
        if (kind == 0)
            break;
        if (kind == 1) {
            i++;
            continue;
        }
        if (i + 1 >= n)
            return PKT_OPT_OVERRUN;
        olen = o[i + 1];
        if (olen < 2 || olen > n - i)
            return PKT_OPT_OVERRUN;
        if (kind == 2) {
            if (olen != 4)
                return PKT_OPT_MSS_LEN;
            p->seg.mss = rd16(o + i + 2);
        } else if (kind == 3 && olen == 3) {
            p->seg.wscale = o[i + 2];
        }
        i += olen;
    }
    return PKT_OK;
}

enum pkt_verdict pkt_parse(const uint8_t *buf, size_t len, struct pkt *p)
{
    size_t ihl, tot, doff, tcp_len;
    const uint8_t *t;
    enum pkt_verdict v;

    if (len < 20)
        return PKT_SHORT;
    if ((buf[0] >> 4) == 6)
        return PKT_NOT_IPV4;
    if ((buf[0] >> 4) != 4)
        return PKT_VERSION;
    ihl = (size_t)(buf[0] & 0x0fu) * 4u;
    if (ihl < 20 || ihl > len)
        return PKT_IHL;
    tot = rd16(buf + 2);
    if (tot > len || tot < ihl)
        return PKT_TOTLEN;
    if (pkt_csum(buf, ihl, 0) != 0)
        return PKT_IP_CSUM;
    if ((rd16(buf + 6) & 0x3fffu) != 0)          /* MF or fragment offset */
        return PKT_FRAGMENT;
    if (buf[9] != 6)
        return PKT_NOT_TCP;
    t = buf + ihl;
    tcp_len = tot - ihl;
    if (tcp_len < 20)
        return PKT_TCP_SHORT;
    doff = (size_t)(t[12] >> 4) * 4u;
    if (doff < 20 || doff > tcp_len)
        return PKT_DATA_OFFSET;
    p->src = rd32(buf + 12);
    p->dst = rd32(buf + 16);
    if (pkt_csum(t, tcp_len, pkt_pseudo_sum(p->src, p->dst, (uint16_t)tcp_len)) != 0)
        return PKT_TCP_CSUM;
    p->seg.mss = 0;
    p->seg.wscale = (uint16_t)TCPFSM_WSCALE_NONE;
    v = parse_options(t + 20, doff - 20, p);
    if (v != PKT_OK)
        return v;
    p->sport = rd16(t);
    p->dport = rd16(t + 2);
    p->seg.seq = rd32(t + 4);
    p->seg.ack = rd32(t + 8);
    p->seg.flags = (uint16_t)(t[13] & 0x3fu);
    p->seg.window = rd16(t + 14);
    p->seg.len = (uint16_t)(tcp_len - doff);
    p->payload = t + doff;
    return PKT_OK;
}
