/* test-event-csv.c — participants for an event from a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ic-event-csv.h"
#include "ic-io-error.h"
#include "ic-organisation.h"

#define ACME  "0b8f4c1e-1111-4a5b-9c3d-000000000001"
#define BREW  "0b8f4c1e-1111-4a5b-9c3d-000000000002"
#define TWIN1 "0b8f4c1e-1111-4a5b-9c3d-000000000003"
#define TWIN2 "0b8f4c1e-1111-4a5b-9c3d-000000000004"

static GPtrArray *
organisations (void)
{
  const char *rows[][2] = {
    { ACME, "Acme Widgets Ltd" }, { BREW, "Brewing & Co, Ltd" },
    { TWIN1, "Twin Engineering" }, { TWIN2, "twin engineering" },
  };
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      IcOrganisation *organisation = ic_organisation_new ();

      ic_record_set_id (IC_RECORD (organisation), rows[i][0]);
      g_object_set (organisation, "name", rows[i][1], NULL);
      g_ptr_array_add (out, organisation);
    }
  return out;
}

static GPtrArray *
read_text (const char  *text,
           GError     **error)
{
  g_autoptr(GPtrArray) known = organisations ();
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_strdup (text), -1, g_free);

  return ic_event_csv_read_participants (stream, 5, known, NULL, error);
}

static void
test_reads_names_ids_limits_and_slots (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) participants =
    read_text ("\xEF\xBB\xBFNotes,Organization,Max Meetings,Available\r\n"
               "x,\"brewing & co, ltd\",3,\"1-2, 5\"\r\n"
               ",,,\r\n"
               "y," ACME ",,\r\n", &error);
  IcEventParticipant *brew, *acme;
  const guint32 *slots;
  gsize n = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (participants->len, ==, 2);
  brew = g_ptr_array_index (participants, 0);
  acme = g_ptr_array_index (participants, 1);
  g_assert_cmpstr (ic_event_participant_get_organisation_id (brew), ==, BREW);
  g_assert_cmpint (ic_event_participant_get_max_meetings (brew), ==, 3);
  slots = ic_event_participant_get_available (brew, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (slots[0], ==, 0);
  g_assert_cmpuint (slots[1], ==, 1);
  g_assert_cmpuint (slots[2], ==, 4);
  g_assert_cmpstr (ic_event_participant_get_organisation_id (acme), ==, ACME);
  g_assert_null (ic_event_participant_get_available (acme, &n));
}

static void
expect_refusal (const char *text,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) participants = read_text (text, &error);

  g_assert_null (participants);
  g_assert_error (error, IC_IO_ERROR, code);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

static void
test_bad_rows_name_row_and_column (void)
{
  expect_refusal ("organisation\nAcme Widgets Ltd\nNobody\n", IC_IO_ERROR_ROW,
                  "Row 3, column organisation: no organisation is called “Nobody”");
  expect_refusal ("organisation\nTwin Engineering\n", IC_IO_ERROR_ROW,
                  "Row 2, column organisation: more than one organisation is called");
  expect_refusal ("organisation,max_meetings\nAcme Widgets Ltd,0\n", IC_IO_ERROR_ROW,
                  "Row 2, column max_meetings: “0” is not a whole number from 1");
  expect_refusal ("organisation,available\nAcme Widgets Ltd,4-6\n", IC_IO_ERROR_ROW,
                  "Row 2, column available: “4-6” is not a slot number or range between 1 and 5");
  expect_refusal ("organisation\nAcme Widgets Ltd\n" ACME "\n", IC_IO_ERROR_ROW,
                  "Row 3, column organisation: Acme Widgets Ltd is listed already, in row 2");
  expect_refusal ("name\nAcme Widgets Ltd\n", IC_IO_ERROR_HEADER, "no “organisation” column");
  expect_refusal ("", IC_IO_ERROR_EMPTY, "empty");
}

static void
test_adds_only_newcomers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) participants = read_text ("organisation\nAcme Widgets Ltd\n" BREW "\n", &error);
  g_autoptr(IcEvent) event = ic_event_new ();
  g_autoptr(IcEventParticipant) acme = ic_event_participant_new (ACME);

  g_assert_no_error (error);
  g_list_store_append (ic_event_get_participants (event), acme);
  g_assert_cmpuint (ic_event_csv_add_participants (event, participants), ==, 1);
  g_assert_cmpuint (ic_event_get_n_participants (event), ==, 2);
  g_assert_cmpint (ic_event_find_participant (event, BREW), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/event-csv/reads", test_reads_names_ids_limits_and_slots);
  g_test_add_func ("/event-csv/bad-rows", test_bad_rows_name_row_and_column);
  g_test_add_func ("/event-csv/newcomers", test_adds_only_newcomers);
  return g_test_run ();
}
