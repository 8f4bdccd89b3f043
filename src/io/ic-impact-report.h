/* ic-impact-report.h — the impact figures out to JSON, CSV, XLSX and PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The quarterly return: the figures of ic-store-impact.h as the command
 * line and the Impact page export them.  Clusters are written by id in
 * JSON and CSV (for scripts) and by name in XLSX and PDF (for people).
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ic-export.h"
#include "ic-store-impact.h"
#include "ic-taxonomy.h"

G_BEGIN_DECLS

/* Returns: (transfer full): the figures as one JSON object */
JsonNode   *ic_impact_to_json          (IcImpact       *impact);

/* Writes @impact as JSON, CSV or PDF to @stream, which is not closed. */
gboolean    ic_impact_write_to_stream  (IcImpact       *impact,
                                        IcTaxonomy     *taxonomy,
                                        IcExportFormat  format,
                                        GOutputStream  *stream,
                                        GCancellable   *cancellable,
                                        GError        **error);
/* The same in any of the four formats to @file, replaced only once
 * complete (a workbook needs a local file). */
gboolean    ic_impact_export           (IcImpact       *impact,
                                        IcTaxonomy     *taxonomy,
                                        IcExportFormat  format,
                                        GFile          *file,
                                        GCancellable   *cancellable,
                                        GError        **error);

/* A cluster's name, "No cluster" for "", else the id itself. */
const char *ic_impact_cluster_name     (IcTaxonomy     *taxonomy,
                                        const char     *cluster);
/* "1 Jan 2025 – 31 Mar 2025", and the cluster's name if there is one.
 * Returns: (transfer full) */
char       *ic_impact_describe_period  (IcImpact       *impact,
                                        IcTaxonomy     *taxonomy);

/* The charts, drawn in a @width × @height box from (0, 0) with cairo:
 * for the PDF report and the Impact page alike.  Text and bars take
 * @foreground and @accent (RGBA), so they follow the page's style. */
typedef struct
{
  double foreground[4];
  double accent[4];
} IcImpactColors;

void        ic_impact_draw_quarters    (cairo_t              *cr,
                                        IcImpact             *impact,
                                        double                width,
                                        double                height,
                                        const IcImpactColors *colors);
void        ic_impact_draw_funnel      (cairo_t              *cr,
                                        IcImpact             *impact,
                                        double                width,
                                        double                height,
                                        const IcImpactColors *colors);
void        ic_impact_draw_heatmap     (cairo_t              *cr,
                                        IcImpact             *impact,
                                        IcTaxonomy           *taxonomy,
                                        double                width,
                                        double                height,
                                        const IcImpactColors *colors);
/* The clusters on each side of the heat map, in its order.
 * Returns: (transfer full) */
GStrv       ic_impact_heatmap_clusters (IcImpact             *impact,
                                        gboolean              sme_side);
/* The heat map's count for one pair. */
guint       ic_impact_pair_count       (IcImpact             *impact,
                                        const char           *challenge_cluster,
                                        const char           *sme_cluster);

/* The labels of the funnel's steps, proposed … collaborating, declined. */
const char *ic_impact_funnel_label     (guint                 step);

G_END_DECLS
