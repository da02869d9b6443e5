/*
 * tcpfsm_spec_classify.h - the classification of an arriving segment, as ACSL logic (no C code).
 *
 * seg_event(c, seg, cfg) is the table event (src/tcpfsm_table.h) that RFC 9293 section 3.10.7,
 * with RFC 5961 sections 3, 4 and 5 as configured in `cfg`, assigns to segment `seg` arriving on
 * the connection `c` (its state and TCB), or 255 (TCPFSM_EV_NONE of src/tcpfsm_internal.h) for a
 * segment dropped without an event. Three knobs of `cfg` replace RFC 9293's rule by FreeBSD's
 * where they are on (section "FreeBSD's knobs"): tw_bsd (TIME-WAIT), drop_synfin (LISTEN,
 * SYN-SENT, TIME-WAIT), listen_synack_drop (LISTEN); they change the event, never a row. classify_segment() in src/tcpfsm.c is proved to compute
 * exactly it, and tcpfsm_segment()'s contract states its event, row and actions in its terms.
 *
 * Read it next to RFC 9293 3.10.7: every definition quotes the sentence it formalises. Sequence
 * numbers are compared modulo 2^32 (seq_dist of src/tcpfsm_spec.h; seq_lt, seq_le below).
 * Flag bits are the TCPFSM_* header bits of src/tcpfsm.h. Where the processing order of the code
 * differs from the RFC's text, the definition says why the result is the same.
 */
#ifndef TCPFSM_SPEC_CLASSIFY_H
#define TCPFSM_SPEC_CLASSIFY_H

#include "tcpfsm.h"

/*@
  // ------------------------------------------------------------ segment fields
  // seq_add / seq_sub (a + b, a - b modulo 2^32) are in tcpfsm_spec.h's sequence-space section.

  // The definitions below are boolean logic functions (not predicates) so that the event
  // functions can branch on them. a < b and a =< b modulo 2^32, as seq_lt_math / seq_le_math.
  logic boolean seq_lt(integer a, integer b) = 0 < seq_dist(a, b) < 2147483648;
  logic boolean seq_le(integer a, integer b) = seq_dist(a, b) < 2147483648;

  // The header flags are passed decoded, as booleans rst, syn, ack, fin: seg_event below reads
  // them from the segment's flags field with the TCPFSM_* bits of src/tcpfsm.h.

  // RFC 9293 3.4: "SEG.LEN = the number of octets occupied by the data in the segment (counting
  // SYN and FIN)"; `len` is the payload length (tcpfsm_segment.len).
  logic integer seg_len(integer len, boolean syn, boolean fin) =
      len + (syn ? 1 : 0) + (fin ? 1 : 0);

  // ------------------------------------------------------------ the acceptability test (3.10.7.4)
  // "RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND" (for any sequence number x in place of SEG.SEQ).
  // x lies 0 to RCV.WND - 1 sequence numbers ahead of RCV.NXT (modulo 2^32).
  logic boolean in_rcv_window(integer rcv_nxt, integer rcv_wnd, integer x) =
      seq_sub(x, rcv_nxt) < rcv_wnd;

  // "There are four cases for the acceptability test for an incoming segment:
  //    Segment Length  Receive Window  Test
  //    0               0               SEG.SEQ = RCV.NXT
  //    0               >0              RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND
  //    >0              0               not acceptable
  //    >0              >0              RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND
  //                                    or RCV.NXT =< SEG.SEQ+SEG.LEN-1 < RCV.NXT+RCV.WND"
  // One disjunct per acceptable row (len: SEG.LEN; the row ">0, 0" has none: not acceptable).
  logic boolean seg_acceptable(integer rcv_nxt, integer rcv_wnd, integer seq, integer len) =
         (len == 0 && rcv_wnd == 0 && seq == rcv_nxt)
      || (len == 0 && rcv_wnd >  0 && in_rcv_window(rcv_nxt, rcv_wnd, seq))
      || (len >  0 && rcv_wnd >  0 && (in_rcv_window(rcv_nxt, rcv_wnd, seq)
                                       || in_rcv_window(rcv_nxt, rcv_wnd, seq_sub(seq_add(seq, len), 1))));

  // ------------------------------------------------------------ acceptable ACKs
  // 3.10.7.4 fifth, SYN-RECEIVED: "If SND.UNA < SEG.ACK =< SND.NXT, then enter ESTABLISHED
  // state"; 3.3.1: "A new acknowledgment (called an 'acceptable ack') is one for which the
  // inequality below holds: SND.UNA < SEG.ACK =< SND.NXT".
  logic boolean ack_new(integer snd_una, integer snd_nxt, integer ack) =
      seq_lt(snd_una, ack) && seq_le(ack, snd_nxt);

  // 3.10.7.3 SYN-SENT, "first, check the ACK bit: If the ACK bit is set, If SEG.ACK =< ISS or
  // SEG.ACK > SND.NXT, send a reset (unless the RST bit is set, if so drop the segment and
  // return)".
  logic boolean syn_sent_ack_bad(integer iss, integer snd_nxt, integer ack) =
      seq_le(ack, iss) || seq_lt(snd_nxt, ack);

  // 3.10.7.4 fifth: "If the ACK acks something not yet sent (SEG.ACK > SND.NXT), then send an
  // ACK, drop the segment, and return." RFC 5961 5.2: "the ACK value is considered acceptable
  // only if it is in the range of ((SND.UNA - MAX.SND.WND) =< SEG.ACK =< SND.NXT). All incoming
  // segments whose ACK value doesn't satisfy the above condition MUST be discarded and an ACK
  // sent back." Outside the range: SEG.ACK > SND.NXT, or (with RFC 5961 5 on)
  // SEG.ACK < SND.UNA - MAX.SND.WND.
  logic boolean ack_invalid(integer snd_una, integer snd_nxt, integer max_snd_wnd, integer ack,
                        integer rfc5961_ack) =
      seq_lt(snd_nxt, ack)
      || (rfc5961_ack != 0 && seq_lt(ack, seq_sub(snd_una, max_snd_wnd)));

  // ------------------------------------------------------------ where a FIN sits
  // The states after the peer's FIN (3.10.7.4 eighth): "CLOSE-WAIT STATE Remain in the
  // CLOSE-WAIT state. CLOSING STATE Remain in the CLOSING state. LAST-ACK STATE Remain in the
  // LAST-ACK state. TIME-WAIT STATE Remain in the TIME-WAIT state."
  logic boolean fin_received_state(integer st) =
      st == TCPFSM_CLOSE_WAIT || st == TCPFSM_CLOSING || st == TCPFSM_LAST_ACK
      || st == TCPFSM_TIME_WAIT;

  // The FIN occupies the sequence number after the text: SEG.SEQ + (payload length). It is
  // processed in order ("eighth, check the FIN bit ... advance RCV.NXT over the FIN"; "Segments
  // with higher beginning sequence numbers SHOULD be held for later processing"): new (1) when
  // the segment starts at or before RCV.NXT (SEG.SEQ =< RCV.NXT =< FIN) and the FIN is in the
  // window (FIN < RCV.NXT + RCV.WND). After the peer's FIN, "The only thing that can arrive in
  // this state is a retransmission of the remote FIN": retransmitted (2) when it sits at
  // RCV.NXT - 1. Otherwise none (0), also for a segment without FIN.
  logic integer fin_pos(integer st, integer rcv_nxt, integer rcv_wnd, integer seq, integer len,
                        boolean fin) =
      !fin ? 0 :
      fin_received_state(st) ? (seq_add(seq, len) == seq_sub(rcv_nxt, 1) ? 2 : 0) :
      (seq_le(seq, rcv_nxt) && seq_le(rcv_nxt, seq_add(seq, len))
       && in_rcv_window(rcv_nxt, rcv_wnd, seq_add(seq, len))) ? 1 : 0;

  // ------------------------------------------------------------ RST (RFC 5961 3.2)
  // RFC 5961 3.2: "1) If the RST bit is set and the sequence number is outside the current
  // receive window, silently drop the segment. 2) If the RST bit is set and the sequence number
  // exactly matches the next expected sequence number (RCV.NXT), then TCP MUST reset the
  // connection. 3) If the RST bit is set and the sequence number does not exactly match the next
  // expected sequence value, yet is within the current receive window, TCP MUST send an
  // acknowledgment (challenge ACK)". With it off (rfc5961_rst == 0), RFC 9293 3.10.7.4 second:
  // "If the RST bit is set ... [in the window] ... enter the CLOSED state" (RFC 793). A RST is
  // checked before the acceptability test: 3.10.7.4 first drops an unacceptable RST unanswered
  // ("unless the RST bit is set, if so drop the segment and return"), which case 1 also does.
  logic integer rst_event(integer rcv_nxt, integer rcv_wnd, integer seq, integer rfc5961_rst) =
      seq == rcv_nxt ? TCPFSM_EV_RST :
      !in_rcv_window(rcv_nxt, rcv_wnd, seq) ? 255 :
      rfc5961_rst != 0 ? TCPFSM_EV_RST_CHALLENGE : TCPFSM_EV_RST;

  // ------------------------------------------------------------ SYN (RFC 5961 4.2)
  // A SYN without RST in SYN-RECEIVED or a synchronized state (`len`: SEG.LEN, SYN and FIN
  // counted). In order:
  // - SYN-RECEIVED, SEG.SEQ = RCV.NXT - 1 (the SYN that opened the connection, again): without
  //   ACK a retransmitted SYN (SYN); with an acceptable ACK and no FIN the peer's SYN,ACK of a
  //   simultaneous open, RFC 9293 figure 8 line 6 (ACK_OF_SYN);
  // - TIME-WAIT, no ACK, SEG.SEQ > RCV.NXT: 3.6.1 "if a new SYN ... arrives ... with a sequence
  //   number greater than the last seen" (SYN, the reopen row);
  // - RFC 5961 4.2: "If the SYN bit is set, irrespective of the sequence number, TCP MUST send an
  //   ACK (also referred to as challenge ACK) to the remote peer" (rfc5961_syn on); RFC 793
  //   ("If the SYN is in the window it is an error", rfc5961_syn off): SYN_SYNC when acceptable,
  //   otherwise UNACCEPTABLE (3.10.7.4 first: "an acknowledgment should be sent in reply").
  logic integer syn_event(integer st, integer snd_una, integer snd_nxt, integer rcv_nxt,
                          integer rcv_wnd, integer seq, integer ack, boolean ack_bit,
                          boolean fin, integer len, integer rfc5961_syn) =
      (st == TCPFSM_SYN_RECEIVED && seq == seq_sub(rcv_nxt, 1) && !ack_bit)
          ? TCPFSM_EV_SYN :
      (st == TCPFSM_SYN_RECEIVED && seq == seq_sub(rcv_nxt, 1) && !fin
       && ack_new(snd_una, snd_nxt, ack))
          ? TCPFSM_EV_ACK_OF_SYN :
      (st == TCPFSM_TIME_WAIT && !ack_bit && seq_lt(rcv_nxt, seq))
          ? TCPFSM_EV_SYN :
      (rfc5961_syn != 0 || seg_acceptable(rcv_nxt, rcv_wnd, seq, len))
          ? TCPFSM_EV_SYN_SYNC : TCPFSM_EV_UNACCEPTABLE;

  // ------------------------------------------------------------ ACK (3.10.7.4 fifth)
  // Our FIN is newly acknowledged: FIN-WAIT-1 "if the FIN segment is now acknowledged",
  // CLOSING "If the ACK acknowledges our FIN", LAST-ACK "If our FIN is now acknowledged": the FIN
  // was sent (it occupies SND.NXT - 1) and SEG.ACK = SND.NXT.
  logic boolean covers_our_fin(integer st, integer fin_sent, integer snd_nxt, integer ack) =
      (st == TCPFSM_FIN_WAIT_1 || st == TCPFSM_CLOSING || st == TCPFSM_LAST_ACK)
      && fin_sent != 0 && ack == snd_nxt;

  // An acceptable segment with the ACK bit on, no SYN, no RST; `fin`: fin_pos of the segment.
  // SYN-RECEIVED: "If SND.UNA < SEG.ACK =< SND.NXT, then enter ESTABLISHED state and continue
  // processing ... If the segment acknowledgment is not acceptable, form a reset segment"
  // (BAD_ACK); with a new FIN it goes on to "eighth, check the FIN bit" (FIN). Synchronized
  // states: ACK_INVALID outside the acceptable range; otherwise by whether it carries a FIN
  // (new or retransmitted) and whether it newly acknowledges ours.
  logic integer ack_event(integer st, integer snd_una, integer snd_nxt, integer max_snd_wnd,
                          integer fin_sent, integer ack, integer fin, integer rfc5961_ack) =
      st == TCPFSM_SYN_RECEIVED
          ? (!ack_new(snd_una, snd_nxt, ack) ? TCPFSM_EV_BAD_ACK :
             fin == 1 ? TCPFSM_EV_FIN : TCPFSM_EV_ACK_OF_SYN) :
      ack_invalid(snd_una, snd_nxt, max_snd_wnd, ack, rfc5961_ack) ? TCPFSM_EV_ACK_INVALID :
      fin != 0 ? (covers_our_fin(st, fin_sent, snd_nxt, ack) ? TCPFSM_EV_FIN_ACK : TCPFSM_EV_FIN) :
      covers_our_fin(st, fin_sent, snd_nxt, ack) ? TCPFSM_EV_ACK_OF_FIN : TCPFSM_EV_ACK;

  // ------------------------------------------------------------ FreeBSD's knobs (not RFC 9293)
  // drop_synfin (FreeBSD net.inet.tcp.drop_synfin, sys/netinet/tcp_input.c): "If the drop_synfin
  // option is enabled, drop all segments with both the SYN and FIN bits set." RFC 9293 has no
  // such rule (a SYN+FIN is processed as a SYN); FreeBSD applies it in LISTEN, SYN-SENT and
  // TIME-WAIT, where it drops the segment unanswered.
  logic boolean synfin_dropped(boolean syn, boolean fin, integer drop_synfin) =
      syn && fin && drop_synfin != 0;

  // listen_synack_drop (FreeBSD, sys/netinet/tcp_input.c, LISTEN): "(SYN|ACK) is bogus on a listen
  // socket." ... "SYN|ACK invalid, segment ignored": dropped unanswered, where RFC 9293 3.10.7.2
  // answers any ACK-bearing segment with a RST.
  logic boolean listen_synack_dropped(boolean syn, boolean ack_bit, integer listen_synack_drop) =
      syn && ack_bit && listen_synack_drop != 0;

  // tw_bsd: TIME-WAIT as FreeBSD's tcp_twcheck() (sys/netinet/tcp_timewait.c), for a segment
  // without RST (a RST keeps rst_event and RFC 1337's rows) and not dropped by drop_synfin:
  // "If a new connection request is received while in TIME_WAIT, drop the old connection and
  // start over if the sequence numbers are above the previous ones" (a SYN without ACK above
  // RCV.NXT: SYN, the reopen rows); "Drop the segment if it does not contain an ACK" (255);
  // "Reset the 2MSL timer if this is a duplicate FIN" (FIN: the row that acknowledges it and
  // restarts the timer); "Acknowledge the segment if it has data or is not a duplicate ACK"
  // (UNACCEPTABLE: TIME-WAIT's row that sends <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>), the
  // duplicate ACK being the ACK flag alone (`ack_only`), no text, SEG.SEQ = RCV.NXT and
  // SEG.ACK = SND.NXT (ACK: the row without actions). No window check, no RST, no challenge ACK.
  logic integer tw_bsd_event(integer snd_nxt, integer rcv_nxt, integer rcv_wnd, integer seq,
                             integer ack, integer len, boolean syn, boolean ack_bit, boolean fin,
                             boolean ack_only) =
      !ack_bit ? ((syn && seq_lt(rcv_nxt, seq)) ? TCPFSM_EV_SYN : 255) :
      (!syn && fin_pos(TCPFSM_TIME_WAIT, rcv_nxt, rcv_wnd, seq, len, fin) == 2) ? TCPFSM_EV_FIN :
      (ack_only && len == 0 && seq == rcv_nxt && ack == snd_nxt) ? TCPFSM_EV_ACK :
      TCPFSM_EV_UNACCEPTABLE;

  // ------------------------------------------------------------ the states
  // 3.10.7.1 CLOSED: "An incoming segment containing a RST is discarded. An incoming segment not
  // containing a RST causes a RST to be sent in response."
  logic integer closed_event(boolean rst) =
      rst ? TCPFSM_EV_RST : TCPFSM_EV_NO_CONNECTION;

  // 3.10.7.2 LISTEN: "First, check for a RST: An incoming RST segment could not be valid since it
  // could not have been sent in response to anything sent by this incarnation of the connection.
  // An incoming RST should be ignored." "Second, check for an ACK: Any acknowledgment is bad if it
  // arrives on a connection still in the LISTEN state. An acceptable reset segment should be
  // formed for any arriving ACK-bearing segment." "Third, check for a SYN". "Fourth, other data
  // or control: ... drop the segment and return."
  // A SYN+FIN under drop_synfin is "other control" (synfin_dropped); a SYN,ACK under
  // listen_synack_drop is dropped unanswered (listen_synack_dropped).
  logic integer listen_event(boolean rst, boolean syn, boolean ack_bit, boolean fin,
                             integer drop_synfin, integer listen_synack_drop) =
      rst ? TCPFSM_EV_RST :
      listen_synack_dropped(syn, ack_bit, listen_synack_drop) ? TCPFSM_EV_UNACCEPTABLE :
      ack_bit ? TCPFSM_EV_BAD_ACK :
      (syn && !synfin_dropped(syn, fin, drop_synfin)) ? TCPFSM_EV_SYN : TCPFSM_EV_UNACCEPTABLE;

  // 3.10.7.3 SYN-SENT: "first, check the ACK bit" (syn_sent_ack_bad: BAD_ACK, or UNACCEPTABLE
  // for a RST: "unless the RST bit is set, if so drop the segment and return"); "second, check
  // the RST bit: ... If the ACK was acceptable, then signal to the user 'error: connection reset',
  // drop the segment, enter CLOSED state ... Otherwise (no ACK), drop the segment and return";
  // "fourth, check the SYN bit" (SYN_ACK when "our SYN has been ACKed", else SYN: simultaneous
  // open); "fifth, if neither of the SYN or RST bits is set, then drop the segment and return".
  // A SYN+FIN under drop_synfin is dropped there, after the ACK and RST checks (synfin_dropped).
  logic integer syn_sent_event(integer iss, integer snd_nxt, integer ack, boolean rst,
                               boolean syn, boolean ack_bit, boolean fin, integer drop_synfin) =
      (ack_bit && syn_sent_ack_bad(iss, snd_nxt, ack))
          ? (rst ? TCPFSM_EV_UNACCEPTABLE : TCPFSM_EV_BAD_ACK) :
      rst ? (ack_bit ? TCPFSM_EV_RST : TCPFSM_EV_UNACCEPTABLE) :
      synfin_dropped(syn, fin, drop_synfin) ? TCPFSM_EV_UNACCEPTABLE :
      syn ? (ack_bit ? TCPFSM_EV_SYN_ACK : TCPFSM_EV_SYN) :
      TCPFSM_EV_UNACCEPTABLE;

  // 3.10.7.4 SYN-RECEIVED and the synchronized states, in the RFC's order: "first, check
  // sequence number", "second, check the RST bit", "fourth, check the SYN bit", "fifth, check the
  // ACK field", "eighth, check the FIN bit". RST and SYN come first here: RFC 5961 replaces the
  // acceptability test for them (rst_event, syn_event). A retransmitted FIN after the peer's FIN
  // skips the acceptability test (it lies just below RCV.NXT, and must be acknowledged: "Remain
  // in the TIME-WAIT state. Restart the 2 MSL time-wait timeout"). "If an incoming segment is not
  // acceptable, an acknowledgment should be sent in reply" (UNACCEPTABLE); "if the ACK bit is
  // off, drop the segment and return" (255: no event).
  logic integer sync_event(integer st, integer iss, integer snd_una, integer snd_nxt,
                           integer rcv_nxt, integer rcv_wnd, integer max_snd_wnd,
                           integer fin_sent, integer seq, integer ack, integer len,
                           boolean rst, boolean syn, boolean ack_bit, boolean fin,
                           integer rfc5961_rst, integer rfc5961_syn, integer rfc5961_ack) =
      rst ? rst_event(rcv_nxt, rcv_wnd, seq, rfc5961_rst) :
      syn ? syn_event(st, snd_una, snd_nxt, rcv_nxt, rcv_wnd, seq, ack, ack_bit, fin,
                      seg_len(len, syn, fin), rfc5961_syn) :
      (fin_pos(st, rcv_nxt, rcv_wnd, seq, len, fin) != 2
       && !seg_acceptable(rcv_nxt, rcv_wnd, seq, seg_len(len, syn, fin)))
          ? TCPFSM_EV_UNACCEPTABLE :
      !ack_bit ? 255 :
      ack_event(st, snd_una, snd_nxt, max_snd_wnd, fin_sent, ack,
                fin_pos(st, rcv_nxt, rcv_wnd, seq, len, fin), rfc5961_ack);

  // ------------------------------------------------------------ seg_event
  // The event of segment `seg` arriving on connection `c` under configuration `cfg` (the knobs
  // rfc5961_rst, rfc5961_syn, rfc5961_ack, drop_synfin, tw_bsd, listen_synack_drop), 255 for none. `c->flags & 0x20`
  // is TCPFSM_F_FIN_SENT of src/tcpfsm_internal.h (our FIN was sent); the proof of classify_ack
  // checks the value.
  logic integer seg_event{L}(struct tcpfsm_conn *c, struct tcpfsm_segment *seg,
                             struct tcpfsm_config *cfg) =
      c->state == TCPFSM_CLOSED ? closed_event((seg->flags & TCPFSM_RST) != 0) :
      c->state == TCPFSM_LISTEN
          ? listen_event((seg->flags & TCPFSM_RST) != 0, (seg->flags & TCPFSM_SYN) != 0,
                         (seg->flags & TCPFSM_ACK) != 0, (seg->flags & TCPFSM_FIN) != 0,
                         cfg->drop_synfin, cfg->listen_synack_drop) :
      c->state == TCPFSM_SYN_SENT
          ? syn_sent_event(c->iss, c->snd_nxt, seg->ack, (seg->flags & TCPFSM_RST) != 0,
                           (seg->flags & TCPFSM_SYN) != 0, (seg->flags & TCPFSM_ACK) != 0,
                           (seg->flags & TCPFSM_FIN) != 0, cfg->drop_synfin) :
      (c->state == TCPFSM_TIME_WAIT && (seg->flags & TCPFSM_RST) == 0
       && synfin_dropped((seg->flags & TCPFSM_SYN) != 0, (seg->flags & TCPFSM_FIN) != 0,
                         cfg->drop_synfin))
          ? 255 :
      (c->state == TCPFSM_TIME_WAIT && (seg->flags & TCPFSM_RST) == 0 && cfg->tw_bsd != 0)
          ? tw_bsd_event(c->snd_nxt, c->rcv_nxt, c->rcv_wnd, seg->seq, seg->ack, seg->len,
                         (seg->flags & TCPFSM_SYN) != 0, (seg->flags & TCPFSM_ACK) != 0,
                         (seg->flags & TCPFSM_FIN) != 0, seg->flags == TCPFSM_ACK) :
      sync_event(c->state, c->iss, c->snd_una, c->snd_nxt, c->rcv_nxt, c->rcv_wnd,
                 c->max_snd_wnd, (c->flags & 0x20) != 0 ? 1 : 0, seg->seq, seg->ack, seg->len,
                 (seg->flags & TCPFSM_RST) != 0, (seg->flags & TCPFSM_SYN) != 0,
                 (seg->flags & TCPFSM_ACK) != 0, (seg->flags & TCPFSM_FIN) != 0,
                 cfg->rfc5961_rst, cfg->rfc5961_syn, cfg->rfc5961_ack);

  // ------------------------------------------------------------ the row taken and its actions
  // The row a connection takes for event `e` in state `s` (`cell_guard` of src/tcpfsm_spec.h
  // chooses between a guarded cell's two rows), and that row's action bits; the generated
  // relation (src/tcpfsm_relation.h, from model/tcp.fsm) says which row this is:
  // tcpfsm_table_lookup's contract ties each cell of the table to tcpfsm_row.
  logic integer cell_row{L}(struct tcpfsm_conn *c, integer s, integer e) =
      (0 <= s < TCPFSM_STATE_COUNT && 0 <= e < TCPFSM_EVENT_COUNT)
      ? tcpfsm_table[s][e].when[cell_guard(c, s, e)].row : 0;
  logic integer cell_actions{L}(struct tcpfsm_conn *c, integer s, integer e) =
      (0 <= s < TCPFSM_STATE_COUNT && 0 <= e < TCPFSM_EVENT_COUNT)
      ? tcpfsm_table[s][e].when[cell_guard(c, s, e)].actions : 0;

  // The step from state `s` on event `e` took row `row` into state `to`: the cell's row for the
  // connection's guard, which is model/tcp.fsm's row for (s, e, guard) with that next state;
  // row 0: the cell is empty and nothing happened (no state change, no signal in `events` but
  // TCPFSM_SIG_MORE, which reports what waits to be sent, not what the call did).
  // The action bits run() hands to apply_actions are the cell's, cell_actions (step's contract).
  // Not proved yet: that the cell's action bits are tcpfsm_row_actions(row, ...) of the
  // generated relation (a goal over the whole table exceeds the provers' budget).
  predicate row_taken{L}(struct tcpfsm_conn *c, integer s, integer e, integer row, integer to,
                         integer events) =
      row == cell_row(c, s, e)
      && (row != 0 ==> tcpfsm_row(row, s, e, cell_guard(c, s, e), to))
      && (row == 0 ==> !tcpfsm_has_row(s, e, cell_guard(c, s, e)) && to == s
                       && (events == 0 || events == TCPFSM_SIG_MORE));
*/

#endif /* TCPFSM_SPEC_CLASSIFY_H */
