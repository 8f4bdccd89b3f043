/* ic-fields.h — field helpers shared by the record types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Replaces *@dest by a copy of @value; TRUE if it changed. */
gboolean ic_set_string          (char              **dest,
                                 const char         *value);
/* Replaces *@dest by a copy of @value; TRUE if it changed. */
gboolean ic_set_strv            (char             ***dest,
                                 const char * const *value);
/* Normalised tags: trimmed, lower-case, inner white space folded, split
 * at commas, empty ones dropped, duplicates dropped (first one kept).
 * Returns: (transfer full) */
char   **ic_tags_normalise      (const char * const *tags);
/* Trims and drops empty entries and duplicates, keeping case.
 * Returns: (transfer full) */
char   **ic_strv_tidy           (const char * const *values);

/* Copies every read-write property of @src to @dest, which must be of
 * the same type; list-model properties are copied item by item. */
void     ic_object_copy_fields  (GObject            *src,
                                 GObject            *dest);

/* A table of plain fields lets each record type describe its fields once
 * and share one implementation of properties, defaults and finalisation. */
typedef enum
{
  IC_FIELD_STRING,
  IC_FIELD_TAGS,     /* char **, normalised with ic_tags_normalise() */
  IC_FIELD_STRV,     /* char **, tidied with ic_strv_tidy() */
  IC_FIELD_INT,
  IC_FIELD_INT64,
  IC_FIELD_DOUBLE,
  IC_FIELD_ENUM,
} IcFieldType;

typedef struct
{
  const char  *name;           /* property name, e.g. "organisation-id" */
  IcFieldType  type;
  gsize        offset;         /* of the member in the instance struct */
  gint64       min, max, dflt; /* numeric fields; dflt for enums too */
  GType      (*enum_type) (void);
} IcField;

/* Installs one property per field, numbered from @first_prop_id. */
void     ic_fields_install      (GObjectClass       *klass,
                                 const IcField      *fields,
                                 guint               n_fields,
                                 guint               first_prop_id,
                                 GParamSpec        **pspecs);
void     ic_fields_init         (gpointer            instance,
                                 const IcField      *fields,
                                 guint               n_fields);
void     ic_fields_finalize     (gpointer            instance,
                                 const IcField      *fields,
                                 guint               n_fields);
void     ic_fields_get_property (gpointer            instance,
                                 const IcField      *field,
                                 GValue             *value);
/* Sets the member and notifies @pspec if the value changed. */
void     ic_fields_set_property (gpointer            instance,
                                 const IcField      *field,
                                 const GValue       *value,
                                 GParamSpec         *pspec);

#define IC_FIELD_MEMBER(instance, field, ctype) \
  (*(ctype *) G_STRUCT_MEMBER_P ((instance), (field)->offset))

G_END_DECLS

/* Defines <prefix>_pspecs and the get_property and set_property
 * functions of a type whose properties are exactly @fields, numbered
 * from 1. */
#define IC_DEFINE_FIELD_PROPERTIES(prefix, fields)                          \
  static GParamSpec *prefix##_pspecs[G_N_ELEMENTS (fields) + 1];            \
  static void                                                               \
  prefix##_get_property (GObject    *object,                                \
                         guint       prop_id,                               \
                         GValue     *value,                                 \
                         GParamSpec *pspec)                                 \
  {                                                                         \
    if (prop_id == 0 || prop_id > G_N_ELEMENTS (fields))                    \
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);           \
    else                                                                    \
      ic_fields_get_property (object, &fields[prop_id - 1], value);         \
  }                                                                         \
  static void                                                               \
  prefix##_set_property (GObject      *object,                              \
                         guint         prop_id,                             \
                         const GValue *value,                               \
                         GParamSpec   *pspec)                               \
  {                                                                         \
    if (prop_id == 0 || prop_id > G_N_ELEMENTS (fields))                    \
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);           \
    else                                                                    \
      ic_fields_set_property (object, &fields[prop_id - 1], value, pspec);  \
  }
