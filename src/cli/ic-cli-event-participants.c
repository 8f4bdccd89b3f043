/* ic-cli-event-participants.c — `event add-participants EVENT_ID --csv
 * FILE`: many participants at once, all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-cli-private.h"
#include "ic-event-csv.h"
#include "ic-store-events.h"

int
ic_cli_event_add_participants (IcCli  *cli,
                               int     argc,
                               char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcEvent) event = NULL;
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GPtrArray) participants = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *data = NULL;
  const GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path,
      N_("Read the participants from FILE (- for standard input): columns organisation "
         "(a name or an id), max_meetings and available (e.g. 1-3, 5)"), N_("FILE") },
    { NULL }
  };
  const IcCliCommandSpec spec = { "EVENT_ID --csv FILE", entries, 1, 1, N_("name one event by its id"),
                                  IC_CLI_STORE_LATER };
  gsize length;
  guint added;
  int status;
  IcStore *store;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if (csv_path == NULL)
    return ic_cli_usage_error (cli, _("--csv FILE is required"));

  data = ic_cli_read_input (csv_path, &length, &error);
  store = data != NULL ? ic_cli_open_store (cli, FALSE, &error) : NULL;
  event = store != NULL ? ic_store_get_event (store, argv[1], &error) : NULL;
  organisations = event != NULL
    ? ic_store_list (store, IC_RECORD_KIND_ORGANISATION, NULL, 0, 0, &error) : NULL;
  if (organisations == NULL)
    return ic_cli_fail (error);

  /* Every row is read before anything is written. */
  stream = g_memory_input_stream_new_from_data (data, length, NULL);
  participants = ic_event_csv_read_participants (stream, ic_event_get_n_slots (event), organisations,
                                                 NULL, &error);
  if (participants == NULL)
    {
      g_prefix_error (&error, "%s: ", g_str_equal (csv_path, "-") ? _("standard input") : csv_path);
      return ic_cli_fail (error);
    }
  added = ic_event_csv_add_participants (event, participants);
  if (added > 0 && !ic_store_update_event (store, event, ic_cli_get_author (), &error))
    return ic_cli_fail (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Added %u participant", "Added %u participants", added), added);
  if (added < participants->len)
    g_print (g_dngettext (GETTEXT_PACKAGE, "; %u took part already", "; %u took part already",
                          participants->len - added), participants->len - added);
  g_print ("\n");
  return IC_CLI_EXIT_OK;
}
