/* ic-rising-demand.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ic-rising-demand.h"

static int
compare_tags (const void *a,
              const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

gboolean
ic_rising_demand_item_counts (IcForesightItem *item,
                              GDateTime       *now)
{
  IcForesightKind kind;
  const char *published;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) until = NULL;

  g_return_val_if_fail (IC_IS_FORESIGHT_ITEM (item), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  kind = ic_foresight_item_get_kind (item);
  if (ic_record_get_deleted (IC_RECORD (item)) ||
      (kind != IC_FORESIGHT_KIND_DEMAND_SIGNAL && kind != IC_FORESIGHT_KIND_CHALLENGE_CALL))
    return FALSE;

  published = ic_foresight_item_get_published (item);
  if (published == NULL || published[0] == '\0')
    return TRUE;
  when = g_date_time_new_from_iso8601 (published, NULL);
  if (when == NULL)
    return TRUE;  /* validation rejects this; do not hide the item for it */
  until = g_date_time_add_days (when, IC_RISING_DEMAND_HORIZON_DAYS);
  return g_date_time_compare (now, until) <= 0;
}

GStrv
ic_rising_demand_collect (GPtrArray *items,
                          GDateTime *now)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) tags = NULL;

  g_return_val_if_fail (now != NULL, NULL);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      IcForesightItem *item = g_ptr_array_index (items, i);
      const char * const *item_tags;

      if (!ic_rising_demand_item_counts (item, now))
        continue;
      item_tags = ic_foresight_item_get_tags (item);
      for (guint t = 0; item_tags != NULL && item_tags[t] != NULL; t++)
        if (item_tags[t][0] != '\0' && g_hash_table_add (seen, (gpointer) item_tags[t]))
          g_strv_builder_add (builder, item_tags[t]);
    }
  tags = g_strv_builder_end (builder);
  if (tags[0] != NULL)
    qsort (tags, g_strv_length (tags), sizeof (char *), compare_tags);
  return g_steal_pointer (&tags);
}
