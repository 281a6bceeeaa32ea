/* pk-meeting-view.c: the selected meeting: editable header with autosave, and the four panels. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pk-lazy.h"
#include "pk-agenda-panel.h"
#include "pk-attachments-panel.h"
#include "pk-attendance-panel.h"
#include "pk-justering-panel.h"
#include "pk-meeting-view.h"
#include "pk-minutes-panel.h"
#include "pk-saver.h"


struct _PkMeetingView
{
  GtkWidget parent_instance;

  GtkEntry *title_entry;
  GtkLabel *status_label;
  GtkEntry *body_entry;
  GtkMenuButton *kind_button;
  GMenuModel *kind_menu;
  GSimpleActionGroup *header_actions;
  GtkEntry *date_entry;
  GtkEntry *start_entry;
  GtkEntry *end_entry;
  GtkEntry *dnr_entry;
  GtkEntry *place_entry;
  AdwViewStack *stack;
  PkAgendaPanel *agenda_panel;
  /* The other panels are built the first time they are shown (or asked for), into these: a
   * window that opens on the agenda need not build, style and fill four panels nobody sees. */
  AdwBin *attendance_slot;
  AdwBin *minutes_slot;
  AdwBin *attachments_slot;
  AdwBin *justering_slot;
  PkAttendancePanel *attendance_panel;
  PkMinutesPanel *minutes_panel;
  PkAttachmentsPanel *attachments_panel;
  PkJusteringPanel *justering_panel;
  GtkImage *lock_icon;
  GtkWidget *header_grid;

  PkDatabase *database;
  PkMeeting *meeting;
  GCancellable *load_cancellable;
  PkSaver *saver;
  PkMeeting *shown;         /* the full meeting the panels show, for a panel built later */
  PkMeeting *preloaded;     /* read ahead (at start-up), taken by the next load of its meeting */
  int shown_required;
  gboolean filling;         /* setting the entries from the model: not an edit */
  const char *status_class;
};

G_DEFINE_FINAL_TYPE (PkMeetingView, pk_meeting_view, GTK_TYPE_WIDGET)

static void load_panels (PkMeetingView *self);
static void sync_header (PkMeetingView *self);
static void schedule_save (PkMeetingView *self);

enum {
  SAVED,
  SAVE_FAILED,
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  PkDatabase *database;
  PkMeeting *snapshot;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->database);
  g_clear_object (&job->snapshot);
  g_free (job);
}

/* The worker gets its own copy of the header, so typing on can't race the write. */
static PkMeeting *
copy_header (PkMeeting *meeting)
{
  PkMeeting *copy = pk_meeting_new ();
  static const char *const names[] = {
    "id", "body", "kind", "title", "dnr", "date", "start-time", "end-time", "place",
    "online-link", "status", "recorded-by", "version", "content-sha256",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GValue value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (meeting), names[i], &value);
      g_object_set_property (G_OBJECT (copy), names[i], &value);
      g_value_unset (&value);
    }
  return copy;
}

static gpointer
take_snapshot (gpointer owner)
{
  PkMeetingView *self = owner;
  return self->meeting != NULL ? copy_header (self->meeting) : NULL;
}

static gboolean
write_snapshot (PkDatabase  *database,
                gpointer     snapshot,
                GError     **error)
{
  return pk_database_update_meeting_header (database, snapshot, error);
}

static void
snapshot_written (gpointer      owner,
                  gpointer      snapshot,
                  const GError *error)
{
  if (error == NULL)
    g_signal_emit (owner, signals[SAVED], 0, snapshot);
  else
    g_signal_emit (owner, signals[SAVE_FAILED], 0, error->message);
}

void
pk_meeting_view_flush (PkMeetingView *self)
{
  g_return_if_fail (PK_IS_MEETING_VIEW (self));

  pk_saver_flush (self->saver);
  pk_agenda_panel_flush (self->agenda_panel);
  if (self->attendance_panel != NULL)
    pk_attendance_panel_flush (self->attendance_panel);
  if (self->minutes_panel != NULL)
    pk_minutes_panel_flush (self->minutes_panel);
}

gboolean
pk_meeting_view_has_pending_save (PkMeetingView *self)
{
  g_return_val_if_fail (PK_IS_MEETING_VIEW (self), FALSE);
  return pk_saver_is_busy (self->saver);
}

static void
schedule_save (PkMeetingView *self)
{
  pk_saver_schedule (self->saver);
}

static gboolean
parse_date (const char *text)
{
  unsigned year, month, day;
  char tail;

  return sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) == 3 && strlen (text) == 10 &&
         g_date_valid_dmy (day, month, year);
}

/* Returns HH:MM for "9:45", "09:45" or "0945"; NULL if it is not a time. */
static char *
normalise_time (const char *text)
{
  unsigned hour, minute;
  int consumed = 0;

  if ((sscanf (text, "%2u:%2u%n", &hour, &minute, &consumed) == 2 && text[consumed] == '\0') ||
      (strlen (text) == 4 && sscanf (text, "%2u%2u%n", &hour, &minute, &consumed) == 2 &&
       text[consumed] == '\0'))
    {
      if (hour < 24 && minute < 60)
        return g_strdup_printf ("%02u:%02u", hour, minute);
    }
  return NULL;
}

/* A field that does not parse keeps its last good value in the model and is marked; nothing the
 * user typed is thrown away from the entry. */
static void
set_entry_valid (GtkEntry *entry,
                 gboolean  valid)
{
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

static const char *
entry_text_or_null (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  return pk_str_or_null (text) != NULL ? text : NULL;
}

static void
update_time_field (GtkEntry  *entry,
                   PkMeeting *meeting,
                   const char *property)
{
  const char *text = entry_text_or_null (entry);
  g_autofree char *time = text != NULL ? normalise_time (g_strstrip (g_strdup (text))) : NULL;

  set_entry_valid (entry, text == NULL || time != NULL);
  if (text == NULL || time != NULL)
    g_object_set (meeting, property, time, NULL);
}

/* The header is edited on the sidebar's object; the whole meeting the panels hold (time plan,
 * exports) takes the same values. */
static void
sync_header (PkMeetingView *self)
{
  PkMeeting *full = pk_agenda_panel_get_meeting (self->agenda_panel);

  if (full == NULL || self->meeting == NULL || pk_meeting_get_id (full) != pk_meeting_get_id (self->meeting))
    return;
  g_object_set (full, "title", pk_meeting_get_title (self->meeting), "body", pk_meeting_get_body (self->meeting),
                "kind", pk_meeting_get_kind (self->meeting), "dnr", pk_meeting_get_dnr (self->meeting),
                "date", pk_meeting_get_date (self->meeting), "start-time", pk_meeting_get_start_time (self->meeting),
                "end-time", pk_meeting_get_end_time (self->meeting), "place", pk_meeting_get_place (self->meeting),
                "status", pk_meeting_get_status (self->meeting), NULL);
  pk_agenda_panel_header_changed (self->agenda_panel);
}

/* The header.kind action's state and target: "protokoll" or "minnesanteckningar". */
static PkMeetingKind
kind_of_name (GVariant *name)
{
  return g_str_equal (g_variant_get_string (name, NULL), "minnesanteckningar") ? PK_MEETING_KIND_MINNESANTECKNINGAR
                                                                              : PK_MEETING_KIND_PROTOKOLL;
}

static PkMeetingKind
chosen_kind (PkMeetingView *self)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (self->header_actions), "kind");

  return kind_of_name (state);
}

static void show_kind (PkMeetingView *self,
                       PkMeetingKind  kind);

static void
on_field_changed (PkMeetingView *self)
{
  const char *date;

  if (self->filling || self->meeting == NULL)
    return;

  g_object_freeze_notify (G_OBJECT (self->meeting));
  pk_meeting_set_title (self->meeting, gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
  pk_meeting_set_body (self->meeting, entry_text_or_null (self->body_entry));
  pk_meeting_set_kind (self->meeting, chosen_kind (self));
  date = entry_text_or_null (self->date_entry);
  set_entry_valid (self->date_entry, date == NULL || parse_date (date));
  if (date == NULL || parse_date (date))
    pk_meeting_set_date (self->meeting, date);
  update_time_field (self->start_entry, self->meeting, "start-time");
  update_time_field (self->end_entry, self->meeting, "end-time");
  pk_meeting_set_dnr (self->meeting, entry_text_or_null (self->dnr_entry));
  pk_meeting_set_place (self->meeting, entry_text_or_null (self->place_entry));
  g_object_thaw_notify (G_OBJECT (self->meeting));

  sync_header (self);
  schedule_save (self);
}

static void
update_status (PkMeetingView *self)
{
  PkMeetingStatus status = pk_meeting_get_status (self->meeting);

  gtk_label_set_label (self->status_label, pk_meeting_status_get_label (status));
  if (self->status_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), self->status_class);
  self->status_class = pk_enum_to_nick (PK_TYPE_MEETING_STATUS, status);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), self->status_class);
}

static void
set_entry (GtkEntry   *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  set_entry_valid (entry, TRUE);
}

static void
show_kind (PkMeetingView  *self,
           PkMeetingKind   kind)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->header_actions), "kind");
  gboolean notes = kind == PK_MEETING_KIND_MINNESANTECKNINGAR;

  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (notes ? "minnesanteckningar" : "protokoll"));
  gtk_menu_button_set_label (self->kind_button, notes ? _("Meeting notes (minnesanteckningar)")
                                                      : _("Minutes (protokoll)"));
}

static void
fill_header (PkMeetingView *self)
{
  self->filling = TRUE;
  set_entry (self->title_entry, pk_meeting_get_title (self->meeting));
  set_entry (self->body_entry, pk_meeting_get_body (self->meeting));
  show_kind (self, pk_meeting_get_kind (self->meeting));
  set_entry (self->date_entry, pk_meeting_get_date (self->meeting));
  set_entry (self->start_entry, pk_meeting_get_start_time (self->meeting));
  set_entry (self->end_entry, pk_meeting_get_end_time (self->meeting));
  set_entry (self->dnr_entry, pk_meeting_get_dnr (self->meeting));
  set_entry (self->place_entry, pk_meeting_get_place (self->meeting));
  update_status (self);
  self->filling = FALSE;
}

static gboolean
shown_locked (PkMeetingView *self)
{
  return self->shown != NULL && pk_meeting_get_status (self->shown) == PK_MEETING_STATUS_JUSTERAT;
}

/* Gives one of the lazily built panels what the others show. */
static void
fill_panel (PkMeetingView *self,
            GtkWidget     *panel)
{
  PkDatabase *database = self->shown != NULL ? self->database : NULL;
  GListModel *items = pk_agenda_panel_get_items (self->agenda_panel);
  gboolean locked = shown_locked (self);

  if (PK_IS_ATTENDANCE_PANEL (panel))
    {
      pk_attendance_panel_set_meeting (PK_ATTENDANCE_PANEL (panel), database, self->shown, self->shown_required);
      /* A justerat protocol is shown, not edited: the database would refuse anyway. */
      gtk_widget_set_sensitive (panel, !locked);
    }
  else if (PK_IS_MINUTES_PANEL (panel))
    {
      pk_minutes_panel_set_meeting (PK_MINUTES_PANEL (panel), database, self->shown, items);
      gtk_widget_set_sensitive (panel, !locked);
    }
  else if (PK_IS_ATTACHMENTS_PANEL (panel))
    {
      pk_attachments_panel_set_meeting (PK_ATTACHMENTS_PANEL (panel), database, self->shown, items);
      pk_attachments_panel_set_locked (PK_ATTACHMENTS_PANEL (panel), locked);
    }
  else if (PK_IS_JUSTERING_PANEL (panel))
    pk_justering_panel_set_meeting (PK_JUSTERING_PANEL (panel), database, self->shown);
}

static void on_status_chosen (PkMeetingView *self,
                              int            status);
static void on_justering_changed (PkMeetingView *self);

/* The panel of the stack page @name, built on first use; NULL for the agenda's name (always
 * built) or an unknown one. */
static GtkWidget *
ensure_panel (PkMeetingView *self,
              const char    *name)
{
  GtkWidget **panel;
  AdwBin *slot;
  GType type;

  if (g_strcmp0 (name, "attendance") == 0)
    panel = (GtkWidget **) &self->attendance_panel, slot = self->attendance_slot, type = PK_TYPE_ATTENDANCE_PANEL;
  else if (g_strcmp0 (name, "attachments") == 0)
    panel = (GtkWidget **) &self->attachments_panel, slot = self->attachments_slot, type = PK_TYPE_ATTACHMENTS_PANEL;
  else if (g_strcmp0 (name, "decisions") == 0)
    panel = (GtkWidget **) &self->minutes_panel, slot = self->minutes_slot, type = PK_TYPE_MINUTES_PANEL;
  else if (g_strcmp0 (name, "justering") == 0)
    panel = (GtkWidget **) &self->justering_panel, slot = self->justering_slot, type = PK_TYPE_JUSTERING_PANEL;
  else
    return NULL;

  if (*panel == NULL)
    {
      *panel = g_object_new (type, NULL);
      adw_bin_set_child (slot, *panel);
      if (type == PK_TYPE_JUSTERING_PANEL)
        {
          g_signal_connect_object (*panel, "status-chosen", G_CALLBACK (on_status_chosen), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (*panel, "changed", G_CALLBACK (on_justering_changed), self, G_CONNECT_SWAPPED);
        }
      fill_panel (self, *panel);
    }
  return *panel;
}

static void
on_visible_panel_changed (PkMeetingView *self)
{
  ensure_panel (self, adw_view_stack_get_visible_child_name (self->stack));
}

/* @required: voting members needed for quorum, -1 when the body keeps no roster. */
static void
show_panels (PkMeetingView *self,
             PkMeeting     *full,
             int            required)
{
  PkDatabase *database = full != NULL ? self->database : NULL;
  GtkWidget *lazy[4];
  gboolean locked;

  /* The full meeting is the truth about stage and version (signing happens on it). */
  if (full != NULL && self->meeting != NULL && pk_meeting_get_id (full) == pk_meeting_get_id (self->meeting))
    {
      self->filling = TRUE;
      g_object_set (self->meeting, "status", pk_meeting_get_status (full), "version", pk_meeting_get_version (full),
                    "content-sha256", pk_meeting_get_content_sha256 (full), NULL);
      self->filling = FALSE;
    }
  g_set_object (&self->shown, full);
  self->shown_required = required;
  locked = shown_locked (self);

  pk_agenda_panel_set_meeting (self->agenda_panel, database, full);
  pk_agenda_panel_set_quorum_requirement (self->agenda_panel, required);
  lazy[0] = GTK_WIDGET (self->attendance_panel);
  lazy[1] = GTK_WIDGET (self->minutes_panel);
  lazy[2] = GTK_WIDGET (self->attachments_panel);
  lazy[3] = GTK_WIDGET (self->justering_panel);
  for (guint i = 0; i < G_N_ELEMENTS (lazy); i++)
    if (lazy[i] != NULL)
      fill_panel (self, lazy[i]);
  gtk_widget_set_sensitive (self->header_grid, !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_entry), !locked);
  gtk_widget_set_visible (GTK_WIDGET (self->lock_icon), locked);
}

static void
on_status_chosen (PkMeetingView *self,
                  int            status)
{
  if (self->meeting == NULL || pk_meeting_get_status (self->meeting) == PK_MEETING_STATUS_JUSTERAT)
    return;
  pk_meeting_set_status (self->meeting, status);
  sync_header (self);
  schedule_save (self);
}

static void
on_files_dropped (PkMeetingView *self,
                  PkAgendaItem  *item,
                  GSList        *files)
{
  pk_attachments_panel_attach_files (PK_ATTACHMENTS_PANEL (ensure_panel (self, "attachments")), item, files);
}

static void
on_justering_changed (PkMeetingView *self)
{
  load_panels (self);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;
  PkMeeting *full;

  if (g_task_return_error_if_cancelled (task))
    return;
  full = pk_meeting_view_read_meeting (job->database, pk_meeting_get_id (job->snapshot), &error);
  if (full == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, full, g_object_unref);
}

PkMeeting *
pk_meeting_view_read_meeting (PkDatabase  *database,
                              gint64       meeting_id,
                              GError     **error)
{
  PkMeeting *full;
  int required;

  g_return_val_if_fail (PK_IS_DATABASE (database), NULL);

  full = pk_database_load_meeting (database, meeting_id, error);
  if (full == NULL)
    return NULL;
  /* The quorum's requirement comes from the register; read with the meeting, in one trip. */
  if (!pk_database_get_quorum_requirement (database, full, &required, NULL))
    required = -1;
  g_object_set_data (G_OBJECT (full), "pk-quorum-required", GINT_TO_POINTER (required + 1));
  return full;
}

static void
show_read_meeting (PkMeetingView *self,
                   PkMeeting     *full)
{
  show_panels (self, full,
               full != NULL ? GPOINTER_TO_INT (g_object_get_data (G_OBJECT (full), "pk-quorum-required")) - 1 : -1);
  g_signal_emit (self, signals[LOADED], 0);
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PkMeetingView) self = user_data;
  g_autoptr(PkMeeting) full = NULL;
  g_autoptr(GError) error = NULL;

  full = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->load_cancellable);
  if (error != NULL)
    g_signal_emit (self, signals[SAVE_FAILED], 0, error->message);
  show_read_meeting (self, full);
}

static void
load_panels (PkMeetingView *self)
{
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  /* Reading the same meeting again (after a sign-off) keeps the panels as they are until the new
   * copy is in; another meeting clears them at once. */
  {
    PkMeeting *shown = pk_agenda_panel_get_meeting (self->agenda_panel);
    if (shown == NULL || self->meeting == NULL || pk_meeting_get_id (shown) != pk_meeting_get_id (self->meeting))
      show_panels (self, NULL, -1);
  }
  if (self->database == NULL || self->meeting == NULL || pk_meeting_get_id (self->meeting) == 0)
    {
      g_clear_object (&self->preloaded);
      return;
    }
  if (self->preloaded != NULL)
    {
      g_autoptr(PkMeeting) preloaded = g_steal_pointer (&self->preloaded);

      if (pk_meeting_get_id (preloaded) == pk_meeting_get_id (self->meeting))
        {
          show_read_meeting (self, preloaded);
          return;
        }
    }

  self->load_cancellable = g_cancellable_new ();
  job = g_new0 (SaveJob, 1);
  job->database = g_object_ref (self->database);
  job->snapshot = g_object_ref (self->meeting);
  task = g_task_new (NULL, self->load_cancellable, load_done, g_object_ref (self));
  g_task_set_source_tag (task, load_panels);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  pk_database_run_in_worker (self->database, task, load_thread);
}

void
pk_meeting_view_set_meeting (PkMeetingView *self,
                             PkMeeting     *meeting)
{
  g_return_if_fail (PK_IS_MEETING_VIEW (self));
  g_return_if_fail (meeting == NULL || PK_IS_MEETING (meeting));

  if (self->meeting == meeting)
    return;
  pk_meeting_view_flush (self);
  if (self->meeting != NULL)
    g_signal_handlers_disconnect_by_func (self->meeting, update_status, self);
  g_set_object (&self->meeting, meeting);
  if (meeting != NULL)
    {
      g_signal_connect_object (meeting, "notify::status", G_CALLBACK (update_status), self,
                               G_CONNECT_SWAPPED);
      fill_header (self);
    }
  load_panels (self);
}

PkMeeting *
pk_meeting_view_get_loaded_meeting (PkMeetingView *self)
{
  g_return_val_if_fail (PK_IS_MEETING_VIEW (self), NULL);
  return self->meeting != NULL ? pk_agenda_panel_get_meeting (self->agenda_panel) : NULL;
}

void
pk_meeting_view_offer_read_meeting (PkMeetingView *self,
                                    PkMeeting     *full)
{
  g_return_if_fail (PK_IS_MEETING_VIEW (self));
  g_return_if_fail (full == NULL || PK_IS_MEETING (full));

  g_set_object (&self->preloaded, full);
}

gboolean
pk_meeting_view_is_loading (PkMeetingView *self)
{
  g_return_val_if_fail (PK_IS_MEETING_VIEW (self), FALSE);
  return self->load_cancellable != NULL;
}

PkMeeting *
pk_meeting_view_get_meeting (PkMeetingView *self)
{
  g_return_val_if_fail (PK_IS_MEETING_VIEW (self), NULL);
  return self->meeting;
}

void
pk_meeting_view_set_database (PkMeetingView *self,
                              PkDatabase    *database)
{
  g_return_if_fail (PK_IS_MEETING_VIEW (self));

  pk_meeting_view_flush (self);
  pk_meeting_view_set_meeting (self, NULL);
  g_set_object (&self->database, database);
  pk_saver_set_database (self->saver, database);
}

AdwViewStack *
pk_meeting_view_get_stack (PkMeetingView *self)
{
  g_return_val_if_fail (PK_IS_MEETING_VIEW (self), NULL);
  return self->stack;
}

GListModel *
pk_meeting_view_get_agenda (PkMeetingView *self)
{
  g_return_val_if_fail (PK_IS_MEETING_VIEW (self), NULL);
  return pk_agenda_panel_get_items (self->agenda_panel);
}

GListModel *
pk_meeting_view_get_attendance (PkMeetingView *self)
{
  g_return_val_if_fail (PK_IS_MEETING_VIEW (self), NULL);
  return pk_attendance_panel_get_roster (PK_ATTENDANCE_PANEL (ensure_panel (self, "attendance")));
}

void
pk_meeting_view_focus_title (PkMeetingView *self)
{
  g_return_if_fail (PK_IS_MEETING_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}

/* ---- closures of the panels' list rows (called from the .ui) ---- */

static void
on_focus_leave (PkMeetingView *self)
{
  pk_meeting_view_flush (self);
}

static void
pk_meeting_view_dispose (GObject *object)
{
  PkMeetingView *self = PK_MEETING_VIEW (object);

  g_clear_object (&self->header_actions);
  if (self->saver != NULL)
    pk_meeting_view_flush (self);
  g_clear_object (&self->saver);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->meeting != NULL)
    g_signal_handlers_disconnect_by_func (self->meeting, update_status, self);
  g_clear_object (&self->meeting);
  g_clear_object (&self->shown);
  g_clear_object (&self->preloaded);
  g_clear_object (&self->database);
  /* Owned by their slots, which go with the template. */
  self->attendance_panel = NULL;
  self->minutes_panel = NULL;
  self->attachments_panel = NULL;
  self->justering_panel = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PK_TYPE_MEETING_VIEW);
  /* The template's root is not a bound child, so it is unparented here. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pk_meeting_view_parent_class)->dispose (object);
}

/* Set here, not in the template: see pk_widget_set_tooltip(). */
static const PkTemplateTooltip meeting_view_tooltips[] = {
  { "date_entry", N_("Date as YYYY-MM-DD") },
  { "dnr_label", N_("Reference number (diarienummer)") },
};

static void
pk_meeting_view_class_init (PkMeetingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pk_meeting_view_dispose;

  /* Emitted on the main thread after a header save reached the disk, with what was saved. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, PK_TYPE_MEETING);
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The panels show the selected meeting as read from the database. */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (PK_TYPE_AGENDA_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/protokoll/Protokoll/pk-meeting-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PkMeetingView, title_entry);
  gtk_widget_class_bind_template_child (widget_class, PkMeetingView, status_label);
  gtk_widget_class_bind_template_child (widget_class, PkMeetingView, body_entry);
  gtk_widget_class_bind_template_child (widget_class, PkMeetingView, kind_button);
  gtk_widget_class_bind_template_child (widget_class, PkMeetingView, kind_menu);
  gtk_widget_class_bind_template_child (widget_class, PkMeetingView, date_entry);
  gtk_widget_class_bind_template_child (widget_class, PkMeetingView, start_entry);
  gtk_widget_class_bind_template_child (widget_class, PkMeetingView, end_entry);
  gtk_widget_class_bind_template_child (widget_class, PkMeetingView, dnr_entry);
  gtk_widget_class_bind_template_child (widget_class, PkMeetingView, place_entry);
  gtk_widget_class_bind_template_child (widget_class, PkMeetingView, stack);
  gtk_widget_class_bind_template_child (widget_class, PkMeetingView, agenda_panel);
  gtk_widget_class_bind_template_child (widget_class, PkMeetingView, attendance_slot);
  gtk_widget_class_bind_template_child (widget_class, PkMeetingView, minutes_slot);
  gtk_widget_class_bind_template_child (widget_class, PkMeetingView, attachments_slot);
  gtk_widget_class_bind_template_child (widget_class, PkMeetingView, justering_slot);
  gtk_widget_class_bind_template_child (widget_class, PkMeetingView, lock_icon);
  gtk_widget_class_bind_template_child (widget_class, PkMeetingView, header_grid);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
choose_kind (GSimpleAction *action,
             GVariant      *kind,
             gpointer       user_data)
{
  PkMeetingView *self = user_data;

  show_kind (self, kind_of_name (kind));
  on_field_changed (self);
}

static const GActionEntry header_actions[] = {
  { .name = "kind", .parameter_type = "s", .state = "'protokoll'", .change_state = choose_kind },
};

static void
pk_meeting_view_init (PkMeetingView *self)
{
  GtkEntry *entries[7];
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  pk_template_set_tooltips (GTK_WIDGET (self), meeting_view_tooltips, G_N_ELEMENTS (meeting_view_tooltips));
  self->saver = pk_saver_new (G_OBJECT (self), take_snapshot, write_snapshot, snapshot_written, g_object_unref);
  g_signal_connect_object (self->agenda_panel, "files-dropped", G_CALLBACK (on_files_dropped), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child-name", G_CALLBACK (on_visible_panel_changed), self,
                           G_CONNECT_SWAPPED);
  on_visible_panel_changed (self);


  entries[0] = self->title_entry;
  entries[1] = self->body_entry;
  entries[2] = self->date_entry;
  entries[3] = self->start_entry;
  entries[4] = self->end_entry;
  entries[5] = self->dnr_entry;
  entries[6] = self->place_entry;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect_swapped (entries[i], "changed", G_CALLBACK (on_field_changed), self);
  self->header_actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->header_actions), header_actions,
                                   G_N_ELEMENTS (header_actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "header", G_ACTION_GROUP (self->header_actions));
  pk_menu_button_set_menu_lazily (self->kind_button, self->kind_menu);
  show_kind (self, PK_MEETING_KIND_PROTOKOLL);

  /* Leaving the header saves at once rather than after the pause. */
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}
