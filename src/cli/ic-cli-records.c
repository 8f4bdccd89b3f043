/* ic-cli-records.c — init, demo, add, list, show and delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ic-cli-private.h"
#include "ic-model-error.h"
#include "ic-record-json.h"
#include "ic-sample-data.h"

#define LIST_PAGE_SIZE 500

int
ic_cli_init (IcCli  *cli,
             int     argc,
             char  **argv)
{
  const IcCliCommandSpec spec = { NULL, NULL, 0, 0, NULL, IC_CLI_STORE_CREATE };
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;

  g_print (_("Database ready at %s (schema version %u)\n"),
           ic_store_get_path (cli->store), ic_store_get_schema_version (cli->store));
  return IC_CLI_EXIT_OK;
}

int
ic_cli_demo (IcCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GError) error = NULL;
  IcSampleDataCounts counts = { 0 };
  const IcCliCommandSpec spec = { NULL, NULL, 0, 0, NULL, IC_CLI_STORE_CREATE };
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if (!ic_sample_data_load (cli->store, ic_cli_get_author (), &counts, &error))
    return ic_cli_fail (error);

  if (counts.already_loaded)
    g_print (_("The sample data is already loaded.\n"));
  else
    g_print (_("Loaded %u organisations, %u challenges, %u capabilities and %u foresight items.\n"),
             counts.organisations, counts.challenges, counts.capabilities, counts.foresight);
  return IC_CLI_EXIT_OK;
}

int
ic_cli_add (IcCli  *cli,
            int     argc,
            char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) record = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *data = NULL;
  g_autofree char *visibility = NULL;
  g_autofree char *public_label = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path,
      N_("Read the record from FILE (- for standard input)"), N_("FILE") },
    { "visibility", 0, 0, G_OPTION_ARG_STRING, &visibility,
      N_("Who may see the record: private, team or public (on the feed's board)"), N_("WHO") },
    { "public-label", 0, 0, G_OPTION_ARG_STRING, &public_label,
      N_("Show this instead of the challenge's organisation on the board"), N_("TEXT") },
    { NULL }
  };
  const IcCliCommandSpec spec = {
    "challenge|capability|organisation|foresight", entries, 1, 1,
    N_("name one kind of record: challenge, capability, organisation or foresight"),
    IC_CLI_STORE_LATER
  };
  IcRecordKind kind;
  gsize length;
  int status;
  IcStore *store;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if (!ic_cli_parse_kind (argv[1], &kind) || kind == IC_RECORD_KIND_SHORTLIST)
    return ic_cli_usage_error (cli, "%s", _(spec.args_error));
  if (json_path == NULL)
    return ic_cli_usage_error (cli, _("--json FILE is required"));

  data = ic_cli_read_input (json_path, &length, &error);
  if (data == NULL)
    return ic_cli_fail (error);

  record = ic_record_new_from_json_data (kind, data, length, &error);
  if (record == NULL)
    {
      g_prefix_error (&error, "%s: ", g_strcmp0 (json_path, "-") == 0 ? _("standard input") : json_path);
      return ic_cli_fail (error);
    }
  if (!ic_cli_apply_sharing (record, visibility, public_label, &error))
    return ic_cli_fail (error);

  store = ic_cli_open_store (cli, FALSE, &error);
  if (store == NULL || !ic_store_insert (store, record, ic_cli_get_author (), &error))
    return ic_cli_fail (error);

  g_print ("%s\n", ic_record_get_id (record));
  return IC_CLI_EXIT_OK;
}

static void
print_record_line (IcStore  *store,
                   IcRecord *record)
{
  IcTaxonomy *taxonomy = ic_store_get_taxonomy (store);
  g_autofree char *cluster = NULL;
  const char *cluster_name = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (record), "cluster") != NULL)
    {
      g_object_get (record, "cluster", &cluster, NULL);
      cluster_name = ic_taxonomy_get_cluster_name (taxonomy, cluster);
    }
  g_print ("%s  %-60s  %s\n", ic_record_get_id (record), ic_record_get_title (record),
           cluster_name ? cluster_name : "");
}

int
ic_cli_list (IcCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcStoreQuery) query = ic_store_query_new ();
  g_autoptr(JsonArray) array = json_array_new ();
  g_autofree char *search = NULL;
  g_autofree char *cluster = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only records that contain these words"), N_("TEXT") },
    { "cluster", 0, 0, G_OPTION_ARG_STRING, &cluster, N_("Only records of this cluster"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  const IcCliCommandSpec spec = {
    "challenges|capabilities|organisations|foresight|shortlists|responses", entries, 1, 1,
    N_("name what to list: challenges, capabilities, organisations, foresight, shortlists or responses"),
    IC_CLI_STORE_LATER
  };
  IcRecordKind kind;
  int status;
  IcStore *store;

  /* The first word that is not an option, nor the value of one. */
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--search") || g_str_equal (argv[i], "--cluster") ||
          g_str_equal (argv[i], "--challenge"))
        i++;
      else if (argv[i][0] != '-')
        {
          if (g_str_equal (argv[i], "responses"))
            return ic_cli_list_responses (cli, argc, argv);
          break;
        }
    }
  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if (!ic_cli_parse_kind (argv[1], &kind))
    return ic_cli_usage_error (cli, "%s", _(spec.args_error));

  store = ic_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return ic_cli_fail (error);

  ic_store_query_set_search (query, search);
  ic_store_query_set_cluster (query, cluster);

  for (guint offset = 0;; offset += LIST_PAGE_SIZE)
    {
      g_autoptr(GPtrArray) page = ic_store_list (store, kind, query, offset, LIST_PAGE_SIZE, &error);

      if (page == NULL)
        return ic_cli_fail (error);
      for (guint i = 0; i < page->len; i++)
        {
          if (json)
            json_array_add_element (array, ic_object_to_json (g_ptr_array_index (page, i)));
          else
            print_record_line (store, g_ptr_array_index (page, i));
        }
      if (page->len < LIST_PAGE_SIZE)
        break;
    }

  if (json)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
      json_node_set_array (node, array);
      ic_cli_print_json (node);
    }
  return IC_CLI_EXIT_OK;
}

int
ic_cli_show (IcCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) record = NULL;
  g_autoptr(JsonNode) node = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  const IcCliCommandSpec spec = { "ID", entries, 1, 1, N_("name one record by its id"),
                                  IC_CLI_STORE_OPEN };
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  record = ic_store_get (cli->store, argv[1], &error);
  if (record == NULL)
    return ic_cli_fail (error);

  node = ic_object_to_json (G_OBJECT (record));
  if (json)
    {
      ic_cli_print_json (node);
    }
  else
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;

      g_print ("%s: %s\n", ic_record_kind_to_string (ic_record_get_kind (record)),
               ic_record_get_title (record));
      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &member, &value))
        {
          g_autofree char *text = JSON_NODE_HOLDS_VALUE (value) &&
                                  json_node_get_value_type (value) == G_TYPE_STRING
                                  ? g_strdup (json_node_get_string (value))
                                  : json_to_string (value, FALSE);
          g_print ("  %-16s %s\n", member, text);
        }
    }
  return IC_CLI_EXIT_OK;
}

int
ic_cli_delete (IcCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GError) error = NULL;
  const IcCliCommandSpec spec = { "ID", NULL, 1, 1, N_("name one record by its id"),
                                  IC_CLI_STORE_OPEN };
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if (!ic_store_delete (cli->store, argv[1], ic_cli_get_author (), &error))
    return ic_cli_fail (error);
  return IC_CLI_EXIT_OK;
}
