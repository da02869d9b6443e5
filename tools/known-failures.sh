# tools/known-failures.sh: sourced by tools/run-tests.sh and tools/verify.sh.
# known NAME: prints the issue and reason of NAME's line in KNOWN_FAILURES, nothing if unlisted.
known() { awk -v n="$1" '$1 == n { $1 = ""; sub(/^ +/, ""); print; exit }' KNOWN_FAILURES 2>/dev/null; }
