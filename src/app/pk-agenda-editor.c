/* pk-agenda-editor.c: the side editor of one agenda item. Built the first time an item is selected
 * (PkAgendaPanel), since most of a window's life, and all of its start, is spent without it. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pk-agenda-editor.h"
#include "pk-lazy.h"

struct _PkAgendaEditor
{
  GtkWidget parent_instance;

  AdwEntryRow *title_row;
  AdwEntryRow *dnr_row;
  GtkSpinButton *duration_spin;
  AdwComboRow *state_row;
  GtkSwitch *confidential_switch;
  GtkListBox *presenter_list;
  AdwEntryRow *presenter_row;
  GtkMenuButton *roster_button;
  AdwPreferencesGroup *recusal_group;
  GtkMenuButton *recusal_button;
  GtkListBox *recusal_list;

  PkMeeting *meeting;
  PkAgendaItem *editing;
  int required;
  gboolean filling_editor;
};

G_DEFINE_FINAL_TYPE (PkAgendaEditor, pk_agenda_editor, GTK_TYPE_WIDGET)

/* Emitted when a presenter or a recusal was added, removed or changed: the item needs saving
 * (edits of the item's own properties show in its notify). */
enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
fill_presenters (PkAgendaEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->presenter_list))) != NULL)
    gtk_list_box_remove (self->presenter_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->presenter_list), FALSE);
  if (self->editing == NULL)
    return;
  {
    GListModel *presenters = G_LIST_MODEL (pk_agenda_item_get_presenters (self->editing));
    guint n = g_list_model_get_n_items (presenters);

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(PkPerson) person = g_list_model_get_item (presenters, i);
        GtkWidget *row = adw_action_row_new ();
        GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
        g_autofree char *target = g_strdup_printf ("%u", i);

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pk_person_get_name (person));
        if (pk_person_get_title (person) != NULL)
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), pk_person_get_title (person));
        gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (remove, "flat");
        pk_widget_set_tooltip (remove, _("Remove Presenter"));
        gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "editor.remove-presenter");
        gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", i);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
        gtk_list_box_append (self->presenter_list, row);
      }
    gtk_widget_set_visible (GTK_WIDGET (self->presenter_list), n > 0);
  }
}

static void
on_recusal_reason_changed (AdwEntryRow   *row,
                           PkAgendaEditor *self)
{
  PkPersonNote *note = g_object_get_data (G_OBJECT (row), "pk-recusal");

  if (self->filling_editor || note == NULL)
    return;
  pk_person_note_set_text (note, pk_str_or_null (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The recusals of the edited item, and the quorum that is left for it. */
static void
fill_recusals (PkAgendaEditor *self)
{
  GtkWidget *child;
  GListModel *recusals;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recusal_list))) != NULL)
    gtk_list_box_remove (self->recusal_list, child);
  if (self->editing == NULL)
    return;
  recusals = G_LIST_MODEL (pk_agenda_item_get_recusals (self->editing));
  n = g_list_model_get_n_items (recusals);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PkPersonNote) note = g_list_model_get_item (recusals, i);
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      /* The name is the title; the reason is typed in the row: "närstående berörs". */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pk_person_note_get_name (note));
      gtk_editable_set_text (GTK_EDITABLE (row), pk_person_note_get_text (note) ? pk_person_note_get_text (note) : "");
      g_object_set_data_full (G_OBJECT (row), "pk-recusal", g_object_ref (note), g_object_unref);
      g_signal_connect (row, "changed", G_CALLBACK (on_recusal_reason_changed), self);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      pk_widget_set_tooltip (remove, _("Remove"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "editor.remove-recusal");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", i);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
      gtk_list_box_append (self->recusal_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recusal_list), n > 0);

  if (self->required >= 0 && self->meeting != NULL)
    {
      PkQuorum quorum;
      g_autofree char *text = NULL;

      pk_quorum_compute (self->meeting, self->required, self->editing, &quorum);
      text = quorum.met ? g_strdup_printf (_("%d voting present for this item; %d needed."),
                                           quorum.present, quorum.required)
                        : g_strdup_printf (_("No quorum for this item: %d voting present, %d needed."),
                                           quorum.present, quorum.required);
      adw_preferences_group_set_description (self->recusal_group, text);
    }
  else
    adw_preferences_group_set_description (self->recusal_group,
                                           _("Whoever reports jäv leaves the meeting for this item."));
}

static void
add_recusal (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PkAgendaEditor *self = PK_AGENDA_EDITOR (widget);
  guint index = g_variant_get_uint32 (parameter);
  GListModel *attendees;
  g_autoptr(PkAttendance) attendance = NULL;
  g_autoptr(PkPersonNote) note = NULL;

  if (self->editing == NULL || self->meeting == NULL)
    return;
  attendees = G_LIST_MODEL (pk_meeting_get_attendees (self->meeting));
  if (index >= g_list_model_get_n_items (attendees))
    return;
  attendance = g_list_model_get_item (attendees, index);
  note = pk_person_note_new ();
  pk_person_note_set_name (note, pk_attendance_get_name (attendance));
  g_list_store_append (pk_agenda_item_get_recusals (self->editing), note);
  fill_recusals (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_recusal (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PkAgendaEditor *self = PK_AGENDA_EDITOR (widget);
  guint index = g_variant_get_uint32 (parameter);
  GListStore *recusals;

  if (self->editing == NULL)
    return;
  recusals = pk_agenda_item_get_recusals (self->editing);
  if (index < g_list_model_get_n_items (G_LIST_MODEL (recusals)))
    g_list_store_remove (recusals, index);
  fill_recusals (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
pk_agenda_editor_set_quorum_requirement (PkAgendaEditor *self,
                                         int             required)
{
  g_return_if_fail (PK_IS_AGENDA_EDITOR (self));
  self->required = required;
  fill_recusals (self);
}

static void
fill_editor (PkAgendaEditor *self)
{
  PkAgendaItem *item = self->editing;

  if (item == NULL)
    return;
  self->filling_editor = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), pk_agenda_item_get_title (item));
  gtk_editable_set_text (GTK_EDITABLE (self->dnr_row), pk_agenda_item_get_dnr (item) ? pk_agenda_item_get_dnr (item) : "");
  gtk_spin_button_set_value (self->duration_spin, MAX (pk_agenda_item_get_duration_min (item), 0));
  adw_combo_row_set_selected (self->state_row, pk_agenda_item_get_state (item));
  gtk_switch_set_active (self->confidential_switch, pk_agenda_item_get_confidential (item));
  fill_presenters (self);
  fill_recusals (self);
  self->filling_editor = FALSE;
}

static void
on_editing_item_notify (PkAgendaEditor *self,
                        GParamSpec    *pspec)
{
  /* A rename in the list shows in the editor, unless the editor is where it is typed. */
  if (!self->filling_editor && g_str_equal (g_param_spec_get_name (pspec), "title") &&
      !gtk_widget_has_focus (GTK_WIDGET (self->title_row)) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
                 pk_agenda_item_get_title (self->editing)) != 0)
    {
      self->filling_editor = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), pk_agenda_item_get_title (self->editing));
      self->filling_editor = FALSE;
    }
}

void
pk_agenda_editor_set_item (PkAgendaEditor *self,
                           PkAgendaItem   *item)
{
  g_return_if_fail (PK_IS_AGENDA_EDITOR (self));
  if (self->editing == item)
    return;
  if (self->editing != NULL)
    g_signal_handlers_disconnect_by_func (self->editing, on_editing_item_notify, self);
  g_set_object (&self->editing, item);
  if (item != NULL)
    g_signal_connect_object (item, "notify", G_CALLBACK (on_editing_item_notify), self, G_CONNECT_SWAPPED);
  fill_editor (self);
}

static void
on_editor_changed (PkAgendaEditor *self)
{
  PkAgendaItem *item = self->editing;
  const char *title;
  int duration;

  if (self->filling_editor || item == NULL)
    return;
  title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  if (pk_str_or_null (title) != NULL)
    pk_agenda_item_set_title (item, title);
  pk_agenda_item_set_dnr (item, pk_str_or_null (gtk_editable_get_text (GTK_EDITABLE (self->dnr_row))));
  duration = gtk_spin_button_get_value_as_int (self->duration_spin);
  pk_agenda_item_set_duration_min (item, duration > 0 ? duration : -1);
  pk_agenda_item_set_state (item, adw_combo_row_get_selected (self->state_row));
  pk_agenda_item_set_confidential (item, gtk_switch_get_active (self->confidential_switch));
}

static void
on_presenter_apply (PkAgendaEditor *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->presenter_row)));
  g_autoptr(PkPerson) person = NULL;
  char *comma;

  if (self->editing == NULL || pk_str_or_null (text) == NULL)
    return;
  /* "Fia Mårdfelt, projektledare eHealth arena": the name, then the title after the first comma. */
  person = pk_person_new ();
  comma = strchr (text, ',');
  if (comma != NULL)
    {
      *comma = '\0';
      pk_person_set_title (person, pk_str_or_null (g_strstrip (comma + 1)));
    }
  pk_person_set_name (person, g_strstrip (text));
  g_list_store_append (pk_agenda_item_get_presenters (self->editing), person);
  gtk_editable_set_text (GTK_EDITABLE (self->presenter_row), "");
  fill_presenters (self);
  g_signal_emit (self, signals[CHANGED], 0);
  /* The row shows the presenters too. */
  g_object_notify (G_OBJECT (self->editing), "title");
}

/* The meeting's roster, offered as presenters. */
static void
update_roster_menu (PkAgendaEditor *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) recusal_menu = g_menu_new ();
  GListModel *attendees = self->meeting ? G_LIST_MODEL (pk_meeting_get_attendees (self->meeting)) : NULL;
  guint n = attendees ? g_list_model_get_n_items (attendees) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PkAttendance) attendance = g_list_model_get_item (attendees, i);
      g_autofree char *label = pk_attendance_get_organisation (attendance)
                                 ? g_strdup_printf ("%s, %s", pk_attendance_get_name (attendance),
                                                    pk_attendance_get_organisation (attendance))
                                 : g_strdup (pk_attendance_get_name (attendance));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_autoptr(GMenuItem) recusal = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "editor.add-presenter-from-roster", "u", i);
      g_menu_append_item (menu, item);
      g_menu_item_set_action_and_target (recusal, "editor.add-recusal", "u", i);
      g_menu_append_item (recusal_menu, recusal);
    }
  gtk_menu_button_set_menu_model (self->roster_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->roster_button), n > 0);
  gtk_menu_button_set_menu_model (self->recusal_button, G_MENU_MODEL (recusal_menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->recusal_button), n > 0);
}

static void
add_presenter_from_roster (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  PkAgendaEditor *self = PK_AGENDA_EDITOR (widget);
  guint index = g_variant_get_uint32 (parameter);
  GListModel *attendees;
  g_autoptr(PkAttendance) attendance = NULL;
  g_autoptr(PkPerson) person = NULL;

  if (self->editing == NULL || self->meeting == NULL)
    return;
  attendees = G_LIST_MODEL (pk_meeting_get_attendees (self->meeting));
  if (index >= g_list_model_get_n_items (attendees))
    return;
  attendance = g_list_model_get_item (attendees, index);
  person = pk_person_new ();
  pk_person_set_id (person, pk_attendance_get_person_id (attendance));
  pk_person_set_name (person, pk_attendance_get_name (attendance));
  pk_person_set_title (person, pk_attendance_get_title (attendance));
  g_list_store_append (pk_agenda_item_get_presenters (self->editing), person);
  fill_presenters (self);
  g_signal_emit (self, signals[CHANGED], 0);
  g_object_notify (G_OBJECT (self->editing), "title");
}

static void
remove_presenter (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PkAgendaEditor *self = PK_AGENDA_EDITOR (widget);
  guint index = g_variant_get_uint32 (parameter);
  GListStore *presenters;

  if (self->editing == NULL)
    return;
  presenters = pk_agenda_item_get_presenters (self->editing);
  if (index < g_list_model_get_n_items (G_LIST_MODEL (presenters)))
    g_list_store_remove (presenters, index);
  fill_presenters (self);
  g_signal_emit (self, signals[CHANGED], 0);
  g_object_notify (G_OBJECT (self->editing), "title");
}

void
pk_agenda_editor_set_meeting (PkAgendaEditor *self,
                              PkMeeting      *meeting)
{
  g_return_if_fail (PK_IS_AGENDA_EDITOR (self));

  g_set_object (&self->meeting, meeting);
  update_roster_menu (self);
  fill_recusals (self);
}

void
pk_agenda_editor_focus_title (PkAgendaEditor *self)
{
  g_return_if_fail (PK_IS_AGENDA_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
pk_agenda_editor_dispose (GObject *object)
{
  PkAgendaEditor *self = PK_AGENDA_EDITOR (object);

  pk_agenda_editor_set_item (self, NULL);
  g_clear_object (&self->meeting);
  gtk_widget_dispose_template (GTK_WIDGET (self), PK_TYPE_AGENDA_EDITOR);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pk_agenda_editor_parent_class)->dispose (object);
}

static void
pk_agenda_editor_class_init (PkAgendaEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pk_agenda_editor_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/protokoll/Protokoll/pk-agenda-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PkAgendaEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, PkAgendaEditor, dnr_row);
  gtk_widget_class_bind_template_child (widget_class, PkAgendaEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, PkAgendaEditor, state_row);
  gtk_widget_class_bind_template_child (widget_class, PkAgendaEditor, confidential_switch);
  gtk_widget_class_bind_template_child (widget_class, PkAgendaEditor, presenter_list);
  gtk_widget_class_bind_template_child (widget_class, PkAgendaEditor, presenter_row);
  gtk_widget_class_bind_template_child (widget_class, PkAgendaEditor, roster_button);
  gtk_widget_class_bind_template_child (widget_class, PkAgendaEditor, recusal_group);
  gtk_widget_class_bind_template_child (widget_class, PkAgendaEditor, recusal_button);
  gtk_widget_class_bind_template_child (widget_class, PkAgendaEditor, recusal_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "editor.remove-presenter", "u", remove_presenter);
  gtk_widget_class_install_action (widget_class, "editor.add-presenter-from-roster", "u", add_presenter_from_roster);
  gtk_widget_class_install_action (widget_class, "editor.add-recusal", "u", add_recusal);
  gtk_widget_class_install_action (widget_class, "editor.remove-recusal", "u", remove_recusal);
}

/* Set here, not in the template: see pk_widget_set_tooltip(). */
static const PkTemplateTooltip agenda_editor_tooltips[] = {
  { "roster_button", N_("Add From the Attendance List") },
  { "recusal_button", N_("Someone Leaves for This Item") },
};

static void
pk_agenda_editor_init (PkAgendaEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pk_template_set_tooltips (GTK_WIDGET (self), agenda_editor_tooltips, G_N_ELEMENTS (agenda_editor_tooltips));
  self->required = -1;

  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (on_editor_changed), self);
  g_signal_connect_swapped (self->dnr_row, "changed", G_CALLBACK (on_editor_changed), self);
  g_signal_connect_swapped (self->duration_spin, "value-changed", G_CALLBACK (on_editor_changed), self);
  g_signal_connect_swapped (self->state_row, "notify::selected", G_CALLBACK (on_editor_changed), self);
  g_signal_connect_swapped (self->confidential_switch, "notify::active", G_CALLBACK (on_editor_changed), self);
  g_signal_connect_swapped (self->presenter_row, "apply", G_CALLBACK (on_presenter_apply), self);
  g_signal_connect_swapped (self->presenter_row, "entry-activated", G_CALLBACK (on_presenter_apply), self);
  update_roster_menu (self);
}

PkAgendaEditor *
pk_agenda_editor_new (void)
{
  return g_object_new (PK_TYPE_AGENDA_EDITOR, NULL);
}
