/* ic-feed-token.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whether a Secret Service answers is asked of the bus with a short
 * time-out, so that a session without a keyring falls back to the file
 * at once instead of waiting on D-Bus activation.
 * INTERCHANGE_NO_KEYRING=1 forces the file (tests, headless machines).
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <string.h>

#include "ic-feed-error.h"
#include "ic-feed-token.h"

#define SECRET_BUS_NAME   "org.freedesktop.secrets"
#define BUS_TIMEOUT_MS    1000
#define TOKEN_FILE_NAME   "feed-tokens"

static const SecretSchema token_schema = {
  "io.github.wmvit.Interchange.FeedToken", SECRET_SCHEMA_NONE,
  {
    { "feed-url", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  }
};

char *
ic_feed_token_get_file_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "interchange", TOKEN_FILE_NAME, NULL);
}

static gboolean
bus_has_name (GDBusConnection *bus,
              const char      *method,
              GCancellable    *cancellable)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean found = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", method,
                                       g_str_equal (method, "NameHasOwner")
                                       ? g_variant_new ("(s)", SECRET_BUS_NAME) : NULL,
                                       NULL, G_DBUS_CALL_FLAGS_NONE, BUS_TIMEOUT_MS,
                                       cancellable, NULL);
  if (reply == NULL)
    return FALSE;

  if (g_variant_is_of_type (reply, G_VARIANT_TYPE ("(b)")))
    g_variant_get (reply, "(b)", &found);
  else if (g_variant_is_of_type (reply, G_VARIANT_TYPE ("(as)")))
    {
      g_autofree const char **names = NULL;

      g_variant_get (reply, "(^a&s)", &names);
      found = names != NULL && g_strv_contains (names, SECRET_BUS_NAME);
    }
  return found;
}

static gboolean
secret_service_answers (GCancellable *cancellable)
{
  g_autoptr(GDBusConnection) bus = NULL;
  const char *no_keyring = g_getenv ("INTERCHANGE_NO_KEYRING");

  if (no_keyring != NULL && no_keyring[0] != '\0' && !g_str_equal (no_keyring, "0"))
    return FALSE;
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    return FALSE;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, cancellable, NULL);
  if (bus == NULL)
    return FALSE;
  return bus_has_name (bus, "NameHasOwner", cancellable) ||
         bus_has_name (bus, "ListActivatableNames", cancellable);
}

/* The file fallback: a key file with one group per feed. */

static char *
group_for (const char *feed_url)
{
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, feed_url, -1);

  return g_strdup_printf ("feed %.16s", digest);
}

static GKeyFile *
load_file (GError **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = ic_feed_token_get_file_path ();
  g_autoptr(GError) local_error = NULL;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &local_error) &&
      !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_TOKEN,
                   _("Cannot read the token file %s: %s"), path, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&file);
}

static gboolean
save_file (GKeyFile  *file,
           GError   **error)
{
  g_autofree char *path = ic_feed_token_get_file_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_TOKEN, _("Cannot create %s: %s"),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }
  data = g_key_file_to_data (file, &length, NULL);
  /* Written whole to a temporary file with mode 0600, then renamed. */
  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_TOKEN, _("Cannot write the token file %s: %s"),
                   path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
token_is_sane (const char  *token,
               GError     **error)
{
  gsize length = token ? strlen (token) : 0;

  if (length == 0 || length > IC_FEED_TOKEN_MAX_LENGTH)
    {
      g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_TOKEN,
                   _("A token must be between 1 and %d characters long"), IC_FEED_TOKEN_MAX_LENGTH);
      return FALSE;
    }
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isgraph (token[i]))
      {
        g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_TOKEN,
                     _("A token holds only printable characters without spaces"));
        return FALSE;
      }
  return TRUE;
}

gboolean
ic_feed_token_save_sync (const char        *feed_url,
                         const char        *token,
                         IcFeedTokenPlace  *place,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_autoptr(GKeyFile) file = NULL;
  g_autofree char *group = NULL;
  g_autofree char *label = NULL;

  if (!token_is_sane (token, error))
    return FALSE;

  if (secret_service_answers (cancellable))
    {
      label = g_strdup_printf (_("Interchange feed token for %s"), feed_url);
      if (place != NULL)
        *place = IC_FEED_TOKEN_KEYRING;
      return secret_password_store_sync (&token_schema, SECRET_COLLECTION_DEFAULT, label, token,
                                         cancellable, error, "feed-url", feed_url, NULL);
    }

  file = load_file (error);
  if (file == NULL)
    return FALSE;
  group = group_for (feed_url);
  g_key_file_set_string (file, group, "url", feed_url);
  g_key_file_set_string (file, group, "token", token);
  if (place != NULL)
    *place = IC_FEED_TOKEN_FILE;
  return save_file (file, error);
}

char *
ic_feed_token_load_sync (const char    *feed_url,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GKeyFile) file = NULL;
  g_autofree char *group = NULL;

  if (secret_service_answers (cancellable))
    {
      g_autoptr(GError) local_error = NULL;
      char *token = secret_password_lookup_sync (&token_schema, cancellable, &local_error,
                                                 "feed-url", feed_url, NULL);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (token != NULL)
        return token;
      /* Kept in the file before a keyring came along: still good. */
    }

  file = load_file (error);
  if (file == NULL)
    return NULL;
  group = group_for (feed_url);
  return g_key_file_get_string (file, group, "token", NULL);
}

gboolean
ic_feed_token_forget_sync (const char    *feed_url,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GKeyFile) file = NULL;
  g_autofree char *group = NULL;

  if (secret_service_answers (cancellable) &&
      !secret_password_clear_sync (&token_schema, cancellable, error, "feed-url", feed_url, NULL) &&
      error != NULL && *error != NULL)
    return FALSE;

  file = load_file (error);
  if (file == NULL)
    return FALSE;
  group = group_for (feed_url);
  if (!g_key_file_has_group (file, group))
    return TRUE;
  g_key_file_remove_group (file, group, NULL);
  return save_file (file, error);
}

char *
ic_feed_token_read_file (const char  *path,
                         GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  char *end;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, IC_FEED_ERROR, IC_FEED_ERROR_TOKEN, _("Cannot read the token: %s"),
                   local_error->message);
      return NULL;
    }
  end = strchr (contents, '\n');
  if (end != NULL)
    *end = '\0';
  g_strstrip (contents);
  if (!token_is_sane (contents, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  return g_steal_pointer (&contents);
}

/* The asynchronous forms run the blocking ones in a worker thread. */

typedef struct
{
  char             *feed_url;
  char             *token;
  IcFeedTokenPlace  place;
} TokenJob;

static void
token_job_free (TokenJob *job)
{
  g_free (job->feed_url);
  if (job->token != NULL)
    memset (job->token, 0, strlen (job->token));
  g_free (job->token);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TokenJob *job = task_data;
  GError *error = NULL;

  if (ic_feed_token_save_sync (job->feed_url, job->token, &job->place, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TokenJob *job = task_data;
  GError *error = NULL;
  char *token = ic_feed_token_load_sync (job->feed_url, cancellable, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, token, g_free);
}

static void
forget_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TokenJob *job = task_data;
  GError *error = NULL;

  if (ic_feed_token_forget_sync (job->feed_url, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
start_job (const char          *feed_url,
           const char          *token,
           GTaskThreadFunc      func,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  TokenJob *job = g_new0 (TokenJob, 1);

  job->feed_url = g_strdup (feed_url);
  job->token = g_strdup (token);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) token_job_free);
  g_task_run_in_thread (task, func);
}

void
ic_feed_token_save_async (const char          *feed_url,
                          const char          *token,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (feed_url != NULL);
  start_job (feed_url, token, save_thread, ic_feed_token_save_async, cancellable, callback, user_data);
}

gboolean
ic_feed_token_save_finish (GAsyncResult      *result,
                           IcFeedTokenPlace  *place,
                           GError           **error)
{
  TokenJob *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (place != NULL)
    *place = job->place;
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ic_feed_token_load_async (const char          *feed_url,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (feed_url != NULL);
  start_job (feed_url, NULL, load_thread, ic_feed_token_load_async, cancellable, callback, user_data);
}

char *
ic_feed_token_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ic_feed_token_forget_async (const char          *feed_url,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (feed_url != NULL);
  start_job (feed_url, NULL, forget_thread, ic_feed_token_forget_async, cancellable, callback, user_data);
}

gboolean
ic_feed_token_forget_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
