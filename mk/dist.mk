# SPDX-License-Identifier: MIT
# mk/dist.mk - the release tarball, and the check of what install writes.
#
#   make check-install   (part of make check) what install writes: modes,
#                    no RUNPATH, a multiarch libdir

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

.PHONY: check-install
