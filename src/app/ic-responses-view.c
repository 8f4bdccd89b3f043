/* ic-responses-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Responses come from the feed (an SME answered the challenge on the
 * public board); they are read here, never edited.  "Create Capability
 * from Response" writes an SME organisation (or takes the stored one
 * with its name) and a capability that says
 * what the SME offered, shared with the team, so that the matcher can
 * rank it; "Add to Shortlist" then puts that capability on the
 * challenge's shortlist.  "Erase Contact Details…" asks the feed to
 * remove who sent it, for the whole team; the next sync brings that.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-capability.h"
#include "ic-challenge.h"
#include "ic-feed-error.h"
#include "ic-organisation.h"
#include "ic-responses-view.h"
#include "ic-shortlist-entry.h"
#include "ic-shortlist-maker.h"
#include "ic-store-responses.h"
#include "ic-sync-controller.h"
#include "ic-window.h"

#define TITLE_CHARS 80

struct _IcResponsesView
{
  AdwBin          parent_instance;

  GtkLabel       *count_label;
  GtkListBox     *list;

  IcStoreService *service;
  IcChallenge    *challenge;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (IcResponsesView, ic_responses_view, ADW_TYPE_BIN)

/* Reading */

static void
list_job (GTask        *task,
          IcStore      *store,
          gpointer      task_data,
          GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *responses = ic_store_list_responses (store, task_data, &error);

  if (responses == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, responses, (GDestroyNotify) g_ptr_array_unref);
}

/* Making a capability */

typedef struct
{
  char *organisation;
  char *contact;
  char *answer;
  char *cluster;
} CreateData;

static void
create_data_free (CreateData *data)
{
  g_free (data->organisation);
  g_free (data->contact);
  g_free (data->answer);
  g_free (data->cluster);
  g_free (data);
}

static void
create_job (GTask        *task,
            IcStore      *store,
            gpointer      task_data,
            GCancellable *cancellable)
{
  CreateData *data = task_data;
  g_autoptr(IcOrganisation) organisation = ic_organisation_new ();
  g_autoptr(IcCapability) capability = ic_capability_new ();
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  g_autoptr(IcRecord) stored = NULL;
  g_autofree char *title = NULL;
  GError *error = NULL;

  g_object_set (organisation, "name", data->organisation, "kind", IC_ORGANISATION_KIND_SME,
                "cluster", data->cluster, NULL);
  title = g_utf8_substring (data->answer, 0, MIN (g_utf8_strlen (data->answer, -1), TITLE_CHARS));
  g_strdelimit (title, "\n\t", ' ');
  g_object_set (capability, "title", title, "description", data->answer, "cluster", data->cluster,
                "contact", data->contact, NULL);
  /* An organisation with the response's name is that one, found and
   * written to in one write, so that no other can come in between. */
  if (!ic_store_begin_write (store, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  stored = ic_store_find_organisation_named (store, data->organisation, &error);
  if (error == NULL && stored == NULL)
    ic_store_insert (store, IC_RECORD (organisation), NULL, &error);
  if (error == NULL)
    {
      const char *organisation_id = ic_record_get_id (stored != NULL ? stored : IC_RECORD (organisation));

      g_object_set (capability, "organisation-id", organisation_id, NULL);
      ic_store_insert (store, IC_RECORD (capability), NULL, &error);
    }
  if (!ic_store_end_write (store, error == NULL, error == NULL ? &error : NULL) || error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_strdup (ic_record_get_id (IC_RECORD (capability))), g_free);
}

static void
on_created (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GtkButton) button = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_task_propagate_pointer (G_TASK (result), &error);
  GtkWidget *shortlist;
  AdwToast *toast;

  if (id == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_widget_set_sensitive (GTK_WIDGET (button), TRUE);
      toast = adw_toast_new_format (_("The capability was not made: %s"), error->message);
      ic_window_toast_from (GTK_WIDGET (button), toast);
      return;
    }
  gtk_button_set_label (button, _("Capability Created"));
  shortlist = g_object_get_data (G_OBJECT (button), "ic-shortlist-button");
  g_object_set_data_full (G_OBJECT (shortlist), "ic-capability-id", g_steal_pointer (&id), g_free);
  gtk_widget_set_sensitive (shortlist, TRUE);
  toast = adw_toast_new (_("Capability created from the response; it can now be matched and shortlisted"));
  ic_window_toast_from (GTK_WIDGET (button), toast);
}

static void
on_shortlisted (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkWidget) button = user_data;
  g_autoptr(GError) error = NULL;
  IcResponse *response = g_object_get_data (G_OBJECT (button), "ic-response");
  int n_added = ic_shortlist_add_entries_finish (result, &error);
  g_autofree char *message = NULL;
  GtkRoot *root = gtk_widget_get_root (button);

  if (n_added < 0)
    {
      gtk_widget_set_sensitive (button, TRUE);
      message = g_strdup_printf (_("Cannot add to the shortlist: %s"), error->message);
    }
  else if (n_added == 0)
    message = g_strdup_printf (_("“%s” is on the shortlist already"), response->organisation);
  else
    message = g_strdup_printf (_("Added “%s” to the shortlist"), response->organisation);
  if (n_added > 0 && IC_IS_WINDOW (root))
    ic_window_records_changed (IC_WINDOW (root), IC_RECORD_KIND_SHORTLIST);
  ic_window_toast_from (button, adw_toast_new (message));
}

static void
on_shortlist_clicked (GtkButton       *button,
                      IcResponsesView *self)
{
  const char *capability_id = g_object_get_data (G_OBJECT (button), "ic-capability-id");
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  IcShortlistEntry *entry;

  if (capability_id == NULL || self->challenge == NULL)
    return;
  entry = ic_shortlist_entry_new ();
  ic_shortlist_entry_set_capability_id (entry, capability_id);
  ic_shortlist_entry_set_note (entry, _("Answered the challenge on the public board"));
  g_ptr_array_add (entries, entry);
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  ic_shortlist_add_entries_async (self->service, self->challenge, entries,
                                  ic_window_author_for (GTK_WIDGET (button)), NULL,
                                  on_shortlisted, g_object_ref (button));
}

static void
on_create_clicked (GtkButton       *button,
                   IcResponsesView *self)
{
  IcResponse *response = g_object_get_data (G_OBJECT (button), "ic-response");
  CreateData *data = g_new0 (CreateData, 1);
  g_autoptr(GTask) task = NULL;

  data->organisation = g_strdup (response->organisation);
  data->answer = g_strdup (response->answer);
  data->cluster = g_strdup (self->challenge ? ic_challenge_get_cluster (self->challenge) : NULL);
  data->contact = response->contact_erased || response->email == NULL || response->email[0] == '\0'
                  ? NULL : g_strdup_printf ("%s <%s>", response->contact_name, response->email);
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  task = g_task_new (NULL, NULL, on_created, g_object_ref (button));
  g_task_set_task_data (task, data, (GDestroyNotify) create_data_free);
  ic_store_service_run (self->service, task, create_job);
}

/* Erasing the contact details, on the feed */

static void
on_contact_erased (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GtkWidget) button = user_data;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!ic_sync_controller_erase_response_finish (IC_SYNC_CONTROLLER (source), result, &error))
    {
      const char *why = error->message;

      if (g_error_matches (error, IC_FEED_ERROR, IC_FEED_ERROR_FORBIDDEN))
        why = _("this laptop’s feed token may only read; ask the feed’s keeper for one that may make changes");
      else if (g_error_matches (error, IC_FEED_ERROR, IC_FEED_ERROR_NETWORK) ||
               g_error_matches (error, IC_FEED_ERROR, IC_FEED_ERROR_TIMED_OUT))
        why = _("the feed cannot be reached; try again once this laptop is online");
      gtk_widget_set_sensitive (button, TRUE);
      toast = adw_toast_new_format (_("The contact details were not erased: %s"), why);
      adw_toast_set_timeout (toast, 10);
      ic_window_toast_from (button, toast);
      return;
    }
  /* The sync that follows brings the erased revision and redraws. */
  ic_window_toast_from (button, adw_toast_new (_("Contact details erased")));
}

static void
on_erase_answered (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  GtkWidget *button = user_data;
  IcResponse *answer = g_object_get_data (G_OBJECT (button), "ic-response");
  IcSyncController *sync = ic_window_sync_controller_for (button);

  if (!g_str_equal (response, "erase") || answer == NULL || sync == NULL)
    return;
  gtk_widget_set_sensitive (button, FALSE);
  ic_sync_controller_erase_response_async (sync, answer->id, NULL, on_contact_erased, g_object_ref (button));
}

static void
on_erase_clicked (GtkButton       *button,
                  IcResponsesView *self)
{
  IcResponse *response = g_object_get_data (G_OBJECT (button), "ic-response");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  heading = g_strdup_printf (_("Erase the contact details of “%s”?"), response->organisation);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("The answer stays; the name and email are removed for the whole team."));
  gtk_window_set_title (GTK_WINDOW (dialog), _("Erase Contact Details"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_erase_answered), button, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
make_label (const char *text,
            const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
make_row (IcResponsesView *self,
          IcResponse      *response)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button = gtk_button_new_with_label (_("Create Capability from Response"));
  GtkWidget *shortlist = gtk_button_new_with_label (_("Add to Shortlist"));
  g_autofree char *contact = NULL;
  g_autofree char *button_name = NULL;
  g_autofree char *shortlist_name = NULL;

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), make_label (response->organisation, "heading"));
  if (response->contact_erased)
    contact = g_strdup (_("Contact details erased on request"));
  else
    contact = g_strdup_printf ("%s <%s> · %s", response->contact_name, response->email,
                               response->received_at ? response->received_at : "");
  gtk_box_append (GTK_BOX (box), make_label (contact, "dim-label"));
  gtk_box_append (GTK_BOX (box), make_label (response->answer, NULL));

  button_name = g_strdup_printf (_("Create a capability from the response of “%s”"), response->organisation);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, button_name, -1);
  g_object_set_data (G_OBJECT (button), "ic-response", response);
  g_object_set_data (G_OBJECT (button), "ic-shortlist-button", shortlist);
  g_signal_connect (button, "clicked", G_CALLBACK (on_create_clicked), self);
  /* A shortlist holds capabilities: this one, once it is made. */
  shortlist_name = g_strdup_printf (_("Add the capability from “%s” to the shortlist"), response->organisation);
  gtk_accessible_update_property (GTK_ACCESSIBLE (shortlist), GTK_ACCESSIBLE_PROPERTY_LABEL, shortlist_name, -1);
  g_object_set_data (G_OBJECT (shortlist), "ic-response", response);
  gtk_widget_set_sensitive (shortlist, FALSE);
  g_signal_connect (shortlist, "clicked", G_CALLBACK (on_shortlist_clicked), self);
  gtk_widget_set_halign (buttons, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (buttons), shortlist);
  /* Once erased there is nothing left to erase. */
  if (!response->contact_erased)
    {
      GtkWidget *erase = gtk_button_new_with_label (_("Erase Contact Details…"));
      g_autofree char *erase_name = g_strdup_printf (_("Erase the contact details of “%s”"),
                                                     response->organisation);

      gtk_accessible_update_property (GTK_ACCESSIBLE (erase), GTK_ACCESSIBLE_PROPERTY_LABEL, erase_name, -1);
      g_object_set_data (G_OBJECT (erase), "ic-response", response);
      g_signal_connect (erase, "clicked", G_CALLBACK (on_erase_clicked), self);
      gtk_box_append (GTK_BOX (buttons), erase);
    }
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  response->organisation, -1);
  return row;
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *responses = g_task_propagate_pointer (G_TASK (result), &error);
  IcResponsesView *self;
  GtkWidget *child;

  if (responses == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = IC_RESPONSES_VIEW (user_data);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (responses == NULL)
    {
      gtk_label_set_label (self->count_label, error->message);
      return;
    }
  /* The rows hold the responses: the array lives as long as the list. */
  g_object_set_data_full (G_OBJECT (self->list), "ic-responses", responses, (GDestroyNotify) g_ptr_array_unref);
  if (responses->len == 0)
    gtk_label_set_label (self->count_label, _("No responses from the board yet."));
  else
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (NULL, "%u response from the board",
                                                             "%u responses from the board", responses->len),
                                                responses->len);

      gtk_label_set_label (self->count_label, count);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), responses->len > 0);
  for (guint i = 0; i < responses->len; i++)
    gtk_list_box_append (self->list, make_row (self, g_ptr_array_index (responses, i)));
}

void
ic_responses_view_set_challenge (IcResponsesView *self,
                                 IcStoreService  *service,
                                 IcChallenge     *challenge)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (IC_IS_RESPONSES_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->service, service);
  g_set_object (&self->challenge, challenge);
  if (challenge == NULL || service == NULL)
    return;
  /* The callback runs only while the view lives: cancelled first. */
  task = g_task_new (NULL, self->cancellable, on_listed, self);
  g_task_set_task_data (task, g_strdup (ic_record_get_id (IC_RECORD (challenge))), g_free);
  ic_store_service_run (service, task, list_job);
}

static void
ic_responses_view_dispose (GObject *object)
{
  IcResponsesView *self = IC_RESPONSES_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->service);
  g_clear_object (&self->challenge);
  gtk_widget_dispose_template (GTK_WIDGET (self), IC_TYPE_RESPONSES_VIEW);

  G_OBJECT_CLASS (ic_responses_view_parent_class)->dispose (object);
}

static void
ic_responses_view_class_init (IcResponsesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_responses_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/wmvit/Interchange/ui/ic-responses-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IcResponsesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, IcResponsesView, list);
}

static void
ic_responses_view_init (IcResponsesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ic_responses_view_new (void)
{
  return g_object_new (IC_TYPE_RESPONSES_VIEW, NULL);
}
