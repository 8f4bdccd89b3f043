/* ic-workshop-job.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-store-events.h"
#include "ic-workshop-job.h"
#include "ic-workshop-rules.h"

typedef struct
{
  char       *event_id;
  IcWorkshop *workshop;
  IcSchedule *schedule;
  GPtrArray  *rules;      /* the conflict-of-interest rules applied */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->event_id);
  g_clear_pointer (&data->workshop, ic_workshop_free);
  g_clear_pointer (&data->schedule, ic_schedule_unref);
  g_clear_pointer (&data->rules, g_ptr_array_unref);
  g_free (data);
}

/* The stored JSON names the pairs but not what the scheduler knows of
 * them: each meeting's score and whether it was requested come from
 * the problem, as they would from a run. */
static IcSchedule *
with_scores (IcSchedule        *stored,
             IcScheduleProblem *problem)
{
  IcSchedule *schedule = ic_schedule_new ();

  for (guint i = 0; i < ic_schedule_get_n_meetings (stored); i++)
    {
      IcMeeting m = *ic_schedule_get_meeting (stored, i);

      m.score = ic_schedule_problem_get_score (problem, m.challenge_owner, m.capability_owner);
      m.requested = ic_schedule_problem_is_requested (problem, m.challenge_owner, m.capability_owner);
      ic_schedule_add_meeting (schedule, &m);
    }
  ic_schedule_sort (schedule);
  return schedule;
}

static void
load_job (GTask        *task,
          IcStore      *store,
          gpointer      task_data,
          GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  data->workshop = ic_workshop_load (store, data->event_id, &error);
  /* Two organisations in conflict never meet: their pair is forbidden
   * before anything is scheduled. */
  if (data->workshop != NULL)
    data->rules = ic_workshop_forbid_conflicts (data->workshop, store, &error);
  if (data->rules != NULL && !g_cancellable_set_error_if_cancelled (cancellable, &error))
    stored = ic_store_get_event_schedule (store, data->event_id, &error);
  if (stored != NULL)
    {
      g_autoptr(IcSchedule) schedule = ic_workshop_schedule_from_json (data->workshop, stored, &error);

      if (schedule != NULL)
        data->schedule = with_scores (schedule, data->workshop->problem);
    }

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
ic_workshop_job_load_async (IcStoreService      *service,
                            const char          *event_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  LoadData *data = g_new0 (LoadData, 1);

  data->event_id = g_strdup (event_id);
  g_task_set_source_tag (task, ic_workshop_job_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  ic_store_service_run (service, task, load_job);
}

IcWorkshop *
ic_workshop_job_load_finish (GAsyncResult  *result,
                             IcSchedule   **schedule,
                             GError       **error)
{
  LoadData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  data = g_task_get_task_data (G_TASK (result));
  if (schedule != NULL)
    *schedule = g_steal_pointer (&data->schedule);
  return g_steal_pointer (&data->workshop);
}

GPtrArray *
ic_workshop_job_load_get_rules (GAsyncResult *result)
{
  LoadData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  data = g_task_get_task_data (G_TASK (result));
  return data->rules;
}

typedef struct
{
  char *event_id;
  char *text;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->event_id);
  g_free (data->text);
  g_free (data);
}

static void
save_job (GTask        *task,
          IcStore      *store,
          gpointer      task_data,
          GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (!ic_store_set_event_schedule (store, data->event_id, data->text, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
ic_workshop_job_save_schedule_async (IcWorkshop          *workshop,
                                     IcStoreService      *service,
                                     IcSchedule          *schedule,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(JsonNode) json = ic_workshop_schedule_to_json (workshop, schedule);
  SaveData *data = g_new0 (SaveData, 1);

  data->event_id = g_strdup (ic_record_get_id (IC_RECORD (workshop->event)));
  data->text = json_to_string (json, FALSE);
  g_task_set_source_tag (task, ic_workshop_job_save_schedule_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  ic_store_service_run (service, task, save_job);
}

gboolean
ic_workshop_job_save_schedule_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ic_workshop_job_save_schedule_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
