/* ic-match-loader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-capability.h"
#include "ic-match-loader.h"
#include "ic-organisation.h"
#include "ic-rising-demand.h"

static gboolean
add_organisation (IcRecord *record,
                  gpointer  corpus)
{
  ic_match_corpus_add_organisation (corpus, IC_ORGANISATION (record));
  return TRUE;
}

static gboolean
add_capability (IcRecord *record,
                gpointer  corpus)
{
  ic_match_corpus_add_capability (corpus, IC_CAPABILITY (record));
  return TRUE;
}

/* The tags that foresight items mark as rising demand today, for the
 * foresight criterion (the rule is in ic-rising-demand.c). */
static gboolean
add_rising_demand (IcStore        *store,
                   IcMatchCorpus  *corpus,
                   GError        **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_auto(GStrv) tags = NULL;

  items = ic_store_list (store, IC_RECORD_KIND_FORESIGHT, NULL, 0, 0, error);
  if (items == NULL)
    return FALSE;
  tags = ic_rising_demand_collect (items, now);
  for (guint i = 0; tags[i] != NULL; i++)
    ic_match_corpus_add_rising_tag (corpus, tags[i]);
  return TRUE;
}

IcMatchCorpus *
ic_match_loader_load_corpus (IcStore  *store,
                             GError  **error)
{
  g_autoptr(IcMatchCorpus) corpus = ic_match_corpus_new (IC_TEXT_ANALYZER_DEFAULT);

  g_return_val_if_fail (IC_IS_STORE (store), NULL);

  ic_match_corpus_set_taxonomy (corpus, ic_store_get_taxonomy (store));
  if (!ic_store_foreach (store, IC_RECORD_KIND_ORGANISATION, add_organisation, corpus, error) ||
      !ic_store_foreach (store, IC_RECORD_KIND_CAPABILITY, add_capability, corpus, error) ||
      !add_rising_demand (store, corpus, error) ||
      !ic_match_corpus_freeze (corpus, 0, error))
    return NULL;
  return g_steal_pointer (&corpus);
}

IcMatcher *
ic_match_loader_load_matcher (IcStore  *store,
                              GError  **error)
{
  g_autoptr(IcMatchCorpus) corpus = ic_match_loader_load_corpus (store, error);

  return corpus != NULL ? ic_matcher_new (corpus) : NULL;
}

IcMatchWeights *
ic_match_loader_load_weights (IcStore  *store,
                              GError  **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (IC_IS_STORE (store), NULL);

  text = ic_store_get_setting (store, IC_MATCH_WEIGHTS_SETTING);
  if (text == NULL)
    return ic_match_weights_new ();
  return ic_match_weights_new_from_string (text, error);
}
