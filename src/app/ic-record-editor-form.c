/* ic-record-editor-form.c — the record editor's form: rows for a
 * record kind's fields, filled from a record and read back into one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "ic-app-format.h"
#include "ic-fields.h"
#include "ic-model-error.h"
#include "ic-record-editor-private.h"
#include "ic-search-drop-down.h"
#include "ic-tag-completion.h"
#include "ic-window.h"

void
ic_record_editor_field_state_clear (FieldState *state)
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
  char *cluster;
  char *place;
} NamedId;

static gboolean
collect_organisation (IcRecord *record,
                      gpointer  user_data)
{
  NamedId *item = g_new (NamedId, 1);

  item->id = g_strdup (ic_record_get_id (record));
  item->name = g_strdup (ic_record_get_title (record));
  g_object_get (record, "cluster", &item->cluster, "local-authority", &item->place, NULL);
  g_ptr_array_add (user_data, item);
  return TRUE;
}

static void
named_id_free (NamedId *item)
{
  g_free (item->id);
  g_free (item->name);
  g_free (item->cluster);
  g_free (item->place);
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

static FieldState *
find_field (IcRecordEditor *self,
            const char     *field);

static guint
find_id (GPtrArray  *ids,
         const char *id)
{
  for (guint i = 1; i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
      return i;
  return 0;
}

static NamedId *
find_organisation (IcRecordEditor *self,
                   const char     *id)
{
  for (guint i = 0; id != NULL && i < self->organisations->len; i++)
    {
      NamedId *item = g_ptr_array_index (self->organisations, i);

      if (g_strcmp0 (item->id, id) == 0)
        return item;
    }
  return NULL;
}

/* The picker lists "Choose an organisation", every organisation by
 * name, and "New Organisation…" last (its position is ids->len). */
static void
fill_organisations (IcRecordEditor *self,
                    FieldState     *state)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (state->input);
  g_autoptr(GListStore) items = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GtkStringObject) none = ic_search_item_new (_("Choose an organisation"), g_strdup (""));
  g_autoptr(GtkStringObject) add = ic_search_item_new_always (_("New Organisation…"));

  g_ptr_array_set_size (state->ids, 0);
  g_list_store_append (items, none);
  g_ptr_array_add (state->ids, NULL);
  for (guint i = 0; i < self->organisations->len; i++)
    {
      NamedId *item = g_ptr_array_index (self->organisations, i);
      g_autoptr(GtkStringObject) row = ic_search_item_new (item->name, NULL);

      g_list_store_append (items, row);
      g_ptr_array_add (state->ids, g_strdup (item->id));
    }
  g_list_store_append (items, add);

  g_object_set_data (G_OBJECT (drop_down), "ic-filling", GINT_TO_POINTER (TRUE));
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (items));
  gtk_drop_down_set_selected (drop_down, 0);
  g_object_set_data (G_OBJECT (drop_down), "ic-previous", GUINT_TO_POINTER (0));
  g_object_set_data (G_OBJECT (drop_down), "ic-filling", NULL);
}

/* A cluster or place left at None takes the organisation's. */
static void
take_from_organisation (IcRecordEditor *self,
                        const char     *field,
                        const char     *id)
{
  FieldState *state = find_field (self, field);
  guint position;

  if (state == NULL || id == NULL ||
      adw_combo_row_get_selected (ADW_COMBO_ROW (state->input)) != 0)
    return;
  position = find_id (state->ids, id);
  if (position != 0)
    adw_combo_row_set_selected (ADW_COMBO_ROW (state->input), position);
}

static void
on_organisation_saved (IcRecordEditor *editor,
                       IcRecord       *record,
                       IcRecordEditor *self)
{
  FieldState *state = find_field (self, "organisation_id");
  NamedId *item = g_new0 (NamedId, 1);

  if (state == NULL)
    {
      named_id_free (item);
      return;
    }
  item->id = g_strdup (ic_record_get_id (record));
  item->name = g_strdup (ic_record_get_title (record));
  g_object_get (record, "cluster", &item->cluster, "local-authority", &item->place, NULL);
  g_ptr_array_add (self->organisations, item);
  g_ptr_array_sort (self->organisations, compare_named_ids);
  fill_organisations (self, state);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (state->input), find_id (state->ids, item->id));
  /* The organisation is stored already, whatever becomes of this form:
   * the main window's lists show it now, not at the form's save. */
  for (GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
       parent != NULL; parent = gtk_window_get_transient_for (parent))
    if (IC_IS_WINDOW (parent))
      {
        ic_window_records_changed (IC_WINDOW (parent), IC_RECORD_KIND_ORGANISATION);
        break;
      }
}

static void
on_organisation_editor_made (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(IcRecordEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  IcRecordEditor *editor = ic_record_editor_new_finish (result, &error);

  if (editor == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->disposed)
        return;
      message = g_strdup_printf (_("Cannot open a form for a new organisation: %s"), error->message);
      gtk_label_set_text (self->error_banner, message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      return;
    }
  if (self->disposed)
    {
      gtk_window_destroy (GTK_WINDOW (editor));
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (editor), TRUE);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_organisation_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

/* A new organisation is written by a form of its own, over this one;
 * text still in the search when it is chosen becomes its name (GTK 4.8
 * usually clears the search first, so the name is mostly typed anew). */
static void
open_new_organisation (IcRecordEditor *self,
                       const char     *name)
{
  g_autoptr(IcRecord) organisation = ic_record_new (IC_RECORD_KIND_ORGANISATION);
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (stripped[0] != '\0')
    g_object_set (organisation, "name", stripped, NULL);
  ic_record_editor_new_async (self->service, organisation, TRUE, self->author, NULL,
                              on_organisation_editor_made, g_object_ref (self));
}

static void
on_organisation_selected (GtkDropDown    *drop_down,
                          GParamSpec     *pspec,
                          IcRecordEditor *self)
{
  FieldState *state = find_field (self, "organisation_id");
  guint selected = gtk_drop_down_get_selected (drop_down);
  NamedId *item;

  if (state == NULL || g_object_get_data (G_OBJECT (drop_down), "ic-filling") != NULL)
    return;
  if (selected == state->ids->len)
    {
      g_autofree char *typed = g_strdup (ic_search_drop_down_get_text (drop_down));

      gtk_drop_down_set_selected (drop_down,
                                  GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), "ic-previous")));
      open_new_organisation (self, typed);
      return;
    }
  g_object_set_data (G_OBJECT (drop_down), "ic-previous", GUINT_TO_POINTER (selected));
  if (self->loading || selected >= state->ids->len)
    return;
  item = find_organisation (self, g_ptr_array_index (state->ids, selected));
  if (item == NULL)
    return;
  take_from_organisation (self, "cluster", item->cluster);
  take_from_organisation (self, "local_authority", item->place);
}

static GtkWidget *
organisation_row_new (IcRecordEditor *self,
                      FieldState     *state)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *drop_down = gtk_drop_down_new (NULL, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(state->def->title));
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (drop_down, TRUE);
  gtk_widget_set_halign (drop_down, GTK_ALIGN_END);
  gtk_widget_set_size_request (drop_down, 240, -1);
  ic_search_drop_down_attach (GTK_DROP_DOWN (drop_down));
  /* Named after the row's title (the row labels its activatable
   * widget). */
  gtk_widget_set_tooltip_text (drop_down, _("Type to find an organisation by any word of its name, "
                                            "or choose New Organisation… to add one"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), drop_down);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), drop_down);
  state->input = drop_down;
  fill_organisations (self, state);
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (on_organisation_selected), self);
  return row;
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

/* Shows the entry's date on the calendar as it opens. */
static void
on_calendar_shown (GtkPopover  *popover,
                   GtkEditable *entry)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  int year = 0, month = 0, day = 0;
  const char *text = gtk_editable_get_text (entry);

  if (sscanf (text, "%4d-%2d-%2d", &year, &month, &day) == 3 &&
      g_date_valid_dmy (day, month, year))
    {
      g_autoptr(GDateTime) date = g_date_time_new_local (year, month, day, 0, 0, 0);

      gtk_calendar_select_day (calendar, date);
    }
}

/* The day taken is written as YYYY-MM-DD and the calendar closes; the
 * entry still takes typing.  GtkCalendar's "day-selected" also fires
 * when the month or year changes (its arrows, Ctrl+arrows), so it is
 * not the moment to write: a day is taken by clicking it, or by Space
 * on the day the keyboard has reached. */
static gboolean
commit_day (gpointer user_data)
{
  GtkCalendar *calendar = user_data;
  GtkEditable *entry = g_object_get_data (G_OBJECT (calendar), "ic-entry");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  g_object_set_data (G_OBJECT (calendar), "ic-commit", NULL);
  /* Only while the calendar is still the entry's (the form may have
   * closed in between): the check compares pointers only. */
  if (entry != NULL && gtk_widget_is_ancestor (GTK_WIDGET (calendar), GTK_WIDGET (entry)))
    gtk_editable_set_text (entry, text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  return G_SOURCE_REMOVE;
}

/* After the calendar handled the event, so that its date is the day
 * taken. */
static void
commit_day_later (GtkCalendar *calendar)
{
  guint id;

  if (g_object_get_data (G_OBJECT (calendar), "ic-commit") != NULL)
    return;
  id = g_idle_add_full (G_PRIORITY_DEFAULT, commit_day, g_object_ref (calendar), g_object_unref);
  g_object_set_data (G_OBJECT (calendar), "ic-commit", GUINT_TO_POINTER (id));
}

static void
on_calendar_pressed (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     GtkCalendar     *calendar)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (calendar), x, y, GTK_PICK_DEFAULT);

  /* A day's number, not the month and year buttons or the headings. */
  if (GTK_IS_LABEL (picked) && gtk_widget_has_css_class (picked, "day-number"))
    commit_day_later (calendar);
}

static gboolean
on_calendar_key (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 GtkCalendar           *calendar)
{
  if (keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space)
    commit_day_later (calendar);
  return GDK_EVENT_PROPAGATE;
}

static GtkWidget *
date_row_new (FieldState *state)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(state->def->title));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), FALSE);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose on a calendar"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose the Date on a Calendar"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (calendar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Calendar"), -1);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect (popover, "show", G_CALLBACK (on_calendar_shown), row);
  g_object_set_data (G_OBJECT (calendar), "ic-entry", row);
  {
    GtkGesture *click = gtk_gesture_click_new ();
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
    g_signal_connect (click, "pressed", G_CALLBACK (on_calendar_pressed), calendar);
    gtk_widget_add_controller (calendar, GTK_EVENT_CONTROLLER (click));
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (on_calendar_key), calendar);
    gtk_widget_add_controller (calendar, keys);
  }
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  state->input = row;
  return row;
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
      return organisation_row_new (self, state);
    case IC_FORM_DATE:
      return date_row_new (state);
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

void
ic_record_editor_build_form (IcRecordEditor *self)
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

      gtk_box_append (self->edit_box, group);
    }
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
    case IC_FORM_DATE:
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
    case IC_FORM_ORGANISATION:
      gtk_drop_down_set_selected (GTK_DROP_DOWN (state->input),
                                  find_id (state->ids, g_value_get_string (&value)));
      break;
    case IC_FORM_CLUSTER:
    case IC_FORM_PLACE:
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
    case IC_FORM_DATE:
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
    case IC_FORM_ORGANISATION:
      selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (state->input));
      g_object_set (record, property,
                    selected < state->ids->len ? g_ptr_array_index (state->ids, selected) : NULL,
                    NULL);
      break;
    case IC_FORM_CLUSTER:
    case IC_FORM_PLACE:
    default:
      selected = adw_combo_row_get_selected (ADW_COMBO_ROW (state->input));
      g_object_set (record, property,
                    selected < state->ids->len ? g_ptr_array_index (state->ids, selected) : NULL,
                    NULL);
      break;
    }
}

void
ic_record_editor_clear_errors (IcRecordEditor *self)
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

void
ic_record_editor_show_field_error (IcRecordEditor *self,
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

IcRecord *
ic_record_editor_read_form (IcRecordEditor *self)
{
  IcRecord *copy = ic_record_copy (self->record);

  for (guint i = 0; i < self->fields->len; i++)
    store_field (self, &g_array_index (self->fields, FieldState, i), copy);
  return copy;
}

void
ic_record_editor_load_form (IcRecordEditor *self,
                            IcRecord       *from)
{
  for (guint i = 0; i < self->fields->len; i++)
    load_field (self, &g_array_index (self->fields, FieldState, i), from);
}

gboolean
ic_record_editor_read_choices (IcStore       *store,
                               IcRecordKind   kind,
                               GPtrArray    **organisations,
                               GStrv         *tags,
                               GError       **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) named_id_free);

  if (kind != IC_RECORD_KIND_ORGANISATION &&
      !ic_store_foreach (store, IC_RECORD_KIND_ORGANISATION, collect_organisation, found, error))
    return FALSE;
  g_ptr_array_sort (found, compare_named_ids);
  *organisations = g_steal_pointer (&found);
  *tags = ic_store_list_tags (store, NULL);
  return TRUE;
}

void
ic_record_editor_watch_form (IcRecordEditor *self,
                             GCallback       callback)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      FieldState *state = &g_array_index (self->fields, FieldState, i);

      switch (state->def->widget)
        {
        case IC_FORM_LONG_TEXT:
          g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (state->input)),
                                    "changed", callback, self);
          break;
        case IC_FORM_NUMBER:
          g_signal_connect_swapped (state->input, "value-changed", callback, self);
          g_signal_connect_swapped (state->input, "changed", callback, self);
          break;
        case IC_FORM_TEXT:
        case IC_FORM_DATE:
        case IC_FORM_TAGS:
        case IC_FORM_LIST:
          g_signal_connect_swapped (state->input, "changed", callback, self);
          break;
        case IC_FORM_CLUSTER:
        case IC_FORM_PLACE:
        case IC_FORM_ORGANISATION:
        case IC_FORM_ENUM:
        default:
          g_signal_connect_swapped (state->input, "notify::selected", callback, self);
          break;
        }
    }
}
