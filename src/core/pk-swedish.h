/* pk-swedish.h: the Swedish of printed documents (dates), whatever language the app speaks. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "onsdag 18 november 2026" for "2026-11-18"; NULL for something that is not a date. */
char *pk_swedish_long_date (const char *iso_date);

G_END_DECLS
