/*
 * tcpfsm_spec.h - ACSL predicates shared by the runtime core and its contracts (no C code).
 *
 * valid_config / valid_conn / valid_output / valid_segment are the validity predicates every
 * public function requires and ensures (style of x509-parser and libxDCI: predicates first,
 * contracts above each function). The sequence-number predicates give the mathematical meaning
 * of the wraparound-safe comparisons of RFC 9293 section 3.4 ("arithmetic modulo 2**32").
 */
#ifndef TCPFSM_SPEC_H
#define TCPFSM_SPEC_H

#include "tcpfsm.h"
#include "tcpfsm_relation.h"
#include "tcpfsm_spec_timers.h"

/*@
  // ------------------------------------------------------------ sequence space (RFC 9293 3.4)
  // The distance from a to b going forward in sequence space: (b - a) mod 2^32, in [0, 2^32)
  // for a, b in [0, 2^32) (no lemma is needed: the definition is the modular one, and WP
  // proves seq_distance() equal to it).
  logic integer seq_dist(integer a, integer b) = (b - a + 4294967296) % 4294967296;
  // a < b modulo 2^32: b is less than 2^31 ahead of a and different from it.
  predicate seq_lt_math(integer a, integer b) = 0 < seq_dist(a, b) < 2147483648;
  predicate seq_le_math(integer a, integer b) = seq_dist(a, b) < 2147483648;
  // a + b and a - b modulo 2^32, RFC 9293 3.4: "all arithmetic dealing with sequence numbers
  // must be performed modulo 2**32". In ACSL a conversion to uint32_t is the reduction modulo
  // 2^32 (as C99 6.3.1.3p2), so seq_add(a, b) is (a + b) mod 2^32, in [0, 2^32).
  logic integer seq_add(integer a, integer b) = (uint32_t)(a + b);
  logic integer seq_sub(integer a, integer b) = (uint32_t)(a - b);
*/
#include "tcpfsm_spec_accounting.h"   /* sequence and window accounting, valid_accounting */
/*@

  // ------------------------------------------------------------ validity
  // RFC 7323 2.3: "two times the maximum window size must be less than 2^31, or max window <
  // 2^30" (so that new data is never mistaken for old in the sequence space): the receive buffer,
  // and so RCV.WND (valid_accounting: RCV.WND =< cfg->window), stays below 2^30. tcpfsm_init
  // refuses a larger one (its contract); valid_config does not restate it: no proof needs it, and
  // a conjunct of valid_config is a memory read that every contract's frame must carry.
  predicate window_in_range(struct tcpfsm_config *cfg) = cfg->window <= TCPFSM_WINDOW_MAX;

  // ------------------------------------------------------------ acceptable configurations
  // The rules tcpfsm_init checks (its contract: TCPFSM_ERR_ARG, the block untouched, unless
  // acceptable_config holds). valid_conn does not restate them, as window_in_range above.
  //
  // RFC 6298 2.1: "Until a round-trip time (RTT) measurement has been made for a segment sent
  // between the sender and receiver, the sender SHOULD set RTO <- 1 second" (rto_initial);
  // 2.4: "Whenever RTO is computed, if it is less than 1 second, then the RTO SHOULD be rounded
  // up to 1 second" (the lower bound rto_min); 2.5: "A maximum value MAY be placed on RTO
  // provided it is at least 60 seconds" (rto_max). The initial RTO is an RTO like any other, so
  // it lies within the bounds (the core would otherwise clamp it silently, current_rto), the
  // bounds are ordered, and the lower bound is positive: an RTO of 0 would retransmit at once,
  // at every call. (The 60 s floor of 2.5 is a MAY's proviso, left to the profile: a host may
  // choose a smaller maximum, tools/host does.)
  predicate rto_bounds(struct tcpfsm_config *cfg) =
      0 < cfg->rto_min && cfg->rto_min <= cfg->rto_initial && cfg->rto_initial <= cfg->rto_max;

  // RFC 9293 3.7.1: "Eff.snd.MSS = min(SendMSS+20, MMS_S) - TCPhdrsize - IPoptionsize", the
  // largest text of a segment we send (cfg->mss, RFC 9293's default SendMSS 536 for IPv4): at
  // least one octet, or no text could ever be sent.
  predicate send_mss_positive(struct tcpfsm_config *cfg) = cfg->mss > 0;

  // RFC 9293 3.4.2: "the Maximum Segment Lifetime (MSL) ... is taken to be 2 minutes"; TIME-WAIT
  // lasts 2 MSL "to be sure the remote TCP peer received the acknowledgment of its connection
  // termination request" (3.3.2): a positive MSL, or TIME-WAIT would protect nothing.
  predicate msl_positive(struct tcpfsm_config *cfg) = cfg->msl > 0;

  // The receive buffer (RCV.BUFF, RCV.WND while nothing is unconsumed): at most
  // TCPFSM_WINDOW_MAX (window_in_range, RFC 7323 2.3), and positive: RFC 9293 3.10.7.4 "If the
  // RCV.WND is zero, no segments will be acceptable, but special allowance should be made to
  // accept valid ACKs, URGs, and RSTs": with a buffer of 0 octets not even the peer's FIN is ever
  // acceptable, so the connection could never be closed by its peer.
  predicate receive_buffer_in_range(struct tcpfsm_config *cfg) =
      0 < cfg->window && window_in_range(cfg);

  predicate acceptable_config(struct tcpfsm_config *cfg) =
      rto_bounds(cfg) && send_mss_positive(cfg) && msl_positive(cfg)
      && receive_buffer_in_range(cfg);

  predicate valid_config(struct tcpfsm_config *cfg) = \valid_read(cfg);

  predicate valid_segment(struct tcpfsm_segment *seg) = \valid_read(seg);

  predicate valid_output(struct tcpfsm_output *out) =
      \valid(out) && out->count <= TCPFSM_MAX_SEGMENTS;

  predicate valid_conn(struct tcpfsm_conn *c) =
      \valid(c) && valid_config(c->cfg) && \separated(c, c->cfg)
      && c->state < TCPFSM_STATE_COUNT
      && valid_timers(c)       // timers and FIN flags consistent with the state (tcpfsm_spec_timers.h)
      && c->timer <= 3
      && c->backoff <= 32      // RFC 6298 5.5 doublings, capped (the RTO is at most rto_max)
      && valid_accounting(c);  // sequence numbers and windows (tcpfsm_spec_accounting.h)

  // ------------------------------------------------------------ guards and faithfulness
  // Whether guard `g` holds for the connection (the conditions of model/tcp.fsm's guards).
  logic integer conn_guard{L}(struct tcpfsm_conn *c, integer g) =
      g == TCPFSM_GUARD_PASSIVE_OPEN ? ((c->flags & 1) != 0 ? 1 : 0) :
      g == TCPFSM_GUARD_RFC5961_SYN  ? (c->cfg->rfc5961_syn != 0 ? 1 : 0) :
      g == TCPFSM_GUARD_RFC1337      ? (c->cfg->rfc1337 != 0 ? 1 : 0) :
      g == TCPFSM_GUARD_TW_REOPEN    ? (c->cfg->tw_reopen != 0 ? 1 : 0) :
      g == TCPFSM_GUARD_CLOSING_RST_RESETS ? (c->cfg->closing_rst_resets != 0 ? 1 : 0) : 0;

  // The guard value of cell (s, e) for connection c: 0 for unguarded cells.
  logic integer cell_guard{L}(struct tcpfsm_conn *c, integer s, integer e) =
      (0 <= s < TCPFSM_STATE_COUNT && 0 <= e < TCPFSM_EVENT_COUNT
       && tcpfsm_table[s][e].guard != TCPFSM_GUARD_NONE)
      ? conn_guard(c, tcpfsm_table[s][e].guard) : 0;

  // A step from `from` on `ev` to `to` follows the generated relation (gen/FORMAT.md).
  predicate faithful(integer from, integer ev, integer g, integer to) =
      tcpfsm_relation(from, ev, g, to) || (!tcpfsm_has_row(from, ev, g) && to == from);

  // ------------------------------------------------------------ signals
  // The application events of a row (model/tcp.fsm, the signal_* actions): the TCPFSM_SIG_* bit
  // of each signal action of `actions` (distinct bits, so their sum is their union), OR'ed into
  // tcpfsm_output.events by actions_signals. RFC 9293 3.10.7.4: "If this
  // connection was initiated with a passive OPEN (i.e., came from the LISTEN state), then return
  // this connection to LISTEN state and return" (signal_listen); 3.6.1: "if a new SYN ... arrives
  // for a connection in TIME-WAIT with a sequence number greater than the last seen, it may be
  // accepted" (signal_reopened: a new incarnation, with the ISS the core chose).
  logic integer row_signals(integer actions) =
      ((actions & TCPFSM_ACT_SIGNAL_CONNECTED) != 0 ? TCPFSM_SIG_CONNECTED : 0)
      + ((actions & TCPFSM_ACT_SIGNAL_PEER_CLOSED) != 0 ? TCPFSM_SIG_PEER_CLOSED : 0)
      + ((actions & TCPFSM_ACT_SIGNAL_RESET) != 0 ? TCPFSM_SIG_RESET : 0)
      + ((actions & TCPFSM_ACT_SIGNAL_REFUSED) != 0 ? TCPFSM_SIG_REFUSED : 0)
      + ((actions & TCPFSM_ACT_SIGNAL_TIMEOUT) != 0 ? TCPFSM_SIG_TIMEOUT : 0)
      + ((actions & TCPFSM_ACT_SIGNAL_CLOSED) != 0 ? TCPFSM_SIG_CLOSED : 0)
      + ((actions & TCPFSM_ACT_SIGNAL_LISTEN) != 0 ? TCPFSM_SIG_LISTEN : 0)
      + ((actions & TCPFSM_ACT_SIGNAL_REOPENED) != 0 ? TCPFSM_SIG_REOPENED : 0);
*/

#include "tcpfsm_spec_classify.h"   /* seg_event: RFC 9293 3.10.7, RFC 5961 3-5 */
#include "tcpfsm_spec_segments.h"   /* emitted segments: defined with seq_dist above */

#endif /* TCPFSM_SPEC_H */
