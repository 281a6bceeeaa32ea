/* pk-pdf-module.h: the inside of the libprotokoll-pdf module (see pk-pdf-backend.h). */
#pragma once

#include <gmodule.h>

#include "pk-pdf-backend.h"

G_BEGIN_DECLS

GBytes *pk_pdfa_qpdf_convert (GBytes            *pdf,
                              const PkPdfaInfo  *info,
                              GBytes            *profile,
                              GError           **error);

/* The module's one entry point, found by name. */
G_MODULE_EXPORT const PkPdfBackend *pk_pdf_module_get_backend (void);

G_END_DECLS
