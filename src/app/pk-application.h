/* pk-application.h: the Protokoll application: options, actions, accelerators, windows. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PK_TYPE_APPLICATION (pk_application_get_type ())
G_DECLARE_FINAL_TYPE (PkApplication, pk_application, PK, APPLICATION, AdwApplication)

PkApplication *pk_application_new          (void);
/* The app's settings, or NULL when the schema is not installed (a build tree run without
 * `meson devenv`): the app then simply does not remember its window size. */
GSettings     *pk_application_get_settings (PkApplication *self);

G_END_DECLS
