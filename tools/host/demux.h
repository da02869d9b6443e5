/* tools/host/demux.h - the connection table, keyed by 4-tuple. */
#ifndef HOST_DEMUX_H
#define HOST_DEMUX_H

#include "host.h"

/* The connection for this 4-tuple (local first), NULL if none. */
struct hconn *demux_find(struct host *h, uint32_t laddr, uint16_t lport, uint32_t raddr, uint16_t rport);
/* A new connection in CLOSED with the host's configuration, its buffers allocated; NULL if the
   table is full or memory ran out. */
struct hconn *demux_alloc(struct host *h, uint32_t laddr, uint16_t lport, uint32_t raddr, uint16_t rport);
void demux_free(struct hconn *k);

#endif
