/* ic-pin.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-fields.h"
#include "ic-pin.h"
#include "ic-validate.h"

struct _IcPin
{
  IcRecord parent_instance;

  char *challenge_id;
  char *capability_id;
  char *reason;
};

G_DEFINE_FINAL_TYPE (IcPin, ic_pin, IC_TYPE_RECORD)

static const IcField fields[] = {
  { "challenge-id", IC_FIELD_STRING, G_STRUCT_OFFSET (IcPin, challenge_id) },
  { "capability-id", IC_FIELD_STRING, G_STRUCT_OFFSET (IcPin, capability_id) },
  { "reason", IC_FIELD_STRING, G_STRUCT_OFFSET (IcPin, reason) },
};

IC_DEFINE_FIELD_PROPERTIES (ic_pin, fields)

static void
ic_pin_finalize (GObject *object)
{
  ic_fields_finalize (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (ic_pin_parent_class)->finalize (object);
}

/* A pin has no title of its own: its reason stands for it. */
static const char *
ic_pin_get_record_title (IcRecord *record)
{
  return IC_PIN (record)->reason;
}

static gboolean
ic_pin_validate (IcRecord    *record,
                 IcTaxonomy  *taxonomy,
                 GError     **error)
{
  IcPin *self = IC_PIN (record);

  return ic_validate_uuid (self->challenge_id, "challenge_id", error) &&
         ic_validate_uuid (self->capability_id, "capability_id", error) &&
         ic_validate_text (self->reason, "reason", IC_MAX_SHORT_TEXT_CHARS, TRUE, error);
}

static void
ic_pin_class_init (IcPinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  IcRecordClass *record_class = IC_RECORD_CLASS (klass);

  object_class->finalize = ic_pin_finalize;
  object_class->get_property = ic_pin_get_property;
  object_class->set_property = ic_pin_set_property;

  record_class->kind = IC_RECORD_KIND_PIN;
  record_class->get_title = ic_pin_get_record_title;
  record_class->validate = ic_pin_validate;

  ic_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, ic_pin_pspecs);
}

static void
ic_pin_init (IcPin *self)
{
  ic_fields_init (self, fields, G_N_ELEMENTS (fields));
}

IcPin *
ic_pin_new (const char *challenge_id,
            const char *capability_id,
            const char *reason)
{
  g_autofree char *id = ic_pin_id_for (challenge_id, capability_id);

  return g_object_new (IC_TYPE_PIN, "id", id, "challenge-id", challenge_id,
                       "capability-id", capability_id, "reason", reason, NULL);
}

const char *
ic_pin_get_challenge_id (IcPin *self)
{
  g_return_val_if_fail (IC_IS_PIN (self), NULL);
  return self->challenge_id;
}

const char *
ic_pin_get_capability_id (IcPin *self)
{
  g_return_val_if_fail (IC_IS_PIN (self), NULL);
  return self->capability_id;
}

const char *
ic_pin_get_reason (IcPin *self)
{
  g_return_val_if_fail (IC_IS_PIN (self), NULL);
  return self->reason;
}

char *
ic_pin_id_for (const char *challenge_id,
               const char *capability_id)
{
  static const guint8 name_space[16] = {
    0x2d, 0x71, 0x9a, 0x0c, 0x64, 0xe3, 0x4f, 0x1b,
    0x8a, 0x52, 0x3c, 0x97, 0xd0, 0x1e, 0x6b, 0x44,
  };

  g_return_val_if_fail (challenge_id != NULL && capability_id != NULL, NULL);
  return ic_record_id_for_pair (name_space, challenge_id, capability_id);
}
