/* pk-agenda-panel.h: the Dagordning panel: the agenda of the selected meeting, edited in place,
 * with its time plan, saved automatically, exported as the kallelse PDF. */
#pragma once

#include <adwaita.h>

#include "protokoll-core.h"

G_BEGIN_DECLS

#define PK_TYPE_AGENDA_PANEL (pk_agenda_panel_get_type ())
G_DECLARE_FINAL_TYPE (PkAgendaPanel, pk_agenda_panel, PK, AGENDA_PANEL, GtkWidget)

/* @meeting is the whole meeting as loaded; the panel edits its agenda tree in place. */
void          pk_agenda_panel_set_meeting  (PkAgendaPanel *self,
                                            PkDatabase    *database,
                                            PkMeeting     *meeting);
PkMeeting    *pk_agenda_panel_get_meeting  (PkAgendaPanel *self);
/* Voting members needed for quorum (-1: the body keeps no roster), for the item's own quorum. */
void          pk_agenda_panel_set_quorum_requirement (PkAgendaPanel *self,
                                            int            required);
/* Every item in reading order, as the list shows them. */
GListModel   *pk_agenda_panel_get_items    (PkAgendaPanel *self);
PkAgendaItem *pk_agenda_panel_get_selected (PkAgendaPanel *self);
void          pk_agenda_panel_select       (PkAgendaPanel *self,
                                            PkAgendaItem  *item);
/* Moves @item next to @target (a drop); FALSE if that is not a place it can go. */
gboolean      pk_agenda_panel_move_next_to (PkAgendaPanel *self,
                                            PkAgendaItem  *item,
                                            PkAgendaItem  *target,
                                            gboolean       after);
/* The meeting's start or end time may have changed: lays the time plan out again. */
void          pk_agenda_panel_header_changed (PkAgendaPanel *self);
/* Writes pending changes now (removals still on offer for undo are kept). */
void          pk_agenda_panel_flush        (PkAgendaPanel *self);
gboolean      pk_agenda_panel_is_saving    (PkAgendaPanel *self);
/* What the keyboard does in the list, for the list's key controller and for tests. */
gboolean      pk_agenda_panel_handle_key   (PkAgendaPanel   *self,
                                            guint            keyval,
                                            GdkModifierType  state);

G_END_DECLS
