/* ic-shortlist-view-private.h — what the shortlist view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ic-shortlist-view.h"

G_BEGIN_DECLS

struct _IcShortlistView
{
  GtkBox                parent_instance;

  IcStoreService       *service;
  IcShortlistReport    *report;
  IcShortlist          *shortlist;   /* the report's, edited in place */

  gboolean              saving;
  gboolean              save_again;
  gboolean              disposed;     /* a save or export may end after a reload */
  gboolean              changed_elsewhere;  /* a save was refused; nothing is saved until decided */
  gboolean              overwrite;    /* the next save writes over whatever is stored */

  GtkFileChooserNative *chooser;
  GCancellable         *export_cancellable;
  guint                 pulse_id;
  GtkPrintOperation    *print_operation;
  GCancellable         *print_cancellable;  /* reading the shortlist to print */

  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkMenuButton        *export_button;
  GtkButton            *print_button;
  GtkButton            *delete_button;
  GtkRevealer          *changed_revealer;
  GtkLabel             *changed_label;
  GtkButton            *reload_button;
  GtkButton            *keep_button;
  GtkBox               *progress_box;
  GtkProgressBar       *progress_bar;
  GtkButton            *cancel_button;
  GtkListBox           *entries_list;
};

/* The shortlist's name, or a stand-in (transfer none). */
const char *ic_shortlist_view_get_name       (IcShortlistView *self);
/* Shows @toast (transfer floating) in the window. */
void        ic_shortlist_view_toast          (IcShortlistView *self,
                                              AdwToast        *toast);
/* Enables export and print when nothing is being saved, and updates the
 * subtitle. */
void        ic_shortlist_view_update_actions (IcShortlistView *self);

/* ic-shortlist-view-output.c: shortlist.export and shortlist.print. */
void        ic_shortlist_view_class_add_output_actions (GtkWidgetClass  *widget_class);
/* Stops the export under way, if any. */
void        ic_shortlist_view_cancel_export  (IcShortlistView *self);

G_END_DECLS
