/* pk-minutes-panel.h: the Beslut panel: per agenda item the discussion (Markdown), decisions and
 * actions, written live during the meeting and saved as typed. */
#pragma once

#include <adwaita.h>

#include "protokoll-core.h"

G_BEGIN_DECLS

#define PK_TYPE_MINUTES_PANEL (pk_minutes_panel_get_type ())
G_DECLARE_FINAL_TYPE (PkMinutesPanel, pk_minutes_panel, PK, MINUTES_PANEL, GtkWidget)

/* @items: the agenda in reading order (the agenda panel's flat list), kept current by it. */
void          pk_minutes_panel_set_meeting    (PkMinutesPanel *self,
                                               PkDatabase     *database,
                                               PkMeeting      *meeting,
                                               GListModel     *items);
void          pk_minutes_panel_flush          (PkMinutesPanel *self);
gboolean      pk_minutes_panel_is_busy        (PkMinutesPanel *self);
void          pk_minutes_panel_select         (PkMinutesPanel *self,
                                               guint           position);
PkAgendaItem *pk_minutes_panel_get_item       (PkMinutesPanel *self);
GtkTextView  *pk_minutes_panel_get_discussion_view (PkMinutesPanel *self);
GtkListBox   *pk_minutes_panel_get_decisions_list  (PkMinutesPanel *self);
GtkListBox   *pk_minutes_panel_get_actions_list    (PkMinutesPanel *self);

G_END_DECLS
