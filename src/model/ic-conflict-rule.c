/* ic-conflict-rule.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ic-conflict-rule.h"
#include "ic-fields.h"
#include "ic-model-error.h"
#include "ic-validate.h"

struct _IcConflictRule
{
  IcRecord parent_instance;

  char *organisation_id;
  char *other_organisation_id;
  char *reason;
};

G_DEFINE_FINAL_TYPE (IcConflictRule, ic_conflict_rule, IC_TYPE_RECORD)

static const IcField fields[] = {
  { "organisation-id", IC_FIELD_STRING, G_STRUCT_OFFSET (IcConflictRule, organisation_id) },
  { "other-organisation-id", IC_FIELD_STRING, G_STRUCT_OFFSET (IcConflictRule, other_organisation_id) },
  { "reason", IC_FIELD_STRING, G_STRUCT_OFFSET (IcConflictRule, reason) },
};

IC_DEFINE_FIELD_PROPERTIES (ic_conflict_rule, fields)

static void
ic_conflict_rule_finalize (GObject *object)
{
  ic_fields_finalize (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (ic_conflict_rule_parent_class)->finalize (object);
}

static const char *
ic_conflict_rule_get_record_title (IcRecord *record)
{
  return IC_CONFLICT_RULE (record)->reason;
}

static gboolean
ic_conflict_rule_validate (IcRecord    *record,
                           IcTaxonomy  *taxonomy,
                           GError     **error)
{
  IcConflictRule *self = IC_CONFLICT_RULE (record);

  if (!ic_validate_uuid (self->organisation_id, "organisation_id", error) ||
      !ic_validate_uuid (self->other_organisation_id, "other_organisation_id", error) ||
      !ic_validate_text (self->reason, "reason", IC_MAX_SHORT_TEXT_CHARS, TRUE, error))
    return FALSE;
  if (g_ascii_strcasecmp (self->organisation_id, self->other_organisation_id) == 0)
    {
      ic_model_set_error (error, IC_MODEL_ERROR_INVALID_ID, "other_organisation_id",
                          _("A conflict of interest is between two different organisations"));
      return FALSE;
    }
  return TRUE;
}

static void
ic_conflict_rule_class_init (IcConflictRuleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  IcRecordClass *record_class = IC_RECORD_CLASS (klass);

  object_class->finalize = ic_conflict_rule_finalize;
  object_class->get_property = ic_conflict_rule_get_property;
  object_class->set_property = ic_conflict_rule_set_property;

  record_class->kind = IC_RECORD_KIND_CONFLICT_RULE;
  record_class->get_title = ic_conflict_rule_get_record_title;
  record_class->validate = ic_conflict_rule_validate;

  ic_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, ic_conflict_rule_pspecs);
}

static void
ic_conflict_rule_init (IcConflictRule *self)
{
  ic_fields_init (self, fields, G_N_ELEMENTS (fields));
}

IcConflictRule *
ic_conflict_rule_new (const char *organisation_id,
                      const char *other_organisation_id,
                      const char *reason)
{
  g_autofree char *id = NULL;
  gboolean swap;

  g_return_val_if_fail (organisation_id != NULL && other_organisation_id != NULL, NULL);

  id = ic_conflict_rule_id_for (organisation_id, other_organisation_id);
  swap = strcmp (organisation_id, other_organisation_id) > 0;
  return g_object_new (IC_TYPE_CONFLICT_RULE, "id", id,
                       "organisation-id", swap ? other_organisation_id : organisation_id,
                       "other-organisation-id", swap ? organisation_id : other_organisation_id,
                       "reason", reason, NULL);
}

const char *
ic_conflict_rule_get_organisation_id (IcConflictRule *self)
{
  g_return_val_if_fail (IC_IS_CONFLICT_RULE (self), NULL);
  return self->organisation_id;
}

const char *
ic_conflict_rule_get_other_organisation_id (IcConflictRule *self)
{
  g_return_val_if_fail (IC_IS_CONFLICT_RULE (self), NULL);
  return self->other_organisation_id;
}

const char *
ic_conflict_rule_get_reason (IcConflictRule *self)
{
  g_return_val_if_fail (IC_IS_CONFLICT_RULE (self), NULL);
  return self->reason;
}

char *
ic_conflict_rule_id_for (const char *organisation_id,
                         const char *other_organisation_id)
{
  static const guint8 name_space[16] = {
    0x91, 0x3e, 0x57, 0xb0, 0x2c, 0x48, 0x4d, 0x6a,
    0x9f, 0x13, 0x7e, 0x25, 0xc8, 0x60, 0xa4, 0x0d,
  };

  g_return_val_if_fail (organisation_id != NULL && other_organisation_id != NULL, NULL);
  if (strcmp (organisation_id, other_organisation_id) > 0)
    return ic_record_id_for_pair (name_space, other_organisation_id, organisation_id);
  return ic_record_id_for_pair (name_space, organisation_id, other_organisation_id);
}
