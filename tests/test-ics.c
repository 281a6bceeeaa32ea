/* test-ics.c: calendar invitations, read back with libical: fields, time zone, Swedish text,
 * folding and escaping, the roster's addresses, UID and SEQUENCE from the database, and
 * `protokoll-cli ics`. */
#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>
#include <string.h>
#include <unistd.h>

#include "pk-test-util.h"
#include "protokoll-core.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

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
  fixture->path = g_build_filename (fixture->dir, "ics.db", NULL);
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

static PkAgendaItem *
add_item (GListStore *items,
          const char *title,
          int         duration_min)
{
  g_autoptr(PkAgendaItem) item = pk_agenda_item_new ();

  pk_agenda_item_set_title (item, title);
  pk_agenda_item_set_duration_min (item, duration_min);
  g_list_store_append (items, item);
  return item;
}

static void
add_presenter (PkAgendaItem *item,
               const char   *name,
               const char   *title)
{
  g_autoptr(PkPerson) person = pk_person_new ();

  pk_person_set_name (person, name);
  pk_person_set_title (person, title);
  g_list_store_append (pk_agenda_item_get_presenters (item), person);
}

static void
add_attendee (PkMeeting  *meeting,
              gint64      person_id,
              const char *name,
              PkRole      role,
              gboolean    present)
{
  g_autoptr(PkAttendance) attendance = pk_attendance_new ();

  pk_attendance_set_person_id (attendance, person_id);
  pk_attendance_set_name (attendance, name);
  pk_attendance_set_role (attendance, role);
  pk_attendance_set_present (attendance, present);
  g_list_store_append (pk_meeting_get_attendees (meeting), attendance);
}

/* Kommunstyrelsen 2026-11-18 09:00–12:00, a title with a comma and a semicolon, a long agenda
 * with sub-items and presenters, and a roster where person ids 1–7 are the people. */
static PkMeeting *
new_meeting (void)
{
  PkMeeting *meeting = pk_meeting_new ();
  PkAgendaItem *item;

  pk_meeting_set_id (meeting, 42);
  pk_meeting_set_body (meeting, "Kommunstyrelsen");
  pk_meeting_set_title (meeting, "Budget, plan; 2027");
  pk_meeting_set_date (meeting, "2026-11-18");
  pk_meeting_set_start_time (meeting, "09:00");
  pk_meeting_set_end_time (meeting, "12:00");
  pk_meeting_set_place (meeting, "Stadshuset, sal Ödmården");
  pk_meeting_set_online_link (meeting, "https://möte.example.se/j/123?pwd=abc");
  pk_meeting_set_dnr (meeting, "KS 2026/118");

  add_item (pk_meeting_get_items (meeting), "Mötets öppnande", 5);
  item = add_item (pk_meeting_get_items (meeting), "Val av justerare och tid för justering", 5);
  add_presenter (item, "Åsa Öberg", "ordförande");
  item = add_item (pk_meeting_get_items (meeting),
                   "Mål och budget 2027–2029 med flerårsplan för investeringar, "
                   "ägardirektiv för de kommunala bolagen och skattesatsen för år 2027", 45);
  add_presenter (item, "Örjan Ängström", "ekonomichef");
  add_presenter (item, "Märta Ek", NULL);
  add_item (pk_agenda_item_get_items (item), "Driftbudget för äldreomsorgen; särskilt boende, hemtjänst", 20);
  add_item (pk_agenda_item_get_items (item), "Investeringsbudget", -1);
  for (int i = 0; i < 12; i++)
    {
      g_autofree char *title = g_strdup_printf ("Ärende %d: Yttrande över remiss från Länsstyrelsen "
                                                "om åtgärdsprogram för vattenförekomster i Dalälven", i + 1);
      add_item (pk_meeting_get_items (meeting), title, 10);
    }

  add_attendee (meeting, 1, "Åsa Öberg", PK_ROLE_ORDFORANDE, TRUE);
  add_attendee (meeting, 2, "Sven \"Svenne\" Ek, Jr", PK_ROLE_LEDAMOT, TRUE);
  add_attendee (meeting, 3, "Lisa Lind", PK_ROLE_LEDAMOT, FALSE);
  add_attendee (meeting, 4, "Per Persson", PK_ROLE_ERSATTARE, TRUE);
  add_attendee (meeting, 5, "Karin Berg", PK_ROLE_SEKRETERARE, TRUE);
  add_attendee (meeting, 6, "Utan Adress", PK_ROLE_LEDAMOT, TRUE);
  add_attendee (meeting, 7, "Fel Adress", PK_ROLE_LEDAMOT, TRUE);
  add_attendee (meeting, 0, "Inte i registret", PK_ROLE_ADJUNGERAD, TRUE);
  add_attendee (meeting, 8, "Åsa Öberg igen", PK_ROLE_LEDAMOT, TRUE);
  return meeting;
}

static GHashTable *
new_emails (void)
{
  GHashTable *emails = g_hash_table_new (g_direct_hash, g_direct_equal);

  g_hash_table_insert (emails, GSIZE_TO_POINTER (1), "asa.oberg@kommun.se");
  g_hash_table_insert (emails, GSIZE_TO_POINTER (2), "sven.ek@example.se");
  g_hash_table_insert (emails, GSIZE_TO_POINTER (3), "lisa.lind@example.se");
  g_hash_table_insert (emails, GSIZE_TO_POINTER (4), "per@example.se");
  g_hash_table_insert (emails, GSIZE_TO_POINTER (5), "karin.berg@kommun.se");
  g_hash_table_insert (emails, GSIZE_TO_POINTER (7), "inte en adress");
  g_hash_table_insert (emails, GSIZE_TO_POINTER (8), "ASA.OBERG@kommun.se");
  return emails;
}

/* RFC 5545 §3.1: CRLF after every line, none longer than 75 octets, no character cut in two. */
static void
assert_lines_well_formed (const char *text)
{
  const char *line = text;

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  while (*line != '\0')
    {
      const char *end = strstr (line, "\r\n");

      g_assert_nonnull (end);
      g_assert_null (memchr (line, '\n', end - line));
      g_assert_null (memchr (line, '\r', end - line));
      if (end - line > 75)
        g_error ("line of %d octets: %.*s", (int) (end - line), (int) (end - line), line);
      g_assert_true (g_utf8_validate (line, end - line, NULL));
      line = end + 2;
    }
}

static icalcomponent *
parse (const char *text)
{
  icalcomponent *calendar = icalparser_parse_string (text);

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 1);
  return calendar;
}

static icalcomponent *
event_of (icalcomponent *calendar)
{
  return icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
}

static const char *
tzid_of (icalproperty *property)
{
  icalparameter *tzid = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
  return tzid != NULL ? icalparameter_get_tzid (tzid) : NULL;
}

/* The time in UTC by the VTIMEZONE in the file itself (not libical's own copy of the zone). */
static char *
utc_by_own_zone (icalcomponent *calendar,
                 icalproperty  *property)
{
  icalcomponent *vtimezone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
  icaltimezone *zone = icaltimezone_new ();
  icaltimetype time = icalproperty_get_datetime_with_component (property, NULL);
  char *text;

  g_assert_nonnull (vtimezone);
  g_assert_true (icaltimezone_set_component (zone, icalcomponent_new_clone (vtimezone)));
  g_assert_cmpstr (icaltimezone_get_tzid (zone), ==, tzid_of (property));
  time.zone = zone;
  time = icaltime_convert_to_zone (time, icaltimezone_get_utc_timezone ());
  text = g_strdup (icaltime_as_ical_string (time));
  icaltimezone_free (zone, 1);
  return text;
}

static char *
to_ics (PkMeeting  *meeting,
        GHashTable *emails)
{
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2026, 10, 1, 8, 30, 15);
  g_autoptr(GError) error = NULL;
  PkIcsOptions options = { "meeting-42-test@protokoll", 3, emails, stamp };
  char *text = pk_meeting_to_ics (meeting, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  assert_lines_well_formed (text);
  return text;
}

static void
test_fields (void)
{
  g_autoptr(PkMeeting) meeting = new_meeting ();
  g_autoptr(GHashTable) emails = new_emails ();
  g_autofree char *text = to_ics (meeting, emails);
  g_autoptr(icalcomponent) calendar = parse (text);
  icalcomponent *event = event_of (calendar);
  icalproperty *property;
  g_autofree char *start_utc = NULL;
  g_autofree char *end_utc = NULL;
  const char *description;

  g_assert_cmpint (icalcomponent_get_method (calendar), ==, ICAL_METHOD_REQUEST);
  g_assert_cmpstr (icalproperty_get_version (icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY)), ==, "2.0");
  g_assert_nonnull (icalcomponent_get_first_property (calendar, ICAL_PRODID_PROPERTY));
  g_assert_cmpstr (icalcomponent_get_uid (event), ==, "meeting-42-test@protokoll");
  g_assert_cmpstr (icaltime_as_ical_string (icalcomponent_get_dtstamp (event)), ==, "20261001T083015Z");
  g_assert_cmpint (icalcomponent_get_sequence (event), ==, 3);

  /* Local times in Europe/Stockholm, 09:00–12:00 in November = 08:00–11:00 UTC (CET). */
  property = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  g_assert_cmpstr (tzid_of (property), ==, "Europe/Stockholm");
  g_assert_cmpstr (icaltime_as_ical_string (icalproperty_get_dtstart (property)), ==, "20261118T090000");
  start_utc = utc_by_own_zone (calendar, property);
  g_assert_cmpstr (start_utc, ==, "20261118T080000Z");
  property = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);
  g_assert_cmpstr (tzid_of (property), ==, "Europe/Stockholm");
  g_assert_cmpstr (icaltime_as_ical_string (icalproperty_get_dtend (property)), ==, "20261118T120000");
  end_utc = utc_by_own_zone (calendar, property);
  g_assert_cmpstr (end_utc, ==, "20261118T110000Z");
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 1);
  /* One rule each way, as Outlook wants it. */
  {
    icalcomponent *vtimezone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
    g_assert_cmpint (icalcomponent_count_components (vtimezone, ICAL_XDAYLIGHT_COMPONENT), ==, 1);
    g_assert_cmpint (icalcomponent_count_components (vtimezone, ICAL_XSTANDARD_COMPONENT), ==, 1);
  }

  /* Escaped in the file, whole when read back. */
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Kommunstyrelsen: Budget, plan; 2027");
  g_assert_nonnull (strstr (text, "SUMMARY:Kommunstyrelsen: Budget\\, plan\\; 2027\r\n"));
  g_assert_cmpstr (icalcomponent_get_location (event), ==, "Stadshuset, sal Ödmården");
  property = icalcomponent_get_first_property (event, ICAL_URL_PROPERTY);
  g_assert_cmpstr (icalproperty_get_url (property), ==, "https://möte.example.se/j/123?pwd=abc");

  description = icalcomponent_get_description (event);
  g_assert_true (g_str_has_prefix (description, "Kommunstyrelsen\nBudget, plan; 2027\n"
                                                "Datum: onsdag 18 november 2026\nTid: 09:00–12:00\n"
                                                "Plats: Stadshuset, sal Ödmården\n"
                                                "Länk: https://möte.example.se/j/123?pwd=abc\n"
                                                "Dnr: KS 2026/118\n\nFöredragningslista\n"
                                                "1. Mötets öppnande (09:00, 5 min)\n"
                                                "2. Val av justerare och tid för justering (09:05, 5 min)\n"
                                                "   Föredragande: Åsa Öberg, ordförande\n"
                                                "3. Mål och budget 2027–2029"));
  g_assert_nonnull (strstr (description, "   Föredragande: Örjan Ängström, ekonomichef och Märta Ek\n"
                                         "   3.1 Driftbudget för äldreomsorgen; särskilt boende, hemtjänst (09:55, 20 min)\n"
                                         "   3.2 Investeringsbudget (10:15)\n"
                                         "4. Ärende 1: Yttrande över remiss"));
  g_assert_nonnull (strstr (description, "15. Ärende 12: Yttrande över remiss från Länsstyrelsen om åtgärdsprogram "
                                         "för vattenförekomster i Dalälven (12:05, 10 min)\n\n"
                                         "Beräknad sluttid 12:15"));
  /* The long agenda was folded: the description alone is far over 75 octets. */
  g_assert_cmpuint (strlen (description), >, 1500);
  g_assert_nonnull (strstr (text, "\r\n "));
}

static void
test_people (void)
{
  g_autoptr(PkMeeting) meeting = new_meeting ();
  g_autoptr(GHashTable) emails = new_emails ();
  g_autofree char *text = to_ics (meeting, emails);
  g_autoptr(icalcomponent) calendar = parse (text);
  icalcomponent *event = event_of (calendar);
  icalproperty *organizer = icalcomponent_get_first_property (event, ICAL_ORGANIZER_PROPERTY);
  g_autoptr(GPtrArray) attendees = g_ptr_array_new_with_free_func (g_free);

  /* The sekreterare sends it. */
  g_assert_nonnull (organizer);
  g_assert_cmpstr (icalproperty_get_organizer (organizer), ==, "mailto:karin.berg@kommun.se");
  g_assert_cmpstr (icalparameter_get_cn (icalproperty_get_first_parameter (organizer, ICAL_CN_PARAMETER)), ==,
                   "Karin Berg");
  g_assert_cmpint (icalcomponent_count_properties (event, ICAL_ORGANIZER_PROPERTY), ==, 1);

  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (event, ICAL_ATTENDEE_PROPERTY))
    {
      const char *cn = icalparameter_get_cn (icalproperty_get_first_parameter (p, ICAL_CN_PARAMETER));
      icalparameter_role role = icalparameter_get_role (icalproperty_get_first_parameter (p, ICAL_ROLE_PARAMETER));
      icalparameter_partstat partstat =
        icalparameter_get_partstat (icalproperty_get_first_parameter (p, ICAL_PARTSTAT_PARAMETER));

      g_ptr_array_add (attendees, g_strdup_printf ("%s|%s|%s|%s", icalproperty_get_attendee (p), cn,
                                                   icalparameter_enum_to_string (role),
                                                   icalparameter_enum_to_string (partstat)));
    }
  /* Not the organizer again, nobody without a (valid) address, the same address once. A double
   * quote cannot be in a parameter value; the comma is quoted by libical. */
  g_assert_cmpuint (attendees->len, ==, 4);
  g_assert_cmpstr (attendees->pdata[0], ==, "mailto:asa.oberg@kommun.se|Åsa Öberg|REQ-PARTICIPANT|NEEDS-ACTION");
  g_assert_cmpstr (attendees->pdata[1], ==, "mailto:sven.ek@example.se|Sven 'Svenne' Ek, Jr|REQ-PARTICIPANT|NEEDS-ACTION");
  g_assert_cmpstr (attendees->pdata[2], ==, "mailto:lisa.lind@example.se|Lisa Lind|REQ-PARTICIPANT|DECLINED");
  g_assert_cmpstr (attendees->pdata[3], ==, "mailto:per@example.se|Per Persson|OPT-PARTICIPANT|NEEDS-ACTION");
  g_assert_nonnull (strstr (text, "CN=\"Sven 'Svenne' Ek, Jr\""));
}

static void
test_publish_without_organizer (void)
{
  g_autoptr(PkMeeting) meeting = new_meeting ();
  g_autoptr(GHashTable) emails = new_emails ();
  g_autofree char *text = NULL;
  g_autoptr(icalcomponent) calendar = NULL;

  /* Neither the sekreterare (5) nor the ordförande (1) has an address. */
  g_hash_table_remove (emails, GSIZE_TO_POINTER (5));
  g_hash_table_remove (emails, GSIZE_TO_POINTER (1));
  text = to_ics (meeting, emails);
  calendar = parse (text);
  g_assert_cmpint (icalcomponent_get_method (calendar), ==, ICAL_METHOD_PUBLISH);
  g_assert_cmpint (icalcomponent_count_properties (event_of (calendar), ICAL_ORGANIZER_PROPERTY), ==, 0);
  g_assert_cmpint (icalcomponent_count_properties (event_of (calendar), ICAL_ATTENDEE_PROPERTY), ==, 0);

  /* The ordförande organizes when the sekreterare cannot. */
  g_hash_table_insert (emails, GSIZE_TO_POINTER (1), "asa.oberg@kommun.se");
  {
    g_autofree char *again = to_ics (meeting, emails);
    g_autoptr(icalcomponent) parsed = parse (again);
    icalproperty *organizer = icalcomponent_get_first_property (event_of (parsed), ICAL_ORGANIZER_PROPERTY);

    g_assert_cmpint (icalcomponent_get_method (parsed), ==, ICAL_METHOD_REQUEST);
    g_assert_cmpstr (icalproperty_get_organizer (organizer), ==, "mailto:asa.oberg@kommun.se");
  }
}

static void
assert_times (PkMeeting  *meeting,
              const char *dtstart,
              const char *dtend)
{
  g_autofree char *text = to_ics (meeting, NULL);
  g_autoptr(icalcomponent) calendar = parse (text);
  icalcomponent *event = event_of (calendar);

  g_assert_cmpstr (icaltime_as_ical_string (icalproperty_get_dtstart (
                     icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY))), ==, dtstart);
  g_assert_cmpstr (icaltime_as_ical_string (icalproperty_get_dtend (
                     icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY))), ==, dtend);
}

static void
test_times (void)
{
  g_autoptr(PkMeeting) meeting = new_meeting ();

  /* Summer: 09:00 CEST is 07:00 UTC. */
  pk_meeting_set_date (meeting, "2027-06-15");
  {
    g_autofree char *text = to_ics (meeting, NULL);
    g_autoptr(icalcomponent) calendar = parse (text);
    g_autofree char *utc = utc_by_own_zone (calendar, icalcomponent_get_first_property (event_of (calendar),
                                                                                          ICAL_DTSTART_PROPERTY));
    g_assert_cmpstr (utc, ==, "20270615T070000Z");
  }
  /* An evening meeting that ends after midnight. */
  pk_meeting_set_start_time (meeting, "19:00");
  pk_meeting_set_end_time (meeting, "00:30");
  assert_times (meeting, "20270615T190000", "20270616T003000");
  /* No end time: the time plan's end (195 minutes of items). */
  pk_meeting_set_start_time (meeting, "09:00");
  pk_meeting_set_end_time (meeting, NULL);
  assert_times (meeting, "20270615T090000", "20270615T121500");
  /* Neither: an hour. */
  g_list_store_remove_all (pk_meeting_get_items (meeting));
  assert_times (meeting, "20270615T090000", "20270615T100000");
  /* No start time: the whole day, and no time zone is needed. */
  pk_meeting_set_start_time (meeting, NULL);
  {
    g_autofree char *text = to_ics (meeting, NULL);
    g_autoptr(icalcomponent) calendar = parse (text);
    icalcomponent *event = event_of (calendar);

    g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20270615\r\n"));
    g_assert_nonnull (strstr (text, "DTEND;VALUE=DATE:20270616\r\n"));
    g_assert_true (icalcomponent_get_dtstart (event).is_date);
    g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 0);
    g_assert_nonnull (strstr (icalcomponent_get_description (event), "Inga ärenden."));
  }
  /* The last day of the year. */
  pk_meeting_set_date (meeting, "2026-12-31");
  assert_times (meeting, "20261231", "20270101");
}

static void
test_refused (void)
{
  g_autoptr(PkMeeting) meeting = new_meeting ();
  g_autoptr(GError) error = NULL;
  const char *bad_dates[] = { "2026-02-30", "18 november", "2026-11-18x", "0000-01-01" };
  char *text;

  pk_meeting_set_date (meeting, NULL);
  text = pk_meeting_to_ics (meeting, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, PK_ICS_ERROR, PK_ICS_ERROR_NO_DATE);
  g_clear_error (&error);
  pk_meeting_set_date (meeting, "  ");
  text = pk_meeting_to_ics (meeting, NULL, &error);
  g_assert_error (error, PK_ICS_ERROR, PK_ICS_ERROR_NO_DATE);
  g_clear_error (&error);
  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      pk_meeting_set_date (meeting, bad_dates[i]);
      text = pk_meeting_to_ics (meeting, NULL, &error);
      g_assert_null (text);
      g_assert_error (error, PK_ICS_ERROR, PK_ICS_ERROR_BAD_VALUE);
      g_clear_error (&error);
    }
  pk_meeting_set_date (meeting, "2026-11-18");
  pk_meeting_set_start_time (meeting, "nio");
  text = pk_meeting_to_ics (meeting, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, PK_ICS_ERROR, PK_ICS_ERROR_BAD_VALUE);
}

static void
test_is_email (void)
{
  const char *good[] = { "anna@example.se", "a.b+c@kommun.se", "örjan@exempel.se", "x@y" };
  const char *bad[] = { NULL, "", "anna", "@example.se", "anna@", "a@b@c", "anna @example.se",
                        "anna@example.se\n", "<anna@example.se>", "anna@example.se,per@example.se",
                        "anna@example.se;x", "\"anna\"@example.se", "anna@exa\x01mple.se", "an\xffna@example.se" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (pk_ics_is_email (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (pk_ics_is_email (bad[i]));
}

/* ---- from the database ---- */

static gint64
insert_meeting (Fixture *fixture)
{
  g_autoptr(PkMeeting) meeting = new_meeting ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  /* The roster's person ids are the database's own: let the insert find or make them. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pk_meeting_get_attendees (meeting))); i++)
    {
      g_autoptr(PkAttendance) attendance = g_list_model_get_item (G_LIST_MODEL (pk_meeting_get_attendees (meeting)), i);
      pk_attendance_set_person_id (attendance, 0);
    }
  pk_meeting_set_id (meeting, 0);
  id = pk_database_insert_meeting (fixture->db, meeting, &error);
  g_assert_no_error (error);
  pk_test_sql (fixture->path, "UPDATE person SET email = 'karin.berg@kommun.se' WHERE name = 'Karin Berg';"
                              "UPDATE person SET email = ' lisa.lind@example.se ' WHERE name = 'Lisa Lind';"
                              "UPDATE person SET email = 'trasig' WHERE name = 'Per Persson'");
  return id;
}

static char *
database_ics (Fixture *fixture,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  char *text = pk_database_meeting_to_ics (fixture->db, id, &error);

  g_assert_no_error (error);
  assert_lines_well_formed (text);
  return text;
}

static void
test_database (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) meeting = NULL;
  gint64 id = insert_meeting (fixture);
  gint64 other = insert_meeting (fixture);
  g_autofree char *first = database_ics (fixture, id);
  g_autofree char *again = database_ics (fixture, id);
  g_autofree char *second = database_ics (fixture, other);
  g_autoptr(icalcomponent) a = parse (first);
  g_autoptr(icalcomponent) b = parse (again);
  g_autoptr(icalcomponent) c = parse (second);
  g_autofree char *created_sql = g_strdup_printf ("SELECT strftime ('%%Y%%m%%dT%%H%%M%%SZ', created_at)"
                                                  " FROM meeting WHERE id = %" G_GINT64_FORMAT, id);
  g_autofree char *created = pk_test_sql_text (fixture->path, created_sql);
  g_autofree char *reset_sql = g_strdup_printf ("UPDATE meeting SET created_at = '2026-01-05T10:00:00Z',"
                                                " modified_at = '2026-01-05T10:00:00Z' WHERE id = %" G_GINT64_FORMAT, id);
  g_autofree char *seconds_sql = g_strdup_printf ("SELECT strftime ('%%s', modified_at) - strftime ('%%s', created_at)"
                                                  " FROM meeting WHERE id = %" G_GINT64_FORMAT, id);
  g_autofree char *expected_uid = g_strdup_printf ("meeting-%" G_GINT64_FORMAT "-%s@protokoll", id, created);

  /* Stable per meeting, different between meetings; nothing changed yet, so SEQUENCE 0. */
  g_assert_cmpstr (icalcomponent_get_uid (event_of (a)), ==, expected_uid);
  g_assert_cmpstr (icalcomponent_get_uid (event_of (a)), ==, icalcomponent_get_uid (event_of (b)));
  g_assert_cmpstr (icalcomponent_get_uid (event_of (a)), !=, icalcomponent_get_uid (event_of (c)));
  g_assert_cmpint (icalcomponent_get_sequence (event_of (a)), ==, 0);

  /* The addresses come from the person register (trimmed; a broken one is left out). */
  g_assert_cmpstr (icalproperty_get_organizer (icalcomponent_get_first_property (event_of (a), ICAL_ORGANIZER_PROPERTY)),
                   ==, "mailto:karin.berg@kommun.se");
  g_assert_cmpint (icalcomponent_count_properties (event_of (a), ICAL_ATTENDEE_PROPERTY), ==, 1);
  g_assert_cmpstr (icalproperty_get_attendee (icalcomponent_get_first_property (event_of (a), ICAL_ATTENDEE_PROPERTY)),
                   ==, "mailto:lisa.lind@example.se");

  /* A meeting created earlier with the same id elsewhere is another event; moving the meeting's
   * date keeps the UID and raises SEQUENCE. */
  pk_test_sql (fixture->path, reset_sql);
  {
    g_autofree char *text = database_ics (fixture, id);
    g_autoptr(icalcomponent) parsed = parse (text);
    g_autofree char *uid = g_strdup_printf ("meeting-%" G_GINT64_FORMAT "-20260105T100000Z@protokoll", id);

    g_assert_cmpstr (icalcomponent_get_uid (event_of (parsed)), ==, uid);
    g_assert_cmpint (icalcomponent_get_sequence (event_of (parsed)), ==, 0);
  }
  meeting = pk_database_load_meeting (fixture->db, id, &error);
  g_assert_no_error (error);
  pk_meeting_set_date (meeting, "2026-11-25");
  g_assert_true (pk_database_update_meeting_header (fixture->db, meeting, &error));
  g_assert_no_error (error);
  {
    g_autofree char *text = database_ics (fixture, id);
    g_autoptr(icalcomponent) parsed = parse (text);
    g_autofree char *uid = g_strdup_printf ("meeting-%" G_GINT64_FORMAT "-20260105T100000Z@protokoll", id);
    gint64 seconds = pk_test_sql_int (fixture->path, seconds_sql);

    g_assert_cmpstr (icalcomponent_get_uid (event_of (parsed)), ==, uid);
    g_assert_cmpint (seconds, >, 0);
    g_assert_cmpint (icalcomponent_get_sequence (event_of (parsed)), ==, seconds);
    g_assert_cmpstr (icaltime_as_ical_string (icalcomponent_get_dtstart (event_of (parsed))), ==, "20261125T090000");
  }

  /* An unknown meeting. */
  {
    char *text = pk_database_meeting_to_ics (fixture->db, 999, &error);
    g_assert_null (text);
    g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_FOUND);
  }
}

/* ---- the CLI ---- */

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "kallelse.ics", NULL);
  g_autofree char *id = NULL;
  g_autofree char *undated = NULL;
  gint64 meeting_id = insert_meeting (fixture);

  {
    g_autoptr(PkMeeting) meeting = pk_meeting_new ();
    g_autoptr(GError) error = NULL;

    pk_meeting_set_title (meeting, "Ännu utan datum");
    undated = g_strdup_printf ("%" G_GINT64_FORMAT, pk_database_insert_meeting (fixture->db, meeting, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&fixture->db);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);

  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->path, "ics", id, "--out", out, NULL);
    g_autofree char *text = NULL;
    g_autoptr(icalcomponent) calendar = NULL;

    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "");
    g_assert_nonnull (strstr (r.err, "kallelse.ics"));
    g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
    assert_lines_well_formed (text);
    calendar = parse (text);
    g_assert_cmpstr (icalcomponent_get_summary (event_of (calendar)), ==, "Kommunstyrelsen: Budget, plan; 2027");
    g_assert_cmpstr (icalcomponent_get_location (event_of (calendar)), ==, "Stadshuset, sal Ödmården");
  }
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->path, "ics", id, "--out", "-", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_str_has_prefix (r.out, "BEGIN:VCALENDAR\r\n"));
  }
  {
    g_autofree char *before = pk_test_file_checksum (out);
    g_autofree char *inside_file = g_build_filename (out, "x.ics", NULL);
    g_autofree char *missing_dir = g_build_filename (fixture->dir, "saknas", "x.ics", NULL);
    g_auto(PkTestCliResult) no_date = pk_test_run_cli ("--db", fixture->path, "ics", undated, "--out", out, NULL);
    g_auto(PkTestCliResult) unknown = pk_test_run_cli ("--db", fixture->path, "ics", "999", "--out", out, NULL);
    g_auto(PkTestCliResult) not_dir = pk_test_run_cli ("--db", fixture->path, "ics", id, "--out", inside_file, NULL);
    g_auto(PkTestCliResult) no_dir = pk_test_run_cli ("--db", fixture->path, "ics", id, "--out", missing_dir, NULL);
    g_auto(PkTestCliResult) no_out = pk_test_run_cli ("--db", fixture->path, "ics", id, NULL);
    g_auto(PkTestCliResult) bad_id = pk_test_run_cli ("--db", fixture->path, "ics", "sju", "--out", out, NULL);
    g_autofree char *after = pk_test_file_checksum (out);

    g_assert_cmpint (no_date.status, ==, 1);
    g_assert_nonnull (strstr (no_date.err, "no date"));
    g_assert_cmpint (unknown.status, ==, 1);
    g_assert_nonnull (strstr (unknown.err, "999"));
    g_assert_cmpint (not_dir.status, ==, 1);
    g_assert_cmpint (no_dir.status, ==, 1);
    g_assert_nonnull (strstr (no_dir.err, "saknas"));
    g_assert_cmpint (no_out.status, ==, 2);
    g_assert_cmpint (bad_id.status, ==, 2);
    /* The invitation written before is whole; nothing else was left in the folder (the
     * database, its WAL files and the one invitation). */
    g_assert_cmpstr (before, ==, after);
    g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
  }
  /* A folder this user cannot write to: refused, and no temporary file is left behind. */
  if (geteuid () != 0)
    {
      g_autofree char *locked = g_build_filename (fixture->dir, "låst", NULL);
      g_autofree char *target = g_build_filename (locked, "kallelse.ics", NULL);

      g_assert_cmpint (g_mkdir (locked, 0755), ==, 0);
      g_assert_cmpint (g_chmod (locked, 0555), ==, 0);
      {
        g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->path, "ics", id, "--out", target, NULL);
        g_assert_cmpint (r.status, ==, 1);
        g_assert_nonnull (strstr (r.err, "låst"));
      }
      g_assert_cmpuint (count_files (locked), ==, 0);
      g_chmod (locked, 0755);
    }
  else
    g_test_message ("running as root: the unwritable folder case is skipped");
  {
    /* A corrupt database is exit 3. */
    g_autofree char *contents = NULL;
    gsize length;

    pk_test_sql (fixture->path, "PRAGMA journal_mode = DELETE");
    g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (fixture->path, contents, length / 2 + 7, NULL));
    {
      g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->path, "ics", id, "--out", out, NULL);
      g_assert_cmpint (r.status, ==, 3);
    }
  }
}

/* The whole way from the command line: an address given with member-add reaches the invitation of
 * a meeting imported later with that person on its roster. */
static void
test_cli_member_email (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *json_path = g_build_filename (fixture->dir, "möte.json", NULL);
  const char *json =
    "{ \"format\": \"protokoll-meeting/1\", \"body\": \"Kommunstyrelsen\", \"kind\": \"protokoll\","
    "  \"title\": \"Sammanträde\", \"date\": \"2026-12-09\", \"start\": \"13:00\", \"end\": \"16:00\","
    "  \"place\": \"Stadshuset\", \"status\": \"called\","
    "  \"attendees\": ["
    "    { \"name\": \"Karin Berg\", \"organisation\": \"Kommunledningskontoret\", \"role\": \"sekreterare\" },"
    "    { \"name\": \"Örjan Ängström\", \"organisation\": null, \"role\": \"ordforande\" },"
    "    { \"name\": \"Lisa Lind\", \"organisation\": null, \"role\": \"ledamot\" } ],"
    "  \"items\": [ { \"title\": \"Mötets öppnande\", \"duration_min\": 5 } ] }";

  g_clear_object (&fixture->db);
  g_assert_true (g_file_set_contents (json_path, json, -1, NULL));
  {
    g_auto(PkTestCliResult) karin = pk_test_run_cli ("--db", fixture->path, "member-add", "Kommunstyrelsen", "Karin Berg",
                                    "--role", "sekreterare", "--organisation", "Kommunledningskontoret",
                                    "--email", "karin.berg@kommun.se", NULL);
    g_auto(PkTestCliResult) orjan = pk_test_run_cli ("--db", fixture->path, "member-add", "Kommunstyrelsen", "Örjan Ängström",
                                    "--role", "ordforande", "--email", "orjan@kommun.se", NULL);
    g_auto(PkTestCliResult) bad = pk_test_run_cli ("--db", fixture->path, "member-add", "Kommunstyrelsen", "Lisa Lind",
                                  "--email", "lisa lind", NULL);
    g_auto(PkTestCliResult) import = pk_test_run_cli ("--db", fixture->path, "import-json", json_path, NULL);

    g_assert_cmpint (karin.status, ==, 0);
    g_assert_cmpint (orjan.status, ==, 0);
    g_assert_cmpint (bad.status, ==, 1);
    g_assert_nonnull (strstr (bad.err, "lisa lind"));
    g_assert_cmpint (import.status, ==, 0);
    g_assert_cmpstr (import.out, ==, "1\n");
  }
  /* The refused address left no seat behind. */
  g_assert_cmpint (pk_test_sql_int (fixture->path, "SELECT count(*) FROM membership"), ==, 2);
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->path, "ics", "1", "--out", "-", NULL);
    g_autoptr(icalcomponent) calendar = NULL;
    icalcomponent *event;
    icalproperty *attendee;

    g_assert_cmpint (r.status, ==, 0);
    assert_lines_well_formed (r.out);
    calendar = parse (r.out);
    event = event_of (calendar);
    g_assert_cmpint (icalcomponent_get_method (calendar), ==, ICAL_METHOD_REQUEST);
    g_assert_cmpstr (icalproperty_get_organizer (icalcomponent_get_first_property (event, ICAL_ORGANIZER_PROPERTY)),
                     ==, "mailto:karin.berg@kommun.se");
    g_assert_cmpint (icalcomponent_count_properties (event, ICAL_ATTENDEE_PROPERTY), ==, 1);
    attendee = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY);
    g_assert_cmpstr (icalproperty_get_attendee (attendee), ==, "mailto:orjan@kommun.se");
    g_assert_cmpstr (icalparameter_get_cn (icalproperty_get_first_parameter (attendee, ICAL_CN_PARAMETER)), ==,
                     "Örjan Ängström");
  }
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)

/* Without the calendar module (libical) there is no invitation: a clear message naming the
 * module and no file; an earlier file stays as it was. Unset, the CLI run from the build tree finds
 * the module built beside it. */
static void
test_cli_without_module (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *module = g_strdup (g_getenv ("PROTOKOLL_ICS_MODULE"));
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-module.so", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "kallelse.ics", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, insert_meeting (fixture));

  g_clear_object (&fixture->db);
  g_setenv ("PROTOKOLL_ICS_MODULE", missing, TRUE);
  {
    g_auto(PkTestCliResult) none = pk_test_run_cli ("--db", fixture->path, "ics", id, "--out", out, NULL);

    g_assert_cmpint (none.status, !=, 0);
    g_assert_nonnull (strstr (none.err, "no-such-module.so"));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  g_assert_true (g_file_set_contents (out, "earlier", -1, NULL));
  {
    g_auto(PkTestCliResult) again = pk_test_run_cli ("--db", fixture->path, "ics", id, "--out", out, NULL);

    g_assert_cmpint (again.status, !=, 0);
    g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "earlier");
  }
  g_unsetenv ("PROTOKOLL_ICS_MODULE");
  {
    g_auto(PkTestCliResult) found = pk_test_run_cli ("--db", fixture->path, "ics", id, "--out", "-", NULL);

    g_assert_cmpint (found.status, ==, 0);
    g_assert_true (g_str_has_prefix (found.out, "BEGIN:VCALENDAR"));
  }
  g_setenv ("PROTOKOLL_ICS_MODULE", module, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ics/fields", test_fields);
  g_test_add_func ("/ics/people", test_people);
  g_test_add_func ("/ics/publish-without-organizer", test_publish_without_organizer);
  g_test_add_func ("/ics/times", test_times);
  g_test_add_func ("/ics/refused", test_refused);
  g_test_add_func ("/ics/is-email", test_is_email);
  ADD ("/ics/database", test_database);
  ADD ("/ics/cli", test_cli);
  ADD ("/ics/cli-member-email", test_cli_member_email);
  ADD ("/ics/cli-without-module", test_cli_without_module);

  return g_test_run ();
}
