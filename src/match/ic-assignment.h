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
