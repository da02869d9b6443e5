/* generated from model/tcp.fsm by tcpfsm-gen, do not edit */

#define ST_CLOSED       0
#define ST_LISTEN       1
#define ST_SYN_SENT     2
#define ST_SYN_RECEIVED 3
#define ST_ESTABLISHED  4
#define ST_FIN_WAIT_1   5
#define ST_FIN_WAIT_2   6
#define ST_CLOSE_WAIT   7
#define ST_CLOSING      8
#define ST_LAST_ACK     9
#define ST_TIME_WAIT    10
#define STATE_COUNT 11

#define EV_OPEN_ACTIVE        0
#define EV_OPEN_PASSIVE       1
#define EV_CLOSE              2
#define EV_ABORT              3
#define EV_NO_CONNECTION      4
#define EV_SYN                5
#define EV_SYN_ACK            6
#define EV_BAD_ACK            7
#define EV_ACK_OF_SYN         8
#define EV_ACK_OF_FIN         9
#define EV_ACK                10
#define EV_FIN                11
#define EV_FIN_ACK            12
#define EV_RST                13
#define EV_RST_CHALLENGE      14
#define EV_SYN_SYNC           15
#define EV_ACK_INVALID        16
#define EV_UNACCEPTABLE       17
#define EV_RTO                18
#define EV_RTO_GIVEUP         19
#define EV_TIME_WAIT_EXPIRY   20
#define EV_FIN_WAIT_2_TIMEOUT 21
#define EVENT_COUNT 22

/* guard bit g is (1 << g) in a guards byte */
#define GUARD_PASSIVE_OPEN       1
#define GUARD_RFC5961_SYN        2
#define GUARD_RFC1337            3
#define GUARD_TW_REOPEN          4
#define GUARD_CLOSING_RST_RESETS 5

/* action bits, as in C */
#define ACT_SEND_SYN           1
#define ACT_SEND_SYN_ACK       2
#define ACT_SEND_ACK           4
#define ACT_SEND_FIN           8
#define ACT_SEND_RST           16
#define ACT_SEND_CHALLENGE_ACK 32
#define ACT_PROCESS            64
#define ACT_RETRANSMIT         128
#define ACT_REOPEN             256
#define ACT_ARM_RTO            512
#define ACT_CANCEL_RTO         1024
#define ACT_ARM_TIME_WAIT      2048
#define ACT_ARM_FIN_WAIT_2     4096
#define ACT_SIGNAL_CONNECTED   8192
#define ACT_SIGNAL_PEER_CLOSED 16384
#define ACT_SIGNAL_RESET       32768
#define ACT_SIGNAL_REFUSED     65536
#define ACT_SIGNAL_TIMEOUT     131072
#define ACT_SIGNAL_CLOSED      262144
#define ACT_SIGNAL_LISTEN      524288
#define ACT_SIGNAL_REOPENED    1048576

#define ROW_COUNT 124

/* st: byte state (updated), ev: event, guards: bitmask of holding guards,
   row: set to the row id taken (0: none), acts: set to the action bits */
inline tcpfsm_step(st, ev, guards, row, acts) {
  d_step {
    if
    :: (st == ST_CLOSED && ev == EV_OPEN_ACTIVE) -> row = 1; acts = ACT_SEND_SYN | ACT_ARM_RTO; st = ST_SYN_SENT   /* T01 */
    :: (st == ST_CLOSED && ev == EV_OPEN_PASSIVE) -> row = 2; acts = 0; st = ST_LISTEN   /* T02 */
    :: (st == ST_CLOSED && ev == EV_NO_CONNECTION) -> row = 3; acts = ACT_SEND_RST; st = ST_CLOSED   /* T03 */
    :: (st == ST_CLOSED && ev == EV_RST) -> row = 4; acts = 0; st = ST_CLOSED   /* T04 */
    :: (st == ST_LISTEN && ev == EV_SYN) -> row = 5; acts = ACT_SEND_SYN_ACK | ACT_ARM_RTO; st = ST_SYN_RECEIVED   /* T05 */
    :: (st == ST_LISTEN && ev == EV_BAD_ACK) -> row = 6; acts = ACT_SEND_RST; st = ST_LISTEN   /* T06 */
    :: (st == ST_LISTEN && ev == EV_RST) -> row = 7; acts = 0; st = ST_LISTEN   /* T07 */
    :: (st == ST_LISTEN && ev == EV_UNACCEPTABLE) -> row = 8; acts = 0; st = ST_LISTEN   /* T08 */
    :: (st == ST_LISTEN && ev == EV_OPEN_ACTIVE) -> row = 9; acts = ACT_SEND_SYN | ACT_ARM_RTO; st = ST_SYN_SENT   /* T09 */
    :: (st == ST_LISTEN && ev == EV_CLOSE) -> row = 10; acts = ACT_SIGNAL_CLOSED; st = ST_CLOSED   /* T10 */
    :: (st == ST_LISTEN && ev == EV_ABORT) -> row = 11; acts = ACT_SIGNAL_CLOSED; st = ST_CLOSED   /* T11 */
    :: (st == ST_SYN_SENT && ev == EV_SYN_ACK) -> row = 12; acts = ACT_PROCESS | ACT_SEND_ACK | ACT_CANCEL_RTO | ACT_SIGNAL_CONNECTED; st = ST_ESTABLISHED   /* T12 */
    :: (st == ST_SYN_SENT && ev == EV_SYN) -> row = 13; acts = ACT_SEND_SYN_ACK | ACT_ARM_RTO; st = ST_SYN_RECEIVED   /* T13 */
    :: (st == ST_SYN_SENT && ev == EV_BAD_ACK) -> row = 14; acts = ACT_SEND_RST; st = ST_SYN_SENT   /* T14 */
    :: (st == ST_SYN_SENT && ev == EV_RST) -> row = 15; acts = ACT_SIGNAL_REFUSED; st = ST_CLOSED   /* T15 */
    :: (st == ST_SYN_SENT && ev == EV_UNACCEPTABLE) -> row = 16; acts = 0; st = ST_SYN_SENT   /* T16 */
    :: (st == ST_SYN_SENT && ev == EV_RTO) -> row = 17; acts = ACT_RETRANSMIT | ACT_ARM_RTO; st = ST_SYN_SENT   /* T17 */
    :: (st == ST_SYN_SENT && ev == EV_RTO_GIVEUP) -> row = 18; acts = ACT_SIGNAL_TIMEOUT; st = ST_CLOSED   /* T18 */
    :: (st == ST_SYN_SENT && ev == EV_CLOSE) -> row = 19; acts = ACT_SIGNAL_CLOSED; st = ST_CLOSED   /* T19 */
    :: (st == ST_SYN_SENT && ev == EV_ABORT) -> row = 20; acts = ACT_SIGNAL_CLOSED; st = ST_CLOSED   /* T20 */
    :: (st == ST_SYN_RECEIVED && ev == EV_ACK_OF_SYN) -> row = 21; acts = ACT_PROCESS | ACT_CANCEL_RTO | ACT_SIGNAL_CONNECTED; st = ST_ESTABLISHED   /* T21 */
    :: (st == ST_SYN_RECEIVED && ev == EV_FIN) -> row = 22; acts = ACT_PROCESS | ACT_SEND_ACK | ACT_CANCEL_RTO | ACT_SIGNAL_CONNECTED | ACT_SIGNAL_PEER_CLOSED; st = ST_CLOSE_WAIT   /* T22 */
    :: (st == ST_SYN_RECEIVED && ev == EV_BAD_ACK) -> row = 23; acts = ACT_SEND_RST; st = ST_SYN_RECEIVED   /* T23 */
    :: (st == ST_SYN_RECEIVED && ev == EV_RST && (guards & (1 << GUARD_PASSIVE_OPEN)) != 0) -> row = 24; acts = ACT_SIGNAL_LISTEN; st = ST_LISTEN   /* T24 */
    :: (st == ST_SYN_RECEIVED && ev == EV_RST && (guards & (1 << GUARD_PASSIVE_OPEN)) == 0) -> row = 25; acts = ACT_SIGNAL_REFUSED; st = ST_CLOSED   /* T25 */
    :: (st == ST_SYN_RECEIVED && ev == EV_RST_CHALLENGE) -> row = 26; acts = ACT_SEND_CHALLENGE_ACK; st = ST_SYN_RECEIVED   /* T26 */
    :: (st == ST_SYN_RECEIVED && ev == EV_SYN) -> row = 27; acts = ACT_SEND_SYN_ACK; st = ST_SYN_RECEIVED   /* T27 */
    :: (st == ST_SYN_RECEIVED && ev == EV_SYN_SYNC && (guards & (1 << GUARD_RFC5961_SYN)) != 0) -> row = 28; acts = ACT_SEND_CHALLENGE_ACK; st = ST_SYN_RECEIVED   /* T28 */
    :: (st == ST_SYN_RECEIVED && ev == EV_SYN_SYNC && (guards & (1 << GUARD_RFC5961_SYN)) == 0) -> row = 29; acts = ACT_SEND_RST | ACT_SIGNAL_RESET; st = ST_CLOSED   /* T29 */
    :: (st == ST_SYN_RECEIVED && ev == EV_UNACCEPTABLE) -> row = 30; acts = ACT_SEND_ACK; st = ST_SYN_RECEIVED   /* T30 */
    :: (st == ST_SYN_RECEIVED && ev == EV_RTO) -> row = 31; acts = ACT_RETRANSMIT | ACT_ARM_RTO; st = ST_SYN_RECEIVED   /* T31 */
    :: (st == ST_SYN_RECEIVED && ev == EV_RTO_GIVEUP && (guards & (1 << GUARD_PASSIVE_OPEN)) != 0) -> row = 32; acts = ACT_SIGNAL_LISTEN; st = ST_LISTEN   /* T32 */
    :: (st == ST_SYN_RECEIVED && ev == EV_RTO_GIVEUP && (guards & (1 << GUARD_PASSIVE_OPEN)) == 0) -> row = 33; acts = ACT_SIGNAL_TIMEOUT; st = ST_CLOSED   /* T33 */
    :: (st == ST_SYN_RECEIVED && ev == EV_CLOSE) -> row = 34; acts = ACT_SEND_FIN | ACT_ARM_RTO; st = ST_FIN_WAIT_1   /* T34 */
    :: (st == ST_SYN_RECEIVED && ev == EV_ABORT) -> row = 35; acts = ACT_SEND_RST | ACT_SIGNAL_CLOSED; st = ST_CLOSED   /* T35 */
    :: (st == ST_ESTABLISHED && ev == EV_ACK) -> row = 36; acts = ACT_PROCESS; st = ST_ESTABLISHED   /* T36 */
    :: (st == ST_ESTABLISHED && ev == EV_FIN) -> row = 37; acts = ACT_PROCESS | ACT_SEND_ACK | ACT_SIGNAL_PEER_CLOSED; st = ST_CLOSE_WAIT   /* T37 */
    :: (st == ST_ESTABLISHED && ev == EV_RST) -> row = 38; acts = ACT_SIGNAL_RESET; st = ST_CLOSED   /* T38 */
    :: (st == ST_ESTABLISHED && ev == EV_RST_CHALLENGE) -> row = 39; acts = ACT_SEND_CHALLENGE_ACK; st = ST_ESTABLISHED   /* T39 */
    :: (st == ST_ESTABLISHED && ev == EV_SYN_SYNC && (guards & (1 << GUARD_RFC5961_SYN)) != 0) -> row = 40; acts = ACT_SEND_CHALLENGE_ACK; st = ST_ESTABLISHED   /* T40 */
    :: (st == ST_ESTABLISHED && ev == EV_SYN_SYNC && (guards & (1 << GUARD_RFC5961_SYN)) == 0) -> row = 41; acts = ACT_SEND_RST | ACT_SIGNAL_RESET; st = ST_CLOSED   /* T41 */
    :: (st == ST_ESTABLISHED && ev == EV_ACK_INVALID) -> row = 42; acts = ACT_SEND_CHALLENGE_ACK; st = ST_ESTABLISHED   /* T42 */
    :: (st == ST_ESTABLISHED && ev == EV_UNACCEPTABLE) -> row = 43; acts = ACT_SEND_ACK; st = ST_ESTABLISHED   /* T43 */
    :: (st == ST_ESTABLISHED && ev == EV_RTO) -> row = 44; acts = ACT_RETRANSMIT | ACT_ARM_RTO; st = ST_ESTABLISHED   /* T44 */
    :: (st == ST_ESTABLISHED && ev == EV_RTO_GIVEUP) -> row = 45; acts = ACT_SIGNAL_TIMEOUT; st = ST_CLOSED   /* T45 */
    :: (st == ST_ESTABLISHED && ev == EV_CLOSE) -> row = 46; acts = ACT_SEND_FIN | ACT_ARM_RTO; st = ST_FIN_WAIT_1   /* T46 */
    :: (st == ST_ESTABLISHED && ev == EV_ABORT) -> row = 47; acts = ACT_SEND_RST | ACT_SIGNAL_CLOSED; st = ST_CLOSED   /* T47 */
    :: (st == ST_FIN_WAIT_1 && ev == EV_ACK_OF_FIN) -> row = 48; acts = ACT_PROCESS | ACT_CANCEL_RTO | ACT_ARM_FIN_WAIT_2; st = ST_FIN_WAIT_2   /* T48 */
    :: (st == ST_FIN_WAIT_1 && ev == EV_ACK) -> row = 49; acts = ACT_PROCESS; st = ST_FIN_WAIT_1   /* T49 */
    :: (st == ST_FIN_WAIT_1 && ev == EV_FIN) -> row = 50; acts = ACT_PROCESS | ACT_SEND_ACK | ACT_SIGNAL_PEER_CLOSED; st = ST_CLOSING   /* T50 */
    :: (st == ST_FIN_WAIT_1 && ev == EV_FIN_ACK) -> row = 51; acts = ACT_PROCESS | ACT_SEND_ACK | ACT_CANCEL_RTO | ACT_ARM_TIME_WAIT | ACT_SIGNAL_PEER_CLOSED; st = ST_TIME_WAIT   /* T51 */
    :: (st == ST_FIN_WAIT_1 && ev == EV_RST) -> row = 52; acts = ACT_SIGNAL_RESET; st = ST_CLOSED   /* T52 */
    :: (st == ST_FIN_WAIT_1 && ev == EV_RST_CHALLENGE) -> row = 53; acts = ACT_SEND_CHALLENGE_ACK; st = ST_FIN_WAIT_1   /* T53 */
    :: (st == ST_FIN_WAIT_1 && ev == EV_SYN_SYNC && (guards & (1 << GUARD_RFC5961_SYN)) != 0) -> row = 54; acts = ACT_SEND_CHALLENGE_ACK; st = ST_FIN_WAIT_1   /* T54 */
    :: (st == ST_FIN_WAIT_1 && ev == EV_SYN_SYNC && (guards & (1 << GUARD_RFC5961_SYN)) == 0) -> row = 55; acts = ACT_SEND_RST | ACT_SIGNAL_RESET; st = ST_CLOSED   /* T55 */
    :: (st == ST_FIN_WAIT_1 && ev == EV_ACK_INVALID) -> row = 56; acts = ACT_SEND_CHALLENGE_ACK; st = ST_FIN_WAIT_1   /* T56 */
    :: (st == ST_FIN_WAIT_1 && ev == EV_UNACCEPTABLE) -> row = 57; acts = ACT_SEND_ACK; st = ST_FIN_WAIT_1   /* T57 */
    :: (st == ST_FIN_WAIT_1 && ev == EV_RTO) -> row = 58; acts = ACT_RETRANSMIT | ACT_ARM_RTO; st = ST_FIN_WAIT_1   /* T58 */
    :: (st == ST_FIN_WAIT_1 && ev == EV_RTO_GIVEUP) -> row = 59; acts = ACT_SIGNAL_TIMEOUT; st = ST_CLOSED   /* T59 */
    :: (st == ST_FIN_WAIT_1 && ev == EV_ABORT) -> row = 60; acts = ACT_SEND_RST | ACT_SIGNAL_CLOSED; st = ST_CLOSED   /* T60 */
    :: (st == ST_FIN_WAIT_2 && ev == EV_ACK) -> row = 61; acts = ACT_PROCESS; st = ST_FIN_WAIT_2   /* T61 */
    :: (st == ST_FIN_WAIT_2 && ev == EV_FIN) -> row = 62; acts = ACT_PROCESS | ACT_SEND_ACK | ACT_ARM_TIME_WAIT | ACT_SIGNAL_PEER_CLOSED; st = ST_TIME_WAIT   /* T62 */
    :: (st == ST_FIN_WAIT_2 && ev == EV_RST) -> row = 63; acts = ACT_SIGNAL_RESET; st = ST_CLOSED   /* T63 */
    :: (st == ST_FIN_WAIT_2 && ev == EV_RST_CHALLENGE) -> row = 64; acts = ACT_SEND_CHALLENGE_ACK; st = ST_FIN_WAIT_2   /* T64 */
    :: (st == ST_FIN_WAIT_2 && ev == EV_SYN_SYNC && (guards & (1 << GUARD_RFC5961_SYN)) != 0) -> row = 65; acts = ACT_SEND_CHALLENGE_ACK; st = ST_FIN_WAIT_2   /* T65 */
    :: (st == ST_FIN_WAIT_2 && ev == EV_SYN_SYNC && (guards & (1 << GUARD_RFC5961_SYN)) == 0) -> row = 66; acts = ACT_SEND_RST | ACT_SIGNAL_RESET; st = ST_CLOSED   /* T66 */
    :: (st == ST_FIN_WAIT_2 && ev == EV_ACK_INVALID) -> row = 67; acts = ACT_SEND_CHALLENGE_ACK; st = ST_FIN_WAIT_2   /* T67 */
    :: (st == ST_FIN_WAIT_2 && ev == EV_UNACCEPTABLE) -> row = 68; acts = ACT_SEND_ACK; st = ST_FIN_WAIT_2   /* T68 */
    :: (st == ST_FIN_WAIT_2 && ev == EV_FIN_WAIT_2_TIMEOUT) -> row = 69; acts = ACT_SIGNAL_CLOSED; st = ST_CLOSED   /* T69 */
    :: (st == ST_FIN_WAIT_2 && ev == EV_ABORT) -> row = 70; acts = ACT_SEND_RST | ACT_SIGNAL_CLOSED; st = ST_CLOSED   /* T70 */
    :: (st == ST_CLOSE_WAIT && ev == EV_ACK) -> row = 71; acts = ACT_PROCESS; st = ST_CLOSE_WAIT   /* T71 */
    :: (st == ST_CLOSE_WAIT && ev == EV_FIN) -> row = 72; acts = ACT_SEND_ACK; st = ST_CLOSE_WAIT   /* T72 */
    :: (st == ST_CLOSE_WAIT && ev == EV_CLOSE) -> row = 73; acts = ACT_SEND_FIN | ACT_ARM_RTO; st = ST_LAST_ACK   /* T73 */
    :: (st == ST_CLOSE_WAIT && ev == EV_RST) -> row = 74; acts = ACT_SIGNAL_RESET; st = ST_CLOSED   /* T74 */
    :: (st == ST_CLOSE_WAIT && ev == EV_RST_CHALLENGE) -> row = 75; acts = ACT_SEND_CHALLENGE_ACK; st = ST_CLOSE_WAIT   /* T75 */
    :: (st == ST_CLOSE_WAIT && ev == EV_SYN_SYNC && (guards & (1 << GUARD_RFC5961_SYN)) != 0) -> row = 76; acts = ACT_SEND_CHALLENGE_ACK; st = ST_CLOSE_WAIT   /* T76 */
    :: (st == ST_CLOSE_WAIT && ev == EV_SYN_SYNC && (guards & (1 << GUARD_RFC5961_SYN)) == 0) -> row = 77; acts = ACT_SEND_RST | ACT_SIGNAL_RESET; st = ST_CLOSED   /* T77 */
    :: (st == ST_CLOSE_WAIT && ev == EV_ACK_INVALID) -> row = 78; acts = ACT_SEND_CHALLENGE_ACK; st = ST_CLOSE_WAIT   /* T78 */
    :: (st == ST_CLOSE_WAIT && ev == EV_UNACCEPTABLE) -> row = 79; acts = ACT_SEND_ACK; st = ST_CLOSE_WAIT   /* T79 */
    :: (st == ST_CLOSE_WAIT && ev == EV_RTO) -> row = 80; acts = ACT_RETRANSMIT | ACT_ARM_RTO; st = ST_CLOSE_WAIT   /* T80 */
    :: (st == ST_CLOSE_WAIT && ev == EV_RTO_GIVEUP) -> row = 81; acts = ACT_SIGNAL_TIMEOUT; st = ST_CLOSED   /* T81 */
    :: (st == ST_CLOSE_WAIT && ev == EV_ABORT) -> row = 82; acts = ACT_SEND_RST | ACT_SIGNAL_CLOSED; st = ST_CLOSED   /* T82 */
    :: (st == ST_CLOSING && ev == EV_ACK_OF_FIN) -> row = 83; acts = ACT_PROCESS | ACT_CANCEL_RTO | ACT_ARM_TIME_WAIT; st = ST_TIME_WAIT   /* T83 */
    :: (st == ST_CLOSING && ev == EV_ACK) -> row = 84; acts = ACT_PROCESS; st = ST_CLOSING   /* T84 */
    :: (st == ST_CLOSING && ev == EV_FIN) -> row = 85; acts = ACT_SEND_ACK; st = ST_CLOSING   /* T85 */
    :: (st == ST_CLOSING && ev == EV_FIN_ACK) -> row = 86; acts = ACT_PROCESS | ACT_SEND_ACK | ACT_CANCEL_RTO | ACT_ARM_TIME_WAIT; st = ST_TIME_WAIT   /* T86 */
    :: (st == ST_CLOSING && ev == EV_RST && (guards & (1 << GUARD_CLOSING_RST_RESETS)) == 0) -> row = 87; acts = ACT_SIGNAL_CLOSED; st = ST_CLOSED   /* T87 */
    :: (st == ST_CLOSING && ev == EV_RST && (guards & (1 << GUARD_CLOSING_RST_RESETS)) != 0) -> row = 123; acts = ACT_SIGNAL_RESET; st = ST_CLOSED   /* T123 */
    :: (st == ST_CLOSING && ev == EV_RST_CHALLENGE) -> row = 88; acts = ACT_SEND_CHALLENGE_ACK; st = ST_CLOSING   /* T88 */
    :: (st == ST_CLOSING && ev == EV_SYN_SYNC && (guards & (1 << GUARD_RFC5961_SYN)) != 0) -> row = 89; acts = ACT_SEND_CHALLENGE_ACK; st = ST_CLOSING   /* T89 */
    :: (st == ST_CLOSING && ev == EV_SYN_SYNC && (guards & (1 << GUARD_RFC5961_SYN)) == 0) -> row = 90; acts = ACT_SEND_RST | ACT_SIGNAL_RESET; st = ST_CLOSED   /* T90 */
    :: (st == ST_CLOSING && ev == EV_ACK_INVALID) -> row = 91; acts = ACT_SEND_CHALLENGE_ACK; st = ST_CLOSING   /* T91 */
    :: (st == ST_CLOSING && ev == EV_UNACCEPTABLE) -> row = 92; acts = ACT_SEND_ACK; st = ST_CLOSING   /* T92 */
    :: (st == ST_CLOSING && ev == EV_RTO) -> row = 93; acts = ACT_RETRANSMIT | ACT_ARM_RTO; st = ST_CLOSING   /* T93 */
    :: (st == ST_CLOSING && ev == EV_RTO_GIVEUP) -> row = 94; acts = ACT_SIGNAL_TIMEOUT; st = ST_CLOSED   /* T94 */
    :: (st == ST_CLOSING && ev == EV_ABORT) -> row = 95; acts = ACT_SIGNAL_CLOSED; st = ST_CLOSED   /* T95 */
    :: (st == ST_LAST_ACK && ev == EV_ACK_OF_FIN) -> row = 96; acts = ACT_PROCESS | ACT_CANCEL_RTO | ACT_SIGNAL_CLOSED; st = ST_CLOSED   /* T96 */
    :: (st == ST_LAST_ACK && ev == EV_ACK) -> row = 97; acts = ACT_PROCESS; st = ST_LAST_ACK   /* T97 */
    :: (st == ST_LAST_ACK && ev == EV_FIN) -> row = 98; acts = ACT_SEND_ACK; st = ST_LAST_ACK   /* T98 */
    :: (st == ST_LAST_ACK && ev == EV_FIN_ACK) -> row = 99; acts = ACT_PROCESS | ACT_SEND_ACK | ACT_CANCEL_RTO | ACT_SIGNAL_CLOSED; st = ST_CLOSED   /* T99 */
    :: (st == ST_LAST_ACK && ev == EV_RST && (guards & (1 << GUARD_CLOSING_RST_RESETS)) == 0) -> row = 100; acts = ACT_SIGNAL_CLOSED; st = ST_CLOSED   /* T100 */
    :: (st == ST_LAST_ACK && ev == EV_RST && (guards & (1 << GUARD_CLOSING_RST_RESETS)) != 0) -> row = 124; acts = ACT_SIGNAL_RESET; st = ST_CLOSED   /* T124 */
    :: (st == ST_LAST_ACK && ev == EV_RST_CHALLENGE) -> row = 101; acts = ACT_SEND_CHALLENGE_ACK; st = ST_LAST_ACK   /* T101 */
    :: (st == ST_LAST_ACK && ev == EV_SYN_SYNC && (guards & (1 << GUARD_RFC5961_SYN)) != 0) -> row = 102; acts = ACT_SEND_CHALLENGE_ACK; st = ST_LAST_ACK   /* T102 */
    :: (st == ST_LAST_ACK && ev == EV_SYN_SYNC && (guards & (1 << GUARD_RFC5961_SYN)) == 0) -> row = 103; acts = ACT_SEND_RST | ACT_SIGNAL_RESET; st = ST_CLOSED   /* T103 */
    :: (st == ST_LAST_ACK && ev == EV_ACK_INVALID) -> row = 104; acts = ACT_SEND_CHALLENGE_ACK; st = ST_LAST_ACK   /* T104 */
    :: (st == ST_LAST_ACK && ev == EV_UNACCEPTABLE) -> row = 105; acts = ACT_SEND_ACK; st = ST_LAST_ACK   /* T105 */
    :: (st == ST_LAST_ACK && ev == EV_RTO) -> row = 106; acts = ACT_RETRANSMIT | ACT_ARM_RTO; st = ST_LAST_ACK   /* T106 */
    :: (st == ST_LAST_ACK && ev == EV_RTO_GIVEUP) -> row = 107; acts = ACT_SIGNAL_TIMEOUT; st = ST_CLOSED   /* T107 */
    :: (st == ST_LAST_ACK && ev == EV_ABORT) -> row = 108; acts = ACT_SIGNAL_CLOSED; st = ST_CLOSED   /* T108 */
    :: (st == ST_TIME_WAIT && ev == EV_FIN) -> row = 109; acts = ACT_SEND_ACK | ACT_ARM_TIME_WAIT; st = ST_TIME_WAIT   /* T109 */
    :: (st == ST_TIME_WAIT && ev == EV_ACK) -> row = 110; acts = 0; st = ST_TIME_WAIT   /* T110 */
    :: (st == ST_TIME_WAIT && ev == EV_RST && (guards & (1 << GUARD_RFC1337)) != 0) -> row = 111; acts = 0; st = ST_TIME_WAIT   /* T111 */
    :: (st == ST_TIME_WAIT && ev == EV_RST && (guards & (1 << GUARD_RFC1337)) == 0) -> row = 112; acts = ACT_SIGNAL_CLOSED; st = ST_CLOSED   /* T112 */
    :: (st == ST_TIME_WAIT && ev == EV_RST_CHALLENGE && (guards & (1 << GUARD_RFC1337)) != 0) -> row = 113; acts = 0; st = ST_TIME_WAIT   /* T113 */
    :: (st == ST_TIME_WAIT && ev == EV_RST_CHALLENGE && (guards & (1 << GUARD_RFC1337)) == 0) -> row = 114; acts = ACT_SEND_CHALLENGE_ACK; st = ST_TIME_WAIT   /* T114 */
    :: (st == ST_TIME_WAIT && ev == EV_SYN && (guards & (1 << GUARD_TW_REOPEN)) != 0) -> row = 115; acts = ACT_REOPEN | ACT_SEND_SYN_ACK | ACT_ARM_RTO | ACT_SIGNAL_REOPENED; st = ST_SYN_RECEIVED   /* T115 */
    :: (st == ST_TIME_WAIT && ev == EV_SYN && (guards & (1 << GUARD_TW_REOPEN)) == 0) -> row = 116; acts = ACT_SEND_CHALLENGE_ACK; st = ST_TIME_WAIT   /* T116 */
    :: (st == ST_TIME_WAIT && ev == EV_SYN_SYNC && (guards & (1 << GUARD_RFC5961_SYN)) != 0) -> row = 117; acts = ACT_SEND_CHALLENGE_ACK; st = ST_TIME_WAIT   /* T117 */
    :: (st == ST_TIME_WAIT && ev == EV_SYN_SYNC && (guards & (1 << GUARD_RFC5961_SYN)) == 0) -> row = 118; acts = ACT_SEND_RST | ACT_SIGNAL_RESET; st = ST_CLOSED   /* T118 */
    :: (st == ST_TIME_WAIT && ev == EV_ACK_INVALID) -> row = 119; acts = ACT_SEND_CHALLENGE_ACK; st = ST_TIME_WAIT   /* T119 */
    :: (st == ST_TIME_WAIT && ev == EV_UNACCEPTABLE) -> row = 120; acts = ACT_SEND_ACK; st = ST_TIME_WAIT   /* T120 */
    :: (st == ST_TIME_WAIT && ev == EV_TIME_WAIT_EXPIRY) -> row = 121; acts = ACT_SIGNAL_CLOSED; st = ST_CLOSED   /* T121 */
    :: (st == ST_TIME_WAIT && ev == EV_ABORT) -> row = 122; acts = ACT_SIGNAL_CLOSED; st = ST_CLOSED   /* T122 */
    :: else -> row = 0; acts = 0
    fi
  }
}
