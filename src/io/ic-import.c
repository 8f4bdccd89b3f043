/* ic-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "ic-csv-reader.h"
#include "ic-import.h"
#include "ic-import-private.h"
#include "ic-import-values.h"
#include "ic-io-error.h"
#include "ic-model-error.h"
#include "ic-name-key.h"
#include "ic-record-json.h"
#include "ic-organisation.h"
#include "ic-store.h"
#include "ic-validate.h"

/* How often, in rows, progress is told. */
#define PROGRESS_ROWS 1024

struct _IcImport
{
  GObject         parent_instance;

  IcRecordKind    kind;
  char           *overrides;
  IcImportMapping *mapping;
  char           *author;
  gboolean        dry_run;
  gboolean        skip_bad_rows;
  IcProgressFunc  progress;
  gpointer        progress_data;
  GDestroyNotify  progress_destroy;
  GHashTable     *value_map;   /* "target:folded value" → id, "" for none */
  GHashTable     *keep_apart;  /* set of rows, GUINT_TO_POINTER */
};

G_DEFINE_FINAL_TYPE (IcImport, ic_import, G_TYPE_OBJECT)

static void
step_free (gpointer data)
{
  IcImportStep *step = data;

  g_array_unref (step->columns);
  g_free (step);
}

static void
run_clear (IcImportRun *run)
{
  g_clear_pointer (&run->steps, g_ptr_array_unref);
  g_clear_pointer (&run->organisation_ids, g_hash_table_unref);
  g_clear_pointer (&run->organisation_names, g_hash_table_unref);
  g_clear_pointer (&run->new_organisations, g_hash_table_unref);
  g_clear_pointer (&run->used_organisations, g_hash_table_unref);
  g_clear_pointer (&run->existing_keys, g_hash_table_unref);
  g_clear_pointer (&run->existing_ids, g_hash_table_unref);
  g_clear_pointer (&run->seen, g_hash_table_unref);
  g_clear_pointer (&run->similar_names, g_hash_table_unref);
  g_clear_pointer (&run->organisation_hosts, g_hash_table_unref);
  g_clear_pointer (&run->organisation_display_names, g_hash_table_unref);
  g_clear_pointer (&run->organisation_fills, g_hash_table_unref);
  g_clear_pointer (&run->organisation_before, g_hash_table_unref);
  g_clear_pointer (&run->value_map, g_hash_table_unref);
  g_clear_pointer (&run->name_keys, g_hash_table_unref);
  g_clear_pointer (&run->row_keys, g_hash_table_unref);
  g_clear_pointer (&run->inserts, g_ptr_array_unref);
  g_clear_pointer (&run->updates, g_ptr_array_unref);
  g_clear_pointer (&run->befores, g_ptr_array_unref);
  g_clear_object (&run->mapping);
  g_clear_object (&run->report);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IcImportRun, run_clear)

static void
ic_import_finalize (GObject *object)
{
  IcImport *self = IC_IMPORT (object);

  g_free (self->overrides);
  g_clear_object (&self->mapping);
  g_free (self->author);
  g_hash_table_unref (self->value_map);
  g_hash_table_unref (self->keep_apart);
  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);

  G_OBJECT_CLASS (ic_import_parent_class)->finalize (object);
}

static void
ic_import_class_init (IcImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_import_finalize;
}

static void
ic_import_init (IcImport *self)
{
  self->value_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->keep_apart = g_hash_table_new (NULL, NULL);
}

IcImport *
ic_import_new (IcRecordKind kind)
{
  IcImport *self;

  g_return_val_if_fail (kind == IC_RECORD_KIND_ORGANISATION ||
                        kind == IC_RECORD_KIND_CHALLENGE ||
                        kind == IC_RECORD_KIND_CAPABILITY, NULL);

  self = g_object_new (IC_TYPE_IMPORT, NULL);
  self->kind = kind;
  return self;
}

void
ic_import_set_overrides (IcImport   *self,
                         const char *overrides)
{
  g_return_if_fail (IC_IS_IMPORT (self));
  g_free (self->overrides);
  self->overrides = g_strdup (overrides);
}

void
ic_import_set_mapping (IcImport        *self,
                       IcImportMapping *mapping)
{
  g_return_if_fail (IC_IS_IMPORT (self));
  g_return_if_fail (mapping == NULL || IC_IS_IMPORT_MAPPING (mapping));
  g_return_if_fail (mapping == NULL || ic_import_mapping_get_kind (mapping) == self->kind);

  g_clear_object (&self->mapping);
  if (mapping != NULL)
    self->mapping = ic_import_mapping_copy (mapping);
}

/* The mapping a run uses for @header: the one set, if the header is
 * still the one it was made from, or one made from the names. */
static IcImportMapping *
mapping_for_header (IcImport           *self,
                    const char * const *header,
                    GError            **error)
{
  guint n = g_strv_length ((char **) header);

  if (self->mapping == NULL)
    return ic_import_mapping_new (self->kind, header);

  if (ic_import_mapping_get_n_columns (self->mapping) != n)
    goto changed;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (ic_import_mapping_get_column (self->mapping, i), header[i]) != 0)
      goto changed;
  return ic_import_mapping_copy (self->mapping);

changed:
  g_set_error_literal (error, IC_IO_ERROR, IC_IO_ERROR_MAPPING,
                       _("The file’s columns have changed since they were mapped; "
                         "open the file again"));
  return NULL;
}

void
ic_import_map_value (IcImport   *self,
                     const char *target,
                     const char *value,
                     const char *replacement)
{
  g_return_if_fail (IC_IS_IMPORT (self));
  g_return_if_fail (target != NULL && value != NULL);

  g_hash_table_replace (self->value_map, ic_import_value_map_key (target, value),
                        g_strdup (replacement != NULL ? replacement : ""));
}

gboolean
ic_import_parse_value_maps (IcImport    *self,
                            const char  *text,
                            GError     **error)
{
  g_auto(GStrv) entries = NULL;

  g_return_val_if_fail (IC_IS_IMPORT (self), FALSE);

  if (text == NULL)
    return TRUE;
  entries = g_strsplit (text, ";", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      char *entry = g_strstrip (entries[i]);
      char *colon = strchr (entry, ':');
      char *equals = colon != NULL ? strrchr (colon, '=') : NULL;
      g_autofree char *target = NULL;

      if (entry[0] == '\0')
        continue;
      if (colon == NULL || equals == NULL)
        {
          g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_MAPPING,
                       _("“%s”: write a value to map as field:value=id, such as "
                         "cluster:Digital=creative (nothing after = leaves it empty)"), entry);
          return FALSE;
        }
      target = g_strstrip (g_strndup (entry, colon - entry));
      *equals = '\0';
      if (!g_str_equal (target, "cluster") && !g_str_equal (target, "local_authority"))
        {
          g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_MAPPING,
                       _("“%s”: only values of cluster and local_authority can be mapped"),
                       target);
          return FALSE;
        }
      ic_import_map_value (self, target, g_strstrip (colon + 1), g_strstrip (equals + 1));
    }
  return TRUE;
}

void
ic_import_keep_apart (IcImport *self,
                      guint     row)
{
  g_return_if_fail (IC_IS_IMPORT (self));
  g_hash_table_add (self->keep_apart, GUINT_TO_POINTER (row));
}

gboolean
ic_import_get_keep_apart (IcImport *self,
                          guint     row)
{
  return g_hash_table_contains (self->keep_apart, GUINT_TO_POINTER (row));
}

void
ic_import_set_dry_run (IcImport *self,
                       gboolean  dry_run)
{
  g_return_if_fail (IC_IS_IMPORT (self));
  self->dry_run = dry_run;
}

void
ic_import_set_skip_bad_rows (IcImport *self,
                             gboolean  skip_bad_rows)
{
  g_return_if_fail (IC_IS_IMPORT (self));
  self->skip_bad_rows = skip_bad_rows;
}

void
ic_import_set_author (IcImport   *self,
                      const char *author)
{
  g_return_if_fail (IC_IS_IMPORT (self));
  g_free (self->author);
  self->author = g_strdup (author);
}

void
ic_import_set_progress_func (IcImport       *self,
                             IcProgressFunc  func,
                             gpointer        user_data,
                             GDestroyNotify  destroy)
{
  g_return_if_fail (IC_IS_IMPORT (self));

  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);
  self->progress = func;
  self->progress_data = user_data;
  self->progress_destroy = destroy;
}

static void
report_progress (IcImportRun *run,
                 double       fraction)
{
  if (run->progress != NULL)
    run->progress (fraction, run->progress_data);
}

static gboolean
collect_organisation (IcRecord *record,
                      gpointer  user_data)
{
  IcImportRun *run = user_data;
  const char *id = ic_record_get_id (record);
  char *name = ic_import_fold_key (ic_record_get_title (record));
  char *similar = ic_import_similar_name (ic_record_get_title (record));
  char *host = ic_import_website_host (ic_organisation_get_website (IC_ORGANISATION (record)));

  g_hash_table_insert (run->organisation_display_names, g_strdup (id),
                       g_strdup (ic_record_get_title (record)));
  if (run->self->kind == IC_RECORD_KIND_ORGANISATION && similar[0] != '\0' &&
      !g_hash_table_contains (run->name_keys, similar))
    g_hash_table_insert (run->name_keys, g_strdup (similar), g_strdup (id));
  /* A name or website two organisations share finds neither. */
  if (g_hash_table_contains (run->similar_names, similar))
    g_hash_table_replace (run->similar_names, similar, g_strdup (""));
  else
    g_hash_table_insert (run->similar_names, similar, g_strdup (id));
  if (host != NULL && g_hash_table_contains (run->organisation_hosts, host))
    g_hash_table_replace (run->organisation_hosts, host, g_strdup (""));
  else if (host != NULL)
    g_hash_table_insert (run->organisation_hosts, host, g_strdup (id));
  g_hash_table_insert (run->organisation_ids, g_strdup (id), g_strdup (name));
  if (g_hash_table_contains (run->organisation_names, name))
    g_hash_table_replace (run->organisation_names, name, g_strdup (""));
  else
    g_hash_table_insert (run->organisation_names, name, g_strdup (id));
  return TRUE;
}

static gboolean
collect_existing (IcRecord *record,
                  gpointer  user_data)
{
  IcImportRun *run = user_data;
  g_autofree char *organisation_id = NULL;
  char *name_key = ic_name_key_for_record (record);

  if (name_key != NULL && !g_hash_table_contains (run->name_keys, name_key))
    g_hash_table_insert (run->name_keys, name_key, g_strdup (ic_record_get_id (record)));
  else
    g_free (name_key);
  if (run->self->kind != IC_RECORD_KIND_ORGANISATION)
    g_object_get (record, "organisation-id", &organisation_id, NULL);
  g_hash_table_insert (run->existing_keys,
                       ic_import_record_key (run->self->kind, organisation_id, ic_record_get_title (record)),
                       g_strdup (ic_record_get_id (record)));
  g_hash_table_add (run->existing_ids, g_strdup (ic_record_get_id (record)));
  return TRUE;
}

static gboolean
load_context (IcImportRun *run,
              GError **error)
{
  run->organisation_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->organisation_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->new_organisations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  run->used_organisations = g_hash_table_new (NULL, NULL);
  run->existing_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->existing_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->similar_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->organisation_hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->organisation_display_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->organisation_fills = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  run->organisation_before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  run->name_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->row_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->inserts = g_ptr_array_new_with_free_func (g_object_unref);
  run->updates = g_ptr_array_new_with_free_func (g_object_unref);
  run->befores = g_ptr_array_new_with_free_func (g_object_unref);
  run->taxonomy = ic_store_get_taxonomy (run->store);

  if (!ic_store_foreach (run->store, IC_RECORD_KIND_ORGANISATION, collect_organisation, run, error))
    return FALSE;
  if (run->self->kind == IC_RECORD_KIND_ORGANISATION)
    {
      /* The organisations just read are the existing records. */
      GHashTableIter iter;
      gpointer id, name;

      g_hash_table_iter_init (&iter, run->organisation_ids);
      while (g_hash_table_iter_next (&iter, &id, &name))
        {
          g_hash_table_insert (run->existing_keys, g_strdup (name), g_strdup (id));
          g_hash_table_add (run->existing_ids, g_strdup (id));
        }
      return TRUE;
    }
  return ic_store_foreach (run->store, run->self->kind, collect_existing, run, error);
}

/* Groups the mapped columns by field, in column order. */
static void
plan_steps (IcImportRun *run)
{
  guint n = ic_import_mapping_get_n_columns (run->mapping);

  run->steps = g_ptr_array_new_with_free_func (step_free);
  run->id_column = ic_import_mapping_find_target (run->mapping, "id");
  run->organisation_column = ic_import_mapping_find_target (run->mapping, "organisation");
  run->organisation_id_column = ic_import_mapping_find_target (run->mapping, "organisation_id");
  run->title_column = ic_import_mapping_find_target (run->mapping,
                                                     run->self->kind == IC_RECORD_KIND_ORGANISATION
                                                     ? "name" : "title");
  run->website_column = ic_import_mapping_find_target (run->mapping,
                                                       run->self->kind == IC_RECORD_KIND_ORGANISATION
                                                       ? "website" : "organisation_website");

  for (guint i = 0; i < n; i++)
    {
      const char *target = ic_import_mapping_get_target (run->mapping, i);
      IcImportStep *step = NULL;

      if (target == NULL || g_str_equal (target, "id") || g_str_equal (target, "organisation") ||
          g_str_equal (target, "organisation_id"))
        continue;
      for (guint s = 0; s < run->steps->len && step == NULL; s++)
        if (((IcImportStep *) g_ptr_array_index (run->steps, s))->target == target)
          step = g_ptr_array_index (run->steps, s);
      if (step == NULL)
        {
          step = g_new0 (IcImportStep, 1);
          step->target = target;
          step->columns = g_array_new (FALSE, FALSE, sizeof (guint));
          g_ptr_array_add (run->steps, step);
        }
      g_array_append_val (step->columns, i);
    }
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (ic_record_get_id (*(IcRecord **) a), ic_record_get_id (*(IcRecord **) b));
}

static gboolean
write_records (IcImportRun  *run,
               GPtrArray    *inserts,
               GCancellable *cancellable,
               GError      **error)
{
  gboolean written;

  /* Writing a large file takes longer than reading it; a cancel then
   * must stop the write, not wait for it.  The store rolls the
   * transaction back. */
  if (cancellable != NULL)
    ic_store_set_cancellable (run->store, cancellable);
  written = ic_store_write_all_validated (run->store, inserts, run->updates, run->self->author, error);
  if (cancellable != NULL)
    ic_store_set_cancellable (run->store, NULL);

  if (!written && g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (error);
      g_cancellable_set_error_if_cancelled (cancellable, error);
    }
  return written;
}

/* Adds to the updates the stored organisations the rows filled in,
 * when that changed them. */
static void
queue_organisation_fills (IcImportRun *run)
{
  GHashTableIter iter;
  gpointer organisation;

  g_hash_table_iter_init (&iter, run->organisation_fills);
  while (g_hash_table_iter_next (&iter, NULL, &organisation))
    {
      IcRecord *before = g_hash_table_lookup (run->organisation_before,
                                              ic_record_get_id (organisation));
      g_autofree char *was = ic_record_to_json_data (before, FALSE);
      g_autofree char *is = ic_record_to_json_data (organisation, FALSE);

      if (!g_str_equal (was, is))
        {
          g_ptr_array_add (run->updates, g_object_ref (organisation));
          ic_import_report_edit_counts (run->report)->organisations_updated++;
        }
    }

}

static gboolean
commit (IcImportRun  *run,
        GCancellable *cancellable,
        GError      **error)
{
  g_autoptr(GPtrArray) inserts = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer organisation;

  /* New organisations first, so that the records naming them can be
   * written; only those a good row names. */
  g_hash_table_iter_init (&iter, run->used_organisations);
  while (g_hash_table_iter_next (&iter, &organisation, NULL))
    g_ptr_array_add (inserts, g_object_ref (organisation));
  /* In id order, the primary key index grows page by page instead of
   * touching a random page per row. */
  for (guint i = 0; i < run->inserts->len; i++)
    ic_record_ensure_id (g_ptr_array_index (run->inserts, i));
  g_ptr_array_sort (run->inserts, compare_ids);
  for (guint i = 0; i < run->inserts->len; i++)
    g_ptr_array_add (inserts, g_object_ref (g_ptr_array_index (run->inserts, i)));

  /* One transaction for the inserts and the updates: every row has been
   * checked against the rules the store applies (ic_import_row()), so
   * the store need not check them again, and a failure here is the disk
   * or another writer, and it leaves the database as it was. */
  if (!write_records (run, inserts, cancellable, error))
    return FALSE;

  /* What an undo needs: the records as written, and as they were. */
  for (guint i = 0; i < inserts->len; i++)
    ic_import_report_add_written (run->report, g_ptr_array_index (inserts, i), NULL);
  for (guint i = 0; i < run->updates->len; i++)
    {
      IcRecord *record = g_ptr_array_index (run->updates, i);
      IcRecord *before = i < run->befores->len
                         ? g_ptr_array_index (run->befores, i)
                         : g_hash_table_lookup (run->organisation_before, ic_record_get_id (record));

      ic_import_report_add_written (run->report, record, before);
    }
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Where the value maps of files with @header's columns are kept: the
 * columns in any order, as their names fold. */
static char *
memory_key (IcImportMapping *mapping)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) joined = g_string_new (ic_record_kind_to_string (ic_import_mapping_get_kind (mapping)));
  g_autofree char *sum = NULL;

  for (guint i = 0; i < ic_import_mapping_get_n_columns (mapping); i++)
    g_ptr_array_add (names, ic_import_mapping_fold_name (ic_import_mapping_get_column (mapping, i)));
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (joined, "\n%s", (char *) g_ptr_array_index (names, i));
  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, joined->str, -1);
  return g_strconcat ("import-values:", sum, NULL);
}

/* The value maps remembered for this file's columns, with the ones
 * given for this import over them. */
static void
load_value_map (IcImportRun *run)
{
  g_autofree char *key = memory_key (run->mapping);
  g_autofree char *saved = ic_store_get_setting (run->store, key);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GHashTableIter iter;
  gpointer map_key, value;

  run->value_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (saved != NULL && json_parser_load_from_data (parser, saved, -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      JsonObject *object = json_node_get_object (json_parser_get_root (parser));
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *id = json_object_get_string_member_with_default (object, l->data, NULL);

          if (id != NULL)
            g_hash_table_insert (run->value_map, g_strdup (l->data), g_strdup (id));
        }
    }
  g_hash_table_iter_init (&iter, run->self->value_map);
  while (g_hash_table_iter_next (&iter, &map_key, &value))
    g_hash_table_replace (run->value_map, g_strdup (map_key), g_strdup (value));
}

/* Remembers the value maps for the next file with these columns. */
static gboolean
save_value_map (IcImportRun  *run,
                GError      **error)
{
  g_autofree char *key = memory_key (run->mapping);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  GHashTableIter iter;
  gpointer map_key, value;

  if (g_hash_table_size (run->self->value_map) == 0)
    return TRUE;
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  g_hash_table_iter_init (&iter, run->value_map);
  while (g_hash_table_iter_next (&iter, &map_key, &value))
    {
      json_builder_set_member_name (builder, map_key);
      json_builder_add_string_value (builder, value);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  return ic_store_set_setting (run->store, key, text, error);
}

/* Reads every row and, unless a dry run, writes them: inside the
 * caller's write, so what load_context () found is still so. */
static gboolean
import_rows (IcImportRun   *run,
             IcCsvReader   *reader,
             goffset        size,
             GCancellable  *cancellable,
             GError       **error)
{
  IcImport *self = run->self;
  IcImportCounts *counts = ic_import_report_edit_counts (run->report);
  g_autoptr(GError) local_error = NULL;

  if (!load_context (run, error))
    return FALSE;
  load_value_map (run);
  plan_steps (run);

  for (;;)
    {
      if (!ic_csv_reader_read_row (reader, cancellable, &local_error))
        {
          if (local_error == NULL)
            break;
          if (!g_error_matches (local_error, IC_IO_ERROR, IC_IO_ERROR_ENCODING))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          /* The reader has passed the bad row; say so and go on. */
          counts->rows++;
          ic_import_reject_unreadable_row (run, ic_csv_reader_get_row_number (reader), local_error);
          g_clear_error (&local_error);
          continue;
        }

      /* A row of empty cells, as spreadsheets leave below their data,
       * is no row at all. */
      if (ic_import_row_is_blank (ic_csv_reader_get_fields (reader),
                                  ic_csv_reader_get_n_fields (reader)))
        continue;
      counts->rows++;
      ic_import_row (run, ic_csv_reader_get_row_number (reader),
                  ic_csv_reader_get_fields (reader), ic_csv_reader_get_n_fields (reader));

      if (counts->rows % PROGRESS_ROWS == 0 && size > 0)
        report_progress (run, 0.9 * ic_csv_reader_get_bytes_read (reader) / size);
    }

  counts->organisations_added = g_hash_table_size (run->used_organisations);
  queue_organisation_fills (run);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!self->dry_run && (counts->rejected == 0 || self->skip_bad_rows))
    {
      report_progress (run, 0.9);
      if (!commit (run, cancellable, error) || !save_value_map (run, error))
        return FALSE;
      ic_import_report_set_committed (run->report, TRUE);
    }
  return TRUE;
}

static IcImportReport *
run_import (IcImport        *self,
            IcStore         *store,
            GInputStream    *stream,
            goffset          size,
            IcProgressFunc   progress,
            gpointer         progress_data,
            GCancellable    *cancellable,
            GError         **error)
{
  g_auto(IcImportRun) run = { 0 };
  g_autoptr(IcCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean written;

  g_return_val_if_fail (IC_IS_IMPORT (self), NULL);
  g_return_val_if_fail (IC_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  run.self = self;
  run.kind = self->kind;
  run.store = store;
  run.progress = progress;
  run.progress_data = progress_data;
  reader = ic_csv_reader_new (stream);
  report_progress (&run, 0.0);

  if (!ic_csv_reader_read_row (reader, cancellable, &local_error))
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, IC_IO_ERROR, IC_IO_ERROR_EMPTY,
                             _("The file is empty; its first row should name the columns"));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  run.mapping = mapping_for_header (self, ic_csv_reader_get_fields (reader), error);
  if (run.mapping == NULL ||
      !ic_import_mapping_apply_overrides (run.mapping, self->overrides, error) ||
      !ic_import_mapping_check (run.mapping, error))
    return NULL;
  ic_csv_reader_set_column_names (reader, ic_csv_reader_get_fields (reader));
  run.report = ic_import_report_new (run.mapping, self->dry_run);

  /* Which rows are new and which update a record is decided from what
   * the store holds: read inside the write that follows, so that two
   * imports of one file at once cannot both find a row new. */
  if (!self->dry_run && !ic_store_begin_write (store, error))
    return NULL;
  written = import_rows (&run, reader, size, cancellable, error);
  if (!self->dry_run && !ic_store_end_write (store, written, written ? error : NULL))
    return NULL;
  if (!written)
    return NULL;
  report_progress (&run, 1.0);

  return g_steal_pointer (&run.report);
}

IcImportReport *
ic_import_run (IcImport      *self,
               IcStore       *store,
               GInputStream  *stream,
               goffset        size,
               GCancellable  *cancellable,
               GError       **error)
{
  return run_import (self, store, stream, size, self->progress, self->progress_data,
                     cancellable, error);
}

static IcImportReport *
run_file (IcImport        *self,
          IcStore         *store,
          GFile           *file,
          IcProgressFunc   progress,
          gpointer         progress_data,
          GCancellable    *cancellable,
          GError         **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  goffset size = -1;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL)
    size = g_file_info_get_size (info);
  return run_import (self, store, G_INPUT_STREAM (stream), size, progress, progress_data,
                     cancellable, error);
}

IcImportReport *
ic_import_run_file (IcImport      *self,
                    IcStore       *store,
                    GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_return_val_if_fail (IC_IS_IMPORT (self), NULL);

  return run_file (self, store, file, self->progress, self->progress_data, cancellable, error);
}

typedef struct
{
  char            *db_path;
  GFile           *file;
  IcProgressRelay *relay;
} AsyncData;

static void
async_data_free (gpointer data)
{
  AsyncData *async = data;

  g_free (async->db_path);
  g_clear_object (&async->file);
  ic_progress_relay_free (async->relay);
  g_free (async);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  IcImport *self = source_object;
  AsyncData *async = task_data;
  g_autoptr(IcStore) store = NULL;
  g_autoptr(GError) error = NULL;
  IcImportReport *report;

  store = ic_store_open (async->db_path, IC_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  report = run_file (self, store, async->file,
                     async->relay != NULL ? ic_progress_relay_report : NULL, async->relay,
                     cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, g_object_unref);
}

void
ic_import_run_async (IcImport            *self,
                     const char          *db_path,
                     GFile               *file,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *async;

  g_return_if_fail (IC_IS_IMPORT (self));
  g_return_if_fail (db_path != NULL);
  g_return_if_fail (G_IS_FILE (file));

  async = g_new0 (AsyncData, 1);
  async->db_path = g_strdup (db_path);
  async->file = g_object_ref (file);

  /* The worker reports through a relay to this thread's main context. */
  if (self->progress != NULL)
    async->relay = ic_progress_relay_new (self->progress, self->progress_data);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ic_import_run_async);
  /* A cancel that comes once the write has begun is too late to stop
   * it; the caller then gets the report of what was written, not an
   * error that would say nothing was. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, async, async_data_free);
  g_task_run_in_thread (task, run_in_thread);
}

IcImportReport *
ic_import_run_finish (IcImport      *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (IC_IS_IMPORT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
