/* ic-exclusion.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-exclusion.h"
#include "ic-fields.h"
#include "ic-model-enums.h"
#include "ic-model-error.h"
#include "ic-validate.h"

struct _IcExclusion
{
  IcRecord parent_instance;

  char *challenge_id;
  char *capability_id;
  IcDeclineReason reason;
  char *reason_text;
};

G_DEFINE_FINAL_TYPE (IcExclusion, ic_exclusion, IC_TYPE_RECORD)

static const IcField fields[] = {
  { "challenge-id", IC_FIELD_STRING, G_STRUCT_OFFSET (IcExclusion, challenge_id) },
  { "capability-id", IC_FIELD_STRING, G_STRUCT_OFFSET (IcExclusion, capability_id) },
  { "reason", IC_FIELD_ENUM, G_STRUCT_OFFSET (IcExclusion, reason), 0, 0,
    IC_DECLINE_REASON_NONE, ic_decline_reason_get_type },
  { "reason-text", IC_FIELD_STRING, G_STRUCT_OFFSET (IcExclusion, reason_text) },
};

IC_DEFINE_FIELD_PROPERTIES (ic_exclusion, fields)

static void
ic_exclusion_finalize (GObject *object)
{
  ic_fields_finalize (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (ic_exclusion_parent_class)->finalize (object);
}

/* A pair has no title of its own: the challenge's id stands for it. */
static const char *
ic_exclusion_get_record_title (IcRecord *record)
{
  return IC_EXCLUSION (record)->challenge_id;
}

static gboolean
ic_exclusion_validate (IcRecord   *record,
                           IcTaxonomy *taxonomy,
                           GError    **error)
{
  IcExclusion *self = IC_EXCLUSION (record);

  /* "Other" says what the other reason is. */
  return ic_validate_uuid (self->challenge_id, "challenge_id", error) &&
         ic_validate_uuid (self->capability_id, "capability_id", error) &&
         ic_validate_text (self->reason_text, "reason_text", IC_MAX_SHORT_TEXT_CHARS,
                           self->reason == IC_DECLINE_REASON_OTHER, error);
}

static void
ic_exclusion_class_init (IcExclusionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  IcRecordClass *record_class = IC_RECORD_CLASS (klass);

  object_class->finalize = ic_exclusion_finalize;
  object_class->get_property = ic_exclusion_get_property;
  object_class->set_property = ic_exclusion_set_property;

  record_class->kind = IC_RECORD_KIND_EXCLUDED_PAIR;
  record_class->get_title = ic_exclusion_get_record_title;
  record_class->validate = ic_exclusion_validate;

  ic_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, ic_exclusion_pspecs);
}

static void
ic_exclusion_init (IcExclusion *self)
{
  ic_fields_init (self, fields, G_N_ELEMENTS (fields));
}

IcExclusion *
ic_exclusion_new (const char *challenge_id,
                      const char *capability_id)
{
  g_autofree char *id = ic_exclusion_id_for (challenge_id, capability_id);

  return g_object_new (IC_TYPE_EXCLUSION, "id", id, "challenge-id", challenge_id,
                       "capability-id", capability_id, NULL);
}

const char *
ic_exclusion_get_challenge_id (IcExclusion *self)
{
  g_return_val_if_fail (IC_IS_EXCLUSION (self), NULL);
  return self->challenge_id;
}

IcDeclineReason
ic_exclusion_get_reason (IcExclusion *self)
{
  g_return_val_if_fail (IC_IS_EXCLUSION (self), IC_DECLINE_REASON_NONE);
  return self->reason;
}

const char *
ic_exclusion_get_reason_text (IcExclusion *self)
{
  g_return_val_if_fail (IC_IS_EXCLUSION (self), NULL);
  return self->reason_text;
}

void
ic_exclusion_set_reason (IcExclusion     *self,
                         IcDeclineReason  reason,
                         const char      *text)
{
  g_return_if_fail (IC_IS_EXCLUSION (self));
  g_object_set (self, "reason", reason, "reason-text", text, NULL);
}

const char *
ic_exclusion_get_capability_id (IcExclusion *self)
{
  g_return_val_if_fail (IC_IS_EXCLUSION (self), NULL);
  return self->capability_id;
}

/* RFC 9562 name-based UUID, version 5, in a namespace of our own. */
char *
ic_exclusion_id_for (const char *challenge_id,
                         const char *capability_id)
{
  static const guint8 namespace[16] = {
    0x5b, 0x8f, 0x2e, 0x41, 0x9c, 0x3d, 0x4a, 0x71,
    0xb2, 0x66, 0x0d, 0x1e, 0x7a, 0xc4, 0x93, 0x58,
  };
  g_return_val_if_fail (challenge_id != NULL && capability_id != NULL, NULL);

  return ic_record_id_for_pair (namespace, challenge_id, capability_id);
}
