/* ic-cli-responses.c — list responses: SMEs' answers from the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Responses come from the feed (a sync pulls them); a response's contact
 * details are erased on the feed server (interchange-feed-server
 * responses erase ID), and the next sync brings the erasure here.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-cli-private.h"
#include "ic-store-responses.h"

int
ic_cli_list_responses (IcCli  *cli,
                       int     argc,
                       char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) responses = NULL;
  g_autofree char *challenge_id = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "challenge", 0, 0, G_OPTION_ARG_STRING, &challenge_id, N_("Only the answers to this challenge"), N_("ID") },
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
