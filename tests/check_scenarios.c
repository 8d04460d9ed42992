/* SPDX-License-Identifier: MIT */
/* check_scenarios.c - scenarios: rulebase, inputs and hand-computed expectations. */

/* The expectation language is described in tests/scenarios/README. */

#include <dirent.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_main.h"
#include "compiler.h"
#include "heavylegs.h"

#define MAXSCEN	512
#define MAXTOK	64

static const char *scendir = "tests/scenarios";
static char *scen[MAXSCEN];
static int nscen;

struct ctx {
	const char	*name;		/* the scenario */
	const char	*file;		/* file being read, for messages */
	int		 line;
	int		 failures;
	char		 first[512];
	hl_rulebase	*rb;
	hl_report	*rep;
	hl_inputs	 in;
	FILE		*json;		/* JSON assertions, for python3 */
};

static void bad(struct ctx *, const char *, ...) HL__PRINTF(2, 3);

static void
bad(struct ctx *c, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s/%s/%s:%d: %s\n", scendir, c->name, c->file,
	    c->line, msg);
	if (c->failures++ == 0)
		snprintf(c->first, sizeof c->first, "%s/%s:%d: %s", c->name,
		    c->file, c->line, msg);
}

static int
num(struct ctx *c, const char *s, double *d)
{
	char *end;

	*d = strtod(s, &end);
	if (end != s && *end == '\0')
		return 0;
	bad(c, "malformed number '%s'", s);
	return -1;
}

/* Check a number: got within 1e-9 of the text want, or both NaN. */
static void
same(struct ctx *c, const char *what, double got, const char *want)
{
	double w;

	if (num(c, want, &w) == 0 && (isnan(got) || isnan(w) ?
	    !(isnan(got) && isnan(w)) : fabs(got - w) > 1e-9))
		bad(c, "%s is %.17g, want %s", what, got, want);
}

static void
same_str(struct ctx *c, const char *what, const char *got, const char *want)
{
	if (got == NULL || strcmp(got, want) != 0)
		bad(c, "%s is '%s', want '%s'", what, got ? got : "(null)",
		    want);
}

static int
code_of(const char *s)
{
	static const char *names[] = { "HL_OK", "HL_ENOMEM", "HL_EINVAL",
	    "HL_EIO", "HL_ESYNTAX", "HL_ESCHEMA", "HL_EUNSUPPORTED",
	    "HL_EINPUT", "HL_ERANGE" };
	int i;

	for (i = 0; i < 9; i++)
		if (strcmp(s, names[i]) == 0)
			return -i;
	return 1;
}

/* Split s in place at the characters of sep; off[i] is token i's offset. */
static int
split(char *s, char **tok, size_t *off, const char *sep)
{
	char *base = s;
	int n = 0;

	while (n < MAXTOK && *(s += strspn(s, sep)) != '\0') {
		off[n] = (size_t)(s - base);
		tok[n++] = s;
		s += strcspn(s, sep);
		if (*s != '\0')
			*s++ = '\0';
	}
	return n;
}

/* inputs.txt: "name = v", "name = v0 v1 ..." or "name[i] = v". */
static void
read_inputs(struct ctx *c, const char *path)
{
	char line[2048], *tok[MAXTOK], *eq, *br;
	size_t off[MAXTOK], i, k;
	hl_input_info info;
	int n, t, idx;
	double v;
	FILE *fp;

	hl_inputs_init(&c->in, sizeof c->in);
	if ((fp = fopen(path, "r")) == NULL)
		return;
	c->file = "inputs.txt";
	for (c->line = 1; fgets(line, sizeof line, fp) != NULL; c->line++) {
		line[strcspn(line, "#\n")] = '\0';
		if ((eq = strchr(line, '=')) == NULL) {
			if (line[strspn(line, " \t")] != '\0')
				bad(c, "no '=' in an input line");
			continue;
		}
		*eq = '\0';
		if (split(line, tok, off, " \t") != 1) {
			bad(c, "malformed input name");
			continue;
		}
		idx = (br = strchr(tok[0], '[')) != NULL ? atoi(br + 1) : -1;
		if (br != NULL)
			*br = '\0';
		memset(&info, 0, sizeof info);
		for (i = 0; i < hl_input_count(); i++) {
			info.size = sizeof info;
			if (hl_input_describe(i, &info) == HL_OK &&
			    strcmp(info.name, tok[0]) == 0)
				break;
		}
		n = split(eq + 1, tok, off, " \t,");
		if (i == hl_input_count() || n < 1 || idx >= info.length ||
		    n > (idx >= 0 ? 1 : info.length)) {
			bad(c, "bad input line");
			continue;
		}
		for (t = 0; t < n; t++) {
			for (k = 0; k < (size_t)info.enum_count; k++)
				if (strcmp(tok[t], info.enum_names[k]) == 0)
					break;
			if (strcmp(tok[t], "unknown") == 0 ||
			    strcmp(tok[t], "-") == 0)
				v = NAN;
			else if (strcmp(tok[t], "yes") == 0 ||
			    strcmp(tok[t], "no") == 0)
				v = tok[t][0] == 'y';
			else if (k < (size_t)info.enum_count)
				v = (double)k;
			else if (num(c, tok[t], &v) != 0)
				continue;
			k = info.offset + 8 * (size_t)(idx >= 0 ? idx : t);
			memcpy((char *)&c->in + k, &v, sizeof v);
		}
	}
	fclose(fp);
}

static int
kind_of(const char *s)
{
	if (strcmp(s, "flag") == 0)
		return HL_FINDING_RED_FLAG;
	if (strcmp(s, "cause") == 0)
		return HL_FINDING_CAUSE;
	return strcmp(s, "strategy") == 0 ? HL_FINDING_STRATEGY : 0;
}

/* The finding id of a kind (0: any), and its rank among that kind. */
static const hl_finding *
find(struct ctx *c, int kind, const char *id, int *rank)
{
	const hl_finding *f;
	size_t i;
	int r = 0;

	for (i = 0; i < hl_report_count(c->rep); i++) {
		f = hl_report_finding(c->rep, i);
		if (kind != 0 && hl_finding_kind(f) != kind)
			continue;
		r++;
		if (strcmp(hl_finding_id(f), id) == 0) {
			if (rank != NULL)
				*rank = r;
			return f;
		}
	}
	bad(c, "%s is not in the report", id);
	return NULL;
}

/* "flag|cause|strategy ID key value ...". */
static void
finding_line(struct ctx *c, int kind, char **tok, int n)
{
	const hl_finding *f;
	const char *k;
	double got;
	int rank, i;

	if (n % 2 != 0) {
		bad(c, "malformed %s line", tok[0]);
		return;
	}
	if ((f = find(c, kind, tok[1], &rank)) == NULL)
		return;
	for (i = 2; i + 1 < n; i += 2) {
		k = tok[i];
		if (strcmp(k, "band") == 0) {
			same_str(c, "band", hl_finding_band(f),
			    strcmp(tok[i + 1], "\"\"") ? tok[i + 1] : "");
			continue;
		}
		got = !strcmp(k, "score") ? hl_finding_score(f) :
		    !strcmp(k, "coverage") ? hl_finding_coverage(f) :
		    !strcmp(k, "rank") ? rank :
		    !strcmp(k, "urgency") ? hl_finding_urgency(f) :
		    !strcmp(k, "secondary") ? hl_finding_secondary(f) : -1e300;
		if (got == -1e300)
			bad(c, "unknown key '%s'", k);
		else
			same(c, k, got, tok[i + 1]);
	}
}

/* The report's JSON text, malloc'ed, or NULL. */
static char *
json_text(const hl_report *rep)
{
	size_t need = 0;
	char *text;

	if (hl_report_json(rep, NULL, 0, &need) != HL_ERANGE ||
	    (text = malloc(need)) == NULL)
		return NULL;
	if (hl_report_json(rep, text, need, &need) == HL_OK)
		return text;
	free(text);
	return NULL;
}

/* Assessing again into the same report gives the same report. */
static void
reuse_check(struct ctx *c)
{
	char *a, *b = NULL;
	hl_error err = { 0 };

	c->line = 0;
	a = json_text(c->rep);
	if (hl_assess(c->rb, &c->in, &c->rep, &err) != HL_OK ||
	    a == NULL || (b = json_text(c->rep)) == NULL || strcmp(a, b) != 0)
		bad(c, "a reused report differs: %s", err.message);
	free(a);
	free(b);
}

/* Let python3 check the report's JSON against the json lines. */
static void
json_run(struct ctx *c)
{
	char cmd[700], buf[1024];
	char *text;
	size_t n;
	int rc;
	FILE *tmp = NULL;

	c->line = 0;
	if ((text = json_text(c->rep)) == NULL || (tmp = tmpfile()) == NULL)
		bad(c, "hl_report_json failed");
	else {
		/* The JSON text first, then the assertions. */
		fprintf(tmp, "%s\n", text);
		rewind(c->json);
		while ((n = fread(buf, 1, sizeof buf, c->json)) > 0)
			fwrite(buf, 1, n, tmp);
		fflush(tmp);
		snprintf(cmd, sizeof cmd, "python3 tests/scenarios/json_check.py"
		    " /dev/fd/%d '%s/%s/expect.txt'", fileno(tmp), scendir,
		    c->name);
		if ((rc = system(cmd)) != 0)
			bad(c, "JSON assertions failed (status %d)", rc);
	}
	if (tmp != NULL)
		fclose(tmp);
	free(text);
}

/* One report assertion; line + off[i] is the text from token i on. */
static void
assertion(struct ctx *c, char **tok, int n, const char *line, size_t *off)
{
	const hl_finding *f;
	char buf[32];
	const char *s;
	size_t i;
	int k;

	s = tok[0];
	/* JSON lines: "LINE<tab>PATH<tab>VALUE" for pycheck. */
	if (strcmp(s, "json") == 0 && n >= 3)
		fprintf(c->json, "%d\t%s\t%s\n", c->line, tok[1], line + off[2]);
	else if (strcmp(s, "json-valid") == 0 && n == 1)
		fprintf(c->json, "%d\t\t\n", c->line);
	else if (strcmp(s, "json-contains") == 0 && n >= 2)
		fprintf(c->json, "%d\t~\t%s\n", c->line, line + off[1]);
	else if (strcmp(s, "confidence_low") == 0 && n == 2)
		fprintf(c->json, "%d\tconfidence_low\t%s\n", c->line,
		    strcmp(tok[1], "yes") == 0 ? "true" : "false");
	else if (strcmp(s, "triage") == 0 && n == 2)
		same(c, s, hl_report_triage(c->rep), tok[1]);
	else if (strcmp(s, "suppress") == 0 && n == 2)
		same(c, s, hl_report_suppress_training_advice(c->rep),
		    strcmp(tok[1], "yes") == 0 ? "1" : "0");
	else if (strcmp(s, "confidence") == 0 && n == 2)
		same(c, s, hl_report_confidence(c->rep), tok[1]);
	else if (strcmp(s, "warnings") == 0 && n == 2)
		same(c, s, (double)hl_report_warning_count(c->rep), tok[1]);
	else if (kind_of(s) != 0 && n >= 2)
		finding_line(c, kind_of(s), tok, n);
	else if (strncmp(s, "no-", 3) == 0 && kind_of(s + 3) && n == 2) {
		for (i = 0; i < hl_report_count(c->rep); i++)
			if (strcmp(hl_finding_id(hl_report_finding(c->rep, i)),
			    tok[1]) == 0)
				bad(c, "%s is in the report", tok[1]);
	} else if (strcmp(s, "findings") == 0 || strcmp(s, "questions") == 0) {
		k = s[0] == 'f';
		i = k ? hl_report_count(c->rep) :
		    hl_report_question_count(c->rep);
		if (i != (size_t)(n - 1))
			bad(c, "%zu %s, want %d", i, s, n - 1);
		for (i = 0; i < (size_t)(n - 1); i++)
			same_str(c, s, k ? hl_finding_id(hl_report_finding(
			    c->rep, i)) : hl_report_question(c->rep, i),
			    tok[i + 1]);
	} else if (strcmp(s, "count") == 0 && n == 3) {
		for (k = 0, i = 0; i < hl_report_count(c->rep); i++)
			k += hl_finding_kind(hl_report_finding(c->rep, i)) ==
			    kind_of(tok[1]);
		same(c, "count", k, tok[2]);
	} else if (strcmp(s, "metric") == 0 && n == 3) {
		hl_error err = { 0 };
		double got;
		if ((k = hl_inputs_derive(&c->in, tok[1], &got, &err)) != 0)
			bad(c, "hl_inputs_derive: %s", err.message);
		else
			same(c, tok[1], got, tok[2]);
	} else if (strcmp(s, "evidence") == 0 && (n == 4 || n == 6)) {
		if ((f = find(c, 0, tok[1], NULL)) == NULL)
			return;
		i = (size_t)atoi(tok[2]);
		k = hl_finding_evidence_state(f, i);
		if (i >= hl_finding_evidence_count(f))
			bad(c, "%s has no evidence %zu", tok[1], i);
		same_str(c, "state", k == HL_STATE_FIRED ? "fired" :
		    k == HL_STATE_UNKNOWN ? "unknown" : "not_fired", tok[3]);
		if (n == 6)
			same(c, tok[4], hl_finding_evidence_weight(f, i), tok[5]);
	} else if (strcmp(s, "evidence-count") == 0 && n == 3) {
		if ((f = find(c, 0, tok[1], NULL)) != NULL)
			same(c, s, hl_finding_evidence_count(f), tok[2]);
	} else if (strncmp(s, "evidence-", 9) == 0 && n >= 3) {
		if ((f = find(c, 0, tok[1], NULL)) != NULL)
			same_str(c, s, s[9] == 'w' ? hl_finding_evidence_when(f,
			    atoi(tok[2])) : hl_finding_evidence_text(f,
			    atoi(tok[2])), n > 3 ? line + off[3] : "");
	} else if (strcmp(s, "advice") == 0 && n >= 2) {
		if ((f = find(c, 0, tok[1], NULL)) != NULL)
			same_str(c, s, hl_finding_advice(f),
			    n > 2 ? line + off[2] : "");
	} else if (strcmp(s, "triage-name") == 0 || strcmp(s, "disclaimer") == 0)
		same_str(c, s, s[0] == 't' ? hl_report_triage_name(c->rep) :
		    hl_report_disclaimer(c->rep), n > 1 ? line + off[1] : "");
	else {
		snprintf(buf, sizeof buf, "%.20s", line);
		bad(c, "malformed expectation '%s...'", buf);
	}
}

/* "error ..." and "input-error ...", given the status and hl_error. */
static void
error_line(struct ctx *c, char **tok, int n, const char *line, size_t *off,
    int rc, const hl_error *err, const char *path)
{
	char prefix[600];
	const char *msg, *want;
	int k;

	if (strcmp(tok[0], "error-rule") == 0 ||
	    strcmp(tok[0], "error-name") == 0) {
		want = n == 2 && strcmp(tok[1], "-") ? tok[1] : "";
		same_str(c, tok[0], tok[0][6] == 'r' ? err->rule : err->name,
		    want);
		return;
	}
	if (n < (tok[0][0] == 'e' ? 4 : 3) || code_of(tok[1]) > 0) {
		bad(c, "malformed %s line", tok[0]);
		return;
	}
	if (rc != code_of(tok[1])) {
		bad(c, "status %d (%s), want %s", rc, err->message, tok[1]);
		return;
	}
	if (tok[0][0] == 'i') {
		same_str(c, "input error name", err->name, tok[2]);
		if (n > 3)
			same(c, "input error count", err->count, tok[3]);
		if (n > 4 && strstr(err->message, line + off[4]) == NULL)
			bad(c, "message '%s' lacks '%s'", err->message,
			    line + off[4]);
		return;
	}
	if (strcmp(tok[2], "-") != 0)
		same(c, "error line", err->line, tok[2]);
	if (strcmp(tok[3], "-") != 0)
		same(c, "error column", err->column, tok[3]);
	/* "FILE:LINE:COL: rule ID: what", the rule part only inside a rule. */
	snprintf(prefix, sizeof prefix, "%.500s:%d:%d: ", path, err->line,
	    err->column);
	if (strcmp(err->file, path) != 0 ||
	    strncmp(err->message, prefix, strlen(prefix)) != 0)
		bad(c, "message '%s' does not start with '%s'", err->message,
		    prefix);
	msg = err->message + strlen(prefix);
	k = strncmp(msg, "rule ", 5) == 0 ? (int)strspn(msg + 5,
	    "abcdefghijklmnopqrstuvwxyz0123456789_") : 0;
	snprintf(prefix, sizeof prefix, "rule %.64s: ", err->rule);
	if (err->rule[0] != '\0' ? strncmp(msg, prefix, strlen(prefix)) != 0 :
	    k > 0 && msg[5 + k] == ':')
		bad(c, "message '%s' and rule '%s' disagree", err->message,
		    err->rule);
	if (n > 4 && strstr(err->message, line + off[4]) == NULL)
		bad(c, "message '%s' lacks '%s'", err->message, line + off[4]);
}

START_TEST(run_scenario)
{
	struct ctx c;
	char rules[600], path[600], line[2048], buf[2048], *tok[MAXTOK];
	size_t off[MAXTOK];
	hl_error err = { 0 };
	int n, pass, rc = 0, lrc, mode = 0;
	FILE *fp;

	memset(&c, 0, sizeof c);
	c.name = scen[_i];
	snprintf(rules, sizeof rules, "%s/%s/rules.yaml", scendir, c.name);
	if (access(rules, F_OK) == 0)
		lrc = hl_rulebase_load_file(rules, &c.rb, &err);
	else
		lrc = hl_rulebase_load_default(&c.rb, &err);
	snprintf(path, sizeof path, "%s/%s/inputs.txt", scendir, c.name);
	read_inputs(&c, path);
	snprintf(path, sizeof path, "%s/%s/expect.txt", scendir, c.name);
	c.file = "expect.txt";
	c.line = 0;
	if ((fp = fopen(path, "r")) == NULL || (c.json = tmpfile()) == NULL) {
		bad(&c, "cannot open expect.txt or a temporary file");
		goto out;
	}
	/* Pass 0 finds the mode: 1 load error, 2 input error, 4 report. */
	for (pass = 0; pass < 2; pass++) {
		rewind(fp);
		for (c.line = 1; fgets(line, sizeof line, fp); c.line++) {
			line[strcspn(line, "\r\n")] = '\0';
			memcpy(buf, line, sizeof buf);
			if ((n = split(buf, tok, off, " \t")) == 0 ||
			    tok[0][0] == '#')
				continue;
			if (pass == 0)
				mode |= strncmp(tok[0], "error", 5) == 0 ? 1 :
				    strcmp(tok[0], "input-error") == 0 ? 2 : 4;
			else if (mode == 4)
				assertion(&c, tok, n, line, off);
			else
				error_line(&c, tok, n, line, off,
				    mode == 1 ? lrc : rc, &err, rules);
		}
		c.line = 0;
		if (pass == 1 || mode == 1)
			continue;
		if (mode != 2 && mode != 4) {
			bad(&c, "no expectation, or a mix of load, input and "
			    "report expectations");
			break;
		}
		if (lrc != HL_OK) {
			bad(&c, "load failed: %s", err.message);
			break;
		}
		memset(&err, 0, sizeof err);
		rc = hl_assess(c.rb, &c.in, &c.rep, &err);
		if (mode == 4 && rc != HL_OK) {
			bad(&c, "hl_assess: %s", err.message);
			break;
		}
		if (mode == 2) {
			hl_error e2 = { 0 };
			if (hl_inputs_check(&c.in, &e2) != rc ||
			    strcmp(e2.name, err.name) != 0)
				bad(&c, "hl_inputs_check: %s", e2.message);
		}
	}
	if (mode == 4 && c.rep != NULL) {
		reuse_check(&c);
		if (ftell(c.json) > 0)
			json_run(&c);
	}
out:
	if (fp != NULL)
		fclose(fp);
	if (c.json != NULL)
		fclose(c.json);
	hl_report_free(c.rep);
	hl_rulebase_free(c.rb);
	if (c.failures > 0)
		ck_abort_msg("%d failed: %s", c.failures, c.first);
}
END_TEST

static int
is_case(const struct dirent *d)
{
	char path[600];
	struct stat st;

	snprintf(path, sizeof path, "%s/%s", scendir, d->d_name);
	return d->d_name[0] != '.' && stat(path, &st) == 0 &&
	    S_ISDIR(st.st_mode);
}

static Suite *
suite_scenarios(void)
{
	struct dirent **list;
	Suite *s;
	TCase *tc;
	int i, n;

	if (getenv("HL_SCENARIOS") != NULL)
		scendir = getenv("HL_SCENARIOS");
	s = suite_create("scenarios");
	tc = tcase_create("scenarios");
	tcase_set_timeout(tc, 120);
	n = scandir(scendir, &list, is_case, alphasort);
	for (i = 0; i < n; i++) {
		if (nscen < MAXSCEN)
			scen[nscen++] = strdup(list[i]->d_name);
		free(list[i]);
	}
	if (n >= 0)
		free(list);
	tcase_add_loop_test(tc, run_scenario, 0, nscen);
	suite_add_tcase(s, tc);
	return s;
}

HL_CHECK_MAIN(suite_scenarios)
