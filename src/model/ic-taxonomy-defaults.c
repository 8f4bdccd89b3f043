/* ic-taxonomy-defaults.c — the default clusters and places
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Clusters are the sector strengths named by the West Midlands Local
 * Industrial Strategy.  Places are local authorities grouped by
 * combined-authority area (or, outside a combined authority, by the
 * county-level partnership that plays that role) and by region.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-taxonomy-defaults.h"

const IcDefaultCluster ic_default_clusters[] = {
  { "low-carbon-energy", N_("Low carbon and energy") },
  { "aerospace", N_("Aerospace") },
  { "logistics-transport-tech", N_("Logistics and transport technology") },
  { "metals-materials", N_("Metals and materials") },
  { "life-sciences-health-tech", N_("Life sciences and health technology") },
  { "professional-services", N_("Professional services") },
  { "rail", N_("Rail") },
  { "construction", N_("Construction") },
  { "creative", N_("Creative") },
  { "food-drink", N_("Food and drink") },
  { "automotive", N_("Automotive") },
  { "tourism", N_("Tourism") },
  { NULL, NULL }
};

const IcDefaultPlace ic_default_places[] = {
  /* West Midlands Combined Authority, constituent members */
  { "birmingham", "Birmingham", "wmca", "West Midlands Combined Authority", "west-midlands", "West Midlands" },
  { "coventry", "Coventry", "wmca", "West Midlands Combined Authority", "west-midlands", "West Midlands" },
  { "dudley", "Dudley", "wmca", "West Midlands Combined Authority", "west-midlands", "West Midlands" },
  { "sandwell", "Sandwell", "wmca", "West Midlands Combined Authority", "west-midlands", "West Midlands" },
  { "solihull", "Solihull", "wmca", "West Midlands Combined Authority", "west-midlands", "West Midlands" },
  { "walsall", "Walsall", "wmca", "West Midlands Combined Authority", "west-midlands", "West Midlands" },
  { "wolverhampton", "Wolverhampton", "wmca", "West Midlands Combined Authority", "west-midlands", "West Midlands" },
  /* Staffordshire and Stoke-on-Trent */
  { "cannock-chase", "Cannock Chase", "staffordshire", "Staffordshire and Stoke-on-Trent", "west-midlands", "West Midlands" },
  { "east-staffordshire", "East Staffordshire", "staffordshire", "Staffordshire and Stoke-on-Trent", "west-midlands", "West Midlands" },
  { "lichfield", "Lichfield", "staffordshire", "Staffordshire and Stoke-on-Trent", "west-midlands", "West Midlands" },
  { "newcastle-under-lyme", "Newcastle-under-Lyme", "staffordshire", "Staffordshire and Stoke-on-Trent", "west-midlands", "West Midlands" },
  { "south-staffordshire", "South Staffordshire", "staffordshire", "Staffordshire and Stoke-on-Trent", "west-midlands", "West Midlands" },
  { "stafford", "Stafford", "staffordshire", "Staffordshire and Stoke-on-Trent", "west-midlands", "West Midlands" },
  { "staffordshire-moorlands", "Staffordshire Moorlands", "staffordshire", "Staffordshire and Stoke-on-Trent", "west-midlands", "West Midlands" },
  { "stoke-on-trent", "Stoke-on-Trent", "staffordshire", "Staffordshire and Stoke-on-Trent", "west-midlands", "West Midlands" },
  { "tamworth", "Tamworth", "staffordshire", "Staffordshire and Stoke-on-Trent", "west-midlands", "West Midlands" },
  /* Warwickshire */
  { "north-warwickshire", "North Warwickshire", "warwickshire", "Warwickshire", "west-midlands", "West Midlands" },
  { "nuneaton-and-bedworth", "Nuneaton and Bedworth", "warwickshire", "Warwickshire", "west-midlands", "West Midlands" },
  { "rugby", "Rugby", "warwickshire", "Warwickshire", "west-midlands", "West Midlands" },
  { "stratford-on-avon", "Stratford-on-Avon", "warwickshire", "Warwickshire", "west-midlands", "West Midlands" },
  { "warwick", "Warwick", "warwickshire", "Warwickshire", "west-midlands", "West Midlands" },
  /* Worcestershire */
  { "bromsgrove", "Bromsgrove", "worcestershire", "Worcestershire", "west-midlands", "West Midlands" },
  { "malvern-hills", "Malvern Hills", "worcestershire", "Worcestershire", "west-midlands", "West Midlands" },
  { "redditch", "Redditch", "worcestershire", "Worcestershire", "west-midlands", "West Midlands" },
  { "worcester", "Worcester", "worcestershire", "Worcestershire", "west-midlands", "West Midlands" },
  { "wychavon", "Wychavon", "worcestershire", "Worcestershire", "west-midlands", "West Midlands" },
  { "wyre-forest", "Wyre Forest", "worcestershire", "Worcestershire", "west-midlands", "West Midlands" },
  /* The Marches */
  { "herefordshire", "Herefordshire", "marches", "The Marches", "west-midlands", "West Midlands" },
  { "shropshire", "Shropshire", "marches", "The Marches", "west-midlands", "West Midlands" },
  { "telford-and-wrekin", "Telford and Wrekin", "marches", "The Marches", "west-midlands", "West Midlands" },
  /* Neighbours, so that "elsewhere" can be recorded as a place too */
  { "leicester", "Leicester", "leicestershire", "Leicester and Leicestershire", "east-midlands", "East Midlands" },
  { "nottingham", "Nottingham", "east-midlands-ca", "East Midlands Combined County Authority", "east-midlands", "East Midlands" },
  { "manchester", "Manchester", "gmca", "Greater Manchester Combined Authority", "north-west", "North West" },
  { "bristol", "Bristol", "weca", "West of England Combined Authority", "south-west", "South West" },
  { "london", "London", "gla", "Greater London Authority", "london", "London" },
  { NULL, NULL, NULL, NULL, NULL, NULL }
};
