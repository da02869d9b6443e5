/* tools/host/timers.h - the deadlines of all connections: a binary min-heap of (deadline, slot)
   with lazy removal (an entry whose slot's current deadline differs is stale and skipped). */
#ifndef HOST_TIMERS_H
#define HOST_TIMERS_H

#include <stdint.h>

#define TIMERS_MAX 1024

struct timer_entry { uint64_t when; unsigned slot; };
struct timers { struct timer_entry h[TIMERS_MAX]; unsigned n; };

/* Record that `slot` must be woken at `when` (UINT64_MAX: nothing to record). 0, -1 if full. */
int timers_add(struct timers *t, uint64_t when, unsigned slot);
/* The earliest entry, or UINT64_MAX if none (stale entries included: the caller checks). */
uint64_t timers_peek(const struct timers *t);
/* Remove and return the earliest entry's slot. */
unsigned timers_pop(struct timers *t, uint64_t *when);

#endif
