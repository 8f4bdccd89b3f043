/* fuzz-record-json.c — libFuzzer target: the record JSON decoder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes, as each kind of record: decoded, validated and, when
 * valid, written back and decoded again to the same JSON.
 */

#include "config.h"

#include <string.h>

#include "ic-record-json.h"
#include "ic-record.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const IcRecordKind kinds[] = {
    IC_RECORD_KIND_ORGANISATION, IC_RECORD_KIND_CHALLENGE, IC_RECORD_KIND_CAPABILITY,
    IC_RECORD_KIND_FORESIGHT, IC_RECORD_KIND_SHORTLIST,
  };

  if (size > 1024 * 1024)
    return 0;
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IcRecord) record = ic_record_new_from_json_data (kinds[k], (const char *) data,
                                                                 (gssize) size, &error);
      g_autofree char *json = NULL;
      g_autofree char *again = NULL;
      g_autoptr(IcRecord) copy = NULL;

      if (record == NULL)
        {
          g_assert (error != NULL);
          continue;
        }
      if (!ic_record_validate (record, NULL, &error))
        continue;
      json = ic_record_to_json_data (record, FALSE);
      copy = ic_record_new_from_json_data (kinds[k], json, -1, &error);
      g_assert_no_error (error);
      again = ic_record_to_json_data (copy, FALSE);
      g_assert_cmpstr (json, ==, again);
    }
  return 0;
}
