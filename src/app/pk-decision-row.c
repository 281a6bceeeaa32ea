/* pk-decision-row.c: one decision: its kind, its words (or a standard phrase), the vote, and the
 * yrkanden, reservations and protokollsanteckningar that go with it. Every edit goes straight
 * into the PkDecision; "changed" tells the panel to save. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pk-decision-row.h"
#include "pk-lazy.h"
#include "pk-note-row.h"

struct _PkDecisionRow
{
  GtkListBoxRow parent_instance;

  GtkDropDown *kind_dropdown;
  GtkMenuButton *phrase_button;
  GtkTextView *text_view;
  GtkCheckButton *vote_check;
  GtkSpinButton *yes_spin;
  GtkSpinButton *no_spin;
  GtkSpinButton *abstain_spin;
  GtkExpander *notes_expander;
  GtkListBox *motions_list;
  GtkListBox *reservations_list;
  GtkListBox *statements_list;
  GtkWidget *motions_label;
  GtkWidget *reservations_label;
  GtkWidget *statements_label;

  PkDecision *decision;
  PkMeeting *meeting;
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (PkDecisionRow, pk_decision_row, GTK_TYPE_LIST_BOX_ROW)

enum { CHANGED, REMOVE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
emit_changed (PkDecisionRow *self)
{
  if (!self->filling)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
update_notes_label (PkDecisionRow *self)
{
  guint motions = g_list_model_get_n_items (G_LIST_MODEL (pk_decision_get_motions (self->decision)));
  guint reservations = g_list_model_get_n_items (G_LIST_MODEL (pk_decision_get_reservations (self->decision)));
  guint statements = g_list_model_get_n_items (G_LIST_MODEL (pk_decision_get_statements (self->decision)));
  guint n = motions + reservations + statements;
  g_autofree char *label = n > 0
    ? g_strdup_printf (_("Motions, Dissents and Statements (%u)"), n)
    : g_strdup (_("Motions, Dissents and Statements"));

  gtk_expander_set_label (self->notes_expander, label);
  /* Empty lists would show as empty boxes. */
  gtk_widget_set_visible (self->motions_label, motions > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->motions_list), motions > 0);
  gtk_widget_set_visible (self->reservations_label, reservations > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->reservations_list), reservations > 0);
  gtk_widget_set_visible (self->statements_label, statements > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->statements_list), statements > 0);
}

static void
on_kind_changed (PkDecisionRow *self)
{
  if (self->filling)
    return;
  pk_decision_set_kind (self->decision, (PkDecisionKind) gtk_drop_down_get_selected (self->kind_dropdown));
  emit_changed (self);
}

static void
on_text_changed (PkDecisionRow *self,
                 GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->filling)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  pk_decision_set_text (self->decision, text);
  emit_changed (self);
}

static void
write_votes (PkDecisionRow *self)
{
  gboolean voted = gtk_check_button_get_active (self->vote_check);

  gtk_widget_set_sensitive (GTK_WIDGET (self->yes_spin), voted);
  gtk_widget_set_sensitive (GTK_WIDGET (self->no_spin), voted);
  gtk_widget_set_sensitive (GTK_WIDGET (self->abstain_spin), voted);
  if (self->filling)
    return;
  pk_decision_set_votes_yes (self->decision, voted ? gtk_spin_button_get_value_as_int (self->yes_spin) : -1);
  pk_decision_set_votes_no (self->decision, voted ? gtk_spin_button_get_value_as_int (self->no_spin) : -1);
  pk_decision_set_votes_abstain (self->decision, voted ? gtk_spin_button_get_value_as_int (self->abstain_spin) : -1);
  emit_changed (self);
}

static void
on_note_remove (PkNoteRow     *row,
                PkDecisionRow *self)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (row));
  GListStore *store = g_object_get_data (G_OBJECT (list), "store");
  guint position;

  if (store != NULL && g_list_store_find (store, pk_note_row_get_note (row), &position))
    {
      g_list_store_remove (store, position);
      update_notes_label (self);
      emit_changed (self);
    }
}

static GtkWidget *
create_note_row (gpointer item,
                 gpointer user_data)
{
  PkDecisionRow *self = user_data;
  GtkWidget *row;
  const char *placeholder = _("What was said");

  /* Which list asks is told by the store the item is in. */
  if (g_list_store_find (pk_decision_get_motions (self->decision), item, NULL))
    placeholder = _("The motion, e.g. “bifall till förslaget”");
  else if (g_list_store_find (pk_decision_get_reservations (self->decision), item, NULL))
    placeholder = _("Reason for the dissent (optional)");
  row = pk_note_row_new (item, placeholder);
  g_signal_connect_object (row, "changed", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove-requested", G_CALLBACK (on_note_remove), self, 0);
  return row;
}

static void
add_note (PkDecisionRow *self,
          GtkListBox    *list,
          GListStore    *store)
{
  g_autoptr(PkPersonNote) note = pk_person_note_new ();
  GtkListBoxRow *row;

  g_list_store_append (store, note);
  gtk_expander_set_expanded (self->notes_expander, TRUE);
  update_notes_label (self);
  row = gtk_list_box_get_row_at_index (list, (int) g_list_model_get_n_items (G_LIST_MODEL (store)) - 1);
  if (row != NULL)
    pk_note_row_focus (PK_NOTE_ROW (row));
  emit_changed (self);
}

static void
add_motion (GtkWidget *widget, const char *action, GVariant *parameter)
{
  PkDecisionRow *self = PK_DECISION_ROW (widget);
  add_note (self, self->motions_list, pk_decision_get_motions (self->decision));
}

static void
add_reservation (GtkWidget *widget, const char *action, GVariant *parameter)
{
  PkDecisionRow *self = PK_DECISION_ROW (widget);
  add_note (self, self->reservations_list, pk_decision_get_reservations (self->decision));
}

static void
add_statement (GtkWidget *widget, const char *action, GVariant *parameter)
{
  PkDecisionRow *self = PK_DECISION_ROW (widget);
  add_note (self, self->statements_list, pk_decision_get_statements (self->decision));
}

static void
remove_decision (GtkWidget *widget, const char *action, GVariant *parameter)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

void
pk_decision_row_apply_phrase (PkDecisionRow *self,
                              guint          index)
{
  guint n;
  const PkStandardPhrase *phrases = pk_standard_phrases (&n);
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;

  g_return_if_fail (PK_IS_DECISION_ROW (self));
  if (index >= n)
    return;
  text = pk_standard_phrase_fill (&phrases[index], self->meeting);
  buffer = gtk_text_view_get_buffer (self->text_view);
  /* One user action, so Ctrl+Z takes the phrase back in one step. */
  {
    GtkTextIter start, end;

    /* Not set_text(): that cannot be undone. */
    gtk_text_buffer_begin_user_action (buffer);
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    gtk_text_buffer_delete (buffer, &start, &end);
    gtk_text_buffer_insert (buffer, &start, text, -1);
    gtk_text_buffer_end_user_action (buffer);
  }
  gtk_drop_down_set_selected (self->kind_dropdown, phrases[index].kind);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
apply_phrase (GtkWidget *widget, const char *action, GVariant *parameter)
{
  pk_decision_row_apply_phrase (PK_DECISION_ROW (widget), (guint) g_variant_get_int32 (parameter));
}

static void
pk_decision_row_dispose (GObject *object)
{
  PkDecisionRow *self = PK_DECISION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PK_TYPE_DECISION_ROW);
  g_clear_object (&self->decision);
  g_clear_object (&self->meeting);
  G_OBJECT_CLASS (pk_decision_row_parent_class)->dispose (object);
}

static void
pk_decision_row_class_init (PkDecisionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pk_decision_row_dispose;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                  NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/protokoll/Protokoll/pk-decision-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PkDecisionRow, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PkDecisionRow, phrase_button);
  gtk_widget_class_bind_template_child (widget_class, PkDecisionRow, text_view);
  gtk_widget_class_bind_template_child (widget_class, PkDecisionRow, vote_check);
  gtk_widget_class_bind_template_child (widget_class, PkDecisionRow, yes_spin);
  gtk_widget_class_bind_template_child (widget_class, PkDecisionRow, no_spin);
  gtk_widget_class_bind_template_child (widget_class, PkDecisionRow, abstain_spin);
  gtk_widget_class_bind_template_child (widget_class, PkDecisionRow, notes_expander);
  gtk_widget_class_bind_template_child (widget_class, PkDecisionRow, motions_list);
  gtk_widget_class_bind_template_child (widget_class, PkDecisionRow, reservations_list);
  gtk_widget_class_bind_template_child (widget_class, PkDecisionRow, statements_list);
  gtk_widget_class_bind_template_child (widget_class, PkDecisionRow, motions_label);
  gtk_widget_class_bind_template_child (widget_class, PkDecisionRow, reservations_label);
  gtk_widget_class_bind_template_child (widget_class, PkDecisionRow, statements_label);
  gtk_widget_class_install_action (widget_class, "decision.phrase", "i", apply_phrase);
  gtk_widget_class_install_action (widget_class, "decision.add-motion", NULL, add_motion);
  gtk_widget_class_install_action (widget_class, "decision.add-reservation", NULL, add_reservation);
  gtk_widget_class_install_action (widget_class, "decision.add-statement", NULL, add_statement);
  gtk_widget_class_install_action (widget_class, "decision.remove", NULL, remove_decision);
}

/* Set here, not in the template: see pk_widget_set_tooltip(). */
static const PkTemplateTooltip decision_row_tooltips[] = {
  { "kind_dropdown", N_("Kind of Decision") },
  { "phrase_button", N_("Insert a Standard Phrase") },
  { "remove_button", N_("Remove Decision") },
  { "vote_check", N_("A vote was taken (votering)") },
  { "motion_button", N_("A motion (yrkande): who moved what") },
  { "reservation_button", N_("A dissent (reservation) against the decision") },
  { "statement_button", N_("A statement for the record (protokollsanteckning)") },
};

static void
pk_decision_row_init (PkDecisionRow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  guint n;
  const PkStandardPhrase *phrases = pk_standard_phrases (&n);

  gtk_widget_init_template (GTK_WIDGET (self));
  pk_template_set_tooltips (GTK_WIDGET (self), decision_row_tooltips, G_N_ELEMENTS (decision_row_tooltips));
  /* The phrases are the document's words, Swedish whatever the UI language. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (NULL, NULL);
      g_autofree char *label = g_strdup (phrases[i].text);
      char *placeholder = strstr (label, "%s");

      if (placeholder != NULL)
        {
          /* "… utses att justera protokollet.": the names go in when chosen. */
          g_autofree char *filled = pk_standard_phrase_fill (&phrases[i], NULL);
          g_menu_item_set_label (item, filled);
        }
      else
        g_menu_item_set_label (item, label);
      g_menu_item_set_action_and_target_value (item, "decision.phrase", g_variant_new_int32 ((gint32) i));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->phrase_button, G_MENU_MODEL (menu));
}

GtkWidget *
pk_decision_row_new (PkDecision *decision,
                     PkMeeting  *meeting)
{
  PkDecisionRow *self = g_object_new (PK_TYPE_DECISION_ROW, NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  gboolean voted = pk_decision_get_votes_yes (decision) >= 0 || pk_decision_get_votes_no (decision) >= 0 ||
                   pk_decision_get_votes_abstain (decision) >= 0;

  self->decision = g_object_ref (decision);
  self->meeting = meeting != NULL ? g_object_ref (meeting) : NULL;
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->kind_dropdown, pk_decision_get_kind (decision));
  gtk_text_buffer_set_text (buffer, pk_decision_get_text (decision) ? pk_decision_get_text (decision) : "", -1);
  /* What was loaded is not an edit to undo. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_text_buffer_set_enable_undo (buffer, TRUE);
  gtk_spin_button_set_value (self->yes_spin, MAX (pk_decision_get_votes_yes (decision), 0));
  gtk_spin_button_set_value (self->no_spin, MAX (pk_decision_get_votes_no (decision), 0));
  gtk_spin_button_set_value (self->abstain_spin, MAX (pk_decision_get_votes_abstain (decision), 0));
  gtk_check_button_set_active (self->vote_check, voted);
  write_votes (self);
  gtk_list_box_bind_model (self->motions_list, G_LIST_MODEL (pk_decision_get_motions (decision)),
                           create_note_row, self, NULL);
  gtk_list_box_bind_model (self->reservations_list, G_LIST_MODEL (pk_decision_get_reservations (decision)),
                           create_note_row, self, NULL);
  gtk_list_box_bind_model (self->statements_list, G_LIST_MODEL (pk_decision_get_statements (decision)),
                           create_note_row, self, NULL);
  g_object_set_data (G_OBJECT (self->motions_list), "store", pk_decision_get_motions (decision));
  g_object_set_data (G_OBJECT (self->reservations_list), "store", pk_decision_get_reservations (decision));
  g_object_set_data (G_OBJECT (self->statements_list), "store", pk_decision_get_statements (decision));
  update_notes_label (self);
  gtk_expander_set_expanded (self->notes_expander,
                             g_list_model_get_n_items (G_LIST_MODEL (pk_decision_get_motions (decision))) +
                             g_list_model_get_n_items (G_LIST_MODEL (pk_decision_get_reservations (decision))) +
                             g_list_model_get_n_items (G_LIST_MODEL (pk_decision_get_statements (decision))) > 0);
  self->filling = FALSE;

  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (on_kind_changed), self);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (on_text_changed), self);
  g_signal_connect_swapped (self->vote_check, "toggled", G_CALLBACK (write_votes), self);
  g_signal_connect_swapped (self->yes_spin, "value-changed", G_CALLBACK (write_votes), self);
  g_signal_connect_swapped (self->no_spin, "value-changed", G_CALLBACK (write_votes), self);
  g_signal_connect_swapped (self->abstain_spin, "value-changed", G_CALLBACK (write_votes), self);
  return GTK_WIDGET (self);
}

PkDecision *
pk_decision_row_get_decision (PkDecisionRow *self)
{
  g_return_val_if_fail (PK_IS_DECISION_ROW (self), NULL);
  return self->decision;
}

GtkTextBuffer *
pk_decision_row_get_buffer (PkDecisionRow *self)
{
  g_return_val_if_fail (PK_IS_DECISION_ROW (self), NULL);
  return gtk_text_view_get_buffer (self->text_view);
}

static void
focus_when_mapped (GtkWidget *text_view)
{
  g_signal_handlers_disconnect_by_func (text_view, focus_when_mapped, NULL);
  gtk_widget_grab_focus (text_view);
}

void
pk_decision_row_focus_text (PkDecisionRow *self)
{
  g_return_if_fail (PK_IS_DECISION_ROW (self));

  /* A row just added is not on screen yet: focus follows when it is (and scrolls it into view). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->text_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  else
    g_signal_connect (self->text_view, "map", G_CALLBACK (focus_when_mapped), NULL);
}
