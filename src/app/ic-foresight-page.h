/* ic-foresight-page.h — the foresight items, the tags in rising demand,
 * and challenges made from items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ic-store-service.h"

G_BEGIN_DECLS

#define IC_TYPE_FORESIGHT_PAGE (ic_foresight_page_get_type ())

G_DECLARE_FINAL_TYPE (IcForesightPage, ic_foresight_page, IC, FORESIGHT_PAGE, AdwBin)

GtkWidget *ic_foresight_page_new (IcStoreService *service);
/* Reads the items again; keeps the filters and the item shown. */
void       ic_foresight_page_reload (IcForesightPage *self);

G_END_DECLS
