// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"

/* A name list splits at spaces, or at commas when it has no space. */
static const char *separator(const char *list)
{
	if (strchr(list, ' '))
		return " ";
	if (strchr(list, ','))
		return ",";
	return " ";
}

/* Whether fn accepts any name of list (empty names are skipped). */
static bool any_name(const char *list, bool (*fn)(const char *, void *),
		     void *arg)
{
	char *copy, *save, *name;
	const char *sep;
	bool hit = false;

	copy = strdup(list);
	if (!copy)
		return false;
	sep = separator(list);
	for (name = strtok_r(copy, sep, &save); name && !hit;
	     name = strtok_r(NULL, sep, &save))
		hit = fn(name, arg);
	free(copy);
	return hit;
}

static bool contains(const char *name, void *needle)
{
	return strstr(name, needle) != NULL;
}

bool cxl_filter_has(const char *list, const char *needle)
{
	if (!needle)
		return true;
	if (!list)
		return false;
	return any_name(list, contains, (void *)needle);
}

/* NAME is N or PREFIXN for an object whose id is id. */
static bool id_match(const char *name, const char *prefix, int id)
{
	char fmt[32];
	int n;

	snprintf(fmt, sizeof(fmt), "%s%%d", prefix);
	return (sscanf(name, "%d", &n) == 1 || sscanf(name, fmt, &n) == 1) &&
	       n == id;
}

static bool serial_match(const char *name, void *arg)
{
	struct cxl_memdev *memdev = arg;
	unsigned long long serial;
	char *end;

	serial = strtoull(name, &end, 0);
	if (!name[0] || end[0])
		return false;
	return cxl_memdev_get_serial(memdev) == serial;
}

static bool memdev_match(const char *name, void *arg)
{
	struct cxl_memdev *memdev = arg;

	return !strcmp(name, "all") ||
	       id_match(name, "mem", cxl_memdev_get_id(memdev)) ||
	       !strcmp(name, cxl_memdev_get_devname(memdev)) ||
	       !strcmp(name, cxl_memdev_get_host(memdev));
}

bool cxl_filter_memdev(struct cxl_memdev *memdev, const char *names,
		       const char *serials)
{
	if (names && !any_name(names, memdev_match, memdev))
		return false;
	return !serials || any_name(serials, serial_match, memdev);
}

static bool bus_match(const char *name, void *arg)
{
	struct cxl_port *bus = arg;

	return !strcmp(name, "all") ||
	       id_match(name, "root", cxl_port_get_id(bus)) ||
	       !strcmp(name, cxl_port_get_devname(bus)) ||
	       !strcmp(name, cxl_bus_get_provider(bus));
}

bool cxl_filter_bus(struct cxl_port *bus, const char *names)
{
	return !names || any_name(names, bus_match, bus);
}

static bool port_match(const char *name, void *arg)
{
	struct cxl_port *port = arg;

	return !strcmp(name, "all") ||
	       (!strcmp(name, "root") && cxl_port_is_root(port)) ||
	       (!strcmp(name, "switch") && cxl_port_is_switch(port)) ||
	       (!strcmp(name, "endpoint") && cxl_port_is_endpoint(port)) ||
	       id_match(name, "port", cxl_port_get_id(port)) ||
	       !strcmp(name, cxl_port_get_devname(port)) ||
	       !strcmp(name, cxl_port_get_host(port));
}

bool cxl_filter_port(struct cxl_port *port, const char *names,
		     enum cxl_port_match how)
{
	struct cxl_port *iter;

	if (!names)
		return true;
	for (iter = port; iter; iter = cxl_port_get_parent(iter)) {
		if (any_name(names, port_match, iter))
			return true;
		if (how == CXL_MATCH_SINGLE)
			return false;
	}
	return false;
}

static bool endpoint_match(const char *name, void *arg)
{
	struct cxl_port *ep = arg;

	return !strcmp(name, "all") ||
	       id_match(name, "endpoint", cxl_port_get_id(ep)) ||
	       !strcmp(name, cxl_port_get_devname(ep)) ||
	       !strcmp(name, cxl_port_get_host(ep));
}

bool cxl_filter_endpoint(struct cxl_port *endpoint, const char *names)
{
	return !names || any_name(names, endpoint_match, endpoint);
}

static bool decoder_match(const char *name, void *arg)
{
	struct cxl_decoder *decoder = arg;
	struct cxl_port *port = cxl_decoder_get_port(decoder);
	int pid, did;

	if (!strcmp(name, "all") ||
	    (!strcmp(name, "root") && cxl_port_is_root(port)) ||
	    (!strcmp(name, "switch") && cxl_port_is_switch(port)) ||
	    (!strcmp(name, "endpoint") && cxl_port_is_endpoint(port)))
		return true;
	if ((sscanf(name, "%d.%d", &pid, &did) == 2 ||
	     sscanf(name, "decoder%d.%d", &pid, &did) == 2) &&
	    cxl_port_get_id(port) == pid && cxl_decoder_get_id(decoder) == did)
		return true;
	return !strcmp(name, cxl_decoder_get_devname(decoder));
}

bool cxl_filter_decoder(struct cxl_decoder *decoder, const char *names)
{
	return !names || any_name(names, decoder_match, decoder);
}

static bool region_match(const char *name, void *arg)
{
	struct cxl_region *region = arg;

	return !strcmp(name, "all") ||
	       id_match(name, "region", cxl_region_get_id(region)) ||
	       !strcmp(name, cxl_region_get_devname(region));
}

bool cxl_filter_region(struct cxl_region *region, const char *names)
{
	return !names || any_name(names, region_match, region);
}

bool cxl_filter_port_by_bus(struct cxl_port *port, const char *bus_names)
{
	struct cxl_port *bus;

	if (!bus_names)
		return true;
	if (cxl_port_is_root(port))
		return cxl_filter_bus(port, bus_names);
	/* A disabled port belongs to no bus. */
	bus = cxl_port_get_bus(port);
	return bus && cxl_filter_bus(bus, bus_names);
}

bool cxl_filter_bus_by_memdev(struct cxl_ctx *ctx, struct cxl_port *bus,
			      const char *names, const char *serials)
{
	struct cxl_memdev *memdev;

	if (!names && !serials)
		return true;
	cxl_memdev_foreach (ctx, memdev)
		if (cxl_filter_memdev(memdev, names, serials) &&
		    cxl_memdev_get_bus(memdev) == bus)
			return true;
	return false;
}

bool cxl_filter_port_by_memdev(struct cxl_ctx *ctx, struct cxl_port *port,
			       const char *names, const char *serials)
{
	struct cxl_memdev *memdev;

	if (!names && !serials)
		return true;
	cxl_memdev_foreach (ctx, memdev)
		if (cxl_filter_memdev(memdev, names, serials) &&
		    cxl_port_hosts_memdev(port, memdev))
			return true;
	return false;
}

bool cxl_filter_endpoint_by_memdev(struct cxl_ctx *ctx, struct cxl_port *ep,
				   const char *names, const char *serials)
{
	struct cxl_memdev *memdev;

	if (!names && !serials)
		return true;
	cxl_memdev_foreach (ctx, memdev)
		if (cxl_filter_memdev(memdev, names, serials) &&
		    cxl_memdev_get_endpoint(memdev) == ep)
			return true;
	return false;
}

/* The endpoint itself, or the ports above it as how says. */
bool cxl_filter_endpoint_by_port(struct cxl_port *ep, const char *port_names,
				 enum cxl_port_match how)
{
	struct cxl_port *parent;

	if (cxl_filter_port(ep, port_names, CXL_MATCH_SINGLE))
		return true;
	parent = cxl_port_get_parent(ep);
	return parent && cxl_filter_port(parent, port_names, how);
}

bool cxl_filter_decoder_by_memdev(struct cxl_ctx *ctx,
				  struct cxl_decoder *decoder,
				  const char *names, const char *serials)
{
	struct cxl_port *port = cxl_decoder_get_port(decoder);
	struct cxl_memdev *memdev;

	if (!names && !serials)
		return true;
	cxl_memdev_foreach (ctx, memdev) {
		if (!cxl_filter_memdev(memdev, names, serials))
			continue;
		if (cxl_decoder_get_target_by_memdev(decoder, memdev))
			return true;
		if (cxl_port_is_endpoint(port) &&
		    cxl_endpoint_get_memdev(port) == memdev)
			return true;
	}
	return false;
}

bool cxl_filter_decoder_by_region(struct cxl_decoder *decoder,
				  const char *region_names)
{
	struct cxl_region *region;

	if (!region_names)
		return true;
	/* A root decoder by its regions, the others by the one they serve. */
	cxl_region_foreach (decoder, region)
		if (cxl_filter_region(region, region_names))
			return true;
	region = cxl_decoder_get_region(decoder);
	return region && cxl_filter_region(region, region_names);
}

/*
 * A decoder of port (or of an endpoint below it) that the decoder filter
 * passes targets the memdev.  Endpoint decoders have no targets, so
 * naming one passes no memdev, as upstream has it.
 */
static bool decoder_targets_memdev(struct cxl_port *port,
				   struct cxl_memdev *memdev, const char *names)
{
	struct cxl_decoder *decoder;
	struct cxl_port *ep;

	cxl_decoder_foreach (port, decoder)
		if (cxl_filter_decoder(decoder, names) &&
		    cxl_decoder_get_target_by_memdev(decoder, memdev))
			return true;
	cxl_endpoint_foreach (port, ep)
		if (decoder_targets_memdev(ep, memdev, names))
			return true;
	return false;
}

bool cxl_filter_memdev_by_decoder(struct cxl_ctx *ctx,
				  struct cxl_memdev *memdev,
				  const char *decoder_names)
{
	struct cxl_port *bus, *port;

	if (!decoder_names)
		return true;
	cxl_bus_foreach (ctx, bus) {
		if (decoder_targets_memdev(bus, memdev, decoder_names))
			return true;
		cxl_port_foreach_all (bus, port)
			if (decoder_targets_memdev(port, memdev, decoder_names))
				return true;
	}
	return false;
}

/* The port (or an endpoint below it) is named and leads to the memdev. */
static bool port_leads_to(struct cxl_port *port, struct cxl_memdev *memdev,
			  const char *names)
{
	struct cxl_port *ep;

	if (cxl_filter_port(port, names, CXL_MATCH_SINGLE) &&
	    cxl_port_get_dport_by_memdev(port, memdev))
		return true;
	cxl_endpoint_foreach (port, ep)
		if (port_leads_to(ep, memdev, names))
			return true;
	return false;
}

bool cxl_filter_memdev_by_port(struct cxl_ctx *ctx, struct cxl_memdev *memdev,
			       const char *bus_names, const char *port_names)
{
	struct cxl_port *bus, *port;

	if (!bus_names && !port_names)
		return true;
	cxl_bus_foreach (ctx, bus) {
		if (cxl_filter_bus(bus, bus_names) &&
		    port_leads_to(bus, memdev, cxl_port_get_devname(bus)))
			return true;
		if (port_leads_to(bus, memdev, port_names))
			return true;
		cxl_port_foreach_all (bus, port)
			if (port_leads_to(port, memdev, port_names))
				return true;
	}
	return false;
}

bool cxl_filter_target_by_memdev(struct cxl_ctx *ctx, struct cxl_target *t,
				 const char *names, const char *serials)
{
	struct cxl_memdev *memdev;

	if (!names && !serials)
		return true;
	cxl_memdev_foreach (ctx, memdev)
		if (cxl_filter_memdev(memdev, names, serials) &&
		    cxl_target_maps_memdev(t, memdev))
			return true;
	return false;
}

bool cxl_filter_dport_by_memdev(struct cxl_ctx *ctx, struct cxl_dport *d,
				const char *names, const char *serials)
{
	struct cxl_memdev *memdev;

	if (!names && !serials)
		return true;
	cxl_memdev_foreach (ctx, memdev)
		if (cxl_filter_memdev(memdev, names, serials) &&
		    cxl_dport_maps_memdev(d, memdev))
			return true;
	return false;
}

bool cxl_filter_memdev_on_bus(struct cxl_memdev *memdev, const char *bus)
{
	struct cxl_port *b;

	if (!bus)
		return true;
	b = cxl_memdev_get_bus(memdev);
	return b && cxl_filter_bus(b, bus);
}
