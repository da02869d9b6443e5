/* tools/host/reasm.h - the out-of-order ranges a connection holds in its receive buffer beyond
   RCV.NXT (the core keeps none: it names them with TCPFSM_SIG_OUT_OF_ORDER, and takes them back
   with tcpfsm_reassembled once they start at RCV.NXT). Sequence numbers, modulo 2^32. */
#ifndef HOST_REASM_H
#define HOST_REASM_H

#include <stdint.h>

#define REASM_RANGES 8

struct reasm {
    uint32_t seq[REASM_RANGES], end[REASM_RANGES];   /* held [seq, end), disjoint, not adjacent */
    unsigned n;
};

void reasm_clear(struct reasm *r);
/* Note [seq, seq + len) as held (merged with what overlaps or touches it). Returns 0, or -1 when
   there is no slot left (nothing noted: the host simply does not keep it). */
int reasm_add(struct reasm *r, uint32_t seq, uint32_t len);
/* Forget what lies before `nxt` (RCV.NXT) and return the length of the held run starting at
   `nxt` (0 if none); that run is forgotten too (the caller hands it to the core). */
uint32_t reasm_take(struct reasm *r, uint32_t nxt);

#endif
