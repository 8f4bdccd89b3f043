/* ic-match-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-match-row.h"
#include "ic-score-bar.h"

#define MAX_TERMS 6

struct _IcMatchRow
{
  GtkListBoxRow  parent_instance;

  IcMatchResult *result;

  GtkLabel      *rank_label;
  GtkLabel      *title_label;
  GtkLabel      *organisation_label;
  GtkLabel      *score_label;
  GtkBox        *bar_box;
  GtkLabel      *why_label;
  GtkLabel      *chips_label;
  GtkButton     *shortlist_button;
  GtkButton     *exclude_button;
  GtkButton     *pin_button;
  GtkButton     *details_button;
  GtkLabel      *shortlisted_label;
  IcScoreBar    *score_bar;
};

G_DEFINE_FINAL_TYPE (IcMatchRow, ic_match_row, GTK_TYPE_LIST_BOX_ROW)

/* Matched tags first, in the accent's weight (rising ones marked ↑),
 * then the shared words, dimmer: the terms a person can say aloud. */
static char *
words_markup (IcMatchResult *result)
{
  g_auto(GStrv) tags = ic_match_result_dup_tags (result);
  guint n_terms = MIN (ic_match_result_get_n_terms (result), MAX_TERMS);
  GString *markup = g_string_new (NULL);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (tags[i], -1);

      g_string_append_printf (markup, "%s<span weight=\"bold\" foreground=\"#3584e4\">%s%s</span>",
                              markup->len > 0 ? "   " : "", escaped,
                              ic_match_result_tag_is_rising (result, tags[i]) ? " ↑" : "");
    }
  for (guint i = 0; i < n_terms; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (ic_match_result_get_term (result, i, NULL), -1);

      g_string_append_printf (markup, "%s<span alpha=\"70%%\">%s</span>",
                              markup->len > 0 ? "   " : "", escaped);
    }
  return g_string_free (markup, FALSE);
}

static void
fill (IcMatchRow *self,
      guint       rank)
{
  IcMatchResult *result = self->result;
  g_autofree char *rank_text = g_strdup_printf ("%u", rank);
  g_autofree char *score = g_strdup_printf ("%.0f%%", 100 * ic_match_result_get_score (result));
  g_autofree char *words = words_markup (result);
  const char *title = ic_match_result_get_capability_title (result);
  const char *organisation = ic_match_result_get_organisation_name (result);
  const char *why = ic_match_result_get_explanation (result);
  const char *pin = ic_match_result_get_pin_reason (result);
  g_autofree char *pinned_why = NULL;
  g_autofree char *pin_label = NULL;
  g_autofree char *button_label = NULL;
  g_autofree char *exclude_label = NULL;

  gtk_label_set_text (self->rank_label, rank_text);
  gtk_label_set_text (self->title_label, title != NULL ? title : "");
  gtk_label_set_text (self->organisation_label, organisation != NULL ? organisation : "");
  gtk_widget_set_visible (GTK_WIDGET (self->organisation_label), organisation != NULL);
  gtk_label_set_text (self->score_label, score);
  /* A pinned capability says so, and why, first. */
  if (pin != NULL)
    why = pinned_why = g_strdup_printf (_("Pinned: %s. %s"), pin, why != NULL ? why : "");
  gtk_label_set_text (self->why_label, why != NULL ? why : "");
  gtk_widget_set_visible (GTK_WIDGET (self->why_label), why != NULL && why[0] != '\0');
  ic_score_bar_set_result (self->score_bar, result);

  gtk_label_set_markup (self->chips_label, words);
  gtk_widget_set_visible (GTK_WIDGET (self->chips_label), words[0] != '\0');
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->chips_label),
                               _("Required tags the capability has (↑: in rising demand), then words both texts use"));

  button_label = g_strdup_printf (_("Add “%s” to the shortlist"), title != NULL ? title : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->shortlist_button), _("Add to Shortlist"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->shortlist_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_label, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->shortlist_button), "s",
                                    ic_match_result_get_capability_id (result));

  /* Translators: the name of a button that says a capability does not
   * fit this challenge, so it is never proposed for it again */
  exclude_label = g_strdup_printf (_("“%s” is not a match"), title != NULL ? title : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->exclude_button), _("Not a Match"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->exclude_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, exclude_label, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->exclude_button), "s",
                                    ic_match_result_get_capability_id (result));

  pin_label = pin != NULL ? g_strdup_printf (_("Unpin “%s”"), title != NULL ? title : "")
                          : g_strdup_printf (_("Pin “%s” to this challenge"), title != NULL ? title : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->pin_button), pin != NULL ? _("Unpin") : _("Pin"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pin_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, pin_label, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->pin_button), "s",
                                    ic_match_result_get_capability_id (result));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : "", -1);

  {
    g_autofree char *details_label = g_strdup_printf (_("About “%s”"), title != NULL ? title : "");

    gtk_widget_set_tooltip_text (GTK_WIDGET (self->details_button), _("The capability in full, with its contact"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->details_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, details_label, -1);
    gtk_actionable_set_action_target (GTK_ACTIONABLE (self->details_button), "s",
                                      ic_match_result_get_capability_id (result));
  }
}

void
ic_match_row_set_on_shortlist (IcMatchRow *self,
                               gboolean    on_shortlist)
{
  const char *title;
  g_autofree char *label = NULL;

  g_return_if_fail (IC_IS_MATCH_ROW (self));

  title = ic_match_result_get_capability_title (self->result);
  if (title == NULL)
    title = "";
  gtk_widget_set_visible (GTK_WIDGET (self->shortlisted_label), on_shortlist);
  gtk_widget_set_sensitive (GTK_WIDGET (self->shortlist_button), !on_shortlist);
  gtk_button_set_icon_name (self->shortlist_button, on_shortlist ? "object-select-symbolic" : "list-add-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->shortlist_button),
                               on_shortlist ? _("On the shortlist") : _("Add to Shortlist"));
  label = on_shortlist ? g_strdup_printf (_("“%s” is on the shortlist"), title)
                       : g_strdup_printf (_("Add “%s” to the shortlist"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->shortlist_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
ic_match_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), IC_TYPE_MATCH_ROW);

  G_OBJECT_CLASS (ic_match_row_parent_class)->dispose (object);
}

static void
ic_match_row_finalize (GObject *object)
{
  g_clear_object (&IC_MATCH_ROW (object)->result);

  G_OBJECT_CLASS (ic_match_row_parent_class)->finalize (object);
}

static void
ic_match_row_class_init (IcMatchRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_match_row_dispose;
  object_class->finalize = ic_match_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-match-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IcMatchRow, rank_label);
  gtk_widget_class_bind_template_child (widget_class, IcMatchRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, IcMatchRow, organisation_label);
  gtk_widget_class_bind_template_child (widget_class, IcMatchRow, score_label);
  gtk_widget_class_bind_template_child (widget_class, IcMatchRow, bar_box);
  gtk_widget_class_bind_template_child (widget_class, IcMatchRow, why_label);
  gtk_widget_class_bind_template_child (widget_class, IcMatchRow, chips_label);
  gtk_widget_class_bind_template_child (widget_class, IcMatchRow, shortlist_button);
  gtk_widget_class_bind_template_child (widget_class, IcMatchRow, exclude_button);
  gtk_widget_class_bind_template_child (widget_class, IcMatchRow, pin_button);
  gtk_widget_class_bind_template_child (widget_class, IcMatchRow, details_button);
  gtk_widget_class_bind_template_child (widget_class, IcMatchRow, shortlisted_label);
}

static void
ic_match_row_init (IcMatchRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Added here rather than in the template, so that the template needs
   * only GTK and libadwaita types. */
  self->score_bar = IC_SCORE_BAR (ic_score_bar_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->score_bar), TRUE);
  gtk_box_append (self->bar_box, GTK_WIDGET (self->score_bar));
}

GtkWidget *
ic_match_row_new (IcMatchResult *result,
                  guint          rank)
{
  IcMatchRow *self;

  g_return_val_if_fail (IC_IS_MATCH_RESULT (result), NULL);

  self = g_object_new (IC_TYPE_MATCH_ROW, NULL);
  self->result = g_object_ref (result);
  fill (self, rank);
  return GTK_WIDGET (self);
}

IcMatchResult *
ic_match_row_get_result (IcMatchRow *self)
{
  g_return_val_if_fail (IC_IS_MATCH_ROW (self), NULL);
  return self->result;
}
