/* pk-actions-window.h: the action register: actions across all meetings, filtered, each leading
 * to its meeting. */
#pragma once

#include <adwaita.h>

#include "protokoll-core.h"

G_BEGIN_DECLS

#define PK_TYPE_ACTIONS_WINDOW (pk_actions_window_get_type ())
G_DECLARE_FINAL_TYPE (PkActionsWindow, pk_actions_window, PK, ACTIONS_WINDOW, AdwWindow)

/* Activating a row activates "win.show-meeting" with the meeting id on @parent. Signal
 * "action-changed" (gint64 meeting id): an action of that meeting was closed or reopened. */
PkActionsWindow *pk_actions_window_new         (GtkWindow       *parent,
                                                PkDatabase      *database);
/* The rows shown (PkActionEntry), for tests. */
GListModel      *pk_actions_window_get_entries (PkActionsWindow *self);
gboolean         pk_actions_window_is_busy     (PkActionsWindow *self);
/* Reads the register again with the filters as they are. */
void             pk_actions_window_reload      (PkActionsWindow *self);
/* Marks one shown action done (or open again) as its check box does. */
void             pk_actions_window_set_done    (PkActionsWindow *self,
                                                guint            position,
                                                gboolean         done);

G_END_DECLS
