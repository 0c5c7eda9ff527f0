/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cxl list's filters, as upstream v81 applies them.  Each filter value
 * is a list of names separated by spaces (or by commas when it has no
 * space); NULL passes everything.
 */
#ifndef CXL_FILTER_H
#define CXL_FILTER_H

#include <stdbool.h>

#include <cxl/libcxl.h>

enum cxl_port_match {
	CXL_MATCH_SINGLE, /* the port itself */
	CXL_MATCH_ANCESTRY, /* the port or any port above it */
};

/* Whether any name of list contains needle (NULL needle: true). */
bool cxl_filter_has(const char *list, const char *needle);

bool cxl_filter_memdev(struct cxl_memdev *memdev, const char *names,
		       const char *serials);
bool cxl_filter_bus(struct cxl_port *bus, const char *names);
bool cxl_filter_port(struct cxl_port *port, const char *names,
		     enum cxl_port_match how);
bool cxl_filter_endpoint(struct cxl_port *endpoint, const char *names);
bool cxl_filter_decoder(struct cxl_decoder *decoder, const char *names);
bool cxl_filter_region(struct cxl_region *region, const char *names);

/* On the bus a --bus filter names (always, without one). */
bool cxl_filter_memdev_on_bus(struct cxl_memdev *memdev, const char *bus);

/*
 * The options of every command that takes memdev names: --bus, the
 * verbosity and --serial (the names are serial numbers).
 */
#define OPT_MEMDEV_TARGETS(bus, verbose, serial)                       \
	OPT_STR('b', "bus", (bus), "BUS", "only memdevs on this bus"), \
		{ 'v', "verbose", OPT_COUNT, (verbose), NULL,          \
		  "more messages" },                                   \
		OPT_BOOL('S', "serial", (serial),                      \
			 "the arguments are serial numbers")

/* An object by its relation to what another filter names. */
bool cxl_filter_port_by_bus(struct cxl_port *port, const char *bus_names);
bool cxl_filter_bus_by_memdev(struct cxl_ctx *ctx, struct cxl_port *bus,
			      const char *names, const char *serials);
bool cxl_filter_port_by_memdev(struct cxl_ctx *ctx, struct cxl_port *port,
			       const char *names, const char *serials);
bool cxl_filter_endpoint_by_memdev(struct cxl_ctx *ctx, struct cxl_port *ep,
				   const char *names, const char *serials);
bool cxl_filter_endpoint_by_port(struct cxl_port *ep, const char *port_names,
				 enum cxl_port_match how);
bool cxl_filter_decoder_by_memdev(struct cxl_ctx *ctx,
				  struct cxl_decoder *decoder,
				  const char *names, const char *serials);
bool cxl_filter_decoder_by_region(struct cxl_decoder *decoder,
				  const char *region_names);
bool cxl_filter_memdev_by_decoder(struct cxl_ctx *ctx,
				  struct cxl_memdev *memdev,
				  const char *decoder_names);
bool cxl_filter_memdev_by_port(struct cxl_ctx *ctx, struct cxl_memdev *memdev,
			       const char *bus_names, const char *port_names);
bool cxl_filter_target_by_memdev(struct cxl_ctx *ctx, struct cxl_target *t,
				 const char *names, const char *serials);
bool cxl_filter_dport_by_memdev(struct cxl_ctx *ctx, struct cxl_dport *d,
				const char *names, const char *serials);

#endif
