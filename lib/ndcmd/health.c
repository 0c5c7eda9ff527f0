// SPDX-License-Identifier: GPL-2.0
#include <stddef.h>

#include "call.h"
#include "health.h"

const struct nd_health_family *nd_health_family(unsigned int family)
{
	static const struct nd_health_family *const all[] = {
		&nd_health_intel,  &nd_health_hpe1, &nd_health_msft,
		&nd_health_hyperv, &nd_health_papr,
	};
	size_t i;

	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		if (all[i]->family == family)
			return all[i];
	return NULL;
}

double nd_temp_decode(unsigned int temp)
{
	double t = (double)(temp & 0x7fff) / 16;

	return temp & 0x8000 ? -t : t;
}

unsigned int nd_temp_encode(double celsius)
{
	bool negative = celsius < 0;
	unsigned int t;

	if (negative)
		celsius = -celsius;
	/* Whole degrees, as upstream encodes what the user gives. */
	t = (unsigned int)celsius * 16;
	return (t & 0x7fff) | (negative ? 0x8000 : 0);
}

bool nd_temp_in_range(double celsius)
{
	return celsius > -2048 && celsius < 2048;
}

const char *nd_health_state_name(unsigned int state)
{
	if (state & ND_HEALTH_FATAL)
		return "fatal";
	if (state & ND_HEALTH_CRITICAL)
		return "critical";
	if (state & ND_HEALTH_NON_CRITICAL)
		return "non-critical";
	return "ok";
}
