/* ic-shortlist-entry.h — one capability on a shortlist, with the score it had when added
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ic-model-types.h"
#include "ic-stage-change.h"

G_BEGIN_DECLS

#define IC_TYPE_SHORTLIST_ENTRY (ic_shortlist_entry_get_type ())

G_DECLARE_FINAL_TYPE (IcShortlistEntry, ic_shortlist_entry, IC, SHORTLIST_ENTRY, GObject)

IcShortlistEntry *ic_shortlist_entry_new (void);

const char *ic_shortlist_entry_get_capability_id (IcShortlistEntry *self);
void ic_shortlist_entry_set_capability_id (IcShortlistEntry *self,
                                           const char *capability_id);
double ic_shortlist_entry_get_score (IcShortlistEntry *self);
void ic_shortlist_entry_set_score (IcShortlistEntry *self,
                                   double score);
const char *ic_shortlist_entry_get_explanation (IcShortlistEntry *self);
void ic_shortlist_entry_set_explanation (IcShortlistEntry *self,
                                         const char *explanation);
const char *ic_shortlist_entry_get_note (IcShortlistEntry *self);
void ic_shortlist_entry_set_note (IcShortlistEntry *self,
                                  const char *note);
IcStage ic_shortlist_entry_get_stage (IcShortlistEntry *self);
void ic_shortlist_entry_set_stage (IcShortlistEntry *self,
                                   IcStage stage);

/* Every move of the entry to a stage, oldest first: a GListStore of
 * IcStageChange that the entry owns (transfer none). */
GListStore    *ic_shortlist_entry_get_stages        (IcShortlistEntry *self);
/* The latest change, or NULL (transfer none). */
IcStageChange *ic_shortlist_entry_get_last_change   (IcShortlistEntry *self);
/* Puts @change in its place by time and moves the entry to the stage of
 * the latest change (a change dated earlier than the others is history
 * and leaves the stage as it is). */
void           ic_shortlist_entry_add_stage_change  (IcShortlistEntry *self,
                                                     IcStageChange    *change);
/* An entry whose stage is not the one its last change moved it to (a
 * record written before stages were dated, or a stage set directly)
 * gets a change to its stage at @at by @author.  TRUE if one was added. */
gboolean       ic_shortlist_entry_complete_stages   (IcShortlistEntry *self,
                                                     const char       *at,
                                                     const char       *author);

/* Checks the entry; @position (from 1) is named in the message. */
gboolean ic_shortlist_entry_validate (IcShortlistEntry *self,
                                      guint             position,
                                      GError          **error);

G_END_DECLS
