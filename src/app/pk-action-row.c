/* pk-action-row.c: one action: its text, owner (as written), due date from a calendar, state. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pk-action-row.h"
#include "pk-lazy.h"

struct _PkActionRow
{
  GtkListBoxRow parent_instance;

  GtkEntry *text_entry;
  GtkEntry *owner_entry;
  GtkMenuButton *owner_button;
  GtkMenuButton *due_button;
  GtkCalendar *calendar;
  GtkDropDown *state_dropdown;

  PkAction *action;
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (PkActionRow, pk_action_row, GTK_TYPE_LIST_BOX_ROW)

enum { CHANGED, REMOVE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
emit_changed (PkActionRow *self)
{
  if (!self->filling)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
show_due (PkActionRow *self)
{
  const char *due = pk_action_get_due (self->action);

  gtk_menu_button_set_label (self->due_button, due != NULL && *due != '\0' ? due : _("No Due Date"));
}

static void
on_text_changed (PkActionRow *self)
{
  pk_action_set_text (self->action, gtk_editable_get_text (GTK_EDITABLE (self->text_entry)));
  emit_changed (self);
}

static void
on_owner_changed (PkActionRow *self)
{
  const char *owner = gtk_editable_get_text (GTK_EDITABLE (self->owner_entry));

  pk_action_set_owner (self->action, *owner != '\0' ? owner : NULL);
  emit_changed (self);
}

static void
on_state_changed (PkActionRow *self)
{
  if (self->filling)
    return;
  pk_action_set_state (self->action, (PkActionState) gtk_drop_down_get_selected (self->state_dropdown));
  emit_changed (self);
}

void
pk_action_row_set_due (PkActionRow *self,
                       const char  *due)
{
  g_return_if_fail (PK_IS_ACTION_ROW (self));

  pk_action_set_due (self->action, due != NULL && *due != '\0' ? due : NULL);
  show_due (self);
  emit_changed (self);
}

static void
on_day_selected (PkActionRow *self)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;

  if (self->filling)
    return;
  date = gtk_calendar_get_date (self->calendar);
  text = g_date_time_format (date, "%Y-%m-%d");
  pk_action_row_set_due (self, text);
  gtk_menu_button_popdown (self->due_button);
}

static void
on_clear_due (PkActionRow *self)
{
  pk_action_row_set_due (self, NULL);
  gtk_menu_button_popdown (self->due_button);
}

static void
pick_owner (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PkActionRow *self = PK_ACTION_ROW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->owner_entry), g_variant_get_string (parameter, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (self->owner_entry));
}

static void
on_remove_clicked (PkActionRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
pk_action_row_dispose (GObject *object)
{
  PkActionRow *self = PK_ACTION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PK_TYPE_ACTION_ROW);
  g_clear_object (&self->action);
  G_OBJECT_CLASS (pk_action_row_parent_class)->dispose (object);
}

static void
pk_action_row_class_init (PkActionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pk_action_row_dispose;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                  NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/protokoll/Protokoll/pk-action-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PkActionRow, text_entry);
  gtk_widget_class_bind_template_child (widget_class, PkActionRow, owner_entry);
  gtk_widget_class_bind_template_child (widget_class, PkActionRow, owner_button);
  gtk_widget_class_install_action (widget_class, "action-row.owner", "s", pick_owner);
  gtk_widget_class_bind_template_child (widget_class, PkActionRow, due_button);
  gtk_widget_class_bind_template_child (widget_class, PkActionRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, PkActionRow, state_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_due);
}

/* Set here, not in the template: see pk_widget_set_tooltip(). */
static const PkTemplateTooltip action_row_tooltips[] = {
  { "owner_button", N_("Pick from the Attendance") },
  { "due_button", N_("Due Date") },
  { "state_dropdown", N_("State") },
  { "remove_button", N_("Remove Action") },
};

static void
pk_action_row_init (PkActionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pk_template_set_tooltips (GTK_WIDGET (self), action_row_tooltips, G_N_ELEMENTS (action_row_tooltips));
}

GtkWidget *
pk_action_row_new (PkAction  *action,
                   PkMeeting *meeting)
{
  PkActionRow *self = g_object_new (PK_TYPE_ACTION_ROW, NULL);
  const char *due = pk_action_get_due (action);
  g_autoptr(GMenu) people = g_menu_new ();
  GListModel *attendees = meeting != NULL ? G_LIST_MODEL (pk_meeting_get_attendees (meeting)) : NULL;

  /* The roster, to pick the owner from; any other name can be typed. */
  for (guint i = 0; attendees != NULL && i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(PkAttendance) attendance = g_list_model_get_item (attendees, i);
      const char *name = pk_attendance_get_name (attendance);
      g_autoptr(GMenuItem) item = NULL;

      if (name == NULL || *name == '\0')
        continue;
      item = g_menu_item_new (name, NULL);
      g_menu_item_set_action_and_target_value (item, "action-row.owner", g_variant_new_string (name));
      g_menu_append_item (people, item);
    }
  gtk_menu_button_set_menu_model (self->owner_button, G_MENU_MODEL (people));
  gtk_widget_set_visible (GTK_WIDGET (self->owner_button), g_menu_model_get_n_items (G_MENU_MODEL (people)) > 0);

  self->action = g_object_ref (action);
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->text_entry), pk_action_get_text (action) ? pk_action_get_text (action) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->owner_entry), pk_action_get_owner (action) ? pk_action_get_owner (action) : "");
  gtk_drop_down_set_selected (self->state_dropdown, pk_action_get_state (action));
  if (due != NULL && strlen (due) == 10)
    {
      g_autofree char *iso = g_strconcat (due, "T00:00:00Z", NULL);
      g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (iso, NULL);

      if (date != NULL)
        gtk_calendar_select_day (self->calendar, date);
    }
  show_due (self);
  self->filling = FALSE;
  g_signal_connect_swapped (self->text_entry, "changed", G_CALLBACK (on_text_changed), self);
  g_signal_connect_swapped (self->owner_entry, "changed", G_CALLBACK (on_owner_changed), self);
  g_signal_connect_swapped (self->state_dropdown, "notify::selected", G_CALLBACK (on_state_changed), self);
  return GTK_WIDGET (self);
}

PkAction *
pk_action_row_get_action (PkActionRow *self)
{
  g_return_val_if_fail (PK_IS_ACTION_ROW (self), NULL);
  return self->action;
}

static void
focus_when_mapped (GtkWidget *entry)
{
  g_signal_handlers_disconnect_by_func (entry, focus_when_mapped, NULL);
  gtk_widget_grab_focus (entry);
}

void
pk_action_row_focus (PkActionRow *self)
{
  g_return_if_fail (PK_IS_ACTION_ROW (self));

  /* A row just added is not on screen yet: focus follows when it is. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->text_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->text_entry));
  else
    g_signal_connect (self->text_entry, "map", G_CALLBACK (focus_when_mapped), NULL);
}
