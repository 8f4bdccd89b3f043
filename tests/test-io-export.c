/* test-io-export.c — exports, the round trip, the report renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <string.h>

#include "ic-agenda.h"
#include "ic-capability.h"
#include "ic-challenge.h"
#include "ic-export.h"
#include "ic-import.h"
#include "ic-io-error.h"
#include "ic-organisation.h"
#include "ic-record-json.h"
#include "ic-report-renderer.h"
#include "ic-shortlist.h"
#include "test-io-util.h"

static IcRecord *
insert (Fixture  *f,
        IcRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ic_store_insert (f->store, record, "Test Expert", &error));
  g_assert_no_error (error);
  return record;
}

static IcRecord *
make_organisation (const char *name)
{
  IcOrganisation *organisation = ic_organisation_new ();

  ic_organisation_set_name (organisation, name);
  ic_organisation_set_kind (organisation, IC_ORGANISATION_KIND_LARGE_FIRM);
  ic_organisation_set_cluster (organisation, "aerospace");
  ic_organisation_set_local_authority (organisation, "solihull");
  ic_organisation_set_employees (organisation, 1200);
  ic_organisation_set_website (organisation, "https://example.com");
  ic_organisation_set_notes (organisation, "Two lines,\n\"quoted\"");
  return IC_RECORD (organisation);
}

static IcRecord *
make_capability (const char *organisation_id,
                 const char *title)
{
  const char *tags[] = { "hydrogen", "fuel cells", NULL };
  const char *certifications[] = { "ISO 9001", "AS9100, rev D", NULL };
  IcCapability *capability = ic_capability_new ();

  ic_capability_set_organisation_id (capability, organisation_id);
  ic_capability_set_title (capability, title);
  ic_capability_set_description (capability, "-- starts like a formula\nand, has \"quotes\"");
  ic_capability_set_cluster (capability, "low-carbon-energy");
  ic_capability_set_tags (capability, tags);
  ic_capability_set_trl (capability, 7);
  ic_capability_set_employees (capability, 42);
  ic_capability_set_local_authority (capability, "walsall");
  ic_capability_set_certifications (capability, certifications);
  ic_capability_set_contact (capability, "+44 121 000 0000");
  ic_record_set_visibility (IC_RECORD (capability), IC_VISIBILITY_PRIVATE);
  return IC_RECORD (capability);
}

static IcRecord *
make_challenge (const char *organisation_id)
{
  const char *tags[] = { "hydrogen", "storage", NULL };
  IcChallenge *challenge = ic_challenge_new ();

  ic_challenge_set_organisation_id (challenge, organisation_id);
  ic_challenge_set_title (challenge, "Hydrogen for depot vehicles");
  ic_challenge_set_description (challenge, "We need zero-emission depot vehicles.");
  ic_challenge_set_cluster (challenge, "logistics-transport-tech");
  ic_challenge_set_tags (challenge, tags);
  ic_challenge_set_trl_min (challenge, 5);
  ic_challenge_set_trl_max (challenge, 8);
  ic_challenge_set_budget_min (challenge, 25000);
  ic_challenge_set_budget_max (challenge, 1250000);
  ic_challenge_set_deadline (challenge, "2031-03-31");
  ic_challenge_set_local_authority (challenge, "birmingham");
  ic_challenge_set_contact (challenge, "@buyer");
  return IC_RECORD (challenge);
}

static char *
export_text (Fixture        *f,
             IcRecordKind    kind,
             IcExportFormat  format)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (ic_export_records_to_stream (f->store, kind, format, IC_EXPORT_BOM, out,
                                              NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
}

/* A record's JSON without what the store sets on every write. */
static char *
comparable (IcRecord *record)
{
  g_autoptr(JsonNode) node = ic_object_to_json (G_OBJECT (record));
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_object_remove_member (json_node_get_object (node), "rev");
  json_object_remove_member (json_node_get_object (node), "updated_at");
  json_object_remove_member (json_node_get_object (node), "author");
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

/* Export then import gives the same records. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  static const IcRecordKind kinds[] = {
    IC_RECORD_KIND_ORGANISATION, IC_RECORD_KIND_CHALLENGE, IC_RECORD_KIND_CAPABILITY
  };
  g_autoptr(IcRecord) organisation = insert (f, make_organisation ("Łódź Łukasz & Llŷr 王芳 Ltd"));
  g_autoptr(IcRecord) challenge = insert (f, make_challenge (ic_record_get_id (organisation)));
  g_autoptr(IcRecord) one = insert (f, make_capability (ic_record_get_id (organisation), "=Fuel cells"));
  g_autoptr(IcRecord) two = insert (f, make_capability (ic_record_get_id (organisation), "Electrolysers"));
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(IcStore) other = ic_store_open (other_path, IC_STORE_OPEN_CREATE, NULL);
  g_autoptr(GError) error = NULL;

  for (guint format = IC_EXPORT_FORMAT_CSV; format <= IC_EXPORT_FORMAT_JSON; format++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        g_autofree char *text = export_text (f, kinds[k], format);
        g_autoptr(GPtrArray) records = ic_store_list (f->store, kinds[k], NULL, 0, 0, &error);

        if (format == IC_EXPORT_FORMAT_CSV)
          {
            g_autoptr(IcImport) import = ic_import_new (kinds[k]);
            g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (g_strdup (text), -1, g_free);
            g_autoptr(IcImportReport) report = ic_import_run (import, other, in, -1, NULL, &error);

            g_assert_no_error (error);
            g_assert_true (ic_import_report_get_committed (report));
            g_assert_cmpuint (ic_import_report_get_counts (report)->added, ==, records->len);
          }
        else
          {
            g_autoptr(JsonParser) parser = json_parser_new ();
            JsonArray *array;

            g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
            array = json_node_get_array (json_parser_get_root (parser));
            g_assert_cmpuint (json_array_get_length (array), ==, records->len);
            for (guint i = 0; i < records->len; i++)
              {
                g_autoptr(IcRecord) back = ic_record_new_from_json (kinds[k],
                                                                    json_array_get_element (array, i),
                                                                    &error);
                g_autoptr(IcRecord) stored = ic_store_get (f->store, ic_record_get_id (back), &error);
                g_autofree char *a = comparable (stored);
                g_autofree char *b = comparable (back);

                g_assert_no_error (error);
                g_assert_cmpstr (a, ==, b);
              }
            continue;
          }

        for (guint i = 0; i < records->len; i++)
          {
            IcRecord *record = g_ptr_array_index (records, i);
            g_autoptr(IcRecord) copy = ic_store_get (other, ic_record_get_id (record), &error);
            g_autofree char *a = comparable (record);
            g_autofree char *b = NULL;

            g_assert_no_error (error);
            b = comparable (copy);
            g_assert_cmpstr (a, ==, b);
          }
      }
}

static IcShortlist *
make_shortlist (Fixture  *f,
                guint     n_entries,
                IcRecord *challenge,
                IcRecord *organisation)
{
  IcShortlist *shortlist = ic_shortlist_new ();
  GListStore *entries = ic_shortlist_get_entries (shortlist);

  ic_shortlist_set_challenge_id (shortlist, ic_record_get_id (challenge));
  ic_shortlist_set_name (shortlist, "Depot hydrogen — Łódź, Llŷr, 王芳");
  for (guint i = 0; i < n_entries; i++)
    {
      g_autofree char *title = g_strdup_printf ("%sCapability %u", i == 0 ? "=" : "", i + 1);
      g_autoptr(IcRecord) capability = insert (f, make_capability (ic_record_get_id (organisation), title));
      g_autoptr(IcShortlistEntry) entry = ic_shortlist_entry_new ();
      double score = 0.9 - i * 0.001;

      ic_shortlist_entry_set_capability_id (entry, ic_record_get_id (capability));
      ic_shortlist_entry_set_score (entry, score);
      ic_shortlist_entry_set_explanation (entry,
        "{\"criteria\": {\"text\": {\"score\": 0.5, \"weight\": 1, \"contribution\": 0.25},"
        " \"tags\": {\"score\": 1, \"weight\": 1, \"contribution\": 0.5}},"
        " \"matched_terms\": [\"hydrogen\"], \"matched_tags\": [\"hydrogen\"],"
        " \"why\": \"Shares the word “hydrogen”.\"}");
      ic_shortlist_entry_set_note (entry, i == 1 ? "Call back — Łukasz" : NULL);
      g_list_store_append (entries, entry);
    }
  return IC_SHORTLIST (insert (f, IC_RECORD (shortlist)));
}

static void
test_shortlist_formats (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(IcRecord) organisation = insert (f, make_organisation ("Buyer plc"));
  g_autoptr(IcRecord) challenge = insert (f, make_challenge (ic_record_get_id (organisation)));
  g_autoptr(IcShortlist) shortlist = make_shortlist (f, 3, challenge, organisation);
  const char *id = ic_record_get_id (IC_RECORD (shortlist));
  static const char * const magic[] = { "rank,", "{", "PK", "%PDF" };
  g_autoptr(GError) error = NULL;

  for (IcExportFormat format = IC_EXPORT_FORMAT_CSV; format <= IC_EXPORT_FORMAT_PDF; format++)
    {
      g_autofree char *name = g_strconcat ("shortlist.", ic_export_format_to_string (format), NULL);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (ic_export_shortlist (f->store, id, format, IC_EXPORT_NONE, file, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_assert_true (g_str_has_prefix (contents, magic[format]));

      if (format == IC_EXPORT_FORMAT_CSV)
        {
          g_assert_nonnull (strstr (contents, "\"'=Capability 1\""));
          g_assert_nonnull (strstr (contents, ",0.9000,0.5000,1.0000,"));
        }
      else if (format == IC_EXPORT_FORMAT_JSON)
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          JsonObject *root, *entry;

          g_assert_true (json_parser_load_from_data (parser, contents, length, &error));
          root = json_node_get_object (json_parser_get_root (parser));
          entry = json_array_get_object_element (json_object_get_array_member (root, "entries"), 0);
          g_assert_cmpfloat (json_object_get_double_member (
                               json_object_get_object_member (
                                 json_object_get_object_member (
                                   json_object_get_object_member (entry, "explanation"), "criteria"),
                                 "text"), "contribution"), ==, 0.25);
          g_assert_cmpstr (json_object_get_string_member (
                             json_object_get_object_member (root, "challenge"), "title"),
                           ==, "Hydrogen for depot vehicles");
        }
    }

  /* A failed export leaves the file it would have replaced. */
  {
    g_autofree char *path = g_build_filename (f->dir, "shortlist.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;

    g_file_get_contents (path, &before, NULL, NULL);
    g_assert_false (ic_export_shortlist (f->store, ic_record_get_id (challenge), IC_EXPORT_FORMAT_CSV,
                                         IC_EXPORT_NONE, file, NULL, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_file_get_contents (path, &after, NULL, NULL);
    g_assert_cmpstr (before, ==, after);
  }
}

/* Many entries run over several pages, each drawn without error. */
static void
test_renderer_pages (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(IcRecord) organisation = insert (f, make_organisation ("Buyer plc"));
  g_autoptr(IcRecord) challenge = insert (f, make_challenge (ic_record_get_id (organisation)));
  g_autoptr(IcShortlist) shortlist = make_shortlist (f, 40, challenge, organisation);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcShortlistReport) report = ic_shortlist_report_load (f->store,
                                                                  ic_record_get_id (IC_RECORD (shortlist)),
                                                                  &error);
  g_autoptr(IcReportRenderer) renderer = ic_report_renderer_new (report);
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  guint n_pages;

  g_assert_no_error (error);
  g_assert_cmpuint (ic_shortlist_report_get_n_entries (report), ==, 40);
  n_pages = ic_report_renderer_paginate (renderer, cr, IC_REPORT_A4_WIDTH, IC_REPORT_A4_HEIGHT);
  g_assert_cmpuint (n_pages, >, 2);
  g_assert_cmpuint (ic_report_renderer_get_n_pages (renderer), ==, n_pages);
  for (guint page = 0; page < n_pages; page++)
    {
      ic_report_renderer_draw_page (renderer, cr, page);
      cairo_show_page (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  IcImportReport **report = user_data;
  g_autoptr(GError) error = NULL;

  *report = ic_import_run_finish (IC_IMPORT (source), result, &error);
  g_assert_no_error (error);
}

static void
test_import_async (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "in.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) csv = g_string_new ("Organisation,Title\n");
  g_autoptr(IcImport) import = ic_import_new (IC_RECORD_KIND_CAPABILITY);
  g_autoptr(IcImportReport) report = NULL;
  double last = -1;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (csv, "Firm %u,Capability %u\n", i % 50, i);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));

  ic_import_set_progress_func (import, on_progress, &last, NULL);
  ic_import_run_async (import, f->path, file, NULL, on_imported, &report);
  while (report == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* Progress reports queued before the result arrive first. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpuint (ic_import_report_get_counts (report)->added, ==, 3000);
  g_assert_cmpuint (ic_import_report_get_counts (report)->organisations_added, ==, 50);
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_cmpint (ic_store_count (f->store, IC_RECORD_KIND_CAPABILITY, NULL, NULL), ==, 3000);
}

/* Both PDF exports end the same way (ic_export_pdf_finish()): a whole
 * document, a cancel, or a write that failed, each said as such. */
static void
test_pdf_finish (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(IcAgenda) agenda = ic_agenda_new ("Hydrogen workshop", "2025-03-04");
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) closed = g_memory_output_stream_new_resizable ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  const char *pdf;

  ic_agenda_add_slot (agenda, "09:00", "09:20");
  ic_agenda_add_participant (agenda, "org-1", "Buyer plc", "Challenge owner");
  ic_agenda_add_participant (agenda, "org-2", "Maker Ltd", "Capability owner");

  g_assert_true (ic_agenda_write_pdf (agenda, memory, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (memory, NULL, NULL));
  pdf = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory));
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)), >, 1000);
  g_assert_true (g_str_has_prefix (pdf, "%PDF"));

  g_cancellable_cancel (cancellable);
  g_assert_false (ic_agenda_write_pdf (agenda, closed, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_true (g_output_stream_close (closed, NULL, NULL));
  g_assert_false (ic_agenda_write_pdf (agenda, closed, NULL, &error));
  g_assert_error (error, IC_IO_ERROR, IC_IO_ERROR_WRITE);
}

void
test_io_add_export_tests (void)
{
  TEST_ADD ("export/round-trip", test_round_trip);
  TEST_ADD ("export/shortlist-formats", test_shortlist_formats);
  TEST_ADD ("export/renderer-pages", test_renderer_pages);
  TEST_ADD ("export/pdf-finish", test_pdf_finish);
  TEST_ADD ("import/async", test_import_async);
}
