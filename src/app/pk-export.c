/* pk-export.c: exporting a meeting as PDF from the app: file chooser, work off the main thread,
 * a toast with the result. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pk-export.h"

typedef struct
{
  GtkWidget *widget;   /* weak: where the toast goes */
  PkDatabase *database;
  PkMeeting *copy;
  PkExportKind kind;
  char *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_weak_pointer (&job->widget);
  g_clear_object (&job->database);
  g_clear_object (&job->copy);
  g_free (job->path);
  g_free (job);
}

static void
show_toast (GtkWidget *widget,
            AdwToast  *toast)
{
  GtkWidget *overlay = widget ? gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY) : NULL;

  if (overlay == NULL && widget != NULL && GTK_IS_WINDOW (widget))
    overlay = gtk_window_get_child (GTK_WINDOW (widget));
  if (overlay == NULL || !ADW_IS_TOAST_OVERLAY (overlay))
    overlay = widget ? gtk_widget_get_first_child (widget) : NULL;
  if (overlay != NULL && ADW_IS_TOAST_OVERLAY (overlay))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  gboolean written;

  /* Layout and writing take tens of milliseconds: never on the main thread. */
  if (job->kind == PK_EXPORT_AGENDA)
    written = pk_agenda_pdf_write (job->copy, job->path, NULL, &error);
  else
    written = pk_protocol_pdf_write (job->copy, job->kind == PK_EXPORT_PUBLIC ? PK_PROTOCOL_PUBLIC : PK_PROTOCOL_FULL,
                                     job->path, NULL, &error);
  if (written)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static const char *
kind_word (PkExportKind kind)
{
  return kind == PK_EXPORT_AGENDA ? "agenda" : kind == PK_EXPORT_PUBLIC ? "public" : "protocol";
}

static void
record_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;

  pk_database_record_export (job->database, pk_meeting_get_id (job->copy), pk_meeting_get_version (job->copy),
                             kind_word (job->kind), job->path, NULL);
  g_task_return_boolean (task, TRUE);
}

static void
open_exported (AdwToast *toast,
               GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = g_path_get_basename (job->path);
  AdwToast *toast;

  g_application_release (g_application_get_default ());
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      message = g_strdup_printf (_("The PDF was not written: %s"), error->message);
      toast = adw_toast_new (message);
      adw_toast_set_timeout (toast, 6);
      show_toast (job->widget, toast);
      return;
    }
  /* Recorded by its SHA-256, on the database's worker, so that `protokoll-cli verify FILE.pdf` can
   * tell this file from a changed copy. */
  if (job->database != NULL)
    {
      g_autoptr(GTask) record = g_task_new (NULL, NULL, NULL, NULL);
      ExportJob *copy = g_new0 (ExportJob, 1);

      copy->database = g_object_ref (job->database);
      copy->copy = g_object_ref (job->copy);
      copy->kind = job->kind;
      copy->path = g_strdup (job->path);
      g_task_set_task_data (record, copy, (GDestroyNotify) export_job_free);
      pk_database_run_in_worker (job->database, record, record_thread);
    }
  message = g_strdup_printf (_("Saved as “%s”"), name);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_exported),
                         g_file_new_for_path (job->path), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  show_toast (job->widget, toast);
}

void
pk_export_write (GtkWidget    *widget,
                 PkDatabase   *database,
                 PkMeeting    *meeting,
                 PkExportKind  kind,
                 const char   *path)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, export_done, NULL);
  ExportJob *job = g_new0 (ExportJob, 1);

  g_set_weak_pointer (&job->widget, widget);
  job->database = database != NULL ? g_object_ref (database) : NULL;
  job->copy = pk_meeting_copy_deep (meeting);
  job->kind = kind;
  job->path = g_strdup (path);
  g_task_set_source_tag (task, pk_export_write);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_application_hold (g_application_get_default ());
  g_task_run_in_thread (task, export_thread);
}

char *
pk_export_suggest_name (PkMeeting    *meeting,
                        PkExportKind  kind)
{
  /* File names in the document's language, Swedish: "Kallelse Kommunstyrelsen 2026-11-18.pdf". */
  const char *word = kind == PK_EXPORT_AGENDA ? "Kallelse"
                     : kind == PK_EXPORT_PUBLIC ? "Protokoll (offentlig)"
                     : pk_meeting_get_kind (meeting) == PK_MEETING_KIND_PROTOKOLL ? "Protokoll" : "Mötesanteckningar";
  char *name = g_strdup_printf ("%s %s %s.pdf", word,
                                pk_meeting_get_body (meeting) ? pk_meeting_get_body (meeting) : "",
                                pk_meeting_get_date (meeting) ? pk_meeting_get_date (meeting) : "");

  g_strdelimit (name, "/\\:", '-');
  return name;
}

static void
copy_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ExportJob *job = task_data;
  const char *from = g_object_get_data (G_OBJECT (task), "from-path");
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (job->path);
  GError *error = NULL;

  if (g_file_copy (source, target, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
pk_export_write_from_file (GtkWidget    *widget,
                           PkDatabase   *database,
                           PkMeeting    *meeting,
                           PkExportKind  kind,
                           const char   *from_path,
                           const char   *to_path)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, export_done, NULL);
  ExportJob *job = g_new0 (ExportJob, 1);

  g_set_weak_pointer (&job->widget, widget);
  job->database = database != NULL ? g_object_ref (database) : NULL;
  job->copy = pk_meeting_copy_deep (meeting);  /* read on the database's worker when recorded */
  job->kind = kind;
  job->path = g_strdup (to_path);
  g_task_set_source_tag (task, pk_export_write_from_file);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_object_set_data_full (G_OBJECT (task), "from-path", g_strdup (from_path), g_free);
  g_application_hold (g_application_get_default ());
  g_task_run_in_thread (task, copy_thread);
}

typedef struct
{
  GtkWidget *widget;  /* weak */
  PkDatabase *database;
  PkMeeting *meeting;
  PkExportKind kind;
} ChooseJob;

static void
choose_job_free (ChooseJob *job)
{
  g_clear_weak_pointer (&job->widget);
  g_clear_object (&job->database);
  g_clear_object (&job->meeting);
  g_free (job);
}

static void
file_chosen (GtkNativeDialog *dialog,
             int              response,
             ChooseJob       *job)
{
  if (response == GTK_RESPONSE_ACCEPT && job->widget != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        pk_export_write (job->widget, job->database, job->meeting, job->kind, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  choose_job_free (job);
}

void
pk_export_choose_and_write (GtkWidget    *widget,
                            PkDatabase   *database,
                            PkMeeting    *meeting,
                            PkExportKind  kind)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = pk_export_suggest_name (meeting, kind);
  ChooseJob *job;

  dialog = gtk_file_chooser_native_new (kind == PK_EXPORT_AGENDA ? _("Export Agenda") : _("Export Minutes"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  job = g_new0 (ChooseJob, 1);
  g_set_weak_pointer (&job->widget, widget);
  job->database = database != NULL ? g_object_ref (database) : NULL;
  job->meeting = g_object_ref (meeting);
  job->kind = kind;
  g_signal_connect (dialog, "response", G_CALLBACK (file_chosen), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
