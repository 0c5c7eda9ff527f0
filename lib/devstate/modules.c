// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <string.h>
#include <libkmod.h>

#include <util/log.h>
#include <util/sysfs.h>
#include "context.h"
#include "modules.h"

static int load_module(const char *name)
{
	struct kmod_module *mod = NULL;
	struct kmod_ctx *kctx;
	int rc;

	kctx = kmod_new(NULL, NULL);
	if (!kctx)
		return -ENOMEM;
	rc = kmod_module_new_from_name(kctx, name, &mod);
	if (!rc)
		rc = kmod_module_probe_insert_module(mod,
						     KMOD_PROBE_APPLY_BLACKLIST,
						     NULL, NULL, NULL, NULL);
	kmod_module_unref(mod);
	kmod_unref(kctx);
	/* libkmod returns a negative errno, or 1 when blacklisted. */
	return rc > 0 ? -EPERM : rc;
}

int devstate_need_driver(struct devstate_ctx *ds, const char *bus,
			 const char *driver)
{
	int rc;

	if (sysfs_exists(ds->root, "sys/bus/%s/drivers/%s", bus, driver))
		return 0;
	/* A captured tree cannot load anything: the bind will say so. */
	if (strcmp(sysroot_path(ds->root), "/"))
		return 0;
	rc = load_module(driver);
	if (!rc &&
	    !sysfs_exists(ds->root, "sys/bus/%s/drivers/%s", bus, driver))
		rc = -ENOENT;
	if (rc)
		pr_err("driver %s is not loaded and loading module %s failed: "
		       "%s",
		       driver, driver, strerror(-rc));
	return rc;
}
