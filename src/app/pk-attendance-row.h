/* pk-attendance-row.h: one person on a meeting's roster: present, name, role, substitution, note. */
#pragma once

#include <gtk/gtk.h>

#include "protokoll-core.h"

G_BEGIN_DECLS

#define PK_TYPE_ATTENDANCE_ROW (pk_attendance_row_get_type ())
G_DECLARE_FINAL_TYPE (PkAttendanceRow, pk_attendance_row, PK, ATTENDANCE_ROW, GtkWidget)

PkAttendanceRow *pk_attendance_row_new            (void);
void             pk_attendance_row_set_attendance (PkAttendanceRow *self,
                                                   PkAttendance    *attendance);

G_END_DECLS
