/* ic-taxonomy.h — clusters and places, editable by the user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IC_TYPE_TAXONOMY (ic_taxonomy_get_type ())

G_DECLARE_FINAL_TYPE (IcTaxonomy, ic_taxonomy, IC, TAXONOMY, GObject)

/* How near two places are, nearest first. */
typedef enum
{
  IC_PROXIMITY_SAME_AUTHORITY,
  IC_PROXIMITY_SAME_AREA,
  IC_PROXIMITY_SAME_REGION,
  IC_PROXIMITY_ELSEWHERE,
} IcProximity;

IcTaxonomy  *ic_taxonomy_new                (void);
/* The West Midlands clusters and places that a new database starts with. */
IcTaxonomy  *ic_taxonomy_new_default        (void);

/* Adds or renames a cluster. */
void         ic_taxonomy_add_cluster        (IcTaxonomy  *self,
                                             const char  *id,
                                             const char  *name);
gboolean     ic_taxonomy_remove_cluster     (IcTaxonomy  *self,
                                             const char  *id);
guint        ic_taxonomy_get_n_clusters     (IcTaxonomy  *self);
const char  *ic_taxonomy_get_cluster_id     (IcTaxonomy  *self,
                                             guint        position);
/* The cluster's display name, or NULL if @id is unknown. */
const char  *ic_taxonomy_get_cluster_name   (IcTaxonomy  *self,
                                             const char  *id);

/* Adds or replaces a local authority in its area and region. */
void         ic_taxonomy_add_place          (IcTaxonomy  *self,
                                             const char  *id,
                                             const char  *name,
                                             const char  *area_id,
                                             const char  *area_name,
                                             const char  *region_id,
                                             const char  *region_name);
gboolean     ic_taxonomy_remove_place       (IcTaxonomy  *self,
                                             const char  *id);
guint        ic_taxonomy_get_n_places       (IcTaxonomy  *self);
const char  *ic_taxonomy_get_place_id       (IcTaxonomy  *self,
                                             guint        position);
/* The local authority's display name, or NULL if @id is unknown. */
const char  *ic_taxonomy_get_place_name     (IcTaxonomy  *self,
                                             const char  *id);
const char  *ic_taxonomy_get_place_area     (IcTaxonomy  *self,
                                             const char  *id,
                                             const char **area_name);
const char  *ic_taxonomy_get_place_region   (IcTaxonomy  *self,
                                             const char  *id,
                                             const char **region_name);

/* Unknown or empty places are IC_PROXIMITY_ELSEWHERE. */
IcProximity  ic_taxonomy_get_proximity      (IcTaxonomy  *self,
                                             const char  *place_a,
                                             const char  *place_b);

G_END_DECLS
