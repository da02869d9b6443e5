/* tests/bench/lwip/lwipopts.h - lwIP's configuration for `make bench`: the raw TCP API on IPv4,
   no OS (NO_SYS), no statistics, no debug. BENCH_CSUM=0 turns every checksum check and
   generation off, BENCH_CSUM=1 turns them on (lwIP's default). */
#ifndef BENCH_LWIPOPTS_H
#define BENCH_LWIPOPTS_H

#ifndef BENCH_CSUM
#error "compile with -DBENCH_CSUM=0 or -DBENCH_CSUM=1"
#endif

#define NO_SYS                  1
#define SYS_LIGHTWEIGHT_PROT    0
#define LWIP_TIMERS             0
#define LWIP_NETCONN            0
#define LWIP_SOCKET             0
#define LWIP_IPV4               1
#define LWIP_IPV6               0
#define LWIP_ARP                0
#define LWIP_ETHERNET           0
#define LWIP_ICMP               0
#define LWIP_RAW                0
#define LWIP_UDP                0
#define LWIP_DHCP               0
#define LWIP_IGMP               0
#define LWIP_DNS                0
#define LWIP_TCP                1
#define LWIP_STATS              0
#define LWIP_NETIF_API          0
#define IP_REASSEMBLY           0
#define IP_FRAG                 0

#define MEM_ALIGNMENT           8
#define MEM_SIZE                (4 * 1024 * 1024)
#define MEMP_NUM_TCP_PCB        16
#define MEMP_NUM_TCP_PCB_LISTEN 4
#define MEMP_NUM_TCP_SEG        256
#define MEMP_NUM_PBUF           256
#define PBUF_POOL_SIZE          64

#define TCP_MSS                 1460
#define TCP_WND                 65535
#define TCP_SND_BUF             65535
#define TCP_SND_QUEUELEN        256
#define TCP_QUEUE_OOSEQ         1
#define LWIP_TCP_TIMESTAMPS     0
#define LWIP_WND_SCALE          0
#define LWIP_TCP_SACK_OUT       0
#define TCP_MSL                 500   /* TIME-WAIT = 2*MSL = two 500 ms slow-timer ticks */

#define CHECKSUM_GEN_IP         BENCH_CSUM
#define CHECKSUM_GEN_TCP        BENCH_CSUM
#define CHECKSUM_CHECK_IP       BENCH_CSUM
#define CHECKSUM_CHECK_TCP      BENCH_CSUM
#define LWIP_CHECKSUM_ON_COPY   0

#endif
