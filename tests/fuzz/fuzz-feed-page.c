/* fuzz-feed-page.c — libFuzzer target: what a laptop reads from a feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes as a page of GET /v1/changes, an answer to a push and an
 * answer to revs-diff: each parsed or refused with a GError.
 */

#include "config.h"

#include "ic-feed-protocol.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcFeedPage) page = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  IcFeedPushResponse *response;

  page = ic_feed_page_parse ((const char *) data, size, &error);
  g_assert ((page == NULL) == (error != NULL));
  if (page != NULL)
    for (guint i = 0; i < page->changes->len; i++)
      g_assert (g_ptr_array_index (page->changes, i) != NULL);
  g_clear_error (&error);

  response = ic_feed_push_response_parse ((const char *) data, size, 1, &error);
  g_assert ((response == NULL) == (error != NULL));
  if (response != NULL)
    ic_feed_push_response_free (response);
  g_clear_error (&error);

  missing = ic_feed_revs_parse ((const char *) data, size, "missing", &error);
  g_assert ((missing == NULL) == (error != NULL));
  return 0;
}
