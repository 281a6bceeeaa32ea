/* pk-membership.h: A person's seat in a body (organ): role and the dates it runs from and to. */
#pragma once

#include <gio/gio.h>

#include "pk-enums.h"

G_BEGIN_DECLS

#define PK_TYPE_MEMBERSHIP (pk_membership_get_type ())
G_DECLARE_FINAL_TYPE (PkMembership, pk_membership, PK, MEMBERSHIP, GObject)

PkMembership *pk_membership_new (void);

gint64      pk_membership_get_id (PkMembership *self);
void        pk_membership_set_id (PkMembership *self, gint64 id);
const char *pk_membership_get_body (PkMembership *self);
void        pk_membership_set_body (PkMembership *self, const char *body);
gint64      pk_membership_get_person_id (PkMembership *self);
void        pk_membership_set_person_id (PkMembership *self, gint64 person_id);
const char *pk_membership_get_name (PkMembership *self);
void        pk_membership_set_name (PkMembership *self, const char *name);
const char *pk_membership_get_organisation (PkMembership *self);
void        pk_membership_set_organisation (PkMembership *self, const char *organisation);
const char *pk_membership_get_title (PkMembership *self);
void        pk_membership_set_title (PkMembership *self, const char *title);
PkRole pk_membership_get_role (PkMembership *self);
void        pk_membership_set_role (PkMembership *self, PkRole role);
const char *pk_membership_get_from_date (PkMembership *self);
void        pk_membership_set_from_date (PkMembership *self, const char *from_date);
const char *pk_membership_get_to_date (PkMembership *self);
void        pk_membership_set_to_date (PkMembership *self, const char *to_date);

G_END_DECLS
