/* ic-foresight-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of the foresight items on the left (search, kind and tag
 * filters above it), the chosen item on the right, and with nothing
 * chosen the tags in rising demand: the same set the matcher's
 * foresight criterion uses (ic-rising-demand.h).
 *
 * The items are read by the store service (IcRecordReader); a newer
 * read, or leaving the page, cancels the one under way, and a page out
 * of sight reads once it is shown again (IcPageReader).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ic-app-format.h"
#include "ic-application.h"
#include "ic-challenge.h"
#include "ic-foresight-item.h"
#include "ic-foresight-page.h"
#include "ic-page-reader.h"
#include "ic-record-editor.h"
#include "ic-record-reader.h"
#include "ic-rising-demand.h"
#include "ic-text-search.h"
#include "ic-window.h"

struct _IcForesightPage
{
  AdwBin              parent_instance;

  IcStoreService     *service;
  IcRecordReader     *reader;
  IcStoreQuery       *query;        /* every live item */
  IcPageReader       *page_reader;  /* NULL once disposed */
  GListStore         *items;        /* IcForesightItem, newest first */
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;       /* owned by filtered */
  GtkStringList      *tag_names;    /* "All Tags", then every tag */
  GHashTable         *rising;       /* tag → itself */
  IcForesightItem    *selected;

  GtkStack           *view_stack;
  AdwStatusPage      *error_page;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *tag_dropdown;
  GtkStack           *list_stack;
  GtkListBox         *list_box;
  GtkStack           *detail_stack;
  GtkLabel           *rising_intro;
  GtkFlowBox         *rising_box;
  GtkLabel           *detail_kind;
  GtkLabel           *detail_title;
  GtkLabel           *detail_meta;
  GtkLabel           *detail_horizon;
  GtkLabel           *detail_summary;
  GtkFlowBox         *detail_tags;
  GtkLinkButton      *detail_link;
};

G_DEFINE_FINAL_TYPE (IcForesightPage, ic_foresight_page, ADW_TYPE_BIN)

static const char *
kind_label (IcForesightKind kind)
{
  switch (kind)
    {
    case IC_FORESIGHT_KIND_DEMAND_SIGNAL:
      return _("Demand signal");
    case IC_FORESIGHT_KIND_TECHNOLOGY_DRIVER:
      return _("Technology driver");
    case IC_FORESIGHT_KIND_IDEA:
      return _("Idea");
    case IC_FORESIGHT_KIND_CHALLENGE_CALL:
    default:
      return _("Challenge call");
    }
}

static gboolean
is_rising (IcForesightPage *self,
           const char      *tag)
{
  return self->rising != NULL && g_hash_table_contains (self->rising, tag);
}

/* "Demand signal · 14 Sep 2026 · WMCA Foresight Panel", without the
 * kind when @with_kind is FALSE (transfer full). */
static char *
item_meta (IcForesightItem *item,
           gboolean         with_kind)
{
  GString *meta = g_string_new (with_kind ? kind_label (ic_foresight_item_get_kind (item)) : NULL);
  const char *published = ic_foresight_item_get_published (item);
  const char *source = ic_foresight_item_get_source (item);

  if (published != NULL && published[0] != '\0')
    {
      g_autofree char *date = ic_format_date (published);

      g_string_append_printf (meta, "%s%s", meta->len > 0 ? " · " : "", date);
    }
  if (source != NULL && source[0] != '\0')
    g_string_append_printf (meta, "%s%s", meta->len > 0 ? " · " : "", source);
  return g_string_free (meta, FALSE);
}

/* The item's tags, each rising one marked with an arrow (transfer full). */
static char *
item_tags (IcForesightPage *self,
           IcForesightItem *item)
{
  const char * const *tags = ic_foresight_item_get_tags (item);
  GString *text = g_string_new (NULL);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    g_string_append_printf (text, "%s%s%s", i > 0 ? ", " : "", tags[i],
                            is_rising (self, tags[i]) ? " ↑" : "");
  return g_string_free (text, FALSE);
}

static GtkWidget *
create_row (gpointer object,
            gpointer user_data)
{
  IcForesightPage *self = user_data;
  IcForesightItem *item = object;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (ic_foresight_item_get_title (item));
  g_autofree char *meta_text = item_meta (item, TRUE);
  g_autofree char *tags_text = item_tags (self, item);
  GtkWidget *meta = gtk_label_new (meta_text);
  GtkWidget *tags = gtk_label_new (tags_text);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "record-title");
  for (GtkWidget *label = meta; label != NULL; label = label == meta ? tags : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
    }
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_box_append (GTK_BOX (box), tags);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ic_foresight_item_get_title (item), -1);
  return row;
}

/* Whether every word of @query is in the item's title, summary, source or tags. */
static gboolean
matches_search (IcForesightItem *item,
                const char      *query)
{
  const char * const *tags = ic_foresight_item_get_tags (item);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *haystack = NULL;
  g_auto(GStrv) words = ic_text_words (query);

  g_string_append_printf (text, "%s\n%s\n%s\n",
                          ic_foresight_item_get_title (item) ? ic_foresight_item_get_title (item) : "",
                          ic_foresight_item_get_summary (item) ? ic_foresight_item_get_summary (item) : "",
                          ic_foresight_item_get_source (item) ? ic_foresight_item_get_source (item) : "");
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    g_string_append_printf (text, "%s\n", tags[i]);
  haystack = ic_text_fold (text->str);
  return ic_text_has_words (haystack, (const char * const *) words);
}

static gboolean
item_visible (gpointer object,
              gpointer user_data)
{
  IcForesightPage *self = user_data;
  IcForesightItem *item = object;
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint tag = gtk_drop_down_get_selected (self->tag_dropdown);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (kind != GTK_INVALID_LIST_POSITION && kind > 0 &&
      ic_foresight_item_get_kind (item) != (IcForesightKind) (kind - 1))
    return FALSE;
  if (tag != GTK_INVALID_LIST_POSITION && tag > 0)
    {
      const char *name = gtk_string_list_get_string (self->tag_names, tag);
      const char * const *tags = ic_foresight_item_get_tags (item);

      if (tags == NULL || !g_strv_contains (tags, name))
        return FALSE;
    }
  return query == NULL || query[0] == '\0' || matches_search (item, query);
}

static void
on_filter_changed (IcForesightPage *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Escape in the search field empties it. */
static void
on_stop_search (GtkSearchEntry  *entry,
                IcForesightPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
add_tag_chip (IcForesightPage *self,
              GtkFlowBox      *box,
              const char      *tag)
{
  g_autofree char *text = g_strdup_printf ("%s%s", tag, is_rising (self, tag) ? " ↑" : "");
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  /* The status badge's look: accent for rising demand, plain otherwise. */
  gtk_widget_add_css_class (label, "status-badge");
  gtk_widget_add_css_class (label, is_rising (self, tag) ? "status-matched" : "status-closed");
  gtk_flow_box_append (box, label);
}

static void
clear_flow_box (GtkFlowBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
}

/* The horizon of ic-rising-demand.c in words (transfer full). */
static char *
describe_horizon (IcForesightItem *item)
{
  IcForesightKind kind = ic_foresight_item_get_kind (item);
  const char *published = ic_foresight_item_get_published (item);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) when = published != NULL ? g_date_time_new_from_iso8601 (published, NULL) : NULL;
  g_autoptr(GDateTime) until = when != NULL ? g_date_time_add_days (when, IC_RISING_DEMAND_HORIZON_DAYS) : NULL;
  g_autofree char *until_text = until != NULL ? g_date_time_format_iso8601 (until) : NULL;
  g_autofree char *date = until_text != NULL ? ic_format_date (until_text) : NULL;

  if (kind != IC_FORESIGHT_KIND_DEMAND_SIGNAL && kind != IC_FORESIGHT_KIND_CHALLENGE_CALL)
    return g_strdup (_("Technology drivers and ideas say what could be supplied, so their tags do not count as rising demand."));
  if (!ic_rising_demand_item_counts (item, now))
    return g_strdup_printf (_("Its tags counted as rising demand until %s."), date);
  if (date == NULL)
    return g_strdup (_("Its tags count as rising demand; it has no date, so they keep counting."));
  return g_strdup_printf (_("Its tags count as rising demand until %s."), date);
}

static void
show_item (IcForesightPage *self,
           IcForesightItem *item)
{
  const char * const *tags;
  const char *url;
  g_autofree char *meta = NULL;
  g_autofree char *horizon = NULL;

  if (item != self->selected)
    g_set_object (&self->selected, item);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "foresight.create-challenge", item != NULL);
  if (item == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "rising");
      return;
    }

  meta = item_meta (item, FALSE);
  horizon = describe_horizon (item);
  gtk_label_set_label (self->detail_kind, kind_label (ic_foresight_item_get_kind (item)));
  gtk_label_set_label (self->detail_title, ic_foresight_item_get_title (item));
  gtk_label_set_label (self->detail_meta, meta);
  gtk_label_set_label (self->detail_horizon, horizon);
  gtk_label_set_label (self->detail_summary, ic_foresight_item_get_summary (item)
                                             ? ic_foresight_item_get_summary (item) : "");
  clear_flow_box (self->detail_tags);
  tags = ic_foresight_item_get_tags (item);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    add_tag_chip (self, self->detail_tags, tags[i]);
  url = ic_foresight_item_get_url (item);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_link), url != NULL && url[0] != '\0');
  if (url != NULL && url[0] != '\0')
    gtk_link_button_set_uri (self->detail_link, url);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

static gint64
find_item (GListModel *model,
           const char *id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(IcRecord) record = g_list_model_get_item (model, i);

      if (g_strcmp0 (ic_record_get_id (record), id) == 0)
        return i;
    }
  return -1;
}

static void
on_row_selected (GtkListBox      *list,
                 GtkListBoxRow   *row,
                 IcForesightPage *self)
{
  g_autoptr(IcForesightItem) item = NULL;

  /* A row that a filter takes away leaves the item shown until
   * on_filtered_changed() sees it gone. */
  if (row == NULL)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), gtk_list_box_row_get_index (row));
  show_item (self, item);
}

/* Keeps the chosen item's row selected while filters change, and goes
 * back to the rising-demand view when the item is filtered out. */
static void
on_filtered_changed (GListModel      *model,
                     guint            position,
                     guint            removed,
                     guint            added,
                     IcForesightPage *self)
{
  gint64 index;

  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (model) > 0 ? "list" : "none");
  if (self->selected == NULL)
    return;
  index = find_item (model, ic_record_get_id (IC_RECORD (self->selected)));
  if (index < 0)
    {
      gtk_list_box_unselect_all (self->list_box);
      show_item (self, NULL);
    }
  else
    gtk_list_box_select_row (self->list_box, gtk_list_box_get_row_at_index (self->list_box, index));
}

static void
on_rising_tag_clicked (GtkButton       *button,
                       IcForesightPage *self)
{
  const char *tag = g_object_get_data (G_OBJECT (button), "tag");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tag_names));

  for (guint i = 1; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->tag_names, i), tag) == 0)
      gtk_drop_down_set_selected (self->tag_dropdown, i);
}

static void
fill_rising (IcForesightPage *self,
             GStrv            rising)
{
  guint n = g_strv_length (rising);
  g_autofree char *intro = NULL;

  g_clear_pointer (&self->rising, g_hash_table_unref);
  self->rising = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  clear_flow_box (self->rising_box);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (rising[i]);
      g_autofree char *tooltip = g_strdup_printf (_("Show the items tagged “%s”"), rising[i]);

      g_hash_table_add (self->rising, g_strdup (rising[i]));
      g_object_set_data_full (G_OBJECT (button), "tag", g_strdup (rising[i]), g_free);
      gtk_widget_set_tooltip_text (button, tooltip);
      /* A chip in the badge's look, like the item's own tags. */
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "status-badge");
      gtk_widget_add_css_class (button, "status-matched");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_rising_tag_clicked), self, 0);
      gtk_flow_box_append (self->rising_box, button);
    }

  if (n == 0)
    intro = g_strdup (_("No demand signal or challenge call of the last two years has tags, so no tag counts as rising demand."));
  else
    intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u tag comes from demand signals and challenge calls of the last two years. When a challenge and a capability share it, the Foresight criterion of matching counts it.",
                                          "These %u tags come from demand signals and challenge calls of the last two years. When a challenge and a capability share one, the Foresight criterion of matching counts it.",
                                          n), n);
  gtk_label_set_label (self->rising_intro, intro);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every tag of @items, sorted, after "All Tags"; keeps the chosen one. */
static void
fill_tags (IcForesightPage *self,
           GPtrArray       *items)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  guint chosen = gtk_drop_down_get_selected (self->tag_dropdown);
  g_autofree char *current = chosen != GTK_INVALID_LIST_POSITION && chosen > 0
                             ? g_strdup (gtk_string_list_get_string (self->tag_names, chosen)) : NULL;
  guint keep = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const char * const *item_tags = ic_foresight_item_get_tags (items->pdata[i]);

      for (guint t = 0; item_tags != NULL && item_tags[t] != NULL; t++)
        if (g_hash_table_add (seen, (gpointer) item_tags[t]))
          g_ptr_array_add (tags, (gpointer) item_tags[t]);
    }
  g_ptr_array_sort (tags, compare_strings);
  g_ptr_array_add (tags, NULL);

  gtk_string_list_splice (self->tag_names, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->tag_names)) - 1,
                          (const char * const *) tags->pdata);
  for (guint i = 0; current != NULL && tags->pdata[i] != NULL; i++)
    if (g_str_equal (tags->pdata[i], current))
      keep = i + 1;
  gtk_drop_down_set_selected (self->tag_dropdown, keep);
}

/* Newest first; undated last; then by title. */
static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  IcForesightItem *x = *(IcForesightItem * const *) a;
  IcForesightItem *y = *(IcForesightItem * const *) b;
  int by_date = -g_strcmp0 (ic_foresight_item_get_published (x), ic_foresight_item_get_published (y));

  return by_date != 0 ? by_date : g_strcmp0 (ic_foresight_item_get_title (x), ic_foresight_item_get_title (y));
}

/* Shows @items (IcForesightItem, every live one), keeping the chosen
 * item chosen. */
static void
show_items (IcForesightPage *self,
            GPtrArray       *items)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_auto(GStrv) rising = NULL;
  g_autofree char *selected_id = NULL;
  gint64 index;

  g_ptr_array_sort (items, compare_items);

  /* Every live item, as the matcher's loader reads them, so the rising
   * set here is the one matching uses. */
  rising = ic_rising_demand_collect (items, now);
  fill_rising (self, rising);
  fill_tags (self, items);

  if (self->selected != NULL)
    selected_id = g_strdup (ic_record_get_id (IC_RECORD (self->selected)));
  g_clear_object (&self->selected);
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);

  index = find_item (G_LIST_MODEL (self->filtered), selected_id);
  if (index >= 0)
    gtk_list_box_select_row (self->list_box, gtk_list_box_get_row_at_index (self->list_box, index));
  else
    show_item (self, NULL);
  gtk_stack_set_visible_child_name (self->view_stack, items->len > 0 ? "items" : "empty");
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(IcForesightPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecordPage) page = ic_record_reader_read_finish (result, &error);

  if (self->page_reader == NULL ||
      !ic_page_reader_done (self->page_reader, g_task_get_cancellable (G_TASK (result))))
    return;
  if (page == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot read the foresight items from %s: %s"),
                                                  ic_store_service_get_path (self->service), error->message);

      adw_status_page_set_description (self->error_page, message);
      gtk_stack_set_visible_child_name (self->view_stack, "error");
      return;
    }
  show_items (self, page->records);
}

static void
start_read (gpointer      page,
            GCancellable *cancellable)
{
  IcForesightPage *self = page;
  const char *visible = gtk_stack_get_visible_child_name (self->view_stack);

  /* Items on screen stay while they are read again; an empty or failed
   * page says that it is reading. */
  if (g_strcmp0 (visible, "items") != 0)
    gtk_stack_set_visible_child_name (self->view_stack, "loading");
  ic_record_reader_read_async (self->reader, IC_RECORD_KIND_FORESIGHT, self->query, 0, 0, FALSE,
                               cancellable, on_read, g_object_ref (self));
}

/* Reads again after a change: only while the page is on screen. */
void
ic_foresight_page_reload (IcForesightPage *self)
{
  g_return_if_fail (IC_IS_FORESIGHT_PAGE (self));

  ic_page_reader_reload (self->page_reader);
}

static void
reload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ic_foresight_page_reload (IC_FORESIGHT_PAGE (widget));
}

/* A new challenge that starts from @item's words. */
static IcChallenge *
challenge_from_item (IcForesightItem *item)
{
  IcChallenge *challenge = IC_CHALLENGE (ic_record_new (IC_RECORD_KIND_CHALLENGE));
  const char *summary = ic_foresight_item_get_summary (item);
  const char *source = ic_foresight_item_get_source (item);
  const char *url = ic_foresight_item_get_url (item);
  GString *description = g_string_new (summary != NULL ? summary : "");

  if ((source != NULL && source[0] != '\0') || (url != NULL && url[0] != '\0'))
    {
      g_autofree char *from = g_strjoin (", ", source != NULL && source[0] != '\0' ? source : url,
                                         source != NULL && source[0] != '\0' ? url : NULL, NULL);

      if (description->len > 0)
        g_string_append (description, "\n\n");
      g_string_append_printf (description, _("From the foresight feed: %s"), from);
    }

  ic_challenge_set_title (challenge, ic_foresight_item_get_title (item));
  ic_challenge_set_description (challenge, description->str);
  ic_challenge_set_tags (challenge, ic_foresight_item_get_tags (item));
  ic_challenge_set_status (challenge, IC_CHALLENGE_STATUS_OPEN);
  g_string_free (description, TRUE);
  return challenge;
}

static void
on_challenge_saved (IcRecordEditor  *editor,
                    IcRecord        *record,
                    IcForesightPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *message = g_strdup_printf (_("Saved “%s”"), ic_record_get_title (record));
  AdwToast *toast;

  if (!IC_IS_WINDOW (root))
    return;
  ic_window_records_changed (IC_WINDOW (root), IC_RECORD_KIND_CHALLENGE);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("Show Challenges"));
  adw_toast_set_action_name (toast, "win.show-page");
  adw_toast_set_action_target_value (toast, g_variant_new_string ("challenges"));
  ic_window_add_toast (IC_WINDOW (root), toast);
}

static void
on_editor_made (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(IcForesightPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  IcRecordEditor *editor = ic_record_editor_new_finish (result, &error);

  if (editor == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot open the form: %s"), error->message);

      ic_window_toast_from (GTK_WIDGET (self), adw_toast_new (message));
      return;
    }
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_challenge_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
create_challenge_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  IcForesightPage *self = IC_FORESIGHT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  g_autoptr(IcChallenge) challenge = NULL;

  if (self->selected == NULL)
    return;
  challenge = challenge_from_item (self->selected);
  ic_record_editor_new_async (self->service, IC_RECORD (challenge), TRUE,
                              IC_IS_APPLICATION (app) ? ic_application_get_author (IC_APPLICATION (app)) : NULL,
                              NULL, on_editor_made, g_object_ref (self));
}

static void
ic_foresight_page_dispose (GObject *object)
{
  IcForesightPage *self = IC_FORESIGHT_PAGE (object);

  g_clear_pointer (&self->page_reader, ic_page_reader_free);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  /* The bin's child is a template child: let go of it through the bin,
   * or the template would free it under the bin's own pointer. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), IC_TYPE_FORESIGHT_PAGE);
  g_clear_object (&self->filtered);
  g_clear_object (&self->items);
  g_clear_object (&self->selected);

  G_OBJECT_CLASS (ic_foresight_page_parent_class)->dispose (object);
}

static void
ic_foresight_page_finalize (GObject *object)
{
  IcForesightPage *self = IC_FORESIGHT_PAGE (object);

  g_clear_object (&self->tag_names);
  g_clear_pointer (&self->rising, g_hash_table_unref);
  g_clear_object (&self->service);
  g_clear_object (&self->query);
  g_clear_pointer (&self->reader, ic_record_reader_unref);

  G_OBJECT_CLASS (ic_foresight_page_parent_class)->finalize (object);
}

static void
ic_foresight_page_class_init (IcForesightPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_foresight_page_dispose;
  object_class->finalize = ic_foresight_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-foresight-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IcForesightPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, IcForesightPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, IcForesightPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IcForesightPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcForesightPage, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcForesightPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, IcForesightPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, IcForesightPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, IcForesightPage, rising_intro);
  gtk_widget_class_bind_template_child (widget_class, IcForesightPage, rising_box);
  gtk_widget_class_bind_template_child (widget_class, IcForesightPage, detail_kind);
  gtk_widget_class_bind_template_child (widget_class, IcForesightPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, IcForesightPage, detail_meta);
  gtk_widget_class_bind_template_child (widget_class, IcForesightPage, detail_horizon);
  gtk_widget_class_bind_template_child (widget_class, IcForesightPage, detail_summary);
  gtk_widget_class_bind_template_child (widget_class, IcForesightPage, detail_tags);
  gtk_widget_class_bind_template_child (widget_class, IcForesightPage, detail_link);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);

  gtk_widget_class_install_action (widget_class, "foresight.create-challenge", NULL,
                                   create_challenge_activated);
  gtk_widget_class_install_action (widget_class, "foresight.reload", NULL, reload_activated);
}

static void
ic_foresight_page_init (IcForesightPage *self)
{
  const char *kinds[] = {
    _("All Kinds"), _("Demand Signals"), _("Technology Drivers"), _("Ideas"), _("Challenge Calls"), NULL,
  };
  const char *all_tags[] = { _("All Tags"), NULL };
  g_autoptr(GtkStringList) kind_names = gtk_string_list_new (kinds);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->page_reader = ic_page_reader_new (GTK_WIDGET (self), start_read);

  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kind_names));
  self->tag_names = gtk_string_list_new (all_tags);
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (self->tag_names));
  {
    /* Search the tag drop-down by its strings. */
    g_autoptr(GtkExpression) expression =
      gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

    gtk_drop_down_set_expression (self->tag_dropdown, expression);
  }

  self->items = g_list_store_new (IC_TYPE_FORESIGHT_ITEM);
  self->filter = gtk_custom_filter_new (item_visible, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                              GTK_FILTER (self->filter));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->filtered), create_row, self, NULL);
  /* After the list box's own handler, so that its rows are current. */
  g_signal_connect (self->filtered, "items-changed", G_CALLBACK (on_filtered_changed), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "foresight.create-challenge", FALSE);
}

GtkWidget *
ic_foresight_page_new (IcStoreService *service)
{
  IcForesightPage *self;

  g_return_val_if_fail (IC_IS_STORE_SERVICE (service), NULL);

  self = g_object_new (IC_TYPE_FORESIGHT_PAGE, NULL);
  self->service = g_object_ref (service);
  self->reader = ic_record_reader_new (service);
  self->query = ic_store_query_new ();
  ic_foresight_page_reload (self);
  return GTK_WIDGET (self);
}
