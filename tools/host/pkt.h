/* tools/host/pkt.h - IPv4 and TCP headers for tcpfsm-tun: parse (with a counted reason for each
   malformed packet) and build (checksums, the MSS option). Only the public tcpfsm.h is used. */
#ifndef HOST_PKT_H
#define HOST_PKT_H

#include <stddef.h>
#include <stdint.h>

#include "tcpfsm.h"

/* Why a packet was not handed to the core (PKT_OK: it was). The names are printed as counters. */
enum pkt_verdict {
    PKT_OK = 0,
    PKT_SHORT,            /* fewer bytes than an IPv4 header */
    PKT_NOT_IPV4,         /* IPv6 (not malformed, just not ours) */
    PKT_VERSION,          /* neither IPv4 nor IPv6 */
    PKT_IHL,              /* header length below 20 or beyond the packet */
    PKT_TOTLEN,           /* total length beyond the bytes read, or below the header */
    PKT_IP_CSUM,          /* IPv4 header checksum wrong */
    PKT_FRAGMENT,         /* MF set or a fragment offset: no reassembly here */
    PKT_NOT_TCP,          /* another protocol (not malformed, just not ours) */
    PKT_TCP_SHORT,        /* fewer bytes than a TCP header */
    PKT_DATA_OFFSET,      /* data offset below 5 or beyond the segment */
    PKT_OPT_OVERRUN,      /* an option's length is below 2 or runs past the header */
    PKT_OPT_MSS_LEN,      /* an MSS option whose length is not 4 */
    PKT_TCP_CSUM,         /* TCP checksum wrong */
    PKT_VERDICT_COUNT
};

const char *pkt_verdict_name(enum pkt_verdict v);

/* A parsed TCP/IPv4 packet; pointers into the caller's buffer. */
struct pkt {
    uint32_t src, dst;              /* host byte order */
    uint16_t sport, dport;
    struct tcpfsm_segment seg;      /* the header the core reads, with the MSS option (seg.mss, 0 if
                                       absent) and the window-scale option (seg.wscale,
                                       TCPFSM_WSCALE_NONE if absent; the core ignores it) */
    const uint8_t *payload;         /* seg.len bytes */
};

/* Parse `len` bytes read from the TUN device. Never reads outside buf[0 .. len-1]. */
enum pkt_verdict pkt_parse(const uint8_t *buf, size_t len, struct pkt *p);

/* Build a TCP/IPv4 packet into `buf` (room `cap`, at least 60 + seg->len bytes): addresses and
   ports in host byte order; seg->mss != 0 adds the MSS option and seg->wscale !=
   TCPFSM_WSCALE_NONE the window-scale option (the core sets them in its SYN and SYN+ACK). Returns
   its length, 0 if it does not fit. */
size_t pkt_build(uint8_t *buf, size_t cap, uint32_t src, uint16_t sport, uint32_t dst, uint16_t dport,
                 const struct tcpfsm_segment *seg, const uint8_t *payload);

/* The Internet checksum (RFC 1071) of `len` bytes, starting from the partial sum `sum`. */
uint16_t pkt_csum(const uint8_t *p, size_t len, uint32_t sum);
/* The TCP pseudo-header partial sum. */
uint32_t pkt_pseudo_sum(uint32_t src, uint32_t dst, uint16_t tcp_len);

#endif
