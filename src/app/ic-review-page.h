/* ic-review-page.h — Needs attention: what to look at next
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records not changed for a while, open challenges past their deadline,
 * shortlist entries stuck at one stage and capabilities never
 * shortlisted (ic-store-review.h), with one-click actions: open the
 * record, renew it (a new revision, in its history), close a challenge.
 * The thresholds are the review-stale-days and review-stuck-days
 * settings (Preferences).
 */

#pragma once

#include <adwaita.h>

#include "ic-store-service.h"

G_BEGIN_DECLS

#define IC_TYPE_REVIEW_PAGE (ic_review_page_get_type ())

G_DECLARE_FINAL_TYPE (IcReviewPage, ic_review_page, IC, REVIEW_PAGE, AdwBin)

GtkWidget *ic_review_page_new    (IcStoreService *service);
/* Asks the store again. */
void       ic_review_page_reload (IcReviewPage   *self);

G_END_DECLS
