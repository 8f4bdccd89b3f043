/* ic-score-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-score-bar.h"

#define BAR_HEIGHT 10
#define MIN_WIDTH 120

struct _IcScoreBar
{
  GtkWidget parent_instance;

  double    contributions[IC_MATCH_N_CRITERIA];
};

G_DEFINE_FINAL_TYPE (IcScoreBar, ic_score_bar, GTK_TYPE_WIDGET)

/* From the GNOME palette, one hue per criterion, in criterion order. */
static const char * const criterion_colors[IC_MATCH_N_CRITERIA] = {
  "#3584e4",  /* text: blue */
  "#2ec27e",  /* tags: green */
  "#f5c211",  /* TRL: yellow */
  "#e66100",  /* cluster: orange */
  "#9141ac",  /* place: purple */
  "#986a44",  /* scale: brown */
  "#e01b24",  /* foresight: red */
};

static void
get_criterion_color (IcMatchCriterion  criterion,
                     GdkRGBA          *color)
{
  gdk_rgba_parse (color, criterion_colors[criterion]);
}

GtkWidget *
ic_score_bar_new_criterion_dot (IcMatchCriterion criterion)
{
  GtkWidget *dot = gtk_label_new (NULL);
  g_autofree char *markup = NULL;

  g_return_val_if_fail (criterion < IC_MATCH_N_CRITERIA, NULL);
  markup = g_strdup_printf ("<span foreground=\"%s\">●</span>", criterion_colors[criterion]);
  gtk_label_set_markup (GTK_LABEL (dot), markup);
  return dot;
}

static void
ic_score_bar_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = MIN_WIDTH;
  else
    *minimum = *natural = BAR_HEIGHT;
}

static void
ic_score_bar_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  IcScoreBar *self = IC_SCORE_BAR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRoundedRect clip;
  GdkRGBA track = { 0.5, 0.5, 0.5, 0.18 };
  double x = 0;

  gsk_rounded_rect_init_from_rect (&clip, &GRAPHENE_RECT_INIT (0, 0, width, height), height / 2.0);
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_color (snapshot, &track, &GRAPHENE_RECT_INIT (0, 0, width, height));

  for (guint i = 0; i < IC_MATCH_N_CRITERIA; i++)
    {
      double segment = CLAMP (self->contributions[i], 0, 1) * width;
      GdkRGBA color;

      if (segment <= 0)
        continue;
      get_criterion_color (i, &color);
      gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x, 0, segment, height));
      x += segment;
    }

  gtk_snapshot_pop (snapshot);
}

static void
ic_score_bar_class_init (IcScoreBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = ic_score_bar_measure;
  widget_class->snapshot = ic_score_bar_snapshot;
  gtk_widget_class_set_css_name (widget_class, "scorebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_METER);
}

static void
ic_score_bar_init (IcScoreBar *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
ic_score_bar_new (void)
{
  return g_object_new (IC_TYPE_SCORE_BAR, NULL);
}

void
ic_score_bar_set_result (IcScoreBar    *self,
                         IcMatchResult *result)
{
  g_autoptr(GString) tooltip = g_string_new (NULL);

  g_return_if_fail (IC_IS_SCORE_BAR (self));
  g_return_if_fail (IC_IS_MATCH_RESULT (result));

  for (guint i = 0; i < IC_MATCH_N_CRITERIA; i++)
    {
      self->contributions[i] = ic_match_result_get_contribution (result, i);
      if (tooltip->len > 0)
        g_string_append_c (tooltip, '\n');
      /* Translators: a criterion, its score and its share of the total,
       * e.g. "Text: 0.62 × weight 0.30 → 0.19" */
      g_string_append_printf (tooltip, _("%s: %.2f × weight %.2f → %.2f"),
                              ic_match_criterion_get_label (i),
                              ic_match_result_get_criterion_score (result, i),
                              ic_match_result_get_criterion_weight (result, i),
                              self->contributions[i]);
    }

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 1.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, ic_match_result_get_score (result),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip->str,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
