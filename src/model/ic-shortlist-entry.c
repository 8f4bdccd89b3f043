/* ic-shortlist-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-shortlist-entry.h"
#include "ic-stage-change.h"
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
  GListStore *stages;
};

G_DEFINE_FINAL_TYPE (IcShortlistEntry, ic_shortlist_entry, G_TYPE_OBJECT)

static const IcField fields[] = {
  { "capability-id", IC_FIELD_STRING, G_STRUCT_OFFSET (IcShortlistEntry, capability_id) },
  { "score", IC_FIELD_DOUBLE, G_STRUCT_OFFSET (IcShortlistEntry, score), 0, 1, 0 },
  { "explanation", IC_FIELD_STRING, G_STRUCT_OFFSET (IcShortlistEntry, explanation) },
  { "note", IC_FIELD_STRING, G_STRUCT_OFFSET (IcShortlistEntry, note) },
  { "stage", IC_FIELD_ENUM, G_STRUCT_OFFSET (IcShortlistEntry, stage), 0, 0, IC_STAGE_PROPOSED, ic_stage_get_type },
};

enum {
  PROP_STAGES = G_N_ELEMENTS (fields) + 1,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ic_shortlist_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IcShortlistEntry *self = IC_SHORTLIST_ENTRY (object);

  if (prop_id == PROP_STAGES)
    g_value_set_object (value, self->stages);
  else if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (fields))
    ic_fields_get_property (object, &fields[prop_id - 1], value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ic_shortlist_entry_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (fields))
    ic_fields_set_property (object, &fields[prop_id - 1], value, pspec);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ic_shortlist_entry_finalize (GObject *object)
{
  IcShortlistEntry *self = IC_SHORTLIST_ENTRY (object);

  ic_fields_finalize (object, fields, G_N_ELEMENTS (fields));
  g_clear_object (&self->stages);

  G_OBJECT_CLASS (ic_shortlist_entry_parent_class)->finalize (object);
}

static void
ic_shortlist_entry_class_init (IcShortlistEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ic_shortlist_entry_finalize;
  object_class->get_property = ic_shortlist_entry_get_property;
  object_class->set_property = ic_shortlist_entry_set_property;

  ic_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, properties);
  /* Every move to a stage, oldest first; the last one is the stage. */
  properties[PROP_STAGES] =
    g_param_spec_object ("stages", NULL, NULL, G_TYPE_LIST_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_STAGES, properties[PROP_STAGES]);
}

static void
ic_shortlist_entry_init (IcShortlistEntry *self)
{
  ic_fields_init (self, fields, G_N_ELEMENTS (fields));
  self->stages = g_list_store_new (IC_TYPE_STAGE_CHANGE);
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

  guint n_stages;

  g_return_val_if_fail (IC_IS_SHORTLIST_ENTRY (self), FALSE);

  if (!ic_validate_uuid (self->capability_id, capability_field, error) ||
      !ic_validate_text (self->note, note_field, IC_MAX_DESCRIPTION_CHARS, FALSE, error) ||
      !ic_validate_text (self->explanation, explanation_field, IC_MAX_DESCRIPTION_CHARS, FALSE, error))
    return FALSE;

  n_stages = g_list_model_get_n_items (G_LIST_MODEL (self->stages));
  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(IcStageChange) change = g_list_model_get_item (G_LIST_MODEL (self->stages), i);
      g_autofree char *stage_field = g_strdup_printf ("%s.stages[%u]", field, i + 1);

      if (!ic_stage_change_validate (change, stage_field, error))
        return FALSE;
      if (i > 0)
        {
          g_autoptr(IcStageChange) before = g_list_model_get_item (G_LIST_MODEL (self->stages), i - 1);

          if (ic_stage_change_compare_at (before, change) > 0)
            {
              ic_model_set_error (error, IC_MODEL_ERROR_OUT_OF_RANGE, stage_field,
                                  _("the stage changes must be in the order they happened"));
              return FALSE;
            }
        }
    }
  return TRUE;
}

GListStore *
ic_shortlist_entry_get_stages (IcShortlistEntry *self)
{
  g_return_val_if_fail (IC_IS_SHORTLIST_ENTRY (self), NULL);
  return self->stages;
}

IcStageChange *
ic_shortlist_entry_get_last_change (IcShortlistEntry *self)
{
  guint n;
  IcStageChange *last;

  g_return_val_if_fail (IC_IS_SHORTLIST_ENTRY (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->stages));
  if (n == 0)
    return NULL;
  last = g_list_model_get_item (G_LIST_MODEL (self->stages), n - 1);
  g_object_unref (last); /* the store keeps it alive */
  return last;
}

void
ic_shortlist_entry_add_stage_change (IcShortlistEntry *self,
                                     IcStageChange    *change)
{
  guint n, position;

  g_return_if_fail (IC_IS_SHORTLIST_ENTRY (self));
  g_return_if_fail (IC_IS_STAGE_CHANGE (change));

  /* After every change made at the same time or earlier: a change
   * recorded later for an earlier date goes in its place. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->stages));
  for (position = n; position > 0; position--)
    {
      g_autoptr(IcStageChange) before = g_list_model_get_item (G_LIST_MODEL (self->stages),
                                                               position - 1);
      if (ic_stage_change_compare_at (before, change) <= 0)
        break;
    }
  g_list_store_insert (self->stages, position, change);
  ic_shortlist_entry_set_stage (self, ic_stage_change_get_stage (ic_shortlist_entry_get_last_change (self)));
}

gboolean
ic_shortlist_entry_complete_stages (IcShortlistEntry *self,
                                    const char       *at,
                                    const char       *author)
{
  IcStageChange *last;
  g_autoptr(IcStageChange) change = NULL;

  g_return_val_if_fail (IC_IS_SHORTLIST_ENTRY (self), FALSE);

  last = ic_shortlist_entry_get_last_change (self);
  if (last != NULL && ic_stage_change_get_stage (last) == self->stage)
    return FALSE;
  change = ic_stage_change_new (self->stage, at, author, IC_DECLINE_REASON_NONE, NULL);
  /* Never before the change it follows (a clock behind, a change dated
   * ahead): the changes stay in time order. */
  if (last != NULL && ic_stage_change_compare_at (change, last) < 0)
    {
      g_clear_object (&change);
      change = ic_stage_change_new (self->stage, ic_stage_change_get_at (last), author,
                                    IC_DECLINE_REASON_NONE, NULL);
    }
  g_list_store_append (self->stages, change);
  return TRUE;
}
