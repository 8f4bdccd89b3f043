/* ic-impact-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures are computed on the store service's thread
 * (ic_store_compute_impact()); a newer request cancels the one before.
 * Each figure is a large number over its label, one accessible name for
 * both ("Collaborations brokered: 12"); each chart is named by its title,
 * describes its numbers, and has them as a table under "Numbers".
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ic-impact-chart.h"
#include "ic-impact-page.h"
#include "ic-impact-report.h"
#include "ic-store-impact.h"
#include "ic-window.h"

#define N_FIGURES 6
#define N_CHARTS  3

struct _IcImpactPage
{
  AdwBin                parent_instance;

  IcStoreService       *service;
  GCancellable         *cancellable;
  IcImpact             *impact;
  GtkFileChooserNative *chooser;
  GStrv                 cluster_ids;    /* by drop-down position; [0] is "" for all */

  GtkEntry             *from_entry;
  GtkEntry             *to_entry;
  GtkDropDown          *cluster_dropdown;
  GtkLabel             *status_label;
  GtkFlowBox           *figures_box;
  GtkBox               *charts_box;

  GtkLabel             *figure_numbers[N_FIGURES];
  GtkLabel             *figure_labels[N_FIGURES];
  GtkWidget            *figure_tiles[N_FIGURES];
  IcImpactChart        *charts[N_CHARTS];
  GtkLabel             *chart_tables[N_CHARTS];
  GtkLabel             *extra_label;
};

G_DEFINE_FINAL_TYPE (IcImpactPage, ic_impact_page, ADW_TYPE_BIN)

static const char *
figure_title (guint i)
{
  const char *titles[N_FIGURES] = {
    N_("Collaborations brokered"), N_("Across sectors"), N_("SMEs assisted"),
    N_("Large organisations engaged"), N_("Events held"), N_("Meetings scheduled"),
  };

  return _(titles[i]);
}

static guint
figure_value (IcImpact *impact,
              guint     i)
{
  const guint values[N_FIGURES] = {
    impact->collaborations, impact->cross_sector, impact->smes_assisted,
    impact->organisations_engaged, impact->events, impact->meetings,
  };

  return values[i];
}

typedef struct
{
  char *from;
  char *to;
  char *cluster;
} Query;

static void
query_free (gpointer data)
{
  Query *query = data;

  g_free (query->from);
  g_free (query->to);
  g_free (query->cluster);
  g_free (query);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Query, query_free)

static void
compute_job (GTask        *task,
             IcStore      *store,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Query *query = task_data;
  GError *error = NULL;
  IcImpact *impact = ic_store_compute_impact (store, query->from, query->to, query->cluster, NULL, &error);

  if (impact == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, impact, (GDestroyNotify) ic_impact_free);
}

static void
show_impact (IcImpactPage *self)
{
  IcTaxonomy *taxonomy = ic_store_service_get_taxonomy (self->service);
  IcImpact *impact = self->impact;
  g_autofree char *period = ic_impact_describe_period (impact, taxonomy);
  g_autoptr(GString) extra = g_string_new (NULL);

  gtk_label_set_text (self->status_label, period);
  for (guint i = 0; i < N_FIGURES; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", figure_value (impact, i));
      /* Translators: a figure's name and its value, as a screen reader says it */
      g_autofree char *name = g_strdup_printf (_("%s: %u"), figure_title (i), figure_value (impact, i));

      gtk_label_set_text (self->figure_numbers[i], number);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->figure_tiles[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->figure_numbers[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  for (guint i = 0; i < N_CHARTS; i++)
    {
      g_autofree char *table = NULL;

      ic_impact_chart_set_impact (self->charts[i], impact, taxonomy);
      table = ic_impact_chart_describe (self->charts[i]);
      gtk_label_set_text (self->chart_tables[i], table);
    }

  if (!isnan (impact->median_days))
    g_string_append_printf (extra, _("Median days from proposed to collaborating: %.1f"), impact->median_days);
  for (guint r = IC_DECLINE_REASON_NONE, first = TRUE; r <= IC_DECLINE_REASON_OTHER; r++)
    if (impact->decline_reasons[r] > 0)
      {
        g_string_append_printf (extra, "%s%s: %u", first ? (extra->len ? _("\nDecline reasons: ") : _("Decline reasons: ")) : "; ",
                                r == IC_DECLINE_REASON_NONE ? _("No reason given") : ic_decline_reason_get_label (r),
                                impact->decline_reasons[r]);
        first = FALSE;
      }
  gtk_label_set_text (self->extra_label, extra->str);
}

static void
on_computed (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(IcImpactPage) self = user_data;
  g_autoptr(GError) error = NULL;
  IcImpact *impact = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (impact == NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      return;
    }
  for (guint i = 0; i < N_CHARTS; i++)
    ic_impact_chart_set_impact (self->charts[i], NULL, NULL);
  g_clear_pointer (&self->impact, ic_impact_free);
  self->impact = impact;
  show_impact (self);
}

static Query *
read_query (IcImpactPage *self)
{
  Query *query = g_new0 (Query, 1);
  guint selected = gtk_drop_down_get_selected (self->cluster_dropdown);

  query->from = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->from_entry))));
  query->to = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->to_entry))));
  if (self->cluster_ids != NULL && selected < g_strv_length (self->cluster_ids) &&
      self->cluster_ids[selected][0] != '\0')
    query->cluster = g_strdup (self->cluster_ids[selected]);
  return query;
}

void
ic_impact_page_reload (IcImpactPage *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (IC_IS_IMPACT_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_label_set_text (self->status_label, _("Counting…"));
  task = g_task_new (NULL, self->cancellable, on_computed, g_object_ref (self));
  g_task_set_task_data (task, read_query (self), query_free);
  ic_store_service_run (self->service, task, compute_job);
}

static void
refresh_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ic_impact_page_reload (IC_IMPACT_PAGE (widget));
}

/* Export: the figures are counted again for the file, on the service's thread. */

typedef struct
{
  Query          *query;
  IcExportFormat  format;
  GFile          *file;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  query_free (job->query);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_job (GTask        *task,
            IcStore      *store,
            gpointer      task_data,
            GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  g_autoptr(IcImpact) impact = ic_store_compute_impact (store, job->query->from, job->query->to,
                                                        job->query->cluster, NULL, &error);
  g_autoptr(IcTaxonomy) taxonomy = ic_store_dup_taxonomy (store);

  if (impact == NULL || !ic_impact_export (impact, taxonomy, job->format, job->file, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(IcImpactPage) self = user_data;
  g_autoptr(GError) error = NULL;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *message = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    message = g_strdup_printf (_("Exported the impact report to %s"), name);
  else
    message = g_strdup_printf (_("Cannot export the impact report to %s: %s"), name, error->message);
  ic_window_toast_from (GTK_WIDGET (self), adw_toast_new (message));
}

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     IcImpactPage    *self)
{
  g_autoptr(GFile) file = NULL;
  IcExportFormat format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "format"));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file != NULL)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, on_exported, g_object_ref (self));
      ExportJob *job = g_new0 (ExportJob, 1);

      job->query = read_query (self);
      job->format = format;
      job->file = g_steal_pointer (&file);
      g_task_set_task_data (task, job, export_job_free);
      ic_store_service_run (self->service, task, export_job);
    }
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IcImpactPage *self = IC_IMPACT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *extension = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;
  g_autoptr(Query) query = NULL;
  IcExportFormat format;

  if (self->chooser != NULL || !ic_export_format_from_string (extension, &format))
    return;
  query = read_query (self);
  name = g_strdup_printf ("impact-%s-%s.%s", query->from, query->to, extension);
  self->chooser = gtk_file_chooser_native_new (_("Export the Impact Report"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data (G_OBJECT (self->chooser), "format", GUINT_TO_POINTER (format));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Building */

static void
build_figures (IcImpactPage *self)
{
  for (guint i = 0; i < N_FIGURES; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *number = gtk_label_new ("–");
      GtkWidget *label = gtk_label_new (figure_title (i));

      gtk_widget_add_css_class (number, "title-1");
      gtk_widget_add_css_class (number, "numeric");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (box, "card");
      gtk_widget_set_margin_top (number, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_box_append (GTK_BOX (box), number);
      gtk_box_append (GTK_BOX (box), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, figure_title (i), -1);
      gtk_flow_box_append (self->figures_box, box);
      self->figure_numbers[i] = GTK_LABEL (number);
      self->figure_labels[i] = GTK_LABEL (label);
      self->figure_tiles[i] = box;
    }
}

static void
build_charts (IcImpactPage *self)
{
  const struct { IcImpactChartKind kind; const char *title; } charts[N_CHARTS] = {
    { IC_IMPACT_CHART_QUARTERS, N_("Collaborations per quarter (solid: across sectors)") },
    { IC_IMPACT_CHART_HEATMAP, N_("Collaborations by cluster: challenge × SME") },
    { IC_IMPACT_CHART_FUNNEL, N_("Through the stages") },
  };

  for (guint i = 0; i < N_CHARTS; i++)
    {
      GtkWidget *heading = gtk_label_new (_(charts[i].title));
      GtkWidget *chart = ic_impact_chart_new (charts[i].kind, _(charts[i].title));
      g_autofree char *numbers_name = g_strdup_printf (_("Numbers of “%s”"), _(charts[i].title));
      GtkWidget *expander = gtk_expander_new (_("Numbers"));
      GtkWidget *table = gtk_label_new (NULL);

      gtk_widget_add_css_class (heading, "heading");
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_set_margin_top (heading, 12);
      gtk_label_set_xalign (GTK_LABEL (table), 0);
      gtk_label_set_selectable (GTK_LABEL (table), TRUE);
      gtk_widget_set_margin_start (table, 18);
      gtk_expander_set_child (GTK_EXPANDER (expander), table);
      gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, numbers_name, -1);
      gtk_box_append (self->charts_box, heading);
      gtk_box_append (self->charts_box, chart);
      gtk_box_append (self->charts_box, expander);
      self->charts[i] = IC_IMPACT_CHART (chart);
      self->chart_tables[i] = GTK_LABEL (table);
    }
  self->extra_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->extra_label, 0);
  gtk_label_set_wrap (self->extra_label, TRUE);
  gtk_label_set_selectable (self->extra_label, TRUE);
  gtk_box_append (self->charts_box, GTK_WIDGET (self->extra_label));
}

static void
fill_clusters (IcImpactPage *self)
{
  IcTaxonomy *taxonomy = ic_store_service_get_taxonomy (self->service);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  guint n = taxonomy != NULL ? ic_taxonomy_get_n_clusters (taxonomy) : 0;

  gtk_string_list_append (names, _("All clusters"));
  g_strv_builder_add (ids, "");
  for (guint i = 0; i < n; i++)
    {
      const char *id = ic_taxonomy_get_cluster_id (taxonomy, i);

      gtk_string_list_append (names, ic_taxonomy_get_cluster_name (taxonomy, id));
      g_strv_builder_add (ids, id);
    }
  g_strfreev (self->cluster_ids);
  self->cluster_ids = g_strv_builder_end (ids);
  gtk_drop_down_set_model (self->cluster_dropdown, G_LIST_MODEL (names));
}

/* The last six quarters: from the start of the quarter five before this one, to today. */
static void
set_default_period (IcImpactPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  int month = (g_date_time_get_month (now) - 1) / 3 * 3 + 1;
  g_autoptr(GDateTime) quarter = g_date_time_new (utc, g_date_time_get_year (now), month, 1, 0, 0, 0);
  g_autoptr(GDateTime) start = g_date_time_add_months (quarter, -15);
  g_autofree char *from = g_date_time_format (start, "%Y-%m-%d");
  g_autofree char *to = g_date_time_format (now, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
}

static void
ic_impact_page_dispose (GObject *object)
{
  IcImpactPage *self = IC_IMPACT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (object), IC_TYPE_IMPACT_PAGE);
  G_OBJECT_CLASS (ic_impact_page_parent_class)->dispose (object);
}

static void
ic_impact_page_finalize (GObject *object)
{
  IcImpactPage *self = IC_IMPACT_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->service);
  g_clear_pointer (&self->impact, ic_impact_free);
  g_strfreev (self->cluster_ids);
  G_OBJECT_CLASS (ic_impact_page_parent_class)->finalize (object);
}

static void
ic_impact_page_class_init (IcImpactPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_impact_page_dispose;
  object_class->finalize = ic_impact_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-impact-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IcImpactPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, IcImpactPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, IcImpactPage, cluster_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcImpactPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, IcImpactPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, IcImpactPage, charts_box);

  gtk_widget_class_install_action (widget_class, "impact.refresh", NULL, refresh_activated);
  gtk_widget_class_install_action (widget_class, "impact.export", "s", export_activated);
}

static void
ic_impact_page_init (IcImpactPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_figures (self);
  build_charts (self);
  set_default_period (self);
  g_signal_connect_swapped (self->from_entry, "activate", G_CALLBACK (ic_impact_page_reload), self);
  g_signal_connect_swapped (self->to_entry, "activate", G_CALLBACK (ic_impact_page_reload), self);
}

GtkWidget *
ic_impact_page_new (IcStoreService *service)
{
  IcImpactPage *self = g_object_new (IC_TYPE_IMPACT_PAGE, NULL);

  self->service = g_object_ref (service);
  fill_clusters (self);
  g_signal_connect_swapped (self->cluster_dropdown, "notify::selected",
                            G_CALLBACK (ic_impact_page_reload), self);
  ic_impact_page_reload (self);
  return GTK_WIDGET (self);
}
