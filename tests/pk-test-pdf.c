/* pk-test-pdf.c: PDFs generated at test time with cairo. */
#include "pk-test-pdf.h"

#include <cairo-pdf.h>

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
pk_test_make_pdf (int         n_pages,
                  int         word_page,
                  const char *word)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, out, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  for (int page = 0; page < n_pages; page++)
    {
      char heading[32];

      g_snprintf (heading, sizeof heading, "Sida %d", page + 1);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_font_size (cr, 28);
      cairo_move_to (cr, 72, 100);
      cairo_show_text (cr, heading);

      cairo_set_font_size (cr, 11);
      for (int line = 0; line < 30; line++)
        {
          cairo_move_to (cr, 72, 360 + line * 14);
          cairo_show_text (cr, "Förvaltningen redogör för ärendet och ledamöterna ställer frågor.");
        }
      cairo_set_source_rgb (cr, 0.2, 0.3, 0.7);
      cairo_rectangle (cr, 72, 130, 451, 4);
      cairo_fill (cr);

      if (page == word_page && word)
        {
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_set_font_size (cr, 14);
          cairo_move_to (cr, 72, 300 + 14);
          cairo_show_text (cr, word);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (out);
}
