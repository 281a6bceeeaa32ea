/* pk-test-pdf.h: PDFs generated at test time with cairo, for the viewer's tests and benchmarks. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @n_pages A4 pages, each headed "Sida N" with a few lines of text; page @word_page (0-based, -1 for
 * none) also holds @word at (72, 300) points from the top-left corner, 14 pt. */
GBytes *pk_test_make_pdf (int         n_pages,
                          int         word_page,
                          const char *word);

G_END_DECLS
