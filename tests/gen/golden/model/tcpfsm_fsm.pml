/* generated from tests/gen/cases/mini.fsm by tcpfsm-gen, do not edit */

#define ST_CLOSED      0
#define ST_LISTEN      1
#define ST_SYN_SENT    2
#define ST_ESTABLISHED 3
#define STATE_COUNT 4

#define EV_OPEN_ACTIVE  0
#define EV_OPEN_PASSIVE 1
#define EV_CLOSE        2
#define EV_SYN          3
#define EV_SYN_ACK      4
#define EV_RST          5
#define EV_RTO          6
#define EVENT_COUNT 7

/* guard bit g is (1 << g) in a guards byte */
#define GUARD_PASSIVE_OPEN 1
#define GUARD_RFC1337      2

/* action bits, as in C */
#define ACT_SEND_SYN      1
#define ACT_SEND_SYN_ACK  2
#define ACT_SEND_ACK      4
#define ACT_SIGNAL_CLOSED 8

#define ROW_COUNT 11

/* st: byte state (updated), ev: event, guards: bitmask of holding guards,
   row: set to the row id taken (0: none), acts: set to the action bits */
inline tcpfsm_step(st, ev, guards, row, acts) {
  d_step {
    if
    :: (st == ST_CLOSED && ev == EV_OPEN_ACTIVE) -> row = 1; acts = ACT_SEND_SYN; st = ST_SYN_SENT   /* T01 */
    :: (st == ST_CLOSED && ev == EV_OPEN_PASSIVE) -> row = 2; acts = 0; st = ST_LISTEN   /* T02 */
    :: (st == ST_LISTEN && ev == EV_SYN) -> row = 3; acts = ACT_SEND_SYN_ACK; st = ST_SYN_SENT   /* T03 */
    :: (st == ST_SYN_SENT && ev == EV_SYN_ACK) -> row = 4; acts = ACT_SEND_ACK; st = ST_ESTABLISHED   /* T04 */
    :: (st == ST_SYN_SENT && ev == EV_RST && (guards & (1 << GUARD_PASSIVE_OPEN)) != 0) -> row = 5; acts = 0; st = ST_LISTEN   /* T05 */
    :: (st == ST_SYN_SENT && ev == EV_RST && (guards & (1 << GUARD_PASSIVE_OPEN)) == 0) -> row = 6; acts = ACT_SIGNAL_CLOSED; st = ST_CLOSED   /* T06 */
    :: (st == ST_ESTABLISHED && ev == EV_RST && (guards & (1 << GUARD_RFC1337)) != 0) -> row = 7; acts = 0; st = ST_ESTABLISHED   /* T07 */
    :: (st == ST_ESTABLISHED && ev == EV_CLOSE) -> row = 8; acts = ACT_SEND_ACK | ACT_SIGNAL_CLOSED; st = ST_CLOSED   /* T08 */
    :: (st == ST_LISTEN && ev == EV_CLOSE) -> row = 9; acts = ACT_SIGNAL_CLOSED; st = ST_CLOSED   /* T09 */
    :: (st == ST_SYN_SENT && ev == EV_RTO) -> row = 10; acts = ACT_SEND_SYN; st = ST_SYN_SENT   /* T10 */
    :: (st == ST_LISTEN && ev == EV_RST && (guards & (1 << GUARD_RFC1337)) == 0) -> row = 100; acts = 0; st = ST_LISTEN   /* T100 */
    :: else -> row = 0; acts = 0
    fi
  }
}
