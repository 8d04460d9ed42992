/* SPDX-License-Identifier: MIT */
/* check_loader.c - tests of the rulebase loader: malformed and good rulebases, files, limits, allocation failures. */
#include <dirent.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"

#include "alloc.h"
#include "error.h"
#include "expr.h"
#include "heavylegs.h"
#include "loader.h"
#include "rules.h"
#include "vocab.h"
#include "yamltree.h"

#define BAD_DIR		"tests/rulebases/bad"
#define GOOD_DIR	"tests/rulebases/good"
#define FULL		GOOD_DIR "/full.yaml"

/* Read a whole file into an exactly sized buffer (no NUL after it). */
static char *
slurp(const char *path, size_t *len)
{
	FILE *fp;
	char *buf;
	long n;

	fp = fopen(path, "rb");
	ck_assert_msg(fp != NULL, "cannot open %s: %s", path, strerror(errno));
	ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	ck_assert_int_ge(n, 0);
	rewind(fp);
	buf = malloc(n > 0 ? (size_t)n : 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

static int
code_of(const char *name)
{
	static const struct {
		const char *name;
		int code;
	} codes[] = {
		{ "HL_ENOMEM", HL_ENOMEM }, { "HL_EINVAL", HL_EINVAL },
		{ "HL_EIO", HL_EIO }, { "HL_ESYNTAX", HL_ESYNTAX },
		{ "HL_ESCHEMA", HL_ESCHEMA },
		{ "HL_EUNSUPPORTED", HL_EUNSUPPORTED },
	};
	size_t i;

	for (i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (strcmp(codes[i].name, name) == 0)
			return codes[i].code;
	ck_abort_msg("unknown error code name '%s'", name);
	return 0;
}

struct expect {
	int	 code, line, column;
	char	 text[200];
};

/* The first line of a bad case: "# expect: CODE LINE COL substring". */
static void
read_expect(const char *path, const char *buf, size_t len, struct expect *x)
{
	char line[300], code[32];
	size_t n;
	int off = 0;

	for (n = 0; n < len && buf[n] != '\n' && n + 1 < sizeof line; n++)
		line[n] = buf[n];
	line[n] = '\0';
	ck_assert_msg(sscanf(line, "# expect: %31s %d %d %n", code, &x->line,
	    &x->column, &off) == 3 && off > 0,
	    "%s: first line must be '# expect: CODE LINE COL text'", path);
	x->code = code_of(code);
	snprintf(x->text, sizeof x->text, "%s", line + off);
}

/* Everything a load error must hold, given what the case expects. */
static void
check_error(const char *path, const char *file, const hl_error *e,
    const struct expect *x)
{
	char prefix[300], rule[80];

	ck_assert_msg(e->code == x->code, "%s: code %d, expected %d (%s)",
	    path, e->code, x->code, e->message);
	ck_assert_msg(e->line == x->line && e->column == x->column,
	    "%s: at %d:%d, expected %d:%d (%s)", path, e->line, e->column,
	    x->line, x->column, e->message);
	ck_assert_msg(strstr(e->message, x->text) != NULL,
	    "%s: message '%s' lacks '%s'", path, e->message, x->text);
	ck_assert_str_eq(e->file, file);
	snprintf(prefix, sizeof prefix, "%s:%d:%d: ", file, x->line,
	    x->column);
	ck_assert_msg(strncmp(e->message, prefix, strlen(prefix)) == 0,
	    "%s: message '%s' does not start with '%s'", path, e->message,
	    prefix);
	if (e->rule[0] != '\0') {
		snprintf(rule, sizeof rule, "rule %s: ", e->rule);
		ck_assert_msg(strncmp(e->message + strlen(prefix), rule,
		    strlen(rule)) == 0, "%s: message '%s' does not name "
		    "rule %s", path, e->message, e->rule);
	}
}

/* Names of the .yaml files in dir, sorted. */
static size_t
list_cases(const char *dir, char names[][64], size_t max)
{
	DIR *d;
	struct dirent *de;
	size_t n = 0, len, i, j;
	char tmp[64];

	d = opendir(dir);
	ck_assert_msg(d != NULL, "cannot open %s (tests run from the top "
	    "directory)", dir);
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len < 6 || len >= 64 ||
		    strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		ck_assert_uint_lt(n, max);
		memcpy(names[n++], de->d_name, len + 1);
	}
	closedir(d);
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			memcpy(tmp, names[j], 64);
			memcpy(names[j], names[j - 1], 64);
			memcpy(names[j - 1], tmp, 64);
		}
	return n;
}

/*
 * Every malformed rulebase fails with the code, position and message its
 * first line expects: read as a file, and as a buffer without a NUL.
 */
START_TEST(bad_rulebases)
{
	static char names[256][64];
	char path[300];
	struct expect x;
	hl_rulebase *rb;
	hl_error e;
	size_t n, i, len;
	char *buf;
	int rc;

	n = list_cases(BAD_DIR, names, 256);
	ck_assert_uint_ge(n, 30);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%s", BAD_DIR, names[i]);
		buf = slurp(path, &len);
		read_expect(path, buf, len, &x);

		memset(&e, 0, sizeof e);
		rb = (hl_rulebase *)&e;
		rc = hl_rulebase_load_file(path, &rb, &e);
		ck_assert_msg(rc == x.code, "%s: returned %d", path, rc);
		ck_assert_ptr_null(rb);
		check_error(path, path, &e, &x);

		memset(&e, 0, sizeof e);
		e.size = sizeof e;
		rc = hl_rulebase_load_buffer(buf, len, names[i], &rb, &e);
		ck_assert_msg(rc == x.code, "%s: buffer returned %d", path,
		    rc);
		ck_assert_ptr_null(rb);
		check_error(path, names[i], &e, &x);
		ck_assert_uint_eq(e.size, sizeof e);
		free(buf);
	}
}
END_TEST

/* Each rule is evaluated after every rule its conditions read. */
static void
check_order(const struct hl_rulebase *rb)
{
	size_t *pos, i, j, k, r, d, n;
	const uint32_t *ref;
	const struct hl__cond *c[4096];
	size_t nc;

	if (rb->nrules == 0)
		return;
	ck_assert_ptr_nonnull(rb->order);
	pos = calloc(rb->nrules, sizeof *pos);
	ck_assert_ptr_nonnull(pos);
	for (i = 0; i < rb->nrules; i++)
		pos[i] = (size_t)-1;
	for (i = 0; i < rb->nrules; i++) {
		ck_assert_uint_lt(rb->order[i], rb->nrules);
		ck_assert_uint_eq(pos[rb->order[i]], (size_t)-1);
		pos[rb->order[i]] = i;
	}
	for (r = 0; r < rb->nrules; r++) {
		nc = 0;
		if (r < rb->nflags) {
			for (i = 0; i < rb->flags[r].nlevels; i++)
				c[nc++] = &rb->flags[r].levels[i].when;
		} else {
			const struct hl__cause *cs = &rb->causes[r - rb->nflags];

			for (i = 0; i < cs->nitems; i++) {
				for (j = 0; j < cs->items[i].nbands; j++)
					c[nc++] = &cs->items[i].bands[j].when;
				c[nc++] = &cs->items[i].applies;
			}
			for (i = 0; i < cs->nlowers; i++)
				c[nc++] = &cs->lowers[i].when;
		}
		ck_assert_uint_le(nc, 4096);
		for (k = 0; k < nc; k++) {
			if (c[k]->expr == NULL)
				continue;
			n = hl__expr_nrefs(c[k]->expr);
			ref = hl__expr_refs(c[k]->expr);
			for (i = 0; i < n; i++) {
				if (ref[i] < HL__RULE_BASE ||
				    ref[i] >= HL__RULE_BASE + rb->nrules)
					continue;
				d = ref[i] - HL__RULE_BASE;
				ck_assert_msg(pos[d] < pos[r], "rule %zu is "
				    "evaluated before rule %zu it reads", r, d);
			}
		}
	}
	free(pos);
}

static hl_rulebase *
load_good(const char *path)
{
	hl_rulebase *rb = NULL;
	hl_error e;
	int rc;

	memset(&e, 0, sizeof e);
	rc = hl_rulebase_load_file(path, &rb, &e);
	ck_assert_msg(rc == HL_OK, "%s: %s", path, e.message);
	ck_assert_ptr_nonnull(rb);
	ck_assert_int_eq(e.code, 0);
	ck_assert_str_eq(e.message, "");
	check_order(rb);
	ck_assert_uint_eq(rb->nrules, rb->nflags + rb->ncauses);
	ck_assert_uint_eq(rb->nslots, HL__RULE_BASE + rb->nrules + 1);
	return rb;
}

START_TEST(good_rulebases_load)
{
	static char names[64][64];
	char path[300];
	size_t n, i;

	n = list_cases(GOOD_DIR, names, 64);
	ck_assert_uint_ge(n, 3);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%s", GOOD_DIR, names[i]);
		hl_rulebase_free(load_good(path));
	}
}
END_TEST

#define ck_assert_dbl_is(a, b)	ck_assert_double_eq_tol((a), (b), 1e-12)

START_TEST(good_full_model)
{
	hl_rulebase *rb = load_good(FULL);
	const struct hl__flag *f;
	const struct hl__cause *c;
	const struct hl__item *it;
	const struct hl__strategy *s;

	ck_assert_str_eq(hl_rulebase_name(rb), "full");
	ck_assert_str_eq(hl_rulebase_version(rb), "2026.11");
	ck_assert_uint_eq(hl_rulebase_count(rb, HL_FINDING_RED_FLAG),
	    rb->nflags);
	ck_assert_uint_eq(hl_rulebase_count(rb, HL_FINDING_CAUSE),
	    rb->ncauses);
	ck_assert_uint_eq(hl_rulebase_count(rb, HL_FINDING_STRATEGY),
	    rb->nstrategies);
	ck_assert_uint_eq(hl_rulebase_count(rb, 0), 0);
	ck_assert_uint_eq(hl_rulebase_count(rb, 4), 0);
	ck_assert_str_eq(rb->file, FULL);
	ck_assert_int_eq(rb->format, 1);
	ck_assert_int_eq(rb->suppress_at, 2);
	ck_assert_str_eq(rb->disclaimer,
	    "Informs, does not diagnose. See a clinician when in doubt.");
	ck_assert_uint_eq(rb->nsources, 3);
	ck_assert_str_eq(rb->sources[1].id, "walsh2021");
	ck_assert_str_eq(rb->sources[1].text,
	    "Walsh NP, et al. Sleep and the athlete. Br J Sports Med, 2021.");
	ck_assert_str_eq(rb->sources[2].text,
	    "A source written as a plain scalar");
	ck_assert_uint_eq(rb->nflags, 2);
	ck_assert_uint_eq(rb->ncauses, 3);
	ck_assert_uint_eq(rb->nstrategies, 3);
	ck_assert_uint_eq(rb->nrules, 5);

	/* red flags */
	f = &rb->flags[0];
	ck_assert_str_eq(f->id, "rf_worse_with_load");
	ck_assert_str_eq(f->title, "Heaviness with a load spike and swelling");
	ck_assert_uint_eq(f->nlevels, 2);
	ck_assert_int_eq(f->levels[0].urgency, 3);
	ck_assert_int_eq(f->levels[1].urgency, 1);
	ck_assert_ptr_nonnull(f->levels[0].when.expr);
	ck_assert_uint_eq(f->nsources, 1);
	ck_assert_ptr_eq(f->sources[0], rb->sources[0].id);
	ck_assert_ptr_nonnull(f->advice.src);
	f = &rb->flags[1];
	ck_assert_str_eq(f->id, "rf_dvt");
	ck_assert_str_eq(f->levels[1].when.src,
	    "recent_travel_or_immobility and\nvte_risk_factors\n");
	ck_assert_int_eq(f->levels[1].when.line, 30);
	ck_assert_int_eq(f->levels[1].when.column, 15);
	ck_assert_int_eq(f->levels[1].urgency, 2);
	ck_assert_ptr_null(f->advice.src);
	ck_assert_uint_eq(f->nsources, 0);

	/* causes */
	c = &rb->causes[0];
	ck_assert_str_eq(c->id, "load_spike");
	ck_assert_int_eq(c->line, 36);
	ck_assert_int_eq(c->column, 5);
	ck_assert_dbl_is(c->leak, 0.05);
	ck_assert_str_eq(c->advice.src,
	    "Keep this week's load near {chronic_km_wk:.1f} km.");
	ck_assert_uint_eq(c->nsources, 2);
	ck_assert_str_eq(c->sources[1], "plain_source");
	ck_assert_uint_eq(c->nitems, 3);
	it = &c->items[0];
	ck_assert_int_eq(it->grouped, 0);
	ck_assert_uint_eq(it->nbands, 1);
	ck_assert_dbl_is(it->bands[0].weight, 0.45);
	ck_assert_dbl_is(it->top_weight, 0.45);
	ck_assert_str_eq(it->bands[0].when.src, "acwr >= 1.5");
	ck_assert_int_eq(it->bands[0].when.line, 41);
	ck_assert_int_eq(it->bands[0].when.column, 15);
	ck_assert_int_eq(it->line, 41);
	ck_assert_int_eq(it->column, 9);
	ck_assert_str_eq(it->bands[0].explain.src,
	    "this week's load is {acwr:.1f}x your 4-week average");
	ck_assert_ptr_null(it->applies.expr);
	ck_assert_uint_eq(it->nsources, 1);
	ck_assert_str_eq(it->sources[0], "gabbett2016");
	it = &c->items[1];
	ck_assert_int_eq(it->grouped, 1);
	ck_assert_uint_eq(it->nbands, 2);
	ck_assert_dbl_is(it->bands[0].weight, 0.45);
	ck_assert_dbl_is(it->bands[1].weight, 0.30);
	ck_assert_dbl_is(it->top_weight, 0.45);
	ck_assert_str_eq(it->bands[0].explain.src, "a run {{much}} longer");
	ck_assert_ptr_null(it->bands[1].explain.src);
	it = &c->items[2];
	ck_assert_ptr_nonnull(it->applies.expr);
	ck_assert_str_eq(it->applies.src, "known(daily_distance_km[7])");
	ck_assert_uint_eq(c->nlowers, 2);
	ck_assert_dbl_is(c->lowers[0].by, 0.6);
	ck_assert_dbl_is(c->lowers[1].by, 0);
	ck_assert_str_eq(c->lowers[1].when.src,
	    "known(wow_change_pct) and wow_change_pct <= 10");

	c = &rb->causes[1];
	ck_assert_str_eq(c->id, "poor_sleep");
	ck_assert_str_eq(c->title,
	    "Short sleep, slow recovery \xe2\x80\x94 and a second line");
	ck_assert_dbl_is(c->leak, 0);
	ck_assert_dbl_is(c->items[0].bands[0].weight, 1);
	ck_assert_dbl_is(c->items[1].top_weight, 0.4);
	ck_assert_ptr_nonnull(c->items[1].applies.expr);
	ck_assert_str_eq(c->items[1].sources[0], "walsh2021");
	ck_assert_ptr_null(c->advice.src);

	c = &rb->causes[2];
	ck_assert_str_eq(c->id, "nothing_known");
	ck_assert_uint_eq(c->nitems, 0);
	ck_assert_uint_eq(c->nlowers, 0);
	ck_assert_dbl_is(c->leak, 0.1);

	/* strategies */
	s = &rb->strategies[0];
	ck_assert_str_eq(s->id, "see_doctor");
	ck_assert_uint_eq(s->naddresses, 0);
	ck_assert_ptr_nonnull(s->when.expr);
	ck_assert_int_eq(s->safety, 1);
	ck_assert_dbl_is(s->min_score, HL__DEFAULT_MIN_SCORE);
	s = &rb->strategies[1];
	ck_assert_uint_eq(s->naddresses, 1);
	ck_assert_uint_eq(s->addresses[0], rb->nflags + 0);
	ck_assert_ptr_null(s->when.expr);
	ck_assert_int_eq(s->safety, 0);
	ck_assert_str_eq(s->advice.src, "Add no more than {chronic_km_wk:.0f} "
	    "km a week.\nKeep one rest day.\n");
	s = &rb->strategies[2];
	ck_assert_uint_eq(s->naddresses, 2);
	ck_assert_uint_eq(s->addresses[0], rb->nflags + 1);
	ck_assert_uint_eq(s->addresses[1], rb->nflags + 0);
	ck_assert_dbl_is(s->min_score, 0.5);
	ck_assert_ptr_nonnull(s->when.expr);

	/*
	 * The free red flag first, then load_spike before the flag and the
	 * cause that read it, then file order.
	 */
	ck_assert_uint_eq(rb->order[0], 1);
	ck_assert_uint_eq(rb->order[1], 2);
	ck_assert_uint_eq(rb->order[2], 0);
	ck_assert_uint_eq(rb->order[3], 3);
	ck_assert_uint_eq(rb->order[4], 4);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(good_minimal_defaults)
{
	hl_rulebase *rb = load_good(GOOD_DIR "/minimal.yaml");

	ck_assert_str_eq(hl_rulebase_name(rb), "minimal");
	ck_assert_str_eq(hl_rulebase_version(rb), "");
	ck_assert_str_eq(rb->disclaimer, HL__DEFAULT_DISCLAIMER);
	ck_assert_int_eq(rb->suppress_at, HL__DEFAULT_SUPPRESS_AT);
	ck_assert_uint_eq(rb->nrules, 0);
	ck_assert_uint_eq(rb->nstrategies, 0);
	ck_assert_uint_eq(rb->nsources, 0);
	ck_assert_uint_eq(rb->nslots, HL__RULE_BASE + 1);
	hl_rulebase_free(rb);
}
END_TEST

/* f1 reads c2, c2 reads c3, c3 reads f2 and c1: the lowest free rule first. */
START_TEST(good_order)
{
	hl_rulebase *rb = load_good(GOOD_DIR "/order.yaml");
	static const char *want[] = { "f2", "c1", "c3", "c2", "f1" };
	size_t i, r;

	ck_assert_uint_eq(rb->nrules, 5);
	for (i = 0; i < 5; i++) {
		r = rb->order[i];
		ck_assert_str_eq(r < rb->nflags ? rb->flags[r].id :
		    rb->causes[r - rb->nflags].id, want[i]);
	}
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(default_rulebase)
{
	hl_rulebase *rb = NULL;
	hl_error e;
	int rc;

	memset(&e, 0, sizeof e);
	rc = hl_rulebase_load_default(&rb, &e);
	ck_assert_msg(rc == HL_OK, "the built-in rulebase: %s", e.message);
	ck_assert_ptr_nonnull(rb);
	ck_assert_str_eq(rb->file, "heavylegs.yaml");
	ck_assert_ptr_nonnull(hl_rulebase_name(rb));
	ck_assert_ptr_nonnull(hl_rulebase_version(rb));
	ck_assert_uint_gt(rb->nflags, 0);
	ck_assert_uint_gt(rb->ncauses, 0);
	ck_assert_uint_gt(rb->nstrategies, 0);
	check_order(rb);
	hl_rulebase_free(rb);

	/* the same text from the file it was built from */
	rb = load_good("rules/heavylegs.yaml");
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(file_errors)
{
	hl_rulebase *rb = (hl_rulebase *)&rb;
	hl_error e;
	const char *missing = "tests/rulebases/no-such-file.yaml";

	memset(&e, 0, sizeof e);
	ck_assert_int_eq(hl_rulebase_load_file(missing, &rb, &e), HL_EIO);
	ck_assert_ptr_null(rb);
	ck_assert_int_eq(e.code, HL_EIO);
	ck_assert_str_eq(e.file, missing);
	ck_assert_int_eq(e.line, 0);
	ck_assert_ptr_nonnull(strstr(e.message, missing));
	ck_assert_ptr_nonnull(strstr(e.message, "no such file"));

	memset(&e, 0, sizeof e);
	ck_assert_int_eq(hl_rulebase_load_file(GOOD_DIR, &rb, &e), HL_EIO);
	ck_assert_ptr_null(rb);
	ck_assert_str_eq(e.file, GOOD_DIR);
	ck_assert_ptr_nonnull(strstr(e.message, GOOD_DIR));
	ck_assert_ptr_nonnull(strstr(e.message, "directory"));

	/* no hl_error at all */
	ck_assert_int_eq(hl_rulebase_load_file(missing, &rb, NULL), HL_EIO);
	ck_assert_ptr_null(rb);
}
END_TEST

/* Load path, fail with HL_EIO, and the message names path and why. */
static void
io_fails(const char *path, const char *why)
{
	hl_rulebase *rb = (hl_rulebase *)&rb;
	hl_error e;

	memset(&e, 0, sizeof e);
	ck_assert_int_eq(hl_rulebase_load_file(path, &rb, &e), HL_EIO);
	ck_assert_ptr_null(rb);
	ck_assert_int_eq(e.code, HL_EIO);
	/* the name as far as hl_error's field holds it */
	ck_assert_uint_gt(strlen(e.file), 0);
	ck_assert_int_eq(strncmp(e.file, path, strlen(e.file)), 0);
	ck_assert_msg(strstr(e.message, why) != NULL, "%s: '%s' lacks '%s'",
	    path, e.message, why);
}

/*
 * Each way a path can fail has its own words, never strerror's (which
 * depends on the locale and is not thread-safe).
 */
START_TEST(file_error_kinds)
{
	char dir[] = "/tmp/hl-io-XXXXXX", path[512], file[64], sock[64];
	struct sockaddr_un sa;
	struct rlimit rl;
	FILE *fp;
	size_t i;
	int fd;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(file, sizeof file, "%s/file", dir);
	fp = fopen(file, "w");
	ck_assert_ptr_nonnull(fp);
	fputs("heavylegs: 1\n", fp);
	fclose(fp);

	snprintf(path, sizeof path, "%s/x", file);
	io_fails(path, "a component of the path is not a directory");

	snprintf(path, sizeof path, "%s/", dir);
	for (i = strlen(path); i < 300; i++)
		path[i] = 'a';
	path[i] = '\0';
	io_fails(path, "file name too long");
	{
		/* a path too long for the message loses its start, not why */
		hl_rulebase *rb = NULL;
		hl_error e;

		memset(&e, 0, sizeof e);
		hl_rulebase_load_file(path, &rb, &e);
		ck_assert_int_eq(strncmp(e.message, "...", 3), 0);
		ck_assert_ptr_nonnull(strstr(e.message, "aaaa: cannot open "
		    "rulebase: file name too long"));
	}

	snprintf(path, sizeof path, "%s/loop", dir);
	ck_assert_int_eq(symlink(path, path), 0);
	io_fails(path, "too many levels of symbolic links");
	unlink(path);

	/* a socket in the file system: open gives ENXIO */
	snprintf(sock, sizeof sock, "%s/sock", dir);
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	snprintf(sa.sun_path, sizeof sa.sun_path, "%s", sock);
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
	io_fails(sock, "no such device");
	close(fd);
	unlink(sock);

	/* permissions mean nothing to root */
	if (geteuid() != 0) {
		ck_assert_int_eq(chmod(file, 0), 0);
		io_fails(file, "permission denied");
		ck_assert_int_eq(chmod(file, 0644), 0);
	}

	/* no descriptor left: only where the limit can be lowered and put back */
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0) {
		struct rlimit low = rl;

		low.rlim_cur = 0;
		if (setrlimit(RLIMIT_NOFILE, &low) == 0) {
			hl_rulebase *rb = (hl_rulebase *)&rb;
			hl_error e;
			int rc;

			memset(&e, 0, sizeof e);
			rc = hl_rulebase_load_file(file, &rb, &e);
			ck_assert_int_eq(setrlimit(RLIMIT_NOFILE, &rl), 0);
			ck_assert_int_eq(rc, HL_EIO);
			ck_assert_ptr_null(rb);
			ck_assert_msg(strstr(e.message, "too many open files") !=
			    NULL, "%s", e.message);
		}
	}

	/* and the file itself still loads as far as its text allows */
	{
		hl_rulebase *rb = NULL;
		hl_error e;

		ck_assert_int_ne(hl_rulebase_load_file(file, &rb, &e), HL_EIO);
		hl_rulebase_free(rb);
	}
	unlink(file);
	ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

START_TEST(null_arguments)
{
	hl_rulebase *rb = (hl_rulebase *)&rb;
	hl_error e;

	memset(&e, 0, sizeof e);
	ck_assert_int_eq(hl_rulebase_load_buffer("heavylegs: 1\n", 13, NULL,
	    NULL, &e), HL_EINVAL);
	ck_assert_int_eq(e.code, HL_EINVAL);
	ck_assert_str_ne(e.message, "");
	ck_assert_int_eq(hl_rulebase_load_buffer(NULL, 5, NULL, &rb, &e),
	    HL_EINVAL);
	ck_assert_ptr_null(rb);
	ck_assert_int_eq(hl_rulebase_load_file(NULL, &rb, &e), HL_EINVAL);
	ck_assert_int_eq(hl_rulebase_load_file(FULL, NULL, &e), HL_EINVAL);
	ck_assert_int_eq(hl_rulebase_load_default(NULL, &e), HL_EINVAL);
	ck_assert_int_eq(hl_rulebase_load_default(NULL, NULL), HL_EINVAL);
	ck_assert_ptr_null(hl_rulebase_name(NULL));
	ck_assert_ptr_null(hl_rulebase_version(NULL));
	ck_assert_uint_eq(hl_rulebase_count(NULL, HL_FINDING_CAUSE), 0);
	hl_rulebase_free(NULL);

	/* NULL text of length 0 is the empty document */
	memset(&e, 0, sizeof e);
	ck_assert_int_eq(hl_rulebase_load_buffer(NULL, 0, NULL, &rb, &e),
	    HL_ESCHEMA);
	ck_assert_str_eq(e.file, "<buffer>");
	ck_assert_str_eq(e.name, "heavylegs");
	ck_assert_ptr_nonnull(strstr(e.message, "missing key 'heavylegs'"));
}
END_TEST

START_TEST(buffer_without_nul)
{
	static const char text[] = "heavylegs: 1\nname: nul\ncauses: []\n"
	    "XXXX";
	hl_rulebase *rb = NULL;
	hl_error e;
	char *buf;
	size_t len;

	/* only the first len bytes count: what follows is never read */
	memset(&e, 0, sizeof e);
	ck_assert_int_eq(hl_rulebase_load_buffer(text, sizeof text - 5,
	    "nul", &rb, &e), HL_OK);
	ck_assert_str_eq(hl_rulebase_name(rb), "nul");
	hl_rulebase_free(rb);

	buf = slurp(FULL, &len);
	ck_assert_int_eq(hl_rulebase_load_buffer(buf, len, NULL, &rb, &e),
	    HL_OK);
	ck_assert_str_eq(rb->file, "<buffer>");
	ck_assert_uint_eq(rb->ncauses, 3);
	hl_rulebase_free(rb);
	free(buf);

	/* the empty buffer is the empty document */
	ck_assert_int_eq(hl_rulebase_load_buffer("", 0, "empty", &rb, &e),
	    HL_ESCHEMA);
	ck_assert_ptr_null(rb);
	ck_assert_str_eq(e.message,
	    "empty:1:1: missing key 'heavylegs' (the rule format version, 1)");
}
END_TEST

/* hl_error: size 0 is version 1; an earlier error is cleared on entry. */
START_TEST(error_struct)
{
	hl_rulebase *rb;
	hl_error e;
	static const char bad[] = "heavylegs: 1\nname: x\nfoo: 1\n";

	memset(&e, 0, sizeof e);
	ck_assert_int_eq(hl_rulebase_load_buffer(bad, sizeof bad - 1, "b.yaml",
	    &rb, &e), HL_ESCHEMA);
	ck_assert_int_eq(e.line, 3);
	ck_assert_int_eq(e.column, 1);
	ck_assert_int_eq(e.count, 1);
	ck_assert_str_eq(e.name, "foo");
	ck_assert_str_eq(e.rule, "");
	ck_assert_str_eq(e.message,
	    "b.yaml:3:1: unknown key 'foo' in the rulebase");

	/* a good load clears what was there */
	ck_assert_int_eq(hl_rulebase_load_file(FULL, &rb, &e), HL_OK);
	ck_assert_int_eq(e.code, 0);
	ck_assert_int_eq(e.line, 0);
	ck_assert_str_eq(e.message, "");
	ck_assert_str_eq(e.name, "");
	hl_rulebase_free(rb);
}
END_TEST

/* Positions are bytes, after a byte order mark, with CR LF line ends. */
START_TEST(positions)
{
	static const char bom[] = "\xef\xbb\xbfheavylegs: 1\nname: x\nfoo: 1\n";
	static const char crlf[] = "heavylegs: 1\r\nname: x\r\ncauses:\r\n"
	    "  - id: c1\r\n    title: C\r\n    evidence:\r\n"
	    "      - { when: thirsty and nope, weight: 0.2 }\r\n";
	static const char utf8[] = "heavylegs: 1\nname: x\ncauses:\n"
	    "  - { id: c1, title: \xc3\xa9\xc3\xa9, evidence: [{ when: "
	    "nope == 1, weight: 1 }] }\n";
	static const char folded[] = "heavylegs: 1\nname: x\ncauses:\n"
	    "  - id: c1\n    title: C\n    evidence:\n"
	    "      - when: thirsty and\n          nope\n        weight: 1\n";
	hl_rulebase *rb;
	hl_error e;

	memset(&e, 0, sizeof e);
	ck_assert_int_eq(hl_rulebase_load_buffer(bom, sizeof bom - 1, NULL,
	    &rb, &e), HL_ESCHEMA);
	ck_assert_int_eq(e.line, 3);
	ck_assert_int_eq(e.column, 1);

	ck_assert_int_eq(hl_rulebase_load_buffer(crlf, sizeof crlf - 1, NULL,
	    &rb, &e), HL_ESCHEMA);
	ck_assert_int_eq(e.line, 7);
	ck_assert_int_eq(e.column, 29);
	ck_assert_str_eq(e.rule, "c1");
	ck_assert_str_eq(e.name, "nope");

	/* the two-byte letters count two columns each */
	ck_assert_int_ne(hl_rulebase_load_buffer(utf8, sizeof utf8 - 1, NULL,
	    &rb, &e), HL_OK);
	ck_assert_int_eq(e.line, 4);
	ck_assert_int_eq(e.column, 47);

	/* a condition over two lines: the scalar's start */
	ck_assert_int_eq(hl_rulebase_load_buffer(folded, sizeof folded - 1,
	    NULL, &rb, &e), HL_ESCHEMA);
	ck_assert_int_eq(e.line, 7);
	ck_assert_int_eq(e.column, 15);
	ck_assert_str_eq(e.name, "nope");
}
END_TEST

/*
 * "\0" in a double-quoted scalar is refused where it stands: the value,
 * a key or a source id would otherwise be read past its copy, which stops
 * at the NUL.
 */
START_TEST(nul_in_scalar)
{
	static const char cond[] = "heavylegs: 1\nname: x\nred_flags:\n"
	    "  - id: a\n    title: t\n    levels:\n"
	    "      - when: \"thirsty\\0 and thirsty and thirsty and thirsty\"\n"
	    "        urgency: 1\n";
	static const char key[] = "heavylegs: 1\n"
	    "\"name\\0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\": x\n";
	static const char title[] = "heavylegs: 1\nname: \"x\\0y\"\n";
	hl_rulebase *rb;
	hl_error e;

	memset(&e, 0, sizeof e);
	ck_assert_int_eq(hl_rulebase_load_buffer(cond, sizeof cond - 1, "n",
	    &rb, &e), HL_ESCHEMA);
	ck_assert_ptr_null(rb);
	ck_assert_int_eq(e.line, 7);
	ck_assert_int_eq(e.column, 15);
	ck_assert_str_eq(e.message,
	    "n:7:15: a scalar cannot contain a NUL character (\\0)");

	ck_assert_int_eq(hl_rulebase_load_buffer(key, sizeof key - 1, "n",
	    &rb, &e), HL_ESCHEMA);
	ck_assert_int_eq(e.line, 2);
	ck_assert_int_eq(e.column, 1);

	ck_assert_int_eq(hl_rulebase_load_buffer(title, sizeof title - 1, "n",
	    &rb, &e), HL_ESCHEMA);
	ck_assert_int_eq(e.line, 2);
	ck_assert_int_eq(e.column, 7);
	ck_assert_ptr_nonnull(strstr(e.message, "NUL character"));
}
END_TEST

/* Whether s is whole UTF-8 sequences only. */
static int
utf8_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, n;

	while (*p != '\0') {
		n = *p < 0x80 ? 1 : (*p & 0xe0) == 0xc0 ? 2 :
		    (*p & 0xf0) == 0xe0 ? 3 : (*p & 0xf8) == 0xf0 ? 4 : 0;
		if (n == 0)
			return 0;
		for (i = 1; i < n; i++)
			if ((p[i] & 0xc0) != 0x80)
				return 0;
		p += n;
	}
	return 1;
}

/* Rulebase text cut short in a message or a name is cut between characters. */
START_TEST(messages_stay_utf8)
{
	/* each document is where[i][0], the word, then where[i][1] */
	static const char *const where[][2] = {
		{ "heavylegs: 1\nname: x\n", ": 1\n" },
		{ "heavylegs: 1\nname: x\nsuppress_at: ", "\n" },
		{ "heavylegs: 1\nname: x\nsources:\n  a: x\ncauses:\n"
		    "  - id: c\n    title: t\n    sources: [", "]\n" },
	};
	char word[128], doc[512];
	hl_rulebase *rb;
	hl_error e;
	size_t i, j, lead;

	memset(&e, 0, sizeof e);
	for (lead = 1; lead <= 2; lead++) {
		/* "a" or "aa", then 40 two-byte letters */
		memset(word, 'a', lead);
		for (j = 0; j < 40; j++)
			memcpy(word + lead + 2 * j, "\xc3\xa9", 2);
		word[lead + 80] = '\0';
		for (i = 0; i < sizeof where / sizeof where[0]; i++) {
			snprintf(doc, sizeof doc, "%s%s%s", where[i][0], word,
			    where[i][1]);
			ck_assert_int_eq(hl_rulebase_load_buffer(doc,
			    strlen(doc), "u", &rb, &e), HL_ESCHEMA);
			ck_assert_msg(utf8_valid(e.message),
			    "case %zu/%zu: message '%s'", lead, i, e.message);
			ck_assert_msg(utf8_valid(e.name),
			    "case %zu/%zu: name '%s'", lead, i, e.name);
			ck_assert_ptr_nonnull(strstr(e.message, "a\xc3\xa9"));
		}
	}
}
END_TEST

START_TEST(document_limits)
{
	hl_rulebase *rb;
	hl_error e;
	char *buf;
	size_t len, i;

	memset(&e, 0, sizeof e);
	/* too large */
	len = HL__YAML_MAX_BYTES + 1;
	buf = malloc(len);
	ck_assert_ptr_nonnull(buf);
	memset(buf, ' ', len);
	ck_assert_int_eq(hl_rulebase_load_buffer(buf, len, NULL, &rb, &e),
	    HL_ESCHEMA);
	ck_assert_ptr_nonnull(strstr(e.message, "document limit"));
	free(buf);

	/* too many nodes */
	len = 5 + 2 * (HL__YAML_MAX_NODES + 1) + 2;
	buf = malloc(len);
	ck_assert_ptr_nonnull(buf);
	memcpy(buf, "x: [", 4);
	for (i = 0; i <= HL__YAML_MAX_NODES; i++)
		memcpy(buf + 4 + 2 * i, "1,", 2);
	memcpy(buf + 4 + 2 * i, "1]\n", 3);
	len = 4 + 2 * i + 3;
	ck_assert_int_eq(hl_rulebase_load_buffer(buf, len, NULL, &rb, &e),
	    HL_ESCHEMA);
	ck_assert_ptr_nonnull(strstr(e.message, "document limit: more than"));
	free(buf);
}
END_TEST

/* Fail the n-th allocation for n = 0, 1, ...: ENOMEM, nothing leaks. */
static void
alloc_loop(const char *path, int want)
{
	hl_rulebase *rb;
	hl_error e;
	char *buf;
	size_t len;
	long n;
	int rc;

	memset(&e, 0, sizeof e);
	buf = slurp(path, &len);
	for (n = 0; n < 100000; n++) {
		rb = NULL;
		hl__alloc_fail_after(n);
		rc = hl_rulebase_load_buffer(buf, len, path, &rb, &e);
		hl__alloc_fail_after(-1);
		if (rc != HL_ENOMEM)
			break;
		ck_assert_ptr_null(rb);
		ck_assert_int_eq(e.code, HL_ENOMEM);
	}
	ck_assert_msg(rc == want, "%s after %ld allocations: %d (%s)", path, n,
	    rc, e.message);
	ck_assert_int_gt(n, 0);
	hl_rulebase_free(rb);
	free(buf);

	/* the file path too */
	for (n = 0; n < 100000; n++) {
		rb = NULL;
		hl__alloc_fail_after(n);
		rc = hl_rulebase_load_file(path, &rb, &e);
		hl__alloc_fail_after(-1);
		if (rc != HL_ENOMEM)
			break;
		ck_assert_ptr_null(rb);
	}
	ck_assert_int_eq(rc, want);
	hl_rulebase_free(rb);
}

START_TEST(alloc_failures)
{
	alloc_loop(FULL, HL_OK);
	alloc_loop(GOOD_DIR "/order.yaml", HL_OK);
	alloc_loop(BAD_DIR "/fired_cycle.yaml", HL_ESCHEMA);
	alloc_loop(BAD_DIR "/unknown_source.yaml", HL_ESCHEMA);
	alloc_loop(BAD_DIR "/strategy_unknown_cause.yaml", HL_ESCHEMA);
}
END_TEST

/* A comma-decimal locale changes nothing. */
START_TEST(locale_independent)
{
	hl_rulebase *a, *b;
	size_t i, j, k;

	a = load_good(FULL);
	if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL)
		ck_abort_msg("locale de_DE.UTF-8 is missing: run `make deps` "
		    "(it installs locales and generates de_DE.UTF-8)");
	b = load_good(FULL);
	setlocale(LC_ALL, "C");
	ck_assert_uint_eq(a->ncauses, b->ncauses);
	for (i = 0; i < a->ncauses; i++) {
		ck_assert(a->causes[i].leak == b->causes[i].leak);
		ck_assert_uint_eq(a->causes[i].nitems, b->causes[i].nitems);
		for (j = 0; j < a->causes[i].nitems; j++)
			for (k = 0; k < a->causes[i].items[j].nbands; k++)
				ck_assert(a->causes[i].items[j].bands[k].weight ==
				    b->causes[i].items[j].bands[k].weight);
		for (j = 0; j < a->causes[i].nlowers; j++)
			ck_assert(a->causes[i].lowers[j].by ==
			    b->causes[i].lowers[j].by);
	}
	for (i = 0; i < a->nstrategies; i++)
		ck_assert(a->strategies[i].min_score ==
		    b->strategies[i].min_score);
	ck_assert(b->causes[0].leak == 0.05);
	ck_assert(b->causes[0].items[1].bands[1].weight == 0.30);
	hl_rulebase_free(a);
	hl_rulebase_free(b);
}
END_TEST

/* ---- bytes from callers in hl_error ---- */

/* RFC 3629 UTF-8 with no control character at all (C0, DEL, C1). */
static int
clean_text(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long c;
	size_t i, n;

	while (*p != '\0') {
		if (*p < 0x80) {
			if (*p < 0x20 || *p == 0x7f)
				return 0;
			p++;
			continue;
		}
		n = (*p & 0xe0) == 0xc0 ? 2 : (*p & 0xf0) == 0xe0 ? 3 :
		    (*p & 0xf8) == 0xf0 ? 4 : 0;
		if (n == 0)
			return 0;
		c = *p & (0x7fu >> n);
		for (i = 1; i < n; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return 0;
			c = c << 6 | (p[i] & 0x3fu);
		}
		if ((n == 2 && c < 0x80) || (n == 3 && c < 0x800) ||
		    (n == 4 && c < 0x10000) || c > 0x10ffff ||
		    (c >= 0xd800 && c <= 0xdfff) || (c >= 0x80 && c <= 0x9f))
			return 0;
		p += n;
	}
	return 1;
}

static void
check_clean(const hl_error *e, const char *want)
{
	ck_assert_msg(clean_text(e->message), "message '%s'", e->message);
	ck_assert_msg(clean_text(e->name), "name '%s'", e->name);
	ck_assert_msg(clean_text(e->file), "file '%s'", e->file);
	ck_assert_msg(strstr(e->message, want) != NULL, "message '%s' lacks "
	    "'%s'", e->message, want);
}

/*
 * An input name or a file name a caller passes comes back escaped in
 * hl_error: valid UTF-8, no control characters, nothing that moves a
 * terminal's cursor or turns text around.
 */
START_TEST(caller_bytes_escaped)
{
	static const struct {
		const char *name, *want;
	} names[] = {
		{ "\x1b[2Jwekly", "'\\x1b[2Jwekly'" },
		{ "a\nb\tc\rd", "'a\\nb\\tc\\rd'" },
		{ "bad\xff\xfe", "'bad\\xff\\xfe'" },
		{ "cut\xc3", "'cut\\xc3'" },
		{ "over\xc0\xaf", "'over\\xc0\\xaf'" },
		{ "sur\xed\xa0\x80", "'sur\\xed\\xa0\\x80'" },
		{ "csi\xc2\x9b" "31m", "'csi\\u009b31m'" },
		{ "rlo\xe2\x80\xae" "x", "'rlo\\u202ex'" },
		{ "del\x7f", "'del\\x7f'" },
		{ "caf\xc3\xa9", "'caf\xc3\xa9'" },	/* real UTF-8 stays */
	};
	hl_inputs in;
	hl_rulebase *rb;
	hl_error e;
	double v;
	size_t i;

	hl_inputs_init(&in, sizeof in);
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		memset(&e, 0, sizeof e);
		ck_assert_int_ne(hl_inputs_set(&in, names[i].name, 1, &e),
		    HL_OK);
		check_clean(&e, names[i].want);
		memset(&e, 0, sizeof e);
		ck_assert_int_ne(hl_inputs_get(&in, names[i].name, &v, &e),
		    HL_OK);
		check_clean(&e, names[i].want);
		memset(&e, 0, sizeof e);
		ck_assert_int_ne(hl_inputs_derive(&in, names[i].name, &v, &e),
		    HL_OK);
		ck_assert_msg(clean_text(e.message), "'%s'", e.message);
		ck_assert_msg(clean_text(e.name), "'%s'", e.name);
	}

	/* file and buffer names */
	memset(&e, 0, sizeof e);
	ck_assert_int_eq(hl_rulebase_load_file("/nonexistent/\x1b]0;x\x07.yaml",
	    &rb, &e), HL_EIO);
	check_clean(&e, "/nonexistent/\\x1b]0;x\\x07.yaml: cannot open");
	ck_assert_str_eq(e.file, "/nonexistent/\\x1b]0;x\\x07.yaml");
	memset(&e, 0, sizeof e);
	ck_assert_int_eq(hl_rulebase_load_buffer("x: 1\n", 5, "a\nb", &rb,
	    &e), HL_ESCHEMA);
	check_clean(&e, "a\\nb:1:1: ");
	memset(&e, 0, sizeof e);
	ck_assert_int_eq(hl_rulebase_lint("x: 1\n", 5, "a\xff", 10, NULL,
	    NULL, NULL), HL_ESCHEMA);
}
END_TEST

/* The escaping itself: whole escapes when cut, and a fixed point. */
START_TEST(escape_text)
{
	char a[64], b[64], small[6];
	static const char *const texts[] = {
		"\x1b\x1b\x1b", "plain", "a\\x1b", "\xff\xc2\x9b\xe2\x80\xa8",
		"tab\there", "\xf4\x90\x80\x80", "\xf0\x9f\x8f\x83 run",
	};
	size_t i;

	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		ck_assert_int_eq(hl__escape(a, sizeof a, texts[i],
		    strlen(texts[i])), 0);
		ck_assert_msg(clean_text(a), "'%s'", a);
		hl__escape(b, sizeof b, a, strlen(a));
		ck_assert_str_eq(a, b);
	}
	ck_assert_str_eq((hl__escape(a, sizeof a, "\xe2\x80\xa8", 3), a),
	    "\\u2028");
	ck_assert_str_eq((hl__escape(a, sizeof a, "\xf0\x9f\x8f\x83", 4), a),
	    "\xf0\x9f\x8f\x83");
	/* cut: never half an escape or half a character */
	ck_assert_int_eq(hl__escape(small, sizeof small, "\x1b\x1b", 2), 1);
	ck_assert_str_eq(small, "\\x1b");
	ck_assert_int_eq(hl__escape(small, sizeof small, "abc\xc3\xa9", 5),
	    0);
	ck_assert_int_eq(hl__escape(small, 5, "abc\xc3\xa9", 5), 1);
	ck_assert_str_eq(small, "abc");
	ck_assert_int_eq(hl__escape(small, 1, "a", 1), 1);
	ck_assert_str_eq(small, "");
	/* embedded NUL bytes in a length-counted source */
	hl__escape(a, sizeof a, "a\0b", 3);
	ck_assert_str_eq(a, "a\\x00b");
}
END_TEST

/* ---- hl_rulebase_lint ---- */

#define LINT_DIR	"tests/rulebases/lint"
#define LINT_MAX	32

/* What the callback saw. */
struct seen {
	hl_error e[LINT_MAX];
	size_t	 n;
	int	 userdata_ok;
};

static void
collect(const hl_error *err, void *userdata)
{
	struct seen *s = userdata;

	ck_assert_ptr_nonnull(err);
	ck_assert_uint_lt(s->n, LINT_MAX);
	ck_assert_uint_eq(err->size, sizeof *err);
	s->e[s->n++] = *err;
	s->userdata_ok = 1;
}

/* The "# expect:" lines at the top of a lint case, one per error. */
static size_t
read_expects(const char *path, const char *buf, size_t len,
    struct expect *x, size_t max)
{
	size_t n = 0, off = 0;

	while (off < len && strncmp(buf + off, "# expect:", 9) == 0) {
		ck_assert_uint_lt(n, max);
		read_expect(path, buf + off, len - off, &x[n++]);
		while (off < len && buf[off] != '\n')
			off++;
		off++;
	}
	ck_assert_uint_gt(n, 0);
	return n;
}

/*
 * Each lint case gives every error its header lists, in file order, one
 * callback each, and returns the first one's code; a plain load still
 * stops at one of them.
 */
START_TEST(lint_every_error)
{
	static char names[64][64];
	static struct expect x[LINT_MAX];
	static struct seen seen;
	char path[300];
	hl_rulebase *rb;
	hl_error e;
	size_t n, i, j, nx, len, count;
	char *buf;
	int rc;

	n = list_cases(LINT_DIR, names, 64);
	ck_assert_uint_ge(n, 2);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%s", LINT_DIR, names[i]);
		buf = slurp(path, &len);
		nx = read_expects(path, buf, len, x, LINT_MAX);
		memset(&seen, 0, sizeof seen);
		count = 12345;
		rc = hl_rulebase_lint(buf, len, names[i], 100, collect, &seen,
		    &count);
		ck_assert_msg(seen.n == nx, "%s: %zu errors, expected %zu "
		    "(first: %s)", path, seen.n, nx, seen.n ? seen.e[0].message :
		    "none");
		ck_assert_uint_eq(count, nx);
		ck_assert_int_eq(rc, x[0].code);
		ck_assert(seen.userdata_ok);
		for (j = 0; j < nx; j++)
			check_error(path, names[i], &seen.e[j], &x[j]);

		/* the plain load: one of them, and nothing else */
		memset(&e, 0, sizeof e);
		ck_assert_int_ne(hl_rulebase_load_buffer(buf, len, names[i],
		    &rb, &e), HL_OK);
		ck_assert_ptr_null(rb);
		for (j = 0; j < nx; j++)
			if (strcmp(e.message, seen.e[j].message) == 0)
				break;
		ck_assert_msg(j < nx, "%s: load error '%s' is not one of "
		    "lint's", path, e.message);
		free(buf);
	}
}
END_TEST

/*
 * A rulebase with one mistake gives that one and no follow-on errors:
 * lint and load report the same.
 */
START_TEST(lint_no_cascade)
{
	static char names[256][64];
	static struct seen seen;
	char path[300];
	hl_rulebase *rb;
	hl_error e;
	size_t n, i, len, count;
	char *buf;
	int rc;

	n = list_cases(BAD_DIR, names, 256);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%s", BAD_DIR, names[i]);
		buf = slurp(path, &len);
		memset(&e, 0, sizeof e);
		rc = hl_rulebase_load_buffer(buf, len, names[i], &rb, &e);
		memset(&seen, 0, sizeof seen);
		ck_assert_int_eq(hl_rulebase_lint(buf, len, names[i], 100,
		    collect, &seen, &count), rc);
		ck_assert_msg(count == 1 && seen.n == 1, "%s: %zu errors "
		    "(%s / %s)", path, count, seen.e[0].message,
		    seen.n > 1 ? seen.e[1].message : "");
		ck_assert_str_eq(seen.e[0].message, e.message);
		ck_assert_str_eq(seen.e[0].name, e.name);
		ck_assert_str_eq(seen.e[0].rule, e.rule);
		ck_assert_int_eq(seen.e[0].line, e.line);
		ck_assert_int_eq(seen.e[0].column, e.column);
		free(buf);
	}
}
END_TEST

/* A good rulebase: HL_OK, no call, a count of 0. */
START_TEST(lint_good)
{
	static struct seen seen;
	size_t len, count = 99;
	char *buf;

	memset(&seen, 0, sizeof seen);
	ck_assert_int_eq(hl_rulebase_lint((const char *)hl__default_rules,
	    hl__default_rules_len, "heavylegs.yaml", 100, collect, &seen,
	    &count), HL_OK);
	ck_assert_uint_eq(count, 0);
	ck_assert_uint_eq(seen.n, 0);
	buf = slurp(FULL, &len);
	ck_assert_int_eq(hl_rulebase_lint(buf, len, NULL, 100, collect, &seen,
	    &count), HL_OK);
	ck_assert_uint_eq(seen.n, 0);
	free(buf);
}
END_TEST

/* The cap: the first max_errors in file order, the count of them all. */
START_TEST(lint_cap)
{
	static struct expect x[LINT_MAX];
	static struct seen seen;
	const char *path = LINT_DIR "/several.yaml";
	size_t len, nx, count, max, j;
	char *buf;

	buf = slurp(path, &len);
	nx = read_expects(path, buf, len, x, LINT_MAX);
	ck_assert_uint_ge(nx, 10);
	for (max = 0; max <= nx + 1; max++) {
		memset(&seen, 0, sizeof seen);
		ck_assert_int_eq(hl_rulebase_lint(buf, len, "s.yaml", max,
		    collect, &seen, &count), x[0].code);
		ck_assert_uint_eq(count, nx);
		ck_assert_uint_eq(seen.n, max < nx ? max : nx);
		for (j = 0; j < seen.n; j++)
			check_error(path, "s.yaml", &seen.e[j], &x[j]);
	}
	/* no callback, no count: only the code */
	ck_assert_int_eq(hl_rulebase_lint(buf, len, "s.yaml", 100, NULL, NULL,
	    NULL), x[0].code);
	free(buf);
}
END_TEST

/*
 * The code returned is the first error's in file order whatever the cap,
 * 0 included: here the second pass finds line 7's error after the first
 * pass found line 8's.
 */
START_TEST(lint_first_code_any_cap)
{
	static const char text[] =
	    "heavylegs: 1\nname: x\ncauses:\n  - id: c1\n    title: C\n"
	    "    evidence:\n      - when: (acwr > 1\n        weight: 5.5\n";
	static struct seen seen;
	size_t max, count;

	for (max = 0; max <= 3; max++) {
		memset(&seen, 0, sizeof seen);
		ck_assert_int_eq(hl_rulebase_lint(text, sizeof text - 1, NULL,
		    max, collect, &seen, &count), HL_ESYNTAX);
		ck_assert_uint_eq(count, 2);
	}
	ck_assert_int_eq(hl_rulebase_lint(text, sizeof text - 1, NULL, 0,
	    NULL, NULL, NULL), HL_ESYNTAX);
}
END_TEST

START_TEST(lint_arguments)
{
	static struct seen seen;
	size_t count;

	memset(&seen, 0, sizeof seen);
	ck_assert_int_eq(hl_rulebase_lint(NULL, 5, "x.yaml", 100, collect,
	    &seen, &count), HL_EINVAL);
	ck_assert_uint_eq(count, 1);
	ck_assert_uint_eq(seen.n, 1);
	ck_assert_int_eq(seen.e[0].code, HL_EINVAL);
	ck_assert_str_eq(seen.e[0].name, "text");
	/* an empty buffer, NULL or not, lacks the format version */
	memset(&seen, 0, sizeof seen);
	ck_assert_int_eq(hl_rulebase_lint(NULL, 0, NULL, 100, collect, &seen,
	    &count), HL_ESCHEMA);
	ck_assert_uint_eq(seen.n, 1);
	ck_assert_str_eq(seen.e[0].file, "<buffer>");
	ck_assert_ptr_nonnull(strstr(seen.e[0].message, "missing key "
	    "'heavylegs'"));
}
END_TEST

/*
 * Every allocation of a lint failed in turn: HL_ENOMEM, one HL_ENOMEM
 * error through the callback, nothing leaks (valgrind), and the next
 * call gives the full answer.
 */
static void
lint_alloc_loop(const char *path)
{
	static struct seen seen, want;
	size_t len, count, wcount;
	char *buf;
	long n;
	int rc, wrc;

	buf = slurp(path, &len);
	memset(&want, 0, sizeof want);
	wrc = hl_rulebase_lint(buf, len, path, 100, collect, &want, &wcount);
	for (n = 0; n < 100000; n++) {
		memset(&seen, 0, sizeof seen);
		hl__alloc_fail_after(n);
		rc = hl_rulebase_lint(buf, len, path, 100, collect, &seen,
		    &count);
		hl__alloc_fail_after(-1);
		if (rc != HL_ENOMEM)
			break;
		ck_assert_uint_eq(count, 1);
		ck_assert_uint_eq(seen.n, 1);
		ck_assert_int_eq(seen.e[0].code, HL_ENOMEM);
		ck_assert_str_eq(seen.e[0].file, path);
		ck_assert_ptr_nonnull(strstr(seen.e[0].message,
		    ": out of memory"));
	}
	ck_assert_int_gt(n, 0);
	ck_assert_int_eq(rc, wrc);
	ck_assert_uint_eq(count, wcount);
	ck_assert_uint_eq(seen.n, want.n);
	for (n = 0; n < (long)want.n; n++)
		ck_assert_str_eq(seen.e[n].message, want.e[n].message);
	free(buf);
}

START_TEST(lint_alloc_failures)
{
	lint_alloc_loop(LINT_DIR "/several.yaml");
	lint_alloc_loop(LINT_DIR "/misspelt_required.yaml");
	lint_alloc_loop(FULL);
}
END_TEST

static Suite *
suite_loader(void)
{
	Suite *s = suite_create("loader");
	TCase *tc;

	tc = tcase_create("bad");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, bad_rulebases);
	tcase_add_test(tc, error_struct);
	tcase_add_test(tc, positions);
	tcase_add_test(tc, document_limits);
	tcase_add_test(tc, nul_in_scalar);
	tcase_add_test(tc, messages_stay_utf8);
	tcase_add_test(tc, caller_bytes_escaped);
	tcase_add_test(tc, escape_text);
	suite_add_tcase(s, tc);

	tc = tcase_create("good");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, good_rulebases_load);
	tcase_add_test(tc, good_full_model);
	tcase_add_test(tc, good_minimal_defaults);
	tcase_add_test(tc, good_order);
	tcase_add_test(tc, default_rulebase);
	tcase_add_test(tc, locale_independent);
	suite_add_tcase(s, tc);

	tc = tcase_create("api");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, file_errors);
	tcase_add_test(tc, file_error_kinds);
	tcase_add_test(tc, null_arguments);
	tcase_add_test(tc, buffer_without_nul);
	tcase_add_test(tc, alloc_failures);
	suite_add_tcase(s, tc);

	tc = tcase_create("lint");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, lint_every_error);
	tcase_add_test(tc, lint_no_cascade);
	tcase_add_test(tc, lint_good);
	tcase_add_test(tc, lint_cap);
	tcase_add_test(tc, lint_first_code_any_cap);
	tcase_add_test(tc, lint_arguments);
	tcase_add_test(tc, lint_alloc_failures);
	suite_add_tcase(s, tc);
	return s;
}

HL_CHECK_MAIN(suite_loader)
