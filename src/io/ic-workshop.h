/* ic-workshop.h — an event from the store as a scheduling problem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the CLI's schedule and export agenda commands, and the app's
 * Workshop page, need between the store, the matching engine and the
 * meeting scheduler.  Each
 * participant brings challenges or capabilities: the one it has, or,
 * when it has both or neither, what its kind suggests (large firms and
 * public bodies bring challenges, everyone else capabilities).  A
 * meeting's score is the best match score between a challenge of the
 * challenge owner and a capability of the capability owner.
 */

#pragma once

#include "ic-agenda.h"
#include "ic-event.h"
#include "ic-meeting-scheduler.h"
#include "ic-store.h"

G_BEGIN_DECLS

/* The best-matching challenge and capability of one pair. */
typedef struct
{
  char   *challenge_id;
  char   *challenge_title;
  char   *capability_id;
  char   *capability_title;
  char   *challenge_contact;     /* the people to meet; may be NULL */
  char   *capability_contact;
  double  score;
} IcWorkshopMatch;

typedef struct
{
  IcEvent           *event;
  IcScheduleProblem *problem;
  guint              n;         /* participants, in the event's order */
  char             **ids;       /* organisation ids */
  char             **names;     /* organisation names (the id if it is gone) */
  IcWorkshopMatch   *matches;   /* n × n, [challenge owner × n + capability owner] */
  GHashTable        *index;     /* organisation id → participant number + 1 */
} IcWorkshop;

void                   ic_workshop_free                (IcWorkshop      *workshop);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcWorkshop, ic_workshop_free)

/* Loads event @event_id (not a tombstone), works out the roles and
 * scores every pair with the matching engine.
 * Returns: (transfer full) (nullable) */
IcWorkshop            *ic_workshop_load                (IcStore         *store,
                                                        const char      *event_id,
                                                        GError         **error);

/* The match of a meeting's pair (transfer none). */
const IcWorkshopMatch *ic_workshop_get_match           (IcWorkshop      *workshop,
                                                        const IcMeeting *meeting);

/* The schedule as `schedule --json` prints it and the store keeps it:
 * {"event_id", "objective", "meetings": [{"slot", "table",
 * "challenge_organisation_id", "capability_organisation_id",
 * "challenge_id", "capability_id", "score"}]}.
 * Returns: (transfer full) */
JsonNode              *ic_workshop_schedule_to_json    (IcWorkshop      *workshop,
                                                        IcSchedule      *schedule);
/* A stored schedule in terms of @workshop's participants; meetings of
 * organisations no longer taking part (or no longer in that role) are
 * left out, for the scheduler to repair.
 * Returns: (transfer full) (nullable) */
IcSchedule            *ic_workshop_schedule_from_json  (IcWorkshop      *workshop,
                                                        const char      *json,
                                                        GError         **error);

/* The stored schedule repaired after the event changed (unless @fresh),
 * else a new one; saved back to the store.  *@kept says how many earlier
 * meetings stayed (-1 if there was no earlier schedule).  Runs the
 * scheduler on this thread: the app runs ic_meeting_scheduler_solve_async()
 * on @workshop->problem itself and saves with ic_workshop_save_schedule().
 * Returns: (transfer full) (nullable) */
IcSchedule            *ic_workshop_schedule            (IcWorkshop      *workshop,
                                                        IcStore         *store,
                                                        gboolean         fresh,
                                                        int             *kept,
                                                        GError         **error);
/* Saves @schedule as the event's schedule. */
gboolean               ic_workshop_save_schedule       (IcWorkshop      *workshop,
                                                        IcStore         *store,
                                                        IcSchedule      *schedule,
                                                        GError         **error);

/* The agendas of @schedule, a page per participant in name order.
 * Returns: (transfer full) */
IcAgenda              *ic_workshop_make_agenda         (IcWorkshop      *workshop,
                                                        IcSchedule      *schedule);

G_END_DECLS
