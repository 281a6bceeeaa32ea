/* pk-agenda-row.c: one agenda item in the Dagordning panel. */
#include "config.h"

#include <glib/gi18n.h>

#include "pk-agenda-panel.h"
#include "pk-agenda-row.h"

#define INDENT_STEP 24

struct _PkAgendaRow
{
  GtkWidget parent_instance;

  GtkLabel *number_label;
  GtkLabel *title_label;
  GtkLabel *details_label;
  GtkLabel *time_label;
  GtkLabel *state_label;

  PkAgendaItem *item;
  char *start;
  const char *state_class;
};

G_DEFINE_FINAL_TYPE (PkAgendaRow, pk_agenda_row, GTK_TYPE_WIDGET)

static char *
details_text (PkAgendaItem *item)
{
  g_autoptr(GString) details = g_string_new (NULL);
  GListModel *presenters = G_LIST_MODEL (pk_agenda_item_get_presenters (item));
  guint n_attachments = g_list_model_get_n_items (G_LIST_MODEL (pk_agenda_item_get_attachments (item)));

  for (guint i = 0; i < g_list_model_get_n_items (presenters); i++)
    {
      g_autoptr(PkPerson) person = g_list_model_get_item (presenters, i);

      g_string_append (details, i == 0 ? _("Presenter: ") : ", ");
      g_string_append (details, pk_person_get_name (person));
      if (pk_person_get_title (person) != NULL)
        g_string_append_printf (details, " (%s)", pk_person_get_title (person));
    }
  if (pk_agenda_item_get_dnr (item) != NULL)
    g_string_append_printf (details, "%s%s %s", details->len ? " · " : "", _("Dnr"),
                            pk_agenda_item_get_dnr (item));
  if (n_attachments > 0)
    {
      g_string_append (details, details->len ? " · " : "");
      g_string_append_printf (details, g_dngettext (GETTEXT_PACKAGE, "%u attachment", "%u attachments",
                                                    n_attachments), n_attachments);
    }
  if (pk_agenda_item_get_deferred_from (item) != 0)
    g_string_append_printf (details, "%s%s", details->len ? " · " : "", _("Carried over"));
  if (pk_agenda_item_get_confidential (item))
    g_string_append_printf (details, "%s%s", details->len ? " · " : "", _("Confidential"));
  return g_string_free (g_steal_pointer (&details), FALSE);
}

static void
update (PkAgendaRow *self)
{
  PkAgendaItem *item = self->item;
  g_autofree char *details = NULL;
  g_autofree char *time = NULL;
  g_autofree char *length = NULL;
  int duration;
  PkItemState state;

  if (item == NULL)
    return;
  gtk_label_set_label (self->number_label, pk_agenda_item_get_number (item));
  gtk_widget_set_margin_start (GTK_WIDGET (self), 6 + INDENT_STEP * (int) pk_agenda_item_get_depth (item));
  gtk_label_set_label (self->title_label, pk_agenda_item_get_title (item));
  details = details_text (item);
  gtk_label_set_label (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), *details != '\0');

  duration = pk_agenda_item_get_duration_min (item);
  if (duration >= 0)
    length = g_strdup_printf (_("%d min"), duration);
  if (self->start != NULL && length != NULL)
    time = g_strdup_printf ("%s\n<span size=\"9pt\">%s</span>", self->start, length);
  else
    time = g_strdup (self->start != NULL ? self->start : length);
  gtk_label_set_markup (self->time_label, time != NULL ? time : "");

  state = pk_agenda_item_get_state (item);
  gtk_label_set_label (self->state_label, pk_item_state_get_label (state));
  if (self->state_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), self->state_class);
  self->state_class = pk_enum_to_nick (PK_TYPE_ITEM_STATE, state);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), self->state_class);
}

void
pk_agenda_row_set_item (PkAgendaRow  *self,
                        PkAgendaItem *item,
                        const char   *start)
{
  g_return_if_fail (PK_IS_AGENDA_ROW (self));

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, update, self);
  g_set_object (&self->item, item);
  g_free (self->start);
  self->start = g_strdup (start);
  if (item != NULL)
    {
      g_signal_connect_object (item, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      update (self);
    }
}

PkAgendaItem *
pk_agenda_row_get_item (PkAgendaRow *self)
{
  g_return_val_if_fail (PK_IS_AGENDA_ROW (self), NULL);
  return self->item;
}

static void
pk_agenda_row_dispose (GObject *object)
{
  PkAgendaRow *self = PK_AGENDA_ROW (object);

  pk_agenda_row_set_item (self, NULL, NULL);
  g_clear_pointer (&self->start, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PK_TYPE_AGENDA_ROW);
  /* Template children not bound to a field: GTK 4.8 leaves unparenting them to us. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pk_agenda_row_parent_class)->dispose (object);
}

#define COLUMN_SPACING 12
#define LINE_SPACING 2

/* The row lays out its labels itself, as a four-column grid would (number | title over details |
 * time | state): a GtkGridLayout was the dearest part of measuring an agenda. The title column
 * takes the width the others leave; only it and the details wrap. */
typedef struct
{
  int number, time, state;   /* natural widths of the fixed columns */
  int text_min, text_nat;    /* the title column */
} Columns;

static void
measure_columns (PkAgendaRow *self,
                 Columns     *columns)
{
  int unused, details_min = 0, details_nat = 0;

  gtk_widget_measure (GTK_WIDGET (self->number_label), GTK_ORIENTATION_HORIZONTAL, -1, &unused, &columns->number, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->time_label), GTK_ORIENTATION_HORIZONTAL, -1, &unused, &columns->time, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->state_label), GTK_ORIENTATION_HORIZONTAL, -1, &unused, &columns->state, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->title_label), GTK_ORIENTATION_HORIZONTAL, -1,
                      &columns->text_min, &columns->text_nat, NULL, NULL);
  if (gtk_widget_get_visible (GTK_WIDGET (self->details_label)))
    gtk_widget_measure (GTK_WIDGET (self->details_label), GTK_ORIENTATION_HORIZONTAL, -1,
                        &details_min, &details_nat, NULL, NULL);
  columns->text_min = MAX (columns->text_min, details_min);
  columns->text_nat = MAX (columns->text_nat, details_nat);
}

static int
fixed_width (const Columns *columns)
{
  return columns->number + columns->time + columns->state + 3 * COLUMN_SPACING;
}

static int
text_width_for (const Columns *columns,
                int            width)
{
  return MAX (columns->text_min, width - fixed_width (columns));
}

static int
natural_height (GtkWidget *label,
                int        for_width)
{
  int unused, height;

  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, for_width, &unused, &height, NULL, NULL);
  return height;
}

/* The title's height and the details' (0 when hidden) at @text_width. */
static void
text_heights (PkAgendaRow *self,
              int          text_width,
              int         *title,
              int         *details)
{
  *title = natural_height (GTK_WIDGET (self->title_label), text_width);
  *details = gtk_widget_get_visible (GTK_WIDGET (self->details_label))
               ? natural_height (GTK_WIDGET (self->details_label), text_width)
               : 0;
}

static void
pk_agenda_row_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  PkAgendaRow *self = PK_AGENDA_ROW (widget);
  Columns columns;

  measure_columns (self, &columns);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = fixed_width (&columns) + columns.text_min;
      *natural = fixed_width (&columns) + columns.text_nat;
    }
  else
    {
      int text_width = for_size < 0 ? columns.text_nat : text_width_for (&columns, for_size);
      int title, details, height;

      text_heights (self, text_width, &title, &details);
      height = title + (details > 0 ? LINE_SPACING + details : 0);
      height = MAX (height, natural_height (GTK_WIDGET (self->number_label), -1));
      height = MAX (height, natural_height (GTK_WIDGET (self->time_label), -1));
      height = MAX (height, natural_height (GTK_WIDGET (self->state_label), -1));
      *minimum = *natural = height;
    }
}

static void
pk_agenda_row_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  PkAgendaRow *self = PK_AGENDA_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  Columns columns;
  int text_width, title, details, x = 0;
  struct { GtkWidget *label; int x, y, width, height; } place[5];

  measure_columns (self, &columns);
  text_width = text_width_for (&columns, width);
  text_heights (self, text_width, &title, &details);

  place[0] = (typeof (place[0])) { GTK_WIDGET (self->number_label), x, 0, columns.number, height };
  x += columns.number + COLUMN_SPACING;
  place[1] = (typeof (place[1])) { GTK_WIDGET (self->title_label), x, 0, text_width, title };
  place[2] = (typeof (place[2])) { GTK_WIDGET (self->details_label), x, title + LINE_SPACING, text_width, details };
  x += text_width + COLUMN_SPACING;
  place[3] = (typeof (place[3])) { GTK_WIDGET (self->time_label), x, 0, columns.time, height };
  x += columns.time + COLUMN_SPACING;
  place[4] = (typeof (place[4])) { GTK_WIDGET (self->state_label), x, 0, columns.state, height };

  for (guint i = 0; i < G_N_ELEMENTS (place); i++)
    {
      if (!gtk_widget_get_visible (place[i].label))
        continue;
      gtk_widget_size_allocate (place[i].label,
                                &(GtkAllocation) { rtl ? width - place[i].x - place[i].width : place[i].x, place[i].y,
                                                   place[i].width, place[i].height }, -1);
    }
}

static GtkSizeRequestMode
pk_agenda_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pk_agenda_row_class_init (PkAgendaRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pk_agenda_row_dispose;
  widget_class->measure = pk_agenda_row_measure;
  widget_class->size_allocate = pk_agenda_row_size_allocate;
  widget_class->get_request_mode = pk_agenda_row_get_request_mode;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/protokoll/Protokoll/pk-agenda-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PkAgendaRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, PkAgendaRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PkAgendaRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, PkAgendaRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, PkAgendaRow, state_label);
}

/* A double click renames: the title is edited beside the list, in the item editor. */
static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            PkAgendaRow     *self)
{
  if (n_press == 2)
    gtk_widget_activate_action (GTK_WIDGET (self), "agenda.rename", NULL);
}

/* Drag and drop reorders: the item travels as itself, within this process. */
static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 PkAgendaRow   *self)
{
  if (self->item == NULL)
    return NULL;
  return gdk_content_provider_new_typed (PK_TYPE_AGENDA_ITEM, self->item);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               PkAgendaRow   *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));
  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         PkAgendaRow   *self)
{
  GtkWidget *panel = gtk_widget_get_ancestor (GTK_WIDGET (self), PK_TYPE_AGENDA_PANEL);
  PkAgendaItem *dragged = g_value_get_object (value);

  if (panel == NULL || self->item == NULL || dragged == NULL)
    return FALSE;
  /* The lower half of a row means "after it". */
  return pk_agenda_panel_move_next_to (PK_AGENDA_PANEL (panel), dragged, self->item,
                                       y > gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

static void
pk_agenda_row_init (PkAgendaRow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (PK_TYPE_AGENDA_ITEM, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

PkAgendaRow *
pk_agenda_row_new (void)
{
  return g_object_new (PK_TYPE_AGENDA_ROW, NULL);
}
