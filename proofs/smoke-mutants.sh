#!/bin/sh
# proofs/smoke-mutants.sh - do the smoke tests of `make proofs` find an inconsistent contract?
#
# A smoke test that cannot fail proves nothing. Each mutant below plants one inconsistency in a
# copy of src/ (the checkout is not touched) and runs WP's smoke tests on the function it affects,
# with the settings of proofs/run.sh (proofs/wp-options.sh: -wp-rte -wp-smoke-tests, z3-saturate
# and cvc4-bounded through why3, WP_SMOKE_TIMEOUT, default 1 s) in its runtime pass
# (-wp-no-init-const).
# A mutant is "caught" when a smoke test fails.
#
#   requires   timer_arm_rto gets `requires c->backoff > 40`, which contradicts valid_conn
#              (backoff <= 32): its default_requires smoke test must fail.
#   dead_code  current_rto's `if (var4 < 1u)` becomes `if (var4 > 0xFFFFFFFFFF)`: var4 is a
#              32-bit value times 4, so the branch is dead and its dead_code smoke test must fail.
#   dead_loop  flush's loop invariant gains `c->backoff > 40`: the loop body is unreachable.
#   dead_call  timer_stop's ensures gains `c->backoff > 40`: the call in actions_open (its last
#              statement) can never return. EXPECTED MISS: neither prover finds it (nor, before
#              proofs/why3-provers.conf, cvc4 and z3 in why3's default configurations at 1 s,
#              z3 alone with 5 s or 200 000 steps); proofs/ASSUMPTIONS.md, section 5.
#
# Usage: proofs/smoke-mutants.sh [OUTDIR]     (default: build/smoke-mutants)
# Exit status: 0 when every mutant but the expected miss is caught and the expected miss is
# missed; 1 otherwise, or when a mutant no longer applies to src/ (its text was changed: update
# this script).
set -u
cd "$(dirname "$0")/.." || exit 2
OUT=${1:-build/smoke-mutants}
. proofs/wp-options.sh                       # WP: the settings of proofs/run.sh
# Smoke tests and the assigns goals only (WP makes a function's smoke tests only when one of its
# properties is selected; every function has an assigns clause, which Qed proves).
NO_PROPS=-@assert,-@ensures,-@requires,-@complete_behaviors,-@disjoint_behaviors,-@check,-@invariant,-@variant
rm -rf "$OUT" && mkdir -p "$OUT" || exit 2
status=0 caught=0 missed=0 expected_misses=0

# mutant NAME FUNCTION EXPECT PERL-SUBSTITUTION
mutant() {
    name=$1 fct=$2 expect=$3 subst=$4
    dir="$OUT/$name"
    mkdir -p "$dir" && cp -r src "$dir/" || exit 2
    perl -0pi -e "$subst" "$dir/src/tcpfsm.c"
    if cmp -s src/tcpfsm.c "$dir/src/tcpfsm.c"; then
        echo "$name: does not apply to src/tcpfsm.c any more (update proofs/smoke-mutants.sh)" >&2
        status=1
        return
    fi
    [ "$expect" = caught ] || expected_misses=$((expected_misses + 1))
    (cd "$dir" && frama-c -cpp-extra-args="-Isrc" src/*.c -wp-no-init-const -wp-fct "$fct" \
        $WP -wp-prop="$NO_PROPS" > wp.log 2>&1)
    if ! grep -q '^\[wp\] Proved goals:' "$dir/wp.log"; then
        echo "$name: Frama-C did not complete, see $dir/wp.log" >&2
        status=1
        return
    fi
    failed=$(grep -E '^\[wp\] \[(Failed|Valid)\] Smoke-test' "$dir/wp.log" | sed 's/^\[wp\] //' | sort -u | head -3 | tr '\n' ' ')
    if [ -n "$failed" ]; then
        caught=$((caught + 1))
        echo "$name: caught ($failed)"
        if [ "$expect" != caught ]; then
            echo "$name: caught, but listed as an expected miss: update this script and proofs/ASSUMPTIONS.md" >&2
            status=1
        fi
    else
        missed=$((missed + 1))
        if [ "$expect" = caught ]; then
            echo "$name: MISSED: no smoke test failed (see $dir/wp.log)"
            status=1
        else
            echo "$name: missed, as expected (a known limit of the smoke tests)"
        fi
    fi
}

mutant requires timer_arm_rto caught \
    's/(requires valid_conn\(c\);\n    )(assigns c->timer, c->deadline;\n    ensures valid_conn\(c\) && c->timer == TCPFSM_TIMER_RTO;)/$1requires c->backoff > 40;\n    $2/'
mutant dead_code current_rto caught \
    's/if \(var4 < 1u\)/if (var4 > 0xFFFFFFFFFFull)/'
mutant dead_loop flush caught \
    's/loop invariant valid_conn\(c\) && valid_output\(out\);/loop invariant valid_conn(c) && valid_output(out) && c->backoff > 40;/'
mutant dead_call actions_open missed \
    's/ensures valid_conn\(c\) && c->timer == TCPFSM_TIMER_NONE;/ensures valid_conn(c) && c->timer == TCPFSM_TIMER_NONE && c->backoff > 40;/'

echo "smoke-mutants: $caught caught, $missed missed ($expected_misses expected)"
exit $status
