/* ic-rising-demand.h — which tags foresight marks as rising demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one rule, shared by the matcher's foresight criterion (through
 * src/io/ic-match-loader.c) and the Foresight page: a live demand signal
 * or challenge call marks each of its tags as rising demand for
 * IC_RISING_DEMAND_HORIZON_DAYS after it is published (an item with no
 * date keeps marking them).  Technology drivers and ideas say what could
 * be supplied, not what is asked for, so they mark nothing.
 */

#pragma once

#include "ic-foresight-item.h"

G_BEGIN_DECLS

/* Two years: about the time a funding round or procurement plan takes
 * from announcement to contracts. */
#define IC_RISING_DEMAND_HORIZON_DAYS 730

/* Whether @item marks its tags as rising demand at @now. */
gboolean  ic_rising_demand_item_counts (IcForesightItem  *item,
                                        GDateTime        *now);

/* The distinct tags that the items of @items (IcForesightItem) mark as
 * rising demand at @now, sorted.
 * Returns: (transfer full) */
GStrv     ic_rising_demand_collect     (GPtrArray        *items,
                                        GDateTime        *now);

G_END_DECLS
