/* test-package.c: meeting packages on real databases and files: round trips, signed meetings,
 * notes, importing twice, every kind of bad package, a full database, and the CLI commands. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pk-test-pdf.h"
#include "pk-test-util.h"
#include "protokoll-core.h"

typedef struct
{
  char *dir;
  char *src_path;
  PkDatabase *src;
  gint64 meeting_id;
  char *pdf_a;      /* 3 pages, on item 2 */
  char *pdf_b;      /* 2 pages, on item 2.1 */
  char *package;    /* the meeting exported with the defaults */
  char *dst_path;
  PkDatabase *dst;  /* another database, already holding one meeting */
} Fixture;

static char *
write_pdf (const char *dir,
           const char *name,
           int         n_pages,
           const char *word)
{
  g_autoptr(GBytes) bytes = pk_test_make_pdf (n_pages, 0, word);
  char *path = g_build_filename (dir, name, NULL);
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  g_assert_true (g_file_set_contents (path, data, size, NULL));
  return path;
}

/* The rich sample meeting (items, sub-items, decisions with votes and reservations, actions,
 * attendance with substitutes) with two real bilagor instead of the sample's hash-only one. */
static gint64
insert_meeting (PkDatabase *db,
                gboolean    protokoll)
{
  g_autofree char *json = pk_test_read_data_file ("rich-meeting.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) meeting = pk_meeting_from_json (json, -1, &error);
  PkAgendaItem *item;
  gint64 id;

  g_assert_no_error (error);
  item = pk_meeting_find_item_by_number (meeting, "2");
  g_list_store_remove_all (pk_agenda_item_get_attachments (item));
  if (protokoll)
    pk_meeting_set_kind (meeting, PK_MEETING_KIND_PROTOKOLL);
  id = pk_database_insert_meeting (db, meeting, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
item_id (PkDatabase *db,
         gint64      meeting_id,
         const char *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) meeting = pk_database_load_meeting (db, meeting_id, &error);
  PkAgendaItem *item;

  g_assert_no_error (error);
  item = pk_meeting_find_item_by_number (meeting, number);
  g_assert_nonnull (item);
  return pk_agenda_item_get_id (item);
}

static void
attach (Fixture    *fixture,
        const char *number,
        const char *path,
        const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkAttachment) attachment =
    pk_database_attach_file (fixture->src, item_id (fixture->src, fixture->meeting_id, number), path, title, &error);

  g_assert_no_error (error);
  g_assert_true (pk_attachment_get_safe_to_show (attachment));
}

static void
export_package (Fixture              *fixture,
                const char           *path,
                PkPackageExportFlags  flags)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pk_package_export (fixture->src, fixture->meeting_id, path, flags, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) other = pk_meeting_new ();

  fixture->dir = pk_test_dir_new ();
  fixture->src_path = g_build_filename (fixture->dir, "kansli.db", NULL);
  fixture->dst_path = g_build_filename (fixture->dir, "ledamot.db", NULL);
  fixture->package = g_build_filename (fixture->dir, "möte.protokoll", NULL);
  fixture->src = pk_database_open (fixture->src_path, &error);
  g_assert_no_error (error);
  fixture->meeting_id = insert_meeting (fixture->src, data != NULL);
  fixture->pdf_a = write_pdf (fixture->dir, "budget.pdf", 3, "Budgetförslag");
  fixture->pdf_b = write_pdf (fixture->dir, "utkast.pdf", 2, "Utkast");
  attach (fixture, "2", fixture->pdf_a, "Budget 2026");
  attach (fixture, "2.1", fixture->pdf_b, "Utkast till yttrande");

  fixture->dst = pk_database_open (fixture->dst_path, &error);
  g_assert_no_error (error);
  pk_meeting_set_title (other, "Ett annat möte");
  pk_meeting_set_date (other, "2026-01-15");
  pk_database_insert_meeting (fixture->dst, other, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->src);
  g_clear_object (&fixture->dst);
  pk_test_dir_free (fixture->dir);
  g_free (fixture->src_path);
  g_free (fixture->dst_path);
  g_free (fixture->pdf_a);
  g_free (fixture->pdf_b);
  g_free (fixture->package);
}

/* Every row of every table (FTS shadow tables included), hashed: equal digests mean the
 * database holds exactly what it held. */
static char *
database_digest (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) tables->pdata[i]);
      guint rows = 0;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          rows++;
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              int type = sqlite3_column_type (stmt, c);
              const void *bytes = sqlite3_column_blob (stmt, c);

              g_checksum_update (checksum, (const guchar *) &type, sizeof type);
              if (bytes != NULL)
                g_checksum_update (checksum, bytes, sqlite3_column_bytes (stmt, c));
            }
        }
      sqlite3_finalize (stmt);
      g_checksum_update (checksum, (const guchar *) tables->pdata[i], -1);
      g_checksum_update (checksum, (const guchar *) &rows, sizeof rows);
    }
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (checksum));
}

/* The meeting JSON as export-json writes it, without the meeting's id. */
static char *
export_json (PkDatabase *db,
             gint64      meeting_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) meeting = pk_database_load_meeting (db, meeting_id, &error);
  g_autoptr(GRegex) id_line = g_regex_new ("\\n  \"id\" : [0-9]+,", 0, 0, NULL);
  g_autofree char *json = NULL;
  PkQuorum quorum;
  gboolean has_quorum;

  g_assert_no_error (error);
  has_quorum = pk_database_compute_quorum (db, meeting, &quorum, &error);
  g_assert_no_error (error);
  json = pk_meeting_to_json (meeting, has_quorum ? &quorum : NULL);
  g_assert_nonnull (strstr (json, "\"id\" : "));
  return g_regex_replace_literal (id_line, json, -1, 0, "", 0, NULL);
}

static char *
bytes_sha256 (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* No copy of a bilaga is left in the temporary folder after an import, good or bad. */
static void
assert_no_leftovers (void)
{
  g_autoptr(GDir) dir = g_dir_open (g_get_tmp_dir (), 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "protokoll-package-"));
}

static gint64
import_ok (PkDatabase *db,
           const char *path,
           gboolean   *already_there)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (pk_package_import (db, path, &id, already_there, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  assert_no_leftovers ();
  return id;
}

/* The import fails with @code and a message containing @words, and the database is as it was. */
static void
assert_refused (Fixture    *fixture,
                const char *path,
                GQuark      domain,
                int         code,
                const char *words)
{
  g_autofree char *before = database_digest (fixture->dst_path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gboolean already_there = TRUE;
  gint64 id = -7;

  g_assert_false (pk_package_import (fixture->dst, path, &id, &already_there, &error));
  g_assert_error (error, domain, code);
  if (words != NULL && strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
  after = database_digest (fixture->dst_path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (pk_test_sql_int (fixture->dst_path, "SELECT count(*) FROM meeting"), ==, 1);
  assert_no_leftovers ();
}

/* A copy of the package, changed with plain SQLite. */
static char *
changed_package (Fixture    *fixture,
                 const char *name,
                 const char *sql)
{
  g_autofree char *contents = NULL;
  gsize length;
  char *path = g_build_filename (fixture->dir, name, NULL);

  export_package (fixture, fixture->package, PK_PACKAGE_EXPORT_DEFAULT);
  g_assert_true (g_file_get_contents (fixture->package, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  if (sql != NULL)
    pk_test_sql (path, sql);
  return path;
}

/* Round trip */

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *source_json = export_json (fixture->src, fixture->meeting_id);
  g_autofree char *imported_json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) imported = NULL;
  g_autoptr(GPtrArray) pdfs = g_ptr_array_new ();
  g_autofree char *integrity = NULL;
  gboolean already_there = TRUE;
  gint64 id;
  guint n_attachments = 0;

  export_package (fixture, fixture->package, PK_PACKAGE_EXPORT_DEFAULT);
  /* A plain SQLite file anyone can read, that says what it is. */
  integrity = pk_test_sql_text (fixture->package, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (pk_test_sql_int (fixture->package, "PRAGMA application_id"), ==, PK_PACKAGE_APPLICATION_ID);
  g_assert_cmpint (pk_test_sql_int (fixture->package, "PRAGMA user_version"), ==, PK_PACKAGE_FORMAT_VERSION);
  g_assert_cmpint (pk_test_sql_int (fixture->package, "SELECT count(*) FROM blob"), ==, 2);
  g_assert_cmpint (pk_test_sql_int (fixture->package, "SELECT count(*) FROM annotation"), ==, 0);
  g_free (integrity);
  integrity = pk_test_sql_text (fixture->package, "SELECT value FROM package WHERE key = 'format'");
  g_assert_cmpstr (integrity, ==, PK_PACKAGE_FORMAT);
  /* No temporary file is left beside it. */
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, "."));
  }

  id = import_ok (fixture->dst, fixture->package, &already_there);
  g_assert_false (already_there);
  g_assert_cmpint (id, ==, 2);
  imported_json = export_json (fixture->dst, id);
  g_assert_cmpstr (imported_json, ==, source_json);

  /* The bilaga bytes are the very files attached, and they were probed on the way in. */
  g_ptr_array_add (pdfs, fixture->pdf_a);
  g_ptr_array_add (pdfs, fixture->pdf_b);
  imported = pk_database_load_meeting (fixture->dst, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < pdfs->len; i++)
    {
      PkAgendaItem *item = pk_meeting_find_item_by_number (imported, i == 0 ? "2" : "2.1");
      g_autoptr(PkAttachment) attachment = g_list_model_get_item (G_LIST_MODEL (pk_agenda_item_get_attachments (item)), 0);
      g_autoptr(PkAttachment) stored = pk_database_load_attachment (fixture->dst, pk_attachment_get_id (attachment), &error);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *file_sha = pk_test_file_checksum (pdfs->pdata[i]);
      g_autofree char *blob_sha = NULL;

      g_assert_no_error (error);
      g_assert_true (pk_database_read_blob (fixture->dst, pk_attachment_get_sha256 (stored), &bytes, &error));
      g_assert_no_error (error);
      blob_sha = bytes_sha256 (bytes);
      g_assert_cmpstr (blob_sha, ==, file_sha);
      g_assert_cmpint (pk_attachment_get_probe_result (stored), ==, PK_PROBE_STATUS_OK);
      g_assert_true (pk_attachment_get_safe_to_show (stored));
      n_attachments++;
    }
  g_assert_cmpuint (n_attachments, ==, 2);
  /* The probe's text went into search, as for an attached file. */
  g_assert_cmpint (pk_test_sql_int (fixture->dst_path,
                                    "SELECT count(*) FROM search WHERE search MATCH 'Budgetförslag'"
                                    " AND kind = 'attachment'"), ==, 1);
  g_assert_cmpint (pk_test_sql_int (fixture->dst_path, "SELECT count(*) FROM blob"), ==, 2);
}

/* The same PDF on two items is one file in the package, and one blob after import. */
static void
test_shared_content (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *source_json = NULL;
  g_autofree char *imported_json = NULL;
  gint64 id;

  attach (fixture, "3", fixture->pdf_a, "Budget igen");
  source_json = export_json (fixture->src, fixture->meeting_id);
  export_package (fixture, fixture->package, PK_PACKAGE_EXPORT_DEFAULT);
  g_assert_cmpint (pk_test_sql_int (fixture->package, "SELECT count(*) FROM blob"), ==, 2);
  id = import_ok (fixture->dst, fixture->package, NULL);
  imported_json = export_json (fixture->dst, id);
  g_assert_cmpstr (imported_json, ==, source_json);
  g_assert_cmpint (pk_test_sql_int (fixture->dst_path, "SELECT count(*) FROM attachment"), ==, 3);
  g_assert_cmpint (pk_test_sql_int (fixture->dst_path, "SELECT count(*) FROM blob"), ==, 2);
}

static void
add_note (Fixture    *fixture,
          const char *number,
          int         page,
          const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) meeting = pk_database_load_meeting (fixture->src, fixture->meeting_id, &error);
  PkAgendaItem *item = pk_meeting_find_item_by_number (meeting, number);
  g_autoptr(PkAttachment) attachment = g_list_model_get_item (G_LIST_MODEL (pk_agenda_item_get_attachments (item)), 0);
  g_autoptr(PkAnnotation) annotation = pk_annotation_new ();

  pk_annotation_set_attachment_id (annotation, pk_attachment_get_id (attachment));
  pk_annotation_set_page (annotation, page);
  pk_annotation_set_x (annotation, 72.5);
  pk_annotation_set_y (annotation, 300);
  pk_annotation_set_width (annotation, 40);
  pk_annotation_set_height (annotation, 12.25);
  pk_annotation_set_text (annotation, text);
  g_assert_true (pk_database_add_annotation (fixture->src, annotation, &error));
  g_assert_no_error (error);
}

static char *
notes_of (const char *path,
          gint64      meeting_id)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT group_concat (n, char (10)) FROM (SELECT a.title || '|' || n.page || '|' || n.x || '|' || n.y || '|'"
    " || n.width || '|' || n.height || '|' || n.text || '|' || n.created_at AS n"
    " FROM annotation n JOIN attachment a ON a.id = n.attachment_id JOIN agenda_item i ON i.id = a.item_id"
    " WHERE i.meeting_id = %" G_GINT64_FORMAT " ORDER BY a.number, n.page)", meeting_id);
  return pk_test_sql_text (path, sql);
}

/* Private notes stay out unless asked for; asked for, they arrive on the same bilaga. */
static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *with_notes = g_build_filename (fixture->dir, "med-anteckningar.protokoll", NULL);
  g_autofree char *source_notes = NULL;
  g_autofree char *imported_notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PkPackage) package = NULL;
  gint64 id, dst_id;

  add_note (fixture, "2", 1, "Fråga om sidan 2");
  add_note (fixture, "2.1", 0, "Stämmer detta?");
  source_notes = notes_of (fixture->src_path, fixture->meeting_id);
  g_assert_nonnull (strstr (source_notes, "Stämmer detta?"));

  export_package (fixture, fixture->package, PK_PACKAGE_EXPORT_DEFAULT);
  g_assert_cmpint (pk_test_sql_int (fixture->package, "SELECT count(*) FROM annotation"), ==, 0);
  package = pk_package_open (fixture->package, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (pk_package_get_has_notes (package));
  g_clear_object (&package);
  dst_id = import_ok (fixture->dst, fixture->package, NULL);
  g_assert_null (notes_of (fixture->dst_path, dst_id));

  export_package (fixture, with_notes, PK_PACKAGE_EXPORT_NOTES);
  g_assert_cmpint (pk_test_sql_int (with_notes, "SELECT count(*) FROM annotation"), ==, 2);
  package = pk_package_open (with_notes, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pk_package_get_has_notes (package));
  g_assert_cmpuint (pk_package_get_n_notes (package), ==, 2);
  g_clear_object (&package);

  /* Into a third database, whole. */
  {
    g_autofree char *third_path = g_build_filename (fixture->dir, "tredje.db", NULL);
    g_autoptr(PkDatabase) third = pk_database_open (third_path, &error);

    g_assert_no_error (error);
    id = import_ok (third, with_notes, NULL);
    imported_notes = notes_of (third_path, id);
    g_assert_cmpstr (imported_notes, ==, source_notes);
  }
  /* The member's second computer already has the meeting, without notes: they are added to it,
   * once. */
  {
    g_autofree char *added = NULL;
    gboolean already_there = FALSE;
    gint64 again;

    package = pk_package_open (with_notes, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (pk_package_store (package, fixture->dst, &again, &already_there, &error));
    g_assert_no_error (error);
    g_assert_true (already_there);
    g_assert_cmpint (again, ==, dst_id);
    g_assert_cmpuint (pk_package_get_n_notes_stored (package), ==, 2);
    g_assert_cmpuint (pk_package_get_n_files_stored (package), ==, 0);
    added = notes_of (fixture->dst_path, dst_id);
    g_assert_cmpstr (added, ==, source_notes);

    g_assert_true (pk_package_store (package, fixture->dst, &again, &already_there, &error));
    g_assert_true (already_there);
    g_assert_cmpuint (pk_package_get_n_notes_stored (package), ==, 0);
    g_assert_cmpint (pk_test_sql_int (fixture->dst_path, "SELECT count(*) FROM annotation"), ==, 2);
  }
}

/* A signed meeting with a rättelse keeps both signed versions, their sign-offs and the reason,
 * and `verify` passes where it arrives; it is locked there as well. */
static void
test_signed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *source_json = NULL;
  g_autofree char *imported_json = NULL;
  g_autofree char *source_sha = NULL, *imported_sha = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;
  gboolean justerat = FALSE;
  gint64 id;

  /* Version 1: the sample has the secretary's sign-off already. */
  g_assert_true (pk_database_sign (fixture->src, fixture->meeting_id, PK_ROLE_ORDFORANDE, "Annika Magnerot", "Växjö",
                                   &justerat, &error));
  g_assert_true (pk_database_sign (fixture->src, fixture->meeting_id, PK_ROLE_JUSTERARE, "Ewa Ekman", "Växjö",
                                   &justerat, &error));
  g_assert_no_error (error);
  g_assert_true (justerat);
  /* Version 2 after a rättelse. */
  g_assert_true (pk_database_correct (fixture->src, fixture->meeting_id, "Fel namn i § 2", &error));
  g_assert_true (pk_database_sign (fixture->src, fixture->meeting_id, PK_ROLE_SEKRETERARE, "Jenny Folkesson", NULL,
                                   &justerat, &error));
  g_assert_true (pk_database_sign (fixture->src, fixture->meeting_id, PK_ROLE_ORDFORANDE, "Annika Magnerot", NULL,
                                   &justerat, &error));
  g_assert_true (pk_database_sign (fixture->src, fixture->meeting_id, PK_ROLE_JUSTERARE, "Ewa Ekman", NULL,
                                   &justerat, &error));
  g_assert_no_error (error);
  g_assert_true (justerat);
  g_assert_true (pk_database_verify_meeting (fixture->src, fixture->meeting_id, &source_sha, &error));
  source_json = export_json (fixture->src, fixture->meeting_id);
  g_assert_nonnull (strstr (source_json, "\"status\" : \"justerat\""));

  export_package (fixture, fixture->package, PK_PACKAGE_EXPORT_DEFAULT);
  g_assert_cmpint (pk_test_sql_int (fixture->package, "SELECT count(*) FROM protocol_version"), ==, 2);
  g_assert_cmpint (pk_test_sql_int (fixture->package, "SELECT count(*) FROM signoff WHERE version = 1"), ==, 3);
  id = import_ok (fixture->dst, fixture->package, NULL);

  imported_json = export_json (fixture->dst, id);
  g_assert_cmpstr (imported_json, ==, source_json);
  g_assert_true (pk_database_verify_meeting (fixture->dst, id, &imported_sha, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (imported_sha, ==, source_sha);
  g_assert_cmpint (pk_test_sql_int (fixture->dst_path, "SELECT count(*) FROM protocol_version WHERE meeting_id = 2"),
                   ==, 2);
  g_assert_cmpint (pk_test_sql_int (fixture->dst_path, "SELECT count(*) FROM signoff WHERE meeting_id = 2"), ==, 6);
  reason = pk_test_sql_text (fixture->dst_path, "SELECT reason FROM correction WHERE meeting_id = 2 AND version = 2");
  g_assert_cmpstr (reason, ==, "Fel namn i § 2");
  /* Locked where it arrived, as where it was signed. */
  g_assert_false (pk_database_exec (fixture->dst, "UPDATE agenda_item SET title = 'x' WHERE meeting_id = 2", &error));
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_JUSTERAT);
}

/* Importing the same package again finds the meeting it made and writes nothing. */
static void
test_import_twice (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean already_there = TRUE;
  gint64 first, second;

  export_package (fixture, fixture->package, PK_PACKAGE_EXPORT_DEFAULT);
  first = import_ok (fixture->dst, fixture->package, &already_there);
  g_assert_false (already_there);
  before = database_digest (fixture->dst_path);
  second = import_ok (fixture->dst, fixture->package, &already_there);
  g_assert_true (already_there);
  g_assert_cmpint (second, ==, first);
  after = database_digest (fixture->dst_path);
  g_assert_cmpstr (after, ==, before);

  /* Changed since (a member edits the minutes): no longer the same meeting, so a new one. */
  g_assert_true (pk_database_exec (fixture->dst, "UPDATE agenda_item SET discussion = 'Ändrad' WHERE meeting_id = 2"
                                                 " AND position = 0 AND parent_id IS NULL", NULL));
  second = import_ok (fixture->dst, fixture->package, &already_there);
  g_assert_false (already_there);
  g_assert_cmpint (second, ==, 3);
}

/* A meeting imported from its JSON names its bilagor by hash only; the package then brings the
 * bytes, without a second meeting. */
static void
test_package_completes_json_import (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *json = export_json (fixture->src, fixture->meeting_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) meeting = pk_meeting_from_json (json, -1, &error);
  g_autoptr(PkPackage) package = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *pdf_b_sha = pk_test_file_checksum (fixture->pdf_b);
  gboolean already_there = FALSE;
  gint64 id, again;

  g_assert_no_error (error);
  id = pk_database_insert_meeting (fixture->dst, meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pk_test_sql_int (fixture->dst_path, "SELECT count(*) FROM blob"), ==, 0);
  g_assert_cmpint (pk_test_sql_int (fixture->dst_path, "SELECT count(*) FROM attachment WHERE probe_result IS NULL"),
                   ==, 2);

  export_package (fixture, fixture->package, PK_PACKAGE_EXPORT_DEFAULT);
  package = pk_package_open (fixture->package, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pk_package_probe (package, PK_PROBE_DEFAULT_TIMEOUT_MS, PK_PROBE_DEFAULT_MEMORY_LIMIT, NULL, &error));
  g_assert_true (pk_package_store (package, fixture->dst, &again, &already_there, &error));
  g_assert_no_error (error);
  g_assert_true (already_there);
  g_assert_cmpint (again, ==, id);
  g_assert_cmpuint (pk_package_get_n_files_stored (package), ==, 2);
  g_assert_cmpint (pk_test_sql_int (fixture->dst_path, "SELECT count(*) FROM meeting"), ==, 2);
  g_assert_cmpint (pk_test_sql_int (fixture->dst_path, "SELECT count(*) FROM blob"), ==, 2);
  g_assert_cmpint (pk_test_sql_int (fixture->dst_path, "SELECT count(*) FROM attachment WHERE probe_result = 'ok'"),
                   ==, 2);
  g_assert_true (pk_database_read_blob (fixture->dst, pdf_b_sha, &bytes, &error));
  g_assert_no_error (error);
}

/* Export failures */

/* A bilaga named by hash only cannot go into a package; nothing is written, an older file at the
 * same name stays as it was. */
static void
test_export_incomplete (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *json = pk_test_data_path ("rich-meeting.json");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) meeting = NULL;
  g_autofree char *old_sha = NULL, *new_sha = NULL;
  gint64 id;

  g_assert_true (g_file_get_contents (json, &contents, NULL, NULL));
  meeting = pk_meeting_from_json (contents, -1, &error);
  id = pk_database_insert_meeting (fixture->src, meeting, &error);
  g_assert_no_error (error);

  g_assert_false (pk_package_export (fixture->src, id, fixture->package, PK_PACKAGE_EXPORT_DEFAULT, &error));
  g_assert_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "Patientkontrakt"));
  g_clear_error (&error);
  g_assert_false (g_file_test (fixture->package, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (fixture->package, "ett äldre paket", -1, NULL));
  old_sha = pk_test_file_checksum (fixture->package);
  g_assert_false (pk_package_export (fixture->src, id, fixture->package, PK_PACKAGE_EXPORT_DEFAULT, &error));
  g_clear_error (&error);
  new_sha = pk_test_file_checksum (fixture->package);
  g_assert_cmpstr (new_sha, ==, old_sha);

  /* An unknown meeting, a folder that does not exist, the database file itself. */
  g_assert_false (pk_package_export (fixture->src, 99, fixture->package, PK_PACKAGE_EXPORT_DEFAULT, &error));
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    g_autofree char *nowhere = g_build_filename (fixture->dir, "finns-inte", "paket.protokoll", NULL);
    g_assert_false (pk_package_export (fixture->src, fixture->meeting_id, nowhere, PK_PACKAGE_EXPORT_DEFAULT, &error));
    g_assert_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_FAILED);
    g_clear_error (&error);
  }
  g_assert_false (pk_package_export (fixture->src, fixture->meeting_id, fixture->src_path, PK_PACKAGE_EXPORT_DEFAULT,
                                     &error));
  g_assert_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_FAILED);
  g_clear_error (&error);
  {
    g_autofree char *wal = g_strconcat (fixture->src_path, "-wal", NULL);
    g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (pk_package_export (fixture->src, fixture->meeting_id, wal, PK_PACKAGE_EXPORT_DEFAULT, &error));
    g_assert_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_FAILED);
    g_clear_error (&error);
  }
  g_assert_cmpint (pk_test_sql_int (fixture->src_path, "SELECT count(*) FROM meeting"), ==, 2);
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, "."));
  }
}

/* A bilaga damaged in the database is not passed on. */
static void
test_export_damaged_blob (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pk_database_exec (fixture->src, "UPDATE blob SET data = zeroblob (size) WHERE rowid = 1", NULL));
  g_assert_false (pk_package_export (fixture->src, fixture->meeting_id, fixture->package, PK_PACKAGE_EXPORT_DEFAULT,
                                     &error));
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_MISMATCH);
  g_assert_false (g_file_test (fixture->package, G_FILE_TEST_EXISTS));
}

/* Bad packages: each is refused whole, with the database exactly as it was. */

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_autofree char *half = g_build_filename (fixture->dir, "halv.protokoll", NULL);
  g_autofree char *page_short = g_build_filename (fixture->dir, "en-sida-kort.protokoll", NULL);
  g_autofree char *header_only = g_build_filename (fixture->dir, "bara-huvud.protokoll", NULL);
  gsize length;

  export_package (fixture, fixture->package, PK_PACKAGE_EXPORT_DEFAULT);
  g_assert_true (g_file_get_contents (fixture->package, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (half, contents, length / 2, NULL));
  assert_refused (fixture, half, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_TRUNCATED, "halv.protokoll");
  g_assert_true (g_file_set_contents (page_short, contents, length - 4096, NULL));
  assert_refused (fixture, page_short, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_TRUNCATED, "cut short");
  g_assert_true (g_file_set_contents (header_only, contents, 50, NULL));
  assert_refused (fixture, header_only, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_TRUNCATED, NULL);
}

static void
test_blob_mismatch (Fixture       *fixture,
                    gconstpointer  data)
{
  /* Same size, other bytes. */
  g_autofree char *path = changed_package (fixture, "ändrad-bilaga.protokoll",
                                           "UPDATE blob SET data = zeroblob (size) WHERE rowid = 2");

  assert_refused (fixture, path, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_DAMAGED, "does not match its checksum");
}

static void
test_newer_format (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = changed_package (fixture, "nyare.protokoll", "PRAGMA user_version = 2");

  assert_refused (fixture, path, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_NEWER_VERSION, "newer version");
}

static void
test_not_a_package (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *text = g_build_filename (fixture->dir, "text.protokoll", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "tom.protokoll", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "saknas.protokoll", NULL);
  g_autofree char *other_sqlite = g_build_filename (fixture->dir, "annan.sqlite", NULL);

  g_assert_true (g_file_set_contents (text, "Dagordning\n1. Mötets öppnande\n", -1, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  pk_test_sql (other_sqlite, "CREATE TABLE meeting (json TEXT)");

  assert_refused (fixture, fixture->pdf_a, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_NOT_PACKAGE, "budget.pdf");
  assert_refused (fixture, text, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_NOT_PACKAGE, "not a Protokoll meeting package");
  assert_refused (fixture, empty, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_NOT_PACKAGE, NULL);
  assert_refused (fixture, fixture->dir, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_NOT_PACKAGE, "folder");
  assert_refused (fixture, missing, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_FAILED, "saknas.protokoll");
  assert_refused (fixture, other_sqlite, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_NOT_PACKAGE, NULL);
  /* A Protokoll database is not a package either. */
  assert_refused (fixture, fixture->src_path, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_NOT_PACKAGE, NULL);
}

/* Things no exporter writes: code in the schema, other tables, WAL, a second meeting. */
static void
test_foreign_schema (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct { const char *name; const char *sql; int code; } cases[] = {
    { "vy.protokoll", "CREATE VIEW v AS SELECT 1", PK_PACKAGE_ERROR_NOT_PACKAGE },
    { "utlosare.protokoll", "CREATE TRIGGER t AFTER INSERT ON blob BEGIN DELETE FROM blob; END",
      PK_PACKAGE_ERROR_NOT_PACKAGE },
    { "tabell.protokoll", "CREATE TABLE extra (x)", PK_PACKAGE_ERROR_NOT_PACKAGE },
    { "index.protokoll", "CREATE INDEX i ON blob (size)", PK_PACKAGE_ERROR_NOT_PACKAGE },
    { "ombyggd.protokoll", "DROP TABLE annotation; CREATE TABLE annotation (x TEXT) STRICT",
      PK_PACKAGE_ERROR_NOT_PACKAGE },
    { "wal.protokoll", "PRAGMA journal_mode = WAL", PK_PACKAGE_ERROR_NOT_PACKAGE },
    { "format.protokoll", "UPDATE package SET value = 'protokoll-package/9' WHERE key = 'format'",
      PK_PACKAGE_ERROR_NOT_PACKAGE },
    { "annat-id.protokoll", "PRAGMA application_id = 0", PK_PACKAGE_ERROR_NOT_PACKAGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = changed_package (fixture, cases[i].name, cases[i].sql);
      assert_refused (fixture, path, PK_PACKAGE_ERROR, cases[i].code, cases[i].name);
    }
}

/* A page of the file overwritten: SQLite's integrity check finds it before anything is read. */
static void
test_damaged_page (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = changed_package (fixture, "skadad.protokoll", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  gint64 page_size = pk_test_sql_int (path, "PRAGMA page_size");
  gint64 root = pk_test_sql_int (path, "SELECT rootpage FROM sqlite_schema WHERE name = 'meeting'");

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* The meeting table's b-tree page: its header and cell pointers. */
  memset (contents + (root - 1) * page_size, 0xA5, 64);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  assert_refused (fixture, path, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_DAMAGED, "damaged");
}

/* Sizes that do not hold, names that look like paths, content no bilaga names or bilagor with no
 * content, bytes that are no PDF, more rows than any meeting has. */
static void
test_hostile (Fixture       *fixture,
              gconstpointer  data)
{
  static const struct { const char *name; const char *sql; int code; const char *words; } cases[] = {
    { "stor.protokoll", "UPDATE blob SET size = 1000000000000 WHERE rowid = 1", PK_PACKAGE_ERROR_DAMAGED,
      "is said to be 1000000000000 bytes" },
    { "sokvag.protokoll",
      "INSERT INTO blob VALUES ('../../../../../../../../../../../../../../../../../../../etc/pwd', 3, X'414243')",
      PK_PACKAGE_ERROR_INVALID, "not a SHA-256" },
    { "okand.protokoll",
      "INSERT INTO blob VALUES ('b5d4045c3f466fa91fe2cc6abe79232a1a57cdf104f7a26e716e0a1e2789df78', 3, X'414243')",
      PK_PACKAGE_ERROR_INVALID, "no bilaga of the meeting" },
    { "saknad.protokoll", "DELETE FROM blob WHERE rowid = 2", PK_PACKAGE_ERROR_INVALID, "is not in the package" },
    { "fel-typ.protokoll", "UPDATE meeting SET json = '{\"format\": \"protokoll-meeting/1\", \"items\": 7}'",
      PK_PACKAGE_ERROR_INVALID, "items" },
    { "inget-mote.protokoll", "DELETE FROM meeting", PK_PACKAGE_ERROR_INVALID, "no meeting" },
    { "djup.protokoll", "UPDATE meeting SET json = '{\"format\": \"protokoll-meeting/1\", \"items\": '"
      " || printf ('%.*c', 300000, '[') || printf ('%.*c', 300000, ']') || '}'",
      PK_PACKAGE_ERROR_INVALID, "nested more than" },
    { "utf8.protokoll", "UPDATE meeting SET json = CAST (X'7B22666F726D6174223A2022FF227D' AS TEXT)",
      PK_PACKAGE_ERROR_INVALID, "UTF-8" },
    { "anteckning.protokoll",
      "INSERT INTO annotation VALUES ('9', 0, 0, 1.0, 1.0, 1.0, 1.0, 'x', '2026-01-01T00:00:00Z')",
      PK_PACKAGE_ERROR_INVALID, "no bilaga 1 on item 9" },
    { "manga.protokoll",
      "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)"
      " INSERT INTO annotation SELECT '2', 0, 0, 1.0, 1.0, 1.0, 1.0, 'x', '2026-01-01T00:00:00Z' FROM n",
      PK_PACKAGE_ERROR_TOO_LARGE, "more rows" },
    { "underskrift.protokoll", "INSERT INTO signoff VALUES (1, 0, 'ledamot', 'X', NULL, NULL)",
      PK_PACKAGE_ERROR_INVALID, "signoff[0]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = changed_package (fixture, cases[i].name, cases[i].sql);
      assert_refused (fixture, path, PK_PACKAGE_ERROR, cases[i].code, cases[i].words);
    }
}

/* A meeting naming more bilaga files than any meeting has: each would be probed, so it is
 * refused before a single one is. */
static void
test_too_many_files (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GString) sql = g_string_new ("UPDATE meeting SET json = '{\"format\": \"protokoll-meeting/1\","
                                         " \"items\": [{\"title\": \"Bilagor\", \"attachments\": [");
  g_autofree char *path = NULL;

  for (int i = 0; i <= PK_PACKAGE_MAX_FILES; i++)
    {
      g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) &i, sizeof i);
      g_string_append_printf (sql, "%s{\"number\": %d, \"title\": \"B\", \"sha256\": \"%s\"}",
                              i > 0 ? ", " : "", i + 1, sha);
    }
  g_string_append (sql, "]}]}'; DELETE FROM blob");
  path = changed_package (fixture, "tusen.protokoll", sql->str);
  assert_refused (fixture, path, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_TOO_LARGE, "more attachments");
}

/* Bytes with the right hash that are no PDF at all: refused after the check, by the probe. */
static void
test_not_pdf_content (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *old_sha = pk_test_file_checksum (fixture->pdf_b);
  const char *text = "<html>inte en pdf</html>";
  g_autofree char *new_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_autofree char *hex = NULL;
  GString *hex_string = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    g_string_append_printf (hex_string, "%02X", (guchar) *p);
  hex = g_string_free (hex_string, FALSE);
  sql = g_strdup_printf ("UPDATE blob SET sha256 = '%s', size = %zu, data = X'%s' WHERE sha256 = '%s';"
                         "UPDATE meeting SET json = replace (json, '%s', '%s')",
                         new_sha, strlen (text), hex, old_sha, old_sha, new_sha);
  path = changed_package (fixture, "html.protokoll", sql);
  assert_refused (fixture, path, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_INVALID, "is not a PDF");
}

/* Approved minutes changed in the package, or a signed version's text: the hashes tell. */
static void
test_signed_tampered (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *version = NULL;
  gboolean justerat;

  g_assert_true (pk_database_sign (fixture->src, fixture->meeting_id, PK_ROLE_ORDFORANDE, "Annika Magnerot", NULL,
                                   &justerat, &error));
  g_assert_true (pk_database_sign (fixture->src, fixture->meeting_id, PK_ROLE_JUSTERARE, "Ewa Ekman", NULL,
                                   &justerat, &error));
  g_assert_true (justerat);

  title = changed_package (fixture, "forfalskad.protokoll",
                           "UPDATE meeting SET json = replace (json, 'Dagordningen godkänns.', 'Dagordningen avslås.')");
  g_assert_cmpint (pk_test_sql_int (title, "SELECT instr (json, 'avslås') > 0 FROM meeting"), ==, 1);
  assert_refused (fixture, title, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_DAMAGED, "approved minutes");

  version = changed_package (fixture, "forfalskad-version.protokoll",
                             "UPDATE protocol_version SET canonical_content = replace (canonical_content,"
                             " 'godkänns', 'avslås')");
  assert_refused (fixture, version, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_DAMAGED, "Version 1");
}

/* A full disk, simulated with max_page_count at several points of the import: every failure
 * rolls back whole, and the same connection imports fine once there is room. */
static void
test_full_database (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *before = database_digest (fixture->dst_path);
  g_autofree char *big = write_pdf (fixture->dir, "stor.pdf", 60, "Bilaga");
  g_autofree char *source_json = NULL;
  g_autofree char *imported_json = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_failed = 0;
  gint64 pages, id = 0;

  attach (fixture, "1", big, "Stor bilaga");
  source_json = export_json (fixture->src, fixture->meeting_id);
  export_package (fixture, fixture->package, PK_PACKAGE_EXPORT_DEFAULT);

  stmt = pk_database_prepare (fixture->dst, "PRAGMA page_count", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pages = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  for (gint64 room = 1; room < 4096; room *= 2)
    {
      g_autofree char *limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + room);
      g_autofree char *after = NULL;

      g_assert_true (pk_database_exec (fixture->dst, limit, NULL));
      if (pk_package_import (fixture->dst, fixture->package, &id, NULL, &error))
        break;
      g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_FULL);
      g_clear_error (&error);
      after = database_digest (fixture->dst_path);
      g_assert_cmpstr (after, ==, before);
      assert_no_leftovers ();
      n_failed++;
    }
  /* It failed in more than one place before there was room. */
  g_assert_cmpuint (n_failed, >=, 3);
  g_assert_cmpint (id, ==, 2);
  imported_json = export_json (fixture->dst, id);
  g_assert_cmpstr (imported_json, ==, source_json);
}

/* The app's path: reading and probing off the caller's thread, the store on the worker. */
typedef struct
{
  gboolean done;
  gboolean ok;
  gint64 id;
  gboolean already_there;
  GError *error;
} AsyncResult;

static void
exported (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncResult *async = user_data;

  async->ok = pk_package_export_finish (PK_DATABASE (source), result, &async->error);
  async->done = TRUE;
}

static void
imported (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncResult *async = user_data;

  async->id = pk_package_import_finish (PK_DATABASE (source), result, &async->already_there, &async->error);
  async->done = TRUE;
}

static gboolean
is_done (gpointer data)
{
  return ((AsyncResult *) data)->done;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  AsyncResult export = { 0 }, import = { 0 }, again = { 0 }, bad = { 0 };
  g_autofree char *source_json = export_json (fixture->src, fixture->meeting_id);
  g_autofree char *imported_json = NULL;
  g_autofree char *text = g_build_filename (fixture->dir, "text.protokoll", NULL);

  pk_package_export_async (fixture->src, fixture->meeting_id, fixture->package, PK_PACKAGE_EXPORT_NOTES, NULL,
                           exported, &export);
  pk_test_wait_until (is_done, &export);
  g_assert_no_error (export.error);
  g_assert_true (export.ok);

  pk_package_import_async (fixture->dst, fixture->package, NULL, imported, &import);
  pk_test_wait_until (is_done, &import);
  g_assert_no_error (import.error);
  g_assert_cmpint (import.id, ==, 2);
  g_assert_false (import.already_there);
  imported_json = export_json (fixture->dst, import.id);
  g_assert_cmpstr (imported_json, ==, source_json);

  pk_package_import_async (fixture->dst, fixture->package, NULL, imported, &again);
  pk_test_wait_until (is_done, &again);
  g_assert_no_error (again.error);
  g_assert_cmpint (again.id, ==, 2);
  g_assert_true (again.already_there);

  g_assert_true (g_file_set_contents (text, "inget paket", -1, NULL));
  pk_package_import_async (fixture->dst, text, NULL, imported, &bad);
  pk_test_wait_until (is_done, &bad);
  g_assert_error (bad.error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_NOT_PACKAGE);
  g_assert_cmpint (bad.id, ==, 0);
  g_clear_error (&bad.error);
  assert_no_leftovers ();
}

/* The CLI */

/* A refused import: exit 1, a message naming the file, and `list --json` and the rows as before. */
static void
assert_cli_refused (Fixture    *fixture,
                    const char *path,
                    const char *words)
{
  g_auto(PkTestCliResult) list_before = pk_test_run_cli ("--db", fixture->dst_path, "list", "--json", NULL);
  g_autofree char *before = database_digest (fixture->dst_path);
  g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->dst_path, "package-import", path, NULL);
  g_auto(PkTestCliResult) list_after = pk_test_run_cli ("--db", fixture->dst_path, "list", "--json", NULL);
  g_autofree char *after = database_digest (fixture->dst_path);
  g_autofree char *base = g_path_get_basename (path);

  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_true (g_str_has_prefix (r.err, "protokoll-cli: "));
  g_assert_nonnull (strstr (r.err, base));
  if (words != NULL && strstr (r.err, words) == NULL)
    g_error ("“%s” does not say “%s”", r.err, words);
  g_assert_cmpstr (list_after.out, ==, list_before.out);
  g_assert_cmpstr (after, ==, before);
  assert_no_leftovers ();
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->meeting_id);
  g_autofree char *notes_package = g_build_filename (fixture->dir, "anteckningar.protokoll", NULL);
  g_autofree char *third = g_build_filename (fixture->dir, "tredje.db", NULL);
  g_autofree char *half = g_build_filename (fixture->dir, "halv.protokoll", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  /* Our own handles go, so the CLI is the only writer. */
  add_note (fixture, "2", 0, "Min anteckning");
  g_clear_object (&fixture->src);
  g_clear_object (&fixture->dst);
  {
    g_auto(PkTestCliResult) help = pk_test_run_cli ("--help", NULL);
    g_assert_nonnull (strstr (help.out, "package-export ID --out FILE"));
    g_assert_nonnull (strstr (help.out, "package-import FILE"));
  }
  {
    g_auto(PkTestCliResult) no_out = pk_test_run_cli ("--db", fixture->src_path, "package-export", id, NULL);
    g_auto(PkTestCliResult) bad_id = pk_test_run_cli ("--db", fixture->src_path, "package-export", "x", "--out", fixture->package, NULL);
    g_auto(PkTestCliResult) unknown = pk_test_run_cli ("--db", fixture->src_path, "package-export", "99", "--out", fixture->package, NULL);
    g_auto(PkTestCliResult) no_file = pk_test_run_cli ("--db", fixture->dst_path, "package-import", NULL);
    g_assert_cmpint (no_out.status, ==, 2);
    g_assert_cmpint (bad_id.status, ==, 2);
    g_assert_cmpint (unknown.status, ==, 1);
    g_assert_nonnull (strstr (unknown.err, "99"));
    g_assert_cmpint (no_file.status, ==, 2);
    g_assert_false (g_file_test (fixture->package, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(PkTestCliResult) export = pk_test_run_cli ("--db", fixture->src_path, "package-export", id, "--out", fixture->package, NULL);
    g_auto(PkTestCliResult) import = pk_test_run_cli ("--db", fixture->dst_path, "package-import", fixture->package, NULL);
    g_auto(PkTestCliResult) again = pk_test_run_cli ("--db", fixture->dst_path, "package-import", fixture->package, NULL);
    g_auto(PkTestCliResult) source_json = pk_test_run_cli ("--db", fixture->src_path, "export-json", id, NULL);
    g_auto(PkTestCliResult) imported_json = pk_test_run_cli ("--db", fixture->dst_path, "export-json", "2", NULL);
    g_autoptr(GRegex) id_line = g_regex_new ("\\n  \"id\" : [0-9]+,", 0, 0, NULL);
    g_autofree char *a = NULL, *b = NULL;

    g_assert_cmpint (export.status, ==, 0);
    g_assert_cmpstr (export.out, ==, "");
    g_assert_cmpint (import.status, ==, 0);
    g_assert_cmpstr (import.out, ==, "2\n");
    g_assert_cmpint (again.status, ==, 0);
    g_assert_cmpstr (again.out, ==, "2\n");
    g_assert_nonnull (strstr (again.err, "already in the database"));
    a = g_regex_replace_literal (id_line, source_json.out, -1, 0, "", 0, NULL);
    b = g_regex_replace_literal (id_line, imported_json.out, -1, 0, "", 0, NULL);
    g_assert_cmpstr (a, ==, b);
    g_assert_cmpint (pk_test_sql_int (fixture->dst_path, "SELECT count(*) FROM annotation"), ==, 0);
  }
  {
    g_auto(PkTestCliResult) export = pk_test_run_cli ("--db", fixture->src_path, "package-export", id, "--out", notes_package,
                                     "--with-notes", NULL);
    g_auto(PkTestCliResult) import = pk_test_run_cli ("--db", third, "package-import", notes_package, NULL);
    g_assert_cmpint (export.status, ==, 0);
    g_assert_cmpint (import.status, ==, 0);
    g_assert_cmpstr (import.out, ==, "1\n");
    g_assert_cmpint (pk_test_sql_int (third, "SELECT count(*) FROM annotation WHERE text = 'Min anteckning'"), ==, 1);
  }

  g_assert_true (g_file_get_contents (fixture->package, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (half, contents, length / 2, NULL));
  assert_cli_refused (fixture, half, "cut short");
  assert_cli_refused (fixture, fixture->pdf_a, "not a Protokoll meeting package");
  assert_cli_refused (fixture, fixture->src_path, "not a Protokoll meeting package");
  {
    g_autofree char *newer = g_build_filename (fixture->dir, "nyare.protokoll", NULL);
    g_assert_true (g_file_set_contents (newer, contents, length, NULL));
    pk_test_sql (newer, "PRAGMA user_version = 2");
    assert_cli_refused (fixture, newer, "newer version");
  }
  {
    g_autofree char *damaged = g_build_filename (fixture->dir, "skadad.protokoll", NULL);
    g_assert_true (g_file_set_contents (damaged, contents, length, NULL));
    pk_test_sql (damaged, "UPDATE blob SET data = zeroblob (size)");
    assert_cli_refused (fixture, damaged, "does not match its checksum");
  }
  {
    g_autofree char *missing = g_build_filename (fixture->dir, "saknas.protokoll", NULL);
    assert_cli_refused (fixture, missing, NULL);
  }
  /* A database from a newer Protokoll is a database problem: 3, and the package is not read into it. */
  {
    g_autofree char *newer_db = g_build_filename (fixture->dir, "nyare.db", NULL);
    g_auto(PkTestCliResult) first = pk_test_run_cli ("--db", newer_db, "list", NULL);
    g_auto(PkTestCliResult) r = { 0 };

    g_assert_cmpint (first.status, ==, 0);
    pk_test_sql (newer_db, "PRAGMA user_version = 999");
    r = pk_test_run_cli ("--db", newer_db, "package-import", fixture->package, NULL);
    g_assert_cmpint (r.status, ==, 3);
  }
}

int
main (int   argc,
      char *argv[])
{
  const char *outer = g_getenv ("TMPDIR");
  g_autofree char *tmp = g_build_filename (outer && *outer ? outer : "/tmp", "protokoll-test-package-XXXXXX", NULL);
  int status;

  /* A temporary folder of this program's own, so leftovers are ours to see (and the CLI's too).
   * Made without g_get_tmp_dir(), which reads TMPDIR once. */
  g_assert_nonnull (g_mkdtemp (tmp));
  g_setenv ("TMPDIR", tmp, TRUE);
  g_assert_cmpstr (g_get_tmp_dir (), ==, tmp);

  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/package/round-trip", test_round_trip);
  ADD ("/package/shared-content", test_shared_content);
  ADD ("/package/notes", test_notes);
  g_test_add ("/package/signed", Fixture, "protokoll", fixture_setup, test_signed, fixture_teardown);
  ADD ("/package/import-twice", test_import_twice);
  ADD ("/package/completes-json-import", test_package_completes_json_import);
  ADD ("/package/export/incomplete", test_export_incomplete);
  ADD ("/package/export/damaged-blob", test_export_damaged_blob);
  ADD ("/package/bad/truncated", test_truncated);
  ADD ("/package/bad/blob-mismatch", test_blob_mismatch);
  ADD ("/package/bad/newer-format", test_newer_format);
  ADD ("/package/bad/not-a-package", test_not_a_package);
  ADD ("/package/bad/foreign-schema", test_foreign_schema);
  ADD ("/package/bad/damaged-page", test_damaged_page);
  ADD ("/package/bad/hostile", test_hostile);
  ADD ("/package/bad/not-pdf-content", test_not_pdf_content);
  ADD ("/package/bad/too-many-files", test_too_many_files);
  g_test_add ("/package/bad/signed-tampered", Fixture, "protokoll", fixture_setup, test_signed_tampered,
              fixture_teardown);
  ADD ("/package/full-database", test_full_database);
  ADD ("/package/async", test_async);
  ADD ("/package/cli", test_cli);
#undef ADD

  status = g_test_run ();
  g_rmdir (tmp);
  return status;
}
