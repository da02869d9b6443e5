# tcpfsm: one Makefile for everything.  `make help` lists the targets.
#
#   make verify   install what is missing, then check-gen + model + proofs + test, with a summary
#   make test     install what is missing, then every test (generator, unit, scenarios, replay, fuzz smoke)

SHELL       := /bin/bash
.SHELLFLAGS := -eo pipefail -c
.DEFAULT_GOAL := all

CC       ?= cc
CLANG    ?= clang-14
PREFIX   ?= /usr/local
DESTDIR  ?=
BUILD    := build
TABLE    := model/tcp.fsm
WARN     := -std=c99 -Wall -Wextra -Wpedantic -Werror
CFLAGS   ?= -O2 -g
ALL_CFLAGS := $(WARN) $(CFLAGS) -Isrc

# ------------------------------------------------------------------ sources
GEN_SRCS   := gen/tcpfsm_gen.c gen/main.c
LIB_SRCS   := $(sort $(wildcard src/*.c))
LIB_OBJS   := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(LIB_SRCS))
LIB        := $(BUILD)/libtcpfsm.a
DRILL_SRCS := $(sort $(wildcard tools/drill/*.c))
DRILL      := $(BUILD)/tcpfsm-drill
GENERATOR  := $(BUILD)/tcpfsm-gen
UNIT_SRCS  := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS  := $(patsubst tests/unit/%.c,$(BUILD)/tests/unit/%,$(UNIT_SRCS))
COV_OBJS   := $(patsubst src/%.c,$(BUILD)/cov/%.o,$(LIB_SRCS))

# Files the generator writes (relative to the repository root).  The SVG is compared only when
# graphviz is installed, since it is written only then.
GENERATED  := src/tcpfsm_table.h src/tcpfsm_table.c src/tcpfsm_relation.h \
              model/tcpfsm_fsm.pml docs/tcpfsm.dot docs/transitions.md
HAVE_DOT   := $(shell command -v dot >/dev/null 2>&1 && echo yes)
ifeq ($(HAVE_DOT),yes)
GENERATED  += docs/tcpfsm.svg
endif

DEBIAN_PACKAGES := make gcc clang-14 libclang-rt-14-dev libcmocka-dev spin frama-c-base why3 z3 cvc4 \
                   graphviz lcov gcovr valgrind iproute2 python3

.PHONY: all lib tools gen check-gen model proofs smoke-mutants test bench fuzz verify deps install \
        clean help test-gen test-unit test-scenarios test-replay test-fuzz-smoke coverage

all: lib tools

help:
	@echo "targets: all lib tools gen check-gen model proofs smoke-mutants test bench fuzz verify deps" \
	      "install clean"

# ------------------------------------------------------------------ library
lib: $(LIB)

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*.h) | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJS)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/obj $(BUILD)/tests/unit $(BUILD)/cov $(BUILD)/tests:
	mkdir -p $@

# ------------------------------------------------------------------ tools
tools: $(GENERATOR) $(DRILL)

$(GENERATOR): $(GEN_SRCS) gen/tcpfsm_gen.h
	@mkdir -p $(BUILD)
	$(CC) $(WARN) $(CFLAGS) -o $@ $(GEN_SRCS)

$(DRILL): $(DRILL_SRCS) $(wildcard tools/drill/*.h) $(LIB)
	@test -n "$(DRILL_SRCS)" || { echo "tcpfsm-drill: not implemented yet (tools/drill/ is empty)" >&2; exit 1; }
	$(CC) $(ALL_CFLAGS) -Itools/drill -o $@ $(DRILL_SRCS) $(LIB)

# ------------------------------------------------------------------ generation
gen: $(GENERATOR)
	$(GENERATOR) $(TABLE) .
	tools/splice-readme.sh README.md docs/transitions.md > $(BUILD)/README.md.tmp
	mv $(BUILD)/README.md.tmp README.md

check-gen: $(GENERATOR)
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(GENERATOR) $(TABLE) "$$tmp"; \
	stale=0; \
	for f in $(GENERATED); do \
	  if [ ! -f "$$tmp/$$f" ]; then echo "check-gen: $$f: the generator no longer writes it" >&2; stale=1; \
	  elif ! cmp -s "$$tmp/$$f" "$$f"; then echo "check-gen: $$f differs from what $(TABLE) generates (run make gen; never edit it by hand)" >&2; diff -u "$$f" "$$tmp/$$f" | head -20 >&2 || true; stale=1; fi; \
	done; \
	tools/splice-readme.sh README.md "$$tmp/docs/transitions.md" > "$$tmp/README.md"; \
	if ! cmp -s "$$tmp/README.md" README.md; then echo "check-gen: README.md: its transition table is stale (run make gen)" >&2; stale=1; fi; \
	if [ $$stale -ne 0 ]; then echo "check-gen: FAILED" >&2; exit 1; fi; \
	echo "check-gen: every generated file matches $(TABLE)"

# ------------------------------------------------------------------ model checking (SPIN)
model: $(GENERATOR) $(LIB)
	@test -x model/check.sh || { echo "make model: not implemented yet (model/check.sh missing)" >&2; exit 1; }
	model/check.sh

# ------------------------------------------------------------------ proofs (Frama-C WP)
proofs:
	@test -x proofs/run.sh || { echo "make proofs: not implemented yet (proofs/run.sh missing)" >&2; exit 1; }
	proofs/run.sh

# Planted inconsistencies that the smoke tests of `make proofs` must find (proofs/ASSUMPTIONS.md 5).
smoke-mutants:
	proofs/smoke-mutants.sh

# ------------------------------------------------------------------ tests
$(BUILD)/tests/test_gen: tests/gen/test_gen.c gen/tcpfsm_gen.c gen/tcpfsm_gen.h | $(BUILD)/tests
	$(CC) $(WARN) $(CFLAGS) -Igen -o $@ tests/gen/test_gen.c gen/tcpfsm_gen.c -lcmocka

# Unit tests link a copy of src/ built with coverage instrumentation. The objects are kept (not
# intermediate): a rebuilt object next to an old test binary would not match its .gcno stamps.
.SECONDARY: $(COV_OBJS)
$(BUILD)/cov/%.o: src/%.c $(wildcard src/*.h) | $(BUILD)/cov
	$(CC) $(WARN) -O0 -g --coverage -Isrc -c $< -o $@

$(BUILD)/tests/unit/%: tests/unit/%.c tests/unit/fixtures.c tests/unit/fixtures.h $(COV_OBJS) | $(BUILD)/tests/unit
	$(CC) $(WARN) -O0 -g --coverage -Isrc -Itests/unit -o $@ $< tests/unit/fixtures.c $(COV_OBJS) -lcmocka

$(BUILD)/tests/unit/check_rows: tests/unit/check_rows.c src/tcpfsm_table.c src/tcpfsm_table.h | $(BUILD)/tests/unit
	$(CC) $(ALL_CFLAGS) -o $@ tests/unit/check_rows.c src/tcpfsm_table.c

$(BUILD)/tests/test_drill_parse: tests/drill/test_drill_parse.c tools/drill/drill_parse.c $(wildcard tools/drill/*.h) | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -Itools/drill -o $@ tests/drill/test_drill_parse.c tools/drill/drill_parse.c -lcmocka

TEST_BINS := $(BUILD)/tests/test_gen $(UNIT_BINS) $(BUILD)/tests/unit/check_rows $(BUILD)/tests/test_drill_parse

test: deps
	@$(MAKE) --no-print-directory all $(TEST_BINS)
	@tools/run-tests.sh

bench: lib
	@test -f tests/bench/bench.c || { echo "make bench: not implemented yet (tests/bench/bench.c missing)" >&2; exit 1; }
	$(CC) $(ALL_CFLAGS) -O2 -o $(BUILD)/bench tests/bench/bench.c $(LIB)
	$(BUILD)/bench

FUZZ_SECONDS ?= 60
fuzz:
	@test -x tests/fuzz/run.sh || { echo "make fuzz: not implemented yet (tests/fuzz/run.sh missing)" >&2; exit 1; }
	tests/fuzz/run.sh $(FUZZ_SECONDS)

# ------------------------------------------------------------------ verify: everything, with a summary
verify: deps
	@tools/verify.sh

# ------------------------------------------------------------------ dependencies (Debian 12)
deps:
	@tools/deps.sh $(DEBIAN_PACKAGES)

# ------------------------------------------------------------------ install
install: $(LIB)
	install -d $(DESTDIR)$(PREFIX)/include/tcpfsm $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 644 src/tcpfsm.h src/tcpfsm_table.h $(DESTDIR)$(PREFIX)/include/tcpfsm/
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib/
	sed -e 's|@PREFIX@|$(PREFIX)|g' tools/tcpfsm.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/tcpfsm.pc

clean:
	rm -rf $(BUILD)
