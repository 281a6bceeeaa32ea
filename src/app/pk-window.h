/* pk-window.h: the main window: the meeting sidebar and the selected meeting. */
#pragma once

#include <adwaita.h>

#include "pk-application.h"
#include "protokoll-core.h"

G_BEGIN_DECLS

#define PK_TYPE_WINDOW (pk_window_get_type ())
G_DECLARE_FINAL_TYPE (PkWindow, pk_window, PK, WINDOW, AdwApplicationWindow)

/* @database_path NULL: the last database used, else the default one. */
PkWindow   *pk_window_new                  (PkApplication *application,
                                            const char    *database_path);
/* Closes the open database (if any) and opens @path in its place. */
void        pk_window_open_database        (PkWindow      *self,
                                            const char    *path);
PkDatabase *pk_window_get_database         (PkWindow      *self);
/* The meetings as the sidebar shows them (grouped by body, newest first). */
GListModel *pk_window_get_meetings         (PkWindow      *self);
PkMeeting  *pk_window_get_selected_meeting (PkWindow      *self);
gboolean    pk_window_select_meeting       (PkWindow      *self,
                                            gint64         meeting_id);
/* "loading", "error" or "meetings". */
const char *pk_window_get_state            (PkWindow      *self);
GtkWidget  *pk_window_get_meeting_view     (PkWindow      *self);
void        pk_window_show_toast           (PkWindow      *self,
                                            const char    *message);

/* The selected meeting as a meeting package or a calendar invitation at @path, and a package
 * imported (what the menu items do after their file chooser); the result is told in a toast. */
void        pk_window_export_package_to    (PkWindow      *self,
                                            const char    *path,
                                            gboolean       with_notes);
void        pk_window_import_package_from  (PkWindow      *self,
                                            const char    *path);
void        pk_window_export_invitation_to (PkWindow      *self,
                                            const char    *path);
/* Old minutes in a text file as a new meeting (protokoll-cli import-text), then selected. */
void        pk_window_import_text_from     (PkWindow      *self,
                                            const char    *path);

G_END_DECLS
