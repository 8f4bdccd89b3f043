/* ic-impact-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The charts are drawn by the report's own cairo code (ic-impact-report.h)
 * in the style's foreground and accent colours, so they read in light
 * and dark alike and match the PDF.  A screen reader gets the title as
 * the name and every number as the description.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-impact-chart.h"

struct _IcImpactChart
{
  GtkWidget          parent_instance;

  IcImpactChartKind  kind;
  char              *title;
  IcImpact          *impact;     /* borrowed */
  IcTaxonomy        *taxonomy;
};

G_DEFINE_FINAL_TYPE (IcImpactChart, ic_impact_chart, GTK_TYPE_WIDGET)

static void
colour_of (GtkWidget *widget,
           const char *name,
           double      rgba[4])
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  GdkRGBA colour;

  if (name == NULL || !gtk_style_context_lookup_color (style, name, &colour))
    gtk_style_context_get_color (style, &colour);
  G_GNUC_END_IGNORE_DEPRECATIONS
  rgba[0] = colour.red;
  rgba[1] = colour.green;
  rgba[2] = colour.blue;
  rgba[3] = colour.alpha;
}

static void
ic_impact_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  IcImpactChart *self = IC_IMPACT_CHART (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  IcImpactColors colors;
  cairo_t *cr;

  if (self->impact == NULL || width <= 0 || height <= 0)
    return;
  colour_of (widget, NULL, colors.foreground);
  colour_of (widget, "accent_color", colors.accent);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  switch (self->kind)
    {
    case IC_IMPACT_CHART_QUARTERS:
      ic_impact_draw_quarters (cr, self->impact, width, height, &colors);
      break;
    case IC_IMPACT_CHART_FUNNEL:
      ic_impact_draw_funnel (cr, self->impact, width, height, &colors);
      break;
    case IC_IMPACT_CHART_HEATMAP:
    default:
      ic_impact_draw_heatmap (cr, self->impact, self->taxonomy, width, height, &colors);
      break;
    }
  cairo_destroy (cr);
}

static void
ic_impact_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 180;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 220;
}

static void
ic_impact_chart_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ic_impact_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
ic_impact_chart_finalize (GObject *object)
{
  IcImpactChart *self = IC_IMPACT_CHART (object);

  g_free (self->title);
  g_clear_object (&self->taxonomy);
  G_OBJECT_CLASS (ic_impact_chart_parent_class)->finalize (object);
}

static void
ic_impact_chart_class_init (IcImpactChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ic_impact_chart_finalize;
  widget_class->snapshot = ic_impact_chart_snapshot;
  widget_class->measure = ic_impact_chart_measure;
  widget_class->css_changed = ic_impact_chart_css_changed;
  gtk_widget_class_set_css_name (widget_class, "impactchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ic_impact_chart_init (IcImpactChart *self)
{
}

GtkWidget *
ic_impact_chart_new (IcImpactChartKind  kind,
                     const char        *title)
{
  IcImpactChart *self = g_object_new (IC_TYPE_IMPACT_CHART, NULL);

  self->kind = kind;
  self->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return GTK_WIDGET (self);
}

char *
ic_impact_chart_describe (IcImpactChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  IcImpact *impact = self->impact;

  if (impact == NULL)
    return g_strdup ("");
  switch (self->kind)
    {
    case IC_IMPACT_CHART_QUARTERS:
      for (guint i = 0; i < impact->by_quarter->len; i++)
        {
          IcImpactQuarter *q = &g_array_index (impact->by_quarter, IcImpactQuarter, i);

          g_string_append_printf (text, _("%s%s: %u collaborations, %u across sectors"),
                                  i ? "\n" : "", q->quarter, q->collaborations, q->cross_sector);
        }
      break;
    case IC_IMPACT_CHART_FUNNEL:
      for (guint i = 0; i <= IC_IMPACT_N_FUNNEL; i++)
        g_string_append_printf (text, _("%s%s: %u entries"), i ? "\n" : "", ic_impact_funnel_label (i),
                                i < IC_IMPACT_N_FUNNEL ? impact->funnel[i] : impact->declined);
      break;
    case IC_IMPACT_CHART_HEATMAP:
    default:
      for (guint i = 0; i < impact->pairs->len; i++)
        {
          IcImpactPair *p = g_ptr_array_index (impact->pairs, i);

          g_string_append_printf (text, _("%sChallenge %s, SME %s: %u collaborations"), i ? "\n" : "",
                                  ic_impact_cluster_name (self->taxonomy, p->challenge_cluster),
                                  ic_impact_cluster_name (self->taxonomy, p->sme_cluster),
                                  p->collaborations);
        }
      if (impact->pairs->len == 0)
        g_string_append (text, _("No collaborations in this period"));
      break;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
ic_impact_chart_set_impact (IcImpactChart *self,
                            IcImpact      *impact,
                            IcTaxonomy    *taxonomy)
{
  g_autofree char *description = NULL;

  g_return_if_fail (IC_IS_IMPACT_CHART (self));

  self->impact = impact;
  g_set_object (&self->taxonomy, taxonomy);
  description = ic_impact_chart_describe (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
