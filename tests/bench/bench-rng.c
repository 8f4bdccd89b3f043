/* bench-rng.c — random numbers that are the same everywhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * xoshiro256** seeded through splitmix64: small, fast and fully
 * specified, so a seed means the same records on every machine.
 */

#include "config.h"

#include "bench-rng.h"

static guint64
splitmix64 (guint64 *x)
{
  guint64 z = (*x += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

void
bench_rng_init (BenchRng *rng,
                guint64   seed)
{
  guint64 x = seed;

  for (guint i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&x);
}

void
bench_rng_init_stream (BenchRng *rng,
                       guint64   seed,
                       guint64   kind,
                       guint64   index)
{
  guint64 x = seed;
  guint64 h = splitmix64 (&x);

  x = h ^ (kind * G_GUINT64_CONSTANT (0xD1B54A32D192ED03));
  h = splitmix64 (&x);
  x = h ^ (index * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) + G_GUINT64_CONSTANT (0x632BE59BD9B4E019));
  bench_rng_init (rng, splitmix64 (&x));
}

guint64
bench_rng_next (BenchRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

guint32
bench_rng_below (BenchRng *rng,
                 guint32   n)
{
  /* Multiply and shift, rejecting the few values that would bias it. */
  guint64 m;
  guint32 low;

  g_return_val_if_fail (n > 0, 0);
  m = (bench_rng_next (rng) >> 32) * n;
  low = (guint32) m;
  if (low < n)
    {
      guint32 threshold = -n % n;

      while (low < threshold)
        {
          m = (bench_rng_next (rng) >> 32) * n;
          low = (guint32) m;
        }
    }
  return m >> 32;
}

gint64
bench_rng_range (BenchRng *rng,
                 gint64    lo,
                 gint64    hi)
{
  return lo + bench_rng_below (rng, (guint32) (hi - lo + 1));
}

double
bench_rng_double (BenchRng *rng)
{
  return (bench_rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

gboolean
bench_rng_chance (BenchRng *rng,
                  double    p)
{
  return bench_rng_double (rng) < p;
}

void
bench_rng_uuid (BenchRng *rng,
                char     *out)
{
  guint8 b[16];
  guint64 hi = bench_rng_next (rng);
  guint64 lo = bench_rng_next (rng);

  for (guint i = 0; i < 8; i++)
    {
      b[i] = hi >> (56 - 8 * i);
      b[8 + i] = lo >> (56 - 8 * i);
    }
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  g_snprintf (out, 37,
              "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
              b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
              b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

const char *
bench_rng_pick (BenchRng           *rng,
                const char * const *strv)
{
  return strv[bench_rng_below (rng, g_strv_length ((char **) strv))];
}
