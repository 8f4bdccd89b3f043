/* ic-cli-workshop-day.c — `workshop absent|late|walk-in|swap`: the
 * changes of the day, re-scheduled with the fewest changes to what was
 * announced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ic-cli-private.h"
#include "ic-store-events.h"
#include "ic-workshop-day.h"

/* The announced schedule of a loaded workshop, or NULL when there is
 * none (*@error stays unset then). */
static IcSchedule *
announced_schedule (IcWorkshop  *workshop,
                    IcStore     *store,
                    GError     **error)
{
  const char *id = ic_record_get_id (IC_RECORD (workshop->event));
  g_autofree char *stored = ic_store_get_event_schedule (store, id, error);

  return stored != NULL ? ic_workshop_schedule_from_json (workshop, stored, error) : NULL;
}

static void
print_changes (IcWorkshop *workshop,
               IcSchedule *before,
               IcSchedule *after)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *summary = ic_workshop_describe_schedule (workshop, after);

  if (before != NULL)
    {
      lines = ic_workshop_day_describe_changes (workshop, before, after);
      if (lines->len == 0)
        g_print ("%s\n", _("No announced meeting changes."));
      else
        g_print (g_dngettext (GETTEXT_PACKAGE, "%u change to the announced meetings:\n",
                              "%u changes to the announced meetings:\n", lines->len), lines->len);
      for (guint i = 0; i < lines->len; i++)
        g_print ("  %s\n", (const char *) g_ptr_array_index (lines, i));
    }
  g_print ("%s\n", summary);
}

/* A slot as typed (from 1) → from 0; FALSE with a usage error if bad. */
static gboolean
parse_slot (IcCli      *cli,
            const char *option,
            int         value,
            guint      *slot,
            int        *status)
{
  if (value < 1)
    {
      *status = ic_cli_usage_error (cli, _("%s needs a slot number from 1"), option);
      return FALSE;
    }
  *slot = value - 1;
  return TRUE;
}

static int
run_change (IcCli               *cli,
            int                  argc,
            char               **argv,
            IcWorkshopDayChange  change)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcEvent) event = NULL;
  g_autoptr(IcWorkshop) workshop = NULL;
  g_autoptr(IcSchedule) before = NULL;
  g_autoptr(IcSchedule) after = NULL;
  int from = 0, now = 0, max_meetings = -1;
  const GOptionEntry entries[] = {
    { "slot", 0, 0, G_OPTION_ARG_INT, &from,
      change == IC_WORKSHOP_LATE ? N_("The first slot they are there for (from 1)")
                                 : N_("The first slot they are there for, or miss (from 1)"), N_("N") },
    { "now", 0, 0, G_OPTION_ARG_INT, &now,
      N_("The first slot that has not begun; earlier ones stay as they were (default: --slot, "
         "or 1 for late)"), N_("N") },
    { "max-meetings", 0, 0, G_OPTION_ARG_INT, &max_meetings,
      N_("For a walk-in: the most meetings they want"), N_("N") },
    { NULL }
  };
  const IcCliCommandSpec spec = { "EVENT_ID ORGANISATION_ID --slot N", entries, 2, 2,
                                  N_("name the event and the organisation by their ids"),
                                  IC_CLI_STORE_OPEN };
  guint slot, first_open;
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if (!parse_slot (cli, "--slot", from, &slot, &status))
    return status;
  first_open = change == IC_WORKSHOP_LATE ? 0 : slot;
  if (now != 0 && !parse_slot (cli, "--now", now, &first_open, &status))
    return status;

  event = ic_store_get_event (cli->store, argv[1], &error);
  if (event == NULL || !ic_workshop_day_apply (event, change, argv[2], slot, max_meetings, &error))
    return ic_cli_fail (error);

  if (!ic_store_update_event (cli->store, event, ic_cli_get_author (), &error))
    return ic_cli_fail (error);
  /* The announced schedule, in terms of the event as it is now (a
   * walk-in comes last, so everyone else keeps their number). */
  workshop = ic_workshop_load (cli->store, argv[1], &error);
  before = workshop ? announced_schedule (workshop, cli->store, &error) : NULL;
  if (error != NULL)
    return ic_cli_fail (error);
  after = ic_workshop_day_reschedule (workshop, before, first_open, &error);
  if (after != NULL && change == IC_WORKSHOP_WALK_IN)
    {
      IcSchedule *seated = ic_workshop_day_seat_walk_in (workshop, after, workshop->n - 1, first_open);

      ic_schedule_unref (after);
      after = seated;
    }
  if (after == NULL || !ic_workshop_save_schedule (workshop, cli->store, after, &error))
    return ic_cli_fail (error);
  print_changes (workshop, before, after);
  return IC_CLI_EXIT_OK;
}

static int
day_absent (IcCli  *cli,
            int     argc,
            char  **argv)
{
  return run_change (cli, argc, argv, IC_WORKSHOP_ABSENT);
}

static int
day_late (IcCli  *cli,
          int     argc,
          char  **argv)
{
  return run_change (cli, argc, argv, IC_WORKSHOP_LATE);
}

static int
day_walk_in (IcCli  *cli,
             int     argc,
             char  **argv)
{
  return run_change (cli, argc, argv, IC_WORKSHOP_WALK_IN);
}

/* "3:2" → slot 2, table 1 (from 0); FALSE if it is not that. */
static gboolean
parse_place (const char *text,
             guint      *slot,
             guint      *table)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint64 s, t;

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, G_MAXUINT, &s, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXUINT, &t, NULL))
    return FALSE;
  *slot = s - 1;
  *table = t - 1;
  return TRUE;
}

static int
day_swap (IcCli  *cli,
          int     argc,
          char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcWorkshop) workshop = NULL;
  g_autoptr(IcSchedule) before = NULL;
  g_autoptr(IcSchedule) after = NULL;
  const IcCliCommandSpec spec = { "EVENT_ID SLOT:TABLE SLOT:TABLE", NULL, 3, 3,
                                  N_("name the event and two meetings as SLOT:TABLE"),
                                  IC_CLI_STORE_OPEN };
  guint slot_a, table_a, slot_b, table_b;
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if (!parse_place (argv[2], &slot_a, &table_a))
    return ic_cli_usage_error (cli, _("“%s” is not SLOT:TABLE (numbers from 1, as 3:2)"), argv[2]);
  if (!parse_place (argv[3], &slot_b, &table_b))
    return ic_cli_usage_error (cli, _("“%s” is not SLOT:TABLE (numbers from 1, as 3:2)"), argv[3]);

  workshop = ic_workshop_load (cli->store, argv[1], &error);
  before = workshop ? announced_schedule (workshop, cli->store, &error) : NULL;
  if (before == NULL)
    {
      if (error == NULL)
        g_set_error (&error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND,
                     _("The event %s has no schedule yet: run `schedule %s` first"), argv[1], argv[1]);
      return ic_cli_fail (error);
    }
  after = ic_workshop_day_swap (workshop, before, slot_a, table_a, slot_b, table_b, &error);
  if (after == NULL || !ic_workshop_save_schedule (workshop, cli->store, after, &error))
    return ic_cli_fail (error);
  print_changes (workshop, before, after);
  return IC_CLI_EXIT_OK;
}

int
ic_cli_workshop (IcCli  *cli,
                 int     argc,
                 char  **argv)
{
  static const IcCliCommand subcommands[] = {
    { "absent", day_absent, N_("Mark a participant absent from a slot on, and re-schedule the rest") },
    { "late", day_late, N_("Mark a participant there only from a slot on, and re-schedule") },
    { "walk-in", day_walk_in, N_("Add an organisation on the day, and give it meetings") },
    { "swap", day_swap, N_("Exchange the times of two meetings, if no rule breaks") },
    { NULL, NULL, NULL }
  };

  return ic_cli_run_subcommand (cli, subcommands,
                                N_("say what changed: absent, late, walk-in or swap"),
                                argc, argv);
}
