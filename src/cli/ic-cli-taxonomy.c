/* ic-cli-taxonomy.c — the clusters and places a database knows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ic-cli-private.h"

static const IcRecordKind kinds_with_places[] = {
  IC_RECORD_KIND_ORGANISATION,
  IC_RECORD_KIND_CHALLENGE,
  IC_RECORD_KIND_CAPABILITY,
};

static gboolean
is_slug (const char *id)
{
  if (id == NULL || id[0] == '\0' || strlen (id) > 64)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static void
print_taxonomy (IcTaxonomy *taxonomy,
                gboolean    json)
{
  guint n_clusters = ic_taxonomy_get_n_clusters (taxonomy);
  guint n_places = ic_taxonomy_get_n_places (taxonomy);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "clusters");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_clusters; i++)
        {
          const char *id = ic_taxonomy_get_cluster_id (taxonomy, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, id);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, ic_taxonomy_get_cluster_name (taxonomy, id));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "places");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_places; i++)
        {
          const char *id = ic_taxonomy_get_place_id (taxonomy, i);
          const char *area_name, *region_name;
          const char *area = ic_taxonomy_get_place_area (taxonomy, id, &area_name);
          const char *region = ic_taxonomy_get_place_region (taxonomy, id, &region_name);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, id);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, ic_taxonomy_get_place_name (taxonomy, id));
          json_builder_set_member_name (builder, "area_id");
          json_builder_add_string_value (builder, area);
          json_builder_set_member_name (builder, "area_name");
          json_builder_add_string_value (builder, area_name);
          json_builder_set_member_name (builder, "region_id");
          json_builder_add_string_value (builder, region);
          json_builder_set_member_name (builder, "region_name");
          json_builder_add_string_value (builder, region_name);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      ic_cli_print_json (root);
      return;
    }

  g_print ("%s\n", _("Clusters:"));
  for (guint i = 0; i < n_clusters; i++)
    {
      const char *id = ic_taxonomy_get_cluster_id (taxonomy, i);
      g_print ("  %-28s %s\n", id, ic_taxonomy_get_cluster_name (taxonomy, id));
    }
  g_print ("%s\n", _("Places:"));
  for (guint i = 0; i < n_places; i++)
    {
      const char *id = ic_taxonomy_get_place_id (taxonomy, i);
      const char *area_name, *region_name;

      ic_taxonomy_get_place_area (taxonomy, id, &area_name);
      ic_taxonomy_get_place_region (taxonomy, id, &region_name);
      g_print ("  %-28s %-24s %s, %s\n", id, ic_taxonomy_get_place_name (taxonomy, id),
               area_name ? area_name : "", region_name ? region_name : "");
    }
}

/* How many live records name @value in @field ("cluster" or
 * "local_authority"); -1 on error. */
static gint64
count_users (IcStore     *store,
             const char  *field,
             const char  *value,
             GError     **error)
{
  gint64 total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (kinds_with_places); i++)
    {
      g_autoptr(IcStoreQuery) query = ic_store_query_new ();
      gint64 n;

      if (g_str_equal (field, "cluster"))
        ic_store_query_set_cluster (query, value);
      else
        ic_store_query_set_local_authority (query, value);
      n = ic_store_count (store, kinds_with_places[i], query, error);
      if (n < 0)
        return -1;
      total += n;
    }
  return total;
}

static int
edit_taxonomy (IcCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GError) error = NULL;
  IcStore *store = cli->store;
  IcTaxonomy *taxonomy = ic_store_get_taxonomy (store);
  const char *verb = argv[1];

  if (g_str_equal (verb, "add-cluster"))
    {
      if (argc != 4 || !is_slug (argv[2]))
        return ic_cli_usage_error (cli, _("add-cluster takes an ID (lower-case letters, "
                                          "digits and hyphens) and a NAME"));
      ic_taxonomy_add_cluster (taxonomy, argv[2], argv[3]);
    }
  else if (g_str_equal (verb, "add-place"))
    {
      if (argc != 8 || !is_slug (argv[2]) || !is_slug (argv[4]) || !is_slug (argv[6]))
        return ic_cli_usage_error (cli, _("add-place takes ID NAME AREA_ID AREA_NAME "
                                          "REGION_ID REGION_NAME; ids are lower-case "
                                          "letters, digits and hyphens"));
      ic_taxonomy_add_place (taxonomy, argv[2], argv[3], argv[4], argv[5], argv[6], argv[7]);
    }
  else if (g_str_equal (verb, "remove-cluster") || g_str_equal (verb, "remove-place"))
    {
      gboolean cluster = g_str_equal (verb, "remove-cluster");
      const char *field = cluster ? "cluster" : "local_authority";
      gint64 users;

      if (argc != 3)
        return ic_cli_usage_error (cli, _("%s takes one ID"), verb);
      if ((cluster ? ic_taxonomy_get_cluster_name (taxonomy, argv[2])
                   : ic_taxonomy_get_place_name (taxonomy, argv[2])) == NULL)
        {
          g_printerr (cluster ? _("interchange-cli: there is no cluster “%s”\n")
                              : _("interchange-cli: there is no place “%s”\n"), argv[2]);
          return IC_CLI_EXIT_USER_ERROR;
        }
      users = count_users (store, field, argv[2], &error);
      if (users < 0)
        return ic_cli_fail (error);
      /* Records that name it would no longer validate. */
      if (users > 0)
        {
          g_printerr (g_dngettext (GETTEXT_PACKAGE,
                                   "interchange-cli: %" G_GINT64_FORMAT " record still names “%s”; "
                                   "change it first\n",
                                   "interchange-cli: %" G_GINT64_FORMAT " records still name “%s”; "
                                   "change them first\n", users),
                      users, argv[2]);
          return IC_CLI_EXIT_USER_ERROR;
        }
      if (cluster)
        ic_taxonomy_remove_cluster (taxonomy, argv[2]);
      else
        ic_taxonomy_remove_place (taxonomy, argv[2]);
    }
  else
    return ic_cli_usage_error (cli, _("unknown taxonomy command “%s”"), verb);

  if (!ic_store_save_taxonomy (store, taxonomy, &error))
    return ic_cli_fail (error);
  return IC_CLI_EXIT_OK;
}

int
ic_cli_taxonomy (IcCli  *cli,
                 int     argc,
                 char  **argv)
{
  gboolean json = FALSE;
  g_auto(GStrv) related = NULL;
  g_autofree char *cluster = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "related", 0, 0, G_OPTION_ARG_STRING_ARRAY, &related,
      N_("With add-term: a phrase closely associated with the terms (repeatable)"), N_("PHRASE") },
    { "cluster", 0, 0, G_OPTION_ARG_STRING, &cluster,
      N_("With add-term: the cluster the entry belongs to"), N_("ID") },
    { NULL }
  };
  /* Each verb checks its own arguments. */
  const IcCliCommandSpec spec = {
    "[list | add-cluster ID NAME | remove-cluster ID | "
    "add-place ID NAME AREA_ID AREA_NAME REGION_ID REGION_NAME | remove-place ID | "
    "glossary | add-term TERM… | remove-term TERM | set-glossary FILE | reset-glossary]",
    entries, 0, -1, NULL, IC_CLI_STORE_OPEN
  };
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;

  if (argc >= 2 && ic_cli_is_glossary_verb (argv[1]))
    {
      if (cluster != NULL && ic_taxonomy_get_cluster_name (ic_store_get_taxonomy (cli->store),
                                                           cluster) == NULL)
        return ic_cli_usage_error (cli, _("--cluster: there is no cluster “%s”"), cluster);
      return ic_cli_glossary (cli, argc, argv, (const char * const *) related, cluster, json);
    }
  if (related != NULL || cluster != NULL)
    return ic_cli_usage_error (cli, _("--related and --cluster go with add-term"));

  if (argc == 1 || (argc == 2 && g_str_equal (argv[1], "list")))
    {
      print_taxonomy (ic_store_get_taxonomy (cli->store), json);
      return IC_CLI_EXIT_OK;
    }
  return edit_taxonomy (cli, argc, argv);
}
