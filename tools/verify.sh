#!/usr/bin/env bash
# tools/verify.sh: `make verify` = check-gen + model + proofs + test, each run to the end even when
# an earlier one fails, then a summary table. Exit status: 0 only when every stage passed.
# The seconds column is a figure: no stage passes or fails on its elapsed time.
set -uo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
mkdir -p "$BUILD"
stages=(check-gen model proofs test)
declare -A result seconds detail partial
# shellcheck source=tools/known-failures.sh
. tools/known-failures.sh
for stage in "${stages[@]}"; do
    echo "================================================================ make $stage"
    start=$(date +%s)
    log=$BUILD/verify-$stage.log
    make --no-print-directory "$stage" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    # A model run whose mismatch is listed in KNOWN_FAILURES does not fail the stage; any other does.
    if [ "$stage" = model ] && [ "$rc" -ne 0 ] && [ -f "$BUILD/model/summary.tsv" ]; then
        unexpected=$(awk -F'\t' 'NR > 1 && $2 != $3 { print $1 }' "$BUILD/model/summary.tsv" |
                     while read -r row; do [ -n "$(known "model:$row")" ] || echo "$row"; done)
        if [ -z "$unexpected" ]; then
            echo "model: every mismatch is a KNOWN FAILURE:"; grep '^model:' KNOWN_FAILURES
            rc=0; partial[$stage]=1
        fi
    fi
    # Functions whose unproved goals are listed in KNOWN_FAILURES (proofs:FUNCTION) do not fail the
    # stage when they are the only ones; a listed function that now proves fails it (remove the line).
    if [ "$stage" = proofs ]; then
        listed=$(grep -oE '^proofs:[a-z_0-9]+' KNOWN_FAILURES 2>/dev/null | sed 's/^proofs://' | sort -u)
        unproved=$(sed -n 's/^proofs: functions with unproved goals: //p' "$log" | tr ' ' '\n' | sed '/^$/d' | sort -u)
        if [ "$rc" -ne 0 ] && [ -n "$unproved" ] && grep -q '^total: Proved goals' "$log" &&
           [ -z "$(comm -23 <(printf '%s\n' "$unproved") <(printf '%s\n' "$listed"))" ]; then
            echo "proofs: every unproved goal is in a function listed in KNOWN_FAILURES (KNOWN FAILURE):"
            grep '^proofs:' KNOWN_FAILURES
            rc=0; partial[$stage]=1
        fi
        fixed=$(comm -13 <(printf '%s\n' "$unproved") <(printf '%s\n' "$listed") | sed '/^$/d')
        if [ -n "$fixed" ] && grep -q '^total: Proved goals' "$log"; then
            echo "proofs: listed in KNOWN_FAILURES but every goal proved now (remove the line): $fixed"
            rc=1
        fi
    fi
    seconds[$stage]=$(( $(date +%s) - start ))
    result[$stage]=$([ "$rc" -eq 0 ] && echo pass || echo FAIL)
    grep -q 'KNOWN FAILURE' "$log" && partial[$stage]=1
    [ "$rc" -eq 0 ] && [ -n "${partial[$stage]:-}" ] && result[$stage]='pass*'
    case $stage in
        check-gen) detail[$stage]=$(grep -E '^check-gen:' "$log" | tail -n 1) ;;
        model)     detail[$stage]=$( [ -f "$BUILD/model/summary.tsv" ] && awk -F'\t' 'NR > 1 { n++; if ($2 == $3) ok++ } END { printf "%d/%d runs as expected", ok, n }' "$BUILD/model/summary.tsv") ;;
        proofs)    detail[$stage]=$(grep -E '^(total: Proved goals|proofs: [0-9]+ s wall)' "$log" | sed 's/ *(passes: .*//; s/ wall clock on \([0-9]*\) cores.*/ on \1 cores/' | tr '\n' ' ') ;;
        test)      detail[$stage]=$(grep -E '^test: [0-9]+ passed' "$log" | tail -n 1) ;;
    esac
    [ -n "${detail[$stage]}" ] || detail[$stage]=$(grep -v '^[[:space:]]*$' "$log" | tail -n 1 | cut -c1-70)
done

echo
echo "================================================================ verify summary"
printf '%-10s %-6s %8s  %s\n' stage result seconds detail
passed=0 failed=0
for stage in "${stages[@]}"; do
    printf '%-10s %-6s %8s  %s\n' "$stage" "${result[$stage]}" "${seconds[$stage]}" "${detail[$stage]}"
    if [ "${result[$stage]}" != FAIL ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
if grep -qv '^#' KNOWN_FAILURES 2>/dev/null; then
    echo "pass*: passed apart from its KNOWN FAILURE lines below (each stage ran its other checks in full)"
    echo "known failures (KNOWN_FAILURES):"
    grep -v '^#' KNOWN_FAILURES | sed 's/^/  /'
fi
echo "verify: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
