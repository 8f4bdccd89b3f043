/* ic-event-participant.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The available slots are an immutable GVariant ("au"), so that copying
 * a participant (ic_object_copy_fields()) shares nothing mutable.
 */

#include "config.h"

#include <stdlib.h>

#include "ic-event-participant.h"
#include "ic-fields.h"

struct _IcEventParticipant
{
  GObject   parent_instance;

  char     *organisation_id;
  int       max_meetings;
  GVariant *available;    /* "au", or NULL for every slot */
};

G_DEFINE_FINAL_TYPE (IcEventParticipant, ic_event_participant, G_TYPE_OBJECT)

static const IcField fields[] = {
  { "organisation-id", IC_FIELD_STRING, G_STRUCT_OFFSET (IcEventParticipant, organisation_id) },
  { "max-meetings", IC_FIELD_INT, G_STRUCT_OFFSET (IcEventParticipant, max_meetings), -1, 1000, -1 },
};

enum {
  PROP_AVAILABLE = G_N_ELEMENTS (fields) + 1,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ic_event_participant_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  IcEventParticipant *self = IC_EVENT_PARTICIPANT (object);

  if (prop_id == PROP_AVAILABLE)
    g_value_set_variant (value, self->available);
  else if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (fields))
    ic_fields_get_property (object, &fields[prop_id - 1], value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

/* An empty list that is not NULL (which would mean every slot). */
static const guint32 no_slots[1] = { 0 };

static void
set_available_variant (IcEventParticipant *self,
                       GVariant           *available)
{
  const guint32 *slots = NULL;
  gsize n = 0;

  if (available != NULL)
    {
      slots = g_variant_get_fixed_array (available, &n, sizeof (guint32));
      if (n == 0)
        slots = no_slots;
    }
  ic_event_participant_set_available (self, slots, n);
}

static void
ic_event_participant_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  IcEventParticipant *self = IC_EVENT_PARTICIPANT (object);

  if (prop_id == PROP_AVAILABLE)
    set_available_variant (self, g_value_get_variant (value));
  else if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (fields))
    ic_fields_set_property (object, &fields[prop_id - 1], value, pspec);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ic_event_participant_finalize (GObject *object)
{
  IcEventParticipant *self = IC_EVENT_PARTICIPANT (object);

  ic_fields_finalize (object, fields, G_N_ELEMENTS (fields));
  g_clear_pointer (&self->available, g_variant_unref);

  G_OBJECT_CLASS (ic_event_participant_parent_class)->finalize (object);
}

static void
ic_event_participant_class_init (IcEventParticipantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ic_event_participant_finalize;
  object_class->get_property = ic_event_participant_get_property;
  object_class->set_property = ic_event_participant_set_property;

  ic_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, properties);
  properties[PROP_AVAILABLE] =
    g_param_spec_variant ("available", NULL, NULL, G_VARIANT_TYPE ("au"), NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_AVAILABLE, properties[PROP_AVAILABLE]);
}

static void
ic_event_participant_init (IcEventParticipant *self)
{
  ic_fields_init (self, fields, G_N_ELEMENTS (fields));
}

IcEventParticipant *
ic_event_participant_new (const char *organisation_id)
{
  return g_object_new (IC_TYPE_EVENT_PARTICIPANT, "organisation-id", organisation_id, NULL);
}

const char *
ic_event_participant_get_organisation_id (IcEventParticipant *self)
{
  g_return_val_if_fail (IC_IS_EVENT_PARTICIPANT (self), NULL);
  return self->organisation_id;
}

/* Sets the organisation's id (a UUID; checked by the event). */
void
ic_event_participant_set_organisation_id (IcEventParticipant *self,
                                          const char         *organisation_id)
{
  g_return_if_fail (IC_IS_EVENT_PARTICIPANT (self));
  g_object_set (self, "organisation-id", organisation_id, NULL);
}

int
ic_event_participant_get_max_meetings (IcEventParticipant *self)
{
  g_return_val_if_fail (IC_IS_EVENT_PARTICIPANT (self), -1);
  return self->max_meetings;
}

/* Sets the most meetings wanted, -1 for no limit. */
void
ic_event_participant_set_max_meetings (IcEventParticipant *self,
                                       int                 max_meetings)
{
  g_return_if_fail (IC_IS_EVENT_PARTICIPANT (self));
  g_object_set (self, "max-meetings", max_meetings, NULL);
}

const guint32 *
ic_event_participant_get_available (IcEventParticipant *self,
                                    gsize              *n_slots)
{
  gsize n = 0;
  const guint32 *slots = NULL;

  g_return_val_if_fail (IC_IS_EVENT_PARTICIPANT (self), NULL);
  if (self->available != NULL)
    {
      slots = g_variant_get_fixed_array (self->available, &n, sizeof (guint32));
      if (n == 0)
        slots = no_slots;
    }
  if (n_slots != NULL)
    *n_slots = n;
  return slots;
}

static int
compare_guint32 (const void *a,
                 const void *b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return (x > y) - (x < y);
}

void
ic_event_participant_set_available (IcEventParticipant *self,
                                    const guint32      *slots,
                                    gsize               n_slots)
{
  g_autofree guint32 *sorted = NULL;
  GVariant *available = NULL;
  gsize n = 0;

  g_return_if_fail (IC_IS_EVENT_PARTICIPANT (self));

  if (slots != NULL)
    {
      sorted = g_memdup2 (slots, MAX (n_slots, 1) * sizeof (guint32));
      if (n_slots > 1)
        qsort (sorted, n_slots, sizeof (guint32), compare_guint32);
      for (gsize i = 0; i < n_slots; i++)
        if (n == 0 || sorted[n - 1] != sorted[i])
          sorted[n++] = sorted[i];
      available = g_variant_ref_sink (g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32,
                                                                 sorted, n, sizeof (guint32)));
    }

  if ((available == NULL && self->available == NULL) ||
      (available != NULL && self->available != NULL && g_variant_equal (available, self->available)))
    {
      g_clear_pointer (&available, g_variant_unref);
      return;
    }
  g_clear_pointer (&self->available, g_variant_unref);
  self->available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

gboolean
ic_event_participant_is_available (IcEventParticipant *self,
                                   guint               slot)
{
  const guint32 *slots;
  gsize n;

  g_return_val_if_fail (IC_IS_EVENT_PARTICIPANT (self), FALSE);
  if (self->available == NULL)
    return TRUE;
  slots = ic_event_participant_get_available (self, &n);
  return bsearch (&(guint32) { slot }, slots, n, sizeof (guint32), compare_guint32) != NULL;
}
