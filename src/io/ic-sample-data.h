/* ic-sample-data.h — the built-in sample records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ic-store-service.h"

G_BEGIN_DECLS

typedef struct
{
  guint    organisations;
  guint    challenges;
  guint    capabilities;
  guint    foresight;
  gboolean already_loaded;
} IcSampleDataCounts;

/* Parses the sample data compiled into the program.
 * Returns: (transfer full) (element-type IcRecord): organisations first */
GPtrArray *ic_sample_data_read (GError             **error);

/* Loads the sample data into @store in one transaction.  If it is
 * there already, sets @counts->already_loaded and changes nothing. */
gboolean   ic_sample_data_load (IcStore             *store,
                                const char          *author,
                                IcSampleDataCounts  *counts,
                                GError             **error);

/* ic_sample_data_load() as a job of @service. */
void       ic_sample_data_load_async  (IcStoreService      *service,
                                       const char          *author,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
/* Fills @counts with what was loaded. */
gboolean   ic_sample_data_load_finish (GAsyncResult        *result,
                                       IcSampleDataCounts  *counts,
                                       GError             **error);

G_END_DECLS
