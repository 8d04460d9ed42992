/* SPDX-License-Identifier: MIT */
/*
 * fuzz_batchread.c - hl-assess's batch readers (examples/cli/runner.c)
 * over any bytes, split into rows as hl-assess splits them (one runner a
 * line; blank lines and '#' comments skipped; trailing blanks and CR
 * dropped): the format detected, then JSON Lines and CSV forced.  CSV: the
 * first row is the header; a header with problems ends the batch.
 *
 * Every row is read from a buffer of exactly its length.  The checks are
 * those of fuzz_runner (every problem through the callback, counted, on a
 * line of the batch; an accepted row assesses), plus: the id echoed for a
 * row is a terminated string, and the runner state of one row never leaks
 * into the next (a row read twice gives the same count).
 */
#include <stdint.h>

#include "cli_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t
read_row(struct cli_runner *r, struct seen *s, const struct cli_csv *csv,
    const char *row, size_t len, unsigned long lineno, int fmt,
    hl_report **rep)
{
	size_t before = s->n, got;
	hl_inputs in;

	hl_inputs_init(&in, sizeof in);
	r->in = &in;
	cli_runner_reset(r, lineno - 1);
	if (fmt == CLI_FMT_CSV)
		got = cli_csv_row(csv, r, row, len);
	else
		got = cli_parse_runner(r, row, len, CLI_FMT_JSON);
	got += cli_check_runner(r);
	if (got != s->n - before || r->problems != got ||
	    memchr(r->id, '\0', sizeof r->id) == NULL)
		abort();
	if (got == 0)
		assess_accepted(&in, rep);
	r->in = NULL;
	return got;
}

static void
read_batch(const char *buf, size_t len, int fmt)
{
	struct cli_runner r;
	struct cli_csv csv = { 0, NULL };
	struct seen s = { 0, 0 };
	hl_inputs in;
	hl_report *rep = NULL;
	const char *p = buf, *end = buf + len, *eol, *st, *e, *t;
	unsigned long lineno = 0;
	size_t n, got, before;
	char *row;
	int header = 0;

	s.max_line = last_line(buf, len);
	hl_inputs_init(&in, sizeof in);
	if (cli_runner_init(&r, &in, "<batch>", seen_problem, &s) != 0)
		abort();
	if (fmt == CLI_FMT_AUTO)
		fmt = cli_detect_batch_format(buf, len);
	if (fmt != CLI_FMT_JSON && fmt != CLI_FMT_CSV)
		abort();
	while (p < end) {
		lineno++;
		eol = memchr(p, '\n', (size_t)(end - p));
		if (eol == NULL)
			eol = end;
		st = p;
		e = eol;
		p = eol < end ? eol + 1 : end;
		while (e > st && (e[-1] == '\r' || e[-1] == ' ' ||
		    e[-1] == '\t'))
			e--;
		for (t = st; t < e && (*t == ' ' || *t == '\t'); t++)
			;
		if (t == e || *t == '#')
			continue;
		n = (size_t)(e - st);
		if ((row = malloc(n ? n : 1)) == NULL)
			abort();
		memcpy(row, st, n);
		if (fmt == CLI_FMT_CSV && !header) {
			header = 1;
			cli_runner_reset(&r, lineno - 1);
			before = s.n;
			got = cli_csv_header(&csv, &r, row, n);
			free(row);
			if (got != s.n - before || r.problems != got)
				abort();
			if (got != 0)
				break;
			continue;
		}
		got = read_row(&r, &s, &csv, row, n, lineno, fmt, &rep);
		if (read_row(&r, &s, &csv, row, n, lineno, fmt, &rep) != got)
			abort();
		free(row);
	}
	hl_report_free(rep);
	cli_csv_free(&csv);
	cli_runner_done(&r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;

	read_batch(buf, size, CLI_FMT_AUTO);
	read_batch(buf, size, CLI_FMT_JSON);
	read_batch(buf, size, CLI_FMT_CSV);
	return 0;
}
