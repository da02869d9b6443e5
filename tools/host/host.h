/* tools/host/host.h - the host stack around the tcpfsm core: connections (demultiplexed by
   4-tuple), their send and receive bytes, the application (echo or client), the deadlines, and
   the counters. Written only on the public API (tcpfsm.h). */
#ifndef HOST_HOST_H
#define HOST_HOST_H

#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "drop.h"
#include "pkt.h"
#include "reasm.h"
#include "tcpfsm.h"
#include "timers.h"

#define HOST_CONNS 64

struct hconn {
    int used;
    uint32_t laddr, raddr;
    uint16_t lport, rport;
    struct tcpfsm_conn c;         /* configured with host_opts.cfg, shared by all connections */
    struct buf snd;               /* bytes written, from sequence number snd_seq on, unacknowledged */
    uint32_t snd_seq;
    struct buf rcv;               /* bytes received in order, not yet consumed by the application;
                                     beyond them, out-of-order bytes held at their stream offset */
    struct reasm held;            /* which out-of-order ranges rcv holds beyond RCV.NXT */
    uint64_t rx_total, tx_total;  /* application bytes received and written */
    uint64_t armed;               /* the deadline last put in the timer heap */
    uint64_t tw_since;            /* when TIME-WAIT was entered */
    int peer_closed, close_called;
    int sent_file_done;
};

struct host_opts {
    uint32_t addr;                /* tcpfsm's address */
    uint16_t listen_port;         /* 0: no listener */
    uint32_t connect_addr;        /* client mode when connect_port != 0 */
    uint16_t connect_port;
    FILE *send_file, *recv_file;  /* client mode */
    uint64_t close_after;         /* close once this many bytes were received and echoed (0: on EOF only) */
    uint64_t abort_after;         /* abort once this many bytes were received (0: never) */
    int hold_fin;                 /* hold the first FIN until the peer's FIN arrives */
    unsigned exit_after;          /* exit after this many connections closed (0: never) */
    struct tcpfsm_config cfg;     /* cfg.mss: our MSS (MTU - 40), advertised in our SYNs and the
                                     most we send; the core takes the peer's from its SYN */
    struct drop_rules drops;
};

struct host {
    struct host_opts o;
    int fd;                       /* the TUN device */
    uint64_t t0;
    struct hconn conns[HOST_CONNS];
    struct timers timers;
    unsigned closed;              /* connections that reached CLOSED */
    int exit_code;                /* client mode: 0 closed, 2 refused, 3 reset, 4 timeout */
    uint8_t held[128];            /* the held FIN packet */
    size_t held_len;
    int held_done;
    struct tcpfsm_conn listener;  /* the listening port's block in LISTEN (tcpfsm_accept) */
    int listener_ready;           /* 0 until the first SYN makes it (the structure starts zeroed) */
    uint64_t ctr_verdict[PKT_VERDICT_COUNT];
    uint64_t ctr_rx, ctr_tx, ctr_dropped_in, ctr_dropped_out, ctr_no_conn, ctr_no_room, ctr_tx_err;
};

uint64_t host_now(void);
/* Client mode: open the connection. 0, or -1. */
int host_connect(struct host *h);
/* One packet read from the TUN device. */
void host_input(struct host *h, const uint8_t *pkt, size_t len);
/* Run every deadline that is due. */
void host_timers(struct host *h);
/* The earliest deadline (UINT64_MAX if none). */
uint64_t host_next_deadline(struct host *h);
void host_print_counters(const struct host *h, FILE *f);

#endif
