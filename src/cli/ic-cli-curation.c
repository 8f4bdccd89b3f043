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

#include "ic-cli-private.h"
#include "ic-store-curation.h"

/* "Title (id)" of a record, or the bare id of one that is gone. */
static char *
describe_record (IcStore    *store,
                 const char *id)
{
  g_autoptr(IcRecord) record = ic_store_get (store, id, NULL);
  const char *title = record != NULL ? ic_record_get_title (record) : NULL;

  return title != NULL ? g_strdup_printf ("“%s” (%s)", title, id) : g_strdup (id);
}

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
  g_autoptr(GError) error = NULL;
  g_autofree char *challenge_id = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *challenge = NULL, *capability = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("With pin: why it is always shown"), N_("TEXT") },
    { "challenge", 0, 0, G_OPTION_ARG_STRING, &challenge_id,
      N_("With pinned: only the pins of this challenge"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (pinned)"), NULL },
    { NULL }
  };
  const IcCliCommandSpec spec = {
    "pin CHALLENGE_ID CAPABILITY_ID --reason TEXT | unpin CHALLENGE_ID CAPABILITY_ID | "
    "pinned [--challenge ID] [--json]", entries, 1, -1, NULL, IC_CLI_STORE_LATER
  };
  const char *verb;
  IcStore *store;
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  verb = argv[1];
  if (g_str_equal (verb, "pinned") ? argc != 2 : argc != 4)
    return ic_cli_usage_error (cli, "%s",
                               g_str_equal (verb, "pinned")
                               ? _("match pinned takes no arguments besides --challenge and --json")
                               : _("name a challenge and a capability by their ids"));
  if (g_str_equal (verb, "pin") && !check_reason (cli, reason, &status))
    return status;
  if (reason != NULL && !g_str_equal (verb, "pin"))
    return ic_cli_usage_error (cli, "%s", _("--reason goes with match pin only"));

  store = ic_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return ic_cli_fail (error);

  if (g_str_equal (verb, "pinned"))
    {
      g_autoptr(GPtrArray) pins = ic_store_list_pins (store, challenge_id, &error);

      if (pins == NULL)
        return ic_cli_fail (error);
      if (json)
        {
          print_entries_json (pins, "challenge_id", "capability_id");
          return IC_CLI_EXIT_OK;
        }
      if (pins->len == 0)
        printf ("%s", _("No capability is pinned.\n"));
      for (guint i = 0; i < pins->len; i++)
        {
          IcCurationEntry *pin = pins->pdata[i];
          g_autofree char *a = describe_record (store, pin->first_id);
          g_autofree char *b = describe_record (store, pin->second_id);

          /* Translators: a challenge, a capability pinned to it, and why */
          printf (_("%s: %s pinned, %s\n"), a, b, pin->reason);
        }
      return IC_CLI_EXIT_OK;
    }

  if (g_str_equal (verb, "pin")
      ? !ic_store_pin (store, argv[2], argv[3], reason, ic_cli_get_author (), &error)
      : !ic_store_unpin (store, argv[2], argv[3], ic_cli_get_author (), &error))
    return ic_cli_fail (error);
  challenge = describe_record (store, argv[2]);
  capability = describe_record (store, argv[3]);
  if (g_str_equal (verb, "pin"))
    printf (_("Pinned %s to %s: %s\n"), capability, challenge, reason);
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
  a = describe_record (cli->store, argv[1]);
  b = describe_record (cli->store, argv[2]);
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
      g_autofree char *a = describe_record (cli->store, rule->first_id);
      g_autofree char *b = describe_record (cli->store, rule->second_id);

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
