/* ic-xlsx-writer.c — a shortlist as an Excel workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sheet "Shortlist": one row per entry under a frozen header row with
 * an autofilter; scores are numbers shown as percentages, one column
 * per criterion; then the why, the stage, the note and the contact
 * details.  Sheet "Challenge": the challenge the shortlist is for, one
 * field per row.  Every text is written as a string cell, never as a
 * formula, so a cell that begins with "=" is shown, not run.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "ic-export-private.h"
#include "ic-model-enums.h"
#include "ic-io-error.h"

#define MIN_WIDTH  6.0
#define MAX_WIDTH 60.0

typedef struct
{
  lxw_workbook  *workbook;
  lxw_worksheet *sheet;
  lxw_format    *header;
  lxw_format    *percent;
  lxw_format    *wrap;
  double        *widths;
  guint          n_columns;
  lxw_error      status;
} Sheet;

/* Remembers the widest text of each column, for its width. */
static void
measure (Sheet      *sheet,
         guint       column,
         const char *text)
{
  double width = text ? MIN (g_utf8_strlen (text, -1) + 2, MAX_WIDTH) : 0;

  if (column < sheet->n_columns && width > sheet->widths[column])
    sheet->widths[column] = width;
}

static void
put_text (Sheet      *sheet,
          guint       row,
          guint       column,
          const char *text,
          lxw_format *format)
{
  lxw_error status;

  if (text == NULL || text[0] == '\0')
    return;
  status = worksheet_write_string (sheet->sheet, row, column, text, format);
  if (status != LXW_NO_ERROR && sheet->status == LXW_NO_ERROR)
    sheet->status = status;
  measure (sheet, column, text);
}

static void
put_number (Sheet      *sheet,
            guint       row,
            guint       column,
            double      value,
            lxw_format *format)
{
  lxw_error status = worksheet_write_number (sheet->sheet, row, column, value, format);

  if (status != LXW_NO_ERROR && sheet->status == LXW_NO_ERROR)
    sheet->status = status;
  measure (sheet, column, "100%");
}

static const char *
cluster_name (IcShortlistReport *report,
              const char        *cluster)
{
  IcTaxonomy *taxonomy = ic_shortlist_report_get_taxonomy (report);
  const char *name = taxonomy && cluster ? ic_taxonomy_get_cluster_name (taxonomy, cluster) : NULL;

  return name != NULL ? name : cluster;
}

static const char *
place_name (IcShortlistReport *report,
            const char        *place)
{
  IcTaxonomy *taxonomy = ic_shortlist_report_get_taxonomy (report);
  const char *name = taxonomy && place ? ic_taxonomy_get_place_name (taxonomy, place) : NULL;

  return name != NULL ? name : place;
}

static void
write_entries (Sheet             *sheet,
               IcShortlistReport *report)
{
  const char *head[] = { _("Rank"), _("Capability"), _("Organisation"), _("Score") };
  gboolean stages = ic_shortlist_report_get_include_stages (report);
  gboolean notes = ic_shortlist_report_get_include_notes (report);
  guint n = ic_shortlist_report_get_n_entries (report);
  guint column = 0;
  guint why_column, note_column = G_MAXUINT;

  for (guint i = 0; i < G_N_ELEMENTS (head); i++)
    put_text (sheet, 0, column++, head[i], sheet->header);
  for (guint c = 0; c < IC_MATCH_N_CRITERIA; c++)
    put_text (sheet, 0, column++, ic_match_criterion_get_label (c), sheet->header);
  why_column = column;
  put_text (sheet, 0, column++, _("Why"), sheet->header);
  put_text (sheet, 0, column++, _("Matched terms"), sheet->header);
  put_text (sheet, 0, column++, _("Matched tags"), sheet->header);
  if (stages)
    put_text (sheet, 0, column++, _("Stage"), sheet->header);
  if (notes)
    {
      note_column = column;
      put_text (sheet, 0, column++, _("Note"), sheet->header);
    }
  put_text (sheet, 0, column++, _("Contact"), sheet->header);
  put_text (sheet, 0, column++, _("Website"), sheet->header);
  put_text (sheet, 0, column++, _("Local authority"), sheet->header);
  put_text (sheet, 0, column++, _("Capability ID"), sheet->header);

  for (guint i = 0; i < n; i++)
    {
      const IcShortlistReportEntry *entry = ic_shortlist_report_get_entry (report, i);
      g_autofree char *terms = ic_shortlist_report_join ((const char * const *) entry->matched_terms);
      g_autofree char *tags = ic_shortlist_report_join ((const char * const *) entry->matched_tags);
      guint row = i + 1;

      column = 0;
      put_number (sheet, row, column++, entry->rank, NULL);
      put_text (sheet, row, column++, ic_shortlist_report_entry_title (entry), NULL);
      put_text (sheet, row, column++, ic_shortlist_report_entry_organisation (entry), NULL);
      put_number (sheet, row, column++, ic_shortlist_entry_get_score (entry->entry), sheet->percent);
      for (guint c = 0; c < IC_MATCH_N_CRITERIA; c++, column++)
        if (entry->has_criteria)
          put_number (sheet, row, column, entry->scores[c], sheet->percent);
      put_text (sheet, row, column++, entry->why, sheet->wrap);
      put_text (sheet, row, column++, terms, NULL);
      put_text (sheet, row, column++, tags, NULL);
      if (stages)
        put_text (sheet, row, column++,
                  ic_stage_get_label (ic_shortlist_entry_get_stage (entry->entry)), NULL);
      if (notes)
        put_text (sheet, row, column++, ic_shortlist_entry_get_note (entry->entry), sheet->wrap);
      put_text (sheet, row, column++, ic_shortlist_report_entry_contact (entry), NULL);
      put_text (sheet, row, column++, ic_shortlist_report_entry_website (entry), NULL);
      put_text (sheet, row, column++,
                entry->capability
                ? place_name (report, ic_capability_get_local_authority (entry->capability)) : NULL,
                NULL);
      put_text (sheet, row, column++, ic_shortlist_entry_get_capability_id (entry->entry), NULL);
    }

  worksheet_freeze_panes (sheet->sheet, 1, 0);
  worksheet_autofilter (sheet->sheet, 0, 0, MAX (n, 1), column - 1);
  for (guint c = 0; c < column; c++)
    worksheet_set_column (sheet->sheet, c, c, CLAMP (sheet->widths[c], MIN_WIDTH, MAX_WIDTH),
                          c == why_column || c == note_column ? sheet->wrap : NULL);
}

static void
write_challenge (Sheet             *sheet,
                 IcShortlistReport *report)
{
  IcChallenge *challenge = ic_shortlist_report_get_challenge (report);
  IcOrganisation *organisation = ic_shortlist_report_get_challenge_organisation (report);
  IcShortlist *shortlist = ic_shortlist_report_get_shortlist (report);
  g_autofree char *tags = NULL;
  g_autofree char *trl = NULL;
  g_autofree char *budget = NULL;
  guint row = 0;

  put_text (sheet, row, 0, _("Field"), sheet->header);
  put_text (sheet, row++, 1, _("Value"), sheet->header);
  put_text (sheet, row, 0, _("Shortlist"), NULL);
  put_text (sheet, row++, 1, ic_shortlist_get_name (shortlist), NULL);
  put_text (sheet, row, 0, _("Date"), NULL);
  put_text (sheet, row++, 1, ic_shortlist_report_get_date (report), NULL);

  if (challenge == NULL)
    {
      put_text (sheet, row, 0, _("Challenge"), NULL);
      put_text (sheet, row, 1, _("(no longer in the database)"), NULL);
    }
  else
    {
      const char *fields[][2] = {
        { _("Challenge"), ic_challenge_get_title (challenge) },
        { _("Organisation"), organisation ? ic_organisation_get_name (organisation) : NULL },
        { _("Description"), ic_challenge_get_description (challenge) },
        { _("Cluster"), cluster_name (report, ic_challenge_get_cluster (challenge)) },
        { _("Required tags"), NULL },
        { _("TRL range"), NULL },
        { _("Budget (GBP)"), NULL },
        { _("Deadline"), ic_challenge_get_deadline (challenge) },
        { _("Local authority"), place_name (report, ic_challenge_get_local_authority (challenge)) },
        { _("Status"), ic_enum_to_nick (ic_challenge_status_get_type (), ic_challenge_get_status (challenge)) },
        { _("Contact"), ic_challenge_get_contact (challenge) },
        { _("Challenge ID"), ic_record_get_id (IC_RECORD (challenge)) },
      };

      tags = g_strjoinv (", ", (char **) ic_challenge_get_tags (challenge));
      trl = g_strdup_printf ("%d–%d", ic_challenge_get_trl_min (challenge),
                             ic_challenge_get_trl_max (challenge));
      {
        g_autofree char *low = ic_shortlist_report_format_money (ic_challenge_get_budget_min (challenge));
        g_autofree char *high = ic_shortlist_report_format_money (ic_challenge_get_budget_max (challenge));

        budget = g_strdup_printf ("%s–%s", low, high);
      }
      fields[4][1] = tags;
      fields[5][1] = trl;
      fields[6][1] = budget;

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++, row++)
        {
          put_text (sheet, row, 0, fields[i][0], sheet->header);
          put_text (sheet, row, 1, fields[i][1], sheet->wrap);
        }
    }
  worksheet_set_column (sheet->sheet, 0, 0, CLAMP (sheet->widths[0], MIN_WIDTH, MAX_WIDTH), NULL);
  worksheet_set_column (sheet->sheet, 1, 1, MAX_WIDTH + 20, sheet->wrap);
}

gboolean
ic_xlsx_write_shortlist (IcShortlistReport  *report,
                         const char         *path,
                         GError            **error)
{
  double entry_widths[4 + IC_MATCH_N_CRITERIA + 9] = { 0 };
  double challenge_widths[2] = { 0 };
  lxw_workbook *workbook;
  Sheet sheet = { 0 };
  lxw_error status;

  g_return_val_if_fail (IC_IS_SHORTLIST_REPORT (report), FALSE);

  workbook = workbook_new (path);
  if (workbook == NULL)
    {
      g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_WRITE, _("Cannot create the workbook %s"), path);
      return FALSE;
    }

  sheet.workbook = workbook;
  sheet.header = workbook_add_format (workbook);
  format_set_bold (sheet.header);
  format_set_bg_color (sheet.header, 0xDEE6EF);
  format_set_align (sheet.header, LXW_ALIGN_VERTICAL_TOP);
  sheet.percent = workbook_add_format (workbook);
  format_set_num_format (sheet.percent, "0.0%");
  sheet.wrap = workbook_add_format (workbook);
  format_set_text_wrap (sheet.wrap);
  format_set_align (sheet.wrap, LXW_ALIGN_VERTICAL_TOP);

  sheet.sheet = workbook_add_worksheet (workbook, _("Shortlist"));
  sheet.widths = entry_widths;
  sheet.n_columns = G_N_ELEMENTS (entry_widths);
  write_entries (&sheet, report);

  sheet.sheet = workbook_add_worksheet (workbook, _("Challenge"));
  sheet.widths = challenge_widths;
  sheet.n_columns = G_N_ELEMENTS (challenge_widths);
  write_challenge (&sheet, report);

  status = workbook_close (workbook);
  if (sheet.status != LXW_NO_ERROR || status != LXW_NO_ERROR)
    {
      g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_WRITE, _("Cannot write the workbook %s: %s"),
                   path, lxw_strerror (sheet.status != LXW_NO_ERROR ? sheet.status : status));
      return FALSE;
    }
  return TRUE;
}
