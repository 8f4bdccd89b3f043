/* ic-store-write.c — inserts, updates, tombstones and remote records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every public write is one transaction.  The values the store decides
 * (id, rev, updated_at, author) are bound in place of the object's and
 * set on the object only once the transaction has committed, so that a
 * failed write leaves the caller's record as it was.
 *
 * A new row's full-text entry is written by the store, not by a trigger,
 * and only after every row of its batch (index_new_rows(), write_all()):
 * FTS5 writes its pending terms out as a new segment at the start and
 * end of any statement that has a statement journal, and every
 * statement with a trigger has one, so indexing row by row made one
 * tiny segment per record, merged again and again.  Updated rows are
 * still indexed by the update trigger (ic-store-schema.c), so a batch's
 * new rows are indexed before a later batch may update them.  The change
 * log's entries are written at the end, many per statement, in the
 * order of the write.
 *
 * The table's constraints check each row once: its primary key refuses
 * an id it holds, its foreign key a dangling reference, and
 * set_row_error() says which field is at fault.  Only the other kinds'
 * tables are looked up for a new record's id.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ic-model-enums.h"
#include "ic-shortlist.h"
#include "ic-event.h"
#include "ic-name-key.h"
#include "ic-store-private.h"

typedef enum
{
  WRITE_INSERT,
  WRITE_UPDATE,
  WRITE_REMOTE,
} WriteMode;

/* What the database holds under an id. */
typedef IcStoreRevision Stored;

/* The values to set on a record once its write has committed. */
typedef struct
{
  IcRecord *record;
  char     *id;
  char     *updated_at;
  char     *author;
  gint64    rev;
  gboolean  deleted;
  gint64    fts_rowid;   /* a new row to index, or 0 */
  gboolean  log;         /* whether the change log gets an entry */
  gint64    base_rev;
  gboolean  history;     /* whether the history gets an entry */
  IcHistoryAction history_action;
  char     *history_changes;
  gboolean  remote;      /* came through the feed */
  char     *stage_at;    /* when a stage set without a change was reached */
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_object_unref (pending->record);
  g_free (pending->id);
  g_free (pending->updated_at);
  g_free (pending->author);
  g_free (pending->history_changes);
  g_free (pending->stage_at);
  g_free (pending);
}

static void
pending_apply (Pending *pending)
{
  IcRecord *record = pending->record;

  g_object_freeze_notify (G_OBJECT (record));
  ic_record_set_id (record, pending->id);
  ic_record_set_rev (record, pending->rev);
  ic_record_set_updated_at (record, pending->updated_at);
  ic_record_set_author (record, pending->author);
  ic_record_set_deleted (record, pending->deleted);
  /* The changes ic_store_write_stages() wrote for stages set without one. */
  if (IC_IS_SHORTLIST (record))
    ic_shortlist_complete_stages (IC_SHORTLIST (record), pending->stage_at, pending->author);
  g_object_thaw_notify (G_OBJECT (record));
}

/* One statement for every kind's table, in the order of IcRecordKind. */
#define STORED_IN(KIND, TABLE) \
  "SELECT " #KIND ", rev, visibility, deleted FROM " TABLE " WHERE id = ?1"

static const char find_stored_sql[] =
  STORED_IN (0, "organisation") " UNION ALL "
  STORED_IN (1, "challenge") " UNION ALL "
  STORED_IN (2, "capability") " UNION ALL "
  STORED_IN (3, "foresight") " UNION ALL "
  STORED_IN (4, "shortlist") " UNION ALL "
  STORED_IN (5, "excluded_pair") " UNION ALL "
  STORED_IN (6, "pin") " UNION ALL "
  STORED_IN (7, "conflict_rule") " UNION ALL "
  STORED_IN (8, "event") " LIMIT 1";

G_STATIC_ASSERT (IC_RECORD_KIND_ORGANISATION == 0 && IC_RECORD_KIND_CHALLENGE == 1 &&
                 IC_RECORD_KIND_CAPABILITY == 2 && IC_RECORD_KIND_FORESIGHT == 3 &&
                 IC_RECORD_KIND_SHORTLIST == 4 && IC_RECORD_KIND_EXCLUDED_PAIR == 5 &&
                 IC_RECORD_KIND_PIN == 6 && IC_RECORD_KIND_CONFLICT_RULE == 7 &&
                 IC_N_RECORD_KINDS == 8 && IC_RECORD_KIND_EVENT == 8);

static gboolean
find_stored (IcStore     *self,
             const char  *id,
             Stored      *stored,
             GError     **error)
{
  g_autoptr(IcStoreStmt) stmt = NULL;
  int visibility = IC_VISIBILITY_TEAM;
  int rc;

  memset (stored, 0, sizeof *stored);
  if (id == NULL || id[0] == '\0')
    return TRUE;

  stmt = ic_store_prepare_slot (self, IC_STORE_SLOT_FIND_STORED, 0, find_stored_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return FALSE;
    }

  ic_enum_from_nick (IC_TYPE_VISIBILITY, (const char *) sqlite3_column_text (stmt, 2),
                     &visibility);
  stored->found = TRUE;
  stored->kind = sqlite3_column_int (stmt, 0);
  stored->rev = sqlite3_column_int64 (stmt, 1);
  stored->visibility = visibility;
  stored->deleted = sqlite3_column_int (stmt, 3) != 0;
  return TRUE;
}

/* For a new record of @kind: sets @stored->found and ->kind if another
 * kind's table holds @id.  Its own table's primary key refuses a
 * duplicate there, without a lookup of its own (see set_row_error()). */
static gboolean
find_elsewhere (IcStore       *self,
                IcRecordKind   kind,
                const char    *id,
                Stored        *stored,
                GError       **error)
{
  const IcStoreKindInfo *info = ic_store_get_kind_info (self, kind);
  g_autoptr(IcStoreStmt) stmt = NULL;
  int rc;

  memset (stored, 0, sizeof *stored);
  if (id == NULL || id[0] == '\0')
    return TRUE;

  stmt = ic_store_prepare_slot (self, IC_STORE_SLOT_FIND_ELSEWHERE, kind,
                                info->find_elsewhere_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      stored->found = TRUE;
      stored->kind = sqlite3_column_int (stmt, 0);
    }
  else if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return FALSE;
    }
  return TRUE;
}

/* The reference each kind's table makes, checked by its foreign key. */
typedef struct
{
  IcRecordKind kind;
  const char  *property;
  const char  *column;
  IcRecordKind target;
} Reference;

static const Reference references[] = {
  { IC_RECORD_KIND_CHALLENGE, "organisation-id", "organisation_id", IC_RECORD_KIND_ORGANISATION },
  { IC_RECORD_KIND_CAPABILITY, "organisation-id", "organisation_id", IC_RECORD_KIND_ORGANISATION },
  { IC_RECORD_KIND_SHORTLIST, "challenge-id", "challenge_id", IC_RECORD_KIND_CHALLENGE },
};

/* A shortlist the team is to have must not be of a private challenge:
 * every other laptop would wait for ever for the challenge it names, and
 * its name is often the challenge's title.  (Shortlists shared before
 * this was checked are left as they are.) */
static gboolean
check_shared_shortlist (IcStore      *self,
                        IcShortlist  *shortlist,
                        GError      **error)
{
  const char *challenge_id = ic_shortlist_get_challenge_id (shortlist);
  g_autoptr(IcRecord) challenge = NULL;
  Stored stored;

  if (!find_stored (self, challenge_id, &stored, error))
    return FALSE;
  if (!stored.found || stored.kind != IC_RECORD_KIND_CHALLENGE || stored.visibility != IC_VISIBILITY_PRIVATE)
    return TRUE;
  challenge = ic_store_get_stored (self, IC_RECORD_KIND_CHALLENGE, challenge_id, error);
  if (challenge == NULL)
    return FALSE;
  g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_CONSTRAINT,
               _("visibility: the challenge “%s” is private, so its shortlists stay private "
                 "until the challenge is shared with the team"),
               ic_record_get_title (challenge));
  return FALSE;
}

/* Sets @error for a failed write of @record's row (result @rc).  The
 * table's constraints do the checking, once; this says which field is
 * at fault, as a person would want to read it.  A record table has one
 * foreign key at most, so a foreign key failure names it. */
static void
set_row_error (IcStore     *self,
               IcRecord    *record,
               const char  *id,
               int          rc,
               GError     **error)
{
  IcRecordKind kind = ic_record_get_kind (record);

  if (rc == SQLITE_CONSTRAINT_PRIMARYKEY)
    {
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_EXISTS,
                   _("A %s with the id %s exists already"),
                   ic_record_kind_to_string (kind), id);
      return;
    }

  for (guint i = 0; rc == SQLITE_CONSTRAINT_FOREIGNKEY && i < G_N_ELEMENTS (references); i++)
    {
      g_autofree char *target_id = NULL;

      if (references[i].kind != kind)
        continue;
      g_object_get (record, references[i].property, &target_id, NULL);
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_CONSTRAINT,
                   _("%s: no %s has the id %s"), references[i].column,
                   ic_record_kind_to_string (references[i].target),
                   target_id != NULL ? target_id : "");
      return;
    }

  ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
}

static gboolean
write_entries (IcStore     *self,
               IcRecord    *shortlist,
               const char  *shortlist_id,
               gboolean     replace,
               GError     **error)
{
  const IcStoreKindInfo *info = ic_store_get_entry_info (self);
  GListModel *entries = G_LIST_MODEL (ic_shortlist_get_entries (IC_SHORTLIST (shortlist)));
  guint n = g_list_model_get_n_items (entries);

  if (replace)
    {
      g_autoptr(IcStoreStmt) stmt =
        ic_store_prepare (self, "DELETE FROM shortlist_entry WHERE shortlist_id = ?", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, shortlist_id, -1, SQLITE_TRANSIENT);
      if (!ic_store_step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) entry = g_list_model_get_item (entries, i);
      /* Before the statement: cleared after it is released. */
      g_auto(IcStoreBinding) binding = IC_STORE_BINDING_INIT;
      g_autoptr(IcStoreStmt) stmt = ic_store_prepare (self, info->insert_sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, shortlist_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, i);
      if (!ic_store_table_bind (info->table, stmt, 3, entry, NULL, &binding, error) ||
          !ic_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Decides the history entry of @pending's write over @stored (@before
 * as it was; NULL for a new record).  A save that changes no field
 * leaves no entry. */
static void
set_history (Pending       *pending,
             const Stored  *stored,
             IcRecord      *before)
{
  if (!stored->found)
    {
      pending->history = TRUE;
      pending->history_action = IC_HISTORY_CREATED;
      return;
    }
  if (before == NULL)
    return;
  pending->history_changes = ic_store_history_diff (before, pending->record);
  if (stored->deleted != pending->deleted)
    pending->history_action = pending->deleted ? IC_HISTORY_DELETED : IC_HISTORY_RESTORED;
  else
    pending->history_action = IC_HISTORY_CHANGED;
  pending->history = pending->history_action != IC_HISTORY_CHANGED ||
                     pending->history_changes != NULL;
}

/* Whether @before, a record as stored, had the name key @key. */
static gboolean
keeps_name_key (IcRecord    *before,
                const char  *key)
{
  g_autofree char *was = ic_name_key_for_record (before);

  return g_strcmp0 (was, key) == 0;
}

/* Writes @record inside the caller's transaction.  Returns the values
 * to set on it after the commit.  An update with @base_rev_expected
 * >= 0 is refused unless the stored rev is still that one.  @known, if
 * not NULL, is what the store holds under the record's id, looked up
 * inside the same transaction. */
static Pending *
write_record (IcStore       *self,
              IcRecord      *record,
              WriteMode      mode,
              gint64         base_rev_expected,
              const Stored  *known,
              const char    *author,
              const char    *now,
              GError       **error)
{
  IcRecordKind kind = ic_record_get_kind (record);
  /* Events are kept whole (ic-store-events.c), not column by column. */
  gboolean is_event = kind == IC_RECORD_KIND_EVENT;
  const IcStoreKindInfo *info = is_event ? NULL : ic_store_get_kind_info (self, kind);
  const char *kind_name = ic_record_kind_to_string (kind);
  const char *id = ic_record_get_id (record);
  /* Before the statement: cleared after it is released. */
  g_auto(IcStoreBinding) binding = IC_STORE_BINDING_INIT;
  g_autofree char *name_key = NULL;
  g_autoptr(IcStoreStmt) stmt = NULL;
  g_autoptr(IcRecord) before = NULL;
  IcStoreRowMeta meta;
  Pending *pending;
  Stored stored;
  gint64 base_rev = 0;
  int rc;

  if (mode != WRITE_INSERT && (id == NULL || id[0] == '\0'))
    {
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND,
                   _("The %s has no id"), kind_name);
      return NULL;
    }
  /* What the caller looked up in this same write, else asked here. */
  if (known != NULL)
    stored = *known;
  else if (mode == WRITE_INSERT && !is_event ? !find_elsewhere (self, kind, id, &stored, error)
                                            : !find_stored (self, id, &stored, error))
    return NULL;

  if (stored.found && (mode == WRITE_INSERT || stored.kind != kind))
    {
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_EXISTS,
                   _("A %s with the id %s exists already"),
                   ic_record_kind_to_string (stored.kind), id);
      return NULL;
    }
  if (mode == WRITE_UPDATE && !stored.found)
    {
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND,
                   _("No %s has the id %s"), kind_name, id);
      return NULL;
    }
  if (mode != WRITE_REMOTE && kind == IC_RECORD_KIND_SHORTLIST &&
      ic_record_get_visibility (record) != IC_VISIBILITY_PRIVATE &&
      (!stored.found || stored.visibility == IC_VISIBILITY_PRIVATE) &&
      !check_shared_shortlist (self, IC_SHORTLIST (record), error))
    return NULL;
  if (mode == WRITE_UPDATE && base_rev_expected >= 0 && stored.rev != base_rev_expected)
    {
      const char *title = ic_record_get_title (record);

      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_CHANGED,
                   _("The %s “%s” was changed elsewhere since it was opened (it was at revision %"
                     G_GINT64_FORMAT ", it is now at revision %" G_GINT64_FORMAT "), "
                     "so this edit was not saved over it"),
                   kind_name, title != NULL && title[0] != '\0' ? title : id,
                   base_rev_expected, stored.rev);
      return NULL;
    }
  /* The state this edit is made on, kept once per sync for a three-way
   * merge should the feed have changed the record meanwhile. */
  if (mode == WRITE_UPDATE && ic_record_get_visibility (record) != IC_VISIBILITY_PRIVATE &&
      !ic_store_keep_base (self, id, stored.rev, error))
    return NULL;

  /* What the change is made on, for the history's list of fields. */
  if (stored.found && ic_store_get_keep_history (self))
    {
      before = ic_store_get_stored (self, kind, id, error);
      if (before == NULL)
        return NULL;
    }

  pending = g_new0 (Pending, 1);
  pending->record = g_object_ref (record);
  pending->remote = mode == WRITE_REMOTE;
  if (mode == WRITE_REMOTE)
    {
      pending->id = g_strdup (id);
      pending->rev = ic_record_get_rev (record);
      pending->updated_at = g_strdup (ic_record_get_updated_at (record));
      pending->author = g_strdup (ic_record_get_author (record));
      pending->deleted = ic_record_get_deleted (record);
    }
  else
    {
      pending->id = id != NULL && id[0] != '\0' ? g_strdup (id) : g_uuid_string_random ();
      pending->rev = mode == WRITE_INSERT ? 1 : stored.rev + 1;
      pending->updated_at = g_strdup (now);
      pending->author = g_strdup (author != NULL ? author : ic_record_get_author (record));
      /* Only ic_store_delete() and ic_store_restore() change the tombstone. */
      pending->deleted = mode == WRITE_INSERT ? ic_record_get_deleted (record) : stored.deleted;
      base_rev = mode == WRITE_INSERT ? 0 : stored.rev;
    }

  set_history (pending, &stored, before);

  meta = (IcStoreRowMeta) {
    .id = pending->id,
    .rev = pending->rev,
    .updated_at = pending->updated_at,
    .author = pending->author,
    .deleted = pending->deleted,
  };

  if (is_event)
    {
      if (!ic_store_write_event_row (self, IC_EVENT (record), &meta, !stored.found,
                                     mode != WRITE_REMOTE, error))
        goto fail;
      pending->log = mode != WRITE_REMOTE && ic_record_get_visibility (record) != IC_VISIBILITY_PRIVATE;
      pending->base_rev = base_rev;
      return pending;
    }

  /* A new row is a plain insert, so that no trigger runs; a stored one
   * is updated in place, so that its children stay. */
  stmt = stored.found
         ? ic_store_prepare_slot (self, IC_STORE_SLOT_UPSERT, kind, info->upsert_sql, error)
         : ic_store_prepare_slot (self, IC_STORE_SLOT_INSERT, kind, info->insert_sql, error);
  /* The name a live record is known by, unique (ic-store-names.c). */
  if (info->keyed && !pending->deleted)
    name_key = ic_name_key_for_record (record);
  if (stmt != NULL && info->keyed)
    sqlite3_bind_text (stmt, 1, name_key, -1, SQLITE_STATIC);
  if (stmt == NULL ||
      !ic_store_table_bind (info->table, stmt, info->keyed ? 2 : 1, G_OBJECT (record), &meta,
                            &binding, error))
    goto fail;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_CONSTRAINT_UNIQUE && name_key != NULL)
    {
      /* Another row holds the name.  A record from the feed is written
       * without it, and so is a local edit of a record that shared its
       * name already (from the feed, or from before the rule) and
       * keeps it; anything else would make a duplicate. */
      if (mode == WRITE_UPDATE && before == NULL)
        {
          before = ic_store_get_stored (self, kind, id, error);
          if (before == NULL)
            goto fail;
        }
      if (mode == WRITE_INSERT || (mode == WRITE_UPDATE && !keeps_name_key (before, name_key)))
        {
          ic_store_refuse_duplicate (self, kind, name_key, error);
          goto fail;
        }
      sqlite3_reset (stmt);
      sqlite3_bind_null (stmt, 1);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      set_row_error (self, record, pending->id, rc, error);
      goto fail;
    }
  if (!stored.found && info->fts != NULL)
    pending->fts_rowid = sqlite3_last_insert_rowid (ic_store_get_db (self));
  ic_store_stmt_release (g_steal_pointer (&stmt));

  /* A remote record's missing stage changes are dated by the record
   * itself, so that every copy of it reads the same. */
  if (pending->updated_at != NULL && pending->updated_at[0] != '\0')
    pending->stage_at = g_strdup (pending->updated_at);
  else
    pending->stage_at = now != NULL ? g_strdup (now) : ic_timestamp_now ();
  if (kind == IC_RECORD_KIND_SHORTLIST &&
      (!write_entries (self, record, pending->id, mode != WRITE_INSERT, error) ||
       !ic_store_write_stages (self, record, pending->id, pending->stage_at, pending->author,
                               mode != WRITE_INSERT, error)))
    goto fail;

  /* Logged with the others, in order, at the end of the write. */
  pending->log = mode != WRITE_REMOTE && ic_record_get_visibility (record) != IC_VISIBILITY_PRIVATE;
  pending->base_rev = base_rev;

  return pending;

fail:
  pending_free (pending);
  return NULL;
}

/* The change log's entries for @done, in order. */
static gboolean
log_changes (IcStore    *self,
             GPtrArray  *done,
             GError    **error)
{
  g_autoptr(GArray) entries = g_array_sized_new (FALSE, FALSE, sizeof (IcStoreChangeEntry),
                                                 done->len);

  for (guint i = 0; i < done->len; i++)
    {
      Pending *pending = g_ptr_array_index (done, i);
      IcStoreChangeEntry entry = {
        .kind = ic_record_get_kind (pending->record),
        .record_id = pending->id,
        .rev = pending->rev,
        .base_rev = pending->base_rev,
        .deleted = pending->deleted,
        .created_at = pending->updated_at,
      };

      if (pending->log)
        g_array_append_val (entries, entry);
    }
  return ic_store_log_changes (self, (IcStoreChangeEntry *) (gpointer) entries->data,
                               entries->len, error);
}

/* The history's entries for @done, in order. */
static gboolean
add_history (IcStore    *self,
             GPtrArray  *done,
             GError    **error)
{
  g_autoptr(GArray) rows = g_array_sized_new (FALSE, FALSE, sizeof (IcStoreHistoryRow), done->len);
  /* For a record from the feed that says no time: when it arrived. */
  g_autofree char *now = ic_timestamp_now ();

  if (!ic_store_get_keep_history (self))
    return TRUE;
  for (guint i = 0; i < done->len; i++)
    {
      Pending *pending = g_ptr_array_index (done, i);
      IcStoreHistoryRow row = {
        .kind = ic_record_get_kind (pending->record),
        .record_id = pending->id,
        .rev = pending->rev,
        .at = pending->updated_at != NULL ? pending->updated_at : now,
        .author = pending->author,
        .action = pending->history_action,
        .changes = pending->history_changes,
        .remote = pending->remote,
      };

      if (pending->history)
        g_array_append_val (rows, row);
    }
  return ic_store_history_add (self, (IcStoreHistoryRow *) (gpointer) rows->data, rows->len,
                               error);
}

/* Adds the full-text entries of the new rows among @done from @from on.
 * The rows of one kind written by one transaction mostly have
 * consecutive rowids, and then one statement indexes them all from the
 * table itself; else each is indexed with the values its row was
 * written with. */
static gboolean
index_new_rows (IcStore    *self,
                GPtrArray  *done,
                guint       from,
                GError    **error)
{
  gint64 first[IC_N_RECORD_KINDS] = { 0, }, last[IC_N_RECORD_KINDS] = { 0, };
  guint count[IC_N_RECORD_KINDS] = { 0, };

  for (guint i = from; i < done->len; i++)
    {
      Pending *pending = g_ptr_array_index (done, i);
      IcRecordKind kind = ic_record_get_kind (pending->record);

      if (pending->fts_rowid == 0)
        continue;
      if (count[kind]++ == 0)
        first[kind] = last[kind] = pending->fts_rowid;
      first[kind] = MIN (first[kind], pending->fts_rowid);
      last[kind] = MAX (last[kind], pending->fts_rowid);
    }

  for (IcRecordKind kind = 0; kind < IC_N_RECORD_KINDS; kind++)
    {
      const IcStoreKindInfo *info = ic_store_get_kind_info (self, kind);
      g_autoptr(IcStoreStmt) stmt = NULL;

      if (count[kind] == 0 || last[kind] - first[kind] + 1 != count[kind])
        continue;
      stmt = ic_store_prepare_slot (self, IC_STORE_SLOT_FTS_INDEX, kind, info->fts_index_sql,
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, first[kind]);
      sqlite3_bind_int64 (stmt, 2, last[kind]);
      if (!ic_store_step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = from; i < done->len; i++)
    {
      Pending *pending = g_ptr_array_index (done, i);
      IcRecordKind kind = ic_record_get_kind (pending->record);
      const IcStoreKindInfo *info;
      /* Before the statement: cleared after it is released. */
      g_auto(IcStoreBinding) binding = IC_STORE_BINDING_INIT;
      g_autoptr(IcStoreStmt) stmt = NULL;

      if (pending->fts_rowid == 0 || last[kind] - first[kind] + 1 == count[kind])
        continue;
      info = ic_store_get_kind_info (self, kind);
      stmt = ic_store_prepare_slot (self, IC_STORE_SLOT_FTS_INSERT, kind, info->fts_insert_sql,
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, pending->fts_rowid);
      if (!ic_store_table_bind_columns (info->table, stmt, 2, G_OBJECT (pending->record),
                                        info->fts_columns, info->n_fts_columns, NULL, &binding,
                                        error) ||
          !ic_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Records written the same way, one part of a write. */
typedef struct
{
  IcRecord  **records;
  guint       n_records;
  WriteMode   mode;
  gboolean    validated;   /* by the caller, just before */
  gint64      base_rev;    /* for a one-record update: the rev it must still have; else -1 */
  const Stored * const *known;   /* per record, or NULL: what the store holds (NULL: look up) */
  gint64      known_version;     /* the data version @known was looked up at */
} WriteBatch;

/* Writes @batches, in order, in one transaction and, once committed,
 * sets what the store decided on each of their records.
 *
 * A batch's new rows are indexed once the batch is written, before the
 * next batch's rows: an update's trigger takes the old values out of
 * the full-text index, so a row it updates must be in the index even
 * when an earlier batch of the same write inserted it. */
static gboolean
write_all (IcStore           *self,
           const WriteBatch  *batches,
           guint              n_batches,
           const char        *author,
           GError           **error)
{
  g_autoptr(GPtrArray) done = g_ptr_array_new_with_free_func (pending_free);
  g_autofree char *now = NULL;
  gboolean local = FALSE;
  gint64 known_version = -1;

  /* A remote record was checked by whoever wrote it, against their own
   * list of clusters and places. */
  for (guint b = 0; b < n_batches; b++)
    {
      IcTaxonomy *taxonomy = batches[b].mode == WRITE_REMOTE ? NULL
                                                             : ic_store_get_taxonomy (self);

      local |= batches[b].mode != WRITE_REMOTE;
      for (guint i = 0; i < batches[b].n_records; i++)
        {
          g_return_val_if_fail (IC_IS_RECORD (batches[b].records[i]), FALSE);
          if (!batches[b].validated &&
              !ic_record_validate (batches[b].records[i], taxonomy, error))
            return FALSE;
        }
    }

  if (!ic_store_begin (self, error))
    return FALSE;
  /* One write, one time: its records changed together, once the write
   * had the database. */
  if (local)
    now = ic_timestamp_now ();

  /* What was looked up before the write holds if no other program
   * wrote since (this one writes through this store only). */
  for (guint b = 0; b < n_batches; b++)
    if (batches[b].known != NULL && known_version < 0)
      known_version = ic_store_get_data_version (self);

  for (guint b = 0; b < n_batches; b++)
    {
      guint from = done->len;
      gboolean use_known = batches[b].known != NULL && batches[b].known_version >= 0 &&
                           batches[b].known_version == known_version;

      for (guint i = 0; i < batches[b].n_records; i++)
        {
          const Stored *known = use_known ? batches[b].known[i] : NULL;
          Pending *pending = write_record (self, batches[b].records[i], batches[b].mode,
                                           batches[b].base_rev, known, author, now, error);

          if (pending == NULL)
            {
              ic_store_rollback (self);
              return FALSE;
            }
          g_ptr_array_add (done, pending);
        }
      if (!index_new_rows (self, done, from, error))
        {
          ic_store_rollback (self);
          return FALSE;
        }
    }

  if (!log_changes (self, done, error) || !add_history (self, done, error) ||
      !ic_store_commit (self, error))
    {
      ic_store_rollback (self);
      return FALSE;
    }

  for (guint i = 0; i < done->len; i++)
    pending_apply (g_ptr_array_index (done, i));
  return TRUE;
}

/* write_all() for one batch. */
static gboolean
write_batch (IcStore     *self,
             IcRecord   **records,
             guint        n_records,
             WriteMode    mode,
             const char  *author,
             GError     **error)
{
  WriteBatch batch = { records, n_records, mode, FALSE, -1, NULL, 0 };

  return write_all (self, &batch, 1, author, error);
}

gboolean
ic_store_insert (IcStore     *self,
                 IcRecord    *record,
                 const char  *author,
                 GError     **error)
{
  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (IC_IS_RECORD (record), FALSE);

  return write_batch (self, &record, 1, WRITE_INSERT, author, error);
}

gboolean
ic_store_insert_all (IcStore     *self,
                     GPtrArray   *records,
                     const char  *author,
                     GError     **error)
{
  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  return write_batch (self, (IcRecord **) records->pdata, records->len,
                      WRITE_INSERT, author, error);
}

gboolean
ic_store_update (IcStore     *self,
                 IcRecord    *record,
                 const char  *author,
                 GError     **error)
{
  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (IC_IS_RECORD (record), FALSE);

  return write_batch (self, &record, 1, WRITE_UPDATE, author, error);
}

gboolean
ic_store_update_if_unchanged (IcStore     *self,
                              IcRecord    *record,
                              gint64       base_rev,
                              const char  *author,
                              GError     **error)
{
  WriteBatch batch = { &record, 1, WRITE_UPDATE, FALSE, base_rev, NULL, 0 };

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (IC_IS_RECORD (record), FALSE);
  g_return_val_if_fail (base_rev >= 0, FALSE);

  return write_all (self, &batch, 1, author, error);
}

static gboolean
write_inserts_updates (IcStore     *self,
                       GPtrArray   *inserts,
                       GPtrArray   *updates,
                       gboolean     validated,
                       const char  *author,
                       GError     **error)
{
  WriteBatch batches[2];
  guint n_batches = 0;

  if (inserts != NULL && inserts->len > 0)
    batches[n_batches++] = (WriteBatch) { (IcRecord **) inserts->pdata, inserts->len,
                                          WRITE_INSERT, validated, -1, NULL, 0 };
  if (updates != NULL && updates->len > 0)
    batches[n_batches++] = (WriteBatch) { (IcRecord **) updates->pdata, updates->len,
                                          WRITE_UPDATE, validated, -1, NULL, 0 };
  return write_all (self, batches, n_batches, author, error);
}

gboolean
ic_store_write_all (IcStore     *self,
                    GPtrArray   *inserts,
                    GPtrArray   *updates,
                    const char  *author,
                    GError     **error)
{
  g_return_val_if_fail (IC_IS_STORE (self), FALSE);

  return write_inserts_updates (self, inserts, updates, FALSE, author, error);
}

gboolean
ic_store_write_all_validated (IcStore     *self,
                              GPtrArray   *inserts,
                              GPtrArray   *updates,
                              const char  *author,
                              GError     **error)
{
  g_return_val_if_fail (IC_IS_STORE (self), FALSE);

  return write_inserts_updates (self, inserts, updates, TRUE, author, error);
}

gboolean
ic_store_put_remote (IcStore   *self,
                     IcRecord  *record,
                     GError   **error)
{
  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (IC_IS_RECORD (record), FALSE);

  return write_batch (self, &record, 1, WRITE_REMOTE, NULL, error);
}

gboolean
ic_store_put_remote_all (IcStore    *self,
                         GPtrArray  *records,
                         GError    **error)
{
  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  return write_batch (self, (IcRecord **) records->pdata, records->len,
                      WRITE_REMOTE, NULL, error);
}

gboolean
ic_store_put_remote_all_validated (IcStore    *self,
                                   GPtrArray  *records,
                                   GError    **error)
{
  WriteBatch batch;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  batch = (WriteBatch) { (IcRecord **) records->pdata, records->len, WRITE_REMOTE, TRUE, -1, NULL, 0 };
  return write_all (self, &batch, 1, NULL, error);
}

gint64
ic_store_get_data_version (IcStore *self)
{
  g_autoptr(IcStoreStmt) stmt = NULL;
  gint64 version = -1;

  g_return_val_if_fail (IC_IS_STORE (self), -1);

  stmt = ic_store_prepare_slot (self, IC_STORE_SLOT_DATA_VERSION, 0, "PRAGMA data_version", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  return version;
}

gboolean
ic_store_put_remote_all_known (IcStore                       *self,
                               GPtrArray                     *records,
                               const IcStoreRevision * const *known,
                               gint64                         version,
                               GError                       **error)
{
  WriteBatch batch;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);
  g_return_val_if_fail (known != NULL, FALSE);

  batch = (WriteBatch) { (IcRecord **) records->pdata, records->len, WRITE_REMOTE, TRUE, -1, known,
                         version };
  return write_all (self, &batch, 1, NULL, error);
}

gboolean
ic_store_find_revisions (IcStore            *self,
                         const char * const *ids,
                         guint               n_ids,
                         IcStoreRevision    *revisions,
                         GError            **error)
{
  gboolean own_transaction;

  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_ids == 0 || (ids != NULL && revisions != NULL), FALSE);

  /* One read transaction: outside one, every statement takes and drops
   * the database's locks by itself. */
  own_transaction = sqlite3_get_autocommit (ic_store_get_db (self));
  if (own_transaction)
    {
      g_autoptr(IcStoreStmt) begin = ic_store_prepare (self, "BEGIN", error);

      if (begin == NULL || !ic_store_step_done (self, begin, error))
        return FALSE;
    }

  for (guint i = 0; i < n_ids; i++)
    if (!find_stored (self, ids[i], &revisions[i], error))
      {
        if (own_transaction)
          ic_store_rollback (self);
        return FALSE;
      }

  if (own_transaction && !ic_store_commit (self, error))
    {
      ic_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* Deletes, restores or renews the record @id: a new revision by @author
 * now, its fields as they were but for the tombstone. */
static gboolean
set_state (IcStore          *self,
           const char       *id,
           IcHistoryAction   action,
           const char       *author,
           GError          **error)
{
  g_autofree char *now = ic_timestamp_now ();
  g_autofree char *sql = NULL;
  g_autofree char *name_key = NULL;
  g_autoptr(IcStoreStmt) stmt = NULL;
  gboolean deleted = action == IC_HISTORY_DELETED;
  gboolean keyed;
  int rc;
  IcStoreHistoryRow row;
  Stored stored;

  if (!ic_store_begin (self, error))
    return FALSE;
  if (!find_stored (self, id, &stored, error))
    goto fail;
  if (!stored.found)
    {
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND,
                   _("No record has the id %s"), id);
      goto fail;
    }
  /* Deleting a tombstone, or restoring a live record, changes nothing. */
  if (action != IC_HISTORY_RENEWED && stored.deleted == deleted)
    {
      if (ic_store_commit (self, error))
        return TRUE;
      goto fail;
    }
  if (action == IC_HISTORY_RENEWED)
    deleted = stored.deleted;

  /* A tombstone frees its name; a record brought back takes it again,
   * unless another has it by now (ic-store-names.c). */
  keyed = action != IC_HISTORY_RENEWED &&
          (stored.kind == IC_RECORD_KIND_ORGANISATION || stored.kind == IC_RECORD_KIND_CHALLENGE ||
           stored.kind == IC_RECORD_KIND_CAPABILITY);
  if (keyed && !deleted)
    {
      g_autoptr(IcRecord) record = ic_store_get_stored (self, stored.kind, id, error);

      if (record == NULL)
        goto fail;
      name_key = ic_name_key_for_record (record);
    }
  sql = g_strdup_printf ("UPDATE %s SET deleted = ?1, rev = ?2, updated_at = ?3, "
                         "author = coalesce (?4, author)%s WHERE id = ?5",
                         ic_record_kind_to_string (stored.kind),
                         keyed ? ", name_key = ?6" : "");
  stmt = ic_store_prepare (self, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, deleted ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, stored.rev + 1);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, author, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, id, -1, SQLITE_TRANSIENT);
  if (keyed)
    sqlite3_bind_text (stmt, 6, name_key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_CONSTRAINT_UNIQUE && name_key != NULL)
    {
      ic_store_refuse_duplicate (self, stored.kind, name_key, error);
      goto fail;
    }
  if (rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      goto fail;
    }
  ic_store_stmt_release (g_steal_pointer (&stmt));

  if (stored.visibility != IC_VISIBILITY_PRIVATE &&
      !ic_store_log_change (self, stored.kind, id, stored.rev + 1, stored.rev,
                            deleted, now, error))
    goto fail;

  row = (IcStoreHistoryRow) { stored.kind, id, stored.rev + 1, now, author, action, NULL, FALSE };
  if (!ic_store_history_add (self, &row, 1, error))
    goto fail;

  if (ic_store_commit (self, error))
    return TRUE;

fail:
  ic_store_rollback (self);
  return FALSE;
}

gboolean
ic_store_delete (IcStore     *self,
                 const char  *id,
                 const char  *author,
                 GError     **error)
{
  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return set_state (self, id, IC_HISTORY_DELETED, author, error);
}

gboolean
ic_store_restore (IcStore     *self,
                  const char  *id,
                  const char  *author,
                  GError     **error)
{
  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return set_state (self, id, IC_HISTORY_RESTORED, author, error);
}

gboolean
ic_store_renew (IcStore     *self,
                const char  *id,
                const char  *author,
                GError     **error)
{
  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return set_state (self, id, IC_HISTORY_RENEWED, author, error);
}
