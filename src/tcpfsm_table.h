/* generated from model/tcp.fsm by tcpfsm-gen, do not edit */
#ifndef TCPFSM_TABLE_H
#define TCPFSM_TABLE_H

#include <stdint.h>

/* States, in declaration order; the first is CLOSED = 0. */
enum tcpfsm_state {
    TCPFSM_CLOSED = 0,            /* no connection state at all */
    TCPFSM_LISTEN = 1,            /* waiting for a connection request from any remote TCP peer and port */
    TCPFSM_SYN_SENT = 2,          /* waiting for a matching connection request after having sent one */
    TCPFSM_SYN_RECEIVED = 3,      /* waiting for a confirming ACK after having both received and sent a SYN */
    TCPFSM_ESTABLISHED = 4,       /* an open connection, data received can be delivered to the user */
    TCPFSM_FIN_WAIT_1 = 5,        /* waiting for a FIN from the peer, or an ACK of the FIN previously sent */
    TCPFSM_FIN_WAIT_2 = 6,        /* waiting for a connection termination request from the remote TCP peer */
    TCPFSM_CLOSE_WAIT = 7,        /* waiting for a connection termination request from the local user */
    TCPFSM_CLOSING = 8,           /* waiting for a connection termination request acknowledgment from the peer */
    TCPFSM_LAST_ACK = 9,          /* waiting for an acknowledgment of the FIN previously sent to the peer */
    TCPFSM_TIME_WAIT = 10,        /* waiting for enough time to pass to be sure the remote peer received the ACK of its FIN */
    TCPFSM_STATE_COUNT = 11
};

/* Events, in declaration order. */
enum tcpfsm_event {
    TCPFSM_EV_OPEN_ACTIVE = 0,             /* user: user OPEN, active, with an ISS from the caller (3.10.1) */
    TCPFSM_EV_OPEN_PASSIVE = 1,            /* user: user OPEN, passive (3.10.1) */
    TCPFSM_EV_CLOSE = 2,                   /* user: user CLOSE: no more data will be sent, send a FIN (3.10.4) */
    TCPFSM_EV_ABORT = 3,                   /* user: user ABORT: delete the connection, RST if synchronized (3.10.5) */
    TCPFSM_EV_NO_CONNECTION = 4,           /* segment: a segment without RST arriving while CLOSED (3.10.7.1) */
    TCPFSM_EV_SYN = 5,                     /* segment: SYN without ACK: a connection request; in SYN-RECEIVED a duplicate of the opening SYN; in TIME-WAIT a new SYN above RCV.NXT (3.10.7.2, 3.10.7.3, 3.6.1) */
    TCPFSM_EV_SYN_ACK = 6,                 /* segment: SYN+ACK whose ACK is acceptable, SND.UNA < SEG.ACK =< SND.NXT (3.10.7.3) */
    TCPFSM_EV_BAD_ACK = 7,                 /* segment: a segment whose ACK is not acceptable before synchronization: any ACK in LISTEN, SEG.ACK =< ISS or > SND.NXT in SYN-SENT or SYN-RECEIVED (3.10.7.2-4) */
    TCPFSM_EV_ACK_OF_SYN = 8,              /* segment: acceptable segment whose ACK covers our SYN, in SYN-RECEIVED (3.10.7.4 fifth); also the peer's SYN,ACK repeating its SYN (SEG.SEQ = RCV.NXT - 1) in a simultaneous open (figure 8 line 6) */
    TCPFSM_EV_ACK_OF_FIN = 9,              /* segment: acceptable segment without FIN whose ACK newly covers our FIN (3.10.7.4 fifth) */
    TCPFSM_EV_ACK = 10,                    /* segment: any other acceptable segment without SYN, RST or FIN: data and acknowledgments (3.10.7.4) */
    TCPFSM_EV_FIN = 11,                    /* segment: acceptable in-order FIN whose ACK does not newly cover our FIN, or a retransmission of the FIN already received (3.10.7.4 eighth) */
    TCPFSM_EV_FIN_ACK = 12,                /* segment: acceptable in-order or retransmitted FIN whose ACK newly covers our FIN (3.10.7.4 eighth) */
    TCPFSM_EV_RST = 13,                    /* segment: valid RST: SEG.SEQ = RCV.NXT (in window with RFC 5961 off), in SYN-SENT an RST whose ACK covers our SYN (3.10.7.3, 3.10.7.4 second; RFC 5961 3.2) */
    TCPFSM_EV_RST_CHALLENGE = 14,          /* segment: RST in the window but not at RCV.NXT: must only draw a challenge ACK (RFC 5961 3.2) */
    TCPFSM_EV_SYN_SYNC = 15,               /* segment: SYN in a synchronized state (RFC 5961 4; with it off, RFC 793: a SYN in the window) */
    TCPFSM_EV_ACK_INVALID = 16,            /* segment: ACK outside SND.UNA - MAX.SND.WND =< SEG.ACK =< SND.NXT in a synchronized state (RFC 5961 5.2, 3.10.7.4 fifth) */
    TCPFSM_EV_UNACCEPTABLE = 17,           /* segment: segment failing the acceptability test of 3.10.7.4 first, or one to drop unanswered before synchronization (also a SYN+FIN under drop_synfin, a SYN,ACK in LISTEN under listen_synack_drop); in TIME-WAIT under tw_bsd, an ACK-bearing segment other than an exact duplicate ACK or a retransmitted FIN (BSD tcp_twcheck) */
    TCPFSM_EV_RTO = 18,                    /* timer: retransmission timeout with retries left (RFC 6298 5.4-5.6) */
    TCPFSM_EV_RTO_GIVEUP = 19,             /* timer: retransmission timeout with the retry limit reached (3.8.3 R2) */
    TCPFSM_EV_TIME_WAIT_EXPIRY = 20,       /* timer: the 2*MSL TIME-WAIT timer expired (3.10.8) */
    TCPFSM_EV_FIN_WAIT_2_TIMEOUT = 21,     /* timer: the FIN-WAIT-2 timer expired (implementation practice, as Linux tcp_fin_timeout) */
    TCPFSM_EVENT_COUNT = 22
};

enum tcpfsm_event_kind { TCPFSM_KIND_USER = 0, TCPFSM_KIND_SEGMENT = 1, TCPFSM_KIND_TIMER = 2 };

/* Guards: conditions a cell may test. TCPFSM_GUARD_NONE: the cell is unguarded. */
enum tcpfsm_guard {
    TCPFSM_GUARD_NONE = 0,
    TCPFSM_GUARD_PASSIVE_OPEN = 1,            /* the connection entered SYN-RECEIVED from LISTEN (a passive OPEN) */
    TCPFSM_GUARD_RFC5961_SYN = 2,             /* RFC 5961 section 4 is on: a SYN in a synchronized state only draws a challenge ACK */
    TCPFSM_GUARD_RFC1337 = 3,                 /* RFC 1337 is on: TIME-WAIT ignores RST segments */
    TCPFSM_GUARD_TW_REOPEN = 4,               /* TIME-WAIT may be reopened by a new SYN above RCV.NXT (3.6.1) */
    TCPFSM_GUARD_CLOSING_RST_RESETS = 5,      /* a RST in CLOSING or LAST-ACK reports connection reset (FreeBSD tcp_do_segment(): ECONNRESET in every synchronized state) */
    TCPFSM_GUARD_COUNT = 6
};

/* Actions: TCPFSM_ACTI_x is the bit index, TCPFSM_ACT_x the bit. */
enum tcpfsm_action_index {
    TCPFSM_ACTI_SEND_SYN = 0,                /* send <SEQ=ISS><CTL=SYN> */
    TCPFSM_ACTI_SEND_SYN_ACK = 1,            /* send <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK> */
    TCPFSM_ACTI_SEND_ACK = 2,                /* send <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>; with the knob ack_repeats_fin (FreeBSD), while our FIN is unacknowledged, <SEQ=SND.NXT-1><ACK=RCV.NXT><CTL=FIN,ACK> (not in reply to a SYN) */
    TCPFSM_ACTI_SEND_FIN = 3,                /* send <SEQ=SND.NXT><ACK=RCV.NXT><CTL=FIN,ACK> and advance SND.NXT over the FIN */
    TCPFSM_ACTI_SEND_RST = 4,                /* send a RST: <SEQ=SEG.ACK><CTL=RST> or <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK> in reply to a segment, <SEQ=SND.NXT><CTL=RST> on ABORT; with the knob syn_rst_from_tcb (FreeBSD), to a SYN in SYN-RECEIVED or a synchronized state, <SEQ=SND.NXT><ACK=RCV.NXT><CTL=RST,ACK> */
    TCPFSM_ACTI_SEND_CHALLENGE_ACK = 5,      /* send <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>, rate limited (RFC 5961 7) */
    TCPFSM_ACTI_PROCESS = 6,                 /* process the ACK (SND.UNA, SND.WL1, SND.WL2, SND.WND) and the text (RCV.NXT), acknowledging text */
    TCPFSM_ACTI_RETRANSMIT = 7,              /* retransmit the oldest unacknowledged segment (SYN, SYN+ACK, FIN or data) and back off the RTO */
    TCPFSM_ACTI_REOPEN = 8,                  /* start a new incarnation from TIME-WAIT: IRS := SEG.SEQ, ISS := old SND.NXT + 65537 */
    TCPFSM_ACTI_ARM_RTO = 9,                 /* start the retransmission timer */
    TCPFSM_ACTI_CANCEL_RTO = 10,             /* stop the retransmission timer */
    TCPFSM_ACTI_ARM_TIME_WAIT = 11,          /* start or restart the 2*MSL timer */
    TCPFSM_ACTI_ARM_FIN_WAIT_2 = 12,         /* start the FIN-WAIT-2 timer */
    TCPFSM_ACTI_SIGNAL_CONNECTED = 13,       /* tell the user the connection is established */
    TCPFSM_ACTI_SIGNAL_PEER_CLOSED = 14,     /* tell the user the peer has closed its side (end of stream) */
    TCPFSM_ACTI_SIGNAL_RESET = 15,           /* tell the user: connection reset */
    TCPFSM_ACTI_SIGNAL_REFUSED = 16,         /* tell the user: connection refused */
    TCPFSM_ACTI_SIGNAL_TIMEOUT = 17,         /* tell the user: connection timed out */
    TCPFSM_ACTI_SIGNAL_CLOSED = 18,          /* tell the user the connection is closed */
    TCPFSM_ACTI_SIGNAL_LISTEN = 19,          /* tell the user a passive connection returned to LISTEN (its peer reset it or never completed the handshake) */
    TCPFSM_ACTI_SIGNAL_REOPENED = 20,        /* tell the user TIME-WAIT was reopened by a new SYN: a new incarnation in SYN-RECEIVED, with an ISS the core chose */
    TCPFSM_ACTION_COUNT = 21
};
#define TCPFSM_ACT_SEND_SYN               (UINT32_C(1) << TCPFSM_ACTI_SEND_SYN)
#define TCPFSM_ACT_SEND_SYN_ACK           (UINT32_C(1) << TCPFSM_ACTI_SEND_SYN_ACK)
#define TCPFSM_ACT_SEND_ACK               (UINT32_C(1) << TCPFSM_ACTI_SEND_ACK)
#define TCPFSM_ACT_SEND_FIN               (UINT32_C(1) << TCPFSM_ACTI_SEND_FIN)
#define TCPFSM_ACT_SEND_RST               (UINT32_C(1) << TCPFSM_ACTI_SEND_RST)
#define TCPFSM_ACT_SEND_CHALLENGE_ACK     (UINT32_C(1) << TCPFSM_ACTI_SEND_CHALLENGE_ACK)
#define TCPFSM_ACT_PROCESS                (UINT32_C(1) << TCPFSM_ACTI_PROCESS)
#define TCPFSM_ACT_RETRANSMIT             (UINT32_C(1) << TCPFSM_ACTI_RETRANSMIT)
#define TCPFSM_ACT_REOPEN                 (UINT32_C(1) << TCPFSM_ACTI_REOPEN)
#define TCPFSM_ACT_ARM_RTO                (UINT32_C(1) << TCPFSM_ACTI_ARM_RTO)
#define TCPFSM_ACT_CANCEL_RTO             (UINT32_C(1) << TCPFSM_ACTI_CANCEL_RTO)
#define TCPFSM_ACT_ARM_TIME_WAIT          (UINT32_C(1) << TCPFSM_ACTI_ARM_TIME_WAIT)
#define TCPFSM_ACT_ARM_FIN_WAIT_2         (UINT32_C(1) << TCPFSM_ACTI_ARM_FIN_WAIT_2)
#define TCPFSM_ACT_SIGNAL_CONNECTED       (UINT32_C(1) << TCPFSM_ACTI_SIGNAL_CONNECTED)
#define TCPFSM_ACT_SIGNAL_PEER_CLOSED     (UINT32_C(1) << TCPFSM_ACTI_SIGNAL_PEER_CLOSED)
#define TCPFSM_ACT_SIGNAL_RESET           (UINT32_C(1) << TCPFSM_ACTI_SIGNAL_RESET)
#define TCPFSM_ACT_SIGNAL_REFUSED         (UINT32_C(1) << TCPFSM_ACTI_SIGNAL_REFUSED)
#define TCPFSM_ACT_SIGNAL_TIMEOUT         (UINT32_C(1) << TCPFSM_ACTI_SIGNAL_TIMEOUT)
#define TCPFSM_ACT_SIGNAL_CLOSED          (UINT32_C(1) << TCPFSM_ACTI_SIGNAL_CLOSED)
#define TCPFSM_ACT_SIGNAL_LISTEN          (UINT32_C(1) << TCPFSM_ACTI_SIGNAL_LISTEN)
#define TCPFSM_ACT_SIGNAL_REOPENED        (UINT32_C(1) << TCPFSM_ACTI_SIGNAL_REOPENED)

/* Row ids: stable numbers, never reused. TCPFSM_ROW_NONE: no transition. */
enum tcpfsm_row_id {
    TCPFSM_ROW_NONE = 0,
    TCPFSM_ROW_T01 = 1,
    TCPFSM_ROW_T02 = 2,
    TCPFSM_ROW_T03 = 3,
    TCPFSM_ROW_T04 = 4,
    TCPFSM_ROW_T05 = 5,
    TCPFSM_ROW_T06 = 6,
    TCPFSM_ROW_T07 = 7,
    TCPFSM_ROW_T08 = 8,
    TCPFSM_ROW_T09 = 9,
    TCPFSM_ROW_T10 = 10,
    TCPFSM_ROW_T11 = 11,
    TCPFSM_ROW_T12 = 12,
    TCPFSM_ROW_T13 = 13,
    TCPFSM_ROW_T14 = 14,
    TCPFSM_ROW_T15 = 15,
    TCPFSM_ROW_T16 = 16,
    TCPFSM_ROW_T17 = 17,
    TCPFSM_ROW_T18 = 18,
    TCPFSM_ROW_T19 = 19,
    TCPFSM_ROW_T20 = 20,
    TCPFSM_ROW_T21 = 21,
    TCPFSM_ROW_T22 = 22,
    TCPFSM_ROW_T23 = 23,
    TCPFSM_ROW_T24 = 24,
    TCPFSM_ROW_T25 = 25,
    TCPFSM_ROW_T26 = 26,
    TCPFSM_ROW_T27 = 27,
    TCPFSM_ROW_T28 = 28,
    TCPFSM_ROW_T29 = 29,
    TCPFSM_ROW_T30 = 30,
    TCPFSM_ROW_T31 = 31,
    TCPFSM_ROW_T32 = 32,
    TCPFSM_ROW_T33 = 33,
    TCPFSM_ROW_T34 = 34,
    TCPFSM_ROW_T35 = 35,
    TCPFSM_ROW_T36 = 36,
    TCPFSM_ROW_T37 = 37,
    TCPFSM_ROW_T38 = 38,
    TCPFSM_ROW_T39 = 39,
    TCPFSM_ROW_T40 = 40,
    TCPFSM_ROW_T41 = 41,
    TCPFSM_ROW_T42 = 42,
    TCPFSM_ROW_T43 = 43,
    TCPFSM_ROW_T44 = 44,
    TCPFSM_ROW_T45 = 45,
    TCPFSM_ROW_T46 = 46,
    TCPFSM_ROW_T47 = 47,
    TCPFSM_ROW_T48 = 48,
    TCPFSM_ROW_T49 = 49,
    TCPFSM_ROW_T50 = 50,
    TCPFSM_ROW_T51 = 51,
    TCPFSM_ROW_T52 = 52,
    TCPFSM_ROW_T53 = 53,
    TCPFSM_ROW_T54 = 54,
    TCPFSM_ROW_T55 = 55,
    TCPFSM_ROW_T56 = 56,
    TCPFSM_ROW_T57 = 57,
    TCPFSM_ROW_T58 = 58,
    TCPFSM_ROW_T59 = 59,
    TCPFSM_ROW_T60 = 60,
    TCPFSM_ROW_T61 = 61,
    TCPFSM_ROW_T62 = 62,
    TCPFSM_ROW_T63 = 63,
    TCPFSM_ROW_T64 = 64,
    TCPFSM_ROW_T65 = 65,
    TCPFSM_ROW_T66 = 66,
    TCPFSM_ROW_T67 = 67,
    TCPFSM_ROW_T68 = 68,
    TCPFSM_ROW_T69 = 69,
    TCPFSM_ROW_T70 = 70,
    TCPFSM_ROW_T71 = 71,
    TCPFSM_ROW_T72 = 72,
    TCPFSM_ROW_T73 = 73,
    TCPFSM_ROW_T74 = 74,
    TCPFSM_ROW_T75 = 75,
    TCPFSM_ROW_T76 = 76,
    TCPFSM_ROW_T77 = 77,
    TCPFSM_ROW_T78 = 78,
    TCPFSM_ROW_T79 = 79,
    TCPFSM_ROW_T80 = 80,
    TCPFSM_ROW_T81 = 81,
    TCPFSM_ROW_T82 = 82,
    TCPFSM_ROW_T83 = 83,
    TCPFSM_ROW_T84 = 84,
    TCPFSM_ROW_T85 = 85,
    TCPFSM_ROW_T86 = 86,
    TCPFSM_ROW_T87 = 87,
    TCPFSM_ROW_T123 = 123,
    TCPFSM_ROW_T88 = 88,
    TCPFSM_ROW_T89 = 89,
    TCPFSM_ROW_T90 = 90,
    TCPFSM_ROW_T91 = 91,
    TCPFSM_ROW_T92 = 92,
    TCPFSM_ROW_T93 = 93,
    TCPFSM_ROW_T94 = 94,
    TCPFSM_ROW_T95 = 95,
    TCPFSM_ROW_T96 = 96,
    TCPFSM_ROW_T97 = 97,
    TCPFSM_ROW_T98 = 98,
    TCPFSM_ROW_T99 = 99,
    TCPFSM_ROW_T100 = 100,
    TCPFSM_ROW_T124 = 124,
    TCPFSM_ROW_T101 = 101,
    TCPFSM_ROW_T102 = 102,
    TCPFSM_ROW_T103 = 103,
    TCPFSM_ROW_T104 = 104,
    TCPFSM_ROW_T105 = 105,
    TCPFSM_ROW_T106 = 106,
    TCPFSM_ROW_T107 = 107,
    TCPFSM_ROW_T108 = 108,
    TCPFSM_ROW_T109 = 109,
    TCPFSM_ROW_T110 = 110,
    TCPFSM_ROW_T111 = 111,
    TCPFSM_ROW_T112 = 112,
    TCPFSM_ROW_T113 = 113,
    TCPFSM_ROW_T114 = 114,
    TCPFSM_ROW_T115 = 115,
    TCPFSM_ROW_T116 = 116,
    TCPFSM_ROW_T117 = 117,
    TCPFSM_ROW_T118 = 118,
    TCPFSM_ROW_T119 = 119,
    TCPFSM_ROW_T120 = 120,
    TCPFSM_ROW_T121 = 121,
    TCPFSM_ROW_T122 = 122
};
#define TCPFSM_ROW_COUNT 124        /* number of rows */
#define TCPFSM_ROW_ID_MAX 124       /* largest row id */

/* One possible outcome of a (state, event) cell. row == 0: no transition (event ignored). */
struct tcpfsm_transition { uint16_t row; uint8_t next; uint32_t actions; };
/* A cell: guard == TCPFSM_GUARD_NONE for unguarded cells, whose row is in when[0].
   Otherwise when[1] applies when the guard holds and when[0] when it does not. */
struct tcpfsm_cell { uint8_t guard; struct tcpfsm_transition when[2]; };

extern const struct tcpfsm_cell tcpfsm_table[TCPFSM_STATE_COUNT][TCPFSM_EVENT_COUNT];
extern const char *const tcpfsm_state_names[TCPFSM_STATE_COUNT];   /* RFC spelling, "SYN-SENT" */
extern const char *const tcpfsm_event_names[TCPFSM_EVENT_COUNT];
extern const uint8_t     tcpfsm_event_kinds[TCPFSM_EVENT_COUNT];   /* enum tcpfsm_event_kind */
extern const char *const tcpfsm_guard_names[TCPFSM_GUARD_COUNT];   /* [0] = "-" */
extern const char *const tcpfsm_action_names[TCPFSM_ACTION_COUNT];

/* One table row. guard_holds: 1 for a row on GUARD, 0 for a row on !GUARD or an unguarded row. */
struct tcpfsm_row_info { uint16_t id; uint8_t from, event, guard, guard_holds, to; uint32_t actions; const char *rfc; };
extern const struct tcpfsm_row_info tcpfsm_rows[TCPFSM_ROW_COUNT];  /* in table order */

#endif /* TCPFSM_TABLE_H */
