/* ic-export-shortlist.c — a shortlist as CSV or JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-csv-writer.h"
#include "ic-export-private.h"
#include "ic-io-error.h"
#include "ic-model-enums.h"
#include "ic-record-json.h"

static gboolean
write_csv (IcShortlistReport  *report,
           IcExportFlags       flags,
           GOutputStream      *stream,
           GCancellable       *cancellable,
           GError            **error)
{
  g_autoptr(IcCsvWriter) csv = ic_csv_writer_new (stream, (flags & IC_EXPORT_BOM)
                                                          ? IC_CSV_WRITER_BOM : IC_CSV_WRITER_NONE);
  IcTaxonomy *taxonomy = ic_shortlist_report_get_taxonomy (report);
  gboolean stages = ic_shortlist_report_get_include_stages (report);
  gboolean notes = ic_shortlist_report_get_include_notes (report);
  static const char * const head[] = {
    "rank", "capability_id", "capability", "organisation", "score", NULL
  };

  for (guint i = 0; head[i] != NULL; i++)
    ic_csv_writer_add_raw (csv, head[i]);
  for (guint c = 0; c < IC_MATCH_N_CRITERIA; c++)
    ic_csv_writer_add_raw (csv, ic_match_criterion_to_string (c));
  ic_csv_writer_add_raw (csv, "matched_terms");
  ic_csv_writer_add_raw (csv, "matched_tags");
  ic_csv_writer_add_raw (csv, "why");
  if (stages)
    ic_csv_writer_add_raw (csv, "stage");
  if (notes)
    ic_csv_writer_add_raw (csv, "note");
  ic_csv_writer_add_raw (csv, "contact");
  ic_csv_writer_add_raw (csv, "website");
  ic_csv_writer_add_raw (csv, "local_authority");
  if (!ic_csv_writer_end_row (csv, cancellable, error))
    return FALSE;

  /* Values as the workbook shows them: the stage and the place in words,
   * lists joined with "; ". */
  for (guint i = 0; i < ic_shortlist_report_get_n_entries (report); i++)
    {
      const IcShortlistReportEntry *entry = ic_shortlist_report_get_entry (report, i);
      g_autofree char *terms = ic_shortlist_report_join ((const char * const *) entry->matched_terms);
      g_autofree char *tags = ic_shortlist_report_join ((const char * const *) entry->matched_tags);
      const char *place = entry->capability ? ic_capability_get_local_authority (entry->capability) : NULL;
      const char *place_name = taxonomy != NULL && place != NULL ? ic_taxonomy_get_place_name (taxonomy, place) : NULL;

      ic_csv_writer_add_int (csv, entry->rank);
      ic_csv_writer_add_text (csv, ic_shortlist_entry_get_capability_id (entry->entry));
      ic_csv_writer_add_text (csv, ic_shortlist_report_entry_title (entry));
      ic_csv_writer_add_text (csv, ic_shortlist_report_entry_organisation (entry));
      ic_csv_writer_add_double (csv, ic_shortlist_entry_get_score (entry->entry), 4);
      for (guint c = 0; c < IC_MATCH_N_CRITERIA; c++)
        {
          if (entry->has_criteria)
            ic_csv_writer_add_double (csv, entry->scores[c], 4);
          else
            ic_csv_writer_add_raw (csv, "");
        }
      ic_csv_writer_add_text (csv, terms);
      ic_csv_writer_add_text (csv, tags);
      ic_csv_writer_add_text (csv, entry->why);
      if (stages)
        ic_csv_writer_add_text (csv, ic_stage_get_label (ic_shortlist_entry_get_stage (entry->entry)));
      if (notes)
        ic_csv_writer_add_text (csv, ic_shortlist_entry_get_note (entry->entry));
      ic_csv_writer_add_text (csv, ic_shortlist_report_entry_contact (entry));
      ic_csv_writer_add_text (csv, ic_shortlist_report_entry_website (entry));
      ic_csv_writer_add_text (csv, place_name != NULL ? place_name : place);
      if (!ic_csv_writer_end_row (csv, cancellable, error))
        return FALSE;
    }
  return ic_csv_writer_flush (csv, cancellable, error);
}

static void
add_record (JsonBuilder *builder,
            const char  *member,
            gpointer     record)
{
  json_builder_set_member_name (builder, member);
  if (record != NULL)
    json_builder_add_value (builder, ic_object_to_json (G_OBJECT (record)));
  else
    json_builder_add_null_value (builder);
}

/* The shortlist with, per entry, the capability, its organisation and
 * the full explanation as an object. */
static JsonNode *
build_json (IcShortlistReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) shortlist = ic_object_to_json (G_OBJECT (ic_shortlist_report_get_shortlist (report)));

  /* The entries are given below, in full. */
  json_object_remove_member (json_node_get_object (shortlist), "entries");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "shortlist");
  json_builder_add_value (builder, json_node_ref (shortlist));
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, ic_shortlist_report_get_date (report));
  add_record (builder, "challenge", ic_shortlist_report_get_challenge (report));
  add_record (builder, "challenge_organisation", ic_shortlist_report_get_challenge_organisation (report));

  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ic_shortlist_report_get_n_entries (report); i++)
    {
      const IcShortlistReportEntry *entry = ic_shortlist_report_get_entry (report, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rank");
      json_builder_add_int_value (builder, entry->rank);
      json_builder_set_member_name (builder, "capability_id");
      json_builder_add_string_value (builder, ic_shortlist_entry_get_capability_id (entry->entry));
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, ic_shortlist_entry_get_score (entry->entry));
      if (ic_shortlist_report_get_include_stages (report))
        {
          json_builder_set_member_name (builder, "stage");
          json_builder_add_string_value (builder, ic_enum_to_nick (ic_stage_get_type (),
                                                                   ic_shortlist_entry_get_stage (entry->entry)));
        }
      if (ic_shortlist_report_get_include_notes (report))
        {
          json_builder_set_member_name (builder, "note");
          if (ic_shortlist_entry_get_note (entry->entry) != NULL)
            json_builder_add_string_value (builder, ic_shortlist_entry_get_note (entry->entry));
          else
            json_builder_add_null_value (builder);
        }
      json_builder_set_member_name (builder, "why");
      json_builder_add_string_value (builder, entry->why);
      json_builder_set_member_name (builder, "explanation");
      if (entry->explanation != NULL)
        json_builder_add_value (builder, json_node_copy (entry->explanation));
      else
        json_builder_add_null_value (builder);
      add_record (builder, "capability", entry->capability);
      add_record (builder, "organisation", entry->organisation);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

gboolean
ic_export_shortlist_to_stream (IcShortlistReport  *report,
                               IcExportFormat      format,
                               IcExportFlags       flags,
                               GOutputStream      *stream,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_return_val_if_fail (IC_IS_SHORTLIST_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  ic_shortlist_report_set_include (report, !(flags & IC_EXPORT_NO_NOTES), !(flags & IC_EXPORT_NO_STAGES));
  if (format == IC_EXPORT_FORMAT_CSV)
    return write_csv (report, flags, stream, cancellable, error);
  if (format == IC_EXPORT_FORMAT_JSON)
    {
      g_autoptr(JsonNode) node = build_json (report);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *text = NULL;
      gsize length;

      json_generator_set_root (generator, node);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, &length);
      return g_output_stream_write_all (stream, text, length, NULL, cancellable, error) &&
             g_output_stream_write_all (stream, "\n", 1, NULL, cancellable, error);
    }

  g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_FORMAT,
               _("A shortlist goes to a stream as csv or json only, not %s"),
               ic_export_format_to_string (format));
  return FALSE;
}
