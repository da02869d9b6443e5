# proofs/wp-options.sh - the Frama-C WP settings of `make proofs`, sourced (not run) by
# proofs/run.sh and proofs/smoke-mutants.sh, so that the smoke mutants are judged under exactly
# the settings of the proof run. The environment variables are documented in proofs/run.sh.
# WP_TIMEOUT is a safety net, not what ends a proof attempt: z3-saturate and cvc4-bounded have step
# budgets (proofs/why3-provers.conf) and give up when they spend them, whatever the machine's speed.
# The wall-clock limit is set far above the time those budgets take on an idle machine (about 3 s
# for the longest goal), so that a loaded machine does not turn a proof into a timeout.
TIMEOUT=${WP_TIMEOUT:-120}
SMOKE_TIMEOUT=${WP_SMOKE_TIMEOUT:-1}
CORES=$(nproc 2>/dev/null || echo 2)
PAR=${WP_PAR:-$((2 * CORES))}
PROVERS=${WP_PROVERS:-z3-saturate,cvc4-bounded}

# The provers' Why3 configuration: what `why3 config detect` finds on this machine, plus the
# prover configurations of proofs/why3-provers.conf (z3-saturate, cvc4-bounded) with the installed
# versions. WP reads it from WHY3CONFIG; the user's ~/.why3.conf is not read or changed.
why3_config() {
    conf=build/proofs/why3.conf
    mkdir -p build/proofs || return 1
    rm -f "$conf.tmp"
    why3 config detect -C "$conf.tmp" > "$conf.log" 2>&1 || { cat "$conf.log" >&2; return 1; }
    z3_version=$(z3 -version | sed -n 's/^Z3 version \([^ ]*\).*/\1/p')
    cvc4_version=$(cvc4 --version | sed -n 's/^This is CVC4 version \([^ ]*\).*/\1/p')
    [ -n "$z3_version" ] && [ -n "$cvc4_version" ] ||
        { echo "proofs: cannot read the versions of z3 and cvc4" >&2; return 1; }
    sed -e "s/@Z3_VERSION@/$z3_version/" -e "s/@CVC4_VERSION@/$cvc4_version/" \
        proofs/why3-provers.conf >> "$conf.tmp" && mv "$conf.tmp" "$conf" || return 1
    WHY3CONFIG=$PWD/$conf
    export WHY3CONFIG
}
why3_config || exit 2

WP="-wp -wp-rte -wp-smoke-tests -wp-smoke-timeout $SMOKE_TIMEOUT -wp-par $PAR -wp-prover $PROVERS -wp-timeout $TIMEOUT"

# The two passes of proofs/run.sh (proofs/ASSUMPTIONS.md, section 1): the files and options of
# each, before `-wp-fct` / `-wp-skip-fct`. make mutants proves a mutated function the same way.
TABLE_FUNC=tcpfsm_table_lookup                # the one function whose proof needs the table
TABLE_PASS="src/tcpfsm_step.c src/tcpfsm_table.c -wp-no-let"
RUNTIME_PASS="src/*.c -wp-no-init-const"

# The proof cache (proofs/run.sh, proofs/ASSUMPTIONS.md section 7). PROOF_CACHE=on|off; CI=true
# means off. proof_cache_setup sets CACHE_OPTS, PROOF_CACHE_DIR and PROOF_CACHE_STATE.
#
# Two levels, both under build/proof-cache/KEY (KEY: a digest of the tools and the prover
# configurations): runs/ records whole runs that proved every goal (proofs/run.sh replays one whose
# inputs are byte for byte the same), and wp/ is WP's own prover cache (-wp-cache update): each
# prover result is keyed by a digest of the goal's Why3 task and the prover settings, so after an
# edit only the goals whose task changed go to a prover. A changed goal has a new task and is
# proved again; a result is reused only for an identical task, so a cache cannot turn a failing
# goal into a pass (checked by `make proof-cache-check`).
proof_cache_setup() {
    PROOF_CACHE=${PROOF_CACHE:-on}
    [ "${CI:-}" = true ] && PROOF_CACHE=off
    PROOF_CACHE_DIR=
    CACHE_OPTS="-wp-cache none"
    case $PROOF_CACHE in
        off) PROOF_CACHE_STATE=off; return 0 ;;
        on) ;;
        *) echo "proofs: PROOF_CACHE=$PROOF_CACHE: expected on or off" >&2; return 1 ;;
    esac
    key=$( { frama-c -version; why3 --version; z3 -version; cvc4 --version | head -1
             cat proofs/why3-provers.conf; } 2>&1 | sha256sum | cut -c1-16)
    PROOF_CACHE_DIR=${PROOF_CACHE_ROOT:-$PWD/build/proof-cache}/$key
    mkdir -p "$PROOF_CACHE_DIR/runs" "$PROOF_CACHE_DIR/wp" || return 1
    CACHE_OPTS="-wp-cache update -wp-cache-dir $PROOF_CACHE_DIR/wp"
    PROOF_CACHE_STATE="on ($(ls "$PROOF_CACHE_DIR/runs" | wc -l) recorded runs, $(ls "$PROOF_CACHE_DIR/wp" | wc -l) prover results, build/proof-cache/$key)"
}

# Nothing to prune: the cache grows with the goals proved (delete build/proof-cache to reset it).
proof_cache_prune() { return 0; }
