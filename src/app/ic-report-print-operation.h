/* ic-report-print-operation.h — a shortlist report printed with the PDF's renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ic-shortlist-report.h"

G_BEGIN_DECLS

#define IC_TYPE_REPORT_PRINT_OPERATION (ic_report_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (IcReportPrintOperation, ic_report_print_operation, IC, REPORT_PRINT_OPERATION, GtkPrintOperation)

/* An operation that prints @report on A4 unless the person chooses
 * otherwise, page for page as the PDF export draws it.  Like the PDF
 * export, it leaves the entries' private notes and stages out unless
 * they are ticked on the print dialog's "Private Details" tab (it sets
 * @report's include choice). */
IcReportPrintOperation *ic_report_print_operation_new (IcShortlistReport *report);
/* Why the last Print Preview could not be shown, or NULL. */
const GError           *ic_report_print_operation_get_preview_error (IcReportPrintOperation *self);

G_END_DECLS
