#!/usr/bin/env bash
# tests/replay/run.sh - model-to-code trace replay (issue 5). Run from the repository root.
#
#   tests/replay/run.sh [TRACES]        (default TRACES=12000 distinct traces)
#
# 1. builds build/replay/replay from tests/replay/replay.c and src/*.c (public API only);
# 2. builds a pan verifier from model/tcp.pml (unchanged) with -DALL_CONFIGS -DSYMMETRIC (every
#    configuration of the table's guards, both users may open actively or passively), compiled
#    with -DPRINTF (the model's own "NARR" narration is printed as transitions execute) and
#    -DCHECK (pan prints "D: Down" / "D: Up" as its depth-first search executes and undoes
#    transitions), and with randomised transition and process order (-DT_RAND -DP_RAND);
# 3. runs pan with several random seeds (-RSn) and depth bounds, two at a time, each piped into
#    the replayer, which rebuilds the model execution at every leaf of the search, keeps distinct
#    traces (hash of the endpoint steps) and replays each against two C connection blocks;
# 4. prints `replay: N passed, N failed` (N counts distinct traces over all runs) and exits
#    non-zero on any divergence or if fewer than TRACES distinct traces were replayed.
set -euo pipefail

want=${1:-12000}
out=build/replay
mkdir -p "$out/model"

warn="-std=c99 -Wall -Wextra -Wpedantic -Werror"
cc=${CC:-cc}

# ------------------------------------------------------------------ the replayer
# The model's bounds, read from model/tcp.pml so that the replayer never retypes them.
model_define() {
    local v
    v=$(sed -n "s/^#define $1 *\([0-9][0-9]*\).*/\1/p" model/tcp.pml | head -n 1)
    [[ -n $v ]] || { echo "replay: model/tcp.pml:1: expected '#define $1 <number>'" >&2; exit 2; }
    echo "$v"
}
# (each read is checked here: an exit inside $(...) would only leave the subshell). The sequence
# space is SEQ_N = 1 << SEQ_BITS (the model's default SEQ_BITS).
seq_bits=$(model_define SEQ_BITS) || exit 2
isn_rate=$(model_define ISN_RATE) || exit 2
rcv_wnd=$(model_define RCV_WND) || exit 2
retries=$(model_define RETRIES_MAX) || exit 2
bounds="-DM_SEQ_N=$((1 << seq_bits))u -DM_ISN_RATE=${isn_rate}u -DM_RCV_WND=${rcv_wnd}u -DM_RETRIES=${retries}u"
if [[ ! -x $out/replay || -n $(find tests/replay/replay.c src model/tcp.pml -newer "$out/replay" 2>/dev/null) ]]; then
    $cc $warn -O2 -g -Isrc $bounds -o "$out/replay" tests/replay/replay.c src/*.c
fi

# ------------------------------------------------------------------ the model's verifier
pan=$out/model/pan
if [[ ! -x $pan || model/tcp.pml -nt $pan || model/tcpfsm_fsm.pml -nt $pan ]]; then
    cp model/tcp.pml model/tcpfsm_fsm.pml "$out/model/"
    (cd "$out/model" && spin -a -DALL_CONFIGS -DSYMMETRIC tcp.pml >/dev/null)
    # -O0: pan.c is large and -O2 takes over a minute to compile; the search is not the bottleneck
    (cd "$out/model" && $cc -O0 -w -DPRINTF -DCHECK -DSAFETY -DT_RAND -DP_RAND -o pan pan.c)
fi

# ------------------------------------------------------------------ the runs
rm -f "$out"/hashes.* "$out"/log.*
runs=64
per_run=$(( (want * 3 / 2 + runs - 1) / runs ))
worker() {   # worker W: runs W, W+2, W+4, ...
    local w=$1 k depth rc=0
    for (( k = w; k < runs; k += 2 )); do
        depth=$(( 40 + (k * 37) % 120 ))
        # pan is stopped by SIGPIPE once the replayer has what it wants
        set +e
        (cd "$out/model" && ./pan -m"$depth" -RS$((k * 7919 + 13)) -c0 -n -w22 2>&1) |
            "$out/replay" --max "$per_run" --hashes "$out/hashes.$w" >>"$out/log.$w"
        st=("${PIPESTATUS[@]}")
        set -e
        if (( st[1] > 1 )); then echo "replay: replayer error in run $k" >&2; rc=1; fi
    done
    return $rc
}
worker 0 & p0=$!
worker 1 & p1=$!
werr=0
wait $p0 || werr=1
wait $p1 || werr=1

cat "$out"/hashes.* | sort -u > "$out/hashes"
distinct=$(wc -l < "$out/hashes")
nfail=$(grep -c ' FAIL$' "$out/hashes" || true)
npass=$(( distinct - nfail ))
skipped=$(awk '/^replay:/ { s += $6 } END { print s + 0 }' "$out"/log.*)   # summed over runs
wrapped=$(awk '/^replay:/ { s += $11 } END { print s + 0 }' "$out"/log.*)

set +o pipefail   # `head` below closes its pipe early
if (( nfail > 0 )); then

    # the first trace of each kind of divergence, whole (the replayer prints those)
    grep -h -v '^ROWS\|^replay:' "$out"/log.* |
        awk '/^FAIL/ { hdr = $0; next } { if (hdr != "") { print ""; print hdr; hdr = "" } print }' | head -3000
    echo "replay: divergent traces (one line each):"
    grep -h '^FAIL' "$out"/log.* | sort -u -k3,3 | head -50
fi
rows=$(grep -h '^ROWS' "$out"/log.* | tr ' ' '\n' | grep -E '^[0-9]+$' | sort -un | wc -l)
echo "replay: the C blocks took $rows distinct table rows in passing traces (tcpfsm_rows has 122)"
echo "replay: $skipped trace(s) skipped where the model hit its own bound (model_bound_ok), $wrapped where the model's sequence space wrapped (see SKIP lines in $out/log.*)"
echo "replay: $npass passed, $nfail failed"
if (( werr || nfail > 0 )); then exit 1; fi
if (( distinct < want )); then
    echo "replay: only $distinct distinct traces, $want wanted" >&2
    exit 1
fi
