/* test-store-open.c — opening, migrations, settings, taxonomy and two
 * writers at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ic-store-exclusions.h"
#include "test-store-util.h"

/* Opening */

static void
test_open_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "none.db", NULL);
  g_autoptr(IcStore) store = ic_store_open (path, IC_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "interchange-cli init"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  remove_tree (dir);
}

static void
test_open_create_parents (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "a", "b", "c", "interchange.db", NULL);
  g_autoptr(IcStore) store = ic_store_open (path, IC_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (ic_store_get_path (store), ==, path);
  g_assert_cmpuint (ic_store_get_schema_version (store), ==, ic_store_get_latest_schema_version ());
  g_assert_cmpuint (ic_store_get_latest_schema_version (), >=, 3);
  g_clear_object (&store);

  /* Once there, it opens without CREATE. */
  store = ic_store_open (path, IC_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_clear_object (&store);
  remove_tree (dir);
}

static gint64
pragma (IcStore    *store,
        const char *name)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", name);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (ic_store_get_db (store), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_type (stmt, 0) == SQLITE_TEXT
          ? g_str_equal ((const char *) sqlite3_column_text (stmt, 0), "wal")
          : sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
test_open_pragmas (Fixture       *f,
                   gconstpointer  data)
{
  const char *bad = "INSERT INTO challenge (id, organisation_id) VALUES ('x', 'nobody')";

  g_assert_cmpint (pragma (f->store, "journal_mode"), ==, TRUE);
  g_assert_cmpint (pragma (f->store, "foreign_keys"), ==, 1);
  g_assert_cmpint (pragma (f->store, "synchronous"), ==, 1);
  g_assert_cmpint (pragma (f->store, "busy_timeout"), ==, 5000);
  g_assert_cmpint (pragma (f->store, "cache_size"), ==, -32768);
  g_assert_cmpint (pragma (f->store, "temp_store"), ==, 2);
  /* The foreign keys hold even for SQL that skips the store's checks. */
  g_assert_cmpint (sqlite3_exec (ic_store_get_db (f->store), bad, NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
}

static void
test_open_too_new (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcStore) store = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %u",
                                          ic_store_get_latest_schema_version () + 1);

  g_assert_cmpint (sqlite3_exec (ic_store_get_db (f->store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&f->store);

  store = ic_store_open (f->path, IC_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_TOO_NEW);
}

static void
test_open_not_a_database (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "junk.db", NULL);
  g_autoptr(IcStore) store = NULL;

  g_assert_true (g_file_set_contents (path, "this is not a database, just text.........."
                                            "...............................................",
                                      -1, NULL));
  store = ic_store_open (path, IC_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_default_path (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("INTERCHANGE_DB"));
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "interchange",
                                                "interchange.db", NULL);
  g_autofree char *from_env = NULL;
  g_autofree char *from_empty = NULL;
  g_autofree char *from_unset = NULL;

  g_setenv ("INTERCHANGE_DB", "/srv/ic/team.db", TRUE);
  from_env = ic_store_get_default_path ();
  g_setenv ("INTERCHANGE_DB", "", TRUE);
  from_empty = ic_store_get_default_path ();
  g_unsetenv ("INTERCHANGE_DB");
  from_unset = ic_store_get_default_path ();
  if (saved != NULL)
    g_setenv ("INTERCHANGE_DB", saved, TRUE);

  g_assert_cmpstr (from_env, ==, "/srv/ic/team.db");
  g_assert_cmpstr (from_empty, ==, expected);
  g_assert_cmpstr (from_unset, ==, expected);
}
static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  g_assert_null (ic_store_get_setting (f->store, "feed-cursor"));
  g_assert_true (ic_store_set_setting (f->store, "feed-cursor", "41", &error));
  g_assert_true (ic_store_set_setting (f->store, "feed-cursor", "42", &error));
  g_assert_no_error (error);
  a = ic_store_get_setting (f->store, "feed-cursor");
  g_assert_cmpstr (a, ==, "42");

  g_clear_object (&f->store);
  f->store = ic_store_open (f->path, IC_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  b = ic_store_get_setting (f->store, "feed-cursor");
  g_assert_cmpstr (b, ==, "42");

  g_assert_true (ic_store_set_setting (f->store, "feed-cursor", NULL, &error));
  g_assert_true (ic_store_set_setting (f->store, "never-set", NULL, &error));
  g_assert_no_error (error);
  c = ic_store_get_setting (f->store, "feed-cursor");
  g_assert_null (c);
}

static void
test_taxonomy (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcTaxonomy) defaults = ic_taxonomy_new_default ();
  IcTaxonomy *taxonomy = ic_store_get_taxonomy (f->store);
  const char *area_name = NULL;

  g_assert_cmpuint (ic_taxonomy_get_n_clusters (taxonomy), ==,
                    ic_taxonomy_get_n_clusters (defaults));
  g_assert_cmpuint (ic_taxonomy_get_n_places (taxonomy), ==, ic_taxonomy_get_n_places (defaults));
  g_assert_cmpstr (ic_taxonomy_get_cluster_id (taxonomy, 0), ==,
                   ic_taxonomy_get_cluster_id (defaults, 0));

  /* Edit the store's own object and save it, as a preferences page would. */
  ic_taxonomy_remove_cluster (taxonomy, "tourism");
  ic_taxonomy_add_cluster (taxonomy, "cyber", "Cyber security");
  ic_taxonomy_add_place (taxonomy, "hereford", "Herefordshire", "marches", "The Marches",
                         "west-midlands", "West Midlands");
  g_assert_true (ic_store_save_taxonomy (f->store, taxonomy, &error));
  g_assert_no_error (error);
  g_assert_true (ic_store_get_taxonomy (f->store) == taxonomy);

  g_clear_object (&f->store);
  f->store = ic_store_open (f->path, IC_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  taxonomy = ic_store_get_taxonomy (f->store);
  g_assert_cmpuint (ic_taxonomy_get_n_clusters (taxonomy), ==,
                    ic_taxonomy_get_n_clusters (defaults));
  g_assert_null (ic_taxonomy_get_cluster_name (taxonomy, "tourism"));
  g_assert_cmpstr (ic_taxonomy_get_cluster_name (taxonomy, "cyber"), ==, "Cyber security");
  g_assert_cmpstr (ic_taxonomy_get_cluster_id (taxonomy, ic_taxonomy_get_n_clusters (taxonomy) - 1),
                   ==, "cyber");
  g_assert_cmpstr (ic_taxonomy_get_place_area (taxonomy, "hereford", &area_name), ==, "marches");
  g_assert_cmpstr (area_name, ==, "The Marches");

  /* The new cluster is valid from now on. */
  {
    g_autoptr(IcRecord) org = make_organisation ("Cyber Ltd");

    ic_organisation_set_cluster (IC_ORGANISATION (org), "cyber");
    insert_ok (f->store, org);
  }
}
/* Migrations */

static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

#define OLD_ORG "10000000-0000-4000-8000-000000000001"
#define OLD_CHALLENGE "10000000-0000-4000-8000-000000000002"
#define OLD_CAPABILITY "10000000-0000-4000-8000-000000000003"
#define OLD_SHORTLIST "10000000-0000-4000-8000-000000000004"

/* Rows as the first schema had them; every later version must keep them. */
static const char old_rows[] =
  "INSERT INTO organisation (id, rev, updated_at, author, visibility, deleted, name, kind, "
  "  cluster, local_authority, employees, website, notes) VALUES ('" OLD_ORG "', 3, "
  "  '2024-01-01T00:00:00Z', 'ann', 'team', 0, 'Old Works', 'university', 'rail', "
  "  'coventry', 12, 'https://old.example', 'legacy notes');"
  "INSERT INTO challenge (id, rev, updated_at, author, visibility, deleted, organisation_id, "
  "  title, description, cluster, tags, trl_min, trl_max, budget_min, budget_max, deadline, "
  "  local_authority, status, contact) VALUES ('" OLD_CHALLENGE "', 5, '2024-01-02T00:00:00Z', "
  "  'ann', 'team', 0, '" OLD_ORG "', 'Hydrogen buses', 'Depot refuelling', 'rail', "
  "  'hydrogen\nfuel cells', 2, 6, 1000, 5000, '2030-01-01', 'coventry', 'paused', 'bob');"
  "INSERT INTO capability (id, rev, visibility, organisation_id, title, tags, trl, "
  "  certifications) VALUES ('" OLD_CAPABILITY "', 1, 'private', '" OLD_ORG "', "
  "  'Fuel cell testing', 'hydrogen', 5, 'ISO 17025');"
  "INSERT INTO shortlist (id, rev, challenge_id, name) VALUES ('" OLD_SHORTLIST "', 1, "
  "  '" OLD_CHALLENGE "', 'Old list');"
  "INSERT INTO shortlist_entry (shortlist_id, position, capability_id, score, explanation, "
  "  note, stage) VALUES ('" OLD_SHORTLIST "', 0, '" OLD_CAPABILITY "', 0.5, 'why', 'n', "
  "  'contacted');";

static gint64
count_sql (IcStore    *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (ic_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* What version 5 changed: the store indexes new rows itself, updates
 * and deletes keep their triggers, the full-text tables keep no
 * document sizes and keep 16 MiB of terms before writing a segment, and
 * the tombstones have an index. */
static void
check_fts_v5 (IcStore *store)
{
  const char *tables[] = { "organisation", "challenge", "capability", "foresight" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *triggers = g_strdup_printf (
        "SELECT group_concat (name, ' ') FROM (SELECT name FROM sqlite_master "
        "WHERE type = 'trigger' AND tbl_name = '%s' ORDER BY name)", tables[i]);
      g_autofree char *expected = g_strdup_printf ("%s_fts_delete %s_fts_update",
                                                   tables[i], tables[i]);
      g_autofree char *docsize = g_strdup_printf (
        "SELECT count(*) FROM sqlite_master WHERE name = '%s_fts_docsize'", tables[i]);
      g_autofree char *hashsize = g_strdup_printf (
        "SELECT v FROM %s_fts_config WHERE k = 'hashsize'", tables[i]);
      g_autofree char *tombstones = g_strdup_printf (
        "SELECT count(*) FROM sqlite_master WHERE name = '%s_tombstones' "
        "AND sql LIKE '%% WHERE deleted'", tables[i]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (ic_store_get_db (store), triggers, -1, &stmt, NULL),
                       ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, expected);
      sqlite3_finalize (stmt);

      g_assert_cmpint (count_sql (store, docsize), ==, 0);
      g_assert_cmpint (count_sql (store, hashsize), ==, 16777216);
      g_assert_cmpint (count_sql (store, tombstones), ==, 1);
    }
}

static void
check_migrated (const char *path,
                guint       from)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcStore) store = ic_store_open (path, IC_STORE_OPEN_DEFAULT, &error);
  g_autoptr(IcRecord) org = NULL;
  g_autoptr(IcRecord) challenge = NULL;
  g_autoptr(IcRecord) cap = NULL;
  g_autoptr(IcRecord) shortlist = NULL;
  g_autoptr(IcShortlistEntry) entry = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  const char *tags[] = { "hydrogen", "fuel cells", NULL };
  IcChange *change;

  g_test_message ("migrating from version %u", from);
  g_assert_no_error (error);
  g_assert_cmpuint (ic_store_get_schema_version (store), ==, ic_store_get_latest_schema_version ());

  org = ic_store_get (store, OLD_ORG, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ic_organisation_get_name (IC_ORGANISATION (org)), ==, "Old Works");
  g_assert_cmpint (ic_organisation_get_kind (IC_ORGANISATION (org)), ==,
                   IC_ORGANISATION_KIND_UNIVERSITY);
  g_assert_cmpint (ic_record_get_rev (org), ==, 3);
  challenge = ic_store_get (store, OLD_CHALLENGE, &error);
  g_assert_cmpstrv (ic_challenge_get_tags (IC_CHALLENGE (challenge)), tags);
  g_assert_cmpint (ic_challenge_get_status (IC_CHALLENGE (challenge)), ==,
                   IC_CHALLENGE_STATUS_PAUSED);
  g_assert_cmpint (ic_challenge_get_budget_max (IC_CHALLENGE (challenge)), ==, 5000);
  cap = ic_store_get (store, OLD_CAPABILITY, &error);
  g_assert_cmpint (ic_record_get_visibility (cap), ==, IC_VISIBILITY_PRIVATE);
  g_assert_cmpint (ic_capability_get_employees (IC_CAPABILITY (cap)), ==, 0);
  shortlist = ic_store_get (store, OLD_SHORTLIST, &error);
  entry = g_list_model_get_item (G_LIST_MODEL (ic_shortlist_get_entries (IC_SHORTLIST (shortlist))),
                                 0);
  g_assert_cmpint (ic_shortlist_entry_get_stage (entry), ==, IC_STAGE_CONTACTED);
  g_assert_no_error (error);

  /* New features work on old rows. */
  g_assert_cmpint (count_records (store, IC_RECORD_KIND_CHALLENGE, "hydro"), ==, 1);
  g_assert_cmpint (count_records (store, IC_RECORD_KIND_CAPABILITY, "fuel cell"), ==, 1);
  g_assert_cmpint (count_records (store, IC_RECORD_KIND_ORGANISATION, "legacy"), ==, 1);
  g_assert_cmpuint (ic_taxonomy_get_n_clusters (ic_store_get_taxonomy (store)), >, 0);

  /* Team records from before the outbox (version 3) are queued for the
   * first sync; the private one is not.  From version 3 on, the rows
   * written here by hand bypassed the outbox, so none are queued. */
  changes = list_changes (store);
  g_assert_cmpuint (changes->len, ==, from < 3 ? 3 : 0);
  if (from < 3)
    g_assert_cmpstr (((IcChange *) g_ptr_array_index (changes, 0))->record_id, ==, OLD_ORG);
  g_clear_pointer (&changes, g_ptr_array_unref);

  ic_challenge_set_title (IC_CHALLENGE (challenge), "Hydrogen coaches");
  g_assert_true (ic_store_update (store, challenge, "migrator", &error));
  g_assert_no_error (error);
  changes = list_changes (store);
  change = g_ptr_array_index (changes, changes->len - 1);
  g_assert_cmpint (change->rev, ==, 6);
  g_assert_cmpint (change->base_rev, ==, 5);
  g_assert_cmpint (count_records (store, IC_RECORD_KIND_CHALLENGE, "coaches"), ==, 1);
  g_assert_cmpint (count_records (store, IC_RECORD_KIND_CHALLENGE, "buses"), ==, 0);
  check_fts_v5 (store);

  /* Version 6: old pairs can be excluded. */
  g_assert_true (ic_store_exclude_pair (store, OLD_CHALLENGE, OLD_CAPABILITY, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_sql (store, "SELECT count(*) FROM excluded_pair"), ==, 1);

  /* New records are found beside the old ones, ranked. */
  {
    g_autoptr(IcRecord) tank = make_capability (OLD_ORG, "Hydrogen storage");
    g_autoptr(IcStoreQuery) query = ic_store_query_new ();
    g_autoptr(GPtrArray) found = NULL;

    insert_ok (store, tank);
    ic_store_query_set_search (query, "hydrogen");
    ic_store_query_set_include_deleted (query, TRUE);
    found = ic_store_list (store, IC_RECORD_KIND_CAPABILITY, query, 0, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 2);
    /* In the title beats in the tags. */
    g_assert_cmpstr (ic_record_get_id (g_ptr_array_index (found, 0)), ==, ic_record_get_id (tank));
    g_assert_cmpstr (ic_record_get_id (g_ptr_array_index (found, 1)), ==, OLD_CAPABILITY);
  }
  assert_fts_intact (store);
}

static void
test_migrations (Fixture       *f,
                 gconstpointer  data)
{
  for (guint version = 1; version < ic_store_get_latest_schema_version (); version++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("v%u.db", version);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      sqlite3 *db = NULL;
      int user_version = -1;
      sqlite3_stmt *stmt = NULL;

      g_assert_true (ic_store_create_at_version (path, version, &error));
      g_assert_no_error (error);

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      user_version = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
      g_assert_cmpint (user_version, ==, version);
      exec_ok (db, old_rows);
      /* From version 5 on, rows inserted by hand need a rebuild to be
       * found (ic-store-schema.c). */
      if (version >= 5)
        exec_ok (db, "INSERT INTO organisation_fts (organisation_fts) VALUES ('rebuild');"
                     "INSERT INTO challenge_fts (challenge_fts) VALUES ('rebuild');"
                     "INSERT INTO capability_fts (capability_fts) VALUES ('rebuild');"
                     "INSERT INTO foresight_fts (foresight_fts) VALUES ('rebuild');");
      sqlite3_close (db);

      check_migrated (path, version);
    }
}

/* Two writers */

typedef struct
{
  IcStore  *store;
  guint     n_written;
  GError   *error;
} Writer;

static gpointer
write_many (gpointer data)
{
  Writer *writer = data;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Writer %p org %u", writer, i);
      g_autoptr(IcRecord) org = make_organisation (name);

      if (!ic_store_insert (writer->store, org, NULL, &writer->error))
        break;
      writer->n_written++;
    }
  return NULL;
}

static void
test_two_writers (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Writer writers[2] = { { NULL, 0, NULL }, { NULL, 0, NULL } };
  GThread *threads[2];

  writers[0].store = g_object_ref (f->store);
  writers[1].store = ic_store_open (f->path, IC_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    threads[i] = g_thread_new ("writer", write_many, &writers[i]);
  for (guint i = 0; i < 2; i++)
    {
      g_thread_join (threads[i]);
      g_assert_no_error (writers[i].error);
      g_assert_cmpuint (writers[i].n_written, ==, 200);
      g_object_unref (writers[i].store);
    }

  g_assert_cmpint (count_records (f->store, IC_RECORD_KIND_ORGANISATION, NULL), ==, 400);
  {
    g_autoptr(GPtrArray) changes = list_changes (f->store);
    g_assert_cmpuint (changes->len, ==, 400);
  }
}

void
test_store_add_open_tests (void)
{
  /* First: it changes the environment, which is safe only before any
   * thread starts. */
  g_test_add_func ("/store/default-path", test_default_path);
  g_test_add_func ("/store/open/missing", test_open_missing);
  g_test_add_func ("/store/open/create-parents", test_open_create_parents);
  TEST_ADD ("open/pragmas", test_open_pragmas);
  TEST_ADD ("open/too-new", test_open_too_new);
  TEST_ADD ("open/not-a-database", test_open_not_a_database);
  TEST_ADD ("migrations", test_migrations);
  TEST_ADD ("settings", test_settings);
  TEST_ADD ("taxonomy", test_taxonomy);
  TEST_ADD ("two-writers", test_two_writers);
}
