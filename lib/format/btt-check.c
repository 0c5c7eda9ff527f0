// SPDX-License-Identifier: GPL-2.0
/*
 * Checking a BTT arena by arena.  Reads go through pread; every repair is
 * a pwrite of a whole structure (an info block, a map entry, the flog),
 * made only with --repair, and flushed before the check returns.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <util/log.h>
#include "btt-check.h"
#include "btt-format.h"

#define MAP_CHUNK (1U << 20) /* map bytes read at a time */

/* One arena as the check sees it: its good info block and where it is. */
struct arena {
	int num;
	uint64_t off; /* the info block's offset in the namespace */
	struct btt_info info;
	uint8_t raw[BTT_INFO_SIZE]; /* the info block's bytes */
	/* the flog, and per lane the newest entry */
	uint8_t *log;
	struct btt_log_entry *newest;
	int idx[2];
	bool log_ok;
};

static int read_at(struct btt_check *c, void *buf, size_t len, uint64_t off)
{
	ssize_t n;

	if (off > c->size || len > c->size - off)
		return -ERANGE;
	n = pread(c->fd, buf, len, off);
	if (n < 0)
		return -errno;
	return (size_t)n == len ? 0 : -EIO;
}

static int write_at(struct btt_check *c, const void *buf, size_t len,
		    uint64_t off)
{
	ssize_t n = pwrite(c->fd, buf, len, off);

	if (n < 0)
		return -errno;
	return (size_t)n == len ? 0 : -EIO;
}

static void problem(struct btt_check *c, const struct arena *a,
		    const char *what)
{
	c->problems++;
	if (a)
		pr_err("%s: arena %d: %s", c->name, a->num, what);
	else
		pr_err("%s: %s", c->name, what);
}

/* Read and judge an info block; verdict, or -errno for the read. */
static int info_at(struct btt_check *c, uint64_t off, uint8_t *raw,
		   struct btt_info *info)
{
	int rc = read_at(c, raw, BTT_INFO_SIZE, off);

	if (rc)
		return rc;
	return btt_info_parse(raw, c->parent_uuid, info);
}

/*
 * The info block of the arena at off is not valid: look for its backup
 * where the kernel puts it, and restore it (or say it needs restoring).
 * want_start: the offset a first arena of the backup's version sits at,
 * or -1 for any.  Returns 0 with a->raw/info filled, 1 when there is no
 * usable backup, or -errno.
 */
static int recover_info(struct btt_check *c, struct arena *a, int want_start,
			int verdict)
{
	uint64_t backup = btt_info2_guess(a->off, c->size);
	char msg[256];
	int rc;

	if (backup <= a->off)
		return 1;
	rc = info_at(c, backup, a->raw, &a->info);
	if (rc < 0)
		return rc;
	if (rc != BTT_INFO_OK ||
	    (want_start >= 0 && btt_version_start(&a->info) != want_start))
		return 1;
	if (!c->repair) {
		snprintf(
			msg, sizeof(msg),
			"BTT info block at offset %#llx needs to be restored "
			"(%s; its backup at %#llx is valid): run with --repair",
			(unsigned long long)a->off,
			verdict < 0 ? "unreadable" :
				      btt_info_verdict_str(verdict),
			(unsigned long long)backup);
		problem(c, NULL, msg);
		return 0;
	}
	rc = write_at(c, a->raw, BTT_INFO_SIZE, a->off);
	if (rc)
		return rc;
	c->repaired++;
	pr_info("%s: restored the BTT info block at offset %#llx from its "
		"backup at %#llx",
		c->name, (unsigned long long)a->off,
		(unsigned long long)backup);
	return 0;
}

/*
 * The first arena: at 4K (BTT 1.1) or at 0 (BTT 2.0), each version only
 * where it belongs; failing both, from a backup at either's arena end.
 */
static int find_first(struct btt_check *c, struct arena *a)
{
	static const int starts[] = { BTT1_START, BTT2_START };
	int verdict[2], i, rc;

	for (i = 0; i < 2; i++) {
		a->off = starts[i];
		verdict[i] = info_at(c, a->off, a->raw, &a->info);
		if (verdict[i] == BTT_INFO_OK &&
		    btt_version_start(&a->info) == starts[i])
			return 0;
		if (verdict[i] < 0 && verdict[i] != -ERANGE)
			return verdict[i];
	}
	for (i = 0; i < 2; i++) {
		a->off = starts[i];
		rc = recover_info(c, a, starts[i], verdict[i]);
		if (rc <= 0)
			return rc;
	}
	problem(c, NULL,
		"no valid BTT info block at offset 0x1000 or 0, nor a "
		"backup at the end of a first arena: not a BTT, or beyond "
		"repair");
	return -ENXIO;
}

static int check_info2(struct btt_check *c, struct arena *a)
{
	uint64_t off = a->off + a->info.info2off;
	uint8_t raw[BTT_INFO_SIZE];
	char msg[160];
	int rc = read_at(c, raw, sizeof(raw), off);

	if (rc)
		return rc;
	if (!memcmp(raw, a->raw, sizeof(raw)))
		return 0;
	if (!c->repair) {
		snprintf(msg, sizeof(msg),
			 "info2 needs to be restored: the backup info block "
			 "at offset %#llx differs from the info block; run "
			 "with --repair",
			 (unsigned long long)off);
		problem(c, a, msg);
		return 0;
	}
	rc = write_at(c, a->raw, BTT_INFO_SIZE, off);
	if (rc)
		return rc;
	c->repaired++;
	pr_info("%s: arena %d: restored info2 at offset %#llx", c->name, a->num,
		(unsigned long long)off);
	return 0;
}

/* The flog: its slot layout, and every lane's newest entry in bounds. */
static int check_log(struct btt_check *c, struct arena *a)
{
	const struct btt_info *in = &a->info;
	size_t len = (size_t)in->nfree * BTT_LOG_GROUP_SIZE;
	struct btt_log_entry ent[BTT_LOG_SLOTS], *e;
	char msg[200];
	uint32_t lane;
	int rc, n;

	a->log = malloc(len);
	a->newest = calloc(in->nfree, sizeof(*a->newest));
	if (!a->log || !a->newest)
		return -ENOMEM;
	rc = read_at(c, a->log, len, a->off + in->logoff);
	if (rc)
		return rc;
	if (btt_log_indices(a->log, in->nfree, a->idx, &lane)) {
		snprintf(msg, sizeof(msg),
			 "flog lane %u fits neither the (0, 1) nor the old "
			 "(0, 2) slot layout",
			 lane);
		problem(c, a, msg);
		return 0;
	}
	pr_debug("%s: arena %d: flog entries in slots %d and %d", c->name,
		 a->num, a->idx[0], a->idx[1]);
	for (lane = 0; lane < in->nfree; lane++) {
		btt_log_group_parse(a->log + (size_t)lane * BTT_LOG_GROUP_SIZE,
				    ent);
		n = btt_log_newest(&ent[a->idx[0]], &ent[a->idx[1]]);
		if (n < 0) {
			snprintf(msg, sizeof(msg),
				 "flog lane %u: sequence numbers %u and %u "
				 "cannot be ordered",
				 lane, ent[a->idx[0]].seq, ent[a->idx[1]].seq);
			problem(c, a, msg);
			return 0;
		}
		e = &ent[a->idx[n]];
		if (e->lba >= in->external_nlba ||
		    e->old_map >= in->internal_nlba ||
		    e->new_map >= in->internal_nlba) {
			snprintf(msg, sizeof(msg),
				 "flog lane %u: entry (lba %#x, old %#x, new "
				 "%#x) out of bounds (%u sectors, %u blocks)",
				 lane, e->lba, e->old_map, e->new_map,
				 in->external_nlba, in->internal_nlba);
			problem(c, a, msg);
			return 0;
		}
		a->newest[lane] = *e;
	}
	a->log_ok = true;
	return 0;
}

/*
 * A write the flog records whose map update did not land: the kernel
 * finishes it when it loads the arena; --repair finishes it here.  The
 * map entry to use for lba is returned in *fixed either way, so the
 * bitmap sees the arena as it will be.
 */
static int check_log_map(struct btt_check *c, struct arena *a, uint32_t lane,
			 uint32_t *fixed)
{
	const struct btt_log_entry *e = &a->newest[lane];
	uint64_t off =
		a->off + a->info.mapoff + (uint64_t)e->lba * BTT_MAP_ENTRY_SIZE;
	uint8_t raw[BTT_MAP_ENTRY_SIZE];
	uint32_t entry, block;
	int rc = read_at(c, raw, sizeof(raw), off);

	*fixed = 0;
	if (rc)
		return rc;
	entry = raw[0] | raw[1] << 8 | raw[2] << 16 | (uint32_t)raw[3] << 24;
	block = btt_map_block(entry, e->lba);
	if (block == e->new_map || block != e->old_map)
		return 0;
	*fixed = e->new_map | BTT_MAP_FLAGS;
	if (!c->repair) {
		pr_info("%s: arena %d: map[%#x] is %#x where flog lane %u "
			"says %#x (an interrupted write the kernel completes "
			"on enable; --repair completes it now)",
			c->name, a->num, e->lba, block, lane, e->new_map);
		return 0;
	}
	raw[0] = *fixed & 0xff;
	raw[1] = *fixed >> 8 & 0xff;
	raw[2] = *fixed >> 16 & 0xff;
	raw[3] = *fixed >> 24;
	rc = write_at(c, raw, sizeof(raw), off);
	if (rc)
		return rc;
	c->repaired++;
	pr_info("%s: arena %d: map[%#x] updated to %#x as flog lane %u says",
		c->name, a->num, e->lba, e->new_map, lane);
	return 0;
}

/* Pending map fixes from the flog, looked up by lba while streaming. */
struct fix {
	uint32_t lba, entry;
};

static int cmp_fix(const void *x, const void *y)
{
	const struct fix *a = x, *b = y;

	return a->lba < b->lba ? -1 : a->lba > b->lba;
}

/*
 * Every map entry in bounds, and map plus free blocks covering every
 * internal block exactly once.
 */
static int check_map(struct btt_check *c, struct arena *a)
{
	const struct btt_info *in = &a->info;
	struct btt_bitmap bm;
	struct fix *fixes, key, *hit;
	uint32_t lba = 0, i, n, entry, block, nfix = 0, dups = 0, oob = 0;
	uint32_t first_dup = 0, first_oob = 0, unref = 0;
	uint8_t *buf;
	char msg[240];
	int rc;

	fixes = calloc(in->nfree, sizeof(*fixes));
	buf = malloc(MAP_CHUNK);
	rc = !fixes || !buf ? -ENOMEM : btt_bitmap_init(&bm, in->internal_nlba);
	if (rc) {
		free(fixes);
		free(buf);
		return rc;
	}
	for (i = 0; i < in->nfree; i++) {
		rc = check_log_map(c, a, i, &entry);
		if (rc)
			goto out;
		if (entry)
			fixes[nfix++] = (struct fix){ a->newest[i].lba, entry };
	}
	qsort(fixes, nfix, sizeof(*fixes), cmp_fix);
	while (lba < in->external_nlba) {
		n = in->external_nlba - lba;
		if (n > MAP_CHUNK / BTT_MAP_ENTRY_SIZE)
			n = MAP_CHUNK / BTT_MAP_ENTRY_SIZE;
		rc = read_at(c, buf, (size_t)n * BTT_MAP_ENTRY_SIZE,
			     a->off + in->mapoff +
				     (uint64_t)lba * BTT_MAP_ENTRY_SIZE);
		if (rc)
			goto out;
		for (i = 0; i < n; i++, lba++) {
			const uint8_t *p = buf + (size_t)i * 4;

			entry = p[0] | p[1] << 8 | p[2] << 16 |
				(uint32_t)p[3] << 24;
			key.lba = lba;
			hit = nfix ? bsearch(&key, fixes, nfix, sizeof(*fixes),
					     cmp_fix) :
				     NULL;
			if (hit)
				entry = hit->entry;
			block = btt_map_block(entry, lba);
			if (block >= in->internal_nlba) {
				if (!oob++)
					first_oob = lba;
			} else if (!btt_bitmap_take(&bm, block)) {
				if (!dups++)
					first_dup = block;
			}
		}
	}
	/* Each lane's free block is the old block of its newest entry. */
	for (i = 0; i < in->nfree; i++)
		if (!btt_bitmap_take(&bm, a->newest[i].old_map) && !dups++)
			first_dup = a->newest[i].old_map;
	for (i = btt_bitmap_first_free(&bm); i < in->internal_nlba; i++)
		if (!(bm.bits[i / 64] & 1ULL << (i % 64)))
			unref++;
	if (oob) {
		snprintf(msg, sizeof(msg),
			 "%u map entries point beyond the arena's %u blocks "
			 "(the first: map[%#x])",
			 oob, in->internal_nlba, first_oob);
		problem(c, a, msg);
	}
	if (dups || unref) {
		snprintf(msg, sizeof(msg),
			 "bitmap error: %u internal blocks referenced more "
			 "than once (the first: %#x), %u referenced by "
			 "nothing; not repairable",
			 dups, first_dup, unref);
		problem(c, a, msg);
	}
out:
	btt_bitmap_free(&bm);
	free(fixes);
	free(buf);
	return rc;
}

/*
 * The flog rebuilt in the (0, 1) layout from each lane's newest entry,
 * as a never-written lane looks: slot 0 that entry with sequence 1, the
 * other slots zero.  Any kernel, old or new, reads that the same way.
 */
static int rewrite_log(struct btt_check *c, struct arena *a)
{
	struct btt_log_entry ent[BTT_LOG_SLOTS];
	uint32_t lane;
	int rc;

	for (lane = 0; lane < a->info.nfree; lane++) {
		memset(ent, 0, sizeof(ent));
		ent[0] = a->newest[lane];
		ent[0].seq = 1;
		btt_log_group_build(a->log + (size_t)lane * BTT_LOG_GROUP_SIZE,
				    ent);
	}
	rc = write_at(c, a->log, (size_t)a->info.nfree * BTT_LOG_GROUP_SIZE,
		      a->off + a->info.logoff);
	if (rc)
		return rc;
	c->repaired++;
	pr_info("%s: arena %d: rewrote the flog (%u lanes) with entries in "
		"slots 0 and 1",
		c->name, a->num, a->info.nfree);
	return 0;
}

static int check_arena(struct btt_check *c, struct arena *a)
{
	const char *why = btt_info_geometry_error(&a->info, c->size - a->off);
	int before = c->problems, rc;
	char msg[160];

	pr_debug("%s: arena %d at %#llx: BTT %u.%u, %u sectors of %u bytes, "
		 "%u free blocks",
		 c->name, a->num, (unsigned long long)a->off,
		 a->info.version_major, a->info.version_minor,
		 a->info.external_nlba, a->info.external_lbasize,
		 a->info.nfree);
	if (why) {
		snprintf(msg, sizeof(msg), "info block at offset %#llx: %s",
			 (unsigned long long)a->off, why);
		problem(c, a, msg);
		return 0;
	}
	if (a->info.flags & BTT_IB_FLAG_ERROR)
		problem(c, a, "the info block's error flag is set");
	rc = check_info2(c, a);
	if (!rc)
		rc = check_log(c, a);
	if (!rc && a->log_ok)
		rc = check_map(c, a);
	if (rc || !c->rewrite_log)
		return rc;
	if (!c->repair) {
		problem(c, a, "rewriting the flog needs --repair");
		return 0;
	}
	if (c->problems != before || !a->log_ok) {
		problem(c, a,
			"the flog is not rewritten while the arena has "
			"problems");
		return 0;
	}
	return rewrite_log(c, a);
}

int btt_check_run(struct btt_check *c)
{
	struct arena a = { 0 };
	uint64_t next;
	int rc;

	c->arenas = c->problems = c->repaired = 0;
	rc = find_first(c, &a);
	while (!rc) {
		rc = check_arena(c, &a);
		free(a.log);
		free(a.newest);
		a.log = NULL;
		a.newest = NULL;
		c->arenas++;
		if (rc || btt_info_geometry_error(&a.info, c->size - a.off) ||
		    !a.info.nextoff)
			break;
		next = a.off + a.info.nextoff;
		a = (struct arena){ .num = c->arenas, .off = next };
		rc = info_at(c, a.off, a.raw, &a.info);
		if (rc == BTT_INFO_OK)
			continue;
		if (rc >= 0 || rc == -ERANGE)
			rc = recover_info(c, &a, -1, rc);
		if (rc == 1) {
			problem(c, &a,
				"no valid info block, nor a backup at the "
				"arena's end");
			rc = 0;
			break;
		}
	}
	if (c->repair && fsync(c->fd) && !rc)
		rc = -errno;
	pr_debug("%s: %d arena%s checked, %d problem%s left, %d repaired",
		 c->name, c->arenas, c->arenas == 1 ? "" : "s", c->problems,
		 c->problems == 1 ? "" : "s", c->repaired);
	if (rc == -ENXIO)
		return 1;
	if (rc < 0)
		return rc;
	return c->problems ? 1 : 0;
}
