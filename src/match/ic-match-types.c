/* ic-match-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-match-types.h"

G_DEFINE_QUARK (ic-match-error-quark, ic_match_error)

static const char * const criterion_names[IC_MATCH_N_CRITERIA] = {
  "text", "tags", "trl", "cluster", "place", "scale", "foresight",
};

static const char * const criterion_labels[IC_MATCH_N_CRITERIA] = {
  N_("Text"), N_("Required tags"), N_("Readiness (TRL)"), N_("Cluster"),
  N_("Place"), N_("Scale"), N_("Foresight"),
};

const char *
ic_match_criterion_to_string (IcMatchCriterion criterion)
{
  if ((guint) criterion >= IC_MATCH_N_CRITERIA)
    return NULL;
  return criterion_names[criterion];
}

gboolean
ic_match_criterion_from_string (const char       *name,
                                IcMatchCriterion *criterion)
{
  for (guint i = 0; name != NULL && i < IC_MATCH_N_CRITERIA; i++)
    {
      if (g_str_equal (name, criterion_names[i]))
        {
          *criterion = (IcMatchCriterion) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
ic_match_criterion_get_label (IcMatchCriterion criterion)
{
  if ((guint) criterion >= IC_MATCH_N_CRITERIA)
    return NULL;
  return _(criterion_labels[criterion]);
}

void
ic_match_options_init (IcMatchOptions *options)
{
  g_return_if_fail (options != NULL);

  options->top_k = 10;
  options->cross_sector = FALSE;
  options->today = NULL;
  options->pool_size = 0;
  options->n_threads = 0;
  options->excluded = NULL;
  options->decisions = NULL;
  options->pinned = NULL;
  options->conflicted = NULL;
}

void
ic_match_options_clear (IcMatchOptions *options)
{
  g_return_if_fail (options != NULL);

  g_clear_pointer (&options->today, g_free);
  g_clear_pointer (&options->excluded, g_hash_table_unref);
  g_clear_pointer (&options->decisions, g_hash_table_unref);
  g_clear_pointer (&options->pinned, g_hash_table_unref);
  g_clear_pointer (&options->conflicted, g_hash_table_unref);
  ic_match_options_init (options);
}

void
ic_match_options_exclude_pair (IcMatchOptions *options,
                               const char     *challenge_id,
                               const char     *capability_id)
{
  GHashTable *set;

  g_return_if_fail (options != NULL);
  g_return_if_fail (challenge_id != NULL && capability_id != NULL);

  if (options->excluded == NULL)
    options->excluded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_hash_table_unref);
  set = g_hash_table_lookup (options->excluded, challenge_id);
  if (set == NULL)
    {
      set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (options->excluded, g_strdup (challenge_id), set);
    }
  g_hash_table_add (set, g_strdup (capability_id));
}

/* challenge id → (capability id → text) */
static void
pair_table_add (GHashTable **table,
                const char  *challenge_id,
                const char  *capability_id,
                const char  *text)
{
  GHashTable *inner;

  if (*table == NULL)
    *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) g_hash_table_unref);
  inner = g_hash_table_lookup (*table, challenge_id);
  if (inner == NULL)
    {
      inner = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (*table, g_strdup (challenge_id), inner);
    }
  g_hash_table_replace (inner, g_strdup (capability_id), g_strdup (text != NULL ? text : ""));
}

static void
pair_table_copy (GHashTable  *src,
                 GHashTable **dest)
{
  GHashTableIter iter, inner;
  gpointer key, value, capability_id, text;

  *dest = NULL;
  if (src == NULL)
    return;
  g_hash_table_iter_init (&iter, src);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_iter_init (&inner, value);
      while (g_hash_table_iter_next (&inner, &capability_id, &text))
        pair_table_add (dest, key, capability_id, text);
    }
}

void
ic_match_options_pin (IcMatchOptions *options,
                      const char     *challenge_id,
                      const char     *capability_id,
                      const char     *reason)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (challenge_id != NULL && capability_id != NULL);

  pair_table_add (&options->pinned, challenge_id, capability_id, reason);
}

GHashTable *
ic_match_options_get_pins (const IcMatchOptions *options,
                           const char           *challenge_id)
{
  if (options == NULL || options->pinned == NULL || challenge_id == NULL)
    return NULL;
  return g_hash_table_lookup (options->pinned, challenge_id);
}

void
ic_match_options_add_conflict (IcMatchOptions *options,
                               const char     *challenge_id,
                               const char     *capability_id,
                               const char     *reason)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (challenge_id != NULL && capability_id != NULL);

  pair_table_add (&options->conflicted, challenge_id, capability_id, reason);
  ic_match_options_exclude_pair (options, challenge_id, capability_id);
}

GHashTable *
ic_match_options_get_conflicts (const IcMatchOptions *options,
                                const char           *challenge_id)
{
  if (options == NULL || options->conflicted == NULL || challenge_id == NULL)
    return NULL;
  return g_hash_table_lookup (options->conflicted, challenge_id);
}

static void
decisions_free (IcMatchDecisions *decisions)
{
  g_ptr_array_unref (decisions->positive);
  g_ptr_array_unref (decisions->negative);
  g_free (decisions);
}

void
ic_match_options_add_decision (IcMatchOptions *options,
                               const char     *challenge_id,
                               const char     *capability_id,
                               gboolean        positive)
{
  IcMatchDecisions *decisions;

  g_return_if_fail (options != NULL);
  g_return_if_fail (challenge_id != NULL && capability_id != NULL);

  if (options->decisions == NULL)
    options->decisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) decisions_free);
  decisions = g_hash_table_lookup (options->decisions, challenge_id);
  if (decisions == NULL)
    {
      decisions = g_new0 (IcMatchDecisions, 1);
      decisions->positive = g_ptr_array_new_with_free_func (g_free);
      decisions->negative = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (options->decisions, g_strdup (challenge_id), decisions);
    }
  g_ptr_array_add (positive ? decisions->positive : decisions->negative, g_strdup (capability_id));
}

const IcMatchDecisions *
ic_match_options_get_decisions (const IcMatchOptions *options,
                                const char           *challenge_id)
{
  if (options == NULL || options->decisions == NULL || challenge_id == NULL)
    return NULL;
  return g_hash_table_lookup (options->decisions, challenge_id);
}

gboolean
ic_match_options_is_excluded (const IcMatchOptions *options,
                              const char           *challenge_id,
                              const char           *capability_id)
{
  GHashTable *set;

  if (options == NULL || options->excluded == NULL || challenge_id == NULL)
    return FALSE;
  set = g_hash_table_lookup (options->excluded, challenge_id);
  return set != NULL && capability_id != NULL && g_hash_table_contains (set, capability_id);
}

void
ic_match_options_copy (const IcMatchOptions *src,
                       IcMatchOptions       *dest)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (src != NULL && dest != NULL);

  *dest = *src;
  dest->today = g_strdup (src->today);
  dest->excluded = NULL;
  dest->decisions = NULL;
  pair_table_copy (src->pinned, &dest->pinned);
  pair_table_copy (src->conflicted, &dest->conflicted);
  if (src->decisions != NULL)
    {
      g_hash_table_iter_init (&iter, src->decisions);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          IcMatchDecisions *decisions = value;

          for (guint i = 0; i < decisions->positive->len; i++)
            ic_match_options_add_decision (dest, key, decisions->positive->pdata[i], TRUE);
          for (guint i = 0; i < decisions->negative->len; i++)
            ic_match_options_add_decision (dest, key, decisions->negative->pdata[i], FALSE);
        }
    }
  if (src->excluded == NULL)
    return;

  g_hash_table_iter_init (&iter, src->excluded);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GHashTableIter inner;
      gpointer capability_id;

      g_hash_table_iter_init (&inner, value);
      while (g_hash_table_iter_next (&inner, &capability_id, NULL))
        ic_match_options_exclude_pair (dest, key, capability_id);
    }
}
