/* SPDX-License-Identifier: MIT */
/* hl-lint.c - load rulebase files and report whether each one is valid. */

#include <stdio.h>
#include <string.h>

#include "heavylegs.h"

int
main(int argc, char *argv[])
{
	hl_rulebase *rb;
	hl_error err;
	size_t nflags, ncauses, nstrategies;
	int i, rc, failed = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: hl-lint FILE...\n");
		return 2;
	}
	for (i = 1; i < argc; i++) {
		memset(&err, 0, sizeof err);
		rb = NULL;
		rc = hl_rulebase_load_file(argv[i], &rb, &err);
		if (rc != HL_OK) {
			if (err.message[0] != '\0')
				fprintf(stderr, "%s\n", err.message);
			else
				fprintf(stderr, "%s: %s\n", argv[i],
				    hl_strerror(rc));
			failed = 1;
			continue;
		}
		nflags = hl_rulebase_count(rb, HL_FINDING_RED_FLAG);
		ncauses = hl_rulebase_count(rb, HL_FINDING_CAUSE);
		nstrategies = hl_rulebase_count(rb, HL_FINDING_STRATEGY);
		hl_rulebase_free(rb);
		printf("%s: ok (%zu red flag%s, %zu cause%s, %zu "
		    "strateg%s)\n", argv[i],
		    nflags, nflags == 1 ? "" : "s",
		    ncauses, ncauses == 1 ? "" : "s",
		    nstrategies, nstrategies == 1 ? "y" : "ies");
	}
	return failed;
}
