/*
 * tcp.pml - SPIN model of TCP connection management (RFC 9293 3.3.2, 3.4.1, 3.5, 3.6, 3.10).
 *
 * Two endpoints, 0 and 1, talk over a network that loses, duplicates, reorders and delays
 * segments. Every state change of an endpoint comes from the generated inline tcpfsm_step
 * (model/tcpfsm_fsm.pml, generated from model/tcp.fsm by build/tcpfsm-gen; never edit it, never
 * retype its numbers). This file supplies what the table leaves to the runtime: the
 * classification of an arriving segment into a table event (as src/tcpfsm.c does, after RFC 9293
 * 3.10.7), the TCB variables and what the actions do to them, the timers, the network, the clock
 * and the users.
 *
 * ---------------------------------------------------------------------------------------------
 * PROPERTIES (each is one assertion or one ltl formula; model/check.sh runs each on its own)
 *
 *  P1 no_zombie (assertion, -DCHECK_P1). A side never becomes synchronized (ESTABLISHED or,
 *     with the FIN on the same segment, CLOSE-WAIT) for a peer incarnation that the peer has
 *     abandoned without ever having received this side's current SYN in it. This is the classic
 *     case of the client that gives up in SYN-SENT and whose delayed duplicate SYN arrives later:
 *     the peer must not end up ESTABLISHED for it. (A peer that received our SYN and then gave
 *     up or aborted in SYN-RECEIVED while its SYN,ACK was still in flight leaves a half-open
 *     connection, which RFC 9293 3.5.2 resolves with a RST; that is not a zombie here.)
 *  P2 agreement (assertion, -DCHECK_P2). Whenever both sides are synchronized and one side's
 *     peer incarnation is the other side's current incarnation, each side's IRS is the other
 *     side's ISS.
 *  P3 no_old_duplicate (assertion, -DCHECK_P3). No segment of an earlier incarnation is ever
 *     accepted by a later incarnation: a segment sent by an earlier incarnation of the peer than
 *     the one the receiver is synchronized with, or one addressed to an earlier incarnation of
 *     the receiver that was paired with a different incarnation of the sender (two passive
 *     incarnations opened by the same SYN share the peer's sequence space and are one
 *     connection incarnation as far as the peer's segments go), is never classified as SYN_ACK, ACK_OF_SYN, ACK, ACK_OF_FIN, FIN, FIN_ACK,
 *     a valid RST, or a SYN that reopens TIME-WAIT.
 *  P4 last_ack_clean (assertion, -DCHECK_P4). A passive closer in LAST-ACK leaves it only
 *     because its FIN was acknowledged (ACK_OF_FIN or FIN_ACK): never by a RST, never by a SYN,
 *     never by giving up. In particular when the last ACK of a close is lost, the retransmitted
 *     FIN is what gets it ACKed (the peer is still in TIME-WAIT). Checked without user ABORT and
 *     without the FIN-WAIT-2 timer, the two ways in which a user deliberately gives up
 *     TIME-WAIT's protection (an aborted TIME-WAIT, or the Linux tcp_fin_timeout that leaves
 *     FIN-WAIT-2 before the peer's FIN arrives, do make the peer's FIN draw a RST).
 *     P4_two_ack_losses (model/check.sh) checks the same assertion when the last ACK is lost
 *     twice (-DLOSS_MAX=2 -DLOSE_ONLY_ACKS, 3 retransmissions): the retransmitted FIN, ACKed from
 *     TIME-WAIT, must restart the 2*MSL timeout ("Acknowledge it, and restart the 2 MSL
 *     timeout", RFC 9293 3.10.7.4), else TIME-WAIT ends before the next retransmission (M13).
 *     Losing a retransmitted FIN as well is not covered: TIME-WAIT is sized for one loss.
 *  P5 termination (ltl p5_termination, -DLTL_P5, checked with weak fairness, pan -a -f).
 *     <>[] (both sides CLOSED): every run, with finitely many losses (the bounds below) and
 *     users that eventually act, ends with both sides CLOSED and stays so. TIME-WAIT counts
 *     only until it expires; an endless FIN-WAIT-2, CLOSE-WAIT, LAST-ACK, LISTEN or
 *     SYN-RECEIVED is a violation. There is no invalid end state (pan's default check).
 *  P6 simultaneous (ltl p6_simultaneous, -DLTL_P6 -DSCENARIO_SIMULTANEOUS, weak fairness). Both
 *     users OPEN actively before either SYN arrives: both sides eventually become synchronized
 *     (and by P2 agree); and whenever both sides are in FIN-WAIT-1 at once (simultaneous
 *     close), both eventually pass through TIME-WAIT to CLOSED by the timer.
 *  P8 half_open_recovery (ltl p8_connects, -DLTL_P8 -DSCENARIO_HALF_OPEN, weak fairness). The
 *     client connects, ABORTs (its RST may be lost: a half-open server) and re-opens on the same
 *     ports; the server re-listens at once when closed. Once the client has re-opened, it
 *     eventually connects: its SYN-SENT answers the half-open side's ACK with a RST
 *     (RFC 9293 3.5.2, figure 10), which resets it. "Eventually connects" kills M12.
 *  P7 coverage (-DCOVERAGE). Every row of the table is taken in some reachable execution; rows
 *     that no execution can take are listed with the reason in model/unreachable_rows.txt, and
 *     any other unreached row fails the run (model/check.sh compares).
 *
 * WITNESSES (-DWITNESS_Pn, one per safety property; model/check.sh expects each to FAIL): an
 * assertion that the danger the property guards against never even begins. If a witness held,
 * its property would hold vacuously under the same bounds, and `make model` fails.
 *  W1 (P1) a SYN of a peer incarnation that is no longer the peer's live one reaches a listener.
 *  W2 (P2) a SYN,ACK of an earlier peer incarnation reaches a side in SYN-SENT.
 *  W3 (P3) a segment of an earlier incarnation reaches a side synchronized with a later one.
 *  W4 (P4) the last ACK of a close is lost while the peer waits in LAST-ACK (checked with the
 *     flags of P4).
 *  W4b (P4_two_ack_losses, -DWITNESS_P4_TWICE) the last ACK is lost twice while the peer waits in
 *     LAST-ACK: the ACK of the retransmitted FIN is lost too, which is when TIME-WAIT must have
 *     been restarted by that FIN (M13).
 *
 * Besides the property under test every run checks the model's own sanity assertions
 * (model_bound_ok: a bound is too small) which must never fail.
 *
 * COMMANDS (from the repository root, after `make gen` or build/tcpfsm-gen model/tcp.fsm .):
 *   all of it:   make model            (= model/check.sh; writes build/model/summary.tsv)
 *   by hand, one safety property, e.g. P1:
 *     mkdir -p /tmp/m && cd /tmp/m && spin -a -DCHECK_P1 $OLDPWD/model/tcp.pml &&
 *     gcc -O2 -DSAFETY -DCOLLAPSE -o pan pan.c && ./pan -m100000
 *   P5:  spin -a -DLTL_P5 .../tcp.pml && gcc -O2 -DCOLLAPSE -o pan pan.c && ./pan -a -f -m100000
 *   P6:  spin -a -DLTL_P6 -DSCENARIO_SIMULTANEOUS .../tcp.pml && gcc -O2 -o pan pan.c && ./pan -a -f
 *   P4:  spin -a -DCHECK_P4 -DNO_ABORT -DNO_FW2_TIMER .../tcp.pml && (as P1)
 *   P7:  spin -a -DCOVERAGE -DALL_CONFIGS .../tcp.pml && gcc -O2 -DSAFETY -o pan pan.c &&
 *        ./pan -m100000 2>rows.txt   (rows.txt: one "ROW n" line per row taken)
 *   replay a counterexample:  spin -t -p -DCHECK_P1 .../tcp.pml   (in the directory of pan)
 *   mutants: see model/check.sh (table mutants regenerate the include from an edited copy of
 *   model/tcp.fsm; bound mutants use -D, e.g. -DTW_TICKS=3).
 * ---------------------------------------------------------------------------------------------
 *
 * BOUNDS AND THE DANGERS THEY MAKE REACHABLE (issue 17)
 *  - 2 incarnations on each side (make model: OPENS_MAX 2, SERVER_OPENS_MAX 2): the client can
 *    abandon a connection and re-open on the same ports, the server re-listens after its close.
 *    This is what lets an old SYN reach a listener (P1, witness W1), an old SYN,ACK reach a
 *    SYN-SENT (P2, W2) and an old segment reach a synchronized later incarnation (P3, W3).
 *  - Data (DATA_MAX, DATA_LEN, run P3_reincarnation): one transfer advances the sequence numbers
 *    by DATA_LEN = 8 while the ISN clock advances ISN_RATE = 4 per tick, so a new incarnation's
 *    ISS can lie below the old incarnation's last sequence numbers: the ISN clock alone no longer
 *    keeps old duplicates out, only TIME-WAIT does. With TIME-WAIT removed (M9), of 0 ticks
 *    (M2c) or of 2*MSL-1 ticks (M2d), or with RFC 1337's guard removed (M10), P3 fails there.
 *    Two ways of giving up TIME-WAIT deliberately are excluded from that run, as for P4: the
 *    FIN-WAIT-2 timer (NO_FW2_TIMER) and RFC 1337 off (CFG_RFC1337; off, an old RST assassinates
 *    TIME-WAIT, which is M10's danger). The server closes only after the client's FIN
 *    (SCENARIO_CLIENT_CLOSES): when the server closes first it is the server that goes through
 *    TIME-WAIT, the client re-opens at once from LAST-ACK's CLOSED with an ISS below its old
 *    sequence numbers, and the RST its SYN-SENT sends in reply to the server's old TIME-WAIT ACK
 *    can reset the server's next incarnation: P3 fails there even with TIME-WAIT (a reply to an
 *    old segment outlives 2*MSL); recorded in issue 17's report, not modelled as holding.
 *  - The clock assumption: an incarnation lives at most LIFE_MAX = SEQ_N/ISN_RATE - MSL - 1
 *    ticks (14 at make model's bounds), so its segments are gone before the ISN clock wraps.
 *    Asserted at every tick (model_bound_ok), except for a FIN-WAIT-2 cut off for good (no
 *    timer, the peer CLOSED with no OPEN left, nothing in flight: it can never receive a segment
 *    again, CUT_OFF_FW2; M3 leaves one behind when the other side gives up), whose age
 *    saturates. The users close an incarnation that has sat in
 *    ESTABLISHED or CLOSE-WAIT for LIFE_USER ticks (the clock waits for them), the protocol's
 *    timers bound the other states. Without it, an incarnation idle for a wrap sees its old
 *    segments accepted (the issue's 23.9M-state P3 failure at MSL = 2).
 *  - MSL: make model runs at MSL = 1 tick. MSL = 2 ticks (make model-msl2; MSL = 3 with 3
 *    incarnations: make model-deep) needs three bounds raised, each found by model_bound_ok
 *    (issue 17, measured):
 *    (a) the sequence space: with SEQ_N = 64 and 4 per tick it wraps every 16 ticks; a TIME-WAIT
 *        restarted by retransmitted FINs makes an incarnation live more than LIFE_MAX = 13
 *        ticks, and its segments arrive more than SEQ_SPAN = 24 from the next incarnation's ISS
 *        (beyond the classifier's checked domain). A new ISS lies ISN_RATE per tick of the old
 *        incarnation's age from its numbers, and that distance plus the data and the window must
 *        stay below SEQ_N/2 for the model's comparisons to agree with C's: model-msl2 uses
 *        ISN_RATE = 2, SEQ_N = 128 (LIFE_MAX = 61) and SEQ_SPAN = 48; model-deep (MSL = 3)
 *        ISN_RATE = 2, SEQ_N = 256 and SEQ_SPAN = 96;
 *    (b) the network: the retransmission timeout equals MSL while a round trip takes up to
 *        2*(MSL-1) ticks, so spurious retransmissions and their replies put more than 8 segments
 *        in flight per direction: QMAX = 12 (at most 12);
 *    (c) the reincarnation scenario: a TIME-WAIT of 2*MSL-1 ticks moves the ISN clock by
 *        ISN_RATE*(2*MSL-1), so the data transfer must exceed that for M2d to be refutable
 *        (DATA_LEN = 8 in model-msl2, 12 in model-deep).
 *    With these bounds the state space is the obstacle: P1 at MSL = 2 with 2 incarnations on
 *    each side stored 23.6 million states in 564 s (6 GB, not finished; ISN_RATE 4, SEQ_N 128,
 *    QMAX 12) on a loaded machine,
 *    far beyond make model's 5 minutes; the README's state-space table has the figures. A
 *    reduction (users acting at fewer moments, or symmetry between incarnations) is what comes
 *    next; the mechanics above are in place and checked by model_bound_ok.
 *  - Every arriving segment's SEQ and ACK lie within SEQ_SPAN of IRS and ISS (asserted): the
 *    domain over which model/classify_check.pml compares the classifier with the C one. That
 *    span, plus the data transfer and the window, must stay below SEQ_N/2, where the model's
 *    comparisons modulo SEQ_N agree with C's modulo 2^32: the runs with data (P3_reincarnation,
 *    P7_coverage_g) and P4_two_ack_losses run with SEQ_N = 128 and SEQ_SPAN = 32
 *    (C8_one_classifier_wide); at SEQ_N = 64 a SYN 24 below IRS would compare above a TIME-WAIT's
 *    RCV.NXT of IRS + 10.
 *
 * ABSTRACTIONS
 *  - No payload: SYN and FIN are the only things that occupy sequence space, so each
 *    incarnation uses ISS (SYN), ISS+1 (FIN), and SND.NXT ends at ISS+2. As a consequence the
 *    retransmission timer never runs in ESTABLISHED or CLOSE-WAIT (rows listed as unreachable).
 *  - Sequence numbers live in a small modular space of SEQ_N numbers, compared as RFC 9293 3.4
 *    (a < b iff 0 < b - a < SEQ_N/2 modulo SEQ_N).
 *  - The ISN clock (RFC 9293 3.4.1) advances ISN_RATE sequence numbers per tick of the discrete
 *    clock; a new incarnation takes ISS = the clock. To keep the state space finite every
 *    sequence number is stored relative to the ISN clock: a tick subtracts ISN_RATE from all of
 *    them (in the TCBs and in the segments in flight), and a new ISS is 0. The model is
 *    invariant under this rotation since the runtime only ever compares sequence numbers.
 *    An endpoint never opens twice in one tick (the 4 us ISN clock always advances between
 *    two OPEN calls).
 *  - Time: one tick per clock step. A segment is delivered at an age of 0 .. MSL-1 ticks (the
 *    clock does not advance past the last moment of a segment in flight); a segment that is
 *    lost is lost when it is sent (equivalent, and fewer states). With MSL = 1 (make model)
 *    delay, reordering and duplication happen within one tick. A timer armed for K ticks fires after exactly K ticks: the clock
 *    does not advance past an expired timer. TIME-WAIT lasts TW_TICKS = 2*MSL ticks. The
 *    retransmission timeout is constant (RTO_TICKS, no backoff), at most MSL, which is what
 *    the 2*MSL argument for TIME-WAIT assumes.
 *  - RFC 5961 RST processing is always on (a RST must be at RCV.NXT; in-window RSTs draw a
 *    challenge ACK); RFC 5961 SYN processing, RFC 1337 and TIME-WAIT reopening are the table's
 *    guards and are configuration (fixed per run, or all combinations with -DALL_CONFIGS).
 *  - Ghost variables (att, peer_att, att_peer_hist, the gatt/gpeer fields of a segment) record
 *    incarnations for the properties; the runtime behaviour never reads them.
 */

#include "tcpfsm_fsm.pml"

/* ------------------------------------------------------------------------------- bounds */
#ifndef SEQ_BITS
#define SEQ_BITS    6           /* bits of a sequence number (4 to 8; a segment is packed in
                                   one int: 4 + 2*SEQ_BITS + 9 bits)                        */
#endif
#define SEQ_N       (1 << SEQ_BITS)   /* size of the sequence space                         */
#define SEQ_MASK    (SEQ_N - 1)
#define SEQ_HALF    (SEQ_N / 2)
#ifndef ISN_RATE
#define ISN_RATE    4           /* sequence numbers the ISN clock advances per tick        */
#endif
#ifndef RCV_WND
#define RCV_WND     4           /* receive window, in sequence numbers (also MAX.SND.WND)  */
#endif
#ifndef MSL
#define MSL         1           /* maximum segment lifetime, in ticks                      */
#endif
#ifndef TW_TICKS
#define TW_TICKS    (2 * MSL)   /* TIME-WAIT duration, in ticks (RFC 9293 3.10.8: 2*MSL)   */
#endif
#ifndef RTO_TICKS
#define RTO_TICKS   MSL         /* retransmission timeout, in ticks (constant, <= MSL)     */
#endif
#ifndef RETRIES_MAX
#define RETRIES_MAX 2           /* retransmissions of one segment before giving up         */
#endif
#ifndef FW2_TICKS
#define FW2_TICKS   (2 * MSL)   /* FIN-WAIT-2 timer, in ticks, when configured             */
#endif
#ifndef QMAX
#define QMAX        8           /* segments in flight per direction (at most 12)           */
#endif
#ifndef LOSS_MAX
#define LOSS_MAX    1           /* segments the network may lose in a run (incl. expiry)   */
#endif
#ifndef DUP_MAX
#define DUP_MAX     1           /* segments the network may duplicate in a run             */
#endif
#ifndef OPENS_MAX
#define OPENS_MAX   2           /* OPEN calls per endpoint in a run (incarnations)         */
#endif
#ifndef SERVER_OPENS_MAX
#define SERVER_OPENS_MAX 1      /* OPEN calls of endpoint 1 (the server, unless SYMMETRIC)   */
#endif
#ifndef SEQ_SPAN
#define SEQ_SPAN    24          /* arriving SEQ, ACK within this of IRS, ISS (asserted; the
                                   domain model/classify_check.pml compares with C)        */
#endif
#ifndef DATA_MAX
#define DATA_MAX    0           /* data transfers in a run, both endpoints together        */
#endif
#ifndef DATA_LEN
#define DATA_LEN    RCV_WND     /* sequence numbers one data transfer advances             */
#endif
#ifndef ABORTS_MAX
#define ABORTS_MAX  0           /* ABORT calls in a run, both endpoints together           */
#endif
#ifndef LIFE_USER
#define LIFE_USER   3           /* ticks a user lets an incarnation sit in ESTABLISHED or
                                   CLOSE-WAIT (counted from its OPEN) before it closes      */
#endif
/* the clock assumption: an incarnation lives at most LIFE_MAX ticks, so that its segments (which
   live MSL ticks more) are gone before the ISN clock wraps (SEQ_N / ISN_RATE ticks) */
#define LIFE_MAX    (ISN_RATE == 0 -> 255 : SEQ_N / ISN_RATE - MSL - 1)
#define ATT_MAX     7           /* incarnation ids per endpoint (ghost, 3 bits); asserted  */
#define NSLOTS      (2 * QMAX)  /* 2 directions * QMAX slots                               */

#ifdef NO_ABORT
#undef ABORTS_MAX
#define ABORTS_MAX 0
#endif

/* --------------------------------------------------------------- sequence arithmetic */
#define MOD(x)        ((x) & SEQ_MASK)
#define SEQ_LT(a, b)  (MOD((a) - (b)) >= SEQ_HALF)       /* a < b  (RFC 9293 3.4) */
#define SEQ_LE(a, b)  (!SEQ_LT(b, a))                    /* a =< b */
#define SEQ_GE(a, b)  (!SEQ_LT(a, b))
#define SIGNED_OFF(d) (MOD(d) < SEQ_HALF -> MOD(d) : 0)   /* d >= 0: d itself; d < 0: 0 */

/* ------------------------------------------------------------------------- segments */
/* A segment is one int: flags (4 bits), SEQ (SEQ_BITS), ACK (SEQ_BITS), age (3), and the ghost fields gatt
   (sender's incarnation, 0: none) and gpeer (the sender's idea of the receiver's incarnation,
   0: none), 3 bits each. 0 is an empty slot. */
#define F_SYN 1
#define F_ACK 2
#define F_FIN 4
#define F_RST 8
#define SH_ACK     (4 + SEQ_BITS)
#define SH_AGE     (4 + 2 * SEQ_BITS)
#define SH_GATT    (SH_AGE + 3)
#define SH_GPEER   (SH_AGE + 6)
#define SEG(f, sq, ak, ga, gp) ((f) | (MOD(sq) << 4) | ((MOD(ak) * (((f) & F_ACK) != 0)) << SH_ACK) | ((ga) << SH_GATT) | ((gp) << SH_GPEER))
#define S_FLAGS(s) ((s) & 15)
#define S_SEQ(s)   (((s) >> 4) & SEQ_MASK)
#define S_ACK(s)   (((s) >> SH_ACK) & SEQ_MASK)
#define S_AGE(s)   (((s) >> SH_AGE) & 7)
#define S_GATT(s)  (((s) >> SH_GATT) & 7)
#define S_GPEER(s) (((s) >> SH_GPEER) & 7)
#define AGE_ONE    (1 << SH_AGE)
#define SEQACK_BITS ((SEQ_MASK << 4) | (SEQ_MASK << SH_ACK))

/* ------------------------------------------------------------------------ endpoints */
byte st[2];            /* connection state: only tcpfsm_step changes it */
byte iss[2], irs[2];   /* RFC 9293 3.3.1, relative to the ISN clock */
byte una[2], nxt[2];   /* SND.UNA, SND.NXT */
byte rnxt[2];          /* RCV.NXT */
bit  passive[2];       /* guard passive_open: SYN-RECEIVED was entered from LISTEN */
byte tmr[2];           /* the one timer: 0 off, 1 expired (must fire), k+1: k ticks left */
byte retries[2];       /* retransmission timeouts of the current segment */
byte opens_left[2];
byte opened_now[2];    /* ISSs chosen in this tick (the 4 us ISN clock advances between them) */
byte aborts_left;

/* ghosts */
byte att[2];           /* current incarnation id of each endpoint (1, 2, ...) */
byte peer_att[2];      /* incarnation of the peer whose SYN this incarnation accepted (0: none) */
byte att_peer_hist[16];/* [i*8 + a]: peer_att that endpoint i had in its incarnation a */
byte life[2];          /* ghost: ticks since the current incarnation's OPEN (0 without a TCB) */
bit  was_synced[2];    /* the current incarnation completed its handshake (cleared with the TCB) */

/* configuration: the table's guards other than passive_open */
bit cfg_rfc5961_syn, cfg_rfc1337, cfg_tw_reopen, cfg_fw2_timer, cfg_closing_rst_resets;
/* configuration of the classifier only (no guard; src/tcpfsm_spec_classify.h): BSD's TIME-WAIT
   check (tw_bsd), SYN+FIN dropping (drop_synfin), SYN,ACK dropped in LISTEN (listen_synack_drop).
   Off in the protocol runs (-DCFG_TW_BSD, -DCFG_LISTEN_SYNACK_DROP switch them on); every
   combination in model/classify_check.pml. */
bit cfg_tw_bsd, cfg_drop_synfin, cfg_listen_synack_drop;

/* ------------------------------------------------------------------------- network */
int  net[NSLOTS];      /* net[d*QMAX + k]: segments in flight to endpoint d, sorted descending */
byte losses_left, dups_left, data_left;

#ifdef SCENARIO_SIMULTANEOUS
bit  synced_once[2];   /* ghost: became synchronized */
bit  tw_done[2];       /* ghost: left TIME-WAIT by its timer */
#endif

/* scratch of one step: ordinary globals (SPIN's multi-core mode, -DNCORE, does not support
   hidden variables), all set back to 0 at the end of every step (reset_scratch) so that they
   never distinguish two states */
int  h_seg, h_tmp, h_acts, h_out, h_send;
byte h_fate, h_ev, h_row, h_prev, h_k, h_j, h_f, h_sq, h_ak, h_len, h_guards, h_peer, h_tag;
byte h_ok, h_acceptable, h_refin, h_newfin;
/* named results of the property checks, so that pan's message names the property (scratch too) */
byte P1_no_zombie, P2_agreement, P3_no_old_duplicate, P4_last_ack_clean, model_bound_ok;
/* witnesses (-DWITNESS_Pn): each asserts that the danger its property guards against never even
   begins; the assertion must FAIL, else the property is vacuous under the bounds of the run */
byte W1_old_syn_at_listener, W2_old_syn_ack_at_syn_sent, W3_old_segment_at_synchronized,
     W4_last_ack_lost, W4_last_ack_lost_twice;
#ifdef WITNESS_P4_TWICE
byte w4_lost;          /* ghost: last ACKs lost while the peer waits in LAST-ACK (W4b only) */
#endif

inline reset_scratch() {
  h_seg = 0; h_tmp = 0; h_acts = 0; h_out = 0; h_send = 0;
  h_fate = 0; h_ev = 0; h_row = 0; h_prev = 0; h_k = 0; h_j = 0; h_f = 0; h_sq = 0; h_ak = 0;
  h_len = 0; h_guards = 0; h_peer = 0; h_tag = 0; h_ok = 0; h_acceptable = 0; h_refin = 0;
  h_newfin = 0; P1_no_zombie = 0; P2_agreement = 0; P3_no_old_duplicate = 0;
  P4_last_ack_clean = 0; model_bound_ok = 0; W1_old_syn_at_listener = 0;
  W2_old_syn_ack_at_syn_sent = 0; W3_old_segment_at_synchronized = 0; W4_last_ack_lost = 0;
  W4_last_ack_lost_twice = 0
}

#define SYNCHRONIZED(s)  ((s) >= ST_ESTABLISHED)
#define FIN_RECEIVED(s)  ((s) == ST_CLOSE_WAIT || (s) == ST_CLOSING || (s) == ST_LAST_ACK || (s) == ST_TIME_WAIT)
#define FIN_SENT(s)      ((s) == ST_FIN_WAIT_1 || (s) == ST_CLOSING || (s) == ST_LAST_ACK)
#define NO_TCB(s)        ((s) == ST_CLOSED || (s) == ST_LISTEN)

#ifdef COVERAGE
c_decl { static unsigned char row_seen[256]; }
#define COVER_ROW() c_code { if (now.h_row != 0 && !row_seen[now.h_row]) { row_seen[now.h_row] = 1; fprintf(stderr, "ROW %d\n", now.h_row); } }
#else
#define COVER_ROW() skip
#endif

/* names for the replay narration (the numbers come from the generated include) */
inline print_state(s) {
  if
  :: s == ST_CLOSED -> printf("CLOSED")
  :: s == ST_LISTEN -> printf("LISTEN")
  :: s == ST_SYN_SENT -> printf("SYN-SENT")
  :: s == ST_SYN_RECEIVED -> printf("SYN-RECEIVED")
  :: s == ST_ESTABLISHED -> printf("ESTABLISHED")
  :: s == ST_FIN_WAIT_1 -> printf("FIN-WAIT-1")
  :: s == ST_FIN_WAIT_2 -> printf("FIN-WAIT-2")
  :: s == ST_CLOSE_WAIT -> printf("CLOSE-WAIT")
  :: s == ST_CLOSING -> printf("CLOSING")
  :: s == ST_LAST_ACK -> printf("LAST-ACK")
  :: s == ST_TIME_WAIT -> printf("TIME-WAIT")
  :: else -> printf("state%d", s)
  fi
}
inline print_event(e) {
  if
  :: e == EV_OPEN_ACTIVE -> printf("OPEN_ACTIVE")
  :: e == EV_OPEN_PASSIVE -> printf("OPEN_PASSIVE")
  :: e == EV_CLOSE -> printf("CLOSE")
  :: e == EV_ABORT -> printf("ABORT")
  :: e == EV_NO_CONNECTION -> printf("NO_CONNECTION")
  :: e == EV_SYN -> printf("SYN")
  :: e == EV_SYN_ACK -> printf("SYN_ACK")
  :: e == EV_BAD_ACK -> printf("BAD_ACK")
  :: e == EV_ACK_OF_SYN -> printf("ACK_OF_SYN")
  :: e == EV_ACK_OF_FIN -> printf("ACK_OF_FIN")
  :: e == EV_ACK -> printf("ACK")
  :: e == EV_FIN -> printf("FIN")
  :: e == EV_FIN_ACK -> printf("FIN_ACK")
  :: e == EV_RST -> printf("RST")
  :: e == EV_RST_CHALLENGE -> printf("RST_CHALLENGE")
  :: e == EV_SYN_SYNC -> printf("SYN_SYNC")
  :: e == EV_ACK_INVALID -> printf("ACK_INVALID")
  :: e == EV_UNACCEPTABLE -> printf("UNACCEPTABLE")
  :: e == EV_RTO -> printf("RTO")
  :: e == EV_RTO_GIVEUP -> printf("RTO_GIVEUP")
  :: e == EV_TIME_WAIT_EXPIRY -> printf("TIME_WAIT_EXPIRY")
  :: e == EV_FIN_WAIT_2_TIMEOUT -> printf("FIN_WAIT_2_TIMEOUT")
  :: else -> printf("dropped")
  fi
}

inline print_seg(s) {
  printf("<SEQ=%d><ACK=%d><CTL=", S_SEQ(s), S_ACK(s));
  if :: (S_FLAGS(s) & F_SYN) -> printf("SYN,") :: else -> skip fi;
  if :: (S_FLAGS(s) & F_FIN) -> printf("FIN,") :: else -> skip fi;
  if :: (S_FLAGS(s) & F_RST) -> printf("RST,") :: else -> skip fi;
  if :: (S_FLAGS(s) & F_ACK) -> printf("ACK") :: else -> skip fi;
  printf("> age %d, from incarnation %d for %d", S_AGE(s), S_GATT(s), S_GPEER(s))
}
/* one line per step, prefixed "NARR", so that the replay can be read as a story */
inline narrate(i) {
  printf("NARR ep%d (inc %d) ", i, att[i]); print_state(h_prev); printf(" --"); print_event(h_ev);
  if :: h_seg != 0 -> printf(" "); print_seg(h_seg) :: else -> skip fi;
  printf("--> "); print_state(st[i]); printf("  [T%d] ISS=%d IRS=%d SND.UNA=%d SND.NXT=%d RCV.NXT=%d\n", h_row, iss[i], irs[i], una[i], nxt[i], rnxt[i])
}

/* ------------------------------------------------------------- network primitives */
/* The network's choice for the segment a step sends (chosen by the branch of the endpoint's
   loop that took the step, see FATES below): delivered once, lost, or duplicated. Deciding
   loss and duplication when the segment is sent loses no behaviour: a segment that is lost
   later, or copied later with the same age, is indistinguishable to the endpoints. */
#define FATE_DELIVER   0
#define FATE_LOSE      1
#define FATE_DUPLICATE 2

/* which segments the network may lose: any, or with -DLOSE_ONLY_ACKS (P4_two_ack_losses) only
   pure ACKs, so that both losses can fall on the last ACK of a close (a segment whose loss was
   chosen but that is not losable is delivered) */
#ifdef LOSE_ONLY_ACKS
#define LOSABLE(s) (S_FLAGS(s) == F_ACK)
#else
#define LOSABLE(s) true
#endif

/* put segment s into direction d, kept sorted descending with empty slots last (the order of
   the slots means nothing: any segment in flight can be delivered next) */
inline net_insert(d, s) {
  h_k = (d) * QMAX + QMAX - 1;
  if
  :: net[h_k] != 0 ->
       /* the network is full: the segment is dropped, which is one of the LOSS_MAX losses;
          with no loss left that is a bound of the model */
       model_bound_ok = (losses_left > 0);     /* QMAX too small */
       assert(model_bound_ok);
       losses_left--;
       h_out = s;
       printf("NARR      network full, dropped: "); print_seg(h_out); printf("\n")
  :: else ->
       net[h_k] = s;
       do
       :: h_k > (d) * QMAX && net[h_k - 1] < net[h_k] ->
            h_tmp = net[h_k - 1]; net[h_k - 1] = net[h_k]; net[h_k] = h_tmp; h_k--
       :: else -> break
       od
  fi
}

inline net_send(d, s) {
  h_out = s;
  if
  :: h_fate == FATE_LOSE && LOSABLE(h_out) ->
#ifdef WITNESS_P4
       /* W4: the last ACK of a close is lost while the peer waits in LAST-ACK */
       W4_last_ack_lost = !(S_FLAGS(h_out) == F_ACK && st[1 - (d)] == ST_TIME_WAIT && st[d] == ST_LAST_ACK);
       assert(W4_last_ack_lost);
#endif
#ifdef WITNESS_P4_TWICE
       /* W4b: the last ACK of a close is lost twice (the ACK of the retransmitted FIN too) while
          the peer waits in LAST-ACK: the danger M13 (TIME-WAIT not restarted) needs */
       w4_lost = w4_lost + (S_FLAGS(h_out) == F_ACK && st[1 - (d)] == ST_TIME_WAIT && st[d] == ST_LAST_ACK);
       W4_last_ack_lost_twice = (w4_lost < 2);
       assert(W4_last_ack_lost_twice);
#endif
       losses_left--; printf("NARR      send to ep%d, LOST: ", d); print_seg(h_out); printf("\n")
  :: h_fate == FATE_DUPLICATE && net[(d) * QMAX + QMAX - 2] == 0 ->
       dups_left--; printf("NARR      send to ep%d, DUPLICATED: ", d); print_seg(h_out); printf("\n");
       net_insert(d, h_out); net_insert(d, h_out)
  :: else ->
       printf("NARR      send to ep%d: ", d); print_seg(h_out); printf("\n");
       net_insert(d, h_out)
  fi;
  h_fate = FATE_DELIVER     /* a step sends at most one segment; any other goes as it is */
}

/* remove slot d*QMAX + j, keeping the rest in order */
inline net_remove(d, j) {
  h_k = (d) * QMAX + (j);
  do
  :: h_k < (d) * QMAX + QMAX - 1 -> net[h_k] = net[h_k + 1]; h_k++
  :: else -> break
  od;
  net[(d) * QMAX + QMAX - 1] = 0
}

inline net_sort(d) {   /* bubble sort of one direction, descending */
  h_j = 0;
  do
  :: h_j < QMAX ->
       h_k = (d) * QMAX;
       do
       :: h_k < (d) * QMAX + QMAX - 1 ->
            if
            :: net[h_k] < net[h_k + 1] -> h_tmp = net[h_k]; net[h_k] = net[h_k + 1]; net[h_k + 1] = h_tmp
            :: else -> skip
            fi;
            h_k++
       :: else -> break
       od;
       h_j++
  :: else -> break
  od
}

/* the segment tag: which incarnation sends (none from CLOSED or LISTEN) */
inline set_tag(i) {
  if
  :: !NO_TCB(h_prev) || !NO_TCB(st[i]) -> h_tag = att[i]; h_peer = peer_att[i]
  :: else -> h_tag = 0; h_peer = 0
  fi
}

/* -------------------------------------------------------------- classification */
/* RFC 9293 3.10.7.4 first check: "There are four cases for the acceptability test" */
inline seq_acceptable(i) {
  if
  :: h_len == 0 -> h_acceptable = (SEQ_LE(rnxt[i], h_sq) && SEQ_LT(h_sq, rnxt[i] + RCV_WND))
  :: else -> h_acceptable = ((SEQ_LE(rnxt[i], h_sq) && SEQ_LT(h_sq, rnxt[i] + RCV_WND)) ||
                             (SEQ_LE(rnxt[i], h_sq + h_len - 1) && SEQ_LT(h_sq + h_len - 1, rnxt[i] + RCV_WND)))
  fi
}

/* sets h_ev: the table event for segment h_seg arriving at endpoint i, 255: dropped unanswered */
inline classify(i) {
  h_f = S_FLAGS(h_seg); h_sq = S_SEQ(h_seg); h_ak = S_ACK(h_seg);
  h_len = ((h_f & F_SYN) != 0) + ((h_f & F_FIN) != 0);
  /* the domain of model/classify_check.pml: an arriving segment's SEQ and ACK lie within SEQ_SPAN
     of IRS and ISS (a bound of the model: beyond it the classifier is not checked against C) */
  model_bound_ok = (NO_TCB(st[i]) || st[i] == ST_SYN_SENT ||
                    (SIGNED_OFF(h_sq - irs[i]) <= SEQ_SPAN && SIGNED_OFF(irs[i] - h_sq) <= SEQ_SPAN)) &&
                   (NO_TCB(st[i]) || !(h_f & F_ACK) ||
                    (SIGNED_OFF(h_ak - iss[i]) <= SEQ_SPAN && SIGNED_OFF(iss[i] - h_ak) <= SEQ_SPAN));
  assert(model_bound_ok);
  if
  :: st[i] == ST_CLOSED ->
       /* 3.10.7.1: "An incoming segment containing a RST is discarded. An incoming segment not
          containing a RST causes a RST to be sent in response." */
       h_ev = ((h_f & F_RST) -> EV_RST : EV_NO_CONNECTION)
  :: st[i] == ST_LISTEN ->
       /* 3.10.7.2: first check for a RST, second for an ACK, third for a SYN */
       /* listen_synack_drop (FreeBSD): "SYN|ACK invalid, segment ignored"; drop_synfin (FreeBSD):
          "drop all segments with both the SYN and FIN bits set" */
       if
       :: (h_f & F_RST) -> h_ev = EV_RST
       :: else -> if
                  :: cfg_listen_synack_drop && (h_f & F_SYN) && (h_f & F_ACK) -> h_ev = EV_UNACCEPTABLE
                  :: else -> if
                             :: (h_f & F_ACK) -> h_ev = EV_BAD_ACK
                             :: else -> h_ev = (((h_f & F_SYN) && !(cfg_drop_synfin && (h_f & F_FIN))) -> EV_SYN : EV_UNACCEPTABLE)
                             fi
                  fi
       fi
  :: st[i] == ST_SYN_SENT ->
       /* 3.10.7.3: "If SEG.ACK =< ISS or SEG.ACK > SND.NXT, send a reset (unless the RST bit is
          set, if so drop the segment and return)" */
#ifdef MUT_SYN_SENT_NO_ACK_CHECK
       h_ok = 1;
#else
       h_ok = (SEQ_LT(iss[i], h_ak) && SEQ_LE(h_ak, nxt[i]));
#endif
       if
       :: (h_f & F_ACK) && !h_ok -> h_ev = ((h_f & F_RST) -> EV_UNACCEPTABLE : EV_BAD_ACK)
       :: else ->
            if
            :: (h_f & F_RST) -> h_ev = ((h_f & F_ACK) -> EV_RST : EV_UNACCEPTABLE)
            :: else -> if
                       :: cfg_drop_synfin && (h_f & F_SYN) && (h_f & F_FIN) -> h_ev = EV_UNACCEPTABLE
                       :: else -> if
                                  :: (h_f & F_SYN) -> h_ev = ((h_f & F_ACK) -> EV_SYN_ACK : EV_SYN)
                                  :: else -> h_ev = EV_UNACCEPTABLE   /* "drop the segment and return" */
                                  fi
                       fi
            fi
       fi
  :: else ->
       /* SYN-RECEIVED and the synchronized states, 3.10.7.4 */
       seq_acceptable(i);
       /* a retransmission of the FIN already received (it is answered and, in TIME-WAIT,
          restarts the 2 MSL timeout: "Acknowledge it, and restart the 2 MSL timeout") */
       h_refin = ((h_f & F_FIN) && !(h_f & (F_SYN | F_RST)) && FIN_RECEIVED(st[i]) && MOD(h_sq + 1) == rnxt[i]);
       if
       :: st[i] == ST_TIME_WAIT && !(h_f & F_RST) && cfg_drop_synfin && (h_f & F_SYN) && (h_f & F_FIN) ->
            h_ev = 255             /* drop_synfin (FreeBSD): dropped */
       :: st[i] == ST_TIME_WAIT && !(h_f & F_RST) && !(cfg_drop_synfin && (h_f & F_SYN) && (h_f & F_FIN)) &&
          cfg_tw_bsd ->
            /* tw_bsd: FreeBSD's tcp_twcheck() */
            if
            :: !(h_f & F_ACK) ->
                 /* a new connection request "if the sequence numbers are above the previous
                    ones"; "Drop the segment if it does not contain an ACK." */
                 h_ev = (((h_f & F_SYN) && SEQ_LT(rnxt[i], h_sq)) -> EV_SYN : 255)
            :: else ->
                 if
                 :: h_refin -> h_ev = EV_FIN     /* "Reset the 2MSL timer if this is a duplicate FIN." */
                 :: else ->
                      /* "Acknowledge the segment if it has data or is not a duplicate ACK." */
                      h_ev = ((h_f == F_ACK && h_sq == rnxt[i] && h_ak == nxt[i]) -> EV_ACK : EV_UNACCEPTABLE)
                 fi
            fi
       :: !(st[i] == ST_TIME_WAIT && !(h_f & F_RST) && (cfg_tw_bsd || (cfg_drop_synfin && (h_f & F_SYN) && (h_f & F_FIN)))) ->
       if
       :: st[i] == ST_SYN_RECEIVED && (h_f & (F_SYN | F_ACK | F_RST)) == F_SYN && h_sq == irs[i] ->
            h_ev = EV_SYN          /* a duplicate of the SYN that opened this connection */
       :: st[i] == ST_SYN_RECEIVED && (h_f & (F_SYN | F_ACK | F_RST | F_FIN)) == (F_SYN | F_ACK) &&
          h_sq == irs[i] && SEQ_LT(una[i], h_ak) && SEQ_LE(h_ak, nxt[i]) ->
            h_ev = EV_ACK_OF_SYN   /* simultaneous open, RFC 9293 figure 8 line 6: the peer's
                                      SYN,ACK repeats its SYN and acknowledges ours */
       :: st[i] == ST_TIME_WAIT && (h_f & (F_SYN | F_ACK | F_RST)) == F_SYN && SEQ_LT(rnxt[i], h_sq) ->
            h_ev = EV_SYN          /* 3.6.1: a new SYN above the last sequence number seen
                                      (strictly above RCV.NXT, as the runtime and Linux do) */
       :: else ->
          if
          :: cfg_rfc5961_syn && (h_f & F_SYN) && !(h_f & F_RST) ->
               /* RFC 5961 4.2: "If the SYN bit is set, irrespective of the sequence number, TCP
                  MUST send an ACK (also referred to as challenge ACK)" */
               h_ev = EV_SYN_SYNC
          :: else ->
          if
          :: !h_acceptable && !h_refin ->
               /* "If an incoming segment is not acceptable, an acknowledgment should be sent in
                  reply (unless the RST bit is set, if so drop the segment and return)" */
               h_ev = ((h_f & F_RST) -> 255 : EV_UNACCEPTABLE)
          :: else ->
             if
             :: (h_f & F_RST) ->   /* RFC 5961 3.2: exactly RCV.NXT resets, else challenge */
                  h_ev = ((h_sq == rnxt[i]) -> EV_RST : EV_RST_CHALLENGE)
             :: (h_f & F_SYN) && !(h_f & F_RST) -> h_ev = EV_SYN_SYNC
             :: !(h_f & (F_SYN | F_RST)) && !(h_f & F_ACK) -> h_ev = 255  /* "drop the segment" */
             :: !(h_f & (F_SYN | F_RST)) && (h_f & F_ACK) && st[i] == ST_SYN_RECEIVED ->
                  /* "If SND.UNA < SEG.ACK =< SND.NXT, then enter ESTABLISHED state" */
                  if
                  :: SEQ_LT(una[i], h_ak) && SEQ_LE(h_ak, nxt[i]) ->
                       h_ev = (((h_f & F_FIN) && h_sq == rnxt[i]) -> EV_FIN : EV_ACK_OF_SYN)
                  :: else -> h_ev = EV_BAD_ACK
                  fi
             :: !(h_f & (F_SYN | F_RST)) && (h_f & F_ACK) && st[i] != ST_SYN_RECEIVED ->
                  if
                  :: SEQ_LT(nxt[i], h_ak) || SEQ_LT(h_ak, una[i] - RCV_WND) -> h_ev = EV_ACK_INVALID
                  :: else ->
                       h_newfin = (FIN_SENT(st[i]) && SEQ_LT(una[i], h_ak) && h_ak == nxt[i]);
                       /* "eighth, check the FIN bit": a FIN counts when it is the next in order
                          (not yet received) or the retransmission of the one received; any
                          other FIN is ignored and the segment is an ACK (as src/tcpfsm.c
                          fin_position, checked by model/classify_check.pml) */
                       if
                       :: (h_f & F_FIN) && ((h_sq == rnxt[i] && !FIN_RECEIVED(st[i])) || h_refin) ->
                            h_ev = (h_newfin -> EV_FIN_ACK : EV_FIN)
                       :: else -> h_ev = (h_newfin -> EV_ACK_OF_FIN : EV_ACK)
                       fi
                  fi
             fi
          fi
       fi
          fi
       fi
  fi
}

/* -------------------------------------------------------------- TCB bookkeeping */
/* a new incarnation with a fresh ISS from the ISN clock (0 in the rotating frame) */
inline new_incarnation(i, the_iss) {
  iss[i] = the_iss; una[i] = the_iss; nxt[i] = MOD(the_iss + 1);
  irs[i] = 0; rnxt[i] = 0; peer_att[i] = 0; retries[i] = 0; was_synced[i] = 0; life[i] = 0;
  att[i]++;
  model_bound_ok = (att[i] < ATT_MAX);      /* ATT_MAX too small */
  assert(model_bound_ok);
  att_peer_hist[i * 8 + att[i]] = 0;
  opened_now[i]++
}

/* accept the peer's SYN in h_seg: IRS, RCV.NXT, and the ghost pairing */
inline accept_syn(i) {
  irs[i] = h_sq; rnxt[i] = MOD(h_sq + 1);
  peer_att[i] = S_GATT(h_seg);
  att_peer_hist[i * 8 + att[i]] = peer_att[i]
}

inline clear_tcb(i) {
  iss[i] = 0; irs[i] = 0; una[i] = 0; nxt[i] = 0; rnxt[i] = 0;
  passive[i] = 0; tmr[i] = 0; retries[i] = 0; peer_att[i] = 0; was_synced[i] = 0; life[i] = 0
}

/* what the actions of the row just taken do; h_prev is the state before, h_ev the event,
   h_seg the segment (segment events) */
/* every row sends at most one segment; the step hands it to the network at its end */
inline emit(seg) {
  model_bound_ok = (h_send == 0);      /* a row that sends two segments: not modelled */
  assert(model_bound_ok);
  h_send = seg
}

inline apply_actions(i, from_segment) {
  /* TCB set-up that goes with the SYN rows (3.10.7.2, 3.10.7.3, 3.6.1) */
  if
  :: from_segment && h_prev == ST_LISTEN && h_ev == EV_SYN && st[i] != ST_LISTEN ->
       /* "ISS should be selected" */
       /* the second ISS chosen within one tick is one above the first: the ISN clock ticks
          faster than the model's clock (at most ISN_RATE choices per tick, else a bound) */
       model_bound_ok = (ISN_RATE == 0 || opened_now[i] < ISN_RATE);
       assert(model_bound_ok);
       new_incarnation(i, opened_now[i] * (ISN_RATE != 0)); passive[i] = 1; accept_syn(i)
  :: from_segment && (h_acts & ACT_REOPEN) ->
       /* "ISS := old SND.NXT + 65537", in the model's sequence space: 65537 mod SEQ_N (= 1 for
          SEQ_N = 32). SND.NXT is already relative to the ISN clock, so is the new ISS. */
       h_tmp = MOD(nxt[i] + 65537); new_incarnation(i, h_tmp); passive[i] = 0; accept_syn(i)
  :: from_segment && h_prev == ST_SYN_SENT && (h_ev == EV_SYN || h_ev == EV_SYN_ACK) && st[i] != ST_SYN_SENT ->
       accept_syn(i)
  :: else -> skip
  fi;
  set_tag(i);
  if
  :: (h_acts & ACT_PROCESS) && from_segment ->
       if
       :: (h_f & F_ACK) && SEQ_LT(una[i], h_ak) && SEQ_LE(h_ak, nxt[i]) -> una[i] = h_ak
       :: else -> skip
       fi;
       if
       :: (h_ev == EV_FIN || h_ev == EV_FIN_ACK) && !FIN_RECEIVED(h_prev) && h_sq == rnxt[i] ->
            rnxt[i] = MOD(rnxt[i] + 1)
       :: else -> skip
       fi
  :: else -> skip
  fi;
  if
  :: (h_acts & ACT_SEND_SYN) -> emit(SEG(F_SYN, iss[i], 0, h_tag, h_peer))
  :: else -> skip
  fi;
  if
  :: (h_acts & ACT_SEND_SYN_ACK) -> emit(SEG(F_SYN | F_ACK, iss[i], rnxt[i], h_tag, h_peer))
  :: else -> skip
  fi;
  if
  :: (h_acts & (ACT_SEND_ACK | ACT_SEND_CHALLENGE_ACK)) -> emit(SEG(F_ACK, nxt[i], rnxt[i], h_tag, h_peer))
  :: else -> skip
  fi;
  if
  :: (h_acts & ACT_SEND_FIN) ->
       emit(SEG(F_FIN | F_ACK, nxt[i], rnxt[i], h_tag, h_peer)); nxt[i] = MOD(nxt[i] + 1)
  :: else -> skip
  fi;
  if
  :: (h_acts & ACT_SEND_RST) && from_segment ->
       /* 3.10.7.1: "If the ACK bit is off, sequence number zero is used, <SEQ=0><ACK=SEG.SEQ+SEG.LEN>
          <CTL=RST,ACK>; if the ACK bit is on, <SEQ=SEG.ACK><CTL=RST>" */
       /* a reply belongs to the incarnation of the segment it answers (ghost tags) */
       h_tag = 0; h_peer = S_GATT(h_seg);
       if
       :: (h_f & F_ACK) -> emit(SEG(F_RST, h_ak, 0, h_tag, h_peer))
       :: else -> emit(SEG(F_RST | F_ACK, 0, h_sq + h_len, h_tag, h_peer))
       fi
  :: (h_acts & ACT_SEND_RST) && !from_segment ->
       /* ABORT, 3.10.5: "Send a reset segment: <SEQ=SND.NXT><CTL=RST>" */
       emit(SEG(F_RST, nxt[i], 0, h_tag, h_peer))
  :: else -> skip
  fi;
  if
  :: (h_acts & ACT_RETRANSMIT) ->
       if
       :: st[i] == ST_SYN_SENT -> emit(SEG(F_SYN, iss[i], 0, h_tag, h_peer))
       :: st[i] == ST_SYN_RECEIVED || (FIN_SENT(st[i]) && una[i] == iss[i]) ->
            emit(SEG(F_SYN | F_ACK, iss[i], rnxt[i], h_tag, h_peer))
       :: FIN_SENT(st[i]) && una[i] != iss[i] ->
            emit(SEG(F_FIN | F_ACK, nxt[i] - 1, rnxt[i], h_tag, h_peer))
       :: else -> skip       /* no data: nothing else is ever unacknowledged */
       fi
  :: else -> skip
  fi;
  if
  :: (h_acts & ACT_CANCEL_RTO) -> tmr[i] = 0
  :: else -> skip
  fi;
  if
  :: (h_acts & ACT_ARM_RTO) ->
       tmr[i] = RTO_TICKS + 1;
       if
       :: !(h_acts & ACT_RETRANSMIT) && (h_acts & (ACT_SEND_SYN | ACT_SEND_SYN_ACK | ACT_SEND_FIN)) ->
            retries[i] = 0   /* a new segment is being timed */
       :: else -> skip
       fi
  :: else -> skip
  fi;
  if
  :: (h_acts & ACT_ARM_TIME_WAIT) -> tmr[i] = TW_TICKS + 1
  :: else -> skip
  fi;
  if
  :: (h_acts & ACT_ARM_FIN_WAIT_2) -> tmr[i] = (cfg_fw2_timer -> FW2_TICKS + 1 : 0)
  :: else -> skip
  fi;
  if
  :: NO_TCB(st[i]) -> clear_tcb(i)
  :: else -> skip
  fi;
  if
  :: h_send != 0 -> net_send(1 - i, h_send); h_send = 0
  :: else -> skip
  fi
}

/* --------------------------------------------------------------------- properties */
inline check_step(i) {
  h_peer = 1 - i;
#ifdef CHECK_P1
  /* P1: becoming synchronized for a peer incarnation the peer left without having received
     this side's current SYN in it */
  if
  :: SYNCHRONIZED(st[i]) && !SYNCHRONIZED(h_prev) && (st[i] == ST_ESTABLISHED || st[i] == ST_CLOSE_WAIT) ->
       P1_no_zombie = ((att[h_peer] == peer_att[i] && !NO_TCB(st[h_peer])) ||
                       att_peer_hist[h_peer * 8 + peer_att[i]] == att[i]);
       assert(P1_no_zombie)
  :: else -> skip
  fi;
#endif
#ifdef CHECK_P2
  P2_agreement = !(was_synced[0] && was_synced[1] && !NO_TCB(st[0]) && !NO_TCB(st[1]) &&
                   (peer_att[0] == att[1] || peer_att[1] == att[0])) ||
                 (irs[0] == iss[1] && irs[1] == iss[0]);
  assert(P2_agreement);
#endif
#ifdef CHECK_P4
  /* P4: LAST-ACK ends only by the ACK of its FIN */
  if
  :: h_prev == ST_LAST_ACK && st[i] != ST_LAST_ACK ->
       P4_last_ack_clean = (h_ev == EV_ACK_OF_FIN || h_ev == EV_FIN_ACK);
       assert(P4_last_ack_clean)
  :: else -> skip
  fi;
#endif
  skip
}

/* P3, before the segment is processed: is it from an earlier incarnation, and accepted? */
inline check_old_duplicate(i) {
#ifdef WITNESS_P1
  /* W1: a SYN of a peer incarnation that is no longer the peer's live one reaches a listener */
  W1_old_syn_at_listener = !(st[i] == ST_LISTEN && h_f == F_SYN &&
                             (S_GATT(h_seg) != att[1 - i] || NO_TCB(st[1 - i])));
  assert(W1_old_syn_at_listener);
#endif
#ifdef WITNESS_P2
  /* W2: a SYN,ACK of an earlier peer incarnation reaches a side in SYN-SENT */
  W2_old_syn_ack_at_syn_sent = !(st[i] == ST_SYN_SENT && (h_f & (F_SYN | F_ACK | F_RST)) == (F_SYN | F_ACK) &&
                                 S_GATT(h_seg) != 0 && S_GATT(h_seg) < att[1 - i]);
  assert(W2_old_syn_ack_at_syn_sent);
#endif
#ifdef WITNESS_P3
  /* W3: a segment of an earlier incarnation than the one the receiver is synchronized with is
     still in flight and arrives (the antecedent of P3, at a synchronized receiver) */
  W3_old_segment_at_synchronized = !(SYNCHRONIZED(st[i]) && S_GATT(h_seg) != 0 && peer_att[i] != 0 &&
                                     S_GATT(h_seg) < peer_att[i]);
  assert(W3_old_segment_at_synchronized);
#endif
#ifdef CHECK_P3
  if
  :: !NO_TCB(st[i]) &&
     ((S_GATT(h_seg) != 0 && peer_att[i] != 0 && S_GATT(h_seg) < peer_att[i]) ||
      (S_GPEER(h_seg) != 0 && S_GPEER(h_seg) < att[i] &&
       att_peer_hist[i * 8 + S_GPEER(h_seg)] != peer_att[i])) ->
       P3_no_old_duplicate = !(h_ev == EV_SYN_ACK || h_ev == EV_ACK_OF_SYN || h_ev == EV_ACK ||
                               h_ev == EV_ACK_OF_FIN || h_ev == EV_FIN || h_ev == EV_FIN_ACK ||
                               (h_ev == EV_RST && !(st[i] == ST_TIME_WAIT && cfg_rfc1337)) || (h_ev == EV_SYN && st[i] == ST_TIME_WAIT && cfg_tw_reopen));
       assert(P3_no_old_duplicate)
  :: else -> skip
  fi;
#endif
  skip
}

/* ------------------------------------------------------------------------ steps */
inline guards_of(i) {
  h_guards = (passive[i] << GUARD_PASSIVE_OPEN) | (cfg_rfc5961_syn << GUARD_RFC5961_SYN) |
             (cfg_rfc1337 << GUARD_RFC1337) | (cfg_tw_reopen << GUARD_TW_REOPEN) |
             (cfg_closing_rst_resets << GUARD_CLOSING_RST_RESETS)
}

inline after_step(i) {
  /* the handshake completed in this incarnation (a state numbered as synchronized is not
     enough: FIN-WAIT-1 entered by a CLOSE in SYN-RECEIVED never was) */
  if
  :: (h_acts & ACT_SIGNAL_CONNECTED) -> was_synced[i] = 1
  :: else -> skip
  fi;
#ifdef SCENARIO_SIMULTANEOUS
  if
  :: SYNCHRONIZED(st[i]) -> synced_once[i] = 1
  :: else -> skip
  fi;
  if
  :: h_prev == ST_TIME_WAIT && h_ev == EV_TIME_WAIT_EXPIRY -> tw_done[i] = 1
  :: else -> skip
  fi;
#endif
  check_step(i)
}

/* a user call: OPEN (active or passive), CLOSE, ABORT */
inline user_call(i, ev) {
  h_prev = st[i]; h_ev = ev; h_seg = 0; h_f = 0;
  if
  :: ev == EV_OPEN_ACTIVE -> opens_left[i]--; passive[i] = 0; new_incarnation(i, 0)
  :: ev == EV_OPEN_PASSIVE -> opens_left[i]--
  :: ev == EV_ABORT -> aborts_left--
  :: else -> skip
  fi;
  guards_of(i);
  tcpfsm_step(st[i], h_ev, h_guards, h_row, h_acts);
  COVER_ROW();
  apply_actions(i, 0);
  narrate(i);
  after_step(i)
}

/* the segment in slot j of endpoint i's inbound direction arrives */
inline deliver(i, j) {
  h_seg = net[i * QMAX + j];
  net_remove(i, j);
  h_j = 0;
  h_prev = st[i];
  classify(i);
  if
  :: h_ev != 255 ->
       check_old_duplicate(i);
       guards_of(i);
       tcpfsm_step(st[i], h_ev, h_guards, h_row, h_acts);
       COVER_ROW();
       apply_actions(i, 1);
       narrate(i);
       after_step(i)
  :: else -> printf("NARR ep%d drops ", i); print_seg(h_seg); printf("\n")
  fi
}

/* endpoint i's timer has expired */
inline timer_fires(i) {
  h_prev = st[i]; h_seg = 0; h_f = 0;
  tmr[i] = 0;
  if
  :: st[i] == ST_TIME_WAIT -> h_ev = EV_TIME_WAIT_EXPIRY
  :: st[i] == ST_FIN_WAIT_2 -> h_ev = EV_FIN_WAIT_2_TIMEOUT
  :: else ->
       if
       :: retries[i] < RETRIES_MAX -> h_ev = EV_RTO; retries[i]++
       :: else -> h_ev = EV_RTO_GIVEUP
       fi
  fi;
  guards_of(i);
  tcpfsm_step(st[i], h_ev, h_guards, h_row, h_acts);
  COVER_ROW();
  apply_actions(i, 0);
  narrate(i);
  after_step(i)
}

#define CAN_CLOSE(s) ((s) == ST_LISTEN || (s) == ST_SYN_SENT || (s) == ST_SYN_RECEIVED || \
                      (s) == ST_ESTABLISHED || (s) == ST_CLOSE_WAIT)
#ifdef SCENARIO_HALF_OPEN
/* P8's scenario (RFC 9293 3.5.2, half-open connections): the client connects, then ABORTs (its RST
   may be lost: the server stays ESTABLISHED for an incarnation that is gone) and re-opens on the
   same ports at once; the server re-listens at once whenever it is CLOSED; nobody CLOSEs */
#define USER_OPEN_ACTIVE(i)  ((i) == 0 && st[i] == ST_CLOSED && opens_left[i] > 0 && !opened_now[i])
#define USER_OPEN_PASSIVE(i) ((i) == 1 && st[i] == ST_CLOSED && opens_left[i] > 0)
#define USER_CLOSE(i)        (false)
#define USER_ABORT(i)        ((i) == 0 && st[i] == ST_ESTABLISHED && aborts_left > 0)
/* (used in the endpoint process, where i is the endpoint) nothing arrives at the server while it
   is about to re-listen */
#define NET_READY            (i != 1 || !(st[1] == ST_CLOSED && opens_left[1] > 0))
#define CLOCK_WAITS          ((st[1] == ST_CLOSED && opens_left[1] > 0) || \
                              (st[0] == ST_CLOSED && opens_left[0] < OPENS_MAX && opens_left[0] > 0 && !opened_now[0]) || \
                              (USER_ABORT(0) && life[0] >= LIFE_USER))
#else
#define USER_ABORT(i)        (st[i] != ST_CLOSED && aborts_left > 0)
#define CLOCK_WAITS          false
#ifdef SCENARIO_SIMULTANEOUS
/* the users wait for the connection: they open actively, once, and close only once connected */
#define USER_OPEN_ACTIVE(i)  (st[i] == ST_CLOSED && opens_left[i] > 0)
#define USER_OPEN_PASSIVE(i) (false)
#define USER_CLOSE(i)        (st[i] == ST_ESTABLISHED || st[i] == ST_CLOSE_WAIT)
#define NET_READY            (opens_left[0] == 0 && opens_left[1] == 0)
#else
#ifdef SYMMETRIC
/* both users may open actively or passively */
#define USER_OPEN_ACTIVE(i)  ((st[i] == ST_CLOSED || st[i] == ST_LISTEN) && opens_left[i] > 0 && !opened_now[i])
#define USER_OPEN_PASSIVE(i) (st[i] == ST_CLOSED && opens_left[i] > 0 && !opened_now[i])
#else
/* endpoint 0 is a client (active opens, a new incarnation on the same ports after giving up),
   endpoint 1 a server (passive opens) */
#define USER_OPEN_ACTIVE(i)  ((i) == 0 && st[i] == ST_CLOSED && opens_left[i] > 0 && !opened_now[i])
#define USER_OPEN_PASSIVE(i) ((i) == 1 && st[i] == ST_CLOSED && opens_left[i] > 0 && !opened_now[i])
#endif
#ifdef SCENARIO_CLIENT_CLOSES
/* the client closes first; the server closes only after the client's FIN (or stops listening):
   the client is the side that goes through TIME-WAIT, the server re-listens after LAST-ACK */
#define USER_CLOSE(i)        ((i) == 0 && CAN_CLOSE(st[i]) || (i) == 1 && (st[i] == ST_CLOSE_WAIT || st[i] == ST_LISTEN))
#else
#define USER_CLOSE(i)        CAN_CLOSE(st[i])
#endif
#define NET_READY            true
#endif
#endif /* SCENARIO_HALF_OPEN */

#define W_DATA  99             /* step kinds besides user calls (which use their event number) */
#define W_TIMER 100
#define W_SEG0  101            /* W_SEG0 + j: the segment in slot j arrives */
/* A step is never blocked by a full network (that deadlocked both sides at MSL = 2): a segment
   sent into a full direction is dropped as one of the LOSS_MAX losses, and with no loss left
   model_bound_ok fails (QMAX too small): QMAX is chosen so that this never happens. */
#define ARRIVING(i) (net[(i) * QMAX + 0] != 0)   /* sorted descending: slot 0 full if any is */

/* DATA (the abstraction that advances sequence numbers, so that a later incarnation's window can
   cover an old incarnation's segments): endpoint i, synchronized with the peer's live incarnation
   and with nothing unacknowledged on either side, sends DATA_LEN sequence numbers of data that the peer receives
   in order and acknowledges, in one step: SND.NXT, SND.UNA of i and RCV.NXT of the peer advance by
   DATA_LEN. The segments themselves are not modelled (no payload field): what matters for the
   properties is that the FIN and the ACKs sent afterwards carry sequence numbers beyond
   ISS + 1. */
#define DATA_READY(i) (data_left > 0 && (st[i] == ST_ESTABLISHED || st[i] == ST_CLOSE_WAIT) && \
                       (st[1 - (i)] == ST_ESTABLISHED || st[1 - (i)] == ST_FIN_WAIT_1 || \
                        st[1 - (i)] == ST_FIN_WAIT_2) && peer_att[1 - (i)] == att[i] && \
                       peer_att[i] == att[1 - (i)] && una[i] == nxt[i] && rnxt[1 - (i)] == nxt[i] && \
                       una[1 - (i)] == nxt[1 - (i)] && rnxt[i] == nxt[1 - (i)])
inline data_transfer(i) {
  data_left--;
  nxt[i] = MOD(nxt[i] + DATA_LEN); una[i] = nxt[i]; rnxt[1 - i] = MOD(rnxt[1 - i] + DATA_LEN);
  printf("NARR ep%d (inc %d) sends %d of data, received and acknowledged: SND.NXT=%d, peer RCV.NXT=%d\n",
         i, att[i], DATA_LEN, nxt[i], rnxt[1 - i])
}

#ifndef CLASSIFY_ONLY   /* model/classify_check.pml includes this file for its classifier only */
proctype endpoint(byte i) {
  byte what, fate;     /* the step chosen and the network's choice; both 0 again after it */
  do
  :: atomic {
       /* the whole guard of the step, so that the choice below never blocks inside the atomic
          (a blocked atomic would lose atomicity and resume later with a stale guard) */
       (USER_OPEN_ACTIVE(i) || USER_OPEN_PASSIVE(i) || USER_CLOSE(i) ||
        USER_ABORT(i) || (NET_READY && ARRIVING(i)) || tmr[i] == 1 ||
        DATA_READY(i));
       if
       /* the user */
       :: USER_OPEN_ACTIVE(i) -> what = EV_OPEN_ACTIVE
       :: USER_OPEN_PASSIVE(i) -> what = EV_OPEN_PASSIVE
       :: USER_CLOSE(i) -> what = EV_CLOSE
       :: USER_ABORT(i) -> what = EV_ABORT
       /* a segment arrives: any of the segments in flight (reordering) */
       :: NET_READY && net[i * QMAX + 0] != 0 -> what = W_SEG0 + 0
       :: NET_READY && QMAX > 1 && net[i * QMAX + 1] != 0 -> what = W_SEG0 + 1
       :: NET_READY && QMAX > 2 && net[i * QMAX + 2] != 0 -> what = W_SEG0 + 2
       :: NET_READY && QMAX > 3 && net[i * QMAX + 3] != 0 -> what = W_SEG0 + 3
       :: NET_READY && QMAX > 4 && net[i * QMAX + 4] != 0 -> what = W_SEG0 + 4
       :: NET_READY && QMAX > 5 && net[i * QMAX + 5] != 0 -> what = W_SEG0 + 5
       :: NET_READY && QMAX > 6 && net[i * QMAX + 6] != 0 -> what = W_SEG0 + 6
       :: NET_READY && QMAX > 7 && net[i * QMAX + 7] != 0 -> what = W_SEG0 + 7
       :: NET_READY && QMAX > 8 && net[i * QMAX + 8] != 0 -> what = W_SEG0 + 8
       :: NET_READY && QMAX > 9 && net[i * QMAX + 9] != 0 -> what = W_SEG0 + 9
       :: NET_READY && QMAX > 10 && net[i * QMAX + 10] != 0 -> what = W_SEG0 + 10
       :: NET_READY && QMAX > 11 && net[i * QMAX + 11] != 0 -> what = W_SEG0 + 11
       /* the timer */
       :: tmr[i] == 1 -> what = W_TIMER
       /* data: a transfer that is delivered and acknowledged */
       :: DATA_READY(i) -> what = W_DATA
       fi;
       /* the network's choice for the segment this step sends, if it sends one: delivered
          (after a delay of 0 .. MSL-1 ticks, in any order with the others in flight), lost
          (while LOSS_MAX allows) or duplicated (while DUP_MAX allows) */
       if
       :: fate = FATE_DELIVER
       :: losses_left > 0 -> fate = FATE_LOSE
       :: dups_left > 0 -> fate = FATE_DUPLICATE
       fi;
       if
       :: what >= W_SEG0 ->
            d_step { h_fate = fate; h_j = what - W_SEG0; deliver(i, h_j); what = 0; fate = 0; reset_scratch() }
       :: what == W_TIMER ->
            d_step { h_fate = fate; timer_fires(i); what = 0; fate = 0; reset_scratch() }
       :: what == W_DATA ->
            d_step { data_transfer(i); what = 0; fate = 0; reset_scratch() }
       :: else ->
            d_step { h_fate = fate; user_call(i, what); what = 0; fate = 0; reset_scratch() }
       fi
     }
  od
}

/* ------------------------------------------------------------------------- clock */
#define DUE(k)  (net[k] != 0 && S_AGE(net[k]) == MSL - 1)
/* directions are sorted descending and ages sit above the sequence numbers, but the ghost bits
   sit above the age: every slot is tested */
#define DUE_DIR(d) (DUE((d) * QMAX) || DUE((d) * QMAX + 1) || (QMAX > 2 && DUE((d) * QMAX + 2)) || \
                    (QMAX > 3 && DUE((d) * QMAX + 3)) || (QMAX > 4 && DUE((d) * QMAX + 4)) || \
                    (QMAX > 5 && DUE((d) * QMAX + 5)) || (QMAX > 6 && DUE((d) * QMAX + 6)) || \
                    (QMAX > 7 && DUE((d) * QMAX + 7)) || (QMAX > 8 && DUE((d) * QMAX + 8)) || \
                    (QMAX > 9 && DUE((d) * QMAX + 9)) || (QMAX > 10 && DUE((d) * QMAX + 10)) || \
                    (QMAX > 11 && DUE((d) * QMAX + 11)))
#define ANY_DUE (DUE_DIR(0) || DUE_DIR(1))

/* a user does not let an incarnation sit in ESTABLISHED or CLOSE-WAIT for ever: the clock waits
   for its CLOSE (or ABORT) once the incarnation is LIFE_USER ticks old */
#define CUT_OFF_FW2(j) (st[j] == ST_FIN_WAIT_2 && tmr[j] == 0 && st[1 - (j)] == ST_CLOSED && \
                        opens_left[1 - (j)] == 0 && net[0] == 0 && net[QMAX] == 0)
#define USER_DUE(i) ((st[i] == ST_ESTABLISHED || st[i] == ST_CLOSE_WAIT) && life[i] >= LIFE_USER && ISN_RATE != 0 && USER_CLOSE(i))
inline rotate(x) { x = MOD(x - ISN_RATE) }

proctype clock() {
  do
  :: d_step {
       /* a tick: not past an expired timer, and not past the last moment a segment in flight
          can be delivered (it is lost when sent, if it is lost at all) */
       tmr[0] != 1 && tmr[1] != 1 && !ANY_DUE && !USER_DUE(0) && !USER_DUE(1) && !CLOCK_WAITS ->
       printf("NARR tick (sequence numbers below are relative to the ISN clock, which advances %d)\n", ISN_RATE);
       h_j = 0;
       do
       :: h_j < NSLOTS ->
            h_seg = net[h_j];
            if
            :: h_seg != 0 ->
                 /* ages, and its sequence numbers rotate with the ISN clock */
                 net[h_j] = (h_seg & ~SEQACK_BITS) + AGE_ONE +
                            (MOD(S_SEQ(h_seg) - ISN_RATE) << 4) +
                            ((MOD(S_ACK(h_seg) - ISN_RATE) * ((S_FLAGS(h_seg) & F_ACK) != 0)) << SH_ACK)
            :: else -> skip
            fi;
            h_j++
       :: else -> break
       od;
       net_sort(0); net_sort(1);
       h_j = 0;
       do
       :: h_j < 2 ->
            if
            :: !NO_TCB(st[h_j]) ->
                 rotate(iss[h_j]); rotate(irs[h_j]); rotate(una[h_j]); rotate(nxt[h_j]); rotate(rnxt[h_j])
            :: else -> skip
            fi;
            if
            :: tmr[h_j] > 1 -> tmr[h_j]--
            :: else -> skip
            fi;
            if
#if defined(SCENARIO_HALF_OPEN) || defined(LTL_P5) || defined(LTL_P6) || defined(LTL_P8) || defined(COVERAGE)
            /* the liveness and coverage runs check no property of old segments, and an incarnation may idle
               for ever in them (P8's connected ones, M8's endless TIME-WAIT): the ghost saturates
               instead of asserting the clock assumption */
            :: !NO_TCB(st[h_j]) && ISN_RATE != 0 && life[h_j] < LIFE_MAX -> life[h_j]++
            :: !NO_TCB(st[h_j]) && ISN_RATE != 0 && life[h_j] >= LIFE_MAX -> skip
#else
            /* a FIN-WAIT-2 cut off for good (no timer, the peer CLOSED with no OPEN left, nothing in
               flight either way) can never receive a segment again, so no old segment can reach
               it however long it lives: its age saturates (M3 leaves one behind when the peer's
               LAST-ACK or CLOSING gives up); any other incarnation must respect the assumption */
            :: !NO_TCB(st[h_j]) && ISN_RATE != 0 && CUT_OFF_FW2(h_j) && life[h_j] < LIFE_MAX -> life[h_j]++
            :: !NO_TCB(st[h_j]) && ISN_RATE != 0 && CUT_OFF_FW2(h_j) && life[h_j] >= LIFE_MAX -> skip
            :: !NO_TCB(st[h_j]) && ISN_RATE != 0 && !CUT_OFF_FW2(h_j) ->
                 life[h_j]++;
                 /* the clock assumption holds (a bound of the model, see LIFE_MAX) */
                 model_bound_ok = (life[h_j] <= LIFE_MAX);
                 assert(model_bound_ok)
#endif
            :: else -> skip
            fi;
            opened_now[h_j] = 0;
            h_j++
       :: else -> break
       od;
       reset_scratch()
     }
  od
}

/* -------------------------------------------------------------------- properties (LTL) */
#ifdef LTL_P5
ltl p5_termination { <> [] (st[0] == ST_CLOSED && st[1] == ST_CLOSED) }
#endif
#ifdef LTL_P8
/* P8 half-open recovery: once the client has re-opened, it eventually connects with the server
   (both ESTABLISHED, each paired with the other's current incarnation) */
ltl p8_connects { [] (opens_left[0] == 0 -> <> (st[0] == ST_ESTABLISHED && st[1] == ST_ESTABLISHED &&
                                                peer_att[0] == att[1] && peer_att[1] == att[0])) }
#endif
#ifdef LTL_P6
ltl p6_simultaneous { (<> (synced_once[0] && synced_once[1])) &&
                      [] ((st[0] == ST_FIN_WAIT_1 && st[1] == ST_FIN_WAIT_1) -> <> (tw_done[0] && tw_done[1])) }
#endif

init {
  atomic {
    opens_left[0] = OPENS_MAX; opens_left[1] = SERVER_OPENS_MAX;
    aborts_left = ABORTS_MAX; losses_left = LOSS_MAX; dups_left = DUP_MAX;
    data_left = DATA_MAX;
    model_bound_ok = (QMAX >= 2 && QMAX <= 12 && SEQ_BITS >= 4 && SEQ_BITS <= 8 && MSL <= 7 && RTO_TICKS >= 1 && MSL >= 1);
    assert(model_bound_ok);
#ifdef SCENARIO_SIMULTANEOUS
    opens_left[0] = 1; opens_left[1] = 1; aborts_left = 0;
#endif
#ifdef ALL_CONFIGS
    if :: cfg_rfc5961_syn = 0 :: cfg_rfc5961_syn = 1 fi;
    if :: cfg_rfc1337 = 0 :: cfg_rfc1337 = 1 fi;
    if :: cfg_tw_reopen = 0 :: cfg_tw_reopen = 1 fi;
    if :: cfg_fw2_timer = 0 :: cfg_fw2_timer = 1 fi;
    if :: cfg_closing_rst_resets = 0 :: cfg_closing_rst_resets = 1 fi;
#else
#ifdef CFG_RFC5961_SYN
    cfg_rfc5961_syn = 1;
#endif
#ifdef CFG_RFC1337
    cfg_rfc1337 = 1;
#endif
#ifdef CFG_TW_REOPEN
    cfg_tw_reopen = 1;
#endif
#ifdef CFG_CLOSING_RST_RESETS
    cfg_closing_rst_resets = 1;
#endif
#ifndef NO_FW2_TIMER
    cfg_fw2_timer = 1;
#endif
#endif
#ifdef CFG_TW_BSD
    cfg_tw_bsd = 1;
#endif
#ifdef CFG_DROP_SYNFIN
    cfg_drop_synfin = 1;
#endif
#ifdef CFG_LISTEN_SYNACK_DROP
    cfg_listen_synack_drop = 1;
#endif
    run endpoint(0); run endpoint(1); run clock()
  }
}
#endif /* CLASSIFY_ONLY */
