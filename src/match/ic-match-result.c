/* ic-match-result.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-match-result.h"

typedef struct
{
  char   *term;
  double  share;
} Term;

typedef struct
{
  IcMatchBridgeKind kind;
  char   *from;
  char   *to;
  double  share;
  guint   evidence;
} Bridge;

struct _IcMatchResult
{
  GObject parent_instance;

  char *challenge_id;
  char *capability_id;
  char *organisation_id;
  char *capability_title;
  char *organisation_name;
  double score;
  double scores[IC_MATCH_N_CRITERIA];
  double weights[IC_MATCH_N_CRITERIA];
  double contributions[IC_MATCH_N_CRITERIA];
  gboolean cross_sector;
  char    *pin_reason;
  GArray *terms;          /* of Term */
  GArray *bridges;        /* of Bridge */
  GPtrArray *tags;
  GHashTable *rising;     /* tags foresight marks */
  char *explanation;
};

G_DEFINE_FINAL_TYPE (IcMatchResult, ic_match_result, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CHALLENGE_ID,
  PROP_CAPABILITY_ID,
  PROP_ORGANISATION_ID,
  PROP_CAPABILITY_TITLE,
  PROP_ORGANISATION_NAME,
  PROP_SCORE,
  PROP_EXPLANATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_term (gpointer data)
{
  g_free (((Term *) data)->term);
}

static void
clear_bridge (gpointer data)
{
  g_free (((Bridge *) data)->from);
  g_free (((Bridge *) data)->to);
}

static void
ic_match_result_finalize (GObject *object)
{
  IcMatchResult *self = IC_MATCH_RESULT (object);

  g_free (self->challenge_id);
  g_free (self->capability_id);
  g_free (self->organisation_id);
  g_free (self->capability_title);
  g_free (self->organisation_name);
  g_free (self->pin_reason);
  g_array_unref (self->terms);
  g_array_unref (self->bridges);
  g_ptr_array_unref (self->tags);
  g_clear_pointer (&self->rising, g_hash_table_unref);
  g_free (self->explanation);

  G_OBJECT_CLASS (ic_match_result_parent_class)->finalize (object);
}

static void
ic_match_result_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IcMatchResult *self = IC_MATCH_RESULT (object);

  switch (prop_id)
    {
    case PROP_CHALLENGE_ID:
      g_value_set_string (value, self->challenge_id);
      break;
    case PROP_CAPABILITY_ID:
      g_value_set_string (value, self->capability_id);
      break;
    case PROP_ORGANISATION_ID:
      g_value_set_string (value, self->organisation_id);
      break;
    case PROP_CAPABILITY_TITLE:
      g_value_set_string (value, self->capability_title);
      break;
    case PROP_ORGANISATION_NAME:
      g_value_set_string (value, self->organisation_name);
      break;
    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;
    case PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_match_result_class_init (IcMatchResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ic_match_result_finalize;
  object_class->get_property = ic_match_result_get_property;

  properties[PROP_CHALLENGE_ID] = g_param_spec_string ("challenge-id", NULL, NULL, NULL, flags);
  properties[PROP_CAPABILITY_ID] = g_param_spec_string ("capability-id", NULL, NULL, NULL, flags);
  properties[PROP_ORGANISATION_ID] = g_param_spec_string ("organisation-id", NULL, NULL, NULL, flags);
  properties[PROP_CAPABILITY_TITLE] = g_param_spec_string ("capability-title", NULL, NULL, NULL, flags);
  properties[PROP_ORGANISATION_NAME] = g_param_spec_string ("organisation-name", NULL, NULL, NULL, flags);
  properties[PROP_SCORE] = g_param_spec_double ("score", NULL, NULL, 0.0, 1.0, 0.0, flags);
  properties[PROP_EXPLANATION] = g_param_spec_string ("explanation", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ic_match_result_init (IcMatchResult *self)
{
  /* Sized for a typical result, so that filling one rarely grows them. */
  self->terms = g_array_sized_new (FALSE, FALSE, sizeof (Term), 16);
  g_array_set_clear_func (self->terms, clear_term);
  self->bridges = g_array_sized_new (FALSE, FALSE, sizeof (Bridge), 4);
  g_array_set_clear_func (self->bridges, clear_bridge);
  self->tags = g_ptr_array_new_with_free_func (g_free);
}

IcMatchResult *
ic_match_result_new (const char *challenge_id,
                     const char *capability_id,
                     const char *organisation_id,
                     double      score)
{
  IcMatchResult *self = g_object_new (IC_TYPE_MATCH_RESULT, NULL);

  self->challenge_id = g_strdup (challenge_id);
  self->capability_id = g_strdup (capability_id);
  self->organisation_id = g_strdup (organisation_id);
  self->score = CLAMP (score, 0.0, 1.0);
  return self;
}

const char *
ic_match_result_get_challenge_id (IcMatchResult *self)
{
  g_return_val_if_fail (IC_IS_MATCH_RESULT (self), NULL);
  return self->challenge_id;
}

const char *
ic_match_result_get_capability_id (IcMatchResult *self)
{
  g_return_val_if_fail (IC_IS_MATCH_RESULT (self), NULL);
  return self->capability_id;
}

const char *
ic_match_result_get_organisation_id (IcMatchResult *self)
{
  g_return_val_if_fail (IC_IS_MATCH_RESULT (self), NULL);
  return self->organisation_id;
}

double
ic_match_result_get_score (IcMatchResult *self)
{
  g_return_val_if_fail (IC_IS_MATCH_RESULT (self), 0.0);
  return self->score;
}

const char *
ic_match_result_get_capability_title (IcMatchResult *self)
{
  g_return_val_if_fail (IC_IS_MATCH_RESULT (self), NULL);
  return self->capability_title;
}

void
ic_match_result_set_capability_title (IcMatchResult *self,
                                      const char    *title)
{
  g_return_if_fail (IC_IS_MATCH_RESULT (self));
  g_free (self->capability_title);
  self->capability_title = g_strdup (title);
}

const char *
ic_match_result_get_organisation_name (IcMatchResult *self)
{
  g_return_val_if_fail (IC_IS_MATCH_RESULT (self), NULL);
  return self->organisation_name;
}

void
ic_match_result_set_organisation_name (IcMatchResult *self,
                                       const char    *name)
{
  g_return_if_fail (IC_IS_MATCH_RESULT (self));
  g_free (self->organisation_name);
  self->organisation_name = g_strdup (name);
}

void
ic_match_result_set_criterion (IcMatchResult    *self,
                               IcMatchCriterion  criterion,
                               double            score,
                               double            weight,
                               double            contribution)
{
  g_return_if_fail (IC_IS_MATCH_RESULT (self));
  g_return_if_fail ((guint) criterion < IC_MATCH_N_CRITERIA);

  self->scores[criterion] = score;
  self->weights[criterion] = weight;
  self->contributions[criterion] = contribution;
}

double
ic_match_result_get_criterion_score (IcMatchResult    *self,
                                     IcMatchCriterion  criterion)
{
  g_return_val_if_fail (IC_IS_MATCH_RESULT (self), 0.0);
  g_return_val_if_fail ((guint) criterion < IC_MATCH_N_CRITERIA, 0.0);
  return self->scores[criterion];
}

double
ic_match_result_get_criterion_weight (IcMatchResult    *self,
                                      IcMatchCriterion  criterion)
{
  g_return_val_if_fail (IC_IS_MATCH_RESULT (self), 0.0);
  g_return_val_if_fail ((guint) criterion < IC_MATCH_N_CRITERIA, 0.0);
  return self->weights[criterion];
}

double
ic_match_result_get_contribution (IcMatchResult    *self,
                                  IcMatchCriterion  criterion)
{
  g_return_val_if_fail (IC_IS_MATCH_RESULT (self), 0.0);
  g_return_val_if_fail ((guint) criterion < IC_MATCH_N_CRITERIA, 0.0);
  return self->contributions[criterion];
}

const char *
ic_match_result_get_pin_reason (IcMatchResult *self)
{
  g_return_val_if_fail (IC_IS_MATCH_RESULT (self), NULL);
  return self->pin_reason;
}

void
ic_match_result_set_pin_reason (IcMatchResult *self,
                                const char    *reason)
{
  g_return_if_fail (IC_IS_MATCH_RESULT (self));
  g_free (self->pin_reason);
  self->pin_reason = g_strdup (reason);
}

gboolean
ic_match_result_get_cross_sector (IcMatchResult *self)
{
  g_return_val_if_fail (IC_IS_MATCH_RESULT (self), FALSE);
  return self->cross_sector;
}

void
ic_match_result_set_cross_sector (IcMatchResult *self,
                                  gboolean       cross_sector)
{
  g_return_if_fail (IC_IS_MATCH_RESULT (self));
  self->cross_sector = !!cross_sector;
}

void
ic_match_result_add_term (IcMatchResult *self,
                          const char    *term,
                          double         share)
{
  Term entry = { g_strdup (term), share };

  g_return_if_fail (IC_IS_MATCH_RESULT (self));
  g_array_append_val (self->terms, entry);
}

guint
ic_match_result_get_n_terms (IcMatchResult *self)
{
  g_return_val_if_fail (IC_IS_MATCH_RESULT (self), 0);
  return self->terms->len;
}

const char *
ic_match_result_get_term (IcMatchResult *self,
                          guint          position,
                          double        *share)
{
  Term *entry;

  g_return_val_if_fail (IC_IS_MATCH_RESULT (self), NULL);
  g_return_val_if_fail (position < self->terms->len, NULL);

  entry = &g_array_index (self->terms, Term, position);
  if (share != NULL)
    *share = entry->share;
  return entry->term;
}

GStrv
ic_match_result_dup_terms (IcMatchResult *self)
{
  GStrv terms;

  g_return_val_if_fail (IC_IS_MATCH_RESULT (self), NULL);

  terms = g_new0 (char *, self->terms->len + 1);
  for (guint i = 0; i < self->terms->len; i++)
    terms[i] = g_strdup (g_array_index (self->terms, Term, i).term);
  return terms;
}

void
ic_match_result_add_tag (IcMatchResult *self,
                         const char    *tag,
                         gboolean       rising)
{
  g_return_if_fail (IC_IS_MATCH_RESULT (self));

  g_ptr_array_add (self->tags, g_strdup (tag));
  if (rising)
    {
      if (self->rising == NULL)
        self->rising = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_add (self->rising, g_strdup (tag));
    }
}

GStrv
ic_match_result_dup_tags (IcMatchResult *self)
{
  GStrv tags;

  g_return_val_if_fail (IC_IS_MATCH_RESULT (self), NULL);

  tags = g_new0 (char *, self->tags->len + 1);
  for (guint i = 0; i < self->tags->len; i++)
    tags[i] = g_strdup (self->tags->pdata[i]);
  return tags;
}

gboolean
ic_match_result_tag_is_rising (IcMatchResult *self,
                               const char    *tag)
{
  g_return_val_if_fail (IC_IS_MATCH_RESULT (self), FALSE);
  return self->rising != NULL && tag != NULL && g_hash_table_contains (self->rising, tag);
}

const char *
ic_match_result_get_explanation (IcMatchResult *self)
{
  g_return_val_if_fail (IC_IS_MATCH_RESULT (self), NULL);
  return self->explanation;
}

void
ic_match_result_set_explanation (IcMatchResult *self,
                                 const char    *explanation)
{
  g_return_if_fail (IC_IS_MATCH_RESULT (self));
  g_free (self->explanation);
  self->explanation = g_strdup (explanation);
}

JsonNode *
ic_match_result_to_json (IcMatchResult *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (IC_IS_MATCH_RESULT (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "capability_id");
  json_builder_add_string_value (builder, self->capability_id);
  json_builder_set_member_name (builder, "organisation_id");
  if (self->organisation_id != NULL)
    json_builder_add_string_value (builder, self->organisation_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "score");
  json_builder_add_double_value (builder, self->score);
  json_builder_set_member_name (builder, "pinned");
  json_builder_add_boolean_value (builder, self->pin_reason != NULL);
  json_builder_set_member_name (builder, "pin_reason");
  if (self->pin_reason != NULL)
    json_builder_add_string_value (builder, self->pin_reason);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "criteria");
  json_builder_begin_object (builder);
  for (guint i = 0; i < IC_MATCH_N_CRITERIA; i++)
    {
      json_builder_set_member_name (builder, ic_match_criterion_to_string (i));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, self->scores[i]);
      json_builder_set_member_name (builder, "weight");
      json_builder_add_double_value (builder, self->weights[i]);
      json_builder_set_member_name (builder, "contribution");
      json_builder_add_double_value (builder, self->contributions[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "matched_terms");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->terms->len; i++)
    json_builder_add_string_value (builder, g_array_index (self->terms, Term, i).term);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "bridges");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->bridges->len; i++)
    {
      static const char * const via[] = { "glossary", "learned", "decisions" };
      Bridge *bridge = &g_array_index (self->bridges, Bridge, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "via");
      json_builder_add_string_value (builder, via[bridge->kind]);
      json_builder_set_member_name (builder, "from");
      json_builder_add_string_value (builder, bridge->from);
      json_builder_set_member_name (builder, "to");
      json_builder_add_string_value (builder, bridge->to);
      json_builder_set_member_name (builder, "share");
      json_builder_add_double_value (builder, bridge->share);
      json_builder_set_member_name (builder, "evidence");
      json_builder_add_int_value (builder, bridge->evidence);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "matched_tags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->tags->len; i++)
    json_builder_add_string_value (builder, self->tags->pdata[i]);
  json_builder_end_array (builder);

  /* The matched tags behind the foresight criterion, and the sentence. */
  json_builder_set_member_name (builder, "rising_tags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->tags->len; i++)
    if (ic_match_result_tag_is_rising (self, self->tags->pdata[i]))
      json_builder_add_string_value (builder, self->tags->pdata[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "why");
  json_builder_add_string_value (builder, self->explanation != NULL ? self->explanation : "");
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
ic_match_results_to_json (const char *challenge_id,
                          GListModel *results)
{
  JsonObject *object = json_object_new ();
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  guint n = results ? g_list_model_get_n_items (results) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcMatchResult) result = g_list_model_get_item (results, i);

      json_array_add_element (array, ic_match_result_to_json (result));
    }
  json_object_set_string_member (object, "challenge_id", challenge_id);
  json_object_set_array_member (object, "results", array);
  json_node_take_object (node, object);
  return node;
}

void
ic_match_result_add_bridge (IcMatchResult     *self,
                            IcMatchBridgeKind  kind,
                            const char        *from,
                            const char        *to,
                            double             share,
                            guint              evidence)
{
  Bridge bridge = { kind, g_strdup (from), g_strdup (to), share, evidence };

  g_return_if_fail (IC_IS_MATCH_RESULT (self));

  g_array_append_val (self->bridges, bridge);
}

guint
ic_match_result_get_n_bridges (IcMatchResult *self)
{
  g_return_val_if_fail (IC_IS_MATCH_RESULT (self), 0);

  return self->bridges->len;
}

IcMatchBridgeKind
ic_match_result_get_bridge (IcMatchResult  *self,
                            guint           position,
                            const char    **from,
                            const char    **to,
                            double         *share,
                            guint          *evidence)
{
  Bridge *bridge;

  g_return_val_if_fail (IC_IS_MATCH_RESULT (self), IC_MATCH_BRIDGE_GLOSSARY);
  g_return_val_if_fail (position < self->bridges->len, IC_MATCH_BRIDGE_GLOSSARY);

  bridge = &g_array_index (self->bridges, Bridge, position);
  if (from != NULL)
    *from = bridge->from;
  if (to != NULL)
    *to = bridge->to;
  if (share != NULL)
    *share = bridge->share;
  if (evidence != NULL)
    *evidence = bridge->evidence;
  return bridge->kind;
}
