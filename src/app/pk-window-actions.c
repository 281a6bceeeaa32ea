/* pk-window-actions.c: the window's actions: new and delete meeting (with undo), panels, files. */
#include "config.h"

#include <glib/gi18n.h>

#include "pk-export.h"
#include "pk-export-dialog.h"
#include "pk-register-window.h"
#include "pk-actions-window.h"
#include "pk-window-private.h"

#define MEETING_KEY(id) GSIZE_TO_POINTER ((gsize) (id))

void
pk_window_job_started (PkWindow *self)
{
  self->pending_jobs++;
  g_application_hold (g_application_get_default ());
}

void
pk_window_job_finished (PkWindow *self)
{
  g_return_if_fail (self->pending_jobs > 0);
  self->pending_jobs--;
  g_application_release (g_application_get_default ());
}

/* ---- new meeting ---- */

static void
insert_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PkWindow *self = source_object;
  GError *error = NULL;

  /* A new meeting starts from its body's standard agenda. */
  if (!pk_database_add_standard_items (self->database, task_data, &error) ||
      pk_database_insert_meeting (self->database, task_data, &error) == 0)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
insert_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PkWindow *self = PK_WINDOW (source);
  PkMeeting *meeting = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  pk_window_job_finished (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not create the meeting: %s"), error->message);
      pk_window_show_toast (self, message);
      return;
    }
  g_list_store_append (self->meetings, meeting);
  pk_window_rebuild_sidebar (self);
  pk_window_select_meeting (self, pk_meeting_get_id (meeting));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  pk_meeting_view_focus_title (self->meeting_view);
}

static void
new_meeting (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PkWindow *self = PK_WINDOW (widget);
  PkMeeting *selected = pk_window_get_selected_meeting (self);
  g_autoptr(PkMeeting) meeting = pk_meeting_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GTask) task = NULL;

  if (self->database == NULL)
    return;

  /* A secretary usually keeps the minutes of one body: start from the selected meeting's. */
  pk_meeting_set_title (meeting, _("New Meeting"));
  pk_meeting_set_date (meeting, date);
  if (selected != NULL)
    {
      pk_meeting_set_body (meeting, pk_meeting_get_body (selected));
      pk_meeting_set_kind (meeting, pk_meeting_get_kind (selected));
      pk_meeting_set_place (meeting, pk_meeting_get_place (selected));
    }

  task = g_task_new (self, self->cancellable, insert_done, NULL);
  g_task_set_source_tag (task, new_meeting);
  g_task_set_task_data (task, g_steal_pointer (&meeting), g_object_unref);
  pk_window_job_started (self);
  pk_database_run_in_worker (self->database, task, insert_thread);
}

/* ---- next meeting ---- */

static void
next_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PkWindow *self = source_object;
  GError *error = NULL;
  gint64 *source_id = task_data;
  gint64 next_id = pk_database_create_next_meeting (self->database, *source_id, &error);

  if (next_id == 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, next_id);
}

static void
next_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  PkWindow *self = PK_WINDOW (source);
  g_autoptr(GError) error = NULL;
  gint64 next_id = g_task_propagate_int (G_TASK (result), &error);

  pk_window_job_finished (self);
  if (next_id <= 0)
    {
      g_autofree char *message = g_strdup_printf (_("Could not create the next meeting: %s"),
                                                  error ? error->message : "");
      pk_window_show_toast (self, message);
      return;
    }
  pk_window_reload_meetings (self, next_id);
  pk_window_show_toast (self, _("Next meeting created with the deferred items and open actions"));
}

static void
next_meeting (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PkWindow *self = PK_WINDOW (widget);
  PkMeeting *selected = pk_window_get_selected_meeting (self);
  g_autoptr(GTask) task = NULL;
  gint64 *source_id;

  if (selected == NULL || self->database == NULL)
    return;
  /* What the panels hold is on disk before it is copied forward. */
  pk_meeting_view_flush (self->meeting_view);
  source_id = g_new (gint64, 1);
  *source_id = pk_meeting_get_id (selected);
  task = g_task_new (self, self->cancellable, next_done, NULL);
  g_task_set_source_tag (task, next_meeting);
  g_task_set_task_data (task, source_id, g_free);
  pk_window_job_started (self);
  pk_database_run_in_worker (self->database, task, next_thread);
}

/* ---- registers ---- */

static void
show_register (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PkWindow *self = PK_WINDOW (widget);
  PkMeeting *selected = pk_window_get_selected_meeting (self);
  PkRegisterWindow *window;

  if (self->database == NULL)
    return;
  window = pk_register_window_new (GTK_WINDOW (self), self->database,
                                   selected != NULL ? pk_meeting_get_body (selected) : NULL);
  gtk_window_present (GTK_WINDOW (window));
}

/* ---- the action register ---- */

/* The meeting on screen holds its actions in memory: read it again (its pending edits are written
 * first, on the same worker) so it shows what the register wrote. */
static void
on_register_action_changed (PkWindow        *self,
                            gint64           meeting_id,
                            PkActionsWindow *window)
{
  g_autoptr(PkMeeting) shown = NULL;

  if (pk_meeting_view_get_meeting (self->meeting_view) == NULL ||
      pk_meeting_get_id (pk_meeting_view_get_meeting (self->meeting_view)) != meeting_id)
    return;
  shown = g_object_ref (pk_meeting_view_get_meeting (self->meeting_view));
  pk_meeting_view_set_meeting (self->meeting_view, NULL);
  pk_meeting_view_set_meeting (self->meeting_view, shown);
}

static void
show_actions (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PkWindow *self = PK_WINDOW (widget);
  PkActionsWindow *window;

  if (self->database == NULL)
    return;
  window = pk_actions_window_new (GTK_WINDOW (self), self->database);
  g_signal_connect_object (window, "action-changed", G_CALLBACK (on_register_action_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/* Selects a meeting by id (the action register's rows lead here) and shows it. */
static void
show_meeting (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PkWindow *self = PK_WINDOW (widget);
  gint64 meeting_id = g_variant_get_int64 (parameter);
  PkMeeting *selected = pk_window_get_selected_meeting (self);

  if (selected == NULL || pk_meeting_get_id (selected) != meeting_id)
    {
      if (!pk_window_select_meeting (self, meeting_id) ||
          (selected = pk_window_get_selected_meeting (self)) == NULL || pk_meeting_get_id (selected) != meeting_id)
        {
          pk_window_show_toast (self, _("That meeting is no longer in this database"));
          return;
        }
    }
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_window_present (GTK_WINDOW (self));
}

/* ---- export ---- */

static void
export_minutes (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PkWindow *self = PK_WINDOW (widget);
  PkMeeting *full = pk_meeting_view_get_loaded_meeting (self->meeting_view);

  if (full == NULL)
    return;
  /* Written from what is on screen, so the last keystrokes are in it too; previewed before saving. */
  gtk_window_present (GTK_WINDOW (pk_export_dialog_new (GTK_WINDOW (self), self->database, full,
                                                        g_str_equal (action_name, "win.export-public")
                                                          ? PK_EXPORT_PUBLIC : PK_EXPORT_PROTOCOL)));
}

/* ---- delete meeting, with undo ---- */

typedef struct
{
  PkDatabase *database;
  gint64 meeting_id;
} DeleteJob;

static void
delete_job_free (DeleteJob *job)
{
  g_clear_object (&job->database);
  g_free (job);
}

static void
delete_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DeleteJob *job = task_data;
  GError *error = NULL;

  if (pk_database_delete_meeting (job->database, job->meeting_id, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
delete_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PkWindow *self = PK_WINDOW (source);
  g_autoptr(GError) error = NULL;

  pk_window_job_finished (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not delete the meeting: %s"), error->message);
      pk_window_show_toast (self, message);
      pk_window_reload_meetings (self, 0);
    }
}

/* The row leaves the list at once; the database forgets it only when the undo toast is gone. */
static void
commit_delete (PkWindow *self,
               gint64    meeting_id)
{
  g_autoptr(GTask) task = NULL;
  DeleteJob *job;

  if (!g_hash_table_remove (self->pending_deletes, MEETING_KEY (meeting_id)) || self->database == NULL)
    return;
  job = g_new0 (DeleteJob, 1);
  job->database = g_object_ref (self->database);
  job->meeting_id = meeting_id;
  /* No cancellable: a confirmed delete must finish even while the window closes. */
  task = g_task_new (self, NULL, delete_done, NULL);
  g_task_set_source_tag (task, commit_delete);
  g_task_set_task_data (task, job, (GDestroyNotify) delete_job_free);
  pk_window_job_started (self);
  pk_database_run_in_worker (self->database, task, delete_thread);
}

void
pk_window_commit_deletes (PkWindow *self)
{
  g_autoptr(GList) ids = g_hash_table_get_keys (self->pending_deletes);

  for (GList *l = ids; l != NULL; l = l->next)
    commit_delete (self, (gint64) GPOINTER_TO_SIZE (l->data));
}

static void
on_delete_toast_dismissed (AdwToast *toast,
                           PkWindow *self)
{
  commit_delete (self, (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "meeting-id")));
}

static void
delete_meeting (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PkWindow *self = PK_WINDOW (widget);
  PkMeeting *selected = pk_window_get_selected_meeting (self);
  g_autoptr(PkMeeting) meeting = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  guint position;

  if (selected == NULL)
    return;
  meeting = g_object_ref (selected);
  pk_meeting_view_flush (self->meeting_view);
  pk_meeting_view_set_meeting (self->meeting_view, NULL);
  g_hash_table_insert (self->pending_deletes, MEETING_KEY (pk_meeting_get_id (meeting)), g_object_ref (meeting));
  if (g_list_store_find (self->meetings, meeting, &position))
    g_list_store_remove (self->meetings, position);
  pk_window_rebuild_sidebar (self);
  pk_window_select_meeting (self, 0);

  title = g_strdup_printf (_("“%s” deleted"), pk_meeting_get_title (meeting));
  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (pk_meeting_get_id (meeting)));
  g_object_set_data (G_OBJECT (toast), "meeting-id", MEETING_KEY (pk_meeting_get_id (meeting)));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_delete_toast_dismissed), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_delete (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PkWindow *self = PK_WINDOW (widget);
  gint64 meeting_id = g_variant_get_int64 (parameter);
  gpointer meeting = NULL;

  if (!g_hash_table_steal_extended (self->pending_deletes, MEETING_KEY (meeting_id), NULL, &meeting))
    return;
  g_list_store_append (self->meetings, meeting);
  g_object_unref (meeting);
  pk_window_rebuild_sidebar (self);
  pk_window_select_meeting (self, meeting_id);
}

/* ---- panels and focus ---- */

static void
show_panel (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PkWindow *self = PK_WINDOW (widget);

  adw_view_stack_set_visible_child_name (pk_meeting_view_get_stack (self->meeting_view),
                                         g_variant_get_string (parameter, NULL));
}

static void
focus_title (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  pk_meeting_view_focus_title (PK_WINDOW (widget)->meeting_view);
}

/* ---- database files ---- */

static void
database_chosen (GtkNativeDialog *dialog,
                 int              response,
                 PkWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        pk_window_open_database (self, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_database (PkWindow             *self,
                 GtkFileChooserAction  action)
{
  gboolean saving = action == GTK_FILE_CHOOSER_ACTION_SAVE;
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (saving ? _("New Database") : _("Open Database"),
                                        GTK_WINDOW (self), action,
                                        saving ? _("_Create") : _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Protokoll databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (saving)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("protokoll.db"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (database_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_database (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_database (PK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
new_database (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  choose_database (PK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

/* Built when asked for, rather than by GtkApplication for every new window (the help-overlay
 * convention): it is a window of its own with a few hundred widgets, and startup shows none. */
static void
show_shortcuts (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/protokoll/Protokoll/pk-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

void
pk_window_update_actions (PkWindow *self)
{
  gboolean has_db = self->database != NULL;
  gboolean has_meeting = has_db && pk_window_get_selected_meeting (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-meeting", has_db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-register", has_db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-actions", has_db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-meeting", has_db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-meeting", has_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-meeting", has_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-minutes", has_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-public", has_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-package", has_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-invitation", has_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-package", has_db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-text", has_db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-panel", has_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.focus-title", has_meeting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->meeting_menu_button), has_meeting);
}

void
pk_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-meeting", NULL, new_meeting);
  gtk_widget_class_install_action (widget_class, "win.show-register", NULL, show_register);
  gtk_widget_class_install_action (widget_class, "win.delete-meeting", NULL, delete_meeting);
  gtk_widget_class_install_action (widget_class, "win.next-meeting", NULL, next_meeting);
  gtk_widget_class_install_action (widget_class, "win.export-minutes", NULL, export_minutes);
  gtk_widget_class_install_action (widget_class, "win.export-public", NULL, export_minutes);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "x", undo_delete);
  gtk_widget_class_install_action (widget_class, "win.show-panel", "s", show_panel);
  gtk_widget_class_install_action (widget_class, "win.focus-title", NULL, focus_title);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database);
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database);
  gtk_widget_class_install_action (widget_class, "win.show-actions", NULL, show_actions);
  gtk_widget_class_install_action (widget_class, "win.show-meeting", "x", show_meeting);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts);
}
