/* ic-impact-page.h — the figures a programme reports, with charts and exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ic-store-service.h"

G_BEGIN_DECLS

#define IC_TYPE_IMPACT_PAGE (ic_impact_page_get_type ())

G_DECLARE_FINAL_TYPE (IcImpactPage, ic_impact_page, IC, IMPACT_PAGE, AdwBin)

GtkWidget *ic_impact_page_new    (IcStoreService *service);
/* Computes the figures again, for the period and cluster shown. */
void       ic_impact_page_reload (IcImpactPage   *self);

G_END_DECLS
