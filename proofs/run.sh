#!/bin/sh
# proofs/run.sh - Frama-C WP on all of src/, headless: absence of runtime errors (-wp-rte),
# contracts, smoke tests (inconsistent contracts, dead code), provers z3 and cvc4 through why3.
#
# Usage: proofs/run.sh [OUTDIR]            (default: build/proofs)
# Environment: WP_TIMEOUT (default 5 s per goal), WP_SMOKE_TIMEOUT (default 1 s per smoke test),
#              WP_PAR (default 2), PROOF_PASSES (default "table runtime": which passes to run).
#
# Two passes over the same sources (see proofs/ASSUMPTIONS.md, section 1):
#   table:   tcpfsm_step.c + tcpfsm_table.c with the const table's initialiser known
#            (-wp-init-const): proves the lookup faithful to src/tcpfsm_relation.h;
#   runtime: all of src/ with -wp-no-init-const, the two table functions used by their contracts.
# Prints each pass's "Proved goals: N / M" line and the total; writes OUTDIR/summary.tsv
# (function goals proved seconds; one row per function). Exits non-zero on any unproved goal or
# failed smoke test.
set -u
cd "$(dirname "$0")/.." || exit 2
OUT=${1:-build/proofs}
TIMEOUT=${WP_TIMEOUT:-5}
SMOKE_TIMEOUT=${WP_SMOKE_TIMEOUT:-1}
PAR=${WP_PAR:-2}
mkdir -p "$OUT" || exit 2
rm -f "$OUT"/*.log "$OUT"/*.json "$OUT/summary.tsv"

WP="-wp -wp-rte -wp-smoke-tests -wp-smoke-timeout $SMOKE_TIMEOUT -wp-par $PAR -wp-prover z3,cvc4 -wp-timeout $TIMEOUT"
TABLE_FUNCS=tcpfsm_table_lookup,tcpfsm_cell_guard
PASSES=${PROOF_PASSES:-table runtime}
status=0
start=$(date +%s)

case " $PASSES " in *" table "*)
frama-c -cpp-extra-args="-Isrc" src/tcpfsm_step.c src/tcpfsm_table.c \
    $WP -wp-fct "$TABLE_FUNCS" -wp-report-json "$OUT/table.json" > "$OUT/table.log" 2>&1 || status=1
esac
case " $PASSES " in *" runtime "*)
frama-c -cpp-extra-args="-Isrc" src/*.c \
    $WP -wp-no-init-const -wp-skip-fct "$TABLE_FUNCS" -wp-report-json "$OUT/runtime.json" \
    > "$OUT/runtime.log" 2>&1 || status=1
esac
end=$(date +%s)

for pass in $PASSES; do
    line=$(grep -E '^\[wp\] Proved goals:' "$OUT/$pass.log")
    if [ -z "$line" ]; then
        echo "proofs: pass $pass did not complete, see $OUT/$pass.log" >&2
        tail -20 "$OUT/$pass.log" >&2
        exit 1
    fi
    echo "$pass: $line"
done

python3 - "$OUT" "$PASSES" <<'PY' || status=1
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
print('summary.tsv: %d / %d goals and smoke tests proved or passed, by function' % (proved, total))
bad = [fn for fn in rows if rows[fn][1] != rows[fn][0]]
if bad:
    print('proofs: functions with unproved goals: ' + ' '.join(sorted(bad)), file=sys.stderr)
    sys.exit(1)
PY
sum_proved=0 sum_goals=0
for pass in $PASSES; do
    if grep -qE '^\[wp\] \[(Failed|Unknown|Timeout)\]|^\[wp\] \[Failed\] Smoke-test|Smoke-test .*: (Failed|Valid)' "$OUT/$pass.log"; then
        echo "proofs: unproved goals or failed smoke tests in pass $pass:" >&2
        grep -E '^\[wp\] \[(Failed|Unknown|Timeout)\]' "$OUT/$pass.log" >&2
        status=1
    fi
    set -- $(sed -n 's/^\[wp\] Proved goals: *\([0-9]*\) \/ *\([0-9]*\).*/\1 \2/p' "$OUT/$pass.log")
    [ "$#" -eq 2 ] && [ "$1" = "$2" ] || status=1
    sum_proved=$((sum_proved + ${1:-0})); sum_goals=$((sum_goals + ${2:-0}))
done
echo "total: Proved goals: $sum_proved / $sum_goals (passes: $PASSES)"
echo "proofs: $((end - start)) s wall clock; logs and summary.tsv in $OUT"
exit $status
