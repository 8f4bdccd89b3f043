/* ic-cli-update.c — update: replace some fields of a record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fields the JSON object gives replace the record's, the rest stay;
 * the store writes a new revision (and queues it for the feed).  Scripts
 * edit records with it, one field or many, without the CSV import.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-cli-private.h"
#include "ic-challenge.h"
#include "ic-model-enums.h"
#include "ic-model-error.h"
#include "ic-record-json.h"
#include "ic-validate.h"

/* Fields the store keeps: an edit never sets them. */
static const char * const kept_by_store[] = { "rev", "updated_at", "author", "deleted", NULL };

/* Checks that @fields names nothing the store keeps; @id may be given if
 * it is the record's own. */
static gboolean
check_fields (JsonObject  *fields,
              const char  *id,
              GError     **error)
{
  JsonNode *given_id = json_object_get_member (fields, "id");

  if (given_id != NULL &&
      (!JSON_NODE_HOLDS_VALUE (given_id) || json_node_get_value_type (given_id) != G_TYPE_STRING ||
       g_strcmp0 (json_node_get_string (given_id), id) != 0))
    {
      g_set_error (error, IC_MODEL_ERROR, IC_MODEL_ERROR_INVALID_ID,
                   _("id: a record keeps its id; leave it out or give %s"), id);
      return FALSE;
    }
  for (guint i = 0; kept_by_store[i] != NULL; i++)
    if (json_object_has_member (fields, kept_by_store[i]))
      {
        if (g_str_equal (kept_by_store[i], "deleted"))
          g_set_error (error, IC_MODEL_ERROR, IC_MODEL_ERROR_UNKNOWN_FIELD,
                       _("deleted: use delete to delete a record"));
        else
          g_set_error (error, IC_MODEL_ERROR, IC_MODEL_ERROR_UNKNOWN_FIELD,
                       _("%s: the store sets it; leave it out"), kept_by_store[i]);
        return FALSE;
      }
  return TRUE;
}

gboolean
ic_cli_apply_sharing (IcRecord    *record,
                      const char  *visibility,
                      const char  *public_label,
                      GError     **error)
{
  int value;

  if (visibility != NULL)
    {
      if (!ic_enum_from_nick (IC_TYPE_VISIBILITY, visibility, &value))
        {
          g_set_error (error, IC_MODEL_ERROR, IC_MODEL_ERROR_UNKNOWN_VALUE,
                       _("--visibility: “%s” is not one of private, team, public"), visibility);
          return FALSE;
        }
      ic_record_set_visibility (record, value);
    }
  if (public_label != NULL)
    {
      if (!IC_IS_CHALLENGE (record))
        {
          g_set_error (error, IC_MODEL_ERROR, IC_MODEL_ERROR_UNKNOWN_FIELD,
                       _("--public-label: only a challenge has a public label"));
          return FALSE;
        }
      /* An empty label undoes the anonymisation. */
      ic_challenge_set_public_label (IC_CHALLENGE (record), public_label[0] != '\0' ? public_label : NULL);
    }
  return TRUE;
}

/* The fields to change, from @data: one JSON object. */
static JsonNode *
parse_fields (const char  *data,
              gsize        length,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *marked = ic_json_text_mark_nul (data, length);
  JsonNode *root;

  if (marked != NULL)
    data = marked;
  if (!json_parser_load_from_data (parser, data, (gssize) length, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, IC_MODEL_ERROR, IC_MODEL_ERROR_WRONG_TYPE,
                   _("give one JSON object with the fields to change"));
      return NULL;
    }
  return json_node_copy (root);
}

int
ic_cli_update (IcCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) stored = NULL;
  g_autoptr(IcRecord) edited = NULL;
  g_autoptr(JsonNode) fields = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *data = NULL;
  g_autofree char *visibility = NULL;
  g_autofree char *public_label = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path,
      N_("Read the fields to change from FILE, a JSON object (- for standard input)"), N_("FILE") },
    { "visibility", 0, 0, G_OPTION_ARG_STRING, &visibility,
      N_("Who may see the record: private, team or public (on the feed's board)"), N_("WHO") },
    { "public-label", 0, 0, G_OPTION_ARG_STRING, &public_label,
      N_("Show this instead of the challenge's organisation on the board (empty: the organisation)"),
      N_("TEXT") },
    { NULL }
  };
  const IcCliCommandSpec spec = {
    "ID", entries, 1, 1, N_("name the id of one record"), IC_CLI_STORE_LATER
  };
  const char *source;
  IcStore *store;
  gsize length;
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if (json_path == NULL && visibility == NULL && public_label == NULL)
    return ic_cli_usage_error (cli, _("--json FILE, --visibility or --public-label is required"));
  source = json_path == NULL ? "" : g_strcmp0 (json_path, "-") == 0 ? _("standard input") : json_path;

  data = json_path ? ic_cli_read_input (json_path, &length, &error) : g_strdup ("{}");
  if (json_path == NULL)
    length = 2;
  if (data == NULL)
    return ic_cli_fail (error);
  fields = parse_fields (data, length, &error);
  if (fields == NULL)
    {
      g_prefix_error (&error, "%s: ", source);
      return ic_cli_fail (error);
    }

  store = ic_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return ic_cli_fail (error);
  stored = ic_store_get (store, argv[1], &error);
  if (stored == NULL)
    return ic_cli_fail (error);
  if (ic_record_get_deleted (stored))
    {
      g_set_error (&error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND,
                   _("%s is deleted; restore it before editing it"), argv[1]);
      return ic_cli_fail (error);
    }

  edited = ic_record_copy (stored);
  if (!check_fields (json_node_get_object (fields), argv[1], &error) ||
      !ic_object_update_from_json (G_OBJECT (edited), json_node_get_object (fields), &error))
    {
      g_prefix_error (&error, "%s: ", source);
      return ic_cli_fail (error);
    }
  if (!ic_cli_apply_sharing (edited, visibility, public_label, &error))
    return ic_cli_fail (error);

  /* Made on the revision read: another writer in between is refused,
   * not overwritten. */
  if (!ic_store_update_if_unchanged (store, edited, ic_record_get_rev (stored), ic_cli_get_author (),
                                     &error))
    return ic_cli_fail (error);

  g_print ("%s %" G_GINT64_FORMAT "\n", ic_record_get_id (edited), ic_record_get_rev (edited));
  return IC_CLI_EXIT_OK;
}
