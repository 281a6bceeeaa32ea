/* pk-meeting-row.c: one meeting in the sidebar. */
#include "config.h"

#include <glib/gi18n.h>

#include "pk-meeting-row.h"

struct _PkMeetingRow
{
  GtkWidget parent_instance;

  GtkLabel *body_label;
  GtkLabel *meeting_label;
  GtkLabel *status_label;

  PkMeeting *meeting;
  const char *status_class;
};

G_DEFINE_FINAL_TYPE (PkMeetingRow, pk_meeting_row, GTK_TYPE_WIDGET)

static void
update (PkMeetingRow *self)
{
  const char *title = pk_meeting_get_title (self->meeting);
  const char *date = pk_meeting_get_date (self->meeting);
  const char *start = pk_meeting_get_start_time (self->meeting);
  PkMeetingStatus status = pk_meeting_get_status (self->meeting);
  g_autofree char *when = NULL;
  g_autofree char *markup = NULL;

  if (date != NULL && start != NULL)
    when = g_strdup_printf ("%s  %s", date, start);
  else
    when = g_strdup (date != NULL ? date : _("No date"));
  /* Title over a small, dimmed date, in one label. */
  markup = g_markup_printf_escaped ("%s\n<span size=\"small\" alpha=\"60%%\">%s</span>",
                                    title && *title ? title : _("Untitled Meeting"), when);
  gtk_label_set_markup (self->meeting_label, markup);

  gtk_label_set_label (self->status_label, pk_meeting_status_get_label (status));
  if (self->status_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), self->status_class);
  self->status_class = pk_enum_to_nick (PK_TYPE_MEETING_STATUS, status);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), self->status_class);
}

void
pk_meeting_row_set_heading (PkMeetingRow *self,
                            const char   *heading)
{
  g_return_if_fail (PK_IS_MEETING_ROW (self));

  pk_meeting_row_set_meeting (self, NULL);
  gtk_label_set_label (self->body_label, heading && *heading ? heading : _("No Body"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->body_label), heading);
  gtk_widget_set_visible (GTK_WIDGET (self->body_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->meeting_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
}

void
pk_meeting_row_set_meeting (PkMeetingRow *self,
                            PkMeeting    *meeting)
{
  g_return_if_fail (PK_IS_MEETING_ROW (self));

  if (self->meeting != NULL)
    g_signal_handlers_disconnect_by_func (self->meeting, update, self);
  g_set_object (&self->meeting, meeting);
  gtk_widget_set_visible (GTK_WIDGET (self->body_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->meeting_label), meeting != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), meeting != NULL);
  if (meeting == NULL)
    return;
  g_signal_connect_object (meeting, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
pk_meeting_row_dispose (GObject *object)
{
  PkMeetingRow *self = PK_MEETING_ROW (object);

  pk_meeting_row_set_meeting (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PK_TYPE_MEETING_ROW);
  /* Template children not bound to a field: GTK 4.8 leaves unparenting them to us. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pk_meeting_row_parent_class)->dispose (object);
}

static void
pk_meeting_row_class_init (PkMeetingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pk_meeting_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/protokoll/Protokoll/pk-meeting-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PkMeetingRow, body_label);
  gtk_widget_class_bind_template_child (widget_class, PkMeetingRow, meeting_label);
  gtk_widget_class_bind_template_child (widget_class, PkMeetingRow, status_label);
}

static void
pk_meeting_row_init (PkMeetingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PkMeetingRow *
pk_meeting_row_new (void)
{
  return g_object_new (PK_TYPE_MEETING_ROW, NULL);
}
