/* ic-validate.h — field rules shared by the record kinds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ic-taxonomy.h"

G_BEGIN_DECLS

#define IC_MAX_TITLE_CHARS        200
#define IC_MAX_NAME_CHARS         200
#define IC_MAX_DESCRIPTION_CHARS  20000
#define IC_MAX_SHORT_TEXT_CHARS   1000
#define IC_MAX_TAG_CHARS          64
#define IC_MAX_TAGS               100
#define IC_MAX_URL_CHARS          2048
#define IC_MAX_EMAIL_CHARS        254
#define IC_MAX_PHONE_CHARS        40
#define IC_MAX_POSTCODE_CHARS     16

/* Valid UTF-8 of at most @max_chars characters, without NUL or any
 * other control character than tab and newline; if @required, not empty
 * once trimmed. */
gboolean ic_validate_text      (const char         *value,
                                const char         *field,
                                guint               max_chars,
                                gboolean            required,
                                GError            **error);
/* The first character @value may not hold (a control character other
 * than tab and newline, or U+FFFE/U+FFFF), or 0 when there is none.
 * @value is valid UTF-8. */
gunichar ic_validate_find_control (const char         *value);
/* json-glib cuts a string at an escaped NUL ("a\u0000b" reads "a"), so
 * no validation after parsing sees it.  Returns a copy of the JSON text
 * @data in which each such escape is U+FFFF's instead (as long, so the
 * places of parse errors stay), which validation refuses in the field
 * that held it; NULL when @data holds none.
 * Returns: (transfer full) (nullable) */
char    *ic_json_text_mark_nul     (const char         *data,
                                    gsize               length);
/* A real calendar date written YYYY-MM-DD; NULL or "" passes. */
gboolean ic_validate_date      (const char         *value,
                                const char         *field,
                                GError            **error);
/* An RFC 3339 date and time; NULL or "" passes. */
gboolean ic_validate_timestamp (const char         *value,
                                const char         *field,
                                GError            **error);
/* A UUID in its usual textual form. */
gboolean ic_validate_uuid      (const char         *value,
                                const char         *field,
                                GError            **error);
gboolean ic_validate_int_range (gint64              value,
                                gint64              min,
                                gint64              max,
                                const char         *field,
                                GError            **error);
/* Normalised tags (see ic_tags_normalise()) of at most 64 characters,
 * without control characters. */
gboolean ic_validate_tags      (const char * const *tags,
                                const char         *field,
                                GError            **error);
/* NULL/"" passes; otherwise a cluster the taxonomy knows. */
gboolean ic_validate_cluster   (IcTaxonomy         *taxonomy,
                                const char         *cluster,
                                const char         *field,
                                GError            **error);
/* NULL/"" passes; otherwise a local authority the taxonomy knows. */
gboolean ic_validate_place     (IcTaxonomy         *taxonomy,
                                const char         *place,
                                const char         *field,
                                GError            **error);
/* NULL/"" passes; otherwise an http or https URL. */
gboolean ic_validate_url       (const char         *value,
                                const char         *field,
                                GError            **error);
/* NULL/"" passes; otherwise one address, local@domain, the domain with
 * a dot and neither part with spaces. */
gboolean ic_validate_email     (const char         *value,
                                const char         *field,
                                GError            **error);

G_END_DECLS
