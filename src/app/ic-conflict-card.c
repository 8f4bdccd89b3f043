/* ic-conflict-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each differing field is a row of the grid with two radio buttons, mine
 * and theirs, holding the values themselves; "Merge" keeps the side
 * chosen on each row.  Theirs is chosen at first: the feed's copy is
 * what the team sees now.  When the store kept what both edits started
 * from, a last column shows it: before, mine, theirs.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-conflict-card.h"
#include "ic-conflict-merge.h"
#include "ic-record-form.h"
#include "ic-record-json.h"

struct _IcConflictCard
{
  GtkBox       parent_instance;

  IcConflict  *conflict;
  GPtrArray   *fields;        /* (element-type IcConflictField) */
  GPtrArray   *mine_buttons;  /* (element-type GtkCheckButton), one per field */

  GtkLabel    *title_label;
  GtkLabel    *reason_label;
  GtkGrid     *fields_grid;
};

G_DEFINE_FINAL_TYPE (IcConflictCard, ic_conflict_card, GTK_TYPE_BOX)

enum {
  RESOLVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_resolve (IcConflictCard *self,
              gboolean        all_mine,
              gboolean        chosen)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) from_mine = NULL;

  for (guint i = 0; i < self->fields->len; i++)
    {
      IcConflictField *field = g_ptr_array_index (self->fields, i);
      GtkCheckButton *mine = g_ptr_array_index (self->mine_buttons, i);

      if (all_mine || (chosen && gtk_check_button_get_active (mine)))
        g_strv_builder_add (builder, field->name);
    }
  from_mine = g_strv_builder_end (builder);
  g_signal_emit (self, signals[RESOLVE], 0, from_mine);
}

static void
on_keep_mine (GtkButton      *button,
              IcConflictCard *self)
{
  emit_resolve (self, TRUE, FALSE);
}

static void
on_keep_theirs (GtkButton      *button,
                IcConflictCard *self)
{
  emit_resolve (self, FALSE, FALSE);
}

static void
on_merge (GtkButton      *button,
          IcConflictCard *self)
{
  emit_resolve (self, FALSE, TRUE);
}

static GtkWidget *
value_button (const char *value,
              const char *accessible_name)
{
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (value[0] != '\0' ? value : _("(empty)"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_width_chars (GTK_LABEL (label), 16);
  if (value[0] == '\0')
    gtk_widget_add_css_class (label, "dim-label");
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, value, -1);
  return button;
}

/* The value of @name before both edits, as text. */
static char *
before_text (JsonObject *base,
             const char *name)
{
  JsonNode *node = json_object_get_member (base, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return json_to_string (node, FALSE);
}

static void
add_before_column (IcConflictCard *self)
{
  g_autoptr(JsonNode) base = ic_object_to_json (G_OBJECT (self->conflict->base));
  GtkWidget *header = gtk_label_new (_("Before both edits"));

  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_grid_attach (self->fields_grid, header, 3, 0, 1, 1);
  for (guint i = 0; i < self->fields->len; i++)
    {
      IcConflictField *field = g_ptr_array_index (self->fields, i);
      g_autofree char *text = before_text (json_node_get_object (base), field->name);
      GtkWidget *label = gtk_label_new (text[0] != '\0' ? text : _("(empty)"));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_yalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_set_margin_top (label, 3);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->fields_grid, label, 3, (int) i + 1, 1, 1);
    }
}

static void
add_fields (IcConflictCard *self)
{
  if (self->conflict->base != NULL && self->fields->len > 0)
    add_before_column (self);
  for (guint i = 0; i < self->fields->len; i++)
    {
      IcConflictField *field = g_ptr_array_index (self->fields, i);
      g_autofree char *label = ic_form_get_label (ic_record_get_kind (self->conflict->record), field->name);
      g_autofree char *mine_name = g_strdup_printf (_("Mine: %s"), label);
      g_autofree char *theirs_name = g_strdup_printf (_("Theirs: %s"), label);
      GtkWidget *name = gtk_label_new (label);
      GtkWidget *mine = value_button (field->mine, mine_name);
      GtkWidget *theirs = value_button (field->theirs, theirs_name);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_yalign (GTK_LABEL (name), 0);
      gtk_widget_add_css_class (name, "dim-label");
      /* Level with the first line of the values beside it. */
      gtk_widget_set_margin_top (name, 3);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (theirs), GTK_CHECK_BUTTON (mine));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (theirs), TRUE);

      gtk_grid_attach (self->fields_grid, name, 0, (int) i + 1, 1, 1);
      gtk_grid_attach (self->fields_grid, mine, 1, (int) i + 1, 1, 1);
      gtk_grid_attach (self->fields_grid, theirs, 2, (int) i + 1, 1, 1);
      g_ptr_array_add (self->mine_buttons, mine);
    }

  if (self->fields->len == 0)
    {
      GtkWidget *same = gtk_label_new (_("Both copies hold the same values."));

      gtk_label_set_xalign (GTK_LABEL (same), 0);
      gtk_grid_attach (self->fields_grid, same, 0, 1, 3, 1);
    }
}

IcConflict *
ic_conflict_card_get_conflict (IcConflictCard *self)
{
  g_return_val_if_fail (IC_IS_CONFLICT_CARD (self), NULL);
  return self->conflict;
}

static void
ic_conflict_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), IC_TYPE_CONFLICT_CARD);

  G_OBJECT_CLASS (ic_conflict_card_parent_class)->dispose (object);
}

static void
ic_conflict_card_finalize (GObject *object)
{
  IcConflictCard *self = IC_CONFLICT_CARD (object);

  g_clear_pointer (&self->conflict, ic_conflict_free);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->mine_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (ic_conflict_card_parent_class)->finalize (object);
}

static void
ic_conflict_card_class_init (IcConflictCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_conflict_card_dispose;
  object_class->finalize = ic_conflict_card_finalize;

  signals[RESOLVE] =
    g_signal_new ("resolve", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRV);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-conflict-card.ui");
  gtk_widget_class_bind_template_child (widget_class, IcConflictCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, IcConflictCard, reason_label);
  gtk_widget_class_bind_template_child (widget_class, IcConflictCard, fields_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_keep_mine);
  gtk_widget_class_bind_template_callback (widget_class, on_keep_theirs);
  gtk_widget_class_bind_template_callback (widget_class, on_merge);
}

static void
ic_conflict_card_init (IcConflictCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The buttons are owned by the grid; this only points at them. */
  self->mine_buttons = g_ptr_array_new ();
}

GtkWidget *
ic_conflict_card_new (IcConflict *conflict,
                      IcRecord   *theirs)
{
  IcConflictCard *self = g_object_new (IC_TYPE_CONFLICT_CARD, NULL);
  const char *title = ic_record_get_title (conflict->record);

  self->conflict = conflict;
  self->fields = ic_conflict_diff (conflict->record, theirs);
  gtk_label_set_label (self->title_label, title != NULL && title[0] != '\0' ? title : conflict->record_id);
  gtk_label_set_label (self->reason_label, conflict->reason != NULL ? conflict->reason : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_label (self->title_label), -1);
  add_fields (self);
  return GTK_WIDGET (self);
}
