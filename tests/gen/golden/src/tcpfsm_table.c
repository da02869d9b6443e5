/* generated from tests/gen/cases/mini.fsm by tcpfsm-gen, do not edit */
#include "tcpfsm_table.h"

const struct tcpfsm_cell tcpfsm_table[TCPFSM_STATE_COUNT][TCPFSM_EVENT_COUNT] = {
    [TCPFSM_CLOSED] = {
        [TCPFSM_EV_OPEN_ACTIVE] = { .guard = TCPFSM_GUARD_NONE, .when = { [0] = { .row = TCPFSM_ROW_T01, .next = TCPFSM_SYN_SENT, .actions = TCPFSM_ACT_SEND_SYN } } },
        [TCPFSM_EV_OPEN_PASSIVE] = { .guard = TCPFSM_GUARD_NONE, .when = { [0] = { .row = TCPFSM_ROW_T02, .next = TCPFSM_LISTEN, .actions = 0 } } },
    },
    [TCPFSM_LISTEN] = {
        [TCPFSM_EV_CLOSE] = { .guard = TCPFSM_GUARD_NONE, .when = { [0] = { .row = TCPFSM_ROW_T09, .next = TCPFSM_CLOSED, .actions = TCPFSM_ACT_SIGNAL_CLOSED } } },
        [TCPFSM_EV_SYN] = { .guard = TCPFSM_GUARD_NONE, .when = { [0] = { .row = TCPFSM_ROW_T03, .next = TCPFSM_SYN_SENT, .actions = TCPFSM_ACT_SEND_SYN_ACK } } },
        [TCPFSM_EV_RST] = { .guard = TCPFSM_GUARD_RFC1337, .when = {
            [0] = { .row = TCPFSM_ROW_T100, .next = TCPFSM_LISTEN, .actions = 0 },
        } },
    },
    [TCPFSM_SYN_SENT] = {
        [TCPFSM_EV_SYN_ACK] = { .guard = TCPFSM_GUARD_NONE, .when = { [0] = { .row = TCPFSM_ROW_T04, .next = TCPFSM_ESTABLISHED, .actions = TCPFSM_ACT_SEND_ACK } } },
        [TCPFSM_EV_RST] = { .guard = TCPFSM_GUARD_PASSIVE_OPEN, .when = {
            [0] = { .row = TCPFSM_ROW_T06, .next = TCPFSM_CLOSED, .actions = TCPFSM_ACT_SIGNAL_CLOSED },
            [1] = { .row = TCPFSM_ROW_T05, .next = TCPFSM_LISTEN, .actions = 0 },
        } },
        [TCPFSM_EV_RTO] = { .guard = TCPFSM_GUARD_NONE, .when = { [0] = { .row = TCPFSM_ROW_T10, .next = TCPFSM_SYN_SENT, .actions = TCPFSM_ACT_SEND_SYN } } },
    },
    [TCPFSM_ESTABLISHED] = {
        [TCPFSM_EV_CLOSE] = { .guard = TCPFSM_GUARD_NONE, .when = { [0] = { .row = TCPFSM_ROW_T08, .next = TCPFSM_CLOSED, .actions = TCPFSM_ACT_SEND_ACK | TCPFSM_ACT_SIGNAL_CLOSED } } },
        [TCPFSM_EV_RST] = { .guard = TCPFSM_GUARD_RFC1337, .when = {
            [1] = { .row = TCPFSM_ROW_T07, .next = TCPFSM_ESTABLISHED, .actions = 0 },
        } },
    },
};

const char *const tcpfsm_state_names[TCPFSM_STATE_COUNT] = {
    [TCPFSM_CLOSED] = "CLOSED",
    [TCPFSM_LISTEN] = "LISTEN",
    [TCPFSM_SYN_SENT] = "SYN-SENT",
    [TCPFSM_ESTABLISHED] = "ESTABLISHED",
};

const char *const tcpfsm_event_names[TCPFSM_EVENT_COUNT] = {
    [TCPFSM_EV_OPEN_ACTIVE] = "OPEN_ACTIVE",
    [TCPFSM_EV_OPEN_PASSIVE] = "OPEN_PASSIVE",
    [TCPFSM_EV_CLOSE] = "CLOSE",
    [TCPFSM_EV_SYN] = "SYN",
    [TCPFSM_EV_SYN_ACK] = "SYN_ACK",
    [TCPFSM_EV_RST] = "RST",
    [TCPFSM_EV_RTO] = "RTO",
};

const uint8_t tcpfsm_event_kinds[TCPFSM_EVENT_COUNT] = {
    [TCPFSM_EV_OPEN_ACTIVE] = TCPFSM_KIND_USER,
    [TCPFSM_EV_OPEN_PASSIVE] = TCPFSM_KIND_USER,
    [TCPFSM_EV_CLOSE] = TCPFSM_KIND_USER,
    [TCPFSM_EV_SYN] = TCPFSM_KIND_SEGMENT,
    [TCPFSM_EV_SYN_ACK] = TCPFSM_KIND_SEGMENT,
    [TCPFSM_EV_RST] = TCPFSM_KIND_SEGMENT,
    [TCPFSM_EV_RTO] = TCPFSM_KIND_TIMER,
};

const char *const tcpfsm_guard_names[TCPFSM_GUARD_COUNT] = {
    [TCPFSM_GUARD_NONE] = "-",
    [TCPFSM_GUARD_PASSIVE_OPEN] = "passive_open",
    [TCPFSM_GUARD_RFC1337] = "rfc1337",
};

const char *const tcpfsm_action_names[TCPFSM_ACTION_COUNT] = {
    [TCPFSM_ACTI_SEND_SYN] = "send_syn",
    [TCPFSM_ACTI_SEND_SYN_ACK] = "send_syn_ack",
    [TCPFSM_ACTI_SEND_ACK] = "send_ack",
    [TCPFSM_ACTI_SIGNAL_CLOSED] = "signal_closed",
};

const struct tcpfsm_row_info tcpfsm_rows[TCPFSM_ROW_COUNT] = {
    { .id = TCPFSM_ROW_T01, .from = TCPFSM_CLOSED, .event = TCPFSM_EV_OPEN_ACTIVE, .guard = TCPFSM_GUARD_NONE, .guard_holds = 0, .to = TCPFSM_SYN_SENT, .actions = TCPFSM_ACT_SEND_SYN, .rfc = "RFC9293:3.10.1" },
    { .id = TCPFSM_ROW_T02, .from = TCPFSM_CLOSED, .event = TCPFSM_EV_OPEN_PASSIVE, .guard = TCPFSM_GUARD_NONE, .guard_holds = 0, .to = TCPFSM_LISTEN, .actions = 0, .rfc = "RFC9293:3.10.1" },
    { .id = TCPFSM_ROW_T03, .from = TCPFSM_LISTEN, .event = TCPFSM_EV_SYN, .guard = TCPFSM_GUARD_NONE, .guard_holds = 0, .to = TCPFSM_SYN_SENT, .actions = TCPFSM_ACT_SEND_SYN_ACK, .rfc = "RFC9293" },
    { .id = TCPFSM_ROW_T04, .from = TCPFSM_SYN_SENT, .event = TCPFSM_EV_SYN_ACK, .guard = TCPFSM_GUARD_NONE, .guard_holds = 0, .to = TCPFSM_ESTABLISHED, .actions = TCPFSM_ACT_SEND_ACK, .rfc = "RFC9293:3.10.7.3" },
    { .id = TCPFSM_ROW_T05, .from = TCPFSM_SYN_SENT, .event = TCPFSM_EV_RST, .guard = TCPFSM_GUARD_PASSIVE_OPEN, .guard_holds = 1, .to = TCPFSM_LISTEN, .actions = 0, .rfc = "RFC9293:3.10.7.4" },
    { .id = TCPFSM_ROW_T06, .from = TCPFSM_SYN_SENT, .event = TCPFSM_EV_RST, .guard = TCPFSM_GUARD_PASSIVE_OPEN, .guard_holds = 0, .to = TCPFSM_CLOSED, .actions = TCPFSM_ACT_SIGNAL_CLOSED, .rfc = "RFC9293:3.10.7.4" },
    { .id = TCPFSM_ROW_T07, .from = TCPFSM_ESTABLISHED, .event = TCPFSM_EV_RST, .guard = TCPFSM_GUARD_RFC1337, .guard_holds = 1, .to = TCPFSM_ESTABLISHED, .actions = 0, .rfc = "RFC1337:3" },
    { .id = TCPFSM_ROW_T08, .from = TCPFSM_ESTABLISHED, .event = TCPFSM_EV_CLOSE, .guard = TCPFSM_GUARD_NONE, .guard_holds = 0, .to = TCPFSM_CLOSED, .actions = TCPFSM_ACT_SEND_ACK | TCPFSM_ACT_SIGNAL_CLOSED, .rfc = "RFC9293:3.10.4" },
    { .id = TCPFSM_ROW_T09, .from = TCPFSM_LISTEN, .event = TCPFSM_EV_CLOSE, .guard = TCPFSM_GUARD_NONE, .guard_holds = 0, .to = TCPFSM_CLOSED, .actions = TCPFSM_ACT_SIGNAL_CLOSED, .rfc = "RFC9293:3.10.4" },
    { .id = TCPFSM_ROW_T10, .from = TCPFSM_SYN_SENT, .event = TCPFSM_EV_RTO, .guard = TCPFSM_GUARD_NONE, .guard_holds = 0, .to = TCPFSM_SYN_SENT, .actions = TCPFSM_ACT_SEND_SYN, .rfc = "RFC6298:5" },
    { .id = TCPFSM_ROW_T100, .from = TCPFSM_LISTEN, .event = TCPFSM_EV_RST, .guard = TCPFSM_GUARD_RFC1337, .guard_holds = 0, .to = TCPFSM_LISTEN, .actions = 0, .rfc = "RFC9293:3.10.7.2" },
};
