/* ic-store-exclusions.h — pairs the user said are not a match
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A challenge and a capability that a person judged wrong for each
 * other: the matcher never pairs them again (a hard filter), until the
 * person includes the pair again.  Each pair is a shared record of the
 * kind "excluded_pair" (ic-exclusion.h), so the judgement syncs with
 * the team like any record: an include is its tombstone.
 */

#pragma once

#include "ic-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *challenge_id;
  char *capability_id;
  char *created_at;      /* RFC 3339 UTC, when it was last excluded */
  IcDeclineReason reason;
  char *reason_text;     /* for IC_DECLINE_REASON_OTHER; may be NULL */
  char *author;          /* who last excluded it; may be NULL */
} IcExcludedPair;

void          ic_excluded_pair_free         (IcExcludedPair  *pair);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcExcludedPair, ic_excluded_pair_free)

/* Excludes the pair, as an edit by @author (may be NULL); excluding it
 * again changes nothing.  A challenge or capability that does not exist
 * (tombstones do) is IC_STORE_ERROR_NOT_FOUND. */
gboolean      ic_store_exclude_pair_by      (IcStore          *self,
                                             const char       *challenge_id,
                                             const char       *capability_id,
                                             const char       *author,
                                             GError          **error);
/* The same with why: @reason and, for IC_DECLINE_REASON_OTHER (where it
 * is required), @reason_text.  Excluding it again for another reason
 * changes the reason. */
gboolean      ic_store_exclude_pair_with_reason (IcStore      *self,
                                             const char       *challenge_id,
                                             const char       *capability_id,
                                             IcDeclineReason   reason,
                                             const char       *reason_text,
                                             const char       *author,
                                             GError          **error);
/* ic_store_exclude_pair_by() with no author. */
gboolean      ic_store_exclude_pair         (IcStore          *self,
                                             const char       *challenge_id,
                                             const char       *capability_id,
                                             GError          **error);
/* Includes the pair again (its record becomes a tombstone), as an edit
 * by @author; IC_STORE_ERROR_NOT_FOUND if it was not excluded. */
gboolean      ic_store_include_pair_by      (IcStore          *self,
                                             const char       *challenge_id,
                                             const char       *capability_id,
                                             const char       *author,
                                             GError          **error);
/* ic_store_include_pair_by() with no author. */
gboolean      ic_store_include_pair         (IcStore          *self,
                                             const char       *challenge_id,
                                             const char       *capability_id,
                                             GError          **error);
/* The excluded pairs of @challenge_id (NULL: of every challenge),
 * ordered by challenge and then capability id.
 * Returns: (transfer full) (element-type IcExcludedPair) (nullable) */
GPtrArray    *ic_store_list_excluded_pairs  (IcStore          *self,
                                             const char       *challenge_id,
                                             GError          **error);

G_END_DECLS
