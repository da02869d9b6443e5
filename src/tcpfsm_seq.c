/*
 * tcpfsm_seq.c - wraparound-safe sequence-number comparison (RFC 9293 section 3.4).
 *
 * "It is essential to remember that the actual sequence number space is finite, though very
 * large. This space ranges from 0 to 2**32 - 1. Since the space is finite, all arithmetic dealing
 * with sequence numbers must be performed modulo 2**32."
 *
 * a < b when b lies less than 2^31 ahead of a: (b - a) mod 2^32 is in [1, 2^31).
 */
#include "tcpfsm_internal.h"

/* (b - a) mod 2^32, written without wrapping. */
/*@ assigns \nothing;
    ensures \result == seq_dist(a, b);
*/
static uint32_t seq_distance(uint32_t a, uint32_t b)
{
    if (b >= a)
        return b - a;
    return (UINT32_MAX - a) + b + 1u;   /* b < a: no intermediate value reaches 2^32 */
}

/*@ assigns \nothing;
    ensures \result == 0 || \result == 1;
    behavior before:
      assumes seq_lt_math(a, b);
      ensures \result == 1;
    behavior not_before:
      assumes !seq_lt_math(a, b);
      ensures \result == 0;
    complete behaviors;
    disjoint behaviors;
*/
int tcpfsm_seq_lt(uint32_t a, uint32_t b)
{
    uint32_t d = seq_distance(a, b);
    return (d != 0u && d < UINT32_C(0x80000000)) ? 1 : 0;
}

/*@ assigns \nothing;
    ensures \result == 0 || \result == 1;
    behavior before_or_equal:
      assumes seq_le_math(a, b);
      ensures \result == 1;
    behavior after:
      assumes !seq_le_math(a, b);
      ensures \result == 0;
    complete behaviors;
    disjoint behaviors;
*/
int tcpfsm_seq_le(uint32_t a, uint32_t b)
{
    uint32_t d = seq_distance(a, b);
    return d < UINT32_C(0x80000000) ? 1 : 0;
}
