/* ic-import-rows.c — one row of a spreadsheet into one record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ic-csv-writer.h"
#include "ic-import-private.h"
#include "ic-import-values.h"
#include "ic-model-error.h"
#include "ic-organisation.h"
#include "ic-record-json.h"
#include "ic-validate.h"

char *
ic_import_fold_key (const char *text)
{
  g_autofree char *lower = g_utf8_casefold (text != NULL ? text : "", -1);
  GString *key = g_string_sized_new (strlen (lower));
  gboolean gap = FALSE;

  for (const char *p = lower; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        gap = TRUE;
      else
        {
          if (gap && key->len > 0)
            g_string_append_c (key, ' ');
          g_string_append_c (key, *p);
          gap = FALSE;
        }
    }
  return g_string_free (key, FALSE);
}

char *
ic_import_record_key (IcRecordKind  kind,
                      const char   *organisation_id,
                      const char   *title)
{
  g_autofree char *folded = ic_import_fold_key (title);

  if (kind == IC_RECORD_KIND_ORGANISATION)
    return g_steal_pointer (&folded);
  return g_strconcat (organisation_id != NULL ? organisation_id : "", "\n", folded, NULL);
}

/* Windows line breaks inside a cell as newlines: text holds no
 * carriage return (ic-validate.c). */
static char *
newlines_only (const char *cell)
{
  GString *text = g_string_new (cell);

  g_string_replace (text, "\r\n", "\n", 0);
  return g_string_free (text, FALSE);
}

/* A cell as the person meant it: trimmed, and without the apostrophe
 * an export put before a formula-like text. */
static char *
cell_text (const char * const *fields,
           guint               n_fields,
           int                 column)
{
  if (column < 0 || (guint) column >= n_fields)
    return g_strdup ("");
  return g_strstrip (newlines_only (ic_csv_text_unneutralise (fields[column])));
}

static void
reject (IcImportRun *run,
        guint        row,
        int          column,
        const char  *field,
        const char  *message)
{
  const char *header = column >= 0 ? ic_import_mapping_get_column (run->mapping, column) : NULL;

  ic_import_report_add_problem (run->report, row, header, field, message);
  ic_import_report_edit_counts (run->report)->rejected++;
}

void
ic_import_reject_unreadable_row (IcImportRun  *run,
                                 guint         row,
                                 const GError *error)
{
  /* The reader's message starts with where ("row 4, column X: "); the
   * report adds its own, so only the rule is kept. */
  const char *rule = strstr (error->message, ": ");

  reject (run, row, -1, NULL, rule != NULL ? rule + 2 : error->message);
}

/* The column a validation error about @field is best shown at. */
static int
column_for_field (IcImportRun *run,
                  const char  *field)
{
  static const struct { const char *field; const char *target; } also[] = {
    { "trl_min", "trl_range" }, { "trl_max", "trl_range" },
    { "budget_min", "budget" }, { "budget_max", "budget" },
    { "local_authority", "postcode" }, { "organisation_id", "organisation" },
  };
  int column;

  if (field == NULL)
    return -1;
  column = ic_import_mapping_find_target (run->mapping, field);
  for (guint i = 0; column < 0 && i < G_N_ELEMENTS (also); i++)
    if (g_str_equal (field, also[i].field))
      column = ic_import_mapping_find_target (run->mapping, also[i].target);
  return column;
}

/* The model's message leads with the field ("trl: 11 is not…"); the
 * report names the column instead. */
static const char *
rule_of (const GError *error)
{
  const char *field = ic_model_error_get_field (error);
  gsize length = field != NULL ? strlen (field) : 0;

  if (length > 0 && strncmp (error->message, field, length) == 0 &&
      strncmp (error->message + length, ": ", 2) == 0)
    return error->message + length + 2;
  return error->message;
}

/* The organisation a row names, by id or by name; a name nobody has
 * makes a new one.  Returns its id (transfer none), or NULL after
 * rejecting the row. */
static const char *
resolve_organisation (IcImportRun        *run,
                      guint               row,
                      const char * const *fields,
                      guint               n_fields,
                      IcRecord          **new_organisation)
{
  g_autofree char *by_id = cell_text (fields, n_fields, run->organisation_id_column);
  g_autofree char *by_name = cell_text (fields, n_fields, run->organisation_column);
  g_autofree char *folded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) organisation = NULL;
  const char *id;

  *new_organisation = NULL;
  if (by_id[0] != '\0' || (by_name[0] != '\0' && ic_validate_uuid (by_name, NULL, NULL)))
    {
      const char *given = by_id[0] != '\0' ? by_id : by_name;
      gpointer stored_id = NULL;

      if (!g_hash_table_lookup_extended (run->organisation_ids, given, &stored_id, NULL))
        {
          g_autofree char *message = g_strdup_printf (_("no organisation has the id %s"), given);

          reject (run, row, by_id[0] != '\0' ? run->organisation_id_column : run->organisation_column,
                  "organisation_id", message);
          return NULL;
        }
      return stored_id;
    }
  if (by_name[0] == '\0')
    return "";   /* validation names the missing organisation */

  folded = ic_import_fold_key (by_name);
  id = g_hash_table_lookup (run->organisation_names, folded);
  if (id != NULL && id[0] == '\0')
    {
      g_autofree char *message =
        g_strdup_printf (_("more than one organisation is called “%s”; give the organisation’s "
                           "id instead"), by_name);

      reject (run, row, run->organisation_column, "organisation_id", message);
      return NULL;
    }
  if (id != NULL)
    return id;

  *new_organisation = g_hash_table_lookup (run->new_organisations, folded);
  if (*new_organisation != NULL)
    return ic_record_get_id (*new_organisation);

  organisation = IC_RECORD (ic_organisation_new ());
  ic_organisation_set_name (IC_ORGANISATION (organisation), by_name);
  ic_organisation_set_kind (IC_ORGANISATION (organisation),
                            run->kind == IC_RECORD_KIND_CAPABILITY ? IC_ORGANISATION_KIND_SME
                                                                   : IC_ORGANISATION_KIND_OTHER);
  ic_record_ensure_id (organisation);
  if (!ic_record_validate (organisation, run->taxonomy, &error))
    {
      g_autofree char *message = g_strdup_printf (_("the organisation’s name %s"), rule_of (error));

      reject (run, row, run->organisation_column, "organisation_id", message);
      return NULL;
    }
  *new_organisation = organisation;
  g_hash_table_insert (run->new_organisations, g_steal_pointer (&folded),
                       g_steal_pointer (&organisation));
  return ic_record_get_id (*new_organisation);
}

/* The cells of @step's columns, joined when there are several. */
static char *
step_text (const IcImportStep *step,
           const char * const *fields,
           guint               n_fields)
{
  GString *text;

  if (step->columns->len == 1)
    {
      guint column = g_array_index (step->columns, guint, 0);
      return newlines_only (column < n_fields ? fields[column] : "");
    }

  text = g_string_new (NULL);
  for (guint i = 0; i < step->columns->len; i++)
    {
      guint column = g_array_index (step->columns, guint, i);
      g_autofree char *cell = cell_text (fields, n_fields, column);

      if (cell[0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, ic_import_value_separator (step->target));
      g_string_append (text, cell);
    }
  return g_string_free (text, FALSE);
}

static gboolean
check_shape (IcImportRun *run,
             guint        row,
             const char * const *fields,
             guint        n_fields)
{
  guint n_columns = ic_import_mapping_get_n_columns (run->mapping);
  g_autofree char *message = NULL;

  if (n_fields == n_columns)
    return TRUE;
  /* Trailing empty cells, as some spreadsheets leave, are harmless. */
  if (n_fields > n_columns)
    {
      gboolean extra = FALSE;

      for (guint i = n_columns; i < n_fields; i++)
        extra |= fields[i][0] != '\0';
      if (!extra)
        return TRUE;
    }

  message = g_strdup_printf (_("the row has %u fields but the header has %u; look for a "
                               "missing or extra delimiter or quote"), n_fields, n_columns);
  reject (run, row, -1, NULL, message);
  return FALSE;
}

void
ic_import_row (IcImportRun        *run,
               guint               row,
               const char * const *fields,
               guint               n_fields)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) record = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *key = NULL;
  g_autofree char *before = NULL;
  IcRecord *new_organisation = NULL;
  const char *organisation_id = NULL;
  const char *existing_id = NULL;
  const char *seen_as;
  gpointer earlier;

  if (!check_shape (run, row, fields, n_fields))
    return;

  if (run->kind != IC_RECORD_KIND_ORGANISATION)
    {
      organisation_id = resolve_organisation (run, row, fields, n_fields, &new_organisation);
      if (organisation_id == NULL)
        return;
    }

  id_text = cell_text (fields, n_fields, run->id_column);
  title = cell_text (fields, n_fields, run->title_column);
  key = ic_import_record_key (run->kind, organisation_id, title);

  if (id_text[0] != '\0' && g_hash_table_contains (run->existing_ids, id_text))
    existing_id = id_text;
  else if (id_text[0] == '\0')
    existing_id = g_hash_table_lookup (run->existing_keys, key);

  seen_as = existing_id != NULL ? existing_id : id_text[0] != '\0' ? id_text : key;
  if (g_hash_table_lookup_extended (run->seen, seen_as, NULL, &earlier))
    {
      g_autofree char *message =
        g_strdup_printf (_("the row repeats row %u: the same %s"), GPOINTER_TO_UINT (earlier),
                         run->kind == IC_RECORD_KIND_ORGANISATION ? _("organisation")
                                                                  : _("organisation and title"));
      reject (run, row, -1, NULL, message);
      return;
    }

  if (existing_id != NULL)
    {
      record = ic_store_get (run->store, existing_id, &error);
      if (record == NULL)
        {
          reject (run, row, run->id_column, "id", error->message);
          return;
        }
      before = ic_record_to_json_data (record, FALSE);
    }
  else
    {
      record = ic_record_new (run->kind);
      if (id_text[0] != '\0')
        ic_record_set_id (record, id_text);
    }
  if (organisation_id != NULL)
    g_object_set (record, "organisation-id", organisation_id[0] != '\0' ? organisation_id : NULL,
                  NULL);

  for (guint s = 0; s < run->steps->len; s++)
    {
      const IcImportStep *step = g_ptr_array_index (run->steps, s);
      g_autofree char *text = step_text (step, fields, n_fields);

      if (!ic_import_value_apply (record, step->target, text, run->taxonomy, &error))
        {
          reject (run, row, g_array_index (step->columns, guint, 0), step->target, error->message);
          return;
        }
    }

  if (!ic_record_validate (record, run->taxonomy, &error))
    {
      const char *field = ic_model_error_get_field (error);

      reject (run, row, column_for_field (run, field), field, rule_of (error));
      return;
    }

  if (new_organisation != NULL)
    g_hash_table_add (run->used_organisations, new_organisation);
  g_hash_table_insert (run->seen, g_strdup (seen_as), GUINT_TO_POINTER (row));

  if (before != NULL)
    {
      g_autofree char *after = ic_record_to_json_data (record, FALSE);

      /* Importing the same file twice writes nothing the second time. */
      if (g_str_equal (before, after))
        {
          ic_import_report_edit_counts (run->report)->unchanged++;
          return;
        }
    }

  if (existing_id != NULL)
    {
      g_ptr_array_add (run->updates, g_steal_pointer (&record));
      ic_import_report_edit_counts (run->report)->updated++;
    }
  else
    {
      g_ptr_array_add (run->inserts, g_steal_pointer (&record));
      ic_import_report_edit_counts (run->report)->added++;
    }
}
