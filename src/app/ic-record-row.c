/* ic-record-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-record-row.h"

struct _IcRecordRow
{
  GObject   parent_instance;

  guint     position;
  IcRecord *record;
};

G_DEFINE_FINAL_TYPE (IcRecordRow, ic_record_row, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ic_record_row_finalize (GObject *object)
{
  IcRecordRow *self = IC_RECORD_ROW (object);

  g_clear_object (&self->record);

  G_OBJECT_CLASS (ic_record_row_parent_class)->finalize (object);
}

static void
ic_record_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IcRecordRow *self = IC_RECORD_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_record_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  IcRecordRow *self = IC_RECORD_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      ic_record_row_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_record_row_class_init (IcRecordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ic_record_row_finalize;
  object_class->get_property = ic_record_row_get_property;
  object_class->set_property = ic_record_row_set_property;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, IC_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ic_record_row_init (IcRecordRow *self)
{
}

IcRecordRow *
ic_record_row_new (guint position)
{
  IcRecordRow *self = g_object_new (IC_TYPE_RECORD_ROW, NULL);

  self->position = position;
  return self;
}

guint
ic_record_row_get_position (IcRecordRow *self)
{
  g_return_val_if_fail (IC_IS_RECORD_ROW (self), 0);
  return self->position;
}

IcRecord *
ic_record_row_get_record (IcRecordRow *self)
{
  g_return_val_if_fail (IC_IS_RECORD_ROW (self), NULL);
  return self->record;
}

void
ic_record_row_set_record (IcRecordRow *self,
                          IcRecord    *record)
{
  g_return_if_fail (IC_IS_RECORD_ROW (self));
  g_return_if_fail (record == NULL || IC_IS_RECORD (record));

  if (g_set_object (&self->record, record))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}
