/* ic-store.h — the local database of records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One IcStore is one SQLite connection (WAL mode, foreign keys on).  It
 * is not thread-safe, and its calls block: a program with a window uses
 * it through IcStoreService (ic-store-service.h), which owns one on a
 * thread of its own.  Every write is one transaction, so a failed write
 * leaves nothing behind.  The UI never sees SQL.
 */

#pragma once

#include <gio/gio.h>

#include "ic-record.h"
#include "ic-store-query.h"
#include "ic-taxonomy.h"

G_BEGIN_DECLS

#define IC_STORE_ERROR (ic_store_error_quark ())

typedef enum
{
  IC_STORE_ERROR_OPEN,        /* the file cannot be opened or created */
  IC_STORE_ERROR_NOT_FOUND,   /* no database at the path, or no such record */
  IC_STORE_ERROR_TOO_NEW,     /* the schema is newer than this program */
  IC_STORE_ERROR_CONSTRAINT,  /* e.g. a record names an organisation that does not exist */
  IC_STORE_ERROR_EXISTS,      /* a record with this id exists already */
  IC_STORE_ERROR_BUSY,        /* another writer held the database too long */
  IC_STORE_ERROR_SQL,         /* anything else SQLite reports */
  IC_STORE_ERROR_INVALID,     /* a query names a field the kind does not have */
  IC_STORE_ERROR_CHANGED,     /* the record was written elsewhere since the edit began */
  IC_STORE_ERROR_DUPLICATE,   /* another record has the same name (ic-name-key.h) */
} IcStoreError;

GQuark ic_store_error_quark (void);

typedef enum
{
  IC_STORE_OPEN_DEFAULT = 0,
  IC_STORE_OPEN_CREATE  = 1 << 0,  /* create the file (and its folder) if missing */
} IcStoreOpenFlags;

/* The latest schema version this program writes. */
#define IC_STORE_SCHEMA_VERSION ic_store_get_latest_schema_version ()

#define IC_TYPE_STORE (ic_store_get_type ())

G_DECLARE_FINAL_TYPE (IcStore, ic_store, IC, STORE, GObject)

/* Opens the database at @path and migrates it forward to the latest
 * schema.  Without IC_STORE_OPEN_CREATE a missing file is
 * IC_STORE_ERROR_NOT_FOUND.
 * Returns: (transfer full) (nullable) */
IcStore      *ic_store_open                 (const char        *path,
                                             IcStoreOpenFlags   flags,
                                             GError           **error);
/* $INTERCHANGE_DB, else $XDG_DATA_HOME/interchange/interchange.db.
 * Returns: (transfer full) */
char         *ic_store_get_default_path     (void);
guint         ic_store_get_latest_schema_version (void);
guint         ic_store_get_schema_version   (IcStore           *self);
const char   *ic_store_get_path             (IcStore           *self);

/* The clusters and places (transfer none); a new database holds the
 * defaults. */
IcTaxonomy   *ic_store_get_taxonomy         (IcStore           *self);
/* A copy of ic_store_get_taxonomy() that another thread may keep.
 * Returns: (transfer full) */
IcTaxonomy   *ic_store_dup_taxonomy         (IcStore           *self);
/* Replaces the stored taxonomy by @taxonomy. */
gboolean      ic_store_save_taxonomy        (IcStore           *self,
                                             IcTaxonomy        *taxonomy,
                                             GError           **error);

/* Validates and inserts @record.  Gives it an id if it has none, sets
 * rev to 1, updated_at to now and author to @author (may be NULL). */
gboolean      ic_store_insert               (IcStore           *self,
                                             IcRecord          *record,
                                             const char        *author,
                                             GError           **error);
/* The same for many records in one transaction: all or nothing.
 * @records holds IcRecord of any kinds (organisations before the records
 * that name them). */
gboolean      ic_store_insert_all           (IcStore           *self,
                                             GPtrArray         *records,
                                             const char        *author,
                                             GError           **error);
/* Validates and writes @record over the stored one with the same id;
 * rev + 1, updated_at now.  IC_STORE_ERROR_NOT_FOUND if there is none.
 * The tombstone stays as stored: only delete and restore change it. */
gboolean      ic_store_update               (IcStore           *self,
                                             IcRecord          *record,
                                             const char        *author,
                                             GError           **error);
/* ic_store_update() for an edit made on revision @base_rev of the
 * record: if the stored rev is no longer @base_rev (a sync, the command
 * line or another window wrote the record since the edit began), nothing
 * is written and the error is IC_STORE_ERROR_CHANGED.  The check and
 * the write are one transaction, so no writer can come in between. */
gboolean      ic_store_update_if_unchanged  (IcStore           *self,
                                             IcRecord          *record,
                                             gint64             base_rev,
                                             const char        *author,
                                             GError           **error);
/* Inserts @inserts and then updates @updates in one transaction: all or
 * nothing.  Each record is validated and written as ic_store_insert()
 * or ic_store_update() would (rev, updated_at, @author, change-log
 * entry, full-text index), and gets the values the store decided only
 * once the whole write has committed.  Either array (element-type
 * IcRecord) may be NULL or empty; @inserts holds organisations before
 * the records that name them, and @updates may name records that
 * @inserts adds. */
gboolean      ic_store_write_all            (IcStore           *self,
                                             GPtrArray         *inserts,
                                             GPtrArray         *updates,
                                             const char        *author,
                                             GError           **error);
/* ic_store_write_all() for records the caller has just validated with
 * ic_record_validate() against ic_store_get_taxonomy() and not changed
 * since, as an import does to report on every row: they are not
 * validated a second time. */
gboolean      ic_store_write_all_validated  (IcStore           *self,
                                             GPtrArray         *inserts,
                                             GPtrArray         *updates,
                                             const char        *author,
                                             GError           **error);
/* Marks the record a tombstone (deleted = true, rev + 1); its fields
 * stay, so that an undo is ic_store_restore(). */
gboolean      ic_store_delete               (IcStore           *self,
                                             const char        *id,
                                             const char        *author,
                                             GError           **error);
/* Brings a tombstoned record back (rev + 1). */
gboolean      ic_store_restore              (IcStore           *self,
                                             const char        *id,
                                             const char        *author,
                                             GError           **error);
/* Writes @record exactly as given (id, rev, updated_at, author, deleted),
 * inserting or replacing, without a change-log entry: for records that
 * arrive from the feed.  Validated without the taxonomy (the sender's
 * clusters and places may differ); a reference to a record not here is
 * IC_STORE_ERROR_CONSTRAINT. */
gboolean      ic_store_put_remote           (IcStore           *self,
                                             IcRecord          *record,
                                             GError           **error);
/* The same for many records in one transaction: all or nothing (for a
 * page pulled from the feed). */
gboolean      ic_store_put_remote_all       (IcStore           *self,
                                             GPtrArray         *records,
                                             GError           **error);
/* ic_store_put_remote_all() for records the caller has just validated
 * with ic_record_validate (record, NULL) and not changed since, as a
 * sync does with each change it pulls: they are not validated again. */
gboolean      ic_store_put_remote_all_validated (IcStore       *self,
                                                 GPtrArray     *records,
                                                 GError       **error);

/* What the store holds under an id: enough to decide whether a record
 * from the feed is news, without reading the record. */
typedef struct
{
  gboolean      found;
  IcRecordKind  kind;
  gint64        rev;
  IcVisibility  visibility;
  gboolean      deleted;
} IcStoreRevision;

/* A number that changes whenever another program commits a write to
 * the database (not this one: PRAGMA data_version); -1 on error. */
gint64        ic_store_get_data_version     (IcStore           *self);

/* ic_store_put_remote_all_validated() for records whose ids the caller
 * looked up after ic_store_get_data_version() gave @version: @known[i]
 * is what the store held under the id of @records[i] (NULL: not known,
 * looked up here; so for a record that an earlier one of @records
 * writes over).  A sync looks a page's ids up at once.  If another
 * program wrote since @version, every id is looked up again. */
gboolean      ic_store_put_remote_all_known (IcStore                       *self,
                                             GPtrArray                     *records,
                                             const IcStoreRevision * const *known,
                                             gint64                         version,
                                             GError                       **error);

/* Fills @revisions[i] for each of the @n_ids @ids (NULL or "" is not
 * found), all in one read transaction: a page from the feed asks about
 * a thousand ids at once. */
gboolean      ic_store_find_revisions       (IcStore           *self,
                                             const char * const *ids,
                                             guint              n_ids,
                                             IcStoreRevision   *revisions,
                                             GError           **error);

/* The record with @id of whatever kind, tombstones included.
 * Returns: (transfer full) (nullable) */
IcRecord     *ic_store_get                  (IcStore           *self,
                                             const char        *id,
                                             GError           **error);

/* One page of records of @kind that @query selects (NULL: all live
 * records), in the query's order; @limit 0 means no limit.  A filter or
 * sort field that @kind does not have is IC_STORE_ERROR_INVALID.
 * Returns: (transfer full) (element-type IcRecord) */
GPtrArray    *ic_store_list                 (IcStore           *self,
                                             IcRecordKind       kind,
                                             IcStoreQuery      *query,
                                             guint              offset,
                                             guint              limit,
                                             GError           **error);
/* Until it is set again (to NULL when done), a statement of this
 * connection running when @cancellable is cancelled stops, and its call
 * fails with G_IO_ERROR_CANCELLED: a stale search need not finish.  The
 * caller keeps @cancellable alive meanwhile. */
void          ic_store_set_cancellable      (IcStore           *self,
                                             GCancellable      *cancellable);
/* How many records @query selects; -1 on error. */
gint64        ic_store_count                (IcStore           *self,
                                             IcRecordKind       kind,
                                             IcStoreQuery      *query,
                                             GError           **error);

/* Holds the database for writing until ic_store_end_write (): what is
 * read in between stays true until it ends, as no other program can
 * write meanwhile, and the writes made in between (each a savepoint)
 * are one transaction.  Decide "does it exist yet?" and write inside
 * one, and two programs cannot both decide "no". */
gboolean      ic_store_begin_write          (IcStore           *self,
                                             GError           **error);
/* Commits the write ic_store_begin_write () began when @commit, or
 * rolls it back; FALSE if a commit failed (then rolled back). */
gboolean      ic_store_end_write            (IcStore           *self,
                                             gboolean           commit,
                                             GError           **error);

/* The live organisation whose name is the same as @name, as the store's
 * unique rule compares names (ic-name-key.h): what a write of an
 * organisation called @name would be refused for.  NULL without an
 * error if there is none.  Inside ic_store_begin_write (), the answer
 * holds for the writes that follow.
 * Returns: (transfer full) (nullable) */
IcRecord     *ic_store_find_organisation_named (IcStore        *self,
                                                const char     *name,
                                                GError        **error);

/* Calls @func for every live record of @kind, in id order, reading the
 * database in pages; stops early if @func returns FALSE. */
typedef gboolean (*IcStoreRecordFunc) (IcRecord *record,
                                       gpointer  user_data);
gboolean      ic_store_foreach              (IcStore           *self,
                                             IcRecordKind       kind,
                                             IcStoreRecordFunc  func,
                                             gpointer           user_data,
                                             GError           **error);

/* Every distinct tag of live challenges and capabilities, sorted.
 * Returns: (transfer full) */
GStrv         ic_store_list_tags            (IcStore           *self,
                                             GError           **error);

/* The change log: one entry per write of a team record, oldest first.
 * Entries stay until ic_store_ack_changes() removes them. */
typedef struct
{
  gint64        seq;
  IcRecordKind  kind;
  char         *record_id;
  gint64        rev;
  gint64        base_rev;   /* the rev this edit was made on; 0 for a new record */
  gboolean      deleted;
  char         *created_at;
} IcChange;

void          ic_change_free                (IcChange          *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcChange, ic_change_free)

/* Returns: (transfer full) (element-type IcChange) */
GPtrArray    *ic_store_list_changes         (IcStore           *self,
                                             gint64             after_seq,
                                             guint              limit,
                                             GError           **error);
/* Removes change-log entries up to and including @up_to_seq. */
gboolean      ic_store_ack_changes          (IcStore           *self,
                                             gint64             up_to_seq,
                                             GError           **error);

/* The id, rev and tombstone of the records of @kind that may travel to
 * the feed (not private), tombstones included, in id order after
 * @after_id (NULL for the first); @limit 0 means no limit.  Only the
 * kind, record_id, rev and deleted of each entry are set.
 * Returns: (transfer full) (element-type IcChange) */
GPtrArray    *ic_store_list_shared_revisions (IcStore         *self,
                                              IcRecordKind     kind,
                                              const char      *after_id,
                                              guint            limit,
                                              GError         **error);
/* Appends @changes (element-type IcChange; seq and created_at are not
 * read) to the change log in one transaction: records to offer the
 * feed again, each edited from its base_rev. */
gboolean      ic_store_queue_changes        (IcStore           *self,
                                             GPtrArray         *changes,
                                             GError           **error);

/* A small key–value table for settings that belong to the database
 * (feed cursor, weights); @value NULL deletes. */
char         *ic_store_get_setting          (IcStore           *self,
                                             const char        *key);
gboolean      ic_store_set_setting          (IcStore           *self,
                                             const char        *key,
                                             const char        *value,
                                             GError           **error);

/* A debug aid: from now on a store that reaches the database on
 * @thread (NULL: none) says so with g_critical().  The application
 * forbids its main thread when INTERCHANGE_CHECK_STORE_THREAD is set, so
 * that a test run with fatal criticals fails on a blocking call there. */
void          ic_store_forbid_thread        (GThread           *thread);
/* g_critical()s if this is the forbidden thread; @what names the call. */
void          ic_store_check_thread         (const char        *what);

G_END_DECLS
