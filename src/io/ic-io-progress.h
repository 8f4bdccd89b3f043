/* ic-io-progress.h — how long imports and exports tell how far they are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called now and then with the share of the work done, 0 to 1.  The
 * synchronous functions call it in their own thread; their _async forms
 * call it in the thread-default main context of the caller. */
typedef void (*IcProgressFunc) (double   fraction,
                                gpointer user_data);

/* Carries progress from a worker thread to the main context that made
 * it, at most once per percent. */
typedef struct _IcProgressRelay IcProgressRelay;

/* Returns: (transfer full): a relay to @func in the thread-default main
 * context of the caller. */
IcProgressRelay *ic_progress_relay_new    (IcProgressFunc   func,
                                           gpointer         user_data);
void             ic_progress_relay_free   (IcProgressRelay *relay);
/* Call from the worker; matches IcProgressFunc, with the relay as the
 * user data. */
void             ic_progress_relay_report (double           fraction,
                                           gpointer         relay);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcProgressRelay, ic_progress_relay_free)

G_END_DECLS
