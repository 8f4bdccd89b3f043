/* ic-organisation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-organisation.h"
#include "ic-fields.h"
#include "ic-model-enums.h"
#include "ic-model-error.h"
#include "ic-validate.h"

struct _IcOrganisation
{
  IcRecord parent_instance;

  char *name;
  IcOrganisationKind kind;
  char *cluster;
  char *local_authority;
  int employees;
  char *website;
  char *notes;
  char *contact;
  char *email;
  char *phone;
  char *postcode;
};

G_DEFINE_FINAL_TYPE (IcOrganisation, ic_organisation, IC_TYPE_RECORD)

static const IcField fields[] = {
  { "name", IC_FIELD_STRING, G_STRUCT_OFFSET (IcOrganisation, name) },
  { "kind", IC_FIELD_ENUM, G_STRUCT_OFFSET (IcOrganisation, kind), 0, 0, IC_ORGANISATION_KIND_SME, ic_organisation_kind_get_type },
  { "cluster", IC_FIELD_STRING, G_STRUCT_OFFSET (IcOrganisation, cluster) },
  { "local-authority", IC_FIELD_STRING, G_STRUCT_OFFSET (IcOrganisation, local_authority) },
  { "employees", IC_FIELD_INT, G_STRUCT_OFFSET (IcOrganisation, employees), 0, 10000000, 0 },
  { "website", IC_FIELD_STRING, G_STRUCT_OFFSET (IcOrganisation, website) },
  { "notes", IC_FIELD_STRING, G_STRUCT_OFFSET (IcOrganisation, notes) },
  { "contact", IC_FIELD_STRING, G_STRUCT_OFFSET (IcOrganisation, contact) },
  { "email", IC_FIELD_STRING, G_STRUCT_OFFSET (IcOrganisation, email) },
  { "phone", IC_FIELD_STRING, G_STRUCT_OFFSET (IcOrganisation, phone) },
  { "postcode", IC_FIELD_STRING, G_STRUCT_OFFSET (IcOrganisation, postcode) },
};

IC_DEFINE_FIELD_PROPERTIES (ic_organisation, fields)

static void
ic_organisation_finalize (GObject *object)
{
  ic_fields_finalize (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (ic_organisation_parent_class)->finalize (object);
}

static const char *
ic_organisation_get_record_title (IcRecord *record)
{
  return IC_ORGANISATION (record)->name;
}

static gboolean
ic_organisation_validate (IcRecord   *record,
                          IcTaxonomy *taxonomy,
                          GError    **error)
{
  IcOrganisation *self = IC_ORGANISATION (record);

  return ic_validate_text (self->name, "name", IC_MAX_NAME_CHARS, TRUE, error) &&
         ic_validate_cluster (taxonomy, self->cluster, "cluster", error) &&
         ic_validate_place (taxonomy, self->local_authority, "local_authority", error) &&
         ic_validate_int_range (self->employees, 0, 10000000, "employees", error) &&
         ic_validate_url (self->website, "website", error) &&
         ic_validate_text (self->notes, "notes", IC_MAX_DESCRIPTION_CHARS, FALSE, error) &&
         ic_validate_text (self->contact, "contact", IC_MAX_NAME_CHARS, FALSE, error) &&
         ic_validate_email (self->email, "email", error) &&
         ic_validate_text (self->phone, "phone", IC_MAX_PHONE_CHARS, FALSE, error) &&
         ic_validate_text (self->postcode, "postcode", IC_MAX_POSTCODE_CHARS, FALSE, error);
}

static void
ic_organisation_class_init (IcOrganisationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  IcRecordClass *record_class = IC_RECORD_CLASS (klass);

  object_class->finalize = ic_organisation_finalize;
  object_class->get_property = ic_organisation_get_property;
  object_class->set_property = ic_organisation_set_property;

  record_class->kind = IC_RECORD_KIND_ORGANISATION;
  record_class->get_title = ic_organisation_get_record_title;
  record_class->validate = ic_organisation_validate;

  ic_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, ic_organisation_pspecs);
}

static void
ic_organisation_init (IcOrganisation *self)
{
  ic_fields_init (self, fields, G_N_ELEMENTS (fields));
}

IcOrganisation *
ic_organisation_new (void)
{
  return g_object_new (IC_TYPE_ORGANISATION, NULL);
}

const char *
ic_organisation_get_name (IcOrganisation *self)
{
  g_return_val_if_fail (IC_IS_ORGANISATION (self), 0);
  return self->name;
}

void
ic_organisation_set_name (IcOrganisation *self,
                          const char *name)
{
  g_return_if_fail (IC_IS_ORGANISATION (self));
  g_object_set (self, "name", name, NULL);
}

IcOrganisationKind
ic_organisation_get_kind (IcOrganisation *self)
{
  g_return_val_if_fail (IC_IS_ORGANISATION (self), 0);
  return self->kind;
}

void
ic_organisation_set_kind (IcOrganisation *self,
                          IcOrganisationKind kind)
{
  g_return_if_fail (IC_IS_ORGANISATION (self));
  g_object_set (self, "kind", kind, NULL);
}

const char *
ic_organisation_get_cluster (IcOrganisation *self)
{
  g_return_val_if_fail (IC_IS_ORGANISATION (self), 0);
  return self->cluster;
}

void
ic_organisation_set_cluster (IcOrganisation *self,
                             const char *cluster)
{
  g_return_if_fail (IC_IS_ORGANISATION (self));
  g_object_set (self, "cluster", cluster, NULL);
}

const char *
ic_organisation_get_local_authority (IcOrganisation *self)
{
  g_return_val_if_fail (IC_IS_ORGANISATION (self), 0);
  return self->local_authority;
}

void
ic_organisation_set_local_authority (IcOrganisation *self,
                                     const char *local_authority)
{
  g_return_if_fail (IC_IS_ORGANISATION (self));
  g_object_set (self, "local-authority", local_authority, NULL);
}

int
ic_organisation_get_employees (IcOrganisation *self)
{
  g_return_val_if_fail (IC_IS_ORGANISATION (self), 0);
  return self->employees;
}

void
ic_organisation_set_employees (IcOrganisation *self,
                               int employees)
{
  g_return_if_fail (IC_IS_ORGANISATION (self));
  g_object_set (self, "employees", employees, NULL);
}

const char *
ic_organisation_get_website (IcOrganisation *self)
{
  g_return_val_if_fail (IC_IS_ORGANISATION (self), 0);
  return self->website;
}

void
ic_organisation_set_website (IcOrganisation *self,
                             const char *website)
{
  g_return_if_fail (IC_IS_ORGANISATION (self));
  g_object_set (self, "website", website, NULL);
}

const char *
ic_organisation_get_notes (IcOrganisation *self)
{
  g_return_val_if_fail (IC_IS_ORGANISATION (self), 0);
  return self->notes;
}

void
ic_organisation_set_notes (IcOrganisation *self,
                           const char *notes)
{
  g_return_if_fail (IC_IS_ORGANISATION (self));
  g_object_set (self, "notes", notes, NULL);
}

const char *
ic_organisation_get_contact (IcOrganisation *self)
{
  g_return_val_if_fail (IC_IS_ORGANISATION (self), NULL);
  return self->contact;
}

void
ic_organisation_set_contact (IcOrganisation *self,
                             const char     *contact)
{
  g_return_if_fail (IC_IS_ORGANISATION (self));
  g_object_set (self, "contact", contact, NULL);
}

const char *
ic_organisation_get_email (IcOrganisation *self)
{
  g_return_val_if_fail (IC_IS_ORGANISATION (self), NULL);
  return self->email;
}

void
ic_organisation_set_email (IcOrganisation *self,
                           const char     *email)
{
  g_return_if_fail (IC_IS_ORGANISATION (self));
  g_object_set (self, "email", email, NULL);
}

const char *
ic_organisation_get_phone (IcOrganisation *self)
{
  g_return_val_if_fail (IC_IS_ORGANISATION (self), NULL);
  return self->phone;
}

void
ic_organisation_set_phone (IcOrganisation *self,
                           const char     *phone)
{
  g_return_if_fail (IC_IS_ORGANISATION (self));
  g_object_set (self, "phone", phone, NULL);
}

const char *
ic_organisation_get_postcode (IcOrganisation *self)
{
  g_return_val_if_fail (IC_IS_ORGANISATION (self), NULL);
  return self->postcode;
}

void
ic_organisation_set_postcode (IcOrganisation *self,
                              const char     *postcode)
{
  g_return_if_fail (IC_IS_ORGANISATION (self));
  g_object_set (self, "postcode", postcode, NULL);
}
