/* ic-shortlist-entry.h — one capability on a shortlist, with the score it had when added
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ic-model-types.h"

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

/* Checks the entry; @position (from 1) is named in the message. */
gboolean ic_shortlist_entry_validate (IcShortlistEntry *self,
                                      guint             position,
                                      GError          **error);

G_END_DECLS
