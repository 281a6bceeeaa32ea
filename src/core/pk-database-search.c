/* pk-database-search.c: full-text search over every meeting (the FTS5 table `search`, schema v2). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pk-database-private.h"
#include "pk-enum-types.h"
#include "pk-search-hit.h"

G_DEFINE_QUARK (pk-search-error-quark, pk_search_error)

/* What the unicode61 tokenizer keeps as part of a word: letters, numbers and private-use
 * characters (categories L*, N*, Co). Everything else separates words. */
static gboolean
is_token_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_PRIVATE_USE:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
has_token_char (const char *start,
                const char *end)
{
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    if (is_token_char (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Appends one term as an FTS5 string: in double quotes, a double quote doubled. Inside a string
 * nothing is syntax — AND, NEAR, -, ( and : are text the tokenizer splits into words, and the
 * words of one string must stand next to each other (so "KS-beslut" finds "KS-beslut"). */
static void
append_term (GString    *query,
             const char *start,
             const char *end,
             gboolean    prefix)
{
  if (!has_token_char (start, end))
    return;
  if (query->len > 0)
    g_string_append (query, " AND ");
  g_string_append_c (query, '"');
  for (const char *p = start; p < end; p++)
    {
      if (*p == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, *p);
    }
  g_string_append_c (query, '"');
  if (prefix)
    g_string_append (query, " *");
}

char *
pk_search_build_query (const char  *text,
                       GError     **error)
{
  g_autofree char *normal = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  const char *p;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, PK_SEARCH_ERROR, PK_SEARCH_ERROR_INVALID, _("The search text is not valid UTF-8"));
      return NULL;
    }
  /* The index holds composed text (what GTK and the importers give); "å" typed as a + ring
   * would be two words to the tokenizer. */
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  p = normal;
  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (*p == '\0')
    {
      g_set_error (error, PK_SEARCH_ERROR, PK_SEARCH_ERROR_EMPTY, _("There is nothing to search for"));
      return NULL;
    }

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *start, *end;
      gboolean prefix = FALSE;

      if (g_unichar_isspace (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      if (c == '"')
        {
          /* A phrase the user quoted: its words in this order; an unclosed one runs to the end. */
          start = ++p;
          while (*p != '\0' && *p != '"')
            p++;
          end = p;
          if (*p == '"')
            p++;
          prefix = *p == '*';
          while (*p == '*')
            p++;
        }
      else
        {
          start = p;
          while (*p != '\0' && *p != '"' && !g_unichar_isspace (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          end = p;
          /* A trailing * searches for words that begin so ("budget*": budgetår, budgeten). */
          while (end > start && end[-1] == '*')
            {
              end--;
              prefix = TRUE;
            }
        }
      append_term (query, start, end, prefix);
    }
  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* The hits first (FTS5 sorts by rank and stops at the limit, so snippet() runs only for those),
 * then where each one is. Item numbers are derived as the loader derives them (an item is the
 * n-th of its siblings in (position, id) order), walking up from each hit's item only: numbering
 * whole meetings cost more than the search itself. */
static const char search_sql[] =
  "WITH RECURSIVE"
  " hits (kind, meeting_id, row_id, snippet, rank) AS MATERIALIZED ("
  "   SELECT kind, meeting_id, row_id, snippet (search, 0, char (1), char (2), '…', 16), rank"
  "   FROM search WHERE search MATCH ?1 ORDER BY rank LIMIT ?2),"
  " located (kind, meeting_id, row_id, snippet, rank, item_id, attachment_number) AS MATERIALIZED ("
  "   SELECT h.kind, h.meeting_id, h.row_id, h.snippet, h.rank,"
  "     CASE h.kind WHEN 'item' THEN h.row_id"
  "       WHEN 'decision' THEN (SELECT item_id FROM decision WHERE id = h.row_id)"
  "       WHEN 'action' THEN (SELECT item_id FROM action WHERE id = h.row_id)"
  "       WHEN 'attachment' THEN (SELECT item_id FROM attachment WHERE id = h.row_id) END,"
  "     CASE h.kind WHEN 'attachment' THEN (SELECT number FROM attachment WHERE id = h.row_id) END"
  "   FROM hits h),"
  " path (item_id, parent_id, number) AS ("
  "   SELECT i.id, i.parent_id, CAST ((SELECT count (*) FROM agenda_item s"
  "       WHERE s.meeting_id = i.meeting_id AND s.parent_id IS i.parent_id"
  "         AND (s.position, s.id) <= (i.position, i.id)) AS TEXT)"
  "   FROM agenda_item i WHERE i.id IN (SELECT item_id FROM located)"
  "   UNION ALL"
  "   SELECT p.item_id, a.parent_id, (SELECT count (*) FROM agenda_item s"
  "       WHERE s.meeting_id = a.meeting_id AND s.parent_id IS a.parent_id"
  "         AND (s.position, s.id) <= (a.position, a.id)) || '.' || p.number"
  "   FROM path p JOIN agenda_item a ON a.id = p.parent_id),"
  " numbered (id, number) AS MATERIALIZED (SELECT item_id, number FROM path WHERE parent_id IS NULL)"
  " SELECT l.kind, l.row_id, m.id, m.date, b.name, m.title, n.number, i.title, l.attachment_number,"
  "   l.snippet, l.rank"
  " FROM located l"
  " JOIN meeting m ON m.id = l.meeting_id"
  " LEFT JOIN body b ON b.id = m.body_id"
  " LEFT JOIN agenda_item i ON i.id = l.item_id"
  " LEFT JOIN numbered n ON n.id = l.item_id"
  " ORDER BY l.rank, m.date IS NULL, m.date DESC, m.id DESC, l.kind, l.row_id";

GListStore *
pk_database_search (PkDatabase  *self,
                    const char  *text,
                    int          limit,
                    GError     **error)
{
  g_autoptr(GListStore) hits = g_list_store_new (PK_TYPE_SEARCH_HIT);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *query = NULL;
  int rc;

  g_return_val_if_fail (PK_IS_DATABASE (self), NULL);

  if (!(query = pk_search_build_query (text, error)))
    return NULL;
  /* Only punctuation: a search for no word at all finds nothing. */
  if (*query == '\0')
    return g_steal_pointer (&hits);
  if (!(stmt = pk_database_prepare (self, search_sql, error)))
    return NULL;
  pk_bind_text (stmt, 1, query);
  sqlite3_bind_int (stmt, 2, limit > 0 ? limit : PK_SEARCH_DEFAULT_LIMIT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PkSearchHit) hit = NULL;
      int kind = PK_SEARCH_KIND_MEETING;

      if (!pk_enum_from_nick (PK_TYPE_SEARCH_KIND, pk_column_text (stmt, 0), &kind))
        continue;
      hit = g_object_new (PK_TYPE_SEARCH_HIT,
                          "kind", kind,
                          "id", sqlite3_column_int64 (stmt, 1),
                          "meeting-id", sqlite3_column_int64 (stmt, 2),
                          "meeting-date", pk_column_text (stmt, 3),
                          "meeting-body", pk_column_text (stmt, 4),
                          "meeting-title", pk_column_text (stmt, 5),
                          "item-number", kind == PK_SEARCH_KIND_MEETING ? NULL : pk_column_text (stmt, 6),
                          "item-title", kind == PK_SEARCH_KIND_MEETING ? NULL : pk_column_text (stmt, 7),
                          "attachment-number", MAX (sqlite3_column_int (stmt, 8), 0),
                          "snippet", pk_column_text (stmt, 9),
                          "rank", sqlite3_column_double (stmt, 10),
                          NULL);
      g_list_store_append (hits, hit);
    }
  if (rc != SQLITE_DONE)
    {
      pk_database_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&hits);
}
