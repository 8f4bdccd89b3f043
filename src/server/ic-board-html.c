/* ic-board-html.c — the board's HTML pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One stylesheet in every page (no other request, no script), landmarks
 * (header, nav, main, footer), a skip link, labels for every field, and
 * light and dark colours from prefers-color-scheme.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ic-board.h"
#include "ic-model-enums.h"

#define SUMMARY_CHARS 280

static const char style[] =
  ":root{color-scheme:light dark;--bg:#fafafa;--fg:#1e1e1e;--muted:#5e5c64;--card:#fff;"
  "--line:#d6d6d6;--accent:#1a5fb4;--accent-fg:#fff}"
  "@media (prefers-color-scheme:dark){:root{--bg:#1e1e1e;--fg:#f6f5f4;--muted:#c0bfbc;"
  "--card:#2a2a2a;--line:#454545;--accent:#99c1f1;--accent-fg:#0b213f}}"
  "*{box-sizing:border-box}"
  "body{margin:0;font:1rem/1.5 system-ui,-apple-system,'Cantarell','Segoe UI',sans-serif;"
  "background:var(--bg);color:var(--fg)}"
  "a{color:var(--accent)}"
  ".skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--card);padding:.5rem}"
  "header,main,footer{max-width:60rem;margin:0 auto;padding:1rem}"
  "header{display:flex;flex-wrap:wrap;gap:.5rem 2rem;align-items:baseline;border-bottom:1px solid var(--line)}"
  ".site{font-weight:700;font-size:1.25rem;margin:0}.site a{color:inherit;text-decoration:none}"
  "nav ul{list-style:none;display:flex;gap:1rem;margin:0;padding:0}"
  "nav a[aria-current]{font-weight:700;text-decoration:none}"
  "h1{font-size:1.75rem;margin:.5rem 0}"
  ".intro{color:var(--muted);max-width:45rem}"
  "form.filter{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:1rem 0}"
  "form.filter div{display:flex;flex-direction:column;flex:1 1 12rem}"
  "label{font-weight:600}"
  "input,select,textarea,button{font:inherit;padding:.5rem;border:1px solid var(--line);"
  "border-radius:.4rem;background:var(--card);color:var(--fg);max-width:100%}"
  "button{background:var(--accent);color:var(--accent-fg);border:0;padding:.55rem 1.2rem;cursor:pointer}"
  "ol.cards{list-style:none;padding:0;margin:0;display:grid;gap:1rem}"
  "article.card,section.panel{background:var(--card);border:1px solid var(--line);border-radius:.6rem;padding:1rem}"
  "article.card h2{font-size:1.2rem;margin:0 0 .25rem}"
  ".org{color:var(--muted);margin:0 0 .5rem}"
  "dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.5rem 0 0}"
  "dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}"
  "@media (min-width:40rem){dl.facts{grid-template-columns:repeat(4,max-content 1fr)}}"
  "nav.pages{display:flex;gap:1rem;justify-content:space-between;margin:1.5rem 0}"
  "form.respond{display:grid;gap:.35rem;max-width:40rem}"
  "form.respond input[type=text],form.respond input[type=email],form.respond textarea{width:100%}"
  "form.respond .consent{display:flex;gap:.5rem;align-items:start;margin:.5rem 0}"
  ".hp{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}"
  ".tags{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;padding:0}"
  ".tags li{border:1px solid var(--line);border-radius:1rem;padding:0 .6rem}"
  "footer{color:var(--muted);border-top:1px solid var(--line);margin-top:2rem}";

void
ic_board_challenge_free (IcBoardChallenge *entry)
{
  if (entry == NULL)
    return;
  g_clear_object (&entry->challenge);
  g_free (entry->shown_as);
  g_free (entry);
}

void
ic_board_append_escaped (GString    *out,
                         const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\'': g_string_append (out, "&#39;"); break;
      default: g_string_append_c (out, *p); break;
      }
}

#define esc ic_board_append_escaped

/* Escapes a query value for a link. */
static void
append_query_value (GString    *out,
                    const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  esc (out, escaped);
}

static void
begin_page (GString           *out,
            const IcBoardSite *site,
            const char        *page_title,
            const char        *current,   /* "challenges", "foresight" or NULL */
            const char        *json_ld)
{
  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<meta name=\"color-scheme\" content=\"light dark\">\n<title>");
  if (page_title != NULL)
    {
      esc (out, page_title);
      g_string_append (out, " — ");
    }
  esc (out, site->title);
  g_string_append (out, "</title>\n");
  g_string_append_printf (out, "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"%s\" href=\"/challenges.atom\">\n"
                               "<link rel=\"alternate\" type=\"application/feed+json\" title=\"%s\" href=\"/challenges.json\">\n"
                               "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"%s\" href=\"/foresight.atom\">\n"
                               "<link rel=\"alternate\" type=\"application/feed+json\" title=\"%s\" href=\"/foresight.json\">\n",
                          _("Open challenges (Atom)"), _("Open challenges (JSON Feed)"),
                          _("Foresight (Atom)"), _("Foresight (JSON Feed)"));
  g_string_append_printf (out, "<style>%s</style>\n", style);
  if (json_ld != NULL)
    g_string_append_printf (out, "<script type=\"application/ld+json\">%s</script>\n", json_ld);
  g_string_append (out, "</head>\n<body>\n");
  g_string_append_printf (out, "<a class=\"skip\" href=\"#main\">%s</a>\n", _("Skip to the content"));
  g_string_append (out, "<header>\n<p class=\"site\"><a href=\"/\">");
  esc (out, site->title);
  g_string_append_printf (out, "</a></p>\n<nav aria-label=\"%s\"><ul>", _("Board"));
  g_string_append_printf (out, "<li><a href=\"/\"%s>%s</a></li>",
                          g_strcmp0 (current, "challenges") == 0 ? " aria-current=\"page\"" : "",
                          _("Open challenges"));
  g_string_append_printf (out, "<li><a href=\"/foresight\"%s>%s</a></li>",
                          g_strcmp0 (current, "foresight") == 0 ? " aria-current=\"page\"" : "",
                          _("Foresight"));
  g_string_append (out, "</ul></nav>\n</header>\n<main id=\"main\">\n");
}

static char *
end_page (GString *out)
{
  g_string_append_printf (out, "</main>\n<footer>\n<p>%s <a href=\"/challenges.atom\">%s</a> · "
                               "<a href=\"/challenges.json\">%s</a> · <a href=\"/foresight.atom\">%s</a> · "
                               "<a href=\"/foresight.json\">%s</a></p>\n</footer>\n</body>\n</html>\n",
                          _("Subscribe in any feed reader:"), _("challenges (Atom)"), _("challenges (JSON Feed)"),
                          _("foresight (Atom)"), _("foresight (JSON Feed)"));
  return g_string_free (out, FALSE);
}

static const char *
cluster_name (const IcBoardSite *site,
              const char        *cluster)
{
  const char *name = cluster ? ic_taxonomy_get_cluster_name (site->taxonomy, cluster) : NULL;

  return name ? name : cluster;
}

static void
append_money (GString *out,
              gint64   pounds)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, pounds);
  gsize n = strlen (digits);

  g_string_append (out, "£");
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}

static void
append_budget (GString     *out,
               IcChallenge *challenge)
{
  gint64 low = ic_challenge_get_budget_min (challenge);
  gint64 high = ic_challenge_get_budget_max (challenge);

  if (low <= 0 && high <= 0)
    g_string_append (out, _("Not stated"));
  else if (low <= 0)
    {
      g_string_append (out, _("Up to "));
      append_money (out, high);
    }
  else
    {
      append_money (out, low);
      g_string_append (out, " – ");
      append_money (out, high);
    }
}

static void
append_date (GString    *out,
             const char *date)
{
  g_autoptr(GDate) parsed = g_date_new ();
  char text[64];

  if (date == NULL || date[0] == '\0')
    {
      g_string_append (out, _("None"));
      return;
    }
  g_date_set_parse (parsed, date);
  g_string_append (out, "<time datetime=\"");
  esc (out, date);
  g_string_append (out, "\">");
  if (g_date_valid (parsed) && g_date_strftime (text, sizeof text, "%-d %B %Y", parsed) > 0)
    esc (out, text);
  else
    esc (out, date);
  g_string_append (out, "</time>");
}

static void
append_facts (GString           *out,
              const IcBoardSite *site,
              IcChallenge       *challenge)
{
  const char *cluster = ic_challenge_get_cluster (challenge);

  g_string_append (out, "<dl class=\"facts\">");
  g_string_append_printf (out, "<dt>%s</dt><dd>", _("Cluster"));
  esc (out, cluster && cluster[0] ? cluster_name (site, cluster) : _("Any"));
  g_string_append_printf (out, "</dd><dt>%s</dt><dd>%d–%d</dd>", _("TRL"),
                          ic_challenge_get_trl_min (challenge), ic_challenge_get_trl_max (challenge));
  g_string_append_printf (out, "<dt>%s</dt><dd>", _("Deadline"));
  append_date (out, ic_challenge_get_deadline (challenge));
  g_string_append_printf (out, "</dd><dt>%s</dt><dd>", _("Budget"));
  append_budget (out, challenge);
  g_string_append (out, "</dd></dl>\n");
}

static void
append_shown_as (GString          *out,
                 IcBoardChallenge *entry)
{
  g_string_append (out, "<p class=\"org\">");
  esc (out, entry->shown_as ? entry->shown_as : _("An organisation of the region"));
  g_string_append (out, "</p>\n");
}

/* The first characters of @text, cut at a word. */
static char *
summary_of (const char *text)
{
  glong length = text ? g_utf8_strlen (text, -1) : 0;
  g_autofree char *cut = NULL;
  char *space;

  if (length <= SUMMARY_CHARS)
    return g_strdup (text ? text : "");
  cut = g_utf8_substring (text, 0, SUMMARY_CHARS);
  space = strrchr (cut, ' ');
  if (space != NULL && space > cut)
    *space = '\0';
  /* "input,…" or "regions.…" read badly. */
  g_strchomp (cut);
  for (gsize n = strlen (cut); n > 0 && strchr (".,;:", cut[n - 1]) != NULL; n--)
    cut[n - 1] = '\0';
  return g_strconcat (cut, "…", NULL);
}

/* A link to another page of the same listing. */
static void
append_page_link (GString              *out,
                  const char           *path,
                  const IcBoardListing *listing,
                  guint                 page)
{
  const char *separator = "?";

  g_string_append (out, path);
  if (listing->cluster != NULL)
    {
      g_string_append (out, separator);
      g_string_append (out, "cluster=");
      append_query_value (out, listing->cluster);
      separator = "&amp;";
    }
  if (listing->search != NULL)
    {
      g_string_append (out, separator);
      g_string_append (out, "q=");
      append_query_value (out, listing->search);
      separator = "&amp;";
    }
  g_string_append_printf (out, "%spage=%u", separator, page);
}

static void
append_pages (GString              *out,
              const char           *path,
              const IcBoardListing *listing)
{
  guint pages = MAX (1, (listing->total + IC_BOARD_PAGE_SIZE - 1) / IC_BOARD_PAGE_SIZE);

  if (pages <= 1)
    return;
  g_string_append_printf (out, "<nav class=\"pages\" aria-label=\"%s\">", _("Pages"));
  if (listing->page > 1)
    {
      g_string_append (out, "<a rel=\"prev\" href=\"");
      append_page_link (out, path, listing, listing->page - 1);
      g_string_append_printf (out, "\">%s</a>", _("← Newer"));
    }
  else
    g_string_append (out, "<span></span>");
  g_string_append (out, "<span>");
  g_string_append_printf (out, _("Page %u of %u"), listing->page, pages);
  g_string_append (out, "</span>");
  if (listing->page < pages)
    {
      g_string_append (out, "<a rel=\"next\" href=\"");
      append_page_link (out, path, listing, listing->page + 1);
      g_string_append_printf (out, "\">%s</a>", _("Older →"));
    }
  else
    g_string_append (out, "<span></span>");
  g_string_append (out, "</nav>\n");
}

static void
append_filter (GString              *out,
               const IcBoardSite    *site,
               const IcBoardListing *listing,
               const char           *path,
               gboolean              clusters)
{
  g_string_append_printf (out, "<form class=\"filter\" role=\"search\" method=\"get\" action=\"%s\">", path);
  g_string_append_printf (out, "<div><label for=\"q\">%s</label>"
                               "<input id=\"q\" name=\"q\" type=\"search\" maxlength=\"200\" value=\"",
                          _("Search"));
  esc (out, listing->search);
  g_string_append (out, "\"></div>");
  if (clusters)
    {
      g_string_append_printf (out, "<div><label for=\"cluster\">%s</label><select id=\"cluster\" name=\"cluster\">"
                                   "<option value=\"\">%s</option>",
                              _("Cluster"), _("All clusters"));
      for (guint i = 0; i < ic_taxonomy_get_n_clusters (site->taxonomy); i++)
        {
          const char *id = ic_taxonomy_get_cluster_id (site->taxonomy, i);

          g_string_append (out, "<option value=\"");
          esc (out, id);
          g_string_append (out, g_strcmp0 (id, listing->cluster) == 0 ? "\" selected>" : "\">");
          esc (out, ic_taxonomy_get_cluster_name (site->taxonomy, id));
          g_string_append (out, "</option>");
        }
      g_string_append (out, "</select></div>");
    }
  g_string_append_printf (out, "<button type=\"submit\">%s</button></form>\n", _("Show"));
}

char *
ic_board_render_challenges (const IcBoardSite    *site,
                            const IcBoardListing *listing,
                            GPtrArray            *entries)
{
  GString *out = g_string_sized_new (32 * 1024);

  begin_page (out, site, listing->page > 1 || listing->search || listing->cluster ? _("Open challenges") : NULL,
              "challenges", NULL);
  g_string_append_printf (out, "<h1>%s</h1>\n", _("Open challenges"));
  if (site->intro != NULL && site->intro[0] != '\0')
    {
      g_string_append (out, "<p class=\"intro\">");
      esc (out, site->intro);
      g_string_append (out, "</p>\n");
    }
  append_filter (out, site, listing, "/", TRUE);
  g_string_append (out, "<p role=\"status\">");
  g_string_append_printf (out, g_dngettext (NULL, "%u open challenge", "%u open challenges", listing->total),
                          listing->total);
  g_string_append (out, "</p>\n");
  if (entries->len > 0)
    g_string_append (out, "<ol class=\"cards\">\n");
  for (guint i = 0; i < entries->len; i++)
    {
      IcBoardChallenge *entry = g_ptr_array_index (entries, i);
      IcRecord *record = IC_RECORD (entry->challenge);
      g_autofree char *summary = summary_of (ic_challenge_get_description (entry->challenge));

      g_string_append (out, "<li><article class=\"card\"><h2><a href=\"/challenges/");
      esc (out, ic_record_get_id (record));
      g_string_append (out, "\">");
      esc (out, ic_challenge_get_title (entry->challenge));
      g_string_append (out, "</a></h2>\n");
      append_shown_as (out, entry);
      if (summary[0] != '\0')
        {
          g_string_append (out, "<p>");
          esc (out, summary);
          g_string_append (out, "</p>\n");
        }
      append_facts (out, site, entry->challenge);
      g_string_append (out, "</article></li>\n");
    }
  if (entries->len > 0)
    g_string_append (out, "</ol>\n");
  else
    g_string_append_printf (out, "<p>%s</p>\n", _("No open challenge matches. Try other words or all clusters."));
  append_pages (out, "/", listing);
  return end_page (out);
}

static void
append_paragraphs (GString    *out,
                   const char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text ? text : "", "\n\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = NULL;

      if (g_strstrip (paragraphs[i])[0] == '\0')
        continue;
      lines = g_strsplit (paragraphs[i], "\n", -1);
      g_string_append (out, "<p>");
      for (guint j = 0; lines[j] != NULL; j++)
        {
          if (j > 0)
            g_string_append (out, "<br>");
          esc (out, lines[j]);
        }
      g_string_append (out, "</p>\n");
    }
}

char *
ic_board_challenge_json_ld (const IcBoardSite *site,
                            IcBoardChallenge  *entry)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *url = g_strconcat (site->base_url, "/challenges/",
                                      ic_record_get_id (IC_RECORD (entry->challenge)), NULL);
  IcChallenge *challenge = entry->challenge;
  const char *deadline = ic_challenge_get_deadline (challenge);
  const char *cluster = ic_challenge_get_cluster (challenge);
  GString *out;

  /* A schema.org Demand: what the organisation seeks.  Only the name
   * shown on the board names who seeks it. */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@context");
  json_builder_add_string_value (builder, "https://schema.org");
  json_builder_set_member_name (builder, "@type");
  json_builder_add_string_value (builder, "Demand");
  json_builder_set_member_name (builder, "@id");
  json_builder_add_string_value (builder, url);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, url);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, ic_challenge_get_title (challenge));
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, ic_challenge_get_description (challenge)
                                          ? ic_challenge_get_description (challenge) : "");
  if (cluster != NULL && cluster[0] != '\0')
    {
      json_builder_set_member_name (builder, "category");
      json_builder_add_string_value (builder, cluster_name (site, cluster));
    }
  if (deadline != NULL && deadline[0] != '\0')
    {
      json_builder_set_member_name (builder, "validThrough");
      json_builder_add_string_value (builder, deadline);
    }
  if (ic_challenge_get_budget_max (challenge) > 0)
    {
      json_builder_set_member_name (builder, "priceSpecification");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "@type");
      json_builder_add_string_value (builder, "PriceSpecification");
      json_builder_set_member_name (builder, "priceCurrency");
      json_builder_add_string_value (builder, "GBP");
      json_builder_set_member_name (builder, "minPrice");
      json_builder_add_int_value (builder, ic_challenge_get_budget_min (challenge));
      json_builder_set_member_name (builder, "maxPrice");
      json_builder_add_int_value (builder, ic_challenge_get_budget_max (challenge));
      json_builder_end_object (builder);
    }
  if (entry->shown_as != NULL)
    {
      json_builder_set_member_name (builder, "seller");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "@type");
      json_builder_add_string_value (builder, "Organization");
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, entry->shown_as);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "businessFunction");
  json_builder_add_string_value (builder, "http://purl.org/goodrelations/v1#Buy");
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);

  /* In a script element, "</script>" or "<!--" in a string would end
   * or change it: < > & are written as JSON escapes instead. */
  out = g_string_sized_new (strlen (text) + 64);
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '<': g_string_append (out, "\\u003c"); break;
      case '>': g_string_append (out, "\\u003e"); break;
      case '&': g_string_append (out, "\\u0026"); break;
      default: g_string_append_c (out, *p); break;
      }
  return g_string_free (out, FALSE);
}

static void
append_form (GString    *out,
             const char *challenge_id,
             const char *form_time,
             const char *form_token)
{
  g_string_append_printf (out, "<section class=\"panel\" aria-labelledby=\"respond\">\n<h2 id=\"respond\">%s</h2>\n"
                               "<p>%s</p>\n",
                          _("We can help"),
                          _("Tell the innovation team how your organisation could meet this challenge. "
                            "They read every answer and get in touch."));
  g_string_append (out, "<form class=\"respond\" method=\"post\" action=\"/challenges/");
  esc (out, challenge_id);
  g_string_append (out, "\">\n<input type=\"hidden\" name=\"ts\" value=\"");
  esc (out, form_time);
  g_string_append (out, "\">\n<input type=\"hidden\" name=\"token\" value=\"");
  esc (out, form_token);
  g_string_append (out, "\">\n");
  /* People never see this field; a program that fills every field does. */
  g_string_append_printf (out, "<div class=\"hp\" aria-hidden=\"true\"><label for=\"website\">%s</label>"
                               "<input id=\"website\" name=\"website\" type=\"text\" tabindex=\"-1\" "
                               "autocomplete=\"off\"></div>\n",
                          _("Leave this empty"));
  g_string_append_printf (out, "<label for=\"organisation\">%s</label>"
                               "<input id=\"organisation\" name=\"organisation\" type=\"text\" required "
                               "maxlength=\"%d\" autocomplete=\"organization\">\n",
                          _("Your organisation"), IC_BOARD_FIELD_CHARS);
  g_string_append_printf (out, "<label for=\"contact_name\">%s</label>"
                               "<input id=\"contact_name\" name=\"contact_name\" type=\"text\" required "
                               "maxlength=\"%d\" autocomplete=\"name\">\n",
                          _("Your name"), IC_BOARD_FIELD_CHARS);
  g_string_append_printf (out, "<label for=\"email\">%s</label>"
                               "<input id=\"email\" name=\"email\" type=\"email\" required "
                               "maxlength=\"%d\" autocomplete=\"email\">\n",
                          _("Email"), IC_BOARD_EMAIL_CHARS);
  g_string_append_printf (out, "<label for=\"answer\">%s</label>"
                               "<textarea id=\"answer\" name=\"answer\" rows=\"8\" required maxlength=\"%d\" "
                               "aria-describedby=\"answer-help\"></textarea>\n"
                               "<p id=\"answer-help\" class=\"org\">%s</p>\n",
                          _("How you can help"), IC_BOARD_ANSWER_CHARS,
                          _("Up to 2,000 characters, plain text."));
  g_string_append_printf (out, "<p class=\"consent\"><input id=\"consent\" name=\"consent\" type=\"checkbox\" "
                               "value=\"yes\" required><label for=\"consent\">%s</label></p>\n",
                          _("I agree that the innovation team keeps these details to contact me about this "
                            "challenge, and deletes my name and email when I ask."));
  g_string_append_printf (out, "<p><button type=\"submit\">%s</button></p>\n</form>\n</section>\n",
                          _("Send my answer"));
}

char *
ic_board_render_challenge (const IcBoardSite *site,
                           IcBoardChallenge  *entry,
                           const char        *form_time,
                           const char        *form_token)
{
  IcChallenge *challenge = entry->challenge;
  const char * const *tags = ic_challenge_get_tags (challenge);
  g_autofree char *json_ld = ic_board_challenge_json_ld (site, entry);
  GString *out = g_string_sized_new (16 * 1024);

  begin_page (out, site, ic_challenge_get_title (challenge), "challenges", json_ld);
  g_string_append (out, "<article>\n<h1>");
  esc (out, ic_challenge_get_title (challenge));
  g_string_append (out, "</h1>\n");
  append_shown_as (out, entry);
  append_facts (out, site, challenge);
  append_paragraphs (out, ic_challenge_get_description (challenge));
  if (tags != NULL && tags[0] != NULL)
    {
      g_string_append_printf (out, "<h2>%s</h2>\n<ul class=\"tags\">", _("What it needs"));
      for (guint i = 0; tags[i] != NULL; i++)
        {
          g_string_append (out, "<li>");
          esc (out, tags[i]);
          g_string_append (out, "</li>");
        }
      g_string_append (out, "</ul>\n");
    }
  g_string_append (out, "</article>\n");
  if (ic_challenge_get_status (challenge) == IC_CHALLENGE_STATUS_OPEN)
    append_form (out, ic_record_get_id (IC_RECORD (challenge)), form_time, form_token);
  else
    g_string_append_printf (out, "<p>%s</p>\n", _("This challenge no longer takes answers."));
  return end_page (out);
}

char *
ic_board_render_foresight (const IcBoardSite    *site,
                           const IcBoardListing *listing,
                           GPtrArray            *items)
{
  GString *out = g_string_sized_new (32 * 1024);

  begin_page (out, site, _("Foresight"), "foresight", NULL);
  g_string_append_printf (out, "<h1>%s</h1>\n<p class=\"intro\">%s</p>\n", _("Foresight"),
                          _("Demand signals, technology drivers, ideas and challenge calls the innovation team "
                            "shares."));
  append_filter (out, site, listing, "/foresight", FALSE);
  g_string_append (out, "<ol class=\"cards\">\n");
  for (guint i = 0; i < items->len; i++)
    {
      IcForesightItem *item = g_ptr_array_index (items, i);
      const char *url = ic_foresight_item_get_url (item);
      const char *source = ic_foresight_item_get_source (item);
      const char *published = ic_foresight_item_get_published (item);
      g_autofree char *day = published ? g_strndup (published, 10) : NULL;

      g_string_append (out, "<li><article class=\"card\" id=\"item-");
      esc (out, ic_record_get_id (IC_RECORD (item)));
      g_string_append (out, "\"><h2>");
      /* Only web addresses become links: never javascript: or data:. */
      if (url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")))
        {
          g_string_append (out, "<a rel=\"noopener\" href=\"");
          esc (out, url);
          g_string_append (out, "\">");
          esc (out, ic_foresight_item_get_title (item));
          g_string_append (out, "</a>");
        }
      else
        esc (out, ic_foresight_item_get_title (item));
      g_string_append (out, "</h2>\n<p class=\"org\">");
      esc (out, ic_enum_to_nick (IC_TYPE_FORESIGHT_KIND, ic_foresight_item_get_kind (item)));
      if (source != NULL && source[0] != '\0')
        {
          g_string_append (out, " · ");
          esc (out, source);
        }
      if (day != NULL && day[0] != '\0')
        {
          g_string_append (out, " · ");
          append_date (out, day);
        }
      g_string_append (out, "</p>\n");
      append_paragraphs (out, ic_foresight_item_get_summary (item));
      g_string_append (out, "</article></li>\n");
    }
  g_string_append (out, "</ol>\n");
  if (items->len == 0)
    g_string_append_printf (out, "<p>%s</p>\n", _("Nothing to show yet."));
  append_pages (out, "/foresight", listing);
  return end_page (out);
}

char *
ic_board_render_thanks (const IcBoardSite *site,
                        const char        *challenge_id)
{
  GString *out = g_string_sized_new (4096);

  begin_page (out, site, _("Thank you"), NULL, NULL);
  g_string_append_printf (out, "<h1>%s</h1>\n<p>%s</p>\n", _("Thank you: your answer was sent"),
                          _("The innovation team has your answer and will be in touch by email. "
                            "To have your name and email deleted, ask the team."));
  g_string_append (out, "<p><a href=\"/challenges/");
  esc (out, challenge_id);
  g_string_append_printf (out, "\">%s</a> · <a href=\"/\">%s</a></p>\n",
                          _("Back to the challenge"), _("All open challenges"));
  return end_page (out);
}

char *
ic_board_render_error (const IcBoardSite *site,
                       const char        *heading,
                       const char        *message,
                       const char        *back_url)
{
  GString *out = g_string_sized_new (4096);

  begin_page (out, site, heading, NULL, NULL);
  g_string_append (out, "<h1>");
  esc (out, heading);
  g_string_append (out, "</h1>\n<p>");
  esc (out, message);
  g_string_append (out, "</p>\n<p>");
  if (back_url != NULL)
    {
      g_string_append (out, "<a href=\"");
      esc (out, back_url);
      g_string_append_printf (out, "\">%s</a> · ", _("Back to the form"));
    }
  g_string_append_printf (out, "<a href=\"/\">%s</a></p>\n", _("All open challenges"));
  return end_page (out);
}
