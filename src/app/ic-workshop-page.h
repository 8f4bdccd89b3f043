/* ic-workshop-page.h — workshop events: set up, schedule, adjust by hand, print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ic-store-service.h"

G_BEGIN_DECLS

#define IC_TYPE_WORKSHOP_PAGE (ic_workshop_page_get_type ())

G_DECLARE_FINAL_TYPE (IcWorkshopPage, ic_workshop_page, IC, WORKSHOP_PAGE, AdwBin)

GtkWidget *ic_workshop_page_new    (IcStoreService *service);
/* Lists the events again and reloads the one shown. */
void       ic_workshop_page_reload (IcWorkshopPage *self);

G_END_DECLS
