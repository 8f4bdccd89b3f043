/* ic-match-corpus.h — the capabilities a matcher ranks, as flat arrays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built once from plain records (capabilities, the organisations behind
 * them, the tags foresight marks as rising demand), then frozen: the texts are analysed on every
 * processor into a TF-IDF index, and each capability's attributes
 * (TRL, cluster, place, size band, organisation, tags) go into flat
 * arrays indexed by the capability's position in id order.  A frozen
 * corpus is read-only and may be shared by threads.
 */

#pragma once

#include <glib-object.h>

#include "ic-capability.h"
#include "ic-organisation.h"
#include "ic-glossary.h"
#include "ic-taxonomy.h"
#include "ic-text-analyzer.h"
#include "ic-tfidf-index.h"

G_BEGIN_DECLS

#define IC_TYPE_MATCH_CORPUS (ic_match_corpus_get_type ())

G_DECLARE_FINAL_TYPE (IcMatchCorpus, ic_match_corpus, IC, MATCH_CORPUS, GObject)

/* An empty corpus whose texts @flags analyse (IC_TEXT_ANALYZER_DEFAULT
 * stems and drops stop words).
 * Returns: (transfer full) */
IcMatchCorpus       *ic_match_corpus_new                  (IcTextAnalyzerFlags  flags);
IcTextAnalyzerFlags  ic_match_corpus_get_flags            (IcMatchCorpus       *self);

/* The places for the place criterion; without one every place is
 * "elsewhere" unless two are the same id. */
void                 ic_match_corpus_set_taxonomy         (IcMatchCorpus       *self,
                                                           IcTaxonomy          *taxonomy);
/* (transfer none) (nullable) */
/* Bridges words through @glossary's phrases (see ic-match-phrases.h).
 * Call it before adding capabilities: their text is analysed as they
 * arrive.  Fails only if no analyzer can be made. */
gboolean             ic_match_corpus_set_glossary         (IcMatchCorpus       *self,
                                                           IcGlossary          *glossary,
                                                           GError             **error);
IcTaxonomy          *ic_match_corpus_get_taxonomy         (IcMatchCorpus       *self);

/* What matching needs of one capability, as plain values (borrowed):
 * for readers that have no IcCapability at hand.  Empty strings are as
 * good as NULL. */
typedef struct
{
  const char         *id;
  const char         *organisation_id;
  const char         *title;
  const char         *description;
  const char         *cluster;
  const char         *local_authority;
  const char * const *tags;             /* normalised, as a record holds them */
  int                 trl;
  int                 employees;
} IcMatchCapabilityFields;

/* Organisations give their name, and their size, place and cluster to
 * capabilities and challenges that leave those empty.  Any time. */
void                 ic_match_corpus_add_organisation     (IcMatchCorpus       *self,
                                                           IcOrganisation      *organisation);
/* The same from plain values (copied). */
void                 ic_match_corpus_add_organisation_fields (IcMatchCorpus    *self,
                                                           const char          *id,
                                                           const char          *name,
                                                           const char          *cluster,
                                                           const char          *local_authority,
                                                           int                  employees);
/* Copies what matching needs from @capability; tombstones are ignored.
 * Only before ic_match_corpus_freeze().  Capabilities may come in any
 * order; in ascending id order their analysis starts at once. */
void                 ic_match_corpus_add_capability       (IcMatchCorpus       *self,
                                                           IcCapability        *capability);
/* The same from plain values (copied); only before freezing. */
void                 ic_match_corpus_add_capability_fields (IcMatchCorpus      *self,
                                                           const IcMatchCapabilityFields *fields);
/* Marks one tag as rising demand (src/model/ic-rising-demand.h says
 * which: the loader passes them).  Only before freezing. */
void                 ic_match_corpus_add_rising_tag       (IcMatchCorpus       *self,
                                                           const char          *tag);

/* Analyses and indexes everything added, on @n_threads threads (0: one
 * per processor).  The result does not depend on @n_threads. */
gboolean             ic_match_corpus_freeze               (IcMatchCorpus       *self,
                                                           guint                n_threads,
                                                           GError             **error);
gboolean             ic_match_corpus_is_frozen            (IcMatchCorpus       *self);

/* The capabilities, in ascending id order, once frozen. */
guint                ic_match_corpus_get_n_capabilities   (IcMatchCorpus       *self);
const char          *ic_match_corpus_get_capability_id    (IcMatchCorpus       *self,
                                                           guint                index);
const char          *ic_match_corpus_get_capability_title (IcMatchCorpus       *self,
                                                           guint                index);
const char          *ic_match_corpus_get_capability_organisation (IcMatchCorpus *self,
                                                           guint                index);
/* The position of the capability @id, or -1. */
gint64               ic_match_corpus_find_capability      (IcMatchCorpus       *self,
                                                           const char          *id);
/* The name of an organisation added, or NULL. */
const char          *ic_match_corpus_get_organisation_name (IcMatchCorpus      *self,
                                                           const char          *organisation_id);
/* Whether foresight marks @tag as rising demand. */
gboolean             ic_match_corpus_is_rising_tag        (IcMatchCorpus       *self,
                                                           const char          *tag);
/* The text index (transfer none), once frozen. */
IcTfidfIndex        *ic_match_corpus_get_index            (IcMatchCorpus       *self);

G_END_DECLS
