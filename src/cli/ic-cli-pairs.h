/* ic-cli-pairs.h — the shape shared by commands on a challenge–capability pair
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `match exclude|include|excluded` and `match pin|unpin|pinned` both
 * take a verb that sets a pair, one that clears it and one that lists
 * them, an optional --reason and a listing's --challenge and --json.
 */

#pragma once

#include "ic-cli-private.h"

G_BEGIN_DECLS

typedef enum {
  IC_CLI_PAIR_SET,
  IC_CLI_PAIR_CLEAR,
  IC_CLI_PAIR_LIST,
} IcCliPairVerb;

typedef struct {
  const char *set;         /* "pin" */
  const char *clear;       /* "unpin" */
  const char *list;        /* "pinned" */
  gboolean    need_reason; /* set without --reason is a usage error */
} IcCliPairVerbs;

typedef struct {
  char     *challenge_id;  /* --challenge, for the listing */
  char     *reason;        /* --reason, for set */
  gboolean  json;          /* --json, for the listing */
} IcCliPairArgs;

void  ic_cli_pair_args_clear  (IcCliPairArgs *args);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IcCliPairArgs, ic_cli_pair_args_clear)

gboolean ic_cli_pair_command_begin (IcCli                *cli,
                                    const IcCliPairVerbs *verbs,
                                    const char           *reason_help,
                                    IcCliPairArgs        *args,
                                    int                  *argc,
                                    char               ***argv,
                                    IcCliPairVerb        *verb,
                                    int                  *status);

char *ic_cli_describe_record (IcStore    *store,
                              const char *id);

G_END_DECLS
