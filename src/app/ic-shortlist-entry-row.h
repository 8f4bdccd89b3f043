/* ic-shortlist-entry-row.h — one capability on a shortlist, its stage and note edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ic-shortlist-entry.h"

G_BEGIN_DECLS

#define IC_TYPE_SHORTLIST_ENTRY_ROW (ic_shortlist_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (IcShortlistEntryRow, ic_shortlist_entry_row, IC, SHORTLIST_ENTRY_ROW, GtkListBoxRow)

/* A row for @entry, which it edits in place: it emits "changed" once the
 * stage or the note differ, "move" (-1 up, +1 down) and "remove" when the
 * person asks.  @title, @organisation and @why are shown as given. */
GtkWidget        *ic_shortlist_entry_row_new       (IcShortlistEntry    *entry,
                                                    const char          *title,
                                                    const char          *organisation,
                                                    const char          *why);
IcShortlistEntry *ic_shortlist_entry_row_get_entry (IcShortlistEntryRow *self);
const char       *ic_shortlist_entry_row_get_title (IcShortlistEntryRow *self);
/* Shows @rank (from 1) and whether the row can move up or down. */
void              ic_shortlist_entry_row_set_position (IcShortlistEntryRow *self,
                                                       guint                rank,
                                                       guint                n_entries);
/* Writes a note still being typed into the entry; emits "changed" if
 * that changes it. */
void              ic_shortlist_entry_row_commit_note (IcShortlistEntryRow *self);

G_END_DECLS
