# SPDX-License-Identifier: MIT
# mk/reliability.mk - fuzz seeds, ThreadSanitizer, allocation failures in
# libyaml, the ABI-break test, coverage.

# Every allocation of loading the default rulebase failed in turn (check
# runs the first 32 and then every 257th: see tests/check_alloc.c).
check-alloc-full: tests/check_alloc
	HL_ALLOC_FULL=1 ./tests/check_alloc

.PHONY: check-alloc-full
