/* ic-schedule.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Messages count slots, tables and participants from 1, as people do.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-schedule-private.h"

G_DEFINE_QUARK (ic-schedule-error-quark, ic_schedule_error)

G_DEFINE_BOXED_TYPE (IcSchedule, ic_schedule, ic_schedule_ref, ic_schedule_unref)

static void
schedule_free (gpointer data)
{
  IcSchedule *self = data;

  g_array_unref (self->meetings);
}

IcSchedule *
ic_schedule_new (void)
{
  IcSchedule *self = g_atomic_rc_box_new0 (IcSchedule);

  self->meetings = g_array_new (FALSE, FALSE, sizeof (IcMeeting));
  self->upper_bound = -1.0;
  self->simple_bound = -1.0;
  return self;
}

/* Returns: (transfer full): @self */
IcSchedule *
ic_schedule_ref (IcSchedule *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

/* Drops a reference; the last frees the schedule. */
void
ic_schedule_unref (IcSchedule *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, schedule_free);
}

void
ic_schedule_add_meeting (IcSchedule      *self,
                         const IcMeeting *meeting)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (meeting != NULL);
  g_array_append_vals (self->meetings, meeting, 1);
}

void
ic_schedule_remove_meeting (IcSchedule *self,
                            guint       index)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->meetings->len);
  g_array_remove_index (self->meetings, index);
}

/* How many meetings the schedule holds. */
guint
ic_schedule_get_n_meetings (IcSchedule *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->meetings->len;
}

const IcMeeting *
ic_schedule_get_meeting (IcSchedule *self,
                         guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->meetings->len, NULL);
  return &g_array_index (self->meetings, IcMeeting, index);
}

static int
compare_meetings (gconstpointer a,
                  gconstpointer b)
{
  const IcMeeting *x = a;
  const IcMeeting *y = b;

  if (x->slot != y->slot)
    return x->slot < y->slot ? -1 : 1;
  if (x->table != y->table)
    return x->table < y->table ? -1 : 1;
  if (x->challenge_owner != y->challenge_owner)
    return x->challenge_owner < y->challenge_owner ? -1 : 1;
  return (x->capability_owner > y->capability_owner) - (x->capability_owner < y->capability_owner);
}

void
ic_schedule_sort (IcSchedule *self)
{
  g_return_if_fail (self != NULL);
  g_array_sort (self->meetings, compare_meetings);
}

double
ic_schedule_get_objective (IcSchedule *self)
{
  double total = 0.0;

  g_return_val_if_fail (self != NULL, 0.0);
  for (guint i = 0; i < self->meetings->len; i++)
    total += g_array_index (self->meetings, IcMeeting, i).score;
  return total;
}

double
ic_schedule_get_upper_bound (IcSchedule *self)
{
  g_return_val_if_fail (self != NULL, -1.0);
  return self->upper_bound;
}

double
ic_schedule_get_simple_bound (IcSchedule *self)
{
  g_return_val_if_fail (self != NULL, -1.0);
  return self->simple_bound;
}

gboolean
ic_schedule_get_optimum (IcSchedule *self,
                         double     *optimum)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (self->has_optimum && optimum != NULL)
    *optimum = self->optimum;
  return self->has_optimum;
}

guint
ic_schedule_get_n_requests_placed (IcSchedule *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  for (guint i = 0; i < self->meetings->len; i++)
    n += g_array_index (self->meetings, IcMeeting, i).requested ? 1 : 0;
  return n;
}

guint
ic_schedule_get_n_kept (IcSchedule *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_kept;
}

static gboolean
check_one (IcScheduleProblem *problem,
           const IcMeeting   *m,
           GError           **error)
{
  guint n_participants = ic_schedule_problem_get_n_participants (problem);
  guint c = m->challenge_owner;
  guint k = m->capability_owner;

  if (m->slot >= ic_schedule_problem_get_n_slots (problem) ||
      m->table >= ic_schedule_problem_get_n_tables (problem) ||
      c >= n_participants || k >= n_participants)
    {
      g_set_error (error, IC_SCHEDULE_ERROR, IC_SCHEDULE_ERROR_INVALID,
                   _("A meeting names a slot, table or participant the event does not have"));
      return FALSE;
    }
  if (ic_schedule_problem_get_role (problem, c) != IC_SCHEDULE_ROLE_CHALLENGE ||
      ic_schedule_problem_get_role (problem, k) != IC_SCHEDULE_ROLE_CAPABILITY)
    {
      g_set_error (error, IC_SCHEDULE_ERROR, IC_SCHEDULE_ERROR_ROLES,
                   _("The meeting in slot %u at table %u is not between a challenge owner "
                     "and a capability owner"), m->slot + 1, m->table + 1);
      return FALSE;
    }
  if (!ic_schedule_problem_is_available (problem, c, m->slot) ||
      !ic_schedule_problem_is_available (problem, k, m->slot))
    {
      g_set_error (error, IC_SCHEDULE_ERROR, IC_SCHEDULE_ERROR_UNAVAILABLE,
                   _("Participant %u is not available in slot %u"),
                   (ic_schedule_problem_is_available (problem, c, m->slot) ? k : c) + 1,
                   m->slot + 1);
      return FALSE;
    }
  if (ic_schedule_problem_is_forbidden (problem, c, k))
    {
      g_set_error (error, IC_SCHEDULE_ERROR, IC_SCHEDULE_ERROR_FORBIDDEN,
                   _("Participants %u and %u must not meet"), c + 1, k + 1);
      return FALSE;
    }
  return TRUE;
}

gboolean
ic_schedule_check (IcSchedule        *self,
                   IcScheduleProblem *problem,
                   GError           **error)
{
  g_autoptr(GHashTable) busy = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) tables = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) pairs = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autofree guint *count = NULL;
  guint n_slots, n_tables, n_participants;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (problem != NULL, FALSE);

  n_slots = ic_schedule_problem_get_n_slots (problem);
  n_tables = ic_schedule_problem_get_n_tables (problem);
  n_participants = ic_schedule_problem_get_n_participants (problem);
  count = g_new0 (guint, n_participants);

  for (guint i = 0; i < self->meetings->len; i++)
    {
      const IcMeeting *m = &g_array_index (self->meetings, IcMeeting, i);
      guint who[2] = { m->challenge_owner, m->capability_owner };
      gsize pair;

      if (!check_one (problem, m, error))
        return FALSE;

      if (!g_hash_table_add (tables, GSIZE_TO_POINTER ((gsize) m->slot * n_tables + m->table + 1)))
        {
          g_set_error (error, IC_SCHEDULE_ERROR, IC_SCHEDULE_ERROR_TABLE_TAKEN,
                       _("Two meetings are at table %u in slot %u"), m->table + 1, m->slot + 1);
          return FALSE;
        }
      pair = (gsize) m->challenge_owner * n_participants + m->capability_owner + 1;
      if (!g_hash_table_add (pairs, GSIZE_TO_POINTER (pair)))
        {
          g_set_error (error, IC_SCHEDULE_ERROR, IC_SCHEDULE_ERROR_REPEATED,
                       _("Participants %u and %u meet twice"), who[0] + 1, who[1] + 1);
          return FALSE;
        }
      for (guint j = 0; j < 2; j++)
        {
          if (!g_hash_table_add (busy, GSIZE_TO_POINTER ((gsize) who[j] * n_slots + m->slot + 1)))
            {
              g_set_error (error, IC_SCHEDULE_ERROR, IC_SCHEDULE_ERROR_CLASH,
                           _("Participant %u has two meetings in slot %u"),
                           who[j] + 1, m->slot + 1);
              return FALSE;
            }
          if (++count[who[j]] > ic_schedule_problem_get_max_meetings (problem, who[j]))
            {
              g_set_error (error, IC_SCHEDULE_ERROR, IC_SCHEDULE_ERROR_TOO_MANY,
                           _("Participant %u has more than the %u meetings they want"),
                           who[j] + 1, ic_schedule_problem_get_max_meetings (problem, who[j]));
              return FALSE;
            }
        }
    }
  return TRUE;
}
