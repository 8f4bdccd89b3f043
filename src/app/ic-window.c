/* ic-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-app-format.h"
#include "ic-foresight-page.h"
#include "ic-impact-page.h"
#include "ic-review-page.h"
#include "ic-import-dialog.h"
#include "ic-matches-page.h"
#include "ic-records-page.h"
#include "ic-shortlists-page.h"
#include "ic-sync-controller.h"
#include "ic-sync-indicator.h"
#include "ic-window-private.h"
#include "ic-workshop-page.h"

G_DEFINE_FINAL_TYPE (IcWindow, ic_window, ADW_TYPE_APPLICATION_WINDOW)

typedef struct
{
  const char   *name;
  const char   *title;      /* translatable */
  const char   *icon_name;
  int           kind;       /* an IcRecordKind, or -1 for other pages */
} PageDef;

static const PageDef pages[] = {
  { "challenges", N_("Challenges"), "emoji-flags-symbolic", IC_RECORD_KIND_CHALLENGE },
  { "capabilities", N_("Capabilities"), "applications-engineering-symbolic", IC_RECORD_KIND_CAPABILITY },
  { "organisations", N_("Organisations"), "system-users-symbolic", IC_RECORD_KIND_ORGANISATION },
  { "matches", N_("Matches"), "emblem-shared-symbolic", -1 },
  { "shortlists", N_("Shortlists"), "view-list-bullet-symbolic", -1 },
  { "foresight", N_("Foresight"), "find-location-symbolic", -1 },
  { "workshop", N_("Workshop"), "x-office-calendar-symbolic", -1 },
  { "impact", N_("Impact"), "power-profile-performance-symbolic", -1 },
  { "review", N_("Needs Attention"), "alarm-symbolic", -1 },
};

static IcApplication *
get_application (IcWindow *self)
{
  return IC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

const char *
ic_window_get_author (IcWindow *self)
{
  return ic_application_get_author (get_application (self));
}

GtkWidget *
ic_window_get_visible_page (IcWindow *self)
{
  return gtk_stack_get_visible_child (self->stack);
}

void
ic_window_add_toast (IcWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (IC_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
ic_window_toast_from (GtkWidget *widget,
                      AdwToast  *toast)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (IC_IS_WINDOW (root))
    ic_window_add_toast (IC_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

IcSyncController *
ic_window_sync_controller_for (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return IC_IS_WINDOW (root) ? IC_WINDOW (root)->sync : NULL;
}

const char *
ic_window_author_for (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkApplication *application = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return IC_IS_APPLICATION (application) ? ic_application_get_author (IC_APPLICATION (application)) : NULL;
}

void
ic_window_show_error_toast (IcWindow     *self,
                            const char   *what,
                            const GError *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", what, error->message);
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  ic_window_add_toast (self, toast);
}

void
ic_window_reload (IcWindow *self)
{
  g_return_if_fail (IC_IS_WINDOW (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (IC_IS_RECORDS_PAGE (child))
        ic_records_page_reload (IC_RECORDS_PAGE (child));
      else if (IC_IS_SHORTLISTS_PAGE (child))
        ic_shortlists_page_reload (IC_SHORTLISTS_PAGE (child));
      else if (IC_IS_MATCHES_PAGE (child))
        ic_matches_page_reload (IC_MATCHES_PAGE (child));
      else if (IC_IS_FORESIGHT_PAGE (child))
        ic_foresight_page_reload (IC_FORESIGHT_PAGE (child));
      else if (IC_IS_WORKSHOP_PAGE (child))
        ic_workshop_page_reload (IC_WORKSHOP_PAGE (child));
      else if (IC_IS_IMPACT_PAGE (child))
        ic_impact_page_reload (IC_IMPACT_PAGE (child));
      else if (IC_IS_REVIEW_PAGE (child))
        ic_review_page_reload (IC_REVIEW_PAGE (child));
    }
}

void
ic_window_records_changed (IcWindow     *self,
                           IcRecordKind  kind)
{
  g_return_if_fail (IC_IS_WINDOW (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (IC_IS_RECORDS_PAGE (child) && ic_records_page_get_kind (IC_RECORDS_PAGE (child)) == kind)
        ic_records_page_reload (IC_RECORDS_PAGE (child));
      else if (IC_IS_SHORTLISTS_PAGE (child))
        ic_shortlists_page_reload (IC_SHORTLISTS_PAGE (child));
      else if (IC_IS_MATCHES_PAGE (child) && kind != IC_RECORD_KIND_SHORTLIST)
        ic_matches_page_reload (IC_MATCHES_PAGE (child));
      else if (IC_IS_FORESIGHT_PAGE (child) && kind == IC_RECORD_KIND_FORESIGHT)
        ic_foresight_page_reload (IC_FORESIGHT_PAGE (child));
      else if (IC_IS_WORKSHOP_PAGE (child) && kind != IC_RECORD_KIND_SHORTLIST)
        ic_workshop_page_reload (IC_WORKSHOP_PAGE (child));
      else if (IC_IS_IMPACT_PAGE (child))
        ic_impact_page_reload (IC_IMPACT_PAGE (child));
      else if (IC_IS_REVIEW_PAGE (child))
        ic_review_page_reload (IC_REVIEW_PAGE (child));
    }
}

/* The glossary or the learning changed: make the rankings again. */
static void
on_matching_changed (IcApplication *app,
                     IcWindow      *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (IC_IS_MATCHES_PAGE (child))
        ic_matches_page_reload (IC_MATCHES_PAGE (child));
      else if (IC_IS_WORKSHOP_PAGE (child))
        ic_workshop_page_reload (IC_WORKSHOP_PAGE (child));
    }
}

static void
update_for_page (IcWindow *self)
{
  GtkWidget *page = ic_window_get_visible_page (self);
  const char *name = gtk_stack_get_visible_child_name (self->stack);
  gboolean is_records = IC_IS_RECORDS_PAGE (page);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i].name, name) == 0)
      adw_window_title_set_title (self->content_title, _(pages[i].title));

  g_clear_pointer (&self->search_binding, g_binding_unbind);
  if (is_records)
    self->search_binding = g_object_bind_property (page, "search-mode-enabled",
                                                   self->search_button, "active",
                                                   G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  else
    gtk_toggle_button_set_active (self->search_button, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_button), is_records);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-record", is_records);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", is_records);
}

static int
find_page (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i].name, name) == 0)
      return (int) i;
  return -1;
}

static GtkWidget *
page_new (IcWindow      *self,
          const PageDef *def)
{
  if (def->kind >= 0)
    return ic_records_page_new (self->service, def->kind);
  if (g_str_equal (def->name, "matches"))
    return ic_matches_page_new (self->service);
  if (g_str_equal (def->name, "foresight"))
    return ic_foresight_page_new (self->service);
  if (g_str_equal (def->name, "workshop"))
    return ic_workshop_page_new (self->service);
  if (g_str_equal (def->name, "impact"))
    return ic_impact_page_new (self->service);
  if (g_str_equal (def->name, "review"))
    return ic_review_page_new (self->service);
  return ic_shortlists_page_new (self->service);
}

/* A page is built the first time it is shown: the first frame then
 * waits for one page only, and a page nobody opens reads nothing.  A
 * page built later reads the store fresh, so the reloads above need
 * only reach the pages already built. */
static void
ensure_page (IcWindow *self,
             int       index)
{
  const PageDef *def = &pages[index];
  GtkStackPage *stack_page;

  if (gtk_stack_get_child_by_name (self->stack, def->name) != NULL)
    return;
  stack_page = gtk_stack_add_named (self->stack, page_new (self, def), def->name);
  gtk_stack_page_set_title (stack_page, _(def->title));
}

void
ic_window_show_page (IcWindow   *self,
                     const char *name)
{
  int index;

  g_return_if_fail (IC_IS_WINDOW (self));

  index = find_page (name);
  if (index < 0)
    index = 0;
  name = pages[index].name;
  ensure_page (self, index);
  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_list_box_select_row (self->sidebar_list, gtk_list_box_get_row_at_index (self->sidebar_list, index));

  g_settings_set_string (self->settings, "last-page", name);
  update_for_page (self);
}

void
ic_window_show_records (IcWindow           *self,
                        const char         *name,
                        const char * const *ids,
                        const char         *description)
{
  GtkWidget *page;

  g_return_if_fail (IC_IS_WINDOW (self));

  ic_window_show_page (self, name);
  page = gtk_stack_get_child_by_name (self->stack, name);
  if (IC_IS_RECORDS_PAGE (page))
    ic_records_page_show_only (IC_RECORDS_PAGE (page), ids, description);
}

void
ic_window_show_shortlist (IcWindow   *self,
                          const char *id)
{
  GtkWidget *page;

  g_return_if_fail (IC_IS_WINDOW (self));

  ic_window_show_page (self, "shortlists");
  page = gtk_stack_get_child_by_name (self->stack, "shortlists");
  if (IC_IS_SHORTLISTS_PAGE (page))
    ic_shortlists_page_show_shortlist (IC_SHORTLISTS_PAGE (page), id);
}

/* Selecting a row shows its page (arrow keys move the selection); on a
 * folded window, activating it also goes over to the page. */
static void
on_sidebar_row_selected (GtkListBox    *list,
                         GtkListBoxRow *row,
                         IcWindow      *self)
{
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (index >= 0 && index < (int) G_N_ELEMENTS (pages) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), pages[index].name) != 0)
    ic_window_show_page (self, pages[index].name);
}

static void
on_sidebar_row_activated (GtkListBox    *list,
                          GtkListBoxRow *row,
                          IcWindow      *self)
{
  on_sidebar_row_selected (list, row, self);
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

/* A window narrowed to one pane keeps showing the page the person was
 * on; the sidebar is one Back away. */
static void
on_folded (AdwLeaflet *leaflet,
           GParamSpec *pspec,
           IcWindow   *self)
{
  if (adw_leaflet_get_folded (leaflet))
    adw_leaflet_set_visible_child (leaflet, self->content_pane);
}

static void
on_back_clicked (GtkButton *button,
                 IcWindow  *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_sync_finished (IcSyncController *sync,
                  guint             pulled,
                  guint             conflicts,
                  IcWindow         *self)
{
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (pulled > 0)
    ic_window_reload (self);
  if (conflicts == 0)
    return;

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The sync kept %u edit of yours that conflicts with the feed",
                                          "The sync kept %u edits of yours that conflict with the feed",
                                          conflicts), conflicts);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Review"));
  adw_toast_set_action_name (toast, "win.show-conflicts");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  ic_window_add_toast (self, toast);
}

static void
setup_sync (IcWindow *self)
{
  IcSyncIndicator *indicator;

  self->sync = ic_sync_controller_new (self->service, self->settings);
  g_signal_connect_object (self->sync, "finished", G_CALLBACK (on_sync_finished), self, 0);
  indicator = g_object_new (IC_TYPE_SYNC_INDICATOR, NULL);
  ic_sync_indicator_set_controller (indicator, self->sync);
  adw_bin_set_child (self->sync_slot, GTK_WIDGET (indicator));
}

/* The sync (counting the conflicts, and the sync at start) waits until
 * the window has drawn its first frame. */
static void
on_first_frame_drawn (GdkFrameClock *clock,
                      IcWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_drawn, self);
  ic_sync_controller_start (self->sync);
}

static void
on_realize (GtkWidget *widget,
            gpointer   user_data)
{
  IcWindow *self = IC_WINDOW (widget);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, on_realize, user_data);
  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_first_frame_drawn), self, 0);
  else
    ic_sync_controller_start (self->sync);
}

static GtkWidget *
sidebar_row_new (const PageDef *def)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(def->title));

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (def->icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(def->title), -1);
  return row;
}

static void
add_sidebar_rows (IcWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_list_box_append (self->sidebar_list, sidebar_row_new (&pages[i]));
}

static gboolean
ic_window_close_request (GtkWindow *window)
{
  IcWindow *self = IC_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (ic_window_parent_class)->close_request (window);
}

/* The application property is set after construction, so the window
 * is filled in here rather than in constructed(). */
static void
setup (IcWindow      *self,
       IcApplication *app)
{
  g_autofree char *last_page = NULL;

  self->service = g_object_ref (ic_application_get_store_service (app));
  self->settings = g_object_ref (ic_application_get_settings (app));
  g_signal_connect_object (app, "matching-changed", G_CALLBACK (on_matching_changed), self, 0);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  add_sidebar_rows (self);
  last_page = g_settings_get_string (self->settings, "last-page");
  ic_window_show_page (self, last_page);
  setup_sync (self);
  g_signal_connect (self, "realize", G_CALLBACK (on_realize), NULL);
}

static void
ic_window_dispose (GObject *object)
{
  IcWindow *self = IC_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->sync != NULL)
    ic_sync_controller_cancel (self->sync);
  g_clear_object (&self->sync);
  g_clear_pointer (&self->search_binding, g_binding_unbind);
  gtk_widget_dispose_template (GTK_WIDGET (self), IC_TYPE_WINDOW);

  G_OBJECT_CLASS (ic_window_parent_class)->dispose (object);
}

static void
ic_window_finalize (GObject *object)
{
  IcWindow *self = IC_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->service);

  G_OBJECT_CLASS (ic_window_parent_class)->finalize (object);
}

static void
ic_window_class_init (IcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ic_window_dispose;
  object_class->finalize = ic_window_finalize;
  window_class->close_request = ic_window_close_request;

  g_type_ensure (IC_TYPE_RECORDS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, content_pane);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, sync_slot);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  ic_window_class_add_actions (widget_class);

  /* Alt+1, Alt+2 … go to the pages in sidebar order. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", pages[i].name);
}

/* A file dropped on the window opens in the import dialog. */
static gboolean
on_file_dropped (GtkDropTarget *target,
                 const GValue  *value,
                 double         x,
                 double         y,
                 IcWindow      *self)
{
  IcImportDialog *dialog;

  if (!G_VALUE_HOLDS (value, G_TYPE_FILE) || g_value_get_object (value) == NULL)
    return FALSE;
  dialog = ic_import_dialog_new (self);
  gtk_window_present (GTK_WINDOW (dialog));
  ic_import_dialog_open_file (dialog, g_value_get_object (value));
  return TRUE;
}

/* Tab leaves the sidebar at once for the page beside it; the arrows
 * move between the sidebar's rows.  (A list box would otherwise take
 * Tab row by row.) */
static gboolean
on_sidebar_key_pressed (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        IcWindow              *self)
{
  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab)
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
  return gtk_widget_child_focus (self->content_pane, GTK_DIR_TAB_FORWARD);
}

static void
ic_window_init (IcWindow *self)
{
  GtkDropTarget *drop_target;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->leaflet, "notify::folded", G_CALLBACK (on_folded), self);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_sidebar_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar_list), keys);
  drop_target = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect (drop_target, "drop", G_CALLBACK (on_file_dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
  self->cancellable = g_cancellable_new ();
}

IcWindow *
ic_window_new (IcApplication *application)
{
  IcWindow *self = g_object_new (IC_TYPE_WINDOW, "application", application, NULL);

  setup (self, application);
  return self;
}
