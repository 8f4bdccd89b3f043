/* ic-workshop-walk-in-job.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-io-error.h"
#include "ic-organisation.h"
#include "ic-store-events.h"
#include "ic-workshop-day.h"
#include "ic-workshop-rules.h"
#include "ic-workshop-walk-in-job.h"

#define MAX_ORGANISATIONS 5000

typedef struct
{
  char       *event_id;
  char       *organisation_id;
  char       *new_name;
  char       *author;
  guint       slot;
  guint       first_open;
  IcWorkshop *workshop;
  IcSchedule *before;
  IcSchedule *after;
} WalkInData;

static void
walk_in_data_free (WalkInData *data)
{
  g_free (data->event_id);
  g_free (data->organisation_id);
  g_free (data->new_name);
  g_free (data->author);
  g_clear_pointer (&data->workshop, ic_workshop_free);
  g_clear_pointer (&data->before, ic_schedule_unref);
  g_clear_pointer (&data->after, ic_schedule_unref);
  g_free (data);
}

/* The event with the walk-in, checked before anything is written. */
static IcEvent *
event_with_walk_in (IcStore     *store,
                    WalkInData  *data,
                    const char  *organisation_id,
                    GError     **error)
{
  g_autoptr(IcEvent) event = ic_store_get_event (store, data->event_id, error);

  if (event == NULL ||
      !ic_workshop_day_apply (event, IC_WORKSHOP_WALK_IN, organisation_id, data->slot, -1, error))
    return NULL;
  return g_steal_pointer (&event);
}

static gboolean
walk_in (IcStore     *store,
         WalkInData  *data,
         GError     **error)
{
  g_autoptr(IcOrganisation) made = NULL;
  g_autoptr(IcEvent) event = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *new_id = NULL;
  const char *id = data->organisation_id;

  if (id == NULL)
    {
      g_autofree char *name = g_strstrip (g_strdup (data->new_name != NULL ? data->new_name : ""));

      if (*name == '\0')
        {
          g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_FORMAT,
                       _("Choose the organisation that walks in, or give a new one’s name"));
          return FALSE;
        }
      made = ic_organisation_new ();
      new_id = g_uuid_string_random ();
      ic_record_set_id (IC_RECORD (made), new_id);
      g_object_set (made, "name", name, "kind", IC_ORGANISATION_KIND_SME, NULL);
      id = new_id;
    }
  /* The event is checked before anything is written: a slot that does
   * not exist leaves no organisation behind. */
  event = event_with_walk_in (store, data, id, error);
  if (event == NULL)
    return FALSE;
  if (made != NULL && !ic_store_insert (store, IC_RECORD (made), data->author, error))
    return FALSE;
  if (!ic_store_update_event (store, event, data->author, error))
    return FALSE;

  /* The announced schedule, in terms of the event as it is now (the
   * walk-in comes last, so everyone else keeps their number). */
  data->workshop = ic_workshop_load (store, data->event_id, error);
  if (data->workshop == NULL)
    return FALSE;
  rules = ic_workshop_forbid_conflicts (data->workshop, store, error);
  if (rules == NULL)
    return FALSE;
  stored = ic_store_get_event_schedule (store, data->event_id, error);
  if (stored != NULL)
    {
      data->before = ic_workshop_schedule_from_json (data->workshop, stored, error);
      if (data->before == NULL)
        return FALSE;
    }
  else if (error != NULL && *error != NULL)
    return FALSE;
  data->after = ic_workshop_day_reschedule (data->workshop, data->before, data->first_open, error);
  if (data->after == NULL)
    return FALSE;
  {
    IcSchedule *seated = ic_workshop_day_seat_walk_in (data->workshop, data->after,
                                                       data->workshop->n - 1, data->first_open);

    ic_schedule_unref (data->after);
    data->after = seated;
  }
  return ic_workshop_save_schedule (data->workshop, store, data->after, error);
}

static void
walk_in_job (GTask        *task,
             IcStore      *store,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (walk_in (store, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ic_workshop_walk_in_job_async (IcStoreService      *service,
                               const char          *event_id,
                               const char          *organisation_id,
                               const char          *new_name,
                               guint                slot,
                               guint                first_open,
                               const char          *author,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  WalkInData *data = g_new0 (WalkInData, 1);

  data->event_id = g_strdup (event_id);
  data->organisation_id = g_strdup (organisation_id);
  data->new_name = g_strdup (new_name);
  data->author = g_strdup (author);
  data->slot = slot;
  data->first_open = first_open;
  g_task_set_source_tag (task, ic_workshop_walk_in_job_async);
  g_task_set_task_data (task, data, (GDestroyNotify) walk_in_data_free);
  ic_store_service_run (service, task, walk_in_job);
}

IcWorkshop *
ic_workshop_walk_in_job_finish (GAsyncResult  *result,
                                IcSchedule   **before,
                                IcSchedule   **after,
                                GError       **error)
{
  WalkInData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  data = g_task_get_task_data (G_TASK (result));
  if (before != NULL)
    *before = g_steal_pointer (&data->before);
  if (after != NULL)
    *after = g_steal_pointer (&data->after);
  return g_steal_pointer (&data->workshop);
}

static int
compare_titles (gconstpointer a,
                gconstpointer b)
{
  return g_utf8_collate (ic_record_get_title (*(IcRecord **) a), ic_record_get_title (*(IcRecord **) b));
}

static void
list_job (GTask        *task,
          IcStore      *store,
          gpointer      task_data,
          GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *organisations = ic_store_list (store, IC_RECORD_KIND_ORGANISATION, NULL, 0,
                                            MAX_ORGANISATIONS, &error);

  if (organisations == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_ptr_array_sort (organisations, compare_titles);
  g_task_return_pointer (task, organisations, (GDestroyNotify) g_ptr_array_unref);
}

void
ic_workshop_walk_in_list_organisations_async (IcStoreService      *service,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, ic_workshop_walk_in_list_organisations_async);
  ic_store_service_run (service, task, list_job);
}

GPtrArray *
ic_workshop_walk_in_list_organisations_finish (GAsyncResult  *result,
                                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
