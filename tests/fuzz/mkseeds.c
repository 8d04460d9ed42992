/* SPDX-License-Identifier: MIT */
/*
 * mkseeds.c - writes seeds for fuzz_inputs and fuzz_struct from scenario
 * inputs files ("name = value ...", yes/no and enum names as words).
 *
 * usage: mkseeds OUTDIR-inputs OUTDIR-struct FILE...
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heavylegs.h"

static double
word_value(const char *name, const char *w)
{
	hl_input_info info;
	size_t i, len;
	int j;
	char *end;
	double v;

	if (strcmp(w, "yes") == 0)
		return 1;
	if (strcmp(w, "no") == 0)
		return 0;
	v = strtod(w, &end);
	if (*end == '\0')
		return v;
	len = strcspn(name, "[");
	for (i = 0; i < hl_input_count(); i++) {
		memset(&info, 0, sizeof info);
		info.size = sizeof info;
		hl_input_describe(i, &info);
		if (strlen(info.name) != len || strncmp(info.name, name, len))
			continue;
		for (j = 0; j < info.enum_count; j++)
			if (strcmp(info.enum_names[j], w) == 0)
				return j;
	}
	return NAN;
}

/* One fuzz_inputs record: op 0 (raw name, set), len, name, value. */
static void
record(FILE *f, unsigned op, const char *name, double v)
{
	size_t len = strlen(name);

	fputc((int)op, f);
	fputc((int)len, f);
	fwrite(name, 1, len, f);
	fwrite(&v, sizeof v, 1, f);
}

int
main(int argc, char **argv)
{
	char line[1024], path[4096], name[128], *eq, *w, *words[64];
	hl_inputs in;
	FILE *f, *out;
	int a, k, nw;
	double v;

	for (a = 3; a < argc; a++) {
		if ((f = fopen(argv[a], "r")) == NULL)
			return 1;
		snprintf(path, sizeof path, "%s/seed-%03d", argv[1], a - 2);
		if ((out = fopen(path, "wb")) == NULL)
			return 1;
		hl_inputs_init(&in, sizeof in);
		while (fgets(line, sizeof line, f) != NULL) {
			if (line[0] == '#' || (eq = strchr(line, '=')) == NULL)
				continue;
			*eq = '\0';
			if (sscanf(line, "%127s", name) != 1)
				continue;
			nw = 0;
			for (w = strtok(eq + 1, " \t\n"); w != NULL && nw < 64;
			    w = strtok(NULL, " \t\n"))
				words[nw++] = w;
			for (k = 0; k < nw; k++) {
				v = word_value(name, words[k]);
				if (nw == 1)
					snprintf(line, sizeof line, "%s", name);
				else
					snprintf(line, sizeof line, "%s[%d]", name,
					    k);
				record(out, 0, line, v);
				hl_inputs_set(&in, line, v, NULL);
			}
		}
		fclose(out);
		fclose(f);
		snprintf(path, sizeof path, "%s/seed-%03d", argv[2], a - 2);
		if ((out = fopen(path, "wb")) == NULL)
			return 1;
		fwrite(&in, sizeof in, 1, out);
		fclose(out);
	}
	return 0;
}
