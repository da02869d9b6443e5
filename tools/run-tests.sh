#!/usr/bin/env bash
# tools/run-tests.sh: runs every test suite of tcpfsm (called by `make test` after the build).
# Each suite's own output is shown; its counts are read from cmocka's closing lines
# ("[  PASSED  ] N test(s)." / "[  FAILED  ] N test(s)") or from a plain "N passed, N failed"
# line. The last line is the total: "test: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
logdir=$BUILD/test-logs
mkdir -p "$logdir"
total_pass=0 total_fail=0 total_known=0
summary=()

# shellcheck source=tools/known-failures.sh
. tools/known-failures.sh

# run_suite NAME COMMAND...: runs a suite, adds its counts to the totals.
run_suite() {
    local name=$1; shift
    local log=$logdir/${name//\//_}.log
    echo "=== $name: $*"
    "$@" 2>&1 | tee "$log"
    local rc=${PIPESTATUS[0]}
    local pass fail
    pass=$(grep -Eo '^\[  PASSED  \] [0-9]+ test' "$log" | awk '{s += $4} END {print s + 0}')
    fail=$(grep -Eo '^\[  FAILED  \] [0-9]+ test' "$log" | awk '{s += $4} END {print s + 0}')
    if [ "$pass" -eq 0 ] && [ "$fail" -eq 0 ]; then
        local line
        line=$(grep -E '(^|: )[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
        if [ -n "$line" ]; then
            pass=$(sed -E 's/.*(^|: )([0-9]+) passed, ([0-9]+) failed.*/\2/' <<<"$line")
            fail=$(sed -E 's/.*(^|: )([0-9]+) passed, ([0-9]+) failed.*/\3/' <<<"$line")
        else
            # A suite that reports no count is one check: its exit status.
            if [ "$rc" -eq 0 ]; then pass=1; else fail=1; fi
        fi
    fi
    # A non-zero exit with no failure counted is still a failure (a crash, a build error).
    if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then fail=1; fi
    if [ "$rc" -eq 0 ] && [ "$fail" -ne 0 ]; then rc=1; fi
    local verdict why
    verdict=$([ "$rc" -eq 0 ] && echo ok || echo FAIL)
    why=$(known "$name")
    if [ -n "$why" ] && [ "$rc" -ne 0 ]; then
        verdict="KNOWN FAILURE (issue $why)"
        total_known=$((total_known + fail)); fail=0
    elif [ -n "$why" ]; then
        verdict="FAIL: passes but is listed in KNOWN_FAILURES; remove it"
        fail=$((fail + 1))
    fi
    total_pass=$((total_pass + pass)); total_fail=$((total_fail + fail))
    summary+=("$(printf '%-22s %6d passed %6d failed  %s' "$name" "$pass" "$fail" "$verdict")")
}

# missing NAME WHY: a suite whose sources are not written yet. It is reported, loudly, and counted
# as a failure so that nothing passes silently.
missing() {
    echo "=== $1: MISSING: $2" >&2
    total_fail=$((total_fail + 1))
    summary+=("$(printf '%-22s %6s passed %6s failed  MISSING: %s' "$1" - 1 "$2")")
}

# 1. The generator.
run_suite generator "$BUILD/tests/test_gen" "$BUILD/tcpfsm-gen"

# 2. The library builds with clang and freestanding, as well as with the default compiler.
portability() {
    local cc ok=0 tmp
    tmp=$(mktemp -d); trap 'rm -rf "$tmp"' RETURN
    for cc in "gcc -ffreestanding" "clang-14" "clang-14 -ffreestanding"; do
        for f in src/*.c; do
            if ! $cc -std=c99 -Wall -Wextra -Wpedantic -Werror -O2 -Isrc -c "$f" -o "$tmp/x.o"; then
                echo "portability: $f does not build with $cc"; ok=1
            fi
        done
        echo "portability: src/ builds with $cc"
    done
    return $ok
}
run_suite portability portability

# 3. Unit tests, one cmocka binary per state (coverage-instrumented build of src/).
find "$BUILD/cov" -name '*.gcda' -delete 2>/dev/null || true
unit_bins=$(ls "$BUILD"/tests/unit/test_* 2>/dev/null | grep -v '\.gc' || true)
if [ -n "$unit_bins" ]; then
    # Each passing test appends the table rows it asserted; check_rows then requires all of them.
    export TCPFSM_ROWS_FILE=$logdir/unit-rows.txt
    : > "$TCPFSM_ROWS_FILE"
    for bin in $unit_bins; do run_suite "unit/$(basename "$bin")" "$bin"; done
    unset TCPFSM_ROWS_FILE
    run_suite unit-rows "$BUILD/tests/unit/check_rows" "$logdir/unit-rows.txt"
    run_suite coverage tools/coverage.sh
else
    missing unit "tests/unit/test_*.c not written yet"
fi

# 4. packetdrill scenarios, under both ISN passes (the runner does the second pass itself).
if [ -d tests/scenarios ] && [ -x "$BUILD/tcpfsm-drill" ]; then
    mapfile -t scripts < <(find tests/scenarios -name '*.pkt' | sort)
    run_suite drill-parser "$BUILD/tests/test_drill_parse"
    run_suite scenarios "$BUILD/tcpfsm-drill" --strict "${scripts[@]}"
    if [ -x tests/drill-negative/check.sh ]; then run_suite drill-negative tests/drill-negative/check.sh "$BUILD/tcpfsm-drill"; fi
else
    missing scenarios "tests/scenarios/ or build/tcpfsm-drill not there yet"
fi

# 4b. The FreeBSD tcp-testsuite against tests/conformance/freebsd.expect (when the suite is there).
if [ -x "$BUILD/tcpfsm-drill" ]; then
    if [ -d "${SUITE:-../shared/freebsd-tcp-testsuite/state-event-engine}" ]; then
        run_suite conformance tests/conformance/run.sh
    else
        echo "=== conformance: skipped: suite not found (${SUITE:-../shared/freebsd-tcp-testsuite/state-event-engine})"
        summary+=("$(printf '%-22s %6s passed %6s failed  skipped: suite not found' conformance - -)")
    fi
fi

# 5. Model-to-code trace replay.
if [ -x tests/replay/run.sh ]; then run_suite replay tests/replay/run.sh; else missing replay "tests/replay/run.sh not written yet"; fi

# 6. Fuzzing smoke (bounded).
if [ -x tests/fuzz/run.sh ]; then run_suite fuzz-smoke tests/fuzz/run.sh smoke; else missing fuzz-smoke "tests/fuzz/run.sh not written yet"; fi

# 7. The audit report (make report): the generator on fixture inputs against golden outputs, then
#    the fixture's and this tree's report opened in headless Chromium.
if [ -x tests/report/run.sh ]; then
    run_suite report-golden tests/report/run.sh
    run_suite report-chromium tests/report/chromium.sh "$BUILD"
else
    missing report "tests/report/run.sh not written yet"
fi
# 8. The host stack: its packet parser, then tcpfsm-tun against the Linux kernel in a network
#    namespace (needs CAP_NET_ADMIN, skipped with a line without it), then a build against the
#    installed library through pkg-config.
if [ -x "$BUILD/tests/test_host_pkt" ]; then run_suite host-parser "$BUILD/tests/test_host_pkt"; else missing host-parser "$BUILD/tests/test_host_pkt not built"; fi
if [ -x "$BUILD/tests/test_host_input" ]; then run_suite host-input "$BUILD/tests/test_host_input"; else missing host-input "$BUILD/tests/test_host_input not built"; fi
if [ -x tests/interop/run.sh ]; then
    if why=$(tests/interop/run.sh --check); then
        run_suite interop tests/interop/run.sh
    else
        echo "=== interop: $why"
        summary+=("$(printf '%-22s %6s passed %6s failed  %s' interop - - "$why")")
    fi
fi
if [ -x tests/install/run.sh ]; then run_suite install tests/install/run.sh; fi

echo
echo "suite                  counts"
printf '%s\n' "${summary[@]}"
if [ "$total_known" -ne 0 ]; then
    echo "known failures (listed in KNOWN_FAILURES, not counted below): $total_known"
fi
echo "test: $total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
