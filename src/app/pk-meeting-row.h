/* pk-meeting-row.h: a sidebar row: a meeting (date, title, status) or a body's heading. */
#pragma once

#include <gtk/gtk.h>

#include "protokoll-core.h"

G_BEGIN_DECLS

#define PK_TYPE_MEETING_ROW (pk_meeting_row_get_type ())
G_DECLARE_FINAL_TYPE (PkMeetingRow, pk_meeting_row, PK, MEETING_ROW, GtkWidget)

PkMeetingRow *pk_meeting_row_new         (void);
void          pk_meeting_row_set_meeting (PkMeetingRow *self,
                                          PkMeeting    *meeting);
/* Makes the row a group heading (the body's name) instead of a meeting. */
void          pk_meeting_row_set_heading (PkMeetingRow *self,
                                          const char   *heading);

G_END_DECLS
