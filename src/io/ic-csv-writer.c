/* ic-csv-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ic-csv-writer.h"

#define FLUSH_SIZE (64 * 1024)

struct _IcCsvWriter
{
  GObject           parent_instance;

  GOutputStream    *stream;
  IcCsvWriterFlags  flags;
  GString          *buffer;
  gboolean          row_started;
};

G_DEFINE_FINAL_TYPE (IcCsvWriter, ic_csv_writer, G_TYPE_OBJECT)

static void
ic_csv_writer_finalize (GObject *object)
{
  IcCsvWriter *self = IC_CSV_WRITER (object);

  g_clear_object (&self->stream);
  g_string_free (self->buffer, TRUE);

  G_OBJECT_CLASS (ic_csv_writer_parent_class)->finalize (object);
}

static void
ic_csv_writer_class_init (IcCsvWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_csv_writer_finalize;
}

static void
ic_csv_writer_init (IcCsvWriter *self)
{
  self->buffer = g_string_sized_new (FLUSH_SIZE + 4096);
}

IcCsvWriter *
ic_csv_writer_new (GOutputStream    *stream,
                   IcCsvWriterFlags  flags)
{
  IcCsvWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  self = g_object_new (IC_TYPE_CSV_WRITER, NULL);
  self->stream = g_object_ref (stream);
  self->flags = flags;
  if (flags & IC_CSV_WRITER_BOM)
    g_string_append (self->buffer, "\xef\xbb\xbf");
  return self;
}

gboolean
ic_csv_text_is_formula (const char *text)
{
  return text != NULL && text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

const char *
ic_csv_text_unneutralise (const char *text)
{
  if (text != NULL && text[0] == '\'' && ic_csv_text_is_formula (text + 1))
    return text + 1;
  return text;
}

static gboolean
needs_quotes (const char *text,
              gsize       length)
{
  if (length == 0)
    return FALSE;
  if (text[0] == ' ' || text[length - 1] == ' ' || text[0] == '\t' || text[length - 1] == '\t')
    return TRUE;
  for (gsize i = 0; i < length; i++)
    if (text[i] == ',' || text[i] == '"' || text[i] == '\n' || text[i] == '\r' || text[i] == ';')
      return TRUE;
  return FALSE;
}

static void
add_cell (IcCsvWriter *self,
          const char  *prefix,
          const char  *text)
{
  gsize length = text ? strlen (text) : 0;

  if (self->row_started)
    g_string_append_c (self->buffer, ',');
  self->row_started = TRUE;

  if (prefix == NULL && !needs_quotes (text, length))
    {
      g_string_append_len (self->buffer, text, length);
      return;
    }

  g_string_append_c (self->buffer, '"');
  if (prefix != NULL)
    g_string_append (self->buffer, prefix);
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (self->buffer, '"');
      g_string_append_c (self->buffer, *p);
    }
  g_string_append_c (self->buffer, '"');
}

void
ic_csv_writer_add_text (IcCsvWriter *self,
                        const char  *text)
{
  g_return_if_fail (IC_IS_CSV_WRITER (self));

  add_cell (self, ic_csv_text_is_formula (text) ? "'" : NULL, text);
}

void
ic_csv_writer_add_raw (IcCsvWriter *self,
                       const char  *text)
{
  g_return_if_fail (IC_IS_CSV_WRITER (self));

  add_cell (self, NULL, text);
}

void
ic_csv_writer_add_int (IcCsvWriter *self,
                       gint64       value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  ic_csv_writer_add_raw (self, text);
}

void
ic_csv_writer_add_double (IcCsvWriter *self,
                          double       value,
                          guint        digits)
{
  char format[16];
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (format, sizeof format, "%%.%uf", MIN (digits, 17u));
  g_ascii_formatd (text, sizeof text, format, value);
  ic_csv_writer_add_raw (self, text);
}

static gboolean
flush (IcCsvWriter   *self,
       GCancellable  *cancellable,
       GError       **error)
{
  gboolean ok;

  if (self->buffer->len == 0)
    return TRUE;
  ok = g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len,
                                  NULL, cancellable, error);
  g_string_truncate (self->buffer, 0);
  return ok;
}

gboolean
ic_csv_writer_end_row (IcCsvWriter   *self,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (IC_IS_CSV_WRITER (self), FALSE);

  g_string_append (self->buffer, (self->flags & IC_CSV_WRITER_LF) ? "\n" : "\r\n");
  self->row_started = FALSE;
  if (self->buffer->len >= FLUSH_SIZE)
    return flush (self, cancellable, error);
  return TRUE;
}

gboolean
ic_csv_writer_write_row (IcCsvWriter        *self,
                         const char * const *texts,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_return_val_if_fail (IC_IS_CSV_WRITER (self), FALSE);

  for (guint i = 0; texts[i] != NULL; i++)
    ic_csv_writer_add_text (self, texts[i]);
  return ic_csv_writer_end_row (self, cancellable, error);
}

gboolean
ic_csv_writer_flush (IcCsvWriter   *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (IC_IS_CSV_WRITER (self), FALSE);

  return flush (self, cancellable, error);
}

gboolean
ic_csv_writer_close (IcCsvWriter   *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (IC_IS_CSV_WRITER (self), FALSE);

  if (!flush (self, cancellable, error))
    return FALSE;
  return g_output_stream_close (self->stream, cancellable, error);
}
