/* pk-database-roster.c: PkDatabase methods for the registers (people, bodies, memberships) and a
 * meeting's roster. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pk-attendance.h"
#include "pk-database-private.h"
#include "pk-membership.h"
#include "pk-person.h"
#include "pk-roster.h"
#include "pk-util.h"




GListStore *
pk_database_find_people (PkDatabase  *self,
                         const char  *text,
                         GError     **error)
{
  g_autoptr(GListStore) people = g_list_store_new (PK_TYPE_PERSON);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *pattern = NULL;
  int rc;

  g_return_val_if_fail (PK_IS_DATABASE (self), NULL);

  /* Case-insensitive for Swedish letters too: SQLite's LIKE folds only ASCII. */
  pattern = g_strdup_printf ("%%%s%%", text != NULL ? text : "");
  stmt = pk_database_prepare (self,
                              "SELECT id, name, title, organisation, email FROM person"
                              " WHERE name LIKE ?1 OR organisation LIKE ?1 OR lower (name) LIKE lower (?1)"
                              " ORDER BY name COLLATE NOCASE, organisation LIMIT 200",
                              error);
  if (stmt == NULL)
    return NULL;
  pk_bind_text (stmt, 1, pattern);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PkPerson) person = pk_person_new ();

      pk_person_set_id (person, sqlite3_column_int64 (stmt, 0));
      pk_person_set_name (person, pk_column_text (stmt, 1));
      pk_person_set_title (person, pk_column_text (stmt, 2));
      pk_person_set_organisation (person, pk_column_text (stmt, 3));
      pk_person_set_email (person, pk_column_text (stmt, 4));
      g_list_store_append (people, person);
    }
  if (rc != SQLITE_DONE)
    {
      pk_database_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&people);
}

gint64
pk_database_find_same_person (PkDatabase  *self,
                              const char  *name,
                              const char  *organisation,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = pk_database_prepare (self,
                              "SELECT id FROM person WHERE name = ?1 AND organisation IS ?2 LIMIT 1",
                              error);
  if (stmt == NULL)
    return -1;
  pk_bind_text (stmt, 1, name);
  pk_bind_text (stmt, 2, organisation);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      pk_database_set_error (self, rc, error);
      return -1;
    }
  return 0;
}

gboolean
pk_database_find_body_id (PkDatabase  *self,
                          const char  *body,
                          gboolean     create,
                          gint64      *body_id,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  int rc;

  *body_id = 0;
  if (pk_str_or_null (body) == NULL)
    return TRUE;
  if (!(find = pk_database_prepare (self, "SELECT id FROM body WHERE name = ?", error)))
    return FALSE;
  pk_bind_text (find, 1, body);
  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    {
      *body_id = sqlite3_column_int64 (find, 0);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return pk_database_set_error (self, rc, error);
  if (create)
    {
      g_autoptr(sqlite3_stmt) insert = pk_database_prepare (self, "INSERT INTO body (name) VALUES (?)", error);
      if (insert == NULL)
        return FALSE;
      pk_bind_text (insert, 1, body);
      if (!pk_step_done (self, insert, error))
        return FALSE;
      *body_id = sqlite3_last_insert_rowid (pk_database_get_handle (self));
    }
  return TRUE;
}

gint64
pk_database_add_membership (PkDatabase    *self,
                            PkMembership  *membership,
                            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 body_id, person_id;
  const char *role = pk_enum_to_nick (PK_TYPE_ROLE, pk_membership_get_role (membership));

  g_return_val_if_fail (PK_IS_DATABASE (self), 0);

  if (pk_str_or_null (pk_membership_get_body (membership)) == NULL ||
      pk_str_or_null (pk_membership_get_name (membership)) == NULL)
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_CONSTRAINT,
                   _("A membership needs a body and a name"));
      return 0;
    }
  if (!pk_database_begin (self, error))
    return 0;
  if (!pk_database_find_body_id (self, pk_membership_get_body (membership), TRUE, &body_id, error))
    goto fail;
  person_id = pk_membership_get_person_id (membership);
  if (person_id == 0)
    {
      person_id = pk_database_find_same_person (self, pk_membership_get_name (membership),
                                                pk_membership_get_organisation (membership), error);
      if (person_id < 0)
        goto fail;
    }
  if (person_id == 0)
    {
      g_autoptr(sqlite3_stmt) insert = pk_database_prepare (self,
                                                            "INSERT INTO person (name, organisation, title)"
                                                            " VALUES (?, ?, ?)",
                                                            error);
      if (insert == NULL)
        goto fail;
      pk_bind_text (insert, 1, pk_membership_get_name (membership));
      pk_bind_text (insert, 2, pk_membership_get_organisation (membership));
      pk_bind_text (insert, 3, pk_membership_get_title (membership));
      if (!pk_step_done (self, insert, error))
        goto fail;
      person_id = sqlite3_last_insert_rowid (pk_database_get_handle (self));
    }
  stmt = pk_database_prepare (self,
                              "INSERT INTO membership (body_id, person_id, role, from_date, to_date)"
                              " VALUES (?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, body_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  pk_bind_text (stmt, 3, role);
  pk_bind_text (stmt, 4, pk_membership_get_from_date (membership));
  pk_bind_text (stmt, 5, pk_membership_get_to_date (membership));
  if (!pk_step_done (self, stmt, error))
    goto fail;
  pk_membership_set_id (membership, sqlite3_last_insert_rowid (pk_database_get_handle (self)));
  pk_membership_set_person_id (membership, person_id);
  if (!pk_database_commit (self, error))
    return 0;
  return pk_membership_get_id (membership);

fail:
  pk_database_rollback (self);
  return 0;
}

gboolean
pk_database_end_membership (PkDatabase  *self,
                            gint64       membership_id,
                            const char  *to_date,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = pk_database_prepare (self, "UPDATE membership SET to_date = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  pk_bind_text (stmt, 1, to_date);
  sqlite3_bind_int64 (stmt, 2, membership_id);
  return pk_step_done (self, stmt, error);
}

/* Members on @date (NULL: all), chair first, then vice chair, members, substitutes, secretary. */
GListStore *
pk_database_list_memberships (PkDatabase  *self,
                              const char  *body,
                              const char  *date,
                              GError     **error)
{
  g_autoptr(GListStore) memberships = g_list_store_new (PK_TYPE_MEMBERSHIP);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PK_IS_DATABASE (self), NULL);

  stmt = pk_database_prepare (self,
                              "SELECT m.id, p.id, p.name, p.organisation, p.title, m.role, m.from_date, m.to_date"
                              " FROM membership m JOIN body b ON b.id = m.body_id JOIN person p ON p.id = m.person_id"
                              " WHERE b.name = ?1"
                              "   AND (?2 IS NULL OR ((m.from_date IS NULL OR m.from_date <= ?2)"
                              "                   AND (m.to_date IS NULL OR m.to_date >= ?2)))"
                              " ORDER BY CASE m.role WHEN 'ordforande' THEN 0 WHEN 'vice_ordforande' THEN 1"
                              "   WHEN 'ledamot' THEN 2 WHEN 'ersattare' THEN 3 WHEN 'sekreterare' THEN 4 ELSE 5 END,"
                              "   m.id",
                              error);
  if (stmt == NULL)
    return NULL;
  pk_bind_text (stmt, 1, body);
  pk_bind_text (stmt, 2, date);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PkMembership) membership = pk_membership_new ();
      int role = PK_ROLE_LEDAMOT;

      pk_membership_set_id (membership, sqlite3_column_int64 (stmt, 0));
      pk_membership_set_person_id (membership, sqlite3_column_int64 (stmt, 1));
      pk_membership_set_body (membership, body);
      pk_membership_set_name (membership, pk_column_text (stmt, 2));
      pk_membership_set_organisation (membership, pk_column_text (stmt, 3));
      pk_membership_set_title (membership, pk_column_text (stmt, 4));
      pk_enum_from_nick (PK_TYPE_ROLE, pk_column_text (stmt, 5), &role);
      pk_membership_set_role (membership, role);
      pk_membership_set_from_date (membership, pk_column_text (stmt, 6));
      pk_membership_set_to_date (membership, pk_column_text (stmt, 7));
      g_list_store_append (memberships, membership);
    }
  if (rc != SQLITE_DONE)
    {
      pk_database_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&memberships);
}

guint
pk_database_prefill_attendance (PkDatabase  *self,
                                PkMeeting   *meeting,
                                GError     **error)
{
  g_autoptr(GListStore) members = NULL;
  GListStore *attendees = pk_meeting_get_attendees (meeting);
  guint added = 0;

  if (pk_meeting_get_body (meeting) == NULL)
    return 0;
  members = pk_database_list_memberships (self, pk_meeting_get_body (meeting), pk_meeting_get_date (meeting), error);
  if (members == NULL)
    {
      if (error != NULL && *error != NULL)
        return G_MAXUINT;
      return 0;
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (members)); i++)
    {
      g_autoptr(PkMembership) membership = g_list_model_get_item (G_LIST_MODEL (members), i);
      g_autoptr(PkAttendance) attendance = NULL;
      gboolean listed = FALSE;
      PkRole role = pk_membership_get_role (membership);

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (attendees)) && !listed; j++)
        {
          g_autoptr(PkAttendance) present = g_list_model_get_item (G_LIST_MODEL (attendees), j);
          listed = (pk_attendance_get_person_id (present) != 0 &&
                    pk_attendance_get_person_id (present) == pk_membership_get_person_id (membership)) ||
                   g_strcmp0 (pk_attendance_get_name (present), pk_membership_get_name (membership)) == 0;
        }
      if (listed)
        continue;
      attendance = pk_attendance_new ();
      pk_attendance_set_person_id (attendance, pk_membership_get_person_id (membership));
      pk_attendance_set_name (attendance, pk_membership_get_name (membership));
      pk_attendance_set_organisation (attendance, pk_membership_get_organisation (membership));
      pk_attendance_set_title (attendance, pk_membership_get_title (membership));
      pk_attendance_set_role (attendance, role);
      /* Members start as present, to be marked absent; substitutes start absent, to be called in. */
      pk_attendance_set_present (attendance, role != PK_ROLE_ERSATTARE && role != PK_ROLE_ADJUNGERAD);
      g_list_store_append (attendees, attendance);
      added++;
    }
  return added;
}

/* The seats that vote under the body's rule; FALSE (and no error) when the body keeps no roster. */
gboolean
pk_database_get_quorum_requirement (PkDatabase  *self,
                                    PkMeeting   *meeting,
                                    int         *required,
                                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) members = NULL;
  g_autofree char *rule = NULL;
  int count = 0, voting = 0;
  int rc;

  *required = 0;
  if (pk_meeting_get_kind (meeting) != PK_MEETING_KIND_PROTOKOLL || pk_meeting_get_body (meeting) == NULL)
    return FALSE;
  stmt = pk_database_prepare (self, "SELECT quorum_rule, quorum_count FROM body WHERE name = ?", error);
  if (stmt == NULL)
    return FALSE;
  pk_bind_text (stmt, 1, pk_meeting_get_body (meeting));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        pk_database_set_error (self, rc, error);
      return FALSE;
    }
  rule = g_strdup (pk_column_text (stmt, 0));
  count = sqlite3_column_int (stmt, 1);
  members = pk_database_list_memberships (self, pk_meeting_get_body (meeting), pk_meeting_get_date (meeting), error);
  if (members == NULL || g_list_model_get_n_items (G_LIST_MODEL (members)) == 0)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (members)); i++)
    {
      g_autoptr(PkMembership) membership = g_list_model_get_item (G_LIST_MODEL (members), i);
      PkRole role = pk_membership_get_role (membership);
      voting += role == PK_ROLE_ORDFORANDE || role == PK_ROLE_VICE_ORDFORANDE || role == PK_ROLE_LEDAMOT;
    }
  if (g_strcmp0 (rule, "none") == 0)
    return FALSE;
  /* "More than half of the members" (KL 6 kap 54 §), unless the body has a number of its own. */
  *required = g_strcmp0 (rule, "count") == 0 && count > 0 ? count : voting / 2 + 1;
  return TRUE;
}

gboolean
pk_database_compute_quorum (PkDatabase  *self,
                            PkMeeting   *meeting,
                            PkQuorum    *quorum,
                            GError     **error)
{
  int required;

  if (!pk_database_get_quorum_requirement (self, meeting, &required, error))
    return FALSE;
  pk_quorum_compute (meeting, required, NULL, quorum);
  return TRUE;
}

gboolean
pk_database_get_body_quorum (PkDatabase  *self,
                             const char  *body,
                             char       **rule,
                             int         *count,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = pk_database_prepare (self, "SELECT quorum_rule, quorum_count FROM body WHERE name = ?",
                                                      error);
  int rc;

  *rule = NULL;
  *count = 0;
  if (stmt == NULL)
    return FALSE;
  pk_bind_text (stmt, 1, body);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *rule = g_strdup (pk_column_text (stmt, 0));
      *count = sqlite3_column_int (stmt, 1);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return pk_database_set_error (self, rc, error);
  g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_FOUND, _("There is no body called “%s”"), body);
  return FALSE;
}

gboolean
pk_database_set_body_quorum (PkDatabase  *self,
                             const char  *body,
                             const char  *rule,
                             int          count,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 body_id;

  if (!pk_database_find_body_id (self, body, TRUE, &body_id, error))
    return FALSE;
  stmt = pk_database_prepare (self, "UPDATE body SET quorum_rule = ?, quorum_count = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  pk_bind_text (stmt, 1, rule);
  if (count > 0)
    sqlite3_bind_int (stmt, 2, count);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_int64 (stmt, 3, body_id);
  return pk_step_done (self, stmt, error);
}
