/* ic-application.h — the Interchange desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ic-store-service.h"

G_BEGIN_DECLS

#define IC_TYPE_APPLICATION (ic_application_get_type ())

G_DECLARE_FINAL_TYPE (IcApplication, ic_application, IC, APPLICATION, AdwApplication)

IcApplication *ic_application_new          (void);

/* The database the application works on (transfer none); NULL if it
 * could not be opened.  Windows exist only once it is open. */
IcStoreService *ic_application_get_store_service (IcApplication *self);
/* The path of that database (transfer none). */
const char    *ic_application_get_db_path  (IcApplication *self);
/* The application's settings (transfer none). */
GSettings     *ic_application_get_settings (IcApplication *self);
/* The name written into the records a person edits here: the name set
 * in Preferences, else the account's real name (transfer none). */
const char    *ic_application_get_author   (IcApplication *self);

G_END_DECLS
