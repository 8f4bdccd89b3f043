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
#include "ic-io-error.h"
#include "ic-model-error.h"
#include "ic-name-key.h"
#include "ic-organisation.h"
#include "ic-record-json.h"
#include "ic-validate.h"

/* One rule for the import and the store (ic-name-key.h). */
char *
ic_import_fold_key (const char *text)
{
  return ic_name_key_fold (text);
}

char *
ic_import_record_key (IcRecordKind  kind,
                      const char   *organisation_id,
                      const char   *title)
{
  if (kind == IC_RECORD_KIND_ORGANISATION)
    return ic_name_key_fold (title);
  return ic_name_key_titled (organisation_id, title);
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

/* Marks @row as left out: its cells are kept for the file of skipped
 * rows, once, however many problems it has. */
static void
skip_row (IcImportRun        *run,
          guint               row,
          const char * const *fields,
          guint               n_fields)
{
  ic_import_report_edit_counts (run->report)->rejected++;
  ic_import_report_add_skipped_row (run->report, row, fields, n_fields);
}

/* The file's own header of @column, or NULL for none (-1). */
static const char *
header_of (IcImportRun *run,
           int          column)
{
  return column >= 0 ? ic_import_mapping_get_column (run->mapping, column) : NULL;
}

static void
problem (IcImportRun *run,
         guint        row,
         int          column,
         const char  *field,
         const char  *message)
{
  ic_import_report_add_problem (run->report, row, header_of (run, column), field, message);
}

static void
warn (IcImportRun *run,
      guint        row,
      int          column,
      const char  *field,
      const char  *message)
{
  ic_import_report_add_warning (run->report, row, header_of (run, column), field, message);
}

static void
reject (IcImportRun *run,
        guint        row,
        int          column,
        const char  *field,
        const char  *message)
{
  problem (run, row, column, field, message);
  ic_import_report_edit_counts (run->report)->rejected++;
}

/* "row 8: the company name is empty", in the words of the file's own
 * header. */
static void
empty_problem (IcImportRun *run,
               guint        row,
               int          column,
               const char  *field,
               const char  *what)
{
  const char *header = header_of (run, column);
  g_autofree char *lower = header != NULL ? g_utf8_strdown (header, -1) : NULL;
  g_autofree char *message = g_strdup_printf (_("the %s is empty"), lower != NULL ? lower : what);

  ic_import_report_add_problem_in_words (run->report, row, header, field, message);
}

char *
ic_import_similar_name (const char *name)
{
  return ic_name_key_organisation (name);
}

char *
ic_import_website_host (const char *address)
{
  g_autofree char *with_scheme = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *host;

  if (address == NULL || address[0] == '\0')
    return NULL;
  with_scheme = strstr (address, "://") != NULL ? g_strdup (address)
                                                 : g_strconcat ("https://", address, NULL);
  g_strstrip (with_scheme);
  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, NULL);
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (host == NULL || strchr (host, '.') == NULL)
    return NULL;
  if (g_ascii_strncasecmp (host, "www.", 4) == 0)
    host += 4;
  return g_ascii_strdown (host, -1);
}

char *
ic_import_value_map_key (const char *target,
                         const char *value)
{
  g_autofree char *folded = ic_import_mapping_fold_name (value);

  return g_strconcat (target, ":", folded, NULL);
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

/* A stored organisation that looks like @name or has the website
 * @host: its id, or NULL.  Says so in the report. */
static const char *
find_similar_organisation (IcImportRun *run,
                           guint        row,
                           const char  *name,
                           const char  *host)
{
  g_autofree char *similar = ic_import_similar_name (name);
  const char *id = g_hash_table_lookup (run->similar_names, similar);
  gboolean by_host = FALSE;
  g_autofree char *message = NULL;
  const char *stored_name;

  if ((id == NULL || id[0] == '\0') && host != NULL)
    {
      id = g_hash_table_lookup (run->organisation_hosts, host);
      by_host = TRUE;
    }
  if (id == NULL || id[0] == '\0')
    return NULL;
  stored_name = g_hash_table_lookup (run->organisation_display_names, id);

  /* The store holds no two organisations whose names are the same
   * under its rule: only a name it tells apart can be kept apart. */
  {
    g_autofree char *key = ic_name_key_organisation (name);
    g_autofree char *stored_key = ic_name_key_organisation (stored_name);
    IcImportSimilar found = {
      .row = row, .name = name, .stored_id = id, .stored_name = stored_name,
      .by_website = by_host, .can_keep_apart = g_strcmp0 (key, stored_key) != 0,
    };

    found.kept_apart = found.can_keep_apart && ic_import_get_keep_apart (run->self, row);
    ic_import_report_add_similar (run->report, &found);
    if (found.kept_apart)
      return NULL;
    if (!found.can_keep_apart && ic_import_get_keep_apart (run->self, row))
      message = g_strdup_printf (_("“%s” has the same name as the stored organisation “%s” "
                                   "(the same firm to the database), so it updates that one "
                                   "and cannot be kept apart"), name, stored_name);
  }
  if (message == NULL)
    message = by_host
      ? g_strdup_printf (_("“%s” has the website of the stored organisation “%s”, so it updates "
                           "that one"), name, stored_name)
      : g_strdup_printf (_("“%s” looks like the stored organisation “%s”, so it updates that one"),
                         name, stored_name);
  warn (run, row, run->organisation_column >= 0 ? run->organisation_column : run->title_column,
        "organisation_id", message);
  return id;
}

/* The organisation a row names, by id or by name; a name nobody has
 * makes a new one.  Returns its id (transfer none); "" when the row
 * names none, after saying so; NULL after a problem with it. */
static const char *
resolve_organisation (IcImportRun        *run,
                      guint               row,
                      const char * const *fields,
                      guint               n_fields,
                      IcRecord          **new_organisation)
{
  g_autofree char *by_id = cell_text (fields, n_fields, run->organisation_id_column);
  g_autofree char *by_name = cell_text (fields, n_fields, run->organisation_column);
  g_autofree char *website = cell_text (fields, n_fields, run->website_column);
  g_autofree char *host = ic_import_website_host (website);
  g_autofree char *folded = NULL;
  g_autofree char *similar = NULL;
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

          problem (run, row, by_id[0] != '\0' ? run->organisation_id_column : run->organisation_column,
                   "organisation_id", message);
          return NULL;
        }
      return stored_id;
    }
  if (by_name[0] == '\0')
    {
      empty_problem (run, row, run->organisation_column, "organisation_id",
                     _("organisation’s name"));
      return "";
    }

  folded = ic_import_fold_key (by_name);
  id = g_hash_table_lookup (run->organisation_names, folded);
  if (id != NULL && id[0] == '\0')
    {
      g_autofree char *message =
        g_strdup_printf (_("more than one organisation is called “%s”; give the organisation’s "
                           "id instead"), by_name);

      problem (run, row, run->organisation_column, "organisation_id", message);
      return NULL;
    }
  if (id != NULL)
    return id;

  /* Made by an earlier row of this file, under this name or one like it. */
  similar = ic_import_similar_name (by_name);
  *new_organisation = g_hash_table_lookup (run->new_organisations, similar);
  if (*new_organisation != NULL)
    return ic_record_get_id (*new_organisation);

  id = find_similar_organisation (run, row, by_name, host);
  if (id != NULL)
    return id;
  /* Stored organisations that share a name like it (from the feed, or
   * from before names were unique): which one is meant is not known,
   * and a new one would be one more. */
  if (g_strcmp0 (g_hash_table_lookup (run->similar_names, similar), "") == 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("more than one organisation is called like “%s”; give the "
                           "organisation’s id instead"), by_name);

      problem (run, row, run->organisation_column, "organisation_id", message);
      return NULL;
    }

  organisation = IC_RECORD (ic_organisation_new ());
  ic_organisation_set_name (IC_ORGANISATION (organisation), by_name);
  ic_organisation_set_kind (IC_ORGANISATION (organisation),
                            run->kind == IC_RECORD_KIND_CAPABILITY ? IC_ORGANISATION_KIND_SME
                                                                   : IC_ORGANISATION_KIND_OTHER);
  ic_record_ensure_id (organisation);
  if (!ic_record_validate (organisation, run->taxonomy, &error))
    {
      g_autofree char *message = g_strdup_printf (_("the organisation’s name %s"), rule_of (error));

      problem (run, row, run->organisation_column, "organisation_id", message);
      return NULL;
    }
  *new_organisation = organisation;
  g_hash_table_insert (run->new_organisations, g_steal_pointer (&similar),
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

/* Fields every record of the kind needs: a row without them is left
 * out.  Any other field that cannot be read is left empty instead. */
static gboolean
is_required (IcImportRun *run,
             const char  *field)
{
  return field == NULL || g_str_equal (field, "id") || g_str_equal (field, "organisation_id") ||
         g_str_equal (field, run->kind == IC_RECORD_KIND_ORGANISATION ? "name" : "title");
}

/* Sets @field of @record back to its default. */
static gboolean
clear_field (GObject    *record,
             const char *field)
{
  g_autofree char *property = g_strdelimit (g_strdup (field), "_", '-');
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), property);
  g_auto(GValue) value = G_VALUE_INIT;

  if (pspec == NULL)
    return FALSE;
  g_value_init (&value, pspec->value_type);
  g_param_value_set_default (pspec, &value);
  g_object_set_property (record, property, &value);
  return TRUE;
}

/* The replacement the person chose for @text of @target, if any:
 * (transfer none), "" for nothing. */
static const char *
mapped_value (IcImportRun *run,
              const char  *target,
              const char  *text)
{
  g_autofree char *key = NULL;

  if (g_hash_table_size (run->value_map) == 0 || text[0] == '\0')
    return NULL;
  key = ic_import_value_map_key (target, text);
  return g_hash_table_lookup (run->value_map, key);
}

/* Applies @step to @record; a cell that cannot be read costs the row
 * only when the field is required, and otherwise is left empty with a
 * warning.  FALSE when the row is to be left out. */
static gboolean
apply_step (IcImportRun        *run,
            guint               row,
            IcRecord           *record,
            const IcImportStep *step,
            const char         *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  int column = g_array_index (step->columns, guint, 0);
  gboolean mappable = g_str_equal (step->target, "cluster") ||
                      g_str_equal (step->target, "local_authority");
  const char *mapped = mappable ? mapped_value (run, step->target, trimmed) : NULL;

  if (mapped != NULL)
    {
      g_autofree char *property = g_strdelimit (g_strdup (step->target), "_", '-');

      ic_import_report_count_unmatched (run->report, step->target, trimmed, mapped);
      g_object_set (record, property, mapped[0] != '\0' ? mapped : NULL, NULL);
      return TRUE;
    }
  if (ic_import_value_apply (record, step->target, text, run->taxonomy, &note, &error))
    {
      if (note != NULL)
        warn (run, row, column, step->target, note);
      return TRUE;
    }
  if (g_error_matches (error, IC_IO_ERROR, IC_IO_ERROR_UNMATCHED) &&
      (g_str_equal (step->target, "cluster") || g_str_equal (step->target, "local_authority")))
    {
      /* Listed once with its rows, for the person to map. */
      ic_import_report_count_unmatched (run->report, step->target, trimmed, NULL);
      return TRUE;
    }
  /* A value that means nothing the field takes is left out; one that
   * is plainly wrong (a TRL of 11) is the row's to fix. */
  if (is_required (run, step->target) || !g_error_matches (error, IC_IO_ERROR, IC_IO_ERROR_UNMATCHED))
    {
      problem (run, row, column, step->target, error->message);
      return FALSE;
    }
  {
    g_autofree char *message = g_strdup_printf (_("%s; left empty"), error->message);

    warn (run, row, column, step->target, message);
    clear_field (G_OBJECT (record), step->target);
  }
  return TRUE;
}

/* Validates @record, reporting every rule it breaks: an optional field
 * at fault is left empty with a warning, a required one is a problem.
 * FALSE when the row is to be left out. */
static gboolean
validate_all (IcImportRun *run,
              guint        row,
              IcRecord    *record,
              gboolean     organisation_missing)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean ok = TRUE;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      const char *field;

      if (ic_record_validate (record, run->taxonomy, &error))
        break;
      field = ic_model_error_get_field (error);
      /* A rule that clearing the field does not satisfy is told once. */
      if (field == NULL || g_hash_table_contains (seen, field))
        {
          if (field == NULL)
            problem (run, row, -1, NULL, error->message);
          return FALSE;
        }
      g_hash_table_add (seen, g_strdup (field));

      /* A value that cannot be read is left out; text that must not be
       * stored (control characters, too long) costs the row. */
      if (!is_required (run, field) &&
          (g_error_matches (error, IC_MODEL_ERROR, IC_MODEL_ERROR_UNKNOWN_VALUE) ||
           g_error_matches (error, IC_MODEL_ERROR, IC_MODEL_ERROR_INVALID_DATE)))
        {
          g_autofree char *message = g_strdup_printf (_("%s; left empty"), rule_of (error));

          warn (run, row, column_for_field (run, field), field, message);
          if (!clear_field (G_OBJECT (record), field))
            return FALSE;
          continue;
        }

      ok = FALSE;
      if (g_str_equal (field, "organisation_id"))
        {
          if (!organisation_missing)
            problem (run, row, column_for_field (run, field), field, rule_of (error));
          /* Stands in, so that the rest of the row is checked too. */
          g_object_set (record, "organisation-id", "00000000-0000-4000-8000-000000000000", NULL);
        }
      else if (g_str_equal (field, "title") || g_str_equal (field, "name"))
        {
          g_autofree char *title = NULL;

          g_object_get (record, field, &title, NULL);
          if (title == NULL || g_strstrip (title)[0] == '\0')
            empty_problem (run, row, column_for_field (run, field), field,
                           g_str_equal (field, "name") ? _("name") : _("title"));
          else
            problem (run, row, column_for_field (run, field), field, rule_of (error));
          g_object_set (record, field, "-", NULL);
        }
      else
        {
          problem (run, row, column_for_field (run, field), field, rule_of (error));
          return FALSE;
        }
    }
  return ok;
}

/* The text of the first step for @target, or NULL. */
static char *
target_text (IcImportRun        *run,
             const char         *target,
             const char * const *fields,
             guint               n_fields)
{
  for (guint s = 0; s < run->steps->len; s++)
    {
      const IcImportStep *step = g_ptr_array_index (run->steps, s);

      if (g_str_equal (step->target, target))
        return g_strstrip (step_text (step, fields, n_fields));
    }
  return NULL;
}

/* The organisation a row of a challenge or capability names, to fill:
 * a new one, or a stored one the import already fills, or a copy of a
 * stored one.  NULL if none. */
static IcRecord *
organisation_to_fill (IcImportRun *run,
                      const char  *organisation_id,
                      IcRecord    *new_organisation)
{
  IcRecord *organisation;
  g_autoptr(GError) error = NULL;

  if (new_organisation != NULL)
    return new_organisation;
  if (organisation_id == NULL || organisation_id[0] == '\0')
    return NULL;
  organisation = g_hash_table_lookup (run->organisation_fills, organisation_id);
  if (organisation != NULL)
    return organisation;
  organisation = ic_store_get (run->store, organisation_id, &error);
  if (organisation == NULL)
    return NULL;
  g_hash_table_insert (run->organisation_before, g_strdup (organisation_id),
                       ic_record_copy (organisation));
  g_hash_table_insert (run->organisation_fills, g_strdup (organisation_id), organisation);
  return organisation;
}

/* Sets @property of @organisation from @text when it has none yet: a
 * row fills an organisation's gaps, it does not overwrite. */
static void
fill_gap (IcImportRun *run,
          guint        row,
          IcRecord    *organisation,
          const char  *target,
          const char  *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) trial = NULL;
  g_autofree char *property = g_strdelimit (g_strdup (target), "_", '-');
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (organisation), property);
  g_auto(GValue) current = G_VALUE_INIT;
  g_autofree char *note = NULL;

  if (text == NULL || text[0] == '\0' || pspec == NULL)
    return;
  g_value_init (&current, pspec->value_type);
  g_object_get_property (G_OBJECT (organisation), property, &current);
  if (!g_param_value_defaults (pspec, &current))
    return;

  trial = ic_record_copy (organisation);
  if (!ic_import_value_apply (trial, target, text, run->taxonomy, &note, &error) ||
      !ic_record_validate (trial, run->taxonomy, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("the organisation’s %s: %s; left empty"), target,
                         error != NULL ? rule_of (error) : "");

      warn (run, row, ic_import_mapping_find_target (run->mapping, target), target, message);
      return;
    }
  g_object_get_property (G_OBJECT (trial), property, &current);
  g_object_set_property (G_OBJECT (organisation), property, &current);
}

/* What a row of a challenge or capability says of its organisation:
 * its website, email and phone columns; and for a new organisation also
 * the contact, size, postcode, cluster and place of the record.  A
 * stored organisation's are its own: one capability's contact or sector
 * does not say the firm's, and an export imported again changes no
 * organisation. */
static void
fill_organisation (IcImportRun        *run,
                   guint               row,
                   IcRecord           *record,
                   IcRecord           *organisation,
                   gboolean            is_new,
                   const char * const *fields,
                   guint               n_fields)
{
  static const struct { const char *target; const char *field; gboolean new_only; } from_columns[] = {
    { "organisation_website", "website", FALSE }, { "organisation_email", "email", FALSE },
    { "organisation_phone", "phone", FALSE }, { "contact", "contact", TRUE },
    { "employees", "employees", TRUE }, { "postcode", "postcode", TRUE },
  };
  static const char * const from_record[] = { "local_authority", "cluster", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (from_columns); i++)
    {
      g_autofree char *text = NULL;

      if (from_columns[i].new_only && !is_new)
        continue;
      text = target_text (run, from_columns[i].target, fields, n_fields);
      fill_gap (run, row, organisation, from_columns[i].field, text);
    }
  for (guint i = 0; is_new && from_record[i] != NULL; i++)
    {
      g_autofree char *property = g_strdelimit (g_strdup (from_record[i]), "_", '-');
      g_autofree char *value = NULL;

      g_object_get (record, property, &value, NULL);
      fill_gap (run, row, organisation, from_record[i], value);
    }
}

/* Whether the file has a column for the organisation's website, email
 * or phone. */
static gboolean
has_organisation_columns (IcImportRun *run)
{
  for (guint s = 0; s < run->steps->len; s++)
    if (g_str_has_prefix (((IcImportStep *) g_ptr_array_index (run->steps, s))->target,
                          "organisation_"))
      return TRUE;
  return FALSE;
}

/* A challenge's or capability's contact keeps the email and phone
 * beside the name, as one text. */
static void
join_contact (IcImportRun        *run,
              IcRecord           *record,
              const char * const *fields,
              guint               n_fields)
{
  static const char * const extra[] = { "organisation_email", "organisation_phone", NULL };
  g_autofree char *contact = NULL;
  g_autoptr(GString) text = NULL;

  g_object_get (record, "contact", &contact, NULL);
  text = g_string_new (contact);
  for (guint i = 0; extra[i] != NULL; i++)
    {
      g_autofree char *value = target_text (run, extra[i], fields, n_fields);

      if (value == NULL || value[0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, value);
    }
  if (text->len > 0)
    g_object_set (record, "contact", text->str, NULL);
}

/* A row with nothing in it, as a spreadsheet leaves below its data. */
static gboolean
is_blank (const char * const *fields,
          guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    for (const char *p = fields[i]; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}

gboolean
ic_import_row_is_blank (const char * const *fields,
                        guint               n_fields)
{
  return is_blank (fields, n_fields);
}

/* For an organisation's row: the stored organisation it is, by id,
 * by name, or by a name or website like it. */
static const char *
existing_organisation (IcImportRun        *run,
                       guint               row,
                       const char         *key,
                       const char         *title,
                       const char * const *fields,
                       guint               n_fields)
{
  g_autofree char *website = cell_text (fields, n_fields, run->website_column);
  g_autofree char *host = ic_import_website_host (website);
  const char *id = g_hash_table_lookup (run->existing_keys, key);

  if (id != NULL || title[0] == '\0')
    return id;
  return find_similar_organisation (run, row, title, host);
}

/* Whether @record, a row's record about to be written (the stored
 * record @existing_id, @stored as it was, or a new one), would have the
 * name of another record, stored or of an earlier row; says so.  The
 * store would refuse it (ic-store-names.c), and with it the whole
 * write; here the row alone is refused.  A stored record that shared
 * its name already may keep it. */
static gboolean
name_taken (IcImportRun *run,
            guint        row,
            IcRecord    *record,
            const char  *existing_id,
            IcRecord    *stored)
{
  g_autofree char *key = ic_name_key_for_record (record);
  g_autofree char *message = NULL;
  g_autofree char *was = NULL;
  const char *holder;
  gpointer earlier;

  if (key == NULL)
    return FALSE;
  if (g_hash_table_lookup_extended (run->row_keys, key, NULL, &earlier))
    {
      message = g_strdup_printf (_("the row repeats row %u: the same %s"),
                                 GPOINTER_TO_UINT (earlier),
                                 run->kind == IC_RECORD_KIND_ORGANISATION
                                 ? _("organisation") : _("organisation and title"));
      problem (run, row, -1, NULL, message);
      return TRUE;
    }

  holder = g_hash_table_lookup (run->name_keys, key);
  if (stored != NULL)
    was = ic_name_key_for_record (stored);
  if (holder != NULL && g_strcmp0 (holder, existing_id) != 0 &&
      (existing_id == NULL || g_strcmp0 (was, key) != 0))
    {
      if (run->kind == IC_RECORD_KIND_ORGANISATION)
        message = g_strdup_printf (_("an organisation named “%s” exists already (ID %s)"),
                                   (const char *) g_hash_table_lookup (run->organisation_display_names,
                                                                       holder),
                                   holder);
      else
        message = g_strdup_printf (run->kind == IC_RECORD_KIND_CHALLENGE
                                   ? _("the organisation has a challenge titled “%s” already (ID %s)")
                                   : _("the organisation has a capability titled “%s” already (ID %s)"),
                                   ic_record_get_title (record), holder);
      problem (run, row, run->title_column, run->kind == IC_RECORD_KIND_ORGANISATION ? "name" : "title",
               message);
      return TRUE;
    }
  g_hash_table_insert (run->row_keys, g_steal_pointer (&key), GUINT_TO_POINTER (row));
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
  g_autofree char *stored_name = NULL;
  g_autoptr(IcRecord) stored = NULL;
  IcRecord *new_organisation = NULL;
  const char *organisation_id = NULL;
  const char *existing_id = NULL;
  const char *seen_as;
  gpointer earlier;
  gboolean ok = TRUE;

  if (!check_shape (run, row, fields, n_fields))
    {
      ic_import_report_add_skipped_row (run->report, row, fields, n_fields);
      return;
    }

  if (run->kind != IC_RECORD_KIND_ORGANISATION)
    {
      organisation_id = resolve_organisation (run, row, fields, n_fields, &new_organisation);
      ok = organisation_id != NULL && organisation_id[0] != '\0';
    }

  id_text = cell_text (fields, n_fields, run->id_column);
  title = cell_text (fields, n_fields, run->title_column);
  key = ic_import_record_key (run->kind, ok ? organisation_id : NULL, title);

  if (id_text[0] != '\0' && g_hash_table_contains (run->existing_ids, id_text))
    existing_id = id_text;
  else if (id_text[0] == '\0' && run->kind == IC_RECORD_KIND_ORGANISATION)
    existing_id = existing_organisation (run, row, key, title, fields, n_fields);
  else if (id_text[0] == '\0' && ok)
    existing_id = g_hash_table_lookup (run->existing_keys, key);

  seen_as = existing_id != NULL ? existing_id : id_text[0] != '\0' ? id_text : key;
  if (ok && title[0] != '\0' && g_hash_table_lookup_extended (run->seen, seen_as, NULL, &earlier))
    {
      g_autofree char *message =
        g_strdup_printf (_("the row repeats row %u: the same %s"), GPOINTER_TO_UINT (earlier),
                         run->kind == IC_RECORD_KIND_ORGANISATION ? _("organisation")
                                                                  : _("organisation and title"));
      problem (run, row, -1, NULL, message);
      skip_row (run, row, fields, n_fields);
      return;
    }

  if (existing_id != NULL)
    {
      record = ic_store_get (run->store, existing_id, &error);
      if (record == NULL)
        {
          problem (run, row, run->id_column, "id", error->message);
          skip_row (run, row, fields, n_fields);
          return;
        }
      before = ic_record_to_json_data (record, FALSE);
      stored = ic_record_copy (record);
      if (run->kind == IC_RECORD_KIND_ORGANISATION)
        stored_name = g_strdup (ic_organisation_get_name (IC_ORGANISATION (record)));
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

  /* Every step, even after one fails: the report gives all of a row's
   * problems at once. */
  for (guint s = 0; s < run->steps->len; s++)
    {
      const IcImportStep *step = g_ptr_array_index (run->steps, s);
      g_autofree char *text = step_text (step, fields, n_fields);

      if (g_str_has_prefix (step->target, "organisation_"))
        continue;
      ok &= apply_step (run, row, record, step, text);
    }
  /* A stored organisation found by a name like it keeps its own name. */
  if (stored_name != NULL && g_hash_table_lookup (run->existing_keys, key) == NULL)
    ic_organisation_set_name (IC_ORGANISATION (record), stored_name);
  if (run->kind != IC_RECORD_KIND_ORGANISATION)
    join_contact (run, record, fields, n_fields);

  /* A problem with the organisation is told already. */
  ok &= validate_all (run, row, record, organisation_id == NULL || organisation_id[0] == '\0');
  if (!ok || name_taken (run, row, record, existing_id, stored))
    {
      skip_row (run, row, fields, n_fields);
      return;
    }

  if (run->kind != IC_RECORD_KIND_ORGANISATION &&
      (new_organisation != NULL || has_organisation_columns (run)))
    {
      IcRecord *organisation = organisation_to_fill (run, organisation_id, new_organisation);

      if (organisation != NULL)
        fill_organisation (run, row, record, organisation, organisation == new_organisation,
                           fields, n_fields);
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
      /* As it was, for an undo. */
      g_ptr_array_add (run->befores, g_steal_pointer (&stored));
      g_ptr_array_add (run->updates, g_steal_pointer (&record));
      ic_import_report_edit_counts (run->report)->updated++;
    }
  else
    {
      g_ptr_array_add (run->inserts, g_steal_pointer (&record));
      ic_import_report_edit_counts (run->report)->added++;
    }
}
