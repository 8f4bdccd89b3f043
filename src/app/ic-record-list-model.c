/* ic-record-list-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-record-list-model.h"

/* Enough pages for a tall window scrolled back and forth a little. */
#define MAX_CACHED_PAGES 8

struct _IcRecordListModel
{
  GObject       parent_instance;

  IcStore      *store;
  IcRecordKind  kind;
  IcStoreQuery *query;

  guint         n_items;
  GHashTable   *pages;        /* page number -> GPtrArray of IcRecord */
  GQueue        recent;       /* page numbers, most recent first */
  guint         n_page_reads;
};

static void ic_record_list_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IcRecordListModel, ic_record_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ic_record_list_model_list_model_init))

static GType
ic_record_list_model_get_item_type (GListModel *model)
{
  return ic_record_kind_get_record_type (IC_RECORD_LIST_MODEL (model)->kind);
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

static GPtrArray *
get_page (IcRecordListModel *self,
          guint              page)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records;

  records = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (records == NULL)
    {
      records = ic_store_list (self->store, self->kind, self->query,
                               page * IC_RECORD_LIST_PAGE_SIZE, IC_RECORD_LIST_PAGE_SIZE,
                               &error);
      self->n_page_reads++;
      if (records == NULL)
        {
          g_warning ("Cannot read %s records %u–%u: %s",
                     ic_record_kind_to_string (self->kind),
                     page * IC_RECORD_LIST_PAGE_SIZE,
                     (page + 1) * IC_RECORD_LIST_PAGE_SIZE - 1, error->message);
          records = g_ptr_array_new_with_free_func (g_object_unref);
        }
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), records);
    }
  touch_page (self, page);
  return records;
}

static gpointer
ic_record_list_model_get_item (GListModel *model,
                               guint       position)
{
  IcRecordListModel *self = IC_RECORD_LIST_MODEL (model);
  GPtrArray *records;
  guint index = position % IC_RECORD_LIST_PAGE_SIZE;

  if (position >= self->n_items)
    return NULL;

  records = get_page (self, position / IC_RECORD_LIST_PAGE_SIZE);
  /* The data may have shrunk under us; the next reload tells the view. */
  if (index >= records->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (records, index));
}

static void
ic_record_list_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ic_record_list_model_get_item_type;
  iface->get_n_items = ic_record_list_model_get_n_items;
  iface->get_item = ic_record_list_model_get_item;
}

static void
ic_record_list_model_finalize (GObject *object)
{
  IcRecordListModel *self = IC_RECORD_LIST_MODEL (object);

  g_clear_object (&self->store);
  g_clear_object (&self->query);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->recent);

  G_OBJECT_CLASS (ic_record_list_model_parent_class)->finalize (object);
}

static void
ic_record_list_model_class_init (IcRecordListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_record_list_model_finalize;
}

static void
ic_record_list_model_init (IcRecordListModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->recent);
  self->query = ic_store_query_new ();
}

IcRecordListModel *
ic_record_list_model_new (IcStore      *store,
                          IcRecordKind  kind)
{
  IcRecordListModel *self;

  g_return_val_if_fail (IC_IS_STORE (store), NULL);

  self = g_object_new (IC_TYPE_RECORD_LIST_MODEL, NULL);
  self->store = g_object_ref (store);
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

gboolean
ic_record_list_model_reload (IcRecordListModel  *self,
                             GError            **error)
{
  guint old_n_items;
  gint64 count;
  gboolean ok = TRUE;

  g_return_val_if_fail (IC_IS_RECORD_LIST_MODEL (self), FALSE);

  old_n_items = self->n_items;
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);

  count = ic_store_count (self->store, self->kind, self->query, error);
  if (count < 0)
    {
      count = 0;
      ok = FALSE;
    }
  self->n_items = (guint) MIN (count, (gint64) G_MAXUINT);

  if (old_n_items > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
  return ok;
}

guint
ic_record_list_model_get_n_page_reads (IcRecordListModel *self)
{
  g_return_val_if_fail (IC_IS_RECORD_LIST_MODEL (self), 0);
  return self->n_page_reads;
}
