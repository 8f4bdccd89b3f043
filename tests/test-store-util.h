/* test-store-util.h — fixtures and record makers for the store tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ic-capability.h"
#include "ic-challenge.h"
#include "ic-foresight-item.h"
#include "ic-model-error.h"
#include "ic-organisation.h"
#include "ic-record-json.h"
#include "ic-shortlist.h"
#include "ic-store-private.h"

/* Each test that takes a Fixture gets a new database in a new folder. */
typedef struct
{
  char    *dir;
  char    *path;
  IcStore *store;
} Fixture;

void       fixture_set_up      (Fixture       *f,
                                gconstpointer  data);
void       fixture_tear_down   (Fixture       *f,
                                gconstpointer  data);
void       remove_tree         (const char    *path);

#define TEST_ADD(path, func) \
  g_test_add ("/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

/* Records with every field set to something other than its default. */
IcRecord  *make_organisation   (const char    *name);
IcRecord  *make_challenge      (const char    *organisation_id,
                                const char    *title);
IcRecord  *make_capability     (const char    *organisation_id,
                                const char    *title);
IcRecord  *make_foresight      (const char    *title);
IcRecord  *make_shortlist      (const char    *challenge_id,
                                const char    *name,
                                const char   **capability_ids);

void       insert_ok           (IcStore       *store,
                                IcRecord      *record);

/* One organisation's two challenges and two capabilities, stored: what
 * tests of pairs (exclusions, stages) start from. */
typedef struct
{
  IcRecord *organisation;
  IcRecord *challenge;        /* "Refuelling" */
  IcRecord *other_challenge;  /* "Charging" */
  IcRecord *capability;       /* "Welding" */
  IcRecord *other_capability; /* "Sensors" */
} PairRecords;

void       pair_records_insert (PairRecords   *r,
                                IcStore       *store);
void       pair_records_clear  (PairRecords   *r);
/* Equal in every field, as their JSON shows. */
void       assert_same_record  (IcRecord      *a,
                                IcRecord      *b);
/* How many live records of @kind match @search (NULL: all). */
gint64     count_records       (IcStore       *store,
                                IcRecordKind   kind,
                                const char    *search);
/* Every change-log entry. */
GPtrArray *list_changes        (IcStore       *store);
/* FTS5's own check that each index matches its table. */
void       assert_fts_intact   (IcStore       *store);

/* The other files' tests. */
void       test_store_add_open_tests (void);
void       test_store_add_list_tests (void);
void       test_store_add_exclusion_tests (void);
void       test_store_add_changed_tests (void);
void       test_store_add_conflict_tests (void);
void       test_store_add_stage_tests (void);
void       test_store_add_impact_random_tests (void);
void       test_store_add_impact_tests (void);
void       test_store_add_history_tests (void);
void       test_store_add_review_tests (void);
void       test_store_add_name_tests (void);
