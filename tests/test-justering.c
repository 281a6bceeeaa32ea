/* test-justering.c: sign-off, § numbering, the lock, the content hash, rättelse and verification. */
#include "config.h"

#include <glib/gstdio.h>

#include "pk-test-util.h"
#include "protokoll-core.h"

typedef struct
{
  char *dir;
  char *path;
  PkDatabase *db;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = pk_test_dir_new ();
  fixture->path = g_build_filename (fixture->dir, "justering.db", NULL);
  fixture->db = pk_database_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->db);
  pk_test_dir_free (fixture->dir);
  g_free (fixture->path);
}

static gint64
add_meeting (Fixture    *fixture,
             const char *body,
             const char *date,
             guint       n_items)
{
  g_autoptr(PkMeeting) meeting = pk_meeting_new ();
  g_autoptr(PkAttendance) approver = pk_attendance_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  pk_meeting_set_body (meeting, body);
  pk_meeting_set_title (meeting, "Sammanträde");
  pk_meeting_set_date (meeting, date);
  pk_meeting_set_status (meeting, PK_MEETING_STATUS_HELD);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PkAgendaItem) item = pk_agenda_item_new ();
      g_autofree char *title = g_strdup_printf ("Ärende %u", i + 1);

      pk_agenda_item_set_title (item, title);
      pk_agenda_item_set_discussion (item, "Förvaltningen redogör för ärendet.");
      if (i == 1)
        {
          g_autoptr(PkAgendaItem) sub = pk_agenda_item_new ();
          g_autoptr(PkDecision) decision = pk_decision_new ();

          pk_agenda_item_set_title (sub, "Underpunkt");
          g_list_store_append (pk_agenda_item_get_items (item), sub);
          pk_decision_set_text (decision, "Informationen noteras.");
          g_list_store_append (pk_agenda_item_get_decisions (item), decision);
        }
      g_list_store_append (pk_meeting_get_items (meeting), item);
    }
  pk_attendance_set_name (approver, "Ewa Ekman");
  pk_attendance_set_role (approver, PK_ROLE_JUSTERARE);
  g_list_store_append (pk_meeting_get_attendees (meeting), approver);
  id = pk_database_insert_meeting (fixture->db, meeting, &error);
  g_assert_no_error (error);
  return id;
}

static void
sign (Fixture    *fixture,
      gint64      id,
      PkRole      role,
      const char *name,
      gboolean    expect_justerat)
{
  g_autoptr(GError) error = NULL;
  gboolean justerat = !expect_justerat;

  g_assert_true (pk_database_sign (fixture->db, id, role, name, "Växjö", &justerat, &error));
  g_assert_no_error (error);
  g_assert_cmpint (justerat, ==, expect_justerat);
}

static void
sign_all (Fixture *fixture,
          gint64   id)
{
  sign (fixture, id, PK_ROLE_SEKRETERARE, "Jenny Folkesson", FALSE);
  sign (fixture, id, PK_ROLE_ORDFORANDE, "Annika Magnerot", FALSE);
  sign (fixture, id, PK_ROLE_JUSTERARE, "Ewa Ekman", TRUE);
}

static char *
paragraphs (Fixture *fixture,
            gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat (paragraph, ',') FROM (SELECT paragraph FROM"
                                          " agenda_item WHERE meeting_id = %" G_GINT64_FORMAT
                                          " ORDER BY parent_id IS NOT NULL, position)", id);
  return pk_test_sql_text (fixture->path, sql);
}

static void
test_numbering (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 first = add_meeting (fixture, "Kommunstyrelsen", "2026-03-10", 3);
  gint64 second = add_meeting (fixture, "Kommunstyrelsen", "2026-05-12", 2);
  gint64 next_year = add_meeting (fixture, "Kommunstyrelsen", "2027-01-20", 2);
  gint64 other_body = add_meeting (fixture, "Socialnämnden", "2026-05-12", 2);
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  sign_all (fixture, first);
  sign_all (fixture, second);
  sign_all (fixture, next_year);
  sign_all (fixture, other_body);
  /* 3 items (the second with a sub-item sharing its §), then on from 4; a new year and another
   * body start at 1. */
  a = paragraphs (fixture, first);
  b = paragraphs (fixture, second);
  c = paragraphs (fixture, next_year);
  d = paragraphs (fixture, other_body);
  g_assert_cmpstr (a, ==, "1,2,3,2");
  g_assert_cmpstr (b, ==, "4,5,5");
  g_assert_cmpstr (c, ==, "1,2,2");
  g_assert_cmpstr (d, ==, "1,2,2");
}

static void
test_signoffs_required (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 id = add_meeting (fixture, "Kommunstyrelsen", "2026-03-10", 2);
  g_autoptr(GError) error = NULL;
  gboolean justerat;

  /* The approver chosen in the roster must sign; another name does not do. */
  sign (fixture, id, PK_ROLE_SEKRETERARE, "Jenny Folkesson", FALSE);
  sign (fixture, id, PK_ROLE_JUSTERARE, "Per Sandberg", FALSE);
  sign (fixture, id, PK_ROLE_ORDFORANDE, "Annika Magnerot", FALSE);
  g_assert_cmpstr (pk_test_sql_text (fixture->path, "SELECT status FROM meeting"), ==, "pending");
  sign (fixture, id, PK_ROLE_JUSTERARE, "Ewa Ekman", TRUE);
  g_assert_cmpstr (pk_test_sql_text (fixture->path, "SELECT status FROM meeting"), ==, "justerat");
  /* Nothing more to sign; notes are never signed; only the three roles sign. */
  g_assert_false (pk_database_sign (fixture->db, id, PK_ROLE_JUSTERARE, "Ewa Ekman", NULL, &justerat, &error));
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_JUSTERAT);
  g_clear_error (&error);
  g_assert_false (pk_database_sign (fixture->db, id, PK_ROLE_LEDAMOT, "X", NULL, &justerat, &error));
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_CONSTRAINT);
}

/* The database itself refuses changes to a justerat meeting, whatever asks. */
static void
test_lock (Fixture       *fixture,
           gconstpointer  data)
{
  gint64 id = add_meeting (fixture, "Kommunstyrelsen", "2026-03-10", 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) meeting = NULL;
  const char *statements[] = {
    "UPDATE agenda_item SET title = 'Ändrad' WHERE id = 1",
    "DELETE FROM agenda_item WHERE id = 3",
    "INSERT INTO agenda_item (meeting_id, position, title) VALUES (1, 9, 'Smugglad')",
    "UPDATE decision SET text = 'Annat beslut'",
    "UPDATE attendance SET present = 0",
    "UPDATE meeting SET title = 'Ny rubrik'",
    "UPDATE meeting SET status = 'draft'",
    "DELETE FROM meeting",
    "UPDATE signoff SET name = 'Någon annan'",
    "UPDATE protocol_version SET canonical_content = '{}'",
  };

  sign_all (fixture, id);
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_assert_false (pk_database_exec (fixture->db, statements[i], &error));
      g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_JUSTERAT);
      g_clear_error (&error);
    }
  meeting = pk_database_load_meeting (fixture->db, id, &error);
  pk_meeting_set_title (meeting, "Ny rubrik");
  g_assert_false (pk_database_update_meeting_header (fixture->db, meeting, &error));
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_JUSTERAT);
  g_clear_error (&error);
  g_assert_false (pk_database_save_agenda (fixture->db, meeting, NULL, &error));
  g_clear_error (&error);
  g_assert_false (pk_database_delete_meeting (fixture->db, id, &error));
  g_clear_error (&error);
  g_assert_true (pk_database_verify_meeting (fixture->db, id, NULL, &error));
  g_assert_no_error (error);
}

/* The hash is over the content: the same after export and import into another database. */
static void
test_hash_stable (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 id = add_meeting (fixture, "Kommunstyrelsen", "2026-03-10", 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) meeting = NULL;
  g_autoptr(PkMeeting) imported = NULL;
  g_autoptr(PkDatabase) other = NULL;
  g_autofree char *other_path = g_build_filename (fixture->dir, "annan.db", NULL);
  g_autofree char *json = NULL;
  g_autofree char *sha = NULL, *other_sha = NULL;
  gint64 other_id;

  sign_all (fixture, id);
  g_assert_true (pk_database_verify_meeting (fixture->db, id, &sha, &error));
  g_assert_cmpuint (strlen (sha), ==, 64);
  meeting = pk_database_load_meeting (fixture->db, id, &error);
  g_assert_cmpstr (pk_meeting_get_content_sha256 (meeting), ==, sha);
  json = pk_meeting_to_json (meeting, NULL);

  other = pk_database_open (other_path, &error);
  g_assert_no_error (error);
  imported = pk_meeting_from_json (json, -1, &error);
  g_assert_no_error (error);
  other_id = pk_database_insert_meeting (other, imported, &error);
  g_assert_no_error (error);
  g_assert_true (pk_database_verify_meeting (other, other_id, &other_sha, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (other_sha, ==, sha);
  /* Imported justerat, it is locked there too. */
  g_assert_false (pk_database_exec (other, "UPDATE agenda_item SET title = 'x'", &error));
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_JUSTERAT);
}

static void
test_verify_detects_changed_content (Fixture       *fixture,
                                     gconstpointer  data)
{
  gint64 id = add_meeting (fixture, "Kommunstyrelsen", "2026-03-10", 2);
  g_autoptr(GError) error = NULL;

  sign_all (fixture, id);
  g_clear_object (&fixture->db);
  /* Someone edits the file with another tool, past the triggers. */
  pk_test_sql (fixture->path, "DROP TRIGGER lock_agenda_item_update;"
                              "UPDATE agenda_item SET title = 'Förfalskat' WHERE position = 0 AND parent_id IS NULL");
  fixture->db = pk_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (pk_database_verify_meeting (fixture->db, id, NULL, &error));
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_MISMATCH);
}

static void
test_pdf_verify_and_correction (Fixture       *fixture,
                                gconstpointer  data)
{
  gint64 id = add_meeting (fixture, "Kommunstyrelsen", "2026-03-10", 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) meeting = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "protokoll.pdf", NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "kopia.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *kind = NULL;
  gsize length;
  gint64 found_id;
  int version;

  sign_all (fixture, id);
  meeting = pk_database_load_meeting (fixture->db, id, &error);
  g_assert_true (pk_protocol_pdf_write (meeting, PK_PROTOCOL_FULL, pdf, NULL, &error));
  g_assert_true (pk_database_record_export (fixture->db, id, 1, "protocol", pdf, &error));
  g_assert_no_error (error);
  g_assert_true (pk_database_verify_file (fixture->db, pdf, &found_id, &version, &kind, &error));
  g_assert_cmpint (found_id, ==, id);
  g_assert_cmpint (version, ==, 1);
  g_assert_cmpstr (kind, ==, "protocol");

  /* One changed byte and it is not the same file. */
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  contents[length / 2] ^= 0x01;
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  g_clear_pointer (&kind, g_free);
  g_assert_false (pk_database_verify_file (fixture->db, copy, &found_id, &version, &kind, &error));
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_MISMATCH);
  g_clear_error (&error);

  /* Rättelse: version 2 opens for editing; version 1 and its PDF stay verifiable. */
  g_assert_true (pk_database_correct (fixture->db, id, "Fel datum i § 2", &error));
  g_assert_no_error (error);
  g_assert_true (pk_database_exec (fixture->db, "UPDATE agenda_item SET title = 'Rättat' WHERE position = 1"
                                                " AND parent_id IS NULL", &error));
  g_assert_true (pk_database_verify_meeting (fixture->db, id, NULL, &error));
  g_clear_pointer (&kind, g_free);
  g_assert_true (pk_database_verify_file (fixture->db, pdf, &found_id, &version, &kind, &error));
  g_assert_cmpint (version, ==, 1);
  sign_all (fixture, id);
  g_assert_cmpint (pk_test_sql_int (fixture->path, "SELECT count(*) FROM protocol_version"), ==, 2);
  g_assert_cmpstr (pk_test_sql_text (fixture->path, "SELECT reason FROM protocol_version WHERE version = 2"), ==,
                   "Fel datum i § 2");
  g_assert_true (pk_database_verify_meeting (fixture->db, id, NULL, &error));
  g_assert_no_error (error);
  /* The approved PDF carries the checksum. */
  g_clear_object (&meeting);
  meeting = pk_database_load_meeting (fixture->db, id, &error);
  g_assert_cmpint (pk_meeting_get_version (meeting), ==, 2);
  g_assert_nonnull (pk_meeting_get_content_sha256 (meeting));
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/justering/numbering", test_numbering);
  ADD ("/justering/signoffs-required", test_signoffs_required);
  ADD ("/justering/lock", test_lock);
  ADD ("/justering/hash-stable", test_hash_stable);
  ADD ("/justering/verify-detects-changed-content", test_verify_detects_changed_content);
  ADD ("/justering/pdf-verify-and-correction", test_pdf_verify_and_correction);

  return g_test_run ();
}
