/* main.c — interchange-cli: the records from a terminal or a script
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "ic-cli-commands.h"
#include "ic-cli-private.h"

static void
print_usage (FILE *out)
{
  fprintf (out, "%s", _("Usage: interchange-cli [--db PATH] COMMAND [OPTIONS…]\n\nCommands:\n"));
  for (guint i = 0; ic_cli_commands[i].name != NULL; i++)
    fprintf (out, "  %-12s %s\n", ic_cli_commands[i].name, _(ic_cli_commands[i].synopsis));
  fprintf (out, "%s", _("\nThe database is PATH, else $INTERCHANGE_DB, else "
                        "$XDG_DATA_HOME/interchange/interchange.db.\n"
                        "Run “interchange-cli COMMAND --help” for a command’s options.\n"));
}

int
main (int    argc,
      char **argv)
{
  IcCli cli = { NULL, NULL, NULL };
  int i = 1;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Options before the command apply to every command. */
  while (i < argc && argv[i][0] == '-')
    {
      if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        {
          g_free (cli.db_path);
          cli.db_path = g_strdup (argv[i + 1]);
          i += 2;
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          g_free (cli.db_path);
          cli.db_path = g_strdup (argv[i] + strlen ("--db="));
          i++;
        }
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_usage (stdout);
          g_free (cli.db_path);
          return IC_CLI_EXIT_OK;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          printf ("interchange-cli %s\n", PACKAGE_VERSION);
          g_free (cli.db_path);
          return IC_CLI_EXIT_OK;
        }
      else
        {
          g_printerr (_("interchange-cli: unknown option “%s”\n"), argv[i]);
          print_usage (stderr);
          g_free (cli.db_path);
          return IC_CLI_EXIT_USAGE_ERROR;
        }
    }

  if (i >= argc)
    {
      print_usage (stderr);
      g_free (cli.db_path);
      return IC_CLI_EXIT_USAGE_ERROR;
    }

  status = -1;
  for (guint c = 0; ic_cli_commands[c].name != NULL; c++)
    if (g_str_equal (argv[i], ic_cli_commands[c].name))
      {
        ic_cli_set_command (&cli, argv[i]);
        status = ic_cli_commands[c].run (&cli, argc - i, argv + i);
        break;
      }

  if (status < 0)
    {
      g_printerr (_("interchange-cli: unknown command “%s”\n"), argv[i]);
      print_usage (stderr);
      status = IC_CLI_EXIT_USAGE_ERROR;
    }

  g_clear_object (&cli.store);
  g_free (cli.command);
  g_free (cli.db_path);
  return status;
}
