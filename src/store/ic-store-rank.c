/* ic-store-rank.c — the relevance of a full-text match
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ic_rank (TABLE_fts, WEIGHT, …) is an FTS5 auxiliary function, one
 * WEIGHT per column of the full-text table (1.0 for any not given).
 * It is BM25 without length normalisation (b = 0):
 *
 *   score = Σ over phrases p of  idf(p) · f(p) · (k1 + 1) / (f(p) + k1)
 *
 * where f(p) is the sum, over the hits of p in the row, of the weight of
 * the hit's column, so that with the title weighing 10 and the
 * description 1 a word in the title counts as much as ten in the
 * description; k1 = 1.2 makes repeats count less and less.  idf(p) =
 * ln ((N − n(p) + 0.5) / (n(p) + 0.5)), N rows of which n(p) hold p, so
 * that in a query of several words the rarer ones count more; never
 * below a small positive floor.  A query of one phrase needs no idf: it
 * would scale every score alike.  Higher is better.
 *
 * Why not FTS5's bm25(): its length normalisation reads each matching
 * row's size from the %_docsize table, one indexed lookup per match.
 * For a common word matching a third of 100,000 records those lookups
 * were nearly three quarters of the search; ranking from the position
 * lists alone, which the match has already read, takes a fifth of
 * bm25()'s time.  Record texts are short and of similar lengths, so the
 * normalisation bought little.  (Without it the tables need no sizes:
 * they are made with columnsize=0, see ic-store-schema.c.)
 */

#include "config.h"

#include <math.h>

#include "ic-store-private.h"

#define K1       1.2
#define IDF_MIN  1e-6

typedef struct
{
  int     n_phrases;
  int     n_columns;
  double *idf;       /* n_phrases */
  double *freq;      /* n_phrases: the current row's weighted hits */
  double *weights;   /* n_columns */
} RankQuery;

static void
rank_query_free (gpointer data)
{
  RankQuery *query = data;

  g_free (query->idf);
  g_free (query->freq);
  g_free (query->weights);
  g_free (query);
}

static int
count_row (const Fts5ExtensionApi *api,
           Fts5Context            *fts,
           void                   *user_data)
{
  (*(gint64 *) user_data)++;
  return SQLITE_OK;
}

/* What stays the same for every row of one query, worked out at its
 * first row. */
static int
rank_query_new (const Fts5ExtensionApi  *api,
                Fts5Context             *fts,
                int                      n_values,
                sqlite3_value          **values,
                RankQuery              **out)
{
  RankQuery *query = g_new0 (RankQuery, 1);
  int rc = SQLITE_OK;

  query->n_phrases = MAX (api->xPhraseCount (fts), 0);
  query->n_columns = MAX (api->xColumnCount (fts), 0);
  query->idf = g_new (double, MAX (query->n_phrases, 1));
  query->freq = g_new0 (double, MAX (query->n_phrases, 1));
  query->weights = g_new (double, MAX (query->n_columns, 1));

  for (int c = 0; c < query->n_columns; c++)
    query->weights[c] = c < n_values ? sqlite3_value_double (values[c]) : 1.0;

  if (query->n_phrases == 1)
    query->idf[0] = 1.0;
  else if (query->n_phrases > 1)
    {
      sqlite3_int64 n_rows = 0;

      rc = api->xRowCount (fts, &n_rows);
      for (int p = 0; rc == SQLITE_OK && p < query->n_phrases; p++)
        {
          gint64 n_hits = 0;

          rc = api->xQueryPhrase (fts, p, &n_hits, count_row);
          query->idf[p] = MAX (log ((n_rows - n_hits + 0.5) / (n_hits + 0.5)), IDF_MIN);
        }
    }

  if (rc == SQLITE_OK)
    rc = api->xSetAuxdata (fts, query, rank_query_free);
  else
    rank_query_free (query);
  *out = rc == SQLITE_OK ? query : NULL;
  return rc;
}

static void
rank_function (const Fts5ExtensionApi  *api,
               Fts5Context             *fts,
               sqlite3_context         *context,
               int                      n_values,
               sqlite3_value          **values)
{
  RankQuery *query = api->xGetAuxdata (fts, FALSE);
  double score = 0.0;
  int n_hits = 0;
  int rc = SQLITE_OK;

  if (query == NULL)
    rc = rank_query_new (api, fts, n_values, values, &query);
  if (rc == SQLITE_OK)
    rc = api->xInstCount (fts, &n_hits);

  if (rc == SQLITE_OK)
    {
      for (int p = 0; p < query->n_phrases; p++)
        query->freq[p] = 0.0;
      for (int i = 0; rc == SQLITE_OK && i < n_hits; i++)
        {
          int phrase, column, offset;

          rc = api->xInst (fts, i, &phrase, &column, &offset);
          if (rc == SQLITE_OK && phrase >= 0 && phrase < query->n_phrases &&
              column >= 0 && column < query->n_columns)
            query->freq[phrase] += query->weights[column];
        }
    }

  if (rc != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }

  for (int p = 0; p < query->n_phrases; p++)
    {
      double f = query->freq[p];

      score += query->idf[p] * f * (K1 + 1.0) / (f + K1);
    }
  sqlite3_result_double (context, score);
}

gboolean
ic_store_rank_register (sqlite3  *db,
                        GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  fts5_api *api = NULL;
  int rc;

  /* The documented way to reach FTS5's API from C. */
  rc = sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_ROW ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      ic_store_set_sqlite_error (error, db, rc);
      return FALSE;
    }
  if (api == NULL || api->iVersion < 2)
    {
      g_set_error_literal (error, IC_STORE_ERROR, IC_STORE_ERROR_OPEN,
                           "This SQLite has no usable FTS5");
      return FALSE;
    }

  rc = api->xCreateFunction (api, "ic_rank", NULL, rank_function, NULL);
  if (rc != SQLITE_OK)
    {
      ic_store_set_sqlite_error (error, db, rc);
      return FALSE;
    }
  return TRUE;
}
