/* ic-store-private.h — what the store's files share, and hooks for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing outside src/store and its tests includes this.
 */

#pragma once

#include <sqlite3.h>

#include "ic-store.h"
#include "ic-event.h"
#include "ic-store-history.h"
#include "ic-store-table.h"

G_BEGIN_DECLS

/* A statement from the store's cache: the cleanup resets it and clears
 * its bindings rather than finalising it. */
typedef sqlite3_stmt IcStoreStmt;

void          ic_store_stmt_release      (IcStoreStmt   *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcStoreStmt, ic_store_stmt_release)

/* Sets @error from SQLite's result code @rc, with @db's message. */
void          ic_store_set_sqlite_error  (GError       **error,
                                          sqlite3       *db,
                                          int            rc);
/* Runs one or more statements that return no rows. */
gboolean      ic_store_db_exec           (sqlite3       *db,
                                          const char    *sql,
                                          GError       **error);

sqlite3      *ic_store_get_db            (IcStore       *self);
/* A prepared statement for @sql, cached for the life of the store.
 * Returns: (transfer none) (nullable) */
IcStoreStmt  *ic_store_prepare           (IcStore       *self,
                                          const char    *sql,
                                          GError       **error);
/* Statements a write runs for every record, found by number rather than
 * by hashing their text: a slot per kind for each of these. */
typedef enum
{
  IC_STORE_SLOT_FIND_STORED,
  IC_STORE_SLOT_FIND_ELSEWHERE,
  IC_STORE_SLOT_INSERT,
  IC_STORE_SLOT_UPSERT,
  IC_STORE_SLOT_FTS_INSERT,
  IC_STORE_SLOT_FTS_INDEX,
  IC_STORE_SLOT_CHANGE_LOG,
  IC_STORE_SLOT_CHANGE_LOG_CHUNK,
  IC_STORE_SLOT_HISTORY,
  IC_STORE_SLOT_HISTORY_CHUNK,
  IC_STORE_SLOT_DATA_VERSION,
  IC_STORE_N_SLOTS
} IcStoreSlot;

/* ic_store_prepare() for @sql, remembered in slot @slot of @kind; @sql
 * must be the same text at every call with the same slot and kind.
 * Returns: (transfer none) (nullable) */
IcStoreStmt  *ic_store_prepare_slot      (IcStore       *self,
                                          IcStoreSlot    slot,
                                          IcRecordKind   kind,
                                          const char    *sql,
                                          GError       **error);
/* Steps @stmt once, expecting no row. */
gboolean      ic_store_step_done         (IcStore       *self,
                                          IcStoreStmt   *stmt,
                                          GError       **error);
/* BEGIN IMMEDIATE, COMMIT and ROLLBACK. */
gboolean      ic_store_begin             (IcStore       *self,
                                          GError       **error);
gboolean      ic_store_commit            (IcStore       *self,
                                          GError       **error);
void          ic_store_rollback          (IcStore       *self);

/* What the store knows of one record kind's table, built at open. */
typedef struct
{
  IcStoreTable *table;
  char         *select_sql;    /* "SELECT <columns> FROM <table> AS t" */
  char         *insert_sql;
  char         *upsert_sql;    /* insert, or update the row with that id */
  char         *find_elsewhere_sql; /* the kind of another table's row with id ?1 */
  const char   *fts;           /* the full-text table, or NULL */
  char         *fts_rank;      /* its relevance, a title counting most; higher is better */
  char         *fts_insert_sql; /* "INSERT INTO <fts> (rowid, <columns>) VALUES (?, …)" */
  char         *fts_index_sql;  /* the same from the rows with rowids ?1 to ?2 */
  guint         fts_columns[4]; /* the table's columns that the full-text table holds */
  guint         n_fts_columns;
  const char   *title_column;  /* the default sort */
  /* Whether the table has a name_key (ic-name-key.h): then insert_sql
   * and upsert_sql take it first, before the table's columns. */
  gboolean      keyed;
  char         *key_holder_sql; /* the id and title of the row with name_key ?1 */
} IcStoreKindInfo;

const IcStoreKindInfo *ic_store_get_kind_info  (IcStore      *self,
                                                IcRecordKind  kind);
/* The same for shortlist entries; insert_sql starts with the columns
 * shortlist_id and position, and select_sql has no upsert. */
const IcStoreKindInfo *ic_store_get_entry_info (IcStore      *self);
/* Reads a shortlist's entries into it. */
gboolean      ic_store_load_entries      (IcStore       *self,
                                          IcRecord      *shortlist,
                                          GError       **error);
/* Writes the stage changes of @shortlist's entries (ic-store-stages.c)
 * inside the caller's transaction, replacing those stored if @replace;
 * an entry whose stage is not its last change's gets one more, at @at
 * by @author. */
gboolean      ic_store_write_stages      (IcStore       *self,
                                          IcRecord      *shortlist,
                                          const char    *shortlist_id,
                                          const char    *at,
                                          const char    *author,
                                          gboolean       replace,
                                          GError       **error);
/* Reads the stage changes of @shortlist's entries into them. */
gboolean      ic_store_load_stages       (IcStore       *self,
                                          IcRecord      *shortlist,
                                          GError       **error);
/* A record from a row whose first columns are its table's columns.
 * Returns: (transfer full) */
IcRecord     *ic_store_read_record       (IcStore       *self,
                                          IcRecordKind   kind,
                                          IcStoreStmt   *stmt,
                                          GError       **error);

/* Writes @event's row (ic-store-events.c) with the record fields of
 * @meta, a new row if @insert, inside the caller's transaction; with
 * @check, every participant must be an organisation stored here. */
gboolean      ic_store_write_event_row   (IcStore               *self,
                                          IcEvent               *event,
                                          const IcStoreRowMeta  *meta,
                                          gboolean               insert,
                                          gboolean               check,
                                          GError               **error);

/* Sets @error to IC_STORE_ERROR_DUPLICATE, naming the record of @kind
 * that holds @key (ic-store-names.c), and returns FALSE. */
gboolean      ic_store_refuse_duplicate  (IcStore       *self,
                                          IcRecordKind   kind,
                                          const char    *key,
                                          GError       **error);

/* Change log (ic-store-changes.c): one entry for a write of a team
 * record, inside the caller's transaction. */
gboolean      ic_store_log_change        (IcStore       *self,
                                          IcRecordKind   kind,
                                          const char    *record_id,
                                          gint64         rev,
                                          gint64         base_rev,
                                          gboolean       deleted,
                                          const char    *created_at,
                                          GError       **error);

/* Keeps the stored record @id, at @rev, as the base of the local edit
 * about to be written, unless a base is kept already (ic-store-feed.c).
 * Inside the caller's transaction. */
gboolean      ic_store_keep_base         (IcStore       *self,
                                          const char    *id,
                                          gint64         rev,
                                          GError       **error);

/* The same for many entries, in order, with fewer statements. */
typedef struct
{
  IcRecordKind  kind;
  const char   *record_id;
  gint64        rev;
  gint64        base_rev;
  gboolean      deleted;
  const char   *created_at;
} IcStoreChangeEntry;

gboolean      ic_store_log_changes       (IcStore                   *self,
                                          const IcStoreChangeEntry  *entries,
                                          guint                      n_entries,
                                          GError                   **error);

/* The record @id of @kind as stored, tombstone or not;
 * IC_STORE_ERROR_NOT_FOUND if it is not there.
 * Returns: (transfer full) (nullable) */
IcRecord     *ic_store_get_stored        (IcStore       *self,
                                          IcRecordKind   kind,
                                          const char    *id,
                                          GError       **error);

/* Whether writes add history entries (ic-store-history.c); always, but
 * for the benchmark that measures what they cost. */
void          ic_store_set_keep_history  (IcStore       *self,
                                          gboolean       keep);
gboolean      ic_store_get_keep_history  (IcStore       *self);

/* One history entry to write, inside the caller's transaction. */
typedef struct
{
  IcRecordKind     kind;
  const char      *record_id;
  gint64           rev;
  const char      *at;
  const char      *author;
  IcHistoryAction  action;
  const char      *changes;   /* ic_store_history_diff(), or NULL */
  gboolean         remote;
} IcStoreHistoryRow;

gboolean      ic_store_history_add       (IcStore                  *self,
                                          const IcStoreHistoryRow  *rows,
                                          guint                     n_rows,
                                          GError                  **error);
/* The fields that differ between @before and @after (the record fields
 * id, rev, updated_at, author and deleted aside), as the JSON array
 * the history keeps, or NULL if none does.  @before NULL: a new
 * record's fields that have a value, each from null.
 * Returns: (transfer full) (nullable) */
char         *ic_store_history_diff      (IcRecord      *before, /* nullable */
                                          IcRecord      *after);

/* Taxonomy tables (ic-store-taxonomy.c), on a bare connection so that a
 * migration can seed them. */
gboolean      ic_store_taxonomy_write    (sqlite3       *db,
                                          IcTaxonomy    *taxonomy,
                                          GError       **error);
IcTaxonomy   *ic_store_taxonomy_read     (sqlite3       *db,
                                          GError       **error);
/* Forgets the cached taxonomy, so that the next use reads it again. */
gboolean      ic_store_reload_taxonomy   (IcStore       *self,
                                          GError       **error);

/* Registers ic_rank(), the relevance of a full-text match
 * (ic-store-rank.c), on @db. */
gboolean      ic_store_rank_register     (sqlite3       *db,
                                          GError       **error);

/* The words of @search: runs of letters, digits and marks.
 * Returns: (transfer full) */
char        **ic_store_search_words      (const char    *search);
/* The FTS5 query for words typed by a person: every word a quoted
 * prefix, all required; NULL if the text has no words.
 * Returns: (transfer full) (nullable) */
char         *ic_store_query_build_match (const char    *search);

/* For tests: creates a new database at @path with schema @version
 * (1 … latest), as an older program would have left it. */
gboolean      ic_store_create_at_version (const char    *path,
                                          guint          version,
                                          GError       **error);

G_END_DECLS
