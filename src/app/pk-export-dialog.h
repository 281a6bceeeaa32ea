/* pk-export-dialog.h: export the minutes with a preview of the pages before saving. */
#pragma once

#include <adwaita.h>

#include "pk-export.h"

G_BEGIN_DECLS

#define PK_TYPE_EXPORT_DIALOG (pk_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PkExportDialog, pk_export_dialog, PK, EXPORT_DIALOG, AdwWindow)

PkExportDialog *pk_export_dialog_new (GtkWindow    *parent,
                                      PkDatabase   *database,
                                      PkMeeting    *meeting,
                                      PkExportKind  kind);
/* The page shown (from 0) and how many there are; 0 pages until the PDF is made. */
guint           pk_export_dialog_get_n_pages (PkExportDialog *self);
gboolean        pk_export_dialog_is_busy     (PkExportDialog *self);
/* Saves the previewed PDF to @path as the Save As button does after its chooser. */
void            pk_export_dialog_save_to     (PkExportDialog *self,
                                              const char     *path);

G_END_DECLS
