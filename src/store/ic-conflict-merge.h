/* ic-conflict-merge.h — resolving a kept conflict copy, field by field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Mine" is the local copy the store kept when a sync lost it; "theirs"
 * is the record as stored now (the feed's copy).  Resolving writes the
 * chosen fields over theirs as an ordinary local edit, so the next sync
 * pushes it, and forgets the conflict.  The conflicts window and
 * `interchange-cli conflicts` share it.
 */

#pragma once

#include "ic-store-conflicts.h"

G_BEGIN_DECLS

/* One field whose value differs between the two copies. */
typedef struct
{
  char *name;     /* the record's JSON member, e.g. "title" */
  char *mine;     /* the value as text; "" for none */
  char *theirs;
} IcConflictField;

void        ic_conflict_field_free  (IcConflictField *field);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcConflictField, ic_conflict_field_free)

/* The user fields that differ between @mine and @theirs (NULL: a record
 * that is not there any more), in the record's own order; identity and
 * bookkeeping (id, rev, updated_at, author) are left out.
 * Returns: (transfer full) (element-type IcConflictField) */
GPtrArray  *ic_conflict_diff        (IcRecord           *mine,
                                     IcRecord           *theirs);

/* A copy of @theirs with the fields named in @from_mine taken from
 * @mine.  Returns: (transfer full) (nullable) */
IcRecord   *ic_conflict_merge       (IcRecord           *mine,
                                     IcRecord           *theirs,
                                     const char * const *from_mine,
                                     GError            **error);

/* Resolves @conflict in @store: the fields named in @from_mine (NULL or
 * empty: keep theirs as it is) are written over the stored record as an
 * edit by @author, then the conflict is forgotten. */
gboolean    ic_conflict_resolve     (IcStore            *store,
                                     IcConflict         *conflict,
                                     const char * const *from_mine,
                                     const char         *author,
                                     GError            **error);
/* Resolves @conflict for mine as a whole: every field of the kept copy
 * is written over the stored record (bringing back one deleted on the
 * feed), or, where the kept copy is a delete, the record is deleted. */
gboolean    ic_conflict_keep_mine   (IcStore            *store,
                                     IcConflict         *conflict,
                                     const char         *author,
                                     GError            **error);

G_END_DECLS
