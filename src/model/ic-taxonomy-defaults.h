/* ic-taxonomy-defaults.h — built-in clusters and places
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *id;
  const char *name;   /* translatable, marked with N_() */
} IcDefaultCluster;

typedef struct
{
  const char *id;
  const char *name;
  const char *area_id;
  const char *area_name;
  const char *region_id;
  const char *region_name;
} IcDefaultPlace;

/* Both arrays end with an entry whose id is NULL. */
extern const IcDefaultCluster ic_default_clusters[];
extern const IcDefaultPlace ic_default_places[];

G_END_DECLS
