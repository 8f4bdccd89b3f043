/* gen-data.c — makes a large, deterministic set of records for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   gen-data --seed S --organisations N --challenges M --capabilities K
 *            [--db PATH] [--csv DIR] [--qrels FILE] [--batch B]
 *
 * The same seed and sizes give the same records, byte for byte (only the
 * store's own rev, updated_at and author differ between databases).
 * --db writes a new database through the store, one ic_store_insert_all()
 * transaction per batch; --csv DIR writes organisations.csv,
 * challenges.csv and capabilities.csv (RFC 4180, a header of JSON field
 * names, lists joined with ';'); --qrels FILE writes one
 * "challenge_id<TAB>capability_id<TAB>relevance" line per planted pair.
 * Exit status: 0 on success, 1 on failure, 2 on a usage error.
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "bench-data.h"
#include "ic-model-types.h"
#include "ic-record.h"
#include "ic-store.h"
#include "ic-taxonomy.h"

#define AUTHOR "gen-data"

typedef struct
{
  IcRecordKind        kind;
  const char         *file_name;
  const char * const *columns;
} CsvShape;

#define COLUMNS(...) (const char * const []) { __VA_ARGS__, NULL }

static const CsvShape csv_shapes[] = {
  { IC_RECORD_KIND_ORGANISATION, "organisations.csv",
    COLUMNS ("id", "name", "kind", "cluster", "local_authority", "employees", "website",
             "notes", "visibility") },
  { IC_RECORD_KIND_CHALLENGE, "challenges.csv",
    COLUMNS ("id", "organisation_id", "title", "description", "cluster", "tags", "trl_min",
             "trl_max", "budget_min", "budget_max", "deadline", "local_authority", "status",
             "contact", "visibility") },
  { IC_RECORD_KIND_CAPABILITY, "capabilities.csv",
    COLUMNS ("id", "organisation_id", "title", "description", "cluster", "tags", "trl",
             "employees", "local_authority", "certifications", "contact", "visibility") },
};

static void
csv_append_field (GString    *line,
                  const char *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (line, value);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/* The text of property @column (a JSON name) of @object, as CSV holds it. */
static char *
column_text (GObject    *object,
             const char *column)
{
  g_autofree char *property = g_strdelimit (g_strdup (column), "_", '-');
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_auto(GValue) value = G_VALUE_INIT;
  GType type;

  g_assert (pspec != NULL);
  type = pspec->value_type;
  g_value_init (&value, type);
  g_object_get_property (object, property, &value);

  if (type == G_TYPE_STRING)
    return g_value_dup_string (&value);
  if (type == G_TYPE_INT)
    return g_strdup_printf ("%d", g_value_get_int (&value));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (&value));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (&value) ? "true" : "false");
  if (G_TYPE_IS_ENUM (type))
    return g_strdup (ic_enum_to_nick (type, g_value_get_enum (&value)));
  if (type == G_TYPE_STRV)
    {
      char **strv = g_value_get_boxed (&value);
      return strv != NULL ? g_strjoinv (";", strv) : NULL;
    }
  g_assert_not_reached ();
}

static void
csv_append_row (GString            *line,
                GObject            *object,
                const char * const *columns)
{
  for (guint i = 0; columns[i] != NULL; i++)
    {
      g_autofree char *text = object != NULL ? column_text (object, columns[i])
                                             : g_strdup (columns[i]);

      if (i > 0)
        g_string_append_c (line, ',');
      csv_append_field (line, text);
    }
  g_string_append (line, "\r\n");
}

typedef struct
{
  BenchGenerator *generator;
  IcStore        *store;
  IcTaxonomy     *taxonomy;
  char           *csv_dir;
  guint           batch;
} Output;

static gboolean
write_file (FILE        *file,
            const char  *path,
            GString     *data,
            GError     **error)
{
  if (data->len > 0 && fwrite (data->str, 1, data->len, file) != data->len)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Cannot write %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  g_string_truncate (data, 0);
  return TRUE;
}

static gboolean
flush_batch (Output     *out,
             GPtrArray  *batch,
             GError    **error)
{
  if (out->store != NULL && batch->len > 0 &&
      !ic_store_insert_all (out->store, batch, AUTHOR, error))
    return FALSE;
  g_ptr_array_set_size (batch, 0);
  return TRUE;
}

/* Makes every record of one kind, writing it to the CSV file and the
 * store as asked. */
static gboolean
write_kind (Output          *out,
            const CsvShape  *shape,
            GError         **error)
{
  guint n = bench_generator_get_count (out->generator, shape->kind);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) csv = g_string_sized_new (1 << 20);
  g_autofree char *csv_path = NULL;
  FILE *file = NULL;
  gboolean ok = TRUE;

  if (out->csv_dir != NULL)
    {
      csv_path = g_build_filename (out->csv_dir, shape->file_name, NULL);
      file = g_fopen (csv_path, "wb");
      if (file == NULL)
        {
          int saved_errno = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "Cannot create %s: %s", csv_path, g_strerror (saved_errno));
          return FALSE;
        }
      csv_append_row (csv, NULL, shape->columns);
    }

  for (guint i = 0; ok && i < n; i++)
    {
      g_autoptr(IcRecord) record = bench_generator_make (out->generator, shape->kind, i);

      /* The store validates what it writes; a CSV-only run checks here. */
      if (out->store == NULL && !ic_record_validate (record, out->taxonomy, error))
        {
          g_prefix_error (error, "Generated %s %u is not valid: ",
                          ic_record_kind_to_string (shape->kind), i);
          ok = FALSE;
          break;
        }
      if (file != NULL)
        {
          csv_append_row (csv, G_OBJECT (record), shape->columns);
          if (csv->len > (1 << 20))
            ok = write_file (file, csv_path, csv, error);
        }
      if (out->store != NULL)
        {
          g_ptr_array_add (batch, g_steal_pointer (&record));
          if (batch->len >= out->batch)
            ok = flush_batch (out, batch, error);
        }
    }

  if (ok)
    ok = flush_batch (out, batch, error);
  if (file != NULL)
    {
      if (ok)
        ok = write_file (file, csv_path, csv, error);
      if (fclose (file) != 0 && ok)
        {
          int saved_errno = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "Cannot write %s: %s", csv_path, g_strerror (saved_errno));
          ok = FALSE;
        }
    }
  return ok;
}

static gboolean
write_qrels (BenchGenerator  *generator,
             const char      *path,
             GError         **error)
{
  guint n = bench_generator_get_count (generator, IC_RECORD_KIND_CHALLENGE);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint c = 0; c < n; c++)
    {
      guint planted[3];
      guint n_planted = bench_generator_get_planted_for (generator, c, planted);

      for (guint i = 0; i < n_planted; i++)
        {
          guint challenge, relevance;

          g_assert (bench_generator_get_planted (generator, planted[i], &challenge, &relevance));
          g_string_append_printf (text, "%s\t%s\t%u\n",
                                  bench_generator_get_id (generator, IC_RECORD_KIND_CHALLENGE, c),
                                  bench_generator_get_id (generator, IC_RECORD_KIND_CAPABILITY, planted[i]),
                                  relevance);
        }
    }
  return g_file_set_contents (path, text->str, text->len, error);
}

static gboolean
parse_count (const char *name,
             gint64      value,
             guint      *count,
             GError    **error)
{
  if (value < 0 || value > G_MAXINT32)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--%s must be between 0 and %d", name, G_MAXINT32);
      return FALSE;
    }
  *count = value;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  gint64 seed = 1, n_orgs = 200, n_challenges = 50, n_capabilities = 1000, batch = 10000;
  g_autofree char *db_path = NULL;
  g_autofree char *csv_dir = NULL;
  g_autofree char *qrels_path = NULL;
  const GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the random numbers (default 1)", "S" },
    { "organisations", 0, 0, G_OPTION_ARG_INT64, &n_orgs, "Number of organisations (default 200)", "N" },
    { "challenges", 0, 0, G_OPTION_ARG_INT64, &n_challenges, "Number of challenges (default 50)", "M" },
    { "capabilities", 0, 0, G_OPTION_ARG_INT64, &n_capabilities, "Number of capabilities (default 1000)", "K" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "Write a new database at PATH", "PATH" },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_dir, "Write CSV files into DIR", "DIR" },
    { "qrels", 0, 0, G_OPTION_ARG_FILENAME, &qrels_path, "Write the planted pairs to FILE", "FILE" },
    { "batch", 0, 0, G_OPTION_ARG_INT64, &batch, "Records per store transaction (default 10000)", "B" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— make benchmark records");
  g_autoptr(GError) error = NULL;
  g_autoptr(BenchGenerator) generator = NULL;
  g_autoptr(IcStore) store = NULL;
  g_autoptr(IcTaxonomy) taxonomy = ic_taxonomy_new_default ();
  guint counts[3];
  Output out = { 0, };
  gint64 start = g_get_monotonic_time ();

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !parse_count ("organisations", n_orgs, &counts[0], &error) ||
      !parse_count ("challenges", n_challenges, &counts[1], &error) ||
      !parse_count ("capabilities", n_capabilities, &counts[2], &error))
    {
      g_printerr ("gen-data: %s\n", error->message);
      return 2;
    }
  if (argc > 1 || batch < 1 || (counts[0] == 0 && (counts[1] > 0 || counts[2] > 0)))
    {
      g_printerr ("gen-data: challenges and capabilities need organisations; "
                  "--batch must be positive; no other arguments are taken\n");
      return 2;
    }

  if (csv_dir != NULL && g_mkdir_with_parents (csv_dir, 0755) != 0)
    {
      g_printerr ("gen-data: cannot create %s: %s\n", csv_dir, g_strerror (errno));
      return 1;
    }
  if (db_path != NULL)
    {
      if (g_file_test (db_path, G_FILE_TEST_EXISTS))
        {
          g_printerr ("gen-data: %s exists; give the path of a new database\n", db_path);
          return 1;
        }
      store = ic_store_open (db_path, IC_STORE_OPEN_CREATE, &error);
      if (store == NULL)
        {
          g_printerr ("gen-data: %s\n", error->message);
          return 1;
        }
    }

  generator = bench_generator_new (seed, counts[0], counts[1], counts[2]);
  out.generator = generator;
  out.store = store;
  out.taxonomy = taxonomy;
  out.csv_dir = csv_dir;
  out.batch = batch;

  for (guint i = 0; i < G_N_ELEMENTS (csv_shapes); i++)
    {
      gint64 kind_start = g_get_monotonic_time ();

      if (!write_kind (&out, &csv_shapes[i], &error))
        {
          g_printerr ("gen-data: %s\n", error->message);
          return 1;
        }
      g_printerr ("gen-data: %u %s records in %.2f s\n", counts[i],
                  ic_record_kind_to_string (csv_shapes[i].kind),
                  (g_get_monotonic_time () - kind_start) / 1e6);
    }

  if (qrels_path != NULL && !write_qrels (generator, qrels_path, &error))
    {
      g_printerr ("gen-data: %s\n", error->message);
      return 1;
    }

  g_printerr ("gen-data: seed %" G_GINT64_FORMAT ", done in %.2f s\n",
              seed, (g_get_monotonic_time () - start) / 1e6);
  return 0;
}
