/* ic-shortlist-report.h — a shortlist with everything an export shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Gathers, once, what every shortlist export needs: the shortlist, its
 * challenge and the challenge's organisation, and for each entry the
 * capability, its organisation and the explanation the entry was saved
 * with.  The CSV, JSON, XLSX and PDF exports and the print operation
 * all read this one object, so they say the same thing.
 *
 * An entry's explanation is the JSON text of the match result it came
 * from ({"criteria": {"text": {"score", "weight", "contribution"}, …},
 * "matched_terms", "matched_tags", "why"}); plain text is taken as the
 * "why" alone.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ic-capability.h"
#include "ic-challenge.h"
#include "ic-match-types.h"
#include "ic-organisation.h"
#include "ic-shortlist.h"
#include "ic-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint             rank;           /* from 1, in shortlist order */
  IcShortlistEntry *entry;
  IcCapability     *capability;     /* (nullable): deleted since */
  IcOrganisation   *organisation;   /* (nullable) */
  gboolean          has_criteria;
  double            scores[IC_MATCH_N_CRITERIA];
  double            weights[IC_MATCH_N_CRITERIA];
  double            contributions[IC_MATCH_N_CRITERIA];
  GStrv             matched_terms;
  GStrv             matched_tags;
  char             *why;            /* one or two sentences, never NULL */
  JsonNode         *explanation;    /* (nullable): the parsed explanation */
} IcShortlistReportEntry;

#define IC_TYPE_SHORTLIST_REPORT (ic_shortlist_report_get_type ())

G_DECLARE_FINAL_TYPE (IcShortlistReport, ic_shortlist_report, IC, SHORTLIST_REPORT, GObject)

/* Reads shortlist @shortlist_id and all it refers to from @store.
 * Returns: (transfer full) (nullable) */
IcShortlistReport  *ic_shortlist_report_load           (IcStore            *store,
                                                        const char         *shortlist_id,
                                                        GError            **error);
/* A report of @shortlist with the records given (for tests and for the
 * GUI, which has them already); @challenge and @organisation may be
 * NULL.  Entries' capabilities are looked up in @capabilities and
 * @organisations (id → record), either of which may be NULL.
 * Returns: (transfer full) */
IcShortlistReport  *ic_shortlist_report_new            (IcShortlist        *shortlist,
                                                        IcChallenge        *challenge,
                                                        IcOrganisation     *organisation,
                                                        GHashTable         *capabilities,
                                                        GHashTable         *organisations);

IcShortlist        *ic_shortlist_report_get_shortlist  (IcShortlistReport  *self);
/* (nullable) */
IcChallenge        *ic_shortlist_report_get_challenge  (IcShortlistReport  *self);
/* (nullable) */
IcOrganisation     *ic_shortlist_report_get_challenge_organisation (IcShortlistReport *self);
IcTaxonomy         *ic_shortlist_report_get_taxonomy   (IcShortlistReport  *self);
void                ic_shortlist_report_set_taxonomy   (IcShortlistReport  *self,
                                                        IcTaxonomy         *taxonomy);
guint               ic_shortlist_report_get_n_entries  (IcShortlistReport  *self);
const IcShortlistReportEntry *ic_shortlist_report_get_entry (IcShortlistReport *self,
                                                        guint               index);
/* The date the report carries, YYYY-MM-DD; today unless set. */
const char         *ic_shortlist_report_get_date       (IcShortlistReport  *self);
void                ic_shortlist_report_set_date       (IcShortlistReport  *self,
                                                        const char         *date);

/* Whether the entries' private notes and their stages go into what is
 * written from the report; both do unless set otherwise. */
gboolean            ic_shortlist_report_get_include_notes  (IcShortlistReport *self);
gboolean            ic_shortlist_report_get_include_stages (IcShortlistReport *self);
void                ic_shortlist_report_set_include        (IcShortlistReport *self,
                                                            gboolean           notes,
                                                            gboolean           stages);
/* A list of terms or tags as every export writes it: "a; b; c".
 * Returns: (transfer full) */
char               *ic_shortlist_report_join               (const char * const *strings);

/* Display helpers shared by the exports (transfer none, or "" when
 * unknown). */
const char         *ic_shortlist_report_entry_title        (const IcShortlistReportEntry *entry);
const char         *ic_shortlist_report_entry_organisation (const IcShortlistReportEntry *entry);
const char         *ic_shortlist_report_entry_contact      (const IcShortlistReportEntry *entry);
const char         *ic_shortlist_report_entry_website      (const IcShortlistReportEntry *entry);
/* "£1,250,000".  Returns: (transfer full) */
char               *ic_shortlist_report_format_money       (gint64             pounds);
/* The stage as a person reads it ("Contacted"), translated. */

G_END_DECLS
