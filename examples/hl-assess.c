/* SPDX-License-Identifier: MIT */
/* hl-assess.c - read a runner's answers from a file, assess them and print the report. */

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "heavylegs.h"

#define WIDTH		76	/* wrap report text at this column */
#define MAXNAME		96	/* longest input name we read */
#define EXIT_USAGE	2

struct vocab {
	hl_input_info	*info;
	size_t		 n;
};

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: hl-assess [-hj] [-r rules.yaml] [FILE|-]\n");
}

static int
vocab_load(struct vocab *v)
{
	size_t i;

	v->n = hl_input_count();
	v->info = calloc(v->n ? v->n : 1, sizeof *v->info);
	if (v->info == NULL)
		return -1;
	for (i = 0; i < v->n; i++) {
		v->info[i].size = sizeof v->info[i];
		if (hl_input_describe(i, &v->info[i]) != HL_OK)
			return -1;
	}
	return 0;
}

static const hl_input_info *
vocab_find(const struct vocab *v, const char *name)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		if (v->info[i].name != NULL && strcmp(v->info[i].name, name) == 0)
			return &v->info[i];
	return NULL;
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' ||
	    c == '\f';
}

static char *
trim(char *s)
{
	char *e;

	while (is_space((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && is_space((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/*
 * Turn one value token into a double for input `in`: a number, yes/no for
 * a yes/no input, an enum value name, or unknown/- for unknown.  On error
 * write a message into msg and return -1.
 */
static int
parse_value(const hl_input_info *in, const char *tok, double *out,
    char *msg, size_t msgsz)
{
	char *end;
	double d;
	int32_t k;
	size_t len;

	if (strcmp(tok, "unknown") == 0 || strcmp(tok, "-") == 0) {
		*out = NAN;
		return 0;
	}
	if (strcmp(tok, "yes") == 0 || strcmp(tok, "no") == 0) {
		if (in->kind != HL_KIND_TRI) {
			snprintf(msg, msgsz, "%s takes %s, not %s", in->name,
			    in->kind == HL_KIND_ENUM ? "a value name" :
			    "a number", tok);
			return -1;
		}
		*out = tok[0] == 'y' ? HL_YES : HL_NO;
		return 0;
	}
	if (in->kind == HL_KIND_ENUM && in->enum_names != NULL)
		for (k = 0; k < in->enum_count; k++)
			if (in->enum_names[k] != NULL &&
			    strcmp(in->enum_names[k], tok) == 0) {
				*out = (double)k;
				return 0;
			}
	errno = 0;
	d = strtod(tok, &end);
	if (end == tok || *end != '\0' || errno == ERANGE) {
		if (in->kind == HL_KIND_ENUM && in->enum_names != NULL) {
			len = (size_t)snprintf(msg, msgsz,
			    "%s must be one of", in->name);
			for (k = 0; k < in->enum_count && len < msgsz; k++)
				len += (size_t)snprintf(msg + len, msgsz - len,
				    "%s %s", k ? "," : ":", in->enum_names[k]);
		} else if (in->kind == HL_KIND_TRI)
			snprintf(msg, msgsz, "%s must be yes, no or unknown, "
			    "not '%s'", in->name, tok);
		else
			snprintf(msg, msgsz, "%s: '%s' is not a %snumber",
			    in->name, tok, errno == ERANGE ? "finite " : "");
		return -1;
	}
	*out = d;
	return 0;
}

/* Report a problem at FILE:LINE. */
static void
lerr(const char *file, unsigned long line, const char *msg)
{
	fprintf(stderr, "%s:%lu: %s\n", file, line, msg);
}

/* Set one element; print the library's complaint on failure. */
static int
set_one(hl_inputs *in, const char *name, double v, const char *file,
    unsigned long line)
{
	hl_error err;
	int rc;

	memset(&err, 0, sizeof err);
	rc = hl_inputs_set(in, name, v, &err);
	if (rc != HL_OK) {
		lerr(file, line, err.message[0] ? err.message :
		    hl_strerror(rc));
		return -1;
	}
	return 0;
}

#define SEPARATORS	" \t\r\n,"

/* Number of values in s, separated by blanks or commas. */
static size_t
count_tokens(const char *s)
{
	size_t n = 0;

	for (;;) {
		s += strspn(s, SEPARATORS);
		if (*s == '\0')
			return n;
		n++;
		s += strcspn(s, SEPARATORS);
	}
}

/* Parse one "name = value..." line (comment already removed). */
static int
parse_line(const struct vocab *v, hl_inputs *in, char *s, const char *file,
    unsigned long line)
{
	char name[MAXNAME], msg[320], setname[MAXNAME + 16], *eq, *val, *tok,
	    *br, *end, *save;
	const hl_input_info *info;
	long idx = -1;
	size_t n;
	double d;
	int bad = 0;

	if ((eq = strchr(s, '=')) == NULL) {
		lerr(file, line, "expected 'name = value'");
		return -1;
	}
	*eq = '\0';
	val = eq + 1;
	s = trim(s);
	if (*s == '\0') {
		lerr(file, line, "missing input name before '='");
		return -1;
	}
	if (strlen(s) >= sizeof name) {
		lerr(file, line, "input name too long");
		return -1;
	}
	strcpy(name, s);
	if ((br = strchr(name, '[')) != NULL) {
		errno = 0;
		idx = strtol(br + 1, &end, 10);
		if (end == br + 1 || *end != ']' || end[1] != '\0' ||
		    errno != 0 || idx < 0 || idx >= HL_SERIES_DAYS) {
			snprintf(msg, sizeof msg, "bad day index in '%s' "
			    "(use name[0] .. name[%d])", name,
			    HL_SERIES_DAYS - 1);
			lerr(file, line, msg);
			return -1;
		}
		*br = '\0';
	}
	if ((info = vocab_find(v, name)) == NULL) {
		snprintf(msg, sizeof msg, "unknown input '%s'", name);
		lerr(file, line, msg);
		return -1;
	}
	if (idx >= 0 && info->length <= 1) {
		snprintf(msg, sizeof msg, "%s is not a daily series", name);
		lerr(file, line, msg);
		return -1;
	}

	n = count_tokens(val);
	if (n == 0) {
		snprintf(msg, sizeof msg, "missing value for %s", s);
		lerr(file, line, msg);
		return -1;
	}
	if ((idx >= 0 || info->length <= 1) && n > 1) {
		snprintf(msg, sizeof msg, "%s takes one value", s);
		lerr(file, line, msg);
		return -1;
	}
	if (n > (size_t)info->length) {
		snprintf(msg, sizeof msg, "%s takes at most %d values "
		    "(today first)", name, info->length);
		lerr(file, line, msg);
		return -1;
	}

	n = 0;
	for (tok = strtok_r(val, SEPARATORS, &save); tok != NULL;
	    tok = strtok_r(NULL, SEPARATORS, &save), n++) {
		if (parse_value(info, tok, &d, msg, sizeof msg) != 0) {
			lerr(file, line, msg);
			bad = 1;
			continue;
		}
		if (info->length > 1)
			snprintf(setname, sizeof setname, "%s[%ld]", name,
			    idx >= 0 ? idx : (long)n);
		else
			snprintf(setname, sizeof setname, "%s", name);
		if (set_one(in, setname, d, file, line) != 0)
			bad = 1;
	}
	return bad ? -1 : 0;
}

/* Read every line of fp into *in; return the number of bad lines. */
static int
read_inputs(const struct vocab *v, FILE *fp, const char *file, hl_inputs *in)
{
	char *buf = NULL, *s, *hash;
	size_t cap = 0;
	ssize_t len;
	unsigned long line = 0;
	int bad = 0;

	while ((len = getline(&buf, &cap, fp)) != -1) {
		line++;
		if ((size_t)len != strlen(buf)) {
			lerr(file, line, "NUL byte in line");
			bad++;
			continue;
		}
		if ((hash = strchr(buf, '#')) != NULL)
			*hash = '\0';
		s = trim(buf);
		if (*s == '\0')
			continue;
		if (parse_line(v, in, s, file, line) != 0)
			bad++;
	}
	if (ferror(fp)) {
		fprintf(stderr, "%s: read error\n", file);
		bad++;
	}
	free(buf);
	return bad;
}

/* Print text wrapped at WIDTH, every line indented by `indent` spaces. */
static void
wrap(const char *text, int indent, const char *first)
{
	const char *p = text, *w;
	int col, wlen, wcols, i;

	if (text == NULL || *text == '\0')
		return;
	col = printf("%*s%s", indent, "", first ? first : "");
	while (*p != '\0') {
		while (*p == ' ' || *p == '\n' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		w = p;
		wcols = 0;
		while (*p != '\0' && *p != ' ' && *p != '\n' && *p != '\t') {
			if (((unsigned char)*p & 0xc0) != 0x80)
				wcols++;	/* count UTF-8 characters */
			p++;
		}
		wlen = (int)(p - w);
		if (col > indent + (first ? (int)strlen(first) : 0) &&
		    col + 1 + wcols > WIDTH) {
			printf("\n");
			col = printf("%*s", indent + (first ?
			    (int)strlen(first) : 0), "");
		} else if (col > indent + (first ? (int)strlen(first) : 0)) {
			putchar(' ');
			col++;
		}
		for (i = 0; i < wlen; i++)
			putchar(w[i]);
		col += wcols;
	}
	putchar('\n');
}

static const char *
triage_words(int urgency)
{
	switch (urgency) {
	case HL_URGENCY_NONE:
		return "no warning signs among the answers given";
	case HL_URGENCY_DISCUSS:
		return "mention it to a doctor at a routine visit";
	case HL_URGENCY_SOON:
		return "see a doctor within the next few days";
	case HL_URGENCY_URGENT:
		return "get medical care today; stop running";
	case HL_URGENCY_EMERGENCY:
		return "emergency: call your local emergency number now";
	}
	return "";
}

static void
print_evidence(const hl_finding *f, const char *mark)
{
	size_t i, n;
	char first[16];

	snprintf(first, sizeof first, "%s ", mark);
	n = hl_finding_evidence_count(f);
	for (i = 0; i < n; i++)
		if (hl_finding_evidence_state(f, i) == HL_STATE_FIRED)
			wrap(hl_finding_evidence_text(f, i), 7, first);
}

static void
print_metrics(const hl_inputs *in)
{
	size_t i, n, shown = 0;
	double d;
	char item[64];
	int col = 0, len;
	const char *name;

	n = hl_derived_count();
	for (i = 0; i < n; i++) {
		if ((name = hl_derived_name(i)) == NULL ||
		    hl_inputs_derive(in, name, &d, NULL) != HL_OK || isnan(d))
			continue;
		if (shown++ == 0)
			printf("\nComputed from your inputs\n");
		len = snprintf(item, sizeof item, "%s %.*f", name,
		    d == floor(d) && fabs(d) < 1e9 ? 0 : 2, d);
		if (col > 0 && col + 3 + len > WIDTH) {
			printf("\n");
			col = 0;
		}
		col += printf("%s%s", col ? ",  " : "  ", item);
	}
	if (col > 0)
		printf("\n");
}

static void
print_report(const hl_rulebase *rb, const hl_report *rep,
    const struct vocab *v, const hl_inputs *in)
{
	const hl_finding *f;
	const hl_input_info *info;
	const char *q, *ver;
	char head[512];
	size_t i, n, rank;
	int triage, suppress, kind, seen;
	double conf, score;

	ver = hl_rulebase_version(rb);
	printf("Heavy legs report (rules: %s%s%s; libheavylegs %s)\n\n",
	    hl_rulebase_name(rb), ver && *ver ? " " : "", ver ? ver : "",
	    hl_version());

	triage = hl_report_triage(rep);
	suppress = hl_report_suppress_training_advice(rep);
	conf = hl_report_confidence(rep);
	printf("Triage:     %s (%d) - %s\n", hl_report_triage_name(rep), triage,
	    triage_words(triage));
	printf("Confidence: %.0f %% of the evidence could be checked%s\n",
	    isnan(conf) ? 0.0 : conf * 100,
	    !isnan(conf) && conf < 0.25 ? " (low: see the questions below)" :
	    "");
	if (suppress)
		wrap("Training advice is held back until a clinician has "
		    "seen you; the causes below are background only.", 0,
		    NULL);

	n = hl_report_count(rep);
	seen = 0;
	for (i = 0; i < n; i++) {
		f = hl_report_finding(rep, i);
		if (hl_finding_kind(f) != HL_FINDING_RED_FLAG)
			continue;
		if (!seen++)
			printf("\nWarning signs\n");
		snprintf(head, sizeof head, "%s [%s: %s]", hl_finding_title(f),
		    hl_finding_id(f), hl_finding_band(f));
		wrap(head, 2, "! ");
		print_evidence(f, "because:");
		wrap(hl_finding_advice(f), 4, NULL);
	}

	rank = 0;
	for (i = 0; i < n; i++) {
		f = hl_report_finding(rep, i);
		if (hl_finding_kind(f) != HL_FINDING_CAUSE)
			continue;
		if (rank++ == 0)
			printf("\nPossible causes%s (score 0-1, band, share of "
			    "evidence known)\n", suppress ? ", secondary" : "");
		score = hl_finding_score(f);
		printf("  %2zu. %-44s %.2f %-8s %3.0f %%\n", rank,
		    hl_finding_id(f), score, hl_finding_band(f),
		    isnan(hl_finding_coverage(f)) ? 0.0 :
		    hl_finding_coverage(f) * 100);
		if (score >= 0.25)
			wrap(hl_finding_title(f), 6, NULL);
		print_evidence(f, "+");
	}

	seen = 0;
	for (i = 0; i < n; i++) {
		f = hl_report_finding(rep, i);
		kind = hl_finding_kind(f);
		if (kind != HL_FINDING_STRATEGY)
			continue;
		if (!seen++)
			printf("\nWhat to do\n");
		score = hl_finding_score(f);
		if (isnan(score))
			snprintf(head, sizeof head, "%s [%s]",
			    hl_finding_title(f), hl_finding_id(f));
		else
			snprintf(head, sizeof head, "%s [%s, for a cause at "
			    "%.2f]", hl_finding_title(f), hl_finding_id(f),
			    score);
		wrap(head, 2, "* ");
		wrap(hl_finding_advice(f), 4, NULL);
	}
	if (!seen)
		printf("\nWhat to do\n  Nothing specific stands out from "
		    "the answers given.\n");

	n = hl_report_question_count(rep);
	for (i = 0; i < n; i++) {
		if ((q = hl_report_question(rep, i)) == NULL)
			continue;
		if (i == 0)
			printf("\nQuestions that would sharpen this report\n");
		info = vocab_find(v, q);
		if (info != NULL && info->description != NULL &&
		    *info->description != '\0') {
			snprintf(head, sizeof head, "%s: %s", q,
			    info->description);
			wrap(head, 2, "- ");
		} else
			printf("  - %s\n", q);
	}

	n = hl_report_warning_count(rep);
	for (i = 0; i < n; i++) {
		if (i == 0)
			printf("\nNotes on your inputs\n");
		wrap(hl_report_warning(rep, i), 2, "- ");
	}

	print_metrics(in);

	printf("\n");
	wrap(hl_report_disclaimer(rep), 0, NULL);
}

static int
print_json(const hl_report *rep)
{
	char small[1], *buf;
	size_t need = 0;
	int rc;

	rc = hl_report_json(rep, small, sizeof small, &need);
	if (rc == HL_OK) {
		printf("%s\n", small);
		return 0;
	}
	if (rc != HL_ERANGE || need == 0 || (buf = malloc(need)) == NULL) {
		fprintf(stderr, "hl-assess: %s\n", hl_strerror(rc));
		return -1;
	}
	rc = hl_report_json(rep, buf, need, &need);
	if (rc == HL_OK)
		printf("%s\n", buf);
	else
		fprintf(stderr, "hl-assess: %s\n", hl_strerror(rc));
	free(buf);
	return rc == HL_OK ? 0 : -1;
}

int
main(int argc, char *argv[])
{
	struct vocab v = { NULL, 0 };
	hl_inputs in;
	hl_rulebase *rb = NULL;
	hl_report *rep = NULL;
	hl_error err;
	const char *rules = NULL, *file = "-", *shown;
	FILE *fp;
	int c, json = 0, status = 1, rc;

	while ((c = getopt(argc, argv, "hjr:")) != -1) {
		switch (c) {
		case 'j':
			json = 1;
			break;
		case 'r':
			rules = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (argc - optind > 1) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (argc - optind == 1)
		file = argv[optind];

	if (vocab_load(&v) != 0) {
		fprintf(stderr, "hl-assess: cannot read the input "
		    "vocabulary\n");
		goto out;
	}
	hl_inputs_init(&in, sizeof in);
	if (strcmp(file, "-") == 0) {
		fp = stdin;
		shown = "<stdin>";
	} else if ((fp = fopen(file, "r")) == NULL) {
		fprintf(stderr, "hl-assess: %s: %s\n", file, strerror(errno));
		goto out;
	} else
		shown = file;
	rc = read_inputs(&v, fp, shown, &in);
	if (fp != stdin)
		fclose(fp);
	if (rc != 0)
		goto out;

	memset(&err, 0, sizeof err);
	if (rules != NULL)
		rc = hl_rulebase_load_file(rules, &rb, &err);
	else
		rc = hl_rulebase_load_default(&rb, &err);
	if (rc != HL_OK) {
		fprintf(stderr, "%s\n", err.message[0] ? err.message :
		    hl_strerror(rc));
		goto out;
	}
	if ((rc = hl_assess(rb, &in, &rep, &err)) != HL_OK) {
		fprintf(stderr, "%s: %s\n", shown, err.message[0] ?
		    err.message : hl_strerror(rc));
		goto out;
	}
	if (json) {
		if (print_json(rep) != 0)
			goto out;
	} else
		print_report(rb, rep, &v, &in);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "hl-assess: write error\n");
		goto out;
	}
	status = 0;
out:
	hl_report_free(rep);
	hl_rulebase_free(rb);
	free(v.info);
	return status;
}
