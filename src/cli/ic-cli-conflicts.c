/* ic-cli-conflicts.c — conflicts list, keep-mine, keep-theirs, merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The local edits a sync lost to the feed's copy, resolved as the
 * conflicts window resolves them: "mine" is the kept local copy,
 * "theirs" the record as stored now.  Fields are named as in the
 * records' JSON (`title`, `trl_max`).  Copies waiting for a record they
 * name resolve themselves on a later sync, and are not listed.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ic-cli-private.h"
#include "ic-conflict-merge.h"
#include "ic-record-json.h"

static const char *
type_name (IcConflictType type)
{
  switch (type)
    {
    case IC_CONFLICT_EDIT:
      return "edit";
    case IC_CONFLICT_REJECTED:
      return "rejected";
    case IC_CONFLICT_WAITING:
    default:
      return "waiting";
    }
}

/* The stored record, NULL if there is none; FALSE on a read error. */
static gboolean
read_theirs (IcStore     *store,
             IcConflict  *conflict,
             IcRecord   **theirs,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  *theirs = ic_store_get (store, conflict->record_id, &local_error);
  if (*theirs == NULL && !g_error_matches (local_error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static const char *
title_of (IcConflict *conflict)
{
  const char *title = ic_record_get_title (conflict->record);

  return title != NULL && title[0] != '\0' ? title : conflict->record_id;
}

static void
add_conflict_json (JsonBuilder *builder,
                   IcConflict  *conflict,
                   GPtrArray   *fields)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, conflict->id);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type_name (conflict->type));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, ic_record_kind_to_string (ic_record_get_kind (conflict->record)));
  json_builder_set_member_name (builder, "record_id");
  json_builder_add_string_value (builder, conflict->record_id);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title_of (conflict));
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, conflict->reason);
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_string_value (builder, conflict->created_at);
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_array (builder);
  for (guint i = 0; i < fields->len; i++)
    {
      IcConflictField *field = g_ptr_array_index (fields, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, field->name);
      json_builder_set_member_name (builder, "mine");
      json_builder_add_string_value (builder, field->mine);
      json_builder_set_member_name (builder, "theirs");
      json_builder_add_string_value (builder, field->theirs);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "mine");
  json_builder_add_value (builder, ic_object_to_json (G_OBJECT (conflict->record)));
  json_builder_end_object (builder);
}

static void
print_conflict (IcConflict *conflict,
                GPtrArray  *fields)
{
  /* Translators: a conflict's number, the record's kind, its title and id */
  g_print (_("%" G_GINT64_FORMAT ": %s “%s” (%s)\n"), conflict->id,
           ic_record_kind_to_string (ic_record_get_kind (conflict->record)),
           title_of (conflict), conflict->record_id);
  if (conflict->reason != NULL && conflict->reason[0] != '\0')
    g_print ("    %s\n", conflict->reason);
  for (guint i = 0; i < fields->len; i++)
    {
      IcConflictField *field = g_ptr_array_index (fields, i);

      g_print ("    %s\n", field->name);
      g_print (_("      mine:   %s\n"), field->mine);
      g_print (_("      theirs: %s\n"), field->theirs);
    }
}

static int
conflicts_list (IcCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean json = FALSE;
  guint shown = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  const IcCliCommandSpec spec = { NULL, entries, 0, 0, NULL, IC_CLI_STORE_OPEN };
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  conflicts = ic_store_list_conflicts (cli->store, -1, 0, 0, &error);
  if (conflicts == NULL)
    return ic_cli_fail (error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < conflicts->len; i++)
    {
      IcConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autoptr(IcRecord) theirs = NULL;
      g_autoptr(GPtrArray) fields = NULL;

      if (conflict->type == IC_CONFLICT_WAITING)
        continue;
      if (!read_theirs (cli->store, conflict, &theirs, &error))
        return ic_cli_fail (error);
      fields = ic_conflict_diff (conflict->record, theirs);
      if (json)
        add_conflict_json (builder, conflict, fields);
      else
        print_conflict (conflict, fields);
      shown++;
    }
  json_builder_end_array (builder);

  if (json)
    {
      g_autoptr(JsonNode) node = json_builder_get_root (builder);

      ic_cli_print_json (node);
    }
  else if (shown == 0)
    g_print ("%s", _("No conflicts to resolve.\n"));
  return IC_CLI_EXIT_OK;
}

/* The conflict named by @word, read with its stored record and the
 * fields that differ. */
static IcConflict *
open_conflict (IcCli       *cli,
               const char  *word,
               IcRecord   **theirs,
               GPtrArray  **fields,
               int         *exit_status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcConflict) conflict = NULL;
  gint64 id;

  if (!g_ascii_string_to_signed (word, 10, 1, G_MAXINT64, &id, NULL))
    {
      *exit_status = ic_cli_usage_error (cli, _("“%s” is not a conflict number; "
                                                "“conflicts list” shows them"), word);
      return NULL;
    }
  conflict = ic_store_get_conflict (cli->store, id, &error);
  if (conflict == NULL)
    {
      *exit_status = ic_cli_fail (error);
      return NULL;
    }
  if (conflict->type == IC_CONFLICT_WAITING)
    {
      g_set_error (&error, IC_STORE_ERROR, IC_STORE_ERROR_INVALID,
                   _("Conflict %" G_GINT64_FORMAT " waits for a record it names, "
                     "and resolves itself when a sync brings that record"), id);
      *exit_status = ic_cli_fail (error);
      return NULL;
    }
  if (!read_theirs (cli->store, conflict, theirs, &error))
    {
      *exit_status = ic_cli_fail (error);
      return NULL;
    }
  *fields = ic_conflict_diff (conflict->record, *theirs);
  return g_steal_pointer (&conflict);
}

static int
conflicts_keep (IcCli    *cli,
                int       argc,
                char    **argv,
                gboolean  mine)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcConflict) conflict = NULL;
  g_autoptr(IcRecord) theirs = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  const IcCliCommandSpec spec = {
    "ID", NULL, 1, 1, N_("name one conflict by its number"), IC_CLI_STORE_OPEN
  };
  gboolean resolved;
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  conflict = open_conflict (cli, argv[1], &theirs, &fields, &status);
  if (conflict == NULL)
    return status;

  if (mine)
    resolved = ic_conflict_keep_mine (cli->store, conflict, ic_cli_get_author (), &error);
  else
    resolved = ic_conflict_resolve (cli->store, conflict, NULL, ic_cli_get_author (), &error);
  if (!resolved)
    return ic_cli_fail (error);

  if (mine)
    g_print (_("Kept your copy of “%s”; the next sync sends it.\n"), title_of (conflict));
  else
    g_print (_("Kept the feed’s copy of “%s”.\n"), title_of (conflict));
  return IC_CLI_EXIT_OK;
}

static int
conflicts_keep_mine (IcCli  *cli,
                     int     argc,
                     char  **argv)
{
  return conflicts_keep (cli, argc, argv, TRUE);
}

static int
conflicts_keep_theirs (IcCli  *cli,
                       int     argc,
                       char  **argv)
{
  return conflicts_keep (cli, argc, argv, FALSE);
}

static gboolean
field_differs (GPtrArray  *fields,
               const char *name)
{
  for (guint i = 0; i < fields->len; i++)
    if (g_str_equal (((IcConflictField *) g_ptr_array_index (fields, i))->name, name))
      return TRUE;
  return FALSE;
}

/* The names in @options ("title,tags" or repeated), each checked to be a
 * field that differs.  Returns: (transfer full) (nullable) */
static GStrv
chosen_fields (GStrv       options,
               GPtrArray  *fields,
               GError    **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; options[i] != NULL; i++)
    {
      g_auto(GStrv) names = g_strsplit (options[i], ",", -1);

      for (guint j = 0; names[j] != NULL; j++)
        {
          const char *name = g_strstrip (names[j]);

          if (name[0] == '\0')
            continue;
          if (!field_differs (fields, name))
            {
              g_autoptr(GString) differing = g_string_new (NULL);

              for (guint k = 0; k < fields->len; k++)
                g_string_append_printf (differing, "%s%s", k > 0 ? ", " : "",
                                        ((IcConflictField *) g_ptr_array_index (fields, k))->name);
              g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_INVALID,
                           _("“%s” is not a field that differs between the two copies; "
                             "these do: %s"), name, differing->len > 0 ? differing->str : _("none"));
              return NULL;
            }
          g_strv_builder_add (builder, name);
        }
    }
  return g_strv_builder_end (builder);
}

static int
conflicts_merge (IcCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcConflict) conflict = NULL;
  g_autoptr(IcRecord) theirs = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_auto(GStrv) mine_options = NULL;
  g_auto(GStrv) theirs_options = NULL;
  g_auto(GStrv) chosen = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) from_mine = NULL;
  g_autofree char *taken = NULL;
  const GOptionEntry entries[] = {
    { "mine", 0, 0, G_OPTION_ARG_STRING_ARRAY, &mine_options,
      N_("Take these fields from your copy, the others from the feed’s"), N_("FIELD,…") },
    { "theirs", 0, 0, G_OPTION_ARG_STRING_ARRAY, &theirs_options,
      N_("Take these fields from the feed’s copy, the others from yours"), N_("FIELD,…") },
    { NULL }
  };
  const IcCliCommandSpec spec = {
    "ID --mine FIELD,… | ID --theirs FIELD,…", entries, 1, 1,
    N_("name one conflict by its number"), IC_CLI_STORE_OPEN
  };
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if ((mine_options == NULL) == (theirs_options == NULL))
    return ic_cli_usage_error (cli, "%s", _("say which fields to take with either --mine or --theirs"));
  conflict = open_conflict (cli, argv[1], &theirs, &fields, &status);
  if (conflict == NULL)
    return status;

  chosen = chosen_fields (mine_options != NULL ? mine_options : theirs_options, fields, &error);
  if (chosen == NULL)
    return ic_cli_fail (error);
  for (guint i = 0; i < fields->len; i++)
    {
      const char *name = ((IcConflictField *) g_ptr_array_index (fields, i))->name;

      if (g_strv_contains ((const char * const *) chosen, name) == (mine_options != NULL))
        g_strv_builder_add (builder, name);
    }
  from_mine = g_strv_builder_end (builder);

  if (!ic_conflict_resolve (cli->store, conflict, (const char * const *) from_mine,
                            ic_cli_get_author (), &error))
    return ic_cli_fail (error);

  if (from_mine[0] == NULL)
    g_print (_("Kept the feed’s copy of “%s”.\n"), title_of (conflict));
  else
    {
      taken = g_strjoinv (", ", from_mine);
      /* Translators: a record's title, then the fields taken from the local copy */
      g_print (_("Merged “%s”, with %s from your copy; the next sync sends it.\n"),
               title_of (conflict), taken);
    }
  return IC_CLI_EXIT_OK;
}

int
ic_cli_conflicts (IcCli  *cli,
                  int     argc,
                  char  **argv)
{
  static const IcCliCommand subcommands[] = {
    { "list", conflicts_list, N_("List the conflicts and the fields that differ") },
    { "keep-mine", conflicts_keep_mine, N_("Resolve a conflict with your copy") },
    { "keep-theirs", conflicts_keep_theirs, N_("Resolve a conflict with the feed’s copy") },
    { "merge", conflicts_merge, N_("Resolve a conflict field by field") },
    { NULL, NULL, NULL }
  };

  return ic_cli_run_subcommand (cli, subcommands,
                                N_("say list, keep-mine, keep-theirs or merge"), argc, argv);
}
