/* ic-feed-problem.h — errors as application/problem+json (RFC 9457)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Problem types are tag URIs: names, not pages to fetch. */
#define IC_FEED_PROBLEM_TYPE_PREFIX "tag:wmvit.github.io,2024:interchange/problem/"

typedef struct
{
  char  *type;
  char  *title;
  guint  status;
  char  *detail;
} IcFeedProblem;

void           ic_feed_problem_free   (IcFeedProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcFeedProblem, ic_feed_problem_free)

/* A problem document: "type" is IC_FEED_PROBLEM_TYPE_PREFIX + @slug (or
 * "about:blank" when @slug is NULL); @detail may be NULL.
 * Returns: (transfer full) */
char          *ic_feed_problem_build  (guint          status,
                                       const char    *slug,
                                       const char    *title,
                                       const char    *detail);

/* Reads a problem document, leniently: members of the wrong type are
 * ignored, text is cut to a readable length.
 * Returns: (transfer full) (nullable): NULL if @data is not a JSON object */
IcFeedProblem *ic_feed_problem_parse  (const char    *data,
                                       gsize          length);

/* "title: detail", or whichever of them is there.
 * Returns: (transfer full) (nullable) */
char          *ic_feed_problem_describe (IcFeedProblem *problem);

G_END_DECLS
