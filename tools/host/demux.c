/* tools/host/demux.c - the connection table. */
#include <string.h>

#include "demux.h"

#define BUF_BYTES (256u * 1024u)

struct hconn *demux_find(struct host *h, uint32_t laddr, uint16_t lport, uint32_t raddr, uint16_t rport)
{
    unsigned i;

    for (i = 0; i < HOST_CONNS; i++) {
        struct hconn *k = &h->conns[i];
        if (k->used && k->laddr == laddr && k->lport == lport && k->raddr == raddr && k->rport == rport)
            return k;
    }
    return NULL;
}

struct hconn *demux_alloc(struct host *h, uint32_t laddr, uint16_t lport, uint32_t raddr, uint16_t rport)
{
    unsigned i;

    for (i = 0; i < HOST_CONNS; i++) {
        struct hconn *k = &h->conns[i];
        if (k->used)
            continue;
        memset(k, 0, sizeof *k);
        if (buf_init(&k->snd, BUF_BYTES) != 0 || buf_init(&k->rcv, BUF_BYTES) != 0) {
            buf_free(&k->snd);
            return NULL;
        }
        k->used = 1;
        k->laddr = laddr;
        k->lport = lport;
        k->raddr = raddr;
        k->rport = rport;
        k->armed = TCPFSM_NO_DEADLINE;
        if (tcpfsm_init(&k->c, &h->o.cfg) != TCPFSM_OK) {
            demux_free(k);
            return NULL;
        }
        return k;
    }
    return NULL;
}

void demux_free(struct hconn *k)
{
    buf_free(&k->snd);
    buf_free(&k->rcv);
    k->used = 0;
}
