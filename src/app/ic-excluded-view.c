/* ic-excluded-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "Not a Match" tab of the Matches page: every capability a person
 * excluded from the chosen challenge's matches, with why, by whom and
 * when, so that a judgement can be seen again and taken back after the
 * Undo of its toast is gone.  The page does the restoring (it keeps the
 * pairs the matcher leaves out); this view reads and shows.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-app-format.h"
#include "ic-capability.h"
#include "ic-excluded-view.h"
#include "ic-organisation.h"
#include "ic-store-exclusions.h"

struct _IcExcludedView
{
  AdwBin          parent_instance;

  GtkLabel       *count_label;
  GtkListBox     *list;

  GCancellable   *cancellable;
  guint           n_pairs;
};

G_DEFINE_FINAL_TYPE (IcExcludedView, ic_excluded_view, ADW_TYPE_BIN)

enum
{
  SIGNAL_RESTORE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One excluded pair as shown: the pair and the words for it. */
typedef struct
{
  IcExcludedPair *pair;
  char           *title;         /* the capability's title, or its id if it is gone */
  char           *organisation;  /* nullable */
} Item;

static void
item_free (Item *item)
{
  g_clear_pointer (&item->pair, ic_excluded_pair_free);
  g_free (item->title);
  g_free (item->organisation);
  g_free (item);
}

static void
list_job (GTask        *task,
          IcStore      *store,
          gpointer      task_data,
          GCancellable *cancellable)
{
  GError *error = NULL;
  g_autoptr(GPtrArray) pairs = ic_store_list_excluded_pairs (store, task_data, &error);
  g_autoptr(GPtrArray) items = NULL;

  if (pairs == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  for (guint i = 0; i < pairs->len; i++)
    {
      Item *item = g_new0 (Item, 1);
      g_autoptr(IcRecord) capability = NULL;
      const char *title;

      item->pair = g_steal_pointer (&pairs->pdata[i]);
      capability = ic_store_get (store, item->pair->capability_id, NULL);
      title = capability != NULL ? ic_record_get_title (capability) : NULL;
      item->title = g_strdup (title != NULL ? title : item->pair->capability_id);
      if (IC_IS_CAPABILITY (capability) &&
          ic_capability_get_organisation_id (IC_CAPABILITY (capability)) != NULL)
        {
          g_autoptr(IcRecord) organisation =
            ic_store_get (store, ic_capability_get_organisation_id (IC_CAPABILITY (capability)), NULL);

          if (IC_IS_ORGANISATION (organisation))
            item->organisation = g_strdup (ic_organisation_get_name (IC_ORGANISATION (organisation)));
        }
      g_ptr_array_add (items, item);
    }
  /* The pairs were stolen: only their slots are left. */
  g_ptr_array_set_free_func (pairs, NULL);
  g_task_return_pointer (task, g_steal_pointer (&items), (GDestroyNotify) g_ptr_array_unref);
}

static void
on_restore_clicked (GtkButton      *button,
                    IcExcludedView *self)
{
  Item *item = g_object_get_data (G_OBJECT (button), "ic-item");

  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  g_signal_emit (self, signals[SIGNAL_RESTORE], 0, item->pair->capability_id, item->title,
                 (int) item->pair->reason, item->pair->reason_text);
}

/* "Not relevant · by Sam · 3 Mar 2026", with what is known. */
static char *
describe (Item *item)
{
  IcExcludedPair *pair = item->pair;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *date = pair->created_at != NULL ? ic_format_date (pair->created_at) : NULL;

  if (pair->reason == IC_DECLINE_REASON_OTHER && pair->reason_text != NULL)
    g_ptr_array_add (parts, g_strdup (pair->reason_text));
  else if (pair->reason != IC_DECLINE_REASON_NONE)
    g_ptr_array_add (parts, g_strdup (ic_decline_reason_get_label (pair->reason)));
  else
    g_ptr_array_add (parts, g_strdup (_("No reason given")));
  if (pair->author != NULL && pair->author[0] != '\0')
    /* Translators: who marked the pair as not a match */
    g_ptr_array_add (parts, g_strdup_printf (_("by %s"), pair->author));
  if (date != NULL && date[0] != '\0')
    g_ptr_array_add (parts, g_steal_pointer (&date));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
make_row (IcExcludedView *self,
          Item           *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));
  g_autofree char *subtitle = describe (item);
  g_autofree char *title = item->organisation != NULL
                           ? g_strdup_printf ("%s — %s", item->title, item->organisation)
                           : g_strdup (item->title);
  g_autofree char *button_name = g_strdup_printf (_("Restore “%s” to the matches"), item->title);
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Rank this capability for the challenge again"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, button_name, -1);
  g_object_set_data (G_OBJECT (button), "ic-item", item);
  g_signal_connect (button, "clicked", G_CALLBACK (on_restore_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, item->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  return row;
}

static void
clear (IcExcludedView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_pairs = 0;
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = g_task_propagate_pointer (G_TASK (result), &error);
  IcExcludedView *self;

  if (items == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = IC_EXCLUDED_VIEW (user_data);
  clear (self);
  if (items == NULL)
    {
      gtk_label_set_label (self->count_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
      return;
    }
  /* The rows hold the items: the array lives as long as the list. */
  g_object_set_data_full (G_OBJECT (self->list), "ic-items", items, (GDestroyNotify) g_ptr_array_unref);
  self->n_pairs = items->len;
  if (items->len == 0)
    gtk_label_set_label (self->count_label, _("No capability is marked as not a match for this challenge."));
  else
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (NULL,
                                                             "%u capability is marked as not a match",
                                                             "%u capabilities are marked as not a match",
                                                             items->len),
                                                items->len);

      gtk_label_set_label (self->count_label, count);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), items->len > 0);
  for (guint i = 0; i < items->len; i++)
    gtk_list_box_append (self->list, make_row (self, g_ptr_array_index (items, i)));
}

void
ic_excluded_view_set_challenge (IcExcludedView *self,
                                IcStoreService *service,
                                IcChallenge    *challenge)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (IC_IS_EXCLUDED_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (challenge == NULL || service == NULL)
    {
      clear (self);
      gtk_label_set_label (self->count_label, "");
      return;
    }
  /* The callback runs only while the view lives: cancelled first. */
  task = g_task_new (NULL, self->cancellable, on_listed, self);
  g_task_set_source_tag (task, ic_excluded_view_set_challenge);
  g_task_set_task_data (task, g_strdup (ic_record_get_id (IC_RECORD (challenge))), g_free);
  ic_store_service_run (service, task, list_job);
}

guint
ic_excluded_view_get_n_pairs (IcExcludedView *self)
{
  g_return_val_if_fail (IC_IS_EXCLUDED_VIEW (self), 0);

  return self->n_pairs;
}

static void
ic_excluded_view_dispose (GObject *object)
{
  IcExcludedView *self = IC_EXCLUDED_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), IC_TYPE_EXCLUDED_VIEW);

  G_OBJECT_CLASS (ic_excluded_view_parent_class)->dispose (object);
}

static void
ic_excluded_view_class_init (IcExcludedViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_excluded_view_dispose;

  /* (capability id, its title, the IcDeclineReason, the reason's words or NULL) */
  signals[SIGNAL_RESTORE] = g_signal_new ("restore", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                                          G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/wmvit/Interchange/ui/ic-excluded-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IcExcludedView, count_label);
  gtk_widget_class_bind_template_child (widget_class, IcExcludedView, list);
}

static void
ic_excluded_view_init (IcExcludedView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ic_excluded_view_new (void)
{
  return g_object_new (IC_TYPE_EXCLUDED_VIEW, NULL);
}
