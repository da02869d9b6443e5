#!/usr/bin/env bash
# tools/report/collect.sh - the per-row test evidence for the audit report (make report):
#   DATA/unit-rows.txt         "Tnn group": the rows each unit test group's row checks passed on
#                              (the unit binaries run with TCPFSM_ROWS_FILE, as tools/run-tests.sh does)
#   DATA/scenario-rows.tsv     "script<TAB>Tnn Tnn ...": the rows each passing packetdrill script takes
#                              (build/tcpfsm-drill --rows, one script at a time, with --strict
#                              when the runner has it, as make test runs them)
#   DATA/scenario-results.tsv  "script<TAB>PASS|FAIL"
# Usage: tools/report/collect.sh BUILD DATA   (needs the unit binaries and build/tcpfsm-drill built)
set -uo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
DATA=${2:-$BUILD/report-data}
rm -rf "$DATA.tmp"
mkdir -p "$DATA.tmp"

units=$(ls "$BUILD"/tests/unit/test_* 2>/dev/null | grep -v '\.gc' || true)
[ -n "$units" ] || { echo "collect: no unit test binaries in $BUILD/tests/unit (run make test)" >&2; exit 1; }
: > "$DATA.tmp/unit-rows.txt"
for bin in $units; do
    # a failing test group still records the rows of its passing tests (fx_run); the failure is
    # make test's business, the report shows only what passed
    TCPFSM_ROWS_FILE=$DATA.tmp/unit-rows.txt "$bin" > "$DATA.tmp/unit.log" 2>&1 ||
        echo "collect: $bin: some tests failed (see make test); their rows are not counted" >&2
done
rm -f "$DATA.tmp/unit.log"

drill=$BUILD/tcpfsm-drill
[ -x "$drill" ] || { echo "collect: $drill missing (run make tools)" >&2; exit 1; }
printf 'scenario\tresult\n' > "$DATA.tmp/scenario-results.tsv"
: > "$DATA.tmp/scenario-rows.tsv"
ids=$(awk '$1 == "row" { printf "%s ", $2 }' model/tcp.fsm)
# the scenarios run as make test runs them: with --strict when the runner has it
strict=
if "$drill" 2>&1 | grep -q -- '--strict'; then strict=--strict; fi
while IFS= read -r script; do
    # one script at a time: PASS/FAIL, and the rows taken: every row id of the table that --rows
    # does not list as not taken (only for a script that passed)
    "$drill" $strict --rows "$script" 2>&1 | awk -v script="$script" -v ids="$ids" \
        -v results="$DATA.tmp/scenario-results.tsv" -v rows="$DATA.tmp/scenario-rows.tsv" '
        /^PASS / { pass = 1 } /^FAIL / { fail = 1 }
        /^row not taken: T[0-9]+$/ { not[$4] = 1 }
        END {
            ok = pass && !fail
            print script "\t" (ok ? "PASS" : "FAIL") >> results
            if (!ok) exit
            n = split(ids, all, " "); line = ""
            for (i = 1; i <= n; i++) if (!(all[i] in not)) line = line (line == "" ? "" : " ") all[i]
            if (line != "") print script "\t" line >> rows
        }'
done < <(find tests/scenarios -name '*.pkt' | sort)
rm -rf "$DATA"
mv "$DATA.tmp" "$DATA"
echo "collect: $(wc -l < "$DATA/unit-rows.txt") unit row checks, $(($(wc -l < "$DATA/scenario-results.tsv") - 1)) scenarios in $DATA"
