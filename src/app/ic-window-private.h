/* ic-window-private.h — what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ic-store-service.h"
#include "ic-sync-controller.h"
#include "ic-window.h"

G_BEGIN_DECLS

struct _IcWindow
{
  AdwApplicationWindow  parent_instance;

  IcStoreService       *service;
  GSettings            *settings;
  GCancellable         *cancellable;
  GBinding             *search_binding;
  IcSyncController     *sync;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *content_pane;
  GtkListBox           *sidebar_list;
  GtkStack             *stack;
  AdwWindowTitle       *content_title;
  GtkToggleButton      *search_button;
  AdwBin               *sync_slot;
};

/* The name written into records edited here (transfer none). */
const char *ic_window_get_author       (IcWindow       *self);
/* The page on screen (transfer none). */
GtkWidget  *ic_window_get_visible_page (IcWindow       *self);
/* A toast "@what: <the error's message>". */
void        ic_window_show_error_toast (IcWindow       *self,
                                        const char     *what,
                                        const GError   *error);

/* ic-window-actions.c: installs the win.* actions. */
void        ic_window_class_add_actions (GtkWidgetClass *widget_class);

G_END_DECLS
