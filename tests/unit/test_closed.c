/*
 * test_closed.c - CLOSED (RFC 9293 3.10.1, 3.10.7.1): rows T01-T04, the user calls that have no
 * connection, and tcpfsm_reply_no_connection().
 */
#include <string.h>

#include "fixtures.h"
#include "tcpfsm_internal.h" /* tcpfsm_cell_guard, tcpfsm_table_lookup (tcpfsm_step.c) */

/* T01: "send a SYN segment <SEQ=ISS><CTL=SYN>, set SND.UNA to ISS, SND.NXT to ISS+1, enter
   SYN-SENT state"; the retransmission timer runs with the initial RTO (RFC 6298 2.1). */
static void test_closed_open_active(void **state)
{
    struct fx *f = *state;
    fx_to_syn_sent(f); /* asserts T01, <SEQ=ISS><CTL=SYN>, deadline now + rto_initial */
    /* SEG.WND is the receive window we advertise. */
    fx_expect_window(f, 0, f->cfg.window);
}

/* T02: passive OPEN enters LISTEN, sends nothing, runs no timer. */
static void test_closed_open_passive(void **state)
{
    fx_to_listen(*state); /* asserts T02 */
}

/* T03: "If the ACK bit is off, sequence number zero is used,
   <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>" (SEG.LEN counts the SYN). */
static void test_closed_no_connection_syn(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_SYN, f->irs, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T03, TCPFSM_CLOSED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, 0, f->irs + 1u, TCPFSM_RST | TCPFSM_ACK, 0);
    fx_expect_events(f, 0);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* T03: SEG.SEQ + SEG.LEN wraps past 2^32. */
static void test_closed_no_connection_syn_wraps(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_SYN, 0xffffffffu, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T03, TCPFSM_CLOSED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, 0, 0, TCPFSM_RST | TCPFSM_ACK, 0);
}

/* T03: SEG.LEN counts the payload and the FIN. */
static void test_closed_no_connection_data_fin(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_FIN | TCPFSM_PSH, 0xffffff00u, 0, 300);
    fx_expect_row(f, TCPFSM_ROW_T03, TCPFSM_CLOSED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, 0, 0xffffff00u + 301u, TCPFSM_RST | TCPFSM_ACK, 0);
}

/* T03: "If the ACK bit is on, <SEQ=SEG.ACK><CTL=RST>" */
static void test_closed_no_connection_ack(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_ACK, 12345u, 0xfffffffeu, 0);
    fx_expect_row(f, TCPFSM_ROW_T03, TCPFSM_CLOSED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, 0xfffffffeu, 0, TCPFSM_RST, 0);
    fx_expect_events(f, 0);
}

/* T03: a SYN,ACK has the ACK bit on. */
static void test_closed_no_connection_syn_ack(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_SYN | TCPFSM_ACK, 777u, 4242u, 0);
    fx_expect_row(f, TCPFSM_ROW_T03, TCPFSM_CLOSED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, 4242u, 0, TCPFSM_RST, 0);
}

/* T04: "An incoming segment containing a RST is discarded." */
static void test_closed_rst(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_RST, f->irs, 0, 0);
    fx_expect_row(f, TCPFSM_ROW_T04, TCPFSM_CLOSED);
    fx_expect_count(f, 0);
    fx_expect_events(f, 0);
}

/* T04: with the ACK bit as well: still no answer. */
static void test_closed_rst_ack(void **state)
{
    struct fx *f = *state;
    fx_seg(f, TCPFSM_RST | TCPFSM_ACK, f->irs, f->iss, 0);
    fx_expect_row(f, TCPFSM_ROW_T04, TCPFSM_CLOSED);
    fx_expect_count(f, 0);
}

/* tcpfsm_reply_no_connection: the same 3.10.7.1 reply (T03), without a connection block. */
static void test_closed_no_connection_reply_without_block(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_segment s;
    memset(&s, 0, sizeof s);
    s.seq = 0xfffffff0u;
    s.flags = TCPFSM_SYN | TCPFSM_FIN;
    s.len = 20;
    f->before = TCPFSM_CLOSED;
    memset(&f->out, 0xa5, sizeof f->out);
    assert_int_equal(tcpfsm_reply_no_connection(&s, &f->out), TCPFSM_OK);
    fx_expect_row(f, TCPFSM_ROW_T03, TCPFSM_CLOSED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, 0, 0xfffffff0u + 22u, TCPFSM_RST | TCPFSM_ACK, 0); /* 20 + SYN + FIN */
    fx_expect_events(f, 0);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);

    s.flags = TCPFSM_ACK;
    s.ack = 99u;
    memset(&f->out, 0xa5, sizeof f->out);
    assert_int_equal(tcpfsm_reply_no_connection(&s, &f->out), TCPFSM_OK);
    fx_expect_row(f, TCPFSM_ROW_T03, TCPFSM_CLOSED);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, 99u, 0, TCPFSM_RST, 0);
}

/* T04 through tcpfsm_reply_no_connection: a RST is never answered. */
static void test_closed_rst_reply_without_block(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_segment s;
    memset(&s, 0, sizeof s);
    s.seq = 5u;
    s.ack = 6u;
    s.flags = TCPFSM_RST | TCPFSM_ACK;
    f->before = TCPFSM_CLOSED;
    memset(&f->out, 0xa5, sizeof f->out);
    assert_int_equal(tcpfsm_reply_no_connection(&s, &f->out), TCPFSM_OK);
    fx_expect_row(f, TCPFSM_ROW_T04, TCPFSM_CLOSED);
    fx_expect_count(f, 0);
    fx_expect_events(f, 0);
}

/* 3.10.4 / 3.10.5 / 3.10.2 in CLOSED: "error: connection does not exist". */
static void test_closed_close_fails(void **state)
{
    fx_expect_call_fails(*state, TCPFSM_ERR_STATE, tcpfsm_close);
}

static void test_closed_abort_fails(void **state)
{
    fx_expect_call_fails(*state, TCPFSM_ERR_STATE, tcpfsm_abort);
}

static void test_closed_send_fails(void **state)
{
    fx_expect_send_fails(*state, TCPFSM_ERR_STATE, 10u);
}

/* No timer runs in CLOSED: the clock does nothing. */
static void test_closed_timer_does_nothing(void **state)
{
    struct fx *f = *state;
    fx_advance(f, 1000u * FX_S);
    fx_timer(f);
    fx_expect_no_row(f);
    fx_expect_deadline(f, TCPFSM_NO_DEADLINE);
}

/* Bad arguments: TCPFSM_ERR_ARG, never a crash. */
static void test_closed_null_arguments(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_segment s;
    struct tcpfsm_conn c;
    memset(&s, 0, sizeof s);
    assert_int_equal(tcpfsm_init(NULL, &f->cfg), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_init(&c, NULL), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_open_active(NULL, f->now, 1u, &f->out), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_open_active(&f->conn, f->now, 1u, NULL), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_open_passive(NULL, f->now, 1u, &f->out), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_open_passive(&f->conn, f->now, 1u, NULL), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_close(NULL, f->now, &f->out), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_close(&f->conn, f->now, NULL), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_abort(&f->conn, f->now, NULL), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_send(&f->conn, f->now, 1u, NULL), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_consumed(&f->conn, f->now, 1u, NULL), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_abort(NULL, f->now, &f->out), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_send(NULL, f->now, 1u, &f->out), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_consumed(NULL, f->now, 1u, &f->out), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_segment(NULL, f->now, &s, &f->out), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_segment(&f->conn, f->now, NULL, &f->out), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_segment(&f->conn, f->now, &s, NULL), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_timer(NULL, f->now, &f->out), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_timer(&f->conn, f->now, NULL), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_reply_no_connection(NULL, &f->out), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_reply_no_connection(&s, NULL), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_state(&f->conn), TCPFSM_CLOSED);
}

/* tcpfsm_init refuses a configuration outside acceptable_config (src/tcpfsm_spec.h) with
   TCPFSM_ERR_ARG and leaves the block untouched (every byte as before the call). */
static void expect_init_refused(const struct tcpfsm_config *cfg)
{
    struct tcpfsm_conn c, before;
    memset(&c, 0xa5, sizeof c);
    memcpy(&before, &c, sizeof c);
    assert_int_equal(tcpfsm_init(&c, cfg), TCPFSM_ERR_ARG);
    assert_memory_equal(&c, &before, sizeof c);
}

static void expect_init_accepted(const struct tcpfsm_config *cfg)
{
    struct tcpfsm_conn c;
    memset(&c, 0xa5, sizeof c);
    assert_int_equal(tcpfsm_init(&c, cfg), TCPFSM_OK);
    assert_int_equal(tcpfsm_state(&c), TCPFSM_CLOSED);
    assert_int_equal(tcpfsm_rcv_wnd(&c), cfg->window);
    assert_int_equal(tcpfsm_deadline(&c), TCPFSM_NO_DEADLINE);
}

/* RFC 9293 3.7.1: an MSS of 0 could never send text. */
static void test_closed_init_refuses_mss_zero(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_config cfg = f->cfg;
    cfg.mss = 0;
    expect_init_refused(&cfg);
    cfg.mss = 1;
    expect_init_accepted(&cfg);
}

/* RFC 6298 2.4: the lower bound of the RTO is positive. */
static void test_closed_init_refuses_rto_min_zero(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_config cfg = f->cfg;
    cfg.rto_min = 0;
    expect_init_refused(&cfg);
    cfg.rto_min = 1;
    expect_init_accepted(&cfg);
}

/* RFC 6298 2.4, 2.5: the bounds are ordered. */
static void test_closed_init_refuses_rto_min_above_rto_max(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_config cfg = f->cfg;
    cfg.rto_min = 3u * FX_S;
    cfg.rto_initial = 3u * FX_S;
    cfg.rto_max = 3u * FX_S - 1u;
    expect_init_refused(&cfg);
    cfg.rto_max = 3u * FX_S;   /* all three equal: accepted */
    expect_init_accepted(&cfg);
}

/* RFC 6298 2.1 within 2.4-2.5: the initial RTO lies within [rto_min, rto_max]. */
static void test_closed_init_refuses_rto_initial_below_min(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_config cfg = f->cfg;
    cfg.rto_initial = cfg.rto_min - 1u;
    expect_init_refused(&cfg);
    cfg.rto_initial = cfg.rto_min;
    expect_init_accepted(&cfg);
}

static void test_closed_init_refuses_rto_initial_above_max(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_config cfg = f->cfg;
    cfg.rto_initial = cfg.rto_max + 1u;
    expect_init_refused(&cfg);
    cfg.rto_initial = cfg.rto_max;
    expect_init_accepted(&cfg);
}

/* RFC 9293 3.4.2: a positive MSL (TIME-WAIT lasts 2 MSL). */
static void test_closed_init_refuses_msl_zero(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_config cfg = f->cfg;
    cfg.msl = 0;
    expect_init_refused(&cfg);
    cfg.msl = 1;
    expect_init_accepted(&cfg);
}

/* RFC 9293 3.10.7.4: with a receive buffer of 0 not even the peer's FIN is acceptable. */
static void test_closed_init_refuses_window_zero(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_config cfg = f->cfg;
    cfg.window = 0;
    expect_init_refused(&cfg);
    cfg.window = 1;
    expect_init_accepted(&cfg);
}

/* RFC 7323 2.3: "max window < 2^30". */
static void test_closed_init_refuses_window_above_max(void **state)
{
    struct fx *f = *state;
    struct tcpfsm_config cfg = f->cfg;
    cfg.window = TCPFSM_WINDOW_MAX + 1u;
    expect_init_refused(&cfg);
    cfg.window = UINT32_MAX;
    expect_init_refused(&cfg);
    cfg.window = TCPFSM_WINDOW_MAX;
    expect_init_accepted(&cfg);
}

/* The all-zero configuration (a host that forgot to fill it in) is refused. */
static void test_closed_init_refuses_all_zero(void **state)
{
    struct tcpfsm_config cfg;
    (void)state;
    memset(&cfg, 0, sizeof cfg);
    expect_init_refused(&cfg);
}

/* The accessor names states as the table does, in RFC spelling. */
static void test_closed_state_names(void **state)
{
    unsigned s;
    (void)state;
    for (s = 0; s < TCPFSM_STATE_COUNT; s++) {
        assert_string_equal(tcpfsm_state_name((enum tcpfsm_state)s), tcpfsm_state_names[s]);
    }
    assert_string_equal(tcpfsm_state_name(TCPFSM_SYN_SENT), "SYN-SENT");
    assert_string_equal(tcpfsm_state_name(TCPFSM_TIME_WAIT), "TIME-WAIT");
}

/* A connection block can be reused: after a full lifetime it is CLOSED and opens again. */
static void test_closed_open_active_after_abort(void **state)
{
    struct fx *f = *state;
    fx_to_syn_sent(f);
    fx_abort(f);
    fx_expect_row(f, TCPFSM_ROW_T20, TCPFSM_CLOSED);
    fx_open_active(f, f->iss + 100000u);
    fx_expect_row(f, TCPFSM_ROW_T01, TCPFSM_SYN_SENT);
    fx_expect_count(f, 1);
    fx_expect_seg(f, 0, f->iss + 100000u, 0, TCPFSM_SYN, 0);
}


/* CONSUMED without a connection: "error: connection does not exist". */
static void test_closed_consumed_fails(void **state)
{
    struct fx *f = *state;
    assert_int_equal(tcpfsm_consumed(&f->conn, f->now, 1u, &f->out), TCPFSM_ERR_STATE);
    assert_int_equal(tcpfsm_state(&f->conn), TCPFSM_CLOSED);
}

/* Accessors on NULL: "0 for a NULL connection" (CLOSED is 0); an unknown state still has a name. */
static void test_closed_accessors_null(void **state)
{
    (void)state;
    assert_int_equal(tcpfsm_state(NULL), TCPFSM_CLOSED);
    assert_int_equal(tcpfsm_snd_una(NULL), 0);
    assert_int_equal(tcpfsm_snd_nxt(NULL), 0);
    assert_int_equal(tcpfsm_rcv_nxt(NULL), 0);
    assert_int_equal(tcpfsm_snd_wnd(NULL), 0);
    assert_int_equal(tcpfsm_rcv_wnd(NULL), 0);
    assert_int_equal(tcpfsm_snd_queued(NULL), 0);
    assert_int_equal(tcpfsm_rto(NULL), 0);
    assert_true(tcpfsm_deadline(NULL) == TCPFSM_NO_DEADLINE); /* no timer runs */
    assert_non_null(tcpfsm_state_name((enum tcpfsm_state)TCPFSM_STATE_COUNT));
    assert_non_null(tcpfsm_state_name((enum tcpfsm_state)-1));
}

/* A clock close to 2^64 us: the timer must still be reported as running (a deadline after now,
   never TCPFSM_NO_DEADLINE) - T01 at now = 2^64 - 1 - 0.5 s. */
static void test_closed_open_active_clock_near_end(void **state)
{
    struct fx *f = *state;
    f->now = TCPFSM_NO_DEADLINE - 1u - FX_S / 2u;
    fx_open_active(f, f->iss);
    fx_expect_row(f, TCPFSM_ROW_T01, TCPFSM_SYN_SENT);
    fx_expect_count(f, 1);
    assert_true(f->out.deadline != TCPFSM_NO_DEADLINE);
    assert_true(f->out.deadline > f->now);
}

/* ---------------------------------------------------------------- the table lookup */

/* The row of tcpfsm_rows[] for cell (s, ev) when the cell's guard evaluates to `holds` (an
   unguarded row applies either way); NULL when the model has no such row. */
static const struct tcpfsm_row_info *model_row(unsigned s, unsigned ev, unsigned holds)
{
    size_t i;
    for (i = 0; i < TCPFSM_ROW_COUNT; i++) {
        const struct tcpfsm_row_info *r = &tcpfsm_rows[i];
        if (r->from == s && r->event == ev
            && (r->guard == TCPFSM_GUARD_NONE || r->guard_holds == holds)) {
            return r;
        }
    }
    return NULL;
}

/* The guard a cell tests, from the rows of model/tcp.fsm: TCPFSM_GUARD_NONE without rows. */
static unsigned model_guard(unsigned s, unsigned ev)
{
    size_t i;
    for (i = 0; i < TCPFSM_ROW_COUNT; i++) {
        if (tcpfsm_rows[i].from == s && tcpfsm_rows[i].event == ev) {
            return tcpfsm_rows[i].guard;
        }
    }
    return TCPFSM_GUARD_NONE;
}

/* tcpfsm_cell_guard (tcpfsm_step.c), behavior table_event: every cell's guard is the guard of
   its rows in the model; behavior not_an_event: a value that is not a table event (such as
   TCPFSM_EV_NONE, a segment dropped before classification) has TCPFSM_GUARD_NONE. */
static void test_closed_table_cell_guard(void **state)
{
    unsigned s, ev;
    (void)state;
    for (s = 0; s < TCPFSM_STATE_COUNT; s++) {
        for (ev = 0; ev < TCPFSM_EVENT_COUNT; ev++) {
            assert_int_equal(tcpfsm_cell_guard((uint8_t)s, (uint8_t)ev), model_guard(s, ev));
            assert_int_equal(tcpfsm_cell_guard((uint8_t)s, (uint8_t)ev), tcpfsm_table[s][ev].guard);
        }
        assert_int_equal(tcpfsm_cell_guard((uint8_t)s, (uint8_t)TCPFSM_EVENT_COUNT), TCPFSM_GUARD_NONE);
        assert_int_equal(tcpfsm_cell_guard((uint8_t)s, (uint8_t)(TCPFSM_EVENT_COUNT + 1u)),
                         TCPFSM_GUARD_NONE);
        assert_int_equal(tcpfsm_cell_guard((uint8_t)s, (uint8_t)TCPFSM_EV_NONE), TCPFSM_GUARD_NONE);
    }
}

/* tcpfsm_table_lookup (tcpfsm_step.c), over every cell, with the guard holding and not: the row
   of model/tcp.fsm for that guard value (an unguarded cell ignores `holds`, so res.guard is 0),
   its next state and actions; without a row, nothing happens: the state stays, no actions. The
   contract requires s < TCPFSM_STATE_COUNT and ev < TCPFSM_EVENT_COUNT, so only in-range cells
   are looked up (out-of-range events never reach it: step() stops them first). */
static void test_closed_table_lookup_every_cell(void **state)
{
    unsigned char seen[TCPFSM_ROW_ID_MAX + 1];
    unsigned s, ev, holds;
    size_t i;
    (void)state;
    memset(seen, 0, sizeof seen);
    for (s = 0; s < TCPFSM_STATE_COUNT; s++) {
        for (ev = 0; ev < TCPFSM_EVENT_COUNT; ev++) {
            unsigned guarded = model_guard(s, ev) != TCPFSM_GUARD_NONE;
            for (holds = 0; holds <= 2; holds++) { /* any non-zero value means "holds" */
                const struct tcpfsm_row_info *r = model_row(s, ev, holds != 0);
                struct tcpfsm_lookup res;
                memset(&res, 0xa5, sizeof res);
                tcpfsm_table_lookup((uint8_t)s, (uint8_t)ev, (uint8_t)holds, &res);
                assert_int_equal(res.guard, guarded && holds != 0 ? 1u : 0u);
                if (r == NULL) {
                    assert_int_equal(res.row, TCPFSM_ROW_NONE);
                    assert_int_equal(res.next, s);
                    assert_int_equal(res.actions, 0);
                } else {
                    assert_int_equal(res.row, r->id);
                    assert_int_equal(res.next, r->to);
                    assert_int_equal(res.actions, r->actions);
                    seen[r->id] = 1;
                }
            }
        }
    }
    /* and every row of the model is some cell's outcome */
    for (i = 0; i < TCPFSM_ROW_COUNT; i++) {
        assert_true(seen[tcpfsm_rows[i].id]);
    }
}

/* PUSH is valid in every state: in CLOSED it is TCPFSM_OK and sends nothing. tcpfsm_reassembled is
   refused ("connection does not exist"). NULL arguments: TCPFSM_ERR_ARG. */
static void test_closed_push(void **state)
{
    struct fx *f = *state;
    fx_push(f);
    fx_expect_no_row(f);
    fx_expect_events(f, 0);
    assert_int_equal(f->out.data_len, 0);
    f->rc = tcpfsm_reassembled(&f->conn, f->now, 0, &f->out);
    assert_int_equal(f->rc, TCPFSM_ERR_STATE);
    assert_int_equal(f->out.count, 0);
    assert_int_equal(tcpfsm_push(NULL, f->now, &f->out), TCPFSM_ERR_ARG);
    assert_int_equal(tcpfsm_reassembled(&f->conn, f->now, 0, NULL), TCPFSM_ERR_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TESTS(test_closed_push, setup_closed),
        FX_TESTS(test_closed_open_active, setup_closed),
        FX_TESTS(test_closed_open_passive, setup_closed),
        FX_TESTS(test_closed_no_connection_syn, setup_closed),
        FX_TESTS(test_closed_no_connection_syn_wraps, setup_closed),
        FX_TESTS(test_closed_no_connection_data_fin, setup_closed),
        FX_TESTS(test_closed_no_connection_ack, setup_closed),
        FX_TESTS(test_closed_no_connection_syn_ack, setup_closed),
        FX_TESTS(test_closed_rst, setup_closed),
        FX_TESTS(test_closed_rst_ack, setup_closed),
        FX_TESTS(test_closed_no_connection_reply_without_block, setup_closed),
        FX_TESTS(test_closed_rst_reply_without_block, setup_closed),
        FX_TESTS(test_closed_close_fails, setup_closed),
        FX_TESTS(test_closed_abort_fails, setup_closed),
        FX_TESTS(test_closed_send_fails, setup_closed),
        FX_TESTS(test_closed_timer_does_nothing, setup_closed),
        FX_TESTS(test_closed_null_arguments, setup_closed),
        FX_CASE(test_closed_init_refuses_mss_zero, setup_closed, rfc),
        FX_CASE(test_closed_init_refuses_rto_min_zero, setup_closed, rfc),
        FX_CASE(test_closed_init_refuses_rto_min_above_rto_max, setup_closed, rfc),
        FX_TESTS(test_closed_init_refuses_rto_initial_below_min, setup_closed),
        FX_TESTS(test_closed_init_refuses_rto_initial_above_max, setup_closed),
        FX_CASE(test_closed_init_refuses_msl_zero, setup_closed, rfc),
        FX_CASE(test_closed_init_refuses_window_zero, setup_closed, rfc),
        FX_CASE(test_closed_init_refuses_window_above_max, setup_closed, rfc),
        FX_CASE(test_closed_init_refuses_all_zero, setup_closed, rfc),
        FX_TESTS(test_closed_state_names, setup_closed),
        FX_TESTS(test_closed_open_active_after_abort, setup_closed),
        FX_TESTS(test_closed_consumed_fails, setup_closed),
        FX_TESTS(test_closed_accessors_null, setup_closed),
        FX_TESTS(test_closed_open_active_clock_near_end, setup_closed),
        FX_CASE(test_closed_table_cell_guard, setup_closed, rfc),
        FX_CASE(test_closed_table_lookup_every_cell, setup_closed, rfc),
    };
    return FX_RUN("test_closed", tests);
}
