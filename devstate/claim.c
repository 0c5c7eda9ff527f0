// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <string.h>

#include <util/log.h>
#include "claim.h"

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

int ns_claim_replace(struct ndctl_namespace *ns,
		     const struct ndctl_ns_config *cfg,
		     const struct ns_claim *old)
{
	const char *name = ndctl_namespace_get_devname(ns);
	int rc, rrc;

	rc = ndctl_namespace_clear_claim(ns);
	if (!rc)
		rc = ndctl_namespace_configure(ns, cfg);
	if (!rc)
		return 0;
	if (!old) {
		ndctl_namespace_clear_claim(ns);
		pr_err("%s: the new info block failed (%s): left raw and "
		       "disabled (--no-autorecover)",
		       name, strerror(-rc));
		return rc;
	}
	rrc = ns_claim_restore(ns, old);
	if (rrc)
		pr_err("%s: the new info block failed (%s), and the old one "
		       "could not be restored (%s): the namespace is left raw "
		       "and disabled",
		       name, strerror(-rc), strerror(-rrc));
	else
		pr_err("%s: the new info block failed (%s); the old one is "
		       "restored",
		       name, strerror(-rc));
	return rc;
}
