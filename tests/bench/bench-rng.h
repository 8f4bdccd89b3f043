/* bench-rng.h — random numbers that are the same everywhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint64 s[4];
} BenchRng;

void      bench_rng_init        (BenchRng   *rng,
                                 guint64     seed);
/* A stream of its own for record @index of @kind under @seed. */
void      bench_rng_init_stream (BenchRng   *rng,
                                 guint64     seed,
                                 guint64     kind,
                                 guint64     index);
guint64   bench_rng_next        (BenchRng   *rng);
/* Uniform in [0, @n); @n > 0. */
guint32   bench_rng_below       (BenchRng   *rng,
                                 guint32     n);
/* Uniform in [@lo, @hi]. */
gint64    bench_rng_range       (BenchRng   *rng,
                                 gint64      lo,
                                 gint64      hi);
/* Uniform in [0, 1). */
double    bench_rng_double      (BenchRng   *rng);
gboolean  bench_rng_chance      (BenchRng   *rng,
                                 double      p);
/* A version 4, variant 1 UUID in lower case; @out holds 37 bytes. */
void      bench_rng_uuid        (BenchRng   *rng,
                                 char       *out);
/* One of the strings of NULL-terminated @strv, uniformly. */
const char *bench_rng_pick      (BenchRng           *rng,
                                 const char * const *strv);

G_END_DECLS
