/* SPDX-License-Identifier: MIT */
/* hl-lint.c - load rulebase files and report whether each one is valid. */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heavylegs.h"

/* Rule kinds counted per file, in the order they are printed. */
enum { K_FLAGS, K_CAUSES, K_STRATEGIES, K_NONE };

struct scan {
	int	 section;	/* K_* of the top-level key we are under */
	int	 quote;		/* 0, '"' or '\'': inside a quoted scalar */
	int	 flow;		/* depth of [ ] / { } nesting */
	long	 block;		/* >= 0: inside a block scalar indented more */
	size_t	 count[3];
};

static int
blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\0';
}

static int
indicator(int c)
{
	return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

static int
section_of(const char *key, size_t len)
{
	if (len == 9 && memcmp(key, "red_flags", 9) == 0)
		return K_FLAGS;
	if (len == 6 && memcmp(key, "causes", 6) == 0)
		return K_CAUSES;
	if (len == 10 && memcmp(key, "strategies", 10) == 0)
		return K_STRATEGIES;
	return K_NONE;
}

/* A key was read at column col: count rule ids, switch sections. */
static void
on_key(struct scan *sc, const char *key, size_t len, size_t col)
{
	if (col == 0 && sc->flow == 0)
		sc->section = section_of(key, len);
	else if (sc->section != K_NONE && len == 2 && memcmp(key, "id", 2) == 0)
		sc->count[sc->section]++;
}

/* Skip to the end of a quoted scalar; returns the index after it. */
static size_t
skip_quoted(struct scan *sc, const char *s, size_t i)
{
	for (; s[i] != '\0'; i++) {
		if (sc->quote == '"' && s[i] == '\\' && s[i + 1] != '\0')
			i++;
		else if (sc->quote == '\'' && s[i] == '\'' && s[i + 1] == '\'')
			i++;
		else if (s[i] == sc->quote) {
			sc->quote = 0;
			return i + 1;
		}
	}
	return i;
}

/*
 * Scan one line of a rulebase that the library has already accepted, and
 * count the `id` keys under red_flags, causes and strategies: only rules
 * have an `id`.  Enough YAML to skip comments, quoted and block scalars.
 */
static void
scan_line(struct scan *sc, const char *s)
{
	size_t i = 0, ind, start, end, keycol = 0;
	int tokstart = 1, value = 0;

	while (s[i] == ' ')
		i++;
	ind = i;
	if (sc->block >= 0) {
		if (blank(s[i]) || (long)ind > sc->block)
			return;
		sc->block = -1;
	}
	while (s[i] != '\0') {
		if (sc->quote) {
			/* a quoted scalar running on from an earlier line */
			i = skip_quoted(sc, s, i);
			tokstart = 0;
			continue;
		}
		if (s[i] == ' ' || s[i] == '\t') {
			i++;
			continue;
		}
		if (s[i] == '#' && (i == 0 || s[i - 1] == ' ' ||
		    s[i - 1] == '\t'))
			return;
		if (tokstart && (s[i] == '"' || s[i] == '\'')) {
			sc->quote = s[i];
			i++;
			start = i;
			i = skip_quoted(sc, s, i);
			if (sc->quote == 0) {
				end = i - 1;
				while (s[i] == ' ' || s[i] == '\t')
					i++;
				if (s[i] == ':' && (blank(s[i + 1]) ||
				    (sc->flow && indicator(s[i + 1])))) {
					on_key(sc, s + start, end - start,
					    start - 1);
					keycol = start - 1;
					i++;
					value = 1;
					continue;
				}
				tokstart = 0;
			}
			continue;
		}
		if (tokstart && s[i] == '-' && blank(s[i + 1])) {
			i++;
			continue;
		}
		if (tokstart && value && sc->flow == 0 &&
		    (s[i] == '|' || s[i] == '>')) {
			sc->block = (long)keycol;
			return;
		}
		if (s[i] == '[' || s[i] == '{') {
			sc->flow++;
			tokstart = 1;
			value = 0;
			i++;
			continue;
		}
		if (sc->flow && (s[i] == ']' || s[i] == '}' || s[i] == ',')) {
			if (s[i] != ',')
				sc->flow--;
			tokstart = 1;
			value = 0;
			i++;
			continue;
		}
		/* a plain scalar: up to ": ", " #", or a flow indicator */
		start = i;
		while (s[i] != '\0' && !(s[i] == ':' && (blank(s[i + 1]) ||
		    (sc->flow && indicator(s[i + 1])))) &&
		    !(s[i] == '#' && (s[i - 1] == ' ' || s[i - 1] == '\t')) &&
		    !(sc->flow && indicator(s[i])))
			i++;
		end = i;
		while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
			end--;
		if (s[i] == ':') {
			on_key(sc, s + start, end - start, start);
			keycol = start;
			i++;
			tokstart = value = 1;
		} else
			tokstart = 0;
	}
}

static int
count_rules(const char *path, size_t count[3])
{
	struct scan sc;
	FILE *fp;
	char *buf = NULL;
	size_t cap = 0;

	memset(&sc, 0, sizeof sc);
	sc.section = K_NONE;
	sc.block = -1;
	if ((fp = fopen(path, "r")) == NULL)
		return -1;
	while (getline(&buf, &cap, fp) != -1)
		scan_line(&sc, buf);
	free(buf);
	fclose(fp);
	memcpy(count, sc.count, sizeof sc.count);
	return 0;
}

int
main(int argc, char *argv[])
{
	hl_rulebase *rb;
	hl_error err;
	size_t count[3];
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
		hl_rulebase_free(rb);
		if (count_rules(argv[i], count) != 0) {
			fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
			failed = 1;
			continue;
		}
		printf("%s: ok (%zu red flag%s, %zu cause%s, %zu "
		    "strateg%s)\n", argv[i],
		    count[K_FLAGS], count[K_FLAGS] == 1 ? "" : "s",
		    count[K_CAUSES], count[K_CAUSES] == 1 ? "" : "s",
		    count[K_STRATEGIES], count[K_STRATEGIES] == 1 ? "y" : "ies");
	}
	return failed;
}
