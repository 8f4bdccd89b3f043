/* ic-io-progress.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-io-progress.h"

struct _IcProgressRelay
{
  GMainContext   *context;
  IcProgressFunc  func;
  gpointer        user_data;
  int             last_percent;
};

typedef struct
{
  IcProgressFunc func;
  gpointer       user_data;
  double         fraction;
} Report;

IcProgressRelay *
ic_progress_relay_new (IcProgressFunc func,
                       gpointer       user_data)
{
  IcProgressRelay *relay = g_new0 (IcProgressRelay, 1);

  relay->context = g_main_context_ref_thread_default ();
  relay->func = func;
  relay->user_data = user_data;
  relay->last_percent = -1;
  return relay;
}

void
ic_progress_relay_free (IcProgressRelay *relay)
{
  if (relay == NULL)
    return;
  g_main_context_unref (relay->context);
  g_free (relay);
}

static gboolean
deliver (gpointer data)
{
  Report *report = data;

  report->func (report->fraction, report->user_data);
  return G_SOURCE_REMOVE;
}

void
ic_progress_relay_report (double   fraction,
                          gpointer data)
{
  IcProgressRelay *relay = data;
  int percent = (int) (CLAMP (fraction, 0.0, 1.0) * 100);
  Report *report;

  if (relay->func == NULL || percent == relay->last_percent)
    return;
  relay->last_percent = percent;

  report = g_new (Report, 1);
  report->func = relay->func;
  report->user_data = relay->user_data;
  report->fraction = fraction;
  g_main_context_invoke_full (relay->context, G_PRIORITY_DEFAULT, deliver, report, g_free);
}
