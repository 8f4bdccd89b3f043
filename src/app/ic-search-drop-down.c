/* ic-search-drop-down.c — a GtkDropDown whose search finds a word
 * anywhere in an item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's drop-down matches its expression's string by prefix.  To
 * find a word anywhere in an item's haystack, an item that holds the
 * search text answers with the text itself, and one that does not
 * answers with its label.
 */

#include "config.h"

#include <string.h>

#include "ic-search-drop-down.h"

#define HAYSTACK_KEY "ic-search-haystack"
#define ALWAYS_KEY "ic-search-always"

GtkStringObject *
ic_search_item_new (const char *label,
                    char       *haystack)
{
  GtkStringObject *item = gtk_string_object_new (label != NULL ? label : "");

  g_object_set_data_full (G_OBJECT (item), HAYSTACK_KEY,
                          haystack != NULL ? haystack : ic_text_fold (label), g_free);
  return item;
}

GtkStringObject *
ic_search_item_new_always (const char *label)
{
  GtkStringObject *item = gtk_string_object_new (label);

  g_object_set_data (G_OBJECT (item), ALWAYS_KEY, GINT_TO_POINTER (TRUE));
  return item;
}

static GtkEditable *
find_search_entry (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *found;

      if (GTK_IS_SEARCH_ENTRY (child))
        return GTK_EDITABLE (child);
      if ((found = find_search_entry (child)) != NULL)
        return found;
    }
  return NULL;
}

static char *
search_key (GtkStringObject *item,
            GtkDropDown     *drop_down)
{
  const char *haystack = item != NULL ? g_object_get_data (G_OBJECT (item), HAYSTACK_KEY) : NULL;
  const char *label = item != NULL ? gtk_string_object_get_string (item) : "";
  GtkEditable *entry = find_search_entry (GTK_WIDGET (drop_down));
  const char *text = entry != NULL ? gtk_editable_get_text (entry) : NULL;
  g_autofree char *needle = NULL;

  if (text == NULL || text[0] == '\0')
    return g_strdup (label);
  if (item != NULL && g_object_get_data (G_OBJECT (item), ALWAYS_KEY) != NULL)
    return g_strdup (text);
  if (haystack == NULL)
    return g_strdup (label);
  needle = ic_text_fold (text);
  g_strstrip (needle);
  if (needle[0] != '\0' && strstr (haystack, needle) != NULL)
    return g_strdup (text);
  return g_strdup (label);
}

const char *
ic_search_drop_down_get_text (GtkDropDown *drop_down)
{
  GtkEditable *entry = find_search_entry (GTK_WIDGET (drop_down));

  return entry != NULL ? gtk_editable_get_text (entry) : "";
}

/* The expression answers with the search text for a found item, so the
 * rows show the item's own label, not the expression. */
static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (user_data))
    {
      /* Cut short on the button, so that a long title never widens
       * the page past the window (which would fold the sidebar over
       * it)… */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 20);
    }
  else
    {
      /* …and shown whole, wrapped, in the list. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      item != NULL ? gtk_string_object_get_string (item) : "");
}

void
ic_search_drop_down_attach (GtkDropDown *drop_down)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  gtk_drop_down_set_enable_search (drop_down, TRUE);
  gtk_drop_down_set_expression (drop_down,
                                gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                             G_CALLBACK (search_key), drop_down, NULL));
  for (int list = 0; list < 2; list++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (!list));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_label), NULL);
      if (list)
        gtk_drop_down_set_list_factory (drop_down, factory);
      else
        gtk_drop_down_set_factory (drop_down, factory);
    }
}
