/*
 * tcpfsm_internal.h - private definitions of the runtime core (not installed).
 */
#ifndef TCPFSM_INTERNAL_H
#define TCPFSM_INTERNAL_H

#include "tcpfsm.h"
#include "tcpfsm_spec.h"
#include "tcpfsm_encoding.h"   /* the flags, timer and "no event" encodings */

/* The outcome of one table lookup. */
struct tcpfsm_lookup {
    uint16_t row;      /* TCPFSM_ROW_NONE: no row, nothing happens */
    uint8_t next;      /* the next state (== the current one when row == 0) */
    uint8_t guard;     /* the guard value used for the cell (0 for unguarded cells) */
    uint32_t actions;  /* TCPFSM_ACT_* bits of the row */
};

/* tcpfsm_step.c (contracts there): the guard id of a cell, and the lookup of a cell. */
uint8_t tcpfsm_cell_guard(uint8_t s, uint8_t ev);
void tcpfsm_table_lookup(uint8_t s, uint8_t ev, uint8_t holds, struct tcpfsm_lookup *res);

#endif /* TCPFSM_INTERNAL_H */
