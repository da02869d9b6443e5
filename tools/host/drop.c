/* tools/host/drop.c - the loss-injection rules. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drop.h"

enum { K_SYN, K_SYNACK, K_DATA, K_FIN, K_TWACK, K_RST, K_ANY, K_COUNT };
static const char *const kinds[K_COUNT] = { "syn", "synack", "data", "fin", "twack", "rst", "any" };

int drop_add(struct drop_rules *d, const char *text, char *err)
{
    char dir[8], kind[16];
    unsigned nth = 1, k;
    int n;

    if (d->n == DROP_RULES_MAX) {
        snprintf(err, 128, "--drop %s: at most %d rules", text, DROP_RULES_MAX);
        return -1;
    }
    n = sscanf(text, "%7[a-z]:%15[a-z]:%u", dir, kind, &nth);
    if (n < 2 || (strcmp(dir, "in") != 0 && strcmp(dir, "out") != 0) || nth == 0) {
        snprintf(err, 128, "--drop %s: expected in|out:KIND[:N] with N >= 1", text);
        return -1;
    }
    for (k = 0; k < K_COUNT && strcmp(kinds[k], kind) != 0; k++)
        ;
    if (k == K_COUNT) {
        snprintf(err, 128, "--drop %s: expected KIND syn|synack|data|fin|twack|rst|any", text);
        return -1;
    }
    d->r[d->n].out = dir[0] == 'o';
    d->r[d->n].kind = (int)k;
    d->r[d->n].nth = nth;
    d->r[d->n].seen = d->r[d->n].fired = 0;
    d->n++;
    return 0;
}

static int is_kind(int kind, const struct tcpfsm_segment *s, int state)
{
    unsigned f = s->flags;

    switch (kind) {
    case K_SYN: return (f & TCPFSM_SYN) && !(f & TCPFSM_ACK);
    case K_SYNACK: return (f & TCPFSM_SYN) && (f & TCPFSM_ACK);
    case K_DATA: return s->len > 0;
    case K_FIN: return (f & TCPFSM_FIN) != 0;
    case K_TWACK: return f == TCPFSM_ACK && s->len == 0 && state == TCPFSM_TIME_WAIT;
    case K_RST: return (f & TCPFSM_RST) != 0;
    default: return 1;
    }
}

int drop_match(struct drop_rules *d, int out, const struct tcpfsm_segment *seg, int state)
{
    unsigned i;
    int drop = 0;

    for (i = 0; i < d->n; i++) {
        struct drop_rule *r = &d->r[i];
        if (r->out != out || r->fired || !is_kind(r->kind, seg, state))
            continue;
        if (++r->seen == r->nth) {
            r->fired = 1;
            drop = 1;
        }
    }
    return drop;
}
