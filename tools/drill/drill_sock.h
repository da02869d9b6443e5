/*
 * drill_sock.h - a small socket layer over the tcpfsm core, as an embedding stack would write it.
 *
 * It uses the public API of src/tcpfsm.h only: it owns the connection blocks, demultiplexes
 * arriving segments (the script talks to one remote endpoint, so there is one 4-tuple), keeps
 * the per-socket facts a socket API needs (bytes readable, end of stream, pending error, accept
 * queue) from the events the core reports, and hands every emitted segment to the engine.
 */
#ifndef TCPFSM_DRILL_SOCK_H
#define TCPFSM_DRILL_SOCK_H

#include "drill.h"
#include "tcpfsm.h"

#define DRILL_MAX_BLOCKS 256
#define DRILL_MAX_SOCKETS 64
#define DRILL_MAX_EMITTED 256

struct drill_block {
    int used;                      /* allocated and not yet released */
    struct tcpfsm_conn conn;
    struct tcpfsm_config cfg;      /* this connection's configuration (send MSS from the peer's SYN) */
    tcpfsm_time_t deadline;        /* from the last tcpfsm_output */
    uint32_t local_isn;            /* ISS of the current incarnation, for relative numbering */
    uint32_t last_snd_nxt;         /* SND.NXT after the last call */
    uint32_t readable;             /* bytes received and not yet read */
    int peer_closed;               /* end of stream reached */
    int so_error;                  /* pending error (errno value) or 0 */
    int connected;                 /* the handshake completed at least once */
    int listener_socket;           /* socket index of the listener it came from, or -1 */
    int in_accept_queue;           /* established, waiting for accept */
    unsigned long accept_order;    /* FIFO order of the accept queue */
    int socket;                    /* socket index referring to it, or -1 */
    int is_listener;
    int spawning;                  /* passively opened for one segment, not yet given it */
    uint32_t peer_mss;             /* MSS the peer's SYN offered (536 without the option); 0 before it */
    int peer_wscale;               /* window scale shift the peer's SYN offered, -1 if none (RFC 7323) */
};

struct drill_socket {
    int used;
    long script_fd;                /* the script's number for it */
    int block;                     /* index into blocks, or -1 */
    int nonblocking;
    int listening;
    int connecting;                /* connect() issued */
    int shut_wr;
    int shut_rd;
    int abort_on_close;            /* SO_LINGER {onoff=1, linger=0}: close() aborts */
    int nodelay;                   /* TCP_NODELAY as set (the core never delays: Nagle is not modelled) */
    uint32_t rcvbuf, sndbuf;       /* SO_RCVBUF / SO_SNDBUF as set (FreeBSD rounds them when asked) */
    int has_user_timeout, has_keepinit; /* set by setsockopt: they override the stack's knobs */
    uint32_t user_timeout;         /* TCP_USER_TIMEOUT in microseconds (the core's cfg.user_timeout); 0: off */
    uint32_t keepinit;             /* TCP_KEEPINIT in microseconds (the core's cfg.connect_timeout) */
};

struct drill_emitted {
    tcpfsm_time_t time;
    struct tcpfsm_segment seg;
    uint32_t local_isn;            /* to make seq relative */
    int absolute_seq;              /* <SEQ=0><CTL=RST,ACK> reply from no connection: seq is absolute */
    int block;                     /* emitting block, -1 for a reply from no connection */
    int cause_line;                /* script line being processed when it was sent, 0 for a timer */
};

struct drill_stack {
    struct tcpfsm_config cfg;      /* configuration for new connections (sysctls change it) */
    uint32_t iss;
    uint32_t peer_isn;
    uint32_t last_local_isn;       /* ISN of the most recent connection (for replies from no connection) */
    tcpfsm_time_t now;             /* virtual clock, microseconds since the script's time 0 */
    struct drill_block blocks[DRILL_MAX_BLOCKS];
    size_t nblocks;
    struct drill_socket sockets[DRILL_MAX_SOCKETS];
    struct drill_emitted emitted[DRILL_MAX_EMITTED];
    size_t emitted_head, emitted_count;
    unsigned long accept_counter;
    int socket_under_test;         /* block reported by tcpi_state: last accepted/connected */
    int last_block;                /* last block that did anything (for failure messages) */
    FILE *log;                     /* verbose log, or NULL */
    unsigned char *rows_taken;
    size_t rows_taken_len;
    int current_line;              /* script line being processed (0 while timers fire) */
    char failure[512];             /* set when the core misbehaves (bad return code, overflow) */
    /* The socket API of the host the profile names: FreeBSD's (freebsd, rfc) or Linux's (linux). */
    int bsd;
    uint32_t recvspace, sendspace; /* FreeBSD net.inet.tcp.recvspace / sendspace (default 65536 / 32768) */
    uint32_t sb_max;               /* FreeBSD kern.ipc.maxsockbuf (default 2097152) */
    uint16_t link_mss;             /* MTU 1500 less the IP and TCP headers: 1460 (IPv4), 1440 (IPv6) */
    uint16_t default_mss;          /* the peer's MSS when its SYN has no option (RFC 9293 3.7.1):
                                      536 (IPv4), 1220 (IPv6), passed to the core in seg.mss */
    int rcvbuf_window;             /* freebsd: the core's receive buffer (cfg.window) is the socket's,
                                      rounded up to a multiple of the MSS once it is known (tcp_mss());
                                      off once a script sets tcpfsm.window itself */
    tcpfsm_time_t poll_start;      /* when the pending poll() began */
};

enum drill_call_status {
    DRILL_CALL_DONE,               /* *ret and *err hold the outcome */
    DRILL_CALL_WOULD_BLOCK,        /* a blocking call that cannot complete yet */
    DRILL_CALL_NOT_MODELLED        /* the call (or this use of it) is not modelled: the script is skipped */
};

struct drill_call_outcome {
    int64_t ret;
    int err;                       /* errno value when ret == -1 */
    int has_optval;                /* getsockopt SO_ERROR: the value returned through the pointer */
    int optval;
    int fd_result;                 /* ret is a new file descriptor */
    char unmodelled[120];          /* NOT_MODELLED: the construct ("setsockopt(TCP_MAXSEG)") */
    char mismatch[256];            /* DONE: a value returned through a pointer differs from the script's */
};

void drill_stack_init(struct drill_stack *s, const struct tcpfsm_config *cfg, uint32_t iss,
                      uint32_t peer_isn, FILE *log, unsigned char *rows_taken, size_t rows_taken_len);

/* Inject a segment written with relative numbers. */
void drill_stack_inject(struct drill_stack *s, const struct drill_packet *p);

/* Earliest core deadline, TCPFSM_NO_DEADLINE if none; *block gets its block. */
tcpfsm_time_t drill_stack_next_deadline(const struct drill_stack *s, int *block);
void drill_stack_fire(struct drill_stack *s, int block);

/* A system call. `retry` is set when a blocked call is tried again. */
enum drill_call_status drill_stack_syscall(struct drill_stack *s, const struct drill_syscall *call,
                                           int retry, struct drill_call_outcome *out);

/* tcpdrop: ABORT every connection in `state` (every one if `all`). */
void drill_stack_drop(struct drill_stack *s, enum tcpfsm_state state, int all);

/* How many connection blocks are in `state` (the listener counts as LISTEN). */
unsigned drill_stack_count_state(const struct drill_stack *s, enum tcpfsm_state state);

/* The state of the socket under test (last accepted or connected, else the listener). */
int drill_stack_state_under_test(const struct drill_stack *s, enum tcpfsm_state *state);

/* Describe the current connection ("ESTABLISHED") for failure messages; NULL if there was none. */
const char *drill_stack_current_state(const struct drill_stack *s);

/* A state by Linux name (TCP_ESTABLISHED), FreeBSD name (TCPS_ESTABLISHED, or TCPI_ESTABLISHED) or
   Linux number; -1 if none. */
int drill_state_from_name(const char *name, enum tcpfsm_state *state);

int drill_errno_from_name(const char *name);
const char *drill_errno_name(int err);

/* Linux's number of a TCP state (include/net/tcp_states.h), as tcpi_state reports it; 0 if none. */
int drill_linux_state(enum tcpfsm_state st);

#endif /* TCPFSM_DRILL_SOCK_H */
