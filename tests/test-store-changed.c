/* test-store-changed.c — an edit refused when the record changed under it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Elsewhere" is a second connection to the same database, as the
 * command line or a sync worker has.
 */

#include "config.h"

#include <string.h>

#include "test-store-util.h"

static IcStore *
open_other (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  IcStore *other = ic_store_open (f->path, IC_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return other;
}

static void
test_unchanged_writes (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) org = make_organisation ("Wing Works");
  g_autoptr(IcRecord) got = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  IcChange *change;

  insert_ok (f->store, org);
  ic_organisation_set_name (IC_ORGANISATION (org), "Wing Works Group");
  g_assert_true (ic_store_update_if_unchanged (f->store, org, 1, "editor", &error));
  g_assert_no_error (error);
  g_assert_cmpint (ic_record_get_rev (org), ==, 2);
  g_assert_cmpstr (ic_record_get_author (org), ==, "editor");

  /* Edits in a row, each on the rev the last one gave. */
  ic_organisation_set_notes (IC_ORGANISATION (org), "Second edit");
  g_assert_true (ic_store_update_if_unchanged (f->store, org, ic_record_get_rev (org), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ic_record_get_rev (org), ==, 3);

  got = ic_store_get (f->store, ic_record_get_id (org), &error);
  g_assert_no_error (error);
  assert_same_record (org, got);
  changes = list_changes (f->store);
  g_assert_cmpuint (changes->len, ==, 3);
  change = g_ptr_array_index (changes, 2);
  g_assert_cmpint (change->rev, ==, 3);
  g_assert_cmpint (change->base_rev, ==, 2);
}

static void
test_changed_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcStore) other = open_other (f);
  g_autoptr(IcRecord) org = make_organisation ("Wing Works");
  g_autoptr(IcRecord) theirs = NULL;
  g_autoptr(IcRecord) mine = NULL;
  g_autoptr(IcRecord) got = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;

  insert_ok (f->store, org);
  mine = ic_record_copy (org);

  /* Someone else writes the record after this editor loaded it. */
  theirs = ic_store_get (other, ic_record_get_id (org), &error);
  g_assert_no_error (error);
  ic_organisation_set_notes (IC_ORGANISATION (theirs), "Written by the command line");
  g_assert_true (ic_store_update (other, theirs, "cli", &error));
  g_assert_no_error (error);
  before = list_changes (f->store);

  ic_organisation_set_notes (IC_ORGANISATION (mine), "Written in the window");
  g_assert_false (ic_store_update_if_unchanged (f->store, mine, 1, "window", &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_CHANGED);
  /* The message names the record and says what happened. */
  g_assert_nonnull (strstr (error->message, "Wing Works"));
  g_assert_nonnull (strstr (error->message, "changed elsewhere"));

  /* Nothing written: their edit stands, mine is as it was, no log entry. */
  got = ic_store_get (f->store, ic_record_get_id (org), NULL);
  g_assert_cmpint (ic_record_get_rev (got), ==, 2);
  g_assert_cmpstr (ic_organisation_get_notes (IC_ORGANISATION (got)), ==, "Written by the command line");
  g_assert_cmpstr (ic_record_get_author (got), ==, "cli");
  g_assert_cmpint (ic_record_get_rev (mine), ==, 1);
  g_assert_cmpstr (ic_organisation_get_notes (IC_ORGANISATION (mine)), ==, "Written in the window");
  after = list_changes (f->store);
  g_assert_cmpuint (after->len, ==, before->len);

  /* Made again on the rev now stored, the edit goes through. */
  g_clear_error (&error);
  g_assert_true (ic_store_update_if_unchanged (f->store, mine, 2, "window", &error));
  g_assert_no_error (error);
  g_assert_cmpint (ic_record_get_rev (mine), ==, 3);
}

/* A refused shortlist keeps its stored entries: they are a table of
 * their own, replaced on every update. */
static void
test_changed_shortlist (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcStore) other = open_other (f);
  g_autoptr(IcRecord) org = make_organisation ("Depot Ltd");
  g_autoptr(IcRecord) challenge = NULL;
  g_autoptr(IcRecord) cap_a = NULL;
  g_autoptr(IcRecord) cap_b = NULL;
  g_autoptr(IcRecord) shortlist = NULL;
  g_autoptr(IcRecord) mine = NULL;
  g_autoptr(IcRecord) theirs = NULL;
  g_autoptr(IcRecord) got = NULL;
  GListModel *entries;
  const char *ids[3] = { NULL, NULL, NULL };

  insert_ok (f->store, org);
  challenge = make_challenge (ic_record_get_id (org), "Refuelling");
  cap_a = make_capability (ic_record_get_id (org), "Welding");
  cap_b = make_capability (ic_record_get_id (org), "Sensors");
  insert_ok (f->store, challenge);
  insert_ok (f->store, cap_a);
  insert_ok (f->store, cap_b);
  ids[0] = ic_record_get_id (cap_a);
  ids[1] = ic_record_get_id (cap_b);
  shortlist = make_shortlist (ic_record_get_id (challenge), "Depot visit", ids);
  insert_ok (f->store, shortlist);
  mine = ic_record_copy (shortlist);

  theirs = ic_store_get (other, ic_record_get_id (shortlist), &error);
  g_assert_no_error (error);
  {
    g_autoptr(IcShortlistEntry) entry =
      g_list_model_get_item (G_LIST_MODEL (ic_shortlist_get_entries (IC_SHORTLIST (theirs))), 0);

    ic_shortlist_entry_set_stage (entry, IC_STAGE_COLLABORATING);
  }
  g_assert_true (ic_store_update (other, theirs, "sync", &error));
  g_assert_no_error (error);

  g_list_store_remove (ic_shortlist_get_entries (IC_SHORTLIST (mine)), 1);
  g_assert_false (ic_store_update_if_unchanged (f->store, mine, 1, "window", &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_CHANGED);
  g_assert_nonnull (strstr (error->message, "Depot visit"));

  got = ic_store_get (f->store, ic_record_get_id (shortlist), NULL);
  entries = G_LIST_MODEL (ic_shortlist_get_entries (IC_SHORTLIST (got)));
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);
  {
    g_autoptr(IcShortlistEntry) first = g_list_model_get_item (entries, 0);

    g_assert_cmpint (ic_shortlist_entry_get_stage (first), ==, IC_STAGE_COLLABORATING);
  }
}

/* A sync's remote copy and a delete elsewhere both move the rev on. */
static void
test_changed_by_sync_or_delete (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcStore) other = open_other (f);
  g_autoptr(IcRecord) item = make_foresight ("Hydrogen buses");
  g_autoptr(IcRecord) remote = NULL;
  g_autoptr(IcRecord) mine = NULL;
  g_autoptr(IcRecord) got = NULL;

  insert_ok (f->store, item);
  mine = ic_record_copy (item);

  remote = ic_record_copy (item);
  ic_record_set_rev (remote, 5);
  ic_record_set_author (remote, "feed");
  g_assert_true (ic_store_put_remote (other, remote, &error));
  g_assert_no_error (error);
  g_assert_false (ic_store_update_if_unchanged (f->store, mine, 1, NULL, &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_CHANGED);
  g_clear_error (&error);

  g_assert_true (ic_store_delete (other, ic_record_get_id (item), "cli", &error));
  g_assert_no_error (error);
  g_assert_false (ic_store_update_if_unchanged (f->store, mine, 5, NULL, &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_CHANGED);
  g_clear_error (&error);
  got = ic_store_get (f->store, ic_record_get_id (item), NULL);
  g_assert_true (ic_record_get_deleted (got));
  g_assert_cmpint (ic_record_get_rev (got), ==, 6);

  /* A record that is not stored at all is still not found. */
  g_clear_object (&mine);
  mine = make_foresight ("Never stored");
  ic_record_ensure_id (mine);
  g_assert_false (ic_store_update_if_unchanged (f->store, mine, 1, NULL, &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND);
}

void
test_store_add_changed_tests (void)
{
  TEST_ADD ("records/update-if-unchanged", test_unchanged_writes);
  TEST_ADD ("records/update-if-unchanged/changed", test_changed_refused);
  TEST_ADD ("records/update-if-unchanged/shortlist", test_changed_shortlist);
  TEST_ADD ("records/update-if-unchanged/sync-or-delete", test_changed_by_sync_or_delete);
}
