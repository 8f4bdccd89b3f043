/* test-store-history.c — every change of every record, kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ic-store-history.h"
#include "test-store-util.h"

static GPtrArray *
history_of (IcStore    *store,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = ic_store_list_history (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

#define ENTRY(entries, i) ((IcHistoryEntry *) g_ptr_array_index ((entries), (i)))

/* The entry's changes as "field:old>new" joined by spaces. */
static char *
describe_changes (IcHistoryEntry *entry)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < entry->changes->len; i++)
    {
      IcHistoryChange *change = g_ptr_array_index (entry->changes, i);

      g_string_append_printf (text, "%s%s:%s>%s", i > 0 ? " " : "", change->field,
                              change->old_json, change->new_json);
    }
  return g_string_free (text, FALSE);
}

static void
test_local_changes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) org = make_organisation ("Depot Ltd");
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *created = NULL;
  const char *id;

  g_assert_true (ic_store_insert (f->store, org, "ann", &error));
  g_assert_no_error (error);
  id = ic_record_get_id (org);

  g_object_set (org, "name", "Depot Group", "employees", 75, NULL);
  g_assert_true (ic_store_update (f->store, org, "bob", &error));
  g_assert_no_error (error);
  /* A save that changes nothing adds nothing. */
  g_assert_true (ic_store_update (f->store, org, "bob", &error));
  g_assert_no_error (error);

  entries = history_of (f->store, id);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpint (ENTRY (entries, 0)->action, ==, IC_HISTORY_CREATED);
  g_assert_cmpstr (ENTRY (entries, 0)->author, ==, "ann");
  g_assert_cmpint (ENTRY (entries, 0)->rev, ==, 1);
  /* A new record keeps the values it was given, each from nothing;
   * the fields left empty and the record fields are not listed. */
  created = describe_changes (ENTRY (entries, 0));
  g_assert_nonnull (strstr (created, "name:null>\"Depot Ltd\""));
  g_assert_nonnull (strstr (created, "employees:null>250"));
  g_assert_nonnull (strstr (created, "cluster:null>\"aerospace\""));
  g_assert_null (strstr (created, "rev:"));
  g_assert_null (strstr (created, "id:"));
  g_assert_null (strstr (created, "contact:"));
  g_assert_false (ENTRY (entries, 0)->remote);
  g_assert_cmpint (ENTRY (entries, 0)->kind, ==, IC_RECORD_KIND_ORGANISATION);

  g_assert_cmpint (ENTRY (entries, 1)->action, ==, IC_HISTORY_CHANGED);
  g_assert_cmpstr (ENTRY (entries, 1)->author, ==, "bob");
  g_assert_cmpint (ENTRY (entries, 1)->rev, ==, 2);
  g_assert_nonnull (ENTRY (entries, 1)->at);
  changes = describe_changes (ENTRY (entries, 1));
  /* Fields in the record's order; the record fields (rev, updated_at,
   * author) are the entry's own, never listed. */
  g_assert_nonnull (strstr (changes, "name:\"Depot Ltd\">\"Depot Group\""));
  g_assert_nonnull (strstr (changes, "employees:"));
  g_assert_null (strstr (changes, "rev:"));
  g_assert_null (strstr (changes, "updated_at"));
  g_assert_cmpuint (ENTRY (entries, 1)->changes->len, ==, 2);
}

static void
test_delete_keeps_history (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) org = make_organisation ("Depot Ltd");
  g_autoptr(IcRecord) challenge = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  const char *id;

  insert_ok (f->store, org);
  challenge = make_challenge (ic_record_get_id (org), "Refuelling");
  g_assert_true (ic_store_insert (f->store, challenge, "ann", &error));
  g_assert_no_error (error);
  id = ic_record_get_id (challenge);

  g_object_set (challenge, "title", "Hydrogen refuelling", NULL);
  g_assert_true (ic_store_update (f->store, challenge, "ann", &error));
  g_assert_true (ic_store_delete (f->store, id, "cat", &error));
  g_assert_no_error (error);
  /* Deleting a tombstone changes nothing, and says nothing. */
  g_assert_true (ic_store_delete (f->store, id, "cat", &error));
  g_assert_true (ic_store_restore (f->store, id, "dan", &error));
  g_assert_true (ic_store_renew (f->store, id, "eve", &error));
  g_assert_no_error (error);

  entries = history_of (f->store, id);
  g_assert_cmpuint (entries->len, ==, 5);
  g_assert_cmpint (ENTRY (entries, 0)->action, ==, IC_HISTORY_CREATED);
  g_assert_cmpint (ENTRY (entries, 1)->action, ==, IC_HISTORY_CHANGED);
  g_assert_cmpint (ENTRY (entries, 2)->action, ==, IC_HISTORY_DELETED);
  g_assert_cmpstr (ENTRY (entries, 2)->author, ==, "cat");
  g_assert_cmpint (ENTRY (entries, 2)->rev, ==, 3);
  g_assert_cmpint (ENTRY (entries, 3)->action, ==, IC_HISTORY_RESTORED);
  g_assert_cmpstr (ENTRY (entries, 3)->author, ==, "dan");
  g_assert_cmpint (ENTRY (entries, 4)->action, ==, IC_HISTORY_RENEWED);
  g_assert_cmpstr (ENTRY (entries, 4)->author, ==, "eve");
  g_assert_cmpint (ENTRY (entries, 4)->rev, ==, 5);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Deleted for good, the history is still there. */
  g_assert_true (ic_store_delete (f->store, id, "cat", &error));
  entries = history_of (f->store, id);
  g_assert_cmpuint (entries->len, ==, 6);
  g_assert_cmpint (ENTRY (entries, 5)->action, ==, IC_HISTORY_DELETED);

  /* An id never held has no history, and no error. */
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = history_of (f->store, "4f1c0a52-5d57-4f7e-9d0e-1c2b3a4d5e6f");
  g_assert_cmpuint (entries->len, ==, 0);
  g_assert_false (ic_store_renew (f->store, "4f1c0a52-5d57-4f7e-9d0e-1c2b3a4d5e6f", "eve", &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND);
}

static void
test_synced_changes (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) org = make_organisation ("Depot Ltd");
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *changes = NULL;
  const char *id;

  ic_record_ensure_id (org);
  id = ic_record_get_id (org);
  ic_record_set_rev (org, 4);
  ic_record_set_author (org, "remote-ann");
  ic_record_set_updated_at (org, "2026-03-01T10:00:00.000000Z");
  g_assert_true (ic_store_put_remote (f->store, org, &error));
  g_assert_no_error (error);

  g_object_set (org, "website", "https://depot.example", NULL);
  ic_record_set_rev (org, 5);
  ic_record_set_author (org, "remote-bob");
  ic_record_set_updated_at (org, "2026-03-02T11:00:00.000000Z");
  g_assert_true (ic_store_put_remote (f->store, org, &error));
  g_assert_no_error (error);

  ic_record_set_deleted (org, TRUE);
  ic_record_set_rev (org, 6);
  ic_record_set_updated_at (org, "2026-03-03T12:00:00.000000Z");
  g_assert_true (ic_store_put_remote (f->store, org, &error));
  g_assert_no_error (error);

  entries = history_of (f->store, id);
  g_assert_cmpuint (entries->len, ==, 3);
  /* Attributed to the record's author, at the record's time. */
  g_assert_cmpint (ENTRY (entries, 0)->action, ==, IC_HISTORY_CREATED);
  g_assert_true (ENTRY (entries, 0)->remote);
  g_assert_cmpstr (ENTRY (entries, 0)->author, ==, "remote-ann");
  g_assert_cmpstr (ENTRY (entries, 0)->at, ==, "2026-03-01T10:00:00.000000Z");
  g_assert_cmpint (ENTRY (entries, 0)->rev, ==, 4);

  g_assert_cmpint (ENTRY (entries, 1)->action, ==, IC_HISTORY_CHANGED);
  g_assert_true (ENTRY (entries, 1)->remote);
  g_assert_cmpstr (ENTRY (entries, 1)->author, ==, "remote-bob");
  g_assert_cmpstr (ENTRY (entries, 1)->at, ==, "2026-03-02T11:00:00.000000Z");
  changes = describe_changes (ENTRY (entries, 1));
  g_assert_nonnull (strstr (changes, ">\"https://depot.example\""));
  g_assert_cmpuint (ENTRY (entries, 1)->changes->len, ==, 1);

  g_assert_cmpint (ENTRY (entries, 2)->action, ==, IC_HISTORY_DELETED);
  g_assert_cmpuint (ENTRY (entries, 2)->changes->len, ==, 0);
  g_assert_cmpint (ENTRY (entries, 2)->rev, ==, 6);
}

/* A failed write leaves no entry: the history is in its transaction. */
static void
test_failed_write (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) org = make_organisation ("Depot Ltd");
  g_autoptr(IcRecord) capability = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  insert_ok (f->store, org);
  capability = make_capability ("0b6c8f1e-2f4a-4c55-9a1e-7d3b2c1a0f9e", "Welding");
  ic_record_ensure_id (capability);
  g_assert_false (ic_store_insert (f->store, capability, "ann", &error));
  g_assert_nonnull (error);
  entries = history_of (f->store, ic_record_get_id (capability));
  g_assert_cmpuint (entries->len, ==, 0);
}

void
test_store_add_history_tests (void)
{
  TEST_ADD ("history/local", test_local_changes);
  TEST_ADD ("history/delete-keeps-history", test_delete_keeps_history);
  TEST_ADD ("history/synced", test_synced_changes);
  TEST_ADD ("history/failed-write", test_failed_write);
}
