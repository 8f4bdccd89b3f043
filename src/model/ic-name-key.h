/* ic-name-key.h — what makes two records the same one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An organisation is known by its name and a challenge or capability by
 * its organisation and title.  These functions say when two of them are
 * the same, for the store's unique rule (ic-store-write.c) and for the
 * import's matching of rows to stored records (ic-import-rows.c): both
 * must agree, so both use these.
 */

#pragma once

#include "ic-record.h"

G_BEGIN_DECLS

/* @text with case and spacing folded: "  Smart   Sensors " and
 * "smart sensors" give the same.
 * Returns: (transfer full) */
char *ic_name_key_fold         (const char *text);
/* The runs of letters and digits of @text, lower case, joined by "_":
 * "Smith & Sons, Ltd." gives "smith_sons_ltd".
 * Returns: (transfer full) */
char *ic_name_key_words        (const char *text);
/* What makes two organisations' names the same firm: case, punctuation,
 * "and"/"&", a first "The" and a last "Ltd", "Limited", "PLC", "LLP"
 * or "Inc" do not count.
 * Returns: (transfer full) */
char *ic_name_key_organisation (const char *name);
/* The key of a challenge or capability of @organisation_id called
 * @title: the organisation and the folded title.
 * Returns: (transfer full) */
char *ic_name_key_titled       (const char *organisation_id,
                                const char *title);
/* The key that no two of the store's organisations, or no two
 * challenges or capabilities, may share; NULL for the other kinds, and
 * for a record with no name, or no organisation and title.
 * Returns: (transfer full) (nullable) */
char *ic_name_key_for_record   (IcRecord   *record);

G_END_DECLS
