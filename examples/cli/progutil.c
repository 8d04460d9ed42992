/* SPDX-License-Identifier: MIT */
/* progutil.c - reading a whole file, and option errors, for the programs. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "progutil.h"

static char *
fail(FILE *fp, char *buf, int *stage, int *errnum, int st, int e)
{
	free(buf);
	if (fp != NULL && fp != stdin)
		fclose(fp);
	*stage = st;
	*errnum = e;
	return NULL;
}

char *
cli_read_all(const char *path, size_t *len, int *stage, int *errnum)
{
	struct stat sb;
	FILE *fp;
	char *buf = NULL, *nb;
	size_t cap = 0, n = 0, got;

	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(path, "rb")) == NULL)
		return fail(NULL, NULL, stage, errnum, CLI_READ_OPEN, errno);
	/* a directory opens, then fails to read: it is no input file */
	if (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode))
		return fail(fp, NULL, stage, errnum, CLI_READ_OPEN, EISDIR);
	for (;;) {
		if (n + 4096 + 1 > cap) {
			cap = cap ? cap * 2 : 65536;
			if ((nb = realloc(buf, cap)) == NULL)
				return fail(fp, buf, stage, errnum,
				    CLI_READ_MEMORY, ENOMEM);
			buf = nb;
		}
		errno = 0;
		got = fread(buf + n, 1, cap - n - 1, fp);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(fp))
		return fail(fp, buf, stage, errnum, CLI_READ_READ,
		    errno ? errno : EIO);
	if (fp != stdin)
		fclose(fp);
	buf[n] = '\0';
	*len = n;
	return buf;
}

int
cli_read_status(int stage)
{
	return stage == CLI_READ_OPEN ? EX_NOINPUT_ :
	    stage == CLI_READ_MEMORY ? EX_SOFTWARE_ : EX_IOERR_;
}

void
cli_say(const char *prog, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
cli_option_error(const char *prog, int ch, char *const argv[])
{
	if (ch == ':')
		fprintf(stderr, "%s: %s needs a value\n", prog,
		    argv[optind - 1]);
	else if (optopt != 0)
		fprintf(stderr, "%s: unknown option -%c\n", prog, optopt);
	else
		fprintf(stderr, "%s: unknown option %s\n", prog,
		    argv[optind - 1]);
	fprintf(stderr, "Try '%s --help' for more information.\n", prog);
	return EX_USAGE_;
}
