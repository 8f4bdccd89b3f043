/* fuzz-csv-reader.c — libFuzzer target: the CSV reader on any bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every row is read to the end of the input, with the delimiter guessed
 * and with each one the reader knows; a failure must be a GError.
 */

#include "config.h"

#include <gio/gio.h>

#include "ic-csv-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
read_all (const guint8 *data,
          size_t        size,
          char          delimiter)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(IcCsvReader) reader = ic_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;
  guint rows = 0;

  ic_csv_reader_set_delimiter (reader, delimiter);
  while (rows < 100000)
    {
      if (!ic_csv_reader_read_row (reader, NULL, &error))
        {
          if (error == NULL)
            break;
          g_assert (error->message != NULL);
          g_clear_error (&error);
          continue;
        }
      rows++;
      for (guint i = 0; i < ic_csv_reader_get_n_fields (reader); i++)
        g_assert (ic_csv_reader_get_fields (reader)[i] != NULL);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char delimiters[] = { '\0', ',', ';', '\t' };

  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    read_all (data, size, delimiters[i]);
  return 0;
}
