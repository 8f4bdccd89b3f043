/* ic-cli-sync.c — sync: push the outbox to a feed and pull what is new
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "ic-cli-private.h"
#include "ic-feed-client.h"
#include "ic-feed-error.h"
#include "ic-feed-sync.h"
#include "ic-feed-token.h"
#include "ic-record-json.h"
#include "ic-store-conflicts.h"
#include "ic-store-feed.h"

#define STATUS_CONFLICTS_SHOWN 100

typedef struct
{
  GMainLoop        *loop;
  IcFeedSyncCounts  counts;
  GError           *error;
  gboolean          done;
} SyncRun;

static void
on_synced (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SyncRun *run = user_data;

  ic_feed_sync_run_finish (IC_FEED_SYNC (source), result, &run->counts, &run->error);
  run->done = TRUE;
  g_main_loop_quit (run->loop);
}

static gboolean
on_interrupt (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_CONTINUE;
}

static void
on_retrying (IcFeedClient *client,
             guint         attempt,
             guint         delay_ms,
             const char   *reason,
             gpointer      user_data)
{
  g_printerr (_("interchange-cli: %s; trying again in %.1f s (attempt %u)\n"),
              reason, delay_ms / 1000.0, attempt);
}

static JsonNode *
counts_to_json (const IcFeedSyncCounts *counts,
                const GError           *error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const struct { const char *name; gint64 value; } members[] = {
    { "pulled", counts->pulled },
    { "pushed", counts->pushed },
    { "conflicts", counts->conflicts },
    { "rejected", counts->rejected },
    { "withheld", counts->withheld },
    { "skipped", counts->skipped },
    { "waiting", counts->waiting },
    { "cursor", counts->cursor },
    { "outbox", counts->outbox },
    { "reoffered", counts->reoffered },
    { "too_large", counts->too_large },
    { "quarantined", counts->quarantined },
    { "merged", counts->merged },
  };

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      json_builder_set_member_name (builder, members[i].name);
      json_builder_add_int_value (builder, members[i].value);
    }
  json_builder_set_member_name (builder, "healed");
  json_builder_add_boolean_value (builder, counts->healed);
  if (error != NULL)
    {
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, error->message);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static const char *
conflict_type_name (IcConflictType type)
{
  switch (type)
    {
    case IC_CONFLICT_EDIT:
      return "edit";
    case IC_CONFLICT_REJECTED:
      return "rejected";
    case IC_CONFLICT_WAITING:
    default:
      return "waiting";
    }
}

/* sync --status: what is queued and kept, without the network. */
static int
print_status (IcStore  *store,
              gboolean  json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *url = ic_store_get_setting (store, IC_FEED_SETTING_URL);
  g_autofree char *feed_id = ic_store_get_setting (store, IC_FEED_SETTING_ID);
  g_autofree char *cursor = ic_store_get_setting (store, IC_FEED_SETTING_CURSOR);
  g_autofree char *too_large = NULL;
  g_auto(GStrv) too_large_lines = NULL;
  g_autoptr(GPtrArray) quarantine = NULL;
  gint64 n_quarantined;
  gboolean healing;
  gint64 outbox, n_conflicts;

  outbox = ic_feed_local_count_outbox (store, &error);
  if (outbox < 0)
    return ic_cli_fail (error);
  n_conflicts = ic_store_count_conflicts (store, -1, &error);
  if (n_conflicts < 0)
    return ic_cli_fail (error);
  conflicts = ic_store_list_conflicts (store, -1, 0, STATUS_CONFLICTS_SHOWN, &error);
  if (conflicts == NULL)
    return ic_cli_fail (error);

  too_large = ic_store_get_setting (store, IC_FEED_SETTING_TOO_LARGE);
  too_large_lines = too_large ? g_strsplit (too_large, "\n", -1) : g_new0 (char *, 1);
  healing = ic_feed_local_is_healing (store);
  n_quarantined = ic_store_count_quarantine (store, &error);
  if (n_quarantined < 0)
    return ic_cli_fail (error);
  quarantine = ic_store_list_quarantine (store, STATUS_CONFLICTS_SHOWN, &error);
  if (quarantine == NULL)
    return ic_cli_fail (error);

  if (!json)
    {
      g_print (_("Feed:      %s\n"), url ? url : _("(never synced)"));
      g_print (_("Cursor:    %s\n"), cursor ? cursor : "0");
      g_print (_("Outbox:    %" G_GINT64_FORMAT " queued changes\n"), outbox);
      g_print (_("Conflicts: %" G_GINT64_FORMAT "\n"), n_conflicts);
      for (guint i = 0; i < conflicts->len; i++)
        {
          IcConflict *conflict = g_ptr_array_index (conflicts, i);

          g_print ("  %-8s %s  %s\n", conflict_type_name (conflict->type), conflict->record_id,
                   conflict->reason);
        }
      g_print (_("Quarantine: %" G_GINT64_FORMAT " records from the feed this version cannot apply\n"),
               n_quarantined);
      for (guint i = 0; i < quarantine->len; i++)
        {
          IcQuarantined *entry = g_ptr_array_index (quarantine, i);

          g_print ("  %-12s %s rev %" G_GINT64_FORMAT "  %s\n", entry->kind, entry->id, entry->rev,
                   entry->reason);
        }
      if (healing)
        g_print (_("Healing:   records are being offered again to the feed; sync to go on\n"));
      for (guint i = 0; too_large_lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = g_strsplit (too_large_lines[i], " ", 3);

          if (g_strv_length (fields) == 3)
            g_print (_("Too large: %s rev %s (%s bytes) was not pulled\n"), fields[0], fields[1], fields[2]);
        }
      return IC_CLI_EXIT_OK;
    }

  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();
    g_autoptr(JsonNode) root = NULL;

    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "feed_url");
    url ? json_builder_add_string_value (builder, url) : json_builder_add_null_value (builder);
    json_builder_set_member_name (builder, "feed_id");
    feed_id ? json_builder_add_string_value (builder, feed_id) : json_builder_add_null_value (builder);
    json_builder_set_member_name (builder, "cursor");
    json_builder_add_int_value (builder, cursor ? g_ascii_strtoll (cursor, NULL, 10) : 0);
    json_builder_set_member_name (builder, "outbox");
    json_builder_add_int_value (builder, outbox);
    json_builder_set_member_name (builder, "conflicts");
    json_builder_add_int_value (builder, n_conflicts);
    json_builder_set_member_name (builder, "conflict_copies");
    json_builder_begin_array (builder);
    for (guint i = 0; i < conflicts->len; i++)
      {
        IcConflict *conflict = g_ptr_array_index (conflicts, i);

        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "id");
        json_builder_add_int_value (builder, conflict->id);
        json_builder_set_member_name (builder, "type");
        json_builder_add_string_value (builder, conflict_type_name (conflict->type));
        json_builder_set_member_name (builder, "record_id");
        json_builder_add_string_value (builder, conflict->record_id);
        json_builder_set_member_name (builder, "server_rev");
        json_builder_add_int_value (builder, conflict->server_rev);
        json_builder_set_member_name (builder, "reason");
        json_builder_add_string_value (builder, conflict->reason);
        json_builder_set_member_name (builder, "created_at");
        json_builder_add_string_value (builder, conflict->created_at);
        json_builder_set_member_name (builder, "record");
        json_builder_add_value (builder, ic_object_to_json (G_OBJECT (conflict->record)));
        if (conflict->base != NULL)
          {
            /* Before, mine and theirs: theirs is the record as stored. */
            json_builder_set_member_name (builder, "base");
            json_builder_add_value (builder, ic_object_to_json (G_OBJECT (conflict->base)));
            json_builder_set_member_name (builder, "fields");
            json_builder_begin_array (builder);
            for (guint f = 0; conflict->fields != NULL && conflict->fields[f] != NULL; f++)
              json_builder_add_string_value (builder, conflict->fields[f]);
            json_builder_end_array (builder);
          }
        json_builder_end_object (builder);
      }
    json_builder_end_array (builder);
    json_builder_set_member_name (builder, "quarantined");
    json_builder_add_int_value (builder, n_quarantined);
    json_builder_set_member_name (builder, "quarantine");
    json_builder_begin_array (builder);
    for (guint i = 0; i < quarantine->len; i++)
      {
        IcQuarantined *entry = g_ptr_array_index (quarantine, i);

        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "id");
        json_builder_add_string_value (builder, entry->id);
        json_builder_set_member_name (builder, "kind");
        json_builder_add_string_value (builder, entry->kind);
        json_builder_set_member_name (builder, "rev");
        json_builder_add_int_value (builder, entry->rev);
        json_builder_set_member_name (builder, "reason");
        json_builder_add_string_value (builder, entry->reason);
        json_builder_set_member_name (builder, "created_at");
        json_builder_add_string_value (builder, entry->created_at);
        json_builder_end_object (builder);
      }
    json_builder_end_array (builder);
    json_builder_set_member_name (builder, "healing");
    json_builder_add_boolean_value (builder, healing);
    json_builder_set_member_name (builder, "too_large");
    json_builder_begin_array (builder);
    for (guint i = 0; too_large_lines[i] != NULL; i++)
      {
        g_auto(GStrv) fields = g_strsplit (too_large_lines[i], " ", 3);

        if (g_strv_length (fields) != 3)
          continue;
        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "id");
        json_builder_add_string_value (builder, fields[0]);
        json_builder_set_member_name (builder, "rev");
        json_builder_add_int_value (builder, g_ascii_strtoll (fields[1], NULL, 10));
        json_builder_set_member_name (builder, "bytes");
        json_builder_add_int_value (builder, g_ascii_strtoll (fields[2], NULL, 10));
        json_builder_end_object (builder);
      }
    json_builder_end_array (builder);
    json_builder_end_object (builder);
    root = json_builder_get_root (builder);
    ic_cli_print_json (root);
  }
  return IC_CLI_EXIT_OK;
}

gboolean
ic_cli_find_token (const char  *token_file,
                   const char  *feed_url,
                   char       **token,
                   GError     **error)
{
  const char *from_env = g_getenv ("INTERCHANGE_FEED_TOKEN");

  if (token_file != NULL)
    {
      *token = ic_feed_token_read_file (token_file, error);
      return *token != NULL;
    }
  if (from_env != NULL && from_env[0] != '\0')
    {
      *token = g_strdup (from_env);
      return TRUE;
    }
  *token = ic_feed_token_load_sync (feed_url, NULL, error);
  return error == NULL || *error == NULL;
}

/* The feed client of --feed (else the feed this database syncs with),
 * with its token and --ca-file.  On NULL, *status is the exit status of
 * the error already printed; @missing_url (translatable) is the usage
 * error for a database that names no feed. */
IcFeedClient *
ic_cli_open_feed_client (IcCli       *cli,
                         IcStore     *store,
                         const char  *feed_url,
                         const char  *token_file,
                         const char  *ca_file,
                         const char  *missing_url,
                         int         *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcFeedClient) client = NULL;
  g_autofree char *token = NULL;
  g_autofree char *stored_url = NULL;

  if (feed_url == NULL)
    feed_url = stored_url = ic_store_get_setting (store, IC_FEED_SETTING_URL);
  if (feed_url == NULL)
    {
      *status = ic_cli_usage_error (cli, "%s", _(missing_url));
      return NULL;
    }
  client = ic_feed_client_new (feed_url, &error);
  if (client == NULL && g_error_matches (error, IC_FEED_ERROR, IC_FEED_ERROR_INSECURE))
    *status = ic_cli_fail (g_steal_pointer (&error));
  else if (client == NULL)
    *status = ic_cli_usage_error (cli, "%s", error->message);
  else if (!ic_cli_find_token (token_file, ic_feed_client_get_base_url (client), &token, &error) ||
           (ca_file != NULL && !ic_feed_client_set_ca_file (client, ca_file, &error)))
    {
      *status = ic_cli_fail (g_steal_pointer (&error));
      g_clear_object (&client);
    }
  else
    ic_feed_client_set_token (client, token);
  return g_steal_pointer (&client);
}

static void
print_summary (const IcFeedSyncCounts *counts)
{
  g_print (_("Pulled %u, pushed %u, conflicts %u.\n"), counts->pulled, counts->pushed, counts->conflicts);
  if (counts->merged > 0)
    g_print (_("%u records edited here and on the feed were merged field by field.\n"), counts->merged);
  if (counts->rejected > 0)
    g_print (_("%u changes were refused by the feed and kept as conflict copies.\n"), counts->rejected);
  if (counts->waiting > 0)
    g_print (_("%u records from the feed wait for a record they name.\n"), counts->waiting);
  if (counts->outbox > 0)
    g_print (_("%" G_GINT64_FORMAT " changes are still queued.\n"), counts->outbox);
  if (counts->healed)
    g_print (_("The feed had lost changes (restored from a backup?); %u records were offered again.\n"),
             counts->reoffered);
  if (counts->too_large > 0)
    g_print (_("%u records were too large to pull; sync --status names them.\n"), counts->too_large);
  if (counts->quarantined > 0)
    g_print (_("%u records from the feed cannot be applied by this version and are kept aside; "
               "sync --status names them.\n"), counts->quarantined);
}

int
ic_cli_sync (IcCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *feed_url = NULL;
  g_autofree char *token_file = NULL;
  g_autofree char *ca_file = NULL;
  g_autoptr(IcFeedClient) client = NULL;
  g_autoptr(IcFeedSync) sync = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gboolean json = FALSE;
  gboolean status_only = FALSE;
  gboolean no_compression = FALSE;
  gint64 max_answer = IC_FEED_CLIENT_MAX_RESPONSE_BYTES;
  int timeout = IC_FEED_CLIENT_DEFAULT_TIMEOUT;
  int retries = IC_FEED_CLIENT_DEFAULT_MAX_ATTEMPTS - 1;
  const GOptionEntry entries[] = {
    { "feed", 0, 0, G_OPTION_ARG_STRING, &feed_url, N_("The feed server (default: the last one synced)"), N_("URL") },
    { "token-file", 0, 0, G_OPTION_ARG_FILENAME, &token_file, N_("Read the bearer token from FILE"), N_("FILE") },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file, N_("Trust the certificates in FILE"), N_("FILE") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_("Seconds without an answer before a try fails (30)"), N_("SECONDS") },
    { "retries", 0, 0, G_OPTION_ARG_INT, &retries, N_("Tries after the first failure (4)"), N_("N") },
    { "max-answer-bytes", 0, 0, G_OPTION_ARG_INT64, &max_answer, N_("Read at most N bytes in one answer (67108864)"), N_("N") },
    { "no-compression", 0, 0, G_OPTION_ARG_NONE, &no_compression, N_("Do not use gzip on the wire"), NULL },
    { "status", 0, 0, G_OPTION_ARG_NONE, &status_only, N_("Show the outbox and conflicts; do not sync"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  const IcCliCommandSpec spec = { NULL, entries, 0, 0, NULL, IC_CLI_STORE_LATER };
  SyncRun run = { 0 };
  guint interrupt_id;
  IcStore *store;
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if (timeout < 1 || timeout > 3600)
    return ic_cli_usage_error (cli, _("--timeout takes 1 to 3600 seconds"));
  if (retries < 0 || retries > 20)
    return ic_cli_usage_error (cli, _("--retries takes 0 to 20"));
  if (max_answer < 4096 || max_answer > IC_FEED_CLIENT_MAX_RESPONSE_BYTES)
    return ic_cli_usage_error (cli, _("--max-answer-bytes takes 4096 to %d"), IC_FEED_CLIENT_MAX_RESPONSE_BYTES);

  store = ic_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return ic_cli_fail (error);
  if (status_only)
    return print_status (store, json);

  client = ic_cli_open_feed_client (cli, store, feed_url, token_file, ca_file,
                                    N_("--feed URL is required for the first sync"), &status);
  if (client == NULL)
    return status;
  ic_feed_client_set_compression (client, !no_compression);
  ic_feed_client_set_max_answer_bytes (client, (gsize) max_answer);
  ic_feed_client_set_timeout (client, (guint) timeout);
  ic_feed_client_set_retry_policy (client, (guint) retries + 1, IC_FEED_CLIENT_DEFAULT_BACKOFF_MS,
                                   IC_FEED_CLIENT_DEFAULT_MAX_BACKOFF_MS);
  g_signal_connect (client, "retrying", G_CALLBACK (on_retrying), NULL);

  sync = ic_feed_sync_new (client, ic_store_get_path (store));
  run.loop = g_main_loop_new (NULL, FALSE);
  interrupt_id = g_unix_signal_add (SIGINT, on_interrupt, cancellable);
  ic_feed_sync_run_async (sync, cancellable, on_synced, &run);
  if (!run.done)
    g_main_loop_run (run.loop);
  g_source_remove (interrupt_id);
  g_main_loop_unref (run.loop);

  /* A failed run stops before it counts what is left: count it here. */
  if (run.counts.outbox < 0)
    {
      g_autofree char *cursor = ic_store_get_setting (store, IC_FEED_SETTING_CURSOR);

      run.counts.outbox = ic_feed_local_count_outbox (store, NULL);
      run.counts.cursor = cursor ? g_ascii_strtoll (cursor, NULL, 10) : 0;
    }

  if (json)
    {
      g_autoptr(JsonNode) node = counts_to_json (&run.counts, run.error);
      ic_cli_print_json (node);
    }
  else if (run.error == NULL)
    print_summary (&run.counts);

  if (run.error != NULL)
    {
      status = ic_cli_fail (run.error);
      g_error_free (run.error);
      return status;
    }
  return IC_CLI_EXIT_OK;
}
