/* ic-window.h — the main window: a sidebar of pages, toasts and the actions they share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ic-application.h"
#include "ic-sync-controller.h"

G_BEGIN_DECLS

#define IC_TYPE_WINDOW (ic_window_get_type ())

G_DECLARE_FINAL_TYPE (IcWindow, ic_window, IC, WINDOW, AdwApplicationWindow)

IcWindow *ic_window_new          (IcApplication *application);
/* Shows the page named @name ("challenges", "capabilities",
 * "organisations", "matches", "shortlists"). */
void      ic_window_show_page    (IcWindow      *self,
                                  const char    *name);
/* Shows the records page named @name listing only the records with
 * @ids, under a bar saying @description (see
 * ic_records_page_show_only()). */
void      ic_window_show_records (IcWindow           *self,
                                  const char         *name,
                                  const char * const *ids,
                                  const char         *description);
/* The Shortlists page, showing the shortlist @id. */
void      ic_window_show_shortlist (IcWindow     *self,
                                    const char   *id);
/* Reads every page again after the database changed. */
void      ic_window_reload       (IcWindow      *self);
/* Reads again the pages that show records of @kind. */
void      ic_window_records_changed (IcWindow     *self,
                                     IcRecordKind  kind);
void      ic_window_add_toast    (IcWindow      *self,
                                  AdwToast      *toast);

/* For the pages and views inside a window: shows @toast (transfer
 * floating) in the window that holds @widget, or drops it when there is
 * none yet; and the author the user named in Preferences, or NULL. */
void        ic_window_toast_from   (GtkWidget     *widget,
                                    AdwToast      *toast);
const char *ic_window_author_for   (GtkWidget     *widget);
/* What syncs the window that holds @widget with the feed, or NULL
 * (transfer none). */
IcSyncController *ic_window_sync_controller_for (GtkWidget *widget);

G_END_DECLS
