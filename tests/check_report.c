/* SPDX-License-Identifier: MIT */
/* check_report.c - report reuse, allocation failures, JSON, text, locale and threads. */

#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "heavylegs.h"

/* The test allocator of lib/alloc.c (built with -DHL_TESTING). */
void hl__alloc_fail_after(long n);
long hl__alloc_count(void);

#define RULES_FILE	"rules/heavylegs.yaml"
#define NRUNNERS	6
#define JSON_CAP	(256 * 1024)

/* A small rulebase whose texts show the runner's values. */
static const char templates[] =
    "heavylegs: 1\n"
    "name: templates\n"
    "version: \"0.1\"\n"
    "disclaimer: Not advice.\n"
    "red_flags:\n"
    "  - id: rf_side\n"
    "    title: One side\n"
    "    advice: \"Side {heaviness_side}, calf {calf_swelling_one_side}\"\n"
    "    levels:\n"
    "      - { when: heaviness_side == one, urgency: 2 }\n"
    "causes:\n"
    "  - id: load\n"
    "    title: Load\n"
    "    leak: 0.05\n"
    "    advice: \"You ran {acute_km:.0f} km this week ({acwr:.2f}x)\"\n"
    "    evidence:\n"
    "      - when: acute_km > 50\n"
    "        weight: 0.4\n"
    "        explain: \"{acute_km:.1f} km in 7 days; {{not a name}}\"\n"
    "      - when: thirsty\n"
    "        weight: 0.2\n"
    "        explain: \"thirsty: {thirsty}, air {air_temp_c} C\"\n"
    "strategies:\n"
    "  - id: ease\n"
    "    title: Ease off\n"
    "    addresses: [load]\n"
    "    advice: \"Keep it under {acute_km:.0f} km\"\n";

/*
 * Strings that must be escaped in JSON.  (Other control characters never
 * reach a report: the loader refuses them in rule texts.)
 */
static const char escapes[] =
    "heavylegs: 1\n"
    "name: \"quote \\\" backslash \\\\ tab \\t nl \\n caf\\u00e9 \\u2192\"\n"
    "causes:\n"
    "  - id: c\n"
    "    title: \"Say \\\"hi\\\"\\n\\t end\"\n"
    "    leak: 0.5\n"
    "    advice: \"\\\\{{x}}\"\n";

static hl_rulebase *
load_text(const char *yaml)
{
	hl_rulebase *rb = NULL;
	hl_error err;
	int rc;

	memset(&err, 0, sizeof err);
	rc = hl_rulebase_load_buffer(yaml, strlen(yaml), "test.yaml", &rb,
	    &err);
	ck_assert_msg(rc == HL_OK, "load failed (%d): %s", rc, err.message);
	return rb;
}

static hl_rulebase *
load_rules(void)
{
	hl_rulebase *rb = NULL;
	hl_error err;
	int rc;

	memset(&err, 0, sizeof err);
	rc = hl_rulebase_load_file(RULES_FILE, &rb, &err);
	ck_assert_msg(rc == HL_OK, "load %s failed (%d): %s", RULES_FILE, rc,
	    err.message);
	return rb;
}

/* Runner k of a fixed, varied set (k = 0 knows nothing). */
static void
runner(hl_inputs *in, int k)
{
	int i;

	hl_inputs_init(in, sizeof *in);
	if (k == 0)
		return;
	in->age_years = 20 + 9 * k;
	in->sex = k % 2 ? HL_SEX_FEMALE : HL_SEX_MALE;
	in->body_mass_kg = 55 + 4 * k;
	for (i = 0; i < HL_SERIES_DAYS; i++) {
		in->daily_distance_km[i] = (i + k) % 3 == 0 ? 0 :
		    4 + (i * 7 + k) % 9 + (i < 7 ? 2.5 * k : 0);
		in->daily_duration_min[i] = in->daily_distance_km[i] * 6;
		in->daily_sleep_h[i] = 5.5 + (i % 4) * 0.5 + (k > 3);
		in->daily_resting_hr_bpm[i] = 50 + (i < 7 ? 2 * k : 0) + i % 3;
		in->daily_hrv_rmssd_ms[i] = 60 + (i % 5) * 4 - (i < 7 ? 3 * k :
		    0);
		in->daily_session_rpe[i] = in->daily_distance_km[i] > 0 ?
		    3 + (i + k) % 6 : 0;
	}
	in->last_run_duration_min = 40 + 20 * k;
	in->air_temp_c = 12 + 4 * k;
	in->relative_humidity_pct = 40 + 8 * k;
	in->pre_run_body_mass_kg = in->body_mass_kg;
	in->post_run_body_mass_kg = in->body_mass_kg * (1 - 0.006 * k);
	in->fluid_during_run_l = 0.1 * (k % 3);
	in->urine_color = 2 + k;
	in->thirsty = k % 2;
	in->ferritin_ug_l = 12 + 9 * k;
	in->warmup_min = k;
	in->heavy_mainly_early_in_run = k > 2;
	in->mood_low = k == 3;
	if (k == 2) {
		in->heaviness_side = HL_SIDE_ONE;
		in->calf_swelling_one_side = HL_YES;
		in->numbness_tingling = HL_YES;
	}
	if (k == 4) {
		in->age_years = 101;		/* implausible: a warning */
		in->chest_pain_or_breathlessness = HL_YES;
	}
	if (k == 5) {
		in->heaviness_side = HL_SIDE_BOTH;
		in->calf_swelling_one_side = HL_NO;
		in->leg_warm_red_tender = HL_NO;
		in->chest_pain_or_breathlessness = HL_NO;
		in->numbness_tingling = HL_NO;
		in->skin_change = HL_SKIN_NONE;
		in->dark_urine_after_run = HL_NO;
		in->heaviness_onset = HL_ONSET_GRADUAL;
		in->heaviness_severity = 4;
		in->leg_weakness_or_foot_drop = HL_NO;
		in->saddle_numbness_or_bladder_bowel_change = HL_NO;
		in->carb_intake_g_day = 180;
		in->menstrual_status = HL_MENSES_IRREGULAR;
	}
}

static void
assess_ok(const hl_rulebase *rb, const hl_inputs *in, hl_report **r)
{
	hl_error err;
	int rc;

	memset(&err, 0, sizeof err);
	rc = hl_assess(rb, in, r, &err);
	ck_assert_msg(rc == HL_OK, "assess failed (%d): %s", rc, err.message);
}

/* The report's JSON in a new malloc'd string. */
static char *
json_of(const hl_report *r)
{
	size_t need = 0;
	char *buf;

	ck_assert_int_eq(hl_report_json(r, NULL, 0, &need), HL_ERANGE);
	ck_assert_uint_gt(need, 1);
	buf = malloc(need);
	ck_assert_ptr_nonnull(buf);
	ck_assert_int_eq(hl_report_json(r, buf, need, &need), HL_OK);
	ck_assert_uint_eq(strlen(buf) + 1, need);
	return buf;
}

/* ---- reuse ---- */

START_TEST(reuse_allocates_nothing)
{
	hl_rulebase *rb = load_rules();
	hl_report *reused = NULL, *fresh;
	hl_inputs in;
	char *a, *b;
	int k;

	runner(&in, 1);
	assess_ok(rb, &in, &reused);
	for (k = 0; k < NRUNNERS; k++) {
		runner(&in, k);
		hl__alloc_fail_after(-1);
		assess_ok(rb, &in, &reused);
		ck_assert_msg(hl__alloc_count() == 0,
		    "runner %d: reuse made %ld allocations", k,
		    hl__alloc_count());
		fresh = NULL;
		assess_ok(rb, &in, &fresh);
		a = json_of(reused);
		b = json_of(fresh);
		ck_assert_str_eq(a, b);
		free(a);
		free(b);
		hl_report_free(fresh);
	}
	hl_report_free(reused);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(reuse_across_rulebases)
{
	hl_rulebase *small = load_text(templates), *big = load_rules();
	hl_report *r = NULL, *fresh = NULL;
	hl_inputs in;
	char *a, *b;

	runner(&in, 2);
	assess_ok(small, &in, &r);
	ck_assert_str_eq(hl_finding_id(hl_report_finding(r, 0)), "rf_side");
	/* a larger rulebase may reallocate, and gives the fresh result */
	assess_ok(big, &in, &r);
	assess_ok(big, &in, &fresh);
	a = json_of(r);
	b = json_of(fresh);
	ck_assert_str_eq(a, b);
	free(a);
	free(b);
	/* back to the smaller one: the room is there already */
	hl__alloc_fail_after(-1);
	assess_ok(small, &in, &r);
	ck_assert_int_eq(hl__alloc_count(), 0);
	ck_assert_str_eq(hl_finding_id(hl_report_finding(r, 0)), "rf_side");
	ck_assert_uint_eq(hl_report_count(r), 3);
	hl_report_free(r);
	hl_report_free(fresh);
	hl_rulebase_free(small);
	hl_rulebase_free(big);
}
END_TEST

/* ---- allocation failures ---- */

START_TEST(alloc_fail_assess)
{
	hl_rulebase *rb = load_rules(), *small = load_text(templates);
	hl_report *r;
	hl_inputs in;
	long n;
	int rc;

	runner(&in, 1);
	for (n = 0;; n++) {
		ck_assert_int_lt(n, 1000);
		r = NULL;
		hl__alloc_fail_after(n);
		rc = hl_assess(rb, &in, &r, NULL);
		hl__alloc_fail_after(-1);
		if (rc == HL_OK)
			break;
		ck_assert_int_eq(rc, HL_ENOMEM);
		ck_assert_ptr_null(r);
	}
	ck_assert_int_gt(n, 0);
	hl_report_free(r);

	/* growing a reused report: on failure it is valid and empty */
	for (n = 0;; n++) {
		ck_assert_int_lt(n, 1000);
		r = NULL;
		assess_ok(small, &in, &r);
		hl__alloc_fail_after(n);
		rc = hl_assess(rb, &in, &r, NULL);
		hl__alloc_fail_after(-1);
		ck_assert_ptr_nonnull(r);
		if (rc == HL_OK) {
			hl_report_free(r);
			break;
		}
		ck_assert_int_eq(rc, HL_ENOMEM);
		ck_assert_uint_eq(hl_report_count(r), 0);
		ck_assert_uint_eq(hl_report_question_count(r), 0);
		free(json_of(r));
		/* and usable again */
		assess_ok(rb, &in, &r);
		ck_assert_uint_gt(hl_report_count(r), 0);
		hl_report_free(r);
	}
	ck_assert_int_gt(n, 0);
	hl_rulebase_free(rb);
	hl_rulebase_free(small);
}
END_TEST

/* Ask for every text of r; 1 if all came back, 0 if one was NULL. */
static int
all_text(const hl_report *r)
{
	const hl_finding *f;
	size_t i, j;
	int ok = 1;

	for (i = 0; i < hl_report_count(r); i++) {
		f = hl_report_finding(r, i);
		ck_assert_ptr_nonnull(hl_finding_id(f));
		ck_assert_ptr_nonnull(hl_finding_title(f));
		ck_assert_ptr_nonnull(hl_finding_band(f));
		if (hl_finding_advice(f) == NULL)
			ok = 0;
		for (j = 0; j < hl_finding_evidence_count(f); j++) {
			ck_assert_ptr_nonnull(hl_finding_evidence_when(f, j));
			if (hl_finding_evidence_text(f, j) == NULL)
				ok = 0;
		}
	}
	for (i = 0; i < hl_report_warning_count(r); i++)
		if (hl_report_warning(r, i) == NULL)
			ok = 0;
	return ok;
}

START_TEST(alloc_fail_text_and_json)
{
	hl_rulebase *rbs[2];
	hl_report *r;
	hl_inputs in;
	char *want, *buf;
	size_t need, b;
	long n;
	int rc, k;

	rbs[0] = load_text(templates);
	rbs[1] = load_rules();
	buf = malloc(JSON_CAP);
	ck_assert_ptr_nonnull(buf);
	for (b = 0; b < 2; b++)
		for (k = 1; k < NRUNNERS; k++) {
			runner(&in, k);
			r = NULL;
			assess_ok(rbs[b], &in, &r);
			want = json_of(r);
			hl_report_free(r);

			for (n = 0;; n++) {
				ck_assert_int_lt(n, 10000);
				r = NULL;
				assess_ok(rbs[b], &in, &r);
				hl__alloc_fail_after(n);
				rc = hl_report_json(r, buf, JSON_CAP, &need);
				hl__alloc_fail_after(-1);
				if (rc == HL_OK) {
					ck_assert_str_eq(buf, want);
					hl_report_free(r);
					break;
				}
				ck_assert_int_eq(rc, HL_ENOMEM);
				ck_assert_str_eq(buf, "");
				/* the rest renders once memory is back */
				ck_assert_int_eq(hl_report_json(r, buf,
				    JSON_CAP, &need), HL_OK);
				ck_assert_str_eq(buf, want);
				hl_report_free(r);
			}
			for (n = 0;; n++) {
				ck_assert_int_lt(n, 10000);
				r = NULL;
				assess_ok(rbs[b], &in, &r);
				hl__alloc_fail_after(n);
				rc = all_text(r);
				hl__alloc_fail_after(-1);
				hl_report_free(r);
				if (rc)
					break;
			}
			free(want);
		}
	free(buf);
	hl_rulebase_free(rbs[0]);
	hl_rulebase_free(rbs[1]);
}
END_TEST

/* ---- JSON ---- */

START_TEST(json_range_and_needed)
{
	hl_rulebase *rb = load_rules();
	hl_report *r = NULL;
	hl_inputs in;
	size_t need = 0, need2 = 0;
	char *buf, small[8];

	runner(&in, 1);
	assess_ok(rb, &in, &r);
	ck_assert_int_eq(hl_report_json(r, NULL, 0, &need), HL_ERANGE);
	ck_assert_uint_gt(need, 100);
	buf = malloc(need);
	ck_assert_ptr_nonnull(buf);
	/* one byte short: HL_ERANGE, the same size, an empty string */
	memset(buf, 'x', need);
	ck_assert_int_eq(hl_report_json(r, buf, need - 1, &need2),
	    HL_ERANGE);
	ck_assert_uint_eq(need2, need);
	ck_assert_str_eq(buf, "");
	ck_assert_int_eq(hl_report_json(r, small, sizeof small, &need2),
	    HL_ERANGE);
	ck_assert_uint_eq(need2, need);
	/* exactly enough */
	ck_assert_int_eq(hl_report_json(r, buf, need, &need2), HL_OK);
	ck_assert_uint_eq(need2, need);
	ck_assert_uint_eq(strlen(buf), need - 1);
	ck_assert_int_eq(buf[0], '{');
	ck_assert_int_eq(buf[need - 2], '}');
	/* needed may be NULL */
	ck_assert_int_eq(hl_report_json(r, buf, need, NULL), HL_OK);
	/* bad arguments */
	ck_assert_int_eq(hl_report_json(NULL, buf, need, &need2), HL_EINVAL);
	ck_assert_uint_eq(need2, 0);
	ck_assert_int_eq(hl_report_json(r, NULL, 10, &need2), HL_EINVAL);
	free(buf);
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(json_fields)
{
	static const char *const keys[] = {
		"{\"rulebase\":{\"name\":\"templates\",\"version\":\"0.1\"},"
		    "\"triage\":{\"urgency\":2,\"name\":\"see_doctor_soon\"},"
		    "\"triage_high\":{\"urgency\":",
		    "\"screen_complete\":false,"
		    "\"suppress_training_advice\":false,\"confidence\":",
		",\"confidence_low\":false,\"findings\":[{\"kind\":\"red_flag\","
		    "\"id\":\"rf_side\",\"title\":\"One side\",\"advice\":"
		    "\"Side one, calf yes\",\"score\":null,\"score_low\":null,"
		    "\"score_high\":null,\"band\":"
		    "\"see_doctor_soon\",\"coverage\":null,\"urgency\":2,"
		    "\"secondary\":false,\"evidence\":[{\"when\":"
		    "\"heaviness_side == one\",\"weight\":2,\"state\":\"fired\","
		    "\"text\":\"heaviness_side == one\"}]},",
		"{\"kind\":\"cause\",\"id\":\"load\",\"title\":\"Load\",",
		"\"score\":",
		"\"band\":\"moderate\",\"coverage\":1,\"urgency\":0,"
		    "\"secondary\":false,\"evidence\":[{\"when\":\"acute_km > 50\","
		    "\"weight\":0.4,\"state\":\"fired\",\"text\":",
		"{\"kind\":\"strategy\",\"id\":\"ease\",\"title\":\"Ease off\","
		    "\"advice\":\"Keep it under",
		"\"band\":\"moderate\",\"coverage\":null,\"urgency\":0,"
		    "\"secondary\":false,\"evidence\":[]}],\"questions\":[",
		"],\"warnings\":[],\"derived\":{\"acute_km\":",
		",\"heat_index_c\":",
		"},\"disclaimer\":\"Not advice.\"}",
	};
	hl_rulebase *rb = load_text(templates);
	hl_report *r = NULL;
	hl_inputs in;
	char *json;
	size_t i;

	runner(&in, 2);
	in.thirsty = HL_NO;
	assess_ok(rb, &in, &r);
	json = json_of(r);
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		ck_assert_msg(strstr(json, keys[i]) != NULL,
		    "JSON lacks %s:\n%s", keys[i], json);
	free(json);
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(json_escapes)
{
	hl_rulebase *rb = load_text(escapes);
	hl_report *r = NULL;
	hl_inputs in;
	char *json;

	hl_inputs_init(&in, sizeof in);
	assess_ok(rb, &in, &r);
	json = json_of(r);
	ck_assert_msg(strstr(json, "\"name\":\"quote \\\" backslash \\\\ tab "
	    "\\t nl \\n caf\xc3\xa9 \xe2\x86\x92\"") != NULL,
	    "%s", json);
	ck_assert_msg(strstr(json, "\"title\":\"Say \\\"hi\\\"\\n\\t"
	    " end\"") != NULL, "%s", json);
	ck_assert_msg(strstr(json, "\"advice\":\"\\\\{x}\"") != NULL, "%s",
	    json);
	/* a rulebase without a version has "" */
	ck_assert_msg(strstr(json, "\"version\":\"\"") != NULL, "%s", json);
	free(json);
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

/* Write text to a new temporary file; its name goes to path. */
static void
write_temp(char *path, const char *text)
{
	FILE *fp;
	int fd;

	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	fp = fdopen(fd, "w");
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(text, 1, strlen(text), fp), strlen(text));
	ck_assert_int_eq(fclose(fp), 0);
}

/* Run "cmd FILE" on a temporary file holding text; its exit status. */
static int
run_on_file(const char *cmd, const char *text)
{
	char path[] = "/tmp/hl-json-XXXXXX", line[256];
	int rc;

	write_temp(path, text);
	snprintf(line, sizeof line, "%s %s >/dev/null", cmd, path);
	rc = system(line);
	unlink(path);
	return rc;
}

/* Structure check: every key of every level, with its JSON type. */
static const char check_py[] =
    "import json,sys\n"
    "d=json.load(open(sys.argv[1],encoding='utf-8'))\n"
    "assert list(d)==['rulebase','triage','triage_high','screen_complete',"
    "'suppress_training_advice','confidence','confidence_low','findings',"
    "'questions','warnings','derived','disclaimer'],list(d)\n"
    "assert list(d['rulebase'])==['name','version']\n"
    "assert list(d['triage'])==['urgency','name']\n"
    "assert list(d['triage_high'])==['urgency','name']\n"
    "assert d['triage']['urgency']<=d['triage_high']['urgency']<=4\n"
    "assert isinstance(d['screen_complete'],bool)\n"
    "assert all(v is None or isinstance(v,(int,float)) for v in d['derived'].values())\n"
    "assert 'acwr' in d['derived'] and 'load_ratio' in d['derived']\n"
    "assert isinstance(d['suppress_training_advice'],bool)\n"
    "assert isinstance(d['confidence_low'],bool)\n"
    "for f in d['findings']:\n"
    " assert list(f)==['kind','id','title','advice','score','score_low',"
    "'score_high','band','coverage','urgency','secondary','evidence'],list(f)\n"
    " if f['kind']=='cause':\n"
    "  assert f['score_low']<=f['score']+1e-12<=f['score_high']+2e-12,f\n"
    " else:\n"
    "  assert f['score_low'] is None and f['score_high'] is None\n"
    " assert f['kind'] in ('red_flag','cause','strategy')\n"
    " assert isinstance(f['urgency'],int) and isinstance(f['secondary'],bool)\n"
    " for e in f['evidence']:\n"
    "  assert list(e)==['when','weight','state','text'],list(e)\n"
    "  assert e['state'] in ('fired','not_fired','unknown')\n"
    "assert all(isinstance(q,str) for q in d['questions'])\n"
    "assert all(isinstance(w,str) for w in d['warnings'])\n"
    "assert isinstance(d['disclaimer'],str)\n";

START_TEST(json_parses_back)
{
	hl_rulebase *rbs[3];
	hl_report *r = NULL;
	hl_inputs in;
	char *json;
	int b, k;

	char script[] = "/tmp/hl-check-XXXXXX", cmd[64];

	ck_assert_msg(system("command -v python3 >/dev/null 2>&1") == 0,
	    "python3 is missing: install the python3 package (make deps)");
	write_temp(script, check_py);
	snprintf(cmd, sizeof cmd, "python3 %s", script);
	rbs[0] = load_rules();
	rbs[1] = load_text(templates);
	rbs[2] = load_text(escapes);
	for (b = 0; b < 3; b++)
		for (k = 0; k < NRUNNERS; k++) {
			runner(&in, k);
			assess_ok(rbs[b], &in, &r);
			json = json_of(r);
			ck_assert_msg(run_on_file("python3 -m json.tool", json)
			    == 0, "python3 -m json.tool refused:\n%.3000s", json);
			ck_assert_msg(run_on_file(cmd, json) == 0,
			    "structure check failed:\n%.3000s", json);
			free(json);
		}
	unlink(script);
	hl_report_free(r);
	for (b = 0; b < 3; b++)
		hl_rulebase_free(rbs[b]);
}
END_TEST

START_TEST(json_same_under_locale)
{
	hl_rulebase *rb, *rb2;
	hl_report *r = NULL, *r2 = NULL;
	hl_inputs in;
	char *want[NRUNNERS], *got, num[32];
	double score[NRUNNERS];
	int k;

	rb = load_rules();
	for (k = 0; k < NRUNNERS; k++) {
		runner(&in, k);
		assess_ok(rb, &in, &r);
		want[k] = json_of(r);
		score[k] = hl_finding_score(hl_report_finding(r,
		    hl_report_count(r) - 1));
	}
	ck_assert_msg(setlocale(LC_ALL, "de_DE.UTF-8") != NULL,
	    "locale de_DE.UTF-8 is missing: run `make deps`");
	snprintf(num, sizeof num, "%.1f", 0.5);
	ck_assert_str_eq(num, "0,5");	/* the locale is really in force */
	rb2 = load_rules();
	for (k = 0; k < NRUNNERS; k++) {
		runner(&in, k);
		assess_ok(rb2, &in, &r2);
		got = json_of(r2);
		ck_assert_str_eq(got, want[k]);
		ck_assert(hl_finding_score(hl_report_finding(r2,
		    hl_report_count(r2) - 1)) == score[k] ||
		    (isnan(score[k]) && isnan(hl_finding_score(
		    hl_report_finding(r2, hl_report_count(r2) - 1)))));
		free(got);
		free(want[k]);
	}
	setlocale(LC_ALL, "C");
	hl_report_free(r);
	hl_report_free(r2);
	hl_rulebase_free(rb);
	hl_rulebase_free(rb2);
}
END_TEST

/* ---- text ---- */

START_TEST(templates_show_values)
{
	hl_rulebase *rb = load_text(templates);
	hl_report *r = NULL;
	const hl_finding *f;
	hl_inputs in;
	int i;

	hl_inputs_init(&in, sizeof in);
	for (i = 0; i < 7; i++)
		in.daily_distance_km[i] = 10;	/* acute_km 70 */
	in.thirsty = HL_YES;
	in.air_temp_c = 21.5;
	in.heaviness_side = HL_SIDE_ONE;
	assess_ok(rb, &in, &r);

	f = hl_report_finding(r, 0);
	ck_assert_str_eq(hl_finding_id(f), "rf_side");
	/* rendered when asked for (an allocation), not by hl_assess */
	hl__alloc_fail_after(-1);
	ck_assert_str_eq(hl_finding_advice(f), "Side one, calf unknown");
	ck_assert_int_eq(hl__alloc_count(), 1);
	ck_assert_str_eq(hl_finding_advice(f), "Side one, calf unknown");
	ck_assert_int_eq(hl__alloc_count(), 1);
	f = hl_report_finding(r, 1);
	ck_assert_str_eq(hl_finding_id(f), "load");
	/* acwr is unknown: fewer than 24 days known */
	ck_assert_str_eq(hl_finding_advice(f),
	    "You ran 70 km this week (unknownx)");
	ck_assert_str_eq(hl_finding_evidence_text(f, 0),
	    "70.0 km in 7 days; {not a name}");
	ck_assert_str_eq(hl_finding_evidence_text(f, 1),
	    "thirsty: yes, air 21.5 C");
	/* asked twice: the same text */
	ck_assert_str_eq(hl_finding_evidence_text(f, 1),
	    "thirsty: yes, air 21.5 C");
	f = hl_report_finding(r, 2);
	ck_assert_str_eq(hl_finding_advice(f), "Keep it under 70 km");

	/* reused with other values: the text follows them */
	for (i = 0; i < 7; i++)
		in.daily_distance_km[i] = 100;
	in.thirsty = HL_NO;
	in.air_temp_c = -3.25;
	in.calf_swelling_one_side = HL_NO;
	hl__alloc_fail_after(0);	/* any allocation would fail */
	assess_ok(rb, &in, &r);
	hl__alloc_fail_after(-1);
	f = hl_report_finding(r, 0);
	ck_assert_str_eq(hl_finding_advice(f), "Side one, calf no");
	f = hl_report_finding(r, 1);
	ck_assert_str_eq(hl_finding_advice(f),
	    "You ran 700 km this week (unknownx)");
	ck_assert_str_eq(hl_finding_evidence_text(f, 0),
	    "700.0 km in 7 days; {not a name}");
	/* evidence that did not fire is shown as its condition */
	ck_assert_int_eq(hl_finding_evidence_state(f, 1), HL_STATE_NOT_FIRED);
	ck_assert_str_eq(hl_finding_evidence_text(f, 1), "thirsty");
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(warnings_and_disclaimer)
{
	hl_rulebase *rb = load_rules(), *t = load_text(templates);
	hl_report *r = NULL;
	hl_inputs in;
	char *json;
	size_t i;

	runner(&in, 4);		/* age 101: implausible */
	assess_ok(rb, &in, &r);
	ck_assert_uint_ge(hl_report_warning_count(r), 1);
	for (i = 0; i < hl_report_warning_count(r); i++) {
		ck_assert_ptr_nonnull(hl_report_warning(r, i));
		ck_assert_uint_gt(strlen(hl_report_warning(r, i)), 0);
	}
	ck_assert_ptr_nonnull(strstr(hl_report_warning(r, 0), "age_years"));
	json = json_of(r);
	ck_assert_ptr_nonnull(strstr(json, "\"warnings\":[\"age_years"));
	free(json);
	ck_assert_uint_gt(strlen(hl_report_disclaimer(r)), 0);
	/* chest pain: emergency */
	ck_assert_int_eq(hl_report_triage(r), 4);
	ck_assert_str_eq(hl_report_triage_name(r), "emergency");
	ck_assert_int_eq(hl_report_suppress_training_advice(r), 1);

	assess_ok(t, &in, &r);
	ck_assert_str_eq(hl_report_disclaimer(r), "Not advice.");
	hl_report_free(r);
	hl_rulebase_free(rb);
	hl_rulebase_free(t);
}
END_TEST

START_TEST(accessors_null_and_range)
{
	hl_rulebase *rb = load_text(templates);
	hl_report *r = NULL;
	const hl_finding *f;
	hl_inputs in;
	size_t n;

	ck_assert_int_eq(hl_report_triage(NULL), 0);
	ck_assert_ptr_null(hl_report_triage_name(NULL));
	ck_assert_int_eq(hl_report_suppress_training_advice(NULL), 0);
	ck_assert(isnan(hl_report_confidence(NULL)));
	ck_assert_uint_eq(hl_report_count(NULL), 0);
	ck_assert_ptr_null(hl_report_finding(NULL, 0));
	ck_assert_uint_eq(hl_report_question_count(NULL), 0);
	ck_assert_ptr_null(hl_report_question(NULL, 0));
	ck_assert_uint_eq(hl_report_warning_count(NULL), 0);
	ck_assert_ptr_null(hl_report_warning(NULL, 0));
	ck_assert_ptr_null(hl_report_disclaimer(NULL));
	ck_assert_int_eq(hl_finding_kind(NULL), 0);
	ck_assert_ptr_null(hl_finding_id(NULL));
	ck_assert_ptr_null(hl_finding_title(NULL));
	ck_assert_ptr_null(hl_finding_advice(NULL));
	ck_assert(isnan(hl_finding_score(NULL)));
	ck_assert_ptr_null(hl_finding_band(NULL));
	ck_assert(isnan(hl_finding_coverage(NULL)));
	ck_assert_int_eq(hl_finding_urgency(NULL), 0);
	ck_assert_int_eq(hl_finding_secondary(NULL), 0);
	ck_assert_uint_eq(hl_finding_evidence_count(NULL), 0);
	ck_assert_ptr_null(hl_finding_evidence_when(NULL, 0));
	ck_assert(isnan(hl_finding_evidence_weight(NULL, 0)));
	ck_assert_int_eq(hl_finding_evidence_state(NULL, 0), 0);
	ck_assert_ptr_null(hl_finding_evidence_text(NULL, 0));
	hl_report_free(NULL);

	hl_inputs_init(&in, sizeof in);
	assess_ok(rb, &in, &r);
	n = hl_report_count(r);
	ck_assert_uint_eq(n, 1);	/* the cause only */
	ck_assert_ptr_null(hl_report_finding(r, n));
	ck_assert_ptr_null(hl_report_finding(r, (size_t)-1));
	ck_assert_ptr_null(hl_report_question(r,
	    hl_report_question_count(r)));
	ck_assert_ptr_null(hl_report_warning(r, 0));
	f = hl_report_finding(r, 0);
	n = hl_finding_evidence_count(f);
	ck_assert_uint_eq(n, 2);
	ck_assert_ptr_null(hl_finding_evidence_when(f, n));
	ck_assert_ptr_null(hl_finding_evidence_text(f, n));
	ck_assert(isnan(hl_finding_evidence_weight(f, n)));
	ck_assert_int_eq(hl_finding_evidence_state(f, n), 0);
	ck_assert_int_eq(hl_finding_evidence_state(f, 0), HL_STATE_UNKNOWN);
	ck_assert(!isnan(hl_report_confidence(r)));
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

/* ---- threads ---- */

struct job {
	const hl_rulebase *rb;
	hl_report	*r;
	char		*want[NRUNNERS];
	int		 failures;
};

static void *
work(void *arg)
{
	struct job *j = arg;
	static const size_t cap = JSON_CAP;
	hl_inputs in;
	char *buf = malloc(cap);
	size_t need;
	int i, k;

	if (buf == NULL) {
		j->failures++;
		return NULL;
	}
	for (i = 0; i < 50; i++)
		for (k = 0; k < NRUNNERS; k++) {
			runner(&in, (k + i) % NRUNNERS);
			if (hl_assess(j->rb, &in, &j->r, NULL) != HL_OK ||
			    hl_report_json(j->r, buf, cap, &need) != HL_OK ||
			    strcmp(buf, j->want[(k + i) % NRUNNERS]) != 0)
				j->failures++;
		}
	free(buf);
	return NULL;
}

START_TEST(threads_share_rulebase)
{
	hl_rulebase *rb = load_rules();
	struct job jobs[2];
	pthread_t th[2];
	hl_inputs in;
	char *json;
	int t, k;

	memset(jobs, 0, sizeof jobs);
	for (t = 0; t < 2; t++) {
		jobs[t].rb = rb;
		/* warm each report up, so the threads need no allocation */
		for (k = 0; k < NRUNNERS; k++) {
			runner(&in, k);
			assess_ok(rb, &in, &jobs[t].r);
			json = json_of(jobs[t].r);
			jobs[t].want[k] = json;
		}
	}
	for (t = 0; t < 2; t++)
		ck_assert_int_eq(pthread_create(&th[t], NULL, work, &jobs[t]),
		    0);
	for (t = 0; t < 2; t++)
		ck_assert_int_eq(pthread_join(th[t], NULL), 0);
	for (t = 0; t < 2; t++)
		ck_assert_int_eq(jobs[t].failures, 0);
	for (k = 0; k < NRUNNERS; k++)
		ck_assert(strcmp(jobs[0].want[k], jobs[1].want[k]) == 0);
	for (t = 0; t < 2; t++) {
		for (k = 0; k < NRUNNERS; k++)
			free(jobs[t].want[k]);
		hl_report_free(jobs[t].r);
	}
	hl_rulebase_free(rb);
}
END_TEST

static Suite *
suite_report(void)
{
	Suite *s = suite_create("report");
	TCase *tc;

	tc = tcase_create("reuse");
	tcase_add_test(tc, reuse_allocates_nothing);
	tcase_add_test(tc, reuse_across_rulebases);
	suite_add_tcase(s, tc);

	tc = tcase_create("alloc");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, alloc_fail_assess);
	tcase_add_test(tc, alloc_fail_text_and_json);
	suite_add_tcase(s, tc);

	tc = tcase_create("json");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, json_range_and_needed);
	tcase_add_test(tc, json_fields);
	tcase_add_test(tc, json_escapes);
	tcase_add_test(tc, json_parses_back);
	tcase_add_test(tc, json_same_under_locale);
	suite_add_tcase(s, tc);

	tc = tcase_create("text");
	tcase_add_test(tc, templates_show_values);
	tcase_add_test(tc, warnings_and_disclaimer);
	tcase_add_test(tc, accessors_null_and_range);
	suite_add_tcase(s, tc);

	tc = tcase_create("threads");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, threads_share_rulebase);
	suite_add_tcase(s, tc);
	return s;
}

HL_CHECK_MAIN(suite_report)
