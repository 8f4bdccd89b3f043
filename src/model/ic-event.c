/* ic-event.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-event.h"
#include "ic-fields.h"
#include "ic-model-error.h"
#include "ic-validate.h"

struct _IcEvent
{
  IcRecord    parent_instance;

  char       *name;
  char       *date;
  char       *venue;      /* where the event is, or NULL */
  int         tables;
  GListStore *slots;
  GListStore *participants;
  GListStore *requests;
  GListStore *forbidden;
  JsonNode   *schedule;   /* an object with "meetings", or NULL */
};

G_DEFINE_FINAL_TYPE (IcEvent, ic_event, IC_TYPE_RECORD)

static const IcField fields[] = {
  { "name", IC_FIELD_STRING, G_STRUCT_OFFSET (IcEvent, name) },
  { "date", IC_FIELD_STRING, G_STRUCT_OFFSET (IcEvent, date) },
  { "tables", IC_FIELD_INT, G_STRUCT_OFFSET (IcEvent, tables), 0, IC_EVENT_MAX_TABLES, 1 },
  { "venue", IC_FIELD_STRING, G_STRUCT_OFFSET (IcEvent, venue) },
};

enum {
  PROP_SLOTS = G_N_ELEMENTS (fields) + 1,
  PROP_PARTICIPANTS,
  PROP_REQUESTS,
  PROP_FORBIDDEN,
  PROP_SCHEDULE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ic_event_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  IcEvent *self = IC_EVENT (object);

  switch (prop_id)
    {
    case PROP_SLOTS:
      g_value_set_object (value, self->slots);
      break;
    case PROP_PARTICIPANTS:
      g_value_set_object (value, self->participants);
      break;
    case PROP_REQUESTS:
      g_value_set_object (value, self->requests);
      break;
    case PROP_FORBIDDEN:
      g_value_set_object (value, self->forbidden);
      break;
    case PROP_SCHEDULE:
      g_value_set_boxed (value, self->schedule);
      break;
    default:
      if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (fields))
        ic_fields_get_property (object, &fields[prop_id - 1], value);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_event_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  if (prop_id == PROP_SCHEDULE)
    ic_event_set_schedule (IC_EVENT (object), g_value_get_boxed (value));
  else if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (fields))
    ic_fields_set_property (object, &fields[prop_id - 1], value, pspec);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ic_event_finalize (GObject *object)
{
  IcEvent *self = IC_EVENT (object);

  ic_fields_finalize (object, fields, G_N_ELEMENTS (fields));
  g_clear_object (&self->slots);
  g_clear_object (&self->participants);
  g_clear_object (&self->requests);
  g_clear_object (&self->forbidden);
  g_clear_pointer (&self->schedule, json_node_unref);

  G_OBJECT_CLASS (ic_event_parent_class)->finalize (object);
}

static const char *
ic_event_get_record_title (IcRecord *record)
{
  return IC_EVENT (record)->name;
}

static gboolean
validate_slots (IcEvent  *self,
                GError  **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->slots));
  g_autofree int *starts = g_new (int, MAX (n, 1));
  g_autofree int *ends = g_new (int, MAX (n, 1));

  if (n == 0)
    {
      ic_model_set_error (error, IC_MODEL_ERROR_REQUIRED, "slots",
                          _("an event needs at least one time slot"));
      return FALSE;
    }
  if (n > IC_EVENT_MAX_SLOTS)
    {
      ic_model_set_error (error, IC_MODEL_ERROR_OUT_OF_RANGE, "slots",
                          _("%u slots are more than the %u an event may have"),
                          n, IC_EVENT_MAX_SLOTS);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcEventSlot) slot = g_list_model_get_item (G_LIST_MODEL (self->slots), i);
      g_autofree char *field = g_strdup_printf ("slots[%u].start", i + 1);

      starts[i] = ic_event_slot_get_start_minute (slot);
      ends[i] = starts[i] + ic_event_slot_get_minutes (slot);
      if (starts[i] < 0)
        {
          ic_model_set_error (error, IC_MODEL_ERROR_INVALID_DATE, field,
                              _("“%s” is not a time written HH:MM"),
                              ic_event_slot_get_start (slot) ? ic_event_slot_get_start (slot) : "");
          return FALSE;
        }
      g_free (field);
      field = g_strdup_printf ("slots[%u].minutes", i + 1);
      if (!ic_validate_int_range (ic_event_slot_get_minutes (slot), 1, 24 * 60, field, error))
        return FALSE;

      /* Meetings in two slots that overlap could put a person in two
       * places at once. */
      for (guint j = 0; j < i; j++)
        if (starts[i] < ends[j] && starts[j] < ends[i])
          {
            g_free (field);
            field = g_strdup_printf ("slots[%u]", i + 1);
            ic_model_set_error (error, IC_MODEL_ERROR_OUT_OF_RANGE, field,
                                _("overlaps slot %u"), j + 1);
            return FALSE;
          }
    }
  return TRUE;
}

static gboolean
validate_participants (IcEvent  *self,
                       GError  **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->participants));
  guint n_slots = ic_event_get_n_slots (self);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);

  if (n > IC_EVENT_MAX_PARTICIPANTS)
    {
      ic_model_set_error (error, IC_MODEL_ERROR_OUT_OF_RANGE, "participants",
                          _("%u participants are more than the %u an event may have"),
                          n, IC_EVENT_MAX_PARTICIPANTS);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      IcEventParticipant *p = g_list_model_get_item (G_LIST_MODEL (self->participants), i);
      g_autofree char *field = g_strdup_printf ("participants[%u].organisation_id", i + 1);
      const char *id = ic_event_participant_get_organisation_id (p);
      const guint32 *available;
      gsize n_available;

      g_ptr_array_add (keep, p);
      if (!ic_validate_uuid (id, field, error))
        return FALSE;
      if (!g_hash_table_add (seen, (gpointer) id))
        {
          ic_model_set_error (error, IC_MODEL_ERROR_INVALID_ID, field,
                              _("the organisation takes part twice"));
          return FALSE;
        }
      available = ic_event_participant_get_available (p, &n_available);
      if (available != NULL && n_available > 0 && available[n_available - 1] >= n_slots)
        {
          g_free (field);
          field = g_strdup_printf ("participants[%u].available", i + 1);
          ic_model_set_error (error, IC_MODEL_ERROR_OUT_OF_RANGE, field,
                              _("slot %u does not exist: the slots are numbered 0 to %u"),
                              available[n_available - 1], n_slots - 1);
          return FALSE;
        }
    }
  return TRUE;
}

/* Both ends of each pair must take part, and be two organisations. */
static gboolean
validate_pairs (IcEvent     *self,
                GListStore  *pairs,
                const char  *list,
                const char  *first,
                const char  *second,
                GError     **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pairs));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcEventPair) pair = g_list_model_get_item (G_LIST_MODEL (pairs), i);
      const char *ids[2] = { ic_event_pair_get_first (pair), ic_event_pair_get_second (pair) };
      const char *names[2] = { first, second };

      for (guint j = 0; j < 2; j++)
        {
          g_autofree char *field = g_strdup_printf ("%s[%u].%s", list, i + 1, names[j]);

          if (!ic_validate_uuid (ids[j], field, error))
            return FALSE;
          if (ic_event_find_participant (self, ids[j]) < 0)
            {
              ic_model_set_error (error, IC_MODEL_ERROR_UNKNOWN_VALUE, field,
                                  _("%s is not a participant of the event"), ids[j]);
              return FALSE;
            }
        }
      if (g_strcmp0 (ids[0], ids[1]) == 0)
        {
          g_autofree char *field = g_strdup_printf ("%s[%u]", list, i + 1);

          ic_model_set_error (error, IC_MODEL_ERROR_INVALID_ID, field,
                              _("an organisation cannot meet itself"));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
validate_requests_allowed (IcEvent  *self,
                           GError  **error)
{
  guint n_requests = g_list_model_get_n_items (G_LIST_MODEL (self->requests));
  guint n_forbidden = g_list_model_get_n_items (G_LIST_MODEL (self->forbidden));

  for (guint i = 0; i < n_requests; i++)
    {
      g_autoptr(IcEventPair) request = g_list_model_get_item (G_LIST_MODEL (self->requests), i);

      for (guint j = 0; j < n_forbidden; j++)
        {
          g_autoptr(IcEventPair) no = g_list_model_get_item (G_LIST_MODEL (self->forbidden), j);

          if (ic_event_pair_joins (no, ic_event_pair_get_first (request),
                                   ic_event_pair_get_second (request)))
            {
              g_autofree char *field = g_strdup_printf ("requests[%u]", i + 1);

              ic_model_set_error (error, IC_MODEL_ERROR_OUT_OF_RANGE, field,
                                  _("the pair is also forbidden (forbidden[%u])"), j + 1);
              return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
ic_event_validate (IcRecord   *record,
                   IcTaxonomy *taxonomy,
                   GError    **error)
{
  IcEvent *self = IC_EVENT (record);

  if (!ic_validate_text (self->name, "name", IC_MAX_NAME_CHARS, TRUE, error))
    return FALSE;
  if (self->date == NULL || self->date[0] == '\0')
    {
      ic_model_set_error (error, IC_MODEL_ERROR_REQUIRED, "date", _("the event needs a date"));
      return FALSE;
    }
  return ic_validate_date (self->date, "date", error) &&
         ic_validate_text (self->venue, "venue", IC_MAX_NAME_CHARS, FALSE, error) &&
         ic_validate_int_range (self->tables, 1, IC_EVENT_MAX_TABLES, "tables", error) &&
         validate_slots (self, error) &&
         validate_participants (self, error) &&
         validate_pairs (self, self->requests, "requests", "from", "to", error) &&
         validate_pairs (self, self->forbidden, "forbidden", "a", "b", error) &&
         validate_requests_allowed (self, error);
}

static void
ic_event_class_init (IcEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  IcRecordClass *record_class = IC_RECORD_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ic_event_finalize;
  object_class->get_property = ic_event_get_property;
  object_class->set_property = ic_event_set_property;

  record_class->kind = IC_RECORD_KIND_EVENT;
  record_class->get_title = ic_event_get_record_title;
  record_class->validate = ic_event_validate;

  ic_fields_install (object_class, fields, G_N_ELEMENTS (fields), 1, properties);
  properties[PROP_SLOTS] = g_param_spec_object ("slots", NULL, NULL, G_TYPE_LIST_STORE, flags);
  properties[PROP_PARTICIPANTS] = g_param_spec_object ("participants", NULL, NULL,
                                                       G_TYPE_LIST_STORE, flags);
  properties[PROP_REQUESTS] = g_param_spec_object ("requests", NULL, NULL, G_TYPE_LIST_STORE, flags);
  properties[PROP_FORBIDDEN] = g_param_spec_object ("forbidden", NULL, NULL,
                                                    G_TYPE_LIST_STORE, flags);
  properties[PROP_SCHEDULE] = g_param_spec_boxed ("schedule", NULL, NULL, JSON_TYPE_NODE,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                  G_PARAM_STATIC_STRINGS);
  for (guint i = PROP_SLOTS; i < N_PROPS; i++)
    g_object_class_install_property (object_class, i, properties[i]);
}

static void
ic_event_init (IcEvent *self)
{
  ic_fields_init (self, fields, G_N_ELEMENTS (fields));
  self->slots = g_list_store_new (IC_TYPE_EVENT_SLOT);
  self->participants = g_list_store_new (IC_TYPE_EVENT_PARTICIPANT);
  self->requests = g_list_store_new (IC_TYPE_EVENT_PAIR);
  self->forbidden = g_list_store_new (IC_TYPE_EVENT_PAIR);
}

IcEvent *
ic_event_new (void)
{
  return g_object_new (IC_TYPE_EVENT, NULL);
}

const char *
ic_event_get_name (IcEvent *self)
{
  g_return_val_if_fail (IC_IS_EVENT (self), NULL);
  return self->name;
}

/* Sets the name people know the event by. */
void
ic_event_set_name (IcEvent    *self,
                   const char *name)
{
  g_return_if_fail (IC_IS_EVENT (self));
  g_object_set (self, "name", name, NULL);
}

/* Where the event takes place, or NULL. */
const char *
ic_event_get_venue (IcEvent *self)
{
  g_return_val_if_fail (IC_IS_EVENT (self), NULL);
  return self->venue;
}

void
ic_event_set_venue (IcEvent    *self,
                    const char *venue)
{
  g_return_if_fail (IC_IS_EVENT (self));
  g_object_set (self, "venue", venue, NULL);
}

const char *
ic_event_get_date (IcEvent *self)
{
  g_return_val_if_fail (IC_IS_EVENT (self), NULL);
  return self->date;
}

/* Sets the day, "YYYY-MM-DD". */
void
ic_event_set_date (IcEvent    *self,
                   const char *date)
{
  g_return_if_fail (IC_IS_EVENT (self));
  g_object_set (self, "date", date, NULL);
}

int
ic_event_get_tables (IcEvent *self)
{
  g_return_val_if_fail (IC_IS_EVENT (self), 0);
  return self->tables;
}

/* Sets how many meetings fit in one slot. */
void
ic_event_set_tables (IcEvent *self,
                     int      tables)
{
  g_return_if_fail (IC_IS_EVENT (self));
  g_object_set (self, "tables", tables, NULL);
}

GListStore *
ic_event_get_slots (IcEvent *self)
{
  g_return_val_if_fail (IC_IS_EVENT (self), NULL);
  return self->slots;
}

GListStore *
ic_event_get_participants (IcEvent *self)
{
  g_return_val_if_fail (IC_IS_EVENT (self), NULL);
  return self->participants;
}

GListStore *
ic_event_get_requests (IcEvent *self)
{
  g_return_val_if_fail (IC_IS_EVENT (self), NULL);
  return self->requests;
}

GListStore *
ic_event_get_forbidden (IcEvent *self)
{
  g_return_val_if_fail (IC_IS_EVENT (self), NULL);
  return self->forbidden;
}

guint
ic_event_get_n_slots (IcEvent *self)
{
  g_return_val_if_fail (IC_IS_EVENT (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->slots));
}

guint
ic_event_get_n_participants (IcEvent *self)
{
  g_return_val_if_fail (IC_IS_EVENT (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->participants));
}

int
ic_event_find_participant (IcEvent    *self,
                           const char *organisation_id)
{
  guint n;

  g_return_val_if_fail (IC_IS_EVENT (self), -1);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->participants));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcEventParticipant) p = g_list_model_get_item (G_LIST_MODEL (self->participants), i);

      if (g_strcmp0 (ic_event_participant_get_organisation_id (p), organisation_id) == 0)
        return i;
    }
  return -1;
}

JsonNode *
ic_event_get_schedule (IcEvent *self)
{
  g_return_val_if_fail (IC_IS_EVENT (self), NULL);
  return self->schedule;
}

void
ic_event_set_schedule (IcEvent  *self,
                       JsonNode *schedule)
{
  g_return_if_fail (IC_IS_EVENT (self));
  g_return_if_fail (schedule == NULL || JSON_NODE_HOLDS_OBJECT (schedule) ||
                    JSON_NODE_HOLDS_NULL (schedule));

  if (schedule != NULL && JSON_NODE_HOLDS_NULL (schedule))
    schedule = NULL;
  if (self->schedule == schedule ||
      (self->schedule != NULL && schedule != NULL && json_node_equal (self->schedule, schedule)))
    return;
  g_clear_pointer (&self->schedule, json_node_unref);
  if (schedule != NULL)
    self->schedule = json_node_copy (schedule);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULE]);
}
