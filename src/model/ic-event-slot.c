/* ic-event-slot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-event-slot.h"
#include "ic-fields.h"

struct _IcEventSlot
{
  GObject parent_instance;

  char *start;
  int   minutes;
};

G_DEFINE_FINAL_TYPE (IcEventSlot, ic_event_slot, G_TYPE_OBJECT)

static const IcField fields[] = {
  { "start", IC_FIELD_STRING, G_STRUCT_OFFSET (IcEventSlot, start) },
  { "minutes", IC_FIELD_INT, G_STRUCT_OFFSET (IcEventSlot, minutes), 0, 24 * 60, 30 },
};

IC_DEFINE_FIELD_PROPERTIES (ic_event_slot, fields)

static void
ic_event_slot_finalize (GObject *object)
{
  ic_fields_finalize (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (ic_event_slot_parent_class)->finalize (object);
}

static void
ic_event_slot_class_init (IcEventSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ic_event_slot_finalize;
  object_class->get_property = ic_event_slot_get_property;
  object_class->set_property = ic_event_slot_set_property;

  ic_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, ic_event_slot_pspecs);
}

static void
ic_event_slot_init (IcEventSlot *self)
{
  ic_fields_init (self, fields, G_N_ELEMENTS (fields));
}

IcEventSlot *
ic_event_slot_new (const char *start,
                   int         minutes)
{
  return g_object_new (IC_TYPE_EVENT_SLOT, "start", start, "minutes", minutes, NULL);
}

const char *
ic_event_slot_get_start (IcEventSlot *self)
{
  g_return_val_if_fail (IC_IS_EVENT_SLOT (self), NULL);
  return self->start;
}

/* Sets the start time, "HH:MM"; checked by the event's validation. */
void
ic_event_slot_set_start (IcEventSlot *self,
                         const char  *start)
{
  g_return_if_fail (IC_IS_EVENT_SLOT (self));
  g_object_set (self, "start", start, NULL);
}

int
ic_event_slot_get_minutes (IcEventSlot *self)
{
  g_return_val_if_fail (IC_IS_EVENT_SLOT (self), 0);
  return self->minutes;
}

/* Sets the length in minutes (0 to 1440). */
void
ic_event_slot_set_minutes (IcEventSlot *self,
                           int          minutes)
{
  g_return_if_fail (IC_IS_EVENT_SLOT (self));
  g_object_set (self, "minutes", minutes, NULL);
}

int
ic_event_slot_get_start_minute (IcEventSlot *self)
{
  const char *s;

  g_return_val_if_fail (IC_IS_EVENT_SLOT (self), -1);

  s = self->start;
  if (s == NULL || !g_ascii_isdigit (s[0]) || !g_ascii_isdigit (s[1]) || s[2] != ':' ||
      !g_ascii_isdigit (s[3]) || !g_ascii_isdigit (s[4]) || s[5] != '\0')
    return -1;
  if ((s[0] - '0') * 10 + (s[1] - '0') > 23 || (s[3] - '0') * 10 + (s[4] - '0') > 59)
    return -1;
  return ((s[0] - '0') * 10 + (s[1] - '0')) * 60 + (s[3] - '0') * 10 + (s[4] - '0');
}

char *
ic_event_slot_format_end (IcEventSlot *self)
{
  int start = ic_event_slot_get_start_minute (self);
  int end;

  if (start < 0)
    return NULL;
  end = (start + self->minutes) % (24 * 60);
  return g_strdup_printf ("%02d:%02d", end / 60, end % 60);
}
