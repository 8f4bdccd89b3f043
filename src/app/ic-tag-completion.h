/* ic-tag-completion.h — suggests stored tags while a comma-separated list is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IC_TYPE_TAG_COMPLETION (ic_tag_completion_get_type ())

G_DECLARE_FINAL_TYPE (IcTagCompletion, ic_tag_completion, IC, TAG_COMPLETION, GObject)

/* Attaches suggestions from @tags (sorted, lower-case) to @editable, a
 * widget such as an AdwEntryRow; the editable keeps the completion alive
 * for as long as it lives.  Down moves into the suggestions, Enter or a
 * click takes one. */
void ic_tag_completion_attach (GtkWidget          *editable,
                               const char * const *tags);

G_END_DECLS
