/* generated from model/tcp.fsm by tcpfsm-gen, do not edit */
#ifndef TCPFSM_RELATION_H
#define TCPFSM_RELATION_H

#include "tcpfsm_table.h"

/* The transition relation of model/tcp.fsm as ACSL predicates, one disjunct per row.
   guard_holds: whether the guard of the (from, event) cell holds (ignored by unguarded rows).
   A step from `old` on `ev` to `new` is faithful when tcpfsm_relation(old, ev, g, new) holds,
   or !tcpfsm_has_row(old, ev, g) and new == old. tcpfsm_row_actions(id, a): row id's action bits are a. */
/*@
  predicate tcpfsm_relation(integer from, integer event, integer guard_holds, integer to) =
       (from == TCPFSM_CLOSED && event == TCPFSM_EV_OPEN_ACTIVE && to == TCPFSM_SYN_SENT)  // T01
    || (from == TCPFSM_CLOSED && event == TCPFSM_EV_OPEN_PASSIVE && to == TCPFSM_LISTEN)  // T02
    || (from == TCPFSM_CLOSED && event == TCPFSM_EV_NO_CONNECTION && to == TCPFSM_CLOSED)  // T03
    || (from == TCPFSM_CLOSED && event == TCPFSM_EV_RST && to == TCPFSM_CLOSED)  // T04
    || (from == TCPFSM_LISTEN && event == TCPFSM_EV_SYN && to == TCPFSM_SYN_RECEIVED)  // T05
    || (from == TCPFSM_LISTEN && event == TCPFSM_EV_BAD_ACK && to == TCPFSM_LISTEN)  // T06
    || (from == TCPFSM_LISTEN && event == TCPFSM_EV_RST && to == TCPFSM_LISTEN)  // T07
    || (from == TCPFSM_LISTEN && event == TCPFSM_EV_UNACCEPTABLE && to == TCPFSM_LISTEN)  // T08
    || (from == TCPFSM_LISTEN && event == TCPFSM_EV_OPEN_ACTIVE && to == TCPFSM_SYN_SENT)  // T09
    || (from == TCPFSM_LISTEN && event == TCPFSM_EV_CLOSE && to == TCPFSM_CLOSED)  // T10
    || (from == TCPFSM_LISTEN && event == TCPFSM_EV_ABORT && to == TCPFSM_CLOSED)  // T11
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_SYN_ACK && to == TCPFSM_ESTABLISHED)  // T12
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_SYN && to == TCPFSM_SYN_RECEIVED)  // T13
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_BAD_ACK && to == TCPFSM_SYN_SENT)  // T14
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_RST && to == TCPFSM_CLOSED)  // T15
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_UNACCEPTABLE && to == TCPFSM_SYN_SENT)  // T16
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_RTO && to == TCPFSM_SYN_SENT)  // T17
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_RTO_GIVEUP && to == TCPFSM_CLOSED)  // T18
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_CLOSE && to == TCPFSM_CLOSED)  // T19
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_ABORT && to == TCPFSM_CLOSED)  // T20
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_ACK_OF_SYN && to == TCPFSM_ESTABLISHED)  // T21
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_FIN && to == TCPFSM_CLOSE_WAIT)  // T22
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_BAD_ACK && to == TCPFSM_SYN_RECEIVED)  // T23
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_RST && guard_holds != 0 && to == TCPFSM_LISTEN)  // T24
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_RST && guard_holds == 0 && to == TCPFSM_CLOSED)  // T25
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_RST_CHALLENGE && to == TCPFSM_SYN_RECEIVED)  // T26
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_SYN && to == TCPFSM_SYN_RECEIVED)  // T27
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0 && to == TCPFSM_SYN_RECEIVED)  // T28
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0 && to == TCPFSM_CLOSED)  // T29
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_UNACCEPTABLE && to == TCPFSM_SYN_RECEIVED)  // T30
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_RTO && to == TCPFSM_SYN_RECEIVED)  // T31
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_RTO_GIVEUP && guard_holds != 0 && to == TCPFSM_LISTEN)  // T32
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_RTO_GIVEUP && guard_holds == 0 && to == TCPFSM_CLOSED)  // T33
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_CLOSE && to == TCPFSM_FIN_WAIT_1)  // T34
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_ABORT && to == TCPFSM_CLOSED)  // T35
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_ACK && to == TCPFSM_ESTABLISHED)  // T36
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_FIN && to == TCPFSM_CLOSE_WAIT)  // T37
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_RST && to == TCPFSM_CLOSED)  // T38
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_RST_CHALLENGE && to == TCPFSM_ESTABLISHED)  // T39
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0 && to == TCPFSM_ESTABLISHED)  // T40
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0 && to == TCPFSM_CLOSED)  // T41
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_ACK_INVALID && to == TCPFSM_ESTABLISHED)  // T42
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_UNACCEPTABLE && to == TCPFSM_ESTABLISHED)  // T43
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_RTO && to == TCPFSM_ESTABLISHED)  // T44
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_RTO_GIVEUP && to == TCPFSM_CLOSED)  // T45
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_CLOSE && to == TCPFSM_FIN_WAIT_1)  // T46
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_ABORT && to == TCPFSM_CLOSED)  // T47
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_ACK_OF_FIN && to == TCPFSM_FIN_WAIT_2)  // T48
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_ACK && to == TCPFSM_FIN_WAIT_1)  // T49
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_FIN && to == TCPFSM_CLOSING)  // T50
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_FIN_ACK && to == TCPFSM_TIME_WAIT)  // T51
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_RST && to == TCPFSM_CLOSED)  // T52
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_RST_CHALLENGE && to == TCPFSM_FIN_WAIT_1)  // T53
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0 && to == TCPFSM_FIN_WAIT_1)  // T54
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0 && to == TCPFSM_CLOSED)  // T55
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_ACK_INVALID && to == TCPFSM_FIN_WAIT_1)  // T56
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_UNACCEPTABLE && to == TCPFSM_FIN_WAIT_1)  // T57
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_RTO && to == TCPFSM_FIN_WAIT_1)  // T58
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_RTO_GIVEUP && to == TCPFSM_CLOSED)  // T59
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_ABORT && to == TCPFSM_CLOSED)  // T60
    || (from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_ACK && to == TCPFSM_FIN_WAIT_2)  // T61
    || (from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_FIN && to == TCPFSM_TIME_WAIT)  // T62
    || (from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_RST && to == TCPFSM_CLOSED)  // T63
    || (from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_RST_CHALLENGE && to == TCPFSM_FIN_WAIT_2)  // T64
    || (from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0 && to == TCPFSM_FIN_WAIT_2)  // T65
    || (from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0 && to == TCPFSM_CLOSED)  // T66
    || (from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_ACK_INVALID && to == TCPFSM_FIN_WAIT_2)  // T67
    || (from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_UNACCEPTABLE && to == TCPFSM_FIN_WAIT_2)  // T68
    || (from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_FIN_WAIT_2_TIMEOUT && to == TCPFSM_CLOSED)  // T69
    || (from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_ABORT && to == TCPFSM_CLOSED)  // T70
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_ACK && to == TCPFSM_CLOSE_WAIT)  // T71
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_FIN && to == TCPFSM_CLOSE_WAIT)  // T72
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_CLOSE && to == TCPFSM_LAST_ACK)  // T73
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_RST && to == TCPFSM_CLOSED)  // T74
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_RST_CHALLENGE && to == TCPFSM_CLOSE_WAIT)  // T75
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0 && to == TCPFSM_CLOSE_WAIT)  // T76
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0 && to == TCPFSM_CLOSED)  // T77
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_ACK_INVALID && to == TCPFSM_CLOSE_WAIT)  // T78
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_UNACCEPTABLE && to == TCPFSM_CLOSE_WAIT)  // T79
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_RTO && to == TCPFSM_CLOSE_WAIT)  // T80
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_RTO_GIVEUP && to == TCPFSM_CLOSED)  // T81
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_ABORT && to == TCPFSM_CLOSED)  // T82
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_ACK_OF_FIN && to == TCPFSM_TIME_WAIT)  // T83
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_ACK && to == TCPFSM_CLOSING)  // T84
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_FIN && to == TCPFSM_CLOSING)  // T85
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_FIN_ACK && to == TCPFSM_TIME_WAIT)  // T86
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_RST && guard_holds == 0 && to == TCPFSM_CLOSED)  // T87
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_RST && guard_holds != 0 && to == TCPFSM_CLOSED)  // T123
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_RST_CHALLENGE && to == TCPFSM_CLOSING)  // T88
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0 && to == TCPFSM_CLOSING)  // T89
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0 && to == TCPFSM_CLOSED)  // T90
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_ACK_INVALID && to == TCPFSM_CLOSING)  // T91
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_UNACCEPTABLE && to == TCPFSM_CLOSING)  // T92
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_RTO && to == TCPFSM_CLOSING)  // T93
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_RTO_GIVEUP && to == TCPFSM_CLOSED)  // T94
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_ABORT && to == TCPFSM_CLOSED)  // T95
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_ACK_OF_FIN && to == TCPFSM_CLOSED)  // T96
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_ACK && to == TCPFSM_LAST_ACK)  // T97
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_FIN && to == TCPFSM_LAST_ACK)  // T98
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_FIN_ACK && to == TCPFSM_CLOSED)  // T99
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_RST && guard_holds == 0 && to == TCPFSM_CLOSED)  // T100
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_RST && guard_holds != 0 && to == TCPFSM_CLOSED)  // T124
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_RST_CHALLENGE && to == TCPFSM_LAST_ACK)  // T101
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0 && to == TCPFSM_LAST_ACK)  // T102
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0 && to == TCPFSM_CLOSED)  // T103
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_ACK_INVALID && to == TCPFSM_LAST_ACK)  // T104
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_UNACCEPTABLE && to == TCPFSM_LAST_ACK)  // T105
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_RTO && to == TCPFSM_LAST_ACK)  // T106
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_RTO_GIVEUP && to == TCPFSM_CLOSED)  // T107
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_ABORT && to == TCPFSM_CLOSED)  // T108
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_FIN && to == TCPFSM_TIME_WAIT)  // T109
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_ACK && to == TCPFSM_TIME_WAIT)  // T110
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_RST && guard_holds != 0 && to == TCPFSM_TIME_WAIT)  // T111
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_RST && guard_holds == 0 && to == TCPFSM_CLOSED)  // T112
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_RST_CHALLENGE && guard_holds != 0 && to == TCPFSM_TIME_WAIT)  // T113
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_RST_CHALLENGE && guard_holds == 0 && to == TCPFSM_TIME_WAIT)  // T114
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_SYN && guard_holds != 0 && to == TCPFSM_SYN_RECEIVED)  // T115
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_SYN && guard_holds == 0 && to == TCPFSM_TIME_WAIT)  // T116
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0 && to == TCPFSM_TIME_WAIT)  // T117
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0 && to == TCPFSM_CLOSED)  // T118
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_ACK_INVALID && to == TCPFSM_TIME_WAIT)  // T119
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_UNACCEPTABLE && to == TCPFSM_TIME_WAIT)  // T120
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_TIME_WAIT_EXPIRY && to == TCPFSM_CLOSED)  // T121
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_ABORT && to == TCPFSM_CLOSED)  // T122
    ;
  predicate tcpfsm_has_row(integer from, integer event, integer guard_holds) =
       (from == TCPFSM_CLOSED && event == TCPFSM_EV_OPEN_ACTIVE)  // T01
    || (from == TCPFSM_CLOSED && event == TCPFSM_EV_OPEN_PASSIVE)  // T02
    || (from == TCPFSM_CLOSED && event == TCPFSM_EV_NO_CONNECTION)  // T03
    || (from == TCPFSM_CLOSED && event == TCPFSM_EV_RST)  // T04
    || (from == TCPFSM_LISTEN && event == TCPFSM_EV_SYN)  // T05
    || (from == TCPFSM_LISTEN && event == TCPFSM_EV_BAD_ACK)  // T06
    || (from == TCPFSM_LISTEN && event == TCPFSM_EV_RST)  // T07
    || (from == TCPFSM_LISTEN && event == TCPFSM_EV_UNACCEPTABLE)  // T08
    || (from == TCPFSM_LISTEN && event == TCPFSM_EV_OPEN_ACTIVE)  // T09
    || (from == TCPFSM_LISTEN && event == TCPFSM_EV_CLOSE)  // T10
    || (from == TCPFSM_LISTEN && event == TCPFSM_EV_ABORT)  // T11
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_SYN_ACK)  // T12
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_SYN)  // T13
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_BAD_ACK)  // T14
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_RST)  // T15
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_UNACCEPTABLE)  // T16
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_RTO)  // T17
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_RTO_GIVEUP)  // T18
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_CLOSE)  // T19
    || (from == TCPFSM_SYN_SENT && event == TCPFSM_EV_ABORT)  // T20
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_ACK_OF_SYN)  // T21
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_FIN)  // T22
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_BAD_ACK)  // T23
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_RST && guard_holds != 0)  // T24
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_RST && guard_holds == 0)  // T25
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_RST_CHALLENGE)  // T26
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_SYN)  // T27
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0)  // T28
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0)  // T29
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_UNACCEPTABLE)  // T30
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_RTO)  // T31
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_RTO_GIVEUP && guard_holds != 0)  // T32
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_RTO_GIVEUP && guard_holds == 0)  // T33
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_CLOSE)  // T34
    || (from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_ABORT)  // T35
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_ACK)  // T36
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_FIN)  // T37
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_RST)  // T38
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_RST_CHALLENGE)  // T39
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0)  // T40
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0)  // T41
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_ACK_INVALID)  // T42
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_UNACCEPTABLE)  // T43
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_RTO)  // T44
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_RTO_GIVEUP)  // T45
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_CLOSE)  // T46
    || (from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_ABORT)  // T47
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_ACK_OF_FIN)  // T48
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_ACK)  // T49
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_FIN)  // T50
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_FIN_ACK)  // T51
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_RST)  // T52
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_RST_CHALLENGE)  // T53
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0)  // T54
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0)  // T55
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_ACK_INVALID)  // T56
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_UNACCEPTABLE)  // T57
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_RTO)  // T58
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_RTO_GIVEUP)  // T59
    || (from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_ABORT)  // T60
    || (from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_ACK)  // T61
    || (from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_FIN)  // T62
    || (from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_RST)  // T63
    || (from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_RST_CHALLENGE)  // T64
    || (from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0)  // T65
    || (from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0)  // T66
    || (from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_ACK_INVALID)  // T67
    || (from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_UNACCEPTABLE)  // T68
    || (from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_FIN_WAIT_2_TIMEOUT)  // T69
    || (from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_ABORT)  // T70
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_ACK)  // T71
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_FIN)  // T72
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_CLOSE)  // T73
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_RST)  // T74
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_RST_CHALLENGE)  // T75
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0)  // T76
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0)  // T77
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_ACK_INVALID)  // T78
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_UNACCEPTABLE)  // T79
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_RTO)  // T80
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_RTO_GIVEUP)  // T81
    || (from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_ABORT)  // T82
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_ACK_OF_FIN)  // T83
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_ACK)  // T84
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_FIN)  // T85
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_FIN_ACK)  // T86
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_RST && guard_holds == 0)  // T87
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_RST && guard_holds != 0)  // T123
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_RST_CHALLENGE)  // T88
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0)  // T89
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0)  // T90
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_ACK_INVALID)  // T91
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_UNACCEPTABLE)  // T92
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_RTO)  // T93
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_RTO_GIVEUP)  // T94
    || (from == TCPFSM_CLOSING && event == TCPFSM_EV_ABORT)  // T95
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_ACK_OF_FIN)  // T96
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_ACK)  // T97
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_FIN)  // T98
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_FIN_ACK)  // T99
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_RST && guard_holds == 0)  // T100
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_RST && guard_holds != 0)  // T124
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_RST_CHALLENGE)  // T101
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0)  // T102
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0)  // T103
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_ACK_INVALID)  // T104
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_UNACCEPTABLE)  // T105
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_RTO)  // T106
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_RTO_GIVEUP)  // T107
    || (from == TCPFSM_LAST_ACK && event == TCPFSM_EV_ABORT)  // T108
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_FIN)  // T109
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_ACK)  // T110
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_RST && guard_holds != 0)  // T111
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_RST && guard_holds == 0)  // T112
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_RST_CHALLENGE && guard_holds != 0)  // T113
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_RST_CHALLENGE && guard_holds == 0)  // T114
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_SYN && guard_holds != 0)  // T115
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_SYN && guard_holds == 0)  // T116
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0)  // T117
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0)  // T118
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_ACK_INVALID)  // T119
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_UNACCEPTABLE)  // T120
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_TIME_WAIT_EXPIRY)  // T121
    || (from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_ABORT)  // T122
    ;
  predicate tcpfsm_row(integer id, integer from, integer event, integer guard_holds, integer to) =
       (id == TCPFSM_ROW_T01 && from == TCPFSM_CLOSED && event == TCPFSM_EV_OPEN_ACTIVE && to == TCPFSM_SYN_SENT)  // T01
    || (id == TCPFSM_ROW_T02 && from == TCPFSM_CLOSED && event == TCPFSM_EV_OPEN_PASSIVE && to == TCPFSM_LISTEN)  // T02
    || (id == TCPFSM_ROW_T03 && from == TCPFSM_CLOSED && event == TCPFSM_EV_NO_CONNECTION && to == TCPFSM_CLOSED)  // T03
    || (id == TCPFSM_ROW_T04 && from == TCPFSM_CLOSED && event == TCPFSM_EV_RST && to == TCPFSM_CLOSED)  // T04
    || (id == TCPFSM_ROW_T05 && from == TCPFSM_LISTEN && event == TCPFSM_EV_SYN && to == TCPFSM_SYN_RECEIVED)  // T05
    || (id == TCPFSM_ROW_T06 && from == TCPFSM_LISTEN && event == TCPFSM_EV_BAD_ACK && to == TCPFSM_LISTEN)  // T06
    || (id == TCPFSM_ROW_T07 && from == TCPFSM_LISTEN && event == TCPFSM_EV_RST && to == TCPFSM_LISTEN)  // T07
    || (id == TCPFSM_ROW_T08 && from == TCPFSM_LISTEN && event == TCPFSM_EV_UNACCEPTABLE && to == TCPFSM_LISTEN)  // T08
    || (id == TCPFSM_ROW_T09 && from == TCPFSM_LISTEN && event == TCPFSM_EV_OPEN_ACTIVE && to == TCPFSM_SYN_SENT)  // T09
    || (id == TCPFSM_ROW_T10 && from == TCPFSM_LISTEN && event == TCPFSM_EV_CLOSE && to == TCPFSM_CLOSED)  // T10
    || (id == TCPFSM_ROW_T11 && from == TCPFSM_LISTEN && event == TCPFSM_EV_ABORT && to == TCPFSM_CLOSED)  // T11
    || (id == TCPFSM_ROW_T12 && from == TCPFSM_SYN_SENT && event == TCPFSM_EV_SYN_ACK && to == TCPFSM_ESTABLISHED)  // T12
    || (id == TCPFSM_ROW_T13 && from == TCPFSM_SYN_SENT && event == TCPFSM_EV_SYN && to == TCPFSM_SYN_RECEIVED)  // T13
    || (id == TCPFSM_ROW_T14 && from == TCPFSM_SYN_SENT && event == TCPFSM_EV_BAD_ACK && to == TCPFSM_SYN_SENT)  // T14
    || (id == TCPFSM_ROW_T15 && from == TCPFSM_SYN_SENT && event == TCPFSM_EV_RST && to == TCPFSM_CLOSED)  // T15
    || (id == TCPFSM_ROW_T16 && from == TCPFSM_SYN_SENT && event == TCPFSM_EV_UNACCEPTABLE && to == TCPFSM_SYN_SENT)  // T16
    || (id == TCPFSM_ROW_T17 && from == TCPFSM_SYN_SENT && event == TCPFSM_EV_RTO && to == TCPFSM_SYN_SENT)  // T17
    || (id == TCPFSM_ROW_T18 && from == TCPFSM_SYN_SENT && event == TCPFSM_EV_RTO_GIVEUP && to == TCPFSM_CLOSED)  // T18
    || (id == TCPFSM_ROW_T19 && from == TCPFSM_SYN_SENT && event == TCPFSM_EV_CLOSE && to == TCPFSM_CLOSED)  // T19
    || (id == TCPFSM_ROW_T20 && from == TCPFSM_SYN_SENT && event == TCPFSM_EV_ABORT && to == TCPFSM_CLOSED)  // T20
    || (id == TCPFSM_ROW_T21 && from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_ACK_OF_SYN && to == TCPFSM_ESTABLISHED)  // T21
    || (id == TCPFSM_ROW_T22 && from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_FIN && to == TCPFSM_CLOSE_WAIT)  // T22
    || (id == TCPFSM_ROW_T23 && from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_BAD_ACK && to == TCPFSM_SYN_RECEIVED)  // T23
    || (id == TCPFSM_ROW_T24 && from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_RST && guard_holds != 0 && to == TCPFSM_LISTEN)  // T24
    || (id == TCPFSM_ROW_T25 && from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_RST && guard_holds == 0 && to == TCPFSM_CLOSED)  // T25
    || (id == TCPFSM_ROW_T26 && from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_RST_CHALLENGE && to == TCPFSM_SYN_RECEIVED)  // T26
    || (id == TCPFSM_ROW_T27 && from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_SYN && to == TCPFSM_SYN_RECEIVED)  // T27
    || (id == TCPFSM_ROW_T28 && from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0 && to == TCPFSM_SYN_RECEIVED)  // T28
    || (id == TCPFSM_ROW_T29 && from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0 && to == TCPFSM_CLOSED)  // T29
    || (id == TCPFSM_ROW_T30 && from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_UNACCEPTABLE && to == TCPFSM_SYN_RECEIVED)  // T30
    || (id == TCPFSM_ROW_T31 && from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_RTO && to == TCPFSM_SYN_RECEIVED)  // T31
    || (id == TCPFSM_ROW_T32 && from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_RTO_GIVEUP && guard_holds != 0 && to == TCPFSM_LISTEN)  // T32
    || (id == TCPFSM_ROW_T33 && from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_RTO_GIVEUP && guard_holds == 0 && to == TCPFSM_CLOSED)  // T33
    || (id == TCPFSM_ROW_T34 && from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_CLOSE && to == TCPFSM_FIN_WAIT_1)  // T34
    || (id == TCPFSM_ROW_T35 && from == TCPFSM_SYN_RECEIVED && event == TCPFSM_EV_ABORT && to == TCPFSM_CLOSED)  // T35
    || (id == TCPFSM_ROW_T36 && from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_ACK && to == TCPFSM_ESTABLISHED)  // T36
    || (id == TCPFSM_ROW_T37 && from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_FIN && to == TCPFSM_CLOSE_WAIT)  // T37
    || (id == TCPFSM_ROW_T38 && from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_RST && to == TCPFSM_CLOSED)  // T38
    || (id == TCPFSM_ROW_T39 && from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_RST_CHALLENGE && to == TCPFSM_ESTABLISHED)  // T39
    || (id == TCPFSM_ROW_T40 && from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0 && to == TCPFSM_ESTABLISHED)  // T40
    || (id == TCPFSM_ROW_T41 && from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0 && to == TCPFSM_CLOSED)  // T41
    || (id == TCPFSM_ROW_T42 && from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_ACK_INVALID && to == TCPFSM_ESTABLISHED)  // T42
    || (id == TCPFSM_ROW_T43 && from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_UNACCEPTABLE && to == TCPFSM_ESTABLISHED)  // T43
    || (id == TCPFSM_ROW_T44 && from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_RTO && to == TCPFSM_ESTABLISHED)  // T44
    || (id == TCPFSM_ROW_T45 && from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_RTO_GIVEUP && to == TCPFSM_CLOSED)  // T45
    || (id == TCPFSM_ROW_T46 && from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_CLOSE && to == TCPFSM_FIN_WAIT_1)  // T46
    || (id == TCPFSM_ROW_T47 && from == TCPFSM_ESTABLISHED && event == TCPFSM_EV_ABORT && to == TCPFSM_CLOSED)  // T47
    || (id == TCPFSM_ROW_T48 && from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_ACK_OF_FIN && to == TCPFSM_FIN_WAIT_2)  // T48
    || (id == TCPFSM_ROW_T49 && from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_ACK && to == TCPFSM_FIN_WAIT_1)  // T49
    || (id == TCPFSM_ROW_T50 && from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_FIN && to == TCPFSM_CLOSING)  // T50
    || (id == TCPFSM_ROW_T51 && from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_FIN_ACK && to == TCPFSM_TIME_WAIT)  // T51
    || (id == TCPFSM_ROW_T52 && from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_RST && to == TCPFSM_CLOSED)  // T52
    || (id == TCPFSM_ROW_T53 && from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_RST_CHALLENGE && to == TCPFSM_FIN_WAIT_1)  // T53
    || (id == TCPFSM_ROW_T54 && from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0 && to == TCPFSM_FIN_WAIT_1)  // T54
    || (id == TCPFSM_ROW_T55 && from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0 && to == TCPFSM_CLOSED)  // T55
    || (id == TCPFSM_ROW_T56 && from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_ACK_INVALID && to == TCPFSM_FIN_WAIT_1)  // T56
    || (id == TCPFSM_ROW_T57 && from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_UNACCEPTABLE && to == TCPFSM_FIN_WAIT_1)  // T57
    || (id == TCPFSM_ROW_T58 && from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_RTO && to == TCPFSM_FIN_WAIT_1)  // T58
    || (id == TCPFSM_ROW_T59 && from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_RTO_GIVEUP && to == TCPFSM_CLOSED)  // T59
    || (id == TCPFSM_ROW_T60 && from == TCPFSM_FIN_WAIT_1 && event == TCPFSM_EV_ABORT && to == TCPFSM_CLOSED)  // T60
    || (id == TCPFSM_ROW_T61 && from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_ACK && to == TCPFSM_FIN_WAIT_2)  // T61
    || (id == TCPFSM_ROW_T62 && from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_FIN && to == TCPFSM_TIME_WAIT)  // T62
    || (id == TCPFSM_ROW_T63 && from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_RST && to == TCPFSM_CLOSED)  // T63
    || (id == TCPFSM_ROW_T64 && from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_RST_CHALLENGE && to == TCPFSM_FIN_WAIT_2)  // T64
    || (id == TCPFSM_ROW_T65 && from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0 && to == TCPFSM_FIN_WAIT_2)  // T65
    || (id == TCPFSM_ROW_T66 && from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0 && to == TCPFSM_CLOSED)  // T66
    || (id == TCPFSM_ROW_T67 && from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_ACK_INVALID && to == TCPFSM_FIN_WAIT_2)  // T67
    || (id == TCPFSM_ROW_T68 && from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_UNACCEPTABLE && to == TCPFSM_FIN_WAIT_2)  // T68
    || (id == TCPFSM_ROW_T69 && from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_FIN_WAIT_2_TIMEOUT && to == TCPFSM_CLOSED)  // T69
    || (id == TCPFSM_ROW_T70 && from == TCPFSM_FIN_WAIT_2 && event == TCPFSM_EV_ABORT && to == TCPFSM_CLOSED)  // T70
    || (id == TCPFSM_ROW_T71 && from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_ACK && to == TCPFSM_CLOSE_WAIT)  // T71
    || (id == TCPFSM_ROW_T72 && from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_FIN && to == TCPFSM_CLOSE_WAIT)  // T72
    || (id == TCPFSM_ROW_T73 && from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_CLOSE && to == TCPFSM_LAST_ACK)  // T73
    || (id == TCPFSM_ROW_T74 && from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_RST && to == TCPFSM_CLOSED)  // T74
    || (id == TCPFSM_ROW_T75 && from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_RST_CHALLENGE && to == TCPFSM_CLOSE_WAIT)  // T75
    || (id == TCPFSM_ROW_T76 && from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0 && to == TCPFSM_CLOSE_WAIT)  // T76
    || (id == TCPFSM_ROW_T77 && from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0 && to == TCPFSM_CLOSED)  // T77
    || (id == TCPFSM_ROW_T78 && from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_ACK_INVALID && to == TCPFSM_CLOSE_WAIT)  // T78
    || (id == TCPFSM_ROW_T79 && from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_UNACCEPTABLE && to == TCPFSM_CLOSE_WAIT)  // T79
    || (id == TCPFSM_ROW_T80 && from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_RTO && to == TCPFSM_CLOSE_WAIT)  // T80
    || (id == TCPFSM_ROW_T81 && from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_RTO_GIVEUP && to == TCPFSM_CLOSED)  // T81
    || (id == TCPFSM_ROW_T82 && from == TCPFSM_CLOSE_WAIT && event == TCPFSM_EV_ABORT && to == TCPFSM_CLOSED)  // T82
    || (id == TCPFSM_ROW_T83 && from == TCPFSM_CLOSING && event == TCPFSM_EV_ACK_OF_FIN && to == TCPFSM_TIME_WAIT)  // T83
    || (id == TCPFSM_ROW_T84 && from == TCPFSM_CLOSING && event == TCPFSM_EV_ACK && to == TCPFSM_CLOSING)  // T84
    || (id == TCPFSM_ROW_T85 && from == TCPFSM_CLOSING && event == TCPFSM_EV_FIN && to == TCPFSM_CLOSING)  // T85
    || (id == TCPFSM_ROW_T86 && from == TCPFSM_CLOSING && event == TCPFSM_EV_FIN_ACK && to == TCPFSM_TIME_WAIT)  // T86
    || (id == TCPFSM_ROW_T87 && from == TCPFSM_CLOSING && event == TCPFSM_EV_RST && guard_holds == 0 && to == TCPFSM_CLOSED)  // T87
    || (id == TCPFSM_ROW_T123 && from == TCPFSM_CLOSING && event == TCPFSM_EV_RST && guard_holds != 0 && to == TCPFSM_CLOSED)  // T123
    || (id == TCPFSM_ROW_T88 && from == TCPFSM_CLOSING && event == TCPFSM_EV_RST_CHALLENGE && to == TCPFSM_CLOSING)  // T88
    || (id == TCPFSM_ROW_T89 && from == TCPFSM_CLOSING && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0 && to == TCPFSM_CLOSING)  // T89
    || (id == TCPFSM_ROW_T90 && from == TCPFSM_CLOSING && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0 && to == TCPFSM_CLOSED)  // T90
    || (id == TCPFSM_ROW_T91 && from == TCPFSM_CLOSING && event == TCPFSM_EV_ACK_INVALID && to == TCPFSM_CLOSING)  // T91
    || (id == TCPFSM_ROW_T92 && from == TCPFSM_CLOSING && event == TCPFSM_EV_UNACCEPTABLE && to == TCPFSM_CLOSING)  // T92
    || (id == TCPFSM_ROW_T93 && from == TCPFSM_CLOSING && event == TCPFSM_EV_RTO && to == TCPFSM_CLOSING)  // T93
    || (id == TCPFSM_ROW_T94 && from == TCPFSM_CLOSING && event == TCPFSM_EV_RTO_GIVEUP && to == TCPFSM_CLOSED)  // T94
    || (id == TCPFSM_ROW_T95 && from == TCPFSM_CLOSING && event == TCPFSM_EV_ABORT && to == TCPFSM_CLOSED)  // T95
    || (id == TCPFSM_ROW_T96 && from == TCPFSM_LAST_ACK && event == TCPFSM_EV_ACK_OF_FIN && to == TCPFSM_CLOSED)  // T96
    || (id == TCPFSM_ROW_T97 && from == TCPFSM_LAST_ACK && event == TCPFSM_EV_ACK && to == TCPFSM_LAST_ACK)  // T97
    || (id == TCPFSM_ROW_T98 && from == TCPFSM_LAST_ACK && event == TCPFSM_EV_FIN && to == TCPFSM_LAST_ACK)  // T98
    || (id == TCPFSM_ROW_T99 && from == TCPFSM_LAST_ACK && event == TCPFSM_EV_FIN_ACK && to == TCPFSM_CLOSED)  // T99
    || (id == TCPFSM_ROW_T100 && from == TCPFSM_LAST_ACK && event == TCPFSM_EV_RST && guard_holds == 0 && to == TCPFSM_CLOSED)  // T100
    || (id == TCPFSM_ROW_T124 && from == TCPFSM_LAST_ACK && event == TCPFSM_EV_RST && guard_holds != 0 && to == TCPFSM_CLOSED)  // T124
    || (id == TCPFSM_ROW_T101 && from == TCPFSM_LAST_ACK && event == TCPFSM_EV_RST_CHALLENGE && to == TCPFSM_LAST_ACK)  // T101
    || (id == TCPFSM_ROW_T102 && from == TCPFSM_LAST_ACK && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0 && to == TCPFSM_LAST_ACK)  // T102
    || (id == TCPFSM_ROW_T103 && from == TCPFSM_LAST_ACK && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0 && to == TCPFSM_CLOSED)  // T103
    || (id == TCPFSM_ROW_T104 && from == TCPFSM_LAST_ACK && event == TCPFSM_EV_ACK_INVALID && to == TCPFSM_LAST_ACK)  // T104
    || (id == TCPFSM_ROW_T105 && from == TCPFSM_LAST_ACK && event == TCPFSM_EV_UNACCEPTABLE && to == TCPFSM_LAST_ACK)  // T105
    || (id == TCPFSM_ROW_T106 && from == TCPFSM_LAST_ACK && event == TCPFSM_EV_RTO && to == TCPFSM_LAST_ACK)  // T106
    || (id == TCPFSM_ROW_T107 && from == TCPFSM_LAST_ACK && event == TCPFSM_EV_RTO_GIVEUP && to == TCPFSM_CLOSED)  // T107
    || (id == TCPFSM_ROW_T108 && from == TCPFSM_LAST_ACK && event == TCPFSM_EV_ABORT && to == TCPFSM_CLOSED)  // T108
    || (id == TCPFSM_ROW_T109 && from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_FIN && to == TCPFSM_TIME_WAIT)  // T109
    || (id == TCPFSM_ROW_T110 && from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_ACK && to == TCPFSM_TIME_WAIT)  // T110
    || (id == TCPFSM_ROW_T111 && from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_RST && guard_holds != 0 && to == TCPFSM_TIME_WAIT)  // T111
    || (id == TCPFSM_ROW_T112 && from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_RST && guard_holds == 0 && to == TCPFSM_CLOSED)  // T112
    || (id == TCPFSM_ROW_T113 && from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_RST_CHALLENGE && guard_holds != 0 && to == TCPFSM_TIME_WAIT)  // T113
    || (id == TCPFSM_ROW_T114 && from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_RST_CHALLENGE && guard_holds == 0 && to == TCPFSM_TIME_WAIT)  // T114
    || (id == TCPFSM_ROW_T115 && from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_SYN && guard_holds != 0 && to == TCPFSM_SYN_RECEIVED)  // T115
    || (id == TCPFSM_ROW_T116 && from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_SYN && guard_holds == 0 && to == TCPFSM_TIME_WAIT)  // T116
    || (id == TCPFSM_ROW_T117 && from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_SYN_SYNC && guard_holds != 0 && to == TCPFSM_TIME_WAIT)  // T117
    || (id == TCPFSM_ROW_T118 && from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_SYN_SYNC && guard_holds == 0 && to == TCPFSM_CLOSED)  // T118
    || (id == TCPFSM_ROW_T119 && from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_ACK_INVALID && to == TCPFSM_TIME_WAIT)  // T119
    || (id == TCPFSM_ROW_T120 && from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_UNACCEPTABLE && to == TCPFSM_TIME_WAIT)  // T120
    || (id == TCPFSM_ROW_T121 && from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_TIME_WAIT_EXPIRY && to == TCPFSM_CLOSED)  // T121
    || (id == TCPFSM_ROW_T122 && from == TCPFSM_TIME_WAIT && event == TCPFSM_EV_ABORT && to == TCPFSM_CLOSED)  // T122
    ;
  predicate tcpfsm_row_actions(integer id, integer actions) =
       (id == TCPFSM_ROW_T01 && actions == 0x00201)  // T01: send_syn arm_rto
    || (id == TCPFSM_ROW_T02 && actions == 0x00000)  // T02: -
    || (id == TCPFSM_ROW_T03 && actions == 0x00010)  // T03: send_rst
    || (id == TCPFSM_ROW_T04 && actions == 0x00000)  // T04: -
    || (id == TCPFSM_ROW_T05 && actions == 0x00202)  // T05: send_syn_ack arm_rto
    || (id == TCPFSM_ROW_T06 && actions == 0x00010)  // T06: send_rst
    || (id == TCPFSM_ROW_T07 && actions == 0x00000)  // T07: -
    || (id == TCPFSM_ROW_T08 && actions == 0x00000)  // T08: -
    || (id == TCPFSM_ROW_T09 && actions == 0x00201)  // T09: send_syn arm_rto
    || (id == TCPFSM_ROW_T10 && actions == 0x40000)  // T10: signal_closed
    || (id == TCPFSM_ROW_T11 && actions == 0x40000)  // T11: signal_closed
    || (id == TCPFSM_ROW_T12 && actions == 0x02444)  // T12: process send_ack cancel_rto signal_connected
    || (id == TCPFSM_ROW_T13 && actions == 0x00202)  // T13: send_syn_ack arm_rto
    || (id == TCPFSM_ROW_T14 && actions == 0x00010)  // T14: send_rst
    || (id == TCPFSM_ROW_T15 && actions == 0x10000)  // T15: signal_refused
    || (id == TCPFSM_ROW_T16 && actions == 0x00000)  // T16: -
    || (id == TCPFSM_ROW_T17 && actions == 0x00280)  // T17: retransmit arm_rto
    || (id == TCPFSM_ROW_T18 && actions == 0x20000)  // T18: signal_timeout
    || (id == TCPFSM_ROW_T19 && actions == 0x40000)  // T19: signal_closed
    || (id == TCPFSM_ROW_T20 && actions == 0x40000)  // T20: signal_closed
    || (id == TCPFSM_ROW_T21 && actions == 0x02440)  // T21: process cancel_rto signal_connected
    || (id == TCPFSM_ROW_T22 && actions == 0x06444)  // T22: process send_ack cancel_rto signal_connected signal_peer_closed
    || (id == TCPFSM_ROW_T23 && actions == 0x00010)  // T23: send_rst
    || (id == TCPFSM_ROW_T24 && actions == 0x80000)  // T24: signal_listen
    || (id == TCPFSM_ROW_T25 && actions == 0x10000)  // T25: signal_refused
    || (id == TCPFSM_ROW_T26 && actions == 0x00020)  // T26: send_challenge_ack
    || (id == TCPFSM_ROW_T27 && actions == 0x00002)  // T27: send_syn_ack
    || (id == TCPFSM_ROW_T28 && actions == 0x00020)  // T28: send_challenge_ack
    || (id == TCPFSM_ROW_T29 && actions == 0x08010)  // T29: send_rst signal_reset
    || (id == TCPFSM_ROW_T30 && actions == 0x00004)  // T30: send_ack
    || (id == TCPFSM_ROW_T31 && actions == 0x00280)  // T31: retransmit arm_rto
    || (id == TCPFSM_ROW_T32 && actions == 0x80000)  // T32: signal_listen
    || (id == TCPFSM_ROW_T33 && actions == 0x20000)  // T33: signal_timeout
    || (id == TCPFSM_ROW_T34 && actions == 0x00208)  // T34: send_fin arm_rto
    || (id == TCPFSM_ROW_T35 && actions == 0x40010)  // T35: send_rst signal_closed
    || (id == TCPFSM_ROW_T36 && actions == 0x00040)  // T36: process
    || (id == TCPFSM_ROW_T37 && actions == 0x04044)  // T37: process send_ack signal_peer_closed
    || (id == TCPFSM_ROW_T38 && actions == 0x08000)  // T38: signal_reset
    || (id == TCPFSM_ROW_T39 && actions == 0x00020)  // T39: send_challenge_ack
    || (id == TCPFSM_ROW_T40 && actions == 0x00020)  // T40: send_challenge_ack
    || (id == TCPFSM_ROW_T41 && actions == 0x08010)  // T41: send_rst signal_reset
    || (id == TCPFSM_ROW_T42 && actions == 0x00020)  // T42: send_challenge_ack
    || (id == TCPFSM_ROW_T43 && actions == 0x00004)  // T43: send_ack
    || (id == TCPFSM_ROW_T44 && actions == 0x00280)  // T44: retransmit arm_rto
    || (id == TCPFSM_ROW_T45 && actions == 0x20000)  // T45: signal_timeout
    || (id == TCPFSM_ROW_T46 && actions == 0x00208)  // T46: send_fin arm_rto
    || (id == TCPFSM_ROW_T47 && actions == 0x40010)  // T47: send_rst signal_closed
    || (id == TCPFSM_ROW_T48 && actions == 0x01440)  // T48: process cancel_rto arm_fin_wait_2
    || (id == TCPFSM_ROW_T49 && actions == 0x00040)  // T49: process
    || (id == TCPFSM_ROW_T50 && actions == 0x04044)  // T50: process send_ack signal_peer_closed
    || (id == TCPFSM_ROW_T51 && actions == 0x04c44)  // T51: process send_ack cancel_rto arm_time_wait signal_peer_closed
    || (id == TCPFSM_ROW_T52 && actions == 0x08000)  // T52: signal_reset
    || (id == TCPFSM_ROW_T53 && actions == 0x00020)  // T53: send_challenge_ack
    || (id == TCPFSM_ROW_T54 && actions == 0x00020)  // T54: send_challenge_ack
    || (id == TCPFSM_ROW_T55 && actions == 0x08010)  // T55: send_rst signal_reset
    || (id == TCPFSM_ROW_T56 && actions == 0x00020)  // T56: send_challenge_ack
    || (id == TCPFSM_ROW_T57 && actions == 0x00004)  // T57: send_ack
    || (id == TCPFSM_ROW_T58 && actions == 0x00280)  // T58: retransmit arm_rto
    || (id == TCPFSM_ROW_T59 && actions == 0x20000)  // T59: signal_timeout
    || (id == TCPFSM_ROW_T60 && actions == 0x40010)  // T60: send_rst signal_closed
    || (id == TCPFSM_ROW_T61 && actions == 0x00040)  // T61: process
    || (id == TCPFSM_ROW_T62 && actions == 0x04844)  // T62: process send_ack arm_time_wait signal_peer_closed
    || (id == TCPFSM_ROW_T63 && actions == 0x08000)  // T63: signal_reset
    || (id == TCPFSM_ROW_T64 && actions == 0x00020)  // T64: send_challenge_ack
    || (id == TCPFSM_ROW_T65 && actions == 0x00020)  // T65: send_challenge_ack
    || (id == TCPFSM_ROW_T66 && actions == 0x08010)  // T66: send_rst signal_reset
    || (id == TCPFSM_ROW_T67 && actions == 0x00020)  // T67: send_challenge_ack
    || (id == TCPFSM_ROW_T68 && actions == 0x00004)  // T68: send_ack
    || (id == TCPFSM_ROW_T69 && actions == 0x40000)  // T69: signal_closed
    || (id == TCPFSM_ROW_T70 && actions == 0x40010)  // T70: send_rst signal_closed
    || (id == TCPFSM_ROW_T71 && actions == 0x00040)  // T71: process
    || (id == TCPFSM_ROW_T72 && actions == 0x00004)  // T72: send_ack
    || (id == TCPFSM_ROW_T73 && actions == 0x00208)  // T73: send_fin arm_rto
    || (id == TCPFSM_ROW_T74 && actions == 0x08000)  // T74: signal_reset
    || (id == TCPFSM_ROW_T75 && actions == 0x00020)  // T75: send_challenge_ack
    || (id == TCPFSM_ROW_T76 && actions == 0x00020)  // T76: send_challenge_ack
    || (id == TCPFSM_ROW_T77 && actions == 0x08010)  // T77: send_rst signal_reset
    || (id == TCPFSM_ROW_T78 && actions == 0x00020)  // T78: send_challenge_ack
    || (id == TCPFSM_ROW_T79 && actions == 0x00004)  // T79: send_ack
    || (id == TCPFSM_ROW_T80 && actions == 0x00280)  // T80: retransmit arm_rto
    || (id == TCPFSM_ROW_T81 && actions == 0x20000)  // T81: signal_timeout
    || (id == TCPFSM_ROW_T82 && actions == 0x40010)  // T82: send_rst signal_closed
    || (id == TCPFSM_ROW_T83 && actions == 0x00c40)  // T83: process cancel_rto arm_time_wait
    || (id == TCPFSM_ROW_T84 && actions == 0x00040)  // T84: process
    || (id == TCPFSM_ROW_T85 && actions == 0x00004)  // T85: send_ack
    || (id == TCPFSM_ROW_T86 && actions == 0x00c44)  // T86: process send_ack cancel_rto arm_time_wait
    || (id == TCPFSM_ROW_T87 && actions == 0x40000)  // T87: signal_closed
    || (id == TCPFSM_ROW_T123 && actions == 0x08000)  // T123: signal_reset
    || (id == TCPFSM_ROW_T88 && actions == 0x00020)  // T88: send_challenge_ack
    || (id == TCPFSM_ROW_T89 && actions == 0x00020)  // T89: send_challenge_ack
    || (id == TCPFSM_ROW_T90 && actions == 0x08010)  // T90: send_rst signal_reset
    || (id == TCPFSM_ROW_T91 && actions == 0x00020)  // T91: send_challenge_ack
    || (id == TCPFSM_ROW_T92 && actions == 0x00004)  // T92: send_ack
    || (id == TCPFSM_ROW_T93 && actions == 0x00280)  // T93: retransmit arm_rto
    || (id == TCPFSM_ROW_T94 && actions == 0x20000)  // T94: signal_timeout
    || (id == TCPFSM_ROW_T95 && actions == 0x40000)  // T95: signal_closed
    || (id == TCPFSM_ROW_T96 && actions == 0x40440)  // T96: process cancel_rto signal_closed
    || (id == TCPFSM_ROW_T97 && actions == 0x00040)  // T97: process
    || (id == TCPFSM_ROW_T98 && actions == 0x00004)  // T98: send_ack
    || (id == TCPFSM_ROW_T99 && actions == 0x40444)  // T99: process send_ack cancel_rto signal_closed
    || (id == TCPFSM_ROW_T100 && actions == 0x40000)  // T100: signal_closed
    || (id == TCPFSM_ROW_T124 && actions == 0x08000)  // T124: signal_reset
    || (id == TCPFSM_ROW_T101 && actions == 0x00020)  // T101: send_challenge_ack
    || (id == TCPFSM_ROW_T102 && actions == 0x00020)  // T102: send_challenge_ack
    || (id == TCPFSM_ROW_T103 && actions == 0x08010)  // T103: send_rst signal_reset
    || (id == TCPFSM_ROW_T104 && actions == 0x00020)  // T104: send_challenge_ack
    || (id == TCPFSM_ROW_T105 && actions == 0x00004)  // T105: send_ack
    || (id == TCPFSM_ROW_T106 && actions == 0x00280)  // T106: retransmit arm_rto
    || (id == TCPFSM_ROW_T107 && actions == 0x20000)  // T107: signal_timeout
    || (id == TCPFSM_ROW_T108 && actions == 0x40000)  // T108: signal_closed
    || (id == TCPFSM_ROW_T109 && actions == 0x00804)  // T109: send_ack arm_time_wait
    || (id == TCPFSM_ROW_T110 && actions == 0x00000)  // T110: -
    || (id == TCPFSM_ROW_T111 && actions == 0x00000)  // T111: -
    || (id == TCPFSM_ROW_T112 && actions == 0x40000)  // T112: signal_closed
    || (id == TCPFSM_ROW_T113 && actions == 0x00000)  // T113: -
    || (id == TCPFSM_ROW_T114 && actions == 0x00020)  // T114: send_challenge_ack
    || (id == TCPFSM_ROW_T115 && actions == 0x100302)  // T115: reopen send_syn_ack arm_rto signal_reopened
    || (id == TCPFSM_ROW_T116 && actions == 0x00020)  // T116: send_challenge_ack
    || (id == TCPFSM_ROW_T117 && actions == 0x00020)  // T117: send_challenge_ack
    || (id == TCPFSM_ROW_T118 && actions == 0x08010)  // T118: send_rst signal_reset
    || (id == TCPFSM_ROW_T119 && actions == 0x00020)  // T119: send_challenge_ack
    || (id == TCPFSM_ROW_T120 && actions == 0x00004)  // T120: send_ack
    || (id == TCPFSM_ROW_T121 && actions == 0x40000)  // T121: signal_closed
    || (id == TCPFSM_ROW_T122 && actions == 0x40000)  // T122: signal_closed
    ;
*/

#endif /* TCPFSM_RELATION_H */
