#!/bin/sh
# proofs/cache-check.sh - `make proof-cache-check`: the proof cache of `make proofs` never turns a
# failed goal or a failed smoke test into a pass (proofs/ASSUMPTIONS.md, section 7).
#
# In a copy of the tree (build/proof-cache-check/tree: src/ copied, the rest linked; the checkout
# is not touched), proofs/run.sh runs with the cache on (PROOF_CACHE=on, its own record directory),
# on two functions only (PROOF_PASSES=runtime PROOF_ONLY=guard_holds,timer_arm_rto), with
# src/tcpfsm.c edited between runs as a user would:
#   original  every goal proved; the second run proves nothing and shows the recorded results;
#   flip      guard_holds evaluates the rfc1337 guard inverted (`!= 0u` made `== 0u`): its ensures
#             must fail, twice;
#   original  again: shown from the record, nothing re-proved;
#   false     timer_arm_rto's ensures says c->timer == TCPFSM_TIMER_TIME_WAIT: must fail, twice,
#             while guard_holds (unchanged) has its goals from WP's prover cache (only what changed
#             is proved again);
#   smoke     timer_arm_rto gains `requires c->backoff > 40` (valid_conn says backoff <= 32): a
#             smoke test must fail, twice.
# Exit status 0 when every expectation holds, 1 otherwise (each failure is printed).
set -u
cd "$(dirname "$0")/.." || exit 2
ROOT=$PWD
OUT=build/proof-cache-check
T=$OUT/tree
rm -rf "$OUT" && mkdir -p "$T" || exit 2
cp -r src "$T/" && for d in proofs model gen tests tools; do ln -s "$ROOT/$d" "$T/$d"; done || exit 2
status=0 n=0

# edit NAME PERL-SUBSTITUTION: src/tcpfsm.c of the tree := the checkout's, substituted.
edit() {
    cp src/tcpfsm.c "$T/src/tcpfsm.c" || exit 2
    [ -z "$2" ] && return 0
    perl -0pi -e "$2" "$T/src/tcpfsm.c"
    if cmp -s src/tcpfsm.c "$T/src/tcpfsm.c"; then
        echo "proof-cache-check: $1: the substitution no longer applies to src/tcpfsm.c (update $0)" >&2
        exit 1
    fi
}

# run NAME EXPECT: proofs/run.sh in the tree; EXPECT is proved, replayed, goal-fails, smoke-fails.
run() {
    n=$((n + 1)); log=$OUT/run$n-$1.log
    (cd "$T" && PROOF_CACHE=on CI= PROOF_CACHE_ROOT="$ROOT/$OUT/records" PROOF_PASSES=runtime \
        PROOF_ONLY=guard_holds,timer_arm_rto proofs/run.sh > "$ROOT/$log" 2>&1)
    rc=$?
    replayed=$(grep -c '^proofs: nothing re-proved' "$log")
    goal=$(grep -hE '^\[wp\] \[(Failed|Unknown|Timeout)\] Goal' "$T"/build/proofs/runtime1.log | head -1)
    smoke=$(grep -hE '^\[wp\] \[(Failed|Valid)\] Smoke-test' "$T"/build/proofs/runtime1.log | head -1)
    total=$(grep '^total:' "$log")
    cached=$(grep -hE '\(cached\)$' "$T"/build/proofs/runtime1.log | grep -c 'Goal typed_guard_holds_')
    case $2 in
        proved) ok=$([ $rc -eq 0 ] && [ "$replayed" -eq 0 ] && echo y) ;;
        replayed) ok=$([ $rc -eq 0 ] && [ "$replayed" -eq 1 ] && echo y) ;;
        goal-fails) ok=$([ $rc -ne 0 ] && [ "$replayed" -eq 0 ] && [ -n "$goal" ] && echo y) ;;
        goal-fails-cached) ok=$([ $rc -ne 0 ] && [ "$replayed" -eq 0 ] && [ -n "$goal" ] &&
                                [ "$cached" -gt 0 ] && echo y) ;;
        smoke-fails) ok=$([ $rc -ne 0 ] && [ "$replayed" -eq 0 ] && [ -n "$smoke" ] && echo y) ;;
    esac
    if [ "$ok" = y ]; then
        echo "proof-cache-check: run $n ($1): $2 as expected (exit $rc; $total; $cached goals of guard_holds from WP's cache)"
    else
        echo "proof-cache-check: run $n ($1): expected $2, got exit $rc, replayed=$replayed $goal$smoke; see $log" >&2
        status=1
    fi
}

edit original ''
run original proved
run original replayed
edit flip 's/return c->cfg->rfc1337 != 0u \? 1u : 0u;/return c->cfg->rfc1337 == 0u ? 1u : 0u;/'
run flip goal-fails
run flip goal-fails
edit original ''
run original replayed
edit false 's/ensures valid_conn\(c\) && c->timer == TCPFSM_TIMER_RTO;\n(    ensures deadline: [^\n]*\n\*\/\nstatic void timer_arm_rto)/ensures valid_conn(c) && c->timer == TCPFSM_TIMER_TIME_WAIT;\n$1/'
run false goal-fails-cached
run false goal-fails-cached
edit smoke 's/(requires valid_conn\(c\) && rto_state\(c->state\);\n    )(assigns c->timer, c->deadline;\n    ensures valid_conn\(c\) && c->timer == TCPFSM_TIMER_RTO;)/$1requires c->backoff > 40;\n    $2/'
run smoke smoke-fails
run smoke smoke-fails
[ $status -eq 0 ] && echo "proof-cache-check: no failure was replayed as a pass; unchanged sources were replayed ($n runs)"
exit $status
