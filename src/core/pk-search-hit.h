/* pk-search-hit.h: one hit of the full-text search: where it is and a snippet with the match. */
#pragma once

#include <gio/gio.h>

#include "pk-enums.h"

G_BEGIN_DECLS

#define PK_TYPE_SEARCH_HIT (pk_search_hit_get_type ())
G_DECLARE_FINAL_TYPE (PkSearchHit, pk_search_hit, PK, SEARCH_HIT, GObject)

/* A matched stretch of the snippet, in bytes. */
typedef struct
{
  gsize start;
  gsize length;
} PkSearchRange;

/* Every property is construct-only (g_object_new with the names below, "-" for "_"). "snippet"
 * is given with each match between PK_SEARCH_MARK_START and PK_SEARCH_MARK_END (what the query
 * asks SQLite's snippet() for); the hit keeps the plain text and the ranges. */
#define PK_SEARCH_MARK_START "\x01"
#define PK_SEARCH_MARK_END   "\x02"

PkSearchKind pk_search_hit_get_kind (PkSearchHit *self);
/* The id of the row that matched: the meeting, item, decision, action or attachment. */
gint64       pk_search_hit_get_id (PkSearchHit *self);
gint64       pk_search_hit_get_meeting_id (PkSearchHit *self);
const char  *pk_search_hit_get_meeting_date (PkSearchHit *self);
const char  *pk_search_hit_get_meeting_body (PkSearchHit *self);
const char  *pk_search_hit_get_meeting_title (PkSearchHit *self);
/* The item the hit is in ("2.1"), NULL for a meeting title. */
const char  *pk_search_hit_get_item_number (PkSearchHit *self);
const char  *pk_search_hit_get_item_title (PkSearchHit *self);
/* "Bilaga N" of an attachment hit; 0 otherwise or when not numbered. */
int          pk_search_hit_get_attachment_number (PkSearchHit *self);
/* Plain text, on one line (line breaks became spaces). */
const char  *pk_search_hit_get_snippet (PkSearchHit *self);
const PkSearchRange *pk_search_hit_get_highlights (PkSearchHit *self,
                                                   guint       *n_ranges);
/* The snippet with each match between @open and @close ("[", "]"). */
char        *pk_search_hit_format_snippet (PkSearchHit *self,
                                           const char  *open,
                                           const char  *close);
/* SQLite's bm25(): lower is better (a good hit is more negative). */
double       pk_search_hit_get_rank (PkSearchHit *self);

G_END_DECLS
