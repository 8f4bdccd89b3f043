/* ic-facilitator-window.h — a challenge and its live shortlist, full screen, for projecting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ic-meeting-scheduler.h"
#include "ic-event.h"
#include "ic-store-service.h"

G_BEGIN_DECLS

#define IC_TYPE_FACILITATOR_WINDOW (ic_facilitator_window_get_type ())

G_DECLARE_FINAL_TYPE (IcFacilitatorWindow, ic_facilitator_window, IC, FACILITATOR_WINDOW, AdwWindow)

/* A window that goes full screen when shown; Escape or its button
 * leaves it.  The weights start as the Matches page's and are not
 * saved: a room's what-ifs change nothing for later. */
GtkWidget *ic_facilitator_window_new     (IcStoreService     *service);
/* Ties the view to a workshop: it shows only the challenges of its
 * participants, and above them the slot on now with a countdown, the
 * next one, who meets at which table, and who is not there.  @names and
 * @ids are by participant number in @problem and @schedule (may be
 * NULL: nothing scheduled yet); all are copied or referenced. */
void       ic_facilitator_window_set_day (IcFacilitatorWindow *self,
                                          IcEvent             *event,
                                          const char * const  *ids,
                                          const char * const  *names,
                                          IcScheduleProblem   *problem,
                                          IcSchedule          *schedule);

G_END_DECLS
