/* ic-import-values.h — spreadsheet cells into record fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cell is text as a person typed it: "£50k", "31/12/2025", "Large
 * firm", "Low carbon and energy", "B15 2TT".  These helpers turn it into
 * the value a record's field holds, leaving the rules that need the
 * whole record (TRL 1–9, a known cluster…) to ic_record_validate().
 */

#pragma once

#include "ic-record.h"
#include "ic-taxonomy.h"

G_BEGIN_DECLS

/* Sets @target (a mapping target other than id and organisation) of
 * @record from @text; an empty cell clears the field to its default.
 * An error's message says what is wrong with the value, without the
 * row or column, which the caller adds; a cluster or place that no
 * name of the taxonomy matches is IC_IO_ERROR_UNMATCHED, and leaves
 * the field empty.  A value taken with a change the person should
 * know of ("6-7" where one TRL goes) sets @note (may be NULL). */
gboolean  ic_import_value_apply         (IcRecord    *record,
                                         const char  *target,
                                         const char  *text,
                                         IcTaxonomy  *taxonomy,
                                         char       **note,
                                         GError     **error);

/* How the texts of several columns mapped to @target join into one. */
const char *ic_import_value_separator   (const char  *target);

/* "31/12/2025", "03/11/26", "3 Nov 2026", "2025-12-31" or "2025/12/31"
 * → "2025-12-31" (day first, as in Britain); anything
 * else is returned trimmed, for validation to judge.
 * Returns: (transfer full) */
char     *ic_import_value_parse_date    (const char  *text);

/* "£50,000", "50k", "1.5m", "c. £20k", "up to 40" → 50000, 50000,
 * 1500000, 20000, 40. */
gboolean  ic_import_value_parse_amount  (const char  *text,
                                         gint64      *amount);

G_END_DECLS
