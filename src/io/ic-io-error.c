/* ic-io-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-io-error.h"

G_DEFINE_QUARK (ic-io-error-quark, ic_io_error)
