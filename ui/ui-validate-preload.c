/* ui-validate-preload.c — lets gtk4-builder-tool validate templates built on libadwaita
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preloaded into gtk4-builder-tool (under a display), it initialises
 * libadwaita, which registers every Adw type, so that templates whose
 * parent or children are Adw widgets can be checked.
 */

#include <adwaita.h>

static void ic_ui_validate_preload_init (void) __attribute__ ((constructor));

static void
ic_ui_validate_preload_init (void)
{
  /* Programs the tool starts (a D-Bus launcher, say) must not load us. */
  g_unsetenv ("LD_PRELOAD");
  if (gtk_init_check ())
    adw_init ();
}
