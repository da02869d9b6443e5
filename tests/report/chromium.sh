#!/usr/bin/env bash
# tests/report/chromium.sh - opens the audit report in headless Chromium and checks that it
# rendered (issue 16), for two reports:
#   fixture: the generator run on tests/report/fixture/ (always has its charts);
#   build:   the report of this tree (make report's inputs: model/tcp.fsm and build/), generated
#            afresh; its matrix must have one line per row of model/tcp.fsm and, when
#            build/model/ exists, one chart per failing model check with a trail, M1 and M2 first.
# For each: chromium --dump-dom (the DOM after the page's script ran) checked by check_dom.py;
# the console must stay silent (any console message or uncaught error fails; a control page with
# a console.error proves that such a message is seen); a screenshot, kept as
# REPORT/screenshot.png (build/report/screenshot.png for the build's report).
# Usage: tests/report/chromium.sh [BUILD]   (default build). Prints "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
pass=0 fail=0
ok() { echo "ok   $*"; pass=$((pass + 1)); }
ko() { echo "FAIL $*"; fail=$((fail + 1)); }
[ -x "$CHROMIUM" ] || { echo "FAIL $CHROMIUM missing (make deps installs Debian's chromium)"; echo "0 passed, 1 failed"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# headless Chromium as root needs --no-sandbox; a fresh profile each time; the time limit only stops
# a hung browser (generous: never a verdict on speed); no network is needed
# (the report loads nothing) and any attempt would show as a console error
chrome() {
    local profile
    profile=$(mktemp -d -p "$tmp")
    timeout 600 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$profile" \
        --enable-logging=stderr --v=0 --hide-scrollbars "$@"
}

# dom_check NAME REPORT_DIR ROWS CHARTS LEAD...
dom_check() {
    local name=$1 dir=$2 rows=$3 charts=$4; shift 4
    local url="file://$PWD/$dir/index.html"
    if ! chrome --dump-dom "$url" > "$tmp/$name.dom" 2> "$tmp/$name.err"; then
        ko "$name: chromium --dump-dom failed"; sed 's/^/    /' "$tmp/$name.err" | tail -5; return
    fi
    if python3 tests/report/check_dom.py "$tmp/$name.dom" "$rows" "$charts" "$@" > "$tmp/$name.checks"; then
        ok "$name: the page rendered: $(grep -c '^ok' "$tmp/$name.checks") DOM checks"
    else
        ko "$name: DOM checks:"; grep '^FAIL' "$tmp/$name.checks" | sed 's/^/    /'
    fi
    local console
    console=$(grep -E ':CONSOLE[:(]' "$tmp/$name.err" || true)
    if [ -z "$console" ]; then ok "$name: no console message or error"
    else ko "$name: console messages:"; echo "$console" | sed 's/^/    /' | head -10; fi
    rm -f "$dir/screenshot.png"
    chrome --screenshot="$PWD/$dir/screenshot.png" --window-size=1400,2400 "$url" > /dev/null 2>&1
    if [ -s "$dir/screenshot.png" ] && [ "$(stat -c %s "$dir/screenshot.png")" -gt 20000 ]; then
        ok "$name: screenshot $dir/screenshot.png ($(stat -c %s "$dir/screenshot.png") bytes)"
    else ko "$name: no screenshot (or a blank one) in $dir/screenshot.png"; fi
}

# 0. The console check sees a console.error and an uncaught exception (the control page).
printf '<!DOCTYPE html><html><body><script>console.error("control-error"); nosuchfunction();</script></body></html>\n' > "$tmp/control.html"
chrome --dump-dom "file://$tmp/control.html" > /dev/null 2> "$tmp/control.err"
if grep -q ':CONSOLE.*control-error' "$tmp/control.err" && grep -q ':CONSOLE.*nosuchfunction' "$tmp/control.err"; then
    ok "control: a console.error and an uncaught exception are seen in Chromium's log"
else ko "control: the console check does not see console errors (chromium's --enable-logging output changed?)"; fi

# 1. The fixture's report (tests/report/fixture: 6 rows, 4 charts: M1, M2a, M6 and the witness W4).
python3 tools/report/report.py --root tests/report/fixture --build tests/report/fixture/build \
    --data tests/report/fixture/data --out "$BUILD/report-fixture" > /dev/null 2>&1 ||
    ko "fixture: the generator failed"
dom_check fixture "$BUILD/report-fixture" "$(grep -c "^row " tests/report/fixture/model/tcp.fsm)" 4 M1 M2

# 1b. The page's filter: opened at #rows-from-CLOSED (a state's link in the diagram), only the
#     lines of the rows from CLOSED are shown.
closed=$(awk '$1 == "row" && $3 == "CLOSED"' tests/report/fixture/model/tcp.fsm | wc -l)
if chrome --dump-dom "file://$PWD/$BUILD/report-fixture/index.html#rows-from-CLOSED" > "$tmp/filter.dom" 2> /dev/null &&
   python3 tests/report/check_dom.py "$tmp/filter.dom" "$(grep -c '^row ' tests/report/fixture/model/tcp.fsm)" 4 \
       --visible="$closed" > "$tmp/filter.checks"; then
    ok "fixture: opened at #rows-from-CLOSED, the matrix shows the $closed rows from CLOSED only"
else
    ko "fixture: the filter:"; grep '^FAIL' "$tmp/filter.checks" | sed 's/^/    /'
fi

# 2. The build's report, generated afresh from this tree.
if tools/report/collect.sh "$BUILD" "$BUILD/report-data" > "$tmp/collect.log" 2>&1 &&
   python3 tools/report/report.py --root . --build "$BUILD" --data "$BUILD/report-data" --out "$BUILD/report" > "$tmp/gen.log" 2>&1; then
    rows=$(grep -c '^row ' model/tcp.fsm)
    charts=0 lead=""
    if [ -f "$BUILD/model/summary.tsv" ]; then
        charts=$(awk -F'\t' 'NR > 1 && $3 == "fails" { print $1 }' "$BUILD/model/summary.tsv" |
                 while read -r c; do [ -f "$BUILD/model/$c.story.txt" ] && echo "$c"; done | wc -l)
        lead="M1 M2"
    else
        echo "note: $BUILD/model/ absent (run make model): the build's report has no charts; the charts are checked on the fixture"
    fi
    # shellcheck disable=SC2086
    dom_check build "$BUILD/report" "$rows" "$charts" $lead
else
    ko "build: make report's steps failed:"; cat "$tmp/collect.log" "$tmp/gen.log" | sed 's/^/    /' | tail -10
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
