/* ic-schedule-problem.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ic-schedule-problem.h"

/* Pairs are keyed by (low << 16 | high) in a pointer-sized integer. */
#define MAX_PARTICIPANTS 65535

typedef struct
{
  IcScheduleRole role;
  guint          max_meetings;
  guint          min_meetings;
} Participant;

typedef struct
{
  double   score;
  gboolean requested;
  gboolean forbidden;
} PairInfo;

struct _IcScheduleProblem
{
  guint       n_slots;
  guint       n_tables;
  GArray     *participants;   /* of Participant */
  GByteArray *available;      /* participant × slot */
  GArray     *pairs;          /* of PairInfo */
  GHashTable *pair_index;     /* pair key → index + 1 in pairs */
  gboolean    fair;
  gboolean    fixed_tables;
  guint       first_open_slot;
};

G_DEFINE_BOXED_TYPE (IcScheduleProblem, ic_schedule_problem,
                     ic_schedule_problem_ref, ic_schedule_problem_unref)

static void
problem_free (gpointer data)
{
  IcScheduleProblem *self = data;

  g_array_unref (self->participants);
  g_byte_array_unref (self->available);
  g_array_unref (self->pairs);
  g_hash_table_unref (self->pair_index);
}

/**
 * ic_schedule_problem_new:
 * @n_slots: how many time slots the event has
 * @n_tables: how many meetings fit in one slot
 *
 * Returns: (transfer full): a problem with no participants yet
 */
IcScheduleProblem *
ic_schedule_problem_new (guint n_slots,
                         guint n_tables)
{
  IcScheduleProblem *self = g_atomic_rc_box_new0 (IcScheduleProblem);

  self->n_slots = n_slots;
  self->n_tables = n_tables;
  self->participants = g_array_new (FALSE, FALSE, sizeof (Participant));
  self->available = g_byte_array_new ();
  self->pairs = g_array_new (FALSE, FALSE, sizeof (PairInfo));
  self->pair_index = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->fair = TRUE;
  self->fixed_tables = TRUE;
  return self;
}

/* Returns: (transfer full): @self */
IcScheduleProblem *
ic_schedule_problem_ref (IcScheduleProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

/* Drops a reference; the last frees the problem. */
void
ic_schedule_problem_unref (IcScheduleProblem *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, problem_free);
}

/* How many time slots the event has. */
guint
ic_schedule_problem_get_n_slots (IcScheduleProblem *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_slots;
}

/* How many meetings fit in one slot. */
guint
ic_schedule_problem_get_n_tables (IcScheduleProblem *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_tables;
}

/* How many participants have been added. */
guint
ic_schedule_problem_get_n_participants (IcScheduleProblem *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->participants->len;
}

guint
ic_schedule_problem_add_participant (IcScheduleProblem *self,
                                     IcScheduleRole     role,
                                     guint              max_meetings)
{
  Participant p = { role, max_meetings, IC_SCHEDULE_MIN_DEFAULT };
  guint old_len;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->participants->len < MAX_PARTICIPANTS, 0);

  g_array_append_val (self->participants, p);
  old_len = self->available->len;
  g_byte_array_set_size (self->available, old_len + self->n_slots);
  memset (self->available->data + old_len, TRUE, self->n_slots);
  return self->participants->len - 1;
}

static inline gboolean
valid_participant (IcScheduleProblem *self,
                   guint              participant)
{
  return self != NULL && participant < self->participants->len;
}

/* Whether @participant brings challenges or capabilities. */
IcScheduleRole
ic_schedule_problem_get_role (IcScheduleProblem *self,
                              guint              participant)
{
  g_return_val_if_fail (valid_participant (self, participant), IC_SCHEDULE_ROLE_CHALLENGE);
  return g_array_index (self->participants, Participant, participant).role;
}

/* The most meetings @participant wants. */
guint
ic_schedule_problem_get_max_meetings (IcScheduleProblem *self,
                                      guint              participant)
{
  g_return_val_if_fail (valid_participant (self, participant), 0);
  return g_array_index (self->participants, Participant, participant).max_meetings;
}

/* Changes the most meetings @participant wants. */
void
ic_schedule_problem_set_max_meetings (IcScheduleProblem *self,
                                      guint              participant,
                                      guint              max_meetings)
{
  g_return_if_fail (valid_participant (self, participant));
  g_array_index (self->participants, Participant, participant).max_meetings = max_meetings;
}

void
ic_schedule_problem_set_min_meetings (IcScheduleProblem *self,
                                      guint              participant,
                                      guint              min_meetings)
{
  g_return_if_fail (valid_participant (self, participant));
  g_array_index (self->participants, Participant, participant).min_meetings = min_meetings;
}

guint
ic_schedule_problem_get_min_meetings (IcScheduleProblem *self,
                                      guint              participant)
{
  g_return_val_if_fail (valid_participant (self, participant), 0);
  return g_array_index (self->participants, Participant, participant).min_meetings;
}

void
ic_schedule_problem_set_fair (IcScheduleProblem *self,
                              gboolean           fair)
{
  g_return_if_fail (self != NULL);
  self->fair = !!fair;
}

gboolean
ic_schedule_problem_get_fair (IcScheduleProblem *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->fair;
}

void
ic_schedule_problem_set_fixed_tables (IcScheduleProblem *self,
                                      gboolean           fixed)
{
  g_return_if_fail (self != NULL);
  self->fixed_tables = !!fixed;
}

gboolean
ic_schedule_problem_get_fixed_tables (IcScheduleProblem *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->fixed_tables;
}

void
ic_schedule_problem_set_first_open_slot (IcScheduleProblem *self,
                                         guint              slot)
{
  g_return_if_fail (self != NULL);
  self->first_open_slot = MIN (slot, self->n_slots);
}

guint
ic_schedule_problem_get_first_open_slot (IcScheduleProblem *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->first_open_slot;
}

/* Says whether @participant can meet anyone in @slot. */
void
ic_schedule_problem_set_available (IcScheduleProblem *self,
                                   guint              participant,
                                   guint              slot,
                                   gboolean           available)
{
  g_return_if_fail (valid_participant (self, participant));
  g_return_if_fail (slot < self->n_slots);
  self->available->data[(gsize) participant * self->n_slots + slot] = !!available;
}

void
ic_schedule_problem_clear_available (IcScheduleProblem *self,
                                     guint              participant)
{
  g_return_if_fail (valid_participant (self, participant));
  memset (self->available->data + (gsize) participant * self->n_slots, FALSE, self->n_slots);
}

/* Whether @participant can meet anyone in @slot. */
gboolean
ic_schedule_problem_is_available (IcScheduleProblem *self,
                                  guint              participant,
                                  guint              slot)
{
  g_return_val_if_fail (valid_participant (self, participant), FALSE);
  g_return_val_if_fail (slot < self->n_slots, FALSE);
  return self->available->data[(gsize) participant * self->n_slots + slot];
}

static gpointer
pair_key (guint a,
          guint b)
{
  return GUINT_TO_POINTER (MIN (a, b) << 16 | MAX (a, b));
}

static PairInfo *
lookup_pair (IcScheduleProblem *self,
             guint              a,
             guint              b)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->pair_index, pair_key (a, b)));

  return index ? &g_array_index (self->pairs, PairInfo, index - 1) : NULL;
}

static PairInfo *
ensure_pair (IcScheduleProblem *self,
             guint              a,
             guint              b)
{
  PairInfo *info = lookup_pair (self, a, b);
  PairInfo empty = { 0 };

  if (info != NULL)
    return info;
  g_array_append_val (self->pairs, empty);
  g_hash_table_insert (self->pair_index, pair_key (a, b), GUINT_TO_POINTER (self->pairs->len));
  return &g_array_index (self->pairs, PairInfo, self->pairs->len - 1);
}

void
ic_schedule_problem_set_score (IcScheduleProblem *self,
                               guint              a,
                               guint              b,
                               double             score)
{
  g_return_if_fail (valid_participant (self, a) && valid_participant (self, b));
  g_return_if_fail (a != b);
  ensure_pair (self, a, b)->score = MAX (score, 0.0);
}

double
ic_schedule_problem_get_score (IcScheduleProblem *self,
                               guint              a,
                               guint              b)
{
  PairInfo *info;

  g_return_val_if_fail (valid_participant (self, a) && valid_participant (self, b), 0.0);
  info = lookup_pair (self, a, b);
  return info ? info->score : 0.0;
}

void
ic_schedule_problem_add_request (IcScheduleProblem *self,
                                 guint              a,
                                 guint              b)
{
  g_return_if_fail (valid_participant (self, a) && valid_participant (self, b));
  g_return_if_fail (a != b);
  ensure_pair (self, a, b)->requested = TRUE;
}

/* Whether someone asked for a meeting between @a and @b. */
gboolean
ic_schedule_problem_is_requested (IcScheduleProblem *self,
                                  guint              a,
                                  guint              b)
{
  PairInfo *info;

  g_return_val_if_fail (valid_participant (self, a) && valid_participant (self, b), FALSE);
  info = lookup_pair (self, a, b);
  return info != NULL && info->requested;
}

void
ic_schedule_problem_add_forbidden (IcScheduleProblem *self,
                                   guint              a,
                                   guint              b)
{
  g_return_if_fail (valid_participant (self, a) && valid_participant (self, b));
  g_return_if_fail (a != b);
  ensure_pair (self, a, b)->forbidden = TRUE;
}

/* Whether @a and @b must never meet. */
gboolean
ic_schedule_problem_is_forbidden (IcScheduleProblem *self,
                                  guint              a,
                                  guint              b)
{
  PairInfo *info;

  g_return_val_if_fail (valid_participant (self, a) && valid_participant (self, b), FALSE);
  info = lookup_pair (self, a, b);
  return info != NULL && info->forbidden;
}

gboolean
ic_schedule_problem_can_meet (IcScheduleProblem *self,
                              guint              a,
                              guint              b)
{
  PairInfo *info;

  g_return_val_if_fail (valid_participant (self, a) && valid_participant (self, b), FALSE);
  if (ic_schedule_problem_get_role (self, a) == ic_schedule_problem_get_role (self, b))
    return FALSE;
  info = lookup_pair (self, a, b);
  return info != NULL && !info->forbidden && (info->score > 0.0 || info->requested);
}
