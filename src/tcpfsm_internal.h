/*
 * tcpfsm_internal.h - private definitions of the runtime core (not installed).
 */
#ifndef TCPFSM_INTERNAL_H
#define TCPFSM_INTERNAL_H

#include "tcpfsm.h"
#include "tcpfsm_spec.h"

/* tcpfsm_conn.flags */
#define TCPFSM_F_PASSIVE     0x01u  /* entered SYN-RECEIVED from LISTEN (guard passive_open) */
#define TCPFSM_F_RTT_TIMING  0x02u  /* rtt_seq/rtt_start time a segment (RFC 6298 3, Karn) */
#define TCPFSM_F_HAVE_RTT    0x04u  /* srtt/rttvar hold a measurement (RFC 6298 2.2) */
#define TCPFSM_F_SYN_ACKED   0x08u  /* our SYN has been acknowledged */
#define TCPFSM_F_FIN_PENDING 0x10u  /* CLOSE was called: send a FIN once the queued data is out */
#define TCPFSM_F_FIN_SENT    0x20u  /* our FIN occupies sequence number snd_nxt - 1 */
#define TCPFSM_F_RTO_3S      0x40u  /* a handshake timeout happened: RTO at least 3 s (RFC 6298 5.7) */

/* tcpfsm_conn.timer */
#define TCPFSM_TIMER_NONE       0u
#define TCPFSM_TIMER_RTO        1u
#define TCPFSM_TIMER_TIME_WAIT  2u
#define TCPFSM_TIMER_FIN_WAIT_2 3u

/* "No table event": a segment dropped without an event (e.g. an RST outside the window). */
#define TCPFSM_EV_NONE 0xffu

/* The outcome of one table lookup. */
struct tcpfsm_lookup {
    uint16_t row;      /* TCPFSM_ROW_NONE: no row, nothing happens */
    uint8_t next;      /* the next state (== the current one when row == 0) */
    uint8_t guard;     /* the guard value used for the cell (0 for unguarded cells) */
    uint32_t actions;  /* TCPFSM_ACT_* bits of the row */
};

/* tcpfsm_step.c (contracts there): the guard id of a cell, and the lookup of a cell. */
uint8_t tcpfsm_cell_guard(uint8_t s, uint8_t ev);
void tcpfsm_table_lookup(uint8_t s, uint8_t ev, uint8_t holds, struct tcpfsm_lookup *res);

#endif /* TCPFSM_INTERNAL_H */
