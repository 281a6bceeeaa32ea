/* pk-pdf-backend.h: what Protokoll needs of Poppler (showing bilagor) and of libqpdf (PDF/A), from
 * a module loaded the first time it is needed.
 *
 * Why a module: the two are large C++ libraries, and linking them made every start of the app
 * load them first (≈ 13 ms of a 100 ms start, measured with bench/run startup) though most
 * sessions open no bilaga and export nothing. Papers and Evince load their document backends the
 * same way. The module is libprotokoll-pdf.so in LIBDIR/protokoll, or $PROTOKOLL_PDF_MODULE. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "pk-pdfa.h"

G_BEGIN_DECLS

#define PK_PDF_BACKEND_ERROR (pk_pdf_backend_error_quark ())
GQuark pk_pdf_backend_error_quark (void);

typedef enum
{
  PK_PDF_BACKEND_ERROR_MODULE,     /* the module is missing or not the one this build needs */
  PK_PDF_BACKEND_ERROR_OPEN,       /* Poppler could not open the bytes */
  PK_PDF_BACKEND_ERROR_ENCRYPTED,  /* the document needs a password */
} PkPdfBackendError;

/* An open document (a PopplerDocument). Only one thread at a time may use any of them: Poppler's
 * cairo output shares one FreeType library between documents (see PkRenderWorker). */
typedef struct _PkPdfDocument PkPdfDocument;

/* A found text's box in PDF points, origin at the page's top left. */
typedef struct
{
  double x, y, width, height;
} PkPdfRect;

#define PK_PDF_BACKEND_VERSION 1

typedef struct
{
  guint version;  /* PK_PDF_BACKEND_VERSION of the module's build */

  PkPdfDocument *(*document_open)    (GBytes         *bytes,
                                      GError        **error);
  void           (*document_free)    (PkPdfDocument  *document);
  int            (*document_n_pages) (PkPdfDocument  *document);
  /* FALSE (and 612 × 792) if there is no such page or it gives no size. */
  gboolean       (*page_size)        (PkPdfDocument  *document,
                                      int             index,
                                      double         *width,
                                      double         *height);
  /* Draws the page at 1 unit per point; FALSE if there is no such page. */
  gboolean       (*page_render)      (PkPdfDocument  *document,
                                      int             index,
                                      cairo_t        *cr);
  /* The matches of @text on the page, an array of PkPdfRect (empty if none or no such page). */
  GArray        *(*page_find_text)   (PkPdfDocument  *document,
                                      int             index,
                                      const char     *text);
  /* pk_pdfa_convert() with the sRGB profile to embed. */
  GBytes        *(*pdfa_convert)     (GBytes            *pdf,
                                      const PkPdfaInfo  *info,
                                      GBytes            *icc_profile,
                                      GError           **error);
} PkPdfBackend;

/* Loads the module once per process (thread-safe); NULL with @error if it cannot be loaded. */
const PkPdfBackend *pk_pdf_backend_get (GError **error);

G_END_DECLS
