# SPDX-License-Identifier: MIT
# mk/reliability.mk - fuzz seeds, ThreadSanitizer, allocation failures in
# libyaml, the ABI-break test, coverage.

# Every allocation of loading the default rulebase failed in turn (check
# runs the first 32 and then every 257th: see tests/check_alloc.c), built
# with ASan, whose leak check at exit fails the run on any leak (valgrind
# would take hours over the 4,600 loads).
check-alloc-full: build/asan/tests/check_alloc
	HL_ALLOC_FULL=1 CK_FORK=no ./build/asan/tests/check_alloc

.PHONY: check-alloc-full

# ---- ThreadSanitizer ---------------------------------------------------------
#
# tests/check_threads built with -fsanitize=thread (gcc, as SAN_CC) against
# the library as released (no HL_TESTING: its allocation-failure hook is
# process-wide test state): 8 threads on one rulebase, HL_THREADS_N
# assessments each; any report fails.
TSAN_CC ?= $(SAN_CC)
TSAN_FLAGS := -g -O1 -fno-omit-frame-pointer -fsanitize=thread
TSAN_LIB_OBJS := $(LIB_SRCS:lib/%.c=build/tsan/lib/%.o)
TSAN_RUN := CK_FORK=no TSAN_OPTIONS='halt_on_error=1 exitcode=66 second_deadlock_stack=1'
THREADS_N ?= 500

build/tsan/flags: FORCE
	@mkdir -p $(@D)
	@echo '$(TSAN_CC)|$(TSAN_FLAGS)' | cmp -s - $@ || echo '$(TSAN_CC)|$(TSAN_FLAGS)' > $@

build/tsan/lib/%.o: lib/%.c build/flags build/tsan/flags | need-yaml
	@mkdir -p $(@D)
	$(E) TSAN-CC $@
	$(Q)$(TSAN_CC) $(LIB_CFLAGS) -DHL_BUILDING_LIBRARY $(CPPFLAGS) \
	    $(TSAN_FLAGS) $(DEPFLAGS) -c -o $@ $<

build/tsan/tests/%.o: tests/%.c build/flags build/tsan/flags | need-check need-yaml
	@mkdir -p $(@D)
	$(E) TSAN-CC $@
	$(Q)$(TSAN_CC) $(LIB_CFLAGS) $(CHECK_CFLAGS) $(CPPFLAGS) \
	    $(TSAN_FLAGS) $(DEPFLAGS) -c -o $@ $<

build/tsan/tests/check_threads: build/tsan/tests/check_threads.o $(TSAN_LIB_OBJS)
	$(E) TSAN-LD $@
	$(Q)$(TSAN_CC) $(TSAN_FLAGS) $(CHECK_CFLAGS) $(LDFLAGS) -o $@ $^ \
	    $(CHECK_LIBS) $(YAML_LIBS) -lm -pthread

build/log/tsan/check_threads.log: build/tsan/tests/check_threads FORCE
	@$(call run_log,$(TSAN_RUN) HL_THREADS_N=$(THREADS_N) ./$<)

check: check-threads
ifneq ($(filter check,$(MAKECMDGOALS)),)
demo: | check-threads
endif
check-threads: build/log/tsan/check_threads.log
	@echo "check-threads: 8 threads x $(THREADS_N) assessments, no ThreadSanitizer report"

# The full count: 8 threads x 100,000 assessments (several minutes).
check-threads-full: build/tsan/tests/check_threads
	$(TSAN_RUN) HL_THREADS_N=100000 ./build/tsan/tests/check_threads

-include $(TSAN_LIB_OBJS:.o=.d) build/tsan/tests/check_threads.d

.PHONY: check-threads check-threads-full

# ---- the ABI promise, broken on purpose ----------------------------------------

check: check-abi-break
ifneq ($(filter check,$(MAKECMDGOALS)),)
demo: | check-abi-break
endif
check-abi-break: build/log/abi-break.log
	@echo "check-abi-break: every breaking change caught, the append accepted"

build/log/abi-break.log: tests/abi/break.sh tests/abi/pins.c \
    tests/abi/suppressions.abignore $(ABI_BASELINE) FORCE | need-yaml
	@$(call need,abidiff,abigail-tools)
	@$(call run_log,CC='$(CC)' YAML_LIBS='$(YAML_LIBS)' sh tests/abi/break.sh)

.PHONY: check-abi-break

# ---- coverage (not part of check) ----------------------------------------------
#
# Every tests/check_* built against a copy of the library compiled with
# --coverage in build/cov/, run once, then line and branch coverage of
# lib/ per file (gcovr).
COV_FLAGS := -O0 -g --coverage -fprofile-update=atomic
COV_LIB_OBJS := $(LIB_SRCS:lib/%.c=build/cov/lib/%.o)
COV_CHECK_PROGS := $(CHECK_PROGS:tests/%=build/cov/tests/%)

build/cov/lib/%.o: lib/%.c build/flags | need-yaml
	@mkdir -p $(@D)
	$(E) COV-CC $@
	$(Q)$(CC) $(LIB_CFLAGS) -DHL_TESTING $(CPPFLAGS) $(COV_FLAGS) \
	    $(DEPFLAGS) -c -o $@ $<

build/cov/tests/%.o: tests/%.c build/flags | need-check need-yaml
	@mkdir -p $(@D)
	$(E) COV-CC $@
	$(Q)$(CC) $(LIB_CFLAGS) -DHL_TESTING $(CHECK_CFLAGS) $(CPPFLAGS) \
	    $(COV_FLAGS) $(DEPFLAGS) -c -o $@ $<

$(COV_CHECK_PROGS): build/cov/tests/%: build/cov/tests/%.o $(COV_LIB_OBJS)
	$(E) COV-LD $@
	$(Q)$(CC) $(COV_FLAGS) $(CHECK_CFLAGS) $(LDFLAGS) -o $@ $^ \
	    $(CHECK_LIBS) $(YAML_LIBS) -lm -pthread

coverage: $(COV_CHECK_PROGS)
	@$(call need,gcovr,gcovr)
	$(Q)find build/cov -name '*.gcda' -delete
	$(Q)set -e; for t in $(COV_CHECK_PROGS); do \
	    echo "== $$t"; CK_FORK=no ./$$t > build/cov/$$(basename $$t).log 2>&1 || { \
	    cat build/cov/$$(basename $$t).log; exit 1; }; done
	$(Q)gcovr -r . --object-directory build/cov -f 'lib/' \
	    -e 'lib/default_rules.c' --txt build/cov/lines.txt
	$(Q)gcovr -r . --object-directory build/cov -f 'lib/' \
	    -e 'lib/default_rules.c' --branches --txt build/cov/branches.txt
	@echo "---- lines"; cat build/cov/lines.txt
	@echo "---- branches"; cat build/cov/branches.txt

-include $(COV_LIB_OBJS:.o=.d) $(COV_CHECK_PROGS:=.d)

.PHONY: coverage

# ---- libyaml's allocations failed too -------------------------------------------
#
# tests/wrap/yaml_alloc links libyaml statically with malloc, realloc and
# calloc wrapped, and fails each call of a load and a lint in turn, under
# valgrind.
YAML_STATIC ?= $(firstword $(wildcard /usr/lib/$(shell $(CC) -print-multiarch 2>/dev/null)/libyaml.a /usr/lib/libyaml.a /usr/local/lib/libyaml.a))
WRAP_LDFLAGS := -Wl,--wrap=malloc,--wrap=realloc,--wrap=calloc

build/wrap/yaml_alloc: tests/wrap/yaml_alloc.c $(TEST_LIB_OBJS) | need-yaml
	@test -n '$(YAML_STATIC)' || { echo "libyaml.a was not found:" \
	    "install the Debian package libyaml-dev." >&2; exit 1; }
	@mkdir -p $(@D)
	$(E) CCLD $@
	$(Q)$(CC) $(BASE_CFLAGS) -Iinclude $(CFLAGS) $(TEST_DEBUG) $(WRAP_LDFLAGS) \
	    -o $@ $< $(TEST_LIB_OBJS) $(YAML_STATIC) -lm

build/log/wrap/yaml_alloc.log: build/wrap/yaml_alloc tests/rulebases/good/minimal.yaml FORCE | need-valgrind
	@$(call run_log,$(VG_RUN) ./$< tests/rulebases/good/minimal.yaml)

check: check-yaml-alloc
ifneq ($(filter check,$(MAKECMDGOALS)),)
demo: | check-yaml-alloc
endif
check-yaml-alloc: build/log/wrap/yaml_alloc.log
	@echo "check-yaml-alloc: every allocation of load and lint failed in turn, libyaml's too"

.PHONY: check-yaml-alloc

# ---- hl-assess's readers as fuzz targets ------------------------------------------
#
# fuzz_runner and fuzz_batchread call the runner-file parsers and batch
# readers of examples/cli/ (runner.c, vocab.c), fuzz_lint hl-assess's reading
# of conditions (rules.c): those targets link, on
# top of the library, the same modules compiled with the target's
# sanitizers (ASan+UBSan for the replay, libFuzzer for build/fuzz/).
FUZZ_CLI_NAMES := runner batchread lint
FUZZ_CLI_SRCS := examples/cli/runner.c examples/cli/vocab.c examples/cli/rules.c
SAN_CLI_OBJS := $(FUZZ_CLI_SRCS:examples/cli/%.c=build/asan/cli/%.o)
FUZZ_CLI_OBJS := $(FUZZ_CLI_SRCS:examples/cli/%.c=build/fuzz/cli/%.o)

build/asan/cli/%.o: examples/cli/%.c build/flags | need-yaml
	@mkdir -p $(@D)
	$(E) SAN-CC $@
	$(Q)$(SAN_CC) $(CLI_CFLAGS) $(CPPFLAGS) $(SAN_FLAGS) $(DEPFLAGS) \
	    -c -o $@ $<

build/fuzz/cli/%.o: examples/cli/%.c build/flags | need-yaml need-fuzz
	@mkdir -p $(@D)
	$(E) FUZZ-CC $@
	$(Q)$(FUZZ_CC) $(CLI_CFLAGS) $(CPPFLAGS) $(FUZZ_FLAGS) \
	    -fsanitize=fuzzer-no-link,address,undefined $(DEPFLAGS) -c -o $@ $<

$(FUZZ_CLI_NAMES:%=build/asan/fuzz/replay_%): $(SAN_CLI_OBJS)
$(FUZZ_CLI_NAMES:%=build/fuzz/fuzz_%): $(FUZZ_CLI_OBJS)

-include $(SAN_CLI_OBJS:.o=.d) $(FUZZ_CLI_OBJS:.o=.d)
