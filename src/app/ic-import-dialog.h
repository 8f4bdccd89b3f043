/* ic-import-dialog.h — records from a CSV file, seen before they are written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog reads the first rows of a file, guesses what it holds,
 * lets the person change which column fills which field, and runs a dry
 * run with that mapping after each change: how many rows would be
 * added, updated and rejected, and why each rejected row would fail.
 * The import itself runs in a worker with a progress bar and Cancel;
 * it is one transaction, so a cancelled or failed import writes
 * nothing.  On success the dialog closes, the window's pages are read
 * again and a toast says what was added and updated.
 */

#pragma once

#include <adwaita.h>

#include "ic-window.h"

G_BEGIN_DECLS

#define IC_TYPE_IMPORT_DIALOG (ic_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IcImportDialog, ic_import_dialog, IC, IMPORT_DIALOG, AdwWindow)

/* A dialog over @window, importing into its database. */
IcImportDialog *ic_import_dialog_new         (IcWindow       *window);
/* Reads @file and shows its preview. */
void            ic_import_dialog_open_file   (IcImportDialog *self,
                                              GFile          *file);
/* Asks for a file, with the system's file chooser. */
void            ic_import_dialog_choose_file (IcImportDialog *self);

G_END_DECLS
