/* ic-import-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-import-report.h"

/* Beyond this many, problems are counted but their messages dropped,
 * so that a wrong file of a million rows does not fill memory. */
#define MAX_PROBLEMS 10000

typedef struct
{
  guint  row;
  char  *column;
  char  *field;
  char  *message;
} Problem;

struct _IcImportReport
{
  GObject          parent_instance;

  IcImportMapping *mapping;
  gboolean         dry_run;
  gboolean         committed;
  IcImportCounts   counts;
  GArray          *problems;
  guint            n_dropped;
};

G_DEFINE_FINAL_TYPE (IcImportReport, ic_import_report, G_TYPE_OBJECT)

static void
problem_clear (gpointer data)
{
  Problem *problem = data;

  g_free (problem->column);
  g_free (problem->field);
  g_free (problem->message);
}

static void
ic_import_report_finalize (GObject *object)
{
  IcImportReport *self = IC_IMPORT_REPORT (object);

  g_clear_object (&self->mapping);
  g_array_unref (self->problems);

  G_OBJECT_CLASS (ic_import_report_parent_class)->finalize (object);
}

static void
ic_import_report_class_init (IcImportReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_import_report_finalize;
}

static void
ic_import_report_init (IcImportReport *self)
{
  self->problems = g_array_new (FALSE, TRUE, sizeof (Problem));
  g_array_set_clear_func (self->problems, problem_clear);
}

IcImportReport *
ic_import_report_new (IcImportMapping *mapping,
                      gboolean         dry_run)
{
  IcImportReport *self = g_object_new (IC_TYPE_IMPORT_REPORT, NULL);

  self->mapping = g_object_ref (mapping);
  self->dry_run = dry_run;
  return self;
}

IcImportMapping *
ic_import_report_get_mapping (IcImportReport *self)
{
  g_return_val_if_fail (IC_IS_IMPORT_REPORT (self), NULL);
  return self->mapping;
}

IcRecordKind
ic_import_report_get_kind (IcImportReport *self)
{
  g_return_val_if_fail (IC_IS_IMPORT_REPORT (self), 0);
  return ic_import_mapping_get_kind (self->mapping);
}

gboolean
ic_import_report_get_dry_run (IcImportReport *self)
{
  g_return_val_if_fail (IC_IS_IMPORT_REPORT (self), FALSE);
  return self->dry_run;
}

gboolean
ic_import_report_get_committed (IcImportReport *self)
{
  g_return_val_if_fail (IC_IS_IMPORT_REPORT (self), FALSE);
  return self->committed;
}

void
ic_import_report_set_committed (IcImportReport *self,
                                gboolean        committed)
{
  g_return_if_fail (IC_IS_IMPORT_REPORT (self));
  self->committed = committed;
}

const IcImportCounts *
ic_import_report_get_counts (IcImportReport *self)
{
  g_return_val_if_fail (IC_IS_IMPORT_REPORT (self), NULL);
  return &self->counts;
}

IcImportCounts *
ic_import_report_edit_counts (IcImportReport *self)
{
  g_return_val_if_fail (IC_IS_IMPORT_REPORT (self), NULL);
  return &self->counts;
}

void
ic_import_report_add_problem (IcImportReport *self,
                              guint           row,
                              const char     *column,
                              const char     *field,
                              const char     *message)
{
  Problem problem;

  g_return_if_fail (IC_IS_IMPORT_REPORT (self));

  if (self->problems->len >= MAX_PROBLEMS)
    {
      self->n_dropped++;
      return;
    }

  problem.row = row;
  problem.column = g_strdup (column);
  problem.field = g_strdup (field);
  if (column != NULL)
    problem.message = g_strdup_printf (_("row %u, column %s: %s"), row, column, message);
  else
    problem.message = g_strdup_printf (_("row %u: %s"), row, message);
  g_array_append_val (self->problems, problem);
}

guint
ic_import_report_get_n_problems (IcImportReport *self)
{
  g_return_val_if_fail (IC_IS_IMPORT_REPORT (self), 0);
  return self->problems->len;
}

const char *
ic_import_report_get_problem (IcImportReport  *self,
                              guint            index,
                              guint           *row,
                              const char     **column,
                              const char     **field)
{
  Problem *problem;

  g_return_val_if_fail (IC_IS_IMPORT_REPORT (self), NULL);
  g_return_val_if_fail (index < self->problems->len, NULL);

  problem = &g_array_index (self->problems, Problem, index);
  if (row != NULL)
    *row = problem->row;
  if (column != NULL)
    *column = problem->column;
  if (field != NULL)
    *field = problem->field;
  return problem->message;
}

JsonNode *
ic_import_report_to_json (IcImportReport *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_columns = ic_import_mapping_get_n_columns (self->mapping);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, ic_record_kind_to_string (ic_import_report_get_kind (self)));
  json_builder_set_member_name (builder, "dry_run");
  json_builder_add_boolean_value (builder, self->dry_run);
  json_builder_set_member_name (builder, "committed");
  json_builder_add_boolean_value (builder, self->committed);
  json_builder_set_member_name (builder, "rows");
  json_builder_add_int_value (builder, self->counts.rows);
  json_builder_set_member_name (builder, "added");
  json_builder_add_int_value (builder, self->counts.added);
  json_builder_set_member_name (builder, "updated");
  json_builder_add_int_value (builder, self->counts.updated);
  json_builder_set_member_name (builder, "unchanged");
  json_builder_add_int_value (builder, self->counts.unchanged);
  json_builder_set_member_name (builder, "rejected");
  json_builder_add_int_value (builder, self->counts.rejected);
  json_builder_set_member_name (builder, "organisations_added");
  json_builder_add_int_value (builder, self->counts.organisations_added);

  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_columns; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "column");
      json_builder_add_string_value (builder, ic_import_mapping_get_column (self->mapping, i));
      json_builder_set_member_name (builder, "field");
      if (ic_import_mapping_get_target (self->mapping, i) != NULL)
        json_builder_add_string_value (builder, ic_import_mapping_get_target (self->mapping, i));
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->problems->len; i++)
    {
      Problem *problem = &g_array_index (self->problems, Problem, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "row");
      json_builder_add_int_value (builder, problem->row);
      json_builder_set_member_name (builder, "column");
      if (problem->column != NULL)
        json_builder_add_string_value (builder, problem->column);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "field");
      if (problem->field != NULL)
        json_builder_add_string_value (builder, problem->field);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "errors_not_listed");
  json_builder_add_int_value (builder, self->n_dropped);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
ic_import_report_get_summary (IcImportReport *self)
{
  const IcImportCounts *c;

  g_return_val_if_fail (IC_IS_IMPORT_REPORT (self), NULL);

  c = &self->counts;
  if (self->dry_run)
    return g_strdup_printf (_("Dry run, nothing written: of %u rows, %u would be added, %u would "
                              "update a record, %u are unchanged, %u would be rejected; %u new "
                              "organisations"),
                            c->rows, c->added, c->updated, c->unchanged, c->rejected,
                            c->organisations_added);
  if (self->committed)
    return g_strdup_printf (_("Imported %u rows: %u added, %u updated, %u unchanged, %u rejected; "
                              "%u new organisations"),
                            c->rows, c->added, c->updated, c->unchanged, c->rejected,
                            c->organisations_added);
  return g_strdup_printf (_("Nothing imported: of %u rows, %u are rejected"), c->rows, c->rejected);
}
