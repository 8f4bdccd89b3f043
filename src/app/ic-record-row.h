/* ic-record-row.h — one row of an IcRecordListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row stands for a position in the list, not for a record: the model
 * gives a view the same row for a position until the row count shrinks
 * past it, and puts whichever record is at that position into it —
 * nothing until its page is read, then the record, then another record
 * when a search, filter or sort moves a different one there.  A view
 * that binds to the row and follows notify::record redraws a row in
 * place instead of destroying its widgets and making new ones.
 */

#pragma once

#include <glib-object.h>

#include "ic-record.h"

G_BEGIN_DECLS

#define IC_TYPE_RECORD_ROW (ic_record_row_get_type ())

G_DECLARE_FINAL_TYPE (IcRecordRow, ic_record_row, IC, RECORD_ROW, GObject)

IcRecordRow *ic_record_row_new        (guint        position);
/* The position the row stands for. */
guint        ic_record_row_get_position (IcRecordRow *self);
/* The record at the row's position, or NULL while its page is still
 * being read (transfer none) (nullable). */
IcRecord    *ic_record_row_get_record (IcRecordRow *self);
/* Notifies "record" only if @record is another one. */
void         ic_record_row_set_record (IcRecordRow *self,
                                       IcRecord    *record);

G_END_DECLS
