#!/bin/sh
# Regenerates the golden outputs of the generator tests (tests/gen/golden/) from
# tests/gen/cases/mini.fsm. Run it by hand, from anywhere, after an intended change of the
# generated formats, then review `git diff tests/gen/golden`. The tests never run it.
# PATH is emptied for the generator so that it finds no `dot`: the SVG depends on the Graphviz
# version and is not a golden file.
set -eu
cd "$(dirname "$0")/../.."
test -x build/tcpfsm-gen || { echo "regen-golden: build build/tcpfsm-gen first" >&2; exit 1; }
rm -f tests/gen/golden/src/tcpfsm_table.h tests/gen/golden/src/tcpfsm_table.c \
      tests/gen/golden/src/tcpfsm_relation.h tests/gen/golden/model/tcpfsm_fsm.pml \
      tests/gen/golden/docs/tcpfsm.dot tests/gen/golden/docs/transitions.md
PATH= build/tcpfsm-gen tests/gen/cases/mini.fsm tests/gen/golden 2>/dev/null
test ! -e tests/gen/golden/docs/tcpfsm.svg
echo "regen-golden: tests/gen/golden/ regenerated from tests/gen/cases/mini.fsm"
