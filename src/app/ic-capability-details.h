/* ic-capability-details.h — a capability in full, over the page that lists it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ic-store-service.h"

G_BEGIN_DECLS

/* Reads capability @capability_id and its organisation through
 * @service, then shows them (the full description, the contact, the
 * website, TRL, place and size) in a dialog over @parent's window.
 * With @shortlist_action (an action name taking the id, may be NULL)
 * the dialog offers "Add to Shortlist" too. */
void ic_capability_details_show (GtkWidget      *parent,
                                 IcStoreService *service,
                                 const char     *capability_id,
                                 const char     *shortlist_action);

G_END_DECLS
