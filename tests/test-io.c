/* test-io.c — CSV reading and writing, column mapping and cell values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ic-csv-reader.h"
#include "ic-csv-writer.h"
#include "ic-import-mapping.h"
#include "ic-import-values.h"
#include "ic-io-error.h"
#include "ic-postcode.h"
#include "ic-report-renderer.h"
#include "test-io-util.h"

static IcCsvReader *
reader_for (const char *data,
            gssize      length)
{
  g_autoptr(GInputStream) stream = NULL;

  if (length < 0)
    length = strlen (data);
  stream = g_memory_input_stream_new_from_data (g_memdup2 (data, length), length, g_free);
  return ic_csv_reader_new (stream);
}

/* Reads every row into a string "a|b|c\n…", or NULL with @error set. */
static char *
read_all (IcCsvReader  *reader,
          GError      **error)
{
  GString *out = g_string_new (NULL);

  while (ic_csv_reader_read_row (reader, NULL, error))
    {
      g_autofree char *row = g_strjoinv ("|", (char **) ic_csv_reader_get_fields (reader));
      g_string_append_printf (out, "%s\n", row);
    }
  if (error != NULL && *error != NULL)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static void
test_csv_rfc4180 (void)
{
  static const struct { const char *input; const char *expected; } cases[] = {
    { "a,b,c\n1,2,3\n", "a|b|c\n1|2|3\n" },
    { "a,b\r\n1,2\r\n", "a|b\n1|2\n" },
    { "a,b\r1,2\r", "a|b\n1|2\n" },
    { "a,b\n1,2", "a|b\n1|2\n" },
    { "\"x, y\",\"say \"\"hi\"\"\"\n", "x, y|say \"hi\"\n" },
    { "\"line one\nline two\",z\n", "line one\nline two|z\n" },
    { "\"crlf\r\ninside\",z\r\n", "crlf\r\ninside|z\n" },
    { "a,,c\n,,\n", "a||c\n||\n" },
    { "\"\"\n", "\n" },
    { "a\n\n\nb\n", "a\nb\n" },
    { "12\" pipe,x\n", "12\" pipe|x\n" },
    { "\"quoted\"tail,x\n", "quotedtail|x\n" },
    { "Łódź,王芳,اردو\n", "Łódź|王芳|اردو\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IcCsvReader) reader = reader_for (cases[i].input, -1);
      g_autoptr(GError) error = NULL;
      g_autofree char *out = read_all (reader, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, cases[i].expected);
    }
}

static void
test_csv_row_numbers (void)
{
  g_autoptr(IcCsvReader) reader = reader_for ("h1,h2\n\"a\nb\",c\n\nd,e\n", -1);

  g_assert_true (ic_csv_reader_read_row (reader, NULL, NULL));
  g_assert_cmpuint (ic_csv_reader_get_row_number (reader), ==, 1);
  g_assert_true (ic_csv_reader_read_row (reader, NULL, NULL));
  g_assert_cmpuint (ic_csv_reader_get_row_number (reader), ==, 2);
  g_assert_cmpuint (ic_csv_reader_get_line_number (reader), ==, 2);
  g_assert_true (ic_csv_reader_read_row (reader, NULL, NULL));
  /* The blank line is row 3, as a spreadsheet shows it. */
  g_assert_cmpuint (ic_csv_reader_get_row_number (reader), ==, 4);
  g_assert_cmpuint (ic_csv_reader_get_line_number (reader), ==, 5);
  g_assert_false (ic_csv_reader_read_row (reader, NULL, NULL));
}

static void
test_csv_bom_and_delimiters (void)
{
  static const struct { const char *input; char delimiter; const char *expected; } cases[] = {
    { "\xef\xbb\xbf" "a,b\n1,2\n", ',', "a|b\n1|2\n" },
    { "a;b;c\n1;\"2;3\";4\n", ';', "a|b|c\n1|2;3|4\n" },
    { "a\tb\n1\t2\n", '\t', "a|b\n1|2\n" },
    { "\"x,y\";b;c\n1;2;3\n", ';', "x,y|b|c\n1|2|3\n" },
    { "single\nvalue\n", ',', "single\nvalue\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IcCsvReader) reader = reader_for (cases[i].input, -1);
      g_autoptr(GError) error = NULL;
      g_autofree char *out = read_all (reader, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, cases[i].expected);
      g_assert_cmpint (ic_csv_reader_get_delimiter (reader), ==, cases[i].delimiter);
      g_assert_true (ic_csv_reader_get_had_bom (reader) == (i == 0));
    }
}

/* A row end that falls across the reader's 64 KiB chunks. */
static void
test_csv_chunk_boundary (void)
{
  g_autoptr(GString) data = g_string_new ("h\n");
  g_autoptr(IcCsvReader) reader = NULL;
  g_autofree char *last = NULL;
  guint rows = 0;

  while (data->len < 65535)
    g_string_append_c (data, 'x');
  g_string_append (data, "\r\n\"q\"\"\r\nq\"\r\nlast");
  reader = reader_for (data->str, data->len);
  while (ic_csv_reader_read_row (reader, NULL, NULL))
    {
      rows++;
      g_free (last);
      last = g_strdup (ic_csv_reader_get_fields (reader)[0]);
      if (rows == 3)
        g_assert_cmpstr (last, ==, "q\"\r\nq");
    }
  g_assert_cmpuint (rows, ==, 4);
  g_assert_cmpstr (last, ==, "last");
}

/* The hostile table: what must fail, and how. */
static void
test_csv_hostile (void)
{
  static const struct { const char *input; int code; const char *message_part; } cases[] = {
    { "a,b\n\"never closed,1\n2,3\n", IC_IO_ERROR_UNTERMINATED, "never closed" },
    { "a,b\n1,\xff\xfe\n", IC_IO_ERROR_ENCODING, "row 2, column 2" },
    { "a,b\n\xc3\x28,1\n", IC_IO_ERROR_ENCODING, "UTF-8" },
    { "\xff\xfe" "a\0,\0b\0", IC_IO_ERROR_ENCODING, "UTF-16" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gssize length = i == 3 ? 8 : -1;
      g_autoptr(IcCsvReader) reader = reader_for (cases[i].input, length);
      g_autoptr(GError) error = NULL;
      g_autofree char *out = read_all (reader, &error);

      g_assert_null (out);
      g_assert_error (error, IC_IO_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
    }
}

static void
test_csv_nul_byte (void)
{
  g_autoptr(IcCsvReader) reader = reader_for ("a,b\nx\0y,z\n", 11);
  g_autoptr(GError) error = NULL;

  g_assert_true (ic_csv_reader_read_row (reader, NULL, NULL));
  g_assert_false (ic_csv_reader_read_row (reader, NULL, &error));
  g_assert_error (error, IC_IO_ERROR, IC_IO_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "NUL"));
}

/* A bad row can be passed over and reading goes on. */
static void
test_csv_continue_after_encoding (void)
{
  g_autoptr(IcCsvReader) reader = reader_for ("a\n\xff\nok\n", -1);
  g_autoptr(GError) error = NULL;

  g_assert_true (ic_csv_reader_read_row (reader, NULL, NULL));
  g_assert_false (ic_csv_reader_read_row (reader, NULL, &error));
  g_assert_error (error, IC_IO_ERROR, IC_IO_ERROR_ENCODING);
  g_clear_error (&error);
  g_assert_true (ic_csv_reader_read_row (reader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ic_csv_reader_get_fields (reader)[0], ==, "ok");
  g_assert_cmpuint (ic_csv_reader_get_row_number (reader), ==, 3);
}

static void
test_csv_huge_field (void)
{
  gsize size = 10 * 1024 * 1024;
  g_autofree char *data = g_malloc (size + 16);
  g_autoptr(GError) error = NULL;

  for (guint quoted = 0; quoted < 2; quoted++)
    {
      g_autoptr(IcCsvReader) reader = NULL;
      g_autofree char *out = NULL;
      gsize n = 0;

      n += g_snprintf (data, 16, "a,b\n1,%s", quoted ? "\"" : "");
      memset (data + n, 'x', size - n);
      memcpy (data + size, quoted ? "\"\n" : "\n", quoted ? 2 : 1);
      reader = reader_for (data, size + (quoted ? 2 : 1));
      out = read_all (reader, &error);
      g_assert_null (out);
      g_assert_error (error, IC_IO_ERROR, IC_IO_ERROR_TOO_LARGE);
      g_assert_nonnull (strstr (error->message, "row 2, column 2"));
      g_clear_error (&error);
    }

  /* Within a raised limit the same field reads whole. */
  {
    g_autoptr(IcCsvReader) reader = reader_for (data, size + 2);

    ic_csv_reader_set_limits (reader, 16 * 1024 * 1024, 0, 32 * 1024 * 1024);
    g_assert_true (ic_csv_reader_read_row (reader, NULL, NULL));
    g_assert_true (ic_csv_reader_read_row (reader, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (strlen (ic_csv_reader_get_fields (reader)[1]), ==, size - 7);
  }
}

static void
test_csv_too_many_fields (void)
{
  g_autoptr(GString) data = g_string_new (NULL);
  g_autoptr(IcCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 20; i++)
    g_string_append (data, "x,");
  reader = reader_for (data->str, -1);
  ic_csv_reader_set_limits (reader, 0, 10, 0);
  g_assert_false (ic_csv_reader_read_row (reader, NULL, &error));
  g_assert_error (error, IC_IO_ERROR, IC_IO_ERROR_TOO_LARGE);
}

static void
test_csv_empty_and_cancel (void)
{
  g_autoptr(IcCsvReader) reader = reader_for ("", 0);
  g_autoptr(IcCsvReader) blank = reader_for ("\n\r\n\n", -1);
  g_autoptr(IcCsvReader) cancelled = reader_for ("a\nb\n", -1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (ic_csv_reader_read_row (reader, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (ic_csv_reader_read_row (blank, NULL, &error));
  g_assert_no_error (error);

  g_cancellable_cancel (cancellable);
  g_assert_false (ic_csv_reader_read_row (cancelled, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static char *
write_rows (const char * const *rows[],
            IcCsvWriterFlags    flags)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(IcCsvWriter) writer = ic_csv_writer_new (stream, flags);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; rows[i] != NULL; i++)
    g_assert_true (ic_csv_writer_write_row (writer, rows[i], NULL, &error));
  g_assert_true (ic_csv_writer_close (writer, NULL, &error));
  g_assert_no_error (error);
  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
}

static void
test_csv_writer_quoting (void)
{
  const char *row1[] = { "plain", "with, comma", "say \"hi\"", "two\nlines", " padded ", "", NULL };
  const char * const *rows[] = { row1, NULL };
  g_autofree char *out = write_rows (rows, IC_CSV_WRITER_NONE);
  g_autofree char *bom = write_rows (rows, IC_CSV_WRITER_BOM | IC_CSV_WRITER_LF);

  g_assert_cmpstr (out, ==, "plain,\"with, comma\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded \",\r\n");
  g_assert_true (g_str_has_prefix (bom, "\xef\xbb\xbf" "plain,"));
  g_assert_true (g_str_has_suffix (bom, "\",\n"));
}

/* Cells a spreadsheet would run as formulas are written as text. */
static void
test_csv_writer_injection (void)
{
  const char *row1[] = { "=1+1", "+44 121", "-2", "@SUM(A1)", "\tx", "\rx", "a=b", NULL };
  const char * const *rows[] = { row1, NULL };
  g_autofree char *out = write_rows (rows, IC_CSV_WRITER_LF);
  g_autoptr(IcCsvReader) reader = reader_for (out, -1);
  const char * const *fields;

  g_assert_cmpstr (out, ==, "\"'=1+1\",\"'+44 121\",\"'-2\",\"'@SUM(A1)\",\"'\tx\",\"'\rx\",a=b\n");
  g_assert_true (ic_csv_reader_read_row (reader, NULL, NULL));
  fields = ic_csv_reader_get_fields (reader);
  for (guint i = 0; row1[i] != NULL; i++)
    {
      if (i < 6)
        g_assert_true (fields[i][0] == '\'');
      g_assert_cmpstr (ic_csv_text_unneutralise (fields[i]), ==, row1[i]);
    }

  /* A number the program writes itself is not touched. */
  {
    g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
    g_autoptr(IcCsvWriter) writer = ic_csv_writer_new (stream, IC_CSV_WRITER_LF);

    ic_csv_writer_add_int (writer, -5);
    ic_csv_writer_add_double (writer, 0.25, 2);
    g_assert_true (ic_csv_writer_end_row (writer, NULL, NULL));
    g_assert_true (ic_csv_writer_close (writer, NULL, NULL));
    g_assert_cmpmem (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                     g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)),
                     "-5,0.25\n", 8);
  }
}

/* Whatever the writer writes, the reader reads back the same. */
static void
test_csv_writer_round_trip (void)
{
  static const char alphabet[] = "ab,\"\n\r; =+-@\t";
  g_autoptr(GRand) rand = g_rand_new_with_seed (4180);

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *out = NULL;
      g_autoptr(IcCsvReader) reader = NULL;
      const char * const *rows[2] = { NULL, NULL };
      guint n = g_rand_int_range (rand, 1, 6);

      for (guint c = 0; c < n; c++)
        {
          GString *cell = g_string_new ("x");
          guint length = g_rand_int_range (rand, 0, 12);

          for (guint k = 0; k < length; k++)
            g_string_append_c (cell, alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)]);
          if (g_rand_boolean (rand))
            g_string_erase (cell, 0, 1);
          g_ptr_array_add (cells, g_string_free (cell, FALSE));
        }
      g_ptr_array_add (cells, NULL);
      rows[0] = (const char * const *) cells->pdata;
      out = write_rows (rows, IC_CSV_WRITER_NONE);
      reader = reader_for (out, -1);
      ic_csv_reader_set_delimiter (reader, ',');

      /* A row of one empty cell is a blank line, which readers skip. */
      if (n == 1 && ((char *) cells->pdata[0])[0] == '\0')
        continue;
      g_assert_true (ic_csv_reader_read_row (reader, NULL, NULL));
      g_assert_cmpuint (ic_csv_reader_get_n_fields (reader), ==, n);
      for (guint c = 0; c < n; c++)
        g_assert_cmpstr (ic_csv_text_unneutralise (ic_csv_reader_get_fields (reader)[c]), ==,
                         cells->pdata[c]);
    }
}

static void
test_mapping_synonyms (void)
{
  const char *header[] = { "Company", "Capability", "Details", "Sector", "Keywords", "TRL",
                           "Post Code", "Contact name", "E-mail", "Favourite colour", NULL };
  const char *expected[] = { "organisation", "title", "description", "cluster", "tags", "trl",
                             "postcode", "contact", "organisation_email", NULL };
  const char *org_header[] = { "Organisation name", "Type", "Web site", "No. of employees", NULL };
  const char *org_expected[] = { "name", "kind", "website", "employees" };
  const char *challenge_header[] = { "Organization", "Challenge", "TRL", "Budget (GBP)", "Closing date", NULL };
  const char *challenge_expected[] = { "organisation", "title", "trl_range", "budget", "deadline" };
  g_autoptr(IcImportMapping) mapping = ic_import_mapping_new (IC_RECORD_KIND_CAPABILITY, header);
  g_autoptr(IcImportMapping) org = ic_import_mapping_new (IC_RECORD_KIND_ORGANISATION, org_header);
  g_autoptr(IcImportMapping) challenge = ic_import_mapping_new (IC_RECORD_KIND_CHALLENGE, challenge_header);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; header[i] != NULL; i++)
    g_assert_cmpstr (ic_import_mapping_get_target (mapping, i), ==, expected[i]);
  for (guint i = 0; org_header[i] != NULL; i++)
    g_assert_cmpstr (ic_import_mapping_get_target (org, i), ==, org_expected[i]);
  for (guint i = 0; challenge_header[i] != NULL; i++)
    g_assert_cmpstr (ic_import_mapping_get_target (challenge, i), ==, challenge_expected[i]);
  g_assert_true (ic_import_mapping_check (mapping, &error));
  g_assert_no_error (error);
}

static void
test_mapping_overrides (void)
{
  const char *header[] = { "Firm", "What they do", "Notes", NULL };
  g_autoptr(IcImportMapping) mapping = ic_import_mapping_new (IC_RECORD_KIND_CAPABILITY, header);
  g_autoptr(GError) error = NULL;

  /* Nothing says which column is the title. */
  g_assert_false (ic_import_mapping_check (mapping, &error));
  g_assert_error (error, IC_IO_ERROR, IC_IO_ERROR_MAPPING);
  g_assert_nonnull (strstr (error->message, "--map COLUMN=title"));
  g_clear_error (&error);

  ic_import_mapping_apply_overrides (mapping, "firm=organisation, 2=title,Notes=ignore", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ic_import_mapping_get_target (mapping, 0), ==, "organisation");
  g_assert_cmpstr (ic_import_mapping_get_target (mapping, 1), ==, "title");
  g_assert_null (ic_import_mapping_get_target (mapping, 2));
  g_assert_true (ic_import_mapping_check (mapping, &error));

  g_assert_false (ic_import_mapping_apply_overrides (mapping, "Nope=title", &error));
  g_assert_error (error, IC_IO_ERROR, IC_IO_ERROR_MAPPING);
  g_assert_nonnull (strstr (error->message, "Firm, What they do, Notes"));
  g_clear_error (&error);
  g_assert_false (ic_import_mapping_apply_overrides (mapping, "Notes=colour", &error));
  g_assert_error (error, IC_IO_ERROR, IC_IO_ERROR_MAPPING);
  g_assert_nonnull (strstr (error->message, "“colour” is not a field of capability"));
  g_clear_error (&error);
  g_assert_false (ic_import_mapping_apply_overrides (mapping, "Notes", &error));
  g_assert_error (error, IC_IO_ERROR, IC_IO_ERROR_MAPPING);
  g_clear_error (&error);

  /* A single-valued field moves to the column named last. */
  g_assert_true (ic_import_mapping_apply_overrides (mapping, "Notes=title", &error));
  g_assert_null (ic_import_mapping_get_target (mapping, 1));
  g_assert_cmpstr (ic_import_mapping_get_target (mapping, 2), ==, "title");
}

static void
test_values (void)
{
  static const struct { const char *text; gint64 amount; } amounts[] = {
    { "£50,000", 50000 }, { "50k", 50000 }, { "1.5m", 1500000 }, { " 120 000 ", 120000 },
    { "75000 GBP", 75000 }, { "0", 0 },
  };
  static const char * const not_amounts[] = { "", "lots", "£", "-", "1e999", NULL };
  static const struct { const char *text; const char *date; } dates[] = {
    { "31/12/2025", "2025-12-31" }, { "2025-12-31", "2025-12-31" }, { "1.2.2026", "2026-02-01" },
    { "2026/03/04", "2026-03-04" }, { " soon ", "soon" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      gint64 amount = -1;

      g_assert_true (ic_import_value_parse_amount (amounts[i].text, &amount));
      g_assert_cmpint (amount, ==, amounts[i].amount);
    }
  for (guint i = 0; not_amounts[i] != NULL; i++)
    {
      gint64 amount;
      g_assert_false (ic_import_value_parse_amount (not_amounts[i], &amount));
    }
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *date = ic_import_value_parse_date (dates[i].text);
      g_assert_cmpstr (date, ==, dates[i].date);
    }
}

static void
test_postcodes (void)
{
  g_assert_cmpstr (ic_postcode_to_local_authority ("B15 2TT"), ==, "birmingham");
  g_assert_cmpstr (ic_postcode_to_local_authority ("cv1 2ab"), ==, "coventry");
  g_assert_cmpstr (ic_postcode_to_local_authority ("B69"), ==, "sandwell");
  g_assert_cmpstr (ic_postcode_to_local_authority ("WS13 6QG"), ==, "lichfield");
  g_assert_cmpstr (ic_postcode_to_local_authority ("EC1A 1BB"), ==, "london");
  g_assert_null (ic_postcode_to_local_authority ("ZZ9 9ZZ"));
  g_assert_null (ic_postcode_to_local_authority ("Birmingham"));
  g_assert_true (ic_postcode_is_valid ("SW1A 1AA"));
  g_assert_false (ic_postcode_is_valid ("hello world"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/csv/rfc4180", test_csv_rfc4180);
  g_test_add_func ("/io/csv/row-numbers", test_csv_row_numbers);
  g_test_add_func ("/io/csv/bom-and-delimiters", test_csv_bom_and_delimiters);
  g_test_add_func ("/io/csv/chunk-boundary", test_csv_chunk_boundary);
  g_test_add_func ("/io/csv/hostile", test_csv_hostile);
  g_test_add_func ("/io/csv/nul-byte", test_csv_nul_byte);
  g_test_add_func ("/io/csv/continue-after-encoding", test_csv_continue_after_encoding);
  g_test_add_func ("/io/csv/huge-field", test_csv_huge_field);
  g_test_add_func ("/io/csv/too-many-fields", test_csv_too_many_fields);
  g_test_add_func ("/io/csv/empty-and-cancel", test_csv_empty_and_cancel);
  g_test_add_func ("/io/csv/writer-quoting", test_csv_writer_quoting);
  g_test_add_func ("/io/csv/writer-injection", test_csv_writer_injection);
  g_test_add_func ("/io/csv/writer-round-trip", test_csv_writer_round_trip);
  g_test_add_func ("/io/mapping/synonyms", test_mapping_synonyms);
  g_test_add_func ("/io/mapping/overrides", test_mapping_overrides);
  g_test_add_func ("/io/values/parse", test_values);
  g_test_add_func ("/io/values/postcodes", test_postcodes);
  test_io_add_import_tests ();
  test_io_add_preview_tests ();
  test_io_add_loader_tests ();
  test_io_add_messy_tests ();

  status = g_test_run ();

  /* Drop the font caches the report renderer filled, so that a leak
   * checker sees only real leaks. */
  ic_report_renderer_release_fonts ();
  return status;
}
