/* ic-event-pair.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-event-pair.h"
#include "ic-fields.h"

struct _IcEventPair
{
  GObject parent_instance;

  char *first;
  char *second;
};

G_DEFINE_FINAL_TYPE (IcEventPair, ic_event_pair, G_TYPE_OBJECT)

static const IcField fields[] = {
  { "first", IC_FIELD_STRING, G_STRUCT_OFFSET (IcEventPair, first) },
  { "second", IC_FIELD_STRING, G_STRUCT_OFFSET (IcEventPair, second) },
};

IC_DEFINE_FIELD_PROPERTIES (ic_event_pair, fields)

static void
ic_event_pair_finalize (GObject *object)
{
  ic_fields_finalize (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (ic_event_pair_parent_class)->finalize (object);
}

static void
ic_event_pair_class_init (IcEventPairClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ic_event_pair_finalize;
  object_class->get_property = ic_event_pair_get_property;
  object_class->set_property = ic_event_pair_set_property;

  ic_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, ic_event_pair_pspecs);
}

static void
ic_event_pair_init (IcEventPair *self)
{
  ic_fields_init (self, fields, G_N_ELEMENTS (fields));
}

IcEventPair *
ic_event_pair_new (const char *first,
                   const char *second)
{
  return g_object_new (IC_TYPE_EVENT_PAIR, "first", first, "second", second, NULL);
}

const char *
ic_event_pair_get_first (IcEventPair *self)
{
  g_return_val_if_fail (IC_IS_EVENT_PAIR (self), NULL);
  return self->first;
}

/* Sets the first organisation's id. */
void
ic_event_pair_set_first (IcEventPair *self,
                         const char  *first)
{
  g_return_if_fail (IC_IS_EVENT_PAIR (self));
  g_object_set (self, "first", first, NULL);
}

const char *
ic_event_pair_get_second (IcEventPair *self)
{
  g_return_val_if_fail (IC_IS_EVENT_PAIR (self), NULL);
  return self->second;
}

/* Sets the second organisation's id. */
void
ic_event_pair_set_second (IcEventPair *self,
                          const char  *second)
{
  g_return_if_fail (IC_IS_EVENT_PAIR (self));
  g_object_set (self, "second", second, NULL);
}

gboolean
ic_event_pair_joins (IcEventPair *self,
                     const char  *a,
                     const char  *b)
{
  g_return_val_if_fail (IC_IS_EVENT_PAIR (self), FALSE);
  return (g_strcmp0 (self->first, a) == 0 && g_strcmp0 (self->second, b) == 0) ||
         (g_strcmp0 (self->first, b) == 0 && g_strcmp0 (self->second, a) == 0);
}
