/* pk-pdfa.c: PDF/A-2b identification for a PDF that cairo wrote; the work is done by libqpdf in
 * the libprotokoll-pdf module (pk-pdf-backend.h, pk-pdfa-qpdf.c). */
#include "config.h"

#include "pk-core-resources.h"
#include "pk-pdf-backend.h"
#include "pk-pdfa.h"

#define SRGB_RESOURCE "/io/github/protokoll/core/data/sRGB.icc"

GBytes *
pk_pdfa_convert (GBytes            *pdf,
                 const PkPdfaInfo  *info,
                 GError           **error)
{
  const PkPdfBackend *backend = pk_pdf_backend_get (error);
  g_autoptr(GBytes) profile = NULL;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (info != NULL, NULL);

  if (backend == NULL)
    return NULL;
  profile = g_resource_lookup_data (pk_core_get_resource (), SRGB_RESOURCE, 0, NULL);
  return backend->pdfa_convert (pdf, info, profile, error);
}
