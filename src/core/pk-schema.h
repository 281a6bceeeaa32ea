/* pk-schema.h: the numbered schema migrations, applied by PkDatabase. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The newest schema version this build knows (PRAGMA user_version). */
#define PK_SCHEMA_VERSION 6

/* SQL that takes the schema from version - 1 to version; NULL outside 1..PK_SCHEMA_VERSION. */
const char *pk_schema_get_migration (int version);

G_END_DECLS
