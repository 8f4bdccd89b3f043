/* ic-import-terms.h — clusters and places as people name them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A partner's sheet says "Low Carbon", "Net Zero", "Metals" or
 * "Smethwick, B66 2PL" where the taxonomy has low-carbon-energy,
 * metals-materials and sandwell.  A cell is tried as the taxonomy's
 * own id or name, then as a common synonym or abbreviation, then as
 * words that only one cluster's (or place's) name holds; a place also
 * by a postcode anywhere in the cell and by the towns of the region.
 * A cell that could mean two things ("Digital", "Manufacturing") gives
 * nothing, for the person to choose.
 */

#pragma once

#include "ic-taxonomy.h"

G_BEGIN_DECLS

/* The cluster id @text means, or NULL.
 * Returns: (transfer none) (nullable) */
const char *ic_import_terms_find_cluster (IcTaxonomy *taxonomy,
                                          const char *text);

/* The local authority id @text means, or NULL.
 * Returns: (transfer none) (nullable) */
const char *ic_import_terms_find_place   (IcTaxonomy *taxonomy,
                                          const char *text);

G_END_DECLS
