/* pk-pdf-poppler.c: the Poppler half of the libprotokoll-pdf module (see pk-pdf-backend.h). */
#include "config.h"

#include <math.h>
#include <poppler.h>

#include "pk-pdf-module.h"

/* The core's PK_PDF_BACKEND_ERROR, by its name: the module links nothing of the core. */
#define BACKEND_ERROR (g_quark_from_static_string ("pk-pdf-backend-error-quark"))

static PkPdfDocument *
document_open (GBytes  *bytes,
               GError **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (bytes, NULL, &local_error);

  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, BACKEND_ERROR, PK_PDF_BACKEND_ERROR_ENCRYPTED, local_error->message);
      else
        g_set_error_literal (error, BACKEND_ERROR, PK_PDF_BACKEND_ERROR_OPEN,
                             local_error != NULL ? local_error->message : "?");
      return NULL;
    }
  return (PkPdfDocument *) document;
}

static void
document_free (PkPdfDocument *document)
{
  if (document != NULL)
    g_object_unref ((PopplerDocument *) document);
}

static int
document_n_pages (PkPdfDocument *document)
{
  return poppler_document_get_n_pages ((PopplerDocument *) document);
}

static PopplerPage *
get_page (PkPdfDocument *document,
          int            index)
{
  PopplerDocument *doc = (PopplerDocument *) document;

  return index >= 0 && index < poppler_document_get_n_pages (doc) ? poppler_document_get_page (doc, index) : NULL;
}

static gboolean
page_size (PkPdfDocument *document,
           int            index,
           double        *width,
           double        *height)
{
  PopplerPage *page = get_page (document, index);
  double w = 0, h = 0;

  if (page != NULL)
    {
      poppler_page_get_size (page, &w, &h);
      g_object_unref (page);
    }
  if (w <= 0 || h <= 0)
    {
      *width = 612, *height = 792;
      return FALSE;
    }
  *width = w, *height = h;
  return TRUE;
}

static gboolean
page_render (PkPdfDocument *document,
             int            index,
             cairo_t       *cr)
{
  PopplerPage *page = get_page (document, index);

  if (page == NULL)
    return FALSE;
  poppler_page_render (page, cr);
  g_object_unref (page);
  return TRUE;
}

static GArray *
page_find_text (PkPdfDocument *document,
                int            index,
                const char    *text)
{
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (PkPdfRect));
  PopplerPage *page = text != NULL && *text != '\0' ? get_page (document, index) : NULL;
  GList *matches;
  double w, h;

  if (page == NULL)
    return rects;
  poppler_page_get_size (page, &w, &h);
  matches = poppler_page_find_text_with_options (page, text, POPPLER_FIND_DEFAULT);
  for (GList *l = matches; l != NULL; l = l->next)
    {
      PopplerRectangle *r = l->data;
      /* Poppler's find results have their origin at the bottom left. */
      PkPdfRect rect = { MIN (r->x1, r->x2), h - MAX (r->y1, r->y2), fabs (r->x2 - r->x1), fabs (r->y2 - r->y1) };

      g_array_append_val (rects, rect);
    }
  g_list_free_full (matches, (GDestroyNotify) poppler_rectangle_free);
  g_object_unref (page);
  return rects;
}

static const PkPdfBackend poppler_backend = {
  .version = PK_PDF_BACKEND_VERSION,
  .document_open = document_open,
  .document_free = document_free,
  .document_n_pages = document_n_pages,
  .page_size = page_size,
  .page_render = page_render,
  .page_find_text = page_find_text,
  .pdfa_convert = pk_pdfa_qpdf_convert,
};

const PkPdfBackend *
pk_pdf_module_get_backend (void)
{
  return &poppler_backend;
}
