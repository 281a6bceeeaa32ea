/* pk-attendance-panel.c: the Närvaro panel: take attendance by keyboard, see the quorum. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pk-attendance-panel.h"
#include "pk-lazy.h"
#include "pk-toast.h"
#include "pk-attendance-row.h"
#include "pk-saver.h"


struct _PkAttendancePanel
{
  GtkWidget parent_instance;

  GtkRevealer *quorum_revealer;
  GtkLabel *quorum_warning;
  GtkEntry *add_entry;
  GtkLabel *quorum_label;
  GtkStack *list_stack;
  GtkListView *roster_list;

  PkDatabase *database;
  PkMeeting *meeting;
  GtkSingleSelection *selection;
  int required;              /* voting members needed, -1 when the body keeps no roster */
  PkSaver *saver;
  guint busy;                /* prefills in flight */
  char *last_unknown_item;   /* said once, not at every keystroke */
};

G_DEFINE_FINAL_TYPE (PkAttendancePanel, pk_attendance_panel, GTK_TYPE_WIDGET)

/* ---- saving ---- */

static gpointer
take_snapshot (gpointer owner)
{
  PkAttendancePanel *self = owner;
  return self->meeting != NULL ? pk_meeting_copy_deep (self->meeting) : NULL;
}

static gboolean
write_snapshot (PkDatabase  *database,
                gpointer     copy,
                GError     **error)
{
  return pk_database_save_attendance (database, copy, error);
}

static void
snapshot_written (gpointer      owner,
                  gpointer      copy,
                  const GError *error)
{
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The attendance was not saved: %s"), error->message);
      pk_toast_show_message (GTK_WIDGET (owner), message);
    }
}

static void
schedule_save (PkAttendancePanel *self)
{
  pk_saver_schedule (self->saver);
}

void
pk_attendance_panel_flush (PkAttendancePanel *self)
{
  g_return_if_fail (PK_IS_ATTENDANCE_PANEL (self));
  pk_saver_flush (self->saver);
}

gboolean
pk_attendance_panel_is_busy (PkAttendancePanel *self)
{
  g_return_val_if_fail (PK_IS_ATTENDANCE_PANEL (self), FALSE);
  return pk_saver_is_busy (self->saver) || self->busy > 0;
}

/* ---- quorum ---- */

static void
update_quorum (PkAttendancePanel *self)
{
  PkQuorum quorum;
  g_autofree char *text = NULL;

  if (self->meeting == NULL || self->required < 0)
    {
      gtk_label_set_label (self->quorum_label, "");
      gtk_revealer_set_reveal_child (self->quorum_revealer, FALSE);
      return;
    }
  pk_quorum_compute (self->meeting, self->required, NULL, &quorum);
  text = g_strdup_printf (_("%d voting present · %d needed for quorum"), quorum.present, quorum.required);
  gtk_label_set_label (self->quorum_label, text);
  if (!quorum.met)
    {
      g_autofree char *warning = g_strdup_printf (_("No quorum: %d voting members present, %d needed."),
                                                  quorum.present, quorum.required);
      gtk_label_set_label (self->quorum_warning, warning);
    }
  gtk_revealer_set_reveal_child (self->quorum_revealer, !quorum.met);
}

const char *
pk_attendance_panel_get_quorum_text (PkAttendancePanel *self)
{
  g_return_val_if_fail (PK_IS_ATTENDANCE_PANEL (self), NULL);
  return self->required >= 0 ? gtk_label_get_label (self->quorum_label) : NULL;
}

typedef struct
{
  PkAttendancePanel *panel;  /* weak */
  PkDatabase *database;
  PkMeeting *copy;
  guint added;
} LookupJob;

static void
lookup_job_free (LookupJob *job)
{
  g_clear_weak_pointer (&job->panel);
  g_clear_object (&job->database);
  g_clear_object (&job->copy);
  g_free (job);
}

/* ---- the list ---- */

static void
on_roster_changed (PkAttendancePanel *self)
{
  gtk_stack_set_visible_child_name (self->list_stack,
                                    self->meeting != NULL &&
                                    g_list_model_get_n_items (G_LIST_MODEL (pk_meeting_get_attendees (self->meeting))) > 0
                                      ? "list" : "empty");
  update_quorum (self);
}

static void
on_attendance_notify (PkAttendancePanel *self,
                      GParamSpec        *pspec,
                      PkAttendance      *attendance)
{
  const char *name = g_param_spec_get_name (pspec);

  /* An item number that does not exist would be dropped on saving: say so while it can be fixed. */
  if (g_str_equal (name, "from-item") || g_str_equal (name, "to-item"))
    {
      g_autofree char *number = NULL;

      g_object_get (attendance, name, &number, NULL);
      if (number != NULL && pk_meeting_find_item_by_number (self->meeting, number) == NULL &&
          g_strcmp0 (number, self->last_unknown_item) != 0)
        {
          g_autofree char *message = g_strdup_printf (_("There is no item numbered “%s” on the agenda"), number);
          pk_toast_show_message (GTK_WIDGET (self), message);
        }
      g_free (self->last_unknown_item);
      self->last_unknown_item = g_steal_pointer (&number);
    }
  update_quorum (self);
  schedule_save (self);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, GTK_WIDGET (pk_attendance_row_new ()));
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  pk_attendance_row_set_attendance (PK_ATTENDANCE_ROW (gtk_list_item_get_child (list_item)),
                                    gtk_list_item_get_item (list_item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  pk_attendance_row_set_attendance (PK_ATTENDANCE_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
watch (PkAttendancePanel *self,
       PkAttendance      *attendance)
{
  g_signal_connect_object (attendance, "notify", G_CALLBACK (on_attendance_notify), self, G_CONNECT_SWAPPED);
}

/* ---- actions ---- */

static void
prefill_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LookupJob *job = task_data;
  GError *error = NULL;

  job->added = pk_database_prefill_attendance (job->database, job->copy, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
prefill_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LookupJob *job = g_task_get_task_data (G_TASK (result));
  PkAttendancePanel *self = job->panel;
  g_autoptr(GError) error = NULL;
  GListModel *found;
  guint n_found, added = 0;

  g_task_propagate_boolean (G_TASK (result), &error);
  if (self == NULL)
    return;
  self->busy--;
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not read the members: %s"), error->message);
      pk_toast_show_message (GTK_WIDGET (self), message);
      return;
    }
  if (self->meeting == NULL || pk_meeting_get_id (self->meeting) != pk_meeting_get_id (job->copy))
    return;
  /* The copy got the members appended after what the roster had; anyone added on screen since is
   * skipped by name. */
  found = G_LIST_MODEL (pk_meeting_get_attendees (job->copy));
  n_found = g_list_model_get_n_items (found);
  for (guint i = n_found - job->added; i < n_found; i++)
    {
      g_autoptr(PkAttendance) attendance = g_list_model_get_item (found, i);
      g_autoptr(PkAttendance) fresh = pk_attendance_new ();
      GListModel *roster = G_LIST_MODEL (pk_meeting_get_attendees (self->meeting));
      gboolean listed = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (roster) && !listed; j++)
        {
          g_autoptr(PkAttendance) other = g_list_model_get_item (roster, j);
          listed = g_strcmp0 (pk_attendance_get_name (other), pk_attendance_get_name (attendance)) == 0;
        }
      if (listed)
        continue;
      g_object_set (fresh, "person-id", pk_attendance_get_person_id (attendance),
                    "name", pk_attendance_get_name (attendance),
                    "organisation", pk_attendance_get_organisation (attendance),
                    "title", pk_attendance_get_title (attendance),
                    "role", pk_attendance_get_role (attendance),
                    "present", pk_attendance_get_present (attendance), NULL);
      watch (self, fresh);
      g_list_store_append (pk_meeting_get_attendees (self->meeting), fresh);
      added++;
    }
  if (added == 0)
    pk_toast_show_message (GTK_WIDGET (self), pk_meeting_get_body (self->meeting) != NULL
                          ? _("Every member on the meeting date is on the roster already")
                          : _("The meeting has no body, so there are no members to fill in"));
  else
    schedule_save (self);
}

static void
prefill (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  PkAttendancePanel *self = PK_ATTENDANCE_PANEL (widget);
  g_autoptr(GTask) task = NULL;
  LookupJob *job;

  if (self->meeting == NULL || self->database == NULL)
    return;
  job = g_new0 (LookupJob, 1);
  g_set_weak_pointer (&job->panel, self);
  job->database = g_object_ref (self->database);
  job->copy = pk_meeting_copy_deep (self->meeting);
  task = g_task_new (NULL, NULL, prefill_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) lookup_job_free);
  self->busy++;
  pk_database_run_in_worker (self->database, task, prefill_thread);
}

static void
on_add_activate (PkAttendancePanel *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_entry)));
  g_autoptr(PkAttendance) attendance = NULL;
  char *comma;

  if (self->meeting == NULL || pk_str_or_null (text) == NULL)
    return;
  /* "Åsa Karlsson, Region Kronoberg": a guest, present, with an organisation after the comma. */
  attendance = pk_attendance_new ();
  comma = strchr (text, ',');
  if (comma != NULL)
    {
      *comma = '\0';
      pk_attendance_set_organisation (attendance, pk_str_or_null (g_strstrip (comma + 1)));
    }
  pk_attendance_set_name (attendance, g_strstrip (text));
  pk_attendance_set_role (attendance, PK_ROLE_OVRIG);
  pk_attendance_set_present (attendance, TRUE);
  watch (self, attendance);
  g_list_store_append (pk_meeting_get_attendees (self->meeting), attendance);
  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
  schedule_save (self);
}

static void
on_add_icon (PkAttendancePanel *self)
{
  on_add_activate (self);
}

gboolean
pk_attendance_panel_handle_key (PkAttendancePanel *self,
                                guint              keyval,
                                GdkModifierType    state)
{
  PkAttendance *attendance = gtk_single_selection_get_selected_item (self->selection);
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK);
  guint position = gtk_single_selection_get_selected (self->selection);

  if (attendance == NULL || mods != 0)
    return FALSE;
  if (keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space)
    {
      /* One key per person, and on to the next: a roster of 25 in well under a minute. */
      pk_attendance_set_present (attendance, !pk_attendance_get_present (attendance));
      if (position + 1 < g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
        pk_attendance_panel_select (self, position + 1);
      return TRUE;
    }
  if (keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete)
    {
      g_list_store_remove (pk_meeting_get_attendees (self->meeting), position);
      schedule_save (self);
      return TRUE;
    }
  return FALSE;
}

static gboolean
on_list_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     PkAttendancePanel     *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  /* Typing a note is typing, not taking attendance. */
  if (focus != NULL && GTK_IS_TEXT (focus))
    return FALSE;
  return pk_attendance_panel_handle_key (self, keyval, state);
}

void
pk_attendance_panel_select (PkAttendancePanel *self,
                            guint              position)
{
  g_return_if_fail (PK_IS_ATTENDANCE_PANEL (self));

  gtk_single_selection_set_selected (self->selection, position);
  if (gtk_widget_get_mapped (GTK_WIDGET (self->roster_list)))
    gtk_widget_activate_action (GTK_WIDGET (self->roster_list), "list.scroll-to-item", "u", position);
}

/* ---- life ---- */

void
pk_attendance_panel_set_meeting (PkAttendancePanel *self,
                                 PkDatabase        *database,
                                 PkMeeting         *meeting,
                                 int                required)
{
  g_return_if_fail (PK_IS_ATTENDANCE_PANEL (self));

  if (self->meeting == meeting && self->database == database)
    {
      self->required = required;
      update_quorum (self);
      return;
    }
  if (self->meeting != NULL)
    {
      pk_attendance_panel_flush (self);
      g_signal_handlers_disconnect_by_func (pk_meeting_get_attendees (self->meeting), on_roster_changed, self);
    }
  g_set_object (&self->database, database);
  pk_saver_set_database (self->saver, database);
  g_set_object (&self->meeting, meeting);
  self->required = required;
  gtk_single_selection_set_model (self->selection,
                                  meeting != NULL ? G_LIST_MODEL (pk_meeting_get_attendees (meeting)) : NULL);
  if (meeting != NULL)
    {
      GListModel *attendees = G_LIST_MODEL (pk_meeting_get_attendees (meeting));

      for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
        {
          g_autoptr(PkAttendance) attendance = g_list_model_get_item (attendees, i);
          watch (self, attendance);
        }
      g_signal_connect_object (attendees, "items-changed", G_CALLBACK (on_roster_changed), self, G_CONNECT_SWAPPED);
    }
  on_roster_changed (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.prefill", meeting != NULL);
}

GListModel *
pk_attendance_panel_get_roster (PkAttendancePanel *self)
{
  g_return_val_if_fail (PK_IS_ATTENDANCE_PANEL (self), NULL);
  return G_LIST_MODEL (self->selection);
}

static void
pk_attendance_panel_dispose (GObject *object)
{
  PkAttendancePanel *self = PK_ATTENDANCE_PANEL (object);

  if (self->meeting != NULL && self->saver != NULL)
    pk_saver_flush (self->saver);
  g_clear_object (&self->saver);
  g_clear_object (&self->meeting);
  g_clear_object (&self->database);
  gtk_widget_dispose_template (GTK_WIDGET (self), PK_TYPE_ATTENDANCE_PANEL);
  /* Template children not bound to a field: GTK 4.8 leaves unparenting them to us. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pk_attendance_panel_parent_class)->dispose (object);
}

static void
pk_attendance_panel_finalize (GObject *object)
{
  PkAttendancePanel *self = PK_ATTENDANCE_PANEL (object);

  g_clear_object (&self->selection);
  g_free (self->last_unknown_item);
  G_OBJECT_CLASS (pk_attendance_panel_parent_class)->finalize (object);
}

static void
pk_attendance_panel_class_init (PkAttendancePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pk_attendance_panel_dispose;
  object_class->finalize = pk_attendance_panel_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/protokoll/Protokoll/pk-attendance-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PkAttendancePanel, quorum_revealer);
  gtk_widget_class_bind_template_child (widget_class, PkAttendancePanel, quorum_warning);
  gtk_widget_class_bind_template_child (widget_class, PkAttendancePanel, add_entry);
  gtk_widget_class_bind_template_child (widget_class, PkAttendancePanel, quorum_label);
  gtk_widget_class_bind_template_child (widget_class, PkAttendancePanel, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PkAttendancePanel, roster_list);
  gtk_widget_class_install_action (widget_class, "roster.prefill", NULL, prefill);
}

/* Set here, not in the template: see pk_widget_set_tooltip(). */
static const PkTemplateTooltip attendance_panel_tooltips[] = {
  { "fill_button", N_("Put the body’s members on the meeting date on the roster") },
};

static void
pk_attendance_panel_init (PkAttendancePanel *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  pk_template_set_tooltips (GTK_WIDGET (self), attendance_panel_tooltips, G_N_ELEMENTS (attendance_panel_tooltips));
  self->required = -1;
  self->saver = pk_saver_new (G_OBJECT (self), take_snapshot, write_snapshot, snapshot_written, g_object_unref);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->roster_list, factory);
  gtk_list_view_set_model (self->roster_list, GTK_SELECTION_MODEL (self->selection));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->roster_list), keys);

  g_signal_connect_swapped (self->add_entry, "activate", G_CALLBACK (on_add_activate), self);
  g_signal_connect_swapped (self->add_entry, "icon-release", G_CALLBACK (on_add_icon), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.prefill", FALSE);
}
