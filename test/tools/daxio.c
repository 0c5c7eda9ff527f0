// SPDX-License-Identifier: GPL-2.0
/*
 * Test helper for device-dax character devices, which support only mmap:
 *   daxio fill DEV SEED    write a pattern derived from SEED
 *   daxio check DEV SEED   verify that pattern; exit 1 on a mismatch
 *   daxio hold DEV         map the device, close the descriptor (the map
 *                          alone keeps it busy), say "held", wait to be
 *                          killed
 *   daxio open DEV         open the device and keep the descriptor, with
 *                          no mapping; say "held", wait to be killed
 *   daxio inherit DEV      map the device, close the descriptor, fork a
 *                          child that keeps the mapping and exit: only
 *                          the child holds it; say "held PID" (the
 *                          child's), the child waits to be killed
 *   daxio excl BLOCKDEV    open a block device with O_EXCL, say "held",
 *                          wait to be killed
 * DEV is a node of the device (/dev/daxX.Y, or one made with mknod); its
 * size comes from sysfs, found by the node's device number.  The pattern is one
 * 64-bit word every 64 KiB, so a 16 GiB device takes a moment under TCG.
 */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#define STRIDE (64 * 1024)

static uint64_t word(uint64_t seed, uint64_t off)
{
	return (seed * 0x9e3779b97f4a7c15ULL) ^ off;
}

static int dev_size(const char *dev, uint64_t *size)
{
	char path[256];
	struct stat st;
	FILE *f;
	int rc;

	if (stat(dev, &st))
		return -errno;
	snprintf(path, sizeof(path), "/sys/dev/char/%u:%u/size",
		 major(st.st_rdev), minor(st.st_rdev));
	f = fopen(path, "r");
	if (!f)
		return -errno;
	rc = fscanf(f, "%" SCNu64, size) == 1 ? 0 : -EINVAL;
	fclose(f);
	return rc;
}

int main(int argc, char **argv)
{
	uint64_t size, seed = 0, off, bad = 0;
	volatile uint64_t *map;
	int fd;

	bool held = argc >= 3 &&
		    (!strcmp(argv[1], "hold") || !strcmp(argv[1], "open") ||
		     !strcmp(argv[1], "inherit"));
	pid_t child;

	if (argc < 3 || (!held && strcmp(argv[1], "excl") && argc < 4)) {
		fprintf(stderr, "usage: daxio fill|check DEV SEED | "
				"hold|open|inherit DEV | excl BLOCKDEV\n");
		return 2;
	}
	if (!strcmp(argv[1], "excl")) {
		fd = open(argv[2], O_RDONLY | O_EXCL);
		if (fd < 0) {
			fprintf(stderr, "daxio: %s: %s\n", argv[2],
				strerror(errno));
			return 1;
		}
		printf("held\n");
		fflush(stdout);
		for (;;)
			pause();
	}
	if (argc > 3)
		seed = strtoull(argv[3], NULL, 0);
	if (dev_size(argv[2], &size) || !size) {
		fprintf(stderr, "daxio: %s: cannot read its size\n", argv[2]);
		return 1;
	}
	fd = open(argv[2], O_RDWR);
	if (fd < 0) {
		fprintf(stderr, "daxio: %s: %s\n", argv[2], strerror(errno));
		return 1;
	}
	if (!strcmp(argv[1], "open")) {
		printf("held\n");
		fflush(stdout);
		for (;;)
			pause();
	}
	map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		fprintf(stderr, "daxio: mmap %s: %s\n", argv[2],
			strerror(errno));
		return 1;
	}
	if (!strcmp(argv[1], "hold")) {
		map[0] = map[0];
		close(fd);
		printf("held\n");
		fflush(stdout);
		for (;;)
			pause();
	}
	if (!strcmp(argv[1], "inherit")) {
		map[0] = map[0];
		close(fd);
		child = fork();
		if (child < 0) {
			perror("daxio: fork");
			return 1;
		}
		if (child) {
			printf("held %d\n", (int)child);
			return 0;
		}
		/* Only the mapping, inherited: no descriptor, no parent. */
		fclose(stdout);
		for (;;)
			pause();
	}
	for (off = 0; off < size; off += STRIDE) {
		volatile uint64_t *p = &map[off / sizeof(*map)];

		if (!strcmp(argv[1], "fill"))
			*p = word(seed, off);
		else if (*p != word(seed, off) && bad++ < 5)
			fprintf(stderr,
				"daxio: %s: offset %" PRIu64 ": %#" PRIx64
				" != %#" PRIx64 "\n",
				argv[2], off, *p, word(seed, off));
	}
	munmap((void *)map, size);
	close(fd);
	if (bad)
		fprintf(stderr, "daxio: %s: %" PRIu64 " words differ\n",
			argv[2], bad);
	return bad ? 1 : 0;
}
