/* pk-register-window.h: the registers: bodies with their quorum rule and members, and people. */
#pragma once

#include <adwaita.h>

#include "protokoll-core.h"

G_BEGIN_DECLS

#define PK_TYPE_REGISTER_WINDOW (pk_register_window_get_type ())
G_DECLARE_FINAL_TYPE (PkRegisterWindow, pk_register_window, PK, REGISTER_WINDOW, AdwPreferencesWindow)

/* Opens on @body (NULL: the first one). */
PkRegisterWindow *pk_register_window_new (GtkWindow  *parent,
                                          PkDatabase *database,
                                          const char *body);
/* The members shown (PkMembership), for tests. */
GListModel       *pk_register_window_get_members (PkRegisterWindow *self);
gboolean          pk_register_window_is_busy     (PkRegisterWindow *self);
/* Adds a member to the shown body as the form's button does. */
void              pk_register_window_add_member  (PkRegisterWindow *self,
                                                  const char       *name,
                                                  const char       *organisation,
                                                  PkRole            role);

G_END_DECLS
