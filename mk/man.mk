# SPDX-License-Identifier: MIT
# man.mk - the manual's own checks: every section-3 page's EXAMPLES program
# compiles against the library just built and runs as printed
# (tests/man/examples.sh says how a page marks its files and output).

MAN3_PAGES := $(wildcard man/man3/*.3)

check: check-man-examples
ifneq ($(filter check,$(MAKECMDGOALS)),)
demo: | check-man-examples
endif

check-man-examples: build/log/man-examples.log

build/log/man-examples.log: tests/man/examples.sh $(MAN3_PAGES) \
		include/heavylegs.h lib/libheavylegs.so FORCE
	@$(call run_log,CC='$(CC)' sh tests/man/examples.sh $(MAN3_PAGES))

.PHONY: check-man-examples
