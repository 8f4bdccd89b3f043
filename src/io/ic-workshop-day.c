/* ic-workshop-day.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-io-error.h"
#include "ic-workshop-day.h"

static void
set_from (IcEventParticipant *participant,
          guint               n_slots,
          guint               slot,
          gboolean            there_after)
{
  g_autofree guint32 *slots = g_new (guint32, MAX (n_slots, 1));
  gsize n = 0;

  for (guint s = 0; s < n_slots; s++)
    if (ic_event_participant_is_available (participant, s) && (s >= slot) == there_after)
      slots[n++] = s;
  ic_event_participant_set_available (participant, slots, n);
}

gboolean
ic_workshop_day_apply (IcEvent             *event,
                       IcWorkshopDayChange  change,
                       const char          *organisation_id,
                       guint                slot,
                       int                  max_meetings,
                       GError             **error)
{
  guint n_slots = ic_event_get_n_slots (event);
  int index = ic_event_find_participant (event, organisation_id);
  g_autoptr(IcEventParticipant) participant = NULL;

  g_return_val_if_fail (IC_IS_EVENT (event), FALSE);
  g_return_val_if_fail (organisation_id != NULL, FALSE);

  if (slot >= n_slots)
    {
      g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_NOT_FOUND,
                   _("The event has no slot %u: its slots are 1 to %u"), slot + 1, n_slots);
      return FALSE;
    }
  if (change == IC_WORKSHOP_WALK_IN)
    {
      if (index >= 0)
        {
          g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_FORMAT,
                       _("%s already takes part in the event"), organisation_id);
          return FALSE;
        }
      participant = ic_event_participant_new (organisation_id);
      ic_event_participant_set_max_meetings (participant, max_meetings);
      set_from (participant, n_slots, slot, TRUE);
      g_list_store_append (ic_event_get_participants (event), participant);
      return TRUE;
    }
  if (index < 0)
    {
      g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_NOT_FOUND,
                   _("%s does not take part in the event"), organisation_id);
      return FALSE;
    }
  participant = g_list_model_get_item (G_LIST_MODEL (ic_event_get_participants (event)), index);
  set_from (participant, n_slots, slot, change == IC_WORKSHOP_LATE);
  return TRUE;
}

IcSchedule *
ic_workshop_day_reschedule (IcWorkshop  *workshop,
                            IcSchedule  *announced,
                            guint        first_open,
                            GError     **error)
{
  g_return_val_if_fail (workshop != NULL, NULL);

  ic_schedule_problem_set_first_open_slot (workshop->problem, first_open);
  if (announced == NULL)
    return ic_meeting_scheduler_solve (workshop->problem, IC_MEETING_SCHEDULER_DEFAULT,
                                       NULL, NULL, NULL, error);
  return ic_meeting_scheduler_reschedule (workshop->problem, announced, IC_MEETING_SCHEDULER_DEFAULT,
                                          NULL, NULL, NULL, error);
}

IcSchedule *
ic_workshop_day_seat_walk_in (IcWorkshop *workshop,
                              IcSchedule *schedule,
                              guint       participant,
                              guint       first_open)
{
  IcScheduleProblem *problem = workshop->problem;
  guint n = ic_schedule_get_n_meetings (schedule);
  g_autofree guint *count = g_new0 (guint, MAX (workshop->n, 1));
  int best = -1;
  double best_gain = -G_MAXDOUBLE;

  g_return_val_if_fail (participant < workshop->n, ic_schedule_ref (schedule));

  if (ic_schedule_problem_get_role (problem, participant) != IC_SCHEDULE_ROLE_CAPABILITY ||
      ic_schedule_problem_get_max_meetings (problem, participant) == 0)
    return ic_schedule_ref (schedule);
  for (guint i = 0; i < n; i++)
    {
      const IcMeeting *m = ic_schedule_get_meeting (schedule, i);

      count[m->challenge_owner]++;
      count[m->capability_owner]++;
    }
  if (count[participant] > 0)
    return ic_schedule_ref (schedule);

  for (guint i = 0; i < n; i++)
    {
      const IcMeeting *m = ic_schedule_get_meeting (schedule, i);
      double gain;

      if (m->slot < first_open || count[m->capability_owner] < 2 ||
          !ic_schedule_problem_is_available (problem, participant, m->slot) ||
          !ic_schedule_problem_can_meet (problem, m->challenge_owner, participant))
        continue;
      gain = ic_schedule_problem_get_score (problem, m->challenge_owner, participant) - m->score;
      if (gain > best_gain)
        {
          best_gain = gain;
          best = i;
        }
    }
  if (best >= 0)
    {
      g_autoptr(IcSchedule) seated = ic_schedule_new ();

      for (guint i = 0; i < n; i++)
        {
          IcMeeting m = *ic_schedule_get_meeting (schedule, i);

          if ((int) i == best)
            {
              m.capability_owner = participant;
              m.score = ic_schedule_problem_get_score (problem, m.challenge_owner, participant);
              m.requested = ic_schedule_problem_is_requested (problem, m.challenge_owner, participant);
            }
          ic_schedule_add_meeting (seated, &m);
        }
      if (ic_schedule_check (seated, problem, NULL))
        return g_steal_pointer (&seated);
    }
  return ic_schedule_ref (schedule);
}

static int
find_pair (IcSchedule      *schedule,
           const IcMeeting *m)
{
  for (guint i = 0; i < ic_schedule_get_n_meetings (schedule); i++)
    {
      const IcMeeting *o = ic_schedule_get_meeting (schedule, i);

      if (o->challenge_owner == m->challenge_owner && o->capability_owner == m->capability_owner)
        return i;
    }
  return -1;
}

static char *
where (const IcMeeting *m)
{
  /* Translators: "slot 3, table 2" */
  return g_strdup_printf (_("slot %u, table %u"), m->slot + 1, m->table + 1);
}

GPtrArray *
ic_workshop_day_describe_changes (IcWorkshop *workshop,
                                  IcSchedule *before,
                                  IcSchedule *after)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (workshop != NULL && before != NULL && after != NULL, lines);

  for (guint i = 0; i < ic_schedule_get_n_meetings (before); i++)
    {
      const IcMeeting *m = ic_schedule_get_meeting (before, i);
      int j = find_pair (after, m);
      g_autofree char *was = where (m);

      if (j < 0)
        g_ptr_array_add (lines, g_strdup_printf (_("Cancelled: %s and %s (%s)"),
                                                 workshop->names[m->challenge_owner],
                                                 workshop->names[m->capability_owner], was));
      else
        {
          const IcMeeting *n = ic_schedule_get_meeting (after, j);
          g_autofree char *now = where (n);

          if (n->slot != m->slot || n->table != m->table)
            g_ptr_array_add (lines, g_strdup_printf (_("Moved: %s and %s, from %s to %s"),
                                                     workshop->names[m->challenge_owner],
                                                     workshop->names[m->capability_owner], was, now));
        }
    }
  for (guint i = 0; i < ic_schedule_get_n_meetings (after); i++)
    {
      const IcMeeting *m = ic_schedule_get_meeting (after, i);
      g_autofree char *now = where (m);

      if (find_pair (before, m) < 0)
        g_ptr_array_add (lines, g_strdup_printf (_("New: %s and %s (%s)"),
                                                 workshop->names[m->challenge_owner],
                                                 workshop->names[m->capability_owner], now));
    }
  return lines;
}

static int
find_place (IcSchedule *schedule,
            guint       slot,
            guint       table)
{
  for (guint i = 0; i < ic_schedule_get_n_meetings (schedule); i++)
    {
      const IcMeeting *m = ic_schedule_get_meeting (schedule, i);

      if (m->slot == slot && m->table == table)
        return i;
    }
  return -1;
}

IcSchedule *
ic_workshop_day_swap (IcWorkshop  *workshop,
                      IcSchedule  *schedule,
                      guint        slot_a,
                      guint        table_a,
                      guint        slot_b,
                      guint        table_b,
                      GError     **error)
{
  g_autoptr(IcSchedule) swapped = NULL;
  g_autoptr(GPtrArray) clashes = g_ptr_array_new_with_free_func (g_free);
  const IcMeeting *a, *b;
  int ia = find_place (schedule, slot_a, table_a);
  int ib = find_place (schedule, slot_b, table_b);

  g_return_val_if_fail (workshop != NULL && schedule != NULL, NULL);

  if (ia < 0 || ib < 0)
    {
      g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_NOT_FOUND,
                   _("There is no meeting in slot %u at table %u"),
                   (ia < 0 ? slot_a : slot_b) + 1, (ia < 0 ? table_a : table_b) + 1);
      return NULL;
    }
  if (ia == ib)
    return ic_schedule_ref (schedule);
  a = ic_schedule_get_meeting (schedule, ia);
  b = ic_schedule_get_meeting (schedule, ib);
  swapped = ic_schedule_swap (schedule, workshop->problem, ia, ib);

  /* Both meetings in their new places: every rule either breaks. */
  for (guint i = 0; i < ic_schedule_get_n_meetings (swapped); i++)
    {
      const IcMeeting *m = ic_schedule_get_meeting (swapped, i);

      if ((m->challenge_owner == a->challenge_owner && m->capability_owner == a->capability_owner) ||
          (m->challenge_owner == b->challenge_owner && m->capability_owner == b->capability_owner))
        {
          g_autoptr(GPtrArray) found = ic_schedule_list_clashes (swapped, workshop->problem, i,
                                                                 (const char * const *) workshop->names);

          for (guint j = 0; j < found->len; j++)
            {
              gboolean seen = FALSE;

              for (guint k = 0; k < clashes->len; k++)
                seen |= g_str_equal (g_ptr_array_index (clashes, k), g_ptr_array_index (found, j));
              if (!seen)
                g_ptr_array_add (clashes, g_strdup (g_ptr_array_index (found, j)));
            }
        }
    }
  if (clashes->len > 0)
    {
      g_autofree char *all = NULL;

      g_ptr_array_add (clashes, NULL);
      all = g_strjoinv ("; ", (char **) clashes->pdata);
      /* Translators: "Cannot swap the meetings of A and B and of C and D: <every clash>" */
      g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_FORMAT,
                   _("Cannot swap the meetings of %s and %s and of %s and %s: %s"),
                   workshop->names[a->challenge_owner], workshop->names[a->capability_owner],
                   workshop->names[b->challenge_owner], workshop->names[b->capability_owner], all);
      return NULL;
    }
  return g_steal_pointer (&swapped);
}

char *
ic_workshop_describe_schedule (IcWorkshop *workshop,
                               IcSchedule *schedule)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) without = g_ptr_array_new ();
  g_autofree char *shortfalls = NULL;
  guint n = ic_schedule_get_n_meetings (schedule);
  double objective = ic_schedule_get_objective (schedule);
  double bound = ic_schedule_get_upper_bound (schedule);
  double optimum;

  g_return_val_if_fail (workshop != NULL && schedule != NULL, NULL);

  for (guint p = 0; p < workshop->n; p++)
    {
      const IcScheduleAttendance *a = ic_schedule_get_attendance (schedule, p);

      if (a != NULL && a->got == 0 && a->possible > 0)
        g_ptr_array_add (without, workshop->names[p]);
    }

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u meeting", "%u meetings", n), n);
  if (n > 0)
    /* Translators: after "12 meetings": the mean match of the meetings */
    g_string_append_printf (text, _(", an average match of %.0f%%"), 100.0 * objective / n);
  g_string_append (text, ". ");
  if (without->len == 0)
    g_string_append (text, _("Everyone who can meet someone has at least one meeting."));
  else
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (without, NULL);
      names = g_strjoinv (", ", (char **) without->pdata);
      g_string_append_printf (text, _("No meeting for: %s."), names);
    }
  if (ic_schedule_get_optimum (schedule, &optimum))
    g_string_append_printf (text, " %s", _("No schedule matches people better."));
  else if (bound > 0 && ic_schedule_is_fairest (schedule))
    g_string_append_printf (text, _(" Matches are within %.1f%% of the best a schedule this fair can do."),
                            MAX (0.0, 100.0 * (bound - objective) / bound));
  else if (bound > 0)
    g_string_append_printf (text, _(" Matches are within %.1f%% of the best any schedule can do."),
                            MAX (0.0, 100.0 * (bound - objective) / bound));

  shortfalls = ic_schedule_describe_shortfalls (schedule, (const char * const *) workshop->names);
  if (shortfalls != NULL && *shortfalls != '\0')
    g_string_append_printf (text, "\n%s", shortfalls);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
