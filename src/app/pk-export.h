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

/* "Protokoll Kommunstyrelsen 2026-11-18.pdf": a file name for the chooser. */
char *pk_export_suggest_name    (PkMeeting    *meeting,
                                 PkExportKind  kind);
/* Copies an already written PDF (the export dialog's preview) to @to_path on a thread and records
 * it as an export of @meeting, as pk_export_write() does. */
void pk_export_write_from_file  (GtkWidget    *widget,
                                 PkDatabase   *database,
                                 PkMeeting    *meeting,
                                 PkExportKind  kind,
                                 const char   *from_path,
                                 const char   *to_path);

G_END_DECLS
