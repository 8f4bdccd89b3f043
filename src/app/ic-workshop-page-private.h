/* ic-workshop-page-private.h — what the Workshop page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ic-workshop-page.h"
#include "ic-workshop.h"

G_BEGIN_DECLS

struct _IcWorkshopPage
{
  AdwBin          parent_instance;

  IcStoreService *service;
  char           *event_id;          /* the event shown, kept across reloads */
  IcWorkshop     *workshop;          /* NULL until loaded */
  IcSchedule     *schedule;          /* NULL until scheduled */
  IcSchedule     *undo_schedule;     /* the one a fresh run replaced */
  GPtrArray      *rules;             /* of IcCurationEntry: conflict-of-interest
                                      * rules that keep participants apart */
  GCancellable   *load_cancellable;
  GCancellable   *schedule_cancellable;
  gboolean        updating;          /* the page itself is selecting a row */
  gboolean        stale;             /* the event must be loaded again */
  gboolean        disposed;          /* a job ended after the page went */

  GtkListBox     *events_list;
  GtkStack       *detail_stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *failed_page;
  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkRevealer    *progress_revealer;
  GtkProgressBar *progress_bar;
  GtkRevealer    *move_error_revealer;
  GtkLabel       *move_error_label;
  GtkLabel       *summary_label;
  GtkRevealer    *changes_revealer;
  GtkLabel       *changes_label;
  GtkStack       *view_stack;
  GtkGrid        *schedule_grid;
  GtkListBox     *participants_list;
};

/* ic-workshop-page-views.c: the schedule as a grid and per participant. */
void  ic_workshop_page_show_schedule (IcWorkshopPage *self);
/* "Slot 2, 09:20–09:40" (transfer full) */
char *ic_workshop_page_slot_label    (IcWorkshopPage *self,
                                      guint           slot);

/* ic-workshop-page-move.c: moving one meeting by hand. */
void  ic_workshop_page_move_meeting  (IcWorkshopPage *self,
                                      guint           index);
/* Moves meeting @index to @slot and @table if the event's rules allow it
 * and saves the schedule; else says why in the page and changes nothing. */
gboolean ic_workshop_page_apply_move (IcWorkshopPage *self,
                                      guint           index,
                                      guint           slot,
                                      guint           table);
void  ic_workshop_page_show_error    (IcWorkshopPage *self,
                                      const char     *message);
/* Saves @schedule as the event's, off the main thread; if that fails,
 * says so after @failed ("Cannot save the schedule") and loads the
 * event again, so the page shows what is stored. */
void  ic_workshop_page_save_schedule (IcWorkshopPage *self,
                                      IcSchedule     *schedule,
                                      const char     *failed);

/* Enables the page's actions for what is loaded and running. */
void  ic_workshop_page_update_actions (IcWorkshopPage *self);

/* ic-workshop-page-day.c: the changes of the day. */
/* The first slot that has not ended (0 before the day, the number of
 * slots after it). */
guint    ic_workshop_page_current_slot     (IcWorkshopPage *self);
/* Shows @heading and @lines (may be NULL) under the summary; a NULL
 * @heading hides them. */
void     ic_workshop_page_show_changes     (IcWorkshopPage *self,
                                            const char     *heading,
                                            GPtrArray      *lines);
void     ic_workshop_page_ask_day_change   (IcWorkshopPage *self,
                                            gboolean        late);
void     ic_workshop_page_apply_day_change (IcWorkshopPage *self,
                                            guint           participant,
                                            guint           slot,
                                            gboolean        late);
void     ic_workshop_page_ask_swap         (IcWorkshopPage *self);
/* ic-workshop-page-walk-in.c: someone who was not expected. */
void     ic_workshop_page_ask_walk_in      (IcWorkshopPage *self);
/* The labels of the slots a change of the day can still touch; @first
 * gets the number of the first.
 * Returns: (transfer full) */
GStrv    ic_workshop_page_slots_to_come    (IcWorkshopPage *self,
                                            guint          *first);
/* Swaps meetings @a and @b if no rule breaks, else says every clash. */
gboolean ic_workshop_page_apply_swap       (IcWorkshopPage *self,
                                            guint           a,
                                            guint           b);

G_END_DECLS
