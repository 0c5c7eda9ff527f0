// SPDX-License-Identifier: GPL-2.0
/*
 * Seed corpus for fuzz-labels: fresh label areas as init-labels writes
 * them (the labels scenario checks that layout against the kernel's),
 * v1.1 and v1.2, in a few small sizes.  Usage: label-seeds OUT_DIR
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <format/label-format.h>

int main(int argc, char **argv)
{
	static const unsigned int sizes[] = { 4096, 8192, 16384 };
	static const char *const versions[] = { "1.1", "1.2" };
	struct label_geometry g;
	char path[4096];
	unsigned int i, v;
	void *area;
	FILE *f;

	if (argc != 2)
		return 2;
	if (mkdir(argv[1], 0755) && errno != EEXIST)
		return 1;
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		for (v = 0; v < 2; v++) {
			if (label_geometry(sizes[i], versions[v], &g))
				continue;
			area = calloc(1, sizes[i]);
			if (!area)
				return 1;
			label_init_area(area, &g);
			snprintf(path, sizeof(path), "%s/init-%s-%u", argv[1],
				 versions[v], sizes[i]);
			f = fopen(path, "wb");
			if (!f || fwrite(area, 1, sizes[i], f) != sizes[i])
				return 1;
			fclose(f);
			free(area);
		}
	return 0;
}
