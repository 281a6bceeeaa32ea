/* pk-pdf-pages.h: the scrollable column of pages inside PkPdfView; draws only what is on screen
 * and keeps rendered textures for the visible pages ±3. Private to PkPdfView (and its test). */
#pragma once

#include <gtk/gtk.h>

#include "pk-render-worker.h"

G_BEGIN_DECLS

typedef enum
{
  PK_PDF_ZOOM_FIT_WIDTH,
  PK_PDF_ZOOM_FIT_PAGE,
  PK_PDF_ZOOM_FREE,
} PkPdfZoomMode;

/* Pages kept rendered on either side of the visible ones. */
#define PK_PDF_PAGES_MARGIN 3

#define PK_TYPE_PDF_PAGES (pk_pdf_pages_get_type ())
G_DECLARE_FINAL_TYPE (PkPdfPages, pk_pdf_pages, PK, PDF_PAGES, GtkWidget)

/* Takes the document: @sizes are graphene_size_t in points. NULL @worker clears. */
void           pk_pdf_pages_set_document     (PkPdfPages     *self,
                                              PkRenderWorker *worker,
                                              GArray         *sizes);
int            pk_pdf_pages_get_n_pages      (PkPdfPages     *self);
int            pk_pdf_pages_get_page         (PkPdfPages     *self);
void           pk_pdf_pages_set_page         (PkPdfPages     *self,
                                              int             page);
/* CSS pixels per PDF point (1.0 = 72 dpi; 100 % is 96/72). */
double         pk_pdf_pages_get_zoom         (PkPdfPages     *self);
void           pk_pdf_pages_set_zoom         (PkPdfPages     *self,
                                              double          zoom);
PkPdfZoomMode  pk_pdf_pages_get_zoom_mode    (PkPdfPages     *self);
void           pk_pdf_pages_set_zoom_mode    (PkPdfPages     *self,
                                              PkPdfZoomMode   mode);
/* Takes @hits (one GArray of graphene_rect_t per page, or NULL) and marks hit @page/@index as the
 * current one, scrolling it into view (page -1: none). */
void           pk_pdf_pages_set_hits         (PkPdfPages     *self,
                                              GPtrArray      *hits);
void           pk_pdf_pages_set_current_hit  (PkPdfPages     *self,
                                              int             page,
                                              int             index);
void           pk_pdf_pages_set_notes        (PkPdfPages     *self,
                                              GListModel     *notes);
/* Widget coordinates to a page and PDF points from its top-left corner; FALSE between pages. */
gboolean       pk_pdf_pages_widget_to_page   (PkPdfPages     *self,
                                              double          wx,
                                              double          wy,
                                              int            *page,
                                              double         *x,
                                              double         *y);
gboolean       pk_pdf_pages_page_to_widget   (PkPdfPages     *self,
                                              int             page,
                                              double          x,
                                              double          y,
                                              double         *wx,
                                              double         *wy);
/* The texture drawn for @page now, if any, and the device scale it was rendered at. */
GdkTexture    *pk_pdf_pages_get_texture      (PkPdfPages     *self,
                                              int             page,
                                              double         *scale);
/* Pages holding a texture or a job (bounded by the visible range ±PK_PDF_PAGES_MARGIN). */
guint          pk_pdf_pages_get_n_cached     (PkPdfPages     *self);
/* Notes drawn in the last frame (for tests). */
guint          pk_pdf_pages_get_n_pins_drawn (PkPdfPages     *self);

G_END_DECLS
