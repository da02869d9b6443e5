/* generated from tests/gen/cases/mini.fsm by tcpfsm-gen, do not edit */
#ifndef TCPFSM_RELATION_H
#define TCPFSM_RELATION_H

#include "tcpfsm_table.h"

/* The transition relation of tests/gen/cases/mini.fsm as ACSL predicates, one disjunct per row.
   guard_holds: whether the guard of the (from, event) cell holds (ignored by unguarded rows).
   A step from `old` on `ev` to `new` is faithful when tcpfsm_relation(old, ev, g, new) holds,
   or !tcpfsm_has_row(old, ev, g) and new == old. tcpfsm_row_actions(id, a): row id's action bits are a. */
/*@
  predicate tcpfsm_relation(integer from, integer event, integer guard_holds, integer to) =
       (from == TCPFSM_CLOSED && event == TCPFSM_EV_OPEN_ACTIVE && to == TCPFSM_SYN_SENT)  // T01
    || (from == TCPFSM_CLOSED && event == TCPFSM_EV_OPEN_PASSIVE && to == TCPFSM_LISTEN)  // T02
    || (from == TCPFSM_LISTEN && event == TCPFSM_EV_SYN && to == TCPFSM_SYN_SENT)  // T03
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_SYN_ACK && to == TCPFSM_ESTABLISHED)  // T04
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_RST && guard_holds != 0 && to == TCPFSM_LISTEN)  // T05
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_RST && guard_holds == 0 && to == TCPFSM_CLOSED)  // T06
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_RST && guard_holds != 0 && to == TCPFSM_ESTABLISHED)  // T07
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_CLOSE && to == TCPFSM_CLOSED)  // T08
    || (from == TCPFSM_LISTEN && event == TCPFSM_EV_CLOSE && to == TCPFSM_CLOSED)  // T09
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_RTO && to == TCPFSM_SYN_SENT)  // T10
    || (from == TCPFSM_LISTEN && event == TCPFSM_EV_RST && guard_holds == 0 && to == TCPFSM_LISTEN)  // T100
    ;
  predicate tcpfsm_has_row(integer from, integer event, integer guard_holds) =
       (from == TCPFSM_CLOSED && event == TCPFSM_EV_OPEN_ACTIVE)  // T01
    || (from == TCPFSM_CLOSED && event == TCPFSM_EV_OPEN_PASSIVE)  // T02
    || (from == TCPFSM_LISTEN && event == TCPFSM_EV_SYN)  // T03
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_SYN_ACK)  // T04
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_RST && guard_holds != 0)  // T05
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_RST && guard_holds == 0)  // T06
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_RST && guard_holds != 0)  // T07
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_CLOSE)  // T08
    || (from == TCPFSM_LISTEN && event == TCPFSM_EV_CLOSE)  // T09
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_RTO)  // T10
    || (from == TCPFSM_LISTEN && event == TCPFSM_EV_RST && guard_holds == 0)  // T100
    ;
  predicate tcpfsm_row(integer id, integer from, integer event, integer guard_holds, integer to) =
       (id == TCPFSM_ROW_T01 && from == TCPFSM_CLOSED && event == TCPFSM_EV_OPEN_ACTIVE && to == TCPFSM_SYN_SENT)  // T01
    || (id == TCPFSM_ROW_T02 && from == TCPFSM_CLOSED && event == TCPFSM_EV_OPEN_PASSIVE && to == TCPFSM_LISTEN)  // T02
    || (id == TCPFSM_ROW_T03 && from == TCPFSM_LISTEN && event == TCPFSM_EV_SYN && to == TCPFSM_SYN_SENT)  // T03
    || (id == TCPFSM_ROW_T04 && from == TCPFSM_SYN_SENT && event == TCPFSM_EV_SYN_ACK && to == TCPFSM_ESTABLISHED)  // T04
    || (id == TCPFSM_ROW_T05 && from == TCPFSM_SYN_SENT && event == TCPFSM_EV_RST && guard_holds != 0 && to == TCPFSM_LISTEN)  // T05
    || (id == TCPFSM_ROW_T06 && from == TCPFSM_SYN_SENT && event == TCPFSM_EV_RST && guard_holds == 0 && to == TCPFSM_CLOSED)  // T06
    || (id == TCPFSM_ROW_T07 && from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_RST && guard_holds != 0 && to == TCPFSM_ESTABLISHED)  // T07
    || (id == TCPFSM_ROW_T08 && from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_CLOSE && to == TCPFSM_CLOSED)  // T08
    || (id == TCPFSM_ROW_T09 && from == TCPFSM_LISTEN && event == TCPFSM_EV_CLOSE && to == TCPFSM_CLOSED)  // T09
    || (id == TCPFSM_ROW_T10 && from == TCPFSM_SYN_SENT && event == TCPFSM_EV_RTO && to == TCPFSM_SYN_SENT)  // T10
    || (id == TCPFSM_ROW_T100 && from == TCPFSM_LISTEN && event == TCPFSM_EV_RST && guard_holds == 0 && to == TCPFSM_LISTEN)  // T100
    ;
  predicate tcpfsm_row_actions(integer id, integer actions) =
       (id == TCPFSM_ROW_T01 && actions == 0x00001)  // T01: send_syn
    || (id == TCPFSM_ROW_T02 && actions == 0x00000)  // T02: -
    || (id == TCPFSM_ROW_T03 && actions == 0x00002)  // T03: send_syn_ack
    || (id == TCPFSM_ROW_T04 && actions == 0x00004)  // T04: send_ack
    || (id == TCPFSM_ROW_T05 && actions == 0x00000)  // T05: -
    || (id == TCPFSM_ROW_T06 && actions == 0x00008)  // T06: signal_closed
    || (id == TCPFSM_ROW_T07 && actions == 0x00000)  // T07: -
    || (id == TCPFSM_ROW_T08 && actions == 0x0000c)  // T08: send_ack signal_closed
    || (id == TCPFSM_ROW_T09 && actions == 0x00008)  // T09: signal_closed
    || (id == TCPFSM_ROW_T10 && actions == 0x00001)  // T10: send_syn
    || (id == TCPFSM_ROW_T100 && actions == 0x00000)  // T100: -
    ;
*/

#endif /* TCPFSM_RELATION_H */
