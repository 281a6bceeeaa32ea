/* pk-pdf-note.h: a note pinned to a point of a PDF page, as PkPdfView draws it. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PK_TYPE_PDF_NOTE (pk_pdf_note_get_type ())
G_DECLARE_FINAL_TYPE (PkPdfNote, pk_pdf_note, PK, PDF_NOTE, GObject)

/* @page is 0-based; @x, @y are PDF points from the page's top-left corner. */
PkPdfNote  *pk_pdf_note_new      (int         page,
                                  double      x,
                                  double      y,
                                  const char *text);
int         pk_pdf_note_get_page (PkPdfNote  *self);
double      pk_pdf_note_get_x    (PkPdfNote  *self);
double      pk_pdf_note_get_y    (PkPdfNote  *self);
const char *pk_pdf_note_get_text (PkPdfNote  *self);
void        pk_pdf_note_set_text (PkPdfNote  *self,
                                  const char *text);

G_END_DECLS
