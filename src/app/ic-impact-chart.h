/* ic-impact-chart.h — one chart of the Impact page, drawn natively
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ic-impact-report.h"

G_BEGIN_DECLS

typedef enum
{
  IC_IMPACT_CHART_QUARTERS,
  IC_IMPACT_CHART_FUNNEL,
  IC_IMPACT_CHART_HEATMAP,
} IcImpactChartKind;

#define IC_TYPE_IMPACT_CHART (ic_impact_chart_get_type ())

G_DECLARE_FINAL_TYPE (IcImpactChart, ic_impact_chart, IC, IMPACT_CHART, GtkWidget)

GtkWidget *ic_impact_chart_new        (IcImpactChartKind  kind,
                                       const char        *title);
/* Shows @impact (borrowed until the next call; NULL: nothing). */
void       ic_impact_chart_set_impact (IcImpactChart     *self,
                                       IcImpact          *impact,
                                       IcTaxonomy        *taxonomy);
/* The chart's numbers as lines of text, as its accessible description
 * and its table say them.  Returns: (transfer full) */
char      *ic_impact_chart_describe   (IcImpactChart     *self);

G_END_DECLS
