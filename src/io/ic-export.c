/* ic-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ic-csv-writer.h"
#include "ic-export.h"
#include "ic-export-private.h"
#include "ic-io-error.h"
#include "ic-model-types.h"
#include "ic-organisation.h"
#include "ic-record-json.h"

/* The columns of each kind's CSV, in order.  "organisation" is the
 * name of the record's organisation, beside its id for people. */
static const char * const organisation_columns[] = {
  "id", "name", "kind", "cluster", "local_authority", "employees", "website", "notes",
  "contact", "email", "phone", "postcode", "visibility", "rev", "updated_at", "author", NULL
};
static const char * const challenge_columns[] = {
  "id", "organisation_id", "organisation", "title", "description", "cluster", "tags",
  "trl_min", "trl_max", "budget_min", "budget_max", "deadline", "local_authority", "status",
  "contact", "visibility", "rev", "updated_at", "author", NULL
};
static const char * const capability_columns[] = {
  "id", "organisation_id", "organisation", "title", "description", "cluster", "tags", "trl",
  "employees", "local_authority", "certifications", "contact", "visibility", "rev",
  "updated_at", "author", NULL
};

static const char * const *
columns_for (IcRecordKind kind)
{
  switch (kind)
    {
    case IC_RECORD_KIND_ORGANISATION:
      return organisation_columns;
    case IC_RECORD_KIND_CHALLENGE:
      return challenge_columns;
    case IC_RECORD_KIND_CAPABILITY:
      return capability_columns;
    case IC_RECORD_KIND_FORESIGHT:
    case IC_RECORD_KIND_SHORTLIST:
    default:
      return NULL;
    }
}

gboolean
ic_export_format_from_string (const char     *name,
                              IcExportFormat *format)
{
  static const char * const names[] = { "csv", "json", "xlsx", "pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

const char *
ic_export_format_to_string (IcExportFormat format)
{
  static const char * const names[] = { "csv", "json", "xlsx", "pdf" };

  return format < G_N_ELEMENTS (names) ? names[format] : NULL;
}

/* A property's value as a spreadsheet cell; lists joined with "; ". */
static char *
cell_of (GObject    *object,
         const char *column)
{
  g_autofree char *property = g_strdelimit (g_strdup (column), "_", '-');
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_auto(GValue) value = G_VALUE_INIT;

  if (pspec == NULL)
    return g_strdup ("");
  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, property, &value);

  if (pspec->value_type == G_TYPE_STRING)
    return g_strdup (g_value_get_string (&value) ? g_value_get_string (&value) : "");
  if (pspec->value_type == G_TYPE_INT)
    return g_strdup_printf ("%d", g_value_get_int (&value));
  if (pspec->value_type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (&value));
  if (pspec->value_type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (&value) ? "true" : "false");
  if (G_TYPE_IS_ENUM (pspec->value_type))
    return g_strdup (ic_enum_to_nick (pspec->value_type, g_value_get_enum (&value)));
  if (pspec->value_type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (&value);
      return strv ? g_strjoinv ("; ", (char **) strv) : g_strdup ("");
    }
  return g_strdup ("");
}

typedef struct
{
  IcRecordKind        kind;
  IcExportFormat      format;
  const char * const *columns;
  GHashTable         *organisation_names;   /* id → name */
  IcCsvWriter        *csv;
  GOutputStream      *stream;
  JsonGenerator      *generator;
  guint               done;
  gint64              total;
  IcProgressFunc      progress;
  gpointer            progress_data;
  GCancellable       *cancellable;
  GError             *error;
} RecordExport;

static gboolean
collect_name (IcRecord *record,
              gpointer  user_data)
{
  RecordExport *export = user_data;

  g_hash_table_insert (export->organisation_names, g_strdup (ic_record_get_id (record)),
                       g_strdup (ic_record_get_title (record)));
  return TRUE;
}

static gboolean
write_record (IcRecord *record,
              gpointer  user_data)
{
  RecordExport *export = user_data;

  if (g_cancellable_set_error_if_cancelled (export->cancellable, &export->error))
    return FALSE;

  if (export->format == IC_EXPORT_FORMAT_CSV)
    {
      for (guint i = 0; export->columns[i] != NULL; i++)
        {
          g_autofree char *cell = NULL;

          if (g_str_equal (export->columns[i], "organisation"))
            {
              g_autofree char *organisation_id = NULL;

              g_object_get (record, "organisation-id", &organisation_id, NULL);
              cell = g_strdup (organisation_id
                               ? g_hash_table_lookup (export->organisation_names, organisation_id)
                               : NULL);
            }
          else
            cell = cell_of (G_OBJECT (record), export->columns[i]);
          ic_csv_writer_add_text (export->csv, cell);
        }
      if (!ic_csv_writer_end_row (export->csv, export->cancellable, &export->error))
        return FALSE;
    }
  else
    {
      g_autoptr(JsonNode) node = ic_object_to_json (G_OBJECT (record));
      g_autofree char *text = NULL;
      gsize length;

      json_generator_set_root (export->generator, node);
      text = json_generator_to_data (export->generator, &length);
      if (!g_output_stream_write_all (export->stream, export->done > 0 ? ",\n" : "\n",
                                      export->done > 0 ? 2 : 1, NULL, export->cancellable,
                                      &export->error) ||
          !g_output_stream_write_all (export->stream, text, length, NULL, export->cancellable,
                                      &export->error))
        return FALSE;
    }

  export->done++;
  if (export->progress != NULL && export->total > 0 && export->done % 512 == 0)
    export->progress ((double) export->done / export->total, export->progress_data);
  return TRUE;
}

gboolean
ic_export_records_to_stream (IcStore        *store,
                             IcRecordKind    kind,
                             IcExportFormat  format,
                             IcExportFlags   flags,
                             GOutputStream  *stream,
                             IcProgressFunc  progress,
                             gpointer        progress_data,
                             GCancellable   *cancellable,
                             GError        **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(IcCsvWriter) csv = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  RecordExport export = { 0 };
  gboolean ok;

  g_return_val_if_fail (IC_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  export.kind = kind;
  export.format = format;
  export.columns = columns_for (kind);
  export.organisation_names = names;
  export.stream = stream;
  export.generator = generator;
  export.progress = progress;
  export.progress_data = progress_data;
  export.cancellable = cancellable;
  json_generator_set_pretty (generator, TRUE);

  if (format != IC_EXPORT_FORMAT_CSV && format != IC_EXPORT_FORMAT_JSON)
    {
      g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_FORMAT,
                   _("Records can be exported as csv or json, not %s"),
                   ic_export_format_to_string (format));
      return FALSE;
    }
  if (export.columns == NULL)
    {
      g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_FORMAT,
                   _("Only challenges, capabilities and organisations can be exported this way"));
      return FALSE;
    }

  export.total = ic_store_count (store, kind, NULL, NULL);
  if (kind != IC_RECORD_KIND_ORGANISATION && format == IC_EXPORT_FORMAT_CSV &&
      !ic_store_foreach (store, IC_RECORD_KIND_ORGANISATION, collect_name, &export, error))
    return FALSE;

  if (format == IC_EXPORT_FORMAT_CSV)
    {
      csv = ic_csv_writer_new (stream, (flags & IC_EXPORT_BOM) ? IC_CSV_WRITER_BOM : IC_CSV_WRITER_NONE);
      export.csv = csv;
      for (guint i = 0; export.columns[i] != NULL; i++)
        ic_csv_writer_add_raw (csv, export.columns[i]);
      if (!ic_csv_writer_end_row (csv, cancellable, error))
        return FALSE;
    }
  else if (!g_output_stream_write_all (stream, "[", 1, NULL, cancellable, error))
    return FALSE;

  ok = ic_store_foreach (store, kind, write_record, &export, error);
  if (export.error != NULL)
    {
      g_clear_error (error);
      g_propagate_error (error, export.error);
      return FALSE;
    }
  if (!ok)
    return FALSE;

  if (format == IC_EXPORT_FORMAT_CSV)
    {
      /* Without closing: the caller owns the stream. */
      if (!ic_csv_writer_flush (csv, cancellable, error))
        return FALSE;
    }
  else if (!g_output_stream_write_all (stream, export.done > 0 ? "\n]\n" : "]\n",
                                       export.done > 0 ? 3 : 2, NULL, cancellable, error))
    return FALSE;

  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

GOutputStream *
ic_export_replace_stream (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  /* GIO writes beside the file and renames over it on close. */
  return G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                          cancellable, error));
}

gboolean
ic_export_commit_stream (GOutputStream  *stream,
                         GCancellable   *cancellable,
                         GError        **error)
{
  return g_output_stream_close (stream, cancellable, error);
}

void
ic_export_abandon_stream (GOutputStream *stream)
{
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();

  /* Closing with a cancelled cancellable drops the new contents and
   * keeps whatever the file held before. */
  g_cancellable_cancel (cancelled);
  g_output_stream_close (stream, cancelled, NULL);
}

gboolean
ic_export_records (IcStore        *store,
                   IcRecordKind    kind,
                   IcExportFormat  format,
                   IcExportFlags   flags,
                   GFile          *file,
                   IcProgressFunc  progress,
                   gpointer        progress_data,
                   GCancellable   *cancellable,
                   GError        **error)
{
  g_autoptr(GOutputStream) stream = ic_export_replace_stream (file, cancellable, error);

  if (stream == NULL)
    return FALSE;
  if (!ic_export_records_to_stream (store, kind, format, flags, stream, progress, progress_data,
                                    cancellable, error))
    {
      ic_export_abandon_stream (stream);
      return FALSE;
    }
  return ic_export_commit_stream (stream, cancellable, error);
}

IcExportFlags
ic_export_default_flags (IcExportFormat format)
{
  return format == IC_EXPORT_FORMAT_PDF ? IC_EXPORT_NO_NOTES | IC_EXPORT_NO_STAGES : IC_EXPORT_NONE;
}

gboolean
ic_export_shortlist_report (IcShortlistReport *report,
                            IcExportFormat     format,
                            IcExportFlags      flags,
                            GFile             *file,
                            GCancellable      *cancellable,
                            GError           **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  gboolean ok;

  g_return_val_if_fail (IC_IS_SHORTLIST_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  ic_shortlist_report_set_include (report, !(flags & IC_EXPORT_NO_NOTES), !(flags & IC_EXPORT_NO_STAGES));
  if (format == IC_EXPORT_FORMAT_XLSX)
    {
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *temp = NULL;
      int fd;

      if (path == NULL)
        {
          g_set_error_literal (error, IC_IO_ERROR, IC_IO_ERROR_WRITE,
                               _("A workbook can only be written to a local file"));
          return FALSE;
        }
      /* The workbook is written beside the file, then moved over it. */
      temp = g_strconcat (path, ".XXXXXX", NULL);
      fd = g_mkstemp (temp);
      if (fd < 0)
        {
          int saved = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Cannot write beside %s: %s"), path, g_strerror (saved));
          return FALSE;
        }
      close (fd);
      if (!ic_xlsx_write_shortlist (report, temp, error))
        {
          g_unlink (temp);
          return FALSE;
        }
      /* mkstemp makes the file private; a workbook is for sharing. */
      g_chmod (temp, 0644);
      if (g_rename (temp, path) != 0)
        {
          int saved = errno;
          g_unlink (temp);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Cannot write %s: %s"), path, g_strerror (saved));
          return FALSE;
        }
      return TRUE;
    }

  stream = ic_export_replace_stream (file, cancellable, error);
  if (stream == NULL)
    return FALSE;
  if (format == IC_EXPORT_FORMAT_PDF)
    ok = ic_pdf_write_shortlist (report, stream, cancellable, error);
  else
    ok = ic_export_shortlist_to_stream (report, format, flags, stream, cancellable, error);
  if (!ok)
    {
      ic_export_abandon_stream (stream);
      return FALSE;
    }
  return ic_export_commit_stream (stream, cancellable, error);
}

gboolean
ic_export_shortlist (IcStore         *store,
                     const char      *shortlist_id,
                     IcExportFormat   format,
                     IcExportFlags    flags,
                     GFile           *file,
                     GCancellable    *cancellable,
                     GError         **error)
{
  g_autoptr(IcShortlistReport) report = ic_shortlist_report_load (store, shortlist_id, error);

  if (report == NULL)
    return FALSE;
  return ic_export_shortlist_report (report, format, flags, file, cancellable, error);
}

typedef struct
{
  char            *db_path;
  char            *shortlist_id;
  IcRecordKind     kind;
  IcExportFormat   format;
  IcExportFlags    flags;
  GFile           *file;
  IcProgressRelay *relay;
} ExportTask;

static void
export_task_free (gpointer data)
{
  ExportTask *task = data;

  g_free (task->db_path);
  g_free (task->shortlist_id);
  g_clear_object (&task->file);
  ic_progress_relay_free (task->relay);
  g_free (task);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportTask *export = task_data;
  g_autoptr(IcStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  store = ic_store_open (export->db_path, IC_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (export->shortlist_id != NULL)
    ok = ic_export_shortlist (store, export->shortlist_id, export->format, export->flags,
                              export->file, cancellable, &error);
  else
    ok = ic_export_records (store, export->kind, export->format, export->flags, export->file,
                            export->relay ? ic_progress_relay_report : NULL, export->relay,
                            cancellable, &error);
  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
start_export (ExportTask          *export,
              gpointer             source_tag,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, export, export_task_free);
  g_task_run_in_thread (task, export_in_thread);
}

void
ic_export_shortlist_async (const char          *db_path,
                           const char          *shortlist_id,
                           IcExportFormat       format,
                           IcExportFlags        flags,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  ExportTask *export = g_new0 (ExportTask, 1);

  g_return_if_fail (db_path != NULL && shortlist_id != NULL && G_IS_FILE (file));

  export->db_path = g_strdup (db_path);
  export->shortlist_id = g_strdup (shortlist_id);
  export->format = format;
  export->flags = flags;
  export->file = g_object_ref (file);
  start_export (export, ic_export_shortlist_async, cancellable, callback, user_data);
}

gboolean
ic_export_shortlist_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ic_export_records_async (const char          *db_path,
                         IcRecordKind         kind,
                         IcExportFormat       format,
                         IcExportFlags        flags,
                         GFile               *file,
                         IcProgressFunc       progress,
                         gpointer             progress_data,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  ExportTask *export = g_new0 (ExportTask, 1);

  g_return_if_fail (db_path != NULL && G_IS_FILE (file));

  export->db_path = g_strdup (db_path);
  export->kind = kind;
  export->format = format;
  export->flags = flags;
  export->file = g_object_ref (file);
  if (progress != NULL)
    export->relay = ic_progress_relay_new (progress, progress_data);
  start_export (export, ic_export_records_async, cancellable, callback, user_data);
}

gboolean
ic_export_records_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
