/* test-app-format.c — the window's formatting helpers: file names made
 * from shortlist names, and numbers with thousands separators.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "ic-app-format.h"

static void
test_file_name (void)
{
  static const struct
  {
    const char *name;
    const char *file;
  } cases[] = {
    { "Shortlist: “Lighter brake callipers”", "Shortlist- Lighter brake callipers" },
    { "‘Quoted’ \"twice\"  and   spaced ", "Quoted twice and spaced" },
    { "a/b\\c*d?e<f>g|h", "a-b-c-d-e-f-g-h" },
    { "„Bremsen“ für «Züge»", "Bremsen für Züge" },
    { "..hidden", "hidden" },
    { "“”", "Shortlist" },
    { NULL, "Shortlist" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *file = ic_format_file_name (cases[i].name);

      g_assert_cmpstr (file, ==, cases[i].file);
    }
}

static void
test_number (void)
{
  static const struct
  {
    guint64     n;
    const char *text;
  } cases[] = {
    { 0, "0" }, { 7, "7" }, { 999, "999" }, { 1000, "1,000" }, { 12345, "12,345" },
    { 1234567, "1,234,567" }, { 100000, "100,000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ic_format_number (cases[i].n);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Minutes and seconds under an hour; hours and minutes from an hour on,
 * not "533:11". */
static void
test_countdown (void)
{
  static const struct
  {
    int         seconds;
    const char *text;
  } cases[] = {
    { 0, "0:00" }, { 59, "0:59" }, { 372, "6:12" }, { 3599, "59:59" }, { 3600, "1 h 00 min" },
    { 32000, "8 h 53 min" }, { -5, "0:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ic_format_countdown (cases[i].seconds);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int    argc,
      char **argv)
{
  /* The C locale has no thousands separator: "," stands in. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/app-format/file-name", test_file_name);
  g_test_add_func ("/app-format/number", test_number);
  g_test_add_func ("/app-format/countdown", test_countdown);
  return g_test_run ();
}
