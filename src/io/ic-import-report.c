/* ic-import-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ic-csv-writer.h"
#include "ic-import-report.h"
#include "ic-record-json.h"

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

static void
similar_clear (gpointer data)
{
  IcImportSimilar *similar = data;

  g_free ((char *) similar->name);
  g_free ((char *) similar->stored_id);
  g_free ((char *) similar->stored_name);
}

/* A value no cluster or place matched, and the rows that hold it. */
typedef struct
{
  char  *target;
  char  *value;
  char  *mapped_to;   /* what the person chose for it, "" for nothing, or NULL */
  guint  n_rows;
} Unmatched;

/* A row the import left out, as it was in the file. */
typedef struct
{
  guint  row;
  GStrv  cells;
} Skipped;

struct _IcImportReport
{
  GObject          parent_instance;

  IcImportMapping *mapping;
  gboolean         dry_run;
  gboolean         committed;
  IcImportCounts   counts;
  GArray          *problems;
  guint            n_dropped;
  GArray          *warnings;     /* of Problem */
  GArray          *similar;      /* of IcImportSimilar, its strings owned */
  GArray          *unmatched;    /* of Unmatched */
  GArray          *skipped;      /* of Skipped */
  GPtrArray       *added;        /* of IcRecord, as written */
  GPtrArray       *updated;      /* of IcRecord, as written */
  GPtrArray       *before;       /* of IcRecord, each of updated as it was */
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
unmatched_clear (gpointer data)
{
  Unmatched *unmatched = data;

  g_free (unmatched->target);
  g_free (unmatched->value);
  g_free (unmatched->mapped_to);
}

static void
skipped_clear (gpointer data)
{
  g_strfreev (((Skipped *) data)->cells);
}

static void
ic_import_report_finalize (GObject *object)
{
  IcImportReport *self = IC_IMPORT_REPORT (object);

  g_clear_object (&self->mapping);
  g_array_unref (self->problems);
  g_array_unref (self->warnings);
  g_array_unref (self->similar);
  g_array_unref (self->unmatched);
  g_array_unref (self->skipped);
  g_ptr_array_unref (self->added);
  g_ptr_array_unref (self->updated);
  g_ptr_array_unref (self->before);

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
  self->warnings = g_array_new (FALSE, TRUE, sizeof (Problem));
  g_array_set_clear_func (self->warnings, problem_clear);
  self->similar = g_array_new (FALSE, TRUE, sizeof (IcImportSimilar));
  g_array_set_clear_func (self->similar, similar_clear);
  self->unmatched = g_array_new (FALSE, TRUE, sizeof (Unmatched));
  g_array_set_clear_func (self->unmatched, unmatched_clear);
  self->skipped = g_array_new (FALSE, TRUE, sizeof (Skipped));
  g_array_set_clear_func (self->skipped, skipped_clear);
  self->added = g_ptr_array_new_with_free_func (g_object_unref);
  self->updated = g_ptr_array_new_with_free_func (g_object_unref);
  self->before = g_ptr_array_new_with_free_func (g_object_unref);
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

static void
add_to (IcImportReport *self,
        GArray         *list,
        guint           row,
        const char     *column,
        const char     *field,
        gboolean        name_column,
        const char     *message)
{
  Problem problem;

  if (list->len >= MAX_PROBLEMS)
    {
      self->n_dropped++;
      return;
    }

  problem.row = row;
  problem.column = g_strdup (column);
  problem.field = g_strdup (field);
  if (column != NULL && name_column)
    problem.message = g_strdup_printf (_("row %u, column %s: %s"), row, column, message);
  else
    problem.message = g_strdup_printf (_("row %u: %s"), row, message);
  g_array_append_val (list, problem);
}

void
ic_import_report_add_problem (IcImportReport *self,
                              guint           row,
                              const char     *column,
                              const char     *field,
                              const char     *message)
{
  g_return_if_fail (IC_IS_IMPORT_REPORT (self));
  add_to (self, self->problems, row, column, field, TRUE, message);
}

void
ic_import_report_add_problem_in_words (IcImportReport *self,
                                       guint           row,
                                       const char     *column,
                                       const char     *field,
                                       const char     *message)
{
  g_return_if_fail (IC_IS_IMPORT_REPORT (self));
  add_to (self, self->problems, row, column, field, FALSE, message);
}

void
ic_import_report_add_warning (IcImportReport *self,
                              guint           row,
                              const char     *column,
                              const char     *field,
                              const char     *message)
{
  g_return_if_fail (IC_IS_IMPORT_REPORT (self));
  add_to (self, self->warnings, row, column, field, TRUE, message);
}

void
ic_import_report_add_similar (IcImportReport        *self,
                              const IcImportSimilar *similar)
{
  IcImportSimilar copy = *similar;

  g_return_if_fail (IC_IS_IMPORT_REPORT (self));

  copy.name = g_strdup (similar->name);
  copy.stored_id = g_strdup (similar->stored_id);
  copy.stored_name = g_strdup (similar->stored_name);
  g_array_append_val (self->similar, copy);
}

guint
ic_import_report_get_n_similar (IcImportReport *self)
{
  g_return_val_if_fail (IC_IS_IMPORT_REPORT (self), 0);
  return self->similar->len;
}

const IcImportSimilar *
ic_import_report_get_similar (IcImportReport *self,
                              guint           index)
{
  g_return_val_if_fail (IC_IS_IMPORT_REPORT (self), NULL);
  g_return_val_if_fail (index < self->similar->len, NULL);
  return &g_array_index (self->similar, IcImportSimilar, index);
}

guint
ic_import_report_get_n_warnings (IcImportReport *self)
{
  g_return_val_if_fail (IC_IS_IMPORT_REPORT (self), 0);
  return self->warnings->len;
}

const char *
ic_import_report_get_warning (IcImportReport *self,
                              guint           index,
                              guint          *row)
{
  Problem *warning;

  g_return_val_if_fail (IC_IS_IMPORT_REPORT (self), NULL);
  g_return_val_if_fail (index < self->warnings->len, NULL);

  warning = &g_array_index (self->warnings, Problem, index);
  if (row != NULL)
    *row = warning->row;
  return warning->message;
}

void
ic_import_report_count_unmatched (IcImportReport *self,
                                  const char     *target,
                                  const char     *value,
                                  const char     *mapped_to)
{
  Unmatched unmatched = { 0 };
  g_autofree char *folded = NULL;

  g_return_if_fail (IC_IS_IMPORT_REPORT (self));

  /* "Digital" and "DIGITAL " are one value to map. */
  folded = ic_import_mapping_fold_name (value);
  for (guint i = 0; i < self->unmatched->len; i++)
    {
      Unmatched *known = &g_array_index (self->unmatched, Unmatched, i);
      g_autofree char *known_folded = ic_import_mapping_fold_name (known->value);

      if (g_str_equal (known->target, target) && g_str_equal (known_folded, folded))
        {
          known->n_rows++;
          return;
        }
    }
  unmatched.target = g_strdup (target);
  unmatched.value = g_strdup (value);
  unmatched.mapped_to = g_strdup (mapped_to);
  unmatched.n_rows = 1;
  g_array_append_val (self->unmatched, unmatched);
}

guint
ic_import_report_get_n_unmatched (IcImportReport *self)
{
  g_return_val_if_fail (IC_IS_IMPORT_REPORT (self), 0);
  return self->unmatched->len;
}

const char *
ic_import_report_get_unmatched (IcImportReport  *self,
                                guint            index,
                                const char     **target,
                                guint           *n_rows,
                                const char     **mapped_to)
{
  Unmatched *unmatched;

  g_return_val_if_fail (IC_IS_IMPORT_REPORT (self), NULL);
  g_return_val_if_fail (index < self->unmatched->len, NULL);

  unmatched = &g_array_index (self->unmatched, Unmatched, index);
  if (target != NULL)
    *target = unmatched->target;
  if (n_rows != NULL)
    *n_rows = unmatched->n_rows;
  if (mapped_to != NULL)
    *mapped_to = unmatched->mapped_to;
  return unmatched->value;
}

void
ic_import_report_add_skipped_row (IcImportReport     *self,
                                  guint               row,
                                  const char * const *cells,
                                  guint               n_cells)
{
  Skipped skipped;

  g_return_if_fail (IC_IS_IMPORT_REPORT (self));

  if (self->skipped->len >= MAX_PROBLEMS)
    return;
  skipped.row = row;
  skipped.cells = g_new0 (char *, n_cells + 1);
  for (guint i = 0; i < n_cells; i++)
    skipped.cells[i] = g_strdup (cells[i]);
  g_array_append_val (self->skipped, skipped);
}

guint
ic_import_report_get_n_skipped (IcImportReport *self)
{
  g_return_val_if_fail (IC_IS_IMPORT_REPORT (self), 0);
  return self->skipped->len;
}

/* The problems of @row, one after another. */
static char *
problems_of_row (IcImportReport *self,
                 guint           row)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *prefix = g_strdup_printf (_("row %u: "), row);

  for (guint i = 0; i < self->problems->len; i++)
    {
      Problem *problem = &g_array_index (self->problems, Problem, i);
      const char *message = problem->message;

      if (problem->row != row)
        continue;
      if (g_str_has_prefix (message, prefix))
        message += strlen (prefix);
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, message);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
ic_import_report_write_skipped (IcImportReport *self,
                                GOutputStream  *stream,
                                GCancellable   *cancellable,
                                GError        **error)
{
  g_autoptr(IcCsvWriter) csv = NULL;
  guint n_columns;

  g_return_val_if_fail (IC_IS_IMPORT_REPORT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  /* With a byte order mark, as the spreadsheets these files came from
   * expect one to read UTF-8. */
  csv = ic_csv_writer_new (stream, IC_CSV_WRITER_BOM);
  n_columns = ic_import_mapping_get_n_columns (self->mapping);
  for (guint i = 0; i < n_columns; i++)
    ic_csv_writer_add_text (csv, ic_import_mapping_get_column (self->mapping, i));
  ic_csv_writer_add_text (csv, _("Why it was skipped"));
  if (!ic_csv_writer_end_row (csv, cancellable, error))
    return FALSE;

  for (guint i = 0; i < self->skipped->len; i++)
    {
      Skipped *skipped = &g_array_index (self->skipped, Skipped, i);
      g_autofree char *why = problems_of_row (self, skipped->row);
      guint n_cells = g_strv_length (skipped->cells);

      for (guint c = 0; c < n_columns; c++)
        ic_csv_writer_add_text (csv, c < n_cells ? skipped->cells[c] : "");
      ic_csv_writer_add_text (csv, why);
      if (!ic_csv_writer_end_row (csv, cancellable, error))
        return FALSE;
    }
  return ic_csv_writer_close (csv, cancellable, error);
}

void
ic_import_report_add_written (IcImportReport *self,
                              IcRecord       *record,
                              IcRecord       *before)
{
  g_return_if_fail (IC_IS_IMPORT_REPORT (self));
  g_return_if_fail (IC_IS_RECORD (record));

  if (before == NULL)
    g_ptr_array_add (self->added, g_object_ref (record));
  else
    {
      g_ptr_array_add (self->updated, g_object_ref (record));
      g_ptr_array_add (self->before, g_object_ref (before));
    }
}

GPtrArray *
ic_import_report_get_added (IcImportReport *self)
{
  g_return_val_if_fail (IC_IS_IMPORT_REPORT (self), NULL);
  return self->added;
}

GPtrArray *
ic_import_report_get_updated (IcImportReport *self,
                              GPtrArray     **before)
{
  g_return_val_if_fail (IC_IS_IMPORT_REPORT (self), NULL);
  if (before != NULL)
    *before = self->before;
  return self->updated;
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

  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->warnings->len; i++)
    {
      Problem *warning = &g_array_index (self->warnings, Problem, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "row");
      json_builder_add_int_value (builder, warning->row);
      json_builder_set_member_name (builder, "field");
      if (warning->field != NULL)
        json_builder_add_string_value (builder, warning->field);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, warning->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* Rows taken as stored organisations: what `import --keep-apart`
   * needs to be told. */
  json_builder_set_member_name (builder, "similar");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->similar->len; i++)
    {
      IcImportSimilar *similar = &g_array_index (self->similar, IcImportSimilar, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "row");
      json_builder_add_int_value (builder, similar->row);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, similar->name);
      json_builder_set_member_name (builder, "stored_id");
      json_builder_add_string_value (builder, similar->stored_id);
      json_builder_set_member_name (builder, "stored_name");
      json_builder_add_string_value (builder, similar->stored_name);
      json_builder_set_member_name (builder, "by");
      json_builder_add_string_value (builder, similar->by_website ? "website" : "name");
      json_builder_set_member_name (builder, "can_keep_apart");
      json_builder_add_boolean_value (builder, similar->can_keep_apart);
      json_builder_set_member_name (builder, "kept_apart");
      json_builder_add_boolean_value (builder, similar->kept_apart);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "unmatched");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->unmatched->len; i++)
    {
      Unmatched *unmatched = &g_array_index (self->unmatched, Unmatched, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, unmatched->target);
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, unmatched->value);
      json_builder_set_member_name (builder, "rows");
      json_builder_add_int_value (builder, unmatched->n_rows);
      json_builder_set_member_name (builder, "mapped_to");
      if (unmatched->mapped_to != NULL)
        json_builder_add_string_value (builder, unmatched->mapped_to);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* What an undo needs (ic-import-undo.h): the records added, and
   * those updated as they were before, with the revision the import
   * gave each. */
  json_builder_set_member_name (builder, "undo");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "added");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->added->len; i++)
    {
      IcRecord *record = g_ptr_array_index (self->added, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, ic_record_get_id (record));
      json_builder_set_member_name (builder, "rev");
      json_builder_add_int_value (builder, ic_record_get_rev (record));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "updated");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->before->len; i++)
    {
      IcRecord *record = g_ptr_array_index (self->updated, i);
      IcRecord *before = g_ptr_array_index (self->before, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, ic_record_kind_to_string (ic_record_get_kind (before)));
      json_builder_set_member_name (builder, "rev");
      json_builder_add_int_value (builder, ic_record_get_rev (record));
      json_builder_set_member_name (builder, "before");
      json_builder_add_value (builder, ic_object_to_json (G_OBJECT (before)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
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
