/* ic-import-mapping.h — which column of a spreadsheet fills which field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header names are matched to fields after folding case, spaces and
 * punctuation ("Organisation name" → organisation_name), through a
 * table of common synonyms per record kind ("Company", "Sector",
 * "Postcode", "Keywords"…).  Besides the record's own JSON fields there
 * are a few import-only targets:
 *
 *   organisation  the organisation's name or id (challenges, capabilities)
 *   postcode      a UK postcode, turned into a local authority
 *   trl_range     "4-6" or "5" (challenges: trl_min and trl_max)
 *   budget        "£50,000-£100,000" or "£80,000" (challenges: up to)
 *   ignore        the column is read but not used
 *
 * The fields a file cannot set (rev, updated_at, author, deleted) are
 * recognised and ignored, so that an export imports again as it is.
 */

#pragma once

#include <glib-object.h>

#include "ic-record.h"

G_BEGIN_DECLS

#define IC_TYPE_IMPORT_MAPPING (ic_import_mapping_get_type ())

G_DECLARE_FINAL_TYPE (IcImportMapping, ic_import_mapping, IC, IMPORT_MAPPING, GObject)

/* Returns: (transfer full): a mapping of @header's columns to the
 * fields of @kind, made from the names alone. */
IcImportMapping    *ic_import_mapping_new           (IcRecordKind         kind,
                                                     const char * const  *header);

/* Returns: (transfer full): a copy of @self, to change or to hand to
 * another thread. */
IcImportMapping    *ic_import_mapping_copy          (IcImportMapping     *self);

/* Guesses from the column names alone whether @header is of
 * organisations, challenges or capabilities: the kind that some column
 * names only it has, and whose needed fields the columns give.  Returns
 * FALSE when the names cannot tell. */
gboolean            ic_import_mapping_guess_kind    (const char * const  *header,
                                                     IcRecordKind        *kind);

/* Applies overrides written "COLUMN=field,COLUMN=field"; a column is
 * named by its header text (any case) or its number from 1, and a
 * field may be "ignore".  Errors name the entry at fault. */
gboolean            ic_import_mapping_apply_overrides (IcImportMapping   *self,
                                                     const char          *overrides,
                                                     GError             **error);
/* Maps @column (from 0) to @target, or to nothing when @target is NULL
 * or "ignore". */
gboolean            ic_import_mapping_set_target    (IcImportMapping     *self,
                                                     guint                column,
                                                     const char          *target,
                                                     GError             **error);

/* Fails, naming what is missing and how to give it, when no column
 * gives a field that every record of the kind needs. */
gboolean            ic_import_mapping_check         (IcImportMapping     *self,
                                                     GError             **error);

/* The field every record of the kind needs that no column gives:
 * "name", "title" or "organisation"; NULL when none is missing. */
const char         *ic_import_mapping_find_missing  (IcImportMapping     *self);

IcRecordKind        ic_import_mapping_get_kind      (IcImportMapping     *self);
guint               ic_import_mapping_get_n_columns (IcImportMapping     *self);
/* The header text of @column (transfer none). */
const char         *ic_import_mapping_get_column    (IcImportMapping     *self,
                                                     guint                column);
/* The field @column fills, or NULL if it is not used (transfer none). */
const char         *ic_import_mapping_get_target    (IcImportMapping     *self,
                                                     guint                column);
/* The first column that fills @target, or -1. */
int                 ic_import_mapping_find_target   (IcImportMapping     *self,
                                                     const char          *target);

/* Every target a column of @kind may be mapped to, for a chooser.
 * Returns: (transfer none): NULL-terminated */
const char * const *ic_import_mapping_list_targets  (IcRecordKind         kind);

/* A target in words, for a person choosing one: "trl_range" → "TRL
 * range (4-6)".  Returns: (transfer none): translated */
const char         *ic_import_mapping_describe_target (const char        *target);

/* "Organisation name" → "organisation_name".
 * Returns: (transfer full) */
char               *ic_import_mapping_fold_name     (const char          *name);

G_END_DECLS
