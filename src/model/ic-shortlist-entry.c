/* ic-shortlist-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-shortlist-entry.h"
#include "ic-fields.h"
#include "ic-model-enums.h"
#include "ic-model-error.h"
#include "ic-validate.h"

struct _IcShortlistEntry
{
  GObject parent_instance;

  char *capability_id;
  double score;
  char *explanation;
  char *note;
  IcStage stage;
};

G_DEFINE_FINAL_TYPE (IcShortlistEntry, ic_shortlist_entry, G_TYPE_OBJECT)

static const IcField fields[] = {
  { "capability-id", IC_FIELD_STRING, G_STRUCT_OFFSET (IcShortlistEntry, capability_id) },
  { "score", IC_FIELD_DOUBLE, G_STRUCT_OFFSET (IcShortlistEntry, score), 0, 1, 0 },
  { "explanation", IC_FIELD_STRING, G_STRUCT_OFFSET (IcShortlistEntry, explanation) },
  { "note", IC_FIELD_STRING, G_STRUCT_OFFSET (IcShortlistEntry, note) },
  { "stage", IC_FIELD_ENUM, G_STRUCT_OFFSET (IcShortlistEntry, stage), 0, 0, IC_STAGE_PROPOSED, ic_stage_get_type },
};

IC_DEFINE_FIELD_PROPERTIES (ic_shortlist_entry, fields)

static void
ic_shortlist_entry_finalize (GObject *object)
{
  ic_fields_finalize (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (ic_shortlist_entry_parent_class)->finalize (object);
}

static void
ic_shortlist_entry_class_init (IcShortlistEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ic_shortlist_entry_finalize;
  object_class->get_property = ic_shortlist_entry_get_property;
  object_class->set_property = ic_shortlist_entry_set_property;

  ic_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, ic_shortlist_entry_pspecs);
}

static void
ic_shortlist_entry_init (IcShortlistEntry *self)
{
  ic_fields_init (self, fields, G_N_ELEMENTS (fields));
}

IcShortlistEntry *
ic_shortlist_entry_new (void)
{
  return g_object_new (IC_TYPE_SHORTLIST_ENTRY, NULL);
}

const char *
ic_shortlist_entry_get_capability_id (IcShortlistEntry *self)
{
  g_return_val_if_fail (IC_IS_SHORTLIST_ENTRY (self), 0);
  return self->capability_id;
}

void
ic_shortlist_entry_set_capability_id (IcShortlistEntry *self,
                                      const char *capability_id)
{
  g_return_if_fail (IC_IS_SHORTLIST_ENTRY (self));
  g_object_set (self, "capability-id", capability_id, NULL);
}

double
ic_shortlist_entry_get_score (IcShortlistEntry *self)
{
  g_return_val_if_fail (IC_IS_SHORTLIST_ENTRY (self), 0);
  return self->score;
}

void
ic_shortlist_entry_set_score (IcShortlistEntry *self,
                              double score)
{
  g_return_if_fail (IC_IS_SHORTLIST_ENTRY (self));
  g_object_set (self, "score", score, NULL);
}

const char *
ic_shortlist_entry_get_explanation (IcShortlistEntry *self)
{
  g_return_val_if_fail (IC_IS_SHORTLIST_ENTRY (self), 0);
  return self->explanation;
}

void
ic_shortlist_entry_set_explanation (IcShortlistEntry *self,
                                    const char *explanation)
{
  g_return_if_fail (IC_IS_SHORTLIST_ENTRY (self));
  g_object_set (self, "explanation", explanation, NULL);
}

const char *
ic_shortlist_entry_get_note (IcShortlistEntry *self)
{
  g_return_val_if_fail (IC_IS_SHORTLIST_ENTRY (self), 0);
  return self->note;
}

void
ic_shortlist_entry_set_note (IcShortlistEntry *self,
                             const char *note)
{
  g_return_if_fail (IC_IS_SHORTLIST_ENTRY (self));
  g_object_set (self, "note", note, NULL);
}

IcStage
ic_shortlist_entry_get_stage (IcShortlistEntry *self)
{
  g_return_val_if_fail (IC_IS_SHORTLIST_ENTRY (self), 0);
  return self->stage;
}

void
ic_shortlist_entry_set_stage (IcShortlistEntry *self,
                              IcStage stage)
{
  g_return_if_fail (IC_IS_SHORTLIST_ENTRY (self));
  g_object_set (self, "stage", stage, NULL);
}

gboolean
ic_shortlist_entry_validate (IcShortlistEntry *self,
                             guint             position,
                             GError          **error)
{
  g_autofree char *field = g_strdup_printf ("entries[%u]", position);
  g_autofree char *capability_field = g_strconcat (field, ".capability_id", NULL);
  g_autofree char *note_field = g_strconcat (field, ".note", NULL);
  g_autofree char *explanation_field = g_strconcat (field, ".explanation", NULL);

  g_return_val_if_fail (IC_IS_SHORTLIST_ENTRY (self), FALSE);

  return ic_validate_uuid (self->capability_id, capability_field, error) &&
         ic_validate_text (self->note, note_field, IC_MAX_DESCRIPTION_CHARS, FALSE, error) &&
         ic_validate_text (self->explanation, explanation_field, IC_MAX_DESCRIPTION_CHARS, FALSE, error);
}
