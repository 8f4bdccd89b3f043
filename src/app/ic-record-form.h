/* ic-record-form.h — which fields the editor shows for each record kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ic-model-types.h"

G_BEGIN_DECLS

typedef enum
{
  IC_FORM_TEXT,          /* one line of text */
  IC_FORM_LONG_TEXT,     /* paragraphs; a group of its own */
  IC_FORM_NUMBER,        /* an int or int64 property */
  IC_FORM_CLUSTER,       /* a cluster id from the taxonomy */
  IC_FORM_PLACE,         /* a local-authority id from the taxonomy */
  IC_FORM_ENUM,          /* one value of the property's enumeration */
  IC_FORM_ORGANISATION,  /* the id of a stored organisation */
  IC_FORM_TAGS,          /* a comma-separated list, completed from stored tags */
  IC_FORM_LIST,          /* a comma-separated list */
  IC_FORM_DATE,          /* YYYY-MM-DD, typed or chosen on a calendar */
} IcFormWidget;

typedef struct
{
  const char   *property;  /* GObject property, e.g. "trl-min" */
  const char   *field;     /* the JSON name IC_MODEL_ERROR reports, e.g. "trl_min" */
  const char   *title;     /* translatable */
  const char   *hint;      /* translatable, may be NULL */
  IcFormWidget  widget;
  guint         group;
  double        min, max, step;  /* IC_FORM_NUMBER only */
} IcFormField;

typedef struct
{
  const char *title;       /* translatable, may be NULL */
} IcFormGroup;

const IcFormField *ic_form_get_fields (IcRecordKind  kind,
                                       guint        *n_fields);
const IcFormGroup *ic_form_get_groups (IcRecordKind  kind,
                                       guint        *n_groups);
/* The translated label of @value of @enum_type as the form shows it. */
const char        *ic_form_enum_label (GType         enum_type,
                                       int           value);
/* The JSON field @name of a record of @kind as its form shows it, so
 * that a conflict speaks of "Lowest TRL", not "trl_min"; a field no
 * form shows, in words.  Returns: (transfer full) */
char              *ic_form_get_label  (IcRecordKind  kind,
                                       const char   *name);
/* The value @nick of the JSON field @name of a record of @kind as the
 * form shows it, if that field holds one of a list of values ("sme":
 * "SME"); NULL for any other field or value.  Returns: (transfer full) */
char              *ic_form_get_enum_value_label (IcRecordKind  kind,
                                                 const char   *name,
                                                 const char   *nick);

G_END_DECLS
