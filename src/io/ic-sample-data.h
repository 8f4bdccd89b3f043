/* ic-sample-data.h — the built-in sample records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ic-store.h"

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

G_END_DECLS
