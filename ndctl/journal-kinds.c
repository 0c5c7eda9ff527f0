// SPDX-License-Identifier: GPL-2.0
/*
 * The intent records ndctl finishes (devstate/journal.h).  A daxctl
 * record is left to daxctl, which knows its steps: ndctl then refuses
 * to change anything until daxctl has run (the message says so).
 */
#include <stddef.h>

#include <devstate/claim.h>
#include <devstate/journal.h>

const struct journal_kind journal_kinds[] = {
	{ "ns-claim", ns_claim_journal_recover },
	{ NULL, NULL },
};
