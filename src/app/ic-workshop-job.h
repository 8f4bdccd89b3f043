/* ic-workshop-job.h — loading a workshop and its saved schedule, off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ic-workshop.h"

G_BEGIN_DECLS

/* Loads event @event_id of the database at @db_path in a worker thread
 * (with its own IcStore): ic_workshop_load() scores every pair with the
 * matching engine, which takes a while on a large event. */
void        ic_workshop_job_load_async  (const char          *db_path,
                                         const char          *event_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* Returns: (transfer full): the workshop; @schedule gets the saved
 * schedule in its terms, or NULL if there is none (transfer full) */
IcWorkshop *ic_workshop_job_load_finish (GAsyncResult        *result,
                                         IcSchedule         **schedule,
                                         GError             **error);

G_END_DECLS
