// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <string.h>

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <util/log.h>
#include <util/sysfs.h>
#include "claim.h"
#include "words.h"
#include "context.h"
#include "journal.h"

void ns_claim_save(struct ndctl_namespace *ns, struct ns_claim *c)
{
	struct ndctl_claim *claim = ndctl_namespace_get_claim(ns);

	*c = (struct ns_claim){ .mode = ndctl_namespace_get_mode(ns),
				.enabled = ndctl_namespace_is_active(ns) };
	if (claim) {
		c->map = ndctl_claim_get_map(claim);
		c->align = ndctl_claim_get_align(claim);
		c->sector_size = ndctl_claim_get_sector_size(claim);
		snprintf(c->uuid, sizeof(c->uuid), "%s",
			 ndctl_claim_get_uuid(claim));
	}
}

int ns_claim_restore(struct ndctl_namespace *ns, const struct ns_claim *c)
{
	struct ndctl_ns_config cfg = { .mode = c->mode,
				       .map = c->map,
				       .align = c->align,
				       .sector_size = c->sector_size,
				       .uuid = c->uuid[0] ? c->uuid : NULL };
	int rc = ndctl_namespace_clear_claim(ns);

	if (rc)
		return rc;
	if (c->mode == NDCTL_NS_MODE_RAW)
		return c->enabled ? ndctl_namespace_enable(ns) : 0;
	return ndctl_namespace_configure(ns, &cfg);
}

/* The namespace as the kernel has it now (the objects are a snapshot). */
static struct ndctl_namespace *reread(struct ndctl_namespace *ns,
				      const char *name)
{
	struct ndctl_ctx *ctx = ndctl_bus_get_ctx(
		ndctl_region_get_bus(ndctl_namespace_get_region(ns)));

	ndctl_refresh(ctx);
	return ndctl_get_namespace(ctx, name);
}

/* "fsdax, enabled": what a namespace read back is. */
static void describe(struct ndctl_namespace *ns, char *buf, size_t len)
{
	enum ndctl_ns_mode mode;

	if (!ns) {
		snprintf(buf, len, "gone");
		return;
	}
	mode = ndctl_namespace_get_mode(ns);
	snprintf(buf, len, "%s, %s",
		 word_of(ns_mode_words, mode, "unknown mode"),
		 ndctl_namespace_is_active(ns) ? "enabled" : "disabled");
}

/* The pfn/dax info block sits at 4 KiB; BTT 2.0's at 0. */
#define INFO_BLOCK_BYTES 8192

/*
 * The namespace's first 8 KiB, read raw (the namespace disabled and its
 * claim let go, its info block left as it is), into the journal.
 */
static int save_info_block(struct ndctl_namespace *ns, struct journal *j)
{
	struct ndctl_raw_session s;
	char buf[INFO_BLOCK_BYTES];
	ssize_t n = -1;
	int fd, rc;

	if (ndctl_namespace_get_size(ns) < INFO_BLOCK_BYTES)
		return 0;
	rc = ndctl_namespace_disable(ns);
	if (!rc)
		rc = ndctl_namespace_raw_begin(ns, &s);
	if (rc)
		return rc;
	fd = open(s.path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		n = pread(fd, buf, sizeof(buf), 0);
		close(fd);
	}
	rc = n == (ssize_t)sizeof(buf) ? 0 : n < 0 ? -errno : -EIO;
	ndctl_namespace_raw_end(ns, &s);
	if (!rc)
		rc = journal_write_blob(j, "infoblock", buf, sizeof(buf));
	if (!rc)
		rc = journal_write(j);
	return rc;
}

/* The saved first 8 KiB written back: the kernel finds the old claim. */
static int put_back_info_block(struct ndctl_namespace *ns,
			       const struct ns_claim *c,
			       const struct journal *j)
{
	char buf[INFO_BLOCK_BYTES];
	int rc;

	if (journal_read_blob(j, "infoblock", buf, sizeof(buf)) !=
	    (ssize_t)sizeof(buf))
		return -ENOENT;
	rc = ndctl_namespace_clear_claim(ns);
	if (!rc)
		rc = ndctl_namespace_raw_rw(ns, buf, sizeof(buf), 0, true);
	if (!rc && (c->mode != NDCTL_NS_MODE_RAW || c->enabled))
		rc = ndctl_namespace_enable(ns);
	return rc;
}

int ns_claim_replace(struct ndctl_namespace *ns,
		     const struct ndctl_ns_config *cfg,
		     const struct ns_claim *old, struct journal *j)
{
	char name[64], now[64];
	int rc, rrc;

	snprintf(name, sizeof(name), "%s", ndctl_namespace_get_devname(ns));
	rc = j ? save_info_block(ns, j) : 0;
	if (!rc)
		rc = ndctl_namespace_clear_claim(ns);
	if (!rc)
		rc = ndctl_namespace_configure(ns, cfg);
	if (!rc)
		return 0;
	ns = reread(ns, name);
	/*
	 * Still the old claim, as it was: the failure changed nothing, and
	 * a restore would only zero an info block that is still good.
	 */
	if (ns && old && ns_claim_is(ns, old) &&
	    ndctl_namespace_is_active(ns) == old->enabled) {
		describe(ns, now, sizeof(now));
		pr_err("%s: replacing the info block failed (%s); nothing changed: "
		       "still %s",
		       name, strerror(-rc), now);
		return rc;
	}
	if (!old) {
		if (ns)
			ndctl_namespace_clear_claim(ns);
		ns = ns ? reread(ns, name) : NULL;
		describe(ns, now, sizeof(now));
		pr_err("%s: replacing the info block failed (%s): now %s "
		       "(--no-autorecover)",
		       name, strerror(-rc), now);
		return rc;
	}
	rrc = -ENOENT;
	if (ns && j)
		rrc = put_back_info_block(ns, old, j);
	ns = ns && !rrc ? reread(ns, name) : ns;
	if (ns && (rrc || !ns_claim_is(ns, old)))
		rrc = ns_claim_restore(ns, old);
	ns = ns ? reread(ns, name) : NULL;
	describe(ns, now, sizeof(now));
	if (!rrc && ns && ns_claim_is(ns, old))
		pr_err("%s: replacing the info block failed (%s); the old one is "
		       "restored: %s",
		       name, strerror(-rc), now);
	else
		pr_err("%s: replacing the info block failed (%s), and the old one "
		       "could not be restored (%s): now %s",
		       name, strerror(-rc),
		       rrc ? strerror(-rrc) : "it reads back different", now);
	return rc;
}

void ns_claim_record(struct journal *j, const struct ns_claim *c)
{
	journal_set(j, "claim.mode", "%d", (int)c->mode);
	journal_set(j, "claim.map", "%d", (int)c->map);
	journal_set(j, "claim.align", "%llu", (unsigned long long)c->align);
	journal_set(j, "claim.sector_size", "%u", c->sector_size);
	journal_set(j, "claim.uuid", "%s", c->uuid);
	journal_set(j, "claim.enabled", "%d", c->enabled);
}

int ns_claim_load(const struct journal *j, struct ns_claim *c)
{
	uint64_t mode, map, align, ssize;
	const char *uuid = journal_get(j, "claim.uuid");

	if (journal_get_u64(j, "claim.mode", &mode) ||
	    journal_get_u64(j, "claim.map", &map) ||
	    journal_get_u64(j, "claim.align", &align) ||
	    journal_get_u64(j, "claim.sector_size", &ssize) || !uuid)
		return -EINVAL;
	*c = (struct ns_claim){ .mode = (enum ndctl_ns_mode)mode,
				.map = (enum ndctl_map)map,
				.align = align,
				.sector_size = (unsigned int)ssize,
				.enabled =
					journal_get_bool(j, "claim.enabled") };
	snprintf(c->uuid, sizeof(c->uuid), "%s", uuid);
	return 0;
}

bool ns_claim_is(struct ndctl_namespace *ns, const struct ns_claim *c)
{
	struct ns_claim now;

	ns_claim_save(ns, &now);
	if (now.mode != c->mode)
		return false;
	if (c->mode == NDCTL_NS_MODE_RAW)
		return true;
	return now.map == c->map && now.align == c->align &&
	       !strcmp(now.uuid, c->uuid);
}

int ns_claim_recover(struct sysroot *root, struct ndctl_namespace *ns,
		     const struct ns_claim *c, int force_raw,
		     const struct journal *j)
{
	char name_buf[64];
	const char *name = ndctl_namespace_get_devname(ns);
	int rc, now;

	/* A raw session killed half-way leaves force_raw set. */
	if (force_raw >= 0 &&
	    !sysfs_read_int(root, &now, "sys/bus/nd/devices/%s/force_raw",
			    name) &&
	    now != force_raw) {
		if (ndctl_namespace_is_active(ns))
			ndctl_namespace_disable(ns);
		rc = sysfs_write(root, force_raw ? "1" : "0",
				 "sys/bus/nd/devices/%s/force_raw", name);
		if (rc)
			return rc;
	}
	if (ns_claim_is(ns, c)) {
		if (c->enabled == ndctl_namespace_is_active(ns))
			return 0;
		return c->enabled ? ndctl_namespace_enable(ns) :
				    ndctl_namespace_disable(ns);
	}
	snprintf(name_buf, sizeof(name_buf), "%s", name);
	rc = j ? put_back_info_block(ns, c, j) : -ENOENT;
	if (!rc) {
		ns = reread(ns, name_buf);
		if (ns && ns_claim_is(ns, c))
			goto enabled;
	}
	if (!ns)
		return -ENODEV;
	rc = ns_claim_restore(ns, c);
	if (rc)
		return rc;
enabled:
	if (!c->enabled && c->mode != NDCTL_NS_MODE_RAW)
		rc = ndctl_namespace_disable(ns);
	return rc;
}

int ns_claim_journal_begin(struct journal *j, struct sysroot *root,
			   struct ndctl_namespace *ns, const char *what)
{
	const char *name = ndctl_namespace_get_devname(ns);
	struct ns_claim c;
	int rc, force_raw = -1;

	rc = journal_init(j, sysroot_path(root), "ns-claim");
	if (rc)
		return rc;
	ns_claim_save(ns, &c);
	sysfs_read_int(root, &force_raw, "sys/bus/nd/devices/%s/force_raw",
		       name);
	journal_set(j, "what", "%s", what);
	journal_set(j, "ns", "%s", name);
	journal_set(j, "force_raw", "%d", force_raw);
	ns_claim_record(j, &c);
	return journal_write(j);
}

/*
 * A new namespace in a labelled region: its capacity given back, as if
 * create-namespace had never run.
 */
static int seed_recover(struct ndctl_namespace *ns, struct journal *j)
{
	const char *name = ndctl_namespace_get_devname(ns);
	int rc = 0;

	if (ndctl_namespace_get_size(ns)) {
		rc = ndctl_namespace_clear_claim(ns);
		if (!rc)
			rc = ndctl_namespace_delete(ns);
	}
	if (rc) {
		pr_err("%s: could not give back the capacity an interrupted "
		       "create-namespace took (%s): the record stays in %s; "
		       "ndctl destroy-namespace -f %s, then remove the file",
		       name, strerror(-rc), j->path, name);
		return rc;
	}
	pr_info("%s: the capacity an interrupted create-namespace took is "
		"given back",
		name);
	return 0;
}

int ns_claim_journal_recover(struct devstate_ctx *ds, struct journal *j)
{
	const char *name = journal_get(j, "ns");
	struct ndctl_namespace *ns;
	uint64_t force_raw = (uint64_t)-1;
	struct ns_claim c;
	int rc;

	if (!ds->nd || !name || ns_claim_load(j, &c)) {
		pr_err("%s: unreadable record; check the namespace by hand "
		       "and remove the file",
		       j->path);
		return -EINVAL;
	}
	journal_get_u64(j, "force_raw", &force_raw);
	ndctl_refresh(ds->nd);
	ns = ndctl_get_namespace(ds->nd, name);
	if (ns && journal_get_bool(j, "seed"))
		return seed_recover(ns, j);
	rc = ns ? ns_claim_recover(ds->root, ns, &c, (int)force_raw, j) :
		  -ENODEV;
	if (rc) {
		pr_err("%s: could not put its claim back (%s): the record "
		       "stays in %s; restore it by hand (ndctl "
		       "create-namespace -f -e %s -m ...) and remove the file",
		       name, strerror(-rc), j->path, name);
		return rc;
	}
	ndctl_refresh(ds->nd);
	ns = ndctl_get_namespace(ds->nd, name);
	if (!ns || !ns_claim_is(ns, &c)) {
		pr_err("%s: the claim read back is not the recorded one; the "
		       "record stays in %s",
		       name, j->path);
		return -EIO;
	}
	pr_info("%s: back to its claim before the interrupted change (%s)",
		name, ndctl_namespace_is_active(ns) ? "enabled" : "disabled");
	return 0;
}
