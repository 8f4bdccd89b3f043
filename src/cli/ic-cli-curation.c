/* ic-cli-curation.c — match pin|unpin|pinned, conflict-rule add|remove|list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Capabilities pinned to a challenge (`match` always shows them), and
 * conflict-of-interest rules between two organisations (`match` and
 * `schedule` leave their pairs out, and say so).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ic-cli-pairs.h"
#include "ic-store-curation.h"

static void
print_entries_json (GPtrArray  *entries,
                    const char *first_name,
                    const char *second_name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      IcCurationEntry *entry = entries->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, first_name);
      json_builder_add_string_value (builder, entry->first_id);
      json_builder_set_member_name (builder, second_name);
      json_builder_add_string_value (builder, entry->second_id);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, entry->reason != NULL ? entry->reason : "");
      json_builder_set_member_name (builder, "author");
      if (entry->author != NULL)
        json_builder_add_string_value (builder, entry->author);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "updated_at");
      json_builder_add_string_value (builder, entry->updated_at != NULL ? entry->updated_at : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  node = json_builder_get_root (builder);
  ic_cli_print_json (node);
}

/* --reason, trimmed; a usage error if missing or blank. */
static gboolean
check_reason (IcCli  *cli,
              char   *reason,
              int    *status)
{
  if (reason == NULL || g_strstrip (reason)[0] == '\0')
    {
      *status = ic_cli_usage_error (cli, "%s", _("say why with --reason TEXT"));
      return FALSE;
    }
  return TRUE;
}

int
ic_cli_match_pins (IcCli  *cli,
                   int     argc,
                   char  **argv)
{
  static const IcCliPairVerbs verbs = { "pin", "unpin", "pinned", TRUE };
  g_autoptr(GError) error = NULL;
  g_auto(IcCliPairArgs) args = { 0 };
  g_autofree char *challenge = NULL, *capability = NULL;
  IcCliPairVerb verb;
  IcStore *store;
  int status;

  if (!ic_cli_pair_command_begin (cli, &verbs, N_("With pin: why it is always shown"),
                                  &args, &argc, &argv, &verb, &status))
    return status;

  store = ic_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return ic_cli_fail (error);

  if (verb == IC_CLI_PAIR_LIST)
    {
      g_autoptr(GPtrArray) pins = ic_store_list_pins (store, args.challenge_id, &error);

      if (pins == NULL)
        return ic_cli_fail (error);
      if (args.json)
        {
          print_entries_json (pins, "challenge_id", "capability_id");
          return IC_CLI_EXIT_OK;
        }
      if (pins->len == 0)
        printf ("%s", _("No capability is pinned.\n"));
      for (guint i = 0; i < pins->len; i++)
        {
          IcCurationEntry *pin = pins->pdata[i];
          g_autofree char *a = ic_cli_describe_record (store, pin->first_id);
          g_autofree char *b = ic_cli_describe_record (store, pin->second_id);

          /* Translators: a challenge, a capability pinned to it, and why */
          printf (_("%s: %s pinned, %s\n"), a, b, pin->reason);
        }
      return IC_CLI_EXIT_OK;
    }

  if (verb == IC_CLI_PAIR_SET
      ? !ic_store_pin (store, argv[2], argv[3], args.reason, ic_cli_get_author (), &error)
      : !ic_store_unpin (store, argv[2], argv[3], ic_cli_get_author (), &error))
    return ic_cli_fail (error);
  challenge = ic_cli_describe_record (store, argv[2]);
  capability = ic_cli_describe_record (store, argv[3]);
  if (verb == IC_CLI_PAIR_SET)
    printf (_("Pinned %s to %s: %s\n"), capability, challenge, args.reason);
  else
    printf (_("Unpinned %s from %s\n"), capability, challenge);
  return IC_CLI_EXIT_OK;
}

static int
rule_add (IcCli  *cli,
          int     argc,
          char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *a = NULL, *b = NULL;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Why the two must never be matched (the same group, a live dispute…)"), N_("TEXT") },
    { NULL }
  };
  const IcCliCommandSpec spec = { "ORGANISATION_ID OTHER_ORGANISATION_ID --reason TEXT", entries, 2, 2,
                                  N_("name two organisations by their ids"), IC_CLI_STORE_OPEN };
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if (!check_reason (cli, reason, &status))
    return status;
  if (!ic_store_add_conflict_rule (cli->store, argv[1], argv[2], reason, ic_cli_get_author (), &error))
    return ic_cli_fail (error);
  a = ic_cli_describe_record (cli->store, argv[1]);
  b = ic_cli_describe_record (cli->store, argv[2]);
  printf (_("%s and %s will never be matched or scheduled to meet: %s\n"), a, b, reason);
  return IC_CLI_EXIT_OK;
}

static int
rule_remove (IcCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GError) error = NULL;
  const IcCliCommandSpec spec = { "ORGANISATION_ID OTHER_ORGANISATION_ID", NULL, 2, 2,
                                  N_("name two organisations by their ids"), IC_CLI_STORE_OPEN };
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if (!ic_store_remove_conflict_rule (cli->store, argv[1], argv[2], ic_cli_get_author (), &error))
    return ic_cli_fail (error);
  printf (_("Removed the conflict-of-interest rule between %s and %s\n"), argv[1], argv[2]);
  return IC_CLI_EXIT_OK;
}

static int
rule_list (IcCli  *cli,
           int     argc,
           char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autofree char *organisation_id = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation_id,
      N_("Only the rules that name this organisation"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  const IcCliCommandSpec spec = { NULL, entries, 0, 0, NULL, IC_CLI_STORE_OPEN };
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  rules = ic_store_list_conflict_rules (cli->store, organisation_id, &error);
  if (rules == NULL)
    return ic_cli_fail (error);
  if (json)
    {
      print_entries_json (rules, "organisation_id", "other_organisation_id");
      return IC_CLI_EXIT_OK;
    }
  if (rules->len == 0)
    printf ("%s", _("No conflict-of-interest rules.\n"));
  for (guint i = 0; i < rules->len; i++)
    {
      IcCurationEntry *rule = rules->pdata[i];
      g_autofree char *a = ic_cli_describe_record (cli->store, rule->first_id);
      g_autofree char *b = ic_cli_describe_record (cli->store, rule->second_id);

      /* Translators: two organisations, and why they must never be matched */
      printf (_("%s and %s: %s\n"), a, b, rule->reason);
    }
  return IC_CLI_EXIT_OK;
}

int
ic_cli_conflict_rule (IcCli  *cli,
                      int     argc,
                      char  **argv)
{
  static const IcCliCommand subcommands[] = {
    { "add", rule_add, N_("Never match or schedule two organisations, and say why") },
    { "remove", rule_remove, N_("Remove the rule between two organisations") },
    { "list", rule_list, N_("List the conflict-of-interest rules") },
    { NULL, NULL, NULL }
  };

  return ic_cli_run_subcommand (cli, subcommands, N_("say add, remove or list"), argc, argv);
}
