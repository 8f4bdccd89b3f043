/* ic-record-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "ic-model-error.h"
#include "ic-model-types.h"
#include "ic-event.h"
#include "ic-record-json.h"
#include "ic-validate.h"

static char *
json_name_for (const char *property_name)
{
  return g_strdelimit (g_strdup (property_name), "-", '_');
}

static JsonNode *
value_to_json (GParamSpec   *pspec,
               const GValue *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);
  GType type = pspec->value_type;

  if (type == G_TYPE_STRING)
    {
      const char *s = g_value_get_string (value);
      if (s == NULL)
        json_node_init_null (node);
      else
        json_node_set_string (node, s);
    }
  else if (type == G_TYPE_INT)
    json_node_set_int (node, g_value_get_int (value));
  else if (type == G_TYPE_INT64)
    json_node_set_int (node, g_value_get_int64 (value));
  else if (type == G_TYPE_DOUBLE)
    json_node_set_double (node, g_value_get_double (value));
  else if (type == G_TYPE_BOOLEAN)
    json_node_set_boolean (node, g_value_get_boolean (value));
  else if (G_TYPE_IS_ENUM (type))
    json_node_set_string (node, ic_enum_to_nick (type, g_value_get_enum (value)));
  else if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);
      JsonArray *array = json_array_new ();

      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        json_array_add_string_element (array, strv[i]);
      json_node_init_array (node, array);
      json_array_unref (array);
    }
  else if (g_type_is_a (type, G_TYPE_LIST_MODEL) || g_type_is_a (type, G_TYPE_LIST_STORE))
    {
      GListModel *model = g_value_get_object (value);
      JsonArray *array = json_array_new ();
      guint n = model ? g_list_model_get_n_items (model) : 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, i);
          json_array_add_element (array, ic_object_to_json (item));
        }
      json_node_init_array (node, array);
      json_array_unref (array);
    }
  else
    g_assert_not_reached ();

  return node;
}

JsonNode *
ic_object_to_json (GObject *object)
{
  /* An event's lists have a shape of their own (ic-event-json.c). */
  if (IC_IS_EVENT (object))
    return ic_event_to_json (IC_EVENT (object));
  return ic_object_properties_to_json (object);
}

JsonNode *
ic_object_properties_to_json (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  g_autoptr(JsonObject) json = json_object_new ();
  JsonNode *node;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *name = NULL;

      if (!(pspecs[i]->flags & G_PARAM_READABLE))
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      name = json_name_for (pspecs[i]->name);
      json_object_set_member (json, name,
                              value_to_json (pspecs[i], &value));
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, json);
  return node;
}

static const char *
json_type_name (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    case G_TYPE_DOUBLE:
      return _("a decimal number");
    default:
      return _("a whole number");
    }
}

static gboolean
wrong_type (const char  *field,
            JsonNode    *node,
            const char  *expected,
            GError     **error)
{
  ic_model_set_error (error, IC_MODEL_ERROR_WRONG_TYPE, field,
                      _("expected %s, found %s"), expected, json_type_name (node));
  return FALSE;
}

static gboolean
holds (JsonNode *node,
       GType     value_type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == value_type;
}

static gboolean update_list_from_json (GListStore *store,
                                       const char *field,
                                       JsonNode   *node,
                                       GError    **error);

static gboolean
value_from_json (GParamSpec  *pspec,
                 const char  *field,
                 JsonNode    *node,
                 GValue      *value,
                 GError     **error)
{
  GType type = pspec->value_type;

  if (type == G_TYPE_STRING)
    {
      if (JSON_NODE_HOLDS_NULL (node))
        g_value_set_string (value, NULL);
      else if (holds (node, G_TYPE_STRING))
        g_value_set_string (value, json_node_get_string (node));
      else
        return wrong_type (field, node, _("a string"), error);
    }
  else if (type == G_TYPE_INT || type == G_TYPE_INT64)
    {
      gint64 v, min, max;

      if (!holds (node, G_TYPE_INT64))
        return wrong_type (field, node, _("a whole number"), error);
      v = json_node_get_int (node);
      min = type == G_TYPE_INT ? G_PARAM_SPEC_INT (pspec)->minimum : G_PARAM_SPEC_INT64 (pspec)->minimum;
      max = type == G_TYPE_INT ? G_PARAM_SPEC_INT (pspec)->maximum : G_PARAM_SPEC_INT64 (pspec)->maximum;
      if (v < min || v > max)
        {
          ic_model_set_error (error, IC_MODEL_ERROR_OUT_OF_RANGE, field,
                              _("%" G_GINT64_FORMAT " is not between %" G_GINT64_FORMAT
                                " and %" G_GINT64_FORMAT),
                              v, min, max);
          return FALSE;
        }
      if (type == G_TYPE_INT)
        g_value_set_int (value, v);
      else
        g_value_set_int64 (value, v);
    }
  else if (type == G_TYPE_DOUBLE)
    {
      GParamSpecDouble *dspec = G_PARAM_SPEC_DOUBLE (pspec);
      double v;

      if (!holds (node, G_TYPE_DOUBLE) && !holds (node, G_TYPE_INT64))
        return wrong_type (field, node, _("a number"), error);
      v = json_node_get_double (node);
      if (!(v >= dspec->minimum && v <= dspec->maximum))
        {
          ic_model_set_error (error, IC_MODEL_ERROR_OUT_OF_RANGE, field,
                              _("%g is not between %g and %g"), v, dspec->minimum, dspec->maximum);
          return FALSE;
        }
      g_value_set_double (value, v);
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      if (!holds (node, G_TYPE_BOOLEAN))
        return wrong_type (field, node, _("true or false"), error);
      g_value_set_boolean (value, json_node_get_boolean (node));
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      int v;

      if (!holds (node, G_TYPE_STRING))
        return wrong_type (field, node, _("a string"), error);
      if (!ic_enum_from_nick (type, json_node_get_string (node), &v))
        {
          g_autoptr(GEnumClass) klass = g_type_class_ref (type);
          g_autoptr(GString) allowed = g_string_new (NULL);

          for (guint i = 0; i < klass->n_values; i++)
            g_string_append_printf (allowed, "%s%s", i ? ", " : "", klass->values[i].value_nick);
          ic_model_set_error (error, IC_MODEL_ERROR_UNKNOWN_VALUE, field,
                              _("“%s” is not one of %s"), json_node_get_string (node), allowed->str);
          return FALSE;
        }
      g_value_set_enum (value, v);
    }
  else if (type == G_TYPE_STRV)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;
      JsonArray *array;

      if (JSON_NODE_HOLDS_NULL (node))
        {
          g_value_set_boxed (value, NULL);
          return TRUE;
        }
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return wrong_type (field, node, _("an array of strings"), error);
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!holds (element, G_TYPE_STRING))
            return wrong_type (field, element, _("an array of strings"), error);
          g_strv_builder_add (builder, json_node_get_string (element));
        }
      strv = g_strv_builder_end (builder);
      g_value_set_boxed (value, strv);
    }
  else
    return wrong_type (field, node, _("nothing (read only)"), error);

  return TRUE;
}

static gboolean
update_from_json (GObject     *object,
                  const char  *prefix,
                  JsonObject  *json,
                  GError     **error)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (object);
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init (&iter, json);
  while (json_object_iter_next (&iter, &member, &node))
    {
      g_autofree char *field = prefix ? g_strconcat (prefix, ".", member, NULL) : g_strdup (member);
      g_autofree char *property = g_strdelimit (g_strdup (member), "_", '-');
      GParamSpec *pspec = NULL;
      g_auto(GValue) value = G_VALUE_INIT;

      /* Property names never hold '-' in JSON; refusing it keeps one
       * spelling per field. */
      if (strchr (member, '-') == NULL)
        pspec = g_object_class_find_property (klass, property);
      if (pspec == NULL)
        {
          ic_model_set_error (error, IC_MODEL_ERROR_UNKNOWN_FIELD, field,
                              _("is not a field of this record"));
          return FALSE;
        }

      if (g_type_is_a (pspec->value_type, G_TYPE_LIST_STORE))
        {
          g_autoptr(GListStore) store = NULL;

          g_object_get (object, pspec->name, &store, NULL);
          if (!update_list_from_json (store, field, node, error))
            return FALSE;
          continue;
        }

      g_value_init (&value, pspec->value_type);
      if (!value_from_json (pspec, field, node, &value, error))
        return FALSE;
      g_object_set_property (object, pspec->name, &value);
    }

  return TRUE;
}

static gboolean
update_list_from_json (GListStore *store,
                       const char *field,
                       JsonNode   *node,
                       GError    **error)
{
  GType item_type = g_list_model_get_item_type (G_LIST_MODEL (store));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (field, node, _("an array of objects"), error);

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *item_field = g_strdup_printf ("%s[%u]", field, i + 1);
      g_autoptr(GObject) item = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return wrong_type (item_field, element, _("an object"), error);
      item = g_object_new (item_type, NULL);
      if (!update_from_json (item, item_field, json_node_get_object (element), error))
        return FALSE;
      g_ptr_array_add (items, g_steal_pointer (&item));
    }

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
  return TRUE;
}

gboolean
ic_object_update_from_json (GObject     *object,
                            JsonObject  *json,
                            GError     **error)
{
  if (IC_IS_EVENT (object))
    return ic_event_update_from_json (IC_EVENT (object), json, error);
  return ic_object_update_properties_from_json (object, json, error);
}

gboolean
ic_object_update_properties_from_json (GObject     *object,
                                       JsonObject  *json,
                                       GError     **error)
{
  gboolean ok;

  g_object_freeze_notify (object);
  ok = update_from_json (object, NULL, json, error);
  g_object_thaw_notify (object);
  return ok;
}

IcRecord *
ic_record_new_from_json (IcRecordKind kind,
                         JsonNode    *node,
                         GError     **error)
{
  g_autoptr(IcRecord) record = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      ic_model_set_error (error, IC_MODEL_ERROR_WRONG_TYPE, NULL,
                          _("A %s must be given as a JSON object"),
                          ic_record_kind_to_string (kind));
      return NULL;
    }

  record = ic_record_new (kind);
  if (!ic_object_update_from_json (G_OBJECT (record), json_node_get_object (node), error))
    return NULL;
  return g_steal_pointer (&record);
}

/* json-glib reads "{...} {...}" as two statements and keeps only the
 * first, so a second record would be dropped without a word.  TRUE if
 * something other than white space follows the first top-level object
 * or array of @data. */
static gboolean
has_trailing_value (const char *data,
                    gsize       length)
{
  const char *p = data;
  const char *end = data + length;
  char quote = '\0';
  int depth = 0;

  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p == end || (*p != '{' && *p != '['))
    return FALSE;

  for (; p < end; p++)
    {
      if (quote != '\0')
        {
          if (*p == '\\')
            p++;
          else if (*p == quote)
            quote = '\0';
        }
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '{' || *p == '[')
        depth++;
      else if ((*p == '}' || *p == ']') && --depth == 0)
        break;
    }

  for (p++; p < end; p++)
    if (!g_ascii_isspace (*p))
      return TRUE;
  return FALSE;
}

IcRecord *
ic_record_new_from_json_data (IcRecordKind kind,
                              const char  *data,
                              gssize       length,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *marked = NULL;

  if (length < 0)
    length = strlen (data);
  marked = ic_json_text_mark_nul (data, length);
  if (marked != NULL)
    data = marked;

  /* Checked first: json-glib 1.6 also leaks the extra values. */
  if (has_trailing_value (data, length))
    {
      ic_model_set_error (error, IC_MODEL_ERROR_PARSE, NULL,
                          _("Not valid JSON: more than one value; give one record"));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      guint line = 0, column = 0;
      const char *reason = local_error->message;

      /* json-glib says "<data>:LINE:COLUMN: Parse error: …"; a person
       * wants the line and column in words. */
      if (sscanf (reason, "<data>:%u:%u:", &line, &column) == 2)
        {
          reason = strstr (reason + strlen ("<data>:"), ": ");
          reason = reason ? reason + 2 : local_error->message;
          ic_model_set_error (error, IC_MODEL_ERROR_PARSE, NULL,
                              _("Not valid JSON at line %u, column %u: %s"), line, column, reason);
        }
      else
        ic_model_set_error (error, IC_MODEL_ERROR_PARSE, NULL,
                            _("Not valid JSON: %s"), reason);
      return NULL;
    }
  return ic_record_new_from_json (kind, json_parser_get_root (parser), error);
}

char *
ic_record_to_json_data (IcRecord *record,
                        gboolean  pretty)
{
  g_autoptr(JsonNode) node = ic_object_to_json (G_OBJECT (record));

  return json_to_string (node, pretty);
}
