// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <util/json.h>
#include <util/sysfs.h>

#include "poison.h"
#include "private.h"
#include "trace-event.h"

void cxl_poison_decode(struct tep_event *event, struct tep_record *rec,
		       struct cxl_poison_record *p)
{
	const char *region = cxl_trace_field_str(event, rec, "region");

	memset(p, 0, sizeof(*p));
	snprintf(p->region, sizeof(p->region), "%s", region ? region : "");
	/*
	 * The kernel writes ULLONG_MAX for an address it cannot give (an
	 * hpa outside any region): upstream leaves the offset out then.
	 */
	p->has_dpa = !cxl_trace_field_u64(event, rec, "dpa", &p->dpa) &&
		     p->dpa != UINT64_MAX;
	p->has_hpa = !cxl_trace_field_u64(event, rec, "hpa", &p->hpa) &&
		     p->hpa != UINT64_MAX;
	if (cxl_trace_field_u32(event, rec, "dpa_length", &p->dpa_length))
		p->dpa_length = UINT32_MAX;
	if (cxl_trace_field_u8(event, rec, "source", &p->source))
		p->source = UINT8_MAX;
	if (cxl_trace_field_u8(event, rec, "flags", &p->flags))
		p->flags = UINT8_MAX;
	if (cxl_trace_field_u64(event, rec, "overflow_ts", &p->overflow_ts))
		p->overflow_ts = UINT64_MAX;
}

/* The Media Error Record's source (CXL 3.1 Table 8-140), 0 to 7. */
static const char *source_name(uint8_t source)
{
	static const char *const names[] = {
		"Unknown",  "External", "Internal", "Injected",
		"Reserved", "Reserved", "Reserved", "Vendor Specific",
	};

	return source < 8 ? names[source] : "Reserved";
}

struct json_object *cxl_poison_json(const struct cxl_poison_record *p,
				    bool by_region, uint64_t region_start,
				    bool human)
{
	struct json_object *j = json_object_new_object();

	if (!j)
		return NULL;
	if (by_region && p->has_hpa)
		json_add_hex(j, "offset", p->hpa - region_start, human);
	else if (!by_region && p->has_dpa)
		json_add_hex(j, "offset", p->dpa, human);
	json_add_size(j, "length", p->dpa_length, human);
	json_add_str(j, "source", source_name(p->source));
	/* Upstream's order and trailing commas: "More,Scanning,Overflow,". */
	if (p->flags && p->flags != UINT8_MAX) {
		char text[32] = "";

		if (p->flags & CXL_POISON_FLAG_MORE)
			strcat(text, "More,");
		if (p->flags & CXL_POISON_FLAG_SCANNING)
			strcat(text, "Scanning,");
		if (p->flags & CXL_POISON_FLAG_OVERFLOW)
			strcat(text, "Overflow,");
		json_add_str(j, "flags", text);
		if (p->flags & CXL_POISON_FLAG_OVERFLOW)
			json_add_hex(j, "overflow_t", p->overflow_ts, human);
	}
	return j;
}

/*
 * Asking for the poison list is one write: the kernel sends Get Poison
 * List and emits a cxl_poison event per record from the writer's task,
 * before the write returns.
 */
int cxl_memdev_trigger_poison_list(struct cxl_memdev *memdev)
{
	struct sysroot *root = memdev->ctx->root;

	if (!sysfs_exists(root, "%s/trigger_poison_list", memdev->path))
		return -EOPNOTSUPP;
	return sysfs_write(root, "1\n", "%s/trigger_poison_list", memdev->path);
}

int cxl_region_trigger_poison_list(struct cxl_region *region,
				   struct cxl_memdev **failed)
{
	struct cxl_mapping *m;

	cxl_mapping_foreach (region, m) {
		struct cxl_decoder *decoder = cxl_mapping_get_decoder(m);
		struct cxl_memdev *memdev;
		int rc;

		memdev = decoder ? cxl_decoder_get_memdev(decoder) : NULL;
		if (!memdev)
			continue;
		rc = cxl_memdev_trigger_poison_list(memdev);
		if (rc) {
			*failed = memdev;
			return rc;
		}
	}
	return 0;
}
