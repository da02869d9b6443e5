/*
 * tcpfsm_spec_segments.h - ACSL specification of the segments the core emits (no C code).
 *
 * For every action: the SEQ, ACK, flags (CTL), window and length of each outgoing segment, as
 * RFC 9293 (and RFC 5961 for the challenge ACK and its rate limit) states it, and where a knob of
 * struct tcpfsm_config makes the core send what FreeBSD sends instead (ack_repeats_fin,
 * syn_rst_from_tcb), that segment too. Included from tcpfsm_spec.h; the contracts of src/tcpfsm.c
 * (emit, emit_reset_reply, emit_ack, emit_owed_ack, emit_fin_again, emit_tcb_rst,
 * emit_challenge_ack, emit_retransmission, send_data_segment, flush, window_update,
 * actions_emit, tcpfsm_reply_no_connection and the public functions) are stated in these terms.
 *
 * A segment is written <SEQ=..><ACK=..><CTL=..> as in the RFC; the window field of every segment
 * but a RST is RCV.WND as the 16-bit field carries it, min(RCV.WND, 65535) (seg_wnd below: the
 * window we advertise is our receive window, and RCV.WND may exceed what an unscaled field holds),
 * a RST carries a zero window. The ACK field of a segment without the ACK flag is 0.
 *
 * Options: a SYN or SYN+ACK carries our MSS option (cfg->mss) and no window-scale option
 * (syn_options below); every other segment carries none (mss 0, wscale TCPFSM_WSCALE_NONE):
 * emit() writes the MSS it is given, 0 from every caller but the SYN's (its contract states the
 * options it writes; the wrappers' contracts do not restate them).
 */
#ifndef TCPFSM_SPEC_SEGMENTS_H
#define TCPFSM_SPEC_SEGMENTS_H

#include "tcpfsm.h"

/*@
  // ------------------------------------------------------------ segments
  // One outgoing segment's fields, in the order of the RFC's notation <SEQ><ACK><CTL>, then the
  // window field and the payload length.
  predicate segment_is(struct tcpfsm_segment s, integer seq, integer ack, integer ctl,
                       integer window, integer len) =
      s.seq == seq && s.ack == ack && s.flags == ctl && s.window == window && s.len == len;

  // seq_add(a, n): (a + n) modulo 2^32 (RFC 9293 3.4), defined in tcpfsm_spec.h.

  // The window field of a segment we send. RFC 9293 3.1: "Window: 16 bits. The number of data
  // octets beginning with the one indicated in the acknowledgment field that the sender of this
  // segment is willing to accept." RFC 7323 2.3: "All windows are treated as 32-bit quantities for
  // storage in the connection control block and for local calculations", and "The window field
  // (SEG.WND) of every outgoing segment, with the exception of <SYN> segments, MUST be
  // right-shifted by Rcv.Wind.Shift bits: SEG.WND = RCV.WND >> Rcv.Wind.Shift". The core does not
  // scale (Rcv.Wind.Shift = 0), and "2^16 - 1 (the maximum unscaled window)" is the most the field
  // holds: SEG.WND = min(RCV.WND, 65535). The acceptability test (tcpfsm_spec_classify.h) uses
  // RCV.WND itself, not the field.
  logic integer seg_wnd(integer rcv_wnd) = rcv_wnd < 65535 ? rcv_wnd : 65535;

  // RFC 9293 3.4: "SEG.LEN = the number of octets occupied by the data in the segment (counting
  // SYN and FIN)".
  logic integer seg_len(struct tcpfsm_segment s) =
      s.len + ((s.flags & TCPFSM_SYN) != 0 ? 1 : 0) + ((s.flags & TCPFSM_FIN) != 0 ? 1 : 0);

  // ------------------------------------------------------------ the output
  // Between L1 and L2 one segment was appended to `out` (it is last_segment(out) at L2).
  // (What was emitted before is not restated: the emitting functions write only the slot at
  // out->count, which their assigns clauses do not say; a frame of the earlier slots made the
  // callers' goals too hard for the provers' budgets.)
  predicate one_appended{L1, L2}(struct tcpfsm_output *out) =
      \at(out->count, L2) == \at(out->count, L1) + 1;
  logic struct tcpfsm_segment last_segment{L}(struct tcpfsm_output *out) =
      out->segments[out->count - 1];

  // Nothing was appended between L1 and L2.
  predicate nothing_appended{L1, L2}(struct tcpfsm_output *out) =
      \at(out->count, L2) == \at(out->count, L1);

  // ------------------------------------------------------------ RST (RFC 9293 3.10.7.1, 3.5.2)
  // "If the incoming segment has an ACK field, the reset takes its sequence number from the ACK
  // field of the segment, otherwise the reset has sequence number zero and the ACK field is set
  // to the sum of the sequence number and segment length of the incoming segment. The connection
  // remains in the CLOSED state." In the RFC's notation: <SEQ=SEG.ACK><CTL=RST>, or
  // <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>.
  logic integer rst_reply_seq(struct tcpfsm_segment seg) =
      (seg.flags & TCPFSM_ACK) != 0 ? seg.ack : 0;
  logic integer rst_reply_ack(struct tcpfsm_segment seg) =
      (seg.flags & TCPFSM_ACK) != 0 ? 0 : seq_add(seg.seq, seg_len(seg));
  logic integer rst_reply_ctl(struct tcpfsm_segment seg) =
      (seg.flags & TCPFSM_ACK) != 0 ? TCPFSM_RST : (TCPFSM_RST | TCPFSM_ACK);
  predicate rst_reply(struct tcpfsm_segment s, struct tcpfsm_segment seg) =
      segment_is(s, rst_reply_seq(seg), rst_reply_ack(seg), rst_reply_ctl(seg), 0, 0);

  // The knob syn_rst_from_tcb (FreeBSD, tcp_do_segment() with net.inet.tcp.insecure_syn=1): a SYN
  // in the window of SYN-RECEIVED or a synchronized state drops the connection with tcp_drop(),
  // whose tcp_output() sends <SEQ=SND.NXT><ACK=RCV.NXT><CTL=RST,ACK> from the connection, not
  // the reply formed from the segment.
  predicate syn_rst_from_tcb{L}(struct tcpfsm_segment s, struct tcpfsm_conn *c) =
      segment_is(s, c->snd_nxt, c->rcv_nxt, TCPFSM_RST | TCPFSM_ACK, 0, 0);

  // RFC 9293 3.10.7.1 (and 3.5.2): "An incoming segment containing a RST is discarded": a RST
  // is never answered with a RST.
  predicate rst_replied(struct tcpfsm_segment seg) = (seg.flags & TCPFSM_RST) == 0;

  // RFC 9293 3.10.5, ABORT in SYN-RECEIVED and the synchronized states: "Send a reset segment:
  // <SEQ=SND.NXT><CTL=RST>". With the knob abort_rst_ack (Linux tcp_send_active_reset(), FreeBSD
  // tcp_drop() through tcp_output() in CLOSED) the reset also acknowledges what was received:
  // <SEQ=SND.NXT><ACK=RCV.NXT><CTL=RST,ACK>.
  predicate abort_rst{L}(struct tcpfsm_segment s, struct tcpfsm_conn *c) =
      c->cfg->abort_rst_ack != 0 ? segment_is(s, c->snd_nxt, c->rcv_nxt, TCPFSM_RST | TCPFSM_ACK, 0, 0)
                                 : segment_is(s, c->snd_nxt, 0, TCPFSM_RST, 0, 0);

  // ------------------------------------------------------------ options
  // The options of a segment: the MSS option `mss` (0: none) and no window-scale option.
  predicate options_are(struct tcpfsm_segment s, integer mss) =
      s.mss == mss && s.wscale == TCPFSM_WSCALE_NONE;

  // The options of our SYN and SYN+ACK. RFC 9293 3.7.1: "TCP implementations SHOULD send an MSS
  // Option in every SYN segment when its receive MSS differs from the default 536 for IPv4 or 1220
  // for IPv6, and MAY send it always": the core always sends it, with the MSS of the
  // configuration. RFC 7323 2.2: "both sides MUST send Window Scale options in their <SYN>
  // segments to enable window scaling in either direction": the core does not scale windows yet
  // and sends no window-scale option, which keeps scaling off in both directions.
  predicate syn_options{L}(struct tcpfsm_segment s, struct tcpfsm_conn *c) =
      options_are(s, c->cfg->mss);

  // ------------------------------------------------------------ SYN, SYN+ACK
  // RFC 9293 3.10.1 (OPEN in CLOSED): "A SYN segment of the form <SEQ=ISS><CTL=SYN> is sent".
  predicate syn_segment{L}(struct tcpfsm_segment s, struct tcpfsm_conn *c) =
      segment_is(s, c->iss, 0, TCPFSM_SYN, seg_wnd(c->rcv_wnd), 0) && syn_options(s, c);
  // RFC 9293 3.10.7.2 (a SYN in LISTEN): "ISS should be selected and a SYN segment sent of the
  // form: <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>".
  predicate syn_ack_segment{L}(struct tcpfsm_segment s, struct tcpfsm_conn *c) =
      segment_is(s, c->iss, c->rcv_nxt, TCPFSM_SYN | TCPFSM_ACK, seg_wnd(c->rcv_wnd), 0)
      && syn_options(s, c);

  // ------------------------------------------------------------ ACK, challenge ACK
  // RFC 9293 3.10.7.4: "Send an acknowledgment of the form: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>".
  predicate ack_segment{L}(struct tcpfsm_segment s, struct tcpfsm_conn *c) =
      segment_is(s, c->snd_nxt, c->rcv_nxt, TCPFSM_ACK, seg_wnd(c->rcv_wnd), 0);

  // Our FIN is unacknowledged: it was sent (it occupies SND.NXT-1) and the state is one that is
  // left when it is acknowledged, FIN-WAIT-1, CLOSING or LAST-ACK (RFC 9293 3.10.7.4 fifth).
  // `c->flags & 0x20` is TCPFSM_F_FIN_SENT.
  predicate fin_unacknowledged{L}(struct tcpfsm_conn *c) =
      (c->flags & 0x20) != 0
      && (c->state == TCPFSM_FIN_WAIT_1 || c->state == TCPFSM_CLOSING || c->state == TCPFSM_LAST_ACK);

  // The knob ack_repeats_fin (FreeBSD tcp_output(): tcp_outflags[] carries FIN in FIN-WAIT-1,
  // CLOSING and LAST-ACK, and "If resending a FIN, be sure not to use a new sequence number"):
  // while our FIN is unacknowledged, the ACK we owe repeats it, <SEQ=SND.NXT-1><ACK=RCV.NXT>
  // <CTL=FIN,ACK> (fin_segment below, at SND.NXT-1). Not in reply to a SYN: FreeBSD answers a
  // SYN of a synchronized connection from its SYN check with tcp_respond(), a plain ACK.
  predicate ack_repeats_fin{L}(struct tcpfsm_conn *c, integer reply_to_syn) =
      c->cfg->ack_repeats_fin != 0 && fin_unacknowledged(c) && reply_to_syn == 0;

  // RFC 5961 3.2: "TCP MUST send an acknowledgment (challenge ACK): <SEQ=SND.NXT><ACK=RCV.NXT>
  // <CTL=ACK>".
  predicate challenge_ack{L}(struct tcpfsm_segment s, struct tcpfsm_conn *c) =
      segment_is(s, c->snd_nxt, c->rcv_nxt, TCPFSM_ACK, seg_wnd(c->rcv_wnd), 0);

  // RFC 5961 7: "An implementation SHOULD include an ACK throttling mechanism to be conservative
  // ... limit the number of challenge ACKs a TCP stack sends within a given time period": at
  // most cfg->challenge_ack_limit per second of the caller's clock (0: no limit). The second is
  // kept in 8 bits (c->challenge_second): the count restarts whenever the second changes.
  logic integer challenge_ack_second(integer now) = (uint8_t)(now / 1000000);
  // The challenge ACKs already sent in the second of `now`.
  logic integer challenge_acks_sent{L}(struct tcpfsm_conn *c, integer now) =
      challenge_ack_second(now) == c->challenge_second ? c->challenge_acks : 0;
  predicate challenge_ack_allowed{L}(struct tcpfsm_conn *c, integer now) =
      c->cfg->challenge_ack_limit == 0
      || challenge_acks_sent(c, now) < c->cfg->challenge_ack_limit;

  // ------------------------------------------------------------ data, FIN, retransmission
  // (The logic functions below take numbers, not the connection: the contracts apply them to the
  // connection's fields, which keeps the provers' goals free of memory reads under functions.)

  // RFC 9293 3.3.1: "SND.UNA - oldest unacknowledged sequence number", "SND.NXT - next sequence
  // number to be sent": the octets in flight (and our SYN or FIN) are SND.NXT - SND.UNA, modulo
  // 2^32 (the C cast to uint32_t).
  logic integer in_flight(integer snd_una, integer snd_nxt) = (uint32_t)(snd_nxt - snd_una);

  // RFC 9293 3.8.6.2.1: "the usable window is: U = SND.UNA + SND.WND - SND.NXT" (none when the
  // octets in flight already fill the window).
  logic integer usable_window(integer snd_wnd, integer in_flight) =
      snd_wnd > in_flight ? snd_wnd - in_flight : 0;

  // RFC 9293 3.7.1: "The maximum size of a segment that a TCP endpoint really sends, the
  // 'effective send MSS', MUST be the smaller ... of the send MSS ... and the largest
  // transmission size permitted by the IP layer" (the connection's send MSS, c->snd_mss: the
  // peer's MSS option or the default, capped by cfg->mss, send_mss of tcpfsm_spec_accounting.h),
  // and no more than the usable
  // window (3.8.6.2.1). The length of the next data segment from the `queued` octets the
  // application wrote and that wait (SND.NXT onwards).
  logic integer at_most(integer x, integer bound) = x > bound ? bound : x;
  logic integer data_segment_len(integer queued, integer mss, integer usable) =
      at_most(at_most(queued, mss), usable);

  // RFC 9293 3.9.1: if PUSH flags are not implemented on SEND calls, the sending TCP peer
  // "MUST set the PSH bit in the last buffered segment (i.e., when there is no more queued data
  // to be sent)": the segment that empties the queue carries PSH.
  logic integer data_ctl(integer len, integer queued) =
      len == queued ? (TCPFSM_ACK | TCPFSM_PSH) : TCPFSM_ACK;

  // The octets of segment s lie within the send window: SND.UNA =< SEG.SEQ and
  // SEG.SEQ + SEG.LEN =< SND.UNA + SND.WND.
  predicate within_send_window(struct tcpfsm_segment s, integer snd_una, integer snd_wnd) =
      in_flight(snd_una, s.seq) + s.len <= snd_wnd;

  // RFC 9293 3.10.4 (CLOSE): "form a FIN segment and send it": <SEQ=SND.NXT><ACK=RCV.NXT>
  // <CTL=FIN,ACK>, "and advance SND.NXT over the FIN"; `fin_seq` is the SND.NXT it was sent at.
  predicate fin_segment{L}(struct tcpfsm_segment s, struct tcpfsm_conn *c, integer fin_seq) =
      segment_is(s, fin_seq, c->rcv_nxt, TCPFSM_FIN | TCPFSM_ACK, seg_wnd(c->rcv_wnd), 0);

  // RFC 6298 5.4: "Retransmit the earliest segment that has not been acknowledged by the TCP
  // receiver": one MSS of data from SND.UNA, <SEQ=SND.UNA><ACK=RCV.NXT><CTL=ACK[,PSH]>, of
  // min(SND.NXT - SND.UNA (less the FIN), MSS) octets (`outstanding`); PSH when it carries the
  // last octet sent and nothing waits behind it (RFC 9293 3.9.1).
  logic integer retransmit_ctl(integer outstanding, integer mss, integer queued) =
      outstanding <= mss && queued == 0 ? (TCPFSM_ACK | TCPFSM_PSH) : TCPFSM_ACK;

  // RFC 9293 3.8.6.1: "The sending TCP peer must regularly transmit at least one octet of new
  // data (if available) ... even if the send window is zero, in order to 'probe' the window":
  // one octet at SND.NXT, <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK[,PSH]>.

  // RFC 9293 3.10.2 (SEND): in ESTABLISHED and CLOSE-WAIT "Segmentize the buffer and send it";
  // in FIN-WAIT-1, CLOSING and LAST-ACK the data queued before CLOSE still goes out before the
  // FIN (3.10.4: "Queue this until all preceding SENDs have been segmentized"). In the other
  // states nothing is sent from the queue ("Queue the data for transmission after entering
  // ESTABLISHED state").
  // That is sends_data(st), defined in tcpfsm_spec_timers.h (the persist timer runs there too).

  // A segment flush() sends from the queue: <SEQ=..><ACK=RCV.NXT><CTL=ACK[,PSH]> carrying
  // 1 to MSS octets within the send window.
  predicate queued_data_segment{L}(struct tcpfsm_segment s, struct tcpfsm_conn *c) =
      s.ack == c->rcv_nxt && s.window == seg_wnd(c->rcv_wnd) && 0 < s.len && s.len <= c->snd_mss
      && (s.flags == TCPFSM_ACK || s.flags == (TCPFSM_ACK | TCPFSM_PSH))
      && within_send_window(s, c->snd_una, c->snd_wnd);

  // ------------------------------------------------------------ more to send (TCPFSM_SIG_MORE)
  // RFC 9293 3.10.2 (SEND) "Segmentize the buffer and send it" within "the usable window"
  // (3.8.6.2.1), and 3.10.4 (CLOSE) "Queue this until all preceding SENDs have been segmentized,
  // then form a FIN segment and send it": the core could emit a segment right now when the state
  // sends from the queue (sends_data) and either the next data segment has a positive length
  // (data_segment_len, queued data within the usable window) or the FIN is pending with nothing
  // queued before it. `fin_pending` is 1 when the TCPFSM_F_FIN_PENDING bit of the flags is set.
  predicate can_send_more(integer st, integer queued, integer mss, integer snd_wnd,
                          integer in_flight, integer fin_pending) =
      sends_data(st)
      && (data_segment_len(queued, mss, usable_window(snd_wnd, in_flight)) > 0
          || (fin_pending != 0 && queued == 0));
  predicate conn_can_send_more{L}(struct tcpfsm_conn *c) =
      can_send_more(c->state, c->snd_queued, c->snd_mss, c->snd_wnd,
                    in_flight(c->snd_una, c->snd_nxt), (c->flags & TCPFSM_F_FIN_PENDING) != 0 ? 1 : 0);

  // ------------------------------------------------------------ window update
  // RFC 9293 3.8.6.2.2 (receiver SWS avoidance): "The suggested SWS avoidance algorithm for the
  // receiver is to keep RCV.NXT+RCV.WND fixed until the reduction satisfies:
  // RCV.BUFF - RCV.USER - RCV.WND >= min( Fr * RCV.BUFF, Eff.snd.MSS ) where Fr is a fraction
  // whose recommended value is 1/2": the window is announced (an ACK) when it opens from below
  // min(RCV.BUFF/2, MSS) to at least that much.
  logic integer sws_threshold(integer rcv_buff, integer mss) =
      at_most(rcv_buff / 2, mss);
  predicate window_update_due(integer state, integer old_wnd, integer rcv_wnd, integer threshold) =
      old_wnd < threshold && rcv_wnd >= threshold
      && (state == TCPFSM_ESTABLISHED || state == TCPFSM_FIN_WAIT_1 || state == TCPFSM_FIN_WAIT_2);
*/

#endif /* TCPFSM_SPEC_SEGMENTS_H */
