/* pk-decision-row.h: one decision of an agenda item, edited in the minutes panel. */
#pragma once

#include <gtk/gtk.h>

#include "protokoll-core.h"

G_BEGIN_DECLS

#define PK_TYPE_DECISION_ROW (pk_decision_row_get_type ())
G_DECLARE_FINAL_TYPE (PkDecisionRow, pk_decision_row, PK, DECISION_ROW, GtkListBoxRow)

/* @meeting fills the names in standard phrases ("… utses att justera protokollet"). */
GtkWidget  *pk_decision_row_new          (PkDecision    *decision,
                                          PkMeeting     *meeting);
PkDecision *pk_decision_row_get_decision (PkDecisionRow *self);
void        pk_decision_row_focus_text   (PkDecisionRow *self);
/* Replaces the text by standard phrase @index of pk_standard_phrases() and sets the kind. */
void        pk_decision_row_apply_phrase (PkDecisionRow *self,
                                          guint          index);
GtkTextBuffer *pk_decision_row_get_buffer (PkDecisionRow *self);

G_END_DECLS
