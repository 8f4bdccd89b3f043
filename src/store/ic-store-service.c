/* ic-store-service.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-store-events.h"
#include "ic-store-exclusions.h"
#include "ic-store-service.h"

/* What the service's thread owns: the connection is opened, used and
 * closed there only. */
typedef struct
{
  GAsyncQueue      *queue;   /* (element-type Job) */
  char             *path;
  IcStoreOpenFlags  flags;
  IcStore          *store;
} Worker;

/* One job in the queue; a job without @func ends the thread. */
typedef struct
{
  GTask              *task;
  IcStoreServiceFunc  func;
} Job;

struct _IcStoreService
{
  GObject      parent_instance;

  char        *path;
  GAsyncQueue *queue;
  GThread     *thread;
  IcTaxonomy  *taxonomy;  /* the main thread's copy, once open */
};

G_DEFINE_FINAL_TYPE (IcStoreService, ic_store_service, G_TYPE_OBJECT)

static void
worker_free (Worker *worker)
{
  g_clear_object (&worker->store);
  g_async_queue_unref (worker->queue);
  g_free (worker->path);
  g_free (worker);
}

static void
run_job (Worker *worker,
         Job    *job)
{
  GCancellable *cancellable = g_task_get_cancellable (job->task);
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (job->task))
    return;
  /* A failed open is tried again by the next job: the folder may have
   * appeared, or the other program let go of its lock. */
  if (worker->store == NULL)
    worker->store = ic_store_open (worker->path, worker->flags, &error);
  if (worker->store == NULL)
    {
      g_task_return_error (job->task, g_steal_pointer (&error));
      return;
    }

  ic_store_set_cancellable (worker->store, cancellable);
  job->func (job->task, worker->store, g_task_get_task_data (job->task), cancellable);
  ic_store_set_cancellable (worker->store, NULL);
}

static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;
  Job *job;

  while ((job = g_async_queue_pop (worker->queue))->func != NULL)
    {
      run_job (worker, job);
      g_object_unref (job->task);
      g_free (job);
    }
  g_free (job);
  worker_free (worker);
  return NULL;
}

static void
ic_store_service_finalize (GObject *object)
{
  IcStoreService *self = IC_STORE_SERVICE (object);

  /* The last job's task may hold the last reference, on the thread
   * itself: then the thread ends on its own after that job. */
  g_async_queue_push (self->queue, g_new0 (Job, 1));
  if (g_thread_self () == self->thread)
    g_thread_unref (self->thread);
  else
    g_thread_join (self->thread);
  g_async_queue_unref (self->queue);
  g_clear_object (&self->taxonomy);
  g_free (self->path);

  G_OBJECT_CLASS (ic_store_service_parent_class)->finalize (object);
}

static void
ic_store_service_class_init (IcStoreServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_store_service_finalize;
}

static void
ic_store_service_init (IcStoreService *self)
{
}

IcStoreService *
ic_store_service_new (const char       *path,
                      IcStoreOpenFlags  flags)
{
  IcStoreService *self;
  Worker *worker;

  g_return_val_if_fail (path != NULL && path[0] != '\0', NULL);

  self = g_object_new (IC_TYPE_STORE_SERVICE, NULL);
  self->path = g_strdup (path);
  self->queue = g_async_queue_new ();

  worker = g_new0 (Worker, 1);
  worker->queue = g_async_queue_ref (self->queue);
  worker->path = g_strdup (path);
  worker->flags = flags;
  self->thread = g_thread_new ("ic-store-service", worker_thread, worker);
  return self;
}

const char *
ic_store_service_get_path (IcStoreService *self)
{
  g_return_val_if_fail (IC_IS_STORE_SERVICE (self), NULL);
  return self->path;
}

IcTaxonomy *
ic_store_service_get_taxonomy (IcStoreService *self)
{
  g_return_val_if_fail (IC_IS_STORE_SERVICE (self), NULL);
  return self->taxonomy;
}

void
ic_store_service_run (IcStoreService     *self,
                      GTask              *task,
                      IcStoreServiceFunc  func)
{
  Job *job;

  g_return_if_fail (IC_IS_STORE_SERVICE (self));
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->task = g_object_ref (task);
  job->func = func;
  g_async_queue_push (self->queue, job);
}

/* Open */

static void
open_job (GTask        *task,
          IcStore      *store,
          gpointer      task_data,
          GCancellable *cancellable)
{
  g_task_return_pointer (task, ic_store_dup_taxonomy (store), g_object_unref);
}

void
ic_store_service_open_async (IcStoreService      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, ic_store_service_open_async);
  ic_store_service_run (self, task, open_job);
}

gboolean
ic_store_service_open_finish (IcStoreService  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  IcTaxonomy *taxonomy;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  taxonomy = g_task_propagate_pointer (G_TASK (result), error);
  if (taxonomy == NULL)
    return FALSE;
  g_clear_object (&self->taxonomy);
  self->taxonomy = taxonomy;
  return TRUE;
}

/* Single calls: each keeps what it needs in a Call. */

typedef struct
{
  IcRecordKind      kind;
  IcStoreWriteKind  write;
  char             *id;
  char             *other_id;
  char             *text;
  char             *author;
  IcRecord         *record;
  IcStoreQuery     *query;
  guint             offset;
  guint             limit;
  gboolean          flag;
  int               reason;    /* an IcDeclineReason */
} Call;

static void
call_free (Call *call)
{
  g_free (call->id);
  g_free (call->other_id);
  g_free (call->text);
  g_free (call->author);
  g_clear_object (&call->record);
  g_clear_object (&call->query);
  g_free (call);
}

static void
start_call (IcStoreService      *self,
            Call                *call,
            gpointer             source_tag,
            IcStoreServiceFunc   func,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);
  ic_store_service_run (self, task, func);
}

static void
return_object (GTask   *task,
               gpointer object,
               GError  *error)
{
  if (object == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, object, g_object_unref);
}

static void
return_array (GTask     *task,
              GPtrArray *array,
              GError    *error)
{
  if (array == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, array, (GDestroyNotify) g_ptr_array_unref);
}

static void
return_boolean (GTask    *task,
                gboolean  ok,
                GError   *error)
{
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static gpointer
finish_pointer (IcStoreService  *self,
                GAsyncResult    *result,
                gpointer         source_tag,
                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
finish_boolean (IcStoreService  *self,
                GAsyncResult    *result,
                gpointer         source_tag,
                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Get */

static void
get_job (GTask        *task,
         IcStore      *store,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Call *call = task_data;
  GError *error = NULL;
  IcRecord *record = ic_store_get (store, call->id, &error);

  return_object (task, record, error);
}

void
ic_store_service_get_async (IcStoreService      *self,
                            const char          *id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Call *call = g_new0 (Call, 1);

  call->id = g_strdup (id);
  start_call (self, call, ic_store_service_get_async, get_job, cancellable, callback, user_data);
}

IcRecord *
ic_store_service_get_finish (IcStoreService  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  return finish_pointer (self, result, ic_store_service_get_async, error);
}

/* List */

static void
list_job (GTask        *task,
          IcStore      *store,
          gpointer      task_data,
          GCancellable *cancellable)
{
  Call *call = task_data;
  GError *error = NULL;
  GPtrArray *records = ic_store_list (store, call->kind, call->query, call->offset, call->limit,
                                      &error);

  return_array (task, records, error);
}

void
ic_store_service_list_async (IcStoreService      *self,
                             IcRecordKind         kind,
                             IcStoreQuery        *query,
                             guint                offset,
                             guint                limit,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Call *call = g_new0 (Call, 1);

  call->kind = kind;
  call->query = query != NULL ? ic_store_query_copy (query) : NULL;
  call->offset = offset;
  call->limit = limit;
  start_call (self, call, ic_store_service_list_async, list_job, cancellable, callback, user_data);
}

GPtrArray *
ic_store_service_list_finish (IcStoreService  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  return finish_pointer (self, result, ic_store_service_list_async, error);
}

/* Write */

static void
write_job (GTask        *task,
           IcStore      *store,
           gpointer      task_data,
           GCancellable *cancellable)
{
  Call *call = task_data;
  const char *id = ic_record_get_id (call->record);
  GError *error = NULL;
  gboolean ok = FALSE;

  switch (call->write)
    {
    case IC_STORE_WRITE_INSERT:
      ok = ic_store_insert (store, call->record, call->author, &error);
      break;
    case IC_STORE_WRITE_UPDATE:
      ok = ic_store_update (store, call->record, call->author, &error);
      break;
    case IC_STORE_WRITE_UPDATE_IF_UNCHANGED:
      ok = ic_store_update_if_unchanged (store, call->record, ic_record_get_rev (call->record),
                                         call->author, &error);
      break;
    case IC_STORE_WRITE_DELETE:
      ok = ic_store_delete (store, id, call->author, &error);
      break;
    case IC_STORE_WRITE_RESTORE:
      ok = ic_store_restore (store, id, call->author, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  return_object (task, ok ? g_object_ref (call->record) : NULL, error);
}

void
ic_store_service_write_async (IcStoreService      *self,
                              IcStoreWriteKind     kind,
                              IcRecord            *record,
                              const char          *author,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Call *call;

  g_return_if_fail (IC_IS_RECORD (record));

  call = g_new0 (Call, 1);
  call->write = kind;
  call->record = ic_record_copy (record);
  call->author = g_strdup (author);
  start_call (self, call, ic_store_service_write_async, write_job, cancellable, callback, user_data);
}

IcRecord *
ic_store_service_write_finish (IcStoreService  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  return finish_pointer (self, result, ic_store_service_write_async, error);
}

/* Delete or restore by id */

static void
set_deleted_job (GTask        *task,
                 IcStore      *store,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Call *call = task_data;
  GError *error = NULL;
  gboolean ok = call->flag ? ic_store_delete (store, call->id, call->author, &error)
                           : ic_store_restore (store, call->id, call->author, &error);

  return_object (task, ok ? ic_store_get (store, call->id, &error) : NULL, error);
}

void
ic_store_service_set_deleted_async (IcStoreService      *self,
                                    const char          *id,
                                    gboolean             deleted,
                                    const char          *author,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Call *call = g_new0 (Call, 1);

  call->id = g_strdup (id);
  call->flag = deleted;
  call->author = g_strdup (author);
  start_call (self, call, ic_store_service_set_deleted_async, set_deleted_job,
              cancellable, callback, user_data);
}

IcRecord *
ic_store_service_set_deleted_finish (IcStoreService  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return finish_pointer (self, result, ic_store_service_set_deleted_async, error);
}

/* Settings */

static void
set_setting_job (GTask        *task,
                 IcStore      *store,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Call *call = task_data;
  GError *error = NULL;
  gboolean ok = ic_store_set_setting (store, call->id, call->text, &error);

  return_boolean (task, ok, error);
}

void
ic_store_service_set_setting_async (IcStoreService      *self,
                                    const char          *key,
                                    const char          *value,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Call *call = g_new0 (Call, 1);

  call->id = g_strdup (key);
  call->text = g_strdup (value);
  start_call (self, call, ic_store_service_set_setting_async, set_setting_job,
              cancellable, callback, user_data);
}

gboolean
ic_store_service_set_setting_finish (IcStoreService  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return finish_boolean (self, result, ic_store_service_set_setting_async, error);
}

/* Excluded pairs */

static void
set_pair_excluded_job (GTask        *task,
                       IcStore      *store,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  Call *call = task_data;
  GError *error = NULL;
  gboolean ok = call->flag ? ic_store_exclude_pair_with_reason (store, call->id, call->other_id,
                                                                call->reason, call->text, call->author,
                                                                &error)
                           : ic_store_include_pair_by (store, call->id, call->other_id, call->author, &error);

  return_boolean (task, ok, error);
}

void
ic_store_service_set_pair_excluded_async (IcStoreService      *self,
                                          const char          *challenge_id,
                                          const char          *capability_id,
                                          gboolean             excluded,
                                          const char          *author,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  Call *call = g_new0 (Call, 1);

  call->id = g_strdup (challenge_id);
  call->other_id = g_strdup (capability_id);
  call->flag = excluded;
  call->author = g_strdup (author);
  start_call (self, call, ic_store_service_set_pair_excluded_async, set_pair_excluded_job,
              cancellable, callback, user_data);
}

void
ic_store_service_exclude_pair_async (IcStoreService      *self,
                                     const char          *challenge_id,
                                     const char          *capability_id,
                                     IcDeclineReason      reason,
                                     const char          *reason_text,
                                     const char          *author,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Call *call = g_new0 (Call, 1);

  call->id = g_strdup (challenge_id);
  call->other_id = g_strdup (capability_id);
  call->flag = TRUE;
  call->reason = reason;
  call->text = g_strdup (reason_text);
  call->author = g_strdup (author);
  /* Finished as the include and exclude are. */
  start_call (self, call, ic_store_service_set_pair_excluded_async, set_pair_excluded_job,
              cancellable, callback, user_data);
}

gboolean
ic_store_service_set_pair_excluded_finish (IcStoreService  *self,
                                           GAsyncResult    *result,
                                           GError         **error)
{
  return finish_boolean (self, result, ic_store_service_set_pair_excluded_async, error);
}

/* Events */

static void
list_events_job (GTask        *task,
                 IcStore      *store,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *events = ic_store_list_events (store, &error);

  return_array (task, events, error);
}

void
ic_store_service_list_events_async (IcStoreService      *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  start_call (self, g_new0 (Call, 1), ic_store_service_list_events_async, list_events_job,
              cancellable, callback, user_data);
}

GPtrArray *
ic_store_service_list_events_finish (IcStoreService  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return finish_pointer (self, result, ic_store_service_list_events_async, error);
}

static void
get_event_job (GTask        *task,
               IcStore      *store,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Call *call = task_data;
  GError *error = NULL;
  IcEvent *event = ic_store_get_event (store, call->id, &error);

  return_object (task, event, error);
}

void
ic_store_service_get_event_async (IcStoreService      *self,
                                  const char          *event_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Call *call = g_new0 (Call, 1);

  call->id = g_strdup (event_id);
  start_call (self, call, ic_store_service_get_event_async, get_event_job,
              cancellable, callback, user_data);
}

IcEvent *
ic_store_service_get_event_finish (IcStoreService  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  return finish_pointer (self, result, ic_store_service_get_event_async, error);
}

static void
write_event_job (GTask        *task,
                 IcStore      *store,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Call *call = task_data;
  IcEvent *event = IC_EVENT (call->record);
  GError *error = NULL;
  gboolean ok = call->flag ? ic_store_update_event (store, event, call->author, &error)
                           : ic_store_insert_event (store, event, call->author, &error);

  return_object (task, ok ? g_object_ref (event) : NULL, error);
}

void
ic_store_service_write_event_async (IcStoreService      *self,
                                    IcEvent             *event,
                                    gboolean             update,
                                    const char          *author,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Call *call;

  g_return_if_fail (IC_IS_EVENT (event));

  call = g_new0 (Call, 1);
  call->record = ic_record_copy (IC_RECORD (event));
  call->flag = update;
  call->author = g_strdup (author);
  start_call (self, call, ic_store_service_write_event_async, write_event_job,
              cancellable, callback, user_data);
}

IcEvent *
ic_store_service_write_event_finish (IcStoreService  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return finish_pointer (self, result, ic_store_service_write_event_async, error);
}
