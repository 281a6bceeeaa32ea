/* pk-application.h: the Protokoll application: options, actions, accelerators, windows. */
#pragma once

#include <adwaita.h>

#include "protokoll-core.h"

G_BEGIN_DECLS

#define PK_TYPE_APPLICATION (pk_application_get_type ())
G_DECLARE_FINAL_TYPE (PkApplication, pk_application, PK, APPLICATION, AdwApplication)

PkApplication *pk_application_new          (void);
/* The app's settings, or NULL when the schema is not installed (a build tree run without
 * `meson devenv`): the app then simply does not remember its window size. */
GSettings     *pk_application_get_settings (PkApplication *self);

/* The database this run works on: --db, else $PROTOKOLL_DB, else the one last opened with Open
 * Database (if it still exists), else the default file. */
char          *pk_application_get_database_path (PkApplication *self);
/* @selected: the meeting a new window selects, read whole (pk_meeting_view_read_meeting()), or NULL. */
typedef void (*PkStartupOpenFunc) (PkDatabase   *database,
                                   GListStore   *meetings,
                                   PkMeeting    *selected,
                                   const GError *error,
                                   gpointer      user_data);

/* The start-up open of @path, begun before GTK is even initialised so the file is read while the
 * window is being built. Hands its result to @func (which then owns nothing but may ref what it
 * keeps) — at once if it is ready, else from the main loop when it arrives — and returns TRUE.
 * FALSE if that path was not opened at start-up or its result was taken already. */
gboolean       pk_application_take_startup_open (PkApplication     *self,
                                                 const char        *path,
                                                 PkStartupOpenFunc  func,
                                                 gpointer           user_data,
                                                 GDestroyNotify     destroy);

G_END_DECLS
