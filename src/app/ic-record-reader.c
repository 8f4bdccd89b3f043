/* ic-record-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-record-reader.h"

struct _IcRecordReader
{
  IcStoreService *service;
};

typedef struct
{
  IcRecordKind    kind;
  IcStoreQuery   *query;
  guint           page;
  guint           page_size;
  gboolean        count;
} ReadJob;

void
ic_record_page_free (IcRecordPage *page)
{
  g_clear_pointer (&page->records, g_ptr_array_unref);
  g_clear_pointer (&page->names, g_hash_table_unref);
  g_free (page);
}

static void
reader_free (IcRecordReader *self)
{
  g_clear_object (&self->service);
}

IcRecordReader *
ic_record_reader_new (IcStoreService *service)
{
  IcRecordReader *self = g_rc_box_new0 (IcRecordReader);

  self->service = g_object_ref (service);
  return self;
}

IcRecordReader *
ic_record_reader_ref (IcRecordReader *self)
{
  return g_rc_box_acquire (self);
}

void
ic_record_reader_unref (IcRecordReader *self)
{
  g_rc_box_release_full (self, (GDestroyNotify) reader_free);
}

static void
read_job_free (ReadJob *job)
{
  g_clear_object (&job->query);
  g_free (job);
}

/* The names of the organisations the records belong to, so that the
 * view need not read them on the main thread. */
static GHashTable *
read_names (IcStore   *store,
            GPtrArray *records)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < records->len; i++)
    {
      GObject *record = g_ptr_array_index (records, i);
      g_autofree char *id = NULL;
      g_autoptr(IcRecord) organisation = NULL;
      const char *name;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (record), "organisation-id") == NULL)
        continue;
      g_object_get (record, "organisation-id", &id, NULL);
      if (id == NULL || id[0] == '\0' || g_hash_table_contains (names, id))
        continue;
      organisation = ic_store_get (store, id, NULL);
      name = organisation != NULL ? ic_record_get_title (organisation) : NULL;
      g_hash_table_insert (names, g_steal_pointer (&id), g_strdup (name != NULL ? name : ""));
    }
  return names;
}

static gboolean
read_page (IcStore         *store,
           ReadJob         *job,
           IcRecordPage    *page,
           GCancellable    *cancellable,
           GError         **error)
{
  if (job->count)
    {
      gint64 n = ic_store_count (store, job->kind, job->query, error);

      if (n < 0)
        return FALSE;
      page->counted = TRUE;
      page->n_items = (guint) MIN (n, (gint64) G_MAXUINT);
      page->any = n > 0 || ic_store_count (store, job->kind, NULL, NULL) > 0;
      /* A keystroke may have made this search stale while it counted. */
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }

  if (!job->count || page->n_items > 0)
    page->records = ic_store_list (store, job->kind, job->query,
                                   job->page * job->page_size, job->page_size, error);
  else
    page->records = g_ptr_array_new_with_free_func (g_object_unref);
  if (page->records == NULL)
    return FALSE;
  page->names = read_names (store, page->records);
  return TRUE;
}

/* The service interrupts a statement of this job when a keystroke
 * cancels it: a stale count stops where it is and leaves the
 * connection to the new search. */
static void
read_job (GTask        *task,
          IcStore      *store,
          gpointer      task_data,
          GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(IcRecordPage) page = g_new0 (IcRecordPage, 1);
  GError *error = NULL;

  page->page = job->page;
  if (!read_page (store, job, page, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&page), (GDestroyNotify) ic_record_page_free);
}

void
ic_record_reader_read_async (IcRecordReader      *self,
                             IcRecordKind         kind,
                             IcStoreQuery        *query,
                             guint                page,
                             guint                page_size,
                             gboolean             count,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ReadJob *job = g_new0 (ReadJob, 1);

  job->kind = kind;
  job->query = ic_store_query_copy (query);
  job->page = page;
  job->page_size = page_size;
  job->count = count;
  g_task_set_source_tag (task, ic_record_reader_read_async);
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  ic_store_service_run (self->service, task, read_job);
}

IcRecordPage *
ic_record_reader_read_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
