/* pk-pdf-thumbnail.c: a thumbnail row; its render is cancelled as soon as the row scrolls away
 * and is recycled, so the sidebar holds only the pictures on screen. */
#include "config.h"

#include "pk-pdf-thumbnail.h"

#define THUMBNAIL_WIDTH 110  /* CSS pixels */

struct _PkPdfThumbnail
{
  GtkWidget parent_instance;
  GtkPicture *picture;
  GtkLabel *label;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (PkPdfThumbnail, pk_pdf_thumbnail, GTK_TYPE_WIDGET)

static void
thumbnail_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PkPdfThumbnail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = pk_render_worker_thumbnail_finish (PK_RENDER_WORKER (source), result, &error);

  if (texture == NULL)
    return;  /* cancelled (recycled) or a page Poppler cannot draw: the white placeholder stays */
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
}

void
pk_pdf_thumbnail_bind (PkPdfThumbnail        *self,
                       PkRenderWorker        *worker,
                       int                    page,
                       const graphene_size_t *size)
{
  g_autofree char *number = g_strdup_printf ("%d", page + 1);
  int height = (int) (THUMBNAIL_WIDTH * size->height / size->width + 0.5);

  g_return_if_fail (PK_IS_PDF_THUMBNAIL (self));

  pk_pdf_thumbnail_unbind (self);
  gtk_label_set_text (self->label, number);
  gtk_widget_set_size_request (GTK_WIDGET (self->picture), THUMBNAIL_WIDTH, CLAMP (height, 20, 400));
  self->cancellable = g_cancellable_new ();
  pk_render_worker_thumbnail_async (worker, page,
                                    THUMBNAIL_WIDTH * gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                    self->cancellable, thumbnail_done, g_object_ref (self));
}

void
pk_pdf_thumbnail_unbind (PkPdfThumbnail *self)
{
  g_return_if_fail (PK_IS_PDF_THUMBNAIL (self));

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_picture_set_paintable (self->picture, NULL);
}

gboolean
pk_pdf_thumbnail_has_texture (PkPdfThumbnail *self)
{
  g_return_val_if_fail (PK_IS_PDF_THUMBNAIL (self), FALSE);
  return gtk_picture_get_paintable (self->picture) != NULL;
}

static void
pk_pdf_thumbnail_dispose (GObject *object)
{
  PkPdfThumbnail *self = PK_PDF_THUMBNAIL (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PK_TYPE_PDF_THUMBNAIL);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))); )
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pk_pdf_thumbnail_parent_class)->dispose (object);
}

static void
pk_pdf_thumbnail_class_init (PkPdfThumbnailClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pk_pdf_thumbnail_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/protokoll/Protokoll/pk-pdf-thumbnail.ui");
  gtk_widget_class_bind_template_child (widget_class, PkPdfThumbnail, picture);
  gtk_widget_class_bind_template_child (widget_class, PkPdfThumbnail, label);
}

static void
pk_pdf_thumbnail_init (PkPdfThumbnail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pk_pdf_thumbnail_new (void)
{
  return g_object_new (PK_TYPE_PDF_THUMBNAIL, NULL);
}
