/* ic-shortlist-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ic-io-error.h"
#include "ic-shortlist-report.h"

struct _IcShortlistReport
{
  GObject         parent_instance;

  IcShortlist    *shortlist;
  IcChallenge    *challenge;
  IcOrganisation *organisation;
  IcTaxonomy     *taxonomy;
  GArray         *entries;   /* of IcShortlistReportEntry */
  char           *date;
  gboolean        leave_out_notes;
  gboolean        leave_out_stages;
};

G_DEFINE_FINAL_TYPE (IcShortlistReport, ic_shortlist_report, G_TYPE_OBJECT)

static void
entry_clear (gpointer data)
{
  IcShortlistReportEntry *entry = data;

  g_clear_object (&entry->entry);
  g_clear_object (&entry->capability);
  g_clear_object (&entry->organisation);
  g_clear_pointer (&entry->matched_terms, g_strfreev);
  g_clear_pointer (&entry->matched_tags, g_strfreev);
  g_clear_pointer (&entry->why, g_free);
  g_clear_pointer (&entry->explanation, json_node_unref);
}

static void
ic_shortlist_report_finalize (GObject *object)
{
  IcShortlistReport *self = IC_SHORTLIST_REPORT (object);

  g_clear_object (&self->shortlist);
  g_clear_object (&self->challenge);
  g_clear_object (&self->organisation);
  g_clear_object (&self->taxonomy);
  g_array_unref (self->entries);
  g_free (self->date);

  G_OBJECT_CLASS (ic_shortlist_report_parent_class)->finalize (object);
}

static void
ic_shortlist_report_class_init (IcShortlistReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_shortlist_report_finalize;
}

static void
ic_shortlist_report_init (IcShortlistReport *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->entries = g_array_new (FALSE, TRUE, sizeof (IcShortlistReportEntry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->date = g_date_time_format (now, "%Y-%m-%d");
}

static GStrv
strings_of (JsonObject *object,
            const char *member)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (element));
        }
    }
  return g_strv_builder_end (builder);
}

static double
number_of (JsonObject *object,
           const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  return json_node_get_double (node);
}

/* For an explanation saved without a sentence: its terms and tags. */
static char *
compose_why (const IcShortlistReportEntry *entry)
{
  GString *why = g_string_new (NULL);

  if (entry->matched_terms[0] != NULL)
    {
      g_autofree char *terms = g_strjoinv (", ", entry->matched_terms);
      g_string_append_printf (why, _("Shared terms: %s."), terms);
    }
  if (entry->matched_tags[0] != NULL)
    {
      g_autofree char *tags = g_strjoinv (", ", entry->matched_tags);
      if (why->len > 0)
        g_string_append_c (why, ' ');
      g_string_append_printf (why, _("Required tags it has: %s."), tags);
    }
  return g_string_free (why, FALSE);
}

/* Reads the saved explanation: JSON from the matcher, or a sentence. */
static void
read_explanation (IcShortlistReportEntry *entry)
{
  const char *text = ic_shortlist_entry_get_explanation (entry->entry);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *object;
  JsonNode *criteria;
  const char *why = NULL;

  if (text == NULL || text[0] != '{' || !json_parser_load_from_data (parser, text, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      entry->matched_terms = g_new0 (char *, 1);
      entry->matched_tags = g_new0 (char *, 1);
      entry->why = g_strdup (text != NULL ? text : "");
      return;
    }

  entry->explanation = json_node_ref (json_parser_get_root (parser));
  object = json_node_get_object (entry->explanation);
  criteria = json_object_get_member (object, "criteria");
  if (criteria != NULL && JSON_NODE_HOLDS_OBJECT (criteria))
    {
      entry->has_criteria = TRUE;
      for (guint c = 0; c < IC_MATCH_N_CRITERIA; c++)
        {
          JsonNode *node = json_object_get_member (json_node_get_object (criteria),
                                                   ic_match_criterion_to_string (c));
          JsonObject *one = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

          entry->scores[c] = number_of (one, "score");
          entry->weights[c] = number_of (one, "weight");
          entry->contributions[c] = number_of (one, "contribution");
        }
    }
  entry->matched_terms = strings_of (object, "matched_terms");
  entry->matched_tags = strings_of (object, "matched_tags");
  if (json_object_has_member (object, "why"))
    why = json_object_get_string_member_with_default (object, "why", NULL);
  if (why != NULL && why[0] != '\0')
    entry->why = g_strdup (why);
  else
    entry->why = compose_why (entry);
}

IcShortlistReport *
ic_shortlist_report_new (IcShortlist    *shortlist,
                         IcChallenge    *challenge,
                         IcOrganisation *organisation,
                         GHashTable     *capabilities,
                         GHashTable     *organisations)
{
  IcShortlistReport *self;
  GListModel *entries;
  guint n;

  g_return_val_if_fail (IC_IS_SHORTLIST (shortlist), NULL);

  self = g_object_new (IC_TYPE_SHORTLIST_REPORT, NULL);
  self->shortlist = g_object_ref (shortlist);
  g_set_object (&self->challenge, challenge);
  g_set_object (&self->organisation, organisation);

  entries = G_LIST_MODEL (ic_shortlist_get_entries (shortlist));
  n = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n; i++)
    {
      IcShortlistReportEntry entry = { 0 };
      IcCapability *capability;

      entry.rank = i + 1;
      entry.entry = g_list_model_get_item (entries, i);
      capability = capabilities ? g_hash_table_lookup (capabilities,
                                                       ic_shortlist_entry_get_capability_id (entry.entry))
                                : NULL;
      g_set_object (&entry.capability, capability);
      if (capability != NULL && organisations != NULL)
        g_set_object (&entry.organisation,
                      g_hash_table_lookup (organisations,
                                           ic_capability_get_organisation_id (capability)));
      read_explanation (&entry);
      g_array_append_val (self->entries, entry);
    }
  return self;
}

IcShortlistReport *
ic_shortlist_report_load (IcStore     *store,
                          const char  *shortlist_id,
                          GError     **error)
{
  g_autoptr(IcRecord) record = NULL;
  g_autoptr(IcRecord) challenge = NULL;
  g_autoptr(IcRecord) organisation = NULL;
  g_autoptr(GHashTable) capabilities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GHashTable) organisations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  IcShortlistReport *self;
  GListModel *entries;

  record = ic_store_get (store, shortlist_id, error);
  if (record == NULL)
    return NULL;
  if (!IC_IS_SHORTLIST (record))
    {
      g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_NOT_FOUND,
                   _("%s is a %s, not a shortlist"), shortlist_id,
                   ic_record_kind_to_string (ic_record_get_kind (record)));
      return NULL;
    }

  /* A record deleted since only loses its details in the report. */
  challenge = ic_store_get (store, ic_shortlist_get_challenge_id (IC_SHORTLIST (record)), NULL);
  if (challenge != NULL && !IC_IS_CHALLENGE (challenge))
    g_clear_object (&challenge);
  if (challenge != NULL)
    organisation = ic_store_get (store, ic_challenge_get_organisation_id (IC_CHALLENGE (challenge)), NULL);
  if (organisation != NULL && !IC_IS_ORGANISATION (organisation))
    g_clear_object (&organisation);

  entries = G_LIST_MODEL (ic_shortlist_get_entries (IC_SHORTLIST (record)));
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IcShortlistEntry) entry = g_list_model_get_item (entries, i);
      const char *id = ic_shortlist_entry_get_capability_id (entry);
      IcRecord *capability = ic_store_get (store, id, NULL);
      const char *organisation_id;

      if (capability == NULL)
        continue;
      if (!IC_IS_CAPABILITY (capability))
        {
          g_object_unref (capability);
          continue;
        }
      g_hash_table_replace (capabilities, g_strdup (id), capability);
      organisation_id = ic_capability_get_organisation_id (IC_CAPABILITY (capability));
      if (organisation_id != NULL && !g_hash_table_contains (organisations, organisation_id))
        {
          IcRecord *owner = ic_store_get (store, organisation_id, NULL);

          if (owner != NULL && IC_IS_ORGANISATION (owner))
            g_hash_table_insert (organisations, g_strdup (organisation_id), owner);
          else if (owner != NULL)
            g_object_unref (owner);
        }
    }

  self = ic_shortlist_report_new (IC_SHORTLIST (record),
                                  challenge ? IC_CHALLENGE (challenge) : NULL,
                                  organisation ? IC_ORGANISATION (organisation) : NULL,
                                  capabilities, organisations);
  ic_shortlist_report_set_taxonomy (self, ic_store_get_taxonomy (store));
  return self;
}

IcShortlist *
ic_shortlist_report_get_shortlist (IcShortlistReport *self)
{
  g_return_val_if_fail (IC_IS_SHORTLIST_REPORT (self), NULL);
  return self->shortlist;
}

IcChallenge *
ic_shortlist_report_get_challenge (IcShortlistReport *self)
{
  g_return_val_if_fail (IC_IS_SHORTLIST_REPORT (self), NULL);
  return self->challenge;
}

IcOrganisation *
ic_shortlist_report_get_challenge_organisation (IcShortlistReport *self)
{
  g_return_val_if_fail (IC_IS_SHORTLIST_REPORT (self), NULL);
  return self->organisation;
}

IcTaxonomy *
ic_shortlist_report_get_taxonomy (IcShortlistReport *self)
{
  g_return_val_if_fail (IC_IS_SHORTLIST_REPORT (self), NULL);
  return self->taxonomy;
}

void
ic_shortlist_report_set_taxonomy (IcShortlistReport *self,
                                  IcTaxonomy        *taxonomy)
{
  g_return_if_fail (IC_IS_SHORTLIST_REPORT (self));
  g_set_object (&self->taxonomy, taxonomy);
}

guint
ic_shortlist_report_get_n_entries (IcShortlistReport *self)
{
  g_return_val_if_fail (IC_IS_SHORTLIST_REPORT (self), 0);
  return self->entries->len;
}

const IcShortlistReportEntry *
ic_shortlist_report_get_entry (IcShortlistReport *self,
                               guint              index)
{
  g_return_val_if_fail (IC_IS_SHORTLIST_REPORT (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return &g_array_index (self->entries, IcShortlistReportEntry, index);
}

const char *
ic_shortlist_report_get_date (IcShortlistReport *self)
{
  g_return_val_if_fail (IC_IS_SHORTLIST_REPORT (self), NULL);
  return self->date;
}

void
ic_shortlist_report_set_date (IcShortlistReport *self,
                              const char        *date)
{
  g_return_if_fail (IC_IS_SHORTLIST_REPORT (self));
  g_return_if_fail (date != NULL);
  g_free (self->date);
  self->date = g_strdup (date);
}

gboolean
ic_shortlist_report_get_include_notes (IcShortlistReport *self)
{
  g_return_val_if_fail (IC_IS_SHORTLIST_REPORT (self), FALSE);
  return !self->leave_out_notes;
}

gboolean
ic_shortlist_report_get_include_stages (IcShortlistReport *self)
{
  g_return_val_if_fail (IC_IS_SHORTLIST_REPORT (self), FALSE);
  return !self->leave_out_stages;
}

void
ic_shortlist_report_set_include (IcShortlistReport *self,
                                 gboolean           notes,
                                 gboolean           stages)
{
  g_return_if_fail (IC_IS_SHORTLIST_REPORT (self));
  self->leave_out_notes = !notes;
  self->leave_out_stages = !stages;
}

char *
ic_shortlist_report_join (const char * const *strings)
{
  return strings != NULL ? g_strjoinv ("; ", (char **) strings) : g_strdup ("");
}

const char *
ic_shortlist_report_entry_title (const IcShortlistReportEntry *entry)
{
  if (entry->capability != NULL && ic_capability_get_title (entry->capability) != NULL)
    return ic_capability_get_title (entry->capability);
  return _("(capability no longer in the database)");
}

const char *
ic_shortlist_report_entry_organisation (const IcShortlistReportEntry *entry)
{
  if (entry->organisation != NULL && ic_organisation_get_name (entry->organisation) != NULL)
    return ic_organisation_get_name (entry->organisation);
  return "";
}

const char *
ic_shortlist_report_entry_contact (const IcShortlistReportEntry *entry)
{
  if (entry->capability != NULL && ic_capability_get_contact (entry->capability) != NULL)
    return ic_capability_get_contact (entry->capability);
  return "";
}

const char *
ic_shortlist_report_entry_website (const IcShortlistReportEntry *entry)
{
  if (entry->organisation != NULL && ic_organisation_get_website (entry->organisation) != NULL)
    return ic_organisation_get_website (entry->organisation);
  return "";
}

char *
ic_shortlist_report_format_money (gint64 pounds)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                             (guint64) (pounds < 0 ? -pounds : pounds));
  GString *text = g_string_new (pounds < 0 ? "-£" : "£");
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}
