/* ic-workshop.c — an event, its scores and its schedule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-capability.h"
#include "ic-challenge.h"
#include "ic-match-loader.h"
#include "ic-matcher.h"
#include "ic-organisation.h"
#include "ic-store-events.h"
#include "ic-workshop.h"

#define MAX_RECORDS_PER_ORGANISATION 10000

void
ic_workshop_free (IcWorkshop *workshop)
{
  if (workshop == NULL)
    return;
  for (gsize i = 0; workshop->matches != NULL && i < (gsize) workshop->n * workshop->n; i++)
    {
      g_free (workshop->matches[i].challenge_id);
      g_free (workshop->matches[i].challenge_title);
      g_free (workshop->matches[i].capability_id);
      g_free (workshop->matches[i].capability_title);
      g_free (workshop->matches[i].challenge_contact);
      g_free (workshop->matches[i].capability_contact);
    }
  g_free (workshop->matches);
  g_strfreev (workshop->ids);
  g_strfreev (workshop->names);
  g_clear_pointer (&workshop->index, g_hash_table_unref);
  g_clear_pointer (&workshop->problem, ic_schedule_problem_unref);
  g_clear_object (&workshop->event);
  g_free (workshop);
}

/* The live records of @kind that organisation @owner_id owns.
 * Returns: (transfer full) (nullable) */
static GPtrArray *
owned_records (IcStore       *store,
               IcRecordKind   kind,
               const char    *owner_id,
               GError       **error)
{
  g_autoptr(IcStoreQuery) query = ic_store_query_new ();

  ic_store_query_set_owner_id (query, owner_id);
  return ic_store_list (store, kind, query, 0, MAX_RECORDS_PER_ORGANISATION, error);
}

static IcScheduleRole
decide_role (IcOrganisation *organisation,
             guint           n_challenges,
             guint           n_capabilities)
{
  IcOrganisationKind kind;

  if (n_challenges > 0 && n_capabilities == 0)
    return IC_SCHEDULE_ROLE_CHALLENGE;
  if (n_capabilities > 0 && n_challenges == 0)
    return IC_SCHEDULE_ROLE_CAPABILITY;
  kind = organisation ? ic_organisation_get_kind (organisation) : IC_ORGANISATION_KIND_OTHER;
  return kind == IC_ORGANISATION_KIND_LARGE_FIRM || kind == IC_ORGANISATION_KIND_PUBLIC_BODY
         ? IC_SCHEDULE_ROLE_CHALLENGE : IC_SCHEDULE_ROLE_CAPABILITY;
}

/* The best challenge × capability match of every challenge owner ×
 * capability owner pair, into the problem and @workshop->matches. */
static void
score_pairs (IcWorkshop      *workshop,
             IcMatcher       *matcher,
             IcMatchWeights  *weights,
             GPtrArray      **challenges,
             GPtrArray      **capabilities)
{
  g_auto(IcMatchOptions) options;

  ic_match_options_init (&options);
  for (guint c = 0; c < workshop->n; c++)
    for (guint k = 0; k < workshop->n; k++)
      {
        IcWorkshopMatch *best = &workshop->matches[(gsize) c * workshop->n + k];

        if (ic_schedule_problem_get_role (workshop->problem, c) != IC_SCHEDULE_ROLE_CHALLENGE ||
            ic_schedule_problem_get_role (workshop->problem, k) != IC_SCHEDULE_ROLE_CAPABILITY)
          continue;
        for (guint i = 0; i < challenges[c]->len; i++)
          for (guint j = 0; j < capabilities[k]->len; j++)
            {
              IcChallenge *challenge = g_ptr_array_index (challenges[c], i);
              IcCapability *capability = g_ptr_array_index (capabilities[k], j);
              double score = 0.0;

              if (!ic_matcher_score_pair (matcher, challenge,
                                          ic_record_get_id (IC_RECORD (capability)),
                                          weights, &options, &score, NULL) ||
                  score <= best->score)
                continue;
              best->score = score;
              g_free (best->challenge_id);
              g_free (best->challenge_title);
              g_free (best->capability_id);
              g_free (best->capability_title);
              g_free (best->challenge_contact);
              g_free (best->capability_contact);
              best->challenge_contact = g_strdup (ic_challenge_get_contact (challenge));
              best->capability_contact = g_strdup (ic_capability_get_contact (capability));
              best->challenge_id = g_strdup (ic_record_get_id (IC_RECORD (challenge)));
              best->challenge_title = g_strdup (ic_challenge_get_title (challenge));
              best->capability_id = g_strdup (ic_record_get_id (IC_RECORD (capability)));
              best->capability_title = g_strdup (ic_capability_get_title (capability));
            }
        if (best->score > 0.0)
          ic_schedule_problem_set_score (workshop->problem, c, k, best->score);
      }
}

static gboolean
load_participants (IcWorkshop  *workshop,
                   IcStore     *store,
                   GPtrArray  **challenges,
                   GPtrArray  **capabilities,
                   GError     **error)
{
  GListModel *participants = G_LIST_MODEL (ic_event_get_participants (workshop->event));
  guint n_slots = ic_event_get_n_slots (workshop->event);

  for (guint p = 0; p < workshop->n; p++)
    {
      g_autoptr(IcEventParticipant) participant = g_list_model_get_item (participants, p);
      const char *id = ic_event_participant_get_organisation_id (participant);
      g_autoptr(IcRecord) organisation = ic_store_get (store, id, NULL);
      int max_meetings = ic_event_participant_get_max_meetings (participant);
      IcScheduleRole role;

      if (organisation != NULL && !IC_IS_ORGANISATION (organisation))
        g_clear_object (&organisation);
      workshop->ids[p] = g_strdup (id);
      workshop->names[p] = g_strdup (organisation ? ic_record_get_title (organisation) : id);
      g_hash_table_insert (workshop->index, workshop->ids[p], GUINT_TO_POINTER (p + 1));

      challenges[p] = owned_records (store, IC_RECORD_KIND_CHALLENGE, id, error);
      capabilities[p] = owned_records (store, IC_RECORD_KIND_CAPABILITY, id, error);
      if (challenges[p] == NULL || capabilities[p] == NULL)
        return FALSE;

      role = decide_role (organisation ? IC_ORGANISATION (organisation) : NULL,
                          challenges[p]->len, capabilities[p]->len);
      ic_schedule_problem_add_participant (workshop->problem, role,
                                           max_meetings < 0 ? n_slots : (guint) max_meetings);
      for (guint s = 0; s < n_slots; s++)
        ic_schedule_problem_set_available (workshop->problem, p, s,
                                           ic_event_participant_is_available (participant, s));
    }
  return TRUE;
}

static void
add_pairs (IcWorkshop *workshop,
           GListStore *pairs,
           gboolean    forbidden)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pairs)); i++)
    {
      g_autoptr(IcEventPair) pair = g_list_model_get_item (G_LIST_MODEL (pairs), i);
      guint a = GPOINTER_TO_UINT (g_hash_table_lookup (workshop->index, ic_event_pair_get_first (pair)));
      guint b = GPOINTER_TO_UINT (g_hash_table_lookup (workshop->index, ic_event_pair_get_second (pair)));

      if (a == 0 || b == 0 || a == b)
        continue;
      if (forbidden)
        ic_schedule_problem_add_forbidden (workshop->problem, a - 1, b - 1);
      else
        ic_schedule_problem_add_request (workshop->problem, a - 1, b - 1);
    }
}

IcWorkshop *
ic_workshop_load (IcStore     *store,
                  const char  *event_id,
                  GError     **error)
{
  g_autoptr(IcWorkshop) workshop = g_new0 (IcWorkshop, 1);
  g_autoptr(IcMatcher) matcher = NULL;
  g_autoptr(IcMatchWeights) weights = NULL;
  g_autofree GPtrArray **challenges = NULL;
  g_autofree GPtrArray **capabilities = NULL;
  gboolean ok;

  workshop->event = ic_store_get_event (store, event_id, error);
  if (workshop->event == NULL)
    return NULL;
  if (ic_record_get_deleted (IC_RECORD (workshop->event)))
    {
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_NOT_FOUND,
                   _("The event %s was deleted"), event_id);
      return NULL;
    }

  workshop->n = ic_event_get_n_participants (workshop->event);
  workshop->ids = g_new0 (char *, workshop->n + 1);
  workshop->names = g_new0 (char *, workshop->n + 1);
  workshop->matches = g_new0 (IcWorkshopMatch, MAX ((gsize) workshop->n * workshop->n, 1));
  workshop->index = g_hash_table_new (g_str_hash, g_str_equal);
  workshop->problem = ic_schedule_problem_new (ic_event_get_n_slots (workshop->event),
                                               ic_event_get_tables (workshop->event));

  challenges = g_new0 (GPtrArray *, workshop->n + 1);
  capabilities = g_new0 (GPtrArray *, workshop->n + 1);
  ok = load_participants (workshop, store, challenges, capabilities, error);
  if (ok)
    {
      matcher = ic_match_loader_load_matcher (store, error);
      ok = matcher != NULL;
    }
  if (ok)
    {
      weights = ic_match_loader_load_weights (store, NULL);
      if (weights == NULL)
        weights = ic_match_weights_new ();
      score_pairs (workshop, matcher, weights, challenges, capabilities);
      add_pairs (workshop, ic_event_get_requests (workshop->event), FALSE);
      add_pairs (workshop, ic_event_get_forbidden (workshop->event), TRUE);
    }

  for (guint p = 0; p < workshop->n; p++)
    {
      g_clear_pointer (&challenges[p], g_ptr_array_unref);
      g_clear_pointer (&capabilities[p], g_ptr_array_unref);
    }
  return ok ? g_steal_pointer (&workshop) : NULL;
}

const IcWorkshopMatch *
ic_workshop_get_match (IcWorkshop      *workshop,
                       const IcMeeting *meeting)
{
  return &workshop->matches[(gsize) meeting->challenge_owner * workshop->n +
                            meeting->capability_owner];
}

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
ic_workshop_schedule_to_json (IcWorkshop *workshop,
                              IcSchedule *schedule)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "event_id");
  json_builder_add_string_value (builder, ic_record_get_id (IC_RECORD (workshop->event)));
  json_builder_set_member_name (builder, "objective");
  json_builder_add_double_value (builder, ic_schedule_get_objective (schedule));
  json_builder_set_member_name (builder, "meetings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ic_schedule_get_n_meetings (schedule); i++)
    {
      const IcMeeting *m = ic_schedule_get_meeting (schedule, i);
      const IcWorkshopMatch *match = ic_workshop_get_match (workshop, m);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "slot");
      json_builder_add_int_value (builder, m->slot);
      json_builder_set_member_name (builder, "table");
      json_builder_add_int_value (builder, m->table);
      add_nullable_string (builder, "challenge_organisation_id", workshop->ids[m->challenge_owner]);
      add_nullable_string (builder, "capability_organisation_id", workshop->ids[m->capability_owner]);
      add_nullable_string (builder, "challenge_id", match->challenge_id);
      add_nullable_string (builder, "capability_id", match->capability_id);
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, m->score);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
lookup_participant (IcWorkshop     *workshop,
                    JsonObject     *meeting,
                    const char     *member,
                    IcScheduleRole  role,
                    guint          *participant)
{
  const char *id = json_object_get_string_member_with_default (meeting, member, NULL);
  guint index = id ? GPOINTER_TO_UINT (g_hash_table_lookup (workshop->index, id)) : 0;

  if (index == 0 || ic_schedule_problem_get_role (workshop->problem, index - 1) != role)
    return FALSE;
  *participant = index - 1;
  return TRUE;
}

IcSchedule *
ic_workshop_schedule_from_json (IcWorkshop  *workshop,
                                const char  *json,
                                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(IcSchedule) schedule = ic_schedule_new ();
  JsonNode *root;
  JsonArray *meetings;

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "meetings") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "meetings")))
    {
      g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_SQL,
                   _("The stored schedule of the event cannot be read"));
      return NULL;
    }

  meetings = json_object_get_array_member (json_node_get_object (root), "meetings");
  for (guint i = 0; i < json_array_get_length (meetings); i++)
    {
      JsonNode *node = json_array_get_element (meetings, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      IcMeeting m = { 0 };
      gint64 slot, table;

      if (object == NULL ||
          !lookup_participant (workshop, object, "challenge_organisation_id",
                               IC_SCHEDULE_ROLE_CHALLENGE, &m.challenge_owner) ||
          !lookup_participant (workshop, object, "capability_organisation_id",
                               IC_SCHEDULE_ROLE_CAPABILITY, &m.capability_owner))
        continue;
      slot = json_object_get_int_member_with_default (object, "slot", -1);
      table = json_object_get_int_member_with_default (object, "table", -1);
      if (slot < 0 || slot > G_MAXUINT || table < 0 || table > G_MAXUINT)
        continue;
      m.slot = slot;
      m.table = table;
      /* Scores and requests as the event has them now. */
      m.score = ic_schedule_problem_get_score (workshop->problem, m.challenge_owner, m.capability_owner);
      m.requested = ic_schedule_problem_is_requested (workshop->problem, m.challenge_owner,
                                                      m.capability_owner);
      ic_schedule_add_meeting (schedule, &m);
    }
  ic_schedule_sort (schedule);
  return g_steal_pointer (&schedule);
}

IcSchedule *
ic_workshop_schedule (IcWorkshop  *workshop,
                      IcStore     *store,
                      gboolean     fresh,
                      int         *kept,
                      GError     **error)
{
  const char *id = ic_record_get_id (IC_RECORD (workshop->event));
  g_autofree char *stored = NULL;
  g_autoptr(IcSchedule) previous = NULL;
  g_autoptr(IcSchedule) schedule = NULL;
  g_autoptr(GError) local_error = NULL;

  *kept = -1;
  if (!fresh)
    {
      stored = ic_store_get_event_schedule (store, id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  if (stored != NULL)
    {
      previous = ic_workshop_schedule_from_json (workshop, stored, error);
      if (previous == NULL)
        return NULL;
      schedule = ic_meeting_scheduler_reschedule (workshop->problem, previous,
                                                  IC_MEETING_SCHEDULER_DEFAULT,
                                                  NULL, NULL, NULL, error);
      if (schedule != NULL)
        *kept = ic_schedule_get_n_kept (schedule);
    }
  else
    schedule = ic_meeting_scheduler_solve (workshop->problem, IC_MEETING_SCHEDULER_DEFAULT,
                                           NULL, NULL, NULL, error);
  if (schedule == NULL)
    return NULL;

  if (!ic_workshop_save_schedule (workshop, store, schedule, error))
    return NULL;
  return g_steal_pointer (&schedule);
}

gboolean
ic_workshop_save_schedule (IcWorkshop  *workshop,
                           IcStore     *store,
                           IcSchedule  *schedule,
                           GError     **error)
{
  g_autoptr(JsonNode) json = ic_workshop_schedule_to_json (workshop, schedule);
  g_autofree char *text = json_to_string (json, FALSE);

  return ic_store_set_event_schedule (store, ic_record_get_id (IC_RECORD (workshop->event)),
                                      text, error);
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  IcWorkshop *workshop = user_data;
  guint x = *(const guint *) a, y = *(const guint *) b;
  int order = g_utf8_collate (workshop->names[x], workshop->names[y]);

  return order ? order : (x > y) - (x < y);
}

IcAgenda *
ic_workshop_make_agenda (IcWorkshop *workshop,
                         IcSchedule *schedule)
{
  IcAgenda *agenda = ic_agenda_new (ic_event_get_name (workshop->event),
                                    ic_event_get_date (workshop->event));
  g_autofree guint *order = g_new (guint, MAX (workshop->n, 1));
  g_autofree guint *page = g_new (guint, MAX (workshop->n, 1));
  GListModel *slots = G_LIST_MODEL (ic_event_get_slots (workshop->event));

  ic_agenda_set_venue (agenda, ic_event_get_venue (workshop->event));
  ic_agenda_set_event_id (agenda, ic_record_get_id (IC_RECORD (workshop->event)));

  for (guint s = 0; s < g_list_model_get_n_items (slots); s++)
    {
      g_autoptr(IcEventSlot) slot = g_list_model_get_item (slots, s);
      g_autofree char *end = ic_event_slot_format_end (slot);

      ic_agenda_add_slot (agenda, ic_event_slot_get_start (slot), end);
    }

  for (guint p = 0; p < workshop->n; p++)
    order[p] = p;
  g_qsort_with_data (order, workshop->n, sizeof (guint), compare_by_name, workshop);
  for (guint i = 0; i < workshop->n; i++)
    {
      guint p = order[i];
      gboolean challenge = ic_schedule_problem_get_role (workshop->problem, p) ==
                           IC_SCHEDULE_ROLE_CHALLENGE;

      page[p] = i;
      ic_agenda_add_participant (agenda, workshop->ids[p], workshop->names[p],
                                 challenge ? _("Brings challenges") : _("Brings capabilities"));
    }

  for (guint i = 0; i < ic_schedule_get_n_meetings (schedule); i++)
    {
      const IcMeeting *m = ic_schedule_get_meeting (schedule, i);
      const IcWorkshopMatch *match = ic_workshop_get_match (workshop, m);
      IcAgendaMeeting am = {
        .slot = m->slot,
        .table = m->table,
        .challenge_owner = page[m->challenge_owner],
        .capability_owner = page[m->capability_owner],
        .challenge_id = match->challenge_id,
        .challenge_title = match->challenge_title,
        .capability_id = match->capability_id,
        .capability_title = match->capability_title,
        .challenge_contact = match->challenge_contact,
        .capability_contact = match->capability_contact,
        .score = m->score,
      };

      ic_agenda_add_meeting (agenda, &am);
    }
  return agenda;
}
