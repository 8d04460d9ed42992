/* SPDX-License-Identifier: MIT */
/* replay.c - runs a libFuzzer target over saved inputs, without libFuzzer. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/*
 * usage: replay_NAME FILE|DIR ...
 *
 * Each FILE, and each regular file in each DIR, is read into a buffer of
 * exactly its size (so that the sanitizers see any overread) and passed to
 * LLVMFuzzerTestOneInput once, as libFuzzer would replay a crash input.
 * Exits 1 if a file cannot be read; a bug in the target is reported by the
 * sanitizers it was built with.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
run_file(const char *path, size_t *count)
{
	FILE	*f;
	uint8_t	*buf = NULL;
	long	 len;
	int	 rc = -1;

	errno = 0;
	if ((f = fopen(path, "rb")) == NULL)
		goto err;
	if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0)
		goto err;
	/* malloc(0) may return NULL; an empty input still gets a pointer. */
	if ((buf = malloc(len > 0 ? (size_t)len : 1)) == NULL)
		goto err;
	if (len > 0 && fread(buf, 1, (size_t)len, f) != (size_t)len)
		goto err;
	LLVMFuzzerTestOneInput(buf, (size_t)len);
	(*count)++;
	rc = 0;
err:
	if (rc != 0)
		fprintf(stderr, "replay: %s: %s\n", path,
		    errno ? strerror(errno) : "read error");
	free(buf);
	if (f != NULL)
		fclose(f);
	return rc;
}

static int
run_dir(const char *dir, size_t *count)
{
	DIR	*d;
	struct dirent *de;
	struct stat st;
	char	*path;
	size_t	 n;
	int	 rc = 0;

	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		n = strlen(dir) + strlen(de->d_name) + 2;
		if ((path = malloc(n)) == NULL) {
			rc = -1;
			break;
		}
		snprintf(path, n, "%s/%s", dir, de->d_name);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    run_file(path, count) != 0)
			rc = -1;
		free(path);
	}
	closedir(d);
	return rc;
}

int
main(int argc, char *argv[])
{
	struct stat st;
	size_t	 count = 0;
	int	 i, rc = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s file|directory ...\n", argv[0]);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		errno = 0;
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "replay: %s: %s\n", argv[i],
			    strerror(errno));
			rc = 1;
		} else if (S_ISDIR(st.st_mode)) {
			if (run_dir(argv[i], &count) != 0)
				rc = 1;
		} else if (run_file(argv[i], &count) != 0)
			rc = 1;
	}
	printf("replay: %zu inputs\n", count);
	return rc;
}
