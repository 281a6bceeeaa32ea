/* pk-export-dialog.c: export the minutes with a preview of the pages before saving. The PDF is
 * written to a temporary file on a thread and shown in a PkPdfView, whose render thread is the
 * only one in the process that touches Poppler. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "pk-export-dialog.h"
#include "pk-pdf-view.h"

struct _PkExportDialog
{
  AdwWindow parent_instance;

  GtkDropDown *kind_dropdown;
  GtkButton *save_button;
  GtkStack *stack;
  PkPdfView *pdf_view;
  AdwStatusPage *error_page;

  PkDatabase *database;
  PkMeeting *meeting;
  PkExportKind kind;
  char *temp_path;
  guint busy;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (PkExportDialog, pk_export_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  PkExportDialog *dialog;   /* weak */
  PkMeeting *copy;
  PkExportKind kind;
  char *path;
  GBytes *bytes;     /* the PDF written */
} Job;

static void
job_free (Job *job)
{
  g_clear_weak_pointer (&job->dialog);
  g_clear_object (&job->copy);
  g_free (job->path);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job);
}

static void
make_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gboolean ok;

  ok = job->kind == PK_EXPORT_AGENDA
         ? pk_agenda_pdf_write (job->copy, job->path, NULL, &error)
         : pk_protocol_pdf_write (job->copy, job->kind == PK_EXPORT_PUBLIC ? PK_PROTOCOL_PUBLIC : PK_PROTOCOL_FULL,
                                  job->path, NULL, &error);
  if (ok && !g_cancellable_is_cancelled (cancellable))
    {
      char *data = NULL;
      gsize length = 0;

      if ((ok = g_file_get_contents (job->path, &data, &length, &error)))
        job->bytes = g_bytes_new_take (data, length);
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
update_buttons (PkExportDialog *self)
{
  gboolean shown = self->busy == 0 && pk_pdf_view_is_loaded (self->pdf_view);

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), shown);
  /* One job at a time on the temporary file: it is rewritten when the kind changes. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_dropdown), self->busy == 0);
}

static void
show_error (PkExportDialog *self,
            const char     *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
on_loaded (PkExportDialog *self)
{
  self->busy--;
  gtk_stack_set_visible_child_name (self->stack, "preview");
  update_buttons (self);
}

static void
on_load_failed (PkExportDialog *self,
                const GError   *error)
{
  self->busy--;
  show_error (self, error->message);
  update_buttons (self);
}

static void
make_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  PkExportDialog *self = job->dialog;
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      self->busy--;
      show_error (self, error->message);
      update_buttons (self);
      return;
    }
  /* Still busy until the view has opened it: "loaded" or "load-failed" ends it. */
  pk_pdf_view_load_bytes (self->pdf_view, job->bytes);
}

static void
run (PkExportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  g_set_weak_pointer (&job->dialog, self);
  job->copy = pk_meeting_copy_deep (self->meeting);
  job->kind = self->kind;
  job->path = g_strdup (self->temp_path);
  gtk_stack_set_visible_child_name (self->stack, "working");
  pk_pdf_view_load_bytes (self->pdf_view, NULL);
  task = g_task_new (NULL, self->cancellable, make_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  self->busy++;
  update_buttons (self);
  g_task_run_in_thread (task, make_thread);
}

static void
on_kind_changed (PkExportDialog *self)
{
  static const PkExportKind kinds[] = { PK_EXPORT_PROTOCOL, PK_EXPORT_PUBLIC, PK_EXPORT_AGENDA };
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  self->kind = kinds[MIN (selected, G_N_ELEMENTS (kinds) - 1)];
  run (self);
}

void
pk_export_dialog_save_to (PkExportDialog *self,
                          const char     *path)
{
  g_return_if_fail (PK_IS_EXPORT_DIALOG (self));

  /* The file previewed is the file saved: written again at the chosen place from the same copy
   * would be the same bytes, but copying them is simpler to trust. */
  pk_export_write_from_file (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))), self->database,
                             self->meeting, self->kind, self->temp_path, path);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_chosen (GtkNativeDialog *chooser,
             int              response,
             PkExportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        pk_export_dialog_save_to (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_save (PkExportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = pk_export_suggest_name (self->meeting, self->kind);

  chooser = gtk_file_chooser_native_new (_("Save PDF"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

guint
pk_export_dialog_get_n_pages (PkExportDialog *self)
{
  g_return_val_if_fail (PK_IS_EXPORT_DIALOG (self), 0);
  return pk_pdf_view_is_loaded (self->pdf_view) ? (guint) pk_pdf_view_get_n_pages (self->pdf_view) : 0;
}

gboolean
pk_export_dialog_is_busy (PkExportDialog *self)
{
  g_return_val_if_fail (PK_IS_EXPORT_DIALOG (self), FALSE);
  return self->busy > 0;
}

static void
pk_export_dialog_dispose (GObject *object)
{
  PkExportDialog *self = PK_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PK_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (pk_export_dialog_parent_class)->dispose (object);
}

static void
pk_export_dialog_finalize (GObject *object)
{
  PkExportDialog *self = PK_EXPORT_DIALOG (object);

  if (self->temp_path != NULL)
    g_unlink (self->temp_path);
  g_free (self->temp_path);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  g_clear_object (&self->meeting);
  G_OBJECT_CLASS (pk_export_dialog_parent_class)->finalize (object);
}

static void
pk_export_dialog_class_init (PkExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pk_export_dialog_dispose;
  object_class->finalize = pk_export_dialog_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/protokoll/Protokoll/pk-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PkExportDialog, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PkExportDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PkExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PkExportDialog, pdf_view);
  gtk_widget_class_bind_template_child (widget_class, PkExportDialog, error_page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  g_type_ensure (PK_TYPE_PDF_VIEW);
}

static void
pk_export_dialog_init (PkExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->pdf_view, "loaded", G_CALLBACK (on_loaded), self);
  g_signal_connect_swapped (self->pdf_view, "load-failed", G_CALLBACK (on_load_failed), self);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (on_save), self);
}

PkExportDialog *
pk_export_dialog_new (GtkWindow    *parent,
                      PkDatabase   *database,
                      PkMeeting    *meeting,
                      PkExportKind  kind)
{
  PkExportDialog *self = g_object_new (PK_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GError) error = NULL;
  int fd = g_file_open_tmp ("protokoll-preview-XXXXXX.pdf", &self->temp_path, &error);

  if (fd >= 0)
    close (fd);
  self->database = database ? g_object_ref (database) : NULL;
  self->meeting = g_object_ref (meeting);
  self->kind = kind;
  gtk_drop_down_set_selected (self->kind_dropdown, kind == PK_EXPORT_PUBLIC ? 1 : kind == PK_EXPORT_AGENDA ? 2 : 0);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (on_kind_changed), self);
  run (self);
  return self;
}
