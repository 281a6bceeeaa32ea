/* test-roster.c: registers, prefilled rosters and quorum (substitutes, partial presence, jäv). */
#include "config.h"

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
  fixture->path = g_build_filename (fixture->dir, "roster.db", NULL);
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

static void
add_member (Fixture    *fixture,
            const char *name,
            PkRole      role,
            const char *from,
            const char *to)
{
  g_autoptr(PkMembership) membership = pk_membership_new ();
  g_autoptr(GError) error = NULL;

  pk_membership_set_body (membership, "Socialnämnden");
  pk_membership_set_name (membership, name);
  pk_membership_set_organisation (membership, "Växjö kommun");
  pk_membership_set_role (membership, role);
  pk_membership_set_from_date (membership, from);
  pk_membership_set_to_date (membership, to);
  g_assert_cmpint (pk_database_add_membership (fixture->db, membership, &error), >, 0);
  g_assert_no_error (error);
}

/* Seven seats: chair, vice chair, five members (one left before the meeting, one joins after),
 * two substitutes and a secretary. */
static void
add_body (Fixture *fixture)
{
  add_member (fixture, "Annika Magnerot", PK_ROLE_ORDFORANDE, "2023-01-01", NULL);
  add_member (fixture, "Per Sandberg", PK_ROLE_VICE_ORDFORANDE, "2023-01-01", NULL);
  add_member (fixture, "Ewa Ekman", PK_ROLE_LEDAMOT, "2023-01-01", NULL);
  add_member (fixture, "Greger Larsson", PK_ROLE_LEDAMOT, "2023-01-01", NULL);
  add_member (fixture, "Mikaela Dahl", PK_ROLE_LEDAMOT, "2023-01-01", NULL);
  add_member (fixture, "Martin Hansson", PK_ROLE_LEDAMOT, "2023-01-01", "2026-06-30");
  add_member (fixture, "Jenny Smedberg", PK_ROLE_LEDAMOT, "2027-01-01", NULL);
  add_member (fixture, "Pär Sjöström", PK_ROLE_ERSATTARE, "2023-01-01", NULL);
  add_member (fixture, "Hanna Svensson", PK_ROLE_ERSATTARE, "2023-01-01", NULL);
  add_member (fixture, "Jenny Folkesson", PK_ROLE_SEKRETERARE, "2023-01-01", NULL);
}

static PkMeeting *
make_meeting (void)
{
  PkMeeting *meeting = pk_meeting_new ();

  pk_meeting_set_body (meeting, "Socialnämnden");
  pk_meeting_set_title (meeting, "Sammanträde");
  pk_meeting_set_date (meeting, "2026-11-18");
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(PkAgendaItem) item = pk_agenda_item_new ();
      g_autofree char *title = g_strdup_printf ("Ärende %d", i + 1);
      pk_agenda_item_set_title (item, title);
      g_list_store_append (pk_meeting_get_items (meeting), item);
    }
  pk_meeting_renumber_items (meeting);
  return meeting;
}

static PkAttendance *
attendee (PkMeeting  *meeting,
          const char *name)
{
  GListModel *attendees = G_LIST_MODEL (pk_meeting_get_attendees (meeting));

  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(PkAttendance) attendance = g_list_model_get_item (attendees, i);
      if (g_strcmp0 (pk_attendance_get_name (attendance), name) == 0)
        return attendance;
    }
  g_assert_not_reached ();
}

static void
test_prefill_by_date (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PkMeeting) meeting = make_meeting ();
  g_autoptr(GError) error = NULL;
  GListModel *attendees = G_LIST_MODEL (pk_meeting_get_attendees (meeting));

  add_body (fixture);
  /* Martin left in June, Jenny Smedberg starts next year: 8 of the 10 seats are on the roster. */
  g_assert_cmpuint (pk_database_prefill_attendance (fixture->db, meeting, &error), ==, 8);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (attendees), ==, 8);
  g_assert_cmpint (pk_attendance_get_role (attendee (meeting, "Annika Magnerot")), ==, PK_ROLE_ORDFORANDE);
  g_assert_true (pk_attendance_get_present (attendee (meeting, "Ewa Ekman")));
  g_assert_false (pk_attendance_get_present (attendee (meeting, "Pär Sjöström")));
  g_assert_cmpstr (pk_attendance_get_organisation (attendee (meeting, "Ewa Ekman")), ==, "Växjö kommun");
  /* Again: nobody twice. */
  g_assert_cmpuint (pk_database_prefill_attendance (fixture->db, meeting, &error), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (attendees), ==, 8);
}

static void
test_quorum (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PkMeeting) meeting = make_meeting ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PkPersonNote) recusal = pk_person_note_new ();
  g_autoptr(PkAgendaItem) item2 = NULL, item3 = NULL;
  PkQuorum quorum;
  int required;

  add_body (fixture);
  pk_database_prefill_attendance (fixture->db, meeting, &error);
  /* Five voting seats on the date (chair, vice, three members): more than half is 3. */
  g_assert_true (pk_database_get_quorum_requirement (fixture->db, meeting, &required, &error));
  g_assert_cmpint (required, ==, 3);
  g_assert_true (pk_database_compute_quorum (fixture->db, meeting, &quorum, &error));
  g_assert_cmpint (quorum.present, ==, 5);
  g_assert_true (quorum.met);

  /* Three members away; one substitute serves for Mikaela Dahl: 2 + 1 = 3, still quorate. */
  pk_attendance_set_present (attendee (meeting, "Ewa Ekman"), FALSE);
  pk_attendance_set_present (attendee (meeting, "Greger Larsson"), FALSE);
  pk_attendance_set_present (attendee (meeting, "Mikaela Dahl"), FALSE);
  pk_quorum_compute (meeting, required, NULL, &quorum);
  g_assert_cmpint (quorum.present, ==, 2);
  g_assert_false (quorum.met);
  pk_attendance_set_present (attendee (meeting, "Pär Sjöström"), TRUE);
  pk_quorum_compute (meeting, required, NULL, &quorum);
  g_assert_cmpint (quorum.present, ==, 2);  /* present, but not serving: no vote */
  pk_attendance_set_replaces (attendee (meeting, "Pär Sjöström"), "Mikaela Dahl");
  pk_quorum_compute (meeting, required, NULL, &quorum);
  g_assert_cmpint (quorum.present, ==, 3);
  g_assert_true (quorum.met);

  /* The vice chair comes from item 2 ("ej fm") and the chair leaves after it: items 1 and 3 have
   * two voting present; item 2 has all three but the substitute, who leaves it for jäv. */
  pk_attendance_set_from_item (attendee (meeting, "Per Sandberg"), "2");
  pk_attendance_set_to_item (attendee (meeting, "Annika Magnerot"), "2");
  item2 = g_list_model_get_item (G_LIST_MODEL (pk_meeting_get_items (meeting)), 1);
  item3 = g_list_model_get_item (G_LIST_MODEL (pk_meeting_get_items (meeting)), 2);
  pk_person_note_set_name (recusal, "Pär Sjöström");
  pk_person_note_set_text (recusal, "Jäv: närstående berörs");
  g_list_store_append (pk_agenda_item_get_recusals (item2), recusal);
  {
    g_autoptr(PkAgendaItem) item1 = g_list_model_get_item (G_LIST_MODEL (pk_meeting_get_items (meeting)), 0);
    pk_quorum_compute (meeting, required, item1, &quorum);
    g_assert_cmpint (quorum.present, ==, 2);
  }
  pk_quorum_compute (meeting, required, item2, &quorum);
  g_assert_cmpint (quorum.present, ==, 2);
  g_assert_false (quorum.met);
  pk_quorum_compute (meeting, required, item3, &quorum);
  g_assert_cmpint (quorum.present, ==, 2);
}

static void
test_no_roster_no_quorum (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(PkMeeting) meeting = make_meeting ();
  g_autoptr(GError) error = NULL;
  PkQuorum quorum;

  g_assert_false (pk_database_compute_quorum (fixture->db, meeting, &quorum, &error));
  g_assert_no_error (error);
  add_body (fixture);
  pk_meeting_set_kind (meeting, PK_MEETING_KIND_MINNESANTECKNINGAR);
  g_assert_false (pk_database_compute_quorum (fixture->db, meeting, &quorum, &error));
  g_assert_no_error (error);
}

static void
test_roster_saved (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PkMeeting) meeting = make_meeting ();
  g_autoptr(PkMeeting) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  add_body (fixture);
  id = pk_database_insert_meeting (fixture->db, meeting, &error);
  g_assert_no_error (error);
  pk_database_prefill_attendance (fixture->db, meeting, &error);
  pk_attendance_set_note (attendee (meeting, "Greger Larsson"), "ej fm");
  pk_attendance_set_from_item (attendee (meeting, "Greger Larsson"), "2");
  pk_attendance_set_replaces (attendee (meeting, "Hanna Svensson"), "Ewa Ekman");
  pk_attendance_set_present (attendee (meeting, "Ewa Ekman"), FALSE);
  g_assert_true (pk_database_save_attendance (fixture->db, meeting, &error));
  g_assert_no_error (error);
  g_assert_true (pk_database_save_attendance (fixture->db, meeting, &error));

  loaded = pk_database_load_meeting (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pk_meeting_get_attendees (loaded))), ==, 8);
  g_assert_cmpstr (pk_attendance_get_note (attendee (loaded, "Greger Larsson")), ==, "ej fm");
  g_assert_cmpstr (pk_attendance_get_from_item (attendee (loaded, "Greger Larsson")), ==, "2");
  g_assert_cmpstr (pk_attendance_get_replaces (attendee (loaded, "Hanna Svensson")), ==, "Ewa Ekman");
  g_assert_false (pk_attendance_get_present (attendee (loaded, "Ewa Ekman")));
  /* The roster links to the register: the same person, not a copy. */
  g_assert_cmpint (pk_attendance_get_person_id (attendee (loaded, "Ewa Ekman")), >, 0);
  g_assert_cmpint (pk_test_sql_int (fixture->path, "SELECT count(*) FROM person WHERE name = 'Ewa Ekman'"), ==, 1);
}

static void
test_same_person (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) found = NULL;

  add_body (fixture);
  g_assert_cmpint (pk_database_find_same_person (fixture->db, "Ewa Ekman", "Växjö kommun", &error), >, 0);
  g_assert_cmpint (pk_database_find_same_person (fixture->db, "Ewa Ekman", "Alvesta kommun", &error), ==, 0);
  found = pk_database_find_people (fixture->db, "jenny", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 2);
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/roster/prefill-by-date", test_prefill_by_date);
  ADD ("/roster/quorum", test_quorum);
  ADD ("/roster/no-roster-no-quorum", test_no_roster_no_quorum);
  ADD ("/roster/saved", test_roster_saved);
  ADD ("/roster/same-person", test_same_person);

  return g_test_run ();
}
