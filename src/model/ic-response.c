/* ic-response.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "ic-model-error.h"
#include "ic-response.h"
#include "ic-validate.h"

#define MAX_ANSWER_CHARS 2000
#define MAX_EMAIL_CHARS  254

void
ic_response_free (IcResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->id);
  g_free (response->updated_at);
  g_free (response->challenge_id);
  g_free (response->organisation);
  g_free (response->contact_name);
  g_free (response->email);
  g_free (response->answer);
  g_free (response->received_at);
  g_free (response);
}

/* A string member, or NULL when it is absent or null; FALSE (with an
 * error naming it) when it is something else. */
static gboolean
read_string (JsonObject  *object,
             const char  *name,
             char       **value,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      ic_model_set_error (error, IC_MODEL_ERROR_WRONG_TYPE, name, _("should be text"));
      return FALSE;
    }
  *value = g_strdup (json_node_get_string (node));
  return TRUE;
}

IcResponse *
ic_response_new_from_json_data (const char  *data,
                                gssize       length,
                                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(IcResponse) response = g_new0 (IcResponse, 1);
  g_autofree char *marked = ic_json_text_mark_nul (data, length < 0 ? strlen (data) : (gsize) length);
  JsonObject *object;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, marked ? marked : data, length, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, IC_MODEL_ERROR, IC_MODEL_ERROR_WRONG_TYPE, _("a response is one JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);
  if (!read_string (object, "id", &response->id, error) ||
      !read_string (object, "updated_at", &response->updated_at, error) ||
      !read_string (object, "challenge_id", &response->challenge_id, error) ||
      !read_string (object, "organisation", &response->organisation, error) ||
      !read_string (object, "contact_name", &response->contact_name, error) ||
      !read_string (object, "email", &response->email, error) ||
      !read_string (object, "answer", &response->answer, error) ||
      !read_string (object, "received_at", &response->received_at, error))
    return NULL;
  response->rev = json_object_get_int_member_with_default (object, "rev", 0);
  response->deleted = json_object_get_boolean_member_with_default (object, "deleted", FALSE);
  response->consent = json_object_get_boolean_member_with_default (object, "consent", FALSE);
  response->contact_erased = json_object_get_boolean_member_with_default (object, "contact_erased", FALSE);

  if (!ic_validate_uuid (response->id, "id", error) ||
      !ic_validate_uuid (response->challenge_id, "challenge_id", error) ||
      !ic_validate_int_range (response->rev, 1, G_MAXINT64, "rev", error) ||
      !ic_validate_text (response->organisation, "organisation", IC_MAX_TITLE_CHARS, FALSE, error) ||
      !ic_validate_text (response->contact_name, "contact_name", IC_MAX_TITLE_CHARS, FALSE, error) ||
      !ic_validate_text (response->email, "email", MAX_EMAIL_CHARS, FALSE, error) ||
      !ic_validate_text (response->answer, "answer", MAX_ANSWER_CHARS, FALSE, error) ||
      !ic_validate_timestamp (response->received_at, "received_at", error) ||
      !ic_validate_timestamp (response->updated_at, "updated_at", error))
    return NULL;
  return g_steal_pointer (&response);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

char *
ic_response_to_json_data (const IcResponse *response)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_string (builder, "id", response->id);
  json_builder_set_member_name (builder, "rev");
  json_builder_add_int_value (builder, response->rev);
  add_string (builder, "updated_at", response->updated_at);
  json_builder_set_member_name (builder, "deleted");
  json_builder_add_boolean_value (builder, response->deleted);
  add_string (builder, "challenge_id", response->challenge_id);
  add_string (builder, "organisation", response->organisation);
  add_string (builder, "contact_name", response->contact_name);
  add_string (builder, "email", response->email);
  add_string (builder, "answer", response->answer);
  add_string (builder, "received_at", response->received_at);
  json_builder_set_member_name (builder, "consent");
  json_builder_add_boolean_value (builder, response->consent);
  json_builder_set_member_name (builder, "contact_erased");
  json_builder_add_boolean_value (builder, response->contact_erased);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}
