# SPDX-License-Identifier: MIT
# man.mk - the manual's own checks: every section-3 page's EXAMPLES program
# compiles against the library just built and runs as printed
# (tests/man/examples.sh says how a page marks its files and output), and
# heavylegs-domain(7) quotes the default rulebase as it is
# (tests/man/domain.sh).

MAN3_PAGES := $(wildcard man/man3/*.3)

check: check-man-examples check-man-domain
ifneq ($(filter check,$(MAKECMDGOALS)),)
demo: | check-man-examples check-man-domain
endif

check-man-examples: build/log/man-examples.log

build/log/man-examples.log: tests/man/examples.sh $(MAN3_PAGES) \
		include/heavylegs.h lib/libheavylegs.so FORCE
	@$(call run_log,CC='$(CC)' sh tests/man/examples.sh $(MAN3_PAGES))

check-man-domain: build/log/man-domain.log

build/log/man-domain.log: tests/man/domain.sh rules/heavylegs.yaml \
		lib/vocab_table.h man/man7/heavylegs-domain.7 FORCE
	@$(call run_log,sh tests/man/domain.sh)

.PHONY: check-man-examples check-man-domain
