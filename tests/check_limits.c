/* SPDX-License-Identifier: MIT */
/*
 * check_limits.c - each documented limit, at the limit and one past it:
 * document size, YAML nesting depth, node count, scalar length, id length,
 * expression depth, batch size; and a rulebase with many rules.  Past a
 * limit, the message names it and states its value.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "expr.h"
#include "heavylegs.h"
#include "loader.h"
#include "yamltree.h"

static const char head[] =
    "heavylegs: 1\n"
    "name: lim\n"
    "causes:\n"
    "  - id: c1\n"
    "    title: C\n"
    "    evidence:\n"
    "      - { when: acwr >= 1, weight: 0.5 }\n";

/* A growing text (test memory, not the library's). */
struct buf {
	char *s;
	size_t len, cap;
};

static void
put(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		ck_assert_ptr_nonnull(b->s);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
puts_(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

static void
rep(struct buf *b, const char *s, size_t times)
{
	while (times-- > 0)
		puts_(b, s);
}

static int
load(const struct buf *b, hl_error *e)
{
	hl_rulebase *rb = NULL;
	int rc;

	memset(e, 0, sizeof *e);
	rc = hl_rulebase_load_buffer(b->s, b->len, "lim.yaml", &rb, e);
	hl_rulebase_free(rb);
	return rc;
}

/* Document size: HL__YAML_MAX_BYTES bytes load, one more is refused. */
static void
sized(struct buf *b, size_t total)
{
	b->len = 0;
	puts_(b, head);
	puts_(b, "#");
	rep(b, "a", total - b->len - 1);
	puts_(b, "\n");
	ck_assert_uint_eq(b->len, total);
}

START_TEST(document_size)
{
	struct buf b = { 0 };
	hl_rulebase *rb = NULL;
	hl_error e;
	char path[] = "/tmp/hl-limits-XXXXXX";
	FILE *f;
	int fd;

	sized(&b, HL__YAML_MAX_BYTES);
	ck_assert_int_eq(load(&b, &e), HL_OK);
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	f = fdopen(fd, "wb");
	ck_assert_uint_eq(fwrite(b.s, 1, b.len, f), b.len);
	fclose(f);
	memset(&e, 0, sizeof e);
	ck_assert_int_eq(hl_rulebase_load_file(path, &rb, &e), HL_OK);
	hl_rulebase_free(rb);
	rb = NULL;

	sized(&b, HL__YAML_MAX_BYTES + 1);
	ck_assert_int_eq(load(&b, &e), HL_ESCHEMA);
	ck_assert_ptr_nonnull(strstr(e.message, "larger than 4194304 bytes"));
	f = fopen(path, "wb");
	ck_assert_uint_eq(fwrite(b.s, 1, b.len, f), b.len);
	fclose(f);
	memset(&e, 0, sizeof e);
	ck_assert_int_ne(hl_rulebase_load_file(path, &rb, &e), HL_OK);
	ck_assert_ptr_null(rb);
	ck_assert_ptr_nonnull(strstr(e.message, "4194304"));
	unlink(path);
	free(b.s);
}
END_TEST

/* Nesting: the top mapping and 31 sequences in it, then 32. */
START_TEST(yaml_depth)
{
	struct buf b = { 0 };
	hl_error e;

	ck_assert_int_eq(HL__YAML_MAX_DEPTH, 32);
	puts_(&b, head);
	puts_(&b, "sources: ");
	rep(&b, "[", HL__YAML_MAX_DEPTH - 1);
	rep(&b, "]", HL__YAML_MAX_DEPTH - 1);
	puts_(&b, "\n");
	(void)load(&b, &e);
	ck_assert_ptr_null(strstr(e.message, "nested deeper"));

	b.len = 0;
	puts_(&b, head);
	puts_(&b, "sources: ");
	rep(&b, "[", HL__YAML_MAX_DEPTH);
	rep(&b, "]", HL__YAML_MAX_DEPTH);
	puts_(&b, "\n");
	ck_assert_int_eq(load(&b, &e), HL_ESCHEMA);
	ck_assert_ptr_nonnull(strstr(e.message,
	    "nested deeper than 32 levels"));
	ck_assert_int_eq(e.line, 8);
	free(b.s);
}
END_TEST

/*
 * Nodes (scalars, sequences, mappings): "heavylegs: 1\nx: [1,1,...]" has
 * the top mapping, "heavylegs", "1", "x" and the sequence, 5, and one per
 * item.
 */
static int
nodes_ok(struct buf *b, size_t extra, hl_error *e)
{
	b->len = 0;
	puts_(b, "heavylegs: 1\nx: [");
	rep(b, "1,", extra);
	puts_(b, "]\n");
	(void)load(b, e);
	return strstr(e->message, "more than 200000 nodes") == NULL;
}

START_TEST(node_count)
{
	struct buf b = { 0 };
	hl_error e;
	const size_t fixed = 5;

	ck_assert_int_eq(HL__YAML_MAX_NODES, 200000);
	ck_assert_int_eq(nodes_ok(&b, HL__YAML_MAX_NODES - fixed, &e), 1);
	ck_assert_int_eq(nodes_ok(&b, HL__YAML_MAX_NODES - fixed + 1, &e), 0);
	ck_assert_int_eq(e.code, HL_ESCHEMA);
	ck_assert_int_eq(e.line, 2);
	free(b.s);
}
END_TEST

START_TEST(scalar_length)
{
	struct buf b = { 0 };
	hl_error e;

	ck_assert_int_eq(HL__YAML_MAX_SCALAR, 65536);
	puts_(&b, head);
	puts_(&b, "sources: { a: ");
	rep(&b, "x", HL__YAML_MAX_SCALAR);
	puts_(&b, " }\n");
	(void)load(&b, &e);
	ck_assert_ptr_null(strstr(e.message, "scalar longer"));

	b.len = 0;
	puts_(&b, head);
	puts_(&b, "sources: { a: ");
	rep(&b, "x", HL__YAML_MAX_SCALAR + 1);
	puts_(&b, " }\n");
	ck_assert_int_eq(load(&b, &e), HL_ESCHEMA);
	ck_assert_ptr_nonnull(strstr(e.message,
	    "scalar longer than 65536 bytes"));
	free(b.s);
}
END_TEST

static int
with_id(size_t len, hl_error *e)
{
	struct buf b = { 0 };
	int rc;

	puts_(&b, "heavylegs: 1\nname: lim\ncauses:\n  - id: c");
	rep(&b, "x", len - 1);
	puts_(&b, "\n    title: C\n    evidence:\n"
	    "      - { when: acwr >= 1, weight: 0.5 }\n");
	rc = load(&b, e);
	free(b.s);
	return rc;
}

START_TEST(id_length)
{
	hl_error e;

	ck_assert_int_eq(HL__ID_MAX, 63);
	ck_assert_int_eq(with_id(HL__ID_MAX, &e), HL_OK);
	ck_assert_int_eq(with_id(HL__ID_MAX + 1, &e), HL_ESCHEMA);
	ck_assert_ptr_nonnull(strstr(e.message, "63"));
	ck_assert_int_eq(e.line, 4);
}
END_TEST

static int
with_when(const char *open, size_t depth, const char *close, hl_error *e)
{
	struct buf b = { 0 };
	int rc;

	puts_(&b, "heavylegs: 1\nname: lim\ncauses:\n  - id: c1\n"
	    "    title: C\n    evidence:\n      - when: \"");
	rep(&b, open, depth);
	puts_(&b, "acwr >= 1");
	rep(&b, close, depth);
	puts_(&b, "\"\n        weight: 0.5\n");
	rc = load(&b, e);
	free(b.s);
	return rc;
}

/* Expression nesting: each '(', 'known(', 'not' and unary '-' a level. */
START_TEST(expression_depth)
{
	hl_error e;

	ck_assert_int_eq(HL__EXPR_MAX_DEPTH, 64);
	ck_assert_int_eq(with_when("(", HL__EXPR_MAX_DEPTH, ")", &e), HL_OK);
	ck_assert_int_eq(with_when("(", HL__EXPR_MAX_DEPTH + 1, ")", &e),
	    HL_ESYNTAX);
	ck_assert_ptr_nonnull(strstr(e.message, "64 levels"));
	ck_assert_int_eq(e.line, 7);
	ck_assert_int_eq(with_when("not ", HL__EXPR_MAX_DEPTH, "", &e), HL_OK);
	ck_assert_int_eq(with_when("not ", HL__EXPR_MAX_DEPTH + 1, "", &e),
	    HL_ESYNTAX);
	ck_assert_ptr_nonnull(strstr(e.message, "64 levels"));
}
END_TEST

/* No limit of their own: rules are bounded by the node and size limits. */
START_TEST(many_rules)
{
	struct buf b = { 0 };
	hl_rulebase *rb = NULL;
	hl_error e;
	char line[160];
	int i;

	puts_(&b, "heavylegs: 1\nname: lim\ncauses:\n");
	for (i = 0; i < 5000; i++) {
		snprintf(line, sizeof line, "  - id: c%d\n    title: C\n"
		    "    evidence:\n      - { when: acwr >= %d, weight: 0.5 }\n",
		    i, i % 3);
		puts_(&b, line);
	}
	memset(&e, 0, sizeof e);
	ck_assert_int_eq(hl_rulebase_load_buffer(b.s, b.len, "many", &rb, &e),
	    HL_OK);
	ck_assert_uint_eq(hl_rulebase_count(rb, HL_FINDING_CAUSE), 5000);
	hl_rulebase_free(rb);
	free(b.s);
}
END_TEST

/*
 * Batch size: HL_BATCH_MAX runners are taken (the call then stops at the
 * NULL array, naming "in"); one more is refused first, naming "n".
 */
START_TEST(batch_size)
{
	hl_rulebase *rb;
	hl_summary s;
	hl_error e;

	ck_assert_int_eq(hl_rulebase_load_default(&rb, NULL), HL_OK);
	memset(&e, 0, sizeof e);
	ck_assert_int_eq(hl_assess_batch(rb, NULL, sizeof(hl_inputs),
	    HL_BATCH_MAX, &s, sizeof s, &e), HL_EINVAL);
	ck_assert_str_eq(e.name, "in");
	memset(&e, 0, sizeof e);
	ck_assert_int_eq(hl_assess_batch(rb, NULL, sizeof(hl_inputs),
	    HL_BATCH_MAX + 1, &s, sizeof s, &e), HL_EINVAL);
	ck_assert_str_eq(e.name, "n");
	ck_assert_ptr_nonnull(strstr(e.message, "1073741824"));
	hl_rulebase_free(rb);
}
END_TEST

static Suite *
limits_suite(void)
{
	Suite *s = suite_create("limits");
	TCase *tc = tcase_create("at and past");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, document_size);
	tcase_add_test(tc, yaml_depth);
	tcase_add_test(tc, node_count);
	tcase_add_test(tc, scalar_length);
	tcase_add_test(tc, id_length);
	tcase_add_test(tc, expression_depth);
	tcase_add_test(tc, many_rules);
	tcase_add_test(tc, batch_size);
	suite_add_tcase(s, tc);
	return s;
}

HL_CHECK_MAIN(limits_suite)
