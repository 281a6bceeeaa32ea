/* test-pdf-view.c: the PDF viewer widget under Xvfb on PDFs generated with cairo, rendered by the
 * real Poppler on PkRenderWorker's thread. */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gdk/x11/gdkx.h>

#include "pk-pdf-note.h"
#include "pk-pdf-pages.h"
#include "pk-pdf-view.h"
#include "pk-render-worker.h"
#include "pk-test-pdf.h"

#define WORD "kommunfullmäktige"
#define WORD_PAGE 6  /* "Sida 7" */

typedef struct
{
  GtkWindow *window;
  PkPdfView *view;
  int loaded;
  int failed;
  int searches;
  guint last_matches;
  int page_changes;
  int notes_requested;
  int note_page;
  double note_x;
  double note_y;
} Fixture;

/* Spins the main loop until @done says so, failing the test after a few seconds. */
static void
wait_until (gboolean (*done) (Fixture *),
            Fixture   *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (fixture))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
on_loaded (PkPdfView *view,
           Fixture   *fixture)
{
  fixture->loaded++;
}

static void
on_failed (PkPdfView    *view,
           const GError *error,
           Fixture      *fixture)
{
  g_assert_nonnull (error);
  fixture->failed++;
}

static void
on_search_finished (PkPdfView *view,
                    guint      n,
                    Fixture   *fixture)
{
  fixture->searches++;
  fixture->last_matches = n;
}

static void
on_page_changed (PkPdfView *view,
                 int        page,
                 Fixture   *fixture)
{
  g_assert_cmpint (page, ==, pk_pdf_view_get_page (view));
  fixture->page_changes++;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 700);
  fixture->view = PK_PDF_VIEW (pk_pdf_view_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  g_signal_connect (fixture->view, "loaded", G_CALLBACK (on_loaded), fixture);
  g_signal_connect (fixture->view, "load-failed", G_CALLBACK (on_failed), fixture);
  g_signal_connect (fixture->view, "search-finished", G_CALLBACK (on_search_finished), fixture);
  g_signal_connect (fixture->view, "page-changed", G_CALLBACK (on_page_changed), fixture);
  gtk_window_present (fixture->window);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
is_loaded (Fixture *fixture)
{
  return fixture->loaded > 0 || fixture->failed > 0;
}

static void
load (Fixture *fixture,
      int      n_pages)
{
  g_autoptr(GBytes) bytes = pk_test_make_pdf (n_pages, WORD_PAGE, WORD);

  fixture->loaded = fixture->failed = 0;
  pk_pdf_view_load_bytes (fixture->view, bytes);
  wait_until (is_loaded, fixture);
  g_assert_cmpint (fixture->failed, ==, 0);
  g_assert_true (pk_pdf_view_is_loaded (fixture->view));
}

static PkPdfPages *
get_pages (Fixture *fixture)
{
  GtkWidget *w = GTK_WIDGET (fixture->view);

  /* The page column is the only PkPdfPages in the view. */
  for (GtkWidget *child = gtk_widget_get_first_child (w); child; )
    {
      if (PK_IS_PDF_PAGES (child))
        return PK_PDF_PAGES (child);
      if (gtk_widget_get_first_child (child))
        child = gtk_widget_get_first_child (child);
      else
        {
          while (child && child != w && gtk_widget_get_next_sibling (child) == NULL)
            child = gtk_widget_get_parent (child);
          child = child && child != w ? gtk_widget_get_next_sibling (child) : NULL;
        }
    }
  g_assert_not_reached ();
}

static int wanted_page;
static double wanted_min_scale;

static gboolean
page_rendered (Fixture *fixture)
{
  double scale = 0;
  return pk_pdf_view_get_page_texture (fixture->view, wanted_page, &scale) != NULL &&
         scale > wanted_min_scale;
}

static void
wait_rendered (Fixture *fixture,
               int      page,
               double   min_scale)
{
  wanted_page = page;
  wanted_min_scale = min_scale;
  wait_until (page_rendered, fixture);
}

/* Fraction of pixels in a region of @texture that are dark (text). */
static double
dark_fraction (GdkTexture *texture,
               double      x0,
               double      y0,
               double      x1,
               double      y1)
{
  int w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) w * h * 4);
  int dark = 0, total = 0;

  gdk_texture_download (texture, data, w * 4);
  for (int y = (int) (y0 * h); y < (int) (y1 * h); y++)
    for (int x = (int) (x0 * w); x < (int) (x1 * w); x++)
      {
        guchar *p = data + (gsize) y * w * 4 + x * 4;
        total++;
        if (p[0] < 128 && p[1] < 128 && p[2] < 128)
          dark++;
      }
  return total ? (double) dark / total : 0;
}

static gboolean
page_changed (Fixture *fixture)
{
  return fixture->page_changes > 0;
}

static void
test_load_and_go_to_page (Fixture       *fixture,
                          gconstpointer  data)
{
  GdkTexture *texture;
  double scale = 0;

  load (fixture, 12);
  g_assert_cmpint (pk_pdf_view_get_n_pages (fixture->view), ==, 12);
  g_assert_cmpint (pk_pdf_view_get_page (fixture->view), ==, 0);
  wait_rendered (fixture, 0, 0);

  fixture->page_changes = 0;
  pk_pdf_view_set_page (fixture->view, 2);
  g_assert_cmpint (pk_pdf_view_get_page (fixture->view), ==, 2);
  wait_rendered (fixture, 2, 0);
  /* "page-changed" follows before the next frame. */
  wait_until (page_changed, fixture);
  g_assert_cmpint (pk_pdf_view_get_page (fixture->view), ==, 2);

  /* The texture is page 3 at the widget's zoom and scale factor: paper white, "Sida 3" in black
   * at the top left, the body text lower down. */
  texture = pk_pdf_view_get_page_texture (fixture->view, 2, &scale);
  g_assert_cmpfloat_with_epsilon (scale, pk_pdf_view_get_zoom (fixture->view) *
                                  gtk_widget_get_scale_factor (GTK_WIDGET (fixture->view)), 1e-6);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, (int) ceil (595 * scale - 1e-6));
  g_assert_cmpfloat (dark_fraction (texture, 0.10, 0.08, 0.35, 0.13), >, 0.05);
  g_assert_cmpfloat (dark_fraction (texture, 0.0, 0.94, 1.0, 1.0), ==, 0);

  /* Keyboard actions: next, last, first. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "viewer.next-page", NULL);
  g_assert_cmpint (pk_pdf_view_get_page (fixture->view), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "viewer.last-page", NULL);
  g_assert_cmpint (pk_pdf_view_get_page (fixture->view), ==, 11);
  wait_rendered (fixture, 11, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "viewer.first-page", NULL);
  g_assert_cmpint (pk_pdf_view_get_page (fixture->view), ==, 0);
  /* Far pages were dropped from the cache. */
  wait_rendered (fixture, 0, 0);
  g_assert_null (pk_pdf_view_get_page_texture (fixture->view, 11, NULL));
}

static gboolean
search_done (Fixture *fixture)
{
  return fixture->searches > 0;
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  graphene_rect_t rect;
  int page = -1;

  load (fixture, 12);
  pk_pdf_view_search (fixture->view, WORD);
  wait_until (search_done, fixture);
  g_assert_cmpuint (fixture->last_matches, ==, 1);
  g_assert_cmpuint (pk_pdf_view_get_n_matches (fixture->view), ==, 1);
  g_assert_true (pk_pdf_view_get_current_match (fixture->view, &page, &rect));
  g_assert_cmpint (page, ==, WORD_PAGE);
  /* Where the word was drawn: x 72 pt, baseline 314 pt, 14 pt type. */
  g_assert_cmpfloat (fabs (rect.origin.x - 72), <, 2);
  g_assert_cmpfloat (rect.origin.y, >, 295);
  g_assert_cmpfloat (rect.origin.y + rect.size.height, <, 325);
  g_assert_cmpfloat (rect.size.width, >, 60);
  /* The view went to the hit. */
  g_assert_cmpint (pk_pdf_view_get_page (fixture->view), ==, WORD_PAGE);
  wait_rendered (fixture, WORD_PAGE, 0);

  /* A word on every page: next steps page by page and wraps. */
  fixture->searches = 0;
  pk_pdf_view_set_page (fixture->view, 0);
  pk_pdf_view_search (fixture->view, "sida");
  wait_until (search_done, fixture);
  g_assert_cmpuint (pk_pdf_view_get_n_matches (fixture->view), ==, 12);
  g_assert_true (pk_pdf_view_get_current_match (fixture->view, &page, NULL));
  g_assert_cmpint (page, ==, 0);
  pk_pdf_view_find_next (fixture->view);
  g_assert_true (pk_pdf_view_get_current_match (fixture->view, &page, NULL));
  g_assert_cmpint (page, ==, 1);
  pk_pdf_view_find_previous (fixture->view);
  pk_pdf_view_find_previous (fixture->view);
  g_assert_true (pk_pdf_view_get_current_match (fixture->view, &page, NULL));
  g_assert_cmpint (page, ==, 11);
  g_assert_cmpint (pk_pdf_view_get_page (fixture->view), ==, 11);

  /* Nothing found. */
  fixture->searches = 0;
  pk_pdf_view_search (fixture->view, "finns inte");
  wait_until (search_done, fixture);
  g_assert_cmpuint (pk_pdf_view_get_n_matches (fixture->view), ==, 0);
  g_assert_false (pk_pdf_view_get_current_match (fixture->view, NULL, NULL));
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  double zoom, scale = 0, scale2 = 0;
  GdkTexture *texture;
  int width;

  load (fixture, 12);
  wait_rendered (fixture, 0, 0);
  zoom = pk_pdf_view_get_zoom (fixture->view);
  texture = pk_pdf_view_get_page_texture (fixture->view, 0, &scale);
  width = gdk_texture_get_width (texture);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "viewer.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (pk_pdf_view_get_zoom (fixture->view), zoom * 1.25, 1e-6);
  wait_rendered (fixture, 0, scale * 1.2);
  texture = pk_pdf_view_get_page_texture (fixture->view, 0, &scale2);
  g_assert_cmpfloat_with_epsilon (scale2, scale * 1.25, 1e-6);
  g_assert_cmpint (gdk_texture_get_width (texture), >, width * 1.2);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "viewer.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "viewer.zoom-out", NULL);
  g_assert_cmpfloat (pk_pdf_view_get_zoom (fixture->view), <, zoom);

  /* Fit page: a whole page fits in the height of the view. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "viewer.fit-page", NULL);
  g_assert_cmpfloat (842 * pk_pdf_view_get_zoom (fixture->view), <=,
                     gtk_widget_get_height (GTK_WIDGET (get_pages (fixture))));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "viewer.fit-width", NULL);
  g_assert_cmpfloat_with_epsilon (pk_pdf_view_get_zoom (fixture->view),
                                  (gtk_widget_get_width (GTK_WIDGET (get_pages (fixture))) - 24) / 595.0, 1e-6);
}

static void
check_broken (Fixture    *fixture,
              const char *data,
              gsize       length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  const GError *error;
  GtkWidget *stack = gtk_widget_get_first_child (GTK_WIDGET (fixture->view));

  fixture->loaded = fixture->failed = 0;
  pk_pdf_view_load_bytes (fixture->view, bytes);
  wait_until (is_loaded, fixture);
  g_assert_cmpint (fixture->failed, ==, 1);
  g_assert_cmpint (fixture->loaded, ==, 0);
  g_assert_false (pk_pdf_view_is_loaded (fixture->view));
  g_assert_cmpint (pk_pdf_view_get_n_pages (fixture->view), ==, 0);
  error = pk_pdf_view_get_error (fixture->view);
  g_assert_error (error, PK_RENDER_ERROR, PK_RENDER_ERROR_OPEN);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "error");
  g_assert_true (ADW_IS_STATUS_PAGE (gtk_stack_get_visible_child (GTK_STACK (stack))));
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (gtk_stack_get_visible_child (GTK_STACK (stack)))),
                   ==, error->message);
  /* Actions on nothing do nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "viewer.zoom-in", NULL);
  pk_pdf_view_search (fixture->view, "Sida");
  pk_pdf_view_set_page (fixture->view, 3);
  g_assert_cmpint (pk_pdf_view_get_page (fixture->view), ==, 0);
}

static void
test_broken (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GBytes) good = pk_test_make_pdf (12, WORD_PAGE, WORD);
  gsize length;
  const char *bytes = g_bytes_get_data (good, &length);

  /* Truncated after the header: Poppler finds no document in it. */
  check_broken (fixture, bytes, 300);
  check_broken (fixture, "not a PDF at all", 16);
  check_broken (fixture, "", 0);

  /* The same view opens a good file afterwards. */
  load (fixture, 12);
  g_assert_null (pk_pdf_view_get_error (fixture->view));
  wait_rendered (fixture, 0, 0);
}

static gboolean
pins_drawn (Fixture *fixture)
{
  return pk_pdf_pages_get_n_pins_drawn (get_pages (fixture)) > 0;
}

static gboolean
no_pins_drawn (Fixture *fixture)
{
  return pk_pdf_pages_get_n_pins_drawn (get_pages (fixture)) == 0;
}

static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GListStore) notes = g_list_store_new (PK_TYPE_PDF_NOTE);
  g_autoptr(PkPdfNote) note = pk_pdf_note_new (1, 300, 200, "Fråga om kostnaden");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  PkPdfPages *pages = get_pages (fixture);
  cairo_surface_t *surface;
  cairo_t *cr;
  graphene_point_t point;
  double wx, wy;
  int w, h;
  guchar *p;

  load (fixture, 12);
  pk_pdf_view_set_notes (fixture->view, G_LIST_MODEL (notes));
  pk_pdf_view_set_page (fixture->view, 1);
  wait_rendered (fixture, 1, 0);
  g_assert_cmpuint (pk_pdf_pages_get_n_pins_drawn (pages), ==, 0);

  g_list_store_append (notes, note);
  wait_until (pins_drawn, fixture);
  g_assert_cmpuint (pk_pdf_pages_get_n_pins_drawn (pages), ==, 1);

  /* The pin is on screen where the note is: its yellow at the point. */
  g_assert_true (pk_pdf_pages_page_to_widget (pages, 1, 300, 200, &wx, &wy));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (pages), GTK_WIDGET (fixture->view),
                                           &GRAPHENE_POINT_INIT (wx, wy), &point));
  w = gtk_widget_get_width (GTK_WIDGET (fixture->view));
  h = gtk_widget_get_height (GTK_WIDGET (fixture->view));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (fixture->view));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  p = cairo_image_surface_get_data (surface) + (int) point.y * cairo_image_surface_get_stride (surface)
      + (int) point.x * 4;
  /* ARGB32 in memory on little-endian: B, G, R, A; the pin is (250, 199, 43). */
  g_assert_cmpint (abs (p[2] - 250), <, 12);
  g_assert_cmpint (abs (p[1] - 199), <, 12);
  g_assert_cmpint (abs (p[0] - 43), <, 12);
  cairo_surface_destroy (surface);

  /* Removing the note removes the pin. */
  g_list_store_remove_all (notes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (notes)), ==, 0);
  wait_until (no_pins_drawn, fixture);
}

/* Scrolling a long document keeps textures for the visible pages ±3 only. */
static void
test_cache_bounded (Fixture       *fixture,
                    gconstpointer  data)
{
  PkPdfPages *pages;
  guint most = 0;

  load (fixture, 60);
  pages = get_pages (fixture);
  for (int page = 0; page < 60; page += 3)
    {
      pk_pdf_view_set_page (fixture->view, page);
      wait_rendered (fixture, page, 0);
      most = MAX (most, pk_pdf_pages_get_n_cached (pages));
    }
  /* 700 px shows at most two pages at fit width, so at most 2 + 2 × 3 entries. */
  g_assert_cmpuint (most, <=, 2 + 2 * PK_PDF_PAGES_MARGIN);
  g_assert_cmpuint (most, >=, 1 + PK_PDF_PAGES_MARGIN);
  g_assert_null (pk_pdf_view_get_page_texture (fixture->view, 0, NULL));
}

/* The worker alone: page sizes on open, errors for pages that do not exist, cancelled jobs. */

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  return *slot;
}

static void
test_worker (void)
{
  g_autoptr(PkRenderWorker) worker = pk_render_worker_new ();
  g_autoptr(GBytes) bytes = pk_test_make_pdf (5, 2, WORD);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sizes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GAsyncResult *result = NULL, *cancelled = NULL, *missing = NULL;
  GPtrArray *hits;

  /* Cancelled before it runs. */
  pk_render_worker_open_async (worker, bytes, NULL, store_result, &result);
  pk_render_worker_render_async (worker, 0, 1.0, PK_RENDER_PRIORITY_PRELOAD, cancellable, store_result, &cancelled);
  g_cancellable_cancel (cancellable);
  sizes = pk_render_worker_open_finish (worker, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sizes->len, ==, 5);
  g_assert_cmpfloat_with_epsilon (g_array_index (sizes, graphene_size_t, 4).width, 595, 0.5);
  g_assert_cmpfloat_with_epsilon (g_array_index (sizes, graphene_size_t, 4).height, 842, 0.5);
  g_clear_object (&result);

  g_assert_null (pk_render_worker_render_finish (worker, wait_result (&cancelled), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&cancelled);

  pk_render_worker_render_async (worker, 9, 1.0, PK_RENDER_PRIORITY_VISIBLE, NULL, store_result, &missing);
  g_assert_null (pk_render_worker_render_finish (worker, wait_result (&missing), &error));
  g_assert_error (error, PK_RENDER_ERROR, PK_RENDER_ERROR_PAGE);
  g_clear_error (&error);
  g_clear_object (&missing);

  pk_render_worker_thumbnail_async (worker, 1, 100, NULL, store_result, &result);
  texture = pk_render_worker_thumbnail_finish (worker, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 100);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 142);
  g_clear_object (&result);

  pk_render_worker_find_async (worker, WORD, NULL, store_result, &result);
  hits = pk_render_worker_find_finish (worker, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 5);
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpuint (((GArray *) g_ptr_array_index (hits, i))->len, ==, i == 2 ? 1 : 0);
  g_ptr_array_unref (hits);
  g_clear_object (&result);
  g_assert_cmpuint (pk_render_worker_get_n_queued (), ==, 0);
}

/* Real input through the X server (XTEST, as a user's keys and mouse would come). */
static void
xdotool (const char *command)
{
  g_autofree char *line = g_strdup_printf ("xdotool %s", command);
  g_test_message ("%s", line);
  g_auto(GStrv) argv = g_strsplit (line, " ", -1);
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* Let the events arrive. */
  for (int i = 0; i < 20; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
on_note_requested (PkPdfView *view,
                   int        page,
                   double     x,
                   double     y,
                   Fixture   *fixture)
{
  fixture->notes_requested++;
  fixture->note_page = page;
  fixture->note_x = x;
  fixture->note_y = y;
}

static gboolean
note_requested (Fixture *fixture)
{
  return fixture->notes_requested > 0;
}

static double wanted_zoom_above;
static int wanted_page_now;

static gboolean
zoomed_above (Fixture *fixture)
{
  return pk_pdf_view_get_zoom (fixture->view) > wanted_zoom_above + 1e-6;
}

static gboolean
on_wanted_page (Fixture *fixture)
{
  return pk_pdf_view_get_page (fixture->view) == wanted_page_now;
}

static gboolean
scrolled_down (Fixture *fixture)
{
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (get_pages (fixture)));
  return gtk_adjustment_get_value (v) > 0.8 * gtk_adjustment_get_page_size (v);
}

static gboolean
scrolled_to_top (Fixture *fixture)
{
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (get_pages (fixture)));
  return gtk_adjustment_get_value (v) < 0.2 * gtk_adjustment_get_page_size (v);
}

static gboolean
search_entry_focused (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  return focus && gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL;
}

static void
pointer_to (Fixture *fixture,
            double   px,
            double   py)
{
  PkPdfPages *pages = get_pages (fixture);
  graphene_point_t point;
  double wx, wy, sx, sy;
  g_autofree char *command = NULL;

  g_assert_true (pk_pdf_pages_page_to_widget (pages, pk_pdf_view_get_page (fixture->view), px, py, &wx, &wy));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (pages), GTK_WIDGET (fixture->window),
                                           &GRAPHENE_POINT_INIT (wx, wy), &point));
  gtk_native_get_surface_transform (GTK_NATIVE (fixture->window), &sx, &sy);
  command = g_strdup_printf ("mousemove --sync --window %lu %d %d",
                             gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (fixture->window))),
                             (int) (point.x + sx), (int) (point.y + sy));
  xdotool (command);
  g_test_message ("pointer at %s", command);
}

/* Keys and mouse as the user has them: PgDn, Ctrl+=, Ctrl+scroll, Ctrl+F, Enter, Ctrl+G,
 * Shift+Ctrl+G, and "Add Note" from the context menu. */
static void
test_input (Fixture       *fixture,
            gconstpointer  data)
{
  PkPdfPages *pages;
  graphene_rect_t rect;
  int page = -1;
  double zoom;

  if (!g_find_program_in_path ("xdotool") || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("needs xdotool and an X server");
      return;
    }
  g_signal_connect (fixture->view, "note-requested", G_CALLBACK (on_note_requested), fixture);
  load (fixture, 12);
  wait_rendered (fixture, 0, 0);
  pages = get_pages (fixture);
  gtk_widget_grab_focus (GTK_WIDGET (pages));
  pointer_to (fixture, 300, 400);

  zoom = wanted_zoom_above = pk_pdf_view_get_zoom (fixture->view);
  xdotool ("key ctrl+equal");
  wait_until (zoomed_above, fixture);
  g_assert_cmpfloat_with_epsilon (pk_pdf_view_get_zoom (fixture->view), zoom * 1.25, 1e-6);

  /* Page Down scrolls a screen on; Page Up back. */
  xdotool ("key Page_Down");
  wait_until (scrolled_down, fixture);
  xdotool ("key Page_Up");
  wait_until (scrolled_to_top, fixture);
  xdotool ("key End");
  wanted_page_now = 11;
  wait_until (on_wanted_page, fixture);
  xdotool ("key Home");
  wanted_page_now = 0;
  wait_until (on_wanted_page, fixture);

  /* Ctrl+wheel up zooms in; the wheel alone scrolls and leaves the zoom. */
  zoom = wanted_zoom_above = pk_pdf_view_get_zoom (fixture->view);
  pointer_to (fixture, 300, 400);
  xdotool ("keydown ctrl click 4 keyup ctrl");
  wait_until (zoomed_above, fixture);
  zoom = pk_pdf_view_get_zoom (fixture->view);
  xdotool ("click 5");
  g_assert_cmpfloat (pk_pdf_view_get_zoom (fixture->view), ==, zoom);

  /* Ctrl+F, type, Enter for the next hit, Ctrl+G, Shift+Ctrl+G. */
  xdotool ("key ctrl+f");
  wait_until (search_entry_focused, fixture);
  xdotool ("type Sida");
  wait_until (search_done, fixture);
  g_assert_cmpuint (pk_pdf_view_get_n_matches (fixture->view), ==, 12);
  g_assert_true (pk_pdf_view_get_current_match (fixture->view, &page, &rect));
  int first = page;
  xdotool ("key Return");
  g_assert_true (pk_pdf_view_get_current_match (fixture->view, &page, NULL));
  g_assert_cmpint (page, ==, (first + 1) % 12);
  xdotool ("key ctrl+g");
  g_assert_true (pk_pdf_view_get_current_match (fixture->view, &page, NULL));
  g_assert_cmpint (page, ==, (first + 2) % 12);
  xdotool ("key shift+ctrl+g");
  g_assert_true (pk_pdf_view_get_current_match (fixture->view, &page, NULL));
  g_assert_cmpint (page, ==, (first + 1) % 12);

  /* Right click on the page, "Add Note": the request names the point in PDF points. */
  gtk_widget_grab_focus (GTK_WIDGET (pages));
  pointer_to (fixture, 200, 250);
  xdotool ("click 3");
  /* The menu opens below the pointer; its one item is just below and to the right. */
  xdotool ("sleep 0.3 mousemove_relative --sync 45 22 click 1");
  wait_until (note_requested, fixture);
  g_assert_cmpint (fixture->note_page, ==, pk_pdf_view_get_page (fixture->view));
  g_assert_cmpfloat (fabs (fixture->note_x - 200), <, 2);
  g_assert_cmpfloat (fabs (fixture->note_y - 250), <, 2);
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The search bar appears at once, so typed keys do not race its slide-in. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/pdf-view/worker", test_worker);
  ADD ("/pdf-view/load-and-go-to-page", test_load_and_go_to_page);
  ADD ("/pdf-view/search", test_search);
  ADD ("/pdf-view/zoom", test_zoom);
  ADD ("/pdf-view/broken", test_broken);
  ADD ("/pdf-view/notes", test_notes);
  ADD ("/pdf-view/cache-bounded", test_cache_bounded);
  ADD ("/pdf-view/input", test_input);
  return g_test_run ();
}
