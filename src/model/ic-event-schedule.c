/* ic-event-schedule.c — merging an event's schedule meeting by meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two facilitators share one event: one moves a meeting on one laptop,
 * the other another meeting on theirs.  Whole-field merging would call
 * that a conflict; a meeting is the unit people move, so the schedules
 * merge meeting by meeting, and conflict only where both moved the same
 * meeting differently or where the two edits together would double-book
 * a table or a person.
 */

#include "config.h"

#include "ic-event.h"

static char *
meeting_key (JsonObject *meeting)
{
  return g_strdup_printf ("%s\n%s",
                          json_object_get_string_member_with_default (meeting, "challenge_organisation_id", ""),
                          json_object_get_string_member_with_default (meeting, "capability_organisation_id", ""));
}

/* key → JsonNode of the meeting (transfer none) */
static GHashTable *
index_meetings (JsonNode *schedule)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *meetings;

  if (schedule == NULL)
    return index;
  meetings = json_object_get_array_member (json_node_get_object (schedule), "meetings");
  for (guint i = 0; meetings != NULL && i < json_array_get_length (meetings); i++)
    {
      JsonNode *node = json_array_get_element (meetings, i);
      char *key;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      key = meeting_key (json_node_get_object (node));
      g_hash_table_replace (index, key, node);
    }
  return index;
}

static gboolean
same (JsonNode *a,
      JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

static gint64
member_int (JsonNode   *meeting,
            const char *name)
{
  return json_object_get_int_member_with_default (json_node_get_object (meeting), name, -1);
}

/* No table holds two meetings in one slot, and no organisation sits in
 * two meetings at once. */
static gboolean
is_feasible (JsonArray *meetings)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < json_array_get_length (meetings); i++)
    {
      JsonNode *node = json_array_get_element (meetings, i);
      JsonObject *m = json_node_get_object (node);
      gint64 slot = member_int (node, "slot");
      char *keys[] = {
        g_strdup_printf ("table %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, slot, member_int (node, "table")),
        g_strdup_printf ("org %" G_GINT64_FORMAT " %s", slot,
                         json_object_get_string_member_with_default (m, "challenge_organisation_id", "")),
        g_strdup_printf ("org %" G_GINT64_FORMAT " %s", slot,
                         json_object_get_string_member_with_default (m, "capability_organisation_id", "")),
      };
      gboolean clash = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          if (!clash && g_hash_table_contains (taken, keys[k]))
            clash = TRUE;
          g_hash_table_add (taken, keys[k]);
        }
      if (clash)
        return FALSE;
    }
  return TRUE;
}

static int
compare_meetings (gconstpointer a,
                  gconstpointer b)
{
  JsonNode *x = *(JsonNode **) a, *y = *(JsonNode **) b;
  gint64 dx = member_int (x, "slot") - member_int (y, "slot");

  if (dx == 0)
    dx = member_int (x, "table") - member_int (y, "table");
  return dx < 0 ? -1 : dx > 0;
}

gboolean
ic_event_merge_schedules (JsonNode  *base,
                          JsonNode  *mine,
                          JsonNode  *theirs,
                          JsonNode **merged)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) base_index = NULL;
  g_autoptr(GHashTable) mine_index = NULL;
  g_autoptr(GHashTable) their_index = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new ();
  g_autoptr(JsonArray) meetings = json_array_new ();
  JsonObject *object;
  double objective = 0;

  *merged = NULL;
  /* A schedule made or forgotten as a whole is one value. */
  if (base == NULL || mine == NULL || theirs == NULL)
    {
      if (same (mine, base) || same (mine, theirs))
        *merged = theirs ? json_node_copy (theirs) : NULL;
      else if (same (theirs, base))
        *merged = mine ? json_node_copy (mine) : NULL;
      else
        return FALSE;
      return TRUE;
    }

  base_index = index_meetings (base);
  their_index = index_meetings (theirs);
  mine_index = index_meetings (mine);
  /* Every meeting either side holds; one both dropped is gone. */
  {
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
    GHashTable *sides[] = { their_index, mine_index };

    for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
      {
        GHashTableIter iter;
        gpointer key;

        g_hash_table_iter_init (&iter, sides[s]);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          if (g_hash_table_add (seen, key))
            g_ptr_array_add (keys, g_strdup (key));
      }
  }

  for (guint i = 0; i < keys->len; i++)
    {
      JsonNode *b = g_hash_table_lookup (base_index, keys->pdata[i]);
      JsonNode *m = g_hash_table_lookup (mine_index, keys->pdata[i]);
      JsonNode *t = g_hash_table_lookup (their_index, keys->pdata[i]);
      JsonNode *kept;

      if (same (m, b) || same (m, t))
        kept = t;
      else if (same (t, b))
        kept = m;
      else
        return FALSE;
      if (kept != NULL)
        g_ptr_array_add (result, kept);
    }

  g_ptr_array_sort (result, compare_meetings);
  for (guint i = 0; i < result->len; i++)
    {
      JsonNode *node = result->pdata[i];

      objective += json_object_get_double_member_with_default (json_node_get_object (node), "score", 0);
      json_array_add_element (meetings, json_node_copy (node));
    }
  if (!is_feasible (meetings))
    return FALSE;

  *merged = json_node_copy (theirs);
  object = json_node_get_object (*merged);
  json_object_set_array_member (object, "meetings", json_array_ref (meetings));
  if (json_object_has_member (object, "objective"))
    json_object_set_double_member (object, "objective", objective);
  return TRUE;
}
