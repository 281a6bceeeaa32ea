/* pk-database-actions.c: the action register: actions across all meetings, and closing them. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pk-database-private.h"
#include "pk-enum-types.h"
#include "pk-util.h"

/* A carried-over action is a new row in the next meeting whose carried_from names the row it
 * continues; the old row stays as it was (its meeting may be justerat and so cannot change). The
 * register lists only the newest row of each chain: a row that another row continues is history.
 *
 * Item numbers are derived from the tree (HACKING.md), so the query derives them too: siblings
 * are counted in the order the loader uses (position, id). Only meetings with actions are
 * numbered. */
static const char list_sql[] =
  "WITH RECURSIVE"
  " wanted (meeting_id) AS (SELECT DISTINCT i.meeting_id FROM action a JOIN agenda_item i ON i.id = a.item_id),"
  " ranked (id, parent_id, n) AS ("
  "   SELECT id, parent_id, row_number () OVER (PARTITION BY meeting_id, parent_id ORDER BY position, id)"
  "   FROM agenda_item WHERE meeting_id IN wanted),"
  " numbered (id, number) AS ("
  "   SELECT id, CAST (n AS TEXT) FROM ranked WHERE parent_id IS NULL"
  "   UNION ALL SELECT r.id, p.number || '.' || r.n FROM ranked r JOIN numbered p ON r.parent_id = p.id)"
  " SELECT a.id, a.text, a.owner, a.due, a.state, a.carried_from,"
  "   m.id, m.date, m.title, m.status, b.name, n.number, i.title"
  " FROM action a"
  " JOIN agenda_item i ON i.id = a.item_id"
  " JOIN meeting m ON m.id = i.meeting_id"
  " LEFT JOIN body b ON b.id = m.body_id"
  " LEFT JOIN numbered n ON n.id = i.id"
  " WHERE NOT EXISTS (SELECT 1 FROM action s WHERE s.carried_from = a.id)"
  "   AND (?1 = 0 OR a.state = 'open')"
  "   AND (?2 = 0 OR (a.state = 'open' AND a.due IS NOT NULL AND a.due < ?3))"
  "   AND (?4 IS NULL OR b.name = ?4)"
  " ORDER BY a.state <> 'open', a.due IS NULL, a.due, m.date IS NULL, m.date DESC, m.id DESC, i.position, a.position";

char *
pk_action_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static int
column_enum (sqlite3_stmt *stmt,
             int           column,
             GType         type)
{
  int value = 0;

  pk_enum_from_nick (type, pk_column_text (stmt, column), &value);
  return value;
}

/* Case- and accent-form-insensitive "contains", so "åsa" finds "Åsa Lind". */
static gboolean
owner_matches (const char *owner,
               const char *folded_needle)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;

  if (folded_needle == NULL)
    return TRUE;
  if (owner == NULL)
    return FALSE;
  normal = g_utf8_normalize (owner, -1, G_NORMALIZE_ALL_COMPOSE);
  folded = g_utf8_casefold (normal, -1);
  return strstr (folded, folded_needle) != NULL;
}

GListStore *
pk_database_list_actions (PkDatabase            *self,
                          const PkActionFilter  *filter,
                          GError               **error)
{
  g_autoptr(GListStore) entries = g_list_store_new (PK_TYPE_ACTION_ENTRY);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = NULL;
  g_autofree char *needle = NULL;
  PkActionFilter none = { 0 };
  int rc;

  g_return_val_if_fail (PK_IS_DATABASE (self), NULL);

  if (filter == NULL)
    filter = &none;
  today = filter->today != NULL ? g_strdup (filter->today) : pk_action_today ();
  if (pk_str_or_null (filter->owner) != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (filter->owner));
      g_autofree char *normal = g_utf8_normalize (stripped, -1, G_NORMALIZE_ALL_COMPOSE);
      needle = g_utf8_casefold (normal, -1);
    }

  if (!(stmt = pk_database_prepare (self, list_sql, error)))
    return NULL;
  sqlite3_bind_int (stmt, 1, filter->open_only);
  sqlite3_bind_int (stmt, 2, filter->overdue_only);
  pk_bind_text (stmt, 3, today);
  pk_bind_text (stmt, 4, pk_str_or_null (filter->body));

  /* One read transaction: a writer between rows cannot show us half a carry-over. */
  if (!pk_database_begin (self, error))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PkActionEntry) entry = NULL;
      const char *due = pk_column_text (stmt, 3);
      int state = column_enum (stmt, 4, PK_TYPE_ACTION_STATE);

      if (!owner_matches (pk_column_text (stmt, 2), needle))
        continue;
      entry = g_object_new (PK_TYPE_ACTION_ENTRY,
                            "id", sqlite3_column_int64 (stmt, 0),
                            "text", pk_column_text (stmt, 1),
                            "owner", pk_column_text (stmt, 2),
                            "due", due,
                            "state", state,
                            "overdue", state == PK_ACTION_STATE_OPEN && due != NULL && strcmp (due, today) < 0,
                            "carried-from", sqlite3_column_int64 (stmt, 5),
                            "meeting-id", sqlite3_column_int64 (stmt, 6),
                            "meeting-date", pk_column_text (stmt, 7),
                            "meeting-title", pk_column_text (stmt, 8),
                            "meeting-status", column_enum (stmt, 9, PK_TYPE_MEETING_STATUS),
                            "body", pk_column_text (stmt, 10),
                            "item-number", pk_column_text (stmt, 11),
                            "item-title", pk_column_text (stmt, 12),
                            NULL);
      g_list_store_append (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      pk_database_set_error (self, rc, error);
      pk_database_rollback (self);
      return NULL;
    }
  if (!pk_database_commit (self, error))
    return NULL;
  return g_steal_pointer (&entries);
}

gboolean
pk_database_set_action_state (PkDatabase     *self,
                              gint64          action_id,
                              PkActionState   state,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autofree char *meeting_date = NULL;
  gint64 meeting_id, successor_meeting;
  int rc;

  g_return_val_if_fail (PK_IS_DATABASE (self), FALSE);

  if (!pk_database_begin (self, error))
    return FALSE;
  find = pk_database_prepare (self,
                              "SELECT m.id, m.status, m.date,"
                              " (SELECT si.meeting_id FROM action s JOIN agenda_item si ON si.id = s.item_id"
                              "  WHERE s.carried_from = a.id ORDER BY s.id DESC LIMIT 1)"
                              " FROM action a JOIN agenda_item i ON i.id = a.item_id"
                              " JOIN meeting m ON m.id = i.meeting_id WHERE a.id = ?",
                              error);
  if (find == NULL)
    goto fail;
  sqlite3_bind_int64 (find, 1, action_id);
  rc = sqlite3_step (find);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, action_id);

      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_FOUND, _("No action with id %s"), id);
      goto fail;
    }
  if (rc != SQLITE_ROW)
    {
      pk_database_set_error (self, rc, error);
      goto fail;
    }
  meeting_id = sqlite3_column_int64 (find, 0);
  meeting_date = g_strdup (pk_column_text (find, 2));
  successor_meeting = sqlite3_column_int64 (find, 3);

  /* The lock triggers would refuse too; this says why in words the user can act on. */
  if (g_strcmp0 (pk_column_text (find, 1), "justerat") == 0)
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_JUSTERAT,
                   _("The action is in approved minutes (meeting %s); record it in the next meeting "
                     "or make a correction"),
                   meeting_date != NULL ? meeting_date : "");
      goto fail;
    }
  /* The history of a carried-over action stays as it was minuted; its newest copy is the one that
   * changes. */
  if (successor_meeting != 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, successor_meeting);

      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_CONSTRAINT,
                   _("The action was carried over to meeting %s; change it there"), id);
      goto fail;
    }

  /* closed_in_meeting_id: the meeting where the action was reported closed. Closing from the
   * register records it in the meeting that holds the action now (its newest copy). */
  update = pk_database_prepare (self, "UPDATE action SET state = ?2, closed_in_meeting_id = ?3 WHERE id = ?1",
                                error);
  if (update == NULL)
    goto fail;
  sqlite3_bind_int64 (update, 1, action_id);
  pk_bind_text (update, 2, pk_enum_to_nick (PK_TYPE_ACTION_STATE, state));
  if (state == PK_ACTION_STATE_OPEN)
    sqlite3_bind_null (update, 3);
  else
    sqlite3_bind_int64 (update, 3, meeting_id);
  if (!pk_step_done (self, update, error))
    goto fail;
  return pk_database_commit (self, error);

fail:
  pk_database_rollback (self);
  return FALSE;
}
