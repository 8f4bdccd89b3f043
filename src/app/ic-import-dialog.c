/* ic-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ic-import.h"
#include "ic-import-dialog.h"
#include "ic-import-matches.h"
#include "ic-import-preview.h"
#include "ic-import-preview-table.h"
#include "ic-import-results.h"
#include "ic-import-undo.h"
#include "ic-import-value-map.h"
#include "ic-store-service.h"

/* Rows shown in the preview; the dry run checks them all. */
#define PREVIEW_ROWS 20

/* In the order of the "Records" choices. */
static const IcRecordKind kinds[] = {
  IC_RECORD_KIND_CHALLENGE, IC_RECORD_KIND_CAPABILITY, IC_RECORD_KIND_ORGANISATION
};

struct _IcImportDialog
{
  AdwWindow             parent_instance;

  IcWindow             *window;
  char                 *db_path;
  char                 *author;
  GFile                *file;
  IcImportPreview      *preview;
  IcImportMapping      *mapping;
  IcImportReport       *report;          /* of the last dry run */
  GCancellable         *load_cancellable;
  GCancellable         *check_cancellable;
  GCancellable         *import_cancellable;
  GtkFileChooserNative *chooser;
  gboolean              checking;
  gboolean              setting_kind;

  AdwWindowTitle       *window_title;
  GtkWidget            *import_button;
  GtkButton            *cancel_button;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner;
  GtkStack             *stack;
  GtkSpinner           *loading_spinner;
  AdwStatusPage        *error_page;
  GtkWidget            *preview_box;
  AdwActionRow         *file_row;
  AdwComboRow          *kind_row;
  GtkSwitch            *skip_switch;
  AdwPreferencesGroup  *preview_group;
  GtkScrolledWindow    *preview_scroller;
  IcImportPreviewTable *preview_table;
  AdwBin               *results_bin;
  IcImportResults      *results;         /* made here, as the preview table is */
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  AdwStatusPage        *done_page;
  AdwBin               *done_bin;
  IcImportResults      *done_results;
  IcImportValueMap     *value_map_group;
  IcImportMatches      *matches_group;
  GHashTable           *keep_apart;      /* set of rows, GUINT_TO_POINTER */
  GHashTable           *value_map;       /* "target\nvalue" → id, "" for nothing */
  IcImportReport       *done_report;     /* of the import that was written */
  GtkFileChooserNative *save_chooser;
};

G_DEFINE_FINAL_TYPE (IcImportDialog, ic_import_dialog, ADW_TYPE_WINDOW)

/* One worker's job: the dialog, kept alive until the job reports back,
 * and the cancellable that says whether the dialog still wants to
 * hear. */
typedef struct
{
  IcImportDialog *self;
  GCancellable   *cancellable;
} Job;

static Job *
job_new (IcImportDialog *self,
         GCancellable   *cancellable)
{
  Job *job = g_new0 (Job, 1);

  job->self = g_object_ref (self);
  job->cancellable = g_object_ref (cancellable);
  return job;
}

static void
job_free (Job *job)
{
  g_object_unref (job->self);
  g_object_unref (job->cancellable);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static GCancellable *
restart (GCancellable **cancellable)
{
  if (*cancellable != NULL)
    g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
  *cancellable = g_cancellable_new ();
  return *cancellable;
}

static void
stop (GCancellable **cancellable)
{
  if (*cancellable != NULL)
    g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
}

static IcRecordKind
current_kind (IcImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return selected < G_N_ELEMENTS (kinds) ? kinds[selected] : kinds[0];
}

static const char *
kind_plural (IcRecordKind kind)
{
  switch (kind)
    {
    case IC_RECORD_KIND_CAPABILITY:
      return _("capabilities");
    case IC_RECORD_KIND_ORGANISATION:
      return _("organisations");
    case IC_RECORD_KIND_CHALLENGE:
    case IC_RECORD_KIND_FORESIGHT:
    case IC_RECORD_KIND_SHORTLIST:
    default:
      return _("challenges");
    }
}

static void
show_banner (IcImportDialog *self,
             const char     *message)
{
  if (message != NULL)
    gtk_label_set_text (self->banner, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, message != NULL);
}

static gboolean
is_importing (IcImportDialog *self)
{
  return self->import_cancellable != NULL;
}

/* What the dry run says may be imported, and the Import button with it. */
static void
update_import_button (IcImportDialog *self)
{
  gboolean can = FALSE;
  const char *hint = NULL;

  if (self->report != NULL && !self->checking && !is_importing (self))
    {
      const IcImportCounts *counts = ic_import_report_get_counts (self->report);
      gboolean skip = gtk_switch_get_active (self->skip_switch);

      if (counts->rows == 0)
        hint = _("The file has no rows below its header.");
      else if (counts->added + counts->updated == 0 && counts->rejected > 0)
        hint = _("No row can be imported as the columns are mapped now.");
      else if (counts->added + counts->updated == 0)
        hint = _("Nothing to import: the database already holds every row as it is.");
      else if (counts->rejected > 0 && !skip)
        hint = _("Turn on “Skip bad rows” to import the other rows, or correct the file and "
                 "open it again.");
      else
        can = TRUE;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", can);
  ic_import_results_set_hint (self->results, hint);
}

static void
show_report (IcImportDialog *self,
             IcImportReport *report)
{
  ic_import_results_show_report (self->results, report);
  ic_import_preview_table_set_problems (self->preview_table, report);
  if (self->value_map_group != NULL)
    ic_import_value_map_show_report (self->value_map_group, report);
  if (self->matches_group != NULL)
    ic_import_matches_show_report (self->matches_group, report);
}

/* The rows the person chose to keep apart from stored organisations. */
static void
apply_keep_apart (IcImportDialog *self,
                  IcImport       *import)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->keep_apart);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    ic_import_keep_apart (import, GPOINTER_TO_UINT (row));
}

/* The values the person mapped, for every row of this file. */
static void
apply_value_maps (IcImportDialog *self,
                  IcImport       *import)
{
  GHashTableIter iter;
  gpointer key, id;

  g_hash_table_iter_init (&iter, self->value_map);
  while (g_hash_table_iter_next (&iter, &key, &id))
    {
      g_auto(GStrv) parts = g_strsplit (key, "\n", 2);

      ic_import_map_value (import, parts[0], parts[1], id);
    }
}

static void
set_checking (IcImportDialog *self,
              gboolean        checking)
{
  self->checking = checking;
  ic_import_results_set_checking (self->results, checking);
  update_import_button (self);
}

static void
on_dry_run_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  IcImportDialog *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcImportReport) report = ic_import_run_finish (IC_IMPORT (source), result, &error);

  /* A newer mapping, file or kind has its own dry run on the way. */
  if (g_cancellable_is_cancelled (job->cancellable))
    return;

  if (report == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot check the rows: %s"), error->message);

      ic_import_results_show_message (self->results, message);
      ic_import_preview_table_set_problems (self->preview_table, NULL);
    }
  else
    {
      g_set_object (&self->report, report);
      show_report (self, report);
    }
  set_checking (self, FALSE);
}

/* A dry run of the whole file with the mapping as it is now. */
static void
check_rows (IcImportDialog *self)
{
  g_autoptr(IcImport) import = NULL;
  const char *missing;
  GCancellable *cancellable;

  g_clear_object (&self->report);
  stop (&self->check_cancellable);
  ic_import_preview_table_set_problems (self->preview_table, NULL);

  missing = ic_import_mapping_find_missing (self->mapping);
  if (missing != NULL)
    {
      g_autofree char *message = NULL;

      if (g_str_equal (missing, "organisation"))
        message = g_strdup_printf (_("No column names the organisation of the %s: choose "
                                     "“%s” above one of the columns."),
                                   kind_plural (current_kind (self)),
                                   ic_import_mapping_describe_target ("organisation"));
      else
        message = g_strdup_printf (_("No column gives the %s of the %s: choose “%s” above one "
                                     "of the columns."),
                                   g_str_equal (missing, "name") ? _("names") : _("titles"),
                                   kind_plural (current_kind (self)),
                                   ic_import_mapping_describe_target (missing));
      ic_import_results_show_message (self->results, message);
      set_checking (self, FALSE);
      return;
    }

  cancellable = restart (&self->check_cancellable);
  import = ic_import_new (current_kind (self));
  ic_import_set_mapping (import, self->mapping);
  apply_value_maps (self, import);
  apply_keep_apart (self, import);
  ic_import_set_dry_run (import, TRUE);
  ic_import_results_show_message (self->results, _("Checking every row…"));
  set_checking (self, TRUE);
  ic_import_run_async (import, self->db_path, self->file, cancellable, on_dry_run_done,
                       job_new (self, cancellable));
}

static void
on_target_changed (IcImportPreviewTable *table,
                   guint                 column,
                   const char           *target,
                   IcImportDialog       *self)
{
  g_autoptr(GError) error = NULL;

  if (self->mapping == NULL || is_importing (self))
    return;
  if (!ic_import_mapping_set_target (self->mapping, column, target, &error))
    {
      show_banner (self, error->message);
      return;
    }
  /* Another column may have given the field up. */
  ic_import_preview_table_set_mapping (self->preview_table, self->mapping);
  check_rows (self);
}

static void
on_keep_apart_changed (IcImportMatches *group,
                       guint            row,
                       gboolean         keep_apart,
                       IcImportDialog  *self)
{
  if (self->mapping == NULL || is_importing (self))
    return;
  if (keep_apart)
    g_hash_table_add (self->keep_apart, GUINT_TO_POINTER (row));
  else
    g_hash_table_remove (self->keep_apart, GUINT_TO_POINTER (row));
  check_rows (self);
}

static void
on_value_mapped (IcImportValueMap *group,
                 const char       *target,
                 const char       *value,
                 const char       *id,
                 IcImportDialog   *self)
{
  if (self->mapping == NULL || is_importing (self))
    return;
  g_hash_table_replace (self->value_map, g_strconcat (target, "\n", value, NULL), g_strdup (id));
  check_rows (self);
}

static void
set_kind (IcImportDialog *self,
          IcRecordKind    kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == kind)
      {
        self->setting_kind = TRUE;
        adw_combo_row_set_selected (self->kind_row, i);
        self->setting_kind = FALSE;
      }
}

static void
remap (IcImportDialog *self)
{
  g_clear_object (&self->mapping);
  self->mapping = ic_import_mapping_new (current_kind (self),
                                         ic_import_preview_get_header (self->preview));
  ic_import_preview_table_set_mapping (self->preview_table, self->mapping);
  check_rows (self);
}

static void
on_kind_selected (AdwComboRow    *row,
                  GParamSpec     *pspec,
                  IcImportDialog *self)
{
  if (self->setting_kind || self->preview == NULL)
    return;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row), NULL);
  remap (self);
}

static void
on_skip_toggled (GtkSwitch      *toggle,
                 GParamSpec     *pspec,
                 IcImportDialog *self)
{
  update_import_button (self);
}

static void
show_preview (IcImportDialog  *self,
              IcImportPreview *preview)
{
  IcRecordKind kind;
  g_autofree char *description = NULL;
  guint n_rows = ic_import_preview_get_n_rows (preview);

  g_set_object (&self->preview, preview);
  if (ic_import_preview_guess_kind (preview, &kind))
    {
      set_kind (self, kind);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row),
                                   _("Guessed from the column names"));
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row),
                                 _("The column names do not say; choose what the file holds"));

  if (ic_import_preview_get_truncated (preview))
    description = g_strdup_printf (ngettext ("The first row of the file, and the field each column "
                                             "fills",
                                             "The first %u rows of the file, and the field each "
                                             "column fills", n_rows), n_rows);
  else
    description = g_strdup (_("The rows of the file, and the field each column fills"));
  adw_preferences_group_set_description (self->preview_group, description);

  g_clear_object (&self->mapping);
  self->mapping = ic_import_mapping_new (current_kind (self), ic_import_preview_get_header (preview));
  ic_import_preview_table_set_preview (self->preview_table, preview, self->mapping);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  check_rows (self);
}

static void
on_preview_read (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  IcImportDialog *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcImportPreview) preview = ic_import_preview_read_finish (result, &error);

  if (g_cancellable_is_cancelled (job->cancellable))
    return;
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);

  if (preview == NULL)
    {
      g_autofree char *name = g_file_get_basename (self->file);
      g_autofree char *title = g_strdup_printf (_("Cannot Read “%s”"), name);

      adw_status_page_set_title (self->error_page, title);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  show_preview (self, preview);
}

void
ic_import_dialog_open_file (IcImportDialog *self,
                            GFile          *file)
{
  g_autofree char *name = NULL;
  g_autofree char *where = NULL;
  GCancellable *cancellable;

  g_return_if_fail (IC_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (is_importing (self))
    return;

  g_set_object (&self->file, file);
  g_hash_table_remove_all (self->value_map);
  g_hash_table_remove_all (self->keep_apart);
  g_clear_object (&self->preview);
  g_clear_object (&self->mapping);
  g_clear_object (&self->report);
  stop (&self->check_cancellable);
  show_banner (self, NULL);

  name = g_file_get_basename (file);
  where = g_file_get_parse_name (file);
  adw_window_title_set_subtitle (self->window_title, name);
  adw_action_row_set_subtitle (self->file_row, where);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->file_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, where, -1);
  update_import_button (self);

  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_set_spinning (self->loading_spinner, TRUE);
  cancellable = restart (&self->load_cancellable);
  ic_import_preview_read_async (file, PREVIEW_ROWS, cancellable, on_preview_read,
                                job_new (self, cancellable));
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     IcImportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        ic_import_dialog_open_file (self, file);
    }
  g_clear_object (&self->chooser);
}

void
ic_import_dialog_choose_file (IcImportDialog *self)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (IC_IS_IMPORT_DIALOG (self));

  if (self->chooser != NULL || is_importing (self))
    return;

  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (_("Import from a CSV File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
set_importing (IcImportDialog *self,
               gboolean        importing)
{
  gtk_widget_set_sensitive (self->preview_box, !importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-file", !importing);
  gtk_revealer_set_reveal_child (self->progress_revealer, importing);
  if (importing)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
      gtk_progress_bar_set_text (self->progress_bar, _("Reading the rows…"));
    }
  update_import_button (self);
}

static void
on_import_progress (double   fraction,
                    gpointer user_data)
{
  IcImportDialog *self = user_data;

  if (!is_importing (self) || g_cancellable_is_cancelled (self->import_cancellable))
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  /* The importer reads up to nine tenths, then writes in one go. */
  if (fraction >= 0.9)
    gtk_progress_bar_set_text (self->progress_bar, _("Writing…"));
}

static const char *
kind_page (IcRecordKind kind)
{
  switch (kind)
    {
    case IC_RECORD_KIND_CAPABILITY:
      return "capabilities";
    case IC_RECORD_KIND_ORGANISATION:
      return "organisations";
    case IC_RECORD_KIND_CHALLENGE:
    case IC_RECORD_KIND_FORESIGHT:
    case IC_RECORD_KIND_SHORTLIST:
    default:
      return "challenges";
    }
}

/* Whether @report's import was taken back, or is being. */
static gboolean
is_undone (IcImportReport *report)
{
  return g_object_get_data (G_OBJECT (report), "ic-undone") != NULL;
}

typedef struct
{
  IcWindow       *window;
  IcImportDialog *dialog;   /* weak: the dialog may close first */
} UndoJob;

static void
on_undo_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  UndoJob *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_kept = 0;

  if (!ic_import_undo_finish (result, &n_kept, &error))
    {
      message = g_strdup_printf (_("Cannot undo the import: %s"), error->message);
      g_object_set_data (source, "ic-undone", NULL);
    }
  else if (n_kept > 0)
    message = g_strdup_printf (ngettext ("Import undone; %u record changed since is kept",
                                         "Import undone; %u records changed since are kept", n_kept),
                               n_kept);
  else
    message = g_strdup (_("Import undone"));

  if (job->dialog != NULL)
    {
      adw_status_page_set_title (job->dialog->done_page,
                                 is_undone (IC_IMPORT_REPORT (source)) ? _("Import Undone")
                                                                       : _("Imported"));
      adw_status_page_set_description (job->dialog->done_page, message);
      g_object_remove_weak_pointer (G_OBJECT (job->dialog), (gpointer *) &job->dialog);
    }
  if (gtk_window_get_application (GTK_WINDOW (job->window)) != NULL)
    {
      ic_window_reload (job->window);
      ic_window_add_toast (job->window, adw_toast_new (message));
    }
  g_object_unref (job->window);
  g_free (job);
}

/* Takes back the whole import @report tells of, in a worker. */
static void
undo_import (IcWindow       *window,
             IcImportDialog *dialog,
             IcImportReport *report)
{
  IcApplication *app = IC_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  UndoJob *job;

  if (app == NULL || is_undone (report))
    return;
  g_object_set_data (G_OBJECT (report), "ic-undone", GINT_TO_POINTER (TRUE));
  job = g_new0 (UndoJob, 1);
  job->window = g_object_ref (window);
  job->dialog = dialog;
  if (dialog != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &job->dialog);
      gtk_widget_action_set_enabled (GTK_WIDGET (dialog), "import.undo", FALSE);
    }
  ic_import_undo_async (report, ic_application_get_db_path (app), ic_application_get_author (app),
                        NULL, on_undo_done, job);
}

static void
on_toast_undo (AdwToast       *toast,
               IcImportReport *report)
{
  IcWindow *window = g_object_get_data (G_OBJECT (toast), "ic-window");

  if (window != NULL)
    undo_import (window, NULL, report);
}

static void
report_success (IcImportDialog *self,
                IcImportReport *report)
{
  const IcImportCounts *counts = ic_import_report_get_counts (report);
  g_autofree char *message = g_strdup_printf (_("Added %u, updated %u"), counts->added,
                                              counts->updated);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (counts->rejected > 0)
    {
      g_autofree char *skipped = g_strdup_printf (ngettext ("%s; skipped %u bad row",
                                                            "%s; skipped %u bad rows",
                                                            counts->rejected),
                                                  message, counts->rejected);
      g_free (message);
      message = g_steal_pointer (&skipped);
    }
  /* The main window may have been closed while the import ran. */
  if (gtk_window_get_application (GTK_WINDOW (self->window)) != NULL)
    {
      toast = adw_toast_new (message);
      adw_toast_set_timeout (toast, 0);
      adw_toast_set_button_label (toast, _("_Undo"));
      g_object_set_data_full (G_OBJECT (toast), "ic-window", g_object_ref (self->window), g_object_unref);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_toast_undo),
                             g_object_ref (report), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
      ic_window_reload (self->window);
      ic_window_add_toast (self->window, toast);
    }

  /* The dialog stays, with what was done and what was left out. */
  g_set_object (&self->done_report, report);
  title = g_strdup_printf (_("Imported %u %s"), counts->added + counts->updated,
                           kind_plural (current_kind (self)));
  adw_status_page_set_title (self->done_page, title);
  adw_status_page_set_description (self->done_page, message);
  ic_import_results_show_report (self->done_results, report);
  gtk_widget_set_visible (GTK_WIDGET (self->done_results), counts->rejected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save-skipped",
                                 ic_import_report_get_n_skipped (report) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.undo", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.show-records", TRUE);
  gtk_widget_set_visible (self->import_button, FALSE);
  gtk_button_set_label (self->cancel_button, _("Close"));
  gtk_stack_set_visible_child_name (self->stack, "done");
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IcImportDialog *self = IC_IMPORT_DIALOG (widget);

  if (self->done_report != NULL)
    undo_import (self->window, self, self->done_report);
}

static void
show_records_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IcImportDialog *self = IC_IMPORT_DIALOG (widget);

  IcRecordKind kind;
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *description = NULL;
  g_autofree char *file_name = NULL;
  GPtrArray *lists[2];

  if (self->done_report == NULL || gtk_window_get_application (GTK_WINDOW (self->window)) == NULL)
    return;
  /* The page lists exactly what this import added or updated (not the
   * organisations it made on the way, which are another page's). */
  kind = ic_import_report_get_kind (self->done_report);
  lists[0] = ic_import_report_get_added (self->done_report);
  lists[1] = ic_import_report_get_updated (self->done_report, NULL);
  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      {
        IcRecord *record = g_ptr_array_index (lists[l], i);

        if (ic_record_get_kind (record) == kind)
          g_ptr_array_add (ids, g_strdup (ic_record_get_id (record)));
      }
  g_ptr_array_add (ids, NULL);
  file_name = self->file != NULL ? g_file_get_basename (self->file) : NULL;
  description = g_strdup_printf (ngettext ("Showing the %u record of the import from “%s”",
                                           "Showing the %u records of the import from “%s”",
                                           ids->len - 1),
                                 ids->len - 1, file_name != NULL ? file_name : "");
  ic_window_show_records (self->window, kind_page (kind), (const char * const *) ids->pdata, description);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_skipped_saved (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(IcWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    message = g_strdup_printf (_("Cannot save the skipped rows: %s"), error->message);
  else
    message = g_strdup_printf (_("Skipped rows saved as “%s”; fix them and import the file again"),
                               name);
  if (gtk_window_get_application (GTK_WINDOW (window)) != NULL)
    ic_window_add_toast (window, adw_toast_new (message));
}

static void
on_save_chooser_response (GtkNativeDialog *chooser,
                          int              response,
                          IcImportDialog  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->save_chooser);
  if (file == NULL || self->done_report == NULL)
    return;

  /* Made in memory, written by GIO without blocking the window. */
  out = g_memory_output_stream_new_resizable ();
  if (!ic_import_report_write_skipped (self->done_report, out, NULL, &error))
    {
      show_banner (self, error->message);
      return;
    }
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, on_skipped_saved, g_object_ref (self->window));
}

static void
save_skipped_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IcImportDialog *self = IC_IMPORT_DIALOG (widget);
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  char *dot;

  if (self->done_report == NULL || self->save_chooser != NULL)
    return;
  base = self->file != NULL ? g_file_get_basename (self->file) : g_strdup ("import.csv");
  if ((dot = strrchr (base, '.')) != NULL)
    *dot = '\0';
  /* TRANSLATORS: the name offered for the file of skipped rows; %s is the imported file's */
  name = g_strdup_printf (_("%s skipped rows.csv"), base);
  self->save_chooser = gtk_file_chooser_native_new (_("Save the Skipped Rows"), GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                                    _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->save_chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->save_chooser), name);
  g_signal_connect (self->save_chooser, "response", G_CALLBACK (on_save_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  IcImportDialog *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcImportReport) report = ic_import_run_finish (IC_IMPORT (source), result, &error);

  /* The dialog went away; the cancel made the import write nothing. */
  if (job->cancellable != self->import_cancellable)
    return;
  g_clear_object (&self->import_cancellable);
  set_importing (self, FALSE);

  if (report != NULL && ic_import_report_get_committed (report))
    {
      report_success (self, report);
      return;
    }

  if (report != NULL)
    {
      /* The file changed since the dry run and now has bad rows. */
      g_set_object (&self->report, report);
      show_report (self, report);
      show_banner (self, _("Nothing was imported: some rows would fail; they are listed below."));
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_banner (self, _("Import cancelled; nothing was written."));
  else
    {
      g_autofree char *message = g_strdup_printf (_("The import failed and nothing was written: "
                                                    "%s"), error->message);
      show_banner (self, message);
    }
  update_import_button (self);
}

static void
run_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IcImportDialog *self = IC_IMPORT_DIALOG (widget);
  g_autoptr(IcImport) import = NULL;
  GCancellable *cancellable;

  if (self->mapping == NULL || self->file == NULL || is_importing (self))
    return;

  show_banner (self, NULL);
  cancellable = restart (&self->import_cancellable);
  import = ic_import_new (current_kind (self));
  ic_import_set_mapping (import, self->mapping);
  apply_value_maps (self, import);
  apply_keep_apart (self, import);
  ic_import_set_skip_bad_rows (import, gtk_switch_get_active (self->skip_switch));
  ic_import_set_author (import, self->author);
  /* The progress reaches the dialog before the import's end does, and
   * the job keeps the dialog alive until then. */
  ic_import_set_progress_func (import, on_import_progress, self, NULL);
  set_importing (self, TRUE);
  ic_import_run_async (import, self->db_path, self->file, cancellable, on_import_done,
                       job_new (self, cancellable));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IcImportDialog *self = IC_IMPORT_DIALOG (widget);

  if (!is_importing (self))
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  g_cancellable_cancel (self->import_cancellable);
  gtk_progress_bar_set_text (self->progress_bar, _("Cancelling…"));
}

static void
choose_file_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ic_import_dialog_choose_file (IC_IMPORT_DIALOG (widget));
}

static void
ic_import_dialog_dispose (GObject *object)
{
  IcImportDialog *self = IC_IMPORT_DIALOG (object);

  stop (&self->load_cancellable);
  stop (&self->check_cancellable);
  stop (&self->import_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->save_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->save_chooser));
  g_clear_object (&self->save_chooser);
  gtk_widget_dispose_template (GTK_WIDGET (object), IC_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (ic_import_dialog_parent_class)->dispose (object);
}

static void
ic_import_dialog_finalize (GObject *object)
{
  IcImportDialog *self = IC_IMPORT_DIALOG (object);

  g_clear_object (&self->window);
  g_clear_object (&self->file);
  g_clear_object (&self->preview);
  g_clear_object (&self->mapping);
  g_clear_object (&self->report);
  g_clear_object (&self->done_report);
  g_hash_table_unref (self->value_map);
  g_hash_table_unref (self->keep_apart);
  g_free (self->db_path);
  g_free (self->author);

  G_OBJECT_CLASS (ic_import_dialog_parent_class)->finalize (object);
}

static void
ic_import_dialog_class_init (IcImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_import_dialog_dispose;
  object_class->finalize = ic_import_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IcImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, IcImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, IcImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, IcImportDialog, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, IcImportDialog, banner);
  gtk_widget_class_bind_template_child (widget_class, IcImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, IcImportDialog, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, IcImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, IcImportDialog, preview_box);
  gtk_widget_class_bind_template_child (widget_class, IcImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, IcImportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, IcImportDialog, skip_switch);
  gtk_widget_class_bind_template_child (widget_class, IcImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, IcImportDialog, preview_scroller);
  gtk_widget_class_bind_template_child (widget_class, IcImportDialog, results_bin);
  gtk_widget_class_bind_template_child (widget_class, IcImportDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, IcImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, IcImportDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, IcImportDialog, done_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_skip_toggled);

  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_activated);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_activated);
  gtk_widget_class_install_action (widget_class, "import.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "import.save-skipped", NULL, save_skipped_activated);
  gtk_widget_class_install_action (widget_class, "import.show-records", NULL, show_records_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "import.choose-file", NULL);
}

static void
ic_import_dialog_init (IcImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->preview_table = IC_IMPORT_PREVIEW_TABLE (ic_import_preview_table_new ());
  g_signal_connect (self->preview_table, "target-changed", G_CALLBACK (on_target_changed), self);
  gtk_scrolled_window_set_child (self->preview_scroller, GTK_WIDGET (self->preview_table));
  self->results = IC_IMPORT_RESULTS (ic_import_results_new ());
  adw_bin_set_child (self->results_bin, GTK_WIDGET (self->results));
  self->done_results = IC_IMPORT_RESULTS (ic_import_results_new ());
  adw_bin_set_child (self->done_bin, GTK_WIDGET (self->done_results));
  self->value_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->keep_apart = g_hash_table_new (NULL, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save-skipped", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.show-records", FALSE);
}

IcImportDialog *
ic_import_dialog_new (IcWindow *window)
{
  IcApplication *app;
  IcImportDialog *self;

  g_return_val_if_fail (IC_IS_WINDOW (window), NULL);

  app = IC_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  self = g_object_new (IC_TYPE_IMPORT_DIALOG, "transient-for", window, NULL);
  self->window = g_object_ref (window);
  self->db_path = g_strdup (ic_application_get_db_path (app));
  self->author = g_strdup (ic_application_get_author (app));
  /* Above the preview, as they ask for a choice: the values no
   * cluster or place matches. */
  self->value_map_group = IC_IMPORT_VALUE_MAP (
    ic_import_value_map_new (ic_store_service_get_taxonomy (ic_application_get_store_service (app))));
  g_signal_connect (self->value_map_group, "value-mapped", G_CALLBACK (on_value_mapped), self);
  gtk_box_insert_child_after (GTK_BOX (self->preview_box), GTK_WIDGET (self->value_map_group),
                              gtk_widget_get_first_child (self->preview_box));
  /* After them, the rows taken as stored organisations. */
  self->matches_group = IC_IMPORT_MATCHES (ic_import_matches_new ());
  g_signal_connect (self->matches_group, "keep-apart-changed", G_CALLBACK (on_keep_apart_changed), self);
  gtk_box_insert_child_after (GTK_BOX (self->preview_box), GTK_WIDGET (self->matches_group),
                              GTK_WIDGET (self->value_map_group));
  return self;
}
