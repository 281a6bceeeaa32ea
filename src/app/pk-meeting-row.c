/* pk-meeting-row.c: one meeting in the sidebar. */
#include "config.h"

#include <glib/gi18n.h>

#include "pk-meeting-row.h"

#include "pk-lazy.h"

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
  markup = g_markup_printf_escaped ("%s\n<span size=\"9pt\" alpha=\"60%%\">%s</span>",
                                    title && *title ? title : _("Untitled Meeting"), when);
  gtk_label_set_markup (self->meeting_label, markup);

  gtk_label_set_label (self->status_label, pk_meeting_status_get_label (status));
  if (self->status_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), self->status_class);
  self->status_class = pk_enum_to_nick (PK_TYPE_MEETING_STATUS, status);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), self->status_class);
}

/* Only heading rows (one per body) need the heading label: made on first use, not in every row. */
static void
ensure_body_label (PkMeetingRow *self)
{
  GtkWidget *label;

  if (self->body_label != NULL)
    return;
  label = g_object_new (GTK_TYPE_LABEL,
                        "visible", FALSE,
                        "xalign", 0.0f,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "lines", 2,
                        "ellipsize", PANGO_ELLIPSIZE_END,
                        "margin-top", 12,
                        "margin-bottom", 2,
                        NULL);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "body-heading");
  gtk_widget_insert_after (label, GTK_WIDGET (self), NULL);
  self->body_label = GTK_LABEL (label);
}

static gboolean
is_heading (PkMeetingRow *self)
{
  return self->body_label != NULL && gtk_widget_get_visible (GTK_WIDGET (self->body_label));
}

void
pk_meeting_row_set_heading (PkMeetingRow *self,
                            const char   *heading)
{
  g_return_if_fail (PK_IS_MEETING_ROW (self));

  pk_meeting_row_set_meeting (self, NULL);
  ensure_body_label (self);
  gtk_label_set_label (self->body_label, heading && *heading ? heading : _("No Body"));
  pk_widget_set_tooltip (GTK_WIDGET (self->body_label), heading);
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
  if (self->body_label != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->body_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->meeting_label), meeting != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), meeting != NULL);
  if (meeting == NULL)
    return;
  g_signal_connect_object (meeting, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

#define SPACING 8

/* A heading row shows the body's name alone; a meeting row its title and date beside the status
 * badge, which keeps its natural width. */
static void
pk_meeting_row_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  PkMeetingRow *self = PK_MEETING_ROW (widget);
  GtkWidget *body = GTK_WIDGET (self->body_label);
  GtkWidget *text = GTK_WIDGET (self->meeting_label);
  GtkWidget *badge = GTK_WIDGET (self->status_label);
  int text_min = 0, text_nat = 0, badge_min = 0, badge_nat = 0;

  if (is_heading (self))
    {
      gtk_widget_measure (body, orientation, for_size, minimum, natural, NULL, NULL);
      return;
    }
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (text, orientation, -1, &text_min, &text_nat, NULL, NULL);
      gtk_widget_measure (badge, orientation, -1, &badge_min, &badge_nat, NULL, NULL);
      *minimum = text_min + SPACING + badge_min;
      *natural = text_nat + SPACING + badge_nat;
    }
  else
    {
      /* Both are one or two lines whatever the width (the title ellipsizes). */
      gtk_widget_measure (text, orientation, -1, &text_min, &text_nat, NULL, NULL);
      gtk_widget_measure (badge, orientation, -1, &badge_min, &badge_nat, NULL, NULL);
      *minimum = MAX (text_min, badge_min);
      *natural = MAX (text_nat, badge_nat);
    }
}

static void
pk_meeting_row_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  PkMeetingRow *self = PK_MEETING_ROW (widget);
  GtkWidget *body = GTK_WIDGET (self->body_label);
  GtkWidget *text = GTK_WIDGET (self->meeting_label);
  GtkWidget *badge = GTK_WIDGET (self->status_label);
  int badge_width, badge_height, unused;
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  if (is_heading (self))
    {
      gtk_widget_size_allocate (body, &(GtkAllocation) { 0, 0, width, height }, -1);
      return;
    }
  gtk_widget_measure (badge, GTK_ORIENTATION_HORIZONTAL, -1, &unused, &badge_width, NULL, NULL);
  gtk_widget_measure (badge, GTK_ORIENTATION_VERTICAL, -1, &unused, &badge_height, NULL, NULL);
  badge_width = MIN (badge_width, width);
  badge_height = MIN (badge_height, height);
  gtk_widget_size_allocate (badge, &(GtkAllocation) { rtl ? 0 : width - badge_width, (height - badge_height) / 2,
                                                      badge_width, badge_height }, -1);
  gtk_widget_size_allocate (text, &(GtkAllocation) { rtl ? badge_width + SPACING : 0, 0,
                                                     MAX (0, width - badge_width - SPACING), height }, -1);
}

static GtkSizeRequestMode
pk_meeting_row_get_request_mode (GtkWidget *widget)
{
  /* The heading wraps to two lines. */
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
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
  widget_class->measure = pk_meeting_row_measure;
  widget_class->size_allocate = pk_meeting_row_size_allocate;
  widget_class->get_request_mode = pk_meeting_row_get_request_mode;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/protokoll/Protokoll/pk-meeting-row.ui");
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
