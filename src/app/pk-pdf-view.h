/* pk-pdf-view.h: an embedded PDF viewer (continuous pages, zoom, thumbnails, search, note pins)
 * that takes a document's bytes; all Poppler work runs on its PkRenderWorker thread. */
#pragma once

#include <gtk/gtk.h>

#include "pk-pdf-note.h"

G_BEGIN_DECLS

#define PK_TYPE_PDF_VIEW (pk_pdf_view_get_type ())
G_DECLARE_FINAL_TYPE (PkPdfView, pk_pdf_view, PK, PDF_VIEW, GtkWidget)

GtkWidget    *pk_pdf_view_new              (void);

/* Opens @bytes (the view keeps a reference); "loaded" or "load-failed" follows. NULL clears. */
void          pk_pdf_view_load_bytes       (PkPdfView   *self,
                                            GBytes      *bytes);
/* TRUE once a document is open and shown. */
gboolean      pk_pdf_view_is_loaded        (PkPdfView   *self);
/* Why the last load failed, or NULL. */
const GError *pk_pdf_view_get_error        (PkPdfView   *self);

/* Pages are 0-based everywhere in this API (as in Poppler); the UI shows page + 1. */
int           pk_pdf_view_get_n_pages      (PkPdfView   *self);
int           pk_pdf_view_get_page         (PkPdfView   *self);
void          pk_pdf_view_set_page         (PkPdfView   *self,
                                            int          page);

/* CSS pixels per PDF point; 96/72 is 100 %. Setting one leaves fit-width / fit-page mode. */
double        pk_pdf_view_get_zoom         (PkPdfView   *self);
void          pk_pdf_view_set_zoom         (PkPdfView   *self,
                                            double       zoom);

/* Finds @text on every page (case-insensitive), highlights the hits and goes to the first one
 * from the current page on; "search-finished" follows. NULL or "" clears. */
void          pk_pdf_view_search           (PkPdfView   *self,
                                            const char  *text);
guint         pk_pdf_view_get_n_matches    (PkPdfView   *self);
/* The current hit's page and rectangle (PDF points from the page's top-left); FALSE if none. */
gboolean      pk_pdf_view_get_current_match (PkPdfView       *self,
                                             int             *page,
                                             graphene_rect_t *rect);
void          pk_pdf_view_find_next        (PkPdfView   *self);
void          pk_pdf_view_find_previous    (PkPdfView   *self);

/* A list of PkPdfNote, drawn as pins and kept up to date with the list's changes. */
void          pk_pdf_view_set_notes        (PkPdfView   *self,
                                            GListModel  *notes);

/* The texture drawn for @page now (NULL while it renders or when off screen) and the device
 * scale it was rendered at: for tests. */
GdkTexture   *pk_pdf_view_get_page_texture (PkPdfView   *self,
                                            int          page,
                                            double      *scale);

G_END_DECLS
