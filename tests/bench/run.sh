#!/bin/bash
# tests/bench/run.sh BENCH_DIR N... - the figures of `make bench` (issue 15). Never a pass/fail on
# speed: it fails only when a workload does not end where it must or a tool is missing.
#
# Instructions: valgrind --tool=callgrind counting only inside the bench's m_* functions, run with
# BENCH_N1 and BENCH_N2 iterations; (I(N2) - I(N1)) / (N2 - N1) per workload, so that start-up,
# first-call costs and the driver cancel. ns_per_op: the fastest of three native runs of BENCH_NT
# iterations, wall clock, the driver's packet construction included. Scaling: bench-scale N for each N given.
set -euo pipefail
dir=${1:?usage: run.sh BENCH_DIR N...}
shift
scale_ns=("$@")
n1=${BENCH_N1:-100}
n2=${BENCH_N2:-600}
nt=${BENCH_NT:-50000}
workloads=(passive_lifecycle active_lifecycle data_segment_in ack_in)
impls=(tcpfsm tcpfsm+headers lwip-csum-off lwip-csum-on)
declare -A bin=([tcpfsm]=bench-tcpfsm [tcpfsm+headers]=bench-tcpfsm-headers
                [lwip-csum-off]=bench-lwip-csum0 [lwip-csum-on]=bench-lwip-csum1)
declare -A target=([passive_lifecycle]=1000 [active_lifecycle]=1000 [data_segment_in]=150 [ack_in]=150)
command -v valgrind >/dev/null || { echo "bench: valgrind not installed (make deps)" >&2; exit 1; }
command -v gnuplot >/dev/null || { echo "bench: gnuplot not installed (make deps)" >&2; exit 1; }

count() {   # count BIN WORKLOAD N -> instructions inside m_*
    local out="$dir/callgrind.$1.$2.$3.out"
    valgrind --tool=callgrind --collect-atstart=no --toggle-collect='m_*' --callgrind-out-file="$out" \
        "$dir/$1" "$2" "$3" >/dev/null 2>"$out.log" || { echo "bench: $1 $2 $3 failed:" >&2; cat "$out.log" >&2; exit 1; }
    awk '/^(summary|totals):/ { print $2; exit }' "$out"
}

declare -A ins ns bytes
for im in "${impls[@]}"; do
    b=${bin[$im]}
    bytes[$im]=$("$dir/$b" sizeof)
    for w in "${workloads[@]}"; do
        c1=$(count "$b" "$w" "$n1")
        c2=$(count "$b" "$w" "$n2")
        ins[$im,$w]=$(awk -v a="$c1" -v b="$c2" -v n1="$n1" -v n2="$n2" 'BEGIN { printf "%.1f", (b - a) / (n2 - n1) }')
        ns[$im,$w]=$(for k in 1 2 3; do "$dir/$b" "$w" "$nt" time; done | sort -g | awk 'NR == 1')
    done
done

tsv="$dir/results.tsv"
printf 'workload\timplementation\tinstructions\tns_per_op\tbytes\tratio\n' > "$tsv"
for w in "${workloads[@]}"; do
    for im in "${impls[@]}"; do
        r=$(awk -v a="${ins[$im,$w]}" -v b="${ins[tcpfsm,$w]}" 'BEGIN { printf "%.2f", a / b }')
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$w" "$im" "${ins[$im,$w]}" "${ns[$im,$w]}" "${bytes[$im]}" "$r" >> "$tsv"
    done
done

echo
echo "== instructions per workload (callgrind, gcc -O2, x86-64; (I($n2) - I($n1)) / $((n2 - n1)))"
printf '%-18s %9s %9s %10s %10s %9s %9s   %s\n' workload tcpfsm "+headers" "lwIP off" "lwIP on" "off/core" "on/+hdr" "target (tcpfsm)"
for w in "${workloads[@]}"; do
    a=${ins[tcpfsm,$w]} h=${ins[tcpfsm+headers,$w]} o=${ins[lwip-csum-off,$w]} c=${ins[lwip-csum-on,$w]}
    met=$(awk -v a="$a" -v t="${target[$w]}" 'BEGIN { print (a <= t) ? "met" : "not met" }')
    printf '%-18s %9s %9s %10s %10s %8.2fx %8.2fx   <= %s: %s\n' "$w" "$a" "$h" "$o" "$c" \
        "$(awk -v x="$o" -v y="$a" 'BEGIN { print x / y }')" "$(awk -v x="$c" -v y="$h" 'BEGIN { print x / y }')" \
        "${target[$w]}" "$met"
done
echo "(off/core: lwIP with checksums off over tcpfsm alone; on/+hdr: lwIP with checksums on over"
echo " tcpfsm with the host's header parsing and building, the like-for-like pair. Targets are issue 15's,"
echo " for the core alone; \"met\"/\"not met\" is information, not a test result.)"
echo
echo "== wall clock per iteration (ns, fastest of 3 runs of $nt; the driver's packet construction included;"
echo "   a figure: on a shared machine it varies by 2-3x, the instruction counts above do not)"
for w in "${workloads[@]}"; do
    printf '%-18s %9s %9s %10s %10s\n' "$w" "${ns[tcpfsm,$w]}" "${ns[tcpfsm+headers,$w]}" "${ns[lwip-csum-off,$w]}" "${ns[lwip-csum-on,$w]}"
done
echo
echo "== connection block"
sz=${bytes[tcpfsm]}
printf 'sizeof(struct tcpfsm_conn) = %s bytes (target <= 64: %s; <= 96 with the data path: %s)\n' "$sz" \
    "$([ "$sz" -le 64 ] && echo met || echo 'not met')" "$([ "$sz" -le 96 ] && echo met || echo 'not met')"
printf 'sizeof(struct tcp_pcb)     = %s bytes (lwIP %s, this configuration)\n' "${bytes[lwip-csum-off]}" "$(basename "$(ls -d "$dir"/../lwip-src/lwip-*/ | head -1)")"
cat <<'NOTES'

== fairness notes
tcpfsm (core): takes a parsed header (struct tcpfsm_segment) for a connection the host already
  found; classifies it (RFC 9293 3.10.7 order, RFC 5961 checks), takes the table row, updates
  SND/RCV variables, RTT (RFC 6298), the one deadline, and writes the segments to send as
  headers. No parsing, no checksums, no options, no demultiplexing, no buffers, no payload, no
  memory allocation; no congestion control and no delayed ACK yet (issue 9): every data
  segment is ACKed at once.
tcpfsm+headers: the above plus tools/host/pkt_parse.c (IPv4 and TCP header checks, IPv4 header
  checksum and TCP checksum over the whole segment, options) for every arriving packet and
  tools/host/pkt_build.c (IPv4 and TCP headers, both checksums, MSS option on SYNs) for every
  emitted segment. Still no demultiplexing (lwIP searches its PCB lists) and no buffers. The
  host's checksum (pkt_csum) assembles each 16-bit word from two byte loads; lwIP's
  (LWIP_CHKSUM_ALGORITHM 2) loads aligned 16-bit words, which is most of why tcpfsm+headers
  costs more than lwIP with checksums on for a full segment.
lwIP (2.1.3, Debian's source, built here with tests/bench/lwip/lwipopts.h): tcp_input() as
  ip4_input() calls it (the IPv4 header is not parsed: lwIP's own IP input is not counted), with
  the PCB lookup, TCP checksum check (on), options, segment processing, pbuf handling and freeing,
  the application's callbacks (tcp_recved + pbuf_free consume the data), delayed ACK (an ACK every
  second full segment; the flag otherwise), Nagle, congestion control (cwnd/ssthresh), RTT, and
  output through tcp_output and ip4_output_if (pbuf allocation, IPv4 header, checksums when on)
  to a netif whose output function only reads the header. Building the arriving packets (pbuf
  allocation, header, checksum) is the peer's work and is not counted; nor is tcp_write+tcp_output
  of the data whose ACK is measured. lwIP's TIME-WAIT is polled by tcp_slowtmr every 500 ms: only
  the tick that frees the PCB is counted (TCP_MSL is 500 ms here so that it comes after 2 ticks);
  tcpfsm's host uses a timer wheel, so one tcpfsm_timer call at the deadline.
Both: the lifecycles include creating/initialising the connection (tcp_new + tcp_connect,
  tcpfsm_init + tcpfsm_open_*); lwIP's listening PCB is made once, tcpfsm's LISTEN per connection.
NOTES

if [ ${#scale_ns[@]} -gt 0 ]; then
    echo
    echo "== concurrent connections through open, data, close and TIME-WAIT expiry (timer wheel)"
    printf '%10s %12s %10s %14s %16s\n' connections "max RSS MiB" seconds "ns/connection" "RSS bytes/conn"
    : > "$dir/scale.dat"
    base=""
    for n in "${scale_ns[@]}"; do
        line=$("$dir/bench-scale" "$n")
        read -r _ rss secs <<< "$line"
        per=$(awk -v s="$secs" -v n="$n" 'BEGIN { printf "%.1f", s * 1e9 / n }')
        [ -n "$base" ] || base=$per
        ratio=$(awk -v p="$per" -v b="$base" 'BEGIN { printf "%.2f", p / b }')
        printf '%10s %12.1f %10s %14s %16.1f\n' "$n" "$(awk -v r="$rss" 'BEGIN { print r / 1024 }')" "$secs" "$per" \
            "$(awk -v r="$rss" -v n="$n" 'BEGIN { print r * 1024 / n }')"
        printf 'scale_%s\ttcpfsm\t-\t%s\t%s\t%s\n' "$n" "$per" "$((rss * 1024))" "$ratio" >> "$tsv"
        echo "$n $secs $((rss * 1024))" >> "$dir/scale.dat"
    done
    read -r n_lo _ rss_lo < <(head -1 "$dir/scale.dat")
    read -r n_hi _ rss_hi < <(tail -1 "$dir/scale.dat")
    if [ "$n_hi" -gt "$n_lo" ]; then
        printf 'memory per added connection from %s to %s: %.1f bytes (struct tcpfsm_conn %s + two 32-bit wheel links)\n' \
            "$n_lo" "$n_hi" "$(awk -v a="$rss_lo" -v b="$rss_hi" -v x="$n_lo" -v y="$n_hi" 'BEGIN { print (b - a) / (y - x) }')" \
            "${bytes[tcpfsm]}"
    fi
    printf 'linearity: time per connection at %s over that at %s = %s (1.00: linear; a figure)\n' \
        "${scale_ns[-1]}" "${scale_ns[0]}" "$ratio"
    echo "(ratio column of results.tsv for scale_N: ns per connection over that of the smallest N; 1.00 is linear."
    echo " RSS includes the process's fixed start-up memory, which dominates at small N.)"
fi

# plots
for w in "${workloads[@]}"; do
    printf '%s %s %s %s %s\n' "$w" "${ins[tcpfsm,$w]}" "${ins[tcpfsm+headers,$w]}" "${ins[lwip-csum-off,$w]}" "${ins[lwip-csum-on,$w]}"
done > "$dir/instructions.dat"
gnuplot <<GP
set terminal svg size 900,500 dynamic
set output '$dir/instructions.svg'
set title 'Instructions per workload (callgrind, gcc -O2)'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set ylabel 'instructions'
set xtics noenhanced
set key top left noenhanced
set grid ytics
plot '$dir/instructions.dat' using 2:xtic(1) title 'tcpfsm', '' using 3 title 'tcpfsm + headers', \
     '' using 4 title 'lwIP, checksums off', '' using 5 title 'lwIP, checksums on'
GP
if [ -s "$dir/scale.dat" ]; then
gnuplot <<GP
set terminal svg size 900,500 dynamic
set output '$dir/scaling.svg'
set title 'N concurrent tcpfsm connections: open, data, close, TIME-WAIT expiry (timer wheel)'
set logscale xy
set xlabel 'connections'
set ylabel 'seconds'
set y2label 'max RSS (MiB)'
set logscale y2
set ytics nomirror
set y2tics
set key top left
set grid
plot '$dir/scale.dat' using 1:2 with linespoints title 'total time (s)', \
     '' using 1:(\$3/1048576) axes x1y2 with linespoints title 'max RSS (MiB)'
GP
fi
echo
echo "bench: results in $tsv, plots $dir/instructions.svg${scale_ns:+ and $dir/scaling.svg}"
