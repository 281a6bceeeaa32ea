/* pk-agenda-editor.h: the side editor of one agenda item: title, Dnr, duration, state,
 * confidentiality, presenters and jäv. Edits go straight into the item. */
#pragma once

#include <adwaita.h>

#include "protokoll-core.h"

G_BEGIN_DECLS

#define PK_TYPE_AGENDA_EDITOR (pk_agenda_editor_get_type ())
G_DECLARE_FINAL_TYPE (PkAgendaEditor, pk_agenda_editor, PK, AGENDA_EDITOR, GtkWidget)

PkAgendaEditor *pk_agenda_editor_new                    (void);
/* The whole meeting the item belongs to: its roster is offered as presenters and for jäv. */
void            pk_agenda_editor_set_meeting            (PkAgendaEditor *self,
                                                         PkMeeting      *meeting);
/* Voting members needed for quorum (-1: the body keeps no roster), for the item's own quorum. */
void            pk_agenda_editor_set_quorum_requirement (PkAgendaEditor *self,
                                                         int             required);
void            pk_agenda_editor_set_item               (PkAgendaEditor *self,
                                                         PkAgendaItem   *item);
void            pk_agenda_editor_focus_title            (PkAgendaEditor *self);

G_END_DECLS
