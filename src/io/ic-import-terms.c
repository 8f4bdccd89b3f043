/* ic-import-terms.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ic-import-mapping.h"
#include "ic-import-terms.h"
#include "ic-postcode.h"

/* Folded words (see ic_import_mapping_fold_name()) that name a cluster
 * of the default taxonomy; a taxonomy without that cluster ignores them. */
static const struct
{
  const char *cluster;
  const char *names;   /* '|'-separated, folded */
} cluster_synonyms[] = {
  { "low-carbon-energy", "low_carbon|net_zero|energy|clean_energy|cleantech|clean_tech|"
                         "clean_growth|renewables|renewable_energy|green_tech|green_technology|"
                         "low_carbon_and_energy|lce|environmental|environmental_technologies|"
                         "hydrogen|decarbonisation|decarbonization|energy_and_low_carbon" },
  { "metals-materials", "metals|metal|materials|advanced_materials|metal_fabrication|"
                        "metalworking|foundry|foundries|casting|steel|materials_and_metals" },
  { "aerospace", "aero|aviation|aerospace_and_defence|aerospace_defence|space" },
  { "logistics-transport-tech", "logistics|transport|freight|mobility|future_mobility|"
                                "transport_technology|logistics_and_transport|supply_chain" },
  { "life-sciences-health-tech", "life_sciences|life_science|health|healthcare|health_tech|"
                                 "healthtech|medtech|med_tech|medical|medical_technology|"
                                 "pharma|pharmaceuticals|biotech|biotechnology|health_and_life_sciences" },
  { "professional-services", "professional_services|business_services|pbs|"
                             "professional_and_business_services|finance|financial_services|"
                             "legal|consulting|consultancy|accountancy" },
  { "rail", "railway|railways|rail_technology|rail_tech" },
  { "construction", "built_environment|construction_and_built_environment|mmc|"
                    "modern_methods_of_construction|housing|infrastructure" },
  { "creative", "creative_industries|creative_industry|media|games|gaming|video_games|"
                "film|film_and_tv|design|creative_and_media" },
  { "food-drink", "food|drink|food_and_drink|food_drink|agri_food|agrifood|agritech|"
                  "food_manufacturing|beverages" },
  { "automotive", "auto|automotive_and_ev|cars|vehicles|ev|electric_vehicles|motorsport|"
                  "automotive_manufacturing" },
  { "tourism", "tourism_and_hospitality|hospitality|visitor_economy|leisure|"
               "culture_and_tourism" },
};

/* Towns and the old names people write for an authority's area. */
static const struct
{
  const char *place;
  const char *names;
} place_synonyms[] = {
  { "birmingham", "sutton_coldfield|erdington|edgbaston|digbeth|aston|selly_oak|"
                  "kings_norton|longbridge|small_heath|tyseley|bordesley" },
  { "sandwell", "west_bromwich|smethwick|oldbury|tipton|wednesbury|rowley_regis|"
                "great_bridge|cradley_heath" },
  { "dudley", "stourbridge|halesowen|brierley_hill|netherton|kingswinford|sedgley|"
              "coseley|lye" },
  { "walsall", "willenhall|darlaston|aldridge|bloxwich|brownhills|pelsall" },
  { "wolverhampton", "bilston|wednesfield|tettenhall|ettingshall" },
  { "solihull", "shirley|knowle|dorridge|chelmsley_wood|castle_bromwich|"
                "birmingham_airport|nec" },
  { "coventry", "canley|tile_hill|binley|foleshill|whitley|ansty" },
  { "warwick", "leamington|leamington_spa|royal_leamington_spa|kenilworth|whitnash" },
  { "nuneaton-and-bedworth", "nuneaton|bedworth" },
  { "stratford-on-avon", "stratford|stratford_upon_avon|alcester|shipston_on_stour|"
                         "southam|wellesbourne|gaydon" },
  { "north-warwickshire", "atherstone|coleshill|polesworth" },
  { "cannock-chase", "cannock|rugeley|hednesford" },
  { "east-staffordshire", "burton|burton_upon_trent|burton_on_trent|uttoxeter" },
  { "stoke-on-trent", "stoke|hanley|burslem|longton|tunstall|fenton" },
  { "wyre-forest", "kidderminster|stourport|stourport_on_severn|bewdley" },
  { "wychavon", "evesham|droitwich|droitwich_spa|pershore" },
  { "malvern-hills", "malvern|great_malvern|tenbury_wells|upton_upon_severn" },
  { "telford-and-wrekin", "telford|wellington|newport|oakengates|donnington" },
  { "shropshire", "shrewsbury|oswestry|ludlow|bridgnorth|market_drayton|whitchurch" },
  { "herefordshire", "hereford|leominster|ross_on_wye|ledbury" },
  { "south-staffordshire", "codsall|perton|wombourne|penkridge|featherstone|i54" },
  { "lichfield", "burntwood" },
  { "newcastle-under-lyme", "kidsgrove|keele" },
  { "staffordshire-moorlands", "leek|cheadle|biddulph" },
  { "london", "greater_london|city_of_london|westminster" },
};

/* Words that say what kind of place, not which. */
static const char * const place_noise[] = {
  "city", "of", "council", "metropolitan", "borough", "district", "county", "mbc", "cc",
  "uk", "england", "west", "midlands", "the", NULL
};

static gboolean
in_list (const char *names,
         const char *folded)
{
  gsize length = strlen (folded);

  for (const char *p = names; p != NULL && *p != '\0';)
    {
      const char *bar = strchr (p, '|');
      gsize n = bar ? (gsize) (bar - p) : strlen (p);

      if (n == length && strncmp (p, folded, n) == 0)
        return TRUE;
      p = bar ? bar + 1 : NULL;
    }
  return FALSE;
}

/* Whether every word of @words is one of @name's, "and" aside. */
static gboolean
words_within (char       **words,
              const char  *name)
{
  g_autofree char *folded = ic_import_mapping_fold_name (name);
  g_auto(GStrv) name_words = g_strsplit (folded, "_", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (g_str_equal (words[i], "and"))
        continue;
      if (!g_strv_contains ((const char * const *) name_words, words[i]))
        return FALSE;
      n++;
    }
  return n > 0;
}

static const char *
find (IcTaxonomy *taxonomy,
      gboolean    places,
      const char *text)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  const char *found = NULL;
  guint n = 0, n_found = 0;

  if (text == NULL || text[0] == '\0' || taxonomy == NULL)
    return NULL;
  n = places ? ic_taxonomy_get_n_places (taxonomy) : ic_taxonomy_get_n_clusters (taxonomy);

  /* Most cells hold the id as the taxonomy has it, as exports write
   * it: found without folding anything. */
  if ((places ? ic_taxonomy_get_place_name (taxonomy, text)
              : ic_taxonomy_get_cluster_name (taxonomy, text)) != NULL)
    for (guint i = 0; i < n; i++)
      {
        const char *id = places ? ic_taxonomy_get_place_id (taxonomy, i)
                                : ic_taxonomy_get_cluster_id (taxonomy, i);

        if (g_str_equal (text, id))
          return id;
      }

  folded = ic_import_mapping_fold_name (text);
  if (folded[0] == '\0')
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      const char *id = places ? ic_taxonomy_get_place_id (taxonomy, i)
                              : ic_taxonomy_get_cluster_id (taxonomy, i);
      const char *name = places ? ic_taxonomy_get_place_name (taxonomy, id)
                                : ic_taxonomy_get_cluster_name (taxonomy, id);
      g_autofree char *folded_id = ic_import_mapping_fold_name (id);
      g_autofree char *folded_name = ic_import_mapping_fold_name (name);

      if (g_str_equal (folded, folded_id) || g_str_equal (folded, folded_name))
        return id;
    }

  if (!places)
    {
      for (guint i = 0; i < G_N_ELEMENTS (cluster_synonyms); i++)
        if (in_list (cluster_synonyms[i].names, folded) &&
            ic_taxonomy_get_cluster_name (taxonomy, cluster_synonyms[i].cluster) != NULL)
          return cluster_synonyms[i].cluster;
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (place_synonyms); i++)
        if (in_list (place_synonyms[i].names, folded) &&
            ic_taxonomy_get_place_name (taxonomy, place_synonyms[i].place) != NULL)
          return place_synonyms[i].place;
    }

  /* "Low Carbon" is within "Low carbon and energy" and no other name. */
  words = g_strsplit (folded, "_", -1);
  if (places)
    {
      /* "City of Wolverhampton Council" names Wolverhampton. */
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();

      for (guint i = 0; words[i] != NULL; i++)
        if (!g_strv_contains (place_noise, words[i]))
          g_strv_builder_add (kept, words[i]);
      g_strfreev (words);
      words = g_strv_builder_end (kept);
    }
  for (guint i = 0; i < n; i++)
    {
      const char *id = places ? ic_taxonomy_get_place_id (taxonomy, i)
                              : ic_taxonomy_get_cluster_id (taxonomy, i);
      const char *name = places ? ic_taxonomy_get_place_name (taxonomy, id)
                                : ic_taxonomy_get_cluster_name (taxonomy, id);

      if (words_within (words, name))
        {
          found = id;
          n_found++;
        }
    }
  return n_found == 1 ? found : NULL;
}

const char *
ic_import_terms_find_cluster (IcTaxonomy *taxonomy,
                              const char *text)
{
  return find (taxonomy, FALSE, text);
}

const char *
ic_import_terms_find_place (IcTaxonomy *taxonomy,
                            const char *text)
{
  g_auto(GStrv) parts = NULL;
  const char *found;

  if (text == NULL || text[0] == '\0' || taxonomy == NULL)
    return NULL;
  /* The id itself, as exports write it. */
  if (ic_taxonomy_get_place_name (taxonomy, text) != NULL)
    return find (taxonomy, TRUE, text);
  found = ic_postcode_to_local_authority (text);
  if (found != NULL && taxonomy != NULL && ic_taxonomy_get_place_name (taxonomy, found) != NULL)
    return found;

  /* "Smethwick, B66 2PL" or "Unit 4, Brickhouse Lane, West Bromwich":
   * a postcode at the end, else a part that is a place. */
  parts = g_strsplit_set (text, ",\n", -1);
  for (int i = (int) g_strv_length (parts) - 1; i >= 0; i--)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));
      g_auto(GStrv) words = g_strsplit (part, " ", -1);
      guint n = g_strv_length (words);

      /* The last two words may be a postcode ("B66 2PL"). */
      if (n >= 2)
        {
          g_autofree char *tail = g_strjoin (" ", words[n - 2], words[n - 1], NULL);

          found = ic_postcode_to_local_authority (tail);
          if (found != NULL && ic_taxonomy_get_place_name (taxonomy, found) != NULL)
            return found;
        }
      if (part[0] != '\0' && (found = find (taxonomy, TRUE, part)) != NULL)
        return found;
    }
  return find (taxonomy, TRUE, text);
}
