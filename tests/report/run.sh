#!/usr/bin/env bash
# tests/report/run.sh - the audit report's generator (tools/report/) on the small fixture inputs
# of tests/report/fixture/ (a table, a model summary, two trails, a proof summary and WP JSON, a
# mutant summary, the tests' rows), compared with the golden outputs in tests/report/golden/;
# then its errors on bad inputs (file:line: expected ..., exit status 1, no report written) and
# its "not run" lines when the build's outputs are absent.
# Usage: tests/report/run.sh [--update]   (--update rewrites the golden files from the fixture;
#        review the diff before committing it). Prints "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
FX=tests/report/fixture
GOLDEN=tests/report/golden
GEN="python3 tools/report/report.py"
pass=0 fail=0
ok() { echo "ok   $*"; pass=$((pass + 1)); }
ko() { echo "FAIL $*"; fail=$((fail + 1)); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

gen_fixture() {   # gen_fixture ROOT OUT: the generator on a fixture tree
    $GEN --root "$1" --build "$1/build" --data "$1/data" --out "$2"
}

# 1. golden outputs, from a copy of the fixture whose build outputs are newer than its sources
#    (git does not keep modification times; the report flags an output older than its sources)
cp -r "$FX" "$tmp/fx"
find "$tmp/fx" -type f -exec touch -d '2020-01-01 00:00:00' {} +
find "$tmp/fx/build" "$tmp/fx/data" -type f -exec touch -d '2021-01-01 00:00:00' {} +
if ! gen_fixture "$tmp/fx" "$tmp/out" > "$tmp/gen.log" 2>&1; then
    ko "the generator fails on the fixture:"; sed 's/^/    /' "$tmp/gen.log"
elif [ "${1:-}" = --update ]; then
    rm -rf "$GOLDEN"; mkdir -p "$GOLDEN/msc"
    cp "$tmp/out/index.html" "$tmp/out/report.md" "$GOLDEN/"; cp "$tmp/out/msc/"*.svg "$GOLDEN/msc/"
    echo "golden outputs rewritten in $GOLDEN: review git diff $GOLDEN"
else
    for f in index.html report.md $(cd "$GOLDEN" && ls msc/*.svg); do
        if cmp -s "$GOLDEN/$f" "$tmp/out/$f"; then ok "golden: $f"
        else ko "golden: $f differs (tests/report/run.sh --update rewrites it):"; diff -u "$GOLDEN/$f" "$tmp/out/$f" | head -20 | sed 's/^/    /'; fi
    done
    extra=$(ls "$tmp/out/msc" | while read -r f; do [ -f "$GOLDEN/msc/$f" ] || echo "$f"; done)
    if [ -z "$extra" ]; then ok "golden: no chart beyond the golden ones"; else ko "golden: charts not in $GOLDEN/msc: $extra"; fi
fi

# 2. a bad input is an error "file:line: expected ...", exit status 1, and no report
bad_case() {   # bad_case NAME EXPECTED-MESSAGE-REGEX EDIT-COMMAND (run in the copied fixture)
    local name=$1 want=$2 edit=$3 root=$tmp/bad-$1
    cp -r "$FX" "$root"
    ( cd "$root" && eval "$edit" )
    mkdir -p "$tmp/bad-out"; rm -rf "$tmp/bad-out/$name"
    gen_fixture "$root" "$tmp/bad-out/$name" > "$tmp/$name.out" 2> "$tmp/$name.err"
    local rc=$?
    if [ "$rc" -eq 1 ] && grep -Eq "$want" "$tmp/$name.err" && [ ! -e "$tmp/bad-out/$name" ] && [ ! -s "$tmp/$name.out" ]; then
        ok "bad input $name: $(head -1 "$tmp/$name.err")"
    else
        ko "bad input $name: exit $rc, stderr: $(head -2 "$tmp/$name.err"), report written: $([ -e "$tmp/bad-out/$name" ] && echo yes || echo no)"
    fi
}
bad_case summary-fields 'build/model/summary\.tsv:3: expected 7 tab-separated fields' \
    "sed -i '3s/\t[0-9.]*\$//' build/model/summary.tsv"
bad_case summary-header 'build/model/summary\.tsv:1: expected the header' \
    "sed -i '1s/states/nodes/' build/model/summary.tsv"
bad_case summary-number 'build/model/summary\.tsv:2: expected a number in column states' \
    "sed -i '2s/264307/many/' build/model/summary.tsv"
bad_case story-line 'M1_two_way_handshake\.story\.txt:3: expected a step' \
    "sed -i '3s/.*/garbage in the story/' build/model/M1_two_way_handshake.story.txt"
bad_case story-segment 'M2a_time_wait_short\.story\.txt:2: expected a segment' \
    "sed -i '2s/<SEQ=0>/<SEQ=x>/' build/model/M2a_time_wait_short.story.txt"
bad_case table-row "model/tcp\\.fsm:$(grep -n '^row T02' "$FX/model/tcp.fsm" | cut -d: -f1): expected row ID FROM EVENT GUARD TO ACTIONS" \
    "sed -i '/^row T02/s/RFC9293:3.10.1/3.10.1/' model/tcp.fsm"
bad_case table-duplicate "model/tcp\\.fsm:$(grep -n '^row T04' "$FX/model/tcp.fsm" | cut -d: -f1): expected a row id not used before" \
    "sed -i '/^row T04/s/T04/T01/' model/tcp.fsm"
bad_case proofs-summary 'build/proofs/summary\.tsv:3: expected a number in column goals' \
    "sed -i '3s/\t6\t/\tsix\t/' build/proofs/summary.tsv"
bad_case proofs-json 'build/proofs/runtime1\.json:[0-9]+: expected a WP JSON report' \
    "echo '{ broken' > build/proofs/runtime1.json"
bad_case unit-rows 'data/unit-rows\.txt:2: expected "Tnn test_group"' \
    "sed -i '2s/.*/row two/' data/unit-rows.txt"
bad_case scenario-rows 'data/scenario-rows\.tsv:1: expected "scenario<TAB>Tnn' \
    "sed -i '1s/T01/X01/' data/scenario-rows.tsv"
bad_case expectations 'tests/conformance/freebsd\.expect:3: expected "path  FAIL\|SKIP  reason"' \
    "sed -i '3s/  FAIL  /  BROKEN  /' tests/conformance/freebsd.expect"
bad_case mutants 'build/mutants/summary\.tsv:4: expected 4 tab-separated fields' \
    "sed -i '4s/\tsurvived//' build/mutants/summary.tsv"

# 3. an output older than its sources is flagged as stale, with the make target to run again
touch -d '2022-01-01 00:00:00' "$tmp/fx/model/tcp.fsm" "$tmp/fx/src/fixture.c"
if gen_fixture "$tmp/fx" "$tmp/stale-out" > /dev/null 2>&1 &&
   grep -q 'Stale input: <code>build/model/summary.tsv</code> is older than <code>model/tcp.fsm</code>.*run make model' "$tmp/stale-out/index.html" &&
   grep -q 'Stale input: <code>build/proofs/summary.tsv</code> is older than <code>src/fixture.c</code>.*run make proofs' "$tmp/stale-out/index.html" &&
   grep -q 'Stale input: `build/mutants/summary.tsv` is older than `src/fixture.c`.*run make mutants' "$tmp/stale-out/report.md" &&
   ! grep -q 'Stale input' "$tmp/out/index.html"; then
    ok "stale inputs: outputs older than their sources are flagged (and only those)"
else
    ko "stale inputs: not flagged as expected: $(grep -o 'Stale input[^.]*' "$tmp/stale-out/index.html" | head -3)"
fi

# 4. without the build's outputs, every section says what to run; nothing is invented
root=$tmp/bare
mkdir -p "$root"; cp -r "$FX/model" "$FX/src" "$FX/proofs" "$FX/docs" "$root/"
if gen_fixture "$root" "$tmp/bare-out" > "$tmp/bare.log" 2>&1; then
    missing=""
    for what in 'not run: run make model' 'not run: run make proofs' 'not run: run make mutants' \
                'not run: run make report' 'not run: run make conformance' 'not run: run make interop'; do
        grep -q "$what" "$tmp/bare-out/index.html" || missing="$missing; no \"$what\" in index.html"
        grep -q "$what" "$tmp/bare-out/report.md" || missing="$missing; no \"$what\" in report.md"
    done
    rows=$(grep -c 'class="trow' "$tmp/bare-out/index.html")
    [ "$rows" -eq "$(grep -c '^row ' "$FX/model/tcp.fsm")" ] || missing="$missing; $rows matrix lines"
    [ -z "$(ls "$tmp/bare-out/msc")" ] || missing="$missing; charts drawn without trails"
    grep -q 'class="trow gap"' "$tmp/bare-out/index.html" || missing="$missing; no line highlighted"
    if grep -q 'class="trow"' "$tmp/bare-out/index.html"; then missing="$missing; a line without evidence is not highlighted"; fi
    if [ -z "$missing" ]; then ok "no build outputs: every section says which make target to run; every line highlighted"
    else ko "no build outputs:${missing#;}"; fi
else
    ko "no build outputs: the generator failed: $(head -3 "$tmp/bare.log")"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
