/*
 * tcpfsm_profiles.c - named configurations (const, shared by any number of connections).
 * Times in microseconds. Each value names its source.
 */
#include "tcpfsm.h"

#define MS UINT32_C(1000)
#define SEC UINT32_C(1000000)

/* RFC defaults. */
const struct tcpfsm_config tcpfsm_profile_rfc = {
    .rto_initial = 1u * SEC,        /* RFC 6298 2.1: "set RTO <- 1 second" */
    .rto_min = 1u * SEC,            /* RFC 6298 2.4: "rounded up to 1 second" */
    .rto_max = 60u * SEC,           /* RFC 6298 2.5: "A maximum value MAY be placed on RTO provided
                                       it is at least 60 seconds" */
    .syn_retries = 7u,              /* RFC 9293 3.8.3: R2 for a SYN "MUST be set large enough to
                                       provide retransmission of the segment for at least 3
                                       minutes": 1+2+4+8+16+32+60+60 s = 183 s */
    .synack_retries = 7u,           /* same rule: the SYN+ACK is a SYN */
    .retries = 6u,                  /* RFC 9293 3.8.3: "R2 SHOULD correspond to at least 100
                                       seconds": 1+2+4+8+16+32+60 s = 123 s */
    .syn_linear_timeouts = 0u,      /* RFC 6298 5.5: every timeout doubles */
    .msl = 120u * SEC,              /* RFC 9293 3.4.2: "MSL ... is taken to be 2 minutes" */
    .fin_wait_2_timeout = 0u,       /* RFC 9293 has no FIN-WAIT-2 timer */
    .window = 65535u,               /* largest unscaled window (RFC 9293 3.1, 16-bit field) */
    .mss = 536u,                    /* RFC 9293 3.7.1: default send MSS 536 (IPv4) */
    .rfc5961_rst = 1u,              /* RFC 5961 3 */
    .rfc5961_syn = 1u,              /* RFC 5961 4 */
    .rfc5961_ack = 1u,              /* RFC 5961 5 */
    .rfc1337 = 1u,                  /* RFC 1337 3 (F1) */
    .tw_reopen = 1u,                /* RFC 9293 3.6.1: a new SYN above RCV.NXT "may be accepted" */
    .challenge_ack_limit = 10u,     /* RFC 5961 7 leaves the limit to the implementation */
    .tw_bsd = 0u,                   /* RFC 9293 3.10.7.4: TIME-WAIT checks segments as any state */
    .drop_synfin = 0u,              /* RFC 9293: a SYN+FIN is a SYN */
    .listen_synack_drop = 0u,       /* RFC 9293 3.10.7.2: "Any acknowledgment is bad ... An
                                       acceptable reset segment should be formed" */
    .ack_repeats_fin = 0u,          /* RFC 9293 3.10.7.4: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> */
    .syn_rst_from_tcb = 0u,         /* RFC 9293 3.10.7.1: the reset formed from the segment */
    .closing_rst_resets = 0u,       /* RFC 9293 3.10.7.4: CLOSING, LAST-ACK: "enter the CLOSED state" */
    .user_timeout = 0u,             /* off: give up by the retry count */
    .connect_timeout = 0u,          /* RFC 9293 3.8.3: the SYN's R2 is a count (syn_retries) */
    .abort_rst_ack = 0u             /* RFC 9293 3.10.5: "<SEQ=SND.NXT><CTL=RST>" */
};

/* Linux defaults (current kernels), as given in issue 4. */
const struct tcpfsm_config tcpfsm_profile_linux = {
    .rto_initial = 1u * SEC,        /* include/net/tcp.h TCP_TIMEOUT_INIT = 1*HZ */
    .rto_min = 200u * MS,           /* include/net/tcp.h TCP_RTO_MIN = HZ/5 */
    .rto_max = 120u * SEC,          /* include/net/tcp.h TCP_RTO_MAX = 120*HZ */
    .syn_retries = 5u,              /* issue 4: "SYN retries 5" (net.ipv4.tcp_syn_retries) */
    .synack_retries = 5u,           /* net.ipv4.tcp_synack_retries = 5 */
    .retries = 15u,                 /* net.ipv4.tcp_retries2 = 15 */
    .syn_linear_timeouts = 4u,      /* net.ipv4.tcp_syn_linear_timeouts = 4 */
    .msl = 30u * SEC,               /* TCP_TIMEWAIT_LEN = 60*HZ is the whole TIME-WAIT: 2*MSL */
    .fin_wait_2_timeout = 60u * SEC,/* net.ipv4.tcp_fin_timeout = 60 */
    .window = 65535u,               /* unscaled maximum (tcp_rmem default 131072, scaled) */
    .mss = 536u,                    /* TCP_MSS_DEFAULT = 536; the host sets the negotiated MSS */
    .rfc5961_rst = 1u,              /* tcp_validate_incoming(): RFC 5961 3.2 challenge ACK */
    .rfc5961_syn = 1u,              /* tcp_validate_incoming(): RFC 5961 4.2 */
    .rfc5961_ack = 1u,              /* tcp_ack(): RFC 5961 5.2 */
    .rfc1337 = 0u,                  /* net.ipv4.tcp_rfc1337 = 0: a RST ends TIME-WAIT */
    .tw_reopen = 1u,                /* tcp_timewait_state_process(): SYN with seq after rcv_nxt */
    .challenge_ack_limit = 2u,      /* net.ipv4.tcp_invalid_ratelimit = 500 ms per socket */
    .tw_bsd = 0u,                   /* tcp_timewait_state_process() is not BSD's tcp_twcheck() */
    .drop_synfin = 0u,              /* Linux has no such knob */
    .listen_synack_drop = 0u,       /* tcp_rcv_state_process(), LISTEN: an ACK returns 1: RST */
    .ack_repeats_fin = 0u,          /* tcp_send_ack(): <SEQ=snd_nxt><CTL=ACK> */
    .syn_rst_from_tcb = 0u,         /* Linux has no RFC 793 SYN mode (RFC 5961 4 always): the RFC value */
    .closing_rst_resets = 0u,       /* the RFC value: not checked against Linux's tcp_reset() (issue 12
                                       compared the freebsd profile only) */
    .user_timeout = 0u,             /* off: give up by the retry count */
    .connect_timeout = 0u,          /* Linux ends a connection attempt by tcp_syn_retries only */
    .abort_rst_ack = 1u             /* tcp_send_active_reset(): tcp_init_nondata_skb(skb,
                                       tcp_acceptable_seq(sk), TCPHDR_ACK | TCPHDR_RST) */
};

/* FreeBSD defaults. */
const struct tcpfsm_config tcpfsm_profile_freebsd = {
    .rto_initial = 1u * SEC,        /* sys/netinet/tcp_timer.h TCPTV_RTOBASE = 1 s */
    .rto_min = 30u * MS,            /* net.inet.tcp.rexmit_min = 30 ms */
    .rto_max = 64u * SEC,           /* TCPTV_REXMTMAX = 64 s */
    .syn_retries = 6u,              /* 1+2+4+8+16+32 = 63 s of backoff; the keepinit timer
                                       (connect_timeout, 75 s) ends the attempt before the count */
    .synack_retries = 3u,           /* net.inet.tcp.syncache.rexmtlimit = 3 */
    .retries = 12u,                 /* TCP_MAXRXTSHIFT = 12 */
    .syn_linear_timeouts = 0u,      /* tcp_syn_backoff[] doubles after the first */
    .msl = 30u * SEC,               /* net.inet.tcp.msl = 30000 ms (TIME-WAIT 60 s) */
    .fin_wait_2_timeout = 60u * SEC,/* net.inet.tcp.finwait2_timeout = 60 s */
    .window = 65535u,               /* net.inet.tcp.recvspace = 65536, unscaled maximum 65535 */
    .mss = 536u,                    /* net.inet.tcp.mssdflt = 536 */
    .rfc5961_rst = 1u,              /* net.inet.tcp.insecure_rst = 0 */
    .rfc5961_syn = 1u,              /* net.inet.tcp.insecure_syn = 0 */
    .rfc5961_ack = 1u,              /* tcp_do_segment(): challenge ACK for ACK out of range */
    .rfc1337 = 1u,                  /* tcp_twcheck(): "RST ... in TIME_WAIT: drop" (RFC 1337) */
    .tw_reopen = 1u,                /* tcp_twcheck(): SYN with seq > rcv_nxt recycles the tw */
    .challenge_ack_limit = 5u,      /* net.inet.tcp.ack_war_cnt = 5 per ack_war_timewindow 1 s */
    .tw_bsd = 1u,                   /* sys/netinet/tcp_timewait.c tcp_twcheck() */
    .drop_synfin = 0u,              /* net.inet.tcp.drop_synfin = 0 */
    .listen_synack_drop = 1u,       /* tcp_input(): "SYN|ACK invalid, segment ignored" */
    .ack_repeats_fin = 1u,          /* tcp_output(): tcp_outflags[] carries FIN in FIN-WAIT-1, CLOSING and
                                       LAST-ACK; "If resending a FIN, be sure not to use a new sequence
                                       number" (snd_nxt--) */
    .syn_rst_from_tcb = 1u,         /* tcp_do_segment(): insecure in-window SYN -> tcp_drop() ->
                                       tcp_output() of RST|ACK at snd_nxt, rcv_nxt */
    .closing_rst_resets = 1u,       /* tcp_do_segment(): a valid RST sets so_error = ECONNRESET in every
                                       synchronized state, CLOSING and LAST-ACK included */
    .user_timeout = 0u,             /* off: give up by the retry count */
    .connect_timeout = 75u * SEC,   /* net.inet.tcp.keepinit = TCPTV_KEEP_INIT = 75 s: tcp_timer_keep()
                                       drops a connection not yet established */
    .abort_rst_ack = 1u             /* tcp_drop() -> tcp_output() in CLOSED: tcp_outflags[TCPS_CLOSED] =
                                       TH_RST|TH_ACK */
};
