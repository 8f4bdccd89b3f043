/* ic-store-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Migrations only ever move forward, and a step is never edited once
 * released: a change to the schema is a new step at the end.
 *
 * The full-text tables are external-content FTS5 tables keyed on the
 * records' rowids.  Those are not aliased by an INTEGER PRIMARY KEY, so
 * a VACUUM may renumber them; the store never vacuums, and whoever does
 * by hand must then run "INSERT INTO x_fts (x_fts) VALUES ('rebuild')".
 * From version 5 on, triggers index updated and deleted rows but not new
 * ones, which the store indexes itself: a row inserted by hand needs the
 * same 'rebuild'.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-exclusion.h"
#include "ic-name-key.h"
#include "ic-store-private.h"
#include "ic-store-schema.h"
#include "ic-taxonomy.h"

#define COMMON_COLUMNS \
  "  id TEXT PRIMARY KEY NOT NULL,\n" \
  "  rev INTEGER NOT NULL DEFAULT 0,\n" \
  "  updated_at TEXT,\n" \
  "  author TEXT,\n" \
  "  visibility TEXT NOT NULL DEFAULT 'team',\n" \
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"

/* Version 1: one table per record kind, and the shortlists' entries. */
static const char migration_1[] =
  "CREATE TABLE organisation (\n" COMMON_COLUMNS
  "  name TEXT,\n"
  "  kind TEXT,\n"
  "  cluster TEXT,\n"
  "  local_authority TEXT,\n"
  "  employees INTEGER,\n"
  "  website TEXT,\n"
  "  notes TEXT);\n"
  "CREATE TABLE challenge (\n" COMMON_COLUMNS
  "  organisation_id TEXT REFERENCES organisation (id),\n"
  "  title TEXT,\n"
  "  description TEXT,\n"
  "  cluster TEXT,\n"
  "  tags TEXT,\n"
  "  trl_min INTEGER,\n"
  "  trl_max INTEGER,\n"
  "  budget_min INTEGER,\n"
  "  budget_max INTEGER,\n"
  "  deadline TEXT,\n"
  "  local_authority TEXT,\n"
  "  status TEXT,\n"
  "  contact TEXT);\n"
  "CREATE TABLE capability (\n" COMMON_COLUMNS
  "  organisation_id TEXT REFERENCES organisation (id),\n"
  "  title TEXT,\n"
  "  description TEXT,\n"
  "  cluster TEXT,\n"
  "  tags TEXT,\n"
  "  trl INTEGER,\n"
  "  employees INTEGER,\n"
  "  local_authority TEXT,\n"
  "  certifications TEXT,\n"
  "  contact TEXT);\n"
  "CREATE TABLE foresight (\n" COMMON_COLUMNS
  "  kind TEXT,\n"
  "  title TEXT,\n"
  "  summary TEXT,\n"
  "  url TEXT,\n"
  "  tags TEXT,\n"
  "  published TEXT,\n"
  "  source TEXT);\n"
  "CREATE TABLE shortlist (\n" COMMON_COLUMNS
  "  challenge_id TEXT REFERENCES challenge (id),\n"
  "  name TEXT);\n"
  "CREATE TABLE shortlist_entry (\n"
  "  shortlist_id TEXT NOT NULL REFERENCES shortlist (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  capability_id TEXT,\n"
  "  score REAL,\n"
  "  explanation TEXT,\n"
  "  note TEXT,\n"
  "  stage TEXT,\n"
  "  PRIMARY KEY (shortlist_id, position)) WITHOUT ROWID;\n"
  "CREATE INDEX organisation_cluster ON organisation (cluster);\n"
  "CREATE INDEX organisation_local_authority ON organisation (local_authority);\n"
  "CREATE INDEX organisation_updated_at ON organisation (updated_at);\n"
  "CREATE INDEX challenge_organisation_id ON challenge (organisation_id);\n"
  "CREATE INDEX challenge_cluster ON challenge (cluster);\n"
  "CREATE INDEX challenge_local_authority ON challenge (local_authority);\n"
  "CREATE INDEX challenge_status ON challenge (status);\n"
  "CREATE INDEX challenge_updated_at ON challenge (updated_at);\n"
  "CREATE INDEX capability_organisation_id ON capability (organisation_id);\n"
  "CREATE INDEX capability_cluster ON capability (cluster);\n"
  "CREATE INDEX capability_local_authority ON capability (local_authority);\n"
  "CREATE INDEX capability_updated_at ON capability (updated_at);\n"
  "CREATE INDEX foresight_published ON foresight (published);\n"
  "CREATE INDEX foresight_updated_at ON foresight (updated_at);\n"
  "CREATE INDEX shortlist_challenge_id ON shortlist (challenge_id);\n"
  "CREATE INDEX shortlist_updated_at ON shortlist (updated_at);\n";

/* An external-content FTS5 table over TABLE's COLS (written as they
 * appear in SQL), kept in step by triggers, and filled from the rows
 * already there. */
#define FTS_TABLE(TABLE, COLS, NEW_COLS, OLD_COLS) \
  "CREATE VIRTUAL TABLE " TABLE "_fts USING fts5 (" COLS ",\n" \
  "  content='" TABLE "', content_rowid='rowid',\n" \
  "  tokenize='unicode61 remove_diacritics 2');\n" \
  "CREATE TRIGGER " TABLE "_fts_insert AFTER INSERT ON " TABLE " BEGIN\n" \
  "  INSERT INTO " TABLE "_fts (rowid, " COLS ") VALUES (new.rowid, " NEW_COLS ");\n" \
  "END;\n" \
  "CREATE TRIGGER " TABLE "_fts_delete AFTER DELETE ON " TABLE " BEGIN\n" \
  "  INSERT INTO " TABLE "_fts (" TABLE "_fts, rowid, " COLS ")\n" \
  "    VALUES ('delete', old.rowid, " OLD_COLS ");\n" \
  "END;\n" \
  "CREATE TRIGGER " TABLE "_fts_update AFTER UPDATE OF " COLS " ON " TABLE " BEGIN\n" \
  "  INSERT INTO " TABLE "_fts (" TABLE "_fts, rowid, " COLS ")\n" \
  "    VALUES ('delete', old.rowid, " OLD_COLS ");\n" \
  "  INSERT INTO " TABLE "_fts (rowid, " COLS ") VALUES (new.rowid, " NEW_COLS ");\n" \
  "END;\n" \
  "INSERT INTO " TABLE "_fts (" TABLE "_fts) VALUES ('rebuild');\n"

/* Version 2: full-text search. */
static const char migration_2[] =
  FTS_TABLE ("organisation", "name, notes",
             "new.name, new.notes", "old.name, old.notes")
  FTS_TABLE ("challenge", "title, description, tags",
             "new.title, new.description, new.tags",
             "old.title, old.description, old.tags")
  FTS_TABLE ("capability", "title, description, tags",
             "new.title, new.description, new.tags",
             "old.title, old.description, old.tags")
  FTS_TABLE ("foresight", "title, summary, tags",
             "new.title, new.summary, new.tags",
             "old.title, old.summary, old.tags");

#define QUEUE_TEAM_RECORDS(TABLE) \
  "INSERT INTO change_log (kind, record_id, rev, base_rev, deleted, created_at)\n" \
  "  SELECT '" TABLE "', id, rev, 0, deleted, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')\n" \
  "  FROM " TABLE " WHERE visibility = 'team' ORDER BY rowid;\n"

/* Version 3: the change log (the feed's outbox), settings and the
 * editable taxonomy.  Team records written before there was an outbox
 * are queued, so that the first sync sends them. */
static const char migration_3[] =
  "CREATE TABLE change_log (\n"
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  kind TEXT NOT NULL,\n"
  "  record_id TEXT NOT NULL,\n"
  "  rev INTEGER NOT NULL,\n"
  "  base_rev INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  created_at TEXT NOT NULL);\n"
  "CREATE TABLE settings (\n"
  "  key TEXT PRIMARY KEY NOT NULL,\n"
  "  value TEXT);\n"
  "CREATE TABLE cluster (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  name TEXT NOT NULL,\n"
  "  position INTEGER NOT NULL);\n"
  "CREATE TABLE place (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  name TEXT NOT NULL,\n"
  "  area_id TEXT,\n"
  "  area_name TEXT,\n"
  "  region_id TEXT,\n"
  "  region_name TEXT,\n"
  "  position INTEGER NOT NULL);\n"
  QUEUE_TEAM_RECORDS ("organisation")
  QUEUE_TEAM_RECORDS ("challenge")
  QUEUE_TEAM_RECORDS ("capability")
  QUEUE_TEAM_RECORDS ("foresight")
  QUEUE_TEAM_RECORDS ("shortlist");

/* Version 4: workshops.  An event's slots, participants and pairs are
 * one JSON body (see ic-event.h); its last schedule is kept beside it,
 * so that re-scheduling can keep the meetings people already have. */
static const char migration_4[] =
  "CREATE TABLE event (\n" COMMON_COLUMNS
  "  body TEXT NOT NULL,\n"
  "  schedule TEXT);\n"
  "CREATE INDEX event_updated_at ON event (updated_at);\n";

/* Version 5: faster writes and searches.
 *
 * The store now writes a new record's full-text row itself, after the
 * rows of the whole write (ic-store-write.c): with an insert trigger,
 * every INSERT needed a statement journal, and FTS5 writes its pending
 * terms out as a new segment whenever such a statement starts or ends,
 * so a batch of n records made n tiny segments and merged them again
 * and again (60% of the time of a 20,000-record insert).  The update
 * and delete triggers stay: records are updated one at a time, or a few
 * from the feed, and a row changed by hand stays indexed.
 *
 * The full-text tables are made again without the document sizes
 * (columnsize=0): relevance no longer uses them (ic-store-rank.c), and
 * not writing them saves a b-tree insert per record.  Each table keeps
 * up to 16 MiB of terms in memory before writing a segment (FTS5's
 * "hashsize", 1 MiB by default), so that a large import makes fewer,
 * larger segments and merges less.
 *
 * A partial index lists the tombstones, so that a search can count its
 * live matches from the full-text index alone (ic_store_count()) rather
 * than read every matching record; queries for live records
 * ("deleted = 0") cannot use it, so their plans stay as they were. */
#define FTS_TABLE_V5(TABLE, COLS) \
  "DROP TRIGGER " TABLE "_fts_insert;\n" \
  "DROP TABLE " TABLE "_fts;\n" \
  "CREATE VIRTUAL TABLE " TABLE "_fts USING fts5 (" COLS ",\n" \
  "  content='" TABLE "', content_rowid='rowid', columnsize=0,\n" \
  "  tokenize='unicode61 remove_diacritics 2');\n" \
  "INSERT INTO " TABLE "_fts (" TABLE "_fts, rank) VALUES ('hashsize', 16777216);\n" \
  "INSERT INTO " TABLE "_fts (" TABLE "_fts) VALUES ('rebuild');\n" \
  "CREATE INDEX " TABLE "_tombstones ON " TABLE " (deleted) WHERE deleted;\n"

static const char migration_5[] =
  FTS_TABLE_V5 ("organisation", "name, notes")
  FTS_TABLE_V5 ("challenge", "title, description, tags")
  FTS_TABLE_V5 ("capability", "title, description, tags")
  FTS_TABLE_V5 ("foresight", "title, summary, tags");

/* Version 6: pairs the user said are not a match (ic-store-exclusions.c).
 * A record is never removed but by hand; if one is, its pairs go too. */
static const char migration_6[] =
  "CREATE TABLE excluded_pair (\n"
  "  challenge_id TEXT NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,\n"
  "  capability_id TEXT NOT NULL REFERENCES capability (id) ON DELETE CASCADE,\n"
  "  created_at TEXT NOT NULL,\n"
  "  PRIMARY KEY (challenge_id, capability_id)) WITHOUT ROWID;\n"
  "CREATE INDEX excluded_pair_capability ON excluded_pair (capability_id);\n";

/* Version 7: what the feed brings that this version cannot hold in a
 * record (ic-store-feed.c): the fields it does not know, kept to be sent
 * back untouched, and the records it cannot apply at all, kept to be
 * tried again after an upgrade. */
static const char migration_7[] =
  "CREATE TABLE feed_extra (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  fields TEXT NOT NULL) WITHOUT ROWID;\n"
  "CREATE TABLE feed_quarantine (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  kind TEXT NOT NULL,\n"
  "  rev INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  body TEXT,\n"
  "  reason TEXT NOT NULL,\n"
  "  created_at TEXT NOT NULL);\n";

/* Version 8: three-way merges.  The state a record was in before its
 * first local edit since the last sync (what the edit was made on), and
 * for a conflict the state both sides started from and the fields both
 * changed. */
static const char migration_8[] =
  "CREATE TABLE feed_base (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  rev INTEGER NOT NULL,\n"
  "  body TEXT NOT NULL) WITHOUT ROWID;\n"
  "CREATE TABLE conflict_base (\n"
  "  conflict_id INTEGER PRIMARY KEY,\n"
  "  base TEXT NOT NULL,\n"
  "  fields TEXT NOT NULL);\n";

/* Version 9: excluded pairs become shared records, so the whole team's
 * matcher leaves a pair out (ic-exclusion.h).  Each pair gets the
 * record fields and an id made from the pair, so two laptops that
 * excluded the same pair hold one record; including a pair again makes
 * it a tombstone rather than removing the row, so the include travels
 * too.  No foreign keys: a pair may name a record that is private on
 * the laptop it came from, and is then harmless here.  The pairs made
 * before are moved over by move_excluded_pairs() and queued for the
 * next sync. */
static const char migration_9[] =
  "DROP INDEX excluded_pair_capability;\n"
  "ALTER TABLE excluded_pair RENAME TO excluded_pair_v6;\n"
  "CREATE TABLE excluded_pair (\n" COMMON_COLUMNS
  "  challenge_id TEXT NOT NULL,\n"
  "  capability_id TEXT NOT NULL);\n"
  "CREATE INDEX excluded_pair_challenge ON excluded_pair (challenge_id);\n"
  "CREATE INDEX excluded_pair_capability ON excluded_pair (capability_id);\n"
  "CREATE INDEX excluded_pair_updated_at ON excluded_pair (updated_at);\n";

static gboolean
move_excluded_pairs (sqlite3  *db,
                     GError  **error)
{
  sqlite3_stmt *read = NULL, *write = NULL, *queue = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT challenge_id, capability_id, created_at FROM excluded_pair_v6 "
                               "ORDER BY created_at", -1, &read, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO excluded_pair (id, rev, updated_at, challenge_id, "
                                 "capability_id) VALUES (?1, 1, ?2, ?3, ?4)", -1, &write, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "INSERT INTO change_log (kind, record_id, rev, base_rev, deleted, created_at) "
                                 "VALUES ('excluded_pair', ?1, 1, 0, 0, ?2)", -1, &queue, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      const char *challenge_id = (const char *) sqlite3_column_text (read, 0);
      const char *capability_id = (const char *) sqlite3_column_text (read, 1);
      const char *created_at = (const char *) sqlite3_column_text (read, 2);
      g_autofree char *id = ic_exclusion_id_for (challenge_id, capability_id);

      sqlite3_bind_text (write, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (write, 2, created_at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (write, 3, challenge_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (write, 4, capability_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (queue, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (queue, 2, created_at, -1, SQLITE_TRANSIENT);
      if ((rc = sqlite3_step (write)) != SQLITE_DONE || (rc = sqlite3_step (queue)) != SQLITE_DONE)
        break;
      sqlite3_reset (write);
      sqlite3_reset (queue);
      rc = SQLITE_OK;
    }
  if (rc == SQLITE_DONE)
    ok = TRUE;
  else
    ic_store_set_sqlite_error (error, db, rc);
  sqlite3_finalize (read);
  sqlite3_finalize (write);
  sqlite3_finalize (queue);
  return ok && ic_store_db_exec (db, "DROP TABLE excluded_pair_v6", error);
}

/* Version 10: events travel through the feed like the other records
 * (ic-store-events.h).  The team's events written before are queued,
 * so that the first sync after the upgrade shares them. */
static const char migration_10[] =
  QUEUE_TEAM_RECORDS ("event");

/* Version 11: the public board.  What a public challenge shows instead
 * of its organisation (no record becomes public by itself: the
 * visibility column keeps every value it had), and the answers SMEs
 * send from the board, which come from the feed only
 * (ic-store-responses.h). */
static const char migration_11[] =
  "ALTER TABLE challenge ADD COLUMN public_label TEXT;\n"
  "CREATE TABLE response (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  rev INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  challenge_id TEXT NOT NULL,\n"
  "  received_at TEXT,\n"
  "  body TEXT NOT NULL);\n"
  "CREATE INDEX response_challenge ON response (challenge_id);\n";

/* Version 12: an organisation's contact person, email, phone and
 * postcode.  Existing organisations have none. */
static const char migration_12[] =
  "ALTER TABLE organisation ADD COLUMN contact TEXT;\n"
  "ALTER TABLE organisation ADD COLUMN email TEXT;\n"
  "ALTER TABLE organisation ADD COLUMN phone TEXT;\n"
  "ALTER TABLE organisation ADD COLUMN postcode TEXT;\n";

/* Version 13: every stage change of a shortlist entry, dated and
 * attributed, as the shortlist record carries it (its entries'
 * "stages"), kept in step by the shortlist's write; the indexes serve
 * the impact figures, which select changes by stage and time.  An entry
 * written before reads as one change, to its stage, at its shortlist's
 * updated_at by its author. */
static const char migration_13[] =
  "CREATE TABLE shortlist_stage (\n"
  "  shortlist_id TEXT NOT NULL REFERENCES shortlist (id) ON DELETE CASCADE,\n"
  "  capability_id TEXT NOT NULL,\n"
  "  seq INTEGER NOT NULL,\n"
  "  stage TEXT NOT NULL,\n"
  "  at TEXT NOT NULL,\n"
  "  author TEXT,\n"
  "  reason TEXT,\n"
  "  reason_text TEXT,\n"
  "  PRIMARY KEY (shortlist_id, capability_id, seq)) WITHOUT ROWID;\n"
  "CREATE INDEX shortlist_stage_stage_at ON shortlist_stage (stage, at);\n"
  "CREATE INDEX shortlist_stage_at ON shortlist_stage (at);\n"
  "CREATE INDEX shortlist_stage_capability_id ON shortlist_stage (capability_id);\n"
  "CREATE INDEX shortlist_entry_capability_id ON shortlist_entry (capability_id);\n"
  /* Covering indexes for the impact figures' lookups by id: the rows
   * themselves (descriptions and all) are never read. */
  "CREATE INDEX shortlist_impact ON shortlist (id, deleted, challenge_id);\n"
  "CREATE INDEX challenge_impact ON challenge (id, deleted, cluster, organisation_id);\n"
  "CREATE INDEX capability_impact ON capability (id, deleted, cluster, organisation_id);\n"
  "CREATE INDEX organisation_impact ON organisation (id, deleted, kind, cluster);\n"
  "INSERT OR IGNORE INTO shortlist_stage\n"
  "  (shortlist_id, capability_id, seq, stage, at, author, reason, reason_text)\n"
  "  SELECT e.shortlist_id, e.capability_id, 0, COALESCE (e.stage, 'proposed'),\n"
  "         COALESCE (NULLIF (s.updated_at, ''), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),\n"
  "         s.author, 'none', NULL\n"
  "  FROM shortlist_entry AS e JOIN shortlist AS s ON s.id = e.shortlist_id\n"
  "  WHERE e.capability_id IS NOT NULL;\n";

/* Version 14: the history of every record (ic-store-history.h), one
 * entry per change, written in the change's own transaction; its
 * entries name their record by id only, with no foreign key, so that
 * they outlive any row.  Excluded pairs keep why they were ruled out:
 * a reason from the list of IcDeclineReason (its nick) and, for
 * "other", a text.  Two shared record kinds, without foreign keys as
 * excluded pairs: capabilities pinned to a challenge (ic-pin.h) and
 * conflict-of-interest rules between two organisations
 * (ic-conflict-rule.h). */
static const char migration_14[] =
  "CREATE TABLE record_history (\n"
  "  seq INTEGER PRIMARY KEY,\n"
  "  record_id TEXT NOT NULL,\n"
  "  kind TEXT NOT NULL,\n"
  "  rev INTEGER NOT NULL,\n"
  "  at TEXT NOT NULL,\n"
  "  author TEXT,\n"
  "  action TEXT NOT NULL,\n"
  "  changes TEXT,\n"
  "  remote INTEGER NOT NULL DEFAULT 0);\n"
  "CREATE INDEX record_history_record ON record_history (record_id, seq);\n"
  "ALTER TABLE excluded_pair ADD COLUMN reason TEXT;\n"
  "ALTER TABLE excluded_pair ADD COLUMN reason_text TEXT;\n"
  "CREATE TABLE pin (\n" COMMON_COLUMNS
  "  challenge_id TEXT NOT NULL,\n"
  "  capability_id TEXT NOT NULL,\n"
  "  reason TEXT);\n"
  "CREATE INDEX pin_challenge ON pin (challenge_id);\n"
  "CREATE INDEX pin_updated_at ON pin (updated_at);\n"
  "CREATE TABLE conflict_rule (\n" COMMON_COLUMNS
  "  organisation_id TEXT NOT NULL,\n"
  "  other_organisation_id TEXT NOT NULL,\n"
  "  reason TEXT);\n"
  "CREATE INDEX conflict_rule_organisation ON conflict_rule (organisation_id);\n"
  "CREATE INDEX conflict_rule_other ON conflict_rule (other_organisation_id);\n"
  "CREATE INDEX conflict_rule_updated_at ON conflict_rule (updated_at);\n";

/* Version 15: no two organisations with the same name, and no two
 * challenges or capabilities of one organisation with the same title
 * (ic-name-key.h says what counts as the same).  Each row keeps its
 * key in name_key, under a unique index; a row without one (a
 * tombstone, or a duplicate) is not checked.  The keys of the rows
 * already there are filled by fill_name_keys(): of rows that share a
 * key, the first written keeps it and the others stay as they are,
 * without one, so that nothing is lost. */
#define NAME_KEY(TABLE) \
  "ALTER TABLE " TABLE " ADD COLUMN name_key TEXT;\n" \
  "CREATE UNIQUE INDEX " TABLE "_name_key ON " TABLE " (name_key)\n" \
  "  WHERE name_key IS NOT NULL;\n"

static const char migration_15[] =
  NAME_KEY ("organisation")
  NAME_KEY ("challenge")
  NAME_KEY ("capability");

static gboolean
fill_name_keys_of (sqlite3     *db,
                   const char  *table,
                   gboolean     titled,
                   GError     **error)
{
  g_autofree char *read_sql = titled
    ? g_strdup_printf ("SELECT rowid, organisation_id, title FROM %s WHERE deleted = 0 "
                       "ORDER BY rowid", table)
    : g_strdup_printf ("SELECT rowid, NULL, name FROM %s WHERE deleted = 0 ORDER BY rowid",
                       table);
  g_autofree char *write_sql =
    g_strdup_printf ("UPDATE OR IGNORE %s SET name_key = ?1 WHERE rowid = ?2", table);
  sqlite3_stmt *read = NULL, *write = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, read_sql, -1, &read, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, write_sql, -1, &write, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      const char *organisation_id = (const char *) sqlite3_column_text (read, 1);
      const char *title = (const char *) sqlite3_column_text (read, 2);
      g_autofree char *folded = titled ? ic_name_key_fold (title)
                                       : ic_name_key_organisation (title);
      g_autofree char *key = NULL;

      rc = SQLITE_OK;
      if (folded[0] == '\0' ||
          (titled && (organisation_id == NULL || organisation_id[0] == '\0')))
        continue;
      key = titled ? ic_name_key_titled (organisation_id, title) : g_steal_pointer (&folded);
      sqlite3_bind_text (write, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (write, 2, sqlite3_column_int64 (read, 0));
      if ((rc = sqlite3_step (write)) != SQLITE_DONE)
        break;
      sqlite3_reset (write);
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    ic_store_set_sqlite_error (error, db, rc);
  sqlite3_finalize (read);
  sqlite3_finalize (write);
  return rc == SQLITE_DONE;
}

static gboolean
fill_name_keys (sqlite3  *db,
                GError  **error)
{
  return fill_name_keys_of (db, "organisation", FALSE, error) &&
         fill_name_keys_of (db, "challenge", TRUE, error) &&
         fill_name_keys_of (db, "capability", TRUE, error);
}

/* Version 16: each stage change carries what the impact figures need
 * of the changes before it, so that a period's figures read one row per
 * entry (the change current at the period's end) instead of grouping
 * every change made before the end: the time of the entry's next
 * change (NULL for its latest), the time of its first change, the
 * furthest stage reached so far (0 proposed … 4 collaborating, -1 only
 * declined) and the time of its latest change to contacted or later so
 * far.  The shortlist's write keeps them (ic-store-stages.c); the index
 * covers the impact query. */
static const char migration_16[] =
  "ALTER TABLE shortlist_stage ADD COLUMN next_at TEXT;\n"
  "ALTER TABLE shortlist_stage ADD COLUMN first_at TEXT;\n"
  "ALTER TABLE shortlist_stage ADD COLUMN reached INTEGER NOT NULL DEFAULT -1;\n"
  "ALTER TABLE shortlist_stage ADD COLUMN assisted_at TEXT;\n"
  "WITH w AS (\n"
  "  SELECT shortlist_id AS sl, capability_id AS cap, seq AS sq,\n"
  "    LEAD (at) OVER entry AS next_at,\n"
  "    FIRST_VALUE (at) OVER entry AS first_at,\n"
  "    MAX (CASE stage WHEN 'proposed' THEN 0 WHEN 'contacted' THEN 1 WHEN 'introduced' THEN 2\n"
  "         WHEN 'meeting-held' THEN 3 WHEN 'collaborating' THEN 4 ELSE -1 END) OVER so_far AS reached,\n"
  "    MAX (CASE WHEN stage IN ('contacted', 'introduced', 'meeting-held', 'collaborating')\n"
  "         THEN at END) OVER so_far AS assisted_at\n"
  "  FROM shortlist_stage\n"
  "  WINDOW entry AS (PARTITION BY shortlist_id, capability_id ORDER BY seq),\n"
  "         so_far AS (entry ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW))\n"
  "UPDATE shortlist_stage SET next_at = w.next_at, first_at = w.first_at,\n"
  "  reached = w.reached, assisted_at = w.assisted_at\n"
  "  FROM w WHERE shortlist_id = w.sl AND capability_id = w.cap AND seq = w.sq;\n"
  "CREATE INDEX shortlist_stage_period ON shortlist_stage\n"
  "  (at, next_at, stage, reached, assisted_at, first_at, reason);\n";

static gboolean
seed_taxonomy (sqlite3  *db,
               GError  **error)
{
  g_autoptr(IcTaxonomy) taxonomy = ic_taxonomy_new_default ();

  return ic_store_taxonomy_write (db, taxonomy, error);
}

typedef struct
{
  const char *sql;
  /* Work that SQL alone cannot do, in the same transaction; may be NULL. */
  gboolean  (*finish) (sqlite3  *db,
                       GError  **error);
} IcMigration;

static const IcMigration migrations[] = {
  { migration_1, NULL },
  { migration_2, NULL },
  { migration_3, seed_taxonomy },
  { migration_4, NULL },
  { migration_5, NULL },
  { migration_6, NULL },
  { migration_7, NULL },
  { migration_8, NULL },
  { migration_9, move_excluded_pairs },
  { migration_10, NULL },
  { migration_11, NULL },
  { migration_12, NULL },
  { migration_13, NULL },
  { migration_14, NULL },
  { migration_15, fill_name_keys },
  { migration_16, NULL },
};

guint
ic_store_schema_get_latest (void)
{
  return G_N_ELEMENTS (migrations);
}

gboolean
ic_store_schema_read_version (sqlite3  *db,
                              guint    *version,
                              GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      ic_store_set_sqlite_error (error, db, rc);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *version = (guint) MAX (sqlite3_column_int64 (stmt, 0), 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
run_step (sqlite3  *db,
          guint     version,
          GError  **error)
{
  const IcMigration *step = &migrations[version - 1];
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", version);

  if (!ic_store_db_exec (db, step->sql, error))
    return FALSE;
  if (step->finish != NULL && !step->finish (db, error))
    return FALSE;
  return ic_store_db_exec (db, set_version, error);
}

gboolean
ic_store_schema_migrate (sqlite3  *db,
                         guint     target,
                         GError  **error)
{
  g_return_val_if_fail (target <= G_N_ELEMENTS (migrations), FALSE);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      guint version;

      /* Read the version inside the write transaction: another program
       * may have migrated the file since we last looked. */
      if (!ic_store_db_exec (db, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!ic_store_schema_read_version (db, &version, error))
        goto fail;

      if (version > G_N_ELEMENTS (migrations))
        {
          g_set_error (error, IC_STORE_ERROR, IC_STORE_ERROR_TOO_NEW,
                       _("The database has schema version %u, but this program knows "
                         "versions up to %u only; please update Interchange"),
                       version, (guint) G_N_ELEMENTS (migrations));
          goto fail;
        }
      if (version >= target)
        return ic_store_db_exec (db, "COMMIT", error);

      if (!run_step (db, version + 1, &local_error))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Cannot update the database to schema version %u: "),
                                      version + 1);
          goto fail;
        }
      if (!ic_store_db_exec (db, "COMMIT", error))
        goto fail;
    }

fail:
  if (!sqlite3_get_autocommit (db))
    ic_store_db_exec (db, "ROLLBACK", NULL);
  return FALSE;
}
