/* pk-attendance-panel.h: the Närvaro panel: the roster of the selected meeting, marked by keyboard,
 * with the quorum. */
#pragma once

#include <adwaita.h>

#include "protokoll-core.h"

G_BEGIN_DECLS

#define PK_TYPE_ATTENDANCE_PANEL (pk_attendance_panel_get_type ())
G_DECLARE_FINAL_TYPE (PkAttendancePanel, pk_attendance_panel, PK, ATTENDANCE_PANEL, GtkWidget)

/* @required: voting members needed for quorum, -1 when the body keeps no roster. */
void        pk_attendance_panel_set_meeting (PkAttendancePanel *self,
                                             PkDatabase        *database,
                                             PkMeeting         *meeting,
                                             int                required);
GListModel *pk_attendance_panel_get_roster  (PkAttendancePanel *self);
void        pk_attendance_panel_flush       (PkAttendancePanel *self);
gboolean    pk_attendance_panel_is_busy     (PkAttendancePanel *self);
/* The keys of the roster list (Space toggles presence, Delete removes), for the list and tests. */
gboolean    pk_attendance_panel_handle_key  (PkAttendancePanel *self,
                                             guint              keyval,
                                             GdkModifierType    state);
void        pk_attendance_panel_select      (PkAttendancePanel *self,
                                             guint              position);
/* "5 of 3 required" or NULL when the body keeps no roster. */
const char *pk_attendance_panel_get_quorum_text (PkAttendancePanel *self);

G_END_DECLS
