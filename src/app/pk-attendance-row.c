/* pk-attendance-row.c: one person on a meeting's roster: present, name, role, substitution, note. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pk-attendance-row.h"
#include "pk-lazy.h"

struct _PkAttendanceRow
{
  GtkWidget parent_instance;

  GtkCheckButton *present_check;
  GtkLabel *name_label;
  GtkLabel *details_label;
  GtkEntry *replaces_entry;
  GtkEntry *note_entry;
  GtkEntry *items_entry;
  GtkDropDown *role_dropdown;

  PkAttendance *attendance;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (PkAttendanceRow, pk_attendance_row, GTK_TYPE_WIDGET)

static void
set_entry_text (GtkEntry   *entry,
                const char *text)
{
  /* Not while the user types in it: the model follows the entry, not the other way round. */
  if (gtk_widget_has_focus (GTK_WIDGET (entry)) ||
      (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (entry))) != NULL &&
       gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (entry))), GTK_WIDGET (entry))))
    return;
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

static void
update (PkAttendanceRow *self)
{
  PkAttendance *a = self->attendance;
  g_autoptr(GString) details = g_string_new (NULL);

  if (a == NULL)
    return;
  self->updating = TRUE;
  gtk_check_button_set_active (self->present_check, pk_attendance_get_present (a));
  gtk_label_set_label (self->name_label, pk_attendance_get_name (a));
  if (pk_attendance_get_organisation (a) != NULL)
    g_string_append (details, pk_attendance_get_organisation (a));
  if (pk_attendance_get_title (a) != NULL)
    g_string_append_printf (details, "%s%s", details->len ? " · " : "", pk_attendance_get_title (a));
  if (!pk_attendance_get_present (a))
    g_string_append_printf (details, "%s%s", details->len ? " · " : "", _("Absent"));
  gtk_label_set_label (self->details_label, details->str);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), details->len > 0);
  gtk_widget_set_opacity (GTK_WIDGET (self->name_label), pk_attendance_get_present (a) ? 1.0 : 0.55);
  gtk_drop_down_set_selected (self->role_dropdown, pk_attendance_get_role (a));
  gtk_widget_set_visible (GTK_WIDGET (self->replaces_entry), pk_attendance_get_role (a) == PK_ROLE_ERSATTARE);
  set_entry_text (self->replaces_entry, pk_attendance_get_replaces (a));
  set_entry_text (self->note_entry, pk_attendance_get_note (a));
  {
    const char *from = pk_attendance_get_from_item (a);
    const char *to = pk_attendance_get_to_item (a);
    g_autofree char *range = from || to ? g_strdup_printf ("%s–%s", from ? from : "", to ? to : "") : NULL;
    set_entry_text (self->items_entry, range);
  }
  self->updating = FALSE;
}

static void
on_edited (PkAttendanceRow *self)
{
  PkAttendance *a = self->attendance;

  if (self->updating || a == NULL)
    return;
  g_object_freeze_notify (G_OBJECT (a));
  pk_attendance_set_present (a, gtk_check_button_get_active (self->present_check));
  pk_attendance_set_role (a, gtk_drop_down_get_selected (self->role_dropdown));
  pk_attendance_set_note (a, pk_str_or_null (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));
  {
    /* "2–5", "2-5", "–3", "4–": the first and last item attended. */
    g_autofree char *range = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->items_entry)));
    char *dash = strstr (range, "–");
    gsize dash_length = strlen ("–");

    if (dash == NULL && (dash = strchr (range, '-')) != NULL)
      dash_length = 1;
    if (dash != NULL)
      {
        *dash = '\0';
        pk_attendance_set_from_item (a, pk_str_or_null (g_strstrip (range)));
        pk_attendance_set_to_item (a, pk_str_or_null (g_strstrip (dash + dash_length)));
      }
    else
      {
        /* One number: that item only. */
        pk_attendance_set_from_item (a, pk_str_or_null (g_strstrip (range)));
        pk_attendance_set_to_item (a, pk_str_or_null (range));
      }
  }
  pk_attendance_set_replaces (a, pk_attendance_get_role (a) == PK_ROLE_ERSATTARE
                                   ? pk_str_or_null (gtk_editable_get_text (GTK_EDITABLE (self->replaces_entry)))
                                   : NULL);
  g_object_thaw_notify (G_OBJECT (a));
}

void
pk_attendance_row_set_attendance (PkAttendanceRow *self,
                                  PkAttendance    *attendance)
{
  g_return_if_fail (PK_IS_ATTENDANCE_ROW (self));

  if (self->attendance != NULL)
    g_signal_handlers_disconnect_by_func (self->attendance, update, self);
  g_set_object (&self->attendance, attendance);
  if (attendance != NULL)
    {
      g_signal_connect_object (attendance, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      update (self);
    }
}

static void
pk_attendance_row_dispose (GObject *object)
{
  PkAttendanceRow *self = PK_ATTENDANCE_ROW (object);

  pk_attendance_row_set_attendance (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PK_TYPE_ATTENDANCE_ROW);
  /* Template children not bound to a field: GTK 4.8 leaves unparenting them to us. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pk_attendance_row_parent_class)->dispose (object);
}

static void
pk_attendance_row_class_init (PkAttendanceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pk_attendance_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/protokoll/Protokoll/pk-attendance-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PkAttendanceRow, present_check);
  gtk_widget_class_bind_template_child (widget_class, PkAttendanceRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, PkAttendanceRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, PkAttendanceRow, replaces_entry);
  gtk_widget_class_bind_template_child (widget_class, PkAttendanceRow, note_entry);
  gtk_widget_class_bind_template_child (widget_class, PkAttendanceRow, items_entry);
  gtk_widget_class_bind_template_child (widget_class, PkAttendanceRow, role_dropdown);
}

/* Set here, not in the template: see pk_widget_set_tooltip(). */
static const PkTemplateTooltip attendance_row_tooltips[] = {
  { "present_check", N_("Present (Space)") },
  { "replaces_entry", N_("The member this substitute serves for (tjänstgör för)") },
  { "items_entry", N_("Present only for some items: “2–5”, “–3” or “4–”") },
  { "note_entry", N_("Kept word for word: “ej fm”, “§ 14–16”") },
};

static void
pk_attendance_row_init (PkAttendanceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pk_template_set_tooltips (GTK_WIDGET (self), attendance_row_tooltips, G_N_ELEMENTS (attendance_row_tooltips));
  g_signal_connect_swapped (self->present_check, "toggled", G_CALLBACK (on_edited), self);
  g_signal_connect_swapped (self->role_dropdown, "notify::selected", G_CALLBACK (on_edited), self);
  g_signal_connect_swapped (self->note_entry, "changed", G_CALLBACK (on_edited), self);
  g_signal_connect_swapped (self->items_entry, "changed", G_CALLBACK (on_edited), self);
  g_signal_connect_swapped (self->replaces_entry, "changed", G_CALLBACK (on_edited), self);
}

PkAttendanceRow *
pk_attendance_row_new (void)
{
  return g_object_new (PK_TYPE_ATTENDANCE_ROW, NULL);
}
