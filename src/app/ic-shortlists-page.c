/* ic-shortlists-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One IcShortlistView per shortlist; the views edit and save their own
 * shortlists, and the page deletes and restores whole ones.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-application.h"
#include "ic-page-reader.h"
#include "ic-shortlist-report.h"
#include "ic-shortlist-view.h"
#include "ic-shortlists-page.h"
#include "ic-shortlists-read.h"
#include "ic-window.h"

#define MAX_SHORTLISTS 500
#define RETRY_MS       150

struct _IcShortlistsPage
{
  AdwBin      parent_instance;

  IcStoreService *service;
  IcPageReader  *page_reader;        /* NULL once disposed */

  GtkStack      *view_stack;
  GtkBox        *shortlists_box;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (IcShortlistsPage, ic_shortlists_page, ADW_TYPE_BIN)

static void
add_toast (IcShortlistsPage *self,
           AdwToast          *toast)
{
  ic_window_toast_from (GTK_WIDGET (self), toast);
}

static const char *
get_author (IcShortlistsPage *self)
{
  return ic_window_author_for (GTK_WIDGET (self));
}

/* Reading, off the main thread */

static IcShortlistView *
find_view (IcShortlistsPage *self,
           const char       *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->shortlists_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (IC_IS_SHORTLIST_VIEW (child) &&
        g_strcmp0 (ic_record_get_id (IC_RECORD (ic_shortlist_view_get_shortlist (IC_SHORTLIST_VIEW (child)))), id) == 0)
      return IC_SHORTLIST_VIEW (child);
  return NULL;
}

/* Whether @read is older than what a view shows: a view still saving,
 * or one that saved after the read began, would be put back a step. */
static gboolean
read_is_stale (IcShortlistsPage *self,
               IcShortlistsRead *read)
{
  for (guint i = 0; i < read->reports->len; i++)
    {
      IcShortlist *shortlist = ic_shortlist_report_get_shortlist (g_ptr_array_index (read->reports, i));
      IcShortlistView *view = find_view (self, ic_record_get_id (IC_RECORD (shortlist)));

      if (view != NULL &&
          (ic_shortlist_view_is_saving (view) ||
           ic_record_get_rev (IC_RECORD (ic_shortlist_view_get_shortlist (view))) >
           ic_record_get_rev (IC_RECORD (shortlist))))
        return TRUE;
    }
  return FALSE;
}

static void
show_views (IcShortlistsPage *self,
            IcShortlistsRead *read)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *child;

  /* A view holding an edit that was not saved (the shortlist changed
   * elsewhere) stays as it is until its person decides. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->shortlists_box))) != NULL)
    {
      if (IC_IS_SHORTLIST_VIEW (child) && ic_shortlist_view_has_unsaved (IC_SHORTLIST_VIEW (child)))
        g_ptr_array_add (kept, g_object_ref (child));
      gtk_box_remove (self->shortlists_box, child);
    }

  for (guint i = 0; i < read->reports->len; i++)
    {
      IcShortlistReport *report = g_ptr_array_index (read->reports, i);
      const char *id = ic_record_get_id (IC_RECORD (ic_shortlist_report_get_shortlist (report)));
      GtkWidget *view = NULL;

      for (guint k = 0; view == NULL && k < kept->len; k++)
        if (g_strcmp0 (ic_record_get_id (IC_RECORD (ic_shortlist_view_get_shortlist (kept->pdata[k]))), id) == 0)
          view = kept->pdata[k];
      gtk_box_append (self->shortlists_box, view != NULL ? view : ic_shortlist_view_new (self->service, report));
    }

  for (guint i = 0; i < read->problems->len; i++)
    add_toast (self, adw_toast_new (g_ptr_array_index (read->problems, i)));
  gtk_stack_set_visible_child_name (self->view_stack, read->reports->len > 0 ? "list" : "empty");
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(IcShortlistsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcShortlistsRead) read = ic_shortlists_read_finish (result, &error);

  if (self->page_reader == NULL ||
      !ic_page_reader_done (self->page_reader, g_task_get_cancellable (G_TASK (result))))
    return;
  if (read == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot read the shortlists from %s: %s"),
                                                  ic_store_service_get_path (self->service), error->message);

      adw_status_page_set_description (self->error_page, message);
      gtk_stack_set_visible_child_name (self->view_stack, "error");
      return;
    }
  if (read_is_stale (self, read))
    {
      /* Read again once the save under way is done. */
      ic_page_reader_retry (self->page_reader, RETRY_MS);
      return;
    }
  show_views (self, read);
}

static void
start_read (gpointer      page,
            GCancellable *cancellable)
{
  IcShortlistsPage *self = page;
  const char *visible = gtk_stack_get_visible_child_name (self->view_stack);

  /* Shortlists on screen stay while they are read again; an empty or
   * failed page says that it is reading. */
  if (g_strcmp0 (visible, "list") != 0)
    gtk_stack_set_visible_child_name (self->view_stack, "loading");
  ic_shortlists_read_async (self->service, NULL, MAX_SHORTLISTS,
                            cancellable, on_read, g_object_ref (self));
}

/* A newer read replaces the one under way; a page out of sight reads
 * once it is shown again. */
void
ic_shortlists_page_reload (IcShortlistsPage *self)
{
  g_return_if_fail (IC_IS_SHORTLISTS_PAGE (self));

  ic_page_reader_reload (self->page_reader);
}

static void
reload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ic_shortlists_page_reload (IC_SHORTLISTS_PAGE (widget));
}

/* Deleting a whole shortlist, with Undo */

typedef struct
{
  IcShortlistsPage *page;
  char             *name;
} DeleteData;

static void
delete_data_free (DeleteData *data)
{
  g_object_unref (data->page);
  g_free (data->name);
  g_free (data);
}

static void
on_restored (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  DeleteData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) record = ic_store_service_write_finish (IC_STORE_SERVICE (source), result, &error);

  if (record == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot restore “%s”: %s"), data->name, error->message);

      add_toast (data->page, adw_toast_new (message));
    }
  else
    ic_shortlists_page_reload (data->page);
  delete_data_free (data);
}

static void
on_undo_delete (AdwToast  *toast,
                IcRecord  *shortlist)
{
  IcShortlistsPage *self = g_object_get_data (G_OBJECT (toast), "page");
  DeleteData *data = g_new0 (DeleteData, 1);

  data->page = g_object_ref (self);
  data->name = g_strdup (ic_shortlist_get_name (IC_SHORTLIST (shortlist)));
  ic_store_service_write_async (self->service, IC_STORE_WRITE_RESTORE, shortlist,
                                get_author (self), NULL, on_restored, data);
}

static void
on_deleted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  DeleteData *data = user_data;
  IcShortlistsPage *self = data->page;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) record = ic_store_service_write_finish (IC_STORE_SERVICE (source), result, &error);
  g_autofree char *message = NULL;
  AdwToast *toast;

  ic_shortlists_page_reload (self);
  if (record == NULL)
    {
      message = g_strdup_printf (_("Cannot delete “%s”: %s"), data->name, error->message);
      add_toast (self, adw_toast_new (message));
      delete_data_free (data);
      return;
    }

  message = g_strdup_printf (_("“%s” deleted"), data->name);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "page", g_object_ref (self), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_delete),
                         g_steal_pointer (&record), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  add_toast (self, toast);
  delete_data_free (data);
}

static void
delete_shortlist_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  IcShortlistsPage *self = IC_SHORTLISTS_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->shortlists_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      IcShortlist *shortlist = ic_shortlist_view_get_shortlist (IC_SHORTLIST_VIEW (child));
      DeleteData *data;

      if (g_strcmp0 (ic_record_get_id (IC_RECORD (shortlist)), id) != 0)
        continue;

      /* Hidden at once; the page reads the database again once it is done. */
      gtk_widget_set_sensitive (child, FALSE);
      data = g_new0 (DeleteData, 1);
      data->page = g_object_ref (self);
      data->name = g_strdup (ic_shortlist_get_name (shortlist));
      ic_store_service_write_async (self->service, IC_STORE_WRITE_DELETE,
                                    IC_RECORD (shortlist), get_author (self), NULL, on_deleted, data);
      return;
    }
}

static void
ic_shortlists_page_dispose (GObject *object)
{
  IcShortlistsPage *self = IC_SHORTLISTS_PAGE (object);

  g_clear_pointer (&self->page_reader, ic_page_reader_free);
  /* The bin's child is a template child: let go of it through the bin,
   * or the template would free it under the bin's own pointer. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), IC_TYPE_SHORTLISTS_PAGE);

  G_OBJECT_CLASS (ic_shortlists_page_parent_class)->dispose (object);
}

static void
ic_shortlists_page_finalize (GObject *object)
{
  IcShortlistsPage *self = IC_SHORTLISTS_PAGE (object);

  g_clear_object (&self->service);

  G_OBJECT_CLASS (ic_shortlists_page_parent_class)->finalize (object);
}

static void
ic_shortlists_page_class_init (IcShortlistsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_shortlists_page_dispose;
  object_class->finalize = ic_shortlists_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-shortlists-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IcShortlistsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistsPage, shortlists_box);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistsPage, error_page);

  gtk_widget_class_install_action (widget_class, "shortlists.delete-shortlist", "s",
                                   delete_shortlist_activated);
  gtk_widget_class_install_action (widget_class, "shortlists.reload", NULL, reload_activated);
}

static void
ic_shortlists_page_init (IcShortlistsPage *self)
{
  g_type_ensure (IC_TYPE_SHORTLIST_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->page_reader = ic_page_reader_new (GTK_WIDGET (self), start_read);
}

GtkWidget *
ic_shortlists_page_new (IcStoreService *service)
{
  IcShortlistsPage *self;

  g_return_val_if_fail (IC_IS_STORE_SERVICE (service), NULL);

  self = g_object_new (IC_TYPE_SHORTLISTS_PAGE, NULL);
  self->service = g_object_ref (service);
  ic_shortlists_page_reload (self);
  return GTK_WIDGET (self);
}
