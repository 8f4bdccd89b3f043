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
  g_clear_pointer (&self->people, g_array_unref);
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

guint
ic_schedule_get_n_fair_units (IcSchedule *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_fair_units;
}

guint
ic_schedule_get_n_fair_met (IcSchedule *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_fair_met;
}

gboolean
ic_schedule_is_fairest (IcSchedule *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->fairest;
}

const IcScheduleAttendance *
ic_schedule_get_attendance (IcSchedule *self,
                            guint       participant)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (self->people == NULL || participant >= self->people->len)
    return NULL;
  return &g_array_index (self->people, IcScheduleAttendance, participant);
}

static char *
name_of (const char * const *names,
         guint               participant)
{
  if (names != NULL && names[participant] != NULL)
    return g_strdup (names[participant]);
  return g_strdup_printf (_("Participant %u"), participant + 1);
}

char *
ic_schedule_describe_shortfalls (IcSchedule         *self,
                                 const char * const *names)
{
  static const IcScheduleShortfall order[] = {
    IC_SCHEDULE_SHORT_COUNTERPARTS, IC_SCHEDULE_SHORT_AVAILABILITY, IC_SCHEDULE_SHORT_CAPACITY,
  };
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);
  if (self->people == NULL)
    return g_string_free (g_steal_pointer (&text), FALSE);

  for (guint r = 0; r < G_N_ELEMENTS (order); r++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint p = 0; p < self->people->len; p++)
        {
          const IcScheduleAttendance *a = &g_array_index (self->people, IcScheduleAttendance, p);
          g_autofree char *who = NULL;

          if (a->shortfall != order[r])
            continue;
          who = name_of (names, p);
          if (line->len > 0)
            g_string_append (line, _(", "));
          /* Translators: "Acme (2 of 6)": meetings had of meetings asked for */
          g_string_append_printf (line, _("%s (%u of %u)"), who, a->got, a->asked);
        }
      if (line->len == 0)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      switch (order[r])
        {
        case IC_SCHEDULE_SHORT_COUNTERPARTS:
          g_string_append_printf (text, _("Fewer meetings than asked for, as too few participants "
                                          "can meet them: %s."), line->str);
          break;
        case IC_SCHEDULE_SHORT_AVAILABILITY:
          g_string_append_printf (text, _("Fewer meetings than asked for, as they are there for "
                                          "fewer slots: %s."), line->str);
          break;
        case IC_SCHEDULE_SHORT_CAPACITY:
        default:
          g_string_append_printf (text, _("Fewer meetings than asked for, as the tables or the "
                                          "time of those they can meet ran out: %s."), line->str);
          break;
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

IcSchedule *
ic_schedule_swap (IcSchedule        *self,
                  IcScheduleProblem *problem,
                  guint              a,
                  guint              b)
{
  IcSchedule *swapped;
  IcMeeting *x, *y;
  guint slot;

  g_return_val_if_fail (self != NULL && problem != NULL, NULL);
  g_return_val_if_fail (a < self->meetings->len && b < self->meetings->len, NULL);

  swapped = ic_schedule_new ();
  g_array_append_vals (swapped->meetings, self->meetings->data, self->meetings->len);
  x = &g_array_index (swapped->meetings, IcMeeting, a);
  y = &g_array_index (swapped->meetings, IcMeeting, b);
  slot = x->slot;
  x->slot = y->slot;
  y->slot = slot;
  if (!ic_schedule_problem_get_fixed_tables (problem))
    {
      guint table = x->table;

      x->table = y->table;
      y->table = table;
    }
  ic_schedule_sort (swapped);
  return swapped;
}

/* Whether challenge owners keep one table all day under @problem: asked
 * for, and possible (no more of them than tables). */
static gboolean
tables_are_fixed (IcScheduleProblem *problem)
{
  guint n_c = 0;

  if (!ic_schedule_problem_get_fixed_tables (problem))
    return FALSE;
  for (guint p = 0; p < ic_schedule_problem_get_n_participants (problem); p++)
    n_c += ic_schedule_problem_get_role (problem, p) == IC_SCHEDULE_ROLE_CHALLENGE;
  return n_c <= ic_schedule_problem_get_n_tables (problem);
}

GPtrArray *
ic_schedule_list_clashes (IcSchedule         *self,
                          IcScheduleProblem  *problem,
                          guint               index,
                          const char * const *names)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  const IcMeeting *m;
  g_autofree char *c_name = NULL;
  g_autofree char *k_name = NULL;
  guint n_participants, c_count = 0, k_count = 0;
  gboolean fixed;

  g_return_val_if_fail (self != NULL && problem != NULL, out);
  g_return_val_if_fail (index < self->meetings->len, out);

  m = &g_array_index (self->meetings, IcMeeting, index);
  n_participants = ic_schedule_problem_get_n_participants (problem);
  if (m->challenge_owner >= n_participants || m->capability_owner >= n_participants ||
      m->slot >= ic_schedule_problem_get_n_slots (problem) ||
      m->table >= ic_schedule_problem_get_n_tables (problem))
    {
      g_ptr_array_add (out, g_strdup (_("The meeting names a slot, table or participant "
                                        "the event does not have")));
      return out;
    }
  c_name = name_of (names, m->challenge_owner);
  k_name = name_of (names, m->capability_owner);
  fixed = tables_are_fixed (problem);

  if (!ic_schedule_problem_is_available (problem, m->challenge_owner, m->slot))
    g_ptr_array_add (out, g_strdup_printf (_("%s is not there in slot %u"), c_name, m->slot + 1));
  if (!ic_schedule_problem_is_available (problem, m->capability_owner, m->slot))
    g_ptr_array_add (out, g_strdup_printf (_("%s is not there in slot %u"), k_name, m->slot + 1));
  if (ic_schedule_problem_is_forbidden (problem, m->challenge_owner, m->capability_owner))
    g_ptr_array_add (out, g_strdup_printf (_("%s and %s must not meet"), c_name, k_name));

  for (guint i = 0; i < self->meetings->len; i++)
    {
      const IcMeeting *o = &g_array_index (self->meetings, IcMeeting, i);
      g_autofree char *oc = NULL;
      g_autofree char *ok = NULL;

      if (i == index)
        continue;
      c_count += o->challenge_owner == m->challenge_owner;
      k_count += o->capability_owner == m->capability_owner;
      if (o->challenge_owner >= n_participants || o->capability_owner >= n_participants)
        continue;
      oc = name_of (names, o->challenge_owner);
      ok = name_of (names, o->capability_owner);
      if (o->slot == m->slot && o->table == m->table)
        g_ptr_array_add (out, g_strdup_printf (_("Table %u is taken in slot %u by %s and %s"),
                                               m->table + 1, m->slot + 1, oc, ok));
      if (o->slot == m->slot && o->challenge_owner == m->challenge_owner)
        g_ptr_array_add (out, g_strdup_printf (_("%s already meets %s in slot %u"),
                                               c_name, ok, m->slot + 1));
      if (o->slot == m->slot && o->capability_owner == m->capability_owner)
        g_ptr_array_add (out, g_strdup_printf (_("%s already meets %s in slot %u"),
                                               k_name, oc, m->slot + 1));
      if (o->challenge_owner == m->challenge_owner && o->capability_owner == m->capability_owner)
        g_ptr_array_add (out, g_strdup_printf (_("%s and %s already meet in slot %u"),
                                               c_name, k_name, o->slot + 1));
      if (fixed && o->challenge_owner == m->challenge_owner && o->table != m->table)
        g_ptr_array_add (out, g_strdup_printf (_("%s keeps table %u all day"),
                                               c_name, o->table + 1));
    }
  if (c_count + 1 > ic_schedule_problem_get_max_meetings (problem, m->challenge_owner))
    g_ptr_array_add (out, g_strdup_printf (_("%s wants at most %u meetings"), c_name,
                                           ic_schedule_problem_get_max_meetings (problem, m->challenge_owner)));
  if (k_count + 1 > ic_schedule_problem_get_max_meetings (problem, m->capability_owner))
    g_ptr_array_add (out, g_strdup_printf (_("%s wants at most %u meetings"), k_name,
                                           ic_schedule_problem_get_max_meetings (problem, m->capability_owner)));
  return out;
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
  g_autofree guint *home = NULL;
  guint n_slots, n_tables, n_participants;
  gboolean fixed;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (problem != NULL, FALSE);

  n_slots = ic_schedule_problem_get_n_slots (problem);
  n_tables = ic_schedule_problem_get_n_tables (problem);
  n_participants = ic_schedule_problem_get_n_participants (problem);
  count = g_new0 (guint, n_participants);
  home = g_new0 (guint, n_participants);
  fixed = tables_are_fixed (problem);

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
      if (fixed && home[m->challenge_owner] != 0 && home[m->challenge_owner] != m->table + 1)
        {
          g_set_error (error, IC_SCHEDULE_ERROR, IC_SCHEDULE_ERROR_TABLE_CHANGE,
                       _("Participant %u keeps table %u all day"),
                       m->challenge_owner + 1, home[m->challenge_owner]);
          return FALSE;
        }
      home[m->challenge_owner] = m->table + 1;
    }
  return TRUE;
}
