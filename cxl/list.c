// SPDX-License-Identifier: GPL-2.0
/*
 * cxl list: the CXL topology as JSON, as upstream v81 prints it.  The
 * walk goes bus by bus, down through switch ports to endpoints; an
 * object kind that is listed (-B, -P, -E) holds the kinds below it as
 * "KIND:NAME" arrays, one that is not passes them up to the next listed
 * kind or to the top.  With more than one kind at the top each is an
 * object of its own ({"memdevs":[...]}), with one the array is flat; -u
 * prints a lone object bare.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cxl/libcxl.h>
#include <devstate/context.h>
#include <util/command.h>
#include <util/json.h>
#include <util/log.h>
#include <util/options.h>
#include <util/sysfs.h>

#include "builtin.h"
#include "filter.h"
#include "json.h"

struct list_params {
	const char *memdev, *serial, *bus, *port, *endpoint, *decoder, *region;
	const char *sysroot;
	bool single, memdevs, buses, ports, endpoints, decoders, regions;
	bool targets, idle, human;
	bool health, partition, firmware, alert_config;
	bool media_errors; /* -L: poison lists, through trace events */
	bool dax; /* -X: regions' dax regions, through libdaxctl */
	int verbose;
};

struct walk {
	struct cxl_ctx *ctx;
	const struct list_params *p;
	struct cxl_json_flags f;
	enum cxl_port_match match;
};

static struct json_object *pick(struct json_object *child,
				struct json_object *up)
{
	return child ? child : up;
}

static struct json_object *array_if(bool want)
{
	return want ? json_object_new_array() : NULL;
}

/* Hang a non-empty child array on obj as "KEY:NAME", else drop it. */
static void add_children(struct json_object *obj, const char *key,
			 const char *name, struct json_object *arr)
{
	char *full;

	if (!obj || !arr || !json_object_array_length(arr) ||
	    asprintf(&full, "%s:%s", key, name) < 0) {
		json_object_put(arr);
		return;
	}
	json_object_object_add(obj, full, arr);
	free(full);
}

static void walk_regions(struct walk *w, struct cxl_decoder *decoder,
			 struct json_object *jregions)
{
	const struct list_params *p = w->p;
	struct cxl_region *region;

	cxl_region_foreach (decoder, region) {
		struct cxl_decoder *root = cxl_region_get_decoder(region);

		if (!cxl_filter_region(region, p->region) ||
		    !cxl_filter_port_by_bus(cxl_decoder_get_port(root),
					    p->bus) ||
		    !cxl_filter_port(cxl_decoder_get_port(root), p->port,
				     CXL_MATCH_ANCESTRY) ||
		    !cxl_filter_decoder(root, p->decoder))
			continue;
		if (!p->idle && !cxl_region_is_enabled(region))
			continue;
		json_object_array_add(jregions, cxl_region_json(region, &w->f));
	}
}

static void walk_decoders(struct walk *w, struct cxl_port *port,
			  struct json_object *jdecoders,
			  struct json_object *jregions)
{
	const struct list_params *p = w->p;
	struct cxl_decoder *decoder;

	cxl_decoder_foreach (port, decoder) {
		struct json_object *jdecoder = NULL, *jchildregions = NULL;

		/*
		 * A root decoder left out by a filter still hands its
		 * regions up.
		 */
		if (p->decoders && cxl_filter_decoder(decoder, p->decoder) &&
		    cxl_filter_port_by_bus(port, p->bus) &&
		    cxl_filter_port(port, p->port, w->match) &&
		    cxl_filter_decoder_by_memdev(w->ctx, decoder, p->memdev,
						 p->serial) &&
		    cxl_filter_decoder_by_region(decoder, p->region)) {
			if (!p->idle && cxl_decoder_get_size(decoder) == 0)
				continue;
			jdecoder = cxl_decoder_json(decoder, &w->f);
			cxl_targets_json(jdecoder, decoder, p->memdev,
					 p->serial, &w->f);
			/* Only root decoders have regions. */
			jchildregions =
				array_if(p->regions && cxl_port_is_root(port));
			json_object_array_add(jdecoders, jdecoder);
		}
		if (!p->regions || !cxl_port_is_root(port))
			continue;
		walk_regions(w, decoder, pick(jchildregions, jregions));
		add_children(jdecoder, "regions",
			     cxl_decoder_get_devname(decoder), jchildregions);
	}
}

static void walk_endpoints(struct walk *w, struct cxl_port *port,
			   struct json_object *jeps, struct json_object *jdevs,
			   struct json_object *jdecoders)
{
	const struct list_params *p = w->p;
	struct cxl_port *ep;

	cxl_endpoint_foreach (port, ep) {
		struct json_object *jep = NULL, *jchilddecoders = NULL;

		if (!cxl_filter_endpoint(ep, p->endpoint) ||
		    !cxl_filter_port_by_bus(ep, p->bus) ||
		    !cxl_filter_endpoint_by_port(ep, p->port, w->match) ||
		    !cxl_filter_endpoint_by_memdev(w->ctx, ep, p->memdev,
						   p->serial))
			continue;
		if (!p->idle && !cxl_port_is_enabled(ep))
			continue;
		if (p->endpoints) {
			jep = cxl_port_json(ep, "endpoint", &w->f);
			json_object_array_add(jeps, jep);
		}
		if (p->memdevs) {
			struct cxl_memdev *memdev = cxl_endpoint_get_memdev(ep);
			struct json_object *jdev;

			/*
			 * As upstream: an endpoint whose memdev is left out
			 * lists no decoders either.
			 */
			if (!memdev ||
			    !cxl_filter_memdev(memdev, p->memdev, p->serial) ||
			    !cxl_filter_memdev_by_decoder(w->ctx, memdev,
							  p->decoder) ||
			    !cxl_filter_memdev_by_port(w->ctx, memdev, p->bus,
						       p->port))
				continue;
			if (!p->idle && !cxl_memdev_is_enabled(memdev))
				continue;
			jdev = cxl_memdev_json(memdev, &w->f);
			if (p->endpoints)
				json_object_object_add(jep, "memdev", jdev);
			else
				json_object_array_add(jdevs, jdev);
		}
		if (!p->decoders)
			continue;
		jchilddecoders = array_if(p->endpoints);
		walk_decoders(w, ep, pick(jchilddecoders, jdecoders), NULL);
		add_children(jep, "decoders", cxl_port_get_devname(ep),
			     jchilddecoders);
	}
}

static void
walk_ports(struct walk *w, struct cxl_port *parent, struct json_object *jports,
	   struct json_object *jportdecoders, struct json_object *jeps,
	   struct json_object *jepdecoders, struct json_object *jdevs)
{
	const struct list_params *p = w->p;
	struct cxl_port *port;

	cxl_port_foreach (parent, port) {
		struct json_object *jport = NULL, *jchildports = NULL;
		struct json_object *jchilddevs = NULL, *jchildeps = NULL;
		struct json_object *jchilddecoders = NULL;
		const char *name = cxl_port_get_devname(port);

		if (!cxl_filter_port_by_memdev(w->ctx, port, p->memdev,
					       p->serial))
			continue;
		/* A port left out by name still walks its children. */
		if (cxl_filter_port(port, p->port, w->match) &&
		    cxl_filter_port_by_bus(port, p->bus)) {
			if (!p->idle && !cxl_port_is_enabled(port))
				continue;
			if (p->ports) {
				jport = cxl_port_json(port, "port", &w->f);
				cxl_dports_json(jport, port, p->memdev,
						p->serial, &w->f);
				json_object_array_add(jports, jport);
				jchildports = json_object_new_array();
				jchilddevs = array_if(p->memdevs);
				jchildeps = array_if(p->endpoints);
				jchilddecoders = array_if(p->decoders);
			}
		}
		if (p->endpoints || p->memdevs || p->decoders)
			walk_endpoints(w, port, pick(jchildeps, jeps),
				       pick(jchilddevs, jdevs),
				       pick(jchilddecoders, jepdecoders));
		walk_decoders(w, port, pick(jchilddecoders, jportdecoders),
			      NULL);
		walk_ports(w, port, pick(jchildports, jports),
			   pick(jchilddecoders, jportdecoders),
			   pick(jchildeps, jeps),
			   pick(jchilddecoders, jepdecoders),
			   pick(jchilddevs, jdevs));
		add_children(jport, "ports", name, jchildports);
		add_children(jport, "endpoints", name, jchildeps);
		add_children(jport, "decoders", name, jchilddecoders);
		add_children(jport, "memdevs", name, jchilddevs);
	}
}

/* The top-level arrays, in the order upstream prints them. */
enum top {
	TOP_ANON,
	TOP_BUSES,
	TOP_PORTS,
	TOP_EPS,
	TOP_MEMDEVS,
	TOP_ROOT_DECODERS,
	TOP_PORT_DECODERS,
	TOP_EP_DECODERS,
	TOP_REGIONS,
	TOP_NR,
};

static const char *const top_names[TOP_NR] = {
	"anon memdevs", "buses",	 "ports",	  "endpoints",
	"memdevs",	"root decoders", "port decoders", "endpoint decoders",
	"regions",
};

static void walk_bus(struct walk *w, struct cxl_port *bus,
		     struct json_object **top)
{
	const struct list_params *p = w->p;
	struct json_object *jbus = NULL, *jdecoders = NULL, *jports = NULL;
	struct json_object *jdevs = NULL, *jeps = NULL, *jregions = NULL;
	const char *name = cxl_port_get_devname(bus);

	if (!cxl_filter_bus_by_memdev(w->ctx, bus, p->memdev, p->serial))
		return;
	if (p->buses && cxl_filter_bus(bus, p->bus) &&
	    cxl_filter_port(bus, p->port, w->match)) {
		jbus = cxl_bus_json(bus, &w->f);
		cxl_dports_json(jbus, bus, p->memdev, p->serial, &w->f);
		json_object_array_add(top[TOP_BUSES], jbus);
		jports = array_if(p->ports);
		jeps = array_if(p->endpoints);
		jdevs = array_if(p->memdevs);
		jdecoders = array_if(p->decoders);
		jregions = array_if(p->regions);
	}
	walk_decoders(w, bus, pick(jdecoders, top[TOP_ROOT_DECODERS]),
		      pick(jregions, top[TOP_REGIONS]));
	/* Endpoints right below a root: restricted CXL hosts. */
	if (p->endpoints || p->memdevs || p->decoders)
		walk_endpoints(w, bus, pick(jeps, top[TOP_EPS]),
			       pick(jdevs, top[TOP_MEMDEVS]),
			       pick(jdecoders, top[TOP_EP_DECODERS]));
	walk_ports(w, bus, pick(jports, top[TOP_PORTS]),
		   pick(jdecoders, top[TOP_PORT_DECODERS]),
		   pick(jeps, top[TOP_EPS]),
		   pick(jdecoders, top[TOP_EP_DECODERS]),
		   pick(jdevs, top[TOP_MEMDEVS]));
	add_children(jbus, "ports", name, jports);
	add_children(jbus, "endpoints", name, jeps);
	add_children(jbus, "decoders", name, jdecoders);
	add_children(jbus, "regions", name, jregions);
	add_children(jbus, "memdevs", name, jdevs);
}

static struct json_object *walk_topology(struct walk *w)
{
	const struct list_params *p = w->p;
	struct json_object *top[TOP_NR], *out = json_object_new_array();
	struct cxl_memdev *memdev;
	struct cxl_port *bus;
	int kinds = 0;

	for (int i = 0; i < TOP_NR; i++)
		top[i] = json_object_new_array();
	/* Disabled memdevs have no endpoint: they list on their own. */
	cxl_memdev_foreach (w->ctx, memdev) {
		if (!cxl_filter_memdev(memdev, p->memdev, p->serial) ||
		    cxl_memdev_is_enabled(memdev) || !p->idle || !p->memdevs)
			continue;
		json_object_array_add(top[TOP_ANON],
				      cxl_memdev_json(memdev, &w->f));
	}
	cxl_bus_foreach (w->ctx, bus)
		walk_bus(w, bus, top);

	for (int i = 0; i < TOP_NR; i++)
		kinds += json_object_array_length(top[i]) > 0;
	for (int i = 0; i < TOP_NR; i++) {
		size_t n = json_object_array_length(top[i]);

		if (!n) {
			json_object_put(top[i]);
		} else if (kinds > 1) {
			struct json_object *box = json_object_new_object();

			json_object_object_add(box, top_names[i], top[i]);
			json_object_array_add(out, box);
		} else {
			for (size_t k = 0; k < n; k++)
				json_object_array_add(
					out, json_object_get(
						     json_object_array_get_idx(
							     top[i], k)));
			json_object_put(top[i]);
		}
	}
	return out;
}

/* What upstream's -v, -vv and -vvv turn on. */
static void apply_verbose(struct list_params *p)
{
	/* -vvv is everything -H, -I, -F, -A, -L and -X add. */
	if (p->verbose >= 3) {
		p->health = p->partition = p->firmware = p->alert_config = true;
		p->media_errors = p->dax = true;
	}
	if (p->verbose >= 2)
		p->idle = true;
	if (p->verbose >= 1)
		p->buses = p->ports = p->endpoints = p->decoders = p->targets =
			p->regions = true;
}

/* A --sysroot other than "/": a copied tree, not the running system. */
static bool cxl_sysroot_is_copy(const char *sysroot)
{
	return sysroot && strspn(sysroot, "/") != strlen(sysroot);
}

static int kinds_asked(const struct list_params *p)
{
	return p->memdevs + p->buses + p->ports + p->endpoints + p->decoders +
	       p->regions;
}

int cmd_list(int argc, char **argv)
{
	struct list_params p = { 0 };
	const struct opt options[] = {
		OPT_STR('m', "memdev", &p.memdev, "MEMDEV",
			"only these memory devices (memN, N, host or all)"),
		OPT_STR('s', "serial", &p.serial, "SERIAL",
			"only memory devices of these serial numbers"),
		OPT_BOOL('M', "memdevs", &p.memdevs, "list memory devices"),
		OPT_STR('b', "bus", &p.bus, "BUS",
			"only these buses (rootN, N, provider or all)"),
		OPT_BOOL('B', "buses", &p.buses, "list buses"),
		OPT_STR('p', "port", &p.port, "PORT",
			"only these ports (portN, N, host, root, switch, "
			"endpoint or all)"),
		OPT_BOOL('P', "ports", &p.ports, "list ports"),
		OPT_BOOL('S', "single", &p.single,
			 "with -p: the named ports only, not what is below"),
		OPT_STR('e', "endpoint", &p.endpoint, "ENDPOINT",
			"only these endpoints (endpointN, N, host or all)"),
		OPT_BOOL('E', "endpoints", &p.endpoints, "list endpoints"),
		OPT_STR('d', "decoder", &p.decoder, "DECODER",
			"only these decoders (decoderP.N, P.N, root, switch, "
			"endpoint or all)"),
		OPT_BOOL('D', "decoders", &p.decoders, "list decoders"),
		OPT_BOOL('T', "targets", &p.targets,
			 "include dports, decoder targets and region "
			 "mappings"),
		OPT_STR('r', "region", &p.region, "REGION",
			"only these regions (regionN, N or all)"),
		OPT_BOOL('R', "regions", &p.regions, "list regions"),
		OPT_BOOL('X', "dax", &p.dax,
			 "include each region's dax region and devices"),
		OPT_BOOL('i', "idle", &p.idle, "include disabled objects"),
		OPT_BOOL('u', "human", &p.human,
			 "sizes and addresses in human-readable form"),
		OPT_BOOL('H', "health", &p.health,
			 "include memdev health (Get Health Info)"),
		OPT_BOOL('I', "partition", &p.partition,
			 "include memdev partitions (Identify, Get Partition "
			 "Info)"),
		OPT_BOOL('F', "firmware", &p.firmware,
			 "include memdev firmware (Get FW Info)"),
		OPT_BOOL('A', "alert-config", &p.alert_config,
			 "include memdev alert configuration"),
		OPT_BOOL('L', "media-errors", &p.media_errors,
			 "include memdevs' and regions' poison lists (trace "
			 "events)"),
		{ 'v', "verbose", OPT_COUNT, &p.verbose, NULL,
		  "more detail: -v every kind with targets, -vv also "
		  "disabled objects" },
		OPT_SYSROOT(&p.sysroot),
		OPT_TERM,
	};
	struct walk w = { .p = &p };
	struct devstate_ctx ds = { 0 };
	struct json_object *out;
	size_t n;
	int i;

	i = parse_options(argc, argv, options, "cxl list [<options>]");
	if (i < argc) {
		pr_err("unexpected argument '%s'", argv[i]);
		return EXIT_USAGE;
	}
	if (p.single && !p.port) {
		pr_err("-S/--single needs a port filter (-p/--port)");
		return EXIT_USAGE;
	}
	/* A filter alone lists its kind, and that object only. */
	if (!kinds_asked(&p)) {
		p.memdevs = p.memdev || p.serial;
		p.buses = p.bus;
		p.ports = p.port;
		p.endpoints = p.endpoint;
		p.decoders = p.decoder;
		p.regions = p.region;
		p.single = true;
	}
	if (!kinds_asked(&p))
		p.memdevs = p.regions = true;
	apply_verbose(&p);
	if (cxl_filter_has(p.port, "root") && p.ports)
		p.buses = true;
	if (cxl_filter_has(p.port, "endpoint") && p.ports)
		p.endpoints = true;

	if (p.dax) {
		/* The dax view and the kernel's profile come with devstate. */
		if (devstate_open(&ds, p.sysroot, DEVSTATE_DAX)) {
			devstate_close(&ds);
			return EXIT_FAIL;
		}
		i = cxl_new(&w.ctx, ds.root);
		if (i) {
			pr_err("cannot read /sys/bus/cxl: %s", strerror(-i));
			devstate_close(&ds);
			return EXIT_FAIL;
		}
		w.f.dax = ds.dax;
		w.f.profile = ds.profile;
		w.f.idle = p.idle;
	} else if (cxl_open(p.sysroot, &w.ctx)) {
		return EXIT_FAIL;
	}
	w.f.human = p.human;
	w.f.targets = p.targets;
	w.f.health = p.health;
	w.f.partition = p.partition;
	w.f.firmware = p.firmware;
	w.f.alert_config = p.alert_config;
	/*
	 * The trace events are the running kernel's: they say nothing of
	 * a tree captured elsewhere, whose trigger files are not to be
	 * written either.
	 */
	w.f.media_errors = p.media_errors && !cxl_sysroot_is_copy(p.sysroot);
	if (p.media_errors && !w.f.media_errors)
		pr_info("--sysroot %s: media errors are not listed (they are "
			"the running kernel's trace events)",
			p.sysroot);
	w.match = p.single ? CXL_MATCH_SINGLE : CXL_MATCH_ANCESTRY;
	out = walk_topology(&w);
	n = json_object_array_length(out);
	if (n > 1 || !p.human) {
		if (!n)
			pr_info("no matching devices found");
		json_print(stdout, out);
	} else if (n) {
		json_print(stdout, json_object_array_get_idx(out, 0));
	}
	json_object_put(out);
	cxl_unref(w.ctx);
	devstate_close(&ds);
	return EXIT_OK;
}
