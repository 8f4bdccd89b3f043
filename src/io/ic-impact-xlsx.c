/* ic-impact-xlsx.c — the impact figures as a workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sheet "Figures": the period and each figure, label and number.
 * "By quarter", "Funnel", "Decline reasons": one row each.
 * "Clusters": challenge clusters down, SME clusters across.
 * Every text is a string cell, never a formula.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <xlsxwriter.h>

#include "ic-impact-private.h"
#include "ic-io-error.h"

typedef struct
{
  lxw_worksheet *sheet;
  lxw_format    *header;
  lxw_error      status;
} Book;

static void
text (Book       *book,
      guint       row,
      guint       column,
      const char *value,
      lxw_format *format)
{
  lxw_error status = worksheet_write_string (book->sheet, row, column, value ? value : "", format);

  if (status != LXW_NO_ERROR && book->status == LXW_NO_ERROR)
    book->status = status;
}

static void
number (Book   *book,
        guint   row,
        guint   column,
        double  value)
{
  lxw_error status = worksheet_write_number (book->sheet, row, column, value, NULL);

  if (status != LXW_NO_ERROR && book->status == LXW_NO_ERROR)
    book->status = status;
}

static void
headers (Book        *book,
         const char **names,
         guint        n)
{
  for (guint i = 0; i < n; i++)
    text (book, 0, i, names[i], book->header);
  worksheet_freeze_panes (book->sheet, 1, 0);
  worksheet_set_column (book->sheet, 0, n - 1, 24, NULL);
}

gboolean
ic_impact_write_xlsx (IcImpact    *impact,
                      IcTaxonomy  *taxonomy,
                      const char  *path,
                      GError     **error)
{
  lxw_workbook *workbook = workbook_new (path);
  g_autofree char *period = NULL;
  g_auto(GStrv) rows = NULL;
  g_auto(GStrv) columns = NULL;
  Book book = { 0 };
  lxw_error status;
  guint row;

  if (workbook == NULL)
    {
      g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_WRITE, _("Cannot create the workbook %s"), path);
      return FALSE;
    }
  book.header = workbook_add_format (workbook);
  format_set_bold (book.header);
  format_set_bg_color (book.header, 0xDEE6EF);

  book.sheet = workbook_add_worksheet (workbook, _("Figures"));
  {
    const char *names[] = { _("Figure"), _("Value") };
    const struct { const char *label; guint value; } figures[] = {
      { _("Collaborations brokered"), impact->collaborations },
      { _("Across sectors"), impact->cross_sector },
      { _("SMEs assisted"), impact->smes_assisted },
      { _("Large organisations engaged"), impact->organisations_engaged },
      { _("Events held"), impact->events },
      { _("Meetings scheduled"), impact->meetings },
    };

    headers (&book, names, G_N_ELEMENTS (names));
    worksheet_set_column (book.sheet, 0, 0, 36, NULL);
    period = ic_impact_describe_period (impact, taxonomy);
    text (&book, 1, 0, _("Period"), NULL);
    text (&book, 1, 1, period, NULL);
    for (row = 0; row < G_N_ELEMENTS (figures); row++)
      {
        text (&book, row + 2, 0, figures[row].label, NULL);
        number (&book, row + 2, 1, figures[row].value);
      }
    text (&book, row + 2, 0, _("Median days from proposed to collaborating"), NULL);
    if (!isnan (impact->median_days))
      number (&book, row + 2, 1, round (impact->median_days * 10) / 10);
  }

  book.sheet = workbook_add_worksheet (workbook, _("By quarter"));
  {
    const char *names[] = { _("Quarter"), _("Collaborations"), _("Across sectors") };

    headers (&book, names, G_N_ELEMENTS (names));
    for (guint i = 0; i < impact->by_quarter->len; i++)
      {
        IcImpactQuarter *q = &g_array_index (impact->by_quarter, IcImpactQuarter, i);

        text (&book, i + 1, 0, q->quarter, NULL);
        number (&book, i + 1, 1, q->collaborations);
        number (&book, i + 1, 2, q->cross_sector);
      }
  }

  book.sheet = workbook_add_worksheet (workbook, _("Funnel"));
  {
    const char *names[] = { _("Stage"), _("Entries") };

    headers (&book, names, G_N_ELEMENTS (names));
    for (guint i = 0; i <= IC_IMPACT_N_FUNNEL; i++)
      {
        text (&book, i + 1, 0, ic_impact_funnel_label (i), NULL);
        number (&book, i + 1, 1, i < IC_IMPACT_N_FUNNEL ? impact->funnel[i] : impact->declined);
      }
  }

  book.sheet = workbook_add_worksheet (workbook, _("Decline reasons"));
  {
    const char *names[] = { _("Reason"), _("Entries") };

    headers (&book, names, G_N_ELEMENTS (names));
    row = 1;
    for (guint r = IC_DECLINE_REASON_NONE; r <= IC_DECLINE_REASON_OTHER; r++)
      {
        if (r == IC_DECLINE_REASON_NONE && impact->decline_reasons[r] == 0)
          continue;
        text (&book, row, 0, r == IC_DECLINE_REASON_NONE ? _("No reason given")
                                                          : ic_decline_reason_get_label (r), NULL);
        number (&book, row++, 1, impact->decline_reasons[r]);
      }
  }

  book.sheet = workbook_add_worksheet (workbook, _("Clusters"));
  rows = ic_impact_heatmap_clusters (impact, FALSE);
  columns = ic_impact_heatmap_clusters (impact, TRUE);
  text (&book, 0, 0, _("Challenge cluster / SME cluster"), book.header);
  worksheet_set_column (book.sheet, 0, g_strv_length (columns), 24, NULL);
  for (guint c = 0; columns[c] != NULL; c++)
    text (&book, 0, c + 1, ic_impact_cluster_name (taxonomy, columns[c]), book.header);
  for (guint r = 0; rows[r] != NULL; r++)
    {
      text (&book, r + 1, 0, ic_impact_cluster_name (taxonomy, rows[r]), NULL);
      for (guint c = 0; columns[c] != NULL; c++)
        number (&book, r + 1, c + 1, ic_impact_pair_count (impact, rows[r], columns[c]));
    }

  status = workbook_close (workbook);
  if (book.status != LXW_NO_ERROR || status != LXW_NO_ERROR)
    {
      g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_WRITE, _("Cannot write the workbook %s: %s"),
                   path, lxw_strerror (book.status != LXW_NO_ERROR ? book.status : status));
      return FALSE;
    }
  return TRUE;
}
