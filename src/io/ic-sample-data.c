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
};

GPtrArray *
ic_sample_data_read (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *root;
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
          IcRecord *record = ic_record_new_from_json (sections[s].kind,
                                                      json_array_get_element (array, i),
                                                      error);
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
