/* bench-agenda-pdf.c: `bench/run agenda-pdf`: a 40-item agenda exported by the app's own code,
 * against the floor of cairo + pango drawing the same strings at fixed places, no layout logic. */
#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>

#include "protokoll-core.h"

#define N_ITEMS 40

static PkMeeting *
make_meeting (void)
{
  PkMeeting *meeting = pk_meeting_new ();

  pk_meeting_set_body (meeting, "Kommunstyrelsen");
  pk_meeting_set_title (meeting, "Sammanträde");
  pk_meeting_set_date (meeting, "2026-11-18");
  pk_meeting_set_start_time (meeting, "09:00");
  pk_meeting_set_end_time (meeting, "16:00");
  pk_meeting_set_place (meeting, "Stadshuset, sessionssalen");
  for (int i = 0; i < N_ITEMS; i++)
    {
      g_autoptr(PkAgendaItem) item = pk_agenda_item_new ();
      g_autoptr(PkPerson) presenter = pk_person_new ();
      g_autofree char *title = g_strdup_printf ("Ärende %d: detaljplan för kvarteret Eken %d", i + 1, i);
      g_autofree char *dnr = g_strdup_printf ("KS 2026/%d", 100 + i);

      pk_agenda_item_set_title (item, title);
      pk_agenda_item_set_dnr (item, dnr);
      pk_agenda_item_set_duration_min (item, 10);
      pk_person_set_name (presenter, "Magnus Persson");
      pk_person_set_title (presenter, "utvecklingsdirektör");
      g_list_store_append (pk_agenda_item_get_presenters (item), presenter);
      if (i % 5 == 4)
        {
          g_autoptr(PkAgendaItem) parent = g_list_model_get_item (G_LIST_MODEL (pk_meeting_get_items (meeting)),
                                                                 g_list_model_get_n_items (G_LIST_MODEL (pk_meeting_get_items (meeting))) - 1);
          g_list_store_append (pk_agenda_item_get_items (parent), item);
        }
      else
        g_list_store_append (pk_meeting_get_items (meeting), item);
    }
  pk_meeting_renumber_items (meeting);
  return meeting;
}

/* The same strings, one pango layout each at a fixed place, 24 items a page: what drawing the text
 * costs with no measuring, wrapping decisions or pagination. */
static void
draw_floor (PkMeeting *meeting,
            const char *path)
{
  g_autoptr(GListStore) flat = pk_agenda_flatten (meeting);
  g_autoptr(PkTimePlan) plan = pk_time_plan_new (meeting);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595.276, 841.89);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *body = pango_font_description_from_string ("Liberation Sans, DejaVu Sans 10.5");
  PangoFontDescription *small = pango_font_description_from_string ("Liberation Sans, DejaVu Sans 8.5");
  const char *facts[][2] = { { "Sammanträde", pk_meeting_get_title (meeting) },
                             { "Datum", "onsdag 18 november 2026" }, { "Tid", "09:00–16:00" },
                             { "Plats", pk_meeting_get_place (meeting) } };
  int page = 1;
  double y;

#define TEXT_AT(font, x, text) \
  G_STMT_START { pango_layout_set_font_description (layout, font); pango_layout_set_text (layout, text, -1); \
                 cairo_move_to (cr, x, y); pango_cairo_show_layout (cr, layout); } G_STMT_END

  /* The same header, facts, column heads and footers as the real document. */
  y = 57;
  TEXT_AT (body, 68, pk_meeting_get_body (meeting));
  TEXT_AT (body, 450, "KALLELSE");
  y += 14;
  TEXT_AT (small, 450, "Föredragningslista");
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      y += 16;
      TEXT_AT (body, 68, facts[i][0]);
      TEXT_AT (body, 152, facts[i][1]);
    }
  y += 24;
  TEXT_AT (body, 68, "Föredragningslista");
  y += 18;
  TEXT_AT (small, 68, "Nr");
  TEXT_AT (small, 106, "Ärende");
  TEXT_AT (small, 520, "Tid");
  y += 16;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (flat)); i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (flat), i);
      g_autoptr(PkPerson) presenter = g_list_model_get_item (G_LIST_MODEL (pk_agenda_item_get_presenters (item)), 0);
      g_autofree char *time = pk_time_plan_format_time (g_array_index (plan->items, PkPlannedItem, i).start_min);
      g_autofree char *who = g_strdup_printf ("Föredragande: %s, %s", pk_person_get_name (presenter),
                                              pk_person_get_title (presenter));
      g_autofree char *dnr = g_strdup_printf ("Dnr %s", pk_agenda_item_get_dnr (item));

      TEXT_AT (body, 68, pk_agenda_item_get_number (item));
      TEXT_AT (body, 106, pk_agenda_item_get_title (item));
      TEXT_AT (body, 500, time);
      y += 13;
      TEXT_AT (small, 106, dnr);
      y += 11;
      TEXT_AT (small, 106, who);
      y += 16;
      if (y > 740)
        {
          g_autofree char *footer = g_strdup_printf ("Sida %d", page++);
          y = 800;
          TEXT_AT (small, 68, "Kommunstyrelsen · Kallelse 2026-11-18");
          TEXT_AT (small, 500, footer);
          cairo_show_page (cr);
          y = 57;
        }
    }
  y += 20;
  TEXT_AT (small, 106, "Beräknad sluttid 15:40 (sammanlagt 6 h 40 min)");
  y = 800;
  TEXT_AT (small, 68, "Kommunstyrelsen · Kallelse 2026-11-18");
  TEXT_AT (small, 500, "Sida 3");
  cairo_show_page (cr);
  pango_font_description_free (body);
  pango_font_description_free (small);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  int runs = argc > 1 ? atoi (argv[1]) : 9;
  const char *dir = argc > 2 ? argv[2] : g_get_tmp_dir ();
  g_autofree char *ours_path = g_build_filename (dir, "bench-agenda.pdf", NULL);
  g_autofree char *floor_path = g_build_filename (dir, "bench-floor.pdf", NULL);
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floors = g_array_new (FALSE, FALSE, sizeof (double));
  double o, f, ratio;

  /* Warm fontconfig and the glyph caches for both sides. */
  {
    g_autoptr(PkMeeting) meeting = make_meeting ();
    g_autoptr(GError) error = NULL;
    if (!pk_agenda_pdf_write (meeting, ours_path, NULL, &error))
      g_error ("%s", error->message);
    draw_floor (meeting, floor_path);
  }
  for (int i = 0; i < runs; i++)
    {
      g_autoptr(PkMeeting) meeting = make_meeting ();
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!pk_agenda_pdf_write (meeting, ours_path, NULL, &error))
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ours, ms);

      start = g_get_monotonic_time ();
      draw_floor (meeting, floor_path);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (floors, ms);
    }
  g_array_sort (ours, compare_doubles);
  g_array_sort (floors, compare_doubles);
  o = g_array_index (ours, double, ours->len / 2);
  f = g_array_index (floors, double, floors->len / 2);
  ratio = o / f;
  printf ("bench agenda-pdf: ours %.1f ms, reference %.1f ms, ratio %.2f, target 2.00: %s\n",
          o, f, ratio, ratio <= 2.0 ? "ok" : "miss");
  return 0;
}
