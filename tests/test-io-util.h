/* test-io-util.h — what the io test files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ic-store.h"

G_BEGIN_DECLS

/* Each test that takes a Fixture gets a new database in a new folder. */
typedef struct
{
  char    *dir;
  char    *path;
  IcStore *store;
} Fixture;

void io_fixture_set_up    (Fixture       *f,
                           gconstpointer  data);
void io_fixture_tear_down (Fixture       *f,
                           gconstpointer  data);

#define TEST_ADD(path, func) \
  g_test_add ("/io/" path, Fixture, NULL, io_fixture_set_up, func, io_fixture_tear_down)

/* Registers the tests of test-io-import.c. */
void test_io_add_import_tests (void);
/* Registers the tests of test-io-preview.c. */
void test_io_add_preview_tests (void);
/* Registers the tests of test-io-export.c. */
void test_io_add_export_tests (void);
/* Registers the tests of test-io-messy.c. */
void test_io_add_messy_tests (void);
/* Registers the tests of test-io-loader.c. */
void test_io_add_loader_tests (void);

G_END_DECLS
