/* pk-minutes-panel.c: the Beslut panel. The secretary writes during the meeting: the item list on
 * the left follows the agenda; on the right the discussion (one text buffer per item, so undo
 * survives moving between items), the decisions and the actions of the item chosen. Every edit
 * goes into the model at once and marks the item; PkSaver writes the marked items' copies on the
 * database's worker after a pause, on leaving and on close. */
#include "config.h"

#include <glib/gi18n.h>

#include "pk-action-row.h"
#include "pk-decision-row.h"
#include "pk-minutes-panel.h"
#include "pk-lazy.h"
#include "pk-toast.h"
#include "pk-saver.h"
#include "pk-spell-adapter.h"

struct _PkMinutesPanel
{
  GtkWidget parent_instance;

  GtkListView *item_list;
  GtkStack *editor_stack;
  GtkLabel *item_heading;
  GtkLabel *item_presenters;
  GtkToggleButton *open_toggle;
  GtkToggleButton *done_toggle;
  GtkToggleButton *deferred_toggle;
  GtkTextView *discussion_view;
  GtkListBox *decisions_list;
  GtkListBox *actions_list;
  GtkWidget *decisions_placeholder;
  GtkWidget *actions_placeholder;

  PkDatabase *database;
  PkMeeting *meeting;
  GtkSingleSelection *selection;
  PkAgendaItem *item;       /* the one shown */
  GHashTable *buffers;      /* PkAgendaItem -> GtkTextBuffer of its discussion */
  GHashTable *dirty;        /* PkAgendaItem (ref) -> itself: minutes to write */
  PkSaver *saver;
  PkSpellAdapter *spell;
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (PkMinutesPanel, pk_minutes_panel, GTK_TYPE_WIDGET)

static void show_item (PkMinutesPanel *self);

/* ---- messages ---- */

static void
on_spell_save_failed (PkMinutesPanel *self,
                      const char     *message)
{
  pk_toast_show (GTK_WIDGET (self), adw_toast_new (message));
}

/* Swedish spelling while typing. Loading hunspell's dictionary takes a core for ~150 ms: not
 * while the window starts, but when the panel is first shown. */
static void
on_map (PkMinutesPanel *self)
{
  if (self->spell != NULL)
    return;
  self->spell = pk_spell_adapter_new (self->discussion_view);
  g_signal_connect_object (self->spell, "save-failed", G_CALLBACK (on_spell_save_failed), self, G_CONNECT_SWAPPED);
}

/* ---- saving ---- */

/* What one save writes: copies for the worker, and the items they came from, marked again if the
 * write fails so that nothing typed is dropped. */
typedef struct
{
  GPtrArray *copies;
  GPtrArray *originals;
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_ptr_array_unref (snapshot->copies);
  g_ptr_array_unref (snapshot->originals);
  g_free (snapshot);
}

static gpointer
take_snapshot (gpointer owner)
{
  PkMinutesPanel *self = owner;
  Snapshot *snapshot;
  GHashTableIter iter;
  gpointer item;

  snapshot = g_new0 (Snapshot, 1);
  snapshot->copies = g_ptr_array_new_with_free_func (g_object_unref);
  snapshot->originals = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    /* An item the agenda has not stored yet is written whole by the agenda's own save; its
     * minutes follow once it has an id. */
    if (pk_agenda_item_get_id (item) != 0)
      {
        g_ptr_array_add (snapshot->copies, pk_agenda_item_copy_deep (item));
        g_ptr_array_add (snapshot->originals, g_object_ref (item));
        g_hash_table_iter_remove (&iter);
      }
  if (snapshot->copies->len == 0)
    {
      snapshot_free (snapshot);
      return NULL;
    }
  return snapshot;
}

static gboolean
write_snapshot (PkDatabase  *database,
                gpointer     data,
                GError     **error)
{
  Snapshot *snapshot = data;
  return pk_database_save_minutes (database, snapshot->copies, error);
}

static void
snapshot_written (gpointer      owner,
                  gpointer      data,
                  const GError *error)
{
  PkMinutesPanel *self = owner;
  Snapshot *snapshot = data;

  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The minutes were not saved: %s"), error->message);
      AdwToast *toast = adw_toast_new (message);

      for (guint i = 0; i < snapshot->originals->len; i++)
        g_hash_table_add (self->dirty, g_object_ref (g_ptr_array_index (snapshot->originals, i)));
      adw_toast_set_timeout (toast, 0);
      pk_toast_show (GTK_WIDGET (self), toast);
      return;
    }
  /* New decisions and actions get the ids their rows were given. */
  for (guint i = 0; i < snapshot->copies->len; i++)
    pk_agenda_item_adopt_ids (g_ptr_array_index (snapshot->copies, i));
}

static void
mark_dirty (PkMinutesPanel *self)
{
  if (self->filling || self->item == NULL)
    return;
  g_hash_table_add (self->dirty, g_object_ref (self->item));
  pk_saver_schedule (self->saver);
}

void
pk_minutes_panel_flush (PkMinutesPanel *self)
{
  g_return_if_fail (PK_IS_MINUTES_PANEL (self));
  pk_saver_flush (self->saver);
}

gboolean
pk_minutes_panel_is_busy (PkMinutesPanel *self)
{
  g_return_val_if_fail (PK_IS_MINUTES_PANEL (self), FALSE);
  return pk_saver_is_busy (self->saver);
}

/* ---- the discussion ---- */

static void
on_discussion_changed (PkMinutesPanel *self,
                       GtkTextBuffer  *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  PkAgendaItem *item;

  if (self->filling)
    return;
  /* The buffer knows its item: typing lands in the item it belongs to. */
  item = g_object_get_data (G_OBJECT (buffer), "item");
  if (item == NULL || item != self->item)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  pk_agenda_item_set_discussion (item, text);
  mark_dirty (self);
}

static GtkTextBuffer *
buffer_for (PkMinutesPanel *self,
            PkAgendaItem   *item)
{
  GtkTextBuffer *buffer = g_hash_table_lookup (self->buffers, item);
  const char *text = pk_agenda_item_get_discussion (item);

  if (buffer != NULL)
    return buffer;
  buffer = gtk_text_buffer_new (NULL);
  /* What was stored is not an edit to undo. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_text_buffer_set_enable_undo (buffer, TRUE);
  g_object_set_data (G_OBJECT (buffer), "item", item);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_discussion_changed), self, G_CONNECT_SWAPPED);
  g_hash_table_insert (self->buffers, g_object_ref (item), buffer);
  return buffer;
}

/* ---- decisions and actions ---- */

typedef struct
{
  PkMinutesPanel *panel;   /* weak */
  GListStore *store;
  GObject *object;
  PkAgendaItem *item;
  guint position;
} Removal;

static void
removal_free (Removal *removal)
{
  g_clear_weak_pointer (&removal->panel);
  g_clear_object (&removal->store);
  g_clear_object (&removal->object);
  g_clear_object (&removal->item);
  g_free (removal);
}

static void
undo_removal (AdwToast *toast,
              Removal  *removal)
{
  PkMinutesPanel *self = removal->panel;

  g_list_store_insert (removal->store, MIN (removal->position, g_list_model_get_n_items (G_LIST_MODEL (removal->store))),
                       removal->object);
  if (self != NULL)
    {
      g_hash_table_add (self->dirty, g_object_ref (removal->item));
      pk_saver_schedule (self->saver);
    }
}

static void
remove_with_undo (PkMinutesPanel *self,
                  GListStore     *store,
                  gpointer        object,
                  const char     *message)
{
  Removal *removal;
  AdwToast *toast;
  guint position;

  if (!g_list_store_find (store, object, &position))
    return;
  removal = g_new0 (Removal, 1);
  g_set_weak_pointer (&removal->panel, self);
  removal->store = g_object_ref (store);
  removal->object = g_object_ref (object);
  removal->item = g_object_ref (self->item);
  removal->position = position;
  g_list_store_remove (store, position);
  mark_dirty (self);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_removal), removal,
                         (GClosureNotify) (void (*) (void)) removal_free, 0);
  pk_toast_show (GTK_WIDGET (self), toast);
}

static void
on_decision_remove (PkDecisionRow  *row,
                    PkMinutesPanel *self)
{
  if (self->item != NULL)
    remove_with_undo (self, pk_agenda_item_get_decisions (self->item), pk_decision_row_get_decision (row),
                      _("Decision removed"));
}

static void
on_action_remove (PkActionRow    *row,
                  PkMinutesPanel *self)
{
  if (self->item != NULL)
    remove_with_undo (self, pk_agenda_item_get_actions (self->item), pk_action_row_get_action (row),
                      _("Action removed"));
}

static GtkWidget *
create_decision_row (gpointer decision,
                     gpointer user_data)
{
  PkMinutesPanel *self = user_data;
  GtkWidget *row = pk_decision_row_new (decision, self->meeting);

  g_signal_connect_object (row, "changed", G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove-requested", G_CALLBACK (on_decision_remove), self, 0);
  return row;
}

static GtkWidget *
create_action_row (gpointer action,
                   gpointer user_data)
{
  PkMinutesPanel *self = user_data;
  GtkWidget *row = pk_action_row_new (action, self->meeting);

  g_signal_connect_object (row, "changed", G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove-requested", G_CALLBACK (on_action_remove), self, 0);
  return row;
}

static void
add_decision (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PkMinutesPanel *self = PK_MINUTES_PANEL (widget);
  g_autoptr(PkDecision) decision = NULL;
  GListStore *decisions;
  GtkListBoxRow *row;

  if (self->item == NULL)
    return;
  decisions = pk_agenda_item_get_decisions (self->item);
  decision = pk_decision_new ();
  g_list_store_append (decisions, decision);
  mark_dirty (self);
  row = gtk_list_box_get_row_at_index (self->decisions_list, (int) g_list_model_get_n_items (G_LIST_MODEL (decisions)) - 1);
  if (row != NULL)
    pk_decision_row_focus_text (PK_DECISION_ROW (row));
}

/* Ctrl+D: to the item's decision, made if there is none yet. */
static void
focus_decision (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PkMinutesPanel *self = PK_MINUTES_PANEL (widget);
  GtkListBoxRow *row;

  if (self->item == NULL)
    return;
  row = gtk_list_box_get_row_at_index (self->decisions_list, 0);
  if (row == NULL)
    add_decision (widget, NULL, NULL);
  else
    pk_decision_row_focus_text (PK_DECISION_ROW (row));
}

static void
focus_discussion (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PkMinutesPanel *self = PK_MINUTES_PANEL (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->discussion_view));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PkMinutesPanel *self = PK_MINUTES_PANEL (widget);
  g_autoptr(PkAction) action = NULL;
  GListStore *actions;
  GtkListBoxRow *row;

  if (self->item == NULL)
    return;
  actions = pk_agenda_item_get_actions (self->item);
  action = pk_action_new ();
  g_list_store_append (actions, action);
  mark_dirty (self);
  row = gtk_list_box_get_row_at_index (self->actions_list, (int) g_list_model_get_n_items (G_LIST_MODEL (actions)) - 1);
  if (row != NULL)
    pk_action_row_focus (PK_ACTION_ROW (row));
}

/* ---- the item's state ---- */

static void
show_state (PkMinutesPanel *self)
{
  PkItemState state = self->item != NULL ? pk_agenda_item_get_state (self->item) : PK_ITEM_STATE_OPEN;
  gboolean filling = self->filling;

  self->filling = TRUE;
  gtk_toggle_button_set_active (self->open_toggle, state == PK_ITEM_STATE_OPEN);
  gtk_toggle_button_set_active (self->done_toggle, state == PK_ITEM_STATE_DONE);
  gtk_toggle_button_set_active (self->deferred_toggle, state == PK_ITEM_STATE_DEFERRED);
  self->filling = filling;
}

static void
set_state (PkMinutesPanel *self,
           PkItemState     state)
{
  if (self->item == NULL)
    return;
  pk_agenda_item_set_state (self->item, state);
  show_state (self);
  mark_dirty (self);
}

static void
on_state_toggled (PkMinutesPanel  *self,
                  GtkToggleButton *toggle)
{
  if (self->filling || !gtk_toggle_button_get_active (toggle))
    return;
  set_state (self, toggle == self->done_toggle ? PK_ITEM_STATE_DONE
                   : toggle == self->deferred_toggle ? PK_ITEM_STATE_DEFERRED : PK_ITEM_STATE_OPEN);
}

static void
mark_done (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  set_state (PK_MINUTES_PANEL (widget), PK_ITEM_STATE_DONE);
}

static void
mark_deferred (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  set_state (PK_MINUTES_PANEL (widget), PK_ITEM_STATE_DEFERRED);
}

/* ---- moving between items ---- */

static void
step_item (PkMinutesPanel *self,
           int             delta)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint position = gtk_single_selection_get_selected (self->selection);
  gboolean in_discussion = gtk_widget_has_focus (GTK_WIDGET (self->discussion_view));

  if (n == 0)
    return;
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  else if (delta > 0 && position + 1 < n)
    position++;
  else if (delta < 0 && position > 0)
    position--;
  else
    return;
  gtk_single_selection_set_selected (self->selection, position);
  /* Typing goes on where it was: in the next item's discussion. */
  if (in_discussion)
    gtk_widget_grab_focus (GTK_WIDGET (self->discussion_view));
}

static void
next_item (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  step_item (PK_MINUTES_PANEL (widget), 1);
}

static void
previous_item (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  step_item (PK_MINUTES_PANEL (widget), -1);
}

/* ---- showing an item ---- */

static void
show_item (PkMinutesPanel *self)
{
  PkAgendaItem *item = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *heading = NULL;
  GString *presenters;
  GListModel *people;

  if (item == self->item && item != NULL)
    return;
  g_set_object (&self->item, item);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "minutes.add-decision", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "minutes.add-action", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "minutes.focus-decision", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "minutes.mark-done", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "minutes.mark-deferred", item != NULL);
  if (item == NULL)
    {
      gtk_list_box_bind_model (self->decisions_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->actions_list, NULL, NULL, NULL, NULL);
      gtk_stack_set_visible_child_name (self->editor_stack, "empty");
      return;
    }
  self->filling = TRUE;
  heading = g_strdup_printf ("%s  %s", pk_agenda_item_get_number (item) ? pk_agenda_item_get_number (item) : "",
                             pk_agenda_item_get_title (item) ? pk_agenda_item_get_title (item) : "");
  gtk_label_set_label (self->item_heading, heading);
  presenters = g_string_new (NULL);
  people = G_LIST_MODEL (pk_agenda_item_get_presenters (item));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PkPerson) person = g_list_model_get_item (people, i);

      if (presenters->len > 0)
        g_string_append (presenters, ", ");
      g_string_append (presenters, pk_person_get_name (person) ? pk_person_get_name (person) : "");
      if (pk_person_get_title (person) != NULL && *pk_person_get_title (person) != '\0')
        g_string_append_printf (presenters, " (%s)", pk_person_get_title (person));
    }
  if (presenters->len > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Presenter: %s"), presenters->str);
      gtk_label_set_label (self->item_presenters, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->item_presenters), presenters->len > 0);
  g_string_free (presenters, TRUE);
  gtk_text_view_set_buffer (self->discussion_view, buffer_for (self, item));
  gtk_list_box_bind_model (self->decisions_list, G_LIST_MODEL (pk_agenda_item_get_decisions (item)),
                           create_decision_row, self, NULL);
  gtk_list_box_bind_model (self->actions_list, G_LIST_MODEL (pk_agenda_item_get_actions (item)),
                           create_action_row, self, NULL);
  show_state (self);
  gtk_stack_set_visible_child_name (self->editor_stack, "editor");
  self->filling = FALSE;
}

/* ---- life ---- */

void
pk_minutes_panel_set_meeting (PkMinutesPanel *self,
                              PkDatabase     *database,
                              PkMeeting      *meeting,
                              GListModel     *items)
{
  g_return_if_fail (PK_IS_MINUTES_PANEL (self));

  if (self->meeting == meeting && self->database == database)
    return;
  if (self->meeting != NULL)
    pk_saver_flush (self->saver);
  g_set_object (&self->database, database);
  pk_saver_set_database (self->saver, database);
  g_set_object (&self->meeting, meeting);
  g_hash_table_remove_all (self->buffers);
  g_clear_object (&self->item);
  gtk_single_selection_set_model (self->selection, meeting != NULL ? items : NULL);
  show_item (self);
}

void
pk_minutes_panel_select (PkMinutesPanel *self,
                         guint           position)
{
  g_return_if_fail (PK_IS_MINUTES_PANEL (self));
  gtk_single_selection_set_selected (self->selection, position);
}

PkAgendaItem *
pk_minutes_panel_get_item (PkMinutesPanel *self)
{
  g_return_val_if_fail (PK_IS_MINUTES_PANEL (self), NULL);
  return self->item;
}

GtkTextView *
pk_minutes_panel_get_discussion_view (PkMinutesPanel *self)
{
  g_return_val_if_fail (PK_IS_MINUTES_PANEL (self), NULL);
  return self->discussion_view;
}

GtkListBox *
pk_minutes_panel_get_decisions_list (PkMinutesPanel *self)
{
  g_return_val_if_fail (PK_IS_MINUTES_PANEL (self), NULL);
  return self->decisions_list;
}

GtkListBox *
pk_minutes_panel_get_actions_list (PkMinutesPanel *self)
{
  g_return_val_if_fail (PK_IS_MINUTES_PANEL (self), NULL);
  return self->actions_list;
}

static void
pk_minutes_panel_dispose (GObject *object)
{
  PkMinutesPanel *self = PK_MINUTES_PANEL (object);

  if (self->meeting != NULL && self->saver != NULL)
    pk_saver_flush (self->saver);
  g_clear_object (&self->saver);
  g_clear_object (&self->spell);
  if (self->decisions_list != NULL)
    gtk_list_box_bind_model (self->decisions_list, NULL, NULL, NULL, NULL);
  if (self->actions_list != NULL)
    gtk_list_box_bind_model (self->actions_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PK_TYPE_MINUTES_PANEL);
  /* Template children not bound to a field: GTK 4.8 leaves unparenting them to us. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);
  g_clear_object (&self->meeting);
  g_clear_object (&self->database);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->buffers, g_hash_table_unref);
  g_clear_pointer (&self->dirty, g_hash_table_unref);
  G_OBJECT_CLASS (pk_minutes_panel_parent_class)->dispose (object);
}

static void
pk_minutes_panel_class_init (PkMinutesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pk_minutes_panel_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/protokoll/Protokoll/pk-minutes-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PkMinutesPanel, item_list);
  gtk_widget_class_bind_template_child (widget_class, PkMinutesPanel, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, PkMinutesPanel, item_heading);
  gtk_widget_class_bind_template_child (widget_class, PkMinutesPanel, item_presenters);
  gtk_widget_class_bind_template_child (widget_class, PkMinutesPanel, open_toggle);
  gtk_widget_class_bind_template_child (widget_class, PkMinutesPanel, done_toggle);
  gtk_widget_class_bind_template_child (widget_class, PkMinutesPanel, deferred_toggle);
  gtk_widget_class_bind_template_child (widget_class, PkMinutesPanel, discussion_view);
  gtk_widget_class_bind_template_child (widget_class, PkMinutesPanel, decisions_list);
  gtk_widget_class_bind_template_child (widget_class, PkMinutesPanel, actions_list);
  gtk_widget_class_bind_template_child (widget_class, PkMinutesPanel, decisions_placeholder);
  gtk_widget_class_bind_template_child (widget_class, PkMinutesPanel, actions_placeholder);
  gtk_widget_class_bind_template_callback (widget_class, on_state_toggled);
  gtk_widget_class_install_action (widget_class, "minutes.next-item", NULL, next_item);
  gtk_widget_class_install_action (widget_class, "minutes.previous-item", NULL, previous_item);
  gtk_widget_class_install_action (widget_class, "minutes.add-decision", NULL, add_decision);
  gtk_widget_class_install_action (widget_class, "minutes.focus-decision", NULL, focus_decision);
  gtk_widget_class_install_action (widget_class, "minutes.focus-discussion", NULL, focus_discussion);
  gtk_widget_class_install_action (widget_class, "minutes.add-action", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "minutes.mark-done", NULL, mark_done);
  gtk_widget_class_install_action (widget_class, "minutes.mark-deferred", NULL, mark_deferred);
}

/* Set here, not in the template: see pk_widget_set_tooltip(). */
static const PkTemplateTooltip minutes_panel_tooltips[] = {
  { "done_toggle", N_("Mark Done (Ctrl+Shift+D)") },
  { "deferred_toggle", N_("Defer to the Next Meeting (Ctrl+Shift+U)") },
  { "markdown_hint", N_("Markdown: **bold**, *italic*, “- ” for a list, a table with | columns |") },
  { "add_decision_button", N_("Add Decision (Ctrl+Shift+N)") },
  { "add_action_button", N_("Add Action (Ctrl+Shift+T)") },
};

static void
pk_minutes_panel_init (PkMinutesPanel *self)
{
  /* Captured before the text views see them: GtkTextView has its own Ctrl+PgUp/PgDn. */
  static const struct { const char *trigger; const char *action; } shortcuts[] = {
    { "<Control>Page_Down", "minutes.next-item" },
    { "<Control>Page_Up", "minutes.previous-item" },
    { "<Control>d", "minutes.focus-decision" },
    { "<Control><Shift>d", "minutes.mark-done" },
    { "<Control><Shift>u", "minutes.mark-deferred" },
    { "<Control><Shift>t", "minutes.add-action" },
    { "<Control><Shift>n", "minutes.add-decision" },
    { "<Control>t", "minutes.focus-discussion" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkEventController *focus;
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  pk_template_set_tooltips (GTK_WIDGET (self), minutes_panel_tooltips, G_N_ELEMENTS (minutes_panel_tooltips));
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_LOCAL);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].trigger),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  /* Leaving the panel (another panel, the sidebar, another window) writes what was typed now. */
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (pk_minutes_panel_flush), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  self->buffers = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->dirty = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->saver = pk_saver_new (G_OBJECT (self), take_snapshot, write_snapshot, snapshot_written,
                              (GDestroyNotify) snapshot_free);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  factory = gtk_builder_list_item_factory_new_from_resource (NULL, "/io/github/protokoll/Protokoll/pk-minutes-item.ui");
  gtk_list_view_set_factory (self->item_list, factory);
  gtk_list_view_set_model (self->item_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (show_item), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  gtk_list_box_set_placeholder (self->decisions_list, self->decisions_placeholder);
  gtk_list_box_set_placeholder (self->actions_list, self->actions_placeholder);
  show_item (self);
}
