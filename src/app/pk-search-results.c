/* pk-search-results.c: full-text search over every meeting (pk_database_search), run on the
 * database worker, its hits listed with the matched words in bold. Activating a hit emits
 * "hit-activated". */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pk-search-results.h"
#include "pk-lazy.h"

struct _PkSearchResults
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkListView *list;
  char *none_description;

  PkDatabase *database;
  GListStore *hits;
  GCancellable *cancellable;
  guint running;
};

G_DEFINE_FINAL_TYPE (PkSearchResults, pk_search_results, GTK_TYPE_WIDGET)

enum { HIT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Where in the meeting the hit is, with the item number as the agenda shows it. */
static char *
describe_place (PkSearchHit *hit)
{
  const char *number = pk_search_hit_get_item_number (hit) != NULL ? pk_search_hit_get_item_number (hit) : "?";
  const char *item = pk_search_hit_get_item_title (hit) != NULL ? pk_search_hit_get_item_title (hit) : "";

  switch (pk_search_hit_get_kind (hit))
    {
    case PK_SEARCH_KIND_ITEM:
      return g_strdup_printf (_("Item %s %s"), number, item);
    case PK_SEARCH_KIND_DECISION:
      return g_strdup_printf (_("Decision, item %s %s"), number, item);
    case PK_SEARCH_KIND_ACTION:
      return g_strdup_printf (_("Action, item %s %s"), number, item);
    case PK_SEARCH_KIND_ATTACHMENT:
      if (pk_search_hit_get_attachment_number (hit) > 0)
        return g_strdup_printf (_("Attachment %d, item %s"), pk_search_hit_get_attachment_number (hit), number);
      return g_strdup_printf (_("Attachment, item %s"), number);
    case PK_SEARCH_KIND_MEETING:
    default:
      return g_strdup (_("Title"));
    }
}

/* The snippet as Pango markup: escaped, each match in bold. */
static char *
snippet_markup (PkSearchHit *hit)
{
  const char *text = pk_search_hit_get_snippet (hit);
  guint n_ranges = 0;
  const PkSearchRange *ranges = pk_search_hit_get_highlights (hit, &n_ranges);
  GString *markup = g_string_new (NULL);
  gsize at = 0, length = text != NULL ? strlen (text) : 0;

  for (guint i = 0; i < n_ranges; i++)
    {
      gsize start = MIN (ranges[i].start, length);
      gsize end = MIN (start + ranges[i].length, length);
      g_autofree char *before = g_markup_escape_text (text + at, (gssize) (start - MIN (at, start)));
      g_autofree char *match = g_markup_escape_text (text + start, (gssize) (end - start));

      if (start < at)
        continue;
      g_string_append_printf (markup, "%s<b>%s</b>", before, match);
      at = end;
    }
  if (at < length)
    {
      g_autofree char *rest = g_markup_escape_text (text + at, -1);
      g_string_append (markup, rest);
    }
  return g_string_free (markup, FALSE);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *meeting = gtk_label_new (NULL);
  GtkWidget *place = gtk_label_new (NULL);
  GtkWidget *snippet = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  GtkWidget *labels[] = { meeting, place, snippet };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      gtk_label_set_xalign (GTK_LABEL (labels[i]), 0);
      gtk_label_set_ellipsize (GTK_LABEL (labels[i]), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), labels[i]);
    }
  gtk_widget_add_css_class (meeting, "heading");
  gtk_widget_add_css_class (place, "caption");
  gtk_widget_add_css_class (place, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 2);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  PkSearchHit *hit = gtk_list_item_get_item (list_item);
  GtkWidget *meeting = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *place = gtk_widget_get_next_sibling (meeting);
  GtkWidget *snippet = gtk_widget_get_next_sibling (place);
  const char *date = pk_search_hit_get_meeting_date (hit);
  const char *title = pk_search_hit_get_meeting_title (hit);
  g_autofree char *heading = g_strdup_printf ("%s%s%s", date != NULL ? date : "", date != NULL ? "  " : "",
                                              title != NULL && *title != '\0' ? title : _("Untitled Meeting"));
  g_autofree char *where = describe_place (hit);
  g_autofree char *markup = snippet_markup (hit);
  g_autofree char *tooltip = g_strdup_printf ("%s\n%s", pk_search_hit_get_meeting_body (hit) != NULL
                                                          ? pk_search_hit_get_meeting_body (hit) : "", where);

  gtk_label_set_label (GTK_LABEL (meeting), heading);
  gtk_label_set_label (GTK_LABEL (place), where);
  gtk_label_set_markup (GTK_LABEL (snippet), markup);
  pk_widget_set_tooltip (gtk_list_item_get_child (list_item), tooltip);
}

static void
on_activate (PkSearchResults *self,
             guint            position)
{
  g_autoptr(PkSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->hits), position);

  if (hit != NULL)
    g_signal_emit (self, signals[HIT_ACTIVATED], 0, hit);
}

typedef struct
{
  PkDatabase *database;
  char *text;
} SearchJob;

static void
search_job_free (SearchJob *job)
{
  g_clear_object (&job->database);
  g_free (job->text);
  g_free (job);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchJob *job = task_data;
  GError *error = NULL;
  GListStore *hits;

  if (g_task_return_error_if_cancelled (task))
    return;
  hits = pk_database_search (job->database, job->text, 0, &error);
  if (hits == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hits, g_object_unref);
}

static void
search_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PkSearchResults) self = user_data;
  g_autoptr(GListStore) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  self->running--;
  hits = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (hits != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (hits)); i++)
      g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (hits), i));
  g_list_store_splice (self->hits, 0, g_list_model_get_n_items (G_LIST_MODEL (self->hits)), items->pdata, items->len);
  if (items->len == 0)
    {
      g_autoptr(GtkBuilder) builder = pk_stack_ensure_page (self->stack, "none",
                                                            "/io/github/protokoll/Protokoll/pk-search-results-pages.ui");
      AdwStatusPage *none = ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack, "none"));

      if (builder != NULL)
        self->none_description = g_strdup (adw_status_page_get_description (none));
      /* The search's error, or what is searched when it simply found nothing. */
      adw_status_page_set_description (none, error != NULL ? error->message : self->none_description);
    }
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "results" : "none");
}

void
pk_search_results_set_text (PkSearchResults *self,
                            const char      *text)
{
  g_autoptr(GTask) task = NULL;
  SearchJob *job;

  g_return_if_fail (PK_IS_SEARCH_RESULTS (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->database == NULL || text == NULL || pk_str_or_null (text) == NULL)
    {
      g_list_store_remove_all (self->hits);
      return;
    }
  self->cancellable = g_cancellable_new ();
  job = g_new0 (SearchJob, 1);
  job->database = g_object_ref (self->database);
  job->text = g_strdup (text);
  task = g_task_new (NULL, self->cancellable, search_done, g_object_ref (self));
  g_task_set_source_tag (task, pk_search_results_set_text);
  g_task_set_task_data (task, job, (GDestroyNotify) search_job_free);
  self->running++;
  pk_database_run_in_worker (self->database, task, search_thread);
}

void
pk_search_results_set_database (PkSearchResults *self,
                                PkDatabase      *database)
{
  g_return_if_fail (PK_IS_SEARCH_RESULTS (self));

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->database, database);
  g_list_store_remove_all (self->hits);
}

GListModel *
pk_search_results_get_hits (PkSearchResults *self)
{
  g_return_val_if_fail (PK_IS_SEARCH_RESULTS (self), NULL);
  return G_LIST_MODEL (self->hits);
}

gboolean
pk_search_results_is_busy (PkSearchResults *self)
{
  g_return_val_if_fail (PK_IS_SEARCH_RESULTS (self), FALSE);
  return self->running > 0;
}

static void
pk_search_results_dispose (GObject *object)
{
  PkSearchResults *self = PK_SEARCH_RESULTS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  gtk_widget_dispose_template (GTK_WIDGET (self), PK_TYPE_SEARCH_RESULTS);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pk_search_results_parent_class)->dispose (object);
}

static void
pk_search_results_finalize (GObject *object)
{
  PkSearchResults *self = PK_SEARCH_RESULTS (object);

  g_clear_object (&self->hits);
  g_free (self->none_description);
  G_OBJECT_CLASS (pk_search_results_parent_class)->finalize (object);
}

static void
pk_search_results_class_init (PkSearchResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pk_search_results_dispose;
  object_class->finalize = pk_search_results_finalize;

  /* A hit was chosen: (PkSearchHit *). */
  signals[HIT_ACTIVATED] = g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                         NULL, NULL, G_TYPE_NONE, 1, PK_TYPE_SEARCH_HIT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/protokoll/Protokoll/pk-search-results.ui");
  gtk_widget_class_bind_template_child (widget_class, PkSearchResults, stack);
  gtk_widget_class_bind_template_child (widget_class, PkSearchResults, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pk_search_results_init (PkSearchResults *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->hits = g_list_store_new (PK_TYPE_SEARCH_HIT);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->hits)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list, factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  g_signal_connect_swapped (self->list, "activate", G_CALLBACK (on_activate), self);
}
