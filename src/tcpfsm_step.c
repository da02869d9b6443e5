/*
 * tcpfsm_step.c - the table lookup: the only place where the next state is decided.
 *
 * The runtime classifies every input into a table event; this function looks the (state, event)
 * cell up in the generated table (src/tcpfsm_table.c), evaluates the cell's guard on the
 * connection and returns the row, the next state and the action bits. tcpfsm_step() in tcpfsm.c
 * assigns the state from it; no other code writes a state.
 */
#include "tcpfsm_internal.h"

/* The guard of cell (s, ev): TCPFSM_GUARD_NONE for unguarded cells and for non-events. */
/*@ requires s < TCPFSM_STATE_COUNT;
    assigns \nothing;
    behavior not_an_event:
      assumes ev >= TCPFSM_EVENT_COUNT;
      ensures \result == TCPFSM_GUARD_NONE;
    behavior table_event:
      assumes ev < TCPFSM_EVENT_COUNT;
      ensures \result == tcpfsm_table[s][ev].guard;
    complete behaviors;
    disjoint behaviors;
*/
uint8_t tcpfsm_cell_guard(uint8_t s, uint8_t ev)
{
    if (ev >= (uint8_t)TCPFSM_EVENT_COUNT)
        return (uint8_t)TCPFSM_GUARD_NONE;
    return tcpfsm_table[s][ev].guard;
}

/* Look cell (s, ev) up; `holds` tells whether the cell's guard holds. */
/*@ requires s < TCPFSM_STATE_COUNT && ev < TCPFSM_EVENT_COUNT;
    requires \valid(res);
    assigns *res;
    ensures guard: res->guard == (holds != 0 && tcpfsm_table[s][ev].guard != TCPFSM_GUARD_NONE ? 1 : 0);
    ensures cell: res->row == tcpfsm_table[s][ev].when[res->guard].row;
    ensures row_in_relation: res->row != 0 ==> tcpfsm_relation(s, ev, res->guard, res->next);
    ensures row_id: res->row != 0 ==> tcpfsm_row(res->row, s, ev, res->guard, res->next);
    ensures cell_actions: res->row != 0 ==> res->actions == tcpfsm_table[s][ev].when[res->guard].actions;
    ensures no_row: res->row == 0 ==> !tcpfsm_has_row(s, ev, res->guard);
    ensures no_row_stays: res->row == 0 ==> res->next == s && res->actions == 0;
*/
void tcpfsm_table_lookup(uint8_t s, uint8_t ev, uint8_t holds, struct tcpfsm_lookup *res)
{
    uint8_t h;
    uint16_t row;
    uint8_t next;
    uint32_t actions;

    /* Read the whole cell before writing anything. */
    h = (holds != 0u && tcpfsm_table[s][ev].guard != (uint8_t)TCPFSM_GUARD_NONE) ? 1u : 0u;
    row = tcpfsm_table[s][ev].when[h].row;
    next = tcpfsm_table[s][ev].when[h].next;
    actions = tcpfsm_table[s][ev].when[h].actions;
    res->guard = h;
    res->row = row;
    if (row == TCPFSM_ROW_NONE) {
        res->next = s;
        res->actions = 0u;
    } else {
        res->next = next;
        res->actions = actions;
    }
}
