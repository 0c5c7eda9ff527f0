// SPDX-License-Identifier: GPL-2.0
/*
 * Device physical address (DPA) allocation on an endpoint decoder: its
 * mode (the partition it allocates from) and its dpa_size.  The kernel
 * hands out a memdev's DPA in decoder order, lowest first, and takes it
 * back in the reverse order; the caller picks the decoder and checks
 * the size before the first write.  On success the decoder object holds
 * what was written, so that it can be shown without a refresh.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>

#include <util/sysfs.h>

#include "libcxl.h"
#include "private.h"

int cxl_decoder_set_dpa_size(struct cxl_decoder *decoder, uint64_t size)
{
	char buf[32];
	int rc;

	if (decoder->port->type != CXL_PORT_ENDPOINT)
		return -EINVAL;
	snprintf(buf, sizeof(buf), "%#" PRIx64, size);
	rc = sysfs_write(decoder->port->ctx->root, buf, "%s/dpa_size",
			 decoder->path);
	if (rc)
		return rc;
	decoder->dpa_size = size;
	return 0;
}

int cxl_decoder_set_mode(struct cxl_decoder *decoder, enum cxl_mode mode)
{
	int rc;

	if (decoder->port->type != CXL_PORT_ENDPOINT ||
	    (mode != CXL_MODE_RAM && mode != CXL_MODE_PMEM))
		return -EINVAL;
	rc = sysfs_write(decoder->port->ctx->root, cxl_mode_name(mode),
			 "%s/mode", decoder->path);
	if (rc)
		return rc;
	decoder->mode = mode;
	return 0;
}

int cxl_memdev_dpa_available(struct cxl_memdev *memdev, enum cxl_mode mode,
			     uint64_t *avail)
{
	struct cxl_port *ep = cxl_memdev_get_endpoint(memdev);
	uint64_t left;
	struct cxl_decoder *d;

	if (!ep)
		return -ENXIO;
	if (mode == CXL_MODE_RAM)
		left = memdev->ram_size;
	else if (mode == CXL_MODE_PMEM)
		left = memdev->pmem_size;
	else
		return -EINVAL;
	for (d = ep->decoders; d; d = d->next) {
		if (d->dpa_size == CXL_U64_NONE || d->mode != mode)
			continue;
		/* More allocated than the partition holds: a stale view. */
		if (d->dpa_size > left)
			return -EUCLEAN;
		left -= d->dpa_size;
	}
	*avail = left;
	return 0;
}
