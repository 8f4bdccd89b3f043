/* bench-data.h — deterministic records for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A BenchGenerator makes the same organisations, challenges and
 * capabilities for the same seed and sizes, on any machine and with any
 * GLib: it uses its own random numbers (xoshiro256** seeded through
 * splitmix64), a fixed reference date instead of today, and gives every
 * record its own random stream derived from (seed, kind, index), so one
 * record can be made without making the ones before it.
 *
 * Each challenge has up to three "planted" capabilities that share its
 * distinctive terms and tags, with a relevance of 3 (same cluster, every
 * distinctive term and tag), 2 (same cluster, most of them) or 1 (another
 * cluster, a few of them): the answers a matcher should find.
 */

#pragma once

#include "bench-rng.h"
#include "ic-record.h"

G_BEGIN_DECLS

/* Records */

typedef struct _BenchGenerator BenchGenerator;

BenchGenerator *bench_generator_new              (guint64         seed,
                                                  guint           n_organisations,
                                                  guint           n_challenges,
                                                  guint           n_capabilities);
void            bench_generator_free             (BenchGenerator *self);

guint           bench_generator_get_count        (BenchGenerator *self,
                                                  IcRecordKind    kind);
/* The id record @index of @kind will have (transfer none). */
const char     *bench_generator_get_id           (BenchGenerator *self,
                                                  IcRecordKind    kind,
                                                  guint           index);
/* Record @index of an organisation, challenge or capability; valid
 * under the default taxonomy (transfer full). */
IcRecord       *bench_generator_make             (BenchGenerator *self,
                                                  IcRecordKind    kind,
                                                  guint           index);

/* The challenge capability @index was planted for, with its relevance;
 * FALSE if it was planted for none. */
gboolean        bench_generator_get_planted      (BenchGenerator *self,
                                                  guint           capability,
                                                  guint          *challenge,
                                                  guint          *relevance);
/* The capabilities planted for @challenge, most relevant first; returns
 * how many (at most 3) were written to @capabilities. */
guint           bench_generator_get_planted_for  (BenchGenerator *self,
                                                  guint           challenge,
                                                  guint          *capabilities);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BenchGenerator, bench_generator_free)

G_END_DECLS
