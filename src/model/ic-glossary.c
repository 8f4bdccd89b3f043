/* ic-glossary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-glossary.h"
#include "ic-model-error.h"

typedef struct
{
  char  *cluster;
  GStrv  terms;
  GStrv  related;
} Entry;

struct _IcGlossary
{
  GObject parent_instance;

  GArray *entries;             /* of Entry */
  GHashTable *term_lookup;     /* casefolded term → position + 1 */
};

G_DEFINE_FINAL_TYPE (IcGlossary, ic_glossary, G_TYPE_OBJECT)

static void
entry_clear (Entry *entry)
{
  g_free (entry->cluster);
  g_strfreev (entry->terms);
  g_strfreev (entry->related);
}

static void
ic_glossary_finalize (GObject *object)
{
  IcGlossary *self = IC_GLOSSARY (object);

  g_array_unref (self->entries);
  g_hash_table_unref (self->term_lookup);

  G_OBJECT_CLASS (ic_glossary_parent_class)->finalize (object);
}

static void
ic_glossary_class_init (IcGlossaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_glossary_finalize;
}

static void
ic_glossary_init (IcGlossary *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, (GDestroyNotify) entry_clear);
  self->term_lookup = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

IcGlossary *
ic_glossary_new (void)
{
  return g_object_new (IC_TYPE_GLOSSARY, NULL);
}

static void
rebuild_lookup (IcGlossary *self)
{
  g_hash_table_remove_all (self->term_lookup);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      for (guint t = 0; entry->terms[t] != NULL; t++)
        g_hash_table_insert (self->term_lookup, g_utf8_casefold (entry->terms[t], -1),
                             GUINT_TO_POINTER (i + 1));
    }
}

/* A phrase as people type it: trimmed, single spaces, no control
 * characters, one to four words. */
static char *
check_phrase (const char  *phrase,
              const char  *field,
              GError     **error)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) words = NULL;
  GString *clean;
  guint n_words = 0;

  if (phrase == NULL || !g_utf8_validate (phrase, -1, NULL))
    {
      ic_model_set_error (error, IC_MODEL_ERROR_INVALID_UTF8, field,
                          _("A glossary phrase is not valid text"));
      return NULL;
    }
  for (const char *p = phrase; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      {
        ic_model_set_error (error, IC_MODEL_ERROR_PARSE, field,
                            _("The glossary phrase “%s” has a control character"), phrase);
        return NULL;
      }
  copy = g_strstrip (g_strdup (phrase));
  words = g_strsplit (copy, " ", -1);
  clean = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (clean->len > 0)
        g_string_append_c (clean, ' ');
      g_string_append (clean, words[i]);
      n_words++;
    }
  if (n_words == 0)
    {
      g_string_free (clean, TRUE);
      ic_model_set_error (error, IC_MODEL_ERROR_REQUIRED, field,
                          _("A glossary phrase is empty"));
      return NULL;
    }
  if (n_words > IC_GLOSSARY_MAX_WORDS || g_utf8_strlen (clean->str, -1) > IC_GLOSSARY_MAX_CHARS)
    {
      ic_model_set_error (error, IC_MODEL_ERROR_TOO_LONG, field,
                          _("The glossary phrase “%s” is longer than %d words or %d characters"),
                          clean->str, IC_GLOSSARY_MAX_WORDS, IC_GLOSSARY_MAX_CHARS);
      g_string_free (clean, TRUE);
      return NULL;
    }
  return g_string_free (clean, FALSE);
}

static GStrv
check_phrases (const char * const  *phrases,
               const char          *field,
               GError             **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; phrases != NULL && phrases[i] != NULL; i++)
    {
      g_autofree char *phrase = check_phrase (phrases[i], field, error);
      char *key;

      if (phrase == NULL)
        return NULL;
      key = g_utf8_casefold (phrase, -1);
      if (g_hash_table_add (seen, key))
        g_strv_builder_add (builder, phrase);
    }
  return g_strv_builder_end (builder);
}

gboolean
ic_glossary_add_entry (IcGlossary          *self,
                       const char          *cluster,
                       const char * const  *terms,
                       const char * const  *related,
                       guint               *position,
                       GError             **error)
{
  Entry entry = { 0 };

  g_return_val_if_fail (IC_IS_GLOSSARY (self), FALSE);

  entry.terms = check_phrases (terms, "terms", error);
  if (entry.terms == NULL)
    return FALSE;
  if (entry.terms[0] == NULL)
    {
      g_strfreev (entry.terms);
      ic_model_set_error (error, IC_MODEL_ERROR_REQUIRED, "terms",
                          _("A glossary entry needs at least one term"));
      return FALSE;
    }
  for (guint t = 0; entry.terms[t] != NULL; t++)
    {
      g_autofree char *key = g_utf8_casefold (entry.terms[t], -1);

      if (g_hash_table_contains (self->term_lookup, key))
        {
          ic_model_set_error (error, IC_MODEL_ERROR_PARSE, "terms",
                              _("“%s” is a term of another glossary entry already"),
                              entry.terms[t]);
          g_strfreev (entry.terms);
          return FALSE;
        }
    }
  entry.related = check_phrases (related, "related", error);
  if (entry.related == NULL)
    {
      g_strfreev (entry.terms);
      return FALSE;
    }
  entry.cluster = cluster != NULL && cluster[0] != '\0' ? g_strdup (cluster) : NULL;

  g_array_append_val (self->entries, entry);
  for (guint t = 0; entry.terms[t] != NULL; t++)
    g_hash_table_insert (self->term_lookup, g_utf8_casefold (entry.terms[t], -1),
                         GUINT_TO_POINTER (self->entries->len));
  if (position != NULL)
    *position = self->entries->len - 1;
  return TRUE;
}

void
ic_glossary_remove_entry (IcGlossary *self,
                          guint       position)
{
  g_return_if_fail (IC_IS_GLOSSARY (self));
  g_return_if_fail (position < self->entries->len);

  g_array_remove_index (self->entries, position);
  rebuild_lookup (self);
}

guint
ic_glossary_get_n_entries (IcGlossary *self)
{
  g_return_val_if_fail (IC_IS_GLOSSARY (self), 0);

  return self->entries->len;
}

const char *
ic_glossary_get_cluster (IcGlossary *self,
                         guint       position)
{
  g_return_val_if_fail (IC_IS_GLOSSARY (self), NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);

  return g_array_index (self->entries, Entry, position).cluster;
}

const char * const *
ic_glossary_get_terms (IcGlossary *self,
                       guint       position)
{
  g_return_val_if_fail (IC_IS_GLOSSARY (self), NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);

  return (const char * const *) g_array_index (self->entries, Entry, position).terms;
}

const char * const *
ic_glossary_get_related (IcGlossary *self,
                         guint       position)
{
  g_return_val_if_fail (IC_IS_GLOSSARY (self), NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);

  return (const char * const *) g_array_index (self->entries, Entry, position).related;
}

gint
ic_glossary_find_term (IcGlossary *self,
                       const char *term)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (IC_IS_GLOSSARY (self), -1);

  if (term == NULL)
    return -1;
  key = g_utf8_casefold (term, -1);
  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (self->term_lookup, key)) - 1;
}

static GStrv
read_strings (JsonObject  *object,
              const char  *member,
              guint        entry,
              GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strv_builder_end (builder);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      ic_model_set_error (error, IC_MODEL_ERROR_WRONG_TYPE, member,
                          _("Glossary entry %u: “%s” is not a list"), entry, member);
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        {
          ic_model_set_error (error, IC_MODEL_ERROR_WRONG_TYPE, member,
                              _("Glossary entry %u: “%s” holds something other than text"),
                              entry, member);
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (item));
    }
  return g_strv_builder_end (builder);
}

IcGlossary *
ic_glossary_new_from_json (const char  *data,
                           gssize       length,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(IcGlossary) self = ic_glossary_new ();
  JsonNode *root;
  JsonArray *entries;

  if (!json_parser_load_from_data (parser, data, length, error))
    {
      g_prefix_error (error, _("The glossary is not JSON: "));
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "entries") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "entries")))
    {
      ic_model_set_error (error, IC_MODEL_ERROR_PARSE, "entries",
                          _("The glossary has no list of entries"));
      return NULL;
    }
  entries = json_object_get_array_member (json_node_get_object (root), "entries");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *node = json_array_get_element (entries, i);
      JsonObject *object;
      g_auto(GStrv) terms = NULL;
      g_auto(GStrv) related = NULL;
      const char *cluster;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          ic_model_set_error (error, IC_MODEL_ERROR_WRONG_TYPE, NULL,
                              _("Glossary entry %u is not an object"), i + 1);
          return NULL;
        }
      object = json_node_get_object (node);
      cluster = json_object_get_string_member_with_default (object, "cluster", NULL);
      terms = read_strings (object, "terms", i + 1, error);
      if (terms == NULL)
        return NULL;
      related = read_strings (object, "related", i + 1, error);
      if (related == NULL)
        return NULL;
      if (!ic_glossary_add_entry (self, cluster, (const char * const *) terms,
                                  (const char * const *) related, NULL, error))
        {
          g_prefix_error (error, _("Glossary entry %u: "), i + 1);
          return NULL;
        }
    }
  return g_steal_pointer (&self);
}

static void
add_strings (JsonBuilder *builder,
             const char  *member,
             GStrv        values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

JsonNode *
ic_glossary_to_json (IcGlossary *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (IC_IS_GLOSSARY (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "cluster");
      json_builder_add_string_value (builder, entry->cluster != NULL ? entry->cluster : "");
      add_strings (builder, "terms", entry->terms);
      add_strings (builder, "related", entry->related);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
ic_glossary_to_data (IcGlossary *self)
{
  g_autoptr(JsonNode) node = ic_glossary_to_json (self);

  return json_to_string (node, FALSE);
}
