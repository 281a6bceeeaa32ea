/* pk-action-row.h: one action (uppdrag) of an agenda item: what, who, by when, how it stands. */
#pragma once

#include <gtk/gtk.h>

#include "protokoll-core.h"

G_BEGIN_DECLS

#define PK_TYPE_ACTION_ROW (pk_action_row_get_type ())
G_DECLARE_FINAL_TYPE (PkActionRow, pk_action_row, PK, ACTION_ROW, GtkListBoxRow)

/* @meeting offers its roster as owners to pick from (may be NULL). */
GtkWidget *pk_action_row_new        (PkAction    *action,
                                     PkMeeting   *meeting);
PkAction  *pk_action_row_get_action (PkActionRow *self);
void       pk_action_row_focus      (PkActionRow *self);
/* Sets the due date as the calendar popover does ("2026-12-24", or NULL for none). */
void       pk_action_row_set_due    (PkActionRow *self,
                                     const char  *due);

G_END_DECLS
