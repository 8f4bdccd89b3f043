/* ic-import-preview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-csv-reader.h"
#include "ic-import-mapping.h"
#include "ic-import-preview.h"
#include "ic-io-error.h"

struct _IcImportPreview
{
  GObject    parent_instance;

  GStrv      header;
  GPtrArray *rows;          /* of GStrv */
  GArray    *row_numbers;   /* of guint */
  gboolean   truncated;
};

G_DEFINE_FINAL_TYPE (IcImportPreview, ic_import_preview, G_TYPE_OBJECT)

static void
ic_import_preview_finalize (GObject *object)
{
  IcImportPreview *self = IC_IMPORT_PREVIEW (object);

  g_strfreev (self->header);
  g_ptr_array_unref (self->rows);
  g_array_unref (self->row_numbers);

  G_OBJECT_CLASS (ic_import_preview_parent_class)->finalize (object);
}

static void
ic_import_preview_class_init (IcImportPreviewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_import_preview_finalize;
}

static void
ic_import_preview_init (IcImportPreview *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->row_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
}

IcImportPreview *
ic_import_preview_read (GInputStream  *stream,
                        guint          max_rows,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(IcImportPreview) self = NULL;
  g_autoptr(IcCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  reader = ic_csv_reader_new (stream);
  if (!ic_csv_reader_read_row (reader, cancellable, &local_error))
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, IC_IO_ERROR, IC_IO_ERROR_EMPTY,
                             _("The file is empty; its first row should name the columns"));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  self = g_object_new (IC_TYPE_IMPORT_PREVIEW, NULL);
  self->header = g_strdupv ((char **) ic_csv_reader_get_fields (reader));
  ic_csv_reader_set_column_names (reader, (const char * const *) self->header);

  while (self->rows->len <= max_rows)
    {
      guint row_number;

      if (!ic_csv_reader_read_row (reader, cancellable, &local_error))
        {
          if (local_error == NULL)
            break;
          if (!g_error_matches (local_error, IC_IO_ERROR, IC_IO_ERROR_ENCODING))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          g_clear_error (&local_error);
          continue;
        }
      /* One row past the last shown says there are more. */
      if (self->rows->len == max_rows)
        {
          self->truncated = TRUE;
          break;
        }
      row_number = ic_csv_reader_get_row_number (reader);
      g_ptr_array_add (self->rows, g_strdupv ((char **) ic_csv_reader_get_fields (reader)));
      g_array_append_val (self->row_numbers, row_number);
    }
  return g_steal_pointer (&self);
}

typedef struct
{
  GFile *file;
  guint  max_rows;
} ReadData;

static void
read_data_free (gpointer data)
{
  ReadData *read = data;

  g_object_unref (read->file);
  g_free (read);
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReadData *read = task_data;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  IcImportPreview *preview;

  stream = g_file_read (read->file, cancellable, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  preview = ic_import_preview_read (G_INPUT_STREAM (stream), read->max_rows, cancellable, &error);
  if (preview == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, preview, g_object_unref);
}

void
ic_import_preview_read_async (GFile               *file,
                              guint                max_rows,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadData *read;

  g_return_if_fail (G_IS_FILE (file));

  read = g_new0 (ReadData, 1);
  read->file = g_object_ref (file);
  read->max_rows = max_rows;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ic_import_preview_read_async);
  g_task_set_task_data (task, read, read_data_free);
  g_task_run_in_thread (task, read_in_thread);
}

IcImportPreview *
ic_import_preview_read_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

const char * const *
ic_import_preview_get_header (IcImportPreview *self)
{
  g_return_val_if_fail (IC_IS_IMPORT_PREVIEW (self), NULL);
  return (const char * const *) self->header;
}

guint
ic_import_preview_get_n_columns (IcImportPreview *self)
{
  g_return_val_if_fail (IC_IS_IMPORT_PREVIEW (self), 0);
  return g_strv_length (self->header);
}

guint
ic_import_preview_get_n_rows (IcImportPreview *self)
{
  g_return_val_if_fail (IC_IS_IMPORT_PREVIEW (self), 0);
  return self->rows->len;
}

const char * const *
ic_import_preview_get_row (IcImportPreview *self,
                           guint            index,
                           guint           *row_number)
{
  g_return_val_if_fail (IC_IS_IMPORT_PREVIEW (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  if (row_number != NULL)
    *row_number = g_array_index (self->row_numbers, guint, index);
  return g_ptr_array_index (self->rows, index);
}

gboolean
ic_import_preview_get_truncated (IcImportPreview *self)
{
  g_return_val_if_fail (IC_IS_IMPORT_PREVIEW (self), FALSE);
  return self->truncated;
}

gboolean
ic_import_preview_guess_kind (IcImportPreview *self,
                              IcRecordKind    *kind)
{
  g_return_val_if_fail (IC_IS_IMPORT_PREVIEW (self), FALSE);
  return ic_import_mapping_guess_kind ((const char * const *) self->header, kind);
}
