/* ic-challenge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-challenge.h"
#include "ic-fields.h"
#include "ic-model-enums.h"
#include "ic-model-error.h"
#include "ic-validate.h"

struct _IcChallenge
{
  IcRecord parent_instance;

  char *organisation_id;
  char *title;
  char *description;
  char *cluster;
  char **tags;
  int trl_min;
  int trl_max;
  gint64 budget_min;
  gint64 budget_max;
  char *deadline;
  char *local_authority;
  IcChallengeStatus status;
  char *contact;
  char *public_label;
};

G_DEFINE_FINAL_TYPE (IcChallenge, ic_challenge, IC_TYPE_RECORD)

static const IcField fields[] = {
  { "organisation-id", IC_FIELD_STRING, G_STRUCT_OFFSET (IcChallenge, organisation_id) },
  { "title", IC_FIELD_STRING, G_STRUCT_OFFSET (IcChallenge, title) },
  { "description", IC_FIELD_STRING, G_STRUCT_OFFSET (IcChallenge, description) },
  { "cluster", IC_FIELD_STRING, G_STRUCT_OFFSET (IcChallenge, cluster) },
  { "tags", IC_FIELD_TAGS, G_STRUCT_OFFSET (IcChallenge, tags) },
  { "trl-min", IC_FIELD_INT, G_STRUCT_OFFSET (IcChallenge, trl_min), 0, 100, 1 },
  { "trl-max", IC_FIELD_INT, G_STRUCT_OFFSET (IcChallenge, trl_max), 0, 100, 9 },
  { "budget-min", IC_FIELD_INT64, G_STRUCT_OFFSET (IcChallenge, budget_min), -1, G_MAXINT64, 0 },
  { "budget-max", IC_FIELD_INT64, G_STRUCT_OFFSET (IcChallenge, budget_max), -1, G_MAXINT64, 0 },
  { "deadline", IC_FIELD_STRING, G_STRUCT_OFFSET (IcChallenge, deadline) },
  { "local-authority", IC_FIELD_STRING, G_STRUCT_OFFSET (IcChallenge, local_authority) },
  { "status", IC_FIELD_ENUM, G_STRUCT_OFFSET (IcChallenge, status), 0, 0, IC_CHALLENGE_STATUS_OPEN, ic_challenge_status_get_type },
  { "contact", IC_FIELD_STRING, G_STRUCT_OFFSET (IcChallenge, contact) },
  { "public-label", IC_FIELD_STRING, G_STRUCT_OFFSET (IcChallenge, public_label) },
};

IC_DEFINE_FIELD_PROPERTIES (ic_challenge, fields)

static void
ic_challenge_finalize (GObject *object)
{
  ic_fields_finalize (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (ic_challenge_parent_class)->finalize (object);
}

static const char *
ic_challenge_get_record_title (IcRecord *record)
{
  return IC_CHALLENGE (record)->title;
}

static gboolean
ic_challenge_validate (IcRecord   *record,
                       IcTaxonomy *taxonomy,
                       GError    **error)
{
  IcChallenge *self = IC_CHALLENGE (record);

  if (!ic_validate_uuid (self->organisation_id, "organisation_id", error) ||
      !ic_validate_text (self->title, "title", IC_MAX_TITLE_CHARS, TRUE, error) ||
      !ic_validate_text (self->description, "description", IC_MAX_DESCRIPTION_CHARS, FALSE, error) ||
      !ic_validate_cluster (taxonomy, self->cluster, "cluster", error) ||
      !ic_validate_tags ((const char * const *) self->tags, "tags", error) ||
      !ic_validate_int_range (self->trl_min, 1, 9, "trl_min", error) ||
      !ic_validate_int_range (self->trl_max, 1, 9, "trl_max", error) ||
      !ic_validate_int_range (self->budget_min, 0, G_MAXINT64, "budget_min", error) ||
      !ic_validate_int_range (self->budget_max, 0, G_MAXINT64, "budget_max", error) ||
      !ic_validate_date (self->deadline, "deadline", error) ||
      !ic_validate_place (taxonomy, self->local_authority, "local_authority", error) ||
      !ic_validate_text (self->contact, "contact", IC_MAX_SHORT_TEXT_CHARS, FALSE, error) ||
      !ic_validate_text (self->public_label, "public_label", IC_MAX_TITLE_CHARS, FALSE, error))
    return FALSE;

  if (self->trl_min > self->trl_max)
    {
      ic_model_set_error (error, IC_MODEL_ERROR_OUT_OF_RANGE, "trl_min",
                          _("the lowest TRL, %d, is above the highest, %d"),
                          self->trl_min, self->trl_max);
      return FALSE;
    }
  if (self->budget_min > self->budget_max)
    {
      ic_model_set_error (error, IC_MODEL_ERROR_OUT_OF_RANGE, "budget_min",
                          _("the lowest budget, £%" G_GINT64_FORMAT ", is above the highest, £%"
                            G_GINT64_FORMAT),
                          self->budget_min, self->budget_max);
      return FALSE;
    }
  return TRUE;
}

static void
ic_challenge_class_init (IcChallengeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  IcRecordClass *record_class = IC_RECORD_CLASS (klass);

  object_class->finalize = ic_challenge_finalize;
  object_class->get_property = ic_challenge_get_property;
  object_class->set_property = ic_challenge_set_property;

  record_class->kind = IC_RECORD_KIND_CHALLENGE;
  record_class->get_title = ic_challenge_get_record_title;
  record_class->validate = ic_challenge_validate;

  ic_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, ic_challenge_pspecs);
}

static void
ic_challenge_init (IcChallenge *self)
{
  ic_fields_init (self, fields, G_N_ELEMENTS (fields));
}

IcChallenge *
ic_challenge_new (void)
{
  return g_object_new (IC_TYPE_CHALLENGE, NULL);
}

const char *
ic_challenge_get_organisation_id (IcChallenge *self)
{
  g_return_val_if_fail (IC_IS_CHALLENGE (self), 0);
  return self->organisation_id;
}

void
ic_challenge_set_organisation_id (IcChallenge *self,
                                  const char *organisation_id)
{
  g_return_if_fail (IC_IS_CHALLENGE (self));
  g_object_set (self, "organisation-id", organisation_id, NULL);
}

const char *
ic_challenge_get_title (IcChallenge *self)
{
  g_return_val_if_fail (IC_IS_CHALLENGE (self), 0);
  return self->title;
}

void
ic_challenge_set_title (IcChallenge *self,
                        const char *title)
{
  g_return_if_fail (IC_IS_CHALLENGE (self));
  g_object_set (self, "title", title, NULL);
}

const char *
ic_challenge_get_description (IcChallenge *self)
{
  g_return_val_if_fail (IC_IS_CHALLENGE (self), 0);
  return self->description;
}

void
ic_challenge_set_description (IcChallenge *self,
                              const char *description)
{
  g_return_if_fail (IC_IS_CHALLENGE (self));
  g_object_set (self, "description", description, NULL);
}

const char *
ic_challenge_get_cluster (IcChallenge *self)
{
  g_return_val_if_fail (IC_IS_CHALLENGE (self), 0);
  return self->cluster;
}

void
ic_challenge_set_cluster (IcChallenge *self,
                          const char *cluster)
{
  g_return_if_fail (IC_IS_CHALLENGE (self));
  g_object_set (self, "cluster", cluster, NULL);
}

const char * const *
ic_challenge_get_tags (IcChallenge *self)
{
  g_return_val_if_fail (IC_IS_CHALLENGE (self), 0);
  return (const char * const *) self->tags;
}

void
ic_challenge_set_tags (IcChallenge *self,
                       const char * const *tags)
{
  g_return_if_fail (IC_IS_CHALLENGE (self));
  g_object_set (self, "tags", tags, NULL);
}

int
ic_challenge_get_trl_min (IcChallenge *self)
{
  g_return_val_if_fail (IC_IS_CHALLENGE (self), 0);
  return self->trl_min;
}

void
ic_challenge_set_trl_min (IcChallenge *self,
                          int trl_min)
{
  g_return_if_fail (IC_IS_CHALLENGE (self));
  g_object_set (self, "trl-min", trl_min, NULL);
}

int
ic_challenge_get_trl_max (IcChallenge *self)
{
  g_return_val_if_fail (IC_IS_CHALLENGE (self), 0);
  return self->trl_max;
}

void
ic_challenge_set_trl_max (IcChallenge *self,
                          int trl_max)
{
  g_return_if_fail (IC_IS_CHALLENGE (self));
  g_object_set (self, "trl-max", trl_max, NULL);
}

gint64
ic_challenge_get_budget_min (IcChallenge *self)
{
  g_return_val_if_fail (IC_IS_CHALLENGE (self), 0);
  return self->budget_min;
}

void
ic_challenge_set_budget_min (IcChallenge *self,
                             gint64 budget_min)
{
  g_return_if_fail (IC_IS_CHALLENGE (self));
  g_object_set (self, "budget-min", budget_min, NULL);
}

gint64
ic_challenge_get_budget_max (IcChallenge *self)
{
  g_return_val_if_fail (IC_IS_CHALLENGE (self), 0);
  return self->budget_max;
}

void
ic_challenge_set_budget_max (IcChallenge *self,
                             gint64 budget_max)
{
  g_return_if_fail (IC_IS_CHALLENGE (self));
  g_object_set (self, "budget-max", budget_max, NULL);
}

const char *
ic_challenge_get_deadline (IcChallenge *self)
{
  g_return_val_if_fail (IC_IS_CHALLENGE (self), 0);
  return self->deadline;
}

void
ic_challenge_set_deadline (IcChallenge *self,
                           const char *deadline)
{
  g_return_if_fail (IC_IS_CHALLENGE (self));
  g_object_set (self, "deadline", deadline, NULL);
}

const char *
ic_challenge_get_local_authority (IcChallenge *self)
{
  g_return_val_if_fail (IC_IS_CHALLENGE (self), 0);
  return self->local_authority;
}

void
ic_challenge_set_local_authority (IcChallenge *self,
                                  const char *local_authority)
{
  g_return_if_fail (IC_IS_CHALLENGE (self));
  g_object_set (self, "local-authority", local_authority, NULL);
}

IcChallengeStatus
ic_challenge_get_status (IcChallenge *self)
{
  g_return_val_if_fail (IC_IS_CHALLENGE (self), 0);
  return self->status;
}

void
ic_challenge_set_status (IcChallenge *self,
                         IcChallengeStatus status)
{
  g_return_if_fail (IC_IS_CHALLENGE (self));
  g_object_set (self, "status", status, NULL);
}

const char *
ic_challenge_get_contact (IcChallenge *self)
{
  g_return_val_if_fail (IC_IS_CHALLENGE (self), 0);
  return self->contact;
}

void
ic_challenge_set_contact (IcChallenge *self,
                          const char *contact)
{
  g_return_if_fail (IC_IS_CHALLENGE (self));
  g_object_set (self, "contact", contact, NULL);
}

const char *
ic_challenge_get_public_label (IcChallenge *self)
{
  g_return_val_if_fail (IC_IS_CHALLENGE (self), NULL);
  return self->public_label;
}

void
ic_challenge_set_public_label (IcChallenge *self,
                               const char  *public_label)
{
  g_return_if_fail (IC_IS_CHALLENGE (self));
  g_object_set (self, "public-label", public_label, NULL);
}
