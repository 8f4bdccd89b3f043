/* ic-shortlist.h — capabilities chosen for a challenge, in order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ic-record.h"
#include "ic-shortlist-entry.h"

G_BEGIN_DECLS

#define IC_TYPE_SHORTLIST (ic_shortlist_get_type ())

G_DECLARE_FINAL_TYPE (IcShortlist, ic_shortlist, IC, SHORTLIST, IcRecord)

IcShortlist *ic_shortlist_new                  (void);

const char  *ic_shortlist_get_challenge_id     (IcShortlist      *self);
void         ic_shortlist_set_challenge_id     (IcShortlist      *self,
                                                const char       *challenge_id);
const char  *ic_shortlist_get_name             (IcShortlist      *self);
void         ic_shortlist_set_name             (IcShortlist      *self,
                                                const char       *name);
/* The entries, in shortlist order: a GListStore of IcShortlistEntry
 * that the shortlist owns (transfer none). */
GListStore  *ic_shortlist_get_entries          (IcShortlist      *self);
/* The entry for @capability_id, or NULL (transfer none). */
IcShortlistEntry *ic_shortlist_find_entry      (IcShortlist      *self,
                                                const char       *capability_id,
                                                guint            *position);

/* Completes each entry's stage changes (ic_shortlist_entry_complete_stages()):
 * a shortlist written before stages were dated reads as one change per
 * entry, at @at (its updated_at) by @author.  Returns how many were added. */
guint        ic_shortlist_complete_stages      (IcShortlist      *self,
                                                const char       *at,
                                                const char       *author);

G_END_DECLS
