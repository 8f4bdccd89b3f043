/* ic-store-history.h — every change of every record, kept for good
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each write that changes a record adds one entry, in the write's own
 * transaction: who, when, what kind of change, and the fields it
 * changed with their values before and after.  Records that arrive
 * through the feed get entries too, attributed to the record's author
 * and time.  Records are never removed, only made tombstones, so a
 * deleted record's history stays.
 */

#pragma once

#include "ic-store.h"

G_BEGIN_DECLS

typedef enum
{
  IC_HISTORY_CREATED,
  IC_HISTORY_CHANGED,
  IC_HISTORY_DELETED,
  IC_HISTORY_RESTORED,
  IC_HISTORY_RENEWED,   /* looked at and kept as it is (ic_store_renew()) */
} IcHistoryAction;

/* "created", "changed", …: the form the database and JSON use. */
const char   *ic_history_action_to_string   (IcHistoryAction  action);
/* The same as a person reads it ("Created"). */
const char   *ic_history_action_get_label   (IcHistoryAction  action);

typedef struct
{
  char  *field;     /* the record's JSON name ("trl_min") */
  char  *old_json;  /* the value before, as JSON ("null" when unset) */
  char  *new_json;  /* the value after, as JSON */
} IcHistoryChange;

typedef struct
{
  gint64           seq;
  char            *record_id;
  IcRecordKind     kind;
  gint64           rev;
  char            *at;        /* RFC 3339 UTC */
  char            *author;    /* may be NULL */
  IcHistoryAction  action;
  gboolean         remote;    /* arrived through the feed */
  GPtrArray       *changes;   /* (element-type IcHistoryChange) */
} IcHistoryEntry;

void          ic_history_entry_free         (IcHistoryEntry   *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcHistoryEntry, ic_history_entry_free)

/* The history of the record @id, oldest first; an id the store never
 * held has an empty one.
 * Returns: (transfer full) (element-type IcHistoryEntry) (nullable) */
GPtrArray    *ic_store_list_history         (IcStore          *self,
                                             const char       *id,
                                             GError          **error);

/* Marks the record @id as looked at and still right: a new revision
 * with the same fields, by @author now, with a history entry.  A record
 * that does not exist is IC_STORE_ERROR_NOT_FOUND. */
gboolean      ic_store_renew                (IcStore          *self,
                                             const char       *id,
                                             const char       *author,
                                             GError          **error);

G_END_DECLS
