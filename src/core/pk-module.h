/* pk-module.h: where Protokoll's modules are found. Large libraries that most starts do not need
 * (Poppler and libqpdf: pk-pdf-backend.h; libical: pk-meeting-ics.c) are in modules loaded the
 * first time they are needed, so that the program does not load them before main(). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The path of the module @file_name: $@env_variable if set; else the installed one
 * (LIBDIR/protokoll); else, for a program run from the build tree (src/app/protokoll,
 * src/cli/protokoll-cli), the one built beside it in src/core; else the installed path, which
 * then fails to load with an error naming it. */
char *pk_module_find (const char *file_name,
                      const char *env_variable);

G_END_DECLS
