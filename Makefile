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
HOST_SRCS  := $(sort $(wildcard tools/host/*.c))
HOST       := $(BUILD)/tcpfsm-tun

# Files the generator writes (relative to the repository root).  The SVG is compared only when
# graphviz is installed, since it is written only then.
GENERATED  := src/tcpfsm_table.h src/tcpfsm_table.c src/tcpfsm_relation.h \
              model/tcpfsm_fsm.pml docs/tcpfsm.dot docs/transitions.md
HAVE_DOT   := $(shell command -v dot >/dev/null 2>&1 && echo yes)
ifeq ($(HAVE_DOT),yes)
GENERATED  += docs/tcpfsm.svg
endif

DEBIAN_PACKAGES := make gcc clang-14 libclang-rt-14-dev libcmocka-dev spin frama-c-base why3 z3 cvc4 \
                   graphviz lcov gcovr valgrind iproute2 python3 chromium tcpdump pkg-config \
                   liblwip-dev gnuplot-nox dpkg-dev xz-utils

.PHONY: all lib tools gen check-gen model model-deep model-msl2 proofs smoke-mutants proof-cache-check mutants test bench fuzz conformance \
        verify deps install clean help report test-gen test-unit test-scenarios test-replay test-fuzz-smoke coverage

all: lib tools

help:
	@echo "targets: all lib tools gen check-gen model model-deep model-msl2 proofs smoke-mutants proof-cache-check mutants" \
	      "test bench fuzz conformance verify deps report install clean"

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
tools: $(GENERATOR) $(DRILL) $(HOST)

# The host stack on a TUN device (tools/host/): only the public API (tcpfsm.h) and libc.
$(HOST): $(HOST_SRCS) $(wildcard tools/host/*.h) $(LIB)
	$(CC) $(ALL_CFLAGS) -Itools/host -o $@ $(HOST_SRCS) $(LIB)

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

# larger bounds, safety checks only (model/check.sh, MODEL_BOUNDS): model-msl2 (MSL 2 ticks, 2
# incarnations on each side) and model-deep (MSL 3 ticks, 3 incarnations on each side); both are
# far beyond make model's 5-minute budget today (README, state-space table). PAN_MEMLIM_MB caps
# each run's memory (a run that reaches it is reported incomplete, never as holding).
model-deep: $(GENERATOR) $(LIB)
	MODEL_BOUNDS=deep PAN_MEMLIM_MB=$${PAN_MEMLIM_MB:-7000} JOBS=$${JOBS:-1} model/check.sh

model-msl2: $(GENERATOR) $(LIB)
	MODEL_BOUNDS=msl2 PAN_MEMLIM_MB=$${PAN_MEMLIM_MB:-7000} JOBS=$${JOBS:-1} model/check.sh

# ------------------------------------------------------------------ proofs (Frama-C WP)
# PROOF_CACHE=on (default) or off: WP's prover cache under build/proof-cache (CI=true: off).
PROOF_CACHE ?= on
export PROOF_CACHE
proofs:
	@test -x proofs/run.sh || { echo "make proofs: not implemented yet (proofs/run.sh missing)" >&2; exit 1; }
	proofs/run.sh

# The proof cache never turns a failed goal or smoke test into a pass (proofs/cache-check.sh).
proof-cache-check:
	proofs/cache-check.sh

# The mutation suite (proofs/mutants/run.py): MUTANTS=a,b LAYERS=wp,unit MUTANT_JOBS=N.
MUTANTS ?=
LAYERS ?=
MUTANT_JOBS ?= 1
mutants:
	proofs/mutants/run.py --mutants "$(MUTANTS)" --layers "$(LAYERS)" --jobs "$(MUTANT_JOBS)"

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

$(BUILD)/tests/test_drill_parse: tests/drill/test_drill_parse.c tools/drill/drill_parse.c tools/drill/drill_cpp.c $(wildcard tools/drill/*.h) | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -Itools/drill -o $@ tests/drill/test_drill_parse.c tools/drill/drill_parse.c tools/drill/drill_cpp.c -lcmocka

# The host's parser, ISS, timers, drop rules, held ranges and ring, with ASan and UBSan (an out-of-bounds read fails).
HOST_UNIT_SRCS := tools/host/pkt_parse.c tools/host/pkt_build.c tools/host/iss.c tools/host/timers.c tools/host/drop.c \
                  tools/host/reasm.c tools/host/buf.c
$(BUILD)/tests/test_host_pkt: tests/host/test_host_pkt.c $(HOST_UNIT_SRCS) $(wildcard tools/host/*.h) | $(BUILD)/tests
	$(CC) $(WARN) -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -Isrc -Itools/host -o $@ \
	    tests/host/test_host_pkt.c $(HOST_UNIT_SRCS) -lcmocka

# The whole host (no TUN: packets to /dev/null) on random segments, with the core, ASan and UBSan.
$(BUILD)/tests/test_host_input: tests/host/test_host_input.c $(HOST_SRCS) $(LIB_SRCS) $(wildcard tools/host/*.h src/*.h) | $(BUILD)/tests
	$(CC) $(WARN) -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -Isrc -Itools/host -o $@ \
	    tests/host/test_host_input.c $(filter-out tools/host/main.c,$(HOST_SRCS)) $(LIB_SRCS) -lcmocka

TEST_BINS := $(BUILD)/tests/test_gen $(UNIT_BINS) $(BUILD)/tests/unit/check_rows $(BUILD)/tests/test_drill_parse \
             $(BUILD)/tests/test_host_pkt $(BUILD)/tests/test_host_input

test: deps
	@$(MAKE) --no-print-directory all $(TEST_BINS)
	@tools/run-tests.sh

# The figures of issue 15 (tests/bench/run.sh): callgrind instruction counts per workload for
# tcpfsm, tcpfsm + the host's header code, and lwIP built from Debian's source with checksums off
# and on; sizeof; BENCH_SCALE concurrent connections through TIME-WAIT expiry. Figures, never a
# pass/fail on speed. BENCH_SCALE="10000 100000" skips the 10^6 run on a loaded machine.
BENCH_CC    ?= gcc
BENCH_FLAGS := -std=c99 -O2 -g
BENCH_DIR   := $(BUILD)/bench
BENCH_SCALE ?= 10000 100000 1000000
LWIP_SRC_FILES := core/init.c core/def.c core/mem.c core/memp.c core/netif.c core/pbuf.c core/tcp.c \
                  core/tcp_in.c core/tcp_out.c core/ip.c core/inet_chksum.c core/stats.c core/sys.c \
                  core/timeouts.c core/ipv4/ip4.c core/ipv4/ip4_addr.c core/ipv4/icmp.c
LWIP_STAMP  := $(BUILD)/lwip-src/.unpacked
BENCH_BINS  := $(BENCH_DIR)/bench-tcpfsm $(BENCH_DIR)/bench-tcpfsm-headers $(BENCH_DIR)/bench-lwip-csum0 \
               $(BENCH_DIR)/bench-lwip-csum1 $(BENCH_DIR)/bench-scale

$(BENCH_DIR):
	mkdir -p $@

$(LWIP_STAMP): tests/bench/fetch-lwip.sh
	tests/bench/fetch-lwip.sh $(BUILD)
	touch $@

$(BENCH_DIR)/bench-tcpfsm: tests/bench/bench_tcpfsm.c tests/bench/harness.h $(LIB_SRCS) $(wildcard src/*.h) | $(BENCH_DIR)
	$(BENCH_CC) $(WARN) $(BENCH_FLAGS) -DBENCH_HEADERS=0 -Isrc -Itests/bench -o $@ $< $(LIB_SRCS)

$(BENCH_DIR)/bench-tcpfsm-headers: tests/bench/bench_tcpfsm.c tests/bench/harness.h $(LIB_SRCS) $(wildcard src/*.h) \
                                   tools/host/pkt_parse.c tools/host/pkt_build.c tools/host/pkt.h | $(BENCH_DIR)
	$(BENCH_CC) $(WARN) $(BENCH_FLAGS) -DBENCH_HEADERS=1 -Isrc -Itools/host -Itests/bench -o $@ $< \
	    tools/host/pkt_parse.c tools/host/pkt_build.c $(LIB_SRCS)

$(BENCH_DIR)/bench-lwip-csum%: tests/bench/bench_lwip.c tests/bench/harness.h tests/bench/lwip/lwipopts.h \
                               tests/bench/lwip/arch/cc.h $(LWIP_STAMP) | $(BENCH_DIR)
	d=$$(ls -d $(BUILD)/lwip-src/lwip-*/src | head -1); \
	$(BENCH_CC) $(BENCH_FLAGS) -DBENCH_CSUM=$* -Itests/bench -Itests/bench/lwip -I$$d/include -o $@ $< \
	    $(addprefix $$d/,$(LWIP_SRC_FILES))

$(BENCH_DIR)/bench-scale: tests/bench/bench_scale.c $(LIB_SRCS) $(wildcard src/*.h) | $(BENCH_DIR)
	$(BENCH_CC) $(WARN) $(BENCH_FLAGS) -Isrc -o $@ $< $(LIB_SRCS)

bench: $(BENCH_BINS)
	tests/bench/run.sh $(BENCH_DIR) $(BENCH_SCALE)

FUZZ_SECONDS ?= 60
fuzz:
	@test -x tests/fuzz/run.sh || { echo "make fuzz: not implemented yet (tests/fuzz/run.sh missing)" >&2; exit 1; }
	tests/fuzz/run.sh $(FUZZ_SECONDS)

# The FreeBSD tcp-testsuite as a conformance target (README: Conformance). SUITE=DIR for another copy.
SUITE ?= ../shared/freebsd-tcp-testsuite/state-event-engine
conformance: tools
	SUITE="$(SUITE)" tests/conformance/run.sh

# ------------------------------------------------------------------ verify: everything, with a summary
verify: deps
	@tools/verify.sh

# ------------------------------------------------------------------ the audit report (issue 16)
# build/report/index.html (+ report.md, msc/*.svg) from the build's outputs. The unit tests' row
# checks and the scenarios' rows are collected here (build/report-data/); the model, proofs,
# mutants, conformance and interop results are read from build/ when present, and shown as
# "not run: run make X" otherwise (the command lists them on stderr).
report: all $(UNIT_BINS)
	tools/report/collect.sh $(BUILD) $(BUILD)/report-data
	python3 tools/report/report.py --root . --build $(BUILD) --data $(BUILD)/report-data --out $(BUILD)/report

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
