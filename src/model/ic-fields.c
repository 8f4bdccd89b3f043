/* ic-fields.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "ic-fields.h"

gboolean
ic_set_string (char       **dest,
               const char  *value)
{
  if (g_strcmp0 (*dest, value) == 0)
    return FALSE;
  g_free (*dest);
  *dest = g_strdup (value);
  return TRUE;
}

gboolean
ic_set_strv (char             ***dest,
             const char * const *value)
{
  const char * const empty[] = { NULL };

  if (g_strv_equal ((const char * const *) (*dest ? *dest : (char **) empty),
                    value ? value : empty))
    return FALSE;
  g_strfreev (*dest);
  *dest = g_strdupv ((char **) (value ? value : empty));
  return TRUE;
}

static char *
fold_tag (const char *raw)
{
  g_autofree char *lower = g_utf8_strdown (raw, -1);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* TRUE if ic_tags_normalise() would return @tags unchanged, judged
 * cheaply for the usual short ASCII lists.  Tags read back from the
 * database are always normal, and normalising each of them again cost
 * most of the time of loading records; anything this cannot vouch for
 * takes the full path. */
static gboolean
tags_already_normal (const char * const *tags)
{
  guint n = 0;

  for (; tags[n] != NULL; n++)
    {
      const char *tag = tags[n];
      gsize length = 0;

      if (n >= 32)
        return FALSE;
      for (const char *p = tag; *p != '\0'; p++, length++)
        {
          guchar c = *p;

          if (c >= 0x80 || c == ',' || g_ascii_isupper (c) ||
              (g_ascii_isspace (c) && (c != ' ' || p == tag || p[1] == '\0' || p[1] == ' ')))
            return FALSE;
        }
      if (length == 0)
        return FALSE;
      for (guint i = 0; i < n; i++)
        if (g_str_equal (tags[i], tag))
          return FALSE;
    }
  return TRUE;
}

char **
ic_tags_normalise (const char * const *tags)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GHashTable) seen = NULL;

  if (tags != NULL && tags_already_normal (tags))
    return g_strdupv ((char **) tags);

  builder = g_strv_builder_new ();
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;

      if (!g_utf8_validate (tags[i], -1, NULL))
        {
          /* Kept as is, so that validation can name the bad tag. */
          g_strv_builder_add (builder, tags[i]);
          continue;
        }

      parts = g_strsplit (tags[i], ",", -1);
      for (guint j = 0; parts[j] != NULL; j++)
        {
          g_autofree char *tag = fold_tag (parts[j]);

          if (tag[0] == '\0' || g_hash_table_contains (seen, tag))
            continue;
          g_strv_builder_add (builder, tag);
          g_hash_table_add (seen, g_steal_pointer (&tag));
        }
    }

  return g_strv_builder_end (builder);
}

char **
ic_strv_tidy (const char * const *values)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autofree char *value = g_strstrip (g_strdup (values[i]));

      if (value[0] == '\0' || g_hash_table_contains (seen, value))
        continue;
      g_strv_builder_add (builder, value);
      g_hash_table_add (seen, g_steal_pointer (&value));
    }

  return g_strv_builder_end (builder);
}

static void
copy_list_model (GListStore *src,
                 GListStore *dest)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (src));

  g_list_store_remove_all (dest);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (src), i);
      g_autoptr(GObject) copy = g_object_new (G_OBJECT_TYPE (item), NULL);

      ic_object_copy_fields (item, copy);
      g_list_store_append (dest, copy);
    }
}

void
ic_object_copy_fields (GObject *src,
                       GObject *dest)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_return_if_fail (G_OBJECT_TYPE (src) == G_OBJECT_TYPE (dest));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (src), &n_pspecs);
  g_object_freeze_notify (dest);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspec->flags & G_PARAM_READABLE))
        continue;

      if (g_type_is_a (pspec->value_type, G_TYPE_LIST_STORE))
        {
          g_autoptr(GListStore) from = NULL;
          g_autoptr(GListStore) to = NULL;

          g_object_get (src, pspec->name, &from, NULL);
          g_object_get (dest, pspec->name, &to, NULL);
          copy_list_model (from, to);
          continue;
        }

      if (!(pspec->flags & G_PARAM_WRITABLE))
        continue;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (src, pspec->name, &value);
      g_object_set_property (dest, pspec->name, &value);
    }
  g_object_thaw_notify (dest);
}

void
ic_fields_install (GObjectClass  *klass,
                   const IcField *fields,
                   guint          n_fields,
                   guint          first_prop_id,
                   GParamSpec   **pspecs)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  for (guint i = 0; i < n_fields; i++)
    {
      const IcField *f = &fields[i];
      GParamSpec *pspec = NULL;

      switch (f->type)
        {
        case IC_FIELD_STRING:
          pspec = g_param_spec_string (f->name, NULL, NULL, NULL, flags);
          break;
        case IC_FIELD_TAGS:
        case IC_FIELD_STRV:
          pspec = g_param_spec_boxed (f->name, NULL, NULL, G_TYPE_STRV, flags);
          break;
        case IC_FIELD_INT:
          pspec = g_param_spec_int (f->name, NULL, NULL, f->min, f->max, f->dflt, flags);
          break;
        case IC_FIELD_INT64:
          pspec = g_param_spec_int64 (f->name, NULL, NULL, f->min, f->max, f->dflt, flags);
          break;
        case IC_FIELD_DOUBLE:
          pspec = g_param_spec_double (f->name, NULL, NULL, f->min, f->max, f->dflt, flags);
          break;
        case IC_FIELD_ENUM:
          pspec = g_param_spec_enum (f->name, NULL, NULL, f->enum_type (), f->dflt, flags);
          break;
        default:
          g_assert_not_reached ();
        }
      pspecs[first_prop_id + i] = pspec;
      g_object_class_install_property (klass, first_prop_id + i, pspec);
    }
}

void
ic_fields_init (gpointer       instance,
                const IcField *fields,
                guint          n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const IcField *f = &fields[i];

      switch (f->type)
        {
        case IC_FIELD_INT:
        case IC_FIELD_ENUM:
          IC_FIELD_MEMBER (instance, f, int) = f->dflt;
          break;
        case IC_FIELD_INT64:
          IC_FIELD_MEMBER (instance, f, gint64) = f->dflt;
          break;
        case IC_FIELD_DOUBLE:
          IC_FIELD_MEMBER (instance, f, double) = f->dflt;
          break;
        case IC_FIELD_STRING:
        case IC_FIELD_TAGS:
        case IC_FIELD_STRV:
        default:
          break;
        }
    }
}

void
ic_fields_finalize (gpointer       instance,
                    const IcField *fields,
                    guint          n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const IcField *f = &fields[i];

      if (f->type == IC_FIELD_STRING)
        g_clear_pointer (&IC_FIELD_MEMBER (instance, f, char *), g_free);
      else if (f->type == IC_FIELD_TAGS || f->type == IC_FIELD_STRV)
        g_clear_pointer (&IC_FIELD_MEMBER (instance, f, char **), g_strfreev);
    }
}

void
ic_fields_get_property (gpointer       instance,
                        const IcField *f,
                        GValue        *value)
{
  switch (f->type)
    {
    case IC_FIELD_STRING:
      g_value_set_string (value, IC_FIELD_MEMBER (instance, f, char *));
      break;
    case IC_FIELD_TAGS:
    case IC_FIELD_STRV:
      g_value_set_boxed (value, IC_FIELD_MEMBER (instance, f, char **));
      break;
    case IC_FIELD_INT:
      g_value_set_int (value, IC_FIELD_MEMBER (instance, f, int));
      break;
    case IC_FIELD_INT64:
      g_value_set_int64 (value, IC_FIELD_MEMBER (instance, f, gint64));
      break;
    case IC_FIELD_DOUBLE:
      g_value_set_double (value, IC_FIELD_MEMBER (instance, f, double));
      break;
    case IC_FIELD_ENUM:
      g_value_set_enum (value, IC_FIELD_MEMBER (instance, f, int));
      break;
    default:
      g_assert_not_reached ();
    }
}

void
ic_fields_set_property (gpointer       instance,
                        const IcField *f,
                        const GValue  *value,
                        GParamSpec    *pspec)
{
  gboolean changed = FALSE;

  switch (f->type)
    {
    case IC_FIELD_STRING:
      changed = ic_set_string (&IC_FIELD_MEMBER (instance, f, char *),
                               g_value_get_string (value));
      break;
    case IC_FIELD_TAGS:
    case IC_FIELD_STRV:
      {
        const char * const *raw = g_value_get_boxed (value);
        g_auto(GStrv) tidy = f->type == IC_FIELD_TAGS ? ic_tags_normalise (raw)
                                                      : ic_strv_tidy (raw);
        changed = ic_set_strv (&IC_FIELD_MEMBER (instance, f, char **),
                               (const char * const *) tidy);
      }
      break;
    case IC_FIELD_INT:
    case IC_FIELD_ENUM:
      {
        int v = f->type == IC_FIELD_INT ? g_value_get_int (value) : g_value_get_enum (value);
        changed = IC_FIELD_MEMBER (instance, f, int) != v;
        IC_FIELD_MEMBER (instance, f, int) = v;
      }
      break;
    case IC_FIELD_INT64:
      {
        gint64 v = g_value_get_int64 (value);
        changed = IC_FIELD_MEMBER (instance, f, gint64) != v;
        IC_FIELD_MEMBER (instance, f, gint64) = v;
      }
      break;
    case IC_FIELD_DOUBLE:
      {
        double v = g_value_get_double (value);
        changed = IC_FIELD_MEMBER (instance, f, double) != v;
        IC_FIELD_MEMBER (instance, f, double) = v;
      }
      break;
    default:
      g_assert_not_reached ();
    }

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (instance), pspec);
}
