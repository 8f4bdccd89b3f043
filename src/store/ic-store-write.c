/* ic-store-write.c — inserts, updates, tombstones and remote records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every public write is one transaction.  The values the store decides
 * (id, rev, updated_at, author) are bound in place of the object's and
 * set on the object only once the transaction has committed, so that a
 * failed write leaves the caller's record as it was.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ic-model-enums.h"
#include "ic-shortlist.h"
#include "ic-store-private.h"

typedef enum
{
  WRITE_INSERT,
  WRITE_UPDATE,
  WRITE_REMOTE,
} WriteMode;

/* What the database holds under an id. */
typedef struct
{
  gboolean     found;
  IcRecordKind kind;
  gint64       rev;
  IcVisibility visibility;
  gboolean     deleted;
} Stored;

/* The values to set on a record once its write has committed. */
typedef struct
{
  IcRecord *record;
  char     *id;
  char     *updated_at;
  char     *author;
  gint64    rev;
  gboolean  deleted;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_object_unref (pending->record);
  g_free (pending->id);
  g_free (pending->updated_at);
  g_free (pending->author);
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
  g_object_thaw_notify (G_OBJECT (record));
}

static gboolean
find_stored (IcStore     *self,
             const char  *id,
             Stored      *stored,
             GError     **error)
{
  memset (stored, 0, sizeof *stored);
  if (id == NULL || id[0] == '\0')
    return TRUE;

  for (guint kind = 0; kind < IC_N_RECORD_KINDS; kind++)
    {
      const IcStoreKindInfo *info = ic_store_get_kind_info (self, kind);
      g_autofree char *sql =
        g_strdup_printf ("SELECT rev, visibility, deleted FROM %s WHERE id = ?", info->table->name);
      g_autoptr(IcStoreStmt) stmt = ic_store_prepare (self, sql, error);
      int visibility = IC_VISIBILITY_TEAM;
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        continue;
      if (rc != SQLITE_ROW)
        {
          ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
          return FALSE;
        }

      ic_enum_from_nick (IC_TYPE_VISIBILITY, (const char *) sqlite3_column_text (stmt, 1),
                         &visibility);
      stored->found = TRUE;
      stored->kind = kind;
      stored->rev = sqlite3_column_int64 (stmt, 0);
      stored->visibility = visibility;
      stored->deleted = sqlite3_column_int (stmt, 2) != 0;
      return TRUE;
    }
  return TRUE;
}

static gboolean
id_exists_in (IcStore       *self,
              IcRecordKind   kind,
              const char    *id,
              gboolean      *exists,
              GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?",
                                          ic_record_kind_to_string (kind));
  g_autoptr(IcStoreStmt) stmt = ic_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ic_store_set_sqlite_error (error, ic_store_get_db (self), rc);
      return FALSE;
    }
  *exists = rc == SQLITE_ROW;
  return TRUE;
}

/* The foreign keys would refuse a dangling reference too, but could not
 * say which field is at fault. */
static gboolean
check_references (IcStore   *self,
                  IcRecord  *record,
                  GError   **error)
{
  static const struct
  {
    IcRecordKind kind;
    const char  *property;
    const char  *column;
    IcRecordKind target;
  } references[] = {
    { IC_RECORD_KIND_CHALLENGE, "organisation-id", "organisation_id",
      IC_RECORD_KIND_ORGANISATION },
    { IC_RECORD_KIND_CAPABILITY, "organisation-id", "organisation_id",
      IC_RECORD_KIND_ORGANISATION },
    { IC_RECORD_KIND_SHORTLIST, "challenge-id", "challenge_id",
      IC_RECORD_KIND_CHALLENGE },
  };
  IcRecordKind kind = ic_record_get_kind (record);

  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      g_autofree char *target_id = NULL;
      gboolean exists = FALSE;

      if (references[i].kind != kind)
        continue;
      g_object_get (record, references[i].property, &target_id, NULL);
      if (target_id == NULL)
        continue;
      if (!id_exists_in (self, references[i].target, target_id, &exists, error))
        return FALSE;
      if (!exists)
        {
          g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_CONSTRAINT,
                       _("%s: no %s has the id %s"), references[i].column,
                       ic_record_kind_to_string (references[i].target), target_id);
          return FALSE;
        }
    }
  return TRUE;
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
      g_autoptr(IcStoreStmt) stmt = ic_store_prepare (self, info->insert_sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, shortlist_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, i);
      if (!ic_store_table_bind (info->table, stmt, 3, entry, NULL, error) ||
          !ic_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Writes @record inside the caller's transaction.  Returns the values
 * to set on it after the commit. */
static Pending *
write_record (IcStore     *self,
              IcRecord    *record,
              WriteMode    mode,
              const char  *author,
              GError     **error)
{
  IcRecordKind kind = ic_record_get_kind (record);
  const IcStoreKindInfo *info = ic_store_get_kind_info (self, kind);
  const char *kind_name = ic_record_kind_to_string (kind);
  const char *id = ic_record_get_id (record);
  g_autoptr(IcStoreStmt) stmt = NULL;
  IcStoreRowMeta meta;
  Pending *pending;
  Stored stored;
  gint64 base_rev = 0;

  if (mode != WRITE_INSERT && (id == NULL || id[0] == '\0'))
    {
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND,
                   _("The %s has no id"), kind_name);
      return NULL;
    }
  if (!find_stored (self, id, &stored, error))
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
  if (!check_references (self, record, error))
    return NULL;

  pending = g_new0 (Pending, 1);
  pending->record = g_object_ref (record);
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
      pending->updated_at = ic_timestamp_now ();
      pending->author = g_strdup (author != NULL ? author : ic_record_get_author (record));
      /* Only ic_store_delete() and ic_store_restore() change the tombstone. */
      pending->deleted = mode == WRITE_INSERT ? ic_record_get_deleted (record) : stored.deleted;
      base_rev = mode == WRITE_INSERT ? 0 : stored.rev;
    }

  meta = (IcStoreRowMeta) {
    .id = pending->id,
    .rev = pending->rev,
    .updated_at = pending->updated_at,
    .author = pending->author,
    .deleted = pending->deleted,
  };

  stmt = ic_store_prepare (self, mode == WRITE_INSERT ? info->insert_sql : info->upsert_sql, error);
  if (stmt == NULL ||
      !ic_store_table_bind (info->table, stmt, 1, G_OBJECT (record), &meta, error) ||
      !ic_store_step_done (self, stmt, error))
    goto fail;

  if (kind == IC_RECORD_KIND_SHORTLIST &&
      !write_entries (self, record, pending->id, mode != WRITE_INSERT, error))
    goto fail;

  if (mode != WRITE_REMOTE && ic_record_get_visibility (record) == IC_VISIBILITY_TEAM &&
      !ic_store_log_change (self, kind, pending->id, pending->rev, base_rev,
                            pending->deleted, pending->updated_at, error))
    goto fail;

  return pending;

fail:
  pending_free (pending);
  return NULL;
}

/* Writes @records in one transaction and, once committed, sets what the
 * store decided on each of them. */
static gboolean
write_all (IcStore     *self,
           IcRecord   **records,
           guint        n_records,
           WriteMode    mode,
           const char  *author,
           GError     **error)
{
  g_autoptr(GPtrArray) done = g_ptr_array_new_with_free_func (pending_free);
  IcTaxonomy *taxonomy = mode == WRITE_REMOTE ? NULL : ic_store_get_taxonomy (self);

  /* A remote record was checked by whoever wrote it, against their own
   * list of clusters and places. */
  for (guint i = 0; i < n_records; i++)
    {
      g_return_val_if_fail (IC_IS_RECORD (records[i]), FALSE);
      if (!ic_record_validate (records[i], taxonomy, error))
        return FALSE;
    }

  if (!ic_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < n_records; i++)
    {
      Pending *pending = write_record (self, records[i], mode, author, error);

      if (pending == NULL)
        {
          ic_store_rollback (self);
          return FALSE;
        }
      g_ptr_array_add (done, pending);
    }

  if (!ic_store_commit (self, error))
    {
      ic_store_rollback (self);
      return FALSE;
    }

  for (guint i = 0; i < done->len; i++)
    pending_apply (g_ptr_array_index (done, i));
  return TRUE;
}

gboolean
ic_store_insert (IcStore     *self,
                 IcRecord    *record,
                 const char  *author,
                 GError     **error)
{
  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (IC_IS_RECORD (record), FALSE);

  return write_all (self, &record, 1, WRITE_INSERT, author, error);
}

gboolean
ic_store_insert_all (IcStore     *self,
                     GPtrArray   *records,
                     const char  *author,
                     GError     **error)
{
  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  return write_all (self, (IcRecord **) records->pdata, records->len,
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

  return write_all (self, &record, 1, WRITE_UPDATE, author, error);
}

gboolean
ic_store_put_remote (IcStore   *self,
                     IcRecord  *record,
                     GError   **error)
{
  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (IC_IS_RECORD (record), FALSE);

  return write_all (self, &record, 1, WRITE_REMOTE, NULL, error);
}

static gboolean
set_deleted (IcStore     *self,
             const char  *id,
             gboolean     deleted,
             const char  *author,
             GError     **error)
{
  g_autofree char *now = ic_timestamp_now ();
  g_autofree char *sql = NULL;
  g_autoptr(IcStoreStmt) stmt = NULL;
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
  if (stored.deleted == deleted)
    {
      if (ic_store_commit (self, error))
        return TRUE;
      goto fail;
    }

  sql = g_strdup_printf ("UPDATE %s SET deleted = ?, rev = ?, updated_at = ?, "
                         "author = coalesce (?, author) WHERE id = ?",
                         ic_record_kind_to_string (stored.kind));
  stmt = ic_store_prepare (self, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, deleted ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, stored.rev + 1);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, author, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, id, -1, SQLITE_TRANSIENT);
  if (!ic_store_step_done (self, stmt, error))
    goto fail;

  if (stored.visibility == IC_VISIBILITY_TEAM &&
      !ic_store_log_change (self, stored.kind, id, stored.rev + 1, stored.rev,
                            deleted, now, error))
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

  return set_deleted (self, id, TRUE, author, error);
}

gboolean
ic_store_restore (IcStore     *self,
                  const char  *id,
                  const char  *author,
                  GError     **error)
{
  g_return_val_if_fail (IC_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return set_deleted (self, id, FALSE, author, error);
}
