# SPDX-License-Identifier: MIT
# Makefile - builds, tests and installs libheavylegs (GNU make, non-recursive).
#
#   make            the library, the example programs and heavylegs.pc
#   make check      every test: unit (plain, valgrind, ASan+UBSan), exports,
#                   man pages, Python, fuzz corpus, ABI, an outside program,
#                   then the demo
#   make deps       installs what the build and the tests need (apt-get)
#   make install    prefix=/usr/local DESTDIR= bindir libdir includedir ...
#   make help       everything else
#
# ./configure is optional: it only writes config.mk.  Put your own settings
# (CC, CFLAGS, prefix, ...) in local.mk, or on the make command line.

all:

-include config.mk
-include local.mk

.SUFFIXES:
MAKEFLAGS += --no-builtin-rules
.DELETE_ON_ERROR:

# ---- settings --------------------------------------------------------------

PKG_CONFIG ?= pkg-config
INSTALL ?= install
CFLAGS ?= -g -O2
SAN_CC ?= gcc
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
# The mutation seed: fixed, so that every run from the committed corpus takes
# much the same path (coverage feedback varies a little) and a longer run here
# covers what CI's shorter one tries; FUZZ_SEED=0 picks a new seed each run.
FUZZ_SEED ?= 1
VALGRIND ?= valgrind
# Debian's own interpreter sees Debian's python3-* packages (pandas, Dask);
# a python3 earlier on PATH (pyenv, a venv) may not.
PYTHON ?= $(if $(wildcard /usr/bin/python3),/usr/bin/python3,python3)
# mandoc puts makewhatis in /usr/sbin, which is not on a user's PATH.
MAKEWHATIS ?= $(or $(shell command -v makewhatis 2>/dev/null),$(wildcard /usr/sbin/makewhatis),makewhatis)

prefix ?= /usr/local
exec_prefix ?= $(prefix)
bindir ?= $(exec_prefix)/bin
libdir ?= $(exec_prefix)/lib
includedir ?= $(prefix)/include
datarootdir ?= $(prefix)/share
mandir ?= $(datarootdir)/man
pkgconfigdir ?= $(libdir)/pkgconfig

# Debian packages: what `make deps` installs, and what messages name.
DEPS_PKGS ?= gcc make libc6-dev pkgconf libyaml-dev check valgrind mandoc \
	abigail-tools python3 locales autoconf \
	python3-pandas python3-dask python3-distributed python3-setuptools \
	python3-pip python3-venv
FUZZ_PKGS ?= clang libclang-rt-14-dev

# pkg-config runs once per make, and not at all when config.mk (or the
# command line) set the variables; 2>/dev/null keeps a missing package quiet
# here: the targets that need it say so.
ifeq ($(origin YAML_LIBS),undefined)
YAML_CFLAGS := $(shell $(PKG_CONFIG) --cflags yaml-0.1 2>/dev/null)
YAML_LIBS := $(shell $(PKG_CONFIG) --libs yaml-0.1 2>/dev/null)
endif
ifeq ($(origin CHECK_LIBS),undefined)
CHECK_CFLAGS := $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS := $(shell $(PKG_CONFIG) --libs check 2>/dev/null)
endif

# The version lives in include/heavylegs.h only.
hl_version_field = $(shell sed -n \
	's/^.define[[:space:]]*HL_VERSION_$(1)[[:space:]][[:space:]]*\([0-9][0-9]*\).*/\1/p' \
	include/heavylegs.h)
VERSION_MAJOR := $(call hl_version_field,MAJOR)
VERSION_MINOR := $(call hl_version_field,MINOR)
VERSION_PATCH := $(call hl_version_field,PATCH)
ifeq ($(VERSION_MAJOR)$(VERSION_MINOR)$(VERSION_PATCH),)
$(error cannot read HL_VERSION_MAJOR/MINOR/PATCH from include/heavylegs.h)
endif
VERSION := $(VERSION_MAJOR).$(VERSION_MINOR).$(VERSION_PATCH)

SONAME := libheavylegs.so.$(VERSION_MAJOR)
SHLIB := lib/libheavylegs.so.$(VERSION)
STLIB := lib/libheavylegs.a
LIBS_BUILT := $(SHLIB) lib/$(SONAME) lib/libheavylegs.so $(STLIB)

# V=1 shows the commands.
ifeq ($(V),1)
Q :=
E := @:
else
Q := @
E := @printf '  %-8s %s\n'
endif

BASE_CFLAGS := -std=c99 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wshadow \
	-Wmissing-prototypes -Wstrict-prototypes -Wundef -Wvla -Wformat=2
LIB_CFLAGS = $(BASE_CFLAGS) -fPIC -fvisibility=hidden -Iinclude -Ilib \
	$(YAML_CFLAGS)
EX_CFLAGS = $(BASE_CFLAGS) -Iinclude
DEPFLAGS = -MMD -MP
SAN_FLAGS := -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all
FUZZ_FLAGS := -g -O1 -fno-omit-frame-pointer -fno-sanitize-recover=all
RPATH := -Wl,-rpath,'$$ORIGIN/../lib'

# ---- sources -----------------------------------------------------------------

GEN_RULES := lib/default_rules.c
LIB_SRCS := $(sort $(filter-out $(GEN_RULES),$(wildcard lib/*.c)) $(GEN_RULES))
LIB_OBJS := $(LIB_SRCS:lib/%.c=build/lib/%.o)
TEST_LIB_OBJS := $(LIB_SRCS:lib/%.c=build/test/lib/%.o)
SAN_LIB_OBJS := $(LIB_SRCS:lib/%.c=build/asan/lib/%.o)
FUZZ_LIB_OBJS := $(LIB_SRCS:lib/%.c=build/fuzz/lib/%.o)

EXAMPLES := $(patsubst %.c,%,$(wildcard examples/*.c))
INSTALL_PROGS := $(filter examples/hl-assess examples/hl-lint,$(EXAMPLES))
# What `make install` copies: the same programs linked without the rpath
# that lets them run in the tree.
INST_PROGS := $(INSTALL_PROGS:examples/%=build/inst/%)

CHECK_PROGS := $(patsubst %.c,%,$(wildcard tests/check_*.c))
SAN_CHECK_PROGS := $(CHECK_PROGS:tests/%=build/asan/tests/%)
PY_TESTS := $(wildcard tests/*.py)

FUZZ_NAMES := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
REPLAY_PROGS := $(FUZZ_NAMES:%=build/asan/fuzz/replay_%)
FUZZERS := $(FUZZ_NAMES:%=build/fuzz/fuzz_%)

MAN_PAGES := $(wildcard man/man1/*.1 man/man3/*.3 man/man5/*.5 man/man7/*.7)
ABI_BASELINE := tests/abi/libheavylegs.abi
STAGE := build/stage

# ---- build -----------------------------------------------------------------
#
# Files other programs may be reading (the libraries, generated sources) are
# written to a temporary name and renamed into place.

# Objects depend on build/flags, rewritten only when the compiler or flags
# change, so `make CC=clang` after `make` rebuilds everything (git's
# GIT-CFLAGS).
BUILD_VARS = $(CC)|$(CFLAGS)|$(CPPFLAGS)|$(LDFLAGS)|$(LIB_CFLAGS)|$(YAML_LIBS)|$(CHECK_CFLAGS)|$(CHECK_LIBS)|$(TEST_DEBUG)|$(SAN_CC)|$(SAN_FLAGS)|$(FUZZ_CC)|$(FUZZ_FLAGS)
build/flags: FORCE
	@mkdir -p build
	@echo '$(BUILD_VARS)' | cmp -s - $@ || echo '$(BUILD_VARS)' > $@

all: $(LIBS_BUILT) $(EXAMPLES) heavylegs.pc

# The default rulebase, compiled in: its text (one byte per 0x.. entry,
# plus a NUL that hl__default_rules_len does not count) and its node tree as
# read-only arrays, so that hl_rulebase_load_default() skips the YAML parse.
# lib/gen/ytree_image runs on the build machine (BUILD_CC) and parses with
# the library's own yamltree.c: the tree is the one loading the text gives
# (tests/check_default.c compares them).
BUILD_CC ?= $(CC)
GEN_IMAGE := build/gen/ytree_image
GEN_IMAGE_SRCS := lib/gen/ytree_image.c lib/yamltree.c lib/alloc.c lib/error.c

$(GEN_IMAGE): $(GEN_IMAGE_SRCS) lib/yamltree.h lib/alloc.h lib/error.h \
    build/flags | need-yaml
	@mkdir -p $(@D)
	$(E) CCLD $@
	$(Q)$(BUILD_CC) $(BASE_CFLAGS) -Iinclude -Ilib $(YAML_CFLAGS) \
	    $(CPPFLAGS) $(CFLAGS) -o $@ $(GEN_IMAGE_SRCS) $(LDFLAGS) $(YAML_LIBS)

$(GEN_RULES): rules/heavylegs.yaml $(GEN_IMAGE)
	$(E) GEN $@
	$(Q)$(GEN_IMAGE) rules/heavylegs.yaml > $@.$$$$.tmp && mv $@.$$$$.tmp $@

build/lib/%.o: lib/%.c build/flags | need-yaml
	@mkdir -p $(@D)
	$(E) CC $@
	$(Q)$(CC) $(LIB_CFLAGS) -DHL_BUILDING_LIBRARY $(CPPFLAGS) $(CFLAGS) \
	    $(DEPFLAGS) -c -o $@ $<

$(SHLIB): $(LIB_OBJS) lib/libheavylegs.map | need-yaml
	$(E) LD $@
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -shared -Wl,-soname,$(SONAME) \
	    -Wl,--version-script=lib/libheavylegs.map -Wl,--no-undefined \
	    -o $@.$$$$.tmp $(LIB_OBJS) $(YAML_LIBS) -lm && mv -f $@.$$$$.tmp $@

lib/$(SONAME): $(SHLIB)
	$(Q)ln -sf $(notdir $(SHLIB)) $@

lib/libheavylegs.so: lib/$(SONAME)
	$(Q)ln -sf $(SONAME) $@

$(STLIB): $(LIB_OBJS)
	$(E) AR $@
	$(Q)rm -f $@.$$$$.tmp && $(AR) rcs $@.$$$$.tmp $(LIB_OBJS) && mv -f $@.$$$$.tmp $@

# Example programs run in place (rpath $ORIGIN/../lib) and once installed.
# A program made of several files lists its other objects in PROG_OBJS_<name>
# and adds them as prerequisites (`examples/hl-assess: $(PROG_OBJS_hl-assess)`).
$(EXAMPLES): examples/%: examples/%.c lib/libheavylegs.so build/flags
	@mkdir -p build/examples
	$(E) CCLD $@
	$(Q)$(CC) $(EX_CFLAGS) $(CPPFLAGS) $(CFLAGS) -MMD -MP \
	    -MF build/examples/$*.d -MT $@ -o $@ $< $(PROG_OBJS_$*) \
	    -Llib $(LDFLAGS) -lheavylegs -lm $(RPATH)

# The installed copies: relinked without $(RPATH), so that an installed
# program finds the library where the system looks, never in a build tree.
$(INST_PROGS): build/inst/%: examples/%
	@mkdir -p $(@D)
	$(E) CCLD $@
	$(Q)$(CC) $(EX_CFLAGS) $(CPPFLAGS) $(CFLAGS) -o $@ examples/$*.c \
	    $(PROG_OBJS_$*) -Llib $(LDFLAGS) -lheavylegs -lm

# heavylegs.pc depends on HL-PREFIX, which is rewritten only when the
# directories change, so `make prefix=/x install` never installs a stale one.
PC_VARS = $(prefix):$(exec_prefix):$(libdir):$(includedir):$(VERSION)
HL-PREFIX: FORCE
	@echo '$(PC_VARS)' | cmp -s - $@ || echo '$(PC_VARS)' > $@

heavylegs.pc: heavylegs.pc.in HL-PREFIX
	$(E) GEN $@
	$(Q)sed -e 's|@prefix@|$(prefix)|g' -e 's|@exec_prefix@|$(exec_prefix)|g' \
	    -e 's|@libdir@|$(libdir)|g' -e 's|@includedir@|$(includedir)|g' \
	    -e 's|@VERSION@|$(VERSION)|g' heavylegs.pc.in > $@.$$$$.tmp && mv $@.$$$$.tmp $@

# ---- test builds -------------------------------------------------------------

# Test programs link a second copy of the library built with -DHL_TESTING
# (internals reachable, allocation failures injectable).  They also run
# under valgrind, whose 3.19 cannot read clang's DWARF 5: -gdwarf-4.
TEST_DEBUG := -gdwarf-4

build/test/lib/%.o: lib/%.c build/flags | need-yaml
	@mkdir -p $(@D)
	$(E) CC $@
	$(Q)$(CC) $(LIB_CFLAGS) -DHL_TESTING $(CPPFLAGS) $(CFLAGS) $(TEST_DEBUG) \
	    $(DEPFLAGS) -c -o $@ $<

build/test/tests/%.o: tests/%.c build/flags | need-check need-yaml
	@mkdir -p $(@D)
	$(E) CC $@
	$(Q)$(CC) $(LIB_CFLAGS) -DHL_TESTING $(CHECK_CFLAGS) $(CPPFLAGS) \
	    $(CFLAGS) $(TEST_DEBUG) $(DEPFLAGS) -c -o $@ $<

$(CHECK_PROGS): tests/%: build/test/tests/%.o $(TEST_LIB_OBJS)
	$(E) LD $@
	$(Q)$(CC) $(CFLAGS) $(CHECK_CFLAGS) $(LDFLAGS) -o $@ $^ \
	    $(CHECK_LIBS) $(YAML_LIBS) -lm

# The same with ASan+UBSan, in build/asan/ (gcc: its runtimes come with it).
build/asan/lib/%.o: lib/%.c build/flags | need-yaml
	@mkdir -p $(@D)
	$(E) SAN-CC $@
	$(Q)$(SAN_CC) $(LIB_CFLAGS) -DHL_TESTING $(CPPFLAGS) $(SAN_FLAGS) \
	    $(DEPFLAGS) -c -o $@ $<

build/asan/tests/%.o: tests/%.c build/flags | need-check need-yaml
	@mkdir -p $(@D)
	$(E) SAN-CC $@
	$(Q)$(SAN_CC) $(LIB_CFLAGS) -DHL_TESTING $(CHECK_CFLAGS) $(CPPFLAGS) \
	    $(SAN_FLAGS) $(DEPFLAGS) -c -o $@ $<

$(SAN_CHECK_PROGS): build/asan/tests/%: build/asan/tests/%.o $(SAN_LIB_OBJS)
	$(E) SAN-LD $@
	$(Q)$(SAN_CC) $(SAN_FLAGS) $(CHECK_CFLAGS) $(LDFLAGS) -o $@ $^ \
	    $(CHECK_LIBS) $(YAML_LIBS) -lm

# Fuzz targets replayed over their corpora by tests/fuzz/replay.c.
build/asan/fuzz/%.o: tests/fuzz/%.c build/flags | need-yaml
	@mkdir -p $(@D)
	$(E) SAN-CC $@
	$(Q)$(SAN_CC) $(LIB_CFLAGS) -DHL_TESTING $(CPPFLAGS) $(SAN_FLAGS) \
	    $(DEPFLAGS) -c -o $@ $<

$(REPLAY_PROGS): build/asan/fuzz/replay_%: build/asan/fuzz/replay.o \
    build/asan/fuzz/fuzz_%.o $(SAN_LIB_OBJS)
	$(E) SAN-LD $@
	$(Q)$(SAN_CC) $(SAN_FLAGS) $(LDFLAGS) -o $@ $^ $(YAML_LIBS) -lm

# libFuzzer builds (clang), in build/fuzz/.
build/fuzz/lib/%.o: lib/%.c build/flags | need-yaml need-fuzz
	@mkdir -p $(@D)
	$(E) FUZZ-CC $@
	$(Q)$(FUZZ_CC) $(LIB_CFLAGS) -DHL_TESTING $(CPPFLAGS) $(FUZZ_FLAGS) \
	    -fsanitize=fuzzer-no-link,address,undefined $(DEPFLAGS) -c -o $@ $<

build/fuzz/fuzz_%.o: tests/fuzz/fuzz_%.c build/flags | need-yaml need-fuzz
	@mkdir -p $(@D)
	$(E) FUZZ-CC $@
	$(Q)$(FUZZ_CC) $(LIB_CFLAGS) -DHL_TESTING -DHL_FUZZ_SAMPLE_SIZES \
	    $(CPPFLAGS) $(FUZZ_FLAGS) \
	    -fsanitize=fuzzer-no-link,address,undefined $(DEPFLAGS) -c -o $@ $<

$(FUZZERS): build/fuzz/fuzz_%: build/fuzz/fuzz_%.o $(FUZZ_LIB_OBJS)
	$(E) FUZZ-LD $@
	$(Q)$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer,address,undefined \
	    $(LDFLAGS) -o $@ $^ $(YAML_LIBS) -lm

# ---- what is missing -----------------------------------------------------------

# $(call need,COMMAND,DEBIAN PACKAGE): stop, naming the package, unless
# COMMAND exists.  Never a silent skip.
need = command -v $(1) >/dev/null 2>&1 || { \
	echo "$(1) was not found: install the Debian package $(2)," \
	    "or run 'make deps' to install everything the build and tests need." >&2; \
	exit 1; }

need-yaml:
	@if [ -z '$(strip $(YAML_LIBS))' ]; then \
	echo "libyaml was not found ('$(PKG_CONFIG) --libs yaml-0.1' failed):" \
	    "install the Debian packages libyaml-dev and pkgconf," \
	    "or run 'make deps' to install everything the build and tests need." >&2; \
	exit 1; fi

need-check:
	@if [ -z '$(strip $(CHECK_LIBS))' ] || [ '$(HAVE_CHECK)' = no ]; then \
	echo "Check (the unit test framework) was not found" \
	    "('$(PKG_CONFIG) --libs check' failed): install the Debian package check," \
	    "or run 'make deps' to install everything the build and tests need." >&2; \
	exit 1; fi

need-fuzz:
	@$(call need,$(FUZZ_CC),clang)
	@printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' | \
	$(FUZZ_CC) -fsanitize=fuzzer,address,undefined -x c -o /dev/null - >/dev/null 2>&1 || { \
	echo "$(FUZZ_CC) cannot build libFuzzer targets: install the Debian packages" \
	    "$(FUZZ_PKGS), or run 'make deps-fuzz'." >&2; exit 1; }

# ---- check -----------------------------------------------------------------
#
# Each test run writes build/log/<step>/<name>.log and prints it whole when
# it ends, so that `make -j2 check` runs two at a time and its output stays
# readable.  A failed run keeps its output in <name>.log.failed and stops
# make (add -k to see every failure).

CHECK_STEPS := check-unit check-valgrind check-asan check-exports check-man \
	check-python check-fuzz-replay check-abi check-outside check-compat

check: all $(CHECK_STEPS) demo
	@echo "make check: every step passed"

# The demo comes last.
ifneq ($(filter check,$(MAKECMDGOALS)),)
demo: | $(CHECK_STEPS)
endif

UNIT_LOGS := $(CHECK_PROGS:tests/%=build/log/unit/%.log)
VG_LOGS := $(CHECK_PROGS:tests/%=build/log/valgrind/%.log)
SAN_LOGS := $(CHECK_PROGS:tests/%=build/log/asan/%.log)
PY_LOGS := $(PY_TESTS:tests/%.py=build/log/python/%.log)
REPLAY_LOGS := $(FUZZ_NAMES:%=build/log/fuzz/%.log)

# $(call run_log,COMMAND): run COMMAND into $@, print it, fail if it failed.
run_log = mkdir -p $(@D); rm -f $@ $@.failed; t=$@.$$$$.tmp; \
	echo "== $(strip $(1))" > $$t; \
	$(1) >> $$t 2>&1; rc=$$?; cat $$t; \
	if [ $$rc -ne 0 ]; then mv -f $$t $@.failed; \
	    echo "FAILED (exit $$rc): $(strip $(1)); output in $@.failed" >&2; \
	    exit 1; fi; \
	mv -f $$t $@

# Check's timeouts (4 s a test unless a test case sets its own) are there to
# stop a hang, not to time a test: on a loaded machine a heavy test (JSON at
# every buffer size) can take longer, so they are stretched tenfold.
CK_TIMEOUT_MULTIPLIER ?= 10
export CK_TIMEOUT_MULTIPLIER

VG_RUN := CK_FORK=no $(VALGRIND) -q --leak-check=full \
	--errors-for-leak-kinds=definite,indirect --error-exitcode=1

build/log/unit/%.log: tests/% FORCE
	@$(call run_log,./$<)

build/log/valgrind/%.log: tests/% FORCE | need-valgrind
	@$(call run_log,$(VG_RUN) ./$<)

build/log/asan/%.log: build/asan/tests/% FORCE
	@$(call run_log,UBSAN_OPTIONS=print_stacktrace=1 ./$<)

build/log/python/%.log: tests/%.py all FORCE | need-python
	@$(call run_log,HL_LIBRARY=lib/$(SONAME) PYTHONPATH=python \
	    PYTHONDONTWRITEBYTECODE=1 $(PYTHON) $<)

# Seeds kept elsewhere in the tree are not copied into tests/fuzz/corpus:
# FUZZ_SEEDS_<name> lists them (every rulebase the tests use, for the
# rulebase targets), and the replay and `make fuzz` read them from there.
FUZZ_RULEBASES := $(sort $(wildcard tests/rulebases/*/)) rules/heavylegs.yaml
FUZZ_SEEDS_load := $(FUZZ_RULEBASES)
FUZZ_SEEDS_lint := $(FUZZ_RULEBASES) tests/fuzz/corpus/load

build/log/fuzz/%.log: build/asan/fuzz/replay_% FORCE
	@$(call run_log,UBSAN_OPTIONS=print_stacktrace=1 ./$< \
	    $(wildcard tests/fuzz/corpus/$*) $(FUZZ_SEEDS_$*))

check-unit: $(UNIT_LOGS)
	@echo "check-unit: $(words $(UNIT_LOGS)) suites passed"

check-valgrind: $(VG_LOGS)
	@echo "check-valgrind: $(words $(VG_LOGS)) suites passed under valgrind"

check-asan: $(SAN_LOGS)
	@echo "check-asan: $(words $(SAN_LOGS)) suites passed with ASan+UBSan ($(SAN_CC))"

# The package's own tests (tests/python) join in mk/python.mk.
check-python: $(PY_LOGS)
	@echo "check-python: $(words $(PY_LOGS)) Python scripts passed"

check-fuzz-replay: $(REPLAY_LOGS)
	@echo "check-fuzz-replay: $(words $(REPLAY_LOGS)) fuzz corpora replayed" \
	    "with ASan+UBSan"

need-valgrind:
	@$(call need,$(VALGRIND),valgrind)

need-python:
	@$(call need,$(PYTHON),python3)

# Exported symbols: every one is hl_*@@HEAVYLEGS_*, and the set equals the
# version script's list and the header's HL_API prototypes.
check-exports: $(SHLIB)
	@$(call need,nm,binutils)
	@sh tests/exports.sh $(SHLIB) lib/libheavylegs.map include/heavylegs.h

# Man pages: mandoc -Tlint at warning level; with a database of our own
# pages, a reference to one of ours that does not exist fails too.
check-man:
	@if [ -z '$(MAN_PAGES)' ]; then echo "check-man: no man pages yet"; exit 0; fi; \
	$(call need,mandoc,mandoc); \
	$(call need,$(MAKEWHATIS),mandoc); \
	set -e; rm -rf build/mandb; mkdir -p build/mandb; \
	cp -R man/. build/mandb/; $(MAKEWHATIS) build/mandb; \
	MANPATH=build/mandb mandoc -Tlint -Wwarning $(MAN_PAGES); \
	bad=$$(MANPATH=build/mandb mandoc -Tlint -Wstyle $(MAN_PAGES) 2>&1 | \
	    grep 'referenced manual not found: Xr \(lib\)*\(hl[_-]\|heavylegs\)' || :); \
	if [ -n "$$bad" ]; then \
	    echo "references to pages of ours that do not exist:" >&2; \
	    echo "$$bad" >&2; exit 1; fi; \
	echo "check-man: $(words $(MAN_PAGES)) pages clean (mandoc -Tlint -Wwarning)"

# ABI: abidiff against the committed baseline; any nonzero status fails
# (4: a change, 8/12: symbols removed).  After a deliberate change, run
# `make abi-baseline` and commit the result in the same change.
check-abi: $(SHLIB)
	@$(call need,abidiff,abigail-tools)
	@$(call need,readelf,binutils)
	@readelf -S -W $(SHLIB) | grep -q '\.debug_info' || { \
	echo "$(SHLIB) has no debug info; the ABI check needs it:" \
	    "rebuild with -g in CFLAGS (make clean; make CFLAGS='-g -O2')." >&2; exit 1; }
	@test -f $(ABI_BASELINE) || { \
	echo "$(ABI_BASELINE) is missing: run 'make abi-baseline' and commit it." >&2; exit 1; }
	$(Q)abidiff --no-added-syms --headers-dir2 include --drop-private-types \
	    $(ABI_BASELINE) $(SHLIB) || { rc=$$?; \
	echo "abidiff exited $$rc: the ABI differs from $(ABI_BASELINE)." \
	    "If the change is deliberate, run 'make abi-baseline' and commit it." >&2; \
	exit 1; }
	@echo "check-abi: ABI unchanged against $(ABI_BASELINE)"

abi-baseline: $(SHLIB)
	@$(call need,abidw,abigail-tools)
	@readelf -S -W $(SHLIB) | grep -q '\.debug_info' || { \
	echo "$(SHLIB) has no debug info: rebuild with -g in CFLAGS." >&2; exit 1; }
	@mkdir -p $(dir $(ABI_BASELINE))
	abidw --headers-dir include --drop-private-types --drop-undefined-syms \
	    --no-comp-dir-path --no-corpus-path --type-id-style hash \
	    --out-file $(ABI_BASELINE) $(SHLIB)

# An outside program, built only with pkg-config against a staged
# `make install DESTDIR=build/stage prefix=/usr`: shared and static.
OUTSIDE_DIRS := prefix=/usr exec_prefix=/usr bindir=/usr/bin libdir=/usr/lib \
	includedir=/usr/include mandir=/usr/share/man pkgconfigdir=/usr/lib/pkgconfig

check-outside: build/log/outside.log
	@echo "check-outside: built through pkg-config (shared and static) and ran"

build/log/outside.log: tests/outside/app.c tests/outside/run.sh all FORCE
	@$(call need,$(PKG_CONFIG),pkgconf)
	@$(call need,readelf,binutils)
	$(Q)rm -rf $(STAGE) && mkdir -p $(@D)
	$(Q)$(MAKE) --no-print-directory install DESTDIR=$(CURDIR)/$(STAGE) \
	    $(OUTSIDE_DIRS) > build/log/outside-install.log 2>&1 || { \
	    cat build/log/outside-install.log; exit 1; }
	@$(call run_log,CC='$(CC)' PKG_CONFIG='$(PKG_CONFIG)' \
	    sh tests/outside/run.sh $(CURDIR)/$(STAGE) $(SONAME))

# A program written against the 1.0 header (tests/compat/v1.0, a frozen
# copy) runs unchanged on this library and reports as today's header does.
check-compat: build/log/compat.log

build/log/compat.log: tests/compat/app.c tests/compat/run.sh \
    tests/compat/v1.0/heavylegs.h $(SHLIB) lib/libheavylegs.so FORCE
	@$(call run_log,CC='$(CC)' sh tests/compat/run.sh)

# The demo: the assess CLI on the sample runner.
demo: all
	@if [ -f examples/hl-assess.c ] && [ -f examples/sample-runner.txt ]; then \
	echo "== examples/hl-assess examples/sample-runner.txt"; \
	examples/hl-assess examples/sample-runner.txt; \
	else echo "demo: examples/hl-assess.c and examples/sample-runner.txt" \
	    "are not written yet; nothing to run."; fi

# `make bench`: mk/bench.mk.

# libFuzzer: each target for FUZZ_SECONDS over a copy of its corpus in
# build/fuzz/corpus/<name> (new inputs land there, not in the source tree).
fuzz: $(FUZZERS)
	@if [ -z '$(FUZZ_NAMES)' ]; then echo "no fuzz targets yet"; exit 0; fi; \
	set -e; for n in $(FUZZ_NAMES); do \
	echo "==== fuzz_$$n for $(FUZZ_SECONDS) s"; \
	mkdir -p build/fuzz/corpus/$$n build/fuzz/artifacts/$$n; \
	if [ -d tests/fuzz/corpus/$$n ]; then \
	    cp -R tests/fuzz/corpus/$$n/. build/fuzz/corpus/$$n/; fi; \
	case $$n in \
	load) seeds='$(FUZZ_SEEDS_load)';; lint) seeds='$(FUZZ_SEEDS_lint)';; \
	*) seeds=;; esac; \
	for f in $$seeds; do if [ -d $$f ]; then g=$$f/*; else g=$$f; fi; \
	    for h in $$g; do [ ! -f $$h ] || \
	    cp $$h build/fuzz/corpus/$$n/seed-$$(echo $$h | tr / _); done; done; \
	build/fuzz/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) -seed=$(FUZZ_SEED) \
	    -artifact_prefix=build/fuzz/artifacts/$$n/ build/fuzz/corpus/$$n || { \
	    echo "fuzz_$$n found a problem: see build/fuzz/artifacts/$$n/;" \
		"add the input to tests/fuzz/corpus/$$n/ once fixed." >&2; exit 1; }; \
	done

# ---- install ---------------------------------------------------------------

# Names a man3 page documents besides its own (its NAME section's .Nm lines),
# as "page link" pairs; each link is installed as a symlink to its page.
man3_links = for p in $(filter man/man3/%,$(MAN_PAGES)); do \
	b=$$(basename $$p); \
	for n in $$(sed -n '/^\.Sh NAME/,/^\.Sh [^N]/s/^\.Nm[[:space:]][[:space:]]*\([A-Za-z0-9_]*\).*/\1/p' $$p); do \
	    [ "$$n.3" = "$$b" ] || [ -f man/man3/$$n.3 ] || echo "$$b $$n.3"; \
	done; done

# The shared library is 0644 like every other library on the system (the
# loader maps it, nothing executes it); programs come from $(INST_PROGS).
# libdir may be a multiarch one (Debian: libdir=/usr/lib/x86_64-linux-gnu);
# pkgconfigdir follows it.
install: all $(INST_PROGS)
	$(INSTALL) -d $(DESTDIR)$(libdir) $(DESTDIR)$(includedir) \
	    $(DESTDIR)$(pkgconfigdir)
	$(INSTALL) -m 0644 $(SHLIB) $(DESTDIR)$(libdir)/
	ln -sf $(notdir $(SHLIB)) $(DESTDIR)$(libdir)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(libdir)/libheavylegs.so
	$(INSTALL) -m 0644 $(STLIB) $(DESTDIR)$(libdir)/
	$(INSTALL) -m 0644 include/heavylegs.h $(DESTDIR)$(includedir)/
	$(INSTALL) -m 0644 heavylegs.pc $(DESTDIR)$(pkgconfigdir)/
	@set -e; for p in $(INST_PROGS); do \
	echo "$(INSTALL) -m 0755 $$p $(DESTDIR)$(bindir)/"; \
	$(INSTALL) -d $(DESTDIR)$(bindir); \
	$(INSTALL) -m 0755 $$p $(DESTDIR)$(bindir)/; done
	@set -e; for p in $(MAN_PAGES); do \
	d=$(DESTDIR)$(mandir)/$$(basename $$(dirname $$p)); \
	echo "$(INSTALL) -m 0644 $$p $$d/"; \
	$(INSTALL) -d $$d; $(INSTALL) -m 0644 $$p $$d/; done
	@set -e; $(man3_links) | while read page link; do \
	echo "ln -sf $$page $(DESTDIR)$(mandir)/man3/$$link"; \
	ln -sf $$page $(DESTDIR)$(mandir)/man3/$$link; done

uninstall:
	rm -f $(DESTDIR)$(libdir)/$(notdir $(SHLIB)) \
	    $(DESTDIR)$(libdir)/$(SONAME) $(DESTDIR)$(libdir)/libheavylegs.so \
	    $(DESTDIR)$(libdir)/$(notdir $(STLIB)) \
	    $(DESTDIR)$(includedir)/heavylegs.h \
	    $(DESTDIR)$(pkgconfigdir)/heavylegs.pc
	@set -e; for p in $(INSTALL_PROGS); do \
	echo "rm -f $(DESTDIR)$(bindir)/$$(basename $$p)"; \
	rm -f $(DESTDIR)$(bindir)/$$(basename $$p); done
	@set -e; for p in $(MAN_PAGES); do \
	f=$(DESTDIR)$(mandir)/$$(basename $$(dirname $$p))/$$(basename $$p); \
	echo "rm -f $$f"; rm -f $$f; done
	@set -e; $(man3_links) | while read page link; do \
	echo "rm -f $(DESTDIR)$(mandir)/man3/$$link"; \
	rm -f $(DESTDIR)$(mandir)/man3/$$link; done

# ---- dependencies ------------------------------------------------------------

# Works on a bare Debian/Ubuntu with only make (and a shell): sudo only when
# not root.  Also makes the de_DE.UTF-8 locale the locale test switches to.
deps:
	@set -e; \
	if ! command -v apt-get >/dev/null 2>&1; then \
	echo "No apt-get here. Install the equivalents of these Debian packages:" >&2; \
	echo "  $(DEPS_PKGS)" >&2; \
	echo "(for 'make fuzz' also: $(FUZZ_PKGS)) and generate the de_DE.UTF-8 locale." >&2; \
	exit 1; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; \
	elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; \
	else echo "make deps: not root and no sudo; run it as root." >&2; exit 1; fi; \
	echo "$$SUDO apt-get update"; \
	$$SUDO apt-get update; \
	echo "$$SUDO apt-get install -y --no-install-recommends $(DEPS_PKGS)"; \
	$$SUDO env DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y --no-install-recommends $(DEPS_PKGS); \
	if locale -a 2>/dev/null | grep -qix 'de_DE\.utf-*8'; then \
	    echo "locale de_DE.UTF-8 is already there"; \
	elif lg=$$(command -v locale-gen || echo /usr/sbin/locale-gen); \
	    [ -f /etc/locale.gen ] && [ -x "$$lg" ]; then \
	    echo "$$SUDO sed -i 's/^# *de_DE.UTF-8 UTF-8/de_DE.UTF-8 UTF-8/' /etc/locale.gen"; \
	    $$SUDO sed -i 's/^# *de_DE\.UTF-8 UTF-8/de_DE.UTF-8 UTF-8/' /etc/locale.gen; \
	    if ! grep -q '^de_DE\.UTF-8 UTF-8' /etc/locale.gen; then \
		echo "echo 'de_DE.UTF-8 UTF-8' >> /etc/locale.gen"; \
		echo 'de_DE.UTF-8 UTF-8' | $$SUDO tee -a /etc/locale.gen >/dev/null; fi; \
	    echo "$$SUDO $$lg"; $$SUDO $$lg; \
	else \
	    echo "$$SUDO localedef -i de_DE -f UTF-8 de_DE.UTF-8"; \
	    $$SUDO localedef -i de_DE -f UTF-8 de_DE.UTF-8; \
	fi

deps-fuzz:
	@set -e; \
	if ! command -v apt-get >/dev/null 2>&1; then \
	echo "No apt-get here. Install clang with its libFuzzer runtime" \
	    "(Debian: $(FUZZ_PKGS))." >&2; exit 1; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	echo "$$SUDO apt-get update"; $$SUDO apt-get update; \
	echo "$$SUDO apt-get install -y --no-install-recommends $(FUZZ_PKGS)"; \
	$$SUDO env DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y --no-install-recommends $(FUZZ_PKGS)

# ---- configure (optional) --------------------------------------------------

configure: configure.ac m4/pkg.m4
	@$(call need,autoconf,autoconf)
	autoconf -o $@ configure.ac

# ---- cleaning ------------------------------------------------------------------

clean:
	rm -rf build
	rm -f $(GEN_RULES) lib/*.tmp lib/libheavylegs.so* $(STLIB)
	rm -f $(EXAMPLES) $(CHECK_PROGS)
	rm -f heavylegs.pc heavylegs.pc.*.tmp HL-PREFIX

distclean: clean
	rm -rf autom4te.cache
	rm -f config.mk config.log config.status configure

help:
	@echo "Targets:"
	@echo "  all (default)  library, example programs, heavylegs.pc"
	@echo "  check          every test (see the top of this Makefile)"
	@echo "  check-unit check-valgrind check-asan check-exports check-man"
	@echo "  check-python check-fuzz-replay check-abi check-outside check-compat"
	@echo "                 one step of check"
	@echo "  demo           examples/hl-assess examples/sample-runner.txt"
	@echo "  bench          build and run tests/bench/bench (mk/bench.mk)"
	@echo "  fuzz           libFuzzer, FUZZ_SECONDS=$(FUZZ_SECONDS) per target, FUZZ_SEED=$(FUZZ_SEED) (clang)"
	@echo "  abi-baseline   regenerate $(ABI_BASELINE)"
	@echo "  install uninstall   prefix=$(prefix) DESTDIR=$(DESTDIR)"
	@echo "  deps deps-fuzz install build, test and fuzz dependencies (apt-get)"
	@echo "  clean distclean"
	@echo "Variables: CC CFLAGS CPPFLAGS LDFLAGS prefix bindir libdir includedir"
	@echo "  mandir pkgconfigdir DESTDIR PKG_CONFIG SAN_CC FUZZ_CC V=1"

# ---- fragments ---------------------------------------------------------------
#
# Each part of the project with targets of its own (Python package, programs,
# benchmark, packaging, reliability) keeps them in mk/<part>.mk.  A fragment
# joins `make check` with a line `check: check-<part>`.
include $(sort $(wildcard mk/*.mk))

, := ,

.PHONY: all check $(CHECK_STEPS) demo bench fuzz abi-baseline install \
	uninstall deps deps-fuzz clean distclean help need-yaml need-check \
	need-fuzz need-valgrind need-python FORCE

-include $(LIB_OBJS:.o=.d) $(TEST_LIB_OBJS:.o=.d) $(SAN_LIB_OBJS:.o=.d) \
	$(FUZZ_LIB_OBJS:.o=.d) $(CHECK_PROGS:tests/%=build/test/tests/%.d) \
	$(CHECK_PROGS:tests/%=build/asan/tests/%.d) \
	$(FUZZ_NAMES:%=build/asan/fuzz/fuzz_%.d) build/asan/fuzz/replay.d \
	$(FUZZ_NAMES:%=build/fuzz/fuzz_%.d) $(EXAMPLES:examples/%=build/examples/%.d)
