/* ic-review-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-challenge.h"
#include "ic-model-enums.h"
#include "ic-model-types.h"
#include "ic-record-editor.h"
#include "ic-review-page.h"
#include "ic-store-history.h"
#include "ic-store-review.h"
#include "ic-window.h"

/* Items listed per question, oldest first. */
#define LIMIT 50

struct _IcReviewPage
{
  AdwBin          parent_instance;

  IcStoreService *service;
  GSettings      *settings;
  GCancellable   *cancellable;
  GtkWidget      *groups[IC_N_REVIEW_REASONS];

  GtkBox         *groups_box;
  GtkLabel       *status_label;
};

G_DEFINE_FINAL_TYPE (IcReviewPage, ic_review_page, ADW_TYPE_BIN)

static const char *
group_title (IcReviewReason reason)
{
  switch (reason)
    {
    case IC_REVIEW_STALE:
      return _("Not Changed for a Long Time");
    case IC_REVIEW_PAST_DEADLINE:
      return _("Open Challenges Past Their Deadline");
    case IC_REVIEW_STUCK:
      return _("Shortlist Entries Stuck at One Stage");
    case IC_REVIEW_NEVER_MATCHED:
      return _("Capabilities Never Shortlisted");
    default:
      return "";
    }
}

static void
review_job (GTask        *task,
            IcStore      *store,
            gpointer      task_data,
            GCancellable *cancellable)
{
  IcReviewOptions *options = task_data;
  GError *error = NULL;
  IcReview *review = ic_store_review (store, options, &error);

  if (review == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, review, (GDestroyNotify) ic_review_free);
}

/* One action on one record, as a job: renew, or close a challenge. */
typedef struct
{
  char     *id;
  char     *author;
  gboolean  close;
} ActionData;

static void
action_data_free (ActionData *data)
{
  g_free (data->id);
  g_free (data->author);
  g_free (data);
}

static void
action_job (GTask        *task,
            IcStore      *store,
            gpointer      task_data,
            GCancellable *cancellable)
{
  ActionData *data = task_data;
  GError *error = NULL;
  gboolean ok;

  if (data->close)
    {
      g_autoptr(IcRecord) record = ic_store_get (store, data->id, &error);

      ok = record != NULL && IC_IS_CHALLENGE (record);
      if (ok)
        {
          g_object_set (record, "status", IC_CHALLENGE_STATUS_CLOSED, NULL);
          ok = ic_store_update (store, record, data->author, &error);
        }
    }
  else
    ok = ic_store_renew (store, data->id, data->author, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_new_error (task, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND, _("No challenge has the id %s"),
                             data->id);
}

static void
on_action_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(IcReviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  ActionData *data = g_task_get_task_data (G_TASK (result));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot change it: %s"), error->message);

      if (IC_IS_WINDOW (root))
        ic_window_add_toast (IC_WINDOW (root), adw_toast_new (message));
      return;
    }
  if (IC_IS_WINDOW (root))
    {
      ic_window_add_toast (IC_WINDOW (root),
                           adw_toast_new (data->close ? _("Challenge closed") : _("Renewed: looked at and kept as it is")));
      ic_window_reload (IC_WINDOW (root));
    }
  ic_review_page_reload (self);
}

static void
run_action (IcReviewPage *self,
            const char   *id,
            gboolean      close)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_action_done, g_object_ref (self));
  ActionData *data = g_new0 (ActionData, 1);

  data->id = g_strdup (id);
  data->author = g_strdup (ic_window_author_for (GTK_WIDGET (self)));
  data->close = close;
  g_task_set_source_tag (task, run_action);
  g_task_set_task_data (task, data, (GDestroyNotify) action_data_free);
  ic_store_service_run (self->service, task, action_job);
}

static void
on_editor (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(IcReviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  IcRecordEditor *editor = ic_record_editor_new_finish (result, &error);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (editor == NULL)
    return;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_record (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(IcReviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) record = ic_store_service_get_finish (IC_STORE_SERVICE (source), result, &error);

  if (record == NULL)
    return;
  ic_record_editor_new_async (self->service, record, FALSE, ic_window_author_for (GTK_WIDGET (self)),
                              NULL, on_editor, g_object_ref (self));
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IcReviewPage *self = IC_REVIEW_PAGE (widget);

  ic_store_service_get_async (self->service, g_variant_get_string (parameter, NULL), NULL, on_record,
                              g_object_ref (self));
}

static void
open_shortlist_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (IC_IS_WINDOW (root))
    ic_window_show_shortlist (IC_WINDOW (root), g_variant_get_string (parameter, NULL));
}

static void
renew_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  run_action (IC_REVIEW_PAGE (widget), g_variant_get_string (parameter, NULL), FALSE);
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  run_action (IC_REVIEW_PAGE (widget), g_variant_get_string (parameter, NULL), TRUE);
}

static GtkWidget *
action_button (const char *label,
               const char *accessible,
               const char *action,
               const char *id)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return button;
}

static GtkWidget *
make_row (IcReviewItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  const char *title = item->title != NULL && item->title[0] != '\0' ? item->title : item->id;
  g_autofree char *subtitle = NULL;
  g_autofree char *open_label = g_strdup_printf (_("Open “%s”"), title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  switch (item->reason)
    {
    case IC_REVIEW_STALE:
      subtitle = g_strdup_printf (_("%s, last changed %.10s"), ic_record_kind_to_string (item->kind), item->since);
      break;
    case IC_REVIEW_PAST_DEADLINE:
      subtitle = g_strdup_printf (_("Deadline %s"), item->since);
      break;
    case IC_REVIEW_STUCK:
      {
        int stage = IC_STAGE_PROPOSED;
        /* The stage as the shortlist names it, not its nick. */
        const char *label = ic_enum_from_nick (IC_TYPE_STAGE, item->stage, &stage)
                            ? ic_stage_get_label (stage) : item->stage;

        if (item->capability_title != NULL && item->capability_title[0] != '\0')
          /* Translators: a capability, the stage it is at and since when */
          subtitle = g_strdup_printf (_("%s, at “%s” since %.10s"), item->capability_title, label, item->since);
        else
          subtitle = g_strdup_printf (_("An entry at “%s” since %.10s"), label, item->since);
      }
      break;
    case IC_REVIEW_NEVER_MATCHED:
    default:
      subtitle = g_strdup_printf (_("Last changed %.10s"), item->since);
      break;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (item->reason == IC_REVIEW_PAST_DEADLINE)
    {
      g_autofree char *label = g_strdup_printf (_("Close “%s”"), title);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), action_button (_("Close"), label, "review.close", item->id));
    }
  if (item->reason == IC_REVIEW_STALE)
    {
      g_autofree char *label = g_strdup_printf (_("Renew “%s”"), title);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), action_button (_("Renew"), label, "review.renew", item->id));
    }
  if (item->kind != IC_RECORD_KIND_SHORTLIST)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), action_button (_("Open"), open_label, "review.open", item->id));
  else
    {
      /* A stuck entry is moved on in its shortlist. */
      g_autofree char *label = g_strdup_printf (_("Open the shortlist “%s”"), title);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 action_button (_("Open Shortlist"), label, "review.open-shortlist", item->id));
    }
  return row;
}

static void
on_review (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(IcReviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReview) review = g_task_propagate_pointer (G_TASK (result), &error);
  gint64 total = 0;

  if (review == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("Cannot look through the records: %s"), error->message);

          gtk_label_set_text (self->status_label, message);
        }
      return;
    }

  for (guint r = 0; r < IC_N_REVIEW_REASONS; r++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      g_autofree char *description = NULL;

      if (self->groups[r] != NULL)
        gtk_box_remove (self->groups_box, self->groups[r]);
      self->groups[r] = group;
      total += review->counts[r];
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), group_title (r));
      if ((gint64) review->items[r]->len < review->counts[r])
        description = g_strdup_printf (_("%" G_GINT64_FORMAT " in all; the %u oldest are listed"),
                                       review->counts[r], review->items[r]->len);
      else
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " record",
                                                    "%" G_GINT64_FORMAT " records", review->counts[r]),
                                       review->counts[r]);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
      for (guint i = 0; i < review->items[r]->len; i++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), make_row (review->items[r]->pdata[i]));
      gtk_box_append (self->groups_box, group);
    }
  gtk_label_set_text (self->status_label,
                      total == 0 ? _("Nothing needs attention.")
                                 : _("Oldest first. Renew a record that is still right as it is."));
}

void
ic_review_page_reload (IcReviewPage *self)
{
  g_autoptr(GTask) task = NULL;
  IcReviewOptions *options;

  g_return_if_fail (IC_IS_REVIEW_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  options = g_new0 (IcReviewOptions, 1);
  options->stale_days = g_settings_get_uint (self->settings, "review-stale-days");
  options->stuck_days = g_settings_get_uint (self->settings, "review-stuck-days");
  options->limit = LIMIT;
  task = g_task_new (NULL, self->cancellable, on_review, g_object_ref (self));
  g_task_set_source_tag (task, ic_review_page_reload);
  g_task_set_task_data (task, options, g_free);
  ic_store_service_run (self->service, task, review_job);
}

static void
on_threshold_changed (IcReviewPage *self)
{
  ic_review_page_reload (self);
}

static void
ic_review_page_dispose (GObject *object)
{
  IcReviewPage *self = IC_REVIEW_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->service);
  gtk_widget_dispose_template (GTK_WIDGET (self), IC_TYPE_REVIEW_PAGE);

  G_OBJECT_CLASS (ic_review_page_parent_class)->dispose (object);
}

static void
ic_review_page_class_init (IcReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_review_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IcReviewPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, IcReviewPage, status_label);
  gtk_widget_class_install_action (widget_class, "review.open", "s", open_activated);
  gtk_widget_class_install_action (widget_class, "review.open-shortlist", "s", open_shortlist_activated);
  gtk_widget_class_install_action (widget_class, "review.renew", "s", renew_activated);
  gtk_widget_class_install_action (widget_class, "review.close", "s", close_activated);
}

static void
ic_review_page_init (IcReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::review-stale-days",
                           G_CALLBACK (on_threshold_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::review-stuck-days",
                           G_CALLBACK (on_threshold_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
ic_review_page_new (IcStoreService *service)
{
  IcReviewPage *self = g_object_new (IC_TYPE_REVIEW_PAGE, NULL);

  self->service = g_object_ref (service);
  ic_review_page_reload (self);
  return GTK_WIDGET (self);
}
