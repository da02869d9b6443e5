#!/usr/bin/env bash
# tests/conformance/run.sh - the FreeBSD tcp-testsuite as a conformance target (make conformance).
#
#   tests/conformance/run.sh            run SUITE under --profile freebsd, compare with EXPECT, then
#                                       report the pass rate under --profile rfc (a figure)
#   tests/conformance/run.sh --update   rewrite EXPECT from this run (tests/conformance/classify.py
#                                       names the reasons); review the diff before committing
#   tests/conformance/run.sh --if-present   as the first form, but "skipped: suite not found" and
#                                       exit 0 when SUITE is missing (make test)
#
# Every script runs in its own tcpfsm-drill process (both ISN passes, as the runner always does),
# under a time limit of CONFORMANCE_TIMEOUT seconds (default 120) so that no script can hang the
# run; a script over the limit or one that crashes the runner is a failure. The output is the list
# of scripts that do not pass, a table by directory, the runner's closing line
# `conformance: N passed, N failed, N skipped`, the comparison with EXPECT (one line per script
# that does not pass: `path  FAIL|SKIP  reason`), and the rfc figure. The run fails when a script
# not listed does not pass, when a listed one passes (update the list), or when its verdict differs.
#
# Environment: SUITE (default ../shared/freebsd-tcp-testsuite/state-event-engine), DRILL (default
# build/tcpfsm-drill), EXPECT (default tests/conformance/freebsd.expect), PROFILE (default freebsd),
# CONFORMANCE_TIMEOUT, CONFORMANCE_RFC=0 to leave out the rfc figure. Writes build/conformance/summary.tsv
# (profile directory passed failed skipped, one row per directory and an (all) row; read by make report) and
# the verdicts per profile beside it.
set -u -o pipefail
cd "$(dirname "$0")/../.." || exit 2

SUITE=${SUITE:-../shared/freebsd-tcp-testsuite/state-event-engine}
DRILL=${DRILL:-build/tcpfsm-drill}
EXPECT=${EXPECT:-tests/conformance/freebsd.expect}
PROFILE=${PROFILE:-freebsd}
LIMIT=${CONFORMANCE_TIMEOUT:-120}
mode=check
case ${1:-} in
    --update) mode=update ;;
    --if-present) mode=if-present ;;
    '') ;;
    *) echo "usage: tests/conformance/run.sh [--update | --if-present]" >&2; exit 2 ;;
esac

if [ ! -d "$SUITE" ]; then
    echo "conformance: skipped: suite not found ($SUITE; see README.md: packetdrill scripts and conformance)"
    [ "$mode" = if-present ] && exit 0
    exit 2
fi
if [ ! -x "$DRILL" ]; then
    echo "conformance: $DRILL not built (make tools)" >&2
    exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run_suite PROFILE OUT: one verdict line per script into OUT ("PASS path", "FAIL path:line: ...").
run_suite() {
    local profile=$1 out=$2 f line rc
    : > "$out"
    while IFS= read -r -d '' f; do
        line=$(timeout "$LIMIT" "$DRILL" --profile "$profile" "$f" 2>/dev/null | grep -E '^(PASS|FAIL|SKIP) ' | head -n 1)
        rc=${PIPESTATUS[0]}
        if [ "$rc" -eq 124 ]; then
            line="FAIL $f: expected the runner to finish within ${LIMIT} s (time limit)"
        elif [ "$rc" -gt 1 ] || [ -z "$line" ]; then
            line="FAIL $f: expected a verdict, got the runner exiting with status $rc (crash)"
        fi
        printf '%s\n' "$line" >> "$out"
    done < <(find "$SUITE" -name '*.pkt' -print0 | sort -z)
}

count() { # FILE VERDICT
    grep -c "^$2 " "$1" || true
}

# summary_rows PROFILE VERDICTS: the rows of build/conformance/summary.tsv for one profile, one per
# directory of the suite and a total (read by make report).
summary_rows() {
    awk -v suite="$SUITE/" -v prof="$1" '{
        path = $2; sub(/:.*/, "", path); sub(suite, "", path);
        dir = path; sub(/\/[^\/]*$/, "", dir);
        v[dir, $1]++; dirs[dir] = 1; t[$1]++; n++
    } END {
        for (d in dirs) printf "%s\t%s\t%d\t%d\t%d\n", prof, d, v[d, "PASS"], v[d, "FAIL"], v[d, "SKIP"]
        printf "%s\t(all)\t%d\t%d\t%d\n", prof, t["PASS"], t["FAIL"], t["SKIP"]
    }' "$2" | sort
}

run_suite "$PROFILE" "$tmp/verdicts"
total=$(wc -l < "$tmp/verdicts")
if [ "$total" -eq 0 ]; then
    echo "conformance: no *.pkt under $SUITE" >&2
    exit 2
fi

echo "conformance: scripts that do not pass under --profile $PROFILE:"
grep -v '^PASS ' "$tmp/verdicts" | sed "s|$SUITE/||" | sed 's/^/  /' || true
echo
printf '%-40s %6s %6s %6s\n' directory passed failed skipped
awk -v suite="$SUITE/" '{
    path = $2; sub(/:.*/, "", path); sub(suite, "", path);
    dir = path; sub(/\/[^\/]*$/, "", dir);
    n[dir]++; v[dir, $1]++; dirs[dir] = 1
} END {
    for (d in dirs) printf "%-40s %6d %6d %6d\n", d, v[d, "PASS"], v[d, "FAIL"], v[d, "SKIP"]
}' "$tmp/verdicts" | sort
pass=$(count "$tmp/verdicts" PASS); fail=$(count "$tmp/verdicts" FAIL); skip=$(count "$tmp/verdicts" SKIP)
echo "conformance: $pass passed, $fail failed, $skip skipped (profile $PROFILE, $total scripts, both ISN passes;" \
     "pass rate $(awk -v p="$pass" -v t="$total" 'BEGIN { printf "%.1f%%", 100 * p / t }'))"

python3 tests/conformance/classify.py "$SUITE" < "$tmp/verdicts" > "$tmp/actual.expect"
if [ "$mode" = update ]; then
    {
        echo "# FreeBSD tcp-testsuite state-event-engine under tcpfsm-drill --profile $PROFILE: the scripts"
        echo "# that do not pass, one per line: path (relative to the suite)  FAIL|SKIP  the missing behaviour."
        echo "# Written by tests/conformance/run.sh --update (reasons: tests/conformance/classify.py), reviewed."
        cat "$tmp/actual.expect"
    } > "$EXPECT"
    echo "conformance: wrote $EXPECT ($(wc -l < "$tmp/actual.expect") scripts that do not pass)"
fi

status=0
if grep -q '  unclassified: ' "$tmp/actual.expect"; then
    echo "conformance: FAIL: verdicts no rule of tests/conformance/classify.py names:"
    grep '  unclassified: ' "$tmp/actual.expect" | sed 's/^/  /'
    status=1
fi
if [ ! -f "$EXPECT" ]; then
    echo "conformance: FAIL: $EXPECT missing (run tests/conformance/run.sh --update)"
    status=1
else
    # path -> verdict, for the expected and the actual list
    grep -v '^#' "$EXPECT" | awk -F'  ' 'NF >= 2 { print $1 "\t" $2 }' | sort > "$tmp/want"
    awk -F'  ' '{ print $1 "\t" $2 }' "$tmp/actual.expect" | sort > "$tmp/got"
    newly=$(join -t $'\t' -v 2 "$tmp/want" "$tmp/got")
    fixed=$(join -t $'\t' -v 1 "$tmp/want" "$tmp/got")
    changed=$(join -t $'\t' "$tmp/want" "$tmp/got" | awk -F'\t' '$2 != $3')
    if [ -n "$newly" ]; then
        echo "conformance: FAIL: scripts listed as passing that do not pass:"
        printf '%s\n' "$newly" | while IFS=$'\t' read -r p v; do
            grep -F "$p  " "$tmp/actual.expect" | sed 's/^/  /'; done
        status=1
    fi
    if [ -n "$fixed" ]; then
        echo "conformance: FAIL: scripts listed in $EXPECT that now pass (remove them: tests/conformance/run.sh --update):"
        printf '%s\n' "$fixed" | sed 's/^/  /'
        status=1
    fi
    if [ -n "$changed" ]; then
        echo "conformance: FAIL: scripts whose verdict differs from $EXPECT (listed, now):"
        printf '%s\n' "$changed" | sed 's/^/  /'
        status=1
    fi
    if [ $status -eq 0 ]; then
        echo "conformance: every verdict is as $EXPECT lists ($(wc -l < "$tmp/want") scripts listed as not passing)"
    fi
fi

summary_dir=${BUILD_DIR:-build}/conformance
mkdir -p "$summary_dir"
{ printf 'profile\tdirectory\tpassed\tfailed\tskipped\n'; summary_rows "$PROFILE" "$tmp/verdicts"; } > "$tmp/summary.tsv"
cp "$tmp/verdicts" "$summary_dir/verdicts-$PROFILE.txt"
if [ "${CONFORMANCE_RFC:-1}" != 0 ] && [ "$PROFILE" != rfc ]; then
    run_suite rfc "$tmp/rfc"
    summary_rows rfc "$tmp/rfc" >> "$tmp/summary.tsv"
    cp "$tmp/rfc" "$summary_dir/verdicts-rfc.txt"
    rp=$(count "$tmp/rfc" PASS); rf=$(count "$tmp/rfc" FAIL); rs=$(count "$tmp/rfc" SKIP)
    echo "conformance (figure, not compared): profile rfc: $rp passed, $rf failed, $rs skipped of $total" \
         "(pass rate $(awk -v p="$rp" -v t="$total" 'BEGIN { printf "%.1f%%", 100 * p / t }'))"
fi

mv "$tmp/summary.tsv" "$summary_dir/summary.tsv"
echo "conformance: per-directory figures in $summary_dir/summary.tsv"

# The closing count line read by tools/run-tests.sh: one check, the comparison.
if [ $status -eq 0 ]; then echo "conformance: 1 passed, 0 failed"; else echo "conformance: 0 passed, 1 failed"; fi
exit $status
