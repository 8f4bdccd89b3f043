/* ic-shortlist-view.h — one shortlist, edited in place, exported and printed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ic-shortlist-report.h"
#include "ic-store-service.h"

G_BEGIN_DECLS

#define IC_TYPE_SHORTLIST_VIEW (ic_shortlist_view_get_type ())

G_DECLARE_FINAL_TYPE (IcShortlistView, ic_shortlist_view, IC, SHORTLIST_VIEW, GtkBox)

/* A view of the shortlist in @report (loaded through @service), which it
 * edits: every change is written back through @service, off the main
 * thread.  Its Delete button activates shortlists.delete-shortlist with
 * the shortlist's id. */
GtkWidget   *ic_shortlist_view_new     (IcStoreService    *service,
                                        IcShortlistReport *report);
IcShortlist *ic_shortlist_view_get_shortlist (IcShortlistView *self);
/* Whether a save is under way or waiting for one to end. */
gboolean     ic_shortlist_view_is_saving     (IcShortlistView *self);
/* Whether the view holds a change the store refused because the
 * shortlist was changed elsewhere, until its person reloads or keeps it. */
gboolean     ic_shortlist_view_has_unsaved   (IcShortlistView *self);

G_END_DECLS
