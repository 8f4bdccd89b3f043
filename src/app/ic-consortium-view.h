/* ic-consortium-view.h — the best consortium for a challenge: members, what each brings, why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ic-consortium.h"

G_BEGIN_DECLS

#define IC_TYPE_CONSORTIUM_VIEW (ic_consortium_view_get_type ())

G_DECLARE_FINAL_TYPE (IcConsortiumView, ic_consortium_view, IC, CONSORTIUM_VIEW, AdwBin)

GtkWidget    *ic_consortium_view_new            (void);
/* A spinner while the finder works. */
void          ic_consortium_view_show_searching (IcConsortiumView *self);
/* A status page that says why there is no consortium. */
void          ic_consortium_view_show_none      (IcConsortiumView *self,
                                                 const char       *description);
/* Shows @consortium (the best proposal); its button activates
 * matches.add-consortium-to-shortlist. */
void          ic_consortium_view_show           (IcConsortiumView *self,
                                                 IcConsortium     *consortium,
                                                 double            elapsed_ms);
/* The consortium shown, if any (transfer none) (nullable). */
IcConsortium *ic_consortium_view_get_consortium (IcConsortiumView *self);

G_END_DECLS
