/* ic-board.h — the public board's pages and feeds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain HTML and CSS (no script), Atom and JSON Feed 1.1 for the
 * public challenges and foresight items.  Everything from a record is
 * escaped where it is written; an anonymised challenge (one with a
 * public label) is only ever shown by its label, never by its
 * organisation or contact.
 */

#pragma once

#include <glib.h>

#include "ic-challenge.h"
#include "ic-foresight-item.h"
#include "ic-taxonomy.h"

G_BEGIN_DECLS

#define IC_BOARD_PAGE_SIZE        20
#define IC_BOARD_FEED_ITEMS       100
#define IC_BOARD_FEED_MAX_BYTES   (100 * 1024)
#define IC_BOARD_ANSWER_CHARS     2000
#define IC_BOARD_FIELD_CHARS      200
#define IC_BOARD_EMAIL_CHARS      254
#define IC_BOARD_FORM_MAX_BYTES   (16 * 1024)
#define IC_BOARD_FORM_LIFETIME_S  (24 * 60 * 60)

/* The site every page belongs to. */
typedef struct
{
  const char *title;
  const char *intro;       /* nullable */
  const char *base_url;    /* "https://board.example.org", no slash at the end */
  IcTaxonomy *taxonomy;    /* cluster names */
} IcBoardSite;

/* A public challenge as the board shows it. */
typedef struct
{
  IcChallenge *challenge;
  char        *shown_as;   /* the public label, or the organisation's name, or NULL */
} IcBoardChallenge;

void ic_board_challenge_free (IcBoardChallenge *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcBoardChallenge, ic_board_challenge_free)

/* What a list page shows. */
typedef struct
{
  const char *cluster;     /* nullable */
  const char *search;      /* nullable */
  guint       page;        /* from 1 */
  guint       total;       /* matching records in all */
} IcBoardListing;

/* Escaped text, for HTML and XML alike (& < > " '). */
void  ic_board_append_escaped   (GString            *out,
                                 const char         *text);

/* Pages (ic-board-html.c); each returns the whole document. */
char *ic_board_render_challenges (const IcBoardSite    *site,
                                  const IcBoardListing *listing,
                                  GPtrArray            *entries);   /* IcBoardChallenge */
char *ic_board_render_challenge  (const IcBoardSite    *site,
                                  IcBoardChallenge     *entry,
                                  const char           *form_time,
                                  const char           *form_token);
char *ic_board_render_foresight  (const IcBoardSite    *site,
                                  const IcBoardListing *listing,
                                  GPtrArray            *items);     /* IcForesightItem */
char *ic_board_render_thanks     (const IcBoardSite    *site,
                                  const char           *challenge_id);
char *ic_board_render_error      (const IcBoardSite    *site,
                                  const char           *heading,
                                  const char           *message,
                                  const char           *back_url);  /* nullable */

/* The challenge's structured data (schema.org), safe inside
 * <script type="application/ld+json">. */
char *ic_board_challenge_json_ld (const IcBoardSite    *site,
                                  IcBoardChallenge     *entry);

/* Feeds (ic-board-feeds.c) */
char *ic_board_challenges_atom   (const IcBoardSite    *site,
                                  GPtrArray            *entries);
char *ic_board_foresight_atom    (const IcBoardSite    *site,
                                  GPtrArray            *items);
/* JSON Feed 1.1 documents of at most IC_BOARD_FEED_ITEMS items and
 * IC_BOARD_FEED_MAX_BYTES, @items being those from @offset on (one more
 * than fits, to know that more follow).  Those left out are for the
 * next document, named by "next_url": @next_base (which ends in
 * "offset=") and the offset of the first left out. */
char *ic_board_challenges_json   (const IcBoardSite    *site,
                                  GPtrArray            *entries,
                                  const char           *feed_url,
                                  const char           *next_base,
                                  guint                 offset);
char *ic_board_foresight_json    (const IcBoardSite    *site,
                                  GPtrArray            *items,
                                  const char           *feed_url,
                                  const char           *next_base,
                                  guint                 offset);

/* Forms (ic-board-form.c) */

/* The token of a form for @challenge_id made at @time (seconds). */
char    *ic_board_form_token   (const char  *secret,
                                const char  *challenge_id,
                                gint64       time);
/* Whether @token is the one made for @challenge_id at @time_text, within
 * IC_BOARD_FORM_LIFETIME_S of @now. */
gboolean ic_board_form_check   (const char  *secret,
                                const char  *challenge_id,
                                const char  *time_text,
                                const char  *token,
                                gint64       now);
/* @text as the board keeps it: valid UTF-8 without markup, control
 * characters (but newline and tab) or surrounding space; NULL with
 * @error naming @label when it is not text, too long or missing. */
char    *ic_board_clean_text   (const char  *text,
                                const char  *label,
                                guint        max_chars,
                                gboolean     multi_line,
                                GError     **error);
gboolean ic_board_email_valid  (const char  *email);

G_END_DECLS
