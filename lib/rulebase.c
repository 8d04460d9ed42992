/* SPDX-License-Identifier: MIT */
/* rulebase.c - loading rulebases from buffers, files and the built-in text, and freeing them. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "expr.h"
#include "loader.h"
#include "rules.h"
#include "yamltree.h"

#define DEFAULT_NAME	"heavylegs.yaml"

static void
cond_free(struct hl__cond *c)
{
	hl__expr_free(c->expr);
	hl__free(c->src);
}

void
hl__rulebase_destroy(struct hl_rulebase *rb)
{
	size_t i, j, k;

	if (rb == NULL)
		return;
	for (i = 0; i < rb->nflags; i++) {
		struct hl__flag *f = &rb->flags[i];

		hl__free(f->id);
		hl__free(f->title);
		hl__text_free(&f->advice);
		for (j = 0; j < f->nlevels; j++)
			cond_free(&f->levels[j].when);
		hl__free(f->levels);
		hl__free(f->sources);	/* the ids belong to rb->sources */
	}
	for (i = 0; i < rb->ncauses; i++) {
		struct hl__cause *c = &rb->causes[i];

		hl__free(c->id);
		hl__free(c->title);
		hl__text_free(&c->advice);
		for (j = 0; j < c->nitems; j++) {
			struct hl__item *it = &c->items[j];

			for (k = 0; k < it->nbands; k++) {
				cond_free(&it->bands[k].when);
				hl__text_free(&it->bands[k].explain);
			}
			hl__free(it->bands);
			cond_free(&it->applies);
			hl__free(it->sources);
		}
		hl__free(c->items);
		for (j = 0; j < c->nlowers; j++)
			cond_free(&c->lowers[j].when);
		hl__free(c->lowers);
		hl__free(c->sources);
	}
	for (i = 0; i < rb->nstrategies; i++) {
		struct hl__strategy *s = &rb->strategies[i];

		hl__free(s->id);
		hl__free(s->title);
		hl__text_free(&s->advice);
		hl__free(s->addresses);
		cond_free(&s->when);
		hl__free(s->sources);
	}
	for (i = 0; i < rb->nsources; i++) {
		hl__free(rb->sources[i].id);
		hl__free(rb->sources[i].text);
	}
	hl__free(rb->needs);
	hl__free(rb->flags);
	hl__free(rb->causes);
	hl__free(rb->strategies);
	hl__free(rb->sources);
	hl__free(rb->order);
	hl__free(rb->file);
	hl__free(rb->name);
	hl__free(rb->version);
	hl__free(rb->disclaimer);
	hl__free(rb);
}

void
hl_rulebase_free(hl_rulebase *rb)
{
	hl__rulebase_destroy(rb);
}

const char *
hl_rulebase_name(const hl_rulebase *rb)
{
	return rb != NULL ? rb->name : NULL;
}

const char *
hl_rulebase_version(const hl_rulebase *rb)
{
	return rb != NULL ? rb->version : NULL;
}

size_t
hl_rulebase_count(const hl_rulebase *rb, int kind)
{
	if (rb == NULL)
		return 0;
	switch (kind) {
	case HL_FINDING_RED_FLAG:
		return rb->nflags;
	case HL_FINDING_CAUSE:
		return rb->ncauses;
	case HL_FINDING_STRATEGY:
		return rb->nstrategies;
	default:
		return 0;
	}
}

int
hl_rulebase_load_buffer(const char *text, size_t len, const char *name,
    hl_rulebase **out, hl_error *err)
{
	hl__error_clear(err);
	if (out == NULL)
		return hl__error_set(err, HL_EINVAL, NULL, 0, 0, NULL, "out",
		    "hl_rulebase_load_buffer: out is NULL");
	*out = NULL;
	if (text == NULL && len > 0)
		return hl__error_set(err, HL_EINVAL, NULL, 0, 0, NULL, "text",
		    "hl_rulebase_load_buffer: text is NULL");
	if (name == NULL)
		name = "<buffer>";
	return hl__load(text != NULL ? text : "", len, name, out, err);
}

int
hl_rulebase_load_default(hl_rulebase **out, hl_error *err)
{
	hl__error_clear(err);
	if (out == NULL)
		return hl__error_set(err, HL_EINVAL, NULL, 0, 0, NULL, "out",
		    "hl_rulebase_load_default: out is NULL");
	/* the tree of hl__default_rules, parsed when the library was built */
	return hl__load_image(&hl__default_tree, DEFAULT_NAME, out, err);
}

/* The reason a file could not be read, in words that never depend on the locale. */
static const char *
io_reason(int e)
{
	switch (e) {
	case ENOENT:
		return "no such file or directory";
	case EACCES:
		return "permission denied";
	case EPERM:
		return "operation not permitted";
	case EISDIR:
		return "is a directory";
	case ENOTDIR:
		return "a component of the path is not a directory";
	case ENAMETOOLONG:
		return "file name too long";
	case ELOOP:
		return "too many levels of symbolic links";
	case EMFILE:
	case ENFILE:
		return "too many open files";
	case EIO:
		return "input/output error";
	case ENOMEM:
		return "out of memory";
	case ENXIO:
	case ENODEV:
		return "no such device";
	case EINVAL:
		return "invalid argument";
	case EFBIG:
	case EOVERFLOW:
		return "file too large";
	default:
		return NULL;
	}
}

static int
io_error(hl_error *err, const char *path, const char *what, int e)
{
	const char *why = io_reason(e);

	if (why != NULL)
		return hl__error_set(err, HL_EIO, path, 0, 0, NULL, NULL,
		    "cannot %s rulebase: %s", what, why);
	return hl__error_set(err, HL_EIO, path, 0, 0, NULL, NULL,
	    "cannot %s rulebase: error %d", what, e);
}

int
hl_rulebase_load_file(const char *path, hl_rulebase **out, hl_error *err)
{
	FILE *fp;
	char *buf = NULL, *p;
	size_t len = 0, cap = 0, n;
	int rc, e;

	hl__error_clear(err);
	if (out == NULL)
		return hl__error_set(err, HL_EINVAL, path, 0, 0, NULL, "out",
		    "hl_rulebase_load_file: out is NULL");
	*out = NULL;
	if (path == NULL)
		return hl__error_set(err, HL_EINVAL, NULL, 0, 0, NULL, "path",
		    "hl_rulebase_load_file: path is NULL");
	errno = 0;
	if ((fp = fopen(path, "rb")) == NULL)
		return io_error(err, path, "open", errno);
	for (;;) {
		if (len == cap) {
			if (cap > HL__YAML_MAX_BYTES) {
				/* Let the loader report the size limit. */
				break;
			}
			cap = cap ? cap * 2 : 16384;
			if ((p = hl__realloc(buf, cap)) == NULL) {
				rc = hl__error_set(err, HL_ENOMEM, path, 0, 0,
				    NULL, NULL, "out of memory");
				goto out;
			}
			buf = p;
		}
		errno = 0;
		n = fread(buf + len, 1, cap - len, fp);
		len += n;
		if (n == 0) {
			if (ferror(fp)) {
				e = errno;
				rc = io_error(err, path, "read", e);
				goto out;
			}
			break;
		}
	}
	rc = hl__load(buf != NULL ? buf : "", len, path, out, err);
out:
	fclose(fp);
	hl__free(buf);
	return rc;
}
