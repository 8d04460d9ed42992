/* SPDX-License-Identifier: MIT */
/*
 * runner.h - the readers behind hl-assess: a runner's answers from text
 * (name = value lines), JSON or YAML, one NAME=VALUE assignment, and the
 * batch formats (JSON Lines, CSV).  Internal to the programs.
 *
 * Nothing here prints or exits: every problem goes to the caller's
 * callback, all of them, each naming the field and (for files) the line.
 * The functions return the number of problems found; when it is not 0 the
 * runner must not be assessed.
 */
#ifndef HL_CLI_RUNNER_H
#define HL_CLI_RUNNER_H

#include <stddef.h>

#include "heavylegs.h"

enum {
	CLI_FMT_AUTO = 0,
	CLI_FMT_TEXT,		/* name = value lines */
	CLI_FMT_JSON,		/* one JSON object (also: JSON Lines in a batch) */
	CLI_FMT_YAML,		/* a YAML mapping */
	CLI_FMT_CSV		/* batch only: a header row, then one runner a row */
};

/* One problem: where (line 0: none, e.g. --set) and what. */
struct cli_problem {
	const char *source;	/* file name, "<stdin>", "--set" */
	unsigned long line;	/* 1-based, 0 when there is none */
	unsigned long column;	/* 1-based, 0 when unknown */
	const char *field;	/* input name ("daily_sleep_h[3]"), or "" */
	const char *message;	/* one line, names the field */
};
typedef void (*cli_problem_fn)(const struct cli_problem *p, void *userdata);

/* One runner being read: where its inputs came from, for messages. */
struct cli_runner {
	hl_inputs *in;		/* initialised by the caller */
	const char *source;
	unsigned long line_base;	/* added to every line (batch rows) */
	int	 one_line;	/* a batch row: every mark on its one line */
	cli_problem_fn fn;
	void	*userdata;
	size_t	 problems;	/* problems reported so far */
	unsigned long *line_of;	/* per input (hl_input_describe order) */
	size_t	 ninputs;
	char	 id[128];	/* an "id" key or column, echoed in batch output */
};

/* Set up r for in; 0, or -1 when memory runs out.  Free with cli_runner_done. */
int cli_runner_init(struct cli_runner *r, hl_inputs *in, const char *source,
    cli_problem_fn fn, void *userdata);
void cli_runner_done(struct cli_runner *r);
/*
 * Start again on another runner, a batch row: lines, id, problems cleared.
 * A row is one line of its batch (split on '\n'), so every problem in it is
 * on line line_base + 1, its column counted from the row's start, even
 * where libyaml would see a line break (a lone CR, NEL, U+2028).
 */
void cli_runner_reset(struct cli_runner *r, unsigned long line_base);

/* The format of buf by its first significant character (never AUTO). */
int cli_detect_format(const char *buf, size_t len);
int cli_detect_batch_format(const char *buf, size_t len);

/* Read buf[0..len) in format fmt (AUTO: detected) into r->in. */
size_t cli_parse_runner(struct cli_runner *r, const char *buf, size_t len,
    int fmt);

/* Apply one "name=value" or "name[i]=value" (--set). */
size_t cli_parse_assignment(struct cli_runner *r, const char *assign);

/* Report the problems between inputs (hl_inputs_problem), each at the line
 * where its field was given. */
size_t cli_check_runner(struct cli_runner *r);

/*
 * Set input `name` ("name" or "name[i]") from the text of one value, as a
 * file at line/column gave it; empty text, "-", "unknown" and "null" are
 * unknown.  Reports its own problems.
 */
size_t cli_set_value(struct cli_runner *r, const char *name, size_t namelen,
    const char *val, size_t vallen, unsigned long line, unsigned long column);

/* CSV batches: the header names the columns. */
struct cli_csv {
	size_t	 ncols;
	char	**cols;		/* column names */
};
/* Read the header row; problems go to r (its line_base, source). */
size_t cli_csv_header(struct cli_csv *h, struct cli_runner *r,
    const char *line, size_t len);
/* One data row into r->in. */
size_t cli_csv_row(const struct cli_csv *h, struct cli_runner *r,
    const char *line, size_t len);
void cli_csv_free(struct cli_csv *h);

/* Vocabulary helpers. */
size_t cli_input_count(void);
const hl_input_info *cli_input(size_t i);
const hl_input_info *cli_input_find(const char *name, size_t len, size_t *index);
/* The closest input or derived-metric name to a misspelt one, or NULL. */
const char *cli_suggest(const char *name, size_t len);
/* The same among n candidates (any case is not ignored). */
const char *cli_suggest_among(const char *name, size_t len,
    const char *const *cands, size_t n);

#endif
