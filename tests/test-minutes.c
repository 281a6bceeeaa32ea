/* test-minutes.c: the minutes of an item saved as the Beslut panel saves them; yrkanden; standard
 * phrases; the schema step that made room for yrkanden. */
#include "config.h"

#include <string.h>

#include "pk-test-util.h"
#include "protokoll-core.h"
#include "pk-schema.h"

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
  fixture->path = g_build_filename (fixture->dir, "minutes.db", NULL);
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
add_meeting (Fixture *fixture)
{
  g_autoptr(PkMeeting) meeting = pk_meeting_new ();
  g_autoptr(PkAttendance) approver = pk_attendance_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  pk_meeting_set_body (meeting, "Kommunstyrelsen");
  pk_meeting_set_title (meeting, "Sammanträde");
  pk_meeting_set_date (meeting, "2026-11-18");
  pk_meeting_set_status (meeting, PK_MEETING_STATUS_HELD);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PkAgendaItem) item = pk_agenda_item_new ();
      g_autofree char *title = g_strdup_printf ("Ärende %u", i + 1);

      pk_agenda_item_set_title (item, title);
      g_list_store_append (pk_meeting_get_items (meeting), item);
    }
  pk_attendance_set_name (approver, "Ewa Ekman");
  pk_attendance_set_role (approver, PK_ROLE_JUSTERARE);
  g_list_store_append (pk_meeting_get_attendees (meeting), approver);
  id = pk_database_insert_meeting (fixture->db, meeting, &error);
  g_assert_no_error (error);
  return id;
}

static PkMeeting *
load (Fixture *fixture,
      gint64   id)
{
  g_autoptr(GError) error = NULL;
  PkMeeting *meeting = pk_database_load_meeting (fixture->db, id, &error);

  g_assert_no_error (error);
  return meeting;
}

static PkAgendaItem *
nth_item (PkMeeting *meeting,
          guint      n)
{
  g_autoptr(PkAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (pk_meeting_get_items (meeting)), n);
  return item;   /* the meeting keeps it */
}

static void
add_note (GListStore *store,
          const char *name,
          const char *text)
{
  g_autoptr(PkPersonNote) note = pk_person_note_new ();

  pk_person_note_set_name (note, name);
  pk_person_note_set_text (note, text);
  g_list_store_append (store, note);
}

/* What the panel does: copies of the edited items written in one go, ids given back. */
static void
save_items (Fixture       *fixture,
            PkAgendaItem **items,
            guint          n)
{
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (copies, pk_agenda_item_copy_deep (items[i]));
  g_assert_true (pk_database_save_minutes (fixture->db, copies, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    pk_agenda_item_adopt_ids (g_ptr_array_index (copies, i));
}

static char *
item_json (PkMeeting *meeting,
           guint      n)
{
  g_autoptr(JsonNode) node = pk_meeting_to_json_node (meeting, NULL);
  JsonObject *item = json_array_get_object_element (json_object_get_array_member (json_node_get_object (node), "items"), n);
  g_autoptr(JsonNode) copy = json_node_init_object (json_node_alloc (), item);

  return json_to_string (copy, FALSE);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 id = add_meeting (fixture);
  g_autoptr(PkMeeting) meeting = load (fixture, id);
  g_autoptr(PkMeeting) again = NULL;
  PkAgendaItem *item = nth_item (meeting, 1);
  g_autoptr(PkDecision) decision = pk_decision_new ();
  g_autoptr(PkAction) action = pk_action_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *untouched_before = item_json (meeting, 0);
  g_autofree char *untouched_after = NULL;

  pk_agenda_item_set_discussion (item, "- **Hur:** digitalt\n- **När:** i höst\n\n| För | Emot |\n|---|---|\n| snabbt | dyrt |");
  pk_agenda_item_set_state (item, PK_ITEM_STATE_DONE);
  pk_decision_set_kind (decision, PK_DECISION_KIND_BESLUT);
  pk_decision_set_text (decision, "Kommunstyrelsen beslutar att anta förslaget.");
  pk_decision_set_votes_yes (decision, 7);
  pk_decision_set_votes_no (decision, 4);
  pk_decision_set_votes_abstain (decision, 0);
  add_note (pk_decision_get_motions (decision), "Anna Ek (S)", "bifall till förslaget");
  add_note (pk_decision_get_motions (decision), "Bo Berg (M)", "avslag på förslaget");
  add_note (pk_decision_get_reservations (decision), "Bo Berg (M)", "Till förmån för eget yrkande.");
  add_note (pk_decision_get_statements (decision), "Cecilia Dahl (C)", "Vi vill se en uppföljning.");
  g_list_store_append (pk_agenda_item_get_decisions (item), decision);
  pk_action_set_text (action, "Ta fram en tidsplan");
  pk_action_set_owner (action, "Magnus Frithiof");
  pk_action_set_due (action, "2026-12-15");
  g_list_store_append (pk_agenda_item_get_actions (item), action);

  save_items (fixture, &item, 1);
  g_assert_cmpint (pk_action_get_id (action), >, 0);
  g_assert_cmpint (pk_decision_get_id (decision), >, 0);

  before = item_json (meeting, 1);
  again = load (fixture, id);
  after = item_json (again, 1);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (after, "\"motions\""));
  g_assert_nonnull (strstr (after, "bifall till förslaget"));
  /* The other items were not touched. */
  untouched_after = item_json (again, 0);
  g_assert_cmpstr (untouched_after, ==, untouched_before);
  g_assert_null (strstr (untouched_after, "\"motions\""));
}

/* An action keeps its row while edited: the next meeting's carried-over copy stays linked. */
static void
test_actions_keep_ids (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 id = add_meeting (fixture);
  g_autoptr(PkMeeting) meeting = load (fixture, id);
  PkAgendaItem *item = nth_item (meeting, 0);
  g_autoptr(PkAction) first = pk_action_new ();
  g_autoptr(PkAction) second = pk_action_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 first_id, next;

  pk_action_set_text (first, "Boka lokal");
  pk_action_set_text (second, "Skicka kallelse");
  g_list_store_append (pk_agenda_item_get_actions (item), first);
  g_list_store_append (pk_agenda_item_get_actions (item), second);
  save_items (fixture, &item, 1);
  first_id = pk_action_get_id (first);
  g_assert_cmpint (first_id, >, 0);

  next = pk_database_create_next_meeting (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (next, >, 0);

  pk_action_set_text (first, "Boka större lokal");
  g_list_store_remove (pk_agenda_item_get_actions (item), 1);
  save_items (fixture, &item, 1);
  g_assert_cmpint (pk_action_get_id (first), ==, first_id);
  sql = g_strdup_printf ("SELECT text FROM action WHERE id = %" G_GINT64_FORMAT, first_id);
  g_assert_cmpstr (pk_test_sql_text (fixture->path, sql), ==, "Boka större lokal");
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM action a JOIN agenda_item i ON i.id = a.item_id"
                         " WHERE i.meeting_id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (pk_test_sql_int (fixture->path, sql), ==, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM action WHERE carried_from = %" G_GINT64_FORMAT, first_id);
  g_assert_cmpint (pk_test_sql_int (fixture->path, sql), ==, 1);
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 id = add_meeting (fixture);
  g_autoptr(PkMeeting) meeting = load (fixture, id);
  g_autoptr(PkAgendaItem) unsaved = pk_agenda_item_new ();
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  PkAgendaItem *item = nth_item (meeting, 2);
  g_autoptr(GError) error = NULL;
  gboolean justerat;

  /* An item the database does not hold: nothing written, the others in the same save neither. */
  pk_agenda_item_set_discussion (item, "Skrivet före felet.");
  g_ptr_array_add (copies, pk_agenda_item_copy_deep (item));
  g_ptr_array_add (copies, pk_agenda_item_copy_deep (unsaved));
  g_assert_false (pk_database_save_minutes (fixture->db, copies, &error));
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (pk_test_sql_int (fixture->path, "SELECT count(*) FROM agenda_item WHERE discussion = 'Skrivet före felet.'"), ==, 0);

  /* Justerat minutes are not written to, whatever asks. */
  g_assert_true (pk_database_sign (fixture->db, id, PK_ROLE_SEKRETERARE, "Jenny Folkesson", NULL, &justerat, &error));
  g_assert_true (pk_database_sign (fixture->db, id, PK_ROLE_ORDFORANDE, "Annika Magnerot", NULL, &justerat, &error));
  g_assert_true (pk_database_sign (fixture->db, id, PK_ROLE_JUSTERARE, "Ewa Ekman", NULL, &justerat, &error));
  g_assert_no_error (error);
  g_assert_true (justerat);
  g_ptr_array_set_size (copies, 0);
  g_ptr_array_add (copies, pk_agenda_item_copy_deep (item));
  g_assert_false (pk_database_save_minutes (fixture->db, copies, &error));
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_JUSTERAT);
}

static void
test_phrases (void)
{
  guint n;
  const PkStandardPhrase *phrases = pk_standard_phrases (&n);
  g_autoptr(PkMeeting) meeting = pk_meeting_new ();
  const char *names[] = { "Anna Ek", "Bo Berg", "Cecilia Dahl" };
  const PkStandardPhrase *approvers = NULL;
  gboolean found_tabled = FALSE;

  g_assert_cmpuint (n, >=, 5);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = pk_standard_phrase_fill (&phrases[i], NULL);

      g_assert_null (strstr (text, "%"));
      if (strstr (phrases[i].text, "utses att justera") != NULL)
        approvers = &phrases[i];
      if (g_str_equal (phrases[i].text, "Ärendet bordläggs."))
        found_tabled = phrases[i].kind == PK_DECISION_KIND_BORDLAGGNING;
    }
  g_assert_true (found_tabled);
  g_assert_nonnull (approvers);
  {
    g_autofree char *text = pk_standard_phrase_fill (approvers, meeting);
    g_assert_cmpstr (text, ==, "… utses att justera protokollet.");
  }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(PkAttendance) attendance = pk_attendance_new ();
      g_autofree char *text = NULL;
      static const char *expected[] = {
        "Anna Ek utses att justera protokollet.",
        "Anna Ek och Bo Berg utses att justera protokollet.",
        "Anna Ek, Bo Berg och Cecilia Dahl utses att justera protokollet.",
      };

      pk_attendance_set_name (attendance, names[i]);
      pk_attendance_set_role (attendance, PK_ROLE_JUSTERARE);
      g_list_store_append (pk_meeting_get_attendees (meeting), attendance);
      text = pk_standard_phrase_fill (approvers, meeting);
      g_assert_cmpstr (text, ==, expected[i]);
    }
}

/* Schema v6 builds decision_note anew: what was there stays, yrkanden fit, the lock stays. */
static void
test_migration (void)
{
  g_autofree char *dir = pk_test_dir_new ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(PkDatabase) old = pk_database_open_at_version (path, 5, &error);
    g_assert_no_error (error);
    g_assert_true (pk_database_exec (old,
                                     "INSERT INTO meeting (id, title, kind, date, status) VALUES (1, 'M', 'protokoll', '2026-01-01', 'held');"
                                     "INSERT INTO agenda_item (id, meeting_id, position, title) VALUES (1, 1, 0, 'Ärende');"
                                     "INSERT INTO decision (id, item_id, position, text) VALUES (1, 1, 0, 'Bifall.');"
                                     "INSERT INTO decision_note (decision_id, kind, position, name, text) VALUES (1, 'reservation', 0, 'Bo Berg', 'Nej.');",
                                     &error));
    g_assert_no_error (error);
    g_assert_false (pk_database_exec (old, "INSERT INTO decision_note (decision_id, kind, position, name) VALUES (1, 'yrkande', 1, 'Anna Ek')", NULL));
  }
  {
    g_autoptr(PkDatabase) db = pk_database_open (path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (pk_database_get_schema_version (db), ==, PK_SCHEMA_VERSION);
    g_assert_true (pk_database_exec (db, "INSERT INTO decision_note (decision_id, kind, position, name, text) VALUES (1, 'yrkande', 1, 'Anna Ek', 'bifall')", &error));
    g_assert_no_error (error);
  }
  g_assert_cmpstr (pk_test_sql_text (path, "SELECT text FROM decision_note WHERE kind = 'reservation'"), ==, "Nej.");
  g_assert_cmpint (pk_test_sql_int (path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'lock_decision_note_%'"), ==, 3);
  g_assert_cmpint (pk_test_sql_int (path, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'decision_note'"), ==, 2);
  pk_test_dir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/minutes/round-trip", Fixture, NULL, fixture_setup, test_round_trip, fixture_teardown);
  g_test_add ("/minutes/actions-keep-ids", Fixture, NULL, fixture_setup, test_actions_keep_ids, fixture_teardown);
  g_test_add ("/minutes/refusals", Fixture, NULL, fixture_setup, test_refusals, fixture_teardown);
  g_test_add_func ("/minutes/phrases", test_phrases);
  g_test_add_func ("/minutes/migration", test_migration);
  return g_test_run ();
}
