/* ic-sample-data-job.h — loading the sample data without blocking the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ic-sample-data.h"

G_BEGIN_DECLS

/* Loads the built-in sample data into the database at @db_path in a
 * worker thread, which opens its own IcStore there. */
void     ic_sample_data_load_async  (const char          *db_path,
                                     const char          *author,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
/* Fills @counts with what was loaded. */
gboolean ic_sample_data_load_finish (GAsyncResult        *result,
                                     IcSampleDataCounts  *counts,
                                     GError             **error);

G_END_DECLS
