# SPDX-License-Identifier: MIT
# mk/bench.mk - `make bench`: the benchmark program in tests/bench/.
#
#   make bench            every figure, one `name: value` line each
#   make bench-c          the same; also writes build/bench/c.txt
#   make bench-callgrind  instructions per assessment (valgrind callgrind)
#   BENCH_ARGS='-n 200000'  more runners (100,000 by default)

BENCH_PROG := tests/bench/bench
BENCH_SRCS := tests/bench/bench.c tests/bench/handwritten.c
BENCH_ARGS ?=
CALLGRIND_RUNNERS ?= 2000

# The release library, as a user would link it.
$(BENCH_PROG): $(BENCH_SRCS) tests/bench/handwritten.h lib/libheavylegs.so \
    build/flags
	$(E) CCLD $@
	$(Q)$(CC) $(EX_CFLAGS) -Itests/bench $(CPPFLAGS) $(CFLAGS) -o $@ \
	    $(BENCH_SRCS) -Llib $(LDFLAGS) -lheavylegs -lm -pthread -Wl,-rpath,'$$ORIGIN/../../lib'

bench: bench-c

bench-c: $(BENCH_PROG)
	@mkdir -p build/bench
	@echo "# load average: $$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
	$(Q)$(BENCH_PROG) $(BENCH_ARGS) > build/bench/c.txt.tmp || { \
	    cat build/bench/c.txt.tmp; rm -f build/bench/c.txt.tmp; exit 1; }
	$(Q)mv -f build/bench/c.txt.tmp build/bench/c.txt && cat build/bench/c.txt

# Instructions inside hl_assess, divided by the assessments made.
bench-callgrind: $(BENCH_PROG)
	@$(call need,$(VALGRIND),valgrind)
	@mkdir -p build/bench
	$(Q)rm -f build/bench/callgrind.out
	$(Q)$(VALGRIND) --tool=callgrind --toggle-collect=hl_assess \
	    --callgrind-out-file=build/bench/callgrind.out \
	    $(BENCH_PROG) -c $(CALLGRIND_RUNNERS) > build/bench/callgrind.txt 2>/dev/null
	$(Q)n=$$(sed -n 's/^callgrind_assessments: //p' build/bench/callgrind.txt); \
	ir=$$(sed -n 's/^summary: //p' build/bench/callgrind.out); \
	echo "callgrind_instructions_per_assessment: $$((ir / n))"
	$(Q)$(VALGRIND) --tool=callgrind --toggle-collect=hl_report_json \
	    --callgrind-out-file=build/bench/callgrind-json.out \
	    $(BENCH_PROG) -j $(CALLGRIND_RUNNERS) > build/bench/callgrind.txt 2>/dev/null
	$(Q)n=$$(sed -n 's/^callgrind_assessments: //p' build/bench/callgrind.txt); \
	ir=$$(sed -n 's/^summary: //p' build/bench/callgrind-json.out); \
	echo "callgrind_instructions_per_json_report: $$((ir / (n - 1)))"

clean: clean-bench
clean-bench:
	rm -f $(BENCH_PROG)

.PHONY: bench bench-c bench-callgrind clean-bench
