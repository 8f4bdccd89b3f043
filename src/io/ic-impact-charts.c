/* ic-impact-charts.c — collaborations per quarter, the funnel, the heat map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawn with cairo and Pango in a box, in the colours given, so that the
 * PDF report (black on white) and the Impact page (the style's colours,
 * light or dark) draw the same charts.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ic-impact-report.h"

#define FONT "Sans 8"
#define AXIS 18.0

static void
set_colour (cairo_t      *cr,
            const double  rgba[4],
            double        alpha)
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3] * alpha);
}

/* Draws @text with its top left at (@x, @y), or centred on @x if @centre
 * (within @max_width when it is > 0); returns its height. */
static double
draw_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      max_width,
           gboolean    centre,
           gboolean    bold)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);
  int w, h;

  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (max_width));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, centre ? x - (max_width > 0 ? MIN (w, max_width) : w) / 2.0 : x, y);
  pango_cairo_show_layout (cr, layout);
  return h;
}

void
ic_impact_draw_quarters (cairo_t              *cr,
                         IcImpact             *impact,
                         double                width,
                         double                height,
                         const IcImpactColors *colors)
{
  guint n = impact->by_quarter->len, top = 1;
  double slot, bar, chart_height = height - 2 * AXIS;

  for (guint i = 0; i < n; i++)
    top = MAX (top, g_array_index (impact->by_quarter, IcImpactQuarter, i).collaborations);
  if (n == 0 || chart_height <= 0)
    return;
  slot = width / n;
  bar = MIN (slot * 0.6, 48.0);

  set_colour (cr, colors->foreground, 0.3);
  cairo_rectangle (cr, 0, AXIS + chart_height, width, 1);
  cairo_fill (cr);
  for (guint i = 0; i < n; i++)
    {
      IcImpactQuarter *q = &g_array_index (impact->by_quarter, IcImpactQuarter, i);
      double x = i * slot + (slot - bar) / 2;
      double h = chart_height * q->collaborations / top;
      double cross = chart_height * q->cross_sector / top;
      g_autofree char *count = g_strdup_printf ("%u", q->collaborations);

      set_colour (cr, colors->accent, 0.45);
      cairo_rectangle (cr, x, AXIS + chart_height - h, bar, h);
      cairo_fill (cr);
      /* The part across sectors, solid. */
      set_colour (cr, colors->accent, 1.0);
      cairo_rectangle (cr, x, AXIS + chart_height - cross, bar, cross);
      cairo_fill (cr);
      set_colour (cr, colors->foreground, 1.0);
      draw_text (cr, count, x + bar / 2, AXIS + chart_height - h - AXIS + 2, 0, TRUE, TRUE);
      set_colour (cr, colors->foreground, 0.8);
      draw_text (cr, q->quarter, i * slot + slot / 2, AXIS + chart_height + 3, slot, TRUE, FALSE);
    }
}

void
ic_impact_draw_funnel (cairo_t              *cr,
                       IcImpact             *impact,
                       double                width,
                       double                height,
                       const IcImpactColors *colors)
{
  const guint steps = IC_IMPACT_N_FUNNEL + 1;
  double row = height / steps, label = MIN (120.0, width * 0.35);
  guint top = MAX (1, impact->funnel[0]);

  for (guint i = 0; i < steps; i++)
    {
      guint count = i < IC_IMPACT_N_FUNNEL ? impact->funnel[i] : impact->declined;
      double w = (width - label - 40) * count / top;
      double y = i * row;
      g_autofree char *text = g_strdup_printf ("%u", count);

      set_colour (cr, colors->foreground, 0.9);
      draw_text (cr, ic_impact_funnel_label (i), 0, y + row / 2 - 6, label - 6, FALSE, FALSE);
      set_colour (cr, colors->accent, i < IC_IMPACT_N_FUNNEL ? 1.0 - 0.12 * i : 0.35);
      cairo_rectangle (cr, label, y + row * 0.15, MAX (w, 1), row * 0.7);
      cairo_fill (cr);
      set_colour (cr, colors->foreground, 1.0);
      draw_text (cr, text, label + MAX (w, 1) + 4, y + row / 2 - 6, 0, FALSE, TRUE);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

GStrv
ic_impact_heatmap_clusters (IcImpact *impact,
                            gboolean  sme_side)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) clusters = g_ptr_array_new ();

  for (guint i = 0; i < impact->pairs->len; i++)
    {
      IcImpactPair *p = g_ptr_array_index (impact->pairs, i);
      char *cluster = sme_side ? p->sme_cluster : p->challenge_cluster;

      if (g_hash_table_add (seen, cluster))
        g_ptr_array_add (clusters, g_strdup (cluster));
    }
  g_ptr_array_sort (clusters, compare_strings);
  g_ptr_array_add (clusters, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&clusters), FALSE);
}

guint
ic_impact_pair_count (IcImpact   *impact,
                      const char *challenge_cluster,
                      const char *sme_cluster)
{
  for (guint i = 0; i < impact->pairs->len; i++)
    {
      IcImpactPair *p = g_ptr_array_index (impact->pairs, i);

      if (strcmp (p->challenge_cluster, challenge_cluster) == 0 &&
          strcmp (p->sme_cluster, sme_cluster) == 0)
        return p->collaborations;
    }
  return 0;
}

void
ic_impact_draw_heatmap (cairo_t              *cr,
                        IcImpact             *impact,
                        IcTaxonomy           *taxonomy,
                        double                width,
                        double                height,
                        const IcImpactColors *colors)
{
  g_auto(GStrv) rows = ic_impact_heatmap_clusters (impact, FALSE);
  g_auto(GStrv) columns = ic_impact_heatmap_clusters (impact, TRUE);
  guint n_rows = g_strv_length (rows), n_columns = g_strv_length (columns), top = 1;
  double label = MIN (130.0, width * 0.3), cell_w, cell_h;

  if (n_rows == 0 || n_columns == 0)
    {
      set_colour (cr, colors->foreground, 0.7);
      draw_text (cr, _("No collaborations in this period"), 0, 0, width, FALSE, FALSE);
      return;
    }
  for (guint i = 0; i < impact->pairs->len; i++)
    top = MAX (top, ((IcImpactPair *) g_ptr_array_index (impact->pairs, i))->collaborations);
  cell_w = (width - label) / n_columns;
  cell_h = MIN ((height - 2 * AXIS) / n_rows, 36.0);

  set_colour (cr, colors->foreground, 0.8);
  draw_text (cr, _("Challenge ↓ / SME →"), 0, 0, label - 4, FALSE, TRUE);
  for (guint c = 0; c < n_columns; c++)
    draw_text (cr, ic_impact_cluster_name (taxonomy, columns[c]), label + c * cell_w + cell_w / 2, 0,
               cell_w - 4, TRUE, FALSE);
  for (guint r = 0; r < n_rows; r++)
    {
      double y = AXIS + r * cell_h;

      set_colour (cr, colors->foreground, 0.8);
      draw_text (cr, ic_impact_cluster_name (taxonomy, rows[r]), 0, y + cell_h / 2 - 6, label - 6, FALSE, FALSE);
      for (guint c = 0; c < n_columns; c++)
        {
          guint count = ic_impact_pair_count (impact, rows[r], columns[c]);
          double x = label + c * cell_w;

          set_colour (cr, colors->foreground, 0.12);
          cairo_rectangle (cr, x + 1, y + 1, cell_w - 2, cell_h - 2);
          cairo_stroke (cr);
          if (count == 0)
            continue;
          set_colour (cr, colors->accent, 0.2 + 0.8 * count / top);
          cairo_rectangle (cr, x + 1, y + 1, cell_w - 2, cell_h - 2);
          cairo_fill (cr);
          {
            g_autofree char *text = g_strdup_printf ("%u", count);

            set_colour (cr, colors->foreground, 1.0);
            draw_text (cr, text, x + cell_w / 2, y + cell_h / 2 - 6, 0, TRUE, TRUE);
          }
        }
    }
}
