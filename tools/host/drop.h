/* tools/host/drop.h - loss injection: `--drop DIR:KIND[:N]` drops the Nth (default 1st) segment
   of a kind in a direction, once. DIR: in (from the peer) or out (emitted by the core). KIND:
   syn (SYN without ACK), synack, data (payload), fin, twack (a pure ACK emitted by a call that
   leaves the connection in TIME-WAIT: the final ACK), rst, any. */
#ifndef HOST_DROP_H
#define HOST_DROP_H

#include <stdint.h>

#include "tcpfsm.h"

#define DROP_RULES_MAX 8

struct drop_rule { int out; int kind; unsigned nth, seen, fired; };
struct drop_rules { struct drop_rule r[DROP_RULES_MAX]; unsigned n; };

/* Add a rule from its text; returns 0, or -1 with a message in `err` (size 128). */
int drop_add(struct drop_rules *d, const char *text, char *err);
/* Whether this segment is dropped (counts it against every matching rule). `state` is the
   connection's state after the call that emitted it (out) or before it is processed (in). */
int drop_match(struct drop_rules *d, int out, const struct tcpfsm_segment *seg, int state);

#endif
