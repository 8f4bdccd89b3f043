/* ic-export-pdf.c — the start and the end every PDF export shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shortlist report and the workshop agenda draw their own pages;
 * making the surface on a stream and finishing it, with what a cancel
 * or a failed write means, is the same for both.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "ic-export-private.h"
#include "ic-io-error.h"

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  if (!g_output_stream_write_all (closure, data, length, NULL, NULL, NULL))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

cairo_t *
ic_export_pdf_begin (GOutputStream *stream,
                     const char    *title,
                     double         width,
                     double         height)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  surface = cairo_pdf_surface_create_for_stream (write_to_stream, stream, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title != NULL ? title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Interchange");
  cr = cairo_create (surface);
  /* The context keeps the surface alive until ic_export_pdf_finish(). */
  cairo_surface_destroy (surface);
  return cr;
}

gboolean
ic_export_pdf_finish (cairo_t       *cr,
                      GCancellable  *cancellable,
                      GError       **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (cr != NULL, FALSE);

  surface = cairo_surface_reference (cairo_get_target (cr));
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_WRITE, _("Cannot write the PDF: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
