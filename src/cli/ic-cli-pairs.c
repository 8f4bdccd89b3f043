/* ic-cli-pairs.c — the shape shared by commands on a challenge–capability pair
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-cli-pairs.h"

void
ic_cli_pair_args_clear (IcCliPairArgs *args)
{
  g_clear_pointer (&args->challenge_id, g_free);
  g_clear_pointer (&args->reason, g_free);
}

/* Parses "SET CHALLENGE_ID CAPABILITY_ID [--reason TEXT] | CLEAR
 * CHALLENGE_ID CAPABILITY_ID | LIST [--challenge ID] [--json]" and
 * checks what goes with which verb.  On FALSE, *status is the exit
 * status of the usage error already printed. */
gboolean
ic_cli_pair_command_begin (IcCli                *cli,
                           const IcCliPairVerbs *verbs,
                           const char           *reason_help,
                           IcCliPairArgs        *args,
                           int                  *argc,
                           char               ***argv,
                           IcCliPairVerb        *verb,
                           int                  *status)
{
  g_autofree char *list_help = g_strdup_printf (_("With %s: only the pairs of this challenge"), verbs->list);
  g_autofree char *json_help = g_strdup_printf (_("Print JSON (%s)"), verbs->list);
  g_autofree char *usage = g_strdup_printf ("%s CHALLENGE_ID CAPABILITY_ID %s | %s CHALLENGE_ID CAPABILITY_ID | "
                                            "%s [--challenge ID] [--json]",
                                            verbs->set, verbs->need_reason ? "--reason TEXT" : "[--reason TEXT]",
                                            verbs->clear, verbs->list);
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &args->reason, reason_help, N_("TEXT") },
    { "challenge", 0, 0, G_OPTION_ARG_STRING, &args->challenge_id, list_help, N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &args->json, json_help, NULL },
    { NULL }
  };
  /* The verb is the first argument, so the number of the rest is
   * checked here. */
  const IcCliCommandSpec spec = { usage, entries, 1, -1, NULL, IC_CLI_STORE_LATER };
  const char *word;

  if (!ic_cli_begin (cli, &spec, argc, argv, status))
    return FALSE;

  word = (*argv)[1];
  if (g_str_equal (word, verbs->set))
    *verb = IC_CLI_PAIR_SET;
  else if (g_str_equal (word, verbs->clear))
    *verb = IC_CLI_PAIR_CLEAR;
  else
    *verb = IC_CLI_PAIR_LIST;

  if (*verb == IC_CLI_PAIR_LIST ? *argc != 2 : *argc != 4)
    {
      *status = *verb == IC_CLI_PAIR_LIST
                ? ic_cli_usage_error (cli, _("match %s takes no arguments besides --challenge and --json"),
                                      verbs->list)
                : ic_cli_usage_error (cli, "%s", _("name a challenge and a capability by their ids"));
      return FALSE;
    }
  if (args->reason != NULL && *verb != IC_CLI_PAIR_SET)
    {
      *status = ic_cli_usage_error (cli, _("--reason goes with match %s only"), verbs->set);
      return FALSE;
    }
  if (*verb == IC_CLI_PAIR_SET &&
      (args->reason != NULL ? g_strstrip (args->reason)[0] == '\0' : verbs->need_reason))
    {
      *status = ic_cli_usage_error (cli, "%s", _("say why with --reason TEXT"));
      return FALSE;
    }
  return TRUE;
}

/* "“Title” (id)" of a record, or the bare id of one that is gone. */
char *
ic_cli_describe_record (IcStore    *store,
                        const char *id)
{
  g_autoptr(IcRecord) record = ic_store_get (store, id, NULL);
  const char *title = record != NULL ? ic_record_get_title (record) : NULL;

  return title != NULL ? g_strdup_printf ("“%s” (%s)", title, id) : g_strdup (id);
}
