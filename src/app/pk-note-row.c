/* pk-note-row.c: one named statement of a decision: who, and what they said or moved. */
#include "config.h"

#include <glib/gi18n.h>

#include "pk-note-row.h"
#include "pk-lazy.h"

struct _PkNoteRow
{
  GtkListBoxRow parent_instance;

  GtkEntry *name_entry;
  GtkEntry *text_entry;

  PkPersonNote *note;
};

G_DEFINE_FINAL_TYPE (PkNoteRow, pk_note_row, GTK_TYPE_LIST_BOX_ROW)

enum { CHANGED, REMOVE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_name_changed (PkNoteRow *self)
{
  pk_person_note_set_name (self->note, gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_text_changed (PkNoteRow *self)
{
  pk_person_note_set_text (self->note, gtk_editable_get_text (GTK_EDITABLE (self->text_entry)));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_remove_clicked (PkNoteRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
pk_note_row_dispose (GObject *object)
{
  PkNoteRow *self = PK_NOTE_ROW (object);

  g_clear_object (&self->note);
  gtk_widget_dispose_template (GTK_WIDGET (self), PK_TYPE_NOTE_ROW);
  G_OBJECT_CLASS (pk_note_row_parent_class)->dispose (object);
}

static void
pk_note_row_class_init (PkNoteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pk_note_row_dispose;
  /* Something the user typed is to be saved. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                  NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/protokoll/Protokoll/pk-note-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PkNoteRow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, PkNoteRow, text_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

/* Set here, not in the template: see pk_widget_set_tooltip(). */
static const PkTemplateTooltip note_row_tooltips[] = {
  { "remove_button", N_("Remove") },
};

static void
pk_note_row_init (PkNoteRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pk_template_set_tooltips (GTK_WIDGET (self), note_row_tooltips, G_N_ELEMENTS (note_row_tooltips));
}

GtkWidget *
pk_note_row_new (PkPersonNote *note,
                 const char   *text_placeholder)
{
  PkNoteRow *self = g_object_new (PK_TYPE_NOTE_ROW, NULL);

  self->note = g_object_ref (note);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), pk_person_note_get_name (note) ? pk_person_note_get_name (note) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->text_entry), pk_person_note_get_text (note) ? pk_person_note_get_text (note) : "");
  gtk_entry_set_placeholder_text (self->text_entry, text_placeholder);
  g_signal_connect_swapped (self->name_entry, "changed", G_CALLBACK (on_name_changed), self);
  g_signal_connect_swapped (self->text_entry, "changed", G_CALLBACK (on_text_changed), self);
  return GTK_WIDGET (self);
}

PkPersonNote *
pk_note_row_get_note (PkNoteRow *self)
{
  g_return_val_if_fail (PK_IS_NOTE_ROW (self), NULL);
  return self->note;
}

static void
focus_when_mapped (GtkWidget *entry)
{
  g_signal_handlers_disconnect_by_func (entry, focus_when_mapped, NULL);
  gtk_widget_grab_focus (entry);
}

void
pk_note_row_focus (PkNoteRow *self)
{
  g_return_if_fail (PK_IS_NOTE_ROW (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self->name_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  else
    g_signal_connect (self->name_entry, "map", G_CALLBACK (focus_when_mapped), NULL);
}
