/* pk-agenda-panel.c: the Dagordning panel: edit the agenda tree, see its time plan, export it. */
#include "config.h"

#include <glib/gi18n.h>

#include "pk-agenda-editor.h"
#include "pk-agenda-panel.h"
#include "pk-toast.h"
#include "pk-agenda-row.h"
#include "pk-lazy.h"
#include "pk-export.h"
#include "pk-saver.h"

#define ID_KEY(id) GSIZE_TO_POINTER ((gsize) (id))

struct _PkAgendaPanel
{
  GtkWidget parent_instance;

  GtkRevealer *overrun_revealer;
  GtkLabel *overrun_label;
  GtkLabel *plan_label;
  GtkStack *list_stack;
  GtkListView *item_list;
  GtkStack *editor_stack;
  GtkMenuButton *agenda_menu_button;
  GMenuModel *agenda_menu;
  AdwBin *editor_slot;
  PkAgendaEditor *editor;    /* built when an item is first selected */
  int required;

  PkDatabase *database;
  PkMeeting *meeting;
  GListStore *flat;
  GtkSingleSelection *selection;
  GHashTable *starts;        /* PkAgendaItem -> planned start, "13:45" */
  GPtrArray *watched;        /* items whose notify we listen to */
  PkAgendaItem *editing;     /* the item in the side editor */
  guint rebuild_id;

  PkSaver *saver;
  GHashTable *keep;          /* ids removed with undo on offer: not deleted from the database yet */
};

G_DEFINE_FINAL_TYPE (PkAgendaPanel, pk_agenda_panel, GTK_TYPE_WIDGET)

enum { FILES_DROPPED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  PkAgendaPanel *panel;       /* weak: the toast may outlive it */
  PkAgendaItem *item;
  PkAgendaPlace place;
  GArray *ids;
  gboolean undone;
} Removal;

static void rebuild (PkAgendaPanel *self);
static void schedule_save (PkAgendaPanel *self);

/* ---- saving ---- */

typedef struct
{
  PkMeeting *copy;
  GHashTable *keep;
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_clear_object (&snapshot->copy);
  g_clear_pointer (&snapshot->keep, g_hash_table_unref);
  g_free (snapshot);
}

/* A copy for the worker: the tree on screen keeps changing while it writes. */
static gpointer
take_snapshot (gpointer owner)
{
  PkAgendaPanel *self = owner;
  Snapshot *snapshot;
  GHashTableIter iter;
  gpointer key;

  if (self->meeting == NULL)
    return NULL;
  snapshot = g_new0 (Snapshot, 1);
  snapshot->copy = pk_meeting_copy_deep (self->meeting);
  snapshot->keep = g_hash_table_new (NULL, NULL);
  g_hash_table_iter_init (&iter, self->keep);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (snapshot->keep, key);
  return snapshot;
}

static gboolean
write_snapshot (PkDatabase  *database,
                gpointer     data,
                GError     **error)
{
  Snapshot *snapshot = data;
  return pk_database_save_agenda (database, snapshot->copy, snapshot->keep, error);
}

static void
snapshot_written (gpointer      owner,
                  gpointer      data,
                  const GError *error)
{
  PkAgendaPanel *self = owner;
  Snapshot *snapshot = data;

  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The agenda was not saved: %s"), error->message);
      pk_toast_show_message (GTK_WIDGET (self), message);
      return;
    }
  /* New items got their ids in the copy; the items on screen take them, so the next save
   * updates those rows instead of adding them again. */
  pk_meeting_adopt_ids (snapshot->copy);
}

static void
schedule_save (PkAgendaPanel *self)
{
  pk_saver_schedule (self->saver);
}

void
pk_agenda_panel_flush (PkAgendaPanel *self)
{
  g_return_if_fail (PK_IS_AGENDA_PANEL (self));
  pk_saver_flush (self->saver);
}

gboolean
pk_agenda_panel_is_saving (PkAgendaPanel *self)
{
  g_return_val_if_fail (PK_IS_AGENDA_PANEL (self), FALSE);
  return pk_saver_is_busy (self->saver);
}

/* ---- the list and its time plan ---- */

/* The warning's revealer is hidden while closed: a closed revealer still measures its child, and
 * the wrapped bold text was a layout and a font of its own in every first frame. */
static void
hide_closed_overrun (PkAgendaPanel *self)
{
  if (!gtk_revealer_get_reveal_child (self->overrun_revealer) &&
      !gtk_revealer_get_child_revealed (self->overrun_revealer))
    gtk_widget_set_visible (GTK_WIDGET (self->overrun_revealer), FALSE);
}

static void
show_overrun (PkAgendaPanel *self,
              gboolean       show)
{
  if (show)
    gtk_widget_set_visible (GTK_WIDGET (self->overrun_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->overrun_revealer, show);
  hide_closed_overrun (self);
}

static void
update_plan (PkAgendaPanel *self,
             PkTimePlan    *plan)
{
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;

  if (plan->total_min >= 60)
    total = g_strdup_printf (_("%d h %02d min"), plan->total_min / 60, plan->total_min % 60);
  else
    total = g_strdup_printf (_("%d min"), plan->total_min);

  if (plan->end_min >= 0)
    {
      g_autofree char *end = pk_time_plan_format_time (plan->end_min);
      text = g_strdup_printf (_("Total %s · ends %s"), total, end);
    }
  else
    text = g_strdup_printf (_("Total %s · no start time"), total);
  if (plan->n_without_duration > 0 && plan->items->len > 0)
    {
      g_autofree char *with_missing = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u item without duration",
                                                                    "%s · %u items without duration",
                                                                    plan->n_without_duration),
                                                       text, plan->n_without_duration);
      g_free (text);
      text = g_steal_pointer (&with_missing);
    }
  gtk_label_set_label (self->plan_label, plan->items->len > 0 ? text : "");

  if (plan->overrun_min > 0)
    {
      g_autofree char *warning = g_strdup_printf (_("The plan runs %d min past the meeting’s end time (%s)."),
                                                  plan->overrun_min, pk_meeting_get_end_time (self->meeting));
      gtk_label_set_label (self->overrun_label, warning);
    }
  show_overrun (self, plan->overrun_min > 0);
}

static void
on_item_notify (PkAgendaPanel *self,
                GParamSpec    *pspec,
                PkAgendaItem  *item)
{
  const char *name = g_param_spec_get_name (pspec);

  /* Ids and numbers change through saving and renumbering, not through editing. */
  if (g_str_equal (name, "id") || g_str_equal (name, "number"))
    return;
  schedule_save (self);
  if (g_str_equal (name, "duration-min") && self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_once ((GSourceOnceFunc) rebuild, self);
}

static void
unwatch_items (PkAgendaPanel *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (self->watched->pdata[i], on_item_notify, self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
update_actions (PkAgendaPanel *self)
{
  PkAgendaItem *item = pk_agenda_panel_get_selected (self);
  PkAgendaPlace place = { NULL, 0, NULL };
  gboolean found = item != NULL && self->meeting != NULL && pk_agenda_find (self->meeting, item, &place);
  guint n_siblings = found ? g_list_model_get_n_items (G_LIST_MODEL (place.siblings)) : 0;
  gboolean editable = self->meeting != NULL &&
                      pk_meeting_get_status (self->meeting) != PK_MEETING_STATUS_JUSTERAT;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.add-item", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.remove", editable && found);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.rename", editable && found);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.move-up", editable && found && place.index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.move-down", editable && found && place.index + 1 < n_siblings);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.indent", editable && found && place.index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.outdent", editable && found && place.parent != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.export", self->meeting != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.save-standard",
                                 self->meeting != NULL && pk_meeting_get_body (self->meeting) != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->editor_stack), editable);
}

/* Lays the tree out again: numbers, planned times, the flat list (every row rebinds). */
static void
rebuild (PkAgendaPanel *self)
{
  g_autoptr(GListStore) flat = NULL;
  g_autoptr(PkTimePlan) plan = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  PkAgendaItem *selected = pk_agenda_panel_get_selected (self);
  g_autoptr(PkAgendaItem) keep_selected = selected ? g_object_ref (selected) : NULL;
  gboolean has_start;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  unwatch_items (self);
  g_hash_table_remove_all (self->starts);

  if (self->meeting != NULL)
    {
      pk_meeting_renumber_items (self->meeting);
      flat = pk_agenda_flatten (self->meeting);
      plan = pk_time_plan_new (self->meeting);
      has_start = plan->end_min >= 0;
      for (guint i = 0; i < plan->items->len; i++)
        {
          PkPlannedItem *planned = &g_array_index (plan->items, PkPlannedItem, i);

          g_ptr_array_add (items, g_object_ref (planned->item));
          if (has_start)
            g_hash_table_insert (self->starts, planned->item, pk_time_plan_format_time (planned->start_min));
          g_signal_connect_object (planned->item, "notify", G_CALLBACK (on_item_notify), self, G_CONNECT_SWAPPED);
          g_ptr_array_add (self->watched, planned->item);
        }
      update_plan (self, plan);
    }
  else
    show_overrun (self, FALSE);

  g_list_store_splice (self->flat, 0, g_list_model_get_n_items (G_LIST_MODEL (self->flat)),
                       items->pdata, items->len);
  if (items->len == 0)
    {
      g_autoptr(GtkBuilder) built = pk_stack_ensure_page (self->list_stack, "empty",
                                                          "/io/github/protokoll/Protokoll/pk-agenda-panel-pages.ui");
    }
  gtk_stack_set_visible_child_name (self->list_stack, items->len > 0 ? "list" : "empty");
  if (keep_selected != NULL)
    pk_agenda_panel_select (self, keep_selected);
  update_actions (self);
}

/* ---- the side editor ---- */

void
pk_agenda_panel_set_quorum_requirement (PkAgendaPanel *self,
                                        int            required)
{
  g_return_if_fail (PK_IS_AGENDA_PANEL (self));
  self->required = required;
  if (self->editor != NULL)
    pk_agenda_editor_set_quorum_requirement (self->editor, required);
}

static void
set_editing (PkAgendaPanel *self,
             PkAgendaItem  *item)
{
  if (self->editing == item)
    return;
  g_set_object (&self->editing, item);
  if (item != NULL && self->editor == NULL)
    {
      self->editor = pk_agenda_editor_new ();
      pk_agenda_editor_set_meeting (self->editor, self->meeting);
      pk_agenda_editor_set_quorum_requirement (self->editor, self->required);
      g_signal_connect_object (self->editor, "changed", G_CALLBACK (schedule_save), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->editor_slot, GTK_WIDGET (self->editor));
    }
  if (self->editor != NULL)
    pk_agenda_editor_set_item (self->editor, item);
  gtk_stack_set_visible_child_name (self->editor_stack, item != NULL ? "editor" : "none");
}

/* ---- selection ---- */

PkAgendaItem *
pk_agenda_panel_get_selected (PkAgendaPanel *self)
{
  g_return_val_if_fail (PK_IS_AGENDA_PANEL (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

void
pk_agenda_panel_select (PkAgendaPanel *self,
                        PkAgendaItem  *item)
{
  guint position;

  g_return_if_fail (PK_IS_AGENDA_PANEL (self));

  if (item != NULL && g_list_store_find (self->flat, item, &position))
    {
      gtk_single_selection_set_selected (self->selection, position);
      /* Keep the keyboard on the moved row so Alt+Up can be pressed again. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self->item_list)))
        gtk_widget_activate_action (GTK_WIDGET (self->item_list), "list.scroll-to-item", "u", position);
    }
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
on_selection_changed (PkAgendaPanel *self)
{
  set_editing (self, pk_agenda_panel_get_selected (self));
  update_actions (self);
}

/* ---- actions ---- */

static void
structure_changed (PkAgendaPanel *self,
                   PkAgendaItem  *select)
{
  rebuild (self);
  pk_agenda_panel_select (self, select);
  schedule_save (self);
}

static void
add_item (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  PkAgendaPanel *self = PK_AGENDA_PANEL (widget);
  g_autoptr(PkAgendaItem) item = pk_agenda_item_new ();

  if (self->meeting == NULL)
    return;
  pk_agenda_item_set_title (item, _("New Item"));
  pk_agenda_insert_after (self->meeting, pk_agenda_panel_get_selected (self), item);
  structure_changed (self, item);
  /* Straight on to naming it. */
  gtk_widget_activate_action (GTK_WIDGET (self), "agenda.rename", NULL);
}

static void
move_item (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  PkAgendaPanel *self = PK_AGENDA_PANEL (widget);
  PkAgendaItem *item = pk_agenda_panel_get_selected (self);
  g_autoptr(PkAgendaItem) keep = item ? g_object_ref (item) : NULL;
  gboolean moved = FALSE;

  if (item == NULL)
    return;
  if (g_str_equal (action_name, "agenda.move-up"))
    moved = pk_agenda_move (self->meeting, item, -1);
  else if (g_str_equal (action_name, "agenda.move-down"))
    moved = pk_agenda_move (self->meeting, item, +1);
  else if (g_str_equal (action_name, "agenda.indent"))
    moved = pk_agenda_indent (self->meeting, item);
  else if (g_str_equal (action_name, "agenda.outdent"))
    moved = pk_agenda_outdent (self->meeting, item);
  if (moved)
    structure_changed (self, keep);
}

gboolean
pk_agenda_panel_move_next_to (PkAgendaPanel *self,
                              PkAgendaItem  *item,
                              PkAgendaItem  *target,
                              gboolean       after)
{
  g_autoptr(PkAgendaItem) keep = NULL;

  g_return_val_if_fail (PK_IS_AGENDA_PANEL (self), FALSE);

  if (self->meeting == NULL || pk_meeting_get_status (self->meeting) == PK_MEETING_STATUS_JUSTERAT)
    return FALSE;
  keep = g_object_ref (item);
  if (!pk_agenda_move_next_to (self->meeting, item, target, after))
    return FALSE;
  structure_changed (self, keep);
  return TRUE;
}

static void
collect_ids (PkAgendaItem *item,
             GArray       *ids)
{
  GListModel *children = G_LIST_MODEL (pk_agenda_item_get_items (item));
  gint64 id = pk_agenda_item_get_id (item);

  if (id != 0)
    g_array_append_val (ids, id);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(PkAgendaItem) child = g_list_model_get_item (children, i);
      collect_ids (child, ids);
    }
}

static void
removal_free (Removal *removal)
{
  g_clear_weak_pointer (&removal->panel);
  g_clear_object (&removal->item);
  g_array_unref (removal->ids);
  g_free (removal);
}

static void
on_removal_dismissed (AdwToast *toast,
                      Removal  *removal)
{
  PkAgendaPanel *self = removal->panel;

  /* No undo: now the rows may go. */
  if (self != NULL && !removal->undone)
    {
      for (guint i = 0; i < removal->ids->len; i++)
        g_hash_table_remove (self->keep, ID_KEY (g_array_index (removal->ids, gint64, i)));
      schedule_save (self);
    }
}

static void
on_removal_undo (AdwToast *toast,
                 Removal  *removal)
{
  PkAgendaPanel *self = removal->panel;

  if (self == NULL || self->meeting == NULL || removal->undone)
    return;
  removal->undone = TRUE;
  for (guint i = 0; i < removal->ids->len; i++)
    g_hash_table_remove (self->keep, ID_KEY (g_array_index (removal->ids, gint64, i)));
  pk_agenda_restore (self->meeting, removal->item, &removal->place);
  structure_changed (self, removal->item);
}

static void
remove_item (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PkAgendaPanel *self = PK_AGENDA_PANEL (widget);
  PkAgendaItem *item = pk_agenda_panel_get_selected (self);
  guint position = gtk_single_selection_get_selected (self->selection);
  g_autofree char *message = NULL;
  Removal *removal;
  AdwToast *toast;

  if (item == NULL)
    return;
  removal = g_new0 (Removal, 1);
  removal->item = g_object_ref (item);
  removal->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_set_weak_pointer (&removal->panel, self);
  if (!pk_agenda_remove (self->meeting, item, &removal->place))
    {
      removal_free (removal);
      return;
    }
  /* The rows stay in the database while undo is on offer: a crash now loses nothing. */
  collect_ids (removal->item, removal->ids);
  for (guint i = 0; i < removal->ids->len; i++)
    g_hash_table_add (self->keep, ID_KEY (g_array_index (removal->ids, gint64, i)));

  rebuild (self);
  {
    guint n = g_list_model_get_n_items (G_LIST_MODEL (self->flat));
    g_autoptr(PkAgendaItem) next = n > 0 ? g_list_model_get_item (G_LIST_MODEL (self->flat), MIN (position, n - 1)) : NULL;
    pk_agenda_panel_select (self, next);
  }
  schedule_save (self);

  message = g_strdup_printf (_("“%s” removed"), pk_agenda_item_get_title (removal->item));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_removal_undo), removal);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (on_removal_dismissed), removal,
                         (GClosureNotify) (void (*) (void)) removal_free, 0);
  pk_toast_show (GTK_WIDGET (self), toast);
}

/* Renaming happens in the item editor beside the list. (An editable label in the row itself
 * made GTK 4.8 report criticals once that row was removed after an edit.) */
static void
rename_item (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PkAgendaPanel *self = PK_AGENDA_PANEL (widget);

  if (pk_agenda_panel_get_selected (self) != NULL && self->editor != NULL)
    pk_agenda_editor_focus_title (self->editor);
}

static void
export_agenda (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PkAgendaPanel *self = PK_AGENDA_PANEL (widget);

  if (self->meeting != NULL)
    pk_export_choose_and_write (widget, self->database, self->meeting, PK_EXPORT_AGENDA);
}

typedef struct
{
  PkDatabase *database;
  char *body;
  GPtrArray *items;
} StandardJob;

static void
standard_job_free (StandardJob *job)
{
  g_clear_object (&job->database);
  g_free (job->body);
  g_ptr_array_unref (job->items);
  g_free (job);
}

static void
standard_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  StandardJob *job = task_data;
  GError *error = NULL;

  if (pk_database_set_standard_items (job->database, job->body, job->items, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
standard_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  PkAgendaPanel *self = PK_AGENDA_PANEL (source);
  StandardJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_application_release (g_application_get_default ());
  if (g_task_propagate_boolean (G_TASK (result), &error))
    message = g_strdup_printf (_("New meetings of %s will start with these %u items"), job->body, job->items->len);
  else
    message = g_strdup_printf (_("The standard agenda was not saved: %s"), error->message);
  pk_toast_show_message (GTK_WIDGET (self), message);
}

static void
save_standard (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PkAgendaPanel *self = PK_AGENDA_PANEL (widget);
  g_autoptr(GTask) task = NULL;
  GListModel *items;
  StandardJob *job;

  if (self->meeting == NULL || self->database == NULL || pk_meeting_get_body (self->meeting) == NULL)
    return;
  job = g_new0 (StandardJob, 1);
  job->database = g_object_ref (self->database);
  job->body = g_strdup (pk_meeting_get_body (self->meeting));
  job->items = g_ptr_array_new_with_free_func (g_object_unref);
  /* The main items, by title and length; the sub-items are the meeting's own business. */
  items = G_LIST_MODEL (pk_meeting_get_items (self->meeting));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (items, i);
      PkAgendaItem *standard = pk_agenda_item_new ();

      pk_agenda_item_set_title (standard, pk_agenda_item_get_title (item));
      pk_agenda_item_set_duration_min (standard, pk_agenda_item_get_duration_min (item));
      g_ptr_array_add (job->items, standard);
    }
  task = g_task_new (self, NULL, standard_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) standard_job_free);
  g_application_hold (g_application_get_default ());
  pk_database_run_in_worker (self->database, task, standard_thread);
}

/* ---- keyboard ---- */

gboolean
pk_agenda_panel_handle_key (PkAgendaPanel   *self,
                            guint            keyval,
                            GdkModifierType  state)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK);
  const char *action = NULL;

  if (mods == GDK_ALT_MASK && (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up))
    action = "agenda.move-up";
  else if (mods == GDK_ALT_MASK && (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down))
    action = "agenda.move-down";
  else if (mods == 0 && keyval == GDK_KEY_Tab)
    action = "agenda.indent";
  else if ((mods == GDK_SHIFT_MASK && keyval == GDK_KEY_Tab) || keyval == GDK_KEY_ISO_Left_Tab)
    action = "agenda.outdent";
  else if (mods == 0 && (keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete))
    action = "agenda.remove";
  else if ((mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)) ||
           (mods == 0 && keyval == GDK_KEY_Insert))
    action = "agenda.add-item";
  else if (mods == 0 && keyval == GDK_KEY_F2)
    action = "agenda.rename";
  if (action == NULL)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
  return TRUE;
}

static gboolean
on_list_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     PkAgendaPanel         *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  /* While a title is being typed, Tab and Delete belong to the text. */
  if (focus != NULL && GTK_IS_TEXT (focus))
    return FALSE;
  return pk_agenda_panel_handle_key (self, keyval, state);
}

/* ---- rows ---- */

static gboolean
on_files_dropped (GtkDropTarget *target,
                  const GValue  *value,
                  double         x,
                  double         y,
                  PkAgendaPanel *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  PkAgendaItem *item = pk_agenda_row_get_item (PK_AGENDA_ROW (row));
  g_autoptr(GSList) files = gdk_file_list_get_files (g_value_get_boxed (value));

  if (item == NULL || files == NULL)
    return FALSE;
  g_signal_emit (self, signals[FILES_DROPPED], 0, item, files);
  return TRUE;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           PkAgendaPanel            *self)
{
  GtkWidget *row = GTK_WIDGET (pk_agenda_row_new ());
  /* PDFs dropped on an item become its bilagor. */
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (drop, "drop", G_CALLBACK (on_files_dropped), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          PkAgendaPanel            *self)
{
  PkAgendaItem *item = gtk_list_item_get_item (list_item);
  PkAgendaRow *row = PK_AGENDA_ROW (gtk_list_item_get_child (list_item));

  pk_agenda_row_set_item (row, item, g_hash_table_lookup (self->starts, item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            PkAgendaPanel            *self)
{
  pk_agenda_row_set_item (PK_AGENDA_ROW (gtk_list_item_get_child (list_item)), NULL, NULL);
}

/* ---- life ---- */

void
pk_agenda_panel_set_meeting (PkAgendaPanel *self,
                             PkDatabase    *database,
                             PkMeeting     *meeting)
{
  g_return_if_fail (PK_IS_AGENDA_PANEL (self));

  if (self->meeting == meeting && self->database == database)
    return;
  /* Whatever is pending for the old meeting is written for it, removals included. */
  if (self->meeting != NULL)
    {
      g_hash_table_remove_all (self->keep);
      pk_saver_flush (self->saver);
    }
  set_editing (self, NULL);
  g_set_object (&self->database, database);
  pk_saver_set_database (self->saver, database);
  g_set_object (&self->meeting, meeting);
  rebuild (self);
  if (self->editor != NULL)
    pk_agenda_editor_set_meeting (self->editor, meeting);
  pk_agenda_panel_select (self, NULL);
}

void
pk_agenda_panel_header_changed (PkAgendaPanel *self)
{
  g_return_if_fail (PK_IS_AGENDA_PANEL (self));
  if (self->meeting != NULL && self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_once ((GSourceOnceFunc) rebuild, self);
  update_actions (self);
}

PkMeeting *
pk_agenda_panel_get_meeting (PkAgendaPanel *self)
{
  g_return_val_if_fail (PK_IS_AGENDA_PANEL (self), NULL);
  return self->meeting;
}

GListModel *
pk_agenda_panel_get_items (PkAgendaPanel *self)
{
  g_return_val_if_fail (PK_IS_AGENDA_PANEL (self), NULL);
  return G_LIST_MODEL (self->flat);
}

static void
pk_agenda_panel_dispose (GObject *object)
{
  PkAgendaPanel *self = PK_AGENDA_PANEL (object);

  if (self->meeting != NULL && self->saver != NULL)
    {
      g_hash_table_remove_all (self->keep);
      pk_saver_flush (self->saver);
    }
  g_clear_object (&self->saver);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  set_editing (self, NULL);
  self->editor = NULL;  /* owned by its slot, which goes with the template */
  if (self->watched != NULL)
    unwatch_items (self);
  g_clear_object (&self->meeting);
  g_clear_object (&self->database);
  gtk_widget_dispose_template (GTK_WIDGET (self), PK_TYPE_AGENDA_PANEL);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pk_agenda_panel_parent_class)->dispose (object);
}

static void
pk_agenda_panel_finalize (GObject *object)
{
  PkAgendaPanel *self = PK_AGENDA_PANEL (object);

  g_clear_object (&self->flat);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->starts, g_hash_table_unref);
  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->keep, g_hash_table_unref);
  G_OBJECT_CLASS (pk_agenda_panel_parent_class)->finalize (object);
}

/* Set here, not in the template: see pk_widget_set_tooltip(). */
static const PkTemplateTooltip agenda_panel_tooltips[] = {
  { "add_button", N_("Add Item (Ctrl+Return)") },
  { "remove_button", N_("Remove Item (Delete)") },
  { "up_button", N_("Move Up (Alt+Up)") },
  { "down_button", N_("Move Down (Alt+Down)") },
  { "indent_button", N_("Make Sub-item (Tab)") },
  { "outdent_button", N_("Make Main Item (Shift+Tab)") },
  { "export_button", N_("Export the notice of meeting with its agenda as PDF") },
  { "agenda_menu_button", N_("Agenda Menu") },
};

static void
pk_agenda_panel_class_init (PkAgendaPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pk_agenda_panel_dispose;
  object_class->finalize = pk_agenda_panel_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/protokoll/Protokoll/pk-agenda-panel.ui");
  /* Files dropped on an item's row: (PkAgendaItem *, GSList * of GFile). */
  signals[FILES_DROPPED] = g_signal_new ("files-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                         NULL, NULL, G_TYPE_NONE, 2, PK_TYPE_AGENDA_ITEM, G_TYPE_POINTER);
  gtk_widget_class_bind_template_child (widget_class, PkAgendaPanel, overrun_revealer);
  gtk_widget_class_bind_template_child (widget_class, PkAgendaPanel, overrun_label);
  gtk_widget_class_bind_template_child (widget_class, PkAgendaPanel, plan_label);
  gtk_widget_class_bind_template_child (widget_class, PkAgendaPanel, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PkAgendaPanel, item_list);
  gtk_widget_class_bind_template_child (widget_class, PkAgendaPanel, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, PkAgendaPanel, editor_slot);
  gtk_widget_class_bind_template_child (widget_class, PkAgendaPanel, agenda_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PkAgendaPanel, agenda_menu);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "agenda.add-item", NULL, add_item);
  gtk_widget_class_install_action (widget_class, "agenda.remove", NULL, remove_item);
  gtk_widget_class_install_action (widget_class, "agenda.rename", NULL, rename_item);
  gtk_widget_class_install_action (widget_class, "agenda.move-up", NULL, move_item);
  gtk_widget_class_install_action (widget_class, "agenda.move-down", NULL, move_item);
  gtk_widget_class_install_action (widget_class, "agenda.indent", NULL, move_item);
  gtk_widget_class_install_action (widget_class, "agenda.outdent", NULL, move_item);
  gtk_widget_class_install_action (widget_class, "agenda.export", NULL, export_agenda);
  gtk_widget_class_install_action (widget_class, "agenda.save-standard", NULL, save_standard);
}

static void
pk_agenda_panel_init (PkAgendaPanel *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  pk_template_set_tooltips (GTK_WIDGET (self), agenda_panel_tooltips, G_N_ELEMENTS (agenda_panel_tooltips));
  pk_menu_button_set_menu_lazily (self->agenda_menu_button, self->agenda_menu);

  self->flat = g_list_store_new (PK_TYPE_AGENDA_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->flat)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  self->starts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->watched = g_ptr_array_new ();
  self->keep = g_hash_table_new (NULL, NULL);
  self->required = -1;
  self->saver = pk_saver_new (G_OBJECT (self), take_snapshot, write_snapshot, snapshot_written,
                              (GDestroyNotify) snapshot_free);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->item_list, factory);
  gtk_list_view_set_model (self->item_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->overrun_revealer, "notify::child-revealed", G_CALLBACK (hide_closed_overrun), self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->item_list), keys);


  update_actions (self);
}
