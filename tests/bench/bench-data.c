/* bench-data.c — deterministic records for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bench-data.h"
#include "bench-text.h"
#include "bench-vocab.h"
#include "ic-capability.h"
#include "ic-challenge.h"
#include "ic-name-key.h"
#include "ic-organisation.h"
#include "ic-taxonomy.h"

/* Streams: one per purpose, so that changing how one thing is drawn
 * never shifts another. */
enum
{
  STREAM_ID_BASE      = 1,   /* + kind */
  STREAM_CONTENT_BASE = 11,  /* + kind */
  STREAM_PLAN_BASE    = 21,  /* + kind */
  STREAM_PLANT        = 31,
};

/* Deadlines fall in the two years from 1 January of this year. */
#define DEADLINE_YEAR  2027
#define DEADLINE_DAYS  731
#define N_DISTINCT     4
#define MAX_TAGS       5
#define MAX_TERMS      16

/* ---------------------------------------------------------------------
 * Plans: what other records need to know before a record is made
 * ------------------------------------------------------------------ */

typedef struct
{
  IcOrganisationKind kind;
  guint              cluster;
  guint              place;
  int                employees;
} OrgPlan;

typedef struct
{
  guint owner;
  guint cluster;
  guint distinct[N_DISTINCT];  /* term indices from the rare half */
  guint tags[MAX_TAGS];        /* term indices; the first two are distinct */
  guint n_tags;
  int   trl_min;
  int   trl_max;
  guint planted[3];
  guint n_planted;
} ChallengePlan;

typedef struct
{
  const BenchCluster *vocab;
  const char         *id;
  guint               n_terms;
  double             *cdf;      /* Zipf weights, cumulative */
} Cluster;

struct _BenchGenerator
{
  guint64        seed;
  guint          counts[3];
  char         (*ids[3])[37];

  IcTaxonomy    *taxonomy;
  Cluster       *clusters;
  guint          n_clusters;
  GPtrArray     *near_places;   /* const char *, in the region */
  GPtrArray     *far_places;

  OrgPlan       *orgs;
  GArray        *owners;        /* guint: large firms */
  GArray        *public_bodies; /* guint: they own a fifth of the challenges */
  GArray        *smes;          /* guint */
  ChallengePlan *challenges;
  gint32        *planted_challenge;  /* per capability, -1 if none */
  guint8        *planted_relevance;
  guint         *repeats[3];  /* per record, made when first needed: how many
                               * records before it have its name (ic-name-key.h) */
};

static int
kind_slot (IcRecordKind kind)
{
  switch (kind)
    {
    case IC_RECORD_KIND_ORGANISATION:
      return 0;
    case IC_RECORD_KIND_CHALLENGE:
      return 1;
    case IC_RECORD_KIND_CAPABILITY:
      return 2;
    default:
      g_return_val_if_reached (0);
    }
}

static guint
draw_term (BenchGenerator *self,
           guint           cluster,
           BenchRng       *rng)
{
  Cluster *c = &self->clusters[cluster];
  double u = bench_rng_double (rng) * c->cdf[c->n_terms - 1];
  guint lo = 0, hi = c->n_terms - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (c->cdf[mid] > u)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

static const char *
term (BenchGenerator *self,
      guint           cluster,
      guint           index)
{
  return self->clusters[cluster].vocab->terms[index];
}

static guint
draw_place (BenchGenerator *self,
            BenchRng       *rng)
{
  GPtrArray *from = self->far_places->len > 0 && bench_rng_chance (rng, 0.05)
                    ? self->far_places : self->near_places;
  const char *id = g_ptr_array_index (from, bench_rng_below (rng, from->len));
  guint n = ic_taxonomy_get_n_places (self->taxonomy);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (ic_taxonomy_get_place_id (self->taxonomy, i), id))
      return i;
  g_assert_not_reached ();
}

/* Roughly log-uniform in [@lo, @hi]: an octave [lo·2^k, lo·2^(k+1))
 * uniformly, then a value in it.  Integers only, so the same on every
 * machine. */
static int
log_uniform (BenchRng *rng,
             int       lo,
             int       hi)
{
  guint n_octaves = 0;
  gint64 a, b;

  for (gint64 x = lo; x <= hi; x *= 2)
    n_octaves++;
  a = (gint64) lo << bench_rng_below (rng, n_octaves);
  b = MIN (2 * a - 1, hi);
  return bench_rng_range (rng, a, b);
}

static void
plan_organisation (BenchGenerator *self,
                   guint           index,
                   OrgPlan        *plan)
{
  BenchRng rng;
  double r;

  /* Mostly SMEs; the large firms and public bodies own the challenges. */
  static const struct
  {
    double             below;
    IcOrganisationKind kind;
    int                min_employees;
    int                max_employees;
  } mix[] = {
    { 0.82, IC_ORGANISATION_KIND_SME, 1, 249 },
    { 0.91, IC_ORGANISATION_KIND_LARGE_FIRM, 250, 60000 },
    { 0.96, IC_ORGANISATION_KIND_PUBLIC_BODY, 100, 20000 },
    { 0.99, IC_ORGANISATION_KIND_UNIVERSITY, 800, 9000 },
    { 1.00, IC_ORGANISATION_KIND_OTHER, 2, 400 },
  };
  guint m = 0;

  bench_rng_init_stream (&rng, self->seed, STREAM_PLAN_BASE + IC_RECORD_KIND_ORGANISATION, index);
  r = bench_rng_double (&rng);
  while (m + 1 < G_N_ELEMENTS (mix) && r >= mix[m].below)
    m++;
  plan->kind = mix[m].kind;
  plan->employees = log_uniform (&rng, mix[m].min_employees, mix[m].max_employees);
  plan->cluster = bench_rng_below (&rng, self->n_clusters);
  plan->place = draw_place (self, &rng);
}

static void
plan_challenge (BenchGenerator *self,
                guint           index,
                ChallengePlan  *plan)
{
  BenchRng rng;
  guint n_terms, half;

  bench_rng_init_stream (&rng, self->seed, STREAM_PLAN_BASE + IC_RECORD_KIND_CHALLENGE, index);
  if (self->public_bodies->len > 0 && bench_rng_chance (&rng, 0.2))
    plan->owner = g_array_index (self->public_bodies, guint,
                                 bench_rng_below (&rng, self->public_bodies->len));
  else
    plan->owner = g_array_index (self->owners, guint, bench_rng_below (&rng, self->owners->len));
  plan->cluster = bench_rng_chance (&rng, 0.8) ? self->orgs[plan->owner].cluster
                                               : bench_rng_below (&rng, self->n_clusters);

  /* Distinctive terms come from the rare half of the vocabulary. */
  n_terms = self->clusters[plan->cluster].n_terms;
  half = n_terms / 2;
  for (guint i = 0; i < N_DISTINCT; i++)
    {
      gboolean again;

      do
        {
          plan->distinct[i] = half + bench_rng_below (&rng, n_terms - half);
          again = FALSE;
          for (guint j = 0; j < i; j++)
            again |= plan->distinct[j] == plan->distinct[i];
        }
      while (again);
    }

  plan->tags[0] = plan->distinct[0];
  plan->tags[1] = plan->distinct[1];
  plan->n_tags = 2;
  for (guint want = 2 + bench_rng_below (&rng, 3); plan->n_tags < want;)
    {
      guint t = draw_term (self, plan->cluster, &rng);
      gboolean seen = FALSE;

      for (guint j = 0; j < plan->n_tags; j++)
        seen |= plan->tags[j] == t;
      if (!seen)
        plan->tags[plan->n_tags++] = t;
    }

  plan->trl_min = bench_rng_range (&rng, 2, 7);
  plan->trl_max = plan->trl_min + (int) bench_rng_range (&rng, 1, 3);
  plan->trl_max = MIN (plan->trl_max, 9);
  plan->n_planted = 0;
}

static void
plant_pairs (BenchGenerator *self)
{
  guint n_caps = self->counts[2];
  BenchRng rng;

  bench_rng_init_stream (&rng, self->seed, STREAM_PLANT, 0);
  for (guint c = 0; c < self->counts[1] && n_caps > 0; c++)
    {
      ChallengePlan *plan = &self->challenges[c];

      for (guint r = 0; r < 3; r++)
        for (guint attempt = 0; attempt < 64; attempt++)
          {
            guint k = bench_rng_below (&rng, n_caps);

            if (self->planted_challenge[k] >= 0)
              continue;
            self->planted_challenge[k] = c;
            self->planted_relevance[k] = 3 - r;
            plan->planted[plan->n_planted++] = k;
            break;
          }
    }
}

static gboolean
has_kind (BenchGenerator     *self,
          IcOrganisationKind  kind)
{
  for (guint i = 0; i < self->counts[0]; i++)
    if (self->orgs[i].kind == kind)
      return TRUE;
  return FALSE;
}

/* Small runs still need a large firm to own the challenges and an SME
 * to own the capabilities. */
static void
ensure_owners (BenchGenerator *self)
{
  guint n = self->counts[0];

  if (n > 0 && self->counts[1] > 0 && !has_kind (self, IC_ORGANISATION_KIND_LARGE_FIRM))
    {
      self->orgs[0].kind = IC_ORGANISATION_KIND_LARGE_FIRM;
      self->orgs[0].employees = 1200;
    }
  if (n > 1 && self->counts[2] > 0 && !has_kind (self, IC_ORGANISATION_KIND_SME))
    {
      self->orgs[n - 1].kind = IC_ORGANISATION_KIND_SME;
      self->orgs[n - 1].employees = 24;
    }
}

BenchGenerator *
bench_generator_new (guint64 seed,
                     guint   n_organisations,
                     guint   n_challenges,
                     guint   n_capabilities)
{
  BenchGenerator *self = g_new0 (BenchGenerator, 1);
  guint n_clusters;

  g_return_val_if_fail (n_organisations > 0 || (n_challenges == 0 && n_capabilities == 0), NULL);

  self->seed = seed;
  self->counts[0] = n_organisations;
  self->counts[1] = n_challenges;
  self->counts[2] = n_capabilities;
  self->taxonomy = ic_taxonomy_new_default ();

  /* Clusters in taxonomy order, each with its vocabulary. */
  n_clusters = ic_taxonomy_get_n_clusters (self->taxonomy);
  self->clusters = g_new0 (Cluster, n_clusters);
  for (guint i = 0; i < n_clusters; i++)
    {
      const char *id = ic_taxonomy_get_cluster_id (self->taxonomy, i);
      const BenchCluster *vocab = bench_cluster_lookup (id);
      Cluster *c;
      double sum = 0;

      if (vocab == NULL)
        continue;
      c = &self->clusters[self->n_clusters++];
      c->vocab = vocab;
      c->id = id;
      c->n_terms = bench_strv_length (vocab->terms);
      c->cdf = g_new (double, c->n_terms);
      /* Zipf weights 1/rank: one division each, exactly rounded the
       * same way everywhere. */
      for (guint r = 0; r < c->n_terms; r++)
        c->cdf[r] = (sum += 1.0 / (r + 1));
    }
  g_assert (self->n_clusters > 0);

  self->near_places = g_ptr_array_new ();
  self->far_places = g_ptr_array_new ();
  for (guint i = 0; i < ic_taxonomy_get_n_places (self->taxonomy); i++)
    {
      const char *id = ic_taxonomy_get_place_id (self->taxonomy, i);
      const char *region = ic_taxonomy_get_place_region (self->taxonomy, id, NULL);

      g_ptr_array_add (g_strcmp0 (region, "west-midlands") == 0 ? self->near_places
                                                                : self->far_places,
                       (gpointer) id);
    }
  g_assert (self->near_places->len > 0);

  /* Ids first: each from its own stream, so known before any record. */
  for (guint k = 0; k < 3; k++)
    {
      IcRecordKind kind = k == 0 ? IC_RECORD_KIND_ORGANISATION
                        : k == 1 ? IC_RECORD_KIND_CHALLENGE : IC_RECORD_KIND_CAPABILITY;

      self->ids[k] = g_malloc_n (MAX (self->counts[k], 1), sizeof *self->ids[k]);
      for (guint i = 0; i < self->counts[k]; i++)
        {
          BenchRng rng;

          bench_rng_init_stream (&rng, seed, STREAM_ID_BASE + kind, i);
          bench_rng_uuid (&rng, self->ids[k][i]);
        }
    }

  self->orgs = g_new0 (OrgPlan, MAX (n_organisations, 1));
  self->owners = g_array_new (FALSE, FALSE, sizeof (guint));
  self->public_bodies = g_array_new (FALSE, FALSE, sizeof (guint));
  self->smes = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n_organisations; i++)
    plan_organisation (self, i, &self->orgs[i]);
  ensure_owners (self);
  for (guint i = 0; i < n_organisations; i++)
    {
      if (self->orgs[i].kind == IC_ORGANISATION_KIND_LARGE_FIRM)
        g_array_append_val (self->owners, i);
      else if (self->orgs[i].kind == IC_ORGANISATION_KIND_PUBLIC_BODY)
        g_array_append_val (self->public_bodies, i);
      else if (self->orgs[i].kind == IC_ORGANISATION_KIND_SME)
        g_array_append_val (self->smes, i);
    }

  self->challenges = g_new0 (ChallengePlan, MAX (n_challenges, 1));
  for (guint i = 0; i < n_challenges; i++)
    plan_challenge (self, i, &self->challenges[i]);

  self->planted_challenge = g_new (gint32, MAX (n_capabilities, 1));
  self->planted_relevance = g_new0 (guint8, MAX (n_capabilities, 1));
  for (guint i = 0; i < n_capabilities; i++)
    self->planted_challenge[i] = -1;
  plant_pairs (self);

  return self;
}

void
bench_generator_free (BenchGenerator *self)
{
  if (self == NULL)
    return;
  for (guint k = 0; k < 3; k++)
    g_free (self->ids[k]);
  for (guint i = 0; i < self->n_clusters; i++)
    g_free (self->clusters[i].cdf);
  g_free (self->clusters);
  g_ptr_array_unref (self->near_places);
  g_ptr_array_unref (self->far_places);
  g_free (self->orgs);
  g_array_unref (self->owners);
  g_array_unref (self->public_bodies);
  g_array_unref (self->smes);
  g_free (self->challenges);
  g_free (self->planted_challenge);
  g_free (self->planted_relevance);
  for (guint k = 0; k < 3; k++)
    g_free (self->repeats[k]);
  g_object_unref (self->taxonomy);
  g_free (self);
}

guint
bench_generator_get_count (BenchGenerator *self,
                           IcRecordKind    kind)
{
  return self->counts[kind_slot (kind)];
}

const char *
bench_generator_get_id (BenchGenerator *self,
                        IcRecordKind    kind,
                        guint           index)
{
  int k = kind_slot (kind);

  g_return_val_if_fail (index < self->counts[k], NULL);
  return self->ids[k][index];
}

gboolean
bench_generator_get_planted (BenchGenerator *self,
                             guint           capability,
                             guint          *challenge,
                             guint          *relevance)
{
  g_return_val_if_fail (capability < self->counts[2], FALSE);
  if (self->planted_challenge[capability] < 0)
    return FALSE;
  *challenge = self->planted_challenge[capability];
  *relevance = self->planted_relevance[capability];
  return TRUE;
}

guint
bench_generator_get_planted_for (BenchGenerator *self,
                                 guint           challenge,
                                 guint          *capabilities)
{
  ChallengePlan *plan;

  g_return_val_if_fail (challenge < self->counts[1], 0);
  plan = &self->challenges[challenge];
  for (guint i = 0; i < plan->n_planted; i++)
    capabilities[i] = plan->planted[i];
  return plan->n_planted;
}

static const char * const sme_suffixes[] = { "Ltd", "Ltd", "Limited", "LLP", NULL };
static const char * const large_firm_suffixes[] = {
  "Group plc", "UK Ltd", "Holdings plc", "International Ltd", NULL
};
static const char * const public_body_suffixes[] = {
  "District Council", "NHS Foundation Trust", "Transport Partnership", "Housing Trust",
  "Growth Hub", NULL
};
static const char * const university_suffixes[] = {
  "University", "Institute of Technology", "College", NULL
};

/* Starts organisation @index's stream in @rng and draws its name from
 * it (transfer full). */
static char *
make_org_name (BenchGenerator *self,
               guint           index,
               BenchRng       *rng)
{
  OrgPlan *plan = &self->orgs[index];
  const BenchCluster *vocab = self->clusters[plan->cluster].vocab;
  GString *name = g_string_new (NULL);

  bench_rng_init_stream (rng, self->seed, STREAM_CONTENT_BASE + IC_RECORD_KIND_ORGANISATION, index);
  /* One draw per statement: the order arguments are evaluated in is
   * not fixed, and the records must not depend on the compiler. */
  g_string_append (name, bench_rng_pick (rng, bench_name_stems));
  g_string_append (name, bench_rng_pick (rng, bench_name_endings));
  switch (plan->kind)
    {
    case IC_ORGANISATION_KIND_LARGE_FIRM:
      g_string_append_printf (name, " %s", bench_rng_pick (rng, vocab->org_nouns));
      g_string_append_printf (name, " %s", bench_rng_pick (rng, large_firm_suffixes));
      break;
    case IC_ORGANISATION_KIND_PUBLIC_BODY:
      g_string_append_printf (name, " %s", bench_rng_pick (rng, public_body_suffixes));
      break;
    case IC_ORGANISATION_KIND_UNIVERSITY:
      g_string_append_printf (name, " %s", bench_rng_pick (rng, university_suffixes));
      break;
    case IC_ORGANISATION_KIND_OTHER:
      g_string_append_printf (name, " %s Network CIC", bench_rng_pick (rng, vocab->org_nouns));
      break;
    case IC_ORGANISATION_KIND_SME:
    default:
      g_string_append_printf (name, " %s", bench_rng_pick (rng, vocab->org_nouns));
      g_string_append_printf (name, " %s", bench_rng_pick (rng, sme_suffixes));
      break;
    }
  return g_string_free (name, FALSE);
}

/* The mail domain of organisation @org's people (transfer full). */
static char *
owner_domain (BenchGenerator *self,
              guint           org)
{
  BenchRng rng;
  g_autofree char *name = make_org_name (self, org, &rng);
  g_autofree char *slug = bench_text_make_slug (name);

  return g_strconcat (slug, ".example", NULL);
}

static IcRecord *
make_organisation (BenchGenerator *self,
                   guint           index)
{
  OrgPlan *plan = &self->orgs[index];
  const BenchCluster *vocab = self->clusters[plan->cluster].vocab;
  const char *place = ic_taxonomy_get_place_id (self->taxonomy, plan->place);
  BenchRng rng;
  g_autofree char *name = make_org_name (self, index, &rng);
  g_autofree char *slug = bench_text_make_slug (name);
  g_autofree char *website = NULL;
  g_autofree char *notes = NULL;

  website = g_strdup_printf ("https://www.%s.example", slug);
  if (bench_rng_chance (&rng, 0.5))
    {
      const char *first = term (self, plan->cluster, draw_term (self, plan->cluster, &rng));
      const char *second = first;

      for (guint tries = 0; second == first && tries < 8; tries++)
        second = term (self, plan->cluster, draw_term (self, plan->cluster, &rng));

      notes = g_strdup_printf ("Works in %s, mainly on %s and %s. Met at a %s cluster event.",
                               vocab->sector, first, second,
                               ic_taxonomy_get_cluster_name (self->taxonomy, self->clusters[plan->cluster].id));
    }

  return g_object_new (IC_TYPE_ORGANISATION,
                       "id", self->ids[0][index],
                       "name", name,
                       "kind", plan->kind,
                       "cluster", self->clusters[plan->cluster].id,
                       "local-authority", place,
                       "employees", plan->employees,
                       "website", website,
                       "notes", notes,
                       "visibility", bench_rng_chance (&rng, 0.02) ? IC_VISIBILITY_PRIVATE : IC_VISIBILITY_TEAM,
                       NULL);
}

/* Adds @t to @terms unless it is there already. */
static void
add_term (const char **terms,
          guint       *n,
          const char  *t)
{
  for (guint i = 0; i < *n; i++)
    if (terms[i] == t)
      return;
  if (*n < MAX_TERMS)
    terms[(*n)++] = t;
}

static void
add_tag (GPtrArray  *tags,
         const char *tag)
{
  for (guint i = 0; i < tags->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (tags, i), tag) == 0)
      return;
  g_ptr_array_add (tags, (gpointer) tag);
}

static IcRecord *
make_challenge (BenchGenerator *self,
                guint           index)
{
  ChallengePlan *plan = &self->challenges[index];
  OrgPlan *owner = &self->orgs[plan->owner];
  const BenchCluster *vocab = self->clusters[plan->cluster].vocab;
  const char *terms[MAX_TERMS];
  guint n_terms = 0;
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autofree char *deadline = NULL;
  g_autofree char *domain = owner_domain (self, plan->owner);
  g_autofree char *contact = NULL;
  gint64 budget_min, budget_max;
  double r;
  IcChallengeStatus status;
  BenchRng rng;

  bench_rng_init_stream (&rng, self->seed, STREAM_CONTENT_BASE + IC_RECORD_KIND_CHALLENGE, index);

  for (guint i = 0; i < N_DISTINCT; i++)
    add_term (terms, &n_terms, term (self, plan->cluster, plan->distinct[i]));
  for (guint want = n_terms + 2 + bench_rng_below (&rng, 4); n_terms < want;)
    add_term (terms, &n_terms, term (self, plan->cluster, draw_term (self, plan->cluster, &rng)));

  bench_text_append_title (title, &rng, bench_challenge_titles, terms[0],
                bench_rng_chance (&rng, 0.5) ? terms[1] : bench_rng_pick (&rng, vocab->sites));
  bench_text_append_challenge (description, &rng, vocab, terms, n_terms);

  for (guint i = 0; i < plan->n_tags; i++)
    add_tag (tags, term (self, plan->cluster, plan->tags[i]));
  if (bench_rng_chance (&rng, 0.2))
    add_tag (tags, bench_rng_pick (&rng, bench_general_tags));
  g_ptr_array_add (tags, NULL);

  budget_min = bench_rng_below (&rng, 5) * G_GINT64_CONSTANT (10000);
  budget_min *= 1 + bench_rng_below (&rng, 5);
  budget_max = MAX (budget_min, 10000) * (2 + bench_rng_below (&rng, 9));
  deadline = bench_text_make_date (&rng, DEADLINE_YEAR, DEADLINE_DAYS);
  r = bench_rng_double (&rng);
  status = r < 0.85 ? IC_CHALLENGE_STATUS_OPEN
         : r < 0.91 ? IC_CHALLENGE_STATUS_PAUSED
         : r < 0.96 ? IC_CHALLENGE_STATUS_MATCHED : IC_CHALLENGE_STATUS_CLOSED;
  contact = bench_text_make_contact (&rng, domain);

  return g_object_new (IC_TYPE_CHALLENGE,
                       "id", self->ids[1][index],
                       "organisation-id", self->ids[0][plan->owner],
                       "title", title->str,
                       "description", description->str,
                       "cluster", self->clusters[plan->cluster].id,
                       "tags", (const char * const *) tags->pdata,
                       "trl-min", plan->trl_min,
                       "trl-max", plan->trl_max,
                       "budget-min", budget_min,
                       "budget-max", budget_max,
                       "deadline", deadline,
                       "local-authority", bench_rng_chance (&rng, 0.8)
                         ? ic_taxonomy_get_place_id (self->taxonomy, owner->place)
                         : ic_taxonomy_get_place_id (self->taxonomy, draw_place (self, &rng)),
                       "status", status,
                       "contact", contact,
                       NULL);
}

static int
draw_trl (BenchRng *rng)
{
  static const guint weights[] = { 2, 4, 6, 9, 12, 13, 12, 9, 6 };
  guint total = 0, u;

  if (bench_rng_chance (rng, 0.05))
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    total += weights[i];
  u = bench_rng_below (rng, total);
  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      if (u < weights[i])
        return i + 1;
      u -= weights[i];
    }
  return 9;
}

static IcRecord *
make_capability (BenchGenerator *self,
                 guint           index)
{
  const char *terms[MAX_TERMS];
  const char *own[MAX_TERMS];
  guint n_terms = 0, n_own = 0;
  guint challenge = 0, relevance = 0, cluster, org;
  ChallengePlan *plan = NULL;
  const BenchCluster *vocab;
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GPtrArray) certs = g_ptr_array_new ();
  g_autofree char *domain = NULL;
  g_autofree char *contact = NULL;
  const char *distinct[N_DISTINCT] = { NULL, };
  guint n_distinct = 0;
  int trl;
  BenchRng rng;

  bench_rng_init_stream (&rng, self->seed, STREAM_CONTENT_BASE + IC_RECORD_KIND_CAPABILITY, index);

  if (bench_generator_get_planted (self, index, &challenge, &relevance))
    plan = &self->challenges[challenge];

  org = self->smes->len > 0 ? g_array_index (self->smes, guint, bench_rng_below (&rng, self->smes->len))
                            : bench_rng_below (&rng, self->counts[0]);
  if (plan != NULL && relevance >= 2)
    cluster = plan->cluster;
  else if (plan != NULL && self->n_clusters > 1)
    cluster = (plan->cluster + 1 + bench_rng_below (&rng, self->n_clusters - 1)) % self->n_clusters;
  else
    cluster = bench_rng_chance (&rng, 0.8) ? self->orgs[org].cluster
                                           : bench_rng_below (&rng, self->n_clusters);
  vocab = self->clusters[cluster].vocab;

  /* A planted capability shares the challenge's distinctive terms:
   * relevance 3 all four, first and in its title; 2 three of them, one
   * in its title; 1 (another cluster) three of them, one in its title. */
  if (plan != NULL)
    {
      n_distinct = relevance == 3 ? 4 : 3;
      for (guint i = 0; i < n_distinct; i++)
        distinct[i] = term (self, plan->cluster, plan->distinct[i]);
    }

  for (guint want = 5 + bench_rng_below (&rng, 5); n_own < want;)
    add_term (own, &n_own, term (self, cluster, draw_term (self, cluster, &rng)));
  if (bench_rng_chance (&rng, 0.3))
    {
      guint other = bench_rng_below (&rng, self->n_clusters);
      add_term (own, &n_own, term (self, other, draw_term (self, other, &rng)));
    }

  if (relevance == 3)
    for (guint i = 0; i < n_distinct; i++)
      add_term (terms, &n_terms, distinct[i]);
  else if (relevance == 2)
    add_term (terms, &n_terms, distinct[0]);
  else if (relevance == 1)
    {
      add_term (terms, &n_terms, own[0]);
      add_term (terms, &n_terms, distinct[0]);
    }
  for (guint i = 0; i < n_own; i++)
    add_term (terms, &n_terms, own[i]);
  for (guint i = 0; i < n_distinct; i++)
    add_term (terms, &n_terms, distinct[i]);

  bench_text_append_title (title, &rng, bench_capability_titles, terms[0], terms[1]);
  bench_text_append_capability (description, &rng, vocab, terms, n_terms);

  if (plan != NULL)
    {
      guint n = relevance == 3 ? plan->n_tags : 2;

      for (guint i = 0; i < n; i++)
        add_tag (tags, term (self, plan->cluster, plan->tags[i]));
    }
  for (guint want = tags->len + 2 + bench_rng_below (&rng, 4), i = 0; tags->len < want && i < n_terms; i++)
    add_tag (tags, terms[i]);
  if (bench_rng_chance (&rng, 0.15))
    add_tag (tags, bench_rng_pick (&rng, bench_general_tags));
  g_ptr_array_add (tags, NULL);

  if (bench_rng_chance (&rng, 0.6))
    g_ptr_array_add (certs, (gpointer) bench_rng_pick (&rng, bench_certifications));
  if (bench_rng_chance (&rng, 0.4))
    g_ptr_array_add (certs, (gpointer) vocab->certification);
  g_ptr_array_add (certs, NULL);

  trl = draw_trl (&rng);
  if (plan != NULL && relevance == 3)
    trl = bench_rng_range (&rng, plan->trl_min, plan->trl_max);

  domain = owner_domain (self, org);
  contact = bench_text_make_contact (&rng, domain);

  return g_object_new (IC_TYPE_CAPABILITY,
                       "id", self->ids[2][index],
                       "organisation-id", self->ids[0][org],
                       "title", title->str,
                       "description", description->str,
                       "cluster", self->clusters[cluster].id,
                       "tags", (const char * const *) tags->pdata,
                       "trl", trl,
                       "employees", self->orgs[org].employees,
                       "local-authority", ic_taxonomy_get_place_id (self->taxonomy, self->orgs[org].place),
                       "certifications", (const char * const *) certs->pdata,
                       "contact", contact,
                       NULL);
}

static IcRecord *
make_drawn (BenchGenerator *self,
            IcRecordKind    kind,
            guint           index)
{
  switch (kind)
    {
    case IC_RECORD_KIND_ORGANISATION:
      return make_organisation (self, index);
    case IC_RECORD_KIND_CHALLENGE:
      return make_challenge (self, index);
    case IC_RECORD_KIND_CAPABILITY:
      return make_capability (self, index);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The names drawn repeat now and then, and the store keeps no two
 * organisations with one name and no two records of an organisation
 * with one title: a repeat is numbered, in index order, whatever order
 * the records are made in.  The first time a kind is made, all of it is
 * drawn once to find them. */
static guint
repeat_of (BenchGenerator *self,
           IcRecordKind    kind,
           guint           index)
{
  int k = kind_slot (kind);

  if (self->repeats[k] == NULL)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      self->repeats[k] = g_new0 (guint, self->counts[k]);
      for (guint i = 0; i < self->counts[k]; i++)
        {
          g_autoptr(IcRecord) record = make_drawn (self, kind, i);
          char *key = ic_name_key_for_record (record);
          guint n;

          if (key == NULL)
            continue;
          n = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key));
          self->repeats[k][i] = n;
          g_hash_table_replace (seen, key, GUINT_TO_POINTER (n + 1));
        }
    }
  return self->repeats[k][index];
}

IcRecord *
bench_generator_make (BenchGenerator *self,
                      IcRecordKind    kind,
                      guint           index)
{
  IcRecord *record;
  guint repeat;

  g_return_val_if_fail (index < self->counts[kind_slot (kind)], NULL);

  record = make_drawn (self, kind, index);
  repeat = repeat_of (self, kind, index);
  if (repeat > 0)
    {
      const char *property = kind == IC_RECORD_KIND_ORGANISATION ? "name" : "title";
      g_autofree char *numbered = g_strdup_printf ("%s (%u)", ic_record_get_title (record),
                                                   repeat + 1);

      g_object_set (record, property, numbered, NULL);
    }
  return record;
}
