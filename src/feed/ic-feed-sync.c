/* ic-feed-sync.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run is a chain of steps on the main context, alternating with work
 * in a worker thread:
 *
 *   open store, first batch ─┬─ batch? push → apply results, next batch ─┐
 *                            │           ^──────────────────────────────┘
 *                            └─ no batch: pull page → apply page ─ more? ─┐
 *                                         ^───────────────────────────────┘
 *                                         done: retry waiting records, count the outbox
 *
 * Every loop is bounded: by the outbox (acknowledged entries go) or the
 * server's cursor (it must move forward), and by a count.  Pages are
 * fetched while earlier ones are written, and those that came meanwhile
 * are written together.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-feed-enums.h"
#include "ic-feed-error.h"
#include "ic-feed-sync.h"
#include "ic-store.h"

#define MAX_BATCHES 100000
#define MAX_PAGES   1000000
/* Pages are written several at a time, in one transaction: a page's
 * thousand random keys dirty many of the B-tree pages the next page's
 * do, so together they cost less.  The writer waits for this many while
 * more are being fetched, and takes at most what may be fetched ahead. */
#define MIN_PAGES_TOGETHER 4
#define MAX_PAGES_AHEAD    8

struct _IcFeedSync
{
  GObject          parent_instance;

  IcFeedClient    *client;
  char            *db_path;
  IcFeedSyncState  state;
  char            *message;
  GDateTime       *last_synced;
  gboolean         running;
};

G_DEFINE_FINAL_TYPE (IcFeedSync, ic_feed_sync, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CLIENT,
  PROP_DB_PATH,
  PROP_STATE,
  PROP_MESSAGE,
  PROP_LAST_SYNCED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  IcStore            *store;      /* worker threads only, one at a time */
  char               *db_path;
  char               *feed_url;
  IcFeedSyncCounts    counts;
  IcFeedOutboxBatch  *batch;
  IcFeedPushResponse *response;
  IcFeedPage         *page;       /* being applied: the pages fetched, joined */
  GQueue              fetched;    /* (element-type IcFeedPage): waiting to be applied */
  GError             *fetch_error;   /* applied once the pages before it are */
  GError             *pending_error; /* a failure waiting for the fetch in flight */
  gboolean            fetching;
  gboolean            applying;
  gboolean            more;       /* the last page fetched says more follow */
  gint64              cursor;     /* applied */
  gint64              fetched_seq; /* where the fetch in flight, or the next, starts */
  char               *feed_id;
  gboolean            restarted;  /* the feed's log was replaced; pulled again from 0 */
  guint               n_batches;
  guint               n_pages;
  char               *cursor_hash; /* the chain hash at the stored cursor */
  gboolean            hash_sent;   /* the first pull of the run named it */
  gboolean            heal_pending; /* a heal cut short goes on first */
  gboolean            healed;      /* once a run at most */
  GPtrArray          *heal_chunk;  /* (element-type IcChange) being asked about */
  GPtrArray          *heal_missing; /* (element-type IcFeedRev) the server's answer */
  gint64              acked_seq;   /* accepted in an earlier sync, not pulled past since */
  char               *acked_chain;
  gboolean            probed;      /* … and checked in this one */
  gboolean            gzip_known;  /* the feed said before that it takes gzip */
  gboolean            gzip_now;    /* … and in this run */
} Run;

static void
run_free (Run *run)
{
  g_clear_object (&run->store);
  g_free (run->db_path);
  g_free (run->feed_url);
  g_clear_pointer (&run->batch, ic_feed_outbox_batch_free);
  g_clear_pointer (&run->response, ic_feed_push_response_free);
  g_clear_pointer (&run->page, ic_feed_page_free);
  g_queue_clear_full (&run->fetched, (GDestroyNotify) ic_feed_page_free);
  g_clear_error (&run->fetch_error);
  g_clear_error (&run->pending_error);
  g_free (run->feed_id);
  g_free (run->cursor_hash);
  g_free (run->acked_chain);
  g_clear_pointer (&run->heal_chunk, g_ptr_array_unref);
  g_clear_pointer (&run->heal_missing, g_ptr_array_unref);
  g_free (run);
}

static void
set_state (IcFeedSync      *self,
           IcFeedSyncState  state,
           const char      *message)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_retrying (IcFeedClient *client,
             guint         attempt,
             guint         delay_ms,
             const char   *reason,
             IcFeedSync   *self)
{
  g_autofree char *message = NULL;

  if (!self->running)
    return;
  message = g_strdup_printf (_("%s — trying again in %.1f s"), reason, delay_ms / 1000.0);
  set_state (self, IC_FEED_SYNC_STATE_SYNCING, message);
}

static void
ic_feed_sync_constructed (GObject *object)
{
  IcFeedSync *self = IC_FEED_SYNC (object);

  G_OBJECT_CLASS (ic_feed_sync_parent_class)->constructed (object);

  g_return_if_fail (self->client != NULL && self->db_path != NULL);
  g_signal_connect_object (self->client, "retrying", G_CALLBACK (on_retrying), self, 0);
}

static void
ic_feed_sync_finalize (GObject *object)
{
  IcFeedSync *self = IC_FEED_SYNC (object);

  g_clear_object (&self->client);
  g_free (self->db_path);
  g_free (self->message);
  g_clear_pointer (&self->last_synced, g_date_time_unref);

  G_OBJECT_CLASS (ic_feed_sync_parent_class)->finalize (object);
}

static void
ic_feed_sync_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  IcFeedSync *self = IC_FEED_SYNC (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_DB_PATH:
      g_value_set_string (value, self->db_path);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_LAST_SYNCED:
      g_value_set_boxed (value, self->last_synced);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_feed_sync_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  IcFeedSync *self = IC_FEED_SYNC (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_DB_PATH:
      self->db_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_feed_sync_class_init (IcFeedSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ic_feed_sync_constructed;
  object_class->finalize = ic_feed_sync_finalize;
  object_class->get_property = ic_feed_sync_get_property;
  object_class->set_property = ic_feed_sync_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, IC_TYPE_FEED_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DB_PATH] =
    g_param_spec_string ("db-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, IC_TYPE_FEED_SYNC_STATE, IC_FEED_SYNC_STATE_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SYNCED] =
    g_param_spec_boxed ("last-synced", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ic_feed_sync_init (IcFeedSync *self)
{
  self->state = IC_FEED_SYNC_STATE_IDLE;
}

IcFeedSync *
ic_feed_sync_new (IcFeedClient *client,
                  const char   *db_path)
{
  g_return_val_if_fail (IC_IS_FEED_CLIENT (client), NULL);
  g_return_val_if_fail (db_path != NULL, NULL);

  return g_object_new (IC_TYPE_FEED_SYNC, "client", client, "db-path", db_path, NULL);
}

IcFeedClient *
ic_feed_sync_get_client (IcFeedSync *self)
{
  g_return_val_if_fail (IC_IS_FEED_SYNC (self), NULL);
  return self->client;
}

IcFeedSyncState
ic_feed_sync_get_state (IcFeedSync *self)
{
  g_return_val_if_fail (IC_IS_FEED_SYNC (self), IC_FEED_SYNC_STATE_IDLE);
  return self->state;
}

const char *
ic_feed_sync_get_message (IcFeedSync *self)
{
  g_return_val_if_fail (IC_IS_FEED_SYNC (self), NULL);
  return self->message;
}

GDateTime *
ic_feed_sync_get_last_synced (IcFeedSync *self)
{
  g_return_val_if_fail (IC_IS_FEED_SYNC (self), NULL);
  return self->last_synced;
}

/* The end of a run */

static void
run_succeeded (GTask *task)
{
  IcFeedSync *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autofree char *message = NULL;

  self->running = FALSE;
  g_clear_pointer (&self->last_synced, g_date_time_unref);
  self->last_synced = g_date_time_new_now_local ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNCED]);

  if (run->counts.conflicts + run->counts.rejected > 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Synced; %u conflict to resolve",
                                            "Synced; %u conflicts to resolve",
                                            run->counts.conflicts + run->counts.rejected),
                               run->counts.conflicts + run->counts.rejected);
  else
    message = g_strdup (_("Synced"));
  set_state (self, IC_FEED_SYNC_STATE_SYNCED, message);
  g_task_return_boolean (task, TRUE);
}

/* Takes @error. */
static void
run_failed (GTask  *task,
            GError *error)
{
  IcFeedSync *self = g_task_get_source_object (task);
  g_autofree char *message = NULL;

  self->running = FALSE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_state (self, IC_FEED_SYNC_STATE_IDLE, _("Sync cancelled"));
  else if (ic_feed_error_is_transient (error))
    {
      message = g_strdup_printf (_("Offline: %s"), error->message);
      set_state (self, IC_FEED_SYNC_STATE_OFFLINE, message);
    }
  else
    set_state (self, IC_FEED_SYNC_STATE_ERROR, error->message);
  g_task_return_error (task, error);
}

/* Worker steps */

typedef gboolean (*StepFunc) (Run     *run,
                              GError **error);

static void
step_thread (GTask        *step,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GTask *task = task_data;
  StepFunc func = g_object_get_data (G_OBJECT (step), "step-func");
  GError *error = NULL;

  if (func (g_task_get_task_data (task), &error))
    g_task_return_boolean (step, TRUE);
  else
    g_task_return_error (step, error);
}

/* Runs @func in a worker thread, then @done on the main context with the
 * run's task as user data. */
static void
run_step (GTask               *task,
          StepFunc             func,
          GAsyncReadyCallback  done)
{
  g_autoptr(GTask) step = g_task_new (g_task_get_source_object (task), NULL, done, g_object_ref (task));

  g_task_set_task_data (step, task, NULL);
  g_task_set_name (step, "ic-feed-sync-step");
  g_object_set_data (G_OBJECT (step), "step-func", func);
  g_task_run_in_thread (step, step_thread);
}

static gboolean
open_step (Run     *run,
           GError **error)
{
  g_autoptr(GError) local_error = NULL;

  run->store = ic_store_open (run->db_path, IC_STORE_OPEN_DEFAULT, error);
  if (run->store == NULL ||
      !ic_feed_local_load_cursor (run->store, run->feed_url, &run->cursor, &run->feed_id, error))
    return FALSE;
  run->counts.cursor = run->cursor;
  run->cursor_hash = ic_feed_local_load_cursor_hash (run->store);
  run->heal_pending = ic_feed_local_is_healing (run->store);
  ic_feed_local_load_acked (run->store, &run->acked_seq, &run->acked_chain);
  {
    g_autofree char *gzip = ic_store_get_setting (run->store, IC_FEED_SETTING_GZIP);
    run->gzip_known = g_strcmp0 (gzip, "1") == 0;
  }

  run->batch = ic_feed_local_next_batch (run->store, IC_FEED_MAX_BODY_BYTES, IC_FEED_MAX_BATCH,
                                         &run->counts, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
results_step (Run     *run,
              GError **error)
{
  g_autoptr(IcFeedOutboxBatch) batch = g_steal_pointer (&run->batch);
  g_autoptr(IcFeedPushResponse) response = g_steal_pointer (&run->response);
  g_autoptr(GError) local_error = NULL;

  if (!ic_feed_local_apply_results (run->store, batch, response, &run->counts, error))
    return FALSE;

  run->batch = ic_feed_local_next_batch (run->store, IC_FEED_MAX_BODY_BYTES, IC_FEED_MAX_BATCH,
                                         &run->counts, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* Acknowledged entries are gone, so a batch that starts where the last
   * one did means the outbox did not move. */
  if (run->batch != NULL && run->batch->up_to_seq <= batch->up_to_seq)
    {
      g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL,
                   _("The outbox did not move forward; stopping"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
page_step (Run     *run,
           GError **error)
{
  g_autoptr(IcFeedPage) page = g_steal_pointer (&run->page);

  return ic_feed_local_apply_page (run->store, page, &run->counts, error);
}

static gboolean
finish_step (Run     *run,
             GError **error)
{
  if (run->gzip_now && !run->gzip_known &&
      !ic_store_set_setting (run->store, IC_FEED_SETTING_GZIP, "1", error))
    return FALSE;
  /* The pull went to the end of the log after every push, or checked
   * what an earlier sync could not pull. */
  if (!ic_feed_local_clear_acked (run->store, error))
    return FALSE;
  if (!ic_feed_local_retry_waiting (run->store, &run->counts, error) ||
      !ic_feed_local_retry_quarantine (run->store, &run->counts, error))
    return FALSE;
  run->counts.outbox = ic_feed_local_count_outbox (run->store, error);
  if (run->counts.outbox < 0)
    return FALSE;
  g_clear_object (&run->store);
  return TRUE;
}

static gboolean
begin_heal_step (Run     *run,
                 GError **error)
{
  if (!ic_feed_local_begin_heal (run->store, error))
    return FALSE;
  run->heal_chunk = ic_feed_local_next_heal_chunk (run->store, IC_FEED_MAX_REVS, error);
  return run->heal_chunk != NULL;
}

static gboolean
heal_chunk_step (Run     *run,
                 GError **error)
{
  g_clear_pointer (&run->heal_chunk, g_ptr_array_unref);
  run->heal_chunk = ic_feed_local_next_heal_chunk (run->store, IC_FEED_MAX_REVS, error);
  return run->heal_chunk != NULL;
}

static gboolean
queue_missing_step (Run     *run,
                    GError **error)
{
  g_autoptr(GPtrArray) missing = g_steal_pointer (&run->heal_missing);

  if (!ic_feed_local_queue_missing (run->store, run->heal_chunk, missing, &run->counts, error))
    return FALSE;
  return heal_chunk_step (run, error);
}

/* Every record was offered: pull the whole log, after pushing what the
 * server lacked. */
static gboolean
end_heal_step (Run     *run,
               GError **error)
{
  g_autoptr(GError) local_error = NULL;

  g_clear_pointer (&run->heal_chunk, g_ptr_array_unref);
  if (!ic_store_set_setting (run->store, IC_FEED_SETTING_HEAL, NULL, error))
    return FALSE;
  run->cursor = 0;
  run->counts.cursor = 0;
  g_clear_pointer (&run->cursor_hash, g_free);
  run->counts.healed = TRUE;

  g_clear_pointer (&run->batch, ic_feed_outbox_batch_free);
  run->batch = ic_feed_local_next_batch (run->store, IC_FEED_MAX_BODY_BYTES, IC_FEED_MAX_BATCH,
                                         &run->counts, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* The main-context side */

static void push_or_pull (GTask *task);
static void fetch (GTask  *task,
                   gint64  since);

static gboolean
step_succeeded (GAsyncResult *result,
                GTask        *task,
                GError      **error)
{
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  return !g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), error);
}

static void on_batch_ready (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data);
static void on_heal_chunk (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data);

static void
on_revs_diff (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  GError *error = NULL;

  run->heal_missing = ic_feed_client_revs_diff_finish (IC_FEED_CLIENT (source), result, &error);
  if (run->heal_missing == NULL)
    {
      run_failed (task, error);
      return;
    }
  run_step (task, queue_missing_step, on_heal_chunk);
}

/* Asks the server about the chunk of records read, or ends the heal. */
static void
on_heal_chunk (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IcFeedSync *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GPtrArray) revs = NULL;
  GError *error = NULL;

  if (!step_succeeded (result, task, &error))
    {
      run_failed (task, error);
      return;
    }
  if (run->heal_chunk->len == 0)
    {
      run_step (task, end_heal_step, on_batch_ready);
      return;
    }

  revs = g_ptr_array_new_full (run->heal_chunk->len, (GDestroyNotify) ic_feed_rev_free);
  for (guint i = 0; i < run->heal_chunk->len; i++)
    {
      IcChange *revision = g_ptr_array_index (run->heal_chunk, i);
      IcFeedRev *rev = g_new0 (IcFeedRev, 1);

      rev->id = g_strdup (revision->record_id);
      rev->rev = revision->rev;
      g_ptr_array_add (revs, rev);
    }
  ic_feed_client_revs_diff_async (self->client, revs, g_task_get_cancellable (task), on_revs_diff,
                                  g_object_ref (task));
}

static void
on_finished (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!step_succeeded (result, task, &error))
    run_failed (task, error);
  else
    run_succeeded (task);
}

static void apply_fetched (GTask *task);

static void
on_page_applied (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  GError *error = NULL;

  run->applying = FALSE;
  run->cursor = run->counts.cursor;
  if (!step_succeeded (result, task, &error))
    {
      if (run->fetching)
        run->pending_error = error;
      else
        run_failed (task, error);
      return;
    }
  apply_fetched (task);
}

/* Whether @page, the answer to a fetch from run->fetched_seq, may be
 * applied.  Sets @restart when the feed's log was replaced and the run
 * pulls it again from its top. */
static gboolean
check_page (Run         *run,
            IcFeedPage  *page,
            gboolean    *restart,
            GError     **error)
{
  *restart = FALSE;
  if (run->feed_id != NULL && g_strcmp0 (page->feed_id, run->feed_id) != 0)
    {
      /* Another log behind the same address: start again from its top,
       * once, and not with pages of the old one still to apply (the
       * next sync starts from the top). */
      if (run->restarted || run->applying || !g_queue_is_empty (&run->fetched))
        {
          g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL,
                       _("The feed changed its identity during the sync"));
          return FALSE;
        }
      run->restarted = TRUE;
      g_free (run->feed_id);
      run->feed_id = g_strdup (page->feed_id);
      if (run->fetched_seq > 0)
        {
          *restart = TRUE;
          return TRUE;
        }
    }
  if (run->feed_id == NULL)
    run->feed_id = g_strdup (page->feed_id);

  if ((page->changes->len > 0 || page->more) && page->last_seq <= run->fetched_seq)
    {
      g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL,
                   _("The feed’s cursor did not move forward"));
      return FALSE;
    }
  if (++run->n_pages > MAX_PAGES)
    {
      g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL,
                   _("Too many pages in one sync; sync again"));
      return FALSE;
    }
  return TRUE;
}

/* Fetches the next page, unless enough are waiting already. */
static void
fetch_ahead (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  if (!run->fetching && run->more && run->fetch_error == NULL &&
      g_queue_get_length (&run->fetched) < MAX_PAGES_AHEAD)
    fetch (task, run->fetched_seq);
}

static void
on_probed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(IcFeedPage) page = NULL;
  GError *error = NULL;

  page = ic_feed_client_get_changes_finish (IC_FEED_CLIENT (source), result, &error);
  if (page == NULL && g_error_matches (error, IC_FEED_ERROR, IC_FEED_ERROR_CURSOR_UNKNOWN))
    {
      /* What an earlier sync pushed is gone from the log. */
      g_clear_error (&error);
      run->healed = TRUE;
      run_step (task, begin_heal_step, on_heal_chunk);
      return;
    }
  if (page == NULL)
    {
      run_failed (task, error);
      return;
    }
  apply_fetched (task);
}

/* An earlier sync pushed changes and could not pull past them: the log
 * must still hold the newest with its chain hash. */
static void
probe_acked (GTask *task)
{
  IcFeedSync *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);

  run->probed = TRUE;
  ic_feed_client_pull_async (self->client, run->acked_seq, run->acked_chain, 1,
                             g_task_get_cancellable (task), on_probed, g_object_ref (task));
}

/* Applies the pages fetched so far, in one transaction, once enough
 * wait or no more are coming; at the end of the log, finishes the run.
 * Only while nothing is being applied. */
static void
apply_fetched (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  IcFeedPage *page;

  g_assert (!run->applying);

  if (run->fetching && g_queue_get_length (&run->fetched) < MIN_PAGES_TOGETHER)
    return;
  if (g_queue_is_empty (&run->fetched))
    {
      if (run->fetch_error != NULL)
        run_failed (task, g_steal_pointer (&run->fetch_error));
      else if (!run->fetching)
        {
          IcFeedSync *self = g_task_get_source_object (task);

          if (run->acked_seq > 0 && run->acked_chain != NULL && !run->healed && !run->probed)
            {
              probe_acked (task);
              return;
            }
          run->gzip_now = ic_feed_client_get_gzip_pushes (self->client);
          run_step (task, finish_step, on_finished);
        }
      return;
    }

  page = g_queue_pop_head (&run->fetched);
  while (!g_queue_is_empty (&run->fetched))
    ic_feed_page_append (page, g_queue_pop_head (&run->fetched));
  run->page = page;
  run->applying = TRUE;
  fetch_ahead (task);
  run_step (task, page_step, on_page_applied);
}

static void
on_page (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(IcFeedPage) page = NULL;
  GError *error = NULL;
  gboolean restart = FALSE;

  run->fetching = FALSE;
  page = ic_feed_client_get_changes_finish (IC_FEED_CLIENT (source), result, &error);

  /* The server's log lost what this laptop pulled (a restored backup):
   * offer everything it may lack, then pull it whole.  Only the run's
   * first pull names a hash, so nothing was applied yet. */
  if (page == NULL && g_error_matches (error, IC_FEED_ERROR, IC_FEED_ERROR_CURSOR_UNKNOWN) &&
      !run->healed && !run->applying && g_queue_is_empty (&run->fetched) && run->pending_error == NULL)
    {
      g_clear_error (&error);
      run->healed = TRUE;
      run_step (task, begin_heal_step, on_heal_chunk);
      return;
    }

  if (run->pending_error != NULL)
    {
      g_clear_error (&error);
      run_failed (task, g_steal_pointer (&run->pending_error));
      return;
    }

  if (page == NULL || !check_page (run, page, &restart, &error))
    run->fetch_error = error;
  else if (restart)
    {
      fetch (task, 0);
      return;
    }
  else
    {
      run->fetched_seq = page->last_seq;
      run->more = page->more;
      g_queue_push_tail (&run->fetched, g_steal_pointer (&page));
      fetch_ahead (task);
    }

  if (!run->applying)
    apply_fetched (task);
}

static void
fetch (GTask  *task,
       gint64  since)
{
  IcFeedSync *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);

  const char *hash = NULL;

  run->fetching = TRUE;
  run->fetched_seq = since;
  if (!run->hash_sent && since > 0 && since == run->cursor)
    hash = run->cursor_hash;
  run->hash_sent = TRUE;
  ic_feed_client_pull_async (self->client, since, hash, IC_FEED_MAX_PAGE,
                             g_task_get_cancellable (task), on_page, g_object_ref (task));
}

static void
on_batch_ready (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!step_succeeded (result, task, &error))
    run_failed (task, error);
  else
    push_or_pull (task);
}

static void
on_pushed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  GError *error = NULL;

  run->response = ic_feed_client_push_finish (IC_FEED_CLIENT (source), result, &error);
  if (run->response == NULL)
    {
      run_failed (task, error);
      return;
    }
  run_step (task, results_step, on_batch_ready);
}

static void
push_or_pull (GTask *task)
{
  IcFeedSync *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);

  if (run->gzip_known)
    ic_feed_client_set_gzip_pushes (self->client, TRUE);
  if (run->heal_pending)
    {
      run->heal_pending = FALSE;
      run->healed = TRUE;
      run_step (task, heal_chunk_step, on_heal_chunk);
      return;
    }
  if (run->batch == NULL)
    {
      fetch (task, run->cursor);
      return;
    }
  if (++run->n_batches > MAX_BATCHES)
    {
      run_failed (task, g_error_new (IC_FEED_ERROR, IC_FEED_ERROR_PROTOCOL,
                                     _("Too many batches in one sync; sync again")));
      return;
    }
  ic_feed_client_push_async (self->client, run->batch->body, run->batch->n_changes,
                             g_task_get_cancellable (task), on_pushed, g_object_ref (task));
}

void
ic_feed_sync_run_async (IcFeedSync          *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Run *run;

  g_return_if_fail (IC_IS_FEED_SYNC (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ic_feed_sync_run_async);
  run = g_new0 (Run, 1);
  run->db_path = g_strdup (self->db_path);
  run->feed_url = g_strdup (ic_feed_client_get_base_url (self->client));
  run->counts.outbox = -1;
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);

  if (self->running)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, _("A sync is already running"));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  self->running = TRUE;
  set_state (self, IC_FEED_SYNC_STATE_SYNCING, _("Syncing…"));
  run_step (task, open_step, on_batch_ready);
}

gboolean
ic_feed_sync_run_finish (IcFeedSync        *self,
                         GAsyncResult      *result,
                         IcFeedSyncCounts  *counts,
                         GError           **error)
{
  Run *run;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  run = g_task_get_task_data (G_TASK (result));
  if (counts != NULL)
    *counts = run->counts;
  return g_task_propagate_boolean (G_TASK (result), error);
}
