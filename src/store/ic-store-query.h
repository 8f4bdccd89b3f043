/* ic-store-query.h — which records a list shows, and in what order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ic-model-types.h"

G_BEGIN_DECLS

#define IC_TYPE_STORE_QUERY (ic_store_query_get_type ())

G_DECLARE_FINAL_TYPE (IcStoreQuery, ic_store_query, IC, STORE_QUERY, GObject)

IcStoreQuery *ic_store_query_new                (void);
/* A new query that selects what @self selects, in the same order: for
 * a worker while the caller goes on changing @self.
 * Returns: (transfer full) */
IcStoreQuery *ic_store_query_copy               (IcStoreQuery *self);

/* Words typed by a person; matched through the full-text index as
 * prefixes, every word required.  NULL or "" matches everything.
 * Results are ordered by relevance when a search is set. */
void          ic_store_query_set_search         (IcStoreQuery *self,
                                                 const char   *search);
const char   *ic_store_query_get_search         (IcStoreQuery *self);
void          ic_store_query_set_cluster        (IcStoreQuery *self,
                                                 const char   *cluster);
const char   *ic_store_query_get_cluster        (IcStoreQuery *self);
void          ic_store_query_set_local_authority (IcStoreQuery *self,
                                                 const char   *local_authority);
const char   *ic_store_query_get_local_authority (IcStoreQuery *self);
/* Challenges only; -1 (the default) for any status. */
void          ic_store_query_set_status         (IcStoreQuery *self,
                                                 int           status);
int           ic_store_query_get_status         (IcStoreQuery *self);
/* Challenges, capabilities and shortlists of one organisation or
 * challenge (a shortlist's challenge_id). */
void          ic_store_query_set_owner_id       (IcStoreQuery *self,
                                                 const char   *owner_id);
const char   *ic_store_query_get_owner_id       (IcStoreQuery *self);
/* Sort by a field (a JSON name such as "title", "updated_at", "trl");
 * NULL sorts by title or name.  Ties are broken by id. */
void          ic_store_query_set_sort           (IcStoreQuery *self,
                                                 const char   *field,
                                                 gboolean      descending);
const char   *ic_store_query_get_sort_field     (IcStoreQuery *self);
gboolean      ic_store_query_get_sort_descending (IcStoreQuery *self);
/* Include tombstones; off by default. */
void          ic_store_query_set_include_deleted (IcStoreQuery *self,
                                                 gboolean      include_deleted);
gboolean      ic_store_query_get_include_deleted (IcStoreQuery *self);
/* Only the records with these ids (NULL: no such limit; an empty
 * list selects nothing), e.g. the records an import just wrote. */
void          ic_store_query_set_ids            (IcStoreQuery       *self,
                                                 const char * const *ids);
const char * const *ic_store_query_get_ids      (IcStoreQuery       *self);

G_END_DECLS
