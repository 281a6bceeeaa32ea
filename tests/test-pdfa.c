/* test-pdfa.c: the protocol PDF's PDF/A-2b structure, as far as it can be checked here: qpdf
 * --check, the XMP identification against the Info dictionary (read by Poppler), the sRGB
 * OutputIntent, the document ID, embedded fonts and no transparency (read from qpdf --json). No
 * PDF/A validator (veraPDF) is in Debian, so this is not a conformance test. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <poppler.h>
#include <string.h>

#include "pk-pdfa.h"
#include "pk-test-util.h"
#include "protokoll-core.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

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
  fixture->path = g_build_filename (fixture->dir, "pdfa.db", NULL);
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

/* A protocol with the things that make fonts and pages: bold, a table, a list, Swedish letters. */
static char *
write_protocol (Fixture *fixture)
{
  g_autoptr(PkMeeting) meeting = pk_meeting_new ();
  g_autoptr(PkMeeting) loaded = NULL;
  g_autoptr(PkAgendaItem) item = pk_agenda_item_new ();
  g_autoptr(PkDecision) decision = pk_decision_new ();
  g_autoptr(GError) error = NULL;
  char *pdf = g_build_filename (fixture->dir, "protokoll.pdf", NULL);
  gint64 id;

  pk_meeting_set_body (meeting, "Kommunstyrelsen i Växjö & <Älmhult>");
  pk_meeting_set_title (meeting, "Sammanträde om budget");
  pk_meeting_set_date (meeting, "2026-03-10");
  pk_meeting_set_kind (meeting, PK_MEETING_KIND_PROTOKOLL);
  pk_meeting_set_status (meeting, PK_MEETING_STATUS_HELD);
  pk_agenda_item_set_title (item, "Budget");
  pk_agenda_item_set_discussion (item, "- **Drift:** ökar\n  - nästlad punkt\n- *Investering:* oförändrad\n\n"
                                       "| A | B |\n|---|---|\n| 1 | 2 |\n");
  pk_decision_set_text (decision, "Budgeten **fastställs**.");
  g_list_store_append (pk_agenda_item_get_decisions (item), decision);
  g_list_store_append (pk_meeting_get_items (meeting), item);
  id = pk_database_insert_meeting (fixture->db, meeting, &error);
  g_assert_no_error (error);
  loaded = pk_database_load_meeting (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_true (pk_protocol_pdf_write (loaded, PK_PROTOCOL_FULL, pdf, NULL, &error));
  g_assert_no_error (error);
  return pdf;
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* Runs qpdf; NULL (and the test skipped) when it is not installed. */
static char *
run_qpdf (const char *const *args,
          int               *status)
{
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;

  if (qpdf == NULL)
    {
      g_test_skip ("qpdf is not installed (build-aux/install-deps.sh installs it)");
      return NULL;
    }
  g_ptr_array_add (argv, qpdf);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, status,
                               &error));
  g_assert_no_error (error);
  if (err != NULL && *err != '\0')
    g_test_message ("qpdf: %s", err);
  return out;
}

/* Texts of XMP elements by qualified name ("pdfaid:part"), innermost text of each. */
typedef struct
{
  GHashTable *values;
  GPtrArray *stack;
} XmpReader;

static void
xmp_start (GMarkupParseContext *context,
           const char          *name,
           const char         **attribute_names,
           const char         **attribute_values,
           gpointer             user_data,
           GError             **error)
{
  XmpReader *reader = user_data;

  /* rdf:Alt/rdf:Seq items count for the property around them. */
  if (strcmp (name, "rdf:li") != 0 && strcmp (name, "rdf:Alt") != 0 && strcmp (name, "rdf:Seq") != 0)
    g_ptr_array_add (reader->stack, g_strdup (name));
}

static void
xmp_end (GMarkupParseContext *context,
         const char          *name,
         gpointer             user_data,
         GError             **error)
{
  XmpReader *reader = user_data;

  if (strcmp (name, "rdf:li") != 0 && strcmp (name, "rdf:Alt") != 0 && strcmp (name, "rdf:Seq") != 0)
    g_ptr_array_set_size (reader->stack, reader->stack->len - 1);
}

static void
xmp_text (GMarkupParseContext *context,
          const char          *text,
          gsize                length,
          gpointer             user_data,
          GError             **error)
{
  XmpReader *reader = user_data;
  g_autofree char *value = g_strndup (text, length);

  if (reader->stack->len > 0 && *g_strstrip (value) != '\0')
    g_hash_table_insert (reader->values, g_strdup (reader->stack->pdata[reader->stack->len - 1]),
                         g_strdup (value));
}

static GHashTable *
read_xmp (const char *xmp)
{
  GMarkupParser parser = { xmp_start, xmp_end, xmp_text, NULL, NULL };
  XmpReader reader = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
                       g_ptr_array_new_with_free_func (g_free) };
  GMarkupParseContext *context = g_markup_parse_context_new (&parser, 0, &reader, NULL);
  g_autoptr(GError) error = NULL;
  const char *start = strstr (xmp, "<x:xmpmeta");
  const char *end = strstr (xmp, "</x:xmpmeta>");

  /* The packet is well-formed XML between its processing instructions. */
  g_assert_true (g_str_has_prefix (xmp, "<?xpacket begin="));
  g_assert_true (g_str_has_suffix (xmp, "<?xpacket end=\"w\"?>"));
  g_assert_nonnull (start);
  g_assert_nonnull (end);
  g_assert_true (g_markup_parse_context_parse (context, start, end + strlen ("</x:xmpmeta>") - start, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_markup_parse_context_free (context);
  g_ptr_array_unref (reader.stack);
  return reader.values;
}

static void
test_xmp_matches_info (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *pdf = write_protocol (fixture);
  g_autoptr(PopplerDocument) document = open_pdf (pdf);
  g_autofree char *xmp = poppler_document_get_metadata (document);
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *title = poppler_document_get_title (document);
  g_autofree char *author = poppler_document_get_author (document);
  g_autofree char *subject = poppler_document_get_subject (document);
  g_autofree char *keywords = poppler_document_get_keywords (document);
  g_autofree char *creator = poppler_document_get_creator (document);
  g_autofree char *producer = poppler_document_get_producer (document);
  g_autoptr(GDateTime) created = poppler_document_get_creation_date_time (document);
  g_autoptr(GDateTime) modified = poppler_document_get_modification_date_time (document);
  g_autoptr(GDateTime) xmp_created = NULL;
  g_autoptr(GDateTime) xmp_modified = NULL;

  g_assert_nonnull (xmp);
  values = read_xmp (xmp);
  g_assert_cmpstr (g_hash_table_lookup (values, "pdfaid:part"), ==, "2");
  g_assert_cmpstr (g_hash_table_lookup (values, "pdfaid:conformance"), ==, "B");
  /* Each XMP property says what its Info entry says (ISO 19005-2, 6.6.2.3.1). */
  g_assert_cmpstr (title, ==, "Sammanträde om budget");
  g_assert_cmpstr (g_hash_table_lookup (values, "dc:title"), ==, title);
  g_assert_cmpstr (author, ==, "Kommunstyrelsen i Växjö & <Älmhult>");
  g_assert_cmpstr (g_hash_table_lookup (values, "dc:creator"), ==, author);
  g_assert_cmpstr (g_hash_table_lookup (values, "dc:description"), ==, subject);
  g_assert_cmpstr (g_hash_table_lookup (values, "pdf:Keywords"), ==, keywords);
  g_assert_cmpstr (g_hash_table_lookup (values, "xmp:CreatorTool"), ==, creator);
  g_assert_cmpstr (g_hash_table_lookup (values, "pdf:Producer"), ==, producer);
  g_assert_true (g_str_has_prefix (creator, "Protokoll "));
  g_assert_nonnull (created);
  g_assert_nonnull (modified);
  xmp_created = g_date_time_new_from_iso8601 (g_hash_table_lookup (values, "xmp:CreateDate"), NULL);
  xmp_modified = g_date_time_new_from_iso8601 (g_hash_table_lookup (values, "xmp:ModifyDate"), NULL);
  g_assert_nonnull (xmp_created);
  g_assert_nonnull (xmp_modified);
  g_assert_cmpint (g_date_time_to_unix (xmp_created), ==, g_date_time_to_unix (created));
  g_assert_cmpint (g_date_time_to_unix (xmp_modified), ==, g_date_time_to_unix (modified));
  g_assert_cmpint (g_date_time_get_utc_offset (xmp_created), ==, g_date_time_get_utc_offset (created));
  /* Written today, not some fixed date. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_assert_cmpint (ABS (g_date_time_difference (now, created)), <, 10 * G_TIME_SPAN_MINUTE);
  }

  /* Every font is embedded (scanned a page at a time). */
  {
    PopplerFontInfo *info = poppler_font_info_new (document);
    PopplerFontsIter *iter = NULL;
    guint n_fonts = 0;

    while (poppler_font_info_scan (info, 1, &iter))
      {
        if (iter == NULL)
          continue;
        do
          {
            g_assert_true (poppler_fonts_iter_is_embedded (iter));
            n_fonts++;
          }
        while (poppler_fonts_iter_next (iter));
        g_clear_pointer (&iter, poppler_fonts_iter_free);
      }
    g_assert_cmpuint (n_fonts, >, 0);
    poppler_font_info_free (info);
  }
}

static JsonObject *
object_dict (JsonObject *objects,
             const char *reference)
{
  g_autofree char *key = g_strdup_printf ("obj:%s", reference);
  JsonObject *object = json_object_get_object_member (objects, key);

  g_assert_nonnull (object);
  if (json_object_has_member (object, "stream"))
    return json_object_get_object_member (json_object_get_object_member (object, "stream"), "dict");
  return json_object_get_object_member (object, "value");
}

static void
test_structure (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *pdf = write_protocol (fixture);
  const char *check_args[] = { "--check", pdf, NULL };
  const char *json_args[] = { "--json", "--json-key=qpdf", pdf, NULL };
  g_autofree char *check = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *objects, *trailer, *root, *intent, *profile, *metadata;
  JsonArray *id, *intents;
  g_autoptr(GList) members = NULL;
  int status = -1;
  guint n_pages = 0;
  guint n_cid_fonts = 0;

  check = run_qpdf (check_args, &status);
  if (check == NULL)
    return;
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (check, "No syntax or stream encoding errors found"));
  g_assert_null (strstr (check, "WARNING"));

  json = run_qpdf (json_args, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  objects = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "qpdf"), 1);

  /* A document ID, no encryption. */
  trailer = json_object_get_object_member (json_object_get_object_member (objects, "trailer"), "value");
  id = json_object_get_array_member (trailer, "/ID");
  g_assert_cmpuint (json_array_get_length (id), ==, 2);
  g_assert_false (json_object_has_member (trailer, "/Encrypt"));

  /* The catalog: XMP metadata, uncompressed; one sRGB OutputIntent of the PDF/A kind. */
  root = object_dict (objects, json_object_get_string_member (trailer, "/Root"));
  metadata = object_dict (objects, json_object_get_string_member (root, "/Metadata"));
  g_assert_cmpstr (json_object_get_string_member (metadata, "/Type"), ==, "/Metadata");
  g_assert_cmpstr (json_object_get_string_member (metadata, "/Subtype"), ==, "/XML");
  g_assert_false (json_object_has_member (metadata, "/Filter"));
  intents = json_object_get_array_member (root, "/OutputIntents");
  g_assert_cmpuint (json_array_get_length (intents), ==, 1);
  intent = object_dict (objects, json_array_get_string_element (intents, 0));
  g_assert_cmpstr (json_object_get_string_member (intent, "/S"), ==, "/GTS_PDFA1");
  g_assert_cmpstr (json_object_get_string_member (intent, "/OutputConditionIdentifier"), ==, "u:sRGB IEC61966-2.1");
  profile = object_dict (objects, json_object_get_string_member (intent, "/DestOutputProfile"));
  g_assert_cmpint (json_object_get_int_member (profile, "/N"), ==, 3);
  /* Nothing PDF/A forbids in the catalog: no actions, JavaScript or embedded files, no forms. */
  g_assert_false (json_object_has_member (root, "/AA"));
  g_assert_false (json_object_has_member (root, "/Names"));
  g_assert_false (json_object_has_member (root, "/AcroForm"));
  g_assert_false (json_object_has_member (root, "/OpenAction"));

  /* No transparency anywhere: no page group, no soft mask, alpha 1, normal blending. */
  members = json_object_get_members (objects);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonObject *object = json_object_get_object_member (objects, name);
      JsonNode *value = json_object_has_member (object, "stream")
                          ? json_object_get_member (json_object_get_object_member (object, "stream"), "dict")
                          : json_object_get_member (object, "value");
      JsonObject *dict;
      const char *type;

      if (!g_str_has_prefix (name, "obj:") || value == NULL || !JSON_NODE_HOLDS_OBJECT (value))
        continue;
      dict = json_node_get_object (value);
      type = json_object_has_member (dict, "/Type") && JSON_NODE_HOLDS_VALUE (json_object_get_member (dict, "/Type"))
               ? json_object_get_string_member (dict, "/Type") : "";
      if (strcmp (type, "/Page") == 0)
        {
          g_assert_false (json_object_has_member (dict, "/Group"));
          g_assert_false (json_object_has_member (dict, "/Annots"));
          n_pages++;
        }
      if (json_object_has_member (dict, "/SMask"))
        g_assert_cmpstr (json_object_get_string_member (dict, "/SMask"), ==, "/None");
      if (json_object_has_member (dict, "/CA"))
        g_assert_cmpfloat (json_object_get_double_member (dict, "/CA"), ==, 1.0);
      if (json_object_has_member (dict, "/ca"))
        g_assert_cmpfloat (json_object_get_double_member (dict, "/ca"), ==, 1.0);
      if (json_object_has_member (dict, "/BM"))
        g_assert_true (strcmp (json_object_get_string_member (dict, "/BM"), "/Normal") == 0 ||
                       strcmp (json_object_get_string_member (dict, "/BM"), "/Compatible") == 0);
      g_assert_false (json_object_has_member (dict, "/S") && JSON_NODE_HOLDS_VALUE (json_object_get_member (dict, "/S")) &&
                      g_strcmp0 (json_object_get_string_member (dict, "/S"), "/Transparency") == 0);
      /* A TrueType CIDFont says how CIDs map to glyphs (ISO 19005-2, 6.2.11.3.2). */
      if (json_object_has_member (dict, "/Subtype") && JSON_NODE_HOLDS_VALUE (json_object_get_member (dict, "/Subtype")) &&
          g_strcmp0 (json_object_get_string_member (dict, "/Subtype"), "/CIDFontType2") == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (dict, "/CIDToGIDMap"), ==, "/Identity");
          n_cid_fonts++;
        }
      /* Fonts are embedded as font programs (FontFile2 for TrueType). */
      if (strcmp (type, "/FontDescriptor") == 0)
        g_assert_true (json_object_has_member (dict, "/FontFile2") || json_object_has_member (dict, "/FontFile3") ||
                       json_object_has_member (dict, "/FontFile"));
    }
  g_assert_cmpuint (n_pages, >, 0);
  /* The nested list's bullet is outside WinAnsi: it comes in a CIDFont, so the check above ran. */
  g_assert_cmpuint (n_cid_fonts, >, 0);
}

/* The kallelse is not written as PDF/A and claims nothing. */
static void
test_agenda_not_claimed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PkMeeting) meeting = pk_meeting_new ();
  g_autofree char *pdf = g_build_filename (fixture->dir, "kallelse.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *xmp = NULL;

  pk_meeting_set_body (meeting, "Kommunstyrelsen");
  pk_meeting_set_title (meeting, "Sammanträde");
  pk_meeting_set_date (meeting, "2026-03-10");
  g_assert_true (pk_agenda_pdf_write (meeting, pdf, NULL, &error));
  g_assert_no_error (error);
  document = open_pdf (pdf);
  xmp = poppler_document_get_metadata (document);
  g_assert_true (xmp == NULL || strstr (xmp, "pdfaid") == NULL);
}

/* What is not a PDF is refused with an error, not a crash or an empty file. */
static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) junk = g_bytes_new_static ("this is not a PDF", 17);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  PkPdfaInfo info = { "Titel", NULL, NULL, NULL, "Protokoll", now };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = pk_pdfa_convert (junk, &info, &error);

  g_assert_null (out);
  g_assert_error (error, PK_PDF_WRITER_ERROR, PK_PDF_WRITER_ERROR_FAILED);
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/pdfa/xmp-matches-info", test_xmp_matches_info);
  ADD ("/pdfa/structure", test_structure);
  ADD ("/pdfa/agenda-not-claimed", test_agenda_not_claimed);
  ADD ("/pdfa/bad-input", test_bad_input);

  return g_test_run ();
}
