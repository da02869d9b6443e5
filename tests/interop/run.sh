#!/usr/bin/env bash
# tests/interop/run.sh [SCENARIO...]: tcpfsm-tun against the Linux kernel, each scenario in a
# network namespace of its own (192.0.2.0/24 only, nothing leaves it), deleted at the end (also on
# failure). Every scenario is checked on both sides: the core's state changes and events printed by
# tcpfsm-tun, and the kernel's socket calls (tests/interop/peer.py) and `ss -tan`. A capture of
# each scenario is kept in build/interop/NAME.pcap, the logs next to it. Times are figures; only a
# generous hang limit (HANG_LIMIT seconds per process) stops a scenario, and says so.
# Needs CAP_NET_ADMIN; without it prints `skipped: needs CAP_NET_ADMIN` and exits 77.
set -uo pipefail
cd "$(dirname "$0")/../.."

BUILD=${BUILD:-build}
HOST=${TCPFSM_TUN:-$BUILD/tcpfsm-tun}
PEER=tests/interop/peer.py
OUT=${INTEROP_OUT:-$BUILD/interop}
HANG_LIMIT=${HANG_LIMIT:-120}
MB=1048576
NS=""
PIDS=()

can_run() {
    local probe=tfsm-probe-$$
    [ "$(id -u)" -eq 0 ] || return 1
    ip netns add "$probe" 2>/dev/null || return 1
    ip netns del "$probe"
}
if [ "${1:-}" = "--check" ]; then
    can_run && exit 0
    echo "skipped: needs CAP_NET_ADMIN"; exit 77
fi
if ! can_run; then
    echo "skipped: needs CAP_NET_ADMIN"
    exit 77
fi
[ -x "$HOST" ] || { echo "interop: $HOST: not built (make)" >&2; exit 1; }
mkdir -p "$OUT"

cleanup() {
    local p
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
    for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
    PIDS=()
    if [ -n "$NS" ]; then ip netns del "$NS" 2>/dev/null; NS=""; fi
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM

nsx() { ip netns exec "$NS" "$@"; }

# setup NAME: a fresh namespace with the TUN device tfsm0 (the kernel is 192.0.2.1, tcpfsm
# 192.0.2.2) and a capture running.
setup() {
    NS=tfsm-$1-$$
    NS=${NS:0:40}
    ip netns add "$NS"
    nsx sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
    nsx ip link set lo up
    nsx ip tuntap add dev tfsm0 mode tun
    nsx ip addr add 192.0.2.1/24 dev tfsm0
    nsx ip link set tfsm0 up
    rm -f "$OUT/$1".*
    ip netns exec "$NS" tcpdump -i tfsm0 -nn -U --immediate-mode -s 256 -w "$OUT/$1.pcap" >/dev/null 2>"$OUT/$1.tcpdump.log" &
    PIDS+=($!)
    wait_for "$OUT/$1.tcpdump.log" "listening on" || echo "interop: $1: tcpdump did not start (no capture)"
}

# wait_for FILE REGEX: until a line matches (HANG_LIMIT).
wait_for() {
    local i
    for ((i = 0; i < HANG_LIMIT * 10; i++)); do
        grep -Eq "$2" "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

# host NAME ARGS...: start tcpfsm-tun in the namespace; HOST_PID.
host() {
    local name=$1; shift
    ip netns exec "$NS" timeout -s TERM "$HANG_LIMIT" "$HOST" --dev tfsm0 --addr 192.0.2.2 --msl-ms 1000 --rto-ms 200 "$@" \
        >"$OUT/$name.host.log" 2>&1 &
    HOST_PID=$!
    PIDS+=("$HOST_PID")
    wait_for "$OUT/$name.host.log" "^tcpfsm-tun: on" || fail "tcpfsm-tun did not start"
}

# peer NAME ARGS...: run the kernel side to its end; PEER_RC.
peer() {
    local name=$1; shift
    nsx timeout -s KILL "$HANG_LIMIT" python3 "$PEER" "$@" --timeout $((HANG_LIMIT / 2)) >>"$OUT/$name.peer.log" 2>&1
    PEER_RC=$?
    [ "$PEER_RC" -ne 137 ] || fail "HANG: the kernel-side peer ran past the hang limit (${HANG_LIMIT} s)"
}

# host_wait: wait for tcpfsm-tun to exit by itself; HOST_RC.
host_wait() {
    wait "$HOST_PID"; HOST_RC=$?
    [ "$HOST_RC" -ne 124 ] || fail "HANG: tcpfsm-tun ran past the hang limit (${HANG_LIMIT} s)"
}
host_stop() { kill -TERM "$HOST_PID" 2>/dev/null; wait "$HOST_PID"; HOST_RC=$?; }

ERRS=()
fail() { ERRS+=("$*"); }
# has NAME WHICH REGEX: the host or peer log of NAME has a matching line.
has() { grep -Eq -- "$3" "$OUT/$1.$2.log" || fail "$2 log lacks /$3/"; }
hasnt() { ! grep -Eq -- "$3" "$OUT/$1.$2.log" || fail "$2 log has /$3/"; }
counter() { awk -v n="$2" '$1 == "counter" && $2 == n { v = $3 } END { print v + 0 }' "$OUT/$1.host.log"; }
kport() { sed -nE 's/.*local port ([0-9]+).*/\1/p; s/.*accept: ok from port ([0-9]+).*/\1/p' "$OUT/$1.peer.log" | head -n 1; }
# ss_state NAME STATE|none: the kernel's socket of the connection, from `ss -tan` in the namespace.
ss_is() {
    local line
    line=$(nsx ss -tanH | awk -v p="$(kport "$1")" '{ split($4, l, ":"); split($5, r, ":"); if (l[2] == p || r[2] == p) print $1 }' | grep -v LISTEN)
    echo "ss -tan: ${line:-no socket}" >>"$OUT/$1.peer.log"
    if [ "$2" = none ]; then [ -z "$line" ] || fail "kernel socket is $line, expected none"
    else grep -qx "$2" <<<"$line" || fail "kernel socket is ${line:-none}, expected $2"; fi
}
# ss_gone NAME: the kernel's socket is gone (polls: its last retransmission may be pending).
ss_gone() {
    local i p
    p=$(kport "$1")
    for ((i = 0; i < HANG_LIMIT * 10; i++)); do
        nsx ss -tanH | awk -v p="$p" '{ split($4, l, ":"); if (l[2] == p) f = 1 } END { exit f }' && break
        sleep 0.1
    done
    ss_is "$1" none
}
# pcap_count NAME FILTER: packets of the capture that match a tcpdump filter.
pcap_count() { tcpdump -nn -r "$OUT/$1.pcap" "$2" 2>/dev/null | wc -l; }
no_rst() { [ "$(pcap_count "$1" 'tcp[tcpflags] & tcp-rst != 0')" -eq 0 ] || fail "the capture has a RST"; }
path() { local s; for s in "$@"; do has "$NAME" host "state $s\$"; done; }

npass=0 nfail=0
finish() {
    local t=$1
    cleanup
    # in every scenario: tcpfsm-tun never broke the data contract nor failed to write
    if [ -f "$OUT/$NAME.host.log" ]; then
        hasnt "$NAME" host "ERROR"
        [ "$(counter "$NAME" tx_errors)" -eq 0 ] || fail "tcpfsm-tun counted write errors"
    fi
    if [ ${#ERRS[@]} -eq 0 ]; then
        echo "PASS $NAME ($(awk -v t="$t" 'BEGIN { printf "%.1f", t }') s)"; npass=$((npass + 1))
    else
        echo "FAIL $NAME: ${ERRS[*]}  (logs: $OUT/$NAME.*)"; nfail=$((nfail + 1))
    fi
    ERRS=()
}

# 1) the kernel connects to a tcpfsm listener, 1 MB both ways, the kernel closes first.
s1_kernel_closes_first() {
    host "$NAME" --listen 7 --exit-after 1
    peer "$NAME" client 192.0.2.2 7 --bytes $MB --close shut-first
    [ "$PEER_RC" -eq 0 ] || fail "peer failed"
    has "$NAME" peer "echo: $MB bytes byte-exact"
    ss_is "$NAME" TIME-WAIT
    host_wait
    path "LISTEN -> SYN-RECEIVED" "SYN-RECEIVED -> ESTABLISHED" "ESTABLISHED -> CLOSE-WAIT" \
         "CLOSE-WAIT -> LAST-ACK" "LAST-ACK -> CLOSED"
    has "$NAME" host "closed: $MB bytes received, $MB bytes written"
    no_rst "$NAME"
}

# 2) the same, tcpfsm closes first; its TIME-WAIT lasts 2*MSL.
s2_tcpfsm_closes_first() {
    host "$NAME" --listen 7 --exit-after 1 --close-after $MB
    peer "$NAME" client 192.0.2.2 7 --bytes $MB --close wait-eof
    [ "$PEER_RC" -eq 0 ] || fail "peer failed"
    has "$NAME" peer "echo: $MB bytes byte-exact"
    has "$NAME" peer "recv: EOF"
    host_wait
    # FIN-WAIT-2 is skipped when the kernel's ACK of our FIN comes with its own FIN
    path "ESTABLISHED -> FIN-WAIT-1" "TIME-WAIT -> CLOSED"
    has "$NAME" host "state FIN-WAIT-[12] -> TIME-WAIT$"
    local tw
    tw=$(sed -nE 's/.*time-wait lasted ([0-9.]+) s.*/\1/p' "$OUT/$NAME.host.log")
    awk -v t="${tw:-0}" 'BEGIN { exit !(t >= 2.0) }' || fail "TIME-WAIT lasted ${tw:-?} s, expected >= 2*MSL = 2 s"
    echo "  figure: TIME-WAIT lasted ${tw:-?} s (2*MSL = 2.000 s)"
    ss_gone "$NAME"
    no_rst "$NAME"
}

# 3) tcpfsm connects to a kernel listener; $1: who closes first (tcpfsm|kernel).
s3_connect() {
    head -c $MB /dev/urandom >"$OUT/$NAME.sent"
    ip netns exec "$NS" timeout -s KILL "$HANG_LIMIT" python3 "$PEER" server 192.0.2.1 8000 --bytes $MB \
        --close "$([ "$1" = tcpfsm ] && echo wait-eof || echo first)" >"$OUT/$NAME.peer.log" 2>&1 &
    local ppid=$!
    PIDS+=("$ppid")
    wait_for "$OUT/$NAME.peer.log" "listen: ok" || fail "peer did not listen"
    if [ "$1" = tcpfsm ]; then
        host "$NAME" --connect 192.0.2.1:8000 --send-file "$OUT/$NAME.sent" --recv-file "$OUT/$NAME.recv" --close-after $MB
    else
        host "$NAME" --connect 192.0.2.1:8000 --send-file "$OUT/$NAME.sent" --recv-file "$OUT/$NAME.recv"
    fi
    wait "$ppid"; PEER_RC=$?
    [ "$PEER_RC" -eq 0 ] || fail "peer failed (rc $PEER_RC)"
    if [ "$1" = kernel ]; then ss_is "$NAME" TIME-WAIT; fi
    host_wait
    [ "$HOST_RC" -eq 0 ] || fail "tcpfsm-tun exited $HOST_RC"
    cmp -s "$OUT/$NAME.sent" "$OUT/$NAME.recv" && echo "tcpfsm received $MB bytes byte-exact" >>"$OUT/$NAME.peer.log" \
        || fail "the bytes tcpfsm received differ from those it sent"
    path "CLOSED -> SYN-SENT" "SYN-SENT -> ESTABLISHED"
    if [ "$1" = tcpfsm ]; then
        path "ESTABLISHED -> FIN-WAIT-1" "TIME-WAIT -> CLOSED"
        ss_gone "$NAME"
    else
        path "ESTABLISHED -> CLOSE-WAIT" "CLOSE-WAIT -> LAST-ACK" "LAST-ACK -> CLOSED"
    fi
    no_rst "$NAME"
}
s3_tcpfsm_connects_tcpfsm_closes() { s3_connect tcpfsm; }
s3_tcpfsm_connects_kernel_closes() { s3_connect kernel; }

# 4) simultaneous close: tcpfsm holds its FIN until the kernel's FIN is on its way.
s4_simultaneous_close() {
    host "$NAME" --listen 7 --exit-after 1 --close-after $MB --hold-fin
    peer "$NAME" client 192.0.2.2 7 --bytes $MB --close after-echo
    [ "$PEER_RC" -eq 0 ] || fail "peer failed"
    has "$NAME" peer "echo: $MB bytes byte-exact"
    ss_is "$NAME" TIME-WAIT
    host_wait
    path "ESTABLISHED -> FIN-WAIT-1" "FIN-WAIT-1 -> CLOSING" "CLOSING -> TIME-WAIT" "TIME-WAIT -> CLOSED"
    # the kernel went through CLOSING too: both FINs were sent before either was acknowledged
    [ "$(pcap_count "$NAME" 'tcp[tcpflags] & tcp-fin != 0')" -eq 2 ] || fail "expected exactly 2 FINs"
    no_rst "$NAME"
}

# 5) tcpfsm's final ACK is lost once: the kernel retransmits its FIN, tcpfsm re-ACKs from TIME-WAIT.
s5_final_ack_lost() {
    host "$NAME" --listen 7 --exit-after 1 --close-after 65536 --drop out:twack:1
    peer "$NAME" client 192.0.2.2 7 --bytes 65536 --close wait-eof
    [ "$PEER_RC" -eq 0 ] || fail "peer failed"
    host_wait
    has "$NAME" host "drop out .*flags 0x10 len 0"
    # the last segment is tcpfsm's ACK from TIME-WAIT, answering the retransmitted FIN
    tcpdump -nn -r "$OUT/$NAME.pcap" 2>/dev/null | tail -n 1 | grep -q '192.0.2.2.7 > 192.0.2.1.[0-9]*: Flags \[\.\]' \
        || fail "the capture does not end with tcpfsm's ACK"
    has "$NAME" host "state FIN-WAIT-[12] -> TIME-WAIT"
    path "TIME-WAIT -> CLOSED"
    [ "$(pcap_count "$NAME" 'src host 192.0.2.1 and tcp[tcpflags] & tcp-fin != 0')" -eq 2 ] \
        || fail "expected the kernel's FIN twice"
    ss_gone "$NAME"
    no_rst "$NAME"
}

# 6) one loss each, recovered: $1 drop rule, $2 who connects, $3 who closes first.
s6_loss() {
    local rule=$1 who=$2
    if [ "$who" = kernel ]; then
        host "$NAME" --listen 7 --exit-after 1 --drop "$rule" $([ "$3" = tcpfsm ] && echo --close-after 262144)
        peer "$NAME" client 192.0.2.2 7 --bytes 262144 --close "$([ "$3" = tcpfsm ] && echo wait-eof || echo shut-first)"
        [ "$PEER_RC" -eq 0 ] || fail "peer failed"
        has "$NAME" peer "echo: 262144 bytes byte-exact"
        host_wait
        has "$NAME" host "closed: 262144 bytes received, 262144 bytes written"
    else
        head -c 262144 /dev/urandom >"$OUT/$NAME.sent"
        ip netns exec "$NS" timeout -s KILL "$HANG_LIMIT" python3 "$PEER" server 192.0.2.1 8000 --bytes 262144 --close wait-eof \
            >"$OUT/$NAME.peer.log" 2>&1 &
        local ppid=$!
        PIDS+=("$ppid")
        wait_for "$OUT/$NAME.peer.log" "listen: ok" || fail "peer did not listen"
        host "$NAME" --connect 192.0.2.1:8000 --send-file "$OUT/$NAME.sent" --recv-file "$OUT/$NAME.recv" \
            --close-after 262144 --drop "$rule"
        wait "$ppid"; PEER_RC=$?
        [ "$PEER_RC" -eq 0 ] || fail "peer failed"
        host_wait
        cmp -s "$OUT/$NAME.sent" "$OUT/$NAME.recv" || fail "tcpfsm received other bytes than it sent"
    fi
    has "$NAME" host "drop (in|out) "
    has "$NAME" host "-> CLOSED"
    # the lost segment was sent again (the capture sees the kernel's segments before tcpfsm-tun
    # drops them, and tcpfsm's only after the drop rule let them through)
    local f n=2
    case $rule in out:*) n=1 ;; esac
    case $rule in
        in:syn) f='src host 192.0.2.1 and tcp[tcpflags] == tcp-syn' ;;
        out:syn) f='src host 192.0.2.2 and tcp[tcpflags] == tcp-syn' ;;
        out:synack) f='src host 192.0.2.2 and tcp[tcpflags] & (tcp-syn|tcp-ack) == (tcp-syn|tcp-ack)' ;;
        out:fin) f='src host 192.0.2.2 and tcp[tcpflags] & tcp-fin != 0' ;;
        in:fin) f='src host 192.0.2.1 and tcp[tcpflags] & tcp-fin != 0' ;;
        *) f= ;;
    esac
    if [ -n "$f" ]; then [ "$(pcap_count "$NAME" "$f")" -ge "$n" ] || fail "the lost segment ($rule) was not sent again"; fi
    no_rst "$NAME"
}
s6_syn_lost_kernel_connects() { s6_loss in:syn kernel kernel; }
s6_syn_lost_tcpfsm_connects() { s6_loss out:syn tcpfsm tcpfsm; }
s6_synack_lost() { s6_loss out:synack kernel kernel; }
s6_data_lost_from_tcpfsm() { s6_loss out:data:20 kernel kernel; }
s6_data_lost_from_kernel() { s6_loss in:data:20 kernel kernel; }
s6_fin_lost_from_tcpfsm() { s6_loss out:fin kernel tcpfsm; }
s6_fin_lost_from_kernel() { s6_loss in:fin kernel kernel; }

# 7) aborts, both ways.
s7_tcpfsm_aborts() {
    host "$NAME" --listen 7 --exit-after 1 --abort-after 65536
    peer "$NAME" client 192.0.2.2 7 --bytes $MB --expect reset
    [ "$PEER_RC" -eq 0 ] || fail "peer failed"
    has "$NAME" peer "(recv|send): ECONNRESET"
    host_wait
    has "$NAME" host "abort after"
    has "$NAME" host "ESTABLISHED -> CLOSED"
    ss_is "$NAME" none
}
s7_kernel_aborts() {
    host "$NAME" --listen 7 --exit-after 1
    peer "$NAME" client 192.0.2.2 7 --bytes 65536 --close linger0
    [ "$PEER_RC" -eq 0 ] || fail "peer failed"
    host_wait
    has "$NAME" host "event RESET"
    has "$NAME" host "ESTABLISHED -> CLOSED"
    ss_is "$NAME" none
}

# 8) refused, both ways.
s8_refused_by_tcpfsm() {
    host "$NAME" --listen 7
    peer "$NAME" client 192.0.2.2 9 --expect refused
    host_stop
    [ "$PEER_RC" -eq 0 ] || fail "peer failed"
    has "$NAME" peer "connect: ECONNREFUSED"
    [ "$(counter "$NAME" no_connection)" -ge 1 ] || fail "tcpfsm-tun counted no segment without connection"
    [ "$(pcap_count "$NAME" 'src host 192.0.2.2 and tcp[tcpflags] & tcp-rst != 0')" -ge 1 ] || fail "no RST from tcpfsm"
}
s8_refused_by_kernel() {
    host "$NAME" --connect 192.0.2.1:9
    host_wait
    [ "$HOST_RC" -eq 2 ] || fail "tcpfsm-tun exited $HOST_RC, expected 2 (refused)"
    has "$NAME" host "event REFUSED"
    has "$NAME" host "SYN-SENT -> CLOSED"
    echo "kernel side: no listener on 192.0.2.1:9" >"$OUT/$NAME.peer.log"
}

# 9) malformed packets of each class are counted and dropped; the connection carries on byte-exact.
s9_malformed() {
    host "$NAME" --listen 7 --exit-after 1
    peer "$NAME" client 192.0.2.2 7 --bytes $MB --inject-at 262144 --dev tfsm0 --close shut-first
    [ "$PEER_RC" -eq 0 ] || fail "peer failed"
    has "$NAME" peer "echo: $MB bytes byte-exact"
    has "$NAME" peer "inject: 15 malformed"
    host_wait
    has "$NAME" host "closed: $MB bytes received, $MB bytes written"
    local c want
    for c in bad_short:1 bad_version:1 bad_ihl:1 bad_total_length:2 bad_ip_checksum:1 bad_fragment:2 \
             bad_tcp_short:1 bad_data_offset:2 bad_option_overrun:2 bad_option_mss_length:1 bad_tcp_checksum:1; do
        want=${c#*:}; c=${c%%:*}
        [ "$(counter "$NAME" "$c")" -eq "$want" ] || fail "counter $c is $(counter "$NAME" "$c"), expected $want"
    done
}

ALL=(s1_kernel_closes_first s2_tcpfsm_closes_first s3_tcpfsm_connects_tcpfsm_closes s3_tcpfsm_connects_kernel_closes
     s4_simultaneous_close s5_final_ack_lost s6_syn_lost_kernel_connects s6_syn_lost_tcpfsm_connects s6_synack_lost
     s6_data_lost_from_tcpfsm s6_data_lost_from_kernel s6_fin_lost_from_tcpfsm s6_fin_lost_from_kernel
     s7_tcpfsm_aborts s7_kernel_aborts s8_refused_by_tcpfsm s8_refused_by_kernel s9_malformed)
[ $# -gt 0 ] && ALL=("$@")
for NAME in "${ALL[@]}"; do
    if ! declare -F "$NAME" >/dev/null; then echo "interop: $NAME: no such scenario" >&2; nfail=$((nfail + 1)); continue; fi
    start=$(date +%s.%N)
    setup "$NAME"
    "$NAME"
    finish "$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')"
done
echo "interop: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
