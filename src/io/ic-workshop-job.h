/* ic-workshop-job.h — loading a workshop and its saved schedule, off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ic-store-service.h"
#include "ic-workshop.h"

G_BEGIN_DECLS

/* Loads event @event_id as a job of @service: ic_workshop_load() scores
 * every pair with the matching engine, which takes a while on a large
 * event. */
void        ic_workshop_job_load_async  (IcStoreService      *service,
                                         const char          *event_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* Returns: (transfer full): the workshop; @schedule gets the saved
 * schedule in its terms, or NULL if there is none (transfer full) */
IcWorkshop *ic_workshop_job_load_finish (GAsyncResult        *result,
                                         IcSchedule         **schedule,
                                         GError             **error);
/* After a load that succeeded: the conflict-of-interest rules between
 * its participants, whose meetings the problem forbids
 * (ic_workshop_forbid_conflicts()).
 * Returns: (transfer none) (element-type IcCurationEntry) */
GPtrArray  *ic_workshop_job_load_get_rules (GAsyncResult   *result);

/* ic_workshop_save_schedule() as a job of @service: the schedule is put
 * into words here, so @workshop and @schedule are free to change or go
 * once this returns. */
void        ic_workshop_job_save_schedule_async  (IcWorkshop          *workshop,
                                                  IcStoreService      *service,
                                                  IcSchedule          *schedule,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean    ic_workshop_job_save_schedule_finish (GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
