/* SPDX-License-Identifier: MIT */
/* vocab.c - the input vocabulary: names, kinds, units, bounds and lookups. */

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "heavylegs.h"
#include "vocab.h"
#include "vocab_table.h"

static const char *const sex_names[] = { "female", "male" };
static const char *const diet_names[] = {
	"omnivore", "vegetarian", "vegan"
};
static const char *const menses_names[] = {
	"regular", "irregular", "absent_3mo_plus", "not_applicable"
};
static const char *const onset_names[] = { "gradual", "sudden" };
static const char *const side_names[] = { "both", "one" };
static const char *const pain_names[] = {
	"none", "eases_on_stopping", "eases_only_sitting_or_bending"
};
static const char *const skin_names[] = {
	"none", "brown_or_eczema", "pale_blue_cold"
};

/* Number of doubles a field of hl_inputs holds. */
#define HL__LEN(f)	((int)(sizeof(((hl_inputs *)0)->f) / sizeof(double)))

#define D_NUM(f, u, c, lo, lox, hi, hix, plo, phi, d)			\
	{ #f, u, d, HL_KIND_NUMBER, HL__LEN(f), c, offsetof(hl_inputs, f), \
	  lo, hi, lox, hix, plo, phi, 0, NULL },
#define D_CNT(f, u, lo, hi, plo, phi, d)				\
	{ #f, u, d, HL_KIND_COUNT, HL__LEN(f), 1, offsetof(hl_inputs, f), \
	  lo, hi, 0, 0, plo, phi, 0, NULL },
#define D_TRI(f, d)							\
	{ #f, "", d, HL_KIND_TRI, HL__LEN(f), 1, offsetof(hl_inputs, f), \
	  0, 1, 0, 0, HL__NOBOUND, HL__NOBOUND, 0, NULL },
#define D_ENM(f, names, d)						\
	{ #f, "", d, HL_KIND_ENUM, HL__LEN(f), 1, offsetof(hl_inputs, f), \
	  0, (double)(sizeof names / sizeof names[0] - 1), 0, 0,	\
	  HL__NOBOUND, HL__NOBOUND,					\
	  (int)(sizeof names / sizeof names[0]), names },

const struct hl__input_def hl__input_defs[] = {
	HL__INPUT_TABLE(D_NUM, D_CNT, D_TRI, D_ENM)
};
const size_t hl__input_ndefs =
    sizeof hl__input_defs / sizeof hl__input_defs[0];

/*
 * The table must cover the struct exactly: its lengths add up to the number
 * of value slots.  (Offsets increasing and contiguous: tests/check_inputs.c.)
 */
#define S_ANY(f, ...)	+ HL__LEN(f)
enum { HL__TABLE_SLOTS = 0 HL__INPUT_TABLE(S_ANY, S_ANY, S_ANY, S_ANY) };
typedef char hl__vocab_covers_struct[
    HL__TABLE_SLOTS == (int)HL__NINPUT_SLOTS ? 1 : -1];
typedef char hl__vocab_v1_1_size[
    sizeof(hl_inputs) == HL_INPUTS_SIZE_V1_1 ? 1 : -1];

static int
name_is(const char *name, const char *s, size_t len)
{
	return strlen(name) == len && memcmp(name, s, len) == 0;
}

int
hl__input_lookup(const char *s, size_t len)
{
	size_t i;

	if (s == NULL)
		return -1;
	for (i = 0; i < hl__input_ndefs; i++)
		if (name_is(hl__input_defs[i].name, s, len))
			return (int)i;
	return -1;
}

int
hl__input_of_slot(size_t slot)
{
	size_t lo, hi, mid, first;

	if (slot >= HL__NINPUT_SLOTS)
		return -1;
	/* The last def whose first slot is <= slot. */
	lo = 0;
	hi = hl__input_ndefs;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		first = hl__input_slot((int)mid);
		if (first <= slot)
			lo = mid;
		else
			hi = mid;
	}
	return (int)lo;
}

size_t
hl__input_slot(int i)
{
	return (hl__input_defs[i].offset - 8) / sizeof(double);
}

int
hl__input_enum_code(int i, const char *s, size_t len)
{
	const struct hl__input_def *d;
	int c;

	if (i < 0 || (size_t)i >= hl__input_ndefs || s == NULL)
		return -1;
	d = &hl__input_defs[i];
	if (d->kind != HL_KIND_ENUM)
		return -1;
	for (c = 0; c < d->enum_count; c++)
		if (name_is(d->enum_names[c], s, len))
			return c;
	return -1;
}

int
hl__metric_lookup(const char *s, size_t len)
{
	int i;

	if (s == NULL)
		return -1;
	for (i = 0; i < HL__M_COUNT; i++)
		if (name_is(hl__metric_defs[i].name, s, len))
			return i;
	return -1;
}

size_t
hl_input_count(void)
{
	return hl__input_ndefs;
}

/*
 * sizeof(hl_input_info) in version 1.0: up to the end of its last 1.0
 * field, so that it stays the same when the struct grows (and is right on
 * 32-bit systems too, where pointers are smaller).
 */
#define HL__INPUT_INFO_SIZE_V1	\
	(offsetof(hl_input_info, enum_names) + sizeof(const char *const *))

int
hl_input_describe(size_t i, hl_input_info *out)
{
	const struct hl__input_def *d;

	if (out == NULL || i >= hl__input_ndefs)
		return HL_EINVAL;
	if (out->size != 0 && out->size < HL__INPUT_INFO_SIZE_V1)
		return HL_EINVAL;
	d = &hl__input_defs[i];
	/* Only version-1 fields exist; a longer struct's tail is left alone. */
	out->kind = d->kind;
	out->length = d->length;
	out->cost = d->cost;
	out->name = d->name;
	out->unit = d->unit;
	out->description = d->description;
	out->min = d->min;
	out->max = d->max;
	out->min_exclusive = d->min_exclusive;
	out->max_exclusive = d->max_exclusive;
	out->plausible_min = d->plausible_min;
	out->plausible_max = d->plausible_max;
	out->offset = d->offset;
	out->enum_count = d->enum_count;
	out->reserved0 = 0;
	out->enum_names = d->enum_names;
	return HL_OK;
}

size_t
hl_derived_count(void)
{
	return HL__M_COUNT;
}

const char *
hl_derived_name(size_t i)
{
	if (i >= HL__M_COUNT)
		return NULL;
	return hl__metric_defs[i].name;
}
