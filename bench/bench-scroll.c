/* bench-scroll.c: a 200-page PDF in a real PkPdfView, scrolled frame by frame by the frame clock
 * through 500 pages (down, up, down again): the longest main-thread stall and RSS, against a
 * plain scrolled window of blank pages of the same size. */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pk-pdf-view.h"
#include "pk-test-pdf.h"

#define N_PAGES 200
#define PAGES_SCROLLED 500
#define STEPS_PER_PAGE 3   /* frames to scroll one page: fast reading-speed flicking */

static gint64 poll_returned;
static gint64 longest_busy;
static gboolean measuring;
static GPollFunc default_poll;
static GArray *stretches;  /* gint64, µs */

/* Everything the main thread does between two waits in poll() is one stretch of work; the
 * longest is the longest the UI could not answer. */
static int
timed_poll (GPollFD *fds,
            guint    nfds,
            int      timeout)
{
  gint64 now = g_get_monotonic_time ();
  int result;

  if (measuring && poll_returned)
    {
      gint64 busy = now - poll_returned;
      if (busy > longest_busy)
        longest_busy = busy;
      g_array_append_val (stretches, busy);
    }
  result = default_poll (fds, nfds, timeout);
  poll_returned = g_get_monotonic_time ();
  return result;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

static long
rss_kb (void)
{
  g_autofree char *status = NULL;
  char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? atol (line + 6) : -1;
}

typedef struct
{
  GtkAdjustment *adjustment;
  double page_height;
  int step;
  int n_steps;
  gboolean done;
  guint frames;
} Scroll;

static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  Scroll *s = data;
  double upper = gtk_adjustment_get_upper (s->adjustment) - gtk_adjustment_get_page_size (s->adjustment);
  /* Down through the document, back up, down again: PAGES_SCROLLED pages in all. */
  double travel = (double) s->step / STEPS_PER_PAGE * s->page_height, value;
  double length = upper;

  s->frames++;
  if (travel <= length)
    value = travel;
  else if (travel <= 2 * length)
    value = 2 * length - travel;
  else
    value = travel - 2 * length;
  gtk_adjustment_set_value (s->adjustment, CLAMP (value, 0, upper));
  if (++s->step > s->n_steps)
    {
      s->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static GtkScrolledWindow *
find_scrolled_window (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found;

      /* The page column's scrolled window is the one that scrolls vertically the most. */
      if (GTK_IS_SCROLLED_WINDOW (child) &&
          gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child))) > 10000)
        return GTK_SCROLLED_WINDOW (child);
      if ((found = find_scrolled_window (child)))
        return found;
    }
  return NULL;
}

static void
run_scroll (GtkWidget *scroller_owner,
            GtkScrolledWindow *scroller,
            double     page_height,
            gint64    *stall,
            guint     *frames,
            double    *seconds)
{
  Scroll s = { gtk_scrolled_window_get_vadjustment (scroller), page_height, 0,
               PAGES_SCROLLED * STEPS_PER_PAGE, FALSE, 0 };
  gint64 start = g_get_monotonic_time ();

  longest_busy = 0;
  poll_returned = 0;
  g_array_set_size (stretches, 0);
  measuring = TRUE;
  gtk_widget_add_tick_callback (GTK_WIDGET (scroller), scroll_tick, &s, NULL);
  while (!s.done)
    g_main_context_iteration (NULL, TRUE);
  measuring = FALSE;
  *stall = longest_busy;
  if (g_getenv ("PK_BENCH_VERBOSE"))
    {
      guint over = 0;
      g_array_sort (stretches, compare_gint64);
      for (guint i = 0; i < stretches->len; i++)
        over += g_array_index (stretches, gint64, i) > 16000;
      fprintf (stderr, "stretches %u, over 16 ms %u, top:", stretches->len, over);
      for (guint i = stretches->len > 8 ? stretches->len - 8 : 0; i < stretches->len; i++)
        fprintf (stderr, " %.1f", g_array_index (stretches, gint64, i) / 1000.0);
      fprintf (stderr, "\n");
    }
  *frames = s.frames;
  *seconds = (g_get_monotonic_time () - start) / 1e6;
}

static void
blank_pages (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  double page_height = *(double *) data;
  double clip_y1, clip_y2, x1, x2;

  cairo_clip_extents (cr, &x1, &clip_y1, &x2, &clip_y2);
  cairo_set_source_rgb (cr, 1, 1, 1);
  for (int i = (int) (clip_y1 / page_height); i <= (int) (clip_y2 / page_height) && i < N_PAGES; i++)
    cairo_rectangle (cr, 12, i * page_height + 12, width - 24, page_height - 12);
  cairo_fill (cr);
}

static void
on_loaded (PkPdfView *view,
           gboolean  *loaded)
{
  *loaded = TRUE;
}

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  GtkWindow *window;
  GtkWidget *view, *area, *scrolled;
  g_autoptr(GBytes) bytes = NULL;
  gboolean loaded = FALSE;
  gint64 ours_stall, ref_stall;
  guint ours_frames, ref_frames;
  double ours_s, ref_s, page_height;
  long rss_before, rss_after, rss_ref;
  GtkScrolledWindow *scroller;

  stretches = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_init ();
  adw_init ();
  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timed_poll);
  bytes = pk_test_make_pdf (N_PAGES, 100, "kommunfullmäktige");

  /* Reference: GTK scrolling blank pages of the same height, nothing rendered. */
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1000, 760);
  scrolled = gtk_scrolled_window_new ();
  area = gtk_drawing_area_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), area);
  gtk_window_set_child (window, scrolled);
  gtk_window_present (window);
  spin (300);
  page_height = (gtk_widget_get_width (scrolled) - 24) * 842.0 / 595.0 + 12;
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), (int) (page_height * N_PAGES));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), blank_pages, &page_height, NULL);
  spin (200);
  run_scroll (scrolled, GTK_SCROLLED_WINDOW (scrolled), page_height, &ref_stall, &ref_frames, &ref_s);
  rss_ref = rss_kb ();
  gtk_window_destroy (window);
  spin (100);

  /* Ours. */
  rss_before = rss_kb ();
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1000, 800);
  view = pk_pdf_view_new ();
  g_signal_connect (view, "loaded", G_CALLBACK (on_loaded), &loaded);
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  pk_pdf_view_load_bytes (PK_PDF_VIEW (view), bytes);
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
  spin (500);
  scroller = find_scrolled_window (view);
  if (scroller == NULL)
    {
      fprintf (stderr, "bench scroll: no page column found\n");
      return 1;
    }
  page_height = 842.0 * pk_pdf_view_get_zoom (PK_PDF_VIEW (view)) + 12;
  run_scroll (view, scroller, page_height, &ours_stall, &ours_frames, &ours_s);
  rss_after = rss_kb ();

  printf ("bench scroll: ours %.1f ms, reference %.1f ms, ratio %.2f, target 16: %s\n",
          ours_stall / 1000.0, ref_stall / 1000.0, (double) ours_stall / MAX (ref_stall, 1),
          ours_stall <= 16000 ? "ok" : "miss");
  printf ("bench scroll-frames: ours %u frames in %.1f s (%.0f fps), reference %u frames in %.1f s (%.0f fps)\n",
          ours_frames, ours_s, ours_frames / ours_s, ref_frames, ref_s, ref_frames / ref_s);
  printf ("bench scroll-rss: ours %.0f MB after %d pages (%.0f MB before opening), reference %.0f MB, target 300 MB: %s\n",
          rss_after / 1024.0, PAGES_SCROLLED, rss_before / 1024.0, rss_ref / 1024.0,
          rss_after / 1024.0 <= 300 ? "ok" : "miss");
  gtk_window_destroy (window);
  return 0;
}
