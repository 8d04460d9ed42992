/* SPDX-License-Identifier: MIT */
/* app.c - an outside program, built only through pkg-config against an installed libheavylegs. */
#include <heavylegs.h>

#include <stdio.h>
#include <stdlib.h>

static int
fail(const char *what, int rc, const hl_error *err)
{
	fprintf(stderr, "app: %s: %s (%d): %s\n", what, hl_strerror(rc), rc,
	    err->message);
	return EXIT_FAILURE;
}

int
main(void)
{
	hl_inputs in = HL_INPUTS_INIT;
	hl_error err = { 0 };
	hl_rulebase *rb = NULL;
	hl_report *rep = NULL;
	const hl_finding *f;
	char	*json = NULL;
	char	 small[8];
	size_t	 i, needed = 0;
	double	 v;
	int	 rc, status = EXIT_FAILURE;

	if (hl_version_number() / 10000 != HL_VERSION_MAJOR) {
		fprintf(stderr, "app: built for %s, running %s\n",
		    HL_VERSION_STRING, hl_version());
		return EXIT_FAILURE;
	}

	/* By struct... */
	in.age_years = 34;
	in.sex = HL_SEX_FEMALE;
	in.body_mass_kg = 61;
	for (i = 0; i < HL_SERIES_DAYS; i++)
		in.daily_distance_km[i] = i % 7 == 3 ? 0 : 8;
	in.daily_distance_km[0] = 21;
	in.heat_acclimatized = HL_NO;

	/* ...and by name. */
	if ((rc = hl_inputs_set(&in, "air_temp_c", 29.5, &err)) != HL_OK)
		return fail("hl_inputs_set air_temp_c", rc, &err);
	if ((rc = hl_inputs_set(&in, "relative_humidity_pct", 70, &err)) != HL_OK)
		return fail("hl_inputs_set relative_humidity_pct", rc, &err);
	if ((rc = hl_inputs_set(&in, "daily_sleep_h[0]", 6.5, &err)) != HL_OK)
		return fail("hl_inputs_set daily_sleep_h[0]", rc, &err);
	if ((rc = hl_inputs_get(&in, "daily_distance_km[0]", &v, &err)) != HL_OK)
		return fail("hl_inputs_get", rc, &err);
	if (v != 21 || in.air_temp_c != 29.5 || in.daily_sleep_h[0] != 6.5) {
		fprintf(stderr, "app: struct and names disagree\n");
		return EXIT_FAILURE;
	}
	if ((rc = hl_inputs_set(&in, "no_such_input", 1, &err)) != HL_EUNSUPPORTED)
		return fail("hl_inputs_set no_such_input", rc, &err);

	if ((rc = hl_rulebase_load_default(&rb, &err)) != HL_OK)
		return fail("hl_rulebase_load_default", rc, &err);
	if ((rc = hl_assess(rb, &in, &rep, &err)) != HL_OK) {
		fail("hl_assess", rc, &err);
		goto out;
	}
	printf("libheavylegs %s, rulebase %s: triage %s, %zu findings\n",
	    hl_version(), hl_rulebase_name(rb), hl_report_triage_name(rep),
	    hl_report_count(rep));
	if (hl_report_count(rep) == 0 ||
	    (f = hl_report_finding(rep, 0)) == NULL || hl_finding_id(f) == NULL) {
		fprintf(stderr, "app: no findings\n");
		goto out;
	}
	printf("first finding: %s\n", hl_finding_id(f));

	if ((rc = hl_report_json(rep, small, sizeof(small), &needed)) != HL_ERANGE ||
	    needed <= sizeof(small)) {
		fail("hl_report_json into a small buffer", rc, &err);
		goto out;
	}
	if ((json = malloc(needed)) == NULL)
		goto out;
	if ((rc = hl_report_json(rep, json, needed, &needed)) != HL_OK) {
		fail("hl_report_json", rc, &err);
		goto out;
	}
	printf("JSON report: %zu bytes\n", needed - 1);
	status = EXIT_SUCCESS;
out:
	free(json);
	hl_report_free(rep);
	hl_rulebase_free(rb);
	return status;
}
