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
#include "ic-record-write-job.h"
#include "ic-shortlist-report.h"
#include "ic-shortlist-view.h"
#include "ic-shortlists-page.h"
#include "ic-window.h"

#define MAX_SHORTLISTS 500

struct _IcShortlistsPage
{
  AdwBin      parent_instance;

  IcStore    *store;

  GtkStack   *view_stack;
  GtkBox     *shortlists_box;
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

void
ic_shortlists_page_reload (IcShortlistsPage *self)
{
  g_autoptr(GPtrArray) shortlists = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint shown = 0;

  g_return_if_fail (IC_IS_SHORTLISTS_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->shortlists_box))) != NULL)
    gtk_box_remove (self->shortlists_box, child);

  shortlists = ic_store_list (self->store, IC_RECORD_KIND_SHORTLIST, NULL, 0, MAX_SHORTLISTS, &error);
  if (shortlists == NULL)
    g_warning ("Cannot list the shortlists: %s", error->message);

  for (guint i = 0; shortlists != NULL && i < shortlists->len; i++)
    {
      const char *id = ic_record_get_id (g_ptr_array_index (shortlists, i));
      g_autoptr(GError) report_error = NULL;
      g_autoptr(IcShortlistReport) report = ic_shortlist_report_load (self->store, id, &report_error);

      if (report == NULL)
        {
          g_warning ("Cannot read shortlist %s: %s", id, report_error->message);
          continue;
        }
      gtk_box_append (self->shortlists_box, ic_shortlist_view_new (self->store, report));
      shown++;
    }

  gtk_stack_set_visible_child_name (self->view_stack, shown > 0 ? "list" : "empty");
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
  g_autoptr(IcRecord) record = ic_record_write_finish (result, &error);

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
  ic_record_write_async (ic_store_get_path (self->store), IC_RECORD_WRITE_RESTORE, shortlist,
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
  g_autoptr(IcRecord) record = ic_record_write_finish (result, &error);
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
      ic_record_write_async (ic_store_get_path (self->store), IC_RECORD_WRITE_DELETE,
                             IC_RECORD (shortlist), get_author (self), NULL, on_deleted, data);
      return;
    }
}

static void
ic_shortlists_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), IC_TYPE_SHORTLISTS_PAGE);

  G_OBJECT_CLASS (ic_shortlists_page_parent_class)->dispose (object);
}

static void
ic_shortlists_page_finalize (GObject *object)
{
  IcShortlistsPage *self = IC_SHORTLISTS_PAGE (object);

  g_clear_object (&self->store);

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

  gtk_widget_class_install_action (widget_class, "shortlists.delete-shortlist", "s",
                                   delete_shortlist_activated);
}

static void
ic_shortlists_page_init (IcShortlistsPage *self)
{
  g_type_ensure (IC_TYPE_SHORTLIST_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ic_shortlists_page_new (IcStore *store)
{
  IcShortlistsPage *self;

  g_return_val_if_fail (IC_IS_STORE (store), NULL);

  self = g_object_new (IC_TYPE_SHORTLISTS_PAGE, NULL);
  self->store = g_object_ref (store);
  ic_shortlists_page_reload (self);
  return GTK_WIDGET (self);
}
