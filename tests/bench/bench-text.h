/* bench-text.h — titles, descriptions, names and search words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bench-rng.h"
#include "bench-vocab.h"

G_BEGIN_DECLS

/* A title reads: BEFORE a BETWEEN b AFTER. */
typedef struct
{
  const char *before;
  const char *between;
  const char *after;
} BenchTitleShape;

/* Both end with a shape whose before is NULL. */
extern const BenchTitleShape bench_challenge_titles[];
extern const BenchTitleShape bench_capability_titles[];

void  bench_text_append_title      (GString               *s,
                                    BenchRng              *rng,
                                    const BenchTitleShape *shapes,
                                    const char            *a,
                                    const char            *b);
/* A description that names every one of @terms (at least four). */
void  bench_text_append_challenge  (GString               *s,
                                    BenchRng              *rng,
                                    const BenchCluster    *vocab,
                                    const char * const    *terms,
                                    guint                  n_terms);
/* A description that names every one of @terms (at least four). */
void  bench_text_append_capability (GString               *s,
                                    BenchRng              *rng,
                                    const BenchCluster    *vocab,
                                    const char * const    *terms,
                                    guint                  n_terms);

/* "First Last <first.last@DOMAIN>" (transfer full). */
char *bench_text_make_contact      (BenchRng              *rng,
                                    const char            *domain);
/* @name in lower case, runs of other characters as one '-' (transfer full). */
char *bench_text_make_slug         (const char            *name);
/* A YYYY-MM-DD date in the @n_days days from 1 January @year (transfer full). */
char *bench_text_make_date         (BenchRng              *rng,
                                    guint                  year,
                                    guint                  n_days);

/* Words a person might search for, drawn from the vocabulary: one or two
 * words, sometimes cut to a prefix (transfer full). */
char *bench_make_search_words      (BenchRng              *rng);

G_END_DECLS
