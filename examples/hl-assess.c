/* SPDX-License-Identifier: MIT */
/*
 * hl-assess.c - read a runner's answers (name = value lines, JSON or YAML,
 * --set), assess them with libheavylegs and print the report as advice for
 * a person, or as JSON; --batch assesses many runners (JSON Lines or CSV).
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heavylegs.h"
#include "cli/progutil.h"
#include "cli/rules.h"
#include "cli/runner.h"

/* Exit statuses, as in sysexits(3). */

#define PROG	"hl-assess"
#define WIDTH	76
#define MAXSET	256

static void
usage(FILE *fp)
{
	fprintf(fp,
"usage: " PROG " [options] [FILE|-]\n"
"       " PROG " --batch [options] [FILE|-]\n"
"       " PROG " --list-inputs | --dump-default-rules | --help | --version\n"
"\n"
"Explain why a runner's legs feel heavy: read what is known about the runner\n"
"from FILE (the standard input when FILE is - or not given), assess it with\n"
"libheavylegs and print the report.\n"
"\n"
"Input:\n"
"  -i, --input-format=FMT  auto (default), text (name = value lines), json or\n"
"                          yaml; with --batch: auto, json (JSON Lines) or csv\n"
"  -s, --set=NAME=VALUE    set one input (NAME[DAY] for one day of a series,\n"
"                          0 = today); repeatable, applied after FILE\n"
"  -r, --rules=FILE        use this rulebase instead of the built-in one\n"
"Output:\n"
"  -a, --all               also show the causes below the moderate band\n"
"  -j, --json              print the library's JSON report (--format json)\n"
"      --format=FMT        text (default) or json\n"
"  -b, --batch             one runner per line (JSON Lines) or CSV row; one JSON\n"
"                          object per runner, bad rows reported in their own\n"
"  -l, --list-inputs       list the inputs: name, kind, unit, range, values\n"
"      --dump-default-rules  print the built-in rulebase (YAML)\n"
"  -h, --help              print this help and exit\n"
"  -V, --version           print the version and exit\n"
"\n"
"Exit status: 0 assessed; 64 bad usage; 65 bad input (every problem is\n"
"listed); 66 a file cannot be opened; 70 out of memory; 74 read or write\n"
"error; 78 the rulebase is invalid.  See hl-assess(1).\n");
}

/* Read a whole file (or stdin for "-"); NULL, said why, with *status set. */
static char *
read_all(const char *path, size_t *len, int *status)
{
	const char *shown = strcmp(path, "-") == 0 ? "<stdin>" : path;
	char *buf;
	int stage, e;

	if ((buf = cli_read_all(path, len, &stage, &e)) != NULL)
		return buf;
	if (stage == CLI_READ_MEMORY)
		cli_say(PROG, "out of memory");
	else if (stage == CLI_READ_READ)
		cli_say(PROG, "%s: read error: %s", shown, strerror(e));
	else
		cli_say(PROG, "%s: %s", shown, strerror(e));
	*status = cli_read_status(stage);
	return NULL;
}

/* ---- problems ------------------------------------------------------------ */

static void
print_problem(const struct cli_problem *p, void *ud)
{
	(void)ud;
	if (p->line > 0)
		fprintf(stderr, PROG ": %s:%lu: %s\n", p->source, p->line,
		    p->message);
	else
		fprintf(stderr, PROG ": %s: %s\n", p->source, p->message);
}

static void
rule_error(const hl_error *e, void *ud)
{
	(void)ud;
	cli_say(PROG, "%s", e->message[0] ? e->message : hl_strerror(e->code));
}

/* ---- JSON helpers ------------------------------------------------------------ */

static void
json_str(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(fp, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", fp);
		else if (c == '\t')
			fputs("\\t", fp);
		else if (c < 0x20)
			fprintf(fp, "\\u%04x", c);
		else
			fputc(c, fp);
	}
	fputc('"', fp);
}

/* The report's JSON into a malloc'd string, or NULL. */
static char *
report_json(const hl_report *rep)
{
	char small[1], *buf;
	size_t need = 0;

	if (hl_report_json(rep, small, sizeof small, &need) != HL_ERANGE ||
	    need == 0 || (buf = malloc(need)) == NULL)
		return NULL;
	if (hl_report_json(rep, buf, need, &need) != HL_OK) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* ---- the text report ------------------------------------------------------- */

static void
wrap(const char *text, int indent, const char *first)
{
	const char *p = text, *w;
	int col, wcols, i, wlen, start;

	if (text == NULL || *text == '\0')
		return;
	col = printf("%*s%s", indent, "", first ? first : "");
	start = col;
	while (*p != '\0') {
		while (*p == ' ' || *p == '\n' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		w = p;
		wcols = 0;
		while (*p != '\0' && *p != ' ' && *p != '\n' && *p != '\t') {
			if (((unsigned char)*p & 0xc0) != 0x80)
				wcols++;
			p++;
		}
		wlen = (int)(p - w);
		if (col > start && col + 1 + wcols > WIDTH) {
			printf("\n%*s", start, "");
			col = start;
		} else if (col > start) {
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

/* What a derived metric is called in the report, and its unit. */
static const struct metric_words {
	const char *name, *label, *unit;
	int	 prec;
} metric_words[] = {
	{ "acute_km", "distance this week", "km", 0 },
	{ "chronic_km_wk", "usual weekly distance (4 weeks)", "km", 1 },
	{ "acwr", "acute:chronic distance ratio", "", 2 },
	{ "wow_change_pct", "change from last week", "%", 0 },
	{ "session_spike_pct", "longest run this week vs the longest "
	    "before", "%", 0 },
	{ "monotony", "training monotony", "", 2 },
	{ "strain", "training strain", "", 0 },
	{ "rest_days_7d", "rest days in the last 7", "", 0 },
	{ "rhr_delta_bpm", "resting heart rate above usual", "bpm", 0 },
	{ "hrv_low", "HRV below your usual range", "?", 0 },
	{ "sleep_7d_h", "average sleep this week", "h", 1 },
	{ "rh_pct", "relative humidity", "%", 0 },
	{ "body_mass_change_pct", "body mass change over the run", "%", 1 },
	{ "mass_gained", "gained weight over the run", "?", 0 },
	{ "sweat_rate_l_h", "sweat rate", "L/h", 2 },
	{ "wut_count", "signs of low fluid (of 3)", "", 0 },
	{ "carb_g_kg", "carbohydrate a day", "g/kg", 1 },
	{ "training_h_day", "training a day", "h", 1 },
	{ "carb_band_lo", "carbohydrate your training needs", "g/kg", 0 },
	{ "hb_cutoff_g_l", "haemoglobin cut-off for you", "g/L", 0 },
	{ "anaemia", "haemoglobin below the cut-off", "?", 0 },
	{ "pad_risk", "risk factors for narrowed leg arteries", "", 0 },
	{ "srpe_acwr", "effort-weighted load ratio (session RPE)", "", 2 },
	{ "load_ratio", "this week's load vs your usual week", "times", 2 },
	{ NULL, NULL, NULL, 0 }
};

struct ctx {
	const hl_inputs *in;
	int	 all;
	/* derived metrics named by fired evidence */
	unsigned char *used;
	size_t	 nderived;
	/* red-flag screen questions */
	const char *screen[64];
	size_t	 nscreen;
	/* names gathered from one condition */
	const char *names[16];
	size_t	 nnames;
};

static void
note_metric(const char *name, size_t len, void *ud)
{
	struct ctx *c = ud;
	const char *m;
	size_t i;

	for (i = 0; i < c->nderived; i++)
		if ((m = hl_derived_name(i)) != NULL && strlen(m) == len &&
		    memcmp(m, name, len) == 0)
			c->used[i] = 1;
	if (len == 12 && memcmp(name, "heat_index_f", 12) == 0)
		note_metric("heat_index_c", 12, ud);
	if (len == 12 && memcmp(name, "heat_index_c", 12) == 0)
		for (i = 0; i < c->nderived; i++)
			if ((m = hl_derived_name(i)) != NULL &&
			    strcmp(m, "heat_index_f") == 0)
				c->used[i] = 1;
}

/* An input's value (day 0 of a series), NaN when unknown. */
static double
input_value(const hl_inputs *in, const hl_input_info *info)
{
	char name[96];
	double v = NAN;

	snprintf(name, sizeof name, "%s%s", info->name,
	    info->length > 1 ? "[0]" : "");
	if (hl_inputs_get(in, name, &v, NULL) != HL_OK)
		return NAN;
	return v;
}

static int
series_known(const hl_inputs *in, const hl_input_info *info)
{
	char name[96];
	double v;
	int i;

	for (i = 0; i < info->length; i++) {
		snprintf(name, sizeof name, "%s[%d]", info->name, i);
		if (hl_inputs_get(in, name, &v, NULL) == HL_OK && !isnan(v))
			return 1;
	}
	return 0;
}

static void
gather_name(const char *name, size_t len, void *ud)
{
	struct ctx *c = ud;
	const hl_input_info *info;
	size_t i;

	if ((info = cli_input_find(name, len, NULL)) == NULL)
		return;
	for (i = 0; i < c->nnames; i++)
		if (c->names[i] == info->name)
			return;
	if (c->nnames < sizeof c->names / sizeof c->names[0])
		c->names[c->nnames++] = info->name;
}

static void
note_screen(const char *id, const char *when, void *ud)
{
	struct ctx *c = ud;
	const hl_input_info *info;
	size_t i, j;

	(void)id;
	c->nnames = 0;
	cli_expression_names(when, gather_name, c);
	for (i = 0; i < c->nnames; i++) {
		info = cli_input_find(c->names[i], strlen(c->names[i]), NULL);
		if (info == NULL || (info->length > 1 ?
		    series_known(c->in, info) : !isnan(input_value(c->in, info))))
			continue;
		for (j = 0; j < c->nscreen; j++)
			if (c->screen[j] == info->name)
				break;
		if (j == c->nscreen && c->nscreen < 64)
			c->screen[c->nscreen++] = info->name;
	}
}

/* The description of an input without a trailing period, lower-cased first. */
static void
describe(const hl_input_info *info, char *buf, size_t cap)
{
	size_t n;

	snprintf(buf, cap, "%s", info->description && *info->description ?
	    info->description : info->name);
	n = strlen(buf);
	if (n > 0 && buf[n - 1] == '.')
		buf[n - 1] = '\0';
}

/* A red flag's fired condition, said with the answers that made it. */
static void
print_flag_reason(struct ctx *c, const char *when)
{
	const hl_input_info *info;
	char line[512], d[256];
	double v;
	size_t i;

	c->nnames = 0;
	cli_expression_names(when, gather_name, c);
	for (i = 0; i < c->nnames; i++) {
		info = cli_input_find(c->names[i], strlen(c->names[i]), NULL);
		if (info == NULL || info->length > 1)
			continue;
		v = input_value(c->in, info);
		if (isnan(v) || (info->kind == HL_KIND_TRI && v != HL_YES))
			continue;
		describe(info, d, sizeof d);
		if (info->kind == HL_KIND_TRI)
			snprintf(line, sizeof line, "%s: yes", d);
		else if (info->kind == HL_KIND_ENUM && v >= 0 &&
		    v < info->enum_count)
			snprintf(line, sizeof line, "%s: %s", d,
			    info->enum_names[(int)v]);
		else
			snprintf(line, sizeof line, "%s: %g%s%s", d, v,
			    *info->unit ? " " : "", info->unit);
		wrap(line, 4, "because: ");
	}
}

/* The unknown inputs a cause's unknown evidence names, as a list. */
/*
 * Append the input called name to buf[*used..cap) in words: its one-line
 * description with a small first letter ("part of a leg is warm, red and
 * tender"), or the name when the library has no description.
 */
static void
say_input(char *buf, size_t cap, size_t *used, const char *sep,
    const char *name)
{
	const hl_input_info *info = cli_input_find(name, strlen(name), NULL);
	const char *d = info != NULL && info->description != NULL &&
	    *info->description ? info->description : name;
	int r;

	if (*used >= cap)
		return;
	r = snprintf(buf + *used, cap - *used, "%s%c%s", sep,
	    (d[0] >= 'A' && d[0] <= 'Z' && !(d[1] >= 'A' && d[1] <= 'Z')) ?
	    d[0] - 'A' + 'a' : d[0], d + 1);
	if (r > 0)
		*used += (size_t)r;
}

static void
unknown_list(struct ctx *c, const hl_finding *f, char *buf, size_t cap)
{
	const hl_input_info *info;
	const char *all[8];
	size_t i, j, k, n = 0, used = 0;

	buf[0] = '\0';
	for (i = 0; i < hl_finding_evidence_count(f); i++) {
		if (hl_finding_evidence_state(f, i) != HL_STATE_UNKNOWN)
			continue;
		c->nnames = 0;
		cli_expression_names(hl_finding_evidence_when(f, i),
		    gather_name, c);
		for (j = 0; j < c->nnames; j++) {
			info = cli_input_find(c->names[j],
			    strlen(c->names[j]), NULL);
			if (info == NULL || (info->length > 1 ?
			    series_known(c->in, info) :
			    !isnan(input_value(c->in, info))))
				continue;
			for (k = 0; k < n; k++)
				if (all[k] == info->name)
					break;
			if (k == n && n < 8)
				all[n++] = info->name;
		}
	}
	for (k = 0; k < n && k < 4; k++)
		say_input(buf, cap, &used, k ? "; " : "", all[k]);
	if (n > 4 && used < cap)
		snprintf(buf + used, cap - used, "; and %zu more", n - 4);
}

static void
print_metric(const char *name, double v)
{
	const struct metric_words *w;
	char line[256];

	for (w = metric_words; w->name != NULL; w++)
		if (strcmp(w->name, name) == 0)
			break;
	if (w->name == NULL) {
		snprintf(line, sizeof line, "%s: %g", name, v);
	} else if (strcmp(w->unit, "?") == 0)
		snprintf(line, sizeof line, "%s: %s", w->label,
		    v != 0 ? "yes" : "no");
	else
		snprintf(line, sizeof line, "%s: %.*f%s%s", w->label,
		    w->prec, v, *w->unit ? " " : "", w->unit);
	wrap(line, 2, "- ");
}

static void
print_report(const hl_rulebase *rb, const hl_report *rep, struct ctx *c,
    const char *rules_text, size_t rules_len)
{
	const hl_finding *f;
	const hl_input_info *info;
	const char *q, *ver, *name;
	char head[768], list[512], d[256];
	size_t i, j, n, rank, hidden = 0, shown_metrics = 0;
	int triage, high, suppress, seen, complete;
	double conf, score, shigh, v, vc, vf;

	ver = hl_rulebase_version(rb);
	printf("Heavy legs report (rules: %s%s%s; libheavylegs %s)\n\n",
	    hl_rulebase_name(rb), ver && *ver ? " " : "", ver ? ver : "",
	    hl_version());

	triage = hl_report_triage(rep);
	high = hl_report_triage_high(rep);
	complete = hl_report_screen_complete(rep);
	suppress = hl_report_suppress_training_advice(rep);
	conf = hl_report_confidence(rep);
	c->nscreen = 0;
	if (!complete && rules_text != NULL) {
		size_t k, front = 0;
		const char *t;

		cli_red_flag_conditions(rules_text, rules_len, note_screen, c);
		/* the ones the report asks about first */
		for (k = 0; k < hl_report_question_count(rep); k++)
			for (i = front; i < c->nscreen; i++)
				if ((q = hl_report_question(rep, k)) != NULL &&
				    strcmp(q, c->screen[i]) == 0) {
					t = c->screen[front];
					c->screen[front++] = c->screen[i];
					c->screen[i] = t;
					break;
				}
	}

	if (triage == HL_URGENCY_NONE && !complete)
		snprintf(head, sizeof head, "Urgency: no warning signs among "
		    "the answers given, but the red-flag check is incomplete");
	else
		snprintf(head, sizeof head, "Urgency: %s", triage_words(triage));
	wrap(head, 0, NULL);
	if (!complete) {
		size_t used = 0;

		list[0] = '\0';
		for (i = 0; i < c->nscreen && i < 4; i++)
			say_input(list, sizeof list, &used, i ? "; " : "",
			    c->screen[i]);
		if (c->nscreen > 4 && used < sizeof list)
			snprintf(list + used, sizeof list - used,
			    "; and %zu more", c->nscreen - 4);
		if (c->nscreen > 0)
			snprintf(head, sizeof head, "Red-flag check incomplete, "
			    "not answered yet: %s%s%s.", list, high > triage ?
			    "; depending on the answers this could need: " :
			    "", high > triage ? triage_words(high) : "");
		else
			snprintf(head, sizeof head, "Red-flag check incomplete: "
			    "some warning-sign questions are not answered%s%s.",
			    high > triage ? "; depending on the answers this "
			    "could need: " : "", high > triage ?
			    triage_words(high) : "");
		wrap(head, 0, NULL);
	}
	if (isnan(conf))
		printf("Confidence: none of the evidence could be checked\n");
	else
		printf("Confidence: %.0f %% of the evidence could be "
		    "checked%s\n", conf * 100, conf < 0.25 ?
		    " (low: see the questions below)" : "");
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
		wrap(hl_finding_title(f), 2, "! ");
		for (j = 0; j < hl_finding_evidence_count(f); j++) {
			const char *text = hl_finding_evidence_text(f, j);
			const char *when = hl_finding_evidence_when(f, j);

			if (hl_finding_evidence_state(f, j) != HL_STATE_FIRED)
				continue;
			cli_expression_names(when, note_metric, c);
			if (text != NULL && when != NULL &&
			    strcmp(text, when) != 0)
				wrap(text, 4, "because: ");
			else
				print_flag_reason(c, when);
		}
		wrap(hl_finding_advice(f), 4, NULL);
	}

	rank = 0;
	for (i = 0; i < n; i++) {
		f = hl_report_finding(rep, i);
		if (hl_finding_kind(f) != HL_FINDING_CAUSE)
			continue;
		if (!c->all && strcmp(hl_finding_band(f), "low") == 0) {
			hidden++;
			continue;
		}
		if (rank++ == 0)
			printf("\nPossible causes%s, likeliest first\n",
			    suppress ? " (background only)" : "");
		score = hl_finding_score(f);
		shigh = hl_finding_score_high(f);
		snprintf(head, sizeof head, "%s (%s, %.2f)",
		    hl_finding_title(f), hl_finding_band(f), score);
		snprintf(d, sizeof d, "%2zu. ", rank);
		wrap(head, 2, d);
		for (j = 0; j < hl_finding_evidence_count(f); j++)
			if (hl_finding_evidence_state(f, j) == HL_STATE_FIRED) {
				wrap(hl_finding_evidence_text(f, j), 6, "+ ");
				cli_expression_names(
				    hl_finding_evidence_when(f, j),
				    note_metric, c);
			}
		if (!isnan(shigh) && shigh >= score + 0.005) {
			unknown_list(c, f, list, sizeof list);
			if (*list)
				snprintf(head, sizeof head, "could be up to "
				    "%.2f if what is not known yet points "
				    "that way: %s", shigh, list);
			else
				snprintf(head, sizeof head, "could be up to "
				    "%.2f if what is not known yet points "
				    "that way", shigh);
			wrap(head, 6, "? ");
		}
	}
	if (hidden > 0)
		printf("%s  (%zu less likely cause%s not shown; --all shows "
		    "them)\n", rank ? "" : "\nPossible causes\n", hidden,
		    hidden == 1 ? "" : "s");

	seen = 0;
	for (i = 0; i < n; i++) {
		f = hl_report_finding(rep, i);
		if (hl_finding_kind(f) != HL_FINDING_STRATEGY)
			continue;
		if (!seen++)
			printf("\nWhat to do\n");
		wrap(hl_finding_title(f), 2, "* ");
		wrap(hl_finding_advice(f), 4, NULL);
	}
	if (!seen)
		printf("\nWhat to do\n  Nothing specific stands out from "
		    "the answers given.\n");

	n = hl_report_question_count(rep);
	seen = 0;
	for (i = 0; i < n; i++) {
		if ((q = hl_report_question(rep, i)) == NULL)
			continue;
		if (!seen++)
			printf("\nQuestions that would sharpen this report\n");
		info = cli_input_find(q, strlen(q), NULL);
		if (info != NULL && info->description != NULL &&
		    *info->description != '\0') {
			snprintf(head, sizeof head, "%s (%s)",
			    info->description, q);
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

	/* the derived values that mattered */
	for (i = 0; i < c->nderived; i++) {
		if (!c->used[i] || (name = hl_derived_name(i)) == NULL ||
		    hl_inputs_derive(c->in, name, &v, NULL) != HL_OK ||
		    isnan(v) || strcmp(name, "hi_extrapolated") == 0)
			continue;
		if (shown_metrics++ == 0)
			printf("\nFigures behind this report\n");
		if (strcmp(name, "heat_index_c") == 0 ||
		    strcmp(name, "heat_index_f") == 0) {
			if (strcmp(name, "heat_index_f") == 0)
				continue;
			vc = v;
			vf = NAN;
			hl_inputs_derive(c->in, "heat_index_f", &vf, NULL);
			snprintf(head, sizeof head, "heat index: %.0f °C "
			    "(%.0f °F)", vc, isnan(vf) ? vc * 9 / 5 + 32 : vf);
			wrap(head, 2, "- ");
			continue;
		}
		print_metric(name, v);
	}

	printf("\n");
	wrap(hl_report_disclaimer(rep), 0, NULL);
}

/* ---- --list-inputs --------------------------------------------------------- */

static void
list_inputs(void)
{
	const hl_input_info *info;
	static const char *const kinds[] = { "number", "count", "yes/no",
	    "enum" };
	char range[96], lo[32], hi[32];
	size_t i;
	int32_t k;

	printf("%-40s %-7s %-6s %-18s %s\n", "NAME", "KIND", "UNIT", "RANGE",
	    "VALUES");
	for (i = 0; i < cli_input_count(); i++) {
		info = cli_input(i);
		range[0] = '\0';
		if (info->kind == HL_KIND_NUMBER || info->kind == HL_KIND_COUNT) {
			lo[0] = hi[0] = '\0';
			if (!isnan(info->min))
				snprintf(lo, sizeof lo, "%g", info->min);
			if (!isnan(info->max))
				snprintf(hi, sizeof hi, "%g", info->max);
			snprintf(range, sizeof range, "%s%s..%s%s",
			    info->min_exclusive ? "(" : "", lo, hi,
			    info->max_exclusive ? ")" : "");
		}
		printf("%-40s %-7s %-6s %-18s ", info->name,
		    info->kind >= 0 && info->kind <= 3 ? kinds[info->kind] : "?",
		    *info->unit ? info->unit : "-", *range ? range : "-");
		if (info->kind == HL_KIND_TRI)
			printf("yes, no");
		else if (info->kind == HL_KIND_ENUM)
			for (k = 0; k < info->enum_count; k++)
				printf("%s%s", k ? ", " : "", info->enum_names[k]);
		else if (info->length > 1)
			printf("a list of up to %d, today first", info->length);
		else
			printf("-");
		printf("\n");
	}
}

/* ---- batch ------------------------------------------------------------------ */

struct batch_errors {
	FILE	*out;
	size_t	 n;
	unsigned long line;	/* the row's line: one runner a line */
};

static void
batch_problem(const struct cli_problem *p, void *ud)
{
	struct batch_errors *b = ud;

	fputs(b->n++ ? "," : "", b->out);
	fputs("{", b->out);
	fprintf(b->out, "\"line\":%lu,", b->line);
	if (p->column > 0)
		fprintf(b->out, "\"column\":%lu,", p->column);
	fputs("\"field\":", b->out);
	json_str(b->out, p->field);
	fputs(",\"message\":", b->out);
	json_str(b->out, p->message);
	fputs("}", b->out);
}

/* One batch row: its report or its problems, as one JSON line. */
static int
batch_one(const hl_rulebase *rb, hl_report **rep, struct cli_runner *r,
    const struct cli_csv *csv, const char *line, size_t len,
    unsigned long lineno, unsigned long row, int fmt, char **errbuf,
    size_t *errlen)
{
	hl_inputs in;
	hl_error err;
	struct batch_errors be;
	FILE *mem;
	char *json;
	int bad = 0;

	hl_inputs_init(&in, sizeof in);
	r->in = &in;
	cli_runner_reset(r, lineno - 1);
	if ((mem = open_memstream(errbuf, errlen)) == NULL)
		return -1;
	be.out = mem;
	be.n = 0;
	be.line = lineno;
	r->fn = batch_problem;
	r->userdata = &be;
	if (fmt == CLI_FMT_CSV)
		cli_csv_row(csv, r, line, len);
	else
		cli_parse_runner(r, line, len, CLI_FMT_JSON);
	cli_check_runner(r);
	fclose(mem);
	printf("{\"row\":%lu,\"line\":%lu,", row, lineno);
	if (r->id[0]) {
		printf("\"id\":");
		json_str(stdout, r->id);
		printf(",");
	}
	if (r->problems > 0) {
		printf("\"ok\":false,\"errors\":[%s]}\n", *errbuf);
		return 1;
	}
	memset(&err, 0, sizeof err);
	if (hl_assess(rb, &in, rep, &err) != HL_OK) {
		printf("\"ok\":false,\"errors\":[{\"field\":");
		json_str(stdout, err.name);
		printf(",\"message\":");
		json_str(stdout, err.message);
		printf("}]}\n");
		return 1;
	}
	if ((json = report_json(*rep)) == NULL) {
		printf("\"ok\":false,\"errors\":[{\"field\":\"\","
		    "\"message\":\"out of memory\"}]}\n");
		bad = 1;
	} else
		printf("\"ok\":true,\"report\":%s}\n", json);
	free(json);
	return bad;
}

static int
run_batch(const hl_rulebase *rb, const char *buf, size_t len, int fmt,
    const char *shown)
{
	struct cli_runner r;
	struct cli_csv csv = { 0, NULL };
	hl_inputs in;
	hl_report *rep = NULL;
	const char *p = buf, *end = buf + len, *eol, *s, *e;
	unsigned long lineno = 0, row = 0;
	char *errbuf = NULL;
	size_t errlen = 0;
	int status = EX_OK_, header = 0, rc;

	hl_inputs_init(&in, sizeof in);
	if (cli_runner_init(&r, &in, shown, print_problem, NULL) != 0) {
		cli_say(PROG, "out of memory");
		return EX_SOFTWARE_;
	}
	if (fmt == CLI_FMT_AUTO)
		fmt = cli_detect_batch_format(buf, len);
	while (p < end) {
		lineno++;
		eol = memchr(p, '\n', (size_t)(end - p));
		if (eol == NULL)
			eol = end;
		s = p;
		e = eol;
		p = eol < end ? eol + 1 : end;
		while (e > s && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
			e--;
		{
			const char *t = s;

			while (t < e && (*t == ' ' || *t == '\t'))
				t++;
			if (t == e || *t == '#')
				continue;	/* blank lines and comments */
		}
		if (fmt == CLI_FMT_CSV && !header) {
			header = 1;
			r.fn = print_problem;
			cli_runner_reset(&r, lineno - 1);
			if (cli_csv_header(&csv, &r, s, (size_t)(e - s)) != 0) {
				status = EX_DATAERR_;
				goto out;
			}
			continue;
		}
		row++;
		free(errbuf);
		errbuf = NULL;
		errlen = 0;
		rc = batch_one(rb, &rep, &r, &csv, s, (size_t)(e - s), lineno,
		    row, fmt, &errbuf, &errlen);
		if (rc < 0) {
			cli_say(PROG, "out of memory");
			status = EX_SOFTWARE_;
			goto out;
		}
		if (rc > 0)
			status = EX_DATAERR_;
	}
	if (fmt == CLI_FMT_CSV && !header) {
		cli_say(PROG, "%s: no CSV header row (input names as columns)",
		    shown);
		status = EX_DATAERR_;
	}
out:
	free(errbuf);
	hl_report_free(rep);
	cli_csv_free(&csv);
	cli_runner_done(&r);
	return status;
}

/* ---- main ------------------------------------------------------------------- */

enum { OPT_FORMAT = 256, OPT_DUMP };

static const struct option longopts[] = {
	{ "all", no_argument, NULL, 'a' },
	{ "batch", no_argument, NULL, 'b' },
	{ "dump-default-rules", no_argument, NULL, OPT_DUMP },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "help", no_argument, NULL, 'h' },
	{ "input-format", required_argument, NULL, 'i' },
	{ "json", no_argument, NULL, 'j' },
	{ "list-inputs", no_argument, NULL, 'l' },
	{ "rules", required_argument, NULL, 'r' },
	{ "set", required_argument, NULL, 's' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static int
bad_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int
bad_usage(const char *fmt, ...)
{
	va_list ap;

	fputs(PROG ": ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '" PROG " --help' for more information.\n");
	return EX_USAGE_;
}

int
main(int argc, char *argv[])
{
	const char *rules = NULL, *file = "-", *shown, *sets[MAXSET];
	const char *rules_text;
	char *buf = NULL, *rbuf = NULL, *json;
	size_t len = 0, rlen = 0, nsets = 0, i;
	hl_rulebase *rb = NULL;
	hl_report *rep = NULL;
	hl_inputs in;
	hl_error err;
	struct cli_runner r;
	struct ctx c;
	int ch, json_out = 0, all = 0, batch = 0, list = 0, dump = 0;
	int fmt = CLI_FMT_AUTO, status = EX_OK_, rc, have_runner = 0;

	memset(&r, 0, sizeof r);
	memset(&c, 0, sizeof c);
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":abhi:jlr:s:V", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'a':
			all = 1;
			break;
		case 'b':
			batch = 1;
			break;
		case 'h':
			usage(stdout);
			return fflush(stdout) == 0 && !ferror(stdout) ? EX_OK_ :
			    EX_IOERR_;
		case 'i':
			if (strcmp(optarg, "auto") == 0)
				fmt = CLI_FMT_AUTO;
			else if (strcmp(optarg, "text") == 0)
				fmt = CLI_FMT_TEXT;
			else if (strcmp(optarg, "json") == 0 ||
			    strcmp(optarg, "jsonl") == 0)
				fmt = CLI_FMT_JSON;
			else if (strcmp(optarg, "yaml") == 0)
				fmt = CLI_FMT_YAML;
			else if (strcmp(optarg, "csv") == 0)
				fmt = CLI_FMT_CSV;
			else
				return bad_usage("--input-format: '%s' is not "
				    "auto, text, json, yaml or csv", optarg);
			break;
		case 'j':
			json_out = 1;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "json") == 0)
				json_out = 1;
			else if (strcmp(optarg, "text") == 0)
				json_out = 0;
			else
				return bad_usage("--format: '%s' is not text "
				    "or json", optarg);
			break;
		case 'l':
			list = 1;
			break;
		case OPT_DUMP:
			dump = 1;
			break;
		case 'r':
			rules = optarg;
			break;
		case 's':
			if (nsets == MAXSET)
				return bad_usage("more than %s --set options",
				    "256");
			sets[nsets++] = optarg;
			break;
		case 'V':
			printf(PROG " (libheavylegs) %s\n", hl_version());
			return fflush(stdout) == 0 && !ferror(stdout) ? EX_OK_ :
			    EX_IOERR_;
		default:	/* ':' or '?' */
			return cli_option_error(PROG, ch, argv);
		}
	}
	if (argc - optind > 1)
		return bad_usage("one input file at most (got '%s' too)",
		    argv[optind + 1]);
	if (argc - optind == 1)
		file = argv[optind];
	if (fmt == CLI_FMT_CSV && !batch)
		return bad_usage("--input-format %s needs --batch", "csv");
	if (batch && (fmt == CLI_FMT_TEXT || fmt == CLI_FMT_YAML))
		return bad_usage("--batch reads JSON Lines or CSV, not %s",
		    fmt == CLI_FMT_TEXT ? "text" : "yaml");
	if (batch && nsets > 0)
		return bad_usage("--set cannot be used with %s", "--batch");

	if (list) {
		list_inputs();
		goto flush;
	}
	if (dump) {
		fwrite(hl__default_rules, 1, hl__default_rules_len, stdout);
		goto flush;
	}

	/* the rulebase first: it is needed whatever the input */
	memset(&err, 0, sizeof err);
	if (rules != NULL) {
		if ((rbuf = read_all(rules, &rlen, &status)) == NULL)
			goto out;
		rc = hl_rulebase_load_buffer(rbuf, rlen, rules, &rb, &err);
		rules_text = rbuf;
	} else {
		rc = hl_rulebase_load_default(&rb, &err);
		rules_text = (const char *)hl__default_rules;
		rlen = hl__default_rules_len;
	}
	if (rc != HL_OK && rbuf != NULL && rc != HL_ENOMEM) {
		size_t nerr = 0;

		/* every error of the rulebase, as hl-lint would list them */
		hl_rulebase_lint(rbuf, rlen, rules, 20, rule_error, NULL, &nerr);
		if (nerr == 0)
			cli_say(PROG, "%s", err.message[0] ? err.message :
			    hl_strerror(rc));
		else if (nerr > 20)
			cli_say(PROG, "%s: %zu errors (the first 20 shown; "
			    "hl-lint shows more)", rules, nerr);
		status = EX_CONFIG_;
		goto out;
	}
	if (rc != HL_OK) {
		cli_say(PROG, "%s", err.message[0] ? err.message :
		    hl_strerror(rc));
		status = rc == HL_ENOMEM ? EX_SOFTWARE_ : rc == HL_EIO ?
		    EX_NOINPUT_ : EX_CONFIG_;
		goto out;
	}

	/* with only --set, no file is read */
	if (nsets == 0 || argc - optind == 1) {
		if ((buf = read_all(file, &len, &status)) == NULL)
			goto out;
		have_runner = 1;
	}
	shown = strcmp(file, "-") == 0 ? "<stdin>" : file;
	if (batch) {
		status = run_batch(rb, buf, len, fmt, shown);
		goto flush;
	}

	hl_inputs_init(&in, sizeof in);
	if (cli_runner_init(&r, &in, shown, print_problem, NULL) != 0) {
		cli_say(PROG, "out of memory");
		status = EX_SOFTWARE_;
		goto out;
	}
	if (have_runner)
		cli_parse_runner(&r, buf, len, fmt);
	r.source = "--set";
	for (i = 0; i < nsets; i++)
		cli_parse_assignment(&r, sets[i]);
	r.source = shown;
	cli_check_runner(&r);
	if (r.problems > 0) {
		cli_say(PROG, "%zu problem%s in the input; nothing was assessed",
		    r.problems, r.problems == 1 ? "" : "s");
		status = EX_DATAERR_;
		goto out;
	}
	if ((rc = hl_assess(rb, &in, &rep, &err)) != HL_OK) {
		cli_say(PROG, "%s: %s", shown, err.message[0] ? err.message :
		    hl_strerror(rc));
		status = rc == HL_ENOMEM ? EX_SOFTWARE_ : EX_DATAERR_;
		goto out;
	}
	if (json_out) {
		if ((json = report_json(rep)) == NULL) {
			cli_say(PROG, "out of memory");
			status = EX_SOFTWARE_;
			goto out;
		}
		printf("%s\n", json);
		free(json);
	} else {
		c.in = &in;
		c.all = all;
		c.nderived = hl_derived_count();
		if ((c.used = calloc(c.nderived + 1, 1)) == NULL) {
			cli_say(PROG, "out of memory");
			status = EX_SOFTWARE_;
			goto out;
		}
		print_report(rb, rep, &c, rules_text, rlen);
	}
flush:
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_say(PROG, "write error: %s", strerror(errno));
		status = EX_IOERR_;
	}
out:
	free(c.used);
	cli_runner_done(&r);
	hl_report_free(rep);
	hl_rulebase_free(rb);
	free(buf);
	free(rbuf);
	return status;
}
