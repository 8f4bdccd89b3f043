/* ic-cli-exclusions.c — match exclude, match include, match excluded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pairs the user said are not a match: `match` never ranks them.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ic-challenge.h"
#include "ic-cli-private.h"
#include "ic-store-exclusions.h"

/* "Title (id)" of a record, or the bare id of one that is gone. */
static char *
describe_record (IcStore    *store,
                 const char *id)
{
  g_autoptr(IcRecord) record = ic_store_get (store, id, NULL);
  const char *title = record != NULL ? ic_record_get_title (record) : NULL;

  return title != NULL ? g_strdup_printf ("“%s” (%s)", title, id) : g_strdup (id);
}

static int
change_pair (IcStore    *store,
             gboolean    exclude,
             const char *challenge_id,
             const char *capability_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *challenge = NULL;
  g_autofree char *capability = NULL;
  gboolean ok;

  ok = exclude ? ic_store_exclude_pair_by (store, challenge_id, capability_id, ic_cli_get_author (), &error)
               : ic_store_include_pair_by (store, challenge_id, capability_id, ic_cli_get_author (), &error);
  if (!ok)
    return ic_cli_fail (error);

  challenge = describe_record (store, challenge_id);
  capability = describe_record (store, capability_id);
  if (exclude)
    printf (_("Excluded %s from the matches of %s\n"), capability, challenge);
  else
    printf (_("Included %s in the matches of %s again\n"), capability, challenge);
  return IC_CLI_EXIT_OK;
}

static int
list_pairs (IcStore    *store,
            const char *challenge_id,
            gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pairs = ic_store_list_excluded_pairs (store, challenge_id, &error);

  if (pairs == NULL)
    return ic_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < pairs->len; i++)
        {
          IcExcludedPair *pair = pairs->pdata[i];

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "challenge_id");
          json_builder_add_string_value (builder, pair->challenge_id);
          json_builder_set_member_name (builder, "capability_id");
          json_builder_add_string_value (builder, pair->capability_id);
          json_builder_set_member_name (builder, "excluded_at");
          json_builder_add_string_value (builder, pair->created_at);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      node = json_builder_get_root (builder);
      ic_cli_print_json (node);
      return IC_CLI_EXIT_OK;
    }

  if (pairs->len == 0)
    {
      printf ("%s", _("No pairs are excluded.\n"));
      return IC_CLI_EXIT_OK;
    }
  for (guint i = 0; i < pairs->len; i++)
    {
      IcExcludedPair *pair = pairs->pdata[i];
      g_autofree char *challenge = describe_record (store, pair->challenge_id);
      g_autofree char *capability = describe_record (store, pair->capability_id);

      /* Translators: a challenge, then a capability excluded from its matches */
      printf (_("%s: not %s (since %s)\n"), challenge, capability, pair->created_at);
    }
  return IC_CLI_EXIT_OK;
}

int
ic_cli_match_exclusions (IcCli  *cli,
                         int     argc,
                         char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *challenge_id = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "challenge", 0, 0, G_OPTION_ARG_STRING, &challenge_id,
      N_("With excluded: only the pairs of this challenge"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (excluded)"), NULL },
    { NULL }
  };
  /* The verb is the first argument, so the number of the rest is
   * checked here. */
  const IcCliCommandSpec spec = {
    "exclude CHALLENGE_ID CAPABILITY_ID | include CHALLENGE_ID CAPABILITY_ID | "
    "excluded [--challenge ID] [--json]", entries, 1, -1, NULL, IC_CLI_STORE_LATER
  };
  const char *verb;
  IcStore *store;
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  verb = argv[1];
  if (g_str_equal (verb, "excluded") ? argc != 2 : argc != 4)
    return ic_cli_usage_error (cli, "%s",
                               g_str_equal (verb, "excluded")
                               ? _("match excluded takes no arguments besides --challenge and --json")
                               : _("name a challenge and a capability by their ids"));

  store = ic_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return ic_cli_fail (error);
  if (g_str_equal (verb, "excluded"))
    return list_pairs (store, challenge_id, json);
  return change_pair (store, g_str_equal (verb, "exclude"), argv[2], argv[3]);
}
