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
#include "ic-cli-pairs.h"
#include "ic-model-enums.h"
#include "ic-store-exclusions.h"

/* A reason's nick ("no-capacity") or label ("No capacity"), any case;
 * other words are the text of IC_DECLINE_REASON_OTHER. */
static IcDeclineReason
parse_reason (const char  *text,
              char       **other_text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  *other_text = NULL;
  for (int reason = IC_DECLINE_REASON_NOT_RELEVANT; reason <= IC_DECLINE_REASON_OTHER; reason++)
    {
      const char *nick = ic_enum_to_nick (IC_TYPE_DECLINE_REASON, reason);
      g_autofree char *label = g_utf8_casefold (ic_decline_reason_get_label (reason), -1);

      if (reason == IC_DECLINE_REASON_OTHER)
        break;
      if (g_ascii_strcasecmp (text, nick) == 0 || g_str_equal (folded, label))
        return reason;
    }
  *other_text = g_strdup (text);
  return IC_DECLINE_REASON_OTHER;
}

/* "No capacity", or the other reason's own words. */
static const char *
reason_words (IcDeclineReason  reason,
              const char      *text)
{
  if (reason == IC_DECLINE_REASON_OTHER && text != NULL)
    return text;
  return ic_decline_reason_get_label (reason);
}

static int
change_pair (IcStore    *store,
             gboolean    exclude,
             const char *challenge_id,
             const char *capability_id,
             const char *reason_arg)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *challenge = NULL;
  g_autofree char *capability = NULL;
  g_autofree char *other = NULL;
  IcDeclineReason reason = reason_arg != NULL ? parse_reason (reason_arg, &other) : IC_DECLINE_REASON_NONE;
  gboolean ok;

  ok = exclude ? ic_store_exclude_pair_with_reason (store, challenge_id, capability_id, reason, other,
                                                    ic_cli_get_author (), &error)
               : ic_store_include_pair_by (store, challenge_id, capability_id, ic_cli_get_author (), &error);
  if (!ok)
    return ic_cli_fail (error);

  challenge = ic_cli_describe_record (store, challenge_id);
  capability = ic_cli_describe_record (store, capability_id);
  if (exclude && reason != IC_DECLINE_REASON_NONE)
    /* Translators: a capability, a challenge, then why */
    printf (_("Excluded %s from the matches of %s: %s\n"), capability, challenge,
            reason_words (reason, other));
  else if (exclude)
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
          json_builder_set_member_name (builder, "reason");
          if (pair->reason != IC_DECLINE_REASON_NONE)
            json_builder_add_string_value (builder, ic_enum_to_nick (IC_TYPE_DECLINE_REASON, pair->reason));
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "reason_text");
          if (pair->reason_text != NULL)
            json_builder_add_string_value (builder, pair->reason_text);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "author");
          if (pair->author != NULL)
            json_builder_add_string_value (builder, pair->author);
          else
            json_builder_add_null_value (builder);
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
      g_autofree char *challenge = ic_cli_describe_record (store, pair->challenge_id);
      g_autofree char *capability = ic_cli_describe_record (store, pair->capability_id);

      if (pair->reason != IC_DECLINE_REASON_NONE)
        /* Translators: a challenge, a capability excluded from its matches, why, and since when */
        printf (_("%s: not %s, %s (since %s)\n"), challenge, capability,
                reason_words (pair->reason, pair->reason_text), pair->created_at);
      else
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
  static const IcCliPairVerbs verbs = { "exclude", "include", "excluded", FALSE };
  g_autoptr(GError) error = NULL;
  g_auto(IcCliPairArgs) args = { 0 };
  IcCliPairVerb verb;
  IcStore *store;
  int status;

  if (!ic_cli_pair_command_begin (cli, &verbs,
                                  N_("With exclude: why — not-relevant, no-capacity, too-early, too-costly, "
                                     "conflict-of-interest, or other words of your own"),
                                  &args, &argc, &argv, &verb, &status))
    return status;
  store = ic_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return ic_cli_fail (error);
  if (verb == IC_CLI_PAIR_LIST)
    return list_pairs (store, args.challenge_id, args.json);
  return change_pair (store, verb == IC_CLI_PAIR_SET, argv[2], argv[3], args.reason);
}
