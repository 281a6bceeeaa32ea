/* pk-window.c: the main window: opening the database, the meeting sidebar, the selected meeting. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pk-lazy.h"
#include "pk-meeting-row.h"
#include "pk-window-private.h"

/* Below this default width a window cannot show the wide panel switcher in its first frame. */
#define WIDE_SWITCHER_WINDOW_WIDTH 1150

G_DEFINE_FINAL_TYPE (PkWindow, pk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The application's settings; the window may exist before it is added to the application. */
static GSettings *
window_settings (void)
{
  GApplication *application = g_application_get_default ();

  return PK_IS_APPLICATION (application) ? pk_application_get_settings (PK_APPLICATION (application)) : NULL;
}

static void ensure_page (PkWindow   *self,
                         GtkStack   *stack,
                         const char *name);

/* ---- the sidebar ---- */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, GTK_WIDGET (pk_meeting_row_new ()));
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  GObject *item = gtk_list_item_get_item (list_item);
  PkMeetingRow *row = PK_MEETING_ROW (gtk_list_item_get_child (list_item));
  gboolean is_meeting = PK_IS_MEETING (item);

  /* Headings are rows of their own so the selection highlights only the meeting. */
  gtk_list_item_set_selectable (list_item, is_meeting);
  gtk_list_item_set_activatable (list_item, is_meeting);
  if (is_meeting)
    pk_meeting_row_set_meeting (row, PK_MEETING (item));
  else
    pk_meeting_row_set_heading (row, gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  pk_meeting_row_set_meeting (PK_MEETING_ROW (gtk_list_item_get_child (list_item)), NULL);
}

/* What decides a meeting's place in the sidebar; a change re-sorts the list. */
static char *
sort_key (PkMeeting *meeting)
{
  return g_strdup_printf ("%s|%s|%s", pk_meeting_get_body (meeting), pk_meeting_get_date (meeting),
                          pk_meeting_get_start_time (meeting));
}

static void
remember_selection (PkWindow  *self,
                    PkMeeting *meeting)
{
  GSettings *settings = window_settings ();

  if (settings != NULL && meeting != NULL)
    g_settings_set_int64 (settings, "last-meeting-id", pk_meeting_get_id (meeting));
}

static void
on_selection_changed (PkWindow *self)
{
  PkMeeting *meeting = pk_window_get_selected_meeting (self);
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->meetings)) > 0;

  if (meeting != NULL)
    {
      pk_meeting_view_set_meeting (self->meeting_view, meeting);
      g_free (self->selected_sort_key);
      self->selected_sort_key = sort_key (meeting);
      gtk_stack_set_visible_child_name (self->content_stack, "meeting");
      remember_selection (self, meeting);
    }
  else if (!any)
    {
      pk_meeting_view_set_meeting (self->meeting_view, NULL);
      ensure_page (self, self->content_stack, "empty");
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }
  /* The panel switcher means nothing without a meeting. */
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_title), meeting != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), meeting != NULL);
  pk_window_update_actions (self);
}

static void
on_meeting_activated (PkWindow *self,
                      guint     position)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_clicked (PkWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The first fill of the sidebar puts in only what a tall window shows; the rest follows from an
 * idle, after the first frame. GTK 4.8's list view builds, measures and lays out every row it has
 * (up to 200), seen or not, and with them all the first frame came later. */
static guint
first_fill_rows (PkWindow *self)
{
  int width, height;

  /* Adwaita gives a .navigation-sidebar row a min-height of 36 pixels and a margin of 2 below,
   * whatever the font: no more than height / 38 rows (and one cut at the bottom) can show. A
   * maximized window is as tall as its monitor at most. Each row more is three text layouts more
   * in the first frame. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (gtk_window_is_maximized (GTK_WINDOW (self)) || height <= 0)
    height = 1600;
  return (guint) height / 38 + 1;
}

static void
cancel_sidebar_tail (PkWindow *self)
{
  g_clear_handle_id (&self->sidebar_tail_id, g_source_remove);
  g_clear_pointer (&self->sidebar_tail, g_ptr_array_unref);
}

static void
complete_sidebar (PkWindow *self)
{
  g_autoptr(GPtrArray) tail = g_steal_pointer (&self->sidebar_tail);

  g_clear_handle_id (&self->sidebar_tail_id, g_source_remove);
  if (tail != NULL)
    g_list_store_splice (self->rows, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), 0, tail->pdata, tail->len);
}

static gboolean
complete_sidebar_idle (gpointer data)
{
  PkWindow *self = data;

  self->sidebar_tail_id = 0;
  complete_sidebar (self);
  return G_SOURCE_REMOVE;
}

/* Selects the meeting with @meeting_id, or else the first meeting; FALSE if there is none. */
gboolean
pk_window_select_meeting (PkWindow *self,
                          gint64    meeting_id)
{
  guint n;
  guint first_meeting = GTK_INVALID_LIST_POSITION;

  if (self->sidebar_tail != NULL && meeting_id != 0)
    {
      /* Not among the first rows: the rest comes in now. */
      for (guint i = 0; i < self->sidebar_tail->len; i++)
        if (PK_IS_MEETING (self->sidebar_tail->pdata[i]) &&
            pk_meeting_get_id (self->sidebar_tail->pdata[i]) == meeting_id)
          {
            complete_sidebar (self);
            break;
          }
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (!PK_IS_MEETING (item))
        continue;
      if (first_meeting == GTK_INVALID_LIST_POSITION)
        first_meeting = i;
      if (pk_meeting_get_id (PK_MEETING (item)) == meeting_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          on_selection_changed (self);
          return TRUE;
        }
    }
  gtk_single_selection_set_selected (self->selection, first_meeting);
  on_selection_changed (self);
  return FALSE;
}

/* Sorts the meetings and lays out the sidebar: a heading row before each body's meetings. The
 * whole row list is replaced, so every row rebinds. */
void
pk_window_rebuild_sidebar (PkWindow *self)
{
  PkMeeting *selected = pk_window_get_selected_meeting (self);
  gint64 selected_id = selected != NULL ? pk_meeting_get_id (selected) : 0;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;
  guint first;
  const char *previous_body = NULL;

  cancel_sidebar_tail (self);
  g_list_store_sort (self->meetings, pk_meeting_compare_by_body_and_date, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->meetings));
  for (guint i = 0; i < n; i++)
    {
      PkMeeting *meeting = g_list_model_get_item (G_LIST_MODEL (self->meetings), i);
      const char *body = pk_meeting_get_body (meeting);

      if (i == 0 || g_strcmp0 (body, previous_body) != 0)
        g_ptr_array_add (rows, gtk_string_object_new (body != NULL ? body : ""));
      previous_body = body;
      g_ptr_array_add (rows, meeting);
    }
  first = rows->len;
  if (!self->sidebar_filled && rows->len > first_fill_rows (self))
    {
      first = first_fill_rows (self);
      self->sidebar_tail = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = first; i < rows->len; i++)
        g_ptr_array_add (self->sidebar_tail, g_object_ref (rows->pdata[i]));
      self->sidebar_tail_id = g_idle_add_full (G_PRIORITY_LOW, complete_sidebar_idle, self, NULL);
    }
  self->sidebar_filled = TRUE;
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, first);
  if (selected_id != 0)
    pk_window_select_meeting (self, selected_id);
}

static void
set_meetings (PkWindow   *self,
              GListModel *meetings)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (meetings);

  for (guint i = 0; i < n; i++)
    {
      PkMeeting *meeting = g_list_model_get_item (meetings, i);

      /* Deleted with undo still on offer: not shown, though still in the database. */
      if (g_hash_table_contains (self->pending_deletes, GSIZE_TO_POINTER ((gsize) pk_meeting_get_id (meeting))))
        g_object_unref (meeting);
      else
        g_ptr_array_add (items, meeting);
    }
  g_list_store_splice (self->meetings, 0, g_list_model_get_n_items (G_LIST_MODEL (self->meetings)),
                       items->pdata, items->len);
  pk_window_rebuild_sidebar (self);
}

typedef struct
{
  PkDatabase *database;
} ListJob;

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GListStore *meetings = pk_database_list_meetings (task_data, &error);

  if (meetings == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, meetings, g_object_unref);
}

static void
first_frame_painted (GdkFrameClock *clock,
                     PkWindow      *self)
{
  /* The bench (bench/run startup) times exec to the first frame that shows the meetings. */
  printf ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted, self);
  g_application_quit (g_application_get_default ());
}

static void
watch_next_paint (PkWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_signal_connect (clock, "after-paint", G_CALLBACK (first_frame_painted), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void report_first_frame_when_painted (PkWindow *self);

static void
report_first_frame_when_loaded (PkWindow *self)
{
  g_signal_handlers_disconnect_by_func (self->meeting_view, report_first_frame_when_loaded, self);
  report_first_frame_when_painted (self);
}

/* With PROTOKOLL_BENCH_FIRST_FRAME=1, the first frame that shows the loaded meetings and the
 * selected meeting's agenda (or the error page) is reported; the list may arrive before the window
 * is even realized. */
static void
report_first_frame_when_painted (PkWindow *self)
{
  if (!self->bench_first_frame)
    return;
  if (pk_meeting_view_is_loading (self->meeting_view))
    {
      g_signal_connect_swapped (self->meeting_view, "loaded", G_CALLBACK (report_first_frame_when_loaded), self);
      return;
    }
  self->bench_first_frame = FALSE;
  if (gtk_widget_get_realized (GTK_WIDGET (self)))
    watch_next_paint (self);
  else
    g_signal_connect (self, "realize", G_CALLBACK (watch_next_paint), NULL);
}

static void
show_meetings (PkWindow   *self,
               GListModel *meetings)
{
  gint64 select_id = self->select_after_reload;

  self->opening = FALSE;
  set_meetings (self, meetings);
  gtk_stack_set_visible_child_name (self->main_stack, "meetings");

  if (select_id == 0)
    {
      GSettings *settings = window_settings ();
      if (settings != NULL)
        select_id = g_settings_get_int64 (settings, "last-meeting-id");
    }
  self->select_after_reload = 0;
  pk_window_select_meeting (self, select_id);
  report_first_frame_when_painted (self);
}

static void
list_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  PkWindow *self = PK_WINDOW (source);
  g_autoptr(GListStore) meetings = NULL;
  g_autoptr(GError) error = NULL;

  meetings = g_task_propagate_pointer (G_TASK (result), &error);
  if (meetings == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        pk_window_show_toast (self, error->message);
      return;
    }
  show_meetings (self, G_LIST_MODEL (meetings));
}

void
pk_window_reload_meetings (PkWindow *self,
                           gint64    select_id)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (self->database != NULL);

  self->select_after_reload = select_id;
  task = g_task_new (self, self->cancellable, list_done, NULL);
  g_task_set_source_tag (task, pk_window_reload_meetings);
  g_task_set_task_data (task, g_object_ref (self->database), g_object_unref);
  pk_database_run_in_worker (self->database, task, list_thread);
}

/* ---- opening the database ---- */

/* The pages of pk-window-pages.ui, each built the first time it is needed: a start on a good
 * database shows none of them. */
static void
ensure_page (PkWindow   *self,
             GtkStack   *stack,
             const char *name)
{
  g_autoptr(GtkBuilder) builder = pk_stack_ensure_page (stack, name, "/io/github/protokoll/Protokoll/pk-window-pages.ui");

  if (builder != NULL && g_str_equal (name, "error"))
    {
      self->error_page = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "error_page"));
      pk_menu_button_set_menu_lazily (GTK_MENU_BUTTON (gtk_builder_get_object (builder, "error_menu_button")),
                                      self->primary_menu);
    }
}

static void
show_error (PkWindow     *self,
            const GError *error)
{
  g_autofree char *description = NULL;

  if (g_error_matches (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NEWER_VERSION))
    description = g_strdup_printf ("%s\n\n%s", error->message,
                                   _("The file has not been changed."));
  else if (error->domain == PK_DATABASE_ERROR &&
           (error->code == PK_DATABASE_ERROR_CORRUPT || error->code == PK_DATABASE_ERROR_NOT_DATABASE))
    description = g_strdup_printf ("%s\n\n%s", error->message,
                                   _("Protokoll has not written to it. Keep a copy before trying to "
                                     "repair it, and open another database or start a new one."));
  else
    description = g_strdup (error->message);

  self->opening = FALSE;
  ensure_page (self, self->main_stack, "error");
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  gtk_widget_grab_focus (GTK_WIDGET (self->main_stack));
  pk_window_update_actions (self);
  report_first_frame_when_painted (self);
}

static void
database_ready (PkDatabase   *database,
                GListStore   *meetings,
                PkMeeting    *selected,
                const GError *error,
                gpointer      user_data)
{
  PkWindow *self = user_data;

  /* A late answer for a file the user has since left behind. */
  if (database != NULL && g_strcmp0 (pk_database_get_path (database), self->opening_path) != 0)
    return;
  if (database == NULL)
    {
      show_error (self, error);
      return;
    }
  g_set_object (&self->database, database);
  pk_meeting_view_set_database (self->meeting_view, database);
  pk_meeting_view_offer_read_meeting (self->meeting_view, selected);
  pk_search_results_set_database (self->search_results, database);
  show_meetings (self, G_LIST_MODEL (meetings));
}

static void
database_opened (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PkWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) meetings = NULL;
  g_autoptr(PkDatabase) database = pk_database_open_with_meetings_finish (result, &meetings, &error);

  /* Cancelled: the user has opened another file since. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  database_ready (database, meetings, NULL, error, self);
}

void
pk_window_open_database (PkWindow   *self,
                         const char *path)
{
  GSettings *settings;

  g_return_if_fail (PK_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  pk_window_commit_deletes (self);
  pk_meeting_view_set_database (self->meeting_view, NULL);
  pk_search_results_set_database (self->search_results, NULL);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->database);
  g_list_store_remove_all (self->meetings);

  if (path != self->database_path)
    {
      g_free (self->database_path);
      self->database_path = g_strdup (path);
    }
  settings = window_settings ();
  if (settings != NULL && g_getenv ("PROTOKOLL_DB") == NULL)
    g_settings_set_string (settings, "last-database", path);

  g_free (self->opening_path);
  self->opening_path = g_strdup (path);
  self->opening = TRUE;
  if (!PK_IS_APPLICATION (g_application_get_default ()) ||
      !pk_application_take_startup_open (PK_APPLICATION (g_application_get_default ()), path,
                                         database_ready, g_object_ref (self), g_object_unref))
    pk_database_open_with_meetings_async (path, self->cancellable, database_opened, g_object_ref (self));
  /* The start-up open is usually done by now and has shown the meetings: no spinner for that. */
  if (self->opening)
    {
      ensure_page (self, self->main_stack, "loading");
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
    }
  pk_window_update_actions (self);
}

/* ---- window life ---- */

static void
on_view_saved (PkWindow  *self,
               PkMeeting *saved)
{
  g_autofree char *key = sort_key (saved);

  if (g_strcmp0 (key, self->selected_sort_key) != 0)
    {
      g_free (self->selected_sort_key);
      self->selected_sort_key = g_steal_pointer (&key);
      pk_window_rebuild_sidebar (self);
    }
}

static void
on_view_save_failed (PkWindow   *self,
                     const char *message)
{
  g_autofree char *text = g_strdup_printf (_("Not saved: %s"), message);
  pk_window_show_toast (self, text);
}

static gboolean
pk_window_close_request (GtkWindow *window)
{
  PkWindow *self = PK_WINDOW (window);
  GSettings *settings = window_settings ();

  pk_meeting_view_flush (self->meeting_view);
  pk_window_commit_deletes (self);
  if (settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
    }
  return GTK_WINDOW_CLASS (pk_window_parent_class)->close_request (window);
}

static void
pk_window_constructed (GObject *object)
{
  PkWindow *self = PK_WINDOW (object);
  GSettings *settings = window_settings ();
  g_autofree char *path = NULL;
  gboolean maximized = FALSE;
  int width, height;

  G_OBJECT_CLASS (pk_window_parent_class)->constructed (object);

  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      maximized = g_settings_get_boolean (settings, "window-maximized");
      if (maximized)
        gtk_window_maximize (GTK_WINDOW (self));
    }
  /* The wide panel switcher needs about 740 pixels of the content's header with Adwaita's font,
   * which a window narrower than about 1220 does not have: a window that starts wider gets it
   * made before its first frame (pk-view-switcher-title.c). */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (maximized || width >= WIDE_SWITCHER_WINDOW_WIDTH)
    pk_view_switcher_title_prepare_wide (self->switcher_title);

  if (self->database_path != NULL)
    path = g_strdup (self->database_path);
  else if (PK_IS_APPLICATION (g_application_get_default ()))
    path = pk_application_get_database_path (PK_APPLICATION (g_application_get_default ()));
  else
    path = pk_database_get_default_path ();
  pk_window_open_database (self, path);
}

static void
pk_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PkWindow *self = PK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PkWindow *self = PK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_free (self->database_path);
      self->database_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_window_dispose (GObject *object)
{
  PkWindow *self = PK_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  cancel_sidebar_tail (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PK_TYPE_WINDOW);
  G_OBJECT_CLASS (pk_window_parent_class)->dispose (object);
}

static void
pk_window_finalize (GObject *object)
{
  PkWindow *self = PK_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->meetings);
  g_clear_pointer (&self->pending_deletes, g_hash_table_unref);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->opening_path, g_free);
  g_clear_pointer (&self->selected_sort_key, g_free);
  G_OBJECT_CLASS (pk_window_parent_class)->finalize (object);
}

/* Set here, not in the template: see pk_widget_set_tooltip(). */
static const PkTemplateTooltip window_tooltips[] = {
  { "new_meeting_button", N_("New Meeting (Ctrl+N)") },
  { "search_button", N_("Search All Meetings (Ctrl+F)") },
  { "sidebar_menu_button", N_("Main Menu") },
  { "back_button", N_("Back to Meetings") },
  { "meeting_menu_button", N_("Meeting Menu") },
};

static void
pk_window_class_init (PkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = pk_window_constructed;
  object_class->get_property = pk_window_get_property;
  object_class->set_property = pk_window_set_property;
  object_class->dispose = pk_window_dispose;
  object_class->finalize = pk_window_finalize;
  window_class->close_request = pk_window_close_request;

  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PK_TYPE_MEETING_VIEW);
  g_type_ensure (PK_TYPE_SEARCH_RESULTS);
  g_type_ensure (PK_TYPE_VIEW_SWITCHER_TITLE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/protokoll/Protokoll/pk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PkWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PkWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PkWindow, meeting_list);
  gtk_widget_class_bind_template_child (widget_class, PkWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, PkWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PkWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, PkWindow, search_results);
  gtk_widget_class_bind_template_child (widget_class, PkWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PkWindow, meeting_view);
  gtk_widget_class_bind_template_child (widget_class, PkWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PkWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, PkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PkWindow, meeting_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PkWindow, sidebar_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PkWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, PkWindow, meeting_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  pk_window_class_install_actions (widget_class);
  pk_window_class_install_share_actions (widget_class);
}

/* ---- search ---- */

static void
on_search_changed (PkWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean searching = pk_str_or_null (text) != NULL;

  gtk_stack_set_visible_child_name (self->sidebar_stack, searching ? "results" : "meetings");
  pk_search_results_set_text (self->search_results, searching ? text : NULL);
}

/* The search entry is made when a search first starts, not with the window: GTK 4.8's search
 * entry asks the X server for the pointer when it is made (its icon's tooltip), and a closed
 * search bar still styles and measures its entry, in every first frame. */
static void
ensure_search_entry (PkWindow *self)
{
  if (self->search_entry != NULL)
    return;
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry,
                "placeholder-text", _("Search all meetings"),
                "hexpand", TRUE,
                NULL);
  gtk_search_bar_set_child (self->search_bar, GTK_WIDGET (self->search_entry));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->meeting_list));
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
}

/* Type-to-search in the sidebar before the entry exists: what GtkSearchBar does with its key
 * capture widget (text typed in the list starts a search with it), once the entry is made. */
static gboolean
on_sidebar_key_pressed (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        PkWindow              *self)
{
  gunichar c = gdk_keyval_to_unicode (keyval);

  if (self->search_entry != NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->search_bar)))
    return GDK_EVENT_PROPAGATE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 || c == 0 || !g_unichar_isgraph (c))
    return GDK_EVENT_PROPAGATE;
  ensure_search_entry (self);
  /* The entry listens to the bar's keys (gtk_search_bar_connect_entry): give it this one. */
  if (!gtk_event_controller_key_forward (controller, GTK_WIDGET (self->search_bar)))
    return GDK_EVENT_PROPAGATE;
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  return GDK_EVENT_STOP;
}

static void
on_search_mode (PkWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    ensure_search_entry (self);
  else if (self->search_entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* A hit opens its meeting on the panel where the hit is. */
static void
on_hit_activated (PkWindow    *self,
                  PkSearchHit *hit)
{
  static const char *const panels[] = {
    [PK_SEARCH_KIND_MEETING] = "agenda",
    [PK_SEARCH_KIND_ITEM] = "agenda",
    [PK_SEARCH_KIND_DECISION] = "decisions",
    [PK_SEARCH_KIND_ACTION] = "decisions",
    [PK_SEARCH_KIND_ATTACHMENT] = "attachments",
  };
  PkSearchKind kind = pk_search_hit_get_kind (hit);

  if (!pk_window_select_meeting (self, pk_search_hit_get_meeting_id (hit)))
    return;
  if ((guint) kind < G_N_ELEMENTS (panels) && panels[kind] != NULL)
    adw_view_stack_set_visible_child_name (pk_meeting_view_get_stack (self->meeting_view), panels[kind]);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static gboolean
start_search (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  PkWindow *self = PK_WINDOW (widget);

  if (gtk_widget_get_visible (GTK_WIDGET (self->search_button)) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "meetings") == 0)
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      ensure_search_entry (self);
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
  return TRUE;
}

static void
on_switcher_bar_reveal (PkWindow *self)
{
  if (adw_view_switcher_bar_get_reveal (self->switcher_bar) && adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, pk_meeting_view_get_stack (self->meeting_view));
}

static void
pk_window_init (PkWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  AdwViewStack *stack;

  gtk_widget_init_template (GTK_WIDGET (self));
  pk_template_set_tooltips (GTK_WIDGET (self), window_tooltips, G_N_ELEMENTS (window_tooltips));
#if DEVELOPMENT_PROFILE
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->pending_deletes = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->bench_first_frame = g_strcmp0 (g_getenv ("PROTOKOLL_BENCH_FIRST_FRAME"), "1") == 0;

  self->meetings = g_list_store_new (PK_TYPE_MEETING);
  self->rows = g_list_store_new (G_TYPE_OBJECT);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->meeting_list, factory);
  gtk_list_view_set_model (self->meeting_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->meeting_list, "activate", G_CALLBACK (on_meeting_activated), self);

  pk_menu_button_set_menu_lazily (self->sidebar_menu_button, self->primary_menu);
  pk_menu_button_set_menu_lazily (self->meeting_menu_button, self->meeting_menu);

  stack = pk_meeting_view_get_stack (self->meeting_view);
  pk_view_switcher_title_set_stack (self->switcher_title, stack);
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect (keys, "key-pressed", G_CALLBACK (on_sidebar_key_pressed), self);
    gtk_widget_add_controller (GTK_WIDGET (self->meeting_list), keys);
  }
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (on_search_mode), self);
  g_signal_connect_swapped (self->search_results, "hit-activated", G_CALLBACK (on_hit_activated), self);
  /* Ctrl+F that nothing inside took (the attachment viewer has its own): bubbling, at the window. */
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                            gtk_callback_action_new (start_search, NULL, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }

  /* The bar is for a narrow window; its buttons are made when it is first revealed. */
  g_signal_connect_swapped (self->switcher_bar, "notify::reveal", G_CALLBACK (on_switcher_bar_reveal), self);
  on_switcher_bar_reveal (self);
  g_signal_connect_object (self->meeting_view, "saved", G_CALLBACK (on_view_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->meeting_view, "save-failed", G_CALLBACK (on_view_save_failed), self,
                           G_CONNECT_SWAPPED);

  pk_window_update_actions (self);
}

PkWindow *
pk_window_new (PkApplication *application,
               const char    *database_path)
{
  return g_object_new (PK_TYPE_WINDOW,
                       "application", application,
                       "database-path", database_path,
                       NULL);
}

PkDatabase *
pk_window_get_database (PkWindow *self)
{
  g_return_val_if_fail (PK_IS_WINDOW (self), NULL);
  return self->database;
}

GListModel *
pk_window_get_meetings (PkWindow *self)
{
  g_return_val_if_fail (PK_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->meetings);
}

PkMeeting *
pk_window_get_selected_meeting (PkWindow *self)
{
  GObject *item;

  g_return_val_if_fail (PK_IS_WINDOW (self), NULL);
  item = gtk_single_selection_get_selected_item (self->selection);
  return PK_IS_MEETING (item) ? PK_MEETING (item) : NULL;
}

const char *
pk_window_get_state (PkWindow *self)
{
  g_return_val_if_fail (PK_IS_WINDOW (self), NULL);
  return self->opening ? "loading" : gtk_stack_get_visible_child_name (self->main_stack);
}

GtkWidget *
pk_window_get_meeting_view (PkWindow *self)
{
  g_return_val_if_fail (PK_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->meeting_view);
}

void
pk_window_show_toast (PkWindow   *self,
                      const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
