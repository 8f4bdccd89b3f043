/* ic-record-list-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-record-list-model.h"
#include "ic-record-reader.h"
#include "ic-record-row.h"

/* Enough pages for a tall window scrolled back and forth a little. */
#define MAX_CACHED_PAGES 8
/* Rows a view holds that go when the list shrinks, a frame's worth at a
 * time (see drain_rows()). */
#define DRAIN_ROWS      8
#define DRAIN_PERIOD_MS 16

struct _IcRecordListModel
{
  GObject         parent_instance;

  IcStoreService *service;
  IcRecordReader *reader;
  IcRecordKind    kind;
  IcStoreQuery   *query;

  guint           n_items;      /* as the view knows it: n_results, then blank rows draining */
  guint           n_results;    /* the records the query selects */
  guint           drain_source;
  gboolean        any;
  GHashTable     *pages;        /* page number -> GPtrArray of IcRecord */
  GHashTable     *reading;      /* page numbers being read */
  GQueue          recent;       /* page numbers, most recent first */
  GHashTable     *rows;         /* position -> IcRecordRow, unowned: the rows a view holds */
  GHashTable     *names;        /* organisation id -> name */
  GCancellable   *cancellable;  /* of the reads since the last reload */
  guint           n_page_reads;
};

static void ic_record_list_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IcRecordListModel, ic_record_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ic_record_list_model_list_model_init))

static GType
ic_record_list_model_get_item_type (GListModel *model)
{
  return IC_TYPE_RECORD_ROW;
}

static guint
ic_record_list_model_get_n_items (GListModel *model)
{
  return IC_RECORD_LIST_MODEL (model)->n_items;
}

static void
touch_page (IcRecordListModel *self,
            guint              page)
{
  GList *link = g_queue_find (&self->recent, GUINT_TO_POINTER (page));

  if (link != NULL)
    g_queue_unlink (&self->recent, link);
  else
    link = g_list_alloc ();
  link->data = GUINT_TO_POINTER (page);
  g_queue_push_head_link (&self->recent, link);

  while (self->recent.length > MAX_CACHED_PAGES)
    {
      guint oldest = GPOINTER_TO_UINT (g_queue_pop_tail (&self->recent));

      g_hash_table_remove (self->pages, GUINT_TO_POINTER (oldest));
    }
}

static void
merge_names (IcRecordListModel *self,
             GHashTable        *names)
{
  GHashTableIter iter;
  gpointer id, name;

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &id, &name))
    g_hash_table_replace (self->names, g_strdup (id), g_strdup (name));
}

static gboolean
is_row (gpointer key,
        gpointer value,
        gpointer user_data)
{
  return value == user_data;
}

/* A view let go of a row. */
static void
on_row_finalized (gpointer  user_data,
                  GObject  *where_the_object_was)
{
  IcRecordListModel *self = user_data;

  g_hash_table_foreach_remove (self->rows, is_row, where_the_object_was);
}

static void
forget_row (IcRecordListModel *self,
            IcRecordRow       *row)
{
  g_object_weak_unref (G_OBJECT (row), on_row_finalized, self);
  g_hash_table_remove (self->rows, GUINT_TO_POINTER (ic_record_row_get_position (row)));
}

/* The rows a view holds, in no order (transfer container). */
static GPtrArray *
live_rows (IcRecordListModel *self)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    g_ptr_array_add (rows, g_object_ref (row));
  return rows;
}

static void on_page_read (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data);

/* The record at @position if its page is read; otherwise NULL, and the
 * page is read in a worker unless it already is. */
static IcRecord *
record_at (IcRecordListModel *self,
           guint              position)
{
  guint page = position / IC_RECORD_LIST_PAGE_SIZE;
  guint index = position % IC_RECORD_LIST_PAGE_SIZE;
  GPtrArray *records;

  if (position >= self->n_results)
    return NULL;
  records = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (records == NULL)
    {
      if (g_hash_table_add (self->reading, GUINT_TO_POINTER (page)))
        {
          self->n_page_reads++;
          ic_record_reader_read_async (self->reader, self->kind, self->query, page,
                                       IC_RECORD_LIST_PAGE_SIZE, FALSE, self->cancellable,
                                       on_page_read, g_object_ref (self));
        }
      return NULL;
    }
  touch_page (self, page);
  /* Fewer records than counted: blank until the next reload. */
  return index < records->len ? g_ptr_array_index (records, index) : NULL;
}

static void
on_page_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(IcRecordListModel) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecordPage) page = ic_record_reader_read_finish (result, &error);
  g_autoptr(GPtrArray) rows = NULL;

  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (page == NULL)
    {
      g_warning ("Cannot read a page of %s records: %s", ic_record_kind_to_string (self->kind),
                 error->message);
      return;
    }

  g_hash_table_remove (self->reading, GUINT_TO_POINTER (page->page));
  merge_names (self, page->names);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page->page), g_steal_pointer (&page->records));
  touch_page (self, page->page);
  /* The rows on show fill in where they are: no items-changed, so the
   * view keeps their widgets. */
  rows = live_rows (self);
  for (guint i = 0; i < rows->len; i++)
    {
      IcRecordRow *row = g_ptr_array_index (rows, i);
      guint position = ic_record_row_get_position (row);

      if (position / IC_RECORD_LIST_PAGE_SIZE == page->page)
        ic_record_row_set_record (row, record_at (self, position));
    }
}

static gpointer
ic_record_list_model_get_item (GListModel *model,
                               guint       position)
{
  IcRecordListModel *self = IC_RECORD_LIST_MODEL (model);
  IcRecordRow *row;

  if (position >= self->n_items)
    return NULL;

  row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position));
  if (row != NULL)
    return g_object_ref (row);

  row = ic_record_row_new (position);
  ic_record_row_set_record (row, record_at (self, position));
  g_object_weak_ref (G_OBJECT (row), on_row_finalized, self);
  g_hash_table_insert (self->rows, GUINT_TO_POINTER (position), row);
  return row;
}

static void
ic_record_list_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ic_record_list_model_get_item_type;
  iface->get_n_items = ic_record_list_model_get_n_items;
  iface->get_item = ic_record_list_model_get_item;
}

static void
ic_record_list_model_dispose (GObject *object)
{
  IcRecordListModel *self = IC_RECORD_LIST_MODEL (object);

  g_autoptr(GPtrArray) rows = live_rows (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->drain_source, g_source_remove);
  /* The rows may outlive the model in a view. */
  for (guint i = 0; i < rows->len; i++)
    forget_row (self, g_ptr_array_index (rows, i));
  G_OBJECT_CLASS (ic_record_list_model_parent_class)->dispose (object);
}

static void
ic_record_list_model_finalize (GObject *object)
{
  IcRecordListModel *self = IC_RECORD_LIST_MODEL (object);

  g_clear_object (&self->service);
  g_clear_pointer (&self->reader, ic_record_reader_unref);
  g_clear_object (&self->query);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->reading, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_queue_clear (&self->recent);

  G_OBJECT_CLASS (ic_record_list_model_parent_class)->finalize (object);
}

static void
ic_record_list_model_class_init (IcRecordListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ic_record_list_model_dispose;
  G_OBJECT_CLASS (klass)->finalize = ic_record_list_model_finalize;
}

static void
ic_record_list_model_init (IcRecordListModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->reading = g_hash_table_new (NULL, NULL);
  self->rows = g_hash_table_new (NULL, NULL);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_queue_init (&self->recent);
  self->query = ic_store_query_new ();
  self->cancellable = g_cancellable_new ();
}

IcRecordListModel *
ic_record_list_model_new (IcStoreService *service,
                          IcRecordKind    kind)
{
  IcRecordListModel *self;

  g_return_val_if_fail (IC_IS_STORE_SERVICE (service), NULL);

  self = g_object_new (IC_TYPE_RECORD_LIST_MODEL, NULL);
  self->service = g_object_ref (service);
  self->reader = ic_record_reader_new (service);
  self->kind = kind;
  return self;
}

IcRecordKind
ic_record_list_model_get_kind (IcRecordListModel *self)
{
  g_return_val_if_fail (IC_IS_RECORD_LIST_MODEL (self), 0);
  return self->kind;
}

IcStoreQuery *
ic_record_list_model_get_query (IcRecordListModel *self)
{
  g_return_val_if_fail (IC_IS_RECORD_LIST_MODEL (self), NULL);
  return self->query;
}

/* Takes the blank rows left past the end of the results off the list
 * a few at a time: each a view holds is a row of widgets to destroy,
 * and GTK 4.8 keeps some 200 of them, which took a frame of over 100 ms
 * when a search found nothing. */
static gboolean
drain_rows (gpointer user_data)
{
  IcRecordListModel *self = user_data;
  g_autoptr(GPtrArray) rows = NULL;
  guint n;

  if (self->n_items <= self->n_results)
    {
      self->drain_source = 0;
      return G_SOURCE_REMOVE;
    }

  n = MIN (DRAIN_ROWS, self->n_items - self->n_results);
  self->n_items -= n;
  rows = live_rows (self);
  for (guint i = 0; i < rows->len; i++)
    if (ic_record_row_get_position (g_ptr_array_index (rows, i)) >= self->n_items)
      forget_row (self, g_ptr_array_index (rows, i));
  g_list_model_items_changed (G_LIST_MODEL (self), self->n_items, n, 0);
  return G_SOURCE_CONTINUE;
}

static void
on_reloaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IcRecordListModel *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecordPage) page = ic_record_reader_read_finish (result, &error);
  g_autoptr(GPtrArray) rows = NULL;
  guint old_n_items = self->n_items;

  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "A newer reload replaced this one");
      return;
    }

  /* Forget the old query's pages, but not the rows: a view holds them,
   * and each takes the record now at its position in place.  Only the
   * difference in length is an items-changed, at the end, so the rows
   * on show keep their widgets.  (Removing every item and adding the
   * new ones made GTK destroy and build every row on show, each cell a
   * widget and an accessible object; one change that both removed and
   * added them made it read every added item.) */
  g_hash_table_remove_all (self->pages);
  g_hash_table_remove_all (self->reading);
  g_queue_clear (&self->recent);
  g_hash_table_remove_all (self->names);

  self->n_results = page != NULL ? page->n_items : 0;
  self->any = page != NULL && page->any;
  if (page != NULL)
    {
      merge_names (self, page->names);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (0), g_steal_pointer (&page->records));
      touch_page (self, 0);
    }

  /* A shorter list keeps the rows a view holds past its end for now,
   * blank, and lets them go a few at a time. */
  rows = live_rows (self);
  self->n_items = self->n_results;
  for (guint i = 0; i < rows->len; i++)
    {
      guint position = ic_record_row_get_position (g_ptr_array_index (rows, i));

      if (position < old_n_items)
        self->n_items = MAX (self->n_items, position + 1);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      IcRecordRow *row = g_ptr_array_index (rows, i);
      guint position = ic_record_row_get_position (row);

      if (position < self->n_items)
        ic_record_row_set_record (row, record_at (self, position));
      else
        forget_row (self, row);
    }

  if (self->n_items < old_n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), self->n_items, old_n_items - self->n_items, 0);
  else if (self->n_items > old_n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n_items, 0, self->n_items - old_n_items);
  if (self->n_items > self->n_results && self->drain_source == 0)
    self->drain_source = g_timeout_add (DRAIN_PERIOD_MS, drain_rows, self);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
cancel_reads (GCancellable *cancellable,
              GCancellable *reads)
{
  g_cancellable_cancel (reads);
}

void
ic_record_list_model_reload_async (IcRecordListModel   *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (IC_IS_RECORD_LIST_MODEL (self));

  /* Every read under way is for the old query: drop them. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    g_cancellable_connect (cancellable, G_CALLBACK (cancel_reads),
                           g_object_ref (self->cancellable), g_object_unref);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ic_record_list_model_reload_async);
  self->n_page_reads++;
  ic_record_reader_read_async (self->reader, self->kind, self->query, 0,
                               IC_RECORD_LIST_PAGE_SIZE, TRUE, self->cancellable,
                               on_reloaded, g_steal_pointer (&task));
}

gboolean
ic_record_list_model_reload_finish (IcRecordListModel  *self,
                                    GAsyncResult       *result,
                                    GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

guint
ic_record_list_model_get_n_results (IcRecordListModel *self)
{
  g_return_val_if_fail (IC_IS_RECORD_LIST_MODEL (self), 0);
  return self->n_results;
}

gboolean
ic_record_list_model_get_any (IcRecordListModel *self)
{
  g_return_val_if_fail (IC_IS_RECORD_LIST_MODEL (self), FALSE);
  return self->any;
}

const char *
ic_record_list_model_get_organisation_name (IcRecordListModel *self,
                                            const char        *id)
{
  g_return_val_if_fail (IC_IS_RECORD_LIST_MODEL (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->names, id) : NULL;
}

guint
ic_record_list_model_get_n_page_reads (IcRecordListModel *self)
{
  g_return_val_if_fail (IC_IS_RECORD_LIST_MODEL (self), 0);
  return self->n_page_reads;
}
