/* pk-application.c: the Protokoll application: options, actions, accelerators, windows. */
#include "config.h"

#include <glib/gi18n.h>

#include "pk-application.h"
#include "pk-window.h"

struct _PkApplication
{
  AdwApplication parent_instance;

  char *database_path;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (PkApplication, pk_application, ADW_TYPE_APPLICATION)

static void
pk_application_activate (GApplication *application)
{
  PkApplication *self = PK_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (pk_window_new (self, self->database_path));
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

static void
quit_app (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Close windows one by one so each flushes its pending autosave. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "about", show_about },
  { "quit", quit_app },
};

static void
pk_application_startup (GApplication *application)
{
  PkApplication *self = PK_APPLICATION (application);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.new-meeting", { "<Control>n", NULL } },
    { "win.delete-meeting", { "<Control>Delete", NULL } },
    { "win.show-panel::agenda", { "<Alt>1", NULL } },
    { "win.show-panel::attendance", { "<Alt>2", NULL } },
    { "win.show-panel::attachments", { "<Alt>3", NULL } },
    { "win.show-panel::decisions", { "<Alt>4", NULL } },
    { "win.focus-title", { "<Control>l", NULL } },
    { "win.open-database", { "<Control>o", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (pk_application_parent_class)->startup (application);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APP_ID);
  else
    g_message ("The settings schema %s is not installed; window size will not be remembered", APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}

static void
pk_application_finalize (GObject *object)
{
  PkApplication *self = PK_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);
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
   * windows on the same file coexist, and tests can run side by side. */
  return g_object_new (PK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/protokoll/Protokoll",
                       NULL);
}

GSettings *
pk_application_get_settings (PkApplication *self)
{
  g_return_val_if_fail (PK_IS_APPLICATION (self), NULL);
  return self->settings;
}
