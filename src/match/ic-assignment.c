/* ic-assignment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The flow network: a source feeds every left vertex (capacity: its
 * capacity), every left–right pair with a positive weight is an arc of
 * capacity 1 and cost −weight, and every right vertex drains into the
 * sink.  Potentials keep every residual arc's reduced cost
 * non-negative, so each shortest path is found by Dijkstra; on a graph
 * this dense the O(V²) array version beats a heap.  After a search the
 * potentials move by min(distance, distance to the sink), which keeps
 * reduced costs non-negative for the vertices the search did not
 * settle as well.
 */

#include "config.h"

#include "ic-assignment.h"

#define INF (G_MAXINT64 / 4)

typedef struct
{
  const IcAssignmentProblem *p;
  guint    n_left;
  guint    n_right;
  guint    source;
  guint    sink;
  guint8  *chosen;      /* n_left × n_right */
  guint   *used_left;
  guint   *used_right;
  gint64  *potential;   /* per vertex */
  gint64  *dist;
  guint   *pred;
  guint8  *settled;
} Flow;

static inline guint
left_capacity (const Flow *f,
               guint       i)
{
  return f->p->left_capacity ? f->p->left_capacity[i] : 1;
}

static inline guint
right_capacity (const Flow *f,
                guint       j)
{
  return f->p->right_capacity ? f->p->right_capacity[j] : 1;
}

static inline gint64
weight (const Flow *f,
        guint       i,
        guint       j)
{
  return f->p->weights[(gsize) i * f->n_right + j];
}

/* The cost of the next edge through a vertex's source or sink arc:
 * minus the bonus while it has fewer edges than its bonus units.
 * Costs only rise as edges are added, so reduced costs stay ≥ 0. */
static inline gint64
tier_cost (const Flow  *f,
           const guint *units,
           guint        index,
           guint        used)
{
  guint levels = MAX (f->p->bonus_levels, 1);

  if (units == NULL || used >= units[index] || used >= levels)
    return 0;
  return -f->p->bonus * (gint64) (levels - used);
}

static inline gint64
left_cost (const Flow *f,
           guint       i)
{
  return tier_cost (f, f->p->left_bonus_units, i, f->used_left[i]);
}

static inline gint64
right_cost (const Flow *f,
            guint       j)
{
  return tier_cost (f, f->p->right_bonus_units, j, f->used_right[j]);
}

/* Potentials for the empty flow: every arc's reduced cost is then ≥ 0. */
static void
init_potentials (Flow *f)
{
  gint64 sink_potential = 0;

  for (guint i = 0; i < f->n_left; i++)
    f->potential[i] = MIN (left_cost (f, i), 0);
  for (guint j = 0; j < f->n_right; j++)
    {
      gint64 lowest = 0;

      for (guint i = 0; i < f->n_left; i++)
        if (weight (f, i, j) > 0)
          lowest = MIN (lowest, f->potential[i] - weight (f, i, j));
      f->potential[f->n_left + j] = lowest;
      sink_potential = MIN (sink_potential, lowest + right_cost (f, j));
    }
  f->potential[f->source] = 0;
  f->potential[f->sink] = sink_potential;
}

static inline void
relax (Flow  *f,
       guint  from,
       guint  to,
       gint64 cost)
{
  gint64 d;

  if (f->settled[to])
    return;
  d = f->dist[from] + cost + f->potential[from] - f->potential[to];
  if (d < f->dist[to])
    {
      f->dist[to] = d;
      f->pred[to] = from;
    }
}

static void
relax_from (Flow  *f,
            guint  u)
{
  if (u == f->source)
    {
      for (guint i = 0; i < f->n_left; i++)
        if (f->used_left[i] < left_capacity (f, i))
          relax (f, u, i, left_cost (f, i));
    }
  else if (u < f->n_left)
    {
      const guint8 *row = f->chosen + (gsize) u * f->n_right;

      for (guint j = 0; j < f->n_right; j++)
        if (!row[j] && weight (f, u, j) > 0)
          relax (f, u, f->n_left + j, -weight (f, u, j));
    }
  else
    {
      guint j = u - f->n_left;

      /* Undoing a chosen edge gives its weight back. */
      for (guint i = 0; i < f->n_left; i++)
        if (f->chosen[(gsize) i * f->n_right + j])
          relax (f, u, i, weight (f, i, j));
      if (f->used_right[j] < right_capacity (f, j))
        relax (f, u, f->sink, right_cost (f, j));
    }
}

/* One shortest-path search; FALSE if the sink is unreachable. */
static gboolean
search (Flow *f)
{
  guint n_vertices = f->sink + 1;

  for (guint v = 0; v < n_vertices; v++)
    {
      f->dist[v] = INF;
      f->settled[v] = FALSE;
    }
  f->dist[f->source] = 0;

  for (;;)
    {
      guint u = G_MAXUINT;
      gint64 best = INF;

      for (guint v = 0; v < n_vertices; v++)
        if (!f->settled[v] && f->dist[v] < best)
          {
            best = f->dist[v];
            u = v;
          }
      if (u == G_MAXUINT)
        return FALSE;
      f->settled[u] = TRUE;
      if (u == f->sink)
        return TRUE;
      relax_from (f, u);
    }
}

static void
update_potentials (Flow *f)
{
  gint64 to_sink = f->dist[f->sink];

  for (guint v = 0; v <= f->sink; v++)
    f->potential[v] += MIN (f->dist[v], to_sink);
}

static void
augment (Flow *f)
{
  guint v = f->sink;

  while (v != f->source)
    {
      guint u = f->pred[v];

      if (u == f->source)
        f->used_left[v]++;
      else if (v == f->sink)
        f->used_right[u - f->n_left]++;
      else if (u < f->n_left)
        f->chosen[(gsize) u * f->n_right + (v - f->n_left)] = TRUE;
      else
        f->chosen[(gsize) v * f->n_right + (u - f->n_left)] = FALSE;
      v = u;
    }
}

gint64
ic_assignment_solve (const IcAssignmentProblem *problem,
                     GArray                    *edges)
{
  Flow f = { 0 };
  guint n_vertices;
  guint n_edges = 0;
  gint64 total = 0;

  g_return_val_if_fail (problem != NULL, 0);
  g_return_val_if_fail (problem->n_left == 0 || problem->n_right == 0 ||
                        problem->weights != NULL, 0);

  if (edges != NULL)
    g_array_set_size (edges, 0);
  if (problem->n_left == 0 || problem->n_right == 0 || problem->max_edges == 0)
    return 0;

  f.p = problem;
  f.n_left = problem->n_left;
  f.n_right = problem->n_right;
  f.source = f.n_left + f.n_right;
  f.sink = f.source + 1;
  n_vertices = f.sink + 1;
  f.chosen = g_new0 (guint8, (gsize) f.n_left * f.n_right);
  f.used_left = g_new0 (guint, f.n_left);
  f.used_right = g_new0 (guint, f.n_right);
  f.potential = g_new0 (gint64, n_vertices);
  f.dist = g_new (gint64, n_vertices);
  f.pred = g_new0 (guint, n_vertices);
  f.settled = g_new0 (guint8, n_vertices);

  init_potentials (&f);
  while (n_edges < problem->max_edges && search (&f))
    {
      /* The path's true cost: its reduced length plus the potential
       * difference between its ends (the source's stays 0). */
      gint64 cost = f.dist[f.sink] + f.potential[f.sink] - f.potential[f.source];

      if (cost >= 0)
        break;
      update_potentials (&f);
      augment (&f);
      total -= cost;
      n_edges++;
    }

  if (edges != NULL)
    {
      for (guint i = 0; i < f.n_left; i++)
        for (guint j = 0; j < f.n_right; j++)
          if (f.chosen[(gsize) i * f.n_right + j])
            {
              IcAssignmentEdge edge = { i, j };
              g_array_append_val (edges, edge);
            }
    }

  g_free (f.chosen);
  g_free (f.used_left);
  g_free (f.used_right);
  g_free (f.potential);
  g_free (f.dist);
  g_free (f.pred);
  g_free (f.settled);
  return total;
}
