/* ic-sync-controller.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each run makes its own IcFeedClient and IcFeedSync from the settings
 * of the moment, so a new address or token takes effect on the next run
 * without any bookkeeping.  The token is read off the main thread (the
 * keyring may take a while to answer) and never leaves this file except
 * into the client's Authorization header.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-feed-enums.h"
#include "ic-feed-local.h"
#include "ic-feed-token.h"
#include "ic-store-conflicts.h"
#include "ic-sync-controller.h"

struct _IcSyncController
{
  GObject          parent_instance;

  IcStoreService  *service;
  GSettings       *settings;
  GCancellable    *cancellable;   /* of the running sync; NULL when idle */
  IcFeedSync      *sync;          /* of the running sync */
  GBinding        *state_binding; /* its state and message, shown as ours */
  GBinding        *message_binding;
  guint            interval_id;
  GDateTime       *next_try;      /* when the interval runs next; NULL if never */

  IcFeedSyncState  state;
  char            *message;
  GDateTime       *last_synced;
  guint            n_conflicts;
  gboolean         sync_again;    /* something changed on the feed during the run */
};

G_DEFINE_FINAL_TYPE (IcSyncController, ic_sync_controller, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_MESSAGE,
  PROP_LAST_SYNCED,
  PROP_N_CONFLICTS,
  PROP_BUSY,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_state_only (IcSyncController *self,
                IcFeedSyncState   state)
{
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

static void
set_message_only (IcSyncController *self,
                  const char       *message)
{
  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
}

static void
set_state (IcSyncController *self,
           IcFeedSyncState   state,
           const char       *message)
{
  g_object_freeze_notify (G_OBJECT (self));
  set_state_only (self, state);
  set_message_only (self, message);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
count_conflicts_job (GTask        *task,
                     IcStore      *store,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  gint64 edits, rejected;

  edits = ic_store_count_conflicts (store, IC_CONFLICT_EDIT, &error);
  rejected = edits < 0 ? -1 : ic_store_count_conflicts (store, IC_CONFLICT_REJECTED, &error);
  if (rejected < 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, MIN (edits + rejected, G_MAXUINT));
}

static void
on_conflicts_counted (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(IcSyncController) self = user_data;
  g_autoptr(GError) error = NULL;
  gssize counted = g_task_propagate_int (G_TASK (result), &error);
  guint n;

  if (counted < 0)
    {
      g_warning ("Cannot count the sync conflicts: %s", error->message);
      return;
    }
  n = (guint) counted;
  if (n != self->n_conflicts)
    {
      self->n_conflicts = n;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CONFLICTS]);
    }
}

void
ic_sync_controller_refresh_conflicts (IcSyncController *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (IC_IS_SYNC_CONTROLLER (self));

  task = g_task_new (NULL, NULL, on_conflicts_counted, g_object_ref (self));
  ic_store_service_run (self->service, task, count_conflicts_job);
}

static void
end_run (IcSyncController *self)
{
  g_clear_pointer (&self->state_binding, g_binding_unbind);
  g_clear_pointer (&self->message_binding, g_binding_unbind);
  g_clear_object (&self->sync);
  g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
count_outbox_job (GTask        *task,
                  IcStore      *store,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  gint64 n = ic_feed_local_count_outbox (store, &error);

  if (n < 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, MIN (n, G_MAXSSIZE));
}

/* "Cannot reach the feed server: …. 3 changes made here wait to be
 * sent; the next try is at 14:20, or press Sync Now." */
static void
on_outbox_counted (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(IcSyncController) self = user_data;
  g_autoptr(GError) error = NULL;
  gssize n = g_task_propagate_int (G_TASK (result), &error);
  const char *reason = g_task_get_task_data (G_TASK (result));
  g_autofree char *waiting = NULL;
  g_autofree char *next = NULL;
  g_autofree char *message = NULL;

  /* A sync started since has its own word to say. */
  if (self->state != IC_FEED_SYNC_STATE_OFFLINE || self->cancellable != NULL)
    return;
  if (n < 0)
    {
      g_warning ("Cannot count the changes waiting to be sent: %s", error->message);
      return;
    }
  if (n == 0)
    waiting = g_strdup (_("No changes made here wait to be sent"));
  else
    waiting = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%" G_GSSIZE_FORMAT " change made here waits to be sent",
                                            "%" G_GSSIZE_FORMAT " changes made here wait to be sent",
                                            (gulong) n),
                               n);
  if (self->next_try != NULL)
    {
      g_autofree char *time = g_date_time_format (self->next_try, "%H:%M");

      next = g_strdup_printf (_("the next try is at %s, or press Sync Now"), time);
    }
  else
    next = g_strdup (_("automatic sync is off, so the next try is when you press Sync Now"));
  /* TRANSLATORS: the reason the feed did not answer, then how many
   * changes wait, then when the next try is. */
  message = g_strdup_printf (_("%s. %s; %s."), reason, waiting, next);
  set_message_only (self, message);
}

/* Says in words how long the changes made here wait: counted through
 * the store service, never on the main loop. */
static void
explain_offline (IcSyncController *self,
                 const GError     *error)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_outbox_counted, g_object_ref (self));

  g_task_set_task_data (task, g_strdup (error != NULL ? error->message : _("no answer")), g_free);
  ic_store_service_run (self->service, task, count_outbox_job);
}

static void
on_synced (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(IcSyncController) self = user_data;
  g_autoptr(GError) error = NULL;
  IcFeedSyncCounts counts = { 0 };
  gboolean ok;

  ok = ic_feed_sync_run_finish (IC_FEED_SYNC (source), result, &counts, &error);
  if (ok)
    {
      g_clear_pointer (&self->last_synced, g_date_time_unref);
      self->last_synced = g_date_time_new_now_local ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNCED]);
    }
  /* The indicator counts every conflict waiting, not just this run's:
   * counted before the state changes, so both read right together. */
  ic_sync_controller_refresh_conflicts (self);
  if (ok)
    set_state (self, IC_FEED_SYNC_STATE_SYNCED, _("Synced"));
  else
    set_state (self, ic_feed_sync_get_state (IC_FEED_SYNC (source)),
               ic_feed_sync_get_message (IC_FEED_SYNC (source)));
  end_run (self);
  if (!ok && self->state == IC_FEED_SYNC_STATE_OFFLINE)
    explain_offline (self, error);
  g_signal_emit (self, signals[FINISHED], 0, counts.pulled, counts.conflicts + counts.rejected);
  if (self->sync_again)
    {
      self->sync_again = FALSE;
      ic_sync_controller_sync_now (self);
    }
}

static void
on_token_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(IcSyncController) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcFeedClient) client = NULL;
  g_autofree char *token = ic_feed_token_load_finish (result, &error);
  g_autofree char *url = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (self->cancellable))
    {
      set_state (self, IC_FEED_SYNC_STATE_IDLE, _("Sync cancelled"));
      end_run (self);
      return;
    }
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot read the feed’s access token: %s"),
                                                  error->message);
      set_state (self, IC_FEED_SYNC_STATE_ERROR, message);
      end_run (self);
      return;
    }
  url = g_settings_get_string (self->settings, "feed-url");
  client = ic_feed_client_new (url, &error);
  if (client == NULL)
    {
      set_state (self, IC_FEED_SYNC_STATE_ERROR, error->message);
      end_run (self);
      return;
    }
  ic_feed_client_set_token (client, token);

  self->sync = ic_feed_sync_new (client, ic_store_service_get_path (self->service));
  /* While it runs, the sync's own state is ours: "Offline: …", "Syncing…".
   * Not at once: until the run starts, "Syncing…" stays. */
  self->state_binding = g_object_bind_property (self->sync, "state", self, "state", G_BINDING_DEFAULT);
  self->message_binding = g_object_bind_property (self->sync, "message", self, "message", G_BINDING_DEFAULT);
  ic_feed_sync_run_async (self->sync, self->cancellable, on_synced, g_object_ref (self));
}

void
ic_sync_controller_sync_now (IcSyncController *self)
{
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcFeedClient) client = NULL;

  g_return_if_fail (IC_IS_SYNC_CONTROLLER (self));

  if (self->cancellable != NULL)
    return;

  url = g_strstrip (g_settings_get_string (self->settings, "feed-url"));
  if (url[0] == '\0')
    {
      set_state (self, IC_FEED_SYNC_STATE_IDLE,
                 _("No foresight feed is set up: add its address and access token in Preferences"));
      return;
    }
  /* Checked here, so that a mistyped address reads as such at once. */
  client = ic_feed_client_new (url, &error);
  if (client == NULL)
    {
      set_state (self, IC_FEED_SYNC_STATE_ERROR, error->message);
      return;
    }

  self->cancellable = g_cancellable_new ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  set_state (self, IC_FEED_SYNC_STATE_SYNCING, _("Syncing…"));
  ic_feed_token_load_async (ic_feed_client_get_base_url (client), self->cancellable,
                            on_token_loaded, g_object_ref (self));
}

/* Erasing a response's contact details on the feed */

static void
on_erased (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IcSyncController *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!ic_feed_client_erase_response_finish (IC_FEED_CLIENT (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* The erased revision comes back with the next pull: now, or right
   * after the run under way, which may have pulled before it was made. */
  if (self->cancellable != NULL)
    self->sync_again = TRUE;
  else
    ic_sync_controller_sync_now (self);
  g_task_return_boolean (task, TRUE);
}

static void
on_erase_token_loaded (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IcFeedClient *client = g_object_get_data (G_OBJECT (task), "ic-feed-client");
  GError *error = NULL;
  g_autofree char *token = ic_feed_token_load_finish (result, &error);

  if (error != NULL)
    {
      g_prefix_error (&error, _("Cannot read the feed’s access token: "));
      g_task_return_error (task, error);
      return;
    }
  ic_feed_client_set_token (client, token);
  ic_feed_client_erase_response_async (client, g_task_get_task_data (task), g_task_get_cancellable (task),
                                       on_erased, g_object_ref (task));
}

void
ic_sync_controller_erase_response_async (IcSyncController    *self,
                                         const char          *response_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcFeedClient) client = NULL;
  g_autofree char *url = NULL;

  g_return_if_fail (IC_IS_SYNC_CONTROLLER (self));
  g_return_if_fail (response_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ic_sync_controller_erase_response_async);
  g_task_set_task_data (task, g_strdup (response_id), g_free);
  url = g_strstrip (g_settings_get_string (self->settings, "feed-url"));
  if (url[0] == '\0')
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               _("No foresight feed is set up: add its address and access token in Preferences"));
      return;
    }
  client = ic_feed_client_new (url, &error);
  if (client == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Someone waits on this: a few quick tries, not a sync's patience. */
  ic_feed_client_set_retry_policy (client, 2, 500, 2000);
  g_object_set_data_full (G_OBJECT (task), "ic-feed-client", g_object_ref (client), g_object_unref);
  ic_feed_token_load_async (ic_feed_client_get_base_url (client), cancellable,
                            on_erase_token_loaded, g_object_ref (task));
}

gboolean
ic_sync_controller_erase_response_finish (IcSyncController  *self,
                                          GAsyncResult      *result,
                                          GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ic_sync_controller_cancel (IcSyncController *self)
{
  g_return_if_fail (IC_IS_SYNC_CONTROLLER (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static gboolean
on_interval (gpointer user_data)
{
  IcSyncController *self = IC_SYNC_CONTROLLER (user_data);
  guint minutes = g_settings_get_uint (self->settings, "feed-sync-interval");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_clear_pointer (&self->next_try, g_date_time_unref);
  self->next_try = g_date_time_add_minutes (now, minutes);
  ic_sync_controller_sync_now (self);
  return G_SOURCE_CONTINUE;
}

static void
schedule (IcSyncController *self)
{
  guint minutes = g_settings_get_uint (self->settings, "feed-sync-interval");

  g_clear_handle_id (&self->interval_id, g_source_remove);
  g_clear_pointer (&self->next_try, g_date_time_unref);
  if (minutes > 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      self->interval_id = g_timeout_add_seconds (minutes * 60, on_interval, self);
      self->next_try = g_date_time_add_minutes (now, minutes);
    }
}

static void
on_settings_changed (GSettings        *settings,
                     const char       *key,
                     IcSyncController *self)
{
  if (g_str_equal (key, "feed-sync-interval"))
    schedule (self);
}

void
ic_sync_controller_start (IcSyncController *self)
{
  g_return_if_fail (IC_IS_SYNC_CONTROLLER (self));

  ic_sync_controller_refresh_conflicts (self);
  schedule (self);
  if (g_settings_get_boolean (self->settings, "feed-sync-at-start"))
    ic_sync_controller_sync_now (self);
  else
    set_state (self, IC_FEED_SYNC_STATE_IDLE, _("Not synced since the start"));
}

IcFeedSyncState
ic_sync_controller_get_state (IcSyncController *self)
{
  g_return_val_if_fail (IC_IS_SYNC_CONTROLLER (self), IC_FEED_SYNC_STATE_IDLE);
  return self->state;
}

const char *
ic_sync_controller_get_message (IcSyncController *self)
{
  g_return_val_if_fail (IC_IS_SYNC_CONTROLLER (self), NULL);
  return self->message;
}

GDateTime *
ic_sync_controller_get_last_synced (IcSyncController *self)
{
  g_return_val_if_fail (IC_IS_SYNC_CONTROLLER (self), NULL);
  return self->last_synced;
}

guint
ic_sync_controller_get_n_conflicts (IcSyncController *self)
{
  g_return_val_if_fail (IC_IS_SYNC_CONTROLLER (self), 0);
  return self->n_conflicts;
}

static void
ic_sync_controller_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IcSyncController *self = IC_SYNC_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_LAST_SYNCED:
      g_value_set_boxed (value, self->last_synced);
      break;
    case PROP_N_CONFLICTS:
      g_value_set_uint (value, self->n_conflicts);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Only the bindings to the running sync write these. */
static void
ic_sync_controller_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  IcSyncController *self = IC_SYNC_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      set_state_only (self, g_value_get_enum (value));
      break;
    case PROP_MESSAGE:
      set_message_only (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_sync_controller_dispose (GObject *object)
{
  IcSyncController *self = IC_SYNC_CONTROLLER (object);

  g_clear_handle_id (&self->interval_id, g_source_remove);
  g_clear_pointer (&self->state_binding, g_binding_unbind);
  g_clear_pointer (&self->message_binding, g_binding_unbind);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  G_OBJECT_CLASS (ic_sync_controller_parent_class)->dispose (object);
}

static void
ic_sync_controller_finalize (GObject *object)
{
  IcSyncController *self = IC_SYNC_CONTROLLER (object);

  g_clear_object (&self->sync);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->service);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->last_synced, g_date_time_unref);
  g_clear_pointer (&self->next_try, g_date_time_unref);

  G_OBJECT_CLASS (ic_sync_controller_parent_class)->finalize (object);
}

static void
ic_sync_controller_class_init (IcSyncControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ic_sync_controller_get_property;
  object_class->set_property = ic_sync_controller_set_property;
  object_class->dispose = ic_sync_controller_dispose;
  object_class->finalize = ic_sync_controller_finalize;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, IC_TYPE_FEED_SYNC_STATE, IC_FEED_SYNC_STATE_IDLE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SYNCED] =
    g_param_spec_boxed ("last-synced", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_CONFLICTS] =
    g_param_spec_uint ("n-conflicts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* ::finished (pulled, conflicts): a run ended, well or not. */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
ic_sync_controller_init (IcSyncController *self)
{
  self->state = IC_FEED_SYNC_STATE_IDLE;
}

IcSyncController *
ic_sync_controller_new (IcStoreService *service,
                        GSettings      *settings)
{
  IcSyncController *self;

  g_return_val_if_fail (IC_IS_STORE_SERVICE (service), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (IC_TYPE_SYNC_CONTROLLER, NULL);
  self->service = g_object_ref (service);
  self->settings = g_object_ref (settings);
  g_signal_connect (settings, "changed", G_CALLBACK (on_settings_changed), self);
  return self;
}
