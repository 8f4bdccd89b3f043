/* ic-feed-gzip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-feed-error.h"
#include "ic-feed-gzip.h"

#define CHUNK_BYTES (64 * 1024)

/* Runs @converter over the whole of @input. */
static GBytes *
convert (GConverter  *converter,
         GBytes      *input,
         gsize        max_output,
         GError     **error)
{
  g_autoptr(GByteArray) out = g_byte_array_sized_new (MIN (g_bytes_get_size (input), max_output) / 2 + 64);
  g_autofree guint8 *buffer = g_malloc (CHUNK_BYTES);
  gsize length;
  const guint8 *data = g_bytes_get_data (input, &length);
  gsize position = 0;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gsize read = 0, written = 0;
      GConverterResult result;

      result = g_converter_convert (converter, data + position, length - position, buffer, CHUNK_BYTES,
                                    G_CONVERTER_INPUT_AT_END, &read, &written, &local_error);
      if (result == G_CONVERTER_ERROR)
        {
          g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL,
                       _("The gzip data is not valid: %s"), local_error->message);
          return NULL;
        }
      position += read;
      if (out->len + written > max_output)
        {
          g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_TOO_LARGE,
                       _("The gzip data inflates to more than %" G_GSIZE_FORMAT " bytes"), max_output);
          return NULL;
        }
      g_byte_array_append (out, buffer, written);
      if (result == G_CONVERTER_FINISHED)
        break;
      if (read == 0 && written == 0)
        {
          g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL, _("The gzip data is cut off"));
          return NULL;
        }
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* On pages of records level 4 makes answers a tenth larger than level 6
 * (21 % of the JSON against 19 % in test-feed-gzip) at 1.5 times its
 * speed, and the server compresses every page of every pull on the
 * cores that the laptops' syncs wait for.  Level 3 came too close to a
 * quarter of the JSON. */
#define COMPRESSION_LEVEL 4

GBytes *
ic_feed_gzip_compress (GBytes *input)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP,
                                                                 COMPRESSION_LEVEL);
  GBytes *output = convert (G_CONVERTER (compressor), input, G_MAXSIZE, NULL);

  /* Compressing memory into memory cannot fail. */
  g_assert (output != NULL);
  return output;
}

GBytes *
ic_feed_gzip_decompress (GBytes  *input,
                         gsize    max_output,
                         GError **error)
{
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);

  return convert (G_CONVERTER (decompressor), input, max_output, error);
}

gboolean
ic_feed_gzip_accepted (const char *value)
{
  g_auto(GStrv) codings = NULL;

  if (value == NULL)
    return FALSE;
  codings = g_strsplit (value, ",", 32);
  for (guint i = 0; codings[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (codings[i], ";", 4);
      const char *name;

      /* An empty item (",gzip", "gzip,,br") splits into no parts. */
      if (parts[0] == NULL)
        continue;
      name = g_strstrip (parts[0]);
      if (g_ascii_strcasecmp (name, "gzip") != 0 && g_ascii_strcasecmp (name, "x-gzip") != 0)
        continue;
      for (guint j = 1; parts[j] != NULL; j++)
        {
          const char *parameter = g_strstrip (parts[j]);

          if (g_ascii_strncasecmp (parameter, "q=", 2) == 0 && g_ascii_strtod (parameter + 2, NULL) <= 0)
            return FALSE;
        }
      return TRUE;
    }
  return FALSE;
}
