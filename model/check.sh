#!/usr/bin/env bash
# model/check.sh - `make model`: verify the SPIN model of tcpfsm exhaustively, and show that every
# property can fail by running mutants that must be refuted.
#
# Run from anywhere; works in the repository root. Needs build/tcpfsm-gen (make tools), spin, gcc.
# For every check: build/model/runs/CHECK/ holds the model, the generated include it used, pan's
# output (pan.out); a counterexample is kept as build/model/CHECK.trail with its replay
# `spin -t -p` in build/model/CHECK.trail.txt and the model's own narration of it in
# build/model/CHECK.story.txt. build/model/summary.tsv has one row per run:
#   check expect result states transitions memory_mb seconds
# The exit status is non-zero when any row's result differs from its expectation, or when the
# coverage check (P7) finds a row that is neither reached nor listed in model/unreachable_rows.txt.
#
# Environment: JOBS (parallel runs, default 2), PAN_MEMLIM_MB (per run, default 1800),
# MODEL_BOUNDS: default (make model: MSL 1 tick, 2 incarnations on each side), msl2 (MSL 2 ticks,
# 2 incarnations on each side: not yet within make model's budget, see the README's state-space
# table) or deep (make model-deep: MSL 3 ticks, 3 incarnations on each side). msl2 and deep run
# the safety checks only (properties, witnesses, the mutants they refute, the classifier), in
# build/model-msl2 or build/model-deep; the coverage and liveness runs stay at the default bounds.
set -uo pipefail
cd "$(dirname "$0")/.."

GEN=build/tcpfsm-gen
BOUNDS=${MODEL_BOUNDS:-default}
# B: bounds added to every run; MSLV and OPENS: the MSL and the incarnations per side; DLEN: the
# data transfer of the reincarnation scenario (it must exceed what the ISN clock advances during
# the shortest TIME-WAIT mutant, ISN_RATE * (2*MSL-1), for that mutant to be refutable); SEQN:
# SEQ_N. At MSL 2 and 3 an old incarnation (its TIME-WAIT restarted by retransmitted FINs) lives
# up to ~20 and ~30 ticks, and a new ISS lies ISN_RATE per tick of that age away from its
# sequence numbers: that distance (SEQ_SPAN) plus the data and the window must stay below SEQ_N/2
# for the model's comparisons to agree with C's, hence ISN_RATE 2 and SEQ_N 128 (256 at MSL 3).
case $BOUNDS in
    default) OUT=build/model; MSLV=1; OPENS=2; B=""; DLEN=8; SEQN=64 ;;
    msl2) OUT=build/model-msl2; MSLV=2; OPENS=2; B="-DMSL=2 -DSEQ_BITS=7 -DISN_RATE=2 -DQMAX=12 -DSEQ_SPAN=48"; DLEN=8; SEQN=128 ;;
    deep) OUT=build/model-deep; MSLV=3; OPENS=3; B="-DMSL=3 -DSEQ_BITS=8 -DISN_RATE=2 -DQMAX=12 -DSEQ_SPAN=96 -DOPENS_MAX=3"; DLEN=12; SEQN=256 ;;
    *) echo "model/check.sh: MODEL_BOUNDS must be default, msl2 or deep, not '$BOUNDS'" >&2; exit 2 ;;
esac
TABLE=model/tcp.fsm
JOBS=${JOBS:-2}
MEMLIM=${PAN_MEMLIM_MB:-1800}

die() { echo "model/check.sh: $*" >&2; exit 2; }
[ -x "$GEN" ] || die "$GEN missing (run make tools)"
command -v spin >/dev/null || die "spin not found"
command -v gcc >/dev/null || die "gcc not found"

rm -rf "$OUT"
mkdir -p "$OUT/runs" "$OUT/tables"
start_all=$(date +%s.%N)

# ------------------------------------------------------------------ tables
# tables/base: the current table; tables/Mn: an edited copy of it (the edit must change it).
"$GEN" "$TABLE" "$OUT/tables/base" >/dev/null 2>"$OUT/tables/base.err" ||
    { cat "$OUT/tables/base.err" >&2; die "$TABLE does not generate"; }

# mutant_table NAME SED-SCRIPT: an edited copy of the table, regenerated with tcpfsm-gen
mutant_table() {
    local name=$1 script=$2 dir=$OUT/tables/$1
    mkdir -p "$dir"
    sed -e "$script" "$TABLE" > "$dir/tcp.fsm"
    if cmp -s "$TABLE" "$dir/tcp.fsm"; then die "mutant $name: the edit '$script' changed nothing in $TABLE"; fi
    "$GEN" "$dir/tcp.fsm" "$dir" >/dev/null 2>"$dir/gen.err" || { cat "$dir/gen.err" >&2; die "mutant $name: table does not generate"; }
    diff -u "$TABLE" "$dir/tcp.fsm" > "$dir/table.diff"
}
# M1: two-way handshake: LISTEN goes straight to ESTABLISHED on a SYN
mutant_table M1 's/^row T05 .*/row T05  LISTEN SYN - ESTABLISHED send_syn_ack,signal_connected RFC9293:3.10.7.2/'
# M3: no FIN retransmission: the timer still runs (and gives up) but nothing is resent
mutant_table M3 '/^row T\(58\|93\|106\) /s/retransmit,arm_rto/arm_rto/'
# M6: no simultaneous open: a SYN in SYN-SENT is ignored (row T13 deleted)
mutant_table M6 '/^row T13 /d'
# M7: a row that no execution can take (RTO while CLOSED: no timer runs in CLOSED)
mutant_table M7 '$a row T200 CLOSED RTO - CLOSED - RFC6298:5'
# M8: endless TIME-WAIT: the 2*MSL timer's expiry is ignored (row T121 deleted)
mutant_table M8 '/^row T121 /d'
# M9: no TIME-WAIT: FIN-WAIT-2 + FIN goes straight to CLOSED
mutant_table M9 '/^row T62 /s/TIME_WAIT     process,send_ack,arm_time_wait,signal_peer_closed /CLOSED        process,send_ack,signal_peer_closed /'
# M10: RFC 1337's guard removed: a RST ends TIME-WAIT although rfc1337 is configured
mutant_table M10 '/^row T111 /s/TIME_WAIT     -      /CLOSED        signal_closed/'
# M11: any ACK accepted in SYN-RECEIVED: an unacceptable ACK completes the handshake
mutant_table M11 '/^row T23 /s/SYN_RECEIVED  send_rst /ESTABLISHED   process,cancel_rto,signal_connected /'
# M12: no RST in reply to a bad ACK in SYN-SENT
mutant_table M12 '/^row T14 /s/send_rst /-        /'
# M13: TIME-WAIT not restarted by a retransmitted FIN (refuted by P4 at two losses)
mutant_table M13 '/^row T109 /s/send_ack,arm_time_wait /send_ack /'

# ------------------------------------------------------------------ runs
# Each run: NAME EXPECT TABLE TARGET KIND "spin -D flags" "what it shows"
#   KIND safety: pan -DSAFETY; liveness: pan -a -f (weak fairness); coverage: safety + rows
#   TARGET: for expect=fails, the violation that counts (assertion name, or "acceptance")
RUNS=()
# add NAME EXPECT TABLE TARGET KIND FLAGS WHAT; with MODEL_BOUNDS other than default only the
# safety runs are kept, and the bounds B are added to every run
add() {
    if [ "$BOUNDS" != default ]; then
        [ "$5" = safety ] || return 0
        local b=$B
        case $6 in *-DISN_RATE=*) b=${B/-DISN_RATE=2/} ;; esac   # M5 sets its own ISN_RATE
        RUNS+=("$1|$2|$3|$4|$5|$b $6|$7")
    else
        RUNS+=("$1|$2|$3|$4|$5|$6|$7")
    fi
}
P4F="-DCHECK_P4 -DNO_ABORT -DNO_FW2_TIMER"
# 2 incarnations on each side: the client abandons and re-opens, the server re-opens after its close
S2="-DSERVER_OPENS_MAX=$OPENS"
# WIDE, for the runs with data or with long-lived incarnations: SEQ_N 128; the classifier's
# domain (SEQ_SPAN around IRS and ISS) plus the data and the window must stay below half the
# sequence space, where the model's comparisons modulo SEQ_N agree with the C ones modulo 2^32 (at SEQ_N 64, a SYN 24 below IRS at a TIME-WAIT whose RCV.NXT is
# IRS + 10 would compare above RCV.NXT in the model); C8_one_classifier_wide checks that domain
WIDE="-DSEQ_BITS=7 -DSEQ_SPAN=32"
# P4 at two losses (refutes M13, TIME-WAIT not restarted by a retransmitted FIN): the network
# loses only pure ACKs (LOSE_ONLY_ACKS), so both losses can fall on the last ACK of a close (when
# the retransmitted FIN itself is lost, TIME-WAIT's 2*MSL is legitimately too short: RFC 9293 sizes
# it for one loss), and with 3 retransmissions two losses cannot exhaust LAST-ACK's retry budget.
# An incarnation then lives long enough (its TIME-WAIT restarted twice) that segments arrive up to
# 28 sequence numbers from IRS or ISS: SEQ_N 128 and SEQ_SPAN 32 (C8_one_classifier_wide checks the
# classifier over that domain)
P4L2="$P4F $S2 -DLOSS_MAX=2 -DLOSE_ONLY_ACKS -DRETRIES_MAX=3"
[ "$BOUNDS" = default ] && P4L2="$P4L2 $WIDE"
# the reincarnation scenario of P3 (see the header of model/tcp.pml): data advances the sequence
# numbers beyond the ISN clock (DATA_LEN 8 > ISN_RATE 4 per tick), the client closes first and goes
# through TIME-WAIT, the server re-listens after LAST-ACK and the client re-opens on the same ports;
# RFC 1337 on and no FIN-WAIT-2 timer (both would let TIME-WAIT be cut short deliberately)
# P8's half-open scenario (SCENARIO_HALF_OPEN in model/tcp.pml)
H8="-DLTL_P8 -DSCENARIO_HALF_OPEN -DSERVER_OPENS_MAX=3 -DABORTS_MAX=1 -DLOSS_MAX=1 -DDUP_MAX=0 -DCFG_RFC5961_SYN"
R3="-DSERVER_OPENS_MAX=$OPENS -DDATA_MAX=1 -DDATA_LEN=$DLEN -DSCENARIO_CLIENT_CLOSES -DCFG_RFC1337 -DNO_FW2_TIMER"
[ "$BOUNDS" = default ] && R3="$R3 $WIDE"
add P1_no_zombie        holds base -              safety   "-DCHECK_P1 $S2"  "no side becomes ESTABLISHED for a peer incarnation abandoned before it got this side's SYN"
add P2_agreement        holds base -              safety   "-DCHECK_P2 $S2"  "synchronized sides agree: IRS of each is the ISS of the other"
add P3_no_old_duplicate holds base -              safety   "-DCHECK_P3 $S2"  "no segment of an earlier incarnation is accepted by a later one"
add P3_reincarnation    holds base -              safety   "-DCHECK_P3 $R3"  "no old duplicate accepted when data outruns the ISN clock and the client re-opens after TIME-WAIT"
add P4_last_ack_clean   holds base -              safety   "$P4F $S2"        "LAST-ACK ends only by the ACK of its FIN (lost last ACK: the retransmitted FIN is ACKed from TIME-WAIT)"
# witnesses: the precondition of each safety property's danger is reachable under the same
# bounds (the assertion that it never happens must fail; one that holds makes its property vacuous)
add W1_old_syn_at_listener fails base W1_old_syn_at_listener safety "-DWITNESS_P1 $S2" "witness for P1: a SYN of a peer incarnation that is no longer live reaches a listener"
add W2_old_syn_ack_at_syn_sent fails base W2_old_syn_ack_at_syn_sent safety "-DWITNESS_P2 $S2" "witness for P2: a SYN,ACK of an earlier peer incarnation reaches a side in SYN-SENT"
add W3_old_segment_at_synchronized fails base W3_old_segment_at_synchronized safety "-DWITNESS_P3 $S2" "witness for P3: a segment of an earlier incarnation arrives at a side synchronized with a later one"
add W3_reincarnation    fails base W3_old_segment_at_synchronized safety "-DWITNESS_P3 $R3" "witness for P3_reincarnation: the same, in the reincarnation scenario"
add P4_two_ack_losses   holds base -              safety   "$P4L2"        "P4 with two ACK losses and 3 retransmissions: the ACK of a retransmitted FIN may be lost too, and TIME-WAIT, restarted by that FIN, still answers the next one"
add W4b_last_ack_lost_twice fails base W4_last_ack_lost_twice safety "$P4L2 -DWITNESS_P4_TWICE" "witness for P4_two_ack_losses: the last ACK is lost twice while the peer waits in LAST-ACK"
add W4_last_ack_lost    fails base W4_last_ack_lost safety "$P4F $S2 -DWITNESS_P4" "witness for P4: the last ACK of a close is lost while the peer waits in LAST-ACK"
add P5_termination      holds base -              liveness "-DLTL_P5 -DDUP_MAX=0"    "with weak fairness both sides end CLOSED and stay so"
add P6_simultaneous     holds base -              liveness "-DLTL_P6 -DSCENARIO_SIMULTANEOUS -DLOSS_MAX=1 -DDUP_MAX=1" "simultaneous open synchronizes both sides; simultaneous close ends both through TIME-WAIT"
add P8_half_open_recovery holds base -           liveness "$H8" "after a half-open connection (the client aborted, its RST lost), the client's next incarnation eventually connects (RFC 9293 3.5.2)"
# the same properties with the classifier knobs of the freebsd profile (BSD's TIME-WAIT check tw_bsd,
# SYN,ACK dropped in LISTEN): a segment without ACK dropped in TIME-WAIT, any other but the exact
# duplicate ACK answered with an ACK, never a RST there
BSD="-DCFG_TW_BSD -DCFG_LISTEN_SYNACK_DROP"
add P3_reincarnation_bsd holds base -             safety   "-DCHECK_P3 $R3 $BSD" "P3_reincarnation with tw_bsd and listen_synack_drop"
add P4_last_ack_clean_bsd holds base -            safety   "$P4F $S2 $BSD"   "P4_last_ack_clean with tw_bsd and listen_synack_drop"
add P5_termination_bsd  holds base -              liveness "-DLTL_P5 -DDUP_MAX=0 $BSD" "P5_termination with tw_bsd and listen_synack_drop"
add P8_half_open_recovery_bsd holds base -       liveness "$H8 $BSD" "P8_half_open_recovery with tw_bsd and listen_synack_drop"
add P7_coverage_a       holds base -              coverage "-DCOVERAGE -DSYMMETRIC -DABORTS_MAX=1 -DOPENS_MAX=1 -DSERVER_OPENS_MAX=1 -DDUP_MAX=0" "rows reached with every guard off"
add P7_coverage_b       holds base -              coverage "-DCOVERAGE -DSYMMETRIC -DABORTS_MAX=1 -DOPENS_MAX=1 -DSERVER_OPENS_MAX=1 -DDUP_MAX=0 -DCFG_RFC5961_SYN -DCFG_RFC1337 -DCFG_TW_REOPEN -DCFG_CLOSING_RST_RESETS" "rows reached with every guard on"
add P7_coverage_c       holds base -              coverage "-DCOVERAGE -DLOSS_MAX=1 -DDUP_MAX=1" "rows reached in the client/server model with two client incarnations"
add P7_coverage_d       holds base -              coverage "-DCOVERAGE -DSYMMETRIC -DOPENS_MAX=2 -DSERVER_OPENS_MAX=2 -DLOSS_MAX=1 -DDUP_MAX=0" "rows reached with a second open on both sides (half-open connections: SYN and stale ACKs arriving in synchronized states, LISTEN turned active, simultaneous close with a lost ACK)"
add P7_coverage_e       holds base -              coverage "-DCOVERAGE -DLOSS_MAX=1 -DDUP_MAX=0 -DABORTS_MAX=1 -DRETRIES_MAX=0 -DCFG_TW_REOPEN -DCFG_RFC5961_SYN" "rows reached in the client/server model with ABORT, TIME-WAIT reopening, RFC 5961 SYN checks and no retransmission (the first timeout gives up)"
add P7_coverage_f       holds base -              coverage "-DCOVERAGE -DLOSS_MAX=1 -DDUP_MAX=0 -DABORTS_MAX=1 -DRETRIES_MAX=0 -DCFG_TW_REOPEN" "as P7_coverage_e with RFC 5961 SYN checks off (a SYN in the window of a half-open FIN-WAIT-2 resets it)"
add P7_coverage_g       holds base -              coverage "-DCOVERAGE -DSERVER_OPENS_MAX=2 -DLOSS_MAX=1 -DDUP_MAX=1 -DDATA_MAX=1 -DDATA_LEN=8 $WIDE" "rows reached in the client/server model with data and the server re-opening: a duplicate sent before a data transfer arrives after it with its ACK below SND.UNA - window (ACK_INVALID in ESTABLISHED, FIN-WAIT-2, CLOSE-WAIT, CLOSING, LAST-ACK, TIME-WAIT); a simultaneous close's retransmitted FIN acknowledging the other FIN (FIN_ACK in CLOSING)"
add M1_two_way_handshake fails M1 P1_no_zombie    safety   "-DCHECK_P1"  "table edit T05 LISTEN SYN -> ESTABLISHED: a delayed duplicate SYN of an abandoned incarnation makes a zombie"
add M2a_time_wait_short fails base P4_last_ack_clean safety "$P4F -DTW_TICKS=$((2*MSLV-1))" "TIME-WAIT 2*MSL-1: the retransmitted FIN arrives after TIME-WAIT and draws a RST"
add M2b_time_wait_zero  fails base P4_last_ack_clean safety "$P4F -DTW_TICKS=0" "no TIME-WAIT: the retransmitted FIN of a lost last ACK draws a RST"
# M3 with one client OPEN: a side that gives up is CLOSED for good, so the FIN-WAIT-2 the mutant
# leaves behind is cut off (CUT_OFF_FW2 in model/tcp.pml) instead of failing the clock assumption
add M3_no_fin_retransmit fails M3 P4_last_ack_clean safety "$P4F -DOPENS_MAX=1" "table edit: FIN never retransmitted: after a lost last ACK, LAST-ACK never gets its FIN ACKed (ends by RST or by giving up)"
add M4_syn_sent_no_ack_check fails base P2_agreement safety "-DCHECK_P2 -DMUT_SYN_SENT_NO_ACK_CHECK" "classifier: SYN-SENT takes any SYN,ACK: an old SYN,ACK synchronizes with the wrong IRS"
add M5_constant_iss     fails base P3_no_old_duplicate safety "-DCHECK_P3 -DISN_RATE=0" "ISS not from a clock (same ISS every incarnation): an old segment is accepted by the new incarnation"
add M6_no_simultaneous_open fails M6 acceptance   liveness "-DLTL_P6 -DSCENARIO_SIMULTANEOUS -DLOSS_MAX=1 -DDUP_MAX=1" "table edit: T13 deleted: a simultaneous open never synchronizes"
add M7_unreachable_row  fails M7 coverage         coverage "-DCOVERAGE -DLOSS_MAX=1 -DDUP_MAX=1" "table edit: an added row T200 that no execution takes"
add M9_no_time_wait     fails M9 P3_no_old_duplicate safety "-DCHECK_P3 $R3" "table edit T62 FIN-WAIT-2 FIN -> CLOSED: the client re-opens at once and an old segment of the previous incarnation is accepted"
add M2c_time_wait_zero_p3 fails base P3_no_old_duplicate safety "-DCHECK_P3 $R3 -DTW_TICKS=0" "TIME-WAIT of 0 ticks: an old segment of the previous incarnation is accepted"
add M2d_time_wait_short_p3 fails base P3_no_old_duplicate safety "-DCHECK_P3 $R3 -DTW_TICKS=$((2*MSLV-1))" "TIME-WAIT of 2*MSL-1 ticks: an old segment of the previous incarnation is accepted"
add M10_rfc1337_guard_removed fails M10 P3_no_old_duplicate safety "-DCHECK_P3 $R3" "table edit T111: a RST ends TIME-WAIT although RFC 1337 is configured (hazard H1, TIME-WAIT assassination): an old segment reaches the next incarnation"
add M11_any_ack_in_syn_received fails M11 P1_no_zombie safety "-DCHECK_P1 $S2" "table edit T23: an unacceptable ACK in SYN-RECEIVED completes the handshake: a listener synchronizes for an abandoned incarnation"
add M12_no_rst_for_syn_sent_bad_ack fails M12 acceptance liveness "$H8" "table edit T14: SYN-SENT answers a bad ACK without RST: the half-open server is never reset and the new incarnation gives up"
add M13_time_wait_not_restarted fails M13 P4_last_ack_clean safety "$P4L2" "table edit T109: a retransmitted FIN in TIME-WAIT is ACKed without restarting the 2*MSL timer: when that ACK is lost too, TIME-WAIT ends before the next retransmission, which draws a RST in LAST-ACK"
add M8_endless_time_wait fails M8 acceptance      liveness "-DLTL_P5 -DDUP_MAX=0"    "table edit: T121 deleted: TIME-WAIT never ends"

# run_one SPEC: runs one check in build/model/runs/NAME; writes NAME.row (the summary line) and
# NAME.msg (the one-line explanation).
run_one() {
    IFS='|' read -r name expect table target kind dflags what <<<"$1"
    local dir=$OUT/runs/$name
    mkdir -p "$dir"
    cp model/tcp.pml "$dir/tcp.pml"
    cp "$OUT/tables/$table/model/tcpfsm_fsm.pml" "$dir/tcpfsm_fsm.pml"
    local t0 t1 secs
    t0=$(date +%s.%N)
    # shellcheck disable=SC2086
    ( cd "$dir" && spin -a $dflags tcp.pml > spin.out 2>&1 ) || { echo "$name	$expect	error	0	0	0	0" > "$OUT/$name.row"; echo "$name: spin -a failed: $(head -3 "$dir/spin.out")" > "$OUT/$name.msg"; return; }
    local cflags="-O1 -w -DCOLLAPSE -DMEMLIM=$MEMLIM" pflags="-m2000000 -w24"
    case $kind in
        safety|coverage) cflags="$cflags -DSAFETY" ;;
        liveness) pflags="$pflags -a -f" ;;
    esac
    # shellcheck disable=SC2086
    ( cd "$dir" && gcc $cflags -o pan pan.c > gcc.out 2>&1 ) || { echo "$name	$expect	error	0	0	0	0" > "$OUT/$name.row"; echo "$name: gcc failed" > "$OUT/$name.msg"; return; }
    # shellcheck disable=SC2086
    ( cd "$dir" && ./pan $pflags > pan.out 2> pan.err )
    t1=$(date +%s.%N)
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
    local errors states trans mem result viol
    errors=$(sed -n 's/.*errors: \([0-9]*\).*/\1/p' "$dir/pan.out" | tail -1)
    states=$(awk '/states, stored/ { print $1; exit }' "$dir/pan.out")
    trans=$(awk '/transitions \(= stored\+matched\)/ { print $1; exit }' "$dir/pan.out")
    mem=$(awk '/total actual memory usage/ { printf "%.0f", $1; exit }' "$dir/pan.out")
    viol=""
    if grep -q "assertion violated" "$dir/pan.out"; then
        viol=$(sed -n 's/.*assertion violated \([A-Za-z0-9_]*\).*/\1/p' "$dir/pan.out" | head -1)
    elif grep -q "acceptance cycle" "$dir/pan.out"; then viol=acceptance
    elif [ "${errors:-0}" != 0 ] && grep -q "pan:1: invalid end state" "$dir/pan.out"; then viol=invalid_end_state
    elif grep -q "never claim" "$dir/pan.out" && [ "${errors:-0}" != 0 ]; then viol=claim
    fi
    if [ -z "$errors" ] || grep -qE "max search depth too small|out of memory|Search not completed" "$dir/pan.out" && [ "${errors:-0}" = 0 ]; then
        result=incomplete
    elif [ "$errors" = 0 ]; then result=holds
    else result=fails
    fi
    # coverage: which rows were taken (the model prints "ROW n" once per row, on stderr)
    if [ "$kind" = coverage ]; then
        grep -E '^ROW [0-9]+$' "$dir/pan.err" | awk '{ print $2 }' | sort -n -u > "$dir/rows_taken.txt"
    fi
    local msg="$name: expect $expect, $result"
    [ -n "$viol" ] && msg="$msg ($viol)"
    if [ "$result" = fails ]; then
        cp "$dir/tcp.pml.trail" "$OUT/$name.trail" 2>/dev/null
        # shellcheck disable=SC2086
        ( cd "$dir" && spin -t -p -T $dflags tcp.pml > "../../$name.trail.txt" 2>&1 )
        # shellcheck disable=SC2086
        ( cd "$dir" && spin -t -T $dflags tcp.pml 2>&1 ) | grep -E '^ *NARR' | sed 's/^ *NARR //' > "$OUT/$name.story.txt"
        local last
        last=$(grep -v '^ *send\|^ *tick\|^ *network' "$OUT/$name.story.txt" | tail -1)
        msg="$msg: $what. Last step: $last"
        if [ "$expect" = fails ] && [ "$viol" != "$target" ]; then
            msg="$msg [WRONG REASON: expected $target]"; result="fails-$viol"
        fi
    else
        msg="$msg: $what"
    fi
    msg="$msg [${states:-0} states, ${secs}s]"
    echo "$name	$expect	$result	${states:-0}	${trans:-0}	${mem:-0}	$secs" > "$OUT/$name.row"
    echo "$msg" > "$OUT/$name.msg"
}

# run the checks, JOBS at a time
pids=()
for spec in "${RUNS[@]}"; do
    run_one "$spec" &
    pids+=($!)
    while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do sleep 0.2; done
done
wait

# ------------------------------------------------------------------ one classifier (C8)
# model/classify_check.pml runs the model's classify over its whole bounded domain and compares
# every answer with the C classifier (model/classify_check.c linked with build/libtcpfsm.a). The
# mutant run plants the classifier mutant of M4 in the model: the check must find differences.
run_classifier() {
    local name=$1 expect=$2 dflags=$3 what=$4 seqn=${5:-$SEQN} dir=$OUT/runs/$1 t0 t1 secs line n diffs result
    mkdir -p "$dir"
    cp model/tcp.pml model/classify_check.pml model/classify_check.c "$dir/"
    cp "$OUT/tables/base/model/tcpfsm_fsm.pml" "$dir/tcpfsm_fsm.pml"
    t0=$(date +%s.%N)
    # shellcheck disable=SC2086
    if ( cd "$dir" && spin -a $dflags classify_check.pml > spin.out 2>&1 &&
         gcc -O1 -w -DSAFETY -DMODEL_SEQ_N=$seqn -I../../../../src -o pan pan.c classify_check.c ../../../libtcpfsm.a > gcc.out 2>&1 &&
         ./pan -m1000 > pan.out 2>&1 ); then
        line=$(grep '^classifier:' "$dir/pan.out")
        n=$(echo "$line" | awk '{ print $2 }'); diffs=$(echo "$line" | awk '{ print $5 }')
        if [ -z "$diffs" ]; then result=error; elif [ "$diffs" = 0 ]; then result=holds; else result=fails; fi
    else
        result=error; n=0; diffs=
    fi
    t1=$(date +%s.%N)
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
    grep '^DIFF' "$dir/pan.out" > "$OUT/$name.diffs.txt" 2>/dev/null
    echo "$name	$expect	$result	${n:-0}	0	0	$secs" > "$OUT/$name.row"
    { echo "$name: expect $expect, $result: $what [${n:-0} inputs, ${diffs:-?} differences, ${secs}s]"
      [ "$result" = fails ] && [ "$expect" = holds ] && head -5 "$OUT/$name.diffs.txt"; } > "$OUT/$name.msg"
}
[ -f build/libtcpfsm.a ] || die "build/libtcpfsm.a missing (run make lib)"
# C8: the domain of the runs without data at SEQ_N 64; C8_one_classifier_wide: SEQ_N 128 with the
# data transfer (P3_reincarnation and its mutants, P7_coverage_g) and P4_two_ack_losses. At other
# bounds than the default, C8 follows them (SEQ_N, SEQ_SPAN, the data transfer).
CB=""; [ "$BOUNDS" = default ] || CB="$B -DDATA_LEN=$DLEN"
run_classifier C8_one_classifier holds "$CB" "the model's classify and the C classifier (tcpfsm_segment's out.event) agree on every input of the model's domain (model/classify_check.pml)" &
run_classifier M4c_classifier_mutant fails "$CB -DMUT_SYN_SENT_NO_ACK_CHECK" "the classifier mutant of M4 planted in the model: the comparison with C finds the differences" &
[ "$BOUNDS" = default ] && run_classifier C8_one_classifier_wide holds "$WIDE -DDATA_LEN=$DLEN" "the same over the domain of the runs at SEQ_N 128 (P3_reincarnation and its mutants, P7_coverage_g, P4_two_ack_losses, M13): SEQ and ACK within 32 of IRS and ISS, TCBs with a data transfer of $DLEN" 128 &
wait

# ------------------------------------------------------------------ coverage (P7)
# all row ids of a generated include, from its "/* Tnn */" comments
rows_of() { grep -o '/\* T[0-9]* \*/' "$1" | tr -dc '0-9\n' | awk '{ print $1 + 0 }' | sort -u; }
unreach_ids() { grep -E '^T[0-9]+' model/unreachable_rows.txt | awk '{ print substr($1, 2) + 0 }' | sort -u; }
COV_RUNS="P7_coverage_a P7_coverage_b P7_coverage_c P7_coverage_d P7_coverage_e P7_coverage_f P7_coverage_g"
# coverage_verdict TABLE RUNS...: prints missing rows, returns 1 if a row is neither taken nor listed
coverage_verdict() {
    local table=$1; shift
    local taken=$OUT/coverage_taken_$table.txt
    for r in "$@"; do cat "$OUT/runs/$r/rows_taken.txt" 2>/dev/null; done | sort -u > "$taken"
    local all missing listed_but_taken
    all=$(rows_of "$OUT/tables/$table/model/tcpfsm_fsm.pml")
    missing=$(comm -23 <(echo "$all") <(sort -u "$taken" <(unreach_ids)) | sort -n | sed 's/^/T/' | tr '\n' ' ')
    listed_but_taken=$(comm -12 <(unreach_ids) "$taken" | sed 's/^/T/' | tr '\n' ' ')
    echo "$missing|$listed_but_taken"
}
status=0
if [ "$BOUNDS" = default ]; then
IFS='|' read -r missing wrongly_listed <<<"$(coverage_verdict base $COV_RUNS)"
cov_states=0 cov_trans=0 cov_mem=0 cov_secs=0
for r in $COV_RUNS; do
    IFS=$'\t' read -r _ _ res st tr me se < "$OUT/$r.row"
    cov_states=$((cov_states + st)); cov_trans=$((cov_trans + tr)); cov_mem=$((me > cov_mem ? me : cov_mem))
    cov_secs=$(awk -v a="$cov_secs" -v b="$se" 'BEGIN { printf "%.1f", a + b }')
done
if [ -z "$missing" ] && [ -z "$wrongly_listed" ]; then cov_result=holds; else cov_result=fails; fi
echo "P7_coverage	holds	$cov_result	$cov_states	$cov_trans	$cov_mem	$cov_secs" > "$OUT/P7_coverage.row"
{
    printf "P7_coverage: expect holds, %s: every row of the table is taken by P7_coverage_{a..g} or listed in model/unreachable_rows.txt (%s rows taken, %s listed)" \
        "$cov_result" "$(wc -l < "$OUT/coverage_taken_base.txt")" "$(unreach_ids | wc -l)"
    [ -n "$missing" ] && printf "; NEVER TAKEN and not listed: %s" "$missing"
    [ -n "$wrongly_listed" ] && printf "; listed as unreachable but taken: %s" "$wrongly_listed"
    echo
} > "$OUT/P7_coverage.msg"
# M7: the same coverage check on the mutant table must find its extra row
if [ -f "$OUT/runs/M7_unreachable_row/rows_taken.txt" ]; then
    IFS='|' read -r m7_missing _ <<<"$(coverage_verdict M7 M7_unreachable_row $COV_RUNS)"
    IFS=$'\t' read -r _ _ res st tr me se < "$OUT/M7_unreachable_row.row"
    if [ "$res" = holds ] && [ "$m7_missing" = "T200 " ]; then m7=fails; else m7="unexpected($res,${m7_missing:-none})"; fi
    echo "M7_unreachable_row	fails	$m7	$st	$tr	$me	$se" > "$OUT/M7_unreachable_row.row"
    echo "M7_unreachable_row: expect fails, $m7: table edit adds row T200 (RTO in CLOSED); coverage reports it never taken: ${m7_missing:-none}" > "$OUT/M7_unreachable_row.msg"
fi
fi   # coverage at the default bounds only

# ------------------------------------------------------------------ summary
summary=$OUT/summary.tsv
printf 'check\texpect\tresult\tstates\ttransitions\tmemory_mb\tseconds\n' > "$summary"
for spec in "${RUNS[@]}"; do
    name=${spec%%|*}
    case $name in P7_coverage_a) cat "$OUT/P7_coverage.row" >> "$summary"; cat "$OUT/P7_coverage.msg" ;; esac
    case $name in P7_coverage_*) ;; *) cat "$OUT/$name.row" >> "$summary" ;; esac
    cat "$OUT/$name.msg"
done
for r in C8_one_classifier C8_one_classifier_wide M4c_classifier_mutant; do [ -f "$OUT/$r.row" ] || continue; cat "$OUT/$r.row" >> "$summary"; cat "$OUT/$r.msg"; done
# the coverage runs, for the record
[ "$BOUNDS" = default ] || COV_RUNS=""
for r in $COV_RUNS; do
    sed "s/^$r	holds	[a-z]*/$r	holds	$(cut -f3 "$OUT/$r.row")/" "$OUT/$r.row" >> "$summary"
done
while IFS=$'\t' read -r check expect result _; do
    [ "$check" = check ] && continue
    if [ "$expect" != "$result" ]; then status=1; echo "MISMATCH: $check expected $expect, got $result" >&2; fi
done < "$summary"
end_all=$(date +%s.%N)
echo "model ($BOUNDS bounds: MSL $MSLV, $OPENS incarnations on each side): $(($(wc -l < "$summary") - 1)) runs in $(awk -v a="$start_all" -v b="$end_all" 'BEGIN { printf "%.0f", b - a }') s; summary in $summary; $([ $status = 0 ] && echo "every property holds and every mutant fails" || echo FAILED)"
exit $status
