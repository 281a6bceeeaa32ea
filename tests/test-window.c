/* test-window.c: the real window under Xvfb on a real database file. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "pk-agenda-editor.h"
#include "pk-agenda-panel.h"
#include "pk-attachments-panel.h"
#include "pk-pdf-view.h"
#include "pk-test-pdf.h"
#include "pk-application.h"
#include "pk-attendance-panel.h"
#include "pk-export-dialog.h"
#include "pk-justering-panel.h"
#include "pk-meeting-view.h"
#include "pk-minutes-panel.h"
#include "pk-decision-row.h"
#include "pk-register-window.h"
#include "pk-search-results.h"
#include "pk-test-util.h"
#include "pk-lazy.h"
#include "pk-view-switcher-title.h"
#include "pk-window.h"
#include "protokoll-core.h"

/* poppler-glib 22.12 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct
{
  char *dir;
  char *db_path;
  PkWindow *window;
} Fixture;

static gboolean
window_ready (gpointer data)
{
  Fixture *fixture = data;
  return g_strcmp0 (pk_window_get_state (fixture->window), "loading") != 0;
}

static void
import_meeting (const char *db_path,
                const char *body,
                const char *title,
                const char *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkDatabase) db = pk_database_open (db_path, &error);
  g_autoptr(PkMeeting) meeting = pk_meeting_new ();

  g_assert_no_error (error);
  pk_meeting_set_body (meeting, body);
  pk_meeting_set_title (meeting, title);
  pk_meeting_set_date (meeting, date);
  pk_database_insert_meeting (db, meeting, &error);
  g_assert_no_error (error);
}

static void
open_window (Fixture *fixture)
{
  fixture->window = pk_window_new (PK_APPLICATION (g_application_get_default ()), fixture->db_path);
  g_object_ref_sink (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  pk_test_wait_until (window_ready, fixture);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = pk_test_dir_new ();
  fixture->db_path = g_build_filename (fixture->dir, "window.db", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      g_clear_object (&fixture->window);
    }
  pk_test_wait_ms (50);
  pk_test_dir_free (fixture->dir);
  g_free (fixture->db_path);
}

static GtkWidget *find_descendant (GtkWidget *root,
                                   GType      type);

/* Every mapped widget of @type under @root. */
static void
collect_mapped (GtkWidget *root,
                GType      type,
                GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_mapped (child, type, found);
}

static void
test_opens_with_meetings (Fixture       *fixture,
                          gconstpointer  data)
{
  PkMeeting *selected;

  import_meeting (fixture->db_path, "Kommunstyrelsen", "Sammanträde", "2026-03-10");
  import_meeting (fixture->db_path, "Kommunstyrelsen", "Extra sammanträde", "2026-05-02");
  import_meeting (fixture->db_path, "Socialnämnden", "Sammanträde", "2026-04-01");
  open_window (fixture);

  g_assert_cmpstr (pk_window_get_state (fixture->window), ==, "meetings");
  g_assert_cmpuint (g_list_model_get_n_items (pk_window_get_meetings (fixture->window)), ==, 3);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  /* Grouped by body, newest first within the body. */
  {
    g_autoptr(PkMeeting) first = g_list_model_get_item (pk_window_get_meetings (fixture->window), 0);
    g_autoptr(PkMeeting) last = g_list_model_get_item (pk_window_get_meetings (fixture->window), 2);
    g_assert_cmpstr (pk_meeting_get_title (first), ==, "Extra sammanträde");
    g_assert_cmpstr (pk_meeting_get_body (last), ==, "Socialnämnden");
  }
  selected = pk_window_get_selected_meeting (fixture->window);
  g_assert_nonnull (selected);
  /* The pages a good start does not show are not even built (pk_stack_ensure_page): no error
   * page, and no empty state anywhere (the window, the agenda, the search). This window opened
   * its file after it was built, so it did show the loading page. */
  {
    GtkStack *main_stack = GTK_STACK (find_descendant (GTK_WIDGET (fixture->window), GTK_TYPE_STACK));

    g_assert_nonnull (gtk_stack_get_child_by_name (main_stack, "meetings"));
    g_assert_null (gtk_stack_get_child_by_name (main_stack, "error"));
    g_assert_null (find_descendant (GTK_WIDGET (main_stack), ADW_TYPE_STATUS_PAGE));
  }
}

static gboolean
has_n_meetings (gpointer data)
{
  Fixture *fixture = data;
  return g_list_model_get_n_items (pk_window_get_meetings (fixture->window)) == GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (fixture->window), "expect"));
}

static void
test_new_meeting_appears (Fixture       *fixture,
                          gconstpointer  data)
{
  PkMeeting *selected;

  open_window (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (pk_window_get_meetings (fixture->window)), ==, 0);

  g_object_set_data (G_OBJECT (fixture->window), "expect", GUINT_TO_POINTER (1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-meeting", NULL));
  pk_test_wait_until (has_n_meetings, fixture);

  selected = pk_window_get_selected_meeting (fixture->window);
  g_assert_nonnull (selected);
  g_assert_cmpint (pk_meeting_get_id (selected), >, 0);
  g_assert_cmpint (pk_test_sql_int (fixture->db_path, "SELECT count(*) FROM meeting"), ==, 1);
}

/* The first descendant of @root, depth first, that @test accepts. */
typedef gboolean (*WidgetTest) (GtkWidget     *widget,
                                gconstpointer  data);

static GtkWidget *
find_widget (GtkWidget     *root,
             WidgetTest     test,
             gconstpointer  data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (test (child, data))
        return child;
      if ((found = find_widget (child, test, data)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_entry_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_ENTRY (widget) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) == 0;
}

static GtkWidget *
find_entry_with_text (GtkWidget  *root,
                      const char *text)
{
  return find_widget (root, is_entry_with_text, text);
}

static gboolean
is_menu_button_with_label (GtkWidget     *widget,
                           gconstpointer  label)
{
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), label) == 0;
}

static GtkWidget *
find_menu_button_with_label (GtkWidget  *root,
                             const char *label)
{
  return find_widget (root, is_menu_button_with_label, label);
}

static gboolean
has_buildable_id (GtkWidget     *widget,
                  gconstpointer  id)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

/* The widget built from the template element with that id. */
static GtkWidget *
find_buildable (GtkWidget  *root,
                const char *id)
{
  return find_widget (root, has_buildable_id, id);
}

static gboolean
title_saved (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *title = pk_test_sql_text (fixture->db_path, "SELECT title FROM meeting WHERE id = 1");
  return g_strcmp0 (title, "Kommunstyrelsens sammanträde") == 0;
}

static void
test_title_edit_saved (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *entry;
  gint64 typed_at;

  import_meeting (fixture->db_path, "Kommunstyrelsen", "Sammanträde", "2026-03-10");
  open_window (fixture);

  entry = find_entry_with_text (pk_window_get_meeting_view (fixture->window), "Sammanträde");
  g_assert_nonnull (entry);
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Kommunstyrelsens sammanträde");
  typed_at = g_get_monotonic_time ();

  /* Saved after the typing pause, by the app itself: nothing but the entry was touched. */
  pk_test_wait_until (title_saved, fixture);
  g_assert_cmpint (g_get_monotonic_time () - typed_at, >=, 400 * 1000);
  /* The sidebar shows the same object, so it changed too. */
  g_assert_cmpstr (pk_meeting_get_title (pk_window_get_selected_meeting (fixture->window)), ==,
                   "Kommunstyrelsens sammanträde");
}

static void
test_invalid_date_not_saved (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *entry;
  g_autofree char *date = NULL;

  import_meeting (fixture->db_path, "Kommunstyrelsen", "Sammanträde", "2026-03-10");
  open_window (fixture);

  entry = find_entry_with_text (pk_window_get_meeting_view (fixture->window), "2026-03-10");
  g_assert_nonnull (entry);
  /* Overtype the month, as a person would: every intermediate text is invalid too. */
  {
    int position = 5;
    gtk_editable_delete_text (GTK_EDITABLE (entry), 5, 7);
    gtk_editable_insert_text (GTK_EDITABLE (entry), "13", -1, &position);
  }
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  pk_meeting_view_flush (PK_MEETING_VIEW (pk_window_get_meeting_view (fixture->window)));
  pk_test_wait_ms (300);
  date = pk_test_sql_text (fixture->db_path, "SELECT date FROM meeting WHERE id = 1");
  g_assert_cmpstr (date, ==, "2026-03-10");
  /* What was typed stays in the entry for the user to correct. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2026-13-10");
}

static void
test_delete_with_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  import_meeting (fixture->db_path, "Kommunstyrelsen", "Sammanträde", "2026-03-10");
  import_meeting (fixture->db_path, "Kommunstyrelsen", "Budget", "2026-04-10");
  open_window (fixture);
  pk_window_select_meeting (fixture->window, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-meeting", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (pk_window_get_meetings (fixture->window)), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-delete", "x", (gint64) 1));
  g_assert_cmpuint (g_list_model_get_n_items (pk_window_get_meetings (fixture->window)), ==, 2);

  /* Deleted for real when the window closes with the toast still showing. */
  pk_window_select_meeting (fixture->window, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-meeting", NULL));
  gtk_window_close (GTK_WINDOW (fixture->window));
  pk_test_wait_ms (300);
  g_assert_cmpint (pk_test_sql_int (fixture->db_path, "SELECT count(*) FROM meeting"), ==, 1);
  g_assert_cmpint (pk_test_sql_int (fixture->db_path, "SELECT count(*) FROM meeting WHERE id = 1"), ==, 0);
}

static void
test_corrupt_database_shows_error (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (fixture->db_path, "not a database at all, just text", -1, NULL));
  before = pk_test_file_checksum (fixture->db_path);
  open_window (fixture);
  g_assert_cmpstr (pk_window_get_state (fixture->window), ==, "error");
  after = pk_test_file_checksum (fixture->db_path);
  g_assert_cmpstr (before, ==, after);
  /* The error page has its icon once it shows (it is given only then). */
  pk_test_wait_ms (50);
  {
    g_autoptr(GPtrArray) pages = g_ptr_array_new ();
    collect_mapped (GTK_WIDGET (fixture->window), ADW_TYPE_STATUS_PAGE, pages);
    g_assert_cmpuint (pages->len, ==, 1);
    g_assert_cmpstr (adw_status_page_get_icon_name (pages->pdata[0]), ==, "dialog-error-symbolic");
  }

  /* Opening another database from the error page works. */
  {
    g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
    import_meeting (other, "Styrelsen", "Årsmöte", "2026-02-01");
    pk_window_open_database (fixture->window, other);
    pk_test_wait_until (window_ready, fixture);
    g_assert_cmpstr (pk_window_get_state (fixture->window), ==, "meetings");
    g_assert_cmpuint (g_list_model_get_n_items (pk_window_get_meetings (fixture->window)), ==, 1);
  }
}

static void
test_panels_show_items_and_roster (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *json = pk_test_read_data_file ("rich-meeting.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) meeting = pk_meeting_from_json (json, -1, &error);
  PkMeetingView *view;

  g_assert_no_error (error);
  {
    g_autoptr(PkDatabase) db = pk_database_open (fixture->db_path, &error);
    g_assert_no_error (error);
    pk_database_insert_meeting (db, meeting, &error);
    g_assert_no_error (error);
  }
  open_window (fixture);
  view = PK_MEETING_VIEW (pk_window_get_meeting_view (fixture->window));
  pk_test_wait_ms (200);
  /* 3 items, one with a sub-item that has its own sub-item: 5 rows. */
  g_assert_cmpuint (g_list_model_get_n_items (pk_meeting_view_get_agenda (view)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (pk_meeting_view_get_attendance (view)), ==, 7);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-panel", "s", "attendance"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (pk_meeting_view_get_stack (view)), ==, "attendance");
}

static void
test_window_size_remembered (Fixture       *fixture,
                             gconstpointer  data)
{
  GSettings *settings = pk_application_get_settings (PK_APPLICATION (g_application_get_default ()));
  int width, height;

  g_assert_nonnull (settings);
  open_window (fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 640);
  gtk_window_close (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);

  open_window (fixture);
  gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
agenda_loaded (gpointer data)
{
  return g_list_model_get_n_items (pk_agenda_panel_get_items (data)) > 0;
}

static gboolean
agenda_saved (gpointer data)
{
  return !pk_agenda_panel_is_saving (data);
}

/* Presses a key as the list's own key controller receives it. */
static void
press_key (GtkWidget       *list,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  g_assert_true (handled);
}

static char *
stored_outline (const char *db_path)
{
  /* Top level and sub-items in stored order: "A,B(C),D". */
  return pk_test_sql_text (db_path,
                           "SELECT group_concat (title || coalesce ('(' || (SELECT group_concat (c.title, ',') "
                           "FROM (SELECT title FROM agenda_item c WHERE c.parent_id = p.id ORDER BY position) c) || ')', ''), ',') "
                           "FROM (SELECT * FROM agenda_item p WHERE parent_id IS NULL ORDER BY position) p");
}

/* A meeting starting at 13:00 (ending at @end, or open-ended) with ten-minute items named
 * @titles, stored and shown: its agenda panel, loaded. */
static PkAgendaPanel *
open_agenda (Fixture           *fixture,
             const char        *end,
             const char *const *titles,
             guint              n_titles)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) meeting = pk_meeting_new ();
  PkAgendaPanel *panel;

  pk_meeting_set_title (meeting, "Sammanträde");
  pk_meeting_set_start_time (meeting, "13:00");
  pk_meeting_set_end_time (meeting, end);
  for (guint i = 0; i < n_titles; i++)
    {
      g_autoptr(PkAgendaItem) item = pk_agenda_item_new ();
      pk_agenda_item_set_title (item, titles[i]);
      pk_agenda_item_set_duration_min (item, 10);
      g_list_store_append (pk_meeting_get_items (meeting), item);
    }
  {
    g_autoptr(PkDatabase) db = pk_database_open (fixture->db_path, &error);
    g_assert_no_error (error);
    pk_database_insert_meeting (db, meeting, &error);
    g_assert_no_error (error);
  }
  open_window (fixture);
  panel = PK_AGENDA_PANEL (find_descendant (GTK_WIDGET (fixture->window), PK_TYPE_AGENDA_PANEL));
  g_assert_nonnull (panel);
  pk_test_wait_until (agenda_loaded, panel);
  return panel;
}

static void
test_agenda_keyboard_reorder (Fixture       *fixture,
                              gconstpointer  data)
{
  PkAgendaPanel *panel;
  GtkWidget *list;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *titles[] = { "Mötets öppnande", "Val av justerare", "Budget", "Övriga frågor" };

  panel = open_agenda (fixture, NULL, titles, G_N_ELEMENTS (titles));
  list = find_descendant (GTK_WIDGET (panel), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list);
  before = stored_outline (fixture->db_path);
  g_assert_cmpstr (before, ==, "Mötets öppnande,Val av justerare,Budget,Övriga frågor");

  /* "Budget" up one with Alt+Up, then under "Mötets öppnande" with Tab, then out with Shift+Tab
   * and down with Alt+Down: every step renumbers at once. */
  {
    g_autoptr(PkAgendaItem) budget = g_list_model_get_item (pk_agenda_panel_get_items (panel), 2);

    pk_agenda_panel_select (panel, budget);
    press_key (list, GDK_KEY_Up, GDK_ALT_MASK);
    g_assert_cmpstr (pk_agenda_item_get_number (budget), ==, "2");
    press_key (list, GDK_KEY_Tab, 0);
    g_assert_cmpstr (pk_agenda_item_get_number (budget), ==, "1.1");
    g_assert_true (pk_agenda_panel_get_selected (panel) == budget);
    pk_test_wait_until (agenda_saved, panel);
    after = stored_outline (fixture->db_path);
    g_assert_cmpstr (after, ==, "Mötets öppnande(Budget),Val av justerare,Övriga frågor");

    press_key (list, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK);
    g_assert_cmpstr (pk_agenda_item_get_number (budget), ==, "2");
    press_key (list, GDK_KEY_Down, GDK_ALT_MASK);
    g_assert_cmpstr (pk_agenda_item_get_number (budget), ==, "3");
  }
  pk_test_wait_until (agenda_saved, panel);
  g_clear_pointer (&after, g_free);
  after = stored_outline (fixture->db_path);
  g_assert_cmpstr (after, ==, "Mötets öppnande,Val av justerare,Budget,Övriga frågor");

  /* Ctrl+Return adds an item after the selected one; Delete removes it (kept until undo is gone). */
  press_key (list, GDK_KEY_Return, GDK_CONTROL_MASK);
  g_assert_cmpuint (g_list_model_get_n_items (pk_agenda_panel_get_items (panel)), ==, 5);
  /* The new item is named in the editor beside the list; back in the list, the keys work again. */
  gtk_widget_grab_focus (list);
  pk_test_wait_until (agenda_saved, panel);
  g_assert_cmpint (pk_test_sql_int (fixture->db_path, "SELECT count(*) FROM agenda_item"), ==, 5);
  press_key (list, GDK_KEY_Delete, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pk_agenda_panel_get_items (panel)), ==, 4);
  pk_test_wait_until (agenda_saved, panel);
  g_assert_cmpint (pk_test_sql_int (fixture->db_path, "SELECT count(*) FROM agenda_item"), ==, 5);
}

static void
test_new_meeting_has_standard_items (Fixture       *fixture,
                                     gconstpointer  data)
{
  open_window (fixture);
  g_object_set_data (G_OBJECT (fixture->window), "expect", GUINT_TO_POINTER (1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-meeting", NULL));
  pk_test_wait_until (has_n_meetings, fixture);
  g_assert_cmpint (pk_test_sql_int (fixture->db_path, "SELECT count(*) FROM agenda_item"), ==, 6);
  g_assert_cmpstr (pk_test_sql_text (fixture->db_path, "SELECT title FROM agenda_item WHERE position = 1"), ==,
                   "Val av justerare");
}

static gboolean
panels_loaded (gpointer data)
{
  return pk_agenda_panel_get_meeting (data) != NULL;
}

static gboolean
roster_filled (gpointer data)
{
  return g_list_model_get_n_items (pk_attendance_panel_get_roster (data)) == 6;
}

static gboolean
roster_idle (gpointer data)
{
  return !pk_attendance_panel_is_busy (data);
}

/* A secretary marks attendance with Space, one key per person, the selection moving on. */
static void
test_attendance_by_keyboard (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PkAttendancePanel *panel;
  GtkWidget *list;
  const char *members[][2] = { { "Annika Magnerot", "ordforande" }, { "Per Sandberg", "ledamot" },
                               { "Ewa Ekman", "ledamot" }, { "Greger Larsson", "ledamot" },
                               { "Pär Sjöström", "ersattare" }, { "Jenny Folkesson", "sekreterare" } };

  import_meeting (fixture->db_path, "Socialnämnden", "Sammanträde", "2026-11-18");
  {
    g_autoptr(PkDatabase) db = pk_database_open (fixture->db_path, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (members); i++)
      {
        g_autoptr(PkMembership) membership = pk_membership_new ();
        int role;

        g_assert_true (pk_enum_from_nick (PK_TYPE_ROLE, members[i][1], &role));
        pk_membership_set_body (membership, "Socialnämnden");
        pk_membership_set_name (membership, members[i][0]);
        pk_membership_set_role (membership, role);
        pk_database_add_membership (db, membership, &error);
        g_assert_no_error (error);
      }
  }
  open_window (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-panel", "s", "attendance"));
  panel = PK_ATTENDANCE_PANEL (find_descendant (GTK_WIDGET (fixture->window), PK_TYPE_ATTENDANCE_PANEL));
  g_assert_nonnull (panel);
  /* The panels get the meeting once it has been read in full. */
  pk_test_wait_until (panels_loaded, find_descendant (GTK_WIDGET (fixture->window), PK_TYPE_AGENDA_PANEL));
  pk_test_wait_until (roster_idle, panel);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "roster.prefill", NULL));
  pk_test_wait_until (roster_filled, panel);
  /* Four voting members: three needed. */
  g_assert_cmpstr (pk_attendance_panel_get_quorum_text (panel), ==, "4 voting present · 3 needed for quorum");

  list = find_descendant (GTK_WIDGET (panel), GTK_TYPE_LIST_VIEW);
  pk_attendance_panel_select (panel, 1);
  press_key (list, GDK_KEY_space, 0);  /* Per Sandberg: absent; on to Ewa */
  press_key (list, GDK_KEY_space, 0);  /* Ewa Ekman: absent */
  g_assert_cmpstr (pk_attendance_panel_get_quorum_text (panel), ==, "2 voting present · 3 needed for quorum");
  pk_test_wait_until (roster_idle, panel);
  g_assert_cmpint (pk_test_sql_int (fixture->db_path, "SELECT count(*) FROM attendance"), ==, 6);
  g_assert_cmpint (pk_test_sql_int (fixture->db_path,
                                    "SELECT count(*) FROM attendance WHERE present = 0"), ==, 3);
  g_assert_cmpstr (pk_test_sql_text (fixture->db_path,
                                     "SELECT group_concat (name, ',') FROM (SELECT name FROM attendance"
                                     " WHERE present = 0 ORDER BY position)"), ==,
                   "Per Sandberg,Ewa Ekman,Pär Sjöström");
}

static gboolean
register_idle (gpointer data)
{
  return !pk_register_window_is_busy (data);
}

/* The register: members are added to the body; the same person twice is one person. */
static void
test_register_window (Fixture       *fixture,
                      gconstpointer  data)
{
  PkRegisterWindow *window;

  import_meeting (fixture->db_path, "Socialnämnden", "Sammanträde", "2026-11-18");
  open_window (fixture);
  window = pk_register_window_new (GTK_WINDOW (fixture->window), pk_window_get_database (fixture->window),
                                   "Socialnämnden");
  gtk_window_present (GTK_WINDOW (window));
  pk_test_wait_until (register_idle, window);
  g_assert_cmpuint (g_list_model_get_n_items (pk_register_window_get_members (window)), ==, 0);

  pk_register_window_add_member (window, "Ewa Ekman", "Växjö kommun", PK_ROLE_ORDFORANDE);
  pk_test_wait_until (register_idle, window);
  pk_register_window_add_member (window, "Per Sandberg", "Växjö kommun", PK_ROLE_LEDAMOT);
  pk_test_wait_until (register_idle, window);
  g_assert_cmpuint (g_list_model_get_n_items (pk_register_window_get_members (window)), ==, 2);
  {
    g_autoptr(PkMembership) first = g_list_model_get_item (pk_register_window_get_members (window), 0);
    g_assert_cmpstr (pk_membership_get_name (first), ==, "Ewa Ekman");
    g_assert_cmpint (pk_membership_get_role (first), ==, PK_ROLE_ORDFORANDE);
  }
  /* Ewa also sits as a substitute: a second seat, still one person. */
  pk_register_window_add_member (window, "Ewa Ekman", "Växjö kommun", PK_ROLE_ERSATTARE);
  pk_test_wait_until (register_idle, window);
  g_assert_cmpint (pk_test_sql_int (fixture->db_path, "SELECT count(*) FROM person WHERE name = 'Ewa Ekman'"), ==, 1);
  g_assert_cmpint (pk_test_sql_int (fixture->db_path, "SELECT count(*) FROM membership"), ==, 3);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
justering_idle (gpointer data)
{
  return !pk_justering_panel_is_busy (data);
}

static gboolean
selected_justerat (gpointer data)
{
  Fixture *fixture = data;
  PkMeeting *meeting = pk_window_get_selected_meeting (fixture->window);
  return meeting != NULL && pk_meeting_get_status (meeting) == PK_MEETING_STATUS_JUSTERAT;
}

/* Three sign-offs in the Approval panel: the meeting is justerat, locked in the view too. */
static void
test_justering_in_app (Fixture       *fixture,
                       gconstpointer  data)
{
  PkJusteringPanel *panel;

  import_meeting (fixture->db_path, "Kommunstyrelsen", "Sammanträde", "2026-11-18");
  open_window (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-panel", "s", "justering"));
  pk_test_wait_until (panels_loaded, find_descendant (GTK_WIDGET (fixture->window), PK_TYPE_AGENDA_PANEL));
  panel = PK_JUSTERING_PANEL (find_descendant (GTK_WIDGET (fixture->window), PK_TYPE_JUSTERING_PANEL));
  g_assert_nonnull (panel);

  pk_justering_panel_sign (panel, PK_ROLE_SEKRETERARE, "Jenny Folkesson", "Växjö");
  pk_test_wait_until (justering_idle, panel);
  g_assert_cmpstr (pk_test_sql_text (fixture->db_path, "SELECT status FROM meeting"), ==, "pending");
  pk_justering_panel_sign (panel, PK_ROLE_ORDFORANDE, "Annika Magnerot", "Växjö");
  pk_test_wait_until (justering_idle, panel);
  pk_justering_panel_sign (panel, PK_ROLE_JUSTERARE, "Ewa Ekman", "Växjö");
  pk_test_wait_until (justering_idle, panel);
  pk_test_wait_until (selected_justerat, fixture);
  g_assert_cmpstr (pk_test_sql_text (fixture->db_path, "SELECT status FROM meeting"), ==, "justerat");
  g_assert_cmpint (pk_test_sql_int (fixture->db_path, "SELECT count(*) FROM protocol_version"), ==, 1);
  /* The header can no longer be edited. */
  {
    GtkWidget *entry = find_entry_with_text (pk_window_get_meeting_view (fixture->window), "Sammanträde");
    g_assert_nonnull (entry);
    g_assert_false (gtk_widget_is_sensitive (entry));
  }
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static gboolean
export_dialog_idle (gpointer data)
{
  return !pk_export_dialog_is_busy (data);
}

static gboolean
file_recorded (gpointer data)
{
  Fixture *fixture = data;
  return pk_test_sql_int (fixture->db_path, "SELECT count(*) FROM pdf_export") == 1;
}

/* The export dialog previews the real PDF, pages through it, and the saved file is the one
 * previewed, recorded so that `verify FILE` knows it. */
static void
test_export_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  PkExportDialog *dialog;
  PkMeeting *full;
  g_autofree char *out = g_build_filename (fixture->dir, "protokoll.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PkAgendaItem) item = NULL;
  guint first_pages;

  import_meeting (fixture->db_path, "Kommunstyrelsen", "Sammanträde", "2026-11-18");
  open_window (fixture);
  pk_test_wait_until (panels_loaded, find_descendant (GTK_WIDGET (fixture->window), PK_TYPE_AGENDA_PANEL));
  full = pk_meeting_view_get_loaded_meeting (PK_MEETING_VIEW (pk_window_get_meeting_view (fixture->window)));
  g_assert_nonnull (full);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-minutes", NULL));
  dialog = PK_EXPORT_DIALOG (find_toplevel (PK_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  pk_test_wait_until (export_dialog_idle, dialog);
  first_pages = pk_export_dialog_get_n_pages (dialog);
  g_assert_cmpuint (first_pages, >=, 1);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN))));

  pk_export_dialog_save_to (dialog, out);
  pk_test_wait_until (file_recorded, fixture);
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
  {
    g_autofree char *uri = g_filename_to_uri (out, NULL, NULL);
    g_autoptr(PopplerDocument) document = poppler_document_new_from_file (uri, NULL, &error);
    g_autoptr(PopplerPage) page = NULL;
    g_autofree char *text = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (poppler_document_get_n_pages (document), ==, (int) first_pages);
    page = poppler_document_get_page (document, 0);
    text = poppler_page_get_text (page);
    g_assert_nonnull (strstr (text, "PROTOKOLL"));
    g_assert_nonnull (strstr (text, "UTKAST"));
  }
  g_assert_cmpstr (pk_test_sql_text (fixture->db_path, "SELECT kind FROM pdf_export"), ==, "protocol");
}

static gboolean
focus_in_decision (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (data));

  return GTK_IS_TEXT_VIEW (focus) &&
         gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)) == pk_decision_row_get_buffer (data);
}

static gboolean
minutes_idle (gpointer data)
{
  return !pk_minutes_panel_is_busy (data);
}

/* The shortcut that sends @trigger to the panel, or NULL. */
static const char *
shortcut_action (GtkWidget  *panel,
                 const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (panel);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (trigger);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) && GTK_IS_NAMED_ACTION (action))
            return gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
        }
    }
  return NULL;
}

/* Live minutes: typing into the discussion, moving on with Ctrl+PgDn, writing a decision with a
 * standard phrase and a vote; all of it read back from the database file. */
static void
test_minutes_typing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *json = pk_test_read_data_file ("rich-meeting.json", NULL);
  g_autoptr(GError) error = NULL;
  PkMinutesPanel *panel;
  GtkTextBuffer *buffer;
  PkAgendaItem *first, *second;
  GtkListBoxRow *row;
  g_autofree char *sql = NULL;
  g_autofree char *stored = NULL;

  {
    g_autoptr(PkDatabase) db = pk_database_open (fixture->db_path, &error);
    g_autoptr(PkMeeting) meeting = pk_meeting_from_json (json, -1, &error);

    g_assert_no_error (error);
    pk_database_insert_meeting (db, meeting, &error);
    g_assert_no_error (error);
  }
  open_window (fixture);
  pk_test_wait_until (panels_loaded, find_descendant (GTK_WIDGET (fixture->window), PK_TYPE_AGENDA_PANEL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-panel", "s", "decisions"));
  panel = PK_MINUTES_PANEL (find_descendant (GTK_WIDGET (fixture->window), PK_TYPE_MINUTES_PANEL));
  g_assert_nonnull (panel);
  g_assert_cmpstr (shortcut_action (GTK_WIDGET (panel), "<Control>Page_Down"), ==, "minutes.next-item");
  g_assert_cmpstr (shortcut_action (GTK_WIDGET (panel), "<Control>Page_Up"), ==, "minutes.previous-item");
  g_assert_cmpstr (shortcut_action (GTK_WIDGET (panel), "<Control>d"), ==, "minutes.focus-decision");

  first = pk_minutes_panel_get_item (panel);
  g_assert_nonnull (first);
  buffer = gtk_text_view_get_buffer (pk_minutes_panel_get_discussion_view (panel));
  {
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_place_cursor (buffer, &end);
  }
  g_assert_true (gtk_text_buffer_insert_interactive_at_cursor (buffer, "\n\n- **Hur:** digitalt, på Teams", -1, TRUE));
  pk_test_wait_until (minutes_idle, panel);
  sql = g_strdup_printf ("SELECT discussion FROM agenda_item WHERE id = %" G_GINT64_FORMAT, pk_agenda_item_get_id (first));
  stored = pk_test_sql_text (fixture->db_path, sql);
  g_assert_true (g_str_has_suffix (stored, "\n\n- **Hur:** digitalt, på Teams"));

  /* Ctrl+PgDn: the next item, with a buffer of its own; undo stays with the first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "minutes.next-item", NULL));
  second = pk_minutes_panel_get_item (panel);
  g_assert_true (second != first);
  g_assert_true (gtk_text_view_get_buffer (pk_minutes_panel_get_discussion_view (panel)) != buffer);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "minutes.previous-item", NULL));
  g_assert_true (pk_minutes_panel_get_item (panel) == first);
  g_assert_true (gtk_text_view_get_buffer (pk_minutes_panel_get_discussion_view (panel)) == buffer);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "minutes.next-item", NULL));

  /* Ctrl+D on an item without decisions writes a new one; a standard phrase fills it. */
  {
    guint before = g_list_model_get_n_items (G_LIST_MODEL (pk_agenda_item_get_decisions (second)));
    guint n;
    const PkStandardPhrase *phrases = pk_standard_phrases (&n);
    guint tabled = 0;

    for (guint i = 0; i < n; i++)
      if (g_str_equal (phrases[i].text, "Ärendet bordläggs."))
        tabled = i;
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "minutes.add-decision", NULL));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pk_agenda_item_get_decisions (second))), ==, before + 1);
    row = gtk_list_box_get_row_at_index (pk_minutes_panel_get_decisions_list (panel), (int) before);
    g_assert_true (PK_IS_DECISION_ROW (row));
    /* Typing goes straight on in the new decision. */
    pk_test_wait_until (focus_in_decision, row);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "decision.phrase", "i", (gint32) tabled));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "minutes.mark-deferred", NULL));
  g_assert_cmpint (pk_agenda_item_get_state (second), ==, PK_ITEM_STATE_DEFERRED);
  pk_test_wait_until (minutes_idle, panel);
  g_free (sql);
  sql = g_strdup_printf ("SELECT kind || ':' || text FROM decision WHERE item_id = %" G_GINT64_FORMAT
                         " ORDER BY position DESC LIMIT 1", pk_agenda_item_get_id (second));
  g_free (stored);
  stored = pk_test_sql_text (fixture->db_path, sql);
  g_assert_cmpstr (stored, ==, "bordlaggning:Ärendet bordläggs.");
  g_free (sql);
  sql = g_strdup_printf ("SELECT state FROM agenda_item WHERE id = %" G_GINT64_FORMAT, pk_agenda_item_get_id (second));
  g_free (stored);
  stored = pk_test_sql_text (fixture->db_path, sql);
  g_assert_cmpstr (stored, ==, "deferred");

  /* An action whose owner is picked from the roster. */
  {
    PkMeeting *meeting = pk_meeting_view_get_loaded_meeting (PK_MEETING_VIEW (pk_window_get_meeting_view (fixture->window)));
    g_autoptr(PkAttendance) first_attendee = g_list_model_get_item (G_LIST_MODEL (pk_meeting_get_attendees (meeting)), 0);
    GtkListBoxRow *action_row;
    guint n = g_list_model_get_n_items (G_LIST_MODEL (pk_agenda_item_get_actions (second)));
    g_autofree char *owner_sql = NULL;
    g_autofree char *owner = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "minutes.add-action", NULL));
    action_row = gtk_list_box_get_row_at_index (pk_minutes_panel_get_actions_list (panel), (int) n);
    g_assert_nonnull (action_row);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (action_row), "action-row.owner", "s",
                                               pk_attendance_get_name (first_attendee)));
    pk_test_wait_until (minutes_idle, panel);
    owner_sql = g_strdup_printf ("SELECT owner FROM action WHERE item_id = %" G_GINT64_FORMAT
                                 " ORDER BY position DESC LIMIT 1", pk_agenda_item_get_id (second));
    owner = pk_test_sql_text (fixture->db_path, owner_sql);
    g_assert_cmpstr (owner, ==, pk_attendance_get_name (first_attendee));
  }

  /* Undo in the decision takes the phrase back in one step. */
  {
    GtkTextBuffer *decision_buffer = pk_decision_row_get_buffer (PK_DECISION_ROW (row));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    g_assert_true (gtk_text_buffer_get_can_undo (decision_buffer));
    gtk_text_buffer_undo (decision_buffer);
    gtk_text_buffer_get_bounds (decision_buffer, &start, &end);
    text = gtk_text_buffer_get_text (decision_buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "");
  }
}

static gboolean
attachments_idle (gpointer data)
{
  return !pk_attachments_panel_is_busy (data);
}

static gboolean
viewer_loaded (gpointer data)
{
  PkAttachmentsPanel *panel = data;
  return pk_pdf_view_is_loaded (PK_PDF_VIEW (pk_attachments_panel_get_view (panel)));
}

static gboolean
on_page_three (gpointer data)
{
  PkPdfView *view = data;
  return pk_pdf_view_get_page (view) == 2 && pk_pdf_view_get_page_texture (view, 2, NULL) != NULL;
}

static gboolean
panel_shows_unsafe (gpointer data)
{
  return g_strcmp0 (pk_attachments_panel_get_state (data), "unsafe") == 0;
}

static guint
position_titled (GListModel *attachments,
                 const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (attachments); i++)
    {
      g_autoptr(PkAttachment) attachment = g_list_model_get_item (attachments, i);
      if (g_strcmp0 (pk_attachment_get_title (attachment), title) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* A 12-page bilaga opens from the database with its source file gone, goes to page 3, takes a
 * note; a file Poppler fails on is stored but not opened; a file that is no PDF is refused. */
static void
test_bilagor (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *json = pk_test_read_data_file ("rich-meeting.json", NULL);
  g_autofree char *source = g_build_filename (fixture->dir, "Underlag budget.pdf", NULL);
  g_autofree char *not_pdf = g_build_filename (fixture->dir, "anteckningar.pdf", NULL);
  g_autofree char *broken = g_build_filename (fixture->dir, "trasig.pdf", NULL);
  g_autoptr(GBytes) pdf = pk_test_make_pdf (12, 6, "Kommunfullmäktige");
  g_autoptr(GError) error = NULL;
  PkAttachmentsPanel *panel;
  PkPdfView *view;
  PkAgendaItem *item;
  GListModel *attachments;
  guint position, before;

  g_assert_true (g_file_set_contents (source, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), &error));
  {
    g_autoptr(PkDatabase) db = pk_database_open (fixture->db_path, &error);
    g_autoptr(PkMeeting) meeting = pk_meeting_from_json (json, -1, &error);
    g_autoptr(PkAttachment) attachment = NULL;
    gint64 id;

    g_assert_no_error (error);
    id = pk_database_insert_meeting (db, meeting, &error);
    g_assert_no_error (error);
    g_clear_object (&meeting);
    meeting = pk_database_load_meeting (db, id, &error);
    attachment = pk_database_attach_file (db, pk_agenda_item_get_id (pk_meeting_find_item_by_number (meeting, "2")),
                                          source, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (pk_attachment_get_pages (attachment), ==, 12);
  }
  g_assert_cmpint (g_unlink (source), ==, 0);

  open_window (fixture);
  pk_test_wait_until (panels_loaded, find_descendant (GTK_WIDGET (fixture->window), PK_TYPE_AGENDA_PANEL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-panel", "s", "attachments"));
  panel = PK_ATTACHMENTS_PANEL (find_descendant (GTK_WIDGET (fixture->window), PK_TYPE_ATTACHMENTS_PANEL));
  view = PK_PDF_VIEW (pk_attachments_panel_get_view (panel));
  attachments = pk_attachments_panel_get_attachments (panel);
  position = position_titled (attachments, "Underlag budget");
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  pk_attachments_panel_select (panel, position);
  pk_test_wait_until (viewer_loaded, panel);
  g_assert_cmpint (pk_pdf_view_get_n_pages (view), ==, 12);
  pk_pdf_view_set_page (view, 2);
  pk_test_wait_until (on_page_three, view);

  pk_attachments_panel_add_note (panel, 2, 120, 200, "Fråga om budgetramen");
  pk_test_wait_until (attachments_idle, panel);
  g_assert_cmpuint (g_list_model_get_n_items (pk_attachments_panel_get_notes (panel)), ==, 1);
  g_assert_cmpstr (pk_test_sql_text (fixture->db_path, "SELECT page || ':' || text FROM annotation"), ==, "2:Fråga om budgetramen");

  /* Attaching through the panel: a PDF Poppler fails on, then a file that is no PDF. */
  item = pk_meeting_find_item_by_number (pk_meeting_view_get_loaded_meeting (PK_MEETING_VIEW (pk_window_get_meeting_view (fixture->window))), "3");
  g_assert_nonnull (item);
  g_assert_true (g_file_set_contents (broken, g_bytes_get_data (pdf, NULL), 600, &error));
  g_assert_true (g_file_set_contents (not_pdf, "Mötesanteckningar, inte en PDF\n", -1, &error));
  before = g_list_model_get_n_items (attachments);
  {
    g_autoptr(GFile) file = g_file_new_for_path (broken);
    GSList files = { file, NULL };

    pk_attachments_panel_attach_files (panel, item, &files);
  }
  pk_test_wait_until (attachments_idle, panel);
  g_assert_cmpuint (g_list_model_get_n_items (attachments), ==, before + 1);
  position = position_titled (attachments, "trasig");
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  pk_attachments_panel_select (panel, position);
  pk_test_wait_until (panel_shows_unsafe, panel);
  g_assert_cmpstr (pk_test_sql_text (fixture->db_path, "SELECT probe_result FROM attachment WHERE title = 'trasig'"), ==, "failed");
  {
    g_autoptr(GFile) file = g_file_new_for_path (not_pdf);
    GSList files = { file, NULL };

    pk_attachments_panel_attach_files (panel, item, &files);
  }
  pk_test_wait_until (attachments_idle, panel);
  g_assert_cmpuint (g_list_model_get_n_items (attachments), ==, before + 1);
  g_assert_cmpint (pk_test_sql_int (fixture->db_path, "SELECT count(*) FROM attachment WHERE title = 'anteckningar'"), ==, 0);
}

static void
collect_mapped_menu_buttons (GtkWidget *root,
                             GPtrArray *found)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_widget_get_mapped (root))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_mapped_menu_buttons (child, found);
}

static GtkWindow *
find_visible_shortcuts_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (GTK_IS_SHORTCUTS_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* The menus and the shortcuts window are built when first opened, not with the window. */
static void
test_menus_and_shortcuts (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWindow *shortcuts;

  import_meeting (fixture->db_path, "Kommunstyrelsen", "Sammanträde", "2026-03-10");
  open_window (fixture);
  /* Wide enough for the leaflet to show both sides. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 760);
  pk_test_wait_ms (200);
  collect_mapped_menu_buttons (GTK_WIDGET (fixture->window), buttons);
  /* The main menu in the sidebar and the meeting menu (the agenda panel has one of its own). */
  g_assert_cmpuint (buttons->len, >=, 2);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkMenuButton *button = buttons->pdata[i];
      GtkPopover *popover;

      gtk_menu_button_popup (button);
      pk_test_wait_ms (50);
      popover = gtk_menu_button_get_popover (button);
      g_assert_nonnull (popover);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
      gtk_menu_button_popdown (button);
      pk_test_wait_ms (20);
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
      /* A second opening shows a menu again. */
      gtk_menu_button_popup (button);
      pk_test_wait_ms (50);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));
      gtk_menu_button_popdown (button);
    }

  g_assert_null (find_visible_shortcuts_window ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-shortcuts", NULL));
  pk_test_wait_ms (100);
  shortcuts = find_visible_shortcuts_window ();
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (fixture->window));
  gtk_window_destroy (shortcuts);
}

static gboolean
title_stored (gpointer data)
{
  g_autofree char *title = pk_test_sql_text (data, "SELECT title FROM agenda_item WHERE position = 1 AND parent_id IS NULL");
  return g_strcmp0 (title, "Budget 2027") == 0;
}

/* The item editor beside the list is built when an item is first selected, and edits through it
 * are stored: the title, a presenter and a recusal from the roster. */
static void
test_agenda_editor (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) meeting = pk_meeting_new ();
  const char *titles[] = { "Mötets öppnande", "Budget", "Övriga frågor" };
  const char *names[] = { "Åsa Öberg", "Pär Ek" };
  PkAgendaPanel *panel;
  GtkWidget *editor;
  GtkWidget *title_row;
  g_autoptr(PkAgendaItem) budget = NULL;

  pk_meeting_set_title (meeting, "Sammanträde");
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(PkAgendaItem) item = pk_agenda_item_new ();
      pk_agenda_item_set_title (item, titles[i]);
      g_list_store_append (pk_meeting_get_items (meeting), item);
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(PkAttendance) attendance = pk_attendance_new ();
      pk_attendance_set_name (attendance, names[i]);
      g_list_store_append (pk_meeting_get_attendees (meeting), attendance);
    }
  {
    g_autoptr(PkDatabase) db = pk_database_open (fixture->db_path, &error);
    g_assert_no_error (error);
    pk_database_insert_meeting (db, meeting, &error);
    g_assert_no_error (error);
  }
  open_window (fixture);
  panel = PK_AGENDA_PANEL (find_descendant (GTK_WIDGET (fixture->window), PK_TYPE_AGENDA_PANEL));
  pk_test_wait_until (agenda_loaded, panel);
  g_assert_null (find_descendant (GTK_WIDGET (panel), PK_TYPE_AGENDA_EDITOR));

  budget = g_list_model_get_item (pk_agenda_panel_get_items (panel), 1);
  pk_agenda_panel_select (panel, budget);
  editor = find_descendant (GTK_WIDGET (panel), PK_TYPE_AGENDA_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_child_visible (gtk_widget_get_parent (editor)));
  title_row = find_descendant (editor, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Budget");

  /* F2 in the list goes to the title. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "agenda.rename", NULL));
  pk_test_wait_ms (20);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), title_row));
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Budget 2027");
  g_assert_cmpstr (pk_agenda_item_get_title (budget), ==, "Budget 2027");
  pk_test_wait_until (title_stored, fixture->db_path);

  g_assert_true (gtk_widget_activate_action (editor, "editor.add-presenter-from-roster", "u", 1));
  g_assert_true (gtk_widget_activate_action (editor, "editor.add-recusal", "u", 0));
  pk_test_wait_ms (700);
  pk_test_wait_until (agenda_saved, panel);
  g_assert_cmpstr (pk_test_sql_text (fixture->db_path, "SELECT group_concat (name) FROM item_presenter"), ==, "Pär Ek");
  g_assert_cmpstr (pk_test_sql_text (fixture->db_path, "SELECT group_concat (name) FROM recusal"), ==, "Åsa Öberg");

  g_assert_true (gtk_widget_activate_action (editor, "editor.remove-presenter", "u", 0));
  pk_test_wait_ms (700);
  pk_test_wait_until (agenda_saved, panel);
  g_assert_cmpint (pk_test_sql_int (fixture->db_path, "SELECT count(*) FROM item_presenter"), ==, 0);

  /* Another item fills the same editor. */
  {
    g_autoptr(PkAgendaItem) first = g_list_model_get_item (pk_agenda_panel_get_items (panel), 0);
    pk_agenda_panel_select (panel, first);
    g_assert_true (find_descendant (GTK_WIDGET (panel), PK_TYPE_AGENDA_EDITOR) == editor);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Mötets öppnande");
  }
}

/* In a narrow window the panels move to a bar at the bottom, made when first revealed. */
static void
test_narrow_switcher_bar (Fixture       *fixture,
                          gconstpointer  data)
{
  AdwViewSwitcherBar *bar;

  import_meeting (fixture->db_path, "Kommunstyrelsen", "Sammanträde", "2026-03-10");
  open_window (fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 760);
  pk_test_wait_ms (200);
  bar = ADW_VIEW_SWITCHER_BAR (find_descendant (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_SWITCHER_BAR));
  g_assert_nonnull (bar);
  g_assert_false (adw_view_switcher_bar_get_reveal (bar));
  g_assert_null (adw_view_switcher_bar_get_stack (bar));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
  pk_test_wait_ms (300);
  g_assert_true (adw_view_switcher_bar_get_reveal (bar));
  g_assert_true (adw_view_switcher_bar_get_stack (bar) ==
                 pk_meeting_view_get_stack (PK_MEETING_VIEW (pk_window_get_meeting_view (fixture->window))));
}

/* The sidebar's list: the list view whose rows are meetings (the others hold agenda items or the
 * kind drop-down's choices). */
static GtkListView *
find_sidebar (GtkWidget *root)
{
  if (GTK_IS_LIST_VIEW (root))
    {
      GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (root)));
      g_autoptr(GObject) second = model != NULL ? g_list_model_get_item (model, 1) : NULL;

      if (PK_IS_MEETING (second))
        return GTK_LIST_VIEW (root);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkListView *found = find_sidebar (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
sidebar_rows (Fixture *fixture)
{
  GtkListView *list = find_sidebar (GTK_WIDGET (fixture->window));

  g_assert_nonnull (list);
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
}

static gboolean
sidebar_complete (gpointer data)
{
  return sidebar_rows (data) == 2 + 90;
}

/* A long sidebar is filled in two steps (what the window shows first, the rest after the first
 * frame); the meeting selected last time is selected even when it is far down. */
static void
test_long_sidebar (Fixture       *fixture,
                   gconstpointer  data)
{
  GSettings *settings = pk_application_get_settings (PK_APPLICATION (g_application_get_default ()));
  g_autoptr(GError) error = NULL;
  gint64 oldest_id = 0;

  {
    g_autoptr(PkDatabase) db = pk_database_open (fixture->db_path, &error);
    g_assert_no_error (error);
    for (int i = 0; i < 90; i++)
      {
        g_autoptr(PkMeeting) meeting = pk_meeting_new ();
        g_autofree char *title = g_strdup_printf ("Sammanträde %d", i + 1);
        g_autofree char *date = g_strdup_printf ("%d-%02d-15", 2020 + i / 12, i % 12 + 1);

        pk_meeting_set_body (meeting, i % 2 ? "Socialnämnden" : "Kommunstyrelsen");
        pk_meeting_set_title (meeting, title);
        pk_meeting_set_date (meeting, date);
        pk_database_insert_meeting (db, meeting, &error);
        g_assert_no_error (error);
        if (i == 0)
          oldest_id = pk_meeting_get_id (meeting);
      }
  }
  g_settings_set_int64 (settings, "last-meeting-id", 0);
  open_window (fixture);
  g_assert_cmpuint (sidebar_rows (fixture), <, 2 + 90);
  pk_test_wait_until (sidebar_complete, fixture);
  g_assert_cmpstr (pk_meeting_get_title (pk_window_get_selected_meeting (fixture->window)), ==, "Sammanträde 89");
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);

  /* The oldest meeting of Kommunstyrelsen is the last row of its group, beyond the first fill. */
  g_settings_set_int64 (settings, "last-meeting-id", oldest_id);
  open_window (fixture);
  g_assert_cmpstr (pk_meeting_get_title (pk_window_get_selected_meeting (fixture->window)), ==, "Sammanträde 1");
  g_assert_cmpuint (sidebar_rows (fixture), ==, 2 + 90);
  g_settings_set_int64 (settings, "last-meeting-id", 0);
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
has_one_meeting (gpointer data)
{
  Fixture *fixture = data;
  return g_list_model_get_n_items (pk_window_get_meetings (fixture->window)) == 1 &&
         pk_window_get_selected_meeting (fixture->window) != NULL;
}

/* The meeting menu's package and invitation, and the main menu's import, as they run after their
 * file chooser: a package made in one database arrives whole in another; the invitation is a
 * calendar file with the meeting in it. */
static void
test_package_and_invitation (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *package = g_build_filename (fixture->dir, "Sammanträde.protokoll", NULL);
  g_autofree char *invitation = g_build_filename (fixture->dir, "Sammanträde.ics", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *ics = NULL;

  import_meeting (fixture->db_path, "Kommunstyrelsen", "Budgetsammanträde", "2026-03-10");
  open_window (fixture);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (fixture->window)));
  pk_window_export_package_to (fixture->window, package, FALSE);
  pk_window_export_invitation_to (fixture->window, invitation);
  pk_test_wait_until (file_exists, package);
  pk_test_wait_until (file_exists, invitation);
  pk_test_wait_ms (100);
  g_assert_true (g_file_get_contents (invitation, &ics, NULL, NULL));
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (ics, "Budgetsammanträde"));

  /* Into another database, as a member would on another computer. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_free (fixture->db_path);
  fixture->db_path = g_steal_pointer (&other);
  open_window (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (pk_window_get_meetings (fixture->window)), ==, 0);
  pk_window_import_package_from (fixture->window, package);
  pk_test_wait_until (has_one_meeting, fixture);
  g_assert_cmpstr (pk_meeting_get_title (pk_window_get_selected_meeting (fixture->window)), ==, "Budgetsammanträde");
  g_assert_cmpint (pk_test_sql_int (fixture->db_path, "SELECT count(*) FROM meeting"), ==, 1);
}

static gboolean
search_done_with_hits (gpointer data)
{
  PkSearchResults *results = data;
  return !pk_search_results_is_busy (results) && g_list_model_get_n_items (pk_search_results_get_hits (results)) > 0;
}

/* Search from the sidebar: Ctrl+F, a word, and the hit opens its meeting. */
static gboolean
search_idle (gpointer data)
{
  return !pk_search_results_is_busy (data);
}

static void
test_search_meetings (Fixture       *fixture,
                      gconstpointer  data)
{
  PkSearchResults *results;
  GtkSearchBar *bar;
  GtkSearchEntry *entry;
  GtkWidget *list;

  import_meeting (fixture->db_path, "Kommunstyrelsen", "Budgetsammanträde", "2026-03-10");
  import_meeting (fixture->db_path, "Styrelsen", "Årsmöte", "2026-02-01");
  import_meeting (fixture->db_path, "Kommunstyrelsen", "Extra sammanträde", "2026-05-02");
  open_window (fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 760);
  pk_test_wait_ms (100);
  g_assert_cmpstr (pk_meeting_get_title (pk_window_get_selected_meeting (fixture->window)), !=, "Årsmöte");

  results = PK_SEARCH_RESULTS (find_descendant (GTK_WIDGET (fixture->window), PK_TYPE_SEARCH_RESULTS));
  bar = GTK_SEARCH_BAR (find_descendant (GTK_WIDGET (fixture->window), GTK_TYPE_SEARCH_BAR));
  /* The entry is made when a search starts. */
  g_assert_null (gtk_search_bar_get_child (bar));
  g_assert_nonnull (results);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (results)));
  /* Ctrl+F as the window gets it when nothing inside takes it. */
  {
    GtkEventController *keys = NULL;
    GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && keys == NULL; i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
        if (GTK_IS_SHORTCUT_CONTROLLER (controller) &&
            gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_BUBBLE &&
            g_list_model_get_n_items (G_LIST_MODEL (controller)) == 1)
          keys = controller;
      }
    g_object_unref (controllers);
    g_assert_nonnull (keys);
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (keys), 0);
      gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (fixture->window), NULL);
    }
  }
  pk_test_wait_ms (50);
  entry = GTK_SEARCH_ENTRY (gtk_search_bar_get_child (bar));
  g_assert_nonnull (entry);
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), GTK_WIDGET (entry)));

  gtk_editable_set_text (GTK_EDITABLE (entry), "årsmöte");
  pk_test_wait_until (search_done_with_hits, results);
  pk_test_wait_ms (50);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (results)));
  g_assert_cmpuint (g_list_model_get_n_items (pk_search_results_get_hits (results)), ==, 1);

  list = find_descendant (GTK_WIDGET (results), GTK_TYPE_LIST_VIEW);
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", 0));
  g_assert_cmpstr (pk_meeting_get_title (pk_window_get_selected_meeting (fixture->window)), ==, "Årsmöte");

  /* Nothing found: the "No Results" page, built now, saying what is searched. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zebrafink");
  pk_test_wait_ms (400);
  pk_test_wait_until (search_idle, results);
  pk_test_wait_ms (50);
  g_assert_cmpuint (g_list_model_get_n_items (pk_search_results_get_hits (results)), ==, 0);
  {
    GtkWidget *none = find_descendant (GTK_WIDGET (results), ADW_TYPE_STATUS_PAGE);

    g_assert_nonnull (none);
    g_assert_true (gtk_widget_get_mapped (none));
    g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (none)), ==, "No Results");
    g_assert_true (g_str_has_prefix (adw_status_page_get_description (ADW_STATUS_PAGE (none)), "Titles, agenda items"));
  }

  /* Leaving the search shows the meetings again. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  pk_test_wait_ms (300);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (results)));
}

static gboolean
has_imported_meeting (gpointer data)
{
  Fixture *fixture = data;
  PkMeeting *selected = pk_window_get_selected_meeting (fixture->window);
  return selected != NULL && g_list_model_get_n_items (pk_window_get_meetings (fixture->window)) == 1;
}

/* Import Minutes from Text…, as it runs after its file chooser: the Kalmar sample becomes a
 * meeting, selected; a file that is not minutes leaves nothing. */
static void
test_import_text (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *sample = pk_test_data_path ("text-import/kalmar-2022-03-25-protokoll.txt");
  g_autofree char *binary = g_build_filename (fixture->dir, "not-minutes.txt", NULL);

  open_window (fixture);
  g_assert_true (g_file_set_contents (binary, "PK\003\004 not text at all", 24, NULL));
  pk_window_import_text_from (fixture->window, binary);
  pk_test_wait_ms (300);
  g_assert_cmpint (pk_test_sql_int (fixture->db_path, "SELECT count(*) FROM meeting"), ==, 0);

  pk_window_import_text_from (fixture->window, sample);
  pk_test_wait_until (has_imported_meeting, fixture);
  g_assert_cmpstr (pk_meeting_get_date (pk_window_get_selected_meeting (fixture->window)), ==, "2022-03-25");
  g_assert_cmpint (pk_test_sql_int (fixture->db_path, "SELECT count(*) FROM agenda_item WHERE parent_id IS NULL"), >=, 9);
}


static gboolean
kind_saved (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *kind = pk_test_sql_text (fixture->db_path, "SELECT kind FROM meeting WHERE id = 1");
  return g_strcmp0 (kind, "minnesanteckningar") == 0;
}

/* The kind is chosen from a menu (built when it first opens) and saved like the other fields. */
static void
test_kind_menu (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *view;
  GtkWidget *button;
  GtkWidget *notes_button;
  g_autofree char *kind = NULL;

  import_meeting (fixture->db_path, "Kommunstyrelsen", "Sammanträde", "2026-03-10");
  open_window (fixture);
  view = pk_window_get_meeting_view (fixture->window);

  button = find_menu_button_with_label (view, "Minutes (protokoll)");
  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  pk_test_wait_ms (100);
  g_assert_nonnull (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  /* What the menu's second item does. */
  g_assert_true (gtk_widget_activate_action (button, "header.kind", "s", "minnesanteckningar"));
  notes_button = find_menu_button_with_label (view, "Meeting notes (minnesanteckningar)");
  g_assert_true (notes_button == button);
  pk_test_wait_until (kind_saved, fixture);
  g_assert_cmpint (pk_meeting_get_kind (pk_window_get_selected_meeting (fixture->window)), ==,
                   PK_MEETING_KIND_MINNESANTECKNINGAR);

  /* Another meeting shows its own kind; coming back shows the saved one. */
  g_object_set_data (G_OBJECT (fixture->window), "expect", GUINT_TO_POINTER (2));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-meeting", NULL));
  pk_test_wait_until (has_n_meetings, fixture);
  pk_test_wait_ms (300);
  g_assert_cmpint (pk_meeting_get_id (pk_window_get_selected_meeting (fixture->window)), ==, 2);
  /* A new meeting is of the kind of the one it follows: make it a protokoll. */
  g_assert_true (gtk_widget_activate_action (button, "header.kind", "s", "protokoll"));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "Minutes (protokoll)");
  pk_meeting_view_flush (PK_MEETING_VIEW (view));
  pk_test_wait_ms (300);
  kind = pk_test_sql_text (fixture->db_path, "SELECT kind FROM meeting WHERE id = 2");
  g_assert_cmpstr (kind, ==, "protokoll");
  pk_window_select_meeting (fixture->window, 1);
  pk_test_wait_ms (300);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "Meeting notes (minnesanteckningar)");
}


/* Tooltips set with pk_widget_set_tooltip() are shown through ::query-tooltip. */
static void
test_tooltips (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *button;
  g_autoptr(GtkTooltip) tooltip = NULL;
  gboolean shown = FALSE;

  open_window (fixture);
  button = find_buildable (GTK_WIDGET (fixture->window), "new_meeting_button");
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.new-meeting");
  g_assert_true (gtk_widget_get_has_tooltip (button));
  tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  g_signal_emit_by_name (button, "query-tooltip", 4, 4, FALSE, tooltip, &shown);
  g_assert_true (shown);

  /* NULL takes it away again. */
  pk_widget_set_tooltip (button, NULL);
  g_assert_false (gtk_widget_get_has_tooltip (button));
  shown = FALSE;
  g_signal_emit_by_name (button, "query-tooltip", 4, 4, FALSE, tooltip, &shown);
  g_assert_false (shown);

  /* The window's templates tear down cleanly: each child is bound once (GTK 4.8 aborts on one
   * bound twice, which finding these by binding them did to the bound buttons). */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_object_run_dispose (G_OBJECT (fixture->window));
  g_clear_object (&fixture->window);
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

/* The app's own style sheet is loaded (by PkApplication's startup, not by a resource base path,
 * see pk_application_new): a sidebar status badge has the padding style.css gives it. And the
 * start-up theme trick (pk_application_startup) leaves the environment as it found it. */
static void
test_style_sheet (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *badge;
  GtkBorder padding;

  import_meeting (fixture->db_path, "Kommunstyrelsen", "Sammanträde", "2026-03-10");
  open_window (fixture);
  badge = find_widget (GTK_WIDGET (fixture->window), has_css_class, "status-badge");
  g_assert_nonnull (badge);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_padding (gtk_widget_get_style_context (badge), &padding);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_cmpint (padding.left, ==, 8);
  g_assert_cmpint (padding.right, ==, 8);
  g_assert_cmpint (padding.top, ==, 2);

  /* Startup names libadwaita's empty theme only while it creates GTK's settings: left set,
   * libadwaita would not install its style sheet in the next process it starts. */
  g_assert_null (g_getenv ("GTK_THEME"));
}

static gboolean
overrun_hidden (gpointer data)
{
  return !gtk_widget_get_visible (gtk_widget_get_parent (data));
}

static gboolean
overrun_shown (gpointer data)
{
  return gtk_widget_get_visible (gtk_widget_get_parent (data));
}

/* The time plan's overrun warning: shown when the items run past the end time, gone (its revealer
 * hidden, so a first frame does not measure it) when they no longer do. */
static void
test_agenda_overrun (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *titles[] = { "Ärende", "Ärende", "Ärende" };
  PkAgendaPanel *panel;
  GtkWidget *warning;
  GtkWidget *revealer;

  panel = open_agenda (fixture, "13:20", titles, G_N_ELEMENTS (titles));
  warning = find_widget (GTK_WIDGET (panel), has_css_class, "agenda-warning");
  g_assert_nonnull (warning);
  revealer = gtk_widget_get_parent (warning);
  g_assert_true (gtk_widget_get_visible (revealer));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (warning)), "10 min"));

  {
    g_autoptr(PkAgendaItem) last = g_list_model_get_item (pk_agenda_panel_get_items (panel), 2);
    pk_agenda_item_set_duration_min (last, 0);
  }
  pk_test_wait_until (overrun_hidden, warning);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));

  {
    g_autoptr(PkAgendaItem) last = g_list_model_get_item (pk_agenda_panel_get_items (panel), 2);
    pk_agenda_item_set_duration_min (last, 15);
  }
  pk_test_wait_until (overrun_shown, warning);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (warning)), "15 min"));
}

static gboolean
is_mapped_switcher (GtkWidget     *widget,
                    gconstpointer  policy)
{
  return ADW_IS_VIEW_SWITCHER (widget) && gtk_widget_get_mapped (widget) &&
         adw_view_switcher_get_policy (ADW_VIEW_SWITCHER (widget)) == (AdwViewSwitcherPolicy) GPOINTER_TO_INT (policy);
}

static gboolean
is_toggle_with_label (GtkWidget     *widget,
                      gconstpointer  label)
{
  g_autofree char *text = NULL;

  if (!GTK_IS_TOGGLE_BUTTON (widget))
    return FALSE;
  g_object_get (widget, "label", &text, NULL);
  return g_strcmp0 (text, label) == 0;
}

static guint
count_switchers (GtkWidget *root)
{
  guint n = ADW_IS_VIEW_SWITCHER (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_switchers (child);
  return n;
}

/* The header's panel switcher: narrow at the default size with no wide switcher made, wide once
 * the window is wide enough (made then), the title in a narrow window, and a click on a panel's
 * button shows that panel. */
static void
test_switcher_title (Fixture       *fixture,
                     gconstpointer  data)
{
  PkViewSwitcherTitle *title;
  GtkWidget *button;
  AdwViewStack *stack;

  import_meeting (fixture->db_path, "Kommunstyrelsen", "Sammanträde", "2026-03-10");
  fixture->window = pk_window_new (PK_APPLICATION (g_application_get_default ()), fixture->db_path);
  g_object_ref_sink (fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  gtk_window_present (GTK_WINDOW (fixture->window));
  pk_test_wait_until (window_ready, fixture);
  pk_test_wait_ms (200);
  title = PK_VIEW_SWITCHER_TITLE (find_descendant (GTK_WIDGET (fixture->window), PK_TYPE_VIEW_SWITCHER_TITLE));
  g_assert_nonnull (title);
  stack = pk_view_switcher_title_get_stack (title);
  g_assert_true (stack == pk_meeting_view_get_stack (PK_MEETING_VIEW (pk_window_get_meeting_view (fixture->window))));
  g_assert_false (pk_view_switcher_title_get_title_visible (title));
  g_assert_nonnull (find_widget (GTK_WIDGET (title), is_mapped_switcher, GINT_TO_POINTER (ADW_VIEW_SWITCHER_POLICY_NARROW)));
  g_assert_cmpuint (count_switchers (GTK_WIDGET (title)), ==, 1);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1900, 720);
  pk_test_wait_ms (300);
  g_assert_cmpuint (count_switchers (GTK_WIDGET (title)), ==, 2);
  g_assert_nonnull (find_widget (GTK_WIDGET (title), is_mapped_switcher, GINT_TO_POINTER (ADW_VIEW_SWITCHER_POLICY_WIDE)));
  g_assert_null (find_widget (GTK_WIDGET (title), is_mapped_switcher, GINT_TO_POINTER (ADW_VIEW_SWITCHER_POLICY_NARROW)));
  g_assert_false (pk_view_switcher_title_get_title_visible (title));

  /* The wide switcher's "Decisions" button shows the Beslut panel. */
  button = find_widget (find_widget (GTK_WIDGET (title), is_mapped_switcher, GINT_TO_POINTER (ADW_VIEW_SWITCHER_POLICY_WIDE)),
                        is_toggle_with_label, "Decisions");
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  pk_test_wait_ms (400);  /* a keyboard activation shows the button pressed, then clicks */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "decisions");

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
  pk_test_wait_ms (300);
  g_assert_true (pk_view_switcher_title_get_title_visible (title));
  g_assert_null (find_widget (GTK_WIDGET (title), is_mapped_switcher, GINT_TO_POINTER (ADW_VIEW_SWITCHER_POLICY_WIDE)));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  pk_test_wait_ms (300);
  g_assert_false (pk_view_switcher_title_get_title_visible (title));
  g_assert_nonnull (find_widget (GTK_WIDGET (title), is_mapped_switcher, GINT_TO_POINTER (ADW_VIEW_SWITCHER_POLICY_NARROW)));
}

/* The real app as a subprocess on @db_path: it reaches a first frame and exits cleanly. */
static void
assert_app_shows_first_frame (const char *db_path)
{
  const char *app = g_getenv ("PK_TEST_APP");
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (app);
  g_subprocess_launcher_setenv (launcher, "PROTOKOLL_BENCH_FIRST_FRAME", "1", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, app, "--db", db_path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_true (g_str_has_prefix (out, "first-frame-us "));
}

/* The real app's start-up path (the file read on a thread while GTK starts, with the meeting to
 * select): on meetings, on a database without any (the empty page, built then) and on a file that
 * is no database (the error page, built then; the file is left as it was). */
static void
test_app_starts (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.db", NULL);
  g_autofree char *broken = g_build_filename (fixture->dir, "broken.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  for (int i = 0; i < 12; i++)
    {
      g_autofree char *title = g_strdup_printf ("Sammanträde %d", i + 1);
      g_autofree char *date = g_strdup_printf ("2026-%02d-10", i + 1);
      import_meeting (fixture->db_path, i % 2 ? "Kommunstyrelsen" : "Socialnämnden", title, date);
    }
  assert_app_shows_first_frame (fixture->db_path);

  assert_app_shows_first_frame (empty);
  g_assert_cmpint (pk_test_sql_int (empty, "SELECT count(*) FROM meeting"), ==, 0);

  g_assert_true (g_file_set_contents (broken, "not a database at all, just text", -1, NULL));
  before = pk_test_file_checksum (broken);
  assert_app_shows_first_frame (broken);
  after = pk_test_file_checksum (broken);
  g_assert_cmpstr (before, ==, after);
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PkApplication) app = NULL;

  g_unsetenv ("GTK_THEME");  /* as on a desktop without one; /window/style-sheet relies on it */
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The window keeps the app alive while it writes; a registered default app is all it needs. */
  app = pk_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  ADD ("/window/opens-with-meetings", test_opens_with_meetings);
  ADD ("/window/menus-and-shortcuts", test_menus_and_shortcuts);
  ADD ("/window/narrow-switcher-bar", test_narrow_switcher_bar);
  ADD ("/window/long-sidebar", test_long_sidebar);
  ADD ("/window/package-and-invitation", test_package_and_invitation);
  ADD ("/window/search-meetings", test_search_meetings);
  ADD ("/window/import-text", test_import_text);
  ADD ("/window/minutes-typing", test_minutes_typing);
  ADD ("/window/bilagor", test_bilagor);
  ADD ("/window/new-meeting-appears", test_new_meeting_appears);
  ADD ("/window/title-edit-saved", test_title_edit_saved);
  ADD ("/window/kind-menu", test_kind_menu);
  ADD ("/window/tooltips", test_tooltips);
  ADD ("/window/app-starts", test_app_starts);
  ADD ("/window/style-sheet", test_style_sheet);
  ADD ("/window/agenda-overrun", test_agenda_overrun);
  ADD ("/window/switcher-title", test_switcher_title);
  ADD ("/window/invalid-date-not-saved", test_invalid_date_not_saved);
  ADD ("/window/delete-with-undo", test_delete_with_undo);
  ADD ("/window/corrupt-database-shows-error", test_corrupt_database_shows_error);
  ADD ("/window/panels-show-items-and-roster", test_panels_show_items_and_roster);
  ADD ("/window/window-size-remembered", test_window_size_remembered);
  ADD ("/window/agenda-keyboard-reorder", test_agenda_keyboard_reorder);
  ADD ("/window/agenda-editor", test_agenda_editor);
  ADD ("/window/new-meeting-has-standard-items", test_new_meeting_has_standard_items);
  ADD ("/window/attendance-by-keyboard", test_attendance_by_keyboard);
  ADD ("/window/register", test_register_window);
  ADD ("/window/justering", test_justering_in_app);
  ADD ("/window/export-dialog", test_export_dialog);

  return g_test_run ();
}
