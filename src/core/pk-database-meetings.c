/* pk-database-meetings.c: PkDatabase methods that read and write whole meetings. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pk-action.h"
#include "pk-agenda.h"
#include "pk-agenda-item.h"
#include "pk-attachment.h"
#include "pk-attendance.h"
#include "pk-database-private.h"
#include "pk-decision.h"
#include "pk-person.h"
#include "pk-person-note.h"
#include "pk-signoff.h"
#include "pk-util.h"

#define NONE (-1)
#define ID_KEY(id) PK_ID_KEY (id)


/* -1 (or 0 for ids) stands for "not set" in the model and NULL in the table. */
static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           index,
                  gint64        value,
                  gint64        none)
{
  if (value == none)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}


static int
column_int_or_none (sqlite3_stmt *stmt,
                    int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NONE : sqlite3_column_int (stmt, column);
}

static int
column_enum (sqlite3_stmt *stmt,
             int           column,
             GType         enum_type)
{
  int value = 0;

  pk_enum_from_nick (enum_type, pk_column_text (stmt, column), &value);
  return value;
}


static void
set_not_found (GError **error,
               gint64   meeting_id)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);

  g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_FOUND,
               _("There is no meeting with id %s"), id);
}

static gint64
last_id (PkDatabase *self)
{
  return sqlite3_last_insert_rowid (pk_database_get_handle (self));
}


/* Links a name written in the minutes to the person register: the same name (and organisation,
 * when given) is the same person; a new name becomes a new person when @create is set. */
static gboolean
find_person (PkDatabase  *self,
             const char  *name,
             const char  *organisation,
             const char  *title,
             gboolean     create,
             gint64      *person_id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  int rc;

  *person_id = 0;
  if (pk_str_or_null (name) == NULL)
    return TRUE;

  find = pk_database_prepare (self,
                              "SELECT id FROM person WHERE name = ?1"
                              " AND (?2 IS NULL OR organisation IS NULL OR organisation = ?2)"
                              " ORDER BY organisation IS NOT ?2, id LIMIT 1",
                              error);
  if (find == NULL)
    return FALSE;
  pk_bind_text (find, 1, name);
  pk_bind_text (find, 2, organisation);
  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    {
      *person_id = sqlite3_column_int64 (find, 0);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return pk_database_set_error (self, rc, error);
  if (!create)
    return TRUE;

  insert = pk_database_prepare (self,
                                "INSERT INTO person (name, organisation, title) VALUES (?, ?, ?)",
                                error);
  if (insert == NULL)
    return FALSE;
  pk_bind_text (insert, 1, name);
  pk_bind_text (insert, 2, organisation);
  pk_bind_text (insert, 3, title);
  if (!pk_step_done (self, insert, error))
    return FALSE;
  *person_id = last_id (self);
  return TRUE;
}

static gboolean
insert_person_notes (PkDatabase  *self,
                     GListModel  *notes,
                     const char  *sql,
                     gint64       owner_id,
                     const char  *kind,
                     GError     **error)
{
  guint n = g_list_model_get_n_items (notes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PkPersonNote) note = g_list_model_get_item (notes, i);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      gint64 person_id;

      if (!find_person (self, pk_person_note_get_name (note), NULL, NULL, FALSE, &person_id, error))
        return FALSE;
      if (!(stmt = pk_database_prepare (self, sql, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, owner_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      bind_int_or_null (stmt, 3, person_id, 0);
      pk_bind_text (stmt, 4, pk_person_note_get_name (note));
      pk_bind_text (stmt, 5, pk_person_note_get_text (note));
      if (kind != NULL)
        pk_bind_text (stmt, 6, kind);
      if (!pk_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_decisions (PkDatabase    *self,
                  PkAgendaItem  *item,
                  GError       **error)
{
  GListModel *decisions = G_LIST_MODEL (pk_agenda_item_get_decisions (item));
  guint n = g_list_model_get_n_items (decisions);
  static const char note_sql[] =
    "INSERT INTO decision_note (decision_id, position, person_id, name, text, kind)"
    " VALUES (?, ?, ?, ?, ?, ?)";

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PkDecision) decision = g_list_model_get_item (decisions, i);
      g_autoptr(sqlite3_stmt) stmt = NULL;

      stmt = pk_database_prepare (self,
                                  "INSERT INTO decision (item_id, position, kind, text,"
                                  " votes_yes, votes_no, votes_abstain) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, pk_agenda_item_get_id (item));
      sqlite3_bind_int (stmt, 2, (int) i);
      pk_bind_text (stmt, 3, pk_enum_to_nick (PK_TYPE_DECISION_KIND, pk_decision_get_kind (decision)));
      pk_bind_text (stmt, 4, pk_decision_get_text (decision) ? pk_decision_get_text (decision) : "");
      bind_int_or_null (stmt, 5, pk_decision_get_votes_yes (decision), NONE);
      bind_int_or_null (stmt, 6, pk_decision_get_votes_no (decision), NONE);
      bind_int_or_null (stmt, 7, pk_decision_get_votes_abstain (decision), NONE);
      if (!pk_step_done (self, stmt, error))
        return FALSE;
      pk_decision_set_id (decision, last_id (self));

      if (!insert_person_notes (self, G_LIST_MODEL (pk_decision_get_reservations (decision)),
                                note_sql, pk_decision_get_id (decision), "reservation", error) ||
          !insert_person_notes (self, G_LIST_MODEL (pk_decision_get_statements (decision)),
                                note_sql, pk_decision_get_id (decision), "protokollsanteckning",
                                error) ||
          !insert_person_notes (self, G_LIST_MODEL (pk_decision_get_motions (decision)),
                                note_sql, pk_decision_get_id (decision), "yrkande", error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_presenters (PkDatabase    *self,
                   PkAgendaItem  *item,
                   GError       **error)
{
  gint64 item_id = pk_agenda_item_get_id (item);
  GListModel *presenters = G_LIST_MODEL (pk_agenda_item_get_presenters (item));
  guint n;

  n = g_list_model_get_n_items (presenters);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PkPerson) presenter = g_list_model_get_item (presenters, i);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      gint64 person_id = pk_person_get_id (presenter);

      if (person_id == 0 &&
          !find_person (self, pk_person_get_name (presenter), pk_person_get_organisation (presenter),
                        pk_person_get_title (presenter), TRUE, &person_id, error))
        return FALSE;
      stmt = pk_database_prepare (self,
                                  "INSERT INTO item_presenter (item_id, position, person_id, name, title)"
                                  " VALUES (?, ?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, item_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      bind_int_or_null (stmt, 3, person_id, 0);
      pk_bind_text (stmt, 4, pk_person_get_name (presenter) ? pk_person_get_name (presenter) : "");
      pk_bind_text (stmt, 5, pk_person_get_title (presenter));
      if (!pk_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_recusals (PkDatabase    *self,
                 PkAgendaItem  *item,
                 GError       **error)
{
  return insert_person_notes (self, G_LIST_MODEL (pk_agenda_item_get_recusals (item)),
                              "INSERT INTO recusal (item_id, position, person_id, name, reason)"
                              " VALUES (?, ?, ?, ?, ?)",
                              pk_agenda_item_get_id (item), NULL, error);
}

/* Updates the action's row if it still has one under this item, else inserts it: an action keeps
 * its id while it is edited, so the next meeting's carried-over copy stays linked to it. */
static gboolean
write_action (PkDatabase  *self,
              gint64       item_id,
              guint        position,
              PkAction    *action,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 owner_id;

  if (!find_person (self, pk_action_get_owner (action), NULL, NULL, FALSE, &owner_id, error))
    return FALSE;
  if (pk_action_get_id (action) != 0)
    {
      stmt = pk_database_prepare (self,
                                  "UPDATE action SET position = ?3, text = ?4, owner = ?5, owner_person_id = ?6,"
                                  " due = ?7, state = ?8 WHERE id = ?1 AND item_id = ?2",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, pk_action_get_id (action));
    }
  else
    {
      stmt = pk_database_prepare (self,
                                  "INSERT INTO action (item_id, position, text, owner, owner_person_id,"
                                  " due, state) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                  error);
      if (stmt == NULL)
        return FALSE;
    }
  sqlite3_bind_int64 (stmt, 2, item_id);
  sqlite3_bind_int (stmt, 3, (int) position);
  pk_bind_text (stmt, 4, pk_action_get_text (action) ? pk_action_get_text (action) : "");
  pk_bind_text (stmt, 5, pk_action_get_owner (action));
  bind_int_or_null (stmt, 6, owner_id, 0);
  pk_bind_text (stmt, 7, pk_action_get_due (action));
  pk_bind_text (stmt, 8, pk_enum_to_nick (PK_TYPE_ACTION_STATE, pk_action_get_state (action)));
  if (!pk_step_done (self, stmt, error))
    return FALSE;
  if (pk_action_get_id (action) != 0 && sqlite3_changes (pk_database_get_handle (self)) == 0)
    {
      /* Its row went with a removal that was undone: written anew. */
      pk_action_set_id (action, 0);
      return write_action (self, item_id, position, action, error);
    }
  if (pk_action_get_id (action) == 0)
    pk_action_set_id (action, last_id (self));
  return TRUE;
}

static gboolean
insert_item_children (PkDatabase    *self,
                      PkAgendaItem  *item,
                      GError       **error)
{
  gint64 item_id = pk_agenda_item_get_id (item);
  GListModel *actions = G_LIST_MODEL (pk_agenda_item_get_actions (item));
  GListModel *attachments = G_LIST_MODEL (pk_agenda_item_get_attachments (item));
  guint n;

  if (!insert_presenters (self, item, error))
    return FALSE;

  if (!insert_decisions (self, item, error))
    return FALSE;

  n = g_list_model_get_n_items (actions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PkAction) action = g_list_model_get_item (actions, i);

      if (!write_action (self, item_id, i, action, error))
        return FALSE;
    }

  n = g_list_model_get_n_items (attachments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PkAttachment) attachment = g_list_model_get_item (attachments, i);
      g_autoptr(sqlite3_stmt) stmt = NULL;

      stmt = pk_database_prepare (self,
                                  "INSERT INTO attachment (item_id, position, number, title, sha256,"
                                  " page_count, probe_result) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, item_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      bind_int_or_null (stmt, 3, pk_attachment_get_number (attachment), NONE);
      pk_bind_text (stmt, 4, pk_attachment_get_title (attachment) ? pk_attachment_get_title (attachment) : "");
      pk_bind_text (stmt, 5, pk_attachment_get_sha256 (attachment));
      bind_int_or_null (stmt, 6, pk_attachment_get_pages (attachment), NONE);
      pk_bind_text (stmt, 7, pk_attachment_get_probe_result (attachment) == PK_PROBE_STATUS_UNKNOWN ? NULL
                               : pk_enum_to_nick (PK_TYPE_PROBE_STATUS, pk_attachment_get_probe_result (attachment)));
      if (!pk_step_done (self, stmt, error))
        return FALSE;
      pk_attachment_set_id (attachment, last_id (self));
    }

  return insert_recusals (self, item, error);
}

static void
bind_item (sqlite3_stmt *stmt,
           PkAgendaItem *item,
           gint64        parent_id,
           guint         position)
{
  const char *discussion = pk_agenda_item_get_discussion (item);

  bind_int_or_null (stmt, 2, parent_id, 0);
  sqlite3_bind_int (stmt, 3, (int) position);
  bind_int_or_null (stmt, 4, pk_agenda_item_get_paragraph (item), NONE);
  pk_bind_text (stmt, 5, pk_agenda_item_get_title (item) ? pk_agenda_item_get_title (item) : "");
  pk_bind_text (stmt, 6, pk_agenda_item_get_dnr (item));
  bind_int_or_null (stmt, 7, pk_agenda_item_get_duration_min (item), NONE);
  pk_bind_text (stmt, 8, discussion != NULL ? discussion : "");
  pk_bind_text (stmt, 9, pk_enum_to_nick (PK_TYPE_ITEM_STATE, pk_agenda_item_get_state (item)));
  bind_int_or_null (stmt, 10, pk_agenda_item_get_deferred_from (item), 0);
  sqlite3_bind_int (stmt, 11, pk_agenda_item_get_confidential (item));
}

/* One item's row and everything hanging on it (not its sub-items). */
static gboolean
insert_item (PkDatabase    *self,
             gint64         meeting_id,
             gint64         parent_id,
             guint          position,
             PkAgendaItem  *item,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = pk_database_prepare (self,
                              "INSERT INTO agenda_item (meeting_id, parent_id, position, paragraph,"
                              " title, dnr, duration_min, discussion, state, deferred_from,"
                              " confidential) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  bind_item (stmt, item, parent_id, position);
  if (!pk_step_done (self, stmt, error))
    return FALSE;
  pk_agenda_item_set_id (item, last_id (self));
  return insert_item_children (self, item, error);
}

static gboolean
insert_items (PkDatabase  *self,
              gint64       meeting_id,
              gint64       parent_id,
              GListModel  *items,
              GError     **error)
{
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (items, i);

      if (!insert_item (self, meeting_id, parent_id, i, item, error) ||
          !insert_items (self, meeting_id, pk_agenda_item_get_id (item),
                         G_LIST_MODEL (pk_agenda_item_get_items (item)), error))
        return FALSE;
    }
  return TRUE;
}

static gint64
item_id_for_number (PkMeeting  *meeting,
                    const char *number)
{
  PkAgendaItem *item = pk_meeting_find_item_by_number (meeting, number);

  return item != NULL ? pk_agenda_item_get_id (item) : 0;
}

static gboolean
insert_attendees (PkDatabase  *self,
                  PkMeeting   *meeting,
                  GError     **error)
{
  GListModel *attendees = G_LIST_MODEL (pk_meeting_get_attendees (meeting));
  guint n = g_list_model_get_n_items (attendees);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PkAttendance) attendance = g_list_model_get_item (attendees, i);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      gint64 person_id = pk_attendance_get_person_id (attendance);
      gint64 replaces_id;

      if (person_id == 0 &&
          !find_person (self, pk_attendance_get_name (attendance),
                        pk_attendance_get_organisation (attendance),
                        pk_attendance_get_title (attendance), TRUE, &person_id, error))
        return FALSE;
      if (!find_person (self, pk_attendance_get_replaces (attendance), NULL, NULL, FALSE,
                        &replaces_id, error))
        return FALSE;

      stmt = pk_database_prepare (self,
                                  "INSERT INTO attendance (meeting_id, position, person_id, name,"
                                  " organisation, title, role, replaces, replaces_person_id, note,"
                                  " from_item_id, to_item_id, present)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, pk_meeting_get_id (meeting));
      sqlite3_bind_int (stmt, 2, (int) i);
      bind_int_or_null (stmt, 3, person_id, 0);
      pk_bind_text (stmt, 4, pk_attendance_get_name (attendance) ? pk_attendance_get_name (attendance) : "");
      pk_bind_text (stmt, 5, pk_attendance_get_organisation (attendance));
      pk_bind_text (stmt, 6, pk_attendance_get_title (attendance));
      pk_bind_text (stmt, 7, pk_enum_to_nick (PK_TYPE_ROLE, pk_attendance_get_role (attendance)));
      pk_bind_text (stmt, 8, pk_attendance_get_replaces (attendance));
      bind_int_or_null (stmt, 9, replaces_id, 0);
      pk_bind_text (stmt, 10, pk_attendance_get_note (attendance));
      bind_int_or_null (stmt, 11, item_id_for_number (meeting, pk_attendance_get_from_item (attendance)), 0);
      bind_int_or_null (stmt, 12, item_id_for_number (meeting, pk_attendance_get_to_item (attendance)), 0);
      sqlite3_bind_int (stmt, 13, pk_attendance_get_present (attendance));
      if (!pk_step_done (self, stmt, error))
        return FALSE;
      pk_attendance_set_id (attendance, last_id (self));
      pk_attendance_set_person_id (attendance, person_id);
    }
  return TRUE;
}

static gboolean
insert_signoffs (PkDatabase  *self,
                 PkMeeting   *meeting,
                 GError     **error)
{
  GListModel *signoffs = G_LIST_MODEL (pk_meeting_get_signoffs (meeting));
  guint n = g_list_model_get_n_items (signoffs);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PkSignoff) signoff = g_list_model_get_item (signoffs, i);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      gint64 person_id;

      if (!find_person (self, pk_signoff_get_name (signoff), NULL, NULL, FALSE, &person_id, error))
        return FALSE;
      stmt = pk_database_prepare (self,
                                  "INSERT INTO signoff (meeting_id, version, position, role, person_id,"
                                  " name, signed_at, place) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, pk_meeting_get_id (meeting));
      sqlite3_bind_int (stmt, 2, MAX (pk_meeting_get_version (meeting), 1));
      sqlite3_bind_int (stmt, 3, (int) i);
      pk_bind_text (stmt, 4, pk_enum_to_nick (PK_TYPE_ROLE, pk_signoff_get_role (signoff)));
      bind_int_or_null (stmt, 5, person_id, 0);
      pk_bind_text (stmt, 6, pk_signoff_get_name (signoff) ? pk_signoff_get_name (signoff) : "");
      pk_bind_text (stmt, 7, pk_signoff_get_at (signoff));
      pk_bind_text (stmt, 8, pk_signoff_get_place (signoff));
      if (!pk_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static void
bind_header (sqlite3_stmt *stmt,
             PkMeeting    *meeting,
             gint64        body_id)
{
  bind_int_or_null (stmt, 1, body_id, 0);
  pk_bind_text (stmt, 2, pk_enum_to_nick (PK_TYPE_MEETING_KIND, pk_meeting_get_kind (meeting)));
  pk_bind_text (stmt, 3, pk_meeting_get_title (meeting) ? pk_meeting_get_title (meeting) : "");
  pk_bind_text (stmt, 4, pk_meeting_get_dnr (meeting));
  pk_bind_text (stmt, 5, pk_meeting_get_date (meeting));
  pk_bind_text (stmt, 6, pk_meeting_get_start_time (meeting));
  pk_bind_text (stmt, 7, pk_meeting_get_end_time (meeting));
  pk_bind_text (stmt, 8, pk_meeting_get_place (meeting));
  pk_bind_text (stmt, 9, pk_meeting_get_online_link (meeting));
  pk_bind_text (stmt, 10, pk_enum_to_nick (PK_TYPE_MEETING_STATUS, pk_meeting_get_status (meeting)));
  pk_bind_text (stmt, 11, pk_meeting_get_recorded_by (meeting));
}

gint64
pk_database_insert_meeting (PkDatabase  *self,
                            PkMeeting   *meeting,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 body_id;

  g_return_val_if_fail (PK_IS_DATABASE (self), 0);
  g_return_val_if_fail (PK_IS_MEETING (meeting), 0);

  if (!pk_database_begin (self, error))
    return 0;

  pk_meeting_renumber_items (meeting);
  if (!pk_database_find_body_id (self, pk_meeting_get_body (meeting), TRUE, &body_id, error))
    goto fail;
  stmt = pk_database_prepare (self,
                              "INSERT INTO meeting (body_id, kind, title, dnr, date, start_time,"
                              " end_time, place, online_link, status, recorded_by, version,"
                              " content_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    goto fail;
  bind_header (stmt, meeting, body_id);
  if (pk_meeting_get_status (meeting) == PK_MEETING_STATUS_JUSTERAT)
    pk_bind_text (stmt, 10, "pending");
  sqlite3_bind_int (stmt, 12, MAX (pk_meeting_get_version (meeting), 1));
  pk_bind_text (stmt, 13, pk_meeting_get_content_sha256 (meeting));
  if (!pk_step_done (self, stmt, error))
    goto fail;
  pk_meeting_set_id (meeting, last_id (self));

  if (!insert_items (self, pk_meeting_get_id (meeting), 0,
                     G_LIST_MODEL (pk_meeting_get_items (meeting)), error) ||
      !insert_attendees (self, meeting, error) ||
      !insert_signoffs (self, meeting, error))
    goto fail;
  /* A justerat meeting (from a JSON file or a package) locks once all of it is in. */
  if (pk_meeting_get_status (meeting) == PK_MEETING_STATUS_JUSTERAT)
    {
      g_autoptr(sqlite3_stmt) lock = pk_database_prepare (self, "UPDATE meeting SET status = 'justerat' WHERE id = ?",
                                                          error);
      if (lock == NULL)
        goto fail;
      sqlite3_bind_int64 (lock, 1, pk_meeting_get_id (meeting));
      if (!pk_step_done (self, lock, error))
        goto fail;
    }

  if (!pk_database_commit (self, error))
    goto fail_committed;
  return pk_meeting_get_id (meeting);

fail:
  pk_database_rollback (self);
fail_committed:
  pk_meeting_set_id (meeting, 0);
  return 0;
}

gboolean
pk_database_update_meeting_header (PkDatabase  *self,
                                   PkMeeting   *meeting,
                                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 body_id;

  g_return_val_if_fail (PK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (PK_IS_MEETING (meeting), FALSE);

  if (!pk_database_begin (self, error))
    return FALSE;
  if (!pk_database_find_body_id (self, pk_meeting_get_body (meeting), TRUE, &body_id, error))
    goto fail;
  stmt = pk_database_prepare (self,
                              "UPDATE meeting SET body_id = ?, kind = ?, title = ?, dnr = ?, date = ?,"
                              " start_time = ?, end_time = ?, place = ?, online_link = ?, status = ?,"
                              " recorded_by = ?,"
                              " modified_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
                              error);
  if (stmt == NULL)
    goto fail;
  bind_header (stmt, meeting, body_id);
  sqlite3_bind_int64 (stmt, 12, pk_meeting_get_id (meeting));
  if (!pk_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (pk_database_get_handle (self)) == 0)
    {
      set_not_found (error, pk_meeting_get_id (meeting));
      goto fail;
    }
  return pk_database_commit (self, error);

fail:
  pk_database_rollback (self);
  return FALSE;
}

gboolean
pk_database_delete_meeting (PkDatabase  *self,
                            gint64       meeting_id,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PK_IS_DATABASE (self), FALSE);

  if (!(stmt = pk_database_prepare (self, "DELETE FROM meeting WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if (!pk_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (pk_database_get_handle (self)) == 0)
    {
      set_not_found (error, meeting_id);
      return FALSE;
    }
  return TRUE;
}

#define HEADER_COLUMNS \
  "m.id, b.name, m.kind, m.title, m.dnr, m.date, m.start_time, m.end_time, m.place," \
  " m.online_link, m.status, m.recorded_by, m.version, m.content_sha256"

static PkMeeting *
meeting_from_row (sqlite3_stmt *stmt)
{
  PkMeeting *meeting = pk_meeting_new ();

  g_object_freeze_notify (G_OBJECT (meeting));
  pk_meeting_set_id (meeting, sqlite3_column_int64 (stmt, 0));
  pk_meeting_set_body (meeting, pk_column_text (stmt, 1));
  pk_meeting_set_kind (meeting, column_enum (stmt, 2, PK_TYPE_MEETING_KIND));
  pk_meeting_set_title (meeting, pk_column_text (stmt, 3));
  pk_meeting_set_dnr (meeting, pk_column_text (stmt, 4));
  pk_meeting_set_date (meeting, pk_column_text (stmt, 5));
  pk_meeting_set_start_time (meeting, pk_column_text (stmt, 6));
  pk_meeting_set_end_time (meeting, pk_column_text (stmt, 7));
  pk_meeting_set_place (meeting, pk_column_text (stmt, 8));
  pk_meeting_set_online_link (meeting, pk_column_text (stmt, 9));
  pk_meeting_set_status (meeting, column_enum (stmt, 10, PK_TYPE_MEETING_STATUS));
  pk_meeting_set_recorded_by (meeting, pk_column_text (stmt, 11));
  pk_meeting_set_version (meeting, sqlite3_column_int (stmt, 12));
  pk_meeting_set_content_sha256 (meeting, pk_column_text (stmt, 13));
  g_object_thaw_notify (G_OBJECT (meeting));
  return meeting;
}

GListStore *
pk_database_list_meetings (PkDatabase  *self,
                           GError     **error)
{
  g_autoptr(GListStore) meetings = g_list_store_new (PK_TYPE_MEETING);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PK_IS_DATABASE (self), NULL);

  stmt = pk_database_prepare (self,
                              "SELECT " HEADER_COLUMNS " FROM meeting m"
                              " LEFT JOIN body b ON b.id = m.body_id"
                              " ORDER BY m.date IS NULL, m.date DESC, m.start_time DESC, m.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PkMeeting) meeting = meeting_from_row (stmt);
      g_list_store_append (meetings, meeting);
    }
  if (rc != SQLITE_DONE)
    {
      pk_database_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&meetings);
}

GStrv
pk_database_list_body_names (PkDatabase  *self,
                             GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = pk_database_prepare (self, "SELECT name FROM body ORDER BY name COLLATE NOCASE", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, pk_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      pk_database_set_error (self, rc, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/* Rows of the child tables come back for the whole meeting in one query each and are hung on their
 * parents through this map, instead of one query per item. */
typedef struct
{
  PkDatabase *db;
  gint64 meeting_id;
  GHashTable *items;     /* item id -> PkAgendaItem (borrowed from the tree) */
  GHashTable *decisions; /* decision id -> PkDecision */
} LoadContext;

static sqlite3_stmt *
prepare_for_meeting (LoadContext  *ctx,
                     const char   *sql,
                     GError      **error)
{
  sqlite3_stmt *stmt = pk_database_prepare (ctx->db, sql, error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, ctx->meeting_id);
  return stmt;
}

static gboolean
load_items (LoadContext  *ctx,
            PkMeeting    *meeting,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) parents = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = prepare_for_meeting (ctx,
                              "SELECT id, parent_id, paragraph, title, dnr, duration_min, discussion,"
                              " state, deferred_from, confidential FROM agenda_item"
                              " WHERE meeting_id = ? ORDER BY parent_id IS NOT NULL, position, id",
                              error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PkAgendaItem *item = pk_agenda_item_new ();
      gint64 parent_id = sqlite3_column_int64 (stmt, 1);

      pk_agenda_item_set_id (item, sqlite3_column_int64 (stmt, 0));
      pk_agenda_item_set_paragraph (item, column_int_or_none (stmt, 2));
      pk_agenda_item_set_title (item, pk_column_text (stmt, 3));
      pk_agenda_item_set_dnr (item, pk_column_text (stmt, 4));
      pk_agenda_item_set_duration_min (item, column_int_or_none (stmt, 5));
      pk_agenda_item_set_discussion (item, pk_column_text (stmt, 6));
      pk_agenda_item_set_state (item, column_enum (stmt, 7, PK_TYPE_ITEM_STATE));
      pk_agenda_item_set_deferred_from (item, sqlite3_column_int64 (stmt, 8));
      pk_agenda_item_set_confidential (item, sqlite3_column_int (stmt, 9) != 0);
      g_hash_table_insert (ctx->items, ID_KEY (pk_agenda_item_get_id (item)), item);
      g_ptr_array_add (rows, item);
      g_array_append_val (parents, parent_id);
    }
  if (rc != SQLITE_DONE)
    return pk_database_set_error (ctx->db, rc, error);

  /* Rows are in position order within each parent, so appending keeps the order. */
  for (guint i = 0; i < rows->len; i++)
    {
      gint64 parent_id = g_array_index (parents, gint64, i);
      PkAgendaItem *parent = parent_id != 0 ? g_hash_table_lookup (ctx->items, ID_KEY (parent_id))
                                            : NULL;

      if (parent != NULL)
        g_list_store_append (pk_agenda_item_get_items (parent), rows->pdata[i]);
      else
        g_list_store_append (pk_meeting_get_items (meeting), rows->pdata[i]);
    }
  pk_meeting_renumber_items (meeting);
  return TRUE;
}

static PkAgendaItem *
lookup_item (LoadContext  *ctx,
             sqlite3_stmt *stmt,
             int           column)
{
  return g_hash_table_lookup (ctx->items, ID_KEY (sqlite3_column_int64 (stmt, column)));
}

static gboolean
load_item_children (LoadContext  *ctx,
                    GError      **error)
{
  g_autoptr(sqlite3_stmt) presenters = NULL;
  g_autoptr(sqlite3_stmt) decisions = NULL;
  g_autoptr(sqlite3_stmt) notes = NULL;
  g_autoptr(sqlite3_stmt) actions = NULL;
  g_autoptr(sqlite3_stmt) attachments = NULL;
  g_autoptr(sqlite3_stmt) recusals = NULL;
  int rc;

#define FOR_MEETING_ITEMS " WHERE item_id IN (SELECT id FROM agenda_item WHERE meeting_id = ?)"

  presenters = prepare_for_meeting (ctx, "SELECT item_id, id, person_id, name, title FROM item_presenter"
                                    FOR_MEETING_ITEMS " ORDER BY item_id, position", error);
  if (presenters == NULL)
    return FALSE;
  while ((rc = sqlite3_step (presenters)) == SQLITE_ROW)
    {
      g_autoptr(PkPerson) person = pk_person_new ();

      pk_person_set_id (person, sqlite3_column_int64 (presenters, 2));
      pk_person_set_name (person, pk_column_text (presenters, 3));
      pk_person_set_title (person, pk_column_text (presenters, 4));
      g_list_store_append (pk_agenda_item_get_presenters (lookup_item (ctx, presenters, 0)), person);
    }
  if (rc != SQLITE_DONE)
    return pk_database_set_error (ctx->db, rc, error);

  decisions = prepare_for_meeting (ctx, "SELECT item_id, id, kind, text, votes_yes, votes_no,"
                                   " votes_abstain FROM decision" FOR_MEETING_ITEMS
                                   " ORDER BY item_id, position", error);
  if (decisions == NULL)
    return FALSE;
  while ((rc = sqlite3_step (decisions)) == SQLITE_ROW)
    {
      g_autoptr(PkDecision) decision = pk_decision_new ();

      pk_decision_set_id (decision, sqlite3_column_int64 (decisions, 1));
      pk_decision_set_kind (decision, column_enum (decisions, 2, PK_TYPE_DECISION_KIND));
      pk_decision_set_text (decision, pk_column_text (decisions, 3));
      pk_decision_set_votes_yes (decision, column_int_or_none (decisions, 4));
      pk_decision_set_votes_no (decision, column_int_or_none (decisions, 5));
      pk_decision_set_votes_abstain (decision, column_int_or_none (decisions, 6));
      g_list_store_append (pk_agenda_item_get_decisions (lookup_item (ctx, decisions, 0)), decision);
      g_hash_table_insert (ctx->decisions, ID_KEY (pk_decision_get_id (decision)), decision);
    }
  if (rc != SQLITE_DONE)
    return pk_database_set_error (ctx->db, rc, error);

  notes = prepare_for_meeting (ctx, "SELECT n.decision_id, n.kind, n.name, n.text FROM decision_note n"
                               " JOIN decision d ON d.id = n.decision_id"
                               " WHERE d.item_id IN (SELECT id FROM agenda_item WHERE meeting_id = ?)"
                               " ORDER BY n.decision_id, n.kind, n.position", error);
  if (notes == NULL)
    return FALSE;
  while ((rc = sqlite3_step (notes)) == SQLITE_ROW)
    {
      g_autoptr(PkPersonNote) note = pk_person_note_new ();
      PkDecision *decision = g_hash_table_lookup (ctx->decisions,
                                                  ID_KEY (sqlite3_column_int64 (notes, 0)));

      pk_person_note_set_name (note, pk_column_text (notes, 2));
      pk_person_note_set_text (note, pk_column_text (notes, 3));
      if (g_strcmp0 (pk_column_text (notes, 1), "reservation") == 0)
        g_list_store_append (pk_decision_get_reservations (decision), note);
      else if (g_strcmp0 (pk_column_text (notes, 1), "yrkande") == 0)
        g_list_store_append (pk_decision_get_motions (decision), note);
      else
        g_list_store_append (pk_decision_get_statements (decision), note);
    }
  if (rc != SQLITE_DONE)
    return pk_database_set_error (ctx->db, rc, error);

  actions = prepare_for_meeting (ctx, "SELECT item_id, id, text, owner, due, state FROM action"
                                 FOR_MEETING_ITEMS " ORDER BY item_id, position", error);
  if (actions == NULL)
    return FALSE;
  while ((rc = sqlite3_step (actions)) == SQLITE_ROW)
    {
      g_autoptr(PkAction) action = pk_action_new ();

      pk_action_set_id (action, sqlite3_column_int64 (actions, 1));
      pk_action_set_text (action, pk_column_text (actions, 2));
      pk_action_set_owner (action, pk_column_text (actions, 3));
      pk_action_set_due (action, pk_column_text (actions, 4));
      pk_action_set_state (action, column_enum (actions, 5, PK_TYPE_ACTION_STATE));
      g_list_store_append (pk_agenda_item_get_actions (lookup_item (ctx, actions, 0)), action);
    }
  if (rc != SQLITE_DONE)
    return pk_database_set_error (ctx->db, rc, error);

  attachments = prepare_for_meeting (ctx, "SELECT item_id, id, number, title, sha256, page_count,"
                                     " probe_result FROM attachment" FOR_MEETING_ITEMS " ORDER BY item_id, position",
                                     error);
  if (attachments == NULL)
    return FALSE;
  while ((rc = sqlite3_step (attachments)) == SQLITE_ROW)
    {
      g_autoptr(PkAttachment) attachment = pk_attachment_new ();

      pk_attachment_set_id (attachment, sqlite3_column_int64 (attachments, 1));
      pk_attachment_set_number (attachment, column_int_or_none (attachments, 2));
      pk_attachment_set_title (attachment, pk_column_text (attachments, 3));
      pk_attachment_set_sha256 (attachment, pk_column_text (attachments, 4));
      pk_attachment_set_pages (attachment, column_int_or_none (attachments, 5));
      if (pk_column_text (attachments, 6) != NULL)
        pk_attachment_set_probe_result (attachment, column_enum (attachments, 6, PK_TYPE_PROBE_STATUS));
      g_list_store_append (pk_agenda_item_get_attachments (lookup_item (ctx, attachments, 0)), attachment);
    }
  if (rc != SQLITE_DONE)
    return pk_database_set_error (ctx->db, rc, error);

  recusals = prepare_for_meeting (ctx, "SELECT item_id, name, reason FROM recusal"
                                  FOR_MEETING_ITEMS " ORDER BY item_id, position", error);
  if (recusals == NULL)
    return FALSE;
  while ((rc = sqlite3_step (recusals)) == SQLITE_ROW)
    {
      g_autoptr(PkPersonNote) note = pk_person_note_new ();

      pk_person_note_set_name (note, pk_column_text (recusals, 1));
      pk_person_note_set_text (note, pk_column_text (recusals, 2));
      g_list_store_append (pk_agenda_item_get_recusals (lookup_item (ctx, recusals, 0)), note);
    }
  if (rc != SQLITE_DONE)
    return pk_database_set_error (ctx->db, rc, error);

#undef FOR_MEETING_ITEMS
  return TRUE;
}

static const char *
item_number (LoadContext  *ctx,
             sqlite3_stmt *stmt,
             int           column)
{
  PkAgendaItem *item = sqlite3_column_type (stmt, column) == SQLITE_NULL ? NULL
                       : lookup_item (ctx, stmt, column);

  return item != NULL ? pk_agenda_item_get_number (item) : NULL;
}

static gboolean
load_attendees (LoadContext  *ctx,
                PkMeeting    *meeting,
                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare_for_meeting (ctx,
                              "SELECT id, person_id, name, organisation, title, role, replaces, note,"
                              " from_item_id, to_item_id, present FROM attendance"
                              " WHERE meeting_id = ? ORDER BY position, id",
                              error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PkAttendance) attendance = pk_attendance_new ();

      pk_attendance_set_id (attendance, sqlite3_column_int64 (stmt, 0));
      pk_attendance_set_person_id (attendance, sqlite3_column_int64 (stmt, 1));
      pk_attendance_set_name (attendance, pk_column_text (stmt, 2));
      pk_attendance_set_organisation (attendance, pk_column_text (stmt, 3));
      pk_attendance_set_title (attendance, pk_column_text (stmt, 4));
      pk_attendance_set_role (attendance, column_enum (stmt, 5, PK_TYPE_ROLE));
      pk_attendance_set_replaces (attendance, pk_column_text (stmt, 6));
      pk_attendance_set_note (attendance, pk_column_text (stmt, 7));
      pk_attendance_set_from_item (attendance, item_number (ctx, stmt, 8));
      pk_attendance_set_to_item (attendance, item_number (ctx, stmt, 9));
      pk_attendance_set_present (attendance, sqlite3_column_int (stmt, 10) != 0);
      g_list_store_append (pk_meeting_get_attendees (meeting), attendance);
    }
  if (rc != SQLITE_DONE)
    return pk_database_set_error (ctx->db, rc, error);
  return TRUE;
}

static gboolean
load_signoffs (LoadContext  *ctx,
               PkMeeting    *meeting,
               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare_for_meeting (ctx,
                              "SELECT role, name, signed_at, place FROM signoff"
                              " WHERE meeting_id = ?1 AND version = ?2 ORDER BY position, id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 2, pk_meeting_get_version (meeting));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PkSignoff) signoff = pk_signoff_new ();

      pk_signoff_set_role (signoff, column_enum (stmt, 0, PK_TYPE_ROLE));
      pk_signoff_set_name (signoff, pk_column_text (stmt, 1));
      pk_signoff_set_at (signoff, pk_column_text (stmt, 2));
      pk_signoff_set_place (signoff, pk_column_text (stmt, 3));
      g_list_store_append (pk_meeting_get_signoffs (meeting), signoff);
    }
  if (rc != SQLITE_DONE)
    return pk_database_set_error (ctx->db, rc, error);
  return TRUE;
}

PkMeeting *
pk_database_load_meeting (PkDatabase  *self,
                          gint64       meeting_id,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(PkMeeting) meeting = NULL;
  g_autoptr(GHashTable) items = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) decisions = g_hash_table_new (NULL, NULL);
  LoadContext ctx = { self, meeting_id, items, decisions };
  gboolean ok;
  int rc;

  g_return_val_if_fail (PK_IS_DATABASE (self), NULL);

  stmt = pk_database_prepare (self,
                              "SELECT " HEADER_COLUMNS " FROM meeting m"
                              " LEFT JOIN body b ON b.id = m.body_id WHERE m.id = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      set_not_found (error, meeting_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      pk_database_set_error (self, rc, error);
      return NULL;
    }
  meeting = meeting_from_row (stmt);

  /* One read transaction, so a concurrent writer cannot show us half a meeting. */
  if (!pk_database_exec (self, "SAVEPOINT pk_load", error))
    return NULL;
  ok = load_items (&ctx, meeting, error) &&
       load_item_children (&ctx, error) &&
       load_attendees (&ctx, meeting, error) &&
       load_signoffs (&ctx, meeting, error);
  sqlite3_exec (pk_database_get_handle (self), "RELEASE pk_load", NULL, NULL, NULL);
  if (!ok)
    return NULL;
  return g_steal_pointer (&meeting);
}

/* Updates the rows of items that kept their id, inserts new ones (and ones whose row is gone, for
 * an undone removal: with all they hold, from the model), records every id in @kept. */
static gboolean
save_items (PkDatabase   *self,
            gint64        meeting_id,
            gint64        parent_id,
            GListModel   *items,
            GHashTable   *kept,
            GError      **error)
{
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (items, i);
      gboolean updated = FALSE;

      if (pk_agenda_item_get_id (item) != 0)
        {
          g_autoptr(sqlite3_stmt) update = NULL;
          g_autoptr(sqlite3_stmt) clear = NULL;

          update = pk_database_prepare (self,
                                        "UPDATE agenda_item SET parent_id = ?2, position = ?3,"
                                        " paragraph = ?4, title = ?5, dnr = ?6, duration_min = ?7,"
                                        " discussion = ?8, state = ?9, deferred_from = ?10,"
                                        " confidential = ?11 WHERE id = ?1 AND meeting_id = ?12",
                                        error);
          if (update == NULL)
            return FALSE;
          sqlite3_bind_int64 (update, 1, pk_agenda_item_get_id (item));
          bind_item (update, item, parent_id, i);
          sqlite3_bind_int64 (update, 12, meeting_id);
          if (!pk_step_done (self, update, error))
            return FALSE;
          updated = sqlite3_changes (pk_database_get_handle (self)) > 0;
          if (updated)
            {
              g_autoptr(sqlite3_stmt) clear_recusals = NULL;

              /* Presenters and recusals are edited with the agenda: written anew. */
              clear = pk_database_prepare (self, "DELETE FROM item_presenter WHERE item_id = ?", error);
              clear_recusals = pk_database_prepare (self, "DELETE FROM recusal WHERE item_id = ?", error);
              if (clear == NULL || clear_recusals == NULL)
                return FALSE;
              sqlite3_bind_int64 (clear, 1, pk_agenda_item_get_id (item));
              sqlite3_bind_int64 (clear_recusals, 1, pk_agenda_item_get_id (item));
              if (!pk_step_done (self, clear, error) || !insert_presenters (self, item, error) ||
                  !pk_step_done (self, clear_recusals, error) || !insert_recusals (self, item, error))
                return FALSE;
            }
        }
      if (!updated && !insert_item (self, meeting_id, parent_id, i, item, error))
        return FALSE;

      g_hash_table_add (kept, ID_KEY (pk_agenda_item_get_id (item)));
      if (!save_items (self, meeting_id, pk_agenda_item_get_id (item),
                       G_LIST_MODEL (pk_agenda_item_get_items (item)), kept, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
pk_database_save_agenda (PkDatabase  *self,
                         PkMeeting   *meeting,
                         GHashTable  *keep,
                         GError     **error)
{
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) existing = NULL;
  gint64 meeting_id = pk_meeting_get_id (meeting);
  int rc;

  g_return_val_if_fail (PK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (PK_IS_MEETING (meeting), FALSE);

  if (!pk_database_begin (self, error))
    return FALSE;
  pk_meeting_renumber_items (meeting);
  if (!save_items (self, meeting_id, 0, G_LIST_MODEL (pk_meeting_get_items (meeting)), kept, error))
    goto fail;

  /* Rows no longer in the tree go, with what hangs on them (sub-items that moved elsewhere were
   * re-parented above, so the cascade cannot take them). */
  existing = pk_database_prepare (self, "SELECT id FROM agenda_item WHERE meeting_id = ?", error);
  if (existing == NULL)
    goto fail;
  sqlite3_bind_int64 (existing, 1, meeting_id);
  while ((rc = sqlite3_step (existing)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (existing, 0);
      if (!g_hash_table_contains (kept, ID_KEY (id)) &&
          (keep == NULL || !g_hash_table_contains (keep, ID_KEY (id))))
        g_array_append_val (gone, id);
    }
  if (rc != SQLITE_DONE)
    {
      pk_database_set_error (self, rc, error);
      goto fail;
    }
  for (guint i = 0; i < gone->len; i++)
    {
      g_autoptr(sqlite3_stmt) remove = pk_database_prepare (self, "DELETE FROM agenda_item WHERE id = ?", error);

      if (remove == NULL)
        goto fail;
      sqlite3_bind_int64 (remove, 1, g_array_index (gone, gint64, i));
      if (!pk_step_done (self, remove, error))
        goto fail;
    }
  /* "Bilaga N" follows the agenda order. */
  pk_meeting_renumber_attachments (meeting);
  if (!pk_database_renumber_attachments (self, meeting_id, error))
    goto fail;
  return pk_database_commit (self, error);

fail:
  pk_database_rollback (self);
  return FALSE;
}


GPtrArray *
pk_database_get_standard_items (PkDatabase  *self,
                                const char  *body,
                                GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 body_id;
  int rc;

  g_return_val_if_fail (PK_IS_DATABASE (self), NULL);

  if (!pk_database_find_body_id (self, body, FALSE, &body_id, error))
    return NULL;
  if (body_id != 0)
    {
      stmt = pk_database_prepare (self,
                                  "SELECT title, duration_min FROM body_standard_item"
                                  " WHERE body_id = ? ORDER BY position",
                                  error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, body_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          PkAgendaItem *item = pk_agenda_item_new ();

          pk_agenda_item_set_title (item, pk_column_text (stmt, 0));
          pk_agenda_item_set_duration_min (item, column_int_or_none (stmt, 1));
          g_ptr_array_add (items, item);
        }
      if (rc != SQLITE_DONE)
        {
          pk_database_set_error (self, rc, error);
          return NULL;
        }
    }
  if (items->len == 0)
    {
      for (const char * const *title = pk_agenda_default_standard_items (); *title; title++)
        {
          PkAgendaItem *item = pk_agenda_item_new ();
          pk_agenda_item_set_title (item, *title);
          g_ptr_array_add (items, item);
        }
    }
  return g_steal_pointer (&items);
}

gboolean
pk_database_set_standard_items (PkDatabase  *self,
                                const char  *body,
                                GPtrArray   *items,
                                GError     **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;
  gint64 body_id;

  g_return_val_if_fail (PK_IS_DATABASE (self), FALSE);

  if (!pk_database_begin (self, error))
    return FALSE;
  if (!pk_database_find_body_id (self, body, TRUE, &body_id, error))
    goto fail;
  if (body_id == 0)
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_CONSTRAINT,
                   _("Standard items belong to a body; the meeting has none"));
      goto fail;
    }
  clear = pk_database_prepare (self, "DELETE FROM body_standard_item WHERE body_id = ?", error);
  if (clear == NULL)
    goto fail;
  sqlite3_bind_int64 (clear, 1, body_id);
  if (!pk_step_done (self, clear, error))
    goto fail;
  for (guint i = 0; i < items->len; i++)
    {
      PkAgendaItem *item = items->pdata[i];
      g_autoptr(sqlite3_stmt) insert = NULL;

      insert = pk_database_prepare (self,
                                    "INSERT INTO body_standard_item (body_id, position, title, duration_min)"
                                    " VALUES (?, ?, ?, ?)",
                                    error);
      if (insert == NULL)
        goto fail;
      sqlite3_bind_int64 (insert, 1, body_id);
      sqlite3_bind_int (insert, 2, (int) i);
      pk_bind_text (insert, 3, pk_agenda_item_get_title (item) ? pk_agenda_item_get_title (item) : "");
      bind_int_or_null (insert, 4, pk_agenda_item_get_duration_min (item), NONE);
      if (!pk_step_done (self, insert, error))
        goto fail;
    }
  return pk_database_commit (self, error);

fail:
  pk_database_rollback (self);
  return FALSE;
}

gboolean
pk_database_add_standard_items (PkDatabase  *self,
                                PkMeeting   *meeting,
                                GError     **error)
{
  g_autoptr(GPtrArray) items = pk_database_get_standard_items (self, pk_meeting_get_body (meeting), error);

  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    g_list_store_append (pk_meeting_get_items (meeting), items->pdata[i]);
  pk_meeting_renumber_items (meeting);
  return TRUE;
}

static PkAgendaItem *
carry_item (PkAgendaItem *source)
{
  PkAgendaItem *copy = pk_agenda_item_new ();
  GListModel *presenters = G_LIST_MODEL (pk_agenda_item_get_presenters (source));
  GListModel *children = G_LIST_MODEL (pk_agenda_item_get_items (source));

  pk_agenda_item_set_title (copy, pk_agenda_item_get_title (source));
  pk_agenda_item_set_dnr (copy, pk_agenda_item_get_dnr (source));
  pk_agenda_item_set_duration_min (copy, pk_agenda_item_get_duration_min (source));
  pk_agenda_item_set_confidential (copy, pk_agenda_item_get_confidential (source));
  pk_agenda_item_set_deferred_from (copy, pk_agenda_item_get_id (source));
  pk_agenda_item_set_discussion (copy, "");
  for (guint i = 0; i < g_list_model_get_n_items (presenters); i++)
    {
      g_autoptr(PkPerson) presenter = g_list_model_get_item (presenters, i);
      g_autoptr(PkPerson) person = pk_person_new ();

      pk_person_set_id (person, pk_person_get_id (presenter));
      pk_person_set_name (person, pk_person_get_name (presenter));
      pk_person_set_title (person, pk_person_get_title (presenter));
      g_list_store_append (pk_agenda_item_get_presenters (copy), person);
    }
  /* A deferred item's sub-items go with it. */
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(PkAgendaItem) child = g_list_model_get_item (children, i);
      g_autoptr(PkAgendaItem) child_copy = carry_item (child);
      g_list_store_append (pk_agenda_item_get_items (copy), child_copy);
    }
  return copy;
}

/* Deferred items anywhere in the tree, each with its subtree, in reading order. */
static void
collect_deferred (GListModel *items,
                  GPtrArray  *carried)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (items, i);

      if (pk_agenda_item_get_state (item) == PK_ITEM_STATE_DEFERRED)
        g_ptr_array_add (carried, carry_item (item));
      else
        collect_deferred (G_LIST_MODEL (pk_agenda_item_get_items (item)), carried);
    }
}

static void
collect_open_actions (GListModel *items,
                      GListStore *carried)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (items, i);
      GListModel *actions = G_LIST_MODEL (pk_agenda_item_get_actions (item));

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(PkAction) action = g_list_model_get_item (actions, j);
          g_autoptr(PkAction) copy = NULL;

          if (pk_action_get_state (action) != PK_ACTION_STATE_OPEN)
            continue;
          copy = pk_action_new ();
          pk_action_set_text (copy, pk_action_get_text (action));
          pk_action_set_owner (copy, pk_action_get_owner (action));
          pk_action_set_due (copy, pk_action_get_due (action));
          /* The id of the action it continues, kept until the insert links them. */
          pk_action_set_id (copy, pk_action_get_id (action));
          g_list_store_append (carried, copy);
        }
      collect_open_actions (G_LIST_MODEL (pk_agenda_item_get_items (item)), carried);
    }
}

static guint
index_of_title (GListModel *items,
                const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (items, i);
      if (g_strcmp0 (pk_agenda_item_get_title (item), title) == 0)
        return i;
    }
  return G_MAXUINT;
}

gint64
pk_database_create_next_meeting (PkDatabase  *self,
                                 gint64       meeting_id,
                                 GError     **error)
{
  g_autoptr(PkMeeting) source = NULL;
  g_autoptr(PkMeeting) next = pk_meeting_new ();
  g_autoptr(GPtrArray) deferred = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) actions = g_list_store_new (PK_TYPE_ACTION);
  GListStore *items = pk_meeting_get_items (next);
  guint insert_at, n;

  g_return_val_if_fail (PK_IS_DATABASE (self), 0);

  if (!(source = pk_database_load_meeting (self, meeting_id, error)))
    return 0;

  pk_meeting_set_body (next, pk_meeting_get_body (source));
  pk_meeting_set_kind (next, pk_meeting_get_kind (source));
  pk_meeting_set_title (next, pk_meeting_get_title (source));
  pk_meeting_set_place (next, pk_meeting_get_place (source));
  pk_meeting_set_start_time (next, pk_meeting_get_start_time (source));
  pk_meeting_set_end_time (next, pk_meeting_get_end_time (source));
  if (!pk_database_add_standard_items (self, next, error))
    return 0;

  /* Deferred items go before "Övriga frågor" (or at the end, before the closing item). */
  collect_deferred (G_LIST_MODEL (pk_meeting_get_items (source)), deferred);
  n = g_list_model_get_n_items (G_LIST_MODEL (items));
  insert_at = index_of_title (G_LIST_MODEL (items), "Övriga frågor");
  if (insert_at == G_MAXUINT)
    insert_at = index_of_title (G_LIST_MODEL (items), "Mötets avslutande");
  if (insert_at == G_MAXUINT)
    insert_at = n;
  for (guint i = 0; i < deferred->len; i++)
    g_list_store_insert (items, insert_at + i, deferred->pdata[i]);

  /* Open actions are followed up in an item of their own, after the previous minutes. */
  collect_open_actions (G_LIST_MODEL (pk_meeting_get_items (source)), actions);
  if (g_list_model_get_n_items (G_LIST_MODEL (actions)) > 0)
    {
      g_autoptr(PkAgendaItem) follow_up = pk_agenda_item_new ();
      guint after = index_of_title (G_LIST_MODEL (items), "Föregående protokoll");

      pk_agenda_item_set_title (follow_up, "Uppföljning av uppdrag");
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (actions)); i++)
        {
          g_autoptr(PkAction) action = g_list_model_get_item (G_LIST_MODEL (actions), i);
          g_list_store_append (pk_agenda_item_get_actions (follow_up), action);
        }
      g_list_store_insert (items, after == G_MAXUINT ? MIN (2u, g_list_model_get_n_items (G_LIST_MODEL (items)))
                                                     : after + 1,
                           follow_up);
    }

  if (!pk_database_begin (self, error))
    return 0;
  {
    /* insert_meeting sets the actions' ids to their new rows: remember what each continues. */
    g_autoptr(GArray) from = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (actions)); i++)
      {
        PkAction *action = g_list_model_get_item (G_LIST_MODEL (actions), i);
        gint64 id = pk_action_get_id (action);

        g_array_append_val (from, id);
        g_ptr_array_add (copies, action);
        pk_action_set_id (action, 0);
      }
    if (pk_database_insert_meeting (self, next, error) == 0)
      goto fail;
    for (guint i = 0; i < copies->len; i++)
      {
        g_autoptr(sqlite3_stmt) link = pk_database_prepare (self, "UPDATE action SET carried_from = ? WHERE id = ?",
                                                            error);
        if (link == NULL)
          goto fail;
        sqlite3_bind_int64 (link, 1, g_array_index (from, gint64, i));
        sqlite3_bind_int64 (link, 2, pk_action_get_id (copies->pdata[i]));
        if (!pk_step_done (self, link, error))
          goto fail;
      }
  }
  if (!pk_database_commit (self, error))
    return 0;
  return pk_meeting_get_id (next);

fail:
  pk_database_rollback (self);
  return 0;
}

gboolean
pk_database_save_attendance (PkDatabase  *self,
                             PkMeeting   *meeting,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;

  g_return_val_if_fail (PK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (PK_IS_MEETING (meeting), FALSE);

  /* The roster is small and nothing refers to its rows: written whole, in one transaction. */
  if (!pk_database_begin (self, error))
    return FALSE;
  clear = pk_database_prepare (self, "DELETE FROM attendance WHERE meeting_id = ?", error);
  if (clear == NULL)
    goto fail;
  sqlite3_bind_int64 (clear, 1, pk_meeting_get_id (meeting));
  if (!pk_step_done (self, clear, error))
    goto fail;
  pk_meeting_renumber_items (meeting);
  if (!insert_attendees (self, meeting, error))
    goto fail;
  return pk_database_commit (self, error);

fail:
  pk_database_rollback (self);
  return FALSE;
}

/* One item's minutes: the discussion, the state, the decisions (written anew, with their
 * statements) and the actions (updated by id, so carried-over copies stay linked). */
static gboolean
save_item_minutes (PkDatabase    *self,
                   PkAgendaItem  *item,
                   GError       **error)
{
  gint64 item_id = pk_agenda_item_get_id (item);
  GListModel *actions = G_LIST_MODEL (pk_agenda_item_get_actions (item));
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) existing = NULL;
  int rc;

  update = pk_database_prepare (self, "UPDATE agenda_item SET discussion = ?2, state = ?3 WHERE id = ?1", error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, item_id);
  pk_bind_text (update, 2, pk_agenda_item_get_discussion (item) ? pk_agenda_item_get_discussion (item) : "");
  pk_bind_text (update, 3, pk_enum_to_nick (PK_TYPE_ITEM_STATE, pk_agenda_item_get_state (item)));
  if (!pk_step_done (self, update, error))
    return FALSE;
  if (sqlite3_changes (pk_database_get_handle (self)) == 0)
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_FOUND, _("The agenda item is not stored yet"));
      return FALSE;
    }

  clear = pk_database_prepare (self, "DELETE FROM decision WHERE item_id = ?", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, item_id);
  if (!pk_step_done (self, clear, error) || !insert_decisions (self, item, error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(PkAction) action = g_list_model_get_item (actions, i);

      if (!write_action (self, item_id, i, action, error))
        return FALSE;
      g_hash_table_add (kept, ID_KEY (pk_action_get_id (action)));
    }
  existing = pk_database_prepare (self, "SELECT id FROM action WHERE item_id = ?", error);
  if (existing == NULL)
    return FALSE;
  sqlite3_bind_int64 (existing, 1, item_id);
  while ((rc = sqlite3_step (existing)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (existing, 0);
      if (!g_hash_table_contains (kept, ID_KEY (id)))
        g_array_append_val (gone, id);
    }
  if (rc != SQLITE_DONE)
    return pk_database_set_error (self, rc, error);
  for (guint i = 0; i < gone->len; i++)
    {
      g_autoptr(sqlite3_stmt) remove = pk_database_prepare (self, "DELETE FROM action WHERE id = ?", error);

      if (remove == NULL)
        return FALSE;
      sqlite3_bind_int64 (remove, 1, g_array_index (gone, gint64, i));
      if (!pk_step_done (self, remove, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
pk_database_save_minutes (PkDatabase  *self,
                          GPtrArray   *items,
                          GError     **error)
{
  g_return_val_if_fail (PK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (items != NULL, FALSE);

  if (!pk_database_begin (self, error))
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    if (!save_item_minutes (self, g_ptr_array_index (items, i), error))
      {
        pk_database_rollback (self);
        return FALSE;
      }
  return pk_database_commit (self, error);
}
