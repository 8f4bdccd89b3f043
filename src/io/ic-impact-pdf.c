/* ic-impact-pdf.c — the impact report for the quarterly return, one A4 page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The title and the period, the six figures as large numbers, then the
 * charts (collaborations per quarter, the funnel, the cluster heat map)
 * each over its numbers, and the decline reasons.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "ic-export-private.h"
#include "ic-impact-private.h"

#define PAGE_WIDTH  595.0
#define PAGE_HEIGHT 842.0
#define MARGIN       40.0

static double
show (cairo_t    *cr,
      const char *text,
      const char *font,
      double      x,
      double      y,
      double      width)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  int h;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, NULL, &h);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return h;
}

gboolean
ic_impact_write_pdf (IcImpact       *impact,
                     IcTaxonomy     *taxonomy,
                     GOutputStream  *stream,
                     GCancellable   *cancellable,
                     GError        **error)
{
  const IcImpactColors colors = { { 0, 0, 0, 1 }, { 0.11, 0.44, 0.85, 1 } };
  const double width = PAGE_WIDTH - 2 * MARGIN;
  g_autofree char *period = ic_impact_describe_period (impact, taxonomy);
  const struct { const char *label; guint value; } figures[] = {
    { _("Collaborations brokered"), impact->collaborations },
    { _("Across sectors"), impact->cross_sector },
    { _("SMEs assisted"), impact->smes_assisted },
    { _("Large organisations engaged"), impact->organisations_engaged },
    { _("Events held"), impact->events },
    { _("Meetings scheduled"), impact->meetings },
  };
  g_autoptr(GString) quarters = g_string_new (NULL);
  g_autoptr(GString) declines = g_string_new (NULL);
  cairo_t *cr = ic_export_pdf_begin (stream, _("Impact report"), PAGE_WIDTH, PAGE_HEIGHT);
  double y = MARGIN;

  cairo_set_source_rgb (cr, 0, 0, 0);
  y += show (cr, _("Impact report"), "Sans Bold 18", MARGIN, y, width) + 2;
  y += show (cr, period, "Sans 10", MARGIN, y, width) + 14;

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      double x = MARGIN + (i % 3) * width / 3;
      double top = y + (i / 3) * 58;
      g_autofree char *number = g_strdup_printf ("%u", figures[i].value);

      cairo_set_source_rgb (cr, 0, 0, 0);
      show (cr, number, "Sans Bold 22", x, top, width / 3);
      show (cr, figures[i].label, "Sans 9", x, top + 30, width / 3 - 8);
    }
  y += 2 * 58 + 6;
  if (!isnan (impact->median_days))
    {
      g_autofree char *median = g_strdup_printf (_("Median days from proposed to collaborating: %.1f"),
                                                 impact->median_days);
      y += show (cr, median, "Sans 9", MARGIN, y, width) + 10;
    }

  y += show (cr, _("Collaborations per quarter (solid: across sectors)"), "Sans Bold 11", MARGIN, y, width) + 4;
  cairo_save (cr);
  cairo_translate (cr, MARGIN, y);
  ic_impact_draw_quarters (cr, impact, width, 120, &colors);
  cairo_restore (cr);
  y += 126;
  for (guint i = 0; i < impact->by_quarter->len; i++)
    {
      IcImpactQuarter *q = &g_array_index (impact->by_quarter, IcImpactQuarter, i);

      g_string_append_printf (quarters, _("%s%s: %u (%u across sectors)"), i ? "; " : "",
                              q->quarter, q->collaborations, q->cross_sector);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  y += show (cr, quarters->str, "Sans 8", MARGIN, y, width) + 12;

  y += show (cr, _("Through the stages"), "Sans Bold 11", MARGIN, y, width) + 4;
  cairo_save (cr);
  cairo_translate (cr, MARGIN, y);
  ic_impact_draw_funnel (cr, impact, width, 96, &colors);
  cairo_restore (cr);
  y += 104;

  y += show (cr, _("Collaborations by cluster"), "Sans Bold 11", MARGIN, y, width) + 4;
  cairo_save (cr);
  cairo_translate (cr, MARGIN, y);
  ic_impact_draw_heatmap (cr, impact, taxonomy, width, 150, &colors);
  cairo_restore (cr);
  y += 156;

  for (guint r = IC_DECLINE_REASON_NONE; r <= IC_DECLINE_REASON_OTHER; r++)
    if (impact->decline_reasons[r] > 0)
      g_string_append_printf (declines, "%s%s: %u", declines->len ? "; " : "",
                              r == IC_DECLINE_REASON_NONE ? _("No reason given") : ic_decline_reason_get_label (r),
                              impact->decline_reasons[r]);
  cairo_set_source_rgb (cr, 0, 0, 0);
  y += show (cr, _("Decline reasons"), "Sans Bold 11", MARGIN, y, width) + 2;
  show (cr, declines->len ? declines->str : _("None"), "Sans 9", MARGIN, y, width);
  cairo_show_page (cr);
  return ic_export_pdf_finish (cr, cancellable, error);
}
