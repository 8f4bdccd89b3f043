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

  G_OBJECT_CLASS (ic_facilitator_window_parent_class)->finalize (object);
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
  gtk_widget_class_bind_template_callback (widget_class, on_challenge_selected);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
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
