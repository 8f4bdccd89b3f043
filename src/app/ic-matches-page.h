/* ic-matches-page.h — capabilities ranked for one challenge, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ic-store-service.h"

G_BEGIN_DECLS

#define IC_TYPE_MATCHES_PAGE (ic_matches_page_get_type ())

G_DECLARE_FINAL_TYPE (IcMatchesPage, ic_matches_page, IC, MATCHES_PAGE, AdwBin)

GtkWidget *ic_matches_page_new (IcStoreService *service);
/* Builds the matching corpus again from the database, in the
 * background, and ranks the chosen challenge again. */
void       ic_matches_page_reload (IcMatchesPage *self);
/* Picks the open challenge @challenge_id and ranks for it (once the
 * page is built, if it is not yet). */
void       ic_matches_page_show_challenge (IcMatchesPage *self,
                                           const char    *challenge_id);

G_END_DECLS
