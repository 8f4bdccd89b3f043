/* ic-agenda-print.h — printing a workshop's agendas, a page per participant
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ic-agenda.h"

G_BEGIN_DECLS

/* Called when printing is over: @error is NULL on success or when the
 * person cancelled. */
typedef void (*IcAgendaPrintDone) (GError   *error,
                                   gpointer  user_data);

/* Shows the print dialog for @agenda over @parent and prints each page
 * with ic_agenda_draw_page(); @done (may be NULL) is called once. */
void ic_agenda_print (IcAgenda          *agenda,
                      GtkWindow         *parent,
                      IcAgendaPrintDone  done,
                      gpointer           user_data);

G_END_DECLS
