/* ic-workshop-rules.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-workshop-rules.h"

GPtrArray *
ic_workshop_forbid_conflicts (IcWorkshop  *workshop,
                              IcStore     *store,
                              GError     **error)
{
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GPtrArray) applied = g_ptr_array_new_with_free_func ((GDestroyNotify) ic_curation_entry_free);

  g_return_val_if_fail (workshop != NULL, NULL);
  g_return_val_if_fail (IC_IS_STORE (store), NULL);

  rules = ic_store_list_conflict_rules (store, NULL, error);
  if (rules == NULL)
    return NULL;
  for (guint i = 0; i < rules->len; i++)
    {
      IcCurationEntry *rule = rules->pdata[i];
      guint a = GPOINTER_TO_UINT (g_hash_table_lookup (workshop->index, rule->first_id));
      guint b = GPOINTER_TO_UINT (g_hash_table_lookup (workshop->index, rule->second_id));

      if (a == 0 || b == 0 || a == b)
        continue;
      ic_schedule_problem_add_forbidden (workshop->problem, a - 1, b - 1);
      g_ptr_array_add (applied, g_steal_pointer (&rules->pdata[i]));
    }
  return g_steal_pointer (&applied);
}
