/* ic-app-format.h — how records and their fields read on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ic-model-types.h"

G_BEGIN_DECLS

/* The words the window uses for one record kind, already translated. */
typedef struct
{
  const char *plural;         /* "Challenges" */
  const char *add;            /* "Add Challenge" */
  const char *new_title;      /* "New Challenge" */
  const char *edit_title;     /* "Edit Challenge" */
  const char *delete_label;   /* "Delete Challenge" */
  const char *empty_title;    /* "No Challenges Yet" */
  const char *empty_body;
  const char *search_hint;    /* "Search challenges…" */
  const char *icon_name;
  const char *view_title;     /* "Challenge": one record shown, not edited */
} IcKindText;

const IcKindText *ic_kind_text              (IcRecordKind kind);
/* "42 challenges", translated with the right plural (transfer full). */
char       *ic_format_record_count          (IcRecordKind kind,
                                             guint        n);

const char *ic_format_challenge_status      (IcChallengeStatus  status);
const char *ic_format_organisation_kind     (IcOrganisationKind kind);

/* "4–7", "4" or "—" (transfer full). */
char       *ic_format_trl_range             (int     trl_min,
                                             int     trl_max);
/* "£250,000" (transfer full). */
char       *ic_format_money                 (gint64  pounds);
/* A countdown of @seconds as a facilitator reads it across the room:
 * "6:05" (minutes and seconds) under an hour, "2 h 05 min" from an
 * hour on (transfer full). */
char       *ic_format_countdown             (int         seconds);
/* An RFC 3339 time as a short local date, e.g. "3 Mar 2025"
 * (transfer full). */
char       *ic_format_date                  (const char *rfc3339);

/* A validation message for a person: the field name that leads an
 * IC_MODEL_ERROR's message is replaced by @field_title, or dropped
 * (transfer full). */
char       *ic_format_field_error           (const char *message,
                                             const char *field,
                                             const char *field_title);

/* @n with the locale's thousands separator ("12,345"; "," when the
 * locale has none).  Returns: (transfer full) */
char       *ic_format_number             (guint64        n);
/* @name as a file name, without extension: no quotation marks (curly
 * ones read badly in a mail or a file manager), no characters that some
 * file systems refuse, spaces collapsed; "Shortlist" if nothing is
 * left.  Returns: (transfer full) */
char       *ic_format_file_name          (const char    *name);

G_END_DECLS
