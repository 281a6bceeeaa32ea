/* pk-action-entry.h: one row of the action register: an action with where it was decided. */
#pragma once

#include <gio/gio.h>

#include "pk-enums.h"

G_BEGIN_DECLS

#define PK_TYPE_ACTION_ENTRY (pk_action_entry_get_type ())
G_DECLARE_FINAL_TYPE (PkActionEntry, pk_action_entry, PK, ACTION_ENTRY, GObject)

/* Every property is construct-only (g_object_new with the names below, "-" for "_"), except
 * "state" and "overdue", which change when the action is closed or reopened from the register. */
gint64 pk_action_entry_get_id (PkActionEntry *self);
const char *pk_action_entry_get_text (PkActionEntry *self);
const char *pk_action_entry_get_owner (PkActionEntry *self);
const char *pk_action_entry_get_due (PkActionEntry *self);
PkActionState pk_action_entry_get_state (PkActionEntry *self);
gboolean pk_action_entry_get_overdue (PkActionEntry *self);
gint64 pk_action_entry_get_carried_from (PkActionEntry *self);
gint64 pk_action_entry_get_meeting_id (PkActionEntry *self);
const char *pk_action_entry_get_meeting_date (PkActionEntry *self);
const char *pk_action_entry_get_meeting_title (PkActionEntry *self);
PkMeetingStatus pk_action_entry_get_meeting_status (PkActionEntry *self);
const char *pk_action_entry_get_body (PkActionEntry *self);
const char *pk_action_entry_get_item_number (PkActionEntry *self);
const char *pk_action_entry_get_item_title (PkActionEntry *self);
/* Also recomputes "overdue" against @today (YYYY-MM-DD). */
void pk_action_entry_set_state (PkActionEntry *self, PkActionState state, const char *today);

G_END_DECLS
