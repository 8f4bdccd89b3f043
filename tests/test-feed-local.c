/* test-feed-local.c — what a sync does to a real local store: batches
 * from the outbox, results, conflict copies, pulled pages, waiting records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ic-feed-local.h"
#include "ic-feed-json.h"
#include "ic-record-json.h"
#include "ic-store-conflicts.h"
#include "test-feed-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  IcStore *store;
} Local;

static void
local_set_up (Local         *l,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  l->dir = g_dir_make_tmp ("ic-feed-local-XXXXXX", &error);
  g_assert_no_error (error);
  l->path = g_build_filename (l->dir, "local.db", NULL);
  l->store = ic_store_open (l->path, IC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
local_tear_down (Local         *l,
                 gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&l->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (l->path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (l->dir);
  g_free (l->path);
  g_free (l->dir);
}

static IcRecord *
insert (Local    *l,
        IcRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ic_store_insert (l->store, record, "Tester", &error));
  g_assert_no_error (error);
  return record;
}

static IcRecord *
get (Local      *l,
     const char *id)
{
  g_autoptr(GError) error = NULL;
  IcRecord *record = ic_store_get (l->store, id, &error);

  g_assert_no_error (error);
  return record;
}

static gint64
outbox (Local *l)
{
  return ic_feed_local_count_outbox (l->store, NULL);
}

static GPtrArray *
batch_changes (IcFeedOutboxBatch *batch)
{
  g_autoptr(JsonNode) root = NULL;
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) ic_feed_change_free);
  gsize length;
  const char *data = g_bytes_get_data (batch->body, &length);
  JsonArray *array;

  root = ic_feed_json_parse_object (data, length, NULL);
  array = json_object_get_array_member (json_node_get_object (root), "changes");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) error = NULL;
      IcFeedChange *change = ic_feed_change_parse_push (json_array_get_element (array, i), &error);

      g_assert_no_error (error);
      g_ptr_array_add (changes, change);
    }
  return changes;
}

static void
test_batch_folds_edits (Local         *l,
                        gconstpointer  data)
{
  g_autoptr(IcRecord) item = insert (l, make_foresight_record ("First"));
  g_autoptr(IcRecord) hidden = insert (l, make_foresight_record ("Hidden later"));
  g_autoptr(IcFeedOutboxBatch) batch = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  IcFeedSyncCounts counts = { 0 };
  IcFeedChange *change;

  g_object_set (item, "title", "Second", NULL);
  g_assert_true (ic_store_update (l->store, item, "Tester", NULL));
  g_object_set (item, "title", "Third", NULL);
  g_assert_true (ic_store_update (l->store, item, "Tester", NULL));
  ic_record_set_visibility (hidden, IC_VISIBILITY_PRIVATE);
  g_assert_true (ic_store_update (l->store, hidden, "Tester", NULL));

  batch = ic_feed_local_next_batch (l->store, IC_FEED_MAX_BODY_BYTES, 10, &counts, &error);
  g_assert_no_error (error);
  g_assert_nonnull (batch);
  changes = batch_changes (batch);

  /* Three edits of one record travel as one change from rev 0; the
   * record made private does not travel at all. */
  g_assert_cmpuint (changes->len, ==, 1);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (change->id, ==, ic_record_get_id (item));
  g_assert_cmpint (change->base_rev, ==, 0);
  g_assert_cmpint (change->rev, ==, 3);
  g_assert_cmpstr (ic_record_get_title (change->record), ==, "Third");
  g_assert_cmpuint (counts.withheld, ==, 1);
  g_assert_cmpint (batch->up_to_seq, ==, 4);
}

static void
test_batch_limit_and_ack (Local         *l,
                          gconstpointer  data)
{
  g_autoptr(IcFeedOutboxBatch) first = NULL;
  g_autoptr(IcFeedOutboxBatch) second = NULL;
  g_autoptr(IcFeedOutboxBatch) none = NULL;
  g_autoptr(GError) error = NULL;
  IcFeedSyncCounts counts = { 0 };

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("Org %u", i);
      g_autoptr(IcRecord) record = insert (l, make_organisation_record (name));
    }

  first = ic_feed_local_next_batch (l->store, IC_FEED_MAX_BODY_BYTES, 3, &counts, &error);
  g_assert_cmpuint (first->n_changes, ==, 3);
  g_assert_cmpint (first->up_to_seq, ==, 3);
  g_assert_true (ic_store_ack_changes (l->store, first->up_to_seq, NULL));

  second = ic_feed_local_next_batch (l->store, IC_FEED_MAX_BODY_BYTES, 3, &counts, &error);
  g_assert_cmpuint (second->n_changes, ==, 2);
  g_assert_cmpint (second->up_to_seq, ==, 5);
  g_assert_true (ic_store_ack_changes (l->store, second->up_to_seq, NULL));

  none = ic_feed_local_next_batch (l->store, IC_FEED_MAX_BODY_BYTES, 3, &counts, &error);
  g_assert_no_error (error);
  g_assert_null (none);
}

/* The server's answer to @batch: @statuses per change ('a'ccepted,
 * 'c'onflict with @theirs, 'r'ejected). */
static IcFeedPushResponse *
answer (IcFeedOutboxBatch *batch,
        const char        *statuses,
        IcRecord          *theirs)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *json = theirs ? ic_record_to_json_data (theirs, FALSE) : NULL;
  IcFeedPushResponse *response;

  ic_feed_results_write_start (out);
  for (guint i = 0; i < batch->sent->len; i++)
    {
      IcRecord *sent = g_ptr_array_index (batch->sent, i);

      if (statuses[i] == 'a')
        ic_feed_results_write_accepted (out, i, ic_record_get_id (sent), ic_record_get_rev (sent), 10 + i);
      else if (statuses[i] == 'c')
        ic_feed_results_write_conflict (out, i, ic_record_get_id (sent), "foresight",
                                        ic_record_get_rev (theirs), 9, FALSE, json);
      else
        ic_feed_results_write_rejected (out, i, ic_record_get_id (sent), "invalid-change", 422, "title: refused by the test");
    }
  ic_feed_results_write_end (out, 20, 0, NULL);
  response = ic_feed_push_response_parse (out->str, out->len, batch->sent->len, NULL);
  g_assert_nonnull (response);
  return response;
}

static void
test_results_keep_both_sides (Local         *l,
                              gconstpointer  data)
{
  g_autoptr(IcRecord) accepted = insert (l, make_foresight_record ("Accepted"));
  g_autoptr(IcRecord) mine = insert (l, make_foresight_record ("Mine"));
  g_autoptr(IcRecord) refused = insert (l, make_foresight_record ("Refused"));
  g_autoptr(IcRecord) theirs = ic_record_copy (mine);
  g_autoptr(IcRecord) now = NULL;
  g_autoptr(IcFeedOutboxBatch) batch = NULL;
  g_autoptr(IcFeedPushResponse) response = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  IcFeedSyncCounts counts = { 0 };
  IcConflict *conflict;

  g_object_set (theirs, "title", "Theirs", NULL);
  ic_record_set_rev (theirs, 4);
  batch = ic_feed_local_next_batch (l->store, IC_FEED_MAX_BODY_BYTES, 10, &counts, NULL);
  g_assert_cmpuint (batch->sent->len, ==, 3);
  response = answer (batch, "acr", theirs);

  g_assert_true (ic_feed_local_apply_results (l->store, batch, response, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.pushed, ==, 1);
  g_assert_cmpuint (counts.conflicts, ==, 1);
  g_assert_cmpuint (counts.rejected, ==, 1);
  g_assert_cmpint (outbox (l), ==, 0);

  /* The server's copy won… */
  now = get (l, ic_record_get_id (mine));
  g_assert_cmpstr (ic_record_get_title (now), ==, "Theirs");
  g_assert_cmpint (ic_record_get_rev (now), ==, 4);

  /* …and the local edit is kept, as is the refused one. */
  conflicts = ic_store_list_conflicts (l->store, -1, 0, 0, &error);
  g_assert_cmpuint (conflicts->len, ==, 2);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpint (conflict->type, ==, IC_CONFLICT_EDIT);
  g_assert_cmpstr (ic_record_get_title (conflict->record), ==, "Mine");
  g_assert_cmpint (conflict->server_rev, ==, 4);
  conflict = g_ptr_array_index (conflicts, 1);
  g_assert_cmpint (conflict->type, ==, IC_CONFLICT_REJECTED);
  g_assert_cmpstr (conflict->record_id, ==, ic_record_get_id (refused));
  g_assert_cmpstr (conflict->reason, ==, "title: refused by the test");
}

/* A page of @n changes: records (or, with @deleted, tombstones). */
static IcFeedPage *
page_of (IcRecord **records,
         guint      n,
         gint64     first_seq,
         gboolean   deleted)
{
  g_autoptr(GString) out = g_string_new (NULL);
  IcFeedPage *page;

  ic_feed_page_write_start (out, "feed-test");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *json = deleted ? NULL : ic_record_to_json_data (records[i], FALSE);

      ic_feed_page_write_change (out, i, first_seq + i, ic_record_get_id (records[i]),
                                 ic_record_kind_to_string (ic_record_get_kind (records[i])),
                                 ic_record_get_rev (records[i]), deleted, json);
    }
  ic_feed_page_write_end (out, first_seq + n - 1, NULL, FALSE);
  page = ic_feed_page_parse (out->str, out->len, NULL);
  g_assert_nonnull (page);
  return page;
}

static void
test_page_rules (Local         *l,
                 gconstpointer  data)
{
  g_autoptr(IcRecord) fresh = make_foresight_record ("Fresh from the feed");
  g_autoptr(IcRecord) edited_here = insert (l, make_foresight_record ("Edited here"));
  g_autoptr(IcRecord) stale = NULL;
  g_autoptr(IcRecord) server_edit = NULL;
  g_autoptr(IcFeedPage) page = NULL;
  g_autoptr(IcFeedPage) deletes = NULL;
  g_autoptr(IcRecord) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  IcFeedSyncCounts counts = { 0 };
  IcRecord *records[3];

  /* The local record has queued edits: the feed's version must wait for
   * the push to settle it. */
  server_edit = ic_record_copy (edited_here);
  ic_record_set_rev (server_edit, 7);
  g_object_set (server_edit, "title", "Edited there", NULL);
  stale = ic_record_copy (fresh);
  ic_record_set_rev (stale, 1);

  records[0] = fresh;
  records[1] = server_edit;
  page = page_of (records, 2, 5, FALSE);
  g_assert_true (ic_feed_local_apply_page (l->store, page, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.pulled, ==, 1);
  g_assert_cmpuint (counts.skipped, ==, 1);
  now = get (l, ic_record_get_id (edited_here));
  g_assert_cmpstr (ic_record_get_title (now), ==, "Edited here");
  g_clear_object (&now);
  now = get (l, ic_record_get_id (fresh));
  g_assert_cmpstr (ic_record_get_title (now), ==, "Fresh from the feed");
  g_clear_object (&now);
  cursor = ic_store_get_setting (l->store, IC_FEED_SETTING_CURSOR);
  g_assert_cmpstr (cursor, ==, "6");

  /* Pulled records never enter the outbox. */
  g_assert_cmpint (outbox (l), ==, 1);

  /* An old version is not applied over a newer one. */
  g_clear_pointer (&page, ic_feed_page_free);
  records[0] = stale;
  ic_record_set_rev (fresh, 2);
  page = page_of (records, 1, 7, FALSE);
  g_assert_true (ic_feed_local_apply_page (l->store, page, &counts, &error));
  g_assert_cmpuint (counts.skipped, ==, 2);

  /* A tombstone deletes. */
  ic_record_set_rev (fresh, 3);
  records[0] = fresh;
  deletes = page_of (records, 1, 8, TRUE);
  g_assert_true (ic_feed_local_apply_page (l->store, deletes, &counts, &error));
  now = get (l, ic_record_get_id (fresh));
  g_assert_true (ic_record_get_deleted (now));
  g_assert_cmpint (ic_record_get_rev (now), ==, 3);
}

static void
test_waiting_for_organisation (Local         *l,
                               gconstpointer  data)
{
  g_autoptr(IcRecord) organisation = make_organisation_record ("Arrives late Ltd");
  g_autoptr(IcRecord) challenge = ic_record_new (IC_RECORD_KIND_CHALLENGE);
  g_autoptr(IcFeedPage) first = NULL;
  g_autoptr(IcFeedPage) second = NULL;
  g_autoptr(IcRecord) now = NULL;
  g_autoptr(GError) error = NULL;
  IcFeedSyncCounts counts = { 0 };
  IcRecord *records[1];

  ic_record_ensure_id (challenge);
  ic_record_set_rev (challenge, 1);
  g_object_set (challenge, "title", "Needs its organisation", "organisation-id",
                ic_record_get_id (organisation), NULL);

  records[0] = challenge;
  first = page_of (records, 1, 1, FALSE);
  g_assert_true (ic_feed_local_apply_page (l->store, first, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.waiting, ==, 1);
  g_assert_cmpint (ic_store_count_conflicts (l->store, IC_CONFLICT_WAITING, NULL), ==, 1);

  records[0] = organisation;
  second = page_of (records, 1, 2, FALSE);
  g_assert_true (ic_feed_local_apply_page (l->store, second, &counts, &error));
  g_assert_true (ic_feed_local_retry_waiting (l->store, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.waiting, ==, 0);
  now = get (l, ic_record_get_id (challenge));
  g_assert_cmpstr (ic_record_get_title (now), ==, "Needs its organisation");
  g_assert_cmpint (ic_store_count_conflicts (l->store, IC_CONFLICT_WAITING, NULL), ==, 0);
}

static void
test_cursor_follows_the_feed (Local         *l,
                              gconstpointer  data)
{
  g_autofree char *feed_id = NULL;
  gint64 cursor = -1;

  g_assert_true (ic_feed_local_load_cursor (l->store, "https://a.example", &cursor, &feed_id, NULL));
  g_assert_cmpint (cursor, ==, 0);
  g_assert_true (ic_store_set_setting (l->store, IC_FEED_SETTING_CURSOR, "42", NULL));
  g_assert_true (ic_store_set_setting (l->store, IC_FEED_SETTING_ID, "feed-a", NULL));
  g_assert_true (ic_feed_local_load_cursor (l->store, "https://a.example", &cursor, &feed_id, NULL));
  g_assert_cmpint (cursor, ==, 42);
  g_assert_cmpstr (feed_id, ==, "feed-a");
  g_clear_pointer (&feed_id, g_free);

  /* Another feed: start from its beginning. */
  g_assert_true (ic_feed_local_load_cursor (l->store, "https://b.example", &cursor, &feed_id, NULL));
  g_assert_cmpint (cursor, ==, 0);
  g_assert_null (feed_id);
}

void
test_feed_add_local_tests (void)
{
  g_test_add ("/feed/local/batch-folds-edits", Local, NULL, local_set_up,
              test_batch_folds_edits, local_tear_down);
  g_test_add ("/feed/local/batch-limit-and-ack", Local, NULL, local_set_up,
              test_batch_limit_and_ack, local_tear_down);
  g_test_add ("/feed/local/results-keep-both-sides", Local, NULL, local_set_up,
              test_results_keep_both_sides, local_tear_down);
  g_test_add ("/feed/local/page-rules", Local, NULL, local_set_up,
              test_page_rules, local_tear_down);
  g_test_add ("/feed/local/waiting-for-organisation", Local, NULL, local_set_up,
              test_waiting_for_organisation, local_tear_down);
  g_test_add ("/feed/local/cursor-follows-the-feed", Local, NULL, local_set_up,
              test_cursor_follows_the_feed, local_tear_down);
}
