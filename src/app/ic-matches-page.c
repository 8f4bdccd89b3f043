/* ic-matches-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ic-app-format.h"
#include "ic-capability-details.h"
#include "ic-challenge.h"
#include "ic-responses-view.h"
#include "ic-consortium-finder.h"
#include "ic-consortium-view.h"
#include "ic-excluded-view.h"
#include "ic-match-job.h"
#include "ic-match-loader.h"
#include "ic-match-row.h"
#include "ic-matches-page.h"
#include "ic-search-drop-down.h"
#include "ic-reason-dialog.h"
#include "ic-score-bar.h"
#include "ic-shortlist-maker.h"
#include "ic-store-curation.h"
#include "ic-weights-panel.h"
#include "ic-window.h"

#define TOP_K 20

struct _IcMatchesPage
{
  AdwBin          parent_instance;

  IcStoreService *service;
  IcMatcher      *matcher;
  IcMatchOptions  excluded;          /* the pairs the user excluded, as last read and since changed */
  gboolean        weights_read;      /* the saved weights are in the panel */
  GPtrArray      *challenges;        /* open IcChallenge, as in the drop-down after its first item */
  GCancellable   *build_cancellable;
  GCancellable   *rank_cancellable;
  GCancellable   *consortium_cancellable;
  gboolean        consortium_stale;  /* the challenge or weights changed since the last search */
  gint64          consortium_started;
  char           *challenge_id;      /* the one chosen, kept across reloads */
  gboolean        stale;             /* the corpus must be built again */
  gboolean        updating;          /* the page itself is setting the controls */
  gint64          rank_started;

  GtkDropDown    *challenge_dropdown;
  GHashTable     *organisation_names; /* id -> name, for the picker's search */
  GHashTable     *shortlisted;        /* pair keys (ic_match_job_pair_key()) on a shortlist */
  GHashTable     *challenge_weights;  /* challenge id -> IcMatchWeights chosen for it */
  IcMatchWeights *default_weights;    /* the weights saved for all challenges */
  gboolean        setting_weights;    /* the panel is being set, not moved */
  AdwBin         *weights_bin;
  IcWeightsPanel *weights_panel;     /* made here, as the consortium view is */
  GtkStack       *view_stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *none_page;
  GtkLabel       *summary_label;
  GtkBox         *legend_box;
  GtkListBox     *results_list;
  GtkStack       *results_tabs;
  AdwBin         *consortium_bin;
  IcConsortiumView *consortium_view; /* made here: the template checker knows only GTK and Adw types */
  AdwBin         *responses_bin;
  IcResponsesView *responses_view;   /* answers from the public board, made here too */
  AdwBin         *excluded_bin;
  IcExcludedView *excluded_view;     /* the pairs judged not a match, made here too */
};

G_DEFINE_FINAL_TYPE (IcMatchesPage, ic_matches_page, ADW_TYPE_BIN)

static void rank (IcMatchesPage *self,
                  gboolean       from_scratch);
static void update_consortium (IcMatchesPage *self);
static void apply_challenge_weights (IcMatchesPage *self);

static void
show_view (IcMatchesPage *self,
           const char    *name)
{
  gtk_spinner_set_spinning (self->spinner, g_str_equal (name, "loading"));
  gtk_stack_set_visible_child_name (self->view_stack, name);
}

static void
show_none (IcMatchesPage *self,
           const char    *description)
{
  adw_status_page_set_description (self->none_page, description);
  show_view (self, "none");
}

static IcChallenge *
selected_challenge (IcMatchesPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->challenge_dropdown);

  if (self->challenges == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > self->challenges->len)
    return NULL;
  return g_ptr_array_index (self->challenges, selected - 1);
}

/* Each row says whether its capability is on the challenge's shortlist. */
static void
mark_shortlisted (IcMatchesPage *self)
{
  IcChallenge *challenge = selected_challenge (self);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->results_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (IC_IS_MATCH_ROW (row))
      {
        IcMatchResult *result = ic_match_row_get_result (IC_MATCH_ROW (row));
        g_autofree char *key = ic_match_job_pair_key (challenge ? ic_record_get_id (IC_RECORD (challenge)) : NULL,
                                                      ic_match_result_get_capability_id (result));

        ic_match_row_set_on_shortlist (IC_MATCH_ROW (row), challenge != NULL && self->shortlisted != NULL &&
                                                           g_hash_table_contains (self->shortlisted, key));
      }
}

static void
show_results (IcMatchesPage *self,
              GListModel    *results)
{
  guint n = g_list_model_get_n_items (results);
  guint n_capabilities = ic_match_corpus_get_n_capabilities (ic_matcher_get_corpus (self->matcher));
  double elapsed_ms = (g_get_monotonic_time () - self->rank_started) / 1000.0;
  g_autofree char *summary = NULL;
  g_autofree char *total = ic_format_number (n_capabilities);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);

  if (n == 0)
    {
      show_none (self, _("No capability fits this challenge yet."));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcMatchResult) result = g_list_model_get_item (results, i);

      GtkWidget *row = ic_match_row_new (result, i + 1);

      gtk_list_box_append (self->results_list, row);
    }
  mark_shortlisted (self);
  /* Translators: "The best 20 of 1,166 capabilities, ranked in 12 ms";
   * the second number has thousands separators */
  summary = g_strdup_printf (ngettext ("The best %u of %s capability, ranked in %.0f ms",
                                       "The best %u of %s capabilities, ranked in %.0f ms",
                                       n_capabilities),
                             n, total, elapsed_ms);
  gtk_label_set_text (self->summary_label, summary);
  show_view (self, "results");
}

static void
on_ranked (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(IcMatchesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = ic_matcher_rerank_finish (IC_MATCHER (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->rank_cancellable)
    return;
  if (results == NULL)
    {
      show_none (self, error->message);
      return;
    }
  show_results (self, results);
}

static void
rank (IcMatchesPage *self,
      gboolean       from_scratch)
{
  IcChallenge *challenge = selected_challenge (self);
  g_auto(IcMatchOptions) options = { 0 };
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (self->rank_cancellable);
  g_clear_object (&self->rank_cancellable);
  g_cancellable_cancel (self->consortium_cancellable);
  g_clear_object (&self->consortium_cancellable);
  self->consortium_stale = TRUE;
  /* A new challenge, or a pair excluded or restored (which ranks from
   * scratch after asking for the write): the tabs read again. */
  if (from_scratch)
    {
      ic_responses_view_set_challenge (self->responses_view, self->service, challenge);
      ic_excluded_view_set_challenge (self->excluded_view, self->service, challenge);
    }

  if (self->matcher == NULL)
    return;
  if (challenge == NULL)
    {
      show_view (self, "choose");
      return;
    }

  ic_match_job_options_init (&options, &self->excluded, challenge, TOP_K,
                             ic_weights_panel_get_cross_sector (self->weights_panel));
  if (!ic_matcher_check_challenge (self->matcher, challenge, &options, &error))
    {
      show_none (self, error->message);
      return;
    }

  /* A new challenge or new options rank in full; moved weights re-rank
   * the candidates kept from the last full ranking. */
  if (from_scratch)
    ic_matcher_forget (self->matcher, ic_record_get_id (IC_RECORD (challenge)));
  self->rank_cancellable = g_cancellable_new ();
  self->rank_started = g_get_monotonic_time ();
  ic_matcher_rerank_async (self->matcher, challenge,
                             ic_weights_panel_get_weights (self->weights_panel), &options,
                             self->rank_cancellable, on_ranked, g_object_ref (self));
  update_consortium (self);
}

static void
on_consortia_found (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(IcMatchesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = ic_matcher_find_consortia_finish (IC_MATCHER (source), result, &error);
  g_autoptr(IcConsortium) best = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->consortium_cancellable)
    return;
  if (found == NULL)
    {
      ic_consortium_view_show_none (self->consortium_view, error->message);
      return;
    }
  best = g_list_model_get_n_items (found) > 0 ? g_list_model_get_item (found, 0) : NULL;
  if (best == NULL || ic_consortium_get_n_members (best) == 0)
    {
      IcChallenge *challenge = selected_challenge (self);
      gboolean no_tags = challenge == NULL || ic_challenge_get_tags (challenge) == NULL ||
                         ic_challenge_get_tags (challenge)[0] == NULL;

      ic_consortium_view_show_none (self->consortium_view,
                                    no_tags ? _("The challenge names no required tags, so no group can cover them.")
                                            : _("No capability brings any of the challenge’s required tags."));
      return;
    }
  ic_consortium_view_show (self->consortium_view, best,
                           (g_get_monotonic_time () - self->consortium_started) / 1000.0);
}

/* The consortium search compares many groups: it runs only when its tab
 * is on screen, once per challenge and set of weights. */
static void
update_consortium (IcMatchesPage *self)
{
  IcChallenge *challenge = selected_challenge (self);
  g_auto(IcMatchOptions) options = { 0 };

  if (!self->consortium_stale || self->matcher == NULL || challenge == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->results_tabs), "consortium") != 0)
    return;

  self->consortium_stale = FALSE;
  g_cancellable_cancel (self->consortium_cancellable);
  g_clear_object (&self->consortium_cancellable);
  self->consortium_cancellable = g_cancellable_new ();
  self->consortium_started = g_get_monotonic_time ();
  ic_match_job_options_init (&options, &self->excluded, challenge, TOP_K,
                             ic_weights_panel_get_cross_sector (self->weights_panel));
  ic_consortium_view_show_searching (self->consortium_view);
  ic_matcher_find_consortia_async (self->matcher, challenge,
                                     ic_weights_panel_get_weights (self->weights_panel), &options,
                                     IC_CONSORTIUM_DEFAULT_MAX_SIZE, 1,
                                     self->consortium_cancellable, on_consortia_found,
                                     g_object_ref (self));
}

static void
on_tab_changed (GtkStack      *tabs,
                GParamSpec    *pspec,
                IcMatchesPage *self)
{
  update_consortium (self);
}

/* What the challenge picker's search looks in: the title, the
 * organisation and the cluster, folded for comparison. */
static char *
challenge_haystack (IcMatchesPage *self,
                    IcChallenge   *challenge)
{
  IcTaxonomy *taxonomy = ic_store_service_get_taxonomy (self->service);
  const char *organisation_id = ic_challenge_get_organisation_id (challenge);
  const char *cluster = ic_challenge_get_cluster (challenge);
  const char *organisation = self->organisation_names != NULL && organisation_id != NULL
                             ? g_hash_table_lookup (self->organisation_names, organisation_id) : NULL;
  const char *cluster_name = cluster != NULL ? ic_taxonomy_get_cluster_name (taxonomy, cluster) : NULL;
  g_autofree char *joined = g_strjoin ("\n", ic_record_get_title (IC_RECORD (challenge)),
                                       organisation != NULL ? organisation : "",
                                       cluster_name != NULL ? cluster_name : (cluster != NULL ? cluster : ""),
                                       NULL);

  return ic_text_fold (joined);
}

static void
fill_challenges (IcMatchesPage *self)
{
  g_autoptr(GListStore) titles = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GtkStringObject) none = gtk_string_object_new (_("Choose a challenge…"));
  guint selected = 0;

  g_list_store_append (titles, none);
  for (guint i = 0; i < self->challenges->len; i++)
    {
      IcChallenge *challenge = g_ptr_array_index (self->challenges, i);
      g_autoptr(GtkStringObject) item = ic_search_item_new (ic_record_get_title (IC_RECORD (challenge)),
                                                            challenge_haystack (self, challenge));

      g_list_store_append (titles, item);
      if (g_strcmp0 (ic_record_get_id (IC_RECORD (challenge)), self->challenge_id) == 0)
        selected = i + 1;
    }

  self->updating = TRUE;
  gtk_drop_down_set_model (self->challenge_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->challenge_dropdown, selected);
  self->updating = FALSE;
}

void
ic_matches_page_show_challenge (IcMatchesPage *self,
                                const char    *challenge_id)
{
  g_return_if_fail (IC_IS_MATCHES_PAGE (self));

  g_free (self->challenge_id);
  self->challenge_id = g_strdup (challenge_id);
  /* Not built yet (or stale): the build picks it. */
  if (self->challenges == NULL || self->stale)
    return;
  fill_challenges (self);
  apply_challenge_weights (self);
  if (selected_challenge (self) != NULL)
    rank (self, TRUE);
}

static void
on_weights_saved (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!ic_store_service_set_setting_finish (IC_STORE_SERVICE (source), result, &error))
    g_warning ("Cannot keep the weights: %s", error->message);
}

/* The panel keeps the weights as they move; the page keeps them for
 * the next time and for the command line. */
static void
on_weights_notify (IcWeightsPanel *panel,
                   GParamSpec     *pspec,
                   IcMatchesPage  *self)
{
  IcMatchWeights *weights = ic_weights_panel_get_weights (panel);
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;

  if (self->setting_weights)
    return;
  text = ic_match_weights_to_string (weights);
  /* Weights moved for a challenge are that challenge's alone: another
   * challenge, a colleague's shortlist or the facilitator view keep
   * theirs. */
  if (self->challenge_id != NULL)
    {
      key = ic_match_loader_challenge_weights_setting (self->challenge_id);
      if (self->challenge_weights != NULL)
        g_hash_table_insert (self->challenge_weights, g_strdup (self->challenge_id),
                             ic_match_weights_copy (weights));
    }
  ic_store_service_set_setting_async (self->service, key != NULL ? key : IC_MATCH_WEIGHTS_SETTING, text, NULL,
                                      on_weights_saved, NULL);
}

/* The panel shows the weights kept for the chosen challenge, else the
 * ones kept for all. */
static void
apply_challenge_weights (IcMatchesPage *self)
{
  IcMatchWeights *weights = NULL;

  if (self->challenge_id != NULL && self->challenge_weights != NULL)
    weights = g_hash_table_lookup (self->challenge_weights, self->challenge_id);
  if (weights == NULL)
    weights = self->default_weights;
  if (weights == NULL)
    return;
  self->setting_weights = TRUE;
  ic_weights_panel_set_weights (self->weights_panel, weights);
  self->setting_weights = FALSE;
}

static void
on_built (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(IcMatchesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcMatchSetup) setup = ic_match_job_build_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (setup == NULL)
    {
      show_none (self, error->message);
      return;
    }

  /* The saved weights come in once; later the panel is ahead of them.
   * Saved weights that no longer parse leave the balanced ones. */
  g_clear_pointer (&self->challenge_weights, g_hash_table_unref);
  self->challenge_weights = g_steal_pointer (&setup->challenge_weights);
  if (setup->weights != NULL)
    g_set_object (&self->default_weights, setup->weights);
  if (!self->weights_read)
    {
      self->weights_read = TRUE;
      /* Only now: the weights just read need not be written back. */
      g_signal_connect (self->weights_panel, "notify::weights", G_CALLBACK (on_weights_notify), self);
    }
  apply_challenge_weights (self);
  ic_match_options_clear (&self->excluded);
  ic_match_options_copy (&setup->excluded, &self->excluded);
  g_set_object (&self->matcher, setup->matcher);
  g_clear_pointer (&self->challenges, g_ptr_array_unref);
  self->challenges = g_steal_pointer (&setup->challenges);
  g_clear_pointer (&self->organisation_names, g_hash_table_unref);
  self->organisation_names = g_steal_pointer (&setup->organisation_names);
  g_clear_pointer (&self->shortlisted, g_hash_table_unref);
  self->shortlisted = g_steal_pointer (&setup->shortlisted);
  fill_challenges (self);

  if (self->challenges->len == 0 ||
      ic_match_corpus_get_n_capabilities (ic_matcher_get_corpus (self->matcher)) == 0)
    show_view (self, "empty");
  else
    rank (self, TRUE);
}

static void
build (IcMatchesPage *self)
{
  self->stale = FALSE;
  g_cancellable_cancel (self->build_cancellable);
  g_clear_object (&self->build_cancellable);
  self->build_cancellable = g_cancellable_new ();

  show_view (self, "loading");
  ic_match_job_build_async (self->service, self->build_cancellable, on_built, g_object_ref (self));
}

void
ic_matches_page_reload (IcMatchesPage *self)
{
  g_return_if_fail (IC_IS_MATCHES_PAGE (self));

  /* Building the corpus reads every capability: do it only when the
   * page is on screen. */
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    build (self);
}

static void
on_map (GtkWidget     *widget,
        IcMatchesPage *self)
{
  if (self->stale)
    build (self);
}

static void
on_challenge_selected (GtkDropDown   *dropdown,
                       GParamSpec    *pspec,
                       IcMatchesPage *self)
{
  IcChallenge *challenge;

  if (self->updating)
    return;
  challenge = selected_challenge (self);
  g_free (self->challenge_id);
  self->challenge_id = challenge != NULL ? g_strdup (ic_record_get_id (IC_RECORD (challenge))) : NULL;
  apply_challenge_weights (self);
  rank (self, TRUE);
}

static void
on_weights_changed (IcWeightsPanel *panel,
                    gboolean        in_full,
                    IcMatchesPage  *self)
{
  rank (self, in_full);
}

static void
show_toast (IcMatchesPage *self,
            AdwToast      *toast)
{
  ic_window_toast_from (GTK_WIDGET (self), toast);
}

static void
toast (IcMatchesPage *self,
       const char    *message)
{
  show_toast (self, adw_toast_new (message));
}

/* What a shortlist addition says when it is done. */
typedef struct
{
  IcMatchesPage *page;
  char          *added;     /* for one capability: its title; NULL for a consortium */
  GPtrArray     *keys;      /* the pairs (ic_match_job_pair_key()) put on the shortlist */
} Addition;

static void
addition_free (Addition *addition)
{
  g_clear_object (&addition->page);
  g_clear_pointer (&addition->keys, g_ptr_array_unref);
  g_free (addition->added);
  g_free (addition);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Addition, addition_free)

static void
on_shortlist_added (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Addition) addition = user_data;
  IcMatchesPage *self = addition->page;
  g_autoptr(GError) error = NULL;
  int n_added = ic_shortlist_add_entries_finish (result, &error);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *message = NULL;

  if (n_added < 0)
    message = g_strdup_printf (_("Cannot add to the shortlist: %s"), error->message);
  else if (n_added == 0 && addition->added != NULL)
    message = g_strdup_printf (_("“%s” is on the shortlist already"), addition->added);
  else if (n_added == 0)
    message = g_strdup (_("Every member is on the shortlist already"));
  else if (addition->added != NULL)
    message = g_strdup_printf (_("Added “%s” to the shortlist"), addition->added);
  else
    message = g_strdup_printf (ngettext ("Added %u consortium member to the shortlist",
                                         "Added %u consortium members to the shortlist", n_added),
                               (guint) n_added);
  if (n_added >= 0 && self->shortlisted != NULL)
    {
      for (guint i = 0; i < addition->keys->len; i++)
        g_hash_table_add (self->shortlisted, g_strdup (g_ptr_array_index (addition->keys, i)));
      mark_shortlisted (self);
    }
  if (n_added > 0 && IC_IS_WINDOW (root))
    ic_window_records_changed (IC_WINDOW (root), IC_RECORD_KIND_SHORTLIST);
  toast (self, message);
}

/* Puts @entries on the challenge's shortlist (one per challenge); @added
 * names the one capability, or NULL for a consortium. */
static void
add_to_shortlist (IcMatchesPage *self,
                  IcChallenge   *challenge,
                  GPtrArray     *entries,
                  const char    *added)
{
  Addition *addition = g_new0 (Addition, 1);

  addition->page = g_object_ref (self);
  addition->added = g_strdup (added);
  addition->keys = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (addition->keys,
                     ic_match_job_pair_key (ic_record_get_id (IC_RECORD (challenge)),
                                            ic_shortlist_entry_get_capability_id (g_ptr_array_index (entries, i))));
  ic_shortlist_add_entries_async (self->service, challenge, entries,
                                  ic_window_author_for (GTK_WIDGET (self)), NULL,
                                  on_shortlist_added, addition);
}

static void
add_to_shortlist_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  IcMatchesPage *self = IC_MATCHES_PAGE (widget);
  const char *capability_id = g_variant_get_string (parameter, NULL);
  IcChallenge *challenge = selected_challenge (self);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  IcMatchResult *result = NULL;

  if (challenge == NULL)
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->results_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (IC_IS_MATCH_ROW (row) &&
        g_strcmp0 (ic_match_result_get_capability_id (ic_match_row_get_result (IC_MATCH_ROW (row))),
                   capability_id) == 0)
      result = ic_match_row_get_result (IC_MATCH_ROW (row));
  if (result == NULL)
    return;

  g_ptr_array_add (entries, ic_shortlist_entry_new_from_match_result (result));
  add_to_shortlist (self, challenge, entries, ic_match_result_get_capability_title (result));
}

/* Every member not on the challenge's shortlist yet goes on it, with
 * what it brings to the group as its explanation. */
static void
add_consortium_to_shortlist_activated (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  IcMatchesPage *self = IC_MATCHES_PAGE (widget);
  IcChallenge *challenge = selected_challenge (self);
  IcConsortium *consortium = ic_consortium_view_get_consortium (self->consortium_view);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(IcMatchOptions) options = { 0 };

  if (challenge == NULL || consortium == NULL)
    return;
  /* Each member with its pair's own explanation, so the shortlist's
   * criterion and term columns are filled as for a single match. */
  ic_match_job_options_init (&options, &self->excluded, challenge, TOP_K,
                             ic_weights_panel_get_cross_sector (self->weights_panel));
  for (guint i = 0; i < ic_consortium_get_n_members (consortium); i++)
    {
      g_autoptr(IcMatchResult) result =
        self->matcher != NULL
        ? ic_matcher_explain_pair (self->matcher, challenge, ic_consortium_get_member_id (consortium, i),
                                   ic_weights_panel_get_weights (self->weights_panel), &options)
        : NULL;

      g_ptr_array_add (entries, ic_shortlist_entry_new_from_consortium_member (consortium, i, result));
    }
  add_to_shortlist (self, challenge, entries, NULL);
}

/* The capability in full over the page; the ranking stays as it is. */
static void
show_capability_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  IcMatchesPage *self = IC_MATCHES_PAGE (widget);

  ic_capability_details_show (widget, self->service, g_variant_get_string (parameter, NULL),
                              "matches.add-to-shortlist");
}

static IcMatchResult *
find_result (IcMatchesPage *self,
             const char    *capability_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->results_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (IC_IS_MATCH_ROW (row) &&
        g_strcmp0 (ic_match_result_get_capability_id (ic_match_row_get_result (IC_MATCH_ROW (row))),
                   capability_id) == 0)
      return ic_match_row_get_result (IC_MATCH_ROW (row));
  return NULL;
}

/* A "Not a Match" or its undo changes the page's pairs at once and
 * ranks again; the store follows.  Should it fail, the page goes back
 * to what is stored. */
typedef struct
{
  IcMatchesPage *page;
  char          *challenge_id;
  char          *capability_id;
  gboolean       excluded;
} PairChange;

static void
pair_change_free (PairChange *change)
{
  g_clear_object (&change->page);
  g_free (change->challenge_id);
  g_free (change->capability_id);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PairChange, pair_change_free)

static void
on_pair_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PairChange) change = user_data;
  IcMatchesPage *self = change->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (ic_store_service_set_pair_excluded_finish (IC_STORE_SERVICE (source), result, &error))
    return;
  if (change->excluded)
    {
      ic_match_job_include_pair (&self->excluded, change->challenge_id, change->capability_id);
      message = g_strdup_printf (_("Cannot mark it as not a match: %s"), error->message);
    }
  else
    {
      ic_match_options_exclude_pair (&self->excluded, change->challenge_id, change->capability_id);
      message = g_strdup_printf (_("Cannot undo: %s"), error->message);
    }
  rank (self, TRUE);
  show_toast (self, adw_toast_new (message));
}

static void
set_pair_excluded (IcMatchesPage   *self,
                   const char      *challenge_id,
                   const char      *capability_id,
                   gboolean         excluded,
                   IcDeclineReason  reason,
                   const char      *reason_text)
{
  PairChange *change = g_new0 (PairChange, 1);

  change->page = g_object_ref (self);
  change->challenge_id = g_strdup (challenge_id);
  change->capability_id = g_strdup (capability_id);
  change->excluded = excluded;
  if (excluded)
    ic_match_options_exclude_pair (&self->excluded, challenge_id, capability_id);
  else
    ic_match_job_include_pair (&self->excluded, challenge_id, capability_id);
  if (excluded)
    ic_store_service_exclude_pair_async (self->service, challenge_id, capability_id, reason, reason_text,
                                         ic_window_author_for (GTK_WIDGET (self)),
                                         NULL, on_pair_written, change);
  else
    ic_store_service_set_pair_excluded_async (self->service, challenge_id, capability_id, FALSE,
                                              ic_window_author_for (GTK_WIDGET (self)),
                                              NULL, on_pair_written, change);
  rank (self, TRUE);
}

/* Undo of a "Not a Match": the pair is included again and ranked. */
static void
on_undo_exclude (AdwToast      *toast,
                 IcMatchesPage *self)
{
  set_pair_excluded (self, g_object_get_data (G_OBJECT (toast), "challenge-id"),
                     g_object_get_data (G_OBJECT (toast), "capability-id"), FALSE,
                     IC_DECLINE_REASON_NONE, NULL);
}

/* The reason was given: the pair goes, with an undo. */
static void
on_exclude_response (IcReasonDialog *dialog,
                     const char     *response,
                     IcMatchesPage  *self)
{
  const char *challenge_id = g_object_get_data (G_OBJECT (dialog), "challenge-id");
  const char *capability_id = g_object_get_data (G_OBJECT (dialog), "capability-id");
  const char *title = g_object_get_data (G_OBJECT (dialog), "title");
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (!g_str_equal (response, "confirm"))
    return;
  text = ic_reason_dialog_dup_text (dialog);
  message = g_strdup_printf (_("“%s” will not be proposed for this challenge again"), title);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "challenge-id", g_strdup (challenge_id), g_free);
  g_object_set_data_full (G_OBJECT (toast), "capability-id", g_strdup (capability_id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_exclude), self, 0);
  /* The row goes before the toast shows: the rest move up. */
  set_pair_excluded (self, challenge_id, capability_id, TRUE,
                     ic_reason_dialog_get_reason (dialog), text);
  show_toast (self, toast);
}

/* Undo of a Restore: the pair is excluded again, for the same reason. */
static void
on_undo_restore (AdwToast      *toast,
                 IcMatchesPage *self)
{
  set_pair_excluded (self, g_object_get_data (G_OBJECT (toast), "challenge-id"),
                     g_object_get_data (G_OBJECT (toast), "capability-id"), TRUE,
                     GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toast), "reason")),
                     g_object_get_data (G_OBJECT (toast), "reason-text"));
}

/* Restore on the Not a Match tab: the pair is ranked again, with an
 * undo that puts the judgement back as it was. */
static void
on_restore_pair (IcExcludedView *view,
                 const char     *capability_id,
                 const char     *title,
                 int             reason,
                 const char     *reason_text,
                 IcMatchesPage  *self)
{
  IcChallenge *challenge = selected_challenge (self);
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (challenge == NULL)
    return;
  message = g_strdup_printf (_("“%s” is proposed for this challenge again"), title);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "challenge-id",
                          g_strdup (ic_record_get_id (IC_RECORD (challenge))), g_free);
  g_object_set_data_full (G_OBJECT (toast), "capability-id", g_strdup (capability_id), g_free);
  g_object_set_data (G_OBJECT (toast), "reason", GINT_TO_POINTER (reason));
  g_object_set_data_full (G_OBJECT (toast), "reason-text", g_strdup (reason_text), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_restore), self, 0);
  set_pair_excluded (self, ic_record_get_id (IC_RECORD (challenge)), capability_id, FALSE,
                     IC_DECLINE_REASON_NONE, NULL);
  show_toast (self, toast);
}

/* Not a Match asks why first. */
static void
exclude_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IcMatchesPage *self = IC_MATCHES_PAGE (widget);
  const char *capability_id = g_variant_get_string (parameter, NULL);
  IcChallenge *challenge = selected_challenge (self);
  IcMatchResult *result = find_result (self, capability_id);
  const char *title;
  g_autofree char *body = NULL;
  IcReasonDialog *dialog;

  if (challenge == NULL || result == NULL)
    return;
  title = ic_match_result_get_capability_title (result);
  body = g_strdup_printf (_("“%s” will no longer be proposed for “%s”. Why is it not a match?"),
                          title, ic_record_get_title (IC_RECORD (challenge)));
  dialog = ic_reason_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Not a Match"), body,
                                 _("_Not a Match"), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "challenge-id",
                          g_strdup (ic_record_get_id (IC_RECORD (challenge))), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "capability-id", g_strdup (capability_id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "title", g_strdup (title), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_exclude_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Pin and unpin: written by a job of the store service, then the page
 * ranks again with the pin in its options. */
typedef struct
{
  char     *challenge_id;
  char     *capability_id;
  char     *reason;        /* NULL: unpin */
  char     *author;
} PinChange;

static void
pin_change_free (PinChange *change)
{
  g_free (change->challenge_id);
  g_free (change->capability_id);
  g_free (change->reason);
  g_free (change->author);
  g_free (change);
}

static void
pin_job (GTask        *task,
         IcStore      *store,
         gpointer      task_data,
         GCancellable *cancellable)
{
  PinChange *change = task_data;
  GError *error = NULL;
  gboolean ok = change->reason != NULL
                ? ic_store_pin (store, change->challenge_id, change->capability_id, change->reason,
                                change->author, &error)
                : ic_store_unpin (store, change->challenge_id, change->capability_id, change->author, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_pin_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(IcMatchesPage) self = user_data;
  PinChange *change = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      message = g_strdup_printf (_("Cannot change the pin: %s"), error->message);
      show_toast (self, adw_toast_new (message));
      return;
    }
  if (change->reason != NULL)
    ic_match_options_pin (&self->excluded, change->challenge_id, change->capability_id, change->reason);
  else if (ic_match_options_get_pins (&self->excluded, change->challenge_id) != NULL)
    g_hash_table_remove (ic_match_options_get_pins (&self->excluded, change->challenge_id),
                         change->capability_id);
  rank (self, TRUE);
}

static void
write_pin (IcMatchesPage *self,
           const char    *challenge_id,
           const char    *capability_id,
           const char    *reason)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_pin_written, g_object_ref (self));
  PinChange *change = g_new0 (PinChange, 1);

  change->challenge_id = g_strdup (challenge_id);
  change->capability_id = g_strdup (capability_id);
  change->reason = g_strdup (reason);
  change->author = g_strdup (ic_window_author_for (GTK_WIDGET (self)));
  g_task_set_source_tag (task, write_pin);
  g_task_set_task_data (task, change, (GDestroyNotify) pin_change_free);
  ic_store_service_run (self->service, task, pin_job);
}

static void
on_pin_response (IcReasonDialog *dialog,
                 const char     *response,
                 IcMatchesPage  *self)
{
  g_autofree char *reason = NULL;

  if (!g_str_equal (response, "confirm"))
    return;
  reason = ic_reason_dialog_dup_text (dialog);
  write_pin (self, g_object_get_data (G_OBJECT (dialog), "challenge-id"),
             g_object_get_data (G_OBJECT (dialog), "capability-id"), reason);
}

/* Pin asks why; a pinned one is unpinned at once. */
static void
pin_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IcMatchesPage *self = IC_MATCHES_PAGE (widget);
  const char *capability_id = g_variant_get_string (parameter, NULL);
  IcChallenge *challenge = selected_challenge (self);
  IcMatchResult *result = find_result (self, capability_id);
  g_autofree char *body = NULL;
  IcReasonDialog *dialog;

  if (challenge == NULL || result == NULL)
    return;
  if (ic_match_result_get_pin_reason (result) != NULL)
    {
      write_pin (self, ic_record_get_id (IC_RECORD (challenge)), capability_id, NULL);
      return;
    }
  body = g_strdup_printf (_("“%s” will always be shown for “%s”, whatever its rank. Why?"),
                          ic_match_result_get_capability_title (result),
                          ic_record_get_title (IC_RECORD (challenge)));
  dialog = ic_reason_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Pin"), body,
                                 _("_Pin"), FALSE);
  g_object_set_data_full (G_OBJECT (dialog), "challenge-id",
                          g_strdup (ic_record_get_id (IC_RECORD (challenge))), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "capability-id", g_strdup (capability_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_pin_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The legend: a dot of each criterion's colour, then its name. */
static void
build_legend (IcMatchesPage *self)
{
  for (guint i = 0; i < IC_MATCH_N_CRITERIA; i++)
    {
      GtkWidget *legend_label = gtk_label_new (ic_match_criterion_get_label (i));
      GtkWidget *legend = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

      gtk_widget_add_css_class (legend_label, "caption");
      gtk_widget_add_css_class (legend_label, "dim-label");
      gtk_box_append (GTK_BOX (legend), ic_score_bar_new_criterion_dot (i));
      gtk_box_append (GTK_BOX (legend), legend_label);
      gtk_box_append (self->legend_box, legend);
    }
}

static void
ic_matches_page_dispose (GObject *object)
{
  IcMatchesPage *self = IC_MATCHES_PAGE (object);

  g_cancellable_cancel (self->build_cancellable);
  g_cancellable_cancel (self->rank_cancellable);
  g_cancellable_cancel (self->consortium_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), IC_TYPE_MATCHES_PAGE);

  G_OBJECT_CLASS (ic_matches_page_parent_class)->dispose (object);
}

static void
ic_matches_page_finalize (GObject *object)
{
  IcMatchesPage *self = IC_MATCHES_PAGE (object);

  g_clear_object (&self->service);
  g_clear_object (&self->matcher);
  ic_match_options_clear (&self->excluded);
  g_clear_object (&self->build_cancellable);
  g_clear_object (&self->rank_cancellable);
  g_clear_object (&self->consortium_cancellable);
  g_clear_pointer (&self->challenges, g_ptr_array_unref);
  g_clear_pointer (&self->challenge_id, g_free);
  g_clear_pointer (&self->organisation_names, g_hash_table_unref);
  g_clear_pointer (&self->shortlisted, g_hash_table_unref);
  g_clear_pointer (&self->challenge_weights, g_hash_table_unref);
  g_clear_object (&self->default_weights);

  G_OBJECT_CLASS (ic_matches_page_parent_class)->finalize (object);
}

static void
ic_matches_page_class_init (IcMatchesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_matches_page_dispose;
  object_class->finalize = ic_matches_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-matches-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IcMatchesPage, challenge_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcMatchesPage, weights_bin);
  gtk_widget_class_bind_template_child (widget_class, IcMatchesPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, IcMatchesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, IcMatchesPage, none_page);
  gtk_widget_class_bind_template_child (widget_class, IcMatchesPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, IcMatchesPage, legend_box);
  gtk_widget_class_bind_template_child (widget_class, IcMatchesPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, IcMatchesPage, results_tabs);
  gtk_widget_class_bind_template_child (widget_class, IcMatchesPage, consortium_bin);
  gtk_widget_class_bind_template_child (widget_class, IcMatchesPage, responses_bin);
  gtk_widget_class_bind_template_child (widget_class, IcMatchesPage, excluded_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_challenge_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_tab_changed);

  gtk_widget_class_install_action (widget_class, "matches.add-to-shortlist", "s",
                                   add_to_shortlist_activated);
  gtk_widget_class_install_action (widget_class, "matches.add-consortium-to-shortlist", NULL,
                                   add_consortium_to_shortlist_activated);
  gtk_widget_class_install_action (widget_class, "matches.exclude", "s", exclude_activated);
  gtk_widget_class_install_action (widget_class, "matches.pin", "s", pin_activated);
  gtk_widget_class_install_action (widget_class, "matches.show-capability", "s", show_capability_activated);
}

static void
ic_matches_page_init (IcMatchesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->consortium_view = IC_CONSORTIUM_VIEW (ic_consortium_view_new ());
  adw_bin_set_child (self->consortium_bin, GTK_WIDGET (self->consortium_view));
  self->responses_view = IC_RESPONSES_VIEW (ic_responses_view_new ());
  adw_bin_set_child (self->responses_bin, GTK_WIDGET (self->responses_view));
  self->excluded_view = IC_EXCLUDED_VIEW (ic_excluded_view_new ());
  adw_bin_set_child (self->excluded_bin, GTK_WIDGET (self->excluded_view));
  g_signal_connect (self->excluded_view, "restore", G_CALLBACK (on_restore_pair), self);
  self->stale = TRUE;
  ic_match_options_init (&self->excluded);
  /* Its search finds a word anywhere in the title, the organisation
   * or the cluster. */
  ic_search_drop_down_attach (self->challenge_dropdown);
  self->weights_panel = IC_WEIGHTS_PANEL (ic_weights_panel_new (FALSE));
  adw_bin_set_child (self->weights_bin, GTK_WIDGET (self->weights_panel));
  g_signal_connect (self->weights_panel, "changed", G_CALLBACK (on_weights_changed), self);
  build_legend (self);
  g_signal_connect (self, "map", G_CALLBACK (on_map), self);
}

GtkWidget *
ic_matches_page_new (IcStoreService *service)
{
  IcMatchesPage *self;

  g_return_val_if_fail (IC_IS_STORE_SERVICE (service), NULL);

  self = g_object_new (IC_TYPE_MATCHES_PAGE, NULL);
  self->service = g_object_ref (service);
  return GTK_WIDGET (self);
}
