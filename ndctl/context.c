// SPDX-License-Identifier: GPL-2.0
#include <util/log.h>
#include "context.h"

int nd_open_contexts(const char *sysroot, struct ndctl_ctx **ctx,
		     struct daxctl_ctx **dax)
{
	*ctx = NULL;
	*dax = NULL;
	if (ndctl_new(ctx, sysroot) || daxctl_new(dax, sysroot)) {
		pr_err("cannot read sysfs under '%s'", sysroot ? sysroot : "/");
		return -1;
	}
	return 0;
}
