/* test-attachments.c: bilagor on a real database: storing, numbering, reading back, the probe child, hostile files. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <signal.h>
#include <string.h>

#include "pk-test-util.h"
#include "protokoll-core.h"

/* poppler-glib 22.12 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct
{
  char *dir;
  char *path;
  PkDatabase *db;
  gint64 meeting_id;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(PkMeeting) meeting = pk_meeting_new ();
  g_autoptr(PkAttendance) approver = pk_attendance_new ();
  g_autoptr(GError) error = NULL;

  fixture->dir = pk_test_dir_new ();
  fixture->path = g_build_filename (fixture->dir, "bilagor.db", NULL);
  fixture->db = pk_database_open (fixture->path, &error);
  g_assert_no_error (error);

  /* Items 1, 2 (with 2.1) and 3. */
  pk_meeting_set_body (meeting, "Kommunstyrelsen");
  pk_meeting_set_title (meeting, "Sammanträde");
  pk_meeting_set_date (meeting, "2026-03-10");
  pk_meeting_set_status (meeting, PK_MEETING_STATUS_HELD);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PkAgendaItem) item = pk_agenda_item_new ();
      g_autofree char *title = g_strdup_printf ("Ärende %u", i + 1);

      pk_agenda_item_set_title (item, title);
      if (i == 1)
        {
          g_autoptr(PkAgendaItem) sub = pk_agenda_item_new ();
          pk_agenda_item_set_title (sub, "Underpunkt");
          g_list_store_append (pk_agenda_item_get_items (item), sub);
        }
      g_list_store_append (pk_meeting_get_items (meeting), item);
    }
  pk_attendance_set_name (approver, "Ewa Ekman");
  pk_attendance_set_role (approver, PK_ROLE_JUSTERARE);
  g_list_store_append (pk_meeting_get_attendees (meeting), approver);
  fixture->meeting_id = pk_database_insert_meeting (fixture->db, meeting, &error);
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

/* A real PDF: @n_pages A4 pages, each saying "@label sida N". */
static char *
write_pdf (Fixture    *fixture,
           const char *name,
           int         n_pages,
           const char *label)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 14);
  for (int i = 1; i <= n_pages; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s sida %d", label, i);

      cairo_move_to (cr, 72, 100);
      cairo_show_text (cr, text);
      cairo_move_to (cr, 72, 130);
      cairo_show_text (cr, "Förvaltningens förslag till beslut");
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

/* A PDF written by hand: one object layout, every page showing the same content stream. */
static char *
write_raw_pdf (Fixture    *fixture,
               const char *name,
               int         n_pages,
               int         side,
               const char *content)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n");
  g_autoptr(GString) kids = g_string_new (NULL);
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_free);
  gsize xref;

  for (int i = 0; i < n_pages; i++)
    g_string_append_printf (kids, "%d 0 R ", 5 + i);
  g_ptr_array_add (objects, g_strdup ("<< /Type /Catalog /Pages 2 0 R >>"));
  g_ptr_array_add (objects, g_strdup_printf ("<< /Type /Pages /Kids [%s] /Count %d >>", kids->str, n_pages));
  g_ptr_array_add (objects, g_strdup ("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
  g_ptr_array_add (objects, g_strdup_printf ("<< /Length %zu >>\nstream\n%s\nendstream", strlen (content), content));
  for (int i = 0; i < n_pages; i++)
    g_ptr_array_add (objects, g_strdup_printf ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d]"
                                               " /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>",
                                               side, side));
  for (guint i = 0; i < objects->len; i++)
    {
      gsize offset = pdf->len;
      g_array_append_val (offsets, offset);
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, (char *) objects->pdata[i]);
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", objects->len + 1);
  for (guint i = 0; i < offsets->len; i++)
    g_string_append_printf (pdf, "%010zu 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
                          objects->len + 1, xref);
  g_assert_true (g_file_set_contents (path, pdf->str, pdf->len, NULL));
  return path;
}

/* Lines of "ab ab ab …" filling a square page of @side points in @size pt type. */
static char *
text_content (int    side,
              double size)
{
  g_autoptr(GString) content = g_string_new (NULL);
  int lines = (int) ((side - 10) / (size * 1.05));
  int per_line = (int) ((side - 10) / (size * 0.556) / 3);

  g_string_append_printf (content, "BT /F1 %.1f Tf %.2f TL 5 %d Td\n", size, size * 1.05, side - 4);
  for (int i = 0; i < lines; i++)
    {
      g_string_append_c (content, '(');
      for (int j = 0; j < per_line; j++)
        g_string_append (content, "ab ");
      g_string_append (content, ") '\n");
    }
  g_string_append (content, "ET");
  return g_string_free (g_steal_pointer (&content), FALSE);
}

/* 400 pages of 4 pt text (glyphs Poppler counts as tiny, but still lays out): Poppler needs
 * tens of ms a page to read them, over 10 s in all. */
static char *
write_slow_pdf (Fixture *fixture)
{
  g_autofree char *content = text_content (842, 4);
  return write_raw_pdf (fixture, "langsam.pdf", 400, 842, content);
}

/* One 3000 pt square page with ≈ 240 000 glyphs of 8 pt (not "tiny" to Poppler, which drops
 * tiny ones after 50 000): reading its text takes Poppler ≈ 140 MB. */
static char *
write_greedy_pdf (Fixture *fixture)
{
  g_autofree char *content = text_content (3000, 8);
  return write_raw_pdf (fixture, "girig.pdf", 1, 3000, content);
}

static gint64
item_id (Fixture    *fixture,
         const char *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) meeting = pk_database_load_meeting (fixture->db, fixture->meeting_id, &error);
  PkAgendaItem *item;

  g_assert_no_error (error);
  item = pk_meeting_find_item_by_number (meeting, number);
  g_assert_nonnull (item);
  return pk_agenda_item_get_id (item);
}

static PkAttachment *
attach (Fixture    *fixture,
        const char *number,
        const char *path,
        const char *title)
{
  g_autoptr(GError) error = NULL;
  PkAttachment *attachment = pk_database_attach_file (fixture->db, item_id (fixture, number), path, title, &error);

  g_assert_no_error (error);
  g_assert_nonnull (attachment);
  return attachment;
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  return pk_test_sql_int (fixture->path, sql);
}

static void
test_attach_and_load (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *pdf = write_pdf (fixture, "Budget 2026.pdf", 3, "Budget");
  g_autofree char *checksum = pk_test_file_checksum (pdf);
  g_autoptr(PkAttachment) attachment = attach (fixture, "2", pdf, NULL);
  g_autoptr(PkMeeting) meeting = NULL;
  g_autoptr(PkAttachment) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *size = NULL;
  GListModel *attachments;

  g_assert_cmpint (pk_attachment_get_number (attachment), ==, 1);
  g_assert_cmpstr (pk_attachment_get_title (attachment), ==, "Budget 2026");
  g_assert_cmpstr (pk_attachment_get_sha256 (attachment), ==, checksum);
  g_assert_cmpint (pk_attachment_get_pages (attachment), ==, 3);
  g_assert_cmpint (pk_attachment_get_probe_result (attachment), ==, PK_PROBE_STATUS_OK);
  g_assert_true (pk_attachment_get_safe_to_show (attachment));

  /* Loaded with the meeting, probe result and all. */
  meeting = pk_database_load_meeting (fixture->db, fixture->meeting_id, &error);
  g_assert_no_error (error);
  attachments = G_LIST_MODEL (pk_agenda_item_get_attachments (pk_meeting_find_item_by_number (meeting, "2")));
  g_assert_cmpuint (g_list_model_get_n_items (attachments), ==, 1);
  loaded = g_list_model_get_item (attachments, 0);
  g_assert_cmpstr (pk_attachment_get_title (loaded), ==, "Budget 2026");
  g_assert_cmpint (pk_attachment_get_probe_result (loaded), ==, PK_PROBE_STATUS_OK);
  g_assert_true (pk_attachment_get_safe_to_show (loaded));
  g_assert_cmpint (pk_attachment_get_pages (loaded), ==, 3);

  /* Stored once, whole, with the text for search. */
  size = g_strdup_printf ("SELECT count(*) FROM blob WHERE size = length (data) AND sha256 = '%s'", checksum);
  g_assert_cmpint (count (fixture, size), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM attachment WHERE probe_result = 'ok'"
                                   " AND text LIKE '%Budget sida 3%'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM search WHERE kind = 'attachment'"
                                   " AND search MATCH '\"Budget sida 2\"'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM search WHERE search MATCH 'Förvaltningens'"), ==, 1);

  /* A title given wins over the file name. */
  {
    g_autoptr(PkAttachment) titled = attach (fixture, "3", pdf, "Budgetunderlag");
    g_assert_cmpstr (pk_attachment_get_title (titled), ==, "Budgetunderlag");
    g_assert_cmpint (pk_attachment_get_number (titled), ==, 2);
  }
}

static void
test_dedup (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *pdf = write_pdf (fixture, "samma.pdf", 2, "Samma");
  g_autofree char *other = write_pdf (fixture, "annan.pdf", 2, "Annan");
  g_autoptr(PkAttachment) first = attach (fixture, "1", pdf, NULL);
  g_autoptr(PkAttachment) second = attach (fixture, "3", pdf, NULL);

  g_assert_cmpint (pk_attachment_get_id (first), !=, pk_attachment_get_id (second));
  g_assert_cmpstr (pk_attachment_get_sha256 (first), ==, pk_attachment_get_sha256 (second));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM attachment"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blob"), ==, 1);

  {
    g_autoptr(PkAttachment) third = attach (fixture, "1", other, NULL);
    g_assert_cmpint (count (fixture, "SELECT count(*) FROM blob"), ==, 2);
  }
}

static void
test_blob_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *pdf = write_pdf (fixture, "underlag.pdf", 30, "Underlag");
  g_autofree char *copy = g_build_filename (fixture->dir, "kopia.pdf", NULL);
  g_autofree char *original = NULL;
  g_autoptr(PkAttachment) attachment = attach (fixture, "2.1", pdf, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (pdf, &original, &length, NULL));
  g_assert_true (pk_database_read_blob (fixture->db, pk_attachment_get_sha256 (attachment), &bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), original, length);

  g_assert_true (pk_database_save_attachment_to (fixture->db, pk_attachment_get_id (attachment), copy, &error));
  g_assert_no_error (error);
  {
    g_autofree char *a = pk_test_file_checksum (pdf);
    g_autofree char *b = pk_test_file_checksum (copy);
    g_assert_cmpstr (a, ==, b);
  }

  /* Damage in the stored bytes is caught on the way out, and no file is left half-written. */
  {
    g_autofree char *damaged = g_build_filename (fixture->dir, "skadad.pdf", NULL);
    pk_test_sql (fixture->path, "UPDATE blob SET data = zeroblob (size)");
    g_clear_pointer (&bytes, g_bytes_unref);
    g_assert_false (pk_database_read_blob (fixture->db, pk_attachment_get_sha256 (attachment), &bytes, &error));
    g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_MISMATCH);
    g_clear_error (&error);
    g_assert_false (pk_database_save_attachment_to (fixture->db, pk_attachment_get_id (attachment), damaged, &error));
    g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_MISMATCH);
    g_assert_false (g_file_test (damaged, G_FILE_TEST_EXISTS));
  }
}

/* The meeting is one self-contained file: a bilaga opens from it with its source gone. */
static void
test_opens_without_source (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *pdf = write_pdf (fixture, "tolv.pdf", 12, "Tolv");
  g_autoptr(PkAttachment) attachment = attach (fixture, "1", pdf, NULL);
  g_autoptr(PkMeeting) meeting = NULL;
  g_autoptr(PkAttachment) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (g_unlink (pdf), ==, 0);
  g_clear_object (&fixture->db);
  fixture->db = pk_database_open (fixture->path, &error);
  g_assert_no_error (error);

  meeting = pk_database_load_meeting (fixture->db, fixture->meeting_id, &error);
  g_assert_no_error (error);
  loaded = g_list_model_get_item (G_LIST_MODEL (pk_agenda_item_get_attachments (
                                    pk_meeting_find_item_by_number (meeting, "1"))), 0);
  g_assert_cmpint (pk_attachment_get_pages (loaded), ==, 12);
  g_assert_true (pk_database_read_blob (fixture->db, pk_attachment_get_sha256 (loaded), &bytes, &error));
  g_assert_no_error (error);
  document = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 12);
  page = poppler_document_get_page (document, 11);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "Tolv sida 12"));
}

static int
number_of (PkMeeting  *meeting,
           const char *item_number,
           guint       index)
{
  GListModel *list = G_LIST_MODEL (pk_agenda_item_get_attachments (pk_meeting_find_item_by_number (meeting, item_number)));
  g_autoptr(PkAttachment) attachment = g_list_model_get_item (list, index);

  return pk_attachment_get_number (attachment);
}

static void
test_numbering (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *pdf = write_pdf (fixture, "a.pdf", 1, "A");
  g_autoptr(PkAttachment) a = attach (fixture, "3", pdf, "A");
  g_autoptr(PkAttachment) b = attach (fixture, "1", pdf, "B");
  g_autoptr(PkAttachment) c = attach (fixture, "2.1", pdf, "C");
  g_autoptr(PkAttachment) d = attach (fixture, "2", pdf, "D");
  g_autoptr(PkAttachment) e = attach (fixture, "1", pdf, "E");
  g_autoptr(PkMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ids_before = NULL;
  g_autofree char *ids_after = NULL;
  PkAgendaItem *third;

  /* Agenda order: 1 (B, E), 2 (D), 2.1 (C), 3 (A). */
  meeting = pk_database_load_meeting (fixture->db, fixture->meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (number_of (meeting, "1", 0), ==, 1);
  g_assert_cmpint (number_of (meeting, "1", 1), ==, 2);
  g_assert_cmpint (number_of (meeting, "2", 0), ==, 3);
  g_assert_cmpint (number_of (meeting, "2.1", 0), ==, 4);
  g_assert_cmpint (number_of (meeting, "3", 0), ==, 5);

  /* Item 3 moves to the top; saving the agenda keeps every bilaga (same ids, none doubled) and
   * numbers them anew, in the database and in the model that was saved. */
  ids_before = pk_test_sql_text (fixture->path, "SELECT group_concat (id || ':' || item_id) FROM"
                                                " (SELECT id, item_id FROM attachment ORDER BY id)");
  third = pk_meeting_find_item_by_number (meeting, "3");
  g_assert_true (pk_agenda_move (meeting, third, -1));
  g_assert_true (pk_agenda_move (meeting, third, -1));
  g_assert_true (pk_database_save_agenda (fixture->db, meeting, NULL, &error));
  g_assert_no_error (error);
  ids_after = pk_test_sql_text (fixture->path, "SELECT group_concat (id || ':' || item_id) FROM"
                                               " (SELECT id, item_id FROM attachment ORDER BY id)");
  g_assert_cmpstr (ids_before, ==, ids_after);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM attachment"), ==, 5);
  g_assert_cmpint (number_of (meeting, "1", 0), ==, 1);  /* A, now in item 1 */
  g_clear_object (&meeting);
  meeting = pk_database_load_meeting (fixture->db, fixture->meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (number_of (meeting, "1", 0), ==, 1);
  g_assert_cmpint (number_of (meeting, "2", 0), ==, 2);
  g_assert_cmpint (number_of (meeting, "2", 1), ==, 3);
  g_assert_cmpint (number_of (meeting, "3", 0), ==, 4);
  g_assert_cmpint (number_of (meeting, "3.1", 0), ==, 5);
  g_assert_cmpstr (pk_test_sql_text (fixture->path, "SELECT group_concat (title, '') FROM"
                                                    " (SELECT title FROM attachment ORDER BY number)"),
                   ==, "ABEDC");

  /* A second renumber changes nothing. */
  g_assert_true (pk_database_renumber_attachments (fixture->db, fixture->meeting_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pk_test_sql_text (fixture->path, "SELECT group_concat (number) FROM"
                                                    " (SELECT number FROM attachment ORDER BY number)"),
                   ==, "1,2,3,4,5");
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *pdf = write_pdf (fixture, "delad.pdf", 2, "Delad");
  g_autofree char *solo = write_pdf (fixture, "ensam.pdf", 2, "Ensam");
  g_autoptr(PkAttachment) first = attach (fixture, "1", pdf, NULL);
  g_autoptr(PkAttachment) second = attach (fixture, "2", pdf, NULL);
  g_autoptr(PkAttachment) third = attach (fixture, "3", solo, NULL);
  g_autoptr(PkAnnotation) note = pk_annotation_new ();
  g_autoptr(GError) error = NULL;

  pk_annotation_set_attachment_id (note, pk_attachment_get_id (first));
  pk_annotation_set_text (note, "Fråga om siffran");
  g_assert_true (pk_database_add_annotation (fixture->db, note, &error));
  g_assert_no_error (error);

  /* Another bilaga still refers to the blob: it stays. */
  g_assert_true (pk_database_remove_attachment (fixture->db, pk_attachment_get_id (first), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blob"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM annotation"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM search WHERE kind = 'attachment'"), ==, 2);
  g_assert_cmpstr (pk_test_sql_text (fixture->path, "SELECT group_concat (number) FROM"
                                                    " (SELECT number FROM attachment ORDER BY id)"),
                   ==, "1,2");

  /* The last reference goes: so does the blob. */
  g_assert_true (pk_database_remove_attachment (fixture->db, pk_attachment_get_id (second), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blob"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT number FROM attachment"), ==, 1);

  g_assert_false (pk_database_remove_attachment (fixture->db, pk_attachment_get_id (second), &error));
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An item removed from the agenda takes its bilagor, and their blobs, with it. */
  {
    g_autoptr(PkMeeting) meeting = pk_database_load_meeting (fixture->db, fixture->meeting_id, &error);
    PkAgendaPlace place;

    g_assert_no_error (error);
    g_assert_true (pk_agenda_remove (meeting, pk_meeting_find_item_by_number (meeting, "3"), &place));
    g_assert_true (pk_database_save_agenda (fixture->db, meeting, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (fixture, "SELECT count(*) FROM attachment"), ==, 0);
    g_assert_cmpint (count (fixture, "SELECT count(*) FROM blob"), ==, 0);
    g_assert_cmpint (count (fixture, "SELECT count(*) FROM search WHERE kind = 'attachment'"), ==, 0);
  }
}

static void
test_title (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *pdf = write_pdf (fixture, "x.pdf", 1, "X");
  g_autoptr(PkAttachment) attachment = attach (fixture, "1", pdf, NULL);
  g_autoptr(PkAttachment) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pk_database_set_attachment_title (fixture->db, pk_attachment_get_id (attachment),
                                                   "Tjänsteskrivelse", &error));
  g_assert_no_error (error);
  loaded = pk_database_load_attachment (fixture->db, pk_attachment_get_id (attachment), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pk_attachment_get_title (loaded), ==, "Tjänsteskrivelse");
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM search WHERE search MATCH 'Tjänsteskrivelse'"), ==, 1);
  g_assert_false (pk_database_set_attachment_title (fixture->db, 999, "Ingen", &error));
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_FOUND);
}

static void
test_probe_ok (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *pdf = write_pdf (fixture, "tre.pdf", 3, "Tre");
  g_auto(PkProbeResult) result = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (pk_pdf_probe_file (pdf, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.status, ==, PK_PROBE_STATUS_OK);
  g_assert_cmpint (result.pages, ==, 3);
  g_assert_cmpuint (result.text_size, >, 0);
  g_assert_nonnull (strstr (result.text, "Tre sida 2"));
  g_assert_nonnull (strstr (result.text, "Förvaltningens"));
}

/* A file Poppler needs ≈ 10 s for, probed with a 1.5 s limit: killed, the caller back in time. */
static void
test_probe_timeout (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *pdf = write_slow_pdf (fixture);
  g_auto(PkProbeResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (pk_pdf_probe_file_full (pdf, 1500, PK_PROBE_DEFAULT_MEMORY_LIMIT, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.status, ==, PK_PROBE_STATUS_TIMEOUT);
  g_assert_cmpint (result.pages, ==, -1);
  g_assert_null (result.text);
  g_assert_cmpint (result.elapsed_ms, >=, 1500);
  g_assert_cmpint ((g_get_monotonic_time () - start) / 1000, <, 4000);

  /* Stored all the same, marked not safe to show. */
  {
    g_autoptr(PkAttachment) attachment = pk_database_attach_probed_file (fixture->db, item_id (fixture, "1"), pdf,
                                                                         NULL, &result, &error);
    g_assert_no_error (error);
    g_assert_cmpint (pk_attachment_get_probe_result (attachment), ==, PK_PROBE_STATUS_TIMEOUT);
    g_assert_false (pk_attachment_get_safe_to_show (attachment));
    g_assert_cmpint (pk_attachment_get_pages (attachment), ==, -1);
    g_assert_cmpint (count (fixture, "SELECT count(*) FROM attachment WHERE probe_result = 'timeout'"
                                     " AND page_count IS NULL"), ==, 1);
  }
}

/* The same file Poppler reads in ≈ 140 MB, with a 96 MB address space: the child dies of it
 * (SIGABRT from a failed allocation), not the caller; with the default limit it reads fine. */
static void
test_probe_crash (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *pdf = write_greedy_pdf (fixture);
  g_autoptr(GError) error = NULL;

  {
    g_auto(PkProbeResult) result = { 0 };
    g_assert_true (pk_pdf_probe_file_full (pdf, 20000, 96 * 1024 * 1024, &result, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (result.status, ==, PK_PROBE_STATUS_CRASHED);
    g_assert_cmpint (result.signal, >, 0);
    g_assert_nonnull (result.message);
  }
  {
    g_auto(PkProbeResult) result = { 0 };
    g_assert_true (pk_pdf_probe_file_full (pdf, 20000, PK_PROBE_DEFAULT_MEMORY_LIMIT, &result, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (result.status, ==, PK_PROBE_STATUS_OK);
    g_assert_cmpint (result.pages, ==, 1);
    g_assert_cmpuint (result.text_size, >, 200000);
  }
}

static void
test_not_a_pdf (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "anteckningar.pdf", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "finns-inte.pdf", NULL);
  g_auto(PkProbeResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PkAttachment) attachment = NULL;

  g_assert_true (g_file_set_contents (path, "Det här är text, ingen PDF.\n", -1, NULL));
  g_assert_false (pk_pdf_probe_file (path, &result, &error));
  g_assert_error (error, PK_PROBE_ERROR, PK_PROBE_ERROR_NOT_PDF);
  g_clear_error (&error);

  attachment = pk_database_attach_file (fixture->db, item_id (fixture, "1"), path, NULL, &error);
  g_assert_null (attachment);
  g_assert_error (error, PK_PROBE_ERROR, PK_PROBE_ERROR_NOT_PDF);
  g_assert_nonnull (strstr (error->message, "anteckningar.pdf"));
  g_clear_error (&error);

  attachment = pk_database_attach_file (fixture->db, item_id (fixture, "1"), missing, NULL, &error);
  g_assert_null (attachment);
  g_assert_error (error, PK_PROBE_ERROR, PK_PROBE_ERROR_READ);
  g_clear_error (&error);

  attachment = pk_database_attach_file (fixture->db, 9999, path, NULL, &error);
  g_assert_null (attachment);
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_FOUND);

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM attachment"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blob"), ==, 0);
}

/* A real cairo PDF cut in half: Poppler cannot read it; it is stored, marked not safe. */
static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *pdf = write_pdf (fixture, "hel.pdf", 6, "Hel");
  g_autofree char *cut = g_build_filename (fixture->dir, "halv.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(PkAttachment) attachment = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (cut, contents, length / 2, NULL));
  attachment = attach (fixture, "1", cut, NULL);
  g_assert_cmpint (pk_attachment_get_probe_result (attachment), ==, GPOINTER_TO_INT (data));
  g_assert_false (pk_attachment_get_safe_to_show (attachment));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blob"), ==, 1);
}

typedef struct
{
  const char *name;
  PkProbeStatus status;
} Hostile;

/* Files from qpdf's test suite (tests/data/hostile/README). None may hang or crash the caller. */
static void
test_hostile (Fixture       *fixture,
              gconstpointer  data)
{
  static const Hostile files[] = {
    { "shared-unnamed-field.pdf", PK_PROBE_STATUS_TIMEOUT },  /* Poppler never finishes opening it */
    { "issue-99.pdf", PK_PROBE_STATUS_FAILED },
    { "issue-100.pdf", PK_PROBE_STATUS_FAILED },
    { "issue-146.pdf", PK_PROBE_STATUS_FAILED },
    { "object-stream-self-ref.pdf", PK_PROBE_STATUS_FAILED },
  };
  gint64 item = item_id (fixture, "2");

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *name = g_build_filename ("hostile", files[i].name, NULL);
      g_autofree char *path = pk_test_data_path (name);
      g_autofree char *checksum = pk_test_file_checksum (path);
      g_auto(PkProbeResult) result = { 0 };
      g_autoptr(PkAttachment) attachment = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      g_test_message ("%s", files[i].name);
      g_assert_true (pk_pdf_probe_file_full (path, 2000, PK_PROBE_DEFAULT_MEMORY_LIMIT, &result, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint ((g_get_monotonic_time () - start) / 1000, <, 5000);
      g_assert_cmpint (result.status, ==, files[i].status);
      g_assert_nonnull (result.message);

      attachment = pk_database_attach_probed_file (fixture->db, item, path, NULL, &result, &error);
      g_assert_no_error (error);
      g_assert_false (pk_attachment_get_safe_to_show (attachment));
      g_assert_cmpint (pk_attachment_get_number (attachment), ==, (int) i + 1);
      /* The bytes are kept as they were, for another viewer. */
      g_assert_true (pk_database_read_blob (fixture->db, checksum, &bytes, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM attachment WHERE probe_result = 'failed'"), ==, 4);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM attachment WHERE probe_result = 'timeout'"), ==, 1);
}

static void
test_annotations (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *pdf = write_pdf (fixture, "noter.pdf", 4, "Noter");
  g_autoptr(PkAttachment) attachment = attach (fixture, "1", pdf, NULL);
  g_autoptr(PkAnnotation) later = pk_annotation_new ();
  g_autoptr(PkAnnotation) first = pk_annotation_new ();
  g_autoptr(PkAnnotation) loaded = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = pk_attachment_get_id (attachment);

  pk_annotation_set_attachment_id (later, id);
  pk_annotation_set_page (later, 3);
  pk_annotation_set_x (later, 72.5);
  pk_annotation_set_y (later, 100.25);
  pk_annotation_set_width (later, 200);
  pk_annotation_set_height (later, 40.5);
  pk_annotation_set_text (later, "Stämmer summan på sidan 4?");
  g_assert_true (pk_database_add_annotation (fixture->db, later, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pk_annotation_get_id (later), >, 0);
  g_assert_nonnull (pk_annotation_get_created_at (later));
  g_assert_true (g_str_has_suffix (pk_annotation_get_created_at (later), "Z"));

  pk_annotation_set_attachment_id (first, id);
  pk_annotation_set_page (first, 0);
  pk_annotation_set_text (first, "Läs först");
  g_assert_true (pk_database_add_annotation (fixture->db, first, &error));
  g_assert_no_error (error);

  list = pk_database_list_annotations (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  loaded = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpint (pk_annotation_get_id (loaded), ==, pk_annotation_get_id (later));
  g_assert_cmpint (pk_annotation_get_attachment_id (loaded), ==, id);
  g_assert_cmpint (pk_annotation_get_page (loaded), ==, 3);
  g_assert_cmpfloat (pk_annotation_get_x (loaded), ==, 72.5);
  g_assert_cmpfloat (pk_annotation_get_y (loaded), ==, 100.25);
  g_assert_cmpfloat (pk_annotation_get_width (loaded), ==, 200);
  g_assert_cmpfloat (pk_annotation_get_height (loaded), ==, 40.5);
  g_assert_cmpstr (pk_annotation_get_text (loaded), ==, "Stämmer summan på sidan 4?");
  g_assert_cmpstr (pk_annotation_get_created_at (loaded), ==, pk_annotation_get_created_at (later));

  pk_annotation_set_text (loaded, "Summan stämmer");
  pk_annotation_set_page (loaded, 2);
  g_assert_true (pk_database_update_annotation (fixture->db, loaded, &error));
  g_assert_no_error (error);
  g_clear_object (&list);
  list = pk_database_list_annotations (fixture->db, id, &error);
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpstr (pk_annotation_get_text (loaded), ==, "Summan stämmer");
  g_assert_cmpint (pk_annotation_get_page (loaded), ==, 2);

  /* Bad input: no such bilaga, a negative size, a missing row. */
  {
    g_autoptr(PkAnnotation) orphan = pk_annotation_new ();
    g_autoptr(PkAnnotation) negative = pk_annotation_new ();

    pk_annotation_set_attachment_id (orphan, 999);
    g_assert_false (pk_database_add_annotation (fixture->db, orphan, &error));
    g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    pk_annotation_set_attachment_id (negative, id);
    pk_annotation_set_width (negative, -5);
    g_assert_false (pk_database_add_annotation (fixture->db, negative, &error));
    g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_CONSTRAINT);
    g_clear_error (&error);
  }

  g_assert_true (pk_database_delete_annotation (fixture->db, pk_annotation_get_id (first), &error));
  g_assert_no_error (error);
  g_assert_false (pk_database_delete_annotation (fixture->db, pk_annotation_get_id (first), &error));
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&list);
  list = pk_database_list_annotations (fixture->db, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

static void
sign (Fixture    *fixture,
      PkRole      role,
      const char *name)
{
  g_autoptr(GError) error = NULL;
  gboolean justerat;

  g_assert_true (pk_database_sign (fixture->db, fixture->meeting_id, role, name, "Växjö", &justerat, &error));
  g_assert_no_error (error);
}

/* Justerat: bilagor are frozen, numbers and all; private annotations may still be written. */
static void
test_justerat (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *pdf = write_pdf (fixture, "fore.pdf", 2, "Före");
  g_autofree char *late = write_pdf (fixture, "sen.pdf", 2, "Sen");
  g_autoptr(PkAttachment) attachment = attach (fixture, "2", pdf, NULL);
  g_autoptr(PkAttachment) refused = NULL;
  g_autoptr(PkAnnotation) note = pk_annotation_new ();
  g_autoptr(GError) error = NULL;

  sign (fixture, PK_ROLE_SEKRETERARE, "Jenny Folkesson");
  sign (fixture, PK_ROLE_ORDFORANDE, "Annika Magnerot");
  sign (fixture, PK_ROLE_JUSTERARE, "Ewa Ekman");

  refused = pk_database_attach_file (fixture->db, item_id (fixture, "1"), late, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_JUSTERAT);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blob"), ==, 1);

  g_assert_false (pk_database_set_attachment_title (fixture->db, pk_attachment_get_id (attachment), "Ny", &error));
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_JUSTERAT);
  g_clear_error (&error);
  g_assert_false (pk_database_remove_attachment (fixture->db, pk_attachment_get_id (attachment), &error));
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_JUSTERAT);
  g_clear_error (&error);
  /* Nothing to renumber: not an error. */
  g_assert_true (pk_database_renumber_attachments (fixture->db, fixture->meeting_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM attachment WHERE number = 1"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blob"), ==, 1);

  pk_annotation_set_attachment_id (note, pk_attachment_get_id (attachment));
  pk_annotation_set_text (note, "Privat anteckning");
  g_assert_true (pk_database_add_annotation (fixture->db, note, &error));
  g_assert_no_error (error);
}

/* A version 4 file (blob WITHOUT ROWID) keeps its bytes through the migration and reads them back
 * with incremental blob I/O. */
static void
test_migration (void)
{
  g_autofree char *dir = pk_test_dir_new ();
  g_autofree char *path = g_build_filename (dir, "v4.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PkDatabase *db;
  const char *sha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";  /* of "" */
  const char *abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";  /* of "abc" */

  db = pk_database_open_at_version (path, 4, &error);
  g_assert_no_error (error);
  g_object_unref (db);
  pk_test_sql (path, "INSERT INTO blob (sha256, size, data) VALUES"
                     " ('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', 3, CAST ('abc' AS BLOB)),"
                     " ('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 0, X'')");
  db = pk_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (pk_database_read_blob (db, abc, &bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "abc", 3);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_assert_true (pk_database_read_blob (db, sha, &bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 0);
  g_object_unref (db);
  pk_test_dir_free (g_steal_pointer (&dir));
}

/* Noise does not compress: a PDF of several MB, so blob I/O runs over many 256 KiB chunks. */
static void
test_large_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "bilder.pdf", NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "bilder-kopia.pdf", NULL);
  g_autofree char *a = NULL, *b = NULL;
  g_autoptr(PkAttachment) attachment = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (4711);
  cairo_surface_t *pdf = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (pdf);
  GStatBuf st;

  /* Two pages, each with its own image of noise. */
  for (int page = 0; page < 2; page++)
    {
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1200, 1200);
      guint32 *pixels;

      cairo_surface_flush (image);
      pixels = (guint32 *) cairo_image_surface_get_data (image);
      for (int i = 0; i < 1200 * cairo_image_surface_get_stride (image) / 4; i++)
        pixels[i] = g_rand_int (rand) & 0xffffff;
      cairo_surface_mark_dirty (image);
      cairo_save (cr);
      cairo_scale (cr, 0.4, 0.4);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_move_to (cr, 72, 800);
      cairo_show_text (cr, "Bildbilaga");
      cairo_show_page (cr);
      cairo_surface_destroy (image);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (pdf);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_test_message ("%s: %" G_GINT64_FORMAT " bytes", path, (gint64) st.st_size);
  g_assert_cmpint (st.st_size, >, 4 * 1024 * 1024);

  attachment = attach (fixture, "1", path, NULL);
  g_assert_cmpint (pk_attachment_get_pages (attachment), ==, 2);
  g_assert_true (pk_database_read_blob (fixture->db, pk_attachment_get_sha256 (attachment), &bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, (gsize) st.st_size);
  g_assert_true (pk_database_save_attachment_to (fixture->db, pk_attachment_get_id (attachment), copy, &error));
  g_assert_no_error (error);
  a = pk_test_file_checksum (path);
  b = pk_test_file_checksum (copy);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, ==, pk_attachment_get_sha256 (attachment));
}

typedef struct
{
  const char *path;
  GCancellable *cancellable;
  gboolean ok;
  GError *error;
} ProbeJob;

static gpointer
probe_thread (gpointer data)
{
  ProbeJob *job = data;
  g_auto(PkProbeResult) result = { 0 };

  job->ok = pk_pdf_probe_file_full (job->path, 20000, PK_PROBE_DEFAULT_MEMORY_LIMIT, &result,
                                    job->cancellable, &job->error);
  return NULL;
}

/* Cancelling a probe of a file that would hang for ever ends it at once, child and all. */
static void
test_probe_cancel (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = pk_test_data_path ("hostile/shared-unnamed-field.pdf");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  ProbeJob job = { path, cancellable, TRUE, NULL };
  GThread *thread = g_thread_new ("probe", probe_thread, &job);
  gint64 start;

  g_usleep (300 * 1000);
  start = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  g_thread_join (thread);
  g_assert_cmpint ((g_get_monotonic_time () - start) / 1000, <, 1000);
  g_assert_false (job.ok);
  g_assert_error (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&job.error);
}

static void
attach_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

static PkAttachment *
attach_async (Fixture    *fixture,
              gint64      item,
              const char *path,
              GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pk_database_attach_file_async (fixture->db, item, path, NULL, NULL, attach_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return pk_database_attach_file_finish (fixture->db, result, error);
}

/* What the app calls: probe on a thread, store on the worker, answer on the main context. */
static void
test_attach_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *pdf = write_pdf (fixture, "Protokollsutdrag.pdf", 5, "Utdrag");
  g_autofree char *text = g_build_filename (fixture->dir, "inte.pdf", NULL);
  g_autofree char *damaged = pk_test_data_path ("hostile/issue-146.pdf");
  g_autoptr(PkAttachment) attachment = NULL;
  g_autoptr(PkAttachment) unsafe = NULL;
  g_autoptr(GError) error = NULL;

  attachment = attach_async (fixture, item_id (fixture, "3"), pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pk_attachment_get_title (attachment), ==, "Protokollsutdrag");
  g_assert_cmpint (pk_attachment_get_pages (attachment), ==, 5);
  g_assert_true (pk_attachment_get_safe_to_show (attachment));

  unsafe = attach_async (fixture, item_id (fixture, "1"), damaged, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pk_attachment_get_probe_result (unsafe), ==, PK_PROBE_STATUS_FAILED);
  g_assert_cmpint (pk_attachment_get_number (unsafe), ==, 1);

  g_assert_true (g_file_set_contents (text, "Ingen PDF", -1, NULL));
  g_assert_null (attach_async (fixture, item_id (fixture, "1"), text, &error));
  g_assert_error (error, PK_PROBE_ERROR, PK_PROBE_ERROR_NOT_PDF);
  g_clear_error (&error);
  g_assert_null (attach_async (fixture, 4242, pdf, &error));
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM attachment"), ==, 2);
}

/* An item removed with undo on offer keeps its bilagor (and their blobs) while the toast shows;
 * undone, they are the same rows. */
static void
test_agenda_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *pdf = write_pdf (fixture, "kvar.pdf", 2, "Kvar");
  g_autoptr(PkAttachment) attachment = attach (fixture, "2.1", pdf, NULL);
  g_autoptr(PkMeeting) meeting = NULL;
  g_autoptr(GHashTable) keep = g_hash_table_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  PkAgendaItem *item;
  PkAgendaPlace place;

  meeting = pk_database_load_meeting (fixture->db, fixture->meeting_id, &error);
  g_assert_no_error (error);
  item = g_object_ref (pk_meeting_find_item_by_number (meeting, "2"));
  g_assert_true (pk_agenda_remove (meeting, item, &place));
  g_hash_table_add (keep, GSIZE_TO_POINTER ((gsize) pk_agenda_item_get_id (item)));
  g_hash_table_add (keep, GSIZE_TO_POINTER ((gsize) item_id (fixture, "2.1")));
  g_assert_true (pk_database_save_agenda (fixture->db, meeting, keep, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM attachment"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blob"), ==, 1);

  pk_agenda_restore (meeting, item, &place);
  g_assert_true (pk_database_save_agenda (fixture->db, meeting, NULL, &error));
  g_assert_no_error (error);
  g_object_unref (item);
  {
    g_autoptr(PkAttachment) loaded = pk_database_load_attachment (fixture->db, pk_attachment_get_id (attachment), &error);
    g_assert_no_error (error);
    g_assert_cmpint (pk_attachment_get_number (loaded), ==, 1);
    g_assert_true (pk_attachment_get_safe_to_show (loaded));
  }
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM attachment"), ==, 1);
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/attachments/attach-and-load", test_attach_and_load);
  ADD ("/attachments/dedup", test_dedup);
  ADD ("/attachments/blob-round-trip", test_blob_round_trip);
  ADD ("/attachments/opens-without-source", test_opens_without_source);
  ADD ("/attachments/numbering", test_numbering);
  ADD ("/attachments/remove", test_remove);
  ADD ("/attachments/title", test_title);
  ADD ("/attachments/probe-ok", test_probe_ok);
  ADD ("/attachments/probe-timeout", test_probe_timeout);
  ADD ("/attachments/probe-crash", test_probe_crash);
  ADD ("/attachments/not-a-pdf", test_not_a_pdf);
  g_test_add ("/attachments/truncated", Fixture, GINT_TO_POINTER (PK_PROBE_STATUS_FAILED),
              fixture_setup, test_truncated, fixture_teardown);
  ADD ("/attachments/hostile", test_hostile);
  ADD ("/attachments/annotations", test_annotations);
  ADD ("/attachments/justerat", test_justerat);
  g_test_add_func ("/attachments/migration", test_migration);
  ADD ("/attachments/large-file", test_large_file);
  ADD ("/attachments/probe-cancel", test_probe_cancel);
  ADD ("/attachments/attach-async", test_attach_async);
  ADD ("/attachments/agenda-undo", test_agenda_undo);

  return g_test_run ();
}
