/* tools/host/timers.c - the min-heap of deadlines. */
#include "timers.h"

static void swap(struct timer_entry *a, struct timer_entry *b)
{
    struct timer_entry x = *a;
    *a = *b;
    *b = x;
}

int timers_add(struct timers *t, uint64_t when, unsigned slot)
{
    unsigned i;

    if (when == UINT64_MAX)
        return 0;
    if (t->n == TIMERS_MAX)
        return -1;
    i = t->n++;
    t->h[i].when = when;
    t->h[i].slot = slot;
    while (i > 0 && t->h[(i - 1) / 2].when > t->h[i].when) {
        swap(&t->h[(i - 1) / 2], &t->h[i]);
        i = (i - 1) / 2;
    }
    return 0;
}

uint64_t timers_peek(const struct timers *t)
{
    return t->n == 0 ? UINT64_MAX : t->h[0].when;
}

unsigned timers_pop(struct timers *t, uint64_t *when)
{
    unsigned slot = t->h[0].slot, i = 0;

    *when = t->h[0].when;
    t->h[0] = t->h[--t->n];
    for (;;) {
        unsigned l = 2 * i + 1, r = l + 1, m = i;
        if (l < t->n && t->h[l].when < t->h[m].when) m = l;
        if (r < t->n && t->h[r].when < t->h[m].when) m = r;
        if (m == i) break;
        swap(&t->h[m], &t->h[i]);
        i = m;
    }
    return slot;
}
