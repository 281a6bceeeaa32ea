/* pk-person-note.h: A named person's statement: a recusal (jäv) reason, a reservation or a protokollsanteckning. */
#pragma once

#include <gio/gio.h>

#include "pk-enums.h"

G_BEGIN_DECLS

#define PK_TYPE_PERSON_NOTE (pk_person_note_get_type ())
G_DECLARE_FINAL_TYPE (PkPersonNote, pk_person_note, PK, PERSON_NOTE, GObject)

PkPersonNote *pk_person_note_new (void);

const char *pk_person_note_get_name (PkPersonNote *self);
void        pk_person_note_set_name (PkPersonNote *self, const char *name);
const char *pk_person_note_get_text (PkPersonNote *self);
void        pk_person_note_set_text (PkPersonNote *self, const char *text);

G_END_DECLS
