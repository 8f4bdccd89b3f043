/* ic-search-drop-down.h — a GtkDropDown whose search finds a word
 * anywhere in an item, not only at the start of its label
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ic-text-search.h"

G_BEGIN_DECLS

/* An item showing @label that the search finds by any part of
 * @haystack (already folded by ic_text_fold(); NULL: by its label only).
 * Returns: (transfer full) */
GtkStringObject *ic_search_item_new         (const char  *label,
                                             char        *haystack);
/* An item every search lists (such as "New Organisation…").
 * Returns: (transfer full) */
GtkStringObject *ic_search_item_new_always  (const char  *label);
/* What is typed in @drop_down's search ("" if nothing). */
const char      *ic_search_drop_down_get_text (GtkDropDown *drop_down);
/* Turns on @drop_down's search and makes it look in each item's
 * haystack; the model holds items from ic_search_item_new().  Rows
 * show each item's label. */
void             ic_search_drop_down_attach (GtkDropDown *drop_down);

G_END_DECLS
