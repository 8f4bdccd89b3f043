/* test-io-preview.c — what the import dialog stands on: the preview of
 * a file, the guess of what it holds, a mapping a person adjusted, and
 * a cancelled or failed import that leaves the database as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ic-capability.h"
#include "ic-import.h"
#include "ic-import-preview.h"
#include "ic-io-error.h"
#include "ic-store-private.h"
#include "test-io-util.h"

static GInputStream *
stream_for (const char *data,
            gssize      length)
{
  if (length < 0)
    length = strlen (data);
  return g_memory_input_stream_new_from_data (g_memdup2 (data, length), length, g_free);
}

static void
test_mapping_copy (void)
{
  const char *header[] = { "Company", "Capability", "TRL", NULL };
  g_autoptr(IcImportMapping) mapping = ic_import_mapping_new (IC_RECORD_KIND_CAPABILITY, header);
  g_autoptr(IcImportMapping) copy = ic_import_mapping_copy (mapping);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (ic_import_mapping_get_n_columns (copy), ==, 3);
  g_assert_cmpstr (ic_import_mapping_get_column (copy, 1), ==, "Capability");
  g_assert_cmpstr (ic_import_mapping_get_target (copy, 2), ==, "trl");
  g_assert_cmpint (ic_import_mapping_get_kind (copy), ==, IC_RECORD_KIND_CAPABILITY);

  /* Changing the copy leaves the original as it was. */
  g_assert_true (ic_import_mapping_set_target (copy, 2, "ignore", &error));
  g_assert_no_error (error);
  g_assert_null (ic_import_mapping_get_target (copy, 2));
  g_assert_cmpstr (ic_import_mapping_get_target (mapping, 2), ==, "trl");
}

static void
test_mapping_missing (void)
{
  const char *header[] = { "Company", "Capability", "TRL", NULL };
  g_autoptr(IcImportMapping) mapping = ic_import_mapping_new (IC_RECORD_KIND_CAPABILITY, header);
  g_autoptr(IcImportMapping) organisations = ic_import_mapping_new (IC_RECORD_KIND_ORGANISATION, header);
  g_autoptr(GError) error = NULL;

  g_assert_null (ic_import_mapping_find_missing (mapping));
  g_assert_null (ic_import_mapping_find_missing (organisations));

  g_assert_true (ic_import_mapping_set_target (mapping, 1, NULL, &error));
  g_assert_cmpstr (ic_import_mapping_find_missing (mapping), ==, "title");
  g_assert_false (ic_import_mapping_check (mapping, &error));
  g_assert_error (error, IC_IO_ERROR, IC_IO_ERROR_MAPPING);
  g_clear_error (&error);

  g_assert_true (ic_import_mapping_set_target (mapping, 1, "title", &error));
  g_assert_true (ic_import_mapping_set_target (mapping, 0, "ignore", &error));
  g_assert_cmpstr (ic_import_mapping_find_missing (mapping), ==, "organisation");

  g_assert_true (ic_import_mapping_set_target (organisations, 0, "ignore", &error));
  g_assert_cmpstr (ic_import_mapping_find_missing (organisations), ==, "name");
}

static void
test_mapping_guess_kind (void)
{
  static const struct
  {
    const char *header;   /* '|'-separated */
    int         kind;     /* -1: cannot tell */
  } cases[] = {
    /* The exports of each kind. */
    { "id|organisation_id|title|description|cluster|tags|trl_min|trl_max|budget_min|budget_max|"
      "deadline|local_authority|status|contact|visibility|rev|updated_at|author|deleted",
      IC_RECORD_KIND_CHALLENGE },
    { "id|organisation_id|title|description|cluster|tags|trl|employees|local_authority|"
      "certifications|contact|visibility|rev|updated_at|author|deleted",
      IC_RECORD_KIND_CAPABILITY },
    { "id|name|kind|cluster|local_authority|employees|website|notes|visibility",
      IC_RECORD_KIND_ORGANISATION },
    /* Spreadsheets as people keep them. */
    { "Company|Challenge|Description|TRL|Budget|Deadline", IC_RECORD_KIND_CHALLENGE },
    { "Company|Capability|Skills|TRL|Employees", IC_RECORD_KIND_CAPABILITY },
    { "Company name|Sector|Website", IC_RECORD_KIND_ORGANISATION },
    { "SME|Offer|Accreditations", IC_RECORD_KIND_CAPABILITY },
    /* Names every kind shares say nothing. */
    { "Organisation|Title|Description", -1 },
    { "Organisation|Title|TRL", -1 },
    /* Words for a kind whose needed columns are missing do not count. */
    { "Website|Notes|Title", -1 },
    { "Colour|Shape", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) header = g_strsplit (cases[i].header, "|", -1);
      IcRecordKind kind = 99;
      gboolean known = ic_import_mapping_guess_kind ((const char * const *) header, &kind);

      g_test_message ("%s", cases[i].header);
      g_assert_cmpint (known, ==, cases[i].kind >= 0);
      if (known)
        g_assert_cmpint (kind, ==, cases[i].kind);
      else
        g_assert_cmpint (kind, ==, 99);
    }
}

static void
test_mapping_describe (void)
{
  const IcRecordKind kinds[] = {
    IC_RECORD_KIND_ORGANISATION, IC_RECORD_KIND_CHALLENGE, IC_RECORD_KIND_CAPABILITY
  };

  /* Every target a person may choose has words, not its code. */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const char * const *targets = ic_import_mapping_list_targets (kinds[k]);

      for (guint i = 0; targets[i] != NULL; i++)
        {
          const char *label = ic_import_mapping_describe_target (targets[i]);

          g_assert_cmpstr (label, !=, targets[i]);
          g_assert_true (g_ascii_isupper (label[0]));
        }
    }
  g_assert_cmpstr (ic_import_mapping_describe_target (NULL), ==, "Ignore");
  g_assert_cmpstr (ic_import_mapping_describe_target ("trl_range"), ==, "TRL range (4-6)");
}

static void
test_preview_read (void)
{
  const char *csv =
    "Company,Capability,TRL\r\n"
    "Acme Ltd,Laser cutting,5\r\n"
    "\r\n"
    "\"Brand, New Ltd\",\"Plasma\narcs\",6\r\n"
    "Short row\r\n"
    "Dudley Data Co,Digital twins,12\r\n";
  g_autoptr(GInputStream) stream = stream_for (csv, -1);
  g_autoptr(GInputStream) stream2 = stream_for (csv, -1);
  g_autoptr(IcImportPreview) preview = NULL;
  g_autoptr(IcImportPreview) all = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *row;
  IcRecordKind kind;
  guint number = 0;

  preview = ic_import_preview_read (stream, 3, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ic_import_preview_get_n_columns (preview), ==, 3);
  g_assert_cmpstr (ic_import_preview_get_header (preview)[1], ==, "Capability");
  g_assert_cmpuint (ic_import_preview_get_n_rows (preview), ==, 3);
  g_assert_true (ic_import_preview_get_truncated (preview));

  /* Rows keep the numbers a spreadsheet shows, blank lines counted. */
  row = ic_import_preview_get_row (preview, 0, &number);
  g_assert_cmpuint (number, ==, 2);
  g_assert_cmpstr (row[0], ==, "Acme Ltd");
  row = ic_import_preview_get_row (preview, 1, &number);
  g_assert_cmpuint (number, ==, 4);
  g_assert_cmpstr (row[0], ==, "Brand, New Ltd");
  g_assert_cmpstr (row[1], ==, "Plasma\narcs");
  row = ic_import_preview_get_row (preview, 2, &number);
  g_assert_cmpuint (number, ==, 5);
  g_assert_cmpuint (g_strv_length ((char **) row), ==, 1);

  g_assert_true (ic_import_preview_guess_kind (preview, &kind));
  g_assert_cmpint (kind, ==, IC_RECORD_KIND_CAPABILITY);

  /* Exactly as many rows as asked for is not truncated. */
  all = ic_import_preview_read (stream2, 4, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ic_import_preview_get_n_rows (all), ==, 4);
  g_assert_false (ic_import_preview_get_truncated (all));
  ic_import_preview_get_row (all, 3, &number);
  g_assert_cmpuint (number, ==, 6);
}

static void
test_preview_errors (void)
{
  static const struct
  {
    const char *data;
    gssize      length;
    int         code;
    const char *words;
  } cases[] = {
    { "", 0, IC_IO_ERROR_EMPTY, "The file is empty" },
    { "\xff\xfe" "C\0o\0m\0p\0a\0n\0y\0", 16, IC_IO_ERROR_ENCODING, "UTF-16" },
    { "Company,Capability\n\"Acme,Laser\n", -1, IC_IO_ERROR_UNTERMINATED, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GInputStream) stream = stream_for (cases[i].data, cases[i].length);
      g_autoptr(GError) error = NULL;
      g_autoptr(IcImportPreview) preview = ic_import_preview_read (stream, 10, NULL, &error);

      g_assert_null (preview);
      g_assert_error (error, IC_IO_ERROR, cases[i].code);
      if (cases[i].words != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].words));
    }
}

/* A data row that is not UTF-8 is left out of the preview; the rows
 * around it are shown. */
static void
test_preview_bad_row (void)
{
  const char *csv = "Company,Capability\nAcme Ltd,Laser\nBad \xff\xfe,Row\nZeta Ltd,Jets\n";
  g_autoptr(GInputStream) stream = stream_for (csv, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcImportPreview) preview = ic_import_preview_read (stream, 10, NULL, &error);
  guint number = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (ic_import_preview_get_n_rows (preview), ==, 2);
  g_assert_cmpstr (ic_import_preview_get_row (preview, 1, &number)[0], ==, "Zeta Ltd");
  g_assert_cmpuint (number, ==, 4);
}

static void
on_preview_read (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  IcImportPreview **preview = user_data;
  g_autoptr(GError) error = NULL;

  *preview = ic_import_preview_read_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_preview_async (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "challenges.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(IcImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  IcRecordKind kind;

  g_assert_true (g_file_set_contents (path, "Buyer,Need,Deadline\nWMCA,Bus shelters,31/12/2030\n",
                                      -1, &error));
  ic_import_preview_read_async (file, 10, NULL, on_preview_read, &preview);
  while (preview == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (ic_import_preview_get_n_rows (preview), ==, 1);
  g_assert_true (ic_import_preview_guess_kind (preview, &kind));
  g_assert_cmpint (kind, ==, IC_RECORD_KIND_CHALLENGE);
}

static const char *good_and_bad_csv =
  "Company,Capability,TRL,Standards held\n"
  "Acme Ltd,Laser cutting,6,ISO 9001\n"
  "Dudley Data Co,Digital twins,12,\n";

static IcImportReport *
import_with_mapping (Fixture          *f,
                     const char       *csv,
                     IcImportMapping  *mapping,
                     gboolean          dry_run,
                     GError          **error)
{
  g_autoptr(IcImport) import = ic_import_new (IC_RECORD_KIND_CAPABILITY);
  g_autoptr(GInputStream) stream = stream_for (csv, -1);

  ic_import_set_mapping (import, mapping);
  ic_import_set_dry_run (import, dry_run);
  return ic_import_run (import, f->store, stream, strlen (csv), NULL, error);
}

/* The mapping a person adjusted is the one the import uses. */
static void
test_import_set_mapping (Fixture       *f,
                         gconstpointer  data)
{
  const char *header[] = { "Company", "Capability", "TRL", "Standards held", NULL };
  g_autoptr(IcImportMapping) mapping = ic_import_mapping_new (IC_RECORD_KIND_CAPABILITY, header);
  g_autoptr(IcImportReport) automatic = NULL;
  g_autoptr(IcImportReport) adjusted = NULL;
  g_autoptr(IcImportReport) changed = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  IcCapability *capability;

  g_assert_null (ic_import_mapping_get_target (mapping, 3));
  automatic = import_with_mapping (f, good_and_bad_csv, mapping, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ic_import_report_get_counts (automatic)->rejected, ==, 1);

  /* Changing the mapping after handing it over changes nothing. */
  g_assert_true (ic_import_mapping_set_target (mapping, 2, "ignore", &error));
  g_assert_true (ic_import_mapping_set_target (mapping, 3, "certifications", &error));
  adjusted = import_with_mapping (f, good_and_bad_csv, mapping, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (ic_import_report_get_committed (adjusted));
  g_assert_cmpuint (ic_import_report_get_counts (adjusted)->added, ==, 2);
  g_assert_cmpuint (ic_import_report_get_counts (adjusted)->rejected, ==, 0);
  g_assert_cmpstr (ic_import_mapping_get_target (ic_import_report_get_mapping (adjusted), 3), ==,
                   "certifications");

  list = ic_store_list (f->store, IC_RECORD_KIND_CAPABILITY, NULL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  capability = IC_CAPABILITY (g_ptr_array_index (list, 0));
  if (!g_str_equal (ic_capability_get_title (capability), "Laser cutting"))
    capability = IC_CAPABILITY (g_ptr_array_index (list, 1));
  g_assert_cmpstr (ic_capability_get_certifications (capability)[0], ==, "ISO 9001");

  /* A file whose columns are not the mapping's is refused. */
  changed = import_with_mapping (f, "Company,Capability\nAcme Ltd,Water jets\n", mapping, FALSE,
                                 &error);
  g_assert_null (changed);
  g_assert_error (error, IC_IO_ERROR, IC_IO_ERROR_MAPPING);
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, NULL, NULL), ==, 2);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every row of every table, in an order that does not depend on how
 * SQLite stored them: two snapshots are equal when the database holds
 * exactly the same. */
static char *
snapshot (IcStore *store)
{
  sqlite3 *db = ic_store_get_db (store);
  sqlite3_stmt *tables = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                           "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
      char *sql = sqlite3_mprintf ("SELECT * FROM \"%w\"", sqlite3_column_text (tables, 0));
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_free (sql);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GString *row = g_string_new (NULL);

          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              if (sqlite3_column_type (stmt, c) == SQLITE_BLOB)
                {
                  g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                                      sqlite3_column_blob (stmt, c),
                                                                      sqlite3_column_bytes (stmt, c));
                  g_string_append (row, sum);
                }
              else if (sqlite3_column_type (stmt, c) == SQLITE_NULL)
                g_string_append (row, "\\N");
              else
                g_string_append (row, (const char *) sqlite3_column_text (stmt, c));
              g_string_append_c (row, '\t');
            }
          g_ptr_array_add (rows, g_string_free (row, FALSE));
        }
      sqlite3_finalize (stmt);
      g_ptr_array_sort (rows, compare_strings);
      g_string_append_printf (out, "== %s (%u rows)\n", sqlite3_column_text (tables, 0), rows->len);
      for (guint i = 0; i < rows->len; i++)
        g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (rows, i));
    }
  sqlite3_finalize (tables);
  return g_string_free (out, FALSE);
}

/* A file of @n capabilities, the first of them an update of the stored
 * "Laser cutting" of Acme Ltd. */
static char *
many_rows (guint n)
{
  GString *csv = g_string_new ("Company,Capability,Description,TRL\n");

  g_string_append (csv, "Acme Ltd,Laser cutting,A new description,7\n");
  for (guint i = 1; i < n; i++)
    g_string_append_printf (csv, "Firm %u Ltd,Capability %u,Does thing %u well,%u\n",
                            i % 97, i, i, 1 + i % 9);
  return g_string_free (csv, FALSE);
}

static void
seed (Fixture *f)
{
  g_autoptr(IcImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *csv = "Company,Capability,Description,TRL\nAcme Ltd,Laser cutting,Old text,5\n";

  report = import_with_mapping (f, csv, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (ic_import_report_get_committed (report));
}

typedef struct
{
  GCancellable *cancellable;
  double        cancelled_at;
} CancelMidway;

static void
cancel_midway (double   fraction,
               gpointer user_data)
{
  CancelMidway *cm = user_data;

  if (fraction > 0.0 && cm->cancelled_at < 0)
    {
      cm->cancelled_at = fraction;
      g_cancellable_cancel (cm->cancellable);
    }
}

/* Cancelled while reading, after many rows were turned into records, an
 * import leaves every table as it was. */
static void
test_cancel_midway (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *csv = many_rows (20000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(IcImport) import = ic_import_new (IC_RECORD_KIND_CAPABILITY);
  g_autoptr(GInputStream) stream = stream_for (csv, -1);
  g_autoptr(IcImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CancelMidway cm = { cancellable, -1 };

  seed (f);
  before = snapshot (f->store);
  ic_import_set_skip_bad_rows (import, TRUE);
  ic_import_set_progress_func (import, cancel_midway, &cm, NULL);
  report = ic_import_run (import, f->store, stream, strlen (csv), cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (cm.cancelled_at, >, 0.0);
  g_assert_cmpfloat (cm.cancelled_at, <, 0.9);

  after = snapshot (f->store);
  g_assert_cmpstr (after, ==, before);
}

static void
cancel_at_write (double   fraction,
                 gpointer user_data)
{
  CancelMidway *cm = user_data;

  if (fraction >= 0.9 && cm->cancelled_at < 0)
    {
      cm->cancelled_at = fraction;
      g_cancellable_cancel (cm->cancellable);
    }
}

/* Cancelled once every row is read and the write has begun, an import
 * stops writing and leaves every table as it was. */
static void
test_cancel_writing (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *csv = many_rows (3000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(IcImport) import = ic_import_new (IC_RECORD_KIND_CAPABILITY);
  g_autoptr(GInputStream) stream = stream_for (csv, -1);
  g_autoptr(IcImportReport) report = NULL;
  g_autoptr(IcImportReport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CancelMidway cm = { cancellable, -1 };

  seed (f);
  before = snapshot (f->store);
  ic_import_set_progress_func (import, cancel_at_write, &cm, NULL);
  report = ic_import_run (import, f->store, stream, strlen (csv), cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (cm.cancelled_at, ==, 0.9);
  after = snapshot (f->store);
  g_assert_cmpstr (after, ==, before);
  g_clear_error (&error);

  /* The connection is fit for the next write. */
  again = import_with_mapping (f, csv, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (ic_import_report_get_committed (again));
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, NULL, NULL), ==, 3000);
}

/* A write that fails part-way, on the last of thousands of records,
 * leaves every table as it was: the adds and the update are one
 * transaction. */
static void
test_fail_midway (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *csv = many_rows (3000);
  g_autoptr(IcImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  char *message = NULL;

  seed (f);
  /* Another program's rule, which the import cannot know of. */
  g_assert_cmpint (sqlite3_exec (ic_store_get_db (f->store),
                                 "CREATE TRIGGER refuse_last BEFORE INSERT ON capability "
                                 "WHEN NEW.title = 'Capability 2999' "
                                 "BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END",
                                 NULL, NULL, &message), ==, SQLITE_OK);
  before = snapshot (f->store);

  report = import_with_mapping (f, csv, NULL, FALSE, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "refused by a trigger"));

  after = snapshot (f->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, NULL, NULL), ==, 1);
}

typedef struct
{
  IcImportReport *report;
  GError         *error;
  gboolean        done;
} AsyncResult;

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncResult *out = user_data;

  out->report = ic_import_run_finish (IC_IMPORT (source), result, &out->error);
  out->done = TRUE;
}

/* The dialog's path: a dry run in a worker, then a cancelled import;
 * the database is the same after both. */
static void
test_async_dry_run_and_cancel (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *csv_path = g_build_filename (f->dir, "capabilities.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv_path);
  g_autoptr(IcImport) dry = ic_import_new (IC_RECORD_KIND_CAPABILITY);
  g_autoptr(IcImport) real = ic_import_new (IC_RECORD_KIND_CAPABILITY);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AsyncResult out = { 0 };

  seed (f);
  g_assert_true (g_file_set_contents (csv_path, good_and_bad_csv, -1, &error));
  before = snapshot (f->store);

  ic_import_set_dry_run (dry, TRUE);
  ic_import_run_async (dry, f->path, file, NULL, on_import_done, &out);
  while (!out.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (out.error);
  g_assert_cmpuint (ic_import_report_get_counts (out.report)->updated, ==, 1);
  g_assert_cmpuint (ic_import_report_get_counts (out.report)->rejected, ==, 1);
  g_clear_object (&out.report);

  out.done = FALSE;
  g_cancellable_cancel (cancellable);
  ic_import_set_skip_bad_rows (real, TRUE);
  ic_import_run_async (real, f->path, file, cancellable, on_import_done, &out);
  while (!out.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (out.report);
  g_assert_error (out.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&out.error);

  after = snapshot (f->store);
  g_assert_cmpstr (after, ==, before);
}

void
test_io_add_preview_tests (void)
{
  g_test_add_func ("/io/mapping/copy", test_mapping_copy);
  g_test_add_func ("/io/mapping/missing", test_mapping_missing);
  g_test_add_func ("/io/mapping/guess-kind", test_mapping_guess_kind);
  g_test_add_func ("/io/mapping/describe", test_mapping_describe);
  g_test_add_func ("/io/preview/read", test_preview_read);
  g_test_add_func ("/io/preview/errors", test_preview_errors);
  g_test_add_func ("/io/preview/bad-row", test_preview_bad_row);
  TEST_ADD ("preview/async", test_preview_async);
  TEST_ADD ("import/set-mapping", test_import_set_mapping);
  TEST_ADD ("import/cancel-midway", test_cancel_midway);
  TEST_ADD ("import/cancel-writing", test_cancel_writing);
  TEST_ADD ("import/fail-midway", test_fail_midway);
  TEST_ADD ("import/async-dry-run-and-cancel", test_async_dry_run_and_cancel);
}
