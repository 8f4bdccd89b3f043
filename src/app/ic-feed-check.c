/* ic-feed-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-feed-check.h"
#include "ic-feed-client.h"
#include "ic-feed-error.h"
#include "ic-feed-protocol.h"
#include "ic-feed-token.h"

/* A person waits on the answer: one try, not the sync's patience. */
#define CHECK_TIMEOUT_SECONDS 10

typedef struct
{
  IcFeedClient *client;
  gboolean      have_token;
} Check;

static void
check_free (Check *check)
{
  g_clear_object (&check->client);
  g_free (check);
}

static void
answer (GTask      *task,
        gboolean    reached,
        const char *sentence)
{
  /* The sentence is the task's result; "reached" rides on the task. */
  g_object_set_data (G_OBJECT (task), "ic-feed-check-reached", GINT_TO_POINTER (reached));
  g_task_return_pointer (task, g_strdup (sentence), g_free);
}

static void
on_changes (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Check *check = g_task_get_task_data (task);
  const char *url = ic_feed_client_get_base_url (check->client);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcFeedPage) page = NULL;
  g_autofree char *sentence = NULL;

  page = ic_feed_client_get_changes_finish (IC_FEED_CLIENT (source), result, &error);
  if (page != NULL)
    {
      sentence = g_strdup_printf (_("Reached the feed at %s: it answers and accepts the token."), url);
      answer (task, TRUE, sentence);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_error_matches (error, IC_FEED_ERROR, IC_FEED_ERROR_UNAUTHORIZED))
    sentence = check->have_token
               ? g_strdup_printf (_("Reached the feed at %s, but it does not accept this token: "
                                    "paste the one the feed’s administrator gave you."), url)
               : g_strdup_printf (_("Reached the feed at %s, but no token is kept for it: "
                                    "paste the one the feed’s administrator gave you."), url);
  else if (g_error_matches (error, IC_FEED_ERROR, IC_FEED_ERROR_FORBIDDEN))
    sentence = g_strdup_printf (_("Reached the feed at %s, but this token may not read it: "
                                  "ask the feed’s administrator for a token that may."), url);
  else if (g_error_matches (error, IC_FEED_ERROR, IC_FEED_ERROR_NETWORK) ||
           g_error_matches (error, IC_FEED_ERROR, IC_FEED_ERROR_TIMED_OUT))
    sentence = g_strdup_printf (_("Not reachable. %s. Check the address, the network, and that "
                                  "the feed server runs."), error->message);
  else if (g_error_matches (error, IC_FEED_ERROR, IC_FEED_ERROR_TLS))
    sentence = g_strdup_printf (_("No secure connection. %s. The server at %s may not be a feed, "
                                  "or its certificate is not one this laptop trusts: ask the feed’s "
                                  "administrator."), error->message, url);
  else
    /* An answer that is not a feed's,
     * a server error: the client's sentence says which. */
    sentence = g_strdup_printf (_("The feed at %s did not answer as a feed should: %s"), url,
                                error->message);
  answer (task, FALSE, sentence);
}

static void
try_changes (GTask      *task,
             const char *token)
{
  Check *check = g_task_get_task_data (task);

  check->have_token = token != NULL && token[0] != '\0';
  ic_feed_client_set_token (check->client, check->have_token ? token : NULL);
  ic_feed_client_get_changes_async (check->client, 0, 1, g_task_get_cancellable (task), on_changes, task);
}

static void
on_token_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = ic_feed_token_load_finish (result, &error);
  g_autofree char *sentence = NULL;

  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        {
          sentence = g_strdup_printf (_("Cannot read the feed’s access token: %s"), error->message);
          answer (task, FALSE, sentence);
        }
      g_object_unref (task);
      return;
    }
  try_changes (task, token);
}

void
ic_feed_check_async (const char          *feed_url,
                     const char          *token,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sentence = NULL;
  Check *check;

  g_return_if_fail (feed_url != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ic_feed_check_async);
  check = g_new0 (Check, 1);
  g_task_set_task_data (task, check, (GDestroyNotify) check_free);
  check->client = ic_feed_client_new (feed_url, &error);
  if (check->client == NULL)
    {
      sentence = g_strdup_printf (_("The address is not used: %s"), error->message);
      answer (task, FALSE, sentence);
      return;
    }
  ic_feed_client_set_timeout (check->client, CHECK_TIMEOUT_SECONDS);
  ic_feed_client_set_retry_policy (check->client, 1, 500, 500);
  if (token != NULL && token[0] != '\0')
    try_changes (g_steal_pointer (&task), token);
  else
    ic_feed_token_load_async (ic_feed_client_get_base_url (check->client), cancellable,
                              on_token_loaded, g_steal_pointer (&task));
}

char *
ic_feed_check_finish (GAsyncResult  *result,
                      gboolean      *reached,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  if (reached != NULL)
    *reached = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (result), "ic-feed-check-reached"));
  return g_task_propagate_pointer (G_TASK (result), error);
}
