/* ic-feed-heal.c — offering records again to a server that lost them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The local half of healing a server restored from an older copy (see
 * PROTOCOL.md, "Healing a restored server"): the laptop's shared records
 * are read in chunks, kind by kind in id order, and those the server
 * lacks are queued in the outbox.  The progress ("kind/last id") is a
 * setting, so that a heal cut short goes on at the next sync.
 */

#include "config.h"

#include <string.h>

#include "ic-feed-local.h"


static const IcRecordKind heal_kinds[] = {
  IC_RECORD_KIND_ORGANISATION,
  IC_RECORD_KIND_CHALLENGE,
  IC_RECORD_KIND_CAPABILITY,
  IC_RECORD_KIND_FORESIGHT,
  IC_RECORD_KIND_SHORTLIST,
  IC_RECORD_KIND_EXCLUDED_PAIR,
  IC_RECORD_KIND_PIN,
  IC_RECORD_KIND_CONFLICT_RULE,
  IC_RECORD_KIND_EVENT,
};

gboolean
ic_feed_local_begin_heal (IcStore  *store,
                          GError  **error)
{
  /* The progress first: a heal cut short by a crash goes on, whatever
   * the cursor says then. */
  return ic_store_set_setting (store, IC_FEED_SETTING_HEAL, "organisation/", error) &&
         ic_feed_local_clear_acked (store, error) &&
         ic_store_set_setting (store, IC_FEED_SETTING_CURSOR_HASH, NULL, error) &&
         ic_store_set_setting (store, IC_FEED_SETTING_CURSOR, "0", error);
}

gboolean
ic_feed_local_is_healing (IcStore *store)
{
  g_autofree char *progress = ic_store_get_setting (store, IC_FEED_SETTING_HEAL);

  return progress != NULL;
}

/* The heal's progress: the index in heal_kinds and the last id done. */
static gboolean
read_progress (IcStore  *store,
               guint    *kind_index,
               char    **after_id)
{
  g_autofree char *progress = ic_store_get_setting (store, IC_FEED_SETTING_HEAL);
  const char *slash = progress ? strchr (progress, '/') : NULL;
  g_autofree char *kind_name = NULL;
  IcRecordKind kind;

  *kind_index = 0;
  *after_id = NULL;
  if (slash == NULL)
    return progress != NULL;
  kind_name = g_strndup (progress, slash - progress);
  if (ic_record_kind_from_string (kind_name, &kind))
    for (guint i = 0; i < G_N_ELEMENTS (heal_kinds); i++)
      if (heal_kinds[i] == kind)
        *kind_index = i;
  *after_id = g_strdup (slash + 1);
  return TRUE;
}

GPtrArray *
ic_feed_local_next_heal_chunk (IcStore  *store,
                               guint     max,
                               GError  **error)
{
  g_autofree char *after_id = NULL;
  guint kind_index;

  if (!read_progress (store, &kind_index, &after_id))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) ic_change_free);

  for (; kind_index < G_N_ELEMENTS (heal_kinds); kind_index++)
    {
      g_autoptr(GPtrArray) chunk = ic_store_list_shared_revisions (store, heal_kinds[kind_index], after_id,
                                                                   max, error);
      g_autofree char *progress = NULL;

      if (chunk == NULL)
        return NULL;
      if (chunk->len > 0)
        return g_steal_pointer (&chunk);
      /* This kind is done: on to the next, from its first id. */
      g_clear_pointer (&after_id, g_free);
      if (kind_index + 1 < G_N_ELEMENTS (heal_kinds))
        progress = g_strconcat (ic_record_kind_to_string (heal_kinds[kind_index + 1]), "/", NULL);
      if (!ic_store_set_setting (store, IC_FEED_SETTING_HEAL, progress, error))
        return NULL;
    }
  return g_ptr_array_new_with_free_func ((GDestroyNotify) ic_change_free);
}

gboolean
ic_feed_local_queue_missing (IcStore           *store,
                             GPtrArray         *chunk,
                             GPtrArray         *missing,
                             IcFeedSyncCounts  *counts,
                             GError           **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();
  g_autofree IcChange *entries = NULL;
  g_autofree char *progress = NULL;
  IcChange *last;

  if (chunk->len == 0)
    return TRUE;
  for (guint i = 0; i < chunk->len; i++)
    {
      IcChange *revision = g_ptr_array_index (chunk, i);
      g_hash_table_insert (by_id, revision->record_id, revision);
    }

  entries = g_new0 (IcChange, MAX (missing->len, 1));
  for (guint i = 0; i < missing->len; i++)
    {
      IcFeedRev *rev = g_ptr_array_index (missing, i);
      IcChange *revision = g_hash_table_lookup (by_id, rev->id);

      /* Only what was asked about, and only where the server is behind. */
      if (revision == NULL || rev->rev >= revision->rev)
        continue;
      entries[queue->len] = *revision;
      entries[queue->len].base_rev = rev->rev;
      g_ptr_array_add (queue, &entries[queue->len]);
    }

  if (!ic_store_queue_changes (store, queue, error))
    return FALSE;
  counts->reoffered += queue->len;

  last = g_ptr_array_index (chunk, chunk->len - 1);
  progress = g_strconcat (ic_record_kind_to_string (last->kind), "/", last->record_id, NULL);
  return ic_store_set_setting (store, IC_FEED_SETTING_HEAL, progress, error);
}
