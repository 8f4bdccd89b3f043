/* ic-store-schema.h — the database schema and its migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to the store.  The schema version lives in PRAGMA
 * user_version; version N is reached by running migration steps 1…N in
 * order, each in its own transaction.
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

guint    ic_store_schema_get_latest   (void);

gboolean ic_store_schema_read_version (sqlite3   *db,
                                       guint     *version,
                                       GError   **error);

/* Runs the steps that take @db from its version to @target.  A database
 * newer than this program is IC_STORE_ERROR_TOO_NEW. */
gboolean ic_store_schema_migrate      (sqlite3   *db,
                                       guint      target,
                                       GError   **error);

G_END_DECLS
