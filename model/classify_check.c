/*
 * classify_check.c - the C side of model/classify_check.pml: builds, for one input of the model's
 * classifier, the same connection and segment with the C types, runs the C classifier
 * (tcpfsm_segment, which reports the table event in out.event) and compares. Linked into the pan
 * of classify_check.pml with build/libtcpfsm.a by model/check.sh.
 *
 * Sequence numbers: the model's are small offsets modulo SEQ_N around ISS = IRS = 0; here each
 * offset d becomes BASE + d modulo 2^32 (the send side at SND_BASE, the receive side at RCV_BASE,
 * both near 2^32 so that the C comparisons wrap). Within the span the driver enumerates, the
 * model's comparisons modulo SEQ_N and the C comparisons modulo 2^32 agree on every pair.
 */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include "tcpfsm.h"
#include "tcpfsm_internal.h"

#define SND_BASE 0xFFFFFFF9u
#define RCV_BASE 0xFFFFFFFCu
#ifndef MODEL_SEQ_N
#define MODEL_SEQ_N 64   /* SEQ_N of model/tcp.pml (model/check.sh passes -DMODEL_SEQ_N when it differs) */
#endif
#define MODEL_RCV_WND 4
#define SHOW_MAX 25

static unsigned long inputs, differences;
static const char *const state_name[] = {
    "CLOSED", "LISTEN", "SYN-SENT", "SYN-RECEIVED", "ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2",
    "CLOSE-WAIT", "CLOSING", "LAST-ACK", "TIME-WAIT" };

/* a model value (0 .. SEQ_N-1, or a signed offset) as a signed offset */
static int32_t offset(int v)
{
    v %= MODEL_SEQ_N;
    if (v < 0)
        v += MODEL_SEQ_N;
    return v >= MODEL_SEQ_N / 2 ? v - MODEL_SEQ_N : v;
}

void classify_compare(int c5, int kn, int st, int una, int nxt, int rnxt, int fl, int sq, int ak, int ev)
{
    struct tcpfsm_config cfg = tcpfsm_profile_rfc;
    struct tcpfsm_conn c;
    struct tcpfsm_segment seg = { 0 };
    struct tcpfsm_output out;
    int c_ev;

    cfg.window = MODEL_RCV_WND;
    cfg.rfc5961_rst = 1u;
    cfg.rfc5961_syn = (uint8_t)c5;
    cfg.rfc5961_ack = 1u;
    cfg.challenge_ack_limit = 0u;
    cfg.tw_bsd = (uint8_t)(kn & 1);
    cfg.drop_synfin = (uint8_t)((kn >> 1) & 1);
    cfg.listen_synack_drop = (uint8_t)((kn >> 2) & 1);
    tcpfsm_init(&c, &cfg);
    c.state = (uint8_t)st;
    if (st != TCPFSM_CLOSED && st != TCPFSM_LISTEN) {
        c.iss = SND_BASE;
        c.snd_una = SND_BASE + (uint32_t)offset(una);
        c.snd_nxt = SND_BASE + (uint32_t)offset(nxt);
        c.rcv_nxt = RCV_BASE + (uint32_t)offset(rnxt);
        c.rcv_wnd = MODEL_RCV_WND;
        c.snd_wnd = MODEL_RCV_WND;
        c.max_snd_wnd = MODEL_RCV_WND;
        if (c.snd_una != c.iss)
            c.flags |= TCPFSM_F_SYN_ACKED;
        if (st == TCPFSM_FIN_WAIT_1 || st == TCPFSM_FIN_WAIT_2 || st == TCPFSM_CLOSING
            || st == TCPFSM_LAST_ACK || st == TCPFSM_TIME_WAIT)
            c.flags |= TCPFSM_F_FIN_SENT;
    }
    seg.seq = RCV_BASE + (uint32_t)offset(sq);
    seg.ack = (fl & 2) ? SND_BASE + (uint32_t)offset(ak) : 0u;
    seg.flags = (uint16_t)(((fl & 1) ? TCPFSM_SYN : 0u) | ((fl & 2) ? TCPFSM_ACK : 0u)
                           | ((fl & 4) ? TCPFSM_FIN : 0u) | ((fl & 8) ? TCPFSM_RST : 0u));
    seg.window = MODEL_RCV_WND;
    seg.len = 0u;
    if (tcpfsm_segment(&c, 0u, &seg, &out) != TCPFSM_OK) {
        fprintf(stderr, "classify_check: tcpfsm_segment refused an input\n");
        exit(2);
    }
    c_ev = out.event;
    inputs++;
    if (c_ev != ev) {
        differences++;
        if (differences <= SHOW_MAX)
            printf("DIFF rfc5961_syn=%d tw_bsd=%d drop_synfin=%d listen_synack_drop=%d %s ISS=0 SND.UNA=%d SND.NXT=%d IRS=0 RCV.NXT=%d seg <SEQ=%d><ACK=%d><CTL=%s%s%s%s>: model %d, C %d\n",
                   c5, kn & 1, (kn >> 1) & 1, (kn >> 2) & 1, state_name[st], una, nxt, rnxt, (int)offset(sq), (int)offset(ak),
                   (fl & 1) ? "SYN," : "", (fl & 4) ? "FIN," : "", (fl & 8) ? "RST," : "",
                   (fl & 2) ? "ACK" : "", ev, c_ev);
    }
}

void classify_report(void)
{
    printf("classifier: %lu inputs compared, %lu differences\n", inputs, differences);
}
