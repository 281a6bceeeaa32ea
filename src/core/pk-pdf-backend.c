/* pk-pdf-backend.c: finds and loads libprotokoll-pdf, the Poppler and libqpdf module. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>

#include "pk-pdf-backend.h"

G_DEFINE_QUARK (pk-pdf-backend-error-quark, pk_pdf_backend_error)

typedef const PkPdfBackend *(*GetBackendFunc) (void);

static const PkPdfBackend *backend;
static char *load_error;

#define MODULE_NAME "libprotokoll-pdf.so"

/* $PROTOKOLL_PDF_MODULE; else the installed module; else, for a program run from the build tree
 * (src/app/protokoll, src/cli/protokoll-cli), the one built beside it in src/core. */
static char *
find_module (void)
{
  const char *override = g_getenv ("PROTOKOLL_PDF_MODULE");
  g_autofree char *installed = g_build_filename (PK_MODULE_DIR, MODULE_NAME, NULL);
  g_autofree char *exe = NULL;

  if (override != NULL && *override != '\0')
    return g_strdup (override);
  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&installed);
  exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (exe);
      g_autofree char *built = g_build_filename (dir, "..", "core", MODULE_NAME, NULL);

      if (g_file_test (built, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&built);
    }
  return g_steal_pointer (&installed);
}

static gpointer
load_module (gpointer data)
{
  g_autofree char *path = find_module ();
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
