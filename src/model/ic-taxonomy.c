/* ic-taxonomy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-taxonomy.h"
#include "ic-taxonomy-defaults.h"

typedef struct
{
  char *id;
  char *name;
} Cluster;

typedef struct
{
  char *id;
  char *name;
  char *area_id;
  char *area_name;
  char *region_id;
  char *region_name;
} Place;

struct _IcTaxonomy
{
  GObject    parent_instance;

  GPtrArray *clusters;   /* Cluster*, in display order */
  GPtrArray *places;     /* Place*, in display order */
};

G_DEFINE_FINAL_TYPE (IcTaxonomy, ic_taxonomy, G_TYPE_OBJECT)

static void
cluster_free (gpointer data)
{
  Cluster *c = data;

  g_free (c->id);
  g_free (c->name);
  g_free (c);
}

static void
place_free (gpointer data)
{
  Place *p = data;

  g_free (p->id);
  g_free (p->name);
  g_free (p->area_id);
  g_free (p->area_name);
  g_free (p->region_id);
  g_free (p->region_name);
  g_free (p);
}

static void
ic_taxonomy_finalize (GObject *object)
{
  IcTaxonomy *self = IC_TAXONOMY (object);

  g_ptr_array_unref (self->clusters);
  g_ptr_array_unref (self->places);

  G_OBJECT_CLASS (ic_taxonomy_parent_class)->finalize (object);
}

static void
ic_taxonomy_class_init (IcTaxonomyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_taxonomy_finalize;
}

static void
ic_taxonomy_init (IcTaxonomy *self)
{
  self->clusters = g_ptr_array_new_with_free_func (cluster_free);
  self->places = g_ptr_array_new_with_free_func (place_free);
}

IcTaxonomy *
ic_taxonomy_new (void)
{
  return g_object_new (IC_TYPE_TAXONOMY, NULL);
}

IcTaxonomy *
ic_taxonomy_new_default (void)
{
  IcTaxonomy *self = ic_taxonomy_new ();

  for (guint i = 0; ic_default_clusters[i].id != NULL; i++)
    ic_taxonomy_add_cluster (self, ic_default_clusters[i].id,
                             _(ic_default_clusters[i].name));
  for (guint i = 0; ic_default_places[i].id != NULL; i++)
    {
      const IcDefaultPlace *p = &ic_default_places[i];
      ic_taxonomy_add_place (self, p->id, p->name, p->area_id, p->area_name,
                             p->region_id, p->region_name);
    }
  return self;
}

static Cluster *
find_cluster (IcTaxonomy *self,
              const char *id,
              guint      *position)
{
  for (guint i = 0; id != NULL && i < self->clusters->len; i++)
    {
      Cluster *c = g_ptr_array_index (self->clusters, i);
      if (g_str_equal (c->id, id))
        {
          if (position)
            *position = i;
          return c;
        }
    }
  return NULL;
}

static Place *
find_place (IcTaxonomy *self,
            const char *id,
            guint      *position)
{
  for (guint i = 0; id != NULL && i < self->places->len; i++)
    {
      Place *p = g_ptr_array_index (self->places, i);
      if (g_str_equal (p->id, id))
        {
          if (position)
            *position = i;
          return p;
        }
    }
  return NULL;
}

void
ic_taxonomy_add_cluster (IcTaxonomy *self,
                         const char *id,
                         const char *name)
{
  Cluster *c;

  g_return_if_fail (IC_IS_TAXONOMY (self));
  g_return_if_fail (id != NULL && name != NULL);

  c = find_cluster (self, id, NULL);
  if (c == NULL)
    {
      c = g_new0 (Cluster, 1);
      c->id = g_strdup (id);
      g_ptr_array_add (self->clusters, c);
    }
  g_free (c->name);
  c->name = g_strdup (name);
}

gboolean
ic_taxonomy_remove_cluster (IcTaxonomy *self,
                            const char *id)
{
  guint position;

  g_return_val_if_fail (IC_IS_TAXONOMY (self), FALSE);
  if (find_cluster (self, id, &position) == NULL)
    return FALSE;
  g_ptr_array_remove_index (self->clusters, position);
  return TRUE;
}

guint
ic_taxonomy_get_n_clusters (IcTaxonomy *self)
{
  g_return_val_if_fail (IC_IS_TAXONOMY (self), 0);
  return self->clusters->len;
}

const char *
ic_taxonomy_get_cluster_id (IcTaxonomy *self,
                            guint       position)
{
  g_return_val_if_fail (IC_IS_TAXONOMY (self), NULL);
  g_return_val_if_fail (position < self->clusters->len, NULL);
  return ((Cluster *) g_ptr_array_index (self->clusters, position))->id;
}

const char *
ic_taxonomy_get_cluster_name (IcTaxonomy *self,
                              const char *id)
{
  Cluster *c;

  g_return_val_if_fail (IC_IS_TAXONOMY (self), NULL);
  c = find_cluster (self, id, NULL);
  return c ? c->name : NULL;
}

void
ic_taxonomy_add_place (IcTaxonomy *self,
                       const char *id,
                       const char *name,
                       const char *area_id,
                       const char *area_name,
                       const char *region_id,
                       const char *region_name)
{
  Place *p;

  g_return_if_fail (IC_IS_TAXONOMY (self));
  g_return_if_fail (id != NULL && name != NULL);

  p = find_place (self, id, NULL);
  if (p == NULL)
    {
      p = g_new0 (Place, 1);
      p->id = g_strdup (id);
      g_ptr_array_add (self->places, p);
    }
  g_free (p->name);
  g_free (p->area_id);
  g_free (p->area_name);
  g_free (p->region_id);
  g_free (p->region_name);
  p->name = g_strdup (name);
  p->area_id = g_strdup (area_id);
  p->area_name = g_strdup (area_name);
  p->region_id = g_strdup (region_id);
  p->region_name = g_strdup (region_name);
}

gboolean
ic_taxonomy_remove_place (IcTaxonomy *self,
                          const char *id)
{
  guint position;

  g_return_val_if_fail (IC_IS_TAXONOMY (self), FALSE);
  if (find_place (self, id, &position) == NULL)
    return FALSE;
  g_ptr_array_remove_index (self->places, position);
  return TRUE;
}

guint
ic_taxonomy_get_n_places (IcTaxonomy *self)
{
  g_return_val_if_fail (IC_IS_TAXONOMY (self), 0);
  return self->places->len;
}

const char *
ic_taxonomy_get_place_id (IcTaxonomy *self,
                          guint       position)
{
  g_return_val_if_fail (IC_IS_TAXONOMY (self), NULL);
  g_return_val_if_fail (position < self->places->len, NULL);
  return ((Place *) g_ptr_array_index (self->places, position))->id;
}

const char *
ic_taxonomy_get_place_name (IcTaxonomy *self,
                            const char *id)
{
  Place *p;

  g_return_val_if_fail (IC_IS_TAXONOMY (self), NULL);
  p = find_place (self, id, NULL);
  return p ? p->name : NULL;
}

const char *
ic_taxonomy_get_place_area (IcTaxonomy  *self,
                            const char  *id,
                            const char **area_name)
{
  Place *p;

  g_return_val_if_fail (IC_IS_TAXONOMY (self), NULL);
  p = find_place (self, id, NULL);
  if (area_name)
    *area_name = p ? p->area_name : NULL;
  return p ? p->area_id : NULL;
}

const char *
ic_taxonomy_get_place_region (IcTaxonomy  *self,
                              const char  *id,
                              const char **region_name)
{
  Place *p;

  g_return_val_if_fail (IC_IS_TAXONOMY (self), NULL);
  p = find_place (self, id, NULL);
  if (region_name)
    *region_name = p ? p->region_name : NULL;
  return p ? p->region_id : NULL;
}

IcProximity
ic_taxonomy_get_proximity (IcTaxonomy *self,
                           const char *place_a,
                           const char *place_b)
{
  Place *a, *b;

  g_return_val_if_fail (IC_IS_TAXONOMY (self), IC_PROXIMITY_ELSEWHERE);

  a = find_place (self, place_a, NULL);
  b = find_place (self, place_b, NULL);
  if (a == NULL || b == NULL)
    return IC_PROXIMITY_ELSEWHERE;
  if (g_str_equal (a->id, b->id))
    return IC_PROXIMITY_SAME_AUTHORITY;
  if (a->area_id && b->area_id && g_str_equal (a->area_id, b->area_id))
    return IC_PROXIMITY_SAME_AREA;
  if (a->region_id && b->region_id && g_str_equal (a->region_id, b->region_id))
    return IC_PROXIMITY_SAME_REGION;
  return IC_PROXIMITY_ELSEWHERE;
}
