/* SPDX-License-Identifier: MIT */
/*
 * hl-lint.c - check rulebase files: every problem of every file, as
 * file:line:column: message, with "did you mean" where a name is close.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heavylegs.h"
#include "cli/progutil.h"

/* Exit statuses, as in sysexits(3). */

#define PROG		"hl-lint"
#define MAX_ERRORS	100	/* shown per file */

static void
usage(FILE *fp)
{
	fprintf(fp,
"usage: " PROG " [-q] FILE...\n"
"       " PROG " --help | --version\n"
"\n"
"Check rulebase files (heavylegs-rules(5)) and report every problem of every\n"
"file as FILE:LINE:COLUMN: MESSAGE, the first %d of each file.  A FILE of -\n"
"is the standard input.\n"
"\n"
"  -q, --quiet     print nothing; the exit status tells\n"
"  -h, --help      print this help and exit\n"
"  -V, --version   print the version and exit\n"
"\n"
"Exit status: 0 every file is a valid rulebase; 64 bad usage; 66 a file\n"
"cannot be opened; 70 out of memory; 74 read or write error; 78 a\n"
"rulebase has errors.  See hl-lint(1).\n", MAX_ERRORS);
}

struct file_ctx {
	const char *shown;
	int	 quiet;
};

/* One error: FILE:LINE:COLUMN: MESSAGE (the message without its position). */
static void
print_error(const hl_error *e, void *ud)
{
	const struct file_ctx *fc = ud;
	const char *m = e->message;
	char pos[320];
	int n;

	if (fc->quiet)
		return;
	if (e->line > 0)
		n = snprintf(pos, sizeof pos, "%s:%d:%d: ", e->file,
		    (int)e->line, (int)(e->column > 0 ? e->column : 1));
	else
		n = snprintf(pos, sizeof pos, "%s: ", e->file);
	if (n > 0 && strncmp(m, pos, (size_t)n) == 0)
		m += n;
	else if (e->line > 0) {
		/* the message may name the position without a column */
		n = snprintf(pos, sizeof pos, "%s:%d: ", e->file, (int)e->line);
		if (n > 0 && strncmp(m, pos, (size_t)n) == 0)
			m += n;
	}
	if (e->line > 0)
		fprintf(stderr, "%s:%d:%d: %s\n", fc->shown, (int)e->line,
		    (int)(e->column > 0 ? e->column : 1), m);
	else
		fprintf(stderr, "%s: %s\n", fc->shown, m);
}

static const struct option longopts[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

int
main(int argc, char *argv[])
{
	struct file_ctx fc;
	hl_rulebase *rb;
	hl_error err;
	size_t len, count, nflags, ncauses, nstrategies;
	char *buf;
	int ch, i, rc, e, stage, quiet = 0, status = EX_OK_, noinput = 0, bad = 0;

	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":hqV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			usage(stdout);
			return fflush(stdout) == 0 && !ferror(stdout) ? EX_OK_ :
			    EX_IOERR_;
		case 'q':
			quiet = 1;
			break;
		case 'V':
			printf(PROG " (libheavylegs) %s\n", hl_version());
			return fflush(stdout) == 0 && !ferror(stdout) ? EX_OK_ :
			    EX_IOERR_;
		default:	/* ':' or '?' */
			return cli_option_error(PROG, ch, argv);
		}
	}
	if (optind == argc) {
		cli_say(PROG, "no rulebase file given (- reads the standard "
		    "input)");
		fprintf(stderr, "Try '" PROG " --help' for more information.\n");
		return EX_USAGE_;
	}
	for (i = optind; i < argc; i++) {
		fc.shown = strcmp(argv[i], "-") == 0 ? "<stdin>" : argv[i];
		fc.quiet = quiet;
		e = 0;
		if ((buf = cli_read_all(argv[i], &len, &stage, &e)) == NULL) {
			if (!quiet)
				cli_say(PROG, "%s: %s", fc.shown, strerror(e));
			if (stage == CLI_READ_MEMORY)
				return EX_SOFTWARE_;
			if (stage == CLI_READ_OPEN)
				noinput = 1;
			else
				status = EX_IOERR_;
			continue;
		}
		count = 0;
		rc = hl_rulebase_lint(buf, len, fc.shown, MAX_ERRORS,
		    print_error, &fc, &count);
		if (rc == HL_ENOMEM) {
			cli_say(PROG, "out of memory");
			free(buf);
			return EX_SOFTWARE_;
		}
		if (rc != HL_OK) {
			bad = 1;
			if (!quiet)
				fprintf(stderr, "%s: %zu error%s%s\n", fc.shown,
				    count, count == 1 ? "" : "s",
				    count > MAX_ERRORS ? " (the first 100 "
				    "shown)" : "");
			free(buf);
			continue;
		}
		memset(&err, 0, sizeof err);
		rb = NULL;
		if (hl_rulebase_load_buffer(buf, len, fc.shown, &rb, &err) !=
		    HL_OK) {
			/* lint and load disagree: report the load's error */
			bad = 1;
			if (!quiet)
				fprintf(stderr, "%s\n", err.message);
			free(buf);
			continue;
		}
		free(buf);
		nflags = hl_rulebase_count(rb, HL_FINDING_RED_FLAG);
		ncauses = hl_rulebase_count(rb, HL_FINDING_CAUSE);
		nstrategies = hl_rulebase_count(rb, HL_FINDING_STRATEGY);
		hl_rulebase_free(rb);
		if (!quiet)
			printf("%s: ok (%zu red flag%s, %zu cause%s, %zu "
			    "strateg%s)\n", fc.shown,
			    nflags, nflags == 1 ? "" : "s",
			    ncauses, ncauses == 1 ? "" : "s",
			    nstrategies, nstrategies == 1 ? "y" : "ies");
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_say(PROG, "write error: %s", strerror(errno));
		return EX_IOERR_;
	}
	if (status != EX_OK_)
		return status;
	if (noinput)
		return EX_NOINPUT_;
	return bad ? EX_CONFIG_ : EX_OK_;
}
