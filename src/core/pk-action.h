/* pk-action.h: An action (uppdrag) with owner and due date. */
#pragma once

#include <gio/gio.h>

#include "pk-enums.h"

G_BEGIN_DECLS

#define PK_TYPE_ACTION (pk_action_get_type ())
G_DECLARE_FINAL_TYPE (PkAction, pk_action, PK, ACTION, GObject)

PkAction *pk_action_new (void);

gint64      pk_action_get_id (PkAction *self);
void        pk_action_set_id (PkAction *self, gint64 id);
const char *pk_action_get_text (PkAction *self);
void        pk_action_set_text (PkAction *self, const char *text);
const char *pk_action_get_owner (PkAction *self);
void        pk_action_set_owner (PkAction *self, const char *owner);
const char *pk_action_get_due (PkAction *self);
void        pk_action_set_due (PkAction *self, const char *due);
PkActionState pk_action_get_state (PkAction *self);
void        pk_action_set_state (PkAction *self, PkActionState state);

G_END_DECLS
