/* bench-page1.c: from a stored PDF's bytes to the first page's pixels through PkRenderWorker,
 * against plain poppler-glib rendering the same page in-process. */
#include "config.h"

#include <gtk/gtk.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>

#include "pk-render-worker.h"
#include "pk-test-pdf.h"

#define SCALE (96.0 / 72.0)

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
reference_ms (GBytes *bytes)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (bytes, NULL, &error);
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h;

  if (document == NULL)
    {
      fprintf (stderr, "bench page1: %s\n", error->message);
      exit (1);
    }
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (w * SCALE + 0.999), (int) (h * SCALE + 0.999));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, SCALE, SCALE);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  /* Read one pixel so the work cannot be skipped. */
  if (cairo_image_surface_get_data (surface)[0] == 0x42)
    fputc (' ', stderr);
  cairo_surface_destroy (surface);
  g_object_unref (page);
  g_object_unref (document);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static double
ours_ms (GBytes *bytes)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(PkRenderWorker) worker = pk_render_worker_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sizes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GAsyncResult *opened = NULL, *rendered = NULL;
  double ms;

  /* The view queues the first page as soon as the open returns the page sizes. */
  pk_render_worker_open_async (worker, bytes, NULL, store_result, &opened);
  while (opened == NULL)
    g_main_context_iteration (NULL, TRUE);
  sizes = pk_render_worker_open_finish (worker, opened, &error);
  if (sizes == NULL)
    {
      fprintf (stderr, "bench page1: %s\n", error->message);
      exit (1);
    }
  pk_render_worker_render_async (worker, 0, SCALE, PK_RENDER_PRIORITY_VISIBLE, NULL, store_result, &rendered);
  while (rendered == NULL)
    g_main_context_iteration (NULL, TRUE);
  texture = pk_render_worker_render_finish (worker, rendered, &error);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  if (texture == NULL)
    {
      fprintf (stderr, "bench page1: %s\n", error->message);
      exit (1);
    }
  g_object_unref (opened);
  g_object_unref (rendered);
  return ms;
}

int
main (int   argc,
      char *argv[])
{
  int runs = argc > 1 ? atoi (argv[1]) : 11;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reference = g_array_new (FALSE, FALSE, sizeof (double));
  double o, r;

  if (argc > 2)
    {
      g_autoptr(GError) error = NULL;
      char *contents;
      gsize length;

      if (!g_file_get_contents (argv[2], &contents, &length, &error))
        {
          fprintf (stderr, "bench page1: %s\n", error->message);
          return 1;
        }
      bytes = g_bytes_new_take (contents, length);
    }
  else
    bytes = pk_test_make_pdf (10, 3, "kommunfullmäktige");

  /* Warm both paths once (fonts, Poppler's globals), then alternate. */
  reference_ms (bytes);
  ours_ms (bytes);
  pk_render_worker_wait_idle ();
  for (int i = 0; i < runs; i++)
    {
      o = ours_ms (bytes);
      g_array_append_val (ours, o);
      /* Poppler must not run on two threads at once: the worker closes its document first. */
      pk_render_worker_wait_idle ();
      r = reference_ms (bytes);
      g_array_append_val (reference, r);
    }
  g_array_sort (ours, compare_doubles);
  g_array_sort (reference, compare_doubles);
  o = g_array_index (ours, double, runs / 2);
  r = g_array_index (reference, double, runs / 2);
  printf ("bench page1: ours %.1f ms, reference %.1f ms, ratio %.2f, target 1.50: %s\n",
          o, r, o / r, o / r <= 1.5 ? "ok" : "miss");
  return 0;
}
