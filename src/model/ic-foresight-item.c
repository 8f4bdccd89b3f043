/* ic-foresight-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-foresight-item.h"
#include "ic-fields.h"
#include "ic-model-enums.h"
#include "ic-model-error.h"
#include "ic-validate.h"

struct _IcForesightItem
{
  IcRecord parent_instance;

  IcForesightKind kind;
  char *title;
  char *summary;
  char *url;
  char **tags;
  char *published;
  char *source;
};

G_DEFINE_FINAL_TYPE (IcForesightItem, ic_foresight_item, IC_TYPE_RECORD)

static const IcField fields[] = {
  { "kind", IC_FIELD_ENUM, G_STRUCT_OFFSET (IcForesightItem, kind), 0, 0, IC_FORESIGHT_KIND_DEMAND_SIGNAL, ic_foresight_kind_get_type },
  { "title", IC_FIELD_STRING, G_STRUCT_OFFSET (IcForesightItem, title) },
  { "summary", IC_FIELD_STRING, G_STRUCT_OFFSET (IcForesightItem, summary) },
  { "url", IC_FIELD_STRING, G_STRUCT_OFFSET (IcForesightItem, url) },
  { "tags", IC_FIELD_TAGS, G_STRUCT_OFFSET (IcForesightItem, tags) },
  { "published", IC_FIELD_STRING, G_STRUCT_OFFSET (IcForesightItem, published) },
  { "source", IC_FIELD_STRING, G_STRUCT_OFFSET (IcForesightItem, source) },
};

IC_DEFINE_FIELD_PROPERTIES (ic_foresight_item, fields)

static void
ic_foresight_item_finalize (GObject *object)
{
  ic_fields_finalize (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (ic_foresight_item_parent_class)->finalize (object);
}

static const char *
ic_foresight_item_get_record_title (IcRecord *record)
{
  return IC_FORESIGHT_ITEM (record)->title;
}

static gboolean
ic_foresight_item_validate (IcRecord   *record,
                            IcTaxonomy *taxonomy,
                            GError    **error)
{
  IcForesightItem *self = IC_FORESIGHT_ITEM (record);

  return ic_validate_text (self->title, "title", IC_MAX_TITLE_CHARS, TRUE, error) &&
         ic_validate_text (self->summary, "summary", IC_MAX_DESCRIPTION_CHARS, FALSE, error) &&
         ic_validate_url (self->url, "url", error) &&
         ic_validate_tags ((const char * const *) self->tags, "tags", error) &&
         ic_validate_timestamp (self->published, "published", error) &&
         ic_validate_text (self->source, "source", IC_MAX_NAME_CHARS, FALSE, error);
}

static void
ic_foresight_item_class_init (IcForesightItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  IcRecordClass *record_class = IC_RECORD_CLASS (klass);

  object_class->finalize = ic_foresight_item_finalize;
  object_class->get_property = ic_foresight_item_get_property;
  object_class->set_property = ic_foresight_item_set_property;

  record_class->kind = IC_RECORD_KIND_FORESIGHT;
  record_class->get_title = ic_foresight_item_get_record_title;
  record_class->validate = ic_foresight_item_validate;

  ic_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, ic_foresight_item_pspecs);
}

static void
ic_foresight_item_init (IcForesightItem *self)
{
  ic_fields_init (self, fields, G_N_ELEMENTS (fields));
}

IcForesightItem *
ic_foresight_item_new (void)
{
  return g_object_new (IC_TYPE_FORESIGHT_ITEM, NULL);
}

IcForesightKind
ic_foresight_item_get_kind (IcForesightItem *self)
{
  g_return_val_if_fail (IC_IS_FORESIGHT_ITEM (self), 0);
  return self->kind;
}

void
ic_foresight_item_set_kind (IcForesightItem *self,
                            IcForesightKind kind)
{
  g_return_if_fail (IC_IS_FORESIGHT_ITEM (self));
  g_object_set (self, "kind", kind, NULL);
}

const char *
ic_foresight_item_get_title (IcForesightItem *self)
{
  g_return_val_if_fail (IC_IS_FORESIGHT_ITEM (self), 0);
  return self->title;
}

void
ic_foresight_item_set_title (IcForesightItem *self,
                             const char *title)
{
  g_return_if_fail (IC_IS_FORESIGHT_ITEM (self));
  g_object_set (self, "title", title, NULL);
}

const char *
ic_foresight_item_get_summary (IcForesightItem *self)
{
  g_return_val_if_fail (IC_IS_FORESIGHT_ITEM (self), 0);
  return self->summary;
}

void
ic_foresight_item_set_summary (IcForesightItem *self,
                               const char *summary)
{
  g_return_if_fail (IC_IS_FORESIGHT_ITEM (self));
  g_object_set (self, "summary", summary, NULL);
}

const char *
ic_foresight_item_get_url (IcForesightItem *self)
{
  g_return_val_if_fail (IC_IS_FORESIGHT_ITEM (self), 0);
  return self->url;
}

void
ic_foresight_item_set_url (IcForesightItem *self,
                           const char *url)
{
  g_return_if_fail (IC_IS_FORESIGHT_ITEM (self));
  g_object_set (self, "url", url, NULL);
}

const char * const *
ic_foresight_item_get_tags (IcForesightItem *self)
{
  g_return_val_if_fail (IC_IS_FORESIGHT_ITEM (self), 0);
  return (const char * const *) self->tags;
}

void
ic_foresight_item_set_tags (IcForesightItem *self,
                            const char * const *tags)
{
  g_return_if_fail (IC_IS_FORESIGHT_ITEM (self));
  g_object_set (self, "tags", tags, NULL);
}

const char *
ic_foresight_item_get_published (IcForesightItem *self)
{
  g_return_val_if_fail (IC_IS_FORESIGHT_ITEM (self), 0);
  return self->published;
}

void
ic_foresight_item_set_published (IcForesightItem *self,
                                 const char *published)
{
  g_return_if_fail (IC_IS_FORESIGHT_ITEM (self));
  g_object_set (self, "published", published, NULL);
}

const char *
ic_foresight_item_get_source (IcForesightItem *self)
{
  g_return_val_if_fail (IC_IS_FORESIGHT_ITEM (self), 0);
  return self->source;
}

void
ic_foresight_item_set_source (IcForesightItem *self,
                              const char *source)
{
  g_return_if_fail (IC_IS_FORESIGHT_ITEM (self));
  g_object_set (self, "source", source, NULL);
}
