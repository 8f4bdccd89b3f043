/* ic-shortlists-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One IcShortlistView per shortlist; the views edit and save their own
 * shortlists, and the page deletes and restores whole ones.  A list
 * with a search entry names every shortlist; only the chosen one's view
 * is shown beside it, or, in a narrow window, in its place.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-application.h"
#include "ic-page-reader.h"
#include "ic-shortlist-report.h"
#include "ic-shortlist-view.h"
#include "ic-shortlists-page.h"
#include "ic-shortlists-read.h"
#include "ic-text-search.h"
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
  GtkSearchEntry *search_entry;
  GtkStack      *list_stack;
  GtkListBox    *shortlist_list;
  AdwLeaflet    *leaflet;            /* folds the list over the view in a narrow window */
  GtkWidget     *back_button;

  char          *selected_id;        /* the shortlist shown; kept across reads */
  char          *search;             /* casefolded; NULL for none */
  GPtrArray     *rows;               /* a GtkListBoxRow per shortlist, shown or not */
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

/* The list of shortlists */

static const char *
view_id (GtkWidget *view)
{
  return ic_record_get_id (IC_RECORD (ic_shortlist_view_get_shortlist (IC_SHORTLIST_VIEW (view))));
}

/* Only the chosen shortlist's view is shown. */
static void
show_selected (IcShortlistsPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->shortlists_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (IC_IS_SHORTLIST_VIEW (child))
      gtk_widget_set_visible (child, g_strcmp0 (view_id (child), self->selected_id) == 0);
}

static gboolean
row_matches (IcShortlistsPage *self,
             GtkWidget        *row)
{
  const char *haystack = g_object_get_data (G_OBJECT (row), "haystack");

  return self->search == NULL || (haystack != NULL && strstr (haystack, self->search) != NULL);
}

/* The list holds the rows the search lets through (not hidden ones, so
 * that what a screen reader lists is what is seen), with the shortlist
 * chosen before still chosen if it is among them, else the first. */
static void on_row_selected (GtkListBox *list, GtkListBoxRow *row, IcShortlistsPage *self);

static void
fill_list (IcShortlistsPage *self)
{
  GtkWidget *child;
  GtkListBoxRow *chosen = NULL;
  GtkListBoxRow *first = NULL;

  g_signal_handlers_block_by_func (self->shortlist_list, on_row_selected, self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->shortlist_list))) != NULL)
    gtk_list_box_remove (self->shortlist_list, child);
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (!row_matches (self, row))
        continue;
      gtk_list_box_append (self->shortlist_list, row);
      if (first == NULL)
        first = GTK_LIST_BOX_ROW (row);
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "id"), self->selected_id) == 0)
        chosen = GTK_LIST_BOX_ROW (row);
    }
  if (chosen != NULL)
    gtk_list_box_select_row (self->shortlist_list, chosen);
  g_signal_handlers_unblock_by_func (self->shortlist_list, on_row_selected, self);
  gtk_stack_set_visible_child_name (self->list_stack, first != NULL ? "list" : "none-found");
  if (chosen == NULL && first != NULL)
    gtk_list_box_select_row (self->shortlist_list, first);
  else
    show_selected (self);
}

static void
on_search_changed (GtkSearchEntry   *entry,
                   IcShortlistsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search, g_free);
  if (stripped[0] != '\0')
    self->search = ic_text_fold (stripped);
  fill_list (self);
}

static void
on_row_selected (GtkListBox       *list,
                 GtkListBoxRow    *row,
                 IcShortlistsPage *self)
{
  if (row == NULL)
    return;
  g_free (self->selected_id);
  self->selected_id = g_strdup (g_object_get_data (G_OBJECT (row), "id"));
  show_selected (self);
}

/* In a narrow window the list and the view take turns: a shortlist the
 * person opens (a click, Enter) goes over to its view; the page's own
 * choice of a first row does not. */
static void
on_row_activated (GtkListBox       *list,
                  GtkListBoxRow    *row,
                  IcShortlistsPage *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "view");
}

static void
on_back_clicked (GtkButton        *button,
                 IcShortlistsPage *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static GtkWidget *
row_new (IcShortlistReport *report)
{
  IcShortlist *shortlist = ic_shortlist_report_get_shortlist (report);
  IcChallenge *challenge = ic_shortlist_report_get_challenge (report);
  const char *name = ic_shortlist_get_name (shortlist);
  const char *title = challenge != NULL ? ic_challenge_get_title (challenge) : NULL;
  guint n = ic_shortlist_report_get_n_entries (report);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (name);
  g_autofree char *details = NULL;
  g_autofree char *haystack = NULL;
  g_autofree char *folded = NULL;

  /* Names share their openings ("Year one: …"): two lines show more. */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (row, name);
  gtk_box_append (GTK_BOX (box), label);

  details = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u capability", "%s · %u capabilities", n),
                             title != NULL ? title : _("No challenge"), n);
  label = gtk_label_new (details);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, details, -1);

  haystack = g_strconcat (name, "\n", title != NULL ? title : "", NULL);
  folded = ic_text_fold (haystack);
  g_object_set_data_full (G_OBJECT (row), "haystack", g_steal_pointer (&folded), g_free);
  g_object_set_data_full (G_OBJECT (row), "id",
                          g_strdup (ic_record_get_id (IC_RECORD (shortlist))), g_free);
  return row;
}

static void
show_list (IcShortlistsPage *self,
           IcShortlistsRead *read)
{
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < read->reports->len; i++)
    g_ptr_array_add (self->rows, g_object_ref_sink (row_new (g_ptr_array_index (read->reports, i))));
  fill_list (self);
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
  show_list (self, read);

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

/* Shows the shortlist @id, with the search cleared so that its row is
 * listed; before the page has read its shortlists, the read shows it. */
void
ic_shortlists_page_show_shortlist (IcShortlistsPage *self,
                                   const char       *id)
{
  g_return_if_fail (IC_IS_SHORTLISTS_PAGE (self));
  g_return_if_fail (id != NULL);

  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
  /* The list is filled again with @id chosen if it is there: by the
   * search's change handler when there is a search to clear. */
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    fill_list (self);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "view");
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
    {
      /* The restored shortlist is the one shown. */
      g_free (data->page->selected_id);
      data->page->selected_id = g_strdup (ic_record_get_id (record));
      ic_shortlists_page_reload (data->page);
    }
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
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

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
  gtk_widget_class_bind_template_child (widget_class, IcShortlistsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistsPage, shortlist_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, IcShortlistsPage, back_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  gtk_widget_class_install_action (widget_class, "shortlists.delete-shortlist", "s",
                                   delete_shortlist_activated);
  gtk_widget_class_install_action (widget_class, "shortlists.reload", NULL, reload_activated);
}

static void
ic_shortlists_page_init (IcShortlistsPage *self)
{
  g_type_ensure (IC_TYPE_SHORTLIST_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Back to the list is there only while the list is folded away. */
  g_object_bind_property (self->leaflet, "folded", self->back_button, "visible", G_BINDING_SYNC_CREATE);
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
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
