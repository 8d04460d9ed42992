/* SPDX-License-Identifier: MIT */
/*
 * check_default.c - the default rulebase is loaded from a tree parsed when
 * the library was built (lib/default_rules.c, made by lib/gen/ytree_image):
 * that tree must be the one parsing the embedded text gives, node by node,
 * and the rulebase the one hl_rulebase_load_buffer() makes of that text:
 * the same rules, and the same reports, JSON and texts for generated
 * runners.
 */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "heavylegs.h"
#include "rules.h"
#include "vocab.h"
#include "yamltree.h"
#include "check_runners.h"

#define RUNNERS	300

/* Nodes compared so far, and the first difference (message). */
static size_t compared;

static void
same_node(const struct hl__ynode *a, const struct hl__ynode *b)
{
	size_t i;

	compared++;
	ck_assert_msg(a->type == b->type && a->style == b->style &&
	    a->line == b->line && a->column == b->column &&
	    a->vcolumn == b->vcolumn && a->nkid == b->nkid,
	    "node at %d:%d: type %d/%d style %d/%d at %d:%d vcolumn %d/%d "
	    "kids %zu/%zu", a->line, a->column, a->type, b->type, a->style,
	    b->style, b->line, b->column, a->vcolumn, b->vcolumn, a->nkid,
	    b->nkid);
	if (a->type == HL__Y_SCALAR) {
		ck_assert_msg(a->len == b->len && b->str[b->len] == '\0' &&
		    memcmp(a->str, b->str, a->len) == 0,
		    "scalar at %d:%d: '%s' / '%s'", a->line, a->column, a->str,
		    b->str);
	} else
		ck_assert_msg(a->str == NULL && b->str == NULL && a->len == 0 &&
		    b->len == 0, "collection at %d:%d has a value", a->line,
		    a->column);
	for (i = 0; i < a->nkid; i++)
		same_node(a->kid[i], b->kid[i]);
}

START_TEST(tree_is_the_parsed_text)
{
	struct hl__ynode *parsed, *built;
	struct hl__yerror e;

	ck_assert_int_eq(hl__ytree_parse((const char *)hl__default_rules,
	    hl__default_rules_len, &parsed, &e), HL_OK);
	ck_assert_ptr_nonnull(parsed);
	ck_assert_int_eq(hl__ytree_build(&hl__default_tree, &built), HL_OK);
	compared = 0;
	same_node(parsed, built);
	/* every node of the image is in the tree: none left over */
	ck_assert_uint_eq(compared, hl__default_tree.nnode);
	ck_assert_uint_gt(compared, 1000);
	hl__ytree_free(parsed);
	hl__ytree_free(built);
}
END_TEST

static void
same_str(const char *a, const char *b, const char *what, int k)
{
	ck_assert_msg((a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0),
	    "runner %d: %s: '%s' / '%s'", k, what, a ? a : "(null)",
	    b ? b : "(null)");
}

/* Everything a caller can read of the two reports, texts included. */
static void
same_report(const hl_report *a, const hl_report *b, int k)
{
	static char ja[1 << 20], jb[1 << 20];
	size_t i, j, na, nb;

	ck_assert_int_eq(hl_report_json(a, ja, sizeof ja, &na), HL_OK);
	ck_assert_int_eq(hl_report_json(b, jb, sizeof jb, &nb), HL_OK);
	ck_assert_msg(na == nb && strcmp(ja, jb) == 0, "runner %d: JSON "
	    "differs", k);
	ck_assert_uint_eq(hl_report_count(a), hl_report_count(b));
	for (i = 0; i < hl_report_count(a); i++) {
		const hl_finding *fa = hl_report_finding(a, i);
		const hl_finding *fb = hl_report_finding(b, i);

		same_str(hl_finding_id(fa), hl_finding_id(fb), "id", k);
		same_str(hl_finding_title(fa), hl_finding_title(fb), "title",
		    k);
		same_str(hl_finding_advice(fa), hl_finding_advice(fb),
		    "advice", k);
		ck_assert_uint_eq(hl_finding_evidence_count(fa),
		    hl_finding_evidence_count(fb));
		for (j = 0; j < hl_finding_evidence_count(fa); j++) {
			same_str(hl_finding_evidence_when(fa, j),
			    hl_finding_evidence_when(fb, j), "when", k);
			same_str(hl_finding_evidence_text(fa, j),
			    hl_finding_evidence_text(fb, j), "evidence", k);
			ck_assert_int_eq(hl_finding_evidence_state(fa, j),
			    hl_finding_evidence_state(fb, j));
		}
	}
	ck_assert_uint_eq(hl_report_question_count(a),
	    hl_report_question_count(b));
	for (i = 0; i < hl_report_question_count(a); i++)
		same_str(hl_report_question(a, i), hl_report_question(b, i),
		    "question", k);
	ck_assert_uint_eq(hl_report_warning_count(a),
	    hl_report_warning_count(b));
	for (i = 0; i < hl_report_warning_count(a); i++)
		same_str(hl_report_warning(a, i), hl_report_warning(b, i),
		    "warning", k);
	same_str(hl_report_disclaimer(a), hl_report_disclaimer(b),
	    "disclaimer", k);
}

START_TEST(rulebase_is_the_loaded_text)
{
	static const int kinds[] = { HL_FINDING_RED_FLAG, HL_FINDING_CAUSE,
	    HL_FINDING_STRATEGY };
	hl_rulebase *pre, *text;
	hl_report *ra = NULL, *rb = NULL;
	hl_inputs in;
	hl_error err;
	size_t i, kind;
	int k;

	memset(&err, 0, sizeof err);
	ck_assert_int_eq(hl_rulebase_load_default(&pre, &err), HL_OK);
	ck_assert_int_eq(hl_rulebase_load_buffer((const char *)
	    hl__default_rules, hl__default_rules_len, "heavylegs.yaml", &text,
	    &err), HL_OK);
	same_str(hl_rulebase_name(pre), hl_rulebase_name(text), "name", -1);
	same_str(hl_rulebase_version(pre), hl_rulebase_version(text),
	    "version", -1);
	for (kind = 0; kind < sizeof kinds / sizeof kinds[0]; kind++) {
		ck_assert_uint_eq(hl_rulebase_count(pre, kinds[kind]),
		    hl_rulebase_count(text, kinds[kind]));
		ck_assert_uint_gt(hl_rulebase_count(pre, kinds[kind]), 0);
		for (i = 0; i <= hl_rulebase_count(pre, kinds[kind]); i++)
			same_str(hl_rulebase_rule_id(pre, kinds[kind], i),
			    hl_rulebase_rule_id(text, kinds[kind], i),
			    "rule id", -1);
	}
	for (k = 0; k < RUNNERS; k++) {
		in = runner(k);
		ck_assert_int_eq(hl_assess(pre, &in, &ra, &err), HL_OK);
		ck_assert_int_eq(hl_assess(text, &in, &rb, &err), HL_OK);
		same_report(ra, rb, k);
	}
	hl_report_free(ra);
	hl_report_free(rb);
	hl_rulebase_free(pre);
	hl_rulebase_free(text);
}
END_TEST

static Suite *
default_suite(void)
{
	Suite *s = suite_create("default");
	TCase *tc = tcase_create("default");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, tree_is_the_parsed_text);
	tcase_add_test(tc, rulebase_is_the_loaded_text);
	suite_add_tcase(s, tc);
	return s;
}

HL_CHECK_MAIN(default_suite)
