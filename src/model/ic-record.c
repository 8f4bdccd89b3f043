/* ic-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "ic-capability.h"
#include "ic-challenge.h"
#include "ic-event.h"
#include "ic-conflict-rule.h"
#include "ic-exclusion.h"
#include "ic-pin.h"
#include "ic-foresight-item.h"
#include "ic-model-enums.h"
#include "ic-model-error.h"
#include "ic-organisation.h"
#include "ic-record.h"
#include "ic-shortlist.h"
#include "ic-fields.h"
#include "ic-validate.h"

typedef struct
{
  char         *id;
  gint64        rev;
  char         *updated_at;
  char         *author;
  IcVisibility  visibility;
  gboolean      deleted;
} IcRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (IcRecord, ic_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REV,
  PROP_UPDATED_AT,
  PROP_AUTHOR,
  PROP_VISIBILITY,
  PROP_DELETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ic_record_finalize (GObject *object)
{
  IcRecordPrivate *priv = ic_record_get_instance_private (IC_RECORD (object));

  g_free (priv->id);
  g_free (priv->updated_at);
  g_free (priv->author);

  G_OBJECT_CLASS (ic_record_parent_class)->finalize (object);
}

static void
ic_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  IcRecordPrivate *priv = ic_record_get_instance_private (IC_RECORD (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;
    case PROP_REV:
      g_value_set_int64 (value, priv->rev);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, priv->updated_at);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, priv->author);
      break;
    case PROP_VISIBILITY:
      g_value_set_enum (value, priv->visibility);
      break;
    case PROP_DELETED:
      g_value_set_boolean (value, priv->deleted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  IcRecord *self = IC_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      ic_record_set_id (self, g_value_get_string (value));
      break;
    case PROP_REV:
      ic_record_set_rev (self, g_value_get_int64 (value));
      break;
    case PROP_UPDATED_AT:
      ic_record_set_updated_at (self, g_value_get_string (value));
      break;
    case PROP_AUTHOR:
      ic_record_set_author (self, g_value_get_string (value));
      break;
    case PROP_VISIBILITY:
      ic_record_set_visibility (self, g_value_get_enum (value));
      break;
    case PROP_DELETED:
      ic_record_set_deleted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_record_class_init (IcRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ic_record_finalize;
  object_class->get_property = ic_record_get_property;
  object_class->set_property = ic_record_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REV] =
    g_param_spec_int64 ("rev", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISIBILITY] =
    g_param_spec_enum ("visibility", NULL, NULL, IC_TYPE_VISIBILITY, IC_VISIBILITY_TEAM,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ic_record_init (IcRecord *self)
{
}

GType
ic_record_kind_get_record_type (IcRecordKind kind)
{
  switch (kind)
    {
    case IC_RECORD_KIND_ORGANISATION:
      return IC_TYPE_ORGANISATION;
    case IC_RECORD_KIND_CHALLENGE:
      return IC_TYPE_CHALLENGE;
    case IC_RECORD_KIND_CAPABILITY:
      return IC_TYPE_CAPABILITY;
    case IC_RECORD_KIND_FORESIGHT:
      return IC_TYPE_FORESIGHT_ITEM;
    case IC_RECORD_KIND_SHORTLIST:
      return IC_TYPE_SHORTLIST;
    case IC_RECORD_KIND_EXCLUDED_PAIR:
      return IC_TYPE_EXCLUSION;
    case IC_RECORD_KIND_PIN:
      return IC_TYPE_PIN;
    case IC_RECORD_KIND_CONFLICT_RULE:
      return IC_TYPE_CONFLICT_RULE;
    case IC_RECORD_KIND_EVENT:
      return IC_TYPE_EVENT;
    default:
      g_return_val_if_reached (G_TYPE_INVALID);
    }
}

const char *
ic_record_kind_to_string (IcRecordKind kind)
{
  return ic_enum_to_nick (IC_TYPE_RECORD_KIND, kind);
}

gboolean
ic_record_kind_from_string (const char   *string,
                            IcRecordKind *kind)
{
  int value;

  if (!ic_enum_from_nick (IC_TYPE_RECORD_KIND, string, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

/**
 * ic_record_new:
 * @kind: the kind of record
 *
 * Returns: (transfer full): an empty record of @kind, visible to the team
 */
IcRecord *
ic_record_new (IcRecordKind kind)
{
  return g_object_new (ic_record_kind_get_record_type (kind), NULL);
}

IcRecordKind
ic_record_get_kind (IcRecord *self)
{
  g_return_val_if_fail (IC_IS_RECORD (self), 0);
  return IC_RECORD_GET_CLASS (self)->kind;
}

#define IC_RECORD_STRING_ACCESSORS(field, PROP)                          \
  const char *                                                           \
  ic_record_get_##field (IcRecord *self)                                 \
  {                                                                      \
    IcRecordPrivate *priv = ic_record_get_instance_private (self);       \
    g_return_val_if_fail (IC_IS_RECORD (self), NULL);                    \
    return priv->field;                                                  \
  }                                                                      \
  void                                                                   \
  ic_record_set_##field (IcRecord   *self,                               \
                         const char *field)                              \
  {                                                                      \
    IcRecordPrivate *priv = ic_record_get_instance_private (self);       \
    g_return_if_fail (IC_IS_RECORD (self));                              \
    if (ic_set_string (&priv->field, field))                                 \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);      \
  }

IC_RECORD_STRING_ACCESSORS (id, PROP_ID)
IC_RECORD_STRING_ACCESSORS (updated_at, PROP_UPDATED_AT)
IC_RECORD_STRING_ACCESSORS (author, PROP_AUTHOR)

gint64
ic_record_get_rev (IcRecord *self)
{
  IcRecordPrivate *priv = ic_record_get_instance_private (self);

  g_return_val_if_fail (IC_IS_RECORD (self), 0);
  return priv->rev;
}

void
ic_record_set_rev (IcRecord *self,
                   gint64    rev)
{
  IcRecordPrivate *priv = ic_record_get_instance_private (self);

  g_return_if_fail (IC_IS_RECORD (self));
  if (priv->rev != rev)
    {
      priv->rev = rev;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REV]);
    }
}

IcVisibility
ic_record_get_visibility (IcRecord *self)
{
  IcRecordPrivate *priv = ic_record_get_instance_private (self);

  g_return_val_if_fail (IC_IS_RECORD (self), IC_VISIBILITY_TEAM);
  return priv->visibility;
}

void
ic_record_set_visibility (IcRecord    *self,
                          IcVisibility visibility)
{
  IcRecordPrivate *priv = ic_record_get_instance_private (self);

  g_return_if_fail (IC_IS_RECORD (self));
  if (priv->visibility != visibility)
    {
      priv->visibility = visibility;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBILITY]);
    }
}

gboolean
ic_record_get_deleted (IcRecord *self)
{
  IcRecordPrivate *priv = ic_record_get_instance_private (self);

  g_return_val_if_fail (IC_IS_RECORD (self), FALSE);
  return priv->deleted;
}

void
ic_record_set_deleted (IcRecord *self,
                       gboolean  deleted)
{
  IcRecordPrivate *priv = ic_record_get_instance_private (self);

  g_return_if_fail (IC_IS_RECORD (self));
  deleted = !!deleted;
  if (priv->deleted != deleted)
    {
      priv->deleted = deleted;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED]);
    }
}

const char *
ic_record_get_title (IcRecord *self)
{
  g_return_val_if_fail (IC_IS_RECORD (self), NULL);
  return IC_RECORD_GET_CLASS (self)->get_title (self);
}

char *
ic_record_id_for_pair (const guint8 *name_space,
                       const char   *first,
                       const char   *second)
{
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_return_val_if_fail (name_space != NULL && first != NULL && second != NULL, NULL);

  g_checksum_update (sha1, name_space, 16);
  g_checksum_update (sha1, (const guchar *) first, -1);
  g_checksum_update (sha1, (const guchar *) " ", 1);
  g_checksum_update (sha1, (const guchar *) second, -1);
  g_checksum_get_digest (sha1, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

void
ic_record_ensure_id (IcRecord *self)
{
  IcRecordPrivate *priv = ic_record_get_instance_private (self);

  g_return_if_fail (IC_IS_RECORD (self));
  if (priv->id == NULL || priv->id[0] == '\0')
    {
      g_autofree char *uuid = g_uuid_string_random ();
      ic_record_set_id (self, uuid);
    }
}

char *
ic_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

void
ic_record_touch (IcRecord   *self,
                 const char *author)
{
  IcRecordPrivate *priv = ic_record_get_instance_private (self);
  g_autofree char *now = ic_timestamp_now ();

  g_return_if_fail (IC_IS_RECORD (self));
  g_object_freeze_notify (G_OBJECT (self));
  ic_record_set_rev (self, priv->rev + 1);
  ic_record_set_updated_at (self, now);
  if (author != NULL)
    ic_record_set_author (self, author);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
ic_record_validate (IcRecord   *self,
                    IcTaxonomy *taxonomy,
                    GError    **error)
{
  IcRecordPrivate *priv = ic_record_get_instance_private (self);

  g_return_val_if_fail (IC_IS_RECORD (self), FALSE);

  if (priv->id != NULL && !ic_validate_uuid (priv->id, "id", error))
    return FALSE;
  if (priv->updated_at != NULL && !ic_validate_timestamp (priv->updated_at, "updated_at", error))
    return FALSE;
  if (!ic_validate_text (priv->author, "author", IC_MAX_NAME_CHARS, FALSE, error))
    return FALSE;

  return IC_RECORD_GET_CLASS (self)->validate (self, taxonomy, error);
}

/**
 * ic_record_copy:
 * @self: a record
 *
 * Returns: (transfer full): a deep copy of @self
 */
IcRecord *
ic_record_copy (IcRecord *self)
{
  g_autoptr(IcRecord) copy = NULL;

  g_return_val_if_fail (IC_IS_RECORD (self), NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  ic_object_copy_fields (G_OBJECT (self), G_OBJECT (copy));
  return g_steal_pointer (&copy);
}
