/* ic-import-private.h — what the import's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ic-import.h"

G_BEGIN_DECLS

/* One field and the columns that fill it. */
typedef struct
{
  const char *target;
  GArray     *columns;   /* of guint */
} IcImportStep;

/* What one run of an import knows and collects. */
typedef struct
{
  IcImport        *self;
  IcRecordKind     kind;
  IcStore         *store;
  IcTaxonomy      *taxonomy;
  IcImportMapping *mapping;
  IcImportReport  *report;
  IcProgressFunc   progress;
  gpointer         progress_data;
  GPtrArray       *steps;                /* of IcImportStep */
  int              id_column;
  int              organisation_column;
  int              organisation_id_column;
  int              title_column;

  GHashTable      *organisation_ids;     /* id → folded name, stored organisations */
  GHashTable      *organisation_names;   /* folded name → id, or "" when shared */
  GHashTable      *new_organisations;    /* folded name → IcRecord, made by this import */
  GHashTable      *used_organisations;   /* set of new organisations a good row names */
  GHashTable      *existing_keys;        /* key → id, stored records of the kind */
  GHashTable      *existing_ids;         /* set of ids, stored records of the kind */
  GHashTable      *seen;                 /* key or id → row, rows of this file */

  GPtrArray       *inserts;
  GPtrArray       *updates;
} IcImportRun;

/* Case and spacing do not tell two names or titles apart.
 * Returns: (transfer full) */
char    *ic_import_fold_key                (const char   *text);
/* What makes a record the same one: organisation and title, or for an
 * organisation its name.  Returns: (transfer full) */
char    *ic_import_record_key              (IcRecordKind  kind,
                                            const char   *organisation_id,
                                            const char   *title);

/* Turns one data row into a record to insert or update, or a problem
 * in the report. */
void     ic_import_row                     (IcImportRun        *run,
                                            guint               row,
                                            const char * const *fields,
                                            guint               n_fields);
/* Reports a row the reader could not decode (@error from the reader). */
void     ic_import_reject_unreadable_row   (IcImportRun        *run,
                                            guint               row,
                                            const GError       *error);

G_END_DECLS
