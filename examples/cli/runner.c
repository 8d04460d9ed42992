/* SPDX-License-Identifier: MIT */
/* runner.c - a runner's answers from text, JSON, YAML, --set and CSV rows. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "runner.h"

#define MSG	384
#define SEPS	" \t\r\n,"

/* A separator between the values of a series (a NUL byte is not one). */
static int
is_sep(char c)
{
	return c != '\0' && strchr(SEPS, c) != NULL;
}

int
cli_runner_init(struct cli_runner *r, hl_inputs *in, const char *source,
    cli_problem_fn fn, void *userdata)
{
	memset(r, 0, sizeof *r);
	r->in = in;
	r->source = source;
	r->fn = fn;
	r->userdata = userdata;
	r->ninputs = cli_input_count();
	r->line_of = calloc(r->ninputs ? r->ninputs : 1, sizeof *r->line_of);
	return r->line_of == NULL ? -1 : 0;
}

void
cli_runner_reset(struct cli_runner *r, unsigned long line_base)
{
	memset(r->line_of, 0, (r->ninputs ? r->ninputs : 1) *
	    sizeof *r->line_of);
	r->line_base = line_base;
	r->one_line = 1;
	r->problems = 0;
	r->id[0] = '\0';
}

void
cli_runner_done(struct cli_runner *r)
{
	free(r->line_of);
	r->line_of = NULL;
}

static void
problem(struct cli_runner *r, unsigned long line, unsigned long column,
    const char *field, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

#include <stdarg.h>

/*
 * A message is one line, whatever a value or name it quotes holds: YAML
 * scalars can carry line breaks and other control characters, shown here
 * as C escapes (\n, \r, \t, \xHH).
 */
static void
one_line(char *out, size_t cap, const char *s)
{
	size_t o = 0;

	for (; *s != '\0' && o + 5 < cap; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c != 0x7f) {
			out[o++] = (char)c;
			continue;
		}
		out[o++] = '\\';
		if (c == '\n' || c == '\r' || c == '\t')
			out[o++] = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
		else
			o += (size_t)snprintf(out + o, cap - o, "x%02x", c);
	}
	out[o] = '\0';
}

static void
problem(struct cli_runner *r, unsigned long line, unsigned long column,
    const char *field, const char *fmt, ...)
{
	struct cli_problem p;
	char msg[MSG], shown[4 * MSG], name[4 * 96];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	one_line(shown, sizeof shown, msg);
	one_line(name, sizeof name, field ? field : "");
	p.source = r->source;
	p.line = line ? line + r->line_base : 0;
	p.column = column;
	p.field = name;
	p.message = shown;
	r->problems++;
	if (r->fn != NULL)
		r->fn(&p, r->userdata);
}

static int
lower_eq(const char *s, size_t n, const char *word)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int c = (unsigned char)s[i];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (word[i] == '\0' || c != (unsigned char)word[i])
			return 0;
	}
	return word[n] == '\0';
}

static int
is_unknown(const char *v, size_t n)
{
	return n == 0 || (n == 1 && (v[0] == '-' || v[0] == '~')) ||
	    lower_eq(v, n, "unknown") || lower_eq(v, n, "null") ||
	    lower_eq(v, n, "nan");
}

/* The first 40 bytes of a value for a message, a NUL in it shown as \x00. */
static void
shown_value(char *sv, const char *v, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n && i < 40; i++) {
		if (v[i] == '\0') {
			memcpy(sv + o, "\\x00", 4);
			o += 4;
		} else
			sv[o++] = v[i];
	}
	sv[o] = '\0';
}

/*
 * The value text v[0..n) for info, into *out; 0, or -1 with msg set.
 * Numbers are decimal (strtod's hexadecimal and infinities are refused:
 * no runner writes 0x1Ep0 for 30); "nan", like "unknown", is unknown.
 */
static int
convert(const hl_input_info *info, const char *field, const char *v,
    size_t n, double *out, char *msg, size_t cap)
{
	char buf[64], *end, sv[4 * 40 + 1];
	double d;
	int32_t k;
	size_t len;

	if (is_unknown(v, n)) {
		*out = NAN;
		return 0;
	}
	if (info->kind == HL_KIND_TRI) {
		if (lower_eq(v, n, "yes") || lower_eq(v, n, "true")) {
			*out = HL_YES;
			return 0;
		}
		if (lower_eq(v, n, "no") || lower_eq(v, n, "false")) {
			*out = HL_NO;
			return 0;
		}
	}
	if (info->kind == HL_KIND_ENUM && info->enum_names != NULL)
		for (k = 0; k < info->enum_count; k++)
			if (info->enum_names[k] != NULL &&
			    lower_eq(v, n, info->enum_names[k])) {
				*out = (double)k;
				return 0;
			}
	if (n < sizeof buf && memchr(v, 'x', n) == NULL &&
	    memchr(v, 'X', n) == NULL) {
		memcpy(buf, v, n);
		buf[n] = '\0';
		errno = 0;
		d = strtod(buf, &end);
		if (end != buf && end == buf + n && errno != ERANGE &&
		    isfinite(d) && info->kind != HL_KIND_TRI &&
		    info->kind != HL_KIND_ENUM) {
			*out = d;
			return 0;
		}
		if (end != buf && end == buf + n && isfinite(d) &&
		    (info->kind == HL_KIND_TRI || info->kind == HL_KIND_ENUM)) {
			*out = d;	/* a code: the library checks it */
			return 0;
		}
	}
	shown_value(sv, v, n);
	if (info->kind == HL_KIND_TRI)
		snprintf(msg, cap, "%s must be yes or no (or true/false, "
		    "or unknown), not '%s'", field, sv);
	else if (info->kind == HL_KIND_ENUM && info->enum_names != NULL) {
		len = (size_t)snprintf(msg, cap, "%s must be one of", field);
		for (k = 0; k < info->enum_count && len < cap; k++)
			len += (size_t)snprintf(msg + len, cap - len, "%s %s",
			    k ? "," : ":", info->enum_names[k]);
		if (len < cap) {
			const char *sug = cli_suggest_among(v, n,
			    info->enum_names, (size_t)info->enum_count);

			snprintf(msg + len, cap - len, ", not '%s'%s%s%s", sv,
			    sug ? " (did you mean '" : "", sug ? sug : "",
			    sug ? "'?)" : "");
		}
	} else
		snprintf(msg, cap, "%s must be a number%s%s, not '%s'",
		    field, *info->unit ? " in " : "", info->unit, sv);
	return -1;
}

/* Split "name" or "name[i]": the input, and idx (-1 without one). */
static const hl_input_info *
resolve(struct cli_runner *r, const char *name, size_t n, long *idx,
    size_t *index, unsigned long line, unsigned long column)
{
	const hl_input_info *info;
	const char *br, *sug;
	char shown[128];
	size_t base = n;
	long i;

	*idx = -1;
	snprintf(shown, sizeof shown, "%.*s", (int)(n > 100 ? 100 : n), name);
	if ((br = memchr(name, '[', n)) != NULL) {
		const char *p = br + 1;

		base = (size_t)(br - name);
		i = 0;
		if (p == name + n || *p < '0' || *p > '9')
			i = -1;
		while (i >= 0 && p < name + n && *p >= '0' && *p <= '9') {
			i = i * 10 + (*p - '0');
			if (i > 1000)
				i = 1000;
			p++;
		}
		if (i < 0 || p + 1 != name + n || *p != ']' ||
		    i >= HL_SERIES_DAYS) {
			problem(r, line, column, shown, "%s: bad day index "
			    "(use %.*s[0] for today .. %.*s[%d])", shown,
			    (int)base, name, (int)base, name,
			    HL_SERIES_DAYS - 1);
			return NULL;
		}
		*idx = i;
	}
	if ((info = cli_input_find(name, base, index)) == NULL) {
		size_t m;

		for (m = 0; m < hl_derived_count(); m++)
			if ((sug = hl_derived_name(m)) != NULL &&
			    strlen(sug) == base && memcmp(sug, name, base) == 0) {
				problem(r, line, column, shown, "'%s' is "
				    "computed from the inputs, not given", sug);
				return NULL;
			}
		sug = cli_suggest(name, base);
		if (sug != NULL && cli_input_find(sug, strlen(sug), NULL))
			problem(r, line, column, shown, "unknown input '%.*s' "
			    "(did you mean '%s'?)", (int)base, name, sug);
		else if (sug != NULL)
			problem(r, line, column, shown, "unknown input '%.*s' "
			    "('%s' is computed from the inputs, not given)",
			    (int)base, name, sug);
		else
			problem(r, line, column, shown, "unknown input '%.*s' "
			    "(hl-assess --list-inputs lists them)", (int)base,
			    name);
		return NULL;
	}
	if (*idx >= 0 && info->length <= 1) {
		problem(r, line, column, shown, "%s is not a daily series: "
		    "write %s without [%ld]", info->name, info->name, *idx);
		return NULL;
	}
	return info;
}

static size_t
set_one(struct cli_runner *r, const hl_input_info *info, long idx,
    const char *v, size_t n, unsigned long line, unsigned long column)
{
	char field[96], msg[MSG];
	const char *m;
	hl_error err;
	double d;
	int rc;

	if (idx >= 0)
		snprintf(field, sizeof field, "%s[%ld]", info->name, idx);
	else
		snprintf(field, sizeof field, "%s", info->name);
	if (convert(info, field, v, n, &d, msg, sizeof msg) != 0) {
		problem(r, line, column, field, "%s", msg);
		return 1;
	}
	memset(&err, 0, sizeof err);
	rc = hl_inputs_set(r->in, field, d, &err);
	if (rc != HL_OK) {
		m = err.message[0] ? err.message : hl_strerror(rc);
		if (strncmp(m, "invalid input: ", 15) == 0)
			m += 15;
		problem(r, line, column, field, "%s", m);
		return 1;
	}
	return 0;
}

size_t
cli_set_value(struct cli_runner *r, const char *name, size_t namelen,
    const char *val, size_t vallen, unsigned long line, unsigned long column)
{
	const hl_input_info *info;
	const char *p, *e, *tok;
	size_t index = 0, ntok = 0, bad = 0, before = r->problems;
	long idx;

	if ((info = resolve(r, name, namelen, &idx, &index, line, column)) == NULL)
		return r->problems - before;
	if (line == 0 && index < r->ninputs)
		r->line_of[index] = 0;	/* --set: no line to show */
	if (line > 0 && index < r->ninputs) {
		if (r->line_of[index] != 0 && idx < 0) {
			problem(r, line, column, info->name, "%s is given "
			    "twice (first on line %lu)", info->name,
			    r->line_of[index] + r->line_base);
			return r->problems - before;
		}
		if (r->line_of[index] == 0)
			r->line_of[index] = line;
	}
	/* count the values */
	for (p = val, e = val + vallen; p < e;) {
		while (p < e && is_sep(*p))
			p++;
		if (p == e)
			break;
		ntok++;
		while (p < e && !is_sep(*p))
			p++;
	}
	if (ntok == 0)
		return set_one(r, info, idx, val, 0, line, column);
	if ((idx >= 0 || info->length <= 1) && ntok > 1) {
		problem(r, line, column, info->name, "%s takes one value, "
		    "not %zu", info->name, ntok);
		return r->problems - before;
	}
	if (ntok > (size_t)info->length) {
		problem(r, line, column, info->name, "%s takes at most %d "
		    "values (today first), not %zu", info->name, info->length,
		    ntok);
		return r->problems - before;
	}
	ntok = 0;
	for (p = val, e = val + vallen; p < e;) {
		while (p < e && is_sep(*p))
			p++;
		if (p == e)
			break;
		tok = p;
		while (p < e && !is_sep(*p))
			p++;
		bad += set_one(r, info, info->length > 1 && idx < 0 ?
		    (long)ntok : idx, tok, (size_t)(p - tok), line, column);
		ntok++;
	}
	(void)bad;
	return r->problems - before;
}

/* ---- text: name = value lines ---------------------------------------- */

static size_t
parse_text(struct cli_runner *r, const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len, *eol, *s, *e, *eq, *hash;
	unsigned long line = 0;
	size_t before = r->problems;

	while (p < end) {
		line++;
		eol = memchr(p, '\n', (size_t)(end - p));
		if (eol == NULL)
			eol = end;
		s = p;
		e = eol;
		p = eol < end ? eol + 1 : end;
		if (memchr(s, '\0', (size_t)(e - s)) != NULL) {
			problem(r, line, 0, NULL, "a NUL byte in the line");
			continue;
		}
		if ((hash = memchr(s, '#', (size_t)(e - s))) != NULL)
			e = hash;
		while (s < e && strchr(" \t\r\f\v", *s) != NULL)
			s++;
		while (e > s && strchr(" \t\r\f\v", e[-1]) != NULL)
			e--;
		if (s == e)
			continue;
		if ((eq = memchr(s, '=', (size_t)(e - s))) == NULL) {
			const char *c = memchr(s, ':', (size_t)(e - s));

			problem(r, line, 1, NULL, "expected 'name = value'%s",
			    c ? " (a line with ':' belongs in a YAML file: "
			    "use --input-format yaml)" : "");
			continue;
		}
		{
			const char *ns = s, *ne = eq, *vs = eq + 1;

			while (ne > ns && strchr(" \t", ne[-1]) != NULL)
				ne--;
			if (ns == ne) {
				problem(r, line, 1, NULL,
				    "missing input name before '='");
				continue;
			}
			while (vs < e && strchr(" \t", *vs) != NULL)
				vs++;
			if (vs == e) {
				problem(r, line, (unsigned long)(vs - s) + 1,
				    NULL, "missing value for %.*s (write "
				    "'unknown' if it is not known)",
				    (int)(ne - ns), ns);
				continue;
			}
			cli_set_value(r, ns, (size_t)(ne - ns), vs,
			    (size_t)(e - vs), line, 1);
		}
	}
	return r->problems - before;
}

/* ---- JSON and YAML, through libyaml ------------------------------------ */

static size_t
scalar_set(struct cli_runner *r, const char *key, size_t klen,
    yaml_node_t *v)
{
	const char *s = (const char *)v->data.scalar.value;
	size_t n = v->data.scalar.length;

	if (v->data.scalar.style != YAML_PLAIN_SCALAR_STYLE && n == 0)
		return cli_set_value(r, key, klen, "", 0,
		    v->start_mark.line + 1, v->start_mark.column + 1);
	/* one scalar, never split on blanks or commas */
	{
		const hl_input_info *info;
		size_t index = 0, before = r->problems;
		long idx;
		unsigned long line = v->start_mark.line + 1;

		info = resolve(r, key, klen, &idx, &index, line,
		    v->start_mark.column + 1);
		if (info == NULL)
			return r->problems - before;
		if (index < r->ninputs) {
			if (r->line_of[index] != 0 && idx < 0) {
				problem(r, line, v->start_mark.column + 1,
				    info->name, "%s is given twice (first on "
				    "line %lu)", info->name,
				    r->line_of[index] + r->line_base);
				return r->problems - before;
			}
			if (r->line_of[index] == 0)
				r->line_of[index] = line;
		}
		if (info->length > 1 && idx < 0 && !is_unknown(s, n)) {
			problem(r, line, v->start_mark.column + 1, info->name,
			    "%s is a daily series: give a list, today first "
			    "([%.*s, ...]), or set one day as %s[0]",
			    info->name, (int)(n > 20 ? 20 : n), s, info->name);
			return r->problems - before;
		}
		if (info->length > 1 && idx < 0)
			return 0;	/* the whole series unknown */
		set_one(r, info, idx, s, n, line, v->start_mark.column + 1);
		return r->problems - before;
	}
}

/* The length of the line break at buf[i] as libyaml counts them, or 0. */
static size_t
yaml_break(const char *buf, size_t len, size_t i)
{
	const unsigned char *u = (const unsigned char *)buf;

	if (u[i] == '\r')
		return i + 1 < len && u[i + 1] == '\n' ? 2 : 1;
	if (u[i] == '\n')
		return 1;
	if (u[i] == 0xc2 && i + 1 < len && u[i + 1] == 0x85)
		return 2;
	if (u[i] == 0xe2 && i + 2 < len && u[i + 1] == 0x80 &&
	    (u[i + 2] == 0xa8 || u[i + 2] == 0xa9))
		return 3;
	return 0;
}

/*
 * At the end of an input without a final line break libyaml puts its
 * marks on the line after the last one: they name the end of the last
 * line instead.  end_of computes that end once, clamp_mark applies it.
 */
static void
end_of(const char *buf, size_t len, yaml_mark_t *end)
{
	size_t i, b, last = 0;

	end->line = 0;
	for (i = 0; i < len; i += b ? b : 1)
		if ((b = yaml_break(buf, len, i)) != 0) {
			end->line++;
			last = i + b;
		}
	end->column = 0;
	for (i = last; i < len; i++)	/* characters, as libyaml counts */
		if (((unsigned char)buf[i] & 0xc0) != 0x80)
			end->column++;
}

static void
clamp_mark(const struct cli_runner *r, const yaml_mark_t *end, yaml_mark_t *m)
{
	if (r->one_line) {	/* libyaml's index counts characters too */
		m->line = 0;
		m->column = m->index;
	} else if (m->line > end->line) {
		m->line = end->line;
		m->column = end->column;
	}
}

/*
 * A runner nests three levels at most ({"inputs": {"name": [...]}}).
 * Deeper text is refused from its events before libyaml builds a document:
 * building one nests a call per level, and libyaml's scanner slows with
 * every open flow level (a 400 KB line of '[' would take hours).
 */
#define MAX_DEPTH	16

/*
 * Whether buf could nest past MAX_DEPTH at all: every level opens with a
 * '{', '-' or '?', or on a new line, or with a '[' (two: "[a: [b: 1]]"
 * holds a mapping in each list), so text with fewer of those (a JSON Lines
 * row with a few series) needs no walk of its events.
 */
static int
may_nest_deep(const char *buf, size_t len)
{
	size_t i, n = 1;

	for (i = 0; i < len && n <= MAX_DEPTH; i++)
		switch ((unsigned char)buf[i]) {
		case '[':
			n += 2;
			break;
		case '{': case '-': case '?':
		case '\n': case '\r': case 0x85: case 0xe2:	/* NEL, LS, PS */
			n++;
			break;
		default:
			break;
		}
	return n > MAX_DEPTH;
}

/* 0 when buf nests at most MAX_DEPTH levels or has a syntax error (which
 * the document load then reports); else 1, with *at where it goes deeper. */
static int
too_deep(const char *buf, size_t len, yaml_mark_t *at)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	int depth = 0, deep = 0, done = 0;

	if (!may_nest_deep(buf, len))
		return 0;
	if (!yaml_parser_initialize(&parser))
		return 0;
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	while (!done && !deep && yaml_parser_parse(&parser, &ev)) {
		switch (ev.type) {
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (++depth > MAX_DEPTH) {
				deep = 1;
				*at = ev.start_mark;
			}
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	return deep;
}

/*
 * One runner is one document: a second one ("---" and more) would be
 * dropped without a word, so it is a problem, as is a syntax error in it.
 */
static int
another_document(struct cli_runner *r, yaml_parser_t *parser,
    const yaml_mark_t *end, int json)
{
	yaml_document_t next;
	yaml_node_t *root;
	int found = 0;

	if (!yaml_parser_load(parser, &next)) {
		clamp_mark(r, end, &parser->problem_mark);
		problem(r, parser->problem_mark.line + 1,
		    parser->problem_mark.column + 1, NULL, "%s: %s%s%s",
		    json ? "JSON" : "YAML",
		    parser->problem ? parser->problem : "syntax error",
		    parser->context ? " " : "",
		    parser->context ? parser->context : "");
		return 1;
	}
	if ((root = yaml_document_get_root_node(&next)) != NULL) {
		clamp_mark(r, end, &root->start_mark);
		problem(r, root->start_mark.line + 1,
		    root->start_mark.column + 1, NULL, "%s: a second "
		    "document; a runner is one document (one runner a file, "
		    "or --batch)", json ? "JSON" : "YAML");
		found = 1;
	}
	yaml_document_delete(&next);
	return found;
}

static size_t
parse_yaml(struct cli_runner *r, const char *buf, size_t len, int json)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_mark_t end;
	yaml_node_t *root, *k, *v, *item;
	yaml_node_pair_t *pair;
	yaml_node_item_t *it;
	size_t before = r->problems, i;
	const hl_input_info *info;
	const char *key;
	size_t klen, index;
	long idx;

	if (!yaml_parser_initialize(&parser)) {
		problem(r, 0, 0, NULL, "out of memory");
		return 1;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	end_of(buf, len, &end);
	if (too_deep(buf, len, &parser.problem_mark)) {
		clamp_mark(r, &end, &parser.problem_mark);
		problem(r, parser.problem_mark.line + 1,
		    parser.problem_mark.column + 1, NULL, "%s: nested deeper "
		    "than %d levels (a runner needs 3)", json ? "JSON" : "YAML",
		    MAX_DEPTH);
		yaml_parser_delete(&parser);
		return r->problems - before;
	}
	if (!yaml_parser_load(&parser, &doc)) {
		clamp_mark(r, &end, &parser.problem_mark);
		problem(r, parser.problem_mark.line + 1,
		    parser.problem_mark.column + 1, NULL, "%s: %s%s%s",
		    json ? "JSON" : "YAML",
		    parser.problem ? parser.problem : "syntax error",
		    parser.context ? " " : "",
		    parser.context ? parser.context : "");
		yaml_parser_delete(&parser);
		return r->problems - before;
	}
	for (item = doc.nodes.start; item < doc.nodes.top; item++)
		clamp_mark(r, &end, &item->start_mark);
	if (another_document(r, &parser, &end, json)) {
		yaml_document_delete(&doc);
		yaml_parser_delete(&parser);
		return r->problems - before;
	}
	root = yaml_document_get_root_node(&doc);
	if (root == NULL) {
		problem(r, 1, 1, NULL, "no runner here: expected %s",
		    json ? "a JSON object {\"name\": value, ...}" :
		    "a YAML mapping (name: value lines)");
		goto out;
	}
	if (root->type != YAML_MAPPING_NODE) {
		problem(r, root->start_mark.line + 1,
		    root->start_mark.column + 1, NULL, "a runner must be %s "
		    "of input names to values", json ? "an object" :
		    "a mapping");
		goto out;
	}
	/* {"inputs": {...}, ...}: a runner wrapped with other data */
	for (pair = root->data.mapping.pairs.start;
	    pair < root->data.mapping.pairs.top; pair++) {
		k = yaml_document_get_node(&doc, pair->key);
		v = yaml_document_get_node(&doc, pair->value);
		if (k == NULL || v == NULL || k->type != YAML_SCALAR_NODE)
			continue;
		key = (const char *)k->data.scalar.value;
		if (strcmp(key, "id") == 0 && v->type == YAML_SCALAR_NODE)
			snprintf(r->id, sizeof r->id, "%.120s",
			    (const char *)v->data.scalar.value);
		if (strcmp(key, "inputs") == 0 && v->type == YAML_MAPPING_NODE) {
			root = v;
			break;
		}
	}
	for (pair = root->data.mapping.pairs.start;
	    pair < root->data.mapping.pairs.top; pair++) {
		k = yaml_document_get_node(&doc, pair->key);
		v = yaml_document_get_node(&doc, pair->value);
		if (k == NULL || v == NULL)
			continue;
		if (k->type != YAML_SCALAR_NODE) {
			problem(r, k->start_mark.line + 1,
			    k->start_mark.column + 1, NULL,
			    "an input name must be a plain name");
			continue;
		}
		key = (const char *)k->data.scalar.value;
		klen = k->data.scalar.length;
		if (klen == 2 && memcmp(key, "id", 2) == 0) {
			if (v->type == YAML_SCALAR_NODE)
				snprintf(r->id, sizeof r->id, "%.*s",
				    (int)(v->data.scalar.length > 120 ? 120 :
				    v->data.scalar.length),
				    (const char *)v->data.scalar.value);
			continue;
		}
		if (v->type == YAML_SCALAR_NODE) {
			scalar_set(r, key, klen, v);
			continue;
		}
		if (v->type == YAML_MAPPING_NODE) {
			problem(r, v->start_mark.line + 1,
			    v->start_mark.column + 1, NULL, "%.*s: expected "
			    "a value or a list, not %s", (int)(klen > 64 ? 64 :
			    klen), key, json ? "an object" : "a mapping");
			continue;
		}
		/* a sequence: a series, today first */
		index = 0;
		info = resolve(r, key, klen, &idx, &index,
		    k->start_mark.line + 1, k->start_mark.column + 1);
		if (info == NULL)
			continue;
		if (info->length <= 1 || idx >= 0) {
			problem(r, v->start_mark.line + 1,
			    v->start_mark.column + 1, info->name, "%s takes "
			    "one value, not a list", info->name);
			continue;
		}
		if (index < r->ninputs) {
			if (r->line_of[index] != 0) {
				problem(r, k->start_mark.line + 1,
				    k->start_mark.column + 1, info->name,
				    "%s is given twice (first on line %lu)",
				    info->name, r->line_of[index] +
				    r->line_base);
				continue;
			}
			r->line_of[index] = k->start_mark.line + 1;
		}
		i = 0;
		for (it = v->data.sequence.items.start;
		    it < v->data.sequence.items.top; it++, i++) {
			item = yaml_document_get_node(&doc, *it);
			if (item == NULL)
				continue;
			if (i >= HL_SERIES_DAYS) {
				problem(r, item->start_mark.line + 1,
				    item->start_mark.column + 1, info->name,
				    "%s takes at most %d values (today "
				    "first), not %zu", info->name,
				    HL_SERIES_DAYS, (size_t)(
				    v->data.sequence.items.top -
				    v->data.sequence.items.start));
				break;
			}
			if (item->type != YAML_SCALAR_NODE) {
				problem(r, item->start_mark.line + 1,
				    item->start_mark.column + 1, info->name,
				    "%s[%zu]: expected a value", info->name, i);
				continue;
			}
			set_one(r, info, (long)i,
			    (const char *)item->data.scalar.value,
			    item->data.scalar.length,
			    item->start_mark.line + 1,
			    item->start_mark.column + 1);
		}
	}
out:
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	return r->problems - before;
}

/* ---- detection and entry points ---------------------------------------- */

static const char *
first_significant(const char *buf, size_t len, const char **eol)
{
	const char *p = buf, *end = buf + len, *e;

	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end) {
		while (p < end && strchr(" \t\r\n\f\v", *p) != NULL && *p)
			p++;
		if (p == end)
			break;
		e = memchr(p, '\n', (size_t)(end - p));
		if (e == NULL)
			e = end;
		if (*p == '#') {
			p = e;
			continue;
		}
		*eol = e;
		return p;
	}
	return NULL;
}

int
cli_detect_format(const char *buf, size_t len)
{
	const char *p, *eol = NULL, *eq, *colon;

	if ((p = first_significant(buf, len, &eol)) == NULL)
		return CLI_FMT_TEXT;
	if (*p == '{' || *p == '[' || *p == '"')
		return CLI_FMT_JSON;
	if ((size_t)(eol - p) >= 3 && memcmp(p, "---", 3) == 0)
		return CLI_FMT_YAML;
	eq = memchr(p, '=', (size_t)(eol - p));
	colon = memchr(p, ':', (size_t)(eol - p));
	if (colon != NULL && (eq == NULL || colon < eq))
		return CLI_FMT_YAML;
	return CLI_FMT_TEXT;
}

int
cli_detect_batch_format(const char *buf, size_t len)
{
	const char *p, *eol = NULL;

	if ((p = first_significant(buf, len, &eol)) != NULL && *p == '{')
		return CLI_FMT_JSON;
	return CLI_FMT_CSV;
}

size_t
cli_parse_runner(struct cli_runner *r, const char *buf, size_t len, int fmt)
{
	if (fmt == CLI_FMT_AUTO)
		fmt = cli_detect_format(buf, len);
	switch (fmt) {
	case CLI_FMT_JSON:
		return parse_yaml(r, buf, len, 1);
	case CLI_FMT_YAML:
		return parse_yaml(r, buf, len, 0);
	default:
		return parse_text(r, buf, len);
	}
}

size_t
cli_parse_assignment(struct cli_runner *r, const char *assign)
{
	const char *eq = strchr(assign, '='), *ne, *vs;

	if (eq == NULL || eq == assign) {
		problem(r, 0, 0, NULL, "'%.100s': expected NAME=VALUE "
		    "(or NAME[DAY]=VALUE)", assign);
		return 1;
	}
	ne = eq;
	while (ne > assign && (ne[-1] == ' ' || ne[-1] == '\t'))
		ne--;
	vs = eq + 1;
	while (*vs == ' ' || *vs == '\t')
		vs++;
	return cli_set_value(r, assign, (size_t)(ne - assign), vs,
	    strlen(vs), 0, 0);
}

size_t
cli_check_runner(struct cli_runner *r)
{
	size_t i, n, index, before = r->problems;
	const char *m, *br;
	unsigned long line;
	hl_error err;

	n = hl_inputs_problem_count(r->in);
	for (i = 0; i < n; i++) {
		memset(&err, 0, sizeof err);
		if (hl_inputs_problem(r->in, i, &err) != HL_OK)
			break;
		m = err.message[0] ? err.message : hl_strerror(err.code);
		if (strncmp(m, "invalid input: ", 15) == 0)
			m += 15;
		line = 0;
		br = strchr(err.name, '[');
		if (cli_input_find(err.name, br ? (size_t)(br - err.name) :
		    strlen(err.name), &index) != NULL && index < r->ninputs)
			line = r->line_of[index];
		problem(r, line, 0, err.name, "%s", m);
	}
	return r->problems - before;
}

/* ---- CSV --------------------------------------------------------------- */

/* The next cell of line[*pos..len): into cell (unquoted), its column. */
static int
csv_cell(const char *line, size_t len, size_t *pos, char *cell, size_t cap,
    size_t *clen, int *more)
{
	size_t p = *pos, n = 0;

	*more = 0;
	if (p < len && line[p] == '"') {
		p++;
		for (;;) {
			if (p >= len)
				return -1;	/* unterminated */
			if (line[p] == '"') {
				if (p + 1 < len && line[p + 1] == '"') {
					if (n + 1 < cap)
						cell[n++] = '"';
					p += 2;
					continue;
				}
				p++;
				break;
			}
			if (n + 1 < cap)
				cell[n++] = line[p];
			p++;
		}
		while (p < len && (line[p] == ' ' || line[p] == '\t'))
			p++;
		if (p < len && line[p] != ',')
			return -1;
	} else
		while (p < len && line[p] != ',') {
			if (n + 1 < cap)
				cell[n++] = line[p];
			p++;
		}
	if (p < len && line[p] == ',') {
		p++;
		*more = 1;
	}
	while (n > 0 && (cell[n - 1] == ' ' || cell[n - 1] == '\t' ||
	    cell[n - 1] == '\r'))
		n--;
	cell[n] = '\0';
	{
		size_t s = 0;

		while (s < n && (cell[s] == ' ' || cell[s] == '\t'))
			s++;
		if (s > 0) {
			memmove(cell, cell + s, n - s + 1);
			n -= s;
		}
	}
	*clen = n;
	*pos = p;
	return 0;
}

size_t
cli_csv_header(struct cli_csv *h, struct cli_runner *r, const char *line,
    size_t len)
{
	char cell[256];
	size_t pos = 0, clen, before = r->problems, index, k;
	unsigned long col;
	int more = 1;
	long idx;
	char **cols;

	h->ncols = 0;
	h->cols = NULL;
	if (len >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0)
		pos = 3;
	while (more) {
		col = (unsigned long)pos + 1;
		if (csv_cell(line, len, &pos, cell, sizeof cell, &clen,
		    &more) != 0) {
			problem(r, 1, col, NULL, "CSV: unterminated quote in "
			    "the header");
			return r->problems - before;
		}
		cols = realloc(h->cols, (h->ncols + 1) * sizeof *h->cols);
		if (cols == NULL) {
			problem(r, 1, 0, NULL, "out of memory");
			return r->problems - before;
		}
		h->cols = cols;
		if ((h->cols[h->ncols] = strdup(cell)) == NULL) {
			problem(r, 1, 0, NULL, "out of memory");
			return r->problems - before;
		}
		h->ncols++;
		for (k = 0; k + 1 < h->ncols; k++)
			if (strcmp(h->cols[k], cell) == 0)
				break;
		if (k + 1 < h->ncols && clen > 0) {
			problem(r, 1, col, NULL, "CSV: column %zu repeats "
			    "'%.100s' (column %zu)", h->ncols, cell, k + 1);
			continue;
		}
		if (strcmp(cell, "id") == 0)
			continue;
		if (clen == 0) {
			problem(r, 1, col, NULL, "CSV: column %zu has no "
			    "name", h->ncols);
			continue;
		}
		resolve(r, cell, clen, &idx, &index, 1, col);
	}
	return r->problems - before;
}

size_t
cli_csv_row(const struct cli_csv *h, struct cli_runner *r, const char *line,
    size_t len)
{
	char cell[256];
	size_t pos = 0, clen, i = 0, before = r->problems;
	unsigned long col;
	int more = 1;

	while (more) {
		col = (unsigned long)pos + 1;
		if (csv_cell(line, len, &pos, cell, sizeof cell, &clen,
		    &more) != 0) {
			problem(r, 1, col, NULL, "CSV: unterminated quote");
			return r->problems - before;
		}
		if (i < h->ncols) {
			if (strcmp(h->cols[i], "id") == 0)
				snprintf(r->id, sizeof r->id, "%.120s", cell);
			else
				cli_set_value(r, h->cols[i],
				    strlen(h->cols[i]), cell, clen, 1, col);
		}
		i++;
	}
	if (i != h->ncols)
		problem(r, 1, 0, NULL, "CSV: the row has %zu cells, the "
		    "header %zu", i, h->ncols);
	return r->problems - before;
}

void
cli_csv_free(struct cli_csv *h)
{
	size_t i;

	for (i = 0; i < h->ncols; i++)
		free(h->cols[i]);
	free(h->cols);
	h->cols = NULL;
	h->ncols = 0;
}
