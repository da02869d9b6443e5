/*
 * test_seq.c - sequence-number arithmetic (RFC 9293 3.4) and the acceptability test (3.10.7.4
 * first) near 2^32: wraparound-safe comparison, the four acceptability cases, text and ACKs
 * crossing 2^32.
 */
#include "fixtures.h"

/* RCV.NXT = 2^32 - 256 and SND.NXT = 2^32 - 1 once ESTABLISHED: windows and data cross 2^32. */
static const struct fx_params fx_v_seqwrap = {
    "seqwrap", &tcpfsm_profile_rfc, 0xfffffffeu, 0xfffffeffu, 50u * FX_S, 0, NULL
};

/* "a < b modulo 2^32" for nearby numbers. */
static void test_seq_lt_basic(void **state)
{
    (void)state;
    assert_true(tcpfsm_seq_lt(1u, 2u));
    assert_false(tcpfsm_seq_lt(2u, 1u));
    assert_false(tcpfsm_seq_lt(5u, 5u));
    assert_true(tcpfsm_seq_le(5u, 5u));
    assert_true(tcpfsm_seq_le(4u, 5u));
    assert_false(tcpfsm_seq_le(6u, 5u));
}

/* Across 2^32: 2^32 - 1 < 0 < 15. */
static void test_seq_lt_wraparound(void **state)
{
    (void)state;
    assert_true(tcpfsm_seq_lt(0xffffffffu, 0u));
    assert_false(tcpfsm_seq_lt(0u, 0xffffffffu));
    assert_true(tcpfsm_seq_lt(0xfffffff0u, 0x10u));
    assert_false(tcpfsm_seq_lt(0x10u, 0xfffffff0u));
    assert_true(tcpfsm_seq_le(0xffffffffu, 0u));
    assert_true(tcpfsm_seq_le(0xffffffffu, 0xffffffffu));
    assert_false(tcpfsm_seq_le(0u, 0xffffffffu));
}

/* The comparison holds up to half the sequence space (2^31 - 1) in either direction. */
static void test_seq_lt_half_space(void **state)
{
    (void)state;
    assert_true(tcpfsm_seq_lt(0u, 0x7fffffffu));
    assert_false(tcpfsm_seq_lt(0x7fffffffu, 0u));
    assert_true(tcpfsm_seq_lt(0x80000001u, 0u));
    assert_false(tcpfsm_seq_lt(0u, 0x80000001u));
    assert_true(tcpfsm_seq_lt(0xffffffffu, 0x7ffffffeu));
    assert_false(tcpfsm_seq_lt(0x7ffffffeu, 0xffffffffu));
}

/* Against the reference (int32_t)(a - b) < 0 on pairs spread over the space; lt and le agree
   (le == lt or equal), and lt is antisymmetric away from distance 2^31. */
static void test_seq_lt_reference(void **state)
{
    static const uint32_t base[] = { 0u, 1u, 2u, 0x7ffffffeu, 0x7fffffffu, 0x80000000u,
                                     0x80000001u, 0xfffffffeu, 0xffffffffu, 0x12345678u };
    static const uint32_t delta[] = { 0u, 1u, 2u, 1000u, 65535u, 65536u, 0x3fffffffu,
                                      0x7ffffffeu, 0x7fffffffu };
    size_t i, j;
    (void)state;
    for (i = 0; i < sizeof base / sizeof base[0]; i++) {
        for (j = 0; j < sizeof delta / sizeof delta[0]; j++) {
            uint32_t a = base[i], b = base[i] + delta[j], c = base[i] - delta[j];
            assert_int_equal(!!tcpfsm_seq_lt(a, b), fx_seq_lt(a, b));
            assert_int_equal(!!tcpfsm_seq_lt(b, a), fx_seq_lt(b, a));
            assert_int_equal(!!tcpfsm_seq_lt(a, c), fx_seq_lt(a, c));
            assert_int_equal(!!tcpfsm_seq_le(a, b), fx_seq_lt(a, b) || a == b);
            assert_int_equal(!!tcpfsm_seq_le(c, a), fx_seq_lt(c, a) || a == c);
            if (delta[j] != 0) {
                assert_true(tcpfsm_seq_lt(a, b) != tcpfsm_seq_lt(b, a));
            }
        }
    }
}

/* T36: in-order text that crosses 2^32 is accepted and RCV.NXT wraps:
   ACK = (2^32 - 256) + 512 = 256. */
static void test_seq_established_ack_data_across_2_32(void **state)
{
    struct fx *f = *state;
    assert_int_equal(f->rcv_nxt, 0xffffff00u);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, f->snd_nxt, 512);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    f->rcv_nxt += 512u;
    assert_int_equal(f->rcv_nxt, 0x100u);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events(f, TCPFSM_SIG_DATA);
}

/* Acceptability case 2 across 2^32: the right edge RCV.NXT + RCV.WND - 1 is past 2^32 and
   acceptable (T36), the next sequence number is not (T43). */
static void test_seq_established_ack_window_edges_across_2_32(void **state)
{
    struct fx *f = *state;
    uint32_t right = f->rcv_nxt + f->rcv_wnd - 1u;
    assert_true(right < f->rcv_nxt); /* wrapped */
    fx_seg(f, TCPFSM_ACK, right, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 0);
    fx_seg(f, TCPFSM_ACK, right + 1u, f->snd_nxt, 0);
    fx_expect_row(f, TCPFSM_ROW_T43, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_seg(f, TCPFSM_ACK, 0u, f->snd_nxt, 0); /* 0 is inside the window */
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 0);
}

/* Acceptability case 4 across 2^32: a segment that begins at or after RCV.NXT and whose last
   byte is past the right edge is acceptable (its beginning is in the window) - a segment that
   begins just past the right edge is not, however long. */
static void test_seq_established_ack_data_at_right_edge_across_2_32(void **state)
{
    struct fx *f = *state;
    uint32_t right = f->rcv_nxt + f->rcv_wnd - 1u;
    fx_seg(f, TCPFSM_ACK, right + 1u, f->snd_nxt, 100);
    fx_expect_row(f, TCPFSM_ROW_T43, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events(f, 0);
}

/* Acceptability case 4: "RCV.NXT =< SEG.SEQ+SEG.LEN-1 < RCV.NXT+RCV.WND" with SEG.SEQ below
   RCV.NXT: only the new part counts. */
static void test_seq_established_ack_data_straddling_rcv_nxt(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt - 10u, f->snd_nxt, 20);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    f->rcv_nxt += 10u;
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events(f, TCPFSM_SIG_DATA);
    /* whereas a segment whose last byte is RCV.NXT - 1 is a duplicate (T43) */
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt - 20u, f->snd_nxt, 20);
    fx_expect_row(f, TCPFSM_ROW_T43, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    fx_expect_events(f, 0);
}

/* Our data crosses 2^32: SND.NXT = 2^32 - 1, 100 bytes, acknowledged by ACK = 99. */
static void test_seq_established_send_across_2_32(void **state)
{
    struct fx *f = *state;
    assert_int_equal(f->snd_nxt, 0xffffffffu);
    fx_send(f, 100);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, 0xffffffffu, f->rcv_nxt, TCPFSM_ACK, 100);
    f->snd_nxt += 100u;
    assert_int_equal(f->snd_nxt, 99u);
    /* ACK = 100 acknowledges something not yet sent: challenge ACK (T42) */
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, 100u, 0);
    fx_expect_row(f, TCPFSM_ROW_T42, TCPFSM_ESTABLISHED);
    fx_expect_count(f, 1);
    fx_expect_ack(f, 0);
    /* ACK = 50: partial, then ACK = 99: all */
    fx_advance(f, FX_RTT);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, 50u, 0);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    fx_expect_events(f, TCPFSM_SIG_ACKED);
    assert_true(f->out.deadline != TCPFSM_NO_DEADLINE);
    fx_seg(f, TCPFSM_ACK, f->rcv_nxt, 99u, 0);
    fx_expect_row(f, TCPFSM_ROW_T36, TCPFSM_ESTABLISHED);
    fx_expect_events(f, TCPFSM_SIG_ACKED);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
    f->snd_una = 99u;
    /* the acceptable ACK range SND.UNA - MAX.SND.WND .. SND.NXT crosses 2^32 too */
    fx_ack_value_case(f, &(const struct fx_sync_rows){ TCPFSM_ROW_T38, 0, TCPFSM_CLOSED,
                                                       TCPFSM_SIG_RESET, TCPFSM_ROW_T39, 0,
                                                       TCPFSM_ROW_T40, TCPFSM_ROW_T41,
                                                       TCPFSM_ROW_T42, TCPFSM_ROW_T43,
                                                       TCPFSM_ROW_T36, 0 },
                      f->snd_una - f->max_snd_wnd);
}

/* RST at RCV.NXT = 2^32 - 256 resets; at 2^32 - 257 it is outside (dropped). */
static void test_seq_established_rst_edges_across_2_32(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_RST, f->rcv_nxt - 1u, 0, 0);
    fx_expect_no_row(f);
    fx_seg(f, TCPFSM_RST, f->rcv_nxt + f->rcv_wnd, 0, 0);
    fx_expect_no_row(f);
    fx_seg(f, TCPFSM_RST, f->rcv_nxt, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T38, TCPFSM_CLOSED);
    fx_expect_events(f, TCPFSM_SIG_RESET);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seq_lt_basic),
        cmocka_unit_test(test_seq_lt_wraparound),
        cmocka_unit_test(test_seq_lt_half_space),
        cmocka_unit_test(test_seq_lt_reference),
        FX_CASE(test_seq_established_ack_data_across_2_32, setup_established, seqwrap),
        FX_CASE(test_seq_established_ack_window_edges_across_2_32, setup_established, seqwrap),
        FX_CASE(test_seq_established_ack_data_at_right_edge_across_2_32, setup_established, seqwrap),
        FX_CASE(test_seq_established_ack_data_straddling_rcv_nxt, setup_established, seqwrap),
        FX_TESTS(test_seq_established_ack_data_straddling_rcv_nxt, setup_established),
        FX_CASE(test_seq_established_send_across_2_32, setup_established, seqwrap),
        FX_CASE(test_seq_established_rst_edges_across_2_32, setup_established, seqwrap),
    };
    return FX_RUN("test_seq", tests);
}
