/* pk-pdf-view.c: the PDF viewer widget: toolbar, thumbnails, search and the page column. */
#include "config.h"

#include "pk-pdf-view.h"
#include "pk-lazy.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "pk-pdf-pages.h"
#include "pk-pdf-thumbnail.h"
#include "pk-render-worker.h"

#define ZOOM_STEP 1.25
#define ZOOM_100 (96.0 / 72.0)

struct _PkPdfView
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  GtkToggleButton *thumbnails_button;
  GtkEntry *page_entry;
  GtkLabel *n_pages_label;
  GtkMenuButton *zoom_button;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkLabel *search_label;
  GtkListView *thumbnails_view;
  GtkScrolledWindow *scroller;
  PkPdfPages *pages;
  GMenuModel *context_menu;
  GtkWidget *context_popover;

  PkRenderWorker *worker;
  GCancellable *load_cancellable;
  GArray *sizes;
  GError *error;
  GtkSingleSelection *thumbnail_selection;
  gboolean syncing_selection;

  GCancellable *find_cancellable;
  char *search_text;
  GPtrArray *hits;
  guint n_matches;
  int hit_page;
  int hit_index;

  guint sync_source;
  int notified_page;
  double notified_zoom;

  int note_page;
  double note_x;
  double note_y;
};

G_DEFINE_FINAL_TYPE (PkPdfView, pk_pdf_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_PAGE, PROP_N_PAGES, PROP_ZOOM, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { PAGE_CHANGED, LOADED, LOAD_FAILED, NOTE_REQUESTED, SEARCH_FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
update_search_label (PkPdfView *self)
{
  g_autofree char *text = NULL;

  if (self->search_text == NULL || self->hits == NULL)
    text = g_strdup ("");
  else if (self->n_matches == 0)
    text = g_strdup (_("No matches"));
  else
    {
      guint index = 0;
      for (int p = 0; p < self->hit_page; p++)
        index += ((GArray *) g_ptr_array_index (self->hits, p))->len;
      index += self->hit_index + 1;
      /* Translators: the current search hit of all hits */
      text = g_strdup_printf (_("%u of %u"), index, self->n_matches);
    }
  gtk_label_set_text (self->search_label, text);
}

static void
update_actions (PkPdfView *self)
{
  gboolean loaded = pk_pdf_view_is_loaded (self);
  int page = pk_pdf_view_get_page (self), n = pk_pdf_view_get_n_pages (self);
  double zoom = pk_pdf_pages_get_zoom (self->pages);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.previous-page", loaded && page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.first-page", loaded && page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.next-page", loaded && page < n - 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.last-page", loaded && page < n - 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.zoom-in", loaded && zoom < 8.0 - 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.zoom-out", loaded && zoom > 0.1 + 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.find-next", self->n_matches > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.find-previous", self->n_matches > 0);
}

static void
sync_page (PkPdfView *self)
{
  int page = pk_pdf_pages_get_page (self->pages);
  g_autofree char *text = g_strdup_printf ("%d", page + 1);

  if (!gtk_widget_has_focus (GTK_WIDGET (self->page_entry)) ||
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->page_entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->page_entry), text);

  if (self->thumbnail_selection &&
      gtk_single_selection_get_selected (self->thumbnail_selection) != (guint) page)
    {
      self->syncing_selection = TRUE;
      gtk_single_selection_set_selected (self->thumbnail_selection, page);
      self->syncing_selection = FALSE;
      if (gtk_widget_get_mapped (GTK_WIDGET (self->thumbnails_view)))
        gtk_widget_activate_action (GTK_WIDGET (self->thumbnails_view), "list.scroll-to-item",
                                    "u", (guint) page);
    }

  update_actions (self);
  if (page != self->notified_page)
    {
      self->notified_page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
      g_signal_emit (self, signals[PAGE_CHANGED], 0, page);
    }
}

static void
sync_zoom (PkPdfView *self)
{
  g_autofree char *label = g_strdup_printf ("%.0f %%", pk_pdf_pages_get_zoom (self->pages) / ZOOM_100 * 100);

  gtk_menu_button_set_label (self->zoom_button, label);
  update_actions (self);
  if (pk_pdf_pages_get_zoom (self->pages) != self->notified_zoom)
    {
      self->notified_zoom = pk_pdf_pages_get_zoom (self->pages);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
}

static gboolean
sync_idle (gpointer data)
{
  PkPdfView *self = data;

  self->sync_source = 0;
  sync_page (self);
  sync_zoom (self);
  return G_SOURCE_REMOVE;
}

/* The page column changes page and zoom inside its size_allocate; labels resized from there
 * would be drawn unallocated (GTK warns), so the toolbar and the signals follow just after,
 * before the next frame. */
static void
queue_sync (PkPdfView *self)
{
  if (self->sync_source == 0 && self->pages != NULL)
    self->sync_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, sync_idle, self, NULL);
}

static void
pages_page_changed (PkPdfView *self)
{
  queue_sync (self);
}

static void
pages_zoom_changed (PkPdfView *self)
{
  queue_sync (self);
}

static void
page_entry_activate (PkPdfView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->page_entry));
  char *end = NULL;
  gint64 n = g_ascii_strtoll (text, &end, 10);

  if (end != text && *end == '\0' && n >= 1 && n <= pk_pdf_view_get_n_pages (self))
    pk_pdf_view_set_page (self, (int) n - 1);
  else
    sync_page (self);  /* puts the current number back */
  gtk_widget_grab_focus (GTK_WIDGET (self->pages));
}

static void
thumbnail_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 PkPdfView                *self)
{
  gtk_list_item_set_child (item, pk_pdf_thumbnail_new ());
}

static void
thumbnail_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PkPdfView                *self)
{
  guint page = gtk_list_item_get_position (item);

  if (self->worker == NULL || self->sizes == NULL || page >= self->sizes->len)
    return;
  pk_pdf_thumbnail_bind (PK_PDF_THUMBNAIL (gtk_list_item_get_child (item)), self->worker, page,
                         &g_array_index (self->sizes, graphene_size_t, page));
}

static void
thumbnail_unbind (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  PkPdfView                *self)
{
  pk_pdf_thumbnail_unbind (PK_PDF_THUMBNAIL (gtk_list_item_get_child (item)));
}

static void
thumbnail_selected (GtkSingleSelection *selection,
                    GParamSpec         *pspec,
                    PkPdfView          *self)
{
  guint selected = gtk_single_selection_get_selected (selection);

  if (!self->syncing_selection && selected != GTK_INVALID_LIST_POSITION)
    pk_pdf_pages_set_page (self->pages, selected);
}

/* Search */

static void
show_hit (PkPdfView *self)
{
  pk_pdf_pages_set_current_hit (self->pages, self->hit_page, self->hit_index);
  update_search_label (self);
}

/* Moves to the next (@step 1) or previous (-1) hit, wrapping around. */
static void
step_hit (PkPdfView *self,
          int        step)
{
  int n = self->hits ? (int) self->hits->len : 0;
  int page = self->hit_page, index = self->hit_index;

  if (self->n_matches == 0)
    return;
  if (page < 0)
    {
      page = pk_pdf_view_get_page (self);
      index = step > 0 ? -1 : (int) ((GArray *) g_ptr_array_index (self->hits, page))->len;
    }
  index += step;
  while (index < 0 || index >= (int) ((GArray *) g_ptr_array_index (self->hits, page))->len)
    {
      page = (page + step + n) % n;
      index = step > 0 ? 0 : (int) ((GArray *) g_ptr_array_index (self->hits, page))->len - 1;
    }
  self->hit_page = page;
  self->hit_index = index;
  show_hit (self);
}

static void
clear_search (PkPdfView *self)
{
  if (self->find_cancellable)
    g_cancellable_cancel (self->find_cancellable);
  g_clear_object (&self->find_cancellable);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  self->n_matches = 0;
  self->hit_page = -1;
  self->hit_index = -1;
  pk_pdf_pages_set_hits (self->pages, NULL);
  update_search_label (self);
  update_actions (self);
}

static void
find_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PkPdfView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = pk_render_worker_find_finish (PK_RENDER_WORKER (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->worker != PK_RENDER_WORKER (source))
    return;
  g_clear_object (&self->find_cancellable);
  if (hits == NULL)
    {
      g_debug ("search failed: %s", error->message);
      hits = g_ptr_array_new ();
    }

  self->hits = g_ptr_array_ref (hits);
  self->n_matches = 0;
  for (guint i = 0; i < hits->len; i++)
    self->n_matches += ((GArray *) g_ptr_array_index (hits, i))->len;
  self->hit_page = -1;
  pk_pdf_pages_set_hits (self->pages, self->n_matches ? hits : NULL);
  step_hit (self, 1);
  update_search_label (self);
  update_actions (self);
  g_signal_emit (self, signals[SEARCH_FINISHED], 0, self->n_matches);
}

static void
search_entry_changed (PkPdfView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (g_strcmp0 (text, self->search_text) != 0)
    pk_pdf_view_search (self, text);
}

static void
search_entry_next (PkPdfView *self)
{
  step_hit (self, 1);
}

static void
search_entry_previous (PkPdfView *self)
{
  step_hit (self, -1);
}

/* Loading */

static void
show_error (PkPdfView    *self,
            const GError *error)
{
  g_clear_error (&self->error);
  self->error = g_error_copy (error);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "error");
  g_signal_emit (self, signals[LOAD_FAILED], 0, self->error);
}

static void
open_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PkPdfView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sizes = pk_render_worker_open_finish (PK_RENDER_WORKER (source), result, &error);
  g_autoptr(GtkStringList) numbers = NULL;
  g_autofree char *of = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->worker != PK_RENDER_WORKER (source))
    return;
  g_clear_object (&self->load_cancellable);
  if (sizes == NULL)
    {
      show_error (self, error);
      return;
    }

  self->sizes = g_array_ref (sizes);
  pk_pdf_pages_set_document (self->pages, self->worker, sizes);

  numbers = gtk_string_list_new (NULL);
  for (guint i = 0; i < sizes->len; i++)
    {
      char number[16];
      g_snprintf (number, sizeof number, "%u", i + 1);
      gtk_string_list_append (numbers, number);
    }
  self->thumbnail_selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&numbers)));
  gtk_single_selection_set_autoselect (self->thumbnail_selection, FALSE);
  g_signal_connect (self->thumbnail_selection, "notify::selected", G_CALLBACK (thumbnail_selected), self);
  gtk_list_view_set_model (self->thumbnails_view, GTK_SELECTION_MODEL (self->thumbnail_selection));

  /* Translators: after the page number entry, "of 12" */
  of = g_strdup_printf (_("of %u"), sizes->len);
  gtk_label_set_text (self->n_pages_label, of);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "document");
  self->notified_page = -1;
  update_actions (self);
  queue_sync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_signal_emit (self, signals[LOADED], 0);
}

static void
unload (PkPdfView *self)
{
  clear_search (self);
  if (self->load_cancellable)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  gtk_list_view_set_model (self->thumbnails_view, NULL);
  if (self->thumbnail_selection)
    g_signal_handlers_disconnect_by_func (self->thumbnail_selection, thumbnail_selected, self);
  g_clear_object (&self->thumbnail_selection);
  pk_pdf_pages_set_document (self->pages, NULL, NULL);
  /* The old worker's thread ends by itself once its last job is done. */
  g_clear_object (&self->worker);
  g_clear_pointer (&self->sizes, g_array_unref);
  g_clear_error (&self->error);
}

/* Actions */

static void
action_page (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  PkPdfView *self = PK_PDF_VIEW (widget);
  int page = pk_pdf_view_get_page (self);

  if (g_str_equal (name, "viewer.next-page"))
    page++;
  else if (g_str_equal (name, "viewer.previous-page"))
    page--;
  else if (g_str_equal (name, "viewer.first-page"))
    page = 0;
  else
    page = pk_pdf_view_get_n_pages (self) - 1;
  pk_pdf_view_set_page (self, page);
}

static void
action_zoom (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  PkPdfView *self = PK_PDF_VIEW (widget);
  double zoom = pk_pdf_pages_get_zoom (self->pages);

  if (!pk_pdf_view_is_loaded (self))
    return;
  if (g_str_equal (name, "viewer.zoom-in"))
    pk_pdf_pages_set_zoom (self->pages, zoom * ZOOM_STEP);
  else if (g_str_equal (name, "viewer.zoom-out"))
    pk_pdf_pages_set_zoom (self->pages, zoom / ZOOM_STEP);
  else if (g_str_equal (name, "viewer.zoom-actual"))
    pk_pdf_pages_set_zoom (self->pages, ZOOM_100);
  else if (g_str_equal (name, "viewer.fit-page"))
    pk_pdf_pages_set_zoom_mode (self->pages, PK_PDF_ZOOM_FIT_PAGE);
  else
    pk_pdf_pages_set_zoom_mode (self->pages, PK_PDF_ZOOM_FIT_WIDTH);
}

static void
action_find (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  PkPdfView *self = PK_PDF_VIEW (widget);

  if (!pk_pdf_view_is_loaded (self))
    return;
  if (g_str_equal (name, "viewer.find"))
    {
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
    }
  else if (g_str_equal (name, "viewer.find-next"))
    step_hit (self, 1);
  else
    step_hit (self, -1);
}

static void
action_add_note (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  PkPdfView *self = PK_PDF_VIEW (widget);

  if (self->note_page >= 0)
    g_signal_emit (self, signals[NOTE_REQUESTED], 0, self->note_page, self->note_x, self->note_y);
}

static void
action_thumbnails (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  PkPdfView *self = PK_PDF_VIEW (widget);

  gtk_toggle_button_set_active (self->thumbnails_button,
                                !gtk_toggle_button_get_active (self->thumbnails_button));
}

/* Input on the pages */

static gboolean
pages_scroll (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              PkPdfView                *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || !pk_pdf_view_is_loaded (self) || dy == 0)
    return FALSE;
  pk_pdf_pages_set_zoom (self->pages, pk_pdf_pages_get_zoom (self->pages) * pow (ZOOM_STEP, -dy));
  return TRUE;
}

static void
pages_pressed (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               PkPdfView        *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  int page;
  double px, py;

  gtk_widget_grab_focus (GTK_WIDGET (self->pages));
  if (button != GDK_BUTTON_SECONDARY)
    return;
  if (!pk_pdf_pages_widget_to_page (self->pages, x, y, &page, &px, &py))
    return;
  self->note_page = page;
  self->note_x = px;
  self->note_y = py;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_popover), &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_popover));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
pk_pdf_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PkPdfView *self = PK_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE: g_value_set_int (value, pk_pdf_view_get_page (self)); break;
    case PROP_N_PAGES: g_value_set_int (value, pk_pdf_view_get_n_pages (self)); break;
    case PROP_ZOOM: g_value_set_double (value, pk_pdf_view_get_zoom (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_pdf_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PkPdfView *self = PK_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE: pk_pdf_view_set_page (self, g_value_get_int (value)); break;
    case PROP_ZOOM: pk_pdf_view_set_zoom (self, g_value_get_double (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_pdf_view_dispose (GObject *object)
{
  PkPdfView *self = PK_PDF_VIEW (object);

  if (self->pages)
    unload (self);
  g_clear_handle_id (&self->sync_source, g_source_remove);
  g_clear_pointer (&self->context_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), PK_TYPE_PDF_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))); )
    gtk_widget_unparent (child);
  self->pages = NULL;
  g_clear_handle_id (&self->sync_source, g_source_remove);
  G_OBJECT_CLASS (pk_pdf_view_parent_class)->dispose (object);
}

static void
pk_pdf_view_class_init (PkPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = pk_pdf_view_get_property;
  object_class->set_property = pk_pdf_view_set_property;
  object_class->dispose = pk_pdf_view_dispose;

  properties[PROP_PAGE] = g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] = g_param_spec_int ("n-pages", NULL, NULL, 0, G_MAXINT, 0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, 0.1, 8.0, ZOOM_100,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The current page (0-based) changed. */
  signals[PAGE_CHANGED] = g_signal_new ("page-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The document could not be opened; the view shows why. */
  signals[LOAD_FAILED] = g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                       G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
  /* "Add Note" at (page, x, y): 0-based page, PDF points from its top-left corner. */
  signals[NOTE_REQUESTED] = g_signal_new ("note-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                          G_TYPE_INT, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  signals[SEARCH_FINISHED] = g_signal_new ("search-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (PK_TYPE_PDF_PAGES);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/protokoll/Protokoll/pk-pdf-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PkPdfView, stack);
  gtk_widget_class_bind_template_child (widget_class, PkPdfView, spinner);
  gtk_widget_class_bind_template_child (widget_class, PkPdfView, error_page);
  gtk_widget_class_bind_template_child (widget_class, PkPdfView, thumbnails_button);
  gtk_widget_class_bind_template_child (widget_class, PkPdfView, page_entry);
  gtk_widget_class_bind_template_child (widget_class, PkPdfView, n_pages_label);
  gtk_widget_class_bind_template_child (widget_class, PkPdfView, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, PkPdfView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PkPdfView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PkPdfView, search_label);
  gtk_widget_class_bind_template_child (widget_class, PkPdfView, thumbnails_view);
  gtk_widget_class_bind_template_child (widget_class, PkPdfView, scroller);
  gtk_widget_class_bind_template_child (widget_class, PkPdfView, pages);
  gtk_widget_class_bind_template_child (widget_class, PkPdfView, context_menu);
  gtk_widget_class_bind_template_callback (widget_class, page_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, pages_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, pages_zoom_changed);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_next);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_previous);
  gtk_widget_class_bind_template_callback (widget_class, thumbnail_setup);
  gtk_widget_class_bind_template_callback (widget_class, thumbnail_bind);
  gtk_widget_class_bind_template_callback (widget_class, thumbnail_unbind);

  gtk_widget_class_install_action (widget_class, "viewer.next-page", NULL, action_page);
  gtk_widget_class_install_action (widget_class, "viewer.previous-page", NULL, action_page);
  gtk_widget_class_install_action (widget_class, "viewer.first-page", NULL, action_page);
  gtk_widget_class_install_action (widget_class, "viewer.last-page", NULL, action_page);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-in", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-out", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-actual", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "viewer.fit-width", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "viewer.fit-page", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "viewer.find", NULL, action_find);
  gtk_widget_class_install_action (widget_class, "viewer.find-next", NULL, action_find);
  gtk_widget_class_install_action (widget_class, "viewer.find-previous", NULL, action_find);
  gtk_widget_class_install_action (widget_class, "viewer.add-note", NULL, action_add_note);
  gtk_widget_class_install_action (widget_class, "viewer.toggle-thumbnails", NULL, action_thumbnails);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "viewer.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "viewer.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "viewer.fit-width", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "viewer.fit-width", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "viewer.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "viewer.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "viewer.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_G, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "viewer.find-previous", NULL);
  /* Page Up/Down scroll by a screen (GtkScrolledWindow's own keys, as in Papers). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "viewer.first-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "viewer.last-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "viewer.toggle-thumbnails", NULL);
}

/* Set here, not in the template: see pk_widget_set_tooltip(). */
static const PkTemplateTooltip pdf_view_tooltips[] = {
  { "thumbnails_button", N_("Show Thumbnails") },
  { "previous_page_button", N_("Previous Page") },
  { "next_page_button", N_("Next Page") },
  { "page_entry", N_("Go to Page") },
  { "zoom_out_button", N_("Zoom Out") },
  { "zoom_button", N_("Zoom") },
  { "zoom_in_button", N_("Zoom In") },
  { "search_button", N_("Find in Document") },
  { "previous_match_button", N_("Previous Match") },
  { "next_match_button", N_("Next Match") },
};

static void
pk_pdf_view_init (PkPdfView *self)
{
  GtkEventController *scroll;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  pk_template_set_tooltips (GTK_WIDGET (self), pdf_view_tooltips, G_N_ELEMENTS (pdf_view_tooltips));
  self->hit_page = -1;
  self->hit_index = -1;
  self->note_page = -1;

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  self->context_popover = gtk_popover_menu_new_from_model (self->context_menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_popover), FALSE);
  gtk_widget_set_halign (self->context_popover, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_popover, GTK_WIDGET (self->pages));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (pages_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self->pages), scroll);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (pages_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->pages), GTK_EVENT_CONTROLLER (click));

  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_actions (self);
}

GtkWidget *
pk_pdf_view_new (void)
{
  return g_object_new (PK_TYPE_PDF_VIEW, NULL);
}

void
pk_pdf_view_load_bytes (PkPdfView *self,
                        GBytes    *bytes)
{
  g_return_if_fail (PK_IS_PDF_VIEW (self));

  unload (self);
  gtk_label_set_text (self->n_pages_label, "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  update_actions (self);
  if (bytes == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->worker = pk_render_worker_new ();
  self->load_cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  pk_render_worker_open_async (self->worker, bytes, self->load_cancellable, open_done, g_object_ref (self));
}

gboolean
pk_pdf_view_is_loaded (PkPdfView *self)
{
  g_return_val_if_fail (PK_IS_PDF_VIEW (self), FALSE);
  return self->sizes != NULL;
}

const GError *
pk_pdf_view_get_error (PkPdfView *self)
{
  g_return_val_if_fail (PK_IS_PDF_VIEW (self), NULL);
  return self->error;
}

int
pk_pdf_view_get_n_pages (PkPdfView *self)
{
  g_return_val_if_fail (PK_IS_PDF_VIEW (self), 0);
  return self->sizes ? (int) self->sizes->len : 0;
}

int
pk_pdf_view_get_page (PkPdfView *self)
{
  g_return_val_if_fail (PK_IS_PDF_VIEW (self), 0);
  return pk_pdf_pages_get_page (self->pages);
}

void
pk_pdf_view_set_page (PkPdfView *self,
                      int        page)
{
  g_return_if_fail (PK_IS_PDF_VIEW (self));
  pk_pdf_pages_set_page (self->pages, page);
}

double
pk_pdf_view_get_zoom (PkPdfView *self)
{
  g_return_val_if_fail (PK_IS_PDF_VIEW (self), ZOOM_100);
  return pk_pdf_pages_get_zoom (self->pages);
}

void
pk_pdf_view_set_zoom (PkPdfView *self,
                      double     zoom)
{
  g_return_if_fail (PK_IS_PDF_VIEW (self));
  pk_pdf_pages_set_zoom (self->pages, zoom);
}

void
pk_pdf_view_search (PkPdfView  *self,
                    const char *text)
{
  g_return_if_fail (PK_IS_PDF_VIEW (self));

  clear_search (self);
  if (text == NULL || *text == '\0' || self->worker == NULL || self->sizes == NULL)
    return;

  self->search_text = g_strdup (text);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  self->find_cancellable = g_cancellable_new ();
  pk_render_worker_find_async (self->worker, text, self->find_cancellable, find_done, g_object_ref (self));
}

guint
pk_pdf_view_get_n_matches (PkPdfView *self)
{
  g_return_val_if_fail (PK_IS_PDF_VIEW (self), 0);
  return self->n_matches;
}

gboolean
pk_pdf_view_get_current_match (PkPdfView       *self,
                               int             *page,
                               graphene_rect_t *rect)
{
  GArray *rects;

  g_return_val_if_fail (PK_IS_PDF_VIEW (self), FALSE);

  if (self->hits == NULL || self->hit_page < 0)
    return FALSE;
  rects = g_ptr_array_index (self->hits, self->hit_page);
  if (page)
    *page = self->hit_page;
  if (rect)
    *rect = g_array_index (rects, graphene_rect_t, self->hit_index);
  return TRUE;
}

void
pk_pdf_view_find_next (PkPdfView *self)
{
  g_return_if_fail (PK_IS_PDF_VIEW (self));
  step_hit (self, 1);
}

void
pk_pdf_view_find_previous (PkPdfView *self)
{
  g_return_if_fail (PK_IS_PDF_VIEW (self));
  step_hit (self, -1);
}

void
pk_pdf_view_set_notes (PkPdfView  *self,
                       GListModel *notes)
{
  g_return_if_fail (PK_IS_PDF_VIEW (self));
  g_return_if_fail (notes == NULL || G_IS_LIST_MODEL (notes));
  pk_pdf_pages_set_notes (self->pages, notes);
}

GdkTexture *
pk_pdf_view_get_page_texture (PkPdfView *self,
                              int        page,
                              double    *scale)
{
  g_return_val_if_fail (PK_IS_PDF_VIEW (self), NULL);
  return pk_pdf_pages_get_texture (self->pages, page, scale);
}
