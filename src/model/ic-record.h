/* ic-record.h — what every shared record has
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ic-model-types.h"
#include "ic-taxonomy.h"

G_BEGIN_DECLS

#define IC_TYPE_RECORD (ic_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (IcRecord, ic_record, IC, RECORD, GObject)

struct _IcRecordClass
{
  GObjectClass parent_class;

  IcRecordKind kind;

  /* The field a person knows the record by: a title, or a name. */
  const char *(*get_title) (IcRecord *self);
  /* Checks the kind's own fields; the common ones are checked first. */
  gboolean    (*validate)  (IcRecord   *self,
                            IcTaxonomy *taxonomy,
                            GError    **error);
};

GType         ic_record_kind_get_record_type (IcRecordKind kind);
const char   *ic_record_kind_to_string       (IcRecordKind kind);
gboolean      ic_record_kind_from_string     (const char   *string,
                                              IcRecordKind *kind);

IcRecord     *ic_record_new             (IcRecordKind kind);
IcRecordKind  ic_record_get_kind        (IcRecord    *self);

const char   *ic_record_get_id          (IcRecord    *self);
void          ic_record_set_id          (IcRecord    *self,
                                         const char  *id);
gint64        ic_record_get_rev         (IcRecord    *self);
void          ic_record_set_rev         (IcRecord    *self,
                                         gint64       rev);
const char   *ic_record_get_updated_at  (IcRecord    *self);
void          ic_record_set_updated_at  (IcRecord    *self,
                                         const char  *updated_at);
const char   *ic_record_get_author      (IcRecord    *self);
void          ic_record_set_author      (IcRecord    *self,
                                         const char  *author);
IcVisibility  ic_record_get_visibility  (IcRecord    *self);
void          ic_record_set_visibility  (IcRecord    *self,
                                         IcVisibility visibility);
gboolean      ic_record_get_deleted     (IcRecord    *self);
void          ic_record_set_deleted     (IcRecord    *self,
                                         gboolean     deleted);

const char   *ic_record_get_title       (IcRecord    *self);

/* Gives the record a fresh UUID v4 if it has none. */
void          ic_record_ensure_id       (IcRecord    *self);

/* The id of a record that stands for a pair (@first, @second): a
 * name-based UUID (RFC 9562 version 5, SHA-1) of "first second" in the
 * 16-byte @name_space of its kind, so that two laptops that make the
 * same pair write one record (transfer full). */
char         *ic_record_id_for_pair     (const guint8 *name_space,
                                         const char   *first,
                                         const char   *second);

/* Marks one more edit by @author now: rev + 1, updated_at = now. */
void          ic_record_touch           (IcRecord    *self,
                                         const char  *author);

/* Checks every field; the first problem is reported as an
 * IC_MODEL_ERROR whose field ic_model_error_get_field() names.
 * @taxonomy may be NULL to skip the cluster and place checks. */
gboolean      ic_record_validate        (IcRecord    *self,
                                         IcTaxonomy  *taxonomy,
                                         GError     **error);

/* A deep copy, field by field (transfer full). */
IcRecord     *ic_record_copy            (IcRecord    *self);

/* Current time as RFC 3339 UTC with microseconds, so edits made within the same
 * millisecond still order (transfer full). */
char         *ic_timestamp_now          (void);

G_END_DECLS
