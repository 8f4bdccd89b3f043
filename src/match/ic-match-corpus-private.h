/* ic-match-corpus-private.h — the frozen arrays, for the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ic-match-corpus.h"
#include "ic-match-phrases.h"

G_BEGIN_DECLS

#define IC_MATCH_NO_ORGANISATION G_MAXUINT32

/* What the fused pass reads per capability, packed into 12 bytes. */
typedef struct
{
  guint32 organisation;   /* index into organisation_ids, or IC_MATCH_NO_ORGANISATION */
  guint16 cluster;        /* 0 unknown, else 1 + index into cluster_names */
  guint16 place;          /* 0 unknown, else 1 + index into place_names */
  guint8  trl;            /* 0 unknown, else 1–9 */
  guint8  band;           /* employees band, 0 unknown */
} IcCapabilityAttrs;

/* A capability as added, until the corpus is frozen. */
typedef struct
{
  char *id;
  char *organisation_id;
  char *title;
  char *description;
  char *cluster;
  char *place;
  char **tags;
  int trl;
  int employees;
} IcCapabilityInput;

void ic_capability_input_free (IcCapabilityInput *input);

/* One thread's share of the text analysis. */
typedef struct _IcAnalysisChunk IcAnalysisChunk;

typedef struct
{
  char               *name;
  char               *cluster;
  char               *place;
  int                 employees;
} IcCorpusOrganisation;

struct _IcMatchCorpus
{
  GObject parent_instance;

  IcTextAnalyzerFlags flags;
  IcTaxonomy *taxonomy;
  IcMatchPhrases *phrases;           /* the glossary, compiled; nullable */
  gint64 *concept_ids;               /* per concept: its indexed term id, or -1; once frozen */
  GPtrArray *inputs;                 /* of IcCapabilityInput, until frozen */
  /* While records arrive in ascending id order (as the store gives them),
   * full chunks are analysed in the background. */
  gboolean stream_sorted;
  guint streamed;                    /* inputs handed to a chunk */
  GThreadPool *stream_pool;
  GPtrArray *stream_chunks;          /* of IcAnalysisChunk, in input order */
  GHashTable *organisations;         /* id → IcCorpusOrganisation */
  GHashTable *rising;                /* set of tags */
  gboolean frozen;

  guint n_capabilities;
  char **capability_ids;             /* ascending */
  char **capability_titles;
  GHashTable *capability_lookup;     /* id → index + 1 */
  IcCapabilityAttrs *attrs;

  GPtrArray *organisation_ids;       /* interned organisation ids */
  GHashTable *organisation_lookup;   /* id → index + 1 */
  GPtrArray *cluster_names;          /* [0] is NULL */
  GHashTable *cluster_lookup;
  GPtrArray *place_names;            /* [0] is NULL */
  GHashTable *place_lookup;

  IcTfidfIndex *index;

  GPtrArray *tag_names;
  GHashTable *tag_lookup;            /* tag → id + 1 */
  guint8 *tag_rising;
  guint32 *capability_tag_offsets;   /* capability → tags, ascending id */
  guint32 *capability_tags;
  guint32 *tag_offsets;              /* tag → capabilities, ascending */
  guint32 *tag_capabilities;
};

/* 0 if @name is unknown or empty. */
guint16  ic_match_corpus_lookup_cluster      (IcMatchCorpus *self,
                                              const char    *name);
/* IC_MATCH_NO_ORGANISATION if unknown. */
guint32  ic_match_corpus_lookup_organisation (IcMatchCorpus *self,
                                              const char    *id);
/* -1 if no capability has @tag. */
gint64   ic_match_corpus_lookup_tag          (IcMatchCorpus *self,
                                              const char    *tag);
/* (transfer none) (nullable) */
IcCorpusOrganisation *ic_match_corpus_get_organisation (IcMatchCorpus *self,
                                                        const char    *id);

/* Called after each input is added: checks the order and starts the
 * analysis of every full chunk. */
void     ic_match_corpus_stream_input        (IcMatchCorpus *self);
/* Waits for and drops background analysis. */
void     ic_match_corpus_stop_streaming      (IcMatchCorpus *self);
/* Analyses what is not analysed yet and builds the TF-IDF index. */
gboolean ic_match_corpus_build_text_index    (IcMatchCorpus *self,
                                              guint          n_threads,
                                              GError       **error);
int      ic_match_compare_guint32            (const void    *a,
                                              const void    *b);

/* Called before each part of a record's text. */
typedef void (*IcPartFunc) (gpointer user_data);

/* The text a capability or challenge is indexed by: its title twice
 * (titles say most in fewest words), its description and its tags;
 * @part_start (nullable) is called before each, so that a glossary
 * phrase never spans two parts. */
void     ic_match_analyze_record_text        (IcTextAnalyzer     *analyzer,
                                              const char         *title,
                                              const char         *description,
                                              const char * const *tags,
                                              IcTermFunc          func,
                                              IcPartFunc          part_start,
                                              gpointer            user_data);

G_END_DECLS
