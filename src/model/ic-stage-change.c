/* ic-stage-change.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-fields.h"
#include "ic-model-enums.h"
#include "ic-model-error.h"
#include "ic-stage-change.h"
#include "ic-validate.h"

struct _IcStageChange
{
  GObject parent_instance;

  IcStage stage;
  char *at;
  char *author;
  IcDeclineReason reason;
  char *reason_text;
};

G_DEFINE_FINAL_TYPE (IcStageChange, ic_stage_change, G_TYPE_OBJECT)

static const IcField fields[] = {
  { "stage", IC_FIELD_ENUM, G_STRUCT_OFFSET (IcStageChange, stage), 0, 0, IC_STAGE_PROPOSED, ic_stage_get_type },
  { "at", IC_FIELD_STRING, G_STRUCT_OFFSET (IcStageChange, at) },
  { "author", IC_FIELD_STRING, G_STRUCT_OFFSET (IcStageChange, author) },
  { "reason", IC_FIELD_ENUM, G_STRUCT_OFFSET (IcStageChange, reason), 0, 0, IC_DECLINE_REASON_NONE, ic_decline_reason_get_type },
  { "reason-text", IC_FIELD_STRING, G_STRUCT_OFFSET (IcStageChange, reason_text) },
};

IC_DEFINE_FIELD_PROPERTIES (ic_stage_change, fields)

static void
ic_stage_change_finalize (GObject *object)
{
  ic_fields_finalize (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (ic_stage_change_parent_class)->finalize (object);
}

static void
ic_stage_change_class_init (IcStageChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ic_stage_change_finalize;
  object_class->get_property = ic_stage_change_get_property;
  object_class->set_property = ic_stage_change_set_property;

  ic_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, ic_stage_change_pspecs);
}

static void
ic_stage_change_init (IcStageChange *self)
{
  ic_fields_init (self, fields, G_N_ELEMENTS (fields));
}

IcStageChange *
ic_stage_change_new (IcStage          stage,
                     const char      *at,
                     const char      *author,
                     IcDeclineReason  reason,
                     const char      *reason_text)
{
  return g_object_new (IC_TYPE_STAGE_CHANGE,
                       "stage", stage,
                       "at", at,
                       "author", author,
                       "reason", reason,
                       "reason-text", reason_text,
                       NULL);
}

IcStage
ic_stage_change_get_stage (IcStageChange *self)
{
  g_return_val_if_fail (IC_IS_STAGE_CHANGE (self), IC_STAGE_PROPOSED);
  return self->stage;
}

const char *
ic_stage_change_get_at (IcStageChange *self)
{
  g_return_val_if_fail (IC_IS_STAGE_CHANGE (self), NULL);
  return self->at;
}

const char *
ic_stage_change_get_author (IcStageChange *self)
{
  g_return_val_if_fail (IC_IS_STAGE_CHANGE (self), NULL);
  return self->author;
}

IcDeclineReason
ic_stage_change_get_reason (IcStageChange *self)
{
  g_return_val_if_fail (IC_IS_STAGE_CHANGE (self), IC_DECLINE_REASON_NONE);
  return self->reason;
}

const char *
ic_stage_change_get_reason_text (IcStageChange *self)
{
  g_return_val_if_fail (IC_IS_STAGE_CHANGE (self), NULL);
  return self->reason_text;
}

gboolean
ic_stage_change_validate (IcStageChange  *self,
                          const char     *field,
                          GError        **error)
{
  g_autofree char *at_field = g_strconcat (field, ".at", NULL);
  g_autofree char *author_field = g_strconcat (field, ".author", NULL);
  g_autofree char *reason_field = g_strconcat (field, ".reason", NULL);
  g_autofree char *text_field = g_strconcat (field, ".reason_text", NULL);

  g_return_val_if_fail (IC_IS_STAGE_CHANGE (self), FALSE);

  if (self->at == NULL || self->at[0] == '\0')
    {
      ic_model_set_error (error, IC_MODEL_ERROR_REQUIRED, at_field,
                          _("a stage change needs the time it happened"));
      return FALSE;
    }
  if (!ic_validate_timestamp (self->at, at_field, error))
    return FALSE;
  /* Kept in UTC, so that the times sort and compare as text. */
  if (!g_str_has_suffix (self->at, "Z"))
    {
      ic_model_set_error (error, IC_MODEL_ERROR_INVALID_DATE, at_field,
                          _("“%s” is not in UTC (it must end in Z)"), self->at);
      return FALSE;
    }
  if (self->reason != IC_DECLINE_REASON_NONE && self->stage != IC_STAGE_DECLINED)
    {
      ic_model_set_error (error, IC_MODEL_ERROR_UNKNOWN_VALUE, reason_field,
                          _("only a decline has a reason"));
      return FALSE;
    }
  return ic_validate_text (self->author, author_field, IC_MAX_NAME_CHARS, FALSE, error) &&
         ic_validate_text (self->reason_text, text_field, IC_MAX_SHORT_TEXT_CHARS, FALSE, error);
}

int
ic_stage_change_compare_at (IcStageChange *a,
                            IcStageChange *b)
{
  g_autoptr(GDateTime) ta = NULL;
  g_autoptr(GDateTime) tb = NULL;

  g_return_val_if_fail (IC_IS_STAGE_CHANGE (a) && IC_IS_STAGE_CHANGE (b), 0);

  ta = a->at ? g_date_time_new_from_iso8601 (a->at, NULL) : NULL;
  tb = b->at ? g_date_time_new_from_iso8601 (b->at, NULL) : NULL;
  if (ta != NULL && tb != NULL)
    return g_date_time_compare (ta, tb);
  return g_strcmp0 (a->at, b->at);
}
