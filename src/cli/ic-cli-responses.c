/* ic-cli-responses.c — list responses: SMEs' answers from the board;
 * erase a response's contact details on the feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Responses come from the feed (a sync pulls them); a response's contact
 * details are erased on the feed (`responses erase ID` here, or
 * interchange-feed-server responses erase ID on the server), and the
 * next sync brings the erasure here.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-cli-private.h"
#include "ic-feed-client.h"
#include "ic-feed-error.h"
#include "ic-feed-local.h"
#include "ic-store-responses.h"
#include "ic-text-search.h"

/* Whether each of @words is in one of @response's texts: responses are
 * few, and read whole. */
static gboolean
response_has_words (const IcResponse    *response,
                    const char * const  *words)
{
  const char *fields[] = { response->organisation, response->contact_name, response->email,
                           response->answer };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *folded = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL)
      g_string_append_printf (text, "%s\n", fields[i]);
  folded = ic_text_fold (text->str);
  return ic_text_has_words (folded, words);
}

int
ic_cli_list_responses (IcCli  *cli,
                       int     argc,
                       char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) responses = NULL;
  g_autofree char *challenge_id = NULL;
  g_autofree char *search = NULL;
  g_autofree char *cluster = NULL;
  g_auto(GStrv) words = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "challenge", 0, 0, G_OPTION_ARG_STRING, &challenge_id, N_("Only the answers to this challenge"), N_("ID") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only responses whose organisation, contact or answer has these words"), N_("TEXT") },
    /* `list` names it for every kind; a response has none. */
    { "cluster", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &cluster, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  const IcCliCommandSpec spec = {
    "responses", entries, 1, 1, N_("name what to list: responses"), IC_CLI_STORE_LATER
  };
  IcStore *store;
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if (cluster != NULL)
    return ic_cli_usage_error (cli, _("a response has no cluster; --challenge ID lists the answers to one challenge"));
  if (search != NULL)
    words = ic_text_words (search);
  store = ic_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return ic_cli_fail (error);
  if (challenge_id != NULL)
    {
      g_autoptr(IcRecord) challenge = ic_store_get (store, challenge_id, &error);

      if (challenge == NULL)
        return ic_cli_fail (error);
      if (ic_record_get_kind (challenge) != IC_RECORD_KIND_CHALLENGE)
        {
          g_printerr (_("interchange-cli: %s is not a challenge\n"), challenge_id);
          return IC_CLI_EXIT_USER_ERROR;
        }
    }
  responses = ic_store_list_responses (store, challenge_id, &error);
  if (responses == NULL)
    return ic_cli_fail (error);
  for (guint i = responses->len; words != NULL && i > 0; i--)
    if (!response_has_words (g_ptr_array_index (responses, i - 1), (const char * const *) words))
      g_ptr_array_remove_index (responses, i - 1);

  if (json)
    {
      g_print ("[");
      for (guint i = 0; i < responses->len; i++)
        {
          g_autofree char *text = ic_response_to_json_data (g_ptr_array_index (responses, i));

          g_print ("%s%s", i > 0 ? ",\n" : "", text);
        }
      g_print ("]\n");
      return IC_CLI_EXIT_OK;
    }
  for (guint i = 0; i < responses->len; i++)
    {
      IcResponse *response = g_ptr_array_index (responses, i);

      g_print ("%s  %s  %s\n", response->id, response->received_at ? response->received_at : "-",
               response->organisation ? response->organisation : "");
      if (response->contact_erased)
        g_print ("  %s\n", _("(contact details erased on request)"));
      else
        g_print ("  %s <%s>\n", response->contact_name ? response->contact_name : "",
                 response->email ? response->email : "");
      g_print ("  %s\n", response->answer ? response->answer : "");
    }
  if (responses->len == 0)
    g_printerr (_("No responses.\n"));
  return IC_CLI_EXIT_OK;
}

typedef struct
{
  GMainLoop *loop;
  GError    *error;
  gboolean   done;
} EraseRun;

static void
on_erased (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  EraseRun *run = user_data;

  ic_feed_client_erase_response_finish (IC_FEED_CLIENT (source), result, &run->error);
  run->done = TRUE;
  g_main_loop_quit (run->loop);
}

static int
responses_erase (IcCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *feed_url = NULL;
  g_autofree char *token_file = NULL;
  g_autofree char *ca_file = NULL;
  g_autoptr(IcFeedClient) client = NULL;
  const GOptionEntry entries[] = {
    { "feed", 0, 0, G_OPTION_ARG_STRING, &feed_url, N_("The feed server (default: the last one synced)"), N_("URL") },
    { "token-file", 0, 0, G_OPTION_ARG_FILENAME, &token_file, N_("Read the bearer token from FILE"), N_("FILE") },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file, N_("Trust the certificates in FILE"), N_("FILE") },
    { NULL }
  };
  const IcCliCommandSpec spec = {
    "ID", entries, 1, 1, N_("name the response whose contact details to erase"), IC_CLI_STORE_LATER
  };
  EraseRun run = { 0 };
  IcStore *store;
  const char *id;
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  id = argv[1];
  if (!g_uuid_string_is_valid (id))
    return ic_cli_usage_error (cli, _("“%s” is not a response’s id (a UUID, as list responses shows)"), id);
  store = ic_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return ic_cli_fail (error);
  client = ic_cli_open_feed_client (cli, store, feed_url, token_file, ca_file,
                                    N_("--feed URL is required before the first sync"), &status);
  if (client == NULL)
    return status;

  run.loop = g_main_loop_new (NULL, FALSE);
  ic_feed_client_erase_response_async (client, id, NULL, on_erased, &run);
  if (!run.done)
    g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);
  if (run.error != NULL)
    {
      g_autoptr(GError) failed = run.error;

      if (g_error_matches (failed, IC_FEED_ERROR, IC_FEED_ERROR_REQUEST))
        g_printerr (_("interchange-cli: the feed has no response %s (%s)\n"), id, failed->message);
      else
        g_printerr (_("interchange-cli: the contact details of response %s were not erased: %s\n"),
                    id, failed->message);
      return IC_CLI_EXIT_USER_ERROR;
    }
  g_print (_("Erased the contact details of response %s on the feed; the next sync brings that here.\n"), id);
  return IC_CLI_EXIT_OK;
}

int
ic_cli_responses (IcCli  *cli,
                  int     argc,
                  char  **argv)
{
  static const IcCliCommand subcommands[] = {
    { "erase", responses_erase, N_("Erase a response’s name and email on the feed, for the whole team") },
    { NULL, NULL, NULL }
  };

  return ic_cli_run_subcommand (cli, subcommands, N_("say erase"), argc, argv);
}
