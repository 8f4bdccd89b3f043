/* ic-store-stages.h — the dated stage changes of shortlist entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every shortlist entry carries its stage changes (the entry's "stages",
 * part of the shortlist record and synced with it).  The store keeps
 * them in step in a table of their own, written inside the shortlist's
 * write, so that questions over time (which entries reached a stage
 * when, how long an entry has been at one) are asked without reading
 * whole shortlists.  A change that is missing (a record written before
 * stages were dated, or a stage set without a change) is written as a
 * change to the entry's stage at the shortlist's updated_at by its
 * author.
 */

#pragma once

#include "ic-store.h"
#include "ic-stage-change.h"

G_BEGIN_DECLS

typedef struct
{
  char          *shortlist_id;
  char          *capability_id;
  IcStageChange *change;
} IcStoreStageChange;

void        ic_store_stage_change_free   (IcStoreStageChange *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcStoreStageChange, ic_store_stage_change_free)

/* The stage changes of the entries of @shortlist_id (NULL: of every
 * shortlist that is not a tombstone), ordered by shortlist, capability
 * and time, oldest first.
 * Returns: (transfer full) (element-type IcStoreStageChange) (nullable) */
GPtrArray  *ic_store_list_stage_changes  (IcStore     *self,
                                          const char  *shortlist_id,
                                          GError     **error);

/* The latest change of each entry of a shortlist that is not a
 * tombstone, made before @before (RFC 3339; NULL: any time): the stage
 * each entry was at then and since when.  Ordered by shortlist and
 * capability.
 * Returns: (transfer full) (element-type IcStoreStageChange) (nullable) */
GPtrArray  *ic_store_list_current_stages (IcStore     *self,
                                          const char  *before,
                                          GError     **error);

G_END_DECLS
