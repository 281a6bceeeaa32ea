/* pk-agenda-row.h: one agenda item in the Dagordning panel: number, title,
 * presenters, planned start and length, bilagor, state. */
#pragma once

#include <gtk/gtk.h>

#include "protokoll-core.h"

G_BEGIN_DECLS

#define PK_TYPE_AGENDA_ROW (pk_agenda_row_get_type ())
G_DECLARE_FINAL_TYPE (PkAgendaRow, pk_agenda_row, PK, AGENDA_ROW, GtkWidget)

PkAgendaRow  *pk_agenda_row_new        (void);
/* @start is the planned start ("13:45") or NULL without a meeting start time. */
void          pk_agenda_row_set_item   (PkAgendaRow  *self,
                                        PkAgendaItem *item,
                                        const char   *start);
PkAgendaItem *pk_agenda_row_get_item   (PkAgendaRow  *self);

G_END_DECLS
