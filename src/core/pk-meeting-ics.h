/* pk-meeting-ics.h: a meeting as a calendar invitation (iCalendar, RFC 5545 / iTIP, RFC 5546). */
#pragma once

#include <gio/gio.h>

#include "pk-meeting.h"

G_BEGIN_DECLS

#define PK_ICS_ERROR (pk_ics_error_quark ())

typedef enum
{
  PK_ICS_ERROR_NO_DATE,    /* the meeting has no date (yet) */
  PK_ICS_ERROR_BAD_VALUE,  /* a date or time that is not one */
  PK_ICS_ERROR_TIME_ZONE,  /* this system has no Europe/Stockholm (tzdata) */
  PK_ICS_ERROR_MODULE,     /* the calendar module is missing or not the one this build needs */
} PkIcsError;

/* Of the module's build; a module of another version is refused. */
#define PK_ICS_MODULE_VERSION 1

/* What pk_meeting_to_ics() gives the module besides the meeting: what needs the agenda. */
typedef struct
{
  int         start_min;    /* minutes after midnight; -1: no start time, an all-day event */
  int         end_min;      /* DTEND in minutes after the day's midnight (past 24 h: next day) */
  const char *description;  /* the kallelse in a few lines, with the time plan */
} PkIcsTimes;

/* Times are written in this zone, with its VTIMEZONE: the meetings are Swedish. */
#define PK_ICS_TIME_ZONE "Europe/Stockholm"

typedef struct
{
  const char *uid;       /* NULL: "meeting-ID@protokoll" */
  int         sequence;  /* grows with each change of the header that is sent again */
  GHashTable *emails;    /* person id (GSIZE_TO_POINTER) -> e-mail address; NULL: none known */
  GDateTime  *stamp;     /* DTSTAMP; NULL: now */
} PkIcsOptions;

GQuark      pk_ics_error_quark (void);

/* One VCALENDAR with one VEVENT: UID, DTSTAMP, SEQUENCE, DTSTART/DTEND in Europe/Stockholm (a
 * date without a start time is an all-day event), SUMMARY "body: title", LOCATION, URL, the
 * agenda with its time plan in DESCRIPTION, and ORGANIZER/ATTENDEE for the people on the roster
 * whose address is in @options->emails. METHOD:REQUEST when there is an organizer (the
 * sekreterare, else the ordförande), else METHOD:PUBLISH, which needs none. Folded, escaped and
 * CRLF-terminated by libical. */
char       *pk_meeting_to_ics  (PkMeeting          *meeting,
                                const PkIcsOptions *options,
                                GError            **error);

/* A plausible e-mail address: one @ with something on both sides, no spaces, controls or the
 * characters that would break a mailto: URI or an address list. */
gboolean    pk_ics_is_email    (const char         *address);

G_END_DECLS
