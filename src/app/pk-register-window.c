/* pk-register-window.c: the registers: bodies with their quorum rule and members, and people.
 * Every read and write goes through the database's worker thread. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pk-register-window.h"
#include "pk-lazy.h"

struct _PkRegisterWindow
{
  AdwPreferencesWindow parent_instance;

  GtkStringList *body_model;
  AdwComboRow *body_row;
  AdwComboRow *quorum_row;
  AdwActionRow *count_row;
  GtkSpinButton *count_spin;
  AdwPreferencesGroup *members_group;
  GtkListBox *members_list;
  AdwEntryRow *name_row;
  AdwEntryRow *organisation_row;
  AdwComboRow *seat_row;
  AdwEntryRow *from_row;
  GtkLabel *duplicate_label;
  GtkButton *add_button;
  GtkSearchEntry *people_search;
  GtkListBox *people_list;

  PkDatabase *database;
  char *body;
  GListStore *members;
  guint busy;
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (PkRegisterWindow, pk_register_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The seat roles in the order of the form's list. */
static const PkRole seat_roles[] = {
  PK_ROLE_LEDAMOT, PK_ROLE_ORDFORANDE, PK_ROLE_VICE_ORDFORANDE,
  PK_ROLE_ERSATTARE, PK_ROLE_SEKRETERARE, PK_ROLE_ADJUNGERAD,
};

static const char * const quorum_rules[] = { "majority", "count", "none" };

/* One job type for everything this window asks of the database. */
typedef enum { JOB_LOAD, JOB_ADD, JOB_END, JOB_QUORUM, JOB_PEOPLE } JobKind;

typedef struct
{
  JobKind kind;
  PkRegisterWindow *window;  /* weak */
  PkDatabase *database;
  char *body;
  char *text;
  gint64 id;
  int count;
  PkMembership *membership;
  /* results */
  GStrv bodies;
  GListStore *list;
  char *rule;
  gint64 same_person;
} Job;

static void
job_free (Job *job)
{
  g_clear_weak_pointer (&job->window);
  g_clear_object (&job->database);
  g_free (job->body);
  g_free (job->text);
  g_clear_object (&job->membership);
  g_strfreev (job->bodies);
  g_clear_object (&job->list);
  g_free (job->rule);
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
    case JOB_LOAD:
      job->bodies = pk_database_list_body_names (job->database, &error);
      ok = job->bodies != NULL;
      if (ok && job->body == NULL && job->bodies[0] != NULL)
        job->body = g_strdup (job->bodies[0]);
      if (ok && job->body != NULL)
        ok = pk_database_get_body_quorum (job->database, job->body, &job->rule, &job->count, &error) &&
             (job->list = pk_database_list_memberships (job->database, job->body, NULL, &error)) != NULL;
      break;
    case JOB_ADD:
      job->same_person = pk_database_find_same_person (job->database, pk_membership_get_name (job->membership),
                                                       pk_membership_get_organisation (job->membership), &error);
      ok = job->same_person >= 0 && pk_database_add_membership (job->database, job->membership, &error) != 0;
      break;
    case JOB_END:
      ok = pk_database_end_membership (job->database, job->id, job->text, &error);
      break;
    case JOB_QUORUM:
      ok = pk_database_set_body_quorum (job->database, job->body, job->text, job->count, &error);
      break;
    case JOB_PEOPLE:
      ok = (job->list = pk_database_find_people (job->database, job->text, &error)) != NULL;
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
run_job (PkRegisterWindow *self,
         Job              *job)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, job_done, NULL);

  g_set_weak_pointer (&job->window, self);
  job->database = g_object_ref (self->database);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  self->busy++;
  pk_database_run_in_worker (self->database, task, job_thread);
}

static void
load (PkRegisterWindow *self)
{
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_LOAD;
  job->body = g_strdup (self->body);
  run_job (self, job);
}

static void
search_people (PkRegisterWindow *self)
{
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_PEOPLE;
  job->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->people_search)));
  run_job (self, job);
}

static char *
membership_subtitle (PkMembership *m)
{
  g_autoptr(GString) text = g_string_new (pk_role_get_label (pk_membership_get_role (m)));

  if (pk_membership_get_organisation (m) != NULL)
    g_string_append_printf (text, " · %s", pk_membership_get_organisation (m));
  if (pk_membership_get_from_date (m) != NULL || pk_membership_get_to_date (m) != NULL)
    g_string_append_printf (text, " · %s – %s",
                            pk_membership_get_from_date (m) ? pk_membership_get_from_date (m) : "",
                            pk_membership_get_to_date (m) ? pk_membership_get_to_date (m) : "");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_members (PkRegisterWindow *self)
{
  GtkWidget *child;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->members));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->members_list))) != NULL)
    gtk_list_box_remove (self->members_list, child);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PkMembership) m = g_list_model_get_item (G_LIST_MODEL (self->members), i);
      g_autofree char *subtitle = membership_subtitle (m);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pk_membership_get_name (m));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (pk_membership_get_to_date (m) == NULL)
        {
          GtkWidget *end = gtk_button_new_with_label (_("End"));

          gtk_widget_set_valign (end, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (end, "flat");
          pk_widget_set_tooltip (end, _("The seat ends today"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (end), "register.end-membership");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (end), "x", pk_membership_get_id (m));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), end);
        }
      gtk_list_box_append (self->members_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->members_list), n > 0);
  adw_preferences_group_set_description (self->members_group,
                                         n == 0 ? _("No members yet: add them below. The roster of a meeting "
                                                    "fills from the members on its date.")
                                                : NULL);
}

static void
show_people (PkRegisterWindow *self,
             GListModel       *people)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_list))) != NULL)
    gtk_list_box_remove (self->people_list, child);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PkPerson) person = g_list_model_get_item (people, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = g_strjoin (" · ",
                                             pk_person_get_organisation (person) ? pk_person_get_organisation (person) : "",
                                             pk_person_get_title (person) ? pk_person_get_title (person) : "", NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pk_person_get_name (person));
      g_strstrip (subtitle);
      if (g_str_has_prefix (subtitle, "·"))
        memmove (subtitle, subtitle + strlen ("· "), strlen (subtitle + strlen ("· ")) + 1);
      if (g_str_has_suffix (subtitle, "·"))
        subtitle[strlen (subtitle) - strlen (" ·")] = '\0';
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->people_list, row);
    }
}

static void
job_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  PkRegisterWindow *self = job->window;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (self != NULL)
        {
          self->busy--;
          adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
        }
      return;
    }
  if (self == NULL)
    return;
  self->busy--;

  switch (job->kind)
    {
    case JOB_LOAD:
      self->filling = TRUE;
      g_free (self->body);
      self->body = g_strdup (job->body);
      gtk_string_list_splice (self->body_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->body_model)),
                              (const char * const *) job->bodies);
      for (guint i = 0; job->bodies[i] != NULL; i++)
        if (g_strcmp0 (job->bodies[i], job->body) == 0)
          adw_combo_row_set_selected (self->body_row, i);
      for (guint i = 0; i < G_N_ELEMENTS (quorum_rules); i++)
        if (g_strcmp0 (quorum_rules[i], job->rule) == 0)
          adw_combo_row_set_selected (self->quorum_row, i);
      gtk_spin_button_set_value (self->count_spin, MAX (job->count, 1));
      gtk_widget_set_visible (GTK_WIDGET (self->count_row), g_strcmp0 (job->rule, "count") == 0);
      g_list_store_remove_all (self->members);
      if (job->list != NULL)
        for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (job->list)); i++)
          {
            g_autoptr(GObject) m = g_list_model_get_item (G_LIST_MODEL (job->list), i);
            g_list_store_append (self->members, m);
          }
      show_members (self);
      self->filling = FALSE;
      break;
    case JOB_ADD:
      gtk_widget_set_visible (GTK_WIDGET (self->duplicate_label), job->same_person > 0);
      if (job->same_person > 0)
        {
          g_autofree char *text = g_strdup_printf (_("“%s” was already in the register and is now linked to this seat."),
                                                   pk_membership_get_name (job->membership));
          gtk_label_set_label (self->duplicate_label, text);
        }
      load (self);
      break;
    case JOB_END:
    case JOB_QUORUM:
      load (self);
      break;
    case JOB_PEOPLE:
      show_people (self, G_LIST_MODEL (job->list));
      break;
    default:
      break;
    }
}

void
pk_register_window_add_member (PkRegisterWindow *self,
                               const char       *name,
                               const char       *organisation,
                               PkRole            role)
{
  Job *job;

  g_return_if_fail (PK_IS_REGISTER_WINDOW (self));

  if (self->body == NULL || pk_str_or_null (name) == NULL)
    return;
  job = g_new0 (Job, 1);
  job->kind = JOB_ADD;
  job->membership = pk_membership_new ();
  pk_membership_set_body (job->membership, self->body);
  pk_membership_set_name (job->membership, g_strstrip (g_strdup (name)));
  pk_membership_set_organisation (job->membership, pk_str_or_null (organisation));
  pk_membership_set_role (job->membership, role);
  pk_membership_set_from_date (job->membership,
                               pk_str_or_null (gtk_editable_get_text (GTK_EDITABLE (self->from_row))));
  run_job (self, job);
}

static void
on_add_clicked (PkRegisterWindow *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *from = pk_str_or_null (gtk_editable_get_text (GTK_EDITABLE (self->from_row)));
  guint seat = adw_combo_row_get_selected (self->seat_row);
  GDate date;

  if (from != NULL)
    {
      g_date_clear (&date, 1);
      g_date_set_parse (&date, from);
      if (!g_date_valid (&date) || strlen (from) != 10)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->from_row), "error");
          return;
        }
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->from_row), "error");
  pk_register_window_add_member (self, name, gtk_editable_get_text (GTK_EDITABLE (self->organisation_row)),
                                 seat_roles[MIN (seat, G_N_ELEMENTS (seat_roles) - 1)]);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
end_membership (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PkRegisterWindow *self = PK_REGISTER_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_END;
  job->id = g_variant_get_int64 (parameter);
  job->text = g_date_time_format (now, "%Y-%m-%d");
  run_job (self, job);
}

static void
on_body_selected (PkRegisterWindow *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->body_row);

  if (self->filling || item == NULL)
    return;
  g_free (self->body);
  self->body = g_strdup (gtk_string_object_get_string (item));
  load (self);
}

static void
on_quorum_changed (PkRegisterWindow *self)
{
  Job *job;
  guint rule = adw_combo_row_get_selected (self->quorum_row);

  gtk_widget_set_visible (GTK_WIDGET (self->count_row), rule == 1);
  if (self->filling || self->body == NULL || rule >= G_N_ELEMENTS (quorum_rules))
    return;
  job = g_new0 (Job, 1);
  job->kind = JOB_QUORUM;
  job->body = g_strdup (self->body);
  job->text = g_strdup (quorum_rules[rule]);
  job->count = rule == 1 ? gtk_spin_button_get_value_as_int (self->count_spin) : 0;
  run_job (self, job);
}

GListModel *
pk_register_window_get_members (PkRegisterWindow *self)
{
  g_return_val_if_fail (PK_IS_REGISTER_WINDOW (self), NULL);
  return G_LIST_MODEL (self->members);
}

gboolean
pk_register_window_is_busy (PkRegisterWindow *self)
{
  g_return_val_if_fail (PK_IS_REGISTER_WINDOW (self), FALSE);
  return self->busy > 0;
}

static void
pk_register_window_dispose (GObject *object)
{
  PkRegisterWindow *self = PK_REGISTER_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PK_TYPE_REGISTER_WINDOW);
  G_OBJECT_CLASS (pk_register_window_parent_class)->dispose (object);
}

static void
pk_register_window_finalize (GObject *object)
{
  PkRegisterWindow *self = PK_REGISTER_WINDOW (object);

  g_clear_object (&self->database);
  g_clear_object (&self->members);
  g_free (self->body);
  G_OBJECT_CLASS (pk_register_window_parent_class)->finalize (object);
}

static void
pk_register_window_class_init (PkRegisterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pk_register_window_dispose;
  object_class->finalize = pk_register_window_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/protokoll/Protokoll/pk-register-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PkRegisterWindow, body_model);
  gtk_widget_class_bind_template_child (widget_class, PkRegisterWindow, body_row);
  gtk_widget_class_bind_template_child (widget_class, PkRegisterWindow, quorum_row);
  gtk_widget_class_bind_template_child (widget_class, PkRegisterWindow, count_row);
  gtk_widget_class_bind_template_child (widget_class, PkRegisterWindow, count_spin);
  gtk_widget_class_bind_template_child (widget_class, PkRegisterWindow, members_group);
  gtk_widget_class_bind_template_child (widget_class, PkRegisterWindow, members_list);
  gtk_widget_class_bind_template_child (widget_class, PkRegisterWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, PkRegisterWindow, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, PkRegisterWindow, seat_row);
  gtk_widget_class_bind_template_child (widget_class, PkRegisterWindow, from_row);
  gtk_widget_class_bind_template_child (widget_class, PkRegisterWindow, duplicate_label);
  gtk_widget_class_bind_template_child (widget_class, PkRegisterWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, PkRegisterWindow, people_search);
  gtk_widget_class_bind_template_child (widget_class, PkRegisterWindow, people_list);
  gtk_widget_class_install_action (widget_class, "register.end-membership", "x", end_membership);
}

static void
pk_register_window_init (PkRegisterWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->members = g_list_store_new (PK_TYPE_MEMBERSHIP);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (on_add_clicked), self);
  g_signal_connect_swapped (self->name_row, "entry-activated", G_CALLBACK (on_add_clicked), self);
  g_signal_connect_swapped (self->body_row, "notify::selected", G_CALLBACK (on_body_selected), self);
  g_signal_connect_swapped (self->quorum_row, "notify::selected", G_CALLBACK (on_quorum_changed), self);
  g_signal_connect_swapped (self->count_spin, "value-changed", G_CALLBACK (on_quorum_changed), self);
  g_signal_connect_swapped (self->people_search, "search-changed", G_CALLBACK (search_people), self);
}

PkRegisterWindow *
pk_register_window_new (GtkWindow  *parent,
                        PkDatabase *database,
                        const char *body)
{
  PkRegisterWindow *self = g_object_new (PK_TYPE_REGISTER_WINDOW, "transient-for", parent, NULL);

  self->database = g_object_ref (database);
  self->body = g_strdup (body);
  load (self);
  search_people (self);
  return self;
}
