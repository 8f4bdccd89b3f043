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
  int              website_column;        /* the organisation's, of any kind */

  GHashTable      *organisation_ids;     /* id → folded name, stored organisations */
  GHashTable      *organisation_names;   /* folded name → id, or "" when shared */
  GHashTable      *organisation_display_names; /* id → name as stored */
  GHashTable      *new_organisations;    /* folded name → IcRecord, made by this import */
  GHashTable      *used_organisations;   /* set of new organisations a good row names */
  GHashTable      *existing_keys;        /* key → id, stored records of the kind */
  GHashTable      *existing_ids;         /* set of ids, stored records of the kind */
  GHashTable      *seen;                 /* key or id → row, rows of this file */
  GHashTable      *similar_names;        /* similar name → id, or "" when shared */
  GHashTable      *organisation_hosts;   /* website host → id, or "" when shared */
  GHashTable      *organisation_fills;   /* id → IcRecord, stored organisations filled in */
  GHashTable      *organisation_before;  /* id → IcRecord, those as they were */
  GHashTable      *value_map;            /* "target:folded value" → id, "" for none */
  GHashTable      *name_keys;            /* name key (ic-name-key.h) → id, stored records of the kind */
  GHashTable      *row_keys;             /* name key → row, rows to write */

  GPtrArray       *inserts;
  GPtrArray       *updates;
  GPtrArray       *befores;              /* of IcRecord: the updated rows' records as stored */
} IcImportRun;

/* Whether row @row was asked to be kept apart (ic_import_keep_apart). */
gboolean ic_import_get_keep_apart          (IcImport     *self,
                                            guint         row);

/* Case and spacing do not tell two names or titles apart.
 * Returns: (transfer full) */
char    *ic_import_fold_key                (const char   *text);
/* What makes a record the same one: organisation and title, or for an
 * organisation its name.  Returns: (transfer full) */
char    *ic_import_record_key              (IcRecordKind  kind,
                                            const char   *organisation_id,
                                            const char   *title);

/* What makes two organisations' names the same firm: case,
 * punctuation, "and"/"&" and a last "Ltd", "Limited", "PLC", "LLP" do
 * not count.  Returns: (transfer full) */
char    *ic_import_similar_name            (const char   *name);
/* The host of a web address without "www.", lower case; NULL if
 * @address has none.  Returns: (transfer full) (nullable) */
char    *ic_import_website_host            (const char   *address);
/* The key of @value of @target in a value map.  Returns: (transfer full) */
char    *ic_import_value_map_key           (const char   *target,
                                            const char   *value);

/* Turns one data row into a record to insert or update, or a problem
 * in the report. */
void     ic_import_row                     (IcImportRun        *run,
                                            guint               row,
                                            const char * const *fields,
                                            guint               n_fields);
/* Whether every cell of a row is empty or spaces. */
gboolean ic_import_row_is_blank            (const char * const *fields,
                                            guint               n_fields);
/* Reports a row the reader could not decode (@error from the reader). */
void     ic_import_reject_unreadable_row   (IcImportRun        *run,
                                            guint               row,
                                            const GError       *error);

G_END_DECLS
