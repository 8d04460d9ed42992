# SPDX-License-Identifier: MIT
# mk/deb.mk - the Debian packaging's own targets.
#
#   make debian-symbols   rewrite debian/libheavylegs1.symbols from the map
#   make check-deb        build the .debs from a clean copy under /tmp, run
#                         lintian, build the outside program against them
#                         (not part of make check: needs debhelper, lintian)
# make check runs check-deb-symbols: the symbols file matches the map.

debian-symbols: lib/libheavylegs.map debian/gen-symbols.sh
	sh debian/gen-symbols.sh lib/libheavylegs.map > debian/libheavylegs1.symbols

check: check-deb-symbols
ifneq ($(filter check,$(MAKECMDGOALS)),)
demo: | check-deb-symbols
endif

check-deb-symbols:
	@sh debian/gen-symbols.sh lib/libheavylegs.map | \
	    cmp -s - debian/libheavylegs1.symbols || { \
	echo "debian/libheavylegs1.symbols does not match lib/libheavylegs.map:" \
	    "run 'make debian-symbols' and commit it." >&2; exit 1; }
	@echo "check-deb-symbols: debian/libheavylegs1.symbols matches the version script"

check-deb:
	@CC='$(CC)' PKG_CONFIG='$(PKG_CONFIG)' sh tests/deb/run.sh $(DEB_SCRATCH)

.PHONY: debian-symbols check-deb-symbols check-deb
