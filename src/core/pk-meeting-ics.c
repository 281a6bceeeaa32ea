/* pk-meeting-ics.c: a meeting as a calendar invitation (iCalendar, RFC 5545 / iTIP, RFC 5546).
 * libical builds and writes it, so folding at 75 octets (never inside a UTF-8 character),
 * escaping of , ; \ and line breaks, and CRLF are its business. The text is Swedish whatever
 * language the app speaks: like the kallelse, it is what the members receive. */
#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <stdio.h>
#include <string.h>

#include "pk-agenda.h"
#include "pk-agenda-item.h"
#include "pk-attendance.h"
#include "pk-database-private.h"
#include "pk-meeting-ics.h"
#include "pk-person.h"
#include "pk-swedish.h"
#include "pk-util.h"

G_DEFINE_QUARK (pk-ics-error-quark, pk_ics_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/* A meeting with a start and neither an end time nor a time plan gets an hour. */
#define DEFAULT_LENGTH_MIN 60

gboolean
pk_ics_is_email (const char *address)
{
  const char *at;

  if (address == NULL || !g_utf8_validate (address, -1, NULL))
    return FALSE;
  at = strchr (address, '@');
  if (at == NULL || at == address || at[1] == '\0' || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *p = address; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || strchr ("<>()[]\\,;:\"?%#/", c) != NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_date (const char  *text,
            icaltimetype *date)
{
  unsigned year, month, day;
  char rest;

  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &rest) != 3 ||
      !g_date_valid_dmy (day, month, year) || year < 1900)
    return FALSE;
  *date = icaltime_null_date ();
  date->year = year;
  date->month = month;
  date->day = day;
  return TRUE;
}

/* A local time in Europe/Stockholm: floating in the structure, TZID in the property. */
static icalproperty *
local_time_property (icalproperty *(*new_property) (struct icaltimetype),
                     icaltimetype  date,
                     int           minutes)
{
  icaltimetype time = date;
  icalproperty *property;

  time.is_date = 0;
  time.hour = time.minute = time.second = 0;
  icaltime_adjust (&time, 0, 0, minutes, 0);
  property = new_property (time);
  icalproperty_add_parameter (property, icalparameter_new_tzid (PK_ICS_TIME_ZONE));
  return property;
}

/* Europe/Stockholm from the system's tzdata, cut to the years around the meeting with one
 * DAYLIGHT and one STANDARD rule (libical's "MS compatible" truncation: Outlook reads only one
 * pair), under the plain TZID the events use. */
static icalcomponent *
time_zone_component (icaltimetype   date,
                     GError       **error)
{
  icaltimezone *zone = icaltimezone_get_builtin_timezone (PK_ICS_TIME_ZONE);
  icaltimezone *utc = icaltimezone_get_utc_timezone ();
  icalcomponent *component;
  icalproperty *property;
  icaltimetype from = icaltime_null_time ();
  icaltimetype to;

  if (zone == NULL || icaltimezone_get_component (zone) == NULL)
    {
      g_set_error (error, PK_ICS_ERROR, PK_ICS_ERROR_TIME_ZONE,
                   _("The time zone %s is not known on this system (is tzdata installed?)"), PK_ICS_TIME_ZONE);
      return NULL;
    }
  component = icalcomponent_new_clone (icaltimezone_get_component (zone));
  from.year = date.year - 1;
  from.month = 1;
  from.day = 1;
  from.zone = utc;
  to = from;
  to.year = date.year + 2;
  icaltimezone_truncate_vtimezone (component, from, to, 1);

  if ((property = icalcomponent_get_first_property (component, ICAL_TZID_PROPERTY)) != NULL)
    icalproperty_set_tzid (property, PK_ICS_TIME_ZONE);
  /* RFC 7808's TZUNTIL says only where the truncation ended; Outlook knows nothing of it. */
  while ((property = icalcomponent_get_first_property (component, ICAL_TZUNTIL_PROPERTY)) != NULL)
    {
      icalcomponent_remove_property (component, property);
      icalproperty_free (property);
    }
  return component;
}

static void
append_presenters (GString      *text,
                   PkAgendaItem *item,
                   const char   *indent)
{
  GListModel *presenters = G_LIST_MODEL (pk_agenda_item_get_presenters (item));
  guint n = g_list_model_get_n_items (presenters);

  if (n == 0)
    return;
  g_string_append_printf (text, "%sFöredragande: ", indent);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PkPerson) person = g_list_model_get_item (presenters, i);

      if (i > 0)
        g_string_append (text, i + 1 == n ? " och " : ", ");
      g_string_append (text, pk_person_get_name (person) ? pk_person_get_name (person) : "");
      if (pk_str_or_null (pk_person_get_title (person)) != NULL)
        g_string_append_printf (text, ", %s", pk_person_get_title (person));
    }
  g_string_append_c (text, '\n');
}

static void
append_line (GString    *text,
             const char *label,
             const char *value)
{
  if (pk_str_or_null (value) != NULL)
    g_string_append_printf (text, "%s: %s\n", label, value);
}

/* The kallelse in a few lines: what, when, where, then the föredragningslista with each item's
 * planned start (or length, without a start time) and its presenters. */
static char *
description_text (PkMeeting *meeting)
{
  g_autoptr(PkTimePlan) plan = pk_time_plan_new (meeting);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *long_date = pk_swedish_long_date (pk_meeting_get_date (meeting));
  g_autofree char *time_text = NULL;
  const char *start = pk_meeting_get_start_time (meeting);
  const char *end = pk_meeting_get_end_time (meeting);
  gboolean has_start = pk_time_parse (start) >= 0;

  if (pk_str_or_null (pk_meeting_get_body (meeting)) != NULL)
    g_string_append_printf (text, "%s\n", pk_meeting_get_body (meeting));
  if (pk_str_or_null (pk_meeting_get_title (meeting)) != NULL)
    g_string_append_printf (text, "%s\n", pk_meeting_get_title (meeting));
  append_line (text, "Datum", long_date != NULL ? long_date : pk_meeting_get_date (meeting));
  if (has_start)
    time_text = pk_time_parse (end) >= 0 ? g_strdup_printf ("%s–%s", start, end) : g_strdup_printf ("kl. %s", start);
  append_line (text, "Tid", time_text);
  append_line (text, "Plats", pk_meeting_get_place (meeting));
  append_line (text, "Länk", pk_meeting_get_online_link (meeting));
  append_line (text, "Dnr", pk_meeting_get_dnr (meeting));

  g_string_append (text, "\nFöredragningslista\n");
  for (guint i = 0; i < plan->items->len; i++)
    {
      PkPlannedItem *planned = &g_array_index (plan->items, PkPlannedItem, i);
      PkAgendaItem *item = planned->item;
      guint depth = pk_agenda_item_get_depth (item);
      g_autofree char *indent = g_strnfill (depth * 3, ' ');
      g_autofree char *sub_indent = g_strnfill (depth * 3 + 3, ' ');
      g_autofree char *at = has_start ? pk_time_plan_format_time (planned->start_min) : NULL;
      int duration = pk_agenda_item_get_duration_min (item);

      const char *number = pk_agenda_item_get_number (item);

      /* "1. Val av justerare", "2.1 Delårsrapport", as a föredragningslista numbers them. */
      g_string_append_printf (text, "%s%s%s %s", indent, number, strchr (number, '.') ? "" : ".",
                              pk_agenda_item_get_title (item));
      if (at != NULL && !planned->no_duration)
        g_string_append_printf (text, " (%s, %d min)", at, duration);
      else if (at != NULL)
        g_string_append_printf (text, " (%s)", at);
      else if (!planned->no_duration)
        g_string_append_printf (text, " (%d min)", duration);
      g_string_append_c (text, '\n');
      append_presenters (text, item, sub_indent);
    }
  if (plan->items->len == 0)
    g_string_append (text, "Inga ärenden.\n");
  else if (plan->end_min >= 0 && plan->total_min > 0)
    {
      g_autofree char *planned_end = pk_time_plan_format_time (plan->end_min);
      g_string_append_printf (text, "\nBeräknad sluttid %s\n", planned_end);
    }
  /* No line break at the very end: clients show it as an empty line. */
  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static icalproperty *
person_property (icalproperty *(*new_property) (const char *),
                 const char    *address,
                 const char    *name)
{
  g_autofree char *uri = g_strconcat ("mailto:", address, NULL);
  icalproperty *property = new_property (uri);

  if (pk_str_or_null (name) != NULL)
    {
      /* A parameter value cannot hold a double quote (RFC 5545 §3.1; libical 3.0 has no RFC
       * 6868 escapes), so one in a name becomes a single quote. */
      g_autofree char *cn = g_strdup (name);
      g_strdelimit (cn, "\"", '\'');
      icalproperty_add_parameter (property, icalparameter_new_cn (cn));
    }
  return property;
}

static const char *
address_of (PkAttendance *attendance,
            GHashTable   *emails)
{
  gint64 person_id = pk_attendance_get_person_id (attendance);
  const char *address;

  if (emails == NULL || person_id == 0)
    return NULL;
  address = g_hash_table_lookup (emails, PK_ID_KEY (person_id));
  return pk_ics_is_email (address) ? address : NULL;
}

/* The one who sends the invitation: the sekreterare, else the ordförande (first with an address). */
static PkAttendance *
find_organizer (PkMeeting  *meeting,
                GHashTable *emails)
{
  GListModel *attendees = G_LIST_MODEL (pk_meeting_get_attendees (meeting));
  const PkRole roles[] = { PK_ROLE_SEKRETERARE, PK_ROLE_ORDFORANDE };

  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
      {
        g_autoptr(PkAttendance) attendance = g_list_model_get_item (attendees, i);

        if (pk_attendance_get_role (attendance) == roles[r] && address_of (attendance, emails) != NULL)
          return attendance;
      }
  return NULL;
}

static icalparameter_role
attendee_role (PkAttendance *attendance)
{
  switch (pk_attendance_get_role (attendance))
    {
    case PK_ROLE_ERSATTARE:
      /* A substitute serving for a named member is expected like the member. */
      return pk_str_or_null (pk_attendance_get_replaces (attendance)) != NULL ? ICAL_ROLE_REQPARTICIPANT
                                                                               : ICAL_ROLE_OPTPARTICIPANT;
    case PK_ROLE_ADJUNGERAD:
    case PK_ROLE_OVRIG:
      return ICAL_ROLE_OPTPARTICIPANT;
    default:
      return ICAL_ROLE_REQPARTICIPANT;
    }
}

static void
add_people (icalcomponent *event,
            PkMeeting     *meeting,
            PkAttendance  *organizer,
            GHashTable    *emails)
{
  GListModel *attendees = G_LIST_MODEL (pk_meeting_get_attendees (meeting));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *organizer_address = address_of (organizer, emails);

  icalcomponent_add_property (event, person_property (icalproperty_new_organizer, organizer_address,
                                                      pk_attendance_get_name (organizer)));
  g_hash_table_add (seen, g_ascii_strdown (organizer_address, -1));

  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(PkAttendance) attendance = g_list_model_get_item (attendees, i);
      const char *address = address_of (attendance, emails);
      gboolean present = pk_attendance_get_present (attendance);
      icalproperty *property;

      /* Everyone once: the organizer is not their own attendee, and one person may sit twice. */
      if (address == NULL || !g_hash_table_add (seen, g_ascii_strdown (address, -1)))
        continue;
      property = person_property (icalproperty_new_attendee, address, pk_attendance_get_name (attendance));
      icalproperty_add_parameter (property, icalparameter_new_cutype (ICAL_CUTYPE_INDIVIDUAL));
      icalproperty_add_parameter (property, icalparameter_new_role (attendee_role (attendance)));
      /* Marked absent on the roster: they have sent their apologies (anmält förhinder). */
      icalproperty_add_parameter (property, icalparameter_new_partstat (present ? ICAL_PARTSTAT_NEEDSACTION
                                                                                : ICAL_PARTSTAT_DECLINED));
      icalproperty_add_parameter (property, icalparameter_new_rsvp (present ? ICAL_RSVP_TRUE : ICAL_RSVP_FALSE));
      icalcomponent_add_property (event, property);
    }
}

char *
pk_meeting_to_ics (PkMeeting          *meeting,
                   const PkIcsOptions *options,
                   GError            **error)
{
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  PkIcsOptions none = { 0 };
  icalcomponent *event, *zone;
  icaltimetype date, stamp;
  PkAttendance *organizer;
  const char *body, *title, *place, *link;
  int start, end;
  char *text;

  g_return_val_if_fail (PK_IS_MEETING (meeting), NULL);

  if (options == NULL)
    options = &none;
  if (pk_str_or_null (pk_meeting_get_date (meeting)) == NULL)
    {
      g_set_error (error, PK_ICS_ERROR, PK_ICS_ERROR_NO_DATE,
                   _("The meeting has no date yet; give it one before sending an invitation"));
      return NULL;
    }
  if (!parse_date (pk_meeting_get_date (meeting), &date))
    {
      g_set_error (error, PK_ICS_ERROR, PK_ICS_ERROR_BAD_VALUE, _("“%s” is not a date"),
                   pk_meeting_get_date (meeting));
      return NULL;
    }
  start = pk_time_parse (pk_meeting_get_start_time (meeting));
  end = pk_time_parse (pk_meeting_get_end_time (meeting));
  if (pk_str_or_null (pk_meeting_get_start_time (meeting)) != NULL && start < 0)
    {
      g_set_error (error, PK_ICS_ERROR, PK_ICS_ERROR_BAD_VALUE, _("“%s” is not a time"),
                   pk_meeting_get_start_time (meeting));
      return NULL;
    }

  pk_meeting_renumber_items (meeting);
  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Protokoll//Protokoll " PACKAGE_VERSION "//SV"));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  organizer = find_organizer (meeting, options->emails);
  /* iTIP: a REQUEST must name its organizer; without one it is published as a plain event. */
  icalcomponent_add_property (calendar, icalproperty_new_method (organizer != NULL ? ICAL_METHOD_REQUEST
                                                                                   : ICAL_METHOD_PUBLISH));
  if (start >= 0)
    {
      if (!(zone = time_zone_component (date, error)))
        return NULL;
      icalcomponent_add_component (calendar, zone);
    }

  event = icalcomponent_new_vevent ();
  icalcomponent_add_component (calendar, event);
  uid = options->uid != NULL ? g_strdup (options->uid)
                             : g_strdup_printf ("meeting-%" G_GINT64_FORMAT "@protokoll", pk_meeting_get_id (meeting));
  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  now = options->stamp != NULL ? g_date_time_ref (options->stamp) : g_date_time_new_now_utc ();
  stamp = icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (now), 0, icaltimezone_get_utc_timezone ());
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (event, icalproperty_new_sequence (MAX (options->sequence, 0)));

  if (start < 0)
    {
      /* A day without a time yet: an all-day event, the end being the next day (exclusive). */
      icaltimetype next = date;

      icaltime_adjust (&next, 1, 0, 0, 0);
      icalcomponent_add_property (event, icalproperty_new_dtstart (date));
      icalcomponent_add_property (event, icalproperty_new_dtend (next));
    }
  else
    {
      g_autoptr(PkTimePlan) plan = pk_time_plan_new (meeting);
      int end_min;

      /* The end time as written (before the start: after midnight); else the time plan's end;
       * else an hour. */
      if (end >= 0 && end != start)
        end_min = end < start ? end + 24 * 60 : end;
      else if (plan->total_min > 0)
        end_min = plan->end_min;
      else
        end_min = start + DEFAULT_LENGTH_MIN;
      icalcomponent_add_property (event, local_time_property (icalproperty_new_dtstart, date, start));
      icalcomponent_add_property (event, local_time_property (icalproperty_new_dtend, date, end_min));
    }

  body = pk_str_or_null (pk_meeting_get_body (meeting));
  title = pk_str_or_null (pk_meeting_get_title (meeting));
  summary = body != NULL && title != NULL ? g_strdup_printf ("%s: %s", body, title)
                                          : g_strdup (body != NULL ? body : title != NULL ? title : "Sammanträde");
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  place = pk_str_or_null (pk_meeting_get_place (meeting));
  link = pk_str_or_null (pk_meeting_get_online_link (meeting));
  /* Calendars show LOCATION, hardly ever URL: a meeting held only online is where its link is. */
  if (place != NULL || link != NULL)
    icalcomponent_add_property (event, icalproperty_new_location (place != NULL ? place : link));
  if (link != NULL && g_uri_is_valid (link, G_URI_FLAGS_NONE, NULL))
    icalcomponent_add_property (event, icalproperty_new_url (link));
  description = description_text (meeting);
  icalcomponent_add_property (event, icalproperty_new_description (description));
  if (organizer != NULL)
    add_people (event, meeting, organizer, options->emails);

  text = icalcomponent_as_ical_string_r (calendar);
  if (text == NULL)
    {
      g_set_error (error, PK_ICS_ERROR, PK_ICS_ERROR_BAD_VALUE, _("The calendar invitation could not be written"));
      return NULL;
    }
  {
    char *copy = g_strdup (text);
    icalmemory_free_buffer (text);
    return copy;
  }
}

/* ---- what the database adds ---- */

/* UID: the meeting's row id with the moment its row was created. The id alone repeats across
 * databases (every database has a meeting 7), and an invitation from one secretary must not
 * replace another's in a member's calendar; the creation time never changes (edits, rättelse
 * and justering keep the row), so every export of the meeting names the same event.
 *
 * SEQUENCE: the seconds from that creation to the header's last change (modified_at, stamped by
 * every write of date, times, place or title), so it grows with each change that matters to a
 * calendar, from 0 for an untouched meeting, without a counter of its own. */
char *
pk_database_meeting_to_ics (PkDatabase  *self,
                            gint64       meeting_id,
                            GError     **error)
{
  g_autoptr(PkMeeting) meeting = NULL;
  g_autoptr(sqlite3_stmt) stamps = NULL;
  g_autoptr(sqlite3_stmt) addresses = NULL;
  g_autoptr(GHashTable) emails = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autofree char *uid = NULL;
  g_autofree char *created = NULL;
  PkIcsOptions options = { 0 };
  gint64 sequence;
  int rc;

  g_return_val_if_fail (PK_IS_DATABASE (self), NULL);

  if (!pk_database_begin (self, error))
    return NULL;
  if (!(meeting = pk_database_load_meeting (self, meeting_id, error)))
    goto fail;
  stamps = pk_database_prepare (self,
                                "SELECT strftime ('%Y%m%dT%H%M%SZ', created_at),"
                                " max (0, CAST (strftime ('%s', modified_at) AS INTEGER)"
                                "         - CAST (strftime ('%s', created_at) AS INTEGER))"
                                " FROM meeting WHERE id = ?",
                                error);
  if (stamps == NULL)
    goto fail;
  sqlite3_bind_int64 (stamps, 1, meeting_id);
  if ((rc = sqlite3_step (stamps)) != SQLITE_ROW)
    {
      pk_database_set_error (self, rc, error);
      goto fail;
    }
  created = g_strdup (pk_column_text (stamps, 0));
  sequence = sqlite3_column_int64 (stamps, 1);

  addresses = pk_database_prepare (self,
                                   "SELECT DISTINCT p.id, trim (p.email) FROM attendance a"
                                   " JOIN person p ON p.id = a.person_id"
                                   " WHERE a.meeting_id = ? AND p.email IS NOT NULL AND trim (p.email) <> ''",
                                   error);
  if (addresses == NULL)
    goto fail;
  sqlite3_bind_int64 (addresses, 1, meeting_id);
  while ((rc = sqlite3_step (addresses)) == SQLITE_ROW)
    g_hash_table_insert (emails, PK_ID_KEY (sqlite3_column_int64 (addresses, 0)),
                         g_strdup (pk_column_text (addresses, 1)));
  if (rc != SQLITE_DONE)
    {
      pk_database_set_error (self, rc, error);
      goto fail;
    }
  if (!pk_database_commit (self, error))
    return NULL;

  uid = g_strdup_printf ("meeting-%" G_GINT64_FORMAT "-%s@protokoll", meeting_id, created ? created : "0");
  options.uid = uid;
  options.sequence = (int) MIN (sequence, G_MAXINT32);
  options.emails = emails;
  return pk_meeting_to_ics (meeting, &options, error);

fail:
  pk_database_rollback (self);
  return NULL;
}

gboolean
pk_database_set_person_email (PkDatabase  *self,
                              gint64       person_id,
                              const char  *email,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *address = g_strstrip (g_strdup (email != NULL ? email : ""));

  g_return_val_if_fail (PK_IS_DATABASE (self), FALSE);

  if (*address != '\0' && !pk_ics_is_email (address))
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_CONSTRAINT, _("“%s” is not an e-mail address"), email);
      return FALSE;
    }
  if (!(stmt = pk_database_prepare (self, "UPDATE person SET email = ?2 WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  pk_bind_text (stmt, 2, *address != '\0' ? address : NULL);
  if (!pk_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (pk_database_get_handle (self)) == 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, person_id);

      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_FOUND, _("No person with id %s"), id);
      return FALSE;
    }
  return TRUE;
}
