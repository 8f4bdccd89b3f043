/* ic-shortlist.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-fields.h"
#include "ic-model-error.h"
#include "ic-shortlist.h"
#include "ic-validate.h"

struct _IcShortlist
{
  IcRecord    parent_instance;

  char       *challenge_id;
  char       *name;
  GListStore *entries;
};

G_DEFINE_FINAL_TYPE (IcShortlist, ic_shortlist, IC_TYPE_RECORD)

static const IcField fields[] = {
  { "challenge-id", IC_FIELD_STRING, G_STRUCT_OFFSET (IcShortlist, challenge_id) },
  { "name", IC_FIELD_STRING, G_STRUCT_OFFSET (IcShortlist, name) },
};

enum {
  PROP_ENTRIES = G_N_ELEMENTS (fields) + 1,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ic_shortlist_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  IcShortlist *self = IC_SHORTLIST (object);

  if (prop_id == PROP_ENTRIES)
    g_value_set_object (value, self->entries);
  else if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (fields))
    ic_fields_get_property (object, &fields[prop_id - 1], value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ic_shortlist_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (fields))
    ic_fields_set_property (object, &fields[prop_id - 1], value, pspec);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ic_shortlist_finalize (GObject *object)
{
  IcShortlist *self = IC_SHORTLIST (object);

  ic_fields_finalize (object, fields, G_N_ELEMENTS (fields));
  g_clear_object (&self->entries);

  G_OBJECT_CLASS (ic_shortlist_parent_class)->finalize (object);
}

static const char *
ic_shortlist_get_record_title (IcRecord *record)
{
  return IC_SHORTLIST (record)->name;
}

static gboolean
ic_shortlist_validate (IcRecord   *record,
                       IcTaxonomy *taxonomy,
                       GError    **error)
{
  IcShortlist *self = IC_SHORTLIST (record);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  if (!ic_validate_uuid (self->challenge_id, "challenge_id", error) ||
      !ic_validate_text (self->name, "name", IC_MAX_NAME_CHARS, TRUE, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcShortlistEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (!ic_shortlist_entry_validate (entry, i + 1, error))
        return FALSE;
      for (guint j = 0; j < i; j++)
        {
          g_autoptr(IcShortlistEntry) other = g_list_model_get_item (G_LIST_MODEL (self->entries), j);

          if (g_strcmp0 (ic_shortlist_entry_get_capability_id (entry),
                         ic_shortlist_entry_get_capability_id (other)) == 0)
            {
              ic_model_set_error (error, IC_MODEL_ERROR_UNKNOWN_VALUE, "entries",
                                  _("entries %u and %u name the same capability"), j + 1, i + 1);
              return FALSE;
            }
        }
    }
  return TRUE;
}

static void
ic_shortlist_class_init (IcShortlistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  IcRecordClass *record_class = IC_RECORD_CLASS (klass);

  object_class->finalize = ic_shortlist_finalize;
  object_class->get_property = ic_shortlist_get_property;
  object_class->set_property = ic_shortlist_set_property;

  record_class->kind = IC_RECORD_KIND_SHORTLIST;
  record_class->get_title = ic_shortlist_get_record_title;
  record_class->validate = ic_shortlist_validate;

  ic_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, properties);
  properties[PROP_ENTRIES] =
    g_param_spec_object ("entries", NULL, NULL, G_TYPE_LIST_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_ENTRIES, properties[PROP_ENTRIES]);
}

static void
ic_shortlist_init (IcShortlist *self)
{
  self->entries = g_list_store_new (IC_TYPE_SHORTLIST_ENTRY);
}

IcShortlist *
ic_shortlist_new (void)
{
  return g_object_new (IC_TYPE_SHORTLIST, NULL);
}

const char *
ic_shortlist_get_challenge_id (IcShortlist *self)
{
  g_return_val_if_fail (IC_IS_SHORTLIST (self), NULL);
  return self->challenge_id;
}

void
ic_shortlist_set_challenge_id (IcShortlist *self,
                               const char  *challenge_id)
{
  g_return_if_fail (IC_IS_SHORTLIST (self));
  g_object_set (self, "challenge-id", challenge_id, NULL);
}

const char *
ic_shortlist_get_name (IcShortlist *self)
{
  g_return_val_if_fail (IC_IS_SHORTLIST (self), NULL);
  return self->name;
}

void
ic_shortlist_set_name (IcShortlist *self,
                       const char  *name)
{
  g_return_if_fail (IC_IS_SHORTLIST (self));
  g_object_set (self, "name", name, NULL);
}

GListStore *
ic_shortlist_get_entries (IcShortlist *self)
{
  g_return_val_if_fail (IC_IS_SHORTLIST (self), NULL);
  return self->entries;
}

IcShortlistEntry *
ic_shortlist_find_entry (IcShortlist *self,
                         const char  *capability_id,
                         guint       *position)
{
  guint n;

  g_return_val_if_fail (IC_IS_SHORTLIST (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  for (guint i = 0; i < n; i++)
    {
      IcShortlistEntry *entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      g_object_unref (entry); /* the store keeps it alive */
      if (g_strcmp0 (ic_shortlist_entry_get_capability_id (entry), capability_id) == 0)
        {
          if (position)
            *position = i;
          return entry;
        }
    }
  return NULL;
}

guint
ic_shortlist_complete_stages (IcShortlist *self,
                              const char  *at,
                              const char  *author)
{
  guint n, added = 0;

  g_return_val_if_fail (IC_IS_SHORTLIST (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcShortlistEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (ic_shortlist_entry_complete_stages (entry, at, author))
        added++;
    }
  return added;
}
