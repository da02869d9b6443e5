/*
 * tcpfsm_encoding.h - the private encodings of struct tcpfsm_conn's flags and timer fields and of
 * "no table event": one definition, read by the core (tcpfsm_internal.h) and by the ACSL
 * specification (tcpfsm_spec_timers.h). Not installed.
 */
#ifndef TCPFSM_ENCODING_H
#define TCPFSM_ENCODING_H

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

#endif /* TCPFSM_ENCODING_H */
