/* ic-event-add-from.h — many participants for the event editor at
 * once: the owners of chosen challenges, the SMEs of a shortlist, or
 * the rows of a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Called with the participants to add (element-type
 * IcEventParticipant), only when the person confirms; @message (may be
 * NULL) says why none can be added. */
typedef void (*IcEventAddFromFunc) (GtkWidget  *editor,
                                    GPtrArray  *participants,
                                    const char *message);

/* Asks which of @challenges (element-type IcChallenge) bring their
 * owners; @names maps organisation ids to names. */
void ic_event_add_from_challenges (GtkWidget          *editor,
                                   GPtrArray          *challenges,
                                   GHashTable         *names,
                                   IcEventAddFromFunc  func);
/* Asks which of @shortlists (element-type IcShortlist) brings the
 * organisations of its capabilities; @capability_owners maps a
 * capability id to its organisation's id. */
void ic_event_add_from_shortlist  (GtkWidget          *editor,
                                   GPtrArray          *shortlists,
                                   GHashTable         *capability_owners,
                                   IcEventAddFromFunc  func);
/* Asks for a CSV file (ic_event_csv_read_participants()) of
 * @organisations (element-type IcOrganisation), for an event of
 * @n_slots slots; a bad row is named in @message and adds nobody. */
void ic_event_add_from_csv        (GtkWidget          *editor,
                                   guint               n_slots,
                                   GPtrArray          *organisations,
                                   IcEventAddFromFunc  func);

G_END_DECLS
