/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A namespace's claim (its fsdax or devdax info block) saved and written
 * back: the one way both tools replace a claim and put the old one back
 * when the new one fails.  The old claim comes back with its uuid, align
 * and mode, so its data sits where it was.
 */
#ifndef DEVSTATE_CLAIM_H
#define DEVSTATE_CLAIM_H

#include <stdbool.h>
#include <ndctl/libndctl.h>

struct devstate_ctx;
struct journal;
struct sysroot;

struct ns_claim {
	enum ndctl_ns_mode mode; /* RAW: no claim */
	enum ndctl_map map;
	uint64_t align;
	unsigned int sector_size; /* sector mode (btt) */
	char uuid[40];
	bool enabled; /* a raw namespace with its block device up */
};

void ns_claim_save(struct ndctl_namespace *ns, struct ns_claim *c);

/* Clear whatever claim the namespace has and put c back. */
int ns_claim_restore(struct ndctl_namespace *ns, const struct ns_claim *c);

/*
 * Replace the namespace's claim with cfg.  With a journal, the first
 * 8 KiB (the old info block) are saved beside it first, durably, so the
 * old claim can be written back byte for byte even by a later command.
 * When the new claim fails, old is put back (unless old is NULL: the
 * namespace is left raw) and the message says what the namespace is,
 * read back; the new claim's error is returned either way.
 */
int ns_claim_replace(struct ndctl_namespace *ns,
		     const struct ndctl_ns_config *cfg,
		     const struct ns_claim *old, struct journal *j);

/* The claim in the journal's "claim.*" fields, and back. */
void ns_claim_record(struct journal *j, const struct ns_claim *c);
int ns_claim_load(const struct journal *j, struct ns_claim *c);

/* Whether the namespace has claim c now (uuid, mode, map and align). */
bool ns_claim_is(struct ndctl_namespace *ns, const struct ns_claim *c);

/*
 * Bring a namespace back to claim c after an interrupted change: its
 * force_raw back to force_raw (-1: leave it), enabled again when it still has the
 * claim, otherwise its saved info block written back (j's blob) or,
 * without one, the claim written anew (the same uuid, mode and align,
 * so the data sits where it did).  0 or a negative errno.
 */
int ns_claim_recover(struct sysroot *root, struct ndctl_namespace *ns,
		     const struct ns_claim *c, int force_raw,
		     const struct journal *j);

/*
 * The "ns-claim" journal kind: create-namespace's claim of a namespace,
 * and what recovery does with one (journal.h).
 */
int ns_claim_journal_begin(struct journal *j, struct sysroot *root,
			   struct ndctl_namespace *ns, const char *what);
int ns_claim_journal_recover(struct devstate_ctx *ds, struct journal *j);

#endif
