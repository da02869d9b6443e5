#!/usr/bin/env bash
# tests/fuzz/run.sh - build and run the libFuzzer harnesses of tcpfsm.
#
#   tests/fuzz/run.sh smoke            build, then a short bounded run of each harness (make test)
#   tests/fuzz/run.sh SECONDS          build, then run each harness for SECONDS (make fuzz FUZZ_SECONDS=N)
#   tests/fuzz/run.sh repro FILE...    build, then run FILE through its harness (core or drill, from the
#                                      file name; force one with `repro core FILE` / `repro drill FILE`)
#   tests/fuzz/run.sh build            only build
#
# Harnesses (clang-14, -fsanitize=fuzzer,address,undefined):
#   build/fuzz/fuzz_core   tests/fuzz/fuzz_core.c + src/*.c: the core under arbitrary calls, segments and
#                          clock jumps, with the connection invariant checked after every step
#   build/fuzz/fuzz_drill  tests/fuzz/fuzz_drill.c + tools/drill/*.c but drill_main.c + src/*.c: the
#                          packetdrill parser (and runner) on arbitrary scripts
# Seeds come from tests/fuzz/corpus/{core,drill}/ (never written to); what the fuzzer learns goes to
# build/fuzz/corpus/. A finding is kept under build/fuzz/findings/ and the script exits non-zero.
# The closing line is `fuzz: N passed, N failed`, one count per harness.
#
# Environment: CLANG (default clang-14); FUZZ_SMOKE_RUNS (default 20000); FUZZ_JOBS (default 1);
# FUZZ_CORE_TRACE=1 prints every step of fuzz_core (useful with repro); FUZZ_CORE_ALLOW=tag,...
# skips the named fuzz_core checks (known, reported findings; none by default).
set -u -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 2

CLANG=${CLANG:-clang-14}
OUT=build/fuzz
FINDINGS=$OUT/findings
SMOKE_RUNS=${FUZZ_SMOKE_RUNS:-20000}
WARN="-std=c99 -Wall -Wextra -Wpedantic -Werror"
SAN="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
HARNESSES="core drill"

usage() {
    echo "usage: tests/fuzz/run.sh smoke | SECONDS | repro [core|drill] FILE... | build" >&2
    exit 2
}

build() {
    local lib_srcs drill_srcs f
    if ! command -v "$CLANG" >/dev/null 2>&1; then
        echo "fuzz: $CLANG not found (install clang-14 and libclang-rt-14-dev)" >&2
        return 1
    fi
    mkdir -p "$OUT" "$FINDINGS" || return 1
    lib_srcs=$(ls src/*.c)
    drill_srcs=""
    for f in tools/drill/*.c; do
        [ "$(basename "$f")" = drill_main.c ] || drill_srcs="$drill_srcs $f"
    done
    # shellcheck disable=SC2086
    "$CLANG" $WARN $SAN -Isrc -o "$OUT/fuzz_core" tests/fuzz/fuzz_core.c $lib_srcs || {
        echo "fuzz: building fuzz_core failed" >&2; return 1; }
    if [ -z "$drill_srcs" ]; then
        echo "fuzz: tools/drill/ has no sources to fuzz" >&2
        return 1
    fi
    # shellcheck disable=SC2086
    "$CLANG" $WARN $SAN -Isrc -Itools/drill -o "$OUT/fuzz_drill" tests/fuzz/fuzz_drill.c $drill_srcs $lib_srcs || {
        echo "fuzz: building fuzz_drill failed" >&2; return 1; }
}

# run_one HARNESS LIMIT-ARGS... : returns 0 if no finding.
run_one() {
    local h=$1; shift
    local bin=$OUT/fuzz_$h corpus=$OUT/corpus/$h seeds=tests/fuzz/corpus/$h
    local log=$OUT/fuzz_$h.log rc maxlen jobs=()
    mkdir -p "$corpus"
    if [ "${FUZZ_JOBS:-1}" -gt 1 ] 2>/dev/null; then jobs=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS"); fi
    case $h in core) maxlen=4096 ;; drill) maxlen=8192 ;; esac
    echo "fuzz: $h: $bin $* (log $log)"
    "$bin" -artifact_prefix="$FINDINGS/$h-" -max_len=$maxlen -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 "${jobs[@]}" "$@" \
        "$corpus" "$seeds" >"$log" 2>&1
    rc=$?
    # with -jobs, libFuzzer writes fuzz-N.log files; fold them into the log
    if ls fuzz-*.log >/dev/null 2>&1; then cat fuzz-*.log >>"$log"; rm -f fuzz-*.log; fi
    grep -aE '^Done [0-9]+ runs' "$log" | sed "s/^/fuzz: $h: /"
    local found
    found=$(grep -aoE "Test unit written to [^ ]+" "$log" | sed 's/^Test unit written to //')
    if [ $rc -ne 0 ] || [ -n "$found" ]; then
        echo "fuzz: $h: FINDING (exit $rc); the end of $log:" >&2
        grep -aE 'fuzz_core:|fuzz_drill:|runtime error|ERROR: (AddressSanitizer|libFuzzer)|SUMMARY' "$log" | head -20 >&2
        for f in $found; do
            echo "fuzz: $h: kept $f; reproduce with: tests/fuzz/run.sh repro $h $f" >&2
        done
        [ -n "$found" ] || echo "fuzz: $h: no input kept; see $log" >&2
        return 1
    fi
    return 0
}

run_all() {
    local passed=0 failed=0 h
    for h in $HARNESSES; do
        if run_one "$h" "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
    done
    echo "fuzz: $passed passed, $failed failed"
    [ $failed -eq 0 ]
}

repro() {
    local h="" f rc=0
    case ${1:-} in core|drill) h=$1; shift ;; esac
    [ $# -ge 1 ] || usage
    for f in "$@"; do
        local which=$h
        if [ -z "$which" ]; then
            case $(basename "$f") in
                drill-*|*.pkt) which=drill ;;
                *) case $f in */drill/*) which=drill ;; *) which=core ;; esac ;;
            esac
        fi
        echo "fuzz: reproducing $f with fuzz_$which"
        if ! "$OUT/fuzz_$which" -runs=1 "$f"; then rc=1; fi
    done
    [ $rc -eq 0 ] && echo "fuzz: no finding" || echo "fuzz: finding reproduced"
    return $rc
}

case ${1:-} in
    smoke)
        build || exit 1
        run_all -runs="$SMOKE_RUNS" -max_total_time=15 -seed=1
        ;;
    build)
        build
        ;;
    repro)
        shift
        build || exit 1
        repro "$@"
        ;;
    ''|-*) usage ;;
    *)
        case $1 in *[!0-9]*) usage ;; esac
        build || exit 1
        run_all -max_total_time="$1"
        ;;
esac
