/* ic-feed-problem.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-feed-json.h"
#include "ic-feed-problem.h"

/* Enough for a person to read; a hostile server gets no more. */
#define MAX_PROBLEM_TEXT 500

void
ic_feed_problem_free (IcFeedProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->type);
  g_free (problem->title);
  g_free (problem->detail);
  g_free (problem);
}

char *
ic_feed_problem_build (guint       status,
                       const char *slug,
                       const char *title,
                       const char *detail)
{
  g_autoptr(GString) out = g_string_new ("{");
  g_autofree char *type = slug ? g_strconcat (IC_FEED_PROBLEM_TYPE_PREFIX, slug, NULL)
                               : g_strdup ("about:blank");

  ic_feed_json_append_member_string (out, TRUE, "type", type);
  ic_feed_json_append_member_string (out, FALSE, "title", title);
  ic_feed_json_append_member_int (out, FALSE, "status", status);
  if (detail != NULL)
    ic_feed_json_append_member_string (out, FALSE, "detail", detail);
  g_string_append_c (out, '}');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
readable (JsonObject *object,
          const char *member)
{
  const char *value = NULL;

  if (!ic_feed_json_get_string (object, member, &value, NULL) || value == NULL)
    return NULL;
  if (!g_utf8_validate (value, -1, NULL))
    return NULL;
  return g_utf8_substring (value, 0, MIN (g_utf8_strlen (value, -1), MAX_PROBLEM_TEXT));
}

IcFeedProblem *
ic_feed_problem_parse (const char *data,
                       gsize       length)
{
  g_autoptr(JsonNode) root = NULL;
  IcFeedProblem *problem;
  JsonObject *object;
  gint64 status = 0;

  root = ic_feed_json_parse_object (data, length, NULL);
  if (root == NULL)
    return NULL;
  object = json_node_get_object (root);

  problem = g_new0 (IcFeedProblem, 1);
  problem->type = readable (object, "type");
  problem->title = readable (object, "title");
  problem->detail = readable (object, "detail");
  if (ic_feed_json_get_int_opt (object, "status", &status, NULL) && status >= 100 && status < 600)
    problem->status = (guint) status;
  return problem;
}

char *
ic_feed_problem_describe (IcFeedProblem *problem)
{
  if (problem == NULL)
    return NULL;
  if (problem->title != NULL && problem->detail != NULL)
    return g_strdup_printf ("%s: %s", problem->title, problem->detail);
  if (problem->detail != NULL)
    return g_strdup (problem->detail);
  return g_strdup (problem->title);
}
