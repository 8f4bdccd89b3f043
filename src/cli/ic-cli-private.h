/* ic-cli-private.h — what the interchange-cli commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ic-feed-client.h"
#include "ic-store.h"

G_BEGIN_DECLS

/* Exit statuses, as DESIGN.md promises them to scripts. */
enum
{
  IC_CLI_EXIT_OK = 0,
  IC_CLI_EXIT_USER_ERROR = 1,
  IC_CLI_EXIT_USAGE_ERROR = 2,
};

typedef struct
{
  char    *db_path;   /* from --db, else NULL for the default */
  char    *command;   /* as typed, "list" or "shortlist create": for messages */
  IcStore *store;     /* opened on first use */
} IcCli;

/* One command: @argv[0] is the command's name. */
typedef int (*IcCliCommandFunc) (IcCli  *cli,
                                 int     argc,
                                 char  **argv);

typedef struct
{
  const char       *name;
  IcCliCommandFunc  run;
  const char       *synopsis;   /* translatable */
} IcCliCommand;

/* When ic_cli_begin() opens the store. */
typedef enum
{
  IC_CLI_STORE_LATER,     /* the command checks more first, then opens it */
  IC_CLI_STORE_OPEN,      /* now; a missing database is an error */
  IC_CLI_STORE_CREATE,    /* now, creating it if missing */
} IcCliStoreMode;

/* What a command takes. */
typedef struct
{
  const char         *parameters;  /* after [OPTION…] in --help, or NULL */
  const GOptionEntry *options;     /* the command's own (--db and --help are added), or NULL */
  int                 min_args;    /* arguments after the command's name */
  int                 max_args;    /* -1 for no limit */
  const char         *args_error;  /* translatable: the usage error when there are too few or
                                    * too many; NULL says "unexpected argument" */
  IcCliStoreMode      store;
} IcCliCommandSpec;

/* The start every command shares: parses @spec's options and --db,
 * checks the number of arguments and opens the store as @spec says
 * (then in cli->store).  On a usage error (exit status 2) or a store
 * that will not open (1) prints why, naming cli->command, and sets
 * *@exit_status. */
gboolean    ic_cli_begin          (IcCli                  *cli,
                                   const IcCliCommandSpec *spec,
                                   int                    *argc,
                                   char                 ***argv,
                                   int                    *exit_status);

/* Runs the subcommand argv[1] of @subcommands (ended by a NULL name),
 * as "COMMAND SUBCOMMAND"; --help lists them; anything else is a usage
 * error that says @missing (translatable). */
int         ic_cli_run_subcommand (IcCli                  *cli,
                                   const IcCliCommand     *subcommands,
                                   const char             *missing,
                                   int                     argc,
                                   char                  **argv);

/* Makes @name the command that messages name. */
void        ic_cli_set_command    (IcCli                  *cli,
                                   const char             *name);

/* The store at --db or the default path; @create makes it if missing.
 * (transfer none) */
IcStore    *ic_cli_open_store     (IcCli                  *cli,
                                   gboolean                create,
                                   GError                **error);

/* The author of edits made from the command line. */
const char *ic_cli_get_author     (void);

/* Prints "interchange-cli: MESSAGE" to stderr; returns the exit status
 * a user error gives. */
int         ic_cli_fail           (GError             *error);
/* Prints a usage error for cli->command to stderr, with where to find
 * help; returns 2. */
int         ic_cli_usage_error    (IcCli              *cli,
                                   const char         *format,
                                   ...) G_GNUC_PRINTF (2, 3);

/* Writes @node to stdout as pretty JSON, with a final newline. */
void        ic_cli_print_json     (JsonNode           *node);

/* Reads a whole file, or stdin when @path is "-".
 * Returns: (transfer full) (nullable) */
char       *ic_cli_read_input     (const char         *path,
                                   gsize              *length,
                                   GError            **error);

/* "challenges" → IC_RECORD_KIND_CHALLENGE; singular or plural. */
gboolean    ic_cli_parse_kind     (const char         *word,
                                   IcRecordKind       *kind);

/* Commands, one per source file. */
/* Sets what --visibility and --public-label gave (either may be NULL);
 * --public-label is for challenges only. */
gboolean    ic_cli_apply_sharing  (IcRecord           *record,
                                   const char         *visibility,
                                   const char         *public_label,
                                   GError            **error);

int ic_cli_init        (IcCli *cli, int argc, char **argv);
int ic_cli_demo        (IcCli *cli, int argc, char **argv);
int ic_cli_add         (IcCli *cli, int argc, char **argv);
int ic_cli_list        (IcCli *cli, int argc, char **argv);
/* `list responses`, which ic_cli_list() hands over. */
int ic_cli_list_responses (IcCli *cli, int argc, char **argv);
int ic_cli_show        (IcCli *cli, int argc, char **argv);
int ic_cli_delete      (IcCli *cli, int argc, char **argv);
int ic_cli_history     (IcCli *cli, int argc, char **argv);
int ic_cli_review      (IcCli *cli, int argc, char **argv);
int ic_cli_update      (IcCli *cli, int argc, char **argv);
int ic_cli_match       (IcCli *cli, int argc, char **argv);
int ic_cli_consortium  (IcCli *cli, int argc, char **argv);
int ic_cli_import      (IcCli *cli, int argc, char **argv);
int ic_cli_import_undo (IcCli *cli, int argc, char **argv);
int ic_cli_export      (IcCli *cli, int argc, char **argv);
int ic_cli_shortlist   (IcCli *cli, int argc, char **argv);
/* `report impact …` (ic-cli-report.c). */
int ic_cli_report      (IcCli *cli, int argc, char **argv);
/* `shortlist stage …` (ic-cli-stages.c). */
int ic_cli_shortlist_stage (IcCli *cli, int argc, char **argv);
int ic_cli_sync        (IcCli *cli, int argc, char **argv);
/* --token-file, else $INTERCHANGE_FEED_TOKEN, else the token kept for
 * the feed (keyring or file); NULL if there is none (ic-cli-sync.c). */
gboolean ic_cli_find_token (const char  *token_file,
                            const char  *feed_url,
                            char       **token,
                            GError     **error);
IcFeedClient *ic_cli_open_feed_client (IcCli       *cli,
                                       IcStore     *store,
                                       const char  *feed_url,
                                       const char  *token_file,
                                       const char  *ca_file,
                                       const char  *missing_url,
                                       int         *status);
/* `responses erase ID`: on the feed (ic-cli-responses.c). */
int ic_cli_responses   (IcCli *cli, int argc, char **argv);
int ic_cli_conflicts   (IcCli *cli, int argc, char **argv);
int ic_cli_event       (IcCli *cli, int argc, char **argv);
/* `event add-participants EVENT_ID --csv FILE` (ic-cli-event-participants.c). */
int ic_cli_event_add_participants (IcCli *cli, int argc, char **argv);
int ic_cli_schedule    (IcCli *cli, int argc, char **argv);
int ic_cli_workshop    (IcCli *cli, int argc, char **argv);
int ic_cli_taxonomy    (IcCli *cli, int argc, char **argv);
/* The glossary verbs of `taxonomy`, which ic_cli_taxonomy() hands over. */
gboolean ic_cli_is_glossary_verb (const char *verb);
int ic_cli_glossary    (IcCli *cli, int argc, char **argv, const char * const *related,
                        const char *cluster, gboolean json);
/* `match exclude|include|excluded …`, which ic_cli_match() hands over. */
int ic_cli_match_exclusions (IcCli *cli, int argc, char **argv);
/* `match pin|unpin|pinned …`, and `conflict-rule add|remove|list` (ic-cli-curation.c). */
int ic_cli_match_pins (IcCli *cli, int argc, char **argv);
int ic_cli_conflict_rule (IcCli *cli, int argc, char **argv);
/* `export agenda EVENT_ID …`, which ic_cli_export() hands over as
 * `agenda EVENT_ID …`. */
int ic_cli_export_agenda (IcCli *cli, int argc, char **argv);

G_END_DECLS
