/* pk-pdf-backend.c: finds and loads libprotokoll-pdf, the Poppler and libqpdf module. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>

#include "pk-module.h"
#include "pk-pdf-backend.h"

G_DEFINE_QUARK (pk-pdf-backend-error-quark, pk_pdf_backend_error)

typedef const PkPdfBackend *(*GetBackendFunc) (void);

static const PkPdfBackend *backend;
static char *load_error;

static gpointer
load_module (gpointer data)
{
  g_autofree char *path = pk_module_find ("libprotokoll-pdf.so", "PROTOKOLL_PDF_MODULE");
  /* Kept for the life of the process: Poppler's documents and fonts live in it. */
  GModule *module = g_module_open (path, G_MODULE_BIND_LOCAL);
  GetBackendFunc get_backend = NULL;

  if (module == NULL)
    {
      load_error = g_strdup_printf (_("The PDF module %s could not be loaded: %s"), path, g_module_error ());
      return NULL;
    }
  if (!g_module_symbol (module, "pk_pdf_module_get_backend", (gpointer *) &get_backend) || get_backend == NULL ||
      get_backend ()->version != PK_PDF_BACKEND_VERSION)
    {
      load_error = g_strdup_printf (_("The PDF module %s is not the one this version of Protokoll needs."), path);
      g_module_close (module);
      return NULL;
    }
  g_module_make_resident (module);
  backend = get_backend ();
  return NULL;
}

const PkPdfBackend *
pk_pdf_backend_get (GError **error)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, load_module, NULL);
  if (backend == NULL)
    g_set_error_literal (error, PK_PDF_BACKEND_ERROR, PK_PDF_BACKEND_ERROR_MODULE, load_error);
  return backend;
}
