/* pk-export.h: exporting a meeting as PDF from the app: file chooser, work off the main thread,
 * a toast with the result. */
#pragma once

#include <gtk/gtk.h>

#include "protokoll-core.h"

G_BEGIN_DECLS

typedef enum
{
  PK_EXPORT_AGENDA,
  PK_EXPORT_PROTOCOL,
  PK_EXPORT_PUBLIC,
} PkExportKind;

/* Asks where to save, then writes a copy of @meeting on a worker thread; @widget shows the toasts;
 * the file's SHA-256 is recorded in @database (may be NULL) for `verify`. */
void pk_export_choose_and_write (GtkWidget    *widget,
                                 PkDatabase   *database,
                                 PkMeeting    *meeting,
                                 PkExportKind  kind);
/* Writes without asking (tests, and the chooser's answer). */
void pk_export_write            (GtkWidget    *widget,
                                 PkDatabase   *database,
                                 PkMeeting    *meeting,
                                 PkExportKind  kind,
                                 const char   *path);

G_END_DECLS
