/* test-store-stages.c — shortlist entries' dated stage changes in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "ic-model-enums.h"
#include "ic-store-stages.h"
#include "test-store-util.h"

static IcRecord *
new_shortlist (PairRecords *r)
{
  IcShortlist *shortlist = g_object_new (IC_TYPE_SHORTLIST,
                                         "challenge-id", ic_record_get_id (r->challenge),
                                         "name", "Refuelling partners",
                                         NULL);
  const char *ids[] = { ic_record_get_id (r->capability), ic_record_get_id (r->other_capability) };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(IcShortlistEntry) entry = ic_shortlist_entry_new ();

      ic_shortlist_entry_set_capability_id (entry, ids[i]);
      g_list_store_append (ic_shortlist_get_entries (shortlist), entry);
    }
  return IC_RECORD (shortlist);
}

static void
add_change (IcRecord        *shortlist,
            guint            position,
            IcStage          stage,
            const char      *at,
            const char      *author,
            IcDeclineReason  reason,
            const char      *reason_text)
{
  g_autoptr(IcShortlistEntry) entry =
    g_list_model_get_item (G_LIST_MODEL (ic_shortlist_get_entries (IC_SHORTLIST (shortlist))), position);
  g_autoptr(IcStageChange) change = ic_stage_change_new (stage, at, author, reason, reason_text);

  ic_shortlist_entry_add_stage_change (entry, change);
}

/* "stage@at/author" for each change of @shortlist_id, as the store lists them. */
static char *
describe_changes (IcStore    *store,
                  const char *shortlist_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = ic_store_list_stage_changes (store, shortlist_id, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      IcStoreStageChange *row = g_ptr_array_index (rows, i);

      g_string_append_printf (text, "%s%s@%s/%s", i ? " " : "",
                              ic_enum_to_nick (IC_TYPE_STAGE, ic_stage_change_get_stage (row->change)),
                              ic_stage_change_get_at (row->change),
                              ic_stage_change_get_author (row->change));
      if (ic_stage_change_get_reason (row->change) != IC_DECLINE_REASON_NONE)
        g_string_append_printf (text, "(%s:%s)",
                                ic_enum_to_nick (IC_TYPE_DECLINE_REASON,
                                                 ic_stage_change_get_reason (row->change)),
                                ic_stage_change_get_reason_text (row->change));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Changes with reasons go in and come back whole, in time order. */
static void
test_stages_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  PairRecords r = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) shortlist = NULL;
  g_autoptr(IcRecord) got = NULL;
  g_autofree char *changes = NULL;

  pair_records_insert (&r, f->store);
  shortlist = new_shortlist (&r);
  add_change (shortlist, 0, IC_STAGE_PROPOSED, "2025-01-05T10:00:00Z", "Ann", 0, NULL);
  add_change (shortlist, 0, IC_STAGE_CONTACTED, "2025-02-05T10:00:00Z", "Ann", 0, NULL);
  add_change (shortlist, 1, IC_STAGE_PROPOSED, "2025-01-05T10:00:00Z", "Ann", 0, NULL);
  add_change (shortlist, 1, IC_STAGE_DECLINED, "2025-03-01T12:00:00Z", "Bo",
              IC_DECLINE_REASON_OTHER, "Moved to Leeds");
  /* A past outcome moved in later. */
  add_change (shortlist, 0, IC_STAGE_INTRODUCED, "2025-01-20T10:00:00Z", "Cy", 0, NULL);
  g_assert_true (ic_store_insert (f->store, shortlist, "Ann", &error));
  g_assert_no_error (error);

  got = ic_store_get (f->store, ic_record_get_id (shortlist), &error);
  g_assert_no_error (error);
  assert_same_record (shortlist, got);

  changes = describe_changes (f->store, ic_record_get_id (shortlist));
  /* Ordered by capability id, then time. */
  if (g_strcmp0 (ic_record_get_id (r.capability), ic_record_get_id (r.other_capability)) < 0)
    g_assert_cmpstr (changes, ==,
                     "proposed@2025-01-05T10:00:00Z/Ann introduced@2025-01-20T10:00:00Z/Cy "
                     "contacted@2025-02-05T10:00:00Z/Ann "
                     "proposed@2025-01-05T10:00:00Z/Ann declined@2025-03-01T12:00:00Z/Bo(other:Moved to Leeds)");
  else
    g_assert_cmpstr (changes, ==,
                     "proposed@2025-01-05T10:00:00Z/Ann declined@2025-03-01T12:00:00Z/Bo(other:Moved to Leeds) "
                     "proposed@2025-01-05T10:00:00Z/Ann introduced@2025-01-20T10:00:00Z/Cy "
                     "contacted@2025-02-05T10:00:00Z/Ann");
  pair_records_clear (&r);
}

/* A stage set without a change gets one, dated by the write and
 * attributed to its author, in the table and on the record alike. */
static void
test_stages_completed_on_write (Fixture       *f,
                                gconstpointer  data)
{
  PairRecords r = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) shortlist = NULL;
  g_autoptr(IcRecord) got = NULL;
  IcShortlistEntry *entry;
  IcStageChange *last;

  pair_records_insert (&r, f->store);
  shortlist = new_shortlist (&r);
  g_assert_true (ic_store_insert (f->store, shortlist, "Ann", &error));
  g_assert_no_error (error);
  entry = ic_shortlist_find_entry (IC_SHORTLIST (shortlist), ic_record_get_id (r.capability), NULL);
  last = ic_shortlist_entry_get_last_change (entry);
  g_assert_nonnull (last);
  g_assert_cmpint (ic_stage_change_get_stage (last), ==, IC_STAGE_PROPOSED);
  g_assert_cmpstr (ic_stage_change_get_at (last), ==, ic_record_get_updated_at (shortlist));
  g_assert_cmpstr (ic_stage_change_get_author (last), ==, "Ann");

  ic_shortlist_entry_set_stage (entry, IC_STAGE_MEETING_HELD);
  g_assert_true (ic_store_update (f->store, shortlist, "Dee", &error));
  g_assert_no_error (error);
  last = ic_shortlist_entry_get_last_change (entry);
  g_assert_cmpint (ic_stage_change_get_stage (last), ==, IC_STAGE_MEETING_HELD);
  g_assert_cmpstr (ic_stage_change_get_author (last), ==, "Dee");
  g_assert_cmpstr (ic_stage_change_get_at (last), ==, ic_record_get_updated_at (shortlist));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ic_shortlist_entry_get_stages (entry))), ==, 2);

  got = ic_store_get (f->store, ic_record_get_id (shortlist), &error);
  assert_same_record (shortlist, got);
  pair_records_clear (&r);
}

/* A refused write adds nothing to the record or the table. */
static void
test_stages_failed_write (Fixture       *f,
                          gconstpointer  data)
{
  PairRecords r = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) shortlist = NULL;
  g_autofree char *changes = NULL;

  pair_records_insert (&r, f->store);
  shortlist = new_shortlist (&r);
  add_change (shortlist, 0, IC_STAGE_CONTACTED, "2025-01-05 10:00", "Ann", 0, NULL);
  g_assert_false (ic_store_insert (f->store, shortlist, "Ann", &error));
  g_assert_error (error, IC_MODEL_ERROR, IC_MODEL_ERROR_INVALID_DATE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ic_shortlist_entry_get_stages (
    ic_shortlist_find_entry (IC_SHORTLIST (shortlist), ic_record_get_id (r.other_capability), NULL)))), ==, 0);
  changes = describe_changes (f->store, NULL);
  g_assert_cmpstr (changes, ==, "");
  pair_records_clear (&r);
}

/* A record from the feed without stage changes (written by an older
 * version) reads as one change per entry at its updated_at by its author. */
static void
test_stages_remote_old_record (Fixture       *f,
                               gconstpointer  data)
{
  PairRecords r = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) shortlist = NULL;
  g_autoptr(IcRecord) got = NULL;
  g_autoptr(IcShortlistEntry) entry = NULL;
  IcStageChange *last;

  pair_records_insert (&r, f->store);
  shortlist = new_shortlist (&r);
  ic_record_set_id (shortlist, "0c0c0c0c-2222-4333-8444-555555555555");
  ic_record_set_rev (shortlist, 3);
  ic_record_set_updated_at (shortlist, "2025-09-09T09:09:09Z");
  ic_record_set_author (shortlist, "colleague");
  entry = g_list_model_get_item (G_LIST_MODEL (ic_shortlist_get_entries (IC_SHORTLIST (shortlist))), 0);
  ic_shortlist_entry_set_stage (entry, IC_STAGE_COLLABORATING);
  g_assert_true (ic_store_put_remote (f->store, shortlist, &error));
  g_assert_no_error (error);

  got = ic_store_get (f->store, ic_record_get_id (shortlist), &error);
  g_assert_no_error (error);
  g_clear_object (&entry);
  entry = g_list_model_get_item (G_LIST_MODEL (ic_shortlist_get_entries (IC_SHORTLIST (got))), 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ic_shortlist_entry_get_stages (entry))), ==, 1);
  last = ic_shortlist_entry_get_last_change (entry);
  g_assert_cmpint (ic_stage_change_get_stage (last), ==, IC_STAGE_COLLABORATING);
  g_assert_cmpstr (ic_stage_change_get_at (last), ==, "2025-09-09T09:09:09Z");
  g_assert_cmpstr (ic_stage_change_get_author (last), ==, "colleague");
  g_assert_cmpint (ic_record_get_rev (got), ==, 3);
  pair_records_clear (&r);
}

/* Entries written before the stage table read as one change to their
 * stage at their shortlist's updated_at. */
static void
test_stages_migrate (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "old.db", NULL);
  g_autoptr(IcStore) store = NULL;
  g_autofree char *changes = NULL;
  sqlite3 *db = NULL;

  /* Version 10: the last one before the stage table (step 11). */
  g_assert_true (ic_store_create_at_version (path, 10, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO challenge (id, rev, title) VALUES "
                                 "('7eeefdaa-5723-44b4-bec6-0fcd7aeb8905', 1, 'Refuelling');"
                                 "INSERT INTO capability (id, rev, title) VALUES "
                                 "('1b4e28ba-2fa1-41d2-883f-0016d3cca427', 1, 'Welding');"
                                 "INSERT INTO shortlist (id, rev, updated_at, author, challenge_id, name) "
                                 "VALUES ('0c0c0c0c-2222-4333-8444-555555555555', 2, '2024-11-02T08:00:00Z', "
                                 "'ann', '7eeefdaa-5723-44b4-bec6-0fcd7aeb8905', 'Old');"
                                 "INSERT INTO shortlist_entry (shortlist_id, position, capability_id, stage) "
                                 "VALUES ('0c0c0c0c-2222-4333-8444-555555555555', 0, "
                                 "'1b4e28ba-2fa1-41d2-883f-0016d3cca427', 'introduced');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = ic_store_open (path, IC_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  changes = describe_changes (store, NULL);
  g_assert_cmpstr (changes, ==, "introduced@2024-11-02T08:00:00Z/ann");
}

/* The stage each entry was at before a time, and since when; a
 * tombstoned shortlist's entries are left out. */
static void
test_stages_current (Fixture       *f,
                     gconstpointer  data)
{
  PairRecords r = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) shortlist = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *changes = NULL;
  IcStoreStageChange *row;

  pair_records_insert (&r, f->store);
  shortlist = new_shortlist (&r);
  g_list_store_remove (ic_shortlist_get_entries (IC_SHORTLIST (shortlist)), 1);
  add_change (shortlist, 0, IC_STAGE_PROPOSED, "2025-01-05T10:00:00Z", "Ann", 0, NULL);
  add_change (shortlist, 0, IC_STAGE_COLLABORATING, "2025-04-01T00:00:00Z", "Ann", 0, NULL);
  add_change (shortlist, 0, IC_STAGE_INTRODUCED, "2025-05-01T00:00:00Z", "Ann", 0, NULL);
  insert_ok (f->store, shortlist);

  rows = ic_store_list_current_stages (f->store, "2025-04-01T00:00:00Z", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->capability_id, ==, ic_record_get_id (r.capability));
  g_assert_cmpint (ic_stage_change_get_stage (row->change), ==, IC_STAGE_PROPOSED);
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = ic_store_list_current_stages (f->store, NULL, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (ic_stage_change_get_stage (row->change), ==, IC_STAGE_INTRODUCED);
  g_assert_cmpstr (ic_stage_change_get_at (row->change), ==, "2025-05-01T00:00:00Z");
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_true (ic_store_delete (f->store, ic_record_get_id (shortlist), NULL, &error));
  rows = ic_store_list_current_stages (f->store, NULL, &error);
  g_assert_cmpuint (rows->len, ==, 0);
  changes = describe_changes (f->store, NULL);
  g_assert_cmpstr (changes, ==, "");
  g_free (changes);
  /* Named, a tombstone's changes are still there to read. */
  changes = describe_changes (f->store, ic_record_get_id (shortlist));
  g_assert_true (g_str_has_prefix (changes, "proposed@2025-01-05T10:00:00Z/Ann"));
  pair_records_clear (&r);
}

/* The team cannot have a shortlist of a private challenge: making one
 * shared is refused, naming the challenge; one shared before the
 * challenge went private can still be edited. */
static void
test_shortlist_of_private_challenge (Fixture       *f,
                                     gconstpointer  data)
{
  PairRecords r = { 0 };
  g_autoptr(IcRecord) earlier = NULL;
  g_autoptr(IcRecord) shortlist = NULL;
  g_autoptr(GError) error = NULL;

  pair_records_insert (&r, f->store);
  earlier = new_shortlist (&r);
  insert_ok (f->store, earlier);

  ic_record_set_visibility (r.challenge, IC_VISIBILITY_PRIVATE);
  g_assert_true (ic_store_update (f->store, r.challenge, "Ann", &error));
  g_assert_no_error (error);

  shortlist = new_shortlist (&r);
  g_assert_false (ic_store_insert (f->store, shortlist, "Ann", &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "“Refuelling” is private"));
  g_clear_error (&error);
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_SHORTLIST, NULL, NULL), ==, 1);

  ic_record_set_visibility (shortlist, IC_VISIBILITY_PRIVATE);
  insert_ok (f->store, shortlist);
  ic_record_set_visibility (shortlist, IC_VISIBILITY_TEAM);
  g_assert_false (ic_store_update (f->store, shortlist, "Ann", &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  ic_shortlist_set_name (IC_SHORTLIST (earlier), "Refuelling partners, revised");
  g_assert_true (ic_store_update (f->store, earlier, "Ann", &error));
  g_assert_no_error (error);
  pair_records_clear (&r);
}

void
test_store_add_stage_tests (void)
{
  TEST_ADD ("stages/round-trip", test_stages_round_trip);
  TEST_ADD ("stages/completed-on-write", test_stages_completed_on_write);
  TEST_ADD ("stages/failed-write", test_stages_failed_write);
  TEST_ADD ("stages/remote-old-record", test_stages_remote_old_record);
  TEST_ADD ("stages/migrate", test_stages_migrate);
  TEST_ADD ("stages/current", test_stages_current);
  TEST_ADD ("stages/private-challenge", test_shortlist_of_private_challenge);
}
