/* test-json.c: the meeting JSON: a rich meeting's round trip through a real database, and every
 * kind of bad input refused with the field's path. */
#include "config.h"

#include "pk-test-util.h"
#include "protokoll-core.h"

typedef struct
{
  char *dir;
  PkDatabase *db;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = pk_test_dir_new ();
  path = g_build_filename (fixture->dir, "protokoll.db", NULL);
  fixture->db = pk_database_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->db);
  pk_test_dir_free (fixture->dir);
}

/* Replaces the "id" line so two exports of different rows can be compared. */
static char *
without_id (const char *json)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\n  \"id\" : [0-9]+,", 0, 0, NULL);
  return g_regex_replace_literal (regex, json, -1, 0, "\n  \"id\" : 0,", 0, NULL);
}

static char *
import_and_export (PkDatabase *db,
                   const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) meeting = pk_meeting_from_json (json, -1, &error);
  g_autoptr(PkMeeting) loaded = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = pk_database_insert_meeting (db, meeting, &error);
  g_assert_no_error (error);
  loaded = pk_database_load_meeting (db, id, &error);
  g_assert_no_error (error);
  return pk_meeting_to_json (loaded, NULL);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *source = pk_test_read_data_file ("rich-meeting.json", NULL);
  g_autofree char *first = import_and_export (fixture->db, source);
  g_autofree char *second = import_and_export (fixture->db, first);
  g_autofree char *third = import_and_export (fixture->db, second);
  g_autofree char *first_clean = without_id (first);
  g_autofree char *second_clean = without_id (second);
  g_autofree char *third_clean = without_id (third);

  g_assert_cmpstr (first_clean, ==, second_clean);
  g_assert_cmpstr (second_clean, ==, third_clean);
  g_assert_cmpstr (first, !=, second); /* the ids differ, so the comparison above was not vacuous */
}

/* Every field of the rich fixture survives the database, not just the JSON text. */
static void
test_rich_fields (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *source = pk_test_read_data_file ("rich-meeting.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) meeting = pk_meeting_from_json (source, -1, &error);
  g_autoptr(PkMeeting) loaded = NULL;
  g_autoptr(PkAgendaItem) item2 = NULL, sub = NULL, subsub = NULL;
  g_autoptr(PkDecision) decision = NULL;
  g_autoptr(PkPersonNote) reservation = NULL, statement = NULL, recusal = NULL;
  g_autoptr(PkPerson) presenter = NULL;
  g_autoptr(PkAction) action = NULL;
  g_autoptr(PkAttachment) attachment = NULL;
  g_autoptr(PkAttendance) jarhult = NULL, svensson = NULL, karlsson = NULL;
  g_autoptr(PkSignoff) signoff = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = pk_database_insert_meeting (fixture->db, meeting, &error);
  g_assert_no_error (error);
  loaded = pk_database_load_meeting (fixture->db, id, &error);
  g_assert_no_error (error);

  g_assert_cmpint (pk_meeting_get_kind (loaded), ==, PK_MEETING_KIND_MINNESANTECKNINGAR);
  g_assert_cmpint (pk_meeting_get_status (loaded), ==, PK_MEETING_STATUS_HELD);
  g_assert_cmpstr (pk_meeting_get_dnr (loaded), ==, "21RGK153");
  g_assert_cmpstr (pk_meeting_get_place (loaded), ==, "Digitalt möte via Teams");
  g_assert_cmpstr (pk_meeting_get_recorded_by (loaded), ==, "Jenny Folkesson");

  item2 = g_list_model_get_item (G_LIST_MODEL (pk_meeting_get_items (loaded)), 1);
  g_assert_cmpstr (pk_agenda_item_get_number (item2), ==, "2");
  g_assert_cmpint (pk_agenda_item_get_duration_min (item2), ==, 30);
  g_assert_cmpstr (pk_agenda_item_get_dnr (item2), ==, "21RGK153-2");
  presenter = g_list_model_get_item (G_LIST_MODEL (pk_agenda_item_get_presenters (item2)), 0);
  g_assert_cmpstr (pk_person_get_name (presenter), ==, "Magnus Frithiof");
  g_assert_cmpstr (pk_person_get_title (presenter), ==, "utvecklingsdirektör");

  decision = g_list_model_get_item (G_LIST_MODEL (pk_agenda_item_get_decisions (item2)), 0);
  g_assert_cmpint (pk_decision_get_votes_yes (decision), ==, 9);
  g_assert_cmpint (pk_decision_get_votes_no (decision), ==, 2);
  g_assert_cmpint (pk_decision_get_votes_abstain (decision), ==, 1);
  reservation = g_list_model_get_item (G_LIST_MODEL (pk_decision_get_reservations (decision)), 0);
  g_assert_cmpstr (pk_person_note_get_name (reservation), ==, "Per Sandberg");
  statement = g_list_model_get_item (G_LIST_MODEL (pk_decision_get_statements (decision)), 0);
  g_assert_cmpstr (pk_person_note_get_text (statement), ==, "Växjö vill se en tidplan.");

  action = g_list_model_get_item (G_LIST_MODEL (pk_agenda_item_get_actions (item2)), 0);
  g_assert_cmpstr (pk_action_get_owner (action), ==, "Frida Holm Johansson");
  g_assert_cmpstr (pk_action_get_due (action), ==, "2021-10-01");
  attachment = g_list_model_get_item (G_LIST_MODEL (pk_agenda_item_get_attachments (item2)), 0);
  g_assert_cmpint (pk_attachment_get_number (attachment), ==, 1);
  g_assert_cmpint (pk_attachment_get_pages (attachment), ==, 4);
  recusal = g_list_model_get_item (G_LIST_MODEL (pk_agenda_item_get_recusals (item2)), 0);
  g_assert_cmpstr (pk_person_note_get_text (recusal), ==, "Jäv: anställd i berört bolag");

  sub = g_list_model_get_item (G_LIST_MODEL (pk_agenda_item_get_items (item2)), 0);
  g_assert_cmpstr (pk_agenda_item_get_number (sub), ==, "2.1");
  g_assert_cmpint (pk_agenda_item_get_state (sub), ==, PK_ITEM_STATE_DEFERRED);
  subsub = g_list_model_get_item (G_LIST_MODEL (pk_agenda_item_get_items (sub)), 0);
  g_assert_cmpstr (pk_agenda_item_get_number (subsub), ==, "2.1.1");
  g_assert_true (pk_agenda_item_get_confidential (subsub));

  jarhult = g_list_model_get_item (G_LIST_MODEL (pk_meeting_get_attendees (loaded)), 1);
  g_assert_cmpstr (pk_attendance_get_note (jarhult), ==, "ej fm");
  g_assert_cmpstr (pk_attendance_get_from_item (jarhult), ==, "2");
  svensson = g_list_model_get_item (G_LIST_MODEL (pk_meeting_get_attendees (loaded)), 3);
  g_assert_cmpint (pk_attendance_get_role (svensson), ==, PK_ROLE_ERSATTARE);
  g_assert_cmpstr (pk_attendance_get_replaces (svensson), ==, "Gunilla Kaj-Bevheden");
  karlsson = g_list_model_get_item (G_LIST_MODEL (pk_meeting_get_attendees (loaded)), 6);
  g_assert_false (pk_attendance_get_present (karlsson));
  g_assert_cmpstr (pk_attendance_get_note (karlsson), ==, "kommunikatör");

  signoff = g_list_model_get_item (G_LIST_MODEL (pk_meeting_get_signoffs (loaded)), 0);
  g_assert_cmpint (pk_signoff_get_role (signoff), ==, PK_ROLE_SEKRETERARE);
  g_assert_cmpstr (pk_signoff_get_place (signoff), ==, "Växjö");
}

typedef struct
{
  const char *name;
  const char *json;
  int code;
  const char *message_part;
} BadCase;

static const BadCase bad_cases[] = {
  { "syntax", "{ \"format\": \"protokoll-meeting/1\", ", PK_JSON_ERROR_SYNTAX, NULL },
  { "not-object", "[1, 2]", PK_JSON_ERROR_FIELD, "JSON object" },
  { "no-format", "{ \"title\": \"x\" }", PK_JSON_ERROR_FIELD, "format: is required" },
  { "wrong-format", "{ \"format\": \"protokoll-meeting/9\" }", PK_JSON_ERROR_FIELD, "format:" },
  { "title-number", "{ \"format\": \"protokoll-meeting/1\", \"title\": 5 }", PK_JSON_ERROR_FIELD,
    "title: expected a string" },
  { "bad-status", "{ \"format\": \"protokoll-meeting/1\", \"status\": \"signed\" }", PK_JSON_ERROR_FIELD,
    "status: “signed” is not one of draft, called, held, pending, justerat" },
  { "bad-date", "{ \"format\": \"protokoll-meeting/1\", \"date\": \"2021-02-30\" }", PK_JSON_ERROR_FIELD,
    "date: expected a date as YYYY-MM-DD" },
  { "bad-time", "{ \"format\": \"protokoll-meeting/1\", \"start\": \"25:00\" }", PK_JSON_ERROR_FIELD,
    "start: expected a time as HH:MM" },
  { "nested-type", "{ \"format\": \"protokoll-meeting/1\", \"items\": [ { \"title\": \"a\" }, "
    "{ \"title\": \"b\", \"decisions\": [ { \"text\": [] } ] } ] }", PK_JSON_ERROR_FIELD,
    "items[1].decisions[0].text: expected a string" },
  { "deep-item", "{ \"format\": \"protokoll-meeting/1\", \"items\": [ { \"items\": [ { \"duration_min\": -5 } ] } ] }",
    PK_JSON_ERROR_FIELD, "items[0].items[0].duration_min" },
  { "items-not-list", "{ \"format\": \"protokoll-meeting/1\", \"items\": {} }", PK_JSON_ERROR_FIELD,
    "items: expected a list" },
  { "attendee-no-name", "{ \"format\": \"protokoll-meeting/1\", \"attendees\": [ { \"role\": \"ledamot\" } ] }",
    PK_JSON_ERROR_FIELD, "attendees[0].name: is required" },
  { "bad-role", "{ \"format\": \"protokoll-meeting/1\", \"attendees\": [ { \"name\": \"A\", \"role\": \"kung\" } ] }",
    PK_JSON_ERROR_FIELD, "attendees[0].role" },
  { "unknown-item-reference", "{ \"format\": \"protokoll-meeting/1\", \"items\": [ { \"title\": \"a\" } ], "
    "\"attendees\": [ { \"name\": \"A\", \"from_item\": \"9\" } ] }", PK_JSON_ERROR_FIELD,
    "attendees[0].from_item: there is no agenda item numbered “9”" },
  { "bad-sha", "{ \"format\": \"protokoll-meeting/1\", \"items\": [ { \"attachments\": [ { \"sha256\": \"xyz\" } ] } ] }",
    PK_JSON_ERROR_FIELD, "items[0].attachments[0].sha256" },
  { "bad-present", "{ \"format\": \"protokoll-meeting/1\", \"attendees\": [ { \"name\": \"A\", \"present\": \"yes\" } ] }",
    PK_JSON_ERROR_FIELD, "attendees[0].present: expected true or false" },
};

static void
test_bad_input (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) meeting = pk_meeting_from_json (bad->json, -1, &error);

  g_assert_null (meeting);
  g_assert_error (error, PK_JSON_ERROR, bad->code);
  if (bad->message_part != NULL && strstr (error->message, bad->message_part) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, bad->message_part);
}

static void
test_not_utf8 (void)
{
  /* "Mötesanteckningar" in Latin-1, as an old Windows export would have it. */
  const char json[] = "{ \"format\": \"protokoll-meeting/1\",\n \"title\": \"M\xf6tesanteckningar\" }";
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) meeting = pk_meeting_from_json (json, -1, &error);

  g_assert_null (meeting);
  g_assert_error (error, PK_JSON_ERROR, PK_JSON_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "line 2"));
}

/* A nesting bomb: json-glib recurses per level, and this deep it would overflow the stack. */
static void
test_too_deep (void)
{
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"protokoll-meeting/1\",\n \"items\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) meeting = NULL;

  for (int i = 0; i < 200000; i++)
    g_string_append_c (json, '[');
  for (int i = 0; i < 200000; i++)
    g_string_append_c (json, ']');
  g_string_append (json, " }");
  meeting = pk_meeting_from_json (json->str, json->len, &error);
  g_assert_null (meeting);
  g_assert_error (error, PK_JSON_ERROR, PK_JSON_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_assert_nonnull (strstr (error->message, "nested"));
  g_clear_error (&error);

  /* Brackets inside strings are text, however many. */
  g_string_assign (json, "{ \"format\": \"protokoll-meeting/1\", \"title\": \"");
  for (int i = 0; i < 5000; i++)
    g_string_append (json, "[{\\\"");
  g_string_append (json, "\" }");
  g_clear_object (&meeting);
  meeting = pk_meeting_from_json (json->str, json->len, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (pk_meeting_get_title (meeting), "[{\"[{"));
}

static void
test_unknown_fields_ignored (void)
{
  const char json[] = "{ \"format\": \"protokoll-meeting/1\", \"title\": \"Styrelsemöte\", "
                      "\"future_field\": { \"x\": 1 }, \"items\": [ { \"title\": \"a\", \"colour\": \"red\" } ] }";
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) meeting = pk_meeting_from_json (json, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (pk_meeting_get_title (meeting), ==, "Styrelsemöte");
  g_assert_cmpint (pk_meeting_get_status (meeting), ==, PK_MEETING_STATUS_DRAFT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pk_meeting_get_items (meeting))), ==, 1);
}

/* The file's own numbering (3, 7) is what from_item refers to; the tree renumbers to 1, 2. */
static void
test_item_reference_in_file_numbering (void)
{
  const char json[] = "{ \"format\": \"protokoll-meeting/1\", \"items\": [ { \"number\": 3, \"title\": \"a\" }, "
                      "{ \"number\": \"7\", \"title\": \"b\" } ], "
                      "\"attendees\": [ { \"name\": \"A\", \"from_item\": \"7\" } ] }";
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) meeting = pk_meeting_from_json (json, -1, &error);
  g_autoptr(PkAttendance) attendance = NULL;

  g_assert_no_error (error);
  attendance = g_list_model_get_item (G_LIST_MODEL (pk_meeting_get_attendees (meeting)), 0);
  g_assert_cmpstr (pk_attendance_get_from_item (attendance), ==, "2");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/json/round-trip", Fixture, NULL, fixture_setup, test_round_trip, fixture_teardown);
  g_test_add ("/json/rich-fields", Fixture, NULL, fixture_setup, test_rich_fields, fixture_teardown);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/json/bad-input/%s", bad_cases[i].name);
      g_test_add_data_func (name, &bad_cases[i], test_bad_input);
    }
  g_test_add_func ("/json/not-utf8", test_not_utf8);
  g_test_add_func ("/json/too-deep", test_too_deep);
  g_test_add_func ("/json/unknown-fields-ignored", test_unknown_fields_ignored);
  g_test_add_func ("/json/item-reference-in-file-numbering", test_item_reference_in_file_numbering);

  return g_test_run ();
}
