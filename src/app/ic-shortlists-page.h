/* ic-shortlists-page.h — the shortlists, one per challenge, with their entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ic-store-service.h"

G_BEGIN_DECLS

#define IC_TYPE_SHORTLISTS_PAGE (ic_shortlists_page_get_type ())

G_DECLARE_FINAL_TYPE (IcShortlistsPage, ic_shortlists_page, IC, SHORTLISTS_PAGE, AdwBin)

GtkWidget *ic_shortlists_page_new    (IcStoreService   *service);
void       ic_shortlists_page_reload (IcShortlistsPage *self);
void       ic_shortlists_page_show_shortlist (IcShortlistsPage *self,
                                              const char       *id);

G_END_DECLS
