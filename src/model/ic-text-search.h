/* ic-text-search.h — how a typed search finds its words in a text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every search box of the app and every --search of the command line
 * compares the same way: compatibility-normalised and case-folded, so
 * "ﬁre" finds "Fire" and "STRASSE" finds "straße", and each word typed
 * must be somewhere in the text, as a word or part of one.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @text as a search compares it (NULL as ""); text that is not UTF-8 is
 * compared as it is.
 * Returns: (transfer full) */
char     *ic_text_fold      (const char         *text);
/* The folded words of a typed @query; empty for one with none.
 * Returns: (transfer full) */
char    **ic_text_words     (const char         *query);
/* Whether each of @words (from ic_text_words()) is in @folded (from
 * ic_text_fold()). */
gboolean  ic_text_has_words (const char         *folded,
                             const char * const *words);

G_END_DECLS
