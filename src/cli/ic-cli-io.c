/* ic-cli-io.c — import, export and shortlist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <stdio.h>

#include "ic-cli-private.h"
#include "ic-export.h"
#include "ic-import.h"
#include "ic-import-undo.h"
#include "ic-match-loader.h"
#include "ic-record-json.h"
#include "ic-shortlist-maker.h"

static gboolean
parse_import_kind (const char   *word,
                   IcRecordKind *kind)
{
  return ic_cli_parse_kind (word, kind) &&
         (*kind == IC_RECORD_KIND_CHALLENGE || *kind == IC_RECORD_KIND_CAPABILITY ||
          *kind == IC_RECORD_KIND_ORGANISATION);
}

/* The columns the import leaves unread, said before anything else. */
static void
print_ignored_columns (IcImportReport *report)
{
  IcImportMapping *mapping = ic_import_report_get_mapping (report);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < ic_import_mapping_get_n_columns (mapping); i++)
    if (ic_import_mapping_get_target (mapping, i) == NULL)
      g_string_append_printf (names, "%s“%s”", names->len > 0 ? ", " : "",
                              ic_import_mapping_get_column (mapping, i));
  if (names->len > 0)
    g_printerr (_("Columns ignored: %s (use --map COLUMN=field to read one)\n"), names->str);
}

/* Values no cluster or place matched, once each with their rows. */
static void
print_unmatched (IcImportReport *report)
{
  guint n = ic_import_report_get_n_unmatched (report);

  for (guint i = 0; i < n; i++)
    {
      const char *target, *mapped_to;
      guint n_rows;
      const char *value = ic_import_report_get_unmatched (report, i, &target, &n_rows, &mapped_to);

      if (mapped_to != NULL && mapped_to[0] == '\0')
        g_printerr (g_dngettext (NULL, "%s “%s” (%u row) is left empty, as asked\n",
                                 "%s “%s” (%u rows) is left empty, as asked\n", n_rows),
                    target, value, n_rows);
      else if (mapped_to != NULL)
        g_printerr (g_dngettext (NULL, "%s “%s” (%u row) is taken as “%s”\n",
                                 "%s “%s” (%u rows) is taken as “%s”\n", n_rows),
                    target, value, n_rows, mapped_to);
      else
        g_printerr (g_dngettext (NULL,
                                 "%s “%s” (%u row) matches nothing and is left empty; map it with "
                                 "--map-value \"%s:%s=ID\"\n",
                                 "%s “%s” (%u rows) matches nothing and is left empty; map it with "
                                 "--map-value \"%s:%s=ID\"\n", n_rows),
                    target, value, n_rows, target, value);
    }
}

static void
print_import_report (IcImportReport *report,
                     gboolean        json)
{
  guint n = ic_import_report_get_n_problems (report);
  guint n_warnings = ic_import_report_get_n_warnings (report);
  g_autofree char *summary = ic_import_report_get_summary (report);

  if (json)
    {
      g_autoptr(JsonNode) node = ic_import_report_to_json (report);
      ic_cli_print_json (node);
    }
  print_ignored_columns (report);
  print_unmatched (report);
  for (guint i = 0; i < n_warnings; i++)
    g_printerr (_("warning: %s\n"), ic_import_report_get_warning (report, i, NULL));
  for (guint i = 0; i < n; i++)
    g_printerr ("%s\n", ic_import_report_get_problem (report, i, NULL, NULL, NULL));
  if (!json)
    g_print ("%s\n", summary);
  else
    g_printerr ("%s\n", summary);
}

/* --keep-apart "ROW,…": rows numbered as the report numbers them. */
static gboolean
add_keep_apart (IcImport    *import,
                const char  *value,
                GError     **error)
{
  g_auto(GStrv) rows = g_strsplit (value, ",", -1);

  for (guint i = 0; rows[i] != NULL; i++)
    {
      guint64 row;

      if (!g_ascii_string_to_unsigned (g_strstrip (rows[i]), 10, 1, G_MAXUINT, &row, NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--keep-apart: “%s” is not a row number"), rows[i]);
          return FALSE;
        }
      ic_import_keep_apart (import, (guint) row);
    }
  return TRUE;
}

int
ic_cli_import (IcCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcImport) import = NULL;
  g_autoptr(IcImportReport) report = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_auto(GStrv) maps = NULL;
  g_auto(GStrv) value_maps = NULL;
  g_auto(GStrv) keep_apart = NULL;
  g_autofree char *overrides = NULL;
  g_autofree char *skipped_path = NULL;
  gboolean dry_run = FALSE, skip_bad_rows = FALSE, json = FALSE;
  const GOptionEntry entries[] = {
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Map columns to fields, overriding the automatic mapping"), N_("COLUMN=field,…") },
    { "map-value", 0, 0, G_OPTION_ARG_STRING_ARRAY, &value_maps,
      N_("Take a cluster or place the taxonomy does not know as one it does, in every row "
         "(remembered for files with the same columns)"), N_("FIELD:VALUE=ID;…") },
    { "keep-apart", 0, 0, G_OPTION_ARG_STRING_ARRAY, &keep_apart,
      N_("Rows the report takes as stored organisations that are firms of their own "
         "(\"similar\" in --dry-run --json)"), N_("ROW,…") },
    { "skipped", 0, 0, G_OPTION_ARG_FILENAME, &skipped_path,
      N_("Write the rows left out, and why, to FILE as CSV to fix and import again"), N_("FILE") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Report what would be added, updated and rejected; write nothing"), NULL },
    { "skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &skip_bad_rows,
      N_("Import the good rows even if some are bad"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the report as JSON"), NULL },
    { NULL }
  };
  const IcCliCommandSpec spec = {
    "challenges|capabilities|organisations FILE", entries, 2, 2,
    N_("name what to import (challenges, capabilities or organisations) and one CSV file "
       "(- for standard input)"),
    IC_CLI_STORE_LATER
  };
  IcRecordKind kind;
  goffset size = -1;
  int status;
  IcStore *store;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if (!parse_import_kind (argv[1], &kind))
    return ic_cli_usage_error (cli, "%s", _(spec.args_error));

  if (g_str_equal (argv[2], "-"))
    stream = g_unix_input_stream_new (0, FALSE);
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[2]);
      g_autoptr(GFileInfo) info = NULL;

      stream = G_INPUT_STREAM (g_file_read (file, NULL, &error));
      if (stream == NULL)
        return ic_cli_fail (error);
      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
      if (info != NULL)
        size = g_file_info_get_size (info);
    }

  store = ic_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return ic_cli_fail (error);

  if (maps != NULL)
    overrides = g_strjoinv (",", maps);
  import = ic_import_new (kind);
  for (guint i = 0; value_maps != NULL && value_maps[i] != NULL; i++)
    if (!ic_import_parse_value_maps (import, value_maps[i], &error))
      return ic_cli_fail (error);
  for (guint i = 0; keep_apart != NULL && keep_apart[i] != NULL; i++)
    if (!add_keep_apart (import, keep_apart[i], &error))
      return ic_cli_usage_error (cli, "%s", error->message);
  ic_import_set_overrides (import, overrides);
  ic_import_set_dry_run (import, dry_run);
  ic_import_set_skip_bad_rows (import, skip_bad_rows);
  ic_import_set_author (import, ic_cli_get_author ());

  report = ic_import_run (import, store, stream, size, NULL, &error);
  if (report == NULL)
    {
      if (!g_str_equal (argv[2], "-"))
        g_prefix_error (&error, "%s: ", argv[2]);
      return ic_cli_fail (error);
    }

  print_import_report (report, json);
  if (skipped_path != NULL && ic_import_report_get_n_skipped (report) > 0)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (skipped_path);
      g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE,
                                                         NULL, &error);

      if (out == NULL || !ic_import_report_write_skipped (report, G_OUTPUT_STREAM (out), NULL, &error))
        {
          g_prefix_error (&error, "%s: ", skipped_path);
          return ic_cli_fail (error);
        }
      g_printerr (g_dngettext (NULL, "The %u row left out is in %s\n", "The %u rows left out are in %s\n",
                               ic_import_report_get_n_skipped (report)),
                  ic_import_report_get_n_skipped (report), skipped_path);
    }
  if (ic_import_report_get_counts (report)->rejected > 0 && !skip_bad_rows)
    {
      if (!dry_run)
        g_printerr (_("interchange-cli: nothing was imported; fix the rows above or use "
                      "--skip-bad-rows to import the good ones\n"));
      return IC_CLI_EXIT_USER_ERROR;
    }
  return IC_CLI_EXIT_OK;
}

/* --notes/--stages: "yes" clears @leave_out from @flags, "no" sets it,
 * none leaves the format's default. */
static gboolean
apply_yes_no (const char    *value,
              IcExportFlags  leave_out,
              IcExportFlags *flags)
{
  if (value == NULL)
    return TRUE;
  if (g_ascii_strcasecmp (value, "yes") == 0)
    *flags &= ~leave_out;
  else if (g_ascii_strcasecmp (value, "no") == 0)
    *flags |= leave_out;
  else
    return FALSE;
  return TRUE;
}

int
ic_cli_import_undo (IcCli  *cli,
                    int     argc,
                    char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const IcCliCommandSpec spec = {
    "REPORT", NULL, 1, 1,
    N_("name the JSON report of the import to take back (import … --json > REPORT)"),
    IC_CLI_STORE_LATER
  };
  guint n_undone = 0, n_kept = 0;
  IcStore *store;
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if (!json_parser_load_from_file (parser, argv[1], &error))
    {
      g_prefix_error (&error, "%s: ", argv[1]);
      return ic_cli_fail (error);
    }
  store = ic_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return ic_cli_fail (error);
  if (!ic_import_undo_json (json_parser_get_root (parser), store, ic_cli_get_author (),
                            &n_undone, &n_kept, &error))
    {
      g_prefix_error (&error, "%s: ", argv[1]);
      return ic_cli_fail (error);
    }
  g_print (g_dngettext (NULL, "Took back %u record of the import\n",
                        "Took back %u records of the import\n", n_undone), n_undone);
  if (n_kept > 0)
    g_printerr (g_dngettext (NULL, "%u record was changed since the import, or is named by one that was, "
                             "and is left as it is\n",
                             "%u records were changed since the import, or are named by one that "
                             "was, and are left as they are\n", n_kept), n_kept);
  return IC_CLI_EXIT_OK;
}

int
ic_cli_export (IcCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  gboolean bom = FALSE;
  g_autofree char *notes = NULL;
  g_autofree char *stages = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("csv, json, xlsx or pdf (xlsx and pdf for shortlists)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (- for standard output, csv and json only)"), N_("FILE") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom,
      N_("Begin a CSV file with a byte-order mark, for Excel"), NULL },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes,
      N_("A shortlist's private notes: yes or no (default: no for pdf, yes otherwise)"), N_("yes|no") },
    { "stages", 0, 0, G_OPTION_ARG_STRING, &stages,
      N_("A shortlist's stages: yes or no (default: no for pdf, yes otherwise)"), N_("yes|no") },
    { NULL }
  };
  const IcCliCommandSpec spec = {
    "shortlist ID | challenges|capabilities|organisations | agenda EVENT_ID", entries, 1, 2,
    N_("name what to export: shortlist ID, challenges, capabilities or organisations"),
    IC_CLI_STORE_LATER
  };
  IcExportFormat format;
  IcExportFlags flags;
  IcRecordKind kind;
  gboolean shortlist, ok;
  int status;
  IcStore *store;

  if (argc > 1 && g_str_equal (argv[1], "agenda"))
    {
      ic_cli_set_command (cli, "export agenda");
      return ic_cli_export_agenda (cli, argc - 1, argv + 1);
    }
  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;

  shortlist = argc == 3 && g_str_equal (argv[1], "shortlist");
  if (!shortlist && (argc != 2 || !parse_import_kind (argv[1], &kind)))
    return ic_cli_usage_error (cli, "%s", _(spec.args_error));
  if (format_name == NULL || !ic_export_format_from_string (format_name, &format))
    return ic_cli_usage_error (cli, _("--format must be csv, json, xlsx or pdf"));
  if (!shortlist && format != IC_EXPORT_FORMAT_CSV && format != IC_EXPORT_FORMAT_JSON)
    return ic_cli_usage_error (cli, _("records are exported as csv or json"));
  if (output == NULL)
    return ic_cli_usage_error (cli, _("-o FILE is required"));
  if (g_str_equal (output, "-") && format != IC_EXPORT_FORMAT_CSV && format != IC_EXPORT_FORMAT_JSON)
    return ic_cli_usage_error (cli, _("only csv and json can go to standard output"));
  flags = bom ? IC_EXPORT_BOM : IC_EXPORT_NONE;
  flags |= ic_export_default_flags (format);
  if (!apply_yes_no (notes, IC_EXPORT_NO_NOTES, &flags))
    return ic_cli_usage_error (cli, _("--notes must be yes or no, not “%s”"), notes);
  if (!apply_yes_no (stages, IC_EXPORT_NO_STAGES, &flags))
    return ic_cli_usage_error (cli, _("--stages must be yes or no, not “%s”"), stages);

  store = ic_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return ic_cli_fail (error);

  if (g_str_equal (output, "-"))
    {
      g_autoptr(GOutputStream) stream = g_unix_output_stream_new (1, FALSE);

      if (shortlist)
        {
          g_autoptr(IcShortlistReport) report = ic_shortlist_report_load (store, argv[2], &error);
          ok = report != NULL &&
               ic_export_shortlist_to_stream (report, format, flags, stream, NULL, &error);
        }
      else
        ok = ic_export_records_to_stream (store, kind, format, flags, stream, NULL, NULL, NULL, &error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      if (shortlist)
        {
          ok = ic_export_shortlist (store, argv[2], format, flags, file, NULL, &error);
        }
      else
        ok = ic_export_records (store, kind, format, flags, file, NULL, NULL, NULL, &error);
    }
  if (!ok)
    return ic_cli_fail (error);
  return IC_CLI_EXIT_OK;
}

static int
shortlist_create (IcCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcShortlist) shortlist = NULL;
  g_autofree char *challenge_id = NULL;
  g_autofree char *name = NULL;
  int top = 10;
  const GOptionEntry entries[] = {
    { "challenge", 0, 0, G_OPTION_ARG_STRING, &challenge_id, N_("The challenge"), N_("ID") },
    { "top", 0, 0, G_OPTION_ARG_INT, &top, N_("How many of the best matches to keep (10)"), N_("K") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The shortlist’s name"), N_("NAME") },
    { NULL }
  };
  const IcCliCommandSpec spec = { "--challenge ID", entries, 0, 0, NULL, IC_CLI_STORE_LATER };
  int status;
  IcStore *store;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if (challenge_id == NULL)
    return ic_cli_usage_error (cli, _("--challenge ID is required"));
  if (top < 0 || top > 10000)
    return ic_cli_usage_error (cli, _("--top must be between 0 (an empty shortlist) and 10000"));

  store = ic_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return ic_cli_fail (error);
  shortlist = ic_shortlist_create_from_matches (store, challenge_id, top, name,
                                                ic_cli_get_author (), &error);
  if (shortlist == NULL)
    return ic_cli_fail (error);

  g_print ("%s\n", ic_record_get_id (IC_RECORD (shortlist)));
  return IC_CLI_EXIT_OK;
}

/* Puts one capability on a shortlist by hand, with its match as it
 * scores today. */
static int
shortlist_add (IcCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) record = NULL;
  g_autoptr(IcRecord) challenge = NULL;
  g_autoptr(IcRecord) capability = NULL;
  g_autoptr(IcMatcher) matcher = NULL;
  g_autoptr(IcMatchWeights) weights = NULL;
  g_autoptr(IcMatchResult) result = NULL;
  g_autoptr(IcShortlistEntry) entry = NULL;
  g_autofree char *note = NULL;
  const GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note on the entry"), N_("TEXT") },
    { NULL }
  };
  const IcCliCommandSpec spec = { "SHORTLIST_ID CAPABILITY_ID", entries, 2, 2,
                                  N_("name a shortlist and a capability by their ids"),
                                  IC_CLI_STORE_LATER };
  int status;
  IcStore *store;
  IcShortlist *shortlist;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  store = ic_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return ic_cli_fail (error);

  record = ic_store_get (store, argv[1], &error);
  if (record == NULL)
    return ic_cli_fail (error);
  if (!IC_IS_SHORTLIST (record) || ic_record_get_deleted (record))
    {
      g_printerr (_("interchange-cli: %s is not a shortlist\n"), argv[1]);
      return IC_CLI_EXIT_USER_ERROR;
    }
  shortlist = IC_SHORTLIST (record);
  capability = ic_store_get (store, argv[2], &error);
  if (capability == NULL)
    return ic_cli_fail (error);
  if (!IC_IS_CAPABILITY (capability) || ic_record_get_deleted (capability))
    {
      g_printerr (_("interchange-cli: %s is not a capability\n"), argv[2]);
      return IC_CLI_EXIT_USER_ERROR;
    }
  if (ic_shortlist_find_entry (shortlist, argv[2], NULL) != NULL)
    {
      g_printerr (_("interchange-cli: the capability is on the shortlist already\n"));
      return IC_CLI_EXIT_USER_ERROR;
    }
  challenge = ic_store_get (store, ic_shortlist_get_challenge_id (shortlist), &error);
  if (challenge == NULL)
    return ic_cli_fail (error);

  matcher = ic_match_loader_load_matcher (store, &error);
  if (matcher == NULL)
    return ic_cli_fail (error);
  weights = ic_match_loader_load_weights (store, NULL);
  if (weights == NULL)
    weights = ic_match_weights_new ();
  result = ic_matcher_explain_pair (matcher, IC_CHALLENGE (challenge), argv[2], weights, NULL);
  if (result != NULL)
    entry = ic_shortlist_entry_new_from_match_result (result);
  else
    {
      entry = ic_shortlist_entry_new ();
      ic_shortlist_entry_set_capability_id (entry, argv[2]);
    }
  if (note != NULL)
    ic_shortlist_entry_set_note (entry, note);
  g_list_store_append (ic_shortlist_get_entries (shortlist), entry);
  if (!ic_store_update (store, record, ic_cli_get_author (), &error))
    return ic_cli_fail (error);
  return IC_CLI_EXIT_OK;
}

/* The shortlist as JSON, each entry's explanation as an object. */
static JsonNode *
shortlist_to_json (IcRecord *shortlist)
{
  JsonNode *node = ic_object_to_json (G_OBJECT (shortlist));
  JsonArray *entries = json_object_get_array_member (json_node_get_object (node), "entries");

  for (guint i = 0; entries != NULL && i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *text = json_object_get_string_member_with_default (entry, "explanation", NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (text != NULL && text[0] == '{' && json_parser_load_from_data (parser, text, -1, NULL))
        json_object_set_member (entry, "explanation", json_node_copy (json_parser_get_root (parser)));
    }
  return node;
}

static int
shortlist_list (IcCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shortlists = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  const IcCliCommandSpec spec = { NULL, entries, 0, 0, NULL, IC_CLI_STORE_OPEN };
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  shortlists = ic_store_list (cli->store, IC_RECORD_KIND_SHORTLIST, NULL, 0, 0, &error);
  if (shortlists == NULL)
    return ic_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < shortlists->len; i++)
        json_array_add_element (array, shortlist_to_json (g_ptr_array_index (shortlists, i)));
      json_node_take_array (node, array);
      ic_cli_print_json (node);
      return IC_CLI_EXIT_OK;
    }

  for (guint i = 0; i < shortlists->len; i++)
    {
      IcShortlist *shortlist = g_ptr_array_index (shortlists, i);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (ic_shortlist_get_entries (shortlist)));

      g_print ("%s  %-50s  %s  %u\n", ic_record_get_id (IC_RECORD (shortlist)),
               ic_shortlist_get_name (shortlist), ic_shortlist_get_challenge_id (shortlist), n);
    }
  return IC_CLI_EXIT_OK;
}

/* Each stage change of @entry on a line: date, stage, author, reason. */
static void
print_timeline (IcShortlistEntry *entry)
{
  GListModel *stages = G_LIST_MODEL (ic_shortlist_entry_get_stages (entry));

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(IcStageChange) change = g_list_model_get_item (stages, i);
      const char *author = ic_stage_change_get_author (change);
      const char *text = ic_stage_change_get_reason_text (change);
      g_autoptr(GString) line = g_string_new (NULL);

      g_string_append_printf (line, "      %.10s  %s", ic_stage_change_get_at (change),
                              ic_stage_get_label (ic_stage_change_get_stage (change)));
      if (author != NULL && author[0] != '\0')
        g_string_append_printf (line, _(" by %s"), author);
      if (ic_stage_change_get_reason (change) != IC_DECLINE_REASON_NONE)
        g_string_append_printf (line, " — %s",
                                ic_decline_reason_get_label (ic_stage_change_get_reason (change)));
      if (text != NULL && text[0] != '\0')
        g_string_append_printf (line, ": %s", text);
      g_print ("%s\n", line->str);
    }
}

static int
shortlist_show (IcCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcShortlistReport) report = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  IcShortlist *shortlist;
  IcChallenge *challenge;
  const IcCliCommandSpec spec = { "ID", entries, 1, 1, N_("name one shortlist by its id"),
                                  IC_CLI_STORE_OPEN };
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  report = ic_shortlist_report_load (cli->store, argv[1], &error);
  if (report == NULL)
    return ic_cli_fail (error);
  shortlist = ic_shortlist_report_get_shortlist (report);

  if (json)
    {
      g_autoptr(JsonNode) node = shortlist_to_json (IC_RECORD (shortlist));
      ic_cli_print_json (node);
      return IC_CLI_EXIT_OK;
    }

  challenge = ic_shortlist_report_get_challenge (report);
  g_print ("%s\n", ic_shortlist_get_name (shortlist));
  g_print (_("Challenge: %s (%s)\n"), challenge ? ic_challenge_get_title (challenge) : _("deleted"),
           ic_shortlist_get_challenge_id (shortlist));
  for (guint i = 0; i < ic_shortlist_report_get_n_entries (report); i++)
    {
      const IcShortlistReportEntry *entry = ic_shortlist_report_get_entry (report, i);

      g_print ("%3u. %5.1f%%  %s — %s  [%s]\n", entry->rank,
               100 * ic_shortlist_entry_get_score (entry->entry),
               ic_shortlist_report_entry_title (entry),
               ic_shortlist_report_entry_organisation (entry),
               ic_stage_get_label (ic_shortlist_entry_get_stage (entry->entry)));
      if (entry->why[0] != '\0')
        g_print ("      %s\n", entry->why);
      print_timeline (entry->entry);
    }
  return IC_CLI_EXIT_OK;
}

int
ic_cli_shortlist (IcCli  *cli,
                  int     argc,
                  char  **argv)
{
  static const IcCliCommand subcommands[] = {
    { "create", shortlist_create, N_("Keep the best matches of a challenge as a new shortlist") },
    { "add", shortlist_add, N_("Put a capability on a shortlist by hand") },
    { "list", shortlist_list, N_("List the shortlists") },
    { "show", shortlist_show, N_("Show one shortlist, its entries and why they are on it") },
    { "stage", ic_cli_shortlist_stage, N_("Move an entry to a stage, with the date and, for a decline, the reason") },
    { NULL, NULL, NULL }
  };

  return ic_cli_run_subcommand (cli, subcommands, N_("say create, add, list, show or stage"), argc, argv);
}
