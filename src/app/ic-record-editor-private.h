/* ic-record-editor-private.h — what the record editor's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ic-record-editor.h"
#include "ic-record-form.h"

G_BEGIN_DECLS

typedef struct
{
  const IcFormField *def;
  GtkWidget         *row;      /* where an error shows: a row or the text frame */
  GtkWidget         *input;    /* AdwEntryRow, GtkSpinButton, AdwComboRow or GtkTextView */
  GPtrArray         *ids;      /* choice rows: position -> id (NULL for none) */
  GtkLabel          *message;  /* the group's message label */
} FieldState;

struct _IcRecordEditor
{
  AdwWindow       parent_instance;

  IcStoreService *service;
  IcRecord       *record;      /* as stored when the form was (re)loaded */
  IcRecord       *baseline;    /* @record as the form reads it back, to tell what was changed */
  gboolean        is_new;
  gboolean        saving;
  gboolean        disposed;    /* closed while a write or read ran */
  char           *author;
  GArray         *fields;      /* FieldState */
  GPtrArray      *organisations; /* NamedId, by name */
  GStrv           tags;        /* every tag in use, for completion */
  char           *draft_path;  /* where the form's unsaved changes are kept */
  IcRecord       *draft;       /* a draft left by an editor that did not close, offered back */
  guint           draft_source; /* a draft write waiting for typing to pause */
  gboolean        loading;     /* the form is being filled, not edited */
  gboolean        close_confirmed; /* the person chose to discard */

  AdwWindowTitle *window_title;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_banner;
  GtkButton      *reload_button;
  GtkButton      *restore_button;
  GtkBox         *form_box;
  GtkBox         *view_box;    /* the record shown as text, before Edit */
  GtkBox         *edit_box;    /* the form's groups */
  GtkButton      *delete_button;
  GtkButton      *cancel_button;
  GtkButton      *save_button;
  GtkButton      *edit_button;
  gboolean        viewing;     /* a stored record shown, not yet in the form */
};

void       ic_record_editor_field_state_clear (FieldState     *state);

/* ic-record-editor-form.c: the form. */

/* What the form offers to choose from: @organisations (NamedId, by
 * name; none for an organisation's own form) and every tag in use, read
 * on the store service's thread. */
gboolean   ic_record_editor_read_choices  (IcStore        *store,
                                           IcRecordKind    kind,
                                           GPtrArray     **organisations,
                                           GStrv          *tags,
                                           GError        **error);
/* Adds a row for each field of the record's kind to the form. */
void       ic_record_editor_build_form    (IcRecordEditor *self);
/* Shows @from's values in the rows. */
void       ic_record_editor_load_form     (IcRecordEditor *self,
                                           IcRecord       *from);
/* A copy of the record with the form's values (transfer full). */
IcRecord  *ic_record_editor_read_form     (IcRecordEditor *self);
void       ic_record_editor_clear_errors  (IcRecordEditor *self);
/* ic-record-editor-view.c: the record as text. */

/* Fills the view box with the form's values, group by group, as
 * selectable text laid out like the form. */
void       ic_record_editor_build_view    (IcRecordEditor *self);
/* Calls @callback (with @self) whenever a field is changed. */
void       ic_record_editor_watch_form    (IcRecordEditor *self,
                                           GCallback       callback);
/* Shows @error by the field it names, else in the banner. */
void       ic_record_editor_show_field_error (IcRecordEditor *self,
                                              const GError   *error);

G_END_DECLS
