/* ic-csv-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ic-csv-reader.h"
#include "ic-io-error.h"

#define CHUNK_SIZE (64 * 1024)

/* What next_byte() gives besides a byte. */
#define END_OF_STREAM (-1)
#define READ_FAILED   (-2)

struct _IcCsvReader
{
  GObject       parent_instance;

  GInputStream *stream;
  guint8       *buf;
  gsize         pos;
  gsize         len;
  guint64       consumed;        /* bytes before buf[0] */
  gboolean      eof;
  gboolean      started;
  gboolean      had_bom;
  char          delimiter;

  gsize         max_field_size;
  guint         max_fields;
  gsize         max_row_size;
  GStrv         column_names;

  /* The current row: its fields' bytes, each ended by a NUL, in @row;
   * where each begins in @starts; pointers to them in @fields. */
  GString      *row;
  GArray       *starts;
  GPtrArray    *fields;
  guint         row_number;
  guint         line;            /* the line the reader is on */
  guint         row_line;        /* the line the current row began on */
};

G_DEFINE_FINAL_TYPE (IcCsvReader, ic_csv_reader, G_TYPE_OBJECT)

static void
ic_csv_reader_finalize (GObject *object)
{
  IcCsvReader *self = IC_CSV_READER (object);

  g_clear_object (&self->stream);
  g_free (self->buf);
  g_strfreev (self->column_names);
  g_string_free (self->row, TRUE);
  g_array_unref (self->starts);
  g_ptr_array_unref (self->fields);

  G_OBJECT_CLASS (ic_csv_reader_parent_class)->finalize (object);
}

static void
ic_csv_reader_class_init (IcCsvReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_csv_reader_finalize;
}

static void
ic_csv_reader_init (IcCsvReader *self)
{
  self->buf = g_malloc (CHUNK_SIZE);
  self->max_field_size = IC_CSV_DEFAULT_MAX_FIELD_SIZE;
  self->max_fields = IC_CSV_DEFAULT_MAX_FIELDS;
  self->max_row_size = IC_CSV_DEFAULT_MAX_ROW_SIZE;
  self->row = g_string_sized_new (1024);
  self->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->fields = g_ptr_array_new ();
  self->line = 1;
}

IcCsvReader *
ic_csv_reader_new (GInputStream *stream)
{
  IcCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_object_new (IC_TYPE_CSV_READER, NULL);
  self->stream = g_object_ref (stream);
  return self;
}

void
ic_csv_reader_set_delimiter (IcCsvReader *self,
                             char         delimiter)
{
  g_return_if_fail (IC_IS_CSV_READER (self));
  g_return_if_fail (delimiter == '\0' || delimiter == ',' || delimiter == ';' || delimiter == '\t');

  self->delimiter = delimiter;
}

char
ic_csv_reader_get_delimiter (IcCsvReader *self)
{
  g_return_val_if_fail (IC_IS_CSV_READER (self), '\0');
  return self->delimiter;
}

void
ic_csv_reader_set_limits (IcCsvReader *self,
                          gsize        max_field_size,
                          guint        max_fields,
                          gsize        max_row_size)
{
  g_return_if_fail (IC_IS_CSV_READER (self));

  if (max_field_size > 0)
    self->max_field_size = max_field_size;
  if (max_fields > 0)
    self->max_fields = max_fields;
  if (max_row_size > 0)
    self->max_row_size = max_row_size;
}

void
ic_csv_reader_set_column_names (IcCsvReader        *self,
                                const char * const *names)
{
  g_return_if_fail (IC_IS_CSV_READER (self));

  g_strfreev (self->column_names);
  self->column_names = g_strdupv ((char **) names);
}

/* "column Title", or "column 3" when the column has no name. */
static char *
describe_column (IcCsvReader *self,
                 guint        index)
{
  if (self->column_names != NULL && index < g_strv_length (self->column_names) &&
      self->column_names[index][0] != '\0')
    return g_strdup_printf (_("column %s"), self->column_names[index]);
  return g_strdup_printf (_("column %u"), index + 1);
}

static gboolean
fill (IcCsvReader   *self,
      GCancellable  *cancellable,
      GError       **error)
{
  gssize n;

  if (self->eof)
    return TRUE;

  /* Keep what is not consumed yet at the front. */
  if (self->pos > 0)
    {
      memmove (self->buf, self->buf + self->pos, self->len - self->pos);
      self->consumed += self->pos;
      self->len -= self->pos;
      self->pos = 0;
    }

  n = g_input_stream_read (self->stream, self->buf + self->len, CHUNK_SIZE - self->len,
                           cancellable, error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    self->eof = TRUE;
  self->len += n;
  return TRUE;
}

static inline int
next_byte (IcCsvReader   *self,
           GCancellable  *cancellable,
           GError       **error)
{
  if (G_UNLIKELY (self->pos >= self->len))
    {
      if (!fill (self, cancellable, error))
        return READ_FAILED;
      if (self->pos >= self->len)
        return END_OF_STREAM;
    }
  return self->buf[self->pos++];
}

static inline int
peek_byte (IcCsvReader   *self,
           GCancellable  *cancellable,
           GError       **error)
{
  int c = next_byte (self, cancellable, error);

  if (c >= 0)
    self->pos--;
  return c;
}

/* Fills the buffer until it holds the whole first line, or is full. */
static gboolean
fill_first_line (IcCsvReader   *self,
                 GCancellable  *cancellable,
                 GError       **error)
{
  while (!self->eof && self->len < CHUNK_SIZE &&
         memchr (self->buf, '\n', self->len) == NULL &&
         memchr (self->buf, '\r', self->len) == NULL)
    {
      if (!fill (self, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/* The delimiter that occurs most often outside quotes in the first row;
 * a comma when there is none. */
static char
detect_delimiter (const guint8 *data,
                  gsize         length)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  char best = ',';
  guint best_count = 0;

  for (gsize i = 0; i < length; i++)
    {
      guint8 c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (c == (guint8) candidates[k])
            counts[k]++;
    }

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > best_count)
      {
        best = candidates[k];
        best_count = counts[k];
      }
  return best;
}

static gboolean
start (IcCsvReader   *self,
       GCancellable  *cancellable,
       GError       **error)
{
  self->started = TRUE;
  if (!fill_first_line (self, cancellable, error))
    return FALSE;

  if (self->len >= 3 && memcmp (self->buf, "\xef\xbb\xbf", 3) == 0)
    {
      self->had_bom = TRUE;
      self->pos = 3;
    }
  else if (self->len >= 2 && (memcmp (self->buf, "\xff\xfe", 2) == 0 ||
                              memcmp (self->buf, "\xfe\xff", 2) == 0))
    {
      g_set_error_literal (error, IC_IO_ERROR, IC_IO_ERROR_ENCODING,
                           _("The file is in UTF-16; save it as “CSV UTF-8” and try again"));
      return FALSE;
    }

  if (self->delimiter == '\0')
    self->delimiter = detect_delimiter (self->buf + self->pos, self->len - self->pos);
  return TRUE;
}

static gboolean
too_large (IcCsvReader  *self,
           GError      **error)
{
  guint column = self->starts->len;
  gsize field_size = self->row->len - g_array_index (self->starts, gsize, column - 1);
  g_autofree char *where = describe_column (self, column - 1);

  if (field_size > self->max_field_size)
    g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_TOO_LARGE,
                 _("row %u, %s: the field is longer than %" G_GSIZE_FORMAT " bytes, "
                   "the most one field may hold; if it should not be, look for a quote "
                   "that is never closed in the row that starts on line %u"),
                 self->row_number, where, self->max_field_size, self->row_line);
  else
    g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_TOO_LARGE,
                 _("row %u is longer than %" G_GSIZE_FORMAT " bytes, the most one row "
                   "may hold"),
                 self->row_number, self->max_row_size);
  return FALSE;
}

static gboolean
begin_field (IcCsvReader  *self,
             GError      **error)
{
  gsize offset = self->row->len;

  if (self->starts->len >= self->max_fields)
    {
      g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_TOO_LARGE,
                   _("row %u has more than %u fields, the most one row may have"),
                   self->row_number, self->max_fields);
      return FALSE;
    }
  g_array_append_val (self->starts, offset);
  return TRUE;
}

static inline void
end_field (IcCsvReader *self)
{
  g_string_append_c (self->row, '\0');
}

/* Checks the fields of the finished row and points @fields at them. */
static gboolean
finish_row (IcCsvReader  *self,
            GError      **error)
{
  g_ptr_array_set_size (self->fields, 0);
  for (guint i = 0; i < self->starts->len; i++)
    {
      const char *field = self->row->str + g_array_index (self->starts, gsize, i);
      gsize length = (i + 1 < self->starts->len
                      ? g_array_index (self->starts, gsize, i + 1) - 1
                      : self->row->len - 1) - g_array_index (self->starts, gsize, i);
      const char *end;

      if (!g_utf8_validate_len (field, length, &end))
        {
          g_autofree char *where = describe_column (self, i);

          g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_ENCODING,
                       *end == '\0' && (gsize) (end - field) < length
                       ? _("row %u, %s: the field holds a NUL byte; is the file really text?")
                       : _("row %u, %s: the text is not valid UTF-8; save the file as "
                           "“CSV UTF-8” and try again"),
                       self->row_number, where);
          g_ptr_array_set_size (self->fields, 0);
          return FALSE;
        }
      g_ptr_array_add (self->fields, (gpointer) field);
    }
  g_ptr_array_add (self->fields, NULL);
  return TRUE;
}

/* Appends a run of ordinary bytes of an unquoted field at once. */
static inline void
append_plain_run (IcCsvReader *self)
{
  gsize i = self->pos;
  char d = self->delimiter;

  while (i < self->len)
    {
      guint8 c = self->buf[i];
      if (c == (guint8) d || c == '\n' || c == '\r' || c == '"')
        break;
      i++;
    }
  g_string_append_len (self->row, (const char *) self->buf + self->pos, i - self->pos);
  self->pos = i;
}

typedef enum
{
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_IN_QUOTED,
} State;

gboolean
ic_csv_reader_read_row (IcCsvReader   *self,
                        GCancellable  *cancellable,
                        GError       **error)
{
  State state = STATE_FIELD_START;
  gboolean blank = TRUE;

  g_return_val_if_fail (IC_IS_CSV_READER (self), FALSE);

  if (!self->started && !start (self, cancellable, error))
    return FALSE;

again:
  g_string_truncate (self->row, 0);
  g_array_set_size (self->starts, 0);
  g_ptr_array_set_size (self->fields, 0);
  self->row_line = self->line;
  state = STATE_FIELD_START;
  blank = TRUE;

  if (peek_byte (self, cancellable, error) == READ_FAILED)
    return FALSE;
  if (self->pos >= self->len)
    return FALSE;   /* the end: no row */

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  self->row_number++;
  if (!begin_field (self, error))
    return FALSE;

  for (;;)
    {
      int c;

      if (state == STATE_UNQUOTED)
        append_plain_run (self);

      c = next_byte (self, cancellable, error);
      if (c == READ_FAILED)
        return FALSE;

      if (G_UNLIKELY (self->row->len - g_array_index (self->starts, gsize, self->starts->len - 1)
                      > self->max_field_size || self->row->len > self->max_row_size))
        return too_large (self, error);

      if (state == STATE_QUOTED)
        {
          if (c == END_OF_STREAM)
            {
              g_autofree char *where = describe_column (self, self->starts->len - 1);

              g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_UNTERMINATED,
                           _("row %u, %s: the quoted field that starts on line %u is "
                             "never closed; add the missing quote (\")"),
                           self->row_number, where, self->row_line);
              return FALSE;
            }
          if (c == '"')
            state = STATE_QUOTE_IN_QUOTED;
          else
            {
              if (c == '\n')
                self->line++;
              else if (c == '\r' && peek_byte (self, cancellable, NULL) != '\n')
                self->line++;
              g_string_append_c (self->row, (char) c);
            }
          continue;
        }

      if (state == STATE_QUOTE_IN_QUOTED && c == '"')
        {
          g_string_append_c (self->row, '"');
          state = STATE_QUOTED;
          continue;
        }

      if (c == END_OF_STREAM || c == '\n' || c == '\r')
        {
          if (c == '\r' && peek_byte (self, cancellable, error) == '\n')
            self->pos++;
          if (c != END_OF_STREAM)
            self->line++;
          end_field (self);

          if (blank && self->starts->len == 1 && self->row->len == 1)
            {
              /* A blank line: counted, not returned. */
              if (c == END_OF_STREAM)
                return FALSE;
              goto again;
            }
          return finish_row (self, error);
        }

      blank = FALSE;
      if (c == (guint8) self->delimiter)
        {
          end_field (self);
          if (!begin_field (self, error))
            return FALSE;
          state = STATE_FIELD_START;
        }
      else if (c == '"' && state == STATE_FIELD_START)
        state = STATE_QUOTED;
      else
        {
          /* Ordinary text, a stray quote in an unquoted field, or text
           * after a closing quote: all kept as they are. */
          g_string_append_c (self->row, (char) c);
          state = STATE_UNQUOTED;
        }
    }
}

const char * const *
ic_csv_reader_get_fields (IcCsvReader *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (IC_IS_CSV_READER (self), NULL);

  if (self->fields->len == 0)
    return none;
  return (const char * const *) self->fields->pdata;
}

guint
ic_csv_reader_get_n_fields (IcCsvReader *self)
{
  g_return_val_if_fail (IC_IS_CSV_READER (self), 0);
  return self->fields->len > 0 ? self->fields->len - 1 : 0;
}

guint
ic_csv_reader_get_row_number (IcCsvReader *self)
{
  g_return_val_if_fail (IC_IS_CSV_READER (self), 0);
  return self->row_number;
}

guint
ic_csv_reader_get_line_number (IcCsvReader *self)
{
  g_return_val_if_fail (IC_IS_CSV_READER (self), 0);
  return self->row_line;
}

guint64
ic_csv_reader_get_bytes_read (IcCsvReader *self)
{
  g_return_val_if_fail (IC_IS_CSV_READER (self), 0);
  return self->consumed + self->pos;
}

gboolean
ic_csv_reader_get_had_bom (IcCsvReader *self)
{
  g_return_val_if_fail (IC_IS_CSV_READER (self), FALSE);
  return self->had_bom;
}
