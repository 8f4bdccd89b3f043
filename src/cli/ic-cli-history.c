/* ic-cli-history.c — history ID [--json]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change of one record, oldest first: who, when, and the fields
 * it changed from what to what.  A deleted record's history stays.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ic-cli-private.h"
#include "ic-store-history.h"

static JsonNode *
parse_value (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return json_node_new (JSON_NODE_NULL);
  return json_node_copy (json_parser_get_root (parser));
}

static void
print_json (GPtrArray *entries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      IcHistoryEntry *entry = g_ptr_array_index (entries, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, entry->record_id);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, ic_record_kind_to_string (entry->kind));
      json_builder_set_member_name (builder, "rev");
      json_builder_add_int_value (builder, entry->rev);
      json_builder_set_member_name (builder, "at");
      json_builder_add_string_value (builder, entry->at);
      json_builder_set_member_name (builder, "author");
      if (entry->author != NULL)
        json_builder_add_string_value (builder, entry->author);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "action");
      json_builder_add_string_value (builder, ic_history_action_to_string (entry->action));
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, entry->remote ? "feed" : "local");
      json_builder_set_member_name (builder, "changes");
      json_builder_begin_array (builder);
      for (guint c = 0; c < entry->changes->len; c++)
        {
          IcHistoryChange *change = g_ptr_array_index (entry->changes, c);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "field");
          json_builder_add_string_value (builder, change->field);
          json_builder_set_member_name (builder, "old");
          json_builder_add_value (builder, parse_value (change->old_json));
          json_builder_set_member_name (builder, "new");
          json_builder_add_value (builder, parse_value (change->new_json));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  node = json_builder_get_root (builder);
  ic_cli_print_json (node);
}

static void
print_text (GPtrArray *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      IcHistoryEntry *entry = g_ptr_array_index (entries, i);

      /* Translators: time, what happened, who, revision */
      printf (_("%s  %s by %s (revision %" G_GINT64_FORMAT ")%s\n"), entry->at,
              ic_history_action_get_label (entry->action),
              entry->author != NULL ? entry->author : _("someone unknown"), entry->rev,
              entry->remote ? _(", through the feed") : "");
      for (guint c = 0; c < entry->changes->len; c++)
        {
          IcHistoryChange *change = g_ptr_array_index (entry->changes, c);

          printf ("    %s: %s → %s\n", change->field, change->old_json, change->new_json);
        }
    }
}

int
ic_cli_history (IcCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gboolean json = FALSE;
  const GOptionEntry options[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  const IcCliCommandSpec spec = { "ID", options, 1, 1, N_("name one record by its id"),
                                  IC_CLI_STORE_OPEN };
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  entries = ic_store_list_history (cli->store, argv[1], &error);
  if (entries == NULL)
    return ic_cli_fail (error);
  /* A record written before the history was kept has none yet. */
  if (entries->len == 0)
    {
      g_autoptr(IcRecord) record = ic_store_get (cli->store, argv[1], &error);

      if (record == NULL)
        return ic_cli_fail (error);
      if (!json)
        {
          printf (_("No change of %s is recorded yet\n"), argv[1]);
          return IC_CLI_EXIT_OK;
        }
    }
  if (json)
    print_json (entries);
  else
    print_text (entries);
  return IC_CLI_EXIT_OK;
}
