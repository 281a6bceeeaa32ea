/* pk-attachments-panel.c: the Bilagor panel. The bilagor of the whole meeting, numbered in agenda
 * order, on the left with the reader's notes; the chosen one in the PdfView on the right. Every
 * read and write goes to the database's worker; probing a new file (a child process, up to 10 s)
 * runs on a thread of its own, so nothing here waits on disk or Poppler. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pk-attachments-panel.h"
#include "pk-lazy.h"
#include "pk-toast.h"
#include "pk-pdf-note.h"
#include "pk-pdf-view.h"

struct _PkAttachmentsPanel
{
  GtkWidget parent_instance;

  GtkDropDown *item_dropdown;
  GtkButton *attach_button;
  GtkRevealer *busy_revealer;
  GtkLabel *busy_label;
  GtkStack *list_stack;
  GtkListView *attachment_list;
  GtkListBox *notes_list;
  GtkWidget *notes_box;
  GtkWidget *notes_placeholder;
  GtkStack *viewer_stack;
  GtkEntry *title_entry;
  GtkLabel *item_label;
  GtkWidget *remove_button;
  PkPdfView *pdf_view;
  AdwStatusPage *unsafe_page;

  PkDatabase *database;
  PkMeeting *meeting;
  GListModel *items;
  GListStore *attachments;      /* PkAttachment, number order */
  GtkSingleSelection *selection;
  GListStore *notes;            /* PkPdfNote of the one shown; "annotation-id" on each */
  PkAttachment *shown;
  GCancellable *cancellable;
  guint title_timeout;
  guint busy;
  gboolean locked;
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (PkAttachmentsPanel, pk_attachments_panel, GTK_TYPE_WIDGET)

static void rebuild (PkAttachmentsPanel *self);

static PkAgendaItem *
item_of (PkAttachmentsPanel *self,
         PkAttachment       *attachment)
{
  for (guint i = 0; self->items != NULL && i < g_list_model_get_n_items (self->items); i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (self->items, i);

      if (g_list_store_find (pk_agenda_item_get_attachments (item), attachment, NULL))
        return item;
    }
  return NULL;
}

/* ---- jobs on the database's worker ---- */

typedef enum
{
  JOB_READ,          /* the bytes and the notes of a bilaga */
  JOB_RENAME,
  JOB_SAVE_TO,
  JOB_REMOVE,
  JOB_ADD_NOTE,
  JOB_DELETE_NOTE,
} JobKind;

typedef struct
{
  PkAttachmentsPanel *panel;    /* weak */
  JobKind kind;
  gint64 attachment_id;
  char *sha256;
  char *text;                   /* title, or path to save to */
  PkAnnotation *annotation;
  gint64 annotation_id;
  GBytes *bytes;
  GListStore *annotations;
  gboolean open_after;          /* JOB_SAVE_TO: open the file in another application */
} Job;

static void
job_free (Job *job)
{
  g_clear_weak_pointer (&job->panel);
  g_free (job->sha256);
  g_free (job->text);
  g_clear_object (&job->annotation);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_object (&job->annotations);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  PkDatabase *database = source_object;
  GError *error = NULL;
  gboolean ok = FALSE;

  switch (job->kind)
    {
    case JOB_READ:
      ok = pk_database_read_blob (database, job->sha256, &job->bytes, &error) &&
           (job->annotations = pk_database_list_annotations (database, job->attachment_id, &error)) != NULL;
      break;
    case JOB_RENAME:
      ok = pk_database_set_attachment_title (database, job->attachment_id, job->text, &error);
      break;
    case JOB_SAVE_TO:
      ok = pk_database_save_attachment_to (database, job->attachment_id, job->text, &error);
      break;
    case JOB_REMOVE:
      ok = pk_database_remove_attachment (database, job->attachment_id, &error);
      break;
    case JOB_ADD_NOTE:
      ok = pk_database_add_annotation (database, job->annotation, &error);
      break;
    case JOB_DELETE_NOTE:
      ok = pk_database_delete_annotation (database, job->annotation_id, &error);
      break;
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void show_read (PkAttachmentsPanel *self, Job *job);

static void
job_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  PkAttachmentsPanel *self = job->panel;
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  g_application_release (g_application_get_default ());
  if (self == NULL)
    return;
  self->busy--;
  if (!ok)
    {
      g_autofree char *message = g_strdup_printf (_("The attachment could not be read or written: %s"), error->message);

      if (job->kind == JOB_READ && self->shown != NULL && pk_attachment_get_id (self->shown) == job->attachment_id)
        {
          adw_status_page_set_title (self->unsafe_page, _("This Attachment Cannot Be Read"));
          adw_status_page_set_description (self->unsafe_page, error->message);
          gtk_stack_set_visible_child_name (self->viewer_stack, "unsafe");
        }
      else
        pk_toast_show_message (GTK_WIDGET (self), message);
      return;
    }
  switch (job->kind)
    {
    case JOB_READ:
      show_read (self, job);
      break;
    case JOB_SAVE_TO:
      {
        g_autoptr(GFile) file = g_file_new_for_path (job->text);
        g_autofree char *uri = g_file_get_uri (file);

        if (job->open_after)
          g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
        else
          {
            g_autofree char *name = g_file_get_basename (file);
            g_autofree char *message = g_strdup_printf (_("Saved as “%s”"), name);
            pk_toast_show_message (GTK_WIDGET (self), message);
          }
      }
      break;
    case JOB_ADD_NOTE:
      {
        g_autoptr(PkPdfNote) note = pk_pdf_note_new (pk_annotation_get_page (job->annotation),
                                                     pk_annotation_get_x (job->annotation),
                                                     pk_annotation_get_y (job->annotation),
                                                     pk_annotation_get_text (job->annotation));

        g_object_set_data (G_OBJECT (note), "annotation-id", GSIZE_TO_POINTER ((gsize) pk_annotation_get_id (job->annotation)));
        if (self->shown != NULL && pk_attachment_get_id (self->shown) == job->attachment_id)
          g_list_store_append (self->notes, note);
      }
      break;
    case JOB_RENAME:
    case JOB_REMOVE:
    case JOB_DELETE_NOTE:
      break;
    }
}

static Job *
job_new (PkAttachmentsPanel *self,
         JobKind             kind,
         gint64              attachment_id)
{
  Job *job = g_new0 (Job, 1);

  g_set_weak_pointer (&job->panel, self);
  job->kind = kind;
  job->attachment_id = attachment_id;
  return job;
}

static void
run_job (PkAttachmentsPanel *self,
         Job                *job)
{
  g_autoptr(GTask) task = NULL;

  if (self->database == NULL)
    {
      job_free (job);
      return;
    }
  task = g_task_new (self->database, NULL, job_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  self->busy++;
  /* Held so that a rename or a note typed just before quitting is written. */
  g_application_hold (g_application_get_default ());
  pk_database_run_in_worker (self->database, task, job_thread);
}

/* ---- the viewer ---- */

static void
show_read (PkAttachmentsPanel *self,
           Job                *job)
{
  GListModel *annotations = G_LIST_MODEL (job->annotations);

  if (self->shown == NULL || pk_attachment_get_id (self->shown) != job->attachment_id)
    return;
  g_list_store_remove_all (self->notes);
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(PkAnnotation) annotation = g_list_model_get_item (annotations, i);
      g_autoptr(PkPdfNote) note = pk_pdf_note_new (pk_annotation_get_page (annotation), pk_annotation_get_x (annotation),
                                                   pk_annotation_get_y (annotation), pk_annotation_get_text (annotation));

      g_object_set_data (G_OBJECT (note), "annotation-id", GSIZE_TO_POINTER ((gsize) pk_annotation_get_id (annotation)));
      g_list_store_append (self->notes, note);
    }
  pk_pdf_view_load_bytes (self->pdf_view, job->bytes);
  gtk_stack_set_visible_child_name (self->viewer_stack, "viewer");
}

static void
show_selected (PkAttachmentsPanel *self)
{
  PkAttachment *attachment = gtk_single_selection_get_selected_item (self->selection);
  PkAgendaItem *item;
  Job *job;

  if (attachment == self->shown && attachment != NULL)
    return;
  g_set_object (&self->shown, attachment);
  g_list_store_remove_all (self->notes);
  gtk_widget_set_visible (self->notes_box, attachment != NULL);
  if (attachment == NULL)
    {
      pk_pdf_view_load_bytes (self->pdf_view, NULL);
      gtk_stack_set_visible_child_name (self->viewer_stack, "none");
      return;
    }
  g_clear_handle_id (&self->title_timeout, g_source_remove);
  {
    /* A copy: set_text() empties the entry first, and that must not reach the model. */
    g_autofree char *title = g_strdup (pk_attachment_get_title (attachment) ? pk_attachment_get_title (attachment) : "");

    self->filling = TRUE;
    gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title);
    self->filling = FALSE;
  }
  item = item_of (self, attachment);
  if (item != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Attachment %d · item %s %s"), pk_attachment_get_number (attachment),
                                                pk_agenda_item_get_number (item) ? pk_agenda_item_get_number (item) : "",
                                                pk_agenda_item_get_title (item) ? pk_agenda_item_get_title (item) : "");
      gtk_label_set_label (self->item_label, label);
    }
  if (!pk_attachment_get_safe_to_show (attachment))
    {
      /* Poppler hung, crashed or failed on it in the probe, or it was never probed (it came with
       * an imported meeting): it is not opened in this process. */
      pk_pdf_view_load_bytes (self->pdf_view, NULL);
      gtk_widget_set_visible (self->notes_box, FALSE);
      if (pk_attachment_get_probe_result (attachment) == PK_PROBE_STATUS_UNKNOWN)
        {
          adw_status_page_set_title (self->unsafe_page, _("This Attachment Was Not Checked"));
          adw_status_page_set_description (self->unsafe_page,
                                           _("It came with an imported meeting and has not been opened here; its file may not be in this database."));
        }
      else
        {
          adw_status_page_set_title (self->unsafe_page, _("This File Cannot Be Shown Safely"));
          adw_status_page_set_description (self->unsafe_page,
                                           _("When it was attached, the PDF reader hung or failed on it. It is stored with the meeting; another application may be able to open it."));
        }
      gtk_stack_set_visible_child_name (self->viewer_stack, "unsafe");
      return;
    }
  gtk_stack_set_visible_child_name (self->viewer_stack, "loading");
  job = job_new (self, JOB_READ, pk_attachment_get_id (attachment));
  job->sha256 = g_strdup (pk_attachment_get_sha256 (attachment));
  run_job (self, job);
}

/* ---- the list ---- */

static void
rebuild (PkAttachmentsPanel *self)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  PkAttachment *was = self->shown != NULL ? g_object_ref (self->shown) : NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->meeting != NULL)
    pk_meeting_renumber_attachments (self->meeting);
  for (guint i = 0; self->items != NULL && i < g_list_model_get_n_items (self->items); i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (self->items, i);
      GListModel *attachments = G_LIST_MODEL (pk_agenda_item_get_attachments (item));

      for (guint j = 0; j < g_list_model_get_n_items (attachments); j++)
        {
          PkAttachment *attachment = g_list_model_get_item (attachments, j);

          if (attachment == was)
            position = all->len;
          g_ptr_array_add (all, attachment);
        }
    }
  g_list_store_splice (self->attachments, 0, g_list_model_get_n_items (G_LIST_MODEL (self->attachments)),
                       all->pdata, all->len);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);
  gtk_stack_set_visible_child_name (self->list_stack, all->len > 0 ? "list" : "empty");
  g_clear_object (&was);
  show_selected (self);
}

static void
on_items_changed (PkAttachmentsPanel *self)
{
  /* The agenda moved: "Bilaga N" follows the agenda order. */
  rebuild (self);
}

/* ---- attaching ---- */

typedef struct
{
  PkAttachmentsPanel *panel;   /* weak */
  PkAgendaItem *item;
  char *name;
} Attach;

static void
attach_free (Attach *attach)
{
  g_clear_weak_pointer (&attach->panel);
  g_clear_object (&attach->item);
  g_free (attach->name);
  g_free (attach);
}

static void
update_busy (PkAttachmentsPanel *self,
             const char         *name)
{
  if (name != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Checking and storing “%s”…"), name);
      gtk_label_set_label (self->busy_label, label);
    }
  gtk_revealer_set_reveal_child (self->busy_revealer, name != NULL);
}

static void
attach_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Attach *attach = user_data;
  PkAttachmentsPanel *self = attach->panel;
  g_autoptr(GError) error = NULL;
  g_autoptr(PkAttachment) attachment = pk_database_attach_file_finish (PK_DATABASE (source), result, &error);

  g_application_release (g_application_get_default ());
  if (self == NULL)
    {
      attach_free (attach);
      return;
    }
  self->busy--;
  update_busy (self, NULL);
  if (attachment == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          attach_free (attach);
          return;
        }
      message = g_error_matches (error, PK_PROBE_ERROR, PK_PROBE_ERROR_NOT_PDF)
        ? g_strdup_printf (_("“%s” is not a PDF and was not attached."), attach->name)
        : g_strdup_printf (_("“%s” was not attached: %s"), attach->name, error->message);
      pk_toast_show_message (GTK_WIDGET (self), message);
      attach_free (attach);
      return;
    }
  g_list_store_append (pk_agenda_item_get_attachments (attach->item), attachment);
  g_set_object (&self->shown, NULL);
  rebuild (self);
  {
    guint position;

    if (g_list_store_find (self->attachments, attachment, &position))
      gtk_single_selection_set_selected (self->selection, position);
  }
  if (!pk_attachment_get_safe_to_show (attachment))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” was stored, but it cannot be shown safely here."), attach->name);
      pk_toast_show_message (GTK_WIDGET (self), message);
    }
  attach_free (attach);
}

void
pk_attachments_panel_attach_files (PkAttachmentsPanel *self,
                                   PkAgendaItem       *item,
                                   GSList             *files)
{
  g_return_if_fail (PK_IS_ATTACHMENTS_PANEL (self));
  g_return_if_fail (PK_IS_AGENDA_ITEM (item));

  if (self->database == NULL || self->locked)
    return;
  if (pk_agenda_item_get_id (item) == 0)
    {
      pk_toast_show_message (GTK_WIDGET (self), _("The item is being saved; attach the file again in a moment."));
      return;
    }
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);
      Attach *attach;

      if (path == NULL)
        {
          pk_toast_show_message (GTK_WIDGET (self), _("Only files on this computer can be attached."));
          continue;
        }
      attach = g_new0 (Attach, 1);
      g_set_weak_pointer (&attach->panel, self);
      attach->item = g_object_ref (item);
      attach->name = g_file_get_basename (l->data);
      update_busy (self, attach->name);
      self->busy++;
      g_application_hold (g_application_get_default ());
      pk_database_attach_file_async (self->database, pk_agenda_item_get_id (item), path, NULL, self->cancellable,
                                     attach_done, attach);
    }
}

static PkAgendaItem *
chosen_item (PkAttachmentsPanel *self)
{
  return gtk_drop_down_get_selected_item (self->item_dropdown);
}

static void
files_chosen (GtkNativeDialog    *chooser,
              int                 response,
              PkAttachmentsPanel *self)
{
  if (response == GTK_RESPONSE_ACCEPT && chosen_item (self) != NULL)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      GSList *list = NULL;

      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));
      pk_attachments_panel_attach_files (self, chosen_item (self), list);
      g_slist_free_full (list, g_object_unref);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PkAttachmentsPanel *self = PK_ATTACHMENTS_PANEL (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (chosen_item (self) == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Attach PDF"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (files_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_drop (GtkDropTarget      *target,
         const GValue       *value,
         double              x,
         double              y,
         PkAttachmentsPanel *self)
{
  GdkFileList *files = g_value_get_boxed (value);
  g_autoptr(GSList) list = gdk_file_list_get_files (files);

  if (chosen_item (self) == NULL || self->locked)
    return FALSE;
  pk_attachments_panel_attach_files (self, chosen_item (self), list);
  return TRUE;
}

/* ---- title, save, remove ---- */

static gboolean
write_title (gpointer data)
{
  PkAttachmentsPanel *self = data;
  Job *job;

  self->title_timeout = 0;
  if (self->shown == NULL)
    return G_SOURCE_REMOVE;
  job = job_new (self, JOB_RENAME, pk_attachment_get_id (self->shown));
  job->text = g_strdup (pk_attachment_get_title (self->shown));
  run_job (self, job);
  return G_SOURCE_REMOVE;
}

static void
on_title_changed (PkAttachmentsPanel *self)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));

  if (self->filling || self->shown == NULL || g_strcmp0 (title, pk_attachment_get_title (self->shown)) == 0)
    return;
  pk_attachment_set_title (self->shown, title);
  g_clear_handle_id (&self->title_timeout, g_source_remove);
  self->title_timeout = g_timeout_add (500, write_title, self);
}

static void
save_chosen (GtkNativeDialog    *chooser,
             int                 response,
             PkAttachmentsPanel *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->shown != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      Job *job = job_new (self, JOB_SAVE_TO, pk_attachment_get_id (self->shown));

      job->text = g_file_get_path (file);
      if (job->text != NULL)
        run_job (self, job);
      else
        job_free (job);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static char *
file_name_for (PkAttachment *attachment)
{
  g_autofree char *name = g_strdup_printf ("Bilaga %d %s.pdf", pk_attachment_get_number (attachment),
                                           pk_attachment_get_title (attachment) ? pk_attachment_get_title (attachment) : "");

  g_strdelimit (name, "/\\:", '-');
  return g_steal_pointer (&name);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PkAttachmentsPanel *self = PK_ATTACHMENTS_PANEL (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->shown == NULL)
    return;
  name = file_name_for (self->shown);
  chooser = gtk_file_chooser_native_new (_("Save Attachment"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_outside_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PkAttachmentsPanel *self = PK_ATTACHMENTS_PANEL (widget);
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "protokoll", "bilagor", NULL);
  g_autofree char *name = NULL;
  Job *job;

  if (self->shown == NULL)
    return;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      pk_toast_show_message (GTK_WIDGET (self), g_strerror (errno));
      return;
    }
  name = file_name_for (self->shown);
  job = job_new (self, JOB_SAVE_TO, pk_attachment_get_id (self->shown));
  job->text = g_build_filename (dir, name, NULL);
  job->open_after = TRUE;
  run_job (self, job);
}

typedef struct
{
  PkAttachmentsPanel *panel;   /* weak */
  PkAgendaItem *item;
  PkAttachment *attachment;
  guint position;
  gboolean undone;
} Removal;

static void
removal_free (Removal *removal)
{
  g_clear_weak_pointer (&removal->panel);
  g_clear_object (&removal->item);
  g_clear_object (&removal->attachment);
  g_free (removal);
}

static void
undo_removal (AdwToast *toast,
              Removal  *removal)
{
  GListStore *store = pk_agenda_item_get_attachments (removal->item);

  removal->undone = TRUE;
  g_list_store_insert (store, MIN (removal->position, g_list_model_get_n_items (G_LIST_MODEL (store))),
                       removal->attachment);
  if (removal->panel != NULL)
    rebuild (removal->panel);
}

static void
removal_dismissed (AdwToast *toast,
                   Removal  *removal)
{
  /* Gone for good only now: until then an undo brings it back whole, bytes and all. */
  if (!removal->undone && removal->panel != NULL)
    run_job (removal->panel, job_new (removal->panel, JOB_REMOVE, pk_attachment_get_id (removal->attachment)));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PkAttachmentsPanel *self = PK_ATTACHMENTS_PANEL (widget);
  PkAgendaItem *item;
  Removal *removal;
  AdwToast *toast;
  g_autofree char *message = NULL;

  if (self->shown == NULL || self->locked || (item = item_of (self, self->shown)) == NULL)
    return;
  removal = g_new0 (Removal, 1);
  g_set_weak_pointer (&removal->panel, self);
  removal->item = g_object_ref (item);
  removal->attachment = g_object_ref (self->shown);
  g_list_store_find (pk_agenda_item_get_attachments (item), self->shown, &removal->position);
  g_list_store_remove (pk_agenda_item_get_attachments (item), removal->position);
  message = g_strdup_printf (_("“%s” removed"), pk_attachment_get_title (removal->attachment));
  g_set_object (&self->shown, NULL);
  rebuild (self);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_removal), removal);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (removal_dismissed), removal,
                         (GClosureNotify) (void (*) (void)) removal_free, 0);
  pk_toast_show (GTK_WIDGET (self), toast);
}

/* ---- notes ---- */

void
pk_attachments_panel_add_note (PkAttachmentsPanel *self,
                               int                 page,
                               double              x,
                               double              y,
                               const char         *text)
{
  Job *job;

  g_return_if_fail (PK_IS_ATTACHMENTS_PANEL (self));

  if (self->shown == NULL || text == NULL || *text == '\0')
    return;
  job = job_new (self, JOB_ADD_NOTE, pk_attachment_get_id (self->shown));
  job->annotation = pk_annotation_new ();
  pk_annotation_set_attachment_id (job->annotation, pk_attachment_get_id (self->shown));
  pk_annotation_set_page (job->annotation, page);
  pk_annotation_set_x (job->annotation, x);
  pk_annotation_set_y (job->annotation, y);
  pk_annotation_set_text (job->annotation, text);
  run_job (self, job);
}

typedef struct
{
  PkAttachmentsPanel *panel;   /* weak */
  GtkEntry *entry;
  int page;
  double x, y;
} NoteRequest;

static void
note_request_free (NoteRequest *request)
{
  g_clear_weak_pointer (&request->panel);
  g_free (request);
}

static void
note_response (AdwMessageDialog *dialog,
               const char       *response,
               NoteRequest      *request)
{
  if (g_str_equal (response, "add") && request->panel != NULL)
    pk_attachments_panel_add_note (request->panel, request->page, request->x, request->y,
                                   gtk_editable_get_text (GTK_EDITABLE (request->entry)));
}

static void
on_note_requested (PkAttachmentsPanel *self,
                   int                 page,
                   double              x,
                   double              y)
{
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();
  NoteRequest *request = g_new0 (NoteRequest, 1);
  g_autofree char *heading = g_strdup_printf (_("Note on Page %d"), page + 1);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                   _("Notes are private: they stay in this database and are not printed."));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add Note"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_set_weak_pointer (&request->panel, self);
  request->entry = GTK_ENTRY (entry);
  request->page = page;
  request->x = x;
  request->y = y;
  g_signal_connect_data (dialog, "response", G_CALLBACK (note_response), request,
                         (GClosureNotify) (void (*) (void)) note_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_note_delete (GtkButton          *button,
                PkAttachmentsPanel *self)
{
  PkPdfNote *note = g_object_get_data (G_OBJECT (button), "note");
  guint position;

  if (note == NULL || !g_list_store_find (self->notes, note, &position))
    return;
  {
    Job *job = job_new (self, JOB_DELETE_NOTE, 0);

    job->annotation_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (note), "annotation-id"));
    g_list_store_remove (self->notes, position);
    run_job (self, job);
  }
}

static void
on_note_activated (GtkListBox         *list,
                   GtkListBoxRow      *row,
                   PkAttachmentsPanel *self)
{
  PkPdfNote *note = g_object_get_data (G_OBJECT (row), "note");

  if (note != NULL)
    pk_pdf_view_set_page (self->pdf_view, pk_pdf_note_get_page (note));
}

static GtkWidget *
create_note_row (gpointer item,
                 gpointer user_data)
{
  PkAttachmentsPanel *self = user_data;
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/protokoll/Protokoll/pk-attachment-note-row.ui");
  GtkWidget *row = g_object_ref (GTK_WIDGET (gtk_builder_get_object (builder, "row")));
  g_autofree char *page = g_strdup_printf (_("p. %d"), pk_pdf_note_get_page (item) + 1);
  GObject *remove = gtk_builder_get_object (builder, "remove");

  gtk_label_set_label (GTK_LABEL (gtk_builder_get_object (builder, "page")), page);
  gtk_label_set_label (GTK_LABEL (gtk_builder_get_object (builder, "text")), pk_pdf_note_get_text (item));
  g_object_set_data_full (G_OBJECT (row), "note", g_object_ref (item), g_object_unref);
  g_object_set_data_full (remove, "note", g_object_ref (item), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_note_delete), self, 0);
  return row;   /* a full reference, the builder's goes with it */
}

/* ---- list rows (closures of pk-attachment-item.ui) ---- */

static gboolean
pk_not (gpointer this,
        gboolean value)
{
  return !value;
}

static char *
pk_attachment_label (gpointer this,
                     int      number)
{
  return g_strdup_printf (_("Attachment %d"), number);
}

/* ---- life ---- */

void
pk_attachments_panel_set_meeting (PkAttachmentsPanel *self,
                                  PkDatabase         *database,
                                  PkMeeting          *meeting,
                                  GListModel         *items)
{
  g_return_if_fail (PK_IS_ATTACHMENTS_PANEL (self));

  if (self->meeting == meeting && self->database == database)
    return;
  if (self->items != NULL)
    g_signal_handlers_disconnect_by_func (self->items, on_items_changed, self);
  g_set_object (&self->database, database);
  g_set_object (&self->meeting, meeting);
  g_clear_object (&self->items);
  if (meeting != NULL && items != NULL)
    self->items = g_object_ref (items);
  if (self->items != NULL)
    g_signal_connect_object (self->items, "items-changed", G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  gtk_drop_down_set_model (self->item_dropdown, self->items);
  g_set_object (&self->shown, NULL);
  rebuild (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->attachments)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
}

void
pk_attachments_panel_set_locked (PkAttachmentsPanel *self,
                                 gboolean            locked)
{
  g_return_if_fail (PK_IS_ATTACHMENTS_PANEL (self));

  self->locked = locked;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attachments.attach", !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attachments.remove", !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_entry), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->item_dropdown), !locked);
}

GListModel *
pk_attachments_panel_get_attachments (PkAttachmentsPanel *self)
{
  g_return_val_if_fail (PK_IS_ATTACHMENTS_PANEL (self), NULL);
  return G_LIST_MODEL (self->attachments);
}

GListModel *
pk_attachments_panel_get_notes (PkAttachmentsPanel *self)
{
  g_return_val_if_fail (PK_IS_ATTACHMENTS_PANEL (self), NULL);
  return G_LIST_MODEL (self->notes);
}

void
pk_attachments_panel_select (PkAttachmentsPanel *self,
                             guint               position)
{
  g_return_if_fail (PK_IS_ATTACHMENTS_PANEL (self));
  gtk_single_selection_set_selected (self->selection, position);
}

GtkWidget *
pk_attachments_panel_get_view (PkAttachmentsPanel *self)
{
  g_return_val_if_fail (PK_IS_ATTACHMENTS_PANEL (self), NULL);
  return GTK_WIDGET (self->pdf_view);
}

const char *
pk_attachments_panel_get_state (PkAttachmentsPanel *self)
{
  g_return_val_if_fail (PK_IS_ATTACHMENTS_PANEL (self), NULL);
  return gtk_stack_get_visible_child_name (self->viewer_stack);
}

gboolean
pk_attachments_panel_is_busy (PkAttachmentsPanel *self)
{
  g_return_val_if_fail (PK_IS_ATTACHMENTS_PANEL (self), FALSE);
  return self->busy > 0 || self->title_timeout != 0;
}

static void
pk_attachments_panel_dispose (GObject *object)
{
  PkAttachmentsPanel *self = PK_ATTACHMENTS_PANEL (object);

  if (self->title_timeout != 0)
    {
      g_clear_handle_id (&self->title_timeout, g_source_remove);
      write_title (self);
    }
  g_cancellable_cancel (self->cancellable);
  if (self->items != NULL)
    g_signal_handlers_disconnect_by_func (self->items, on_items_changed, self);
  if (self->notes_list != NULL)
    gtk_list_box_bind_model (self->notes_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PK_TYPE_ATTACHMENTS_PANEL);
  /* Template children not bound to a field: GTK 4.8 leaves unparenting them to us. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->shown);
  g_clear_object (&self->selection);
  g_clear_object (&self->attachments);
  g_clear_object (&self->notes);
  g_clear_object (&self->items);
  g_clear_object (&self->meeting);
  g_clear_object (&self->database);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (pk_attachments_panel_parent_class)->dispose (object);
}

static void
pk_attachments_panel_class_init (PkAttachmentsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pk_attachments_panel_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/protokoll/Protokoll/pk-attachments-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PkAttachmentsPanel, item_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PkAttachmentsPanel, attach_button);
  gtk_widget_class_bind_template_child (widget_class, PkAttachmentsPanel, busy_revealer);
  gtk_widget_class_bind_template_child (widget_class, PkAttachmentsPanel, busy_label);
  gtk_widget_class_bind_template_child (widget_class, PkAttachmentsPanel, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PkAttachmentsPanel, attachment_list);
  gtk_widget_class_bind_template_child (widget_class, PkAttachmentsPanel, notes_list);
  gtk_widget_class_bind_template_child (widget_class, PkAttachmentsPanel, notes_box);
  gtk_widget_class_bind_template_child (widget_class, PkAttachmentsPanel, notes_placeholder);
  gtk_widget_class_bind_template_child (widget_class, PkAttachmentsPanel, viewer_stack);
  gtk_widget_class_bind_template_child (widget_class, PkAttachmentsPanel, title_entry);
  gtk_widget_class_bind_template_child (widget_class, PkAttachmentsPanel, item_label);
  gtk_widget_class_bind_template_child (widget_class, PkAttachmentsPanel, remove_button);
  gtk_widget_class_bind_template_child (widget_class, PkAttachmentsPanel, pdf_view);
  gtk_widget_class_bind_template_child (widget_class, PkAttachmentsPanel, unsafe_page);
  gtk_widget_class_install_action (widget_class, "attachments.attach", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "attachments.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "attachments.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "attachments.open-outside", NULL, open_outside_action);
  g_type_ensure (PK_TYPE_PDF_VIEW);
  g_type_ensure (PK_TYPE_AGENDA_ITEM);
}

/* Set here, not in the template: see pk_widget_set_tooltip(). */
static const PkTemplateTooltip attachments_panel_tooltips[] = {
  { "attach_button", N_("Attach PDF files to the chosen item; you can also drop them here") },
  { "item_dropdown", N_("The item new attachments go to") },
  { "notes_hint", N_("Right-click a page and choose Add Note") },
  { "save_copy_button", N_("Save a Copy…") },
  { "remove_button", N_("Remove Attachment") },
};

static void
pk_attachments_panel_init (PkAttachmentsPanel *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkListItemFactory) item_factory = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  pk_template_set_tooltips (GTK_WIDGET (self), attachments_panel_tooltips, G_N_ELEMENTS (attachments_panel_tooltips));
  self->cancellable = g_cancellable_new ();
  self->attachments = g_list_store_new (PK_TYPE_ATTACHMENT);
  self->notes = g_list_store_new (PK_TYPE_PDF_NOTE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->attachments)));
  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "pk_not", G_CALLBACK (pk_not),
                                           "pk_attachment_label", G_CALLBACK (pk_attachment_label),
                                           NULL);
  factory = gtk_builder_list_item_factory_new_from_resource (scope, "/io/github/protokoll/Protokoll/pk-attachment-item.ui");
  gtk_list_view_set_factory (self->attachment_list, factory);
  gtk_list_view_set_model (self->attachment_list, GTK_SELECTION_MODEL (self->selection));
  item_factory = gtk_builder_list_item_factory_new_from_resource (NULL, "/io/github/protokoll/Protokoll/pk-minutes-item.ui");
  gtk_drop_down_set_factory (self->item_dropdown, item_factory);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (show_selected), self);
  g_signal_connect_swapped (self->title_entry, "changed", G_CALLBACK (on_title_changed), self);
  g_signal_connect_swapped (self->pdf_view, "note-requested", G_CALLBACK (on_note_requested), self);
  g_signal_connect (self->notes_list, "row-activated", G_CALLBACK (on_note_activated), self);
  gtk_list_box_bind_model (self->notes_list, G_LIST_MODEL (self->notes), create_note_row, self, NULL);
  gtk_list_box_set_placeholder (self->notes_list, self->notes_placeholder);
  pk_pdf_view_set_notes (self->pdf_view, G_LIST_MODEL (self->notes));

  /* A PDF dropped anywhere on the panel goes to the item chosen above. */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  gtk_widget_set_visible (self->notes_box, FALSE);
}
