/* bench-vocab.h — words for generated benchmark records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Per-cluster technical terms (most common first, so that a Zipf draw
 * makes the first ones frequent and the last ones rare), plus the
 * general words that every sector's text shares.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char         *cluster;        /* taxonomy id */
  const char         *sector;         /* as written in running text */
  const char * const *terms;          /* NULL-terminated, common first */
  const char * const *org_nouns;      /* for organisation names */
  const char * const *sites;          /* where a large firm works */
  const char         *certification;  /* one the sector asks for */
} BenchCluster;

/* The clusters of the default taxonomy, ending with a NULL cluster. */
extern const BenchCluster bench_clusters[];

/* Words that any record may use; all NULL-terminated. */
extern const char * const bench_reduce_words[];
extern const char * const bench_improve_words[];
extern const char * const bench_general_tags[];
extern const char * const bench_certifications[];
extern const char * const bench_name_stems[];
extern const char * const bench_name_endings[];
extern const char * const bench_first_names[];
extern const char * const bench_last_names[];

/* The vocabulary for @cluster_id, or NULL. */
const BenchCluster *bench_cluster_lookup (const char *cluster_id);

guint               bench_strv_length    (const char * const *strv);

G_END_DECLS
