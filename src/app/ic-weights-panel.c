/* ic-weights-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The weights controls the Matches page and the facilitator view share.
 * The panel owns no ranking: it says what changed, and the page that
 * holds it ranks (and keeps the weights, if it keeps them at all).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-score-bar.h"
#include "ic-weights-panel.h"

/* Slider moves closer together than this are ranked once. */
#define RERANK_DELAY_MS 120

struct _IcWeightsPanel
{
  AdwBin          parent_instance;

  IcMatchWeights *weights;
  gboolean        large;
  gboolean        updating;          /* the panel itself is setting the controls */
  guint           rerank_source;
  GtkScale       *scales[IC_MATCH_N_CRITERIA];

  GtkBox         *box;               /* the child; not bound, or disposing would unparent it twice */
  GtkDropDown    *preset_dropdown;
  GtkMenuButton  *weights_button;
  GtkBox         *popover_box;
  GtkGrid        *weights_grid;      /* made here: in the popover, or the column itself when large */
  GtkBox         *cross_sector_box;
  GtkLabel       *cross_sector_label;
  GtkSwitch      *cross_sector_switch;
};

G_DEFINE_FINAL_TYPE (IcWeightsPanel, ic_weights_panel, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_WEIGHTS,
  PROP_CROSS_SECTOR,
  PROP_LARGE,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
preset_label (const char *name)
{
  if (g_strcmp0 (name, "balanced") == 0)
    return _("Balanced");
  if (g_strcmp0 (name, "technology-fit") == 0)
    return _("Technology Fit");
  if (g_strcmp0 (name, "local-first") == 0)
    return _("Local First");
  if (g_strcmp0 (name, "cross-sector") == 0)
    return _("Cross-Sector");
  return name;
}

/* The sliders and the preset drop-down show self->weights ("Custom"
 * when no preset has them). */
static void
update_controls (IcWeightsPanel *self)
{
  const char * const *presets = ic_match_weights_list_presets ();
  guint preset = g_strv_length ((char **) presets);  /* "Custom" */

  self->updating = TRUE;
  for (guint i = 0; i < IC_MATCH_N_CRITERIA; i++)
    gtk_range_set_value (GTK_RANGE (self->scales[i]), ic_match_weights_get (self->weights, i));
  for (guint i = 0; presets[i] != NULL; i++)
    {
      g_autoptr(IcMatchWeights) weights = ic_match_weights_new_preset (presets[i], NULL);

      if (weights != NULL && ic_match_weights_equal (weights, self->weights))
        preset = i;
    }
  gtk_drop_down_set_selected (self->preset_dropdown, preset);
  self->updating = FALSE;
}

static void
emit_changed (IcWeightsPanel *self,
              gboolean        in_full)
{
  g_clear_handle_id (&self->rerank_source, g_source_remove);
  g_signal_emit (self, signals[CHANGED], 0, in_full);
}

static gboolean
rerank_timeout (gpointer user_data)
{
  IcWeightsPanel *self = user_data;

  self->rerank_source = 0;
  emit_changed (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
on_scale_changed (GtkRange       *range,
                  IcWeightsPanel *self)
{
  guint criterion = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (range), "criterion"));

  if (self->updating)
    return;
  ic_match_weights_set (self->weights, criterion, gtk_range_get_value (range));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEIGHTS]);
  update_controls (self);
  g_clear_handle_id (&self->rerank_source, g_source_remove);
  self->rerank_source = g_timeout_add (RERANK_DELAY_MS, rerank_timeout, self);
}

static void
on_preset_selected (GtkDropDown    *dropdown,
                    GParamSpec     *pspec,
                    IcWeightsPanel *self)
{
  const char * const *presets = ic_match_weights_list_presets ();
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(IcMatchWeights) weights = NULL;
  gboolean cross_sector;

  if (self->updating || selected >= g_strv_length ((char **) presets))
    return;

  weights = ic_match_weights_new_preset (presets[selected], NULL);
  if (weights == NULL)
    return;
  g_set_object (&self->weights, weights);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEIGHTS]);
  update_controls (self);

  /* The cross-sector preset turns the switch on, the others off; one
   * ranking follows both. */
  cross_sector = ic_match_weights_preset_is_cross_sector (presets[selected]);
  if (cross_sector != gtk_switch_get_active (self->cross_sector_switch))
    {
      self->updating = TRUE;
      gtk_switch_set_active (self->cross_sector_switch, cross_sector);
      self->updating = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CROSS_SECTOR]);
    }
  emit_changed (self, TRUE);
}

static void
on_cross_sector_changed (GtkSwitch      *sw,
                         GParamSpec     *pspec,
                         IcWeightsPanel *self)
{
  if (self->updating)
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CROSS_SECTOR]);
  emit_changed (self, TRUE);
}

static void
build_presets (IcWeightsPanel *self)
{
  const char * const *presets = ic_match_weights_list_presets ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; presets[i] != NULL; i++)
    gtk_string_list_append (names, preset_label (presets[i]));
  gtk_string_list_append (names, _("Custom"));
  self->updating = TRUE;
  gtk_drop_down_set_model (self->preset_dropdown, G_LIST_MODEL (names));
  self->updating = FALSE;
}

/* Compact: name and slider with its value.  Large: the criterion's
 * colour, its name in big type, and a wide slider. */
static void
build_sliders (IcWeightsPanel *self)
{
  for (guint i = 0; i < IC_MATCH_N_CRITERIA; i++)
    {
      const char *name = ic_match_criterion_get_label (i);
      GtkWidget *label = gtk_label_new (name);
      GtkWidget *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 1, 0.05);
      int column = 0;

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      if (self->large)
        {
          GtkWidget *dot = ic_score_bar_new_criterion_dot (i);

          gtk_widget_add_css_class (dot, "title-2");
          gtk_grid_attach (self->weights_grid, dot, column++, i, 1, 1);
          gtk_widget_add_css_class (label, "title-3");
          gtk_widget_set_hexpand (scale, TRUE);
          gtk_widget_set_size_request (scale, 200, -1);
        }
      else
        {
          gtk_widget_set_size_request (scale, 220, -1);
          gtk_scale_set_digits (GTK_SCALE (scale), 2);
          gtk_scale_set_draw_value (GTK_SCALE (scale), TRUE);
          gtk_scale_set_value_pos (GTK_SCALE (scale), GTK_POS_RIGHT);
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (scale), "criterion", GUINT_TO_POINTER (i));
      g_signal_connect (scale, "value-changed", G_CALLBACK (on_scale_changed), self);
      gtk_grid_attach (self->weights_grid, label, column++, i, 1, 1);
      gtk_grid_attach (self->weights_grid, scale, column, i, 1, 1);
      self->scales[i] = GTK_SCALE (scale);
    }
}

/* A column: the sliders in the open rather than behind the Weights
 * button. */
static void
make_large (IcWeightsPanel *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->box), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (self->box, 18);
  gtk_widget_set_visible (GTK_WIDGET (self->weights_button), FALSE);

  gtk_widget_set_margin_start (GTK_WIDGET (self->cross_sector_box), 0);
  gtk_box_set_spacing (self->cross_sector_box, 18);
  gtk_widget_set_hexpand (GTK_WIDGET (self->cross_sector_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->cross_sector_label), "title-3");
  gtk_widget_add_css_class (GTK_WIDGET (self->preset_dropdown), "title-4");
}

static void
ic_weights_panel_constructed (GObject *object)
{
  IcWeightsPanel *self = IC_WEIGHTS_PANEL (object);

  G_OBJECT_CLASS (ic_weights_panel_parent_class)->constructed (object);

  self->weights_grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->weights_grid, self->large ? 12 : 6);
  gtk_grid_set_column_spacing (self->weights_grid, self->large ? 18 : 12);
  if (self->large)
    {
      make_large (self);
      gtk_box_append (self->box, GTK_WIDGET (self->weights_grid));
    }
  else
    gtk_box_append (self->popover_box, GTK_WIDGET (self->weights_grid));
  build_presets (self);
  build_sliders (self);
  update_controls (self);
}

static void
ic_weights_panel_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IcWeightsPanel *self = IC_WEIGHTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_WEIGHTS:
      g_value_set_object (value, self->weights);
      break;
    case PROP_CROSS_SECTOR:
      g_value_set_boolean (value, ic_weights_panel_get_cross_sector (self));
      break;
    case PROP_LARGE:
      g_value_set_boolean (value, self->large);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_weights_panel_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IcWeightsPanel *self = IC_WEIGHTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_WEIGHTS:
      if (g_value_get_object (value) != NULL)
        ic_weights_panel_set_weights (self, g_value_get_object (value));
      break;
    case PROP_LARGE:
      self->large = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_weights_panel_dispose (GObject *object)
{
  IcWeightsPanel *self = IC_WEIGHTS_PANEL (object);

  g_clear_handle_id (&self->rerank_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), IC_TYPE_WEIGHTS_PANEL);

  G_OBJECT_CLASS (ic_weights_panel_parent_class)->dispose (object);
}

static void
ic_weights_panel_finalize (GObject *object)
{
  IcWeightsPanel *self = IC_WEIGHTS_PANEL (object);

  g_clear_object (&self->weights);

  G_OBJECT_CLASS (ic_weights_panel_parent_class)->finalize (object);
}

static void
ic_weights_panel_class_init (IcWeightsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ic_weights_panel_constructed;
  object_class->get_property = ic_weights_panel_get_property;
  object_class->set_property = ic_weights_panel_set_property;
  object_class->dispose = ic_weights_panel_dispose;
  object_class->finalize = ic_weights_panel_finalize;

  properties[PROP_WEIGHTS] =
    g_param_spec_object ("weights", NULL, NULL, IC_TYPE_MATCH_WEIGHTS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CROSS_SECTOR] =
    g_param_spec_boolean ("cross-sector", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LARGE] =
    g_param_spec_boolean ("large", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* IcWeightsPanel::changed:
   * @in_full: rank in full, not just the candidates kept from the last ranking */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-weights-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, IcWeightsPanel, preset_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcWeightsPanel, weights_button);
  gtk_widget_class_bind_template_child (widget_class, IcWeightsPanel, popover_box);
  gtk_widget_class_bind_template_child (widget_class, IcWeightsPanel, cross_sector_box);
  gtk_widget_class_bind_template_child (widget_class, IcWeightsPanel, cross_sector_label);
  gtk_widget_class_bind_template_child (widget_class, IcWeightsPanel, cross_sector_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_preset_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_cross_sector_changed);
}

static void
ic_weights_panel_init (IcWeightsPanel *self)
{
  self->weights = ic_match_weights_new ();
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;
  self->box = GTK_BOX (adw_bin_get_child (ADW_BIN (self)));
}

GtkWidget *
ic_weights_panel_new (gboolean large)
{
  return g_object_new (IC_TYPE_WEIGHTS_PANEL, "large", large, NULL);
}

IcMatchWeights *
ic_weights_panel_get_weights (IcWeightsPanel *self)
{
  g_return_val_if_fail (IC_IS_WEIGHTS_PANEL (self), NULL);

  return self->weights;
}

void
ic_weights_panel_set_weights (IcWeightsPanel *self,
                              IcMatchWeights *weights)
{
  g_return_if_fail (IC_IS_WEIGHTS_PANEL (self));
  g_return_if_fail (IC_IS_MATCH_WEIGHTS (weights));

  if (!g_set_object (&self->weights, weights))
    return;
  /* Before construction ends there are no sliders yet. */
  if (self->scales[0] != NULL)
    update_controls (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEIGHTS]);
}

gboolean
ic_weights_panel_get_cross_sector (IcWeightsPanel *self)
{
  g_return_val_if_fail (IC_IS_WEIGHTS_PANEL (self), FALSE);

  return gtk_switch_get_active (self->cross_sector_switch);
}
