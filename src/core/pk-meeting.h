/* pk-meeting.h: A meeting: header fields, roster, agenda items and sign-offs. */
#pragma once

#include <gio/gio.h>

#include "pk-enums.h"

G_BEGIN_DECLS

#define PK_TYPE_MEETING (pk_meeting_get_type ())
G_DECLARE_FINAL_TYPE (PkMeeting, pk_meeting, PK, MEETING, GObject)

PkMeeting *pk_meeting_new (void);

gint64      pk_meeting_get_id (PkMeeting *self);
/* The sidebar's order, a GCompareDataFunc: grouped by body (A–Ö; none last), newest first inside
 * each group. */
int         pk_meeting_compare_by_body_and_date (gconstpointer a,
                                                 gconstpointer b,
                                                 gpointer      user_data);
void        pk_meeting_set_id (PkMeeting *self, gint64 id);
const char *pk_meeting_get_body (PkMeeting *self);
void        pk_meeting_set_body (PkMeeting *self, const char *body);
PkMeetingKind pk_meeting_get_kind (PkMeeting *self);
void        pk_meeting_set_kind (PkMeeting *self, PkMeetingKind kind);
const char *pk_meeting_get_title (PkMeeting *self);
void        pk_meeting_set_title (PkMeeting *self, const char *title);
const char *pk_meeting_get_dnr (PkMeeting *self);
void        pk_meeting_set_dnr (PkMeeting *self, const char *dnr);
const char *pk_meeting_get_date (PkMeeting *self);
void        pk_meeting_set_date (PkMeeting *self, const char *date);
const char *pk_meeting_get_start_time (PkMeeting *self);
void        pk_meeting_set_start_time (PkMeeting *self, const char *start_time);
const char *pk_meeting_get_end_time (PkMeeting *self);
void        pk_meeting_set_end_time (PkMeeting *self, const char *end_time);
const char *pk_meeting_get_place (PkMeeting *self);
void        pk_meeting_set_place (PkMeeting *self, const char *place);
const char *pk_meeting_get_online_link (PkMeeting *self);
void        pk_meeting_set_online_link (PkMeeting *self, const char *online_link);
PkMeetingStatus pk_meeting_get_status (PkMeeting *self);
void        pk_meeting_set_status (PkMeeting *self, PkMeetingStatus status);
const char *pk_meeting_get_recorded_by (PkMeeting *self);
void        pk_meeting_set_recorded_by (PkMeeting *self, const char *recorded_by);
int         pk_meeting_get_version (PkMeeting *self);
void        pk_meeting_set_version (PkMeeting *self, int version);
const char *pk_meeting_get_content_sha256 (PkMeeting *self);
void        pk_meeting_set_content_sha256 (PkMeeting *self, const char *content_sha256);
GListStore *pk_meeting_get_attendees (PkMeeting *self);
GListStore *pk_meeting_get_items (PkMeeting *self);
GListStore *pk_meeting_get_signoffs (PkMeeting *self);

/* Gives every agenda item its number from its place in the tree: 1, 2, 2.1, 2.2, 3 … */
void        pk_meeting_renumber_items (PkMeeting *self);
/* The item with that number ("2.1"), or NULL. */
gpointer    pk_meeting_find_item_by_number (PkMeeting  *self,
                                            const char *number);

/* Numbers the bilagor 1..n meeting-wide in agenda order, as pk_database_renumber_attachments()
 * does in the database. */
void        pk_meeting_renumber_attachments (PkMeeting *self);

G_END_DECLS
