/* ic-matcher-explain.c — what a person reads about a result
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "ic-matcher-private.h"

/* How many shared words the sentence names. */
#define WHY_TERMS 3

typedef struct
{
  guint32     term;
  double      share;
  const char *display;   /* the challenge's word, or NULL */
  gboolean    learned;   /* only the team's decisions gave it */
  gboolean    is_word;   /* a word of the challenge: counts for coverage */
} TermShare;

static int
compare_shares (const void *a,
                const void *b)
{
  const TermShare *x = a, *y = b;

  if (x->share != y->share)
    return x->share > y->share ? -1 : 1;
  return (x->term > y->term) - (x->term < y->term);
}

static void
add_terms (IcMatchCorpus      *corpus,
           const IcMatchQuery *query,
           guint32             capability,
           IcMatchResult      *result)
{
  const guint32 *terms;
  const float *weights;
  guint n = ic_tfidf_index_get_document (corpus->index, capability, &terms, &weights);
  /* The shared terms, on the stack unless there are very many. */
  TermShare on_stack[64];
  g_autofree TermShare *on_heap = MIN (n, query->n_terms) > G_N_ELEMENTS (on_stack)
                                  ? g_new (TermShare, MIN (n, query->n_terms)) : NULL;
  TermShare *shares = on_heap != NULL ? on_heap : on_stack;
  guint i = 0, j = 0, n_words = 0, n_shares = 0;
  double coverage;

  while (i < query->n_terms && j < n)
    {
      if (query->term_ids[i] < terms[j])
        i++;
      else if (query->term_ids[i] > terms[j])
        j++;
      else
        {
          TermShare share = { terms[j], query->term_weights[i] * (double) weights[j],
                              query->term_displays != NULL ? query->term_displays[i] : NULL,
                              query->term_learned != NULL && query->term_learned[i],
                              query->term_is_word[i] };

          shares[n_shares++] = share;
          i++;
          j++;
        }
    }
  /* Each share is scaled as the cosine is, by the coverage factor, so
   * that the shares add up to the text score. */
  for (guint k = 0; k < n_shares; k++)
    n_words += shares[k].is_word;
  coverage = query->coverage[MIN (n_words, 255u)];
  /* A total order (terms are distinct): any sort gives the same. */
  qsort (shares, n_shares, sizeof (TermShare), compare_shares);
  for (guint k = 0; k < n_shares; k++)
    {
      TermShare *share = &shares[k];

      share->share *= coverage;

      const char *display = ic_tfidf_index_get_display (corpus->index, share->term);

      if (share->learned)
        {
          ic_match_result_add_bridge (result, IC_MATCH_BRIDGE_DECISIONS, "", display,
                                      share->share, query->n_kept);
          continue;
        }
      /* A glossary concept links the challenge's phrase to the entry. */
      if (ic_tfidf_index_get_term (corpus->index, share->term)[0] == IC_MATCH_CONCEPT_PREFIX)
        {
          ic_match_result_add_bridge (result, IC_MATCH_BRIDGE_GLOSSARY,
                                      share->display != NULL ? share->display : display,
                                      display, share->share, 0);
          continue;
        }
      /* The stem stays the identity; people read the challenge's own
       * word, else the corpus's most frequent one. */
      ic_match_result_add_term (result, share->display != NULL ? share->display : display,
                                share->share);
    }
}

static void
add_tags (IcMatchCorpus      *corpus,
          const IcMatchQuery *query,
          guint32             capability,
          IcMatchResult      *result)
{
  guint32 from = corpus->capability_tag_offsets[capability];
  guint32 to = corpus->capability_tag_offsets[capability + 1];

  for (guint i = 0; i < query->n_required; i++)
    {
      gint64 tag = query->tag_ids[i];

      if (tag < 0)
        continue;
      for (guint32 p = from; p < to; p++)
        if (corpus->capability_tags[p] == (guint32) tag)
          {
            ic_match_result_add_tag (result, query->required_tags[i], corpus->tag_rising[tag]);
            break;
          }
    }
}

static char *
quoted_list (GStrv  items,
             guint  limit)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; items[i] != NULL && i < limit; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, _("“%s”"), items[i]);
    }
  return g_string_free (text, FALSE);
}

/* "shares the words “a”, “b”; the glossary relates “c” to “d”" */
static char *
describe_text (IcMatchResult *result)
{
  g_auto(GStrv) terms = ic_match_result_dup_terms (result);
  guint n = MIN (g_strv_length (terms), WHY_TERMS);
  guint n_bridges = ic_match_result_get_n_bridges (result);
  GString *text = g_string_new (NULL);
  g_autoptr(GPtrArray) learned = g_ptr_array_new_with_free_func (g_free);

  if (n > 0)
    {
      g_autofree char *list = quoted_list (terms, WHY_TERMS);

      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "shares the word %s",
                                                 "shares the words %s", n), list);
    }
  for (guint i = 0, shown = 0; i < n_bridges && shown < WHY_TERMS - MIN (n, WHY_TERMS - 1); i++)
    {
      const char *from, *to;
      guint evidence;
      IcMatchBridgeKind kind = ic_match_result_get_bridge (result, i, &from, &to, NULL, &evidence);

      if (kind == IC_MATCH_BRIDGE_DECISIONS)
        {
          if (learned->len < WHY_TERMS)
            g_ptr_array_add (learned, g_strdup_printf (_("“%s”"), to));
          continue;
        }
      /* A concept both name in the same words adds nothing to the
       * shared words already said. */
      if (g_utf8_collate (from, to) == 0 || g_ascii_strcasecmp (from, to) == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, _("; "));
      shown++;
      if (kind == IC_MATCH_BRIDGE_GLOSSARY)
        g_string_append_printf (text, _("the glossary relates “%s” to “%s”"), from, to);
      else
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                   "“%s” relates to “%s” (learned from %u record)",
                                                   "“%s” relates to “%s” (learned from %u records)",
                                                   evidence), from, to, evidence);
    }
  if (learned->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (learned, NULL);
      list = g_strjoinv (", ", (GStrv) learned->pdata);
      if (text->len > 0)
        g_string_append (text, _("; "));
      /* TRANSLATORS: the list is of words such as “thermal”, “imaging” */
      g_string_append_printf (text, _("like the capabilities your team kept on its shortlist (%s)"),
                              list);
    }
  if (text->len == 0)
    g_string_append (text, _("its words are close to the challenge’s"));
  return g_string_free (text, FALSE);
}

static char *
describe_trl (const IcMatchQuery *query,
              int                 trl)
{
  int low = MAX (query->trl_min, 1), high = MAX (query->trl_max, low);

  if (trl <= 0)
    return g_strdup (_("its TRL is not recorded"));
  if (trl < low)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "TRL %d is %d level below the range %d–%d",
                                         "TRL %d is %d levels below the range %d–%d", low - trl),
                            trl, low - trl, low, high);
  if (trl > high)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "TRL %d is %d level above the range %d–%d",
                                         "TRL %d is %d levels above the range %d–%d", trl - high),
                            trl, trl - high, low, high);
  return g_strdup_printf (_("TRL %d is within the range %d–%d"), trl, low, high);
}

static char *
describe_place (IcProximity proximity)
{
  switch (proximity)
    {
    case IC_PROXIMITY_SAME_AUTHORITY:
      return g_strdup (_("it is in the same local authority"));
    case IC_PROXIMITY_SAME_AREA:
      return g_strdup (_("it is in the same combined authority area"));
    case IC_PROXIMITY_SAME_REGION:
      return g_strdup (_("it is in the same region"));
    case IC_PROXIMITY_ELSEWHERE:
    default:
      return g_strdup (_("it is further away or its place is not recorded"));
    }
}

static char *
describe_scale (const IcMatchQuery      *query,
                const IcCapabilityAttrs *attrs,
                double                   score)
{
  if (attrs->band == 0 || !query->budget_known)
    return g_strdup (_("its size or the budget is not recorded"));
  if (score >= 0.999)
    return g_strdup (_("its size suits the budget"));
  if (ic_match_band_employees (attrs->band) < query->budget_need)
    return g_strdup (_("it may be small for the budget"));
  return g_strdup (_("it is large for the budget"));
}

static char *
describe (IcMatchCorpus      *corpus,
          const IcMatchQuery *query,
          guint32             capability,
          IcMatchResult      *result,
          IcMatchCriterion    criterion)
{
  const IcCapabilityAttrs *attrs = &corpus->attrs[capability];
  double score = ic_match_result_get_criterion_score (result, criterion);

  switch (criterion)
    {
    case IC_MATCH_CRITERION_TEXT:
      return describe_text (result);
    case IC_MATCH_CRITERION_TAGS:
      {
        g_auto(GStrv) tags = ic_match_result_dup_tags (result);
        g_autofree char *list = g_strjoinv (", ", tags);

        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "has %u of %u required tag (%s)",
                                             "has %u of %u required tags (%s)", query->n_required),
                                g_strv_length (tags), query->n_required, list);
      }
    case IC_MATCH_CRITERION_TRL:
      return describe_trl (query, attrs->trl);
    case IC_MATCH_CRITERION_CLUSTER:
      if (query->cross_sector)
        return g_strdup (_("cross-sector bonus: it comes from another cluster with related work"));
      return g_strdup (_("it is in the same cluster"));
    case IC_MATCH_CRITERION_PLACE:
      return describe_place (query->place_proximity[attrs->place]);
    case IC_MATCH_CRITERION_SCALE:
      return describe_scale (query, attrs, score);
    case IC_MATCH_CRITERION_FORESIGHT:
      {
        g_auto(GStrv) tags = ic_match_result_dup_tags (result);
        g_autoptr(GStrvBuilder) rising = g_strv_builder_new ();
        g_auto(GStrv) list = NULL;
        g_autofree char *joined = NULL;

        for (guint i = 0; tags[i] != NULL; i++)
          if (ic_match_result_tag_is_rising (result, tags[i]))
            g_strv_builder_add (rising, tags[i]);
        list = g_strv_builder_end (rising);
        joined = g_strjoinv (", ", list);
        return g_strdup_printf (_("foresight marks %s as rising demand"), joined);
      }
    default:
      g_assert_not_reached ();
    }
}

/* The criteria that added something, largest contribution first. */
static char *
build_sentence (IcMatchCorpus      *corpus,
                const IcMatchQuery *query,
                guint32             capability,
                IcMatchResult      *result)
{
  guint order[IC_MATCH_N_CRITERIA], n = 0;
  GString *sentence = g_string_new (NULL);

  for (guint i = 0; i < IC_MATCH_N_CRITERIA; i++)
    if (ic_match_result_get_contribution (result, i) > 0.0)
      order[n++] = i;
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && ic_match_result_get_contribution (result, order[j]) >
                               ic_match_result_get_contribution (result, order[j - 1]); j--)
      {
        guint tmp = order[j];

        order[j] = order[j - 1];
        order[j - 1] = tmp;
      }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *part = describe (corpus, query, capability, result, order[i]);

      if (i > 0)
        g_string_append (sentence, _("; "));
      g_string_append (sentence, part);
    }
  if (n == 0)
    g_string_append (sentence, _("nothing the weights count connects them"));
  g_string_append (sentence, _("."));

  /* Capitalise the first letter. */
  {
    gunichar first = g_utf8_get_char (sentence->str);
    char buffer[8];
    gint length = g_unichar_to_utf8 (g_unichar_totitle (first), buffer);

    g_string_erase (sentence, 0, g_utf8_next_char (sentence->str) - sentence->str);
    g_string_prepend_len (sentence, buffer, length);
  }
  return g_string_free (sentence, FALSE);
}

IcMatchResult *
ic_match_explain (IcMatchCorpus      *corpus,
                  const IcMatchQuery *query,
                  guint32             capability,
                  const double       *scores,
                  double              score)
{
  const char *organisation_id = ic_match_corpus_get_capability_organisation (corpus, capability);
  g_autoptr(IcMatchResult) result =
    ic_match_result_new (query->challenge_id, corpus->capability_ids[capability],
                         organisation_id, score);
  g_autofree char *sentence = NULL;
  double relevance;

  ic_match_result_set_capability_title (result, corpus->capability_titles[capability]);
  ic_match_result_set_organisation_name (result,
                                         ic_match_corpus_get_organisation_name (corpus, organisation_id));
  ic_match_result_set_cross_sector (result, query->cross_sector);
  relevance = ic_match_relevance (query->weights, scores);
  for (guint i = 0; i < IC_MATCH_N_CRITERIA; i++)
    ic_match_result_set_criterion (result, i, scores[i], query->weights[i],
                                   query->total_weight > 0.0
                                   ? ic_match_part (query->weights, scores, relevance, i) /
                                     query->total_weight
                                   : 0.0);
  add_terms (corpus, query, capability, result);
  add_tags (corpus, query, capability, result);

  sentence = build_sentence (corpus, query, capability, result);
  ic_match_result_set_explanation (result, sentence);
  return g_steal_pointer (&result);
}
