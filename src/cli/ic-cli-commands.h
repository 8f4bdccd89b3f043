/* ic-cli-commands.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ic-cli-private.h"

G_BEGIN_DECLS

/* Ends with an entry whose name is NULL. */
extern const IcCliCommand ic_cli_commands[];

G_END_DECLS
