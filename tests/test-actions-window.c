/* test-actions-window.c: the action register window under Xvfb, on a real database file. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pk-actions-window.h"
#include "pk-application.h"
#include "pk-meeting-view.h"
#include "pk-test-util.h"
#include "pk-window.h"
#include "protokoll-core.h"

typedef struct
{
  char *dir;
  char *db_path;
  PkWindow *window;
  gint64 ks, sn;
} Fixture;

static gboolean
window_ready (gpointer data)
{
  Fixture *fixture = data;
  return g_strcmp0 (pk_window_get_state (fixture->window), "loading") != 0;
}

static PkAgendaItem *
add_item (GListStore *items,
          const char *title)
{
  g_autoptr(PkAgendaItem) item = pk_agenda_item_new ();

  pk_agenda_item_set_title (item, title);
  g_list_store_append (items, item);
  return item;
}

static void
add_action (PkAgendaItem  *item,
            const char    *text,
            const char    *owner,
            const char    *due,
            PkActionState  state)
{
  g_autoptr(PkAction) action = pk_action_new ();

  pk_action_set_text (action, text);
  pk_action_set_owner (action, owner);
  pk_action_set_due (action, due);
  pk_action_set_state (action, state);
  g_list_store_append (pk_agenda_item_get_actions (item), action);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkDatabase) db = NULL;
  g_autoptr(PkMeeting) ks = pk_meeting_new ();
  g_autoptr(PkMeeting) sn = pk_meeting_new ();
  g_autoptr(PkMeeting) other = pk_meeting_new ();
  PkAgendaItem *item;

  fixture->dir = pk_test_dir_new ();
  fixture->db_path = g_build_filename (fixture->dir, "actions-window.db", NULL);
  db = pk_database_open (fixture->db_path, &error);
  g_assert_no_error (error);

  /* Overdue whenever the test runs: due dates long past, and one far ahead. */
  pk_meeting_set_body (ks, "Kommunstyrelsen");
  pk_meeting_set_title (ks, "Sammanträde");
  pk_meeting_set_date (ks, "2020-01-10");
  add_item (pk_meeting_get_items (ks), "Mötets öppnande");
  item = add_item (pk_meeting_get_items (ks), "Budget 2021");
  add_action (item, "Ta fram ett förslag till budget för förskolan", "Åsa Lind", "2020-02-01", PK_ACTION_STATE_OPEN);
  add_action (item, "Rapportera utfallet för första kvartalet", "Per Sandberg", "2020-04-01", PK_ACTION_STATE_DONE);
  item = add_item (pk_agenda_item_get_items (item), "Investeringar");
  add_action (item, "Utred skolskjutsen i norra kommundelen", "Per Sandberg", NULL, PK_ACTION_STATE_OPEN);
  fixture->ks = pk_database_insert_meeting (db, ks, &error);
  g_assert_no_error (error);

  pk_meeting_set_body (sn, "Socialnämnden");
  pk_meeting_set_title (sn, "Sammanträde");
  pk_meeting_set_date (sn, "2020-03-05");
  item = add_item (pk_meeting_get_items (sn), "Äldreomsorg");
  add_action (item, "Kalla till dialogmöte med pensionärsrådet", "Karin Ek", "2020-03-01", PK_ACTION_STATE_OPEN);
  add_action (item, "Följ upp bemanningen på Solgården", "Karin Ek", "2099-01-01", PK_ACTION_STATE_OPEN);
  fixture->sn = pk_database_insert_meeting (db, sn, &error);
  g_assert_no_error (error);

  /* The newest meeting, selected when the window opens. */
  pk_meeting_set_body (other, "Socialnämnden");
  pk_meeting_set_title (other, "Extra sammanträde");
  pk_meeting_set_date (other, "2020-06-01");
  pk_database_insert_meeting (db, other, &error);
  g_assert_no_error (error);
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

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
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
register_idle (gpointer data)
{
  return !pk_actions_window_is_busy (data);
}

typedef struct
{
  PkActionsWindow *window;
  guint n;
} Count;

static gboolean
shows_n (gpointer data)
{
  Count *count = data;
  return !pk_actions_window_is_busy (count->window) &&
         g_list_model_get_n_items (pk_actions_window_get_entries (count->window)) == count->n;
}

static void
wait_for_n (PkActionsWindow *window,
            guint            n)
{
  Count count = { window, n };
  pk_test_wait_until (shows_n, &count);
}

static PkActionsWindow *
open_register (Fixture *fixture)
{
  PkActionsWindow *window;

  fixture->window = pk_window_new (PK_APPLICATION (g_application_get_default ()), fixture->db_path);
  g_object_ref_sink (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  pk_test_wait_until (window_ready, fixture);
  g_assert_cmpstr (pk_window_get_state (fixture->window), ==, "meetings");

  /* As the menu entry and Ctrl+Shift+A do. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-actions", NULL));
  window = PK_ACTIONS_WINDOW (find_toplevel (PK_TYPE_ACTIONS_WINDOW));
  g_assert_nonnull (window);
  pk_test_wait_until (register_idle, window);
  return window;
}

static guint
index_of_text (GListModel *entries,
               const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PkActionEntry) entry = g_list_model_get_item (entries, i);
      if (g_strcmp0 (pk_action_entry_get_text (entry), text) == 0)
        return i;
    }
  return G_MAXUINT;
}

static void
test_lists_filters_and_jumps (Fixture       *fixture,
                              gconstpointer  data)
{
  PkActionsWindow *window = open_register (fixture);
  GListModel *entries = pk_actions_window_get_entries (window);
  GtkToggleButton *open_toggle;
  GtkSearchEntry *owner;
  GtkDropDown *bodies;
  GtkColumnView *view;
  PkMeeting *selected;
  guint position;

  /* Opens on the open actions, overdue first. */
  wait_for_n (window, 4);
  {
    g_autoptr(PkActionEntry) first = g_list_model_get_item (entries, 0);
    g_assert_cmpstr (pk_action_entry_get_text (first), ==, "Ta fram ett förslag till budget för förskolan");
    g_assert_true (pk_action_entry_get_overdue (first));
  }
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  /* Open off: the done one too. */
  open_toggle = GTK_TOGGLE_BUTTON (find_descendant (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON));
  g_assert_true (gtk_toggle_button_get_active (open_toggle));
  gtk_toggle_button_set_active (open_toggle, FALSE);
  wait_for_n (window, 5);
  g_assert_cmpuint (index_of_text (entries, "Rapportera utfallet för första kvartalet"), ==, 4);

  /* Owner search. */
  owner = GTK_SEARCH_ENTRY (find_descendant (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY));
  gtk_editable_set_text (GTK_EDITABLE (owner), "sandberg");
  wait_for_n (window, 2);
  gtk_editable_set_text (GTK_EDITABLE (owner), "");
  wait_for_n (window, 5);

  /* Body dropdown: "All bodies", then the bodies by name. */
  bodies = GTK_DROP_DOWN (find_descendant (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (bodies)), ==, 3);
  gtk_drop_down_set_selected (bodies, 2);
  wait_for_n (window, 2);
  g_assert_cmpuint (index_of_text (entries, "Kalla till dialogmöte med pensionärsrådet"), !=, G_MAXUINT);

  /* Activating a row selects its meeting in the main window. */
  selected = pk_window_get_selected_meeting (fixture->window);
  g_assert_cmpint (pk_meeting_get_id (selected), !=, fixture->sn);
  view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
  position = index_of_text (entries, "Kalla till dialogmöte med pensionärsrådet");
  g_signal_emit_by_name (view, "activate", position);
  selected = pk_window_get_selected_meeting (fixture->window);
  g_assert_nonnull (selected);
  g_assert_cmpint (pk_meeting_get_id (selected), ==, fixture->sn);

  /* And through the row's button action, to the other body's meeting. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "actions.show-meeting", "x", fixture->ks));
  g_assert_cmpint (pk_meeting_get_id (pk_window_get_selected_meeting (fixture->window)), ==, fixture->ks);

  /* A meeting that is gone: a toast, the selection stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-meeting", "x", (gint64) 999));
  g_assert_cmpint (pk_meeting_get_id (pk_window_get_selected_meeting (fixture->window)), ==, fixture->ks);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
stored_done (gpointer data)
{
  Fixture *fixture = data;
  return pk_test_sql_int (fixture->db_path,
                          "SELECT count(*) FROM action WHERE state = 'done' AND closed_in_meeting_id IS NOT NULL") == 1;
}

/* Closing an action from the register: on disk, and gone from the open list. Overdue filter. */
static void
test_close_and_overdue (Fixture       *fixture,
                        gconstpointer  data)
{
  PkActionsWindow *window = open_register (fixture);
  GListModel *entries = pk_actions_window_get_entries (window);
  GtkWidget *overdue;
  guint position;

  wait_for_n (window, 4);
  position = index_of_text (entries, "Ta fram ett förslag till budget för förskolan");
  pk_actions_window_set_done (window, position, TRUE);
  pk_test_wait_until (stored_done, fixture);
  wait_for_n (window, 3);
  g_assert_cmpuint (index_of_text (entries, "Ta fram ett förslag till budget för förskolan"), ==, G_MAXUINT);

  /* The second toggle button in the bar is "Overdue". */
  overdue = gtk_widget_get_next_sibling (find_descendant (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON));
  g_assert_true (GTK_IS_TOGGLE_BUTTON (overdue));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (overdue), TRUE);
  wait_for_n (window, 1);
  {
    g_autoptr(PkActionEntry) entry = g_list_model_get_item (entries, 0);
    g_assert_cmpstr (pk_action_entry_get_text (entry), ==, "Kalla till dialogmöte med pensionärsrådet");
  }

  if (g_getenv ("PK_SCREENSHOT") != NULL)
    {
      /* For the record (build-aux): the register with data, taken from outside. */
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (overdue), FALSE);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_descendant (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON)),
                                    FALSE);
      wait_for_n (window, 5);
      /* No window manager under Xvfb keeps the register above its parent: the parent steps aside. */
      gtk_widget_set_visible (GTK_WIDGET (fixture->window), FALSE);
      gtk_window_present (GTK_WINDOW (window));
      pk_test_wait_ms (500);
      g_spawn_command_line_sync (g_getenv ("PK_SCREENSHOT"), NULL, NULL, NULL, NULL);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Nothing to list: the empty page says so. */
static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  PkActionsWindow *window = open_register (fixture);
  GtkSearchEntry *owner = GTK_SEARCH_ENTRY (find_descendant (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY));
  GtkWidget *view = find_descendant (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW);
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (view, GTK_TYPE_STACK));

  wait_for_n (window, 4);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  gtk_editable_set_text (GTK_EDITABLE (owner), "Ingen med det namnet");
  wait_for_n (window, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  {
    AdwStatusPage *page = ADW_STATUS_PAGE (gtk_stack_get_visible_child (stack));
    g_assert_cmpstr (adw_status_page_get_title (page), ==, "No Matching Actions");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
toast_shown (gpointer data)
{
  /* The toast's label is in the window once it shows. */
  GtkWidget *toast = NULL;
  GtkWidget *root = data;

  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL && toast == NULL;)
    {
      if (g_strcmp0 (G_OBJECT_TYPE_NAME (w), "AdwToastWidget") == 0)
        toast = w;
      else if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != root && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == root ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  return toast != NULL;
}

/* Approved minutes: closing one of their actions is refused, said in a toast, nothing changes. */
static void
test_justerat_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  PkActionsWindow *window;
  GListModel *entries;
  guint position;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PkDatabase) db = pk_database_open (fixture->db_path, &error);
    const PkRole roles[] = { PK_ROLE_SEKRETERARE, PK_ROLE_ORDFORANDE, PK_ROLE_JUSTERARE };
    gboolean justerat = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
      {
        g_assert_true (pk_database_sign (db, fixture->sn, roles[i], "Ewa Ekman", "Växjö", &justerat, &error));
        g_assert_no_error (error);
      }
    g_assert_true (justerat);
  }
  window = open_register (fixture);
  entries = pk_actions_window_get_entries (window);
  wait_for_n (window, 4);
  position = index_of_text (entries, "Kalla till dialogmöte med pensionärsrådet");
  pk_actions_window_set_done (window, position, TRUE);
  pk_test_wait_until (toast_shown, window);
  wait_for_n (window, 4);
  g_assert_cmpint (pk_test_sql_int (fixture->db_path,
                                    "SELECT count(*) FROM action WHERE text = 'Kalla till dialogmöte med pensionärsrådet'"
                                    " AND state = 'open'"), ==, 1);
  g_assert_cmpuint (index_of_text (entries, "Kalla till dialogmöte med pensionärsrådet"), !=, G_MAXUINT);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
shown_action_done (gpointer data)
{
  Fixture *fixture = data;
  PkMeeting *meeting = pk_meeting_view_get_loaded_meeting (PK_MEETING_VIEW (pk_window_get_meeting_view (fixture->window)));
  g_autoptr(PkAgendaItem) budget = NULL;
  g_autoptr(PkAction) action = NULL;

  if (meeting == NULL || pk_meeting_get_id (meeting) != fixture->ks ||
      g_list_model_get_n_items (G_LIST_MODEL (pk_meeting_get_items (meeting))) < 2)
    return FALSE;
  budget = g_list_model_get_item (G_LIST_MODEL (pk_meeting_get_items (meeting)), 1);
  action = g_list_model_get_item (G_LIST_MODEL (pk_agenda_item_get_actions (budget)), 0);
  return action != NULL && pk_action_get_state (action) == PK_ACTION_STATE_DONE;
}

/* The meeting on screen is read again after the register closed one of its actions. */
static void
test_shown_meeting_follows (Fixture       *fixture,
                            gconstpointer  data)
{
  PkActionsWindow *window = open_register (fixture);
  GListModel *entries = pk_actions_window_get_entries (window);

  wait_for_n (window, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "actions.show-meeting", "x", fixture->ks));
  g_assert_cmpint (pk_meeting_get_id (pk_window_get_selected_meeting (fixture->window)), ==, fixture->ks);
  pk_actions_window_set_done (window, index_of_text (entries, "Ta fram ett förslag till budget för förskolan"), TRUE);
  wait_for_n (window, 3);
  pk_test_wait_until (shown_action_done, fixture);
  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
shown_dues (GListModel *entries)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PkActionEntry) entry = g_list_model_get_item (entries, i);
      g_string_append_printf (text, "%s%s", i ? "|" : "",
                              pk_action_entry_get_due (entry) ? pk_action_entry_get_due (entry) : "-");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A header click sorts; activation and closing follow the order shown. */
static void
test_sort_by_column (Fixture       *fixture,
                     gconstpointer  data)
{
  PkActionsWindow *window = open_register (fixture);
  GListModel *entries = pk_actions_window_get_entries (window);
  GtkColumnView *view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) due = g_list_model_get_item (columns, 1);
  g_autoptr(GtkColumnViewColumn) owner = g_list_model_get_item (columns, 3);
  g_autofree char *order = NULL;

  wait_for_n (window, 4);
  g_assert_cmpstr (gtk_column_view_column_get_title (due), ==, "Due");
  gtk_column_view_sort_by_column (view, due, GTK_SORT_DESCENDING);
  order = shown_dues (entries);
  /* Descending: the undated one first (it sorts last ascending). */
  g_assert_cmpstr (order, ==, "-|2099-01-01|2020-03-01|2020-02-01");

  gtk_column_view_sort_by_column (view, owner, GTK_SORT_ASCENDING);
  {
    g_autoptr(PkActionEntry) first = g_list_model_get_item (entries, 0);
    g_autoptr(PkActionEntry) last = g_list_model_get_item (entries, 3);
    g_assert_cmpstr (pk_action_entry_get_owner (first), ==, "Karin Ek");
    g_assert_cmpstr (pk_action_entry_get_owner (last), ==, "Åsa Lind");
  }
  /* Activating the first row shown goes to its meeting, Socialnämnden's. */
  g_signal_emit_by_name (view, "activate", 0);
  g_assert_cmpint (pk_meeting_get_id (pk_window_get_selected_meeting (fixture->window)), ==, fixture->sn);
  gtk_window_destroy (GTK_WINDOW (window));
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PkApplication) app = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = pk_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  ADD ("/actions-window/lists-filters-and-jumps", test_lists_filters_and_jumps);
  ADD ("/actions-window/close-and-overdue", test_close_and_overdue);
  ADD ("/actions-window/empty-state", test_empty_state);
  ADD ("/actions-window/justerat-refused", test_justerat_refused);
  ADD ("/actions-window/shown-meeting-follows", test_shown_meeting_follows);
  ADD ("/actions-window/sort-by-column", test_sort_by_column);
  return g_test_run ();
}
