/* ic-store-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-fields.h"
#include "ic-store-private.h"
#include "ic-store-query.h"

struct _IcStoreQuery
{
  GObject   parent_instance;

  char     *search;
  char     *cluster;
  char     *local_authority;
  int       status;
  char     *owner_id;
  char     *sort_field;
  gboolean  sort_descending;
  gboolean  include_deleted;
  GStrv     ids;
};

G_DEFINE_FINAL_TYPE (IcStoreQuery, ic_store_query, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_CLUSTER,
  PROP_LOCAL_AUTHORITY,
  PROP_STATUS,
  PROP_OWNER_ID,
  PROP_SORT_FIELD,
  PROP_SORT_DESCENDING,
  PROP_INCLUDE_DELETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ic_store_query_finalize (GObject *object)
{
  IcStoreQuery *self = IC_STORE_QUERY (object);

  g_free (self->search);
  g_free (self->cluster);
  g_free (self->local_authority);
  g_free (self->owner_id);
  g_free (self->sort_field);
  g_strfreev (self->ids);

  G_OBJECT_CLASS (ic_store_query_parent_class)->finalize (object);
}

static void
ic_store_query_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  IcStoreQuery *self = IC_STORE_QUERY (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_CLUSTER:
      g_value_set_string (value, self->cluster);
      break;
    case PROP_LOCAL_AUTHORITY:
      g_value_set_string (value, self->local_authority);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_OWNER_ID:
      g_value_set_string (value, self->owner_id);
      break;
    case PROP_SORT_FIELD:
      g_value_set_string (value, self->sort_field);
      break;
    case PROP_SORT_DESCENDING:
      g_value_set_boolean (value, self->sort_descending);
      break;
    case PROP_INCLUDE_DELETED:
      g_value_set_boolean (value, self->include_deleted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_store_query_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  IcStoreQuery *self = IC_STORE_QUERY (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      ic_store_query_set_search (self, g_value_get_string (value));
      break;
    case PROP_CLUSTER:
      ic_store_query_set_cluster (self, g_value_get_string (value));
      break;
    case PROP_LOCAL_AUTHORITY:
      ic_store_query_set_local_authority (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      ic_store_query_set_status (self, g_value_get_int (value));
      break;
    case PROP_OWNER_ID:
      ic_store_query_set_owner_id (self, g_value_get_string (value));
      break;
    case PROP_SORT_FIELD:
      ic_store_query_set_sort (self, g_value_get_string (value), self->sort_descending);
      break;
    case PROP_SORT_DESCENDING:
      ic_store_query_set_sort (self, self->sort_field, g_value_get_boolean (value));
      break;
    case PROP_INCLUDE_DELETED:
      ic_store_query_set_include_deleted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_store_query_class_init (IcStoreQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ic_store_query_finalize;
  object_class->get_property = ic_store_query_get_property;
  object_class->set_property = ic_store_query_set_property;

  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, NULL, flags);
  properties[PROP_CLUSTER] = g_param_spec_string ("cluster", NULL, NULL, NULL, flags);
  properties[PROP_LOCAL_AUTHORITY] =
    g_param_spec_string ("local-authority", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_OWNER_ID] = g_param_spec_string ("owner-id", NULL, NULL, NULL, flags);
  properties[PROP_SORT_FIELD] = g_param_spec_string ("sort-field", NULL, NULL, NULL, flags);
  properties[PROP_SORT_DESCENDING] =
    g_param_spec_boolean ("sort-descending", NULL, NULL, FALSE, flags);
  properties[PROP_INCLUDE_DELETED] =
    g_param_spec_boolean ("include-deleted", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ic_store_query_init (IcStoreQuery *self)
{
  self->status = -1;
}

/**
 * ic_store_query_new:
 *
 * Returns: (transfer full): a query for every live record, sorted by
 *   title or name
 */
IcStoreQuery *
ic_store_query_new (void)
{
  return g_object_new (IC_TYPE_STORE_QUERY, NULL);
}

IcStoreQuery *
ic_store_query_copy (IcStoreQuery *self)
{
  IcStoreQuery *copy;

  g_return_val_if_fail (IC_IS_STORE_QUERY (self), NULL);

  copy = ic_store_query_new ();
  ic_store_query_set_search (copy, ic_store_query_get_search (self));
  ic_store_query_set_cluster (copy, ic_store_query_get_cluster (self));
  ic_store_query_set_local_authority (copy, ic_store_query_get_local_authority (self));
  ic_store_query_set_status (copy, ic_store_query_get_status (self));
  ic_store_query_set_owner_id (copy, ic_store_query_get_owner_id (self));
  ic_store_query_set_sort (copy, ic_store_query_get_sort_field (self),
                           ic_store_query_get_sort_descending (self));
  ic_store_query_set_include_deleted (copy, ic_store_query_get_include_deleted (self));
  ic_store_query_set_ids (copy, (const char * const *) self->ids);
  return copy;
}

#define STRING_ACCESSORS(field, PROP)                                      \
  const char *                                                             \
  ic_store_query_get_##field (IcStoreQuery *self)                          \
  {                                                                        \
    g_return_val_if_fail (IC_IS_STORE_QUERY (self), NULL);                 \
    return self->field;                                                    \
  }                                                                        \
  void                                                                     \
  ic_store_query_set_##field (IcStoreQuery *self,                          \
                              const char   *field)                         \
  {                                                                        \
    g_return_if_fail (IC_IS_STORE_QUERY (self));                           \
    if (ic_set_string (&self->field, field))                               \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);        \
  }

STRING_ACCESSORS (search, PROP_SEARCH)
STRING_ACCESSORS (cluster, PROP_CLUSTER)
STRING_ACCESSORS (local_authority, PROP_LOCAL_AUTHORITY)
STRING_ACCESSORS (owner_id, PROP_OWNER_ID)

int
ic_store_query_get_status (IcStoreQuery *self)
{
  g_return_val_if_fail (IC_IS_STORE_QUERY (self), -1);
  return self->status;
}

void
ic_store_query_set_status (IcStoreQuery *self,
                           int           status)
{
  g_return_if_fail (IC_IS_STORE_QUERY (self));

  status = MAX (status, -1);
  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

void
ic_store_query_set_sort (IcStoreQuery *self,
                         const char   *field,
                         gboolean      descending)
{
  g_return_if_fail (IC_IS_STORE_QUERY (self));

  descending = !!descending;
  g_object_freeze_notify (G_OBJECT (self));
  if (ic_set_string (&self->sort_field, field))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_FIELD]);
  if (self->sort_descending != descending)
    {
      self->sort_descending = descending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DESCENDING]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
ic_store_query_get_sort_field (IcStoreQuery *self)
{
  g_return_val_if_fail (IC_IS_STORE_QUERY (self), NULL);
  return self->sort_field;
}

gboolean
ic_store_query_get_sort_descending (IcStoreQuery *self)
{
  g_return_val_if_fail (IC_IS_STORE_QUERY (self), FALSE);
  return self->sort_descending;
}

void
ic_store_query_set_include_deleted (IcStoreQuery *self,
                                    gboolean      include_deleted)
{
  g_return_if_fail (IC_IS_STORE_QUERY (self));

  include_deleted = !!include_deleted;
  if (self->include_deleted != include_deleted)
    {
      self->include_deleted = include_deleted;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_DELETED]);
    }
}

gboolean
ic_store_query_get_include_deleted (IcStoreQuery *self)
{
  g_return_val_if_fail (IC_IS_STORE_QUERY (self), FALSE);
  return self->include_deleted;
}

static gboolean
is_word_char (gunichar c)
{
  /* Marks too, so that a decomposed "é" stays inside its word. */
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

char **
ic_store_search_words (const char *search)
{
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  const char *p = search;

  if (search == NULL || !g_utf8_validate (search, -1, NULL))
    return g_strv_builder_end (words);

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      start = p;
      while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      {
        g_autofree char *word = g_strndup (start, p - start);

        g_strv_builder_add (words, word);
      }
    }
  return g_strv_builder_end (words);
}

char *
ic_store_query_build_match (const char *search)
{
  g_auto(GStrv) words = ic_store_search_words (search);
  g_autoptr(GString) match = NULL;

  if (words[0] == NULL)
    return NULL;

  /* Only letters, digits and marks reach FTS5, each word inside double
   * quotes: nothing a person types can be read as query syntax. */
  match = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    g_string_append_printf (match, "%s\"%s\"*", i > 0 ? " AND " : "", words[i]);
  return g_string_free (g_steal_pointer (&match), FALSE);
}

void
ic_store_query_set_ids (IcStoreQuery       *self,
                        const char * const *ids)
{
  g_return_if_fail (IC_IS_STORE_QUERY (self));

  g_strfreev (self->ids);
  self->ids = g_strdupv ((char **) ids);
}

const char * const *
ic_store_query_get_ids (IcStoreQuery *self)
{
  g_return_val_if_fail (IC_IS_STORE_QUERY (self), NULL);
  return (const char * const *) self->ids;
}
