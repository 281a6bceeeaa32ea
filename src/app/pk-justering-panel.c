/* pk-justering-panel.c: the Justering panel: stage, required and made sign-offs, signing, rättelse.
 * Signing and correcting run on the database's worker; the view then reads the meeting again. */
#include "config.h"

#include <glib/gi18n.h>

#include "pk-justering-panel.h"
#include "pk-toast.h"

/* Justering normally within 14 days of the meeting. */
#define JUSTERING_DAYS 14

struct _PkJusteringPanel
{
  GtkWidget parent_instance;

  GtkLabel *lock_label;
  AdwComboRow *status_row;
  AdwActionRow *deadline_row;
  GtkListBox *signoffs_list;
  AdwPreferencesGroup *sign_group;
  AdwComboRow *signer_row;
  AdwEntryRow *signer_name_row;
  AdwEntryRow *signer_place_row;
  GtkButton *sign_button;
  AdwPreferencesGroup *correct_group;
  AdwEntryRow *reason_row;
  GtkButton *correct_button;

  PkDatabase *database;
  PkMeeting *meeting;
  gboolean filling;
  guint busy;
};

G_DEFINE_FINAL_TYPE (PkJusteringPanel, pk_justering_panel, GTK_TYPE_WIDGET)

enum {
  STATUS_CHOSEN,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const PkRole signer_roles[] = { PK_ROLE_SEKRETERARE, PK_ROLE_ORDFORANDE, PK_ROLE_JUSTERARE };

static void
add_signoff_row (PkJusteringPanel *self,
                 const char       *role,
                 const char       *name,
                 const char       *detail,
                 gboolean          done)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (done ? "emblem-ok-symbolic" : "content-loading-symbolic");
  g_autofree char *title = name != NULL ? g_strdup_printf ("%s — %s", role, name) : g_strdup (role);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail);
  gtk_widget_add_css_class (icon, done ? "success" : "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_append (self->signoffs_list, row);
}

static const PkSignoff *
find_signoff (PkMeeting  *meeting,
              PkRole      role,
              const char *name)
{
  GListModel *signoffs = G_LIST_MODEL (pk_meeting_get_signoffs (meeting));

  for (guint i = 0; i < g_list_model_get_n_items (signoffs); i++)
    {
      g_autoptr(PkSignoff) signoff = g_list_model_get_item (signoffs, i);

      if (pk_signoff_get_role (signoff) == role && (name == NULL || g_strcmp0 (pk_signoff_get_name (signoff), name) == 0))
        return signoff;  /* the meeting keeps it */
    }
  return NULL;
}

static char *
signoff_detail (const PkSignoff *signoff)
{
  g_autoptr(GDateTime) at = NULL;
  g_autofree char *when = NULL;

  if (signoff == NULL)
    return g_strdup (_("Not signed yet"));
  at = pk_signoff_get_at ((PkSignoff *) signoff) ? g_date_time_new_from_iso8601 (pk_signoff_get_at ((PkSignoff *) signoff), NULL) : NULL;
  when = at ? g_date_time_format (at, "%Y-%m-%d %H:%M") : g_strdup ("");
  if (pk_signoff_get_place ((PkSignoff *) signoff) != NULL)
    return g_strdup_printf (_("Signed %s in %s"), when, pk_signoff_get_place ((PkSignoff *) signoff));
  return g_strdup_printf (_("Signed %s"), when);
}

static void
fill (PkJusteringPanel *self)
{
  PkMeeting *meeting = self->meeting;
  GtkWidget *child;
  gboolean justerat;
  gboolean protokoll;
  GListModel *attendees;
  gboolean named_approver = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->signoffs_list))) != NULL)
    gtk_list_box_remove (self->signoffs_list, child);
  if (meeting == NULL)
    return;

  self->filling = TRUE;
  justerat = pk_meeting_get_status (meeting) == PK_MEETING_STATUS_JUSTERAT;
  protokoll = pk_meeting_get_kind (meeting) == PK_MEETING_KIND_PROTOKOLL;
  if (!justerat)
    adw_combo_row_set_selected (self->status_row, MIN (pk_meeting_get_status (meeting), PK_MEETING_STATUS_PENDING));
  /* Approved is not a stage to pick: it is what the sign-offs make. */
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), !justerat);

  /* The deadline: 14 days after the meeting; overdue shown until approved. */
  if (pk_meeting_get_date (meeting) != NULL && protokoll)
    {
      g_autofree char *noon = g_strconcat (pk_meeting_get_date (meeting), "T12:00:00Z", NULL);
      g_autoptr(GDateTime) day = g_date_time_new_from_iso8601 (noon, NULL);
      g_autoptr(GDateTime) deadline = day ? g_date_time_add_days (day, JUSTERING_DAYS) : NULL;
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *text = deadline ? g_date_time_format (deadline, "%Y-%m-%d") : NULL;
      gboolean overdue = deadline != NULL && !justerat && g_date_time_compare (now, deadline) > 0;

      if (overdue)
        {
          g_autofree char *late = g_strdup_printf (_("%s — overdue"), text);
          adw_action_row_set_subtitle (self->deadline_row, late);
          gtk_widget_add_css_class (GTK_WIDGET (self->deadline_row), "error");
        }
      else
        {
          adw_action_row_set_subtitle (self->deadline_row, text ? text : "");
          gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_row), "error");
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_row), protokoll && pk_meeting_get_date (meeting) != NULL);

  /* Required: secretary, chair, each approver the roster names (or one if none). */
  {
    const PkSignoff *s = find_signoff (meeting, PK_ROLE_SEKRETERARE, NULL);
    g_autofree char *detail = signoff_detail (s);
    add_signoff_row (self, _("Secretary"), s ? pk_signoff_get_name ((PkSignoff *) s) : NULL, detail, s != NULL);
  }
  {
    const PkSignoff *s = find_signoff (meeting, PK_ROLE_ORDFORANDE, NULL);
    g_autofree char *detail = signoff_detail (s);
    add_signoff_row (self, _("Chair"), s ? pk_signoff_get_name ((PkSignoff *) s) : NULL, detail, s != NULL);
  }
  attendees = G_LIST_MODEL (pk_meeting_get_attendees (meeting));
  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(PkAttendance) attendance = g_list_model_get_item (attendees, i);
      const PkSignoff *s;
      g_autofree char *detail = NULL;

      if (pk_attendance_get_role (attendance) != PK_ROLE_JUSTERARE)
        continue;
      named_approver = TRUE;
      s = find_signoff (meeting, PK_ROLE_JUSTERARE, pk_attendance_get_name (attendance));
      detail = signoff_detail (s);
      add_signoff_row (self, _("Approver"), pk_attendance_get_name (attendance), detail, s != NULL);
    }
  if (!named_approver)
    {
      const PkSignoff *s = find_signoff (meeting, PK_ROLE_JUSTERARE, NULL);
      g_autofree char *detail = signoff_detail (s);
      add_signoff_row (self, _("Approver"), s ? pk_signoff_get_name ((PkSignoff *) s) : NULL, detail, s != NULL);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->sign_group), protokoll && !justerat);
  gtk_widget_set_visible (GTK_WIDGET (self->correct_group), justerat);
  gtk_widget_set_visible (GTK_WIDGET (self->lock_label), justerat);
  if (justerat)
    {
      g_autofree char *text = g_strdup_printf (_("Approved and locked — version %d. Checksum (SHA-256) of the content: %s"),
                                               pk_meeting_get_version (meeting), pk_meeting_get_content_sha256 (meeting));
      gtk_label_set_label (self->lock_label, text);
    }
  if (!protokoll)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (GTK_WIDGET (self->signoffs_list), ADW_TYPE_PREFERENCES_GROUP)),
                                           _("Meeting notes are not signed off."));
  self->filling = FALSE;
}

typedef struct
{
  PkJusteringPanel *panel;  /* weak */
  PkDatabase *database;
  gint64 meeting_id;
  PkRole role;
  char *name;
  char *place;
  char *reason;
  gboolean justerat;
} Job;

static void
job_free (Job *job)
{
  g_clear_weak_pointer (&job->panel);
  g_clear_object (&job->database);
  g_free (job->name);
  g_free (job->place);
  g_free (job->reason);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gboolean ok = job->reason != NULL
                  ? pk_database_correct (job->database, job->meeting_id, job->reason, &error)
                  : pk_database_sign (job->database, job->meeting_id, job->role, job->name, job->place,
                                      &job->justerat, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
job_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  PkJusteringPanel *self = job->panel;
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  g_application_release (g_application_get_default ());
  if (self == NULL)
    return;
  self->busy--;
  if (error != NULL)
    {
      pk_toast_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  if (job->reason != NULL)
    pk_toast_show_message (GTK_WIDGET (self), _("Correction opened: a new version can be edited and signed"));
  else if (job->justerat)
    pk_toast_show_message (GTK_WIDGET (self), _("Approved: the minutes are locked and their § numbers fixed"));
  else
    pk_toast_show_message (GTK_WIDGET (self), _("Signed"));
  gtk_editable_set_text (GTK_EDITABLE (self->signer_name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), "");
  /* The view reads the meeting again: status, § numbers, sign-offs. */
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
run_job (PkJusteringPanel *self,
         Job              *job)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, job_done, NULL);

  g_set_weak_pointer (&job->panel, self);
  job->database = g_object_ref (self->database);
  job->meeting_id = pk_meeting_get_id (self->meeting);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  self->busy++;
  g_application_hold (g_application_get_default ());
  pk_database_run_in_worker (self->database, task, job_thread);
}

void
pk_justering_panel_sign (PkJusteringPanel *self,
                         PkRole            role,
                         const char       *name,
                         const char       *place)
{
  Job *job;

  g_return_if_fail (PK_IS_JUSTERING_PANEL (self));

  if (self->meeting == NULL || self->database == NULL || pk_str_or_null (name) == NULL)
    return;
  job = g_new0 (Job, 1);
  job->role = role;
  job->name = g_strstrip (g_strdup (name));
  job->place = g_strdup (pk_str_or_null (place));
  run_job (self, job);
}

static void
on_sign_clicked (PkJusteringPanel *self)
{
  guint role = adw_combo_row_get_selected (self->signer_row);

  pk_justering_panel_sign (self, signer_roles[MIN (role, G_N_ELEMENTS (signer_roles) - 1)],
                           gtk_editable_get_text (GTK_EDITABLE (self->signer_name_row)),
                           gtk_editable_get_text (GTK_EDITABLE (self->signer_place_row)));
}

static void
on_correct_clicked (PkJusteringPanel *self)
{
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
  Job *job;

  if (self->meeting == NULL || pk_str_or_null (reason) == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->reason_row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->reason_row), "error");
  job = g_new0 (Job, 1);
  job->reason = g_strdup (reason);
  run_job (self, job);
}

static void
on_status_selected (PkJusteringPanel *self)
{
  if (!self->filling && self->meeting != NULL)
    g_signal_emit (self, signals[STATUS_CHOSEN], 0, (int) adw_combo_row_get_selected (self->status_row));
}

void
pk_justering_panel_set_meeting (PkJusteringPanel *self,
                                PkDatabase       *database,
                                PkMeeting        *meeting)
{
  g_return_if_fail (PK_IS_JUSTERING_PANEL (self));

  g_set_object (&self->database, database);
  g_set_object (&self->meeting, meeting);
  fill (self);
}

gboolean
pk_justering_panel_is_busy (PkJusteringPanel *self)
{
  g_return_val_if_fail (PK_IS_JUSTERING_PANEL (self), FALSE);
  return self->busy > 0;
}

static void
pk_justering_panel_dispose (GObject *object)
{
  PkJusteringPanel *self = PK_JUSTERING_PANEL (object);

  g_clear_object (&self->meeting);
  g_clear_object (&self->database);
  gtk_widget_dispose_template (GTK_WIDGET (self), PK_TYPE_JUSTERING_PANEL);
  /* The template's scrolled window is not a bound child: GTK 4.8 leaves it to us. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pk_justering_panel_parent_class)->dispose (object);
}

static void
pk_justering_panel_class_init (PkJusteringPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pk_justering_panel_dispose;

  /* The user chose a stage (PkMeetingStatus, draft … pending) for the meeting. */
  signals[STATUS_CHOSEN] = g_signal_new ("status-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /* A sign-off or a correction was stored: the meeting must be read again. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/protokoll/Protokoll/pk-justering-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PkJusteringPanel, lock_label);
  gtk_widget_class_bind_template_child (widget_class, PkJusteringPanel, status_row);
  gtk_widget_class_bind_template_child (widget_class, PkJusteringPanel, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, PkJusteringPanel, signoffs_list);
  gtk_widget_class_bind_template_child (widget_class, PkJusteringPanel, sign_group);
  gtk_widget_class_bind_template_child (widget_class, PkJusteringPanel, signer_row);
  gtk_widget_class_bind_template_child (widget_class, PkJusteringPanel, signer_name_row);
  gtk_widget_class_bind_template_child (widget_class, PkJusteringPanel, signer_place_row);
  gtk_widget_class_bind_template_child (widget_class, PkJusteringPanel, sign_button);
  gtk_widget_class_bind_template_child (widget_class, PkJusteringPanel, correct_group);
  gtk_widget_class_bind_template_child (widget_class, PkJusteringPanel, reason_row);
  gtk_widget_class_bind_template_child (widget_class, PkJusteringPanel, correct_button);
}

static void
pk_justering_panel_init (PkJusteringPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->sign_button, "clicked", G_CALLBACK (on_sign_clicked), self);
  g_signal_connect_swapped (self->correct_button, "clicked", G_CALLBACK (on_correct_clicked), self);
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (on_status_selected), self);
}
