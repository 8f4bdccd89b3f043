/* ic-feed-local.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ic-feed-error.h"
#include "ic-feed-json.h"
#include "ic-feed-local.h"
#include "ic-feed-merge.h"
#include "ic-record-json.h"
#include "ic-store-conflicts.h"
#include "ic-store-responses.h"
#include "ic-store-feed.h"

/* Outbox entries read at a time when building a batch. */
#define OUTBOX_READ        2000
/* Rounds of entries that need no sending, before giving up for now. */
#define MAX_QUIET_ROUNDS   1000
#define OUTBOX_COUNT_PAGE  10000
#define MAX_OUTBOX_PAGES   10000
#define WAITING_PAGE       1000
/* Quarantined records tried again at each sync. */
#define QUARANTINE_RETRY   1000

void
ic_feed_outbox_batch_free (IcFeedOutboxBatch *batch)
{
  if (batch == NULL)
    return;
  g_clear_pointer (&batch->body, g_bytes_unref);
  g_clear_pointer (&batch->sent, g_ptr_array_unref);
  g_free (batch);
}

/* *@record is the record with @id, or NULL when there is none. */
static gboolean
get_local (IcStore     *store,
           const char  *id,
           IcRecord   **record,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  *record = ic_store_get (store, id, &local_error);
  if (*record == NULL && !g_error_matches (local_error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

IcFeedOutboxBatch *
ic_feed_local_next_batch (IcStore           *store,
                          gsize              max_bytes,
                          guint              max_changes,
                          IcFeedSyncCounts  *counts,
                          GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *extra = NULL;
  gint64 n_extra = ic_store_count_extra_fields (store, error);
  gboolean have_extra = n_extra > 0;

  if (n_extra < 0)
    return NULL;
  for (guint round = 0; round < MAX_QUIET_ROUNDS; round++)
    {
      g_autoptr(GPtrArray) entries = NULL;
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(IcFeedBatchBuilder) builder = ic_feed_batch_builder_new (max_bytes, max_changes);
      g_autoptr(GPtrArray) sent = g_ptr_array_new_with_free_func (g_object_unref);
      IcFeedOutboxBatch *batch;
      gint64 up_to_seq;

      entries = ic_store_list_changes (store, 0, OUTBOX_READ, error);
      if (entries == NULL || entries->len == 0)
        return NULL;
      up_to_seq = ((IcChange *) g_ptr_array_index (entries, entries->len - 1))->seq;

      /* The first entry of a record carries the base its edits started
       * from; the later ones are folded into its current state. */
      for (guint i = 0; i < entries->len; i++)
        {
          IcChange *entry = g_ptr_array_index (entries, i);
          g_autoptr(IcRecord) record = NULL;
          gboolean too_large = FALSE;

          if (!g_hash_table_add (seen, entry->record_id))
            continue;

          if (!get_local (store, entry->record_id, &record, error))
            return NULL;
          if (record == NULL || ic_record_get_visibility (record) == IC_VISIBILITY_PRIVATE)
            {
              counts->withheld++;
              continue;
            }

          g_clear_pointer (&extra, g_free);
          if (have_extra)
            {
              extra = ic_store_get_extra_fields (store, entry->record_id, &local_error);
              if (local_error != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return NULL;
                }
            }
          if (!ic_feed_batch_builder_add_full (builder, record, extra, entry->base_rev, &too_large))
            {
              if (too_large)
                {
                  if (!ic_store_add_conflict (store, IC_CONFLICT_REJECTED, record, 0,
                                              _("Too large to send to the feed"), error))
                    return NULL;
                  counts->rejected++;
                  continue;
                }
              up_to_seq = entry->seq - 1;
              break;
            }
          g_ptr_array_add (sent, g_steal_pointer (&record));
        }

      if (sent->len == 0)
        {
          if (!ic_store_ack_changes (store, up_to_seq, error))
            return NULL;
          continue;
        }

      batch = g_new0 (IcFeedOutboxBatch, 1);
      batch->n_changes = ic_feed_batch_builder_get_n_changes (builder);
      batch->body = ic_feed_batch_builder_end (g_steal_pointer (&builder));
      batch->up_to_seq = up_to_seq;
      batch->sent = g_steal_pointer (&sent);
      return batch;
    }
  return NULL;
}

/* Writes @record from the server; one that names a record not here yet
 * waits. */
static gboolean
put_one (IcStore           *store,
         IcRecord          *record,
         gint64             server_rev,
         IcFeedSyncCounts  *counts,
         GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  if (ic_store_put_remote (store, record, &local_error))
    return TRUE;
  if (!g_error_matches (local_error, IC_STORE_ERROR, IC_STORE_ERROR_CONSTRAINT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  counts->waiting++;
  return ic_store_add_conflict (store, IC_CONFLICT_WAITING, record, server_rev,
                                local_error->message, error);
}

/* Writes the server's copy over the local one. */
static gboolean
put_server_copy (IcStore           *store,
                 IcRecord          *local,
                 IcFeedChange      *server,
                 IcFeedSyncCounts  *counts,
                 GError           **error)
{
  g_autoptr(IcRecord) tombstone = NULL;

  if (!server->deleted)
    return put_one (store, server->record, server->rev, counts, error) &&
           ic_store_set_extra_fields (store, server->id, server->extra, error);
  if (local == NULL)
    return TRUE;
  tombstone = ic_record_copy (local);
  ic_record_set_deleted (tombstone, TRUE);
  ic_record_set_rev (tombstone, server->rev);
  return put_one (store, tombstone, server->rev, counts, error);
}

/* The state @local's pending edits were made on, if the store kept it
 * and a field-by-field merge makes sense (neither side deleted it). */
static gboolean
find_base (IcStore       *store,
           IcRecord      *local,
           IcFeedChange  *server,
           IcRecord     **base,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *json = NULL;

  *base = NULL;
  if (server->deleted || server->record == NULL || ic_record_get_deleted (local))
    return TRUE;
  json = ic_store_get_base (store, ic_record_get_id (local), NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (json != NULL)
    *base = ic_record_new_from_json_data (ic_record_get_kind (local), json, -1, NULL);
  return TRUE;
}

/* Writes the server's copy with the fields changed here only, as a new
 * local edit made on the server's copy (pushed in this sync); the fields
 * changed on both sides keep the server's value and are kept, with the
 * base, as a conflict for the user.  FALSE in *@merged when the merge
 * cannot be written: the caller keeps the whole local copy instead. */
static gboolean
merge_three_way (IcStore           *store,
                 IcRecord          *local,
                 IcRecord          *base,
                 IcFeedChange      *server,
                 IcFeedSyncCounts  *counts,
                 gboolean          *merged,
                 GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(IcRecord) result = NULL;
  g_auto(GStrv) both = NULL;
  g_autofree char *theirs = NULL;
  guint n_taken = 0;

  *merged = FALSE;
  result = ic_feed_merge_three_way (base, local, server->record, &both, &n_taken, &local_error);
  if (result == NULL)
    return TRUE;
  if (!ic_record_validate (result, ic_store_get_taxonomy (store), NULL))
    return TRUE;

  *merged = TRUE;
  if (!put_server_copy (store, local, server, counts, error))
    return FALSE;
  if (n_taken > 0)
    {
      theirs = ic_record_to_json_data (server->record, FALSE);
      if (!ic_store_set_base (store, server->id, server->rev, theirs, error) ||
          !ic_store_update (store, result, ic_record_get_author (local), error))
        return FALSE;
    }
  if (both[0] == NULL)
    {
      counts->merged++;
      return TRUE;
    }

  {
    g_autofree char *fields = g_strjoinv (", ", both);
    g_autofree char *reason = g_strdup_printf (_("Changed on the feed (rev %" G_GINT64_FORMAT ") and here: %s"),
                                               server->rev, fields);

    counts->conflicts++;
    return ic_store_add_conflict_with_base (store, local, server->rev, reason, base,
                                            (const char * const *) both, error);
  }
}

static gboolean
keep_conflict (IcStore           *store,
               IcRecord          *sent,
               IcFeedResult      *result,
               IcFeedSyncCounts  *counts,
               GError           **error)
{
  g_autoptr(IcRecord) local = NULL;
  g_autoptr(IcRecord) base = NULL;
  g_autofree char *reason = NULL;
  gboolean merged = FALSE;

  /* The newest local state is the one worth keeping: it may have
   * moved on since the batch was sent. */
  if (!get_local (store, ic_record_get_id (sent), &local, error))
    return FALSE;
  if (local == NULL)
    local = g_object_ref (sent);

  /* An excluded pair holds nothing but whether it stands: two laptops
   * that made the same judgement agree, whoever wrote it first. */
  if (ic_record_get_kind (local) == IC_RECORD_KIND_EXCLUDED_PAIR &&
      ic_record_get_deleted (local) == result->server->deleted)
    {
      counts->merged++;
      return put_server_copy (store, local, result->server, counts, error);
    }

  if (!find_base (store, local, result->server, &base, error))
    return FALSE;
  if (base != NULL && !merge_three_way (store, local, base, result->server, counts, &merged, error))
    return FALSE;
  if (merged)
    return TRUE;

  reason = g_strdup_printf (result->server->deleted
                            ? _("Deleted on the feed (rev %" G_GINT64_FORMAT ") while edited here")
                            : _("Changed on the feed (rev %" G_GINT64_FORMAT ") while edited here"),
                            result->server->rev);
  counts->conflicts++;
  if (!ic_store_add_conflict (store, IC_CONFLICT_EDIT, local, result->server->rev, reason, error))
    return FALSE;
  return put_server_copy (store, local, result->server, counts, error);
}

/* The server settled on another rev than the one sent (it never goes
 * below): follow it, unless the record moved on here meanwhile. */
static gboolean
follow_rev (IcStore   *store,
            IcRecord  *sent,
            gint64     rev,
            GError   **error)
{
  g_autoptr(IcRecord) local = NULL;

  if (!get_local (store, ic_record_get_id (sent), &local, error))
    return FALSE;
  if (local == NULL || ic_record_get_rev (local) != ic_record_get_rev (sent))
    return TRUE;
  ic_record_set_rev (local, rev);
  return ic_store_put_remote (store, local, error);
}

gboolean
ic_feed_local_apply_results (IcStore            *store,
                             IcFeedOutboxBatch  *batch,
                             IcFeedPushResponse *response,
                             IcFeedSyncCounts   *counts,
                             GError            **error)
{
  g_return_val_if_fail (response->results->len == batch->sent->len, FALSE);

  for (guint i = 0; i < batch->sent->len; i++)
    {
      IcRecord *sent = g_ptr_array_index (batch->sent, i);
      IcFeedResult *result = g_ptr_array_index (response->results, i);

      if (result->id != NULL && g_strcmp0 (result->id, ic_record_get_id (sent)) != 0)
        {
          g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL,
                       _("Result %u is about another record than the change sent"), i + 1);
          return FALSE;
        }
    }

  for (guint i = 0; i < batch->sent->len; i++)
    {
      IcRecord *sent = g_ptr_array_index (batch->sent, i);
      IcFeedResult *result = g_ptr_array_index (response->results, i);

      switch (result->status)
        {
        case IC_FEED_RESULT_ACCEPTED:
          counts->pushed++;
          if (result->rev > ic_record_get_rev (sent) && !follow_rev (store, sent, result->rev, error))
            return FALSE;
          break;
        case IC_FEED_RESULT_CONFLICT:
          if (!keep_conflict (store, sent, result, counts, error))
            return FALSE;
          break;
        case IC_FEED_RESULT_REJECTED:
        default:
          counts->rejected++;
          if (!ic_store_add_conflict (store, IC_CONFLICT_REJECTED, sent, 0, result->detail, error))
            return FALSE;
          break;
        }
    }

  if (response->acked_seq > 0 && response->acked_chain != NULL)
    {
      gint64 stored_seq;
      g_autofree char *stored_chain = NULL;

      ic_feed_local_load_acked (store, &stored_seq, &stored_chain);
      if (response->acked_seq > stored_seq)
        {
          g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT " %s", response->acked_seq,
                                                    response->acked_chain);

          if (!ic_store_set_setting (store, IC_FEED_SETTING_ACKED, value, error))
            return FALSE;
        }
    }
  return ic_store_ack_changes (store, batch->up_to_seq, error);
}

void
ic_feed_local_load_acked (IcStore  *store,
                          gint64   *seq,
                          char    **chain)
{
  g_autofree char *value = ic_store_get_setting (store, IC_FEED_SETTING_ACKED);
  const char *space = value ? strchr (value, ' ') : NULL;
  gint64 number = 0;

  *seq = 0;
  *chain = NULL;
  if (space == NULL)
    return;
  {
    g_autofree char *digits = g_strndup (value, space - value);

    if (!g_ascii_string_to_signed (digits, 10, 1, G_MAXINT64, &number, NULL))
      return;
  }
  *seq = number;
  *chain = g_strdup (space + 1);
}

gboolean
ic_feed_local_clear_acked (IcStore  *store,
                           GError  **error)
{
  g_autofree char *value = ic_store_get_setting (store, IC_FEED_SETTING_ACKED);

  return value == NULL || ic_store_set_setting (store, IC_FEED_SETTING_ACKED, NULL, error);
}

static gboolean
set_cursor (IcStore     *store,
            gint64       cursor,
            const char  *hash,
            GError     **error)
{
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, cursor);
  g_autofree char *stored_hash = ic_store_get_setting (store, IC_FEED_SETTING_CURSOR_HASH);

  if (g_strcmp0 (stored_hash, hash) != 0 &&
      !ic_store_set_setting (store, IC_FEED_SETTING_CURSOR_HASH, hash, error))
    return FALSE;
  return ic_store_set_setting (store, IC_FEED_SETTING_CURSOR, value, error);
}

char *
ic_feed_local_load_cursor_hash (IcStore *store)
{
  return ic_store_get_setting (store, IC_FEED_SETTING_CURSOR_HASH);
}

gboolean
ic_feed_local_load_cursor (IcStore     *store,
                           const char  *feed_url,
                           gint64      *cursor,
                           char       **feed_id,
                           GError     **error)
{
  g_autofree char *url = ic_store_get_setting (store, IC_FEED_SETTING_URL);
  g_autofree char *value = NULL;
  gint64 number = 0;

  *cursor = 0;
  *feed_id = NULL;
  if (g_strcmp0 (url, feed_url) != 0)
    return ic_store_set_setting (store, IC_FEED_SETTING_URL, feed_url, error) &&
           ic_store_set_setting (store, IC_FEED_SETTING_ID, NULL, error) &&
           ic_store_set_setting (store, IC_FEED_SETTING_CURSOR_HASH, NULL, error) &&
           ic_store_set_setting (store, IC_FEED_SETTING_HEAL, NULL, error) &&
           ic_store_set_setting (store, IC_FEED_SETTING_GZIP, NULL, error) &&
           ic_store_set_setting (store, IC_FEED_SETTING_ACKED, NULL, error) &&
           ic_store_set_setting (store, IC_FEED_SETTING_CURSOR, NULL, error);

  value = ic_store_get_setting (store, IC_FEED_SETTING_CURSOR);
  if (value != NULL && g_ascii_string_to_signed (value, 10, 0, G_MAXINT64, &number, NULL))
    *cursor = number;
  *feed_id = ic_store_get_setting (store, IC_FEED_SETTING_ID);
  return TRUE;
}

gboolean
ic_feed_local_reset_cursor (IcStore     *store,
                            const char  *feed_id,
                            GError     **error)
{
  return ic_store_set_setting (store, IC_FEED_SETTING_ID, feed_id, error) &&
         set_cursor (store, 0, NULL, error);
}

/* Ids of the records with queued local edits. */
static GHashTable *
pending_ids (IcStore  *store,
             GError  **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 after = 0;

  for (guint page = 0; page < MAX_OUTBOX_PAGES; page++)
    {
      g_autoptr(GPtrArray) entries = ic_store_list_changes (store, after, OUTBOX_COUNT_PAGE, error);

      if (entries == NULL)
        return NULL;
      for (guint i = 0; i < entries->len; i++)
        {
          IcChange *entry = g_ptr_array_index (entries, i);

          g_hash_table_add (ids, g_strdup (entry->record_id));
          after = entry->seq;
        }
      if (entries->len < OUTBOX_COUNT_PAGE)
        break;
    }
  return g_steal_pointer (&ids);
}

/* The record @record names, if it names one: a challenge or capability
 * its organisation, a shortlist its challenge. */
static char *
named_record (IcRecord     *record,
              IcRecordKind *kind)
{
  char *id = NULL;

  switch (ic_record_get_kind (record))
    {
    case IC_RECORD_KIND_CHALLENGE:
    case IC_RECORD_KIND_CAPABILITY:
      *kind = IC_RECORD_KIND_ORGANISATION;
      g_object_get (record, "organisation-id", &id, NULL);
      break;
    case IC_RECORD_KIND_SHORTLIST:
      *kind = IC_RECORD_KIND_CHALLENGE;
      g_object_get (record, "challenge-id", &id, NULL);
      break;
    case IC_RECORD_KIND_ORGANISATION:
    case IC_RECORD_KIND_FORESIGHT:
    default:
      break;
    }
  if (id != NULL && id[0] == '\0')
    g_clear_pointer (&id, g_free);
  return id;
}

/* What the store holds under the ids a page is about: its changes' own
 * ids and those of the records they name, all looked up at once.
 * Returns: (transfer full): id → IcStoreRevision */
static GHashTable *
look_up_page (IcStore     *store,
              IcFeedPage  *page,
              GError     **error)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autofree IcStoreRevision *revisions = NULL;

  for (guint i = 0; i < page->changes->len; i++)
    {
      IcFeedChange *change = g_ptr_array_index (page->changes, i);
      IcRecordKind kind;
      char *named;

      if (change->invalid != NULL)
        continue;
      if (!g_hash_table_contains (known, change->id))
        {
          g_hash_table_insert (known, g_strdup (change->id), NULL);
          g_ptr_array_add (ids, change->id);
        }
      named = change->record != NULL ? named_record (change->record, &kind) : NULL;
      if (named != NULL && !g_hash_table_contains (known, named))
        {
          g_hash_table_insert (known, named, NULL);
          g_ptr_array_add (ids, named);
        }
      else
        g_free (named);
    }

  revisions = g_new0 (IcStoreRevision, MAX (ids->len, 1));
  if (!ic_store_find_revisions (store, (const char * const *) ids->pdata, ids->len, revisions,
                                error))
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_replace (known, g_strdup (g_ptr_array_index (ids, i)),
                          g_memdup2 (&revisions[i], sizeof revisions[i]));
  return g_steal_pointer (&known);
}

/* What the store holds under @id: from @known, else looked up (and
 * remembered). */
static gboolean
known_revision (IcStore                *store,
                GHashTable             *known,
                const char             *id,
                const IcStoreRevision **revision,
                GError                **error)
{
  g_autofree IcStoreRevision *found = NULL;

  *revision = g_hash_table_lookup (known, id);
  if (*revision != NULL)
    return TRUE;
  found = g_new0 (IcStoreRevision, 1);
  if (!ic_store_find_revisions (store, &id, 1, found, error))
    return FALSE;
  *revision = found;
  g_hash_table_insert (known, g_strdup (id), g_steal_pointer (&found));
  return TRUE;
}

/* Whether the record @record names is here, or comes earlier in the
 * same page (@coming: id → kind; records found here are added, so that
 * the many records naming one organisation are checked once). */
static gboolean
named_record_present (IcStore     *store,
                      GHashTable  *known,
                      IcRecord    *record,
                      GHashTable  *coming,
                      gboolean    *present,
                      GError     **error)
{
  g_autofree char *id = NULL;
  const IcStoreRevision *named;
  IcRecordKind kind = IC_RECORD_KIND_ORGANISATION;
  gpointer coming_kind;

  *present = TRUE;
  id = named_record (record, &kind);
  if (id == NULL)
    return TRUE;
  if (g_hash_table_lookup_extended (coming, id, NULL, &coming_kind))
    {
      *present = GPOINTER_TO_INT (coming_kind) == (int) kind;
      return TRUE;
    }
  if (!known_revision (store, known, id, &named, error))
    return FALSE;
  *present = named->found && named->kind == kind;
  if (*present)
    g_hash_table_insert (coming, g_steal_pointer (&id), GINT_TO_POINTER (kind));
  return TRUE;
}

/* Keeps the id of a change too large to pull where sync --status shows
 * it: "id rev size" lines, the newest last, at most MAX_TOO_LARGE. */
#define MAX_TOO_LARGE 100

static gboolean
note_too_large (IcStore       *store,
                IcFeedChange  *change,
                GError       **error)
{
  g_autofree char *stored = ic_store_get_setting (store, IC_FEED_SETTING_TOO_LARGE);
  g_auto(GStrv) lines = stored ? g_strsplit (stored, "\n", -1) : g_new0 (char *, 1);
  g_autoptr(GString) kept = g_string_new (NULL);
  guint n = g_strv_length (lines);

  for (guint i = n > MAX_TOO_LARGE - 1 ? n - (MAX_TOO_LARGE - 1) : 0; i < n; i++)
    if (lines[i][0] != '\0' && !g_str_has_prefix (lines[i], change->id))
      g_string_append_printf (kept, "%s\n", lines[i]);
  g_string_append_printf (kept, "%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                          change->id, change->rev, change->too_large);
  return ic_store_set_setting (store, IC_FEED_SETTING_TOO_LARGE, kept->str, error);
}

/* What to write for a pulled change; *@to_put is NULL to skip it. */
/* An SME's answer from the board: not a record this laptop edits, kept
 * whole at its latest revision (ic-store-responses.h). */
static gboolean
keep_response (IcStore           *store,
               IcFeedChange      *change,
               IcFeedSyncCounts  *counts,
               GError           **error)
{
  g_autoptr(IcResponse) response = NULL;
  g_autoptr(GError) local_error = NULL;

  if (change->deleted || change->raw == NULL)
    {
      counts->skipped++;
      return TRUE;
    }
  response = ic_response_new_from_json_data (change->raw, -1, &local_error);
  if (response == NULL || g_strcmp0 (response->id, change->id) != 0)
    {
      counts->quarantined++;
      return ic_store_quarantine (store, change->id, change->kind_name, change->rev, change->deleted,
                                  change->raw, local_error ? local_error->message : _("id: not the change's"),
                                  error);
    }
  counts->pulled++;
  return ic_store_put_response (store, response, change->raw, error) &&
         ic_store_release_quarantine (store, change->id, change->rev, error);
}

static gboolean
decide_pulled (IcStore           *store,
               GHashTable        *known,
               IcFeedChange      *change,
               GHashTable        *pending,
               IcRecord         **to_put,
               IcFeedSyncCounts  *counts,
               GError           **error)
{
  g_autoptr(IcRecord) local = NULL;
  const IcStoreRevision *stored;

  *to_put = NULL;
  if (change->too_large > 0)
    {
      /* Named, never silent: the cursor moves past it all the same. */
      g_message ("Not pulling %s", change->invalid);
      counts->too_large++;
      counts->skipped++;
      return note_too_large (store, change, error);
    }
  if (g_strcmp0 (change->kind_name, IC_FEED_KIND_RESPONSE) == 0)
    return keep_response (store, change, counts, error);
  if (change->invalid != NULL)
    {
      /* Not skipped silently: kept aside, shown, and tried again at
       * every sync (an upgrade may read it). */
      counts->quarantined++;
      return ic_store_quarantine (store, change->id, change->kind_name ? change->kind_name : "",
                                  change->rev, change->deleted, change->raw, change->invalid, error);
    }

  if (!known_revision (store, known, change->id, &stored, error))
    return FALSE;

  if ((stored->found && (stored->kind != change->kind ||
                         stored->rev >= change->rev ||
                         stored->visibility == IC_VISIBILITY_PRIVATE)) ||
      (!stored->found && change->deleted) ||
      g_hash_table_contains (pending, change->id))
    {
      counts->skipped++;
      return TRUE;
    }

  if (change->deleted)
    {
      /* A tombstone keeps the fields of the record it ends. */
      if (!get_local (store, change->id, &local, error))
        return FALSE;
      if (local == NULL)
        {
          counts->skipped++;
          return TRUE;
        }
      *to_put = ic_record_copy (local);
      ic_record_set_deleted (*to_put, TRUE);
      ic_record_set_rev (*to_put, change->rev);
      /* Checked here as the records of the page were when parsed. */
      if (!ic_record_validate (*to_put, NULL, error))
        {
          g_clear_object (to_put);
          return FALSE;
        }
    }
  else
    *to_put = g_object_ref (change->record);
  return TRUE;
}

static gboolean
page_has_extra (GPtrArray *changes)
{
  for (guint i = 0; i < changes->len; i++)
    if (((IcFeedChange *) g_ptr_array_index (changes, i))->extra != NULL)
      return TRUE;
  return FALSE;
}

static gboolean apply_changes (IcStore           *store,
                               IcFeedPage        *page,
                               gboolean           move_cursor,
                               IcFeedSyncCounts  *counts,
                               GError           **error);

gboolean
ic_feed_local_apply_page (IcStore           *store,
                          IcFeedPage        *page,
                          IcFeedSyncCounts  *counts,
                          GError           **error)
{
  return apply_changes (store, page, TRUE, counts, error);
}

/* What comes with a record written from the feed: the fields this
 * version does not know, and the end of its quarantine. */
static gboolean
note_applied (IcStore       *store,
              IcFeedChange  *change,
              gboolean       have_extra,
              gboolean       have_quarantine,
              GError       **error)
{
  if ((change->extra != NULL || have_extra) &&
      !ic_store_set_extra_fields (store, change->id, change->extra, error))
    return FALSE;
  if (have_quarantine && !ic_store_release_quarantine (store, change->id, change->rev, error))
    return FALSE;
  return TRUE;
}

static gboolean
apply_changes (IcStore           *store,
               IcFeedPage        *page,
               gboolean           move_cursor,
               IcFeedSyncCounts  *counts,
               GError           **error)
{
  g_autoptr(GPtrArray) applied = g_ptr_array_new ();
  g_autoptr(GPtrArray) to_put_known = g_ptr_array_new ();
  gint64 n_extra, n_quarantine;
  g_autoptr(GHashTable) pending = NULL;
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GPtrArray) to_put = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) revs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) coming = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *feed_id = NULL;
  guint waiting_before;
  /* Taken before anything is looked up: the lookups are reused for the
   * write only if no other program wrote meanwhile. */
  gint64 version = ic_store_get_data_version (store);

  pending = pending_ids (store, error);
  if (pending == NULL)
    return FALSE;
  n_extra = ic_store_count_extra_fields (store, error);
  n_quarantine = n_extra < 0 ? -1 : ic_store_count_quarantine (store, error);
  if (n_quarantine < 0)
    return FALSE;
  known = look_up_page (store, page, error);
  if (known == NULL)
    return FALSE;

  for (guint i = 0; i < page->changes->len; i++)
    {
      IcFeedChange *change = g_ptr_array_index (page->changes, i);
      g_autoptr(IcRecord) record = NULL;
      gboolean present;

      if (!decide_pulled (store, known, change, pending, &record, counts, error))
        return FALSE;
      if (record == NULL)
        continue;
      if (!named_record_present (store, known, record, coming, &present, error))
        return FALSE;
      if (!present)
        {
          counts->waiting++;
          if (!ic_store_add_conflict (store, IC_CONFLICT_WAITING, record, change->rev,
                                      _("Waits for a record it names"), error))
            return FALSE;
          continue;
        }
      /* What the store held before the page; not for a record written
       * twice in it (the second write is over the first). */
      g_ptr_array_add (to_put_known,
                       g_hash_table_contains (coming, ic_record_get_id (record))
                       ? NULL : g_hash_table_lookup (known, ic_record_get_id (record)));
      g_hash_table_insert (coming, g_strdup (ic_record_get_id (record)),
                           GINT_TO_POINTER (ic_record_get_kind (record)));
      g_ptr_array_add (to_put, g_steal_pointer (&record));
      g_array_append_val (revs, change->rev);
      g_ptr_array_add (applied, change);
    }

  /* One transaction for the page, of records validated already (the
   * page's when it was parsed, a tombstone when it was made).  When a
   * record names one not here yet, the page goes one record at a time,
   * so that the rest lands and that one waits. */
  waiting_before = counts->waiting;
  if (to_put->len > 0 &&
      !ic_store_put_remote_all_known (store, to_put,
                                      (const IcStoreRevision * const *) to_put_known->pdata,
                                      version, &local_error))
    {
      if (!g_error_matches (local_error, IC_STORE_ERROR, IC_STORE_ERROR_CONSTRAINT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      for (guint i = 0; i < to_put->len; i++)
        if (!put_one (store, g_ptr_array_index (to_put, i), g_array_index (revs, gint64, i),
                      counts, error))
          return FALSE;
    }
  counts->pulled += to_put->len - (counts->waiting - waiting_before);

  if (n_extra > 0 || n_quarantine > 0 || page_has_extra (applied))
    for (guint i = 0; i < applied->len; i++)
      if (!note_applied (store, g_ptr_array_index (applied, i), n_extra > 0, n_quarantine > 0, error))
        return FALSE;

  if (!move_cursor)
    return TRUE;
  feed_id = ic_store_get_setting (store, IC_FEED_SETTING_ID);
  if (g_strcmp0 (feed_id, page->feed_id) != 0 &&
      !ic_store_set_setting (store, IC_FEED_SETTING_ID, page->feed_id, error))
    return FALSE;
  if (!set_cursor (store, page->last_seq, page->last_hash, error))
    return FALSE;
  counts->cursor = page->last_seq;
  return TRUE;
}

gboolean
ic_feed_local_retry_waiting (IcStore           *store,
                             IcFeedSyncCounts  *counts,
                             GError           **error)
{
  g_autoptr(GPtrArray) waiting = NULL;
  gint64 remaining;

  waiting = ic_store_list_conflicts (store, IC_CONFLICT_WAITING, 0, WAITING_PAGE, error);
  if (waiting == NULL)
    return FALSE;

  for (guint i = 0; i < waiting->len; i++)
    {
      IcConflict *conflict = g_ptr_array_index (waiting, i);
      g_autoptr(IcRecord) local = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!get_local (store, conflict->record_id, &local, error))
        return FALSE;
      if (local == NULL || ic_record_get_rev (local) < ic_record_get_rev (conflict->record))
        {
          if (!ic_store_put_remote (store, conflict->record, &local_error))
            {
              if (g_error_matches (local_error, IC_STORE_ERROR, IC_STORE_ERROR_CONSTRAINT))
                continue;
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          counts->pulled++;
        }
      if (!ic_store_remove_conflict (store, conflict->id, error))
        return FALSE;
    }

  remaining = ic_store_count_conflicts (store, IC_CONFLICT_WAITING, error);
  if (remaining < 0)
    return FALSE;
  counts->waiting = (guint) remaining;
  return TRUE;
}

gboolean
ic_feed_local_retry_quarantine (IcStore           *store,
                                IcFeedSyncCounts  *counts,
                                GError           **error)
{
  g_autoptr(GPtrArray) entries = ic_store_list_quarantine (store, QUARANTINE_RETRY, error);
  g_autoptr(GString) json = NULL;
  g_autoptr(IcFeedPage) page = NULL;
  g_autoptr(GError) local_error = NULL;
  IcFeedSyncCounts retried = { 0 };
  gint64 remaining;

  if (entries == NULL)
    return FALSE;
  if (entries->len > 0)
    {
      /* Read again as a page of their own, with the code of this version,
       * and applied as pulled changes are, the cursor left where it is. */
      json = g_string_new ("{\"feed_id\":\"quarantine\",\"changes\":[");
      for (guint i = 0; i < entries->len; i++)
        {
          IcQuarantined *entry = g_ptr_array_index (entries, i);

          g_string_append (json, i > 0 ? ",{" : "{");
          ic_feed_json_append_member_int (json, TRUE, "seq", i + 1);
          ic_feed_json_append_member_string (json, FALSE, "id", entry->id);
          ic_feed_json_append_member_string (json, FALSE, "kind", entry->kind);
          ic_feed_json_append_member_int (json, FALSE, "rev", entry->rev);
          g_string_append (json, entry->deleted ? ",\"deleted\":true" : ",\"deleted\":false");
          if (!entry->deleted && entry->body != NULL)
            g_string_append_printf (json, ",\"record\":%s", entry->body);
          g_string_append_c (json, '}');
        }
      g_string_append_printf (json, "],\"last_seq\":%u,\"more\":false}", entries->len);

      page = ic_feed_page_parse (json->str, json->len, &local_error);
      if (page == NULL)
        g_debug ("The quarantine cannot be read again: %s", local_error->message);
      else if (!apply_changes (store, page, FALSE, &retried, error))
        return FALSE;
      counts->pulled += retried.pulled;
    }

  remaining = ic_store_count_quarantine (store, error);
  if (remaining < 0)
    return FALSE;
  counts->quarantined = (guint) remaining;
  return TRUE;
}

gint64
ic_feed_local_count_outbox (IcStore  *store,
                            GError  **error)
{
  gint64 count = 0;
  gint64 after = 0;

  for (guint page = 0; page < MAX_OUTBOX_PAGES; page++)
    {
      g_autoptr(GPtrArray) entries = ic_store_list_changes (store, after, OUTBOX_COUNT_PAGE, error);

      if (entries == NULL)
        return -1;
      count += entries->len;
      if (entries->len < OUTBOX_COUNT_PAGE)
        break;
      after = ((IcChange *) g_ptr_array_index (entries, entries->len - 1))->seq;
    }
  return count;
}
