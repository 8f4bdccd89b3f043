/* ic-assignment.h — exact maximum-weight bipartite b-matching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chooses edges between a left and a right set so that the total weight
 * is as large as possible, each vertex is used at most its capacity
 * times, each edge at most once, and at most @max_edges edges are
 * chosen.  Solved exactly as a min-cost flow by successive shortest
 * paths (Dijkstra with potentials on a dense graph), which finds the
 * best flow of every size in turn; it stops at the first augmenting
 * path that gains nothing, so the result is optimal over all sizes up
 * to the cap.  O(max_edges · (V² + L·R)) time, O(L·R) memory.
 *
 * Weights are integers so that the optimum is exact and the result
 * does not depend on rounding; callers scale their scores.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint         n_left;
  guint         n_right;
  const gint64 *weights;         /* n_left × n_right, row-major; ≤ 0 means no edge */
  const guint  *left_capacity;   /* n_left entries, or NULL for 1 each */
  const guint  *right_capacity;  /* n_right entries, or NULL for 1 each */
  guint         max_edges;       /* G_MAXUINT for no cap */
  /* A vertex's first edges may be worth more than the rest: the u-th
   * (from 1) of the first left_bonus_units[i] edges at left vertex i
   * adds bonus × (bonus_levels + 1 − u), never below 0, and likewise on
   * the right (NULL: none).  This is how a fair minimum of meetings per
   * person is favoured, everyone's first before anyone's second; the
   * flow stays exact, as each vertex's value is concave in its number
   * of edges. */
  const guint  *left_bonus_units;
  const guint  *right_bonus_units;
  gint64        bonus;
  guint         bonus_levels;      /* 0 counts as 1 */
} IcAssignmentProblem;

typedef struct
{
  guint left;
  guint right;
} IcAssignmentEdge;

/* Solves @problem.  Stores the chosen edges, ordered by left then right,
 * in @edges (cleared first) if it is not NULL.
 * Returns: the total weight of the chosen edges */
gint64 ic_assignment_solve (const IcAssignmentProblem *problem,
                            GArray                    *edges);

G_END_DECLS
