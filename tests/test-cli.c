/* test-cli.c: protokoll-cli as a subprocess: every command, its output and its exit status. */
#include "config.h"

#include <gio/gio.h>
#include <cairo-pdf.h>
#include <json-glib/json-glib.h>

#include "pk-test-util.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = pk_test_dir_new ();
  fixture->db = g_build_filename (fixture->dir, "cli.db", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  pk_test_dir_free (fixture->dir);
  g_free (fixture->db);
}

static void
import_fixture (Fixture *fixture)
{
  g_autofree char *json = pk_test_data_path ("rich-meeting.json");
  g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, "import-json", json, NULL);

  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "1\n");
}

static void
test_help (void)
{
  g_auto(PkTestCliResult) r = pk_test_run_cli ("--help", NULL);

  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "import-json FILE"));
  g_assert_nonnull (strstr (r.out, "Exit status"));
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *cases[][4] = {
    { NULL },
    { "frobnicate", NULL },
    { "--no-such-option", "list", NULL },
    { "show", NULL },
    { "show", "abc", NULL },
    { "import-json", NULL },
    { "list", "extra", NULL },
    { "--db", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, cases[i][0], cases[i][1], cases[i][2], NULL);

      g_assert_cmpint (r.status, ==, 2);
      g_assert_cmpstr (r.out, ==, "");
      g_assert_cmpstr (r.err, !=, "");
    }
}

static void
test_list_empty (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(PkTestCliResult) text = pk_test_run_cli ("--db", fixture->db, "list", NULL);
  g_auto(PkTestCliResult) json = pk_test_run_cli ("list", "--json", "--db", fixture->db, NULL);

  g_assert_cmpint (text.status, ==, 0);
  g_assert_cmpstr (text.out, ==, "");
  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpstr (g_strstrip (json.out), ==, "[]");
}

static void
test_import_list_show (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *first;

  import_fixture (fixture);
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, "list", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "1\t2021-06-04\tLedningsgrupp för samordning av länets hälso- och "
                                "sjukvård och socialtjänst\tMötesanteckningar\theld\n");
  }
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, "list", "--json", NULL);
    g_assert_cmpint (r.status, ==, 0);
    json_parser_load_from_data (parser, r.out, -1, &error);
    g_assert_no_error (error);
    first = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
    g_assert_cmpint (json_object_get_int_member (first, "id"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (first, "date"), ==, "2021-06-04");
    g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "Mötesanteckningar");
    g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "held");
  }
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, "show", "1", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "2. Arbete med Nära vård och patientkontrakt - redovisning"));
  }
}

static void
test_export_import_round_trip (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *exported = g_build_filename (fixture->dir, "exported.json", NULL);
  g_autoptr(GRegex) id_line = g_regex_new ("\\n  \"id\" : [0-9]+,", 0, 0, NULL);

  import_fixture (fixture);
  {
    g_auto(PkTestCliResult) show = pk_test_run_cli ("--db", fixture->db, "show", "1", "--json", NULL);
    g_auto(PkTestCliResult) export = pk_test_run_cli ("--db", fixture->db, "export-json", "1", NULL);
    g_assert_cmpint (export.status, ==, 0);
    g_assert_cmpstr (show.out, ==, export.out);
    g_assert_true (g_file_set_contents (exported, export.out, -1, NULL));
  }
  {
    g_auto(PkTestCliResult) import = pk_test_run_cli ("--db", fixture->db, "import-json", exported, NULL);
    g_auto(PkTestCliResult) first = pk_test_run_cli ("--db", fixture->db, "export-json", "1", NULL);
    g_auto(PkTestCliResult) second = pk_test_run_cli ("--db", fixture->db, "export-json", "2", NULL);
    g_autofree char *a = NULL, *b = NULL;

    g_assert_cmpint (import.status, ==, 0);
    g_assert_cmpstr (import.out, ==, "2\n");
    g_assert_nonnull (strstr (second.out, "\"id\" : 2,"));
    a = g_regex_replace_literal (id_line, first.out, -1, 0, "", 0, NULL);
    b = g_regex_replace_literal (id_line, second.out, -1, 0, "", 0, NULL);
    g_assert_cmpstr (a, ==, b);
  }
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.json", NULL);

  import_fixture (fixture);
  g_assert_true (g_file_set_contents (bad, "{ \"format\": \"protokoll-meeting/1\", \"items\": "
                                      "[ { \"title\": \"a\", \"state\": \"finished\" } ] }", -1, NULL));
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, "import-json", bad, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "bad.json"));
    g_assert_nonnull (strstr (r.err, "items[0].state"));
    g_assert_cmpstr (r.out, ==, "");
  }
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, "import-json", missing, NULL);
    g_assert_cmpint (r.status, ==, 1);
  }
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, "show", "99", "--json", NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "99"));
  }
  /* Nothing of the failed imports was left behind. */
  g_assert_cmpint (pk_test_sql_int (fixture->db, "SELECT count(*) FROM meeting"), ==, 1);
}

static void
assert_database_refused (Fixture    *fixture,
                         const char *command)
{
  g_autofree char *before = pk_test_file_checksum (fixture->db);
  g_autofree char *after = NULL;
  g_autofree char *json = pk_test_data_path ("rich-meeting.json");
  g_auto(PkTestCliResult) r = g_str_equal (command, "import-json")
                       ? pk_test_run_cli ("--db", fixture->db, command, json, NULL)
                       : pk_test_run_cli ("--db", fixture->db, command, NULL);

  g_assert_cmpint (r.status, ==, 3);
  /* One line, naming the file. */
  g_assert_nonnull (strstr (r.err, fixture->db));
  g_assert_cmpint (strchr (r.err, '\n') - r.err, ==, (int) strlen (r.err) - 1);
  after = pk_test_file_checksum (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_corrupt_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length;

  import_fixture (fixture);
  pk_test_sql (fixture->db, "PRAGMA journal_mode = DELETE");
  g_assert_true (g_file_get_contents (fixture->db, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (fixture->db, contents, length / 2 + 7, NULL));
  assert_database_refused (fixture, "list");
  assert_database_refused (fixture, "import-json");
}

static void
test_not_a_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_assert_true (g_file_set_contents (fixture->db, "PK\x03\x04 this is a zip file, not SQLite", -1, NULL));
  assert_database_refused (fixture, "list");
}

static void
test_newer_database (Fixture       *fixture,
                     gconstpointer  data)
{
  import_fixture (fixture);
  pk_test_sql (fixture->db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 42");
  assert_database_refused (fixture, "list");
  assert_database_refused (fixture, "import-json");
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, "list", NULL);
    g_assert_nonnull (strstr (r.err, "newer version"));
  }
}

static void
test_environment_database (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  import_fixture (fixture);
  g_subprocess_launcher_setenv (launcher, "PROTOKOLL_DB", fixture->db, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("PK_TEST_CLI"), "list", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_true (g_str_has_prefix (out, "1\t2021-06-04"));
}

static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "kallelse.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  import_fixture (fixture);
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, "export-pdf", "1", "--agenda", "--out", pdf, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    g_assert_cmpuint (length, >, 1000);
  }
  {
    g_autofree char *protocol_pdf = g_build_filename (fixture->dir, "protokoll.pdf", NULL);
    g_auto(PkTestCliResult) no_mode = pk_test_run_cli ("--db", fixture->db, "export-pdf", "1", "--out", protocol_pdf, NULL);
    g_auto(PkTestCliResult) no_out = pk_test_run_cli ("--db", fixture->db, "export-pdf", "1", "--agenda", NULL);
    g_auto(PkTestCliResult) two_modes = pk_test_run_cli ("--db", fixture->db, "export-pdf", "1", "--agenda", "--public", "--out", pdf, NULL);
    g_auto(PkTestCliResult) missing = pk_test_run_cli ("--db", fixture->db, "export-pdf", "99", "--agenda", "--out", pdf, NULL);

    /* Without a choice, the minutes themselves. */
    g_assert_cmpint (no_mode.status, ==, 0);
    g_assert_true (g_file_test (protocol_pdf, G_FILE_TEST_EXISTS));
    g_assert_cmpint (no_out.status, ==, 2);
    g_assert_cmpint (two_modes.status, ==, 2);
    g_assert_cmpint (missing.status, ==, 1);
  }
}

/* Without the PDF module (Poppler, libqpdf) the protocol cannot be made PDF/A: a clear message,
 * no file, nothing else broken. */
static void
test_export_without_pdf_module (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "protokoll.pdf", NULL);
  g_autofree char *agenda = g_build_filename (fixture->dir, "kallelse.pdf", NULL);
  g_autofree char *module = g_strdup (g_getenv ("PROTOKOLL_PDF_MODULE"));
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-module.so", NULL);

  import_fixture (fixture);
  g_setenv ("PROTOKOLL_PDF_MODULE", missing, TRUE);
  {
    g_auto(PkTestCliResult) protocol = pk_test_run_cli ("--db", fixture->db, "export-pdf", "1", "--protocol", "--out", pdf, NULL);
    g_auto(PkTestCliResult) kallelse = pk_test_run_cli ("--db", fixture->db, "export-pdf", "1", "--agenda", "--out", agenda, NULL);

    g_assert_cmpint (protocol.status, !=, 0);
    g_assert_nonnull (strstr (protocol.err, "no-such-module.so"));
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    /* The kallelse is no PDF/A file: it needs no module. */
    g_assert_cmpint (kallelse.status, ==, 0);
  }
  /* A file that was there stays as it was. */
  g_assert_true (g_file_set_contents (pdf, "earlier", -1, NULL));
  {
    g_auto(PkTestCliResult) again = pk_test_run_cli ("--db", fixture->db, "export-pdf", "1", "--protocol", "--out", pdf, NULL);
    g_autofree char *contents = NULL;

    g_assert_cmpint (again.status, !=, 0);
    g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "earlier");
  }
  /* Unset, a program run from the build tree finds the module built beside it (or the installed one). */
  g_unsetenv ("PROTOKOLL_PDF_MODULE");
  {
    g_autofree char *found = g_build_filename (fixture->dir, "found.pdf", NULL);
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, "export-pdf", "1", "--protocol", "--out", found, NULL);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_test (found, G_FILE_TEST_EXISTS));
  }
  if (module != NULL)
    g_setenv ("PROTOKOLL_PDF_MODULE", module, TRUE);
}

static void
test_next (Fixture       *fixture,
           gconstpointer  data)
{
  import_fixture (fixture);
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, "next", "1", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "2\n");
  }
  {
    /* The fixture's item 2.1 is deferred: it is on the new agenda, linked to where it came from. */
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, "show", "2", "--json", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "\"title\" : \"Fast vårdkontakt\""));
    g_assert_nonnull (strstr (r.out, "\"title\" : \"Uppföljning av uppdrag\""));
    g_assert_nonnull (strstr (r.out, "Ta fram ett förslag till uppdrag till tvärgrupperna"));
    g_assert_null (strstr (r.out, "Incheckning"));
  }
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, "next", "77", NULL);
    g_assert_cmpint (r.status, ==, 1);
  }
}

static void
test_members_and_quorum (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *body = "Ledningsgrupp för samordning av länets hälso- och sjukvård och socialtjänst";
  const char *people[][2] = { { "Annika Magnerot", "ordforande" }, { "Gunilla Kaj-Bevheden", "ledamot" },
                              { "Annie-Lie Jarhult", "ledamot" }, { "Roger O Nilsson", "ledamot" },
                              { "Ewa Ekman", "ledamot" }, { "Hanna Svensson", "ersattare" } };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, "member-add", body, people[i][0], "--role", people[i][1],
                                  "--from", "2021-01-01", NULL);
      g_assert_cmpint (r.status, ==, 0);
    }
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, "members", body, "--date", "2021-06-04", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_str_has_prefix (strchr (r.out, '\t') + 1, "ordforande\tAnnika Magnerot"));
  }
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, "members", body, "--date", "2020-06-04", NULL);
    g_assert_cmpstr (r.out, ==, "");
  }
  {
    g_auto(PkTestCliResult) bad = pk_test_run_cli ("--db", fixture->db, "member-add", body, "X", "--role", "kung", NULL);
    g_assert_cmpint (bad.status, ==, 2);
  }
  /* The fixture's roster against five voting seats (three needed): the chair and three members are
   * present, and Hanna Svensson serves for Gunilla Kaj-Bevheden. */
  {
    /* Quorum belongs to a protokoll: the fixture's minnesanteckningar, made one. */
    g_autofree char *json = pk_test_read_data_file ("rich-meeting.json", NULL);
    g_autofree char *path = g_build_filename (fixture->dir, "protokoll.json", NULL);
    g_autoptr(GRegex) kind = g_regex_new ("\"kind\": \"minnesanteckningar\"", 0, 0, NULL);
    g_autofree char *changed = g_regex_replace_literal (kind, json, -1, 0, "\"kind\": \"protokoll\"", 0, NULL);
    g_auto(PkTestCliResult) r = (g_file_set_contents (path, changed, -1, NULL),
                        pk_test_run_cli ("--db", fixture->db, "import-json", path, NULL));
    g_assert_cmpstr (r.out, ==, "1\n");
  }
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, "show", "1", "--json", NULL);
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *quorum;

    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (json_parser_load_from_data (parser, r.out, -1, NULL));
    g_assert_true (json_object_has_member (json_node_get_object (json_parser_get_root (parser)), "quorum"));
    quorum = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "quorum");
    g_assert_nonnull (quorum);
    g_assert_cmpint (json_object_get_int_member (quorum, "required"), ==, 3);
    g_assert_cmpint (json_object_get_int_member (quorum, "present"), ==, 5);
    g_assert_true (json_object_get_boolean_member (quorum, "met"));
  }
}

static void
test_sign_verify_correct (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *json = pk_test_read_data_file ("rich-meeting.json", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "protokoll.json", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "protokoll.pdf", NULL);
  g_autofree char *changed_pdf = g_build_filename (fixture->dir, "andrad.pdf", NULL);
  g_autoptr(GRegex) kind = g_regex_new ("\"kind\": \"minnesanteckningar\"", 0, 0, NULL);
  g_autofree char *protokoll = g_regex_replace_literal (kind, json, -1, 0, "\"kind\": \"protokoll\"", 0, NULL);

  g_assert_true (g_file_set_contents (path, protokoll, -1, NULL));
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, "import-json", path, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(PkTestCliResult) usage = pk_test_run_cli ("--db", fixture->db, "sign", "1", "--role", "ordforande", NULL);
    g_auto(PkTestCliResult) bad_role = pk_test_run_cli ("--db", fixture->db, "sign", "1", "--role", "ledamot", "--name", "X", NULL);
    g_auto(PkTestCliResult) not_yet = pk_test_run_cli ("--db", fixture->db, "verify", "1", NULL);
    g_assert_cmpint (usage.status, ==, 2);
    g_assert_cmpint (bad_role.status, ==, 2);
    g_assert_cmpint (not_yet.status, ==, 1);
  }
  {
    g_auto(PkTestCliResult) a = pk_test_run_cli ("--db", fixture->db, "sign", "1", "--role", "sekreterare", "--name", "Jenny Folkesson", NULL);
    g_auto(PkTestCliResult) b = pk_test_run_cli ("--db", fixture->db, "sign", "1", "--role", "ordforande", "--name", "Annika Magnerot", NULL);
    g_auto(PkTestCliResult) c = pk_test_run_cli ("--db", fixture->db, "sign", "1", "--role", "justerare", "--name", "Ewa Ekman",
                                "--place", "Växjö", NULL);
    g_assert_cmpstr (a.out, ==, "pending\n");
    g_assert_cmpstr (b.out, ==, "pending\n");
    g_assert_cmpstr (c.out, ==, "justerat\n");
  }
  {
    g_auto(PkTestCliResult) verify = pk_test_run_cli ("--db", fixture->db, "verify", "1", NULL);
    g_auto(PkTestCliResult) export = pk_test_run_cli ("--db", fixture->db, "export-pdf", "1", "--protocol", "--out", pdf, NULL);
    g_auto(PkTestCliResult) verify_pdf = pk_test_run_cli ("--db", fixture->db, "verify", pdf, NULL);
    g_assert_cmpint (verify.status, ==, 0);
    g_assert_true (g_str_has_prefix (verify.out, "ok 1 "));
    g_assert_cmpint (export.status, ==, 0);
    g_assert_cmpstr (verify_pdf.out, ==, "ok meeting 1 version 1 protocol\n");
  }
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    contents[length - 10] ^= 0x20;
    g_assert_true (g_file_set_contents (changed_pdf, contents, length, NULL));
  }
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, "verify", changed_pdf, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "andrad.pdf"));
  }
  {
    g_auto(PkTestCliResult) no_reason = pk_test_run_cli ("--db", fixture->db, "correct", "1", NULL);
    g_auto(PkTestCliResult) correct = pk_test_run_cli ("--db", fixture->db, "correct", "1", "--reason", "Fel i § 2", NULL);
    g_auto(PkTestCliResult) again = pk_test_run_cli ("--db", fixture->db, "correct", "1", "--reason", "Igen", NULL);
    g_auto(PkTestCliResult) old_pdf = pk_test_run_cli ("--db", fixture->db, "verify", pdf, NULL);
    g_assert_cmpint (no_reason.status, ==, 2);
    g_assert_cmpint (correct.status, ==, 0);
    g_assert_cmpint (again.status, ==, 1);  /* version 2 is not approved: nothing to correct */
    g_assert_cmpstr (old_pdf.out, ==, "ok meeting 1 version 1 protocol\n");
  }
}

/* A real 3-page PDF made with cairo. */
static char *
write_pdf (Fixture    *fixture,
           const char *name)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  for (int i = 1; i <= 3; i++)
    {
      g_autofree char *text = g_strdup_printf ("Rapport sida %d", i);
      cairo_move_to (cr, 72, 100);
      cairo_show_text (cr, text);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return path;
}

static JsonObject *
item_attachment (JsonNode *root,
                 guint     item,
                 guint     index)
{
  JsonArray *items = json_object_get_array_member (json_node_get_object (root), "items");
  JsonObject *object = json_array_get_object_element (items, item);

  return json_array_get_object_element (json_object_get_array_member (object, "attachments"), index);
}

static void
test_attach (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *pdf = write_pdf (fixture, "rapport.pdf");
  g_autofree char *checksum = pk_test_file_checksum (pdf);
  g_autofree char *text = g_build_filename (fixture->dir, "text.pdf", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "saknas.pdf", NULL);
  g_autofree char *damaged = pk_test_data_path ("hostile/issue-99.pdf");

  import_fixture (fixture);
  g_assert_true (g_file_set_contents (text, "Bara text.\n", -1, NULL));
  {
    /* Item 2 already has Bilaga 1 (from the JSON); item 3 comes after it, item 1 before. */
    g_auto(PkTestCliResult) third = pk_test_run_cli ("--db", fixture->db, "attach", "1", "3", pdf, "--title", "Ekonomisk rapport", NULL);
    g_auto(PkTestCliResult) first = pk_test_run_cli ("--db", fixture->db, "attach", "1", "1", pdf, NULL);
    g_assert_cmpint (third.status, ==, 0);
    g_assert_cmpstr (third.out, ==, "2\n");
    g_assert_cmpint (first.status, ==, 0);
    g_assert_cmpstr (first.out, ==, "1\n");
  }
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, "show", "1", "--json", NULL);
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *a, *b, *c;

    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (json_parser_load_from_data (parser, r.out, -1, NULL));
    a = item_attachment (json_parser_get_root (parser), 0, 0);
    b = item_attachment (json_parser_get_root (parser), 1, 0);
    c = item_attachment (json_parser_get_root (parser), 2, 0);
    g_assert_cmpint (json_object_get_int_member (a, "number"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (a, "title"), ==, "rapport");
    g_assert_cmpstr (json_object_get_string_member (a, "sha256"), ==, checksum);
    g_assert_cmpint (json_object_get_int_member (a, "pages"), ==, 3);
    g_assert_cmpint (json_object_get_int_member (b, "number"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (c, "number"), ==, 3);
    g_assert_cmpstr (json_object_get_string_member (c, "title"), ==, "Ekonomisk rapport");
    g_assert_cmpstr (json_object_get_string_member (c, "sha256"), ==, checksum);
    g_assert_cmpint (json_object_get_int_member (c, "pages"), ==, 3);
  }
  /* Same bytes twice: one blob. */
  g_assert_cmpint (pk_test_sql_int (fixture->db, "SELECT count(*) FROM blob"), ==, 1);
  {
    g_auto(PkTestCliResult) not_pdf = pk_test_run_cli ("--db", fixture->db, "attach", "1", "1", text, NULL);
    g_auto(PkTestCliResult) no_item = pk_test_run_cli ("--db", fixture->db, "attach", "1", "9", pdf, NULL);
    g_auto(PkTestCliResult) no_file = pk_test_run_cli ("--db", fixture->db, "attach", "1", "1", missing, NULL);
    g_auto(PkTestCliResult) no_meeting = pk_test_run_cli ("--db", fixture->db, "attach", "99", "1", pdf, NULL);
    g_auto(PkTestCliResult) bad_id = pk_test_run_cli ("--db", fixture->db, "attach", "x", "1", pdf, NULL);
    g_auto(PkTestCliResult) too_few = pk_test_run_cli ("--db", fixture->db, "attach", "1", pdf, NULL);

    g_assert_cmpint (not_pdf.status, ==, 1);
    g_assert_nonnull (strstr (not_pdf.err, "text.pdf"));
    g_assert_nonnull (strstr (not_pdf.err, "not a PDF"));
    g_assert_cmpint (no_item.status, ==, 1);
    g_assert_nonnull (strstr (no_item.err, "9"));
    g_assert_cmpint (no_file.status, ==, 1);
    g_assert_nonnull (strstr (no_file.err, "saknas.pdf"));
    g_assert_cmpint (no_meeting.status, ==, 1);
    g_assert_cmpint (bad_id.status, ==, 2);
    g_assert_cmpint (too_few.status, ==, 2);
    g_assert_cmpint (pk_test_sql_int (fixture->db, "SELECT count(*) FROM attachment"), ==, 3);
  }
  {
    /* A damaged PDF is stored, with a warning, not shown in the app. */
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, "attach", "1", "2", damaged, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "3\n");
    g_assert_nonnull (strstr (r.err, "cannot be shown safely (failed)"));
    g_assert_cmpint (pk_test_sql_int (fixture->db, "SELECT count(*) FROM attachment WHERE probe_result = 'failed'"
                                                   " AND page_count IS NULL"), ==, 1);
  }
}

static void
test_pdf_probe (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *pdf = write_pdf (fixture, "rapport.pdf");
  g_autofree char *text = g_build_filename (fixture->dir, "text.pdf", NULL);
  g_autofree char *damaged = pk_test_data_path ("hostile/issue-146.pdf");
  g_auto(PkTestCliResult) human = pk_test_run_cli ("pdf-probe", pdf, NULL);
  g_auto(PkTestCliResult) json = pk_test_run_cli ("pdf-probe", pdf, "--json", NULL);
  g_auto(PkTestCliResult) bad = pk_test_run_cli ("pdf-probe", damaged, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  g_assert_cmpint (human.status, ==, 0);
  g_assert_true (g_str_has_prefix (human.out, "pages: 3\ntext: "));
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (object, "pages"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (object, "text_size"), >, 0);
  g_assert_nonnull (strstr (json_object_get_string_member (object, "text"), "Rapport sida 3"));
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "issue-146.pdf"));

  g_assert_true (g_file_set_contents (text, "Bara text.\n", -1, NULL));
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("pdf-probe", text, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "not a PDF"));
  }
}

static void
test_attach_justerat (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *json = pk_test_read_data_file ("rich-meeting.json", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "protokoll.json", NULL);
  g_autofree char *pdf = write_pdf (fixture, "sen.pdf");
  g_autoptr(GRegex) kind = g_regex_new ("\"kind\": \"minnesanteckningar\"", 0, 0, NULL);
  g_autofree char *protokoll = g_regex_replace_literal (kind, json, -1, 0, "\"kind\": \"protokoll\"", 0, NULL);

  g_assert_true (g_file_set_contents (path, protokoll, -1, NULL));
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, "import-json", path, NULL);
    g_auto(PkTestCliResult) a = pk_test_run_cli ("--db", fixture->db, "sign", "1", "--role", "sekreterare", "--name", "Jenny Folkesson", NULL);
    g_auto(PkTestCliResult) b = pk_test_run_cli ("--db", fixture->db, "sign", "1", "--role", "ordforande", "--name", "Annika Magnerot", NULL);
    g_auto(PkTestCliResult) c = pk_test_run_cli ("--db", fixture->db, "sign", "1", "--role", "justerare", "--name", "Ewa Ekman", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (c.out, ==, "justerat\n");
  }
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->db, "attach", "1", "1", pdf, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "approved"));
    g_assert_cmpint (pk_test_sql_int (fixture->db, "SELECT count(*) FROM blob"), ==, 0);
    g_assert_cmpint (pk_test_sql_int (fixture->db, "SELECT count(*) FROM attachment"), ==, 1);
  }
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help", test_help);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/list-empty", test_list_empty);
  ADD ("/cli/import-list-show", test_import_list_show);
  ADD ("/cli/export-import-round-trip", test_export_import_round_trip);
  ADD ("/cli/bad-input", test_bad_input);
  ADD ("/cli/corrupt-database", test_corrupt_database);
  ADD ("/cli/not-a-database", test_not_a_database);
  ADD ("/cli/newer-database", test_newer_database);
  ADD ("/cli/environment-database", test_environment_database);
  ADD ("/cli/export-pdf", test_export_pdf);
  ADD ("/cli/export-without-pdf-module", test_export_without_pdf_module);
  ADD ("/cli/next", test_next);
  ADD ("/cli/members-and-quorum", test_members_and_quorum);
  ADD ("/cli/sign-verify-correct", test_sign_verify_correct);
  ADD ("/cli/attach", test_attach);
  ADD ("/cli/pdf-probe", test_pdf_probe);
  ADD ("/cli/attach-justerat", test_attach_justerat);

  return g_test_run ();
}
