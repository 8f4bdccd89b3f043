/* ic-store-feed.h — what the feed brings that a record cannot hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two small tables beside the records, for forward compatibility with
 * newer laptops: the fields of a record this version does not know
 * (sent back untouched with every push of the record), and the records
 * it cannot apply at all (the quarantine, tried again at every sync so
 * that an upgrade brings them in).
 */

#pragma once

#include "ic-store.h"

G_BEGIN_DECLS

/* The unknown fields kept for @id, as a JSON object's text, or NULL.
 * Returns: (transfer full) (nullable) */
char      *ic_store_get_extra_fields    (IcStore     *self,
                                         const char  *id,
                                         GError     **error);
/* Keeps @fields (a JSON object's text) for @id; NULL forgets them. */
gboolean   ic_store_set_extra_fields    (IcStore     *self,
                                         const char  *id,
                                         const char  *fields,
                                         GError     **error);
/* How many records have unknown fields kept; -1 on error. */
gint64     ic_store_count_extra_fields  (IcStore     *self,
                                         GError     **error);

/* The base of the local edits of @id waiting to be sent: the record as
 * it was before the first of them (as JSON text), or NULL.
 * Returns: (transfer full) (nullable) */
char      *ic_store_get_base            (IcStore     *self,
                                         const char  *id,
                                         gint64      *rev,
                                         GError     **error);
/* Makes @body (a record's JSON text, at @rev) the base of @id's local
 * edits from now on: after a merge, the server's copy is. */
gboolean   ic_store_set_base            (IcStore     *self,
                                         const char  *id,
                                         gint64       rev,
                                         const char  *body,
                                         GError     **error);

typedef struct
{
  char    *id;
  char    *kind;        /* as the feed named it: perhaps a kind this version does not know */
  gint64   rev;
  gboolean deleted;
  char    *body;        /* the record's JSON as it came, or NULL */
  char    *reason;
  char    *created_at;
} IcQuarantined;

void       ic_quarantined_free          (IcQuarantined *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcQuarantined, ic_quarantined_free)

/* Keeps a record that cannot be applied, over any older one with its
 * id (a newer revision replaces it; an older one is dropped). */
gboolean   ic_store_quarantine          (IcStore     *self,
                                         const char  *id,
                                         const char  *kind,
                                         gint64       rev,
                                         gboolean     deleted,
                                         const char  *body,
                                         const char  *reason,
                                         GError     **error);
/* Returns: (transfer full) (element-type IcQuarantined) (nullable) */
GPtrArray *ic_store_list_quarantine     (IcStore     *self,
                                         guint        limit,
                                         GError     **error);
gint64     ic_store_count_quarantine    (IcStore     *self,
                                         GError     **error);
/* Forgets the quarantined record @id if its rev is @rev or older. */
gboolean   ic_store_release_quarantine  (IcStore     *self,
                                         const char  *id,
                                         gint64       rev,
                                         GError     **error);

G_END_DECLS
