# proofs/wp-options.sh - the Frama-C WP settings of `make proofs`, sourced (not run) by
# proofs/run.sh and proofs/smoke-mutants.sh, so that the smoke mutants are judged under exactly
# the settings of the proof run. The environment variables are documented in proofs/run.sh.
TIMEOUT=${WP_TIMEOUT:-15}
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
