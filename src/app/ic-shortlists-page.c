/* ic-shortlists-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ic-app-format.h"
#include "ic-shortlist.h"
#include "ic-shortlists-page.h"

#define MAX_SHORTLISTS 500

struct _IcShortlistsPage
{
  AdwBin      parent_instance;

  IcStore    *store;

  GtkStack   *view_stack;
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (IcShortlistsPage, ic_shortlists_page, ADW_TYPE_BIN)

static char *
record_title (IcShortlistsPage *self,
              const char       *id)
{
  g_autoptr(IcRecord) record = id != NULL ? ic_store_get (self->store, id, NULL) : NULL;

  return g_strdup (record != NULL && ic_record_get_title (record) != NULL
                   ? ic_record_get_title (record) : _("Unknown record"));
}

static GtkWidget *
entry_row_new (IcShortlistsPage *self,
               IcShortlistEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = record_title (self, ic_shortlist_entry_get_capability_id (entry));
  g_autofree char *score = g_strdup_printf ("%.0f%%", 100 * ic_shortlist_entry_get_score (entry));
  const char *note = ic_shortlist_entry_get_note (entry);
  g_autofree char *subtitle = NULL;
  GtkWidget *score_label = gtk_label_new (score);

  if (note != NULL && note[0] != '\0')
    subtitle = g_strdup_printf ("%s · %s", ic_format_stage (ic_shortlist_entry_get_stage (entry)), note);
  else
    subtitle = g_strdup (ic_format_stage (ic_shortlist_entry_get_stage (entry)));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (score_label, "numeric");
  gtk_widget_add_css_class (score_label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), score_label);
  return row;
}

static GtkWidget *
shortlist_row_new (IcShortlistsPage *self,
                   IcShortlist      *shortlist)
{
  GtkWidget *row = adw_expander_row_new ();
  GListModel *entries = G_LIST_MODEL (ic_shortlist_get_entries (shortlist));
  guint n = g_list_model_get_n_items (entries);
  g_autofree char *challenge = record_title (self, ic_shortlist_get_challenge_id (shortlist));
  g_autofree char *count = ic_format_record_count (IC_RECORD_KIND_CAPABILITY, n);
  const char *name = ic_shortlist_get_name (shortlist);
  g_autofree char *subtitle = NULL;

  /* A name made from the challenge's title need not repeat it. */
  if (name != NULL && strstr (name, challenge) != NULL)
    subtitle = g_strdup (count);
  else
    subtitle = g_strdup_printf ("%s · %s", challenge, count);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : challenge);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcShortlistEntry) entry = g_list_model_get_item (entries, i);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row_new (self, entry));
    }
  return row;
}

void
ic_shortlists_page_reload (IcShortlistsPage *self)
{
  g_autoptr(GPtrArray) shortlists = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (IC_IS_SHORTLISTS_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  shortlists = ic_store_list (self->store, IC_RECORD_KIND_SHORTLIST, NULL, 0, MAX_SHORTLISTS, &error);
  if (shortlists == NULL)
    g_warning ("Cannot list the shortlists: %s", error->message);

  for (guint i = 0; shortlists != NULL && i < shortlists->len; i++)
    gtk_list_box_append (self->list_box,
                         shortlist_row_new (self, g_ptr_array_index (shortlists, i)));

  gtk_stack_set_visible_child_name (self->view_stack,
                                    shortlists != NULL && shortlists->len > 0 ? "list" : "empty");
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
  gtk_widget_class_bind_template_child (widget_class, IcShortlistsPage, list_box);
}

static void
ic_shortlists_page_init (IcShortlistsPage *self)
{
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
