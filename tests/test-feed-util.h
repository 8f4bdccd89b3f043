/* test-feed-util.h — what the feed's test files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ic-record.h"

/* A valid record of @kind with a fresh id: a foresight item, or an
 * organisation. */
IcRecord *make_foresight_record   (const char *title);
IcRecord *make_organisation_record (const char *name);

/* The other files' tests. */
void      test_feed_add_local_tests  (void);
void      test_feed_add_client_tests (void);
void      test_feed_add_v2_tests     (void);
