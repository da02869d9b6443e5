/* tools/host/reasm.c - the held out-of-order ranges (see reasm.h). */
#include "reasm.h"

/* a < b modulo 2^32 (RFC 9293 3.4) */
static int lt(uint32_t a, uint32_t b) { return a != b && ((a - b) & 0x80000000u) != 0; }
static int le(uint32_t a, uint32_t b) { return a == b || lt(a, b); }

void reasm_clear(struct reasm *r) { r->n = 0; }

static void remove_at(struct reasm *r, unsigned i)
{
    r->seq[i] = r->seq[r->n - 1];
    r->end[i] = r->end[r->n - 1];
    r->n--;
}

int reasm_add(struct reasm *r, uint32_t seq, uint32_t len)
{
    uint32_t end = seq + len;
    unsigned i = 0;

    if (len == 0)
        return 0;
    /* absorb every range that overlaps or touches [seq, end) */
    while (i < r->n) {
        if (le(r->seq[i], end) && le(seq, r->end[i])) {
            if (lt(r->seq[i], seq)) seq = r->seq[i];
            if (lt(end, r->end[i])) end = r->end[i];
            remove_at(r, i);
        } else {
            i++;
        }
    }
    if (r->n == REASM_RANGES)
        return -1;
    r->seq[r->n] = seq;
    r->end[r->n] = end;
    r->n++;
    return 0;
}

uint32_t reasm_take(struct reasm *r, uint32_t nxt)
{
    uint32_t run = 0;
    unsigned i = 0;

    while (i < r->n) {
        if (le(r->end[i], nxt)) {
            remove_at(r, i);            /* all of it is in order already */
        } else if (le(r->seq[i], nxt)) {
            run = r->end[i] - nxt;      /* starts at or before RCV.NXT, ends after it */
            remove_at(r, i);
        } else {
            i++;
        }
    }
    return run;
}
