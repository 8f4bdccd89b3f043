/* ic-postcode.h — the local authority of a UK postcode, roughly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spreadsheets of firms often give a postcode where Interchange wants a
 * local authority.  This maps postcode districts (the part before the
 * space) of the West Midlands and of the neighbours in the default
 * taxonomy to an authority.  It is coarse on purpose: a district split
 * between two authorities goes to the one that holds most of it, and a
 * district that is not known gives nothing rather than a guess.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The local authority id (as in the default taxonomy) for @postcode, a
 * full postcode or its district ("B15 2TT", "b152tt", "CV1"), or NULL.
 * Returns: (transfer none) (nullable) */
const char *ic_postcode_to_local_authority (const char *postcode);

/* Whether @text is shaped like a UK postcode or postcode district. */
gboolean    ic_postcode_is_valid           (const char *text);

G_END_DECLS
