/* pk-render-worker.c: the one thread that touches a PopplerDocument, with its job queue. */
#include "config.h"

#include "pk-render-worker.h"

#include <glib/gi18n.h>
#include <math.h>

#include "protokoll-core.h"

/* A texture larger than this (64 MB) is rendered at a lower scale and drawn stretched: deep zoom
 * on a large page must not exhaust memory. */
#define MAX_TEXTURE_PIXELS (16 * 1024 * 1024)

G_DEFINE_QUARK (pk-render-error-quark, pk_render_error)

typedef enum
{
  JOB_OPEN,
  JOB_CLOSE,
  JOB_RENDER,
  JOB_THUMBNAIL,
  JOB_FIND,
} JobKind;

/* One open document; its fields are touched only by the render thread. */
typedef struct
{
  PkPdfDocument *document;
} Document;

typedef struct
{
  JobKind kind;
  PkRenderPriority priority;
  guint64 sequence;
  GTask *task;       /* NULL for JOB_CLOSE */
  Document *doc;     /* a reference */
  int page;
  double scale;
  int width;
  char *text;
  GBytes *bytes;
} Job;

/* The one render thread of the process and its queue, for every document (as Papers'
 * single-thread job scheduler): Poppler's Cairo output shares one FreeType library between
 * documents, so even separate documents must not be worked on from two threads at once
 * (measured here: a worker thread closing one document while another thread rendered a second
 * corrupted the heap). It lives as long as the process. */
typedef struct
{
  GMutex lock;
  GCond cond;
  GCond idle;
  GList *queue;      /* of Job, unordered: picking scans it (it holds a few dozen at most) */
  guint64 next_sequence;
  gboolean busy;
} Scheduler;

struct _PkRenderWorker
{
  GObject parent_instance;
  Document *doc;
  gboolean opened;   /* an open job was queued */
};

G_DEFINE_FINAL_TYPE (PkRenderWorker, pk_render_worker, G_TYPE_OBJECT)

static gpointer render_thread (gpointer data);

static Scheduler *
get_scheduler (void)
{
  static gsize once;
  static Scheduler scheduler;

  if (g_once_init_enter (&once))
    {
      g_mutex_init (&scheduler.lock);
      g_cond_init (&scheduler.cond);
      g_cond_init (&scheduler.idle);
      g_thread_unref (g_thread_new ("pk-render", render_thread, &scheduler));
      g_once_init_leave (&once, 1);
    }
  return &scheduler;
}

static void
job_free (Job *job)
{
  g_clear_object (&job->task);
  g_clear_pointer (&job->doc, g_atomic_rc_box_release);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job->text);
  g_free (job);
}

/* Caller holds the lock. Open jobs always win; then priority; then the newest. */
static gboolean
is_open_or_close (Job *job)
{
  return job->kind == JOB_OPEN || job->kind == JOB_CLOSE;
}

static Job *
take_next_job (Scheduler *shared)
{
  GList *best = NULL;

  for (GList *l = shared->queue; l; l = l->next)
    {
      Job *job = l->data, *b = best ? best->data : NULL;

      if (b == NULL
          || is_open_or_close (job) > is_open_or_close (b)
          || (is_open_or_close (job) == is_open_or_close (b)
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
run_open (PkPdfDocument **document,
          GBytes         *bytes,
          GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  const PkPdfBackend *pdf = pk_pdf_backend_get (&local_error);
  GArray *sizes;
  int n_pages;

  g_assert (*document == NULL);
  if (pdf == NULL)
    {
      g_set_error_literal (error, PK_RENDER_ERROR, PK_RENDER_ERROR_OPEN, local_error->message);
      return NULL;
    }
  *document = pdf->document_open (bytes, &local_error);
  if (*document == NULL)
    {
      if (g_error_matches (local_error, PK_PDF_BACKEND_ERROR, PK_PDF_BACKEND_ERROR_ENCRYPTED))
        g_set_error (error, PK_RENDER_ERROR, PK_RENDER_ERROR_ENCRYPTED,
                     _("The document is protected by a password."));
      else
        g_set_error (error, PK_RENDER_ERROR, PK_RENDER_ERROR_OPEN,
                     _("The file is not a PDF document that can be read (%s)."),
                     local_error ? local_error->message : "?");
      return NULL;
    }

  n_pages = pdf->document_n_pages (*document);
  if (n_pages <= 0)
    {
      g_clear_pointer (document, pdf->document_free);
      g_set_error (error, PK_RENDER_ERROR, PK_RENDER_ERROR_OPEN, _("The document has no pages."));
      return NULL;
    }

  sizes = g_array_sized_new (FALSE, FALSE, sizeof (graphene_size_t), n_pages);
  for (int i = 0; i < n_pages; i++)
    {
      double w, h;
      graphene_size_t size;

      pdf->page_size (*document, i, &w, &h);
      size = (graphene_size_t) { w, h };
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
run_render (PkPdfDocument *document,
            int            page_index,
            double         scale,
            int            width,
            GError       **error)
{
  /* A document is open, so the module is loaded. */
  const PkPdfBackend *pdf = pk_pdf_backend_get (NULL);
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
  if (page_index < 0 || page_index >= pdf->document_n_pages (document))
    {
      g_set_error (error, PK_RENDER_ERROR, PK_RENDER_ERROR_PAGE,
                   _("The document has no page %d."), page_index + 1);
      return NULL;
    }

  pdf->page_size (document, page_index, &w, &h);
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
      return NULL;
    }

  /* Paper is white whatever the theme: the page is painted before Poppler draws on it. */
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, (double) pw / w, (double) ph / h);
  pdf->page_render (document, page_index, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* The texture takes the pixels without a copy. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * ph,
                                      free_surface_data, surface);
  texture = gdk_memory_texture_new (pw, ph, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  g_bytes_unref (bytes);
  g_object_set_data_full (G_OBJECT (texture), PK_RENDER_SURFACE_KEY, cairo_surface_reference (surface),
                          free_surface_data);
  return texture;
}

static void
free_rect_array_array (gpointer data)
{
  g_array_unref (data);
}

static GPtrArray *
run_find (PkPdfDocument *document,
          const char    *text,
          GCancellable  *cancellable,
          GError       **error)
{
  const PkPdfBackend *pdf = pk_pdf_backend_get (NULL);
  g_autoptr(GPtrArray) result = NULL;
  int n_pages;

  if (document == NULL)
    {
      g_set_error (error, PK_RENDER_ERROR, PK_RENDER_ERROR_NOT_OPEN, "no document is open");
      return NULL;
    }

  n_pages = pdf->document_n_pages (document);
  result = g_ptr_array_new_full (n_pages, free_rect_array_array);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(GArray) found = NULL;
      GArray *rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));

      g_ptr_array_add (result, rects);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      found = pdf->page_find_text (document, i, text);
      for (guint k = 0; k < found->len; k++)
        {
          PkPdfRect *r = &g_array_index (found, PkPdfRect, k);
          graphene_rect_t rect = GRAPHENE_RECT_INIT (r->x, r->y, r->width, r->height);

          g_array_append_val (rects, rect);
        }
    }
  return g_steal_pointer (&result);
}

static gpointer
render_thread (gpointer data)
{
  Scheduler *shared = data;

  for (;;)
    {
      Job *job;
      GError *error = NULL;

      g_mutex_lock (&shared->lock);
      shared->busy = FALSE;
      if (shared->queue == NULL)
        g_cond_broadcast (&shared->idle);
      while (shared->queue == NULL)
        g_cond_wait (&shared->cond, &shared->lock);
      job = take_next_job (shared);
      shared->busy = TRUE;
      g_mutex_unlock (&shared->lock);

      if (job->kind == JOB_CLOSE)
        {
          /* The document dies in the thread that made it. */
          if (job->doc->document != NULL)
            pk_pdf_backend_get (NULL)->document_free (g_steal_pointer (&job->doc->document));
          job_free (job);
          continue;
        }

      /* A job cancelled while it waited (its page scrolled away) costs nothing. */
      if (g_task_return_error_if_cancelled (job->task))
        {
          job_free (job);
          continue;
        }

      switch (job->kind)
        {
        case JOB_OPEN:
          {
            GArray *sizes = run_open (&job->doc->document, job->bytes, &error);
            if (sizes)
              g_task_return_pointer (job->task, sizes, (GDestroyNotify) g_array_unref);
            else
              g_task_return_error (job->task, error);
          }
          break;
        case JOB_RENDER:
        case JOB_THUMBNAIL:
          {
            GdkTexture *texture = run_render (job->doc->document, job->page, job->scale,
                                              job->kind == JOB_THUMBNAIL ? job->width : 0, &error);
            if (texture)
              g_task_return_pointer (job->task, texture, g_object_unref);
            else
              g_task_return_error (job->task, error);
          }
          break;
        case JOB_FIND:
          {
            GPtrArray *hits = run_find (job->doc->document, job->text,
                                        g_task_get_cancellable (job->task), &error);
            if (hits)
              g_task_return_pointer (job->task, hits, (GDestroyNotify) g_ptr_array_unref);
            else
              g_task_return_error (job->task, error);
          }
          break;
        case JOB_CLOSE:
          g_assert_not_reached ();
        }
      job_free (job);
    }
  return NULL;
}

static void
push_job (Job *job)
{
  Scheduler *shared = get_scheduler ();

  g_mutex_lock (&shared->lock);
  job->sequence = shared->next_sequence++;
  shared->queue = g_list_prepend (shared->queue, job);
  g_cond_signal (&shared->cond);
  g_mutex_unlock (&shared->lock);
}

static void
pk_render_worker_finalize (GObject *object)
{
  PkRenderWorker *self = PK_RENDER_WORKER (object);
  Job *job = g_new0 (Job, 1);

  /* Every queued job holds a reference through its GTask, so none of this document's jobs is
   * queued now; the close is queued and never waited for. */
  job->kind = JOB_CLOSE;
  job->doc = g_steal_pointer (&self->doc);
  push_job (job);

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
  self->doc = g_atomic_rc_box_new0 (Document);
}

PkRenderWorker *
pk_render_worker_new (void)
{
  return g_object_new (PK_TYPE_RENDER_WORKER, NULL);
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
  job->doc = g_atomic_rc_box_acquire (self->doc);
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
  if (self->opened)
    {
      g_task_return_new_error (job->task, PK_RENDER_ERROR, PK_RENDER_ERROR_OPEN,
                               "this worker already has a document");
      job_free (job);
      return;
    }
  self->opened = TRUE;
  job->bytes = g_bytes_ref (bytes);
  push_job (job);
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
  push_job (job);
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
  push_job (job);
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
  push_job (job);
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
pk_render_worker_get_n_queued (void)
{
  Scheduler *shared = get_scheduler ();
  guint n;

  g_mutex_lock (&shared->lock);
  n = g_list_length (shared->queue);
  g_mutex_unlock (&shared->lock);
  return n;
}

void
pk_render_worker_wait_idle (void)
{
  Scheduler *shared = get_scheduler ();

  g_mutex_lock (&shared->lock);
  while (shared->queue != NULL || shared->busy)
    g_cond_wait (&shared->idle, &shared->lock);
  g_mutex_unlock (&shared->lock);
}
