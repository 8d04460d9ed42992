# SPDX-License-Identifier: MIT
# mk/dist.mk - the release tarball, and the check of what install writes.
#
#   make dist        heavylegs-VERSION.tar.gz of the committed tree (HEAD)
#   make distcheck   unpack it, build, make check, install to a DESTDIR
#   make check-install   (part of make check) what install writes: modes,
#                    no RUNPATH, a multiarch libdir
#
# The tarball holds what git tracks at HEAD, nothing generated:
# lib/default_rules.c and configure are made again from rules/heavylegs.yaml
# and configure.ac by the build.  Uncommitted changes are not in it.

DIST_NAME := heavylegs-$(VERSION)
DIST_TARBALL := $(DIST_NAME).tar.gz

dist:
	@$(call need,git,git)
	@git rev-parse --git-dir >/dev/null 2>&1 || { \
	echo "make dist: not a git checkout; the tarball is made with git archive." >&2; \
	exit 1; }
	@if ! git diff --quiet HEAD -- 2>/dev/null; then \
	echo "make dist: note: uncommitted changes are not in $(DIST_TARBALL)" >&2; fi
	$(Q)git archive --format=tar --prefix=$(DIST_NAME)/ HEAD | \
	    gzip -9n > $(DIST_TARBALL).$$$$.tmp && mv $(DIST_TARBALL).$$$$.tmp $(DIST_TARBALL)
	@echo "dist: $(DIST_TARBALL)"

# Everything from the tarball alone, unpacked outside any git checkout (a
# new directory under /tmp, removed when all went well).
distcheck: dist
	$(Q)set -e; d=$$(mktemp -d $${TMPDIR:-/tmp}/heavylegs-distcheck.XXXXXX); \
	echo "distcheck: in $$d"; \
	gzip -dc $(DIST_TARBALL) | (cd $$d && tar xf -); \
	cd $$d/$(DIST_NAME); \
	$(MAKE) --no-print-directory; \
	$(MAKE) --no-print-directory check; \
	$(MAKE) --no-print-directory install DESTDIR=$$d/dest prefix=/usr; \
	test -f $$d/dest/usr/include/heavylegs.h; \
	test -f $$d/dest/usr/lib/pkgconfig/heavylegs.pc; \
	$(MAKE) --no-print-directory uninstall DESTDIR=$$d/dest prefix=/usr; \
	left=$$(find $$d/dest -type f -o -type l); \
	if [ -n "$$left" ]; then echo "uninstall left:" >&2; \
	    echo "$$left" >&2; exit 1; fi; \
	cd /; rm -rf $$d
	@echo "distcheck: $(DIST_TARBALL) builds, passes make check, installs and uninstalls"

# install as Debian does: a multiarch libdir, then check modes and RUNPATH.
INSTCHECK_DIR := build/instcheck
INSTCHECK_LIBDIR := /usr/lib/x86_64-linux-gnu
check: check-install
ifneq ($(filter check,$(MAKECMDGOALS)),)
demo: | check-install
endif

# Both recursive installs find the programs built: no two links at once.
build/log/outside.log: $(INST_PROGS)
check-install: all $(INST_PROGS)
	@$(call need,readelf,binutils)
	$(Q)rm -rf $(INSTCHECK_DIR)
	$(Q)$(MAKE) --no-print-directory install DESTDIR=$(CURDIR)/$(INSTCHECK_DIR) \
	    prefix=/usr libdir=$(INSTCHECK_LIBDIR) > $(INSTCHECK_DIR).log 2>&1 || { \
	    cat $(INSTCHECK_DIR).log; exit 1; }
	@set -e; d=$(INSTCHECK_DIR); l=$$d$(INSTCHECK_LIBDIR); \
	m=$$(stat -c %a $$l/$(notdir $(SHLIB))); \
	[ "$$m" = 644 ] || { echo "check-install: $(notdir $(SHLIB)) installed $$m, not 644" >&2; exit 1; }; \
	[ -f $$l/pkgconfig/heavylegs.pc ] || { echo "check-install: no $$l/pkgconfig/heavylegs.pc" >&2; exit 1; }; \
	grep -qx 'libdir=$(INSTCHECK_LIBDIR)' $$l/pkgconfig/heavylegs.pc || { \
	    echo "check-install: heavylegs.pc does not say libdir=$(INSTCHECK_LIBDIR)" >&2; exit 1; }; \
	for p in $(INSTALL_PROGS); do f=$$d/usr/bin/$${p##*/}; \
	    [ -x $$f ] || { echo "check-install: $$f missing" >&2; exit 1; }; \
	    if readelf -d $$f | grep -q 'RUNPATH\|RPATH'; then \
		echo "check-install: $$f keeps a RUNPATH:" >&2; readelf -d $$f | grep PATH >&2; exit 1; fi; \
	done; \
	if readelf -d $$l/$(notdir $(SHLIB)) | grep -q 'RUNPATH\|RPATH'; then \
	    echo "check-install: the library has a RUNPATH" >&2; exit 1; fi
	@echo "check-install: library 0644, programs without RUNPATH, libdir $(INSTCHECK_LIBDIR)"

.PHONY: dist distcheck check-install
