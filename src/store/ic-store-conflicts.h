/* ic-store-conflicts.h — local copies that lost to the feed, kept for the user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sync never loses data.  When the server's copy of a record wins over
 * a local edit, the local version is kept here until the user resolves
 * it (keep mine, keep theirs, merge).  The same table holds local edits
 * the server refused, and server records that wait for a record they
 * name (a challenge whose organisation has not arrived).  Records are
 * kept whole, in their JSON shape.
 */

#pragma once

#include "ic-store.h"

G_BEGIN_DECLS

typedef enum
{
  IC_CONFLICT_EDIT,       /* a local edit lost to the server's copy */
  IC_CONFLICT_REJECTED,   /* the server refused a local edit */
  IC_CONFLICT_WAITING,    /* a server record that names a record not here yet */
} IcConflictType;

typedef struct
{
  gint64          id;
  IcConflictType  type;
  char           *record_id;
  gint64          server_rev;   /* the server's rev when it happened; 0 if unknown */
  char           *reason;       /* in words, for the user */
  char           *created_at;
  IcRecord       *record;       /* the kept copy */
  IcRecord       *base;         /* what both sides started from, or NULL */
  GStrv           fields;       /* with a base: the fields both sides changed */
} IcConflict;

void        ic_conflict_free           (IcConflict     *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcConflict, ic_conflict_free)

/* Keeps a copy of @record.  The same copy kept twice for the same
 * server rev is kept once. */
gboolean    ic_store_add_conflict      (IcStore        *self,
                                        IcConflictType  type,
                                        IcRecord       *record,
                                        gint64          server_rev,
                                        const char     *reason,
                                        GError        **error);
/* ic_store_add_conflict() for an edit that lost to the server's copy,
 * with the state both started from and the fields (NULL-terminated)
 * changed on both sides: the conflicts view shows before, mine and
 * theirs. */
gboolean    ic_store_add_conflict_with_base (IcStore            *self,
                                             IcRecord           *record,
                                             gint64              server_rev,
                                             const char         *reason,
                                             IcRecord           *base,
                                             const char * const *fields,
                                             GError            **error);
/* Conflicts of @type (-1 for every type), oldest first.
 * Returns: (transfer full) (element-type IcConflict) (nullable) */
GPtrArray  *ic_store_list_conflicts    (IcStore        *self,
                                        int             type,
                                        guint           offset,
                                        guint           limit,
                                        GError        **error);
/* The conflict numbered @conflict_id; IC_STORE_ERROR_NOT_FOUND if there
 * is none (it was resolved).  Returns: (transfer full) (nullable) */
IcConflict *ic_store_get_conflict      (IcStore        *self,
                                        gint64          conflict_id,
                                        GError        **error);
/* -1 on error. */
gint64      ic_store_count_conflicts   (IcStore        *self,
                                        int             type,
                                        GError        **error);
/* Forgets one conflict, once resolved. */
gboolean    ic_store_remove_conflict   (IcStore        *self,
                                        gint64          conflict_id,
                                        GError        **error);

G_END_DECLS
