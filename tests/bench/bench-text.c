/* bench-text.c — titles, descriptions, names and search words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-text.h"

const BenchTitleShape bench_challenge_titles[] = {
  { "", " for our ", "" },
  { "Seeking partners in ", " and ", "" },
  { "Low-cost ", " to support ", "" },
  { "Pilot of ", " alongside ", "" },
  { "Improving ", " across our ", "" },
  { "", " solution needed for ", "" },
  { NULL, NULL, NULL }
};

const BenchTitleShape bench_capability_titles[] = {
  { "", " and ", " services" },
  { "Specialist ", " with ", "" },
  { "", " design, testing and ", "" },
  { "Rapid ", " prototyping and ", "" },
  { "", " consultancy and ", "" },
  { "Turnkey ", " for ", " projects" },
  { NULL, NULL, NULL }
};

static void
append_capitalised (GString    *s,
                    const char *text)
{
  gsize start = s->len;

  g_string_append (s, text);
  if (s->len > start && g_ascii_islower (s->str[start]))
    s->str[start] = g_ascii_toupper (s->str[start]);
}

void
bench_text_append_title (GString               *s,
                         BenchRng              *rng,
                         const BenchTitleShape *shapes,
                         const char            *a,
                         const char            *b)
{
  guint n = 0;
  const BenchTitleShape *shape;
  g_autofree char *title = NULL;

  while (shapes[n].before != NULL)
    n++;
  shape = &shapes[bench_rng_below (rng, n)];
  title = g_strconcat (shape->before, a, shape->between, b, shape->after, NULL);
  append_capitalised (s, title);
}

void
bench_text_append_challenge (GString             *s,
                             BenchRng            *rng,
                             const BenchCluster  *vocab,
                             const char * const  *terms,
                             guint                n_terms)
{
  const char *site, *improve, *reduce, *cut;
  guint percent, months;

  g_return_if_fail (n_terms >= 4);

  /* One draw per statement: the order arguments are evaluated in is not
   * fixed, and the text must not depend on the compiler. */
  site = bench_rng_pick (rng, vocab->sites);
  improve = bench_rng_pick (rng, bench_improve_words);
  reduce = bench_rng_pick (rng, bench_reduce_words);
  cut = bench_rng_pick (rng, bench_reduce_words);
  percent = 10 + bench_rng_below (rng, 41);
  months = 3 + bench_rng_below (rng, 10);

  g_string_append_printf (s, "We are looking for an SME that can help with %s and %s at our %s. ",
                          terms[0], terms[1], site);
  g_string_append_printf (s, "Our current approach to %s holds back %s and drives up %s. ",
                          terms[2], improve, reduce);
  g_string_append_printf (s, "The solution should work alongside our existing %s and cut %s by at least %u%%. ",
                          terms[3], cut, percent);
  for (guint i = 4; i < n_terms; i += 2)
    {
      if (i + 1 < n_terms)
        g_string_append_printf (s, "Experience of %s or %s in %s would be welcome. ",
                                terms[i], terms[i + 1], vocab->sector);
      else
        g_string_append_printf (s, "Knowledge of %s would help. ", terms[i]);
    }
  g_string_append_printf (s, "We can offer a paid trial of %u months, access to data and engineering support.",
                          months);
}

/* Openers of a capability's first sentence: "%s and %s" then a sector. */
static const BenchTitleShape capability_openers[] = {
  { "We design and deliver ", " and ", " for customers in " },
  { "We provide ", " and ", " to customers in " },
  { "We specialise in ", " and ", " for " },
  { "Our engineers develop ", " and ", " for clients across " },
  { "We manufacture and support ", " and ", " for " },
  { "We offer ", " and ", " to organisations in " },
  { NULL, NULL, NULL }
};

void
bench_text_append_capability (GString             *s,
                              BenchRng            *rng,
                              const BenchCluster  *vocab,
                              const char * const  *terms,
                              guint                n_terms)
{
  const BenchTitleShape *opener;
  guint n_openers = 0;
  guint years;

  g_return_if_fail (n_terms >= 4);

  while (capability_openers[n_openers].before != NULL)
    n_openers++;
  opener = &capability_openers[bench_rng_below (rng, n_openers)];
  g_string_append_printf (s, "%s%s%s%s%s%s. ", opener->before, terms[0], opener->between,
                          terms[1], opener->after, vocab->sector);

  years = 2 + bench_rng_below (rng, 30);
  switch (bench_rng_below (rng, 3))
    {
    case 0:
      g_string_append_printf (s, "Our team has %u years of experience with %s. ", years, terms[2]);
      break;
    case 1:
      g_string_append_printf (s, "We have worked on %s since %u. ", terms[2], 2026 - years);
      break;
    default:
      g_string_append_printf (s, "Most of our work now involves %s. ", terms[2]);
      break;
    }

  for (guint i = 3; i + 1 < n_terms; i += 2)
    {
      if (bench_rng_chance (rng, 0.5))
        g_string_append_printf (s, "Recent projects combined %s with %s to reduce %s. ",
                                terms[i], terms[i + 1], bench_rng_pick (rng, bench_reduce_words));
      else
        g_string_append_printf (s, "We have helped clients improve %s through %s and %s. ",
                                bench_rng_pick (rng, bench_improve_words), terms[i], terms[i + 1]);
    }

  if (bench_rng_chance (rng, 0.5))
    g_string_append_printf (s, "We are keen to trial our %s with larger partners.", terms[n_terms - 1]);
  else
    g_string_append_printf (s, "Ask us about %s.", terms[n_terms - 1]);
}

char *
bench_text_make_contact (BenchRng   *rng,
                         const char *domain)
{
  const char *first = bench_rng_pick (rng, bench_first_names);
  const char *last = bench_rng_pick (rng, bench_last_names);
  g_autofree char *user = g_ascii_strdown (first, -1);
  g_autofree char *user_last = g_ascii_strdown (last, -1);

  return g_strdup_printf ("%s %s <%s.%s@%s>", first, last, user, user_last, domain);
}

char *
bench_text_make_slug (const char *name)
{
  GString *s = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (s, g_ascii_tolower (*p));
      else if (s->len > 0 && s->str[s->len - 1] != '-')
        g_string_append_c (s, '-');
    }
  while (s->len > 0 && s->str[s->len - 1] == '-')
    g_string_truncate (s, s->len - 1);
  return g_string_free (s, FALSE);
}

char *
bench_text_make_date (BenchRng *rng,
                      guint     year,
                      guint     n_days)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, year);

  g_date_add_days (date, bench_rng_below (rng, n_days));
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/* ---------------------------------------------------------------------
 * Search words
 * ------------------------------------------------------------------ */

/* Nobody searches for these. */
static const char * const stop_words[] = { "and", "the", "for", "with", NULL };

/* The words of @text of at least three letters (transfer full). */
static GPtrArray *
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gboolean letter = *p != '\0' && g_unichar_isalnum (g_utf8_get_char (p));

      if (letter && start == NULL)
        start = p;
      else if (!letter && start != NULL)
        {
          g_autofree char *word = g_utf8_strdown (start, p - start);

          if (g_utf8_strlen (word, -1) >= 3 && !g_strv_contains (stop_words, word))
            g_ptr_array_add (words, g_steal_pointer (&word));
          start = NULL;
        }
      if (*p == '\0')
        break;
    }
  return words;
}

char *
bench_make_search_words (BenchRng *rng)
{
  const BenchCluster *vocab;
  g_autoptr(GPtrArray) words = NULL;
  double r = bench_rng_double (rng);

  do
    {
      guint n_clusters = 0;

      while (bench_clusters[n_clusters].cluster != NULL)
        n_clusters++;
      vocab = &bench_clusters[bench_rng_below (rng, n_clusters)];
      g_clear_pointer (&words, g_ptr_array_unref);
      words = split_words (bench_rng_pick (rng, vocab->terms));
    }
  while (words->len == 0);

  if (r < 0.25 && words->len >= 2)
    return g_strdup_printf ("%s %s", (char *) words->pdata[0], (char *) words->pdata[1]);
  if (r < 0.45)
    {
      const char *word = g_ptr_array_index (words, bench_rng_below (rng, words->len));
      glong len = g_utf8_strlen (word, -1);

      if (len >= 5)
        {
          glong keep = 3 + (glong) bench_rng_below (rng, 3);

          keep = MIN (keep, len - 1);
          return g_utf8_substring (word, 0, keep);
        }
    }
  return g_strdup (g_ptr_array_index (words, bench_rng_below (rng, words->len)));
}
