#!/bin/sh
# proofs/cache-check.sh - `make proof-cache-check`: the proof cache of `make proofs` never turns a
# failed goal or a failed smoke test into a pass (proofs/ASSUMPTIONS.md, section 7).
#
# On a copy of src/ (the checkout is not touched), with the cache of `make proofs` (PROOF_CACHE=on,
# the same directory build/proof-cache/KEY and the settings of proofs/wp-options.sh), each step
# runs WP on timer_arm_rto, twice in a row (the second run finds the first run's answers in the
# cache):
#   original   the function as it is: every goal proved, and the second run takes answers from
#              the cache (WP's "[Cache] found:N" with N > 0), so the cache is in use;
#   false      its ensures says c->timer == TCPFSM_TIMER_TIME_WAIT (the code arms the RTO timer):
#              that goal must fail in both runs (a cached "unknown" stays a failure);
#   smoke      it gains `requires c->backoff > 40`, which contradicts valid_conn (backoff <= 32):
#              its default_requires smoke test must fail in both runs.
# Exit status 0 when every expectation holds, 1 otherwise (each failure is printed).
set -u
cd "$(dirname "$0")/.." || exit 2
OUT=build/proof-cache-check
PROOF_CACHE=on; CI=
. proofs/wp-options.sh                       # WP, RUNTIME_PASS, proof_cache_setup
proof_cache_setup || exit 2
FCT=timer_arm_rto
rm -rf "$OUT" && mkdir -p "$OUT" || exit 2
status=0

# variant NAME PERL-SUBSTITUTION: a copy of src/ with the substitution applied to src/tcpfsm.c.
variant() {
    mkdir -p "$OUT/$1" && cp -r src "$OUT/$1/" || exit 2
    [ -z "$2" ] && return 0
    perl -0pi -e "$2" "$OUT/$1/src/tcpfsm.c"
    if cmp -s src/tcpfsm.c "$OUT/$1/src/tcpfsm.c"; then
        echo "proof-cache-check: $1: the substitution no longer applies to src/tcpfsm.c (update $0)" >&2
        exit 1
    fi
}

# prove NAME RUN: WP on FCT in the copy NAME; the log is OUT/NAME/wp-RUN.log.
prove() {
    (cd "$OUT/$1" && frama-c -cpp-extra-args="-Isrc" $RUNTIME_PASS -wp-fct "$FCT" $WP $CACHE_OPTS \
        > "wp-$2.log" 2>&1)
    if ! grep -q '^\[wp\] Proved goals:' "$OUT/$1/wp-$2.log"; then
        echo "proof-cache-check: $1: Frama-C did not complete, see $OUT/$1/wp-$2.log" >&2
        exit 1
    fi
}

# expect NAME RUN WHAT: check the log of a run; WHAT is proved, goal-fails or smoke-fails.
expect() {
    log=$OUT/$1/wp-$2.log
    line=$(grep '^\[wp\] Proved goals:' "$log")
    cache=$(sed -n 's/^\[wp\] \[Cache\] //p' "$log" | head -1)
    failed_goal=$(grep -E '^\[wp\] \[(Failed|Unknown|Timeout)\] Goal' "$log" | head -1)
    failed_smoke=$(grep -E '^\[wp\] \[(Failed|Valid)\] Smoke-test' "$log" | head -1)
    case $3 in
        proved) ok=$([ -z "$failed_goal$failed_smoke" ] && echo "$line" | grep -qE ': *([0-9]+) / *\1$' && echo y) ;;
        goal-fails) ok=$([ -n "$failed_goal" ] && echo y) ;;
        smoke-fails) ok=$([ -n "$failed_smoke" ] && echo y) ;;
    esac
    if [ "$ok" = y ]; then
        echo "proof-cache-check: $1 run $2: $3 as expected (${line#\[wp\] }; cache: ${cache:-none})"
    else
        echo "proof-cache-check: $1 run $2: expected $3, got: ${line#\[wp\] } ${failed_goal}${failed_smoke} (cache: ${cache:-none}); see $log" >&2
        status=1
    fi
}

variant original ''
variant false 's/ensures valid_conn\(c\) && c->timer == TCPFSM_TIMER_RTO;\n\*\/\nstatic void timer_arm_rto/ensures valid_conn(c) && c->timer == TCPFSM_TIMER_TIME_WAIT;\n*\/\nstatic void timer_arm_rto/'
variant smoke 's/(requires valid_conn\(c\);\n    )(assigns c->timer, c->deadline;\n    ensures valid_conn\(c\) && c->timer == TCPFSM_TIMER_RTO;)/$1requires c->backoff > 40;\n    $2/'
for v in original false smoke; do
    prove $v 1
    prove $v 2
done
expect original 1 proved
expect original 2 proved
if ! grep -qE '^\[wp\] \[Cache\] found:[1-9]' "$OUT/original/wp-2.log"; then
    echo "proof-cache-check: original run 2: no answer came from the cache; see $OUT/original/wp-2.log" >&2
    status=1
fi
expect false 1 goal-fails
expect false 2 goal-fails
expect smoke 1 smoke-fails
expect smoke 2 smoke-fails
proof_cache_prune
[ $status -eq 0 ] && echo "proof-cache-check: the cache kept every failure (cache $PROOF_CACHE_DIR)"
exit $status
