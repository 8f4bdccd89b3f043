/* ic-cli-workshop.c — event, schedule and export agenda
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ic-cli-private.h"
#include "ic-workshop-rules.h"
#include "ic-model-error.h"
#include "ic-store-events.h"
#include "ic-workshop.h"
#include "ic-workshop-day.h"

/* event add / update ---------------------------------------------------- */

static IcEvent *
read_event_file (const char  *path,
                 GError     **error)
{
  g_autofree char *data = NULL;
  IcEvent *event;
  gsize length;

  data = ic_cli_read_input (path, &length, error);
  if (data == NULL)
    return NULL;
  event = ic_event_new_from_json_data (data, length, error);
  if (event == NULL)
    g_prefix_error (error, "%s: ", g_str_equal (path, "-") ? _("standard input") : path);
  return event;
}

static int
event_add (IcCli  *cli,
           int     argc,
           char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcEvent) event = NULL;
  g_autofree char *json_path = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path,
      N_("Read the event from FILE (- for standard input)"), N_("FILE") },
    { NULL }
  };
  const IcCliCommandSpec spec = { "--json FILE", entries, 0, 0, NULL, IC_CLI_STORE_LATER };
  int status;
  IcStore *store;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if (json_path == NULL)
    return ic_cli_usage_error (cli, _("--json FILE is required"));

  event = read_event_file (json_path, &error);
  store = event ? ic_cli_open_store (cli, FALSE, &error) : NULL;
  if (store == NULL || !ic_store_insert_event (store, event, ic_cli_get_author (), &error))
    return ic_cli_fail (error);

  g_print ("%s\n", ic_record_get_id (IC_RECORD (event)));
  return IC_CLI_EXIT_OK;
}

static int
event_update (IcCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcEvent) event = NULL;
  g_autoptr(IcEvent) changes = NULL;
  g_autofree char *json_path = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path,
      N_("Read the new event from FILE (- for standard input)"), N_("FILE") },
    { NULL }
  };
  const IcCliCommandSpec spec = { "ID --json FILE", entries, 1, 1, N_("name one event by its id"),
                                  IC_CLI_STORE_LATER };
  int status;
  IcStore *store;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if (json_path == NULL)
    return ic_cli_usage_error (cli, _("--json FILE is required"));

  changes = read_event_file (json_path, &error);
  store = changes ? ic_cli_open_store (cli, FALSE, &error) : NULL;
  event = store ? ic_store_get_event (store, argv[1], &error) : NULL;
  if (event == NULL)
    return ic_cli_fail (error);

  /* The file replaces the body; the record fields stay the store's. */
  ic_record_set_id (IC_RECORD (changes), ic_record_get_id (IC_RECORD (event)));
  ic_record_set_visibility (IC_RECORD (changes), ic_record_get_visibility (IC_RECORD (event)));
  if (!ic_store_update_event (store, changes, ic_cli_get_author (), &error))
    return ic_cli_fail (error);
  return IC_CLI_EXIT_OK;
}

/* event list / show / delete -------------------------------------------- */

static int
event_list (IcCli  *cli,
            int     argc,
            char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  const IcCliCommandSpec spec = { NULL, entries, 0, 0, NULL, IC_CLI_STORE_OPEN };
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  events = ic_store_list_events (cli->store, &error);
  if (events == NULL)
    return ic_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < events->len; i++)
        json_array_add_element (array, ic_event_to_json (g_ptr_array_index (events, i)));
      json_node_set_array (node, array);
      ic_cli_print_json (node);
      return IC_CLI_EXIT_OK;
    }
  for (guint i = 0; i < events->len; i++)
    {
      IcEvent *event = g_ptr_array_index (events, i);
      g_autofree char *size = g_strdup_printf (_("%u participants, %u slots"),
                                               ic_event_get_n_participants (event),
                                               ic_event_get_n_slots (event));

      g_print ("%s  %-10s  %-50s  %s\n", ic_record_get_id (IC_RECORD (event)),
               ic_event_get_date (event), ic_event_get_name (event), size);
    }
  return IC_CLI_EXIT_OK;
}

static int
event_show (IcCli  *cli,
            int     argc,
            char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcEvent) event = NULL;
  g_autoptr(JsonNode) node = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  const IcCliCommandSpec spec = { "ID", entries, 1, 1, N_("name one event by its id"),
                                  IC_CLI_STORE_OPEN };
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  event = ic_store_get_event (cli->store, argv[1], &error);
  if (event == NULL)
    return ic_cli_fail (error);

  node = ic_event_to_json (event);
  if (!json)
    {
      g_print ("%s (%s)\n", ic_event_get_name (event), ic_event_get_date (event));
      g_print (_("%u slots, %d tables, %u participants, %u requests, %u forbidden pairs\n"),
               ic_event_get_n_slots (event), ic_event_get_tables (event),
               ic_event_get_n_participants (event),
               g_list_model_get_n_items (G_LIST_MODEL (ic_event_get_requests (event))),
               g_list_model_get_n_items (G_LIST_MODEL (ic_event_get_forbidden (event))));
      return IC_CLI_EXIT_OK;
    }
  ic_cli_print_json (node);
  return IC_CLI_EXIT_OK;
}

static int
event_delete (IcCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GError) error = NULL;
  const IcCliCommandSpec spec = { "ID", NULL, 1, 1, N_("name one event by its id"),
                                  IC_CLI_STORE_OPEN };
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if (!ic_store_delete_event (cli->store, argv[1], ic_cli_get_author (), &error))
    return ic_cli_fail (error);
  return IC_CLI_EXIT_OK;
}

int
ic_cli_event (IcCli  *cli,
              int     argc,
              char  **argv)
{
  static const IcCliCommand subcommands[] = {
    { "add", event_add, N_("Add an event from a JSON object") },
    { "update", event_update, N_("Replace an event with a JSON object") },
    { "add-participants", ic_cli_event_add_participants,
      N_("Add participants from a CSV file, all or none") },
    { "list", event_list, N_("List the events") },
    { "show", event_show, N_("Show one event") },
    { "delete", event_delete, N_("Delete an event") },
    { NULL, NULL, NULL }
  };

  return ic_cli_run_subcommand (cli, subcommands,
                                N_("say what to do: add, update, add-participants, list, show or delete"),
                                argc, argv);
}

/* schedule ----------------------------------------------------------------- */

static char *
slot_label (IcEvent *event,
            guint    slot)
{
  g_autoptr(IcEventSlot) s = g_list_model_get_item (G_LIST_MODEL (ic_event_get_slots (event)), slot);
  g_autofree char *end = ic_event_slot_format_end (s);

  return g_strdup_printf ("%s–%s", ic_event_slot_get_start (s), end ? end : "");
}

static void
print_schedule (IcWorkshop *workshop,
                IcSchedule    *schedule,
                int            kept)
{
  g_autofree char *summary = ic_workshop_describe_schedule (workshop, schedule);

  g_print ("%s (%s)\n%s\n", ic_event_get_name (workshop->event), ic_event_get_date (workshop->event),
           summary);
  if (kept >= 0)
    g_print (_("Kept %d earlier meetings where they were; %u are new.\n"),
             kept, ic_schedule_get_n_meetings (schedule) - kept);

  for (guint i = 0; i < ic_schedule_get_n_meetings (schedule); i++)
    {
      const IcMeeting *m = ic_schedule_get_meeting (schedule, i);
      const IcWorkshopMatch *match = ic_workshop_get_match (workshop, m);
      g_autofree char *when = slot_label (workshop->event, m->slot);

      g_print (_("%s  table %-3u  %s — %s  %.0f%%%s\n"), when, m->table + 1,
               workshop->names[m->challenge_owner], workshop->names[m->capability_owner],
               100.0 * m->score, m->requested ? _("  (requested)") : "");
      if (match->challenge_title != NULL)
        g_print ("      %s / %s\n", match->challenge_title, match->capability_title);
    }
}

int
ic_cli_schedule (IcCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcWorkshop) workshop = NULL;
  g_autoptr(IcSchedule) schedule = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  gboolean json = FALSE;
  gboolean fresh = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "fresh", 0, 0, G_OPTION_ARG_NONE, &fresh,
      N_("Schedule from nothing rather than repair the saved schedule"), NULL },
    { NULL }
  };
  const IcCliCommandSpec spec = { "EVENT_ID", entries, 1, 1, N_("name one event by its id"),
                                  IC_CLI_STORE_OPEN };
  int status, kept;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  workshop = ic_workshop_load (cli->store, argv[1], &error);
  /* Two organisations in conflict never meet. */
  rules = workshop ? ic_workshop_forbid_conflicts (workshop, cli->store, &error) : NULL;
  schedule = rules ? ic_workshop_schedule (workshop, cli->store, fresh, &kept, &error) : NULL;
  if (schedule == NULL)
    return ic_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = ic_workshop_schedule_to_json (workshop, schedule);
      JsonArray *left_out = json_array_new ();

      for (guint i = 0; i < rules->len; i++)
        {
          IcCurationEntry *rule = rules->pdata[i];
          JsonObject *entry = json_object_new ();

          json_object_set_string_member (entry, "organisation_id", rule->first_id);
          json_object_set_string_member (entry, "other_organisation_id", rule->second_id);
          json_object_set_string_member (entry, "reason", rule->reason);
          json_object_set_string_member (entry, "rule", "conflict-of-interest");
          json_array_add_object_element (left_out, entry);
        }
      /* Only when a rule applies, so that the usual shape stays. */
      if (JSON_NODE_HOLDS_OBJECT (node) && json_array_get_length (left_out) > 0)
        json_object_set_array_member (json_node_get_object (node), "left_out", left_out);
      else
        json_array_unref (left_out);
      ic_cli_print_json (node);
    }
  else
    {
      print_schedule (workshop, schedule, kept);
      for (guint i = 0; i < rules->len; i++)
        {
          IcCurationEntry *rule = rules->pdata[i];
          guint a = GPOINTER_TO_UINT (g_hash_table_lookup (workshop->index, rule->first_id));
          guint b = GPOINTER_TO_UINT (g_hash_table_lookup (workshop->index, rule->second_id));

          /* Translators: two organisations, and why they never meet */
          g_print (_("Not scheduled to meet (conflict of interest): %s and %s, %s\n"),
                   workshop->names[a - 1], workshop->names[b - 1], rule->reason);
        }
    }
  return IC_CLI_EXIT_OK;
}

/* export agenda -------------------------------------------------------------- */

int
ic_cli_export_agenda (IcCli  *cli,
                      int     argc,
                      char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcWorkshop) workshop = NULL;
  g_autoptr(IcSchedule) schedule = NULL;
  g_autoptr(IcAgenda) agenda = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *only = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("pdf, csv or ics"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE"), N_("FILE") },
    { "participant", 0, 0, G_OPTION_ARG_STRING, &only,
      N_("Only this organisation’s agenda (else everyone’s; for ics, the whole event)"), N_("ORG_ID") },
    { NULL }
  };
  const IcCliCommandSpec spec = { "EVENT_ID --format pdf|csv|ics [--participant ORG_ID] -o FILE",
                                  entries, 1, 1,
                                  N_("name one event by its id"), IC_CLI_STORE_LATER };
  int status, kept;
  IcStore *store;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if (format == NULL || (!g_str_equal (format, "pdf") && !g_str_equal (format, "csv") &&
                         !g_str_equal (format, "ics")))
    return ic_cli_usage_error (cli, _("--format must be pdf, csv or ics"));
  if (output == NULL)
    return ic_cli_usage_error (cli, _("-o FILE is required"));

  /* The saved schedule, repaired if the event changed since. */
  store = ic_cli_open_store (cli, FALSE, &error);
  workshop = store ? ic_workshop_load (store, argv[1], &error) : NULL;
  rules = workshop ? ic_workshop_forbid_conflicts (workshop, store, &error) : NULL;
  schedule = rules ? ic_workshop_schedule (workshop, store, FALSE, &kept, &error) : NULL;
  if (schedule == NULL)
    return ic_cli_fail (error);

  agenda = ic_workshop_make_agenda (workshop, schedule);
  if (!ic_agenda_select_participant (agenda, only))
    {
      g_set_error (&error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND,
                   _("%s does not take part in the event %s"), only, argv[1]);
      return ic_cli_fail (error);
    }
  file = g_file_new_for_commandline_arg (output);
  if (!ic_agenda_write_file (agenda, format, file, NULL, &error))
    return ic_cli_fail (error);
  return IC_CLI_EXIT_OK;
}
