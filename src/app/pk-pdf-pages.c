/* pk-pdf-pages.c: one widget drawing the visible pages of a document (as EvView does), so a
 * 500-page file costs no more than a 5-page one; rendering happens on PkRenderWorker's thread. */
#include "config.h"

#include "pk-pdf-pages.h"

#include <math.h>

#include "pk-pdf-note.h"

#define GAP 12.0          /* between pages and around them, CSS pixels */
#define MIN_ZOOM 0.1
#define MAX_ZOOM 8.0
#define PIN_RADIUS 9.0

typedef struct
{
  GdkTexture *texture;
  double texture_scale;
  GCancellable *cancellable;  /* the job in flight, if any */
  double job_scale;
  PkRenderPriority job_priority;
} Entry;

typedef struct
{
  GWeakRef self;
  int page;
  GCancellable *cancellable;
} RenderData;

struct _PkPdfPages
{
  GtkWidget parent_instance;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint hscroll_policy : 1;
  guint vscroll_policy : 1;

  PkRenderWorker *worker;
  GArray *sizes;     /* graphene_size_t, points */
  GArray *offsets;   /* double, top of each page in content pixels */
  double max_width;  /* points */
  double max_height;
  double content_width;
  double content_height;
  double zoom;
  PkPdfZoomMode mode;
  int layout_width;  /* the allocation the layout was made for */
  int layout_height;

  int page;
  int pending_page;  /* set before the first allocation */
  gboolean relayout_keeps_anchor;

  GHashTable *cache; /* page → Entry */

  GPtrArray *hits;
  int hit_page;
  int hit_index;
  gboolean pending_hit_scroll;

  GListModel *notes;
  guint n_pins_drawn;
};

static void pk_pdf_pages_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PkPdfPages, pk_pdf_pages, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, pk_pdf_pages_scrollable_init))

enum
{
  PROP_0,
  PROP_PAGE,
  PROP_ZOOM,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};
static GParamSpec *properties[N_PROPS];

static void update_cache (PkPdfPages *self);

static void
pk_pdf_pages_scrollable_init (GtkScrollableInterface *iface)
{
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  if (entry->cancellable)
    g_cancellable_cancel (entry->cancellable);
  g_clear_object (&entry->cancellable);
  g_clear_object (&entry->texture);
  g_free (entry);
}

static void
render_data_free (RenderData *data)
{
  g_weak_ref_clear (&data->self);
  g_clear_object (&data->cancellable);
  g_free (data);
}

static int
n_pages (PkPdfPages *self)
{
  return self->sizes ? (int) self->sizes->len : 0;
}

static graphene_size_t *
page_size (PkPdfPages *self,
           int         page)
{
  return &g_array_index (self->sizes, graphene_size_t, page);
}

static double
page_top (PkPdfPages *self,
          int         page)
{
  return g_array_index (self->offsets, double, page);
}

static double
vvalue (PkPdfPages *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static double
hvalue (PkPdfPages *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

/* The page's rectangle in widget coordinates. */
static graphene_rect_t
page_rect (PkPdfPages *self,
           int         page)
{
  graphene_size_t *size = page_size (self, page);
  double width = MAX (self->content_width, gtk_widget_get_width (GTK_WIDGET (self)));
  double w = size->width * self->zoom, h = size->height * self->zoom;

  return GRAPHENE_RECT_INIT (floor ((width - w) / 2 - hvalue (self)),
                             floor (page_top (self, page) - vvalue (self)), w, h);
}

/* First page whose bottom is below @y (content coordinates). */
static int
page_at_offset (PkPdfPages *self,
                double      y)
{
  int lo = 0, hi = n_pages (self) - 1;

  while (lo < hi)
    {
      int mid = (lo + hi) / 2;
      if (page_top (self, mid) + page_size (self, mid)->height * self->zoom < y)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
visible_range (PkPdfPages *self,
               int        *first,
               int        *last)
{
  double top = vvalue (self), bottom = top + gtk_widget_get_height (GTK_WIDGET (self));

  *first = page_at_offset (self, top);
  *last = *first;
  while (*last + 1 < n_pages (self) && page_top (self, *last + 1) < bottom)
    (*last)++;
}

static double
fit_zoom (PkPdfPages *self,
          int         width,
          int         height)
{
  double zoom = self->zoom;

  if (self->max_width <= 0)
    return zoom;
  if (self->mode == PK_PDF_ZOOM_FIT_WIDTH)
    zoom = (width - 2 * GAP) / self->max_width;
  else if (self->mode == PK_PDF_ZOOM_FIT_PAGE)
    zoom = MIN ((width - 2 * GAP) / self->max_width, (height - 2 * GAP) / self->max_height);
  return CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         value,
                      double         upper,
                      double         page_size)
{
  if (adjustment == NULL)
    return;
  upper = MAX (upper, page_size);
  gtk_adjustment_configure (adjustment, CLAMP (value, 0, upper - page_size), 0, upper,
                            page_size * 0.1, page_size * 0.9, page_size);
}

/* Lays the pages out for the allocation and zoom; the page at the top stays where it was. */
static void
relayout (PkPdfPages *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double zoom, y, anchor_fraction = 0, value;
  int anchor = -1;

  if (n_pages (self) == 0 || width <= 0 || height <= 0)
    return;

  if (self->offsets->len == (guint) n_pages (self) && self->layout_width > 0)
    {
      anchor = page_at_offset (self, vvalue (self));
      anchor_fraction = (vvalue (self) - page_top (self, anchor)) /
                        (page_size (self, anchor)->height * self->zoom + GAP);
    }

  zoom = fit_zoom (self, width, height);
  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }

  g_array_set_size (self->offsets, n_pages (self));
  y = GAP;
  for (int i = 0; i < n_pages (self); i++)
    {
      g_array_index (self->offsets, double, i) = y;
      y += page_size (self, i)->height * zoom + GAP;
    }
  self->content_height = y;
  self->content_width = self->max_width * zoom + 2 * GAP;
  self->layout_width = width;
  self->layout_height = height;

  value = vvalue (self);
  if (self->pending_page >= 0)
    {
      value = page_top (self, self->pending_page) - GAP / 2;
      anchor = -1;
    }
  else if (anchor >= 0)
    value = page_top (self, anchor) + anchor_fraction * (page_size (self, anchor)->height * zoom + GAP);

  configure_adjustment (self->hadjustment, hvalue (self), self->content_width, width);
  configure_adjustment (self->vadjustment, value, self->content_height, height);

  if (self->pending_page >= 0)
    {
      int page = self->pending_page;
      self->pending_page = -1;
      if (self->page != page)
        {
          self->page = page;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
        }
    }
}

/* The page with most of its height on screen is the current one. */
static void
update_current_page (PkPdfPages *self)
{
  int first, last, best = -1;
  double best_visible = -1, top = vvalue (self), bottom = top + gtk_widget_get_height (GTK_WIDGET (self));

  if (n_pages (self) == 0 || self->pending_page >= 0 || self->layout_width == 0)
    return;
  visible_range (self, &first, &last);
  for (int i = first; i <= last; i++)
    {
      double t = page_top (self, i), b = t + page_size (self, i)->height * self->zoom;
      double visible = MIN (b, bottom) - MAX (t, top);
      if (visible > best_visible + 0.5)
        best_visible = visible, best = i;
    }
  if (best >= 0 && best != self->page)
    {
      self->page = best;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
}

static void
render_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RenderData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = pk_render_worker_render_finish (PK_RENDER_WORKER (source), result, &error);
  g_autoptr(PkPdfPages) self = g_weak_ref_get (&data->self);
  Entry *entry;

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    goto out;
  entry = g_hash_table_lookup (self->cache, GINT_TO_POINTER (data->page));
  /* Only the newest job for a page fills it in. */
  if (entry == NULL || entry->cancellable != data->cancellable)
    goto out;
  g_clear_object (&entry->cancellable);
  if (texture == NULL)
    {
      /* The page stays a white placeholder; a damaged page must not take the rest down. */
      g_debug ("PDF page %d: %s", data->page + 1, error->message);
      goto out;
    }
  g_set_object (&entry->texture, texture);
  entry->texture_scale = entry->job_scale;
  gtk_widget_queue_draw (GTK_WIDGET (self));

out:
  render_data_free (data);
}

static void
queue_render (PkPdfPages       *self,
              int               page,
              Entry            *entry,
              double            scale,
              PkRenderPriority  priority)
{
  RenderData *data;

  if (entry->cancellable)
    {
      g_cancellable_cancel (entry->cancellable);
      g_clear_object (&entry->cancellable);
    }
  entry->cancellable = g_cancellable_new ();
  entry->job_scale = scale;
  entry->job_priority = priority;

  data = g_new0 (RenderData, 1);
  g_weak_ref_init (&data->self, self);
  data->page = page;
  data->cancellable = g_object_ref (entry->cancellable);
  pk_render_worker_render_async (self->worker, page, scale, priority, entry->cancellable,
                                 render_done, data);
}

/* As Evince's pixbuf cache: the visible range plus a margin is kept, jobs for pages that left it
 * are cancelled and their textures dropped, so memory does not grow with the document. */
static void
update_cache (PkPdfPages *self)
{
  GHashTableIter iter;
  gpointer key, value;
  int first, last, lo, hi;
  double scale;

  if (self->worker == NULL || n_pages (self) == 0 || self->layout_width == 0)
    return;

  visible_range (self, &first, &last);
  lo = MAX (0, first - PK_PDF_PAGES_MARGIN);
  hi = MIN (n_pages (self) - 1, last + PK_PDF_PAGES_MARGIN);

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int page = GPOINTER_TO_INT (key);
      if (page < lo || page > hi)
        g_hash_table_iter_remove (&iter);
    }

  scale = self->zoom * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  /* Visible pages first (the worker runs the newest first, so queue them last), then the margin. */
  for (int pass = 0; pass < 2; pass++)
    for (int page = lo; page <= hi; page++)
      {
        gboolean visible = page >= first && page <= last;
        PkRenderPriority priority = visible ? PK_RENDER_PRIORITY_VISIBLE : PK_RENDER_PRIORITY_PRELOAD;
        Entry *entry;

        if ((pass == 0) == visible)
          continue;
        entry = g_hash_table_lookup (self->cache, GINT_TO_POINTER (page));
        if (entry == NULL)
          {
            entry = g_new0 (Entry, 1);
            g_hash_table_insert (self->cache, GINT_TO_POINTER (page), entry);
          }
        if (entry->cancellable)
          {
            if (G_APPROX_VALUE (entry->job_scale, scale, 1e-6) && entry->job_priority <= priority)
              continue;
          }
        else if (entry->texture && G_APPROX_VALUE (entry->texture_scale, scale, 1e-6))
          continue;
        queue_render (self, page, entry, scale, priority);
      }
}

static void
adjustment_changed (GtkAdjustment *adjustment,
                    PkPdfPages    *self)
{
  update_current_page (self);
  update_cache (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (PkPdfPages     *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot)
    {
      g_signal_handlers_disconnect_by_func (*slot, adjustment_changed, self);
      g_clear_object (slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (adjustment_changed), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
scroll_hit_into_view (PkPdfPages *self)
{
  GArray *rects;
  graphene_rect_t *r;
  double top, bottom, value, height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->hits == NULL || self->hit_page < 0 || self->layout_width == 0)
    return;
  self->pending_hit_scroll = FALSE;
  rects = g_ptr_array_index (self->hits, self->hit_page);
  if (self->hit_index < 0 || (guint) self->hit_index >= rects->len)
    return;
  r = &g_array_index (rects, graphene_rect_t, self->hit_index);
  top = page_top (self, self->hit_page) + r->origin.y * self->zoom;
  bottom = top + r->size.height * self->zoom;
  value = vvalue (self);
  if (top < value || bottom > value + height)
    gtk_adjustment_set_value (self->vadjustment, top - height / 3);

  /* And sideways when zoomed in. */
  {
    graphene_rect_t pr = page_rect (self, self->hit_page);
    double left = pr.origin.x + hvalue (self) + r->origin.x * self->zoom;
    double width = gtk_widget_get_width (GTK_WIDGET (self));
    double h = hvalue (self);
    if (left < h || left + r->size.width * self->zoom > h + width)
      gtk_adjustment_set_value (self->hadjustment, left - width / 3);
  }
}

static void
pk_pdf_pages_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  PkPdfPages *self = PK_PDF_PAGES (widget);

  relayout (self);
  if (self->pending_hit_scroll)
    scroll_hit_into_view (self);
  update_current_page (self);
  update_cache (self);
}

static void
pk_pdf_pages_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  /* The scrolled window decides the size; the content size is in the adjustments. */
  *minimum = 50;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 800;
}

static void
append_pin (GtkSnapshot *snapshot,
            double       cx,
            double       cy)
{
  GskRoundedRect outer, inner;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (cx - PIN_RADIUS, cy - PIN_RADIUS, 2 * PIN_RADIUS, 2 * PIN_RADIUS);
  graphene_rect_t core = GRAPHENE_RECT_INIT (cx - PIN_RADIUS + 2, cy - PIN_RADIUS + 2,
                                             2 * PIN_RADIUS - 4, 2 * PIN_RADIUS - 4);
  GdkRGBA border = { 0.55, 0.35, 0.0, 1 }, fill = { 0.98, 0.78, 0.17, 1 };
  GdkRGBA shadow = { 0, 0, 0, 0.35 };

  gsk_rounded_rect_init_from_rect (&outer, &bounds, PIN_RADIUS);
  gsk_rounded_rect_init_from_rect (&inner, &core, PIN_RADIUS - 2);
  gtk_snapshot_append_outset_shadow (snapshot, &outer, &shadow, 0, 1, 0, 2);
  gtk_snapshot_push_rounded_clip (snapshot, &outer);
  gtk_snapshot_append_color (snapshot, &border, &bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_push_rounded_clip (snapshot, &inner);
  gtk_snapshot_append_color (snapshot, &fill, &core);
  gtk_snapshot_pop (snapshot);
}

static void
append_page_texture (PkPdfPages            *self,
                     GtkSnapshot           *snapshot,
                     GdkTexture            *texture,
                     const graphene_rect_t *rect)
{
  cairo_surface_t *surface = g_object_get_data (G_OBJECT (texture), PK_RENDER_SURFACE_KEY);
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GskRenderer *renderer = native ? gtk_native_get_renderer (native) : NULL;
  cairo_t *cr;

  if (surface == NULL || renderer == NULL || !GSK_IS_CAIRO_RENDERER (renderer))
    {
      gtk_snapshot_append_texture (snapshot, texture, rect);
      return;
    }
  cr = gtk_snapshot_append_cairo (snapshot, rect);
  cairo_translate (cr, rect->origin.x, rect->origin.y);
  cairo_scale (cr, rect->size.width / cairo_image_surface_get_width (surface),
               rect->size.height / cairo_image_surface_get_height (surface));
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_destroy (cr);
}

static void
pk_pdf_pages_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  PkPdfPages *self = PK_PDF_PAGES (widget);
  GdkRGBA white = { 1, 1, 1, 1 }, shadow = { 0, 0, 0, 0.25 };
  GdkRGBA hit = { 1.0, 0.85, 0.0, 0.40 }, current_hit = { 1.0, 0.45, 0.0, 0.50 };
  int first, last;

  self->n_pins_drawn = 0;
  if (n_pages (self) == 0 || self->layout_width == 0)
    return;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                         gtk_widget_get_height (widget)));
  visible_range (self, &first, &last);
  for (int page = first; page <= last; page++)
    {
      graphene_rect_t rect = page_rect (self, page);
      GskRoundedRect rounded;
      Entry *entry = g_hash_table_lookup (self->cache, GINT_TO_POINTER (page));

      gsk_rounded_rect_init_from_rect (&rounded, &rect, 0);
      gtk_snapshot_append_outset_shadow (snapshot, &rounded, &shadow, 0, 1, 0, 4);
      /* The placeholder, and the paper under the texture: white in dark mode too. */
      gtk_snapshot_append_color (snapshot, &white, &rect);
      if (entry && entry->texture)
        append_page_texture (self, snapshot, entry->texture, &rect);

      if (self->hits && (guint) page < self->hits->len)
        {
          GArray *rects = g_ptr_array_index (self->hits, page);
          for (guint i = 0; i < rects->len; i++)
            {
              graphene_rect_t *r = &g_array_index (rects, graphene_rect_t, i);
              graphene_rect_t wr = GRAPHENE_RECT_INIT (rect.origin.x + r->origin.x * self->zoom - 1,
                                                       rect.origin.y + r->origin.y * self->zoom - 1,
                                                       r->size.width * self->zoom + 2,
                                                       r->size.height * self->zoom + 2);
              gboolean current = page == self->hit_page && (int) i == self->hit_index;
              gtk_snapshot_append_color (snapshot, current ? &current_hit : &hit, &wr);
            }
        }

      if (self->notes)
        for (guint i = 0; i < g_list_model_get_n_items (self->notes); i++)
          {
            g_autoptr(PkPdfNote) note = g_list_model_get_item (self->notes, i);
            if (pk_pdf_note_get_page (note) != page)
              continue;
            append_pin (snapshot, rect.origin.x + pk_pdf_note_get_x (note) * self->zoom,
                        rect.origin.y + pk_pdf_note_get_y (note) * self->zoom);
            self->n_pins_drawn++;
          }
    }
  gtk_snapshot_pop (snapshot);
}

static gboolean
pk_pdf_pages_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard,
                            GtkTooltip *tooltip)
{
  PkPdfPages *self = PK_PDF_PAGES (widget);

  if (self->notes == NULL || n_pages (self) == 0 || self->layout_width == 0)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (self->notes); i++)
    {
      g_autoptr(PkPdfNote) note = g_list_model_get_item (self->notes, i);
      double wx, wy;

      if (pk_pdf_pages_page_to_widget (self, pk_pdf_note_get_page (note), pk_pdf_note_get_x (note),
                                       pk_pdf_note_get_y (note), &wx, &wy)
          && hypot (wx - x, wy - y) <= PIN_RADIUS + 2
          && pk_pdf_note_get_text (note) != NULL)
        {
          gtk_tooltip_set_text (tooltip, pk_pdf_note_get_text (note));
          return TRUE;
        }
    }
  return FALSE;
}

static void
scale_factor_changed (PkPdfPages *self)
{
  update_cache (self);
}

static void
pk_pdf_pages_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PkPdfPages *self = PK_PDF_PAGES (object);

  switch (prop_id)
    {
    case PROP_PAGE: g_value_set_int (value, self->page); break;
    case PROP_ZOOM: g_value_set_double (value, self->zoom); break;
    case PROP_HADJUSTMENT: g_value_set_object (value, self->hadjustment); break;
    case PROP_VADJUSTMENT: g_value_set_object (value, self->vadjustment); break;
    case PROP_HSCROLL_POLICY: g_value_set_enum (value, self->hscroll_policy); break;
    case PROP_VSCROLL_POLICY: g_value_set_enum (value, self->vscroll_policy); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_pdf_pages_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PkPdfPages *self = PK_PDF_PAGES (object);

  switch (prop_id)
    {
    case PROP_PAGE: pk_pdf_pages_set_page (self, g_value_get_int (value)); break;
    case PROP_ZOOM: pk_pdf_pages_set_zoom (self, g_value_get_double (value)); break;
    case PROP_HADJUSTMENT: set_adjustment (self, &self->hadjustment, g_value_get_object (value)); break;
    case PROP_VADJUSTMENT: set_adjustment (self, &self->vadjustment, g_value_get_object (value)); break;
    case PROP_HSCROLL_POLICY: self->hscroll_policy = g_value_get_enum (value); break;
    case PROP_VSCROLL_POLICY: self->vscroll_policy = g_value_get_enum (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_pdf_pages_dispose (GObject *object)
{
  PkPdfPages *self = PK_PDF_PAGES (object);

  g_hash_table_remove_all (self->cache);
  if (self->hadjustment)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_changed, self);
  if (self->vadjustment)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->worker);
  g_clear_object (&self->notes);
  G_OBJECT_CLASS (pk_pdf_pages_parent_class)->dispose (object);
}

static void
pk_pdf_pages_finalize (GObject *object)
{
  PkPdfPages *self = PK_PDF_PAGES (object);

  g_hash_table_unref (self->cache);
  g_clear_pointer (&self->sizes, g_array_unref);
  g_clear_pointer (&self->offsets, g_array_unref);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  G_OBJECT_CLASS (pk_pdf_pages_parent_class)->finalize (object);
}

static void
pk_pdf_pages_class_init (PkPdfPagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = pk_pdf_pages_get_property;
  object_class->set_property = pk_pdf_pages_set_property;
  object_class->dispose = pk_pdf_pages_dispose;
  object_class->finalize = pk_pdf_pages_finalize;

  widget_class->size_allocate = pk_pdf_pages_size_allocate;
  widget_class->measure = pk_pdf_pages_measure;
  widget_class->snapshot = pk_pdf_pages_snapshot;
  widget_class->query_tooltip = pk_pdf_pages_query_tooltip;

  properties[PROP_PAGE] = g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 96.0 / 72.0,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "pk-pdf-pages");
}

static void
pk_pdf_pages_init (PkPdfPages *self)
{
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, entry_free);
  self->offsets = g_array_new (FALSE, TRUE, sizeof (double));
  self->zoom = 96.0 / 72.0;
  self->mode = PK_PDF_ZOOM_FIT_WIDTH;
  self->pending_page = -1;
  self->hit_page = -1;
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed), NULL);
}

void
pk_pdf_pages_set_document (PkPdfPages     *self,
                           PkRenderWorker *worker,
                           GArray         *sizes)
{
  g_return_if_fail (PK_IS_PDF_PAGES (self));

  g_hash_table_remove_all (self->cache);
  g_set_object (&self->worker, worker);
  g_clear_pointer (&self->sizes, g_array_unref);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_array_set_size (self->offsets, 0);
  self->sizes = sizes && worker ? g_array_ref (sizes) : NULL;
  self->max_width = self->max_height = 0;
  for (int i = 0; i < n_pages (self); i++)
    {
      self->max_width = MAX (self->max_width, page_size (self, i)->width);
      self->max_height = MAX (self->max_height, page_size (self, i)->height);
    }
  self->layout_width = 0;
  self->hit_page = -1;
  self->page = 0;
  self->pending_page = n_pages (self) > 0 ? 0 : -1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

int
pk_pdf_pages_get_n_pages (PkPdfPages *self)
{
  g_return_val_if_fail (PK_IS_PDF_PAGES (self), 0);
  return n_pages (self);
}

int
pk_pdf_pages_get_page (PkPdfPages *self)
{
  g_return_val_if_fail (PK_IS_PDF_PAGES (self), 0);
  return self->pending_page >= 0 ? self->pending_page : self->page;
}

void
pk_pdf_pages_set_page (PkPdfPages *self,
                       int         page)
{
  g_return_if_fail (PK_IS_PDF_PAGES (self));

  if (n_pages (self) == 0)
    return;
  page = CLAMP (page, 0, n_pages (self) - 1);
  if (self->layout_width == 0)
    {
      self->pending_page = page;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      return;
    }
  gtk_adjustment_set_value (self->vadjustment, page_top (self, page) - GAP / 2);
  /* At the end of the document the page asked for may not be the one most on screen. */
  if (self->page != page)
    {
      self->page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
}

double
pk_pdf_pages_get_zoom (PkPdfPages *self)
{
  g_return_val_if_fail (PK_IS_PDF_PAGES (self), 1);
  return self->zoom;
}

void
pk_pdf_pages_set_zoom (PkPdfPages *self,
                       double      zoom)
{
  g_return_if_fail (PK_IS_PDF_PAGES (self));

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  self->mode = PK_PDF_ZOOM_FREE;
  if (zoom == self->zoom)
    return;
  self->zoom = zoom;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  /* Relaid at once so the page under the top edge keeps its place. */
  relayout (self);
  update_cache (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

PkPdfZoomMode
pk_pdf_pages_get_zoom_mode (PkPdfPages *self)
{
  g_return_val_if_fail (PK_IS_PDF_PAGES (self), PK_PDF_ZOOM_FREE);
  return self->mode;
}

void
pk_pdf_pages_set_zoom_mode (PkPdfPages    *self,
                            PkPdfZoomMode  mode)
{
  g_return_if_fail (PK_IS_PDF_PAGES (self));

  self->mode = mode;
  relayout (self);
  /* A whole page on screen means that page from its top. */
  if (mode == PK_PDF_ZOOM_FIT_PAGE)
    pk_pdf_pages_set_page (self, pk_pdf_pages_get_page (self));
  update_cache (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
pk_pdf_pages_set_hits (PkPdfPages *self,
                       GPtrArray  *hits)
{
  g_return_if_fail (PK_IS_PDF_PAGES (self));

  g_clear_pointer (&self->hits, g_ptr_array_unref);
  if (hits && hits->len == (guint) n_pages (self))
    self->hits = g_ptr_array_ref (hits);
  self->hit_page = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pk_pdf_pages_set_current_hit (PkPdfPages *self,
                              int         page,
                              int         index)
{
  g_return_if_fail (PK_IS_PDF_PAGES (self));

  self->hit_page = self->hits && page >= 0 && page < n_pages (self) ? page : -1;
  self->hit_index = index;
  if (self->layout_width == 0)
    {
      self->pending_hit_scroll = TRUE;
      if (self->hit_page >= 0)
        self->pending_page = self->hit_page;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
  else
    scroll_hit_into_view (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pk_pdf_pages_set_notes (PkPdfPages *self,
                        GListModel *notes)
{
  g_return_if_fail (PK_IS_PDF_PAGES (self));

  if (self->notes)
    g_signal_handlers_disconnect_by_func (self->notes, gtk_widget_queue_draw, self);
  g_set_object (&self->notes, notes);
  if (notes)
    g_signal_connect_object (notes, "items-changed", G_CALLBACK (gtk_widget_queue_draw), self,
                             G_CONNECT_SWAPPED);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
pk_pdf_pages_widget_to_page (PkPdfPages *self,
                             double      wx,
                             double      wy,
                             int        *page,
                             double     *x,
                             double     *y)
{
  int p;
  graphene_rect_t rect;

  g_return_val_if_fail (PK_IS_PDF_PAGES (self), FALSE);

  if (n_pages (self) == 0 || self->layout_width == 0)
    return FALSE;
  p = page_at_offset (self, wy + vvalue (self));
  rect = page_rect (self, p);
  if (!graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (wx, wy)))
    return FALSE;
  *page = p;
  *x = (wx - rect.origin.x) / self->zoom;
  *y = (wy - rect.origin.y) / self->zoom;
  return TRUE;
}

gboolean
pk_pdf_pages_page_to_widget (PkPdfPages *self,
                             int         page,
                             double      x,
                             double      y,
                             double     *wx,
                             double     *wy)
{
  graphene_rect_t rect;

  g_return_val_if_fail (PK_IS_PDF_PAGES (self), FALSE);

  if (page < 0 || page >= n_pages (self) || self->layout_width == 0)
    return FALSE;
  rect = page_rect (self, page);
  *wx = rect.origin.x + x * self->zoom;
  *wy = rect.origin.y + y * self->zoom;
  return TRUE;
}

GdkTexture *
pk_pdf_pages_get_texture (PkPdfPages *self,
                          int         page,
                          double     *scale)
{
  Entry *entry;

  g_return_val_if_fail (PK_IS_PDF_PAGES (self), NULL);

  entry = g_hash_table_lookup (self->cache, GINT_TO_POINTER (page));
  if (entry == NULL || entry->texture == NULL)
    return NULL;
  if (scale)
    *scale = entry->texture_scale;
  return entry->texture;
}

guint
pk_pdf_pages_get_n_cached (PkPdfPages *self)
{
  g_return_val_if_fail (PK_IS_PDF_PAGES (self), 0);
  return g_hash_table_size (self->cache);
}

guint
pk_pdf_pages_get_n_pins_drawn (PkPdfPages *self)
{
  g_return_val_if_fail (PK_IS_PDF_PAGES (self), 0);
  return self->n_pins_drawn;
}
