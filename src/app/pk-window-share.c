/* pk-window-share.c: a meeting out of and into the window as a file of its own: the meeting package
 * (the meeting with its bilagor, pk-package.h), the calendar invitation (.ics), and old minutes
 * written as plain text (pk-text-import.h). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pk-window-private.h"

/* "Sammanträde 2026-03-10": the title and date, with nothing a file system dislikes. */
static char *
suggested_name (PkMeeting  *meeting,
                const char *extension)
{
  const char *title = pk_meeting_get_title (meeting);
  const char *date = pk_meeting_get_date (meeting);
  g_autofree char *base = g_strdup_printf ("%s%s%s", title != NULL && *title != '\0' ? title : _("Meeting"),
                                           date != NULL ? " " : "", date != NULL ? date : "");

  g_strdelimit (base, "/\\:*?\"<>|", '-');
  return g_strconcat (base, extension, NULL);
}

static GtkFileFilter *
new_filter (const char *name,
            const char *pattern)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  return filter;
}

static char *
chosen_path (GtkNativeDialog *dialog)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  return file != NULL ? g_file_get_path (file) : NULL;
}

typedef void (*PathFunc) (PkWindow   *self,
                          const char *path);

/* What a chooser of this file does with the chosen file: @func, given with new_chooser(). */
static void
on_file_chosen (GtkNativeDialog *dialog,
                int              response,
                PkWindow        *self)
{
  PathFunc func = g_object_get_data (G_OBJECT (dialog), "pk-path-func");
  g_autofree char *path = response == GTK_RESPONSE_ACCEPT ? chosen_path (dialog) : NULL;

  if (path != NULL && func != NULL)
    func (self, path);
  g_object_unref (dialog);
}

/* A modal chooser for one file with one filter (taken); @func gets the path when one is chosen. */
static GtkFileChooserNative *
new_chooser (PkWindow             *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept,
             GtkFileFilter        *filter,
             PathFunc              func)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "pk-path-func", (gpointer) func);
  g_signal_connect (dialog, "response", G_CALLBACK (on_file_chosen), self);
  return dialog;
}

/* A job of this file on the database worker: a meeting (or none) and a file. */
typedef struct
{
  PkDatabase *database;
  gint64 meeting_id;
  char *path;
  PkMeeting *meeting;   /* import-text: as parsed from the file */
  gboolean legacy;      /* import-text: the file was read as Windows-1252 */
} FileJob;

static void
file_job_free (FileJob *job)
{
  g_clear_object (&job->database);
  g_clear_object (&job->meeting);
  g_free (job->path);
  g_free (job);
}

/* @prepare (may be NULL) runs first on GLib's pool, then @thread on the database worker. */
static void
run_file_job (PkWindow            *self,
              gint64               meeting_id,
              const char          *path,
              GTaskThreadFunc      prepare,
              GTaskThreadFunc      thread,
              GAsyncReadyCallback  done,
              gpointer             source_tag)
{
  g_autoptr(GTask) task = NULL;
  FileJob *job = g_new0 (FileJob, 1);

  job->database = g_object_ref (self->database);
  job->meeting_id = meeting_id;
  job->path = g_strdup (path);
  task = g_task_new (self, NULL, done, NULL);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) file_job_free);
  pk_window_job_started (self);
  if (prepare != NULL)
    pk_database_run_prepared_in_worker (self->database, task, prepare, thread);
  else
    pk_database_run_in_worker (self->database, task, thread);
}

/* ---- meeting package: export ---- */

static void
package_exported (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PkWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  pk_window_job_finished (self);
  if (pk_package_export_finish (PK_DATABASE (source), result, &error))
    pk_window_show_toast (self, _("Meeting package saved"));
  else
    {
      g_autofree char *text = g_strdup_printf (_("The package was not saved: %s"), error->message);
      pk_window_show_toast (self, text);
    }
}

void
pk_window_export_package_to (PkWindow   *self,
                             const char *path,
                             gboolean    with_notes)
{
  PkMeeting *meeting = pk_window_get_selected_meeting (self);

  g_return_if_fail (PK_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (meeting == NULL || self->database == NULL)
    return;
  /* What is typed but not yet written goes first: the export runs after it on the same worker. */
  pk_meeting_view_flush (self->meeting_view);
  pk_window_job_started (self);
  pk_package_export_async (self->database, pk_meeting_get_id (meeting), path,
                           with_notes ? PK_PACKAGE_EXPORT_NOTES : PK_PACKAGE_EXPORT_DEFAULT, NULL,
                           package_exported, g_object_ref (self));
}

static void
export_package_to_chosen (PkWindow   *self,
                          const char *path)
{
  GtkFileChooser *dialog = g_object_get_data (G_OBJECT (self), "pk-package-chooser");

  gboolean notes = dialog != NULL && g_strcmp0 (gtk_file_chooser_get_choice (dialog, "notes"), "true") == 0;

  g_object_set_data (G_OBJECT (self), "pk-package-chooser", NULL);
  pk_window_export_package_to (self, path, notes);
}

static void
export_package (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PkWindow *self = PK_WINDOW (widget);
  PkMeeting *meeting = pk_window_get_selected_meeting (self);
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  if (meeting == NULL)
    return;
  name = suggested_name (meeting, ".protokoll");
  dialog = new_chooser (self, _("Export Meeting Package"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                        new_filter (_("Meeting packages"), "*.protokoll"), export_package_to_chosen);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  /* A package may go to another member: private notes only when asked for. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "notes", _("Include my private notes on attachments"),
                               NULL, NULL);
  /* The chooser lives until its response is handled; the window only needs it for the choice. */
  g_object_set_data (G_OBJECT (self), "pk-package-chooser", dialog);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- meeting package: import ---- */

static void
package_imported (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PkWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean already_there = FALSE;
  gint64 id;

  pk_window_job_finished (self);
  id = pk_package_import_finish (PK_DATABASE (source), result, &already_there, &error);
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The package was not imported: %s"), error->message);
      pk_window_show_toast (self, text);
      return;
    }
  pk_window_show_toast (self, already_there ? _("This meeting is already here") : _("Meeting imported"));
  pk_window_reload_meetings (self, id);
}

void
pk_window_import_package_from (PkWindow   *self,
                               const char *path)
{
  g_return_if_fail (PK_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->database == NULL)
    return;
  pk_window_job_started (self);
  pk_package_import_async (self->database, path, NULL, package_imported, g_object_ref (self));
}

static void
import_package (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PkWindow *self = PK_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = new_chooser (self, _("Import Meeting Package"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                        new_filter (_("Meeting packages"), "*.protokoll"), pk_window_import_package_from);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- calendar invitation ---- */

/* On the database worker: the invitation is made from what is stored, then written beside the
 * target and renamed over it, so a failure leaves no half-written file. */
static void
invitation_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  FileJob *job = task_data;
  GError *error = NULL;
  g_autofree char *text = pk_database_meeting_to_ics (job->database, job->meeting_id, &error);

  if (text == NULL ||
      !g_file_set_contents_full (job->path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0666, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
invitation_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PkWindow *self = PK_WINDOW (source);
  g_autoptr(GError) error = NULL;

  pk_window_job_finished (self);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    pk_window_show_toast (self, _("Calendar invitation saved"));
  else
    {
      g_autofree char *text = g_strdup_printf (_("The invitation was not saved: %s"), error->message);
      pk_window_show_toast (self, text);
    }
}

void
pk_window_export_invitation_to (PkWindow   *self,
                                const char *path)
{
  PkMeeting *meeting = pk_window_get_selected_meeting (self);

  g_return_if_fail (PK_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (meeting == NULL || self->database == NULL)
    return;
  pk_meeting_view_flush (self->meeting_view);
  run_file_job (self, pk_meeting_get_id (meeting), path, NULL, invitation_thread, invitation_done,
                pk_window_export_invitation_to);
}

static void
export_invitation (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PkWindow *self = PK_WINDOW (widget);
  PkMeeting *meeting = pk_window_get_selected_meeting (self);
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  if (meeting == NULL)
    return;
  if (pk_meeting_get_date (meeting) == NULL)
    {
      pk_window_show_toast (self, _("Give the meeting a date first: an invitation needs one"));
      return;
    }
  name = suggested_name (meeting, ".ics");
  dialog = new_chooser (self, _("Export Calendar Invitation"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                        new_filter (_("Calendar files"), "*.ics"), pk_window_export_invitation_to);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- minutes as plain text ---- */

/* On GLib's pool, not the database worker: read, decode and parse (pure, a few hundred kilobytes
 * at most). A file that is refused writes nothing. */
static void
text_read_thread (GTask        *read_task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  FileJob *job = g_task_get_task_data (task_data);
  g_autoptr(GFile) file = g_file_new_for_path (job->path);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  PkTextEncoding encoding;
  GError *error = NULL;
  gsize length;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info != NULL && g_file_info_get_size (info) > PK_TEXT_IMPORT_MAX_SIZE)
    {
      g_task_return_new_error (read_task, PK_TEXT_IMPORT_ERROR, PK_TEXT_IMPORT_ERROR_TOO_LARGE,
                               _("The file is too large to be minutes"));
      return;
    }
  if (info == NULL || !g_file_get_contents (job->path, &data, &length, &error) ||
      !(text = pk_text_import_decode (data, length, &encoding, NULL, &error)) ||
      !(job->meeting = pk_text_import_parse (text, strlen (text), &error)))
    {
      g_task_return_error (read_task, error);
      return;
    }
  job->legacy = encoding == PK_TEXT_ENCODING_WINDOWS_1252;
  g_task_return_boolean (read_task, TRUE);
}

/* On the database worker: the meeting in one transaction. */
static void
text_store_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  FileJob *job = task_data;
  GError *error = NULL;
  gint64 id = pk_database_insert_meeting (job->database, job->meeting, &error);

  if (id <= 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, id);
}

static void
text_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  PkWindow *self = PK_WINDOW (source);
  FileJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gint64 id;

  pk_window_job_finished (self);
  id = g_task_propagate_int (G_TASK (result), &error);
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The minutes were not imported: %s"), error->message);
      pk_window_show_toast (self, text);
      return;
    }
  pk_window_show_toast (self, job->legacy ? _("Minutes imported (the file was read as Windows-1252)")
                                          : _("Minutes imported"));
  pk_window_reload_meetings (self, id);
}

void
pk_window_import_text_from (PkWindow   *self,
                            const char *path)
{
  g_return_if_fail (PK_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->database == NULL)
    return;
  run_file_job (self, 0, path, text_read_thread, text_store_thread, text_done, pk_window_import_text_from);
}

static void
import_text (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PkWindow *self = PK_WINDOW (widget);
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Text files"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_pattern (filter, "*.txt");
  dialog = new_chooser (self, _("Import Minutes from Text"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), filter,
                        pk_window_import_text_from);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
pk_window_class_install_share_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-package", NULL, export_package);
  gtk_widget_class_install_action (widget_class, "win.import-package", NULL, import_package);
  gtk_widget_class_install_action (widget_class, "win.export-invitation", NULL, export_invitation);
  gtk_widget_class_install_action (widget_class, "win.import-text", NULL, import_text);
}
