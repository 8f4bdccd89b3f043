/* ic-store-rows.h — a few fields of every live record, without objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For readers of whole tables that need a handful of fields and no
 * records: the matcher's corpus reads 100,000 capabilities this way in
 * a fraction of the time that building and finalising as many objects
 * takes.  The values read are those the record would hold: an unset
 * number is the property's default, an out-of-range one is clamped as
 * the property clamps it.
 */

#pragma once

#include "ic-store.h"

G_BEGIN_DECLS

/* One row of ic_store_foreach_row(), valid only during the callback. */
typedef struct _IcStoreRow IcStoreRow;

typedef gboolean (*IcStoreRowFunc) (IcStoreRow *row,
                                    gpointer    user_data);

/* Calls @func with the fields @fields (column names, as in JSON:
 * "id", "organisation_id", "tags"; NULL-terminated) of every live
 * record of @kind, in the order the database keeps them, which is not
 * id order; stops early if @func returns FALSE.  @func must not use
 * the store.  A field @kind does not have is IC_STORE_ERROR_INVALID. */
gboolean      ic_store_foreach_row     (IcStore            *self,
                                        IcRecordKind        kind,
                                        const char * const *fields,
                                        IcStoreRowFunc      func,
                                        gpointer            user_data,
                                        GError            **error);

/* Field @field (an index into the @fields given) of a text field; NULL
 * if unset.  Valid until the callback returns. */
const char   *ic_store_row_get_string  (IcStoreRow         *row,
                                        guint               field);
/* A whole-number field, as the record would hold it. */
int           ic_store_row_get_int     (IcStoreRow         *row,
                                        guint               field);
/* A list field as stored (tags are stored normalised).
 * Returns: (transfer full) */
char        **ic_store_row_dup_strv    (IcStoreRow         *row,
                                        guint               field);

G_END_DECLS
