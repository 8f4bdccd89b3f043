/* ic-event-csv.h — participants for an event from a CSV file, each
 * row an organisation (by name or id), how many meetings it wants at
 * most and the slots it can meet in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ic-event.h"

G_BEGIN_DECLS

/* Reads participants from @stream: a header row, then one row each.
 * Columns (any order, names in any case; others are ignored):
 *   organisation   a name or an id of one of @organisations (needed);
 *   max_meetings   a whole number from 1 (empty: no limit);
 *   available      slot numbers from 1, e.g. "1-3, 5" (empty: every slot).
 * @organisations: (element-type IcOrganisation)
 * Fails with IC_IO_ERROR_ROW naming the row (as a spreadsheet counts
 * them, the header is row 1) and the column of the first bad cell, or
 * IC_IO_ERROR_HEADER without an organisation column; blank rows are
 * passed over.
 * Returns: (transfer full) (element-type IcEventParticipant) (nullable) */
GPtrArray *ic_event_csv_read_participants (GInputStream  *stream,
                                           guint          n_slots,
                                           GPtrArray     *organisations,
                                           GCancellable  *cancellable,
                                           GError       **error);

/* Adds each of @participants (element-type IcEventParticipant) to
 * @event that does not take part yet.
 * Returns: how many were added */
guint      ic_event_csv_add_participants  (IcEvent       *event,
                                           GPtrArray     *participants);

/* "1-3, 5" (slot numbers from 1) into slot indexes from 0, appended to
 * @slots (of guint32); FALSE with @message (transfer full) naming the
 * piece that cannot be read. */
gboolean   ic_event_csv_parse_slots       (const char    *text,
                                           guint          n_slots,
                                           GArray        *slots,
                                           char         **message);

G_END_DECLS
