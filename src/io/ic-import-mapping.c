/* ic-import-mapping.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ic-import-mapping.h"
#include "ic-io-error.h"
#include "ic-name-key.h"

#define ORG  (1u << IC_RECORD_KIND_ORGANISATION)
#define CHAL (1u << IC_RECORD_KIND_CHALLENGE)
#define CAP  (1u << IC_RECORD_KIND_CAPABILITY)
#define ALL  (ORG | CHAL | CAP)

/* A target field and the folded header names that mean it, per kind.
 * The first row that knows a name wins, so kind-specific rows come
 * before general ones. */
static const struct
{
  guint        kinds;
  const char  *target;
  const char  *names;   /* '|'-separated, folded */
} synonyms[] = {
  { ALL, "id", "id|uuid|record_id|interchange_id" },
  { ALL, "visibility", "visibility|sharing" },
  { ALL, "ignore", "rev|revision|updated_at|updated|last_updated|author|deleted" },

  { ORG, "name", "name|organisation|organization|organisation_name|organization_name|"
                 "company|company_name|business|business_name|firm|sme|sme_name|employer" },
  { ORG, "kind", "kind|type|organisation_type|organization_type|org_type|company_type|category" },
  { ORG, "website", "website|web|web_site|url|site|homepage|home_page|web_address" },
  { ORG, "notes", "notes|note|comments|comment|remarks|description|about" },

  { CHAL | CAP, "organisation_id", "organisation_id|organization_id|org_id|company_id" },
  { CHAL | CAP, "organisation", "organisation|organization|organisation_name|organization_name|"
                                "company|company_name|business|business_name|firm|org|"
                                "sme|sme_name|supplier|owner|buyer|employer" },
  { CHAL, "title", "title|challenge|challenge_title|challenge_name|need|requirement|name|"
                   "challenges|the_challenge|business_need|needs|problem" },
  { CAP, "title", "title|capability|capability_title|capability_name|offer|offering|"
                  "service|product|solution|name|capabilities|main_capability|key_capability|"
                  "what_we_offer|offers" },
  { CAP, "description", "capability_description|description_of_capability|capability_summary|"
                        "capability_details|what_we_do|offer_description" },
  { CHAL, "description", "challenge_description|description_of_challenge|challenge_summary|"
                         "challenge_details|need_description" },
  { CHAL | CAP, "description", "description|details|detail|summary|about|desc|overview|text" },
  { CHAL, "tags", "tags|required_tags|keywords|key_words|skills_needed|technologies|topics" },
  { CAP, "tags", "tags|keywords|key_words|skills|expertise|technologies|competences|"
                 "competencies|topics" },
  { CHAL, "trl_min", "trl_min|min_trl|minimum_trl|trl_from|lowest_trl" },
  { CHAL, "trl_max", "trl_max|max_trl|maximum_trl|trl_to|highest_trl" },
  { CHAL, "trl_range", "trl|trl_range|trls|technology_readiness|technology_readiness_level|readiness|"
                       "readiness_trl|trl_level|trl_needed|required_trl" },
  { CHAL, "budget_min", "budget_min|min_budget|minimum_budget|budget_from" },
  { CHAL, "budget_max", "budget_max|max_budget|maximum_budget|budget_to" },
  { CHAL, "budget", "budget|budget_gbp|value|contract_value|funding" },
  { CHAL, "deadline", "deadline|due|due_date|closing_date|close_date|closes|deadline_date" },
  { CHAL, "status", "status|state" },
  { CAP, "trl", "trl|technology_readiness|technology_readiness_level|readiness|trl_level|"
                "readiness_trl|current_trl" },
  { CAP | ORG, "employees", "employees|staff|headcount|head_count|employee_count|"
                            "number_of_employees|no_of_employees|no_employees|size|fte|"
                            "no_of_staff|no_staff|number_of_staff|staff_numbers|staff_count|"
                            "company_size|employees_fte|num_employees" },
  { CAP, "certifications", "certifications|certification|certificates|accreditations|"
                           "accreditation|standards|quality_standards" },
  { ALL, "cluster", "cluster|sector|industry|cluster_sector|sector_cluster|sectors|"
                    "primary_sector|main_sector|industry_sector|theme|themes" },
  { ALL, "local_authority", "local_authority|authority|la|location|borough|council|district|"
                            "place|town|city|area|address" },
  { ALL, "postcode", "postcode|post_code|postal_code|zip|zip_code" },
  { ORG, "contact", "contact|contact_name|contact_person|key_contact|main_contact|"
                    "primary_contact|named_contact" },
  { ORG, "email", "email|e_mail|contact_email|email_address|e_mail_address" },
  { ORG, "phone", "phone|telephone|tel|tel_no|phone_number|telephone_number|contact_phone|"
                  "contact_number|mobile|landline" },
  { CHAL | CAP, "contact", "contact|contact_name|contact_person|contact_details|key_contact|"
                           "main_contact|primary_contact|named_contact" },
  { CHAL | CAP, "organisation_email", "email|e_mail|contact_email|email_address|"
                                      "e_mail_address" },
  { CHAL | CAP, "organisation_phone", "phone|telephone|tel|tel_no|phone_number|"
                                      "telephone_number|contact_phone|contact_number|mobile|"
                                      "landline" },
  { CHAL | CAP, "organisation_website", "website|web|web_site|url|homepage|home_page|"
                                        "web_address|company_website" },
};

/* What each kind's columns may be mapped to. */
static const char * const organisation_targets[] = {
  "id", "name", "kind", "cluster", "local_authority", "postcode", "employees", "website",
  "contact", "email", "phone", "notes", "visibility", "ignore", NULL
};
static const char * const challenge_targets[] = {
  "id", "organisation", "organisation_id", "title", "description", "cluster", "tags",
  "trl_min", "trl_max", "trl_range", "budget_min", "budget_max", "budget", "deadline",
  "local_authority", "postcode", "status", "contact", "organisation_website",
  "organisation_email", "organisation_phone", "visibility", "ignore", NULL
};
static const char * const capability_targets[] = {
  "id", "organisation", "organisation_id", "title", "description", "cluster", "tags",
  "trl", "employees", "local_authority", "postcode", "certifications", "contact",
  "organisation_website", "organisation_email", "organisation_phone", "visibility", "ignore",
  NULL
};

/* Each target in words, for the person who maps the columns. */
static const struct
{
  const char *target;
  const char *label;
} target_labels[] = {
  { "id", N_("Interchange id") },
  { "name", N_("Name") },
  { "kind", N_("Kind of organisation") },
  { "organisation", N_("Organisation (name or id)") },
  { "organisation_id", N_("Organisation id") },
  { "title", N_("Title") },
  { "description", N_("Description") },
  { "cluster", N_("Cluster") },
  { "tags", N_("Tags") },
  { "trl", N_("TRL") },
  { "trl_min", N_("Lowest TRL") },
  { "trl_max", N_("Highest TRL") },
  { "trl_range", N_("TRL range (4-6)") },
  { "budget_min", N_("Lowest budget") },
  { "budget_max", N_("Highest budget") },
  { "budget", N_("Budget (or a range)") },
  { "deadline", N_("Deadline") },
  { "status", N_("Status") },
  { "employees", N_("Employees") },
  { "certifications", N_("Certifications") },
  { "local_authority", N_("Local authority") },
  { "postcode", N_("Postcode") },
  { "website", N_("Website") },
  { "notes", N_("Notes") },
  { "contact", N_("Contact") },
  { "email", N_("Email") },
  { "phone", N_("Phone") },
  { "organisation_website", N_("Organisation’s website") },
  { "organisation_email", N_("Organisation’s email") },
  { "organisation_phone", N_("Organisation’s phone") },
  { "visibility", N_("Visibility") },
  { "ignore", N_("Ignore") },
};

/* Targets that several columns may fill together: their texts are
 * joined ("Contact name" and "Email" both go to contact). */
static gboolean
target_joins (const char *target)
{
  return g_strcmp0 (target, "contact") == 0 || g_strcmp0 (target, "tags") == 0 ||
         g_strcmp0 (target, "certifications") == 0 || g_strcmp0 (target, "notes") == 0;
}

struct _IcImportMapping
{
  GObject       parent_instance;

  IcRecordKind  kind;
  GStrv         columns;
  const char  **targets;   /* interned or static; NULL: not used */
  guint         n_columns;
};

G_DEFINE_FINAL_TYPE (IcImportMapping, ic_import_mapping, G_TYPE_OBJECT)

static void
ic_import_mapping_finalize (GObject *object)
{
  IcImportMapping *self = IC_IMPORT_MAPPING (object);

  g_strfreev (self->columns);
  g_free (self->targets);

  G_OBJECT_CLASS (ic_import_mapping_parent_class)->finalize (object);
}

static void
ic_import_mapping_class_init (IcImportMappingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_import_mapping_finalize;
}

static void
ic_import_mapping_init (IcImportMapping *self)
{
}

const char * const *
ic_import_mapping_list_targets (IcRecordKind kind)
{
  switch (kind)
    {
    case IC_RECORD_KIND_ORGANISATION:
      return organisation_targets;
    case IC_RECORD_KIND_CHALLENGE:
      return challenge_targets;
    case IC_RECORD_KIND_CAPABILITY:
      return capability_targets;
    case IC_RECORD_KIND_FORESIGHT:
    case IC_RECORD_KIND_SHORTLIST:
    default:
      return NULL;
    }
}

const char *
ic_import_mapping_describe_target (const char *target)
{
  if (target == NULL)
    target = "ignore";
  for (guint i = 0; i < G_N_ELEMENTS (target_labels); i++)
    if (g_str_equal (target_labels[i].target, target))
      return _(target_labels[i].label);
  return target;
}

char *
ic_import_mapping_fold_name (const char *name)
{
  return ic_name_key_words (name);
}

static const char *
lookup_synonym (IcRecordKind  kind,
                const char   *folded)
{
  gsize length = strlen (folded);

  if (length == 0)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    {
      const char *p = synonyms[i].names;

      if (!(synonyms[i].kinds & (1u << kind)))
        continue;
      while (p != NULL && *p != '\0')
        {
          const char *bar = strchr (p, '|');
          gsize n = bar ? (gsize) (bar - p) : strlen (p);

          if (n == length && strncmp (p, folded, n) == 0)
            return synonyms[i].target;
          p = bar ? bar + 1 : NULL;
        }
    }
  return NULL;
}

static const char *
find_known_target (IcRecordKind  kind,
                   const char   *name)
{
  const char * const *targets = ic_import_mapping_list_targets (kind);

  for (guint i = 0; targets != NULL && targets[i] != NULL; i++)
    if (g_str_equal (targets[i], name))
      return targets[i];
  return NULL;
}

int
ic_import_mapping_find_target (IcImportMapping *self,
                               const char      *target)
{
  g_return_val_if_fail (IC_IS_IMPORT_MAPPING (self), -1);

  for (guint i = 0; i < self->n_columns; i++)
    if (g_strcmp0 (self->targets[i], target) == 0)
      return i;
  return -1;
}

/* Whether a word of @folded ("Capability summary", "Our offer",
 * "Business need") names @kind itself. */
static gboolean
names_kind (IcRecordKind  kind,
            const char   *folded)
{
  static const struct { IcRecordKind kind; const char *word; } words[] = {
    { IC_RECORD_KIND_CAPABILITY, "capability" }, { IC_RECORD_KIND_CAPABILITY, "capabilities" },
    { IC_RECORD_KIND_CAPABILITY, "offer" }, { IC_RECORD_KIND_CAPABILITY, "offers" },
    { IC_RECORD_KIND_CAPABILITY, "offering" }, { IC_RECORD_KIND_CAPABILITY, "expertise" },
    { IC_RECORD_KIND_CHALLENGE, "challenge" }, { IC_RECORD_KIND_CHALLENGE, "challenges" },
    { IC_RECORD_KIND_CHALLENGE, "need" }, { IC_RECORD_KIND_CHALLENGE, "needs" },
    { IC_RECORD_KIND_CHALLENGE, "requirement" }, { IC_RECORD_KIND_CHALLENGE, "problem" },
  };
  g_auto(GStrv) parts = g_strsplit (folded, "_", -1);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (words[i].kind == kind && g_strv_contains ((const char * const *) parts, words[i].word))
      return TRUE;
  return FALSE;
}

IcImportMapping *
ic_import_mapping_new (IcRecordKind        kind,
                       const char * const *header)
{
  IcImportMapping *self = g_object_new (IC_TYPE_IMPORT_MAPPING, NULL);

  self->kind = kind;
  self->columns = g_strdupv ((char **) header);
  self->n_columns = g_strv_length (self->columns);
  self->targets = g_new0 (const char *, self->n_columns + 1);

  for (guint i = 0; i < self->n_columns; i++)
    {
      g_autofree char *folded = ic_import_mapping_fold_name (header[i]);
      const char *target = lookup_synonym (kind, folded);

      if (target == NULL || g_str_equal (target, "ignore"))
        continue;
      /* A second column for the same field is left out unless the
       * field takes several; the person can map it by hand. */
      if (!target_joins (target) && ic_import_mapping_find_target (self, target) >= 0)
        continue;
      self->targets[i] = target;
    }

  /* "Our offer" or "Business need" is the title when nothing else is. */
  if ((kind == IC_RECORD_KIND_CAPABILITY || kind == IC_RECORD_KIND_CHALLENGE) &&
      ic_import_mapping_find_target (self, "title") < 0)
    for (guint i = 0; i < self->n_columns; i++)
      {
        g_autofree char *folded = ic_import_mapping_fold_name (header[i]);

        if (self->targets[i] == NULL && names_kind (kind, folded))
          {
            self->targets[i] = find_known_target (kind, "title");
            break;
          }
      }
  return self;
}

IcImportMapping *
ic_import_mapping_copy (IcImportMapping *self)
{
  IcImportMapping *copy;

  g_return_val_if_fail (IC_IS_IMPORT_MAPPING (self), NULL);

  copy = g_object_new (IC_TYPE_IMPORT_MAPPING, NULL);
  copy->kind = self->kind;
  copy->columns = g_strdupv (self->columns);
  copy->n_columns = self->n_columns;
  copy->targets = g_memdup2 (self->targets, (self->n_columns + 1) * sizeof (const char *));
  return copy;
}

/* Whether @folded means something to @kind and to no other kind. */
static gboolean
only_kind_knows (IcRecordKind  kind,
                 const char   *folded)
{
  static const IcRecordKind kinds[] = {
    IC_RECORD_KIND_ORGANISATION, IC_RECORD_KIND_CHALLENGE, IC_RECORD_KIND_CAPABILITY
  };
  const char *target = lookup_synonym (kind, folded);

  if (target == NULL || g_str_equal (target, "ignore"))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      const char *other = kinds[i] != kind ? lookup_synonym (kinds[i], folded) : NULL;

      /* A challenge or capability may carry its organisation's website
       * or email: such a column tells no kind. */
      if (other != NULL && !g_str_equal (other, "ignore"))
        return FALSE;
    }
  return TRUE;
}

gboolean
ic_import_mapping_guess_kind (const char * const *header,
                              IcRecordKind       *kind)
{
  static const IcRecordKind kinds[] = {
    IC_RECORD_KIND_ORGANISATION, IC_RECORD_KIND_CHALLENGE, IC_RECORD_KIND_CAPABILITY
  };
  guint best_score = 0, n_best = 0, n_possible = 0;
  IcRecordKind best = IC_RECORD_KIND_CHALLENGE, possible = IC_RECORD_KIND_CHALLENGE;

  g_return_val_if_fail (header != NULL, FALSE);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(IcImportMapping) mapping = ic_import_mapping_new (kinds[k], header);
      guint score = 0;

      /* A kind whose needed fields no column gives cannot be it. */
      if (ic_import_mapping_find_missing (mapping) != NULL)
        continue;
      n_possible++;
      possible = kinds[k];
      for (guint i = 0; header[i] != NULL; i++)
        {
          g_autofree char *folded = ic_import_mapping_fold_name (header[i]);

          score += only_kind_knows (kinds[k], folded);
          score += 2 * names_kind (kinds[k], folded);
        }
      if (score > best_score)
        {
          best_score = score;
          best = kinds[k];
          n_best = 1;
        }
      else if (score == best_score && score > 0)
        n_best++;
    }

  /* Only one kind has the columns it needs. */
  if (best_score == 0 && n_possible == 1)
    {
      best = possible;
      n_best = 1;
      best_score = 1;
    }
  if (best_score == 0 || n_best != 1)
    return FALSE;
  if (kind != NULL)
    *kind = best;
  return TRUE;
}

gboolean
ic_import_mapping_set_target (IcImportMapping  *self,
                              guint             column,
                              const char       *target,
                              GError          **error)
{
  const char *known = NULL;

  g_return_val_if_fail (IC_IS_IMPORT_MAPPING (self), FALSE);
  g_return_val_if_fail (column < self->n_columns, FALSE);

  if (target != NULL && !g_str_equal (target, "ignore"))
    {
      known = find_known_target (self->kind, target);
      if (known == NULL)
        {
          g_autofree char *allowed = g_strjoinv (", ",
                                                 (char **) ic_import_mapping_list_targets (self->kind));

          g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_MAPPING,
                       _("“%s” is not a field of %s; use one of %s"), target,
                       ic_record_kind_to_string (self->kind), allowed);
          return FALSE;
        }
    }

  /* Whatever else filled a single-valued field gives way. */
  if (known != NULL && !target_joins (known))
    for (guint i = 0; i < self->n_columns; i++)
      if (i != column && self->targets[i] == known)
        self->targets[i] = NULL;

  self->targets[column] = known;
  return TRUE;
}

static int
find_column (IcImportMapping *self,
             const char      *name)
{
  g_autofree char *folded = ic_import_mapping_fold_name (name);
  char *end = NULL;
  guint64 number;

  for (guint i = 0; i < self->n_columns; i++)
    if (g_utf8_collate (self->columns[i], name) == 0)
      return i;
  for (guint i = 0; i < self->n_columns; i++)
    {
      g_autofree char *column = ic_import_mapping_fold_name (self->columns[i]);

      if (folded[0] != '\0' && g_str_equal (column, folded))
        return i;
    }

  number = g_ascii_strtoull (name, &end, 10);
  if (end != name && *end == '\0' && number >= 1 && number <= self->n_columns)
    return number - 1;
  return -1;
}

gboolean
ic_import_mapping_apply_overrides (IcImportMapping  *self,
                                   const char       *overrides,
                                   GError          **error)
{
  g_auto(GStrv) entries = NULL;

  g_return_val_if_fail (IC_IS_IMPORT_MAPPING (self), FALSE);

  if (overrides == NULL)
    return TRUE;

  entries = g_strsplit (overrides, ",", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      const char *equals;
      g_autofree char *column = NULL;
      g_autofree char *target = NULL;
      int index;

      if (g_strstrip (entries[i])[0] == '\0')
        continue;
      equals = strrchr (entries[i], '=');
      if (equals == NULL)
        {
          g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_MAPPING,
                       _("--map entry “%s” should be COLUMN=field"), entries[i]);
          return FALSE;
        }
      column = g_strstrip (g_strndup (entries[i], equals - entries[i]));
      target = g_strstrip (g_strdup (equals + 1));

      index = find_column (self, column);
      if (index < 0)
        {
          g_autofree char *known = g_strjoinv (", ", self->columns);

          g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_MAPPING,
                       _("--map names column “%s”, which the file does not have; its "
                         "columns are %s"), column, known);
          return FALSE;
        }
      if (!ic_import_mapping_set_target (self, index, target, error))
        {
          g_prefix_error (error, _("--map entry “%s”: "), entries[i]);
          return FALSE;
        }
    }
  return TRUE;
}

const char *
ic_import_mapping_find_missing (IcImportMapping *self)
{
  const char *title;

  g_return_val_if_fail (IC_IS_IMPORT_MAPPING (self), NULL);

  title = self->kind == IC_RECORD_KIND_ORGANISATION ? "name" : "title";
  if (ic_import_mapping_find_target (self, title) < 0)
    return title;
  if (self->kind != IC_RECORD_KIND_ORGANISATION &&
      ic_import_mapping_find_target (self, "organisation") < 0 &&
      ic_import_mapping_find_target (self, "organisation_id") < 0 &&
      ic_import_mapping_find_target (self, "id") < 0)
    return "organisation";
  return NULL;
}

gboolean
ic_import_mapping_check (IcImportMapping  *self,
                         GError          **error)
{
  const char *title = self->kind == IC_RECORD_KIND_ORGANISATION ? "name" : "title";
  const char *missing;

  g_return_val_if_fail (IC_IS_IMPORT_MAPPING (self), FALSE);

  missing = ic_import_mapping_find_missing (self);
  if (g_strcmp0 (missing, title) == 0)
    {
      g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_MAPPING,
                   _("No column gives the %s of each %s; name one with --map COLUMN=%s"),
                   title, ic_record_kind_to_string (self->kind), title);
      return FALSE;
    }
  if (missing != NULL)
    {
      g_set_error (error, IC_IO_ERROR, IC_IO_ERROR_MAPPING,
                   _("No column names the organisation of each %s; name one with "
                     "--map COLUMN=organisation (a name or an id)"),
                   ic_record_kind_to_string (self->kind));
      return FALSE;
    }
  return TRUE;
}

IcRecordKind
ic_import_mapping_get_kind (IcImportMapping *self)
{
  g_return_val_if_fail (IC_IS_IMPORT_MAPPING (self), 0);
  return self->kind;
}

guint
ic_import_mapping_get_n_columns (IcImportMapping *self)
{
  g_return_val_if_fail (IC_IS_IMPORT_MAPPING (self), 0);
  return self->n_columns;
}

const char *
ic_import_mapping_get_column (IcImportMapping *self,
                              guint            column)
{
  g_return_val_if_fail (IC_IS_IMPORT_MAPPING (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->columns[column];
}

const char *
ic_import_mapping_get_target (IcImportMapping *self,
                              guint            column)
{
  g_return_val_if_fail (IC_IS_IMPORT_MAPPING (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->targets[column];
}
