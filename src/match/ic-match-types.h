/* ic-match-types.h — criteria, options and errors shared by the matching engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IC_MATCH_ERROR (ic_match_error_quark ())

typedef enum
{
  IC_MATCH_ERROR_INVALID_WEIGHTS,   /* a weights string or preset that cannot be used */
  IC_MATCH_ERROR_NOT_OPEN,          /* the challenge is paused, matched or closed */
  IC_MATCH_ERROR_DEADLINE_PASSED,   /* the challenge's deadline is before today */
  IC_MATCH_ERROR_NOT_FROZEN,        /* the corpus is still being built */
  IC_MATCH_ERROR_NOT_RANKED,        /* a re-rank of a challenge never ranked */
  IC_MATCH_ERROR_NO_STEMMER,        /* libstemmer has no English stemmer */
} IcMatchError;

GQuark ic_match_error_quark (void);

/* The criteria, in the order weights strings and explanations use. */
typedef enum
{
  IC_MATCH_CRITERION_TEXT,
  IC_MATCH_CRITERION_TAGS,
  IC_MATCH_CRITERION_TRL,
  IC_MATCH_CRITERION_CLUSTER,
  IC_MATCH_CRITERION_PLACE,
  IC_MATCH_CRITERION_SCALE,
  IC_MATCH_CRITERION_FORESIGHT,
} IcMatchCriterion;

#define IC_MATCH_N_CRITERIA 7

/* "text", "tags", … as in weights strings and JSON; NULL if out of range. */
const char *ic_match_criterion_to_string   (IcMatchCriterion  criterion);
/* Looks up a criterion by its name; FALSE if @name is none. */
gboolean    ic_match_criterion_from_string (const char       *name,
                                            IcMatchCriterion *criterion);
/* The criterion's name for people ("Text", "Required tags"…), translated. */
const char *ic_match_criterion_get_label   (IcMatchCriterion  criterion);

/* How many candidates a ranking keeps for re-ranking when a weight moves. */
#define IC_MATCH_DEFAULT_POOL_SIZE 256

/* What a ranking is asked for besides the weights.  Initialise with
 * ic_match_options_init() and release with ic_match_options_clear(). */
typedef struct
{
  guint       top_k;          /* results per challenge; 0 means 10 */
  gboolean    cross_sector;   /* reward other clusters, scaled by text */
  char       *today;          /* YYYY-MM-DD for the deadline filter; NULL: the local date */
  guint       pool_size;      /* candidates kept for ic_matcher_rerank(); 0 keeps none */
  guint       n_threads;      /* for whole-corpus work; 0: one per processor */
  GHashTable *excluded;       /* challenge id → set of capability ids; may be NULL */
  GHashTable *decisions;      /* challenge id → IcMatchDecisions; may be NULL */
  GHashTable *pinned;         /* challenge id → (capability id → reason); may be NULL */
  GHashTable *conflicted;     /* challenge id → (capability id → reason): pairs a
                               * conflict-of-interest rule leaves out; may be NULL */
} IcMatchOptions;

/* What the team decided about one challenge's capabilities: those it
 * kept on a shortlist, and those it said are not a match (or declined).
 * The matcher learns from them (relevance feedback, see README.md). */
typedef struct
{
  GPtrArray *positive;        /* capability ids */
  GPtrArray *negative;        /* capability ids */
} IcMatchDecisions;

/* Sets the defaults: top 10, no cross-sector, today, no pool, all processors. */
void        ic_match_options_init          (IcMatchOptions   *options);
/* Frees what the options own and resets them to the defaults. */
void        ic_match_options_clear         (IcMatchOptions   *options);
/* Never pair @capability_id with @challenge_id (the user said no). */
void        ic_match_options_exclude_pair  (IcMatchOptions   *options,
                                            const char       *challenge_id,
                                            const char       *capability_id);
/* Whether the user excluded the pair. */
gboolean    ic_match_options_is_excluded   (const IcMatchOptions *options,
                                            const char       *challenge_id,
                                            const char       *capability_id);
/* Always show @capability_id for @challenge_id, marked as pinned with
 * @reason, whatever its rank (unless the pair is excluded). */
void        ic_match_options_pin           (IcMatchOptions   *options,
                                            const char       *challenge_id,
                                            const char       *capability_id,
                                            const char       *reason);
/* (nullable): the pinned capabilities of @challenge_id, id → reason */
GHashTable *ic_match_options_get_pins      (const IcMatchOptions *options,
                                            const char           *challenge_id);
/* Never pair them: a conflict-of-interest rule (@reason) forbids it.
 * The pair is left out as an excluded one is, and counted apart. */
void        ic_match_options_add_conflict  (IcMatchOptions   *options,
                                            const char       *challenge_id,
                                            const char       *capability_id,
                                            const char       *reason);
/* (nullable): the pairs of @challenge_id that a rule leaves out, id → reason */
GHashTable *ic_match_options_get_conflicts (const IcMatchOptions *options,
                                            const char           *challenge_id);

/* The team kept @capability_id for @challenge_id (@positive) or ruled
 * it out. */
void        ic_match_options_add_decision  (IcMatchOptions   *options,
                                            const char       *challenge_id,
                                            const char       *capability_id,
                                            gboolean          positive);
/* (nullable): the decisions about @challenge_id */
const IcMatchDecisions *ic_match_options_get_decisions (const IcMatchOptions *options,
                                                        const char           *challenge_id);
/* Copies @src into @dest, which must be cleared or uninitialised. */
void        ic_match_options_copy          (const IcMatchOptions *src,
                                            IcMatchOptions   *dest);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IcMatchOptions, ic_match_options_clear)

G_END_DECLS
