/* pk-application.c: the Protokoll application: options, actions, accelerators, windows. */
#include "config.h"

#include <glib/gi18n.h>

#include "pk-application.h"
#include "pk-meeting-view.h"
#include "pk-window.h"
#include "protokoll-core.h"

struct _PkApplication
{
  AdwApplication parent_instance;

  char *database_path;
  GSettings *settings;

  /* The start-up open: filled by its thread under the mutex; taken once by a window. */
  GMutex startup_lock;
  char *startup_path;
  gboolean startup_done;
  gboolean startup_taken;
  PkDatabase *startup_database;
  GListStore *startup_meetings;
  PkMeeting *startup_selected;  /* read whole: the meeting the window will select */
  GError *startup_error;
  PkStartupOpenFunc startup_func;
  gpointer startup_user_data;
  GDestroyNotify startup_destroy;
};

G_DEFINE_FINAL_TYPE (PkApplication, pk_application, ADW_TYPE_APPLICATION)

static void
pk_application_activate (GApplication *application)
{
  PkApplication *self = PK_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      g_autofree char *path = pk_application_get_database_path (self);
      window = GTK_WINDOW (pk_window_new (self, path));
    }
  gtk_window_present (window);
}

static int
pk_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  PkApplication *self = PK_APPLICATION (application);
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("protokoll %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "db", "^&ay", &path))
    self->database_path = g_strdup (path);
  return -1;
}

static void
show_about (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { "Protokoll developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Protokoll"),
                         "application-icon", APP_ID,
                         "developer-name", _("Protokoll developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Agendas, attendance, attachments, decisions and approved "
                                       "minutes for Swedish municipalities, regions, boards and "
                                       "associations. Everything stays on this computer."),
                         "website", "https://github.com/protokoll/protokoll",
                         "issue-url", "https://github.com/protokoll/protokoll/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         /* Translators: put your names here, one per line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static gboolean
close_windows (gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  /* A copy: each window leaves the application's list as it closes. */
  GList *windows = g_list_copy_deep (gtk_application_get_windows (app), (GCopyFunc) (void (*) (void)) g_object_ref, NULL);

  /* Closed one by one so each flushes its pending autosave. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free_full (windows, g_object_unref);
  return G_SOURCE_REMOVE;
}

static void
quit_app (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  /* Not from inside the key event that asked: GTK goes on delivering it to the widgets under the
   * focus afterwards, and those would be gone (seen: a crash on Ctrl+Q while typing). */
  g_idle_add_full (G_PRIORITY_DEFAULT, close_windows, g_object_ref (user_data), g_object_unref);
}

static const GActionEntry app_actions[] = {
  { "about", show_about },
  { "quit", quit_app },
};

char *
pk_application_get_database_path (PkApplication *self)
{
  g_autofree char *last = NULL;

  g_return_val_if_fail (PK_IS_APPLICATION (self), NULL);

  if (self->database_path != NULL)
    return g_strdup (self->database_path);
  if (g_getenv ("PROTOKOLL_DB") == NULL && self->settings != NULL)
    {
      last = g_settings_get_string (self->settings, "last-database");
      if (*last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&last);
    }
  return pk_database_get_default_path ();
}

typedef struct
{
  char *path;
  gint64 last_meeting_id;
} StartupOpen;

static void
startup_open_free (StartupOpen *open)
{
  g_free (open->path);
  g_free (open);
}

/* The meeting a new window selects: the one last selected, else the first in the sidebar. */
static PkMeeting *
startup_meeting_to_select (GListStore *meetings,
                           gint64      last_meeting_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (meetings));
  PkMeeting *first = NULL;

  for (guint i = 0; i < n; i++)
    {
      PkMeeting *meeting = g_list_model_get_item (G_LIST_MODEL (meetings), i);

      g_object_unref (meeting);  /* the store keeps it */
      if (pk_meeting_get_id (meeting) == last_meeting_id)
        return meeting;
      if (first == NULL || pk_meeting_compare_by_body_and_date (meeting, first, NULL) < 0)
        first = meeting;
    }
  return first;
}

static void
startup_open_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  PkApplication *self = source_object;
  StartupOpen *open = task_data;
  GError *error = NULL;
  g_autoptr(PkDatabase) database = pk_database_open (open->path, &error);
  g_autoptr(GListStore) meetings = database != NULL ? pk_database_list_meetings (database, &error) : NULL;
  g_autoptr(PkMeeting) selected = NULL;

  /* The window's first frame shows that meeting's agenda too: read it here as well. A failure is
   * left to the window's own reading, which reports it. */
  if (meetings != NULL)
    {
      PkMeeting *meeting = startup_meeting_to_select (meetings, open->last_meeting_id);

      if (meeting != NULL)
        selected = pk_meeting_view_read_meeting (database, pk_meeting_get_id (meeting), NULL);
    }

  g_mutex_lock (&self->startup_lock);
  self->startup_database = meetings != NULL ? g_steal_pointer (&database) : NULL;
  self->startup_meetings = g_steal_pointer (&meetings);
  self->startup_selected = g_steal_pointer (&selected);
  self->startup_error = error;
  self->startup_done = TRUE;
  g_mutex_unlock (&self->startup_lock);
  g_task_return_boolean (task, TRUE);
}

static void
deliver_startup_open (PkApplication *self)
{
  g_autoptr(PkDatabase) database = g_steal_pointer (&self->startup_database);
  g_autoptr(GListStore) meetings = g_steal_pointer (&self->startup_meetings);
  g_autoptr(PkMeeting) selected = g_steal_pointer (&self->startup_selected);
  g_autoptr(GError) error = g_steal_pointer (&self->startup_error);
  PkStartupOpenFunc func = g_steal_pointer (&self->startup_func);
  gpointer user_data = g_steal_pointer (&self->startup_user_data);
  GDestroyNotify destroy = g_steal_pointer (&self->startup_destroy);

  func (database, meetings, selected, error, user_data);
  if (destroy != NULL)
    destroy (user_data);
}

static void
startup_open_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PkApplication *self = PK_APPLICATION (source);

  /* A window that asked before the thread finished is waiting for this. */
  if (self->startup_func != NULL)
    deliver_startup_open (self);
}

gboolean
pk_application_take_startup_open (PkApplication     *self,
                                  const char        *path,
                                  PkStartupOpenFunc  func,
                                  gpointer           user_data,
                                  GDestroyNotify     destroy)
{
  gboolean done;

  g_return_val_if_fail (PK_IS_APPLICATION (self), FALSE);

  if (self->startup_taken || self->startup_path == NULL || g_strcmp0 (path, self->startup_path) != 0)
    return FALSE;
  self->startup_taken = TRUE;
  self->startup_func = func;
  self->startup_user_data = user_data;
  self->startup_destroy = destroy;

  g_mutex_lock (&self->startup_lock);
  done = self->startup_done;
  g_mutex_unlock (&self->startup_lock);
  /* Usually done: the file was read while GTK started, and the window is built with its
   * meetings already in place, so the first frame shows them. */
  if (done)
    deliver_startup_open (self);
  return TRUE;
}

static void
pk_application_startup (GApplication *application)
{
  PkApplication *self = PK_APPLICATION (application);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GtkCssProvider) style = NULL;
  StartupOpen *open;
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.new-meeting", { "<Control>n", NULL } },
    { "win.delete-meeting", { "<Control>Delete", NULL } },
    { "win.show-panel::agenda", { "<Alt>1", NULL } },
    { "win.show-panel::attendance", { "<Alt>2", NULL } },
    { "win.show-panel::attachments", { "<Alt>3", NULL } },
    { "win.show-panel::decisions", { "<Alt>4", NULL } },
    { "win.show-panel::justering", { "<Alt>5", NULL } },
    { "win.focus-title", { "<Control>l", NULL } },
    { "win.open-database", { "<Control>o", NULL } },
    { "win.export-minutes", { "<Control>e", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-actions", { "<Control><Shift>a", NULL } },
    { "win.show-shortcuts", { "<Control>question", NULL } },
  };

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APP_ID);
  else
    g_message ("The settings schema %s is not installed; window size will not be remembered", APP_ID);

  /* GTK parses the theme gtk-theme-name names (its own "Default", 10 ms) when it creates the
   * display's settings, and libadwaita then replaces it by "Adwaita-empty" and its own style
   * sheet. Naming the empty theme while the settings are created skips that parse; GTK_THEME
   * must be unset again before libadwaita starts, or it would not install its style sheet. A
   * GTK_THEME the user set is left alone. This comes before the database thread starts, so no
   * thread of ours reads the environment while it changes. */
  if (g_getenv ("GTK_THEME") == NULL)
    {
      g_setenv ("GTK_THEME", "Adwaita-empty", TRUE);
      gtk_init ();
      gtk_settings_get_default ();
      g_unsetenv ("GTK_THEME");
    }

  /* Read the database on a thread while GTK initialises and the window is built. */
  self->startup_path = pk_application_get_database_path (self);
  open = g_new0 (StartupOpen, 1);
  open->path = g_strdup (self->startup_path);
  if (self->settings != NULL)
    open->last_meeting_id = g_settings_get_int64 (self->settings, "last-meeting-id");
  task = g_task_new (self, NULL, startup_open_done, NULL);
  g_task_set_source_tag (task, pk_application_startup);
  g_task_set_task_data (task, open, (GDestroyNotify) startup_open_free);
  g_task_run_in_thread (task, startup_open_thread);

  /* No resource base path (see pk_application_new): adw_init() is then the only one to add an
   * icon resource path, right after the icon theme starts loading on its thread. */
  G_APPLICATION_CLASS (pk_application_parent_class)->startup (application);

  /* If GTK's thread had already taken the icon theme when adw_init() added its path, the theme it
   * loaded was thrown away and would be loaded again on the main thread by the first icon of the
   * first frame. Told its theme name changed (it did not), GTK loads the theme on its thread again,
   * now with every path; when nothing was thrown away, that load finds the theme valid at once. */
  g_object_notify (G_OBJECT (gtk_settings_get_default ()), "gtk-icon-theme-name");

  style = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (style, "/io/github/protokoll/Protokoll/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}

static void
pk_application_finalize (GObject *object)
{
  PkApplication *self = PK_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->startup_path, g_free);
  g_clear_object (&self->startup_database);
  g_clear_object (&self->startup_meetings);
  g_clear_object (&self->startup_selected);
  g_clear_error (&self->startup_error);
  g_mutex_clear (&self->startup_lock);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (pk_application_parent_class)->finalize (object);
}

static void
pk_application_class_init (PkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = pk_application_finalize;
  app_class->activate = pk_application_activate;
  app_class->startup = pk_application_startup;
  app_class->handle_local_options = pk_application_handle_local_options;
}

static void
pk_application_init (PkApplication *self)
{
  g_mutex_init (&self->startup_lock);
  static const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open this database file instead of the default one"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

PkApplication *
pk_application_new (void)
{
  /* Non-unique: every process owns its own database connection; SQLite's locking lets two
   * windows on the same file coexist, and tests can run side by side.
   *
   * No resource base path: with one, GtkApplication adds "<path>/icons/" to the icon theme after
   * GTK 4.8 has started loading the theme on a thread, and adw_init() adds its own after that. A
   * path added once the thread has finished throws its work away, and the theme is then loaded
   * again on the main thread, in the first frame (13-17 ms, measured). We have no icons, menus or
   * help overlay under the path; the style sheet is loaded in startup. */
  PkApplication *self = g_object_new (PK_TYPE_APPLICATION,
                                      "application-id", APP_ID,
                                      "flags", G_APPLICATION_NON_UNIQUE,
                                      NULL);

  /* Set after construction: GApplication derives one from the id when constructed. */
  g_application_set_resource_base_path (G_APPLICATION (self), NULL);
  return self;
}

GSettings *
pk_application_get_settings (PkApplication *self)
{
  g_return_val_if_fail (PK_IS_APPLICATION (self), NULL);
  return self->settings;
}
