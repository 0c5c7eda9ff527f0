// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <unistd.h>

#include <cxl/words.h>
#include <util/command.h>
#include <util/json.h>
#include <util/log.h>
#include <util/size.h>

#include "builtin.h"
#include "filter.h"
#include "mbox-cmd.h"

int mbox_targets_get(struct mbox_targets *t, const char *sysroot,
		     const char *bus, bool serial, int argc, char **argv)
{
	struct cxl_memdev *m;
	bool *pick;
	int n = 0, i;

	t->memdevs = NULL;
	t->nr = 0;
	t->ctx = NULL;
	if (cxl_open(sysroot, &t->ctx))
		return EXIT_FAIL;
	cxl_memdev_foreach (t->ctx, m)
		n++;
	pick = calloc(n ? n : 1, sizeof(*pick));
	t->memdevs = calloc(n ? n : 1, sizeof(*t->memdevs));
	if (!pick || !t->memdevs) {
		free(pick);
		pr_err("cxl: out of memory");
		mbox_targets_free(t);
		return EXIT_FAIL;
	}
	for (int a = 0; a < argc; a++) {
		bool hit = false;

		i = 0;
		cxl_memdev_foreach (t->ctx, m) {
			bool match =
				serial ? cxl_filter_memdev(m, NULL, argv[a]) :
					 cxl_filter_memdev(m, argv[a], NULL);

			if (match && cxl_filter_memdev_on_bus(m, bus))
				pick[i] = hit = true;
			i++;
		}
		if (!hit) {
			pr_err("%s: no such memdev%s%s", argv[a],
			       bus ? " on bus " : "", bus ? bus : "");
			free(pick);
			mbox_targets_free(t);
			return EXIT_FAIL;
		}
	}
	i = 0;
	cxl_memdev_foreach (t->ctx, m) {
		if (pick[i++])
			t->memdevs[t->nr++] = m;
	}
	free(pick);
	return 0;
}

void mbox_targets_free(struct mbox_targets *t)
{
	free(t->memdevs);
	t->memdevs = NULL;
	t->nr = 0;
	if (t->ctx)
		cxl_unref(t->ctx);
	t->ctx = NULL;
}

bool mbox_human(void)
{
	return isatty(STDOUT_FILENO);
}

void mbox_print_memdevs(struct json_object *jdevs)
{
	size_t n = json_object_array_length(jdevs);

	if (n > 1 || !mbox_human()) {
		if (!n)
			pr_info("no matching devices found");
		json_print(stdout, jdevs);
	} else if (n) {
		json_print(stdout, json_object_array_get_idx(jdevs, 0));
	}
	json_object_put(jdevs);
}

int mbox_sized_start(const struct mbox_sized_opts *o, int argc, char **argv,
		     int first, enum cxl_mode *mode, uint64_t *size,
		     struct mbox_targets *t)
{
	*size = 0;
	if (first == argc) {
		pr_err("name at least one memdev (memN, N or all)");
		return EXIT_USAGE;
	}
	if (o->type && cxl_mode_parse(o->type, mode)) {
		pr_err("--type '%s': not " CXL_TYPE_EXPECTED, o->type);
		return EXIT_USAGE;
	}
	if (o->size && parse_size(o->size, size)) {
		pr_err("--size '%s': not a size", o->size);
		return EXIT_USAGE;
	}
	log_set_verbose(o->verbose);
	return mbox_targets_get(t, o->sysroot, o->bus, o->serial, argc - first,
				argv + first);
}
