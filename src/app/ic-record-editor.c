/* ic-record-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The organisations and tags the form offers are read before it is
 * made, and saving is a job of the store service.  An edit of a stored
 * record is saved only if the record is still at the rev the form was
 * opened on; if a sync, the command line or another window wrote it
 * since, the form says so and offers to reload: the stored record comes
 * into the form with the fields this person changed kept on top, so
 * neither side's change is lost.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-app-format.h"
#include "ic-conflict-merge.h"
#include "ic-fields.h"
#include "ic-model-error.h"
#include "ic-record-editor.h"
#include "ic-record-form.h"
#include "ic-tag-completion.h"

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

  AdwWindowTitle *window_title;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_banner;
  GtkButton      *reload_button;
  GtkBox         *form_box;
  GtkButton      *delete_button;
};

G_DEFINE_FINAL_TYPE (IcRecordEditor, ic_record_editor, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SAVED,
  SIGNAL_DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_state_clear (FieldState *state)
{
  g_clear_pointer (&state->ids, g_ptr_array_unref);
}

static GType
property_type (IcRecordEditor *self,
               const char     *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->record), property);

  return pspec != NULL ? G_PARAM_SPEC_VALUE_TYPE (pspec) : G_TYPE_INVALID;
}

static GtkWidget *
choice_row_new (const char  *title,
                GtkStringList *labels)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  return row;
}

static GtkWidget *
taxonomy_row_new (IcRecordEditor *self,
                  FieldState     *state)
{
  IcTaxonomy *taxonomy = ic_store_service_get_taxonomy (self->service);
  gboolean places = state->def->widget == IC_FORM_PLACE;
  guint n = places ? ic_taxonomy_get_n_places (taxonomy) : ic_taxonomy_get_n_clusters (taxonomy);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, _("None"));
  g_ptr_array_add (state->ids, NULL);
  for (guint i = 0; i < n; i++)
    {
      const char *id = places ? ic_taxonomy_get_place_id (taxonomy, i)
                              : ic_taxonomy_get_cluster_id (taxonomy, i);

      gtk_string_list_append (labels, places ? ic_taxonomy_get_place_name (taxonomy, id)
                                             : ic_taxonomy_get_cluster_name (taxonomy, id));
      g_ptr_array_add (state->ids, g_strdup (id));
    }
  return choice_row_new (_(state->def->title), labels);
}

typedef struct
{
  char *id;
  char *name;
} NamedId;

static gboolean
collect_organisation (IcRecord *record,
                      gpointer  user_data)
{
  NamedId *item = g_new (NamedId, 1);

  item->id = g_strdup (ic_record_get_id (record));
  item->name = g_strdup (ic_record_get_title (record));
  g_ptr_array_add (user_data, item);
  return TRUE;
}

static void
named_id_free (NamedId *item)
{
  g_free (item->id);
  g_free (item->name);
  g_free (item);
}

static int
compare_named_ids (gconstpointer a,
                   gconstpointer b)
{
  const NamedId *x = *(NamedId **) a;
  const NamedId *y = *(NamedId **) b;

  return g_utf8_collate (x->name ? x->name : "", y->name ? y->name : "");
}

static GtkWidget *
organisation_row_new (IcRecordEditor *self,
                      FieldState     *state)
{
  GPtrArray *organisations = self->organisations;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, organisations->len > 0 ? _("Choose an organisation")
                                                         : _("Add an organisation first"));
  g_ptr_array_add (state->ids, NULL);
  for (guint i = 0; i < organisations->len; i++)
    {
      NamedId *item = g_ptr_array_index (organisations, i);

      gtk_string_list_append (labels, item->name);
      g_ptr_array_add (state->ids, g_strdup (item->id));
    }
  return choice_row_new (_(state->def->title), labels);
}

static GtkWidget *
enum_row_new (IcRecordEditor *self,
              FieldState     *state)
{
  GType type = property_type (self, state->def->property);
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < enum_class->n_values; i++)
    gtk_string_list_append (labels, ic_form_enum_label (type, enum_class->values[i].value));
  return choice_row_new (_(state->def->title), labels);
}

static GtkWidget *
number_row_new (FieldState *state)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (state->def->min, state->def->max,
                                                    state->def->step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(state->def->title));
  if (state->def->hint != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(state->def->hint));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), state->def->max > 100 ? 12 : 3);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  state->input = spin;
  return row;
}

static GtkWidget *
long_text_new (FieldState *state)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, 120);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(state->def->title), -1);
  gtk_widget_add_css_class (frame, "long-text");
  gtk_frame_set_child (GTK_FRAME (frame), view);
  state->input = view;
  return frame;
}

static GtkWidget *
field_widget_new (IcRecordEditor *self,
                  FieldState     *state)
{
  GtkWidget *row;

  switch (state->def->widget)
    {
    case IC_FORM_NUMBER:
      return number_row_new (state);
    case IC_FORM_LONG_TEXT:
      return long_text_new (state);
    case IC_FORM_CLUSTER:
    case IC_FORM_PLACE:
      row = taxonomy_row_new (self, state);
      break;
    case IC_FORM_ORGANISATION:
      row = organisation_row_new (self, state);
      break;
    case IC_FORM_ENUM:
      row = enum_row_new (self, state);
      break;
    case IC_FORM_TEXT:
    case IC_FORM_TAGS:
    case IC_FORM_LIST:
    default:
      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(state->def->title));
      adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), FALSE);
      if (state->def->widget == IC_FORM_TAGS)
        {
          if (self->tags != NULL)
            ic_tag_completion_attach (row, (const char * const *) self->tags);
        }
      break;
    }
  /* Adw rows name themselves after their title. */
  if (state->def->hint != NULL)
    gtk_widget_set_tooltip_text (row, _(state->def->hint));
  state->input = row;
  return row;
}

static void
build_form (IcRecordEditor *self)
{
  IcRecordKind kind = ic_record_get_kind (self->record);
  guint n_fields = 0, n_groups = 0;
  const IcFormField *defs = ic_form_get_fields (kind, &n_fields);
  const IcFormGroup *groups = ic_form_get_groups (kind, &n_groups);

  for (guint g = 0; g < n_groups; g++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *message = gtk_label_new (NULL);

      if (groups[g].title != NULL)
        adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(groups[g].title));

      for (guint i = 0; i < n_fields; i++)
        {
          FieldState state = { &defs[i] };

          if (defs[i].group != g)
            continue;
          state.ids = g_ptr_array_new_with_free_func (g_free);
          state.message = GTK_LABEL (message);
          state.row = field_widget_new (self, &state);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), state.row);
          g_array_append_val (self->fields, state);
        }

      /* Rows go into the group's list; this label goes under it. */
      gtk_label_set_wrap (GTK_LABEL (message), TRUE);
      gtk_label_set_xalign (GTK_LABEL (message), 0);
      gtk_widget_add_css_class (message, "field-error");
      gtk_widget_set_visible (message, FALSE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), message);

      gtk_box_insert_child_after (self->form_box, group,
                                  gtk_widget_get_prev_sibling (GTK_WIDGET (self->delete_button)));
    }
}

static guint
find_id (GPtrArray  *ids,
         const char *id)
{
  for (guint i = 1; i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
      return i;
  return 0;
}

static void
load_field (IcRecordEditor *self,
            FieldState     *state,
            IcRecord       *from)
{
  GObject *record = G_OBJECT (from);
  const char *property = state->def->property;
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, property_type (self, property));
  g_object_get_property (record, property, &value);

  switch (state->def->widget)
    {
    case IC_FORM_TEXT:
      gtk_editable_set_text (GTK_EDITABLE (state->input),
                             g_value_get_string (&value) ? g_value_get_string (&value) : "");
      break;
    case IC_FORM_TAGS:
    case IC_FORM_LIST:
      {
        g_autofree char *joined = NULL;
        char **strv = g_value_get_boxed (&value);

        joined = strv != NULL ? g_strjoinv (", ", strv) : g_strdup ("");
        gtk_editable_set_text (GTK_EDITABLE (state->input), joined);
      }
      break;
    case IC_FORM_LONG_TEXT:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (state->input)),
                                g_value_get_string (&value) ? g_value_get_string (&value) : "", -1);
      break;
    case IC_FORM_NUMBER:
      {
        g_auto(GValue) number = G_VALUE_INIT;

        g_value_init (&number, G_TYPE_DOUBLE);
        g_value_transform (&value, &number);
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (state->input), g_value_get_double (&number));
      }
      break;
    case IC_FORM_ENUM:
      adw_combo_row_set_selected (ADW_COMBO_ROW (state->input), g_value_get_enum (&value));
      break;
    case IC_FORM_CLUSTER:
    case IC_FORM_PLACE:
    case IC_FORM_ORGANISATION:
    default:
      adw_combo_row_set_selected (ADW_COMBO_ROW (state->input),
                                  find_id (state->ids, g_value_get_string (&value)));
      break;
    }
}

static char **
split_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static void
store_field (IcRecordEditor *self,
             FieldState     *state,
             IcRecord       *record)
{
  const char *property = state->def->property;
  guint selected;

  switch (state->def->widget)
    {
    case IC_FORM_TEXT:
      {
        g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (state->input))));

        g_object_set (record, property, text[0] != '\0' ? text : NULL, NULL);
      }
      break;
    case IC_FORM_TAGS:
    case IC_FORM_LIST:
      {
        g_auto(GStrv) list = split_list (gtk_editable_get_text (GTK_EDITABLE (state->input)));

        g_object_set (record, property, list, NULL);
      }
      break;
    case IC_FORM_LONG_TEXT:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (state->input));
        GtkTextIter start, end;
        g_autofree char *text = NULL;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
        g_object_set (record, property, text[0] != '\0' ? text : NULL, NULL);
      }
      break;
    case IC_FORM_NUMBER:
      {
        g_auto(GValue) number = G_VALUE_INIT;

        gtk_spin_button_update (GTK_SPIN_BUTTON (state->input));
        g_value_init (&number, G_TYPE_DOUBLE);
        g_value_set_double (&number, gtk_spin_button_get_value (GTK_SPIN_BUTTON (state->input)));
        g_object_set_property (G_OBJECT (record), property, &number);
      }
      break;
    case IC_FORM_ENUM:
      g_object_set (record, property,
                    (int) adw_combo_row_get_selected (ADW_COMBO_ROW (state->input)), NULL);
      break;
    case IC_FORM_CLUSTER:
    case IC_FORM_PLACE:
    case IC_FORM_ORGANISATION:
    default:
      selected = adw_combo_row_get_selected (ADW_COMBO_ROW (state->input));
      g_object_set (record, property,
                    selected < state->ids->len ? g_ptr_array_index (state->ids, selected) : NULL,
                    NULL);
      break;
    }
}

static void
clear_errors (IcRecordEditor *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      FieldState *state = &g_array_index (self->fields, FieldState, i);

      gtk_widget_remove_css_class (state->row, "error");
      gtk_widget_set_visible (GTK_WIDGET (state->message), FALSE);
      if (ADW_IS_ACTION_ROW (state->row))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (state->row),
                                     state->def->hint != NULL ? _(state->def->hint) : NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (state->input),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (state->input), GTK_ACCESSIBLE_STATE_INVALID);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reload_button), FALSE);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static FieldState *
find_field (IcRecordEditor *self,
            const char     *field)
{
  for (guint i = 0; field != NULL && i < self->fields->len; i++)
    {
      FieldState *state = &g_array_index (self->fields, FieldState, i);

      if (g_strcmp0 (state->def->field, field) == 0)
        return state;
    }
  return NULL;
}

static void
show_error (IcRecordEditor *self,
            const GError   *error)
{
  const char *field = ic_model_error_get_field (error);
  FieldState *state = find_field (self, field);
  g_autofree char *message = NULL;

  if (state == NULL)
    {
      gtk_label_set_text (self->error_banner, error->message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      return;
    }

  if (state->def->widget == IC_FORM_ORGANISATION)
    message = g_strdup (_("Choose the organisation this record belongs to."));
  else
    message = ic_format_field_error (error->message, field, _(state->def->title));

  /* Rows with a subtitle say it right there; the others say it under
   * their group. */
  gtk_widget_add_css_class (state->row, "error");
  if (ADW_IS_ACTION_ROW (state->row))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (state->row), message);
  else
    {
      gtk_label_set_text (state->message, message);
      gtk_widget_set_visible (GTK_WIDGET (state->message), TRUE);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (state->input),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (state->input),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_widget_grab_focus (state->input);
}

/* A copy of the record with the form's values (transfer full). */
static IcRecord *
read_form (IcRecordEditor *self)
{
  IcRecord *copy = ic_record_copy (self->record);

  for (guint i = 0; i < self->fields->len; i++)
    store_field (self, &g_array_index (self->fields, FieldState, i), copy);
  return copy;
}

static void
load_form (IcRecordEditor *self,
           IcRecord       *from)
{
  for (guint i = 0; i < self->fields->len; i++)
    load_field (self, &g_array_index (self->fields, FieldState, i), from);
}

/* The form stays editable (and keeps the focus): the write has its own
 * copy, and a reload reads the form only once the stored record came. */
static void
set_busy (IcRecordEditor *self,
          gboolean        busy)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reload_button), !busy);
}

static void
show_banner (IcRecordEditor *self,
             const char     *message,
             gboolean        offer_reload)
{
  gtk_label_set_text (self->error_banner, message);
  gtk_widget_set_visible (GTK_WIDGET (self->reload_button), offer_reload);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(IcRecordEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) written = ic_store_service_write_finish (IC_STORE_SERVICE (source), result, &error);

  self->saving = FALSE;
  if (self->disposed)
    {
      /* Closed while saving: the pages still hear of a write. */
      if (written != NULL)
        g_signal_emit (self, signals[SIGNAL_SAVED], 0, written);
      return;
    }
  set_busy (self, FALSE);
  if (written == NULL && g_error_matches (error, IC_STORE_ERROR, IC_STORE_ERROR_CHANGED))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” was changed elsewhere (by a sync, the command line or another window) "
                           "since this form was opened, so it was not saved. Reload to bring in the "
                           "stored version with your changes kept on top, then save again."),
                         ic_record_get_title (self->record));

      show_banner (self, message, TRUE);
      return;
    }
  if (written == NULL)
    {
      show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, written);
  gtk_window_destroy (GTK_WINDOW (self));
}

gboolean
ic_record_editor_save (IcRecordEditor *self)
{
  g_autoptr(IcRecord) copy = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (IC_IS_RECORD_EDITOR (self), FALSE);

  if (self->saving)
    return FALSE;
  clear_errors (self);
  copy = read_form (self);
  if (!ic_record_validate (copy, ic_store_service_get_taxonomy (self->service), &error))
    {
      show_error (self, error);
      return FALSE;
    }

  /* The copy keeps the rev the form was loaded on: the store checks it. */
  self->saving = TRUE;
  set_busy (self, TRUE);
  ic_store_service_write_async (self->service,
                                self->is_new ? IC_STORE_WRITE_INSERT : IC_STORE_WRITE_UPDATE_IF_UNCHANGED,
                                copy, self->author, NULL, on_saved, g_object_ref (self));
  return TRUE;
}

/* The names (JSON members) of the fields this person changed since the
 * form was loaded (transfer full). */
static GStrv
changed_fields (IcRecordEditor *self)
{
  g_autoptr(IcRecord) form = read_form (self);
  g_autoptr(GPtrArray) diff = ic_conflict_diff (form, self->baseline);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; i < diff->len; i++)
    g_strv_builder_add (names, ((IcConflictField *) g_ptr_array_index (diff, i))->name);
  return g_strv_builder_end (names);
}

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(IcRecordEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) stored = ic_store_service_get_finish (IC_STORE_SERVICE (source), result, &error);
  g_autoptr(IcRecord) mine = NULL;
  g_autoptr(IcRecord) merged = NULL;
  g_auto(GStrv) changed = NULL;
  g_autofree char *message = NULL;
  guint n_changed;

  self->saving = FALSE;
  if (self->disposed)
    return;
  set_busy (self, FALSE);
  if (stored == NULL)
    {
      message = g_strdup_printf (_("Cannot reload “%s”: %s"), ic_record_get_title (self->record), error->message);
      show_banner (self, message, TRUE);
      return;
    }
  if (ic_record_get_deleted (stored))
    {
      message = g_strdup_printf (_("“%s” was deleted elsewhere, so it cannot be saved from this form."),
                                 ic_record_get_title (self->record));
      show_banner (self, message, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
      return;
    }

  mine = read_form (self);
  changed = changed_fields (self);
  merged = ic_conflict_merge (mine, stored, (const char * const *) changed, &error);
  if (merged == NULL)
    {
      message = g_strdup_printf (_("Cannot reload “%s”: %s"), ic_record_get_title (self->record), error->message);
      show_banner (self, message, TRUE);
      return;
    }

  /* The stored record is the new starting point; the form shows it with
   * this person's changes on top. */
  g_set_object (&self->record, stored);
  load_form (self, stored);
  g_clear_object (&self->baseline);
  self->baseline = read_form (self);
  load_form (self, merged);

  n_changed = g_strv_length (changed);
  if (n_changed == 0)
    message = g_strdup_printf (_("Reloaded “%s” as it is stored now."), ic_record_get_title (stored));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Reloaded “%s” as it is stored now, with your change to %u field kept on top. Check it and save again.",
                                            "Reloaded “%s” as it is stored now, with your changes to %u fields kept on top. Check them and save again.",
                                            n_changed),
                               ic_record_get_title (stored), n_changed);
  show_banner (self, message, FALSE);
}

static void
on_reload_clicked (IcRecordEditor *self)
{
  if (self->saving)
    return;
  self->saving = TRUE;
  set_busy (self, TRUE);
  ic_store_service_get_async (self->service, ic_record_get_id (self->record), NULL,
                              on_fetched, g_object_ref (self));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ic_record_editor_save (IC_RECORD_EDITOR (widget));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IcRecordEditor *self = IC_RECORD_EDITOR (widget);
  g_autofree char *id = g_strdup (ic_record_get_id (self->record));

  gtk_widget_set_visible (widget, FALSE);
  g_signal_emit (self, signals[SIGNAL_DELETE_REQUESTED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Closing waits for a write under way: were it to fail, the form and
 * its message are all that hold the person's edit. */
static gboolean
ic_record_editor_close_request (GtkWindow *window)
{
  if (IC_RECORD_EDITOR (window)->saving)
    return TRUE;
  return GTK_WINDOW_CLASS (ic_record_editor_parent_class)->close_request (window);
}

static void
ic_record_editor_dispose (GObject *object)
{
  IC_RECORD_EDITOR (object)->disposed = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (object), IC_TYPE_RECORD_EDITOR);

  G_OBJECT_CLASS (ic_record_editor_parent_class)->dispose (object);
}

static void
ic_record_editor_finalize (GObject *object)
{
  IcRecordEditor *self = IC_RECORD_EDITOR (object);

  g_clear_object (&self->service);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_object (&self->record);
  g_clear_object (&self->baseline);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->fields, g_array_unref);

  G_OBJECT_CLASS (ic_record_editor_parent_class)->finalize (object);
}

static void
ic_record_editor_class_init (IcRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_record_editor_dispose;
  object_class->finalize = ic_record_editor_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = ic_record_editor_close_request;

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, IC_TYPE_RECORD);
  signals[SIGNAL_DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IcRecordEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, IcRecordEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, IcRecordEditor, error_banner);
  gtk_widget_class_bind_template_child (widget_class, IcRecordEditor, reload_button);
  gtk_widget_class_bind_template_callback (widget_class, on_reload_clicked);
  gtk_widget_class_bind_template_child (widget_class, IcRecordEditor, form_box);
  gtk_widget_class_bind_template_child (widget_class, IcRecordEditor, delete_button);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ic_record_editor_init (IcRecordEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_array_new (FALSE, TRUE, sizeof (FieldState));
  g_array_set_clear_func (self->fields, (GDestroyNotify) field_state_clear);
}

/* What the form offers to choose from, read before it is built. */
typedef struct
{
  IcStoreService *service;
  IcRecord       *record;
  gboolean        is_new;
  char           *author;
  GPtrArray      *organisations;  /* NamedId, by name */
  GStrv           tags;
} NewData;

static void
new_data_free (NewData *data)
{
  g_clear_object (&data->service);
  g_clear_object (&data->record);
  g_free (data->author);
  g_clear_pointer (&data->organisations, g_ptr_array_unref);
  g_strfreev (data->tags);
  g_free (data);
}

static void
read_choices_job (GTask        *task,
                  IcStore      *store,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  NewData *data = task_data;
  GError *error = NULL;

  data->organisations = g_ptr_array_new_with_free_func ((GDestroyNotify) named_id_free);
  if (ic_record_get_kind (data->record) != IC_RECORD_KIND_ORGANISATION &&
      !ic_store_foreach (store, IC_RECORD_KIND_ORGANISATION, collect_organisation,
                         data->organisations, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_ptr_array_sort (data->organisations, compare_named_ids);
  data->tags = ic_store_list_tags (store, NULL);
  g_task_return_boolean (task, TRUE);
}

void
ic_record_editor_new_async (IcStoreService      *service,
                            IcRecord            *record,
                            gboolean             is_new,
                            const char          *author,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  NewData *data;

  g_return_if_fail (IC_IS_STORE_SERVICE (service));
  g_return_if_fail (IC_IS_RECORD (record));

  data = g_new0 (NewData, 1);
  data->service = g_object_ref (service);
  data->record = ic_record_copy (record);
  data->is_new = is_new;
  data->author = g_strdup (author);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ic_record_editor_new_async);
  g_task_set_task_data (task, data, (GDestroyNotify) new_data_free);
  ic_store_service_run (service, task, read_choices_job);
}

IcRecordEditor *
ic_record_editor_new_finish (GAsyncResult  *result,
                             GError       **error)
{
  IcRecordEditor *self;
  NewData *data;
  const IcKindText *text;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ic_record_editor_new_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  data = g_task_get_task_data (G_TASK (result));

  self = g_object_new (IC_TYPE_RECORD_EDITOR, NULL);
  self->service = g_object_ref (data->service);
  self->record = g_object_ref (data->record);
  self->is_new = data->is_new;
  self->author = g_strdup (data->author);
  self->organisations = g_steal_pointer (&data->organisations);
  self->tags = g_steal_pointer (&data->tags);

  text = ic_kind_text (ic_record_get_kind (self->record));
  adw_window_title_set_title (self->window_title, self->is_new ? text->new_title : text->edit_title);
  gtk_window_set_title (GTK_WINDOW (self), self->is_new ? text->new_title : text->edit_title);
  gtk_button_set_label (self->delete_button, text->delete_label);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), !self->is_new);

  build_form (self);
  load_form (self, self->record);
  self->baseline = read_form (self);
  if (self->fields->len > 0)
    gtk_widget_grab_focus (g_array_index (self->fields, FieldState, 0).input);

  return self;
}
