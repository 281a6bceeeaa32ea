/* pk-pdfa.h: rewrites a PDF that cairo wrote with PDF/A-2b identification, through libqpdf. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the Info dictionary and the XMP metadata both say; NULL strings are left out. */
typedef struct
{
  const char *title;
  const char *author;
  const char *subject;
  const char *keywords;
  const char *creator;
  GDateTime  *created;
} PkPdfaInfo;

/* @pdf (as cairo wrote it: fonts embedded, no transparency drawn) with what PDF/A-2b asks of the
 * file beyond that: an XMP metadata stream (pdfaid part 2, conformance B) agreeing with the Info
 * dictionary, an sRGB OutputIntent, a document ID, EOL before endstream, and no transparency
 * group on the pages. Errors are in the PK_PDF_WRITER_ERROR domain. */
GBytes *pk_pdfa_convert (GBytes            *pdf,
                         const PkPdfaInfo  *info,
                         GError           **error);

G_END_DECLS
