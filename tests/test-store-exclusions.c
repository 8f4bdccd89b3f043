/* test-store-exclusions.c — pairs the user said are not a match
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "ic-exclusion.h"
#include "ic-store-exclusions.h"
#include "ic-store-private.h"
#include "test-store-util.h"

#define ID(record) ic_record_get_id (record)

/* "challenge title/capability title" per pair, in the listed order. */
static char *
describe_pairs (IcStore    *store,
                const char *challenge_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pairs = ic_store_list_excluded_pairs (store, challenge_id, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < pairs->len; i++)
    {
      IcExcludedPair *pair = pairs->pdata[i];
      g_autoptr(IcRecord) challenge = ic_store_get (store, pair->challenge_id, NULL);
      g_autoptr(IcRecord) capability = ic_store_get (store, pair->capability_id, NULL);

      g_assert_nonnull (pair->created_at);
      g_string_append_printf (text, "%s%s/%s", i > 0 ? " " : "",
                              ic_record_get_title (challenge), ic_record_get_title (capability));
    }
  return g_string_free (text, FALSE);
}

static void
test_exclude_include (Fixture       *f,
                      gconstpointer  data)
{
  PairRecords r = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  g_autofree char *one = NULL;
  g_autofree char *after = NULL;

  pair_records_insert (&r, f->store);
  g_assert_true (ic_store_exclude_pair (f->store, ID (r.challenge), ID (r.capability), &error));
  /* Twice is once. */
  g_assert_true (ic_store_exclude_pair (f->store, ID (r.challenge), ID (r.capability), &error));
  g_assert_true (ic_store_exclude_pair (f->store, ID (r.other_challenge), ID (r.other_capability), &error));
  g_assert_no_error (error);

  all = describe_pairs (f->store, NULL);
  g_assert_true (g_str_equal (all, "Refuelling/Welding Charging/Sensors") ||
                 g_str_equal (all, "Charging/Sensors Refuelling/Welding"));
  one = describe_pairs (f->store, ID (r.challenge));
  g_assert_cmpstr (one, ==, "Refuelling/Welding");

  g_assert_true (ic_store_include_pair (f->store, ID (r.challenge), ID (r.capability), &error));
  g_assert_no_error (error);
  after = describe_pairs (f->store, NULL);
  g_assert_cmpstr (after, ==, "Charging/Sensors");

  /* Including a pair that is not excluded says so. */
  g_assert_false (ic_store_include_pair (f->store, ID (r.challenge), ID (r.capability), &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND);
  pair_records_clear (&r);
}

static void
test_exclude_unknown (Fixture       *f,
                      gconstpointer  data)
{
  const char *missing = "6b1f0c4e-1d7a-4c1e-9d55-0d7e5f0a9b11";
  PairRecords r = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pairs = NULL;

  pair_records_insert (&r, f->store);
  g_assert_false (ic_store_exclude_pair (f->store, missing, ID (r.capability), &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "challenge"));
  g_clear_error (&error);
  /* A capability id is not a challenge id, nor the other way round. */
  g_assert_false (ic_store_exclude_pair (f->store, ID (r.capability), ID (r.challenge), &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A tombstoned capability can still be excluded: it may come back. */
  g_assert_true (ic_store_delete (f->store, ID (r.capability), NULL, &error));
  g_assert_true (ic_store_exclude_pair (f->store, ID (r.challenge), ID (r.capability), &error));
  g_assert_no_error (error);

  pairs = ic_store_list_excluded_pairs (f->store, NULL, &error);
  g_assert_cmpuint (pairs->len, ==, 1);
  pair_records_clear (&r);
}

/* The table survives closing and opening the database. */
static void
test_exclusions_persist (Fixture       *f,
                         gconstpointer  data)
{
  PairRecords r = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcStore) again = NULL;
  g_autofree char *pairs = NULL;

  pair_records_insert (&r, f->store);
  g_assert_true (ic_store_exclude_pair (f->store, ID (r.challenge), ID (r.other_capability), &error));
  again = ic_store_open (f->path, IC_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  pairs = describe_pairs (again, NULL);
  g_assert_cmpstr (pairs, ==, "Refuelling/Sensors");
  pair_records_clear (&r);
}

/* An include is the pair's tombstone, and both are edits the feed sends. */
static void
test_exclusions_are_records (Fixture       *f,
                             gconstpointer  data)
{
  PairRecords r = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) pair = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *id = NULL;

  pair_records_insert (&r, f->store);
  changes = list_changes (f->store);
  g_assert_true (ic_store_ack_changes (f->store, G_MAXINT64, &error));
  g_assert_true (ic_store_exclude_pair_by (f->store, ID (r.challenge), ID (r.capability), "Priya", &error));
  g_assert_no_error (error);
  id = ic_exclusion_id_for (ID (r.challenge), ID (r.capability));
  g_assert_true (g_uuid_string_is_valid (id));
  pair = ic_store_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ic_record_get_kind (pair), ==, IC_RECORD_KIND_EXCLUDED_PAIR);
  g_assert_cmpint (ic_record_get_rev (pair), ==, 1);
  g_assert_cmpstr (ic_record_get_author (pair), ==, "Priya");
  g_clear_object (&pair);

  g_assert_true (ic_store_include_pair_by (f->store, ID (r.challenge), ID (r.capability), "Tom", &error));
  pair = ic_store_get (f->store, id, &error);
  g_assert_true (ic_record_get_deleted (pair));
  g_assert_cmpint (ic_record_get_rev (pair), ==, 2);
  g_clear_object (&pair);
  g_assert_true (ic_store_exclude_pair (f->store, ID (r.challenge), ID (r.capability), &error));
  pair = ic_store_get (f->store, id, &error);
  g_assert_false (ic_record_get_deleted (pair));
  g_assert_cmpint (ic_record_get_rev (pair), ==, 3);

  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = list_changes (f->store);
  g_assert_cmpuint (changes->len, ==, 3);
  for (guint i = 0; i < changes->len; i++)
    {
      IcChange *change = g_ptr_array_index (changes, i);

      g_assert_cmpint (change->kind, ==, IC_RECORD_KIND_EXCLUDED_PAIR);
      g_assert_cmpstr (change->record_id, ==, id);
      g_assert_cmpint (change->deleted, ==, i == 1);
    }
  pair_records_clear (&r);
}

/* Pairs excluded before schema 9 become records, queued for the feed. */
static void
test_exclusions_migrate (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "v8.db", NULL);
  g_autofree char *id = ic_exclusion_id_for ("7eeefdaa-5723-44b4-bec6-0fcd7aeb8905",
                                             "1b4e28ba-2fa1-41d2-883f-0016d3cca427");
  g_autoptr(IcStore) store = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(IcRecord) pair = NULL;
  g_autofree char *pairs = NULL;
  sqlite3 *db = NULL;

  g_assert_true (ic_store_create_at_version (path, 8, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO challenge (id, rev, title) VALUES "
                                 "('7eeefdaa-5723-44b4-bec6-0fcd7aeb8905', 1, 'Refuelling');"
                                 "INSERT INTO capability (id, rev, title) VALUES "
                                 "('1b4e28ba-2fa1-41d2-883f-0016d3cca427', 1, 'Welding');"
                                 "INSERT INTO excluded_pair VALUES ('7eeefdaa-5723-44b4-bec6-0fcd7aeb8905', "
                                 "'1b4e28ba-2fa1-41d2-883f-0016d3cca427', '2026-05-01T09:00:00Z');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = ic_store_open (path, IC_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  pairs = describe_pairs (store, NULL);
  g_assert_cmpstr (pairs, ==, "Refuelling/Welding");
  pair = ic_store_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ic_record_get_rev (pair), ==, 1);
  g_assert_cmpstr (ic_record_get_updated_at (pair), ==, "2026-05-01T09:00:00Z");
  changes = list_changes (store);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (((IcChange *) g_ptr_array_index (changes, 0))->record_id, ==, id);
}

/* Why a pair is not a match: kept on its record, listed, changed by
 * excluding it again for another reason, each step in its history;
 * "other" without words is refused and changes nothing. */
static void
test_exclusion_reasons (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *id = NULL;
  IcExcludedPair *pair;
  PairRecords r = { 0 };

  pair_records_insert (&r, f->store);
  id = ic_exclusion_id_for (ID (r.challenge), ID (r.capability));

  g_assert_false (ic_store_exclude_pair_with_reason (f->store, ID (r.challenge), ID (r.capability),
                                                     IC_DECLINE_REASON_OTHER, "  ", "ann", &error));
  g_assert_error (error, IC_MODEL_ERROR, IC_MODEL_ERROR_REQUIRED);
  g_assert_cmpstr (ic_model_error_get_field (error), ==, "reason_text");
  g_clear_error (&error);
  pairs = ic_store_list_excluded_pairs (f->store, NULL, &error);
  g_assert_cmpuint (pairs->len, ==, 0);
  g_clear_pointer (&pairs, g_ptr_array_unref);

  g_assert_true (ic_store_exclude_pair_with_reason (f->store, ID (r.challenge), ID (r.capability),
                                                    IC_DECLINE_REASON_NO_CAPACITY, NULL, "ann", &error));
  g_assert_no_error (error);
  pairs = ic_store_list_excluded_pairs (f->store, NULL, &error);
  g_assert_cmpuint (pairs->len, ==, 1);
  pair = pairs->pdata[0];
  g_assert_cmpint (pair->reason, ==, IC_DECLINE_REASON_NO_CAPACITY);
  g_assert_null (pair->reason_text);
  g_assert_cmpstr (pair->author, ==, "ann");
  g_clear_pointer (&pairs, g_ptr_array_unref);

  /* The same reason again: nothing to write. */
  g_assert_true (ic_store_exclude_pair_with_reason (f->store, ID (r.challenge), ID (r.capability),
                                                    IC_DECLINE_REASON_NO_CAPACITY, NULL, "ann", &error));
  g_assert_true (ic_store_include_pair_by (f->store, ID (r.challenge), ID (r.capability), "bob", &error));
  g_assert_true (ic_store_exclude_pair_with_reason (f->store, ID (r.challenge), ID (r.capability),
                                                    IC_DECLINE_REASON_OTHER, "Same group", "cat", &error));
  g_assert_no_error (error);
  pairs = ic_store_list_excluded_pairs (f->store, ID (r.challenge), &error);
  g_assert_cmpuint (pairs->len, ==, 1);
  pair = pairs->pdata[0];
  g_assert_cmpint (pair->reason, ==, IC_DECLINE_REASON_OTHER);
  g_assert_cmpstr (pair->reason_text, ==, "Same group");
  g_assert_cmpstr (pair->author, ==, "cat");

  history = ic_store_list_history (f->store, id, &error);
  g_assert_no_error (error);
  /* created, deleted (the include), changed (the reason), restored */
  g_assert_cmpuint (history->len, ==, 4);
  g_assert_cmpint (((IcHistoryEntry *) history->pdata[0])->action, ==, IC_HISTORY_CREATED);
  g_assert_cmpint (((IcHistoryEntry *) history->pdata[1])->action, ==, IC_HISTORY_DELETED);
  g_assert_cmpstr (((IcHistoryEntry *) history->pdata[1])->author, ==, "bob");
  g_assert_cmpint (((IcHistoryEntry *) history->pdata[2])->action, ==, IC_HISTORY_CHANGED);
  g_assert_cmpuint (((IcHistoryEntry *) history->pdata[2])->changes->len, ==, 2);
  g_assert_cmpint (((IcHistoryEntry *) history->pdata[3])->action, ==, IC_HISTORY_RESTORED);
  g_assert_cmpstr (((IcHistoryEntry *) history->pdata[3])->author, ==, "cat");
  pair_records_clear (&r);
}

void
test_store_add_exclusion_tests (void)
{
  TEST_ADD ("exclusions/reasons", test_exclusion_reasons);
  TEST_ADD ("exclusions/records", test_exclusions_are_records);
  TEST_ADD ("exclusions/migrate", test_exclusions_migrate);
  TEST_ADD ("exclusions/exclude-include", test_exclude_include);
  TEST_ADD ("exclusions/unknown", test_exclude_unknown);
  TEST_ADD ("exclusions/persist", test_exclusions_persist);
}
