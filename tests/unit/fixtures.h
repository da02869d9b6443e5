/*
 * fixtures.h - shared fixtures and assertions for the tcpfsm cmocka unit tests.
 *
 * One fixture per state, each built by chaining real transitions through the public API
 * (tcpfsm.h) from CLOSED: setup_syn_sent from CLOSED (T01), setup_syn_received from LISTEN (T02,
 * T05), setup_established from SYN-RECEIVED (T21) or SYN-SENT (T12), and so on. Every step of a
 * chain asserts the row, the state and the segments the RFC prescribes, so a fixture that builds
 * is itself evidence.
 *
 * The fixture keeps its own copy of the RFC 9293 variables (ISS, IRS, SND.UNA, SND.NXT, RCV.NXT,
 * RCV.WND, MAX.SND.WND) and of the RFC 6298 estimator (SRTT, RTTVAR, RTO), computed from the RFCs
 * as the test drives the connection; expectations come from these, never from the private fields
 * of struct tcpfsm_conn.
 *
 * Variants (struct fx_params, passed as cmocka's initial state): every profile, and sequence
 * numbers and times close to 2^32. FX_TESTS(fn, setup) registers `fn` once per variant, named
 * "fn/variant".
 *
 * Row coverage: fx_expect_row() notes each row id it has verified, in the fixture's chain and in
 * the test; when the test returns (all its assertions passed) fx_dispatch() counts them; fx_run()
 * appends the counted ids to the file named by $TCPFSM_ROWS_FILE (one id a line) when the group
 * has run, and check_rows (check_rows.c) compares the union with tcpfsm_rows[].
 */
#ifndef TCPFSM_TEST_FIXTURES_H
#define TCPFSM_TEST_FIXTURES_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "tcpfsm.h"

/* Microseconds. */
#define FX_MS 1000u
#define FX_S 1000000u

/* The round-trip time of the simulated peer in the fixtures (RFC 6298 samples). */
#define FX_RTT (80u * FX_MS)
/* The window the simulated peer advertises in every segment. */
#define FX_PEER_WND 16384u

struct fx_params {
    const char *name;
    const struct tcpfsm_config *profile;
    uint32_t iss, irs;               /* our ISS and the peer's ISS (our IRS) */
    tcpfsm_time_t t0;                /* clock at the start of the chain */
    int active;                      /* 1: ESTABLISHED through an active open (T01, T12) */
    void (*tweak)(struct tcpfsm_config *cfg); /* configuration changes after copying the profile */
};

/* The variants, see fixtures.c. */
extern const struct fx_params fx_v_rfc;      /* rfc profile, passive open */
extern const struct fx_params fx_v_linux;    /* linux profile, active open, ISS/IRS around 2^31 */
extern const struct fx_params fx_v_freebsd;  /* freebsd profile, passive, ISS just below 2^32 */
extern const struct fx_params fx_v_wrap;     /* rfc, active, ISS = 2^32-1, IRS = 2^32-2, clock near 2^32 us */
extern const struct fx_params fx_v_rfc793;   /* rfc with RFC 5961 and RFC 1337 off, window crossing 2^32 */
extern const struct fx_params fx_v_reopen;   /* rfc with TIME-WAIT reopening on, RFC 1337 off, active */

/* A registered test: its variant and its function. cmocka runs fx_dispatch, which runs the test
   and, only when it returns (every assertion passed), counts the rows it verified. */
struct fx_case {
    const struct fx_params *params;
    void (*test)(void **state);
};
void fx_dispatch(void **state);
#define FX_CASE(fn, setup, variant)                                                      \
    { #fn "/" #variant, fx_dispatch, setup, fx_teardown,                                 \
      (void *)&(const struct fx_case){ &fx_v_##variant, fn } }
/* One test, run on every variant. */
#define FX_TESTS(fn, setup)                                                              \
    FX_CASE(fn, setup, rfc), FX_CASE(fn, setup, linux), FX_CASE(fn, setup, freebsd),     \
    FX_CASE(fn, setup, wrap), FX_CASE(fn, setup, rfc793), FX_CASE(fn, setup, reopen)

/* One test, run on the variants that have every RFC 5961 mitigation on (not rfc793). */
#define FX_TESTS_5961(fn, setup)                                                         \
    FX_CASE(fn, setup, rfc), FX_CASE(fn, setup, linux), FX_CASE(fn, setup, freebsd),     \
    FX_CASE(fn, setup, wrap), FX_CASE(fn, setup, reopen)

struct fx {
    const struct fx_params *p;
    void (*test)(void **state);      /* the test to run on this fixture (fx_dispatch) */
    struct tcpfsm_config cfg;        /* the connection's configuration (a tweaked profile copy) */
    struct tcpfsm_conn conn;
    struct tcpfsm_output out;        /* output of the last call */
    int rc;                          /* return code of the last call */
    tcpfsm_time_t now;
    tcpfsm_time_t deadline;          /* the deadline the core reported last */
    tcpfsm_time_t deadline_before;   /* ... before the last call */
    uint8_t before;                  /* state before the last call */

    /* RFC 9293 variables, as the RFC says they must be. */
    uint32_t iss, irs, snd_una, snd_nxt, rcv_nxt;
    uint32_t rcv_wnd;                /* our receive window: cfg.window minus unconsumed data */
    uint16_t peer_wnd;               /* the window the simulated peer advertises */
    uint32_t max_snd_wnd;            /* MAX.SND.WND (RFC 5961 5.2) */
    int passive;                     /* SYN-RECEIVED came from LISTEN */

    /* RFC 6298 estimator, as the RFC says it must be. */
    int have_srtt;
    uint32_t srtt, rttvar, rto;
};

/* ---------------------------------------------------------------- fixtures (cmocka setups) */
int fx_teardown(void **state);
int setup_closed(void **state);
int setup_listen(void **state);
int setup_syn_sent(void **state);
int setup_syn_received(void **state);              /* passive: CLOSED -T02-> LISTEN -T05-> */
int setup_syn_received_simultaneous(void **state); /* active: CLOSED -T01-> SYN-SENT -T13-> */
int setup_established(void **state);               /* passive or active, as the variant says */
int setup_established_passive(void **state);
int setup_established_active(void **state);
int setup_fin_wait_1(void **state);                /* ESTABLISHED -T46-> */
int setup_fin_wait_2(void **state);                /* FIN-WAIT-1 -T48-> */
int setup_close_wait(void **state);                /* ESTABLISHED -T37-> */
int setup_closing(void **state);                   /* FIN-WAIT-1 -T50-> */
int setup_last_ack(void **state);                  /* CLOSE-WAIT -T73-> */
int setup_time_wait(void **state);                 /* FIN-WAIT-2 -T62-> */

/* The same chains, for a fixture already in the state before (used inside tests). */
struct fx *fx_new(const struct fx_params *p);
void fx_to_listen(struct fx *f);
void fx_to_syn_sent(struct fx *f);
void fx_to_syn_received(struct fx *f);
void fx_to_syn_received_simultaneous(struct fx *f);
void fx_to_established_passive(struct fx *f);
void fx_to_established_active(struct fx *f);
void fx_to_fin_wait_1(struct fx *f);
void fx_to_fin_wait_2(struct fx *f);
void fx_to_close_wait(struct fx *f);
void fx_to_closing(struct fx *f);
void fx_to_last_ack(struct fx *f);
void fx_to_time_wait(struct fx *f);

/* ---------------------------------------------------------------- driving the connection */
/* Each asserts TCPFSM_OK and records the state and deadline before the call. */
/* A segment header <SEQ=seq><ACK=ack><CTL=flags>, `len` octets, window `wnd`, MSS option `mss` (0: none). */
struct tcpfsm_segment fx_segment(unsigned flags, uint32_t seq, uint32_t ack, uint16_t len, uint16_t wnd,
                                 uint16_t mss);
void fx_seg(struct fx *f, unsigned flags, uint32_t seq, uint32_t ack, uint16_t len);
void fx_seg_wnd(struct fx *f, unsigned flags, uint32_t seq, uint32_t ack, uint16_t len, uint16_t wnd);
/* fx_seg with the peer's MSS option `mss` (0: none) and a window-scale option (ignored). */
void fx_seg_mss(struct fx *f, unsigned flags, uint32_t seq, uint32_t ack, uint16_t len, uint16_t mss);
/* The application writes `total` octets (at most 3 segments' worth): they go out at SND.NXT in
   segments of the send MSS `mss` (the last one shorter), without options, and tcpfsm_snd_mss()
   is `mss`. SND.NXT advances over them. */
void fx_expect_data_cut(struct fx *f, uint32_t total, uint16_t mss);
void fx_open_active(struct fx *f, uint32_t iss);
void fx_open_passive(struct fx *f, uint32_t iss);
void fx_close(struct fx *f);
void fx_abort(struct fx *f);
void fx_send(struct fx *f, uint32_t len);
void fx_consumed(struct fx *f, uint32_t len);
void fx_push(struct fx *f);                  /* tcpfsm_push */
void fx_reassembled(struct fx *f, uint32_t len); /* tcpfsm_reassembled, expected to succeed */
void fx_timer(struct fx *f);                 /* tcpfsm_timer at f->now */
void fx_fire(struct fx *f);                  /* advance the clock to the deadline, then fx_timer */
void fx_advance(struct fx *f, tcpfsm_time_t dt);
/* A user call expected to fail with `rc`: asserts the code and that the state did not change. */
void fx_expect_call_fails(struct fx *f, int rc, int (*call)(struct tcpfsm_conn *, tcpfsm_time_t,
                                                            struct tcpfsm_output *));
void fx_expect_send_fails(struct fx *f, int rc, uint32_t len);
void fx_expect_open_fails(struct fx *f, int rc, int passive);

/* ---------------------------------------------------------------- assertions on the last call */
const struct tcpfsm_row_info *fx_row_info(unsigned row);
/* out.row == row, out.event == the row's event, the row starts in the state before the call and
   ends in `next`, out.state and tcpfsm_state() are `next`. Records the row as exercised. */
void fx_expect_row(struct fx *f, unsigned row, enum tcpfsm_state next);
/* No table row: row NONE, state unchanged, nothing emitted, no event for the application. */
void fx_expect_no_row(struct fx *f);
/* No table row and no state change; output not checked (a user call such as SEND). */
void fx_expect_no_transition(struct fx *f);
void fx_expect_count(struct fx *f, unsigned count);
/* segments[i] is <SEQ=seq><ACK=ack><CTL=flags> with `len` bytes of payload. The ACK field is
   compared only when flags has ACK; PSH is ignored on segments that carry payload. */
void fx_expect_seg(struct fx *f, unsigned i, uint32_t seq, uint32_t ack, unsigned flags, uint16_t len);
/* segments[i] is <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> (an ACK, or a challenge ACK). */
void fx_expect_ack(struct fx *f, unsigned i);
/* The ACK a row or text owes: fx_expect_ack, or with the knob ack_repeats_fin while our FIN is
   unacknowledged (FIN-WAIT-1, CLOSING, LAST-ACK) the FIN again <SEQ=SND.NXT-1><CTL=FIN,ACK>. */
void fx_expect_owed_ack(struct fx *f, unsigned i);
void fx_expect_window(struct fx *f, unsigned i, uint16_t window);
void fx_expect_events(struct fx *f, unsigned events);
/* As fx_expect_events, but bits in `dont_care` may or may not be set. */
void fx_expect_events_mask(struct fx *f, unsigned events, unsigned dont_care);
void fx_expect_deadline(struct fx *f, tcpfsm_time_t deadline);
/* The text range of the last call: out.data_seq, out.data_off, out.data_len. */
void fx_expect_data(struct fx *f, uint32_t seq, uint32_t off, uint32_t len);
/* The accessors agree with the model: SND.UNA, SND.NXT, RCV.NXT (once a SYN was received),
   RCV.WND, SND.WND (once synchronized) and the deadline. */
void fx_expect_vars(struct fx *f);
void fx_expect_deadline_unchanged(struct fx *f);
/* The peer fills our whole receive window with text acknowledging `ack` (row `row`, state
   unchanged): an ACK advertising a zero window. */
void fx_fill_window(struct fx *f, uint32_t ack, unsigned row);
/* The retransmission timer fires: row `row` keeps the state and resends one segment
   <SEQ=seq><ACK=RCV.NXT><CTL=flags> with `len` bytes, no event, and the timer restarts with the
   RTO doubled (RFC 6298 5.4-5.6), at most cfg.rto_max. */
void fx_expect_rto_fires(struct fx *f, unsigned row, uint32_t seq, unsigned flags, uint16_t len);
/* ABORT: row `row` enters CLOSED with TCPFSM_SIG_CLOSED and no timer; with `rst`, it sends
   "a reset segment: <SEQ=SND.NXT><CTL=RST>", otherwise nothing. */
void fx_expect_abort(struct fx *f, unsigned row, int rst);
/* 100 bytes are sent and never acknowledged: `rto_row` retransmits them from SND.UNA
   cfg.retries times, then `giveup_row` closes with TCPFSM_SIG_TIMEOUT (3.8.3 R2). */
void fx_expect_data_rto_giveup(struct fx *f, unsigned rto_row, unsigned giveup_row);
/* CLOSE (row `close_row`, to `next`) with more queued than one output carries: SEND leaves data
   queued (SIG_MORE), CLOSE sends three more segments and cannot add the FIN yet (SIG_MORE), SEND is
   refused ("error: connection closing") and PUSH sends the last segment, then the FIN; a second
   PUSH sends nothing. */
void fx_expect_close_then_push(struct fx *f, unsigned close_row, enum tcpfsm_state next);
/* The application then consumes all of it: no transition, the window is whole again, and any
   segment sent is a window update <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> with the whole window. */
void fx_consume_window(struct fx *f);

/* ---------------------------------------------------------------- sequence space */
int fx_seq_lt(uint32_t a, uint32_t b);       /* reference: (int32_t)(a - b) < 0 */
int fx_in_rcv_window(const struct fx *f, uint32_t seq); /* RCV.NXT =< seq < RCV.NXT+RCV.WND */
/* RFC 6298 2.2/2.3, then 2.4/2.5 clamping, applied to the fixture's estimator. */
void fx_rtt_sample(struct fx *f, uint32_t r);
uint32_t fx_clamp_rto(const struct fx *f, uint64_t rto);

/* ---------------------------------------------------------------- RFC 5961 cases */
/* The rows of one synchronized state, for the generic RFC 5961 / acceptability checks. */
struct fx_sync_rows {
    unsigned rst;                 /* valid RST (SEG.SEQ = RCV.NXT) */
    unsigned rst_rfc1337;         /* TIME-WAIT: valid RST when RFC 1337 is on (ignored); else 0 */
    enum tcpfsm_state rst_next;   /* state after a valid RST */
    unsigned rst_events;          /* events after a valid RST */
    unsigned rst_challenge;       /* RST in the window, not at RCV.NXT */
    unsigned rst_challenge_rfc1337; /* TIME-WAIT: the same when RFC 1337 is on; else 0 */
    unsigned syn_challenge;       /* SYN_SYNC with rfc5961_syn */
    unsigned syn_reset;           /* SYN_SYNC without rfc5961_syn (SYN in the window) */
    unsigned ack_invalid;         /* ACK_INVALID */
    unsigned unacceptable;        /* UNACCEPTABLE */
    unsigned ack;                 /* an acceptable ACK that acknowledges nothing new */
    unsigned rst_resets;          /* CLOSING, LAST-ACK: valid RST with closing_rst_resets on; else 0 */
};
/* A RST (with the ACK bit when with_ack, SEG.ACK = SND.NXT) at `seq`: reset at RCV.NXT, challenge
   ACK elsewhere in the window (RFC 5961 3.2; any in-window RST resets with rfc5961_rst off), dropped
   outside it. */
void fx_rst_case(struct fx *f, const struct fx_sync_rows *rows, uint32_t seq, int with_ack);
/* A SYN at `seq`: challenge ACK whatever the sequence number (RFC 5961 4.2); with rfc5961_syn off,
   RFC 793: RST and CLOSED when in the window, an ACK when not. */
void fx_syn_case(struct fx *f, const struct fx_sync_rows *rows, uint32_t seq);
/* An ACK-only segment at `seq` with SEG.ACK = SND.UNA: nothing when acceptable, an ACK when not. */
void fx_ack_seq_case(struct fx *f, const struct fx_sync_rows *rows, uint32_t seq);
/* An ACK-only segment at RCV.NXT with SEG.ACK = `ack`, where `ack` acknowledges nothing new:
   challenge ACK when outside SND.UNA - MAX.SND.WND =< SEG.ACK =< SND.NXT (RFC 5961 5.2; with
   rfc5961_ack off only SEG.ACK > SND.NXT draws the ACK of RFC 9293 3.10.7.4 fifth). */
void fx_ack_value_case(struct fx *f, const struct fx_sync_rows *rows, uint32_t ack);
/* A data segment entirely outside the window: an ACK (RFC 9293 3.10.7.4 first). */
void fx_data_outside_case(struct fx *f, const struct fx_sync_rows *rows);
/* A segment without the ACK bit (no SYN, no RST) in the window: dropped (3.10.7.4 fifth). */
void fx_no_ack_bit_case(struct fx *f);

/* The RFC 5961 matrices, generated per state: `rows` names a struct fx_sync_rows of the test file,
   whose comment gives the row each test takes. Left edge = RCV.NXT, right edge = RCV.NXT+RCV.WND-1,
   just outside = RCV.NXT+RCV.WND and RCV.NXT-1. */
#define FX_RST_MATRIX(st, rows)                                                                  \
    static void test_##st##_rst_left_edge(void **s)                                              \
    { struct fx *f = *s; fx_rst_case(f, &(rows), f->rcv_nxt, 0); }                               \
    static void test_##st##_rst_left_edge_with_ack(void **s)                                     \
    { struct fx *f = *s; fx_rst_case(f, &(rows), f->rcv_nxt, 1); }                               \
    static void test_##st##_rst_just_inside_left_edge(void **s)                                  \
    { struct fx *f = *s; fx_rst_case(f, &(rows), f->rcv_nxt + 1u, 0); }                          \
    static void test_##st##_rst_right_edge(void **s)                                             \
    { struct fx *f = *s; fx_rst_case(f, &(rows), f->rcv_nxt + f->rcv_wnd - 1u, 0); }             \
    static void test_##st##_rst_just_outside_right_edge(void **s)                                \
    { struct fx *f = *s; fx_rst_case(f, &(rows), f->rcv_nxt + f->rcv_wnd, 0); }                  \
    static void test_##st##_rst_just_outside_left_edge(void **s)                                 \
    { struct fx *f = *s; fx_rst_case(f, &(rows), f->rcv_nxt - 1u, 0); }
#define FX_RST_MATRIX_TESTS(st, setup)                                                           \
    FX_TESTS(test_##st##_rst_left_edge, setup), FX_TESTS(test_##st##_rst_left_edge_with_ack, setup), \
    FX_TESTS(test_##st##_rst_just_inside_left_edge, setup),                                      \
    FX_TESTS(test_##st##_rst_right_edge, setup),                                                 \
    FX_TESTS(test_##st##_rst_just_outside_right_edge, setup),                                    \
    FX_TESTS(test_##st##_rst_just_outside_left_edge, setup)

#define FX_SYN_MATRIX(st, rows)                                                                  \
    static void test_##st##_syn_left_edge(void **s)                                              \
    { struct fx *f = *s; fx_syn_case(f, &(rows), f->rcv_nxt); }                                  \
    static void test_##st##_syn_right_edge(void **s)                                             \
    { struct fx *f = *s; fx_syn_case(f, &(rows), f->rcv_nxt + f->rcv_wnd - 1u); }                \
    static void test_##st##_syn_just_outside_right_edge(void **s)                                \
    { struct fx *f = *s; fx_syn_case(f, &(rows), f->rcv_nxt + f->rcv_wnd); }                     \
    static void test_##st##_syn_just_outside_left_edge(void **s)                                 \
    { struct fx *f = *s; fx_syn_case(f, &(rows), f->rcv_nxt - 1u); }
#define FX_SYN_MATRIX_TESTS(st, setup)                                                           \
    FX_TESTS(test_##st##_syn_left_edge, setup), FX_TESTS(test_##st##_syn_right_edge, setup),     \
    FX_TESTS(test_##st##_syn_just_outside_right_edge, setup),                                    \
    FX_TESTS(test_##st##_syn_just_outside_left_edge, setup)

#define FX_ACK_MATRIX(st, rows)                                                                  \
    static void test_##st##_ack_left_edge(void **s)                                              \
    { struct fx *f = *s; fx_ack_seq_case(f, &(rows), f->rcv_nxt); }                              \
    static void test_##st##_ack_right_edge(void **s)                                             \
    { struct fx *f = *s; fx_ack_seq_case(f, &(rows), f->rcv_nxt + f->rcv_wnd - 1u); }            \
    static void test_##st##_ack_just_outside_right_edge(void **s)                                \
    { struct fx *f = *s; fx_ack_seq_case(f, &(rows), f->rcv_nxt + f->rcv_wnd); }                 \
    static void test_##st##_ack_just_outside_left_edge(void **s)                                 \
    { struct fx *f = *s; fx_ack_seq_case(f, &(rows), f->rcv_nxt - 1u); }                         \
    static void test_##st##_ack_value_above_snd_nxt(void **s)                                    \
    { struct fx *f = *s; fx_ack_value_case(f, &(rows), f->snd_nxt + 1u); }                       \
    static void test_##st##_ack_value_lowest_acceptable(void **s)                                \
    { struct fx *f = *s; fx_ack_value_case(f, &(rows), f->snd_una - f->max_snd_wnd); }           \
    static void test_##st##_ack_value_below_lowest_acceptable(void **s)                          \
    { struct fx *f = *s; fx_ack_value_case(f, &(rows), f->snd_una - f->max_snd_wnd - 1u); }      \
    static void test_##st##_ack_data_outside_window(void **s)                                    \
    { fx_data_outside_case(*s, &(rows)); }                                                       \
    static void test_##st##_ack_bit_off_dropped(void **s)                                        \
    { fx_no_ack_bit_case(*s); }
#define FX_ACK_MATRIX_TESTS(st, setup)                                                           \
    FX_TESTS(test_##st##_ack_left_edge, setup), FX_TESTS(test_##st##_ack_right_edge, setup),     \
    FX_TESTS(test_##st##_ack_just_outside_right_edge, setup),                                    \
    FX_TESTS(test_##st##_ack_just_outside_left_edge, setup),                                     \
    FX_TESTS(test_##st##_ack_value_above_snd_nxt, setup),                                        \
    FX_TESTS(test_##st##_ack_value_lowest_acceptable, setup),                                    \
    FX_TESTS(test_##st##_ack_value_below_lowest_acceptable, setup),                              \
    FX_TESTS(test_##st##_ack_data_outside_window, setup),                                        \
    FX_TESTS(test_##st##_ack_bit_off_dropped, setup)

/* ---------------------------------------------------------------- retransmission */
/* Fire the retransmission timer `retries` times, expecting `rto_row` each time with one
   retransmitted segment equal to `seg` and the deadline backing off from `first_rto` (doubling
   after the first `linear` retransmissions, clamped at cfg.rto_max); then once more, expecting
   `giveup_row`, `giveup_next` and `giveup_events` with nothing emitted. */
void fx_expect_retransmissions(struct fx *f, unsigned retries, unsigned linear, uint32_t first_rto,
                               unsigned rto_row, const struct tcpfsm_segment *seg,
                               unsigned giveup_row, enum tcpfsm_state giveup_next,
                               unsigned giveup_events);

/* ---------------------------------------------------------------- running */
/* Runs the group and appends the verified row ids to $TCPFSM_ROWS_FILE, if set. */
int fx_run(const char *name, const struct CMUnitTest *tests, size_t count);
#define FX_RUN(name, tests) fx_run(name, tests, sizeof(tests) / sizeof((tests)[0]))

#endif /* TCPFSM_TEST_FIXTURES_H */
