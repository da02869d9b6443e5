/*
 * tcpfsm.h - the public interface of the tcpfsm runtime core.
 *
 * A sans-IO TCP connection-management core (RFC 9293 sections 3.3.2, 3.10). The host stack owns
 * one `struct tcpfsm_conn` per connection and feeds it user calls, parsed segment headers and the
 * clock; every call fills a `struct tcpfsm_output` with the segments to emit, the events for the
 * application and the next deadline. No malloc, no global mutable state, no I/O, no clock reads,
 * no randomness: the caller supplies the time and the initial sequence numbers.
 *
 * Choosing the ISS (RFC 6528): ISS = M + F(localip, localport, remoteip, remoteport, secretkey),
 * where M is a 4-microsecond clock and F a keyed hash (SipHash-2-4 with a boot-time random key is
 * a good choice). tcpfsm takes the result as a parameter and never computes it.
 *
 * State changes come only from the generated table (tcpfsm_table.h, from model/tcp.fsm).
 */
#ifndef TCPFSM_H
#define TCPFSM_H

#include <stddef.h>
#include <stdint.h>

#include "tcpfsm_table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Time, in microseconds, from the caller's monotonic clock. */
typedef uint64_t tcpfsm_time_t;
#define TCPFSM_NO_DEADLINE UINT64_MAX

/* TCP header flags, as on the wire. */
#define TCPFSM_FIN 0x01u
#define TCPFSM_SYN 0x02u
#define TCPFSM_RST 0x04u
#define TCPFSM_PSH 0x08u
#define TCPFSM_ACK 0x10u
#define TCPFSM_URG 0x20u

/* The window-scale field of a segment without the option (RFC 7323 2.2). */
#define TCPFSM_WSCALE_NONE 0xffu

/* RFC 9293 3.7.1: "If an MSS Option is not received at connection setup, TCP implementations MUST
   assume a default send MSS of 536 (576 - 40) for IPv4 or 1220 (1280 - 60) for IPv6". The core
   does not know the IP version: a SYN with mss 0 stands for 536; an IPv6 host passes 1220 in
   seg.mss when the SYN carries no MSS option. */
#define TCPFSM_DEFAULT_MSS 536u

/* A parsed segment header, in and out, with the options the core negotiates (the host parses and
   builds them; the others, SACK, timestamps, ..., are the host's business).
   In: `mss` is read from the peer's SYN that synchronizes the connection (a SYN or SYN+ACK in
   SYN-SENT, a SYN in LISTEN, a SYN reopening TIME-WAIT), never from another segment: it sets the
   connection's send MSS (tcpfsm_snd_mss) to min(cfg->mss, mss); mss 0 means no option, and the
   send MSS is min(cfg->mss, TCPFSM_DEFAULT_MSS) (an option of value 0 is treated as absent, as
   Linux's tcp_parse_options() does). `wscale` is never read (see below).
   Out: every SYN and SYN+ACK the core emits carries mss = cfg->mss (the MSS we advertise);
   every other segment carries mss = 0 (no option). Window scaling is not implemented (issue 14):
   the core sends no window-scale option (wscale = TCPFSM_WSCALE_NONE in every segment), so by
   RFC 7323 2.2 ("This option is an offer, not a promise; both sides MUST send Window Scale
   options in their <SYN> segments to enable window scaling in either direction") scaling is off
   in both directions whatever the peer sends: the window fields of both sides are unscaled, and
   the host must not shift the peer's window field by the peer's shift count. */
struct tcpfsm_segment {
    uint32_t seq;
    uint32_t ack;       /* meaningful when flags & TCPFSM_ACK */
    uint16_t flags;
    uint16_t window;    /* unscaled window field */
    uint16_t len;       /* payload length (SYN and FIN not counted) */
    uint16_t mss;       /* the MSS option's value (SYN, SYN+ACK); 0: no MSS option */
    uint16_t wscale;    /* the window-scale option's shift count; TCPFSM_WSCALE_NONE: no option
                           (16 bits, not 8: a byte-sized member would put the segments in the
                           memory of the connection's 8-bit fields for the provers, whose frames
                           through every emitter then fail) */
};

/* Events for the application (bits of tcpfsm_output.events). */
#define TCPFSM_SIG_CONNECTED   0x01u  /* the handshake completed */
#define TCPFSM_SIG_PEER_CLOSED 0x02u  /* the peer's FIN arrived: end of stream */
#define TCPFSM_SIG_RESET       0x04u  /* connection reset by peer (ECONNRESET) */
#define TCPFSM_SIG_REFUSED     0x08u  /* connection refused (ECONNREFUSED) */
#define TCPFSM_SIG_TIMEOUT     0x10u  /* retransmissions exhausted (ETIMEDOUT) */
#define TCPFSM_SIG_CLOSED      0x20u  /* the connection is closed */
#define TCPFSM_SIG_DATA        0x40u  /* new in-order payload was accepted (rcv_nxt advanced): which
                                         bytes in data_seq, data_off, data_len */
#define TCPFSM_SIG_ACKED       0x80u  /* SND.UNA advanced: sent data was acknowledged */
#define TCPFSM_SIG_LISTEN      0x100u /* a passive connection returned to LISTEN (T24: the peer reset
                                         it in SYN-RECEIVED; T32: the SYN+ACK was never
                                         acknowledged), RFC 9293 3.10.7.4 "return this connection to
                                         LISTEN state". A block made by tcpfsm_accept() is a child of
                                         a listener that still exists: free it (its LISTEN state
                                         duplicates the listener). A block opened with
                                         tcpfsm_open_passive() is the listener itself: keep it, it
                                         accepts the next SYN. No application connection existed
                                         (SIG_CONNECTED never came), so there is nothing to report. */
#define TCPFSM_SIG_REOPENED    0x200u /* TIME-WAIT was reopened by a new SYN above RCV.NXT (T115, RFC
                                         9293 3.6.1, knob tw_reopen): the block now holds a new
                                         incarnation in SYN-RECEIVED, its SYN+ACK in `out`, with
                                         ISS = old SND.NXT + 65537 chosen by the core (read it with
                                         tcpfsm_iss()). The old connection is gone: the host treats
                                         this as a new passive connection (new buffers, stream offsets
                                         from the new ISS and RCV.NXT) */
#define TCPFSM_SIG_MORE        0x400u /* the core could emit more right now (data queued within the
                                         peer's window, or a pending FIN): call tcpfsm_push() */
#define TCPFSM_SIG_OUT_OF_ORDER 0x800u /* an acceptable segment's text starts beyond RCV.NXT: the host
                                         may keep text [data_off, data_off + data_len) of it, stream
                                         sequence numbers from data_seq (see tcpfsm_reassembled) */

/* Return codes. */
enum tcpfsm_result {
    TCPFSM_OK = 0,
    TCPFSM_ERR_ARG = -1,          /* NULL pointer or value out of range */
    TCPFSM_ERR_STATE = -2,        /* call not valid in this state ("connection does not exist", ...) */
    TCPFSM_ERR_CLOSING = -3       /* "error: connection closing" (SEND or CLOSE after CLOSE) */
};

/* At most this many segments come out of one call. */
#define TCPFSM_MAX_SEGMENTS 4

struct tcpfsm_output {
    struct tcpfsm_segment segments[TCPFSM_MAX_SEGMENTS];
    uint8_t count;                 /* segments[0 .. count-1] must be emitted, in order */
    uint16_t events;               /* TCPFSM_SIG_* bits */
    uint8_t event;                 /* the table event this call was classified as, or 0xff */
    uint8_t state;                 /* state after the call */
    uint16_t row;                  /* the table row taken, TCPFSM_ROW_NONE if none */
    tcpfsm_time_t deadline;        /* call tcpfsm_timer() at this time; TCPFSM_NO_DEADLINE if none */
    /* The text a segment delivered (TCPFSM_SIG_DATA) or that the host may keep
       (TCPFSM_SIG_OUT_OF_ORDER): octets [data_off, data_off + data_len) of the segment's text
       (the text starts after a SYN), stream sequence numbers data_seq .. data_seq + data_len - 1.
       With SIG_DATA, data_seq is RCV.NXT before the call (SEG.SEQ + 1 after a SYN in SYN-SENT)
       and data_off > 0 when the start of the text was old (already received). Without SIG_DATA
       or SIG_OUT_OF_ORDER, data_len is 0. */
    uint32_t data_seq;
    uint32_t data_off;
    uint32_t data_len;
};

/* The largest receive window (RFC 7323 2.3: "two times the maximum window size must be less than
   2^31, or max window < 2^30"); tcpfsm_init refuses a configuration with a larger window. */
#define TCPFSM_WINDOW_MAX UINT32_C(1073741823)

/* Configuration: times in microseconds. Shared by many connections; must outlive them. */
struct tcpfsm_config {
    uint32_t rto_initial;         /* RFC 6298 2.1: 1 s */
    uint32_t rto_min;             /* RFC 6298 2.4: 1 s (Linux 200 ms, FreeBSD 30 ms) */
    uint32_t rto_max;             /* RFC 6298 2.5: at least 60 s */
    uint8_t  syn_retries;         /* SYN retransmissions before giving up */
    uint8_t  synack_retries;      /* SYN+ACK retransmissions before giving up */
    uint8_t  retries;             /* FIN and data retransmissions before giving up */
    uint8_t  syn_linear_timeouts; /* first N SYN retransmissions at a constant RTO (Linux: 4) */
    uint32_t msl;                 /* maximum segment lifetime; TIME-WAIT lasts 2*MSL */
    uint32_t fin_wait_2_timeout;  /* 0: no FIN-WAIT-2 timer */
    uint32_t window;              /* receive buffer (RCV.BUFF of RFC 9293 3.8.6.2.2): RCV.WND while
                                     nothing received is unconsumed; at most TCPFSM_WINDOW_MAX. The
                                     window field sent is min(RCV.WND, 65535): no window scaling */
    uint16_t mss;                 /* the MSS we advertise in our SYN and SYN+ACK, and the largest
                                     payload of one segment we send: the connection's send MSS is
                                     min(mss, the peer's MSS option, or TCPFSM_DEFAULT_MSS without
                                     one), and mss itself before the peer's SYN is seen */
    uint8_t  rfc5961_rst;         /* 1: RFC 5961 section 3 (exact RST, challenge ACK); 0: RFC 793 */
    uint8_t  rfc5961_syn;         /* 1: RFC 5961 section 4 (SYN draws a challenge ACK); 0: RFC 793 */
    uint8_t  rfc5961_ack;         /* 1: RFC 5961 section 5 ACK validation */
    uint8_t  rfc1337;             /* 1: TIME-WAIT ignores RST (RFC 1337) */
    uint8_t  tw_reopen;           /* 1: a new SYN above RCV.NXT reopens TIME-WAIT (RFC 9293 3.6.1) */
    uint8_t  challenge_ack_limit; /* challenge ACKs per second per connection (RFC 5961 7); 0: no limit */
    uint8_t  tw_bsd;              /* 1: TIME-WAIT answers as BSD's tcp_twcheck(): a segment without ACK is
                                     dropped (but a SYN above RCV.NXT, tw_reopen), an ACK-bearing one draws
                                     an ACK unless it is an exact duplicate ACK; 0: RFC 9293 3.10.7.4 */
    uint8_t  drop_synfin;         /* 1: a SYN+FIN is dropped in LISTEN, SYN-SENT and TIME-WAIT (FreeBSD
                                     net.inet.tcp.drop_synfin); 0: processed as a SYN (RFC 9293) */
    uint8_t  listen_synack_drop;  /* 1: a SYN,ACK arriving in LISTEN is dropped unanswered (FreeBSD);
                                     0: it draws a RST (RFC 9293 3.10.7.2) */
    uint8_t  ack_repeats_fin;     /* 1: while our FIN is unacknowledged, an ACK (not one replying to a
                                     SYN) repeats it, <SEQ=SND.NXT-1><CTL=FIN,ACK> (FreeBSD); 0: RFC 9293 */
    uint8_t  syn_rst_from_tcb;    /* 1: the RST for an in-window SYN (rfc5961_syn off) is
                                     <SEQ=SND.NXT><ACK=RCV.NXT><CTL=RST,ACK> (FreeBSD); 0: RFC 9293 3.10.7.1 */
    uint8_t  closing_rst_resets;  /* 1: a RST in CLOSING or LAST-ACK signals reset (FreeBSD); 0: closed */
    uint32_t user_timeout;        /* RFC 9293 3.8.3 R2 as a time, the user timeout of RFC 5482 (Linux
                                     TCP_USER_TIMEOUT): in the synchronized states, data or a FIN
                                     unacknowledged this long (from the last reset of the retry count: the
                                     first transmission with nothing outstanding, a new ACK, a zero-window
                                     answer) gives up (TCPFSM_SIG_TIMEOUT) whatever the count, and the
                                     retransmission timer never runs past it; microseconds, below 2^32
                                     (about 71 minutes); 0: off (give up by count only) */
    uint32_t connect_timeout;     /* R2 of the SYN as a time (FreeBSD net.inet.tcp.keepinit, TCP_KEEPINIT): in
                                     SYN-SENT the attempt also ends (TCPFSM_SIG_TIMEOUT) this long after OPEN,
                                     if syn_retries has not ended it first, and the retransmission timer
                                     never runs past it; microseconds, below 2^32; 0: the count only */
    uint8_t  abort_rst_ack;       /* 1: ABORT's reset is <SEQ=SND.NXT><ACK=RCV.NXT><CTL=RST,ACK> (Linux
                                     tcp_send_active_reset(), FreeBSD tcp_drop()); 0: <SEQ=SND.NXT><CTL=RST>
                                     (RFC 9293 3.10.5) */
};

extern const struct tcpfsm_config tcpfsm_profile_rfc;
extern const struct tcpfsm_config tcpfsm_profile_linux;
extern const struct tcpfsm_config tcpfsm_profile_freebsd;

/* One connection. Caller-owned; contents are private (read them through the accessors).
   80 bytes on LP64 (64 before SND.WL1/SND.WL2 were kept, 72 before RCV.WND became 32-bit; the
   send MSS took 2 of the tail padding bytes, the user timeout's origin 4).
   The RTO is not stored: it is computed from SRTT/RTTVAR (or rto_initial before
   the first sample) and backed off by `backoff` (see tcpfsm_rto()). IRS is not kept either: after
   the SYN only RCV.NXT matters. */
struct tcpfsm_conn {
    const struct tcpfsm_config *cfg;
    tcpfsm_time_t deadline;        /* the one timer that can run in any state; TCPFSM_NO_DEADLINE if none */
    uint32_t iss;
    uint32_t snd_una, snd_nxt, rcv_nxt;
    uint32_t snd_wl1, snd_wl2;     /* RFC 9293 3.3.1: SEG.SEQ and SEG.ACK of the last window update */
    uint32_t snd_queued;           /* bytes the application has written but not yet sent */
    uint32_t rtt_seq;              /* sequence number being timed (Karn), valid when timing */
    uint32_t rtt_start;            /* low 32 bits of the time the timed segment was sent */
    uint32_t srtt, rttvar;         /* RFC 6298, microseconds, valid after the first sample */
    uint32_t rcv_wnd;              /* RCV.WND, our receive window: cfg->window minus unconsumed bytes
                                      (RFC 7323 2.3: "All windows are treated as 32-bit quantities") */
    uint16_t snd_wnd, max_snd_wnd; /* peer's window (unscaled) and the largest seen (RFC 5961 5.2) */
    uint8_t  state;                /* enum tcpfsm_state */
    uint8_t  flags;                /* TCPFSM_F_* (private) */
    unsigned int timer : 2;        /* which timer the deadline is for (private) */
    unsigned int backoff : 6;      /* RFC 6298 5.5 doublings, kept until a new RTT sample (Karn) */
    uint8_t  retries;              /* retransmissions of the current segment (give-up count) */
    uint8_t  challenge_acks;       /* challenge ACKs sent in the current second */
    uint8_t  challenge_second;     /* low bits of the second they were counted in */
    uint16_t snd_mss;              /* the send MSS (RFC 9293 3.7.1), from the peer's SYN (tcpfsm_snd_mss) */
    uint32_t rto_since;            /* low 32 bits of the time the retry count was last reset: the origin
                                      of cfg->user_timeout */
};

/* Initialise `c` in CLOSED with configuration `cfg`. Returns TCPFSM_ERR_ARG, and leaves `c`
   untouched, if `c` or `cfg` is NULL or the configuration breaks one of these rules (the
   predicate acceptable_config of src/tcpfsm_spec.h, proved):
     0 < rto_min <= rto_initial <= rto_max   RFC 6298 2.1, 2.4, 2.5: the initial RTO is an RTO,
                                             within the bounds every RTO is clamped to
     mss > 0                                 RFC 9293 3.7.1: the largest text we send
     msl > 0                                 RFC 9293 3.4.2: TIME-WAIT lasts 2*MSL
     0 < window <= TCPFSM_WINDOW_MAX         RFC 9293 3.10.7.4 (a zero window accepts not even
                                             the peer's FIN), RFC 7323 2.3
   An all-zero configuration is refused; the three profiles are accepted. The other fields (retry
   counts, knobs, fin_wait_2_timeout) take any value. `cfg` is read again by every later call. */
int tcpfsm_init(struct tcpfsm_conn *c, const struct tcpfsm_config *cfg);

/* User calls (RFC 9293 3.10.1-3.10.5). */
int tcpfsm_open_active(struct tcpfsm_conn *c, tcpfsm_time_t now, uint32_t iss, struct tcpfsm_output *out);
int tcpfsm_open_passive(struct tcpfsm_conn *c, tcpfsm_time_t now, uint32_t iss, struct tcpfsm_output *out);
int tcpfsm_close(struct tcpfsm_conn *c, tcpfsm_time_t now, struct tcpfsm_output *out);
int tcpfsm_abort(struct tcpfsm_conn *c, tcpfsm_time_t now, struct tcpfsm_output *out);
/* The application wrote `len` bytes: data segments of up to the send MSS are emitted within the
   peer's window (at most TCPFSM_MAX_SEGMENTS - 1 per call: TCPFSM_SIG_MORE says when more could
   go, tcpfsm_push continues); the rest waits for window (returned bytes are always all accepted). */
int tcpfsm_send(struct tcpfsm_conn *c, tcpfsm_time_t now, uint32_t len, struct tcpfsm_output *out);
/* Emit what tcpfsm_send left queued: data segments within the peer's window, then the FIN that
   CLOSE queued once the last byte is out (as tcpfsm_send does). Valid in every state: TCPFSM_OK
   and nothing emitted when there is nothing to send. Call it while the output carries
   TCPFSM_SIG_MORE (any call can set it: an ACK that opens the window, a full output...). */
int tcpfsm_push(struct tcpfsm_conn *c, tcpfsm_time_t now, struct tcpfsm_output *out);
/* The application consumed `len` received bytes: the window opens again. */
int tcpfsm_consumed(struct tcpfsm_conn *c, tcpfsm_time_t now, uint32_t len, struct tcpfsm_output *out);

/* A listener that stays a listener: `syn`, a segment arriving for `listener` (a block in LISTEN,
   made by tcpfsm_open_passive; not modified, may serve any number of calls), is answered on a
   new block `c` (must not alias the listener; its old contents are overwritten) made with the
   listener's configuration and ISS `iss`, chosen by the host for this SYN (RFC 6528: ISS =
   M + F(4-tuple, secret), now that the peer is known). Returns TCPFSM_OK and:
     - a SYN the listener accepts (row T05; the classifier's LISTEN rules, e.g. drop_synfin and
       listen_synack_drop, apply): `c` is in SYN-RECEIVED, out.state == TCPFSM_SYN_RECEIVED and
       out holds the SYN+ACK <SEQ=iss><ACK=SEG.SEQ+1><CTL=SYN,ACK>; the host keeps `c` under the
       segment's 4-tuple and runs the timer at out.deadline;
     - any other segment: out holds exactly the listener's answer (T06: a RST for an ACK-bearing
       segment; T07, T08: nothing for a RST or other control), out.state == TCPFSM_CLOSED and `c`
       is a CLOSED block (tcpfsm_init'ed with the listener's configuration): free or reuse it.
   TCPFSM_ERR_ARG for a NULL pointer or c == listener; TCPFSM_ERR_STATE if the listener is not in
   LISTEN (nothing written). A connection made here that falls back (T24: RST in SYN-RECEIVED,
   T32: SYN+ACK retransmissions exhausted) returns to LISTEN as RFC 9293 3.10.7.4 says ("return
   this connection to LISTEN state") with TCPFSM_SIG_LISTEN: the listener it came from still
   listens, so the host frees the block. */
int tcpfsm_accept(const struct tcpfsm_conn *listener, struct tcpfsm_conn *c, tcpfsm_time_t now,
                  const struct tcpfsm_segment *syn, uint32_t iss, struct tcpfsm_output *out);

/* Reassembly by the host (the core keeps no out-of-order text). After TCPFSM_SIG_OUT_OF_ORDER the
   host may keep the range the output names; after any TCPFSM_SIG_DATA (and after this call), when
   its kept ranges start at the new RCV.NXT (tcpfsm_rcv_nxt), it calls tcpfsm_reassembled with the
   length `len` of the contiguous run it holds from RCV.NXT on: RCV.NXT advances by `len`, RCV.WND
   shrinks by `len` (the bytes count as delivered: tcpfsm_consumed reopens the window), an ACK is
   sent and the output carries TCPFSM_SIG_DATA with data_seq = the old RCV.NXT, data_off = 0,
   data_len = len. TCPFSM_ERR_ARG if len > RCV.WND; TCPFSM_ERR_STATE outside ESTABLISHED,
   FIN-WAIT-1 and FIN-WAIT-2 (the states that receive text); len = 0 does nothing. */
int tcpfsm_reassembled(struct tcpfsm_conn *c, tcpfsm_time_t now, uint32_t len, struct tcpfsm_output *out);

/* An arriving segment for this connection (RFC 9293 3.10.7). */
int tcpfsm_segment(struct tcpfsm_conn *c, tcpfsm_time_t now, const struct tcpfsm_segment *seg,
                   struct tcpfsm_output *out);

/* The clock: call at or after out->deadline; does nothing before it. */
int tcpfsm_timer(struct tcpfsm_conn *c, tcpfsm_time_t now, struct tcpfsm_output *out);

/* A segment for which no connection exists (RFC 9293 3.10.7.1): fills `out` with the RST. */
int tcpfsm_reply_no_connection(const struct tcpfsm_segment *seg, struct tcpfsm_output *out);

/* Accessors. */
enum tcpfsm_state tcpfsm_state(const struct tcpfsm_conn *c);
/* Sequence variables (RFC 9293 3.3.1); 0 for a NULL connection. tcpfsm_iss() is ISS: the one the
   host gave (OPEN, tcpfsm_accept) or, after TCPFSM_SIG_REOPENED, the one the core chose. */
uint32_t tcpfsm_iss(const struct tcpfsm_conn *c);
uint32_t tcpfsm_snd_una(const struct tcpfsm_conn *c);
uint32_t tcpfsm_snd_nxt(const struct tcpfsm_conn *c);
uint32_t tcpfsm_rcv_nxt(const struct tcpfsm_conn *c);
uint16_t tcpfsm_snd_wnd(const struct tcpfsm_conn *c);
uint32_t tcpfsm_rcv_wnd(const struct tcpfsm_conn *c);
/* The send MSS: the largest payload of a segment we send (RFC 9293 3.7.1), min(cfg->mss, the
   peer's MSS option or TCPFSM_DEFAULT_MSS) once the peer's SYN is processed, cfg->mss before;
   0 for a NULL connection. */
uint16_t tcpfsm_snd_mss(const struct tcpfsm_conn *c);
/* Bytes written by the application and not yet sent (waiting for window). */
uint32_t tcpfsm_snd_queued(const struct tcpfsm_conn *c);
/* The current retransmission timeout in microseconds (RFC 6298, with backoff). */
uint32_t tcpfsm_rto(const struct tcpfsm_conn *c);
/* The pending deadline, TCPFSM_NO_DEADLINE if no timer runs. */
tcpfsm_time_t tcpfsm_deadline(const struct tcpfsm_conn *c);
const char *tcpfsm_state_name(enum tcpfsm_state s);

/* Wraparound-safe sequence comparison (RFC 9293 3.4): a < b modulo 2^32. */
int tcpfsm_seq_lt(uint32_t a, uint32_t b);
int tcpfsm_seq_le(uint32_t a, uint32_t b);

#ifdef __cplusplus
}
#endif

#endif /* TCPFSM_H */
