/* pk-pdf-thumbnail.h: one row of PkPdfView's thumbnail sidebar: a small page and its number. */
#pragma once

#include <gtk/gtk.h>

#include "pk-render-worker.h"

G_BEGIN_DECLS

#define PK_TYPE_PDF_THUMBNAIL (pk_pdf_thumbnail_get_type ())
G_DECLARE_FINAL_TYPE (PkPdfThumbnail, pk_pdf_thumbnail, PK, PDF_THUMBNAIL, GtkWidget)

GtkWidget *pk_pdf_thumbnail_new    (void);
/* Shows page @page (0-based) of @size points, rendered by @worker. */
void       pk_pdf_thumbnail_bind   (PkPdfThumbnail        *self,
                                    PkRenderWorker        *worker,
                                    int                    page,
                                    const graphene_size_t *size);
/* Cancels the render and drops the picture (the row is being recycled). */
void       pk_pdf_thumbnail_unbind (PkPdfThumbnail        *self);
gboolean   pk_pdf_thumbnail_has_texture (PkPdfThumbnail *self);

G_END_DECLS
