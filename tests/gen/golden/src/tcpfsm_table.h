/* generated from tests/gen/cases/mini.fsm by tcpfsm-gen, do not edit */
#ifndef TCPFSM_TABLE_H
#define TCPFSM_TABLE_H

#include <stdint.h>

/* States, in declaration order; the first is CLOSED = 0. */
enum tcpfsm_state {
    TCPFSM_CLOSED = 0,           /* no connection */
    TCPFSM_LISTEN = 1,           /* waiting for a SYN */
    TCPFSM_SYN_SENT = 2,         /* SYN sent, waiting for SYN+ACK */
    TCPFSM_ESTABLISHED = 3,      /* open */
    TCPFSM_STATE_COUNT = 4
};

/* Events, in declaration order. */
enum tcpfsm_event {
    TCPFSM_EV_OPEN_ACTIVE = 0,       /* user: active OPEN */
    TCPFSM_EV_OPEN_PASSIVE = 1,      /* user: passive OPEN */
    TCPFSM_EV_CLOSE = 2,             /* user: CLOSE */
    TCPFSM_EV_SYN = 3,               /* segment: a SYN */
    TCPFSM_EV_SYN_ACK = 4,           /* segment: an acceptable SYN+ACK */
    TCPFSM_EV_RST = 5,               /* segment: a valid RST */
    TCPFSM_EV_RTO = 6,               /* timer: retransmission timeout */
    TCPFSM_EVENT_COUNT = 7
};

enum tcpfsm_event_kind { TCPFSM_KIND_USER = 0, TCPFSM_KIND_SEGMENT = 1, TCPFSM_KIND_TIMER = 2 };

/* Guards: conditions a cell may test. TCPFSM_GUARD_NONE: the cell is unguarded. */
enum tcpfsm_guard {
    TCPFSM_GUARD_NONE = 0,
    TCPFSM_GUARD_PASSIVE_OPEN = 1,      /* came from LISTEN */
    TCPFSM_GUARD_RFC1337 = 2,           /* RFC 1337 is on */
    TCPFSM_GUARD_COUNT = 3
};

/* Actions: TCPFSM_ACTI_x is the bit index, TCPFSM_ACT_x the bit. */
enum tcpfsm_action_index {
    TCPFSM_ACTI_SEND_SYN = 0,           /* send a SYN */
    TCPFSM_ACTI_SEND_SYN_ACK = 1,       /* send a SYN+ACK */
    TCPFSM_ACTI_SEND_ACK = 2,           /* send an ACK */
    TCPFSM_ACTI_SIGNAL_CLOSED = 3,      /* tell the user the connection is closed */
    TCPFSM_ACTION_COUNT = 4
};
#define TCPFSM_ACT_SEND_SYN          (UINT32_C(1) << TCPFSM_ACTI_SEND_SYN)
#define TCPFSM_ACT_SEND_SYN_ACK      (UINT32_C(1) << TCPFSM_ACTI_SEND_SYN_ACK)
#define TCPFSM_ACT_SEND_ACK          (UINT32_C(1) << TCPFSM_ACTI_SEND_ACK)
#define TCPFSM_ACT_SIGNAL_CLOSED     (UINT32_C(1) << TCPFSM_ACTI_SIGNAL_CLOSED)

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
    TCPFSM_ROW_T100 = 100
};
#define TCPFSM_ROW_COUNT 11        /* number of rows */
#define TCPFSM_ROW_ID_MAX 100       /* largest row id */

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
