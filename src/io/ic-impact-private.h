/* ic-impact-private.h — what the impact report's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ic-impact-report.h"

G_BEGIN_DECLS

/* The workbook (ic-impact-xlsx.c), at @path. */
gboolean ic_impact_write_xlsx (IcImpact      *impact,
                               IcTaxonomy    *taxonomy,
                               const char    *path,
                               GError       **error);
/* The one-page PDF report (ic-impact-pdf.c), to @stream. */
gboolean ic_impact_write_pdf  (IcImpact      *impact,
                               IcTaxonomy    *taxonomy,
                               GOutputStream *stream,
                               GCancellable  *cancellable,
                               GError       **error);

G_END_DECLS
