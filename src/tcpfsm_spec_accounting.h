/*
 * tcpfsm_spec_accounting.h - ACSL specification of the sequence and window accounting (no C code):
 * how SND.UNA, SND.NXT, RCV.NXT, SND.WND, SND.WL1, SND.WL2, MAX.SND.WND, RCV.WND and the send queue
 * move (RFC 9293 3.10.7.3, 3.10.7.4, RFC 1122 4.2.2.20, RFC 5961 5.2). Included from
 * tcpfsm_spec.h; read it next to the RFC: each definition quotes the sentence it formalises.
 * All sequence arithmetic is modulo 2^32 (RFC 9293 3.4), with seq_dist / seq_lt_math /
 * seq_le_math of tcpfsm_spec.h.
 */
#ifndef TCPFSM_SPEC_ACCOUNTING_H
#define TCPFSM_SPEC_ACCOUNTING_H

/*@
  // seq_add(x, d): x + d modulo 2^32, a sequence number d octets after x (tcpfsm_spec.h).

  // ------------------------------------------------------------ the send side (3.10.7.4, fifth)
  // "If SND.UNA < SEG.ACK =< SND.NXT, then set SND.UNA <- SEG.ACK."
  predicate ack_is_new(integer snd_una, integer ack, integer snd_nxt) =
      seq_lt_math(snd_una, ack) && seq_le_math(ack, snd_nxt);

  // "If SND.UNA =< SEG.ACK =< SND.NXT, the send window should be updated."
  predicate ack_updates_window(integer snd_una, integer ack, integer snd_nxt) =
      seq_le_math(snd_una, ack) && seq_le_math(ack, snd_nxt);

  // "If (SND.WL1 < SEG.SEQ or (SND.WL1 = SEG.SEQ and SND.WL2 =< SEG.ACK)), set SND.WND <- SEG.WND,
  // set SND.WL1 <- SEG.SEQ, and set SND.WL2 <- SEG.ACK." ("This check ... prevents using old
  // segments to update the window.")
  predicate window_is_newer(integer wl1, integer wl2, integer seq, integer ack) =
      seq_lt_math(wl1, seq) || (wl1 == seq && seq_le_math(wl2, ack));

  // The handshake sets the window unconditionally. RFC 9293 3.10.7.4, SYN-RECEIVED: "If SND.UNA <
  // SEG.ACK =< SND.NXT, then enter ESTABLISHED state and continue processing with the variables
  // below set to: SND.WND <- SEG.WND, SND.WL1 <- SEG.SEQ, SND.WL2 <- SEG.ACK"; RFC 1122 4.2.2.20
  // (c), SYN-SENT: "When the connection enters ESTABLISHED state, the following variables must be
  // set: SND.WND <- SEG.WND, SND.WL1 <- SEG.SEQ, SND.WL2 <- SEG.ACK".
  predicate handshake_state(integer from) = from == TCPFSM_SYN_SENT || from == TCPFSM_SYN_RECEIVED;

  // RFC 5961 5.2: "MAX.SND.WND: The maximum send window it has seen from its peer."
  logic integer max_snd_wnd_after(integer max_snd_wnd, integer wnd) =
      wnd > max_snd_wnd ? wnd : max_snd_wnd;

  // ------------------------------------------------------------ the receive side (seventh, eighth)
  // "Once the TCP endpoint takes responsibility for the data, it advances RCV.NXT over the data
  // accepted, and adjusts RCV.WND as appropriate to the current buffer availability. The total of
  // RCV.NXT and RCV.WND should not be reduced." The data accepted from text [seq, seq+len): the
  // octets from RCV.NXT on (the segment starts at or before RCV.NXT and ends after it), at most
  // RCV.WND of them (what the window has room for); none when the state takes no text ("This
  // should not occur since a FIN has been received from the remote side. Ignore the segment
  // text.") or the text is not in order.
  logic integer text_accepted(integer rcv_nxt, integer rcv_wnd, integer seq, integer len) =
      (len > 0 && seq_dist(seq, rcv_nxt) < 2147483648             // SEG.SEQ =< RCV.NXT
       && 0 < seq_dist(rcv_nxt, seq_add(seq, len)) < 2147483648)   // RCV.NXT < SEG.SEQ+len
        ? ((uint32_t)(seq_add(seq, len) - rcv_nxt) < rcv_wnd     // (SEG.SEQ+len - RCV.NXT) mod 2^32
             ? (uint32_t)(seq_add(seq, len) - rcv_nxt) : rcv_wnd)
        : 0;

  // The states in which text is processed: "ESTABLISHED STATE, FIN-WAIT-1 STATE, FIN-WAIT-2 STATE:
  // ... deliver segment data" (and the handshake states moving there with the same segment).
  predicate state_takes_text(integer st) =
      st == TCPFSM_SYN_SENT || st == TCPFSM_SYN_RECEIVED || st == TCPFSM_ESTABLISHED
      || st == TCPFSM_FIN_WAIT_1 || st == TCPFSM_FIN_WAIT_2;

  // The octets of text [seq, seq+len) the state `from` takes.
  logic integer text_taken(integer from, integer rcv_nxt, integer rcv_wnd, integer seq, integer len) =
      (from == TCPFSM_SYN_SENT || from == TCPFSM_SYN_RECEIVED || from == TCPFSM_ESTABLISHED
       || from == TCPFSM_FIN_WAIT_1 || from == TCPFSM_FIN_WAIT_2)
        ? text_accepted(rcv_nxt, rcv_wnd, seq, len) : 0;

  // "eighth, check the FIN bit: ... If the FIN bit is set, ... advance RCV.NXT over the FIN": a
  // new FIN (fin_new, from the classifier) is taken when it sits at RCV.NXT once the text is in
  // (its sequence number is SEG.SEQ + the text length).
  logic integer rcv_nxt_after(integer from, integer rcv_nxt, integer rcv_wnd, integer seq,
                              integer len, integer fin_new) =
      (fin_new != 0
       && seq_add(rcv_nxt, text_taken(from, rcv_nxt, rcv_wnd, seq, len)) == seq_add(seq, len))
        ? seq_add(seq_add(rcv_nxt, text_taken(from, rcv_nxt, rcv_wnd, seq, len)), 1)
        : seq_add(rcv_nxt, text_taken(from, rcv_nxt, rcv_wnd, seq, len));

  // SYN-SENT, "fourth, check the SYN bit": "RCV.NXT is set to SEG.SEQ+1, IRS is set to SEG.SEQ".
  logic integer rcv_nxt_syn(integer from, integer flags, integer seq, integer rcv_nxt) =
      ((flags & TCPFSM_SYN) != 0 && from == TCPFSM_SYN_SENT) ? seq_add(seq, 1) : rcv_nxt;

  // The text of a segment starts after its SYN ("SEG.LEN: the number of octets occupied by the
  // data in the segment (counting SYN and FIN)").
  logic integer text_seq(integer flags, integer seq) =
      (flags & TCPFSM_SYN) != 0 ? seq_add(seq, 1) : seq;

  // "fifth, check the ACK field: if the ACK bit is off, drop the segment and return".
  predicate seg_has_ack(integer flags) = (flags & TCPFSM_ACK) != 0;

  // The window of a segment (with the ACK bit on) processed in state `from` becomes SND.WND (SND.UNA before the
  // segment: a new ACK moves SND.UNA to SEG.ACK first, which keeps SND.UNA =< SEG.ACK).
  predicate window_taken(integer from, integer snd_una, integer snd_nxt,
                         integer wl1, integer wl2, integer seq, integer ack) =
      ack_updates_window(snd_una, ack, snd_nxt)
      && (handshake_state(from) || window_is_newer(wl1, wl2, seq, ack));

  // ------------------------------------------------------------ the text the host sees
  // Which octets of the segment's text the data was taken from (TCPFSM_SIG_DATA): "If a segment's
  // contents straddle the boundary between old and new, only the new parts are processed"
  // (3.10.7.4, first): the text [seq, seq+len) is old up to RCV.NXT, so the octets taken start at
  // offset RCV.NXT - SEG.SEQ of the text.
  logic integer text_offset(integer rcv_nxt, integer seq) = seq_sub(rcv_nxt, seq);

  // The segment's in-window text beyond RCV.NXT (TCPFSM_SIG_OUT_OF_ORDER). RFC 9293 3.10.7.4: "One
  // could tailor actual segments to fit this assumption by trimming off any portions that lie
  // outside the window (including SYN and FIN) and only processing further if the segment then
  // begins at RCV.NXT. Segments with higher beginning sequence numbers SHOULD be held for later
  // processing (SHLD-31)." The octets the host may hold: from SEG.SEQ (RCV.NXT < SEG.SEQ <
  // RCV.NXT+RCV.WND) up to the end of the text or the right edge of the window RCV.NXT+RCV.WND,
  // whichever comes first; none when the text is not beyond RCV.NXT, or the state takes no text.
  // (seq_sub(seq, rcv_nxt) is SEG.SEQ - RCV.NXT modulo 2^32, the distance into the window.)
  logic integer text_beyond(integer rcv_nxt, integer rcv_wnd, integer seq, integer len) =
      (len > 0 && 0 < seq_dist(rcv_nxt, seq) < 2147483648 && seq_sub(seq, rcv_nxt) < rcv_wnd)
        ? (len < rcv_wnd - seq_sub(seq, rcv_nxt) ? len : rcv_wnd - seq_sub(seq, rcv_nxt)) : 0;
  logic integer text_held(integer from, integer rcv_nxt, integer rcv_wnd, integer seq, integer len) =
      (from == TCPFSM_SYN_SENT || from == TCPFSM_SYN_RECEIVED || from == TCPFSM_ESTABLISHED
       || from == TCPFSM_FIN_WAIT_1 || from == TCPFSM_FIN_WAIT_2)
        ? text_beyond(rcv_nxt, rcv_wnd, seq, len) : 0;

  // The states in which the host hands reassembled text back (tcpfsm_reassembled): those that
  // deliver text once the handshake is over, "ESTABLISHED STATE, FIN-WAIT-1 STATE, FIN-WAIT-2
  // STATE: ... deliver segment data".
  predicate state_delivers_text(integer st) =
      st == TCPFSM_ESTABLISHED || st == TCPFSM_FIN_WAIT_1 || st == TCPFSM_FIN_WAIT_2;

  // ------------------------------------------------------------ the handshake (3.10.7.2, 3.10.7.3)
  // SYN-SENT / LISTEN: "RCV.NXT is set to SEG.SEQ+1, IRS is set to SEG.SEQ".
  // OPEN: "An initial send sequence number (ISS) is selected. A SYN segment of the form
  // <SEQ=ISS><CTL=SYN> is sent. Set SND.UNA to ISS, SND.NXT to ISS+1".
  // LISTEN: "ISS should be selected and a SYN segment sent of the form <SEQ=ISS><ACK=RCV.NXT>
  // <CTL=SYN,ACK>. SND.NXT is set to ISS+1 and SND.UNA to ISS."

  // ------------------------------------------------------------ the send MSS (3.7.1)
  // "TCP endpoints MUST implement both sending and receiving the MSS Option"; "If an MSS Option is
  // not received at connection setup, TCP implementations MUST assume a default send MSS of 536
  // (576 - 40) for IPv4 or 1220 (1280 - 60) for IPv6"; "The maximum size of a segment that a TCP
  // endpoint really sends, the 'effective send MSS', MUST be the smaller ... of the send MSS
  // (that reflects the available reassembly buffer size at the remote host, the EMTU_R) and the
  // largest transmission size permitted by the IP layer". The SYN's option `opt` (0: none, then
  // TCPFSM_DEFAULT_MSS, 536; an IPv6 host passes 1220 itself), capped by cfg->mss (`our_mss`, the
  // host's bound from its MTU), becomes the connection's send MSS.
  logic integer peer_mss(integer opt) = opt == 0 ? TCPFSM_DEFAULT_MSS : opt;
  logic integer send_mss(integer our_mss, integer opt) =
      peer_mss(opt) < our_mss ? peer_mss(opt) : our_mss;

  // ------------------------------------------------------------ the strong invariant's conjunct
  // What the accounting keeps true between calls:
  //  - "RCV.WND: receive window" never exceeds the receive buffer (cfg->window, a 32-bit quantity,
  //    RFC 7323 2.3, below 2^30: tcpfsm_init checks window_in_range): it is the buffer minus the
  //    octets accepted and not yet consumed;
  //  - SND.WND =< MAX.SND.WND (RFC 5961 5.2: the maximum send window seen from the peer);
  //  - the send queue (written, not yet sent) stays within half the sequence space (SEND's check):
  //    "the sequence number space ... must be performed modulo 2**32" only works when what is
  //    outstanding stays below 2^31.
  predicate valid_accounting(struct tcpfsm_conn *c) =
      c->rcv_wnd <= c->cfg->window
      && c->snd_wnd <= c->max_snd_wnd
      && c->snd_queued <= 2147483647;
*/

#endif /* TCPFSM_SPEC_ACCOUNTING_H */
