/* ic-cli-stages.c — `shortlist stage`: a dated, attributed move of an entry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ic-cli-private.h"
#include "ic-model-enums.h"
#include "ic-record.h"
#include "ic-shortlist.h"

/* The nicks of @enum_type from @first on, ", "-separated. */
static char *
list_nicks (GType enum_type,
            int   first)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value >= first)
      g_string_append_printf (text, "%s%s", text->len ? ", " : "", klass->values[i].value_nick);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "meeting-held", "meeting_held" and "meeting held" alike. */
static gboolean
parse_nick (GType       enum_type,
            const char *text,
            int        *value)
{
  g_autofree char *nick = g_ascii_strdown (text, -1);

  g_strdelimit (nick, "_ ", '-');
  return ic_enum_from_nick (enum_type, nick, value);
}

int
ic_cli_shortlist_stage (IcCli  *cli,
                        int     argc,
                        char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) record = NULL;
  g_autoptr(IcStageChange) change = NULL;
  g_autofree char *reason_text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *at_text = NULL;
  g_autofree char *at = NULL;
  g_autofree char *now = ic_timestamp_now ();
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason_text,
      N_("Why it was declined: not-relevant, no-capacity, too-early, too-costly, "
         "conflict-of-interest or other"), N_("REASON") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note,
      N_("A few words on the change (needed with --reason other)"), N_("TEXT") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text,
      N_("When it happened, for an outcome recorded later (YYYY-MM-DD or RFC 3339)"), N_("DATE") },
    { NULL }
  };
  const IcCliCommandSpec spec = { "SHORTLIST_ID CAPABILITY_ID STAGE", entries, 3, 3,
                                  N_("name a shortlist, a capability on it and the stage it reached"),
                                  IC_CLI_STORE_LATER };
  int status, stage = 0, reason = IC_DECLINE_REASON_NONE;
  IcShortlistEntry *entry;
  IcStageChange *last;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;

  if (!parse_nick (IC_TYPE_STAGE, argv[3], &stage))
    {
      g_autofree char *stages = list_nicks (IC_TYPE_STAGE, 0);

      return ic_cli_usage_error (cli, _("“%s” is not a stage; say one of %s"), argv[3], stages);
    }
  if (reason_text != NULL && !parse_nick (IC_TYPE_DECLINE_REASON, reason_text, &reason))
    {
      g_autofree char *reasons = list_nicks (IC_TYPE_DECLINE_REASON, IC_DECLINE_REASON_NOT_RELEVANT);

      return ic_cli_usage_error (cli, _("--reason: “%s” is not a reason; say one of %s"),
                                 reason_text, reasons);
    }
  if (stage == IC_STAGE_DECLINED && reason == IC_DECLINE_REASON_NONE)
    {
      g_autofree char *reasons = list_nicks (IC_TYPE_DECLINE_REASON, IC_DECLINE_REASON_NOT_RELEVANT);

      return ic_cli_usage_error (cli, _("a decline needs --reason, one of %s"), reasons);
    }
  if (stage != IC_STAGE_DECLINED && reason != IC_DECLINE_REASON_NONE)
    return ic_cli_usage_error (cli, _("--reason is for a decline only"));
  if (reason == IC_DECLINE_REASON_OTHER && (note == NULL || g_strstrip (note)[0] == '\0'))
    return ic_cli_usage_error (cli, _("--reason other needs --note saying what the reason was"));
  if (at_text != NULL)
    {
      at = ic_stage_change_parse_at (at_text);
      if (at == NULL)
        return ic_cli_usage_error (cli, _("--at: “%s” is not a date (YYYY-MM-DD) or an RFC 3339 "
                                          "date and time"), at_text);
      if (strcmp (at, now) > 0)
        return ic_cli_usage_error (cli, _("--at: %s is in the future; record an outcome once it "
                                          "has happened"), at_text);
    }

  if (ic_cli_open_store (cli, FALSE, &error) == NULL)
    return ic_cli_fail (error);
  record = ic_store_get (cli->store, argv[1], &error);
  if (record == NULL)
    return ic_cli_fail (error);
  if (!IC_IS_SHORTLIST (record) || ic_record_get_deleted (record))
    {
      g_printerr (_("interchange-cli: %s is not a shortlist\n"), argv[1]);
      return IC_CLI_EXIT_USER_ERROR;
    }
  entry = ic_shortlist_find_entry (IC_SHORTLIST (record), argv[2], NULL);
  if (entry == NULL)
    {
      g_printerr (_("interchange-cli: the capability %s is not on the shortlist “%s”\n"),
                  argv[2], ic_shortlist_get_name (IC_SHORTLIST (record)));
      return IC_CLI_EXIT_USER_ERROR;
    }
  last = ic_shortlist_entry_get_last_change (entry);
  if (at == NULL && last != NULL && (int) ic_stage_change_get_stage (last) == stage)
    {
      g_printerr (_("interchange-cli: the entry is at “%s” already (since %s)\n"),
                  ic_stage_get_label (stage), ic_stage_change_get_at (last));
      return IC_CLI_EXIT_USER_ERROR;
    }

  change = ic_stage_change_new (stage, at != NULL ? at : now, ic_cli_get_author (), reason, note);
  /* An entry cannot have been proposed after its first outcome: a team
   * moving its past results in puts the entry on the list today, and
   * the proposal moves back to the outcome it records. */
  if (at != NULL && stage != IC_STAGE_PROPOSED)
    {
      g_autoptr(IcStageChange) first =
        g_list_model_get_item (G_LIST_MODEL (ic_shortlist_entry_get_stages (entry)), 0);

      if (first != NULL && ic_stage_change_get_stage (first) == IC_STAGE_PROPOSED &&
          ic_stage_change_compare_at (change, first) < 0)
        g_object_set (first, "at", at, NULL);
    }
  ic_shortlist_entry_add_stage_change (entry, change);
  if (!ic_store_update (cli->store, record, ic_cli_get_author (), &error))
    return ic_cli_fail (error);

  if (ic_shortlist_entry_get_stage (entry) != (IcStage) stage)
    g_printerr (_("The change is dated before the entry’s latest (%s, %s): recorded in its "
                  "history, the entry stays at “%s”.\n"),
                ic_stage_get_label (ic_stage_change_get_stage (ic_shortlist_entry_get_last_change (entry))),
                ic_stage_change_get_at (ic_shortlist_entry_get_last_change (entry)),
                ic_stage_get_label (ic_shortlist_entry_get_stage (entry)));
  return IC_CLI_EXIT_OK;
}
