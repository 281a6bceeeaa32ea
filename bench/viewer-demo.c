/* viewer-demo.c: PkPdfView in a window on a generated PDF with a search hit and note pins, for
 * looking at it (screenshots under Xvfb). Usage: viewer-demo [--dark] [--zoom] [--broken] [SECONDS] */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "pk-pdf-view.h"
#include "pk-test-pdf.h"

static gboolean zoom_in;
static gboolean broken;

static gboolean
quit (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
on_loaded (PkPdfView *view)
{
  g_autoptr(GListStore) notes = g_list_store_new (PK_TYPE_PDF_NOTE);
  g_autoptr(PkPdfNote) a = pk_pdf_note_new (6, 300, 300, "Kontrollera beloppet");
  g_autoptr(PkPdfNote) b = pk_pdf_note_new (6, 480, 420, "Fråga förvaltningen");

  g_list_store_append (notes, a);
  g_list_store_append (notes, b);
  pk_pdf_view_set_notes (view, G_LIST_MODEL (notes));
  if (zoom_in)
    gtk_widget_activate_action (GTK_WIDGET (view), "viewer.fit-page", NULL);
  pk_pdf_view_search (view, "kommunfullmäktige");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  g_autoptr(GBytes) bytes = NULL;
  GtkWindow *window;
  GtkWidget *view;
  int seconds = 30;

  gtk_init ();
  adw_init ();
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--dark"))
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
    else if (g_str_equal (argv[i], "--zoom"))
      zoom_in = TRUE;
    else if (g_str_equal (argv[i], "--broken"))
      broken = TRUE;
    else
      seconds = atoi (argv[i]);

  gtk_css_provider_load_from_resource (css, "/io/github/protokoll/Protokoll/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (window, "PkPdfView");
  gtk_window_set_default_size (window, 1100, 760);
  view = pk_pdf_view_new ();
  gtk_window_set_child (window, view);
  g_signal_connect (view, "loaded", G_CALLBACK (on_loaded), NULL);
  bytes = pk_test_make_pdf (12, 6, "kommunfullmäktige");
  if (broken)
    {
      GBytes *truncated = g_bytes_new_from_bytes (bytes, 0, 300);
      g_bytes_unref (bytes);
      bytes = truncated;
    }
  pk_pdf_view_load_bytes (PK_PDF_VIEW (view), bytes);
  gtk_window_present (window);
  g_timeout_add_seconds (seconds, quit, loop);
  g_main_loop_run (loop);
  return 0;
}
