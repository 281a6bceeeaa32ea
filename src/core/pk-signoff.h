/* pk-signoff.h: One sign-off of the minutes (justering) by a role. */
#pragma once

#include <gio/gio.h>

#include "pk-enums.h"

G_BEGIN_DECLS

#define PK_TYPE_SIGNOFF (pk_signoff_get_type ())
G_DECLARE_FINAL_TYPE (PkSignoff, pk_signoff, PK, SIGNOFF, GObject)

PkSignoff *pk_signoff_new (void);

PkRole pk_signoff_get_role (PkSignoff *self);
void        pk_signoff_set_role (PkSignoff *self, PkRole role);
const char *pk_signoff_get_name (PkSignoff *self);
void        pk_signoff_set_name (PkSignoff *self, const char *name);
const char *pk_signoff_get_at (PkSignoff *self);
void        pk_signoff_set_at (PkSignoff *self, const char *at);
const char *pk_signoff_get_place (PkSignoff *self);
void        pk_signoff_set_place (PkSignoff *self, const char *place);

G_END_DECLS
