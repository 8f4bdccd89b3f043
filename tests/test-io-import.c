/* test-io-import.c — importing into a real store, exporting out of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ic-capability.h"
#include "ic-challenge.h"
#include "ic-export.h"
#include "ic-import.h"
#include "ic-io-error.h"
#include "ic-organisation.h"
#include "ic-record-json.h"
#include "ic-report-renderer.h"
#include "ic-shortlist.h"
#include "ic-store-private.h"
#include "test-io-util.h"

void
io_fixture_set_up (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-io-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->store = ic_store_open (f->path, IC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
io_fixture_tear_down (Fixture       *f,
                      gconstpointer  data)
{
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

typedef enum
{
  RUN_DEFAULT = 0,
  RUN_DRY     = 1 << 0,
  RUN_SKIP    = 1 << 1,
} RunFlags;

static IcImportReport *
import_text (Fixture       *f,
             IcRecordKind   kind,
             const char    *csv,
             RunFlags       flags,
             const char    *overrides,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(IcImport) import = ic_import_new (kind);
  g_autoptr(GInputStream) stream =
    g_memory_input_stream_new_from_data (g_strdup (csv), strlen (csv), g_free);

  ic_import_set_dry_run (import, (flags & RUN_DRY) != 0);
  ic_import_set_skip_bad_rows (import, (flags & RUN_SKIP) != 0);
  ic_import_set_overrides (import, overrides);
  ic_import_set_author (import, "Test Expert");
  return ic_import_run (import, f->store, stream, strlen (csv), cancellable, error);
}

static gint64
count (Fixture      *f,
       IcRecordKind  kind)
{
  return ic_store_count (f->store, kind, NULL, NULL);
}

static IcRecord *
add_organisation (Fixture    *f,
                  const char *name)
{
  IcOrganisation *organisation = ic_organisation_new ();
  g_autoptr(GError) error = NULL;

  ic_organisation_set_name (organisation, name);
  ic_organisation_set_kind (organisation, IC_ORGANISATION_KIND_SME);
  g_assert_true (ic_store_insert (f->store, IC_RECORD (organisation), "Test Expert", &error));
  g_assert_no_error (error);
  return IC_RECORD (organisation);
}

/* An organisation from a teammate, through the feed: the store takes it
 * even when one here has the same name. */
static IcRecord *
add_remote_organisation (Fixture    *f,
                         const char *name)
{
  IcOrganisation *organisation = ic_organisation_new ();
  g_autoptr(GError) error = NULL;

  ic_organisation_set_name (organisation, name);
  ic_organisation_set_kind (organisation, IC_ORGANISATION_KIND_SME);
  ic_record_ensure_id (IC_RECORD (organisation));
  ic_record_set_rev (IC_RECORD (organisation), 1);
  ic_record_set_author (IC_RECORD (organisation), "Teammate");
  g_assert_true (ic_store_put_remote (f->store, IC_RECORD (organisation), &error));
  g_assert_no_error (error);
  return IC_RECORD (organisation);
}

static const char *capabilities_csv =
  "Company,Capability,Description,Sector,Keywords,TRL,Postcode\n"
  "Łódź Łukasz Engineering,Hydrogen fuel cells,\"PEM stacks, \"\"tested\"\"\nfor buses\","
  "Low carbon and energy,\"hydrogen; fuel cells\",6,B15 2TT\n"
  "Llŷr Robotics,Welding cobots,Arc welding,automotive,\"robotics,welding\",11,CV1 2AB\n"
  "王芳 Analytics,Data pipelines,ETL,creative,ai,5,WV1 1AA\n";

static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcImportReport) report = import_text (f, IC_RECORD_KIND_CAPABILITY, capabilities_csv,
                                                  RUN_DEFAULT, NULL, NULL, &error);
  const char *column = NULL, *field = NULL;
  guint row = 0;

  g_assert_no_error (error);
  g_assert_false (ic_import_report_get_committed (report));
  g_assert_cmpuint (ic_import_report_get_counts (report)->rows, ==, 3);
  g_assert_cmpuint (ic_import_report_get_counts (report)->added, ==, 2);
  g_assert_cmpuint (ic_import_report_get_counts (report)->rejected, ==, 1);
  g_assert_cmpuint (ic_import_report_get_n_problems (report), ==, 1);
  g_assert_cmpstr (ic_import_report_get_problem (report, 0, &row, &column, &field), ==,
                   "row 3, column TRL: 11 is not between 1 and 9");
  g_assert_cmpuint (row, ==, 3);
  g_assert_cmpstr (column, ==, "TRL");
  g_assert_cmpstr (field, ==, "trl");

  /* Bad input leaves the database as it was: not even the organisations. */
  g_assert_cmpint (count (f, IC_RECORD_KIND_CAPABILITY), ==, 0);
  g_assert_cmpint (count (f, IC_RECORD_KIND_ORGANISATION), ==, 0);
}

static void
test_skip_bad_rows (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcImportReport) report = import_text (f, IC_RECORD_KIND_CAPABILITY, capabilities_csv,
                                                  RUN_SKIP, NULL, NULL, &error);
  g_autoptr(GPtrArray) list = NULL;
  IcCapability *capability = NULL;

  g_assert_no_error (error);
  g_assert_true (ic_import_report_get_committed (report));
  g_assert_cmpuint (ic_import_report_get_counts (report)->organisations_added, ==, 2);
  g_assert_cmpint (count (f, IC_RECORD_KIND_CAPABILITY), ==, 2);
  /* Llŷr Robotics was named only by the rejected row. */
  g_assert_cmpint (count (f, IC_RECORD_KIND_ORGANISATION), ==, 2);

  list = ic_store_list (f->store, IC_RECORD_KIND_CAPABILITY, NULL, 0, 0, &error);
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (ic_record_get_title (g_ptr_array_index (list, i)), "Hydrogen fuel cells"))
      capability = g_ptr_array_index (list, i);
  g_assert_nonnull (capability);
  g_assert_cmpstr (ic_capability_get_description (capability), ==, "PEM stacks, \"tested\"\nfor buses");
  g_assert_cmpstr (ic_capability_get_cluster (capability), ==, "low-carbon-energy");
  g_assert_cmpstr (ic_capability_get_local_authority (capability), ==, "birmingham");
  g_assert_cmpstr (ic_capability_get_tags (capability)[1], ==, "fuel cells");
  g_assert_cmpint (ic_capability_get_trl (capability), ==, 6);
}

static void
test_dry_run (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcImportReport) report = import_text (f, IC_RECORD_KIND_CAPABILITY, capabilities_csv,
                                                  RUN_DRY | RUN_SKIP, NULL, NULL, &error);
  g_autoptr(JsonNode) json = NULL;
  JsonObject *object;

  g_assert_no_error (error);
  g_assert_true (ic_import_report_get_dry_run (report));
  g_assert_false (ic_import_report_get_committed (report));
  g_assert_cmpuint (ic_import_report_get_counts (report)->added, ==, 2);
  g_assert_cmpint (count (f, IC_RECORD_KIND_CAPABILITY), ==, 0);

  json = ic_import_report_to_json (report);
  object = json_node_get_object (json);
  g_assert_cmpint (json_object_get_int_member (object, "rejected"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (object, "errors"), 0),
                     "column"), ==, "TRL");
}

static void
test_update_not_duplicate (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcImportReport) first = NULL;
  g_autoptr(IcImportReport) second = NULL;
  g_autoptr(IcImportReport) third = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const char *csv1 = "Organisation,Title,Description\nAcme Ltd,Laser cutting,Old text\n";
  const char *csv2 = "Organisation,Title,Description\nACME  ltd, laser  CUTTING ,New text\n";

  first = import_text (f, IC_RECORD_KIND_CAPABILITY, csv1, RUN_DEFAULT, NULL, NULL, &error);
  g_assert_no_error (error);
  second = import_text (f, IC_RECORD_KIND_CAPABILITY, csv2, RUN_DEFAULT, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ic_import_report_get_counts (second)->updated, ==, 1);
  g_assert_cmpuint (ic_import_report_get_counts (second)->added, ==, 0);
  g_assert_cmpuint (ic_import_report_get_counts (second)->organisations_added, ==, 0);
  g_assert_cmpint (count (f, IC_RECORD_KIND_CAPABILITY), ==, 1);
  g_assert_cmpint (count (f, IC_RECORD_KIND_ORGANISATION), ==, 1);

  list = ic_store_list (f->store, IC_RECORD_KIND_CAPABILITY, NULL, 0, 0, &error);
  g_assert_cmpstr (ic_capability_get_description (g_ptr_array_index (list, 0)), ==, "New text");
  g_assert_cmpint (ic_record_get_rev (g_ptr_array_index (list, 0)), ==, 2);

  third = import_text (f, IC_RECORD_KIND_CAPABILITY, csv2, RUN_DEFAULT, NULL, NULL, &error);
  g_assert_cmpuint (ic_import_report_get_counts (third)->unchanged, ==, 1);
  g_assert_cmpuint (ic_import_report_get_counts (third)->updated, ==, 0);
}

static const char *mixed_csv =
  "Organisation,Title,Description\n"
  "Acme Ltd,Laser cutting,New text\n"
  "Acme Ltd,Water jets,Abrasive cutting\n"
  "Brand New Ltd,Plasma arcs,Hot cutting\n";

/* Adds and updates in one run are one write: one time on every record
 * and change-log entry. */
static void
test_mixed_one_write (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcImportReport) first = NULL;
  g_autoptr(IcImportReport) second = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  const char *csv1 = "Organisation,Title,Description\nAcme Ltd,Laser cutting,Old text\n";
  const char *written_at;

  first = import_text (f, IC_RECORD_KIND_CAPABILITY, csv1, RUN_DEFAULT, NULL, NULL, &error);
  g_assert_no_error (error);
  second = import_text (f, IC_RECORD_KIND_CAPABILITY, mixed_csv, RUN_DEFAULT, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ic_import_report_get_committed (second));
  g_assert_cmpuint (ic_import_report_get_counts (second)->updated, ==, 1);
  g_assert_cmpuint (ic_import_report_get_counts (second)->added, ==, 2);
  g_assert_cmpuint (ic_import_report_get_counts (second)->organisations_added, ==, 1);
  g_assert_cmpint (count (f, IC_RECORD_KIND_CAPABILITY), ==, 3);
  g_assert_cmpint (count (f, IC_RECORD_KIND_ORGANISATION), ==, 2);

  changes = ic_store_list_changes (f->store, 0, 0, &error);
  g_assert_no_error (error);
  /* The first run's organisation and capability, then this run's four. */
  g_assert_cmpuint (changes->len, ==, 6);
  written_at = ((IcChange *) g_ptr_array_index (changes, 2))->created_at;
  for (guint i = 2; i < changes->len; i++)
    g_assert_cmpstr (((IcChange *) g_ptr_array_index (changes, i))->created_at, ==, written_at);
  /* The update is logged after the adds, on the rev it was made on. */
  g_assert_cmpint (((IcChange *) g_ptr_array_index (changes, 5))->rev, ==, 2);
  g_assert_cmpint (((IcChange *) g_ptr_array_index (changes, 5))->base_rev, ==, 1);

  list = ic_store_list (f->store, IC_RECORD_KIND_CAPABILITY, NULL, 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      IcRecord *record = g_ptr_array_index (list, i);

      g_assert_cmpstr (ic_record_get_updated_at (record), ==, written_at);
      g_assert_cmpstr (ic_record_get_author (record), ==, "Test Expert");
      if (g_str_equal (ic_capability_get_title (IC_CAPABILITY (record)), "Laser cutting"))
        {
          g_assert_cmpstr (ic_capability_get_description (IC_CAPABILITY (record)), ==, "New text");
          g_assert_cmpint (ic_record_get_rev (record), ==, 2);
        }
      else
        g_assert_cmpint (ic_record_get_rev (record), ==, 1);
    }
}

typedef struct
{
  IcStore *store;
  char    *doomed_id;
} DeleteOnCommit;

/* Takes the record an update is for out of the database just before the
 * import writes (through the import's own connection: another program
 * could not, while the import holds its write). */
static void
delete_on_commit (double   fraction,
                  gpointer user_data)
{
  DeleteOnCommit *doc = user_data;
  char *sql;
  int rc;

  if (fraction != 0.9)
    return;
  sql = sqlite3_mprintf ("DELETE FROM capability WHERE id = %Q", doc->doomed_id);
  rc = sqlite3_exec (ic_store_get_db (doc->store), sql, NULL, NULL, NULL);
  sqlite3_free (sql);
  g_assert_cmpint (rc, ==, SQLITE_OK);
}

/* A failure in the store on an update leaves the run's adds unwritten. */
static void
test_mixed_all_or_nothing (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcImportReport) first = NULL;
  g_autoptr(IcImportReport) second = NULL;
  g_autoptr(IcImport) import = ic_import_new (IC_RECORD_KIND_CAPABILITY);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(IcStoreQuery) query = ic_store_query_new ();
  const char *csv1 = "Organisation,Title,Description\nAcme Ltd,Laser cutting,Old text\n";
  DeleteOnCommit doc = { f->store, NULL };

  first = import_text (f, IC_RECORD_KIND_CAPABILITY, csv1, RUN_DEFAULT, NULL, NULL, &error);
  g_assert_no_error (error);
  list = ic_store_list (f->store, IC_RECORD_KIND_CAPABILITY, NULL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  doc.doomed_id = g_strdup (ic_record_get_id (g_ptr_array_index (list, 0)));

  stream = g_memory_input_stream_new_from_data (mixed_csv, strlen (mixed_csv), NULL);
  ic_import_set_author (import, "Test Expert");
  ic_import_set_progress_func (import, delete_on_commit, &doc, NULL);
  second = ic_import_run (import, f->store, stream, strlen (mixed_csv), NULL, &error);
  g_assert_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND);
  g_assert_null (second);
  g_free (doc.doomed_id);

  /* Neither the adds nor their organisation were written.  The import
   * decides and writes in one write of its own, so no other program can
   * take a record away in between: the delete above ran inside that
   * write, on its connection, and went back with it. */
  g_assert_cmpint (count (f, IC_RECORD_KIND_CAPABILITY), ==, 1);
  g_assert_cmpint (count (f, IC_RECORD_KIND_ORGANISATION), ==, 1);
  ic_store_query_set_search (query, "cutting");
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, query, NULL), ==, 1);
  ic_store_query_set_search (query, "jets");
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, query, NULL), ==, 0);
  g_clear_error (&error);
  changes = ic_store_list_changes (f->store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 2);
}

static void
test_organisations_by_name (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(IcRecord) tamebridge = add_organisation (f, "Tamebridge Works Ltd");
  g_autoptr(IcRecord) dup1 = add_organisation (f, "Dup Ltd");
  g_autoptr(IcRecord) dup2 = add_remote_organisation (f, "Dup Ltd");
  g_autoptr(GError) error = NULL;
  g_autoptr(IcImportReport) report = NULL;
  g_autofree char *csv = g_strdup_printf ("Organisation,Title\n"
                                          "tamebridge  WORKS ltd,One\n"
                                          "Dup Ltd,Two\n"
                                          "%s,Three\n"
                                          "00000000-0000-4000-8000-000000000000,Four\n"
                                          "New Firm,Five\n"
                                          "new firm,Six\n",
                                          ic_record_get_id (dup2));

  report = import_text (f, IC_RECORD_KIND_CAPABILITY, csv, RUN_SKIP, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ic_import_report_get_counts (report)->added, ==, 4);
  g_assert_cmpuint (ic_import_report_get_counts (report)->rejected, ==, 2);
  g_assert_cmpuint (ic_import_report_get_counts (report)->organisations_added, ==, 1);
  g_assert_nonnull (strstr (ic_import_report_get_problem (report, 0, NULL, NULL, NULL),
                            "row 3, column Organisation: more than one organisation is called"));
  g_assert_cmpstr (ic_import_report_get_problem (report, 1, NULL, NULL, NULL), ==,
                   "row 5, column Organisation: no organisation has the id "
                   "00000000-0000-4000-8000-000000000000");
  g_assert_cmpint (count (f, IC_RECORD_KIND_ORGANISATION), ==, 4);
}

/* Rows that would give a record the name of another are refused one by
 * one, as the store would refuse the whole write. */
static void
test_names_stay_unique (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(IcRecord) acme = add_organisation (f, "Acme Ltd");
  g_autoptr(IcRecord) dup1 = add_organisation (f, "Dup Ltd");
  g_autoptr(IcRecord) dup2 = add_remote_organisation (f, "DUP Limited");
  g_autoptr(IcRecord) welding = NULL;
  g_autoptr(IcImportReport) orgs = NULL;
  g_autoptr(IcImportReport) caps = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *orgs_csv = NULL;
  g_autofree char *caps_csv = NULL;
  g_autofree char *expected = NULL;

  welding = IC_RECORD (ic_capability_new ());
  ic_capability_set_organisation_id (IC_CAPABILITY (welding), ic_record_get_id (acme));
  ic_capability_set_title (IC_CAPABILITY (welding), "Welding");
  g_assert_true (ic_store_insert (f->store, welding, "Test Expert", &error));
  g_assert_no_error (error);

  orgs_csv = g_strdup_printf ("id,name,kind\n"
                              "00000000-0000-4000-8000-00000000000a,ACME Limited,sme\n"
                              ",Bright Optics Ltd,sme\n"
                              ",Bright Optics Limited,sme\n");
  orgs = import_text (f, IC_RECORD_KIND_ORGANISATION, orgs_csv, RUN_SKIP, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ic_import_report_get_committed (orgs));
  g_assert_cmpuint (ic_import_report_get_counts (orgs)->added, ==, 1);
  g_assert_cmpuint (ic_import_report_get_counts (orgs)->rejected, ==, 2);
  expected = g_strdup_printf ("row 2, column name: an organisation named “Acme Ltd” exists "
                              "already (ID %s)", ic_record_get_id (acme));
  g_assert_cmpstr (ic_import_report_get_problem (orgs, 0, NULL, NULL, NULL), ==, expected);
  g_assert_cmpstr (ic_import_report_get_problem (orgs, 1, NULL, NULL, NULL), ==,
                   "row 4: the row repeats row 3: the same organisation");
  g_assert_cmpint (count (f, IC_RECORD_KIND_ORGANISATION), ==, 4);

  caps_csv = g_strdup_printf ("id,organisation_id,organisation,title\n"
                              "00000000-0000-4000-8000-00000000000b,%s,,WELDING\n"
                              ",,Dup PLC,Riveting\n"
                              ",%s,,Riveting\n",
                              ic_record_get_id (acme), ic_record_get_id (acme));
  caps = import_text (f, IC_RECORD_KIND_CAPABILITY, caps_csv, RUN_SKIP, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ic_import_report_get_committed (caps));
  g_assert_cmpuint (ic_import_report_get_counts (caps)->added, ==, 1);
  g_assert_cmpuint (ic_import_report_get_counts (caps)->rejected, ==, 2);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("row 2, column title: the organisation has a capability titled "
                              "“WELDING” already (ID %s)", ic_record_get_id (welding));
  g_assert_cmpstr (ic_import_report_get_problem (caps, 0, NULL, NULL, NULL), ==, expected);
  g_assert_nonnull (strstr (ic_import_report_get_problem (caps, 1, NULL, NULL, NULL),
                            "row 3, column organisation: more than one organisation is called like "
                            "“Dup PLC”"));
  g_assert_cmpint (count (f, IC_RECORD_KIND_ORGANISATION), ==, 4);
  g_assert_cmpint (count (f, IC_RECORD_KIND_CAPABILITY), ==, 2);
  (void) dup1;
  (void) dup2;
}

static void
test_hostile_rows (Fixture       *f,
                   gconstpointer  data)
{
  static const struct { const char *csv; int code; } fatal[] = {
    { "", IC_IO_ERROR_EMPTY },
    { "\n\n", IC_IO_ERROR_EMPTY },
    { "Organisation,Title\nAcme,\"never closed\nAcme,Two\n", IC_IO_ERROR_UNTERMINATED },
    { "Colour,Size\nred,big\n", IC_IO_ERROR_MAPPING },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcImportReport) header_only = NULL;
  g_autoptr(IcImportReport) ragged = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fatal); i++)
    {
      g_autoptr(IcImportReport) report = import_text (f, IC_RECORD_KIND_CAPABILITY, fatal[i].csv,
                                                      RUN_SKIP, NULL, NULL, &error);
      g_assert_null (report);
      g_assert_error (error, IC_IO_ERROR, fatal[i].code);
      g_clear_error (&error);
    }

  header_only = import_text (f, IC_RECORD_KIND_CAPABILITY, "Organisation,Title\r\n", RUN_DEFAULT,
                             NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ic_import_report_get_counts (header_only)->rows, ==, 0);

  ragged = import_text (f, IC_RECORD_KIND_CAPABILITY,
                        "Organisation,Title,Description\n"
                        "Acme,One\n"
                        "Acme,Two,x,surplus\n"
                        "Acme,Three,x,,\n"
                        "Acme,\xff\xfe,x\n"
                        "Acme,Five,ok\n",
                        RUN_SKIP, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ic_import_report_get_counts (ragged)->rejected, ==, 3);
  g_assert_cmpuint (ic_import_report_get_counts (ragged)->added, ==, 2);
  g_assert_cmpstr (ic_import_report_get_problem (ragged, 0, NULL, NULL, NULL), ==,
                   "row 2: the row has 2 fields but the header has 3; look for a missing or "
                   "extra delimiter or quote");
  g_assert_nonnull (strstr (ic_import_report_get_problem (ragged, 2, NULL, NULL, NULL),
                            "row 5: the text is not valid UTF-8"));
  g_assert_cmpint (count (f, IC_RECORD_KIND_CAPABILITY), ==, 2);
}

static void
test_formula_cells (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcImportReport) report = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autofree char *text = NULL;

  report = import_text (f, IC_RECORD_KIND_CAPABILITY,
                        "Organisation,Title,Description\n"
                        "Acme,'=SUM(A1:A9),\"=cmd|' /C calc'!A0\"\n",
                        RUN_DEFAULT, NULL, NULL, &error);
  g_assert_no_error (error);
  list = ic_store_list (f->store, IC_RECORD_KIND_CAPABILITY, NULL, 0, 0, &error);
  g_assert_cmpstr (ic_record_get_title (g_ptr_array_index (list, 0)), ==, "=SUM(A1:A9)");
  g_assert_cmpstr (ic_capability_get_description (g_ptr_array_index (list, 0)), ==,
                   "=cmd|' /C calc'!A0");

  /* Out again, both are neutralised. */
  g_assert_true (ic_export_records_to_stream (f->store, IC_RECORD_KIND_CAPABILITY,
                                              IC_EXPORT_FORMAT_CSV, IC_EXPORT_NONE, out,
                                              NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  g_assert_nonnull (strstr (text, ",\"'=SUM(A1:A9)\",\"'=cmd|' /C calc'!A0\","));
}

static void
test_challenge_values (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcImportReport) report = NULL;
  g_autoptr(GPtrArray) list = NULL;
  IcChallenge *challenge;

  report = import_text (f, IC_RECORD_KIND_CHALLENGE,
                        "Buyer;Challenge;TRL;Budget;Closing date;Status;Sector;Location\n"
                        "City Council;Cut fleet emissions;4-6;£50k-£100k;31/12/2030;Open;"
                        "Low carbon and energy;Coventry\n",
                        RUN_DEFAULT, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ic_import_report_get_counts (report)->added, ==, 1);
  list = ic_store_list (f->store, IC_RECORD_KIND_CHALLENGE, NULL, 0, 0, &error);
  challenge = g_ptr_array_index (list, 0);
  g_assert_cmpint (ic_challenge_get_trl_min (challenge), ==, 4);
  g_assert_cmpint (ic_challenge_get_trl_max (challenge), ==, 6);
  g_assert_cmpint (ic_challenge_get_budget_min (challenge), ==, 50000);
  g_assert_cmpint (ic_challenge_get_budget_max (challenge), ==, 100000);
  g_assert_cmpstr (ic_challenge_get_deadline (challenge), ==, "2030-12-31");
  g_assert_cmpstr (ic_challenge_get_cluster (challenge), ==, "low-carbon-energy");
  g_assert_cmpstr (ic_challenge_get_local_authority (challenge), ==, "coventry");
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IcImportReport) report = NULL;

  g_cancellable_cancel (cancellable);
  report = import_text (f, IC_RECORD_KIND_CAPABILITY, capabilities_csv, RUN_SKIP, NULL,
                        cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count (f, IC_RECORD_KIND_CAPABILITY), ==, 0);
}

void
test_io_add_import_tests (void)
{
  TEST_ADD ("import/all-or-nothing", test_all_or_nothing);
  TEST_ADD ("import/skip-bad-rows", test_skip_bad_rows);
  TEST_ADD ("import/dry-run", test_dry_run);
  TEST_ADD ("import/update-not-duplicate", test_update_not_duplicate);
  TEST_ADD ("import/mixed-one-write", test_mixed_one_write);
  TEST_ADD ("import/mixed-all-or-nothing", test_mixed_all_or_nothing);
  TEST_ADD ("import/organisations-by-name", test_organisations_by_name);
  TEST_ADD ("import/names-stay-unique", test_names_stay_unique);
  TEST_ADD ("import/hostile-rows", test_hostile_rows);
  TEST_ADD ("import/formula-cells", test_formula_cells);
  TEST_ADD ("import/challenge-values", test_challenge_values);
  TEST_ADD ("import/cancel", test_cancel);
  test_io_add_export_tests ();
}
