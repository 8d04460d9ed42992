/* SPDX-License-Identifier: MIT */
/* error.c - filling the caller's hl_error: first error wins, never allocates. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "compiler.h"
#include "error.h"

/* A message being built into a fixed buffer. */
struct msgbuf {
	char	*buf;
	size_t	 cap;
	size_t	 len;
	int	 cut;		/* something did not fit */
};

/*
 * sizeof(hl_error) in version 1.0, up to the end of its last 1.0 field:
 * pinned so that a 1.0 caller stays accepted when the struct grows.
 */
#define HL__ERROR_SIZE_V1	(offsetof(hl_error, message) + 256)

/*
 * Whether err may be written: size 0 is read as version 1, a size of at
 * least version 1's is a same or newer caller; any other size is too small
 * to be an hl_error and the struct is left alone.  Only the version-1
 * fields are ever written.
 */
static int
writable(const hl_error *err)
{
	return err != NULL &&
	    (err->size == 0 || err->size >= HL__ERROR_SIZE_V1);
}

/*
 * Length of the longest prefix of s[0..len) that does not end inside a
 * UTF-8 sequence, so that cut text stays valid for the bindings.
 */
static size_t
utf8_whole(const char *s, size_t len)
{
	size_t	 i, need;
	unsigned char c;

	i = len;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xc0) == 0x80 && len - i < 3)
		i--;
	if (i == 0)
		return len;
	c = (unsigned char)s[i - 1];
	if (c < 0x80)
		return len;		/* ASCII: complete */
	if ((c & 0xe0) == 0xc0)
		need = 2;
	else if ((c & 0xf0) == 0xe0)
		need = 3;
	else if ((c & 0xf8) == 0xf0)
		need = 4;
	else
		return len;		/* not UTF-8: leave it */
	return len - (i - 1) < need ? i - 1 : len;
}

size_t
hl__utf8_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned lo = 0x80, hi = 0xbf;	/* the second byte's range */
	size_t need, i;

	if (n == 0)
		return 0;
	if (u[0] < 0x80)
		return 1;
	if (u[0] >= 0xc2 && u[0] <= 0xdf)
		need = 2;
	else if (u[0] >= 0xe0 && u[0] <= 0xef)
		need = 3;
	else if (u[0] >= 0xf0 && u[0] <= 0xf4)
		need = 4;
	else
		return 0;
	/* no overlong forms, surrogates or code points past U+10FFFF */
	if (u[0] == 0xe0)
		lo = 0xa0;
	else if (u[0] == 0xed)
		hi = 0x9f;
	else if (u[0] == 0xf0)
		lo = 0x90;
	else if (u[0] == 0xf4)
		hi = 0x8f;
	if (n < need || u[1] < lo || u[1] > hi)
		return 0;
	for (i = 2; i < need; i++)
		if ((u[i] & 0xc0) != 0x80)
			return 0;
	return need;
}

/*
 * Drop the bytes of s that do not make up a whole UTF-8 character: a
 * "%.60s" of the rulebase's text (or the message buffer) may cut one, and
 * error text must stay valid UTF-8 for the bindings.
 */
static void
utf8_clean(char *s)
{
	char *r = s, *w = s, *end = s + strlen(s);
	size_t n;

	while (r < end) {
		if ((n = hl__utf8_len(r, (size_t)(end - r))) == 0) {
			r++;
			continue;
		}
		memmove(w, r, n);
		w += n;
		r += n;
	}
	*w = '\0';
}

size_t
hl__vformat(char *buf, size_t cap, const char *fmt, va_list ap)
{
	if (cap == 0)
		return 0;
	if (vsnprintf(buf, cap, fmt, ap) < 0)
		buf[0] = '\0';
	utf8_clean(buf);
	return strlen(buf);
}

/* The code point of the k-byte UTF-8 character at s (k from hl__utf8_len). */
static unsigned long
utf8_code(const char *s, size_t k)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned long c;
	size_t i;

	if (k == 1)
		return u[0];
	c = u[0] & (0x7fu >> k);
	for (i = 1; i < k; i++)
		c = c << 6 | (u[i] & 0x3fu);
	return c;
}

/*
 * Characters that move a terminal's cursor or change how the text around
 * them reads: C1 controls, line and paragraph separators, bidirectional
 * marks, embeddings, overrides and isolates.
 */
static int
unsafe_code(unsigned long c)
{
	return (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029 ||
	    c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069);
}

int
hl__escape(char *dst, size_t cap, const char *src, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	char unit[8];
	size_t i = 0, o = 0, k, u;
	unsigned long c;
	unsigned char b;

	if (cap == 0)
		return len > 0;
	while (i < len) {
		b = (unsigned char)src[i];
		k = hl__utf8_len(src + i, len - i);
		u = 0;
		if (b == '\n' || b == '\t' || b == '\r') {
			unit[u++] = '\\';
			unit[u++] = b == '\n' ? 'n' : b == '\t' ? 't' : 'r';
		} else if (k == 0 || b < 0x20 || b == 0x7f) {
			unit[u++] = '\\';
			unit[u++] = 'x';
			unit[u++] = hex[b >> 4];
			unit[u++] = hex[b & 15];
			k = 1;
		} else if (k > 1 && unsafe_code(c = utf8_code(src + i, k))) {
			unit[u++] = '\\';
			unit[u++] = 'u';
			unit[u++] = hex[c >> 12 & 15];
			unit[u++] = hex[c >> 8 & 15];
			unit[u++] = hex[c >> 4 & 15];
			unit[u++] = hex[c & 15];
		} else {
			memcpy(unit, src + i, k);
			u = k;
		}
		if (u > cap - 1 - o)
			break;		/* cut between whole units */
		memcpy(dst + o, unit, u);
		o += u;
		i += k > 0 ? k : 1;
	}
	dst[o] = '\0';
	return i < len;
}

/* Copy src (NULL is "") into dst[cap], escaped; cut on a whole character. */
static void
copy_field(char *dst, size_t cap, const char *src)
{
	if (src == NULL)
		src = "";
	hl__escape(dst, cap, src, strlen(src));
}

/* Account for a vsnprintf/snprintf result n written at m->buf + m->len. */
static void
advance(struct msgbuf *m, int n)
{
	if (n < 0) {
		m->buf[m->len] = '\0';
		m->cut = 1;
	} else if ((size_t)n >= m->cap - m->len) {
		m->len = m->cap - 1;
		m->cut = 1;
	} else
		m->len += (size_t)n;
}

static void append(struct msgbuf *, const char *, ...) HL__PRINTF(2, 3);

static void
append(struct msgbuf *m, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(m->buf + m->len, m->cap - m->len, fmt, ap);
	va_end(ap);
	advance(m, n);
}

void
hl__error_clear(hl_error *err)
{
	uint32_t size;

	if (!writable(err))
		return;
	size = err->size;
	/* the fields this version knows, never past the caller's size */
	memset(err, 0, size == 0 || size > sizeof(*err) ? sizeof(*err) : size);
	err->size = size;
}

int
hl__error_isset(const hl_error *err)
{
	return writable(err) && err->code != 0;
}

/*
 * The file as the message shows it: whole when the rest of the message
 * leaves room, else "..." and its end (the name of the file, the part a
 * reader needs), so that a long path never pushes out what went wrong.
 */
static void
append_file(struct msgbuf *m, const char *file, size_t rest, size_t cap)
{
	size_t len = strlen(file), room;

	room = rest + 16 < cap ? cap - 1 - rest : 16;
	if (len <= room) {
		append(m, "%s", file);
		return;
	}
	file += len - (room - 3);
	while ((*(const unsigned char *)file & 0xc0) == 0x80)
		file++;		/* start on a whole character */
	append(m, "...%s", file);
}

int
hl__error_set(hl_error *err, int code, const char *file, int line,
    int column, const char *rule, const char *name, const char *fmt, ...)
{
	char	 raw[2 * sizeof(err->message)], text[2 * sizeof(err->message)];
	char	 where[32];
	struct msgbuf m, t;
	va_list	 ap;

	if (!writable(err) || err->code != 0)
		return code;

	err->code = code;
	err->line = line > 0 ? line : 0;
	err->column = line > 0 && column > 0 ? column : 0;
	err->count = 1;
	copy_field(err->file, sizeof(err->file), file);
	copy_field(err->rule, sizeof(err->rule), rule);
	copy_field(err->name, sizeof(err->name), name);

	/* "rule ID: text", then "file:line:col: " before it */
	t.buf = text;
	t.cap = sizeof text;
	t.len = 0;
	t.cut = 0;
	t.buf[0] = '\0';
	if (err->rule[0] != '\0')
		append(&t, "rule %s: ", err->rule);
	if (fmt != NULL) {
		va_start(ap, fmt);
		advance(&t, vsnprintf(t.buf + t.len, t.cap - t.len, fmt, ap));
		va_end(ap);
	}
	where[0] = '\0';
	if (err->line > 0 && err->column > 0)
		snprintf(where, sizeof where, "%d:%d", (int)err->line,
		    (int)err->column);
	else if (err->line > 0)
		snprintf(where, sizeof where, "%d", (int)err->line);

	/*
	 * Leaving out the absent parts, then escaped (the fields are
	 * already: escaping them again changes nothing).
	 */
	m.buf = raw;
	m.cap = sizeof raw;
	m.len = 0;
	m.cut = 0;
	m.buf[0] = '\0';
	if (err->file[0] != '\0')
		append_file(&m, err->file, strlen(where) + 3 + t.len,
		    sizeof(err->message));
	if (where[0] != '\0')
		append(&m, "%s%s", m.len > 0 ? ":" : "", where);
	if (m.len > 0)
		append(&m, ": ");
	append(&m, "%s", text);
	if (m.cut || t.cut)
		m.buf[utf8_whole(m.buf, strlen(m.buf))] = '\0';
	hl__escape(err->message, sizeof(err->message), raw, strlen(raw));
	return code;
}
