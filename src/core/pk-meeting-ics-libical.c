/* pk-meeting-ics-libical.c: the inside of libprotokoll-ics, the calendar module: a meeting as an
 * iCalendar invitation, built and written by libical. Folding at 75 octets (never inside a UTF-8
 * character), escaping of , ; \ and line breaks, and CRLF are libical's business. The text is
 * Swedish whatever language the app speaks: like the kallelse, it is what the members receive.
 *
 * A module (pk-meeting-ics.c says why). It calls the getters of PkMeeting and PkAttendance in the
 * program that loads it (which links them with any PkMeeting, and exports them: gmodule's
 * --export-dynamic); what needs more of the core, the description, the core writes. */
#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <libical/ical.h>
#include <stdio.h>
#include <string.h>

#include "pk-attendance.h"
#include "pk-database-private.h"
#include "pk-meeting-ics.h"
#include "pk-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/* What pk-meeting-ics.c looks up. */
G_MODULE_EXPORT guint pk_ics_module_version = PK_ICS_MODULE_VERSION;
G_MODULE_EXPORT char *pk_ics_module_meeting_to_ics (PkMeeting          *meeting,
                                                    const PkIcsOptions *options,
                                                    const PkIcsTimes   *times,
                                                    GError            **error);

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

/* @times: what the core works out from the agenda (pk-meeting-ics.c). */
G_MODULE_EXPORT char *
pk_ics_module_meeting_to_ics (PkMeeting          *meeting,
                              const PkIcsOptions *options,
                              const PkIcsTimes   *times,
                              GError            **error)
{
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *summary = NULL;
  PkIcsOptions none = { 0 };
  icalcomponent *event, *zone;
  icaltimetype date, stamp;
  PkAttendance *organizer;
  const char *body, *title, *place, *link;
  int start;
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
  start = times->start_min;
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
      icalcomponent_add_property (event, local_time_property (icalproperty_new_dtstart, date, start));
      icalcomponent_add_property (event, local_time_property (icalproperty_new_dtend, date, times->end_min));
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
  icalcomponent_add_property (event, icalproperty_new_description (times->description));
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

