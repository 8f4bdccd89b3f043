/* ic-cli-review.c — review [--stale-days N] [--stuck-days N] [--limit N] [--json]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What needs attention: records not changed in a year, open challenges
 * past their deadline, shortlist entries stuck at one stage, and
 * capabilities never put on a shortlist.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ic-cli-private.h"
#include "ic-store-review.h"

static const char *
heading (IcReviewReason reason)
{
  switch (reason)
    {
    case IC_REVIEW_STALE:
      return _("Not changed for a long time");
    case IC_REVIEW_PAST_DEADLINE:
      return _("Open challenges past their deadline");
    case IC_REVIEW_STUCK:
      return _("Shortlist entries stuck at one stage");
    case IC_REVIEW_NEVER_MATCHED:
      return _("Capabilities never on a shortlist");
    default:
      return "";
    }
}

static void
add_nullable (JsonBuilder *builder,
              const char  *name,
              const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
print_json (IcReview *review)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  for (guint r = 0; r < IC_N_REVIEW_REASONS; r++)
    {
      json_builder_set_member_name (builder, ic_review_reason_to_string (r));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, review->counts[r]);
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      for (guint i = 0; i < review->items[r]->len; i++)
        {
          IcReviewItem *item = review->items[r]->pdata[i];

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, ic_record_kind_to_string (item->kind));
          add_nullable (builder, "id", item->id);
          add_nullable (builder, "title", item->title);
          add_nullable (builder, "since", item->since);
          if (r == IC_REVIEW_STUCK)
            {
              add_nullable (builder, "capability_id", item->capability_id);
              add_nullable (builder, "stage", item->stage);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  ic_cli_print_json (node);
}

static void
print_text (IcReview *review)
{
  for (guint r = 0; r < IC_N_REVIEW_REASONS; r++)
    {
      printf ("%s: %" G_GINT64_FORMAT "\n", heading (r), review->counts[r]);
      for (guint i = 0; i < review->items[r]->len; i++)
        {
          IcReviewItem *item = review->items[r]->pdata[i];

          if (r == IC_REVIEW_STUCK)
            /* Translators: shortlist, capability id, stage, since when */
            printf (_("  %s (%s): %s at %s since %s\n"), item->title ? item->title : "", item->id,
                    item->capability_id, item->stage, item->since);
          else
            printf ("  %s %s (%s), %s\n", ic_record_kind_to_string (item->kind),
                    item->title ? item->title : "", item->id, item->since ? item->since : "");
        }
      if ((gint64) review->items[r]->len < review->counts[r])
        printf (_("  … and %" G_GINT64_FORMAT " more\n"), review->counts[r] - review->items[r]->len);
    }
}

int
ic_cli_review (IcCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReview) review = NULL;
  gboolean json = FALSE;
  int stale_days = 365, stuck_days = 30, limit = 50;
  const GOptionEntry entries[] = {
    { "stale-days", 0, 0, G_OPTION_ARG_INT, &stale_days,
      N_("A record not changed in this many days needs a look (default 365)"), N_("N") },
    { "stuck-days", 0, 0, G_OPTION_ARG_INT, &stuck_days,
      N_("An entry at one stage this many days is stuck (default 30)"), N_("N") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Items listed per kind, oldest first; 0 for all (default 50)"),
      N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  const IcCliCommandSpec spec = { NULL, entries, 0, 0, NULL, IC_CLI_STORE_OPEN };
  IcReviewOptions options = { 0 };
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if (stale_days < 1 || stale_days > 36500)
    return ic_cli_usage_error (cli, _("--stale-days must be a whole number from 1 to 36500, not %d"), stale_days);
  if (stuck_days < 1 || stuck_days > 36500)
    return ic_cli_usage_error (cli, _("--stuck-days must be a whole number from 1 to 36500, not %d"), stuck_days);
  if (limit < 0)
    return ic_cli_usage_error (cli, _("--limit must be 0 or more, not %d"), limit);

  options.stale_days = (guint) stale_days;
  options.stuck_days = (guint) stuck_days;
  options.limit = (guint) limit;
  options.now = g_getenv ("INTERCHANGE_NOW");
  review = ic_store_review (cli->store, &options, &error);
  if (review == NULL)
    return ic_cli_fail (error);
  if (json)
    print_json (review);
  else
    print_text (review);
  return IC_CLI_EXIT_OK;
}
