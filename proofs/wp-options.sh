# proofs/wp-options.sh - the Frama-C WP settings of `make proofs`, sourced (not run) by
# proofs/run.sh and proofs/smoke-mutants.sh, so that the smoke mutants are judged under exactly
# the settings of the proof run. The environment variables are documented in proofs/run.sh.
TIMEOUT=${WP_TIMEOUT:-15}
SMOKE_TIMEOUT=${WP_SMOKE_TIMEOUT:-1}
CORES=$(nproc 2>/dev/null || echo 2)
PAR=${WP_PAR:-$((2 * CORES))}
WP="-wp -wp-rte -wp-smoke-tests -wp-smoke-timeout $SMOKE_TIMEOUT -wp-par $PAR -wp-prover cvc4,z3 -wp-timeout $TIMEOUT"
