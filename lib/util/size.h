/* SPDX-License-Identifier: GPL-2.0 */
#ifndef UTIL_SIZE_H
#define UTIL_SIZE_H

#include <stdint.h>
#include <stddef.h>

#define SZ_4K 0x1000ULL
#define SZ_2M 0x200000ULL
#define SZ_128M 0x8000000ULL
#define SZ_1G 0x40000000ULL
#define SZ_1T 0x10000000000ULL

/*
 * Parse "4096", "0x1000", "2M", "2MiB", "1g", "6T": binary suffixes (K, M,
 * G, T, P, E) with an optional "iB" or "B".  Returns 0, or -EINVAL for
 * anything else, including overflow.
 */
int parse_size(const char *str, uint64_t *bytes);

/*
 * The shortest exact form ("2M", "1G", "6T", "4100K", "12345" bytes), for
 * messages and tables where the value must not be rounded.
 */
char *size_exact(uint64_t bytes, char *buf, size_t len);

/*
 * The upstream tools' human form: below 5000 KiB the plain number, below
 * 2 GiB "1024.00 MiB (1073.74 MB)", below 2 TiB "4.00 GiB (4.29 GB)",
 * then TiB.
 */
#define HUMAN_PLAIN_BELOW (5000ULL << 10)
char *size_human(uint64_t bytes, char *buf, size_t len);

/* Compact rounded form for tables: "4.00 GiB", "640.00 KiB", "0 B". */
char *size_short(uint64_t bytes, char *buf, size_t len);

#define ALIGN_UP(x, a) ((((x) + (a)-1) / (a)) * (a))
#define ALIGN_DOWN(x, a) (((x) / (a)) * (a))

#endif
