/* pk-person.h: A person: on a roster, presenting an item, or named in a decision. */
#pragma once

#include <gio/gio.h>

#include "pk-enums.h"

G_BEGIN_DECLS

#define PK_TYPE_PERSON (pk_person_get_type ())
G_DECLARE_FINAL_TYPE (PkPerson, pk_person, PK, PERSON, GObject)

PkPerson *pk_person_new (void);

gint64      pk_person_get_id (PkPerson *self);
void        pk_person_set_id (PkPerson *self, gint64 id);
const char *pk_person_get_name (PkPerson *self);
void        pk_person_set_name (PkPerson *self, const char *name);
const char *pk_person_get_title (PkPerson *self);
void        pk_person_set_title (PkPerson *self, const char *title);
const char *pk_person_get_organisation (PkPerson *self);
void        pk_person_set_organisation (PkPerson *self, const char *organisation);
const char *pk_person_get_email (PkPerson *self);
void        pk_person_set_email (PkPerson *self, const char *email);

G_END_DECLS
