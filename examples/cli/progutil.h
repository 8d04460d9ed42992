/* SPDX-License-Identifier: MIT */
/* progutil.h - what hl-assess and hl-lint share as programs (internal). */
#ifndef HL_CLI_PROGUTIL_H
#define HL_CLI_PROGUTIL_H

#include <stddef.h>

/* Exit statuses, as <sysexits.h> numbers them (not every system has it). */
#define EX_OK_		0
#define EX_USAGE_	64	/* bad command line */
#define EX_DATAERR_	65	/* bad input data */
#define EX_NOINPUT_	66	/* an input file cannot be opened */
#define EX_SOFTWARE_	70	/* internal error: out of memory */
#define EX_IOERR_	74	/* read or write error */
#define EX_CONFIG_	78	/* a rulebase is invalid */

/* Where reading a file stopped. */
#define CLI_READ_OPEN	1	/* cannot be opened, or a directory */
#define CLI_READ_MEMORY	2	/* out of memory */
#define CLI_READ_READ	3	/* a read failed */

/*
 * The whole of path ("-": the standard input), NUL-terminated, its length
 * (without the NUL) in *len; free() it.  NULL when it fails, with *stage
 * (CLI_READ_*) and *errnum (an errno value) set.  Prints nothing.
 */
char *cli_read_all(const char *path, size_t *len, int *stage, int *errnum);

/* The exit status for a read that stopped at stage. */
int cli_read_status(int stage);

/* "prog: message" and a newline on the standard error. */
void cli_say(const char *prog, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Report getopt_long's ':' (an option without its value) or '?' (an
 * unknown option) for prog, as both programs word it; returns EX_USAGE_.
 */
int cli_option_error(const char *prog, int ch, char *const argv[]);

#endif
