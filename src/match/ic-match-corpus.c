/* ic-match-corpus.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ic-match-corpus-private.h"
#include "ic-match-criteria.h"
#include "ic-match-types.h"

G_DEFINE_FINAL_TYPE (IcMatchCorpus, ic_match_corpus, G_TYPE_OBJECT)

void
ic_capability_input_free (IcCapabilityInput *input)
{
  g_free (input->id);
  g_free (input->organisation_id);
  g_free (input->title);
  g_free (input->description);
  g_free (input->cluster);
  g_free (input->place);
  g_strfreev (input->tags);
  g_free (input);
}

static void
corpus_organisation_free (IcCorpusOrganisation *organisation)
{
  g_free (organisation->name);
  g_free (organisation->cluster);
  g_free (organisation->place);
  g_free (organisation);
}

static void
free_strings (char **strings,
              guint  n)
{
  for (guint i = 0; strings != NULL && i < n; i++)
    g_free (strings[i]);
  g_free (strings);
}

static void
ic_match_corpus_finalize (GObject *object)
{
  IcMatchCorpus *self = IC_MATCH_CORPUS (object);

  ic_match_corpus_stop_streaming (self);
  g_clear_object (&self->taxonomy);
  g_clear_pointer (&self->phrases, ic_match_phrases_free);
  g_clear_pointer (&self->concept_ids, g_free);
  g_clear_pointer (&self->inputs, g_ptr_array_unref);
  g_clear_pointer (&self->organisations, g_hash_table_unref);
  g_clear_pointer (&self->rising, g_hash_table_unref);
  free_strings (self->capability_ids, self->n_capabilities);
  free_strings (self->capability_titles, self->n_capabilities);
  g_clear_pointer (&self->capability_lookup, g_hash_table_unref);
  g_free (self->attrs);
  g_clear_pointer (&self->organisation_ids, g_ptr_array_unref);
  g_clear_pointer (&self->organisation_lookup, g_hash_table_unref);
  g_clear_pointer (&self->cluster_names, g_ptr_array_unref);
  g_clear_pointer (&self->cluster_lookup, g_hash_table_unref);
  g_clear_pointer (&self->place_names, g_ptr_array_unref);
  g_clear_pointer (&self->place_lookup, g_hash_table_unref);
  g_clear_object (&self->index);
  g_clear_pointer (&self->tag_names, g_ptr_array_unref);
  g_clear_pointer (&self->tag_lookup, g_hash_table_unref);
  g_free (self->tag_rising);
  g_free (self->capability_tag_offsets);
  g_free (self->capability_tags);
  g_free (self->tag_offsets);
  g_free (self->tag_capabilities);

  G_OBJECT_CLASS (ic_match_corpus_parent_class)->finalize (object);
}

static void
ic_match_corpus_class_init (IcMatchCorpusClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_match_corpus_finalize;
}

static void
ic_match_corpus_init (IcMatchCorpus *self)
{
  self->inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) ic_capability_input_free);
  self->organisations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) corpus_organisation_free);
  self->rising = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->capability_lookup = g_hash_table_new (g_str_hash, g_str_equal);
  self->organisation_ids = g_ptr_array_new_with_free_func (g_free);
  self->organisation_lookup = g_hash_table_new (g_str_hash, g_str_equal);
  self->cluster_names = g_ptr_array_new_with_free_func (g_free);
  self->cluster_lookup = g_hash_table_new (g_str_hash, g_str_equal);
  self->place_names = g_ptr_array_new_with_free_func (g_free);
  self->place_lookup = g_hash_table_new (g_str_hash, g_str_equal);
  self->tag_names = g_ptr_array_new_with_free_func (g_free);
  self->tag_lookup = g_hash_table_new (g_str_hash, g_str_equal);
  g_ptr_array_add (self->cluster_names, NULL);
  g_ptr_array_add (self->place_names, NULL);
  self->index = ic_tfidf_index_new ();
  self->stream_sorted = TRUE;
}

IcMatchCorpus *
ic_match_corpus_new (IcTextAnalyzerFlags flags)
{
  IcMatchCorpus *self = g_object_new (IC_TYPE_MATCH_CORPUS, NULL);

  self->flags = flags;
  return self;
}

IcTextAnalyzerFlags
ic_match_corpus_get_flags (IcMatchCorpus *self)
{
  g_return_val_if_fail (IC_IS_MATCH_CORPUS (self), 0);

  return self->flags;
}

void
ic_match_corpus_set_taxonomy (IcMatchCorpus *self,
                              IcTaxonomy    *taxonomy)
{
  g_return_if_fail (IC_IS_MATCH_CORPUS (self));

  g_set_object (&self->taxonomy, taxonomy);
}

gboolean
ic_match_corpus_set_glossary (IcMatchCorpus  *self,
                              IcGlossary     *glossary,
                              GError        **error)
{
  IcMatchPhrases *phrases = NULL;

  g_return_val_if_fail (IC_IS_MATCH_CORPUS (self), FALSE);
  g_return_val_if_fail (glossary == NULL || IC_IS_GLOSSARY (glossary), FALSE);
  g_return_val_if_fail (self->inputs->len == 0 && !self->frozen, FALSE);

  if (glossary != NULL && ic_glossary_get_n_entries (glossary) > 0)
    {
      phrases = ic_match_phrases_new (glossary, self->flags, error);
      if (phrases == NULL)
        return FALSE;
    }
  g_clear_pointer (&self->phrases, ic_match_phrases_free);
  self->phrases = phrases;
  return TRUE;
}

IcTaxonomy *
ic_match_corpus_get_taxonomy (IcMatchCorpus *self)
{
  g_return_val_if_fail (IC_IS_MATCH_CORPUS (self), NULL);

  return self->taxonomy;
}

static char *
dup_nonempty (const char *value)
{
  return value != NULL && value[0] != '\0' ? g_strdup (value) : NULL;
}

void
ic_match_corpus_add_organisation (IcMatchCorpus  *self,
                                  IcOrganisation *organisation)
{
  IcRecord *record = IC_RECORD (organisation);

  g_return_if_fail (IC_IS_MATCH_CORPUS (self));
  g_return_if_fail (IC_IS_ORGANISATION (organisation));

  if (ic_record_get_deleted (record))
    return;
  ic_match_corpus_add_organisation_fields (self, ic_record_get_id (record),
                                           ic_organisation_get_name (organisation),
                                           ic_organisation_get_cluster (organisation),
                                           ic_organisation_get_local_authority (organisation),
                                           ic_organisation_get_employees (organisation));
}

void
ic_match_corpus_add_organisation_fields (IcMatchCorpus *self,
                                         const char    *id,
                                         const char    *name,
                                         const char    *cluster,
                                         const char    *local_authority,
                                         int            employees)
{
  IcCorpusOrganisation *entry;

  g_return_if_fail (IC_IS_MATCH_CORPUS (self));

  if (id == NULL)
    return;

  entry = g_new0 (IcCorpusOrganisation, 1);
  entry->name = g_strdup (name);
  entry->cluster = dup_nonempty (cluster);
  entry->place = dup_nonempty (local_authority);
  entry->employees = employees;
  g_hash_table_replace (self->organisations, g_strdup (id), entry);
}

void
ic_match_corpus_add_capability (IcMatchCorpus *self,
                                IcCapability  *capability)
{
  IcRecord *record = IC_RECORD (capability);
  IcMatchCapabilityFields fields;

  g_return_if_fail (IC_IS_MATCH_CORPUS (self));
  g_return_if_fail (IC_IS_CAPABILITY (capability));
  g_return_if_fail (!self->frozen);

  if (ic_record_get_deleted (record))
    return;

  fields.id = ic_record_get_id (record);
  fields.organisation_id = ic_capability_get_organisation_id (capability);
  fields.title = ic_capability_get_title (capability);
  fields.description = ic_capability_get_description (capability);
  fields.cluster = ic_capability_get_cluster (capability);
  fields.local_authority = ic_capability_get_local_authority (capability);
  fields.tags = ic_capability_get_tags (capability);
  fields.trl = ic_capability_get_trl (capability);
  fields.employees = ic_capability_get_employees (capability);
  ic_match_corpus_add_capability_fields (self, &fields);
}

void
ic_match_corpus_add_capability_fields (IcMatchCorpus                 *self,
                                       const IcMatchCapabilityFields *fields)
{
  IcCapabilityInput *input;

  g_return_if_fail (IC_IS_MATCH_CORPUS (self));
  g_return_if_fail (fields != NULL);
  g_return_if_fail (!self->frozen);

  if (fields->id == NULL)
    return;

  input = g_new0 (IcCapabilityInput, 1);
  input->id = g_strdup (fields->id);
  input->organisation_id = dup_nonempty (fields->organisation_id);
  input->title = g_strdup (fields->title);
  input->description = g_strdup (fields->description);
  input->cluster = dup_nonempty (fields->cluster);
  input->place = dup_nonempty (fields->local_authority);
  input->tags = g_strdupv ((char **) fields->tags);
  input->trl = fields->trl;
  input->employees = fields->employees;
  g_ptr_array_add (self->inputs, input);
  ic_match_corpus_stream_input (self);
}

void
ic_match_corpus_add_rising_tag (IcMatchCorpus *self,
                                const char    *tag)
{
  g_return_if_fail (IC_IS_MATCH_CORPUS (self));
  g_return_if_fail (!self->frozen);

  if (tag != NULL && tag[0] != '\0')
    g_hash_table_add (self->rising, g_strdup (tag));
}

/* Interns @name into @names/@lookup (index + 1 in the table). */
static guint32
intern (GPtrArray  *names,
        GHashTable *lookup,
        const char *name)
{
  gpointer value = g_hash_table_lookup (lookup, name);
  char *copy;

  if (value != NULL)
    return GPOINTER_TO_UINT (value) - 1;
  copy = g_strdup (name);
  g_ptr_array_add (names, copy);
  g_hash_table_insert (lookup, copy, GUINT_TO_POINTER (names->len));
  return names->len - 1;
}

static int
compare_inputs (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const IcCapabilityInput *x = *(IcCapabilityInput * const *) a;
  const IcCapabilityInput *y = *(IcCapabilityInput * const *) b;

  return strcmp (x->id, y->id);
}

/* Keeps the last capability added under each id. */
static void
sort_and_deduplicate (IcMatchCorpus *self)
{
  guint kept = 0;

  g_ptr_array_sort_with_data (self->inputs, compare_inputs, NULL);
  for (guint i = 0; i < self->inputs->len; i++)
    {
      gboolean last = i + 1 == self->inputs->len ||
                      strcmp (((IcCapabilityInput *) self->inputs->pdata[i])->id,
                              ((IcCapabilityInput *) self->inputs->pdata[i + 1])->id) != 0;

      if (last)
        {
          gpointer input = self->inputs->pdata[i];

          self->inputs->pdata[i] = self->inputs->pdata[kept];
          self->inputs->pdata[kept++] = input;
        }
    }
  g_ptr_array_set_size (self->inputs, kept);
}

static void
build_attributes (IcMatchCorpus *self)
{
  guint n = self->n_capabilities;

  self->capability_ids = g_new0 (char *, n + 1);
  self->capability_titles = g_new0 (char *, n + 1);
  self->attrs = g_new0 (IcCapabilityAttrs, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      IcCapabilityInput *input = g_ptr_array_index (self->inputs, i);
      IcCorpusOrganisation *organisation = NULL;
      IcCapabilityAttrs *attrs = &self->attrs[i];
      const char *cluster = input->cluster, *place = input->place;
      int employees = input->employees;

      if (input->organisation_id != NULL)
        organisation = g_hash_table_lookup (self->organisations, input->organisation_id);
      if (organisation != NULL)
        {
          cluster = cluster ? cluster : organisation->cluster;
          place = place ? place : organisation->place;
          employees = employees > 0 ? employees : organisation->employees;
        }

      /* The id and title move to the arrays once the analysis is done
       * with them (take_strings()); the key is the same string. */
      g_hash_table_insert (self->capability_lookup, input->id, GUINT_TO_POINTER (i + 1));

      attrs->organisation = input->organisation_id
                            ? intern (self->organisation_ids, self->organisation_lookup,
                                      input->organisation_id)
                            : IC_MATCH_NO_ORGANISATION;
      attrs->cluster = cluster ? intern (self->cluster_names, self->cluster_lookup, cluster) : 0;
      attrs->place = place ? intern (self->place_names, self->place_lookup, place) : 0;
      attrs->trl = input->trl >= 1 && input->trl <= 9 ? input->trl : 0;
      attrs->band = ic_match_employees_band (employees);
    }
}

static void
take_strings (IcMatchCorpus *self)
{
  for (guint i = 0; i < self->n_capabilities; i++)
    {
      IcCapabilityInput *input = g_ptr_array_index (self->inputs, i);

      self->capability_ids[i] = g_steal_pointer (&input->id);
      self->capability_titles[i] = g_steal_pointer (&input->title);
    }
}

static void
build_tags (IcMatchCorpus *self)
{
  guint n = self->n_capabilities;
  g_autoptr(GArray) tags = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree guint32 *fill = NULL;
  guint n_tags;

  self->capability_tag_offsets = g_new0 (guint32, n + 1);
  for (guint i = 0; i < n; i++)
    {
      IcCapabilityInput *input = g_ptr_array_index (self->inputs, i);
      guint first = tags->len;

      for (guint j = 0; input->tags != NULL && input->tags[j] != NULL; j++)
        {
          guint32 id = intern (self->tag_names, self->tag_lookup, input->tags[j]);
          gboolean seen = FALSE;

          for (guint k = first; k < tags->len && !seen; k++)
            seen = g_array_index (tags, guint32, k) == id;
          if (!seen)
            g_array_append_val (tags, id);
        }
      if (tags->len - first > 1)
        qsort (&g_array_index (tags, guint32, first), tags->len - first, sizeof (guint32),
               ic_match_compare_guint32);
      self->capability_tag_offsets[i + 1] = tags->len;
    }
  self->capability_tags = g_new (guint32, MAX (tags->len, 1));
  if (tags->len > 0)
    memcpy (self->capability_tags, tags->data, sizeof (guint32) * tags->len);

  n_tags = self->tag_names->len;
  self->tag_rising = g_new0 (guint8, n_tags + 1);
  for (guint t = 0; t < n_tags; t++)
    self->tag_rising[t] = g_hash_table_contains (self->rising, g_ptr_array_index (self->tag_names, t));

  self->tag_offsets = g_new0 (guint32, n_tags + 1);
  for (guint p = 0; p < tags->len; p++)
    self->tag_offsets[self->capability_tags[p] + 1]++;
  for (guint t = 0; t < n_tags; t++)
    self->tag_offsets[t + 1] += self->tag_offsets[t];
  fill = g_memdup2 (self->tag_offsets, sizeof (guint32) * (n_tags + 1));
  self->tag_capabilities = g_new (guint32, MAX (tags->len, 1));
  for (guint i = 0; i < n; i++)
    for (guint32 p = self->capability_tag_offsets[i]; p < self->capability_tag_offsets[i + 1]; p++)
      self->tag_capabilities[fill[self->capability_tags[p]]++] = i;
}

static gpointer
build_tags_and_attributes (gpointer data)
{
  build_tags (data);
  build_attributes (data);
  return NULL;
}

gboolean
ic_match_corpus_freeze (IcMatchCorpus  *self,
                        guint           n_threads,
                        GError        **error)
{
  GThread *attributes = NULL;
  gboolean ok;

  g_return_val_if_fail (IC_IS_MATCH_CORPUS (self), FALSE);
  g_return_val_if_fail (!self->frozen, FALSE);

  if (n_threads == 0)
    n_threads = g_get_num_processors ();

  if (!self->stream_sorted)
    sort_and_deduplicate (self);
  self->n_capabilities = self->inputs->len;

  /* The tags and attributes share nothing with the text analysis but
   * the inputs, which all only read: they are built alongside. */
  if (n_threads > 1)
    attributes = g_thread_new ("ic-corpus-attributes", build_tags_and_attributes, self);
  else
    build_tags_and_attributes (self);
  ok = ic_match_corpus_build_text_index (self, n_threads, error);
  if (attributes != NULL)
    g_thread_join (attributes);
  if (!ok)
    return FALSE;
  take_strings (self);

  g_clear_pointer (&self->inputs, g_ptr_array_unref);
  self->frozen = TRUE;
  return TRUE;
}

gboolean
ic_match_corpus_is_frozen (IcMatchCorpus *self)
{
  g_return_val_if_fail (IC_IS_MATCH_CORPUS (self), FALSE);

  return self->frozen;
}

guint
ic_match_corpus_get_n_capabilities (IcMatchCorpus *self)
{
  g_return_val_if_fail (IC_IS_MATCH_CORPUS (self), 0);

  return self->frozen ? self->n_capabilities : self->inputs->len;
}

const char *
ic_match_corpus_get_capability_id (IcMatchCorpus *self,
                                   guint          index)
{
  g_return_val_if_fail (self->frozen && index < self->n_capabilities, NULL);

  return self->capability_ids[index];
}

const char *
ic_match_corpus_get_capability_title (IcMatchCorpus *self,
                                      guint          index)
{
  g_return_val_if_fail (self->frozen && index < self->n_capabilities, NULL);

  return self->capability_titles[index];
}

const char *
ic_match_corpus_get_capability_organisation (IcMatchCorpus *self,
                                             guint          index)
{
  guint32 organisation;

  g_return_val_if_fail (self->frozen && index < self->n_capabilities, NULL);

  organisation = self->attrs[index].organisation;
  if (organisation == IC_MATCH_NO_ORGANISATION)
    return NULL;
  return g_ptr_array_index (self->organisation_ids, organisation);
}

gint64
ic_match_corpus_find_capability (IcMatchCorpus *self,
                                 const char    *id)
{
  gpointer value;

  g_return_val_if_fail (IC_IS_MATCH_CORPUS (self), -1);

  value = id ? g_hash_table_lookup (self->capability_lookup, id) : NULL;
  return value ? (gint64) GPOINTER_TO_UINT (value) - 1 : -1;
}

const char *
ic_match_corpus_get_organisation_name (IcMatchCorpus *self,
                                       const char    *organisation_id)
{
  IcCorpusOrganisation *organisation = ic_match_corpus_get_organisation (self, organisation_id);

  return organisation ? organisation->name : NULL;
}

gboolean
ic_match_corpus_is_rising_tag (IcMatchCorpus *self,
                               const char    *tag)
{
  g_return_val_if_fail (IC_IS_MATCH_CORPUS (self), FALSE);

  return tag != NULL && g_hash_table_contains (self->rising, tag);
}

IcTfidfIndex *
ic_match_corpus_get_index (IcMatchCorpus *self)
{
  g_return_val_if_fail (IC_IS_MATCH_CORPUS (self), NULL);

  return self->index;
}

guint16
ic_match_corpus_lookup_cluster (IcMatchCorpus *self,
                                const char    *name)
{
  gpointer value = name ? g_hash_table_lookup (self->cluster_lookup, name) : NULL;

  return value ? (guint16) (GPOINTER_TO_UINT (value) - 1) : 0;
}

guint32
ic_match_corpus_lookup_organisation (IcMatchCorpus *self,
                                     const char    *id)
{
  gpointer value = id ? g_hash_table_lookup (self->organisation_lookup, id) : NULL;

  return value ? GPOINTER_TO_UINT (value) - 1 : IC_MATCH_NO_ORGANISATION;
}

gint64
ic_match_corpus_lookup_tag (IcMatchCorpus *self,
                            const char    *tag)
{
  gpointer value = tag ? g_hash_table_lookup (self->tag_lookup, tag) : NULL;

  return value ? (gint64) GPOINTER_TO_UINT (value) - 1 : -1;
}

IcCorpusOrganisation *
ic_match_corpus_get_organisation (IcMatchCorpus *self,
                                  const char    *id)
{
  return id ? g_hash_table_lookup (self->organisations, id) : NULL;
}
