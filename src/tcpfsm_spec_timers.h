/*
 * tcpfsm_spec_timers.h - the timers of the core as ACSL logic (no C code), read next to
 * RFC 6298 (the retransmission timer) and RFC 9293 (TIME-WAIT, user timeout, zero-window probes).
 *
 * Included from tcpfsm_spec.h; the encodings of tcpfsm_conn.flags and tcpfsm_conn.timer come from
 * tcpfsm_encoding.h, shared with the core.
 *
 * What the contracts of src/tcpfsm.c state with these definitions:
 *   current_rto / tcpfsm_rto       \result == rto_of(c)            (RFC 6298 2.1-2.5, 5.5, 5.7)
 *   deadline_after                 \result == deadline_of(now, d)  (saturating, never "no deadline")
 *   timer_arm_rto                  deadline == deadline_of(now, rto_of(c))            (5.1, 5.3, 5.6)
 *   rtt_sample                     srtt_after / rttvar_after, backoff 0       (2.2, 2.3, section 5)
 *   actions_timers                 2*MSL TIME-WAIT (re)started, FIN-WAIT-2 timer, backoff doubling,
 *                                  Karn (a retransmission stops the RTT measurement)
 *   timer_event / tcpfsm_timer     timer_event_of(c, now): the expiry and the retry limits
 *   valid_timers (in valid_conn)   the timer kind consistent with the state, FIN flags after CLOSE
 */
#ifndef TCPFSM_SPEC_TIMERS_H
#define TCPFSM_SPEC_TIMERS_H

#include "tcpfsm.h"

#include "tcpfsm_encoding.h"   /* the flags and timer encodings these definitions read */

/*@
  // One second, in the microseconds of tcpfsm_time_t.
  logic integer USEC_PER_SECOND = 1000000;

  // ------------------------------------------------------------ deadlines
  // A deadline `delta` microseconds after `now`, on the caller's 64-bit clock: now + delta, or the
  // last representable time before TCPFSM_NO_DEADLINE when that does not fit (a timer never
  // wraps around to an early expiry, and never reads as "no timer").
  logic integer deadline_of(integer now, integer delta) =
      now + delta < TCPFSM_NO_DEADLINE - 1 ? now + delta : TCPFSM_NO_DEADLINE - 1;

  // The deadline a connection reports (tcpfsm_deadline, tcpfsm_output.deadline).
  logic integer conn_deadline{L}(struct tcpfsm_conn *c) =
      c->timer == TCPFSM_TIMER_NONE ? TCPFSM_NO_DEADLINE : c->deadline;

  // ------------------------------------------------------------ RFC 6298: the RTO
  // 2.1: "Until a round-trip time (RTT) measurement has been made for a segment sent between the
  //   sender and receiver, the sender SHOULD set RTO <- 1 second" (cfg->rto_initial);
  // 2.2/2.3: "RTO <- SRTT + max (G, K*RTTVAR) where K = 4" (G, the clock granularity: 1 us).
  logic integer rto_estimate{L}(struct tcpfsm_conn *c) =
      (c->flags & TCPFSM_F_HAVE_RTT) != 0
          ? c->srtt + (4 * c->rttvar < 1 ? 1 : 4 * c->rttvar)
          : c->cfg->rto_initial;

  // 2.4: "Whenever RTO is computed, if it is less than 1 second, then the RTO SHOULD be rounded
  //   up to 1 second" (cfg->rto_min);
  // 5.7: "If the timer expires awaiting the ACK of a SYN segment and the TCP implementation is
  //   using an RTO less than 3 seconds, the RTO MUST be re-initialized to 3 seconds when data
  //   transmission begins" (flag TCPFSM_F_RTO_3S, until the next RTT measurement);
  // 2.5: "A maximum value MAY be placed on RTO provided it is at least 60 seconds" (cfg->rto_max).
  logic integer rto_at_least_min{L}(struct tcpfsm_conn *c) =
      rto_estimate(c) < c->cfg->rto_min ? c->cfg->rto_min : rto_estimate(c);
  logic integer rto_at_least_3s{L}(struct tcpfsm_conn *c) =
      (c->flags & TCPFSM_F_RTO_3S) != 0 && rto_at_least_min(c) < 3 * USEC_PER_SECOND
          ? 3 * USEC_PER_SECOND : rto_at_least_min(c);
  logic integer rto_clamped{L}(struct tcpfsm_conn *c) =
      rto_at_least_3s(c) > c->cfg->rto_max ? c->cfg->rto_max : rto_at_least_3s(c);

  // 5.5: "The host MUST set RTO <- RTO * 2 ("back off the timer"). The maximum value discussed
  //   in (2.5) above may be used to provide an upper bound to this doubling operation."
  // `n` doublings of `rto`, each bounded by `cap` (for 0 <= rto <= cap: min(cap, rto * 2^n)).
  logic integer backed_off(integer rto, integer n, integer cap) =
      n <= 0 ? rto : backed_off(2 * rto > cap ? cap : 2 * rto, n - 1, cap);

  // The doublings in force: one per retransmission since the last RTT measurement
  // (c->backoff); in SYN-SENT the first cfg->syn_linear_timeouts retransmissions keep the RTO
  // (Linux tcp_syn_linear_timeouts).
  logic integer rto_doublings{L}(struct tcpfsm_conn *c) =
      c->state == TCPFSM_SYN_SENT
          ? (c->backoff > c->cfg->syn_linear_timeouts ? c->backoff - c->cfg->syn_linear_timeouts : 0)
          : c->backoff;

  // The RTO of the next (re)transmission (tcpfsm_rto()).
  logic integer rto_of{L}(struct tcpfsm_conn *c) =
      backed_off(rto_clamped(c), rto_doublings(c), c->cfg->rto_max);

  // 2.3: "When a subsequent RTT measurement R' is made, a host MUST set
  //   RTTVAR <- (1 - beta) * RTTVAR + beta * |SRTT - R'|
  //   SRTT <- (1 - alpha) * SRTT + alpha * R'
  //   The value of SRTT used in the update to RTTVAR is its value before updating SRTT itself
  //   using the second assignment. ... The above SHOULD be computed using alpha=1/8 and
  //   beta=1/4" (in integer microseconds, rounded down).
  logic integer rttvar_after(integer srtt, integer rttvar, integer r) =
      (3 * rttvar + (srtt > r ? srtt - r : r - srtt)) / 4;
  logic integer srtt_after(integer srtt, integer r) = (7 * srtt + r) / 8;

  // ------------------------------------------------------------ expiry and giving up
  // RFC 9293 3.8.3: "(R2) ... the retransmission of the same segment ... If the number of
  //   transmissions ... reaches R2, close the connection" - counted in retransmissions, per
  //   segment kind: the SYN (SYN-SENT), the SYN,ACK (SYN-RECEIVED), otherwise data and FIN.
  logic integer retry_limit{L}(struct tcpfsm_conn *c) =
      c->state == TCPFSM_SYN_SENT     ? c->cfg->syn_retries :
      c->state == TCPFSM_SYN_RECEIVED ? c->cfg->synack_retries : c->cfg->retries;

  // RFC 9293 3.8.3: "R1 and R2 might be measured in time units or as a count of retransmissions".
  // R2 as a time, per state: in SYN-SENT the connection timeout (cfg->connect_timeout, FreeBSD's
  // keepinit: the attempt ends at whichever of the count and the time comes first); in the
  // synchronized states the user timeout of RFC 5482 (cfg->user_timeout: "the maximum amount of time
  // that transmitted data may remain unacknowledged before TCP will forcefully close the
  // corresponding connection"; it replaces the count, as Linux's TCP_USER_TIMEOUT); none in
  // SYN-RECEIVED (the SYN,ACK's count). 0: no time limit. Both are counted from the last reset of
  // the retry count (rto_since: OPEN, the first transmission with nothing outstanding, a new ACK, a
  // zero-window answer).
  logic integer give_up_time{L}(struct tcpfsm_conn *c) =
      c->state == TCPFSM_SYN_SENT ? c->cfg->connect_timeout :
      c->state == TCPFSM_SYN_RECEIVED ? 0 : c->cfg->user_timeout;
  // The time since rto_since, on the low 32 bits of the clock (a conversion to uint32_t is the
  // reduction modulo 2^32: the difference of the low 32 bits, modulo 2^32).
  logic integer since_reset{L}(struct tcpfsm_conn *c, integer now) =
      (uint32_t)((uint32_t)now - c->rto_since);
  // What is left at `now` of a time limit counted from rto_since (0 once it has passed).
  logic integer time_left{L}(struct tcpfsm_conn *c, integer now, integer limit) =
      since_reset(c, now) < limit ? limit - since_reset(c, now) : 0;
  // 1 when a retransmission timeout at `now` closes the connection (RFC 9293 3.8.3 R2).
  logic integer gives_up{L}(struct tcpfsm_conn *c, integer now) =
      give_up_time(c) != 0 && time_left(c, now, give_up_time(c)) == 0 ? 1 :
      give_up_time(c) != 0 && c->state != TCPFSM_SYN_SENT ? 0 :
      (c->retries >= retry_limit(c) ? 1 : 0);

  // The delay of the retransmission timer: the RTO, but never past the time limit (as Linux's
  // tcp_clamp_rto_to_user_timeout()), so that the connection gives up when the limit ends.
  logic integer rto_delay{L}(struct tcpfsm_conn *c, integer now) =
      give_up_time(c) != 0 && time_left(c, now, give_up_time(c)) < rto_of(c)
      ? time_left(c, now, give_up_time(c)) : rto_of(c);

  // The table event of the clock at `now`: none before the deadline; RFC 9293 3.10.8 "If the
  // time-wait timeout expires on a connection, delete the TCB, enter the CLOSED state";
  // the FIN-WAIT-2 timeout; RFC 6298 5.4-5.6 a retransmission, or giving up at the retry limit.
  logic integer timer_event_of{L}(struct tcpfsm_conn *c, integer now) =
      c->timer == TCPFSM_TIMER_NONE || now < c->deadline ? TCPFSM_EV_NONE :
      c->timer == TCPFSM_TIMER_TIME_WAIT  ? TCPFSM_EV_TIME_WAIT_EXPIRY :
      c->timer == TCPFSM_TIMER_FIN_WAIT_2 ? TCPFSM_EV_FIN_WAIT_2_TIMEOUT :
      gives_up(c, now) == 1 ? TCPFSM_EV_RTO_GIVEUP : TCPFSM_EV_RTO;

  // ------------------------------------------------------------ the strong invariant: timers
  // States in which a SYN, a SYN,ACK, data or a FIN of ours can be unacknowledged (or data wait
  // behind a zero window, RFC 9293 3.8.6.1): the only ones where the retransmission timer runs.
  predicate rto_state(integer s) =
      s == TCPFSM_SYN_SENT || s == TCPFSM_SYN_RECEIVED || s == TCPFSM_ESTABLISHED
      || s == TCPFSM_FIN_WAIT_1 || s == TCPFSM_CLOSE_WAIT || s == TCPFSM_CLOSING
      || s == TCPFSM_LAST_ACK;

  // States in which queued data and a pending FIN go out (RFC 9293 3.10.2 SEND: "If the
  // connection is ... SYN-SENT, SYN-RECEIVED: Queue the data for transmission after entering
  // ESTABLISHED state"): the retransmission timer also runs there as the persist timer.
  predicate sends_data(integer s) =
      s == TCPFSM_ESTABLISHED || s == TCPFSM_CLOSE_WAIT || s == TCPFSM_FIN_WAIT_1
      || s == TCPFSM_CLOSING || s == TCPFSM_LAST_ACK;

  // Which timer may run in state `s`: RFC 9293 3.10.7.4 "Start the time-wait timer, turn off the
  // other timers" (TIME-WAIT only); the FIN-WAIT-2 timer only in FIN-WAIT-2; the retransmission
  // timer only in an rto_state; no timer at all in CLOSED and LISTEN.
  predicate timer_allowed(integer s, integer t) =
      t == TCPFSM_TIMER_NONE
      || (t == TCPFSM_TIMER_RTO && rto_state(s))
      || (t == TCPFSM_TIMER_TIME_WAIT && s == TCPFSM_TIME_WAIT)
      || (t == TCPFSM_TIMER_FIN_WAIT_2 && s == TCPFSM_FIN_WAIT_2);

  // The timer part of valid_conn: the timer kind is allowed in the state, and a running timer
  // has a deadline. (valid_conn also bounds the backoff: at most 32 doublings.)
  predicate valid_timers{L}(struct tcpfsm_conn *c) =
      timer_allowed(c->state, c->timer)
      && (c->timer != TCPFSM_TIMER_NONE ==> c->deadline != TCPFSM_NO_DEADLINE);
*/

#endif /* TCPFSM_SPEC_TIMERS_H */
