/*
 * classify_check.pml - `make model`: the model's segment classifier (the inline classify of
 * model/tcp.pml, included here unchanged) against the C classifier of src/tcpfsm.c, exhaustively
 * over the model's bounded domain.
 *
 * One deterministic step enumerates every input of the domain: the rfc5961_syn configuration,
 * the classifier knobs tw_bsd, drop_synfin and listen_synack_drop (every combination),
 * every state that has a TCB, the TCB values the model reaches (ISS and IRS fixed at 0: the
 * classifier compares SEG.SEQ only with the receive side and SEG.ACK only with the send side,
 * and both classifiers are invariant under adding a constant to a side), every flag combination
 * the model sends (SYN, SYN,ACK, ACK, FIN,ACK, RST, RST,ACK) and SYN+FIN, SYN+FIN,ACK, FIN (the
 * segments drop_synfin and tw_bsd tell apart), and every SEG.SEQ and SEG.ACK within SEQ_SPAN of the TCB (the model's
 * arrivals are asserted to stay in that span, see tcp.pml), plus CLOSED and LISTEN. For each it
 * runs the model's classify and hands the inputs and the model's event to the C function
 * classify_compare (model/classify_check.c), which builds the same connection with the C types
 * (sequence numbers at a base near 2^32, so that the comparisons wrap), calls tcpfsm_segment and
 * compares out.event. model/check.sh fails `make model` on any difference.
 */
#define CLASSIFY_ONLY
#include "tcp.pml"

/* SEQ_SPAN (tcp.pml): SEG.SEQ and SEG.ACK from -SEQ_SPAN to +SEQ_SPAN around IRS and ISS */

c_decl {
  extern void classify_compare(int c5, int kn, int st, int una, int nxt, int rnxt, int fl, int sq, int ak, int ev);
  extern void classify_report(void);
}

/* the TCBs the model reaches (tcp.pml: no payload besides DATA_LEN transfers, FIN with ACK) */
#define OUR_FIN(s)   (FIN_SENT(s) || (s) == ST_FIN_WAIT_2 || (s) == ST_TIME_WAIT)
#define FIN_ROOM(n)  ((n) == 2 || (n) == 2 + DATA_LEN)
#define CONSISTENT(s, un, nx, rn) \
  (NO_TCB(s) || (s) == ST_SYN_SENT || (s) == ST_SYN_RECEIVED -> (un == 0 && nx == 1 && rn == 1) : \
   (FIN_ROOM(nx) == OUR_FIN(s) && FIN_ROOM(rn) == FIN_RECEIVED(s) && \
    (FIN_SENT(s) -> (un == nx - 1 || (un == 0 && nx == 2 && (s) != ST_LAST_ACK)) : un == nx)))

/* the segments the model sends: SYN, SYN,ACK, ACK, FIN,ACK, RST, RST,ACK; and SYN+FIN, SYN+FIN,ACK
   and FIN, which the model does not send but the knobs drop_synfin and tw_bsd classify apart */
#define MODEL_SENDS(f) ((f) == F_SYN || (f) == (F_SYN | F_ACK) || (f) == F_ACK || (f) == (F_FIN | F_ACK) || \
                        (f) == F_RST || (f) == (F_RST | F_ACK) || \
                        (f) == (F_SYN | F_FIN) || (f) == (F_SYN | F_FIN | F_ACK) || (f) == F_FIN)

byte c_s, c_nx, c_un, c_rn, c_fl, c_c5, c_kn;
short c_sq, c_ak;

/* the send side: SND.NXT is ISS+1 (SYN), ISS+2 (SYN and FIN), and the same after DATA_LEN of data */
inline next_nxt() {
  if
  :: c_nx == 1 -> c_nx = 2
  :: c_nx == 2 -> c_nx = 1 + DATA_LEN
  :: c_nx == 1 + DATA_LEN -> c_nx = 2 + DATA_LEN
  :: else -> c_nx = 255
  fi
}

init {
  d_step {
    c_kn = 0;
    do
    :: c_kn < 8 ->
    /* the classifier knobs: bit 0 tw_bsd, bit 1 drop_synfin, bit 2 listen_synack_drop */
    cfg_tw_bsd = c_kn & 1; cfg_drop_synfin = (c_kn >> 1) & 1; cfg_listen_synack_drop = (c_kn >> 2) & 1;
    c_c5 = 0;
    do
    :: c_c5 < 2 ->
      cfg_rfc5961_syn = c_c5;
      c_s = ST_CLOSED;
      do
      :: c_s < STATE_COUNT ->
        c_nx = 1;
        do
        :: c_nx != 255 ->
          c_un = 0;
          do
          :: c_un <= c_nx ->
            c_rn = 1;
            do
            :: c_rn <= 2 + DATA_LEN ->
              c_fl = 0;
              do
              :: c_fl < 16 && !MODEL_SENDS(c_fl) -> c_fl++
              :: c_fl < 16 && MODEL_SENDS(c_fl) ->
                c_sq = -SEQ_SPAN;
                do
                :: c_sq <= SEQ_SPAN ->
                  c_ak = -SEQ_SPAN;
                  do
                  :: c_ak <= SEQ_SPAN ->
                    if
                    :: CONSISTENT(c_s, c_un, c_nx, c_rn) ->
                         st[0] = c_s; iss[0] = 0; una[0] = c_un; nxt[0] = c_nx; irs[0] = 0; rnxt[0] = c_rn;
                         h_seg = SEG(c_fl, c_sq, c_ak, 0, 0);
                         classify(0);
                         c_code { classify_compare(now.c_c5, now.c_kn, now.c_s, now.una[0], now.nxt[0], now.rnxt[0],
                                                   now.c_fl, now.c_sq, now.c_ak, now.h_ev); }
                    :: else -> skip
                    fi;
                    c_ak++
                  :: else -> break
                  od;
                  c_sq++
                :: else -> break
                od;
                c_fl++
              :: else -> break
              od;
              /* receive side: RCV.NXT is IRS+1, IRS+2 (FIN received), and after data */
              if
              :: c_rn == 1 -> c_rn = 2
              :: c_rn == 2 -> c_rn = 1 + DATA_LEN
              :: else -> c_rn++
              fi
            :: else -> break
            od;
            /* SND.UNA: ISS (nothing acknowledged), or any value up to SND.NXT */
            c_un++
          :: else -> break
          od;
          next_nxt()
        :: else -> break
        od;
        c_s++
      :: else -> break
      od;
      c_c5++
    :: else -> break
    od;
    c_kn++
    :: else -> break
    od;
    c_code { classify_report(); }
  }
}
