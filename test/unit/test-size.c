// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <util/size.h>
#include "tap.h"

static void parses(const char *str, uint64_t want)
{
	uint64_t got = 0;
	int rc = parse_size(str, &got);

	tap_ok(rc == 0 && got == want, "parse_size(\"%s\") = %llu (got %llu)",
	       str, (unsigned long long)want, (unsigned long long)got);
}

static void rejects(const char *str)
{
	uint64_t got;

	tap_ok(parse_size(str, &got) == -EINVAL, "parse_size rejects \"%s\"",
	       str);
}

static void exact(uint64_t bytes, const char *want)
{
	char buf[32];

	size_exact(bytes, buf, sizeof(buf));
	tap_ok(!strcmp(buf, want), "size_exact(%llu) = %s (got %s)",
	       (unsigned long long)bytes, want, buf);
}

static void human(uint64_t bytes, const char *want)
{
	char buf[64];

	size_human(bytes, buf, sizeof(buf));
	tap_ok(!strcmp(buf, want), "size_human(%llu) = \"%s\" (got \"%s\")",
	       (unsigned long long)bytes, want, buf);
}

int main(void)
{
	parses("4096", 4096);
	parses("0x1000", 4096);
	parses("4K", 4096);
	parses("2M", 2ULL << 20);
	parses("2m", 2ULL << 20);
	parses("2MiB", 2ULL << 20);
	parses("1G", 1ULL << 30);
	parses("1GB", 1ULL << 30);
	parses("6T", 6ULL << 40);
	rejects("16E");
	rejects("");
	rejects("M");
	rejects("-1G");
	rejects("1X");
	rejects("1Gx");
	rejects("2 M");
	rejects("99999999999999999999");
	rejects("17179869184G");
	exact(2ULL << 20, "2M");
	exact(1ULL << 30, "1G");
	exact(6ULL << 40, "6T");
	exact(4100ULL << 10, "4100K");
	exact(12345, "12345");
	exact(0, "0");
	human(4294967296ULL, "4.00 GiB (4.29 GB)");
	human(2097152, "2097152");
	human(5000ULL << 10, "4.88 MiB (5.12 MB)");
	human(1ULL << 30, "1024.00 MiB (1073.74 MB)");
	human(6ULL << 40, "6.00 TiB (6.60 TB)");
	human(512, "512");
	return tap_done();
}
