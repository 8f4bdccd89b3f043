/* ic-cli-glossary.c — the glossary verbs of `interchange-cli taxonomy`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   taxonomy glossary [--json]                   list the entries
 *   taxonomy add-term TERM… [--related PHRASE]… [--cluster ID]
 *   taxonomy remove-term TERM                    remove TERM's entry
 *   taxonomy set-glossary FILE                   replace it (- is stdin)
 *   taxonomy reset-glossary                      back to the shipped one
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-cli-private.h"
#include "ic-match-loader.h"

static void
print_glossary (IcGlossary *glossary,
                gboolean    json)
{
  guint n = ic_glossary_get_n_entries (glossary);

  if (json)
    {
      g_autoptr(JsonNode) node = ic_glossary_to_json (glossary);

      ic_cli_print_json (node);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *terms = g_strjoinv (", ", (GStrv) ic_glossary_get_terms (glossary, i));
      const char * const *related = ic_glossary_get_related (glossary, i);
      const char *cluster = ic_glossary_get_cluster (glossary, i);

      g_print ("%s", terms);
      if (cluster != NULL)
        g_print ("  [%s]", cluster);
      if (related != NULL && related[0] != NULL)
        {
          g_autofree char *list = g_strjoinv (", ", (GStrv) related);

          /* TRANSLATORS: a glossary entry's related phrases follow */
          g_print ("\n    %s %s", _("related:"), list);
        }
      g_print ("\n");
    }
}

gboolean
ic_cli_is_glossary_verb (const char *verb)
{
  return g_strcmp0 (verb, "glossary") == 0 || g_strcmp0 (verb, "add-term") == 0 ||
         g_strcmp0 (verb, "remove-term") == 0 || g_strcmp0 (verb, "set-glossary") == 0 ||
         g_strcmp0 (verb, "reset-glossary") == 0;
}

int
ic_cli_glossary (IcCli               *cli,
                 int                  argc,
                 char               **argv,
                 const char * const  *related,
                 const char          *cluster,
                 gboolean             json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcGlossary) glossary = NULL;
  IcStore *store = cli->store;
  const char *verb = argv[1];

  if (g_str_equal (verb, "reset-glossary"))
    {
      if (argc != 2)
        return ic_cli_usage_error (cli, _("reset-glossary takes no arguments"));
      if (!ic_match_loader_save_glossary (store, NULL, &error))
        return ic_cli_fail (error);
      return IC_CLI_EXIT_OK;
    }

  if (g_str_equal (verb, "set-glossary"))
    {
      g_autofree char *data = NULL;
      gsize length;

      if (argc != 3)
        return ic_cli_usage_error (cli, _("set-glossary takes one FILE (- for standard input)"));
      data = ic_cli_read_input (argv[2], &length, &error);
      if (data != NULL)
        glossary = ic_glossary_new_from_json (data, (gssize) length, &error);
      if (glossary == NULL)
        {
          g_prefix_error (&error, "%s: ", g_str_equal (argv[2], "-") ? _("standard input") : argv[2]);
          return ic_cli_fail (error);
        }
      if (!ic_match_loader_save_glossary (store, glossary, &error))
        return ic_cli_fail (error);
      return IC_CLI_EXIT_OK;
    }

  glossary = ic_match_loader_load_glossary (store, &error);
  if (glossary == NULL)
    return ic_cli_fail (error);

  if (g_str_equal (verb, "glossary"))
    {
      if (argc != 2)
        return ic_cli_usage_error (cli, _("glossary takes no arguments"));
      print_glossary (glossary, json);
      return IC_CLI_EXIT_OK;
    }

  if (g_str_equal (verb, "add-term"))
    {
      if (argc < 3)
        return ic_cli_usage_error (cli, _("add-term takes one or more TERMs that mean the same"));
      if (!ic_glossary_add_entry (glossary, cluster, (const char * const *) argv + 2, related,
                                  NULL, &error))
        return ic_cli_fail (error);
    }
  else
    {
      gint position;

      if (argc != 3)
        return ic_cli_usage_error (cli, _("remove-term takes one TERM"));
      position = ic_glossary_find_term (glossary, argv[2]);
      if (position < 0)
        {
          g_printerr (_("interchange-cli: “%s” is not a term of the glossary\n"), argv[2]);
          return IC_CLI_EXIT_USER_ERROR;
        }
      ic_glossary_remove_entry (glossary, (guint) position);
    }

  if (!ic_match_loader_save_glossary (store, glossary, &error))
    return ic_cli_fail (error);
  return IC_CLI_EXIT_OK;
}
