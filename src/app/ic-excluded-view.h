/* ic-excluded-view.h — the pairs of a challenge judged "Not a Match"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ic-challenge.h"
#include "ic-store-service.h"

G_BEGIN_DECLS

#define IC_TYPE_EXCLUDED_VIEW (ic_excluded_view_get_type ())

G_DECLARE_FINAL_TYPE (IcExcludedView, ic_excluded_view, IC, EXCLUDED_VIEW, AdwBin)

GtkWidget *ic_excluded_view_new           (void);
/* Reads the capabilities excluded from the matches of @challenge (NULL:
 * none) through @service and shows each with its reason, who excluded
 * it and when, and a Restore button.  Restore emits "restore" with the
 * capability's id, its title, the reason (an IcDeclineReason) and the
 * reason's own words (nullable): the view writes nothing itself. */
void       ic_excluded_view_set_challenge (IcExcludedView *self,
                                           IcStoreService *service,
                                           IcChallenge    *challenge);
/* How many pairs are shown, once read. */
guint      ic_excluded_view_get_n_pairs   (IcExcludedView *self);

G_END_DECLS
