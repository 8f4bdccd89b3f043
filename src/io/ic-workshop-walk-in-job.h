/* ic-workshop-walk-in-job.h — a walk-in on the day, off the main
 * thread: the organisation (made if new) joins the event from a slot,
 * and the rest of the day is re-scheduled keeping the most announced
 * meetings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ic-store-service.h"
#include "ic-workshop.h"

G_BEGIN_DECLS

/* Adds organisation @organisation_id, or a new SME called @new_name
 * when that is NULL, to event @event_id from slot @slot on (from 0),
 * saves the event, re-schedules the slots from @first_open on as
 * `interchange-cli workshop walk-in` does and saves the schedule.
 * Nothing is written when the organisation takes part already, the
 * slot does not exist or the name is empty. */
void        ic_workshop_walk_in_job_async  (IcStoreService       *service,
                                            const char           *event_id,
                                            const char           *organisation_id,
                                            const char           *new_name,
                                            guint                 slot,
                                            guint                 first_open,
                                            const char           *author,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
/* Returns: (transfer full): the workshop with the walk-in (last);
 * @before gets the announced schedule in its terms (nullable) and
 * @after the new one (both transfer full) */
IcWorkshop *ic_workshop_walk_in_job_finish (GAsyncResult         *result,
                                            IcSchedule          **before,
                                            IcSchedule          **after,
                                            GError              **error);

/* Every organisation, by name, as a job of @service.
 * Returns: (transfer full) (element-type IcOrganisation) */
void        ic_workshop_walk_in_list_organisations_async  (IcStoreService       *service,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
GPtrArray  *ic_workshop_walk_in_list_organisations_finish (GAsyncResult         *result,
                                                           GError              **error);

G_END_DECLS
