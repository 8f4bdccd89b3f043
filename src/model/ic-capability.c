/* ic-capability.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-capability.h"
#include "ic-fields.h"
#include "ic-model-enums.h"
#include "ic-model-error.h"
#include "ic-validate.h"

struct _IcCapability
{
  IcRecord parent_instance;

  char *organisation_id;
  char *title;
  char *description;
  char *cluster;
  char **tags;
  int trl;
  int employees;
  char *local_authority;
  char **certifications;
  char *contact;
};

G_DEFINE_FINAL_TYPE (IcCapability, ic_capability, IC_TYPE_RECORD)

static const IcField fields[] = {
  { "organisation-id", IC_FIELD_STRING, G_STRUCT_OFFSET (IcCapability, organisation_id) },
  { "title", IC_FIELD_STRING, G_STRUCT_OFFSET (IcCapability, title) },
  { "description", IC_FIELD_STRING, G_STRUCT_OFFSET (IcCapability, description) },
  { "cluster", IC_FIELD_STRING, G_STRUCT_OFFSET (IcCapability, cluster) },
  { "tags", IC_FIELD_TAGS, G_STRUCT_OFFSET (IcCapability, tags) },
  { "trl", IC_FIELD_INT, G_STRUCT_OFFSET (IcCapability, trl), 0, 100, 0 },
  { "employees", IC_FIELD_INT, G_STRUCT_OFFSET (IcCapability, employees), 0, 10000000, 0 },
  { "local-authority", IC_FIELD_STRING, G_STRUCT_OFFSET (IcCapability, local_authority) },
  { "certifications", IC_FIELD_STRV, G_STRUCT_OFFSET (IcCapability, certifications) },
  { "contact", IC_FIELD_STRING, G_STRUCT_OFFSET (IcCapability, contact) },
};

IC_DEFINE_FIELD_PROPERTIES (ic_capability, fields)

static void
ic_capability_finalize (GObject *object)
{
  ic_fields_finalize (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (ic_capability_parent_class)->finalize (object);
}

static const char *
ic_capability_get_record_title (IcRecord *record)
{
  return IC_CAPABILITY (record)->title;
}

static gboolean
ic_capability_validate (IcRecord   *record,
                        IcTaxonomy *taxonomy,
                        GError    **error)
{
  IcCapability *self = IC_CAPABILITY (record);

  if (!ic_validate_uuid (self->organisation_id, "organisation_id", error) ||
      !ic_validate_text (self->title, "title", IC_MAX_TITLE_CHARS, TRUE, error) ||
      !ic_validate_text (self->description, "description", IC_MAX_DESCRIPTION_CHARS, FALSE, error) ||
      !ic_validate_cluster (taxonomy, self->cluster, "cluster", error) ||
      !ic_validate_tags ((const char * const *) self->tags, "tags", error) ||
      !ic_validate_int_range (self->employees, 0, 10000000, "employees", error) ||
      !ic_validate_place (taxonomy, self->local_authority, "local_authority", error) ||
      !ic_validate_text (self->contact, "contact", IC_MAX_SHORT_TEXT_CHARS, FALSE, error))
    return FALSE;

  /* 0 means the SME has not said; anything else is a real TRL. */
  if (self->trl != 0 && !ic_validate_int_range (self->trl, 1, 9, "trl", error))
    return FALSE;

  for (guint i = 0; self->certifications != NULL && self->certifications[i] != NULL; i++)
    if (!ic_validate_text (self->certifications[i], "certifications", IC_MAX_NAME_CHARS, TRUE, error))
      return FALSE;

  return TRUE;
}

static void
ic_capability_class_init (IcCapabilityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  IcRecordClass *record_class = IC_RECORD_CLASS (klass);

  object_class->finalize = ic_capability_finalize;
  object_class->get_property = ic_capability_get_property;
  object_class->set_property = ic_capability_set_property;

  record_class->kind = IC_RECORD_KIND_CAPABILITY;
  record_class->get_title = ic_capability_get_record_title;
  record_class->validate = ic_capability_validate;

  ic_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, ic_capability_pspecs);
}

static void
ic_capability_init (IcCapability *self)
{
  ic_fields_init (self, fields, G_N_ELEMENTS (fields));
}

IcCapability *
ic_capability_new (void)
{
  return g_object_new (IC_TYPE_CAPABILITY, NULL);
}

const char *
ic_capability_get_organisation_id (IcCapability *self)
{
  g_return_val_if_fail (IC_IS_CAPABILITY (self), 0);
  return self->organisation_id;
}

void
ic_capability_set_organisation_id (IcCapability *self,
                                   const char *organisation_id)
{
  g_return_if_fail (IC_IS_CAPABILITY (self));
  g_object_set (self, "organisation-id", organisation_id, NULL);
}

const char *
ic_capability_get_title (IcCapability *self)
{
  g_return_val_if_fail (IC_IS_CAPABILITY (self), 0);
  return self->title;
}

void
ic_capability_set_title (IcCapability *self,
                         const char *title)
{
  g_return_if_fail (IC_IS_CAPABILITY (self));
  g_object_set (self, "title", title, NULL);
}

const char *
ic_capability_get_description (IcCapability *self)
{
  g_return_val_if_fail (IC_IS_CAPABILITY (self), 0);
  return self->description;
}

void
ic_capability_set_description (IcCapability *self,
                               const char *description)
{
  g_return_if_fail (IC_IS_CAPABILITY (self));
  g_object_set (self, "description", description, NULL);
}

const char *
ic_capability_get_cluster (IcCapability *self)
{
  g_return_val_if_fail (IC_IS_CAPABILITY (self), 0);
  return self->cluster;
}

void
ic_capability_set_cluster (IcCapability *self,
                           const char *cluster)
{
  g_return_if_fail (IC_IS_CAPABILITY (self));
  g_object_set (self, "cluster", cluster, NULL);
}

const char * const *
ic_capability_get_tags (IcCapability *self)
{
  g_return_val_if_fail (IC_IS_CAPABILITY (self), 0);
  return (const char * const *) self->tags;
}

void
ic_capability_set_tags (IcCapability *self,
                        const char * const *tags)
{
  g_return_if_fail (IC_IS_CAPABILITY (self));
  g_object_set (self, "tags", tags, NULL);
}

int
ic_capability_get_trl (IcCapability *self)
{
  g_return_val_if_fail (IC_IS_CAPABILITY (self), 0);
  return self->trl;
}

void
ic_capability_set_trl (IcCapability *self,
                       int trl)
{
  g_return_if_fail (IC_IS_CAPABILITY (self));
  g_object_set (self, "trl", trl, NULL);
}

int
ic_capability_get_employees (IcCapability *self)
{
  g_return_val_if_fail (IC_IS_CAPABILITY (self), 0);
  return self->employees;
}

void
ic_capability_set_employees (IcCapability *self,
                             int employees)
{
  g_return_if_fail (IC_IS_CAPABILITY (self));
  g_object_set (self, "employees", employees, NULL);
}

const char *
ic_capability_get_local_authority (IcCapability *self)
{
  g_return_val_if_fail (IC_IS_CAPABILITY (self), 0);
  return self->local_authority;
}

void
ic_capability_set_local_authority (IcCapability *self,
                                   const char *local_authority)
{
  g_return_if_fail (IC_IS_CAPABILITY (self));
  g_object_set (self, "local-authority", local_authority, NULL);
}

const char * const *
ic_capability_get_certifications (IcCapability *self)
{
  g_return_val_if_fail (IC_IS_CAPABILITY (self), 0);
  return (const char * const *) self->certifications;
}

void
ic_capability_set_certifications (IcCapability *self,
                                  const char * const *certifications)
{
  g_return_if_fail (IC_IS_CAPABILITY (self));
  g_object_set (self, "certifications", certifications, NULL);
}

const char *
ic_capability_get_contact (IcCapability *self)
{
  g_return_val_if_fail (IC_IS_CAPABILITY (self), 0);
  return self->contact;
}

void
ic_capability_set_contact (IcCapability *self,
                           const char *contact)
{
  g_return_if_fail (IC_IS_CAPABILITY (self));
  g_object_set (self, "contact", contact, NULL);
}
