#!/usr/bin/env bash
# tools/verify.sh: `make verify` = check-gen + model + proofs + test, each run to the end even when
# an earlier one fails, then a summary table. Exit status: 0 only when every stage passed.
set -uo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
mkdir -p "$BUILD"
stages=(check-gen model proofs test)
declare -A result seconds detail
for stage in "${stages[@]}"; do
    echo "================================================================ make $stage"
    start=$(date +%s)
    log=$BUILD/verify-$stage.log
    make --no-print-directory "$stage" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    seconds[$stage]=$(( $(date +%s) - start ))
    result[$stage]=$([ "$rc" -eq 0 ] && echo pass || echo FAIL)
    case $stage in
        check-gen) detail[$stage]=$(grep -E '^check-gen:' "$log" | tail -n 1) ;;
        model)     detail[$stage]=$( [ -f "$BUILD/model/summary.tsv" ] && awk -F'\t' 'NR > 1 { n++; if ($2 == $3) ok++ } END { printf "%d/%d runs as expected", ok, n }' "$BUILD/model/summary.tsv") ;;
        proofs)    detail[$stage]=$(grep -E 'Proved goals' "$log" | tail -n 1 | sed 's/^[[:space:]]*//') ;;
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
    if [ "${result[$stage]}" = pass ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "verify: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
