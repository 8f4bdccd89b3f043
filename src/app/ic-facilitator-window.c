/* ic-facilitator-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ranks with the same job as the Matches page (ic-match-job.h) and
 * shows each result with the same score bar, in type large enough to
 * read across a room.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-app-format.h"
#include "ic-challenge.h"
#include "ic-match-job.h"
#include "ic-facilitator-window.h"
#include "ic-score-bar.h"
#include "ic-weights-panel.h"

#define TOP_K 8

struct _IcFacilitatorWindow
{
  AdwWindow       parent_instance;

  IcStoreService *service;
  IcMatcher      *matcher;
  IcMatchOptions  excluded;          /* the pairs the user excluded */
  GPtrArray      *challenges;        /* open IcChallenge, as in the drop-down */
  GCancellable   *cancellable;       /* building the matcher */
  GCancellable   *rank_cancellable;
  gboolean        updating;

  GtkDropDown    *challenge_dropdown;
  GtkStack       *view_stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *none_page;
  GtkLabel       *title_label;
  GtkLabel       *description_label;
  GtkListBox     *results_list;
  AdwBin         *weights_bin;
  IcWeightsPanel *weights_panel;
  GtkWidget      *controls_box;
  GtkToggleButton *weights_button;
  GtkWidget      *day_box;
  GtkLabel       *now_label;
  GtkLabel       *next_label;
  GtkFlowBox     *tables_box;
  GtkLabel       *absent_label;

  /* The workshop on the day, when there is one. */
  IcEvent           *event;
  char             **ids;
  char             **names;
  IcScheduleProblem *problem;
  IcSchedule        *schedule;
  guint              tick_id;
  int                shown_slot;   /* the slot the tables show; -2 before any */
};

G_DEFINE_FINAL_TYPE (IcFacilitatorWindow, ic_facilitator_window, ADW_TYPE_WINDOW)

static void
show_none (IcFacilitatorWindow *self,
           const char          *description)
{
  gtk_spinner_set_spinning (self->spinner, FALSE);
  adw_status_page_set_description (self->none_page, description);
  gtk_stack_set_visible_child_name (self->view_stack, "none");
}

static IcChallenge *
selected_challenge (IcFacilitatorWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->challenge_dropdown);

  if (self->challenges == NULL || selected >= self->challenges->len)
    return NULL;
  return g_ptr_array_index (self->challenges, selected);
}

static GtkWidget *
result_row_new (IcMatchResult *result,
                guint          rank)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *rank_text = g_strdup_printf ("%u", rank);
  g_autofree char *score_text = g_strdup_printf ("%.0f%%", 100 * ic_match_result_get_score (result));
  const char *title = ic_match_result_get_capability_title (result);
  const char *organisation = ic_match_result_get_organisation_name (result);
  /* Translators: "1. Low-carbon steel recycling, 72%" */
  g_autofree char *name = g_strdup_printf (_("%u. %s, %s"), rank, title != NULL ? title : "", score_text);
  GtkWidget *rank_label = gtk_label_new (rank_text);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *organisation_label = gtk_label_new (organisation);
  GtkWidget *score_label = gtk_label_new (score_text);
  GtkWidget *bar = ic_score_bar_new ();

  gtk_widget_add_css_class (rank_label, "title-1");
  gtk_widget_add_css_class (rank_label, "dim-label");
  gtk_widget_set_size_request (rank_label, 48, -1);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_widget_add_css_class (title_label, "title-2");
  gtk_label_set_xalign (GTK_LABEL (organisation_label), 0);
  gtk_widget_add_css_class (organisation_label, "title-4");
  gtk_widget_add_css_class (organisation_label, "dim-label");
  gtk_widget_set_visible (organisation_label, organisation != NULL);
  ic_score_bar_set_result (IC_SCORE_BAR (bar), result);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_add_css_class (score_label, "title-1");
  gtk_widget_add_css_class (score_label, "numeric");
  gtk_widget_set_valign (score_label, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (text), title_label);
  gtk_box_append (GTK_BOX (text), organisation_label);
  gtk_box_append (GTK_BOX (text), bar);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), rank_label);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), score_label);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 18);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

/* The day --------------------------------------------------------------- */

static char *
slot_times (IcEventSlot *slot)
{
  g_autofree char *end = ic_event_slot_format_end (slot);

  return g_strdup_printf ("%s–%s", ic_event_slot_get_start (slot), end != NULL ? end : "");
}

static GtkWidget *
table_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "title-3");
  return label;
}

/* Who meets at which table in @slot, and who is not there then. */
static void
show_tables (IcFacilitatorWindow *self,
             int                  slot)
{
  g_autoptr(GPtrArray) away = g_ptr_array_new ();
  GtkWidget *child;
  guint n = self->problem != NULL ? ic_schedule_problem_get_n_participants (self->problem) : 0;

  self->shown_slot = slot;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tables_box))) != NULL)
    gtk_flow_box_remove (self->tables_box, child);
  for (guint i = 0; slot >= 0 && self->schedule != NULL && i < ic_schedule_get_n_meetings (self->schedule); i++)
    {
      const IcMeeting *m = ic_schedule_get_meeting (self->schedule, i);
      g_autofree char *text = NULL;

      if (m->slot != (guint) slot || m->challenge_owner >= n || m->capability_owner >= n)
        continue;
      /* Translators: "Table 3: Acme — Widgets Ltd" */
      text = g_strdup_printf (_("Table %u: %s — %s"), m->table + 1, self->names[m->challenge_owner],
                              self->names[m->capability_owner]);
      gtk_flow_box_append (self->tables_box, table_label_new (text));
    }
  for (guint p = 0; slot >= 0 && p < n; p++)
    if (!ic_schedule_problem_is_available (self->problem, p, slot))
      g_ptr_array_add (away, self->names[p]);
  if (away->len > 0)
    {
      g_autofree char *list = NULL;
      g_autofree char *text = NULL;

      g_ptr_array_add (away, NULL);
      list = g_strjoinv (", ", (char **) away->pdata);
      text = g_strdup_printf (_("Not here now: %s"), list);
      gtk_label_set_text (self->absent_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->absent_label), away->len > 0);
}

/* Updates now, next and the countdown from the clock. */
static gboolean
tick (gpointer user_data)
{
  IcFacilitatorWindow *self = user_data;
  GListModel *slots = G_LIST_MODEL (ic_event_get_slots (self->event));
  guint n_slots = g_list_model_get_n_items (slots);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  int second = (g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now)) * 60 +
               g_date_time_get_second (now);
  int date_order = g_strcmp0 (today, ic_event_get_date (self->event));
  int current = -1, next = -1;
  g_autofree char *now_text = NULL;
  g_autofree char *next_text = NULL;

  for (guint s = 0; s < n_slots; s++)
    {
      g_autoptr(IcEventSlot) slot = g_list_model_get_item (slots, s);
      int start = ic_event_slot_get_start_minute (slot) * 60;
      int end = start + ic_event_slot_get_minutes (slot) * 60;

      if (date_order == 0 && start <= second && second < end && current < 0)
        current = s;
      else if ((date_order < 0 || (date_order == 0 && start > second)) && next < 0)
        next = s;
    }

  if (current >= 0)
    {
      g_autoptr(IcEventSlot) slot = g_list_model_get_item (slots, current);
      int left = (ic_event_slot_get_start_minute (slot) + ic_event_slot_get_minutes (slot)) * 60 - second;
      g_autofree char *times = slot_times (slot);
      g_autofree char *countdown = ic_format_countdown (left);

      /* Translators: "Now: slot 2, 09:15–09:30 · 6:12 left" */
      now_text = g_strdup_printf (_("Now: slot %d, %s · %s left"), current + 1, times, countdown);
    }
  else if (next >= 0 && date_order == 0)
    {
      g_autoptr(IcEventSlot) slot = g_list_model_get_item (slots, next);
      int wait = ic_event_slot_get_start_minute (slot) * 60 - second;
      g_autofree char *countdown = ic_format_countdown (wait);

      /* Translators: "Now: a break · slot 3 starts in 4:30", or "in 2 h 05 min" */
      now_text = g_strdup_printf (_("Now: a break · slot %d starts in %s"), next + 1, countdown);
    }
  else if (next >= 0)
    now_text = g_strdup_printf (_("The meetings are on %s"), ic_event_get_date (self->event));
  else
    now_text = g_strdup (_("The meetings are over"));

  if (next >= 0)
    {
      g_autoptr(IcEventSlot) slot = g_list_model_get_item (slots, next);
      g_autofree char *times = slot_times (slot);

      next_text = g_strdup_printf (_("Next: slot %d, %s"), next + 1, times);
    }
  gtk_label_set_text (self->now_label, now_text);
  gtk_label_set_text (self->next_label, next_text != NULL ? next_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->next_label), next_text != NULL);

  /* The tables of the slot on now, or else of the next. */
  if ((current >= 0 ? current : next) != self->shown_slot)
    show_tables (self, current >= 0 ? current : next);
  return G_SOURCE_CONTINUE;
}

void
ic_facilitator_window_set_day (IcFacilitatorWindow *self,
                               IcEvent             *event,
                               const char * const  *ids,
                               const char * const  *names,
                               IcScheduleProblem   *problem,
                               IcSchedule          *schedule)
{
  g_return_if_fail (IC_IS_FACILITATOR_WINDOW (self));
  g_return_if_fail (IC_IS_EVENT (event) && problem != NULL);

  g_set_object (&self->event, event);
  g_strfreev (self->ids);
  self->ids = g_strdupv ((char **) ids);
  g_strfreev (self->names);
  self->names = g_strdupv ((char **) names);
  g_clear_pointer (&self->problem, ic_schedule_problem_unref);
  self->problem = ic_schedule_problem_ref (problem);
  g_clear_pointer (&self->schedule, ic_schedule_unref);
  self->schedule = schedule != NULL ? ic_schedule_ref (schedule) : NULL;
  self->shown_slot = -2;
  gtk_widget_set_visible (self->day_box, TRUE);
  tick (self);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, tick, self);
}

/* Whether @challenge belongs to one of the day's participants (any,
 * when the view is not tied to an event). */
static gboolean
of_the_day (IcFacilitatorWindow *self,
            IcChallenge         *challenge)
{
  return self->ids == NULL ||
         g_strv_contains ((const char * const *) self->ids, ic_challenge_get_organisation_id (challenge));
}

static void
on_ranked (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(IcFacilitatorWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = ic_matcher_rerank_finish (IC_MATCHER (source), result, &error);
  GtkWidget *child;
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->rank_cancellable)
    return;
  if (results == NULL)
    {
      show_none (self, error->message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
  n = g_list_model_get_n_items (results);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcMatchResult) item = g_list_model_get_item (results, i);

      gtk_list_box_append (self->results_list, result_row_new (item, i + 1));
    }
  if (n == 0)
    show_none (self, _("No capability fits this challenge yet."));
}

static void
rank (IcFacilitatorWindow *self,
      gboolean             from_scratch)
{
  IcChallenge *challenge = selected_challenge (self);
  g_auto(IcMatchOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  const char *description;

  g_cancellable_cancel (self->rank_cancellable);
  g_clear_object (&self->rank_cancellable);
  if (self->matcher == NULL || challenge == NULL)
    return;

  ic_match_job_options_init (&options, &self->excluded, challenge, TOP_K,
                             ic_weights_panel_get_cross_sector (self->weights_panel));
  if (!ic_matcher_check_challenge (self->matcher, challenge, &options, &error))
    {
      show_none (self, error->message);
      return;
    }

  description = ic_challenge_get_description (challenge);
  gtk_label_set_text (self->title_label, ic_record_get_title (IC_RECORD (challenge)));
  gtk_label_set_text (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description != NULL && description[0] != '\0');
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_stack_set_visible_child_name (self->view_stack, "challenge");

  if (from_scratch)
    ic_matcher_forget (self->matcher, ic_record_get_id (IC_RECORD (challenge)));
  self->rank_cancellable = g_cancellable_new ();
  ic_matcher_rerank_async (self->matcher, challenge,
                             ic_weights_panel_get_weights (self->weights_panel), &options,
                             self->rank_cancellable, on_ranked, g_object_ref (self));
}

static void
on_built (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(IcFacilitatorWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcMatchSetup) setup = ic_match_job_build_finish (result, &error);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (setup == NULL)
    {
      show_none (self, error->message);
      return;
    }
  /* The panel's own copy: what the room tries is never kept.  Saved
   * weights that no longer parse leave the balanced ones. */
  if (setup->weights != NULL)
    ic_weights_panel_set_weights (self->weights_panel, setup->weights);
  ic_match_options_clear (&self->excluded);
  ic_match_options_copy (&setup->excluded, &self->excluded);
  g_set_object (&self->matcher, setup->matcher);
  self->challenges = g_steal_pointer (&setup->challenges);
  /* On the day, the event's own challenges only. */
  for (guint i = self->challenges->len; i > 0; i--)
    if (!of_the_day (self, g_ptr_array_index (self->challenges, i - 1)))
      g_ptr_array_remove_index (self->challenges, i - 1);
  if (self->challenges->len == 0)
    {
      show_none (self, _("There is no open challenge to show. Add one, or load the sample data."));
      return;
    }

  for (guint i = 0; i < self->challenges->len; i++)
    gtk_string_list_append (titles, ic_record_get_title (g_ptr_array_index (self->challenges, i)));
  self->updating = TRUE;
  gtk_drop_down_set_model (self->challenge_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->challenge_dropdown, 0);
  self->updating = FALSE;
  rank (self, TRUE);
}

static void
on_challenge_selected (GtkDropDown         *dropdown,
                       GParamSpec          *pspec,
                       IcFacilitatorWindow *self)
{
  if (!self->updating)
    rank (self, TRUE);
}

static void
on_weights_changed (IcWeightsPanel      *panel,
                    gboolean             in_full,
                    IcFacilitatorWindow *self)
{
  rank (self, in_full);
}

static void
ic_facilitator_window_dispose (GObject *object)
{
  IcFacilitatorWindow *self = IC_FACILITATOR_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->rank_cancellable);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), IC_TYPE_FACILITATOR_WINDOW);

  G_OBJECT_CLASS (ic_facilitator_window_parent_class)->dispose (object);
}

static void
ic_facilitator_window_finalize (GObject *object)
{
  IcFacilitatorWindow *self = IC_FACILITATOR_WINDOW (object);

  g_clear_object (&self->service);
  g_clear_object (&self->matcher);
  ic_match_options_clear (&self->excluded);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->rank_cancellable);
  g_clear_pointer (&self->challenges, g_ptr_array_unref);
  g_clear_object (&self->event);
  g_strfreev (self->ids);
  g_strfreev (self->names);
  g_clear_pointer (&self->problem, ic_schedule_problem_unref);
  g_clear_pointer (&self->schedule, ic_schedule_unref);

  G_OBJECT_CLASS (ic_facilitator_window_parent_class)->finalize (object);
}

/* Projection: no control on screen, the weights panel closed. */
static void
present_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IcFacilitatorWindow *self = IC_FACILITATOR_WINDOW (widget);
  gboolean presenting = gtk_widget_get_visible (self->controls_box);

  gtk_widget_set_visible (self->controls_box, !presenting);
  if (presenting)
    gtk_toggle_button_set_active (self->weights_button, FALSE);
}

/* Escape brings the controls back first, then leaves. */
static void
escape_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IcFacilitatorWindow *self = IC_FACILITATOR_WINDOW (widget);

  if (!gtk_widget_get_visible (self->controls_box))
    gtk_widget_set_visible (self->controls_box, TRUE);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
toggle_weights_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  IcFacilitatorWindow *self = IC_FACILITATOR_WINDOW (widget);

  gtk_widget_set_visible (self->controls_box, TRUE);
  gtk_toggle_button_set_active (self->weights_button,
                                !gtk_toggle_button_get_active (self->weights_button));
}

static void
ic_facilitator_window_class_init (IcFacilitatorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_facilitator_window_dispose;
  object_class->finalize = ic_facilitator_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-facilitator-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IcFacilitatorWindow, challenge_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcFacilitatorWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, IcFacilitatorWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, IcFacilitatorWindow, none_page);
  gtk_widget_class_bind_template_child (widget_class, IcFacilitatorWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, IcFacilitatorWindow, description_label);
  gtk_widget_class_bind_template_child (widget_class, IcFacilitatorWindow, results_list);
  gtk_widget_class_bind_template_child (widget_class, IcFacilitatorWindow, weights_bin);
  gtk_widget_class_bind_template_child (widget_class, IcFacilitatorWindow, controls_box);
  gtk_widget_class_bind_template_child (widget_class, IcFacilitatorWindow, weights_button);
  gtk_widget_class_bind_template_child (widget_class, IcFacilitatorWindow, day_box);
  gtk_widget_class_bind_template_child (widget_class, IcFacilitatorWindow, now_label);
  gtk_widget_class_bind_template_child (widget_class, IcFacilitatorWindow, next_label);
  gtk_widget_class_bind_template_child (widget_class, IcFacilitatorWindow, tables_box);
  gtk_widget_class_bind_template_child (widget_class, IcFacilitatorWindow, absent_label);
  gtk_widget_class_bind_template_callback (widget_class, on_challenge_selected);

  gtk_widget_class_install_action (widget_class, "facilitator.present", NULL, present_activated);
  gtk_widget_class_install_action (widget_class, "facilitator.escape", NULL, escape_activated);
  gtk_widget_class_install_action (widget_class, "facilitator.toggle-weights", NULL,
                                   toggle_weights_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "facilitator.escape", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "facilitator.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "facilitator.toggle-weights", NULL);
}

static void
ic_facilitator_window_init (IcFacilitatorWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_expression (self->challenge_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  self->cancellable = g_cancellable_new ();
  ic_match_options_init (&self->excluded);
  self->weights_panel = IC_WEIGHTS_PANEL (ic_weights_panel_new (TRUE));
  adw_bin_set_child (self->weights_bin, GTK_WIDGET (self->weights_panel));
  g_signal_connect (self->weights_panel, "changed", G_CALLBACK (on_weights_changed), self);
}

GtkWidget *
ic_facilitator_window_new (IcStoreService *service)
{
  IcFacilitatorWindow *self;

  g_return_val_if_fail (IC_IS_STORE_SERVICE (service), NULL);

  self = g_object_new (IC_TYPE_FACILITATOR_WINDOW, NULL);
  self->service = g_object_ref (service);
  gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_spinner_set_spinning (self->spinner, TRUE);
  ic_match_job_build_async (service, self->cancellable, on_built, g_object_ref (self));
  return GTK_WIDGET (self);
}
