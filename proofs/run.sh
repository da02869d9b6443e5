#!/bin/sh
# proofs/run.sh - Frama-C WP on all of src/, headless: absence of runtime errors (-wp-rte),
# every contract, smoke tests (inconsistent contracts, unreachable code), provers z3 and cvc4
# through why3 in the configurations of proofs/why3-provers.conf (z3-saturate, cvc4-bounded: both
# start on every goal that Qed leaves, the first proof counts), -wp-par goals in parallel.
#
# Usage: proofs/run.sh [OUTDIR]            (default: build/proofs)
# Environment:
#   WP_TIMEOUT        seconds per goal and prover, a safety net (default 120; the provers' step
#                     budgets end an attempt first, see proofs/wp-options.sh)
#   WP_SMOKE_TIMEOUT  seconds per smoke test and prover (default 1, the smallest WP accepts)
#   WP_PAR            prover processes at once, per Frama-C process (default: twice the cores)
#   WP_PROVERS        the why3 provers (default z3-saturate,cvc4-bounded; see proofs/wp-options.sh)
#   PROOF_JOBS        Frama-C processes for the runtime pass (default: the number of cores)
#   PROOF_PASSES      which passes to run (default "table runtime")
#   PROOF_CACHE       on (default) or off: the record of runs that proved everything (below);
#                     CI=true sets off (CI proves everything from scratch)
#
# Two passes over the same sources (see proofs/ASSUMPTIONS.md, section 1), run at the same time:
#   table:   tcpfsm_step.c + tcpfsm_table.c with the const table's initialiser known
#            (-wp-init-const): proves the lookup faithful to src/tcpfsm_relation.h. Qed's variable
#            elimination is off here (-wp-no-let): with it, Qed spends 2 to 4 s per goal
#            substituting the initialiser, and the provers prove the goals without it;
#   runtime: all of src/ but tcpfsm_table_lookup, with -wp-no-init-const (the lookup is used by
#            its contract), dealt out by function to PROOF_JOBS Frama-C processes (below).
# Prints each job's "Proved goals: N / M" line (N and M count RTE goals and smoke tests) and the
# total; writes OUTDIR/summary.tsv (function goals proved seconds; one row per function; seconds
# is the Qed and prover time WP reports for the function's goals: WP reports no time for a passed
# smoke test), and a last row `(wall-clock)` with the totals and the run's elapsed seconds.
# The elapsed time is a figure, printed; it is never a pass/fail criterion (a loaded machine is
# slow, not wrong).
#
# The proof cache (PROOF_CACHE=on, the default; off with CI=true; proofs/ASSUMPTIONS.md section 7):
# a run whose inputs (every file of src/, these scripts and settings, the tools) are byte for byte
# those of a run that proved every goal shows that run's recorded results and proves nothing
# (build/proof-cache/KEY/runs/). A run with an unproved goal is never recorded. Otherwise WP's own
# prover cache (build/proof-cache/KEY/wp, -wp-cache update) sends to a prover only the goals whose
# Why3 task changed since a run that proved them: after editing one function, only its goals
# (and those of contracts that use what changed) are proved again.
# `make proof-cache-check` checks that failures are never replayed as passes.
# PROOF_ONLY=f,g (for proofs/cache-check.sh) proves only those functions of the runtime pass.
# Exit status: 1 on any unproved goal or failed smoke test, or a job that did not complete;
# 0 when everything holds.
set -u
cd "$(dirname "$0")/.." || exit 2
OUT=${1:-build/proofs}
. proofs/wp-options.sh                       # TIMEOUT SMOKE_TIMEOUT CORES PAR PROVERS WP; WHY3CONFIG
PASSES=${PROOF_PASSES:-table runtime}
mkdir -p "$OUT" || exit 2
rm -f "$OUT"/*.log "$OUT"/*.json "$OUT"/*.time "$OUT/summary.tsv"
proof_cache_setup || exit 2                  # CACHE_OPTS, PROOF_CACHE_DIR (proofs/wp-options.sh)

# With the cache on, a run whose inputs (every file of src/, the proof scripts and settings, the
# tools: PROOF_CACHE_DIR's name) are identical to those of an earlier run that proved every goal
# shows that run's results again and proves nothing. Only runs that proved everything are
# recorded, so a failing run is always run again.
RUN_KEY= RUN_SAVED=
if [ -n "$PROOF_CACHE_DIR" ]; then
    RUN_KEY=$( { echo "$PROOF_CACHE_DIR|$PASSES|${PROOF_JOBS:-$CORES}|${PROOF_ONLY:-}|$WP"
                 for f in src/*.c src/*.h proofs/run.sh proofs/wp-options.sh proofs/functions.awk \
                          proofs/why3-provers.conf; do echo "== $f"; cat "$f"; done; } |
               sha256sum | cut -c1-16)
    RUN_SAVED=$PROOF_CACHE_DIR/runs/$RUN_KEY
    if [ -f "$RUN_SAVED/done" ]; then
        t0=$(date +%s)
        cp "$RUN_SAVED"/*.log "$RUN_SAVED"/*.json "$RUN_SAVED"/*.time "$RUN_SAVED/summary.tsv" "$OUT/" || exit 2
        for log in "$RUN_SAVED"/*.log; do
            job=$(basename "$log" .log)
            echo "$job: $(grep -E '^\[wp\] Proved goals:' "$log") (recorded)"
        done
        awk -F'\t' '$1 == "(wall-clock)" { printf "total: Proved goals: %s / %s (passes: %s)\n", $3, $2, p }' \
            p="$PASSES" "$OUT/summary.tsv"
        echo "proofs: $(( $(date +%s) - t0 )) s wall clock on $CORES cores, proof cache $PROOF_CACHE_STATE (a figure, not a pass/fail criterion); logs and summary.tsv in $OUT"
        echo "proofs: nothing re-proved: src/ and the proof settings are identical to those of a run that proved every goal ($(cat "$RUN_SAVED/done")); PROOF_CACHE=off proves again"
        exit 0
    fi
fi

JOBS=${PROOF_JOBS:-$CORES}
status=0
start=$(date +%s)

# run_job NAME FRAMA-C-ARGS...: one Frama-C process, in the background; its log, JSON report and
# exit status with seconds.
run_job() {
    name=$1; shift
    (
        s=$(date +%s)
        frama-c -cpp-extra-args="-Isrc" "$@" $WP $CACHE_OPTS -wp-report-json "$OUT/$name.json" > "$OUT/$name.log" 2>&1
        echo "$? $(( $(date +%s) - s ))" > "$OUT/$name.time"
    ) &
}

# The runtime pass is dealt out to JOBS Frama-C processes (Frama-C itself runs on one core, and
# builds every prover task): proofs/functions.awk lists the functions of src/*.c with their length
# in lines, the longest is dealt first, each to the job with the fewest lines so far. The last job
# takes every function not dealt to another (-wp-skip-fct), so a function the list misses is
# still proved.
deal_functions() {
    awk -f proofs/functions.awk src/*.c | grep -vw "$TABLE_FUNC" |
        sort -k1,1nr -k2 | awk -v n="$JOBS" '
            { j = 1; for (k = 2; k <= n; k++) if (load[k] < load[j]) j = k
              load[j] += $1; fcts[j] = fcts[j] (fcts[j] == "" ? "" : ",") $2 }
            END { for (k = 1; k < n; k++) print fcts[k] }'
}
JOB_NAMES=
for pass in $PASSES; do
    case $pass in
        table)
            run_job table $TABLE_PASS -wp-fct "$TABLE_FUNC"
            JOB_NAMES="$JOB_NAMES table" ;;
        runtime)
            if [ -n "${PROOF_ONLY:-}" ]; then
                run_job runtime1 $RUNTIME_PASS -wp-fct "$PROOF_ONLY"
                JOB_NAMES="$JOB_NAMES runtime1"
                continue
            fi
            dealt= j=0
            for fcts in $(deal_functions); do
                j=$((j + 1))
                run_job "runtime$j" $RUNTIME_PASS -wp-fct "$fcts"
                JOB_NAMES="$JOB_NAMES runtime$j"
                dealt="$dealt,$fcts"
            done
            j=$((j + 1))
            run_job "runtime$j" $RUNTIME_PASS -wp-skip-fct "$TABLE_FUNC$dealt"
            JOB_NAMES="$JOB_NAMES runtime$j" ;;
        *) echo "proofs: unknown pass '$pass' in PROOF_PASSES (expected: table runtime)" >&2; exit 2 ;;
    esac
done
wait
end=$(date +%s)

# Per job: its "Proved goals" line, its exit status, any unproved goal or failed smoke test.
sum_proved=0 sum_goals=0
for job in $JOB_NAMES; do
    line=$(grep -E '^\[wp\] Proved goals:' "$OUT/$job.log")
    if [ -z "$line" ]; then
        echo "proofs: job $job did not complete, see $OUT/$job.log" >&2
        tail -20 "$OUT/$job.log" >&2
        exit 1
    fi
    set -- $(cat "$OUT/$job.time")
    [ "$1" -eq 0 ] || status=1
    cached=$(sed -n 's/^\[wp\] \[Cache\] /, cache /p' "$OUT/$job.log" | head -1)
    echo "$job: $line ($2 s$cached)"
    if grep -qE '^\[wp\] \[(Failed|Unknown|Timeout)\]|Smoke-test .*: (Failed|Valid)' "$OUT/$job.log"; then
        echo "proofs: unproved goals or failed smoke tests in job $job:" >&2
        grep -A2 -E '^\[wp\] \[(Failed|Unknown|Timeout)\]' "$OUT/$job.log" >&2
        status=1
    fi
    set -- $(echo "$line" | sed -n 's/^\[wp\] Proved goals: *\([0-9]*\) \/ *\([0-9]*\).*/\1 \2/p')
    [ "$#" -eq 2 ] && [ "$1" = "$2" ] || status=1
    sum_proved=$((sum_proved + ${1:-0})); sum_goals=$((sum_goals + ${2:-0}))
done

# A prover that fails on every call (a broken configuration) still lets every smoke test pass,
# since a smoke test passes when no prover proves it. WP's per-prover summary line counts the
# goals a prover proved and the smoke tests it answered (gave up on); failed calls count 0. So
# every prover of PROVERS must have a non-zero count in some job.
proving=$(for job in $JOB_NAMES; do sed -n 's/^  \([^ ].*\): *[1-9][0-9]* .*/\1/p' "$OUT/$job.log"; done |
    grep -v '^Qed$' | sort -u)
if [ "$(echo "$proving" | grep -c .)" -lt "$(echo "$PROVERS" | tr , '\n' | grep -c .)" ]; then
    echo "proofs: of the provers $PROVERS, only these proved or answered anything: $(echo $proving)" >&2
    echo "proofs: a prover whose every call fails makes the smoke tests weaker; check $WHY3CONFIG" >&2
    status=1
fi

secs=$((end - start))
python3 - "$OUT" "$JOB_NAMES" "$secs" <<'PY' || status=1
import json, re, sys
out = sys.argv[1]
rows, total, proved = {}, 0, 0
timing = {}
for p in sys.argv[2].split():
    for line in open('%s/%s.log' % (out, p)):
        m = re.match(r'\[wp\] \[[^]]+\] (?:Goal|Smoke-test) typed_(\S+) : .*', line)
        if m:
            secs = 0.0
            for v, unit in re.findall(r'\(([0-9.]+)(ms|s)\)', line):
                secs += float(v) / (1000.0 if unit == 'ms' else 1.0)
            for v, unit in re.findall(r'\(Qed:([0-9.]+)(ms|s)\)', line):
                secs += float(v) / (1000.0 if unit == 'ms' else 1.0)
            timing[m.group(1)] = timing.get(m.group(1), 0.0) + secs
    rep = json.load(open('%s/%s.json' % (out, p)))
    sections = list(rep.get('wp:functions', {}).items())
    for ax, goals in rep.get('wp:axiomatics', {}).items():
        sections.append(('lemmas' if ax in ('', 'wp:lemmas') else 'axiomatic:' + ax, goals))
    for fn, goals in sections:
        r = rows.setdefault(fn, [0, 0, 0.0])
        for gid, res in goals.items():
            if gid == 'wp:section':
                continue   # the function's own total, not a goal
            main = res.get('wp:main', {})
            n = main.get('total', 0)
            ok = main.get('valid', 0)
            r[0] += n; r[1] += ok; total += n; proved += ok
            r[2] += sum(v for k, v in timing.items() if k == gid or k.startswith(gid + '_part'))
with open('%s/summary.tsv' % out, 'w') as f:
    f.write('function\tgoals\tproved\tseconds\n')
    for fn in sorted(rows):
        g, p, t = rows[fn]
        f.write('%s\t%d\t%d\t%.2f\n' % (fn, g, p, t))
    f.write('(wall-clock)\t%d\t%d\t%s\n' % (total, proved, sys.argv[3]))
print('summary.tsv: %d / %d goals and smoke tests proved or passed, by function' % (proved, total))
bad = [fn for fn in rows if rows[fn][1] != rows[fn][0]]
if bad:
    print('proofs: functions with unproved goals: ' + ' '.join(sorted(bad)), file=sys.stderr)
    sys.exit(1)
PY
echo "total: Proved goals: $sum_proved / $sum_goals (passes: $PASSES)"
echo "proofs: $secs s wall clock on $CORES cores, proof cache $PROOF_CACHE_STATE (a figure, not a pass/fail criterion); logs and summary.tsv in $OUT"
if [ "$status" -eq 0 ] && [ -n "$RUN_SAVED" ] && [ "$sum_goals" -gt 0 ]; then
    rm -rf "$RUN_SAVED" && mkdir -p "$RUN_SAVED" &&
        cp "$OUT"/*.json "$OUT"/*.time "$OUT/summary.tsv" "$RUN_SAVED/" &&
        for job in $JOB_NAMES; do cp "$OUT/$job.log" "$RUN_SAVED/"; done &&
        echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $secs s" > "$RUN_SAVED/done"
fi
exit $status
