/* ic-record-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-app-format.h"
#include "ic-model-enums.h"
#include "ic-record.h"
#include "ic-record-form.h"

#define MAX_BUDGET 1e12
#define MAX_EMPLOYEES 10000000

static const IcFormGroup challenge_groups[] = {
  { N_("Challenge") },
  { N_("Description") },
  { N_("Fit") },
  { N_("Budget and Timing") },
  { N_("Contact and Sharing") },
};

static const IcFormField challenge_fields[] = {
  { "title", "title", N_("Title"), NULL, IC_FORM_TEXT, 0 },
  { "organisation-id", "organisation_id", N_("Organisation"), NULL, IC_FORM_ORGANISATION, 0 },
  { "status", "status", N_("Status"), NULL, IC_FORM_ENUM, 0 },
  { "description", "description", N_("Description"), NULL, IC_FORM_LONG_TEXT, 1 },
  { "cluster", "cluster", N_("Cluster"), NULL, IC_FORM_CLUSTER, 2 },
  { "tags", "tags", N_("Required Tags"), N_("Separate tags with commas"), IC_FORM_TAGS, 2 },
  { "trl-min", "trl_min", N_("Lowest TRL"), N_("Technology readiness, 1 to 9"), IC_FORM_NUMBER, 2, 1, 9, 1 },
  { "trl-max", "trl_max", N_("Highest TRL"), N_("Technology readiness, 1 to 9"), IC_FORM_NUMBER, 2, 1, 9, 1 },
  { "local-authority", "local_authority", N_("Place"), NULL, IC_FORM_PLACE, 2 },
  { "budget-min", "budget_min", N_("Lowest Budget"), N_("Pounds sterling"), IC_FORM_NUMBER, 3, 0, MAX_BUDGET, 1000 },
  { "budget-max", "budget_max", N_("Highest Budget"), N_("Pounds sterling"), IC_FORM_NUMBER, 3, 0, MAX_BUDGET, 1000 },
  { "deadline", "deadline", N_("Deadline (YYYY-MM-DD)"), NULL, IC_FORM_DATE, 3 },
  { "contact", "contact", N_("Contact"), NULL, IC_FORM_TEXT, 4 },
  { "visibility", "visibility", N_("Sharing"), NULL, IC_FORM_ENUM, 4 },
  { "public-label", "public_label", N_("Public Label"),
    N_("Shown on the public board instead of the organisation, e.g. “a Tier 1 automotive supplier in Coventry”"),
    IC_FORM_TEXT, 4 },
};

static const IcFormGroup capability_groups[] = {
  { N_("Capability") },
  { N_("Description") },
  { N_("Fit") },
  { N_("Company") },
  { N_("Contact and Sharing") },
};

static const IcFormField capability_fields[] = {
  { "title", "title", N_("Title"), NULL, IC_FORM_TEXT, 0 },
  { "organisation-id", "organisation_id", N_("Organisation"), NULL, IC_FORM_ORGANISATION, 0 },
  { "description", "description", N_("Description"), NULL, IC_FORM_LONG_TEXT, 1 },
  { "cluster", "cluster", N_("Cluster"), NULL, IC_FORM_CLUSTER, 2 },
  { "tags", "tags", N_("Tags"), N_("Separate tags with commas"), IC_FORM_TAGS, 2 },
  { "trl", "trl", N_("TRL"), N_("Technology readiness, 1 to 9; 0 if not known"), IC_FORM_NUMBER, 2, 0, 9, 1 },
  { "local-authority", "local_authority", N_("Place"), NULL, IC_FORM_PLACE, 2 },
  { "employees", "employees", N_("Employees"), NULL, IC_FORM_NUMBER, 3, 0, MAX_EMPLOYEES, 1 },
  { "certifications", "certifications", N_("Certifications"), N_("Separate them with commas"), IC_FORM_LIST, 3 },
  { "contact", "contact", N_("Contact"), NULL, IC_FORM_TEXT, 4 },
  { "visibility", "visibility", N_("Sharing"), NULL, IC_FORM_ENUM, 4 },
};

static const IcFormGroup organisation_groups[] = {
  { N_("Organisation") },
  { N_("Sector and Place") },
  { N_("Notes") },
  { N_("Sharing") },
};

static const IcFormField organisation_fields[] = {
  { "name", "name", N_("Name"), NULL, IC_FORM_TEXT, 0 },
  { "kind", "kind", N_("Kind"), NULL, IC_FORM_ENUM, 0 },
  { "website", "website", N_("Website"), NULL, IC_FORM_TEXT, 0 },
  { "contact", "contact", N_("Contact"), NULL, IC_FORM_TEXT, 0 },
  { "email", "email", N_("Email"), NULL, IC_FORM_TEXT, 0 },
  { "phone", "phone", N_("Phone"), NULL, IC_FORM_TEXT, 0 },
  { "cluster", "cluster", N_("Cluster"), NULL, IC_FORM_CLUSTER, 1 },
  { "local-authority", "local_authority", N_("Place"), NULL, IC_FORM_PLACE, 1 },
  { "postcode", "postcode", N_("Postcode"), NULL, IC_FORM_TEXT, 1 },
  { "employees", "employees", N_("Employees"), NULL, IC_FORM_NUMBER, 1, 0, MAX_EMPLOYEES, 1 },
  { "notes", "notes", N_("Notes"), NULL, IC_FORM_LONG_TEXT, 2 },
  { "visibility", "visibility", N_("Sharing"), NULL, IC_FORM_ENUM, 3 },
};

const IcFormField *
ic_form_get_fields (IcRecordKind  kind,
                    guint        *n_fields)
{
  switch (kind)
    {
    case IC_RECORD_KIND_CHALLENGE:
      *n_fields = G_N_ELEMENTS (challenge_fields);
      return challenge_fields;
    case IC_RECORD_KIND_CAPABILITY:
      *n_fields = G_N_ELEMENTS (capability_fields);
      return capability_fields;
    case IC_RECORD_KIND_ORGANISATION:
      *n_fields = G_N_ELEMENTS (organisation_fields);
      return organisation_fields;
    default:
      *n_fields = 0;
      return NULL;
    }
}

const IcFormGroup *
ic_form_get_groups (IcRecordKind  kind,
                    guint        *n_groups)
{
  switch (kind)
    {
    case IC_RECORD_KIND_CHALLENGE:
      *n_groups = G_N_ELEMENTS (challenge_groups);
      return challenge_groups;
    case IC_RECORD_KIND_CAPABILITY:
      *n_groups = G_N_ELEMENTS (capability_groups);
      return capability_groups;
    case IC_RECORD_KIND_ORGANISATION:
      *n_groups = G_N_ELEMENTS (organisation_groups);
      return organisation_groups;
    default:
      *n_groups = 0;
      return NULL;
    }
}

const char *
ic_form_enum_label (GType enum_type,
                    int   value)
{
  if (enum_type == IC_TYPE_CHALLENGE_STATUS)
    return ic_format_challenge_status (value);
  if (enum_type == IC_TYPE_ORGANISATION_KIND)
    return ic_format_organisation_kind (value);
  if (enum_type == IC_TYPE_STAGE)
    return ic_stage_get_label (value);
  if (enum_type == IC_TYPE_VISIBILITY)
    return value == IC_VISIBILITY_PRIVATE ? _("Private to this computer")
         : value == IC_VISIBILITY_PUBLIC ? _("Public, on the feed’s board")
         : _("Shared with the team");
  return ic_enum_to_nick (enum_type, value);
}

/* Fields that have no form of their own (foresight items, shortlists). */
static const struct
{
  const char *name;
  const char *label;
} other_labels[] = {
  { "kind", N_("Kind") },
  { "title", N_("Title") },
  { "summary", N_("Summary") },
  { "url", N_("Link") },
  { "tags", N_("Tags") },
  { "published", N_("Published") },
  { "source", N_("Source") },
  { "name", N_("Name") },
  { "challenge_id", N_("Challenge") },
  { "entries", N_("Entries") },
  { "visibility", N_("Sharing") },
};

char *
ic_form_get_label (IcRecordKind  kind,
                   const char   *name)
{
  g_autofree char *words = NULL;
  const IcFormField *form;
  guint n_form;

  form = ic_form_get_fields (kind, &n_form);
  for (guint i = 0; i < n_form; i++)
    if (g_strcmp0 (form[i].field, name) == 0)
      return g_strdup (_(form[i].title));
  for (guint i = 0; i < G_N_ELEMENTS (other_labels); i++)
    if (g_strcmp0 (other_labels[i].name, name) == 0)
      return g_strdup (_(other_labels[i].label));

  /* A field newer than this table: its name in words. */
  words = g_strdelimit (g_strdup (name), "_", ' ');
  words[0] = g_ascii_toupper (words[0]);
  return g_steal_pointer (&words);
}

char *
ic_form_get_enum_value_label (IcRecordKind  kind,
                              const char   *name,
                              const char   *nick)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *property = NULL;
  GParamSpec *pspec;
  GEnumClass *enum_class;
  GEnumValue *value;
  GType type = ic_record_kind_get_record_type (kind);

  if (type == G_TYPE_INVALID || name == NULL || nick == NULL)
    return NULL;
  klass = g_type_class_ref (type);
  property = g_strdelimit (g_strdup (name), "_", '-');
  pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);
  if (pspec == NULL || !G_IS_PARAM_SPEC_ENUM (pspec))
    return NULL;
  enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;
  value = g_enum_get_value_by_nick (enum_class, nick);
  if (value == NULL)
    return NULL;
  return g_strdup (ic_form_enum_label (G_TYPE_FROM_CLASS (enum_class), value->value));
}
