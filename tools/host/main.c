/* tools/host/main.c - tcpfsm-tun: a user-space TCP endpoint on a TUN device, around the tcpfsm
   core. Options are checked before anything starts; see usage(). */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "host.h"
#include "iss.h"
#include "tun.h"

static volatile sig_atomic_t stop, dump;
static void on_stop(int s) { (void)s; stop = 1; }
static void on_dump(int s) { (void)s; dump = 1; }

static void usage(FILE *f)
{
    fprintf(f,
        "usage: tcpfsm-tun --dev TUN --addr A.B.C.D (--listen PORT | --connect A.B.C.D:PORT) [options]\n"
        "  --listen PORT        echo service on PORT\n"
        "  --connect IP:PORT    client: send --send-file, write what arrives to --recv-file\n"
        "  --send-file F --recv-file F\n"
        "  --close-after N      close once N bytes were received (and echoed); default: on the peer's FIN\n"
        "  --abort-after N      abort once N bytes were received\n"
        "  --drop DIR:KIND[:N]  drop the Nth in|out segment of KIND syn|synack|data|fin|twack|rst|any (repeatable)\n"
        "  --hold-fin           hold our first FIN until the peer's FIN arrives (simultaneous close)\n"
        "  --msl-ms N           maximum segment lifetime (default 1000; TIME-WAIT is 2*MSL)\n"
        "  --rto-ms N           initial and minimum RTO (default 200)\n"
        "  --mtu N              (default 1500; our MSS is MTU - 40)\n"
        "  --exit-after N       exit after N connections closed (client: 1)\n"
        "Prints state changes and events per connection; counters on exit and on SIGUSR1.\n"
        "Exit status: 0, 1 bad usage or setup, client: 2 refused, 3 reset, 4 timed out.\n");
}

static int bad(const char *opt, const char *val, const char *what)
{
    fprintf(stderr, "tcpfsm-tun: %s %s: expected %s\n", opt, val ? val : "(missing)", what);
    return 1;
}

static int num(const char *s, unsigned long long max, unsigned long long *v)
{
    char *end;

    if (s == NULL || *s < '0' || *s > '9')
        return -1;
    errno = 0;
    *v = strtoull(s, &end, 10);
    return errno != 0 || *end != '\0' || *v > max ? -1 : 0;
}

static int ip4(const char *s, uint32_t *a)
{
    struct in_addr in;

    if (s == NULL || inet_pton(AF_INET, s, &in) != 1)
        return -1;
    *a = ntohl(in.s_addr);
    return 0;
}

static int parse_args(int argc, char **argv, struct host_opts *o, const char **dev)
{
    unsigned long long v, msl = 1000, rto = 200, mtu = 1500;
    char err[128];
    int i;

    o->cfg = tcpfsm_profile_linux;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i], *n = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--help") == 0) { usage(stdout); exit(0); }
        if (strcmp(a, "--hold-fin") == 0) { o->hold_fin = 1; continue; }
        if (n == NULL) return bad(a, NULL, "a value");
        i++;
        if (strcmp(a, "--dev") == 0) *dev = n;
        else if (strcmp(a, "--addr") == 0) { if (ip4(n, &o->addr)) return bad(a, n, "an IPv4 address"); }
        else if (strcmp(a, "--listen") == 0) {
            if (num(n, 65535, &v) || v == 0) return bad(a, n, "a port 1..65535");
            o->listen_port = (uint16_t)v;
        } else if (strcmp(a, "--connect") == 0) {
            char host[64];
            const char *c = strrchr(n, ':');
            if (c == NULL || (size_t)(c - n) >= sizeof host) return bad(a, n, "IP:PORT");
            memcpy(host, n, (size_t)(c - n));
            host[c - n] = '\0';
            if (ip4(host, &o->connect_addr) || num(c + 1, 65535, &v) || v == 0) return bad(a, n, "IP:PORT");
            o->connect_port = (uint16_t)v;
        } else if (strcmp(a, "--send-file") == 0) {
            if ((o->send_file = fopen(n, "rb")) == NULL) return bad(a, n, "a readable file");
        } else if (strcmp(a, "--recv-file") == 0) {
            if ((o->recv_file = fopen(n, "wb")) == NULL) return bad(a, n, "a writable file");
        } else if (strcmp(a, "--close-after") == 0) { if (num(n, ~0ULL, &v)) return bad(a, n, "a byte count"); o->close_after = v; }
        else if (strcmp(a, "--abort-after") == 0) { if (num(n, ~0ULL, &v)) return bad(a, n, "a byte count"); o->abort_after = v; }
        else if (strcmp(a, "--drop") == 0) { if (drop_add(&o->drops, n, err)) { fprintf(stderr, "tcpfsm-tun: %s\n", err); return 1; } }
        else if (strcmp(a, "--msl-ms") == 0) { if (num(n, 4000000, &msl) || msl == 0) return bad(a, n, "1..4000000"); }
        else if (strcmp(a, "--rto-ms") == 0) { if (num(n, 60000, &rto) || rto == 0) return bad(a, n, "1..60000"); }
        else if (strcmp(a, "--mtu") == 0) { if (num(n, 65535, &mtu) || mtu < 576) return bad(a, n, "576..65535"); }
        else if (strcmp(a, "--exit-after") == 0) {
            if (num(n, 1000000, &v)) return bad(a, n, "a count");
            o->exit_after = (unsigned)v;
        } else {
            fprintf(stderr, "tcpfsm-tun: %s: unknown option\n", a);
            usage(stderr);
            return 1;
        }
    }
    if (*dev == NULL || o->addr == 0 || (o->listen_port == 0) == (o->connect_port == 0)) {
        fprintf(stderr, "tcpfsm-tun: expected --dev, --addr and one of --listen, --connect\n");
        usage(stderr);
        return 1;
    }
    if (o->connect_port != 0 && o->exit_after == 0)
        o->exit_after = 1;
    o->cfg.msl = (uint32_t)(msl * 1000u);
    o->cfg.rto_initial = o->cfg.rto_min = (uint32_t)(rto * 1000u);
    o->cfg.rto_max = 10u * 1000000u;   /* the host's policy: at most 10 s, or --rto-ms if larger */
    if (o->cfg.rto_max < o->cfg.rto_min) o->cfg.rto_max = o->cfg.rto_min;
    o->cfg.syn_linear_timeouts = 0;
    o->cfg.mss = (uint16_t)(mtu - 40u);
    {
        /* tcpfsm_init validates the configuration (RTO bounds, MSL, MSS, window): ask it once
           here, so that a bad one is an error at start and not a refused connection later */
        struct tcpfsm_conn probe;
        if (tcpfsm_init(&probe, &o->cfg) != TCPFSM_OK) {
            fprintf(stderr, "tcpfsm-tun: tcpfsm_init refuses the configuration "
                            "(RTO bounds, MSL, MSS or window out of range)\n");
            return 1;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    static struct host h;
    static uint8_t pkt[65536];
    const char *dev = NULL;
    struct sigaction sa;

    if (parse_args(argc, argv, &h.o, &dev) != 0)
        return 1;
    if (iss_init() != 0) {
        fprintf(stderr, "tcpfsm-tun: getrandom: %s\n", strerror(errno));
        return 1;
    }
    h.fd = tun_open(dev);
    if (h.fd < 0) {
        fprintf(stderr, "tcpfsm-tun: %s: cannot attach to the TUN device: %s\n", dev, strerror(errno));
        return 1;
    }
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sa.sa_handler = on_dump;
    sigaction(SIGUSR1, &sa, NULL);
    h.t0 = host_now();
    printf("tcpfsm-tun: on %s, MSS %u, MSL %u ms, RTO %u ms\n", dev, h.o.cfg.mss, h.o.cfg.msl / 1000u,
           h.o.cfg.rto_initial / 1000u);
    fflush(stdout);
    if (h.o.connect_port != 0 && host_connect(&h) != 0) {
        fprintf(stderr, "tcpfsm-tun: cannot open the connection\n");
        return 1;
    }
    while (!stop && !(h.o.exit_after != 0 && h.closed >= h.o.exit_after)) {
        struct pollfd pfd = { .fd = h.fd, .events = POLLIN, .revents = 0 };
        uint64_t next = host_next_deadline(&h), now = host_now();
        int timeout = next == UINT64_MAX ? 1000 : next <= now ? 0 : (int)((next - now + 999u) / 1000u);
        ssize_t n;

        if (timeout > 1000)
            timeout = 1000;
        if (poll(&pfd, 1, timeout) < 0 && errno != EINTR) {
            fprintf(stderr, "tcpfsm-tun: poll: %s\n", strerror(errno));
            break;
        }
        while ((n = read(h.fd, pkt, sizeof pkt)) > 0)
            host_input(&h, pkt, (size_t)n);
        host_timers(&h);
        if (dump) {
            dump = 0;
            host_print_counters(&h, stdout);
        }
    }
    host_print_counters(&h, stdout);
    if (h.o.recv_file)
        fclose(h.o.recv_file);
    return h.exit_code;
}
