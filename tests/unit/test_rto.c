/*
 * test_rto.c - the retransmission timer (RFC 6298; RFC 9293 3.8.1, 3.8.3): the estimator's
 * arithmetic, clamping, Karn's rule, exponential backoff, the 3-second rule after a lost SYN, the
 * retry limits, and Linux's linear SYN timeouts. Expected values come from the RFC formulas in
 * fixtures.c (fx_rtt_sample), never from the core.
 */
#include "fixtures.h"

/* A configuration that shows the raw RFC 6298 arithmetic: minimum RTO 1 ms, maximum 60 s. */
static void tweak_raw(struct tcpfsm_config *cfg)
{
    cfg->rto_min = 1000u;
    cfg->rto_max = 60u * FX_S;
    cfg->retries = 10u;
    cfg->syn_linear_timeouts = 0;
}

/* Maximum RTO 2 s (a profile's bound, RFC 6298 2.5). */
static void tweak_max2s(struct tcpfsm_config *cfg)
{
    tweak_raw(cfg);
    cfg->rto_max = 2u * FX_S;
}

static const struct fx_params fx_v_raw = {
    "raw", &tcpfsm_profile_rfc, 0x11111111u, 0x22222222u, 10u * FX_S, 1, tweak_raw
};
static const struct fx_params fx_v_max2s = {
    "max2s", &tcpfsm_profile_rfc, 0x33333333u, 0x44444444u, 10u * FX_S, 1, tweak_max2s
};
/* The clock crosses 2^32 microseconds during the handshake. */
static const struct fx_params fx_v_rawclock = {
    "rawclock", &tcpfsm_profile_rfc, 7u, 9u, UINT64_C(0x100000000) - 40000u, 1, tweak_raw
};

/* Active open whose SYN,ACK arrives `rtt` after the SYN (T01, T12). */
static void establish_with_rtt(struct fx *f, uint32_t rtt)
{
    fx_to_syn_sent(f);
    fx_advance(f, rtt);
    fx_seg(f, TCPFSM_SYN | TCPFSM_ACK, f->irs, f->iss + 1u, 0);
    fx_expect_row(f, TCPFSM_ROW_T12, TCPFSM_ESTABLISHED);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
    f->snd_una = f->iss + 1u;
    f->rcv_nxt = f->irs + 1u;
    f->max_snd_wnd = f->peer_wnd;
    fx_rtt_sample(f, rtt);
}

/* Sends `len` bytes and checks the timer: deadline = now + expected_rto. */
static void send_and_expect_rto(struct fx *f, uint32_t len, uint32_t expected_rto)
{
    fx_send(f, len);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_ACK, (uint16_t)len);
    fx_expect_deadline(f, f->now + expected_rto);
    f->snd_nxt += len;
}

/* As send_and_expect_rto, within `tolerance` microseconds (integer rounding of the estimator). */
static void send_and_expect_rto_near(struct fx *f, uint32_t len, uint32_t expected_rto,
                                     uint32_t tolerance)
{
    tcpfsm_time_t got;
    fx_send(f, len);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->snd_nxt, f->rcv_nxt, TCPFSM_ACK, (uint16_t)len);
    got = f->out.deadline - f->now;
    if (got + tolerance < expected_rto || got > (tcpfsm_time_t)expected_rto + tolerance) {
        print_error("RTO: got %llu us, expected %lu us +- %lu\n", (unsigned long long)got,
                    (unsigned long)expected_rto, (unsigned long)tolerance);
        fail();
    }
    f->snd_nxt += len;
}

static void ack_all(struct fx *f)
{
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    fx_expect_events(f, TCPFSM_SIG_ACKED);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE); /* (5.2) */
    f->snd_una = f->snd_nxt;
}

/* (2.1) "Until a round-trip time (RTT) measurement has been made ... the sender SHOULD set
   RTO <- 1 second": the SYN's timer in every profile. */
static void test_rto_initial_one_second(void **state)
{
    struct fx *f = *state;
    assert_int_equal(f->cfg.rto_initial, FX_S);
    fx_to_syn_sent(f);
    fx_expect_deadline(f, f->now + FX_S);
}

/* (2.2) first measurement R: SRTT <- R, RTTVAR <- R/2, RTO <- SRTT + max(G, K*RTTVAR):
   R = 80 ms gives 80 + 4 * 40 = 240 ms. */
static void test_rto_first_sample(void **state)
{
    struct fx *f = *state;
    establish_with_rtt(f, 80u * FX_MS);
    assert_int_equal(f->rto, 240u * FX_MS);
    send_and_expect_rto(f, 100, 240u * FX_MS);
}

/* (2.3) subsequent measurement R': RTTVAR <- 3/4 RTTVAR + 1/4 |SRTT - R'| (with the old SRTT),
   then SRTT <- 7/8 SRTT + 1/8 R'. R = 800 ms then R' = 400 ms: RTTVAR = 300 + 100 = 400 ms,
   SRTT = 700 + 50 = 750 ms, RTO = 750 + 1600 = 2350 ms (2300 ms if SRTT were updated first). */
static void test_rto_second_sample(void **state)
{
    struct fx *f = *state;
    establish_with_rtt(f, 800u * FX_MS);
    assert_int_equal(f->rto, 2400u * FX_MS);
    send_and_expect_rto(f, 100, 2400u * FX_MS);
    fx_advance(f, 400u * FX_MS);
    ack_all(f);
    fx_rtt_sample(f, 400u * FX_MS);
    assert_int_equal(f->rto, 2350u * FX_MS);
    send_and_expect_rto(f, 100, 2350u * FX_MS);
}

/* (2.3) repeated: a run of samples, each checked (to within 8 us of rounding). */
static void test_rto_sample_series(void **state)
{
    static const uint32_t samples[] = { 120000u, 40000u, 200000u, 96000u, 64000u, 320000u };
    struct fx *f = *state;
    size_t i;
    establish_with_rtt(f, 160u * FX_MS);
    for (i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        send_and_expect_rto_near(f, 10, f->rto, 8u);
        fx_advance(f, samples[i]);
        ack_all(f);
        fx_rtt_sample(f, samples[i]);
    }
    send_and_expect_rto_near(f, 10, f->rto, 8u);
}

/* (2.4) "if it is less than 1 second, then the RTO SHOULD be rounded up to 1 second" - the
   profile's minimum: rfc 1 s, linux 200 ms, freebsd 30 ms. */
static void test_rto_minimum(void **state)
{
    struct fx *f = *state;
    uint32_t rtt = f->cfg.rto_min <= 30u * FX_MS ? 5u * FX_MS : 10u * FX_MS;
    establish_with_rtt(f, rtt);
    assert_int_equal(f->rto, f->cfg.rto_min); /* 3 * rtt is below every profile's minimum */
    send_and_expect_rto(f, 100, f->cfg.rto_min);
}

/* (2.5) "A maximum value MAY be placed on RTO": 2.4 s computed, 2 s configured. */
static void test_rto_maximum(void **state)
{
    struct fx *f = *state;
    establish_with_rtt(f, 800u * FX_MS);
    assert_int_equal(f->rto, 2u * FX_S);
    send_and_expect_rto(f, 100, 2u * FX_S);
}

/* RTT samples taken across a 2^32-microsecond boundary of the clock. */
static void test_rto_sample_across_clock_wrap(void **state)
{
    struct fx *f = *state;
    establish_with_rtt(f, 80u * FX_MS);
    assert_true(f->now > UINT64_C(0xffffffff));
    send_and_expect_rto(f, 100, 240u * FX_MS);
}

/* (5.5) "The host MUST set RTO <- RTO * 2", bounded by the maximum (2.5), for every
   retransmission until cfg.retries, then the connection times out (T44 ..., T45). */
static void test_rto_backoff_doubles(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_segment data = { 0, 0, TCPFSM_ACK, 0, 100, 0, TCPFSM_WSCALE_NONE };
    establish_with_rtt(f, 80u * FX_MS);
    data.seq = f->snd_nxt;
    data.ack = f->rcv_nxt;
    send_and_expect_rto(f, 100, 240u * FX_MS);
    fx_expect_retransmissions(f, f->cfg.retries, 0, 240u * FX_MS, TCPFSM_ROW_T44, &data,
                              TCPFSM_ROW_T45, TCPFSM_CLOSED, TCPFSM_SIG_TIMEOUT);
}

/* (5.5) with a 2 s maximum: 240 ms computed... RTT 800 ms gives 2 s (clamped), then 2, 2, ... */
static void test_rto_backoff_clamped_at_maximum(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_segment data = { 0, 0, TCPFSM_ACK, 0, 100, 0, TCPFSM_WSCALE_NONE };
    establish_with_rtt(f, 800u * FX_MS);
    data.seq = f->snd_nxt;
    data.ack = f->rcv_nxt;
    send_and_expect_rto(f, 100, 2u * FX_S);
    fx_expect_retransmissions(f, f->cfg.retries, 0, 2u * FX_S, TCPFSM_ROW_T44, &data,
                              TCPFSM_ROW_T45, TCPFSM_CLOSED, TCPFSM_SIG_TIMEOUT);
}

/* Karn (RFC 6298 section 3): "RTT samples MUST NOT be made using segments that were
   retransmitted"; section 5: the backed-off RTO stays until "a new RTT measurement is obtained
   (which can only happen when new data has been sent and acknowledged)". */
static void test_rto_karn(void **state)
{
    struct fx *f = *state;
    establish_with_rtt(f, 80u * FX_MS); /* RTO 240 ms */
    send_and_expect_rto(f, 100, 240u * FX_MS);
    fx_fire(f);
    fx_expect_row(f, TCPFSM_ROW_T44, TCPFSM_ESTABLISHED);
    fx_expect_deadline(f, f->now + 480u * FX_MS);
    /* the ACK comes 10 ms after the retransmission: a sample would give an RTO far below 480 */
    fx_advance(f, 10u * FX_MS);
    ack_all(f);
    /* no sample: the next segment is timed with the backed-off 480 ms */
    send_and_expect_rto(f, 100, 480u * FX_MS);
    /* a clean sample (80 ms) collapses it: RTTVAR = 30, SRTT = 80, RTO = 200 ms */
    fx_advance(f, 80u * FX_MS);
    ack_all(f);
    fx_rtt_sample(f, 80u * FX_MS);
    assert_int_equal(f->rto, 200u * FX_MS);
    send_and_expect_rto(f, 100, 200u * FX_MS);
}

/* Karn for the handshake, and (5.7): "If the timer expires awaiting the ACK of a SYN segment and
   the TCP implementation is using an RTO less than 3 seconds, the RTO MUST be re-initialized to
   3 seconds when data transmission begins (i.e., after the three-way handshake completes)." */
static void test_rto_syn_lost_three_seconds(void **state)
{
    struct fx *f = *state;
    fx_to_syn_sent(f);
    fx_fire(f);
    fx_expect_row(f, TCPFSM_ROW_T17, TCPFSM_SYN_SENT);
    fx_advance(f, 100u * FX_MS);
    fx_seg(f, TCPFSM_SYN | TCPFSM_ACK, f->irs, f->iss + 1u, 0);
    fx_expect_row(f, TCPFSM_ROW_T12, TCPFSM_ESTABLISHED);
    f->snd_una = f->iss + 1u;
    f->rcv_nxt = f->irs + 1u;
    send_and_expect_rto(f, 100, 3u * FX_S);
}

/* The same on the passive side: the SYN,ACK was retransmitted (T31), then the ACK of SYN. */
static void test_rto_synack_lost_three_seconds(void **state)
{
    struct fx *f = *state;
    fx_to_syn_received(f);
    fx_fire(f);
    fx_expect_row(f, TCPFSM_ROW_T31, TCPFSM_SYN_RECEIVED);
    fx_advance(f, 100u * FX_MS);
    fx_seg(f, TCPFSM_ACK, f->irs + 1u, f->iss + 1u, 0);
    fx_expect_row(f, TCPFSM_ROW_T21, TCPFSM_ESTABLISHED);
    f->snd_una = f->iss + 1u;
    send_and_expect_rto(f, 100, 3u * FX_S);
}

/* The clock before the deadline does nothing; at the deadline it retransmits. */
static void test_rto_timer_before_deadline(void **state)
{
    struct fx *f = *state;
    tcpfsm_time_t deadline;
    establish_with_rtt(f, 80u * FX_MS);
    send_and_expect_rto(f, 100, 240u * FX_MS);
    deadline = f->deadline;
    f->now = deadline - 1u;
    fx_timer(f);
    fx_expect_no_row(f);
    fx_expect_deadline(f, deadline);
    fx_fire(f);
    fx_expect_row(f, TCPFSM_ROW_T44, TCPFSM_ESTABLISHED);
}

/* Linux (tcp_syn_linear_timeouts = 4, tcp_syn_retries = 5 as the issue states): the first four
   retransmissions keep the initial 1 s RTO - "With an initial RTO of 1 and
   tcp_syn_linear_timeouts = 4 we would expect SYN RTOs to be: 1, 1, 1, 1, 1, 2, 4, ..." - so the
   SYN goes out at 0, 1, 2, 3, 4, 5 s and the connection times out at 7 s (T17 x5, T18). */
static void test_rto_linux_syn_linear_timeouts(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_segment syn = { 0, 0, TCPFSM_SYN, 0, 0, 0, TCPFSM_WSCALE_NONE };
    tcpfsm_time_t t0 = f->now;
    static const unsigned at[] = { 1u, 2u, 3u, 4u, 5u };
    unsigned k;
    assert_int_equal(f->cfg.syn_linear_timeouts, 4);
    assert_int_equal(f->cfg.syn_retries, 5);
    fx_to_syn_sent(f);
    syn.seq = f->iss;
    for (k = 0; k < 5; k++) {
        fx_fire(f);
        assert_true(f->now == t0 + at[k] * (tcpfsm_time_t)FX_S);
        fx_expect_row(f, TCPFSM_ROW_T17, TCPFSM_SYN_SENT);
        fx_expect_count(f, 1);
        fx_expect_seg(f, 0, syn.seq, 0, TCPFSM_SYN, 0);
    }
    fx_fire(f);
    assert_true(f->now == t0 + 7u * (tcpfsm_time_t)FX_S);
    fx_expect_row(f, TCPFSM_ROW_T18, TCPFSM_CLOSED);
    fx_expect_events(f, TCPFSM_SIG_TIMEOUT);
}

/* Linux SYN,ACK (tcp_synack_retries = 5, linear timeouts "no effect on SYNACK"): retransmissions
   at 1, 3, 7, 15, 31 s, back to LISTEN at 63 s (T31 x5, T32). */
static void test_rto_linux_synack_exponential(void **state)
{
    struct fx *f = *state;
    tcpfsm_time_t t0;
    static const unsigned at[] = { 1u, 3u, 7u, 15u, 31u };
    unsigned k;
    assert_int_equal(f->cfg.synack_retries, 5);
    fx_to_syn_received(f);
    t0 = f->now;
    for (k = 0; k < 5; k++) {
        fx_fire(f);
        assert_true(f->now == t0 + at[k] * (tcpfsm_time_t)FX_S);
        fx_expect_row(f, TCPFSM_ROW_T31, TCPFSM_SYN_RECEIVED);
        fx_expect_seg(f, 0, f->iss, f->irs + 1u, TCPFSM_SYN | TCPFSM_ACK, 0);
    }
    fx_fire(f);
    assert_true(f->now == t0 + 63u * (tcpfsm_time_t)FX_S);
    fx_expect_row(f, TCPFSM_ROW_T32, TCPFSM_LISTEN);
    fx_expect_events(f, TCPFSM_SIG_LISTEN);
}

/* RFC 9293 3.8.3: "The value of R2 for a SYN segment MUST be set large enough to provide
   retransmission of the segment for at least 3 minutes." (rfc profile) */
static void test_rto_rfc_syn_r2_three_minutes(void **state)
{
    struct fx *f = *state;
    tcpfsm_time_t t0 = f->now;
    unsigned n = 0;
    fx_to_syn_sent(f);
    for (;;) {
        fx_fire(f);
        if (f->out.row != TCPFSM_ROW_T17) {
            break;
        }
        assert_true(++n < 1000u);
    }
    fx_expect_row(f, TCPFSM_ROW_T18, TCPFSM_CLOSED);
    assert_true(f->now - t0 >= 180u * (tcpfsm_time_t)FX_S);
}

/* RFC 9293 3.8.3: "R2 SHOULD correspond to at least 100 seconds." (rfc profile, data) */
static void test_rto_rfc_data_r2_100_seconds(void **state)
{
    struct fx *f = *state;
    tcpfsm_time_t t0;
    unsigned n = 0;
    fx_send(f, 100);
    t0 = f->now;
    for (;;) {
        fx_fire(f);
        if (f->out.row != TCPFSM_ROW_T44) {
            break;
        }
        assert_true(++n < 1000u);
    }
    fx_expect_row(f, TCPFSM_ROW_T45, TCPFSM_CLOSED);
    assert_true(f->now - t0 >= 100u * (tcpfsm_time_t)FX_S);
}


/* A zero RTT sample: SRTT = RTTVAR = 0, RTO <- SRTT + max(G, K*RTTVAR) = G, rounded up to the
   minimum (1 ms here). */
static void test_rto_zero_sample(void **state)
{
    struct fx *f = *state;
    establish_with_rtt(f, 0u);
    assert_int_equal(f->rto, f->cfg.rto_min);
    send_and_expect_rto(f, 100, f->cfg.rto_min);
}

/* Forty retransmissions: the backoff stays clamped at the maximum (60 s), then T45. */
static void tweak_many(struct tcpfsm_config *cfg)
{
    tweak_raw(cfg);
    cfg->retries = 40u;
}
static const struct fx_params fx_v_many = {
    "many", &tcpfsm_profile_rfc, 0x55555555u, 0x66666666u, 10u * FX_S, 1, tweak_many
};

static void test_rto_many_retries_clamped(void **state)
{
    test_rto_backoff_doubles(state);
}


/* The largest retry limit (255): the connection gives up after exactly 255 retransmissions. */
static void tweak_255(struct tcpfsm_config *cfg)
{
    tweak_raw(cfg);
    cfg->retries = 255u;
}
static const struct fx_params fx_v_r255 = {
    "r255", &tcpfsm_profile_rfc, 0x77777777u, 0x88888888u, 10u * FX_S, 1, tweak_255
};

static void test_rto_255_retries(void **state)
{
    test_rto_backoff_doubles(state);
}

/* An initial RTO of 4 s (a configuration above RFC 6298's 1 s). */
static void tweak_init4s(struct tcpfsm_config *cfg)
{
    tweak_raw(cfg);
    cfg->rto_initial = 4u * FX_S;
}
static const struct fx_params fx_v_init4s = {
    "init4s", &tcpfsm_profile_rfc, 0x99999999u, 0xaaaaaaaau, 10u * FX_S, 1, tweak_init4s
};

/* (5.7) applies only "if ... the TCP implementation is using an RTO less than 3 seconds": with an
   initial RTO of 4 s, a lost SYN leaves data transmission at 4 s (Karn: no sample from the
   retransmitted SYN, so the RTO is still the initial one), not lowered to 3 s. */
static void test_rto_syn_lost_initial_above_three_seconds(void **state)
{
    struct fx *f = *state;
    fx_to_syn_sent(f);
    fx_expect_deadline(f, f->now + 4u * FX_S);
    fx_fire(f);
    fx_expect_row(f, TCPFSM_ROW_T17, TCPFSM_SYN_SENT);
    fx_expect_deadline(f, f->now + 8u * FX_S);
    fx_advance(f, 100u * FX_MS);
    fx_seg(f, TCPFSM_SYN | TCPFSM_ACK, f->irs, f->iss + 1u, 0);
    fx_expect_row(f, TCPFSM_ROW_T12, TCPFSM_ESTABLISHED);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
    f->snd_una = f->iss + 1u;
    f->rcv_nxt = f->irs + 1u;
    send_and_expect_rto(f, 100, 4u * FX_S);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TESTS(test_rto_initial_one_second, setup_closed),
        FX_CASE(test_rto_first_sample, setup_closed, raw),
        FX_CASE(test_rto_first_sample, setup_closed, rawclock),
        FX_CASE(test_rto_second_sample, setup_closed, raw),
        FX_CASE(test_rto_sample_series, setup_closed, raw),
        FX_TESTS(test_rto_sample_series, setup_closed),
        FX_CASE(test_rto_minimum, setup_closed, rfc),
        FX_CASE(test_rto_minimum, setup_closed, linux),
        FX_CASE(test_rto_minimum, setup_closed, freebsd),
        FX_CASE(test_rto_maximum, setup_closed, max2s),
        FX_CASE(test_rto_sample_across_clock_wrap, setup_closed, rawclock),
        FX_CASE(test_rto_backoff_doubles, setup_closed, raw),
        FX_CASE(test_rto_backoff_clamped_at_maximum, setup_closed, max2s),
        FX_CASE(test_rto_karn, setup_closed, raw),
        FX_TESTS(test_rto_syn_lost_three_seconds, setup_closed),
        FX_TESTS(test_rto_synack_lost_three_seconds, setup_closed),
        FX_CASE(test_rto_timer_before_deadline, setup_closed, raw),
        FX_CASE(test_rto_linux_syn_linear_timeouts, setup_closed, linux),
        FX_CASE(test_rto_linux_synack_exponential, setup_closed, linux),
        FX_CASE(test_rto_rfc_syn_r2_three_minutes, setup_closed, rfc),
        FX_CASE(test_rto_rfc_data_r2_100_seconds, setup_established, rfc),
        FX_CASE(test_rto_zero_sample, setup_closed, raw),
        FX_CASE(test_rto_many_retries_clamped, setup_closed, many),
        FX_CASE(test_rto_255_retries, setup_closed, r255),
        FX_CASE(test_rto_syn_lost_initial_above_three_seconds, setup_closed, init4s),
    };
    return FX_RUN("test_rto", tests);
}
