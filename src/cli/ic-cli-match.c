/* ic-cli-match.c — match and consortium
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loads the live capabilities, organisations and foresight items of the
 * store into a matcher (src/match knows nothing of the store), then
 * prints rankings as a table or as JSON.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ic-challenge.h"
#include "ic-cli-private.h"
#include "ic-consortium-finder.h"
#include "ic-match-loader.h"
#include "ic-matcher.h"

#define TITLE_COLUMNS 40
#define NAME_COLUMNS 28

static gboolean
add_challenge (IcRecord *record,
               gpointer  user_data)
{
  g_ptr_array_add (user_data, g_object_ref (record));
  return TRUE;
}

/* The challenge @id, or a user error that says what is wrong. */
static IcChallenge *
get_challenge (IcStore     *store,
               const char  *id,
               GError     **error)
{
  g_autoptr(IcRecord) record = ic_store_get (store, id, error);

  if (record == NULL)
    return NULL;
  if (!IC_IS_CHALLENGE (record) || ic_record_get_deleted (record))
    {
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND,
                   _("%s is not a challenge"), id);
      return NULL;
    }
  return IC_CHALLENGE (g_steal_pointer (&record));
}

/* The weights the database keeps for @challenge_id (NULL: for all),
 * else for all, else the balanced preset. */
static IcMatchWeights *
stored_weights (IcStore    *store,
                const char *challenge_id)
{
  g_autoptr(GError) error = NULL;
  IcMatchWeights *weights = ic_match_loader_load_challenge_weights (store, challenge_id, &error);

  if (weights == NULL)
    {
      g_printerr (_("interchange-cli: ignoring the saved weights: %s\n"), error->message);
      return ic_match_weights_new ();
    }
  return weights;
}

static char *
fit (const char *text,
     guint       columns)
{
  GString *out = g_string_new (NULL);
  glong length = text ? g_utf8_strlen (text, -1) : 0;

  if (length > columns)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, columns - 1);

      g_string_append_printf (out, "%s…", cut);
    }
  else
    {
      g_string_append (out, text ? text : "");
      for (glong i = length; i < columns; i++)
        g_string_append_c (out, ' ');
    }
  return g_string_free (out, FALSE);
}

static void
print_table (IcChallenge *challenge,
             GListModel  *results)
{
  guint n = g_list_model_get_n_items (results);
  g_autofree char *capability_heading = fit (_("Capability"), TITLE_COLUMNS);
  g_autofree char *organisation_heading = fit (_("Organisation"), NAME_COLUMNS);

  printf (_("Matches for “%s” (%s)\n"), ic_challenge_get_title (challenge),
          ic_record_get_id (IC_RECORD (challenge)));
  if (n == 0)
    {
      printf ("%s", _("  No capability matches.\n"));
      return;
    }
  printf ("  %3s  %-5s  %s  %s  %s\n", "#", _("Score"), capability_heading,
          organisation_heading, _("Capability id"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcMatchResult) result = g_list_model_get_item (results, i);
      g_autofree char *title = fit (ic_match_result_get_capability_title (result), TITLE_COLUMNS);
      g_autofree char *name = fit (ic_match_result_get_organisation_name (result), NAME_COLUMNS);

      printf ("  %3u  %.3f  %s  %s  %s\n", i + 1, ic_match_result_get_score (result), title,
              name, ic_match_result_get_capability_id (result));
      printf ("       %s\n", ic_match_result_get_explanation (result));
      if (ic_match_result_get_pin_reason (result) != NULL)
        printf (_("       Pinned: %s\n"), ic_match_result_get_pin_reason (result));
    }
}

/* Says how many pairs a conflict-of-interest rule left out. */
static void
print_conflicts (const IcMatchOptions *options,
                 const char           *challenge_id)
{
  GHashTable *conflicts = ic_match_options_get_conflicts (options, challenge_id);
  guint n = conflicts != NULL ? g_hash_table_size (conflicts) : 0;

  if (n > 0)
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "  %u capability left out by a conflict-of-interest rule\n",
                         "  %u capabilities left out by conflict-of-interest rules\n", n), n);
}

/* The JSON of one challenge's results, with the pairs the rules left
 * out, if any ("left_out": capability id and the rule's reason). */
static JsonNode *
results_to_json (const char           *challenge_id,
                 GListModel           *results,
                 const IcMatchOptions *options)
{
  JsonNode *node = ic_match_results_to_json (challenge_id, results);
  GHashTable *conflicts = ic_match_options_get_conflicts (options, challenge_id);
  g_autoptr(GList) ids = conflicts != NULL ? g_hash_table_get_keys (conflicts) : NULL;
  JsonArray *left_out = json_array_new ();

  ids = g_list_sort (ids, (GCompareFunc) g_strcmp0);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "capability_id", l->data);
      json_object_set_string_member (entry, "reason", g_hash_table_lookup (conflicts, l->data));
      json_object_set_string_member (entry, "rule", "conflict-of-interest");
      json_array_add_object_element (left_out, entry);
    }
  /* Only when a rule applies, so that the usual shape stays. */
  if (json_array_get_length (left_out) > 0)
    json_object_set_array_member (json_node_get_object (node), "left_out", left_out);
  else
    json_array_unref (left_out);
  return node;
}

typedef struct
{
  char     *challenge_id;
  gboolean  all;
  int       top;
  char     *preset;
  char     *weights;
  gboolean  cross_sector;
  gboolean  json;
  gboolean  save_weights;
  gboolean  no_decisions;
} MatchArgs;

static void
match_args_clear (MatchArgs *args)
{
  g_free (args->challenge_id);
  g_free (args->preset);
  g_free (args->weights);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MatchArgs, match_args_clear)

/* The weights of --preset and --weights on top of the saved ones;
 * NULL after printing a usage error. */
static IcMatchWeights *
resolve_weights (IcCli     *cli,
                 MatchArgs *args,
                 int       *status)
{
  g_autoptr(IcMatchWeights) weights = NULL;
  g_autoptr(GError) error = NULL;

  if (args->preset != NULL)
    {
      weights = ic_match_weights_new_preset (args->preset, &error);
      if (weights == NULL)
        {
          *status = ic_cli_usage_error (cli, "--preset: %s", error->message);
          return NULL;
        }
    }
  else
    {
      weights = stored_weights (cli->store, args->challenge_id);
    }
  if (args->weights != NULL && !ic_match_weights_update_from_string (weights, args->weights, &error))
    {
      *status = ic_cli_usage_error (cli, "--weights: %s", error->message);
      return NULL;
    }
  return g_steal_pointer (&weights);
}

static int
match_one (IcStore              *store,
           IcMatcher            *matcher,
           const char           *id,
           IcMatchWeights       *weights,
           const IcMatchOptions *options,
           gboolean              json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcChallenge) challenge = get_challenge (store, id, &error);
  g_autoptr(GListModel) results = NULL;

  if (challenge == NULL)
    return ic_cli_fail (error);

  results = ic_matcher_rank_challenge (matcher, challenge, weights, options, &error);
  if (results == NULL)
    {
      if (!g_error_matches (error, IC_MATCH_ERROR, IC_MATCH_ERROR_NOT_OPEN) &&
          !g_error_matches (error, IC_MATCH_ERROR, IC_MATCH_ERROR_DEADLINE_PASSED))
        return ic_cli_fail (error);
      /* Not an error of the user's: there is simply nothing to match. */
      g_printerr ("interchange-cli: %s\n", error->message);
      results = G_LIST_MODEL (g_list_store_new (IC_TYPE_MATCH_RESULT));
      if (!json)
        return IC_CLI_EXIT_OK;
    }

  if (json)
    {
      g_autoptr(JsonNode) node = results_to_json (id, results, options);

      ic_cli_print_json (node);
    }
  else
    {
      print_table (challenge, results);
      print_conflicts (options, id);
    }
  return IC_CLI_EXIT_OK;
}

static int
match_all (IcStore              *store,
           IcMatcher            *matcher,
           IcMatchWeights       *weights,
           const IcMatchOptions *options,
           gboolean              json)
{
  g_autoptr(GPtrArray) challenges = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rankings = NULL;
  g_autoptr(GError) error = NULL;
  guint skipped = 0, printed = 0;

  if (!ic_store_foreach (store, IC_RECORD_KIND_CHALLENGE, add_challenge, challenges, &error))
    return ic_cli_fail (error);
  rankings = ic_matcher_rank_all (matcher, challenges, weights, options, NULL, &error);
  if (rankings == NULL)
    return ic_cli_fail (error);

  /* One challenge at a time, so that thousands of them never make one
   * tree in memory. */
  if (json)
    fputs ("[", stdout);
  for (guint i = 0; i < challenges->len; i++)
    {
      IcChallenge *challenge = challenges->pdata[i];

      if (!ic_matcher_check_challenge (matcher, challenge, options, NULL))
        {
          skipped++;
          continue;
        }
      if (json)
        {
          g_autoptr(JsonNode) node = results_to_json (ic_record_get_id (IC_RECORD (challenge)),
                                                      rankings->pdata[i], options);
          g_autofree char *text = json_to_string (node, FALSE);

          fputs (printed++ ? ",\n" : "\n", stdout);
          fputs (text, stdout);
        }
      else
        {
          print_table (challenge, rankings->pdata[i]);
          print_conflicts (options, ic_record_get_id (IC_RECORD (challenge)));
          printf ("\n");
        }
    }
  if (json)
    fputs (printed ? "\n]\n" : "]\n", stdout);
  if (skipped > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "interchange-cli: skipped %u challenge that is not open or whose deadline has passed\n",
                             "interchange-cli: skipped %u challenges that are not open or whose deadline has passed\n",
                             skipped), skipped);
  return IC_CLI_EXIT_OK;
}

int
ic_cli_match (IcCli  *cli,
              int     argc,
              char  **argv)
{
  g_auto(MatchArgs) args = { NULL, FALSE, 10, NULL, NULL, FALSE, FALSE, FALSE };
  const GOptionEntry entries[] = {
    { "challenge", 0, 0, G_OPTION_ARG_STRING, &args.challenge_id, N_("Rank capabilities for this challenge"), N_("ID") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &args.all, N_("Rank capabilities for every open challenge"), NULL },
    { "top", 0, 0, G_OPTION_ARG_INT, &args.top, N_("How many capabilities per challenge (default 10)"), N_("K") },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &args.preset,
      N_("Start from named weights: balanced, technology-fit, local-first or cross-sector"), N_("NAME") },
    { "weights", 0, 0, G_OPTION_ARG_STRING, &args.weights,
      N_("Set weights: text=W,tags=W,trl=W,cluster=W,place=W,scale=W,foresight=W; "
         "criteria not named keep the preset’s or the saved weight"), N_("LIST") },
    { "cross-sector", 0, 0, G_OPTION_ARG_NONE, &args.cross_sector,
      N_("Reward capabilities from other clusters, in proportion to their text match"), NULL },
    { "save-weights", 0, 0, G_OPTION_ARG_NONE, &args.save_weights,
      N_("Keep these weights in the database as the default"), NULL },
    { "no-decisions", 0, 0, G_OPTION_ARG_NONE, &args.no_decisions,
      N_("Do not learn from the team’s shortlists and “not a match” decisions this time"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &args.json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(IcMatchWeights) weights = NULL;
  g_autoptr(IcMatcher) matcher = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(IcMatchOptions) options = { 0 };
  const IcCliCommandSpec spec = { "[exclude | include CHALLENGE_ID CAPABILITY_ID | excluded | "
                                  "pin CHALLENGE_ID CAPABILITY_ID --reason TEXT | "
                                  "unpin CHALLENGE_ID CAPABILITY_ID | pinned]",
                                  entries, 0, 0, NULL, IC_CLI_STORE_LATER };
  IcStore *store;
  int status;

  if (argc > 1 && (g_str_equal (argv[1], "exclude") || g_str_equal (argv[1], "include") ||
                   g_str_equal (argv[1], "excluded")))
    return ic_cli_match_exclusions (cli, argc, argv);
  if (argc > 1 && (g_str_equal (argv[1], "pin") || g_str_equal (argv[1], "unpin") ||
                   g_str_equal (argv[1], "pinned")))
    return ic_cli_match_pins (cli, argc, argv);
  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if ((args.challenge_id == NULL) == !args.all)
    return ic_cli_usage_error (cli, _("give either --challenge ID or --all"));
  if (args.top < 1 || args.top > 100000)
    return ic_cli_usage_error (cli, _("--top must be a whole number from 1 to 100000, not %d"), args.top);

  store = ic_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return ic_cli_fail (error);
  weights = resolve_weights (cli, &args, &status);
  if (weights == NULL)
    return status;
  if (args.save_weights)
    {
      g_autofree char *text = ic_match_weights_to_string (weights);

      if (!ic_store_set_setting (store, IC_MATCH_WEIGHTS_SETTING, text, &error))
        return ic_cli_fail (error);
    }

  matcher = ic_match_loader_load_matcher (store, &error);
  if (matcher == NULL)
    return ic_cli_fail (error);

  ic_match_options_init (&options);
  options.top_k = (guint) args.top;
  options.cross_sector = args.cross_sector || ic_match_weights_preset_is_cross_sector (args.preset);
  if (!ic_match_loader_load_exclusions (store, args.challenge_id, &options, &error) ||
      (!args.no_decisions &&
       !ic_match_loader_load_decisions (store, args.challenge_id, &options, &error)))
    return ic_cli_fail (error);

  if (args.all)
    return match_all (store, matcher, weights, &options, args.json);
  return match_one (store, matcher, args.challenge_id, weights, &options, args.json);
}

static void
print_consortia (IcChallenge *challenge,
                 GListModel  *found)
{
  const char * const *tags = ic_challenge_get_tags (challenge);
  g_autofree char *required = g_strjoinv (", ", (char **) tags);

  printf (_("Consortia for “%s” (%s)\n"), ic_challenge_get_title (challenge),
          ic_record_get_id (IC_RECORD (challenge)));
  printf (_("Required tags: %s\n"), required);
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(IcConsortium) consortium = g_list_model_get_item (found, i);
      g_auto(GStrv) covered = ic_consortium_dup_covered_tags (consortium);
      g_auto(GStrv) missing = ic_consortium_dup_missing_tags (consortium);

      printf (_("\n%u. Covers %u of %u tags; mean score %.3f\n"), i + 1, g_strv_length (covered),
              ic_consortium_get_n_required (consortium), ic_consortium_get_score (consortium));
      for (guint m = 0; m < ic_consortium_get_n_members (consortium); m++)
        {
          g_autofree char *brings = g_strjoinv (", ", (char **) ic_consortium_get_member_tags (consortium, m));
          const char *name = ic_consortium_get_member_organisation_name (consortium, m);

          printf (_("   %s (%s), score %.3f, brings: %s\n   %s\n"),
                  ic_consortium_get_member_title (consortium, m), name ? name : _("unknown organisation"),
                  ic_consortium_get_member_score (consortium, m), brings,
                  ic_consortium_get_member_id (consortium, m));
        }
      if (missing[0] != NULL)
        {
          g_autofree char *list = g_strjoinv (", ", missing);

          printf (_("   No member has: %s\n"), list);
        }
    }
  if (g_list_model_get_n_items (found) > 0)
    {
      g_autoptr(IcConsortium) first = g_list_model_get_item (found, 0);

      printf ("\n%s\n", ic_consortium_get_exact (first)
                        ? _("These are the best groups: every possible group was compared.")
                        : _("Too many candidates to compare every group: these were found greedily and improved by swaps."));
    }
}

int
ic_cli_consortium (IcCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autofree char *challenge_id = NULL;
  int max_size = IC_CONSORTIUM_DEFAULT_MAX_SIZE;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "challenge", 0, 0, G_OPTION_ARG_STRING, &challenge_id, N_("The challenge to cover"), N_("ID") },
    { "max-size", 0, 0, G_OPTION_ARG_INT, &max_size, N_("At most this many members (default 3)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(IcMatchWeights) weights = NULL;
  g_autoptr(IcMatcher) matcher = NULL;
  g_autoptr(IcChallenge) challenge = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;
  IcMatchOptions options;
  const IcCliCommandSpec spec = { NULL, entries, 0, 0, NULL, IC_CLI_STORE_LATER };
  IcStore *store;
  int status;

  if (!ic_cli_begin (cli, &spec, &argc, &argv, &status))
    return status;
  if (challenge_id == NULL)
    return ic_cli_usage_error (cli, _("--challenge ID is required"));
  if (max_size < 1 || max_size > IC_CONSORTIUM_MAX_SIZE)
    return ic_cli_usage_error (cli, _("--max-size must be from 1 to %d, not %d"),
                               IC_CONSORTIUM_MAX_SIZE, max_size);

  store = ic_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return ic_cli_fail (error);
  challenge = get_challenge (store, challenge_id, &error);
  if (challenge == NULL)
    return ic_cli_fail (error);
  weights = stored_weights (store, challenge_id);
  matcher = ic_match_loader_load_matcher (store, &error);
  if (matcher == NULL)
    return ic_cli_fail (error);

  ic_match_options_init (&options);
  found = ic_matcher_find_consortia (matcher, challenge, weights, &options, (guint) max_size,
                                     IC_CONSORTIUM_DEFAULT_N_RESULTS, &error);
  if (found == NULL)
    {
      g_printerr ("interchange-cli: %s\n", error->message);
      found = G_LIST_MODEL (g_list_store_new (IC_TYPE_CONSORTIUM));
      if (!json)
        return IC_CLI_EXIT_OK;
    }
  else if (g_strv_length ((char **) ic_challenge_get_tags (challenge)) == 0)
    {
      g_printerr (_("interchange-cli: the challenge names no required tags, so no group can cover them\n"));
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "challenge_id");
      json_builder_add_string_value (builder, challenge_id);
      json_builder_set_member_name (builder, "consortia");
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (found); i++)
        {
          g_autoptr(IcConsortium) consortium = g_list_model_get_item (found, i);

          json_builder_add_value (builder, ic_consortium_to_json (consortium));
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "exact");
      if (g_list_model_get_n_items (found) > 0)
        {
          g_autoptr(IcConsortium) first = g_list_model_get_item (found, 0);

          json_builder_add_boolean_value (builder, ic_consortium_get_exact (first));
        }
      else
        json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      ic_cli_print_json (node);
    }
  else
    {
      print_consortia (challenge, found);
    }
  return IC_CLI_EXIT_OK;
}
