/* test-database.c: opening, creating, migrating and refusing database files, on real files. */
#include "config.h"

#include <glib/gstdio.h>

#include "pk-schema.h"
#include "pk-test-util.h"
#include "protokoll-core.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = pk_test_dir_new ();
  fixture->path = g_build_filename (fixture->dir, "nested", "folder", "protokoll.db", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  pk_test_dir_free (fixture->dir);
  g_free (fixture->path);
}

static PkMeeting *
load_fixture_meeting (void)
{
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  PkMeeting *meeting;

  json = pk_test_read_data_file ("rich-meeting.json", &length);
  meeting = pk_meeting_from_json (json, length, &error);
  g_assert_no_error (error);
  return meeting;
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkDatabase) db = pk_database_open (fixture->path, &error);
  g_autofree char *mode = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (pk_database_get_schema_version (db), ==, PK_SCHEMA_VERSION);
  g_assert_null (pk_database_get_backup_path (db));
  g_clear_object (&db);

  g_assert_cmpint (pk_test_sql_int (fixture->path, "PRAGMA user_version"), ==, PK_SCHEMA_VERSION);
  mode = pk_test_sql_text (fixture->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  /* Every table of the domain model exists. */
  {
    const char *tables[] = { "body", "person", "membership", "meeting", "agenda_item", "item_presenter",
                             "attendance", "recusal", "decision", "decision_note", "action", "attachment",
                             "blob", "annotation", "signoff", "protocol_version", "search" };
    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      {
        g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_master WHERE name = '%s'", tables[i]);
        g_assert_cmpint (pk_test_sql_int (fixture->path, sql), ==, 1);
      }
  }
}

static void
test_reopen_keeps_data (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkDatabase) db = pk_database_open (fixture->path, &error);
  g_autoptr(PkMeeting) meeting = load_fixture_meeting ();
  g_autoptr(PkMeeting) loaded = NULL;
  g_autoptr(GListStore) list = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = pk_database_insert_meeting (db, meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_clear_object (&db);

  db = pk_database_open (fixture->path, &error);
  g_assert_no_error (error);
  list = pk_database_list_meetings (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  loaded = pk_database_load_meeting (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pk_meeting_get_title (loaded), ==, "Mötesanteckningar");
  g_assert_cmpstr (pk_meeting_get_start_time (loaded), ==, "09:45");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pk_meeting_get_items (loaded))), ==, 3);
  /* Foreign keys are on: a meeting's rows go with it. */
  g_assert_true (pk_database_delete_meeting (db, id, &error));
  g_assert_no_error (error);
  g_clear_object (&db);
  g_assert_cmpint (pk_test_sql_int (fixture->path, "SELECT count(*) FROM agenda_item"), ==, 0);
  g_assert_cmpint (pk_test_sql_int (fixture->path, "SELECT count(*) FROM attendance"), ==, 0);
  g_assert_cmpint (pk_test_sql_int (fixture->path, "SELECT count(*) FROM search WHERE meeting_id = 1"), ==, 0);
}

static void
test_migrate_from_version_1 (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkDatabase) db = pk_database_open_at_version (fixture->path, 1, &error);
  g_autoptr(PkMeeting) meeting = load_fixture_meeting ();
  g_autofree char *backup = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (pk_database_get_schema_version (db), ==, 1);
  pk_database_insert_meeting (db, meeting, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  g_assert_cmpint (pk_test_sql_int (fixture->path, "SELECT count(*) FROM sqlite_master WHERE name = 'search'"), ==, 0);

  db = pk_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pk_database_get_schema_version (db), ==, PK_SCHEMA_VERSION);
  backup = g_strdup (pk_database_get_backup_path (db));
  g_assert_nonnull (backup);
  g_clear_object (&db);

  /* The backup is the version-1 file, data and all. */
  g_assert_cmpint (pk_test_sql_int (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (pk_test_sql_int (backup, "SELECT count(*) FROM agenda_item"), ==, 5);
  /* The migrated file kept the data and indexed it for search, with diacritics kept apart. */
  g_assert_cmpint (pk_test_sql_int (fixture->path, "SELECT count(*) FROM agenda_item"), ==, 5);
  g_assert_cmpint (pk_test_sql_int (fixture->path,
                                    "SELECT count(*) FROM search WHERE search MATCH 'Övrigt'"), ==, 1);
  g_assert_cmpint (pk_test_sql_int (fixture->path,
                                    "SELECT count(*) FROM search WHERE search MATCH 'ovrigt'"), ==, 0);
}

static void
assert_refused_untouched (const char *path,
                          int         expected_code)
{
  g_autofree char *before = pk_test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PkDatabase) db = pk_database_open (path, &error);

  g_assert_null (db);
  g_assert_error (error, PK_DATABASE_ERROR, expected_code);
  g_assert_nonnull (strstr (error->message, path));
  after = pk_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_newer_version_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkDatabase) db = pk_database_open (fixture->path, &error);

  g_assert_no_error (error);
  g_clear_object (&db);
  pk_test_sql (fixture->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99");
  assert_refused_untouched (fixture->path, PK_DATABASE_ERROR_NEWER_VERSION);
  {
    g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
}

static void
test_not_a_database_refused (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (fixture->path, "Dagordning\n1. Mötets öppnande\n", -1, NULL));
  assert_refused_untouched (fixture->path, PK_DATABASE_ERROR_NOT_DATABASE);
}

static void
test_truncated_database_refused (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkDatabase) db = pk_database_open (fixture->path, &error);
  g_autoptr(PkMeeting) meeting = load_fixture_meeting ();
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  pk_database_insert_meeting (db, meeting, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  pk_test_sql (fixture->path, "PRAGMA journal_mode = DELETE");

  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  /* Cut the file in the middle of a page, as a crashed copy would. */
  g_assert_true (g_file_set_contents (fixture->path, contents, length / 2 + 100, NULL));
  assert_refused_untouched (fixture->path, PK_DATABASE_ERROR_CORRUPT);
}

static void
test_damaged_pages_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkDatabase) db = pk_database_open (fixture->path, &error);
  g_autoptr(PkMeeting) meeting = load_fixture_meeting ();
  g_autofree char *contents = NULL;
  gsize length;
  int rc;

  g_assert_no_error (error);
  pk_database_insert_meeting (db, meeting, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  pk_test_sql (fixture->path, "PRAGMA journal_mode = DELETE");

  /* Keep the header, scribble over every page after the first. */
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  for (gsize i = 4096; i < length; i++)
    contents[i] = (char) (i * 7919 % 251);
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));

  {
    g_autofree char *before = pk_test_file_checksum (fixture->path);
    g_autofree char *after = NULL;

    db = pk_database_open (fixture->path, &error);
    g_assert_null (db);
    rc = error->code;
    g_assert_true (rc == PK_DATABASE_ERROR_CORRUPT || rc == PK_DATABASE_ERROR_NOT_DATABASE);
    after = pk_test_file_checksum (fixture->path);
    g_assert_cmpstr (before, ==, after);
  }
}

static void
test_folder_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkDatabase) db = NULL;

  g_mkdir_with_parents (fixture->path, 0700);
  db = pk_database_open (fixture->path, &error);
  g_assert_null (db);
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_DATABASE);
}

/* A full disk, made real by capping the file's size: the write fails as a whole and the meeting
 * does not exist half-written. */
static void
test_full_disk_leaves_nothing (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkDatabase) db = pk_database_open (fixture->path, &error);
  g_autoptr(PkMeeting) meeting = load_fixture_meeting ();
  g_autoptr(PkAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (pk_meeting_get_items (meeting)), 0);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GListStore) list = NULL;
  int pages;

  g_assert_no_error (error);
  pages = (int) pk_test_sql_int (fixture->path, "PRAGMA page_count");
  for (int i = 0; i < 20000; i++)
    g_string_append (long_text, "Protokollet justeras av ordföranden. ");
  pk_agenda_item_set_discussion (item, long_text->str);
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %d", pages + 40);
    g_assert_true (pk_database_exec (db, sql, &error));
  }
  g_assert_cmpint (pk_database_insert_meeting (db, meeting, &error), ==, 0);
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_FULL);
  g_clear_error (&error);

  list = pk_database_list_meetings (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_clear_object (&db);
  g_assert_cmpint (pk_test_sql_int (fixture->path, "SELECT count(*) FROM agenda_item"), ==, 0);
  g_assert_cmpint (pk_test_sql_int (fixture->path, "SELECT count(*) FROM body"), ==, 0);
  g_assert_cmpstr (pk_test_sql_text (fixture->path, "PRAGMA integrity_check"), ==, "ok");
}

static void
test_default_path (void)
{
  g_autofree char *path = NULL;

  g_setenv ("PROTOKOLL_DB", "/tmp/elsewhere.db", TRUE);
  path = pk_database_get_default_path ();
  g_assert_cmpstr (path, ==, "/tmp/elsewhere.db");
  g_clear_pointer (&path, g_free);
  g_unsetenv ("PROTOKOLL_DB");
  path = pk_database_get_default_path ();
  g_assert_true (g_str_has_suffix (path, "/protokoll/protokoll.db"));
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
}

static void
open_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  PkDatabase **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = pk_database_open_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_open_async (Fixture       *fixture,
                 gconstpointer  data)
{
  PkDatabase *db = NULL;

  pk_database_open_async (fixture->path, NULL, open_done, &db);
  while (db == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (pk_database_get_schema_version (db), ==, PK_SCHEMA_VERSION);
  g_object_unref (db);
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* First, before any thread exists: it changes the environment. */
  g_test_add_func ("/database/default-path", test_default_path);
  ADD ("/database/create", test_create);
  ADD ("/database/reopen-keeps-data", test_reopen_keeps_data);
  ADD ("/database/migrate-from-version-1", test_migrate_from_version_1);
  ADD ("/database/newer-version-refused", test_newer_version_refused);
  ADD ("/database/not-a-database-refused", test_not_a_database_refused);
  ADD ("/database/truncated-refused", test_truncated_database_refused);
  ADD ("/database/damaged-pages-refused", test_damaged_pages_refused);
  ADD ("/database/folder-refused", test_folder_refused);
  ADD ("/database/full-disk-leaves-nothing", test_full_disk_leaves_nothing);
  ADD ("/database/open-async", test_open_async);

  return g_test_run ();
}
