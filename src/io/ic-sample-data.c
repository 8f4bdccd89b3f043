/* ic-sample-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ic-record-json.h"
#include "ic-sample-data.h"
#include "ic-io-resources.h"

#define SAMPLE_RESOURCE "/io/github/wmvit/Interchange/sample/sample.json"

/* The sections of the file, in the order their records must be
 * inserted so that references resolve. */
static const struct
{
  const char   *member;
  IcRecordKind  kind;
} sections[] = {
  { "organisations", IC_RECORD_KIND_ORGANISATION },
  { "challenges", IC_RECORD_KIND_CHALLENGE },
  { "capabilities", IC_RECORD_KIND_CAPABILITY },
  { "foresight", IC_RECORD_KIND_FORESIGHT },
  { "shortlists", IC_RECORD_KIND_SHORTLIST },
};

/* The sample's stage changes say how many days before the load they
 * happened ("days_ago"), so that the Impact page shows the last eighteen
 * months whenever the sample is loaded: each becomes its time ("at"),
 * at 10:00 UTC that day, and the entry's stage is its last change's. */
static JsonNode *
resolve_stage_dates (JsonNode  *node,
                     GDateTime *now)
{
  JsonNode *copy = json_node_copy (node);
  JsonObject *record = json_node_get_object (copy);
  JsonArray *entries;

  if (!json_object_has_member (record, "entries"))
    return copy;
  entries = json_object_get_array_member (record, "entries");
  for (guint i = 0; entries != NULL && i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      JsonArray *stages = json_object_has_member (entry, "stages")
                          ? json_object_get_array_member (entry, "stages") : NULL;
      guint n = stages != NULL ? json_array_get_length (stages) : 0;

      for (guint j = 0; j < n; j++)
        {
          JsonObject *change = json_array_get_object_element (stages, j);

          if (json_object_has_member (change, "days_ago"))
            {
              g_autoptr(GDateTime) day = g_date_time_add_days (now, -json_object_get_int_member (change, "days_ago"));
              g_autofree char *at = g_date_time_format (day, "%Y-%m-%dT10:00:00Z");

              json_object_remove_member (change, "days_ago");
              json_object_set_string_member (change, "at", at);
            }
        }
      if (n > 0)
        json_object_set_string_member (entry, "stage",
                                       json_object_get_string_member (json_array_get_object_element (stages, n - 1),
                                                                      "stage"));
    }
  return copy;
}

GPtrArray *
ic_sample_data_read (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *root;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gsize size;
  const char *data;

  bytes = g_resource_lookup_data (ic_io_get_resource (), SAMPLE_RESOURCE,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  if (!json_parser_load_from_data (parser, data, size, error))
    return NULL;
  root = json_node_get_object (json_parser_get_root (parser));

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      JsonArray *array;

      if (!json_object_has_member (root, sections[s].member))
        continue;
      array = json_object_get_array_member (root, sections[s].member);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autoptr(JsonNode) node = resolve_stage_dates (json_array_get_element (array, i), now);
          IcRecord *record = ic_record_new_from_json (sections[s].kind, node, error);
          if (record == NULL)
            {
              g_prefix_error (error, "sample %s %u: ", sections[s].member, i + 1);
              return NULL;
            }
          g_ptr_array_add (records, record);
        }
    }

  return g_steal_pointer (&records);
}

gboolean
ic_sample_data_load (IcStore            *store,
                     const char         *author,
                     IcSampleDataCounts *counts,
                     GError            **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(IcRecord) existing = NULL;

  memset (counts, 0, sizeof *counts);

  records = ic_sample_data_read (error);
  if (records == NULL)
    return FALSE;

  /* The first organisation stands for the whole set. */
  if (records->len > 0)
    existing = ic_store_get (store, ic_record_get_id (g_ptr_array_index (records, 0)), NULL);
  if (existing != NULL)
    {
      counts->already_loaded = TRUE;
      return TRUE;
    }

  if (!ic_store_insert_all (store, records, author, error))
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    switch (ic_record_get_kind (g_ptr_array_index (records, i)))
      {
      case IC_RECORD_KIND_ORGANISATION:
        counts->organisations++;
        break;
      case IC_RECORD_KIND_CHALLENGE:
        counts->challenges++;
        break;
      case IC_RECORD_KIND_CAPABILITY:
        counts->capabilities++;
        break;
      case IC_RECORD_KIND_FORESIGHT:
        counts->foresight++;
        break;
      case IC_RECORD_KIND_SHORTLIST:
      default:
        break;
      }
  return TRUE;
}

static void
load_job (GTask        *task,
          IcStore      *store,
          gpointer      task_data,
          GCancellable *cancellable)
{
  const char *author = task_data;
  g_autofree IcSampleDataCounts *counts = g_new0 (IcSampleDataCounts, 1);
  GError *error = NULL;

  if (!ic_sample_data_load (store, author, counts, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&counts), g_free);
}

void
ic_sample_data_load_async (IcStoreService      *service,
                           const char          *author,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, ic_sample_data_load_async);
  g_task_set_task_data (task, g_strdup (author), g_free);
  ic_store_service_run (service, task, load_job);
}

gboolean
ic_sample_data_load_finish (GAsyncResult        *result,
                            IcSampleDataCounts  *counts,
                            GError             **error)
{
  g_autofree IcSampleDataCounts *loaded = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ic_sample_data_load_async, FALSE);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return FALSE;
  if (counts != NULL)
    *counts = *loaded;
  return TRUE;
}
