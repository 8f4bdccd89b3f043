/* ic-match-weights.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ic-match-weights.h"

struct _IcMatchWeights
{
  GObject parent_instance;

  double weights[IC_MATCH_N_CRITERIA];
};

G_DEFINE_FINAL_TYPE (IcMatchWeights, ic_match_weights, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  const char *name;
  gboolean    cross_sector;
  /* text, tags, trl, cluster, place, scale, foresight */
  double      weights[IC_MATCH_N_CRITERIA];
} Preset;

static const Preset presets[] = {
  { "balanced",       FALSE, { 0.55, 0.05, 0.10, 0.05, 0.10, 0.10, 0.05 } },
  { "technology-fit", FALSE, { 0.60, 0.10, 0.20, 0.00, 0.00, 0.05, 0.05 } },
  { "local-first",    FALSE, { 0.45, 0.05, 0.05, 0.05, 0.30, 0.05, 0.05 } },
  { "cross-sector",   TRUE,  { 0.50, 0.05, 0.10, 0.20, 0.05, 0.05, 0.05 } },
};

static const char * const preset_names[] = {
  "balanced", "technology-fit", "local-first", "cross-sector", NULL,
};

static void
ic_match_weights_class_init (IcMatchWeightsClass *klass)
{
  /**
   * IcMatchWeights::changed:
   *
   * One or more weights changed.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
ic_match_weights_init (IcMatchWeights *self)
{
  memcpy (self->weights, presets[0].weights, sizeof self->weights);
}

IcMatchWeights *
ic_match_weights_new (void)
{
  return g_object_new (IC_TYPE_MATCH_WEIGHTS, NULL);
}

static const Preset *
find_preset (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (presets); i++)
    if (g_str_equal (presets[i].name, name))
      return &presets[i];
  return NULL;
}

IcMatchWeights *
ic_match_weights_new_preset (const char  *name,
                             GError     **error)
{
  const Preset *preset = find_preset (name);
  IcMatchWeights *self;

  if (preset == NULL)
    {
      g_autofree char *names = g_strjoinv (", ", (char **) preset_names);

      g_set_error (error, IC_MATCH_ERROR, IC_MATCH_ERROR_INVALID_WEIGHTS,
                   _("unknown preset “%s”; the presets are %s"), name ? name : "", names);
      return NULL;
    }
  self = ic_match_weights_new ();
  memcpy (self->weights, preset->weights, sizeof self->weights);
  return self;
}

IcMatchWeights *
ic_match_weights_new_from_string (const char  *string,
                                  GError     **error)
{
  g_autoptr(IcMatchWeights) self = ic_match_weights_new ();

  memset (self->weights, 0, sizeof self->weights);
  if (!ic_match_weights_update_from_string (self, string, error))
    return NULL;
  return g_steal_pointer (&self);
}

IcMatchWeights *
ic_match_weights_copy (IcMatchWeights *self)
{
  IcMatchWeights *copy;

  g_return_val_if_fail (IC_IS_MATCH_WEIGHTS (self), NULL);

  copy = ic_match_weights_new ();
  memcpy (copy->weights, self->weights, sizeof copy->weights);
  return copy;
}

const char * const *
ic_match_weights_list_presets (void)
{
  return preset_names;
}

gboolean
ic_match_weights_preset_is_cross_sector (const char *name)
{
  const Preset *preset = find_preset (name);

  return preset != NULL && preset->cross_sector;
}

double
ic_match_weights_get (IcMatchWeights   *self,
                      IcMatchCriterion  criterion)
{
  g_return_val_if_fail (IC_IS_MATCH_WEIGHTS (self), 0.0);
  g_return_val_if_fail ((guint) criterion < IC_MATCH_N_CRITERIA, 0.0);

  return self->weights[criterion];
}

void
ic_match_weights_set (IcMatchWeights   *self,
                      IcMatchCriterion  criterion,
                      double            weight)
{
  g_return_if_fail (IC_IS_MATCH_WEIGHTS (self));
  g_return_if_fail ((guint) criterion < IC_MATCH_N_CRITERIA);

  if (!isfinite (weight) || weight < 0.0)
    weight = 0.0;
  if (self->weights[criterion] == weight)
    return;
  self->weights[criterion] = weight;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
ic_match_weights_get_values (IcMatchWeights *self,
                             double         *values)
{
  g_return_if_fail (IC_IS_MATCH_WEIGHTS (self));

  memcpy (values, self->weights, sizeof self->weights);
}

double
ic_match_weights_get_total (IcMatchWeights *self)
{
  double total = 0.0;

  g_return_val_if_fail (IC_IS_MATCH_WEIGHTS (self), 0.0);

  for (guint i = 0; i < IC_MATCH_N_CRITERIA; i++)
    total += self->weights[i];
  return total;
}

gboolean
ic_match_weights_equal (IcMatchWeights *a,
                        IcMatchWeights *b)
{
  g_return_val_if_fail (IC_IS_MATCH_WEIGHTS (a) && IC_IS_MATCH_WEIGHTS (b), FALSE);

  return memcmp (a->weights, b->weights, sizeof a->weights) == 0;
}

static gboolean
parse_part (const char  *part,
            double      *weights,
            GError     **error)
{
  g_auto(GStrv) pair = g_strsplit (part, "=", 2);
  g_autofree char *name = NULL;
  g_autofree char *number = NULL;
  IcMatchCriterion criterion;
  char *end = NULL;
  double value;

  if (g_strv_length (pair) != 2)
    {
      g_set_error (error, IC_MATCH_ERROR, IC_MATCH_ERROR_INVALID_WEIGHTS,
                   _("“%s” is not CRITERION=WEIGHT"), part);
      return FALSE;
    }
  name = g_strstrip (g_strdup (pair[0]));
  number = g_strstrip (g_strdup (pair[1]));
  if (!ic_match_criterion_from_string (name, &criterion))
    {
      g_set_error (error, IC_MATCH_ERROR, IC_MATCH_ERROR_INVALID_WEIGHTS,
                   _("unknown criterion “%s” in “%s”; the criteria are text, tags, trl, "
                     "cluster, place, scale and foresight"), name, part);
      return FALSE;
    }
  value = g_ascii_strtod (number, &end);
  if (number[0] == '\0' || end == NULL || *end != '\0' || !isfinite (value) || value < 0.0)
    {
      g_set_error (error, IC_MATCH_ERROR, IC_MATCH_ERROR_INVALID_WEIGHTS,
                   _("the weight in “%s” must be a number of 0 or more"), part);
      return FALSE;
    }
  weights[criterion] = value;
  return TRUE;
}

gboolean
ic_match_weights_update_from_string (IcMatchWeights  *self,
                                     const char      *string,
                                     GError         **error)
{
  g_auto(GStrv) parts = NULL;
  double weights[IC_MATCH_N_CRITERIA];
  gboolean any = FALSE;

  g_return_val_if_fail (IC_IS_MATCH_WEIGHTS (self), FALSE);

  if (string == NULL || *string == '\0')
    {
      g_set_error (error, IC_MATCH_ERROR, IC_MATCH_ERROR_INVALID_WEIGHTS,
                   _("no weights given; write them as text=W,tags=W,…"));
      return FALSE;
    }

  memcpy (weights, self->weights, sizeof weights);
  parts = g_strsplit (string, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (!parse_part (parts[i], weights, error))
      return FALSE;

  for (guint i = 0; i < IC_MATCH_N_CRITERIA; i++)
    any |= weights[i] > 0.0;
  if (!any)
    {
      g_set_error (error, IC_MATCH_ERROR, IC_MATCH_ERROR_INVALID_WEIGHTS,
                   _("every weight in “%s” is 0; at least one must be above 0"), string);
      return FALSE;
    }

  if (memcmp (weights, self->weights, sizeof weights) != 0)
    {
      memcpy (self->weights, weights, sizeof weights);
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
    }
  return TRUE;
}

char *
ic_match_weights_to_string (IcMatchWeights *self)
{
  GString *string = g_string_new (NULL);

  g_return_val_if_fail (IC_IS_MATCH_WEIGHTS (self), NULL);

  for (guint i = 0; i < IC_MATCH_N_CRITERIA; i++)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (number, sizeof number, "%.6g", self->weights[i]);
      g_string_append_printf (string, "%s%s=%s", i ? "," : "",
                              ic_match_criterion_to_string (i), number);
    }
  return g_string_free (string, FALSE);
}
