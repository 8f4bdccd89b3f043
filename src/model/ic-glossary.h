/* ic-glossary.h — the words experts say mean the same, or go together
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A glossary is part of the taxonomy: a list of entries, each a group of
 * phrases that mean the same thing (an acronym and its expansion:
 * "BESS", "battery energy storage system") and, optionally, phrases
 * closely associated with it (what a buyer says about the problem it
 * solves: "peak shaving", "demand charges").  The matcher treats a
 * phrase of an entry in a challenge and one of the same entry in a
 * capability as shared evidence, and says so.  A phrase is one to four
 * words; a phrase is among the terms of one entry at most.
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define IC_GLOSSARY_MAX_WORDS   4
#define IC_GLOSSARY_MAX_CHARS   80

#define IC_TYPE_GLOSSARY (ic_glossary_get_type ())

G_DECLARE_FINAL_TYPE (IcGlossary, ic_glossary, IC, GLOSSARY, GObject)

IcGlossary   *ic_glossary_new              (void);
/* Reads the JSON form: {"version": 1, "entries": [{"cluster": "…",
 * "terms": […], "related": […]}, …]}.  An error names the entry. */
IcGlossary   *ic_glossary_new_from_json    (const char   *data,
                                            gssize        length,
                                            GError      **error);
/* Returns: (transfer full) */
JsonNode     *ic_glossary_to_json          (IcGlossary   *self);
char         *ic_glossary_to_data          (IcGlossary   *self);

/* Adds an entry; fails (IC_MODEL_ERROR) naming the phrase if one is
 * empty, too long, has a control character, or is a term of another
 * entry already.  @cluster and @related may be NULL.  Returns the new
 * entry's position. */
gboolean      ic_glossary_add_entry        (IcGlossary          *self,
                                            const char          *cluster,
                                            const char * const  *terms,
                                            const char * const  *related,
                                            guint               *position,
                                            GError             **error);
/* Removes the entry at @position. */
void          ic_glossary_remove_entry     (IcGlossary          *self,
                                            guint                position);
guint         ic_glossary_get_n_entries    (IcGlossary          *self);
/* (transfer none) (nullable): "" and NULL both mean every cluster */
const char   *ic_glossary_get_cluster      (IcGlossary          *self,
                                            guint                position);
/* (transfer none): the entry's terms; the first names the entry */
const char * const *ic_glossary_get_terms  (IcGlossary          *self,
                                            guint                position);
/* (transfer none): the associated phrases, possibly none */
const char * const *ic_glossary_get_related (IcGlossary         *self,
                                            guint                position);
/* The position of the entry that has @term among its terms (compared
 * without case), or -1. */
gint          ic_glossary_find_term        (IcGlossary          *self,
                                            const char          *term);

G_END_DECLS
