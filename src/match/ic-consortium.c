/* ic-consortium.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-consortium.h"

typedef struct
{
  char   *capability_id;
  char   *capability_title;
  char   *organisation_id;
  char   *organisation_name;
  double  score;
  char  **tags;
} Member;

struct _IcConsortium
{
  GObject parent_instance;

  char *challenge_id;
  char **required_tags;
  GArray *members;    /* of Member */
  gboolean exact;
};

G_DEFINE_FINAL_TYPE (IcConsortium, ic_consortium, G_TYPE_OBJECT)

static void
clear_member (gpointer data)
{
  Member *member = data;

  g_free (member->capability_id);
  g_free (member->capability_title);
  g_free (member->organisation_id);
  g_free (member->organisation_name);
  g_strfreev (member->tags);
}

static void
ic_consortium_finalize (GObject *object)
{
  IcConsortium *self = IC_CONSORTIUM (object);

  g_free (self->challenge_id);
  g_strfreev (self->required_tags);
  g_array_unref (self->members);

  G_OBJECT_CLASS (ic_consortium_parent_class)->finalize (object);
}

static void
ic_consortium_class_init (IcConsortiumClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_consortium_finalize;
}

static void
ic_consortium_init (IcConsortium *self)
{
  self->members = g_array_new (FALSE, FALSE, sizeof (Member));
  g_array_set_clear_func (self->members, clear_member);
}

IcConsortium *
ic_consortium_new (const char         *challenge_id,
                   const char * const *required_tags)
{
  IcConsortium *self = g_object_new (IC_TYPE_CONSORTIUM, NULL);

  self->challenge_id = g_strdup (challenge_id);
  self->required_tags = g_strdupv ((char **) required_tags);
  if (self->required_tags == NULL)
    self->required_tags = g_new0 (char *, 1);
  return self;
}

void
ic_consortium_add_member (IcConsortium       *self,
                          const char         *capability_id,
                          const char         *capability_title,
                          const char         *organisation_id,
                          const char         *organisation_name,
                          double              score,
                          const char * const *tags)
{
  Member member = {
    g_strdup (capability_id), g_strdup (capability_title), g_strdup (organisation_id),
    g_strdup (organisation_name), score, g_strdupv ((char **) tags),
  };

  g_return_if_fail (IC_IS_CONSORTIUM (self));
  if (member.tags == NULL)
    member.tags = g_new0 (char *, 1);
  g_array_append_val (self->members, member);
}

const char *
ic_consortium_get_challenge_id (IcConsortium *self)
{
  g_return_val_if_fail (IC_IS_CONSORTIUM (self), NULL);
  return self->challenge_id;
}

guint
ic_consortium_get_n_members (IcConsortium *self)
{
  g_return_val_if_fail (IC_IS_CONSORTIUM (self), 0);
  return self->members->len;
}

static Member *
get_member (IcConsortium *self,
            guint         position)
{
  g_return_val_if_fail (IC_IS_CONSORTIUM (self), NULL);
  g_return_val_if_fail (position < self->members->len, NULL);
  return &g_array_index (self->members, Member, position);
}

const char *
ic_consortium_get_member_id (IcConsortium *self,
                             guint         position)
{
  Member *member = get_member (self, position);
  return member ? member->capability_id : NULL;
}

const char *
ic_consortium_get_member_title (IcConsortium *self,
                                guint         position)
{
  Member *member = get_member (self, position);
  return member ? member->capability_title : NULL;
}

const char *
ic_consortium_get_member_organisation_id (IcConsortium *self,
                                          guint         position)
{
  Member *member = get_member (self, position);
  return member ? member->organisation_id : NULL;
}

const char *
ic_consortium_get_member_organisation_name (IcConsortium *self,
                                            guint         position)
{
  Member *member = get_member (self, position);
  return member ? member->organisation_name : NULL;
}

double
ic_consortium_get_member_score (IcConsortium *self,
                                guint         position)
{
  Member *member = get_member (self, position);
  return member ? member->score : 0.0;
}

const char * const *
ic_consortium_get_member_tags (IcConsortium *self,
                               guint         position)
{
  Member *member = get_member (self, position);
  return member ? (const char * const *) member->tags : NULL;
}

static gboolean
is_covered (IcConsortium *self,
            const char   *tag)
{
  for (guint i = 0; i < self->members->len; i++)
    if (g_strv_contains ((const char * const *) g_array_index (self->members, Member, i).tags, tag))
      return TRUE;
  return FALSE;
}

static GStrv
dup_tags (IcConsortium *self,
          gboolean      covered)
{
  GPtrArray *tags = g_ptr_array_new ();

  for (guint i = 0; self->required_tags[i] != NULL; i++)
    if (is_covered (self, self->required_tags[i]) == covered)
      g_ptr_array_add (tags, g_strdup (self->required_tags[i]));
  g_ptr_array_add (tags, NULL);
  return (GStrv) g_ptr_array_free (tags, FALSE);
}

GStrv
ic_consortium_dup_covered_tags (IcConsortium *self)
{
  g_return_val_if_fail (IC_IS_CONSORTIUM (self), NULL);
  return dup_tags (self, TRUE);
}

GStrv
ic_consortium_dup_missing_tags (IcConsortium *self)
{
  g_return_val_if_fail (IC_IS_CONSORTIUM (self), NULL);
  return dup_tags (self, FALSE);
}

guint
ic_consortium_get_n_required (IcConsortium *self)
{
  g_return_val_if_fail (IC_IS_CONSORTIUM (self), 0);
  return g_strv_length (self->required_tags);
}

double
ic_consortium_get_score (IcConsortium *self)
{
  double sum = 0.0;

  g_return_val_if_fail (IC_IS_CONSORTIUM (self), 0.0);

  if (self->members->len == 0)
    return 0.0;
  for (guint i = 0; i < self->members->len; i++)
    sum += g_array_index (self->members, Member, i).score;
  return sum / self->members->len;
}

gboolean
ic_consortium_get_exact (IcConsortium *self)
{
  g_return_val_if_fail (IC_IS_CONSORTIUM (self), FALSE);
  return self->exact;
}

void
ic_consortium_set_exact (IcConsortium *self,
                         gboolean      exact)
{
  g_return_if_fail (IC_IS_CONSORTIUM (self));
  self->exact = !!exact;
}

static JsonArray *
strv_to_array (const char * const *strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  return array;
}

JsonNode *
ic_consortium_to_json (IcConsortium *self)
{
  g_auto(GStrv) covered = NULL;
  g_auto(GStrv) missing = NULL;
  JsonObject *object = json_object_new ();
  JsonArray *members = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  g_return_val_if_fail (IC_IS_CONSORTIUM (self), NULL);

  for (guint i = 0; i < self->members->len; i++)
    {
      Member *member = &g_array_index (self->members, Member, i);
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "capability_id", member->capability_id);
      if (member->organisation_id != NULL)
        json_object_set_string_member (entry, "organisation_id", member->organisation_id);
      else
        json_object_set_null_member (entry, "organisation_id");
      json_object_set_double_member (entry, "score", member->score);
      json_object_set_array_member (entry, "tags",
                                    strv_to_array ((const char * const *) member->tags));
      json_array_add_object_element (members, entry);
    }
  covered = ic_consortium_dup_covered_tags (self);
  missing = ic_consortium_dup_missing_tags (self);
  json_object_set_array_member (object, "members", members);
  json_object_set_array_member (object, "covered_tags", strv_to_array ((const char * const *) covered));
  json_object_set_array_member (object, "missing_tags", strv_to_array ((const char * const *) missing));
  json_object_set_double_member (object, "score", ic_consortium_get_score (self));
  json_node_take_object (node, object);
  return node;
}
