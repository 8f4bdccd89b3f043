/* ic-cli.c — option parsing, output and errors shared by the commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gunixinputstream.h>
#include <stdio.h>
#include <string.h>

#include "ic-cli-private.h"

void
ic_cli_set_command (IcCli      *cli,
                    const char *name)
{
  g_autofree char *prgname = g_strdup_printf ("interchange-cli %s", name);

  g_free (cli->command);
  cli->command = g_strdup (name);
  /* --help says "Usage: interchange-cli shortlist create [OPTION…]". */
  g_set_prgname (prgname);
}

static gboolean
parse_options (IcCli                  *cli,
               const IcCliCommandSpec *spec,
               int                    *argc,
               char                 ***argv,
               int                    *exit_status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  const GOptionEntry common[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("The database to use"), N_("PATH") },
    { NULL }
  };

  context = g_option_context_new (spec->parameters);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  if (spec->options != NULL)
    g_option_context_add_main_entries (context, spec->options, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_status = ic_cli_usage_error (cli, "%s", error->message);
      return FALSE;
    }
  if (db_path != NULL)
    {
      g_free (cli->db_path);
      cli->db_path = g_steal_pointer (&db_path);
    }
  return TRUE;
}

gboolean
ic_cli_begin (IcCli                  *cli,
              const IcCliCommandSpec *spec,
              int                    *argc,
              char                 ***argv,
              int                    *exit_status)
{
  g_autoptr(GError) error = NULL;
  int n_args;

  if (cli->command == NULL)
    ic_cli_set_command (cli, (*argv)[0]);
  if (!parse_options (cli, spec, argc, argv, exit_status))
    return FALSE;

  n_args = *argc - 1;
  if (n_args < spec->min_args || (spec->max_args >= 0 && n_args > spec->max_args))
    {
      if (spec->args_error != NULL)
        *exit_status = ic_cli_usage_error (cli, "%s", _(spec->args_error));
      else if (spec->max_args >= 0 && n_args > spec->max_args)
        *exit_status = ic_cli_usage_error (cli, _("unexpected argument “%s”"),
                                           (*argv)[spec->max_args + 1]);
      else
        *exit_status = ic_cli_usage_error (cli, _("missing arguments"));
      return FALSE;
    }

  if (spec->store != IC_CLI_STORE_LATER &&
      ic_cli_open_store (cli, spec->store == IC_CLI_STORE_CREATE, &error) == NULL)
    {
      *exit_status = ic_cli_fail (error);
      return FALSE;
    }
  return TRUE;
}

static void
print_subcommands (IcCli              *cli,
                   const IcCliCommand *subcommands)
{
  /* Translators: the first %s is a command, such as “shortlist” */
  g_print (_("Usage: interchange-cli [--db PATH] %s COMMAND [OPTIONS…]\n\nCommands:\n"),
           cli->command);
  for (guint i = 0; subcommands[i].name != NULL; i++)
    g_print ("  %-12s %s\n", subcommands[i].name, _(subcommands[i].synopsis));
  g_print (_("\nRun “interchange-cli %s COMMAND --help” for a command’s options.\n"),
           cli->command);
}

int
ic_cli_run_subcommand (IcCli               *cli,
                       const IcCliCommand  *subcommands,
                       const char          *missing,
                       int                  argc,
                       char               **argv)
{
  if (cli->command == NULL)
    ic_cli_set_command (cli, argv[0]);

  for (guint i = 0; argc >= 2 && subcommands[i].name != NULL; i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      {
        g_autofree char *name = g_strdup_printf ("%s %s", cli->command, argv[1]);

        ic_cli_set_command (cli, name);
        return subcommands[i].run (cli, argc - 1, argv + 1);
      }

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      print_subcommands (cli, subcommands);
      return IC_CLI_EXIT_OK;
    }
  return ic_cli_usage_error (cli, "%s", _(missing));
}

IcStore *
ic_cli_open_store (IcCli    *cli,
                   gboolean  create,
                   GError  **error)
{
  g_autofree char *path = NULL;

  if (cli->store != NULL)
    return cli->store;

  path = cli->db_path ? g_strdup (cli->db_path) : ic_store_get_default_path ();
  cli->store = ic_store_open (path,
                              create ? IC_STORE_OPEN_CREATE : IC_STORE_OPEN_DEFAULT,
                              error);
  return cli->store;
}

const char *
ic_cli_get_author (void)
{
  const char *author = g_getenv ("INTERCHANGE_AUTHOR");

  if (author != NULL && author[0] != '\0')
    return author;
  return g_get_user_name ();
}

int
ic_cli_fail (GError *error)
{
  g_printerr ("interchange-cli: %s\n", error->message);
  return IC_CLI_EXIT_USER_ERROR;
}

int
ic_cli_usage_error (IcCli      *cli,
                    const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("interchange-cli %s: %s\n", cli->command, message);
  g_printerr (_("Try “interchange-cli %s --help”.\n"), cli->command);
  return IC_CLI_EXIT_USAGE_ERROR;
}

void
ic_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
}

char *
ic_cli_read_input (const char  *path,
                   gsize       *length,
                   GError     **error)
{
  char *contents = NULL;

  if (g_strcmp0 (path, "-") == 0)
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

      if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
        return NULL;
      *length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
      /* NUL-terminate for the JSON parser's convenience.  Empty input
       * leaves the stream without a buffer at all: no copy from NULL. */
      contents = g_malloc (*length + 1);
      if (*length > 0)
        memcpy (contents, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)), *length);
      contents[*length] = '\0';
      return contents;
    }

  if (!g_file_get_contents (path, &contents, length, error))
    return NULL;
  return contents;
}

gboolean
ic_cli_parse_kind (const char   *word,
                   IcRecordKind *kind)
{
  static const struct { const char *word; IcRecordKind kind; } words[] = {
    { "organisation", IC_RECORD_KIND_ORGANISATION },
    { "organisations", IC_RECORD_KIND_ORGANISATION },
    { "challenge", IC_RECORD_KIND_CHALLENGE },
    { "challenges", IC_RECORD_KIND_CHALLENGE },
    { "capability", IC_RECORD_KIND_CAPABILITY },
    { "capabilities", IC_RECORD_KIND_CAPABILITY },
    { "foresight", IC_RECORD_KIND_FORESIGHT },
    { "shortlist", IC_RECORD_KIND_SHORTLIST },
    { "shortlists", IC_RECORD_KIND_SHORTLIST },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_strcmp0 (word, words[i].word) == 0)
      {
        *kind = words[i].kind;
        return TRUE;
      }
  return FALSE;
}
