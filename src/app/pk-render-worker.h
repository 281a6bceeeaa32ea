/* pk-render-worker.h: one open PDF document, worked on only by the process's one render thread
 * (which owns every PopplerDocument): render, thumbnail and find jobs, most urgent and newest
 * first; results come back on the caller's main context. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PK_RENDER_ERROR (pk_render_error_quark ())

typedef enum
{
  PK_RENDER_ERROR_OPEN,      /* Poppler could not open the bytes */
  PK_RENDER_ERROR_ENCRYPTED, /* the document needs a password */
  PK_RENDER_ERROR_NOT_OPEN,  /* a job was queued before a successful open */
  PK_RENDER_ERROR_PAGE,      /* no such page, or the page could not be rendered */
} PkRenderError;

/* Lower runs first; within one priority the newest job runs first. */
typedef enum
{
  PK_RENDER_PRIORITY_VISIBLE,   /* a page on screen */
  PK_RENDER_PRIORITY_FIND,      /* the user waits for search results */
  PK_RENDER_PRIORITY_PRELOAD,   /* a page just outside the screen */
  PK_RENDER_PRIORITY_THUMBNAIL,
} PkRenderPriority;

GQuark pk_render_error_quark (void);

/* Rendered textures carry the cairo image surface holding their pixels under this key (object
 * data): GTK 4.8's cairo renderer converts a texture node's whole texture on every frame, a
 * cairo node painting the surface costs only the pixels on screen. */
#define PK_RENDER_SURFACE_KEY "pk-render-surface"

#define PK_TYPE_RENDER_WORKER (pk_render_worker_get_type ())
G_DECLARE_FINAL_TYPE (PkRenderWorker, pk_render_worker, PK, RENDER_WORKER, GObject)

/* Dropping the last reference never waits: the document is closed on the render thread after
 * the job running there now (Poppler can take long on a hostile file). */
PkRenderWorker *pk_render_worker_new                (void);

/* Opens @bytes in the worker thread (always runs first). The result is a GArray of
 * graphene_size_t, one per page, in PDF points. Call once per worker. */
void            pk_render_worker_open_async         (PkRenderWorker       *self,
                                                     GBytes               *bytes,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GArray         *pk_render_worker_open_finish        (PkRenderWorker       *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* Renders page @page (0-based) at @scale device pixels per PDF point on white. */
void            pk_render_worker_render_async       (PkRenderWorker       *self,
                                                     int                   page,
                                                     double                scale,
                                                     PkRenderPriority      priority,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GdkTexture     *pk_render_worker_render_finish      (PkRenderWorker       *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* Renders page @page to fit in @width device pixels, at thumbnail priority. */
void            pk_render_worker_thumbnail_async    (PkRenderWorker       *self,
                                                     int                   page,
                                                     int                   width,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GdkTexture     *pk_render_worker_thumbnail_finish   (PkRenderWorker       *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* Finds @text (case-insensitive) on every page. The result is a GPtrArray with one GArray of
 * graphene_rect_t per page, in PDF points from the page's top-left corner. */
void            pk_render_worker_find_async         (PkRenderWorker       *self,
                                                     const char           *text,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray      *pk_render_worker_find_finish        (PkRenderWorker       *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* Jobs of all documents queued and not yet started (for tests and benchmarks). */
guint           pk_render_worker_get_n_queued       (void);
/* Blocks until the render thread has nothing left to do: for tests and benchmarks only. */
void            pk_render_worker_wait_idle          (void);

G_END_DECLS
