/* pk-actions-window.c: the action register: actions across all meetings, filtered, each leading
 * to its meeting. Every read and write goes through the database's worker thread. */
#include "config.h"

#include <glib/gi18n.h>

#include "pk-actions-window.h"
#include "pk-lazy.h"

struct _PkActionsWindow
{
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkToggleButton *open_toggle;
  GtkToggleButton *overdue_toggle;
  GtkSearchEntry *owner_entry;
  GtkDropDown *body_dropdown;
  GtkStringList *body_model;
  GtkLabel *count_label;
  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkColumnView *column_view;
  GtkColumnViewColumn *done_column;
  GtkColumnViewColumn *due_column;
  GtkColumnViewColumn *text_column;
  GtkColumnViewColumn *owner_column;
  GtkColumnViewColumn *meeting_column;
  GtkColumnViewColumn *item_column;
  GtkColumnViewColumn *go_column;

  PkDatabase *database;
  GListStore *entries;      /* PkActionEntry, in the register's order */
  GtkSortListModel *sorted; /* as shown: by the column the user sorts by, if any */
  guint busy;
  guint generation;         /* a list read for older filters is dropped */
  gboolean bodies_loaded;
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (PkActionsWindow, pk_actions_window, ADW_TYPE_WINDOW)

enum {
  ACTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum { JOB_LIST, JOB_STATE } JobKind;

typedef struct
{
  JobKind kind;
  PkActionsWindow *window;  /* weak */
  PkDatabase *database;
  guint generation;
  /* JOB_LIST */
  gboolean open_only;
  gboolean overdue_only;
  char *owner;
  char *body;
  gboolean want_bodies;
  GListStore *list;
  GStrv bodies;
  /* JOB_STATE */
  gint64 action_id;
  gint64 meeting_id;
  PkActionState state;
} Job;

static void
job_free (Job *job)
{
  g_clear_weak_pointer (&job->window);
  g_clear_object (&job->database);
  g_free (job->owner);
  g_free (job->body);
  g_clear_object (&job->list);
  g_strfreev (job->bodies);
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
  gboolean ok = TRUE;

  switch (job->kind)
    {
    case JOB_LIST:
      {
        PkActionFilter filter = {
          .open_only = job->open_only,
          .overdue_only = job->overdue_only,
          .owner = job->owner,
          .body = job->body,
        };

        ok = (job->list = pk_database_list_actions (job->database, &filter, &error)) != NULL;
        if (ok && job->want_bodies)
          ok = (job->bodies = pk_database_list_body_names (job->database, &error)) != NULL;
      }
      break;
    case JOB_STATE:
      ok = pk_database_set_action_state (job->database, job->action_id, job->state, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void job_done (GObject *source, GAsyncResult *result, gpointer user_data);

static void
run_job (PkActionsWindow *self,
         Job             *job)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, job_done, NULL);

  g_set_weak_pointer (&job->window, self);
  job->database = g_object_ref (self->database);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  self->busy++;
  pk_database_run_in_worker (self->database, task, job_thread);
}

static const char *
selected_body (PkActionsWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->body_dropdown);

  /* Row 0 is "All bodies". */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->body_model, selected);
}

void
pk_actions_window_reload (PkActionsWindow *self)
{
  Job *job;

  g_return_if_fail (PK_IS_ACTIONS_WINDOW (self));

  if (self->filling || self->database == NULL)
    return;
  job = g_new0 (Job, 1);
  job->kind = JOB_LIST;
  job->generation = ++self->generation;
  job->open_only = gtk_toggle_button_get_active (self->open_toggle);
  job->overdue_only = gtk_toggle_button_get_active (self->overdue_toggle);
  job->owner = g_strdup (pk_str_or_null (gtk_editable_get_text (GTK_EDITABLE (self->owner_entry))));
  job->body = g_strdup (selected_body (self));
  job->want_bodies = !self->bodies_loaded;
  run_job (self, job);
}

static void
show_list (PkActionsWindow *self,
           GListModel      *list)
{
  guint n = g_list_model_get_n_items (list);
  guint n_overdue = 0;
  gboolean filtered = gtk_toggle_button_get_active (self->overdue_toggle) ||
                      pk_str_or_null (gtk_editable_get_text (GTK_EDITABLE (self->owner_entry))) != NULL ||
                      selected_body (self) != NULL;
  g_autofree char *count = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      PkActionEntry *entry = g_list_model_get_item (list, i);

      n_overdue += pk_action_entry_get_overdue (entry);
      g_ptr_array_add (items, entry);
    }
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       items->pdata, items->len);

  if (n_overdue > 0)
    count = g_strdup_printf (ngettext ("%u action, %u overdue", "%u actions, %u overdue", n), n, n_overdue);
  else
    count = g_strdup_printf (ngettext ("%u action", "%u actions", n), n);
  gtk_label_set_label (self->count_label, count);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    {
      gboolean open_only = gtk_toggle_button_get_active (self->open_toggle);

      adw_status_page_set_title (self->empty_page,
                                 filtered ? _("No Matching Actions") : open_only ? _("No Open Actions")
                                                                                 : _("No Actions"));
      adw_status_page_set_description (self->empty_page,
                                       filtered ? _("No action matches these filters.")
                                       : open_only ? _("Every action is done. Turn off “Open” to see them all.")
                                                   : _("Actions recorded under the items of a meeting are "
                                                       "listed here, with their owner and due date."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
}

static void
job_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  PkActionsWindow *self = job->window;
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (self == NULL)
    return;
  self->busy--;
  if (!ok)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      /* A refused change leaves the check box as it was on disk. */
      if (job->kind == JOB_STATE)
        pk_actions_window_reload (self);
      return;
    }

  switch (job->kind)
    {
    case JOB_LIST:
      if (job->generation != self->generation)
        break;
      if (job->bodies != NULL)
        {
          self->filling = TRUE;
          self->bodies_loaded = TRUE;
          gtk_string_list_splice (self->body_model, 1, g_list_model_get_n_items (G_LIST_MODEL (self->body_model)) - 1,
                                  (const char * const *) job->bodies);
          self->filling = FALSE;
        }
      show_list (self, G_LIST_MODEL (job->list));
      break;
    case JOB_STATE:
      g_signal_emit (self, signals[ACTION_CHANGED], 0, job->meeting_id);
      pk_actions_window_reload (self);
      break;
    default:
      break;
    }
}

void
pk_actions_window_set_done (PkActionsWindow *self,
                            guint            position,
                            gboolean         done)
{
  g_autoptr(PkActionEntry) entry = NULL;
  Job *job;

  g_return_if_fail (PK_IS_ACTIONS_WINDOW (self));

  if (!(entry = g_list_model_get_item (G_LIST_MODEL (self->sorted), position)))
    return;
  job = g_new0 (Job, 1);
  job->kind = JOB_STATE;
  job->action_id = pk_action_entry_get_id (entry);
  job->meeting_id = pk_action_entry_get_meeting_id (entry);
  job->state = done ? PK_ACTION_STATE_DONE : PK_ACTION_STATE_OPEN;
  run_job (self, job);
}

/* ---- cells ---- */

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  gboolean wrap = GPOINTER_TO_INT (user_data);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 24);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
set_label (GtkListItem *list_item,
           const char  *text,
           gboolean     dim)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "—");
  pk_widget_set_tooltip (label, text);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
bind_due (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  PkActionEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  set_label (list_item, pk_action_entry_get_due (entry), pk_action_entry_get_state (entry) != PK_ACTION_STATE_OPEN);
  /* Overdue reads in the error colour, and says so for those who cannot see colour. */
  if (pk_action_entry_get_overdue (entry))
    {
      g_autofree char *tip = g_strdup_printf (_("Overdue since %s"), pk_action_entry_get_due (entry));

      gtk_widget_add_css_class (label, "error");
      pk_widget_set_tooltip (label, tip);
    }
  else
    gtk_widget_remove_css_class (label, "error");
}

static void
bind_text (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  PkActionEntry *entry = gtk_list_item_get_item (list_item);

  set_label (list_item, pk_action_entry_get_text (entry), pk_action_entry_get_state (entry) != PK_ACTION_STATE_OPEN);
}

static void
bind_owner (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  PkActionEntry *entry = gtk_list_item_get_item (list_item);

  set_label (list_item, pk_action_entry_get_owner (entry), FALSE);
}

static void
bind_meeting (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  PkActionEntry *entry = gtk_list_item_get_item (list_item);
  const char *date = pk_action_entry_get_meeting_date (entry);
  const char *body = pk_action_entry_get_body (entry);
  g_autofree char *text = g_strdup_printf ("%s · %s", date != NULL ? date : _("No date"),
                                           body != NULL ? body : pk_action_entry_get_meeting_title (entry));

  set_label (list_item, text, FALSE);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  PkActionEntry *entry = gtk_list_item_get_item (list_item);
  g_autofree char *text = g_strdup_printf ("%s %s", pk_action_entry_get_item_number (entry)
                                                      ? pk_action_entry_get_item_number (entry) : "",
                                           pk_action_entry_get_item_title (entry)
                                             ? pk_action_entry_get_item_title (entry) : "");

  set_label (list_item, g_strstrip (text), FALSE);
}

static void
on_done_toggled (GtkCheckButton *check,
                 GtkListItem    *list_item)
{
  PkActionsWindow *self;

  if (g_object_get_data (G_OBJECT (check), "binding") != NULL)
    return;
  self = PK_ACTIONS_WINDOW (gtk_widget_get_root (GTK_WIDGET (check)));
  pk_actions_window_set_done (self, gtk_list_item_get_position (list_item), gtk_check_button_get_active (check));
}

static void
setup_done (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  g_signal_connect (check, "toggled", G_CALLBACK (on_done_toggled), list_item);
  gtk_list_item_set_child (list_item, check);
}

static void
bind_done (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  PkActionEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *check = gtk_list_item_get_child (list_item);
  gboolean locked = pk_action_entry_get_meeting_status (entry) == PK_MEETING_STATUS_JUSTERAT;

  g_object_set_data (G_OBJECT (check), "binding", GINT_TO_POINTER (TRUE));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), pk_action_entry_get_state (entry) != PK_ACTION_STATE_OPEN);
  g_object_set_data (G_OBJECT (check), "binding", NULL);
  /* The lock of approved minutes holds here too; say where the change belongs instead. */
  gtk_widget_set_sensitive (check, !locked);
  pk_widget_set_tooltip (check, locked ? _("In approved minutes: record it in the next meeting")
                                             : _("Done"));
}

static void
setup_go (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("go-next-symbolic");

  gtk_widget_add_css_class (button, "flat");
  pk_widget_set_tooltip (button, _("Show the meeting"));
  gtk_list_item_set_child (list_item, button);
}

static void
bind_go (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  user_data)
{
  PkActionEntry *entry = gtk_list_item_get_item (list_item);
  GtkActionable *button = GTK_ACTIONABLE (gtk_list_item_get_child (list_item));

  /* The target first: a name without its target makes GTK warn of a type mismatch. */
  gtk_actionable_set_action_target (button, "x", pk_action_entry_get_meeting_id (entry));
  if (gtk_actionable_get_action_name (button) == NULL)
    gtk_actionable_set_action_name (button, "actions.show-meeting");
}

static void
set_factory (GtkColumnViewColumn *column,
             GCallback            setup,
             GCallback            bind,
             gboolean             wrap)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, GINT_TO_POINTER (wrap));
  g_signal_connect (factory, "bind", bind, NULL);
  gtk_column_view_column_set_factory (column, factory);
}

/* Sorts by a string property; an empty one (no due date, no owner) sorts last. */
static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const char *property = user_data;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  g_object_get ((gpointer) a, property, &x, NULL);
  g_object_get ((gpointer) b, property, &y, NULL);
  if (x == NULL || y == NULL)
    return (x == NULL) - (y == NULL);
  return g_utf8_collate (x, y);
}

static void
set_sorter (GtkColumnViewColumn *column,
            const char          *property)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_strings, (gpointer) property, NULL));

  gtk_column_view_column_set_sorter (column, sorter);
}

/* ---- going to the meeting ---- */

static void
show_meeting (PkActionsWindow *self,
              gint64           meeting_id)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-meeting", "x", meeting_id);
}

static void
show_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_meeting (PK_ACTIONS_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
on_row_activated (PkActionsWindow *self,
                  guint            position)
{
  g_autoptr(PkActionEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (entry != NULL)
    show_meeting (self, pk_action_entry_get_meeting_id (entry));
}

static void
focus_owner (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (PK_ACTIONS_WINDOW (widget)->owner_entry));
}

static void
on_active_changed (PkActionsWindow *self)
{
  /* Back from the main window, where actions may have been edited: show what is on disk now. */
  if (gtk_window_is_active (GTK_WINDOW (self)))
    pk_actions_window_reload (self);
}

GListModel *
pk_actions_window_get_entries (PkActionsWindow *self)
{
  g_return_val_if_fail (PK_IS_ACTIONS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

gboolean
pk_actions_window_is_busy (PkActionsWindow *self)
{
  g_return_val_if_fail (PK_IS_ACTIONS_WINDOW (self), FALSE);
  return self->busy > 0;
}

static void
pk_actions_window_dispose (GObject *object)
{
  PkActionsWindow *self = PK_ACTIONS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PK_TYPE_ACTIONS_WINDOW);
  G_OBJECT_CLASS (pk_actions_window_parent_class)->dispose (object);
}

static void
pk_actions_window_finalize (GObject *object)
{
  PkActionsWindow *self = PK_ACTIONS_WINDOW (object);

  g_clear_object (&self->database);
  g_clear_object (&self->sorted);
  g_clear_object (&self->entries);
  G_OBJECT_CLASS (pk_actions_window_parent_class)->finalize (object);
}

static void
pk_actions_window_class_init (PkActionsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pk_actions_window_dispose;
  object_class->finalize = pk_actions_window_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/protokoll/Protokoll/pk-actions-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PkActionsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PkActionsWindow, open_toggle);
  gtk_widget_class_bind_template_child (widget_class, PkActionsWindow, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, PkActionsWindow, owner_entry);
  gtk_widget_class_bind_template_child (widget_class, PkActionsWindow, body_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PkActionsWindow, body_model);
  gtk_widget_class_bind_template_child (widget_class, PkActionsWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, PkActionsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PkActionsWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PkActionsWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, PkActionsWindow, done_column);
  gtk_widget_class_bind_template_child (widget_class, PkActionsWindow, due_column);
  gtk_widget_class_bind_template_child (widget_class, PkActionsWindow, text_column);
  gtk_widget_class_bind_template_child (widget_class, PkActionsWindow, owner_column);
  gtk_widget_class_bind_template_child (widget_class, PkActionsWindow, meeting_column);
  gtk_widget_class_bind_template_child (widget_class, PkActionsWindow, item_column);
  gtk_widget_class_bind_template_child (widget_class, PkActionsWindow, go_column);
  /* An action of this meeting was closed or reopened on disk: a view of it is out of date. */
  signals[ACTION_CHANGED] =
    g_signal_new ("action-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_install_action (widget_class, "actions.show-meeting", "x", show_meeting_action);
  gtk_widget_class_install_action (widget_class, "actions.focus-owner", NULL, focus_owner);
}

/* Set here, not in the template: see pk_widget_set_tooltip(). */
static const PkTemplateTooltip actions_window_tooltips[] = {
  { "open_toggle", N_("Only actions not yet done") },
  { "overdue_toggle", N_("Only open actions past their due date") },
  { "owner_entry", N_("Actions whose owner’s name contains this") },
  { "body_dropdown", N_("Body") },
};

static void
pk_actions_window_init (PkActionsWindow *self)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  pk_template_set_tooltips (GTK_WIDGET (self), actions_window_tooltips, G_N_ELEMENTS (actions_window_tooltips));
  self->entries = g_list_store_new (PK_TYPE_ACTION_ENTRY);
  /* Header clicks sort; with no column chosen the register's own order stays. */
  set_sorter (self->due_column, "due");
  set_sorter (self->text_column, "text");
  set_sorter (self->owner_column, "owner");
  set_sorter (self->meeting_column, "meeting-date");
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->entries)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  set_factory (self->done_column, G_CALLBACK (setup_done), G_CALLBACK (bind_done), FALSE);
  set_factory (self->due_column, G_CALLBACK (setup_label), G_CALLBACK (bind_due), FALSE);
  set_factory (self->text_column, G_CALLBACK (setup_label), G_CALLBACK (bind_text), TRUE);
  set_factory (self->owner_column, G_CALLBACK (setup_label), G_CALLBACK (bind_owner), FALSE);
  set_factory (self->meeting_column, G_CALLBACK (setup_label), G_CALLBACK (bind_meeting), FALSE);
  set_factory (self->item_column, G_CALLBACK (setup_label), G_CALLBACK (bind_item), FALSE);
  set_factory (self->go_column, G_CALLBACK (setup_go), G_CALLBACK (bind_go), FALSE);

  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (on_row_activated), self);
  g_signal_connect_swapped (self->open_toggle, "toggled", G_CALLBACK (pk_actions_window_reload), self);
  g_signal_connect_swapped (self->overdue_toggle, "toggled", G_CALLBACK (pk_actions_window_reload), self);
  g_signal_connect_swapped (self->owner_entry, "search-changed", G_CALLBACK (pk_actions_window_reload), self);
  g_signal_connect_swapped (self->body_dropdown, "notify::selected", G_CALLBACK (pk_actions_window_reload), self);
  g_signal_connect_swapped (self, "notify::is-active", G_CALLBACK (on_active_changed), self);
}

PkActionsWindow *
pk_actions_window_new (GtkWindow  *parent,
                       PkDatabase *database)
{
  PkActionsWindow *self = g_object_new (PK_TYPE_ACTIONS_WINDOW, "transient-for", parent, NULL);

  self->database = g_object_ref (database);
  pk_actions_window_reload (self);
  return self;
}
