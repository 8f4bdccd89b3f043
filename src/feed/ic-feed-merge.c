/* ic-feed-merge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records are compared in their JSON shape, one top-level member per
 * field: a list (tags, a shortlist's entries) is one value.
 */

#include "config.h"

#include "ic-event.h"
#include "ic-feed-merge.h"
#include "ic-record-json.h"

static const char * const bookkeeping[] = { "id", "rev", "updated_at", "author", "deleted", NULL };

static gboolean
same (JsonNode *a,
      JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

static JsonNode *
null_as_none (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_NULL (node) ? NULL : node;
}

IcRecord *
ic_feed_merge_three_way (IcRecord  *base,
                         IcRecord  *mine,
                         IcRecord  *theirs,
                         GStrv     *conflicts,
                         guint     *n_taken,
                         GError   **error)
{
  g_autoptr(JsonNode) base_node = ic_object_to_json (G_OBJECT (base));
  g_autoptr(JsonNode) mine_node = ic_object_to_json (G_OBJECT (mine));
  g_autoptr(JsonNode) merged_node = ic_object_to_json (G_OBJECT (theirs));
  g_autoptr(GStrvBuilder) both = g_strv_builder_new ();
  JsonObject *base_fields = json_node_get_object (base_node);
  JsonObject *merged = json_node_get_object (merged_node);
  JsonObjectIter iter;
  const char *member;
  JsonNode *mine_value;

  g_return_val_if_fail (ic_record_get_kind (base) == ic_record_get_kind (mine), NULL);
  g_return_val_if_fail (ic_record_get_kind (mine) == ic_record_get_kind (theirs), NULL);

  *n_taken = 0;
  json_object_iter_init (&iter, json_node_get_object (mine_node));
  while (json_object_iter_next (&iter, &member, &mine_value))
    {
      JsonNode *base_value = json_object_get_member (base_fields, member);
      JsonNode *their_value = json_object_get_member (merged, member);

      if (g_strv_contains (bookkeeping, member) || same (mine_value, base_value) ||
          same (mine_value, their_value))
        continue;
      /* Facilitators move meetings, not schedules: an event's schedule
       * merges meeting by meeting. */
      if (IC_IS_EVENT (mine) && g_str_equal (member, "schedule") &&
          !same (their_value, base_value))
        {
          g_autoptr(JsonNode) schedule = NULL;

          if (ic_event_merge_schedules (null_as_none (base_value), null_as_none (mine_value),
                                        null_as_none (their_value), &schedule))
            {
              if (schedule != NULL)
                json_object_set_member (merged, member, g_steal_pointer (&schedule));
              else
                json_object_set_null_member (merged, member);
              (*n_taken)++;
            }
          else
            g_strv_builder_add (both, member);
          continue;
        }
      if (same (their_value, base_value))
        {
          json_object_set_member (merged, member, json_node_copy (mine_value));
          (*n_taken)++;
        }
      else
        g_strv_builder_add (both, member);
    }

  *conflicts = g_strv_builder_end (both);
  return ic_record_new_from_json (ic_record_get_kind (theirs), merged_node, error);
}
