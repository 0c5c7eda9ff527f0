// SPDX-License-Identifier: GPL-2.0
/*
 * ndctl's NVDIMM security commands: setup-passphrase, update-passphrase,
 * remove-passphrase, freeze-security, sanitize-dimm and wait-overwrite,
 * on the kernel's nmemN/security with the keys of keys.h.
 *
 * Each checks what it can before it writes: the options, the DIMM's
 * security state (no passphrase, frozen), the keys it needs, and that no
 * region on the DIMM is enabled where the kernel needs it idle.  Beyond
 * upstream, sanitize-dimm refuses while any namespace, region or device
 * on the DIMM is in use (no option overrides that), and first says what
 * it destroys.  A write the kernel refuses leaves the keys as they were.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <devstate/context.h>
#include <devstate/filter.h>
#include <devstate/inuse.h>
#include <util/command.h>
#include <util/log.h>
#include <util/options.h>
#include "builtin.h"
#include "keys.h"

enum sec_action {
	SEC_SETUP,
	SEC_UPDATE,
	SEC_REMOVE,
	SEC_FREEZE,
	SEC_SANITIZE,
	SEC_WAIT_OVERWRITE,
};

struct sec_opts {
	const char *bus, *sysroot, *kek;
	bool master, crypto_erase, overwrite, zero_key;
	int verbose;
};

static const char *state_name(enum ndctl_security_state st)
{
	switch (st) {
	case NDCTL_SECURITY_DISABLED:
		return "disabled";
	case NDCTL_SECURITY_UNLOCKED:
		return "unlocked";
	case NDCTL_SECURITY_LOCKED:
		return "locked";
	case NDCTL_SECURITY_FROZEN:
		return "frozen";
	case NDCTL_SECURITY_OVERWRITE:
		return "overwrite";
	default:
		return "unknown";
	}
}

static int say_write(struct ndctl_dimm *dimm, const char *what, int rc)
{
	if (rc)
		pr_err("%s: %s failed: the kernel refused it (%s)",
		       ndctl_dimm_get_devname(dimm), what, strerror(-rc));
	return rc;
}

static int refuse_active(struct ndctl_dimm *dimm)
{
	if (!ndctl_dimm_is_active(dimm))
		return 0;
	pr_err("%s: a region on the DIMM is enabled; disable it first "
	       "('ndctl disable-region')",
	       ndctl_dimm_get_devname(dimm));
	return -EBUSY;
}

static int refuse_frozen(struct ndctl_dimm *dimm)
{
	if (!ndctl_dimm_security_is_frozen(dimm))
		return 0;
	pr_err("%s: security is frozen until the next power cycle; nothing "
	       "was changed",
	       ndctl_dimm_get_devname(dimm));
	return -EPERM;
}

static int setup(struct ndctl_dimm *dimm, const struct sec_opts *o)
{
	enum nd_key_kind kind = o->master ? ND_KEY_MASTER : ND_KEY_USER;
	enum ndctl_security_state st = ndctl_dimm_get_security(dimm);
	long key;
	int rc;

	if (refuse_frozen(dimm) || nd_kek_check(o->kek) || refuse_active(dimm))
		return -EPERM;
	if (!o->master && st != NDCTL_SECURITY_DISABLED) {
		pr_err("%s: the DIMM has a passphrase already (security %s); "
		       "update-passphrase changes it",
		       ndctl_dimm_get_devname(dimm), state_name(st));
		return -EEXIST;
	}
	key = nd_key_create(dimm, kind, o->kek);
	if (key < 0)
		return (int)key;
	rc = ndctl_dimm_security_cmd(
		dimm, o->master ? NDCTL_SEC_MASTER_UPDATE : NDCTL_SEC_UPDATE, 0,
		key);
	if (rc) {
		nd_key_discard(dimm, kind);
		return say_write(dimm, "setting the passphrase", rc);
	}
	return 0;
}

/*
 * The current key becomes the old one (its blob renamed), a new one is
 * made with the same key-encryption key unless -k names another, and
 * the kernel is asked to change from one to the other.  A refusal puts
 * the current key back as it was.
 */
static int update(struct ndctl_dimm *dimm, const struct sec_opts *o)
{
	enum nd_key_kind kind = o->master ? ND_KEY_MASTER : ND_KEY_USER;
	enum nd_key_kind old = o->master ? ND_KEY_MASTER_OLD : ND_KEY_USER_OLD;
	const char *name = ndctl_dimm_get_devname(dimm);
	char *kek = NULL;
	long cur, key, old_key;
	int rc;

	if (refuse_frozen(dimm) || refuse_active(dimm))
		return -EPERM;
	if (o->kek && nd_kek_check(o->kek))
		return -ENOKEY;
	cur = nd_key_get(dimm, kind);
	if (cur < 0)
		return (int)cur;
	if (!o->kek) {
		kek = nd_key_kek(dimm, kind);
		if (!kek) {
			pr_err("%s: the key-encryption key of its passphrase "
			       "cannot be read; name one with -k",
			       name);
			return -ENOKEY;
		}
		if (nd_kek_check(kek)) {
			free(kek);
			return -ENOKEY;
		}
	}
	nd_key_unlink(cur);
	rc = nd_key_rename(dimm, kind, old);
	if (rc) {
		free(kek);
		nd_key_load(dimm, kind);
		return rc;
	}
	old_key = nd_key_load(dimm, old);
	key = old_key < 0 ? old_key :
			    nd_key_create(dimm, kind, kek ? kek : o->kek);
	free(kek);
	rc = key < 0 ? (int)key :
		       ndctl_dimm_security_cmd(dimm,
					       o->master ?
						       NDCTL_SEC_MASTER_UPDATE :
						       NDCTL_SEC_UPDATE,
					       old_key, key);
	if (rc) {
		/* Back as it was: the new key gone, the old one current. */
		if (key > 0)
			nd_key_discard(dimm, kind);
		if (old_key > 0)
			nd_key_unlink(old_key);
		if (!nd_key_rename(dimm, old, kind))
			nd_key_load(dimm, kind);
		if (key > 0)
			say_write(dimm, "changing the passphrase", rc);
		return rc;
	}
	return nd_key_discard(dimm, old);
}

static int remove_passphrase(struct ndctl_dimm *dimm, const struct sec_opts *o)
{
	enum nd_key_kind kind = o->master ? ND_KEY_MASTER : ND_KEY_USER;
	enum ndctl_security_state st = ndctl_dimm_get_security(dimm);
	long key;
	int rc;

	if (refuse_frozen(dimm))
		return -EPERM;
	if (!o->master && st == NDCTL_SECURITY_DISABLED) {
		pr_err("%s: the DIMM has no passphrase (security disabled)",
		       ndctl_dimm_get_devname(dimm));
		return -ENOKEY;
	}
	key = nd_key_get(dimm, kind);
	if (key < 0)
		return (int)key;
	rc = ndctl_dimm_security_cmd(
		dimm, o->master ? NDCTL_SEC_DISABLE_MASTER : NDCTL_SEC_DISABLE,
		key, 0);
	if (rc)
		return say_write(dimm, "removing the passphrase", rc);
	return nd_key_discard(dimm, kind);
}

/* Every namespace a sanitize destroys, said before it is done. */
static void say_losses(struct ndctl_dimm *dimm)
{
	struct ndctl_region *region;
	struct ndctl_namespace *ns;
	int n = 0;

	ndctl_region_foreach (ndctl_dimm_get_bus(dimm), region) {
		if (!ndctl_region_uses_dimm(region, dimm))
			continue;
		ndctl_namespace_foreach (region, ns) {
			if (!ndctl_namespace_get_size(ns))
				continue;
			pr_info("%s: sanitize destroys %s of %s (%llu bytes)",
				ndctl_dimm_get_devname(dimm),
				ndctl_namespace_get_devname(ns),
				ndctl_region_get_devname(region),
				(unsigned long long)ndctl_namespace_get_size(
					ns));
			n++;
		}
	}
	if (!n)
		pr_info("%s: sanitize destroys all data on the DIMM (no "
			"namespace is configured on it)",
			ndctl_dimm_get_devname(dimm));
}

static int sanitize(struct devstate_ctx *ds, struct ndctl_dimm *dimm,
		    const struct sec_opts *o)
{
	struct inuse *iu = devstate_inuse(ds);
	enum ndctl_security_state st = ndctl_dimm_get_security(dimm);
	long key = 0;
	int rc;

	/* Beyond upstream: nothing on the DIMM may be in use. */
	if (!iu || inuse_check_dimm(iu, dimm))
		return -EBUSY;
	if (refuse_frozen(dimm))
		return -EPERM;
	if (!o->zero_key && !o->master && st == NDCTL_SECURITY_DISABLED &&
	    !o->overwrite) {
		pr_err("%s: the DIMM has no passphrase to erase with "
		       "(security disabled); --zero-key erases with the zero "
		       "key",
		       ndctl_dimm_get_devname(dimm));
		return -ENOKEY;
	}
	if (o->overwrite) {
		if (st != NDCTL_SECURITY_DISABLED) {
			key = nd_key_get(dimm, ND_KEY_USER);
			if (key < 0)
				return (int)key;
		}
	} else if (!o->zero_key) {
		key = nd_key_get(dimm, o->master ? ND_KEY_MASTER : ND_KEY_USER);
		if (key < 0)
			return (int)key;
	}
	say_losses(dimm);
	if (o->overwrite) {
		rc = ndctl_dimm_security_cmd(dimm, NDCTL_SEC_OVERWRITE, key, 0);
		if (rc || !ndctl_dimm_is_enabled(dimm))
			return say_write(dimm, "starting the overwrite", rc);
		/*
		 * The kernel caches the label area of an enabled DIMM: a
		 * rebind reads it again, as upstream does.
		 */
		rc = ndctl_dimm_disable(dimm);
		if (!rc)
			rc = ndctl_dimm_enable(dimm);
		if (rc)
			pr_err("%s: the overwrite runs; rebinding the DIMM to "
			       "read its labels again failed: %s",
			       ndctl_dimm_get_devname(dimm), strerror(-rc));
		return rc;
	}
	rc = ndctl_dimm_security_cmd(
		dimm, o->master ? NDCTL_SEC_MASTER_ERASE : NDCTL_SEC_ERASE, key,
		0);
	if (rc)
		return say_write(dimm, "the crypto erase", rc);
	/* The erase also dropped the user passphrase: its key goes too. */
	if (!o->master && !o->zero_key)
		return nd_key_discard(dimm, ND_KEY_USER);
	return 0;
}

static int act(struct devstate_ctx *ds, struct ndctl_dimm *dimm,
	       enum sec_action action, const struct sec_opts *o)
{
	int rc;

	if (ndctl_dimm_get_security(dimm) == NDCTL_SECURITY_INVALID) {
		pr_err("%s: the DIMM has no security interface",
		       ndctl_dimm_get_devname(dimm));
		return -EOPNOTSUPP;
	}
	switch (action) {
	case SEC_SETUP:
		return setup(dimm, o);
	case SEC_UPDATE:
		return update(dimm, o);
	case SEC_REMOVE:
		return remove_passphrase(dimm, o);
	case SEC_FREEZE:
		rc = ndctl_dimm_security_cmd(dimm, NDCTL_SEC_FREEZE, 0, 0);
		return say_write(dimm, "freezing security", rc);
	case SEC_SANITIZE:
		return sanitize(ds, dimm, o);
	case SEC_WAIT_OVERWRITE:
		rc = ndctl_dimm_wait_overwrite(dimm);
		if (rc == 1)
			pr_debug("%s: overwrite completed",
				 ndctl_dimm_get_devname(dimm));
		if (rc < 0)
			pr_err("%s: waiting for the overwrite failed: %s",
			       ndctl_dimm_get_devname(dimm), strerror(-rc));
		return rc < 0 ? rc : 0;
	}
	return -EINVAL;
}

static bool valid_dimm_name(const char *arg)
{
	unsigned int id;
	char tail;

	return !strcmp(arg, "all") || sscanf(arg, "nmem%u%c", &id, &tail) == 1;
}

static int check_options(enum sec_action action, struct sec_opts *o)
{
	if (action == SEC_SETUP && !o->kek) {
		pr_err("setup-passphrase needs -k, the key-encryption key "
		       "(user:NAME or trusted:NAME)");
		return EXIT_USAGE;
	}
	if (action != SEC_SANITIZE)
		return EXIT_OK;
	if (o->crypto_erase && o->overwrite) {
		pr_err("--crypto-erase and --overwrite together: pick one");
		return EXIT_USAGE;
	}
	if (o->overwrite && (o->master || o->zero_key)) {
		pr_err("--overwrite takes the user passphrase only, not %s",
		       o->master ? "--master-passphrase" : "--zero-key");
		return EXIT_USAGE;
	}
	if (o->zero_key && o->master) {
		pr_err("--zero-key and --master-passphrase together: pick one");
		return EXIT_USAGE;
	}
	if (!o->overwrite)
		o->crypto_erase = true;
	return EXIT_OK;
}

static const char *const done_words[] = {
	[SEC_SETUP] = "passphrase enabled for",
	[SEC_UPDATE] = "passphrase updated for",
	[SEC_REMOVE] = "passphrase removed for",
	[SEC_FREEZE] = "security froze",
	[SEC_SANITIZE] = "sanitized",
	[SEC_WAIT_OVERWRITE] = "waited for overwrite on",
};

static int security_command(int argc, char **argv, enum sec_action action,
			    const char *usage)
{
	struct sec_opts o = { 0 };
	struct opt key_options[] = {
		OPT_STR('b', "bus", &o.bus, "BUS", "the DIMMs are on this bus"),
		OPT_STR('k', "key-handle", &o.kek, "TYPE:NAME",
			"the key-encryption key (user:NAME or trusted:NAME)"),
		OPT_BOOL('m', "master-passphrase", &o.master,
			 "the master passphrase"),
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct opt remove_options[] = {
		OPT_STR('b', "bus", &o.bus, "BUS", "the DIMMs are on this bus"),
		OPT_BOOL('m', "master-passphrase", &o.master,
			 "the master passphrase"),
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct opt sanitize_options[] = {
		OPT_STR('b', "bus", &o.bus, "BUS", "the DIMMs are on this bus"),
		OPT_BOOL('c', "crypto-erase", &o.crypto_erase,
			 "erase by changing the media key (the default)"),
		OPT_BOOL('o', "overwrite", &o.overwrite,
			 "overwrite all of the media"),
		OPT_BOOL('z', "zero-key", &o.zero_key,
			 "crypto erase with the zero key"),
		OPT_BOOL('m', "master-passphrase", &o.master,
			 "crypto erase with the master passphrase"),
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	struct opt base_options[] = {
		OPT_STR('b', "bus", &o.bus, "BUS", "the DIMMs are on this bus"),
		OPT_VERBOSE(&o.verbose),
		OPT_SYSROOT(&o.sysroot),
		OPT_TERM,
	};
	const struct opt *options = base_options;
	struct ndctl_dimm *dimm;
	struct ndctl_bus *bus;
	struct devstate_ctx ds;
	int i, rc, done = 0, failed = 0;

	if (action == SEC_SETUP || action == SEC_UPDATE)
		options = key_options;
	else if (action == SEC_REMOVE)
		options = remove_options;
	else if (action == SEC_SANITIZE)
		options = sanitize_options;
	i = parse_options(argc, argv, options, usage);
	log_set_verbose(o.verbose);
	argc -= i;
	argv += i;
	if (!argc) {
		pr_err("name the DIMMs (nmemN..., or all)");
		return EXIT_USAGE;
	}
	for (i = 0; i < argc; i++)
		if (!valid_dimm_name(argv[i])) {
			pr_err("'%s' is not a DIMM name (nmemN, or all)",
			       argv[i]);
			return EXIT_USAGE;
		}
	rc = check_options(action, &o);
	if (rc)
		return rc;
	if (devstate_open(&ds, o.sysroot,
			  DEVSTATE_ND | (action == SEC_SANITIZE ? DEVSTATE_DAX :
								  0))) {
		devstate_close(&ds);
		return EXIT_FAIL;
	}
	if (nd_check_filters_matched(ds.nd, o.bus, NULL, NULL, NULL)) {
		rc = EXIT_FAIL;
		goto out;
	}
	for (i = 0; i < argc; i++) {
		bool any = !strcmp(argv[i], "all");

		ndctl_bus_foreach (ds.nd, bus)
			ndctl_dimm_foreach (bus, dimm)
				any |= nd_bus_matches(bus, o.bus) &&
				       nd_dimm_matches(dimm, argv[i]);
		if (!any) {
			pr_err("%s: no such DIMM%s", argv[i],
			       o.bus ? " on that bus" : "");
			failed++;
		}
	}
	ndctl_bus_foreach (ds.nd, bus) {
		if (!nd_bus_matches(bus, o.bus))
			continue;
		ndctl_dimm_foreach (bus, dimm) {
			bool named = false;

			for (i = 0; i < argc; i++)
				named |= !strcmp(argv[i], "all") ||
					 nd_dimm_matches(dimm, argv[i]);
			if (!named)
				continue;
			if (act(&ds, dimm, action, &o))
				failed++;
			else
				done++;
		}
	}
	fprintf(stderr, "%s %d nmem%s.\n", done_words[action], done,
		done > 1 ? "s" : "");
	rc = failed ? EXIT_FAIL : EXIT_OK;
out:
	devstate_close(&ds);
	return rc;
}

int cmd_setup_passphrase(int argc, char **argv)
{
	return security_command(argc, argv, SEC_SETUP,
				"ndctl setup-passphrase <nmem0> "
				"[<nmem1>..<nmemN>] -k <key-handle> "
				"[<options>]");
}

int cmd_update_passphrase(int argc, char **argv)
{
	return security_command(argc, argv, SEC_UPDATE,
				"ndctl update-passphrase <nmem0> "
				"[<nmem1>..<nmemN>] [<options>]");
}

int cmd_remove_passphrase(int argc, char **argv)
{
	return security_command(argc, argv, SEC_REMOVE,
				"ndctl remove-passphrase <nmem0> "
				"[<nmem1>..<nmemN>] [<options>]");
}

int cmd_freeze_security(int argc, char **argv)
{
	return security_command(argc, argv, SEC_FREEZE,
				"ndctl freeze-security <nmem0> "
				"[<nmem1>..<nmemN>] [<options>]");
}

int cmd_sanitize_dimm(int argc, char **argv)
{
	return security_command(argc, argv, SEC_SANITIZE,
				"ndctl sanitize-dimm <nmem0> "
				"[<nmem1>..<nmemN>] [<options>]");
}

int cmd_wait_overwrite(int argc, char **argv)
{
	return security_command(argc, argv, SEC_WAIT_OVERWRITE,
				"ndctl wait-overwrite <nmem0> "
				"[<nmem1>..<nmemN>] [<options>]");
}
