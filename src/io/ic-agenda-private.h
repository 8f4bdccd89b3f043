/* ic-agenda-private.h — what the agenda's writers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ic-agenda.h"

G_BEGIN_DECLS

typedef struct
{
  char *start;
  char *end;
} IcAgendaSlot;

typedef struct
{
  char *id;
  char *name;
  char *role;
} IcAgendaParticipant;

struct _IcAgenda
{
  GObject  parent_instance;

  char    *title;
  char    *date;
  char    *venue;
  char    *event_id;
  guint    selected;       /* a participant's index, or G_MAXUINT for all */
  GArray  *slots;          /* of IcAgendaSlot */
  GArray  *participants;   /* of IcAgendaParticipant */
  GArray  *meetings;       /* of IcAgendaMeeting, strings owned */
};

/* The meeting of participant @p in @slot, or NULL. */
const IcAgendaMeeting *ic_agenda_find_meeting (IcAgenda *self,
                                               guint     p,
                                               guint     slot);

G_END_DECLS
