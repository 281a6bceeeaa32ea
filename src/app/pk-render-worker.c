/* pk-render-worker.c: the one thread that touches a PopplerDocument, with its job queue. */
#include "config.h"

#include "pk-render-worker.h"

#include <glib/gi18n.h>
#include <math.h>
#include <poppler.h>

/* A texture larger than this (64 MB) is rendered at a lower scale and drawn stretched: deep zoom
 * on a large page must not exhaust memory. */
#define MAX_TEXTURE_PIXELS (16 * 1024 * 1024)

G_DEFINE_QUARK (pk-render-error-quark, pk_render_error)

typedef enum
{
  JOB_OPEN,
  JOB_RENDER,
  JOB_THUMBNAIL,
  JOB_FIND,
} JobKind;

typedef struct
{
  JobKind kind;
  PkRenderPriority priority;
  guint64 sequence;
  GTask *task;
  int page;
  double scale;
  int width;
  char *text;
  GBytes *bytes;
} Job;

/* Shared between the object and its thread; the thread keeps it alive after the object is gone. */
typedef struct
{
  GMutex lock;
  GCond cond;
  GList *queue;          /* of Job, unordered: picking scans it (it holds a few dozen at most) */
  guint64 next_sequence;
  gboolean quit;
  gboolean opened;       /* an open job was queued */
} Shared;

struct _PkRenderWorker
{
  GObject parent_instance;
  Shared *shared;
  GThread *thread;
};

G_DEFINE_FINAL_TYPE (PkRenderWorker, pk_render_worker, G_TYPE_OBJECT)

static void
job_free (Job *job)
{
  g_clear_object (&job->task);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job->text);
  g_free (job);
}

static void
shared_clear (Shared *shared)
{
  g_mutex_clear (&shared->lock);
  g_cond_clear (&shared->cond);
  g_list_free_full (shared->queue, (GDestroyNotify) job_free);
}

/* Caller holds the lock. Open jobs always win; then priority; then the newest. */
static Job *
take_next_job (Shared *shared)
{
  GList *best = NULL;

  for (GList *l = shared->queue; l; l = l->next)
    {
      Job *job = l->data, *b = best ? best->data : NULL;

      if (b == NULL
          || (job->kind == JOB_OPEN) > (b->kind == JOB_OPEN)
          || ((job->kind == JOB_OPEN) == (b->kind == JOB_OPEN)
              && (job->priority < b->priority
                  || (job->priority == b->priority && job->sequence > b->sequence))))
        best = l;
    }
  if (best == NULL)
    return NULL;

  Job *job = best->data;
  shared->queue = g_list_delete_link (shared->queue, best);
  return job;
}

static GArray *
run_open (PopplerDocument **document,
          GBytes           *bytes,
          GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  GArray *sizes;
  int n_pages;

  *document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (*document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, PK_RENDER_ERROR, PK_RENDER_ERROR_ENCRYPTED,
                     _("The document is protected by a password."));
      else
        g_set_error (error, PK_RENDER_ERROR, PK_RENDER_ERROR_OPEN,
                     _("The file is not a PDF document that can be read (%s)."),
                     local_error ? local_error->message : "?");
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (*document);
  if (n_pages <= 0)
    {
      g_clear_object (document);
      g_set_error (error, PK_RENDER_ERROR, PK_RENDER_ERROR_OPEN, _("The document has no pages."));
      return NULL;
    }

  sizes = g_array_sized_new (FALSE, FALSE, sizeof (graphene_size_t), n_pages);
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (*document, i);
      graphene_size_t size = { 612, 792 };

      if (page)
        {
          double w, h;

          poppler_page_get_size (page, &w, &h);
          if (w > 0 && h > 0)
            size = (graphene_size_t) { w, h };
          g_object_unref (page);
        }
      g_array_append_val (sizes, size);
    }
  return sizes;
}

static void
free_surface_data (gpointer surface)
{
  cairo_surface_destroy (surface);
}

static GdkTexture *
run_render (PopplerDocument *document,
            int              page_index,
            double           scale,
            int              width,
            GError         **error)
{
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h;
  int pw, ph;
  GBytes *bytes;
  GdkTexture *texture;

  if (document == NULL)
    {
      g_set_error (error, PK_RENDER_ERROR, PK_RENDER_ERROR_NOT_OPEN, "no document is open");
      return NULL;
    }
  page = page_index >= 0 && page_index < poppler_document_get_n_pages (document)
         ? poppler_document_get_page (document, page_index) : NULL;
  if (page == NULL)
    {
      g_set_error (error, PK_RENDER_ERROR, PK_RENDER_ERROR_PAGE,
                   _("The document has no page %d."), page_index + 1);
      return NULL;
    }

  poppler_page_get_size (page, &w, &h);
  if (w <= 0 || h <= 0)
    w = 612, h = 792;
  if (width > 0)
    scale = width / w;
  if (w * scale * h * scale > MAX_TEXTURE_PIXELS)
    scale = sqrt (MAX_TEXTURE_PIXELS / (w * h));
  pw = MAX (1, (int) ceil (w * scale - 1e-6));
  ph = MAX (1, (int) ceil (h * scale - 1e-6));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PK_RENDER_ERROR, PK_RENDER_ERROR_PAGE,
                   _("Page %d could not be rendered: %s"), page_index + 1,
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      g_object_unref (page);
      return NULL;
    }

  /* Paper is white whatever the theme: the page is painted before Poppler draws on it. */
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, (double) pw / w, (double) ph / h);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_object_unref (page);

  /* The texture takes the pixels without a copy. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * ph,
                                      free_surface_data, surface);
  texture = gdk_memory_texture_new (pw, ph, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  g_bytes_unref (bytes);
  return texture;
}

static void
free_rect_array_array (gpointer data)
{
  g_array_unref (data);
}

static GPtrArray *
run_find (PopplerDocument *document,
          const char      *text,
          GCancellable    *cancellable,
          GError         **error)
{
  g_autoptr(GPtrArray) result = NULL;
  int n_pages;

  if (document == NULL)
    {
      g_set_error (error, PK_RENDER_ERROR, PK_RENDER_ERROR_NOT_OPEN, "no document is open");
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (document);
  result = g_ptr_array_new_full (n_pages, free_rect_array_array);
  for (int i = 0; i < n_pages; i++)
    {
      GArray *rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
      PopplerPage *page;

      g_ptr_array_add (result, rects);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (text == NULL || *text == '\0')
        continue;

      page = poppler_document_get_page (document, i);
      if (page == NULL)
        continue;

      double w, h;
      GList *matches;

      poppler_page_get_size (page, &w, &h);
      matches = poppler_page_find_text_with_options (page, text, POPPLER_FIND_DEFAULT);
      for (GList *l = matches; l; l = l->next)
        {
          PopplerRectangle *r = l->data;
          /* Poppler's find results have their origin at the bottom left. */
          graphene_rect_t rect = GRAPHENE_RECT_INIT (MIN (r->x1, r->x2), h - MAX (r->y1, r->y2),
                                                     fabs (r->x2 - r->x1), fabs (r->y2 - r->y1));
          g_array_append_val (rects, rect);
        }
      g_list_free_full (matches, (GDestroyNotify) poppler_rectangle_free);
      g_object_unref (page);
    }
  return g_steal_pointer (&result);
}

static gpointer
worker_thread (gpointer data)
{
  Shared *shared = data;
  PopplerDocument *document = NULL;

  for (;;)
    {
      Job *job;

      g_mutex_lock (&shared->lock);
      while (shared->queue == NULL && !shared->quit)
        g_cond_wait (&shared->cond, &shared->lock);
      if (shared->quit)
        {
          g_mutex_unlock (&shared->lock);
          break;
        }
      job = take_next_job (shared);
      g_mutex_unlock (&shared->lock);

      /* A job cancelled while it waited (its page scrolled away) costs nothing. */
      if (g_task_return_error_if_cancelled (job->task))
        {
          job_free (job);
          continue;
        }

      GError *error = NULL;

      switch (job->kind)
        {
        case JOB_OPEN:
          {
            GArray *sizes = run_open (&document, job->bytes, &error);
            if (sizes)
              g_task_return_pointer (job->task, sizes, (GDestroyNotify) g_array_unref);
            else
              g_task_return_error (job->task, error);
          }
          break;
        case JOB_RENDER:
        case JOB_THUMBNAIL:
          {
            GdkTexture *texture = run_render (document, job->page, job->scale,
                                              job->kind == JOB_THUMBNAIL ? job->width : 0, &error);
            if (texture)
              g_task_return_pointer (job->task, texture, g_object_unref);
            else
              g_task_return_error (job->task, error);
          }
          break;
        case JOB_FIND:
          {
            GPtrArray *hits = run_find (document, job->text, g_task_get_cancellable (job->task),
                                        &error);
            if (hits)
              g_task_return_pointer (job->task, hits, (GDestroyNotify) g_ptr_array_unref);
            else
              g_task_return_error (job->task, error);
          }
          break;
        }
      job_free (job);
    }

  /* The document dies in the thread that made it. */
  g_clear_object (&document);
  g_atomic_rc_box_release_full (shared, (GDestroyNotify) shared_clear);
  return NULL;
}

static void
pk_render_worker_finalize (GObject *object)
{
  PkRenderWorker *self = PK_RENDER_WORKER (object);

  /* Every queued job holds a reference through its GTask, so the queue is empty here; the thread
   * may still be inside Poppler, and is not waited for. */
  g_mutex_lock (&self->shared->lock);
  self->shared->quit = TRUE;
  g_cond_signal (&self->shared->cond);
  g_mutex_unlock (&self->shared->lock);
  g_atomic_rc_box_release_full (self->shared, (GDestroyNotify) shared_clear);
  g_thread_unref (self->thread);

  G_OBJECT_CLASS (pk_render_worker_parent_class)->finalize (object);
}

static void
pk_render_worker_class_init (PkRenderWorkerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pk_render_worker_finalize;
}

static void
pk_render_worker_init (PkRenderWorker *self)
{
  self->shared = g_atomic_rc_box_new0 (Shared);
  g_mutex_init (&self->shared->lock);
  g_cond_init (&self->shared->cond);
  self->thread = g_thread_new ("pk-render", worker_thread, g_atomic_rc_box_acquire (self->shared));
}

PkRenderWorker *
pk_render_worker_new (void)
{
  return g_object_new (PK_TYPE_RENDER_WORKER, NULL);
}

static void
push_job (PkRenderWorker *self,
          Job            *job)
{
  g_mutex_lock (&self->shared->lock);
  job->sequence = self->shared->next_sequence++;
  self->shared->queue = g_list_prepend (self->shared->queue, job);
  g_cond_signal (&self->shared->cond);
  g_mutex_unlock (&self->shared->lock);
}

static Job *
job_new (PkRenderWorker      *self,
         JobKind              kind,
         PkRenderPriority     priority,
         gpointer             source_tag,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->priority = priority;
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, source_tag);
  return job;
}

void
pk_render_worker_open_async (PkRenderWorker      *self,
                             GBytes              *bytes,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PK_IS_RENDER_WORKER (self));
  g_return_if_fail (bytes != NULL);

  job = job_new (self, JOB_OPEN, PK_RENDER_PRIORITY_VISIBLE, pk_render_worker_open_async,
                 cancellable, callback, user_data);
  if (self->shared->opened)
    {
      g_task_return_new_error (job->task, PK_RENDER_ERROR, PK_RENDER_ERROR_OPEN,
                               "this worker already has a document");
      job_free (job);
      return;
    }
  self->shared->opened = TRUE;
  job->bytes = g_bytes_ref (bytes);
  push_job (self, job);
}

GArray *
pk_render_worker_open_finish (PkRenderWorker  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
pk_render_worker_render_async (PkRenderWorker      *self,
                               int                  page,
                               double               scale,
                               PkRenderPriority     priority,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PK_IS_RENDER_WORKER (self));
  g_return_if_fail (scale > 0);

  job = job_new (self, JOB_RENDER, priority, pk_render_worker_render_async,
                 cancellable, callback, user_data);
  job->page = page;
  job->scale = scale;
  push_job (self, job);
}

GdkTexture *
pk_render_worker_render_finish (PkRenderWorker  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
pk_render_worker_thumbnail_async (PkRenderWorker      *self,
                                  int                  page,
                                  int                  width,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PK_IS_RENDER_WORKER (self));
  g_return_if_fail (width > 0);

  job = job_new (self, JOB_THUMBNAIL, PK_RENDER_PRIORITY_THUMBNAIL, pk_render_worker_thumbnail_async,
                 cancellable, callback, user_data);
  job->page = page;
  job->width = width;
  job->scale = 1;
  push_job (self, job);
}

GdkTexture *
pk_render_worker_thumbnail_finish (PkRenderWorker  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
pk_render_worker_find_async (PkRenderWorker      *self,
                             const char          *text,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Job *job;

  g_return_if_fail (PK_IS_RENDER_WORKER (self));

  job = job_new (self, JOB_FIND, PK_RENDER_PRIORITY_FIND, pk_render_worker_find_async,
                 cancellable, callback, user_data);
  job->text = g_strdup (text);
  push_job (self, job);
}

GPtrArray *
pk_render_worker_find_finish (PkRenderWorker  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
pk_render_worker_get_n_queued (PkRenderWorker *self)
{
  guint n;

  g_return_val_if_fail (PK_IS_RENDER_WORKER (self), 0);

  g_mutex_lock (&self->shared->lock);
  n = g_list_length (self->shared->queue);
  g_mutex_unlock (&self->shared->lock);
  return n;
}
