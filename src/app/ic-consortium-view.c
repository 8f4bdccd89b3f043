/* ic-consortium-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-consortium-view.h"

struct _IcConsortiumView
{
  AdwBin          parent_instance;

  IcConsortium   *consortium;

  GtkStack       *stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *none_page;
  GtkLabel       *coverage_label;
  GtkLabel       *why_label;
  GtkLabel       *method_label;
  GtkListBox     *members_list;
};

G_DEFINE_FINAL_TYPE (IcConsortiumView, ic_consortium_view, ADW_TYPE_BIN)

static void
show_page (IcConsortiumView *self,
           const char       *name)
{
  gtk_spinner_set_spinning (self->spinner, g_str_equal (name, "searching"));
  gtk_stack_set_visible_child_name (self->stack, name);
}

static char *
join_tags (const char * const *tags)
{
  return g_strjoinv (", ", (char **) (tags != NULL ? tags : (const char * const[]) { NULL }));
}

static GtkWidget *
member_row_new (IcConsortium *consortium,
                guint         position)
{
  const char *title = ic_consortium_get_member_title (consortium, position);
  const char *organisation = ic_consortium_get_member_organisation_name (consortium, position);
  g_autofree char *brings = join_tags (ic_consortium_get_member_tags (consortium, position));
  g_autofree char *subtitle = NULL;
  g_autofree char *score = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *score_label;

  if (title == NULL)
    title = ic_consortium_get_member_id (consortium, position);
  /* Translators: "Acme Ltd — brings: hydrogen, composites" */
  subtitle = g_strdup_printf (_("%s — brings: %s"),
                              organisation != NULL ? organisation : _("Unknown organisation"), brings);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  /* Translators: a member's own match score, e.g. "Score 0.62" */
  score = g_strdup_printf (_("Score %.2f"), ic_consortium_get_member_score (consortium, position));
  score_label = gtk_label_new (score);
  gtk_widget_add_css_class (score_label, "numeric");
  gtk_widget_add_css_class (score_label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), score_label);

  /* The row's name is the capability alone, as on the ranking tab. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  return row;
}

/* Why this group, in words: who brings what, and what is missing. */
static char *
why_text (IcConsortium *consortium)
{
  g_auto(GStrv) missing = ic_consortium_dup_missing_tags (consortium);
  GString *why = g_string_new (NULL);
  guint n = ic_consortium_get_n_members (consortium);

  for (guint i = 0; i < n; i++)
    {
      const char *organisation = ic_consortium_get_member_organisation_name (consortium, i);
      g_autofree char *brings = join_tags (ic_consortium_get_member_tags (consortium, i));

      if (organisation == NULL)
        organisation = ic_consortium_get_member_title (consortium, i);
      if (i > 0)
        g_string_append (why, i + 1 == n ? _(" and ") : _(", "));
      /* Translators: "Acme Ltd brings hydrogen, composites" */
      g_string_append_printf (why, _("%s brings %s"), organisation, brings);
    }
  g_string_append (why, _("."));
  if (missing[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", missing);

      g_string_append_c (why, ' ');
      /* Translators: the required tags no member of the group has */
      g_string_append_printf (why, _("No member has %s."), list);
    }
  else
    {
      g_string_append_c (why, ' ');
      g_string_append (why, n == 1 ? _("It covers every required tag alone.")
                                   : _("Together they cover every required tag."));
    }
  return g_string_free (why, FALSE);
}

void
ic_consortium_view_show (IcConsortiumView *self,
                         IcConsortium     *consortium,
                         double            elapsed_ms)
{
  g_auto(GStrv) covered = NULL;
  g_autofree char *coverage = NULL;
  g_autofree char *why = NULL;
  g_autofree char *method = NULL;
  GtkWidget *child;
  guint n;

  g_return_if_fail (IC_IS_CONSORTIUM_VIEW (self));
  g_return_if_fail (IC_IS_CONSORTIUM (consortium));

  g_set_object (&self->consortium, consortium);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->members_list))) != NULL)
    gtk_list_box_remove (self->members_list, child);

  n = ic_consortium_get_n_members (consortium);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->members_list, member_row_new (consortium, i));

  covered = ic_consortium_dup_covered_tags (consortium);
  /* Translators: "3 members cover 5 of 6 required tags, mean score 0.58" */
  coverage = g_strdup_printf (ngettext ("%u member covers %u of %u required tags, mean score %.2f",
                                        "%u members cover %u of %u required tags, mean score %.2f",
                                        n),
                              n, g_strv_length (covered), ic_consortium_get_n_required (consortium),
                              ic_consortium_get_score (consortium));
  gtk_label_set_text (self->coverage_label, coverage);

  why = why_text (consortium);
  gtk_label_set_text (self->why_label, why);

  /* Translators: %.0f is the time the search took in milliseconds */
  method = g_strdup_printf (ic_consortium_get_exact (consortium)
                            ? _("The best group: every possible group was compared, in %.0f ms.")
                            : _("Too many candidates to compare every group: this one was found greedily and improved by swaps, in %.0f ms."),
                            elapsed_ms);
  gtk_label_set_text (self->method_label, method);
  show_page (self, "consortium");
}

void
ic_consortium_view_show_searching (IcConsortiumView *self)
{
  g_return_if_fail (IC_IS_CONSORTIUM_VIEW (self));

  g_clear_object (&self->consortium);
  show_page (self, "searching");
}

void
ic_consortium_view_show_none (IcConsortiumView *self,
                              const char       *description)
{
  g_return_if_fail (IC_IS_CONSORTIUM_VIEW (self));

  g_clear_object (&self->consortium);
  adw_status_page_set_description (self->none_page, description);
  show_page (self, "none");
}

IcConsortium *
ic_consortium_view_get_consortium (IcConsortiumView *self)
{
  g_return_val_if_fail (IC_IS_CONSORTIUM_VIEW (self), NULL);
  return self->consortium;
}

static void
ic_consortium_view_dispose (GObject *object)
{
  /* The bin's child is a template child: let go of it through the bin,
   * or the template would free it under the bin's own pointer. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), IC_TYPE_CONSORTIUM_VIEW);
  G_OBJECT_CLASS (ic_consortium_view_parent_class)->dispose (object);
}

static void
ic_consortium_view_finalize (GObject *object)
{
  g_clear_object (&IC_CONSORTIUM_VIEW (object)->consortium);
  G_OBJECT_CLASS (ic_consortium_view_parent_class)->finalize (object);
}

static void
ic_consortium_view_class_init (IcConsortiumViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_consortium_view_dispose;
  object_class->finalize = ic_consortium_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-consortium-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IcConsortiumView, stack);
  gtk_widget_class_bind_template_child (widget_class, IcConsortiumView, spinner);
  gtk_widget_class_bind_template_child (widget_class, IcConsortiumView, none_page);
  gtk_widget_class_bind_template_child (widget_class, IcConsortiumView, coverage_label);
  gtk_widget_class_bind_template_child (widget_class, IcConsortiumView, why_label);
  gtk_widget_class_bind_template_child (widget_class, IcConsortiumView, method_label);
  gtk_widget_class_bind_template_child (widget_class, IcConsortiumView, members_list);
}

static void
ic_consortium_view_init (IcConsortiumView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ic_consortium_view_new (void)
{
  return g_object_new (IC_TYPE_CONSORTIUM_VIEW, NULL);
}
