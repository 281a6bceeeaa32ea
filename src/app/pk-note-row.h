/* pk-note-row.h: one named statement of a decision (yrkande, reservation, protokollsanteckning). */
#pragma once

#include <gtk/gtk.h>

#include "protokoll-core.h"

G_BEGIN_DECLS

#define PK_TYPE_NOTE_ROW (pk_note_row_get_type ())
G_DECLARE_FINAL_TYPE (PkNoteRow, pk_note_row, PK, NOTE_ROW, GtkListBoxRow)

/* @text_placeholder: what the text field asks for ("Motion", "Dissent", …). */
GtkWidget    *pk_note_row_new      (PkPersonNote *note,
                                    const char   *text_placeholder);
PkPersonNote *pk_note_row_get_note (PkNoteRow    *self);
void          pk_note_row_focus    (PkNoteRow    *self);

G_END_DECLS
