/* pk-justering-panel.h: the Justering panel: the meeting's stage, the sign-offs required and made,
 * signing, and rättelse of approved minutes. */
#pragma once

#include <adwaita.h>

#include "protokoll-core.h"

G_BEGIN_DECLS

#define PK_TYPE_JUSTERING_PANEL (pk_justering_panel_get_type ())
G_DECLARE_FINAL_TYPE (PkJusteringPanel, pk_justering_panel, PK, JUSTERING_PANEL, GtkWidget)

void     pk_justering_panel_set_meeting (PkJusteringPanel *self,
                                         PkDatabase       *database,
                                         PkMeeting        *meeting);
/* Signs as the form's button does. */
void     pk_justering_panel_sign        (PkJusteringPanel *self,
                                         PkRole            role,
                                         const char       *name,
                                         const char       *place);
gboolean pk_justering_panel_is_busy     (PkJusteringPanel *self);

G_END_DECLS
