/*
 * test_profiles.c - the shipped profiles, as the facts of issue 4 state them, and the behaviour
 * that follows from them (TIME-WAIT length, RST in TIME-WAIT, FIN-WAIT-2 timeout, advertised
 * window).
 *
 *   rfc:     initial RTO 1 s, minimum 1 s, maximum 60 s, doubling backoff, MSL 2 min
 *            (TIME-WAIT 4 min), RFC 5961 and RFC 1337 on.
 *   linux:   initial RTO 1 s, minimum 200 ms, SYN retries 5 with 4 linear timeouts, SYN+ACK
 *            retries 5, TIME-WAIT 60 s, FIN-WAIT-2 timeout 60 s, RFC 5961 on, RFC 1337 off.
 *   freebsd: initial RTO 1 s, minimum 30 ms, MSL 30 s (TIME-WAIT 60 s), RFC 5961 on
 *            (insecure_rst = insecure_syn = 0), RFC 1337 on, advertised window 65535.
 */
#include "fixtures.h"

static void test_profiles_rfc_values(void **state)
{
    const struct tcpfsm_config *p = &tcpfsm_profile_rfc;
    (void)state;
    assert_int_equal(p->rto_initial, 1u * FX_S);
    assert_int_equal(p->rto_min, 1u * FX_S);
    assert_int_equal(p->rto_max, 60u * FX_S);
    assert_int_equal(p->syn_linear_timeouts, 0); /* doubling from the first retransmission */
    assert_int_equal(p->msl, 120u * FX_S);
    assert_int_equal(p->rfc5961_rst, 1);
    assert_int_equal(p->rfc5961_syn, 1);
    assert_int_equal(p->rfc5961_ack, 1);
    assert_int_equal(p->rfc1337, 1);
    /* strictly RFC 9293: none of the BSD behaviours */
    assert_int_equal(p->tw_bsd, 0);
    assert_int_equal(p->drop_synfin, 0);
    assert_int_equal(p->listen_synack_drop, 0);
    /* strictly RFC 9293: none of the FreeBSD behaviours of issue 12 */
    assert_int_equal(p->ack_repeats_fin, 0);
    assert_int_equal(p->syn_rst_from_tcb, 0);
    assert_int_equal(p->closing_rst_resets, 0);
    assert_int_equal(p->abort_rst_ack, 0);      /* RFC 9293 3.10.5: <SEQ=SND.NXT><CTL=RST> */
    assert_int_equal(p->user_timeout, 0);       /* R2 by count (RFC 9293 3.8.3) */
    assert_int_equal(p->connect_timeout, 0);
}

static void test_profiles_linux_values(void **state)
{
    const struct tcpfsm_config *p = &tcpfsm_profile_linux;
    (void)state;
    assert_int_equal(p->rto_initial, 1u * FX_S);
    assert_int_equal(p->rto_min, 200u * FX_MS);
    assert_int_equal(p->syn_retries, 5);
    assert_int_equal(p->syn_linear_timeouts, 4);
    assert_int_equal(p->synack_retries, 5);
    assert_int_equal(2u * (uint64_t)p->msl, 60u * FX_S);
    assert_int_equal(p->fin_wait_2_timeout, 60u * FX_S);
    assert_int_equal(p->rfc5961_rst, 1);
    assert_int_equal(p->rfc5961_syn, 1);
    assert_int_equal(p->rfc5961_ack, 1);
    assert_int_equal(p->rfc1337, 0);
    assert_int_equal(p->tw_bsd, 0);
    assert_int_equal(p->drop_synfin, 0);
    assert_int_equal(p->listen_synack_drop, 0);
    assert_int_equal(p->abort_rst_ack, 1);      /* tcp_send_active_reset(): RST|ACK */
    assert_int_equal(p->user_timeout, 0);       /* TCP_USER_TIMEOUT off by default */
    assert_int_equal(p->connect_timeout, 0);    /* tcp_syn_retries only */
}

static void test_profiles_freebsd_values(void **state)
{
    const struct tcpfsm_config *p = &tcpfsm_profile_freebsd;
    (void)state;
    assert_int_equal(p->rto_initial, 1u * FX_S);
    assert_int_equal(p->rto_min, 30u * FX_MS);
    assert_int_equal(p->msl, 30u * FX_S);
    assert_int_equal(p->rfc5961_rst, 1);
    assert_int_equal(p->rfc5961_syn, 1);
    assert_int_equal(p->rfc1337, 1);
    assert_int_equal(p->window, 65535);
    assert_int_equal(p->tw_bsd, 1);             /* tcp_twcheck() */
    assert_int_equal(p->drop_synfin, 0);        /* net.inet.tcp.drop_synfin = 0 */
    assert_int_equal(p->listen_synack_drop, 1); /* "SYN|ACK invalid, segment ignored" */
    /* issue 12: tcp_output() repeats the FIN, tcp_drop()'s RST, ECONNRESET in CLOSING/LAST-ACK */
    assert_int_equal(p->ack_repeats_fin, 1);
    assert_int_equal(p->syn_rst_from_tcb, 1);
    assert_int_equal(p->closing_rst_resets, 1);
    assert_int_equal(p->abort_rst_ack, 1);      /* tcp_drop(): tcp_outflags[CLOSED] = RST|ACK */
    assert_int_equal(p->connect_timeout, 75u * FX_S); /* net.inet.tcp.keepinit = 75000 ms */
    assert_int_equal(p->user_timeout, 0);       /* FreeBSD has no TCP_USER_TIMEOUT */
}

/* Every profile: RFC 6298 (2.5) "A maximum value MAY be placed on RTO provided it is at least 60
   seconds"; a minimum that is positive and not above the initial RTO; an MSS and a window that
   let data flow (RFC 9293 3.7.1: the default MSS is 536). */
static void test_profiles_all_sane(void **state)
{
    const struct tcpfsm_config *profiles[3];
    size_t i;
    (void)state;
    profiles[0] = &tcpfsm_profile_rfc;
    profiles[1] = &tcpfsm_profile_linux;
    profiles[2] = &tcpfsm_profile_freebsd;
    for (i = 0; i < 3; i++) {
        const struct tcpfsm_config *p = profiles[i];
        assert_true(p->rto_max >= 60u * FX_S);
        assert_true(p->rto_min > 0 && p->rto_min <= p->rto_initial);
        assert_true(p->mss >= 536u);
        assert_true(p->window >= p->mss);
        assert_true(p->syn_retries > 0 && p->synack_retries > 0 && p->retries > 0);
        assert_true(p->msl > 0);
    }
}

/* tcpfsm_init accepts every shipped profile (acceptable_config: RFC 6298 2.1, 2.4, 2.5 bounds
   rto_min =< rto_initial =< rto_max, positive rto_min, mss, msl, 0 < window =< TCPFSM_WINDOW_MAX). */
static void test_profiles_accepted_by_init(void **state)
{
    const struct tcpfsm_config *profiles[3];
    struct tcpfsm_conn c;
    size_t i;
    (void)state;
    profiles[0] = &tcpfsm_profile_rfc;
    profiles[1] = &tcpfsm_profile_linux;
    profiles[2] = &tcpfsm_profile_freebsd;
    for (i = 0; i < 3; i++) {
        const struct tcpfsm_config *p = profiles[i];
        assert_true(p->rto_min <= p->rto_initial && p->rto_initial <= p->rto_max);
        assert_true(p->window > 0 && p->window <= TCPFSM_WINDOW_MAX);
        assert_int_equal(tcpfsm_init(&c, p), TCPFSM_OK);
        assert_int_equal(tcpfsm_state(&c), TCPFSM_CLOSED);
    }
}

/* rfc: TIME-WAIT lasts 2 * MSL = 4 minutes (T121 at exactly 240 s). */
static void test_profiles_rfc_time_wait_four_minutes(void **state)
{
    struct fx *f = *state;
    tcpfsm_time_t entered = f->now;
    fx_expect_deadline(f, entered + 240u * (tcpfsm_time_t)FX_S);
    fx_fire(f);
    assert_true(f->now == entered + 240u * (tcpfsm_time_t)FX_S);
    fx_expect_row(f, TCPFSM_ROW_T121, TCPFSM_CLOSED);
}

/* linux and freebsd: TIME-WAIT lasts 60 s. */
static void test_profiles_time_wait_sixty_seconds(void **state)
{
    struct fx *f = *state;
    tcpfsm_time_t entered = f->now;
    fx_expect_deadline(f, entered + 60u * (tcpfsm_time_t)FX_S);
    fx_fire(f);
    fx_expect_row(f, TCPFSM_ROW_T121, TCPFSM_CLOSED);
}

/* linux (RFC 1337 off): "a RST ends TIME-WAIT" (T112). */
static void test_profiles_linux_rst_ends_time_wait(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_RST, f->rcv_nxt, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T112, TCPFSM_CLOSED);
    fx_expect_count(f, 0);
    fx_expect_events(f, TCPFSM_SIG_CLOSED);
}

/* rfc and freebsd (RFC 1337 on): the RST is ignored (T111) and TIME-WAIT runs on. */
static void test_profiles_rst_ignored_in_time_wait(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_RST, f->rcv_nxt, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T111, TCPFSM_TIME_WAIT);
    fx_expect_count(f, 0);
    fx_expect_events(f, 0);
    fx_expect_deadline_unchanged(f);
}

/* linux: FIN-WAIT-2 closes after 60 s (T69). */
static void test_profiles_linux_fin_wait_2_sixty_seconds(void **state)
{
    struct fx *f = *state; /* FIN-WAIT-1 */
    tcpfsm_time_t entered;
    fx_to_fin_wait_2(f);
    entered = f->now;
    fx_expect_deadline(f, entered + 60u * (tcpfsm_time_t)FX_S);
    fx_fire(f);
    fx_expect_row(f, TCPFSM_ROW_T69, TCPFSM_CLOSED);
    fx_expect_events(f, TCPFSM_SIG_CLOSED);
}

/* freebsd: the advertised window is 65535, in the SYN and in the SYN,ACK. */
static void test_profiles_freebsd_window(void **state)
{
    struct fx *f = *state;
    fx_to_syn_sent(f);
    fx_expect_window(f, 0, 65535);
    f = fx_new(&fx_v_freebsd);
    fx_to_syn_received(f);
    fx_expect_window(f, 0, 65535);
    test_free(f);
}

/* rfc: doubling from the first retransmission: the SYN goes out at 0, 1, 3, 7 s. */
static void test_profiles_rfc_syn_doubling(void **state)
{
    struct fx *f = *state;
    tcpfsm_time_t t0 = f->now;
    fx_to_syn_sent(f);
    fx_fire(f);
    assert_true(f->now == t0 + 1u * (tcpfsm_time_t)FX_S);
    fx_expect_row(f, TCPFSM_ROW_T17, TCPFSM_SYN_SENT);
    fx_fire(f);
    assert_true(f->now == t0 + 3u * (tcpfsm_time_t)FX_S);
    fx_expect_row(f, TCPFSM_ROW_T17, TCPFSM_SYN_SENT);
    fx_fire(f);
    assert_true(f->now == t0 + 7u * (tcpfsm_time_t)FX_S);
    fx_expect_row(f, TCPFSM_ROW_T17, TCPFSM_SYN_SENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_profiles_rfc_values),
        cmocka_unit_test(test_profiles_linux_values),
        cmocka_unit_test(test_profiles_freebsd_values),
        cmocka_unit_test(test_profiles_all_sane),
        cmocka_unit_test(test_profiles_accepted_by_init),
        FX_CASE(test_profiles_rfc_time_wait_four_minutes, setup_time_wait, rfc),
        FX_CASE(test_profiles_time_wait_sixty_seconds, setup_time_wait, linux),
        FX_CASE(test_profiles_time_wait_sixty_seconds, setup_time_wait, freebsd),
        FX_CASE(test_profiles_linux_rst_ends_time_wait, setup_time_wait, linux),
        FX_CASE(test_profiles_rst_ignored_in_time_wait, setup_time_wait, rfc),
        FX_CASE(test_profiles_rst_ignored_in_time_wait, setup_time_wait, freebsd),
        FX_CASE(test_profiles_linux_fin_wait_2_sixty_seconds, setup_fin_wait_1, linux),
        FX_CASE(test_profiles_freebsd_window, setup_closed, freebsd),
        FX_CASE(test_profiles_rfc_syn_doubling, setup_closed, rfc),
    };
    return FX_RUN("test_profiles", tests);
}
