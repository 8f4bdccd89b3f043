/* ic-impact-report.c — JSON, CSV and the file around every format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "ic-csv-writer.h"
#include "ic-export-private.h"
#include "ic-impact-private.h"
#include "ic-io-error.h"
#include "ic-model-enums.h"

static const IcStage funnel_stages[] = {
  IC_STAGE_PROPOSED, IC_STAGE_CONTACTED, IC_STAGE_INTRODUCED, IC_STAGE_MEETING_HELD,
  IC_STAGE_COLLABORATING, IC_STAGE_DECLINED,
};

const char *
ic_impact_funnel_label (guint step)
{
  g_return_val_if_fail (step < G_N_ELEMENTS (funnel_stages), NULL);
  return ic_stage_get_label (funnel_stages[step]);
}

static guint
funnel_count (IcImpact *impact,
              guint     step)
{
  return step < IC_IMPACT_N_FUNNEL ? impact->funnel[step] : impact->declined;
}

const char *
ic_impact_cluster_name (IcTaxonomy *taxonomy,
                        const char *cluster)
{
  if (cluster == NULL || cluster[0] == '\0')
    return _("No cluster");
  if (taxonomy != NULL && ic_taxonomy_get_cluster_name (taxonomy, cluster) != NULL)
    return ic_taxonomy_get_cluster_name (taxonomy, cluster);
  return cluster;
}

static char *
format_day (const char *day)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  int y, m, d;
  g_autoptr(GDateTime) date = NULL;

  if (sscanf (day, "%4d-%2d-%2d", &y, &m, &d) != 3 || (date = g_date_time_new (utc, y, m, d, 0, 0, 0)) == NULL)
    return g_strdup (day);
  /* Translators: a short date, see g_date_time_format() */
  return g_date_time_format (date, _("%-d %b %Y"));
}

char *
ic_impact_describe_period (IcImpact   *impact,
                           IcTaxonomy *taxonomy)
{
  g_autofree char *from = format_day (impact->from);
  g_autofree char *to = format_day (impact->to);

  if (impact->cluster != NULL)
    /* Translators: the period, then the cluster */
    return g_strdup_printf (_("%s – %s, %s"), from, to, ic_impact_cluster_name (taxonomy, impact->cluster));
  /* Translators: the period, for every cluster */
  return g_strdup_printf (_("%s – %s, all clusters"), from, to);
}

JsonNode *
ic_impact_to_json (IcImpact *impact)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "from");
  json_builder_add_string_value (b, impact->from);
  json_builder_set_member_name (b, "to");
  json_builder_add_string_value (b, impact->to);
  json_builder_set_member_name (b, "cluster");
  if (impact->cluster != NULL)
    json_builder_add_string_value (b, impact->cluster);
  else
    json_builder_add_null_value (b);

#define INT_MEMBER(name) \
  json_builder_set_member_name (b, #name); \
  json_builder_add_int_value (b, impact->name)
  INT_MEMBER (collaborations);
  INT_MEMBER (cross_sector);
  INT_MEMBER (smes_assisted);
  INT_MEMBER (organisations_engaged);
  INT_MEMBER (events);
  INT_MEMBER (meetings);
#undef INT_MEMBER

  json_builder_set_member_name (b, "median_days_to_collaborating");
  if (isnan (impact->median_days))
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, round (impact->median_days * 10) / 10);

  json_builder_set_member_name (b, "by_quarter");
  json_builder_begin_array (b);
  for (guint i = 0; i < impact->by_quarter->len; i++)
    {
      IcImpactQuarter *q = &g_array_index (impact->by_quarter, IcImpactQuarter, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "quarter");
      json_builder_add_string_value (b, q->quarter);
      json_builder_set_member_name (b, "collaborations");
      json_builder_add_int_value (b, q->collaborations);
      json_builder_set_member_name (b, "cross_sector");
      json_builder_add_int_value (b, q->cross_sector);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "funnel");
  json_builder_begin_array (b);
  for (guint i = 0; i < G_N_ELEMENTS (funnel_stages); i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "stage");
      json_builder_add_string_value (b, ic_enum_to_nick (IC_TYPE_STAGE, funnel_stages[i]));
      json_builder_set_member_name (b, "entries");
      json_builder_add_int_value (b, funnel_count (impact, i));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "decline_reasons");
  json_builder_begin_array (b);
  for (guint r = 0; r <= IC_DECLINE_REASON_OTHER; r++)
    {
      if (r == IC_DECLINE_REASON_NONE && impact->decline_reasons[r] == 0)
        continue;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "reason");
      json_builder_add_string_value (b, ic_enum_to_nick (IC_TYPE_DECLINE_REASON, r));
      json_builder_set_member_name (b, "entries");
      json_builder_add_int_value (b, impact->decline_reasons[r]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "by_cluster_pair");
  json_builder_begin_array (b);
  for (guint i = 0; i < impact->pairs->len; i++)
    {
      IcImpactPair *p = g_ptr_array_index (impact->pairs, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "challenge_cluster");
      json_builder_add_string_value (b, p->challenge_cluster);
      json_builder_set_member_name (b, "sme_cluster");
      json_builder_add_string_value (b, p->sme_cluster);
      json_builder_set_member_name (b, "collaborations");
      json_builder_add_int_value (b, p->collaborations);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
csv_row (IcCsvWriter *csv,
         const char  *section,
         const char  *item,
         const char  *detail,
         gint64       value)
{
  ic_csv_writer_add_text (csv, section);
  ic_csv_writer_add_text (csv, item);
  ic_csv_writer_add_text (csv, detail);
  ic_csv_writer_add_int (csv, value);
}

/* section,item,detail,value: one figure a row, so a script or a
 * spreadsheet reads every table the same way. */
static gboolean
write_csv (IcImpact      *impact,
           GOutputStream *stream,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(IcCsvWriter) csv = ic_csv_writer_new (stream, IC_CSV_WRITER_BOM);
  const char * const header[] = { "section", "item", "detail", "value", NULL };
  const struct { const char *name; guint value; } figures[] = {
    { "collaborations", impact->collaborations },
    { "cross_sector", impact->cross_sector },
    { "smes_assisted", impact->smes_assisted },
    { "organisations_engaged", impact->organisations_engaged },
    { "events", impact->events },
    { "meetings", impact->meetings },
  };

#define END_ROW() G_STMT_START { if (!ic_csv_writer_end_row (csv, cancellable, error)) return FALSE; } G_STMT_END
  if (!ic_csv_writer_write_row (csv, header, cancellable, error))
    return FALSE;
  ic_csv_writer_add_text (csv, "period");
  ic_csv_writer_add_text (csv, impact->from);
  ic_csv_writer_add_text (csv, impact->to);
  ic_csv_writer_add_text (csv, impact->cluster != NULL ? impact->cluster : "");
  END_ROW ();
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      csv_row (csv, "figure", figures[i].name, "", figures[i].value);
      END_ROW ();
    }
  ic_csv_writer_add_text (csv, "figure");
  ic_csv_writer_add_text (csv, "median_days_to_collaborating");
  ic_csv_writer_add_text (csv, "");
  if (isnan (impact->median_days))
    ic_csv_writer_add_text (csv, "");
  else
    ic_csv_writer_add_double (csv, impact->median_days, 1);
  END_ROW ();
  for (guint i = 0; i < impact->by_quarter->len; i++)
    {
      IcImpactQuarter *q = &g_array_index (impact->by_quarter, IcImpactQuarter, i);

      csv_row (csv, "quarter", q->quarter, "collaborations", q->collaborations);
      END_ROW ();
      csv_row (csv, "quarter", q->quarter, "cross_sector", q->cross_sector);
      END_ROW ();
    }
  for (guint i = 0; i < G_N_ELEMENTS (funnel_stages); i++)
    {
      csv_row (csv, "funnel", ic_enum_to_nick (IC_TYPE_STAGE, funnel_stages[i]), "", funnel_count (impact, i));
      END_ROW ();
    }
  for (guint r = IC_DECLINE_REASON_NONE; r <= IC_DECLINE_REASON_OTHER; r++)
    {
      if (r == IC_DECLINE_REASON_NONE && impact->decline_reasons[r] == 0)
        continue;
      csv_row (csv, "decline_reason", ic_enum_to_nick (IC_TYPE_DECLINE_REASON, r), "",
               impact->decline_reasons[r]);
      END_ROW ();
    }
  for (guint i = 0; i < impact->pairs->len; i++)
    {
      IcImpactPair *p = g_ptr_array_index (impact->pairs, i);

      csv_row (csv, "cluster_pair", p->challenge_cluster, p->sme_cluster, p->collaborations);
      END_ROW ();
    }
#undef END_ROW
  return ic_csv_writer_flush (csv, cancellable, error);
}

gboolean
ic_impact_write_to_stream (IcImpact       *impact,
                           IcTaxonomy     *taxonomy,
                           IcExportFormat  format,
                           GOutputStream  *stream,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_return_val_if_fail (impact != NULL, FALSE);

  switch (format)
    {
    case IC_EXPORT_FORMAT_JSON:
      {
        g_autoptr(JsonNode) node = ic_impact_to_json (impact);
        g_autoptr(JsonGenerator) generator = json_generator_new ();

        json_generator_set_root (generator, node);
        json_generator_set_pretty (generator, TRUE);
        return json_generator_to_stream (generator, stream, cancellable, error) &&
               g_output_stream_write_all (stream, "\n", 1, NULL, cancellable, error);
      }
    case IC_EXPORT_FORMAT_CSV:
      return write_csv (impact, stream, cancellable, error);
    case IC_EXPORT_FORMAT_PDF:
      return ic_impact_write_pdf (impact, taxonomy, stream, cancellable, error);
    case IC_EXPORT_FORMAT_XLSX:
    default:
      g_set_error_literal (error, IC_IO_ERROR, IC_IO_ERROR_WRITE,
                           _("A workbook can only be written to a local file"));
      return FALSE;
    }
}

static gboolean
export_xlsx (IcImpact    *impact,
             IcTaxonomy  *taxonomy,
             GFile       *file,
             GError     **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *temp = NULL;
  int fd;

  if (path == NULL)
    {
      g_set_error_literal (error, IC_IO_ERROR, IC_IO_ERROR_WRITE,
                           _("A workbook can only be written to a local file"));
      return FALSE;
    }
  /* Written beside the file, then moved over it. */
  temp = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp (temp);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write beside %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  if (!ic_impact_write_xlsx (impact, taxonomy, temp, error))
    {
      g_unlink (temp);
      return FALSE;
    }
  g_chmod (temp, 0644);
  if (g_rename (temp, path) != 0)
    {
      int saved = errno;
      g_unlink (temp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
ic_impact_export (IcImpact        *impact,
                  IcTaxonomy      *taxonomy,
                  IcExportFormat   format,
                  GFile           *file,
                  GCancellable    *cancellable,
                  GError         **error)
{
  g_autoptr(GOutputStream) stream = NULL;

  g_return_val_if_fail (impact != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (format == IC_EXPORT_FORMAT_XLSX)
    return export_xlsx (impact, taxonomy, file, error);
  stream = ic_export_replace_stream (file, cancellable, error);
  if (stream == NULL)
    return FALSE;
  if (!ic_impact_write_to_stream (impact, taxonomy, format, stream, cancellable, error))
    {
      ic_export_abandon_stream (stream);
      return FALSE;
    }
  return ic_export_commit_stream (stream, cancellable, error);
}
