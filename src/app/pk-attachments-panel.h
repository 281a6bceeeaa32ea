/* pk-attachments-panel.h: the Bilagor panel: the meeting's PDF attachments, attached by chooser
 * or drop, read in the embedded viewer with private notes. */
#pragma once

#include <adwaita.h>

#include "protokoll-core.h"

G_BEGIN_DECLS

#define PK_TYPE_ATTACHMENTS_PANEL (pk_attachments_panel_get_type ())
G_DECLARE_FINAL_TYPE (PkAttachmentsPanel, pk_attachments_panel, PK, ATTACHMENTS_PANEL, GtkWidget)

/* @items: the agenda in reading order (the agenda panel's flat list). */
void        pk_attachments_panel_set_meeting  (PkAttachmentsPanel *self,
                                               PkDatabase         *database,
                                               PkMeeting          *meeting,
                                               GListModel         *items);
/* Justerat minutes: bilagor are read, not added, renamed or removed. */
void        pk_attachments_panel_set_locked   (PkAttachmentsPanel *self,
                                               gboolean            locked);
/* Probes and stores each file on @item, as a drop or the chooser does. */
void        pk_attachments_panel_attach_files (PkAttachmentsPanel *self,
                                               PkAgendaItem       *item,
                                               GSList             *files);
/* The meeting's bilagor in number order (PkAttachment). */
GListModel *pk_attachments_panel_get_attachments (PkAttachmentsPanel *self);
void        pk_attachments_panel_select       (PkAttachmentsPanel *self,
                                               guint               position);
GtkWidget  *pk_attachments_panel_get_view     (PkAttachmentsPanel *self);
/* What the right side shows: "none", "loading", "viewer" or "unsafe". */
const char *pk_attachments_panel_get_state    (PkAttachmentsPanel *self);
/* Attaching, reading or writing is under way. */
gboolean    pk_attachments_panel_is_busy      (PkAttachmentsPanel *self);
/* Adds a note as "Add Note" in the viewer does, without the dialog. */
void        pk_attachments_panel_add_note     (PkAttachmentsPanel *self,
                                               int                 page,
                                               double              x,
                                               double              y,
                                               const char         *text);
GListModel *pk_attachments_panel_get_notes    (PkAttachmentsPanel *self);

G_END_DECLS
