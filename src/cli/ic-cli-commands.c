/* ic-cli-commands.c — the table of interchange-cli commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-cli-commands.h"

const IcCliCommand ic_cli_commands[] = {
  { "init", ic_cli_init, N_("Create the database, or bring it up to date") },
  { "demo", ic_cli_demo, N_("Load the sample challenges and capabilities") },
  { "add", ic_cli_add, N_("Add a record from a JSON object") },
  { "list", ic_cli_list, N_("List challenges, capabilities, organisations, foresight or shortlists") },
  { "show", ic_cli_show, N_("Show one record") },
  { "delete", ic_cli_delete, N_("Delete a record (it stays as a tombstone so the delete syncs)") },
  { NULL, NULL, NULL }
};
