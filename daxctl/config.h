/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The daxctl config directory (every .conf file in /etc/daxctl.conf.d):
 * upstream's INI sections, in the syntax upstream's libiniparser reads
 * (config-parse.h, our reader),
 *
 *	[reconfigure-device NAME]
 *	nvdimm.uuid = UUID		(a namespace-backed device)
 *	mode = system-ram|devdax	(default system-ram)
 *	online = true|false		(system-ram; default true)
 *	movable = true|false		(system-ram; default true)
 *
 * plus ours: dax.region and dax.range to match a device in a dynamic
 * region, memmap = dram|pmem, compound = true|false and align = SIZE.
 * --check-config turns the section that matches a device into the same
 * request the command line fills; --save-config writes one file per
 * device after a successful reconfigure.
 */
#ifndef DAXCTL_CONFIG_H
#define DAXCTL_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct daxctl_dev;
struct devstate_ctx;
struct reconf_opts;
struct dax_request;

/* What keys a device's section across boots: names may change, these not. */
struct config_id {
	bool nd;
	char uuid[40]; /* the namespace's uuid (nd) */
	int region; /* dynamic: the dax region and the device's range */
	uint64_t start, end;
};

/* The directory o names, or DAXCTL_CONF_DIR. */
const char *config_dir(const struct reconf_opts *o);
/*
 * dev's identity across boots; 0, or -ENOENT when it has none (a
 * namespace without a uuid, a dynamic device without a range), with
 * id->nd telling which.
 */
int config_identify(struct devstate_ctx *ds, struct daxctl_dev *dev,
		    struct config_id *id);
bool config_same_id(const struct config_id *a, const struct config_id *b);
struct section;
bool config_matches(const struct section *s, const struct config_id *id);
/* "namespace uuid U" or "dax region R, range S-E", for messages. */
const char *config_describe_id(const struct config_id *id, char *buf,
			       size_t len);
/* The file name stem --save-config gives the device's file. */
void config_id_stem(const struct config_id *id, char *buf, size_t len);

/*
 * --check-config's own usage rules, before anything is read: no option
 * that sets what the section sets, one device, not 'all'.  *name
 * ("dax0.0" or "/dev/dax0.0") is left pointing at "dax0.0".  False after
 * one line: a usage error.
 */
bool config_request_usage(const struct reconf_opts *o, char **name);
/*
 * --check-config for the device name, in the command's context ds.  1
 * when a section matched and req now holds its request; 0 when no
 * section can match the device (it is left as it is); a negative errno
 * for a config with errors (each named by file and line, and nothing
 * applied), no such device, or two sections that match it.
 */
int config_request(struct devstate_ctx *ds, const struct reconf_opts *o,
		   struct dax_request *req, const char *name);

/*
 * --save-config, before anything changes: identify dev, and check
 * everything about the directory that could fail the save (it exists,
 * is a directory and not a link, a file can be created in it, it reads
 * cleanly) and that no file but the one this device's setup goes to has
 * a section for it.  0, or a negative errno after one line.
 */
int config_save_prepare(struct devstate_ctx *ds, struct daxctl_dev *dev,
			const char *dir, struct config_id *id);
/*
 * After a successful reconfigure: find the device id names (its name may
 * have changed) and write its setup as it now is, atomically (a synced
 * temp file renamed over the old one).  0, or a negative errno after
 * one line.
 */
int config_save(struct devstate_ctx *ds, const struct config_id *id,
		const char *dir);

#endif
