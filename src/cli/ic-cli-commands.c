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
  { "update", ic_cli_update, N_("Change some fields of a record from a JSON object") },
  { "delete", ic_cli_delete, N_("Delete a record (it stays as a tombstone so the delete syncs)") },
  { "history", ic_cli_history, N_("Show every change of one record: who, when and which fields") },
  { "match", ic_cli_match, N_("Rank capabilities for a challenge, or for every open challenge") },
  { "conflict-rule", ic_cli_conflict_rule, N_("Add, remove or list organisations never to be matched or scheduled") },
  { "consortium", ic_cli_consortium, N_("Propose small groups of SMEs that together cover a challenge") },
  { "import", ic_cli_import, N_("Import challenges, capabilities or organisations from CSV") },
  { "import-undo", ic_cli_import_undo, N_("Take back an import, from its --json report") },
  { "export", ic_cli_export, N_("Export a shortlist (csv, json, xlsx, pdf) or records (csv, json)") },
  { "shortlist", ic_cli_shortlist, N_("Create a shortlist from the match results, list or show them, move entries through the stages") },
  { "report", ic_cli_report, N_("Report the impact figures of a period: json, csv, xlsx or pdf") },
  { "review", ic_cli_review, N_("List what needs attention: stale records, passed deadlines, stuck entries") },
  { "sync", ic_cli_sync, N_("Push queued changes to the foresight feed and pull what is new") },
  { "responses", ic_cli_responses, N_("Erase the contact details of a response from the board, on the feed") },
  { "conflicts", ic_cli_conflicts, N_("List the edits a sync kept aside, and resolve them") },
  { "event", ic_cli_event, N_("Add, update, list, show or delete a workshop event") },
  { "schedule", ic_cli_schedule, N_("Schedule a workshop’s 1:1 meetings (repairs the saved schedule)") },
  { "workshop", ic_cli_workshop, N_("On the day: absences, late arrivals, walk-ins and swaps") },
  { "taxonomy", ic_cli_taxonomy, N_("List the clusters and places, or add and remove them") },
  { NULL, NULL, NULL }
};
