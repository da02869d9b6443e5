#!/usr/bin/env bash
# tools/coverage.sh: line and branch coverage of src/ by the unit tests (gcovr), checked against the
# targets of the runtime issue: 100% of lines, at least 95% of branches.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
LINE_MIN=${LINE_MIN:-100}
BRANCH_MIN=${BRANCH_MIN:-95}
gcovr --root . --filter 'src/' --object-directory "$BUILD/cov" --exclude 'src/tcpfsm_table.c' \
      --print-summary --txt "$BUILD/coverage.txt" | tail -n 3
gcovr --root . --filter 'src/' --object-directory "$BUILD/cov" --exclude 'src/tcpfsm_table.c' \
      --fail-under-line "$LINE_MIN" --fail-under-branch "$BRANCH_MIN" >/dev/null || {
    echo "coverage: below the target (lines >= $LINE_MIN%, branches >= $BRANCH_MIN%); see $BUILD/coverage.txt" >&2
    exit 1
}
echo "coverage: lines >= $LINE_MIN%, branches >= $BRANCH_MIN%"
