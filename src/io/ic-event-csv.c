/* ic-event-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-csv-reader.h"
#include "ic-event-csv.h"
#include "ic-io-error.h"
#include "ic-organisation.h"

gboolean
ic_event_csv_parse_slots (const char  *text,
                          guint        n_slots,
                          GArray      *slots,
                          char       **message)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      g_auto(GStrv) ends = NULL;
      guint64 from, to;

      if (part[0] == '\0')
        continue;
      ends = g_strsplit (part, "-", 2);
      if (n_slots == 0 ||
          !g_ascii_string_to_unsigned (g_strstrip (ends[0]), 10, 1, n_slots, &from, NULL) ||
          !g_ascii_string_to_unsigned (g_strstrip (ends[1] != NULL ? ends[1] : ends[0]), 10,
                                       from, n_slots, &to, NULL))
        {
          *message = g_strdup_printf (_("“%s” is not a slot number or range between 1 and %u"),
                                      part, n_slots);
          return FALSE;
        }
      for (guint64 s = from; s <= to; s++)
        {
          guint32 slot = (guint32) s - 1;

          g_array_append_val (slots, slot);
        }
    }
  return TRUE;
}

static char *
name_key (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  g_autofree char *folded = g_utf8_casefold (stripped, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
}

enum { COL_ORGANISATION, COL_MAX_MEETINGS, COL_AVAILABLE, N_COLUMNS };

static const char * const column_names[N_COLUMNS] = { "organisation", "max_meetings", "available" };

static int
column_of (const char *header)
{
  g_autofree char *key = name_key (header);

  g_strdelimit (key, " -", '_');
  if (g_str_equal (key, "organization"))
    return COL_ORGANISATION;
  for (int c = 0; c < N_COLUMNS; c++)
    if (g_str_equal (key, column_names[c]))
      return c;
  return -1;
}

static gboolean
row_error (GError     **error,
           guint        row,
           int          column,
           const char  *message)
{
  /* Translators: "Row 4, column organisation: no organisation is called “Acme”" */
  g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_ROW, _("Row %u, column %s: %s"), row, column_names[column],
               message);
  return FALSE;
}

/* The participant row @fields describes, or NULL with @error. */
static IcEventParticipant *
read_participant (const char * const *fields,
                  guint               n_fields,
                  const int          *where,
                  guint               row,
                  guint               n_slots,
                  GHashTable         *by_id,
                  GHashTable         *by_name,
                  GHashTable         *seen,
                  GError            **error)
{
  const char *cell[N_COLUMNS] = { NULL, NULL, NULL };
  g_autofree char *key = NULL;
  g_autoptr(IcEventParticipant) participant = NULL;
  IcRecord *organisation;
  const char *id;

  for (int c = 0; c < N_COLUMNS; c++)
    cell[c] = where[c] >= 0 && (guint) where[c] < n_fields ? fields[where[c]] : "";

  key = name_key (cell[COL_ORGANISATION]);
  if (key[0] == '\0')
    {
      row_error (error, row, COL_ORGANISATION, _("no organisation is named"));
      return NULL;
    }
  {
    g_autofree char *typed = g_strstrip (g_strdup (cell[COL_ORGANISATION]));

    organisation = g_hash_table_lookup (by_id, typed);
  }
  if (organisation == NULL)
    {
      if (g_hash_table_contains (by_name, key) && g_hash_table_lookup (by_name, key) == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("more than one organisation is called “%s”: "
                                                        "give its id instead"), cell[COL_ORGANISATION]);

          row_error (error, row, COL_ORGANISATION, message);
          return NULL;
        }
      organisation = g_hash_table_lookup (by_name, key);
    }
  if (organisation == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("no organisation is called “%s”"),
                                                  cell[COL_ORGANISATION]);

      row_error (error, row, COL_ORGANISATION, message);
      return NULL;
    }
  id = ic_record_get_id (organisation);
  if (g_hash_table_contains (seen, id))
    {
      g_autofree char *message = g_strdup_printf (_("%s is listed already, in row %u"),
                                                  ic_record_get_title (organisation),
                                                  GPOINTER_TO_UINT (g_hash_table_lookup (seen, id)));

      row_error (error, row, COL_ORGANISATION, message);
      return NULL;
    }
  participant = ic_event_participant_new (id);

  {
    g_autofree char *text = g_strstrip (g_strdup (cell[COL_MAX_MEETINGS]));
    guint64 value;

    if (text[0] != '\0')
      {
        if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT, &value, NULL))
          {
            g_autofree char *message = g_strdup_printf (_("“%s” is not a whole number from 1"), text);

            row_error (error, row, COL_MAX_MEETINGS, message);
            return NULL;
          }
        ic_event_participant_set_max_meetings (participant, (int) value);
      }
  }
  {
    g_autofree char *text = g_strstrip (g_strdup (cell[COL_AVAILABLE]));
    g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (guint32));
    g_autofree char *message = NULL;

    if (text[0] != '\0')
      {
        if (!ic_event_csv_parse_slots (text, n_slots, slots, &message))
          {
            row_error (error, row, COL_AVAILABLE, message);
            return NULL;
          }
        ic_event_participant_set_available (participant, (const guint32 *) slots->data, slots->len);
      }
  }
  g_hash_table_insert (seen, g_strdup (id), GUINT_TO_POINTER (row));
  return g_steal_pointer (&participant);
}

GPtrArray *
ic_event_csv_read_participants (GInputStream  *stream,
                                guint          n_slots,
                                GPtrArray     *organisations,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(IcCsvReader) reader = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) participants = g_ptr_array_new_with_free_func (g_object_unref);
  int where[N_COLUMNS] = { -1, -1, -1 };
  const char * const *fields;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (organisations != NULL, NULL);

  for (guint i = 0; i < organisations->len; i++)
    {
      IcRecord *organisation = g_ptr_array_index (organisations, i);
      char *key = name_key (ic_record_get_title (organisation));

      g_hash_table_insert (by_id, (gpointer) ic_record_get_id (organisation), organisation);
      /* Two organisations of one name: that name names neither. */
      if (g_hash_table_contains (by_name, key))
        g_hash_table_insert (by_name, key, NULL);
      else
        g_hash_table_insert (by_name, key, organisation);
    }

  reader = ic_csv_reader_new (stream);
  if (!ic_csv_reader_read_row (reader, cancellable, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_EMPTY, _("The file is empty: it needs a header row"));
      return NULL;
    }
  fields = ic_csv_reader_get_fields (reader);
  ic_csv_reader_set_column_names (reader, fields);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      int c = column_of (fields[i]);

      if (c >= 0 && where[c] < 0)
        where[c] = (int) i;
    }
  if (where[COL_ORGANISATION] < 0)
    {
      g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_HEADER,
                   _("Row 1 has no “organisation” column: name the columns organisation, "
                     "max_meetings and available"));
      return NULL;
    }

  for (;;)
    {
      GError *read_error = NULL;
      IcEventParticipant *participant;
      guint n;
      gboolean blank = TRUE;

      if (!ic_csv_reader_read_row (reader, cancellable, &read_error))
        {
          if (read_error == NULL)
            break;
          g_propagate_error (error, read_error);
          return NULL;
        }
      fields = ic_csv_reader_get_fields (reader);
      n = ic_csv_reader_get_n_fields (reader);
      for (guint i = 0; i < n && blank; i++)
        {
          g_autofree char *text = g_strstrip (g_strdup (fields[i]));

          blank = text[0] == '\0';
        }
      if (blank)
        continue;
      participant = read_participant (fields, n, where, ic_csv_reader_get_row_number (reader), n_slots,
                                      by_id, by_name, seen, error);
      if (participant == NULL)
        return NULL;
      g_ptr_array_add (participants, participant);
    }
  return g_steal_pointer (&participants);
}

guint
ic_event_csv_add_participants (IcEvent   *event,
                               GPtrArray *participants)
{
  guint added = 0;

  g_return_val_if_fail (IC_IS_EVENT (event), 0);

  for (guint i = 0; i < participants->len; i++)
    {
      IcEventParticipant *participant = g_ptr_array_index (participants, i);

      if (ic_event_find_participant (event, ic_event_participant_get_organisation_id (participant)) >= 0)
        continue;
      g_list_store_append (ic_event_get_participants (event), participant);
      added++;
    }
  return added;
}
