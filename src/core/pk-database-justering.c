/* pk-database-justering.c: PkDatabase methods for justering: sign-offs, § numbers, the content
 * hash, rättelse, and verifying stored versions and exported files. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pk-agenda-item.h"
#include "pk-attendance.h"
#include "pk-database-private.h"
#include "pk-meeting-json.h"
#include "pk-signoff.h"
#include "pk-util.h"

static gboolean
exec_bound (PkDatabase  *self,
            const char  *sql,
            gint64       a,
            gint64       b,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = pk_database_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  return pk_step_done (self, stmt, error);
}

/* Sekreterare, ordförande, and every justerare the roster names (or any one if it names none). */
static gboolean
signoffs_complete (PkMeeting *meeting)
{
  GListModel *signoffs = G_LIST_MODEL (pk_meeting_get_signoffs (meeting));
  GListModel *attendees = G_LIST_MODEL (pk_meeting_get_attendees (meeting));
  gboolean secretary = FALSE, chair = FALSE, any_approver = FALSE, named_approvers = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (signoffs); i++)
    {
      g_autoptr(PkSignoff) signoff = g_list_model_get_item (signoffs, i);

      secretary |= pk_signoff_get_role (signoff) == PK_ROLE_SEKRETERARE;
      chair |= pk_signoff_get_role (signoff) == PK_ROLE_ORDFORANDE;
      any_approver |= pk_signoff_get_role (signoff) == PK_ROLE_JUSTERARE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(PkAttendance) attendance = g_list_model_get_item (attendees, i);
      gboolean signed_it = FALSE;

      if (pk_attendance_get_role (attendance) != PK_ROLE_JUSTERARE)
        continue;
      named_approvers = TRUE;
      for (guint j = 0; j < g_list_model_get_n_items (signoffs); j++)
        {
          g_autoptr(PkSignoff) signoff = g_list_model_get_item (signoffs, j);
          signed_it |= pk_signoff_get_role (signoff) == PK_ROLE_JUSTERARE &&
                       g_strcmp0 (pk_signoff_get_name (signoff), pk_attendance_get_name (attendance)) == 0;
        }
      if (!signed_it)
        return FALSE;
    }
  return secretary && chair && (named_approvers || any_approver);
}

/* § numbers run per body per calendar year, on from the body's last justerat meeting that year;
 * sub-items share their parent's §. */
static gboolean
assign_paragraphs (PkDatabase  *self,
                   PkMeeting   *meeting,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) last = NULL;
  g_autofree char *year = g_strndup (pk_meeting_get_date (meeting) ? pk_meeting_get_date (meeting) : "", 4);
  GListModel *items = G_LIST_MODEL (pk_meeting_get_items (meeting));
  int next = 1;
  int rc;

  last = pk_database_prepare (self,
                              "SELECT max (i.paragraph) FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id"
                              " WHERE m.status = 'justerat' AND m.id <> ?1"
                              "   AND m.body_id IS (SELECT body_id FROM meeting WHERE id = ?1)"
                              "   AND substr (m.date, 1, 4) = ?2",
                              error);
  if (last == NULL)
    return FALSE;
  sqlite3_bind_int64 (last, 1, pk_meeting_get_id (meeting));
  pk_bind_text (last, 2, year);
  rc = sqlite3_step (last);
  if (rc != SQLITE_ROW)
    return pk_database_set_error (self, rc, error);
  if (sqlite3_column_type (last, 0) != SQLITE_NULL)
    next = sqlite3_column_int (last, 0) + 1;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (items, i);
      int paragraph = next + (int) i;

      if (!exec_bound (self, "UPDATE agenda_item SET paragraph = ?2 WHERE id = ?1",
                       pk_agenda_item_get_id (item), paragraph, error))
        return FALSE;
      /* Every sub-item, however deep, under the top item's §. */
      if (!exec_bound (self,
                       "WITH RECURSIVE sub (id) AS (SELECT id FROM agenda_item WHERE parent_id = ?1"
                       " UNION ALL SELECT a.id FROM agenda_item a JOIN sub ON a.parent_id = sub.id)"
                       " UPDATE agenda_item SET paragraph = ?2 WHERE id IN (SELECT id FROM sub)",
                       pk_agenda_item_get_id (item), paragraph, error))
        return FALSE;
    }
  return TRUE;
}

static char *
sha256_hex (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

gboolean
pk_database_sign (PkDatabase  *self,
                  gint64       meeting_id,
                  PkRole       role,
                  const char  *name,
                  const char  *place,
                  gboolean    *justerat,
                  GError     **error)
{
  g_autoptr(PkMeeting) meeting = NULL;
  g_autoptr(PkMeeting) signed_meeting = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *at = g_date_time_format_iso8601 (now);

  g_return_val_if_fail (PK_IS_DATABASE (self), FALSE);

  *justerat = FALSE;
  if (role != PK_ROLE_SEKRETERARE && role != PK_ROLE_ORDFORANDE && role != PK_ROLE_JUSTERARE)
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_CONSTRAINT,
                   _("Only the secretary, the chair and the approvers sign the minutes"));
      return FALSE;
    }
  if (pk_str_or_null (name) == NULL)
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_CONSTRAINT, _("A sign-off needs a name"));
      return FALSE;
    }
  if (!pk_database_begin (self, error))
    return FALSE;
  if (!(meeting = pk_database_load_meeting (self, meeting_id, error)))
    goto fail;
  if (pk_meeting_get_kind (meeting) != PK_MEETING_KIND_PROTOKOLL)
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_CONSTRAINT,
                   _("Meeting notes are not signed off; only a protokoll is"));
      goto fail;
    }
  if (pk_meeting_get_status (meeting) == PK_MEETING_STATUS_JUSTERAT)
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_JUSTERAT,
                   _("The minutes are already approved; make a correction to change them"));
      goto fail;
    }

  insert = pk_database_prepare (self,
                                "INSERT INTO signoff (meeting_id, version, position, role, name, signed_at, place)"
                                " VALUES (?1, ?2, (SELECT count(*) FROM signoff WHERE meeting_id = ?1 AND version = ?2),"
                                " ?3, ?4, ?5, ?6)",
                                error);
  if (insert == NULL)
    goto fail;
  sqlite3_bind_int64 (insert, 1, meeting_id);
  sqlite3_bind_int (insert, 2, pk_meeting_get_version (meeting));
  pk_bind_text (insert, 3, pk_enum_to_nick (PK_TYPE_ROLE, role));
  pk_bind_text (insert, 4, name);
  pk_bind_text (insert, 5, at);
  pk_bind_text (insert, 6, place);
  if (!pk_step_done (self, insert, error))
    goto fail;
  /* Signed, not yet justerat: sent for approval. */
  if (!exec_bound (self, "UPDATE meeting SET status = 'pending' WHERE id = ?1 AND ?2 = ?2", meeting_id, 0, error))
    goto fail;

  g_clear_object (&meeting);
  if (!(meeting = pk_database_load_meeting (self, meeting_id, error)))
    goto fail;
  if (signoffs_complete (meeting))
    {
      g_autofree char *canonical = NULL;
      g_autofree char *sha256 = NULL;
      g_autoptr(sqlite3_stmt) version = NULL;
      g_autoptr(sqlite3_stmt) lock = NULL;

      if (!assign_paragraphs (self, meeting, error))
        goto fail;
      if (!(signed_meeting = pk_database_load_meeting (self, meeting_id, error)))
        goto fail;
      canonical = pk_meeting_canonical_json (signed_meeting);
      sha256 = sha256_hex (canonical);
      version = pk_database_prepare (self,
                                     "INSERT INTO protocol_version (meeting_id, version, content_sha256,"
                                     " canonical_content, reason) VALUES (?1, ?2, ?3, ?4,"
                                     " (SELECT reason FROM correction WHERE meeting_id = ?1 AND version = ?2))",
                                     error);
      if (version == NULL)
        goto fail;
      sqlite3_bind_int64 (version, 1, meeting_id);
      sqlite3_bind_int (version, 2, pk_meeting_get_version (signed_meeting));
      pk_bind_text (version, 3, sha256);
      pk_bind_text (version, 4, canonical);
      if (!pk_step_done (self, version, error))
        goto fail;
      lock = pk_database_prepare (self, "UPDATE meeting SET status = 'justerat', content_sha256 = ? WHERE id = ?",
                                  error);
      if (lock == NULL)
        goto fail;
      pk_bind_text (lock, 1, sha256);
      sqlite3_bind_int64 (lock, 2, meeting_id);
      if (!pk_step_done (self, lock, error))
        goto fail;
      *justerat = TRUE;
    }
  return pk_database_commit (self, error);

fail:
  pk_database_rollback (self);
  return FALSE;
}

gboolean
pk_database_correct (PkDatabase  *self,
                     gint64       meeting_id,
                     const char  *reason,
                     GError     **error)
{
  g_autoptr(PkMeeting) meeting = NULL;
  g_autoptr(sqlite3_stmt) note = NULL;

  g_return_val_if_fail (PK_IS_DATABASE (self), FALSE);

  if (pk_str_or_null (reason) == NULL)
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_CONSTRAINT, _("A correction needs a reason"));
      return FALSE;
    }
  if (!pk_database_begin (self, error))
    return FALSE;
  if (!(meeting = pk_database_load_meeting (self, meeting_id, error)))
    goto fail;
  if (pk_meeting_get_status (meeting) != PK_MEETING_STATUS_JUSTERAT)
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_CONSTRAINT,
                   _("Only approved minutes are corrected; these can still be edited"));
      goto fail;
    }
  /* The one change the lock allows: the next version, open for editing and new sign-offs. */
  if (!exec_bound (self, "UPDATE meeting SET status = 'held', version = version + 1, content_sha256 = NULL"
                         " WHERE id = ?1 AND ?2 = ?2", meeting_id, 0, error))
    goto fail;
  note = pk_database_prepare (self, "INSERT INTO correction (meeting_id, version, reason) VALUES (?, ?, ?)", error);
  if (note == NULL)
    goto fail;
  sqlite3_bind_int64 (note, 1, meeting_id);
  sqlite3_bind_int (note, 2, pk_meeting_get_version (meeting) + 1);
  pk_bind_text (note, 3, reason);
  if (!pk_step_done (self, note, error))
    goto fail;
  return pk_database_commit (self, error);

fail:
  pk_database_rollback (self);
  return FALSE;
}

gboolean
pk_database_verify_meeting (PkDatabase  *self,
                            gint64       meeting_id,
                            char       **sha256_out,
                            GError     **error)
{
  g_autoptr(PkMeeting) meeting = pk_database_load_meeting (self, meeting_id, error);
  g_autoptr(sqlite3_stmt) versions = NULL;
  guint n_versions = 0;
  int rc;

  if (meeting == NULL)
    return FALSE;
  /* Every stored version still hashes to what was recorded when it was signed. */
  versions = pk_database_prepare (self, "SELECT version, content_sha256, canonical_content FROM protocol_version"
                                        " WHERE meeting_id = ? ORDER BY version", error);
  if (versions == NULL)
    return FALSE;
  sqlite3_bind_int64 (versions, 1, meeting_id);
  while ((rc = sqlite3_step (versions)) == SQLITE_ROW)
    {
      g_autofree char *sha256 = sha256_hex (pk_column_text (versions, 2));

      n_versions++;
      if (g_strcmp0 (sha256, pk_column_text (versions, 1)) != 0)
        {
          g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_MISMATCH,
                       _("Version %d of the minutes no longer matches its recorded checksum"),
                       sqlite3_column_int (versions, 0));
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    return pk_database_set_error (self, rc, error);

  if (pk_meeting_get_status (meeting) == PK_MEETING_STATUS_JUSTERAT)
    {
      g_autofree char *canonical = pk_meeting_canonical_json (meeting);
      g_autofree char *sha256 = sha256_hex (canonical);

      if (g_strcmp0 (sha256, pk_meeting_get_content_sha256 (meeting)) != 0)
        {
          g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_MISMATCH,
                       _("The approved minutes no longer match their checksum %s"),
                       pk_meeting_get_content_sha256 (meeting));
          return FALSE;
        }
      if (sha256_out != NULL)
        *sha256_out = g_steal_pointer (&sha256);
      return TRUE;
    }
  if (n_versions == 0)
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_CONSTRAINT,
                   _("These minutes have not been approved, so there is nothing to verify yet"));
      return FALSE;
    }
  /* Under correction: the signed versions verified above are what there is. */
  if (sha256_out != NULL)
    *sha256_out = NULL;
  return TRUE;
}

static char *
file_sha256 (const char  *path,
             GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  guint8 buffer[65536];
  gssize n;

  if (stream == NULL)
    return NULL;
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

gboolean
pk_database_record_export (PkDatabase  *self,
                           gint64       meeting_id,
                           int          version,
                           const char  *kind,
                           const char  *path,
                           GError     **error)
{
  g_autofree char *sha256 = file_sha256 (path, error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sha256 == NULL)
    return FALSE;
  stmt = pk_database_prepare (self, "INSERT OR IGNORE INTO pdf_export (sha256, meeting_id, version, kind)"
                                    " VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  pk_bind_text (stmt, 1, sha256);
  sqlite3_bind_int64 (stmt, 2, meeting_id);
  sqlite3_bind_int (stmt, 3, version);
  pk_bind_text (stmt, 4, kind);
  return pk_step_done (self, stmt, error);
}

gboolean
pk_database_verify_file (PkDatabase  *self,
                         const char  *path,
                         gint64      *meeting_id,
                         int         *version,
                         char       **kind,
                         GError     **error)
{
  g_autofree char *sha256 = file_sha256 (path, error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (sha256 == NULL)
    return FALSE;
  stmt = pk_database_prepare (self, "SELECT meeting_id, version, kind FROM pdf_export WHERE sha256 = ?", error);
  if (stmt == NULL)
    return FALSE;
  pk_bind_text (stmt, 1, sha256);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *meeting_id = sqlite3_column_int64 (stmt, 0);
      *version = sqlite3_column_int (stmt, 1);
      *kind = g_strdup (pk_column_text (stmt, 2));
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return pk_database_set_error (self, rc, error);
  g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_MISMATCH,
               _("“%s” is not a PDF this database exported, or it has been changed since"), path);
  return FALSE;
}
