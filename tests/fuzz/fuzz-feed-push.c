/* fuzz-feed-push.c — libFuzzer target: what the server reads from a push
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes as the body of POST /v1/changes, read the way the server
 * reads it (the depth check, the object, each change of the batch), and
 * as the body of POST /v1/revs-diff.
 */

#include "config.h"

#include "ic-feed-json.h"
#include "ic-feed-protocol.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) revs = NULL;
  JsonArray *array;

  root = ic_feed_json_parse_object ((const char *) data, size, &error);
  if (root != NULL)
    {
      array = ic_feed_json_get_array (json_node_get_object (root), "changes", &error);
      for (guint i = 0; array != NULL && i < json_array_get_length (array) && i < 1000; i++)
        {
          g_autoptr(GError) change_error = NULL;
          g_autoptr(IcFeedChange) change = ic_feed_change_parse_push (json_array_get_element (array, i),
                                                                      &change_error);

          g_assert ((change == NULL) == (change_error != NULL));
        }
    }
  g_clear_error (&error);

  revs = ic_feed_revs_parse ((const char *) data, size, "revs", &error);
  g_assert ((revs == NULL) == (error != NULL));
  return 0;
}
