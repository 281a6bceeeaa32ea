/* pk-attendance.h: One line of a meeting's roster (närvaro). */
#pragma once

#include <gio/gio.h>

#include "pk-enums.h"

G_BEGIN_DECLS

#define PK_TYPE_ATTENDANCE (pk_attendance_get_type ())
G_DECLARE_FINAL_TYPE (PkAttendance, pk_attendance, PK, ATTENDANCE, GObject)

PkAttendance *pk_attendance_new (void);

gint64      pk_attendance_get_id (PkAttendance *self);
void        pk_attendance_set_id (PkAttendance *self, gint64 id);
gint64      pk_attendance_get_person_id (PkAttendance *self);
void        pk_attendance_set_person_id (PkAttendance *self, gint64 person_id);
const char *pk_attendance_get_name (PkAttendance *self);
void        pk_attendance_set_name (PkAttendance *self, const char *name);
const char *pk_attendance_get_organisation (PkAttendance *self);
void        pk_attendance_set_organisation (PkAttendance *self, const char *organisation);
const char *pk_attendance_get_title (PkAttendance *self);
void        pk_attendance_set_title (PkAttendance *self, const char *title);
PkRole pk_attendance_get_role (PkAttendance *self);
void        pk_attendance_set_role (PkAttendance *self, PkRole role);
const char *pk_attendance_get_replaces (PkAttendance *self);
void        pk_attendance_set_replaces (PkAttendance *self, const char *replaces);
const char *pk_attendance_get_note (PkAttendance *self);
void        pk_attendance_set_note (PkAttendance *self, const char *note);
const char *pk_attendance_get_from_item (PkAttendance *self);
void        pk_attendance_set_from_item (PkAttendance *self, const char *from_item);
const char *pk_attendance_get_to_item (PkAttendance *self);
void        pk_attendance_set_to_item (PkAttendance *self, const char *to_item);
gboolean    pk_attendance_get_present (PkAttendance *self);
void        pk_attendance_set_present (PkAttendance *self, gboolean present);

G_END_DECLS
