/* startup-reference.c: the floor for `bench/run startup`: a bare libadwaita window (header bar and
 * status page), reporting its first painted frame exactly as protokoll does. Built by bench/run.
 *
 * Built with -DTUNED it also makes the three GTK-level start-up changes protokoll makes
 * (HACKING.md, "Start-up"): no resource base path, GTK's settings created with libadwaita's empty
 * theme named, and the icon theme reloaded on GTK's thread if it lost its race. bench/run prints
 * the ratio against that one too, for information: it is what protokoll's own content costs. */
#include <adwaita.h>
#include <stdio.h>

static void
after_paint (GdkFrameClock *clock,
             GApplication  *app)
{
  printf ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, after_paint, app);
  g_application_quit (app);
}

static void
on_realize (GtkWidget    *window,
            GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint), app);
}

static void
activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Reference");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-document-symbolic");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  if (g_strcmp0 (g_getenv ("PROTOKOLL_BENCH_FIRST_FRAME"), "1") == 0)
    g_signal_connect (window, "realize", G_CALLBACK (on_realize), app);
  gtk_window_present (GTK_WINDOW (window));
}

#ifdef TUNED
static void
startup_after (GApplication *app)
{
  g_object_notify (G_OBJECT (gtk_settings_get_default ()), "gtk-icon-theme-name");
}
#endif

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

#ifdef TUNED
  if (g_getenv ("GTK_THEME") == NULL)
    {
      g_setenv ("GTK_THEME", "Adwaita-empty", TRUE);
      gtk_init ();
      gtk_settings_get_default ();
      g_unsetenv ("GTK_THEME");
    }
#endif
  app = adw_application_new ("io.github.protokoll.BenchReference", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
#ifdef TUNED
  g_application_set_resource_base_path (G_APPLICATION (app), NULL);
  g_signal_connect_after (app, "startup", G_CALLBACK (startup_after), NULL);
#endif
  return g_application_run (G_APPLICATION (app), argc, argv);
}
