// SPDX-License-Identifier: GPL-2.0
/*
 * A DIMM's SMART health through its DSM family (lib/ndcmd/health.h):
 * which family a DIMM speaks, and each call carried on /dev/nmemN.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include <ndcmd/call.h>
#include <ndcmd/health.h>
#include <ndctl/libndctl.h>
#include <util/sysfs.h>

#include "private.h"

/* PAPR SCM DIMMs have no NFIT: their family is told by papr/flags. */
static bool is_papr(struct ndctl_dimm *dimm)
{
	return sysfs_exists(dimm->bus->ctx->root, ND_DEVICES "/%s/papr/flags",
			    dimm->devname);
}

static int dimm_family(struct ndctl_dimm *dimm, uint64_t *mask)
{
	int family = ndctl_dimm_get_dsm_family(dimm, mask);

	if (family < 0 && is_papr(dimm)) {
		/* papr_scm offers its PDSMs without a function mask. */
		*mask = ~0ULL;
		return ND_FAMILY_PAPR;
	}
	return family;
}

static bool offers(uint64_t mask, unsigned int func)
{
	return func < 64 && (mask & (1ULL << func));
}

const struct nd_health_family *ndctl_dimm_health_family(struct ndctl_dimm *dimm)
{
	const struct nd_health_family *f;
	uint64_t mask = 0;
	int family = dimm_family(dimm, &mask);

	if (family < 0 || !ndctl_dimm_has_command(dimm, "cmd_call"))
		return NULL;
	f = nd_health_family((unsigned int)family);
	if (!f || !offers(mask, f->smart.func))
		return NULL;
	return f;
}

/* A zeroed payload with room for the call's input and output. */
static int alloc_payload(const struct nd_dsm *dsm, uint8_t **payload)
{
	size_t len = (size_t)dsm->in + dsm->out;

	*payload = calloc(1, len ? len : 1);
	return *payload ? 0 : -ENOMEM;
}

/* One call of the family's: the payload bytes received, or -errno. */
static int send(struct ndctl_dimm *dimm, const struct nd_health_family *f,
		const struct nd_dsm *dsm, uint8_t *payload)
{
	return ndctl_dimm_call(dimm, f->family, dsm->func, payload, dsm->in,
			       dsm->out);
}

int ndctl_dimm_get_health(struct ndctl_dimm *dimm, struct nd_health *h,
			  uint32_t *status)
{
	const struct nd_health_family *f = ndctl_dimm_health_family(dimm);
	uint64_t mask = 0;
	uint8_t *p;
	int rc;

	memset(h, 0, sizeof(*h));
	*status = 0;
	if (!f)
		return -EOPNOTSUPP;
	rc = alloc_payload(&f->smart, &p);
	if (rc)
		return rc;
	if (f->smart_encode)
		f->smart_encode(p);
	rc = send(dimm, f, &f->smart, p);
	if (rc >= 0)
		rc = f->smart_decode(p, (size_t)rc, h, status);
	free(p);
	if (rc || !f->smart2.func)
		return rc;
	/* A second call, when offered, adds what the first lacks. */
	dimm_family(dimm, &mask);
	if (!offers(mask, f->smart2.func) || alloc_payload(&f->smart2, &p))
		return 0;
	rc = send(dimm, f, &f->smart2, p);
	if (rc >= 0) {
		uint32_t status2;
		struct nd_health more = *h;

		/* Its failure leaves out its fields, as upstream does. */
		if (!f->smart2_decode(p, (size_t)rc, &more, &status2))
			*h = more;
	}
	free(p);
	return 0;
}

int ndctl_dimm_get_thresholds(struct ndctl_dimm *dimm, struct nd_thresholds *t,
			      uint32_t *status)
{
	const struct nd_health_family *f = ndctl_dimm_health_family(dimm);
	uint64_t mask = 0;
	uint8_t *p;
	int rc;

	memset(t, 0, sizeof(*t));
	*status = 0;
	if (!f || !f->thresh.func)
		return -EOPNOTSUPP;
	dimm_family(dimm, &mask);
	if (!offers(mask, f->thresh.func))
		return -EOPNOTSUPP;
	rc = alloc_payload(&f->thresh, &p);
	if (rc)
		return rc;
	rc = send(dimm, f, &f->thresh, p);
	if (rc >= 0)
		rc = f->thresh_decode(p, (size_t)rc, t, status);
	free(p);
	return rc;
}

int ndctl_dimm_set_thresholds(struct ndctl_dimm *dimm,
			      const struct nd_thresholds *t, uint32_t *status)
{
	const struct nd_health_family *f = ndctl_dimm_health_family(dimm);
	uint64_t mask = 0;
	uint8_t *p;
	int rc;

	*status = 0;
	if (!f || !f->set_thresh.func)
		return -EOPNOTSUPP;
	dimm_family(dimm, &mask);
	if (!offers(mask, f->set_thresh.func))
		return -EOPNOTSUPP;
	rc = alloc_payload(&f->set_thresh, &p);
	if (rc)
		return rc;
	f->set_thresh_encode(p, t);
	rc = send(dimm, f, &f->set_thresh, p);
	if (rc >= 0)
		rc = f->set_thresh_decode(p, (size_t)rc, status);
	free(p);
	return rc;
}

unsigned int ndctl_dimm_inject_fields(struct ndctl_dimm *dimm)
{
	const struct nd_health_family *f = ndctl_dimm_health_family(dimm);
	uint64_t mask = 0;

	if (!f || !f->inject_fields)
		return 0;
	dimm_family(dimm, &mask);
	return offers(mask, f->inject.func) ? f->inject_fields : 0;
}

int ndctl_dimm_inject_smart(struct ndctl_dimm *dimm,
			    const struct nd_inject *inj, uint32_t *status)
{
	const struct nd_health_family *f = ndctl_dimm_health_family(dimm);
	uint8_t *p;
	int rc;

	*status = 0;
	if (!(ndctl_dimm_inject_fields(dimm) & inj->field))
		return -EOPNOTSUPP;
	rc = alloc_payload(&f->inject, &p);
	if (rc)
		return rc;
	f->inject_encode(p, inj);
	rc = send(dimm, f, &f->inject, p);
	if (rc >= 0)
		rc = f->inject_decode(p, (size_t)rc, status);
	free(p);
	return rc;
}

int ndctl_dimm_open_health_event(struct ndctl_dimm *dimm)
{
	const char *dir = is_papr(dimm) ? "papr" : "nfit";

	return sysfs_open_attr(dimm->bus->ctx->root, O_RDONLY,
			       ND_DEVICES "/%s/%s/flags", dimm->devname, dir);
}
