/* ic-feed-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-feed-error.h"
#include "ic-feed-json.h"
#include "ic-feed-protocol.h"
#include "ic-validate.h"

gboolean
ic_feed_json_check_depth (const char  *data,
                          gsize        length,
                          guint        max_depth,
                          GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;   /* whatever follows is escaped, even a quote */
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > max_depth)
            {
              g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL,
                           _("JSON nests deeper than %u levels"), max_depth);
              return FALSE;
            }
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }

  return TRUE;
}

JsonNode *
ic_feed_json_parse_object (const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *marked = NULL;
  JsonNode *root;

  if (length > G_MAXSSIZE)
    {
      g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_TOO_LARGE, _("The JSON text is too large"));
      return NULL;
    }
  if (!ic_feed_json_check_depth (data, length, IC_FEED_MAX_DEPTH, error))
    return NULL;
  /* An escaped NUL reaches validation, which refuses it by its field. */
  marked = ic_json_text_mark_nul (data, length);
  if (marked != NULL)
    data = marked;

  /* Not an immutable parser: sealing every node of a page of a thousand
   * records costs time, and the tree is only ever read. */
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL,
                   _("Not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL,
                   _("Expected a JSON object"));
      return NULL;
    }
  return json_node_ref (root);
}

static gboolean
wrong_member (const char  *member,
              const char  *expected,
              GError     **error)
{
  g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL,
               _("“%s” must be %s"), member, expected);
  return FALSE;
}

static gboolean
holds (JsonNode *node,
       GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

gboolean
ic_feed_json_get_int_opt (JsonObject  *object,
                          const char  *member,
                          gint64      *value,
                          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (!holds (node, G_TYPE_INT64))
    return wrong_member (member, _("a whole number"), error);
  *value = json_node_get_int (node);
  return TRUE;
}

gboolean
ic_feed_json_get_int (JsonObject  *object,
                      const char  *member,
                      gint64      *value,
                      GError     **error)
{
  if (!json_object_has_member (object, member))
    return wrong_member (member, _("present"), error);
  return ic_feed_json_get_int_opt (object, member, value, error);
}

gboolean
ic_feed_json_get_bool_opt (JsonObject  *object,
                           const char  *member,
                           gboolean    *value,
                           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (!holds (node, G_TYPE_BOOLEAN))
    return wrong_member (member, _("true or false"), error);
  *value = json_node_get_boolean (node);
  return TRUE;
}

gboolean
ic_feed_json_get_string (JsonObject  *object,
                         const char  *member,
                         const char **value,
                         GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (!holds (node, G_TYPE_STRING))
    return wrong_member (member, _("a string"), error);
  *value = json_node_get_string (node);
  return TRUE;
}

JsonArray *
ic_feed_json_get_array (JsonObject  *object,
                        const char  *member,
                        GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      wrong_member (member, _("an array"), error);
      return NULL;
    }
  return json_node_get_array (node);
}

void
ic_feed_json_append_string (GString    *out,
                            const char *value)
{
  static const char hex[] = "0123456789abcdef";
  const char *start = value;

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, start, p - start);
      start = p + 1;
      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          g_string_append (out, "\\u00");
          g_string_append_c (out, hex[c >> 4]);
          g_string_append_c (out, hex[c & 0xf]);
          break;
        }
    }
  g_string_append (out, start);
  g_string_append_c (out, '"');
}

void
ic_feed_json_append_member_string (GString    *out,
                                   gboolean    first,
                                   const char *member,
                                   const char *value)
{
  if (!first)
    g_string_append_c (out, ',');
  ic_feed_json_append_string (out, member);
  g_string_append_c (out, ':');
  if (value == NULL)
    g_string_append (out, "null");
  else
    ic_feed_json_append_string (out, value);
}

void
ic_feed_json_append_member_int (GString    *out,
                                gboolean    first,
                                const char *member,
                                gint64      value)
{
  if (!first)
    g_string_append_c (out, ',');
  ic_feed_json_append_string (out, member);
  g_string_append_printf (out, ":%" G_GINT64_FORMAT, value);
}
