/* SPDX-License-Identifier: MIT */
/*
 * fuzz_runner.c - hl-assess's runner-file readers (examples/cli/runner.c)
 * over any bytes: the format detected, then each format forced (name =
 * value lines, JSON, YAML), then every line as a --set assignment.
 *
 * Each read must report through the callback only (counted, each problem
 * with a source and a one-line message, no line past the input's last),
 * return the number it reported, and leave a runner that, when no problem
 * was found, the default rulebase assesses.
 */
#include <stdint.h>

#include "cli_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
read_as(const char *buf, size_t len, int fmt, hl_report **rep)
{
	struct cli_runner r;
	struct seen s = { 0, 0 };
	hl_inputs in;
	size_t got, checked;

	s.max_line = last_line(buf, len);
	hl_inputs_init(&in, sizeof in);
	if (cli_runner_init(&r, &in, "<fuzz>", seen_problem, &s) != 0)
		abort();
	got = cli_parse_runner(&r, buf, len, fmt);
	if (got != s.n || r.problems != s.n)
		abort();
	checked = cli_check_runner(&r);
	if (got + checked != s.n || memchr(r.id, '\0', sizeof r.id) == NULL)
		abort();
	if (s.n == 0)
		assess_accepted(&in, rep);
	cli_runner_done(&r);
}

/* Every line (up to 4 KiB) as its own NUL-terminated --set argument. */
static void
assignments(const char *buf, size_t len, hl_report **rep)
{
	struct cli_runner r;
	struct seen s = { 0, 0 };
	hl_inputs in;
	const char *p = buf, *end = buf + len, *eol;
	char *arg;
	size_t n, got, total = 0;

	hl_inputs_init(&in, sizeof in);
	if (cli_runner_init(&r, &in, "--set", seen_problem, &s) != 0)
		abort();
	while (p < end) {
		eol = memchr(p, '\n', (size_t)(end - p));
		if (eol == NULL)
			eol = end;
		n = (size_t)(eol - p);
		if (n <= 4096 && memchr(p, '\0', n) == NULL) {
			if ((arg = malloc(n + 1)) == NULL)
				abort();
			memcpy(arg, p, n);
			arg[n] = '\0';
			got = cli_parse_assignment(&r, arg);
			total += got;
			if (total != s.n)
				abort();
			free(arg);
		}
		p = eol < end ? eol + 1 : end;
	}
	total += cli_check_runner(&r);
	if (total != s.n)
		abort();
	if (s.n == 0)
		assess_accepted(&in, rep);
	cli_runner_done(&r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	hl_report *rep = NULL;
	int fmt;

	fmt = cli_detect_format(buf, size);
	if (fmt != CLI_FMT_TEXT && fmt != CLI_FMT_JSON && fmt != CLI_FMT_YAML)
		abort();
	fmt = cli_detect_batch_format(buf, size);
	if (fmt != CLI_FMT_JSON && fmt != CLI_FMT_CSV)
		abort();
	read_as(buf, size, CLI_FMT_AUTO, &rep);
	read_as(buf, size, CLI_FMT_TEXT, &rep);
	read_as(buf, size, CLI_FMT_JSON, &rep);
	read_as(buf, size, CLI_FMT_YAML, &rep);
	assignments(buf, size, &rep);
	hl_report_free(rep);
	return 0;
}
