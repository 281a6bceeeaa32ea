/* pk-meeting-view.h: the selected meeting: its editable header and the four panels. */
#pragma once

#include <adwaita.h>

#include "protokoll-core.h"

G_BEGIN_DECLS

#define PK_TYPE_MEETING_VIEW (pk_meeting_view_get_type ())
G_DECLARE_FINAL_TYPE (PkMeetingView, pk_meeting_view, PK, MEETING_VIEW, GtkWidget)

void          pk_meeting_view_set_database (PkMeetingView *self,
                                            PkDatabase    *database);
/* Edits @meeting in place (the sidebar shows the same object) and saves it automatically. */
void          pk_meeting_view_set_meeting  (PkMeetingView *self,
                                            PkMeeting     *meeting);
PkMeeting    *pk_meeting_view_get_meeting  (PkMeetingView *self);
/* The meeting with what its panels need (the quorum's requirement), as a worker thread reads it;
 * any thread may call this with a connection of its own. */
PkMeeting    *pk_meeting_view_read_meeting (PkDatabase  *database,
                                            gint64       meeting_id,
                                            GError     **error);
/* Gives the view @full (from pk_meeting_view_read_meeting()) to show, instead of reading it
 * again, when its meeting is next set; any other meeting drops it. */
void          pk_meeting_view_offer_read_meeting (PkMeetingView *self,
                                                  PkMeeting     *full);
/* TRUE while the selected meeting is being read; ::loaded follows. */
gboolean      pk_meeting_view_is_loading   (PkMeetingView *self);
/* The whole meeting as the panels edit it, once read; NULL before. */
PkMeeting    *pk_meeting_view_get_loaded_meeting (PkMeetingView *self);
AdwViewStack *pk_meeting_view_get_stack    (PkMeetingView *self);
/* Queues the pending save now instead of after the pause in typing. */
void          pk_meeting_view_flush        (PkMeetingView *self);
gboolean      pk_meeting_view_has_pending_save (PkMeetingView *self);
void          pk_meeting_view_focus_title  (PkMeetingView *self);
/* The agenda items and attendees of the loaded meeting, as the panels show them. */
GListModel   *pk_meeting_view_get_agenda   (PkMeetingView *self);
GListModel   *pk_meeting_view_get_attendance (PkMeetingView *self);

G_END_DECLS
