/* test-store-names.c — no two organisations with one name, no two
 * records of one organisation with one title
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "test-store-util.h"

static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* The name_key column of the row @id of @table, or NULL. */
static char *
stored_key (IcStore    *store,
            const char *table,
            const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name_key FROM %s WHERE id = ?", table);
  sqlite3_stmt *stmt = NULL;
  char *key = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (ic_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return key;
}

static guint
n_changes (IcStore *store)
{
  g_autoptr(GPtrArray) changes = list_changes (store);

  return changes->len;
}

/* Inserting @record is refused as a duplicate of @holder_id, and
 * leaves the database and the record as they were. */
static void
assert_insert_refused (IcStore    *store,
                       IcRecord   *record,
                       const char *holder_id,
                       const char *holder_title)
{
  g_autoptr(GError) error = NULL;
  IcRecordKind kind = ic_record_get_kind (record);
  gint64 n_before = count_records (store, kind, NULL);
  guint changes_before = n_changes (store);

  g_assert_false (ic_store_insert (store, record, "tester", &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, holder_id));
  g_assert_nonnull (strstr (error->message, holder_title));
  g_assert_null (ic_record_get_id (record));
  g_assert_cmpint (ic_record_get_rev (record), ==, 0);
  g_assert_cmpint (count_records (store, kind, NULL), ==, n_before);
  g_assert_cmpuint (n_changes (store), ==, changes_before);
}

static void
test_organisation_names (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(IcRecord) first = make_organisation ("Smart Sensors Ltd");
  static const char * const same[] = {
    "Smart Sensors Ltd", "smart sensors ltd", "  Smart   SENSORS  Ltd ",
    "Smart Sensors Limited", "SMART SENSORS", "The Smart Sensors Ltd.", "Smart-Sensors PLC",
  };
  g_autoptr(IcRecord) other = make_organisation ("Smart Sensing Ltd");

  insert_ok (f->store, first);
  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autoptr(IcRecord) again = make_organisation (same[i]);

      g_test_message ("%s", same[i]);
      assert_insert_refused (f->store, again, ic_record_get_id (first), "Smart Sensors Ltd");
    }
  insert_ok (f->store, other);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_ORGANISATION, NULL), ==, 2);
}

/* Two in one write: the whole write is refused. */
static void
test_duplicates_in_one_write (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (records, make_organisation ("Bright Optics"));
  g_ptr_array_add (records, make_organisation ("Bright Optics Limited"));
  g_assert_false (ic_store_insert_all (f->store, records, "tester", &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_DUPLICATE);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_ORGANISATION, NULL), ==, 0);
  g_assert_cmpuint (n_changes (f->store), ==, 0);
}

static void
test_titles (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(IcRecord) a = make_organisation ("Alpha Works");
  g_autoptr(IcRecord) b = make_organisation ("Beta Works");
  g_autoptr(IcRecord) capability = NULL, again = NULL, elsewhere = NULL, other = NULL;
  g_autoptr(IcRecord) challenge = NULL, challenge_again = NULL;

  insert_ok (f->store, a);
  insert_ok (f->store, b);
  capability = make_capability (ic_record_get_id (a), "Thermal Imaging");
  insert_ok (f->store, capability);
  again = make_capability (ic_record_get_id (a), "  thermal   IMAGING");
  assert_insert_refused (f->store, again, ic_record_get_id (capability), "Thermal Imaging");

  /* Another organisation's, or another title: fine. */
  elsewhere = make_capability (ic_record_get_id (b), "Thermal Imaging");
  insert_ok (f->store, elsewhere);
  other = make_capability (ic_record_get_id (a), "Thermal Imaging Drones");
  insert_ok (f->store, other);

  challenge = make_challenge (ic_record_get_id (a), "Thermal Imaging");
  insert_ok (f->store, challenge);
  challenge_again = make_challenge (ic_record_get_id (a), "THERMAL IMAGING");
  assert_insert_refused (f->store, challenge_again, ic_record_get_id (challenge),
                         "Thermal Imaging");
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_CAPABILITY, NULL), ==, 3);
}

/* A rename moves the key: the old name is free, the new one taken, and
 * a rename onto another's name is refused. */
static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(IcRecord) org = make_organisation ("Gamma Ltd");
  g_autoptr(IcRecord) delta = make_organisation ("Delta Ltd");
  g_autoptr(IcRecord) gamma = make_organisation ("Gamma Limited");
  g_autoptr(IcRecord) epsilon = make_organisation ("Epsilon");
  g_autoptr(IcRecord) stored = NULL;
  g_autoptr(GError) error = NULL;

  insert_ok (f->store, org);
  insert_ok (f->store, delta);
  ic_organisation_set_name (IC_ORGANISATION (org), "Epsilon Ltd");
  g_assert_true (ic_store_update (f->store, org, "tester", &error));
  g_assert_no_error (error);
  insert_ok (f->store, gamma);
  assert_insert_refused (f->store, epsilon, ic_record_get_id (org), "Epsilon Ltd");

  ic_organisation_set_name (IC_ORGANISATION (org), "DELTA");
  g_assert_false (ic_store_update (f->store, org, "tester", &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, ic_record_get_id (delta)));
  stored = ic_store_get (f->store, ic_record_get_id (org), NULL);
  g_assert_cmpstr (ic_record_get_title (stored), ==, "Epsilon Ltd");
  g_assert_cmpint (ic_record_get_rev (stored), ==, 2);
}

/* A tombstone frees the name; bringing it back while another has the
 * name is refused. */
static void
test_delete_frees (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(IcRecord) org = make_organisation ("Zeta Ltd");
  g_autoptr(IcRecord) again = make_organisation ("Zeta");
  g_autoptr(IcRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  insert_ok (f->store, org);
  g_assert_true (ic_store_delete (f->store, ic_record_get_id (org), "tester", &error));
  g_assert_no_error (error);
  key = stored_key (f->store, "organisation", ic_record_get_id (org));
  g_assert_null (key);
  insert_ok (f->store, again);

  g_assert_false (ic_store_restore (f->store, ic_record_get_id (org), "tester", &error));
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, ic_record_get_id (again)));
  stored = ic_store_get (f->store, ic_record_get_id (org), NULL);
  g_assert_true (ic_record_get_deleted (stored));
  g_clear_error (&error);

  /* Once the other is gone, it comes back with its name. */
  g_assert_true (ic_store_delete (f->store, ic_record_get_id (again), "tester", &error));
  g_assert_true (ic_store_restore (f->store, ic_record_get_id (org), "tester", &error));
  g_assert_no_error (error);
  g_clear_pointer (&key, g_free);
  key = stored_key (f->store, "organisation", ic_record_get_id (org));
  g_assert_cmpstr (key, ==, "zeta");
}

/* A teammate's record with a name taken here is applied, without the
 * key; it can be edited, and renamed to a free name takes one. */
static void
test_remote_duplicate (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(IcRecord) local = make_organisation ("Eta Engineering Ltd");
  g_autoptr(IcRecord) remote = make_organisation ("ETA ENGINEERING LIMITED");
  g_autoptr(IcRecord) third = make_organisation ("Theta Engineering");
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  insert_ok (f->store, local);
  ic_record_set_id (remote, "0d6f1f4e-3c7b-4f38-9a55-6a2b9d7c1e01");
  ic_record_set_rev (remote, 3);
  ic_record_set_updated_at (remote, "2026-01-02T03:04:05Z");
  ic_record_set_author (remote, "teammate");
  g_assert_true (ic_store_put_remote (f->store, remote, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_ORGANISATION, NULL), ==, 2);
  key = stored_key (f->store, "organisation", ic_record_get_id (remote));
  g_assert_null (key);

  /* Edited here, its name unchanged: still without the key. */
  ic_organisation_set_notes (IC_ORGANISATION (remote), "Met them at the fair.");
  g_assert_true (ic_store_update (f->store, remote, "tester", &error));
  g_assert_no_error (error);

  /* Renamed to a free name, it holds it. */
  ic_organisation_set_name (IC_ORGANISATION (remote), "Theta Engineering Ltd");
  g_assert_true (ic_store_update (f->store, remote, "tester", &error));
  g_assert_no_error (error);
  assert_insert_refused (f->store, third, ic_record_get_id (remote), "Theta Engineering Ltd");
}

/* A database from before the rule, with duplicates: all kept, the first
 * of each keyed, and the rule holds from then on. */
static void
test_migration (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "v14.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcStore) store = NULL;
  g_autoptr(IcRecord) second = NULL;
  g_autoptr(IcRecord) fourth = make_organisation ("acme");
  g_autoptr(IcRecord) capability = NULL;
  g_autofree char *key1 = NULL, *key2 = NULL, *key3 = NULL, *cap1 = NULL, *cap2 = NULL;
  sqlite3 *db = NULL;

  g_assert_true (ic_store_create_at_version (path, 14, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_ok (db,
           "INSERT INTO organisation (id, rev, name, kind) VALUES "
           "  ('00000000-0000-4000-8000-000000000001', 1, 'Acme Ltd', 'sme'), ('00000000-0000-4000-8000-000000000002', 1, 'ACME Limited', 'sme'), "
           "  ('00000000-0000-4000-8000-000000000003', 1, 'Other', 'sme');"
           "INSERT INTO organisation (id, rev, name, kind, deleted) VALUES "
           "  ('00000000-0000-4000-8000-000000000000', 1, 'Acme', 'sme', 1);"
           "INSERT INTO capability (id, rev, organisation_id, title) VALUES "
           "  ('00000000-0000-4000-8000-0000000000c1', 1, '00000000-0000-4000-8000-000000000001', 'Welding'), ('00000000-0000-4000-8000-0000000000c2', 1, '00000000-0000-4000-8000-000000000001', 'welding');"
           "INSERT INTO organisation_fts (organisation_fts) VALUES ('rebuild');"
           "INSERT INTO capability_fts (capability_fts) VALUES ('rebuild');");
  sqlite3_close (db);

  store = ic_store_open (path, IC_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_records (store, IC_RECORD_KIND_ORGANISATION, NULL), ==, 3);
  g_assert_cmpint (count_records (store, IC_RECORD_KIND_CAPABILITY, NULL), ==, 2);
  key1 = stored_key (store, "organisation", "00000000-0000-4000-8000-000000000001");
  key2 = stored_key (store, "organisation", "00000000-0000-4000-8000-000000000002");
  key3 = stored_key (store, "organisation", "00000000-0000-4000-8000-000000000003");
  cap1 = stored_key (store, "capability", "00000000-0000-4000-8000-0000000000c1");
  cap2 = stored_key (store, "capability", "00000000-0000-4000-8000-0000000000c2");
  g_assert_cmpstr (key1, ==, "acme");
  g_assert_null (key2);
  g_assert_cmpstr (key3, ==, "other");
  g_assert_cmpstr (cap1, ==, "00000000-0000-4000-8000-000000000001\nwelding");
  g_assert_null (cap2);

  /* The duplicate stays editable as it is. */
  second = ic_store_get (store, "00000000-0000-4000-8000-000000000002", &error);
  g_assert_no_error (error);
  ic_organisation_set_notes (IC_ORGANISATION (second), "Same firm as the first?");
  ic_store_update (store, second, "tester", &error);
  g_assert_no_error (error);

  assert_insert_refused (store, fourth, "00000000-0000-4000-8000-000000000001", "Acme Ltd");
  capability = make_capability ("00000000-0000-4000-8000-000000000001", "WELDING");
  assert_insert_refused (store, capability, "00000000-0000-4000-8000-0000000000c1", "Welding");
}

/* What "Create Capability from Response" asks before it makes an
 * organisation. */
static void
test_find_named (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(IcRecord) org = make_organisation ("Quiet Castings Ltd");
  g_autoptr(IcRecord) found = NULL;
  g_autoptr(IcRecord) none = NULL;
  g_autoptr(IcRecord) gone = NULL;
  g_autoptr(GError) error = NULL;

  insert_ok (f->store, org);
  found = ic_store_find_organisation_named (f->store, "quiet  castings limited", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (ic_record_get_id (found), ==, ic_record_get_id (org));
  none = ic_store_find_organisation_named (f->store, "Quiet Foundry Ltd", &error);
  g_assert_no_error (error);
  g_assert_null (none);

  g_assert_true (ic_store_delete (f->store, ic_record_get_id (org), "tester", &error));
  gone = ic_store_find_organisation_named (f->store, "Quiet Castings Ltd", &error);
  g_assert_no_error (error);
  g_assert_null (gone);
}

void
test_store_add_name_tests (void)
{
  TEST_ADD ("names/organisation", test_organisation_names);
  TEST_ADD ("names/one-write", test_duplicates_in_one_write);
  TEST_ADD ("names/titles", test_titles);
  TEST_ADD ("names/rename", test_rename);
  TEST_ADD ("names/delete-frees", test_delete_frees);
  TEST_ADD ("names/remote-duplicate", test_remote_duplicate);
  TEST_ADD ("names/migration", test_migration);
  TEST_ADD ("names/find-named", test_find_named);
}
