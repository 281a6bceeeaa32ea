/* pk-annotation.c: a private note pinned to a rectangle on one page of a bilaga. */
#include "config.h"

#include "pk-util.h"

#include "pk-annotation.h"

struct _PkAnnotation
{
  GObject parent_instance;

  gint64 id;
  gint64 attachment_id;
  int page;
  double x;
  double y;
  double width;
  double height;
  char *text;
  char *created_at;
};

G_DEFINE_FINAL_TYPE (PkAnnotation, pk_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ATTACHMENT_ID,
  PROP_PAGE,
  PROP_X,
  PROP_Y,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_TEXT,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pk_annotation_finalize (GObject *object)
{
  PkAnnotation *self = (PkAnnotation *) object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->created_at, g_free);

  G_OBJECT_CLASS (pk_annotation_parent_class)->finalize (object);
}

static void
pk_annotation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PkAnnotation *self = PK_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_ATTACHMENT_ID:
      g_value_set_int64 (value, self->attachment_id);
      break;

    case PROP_PAGE:
      g_value_set_int (value, self->page);
      break;

    case PROP_X:
      g_value_set_double (value, self->x);
      break;

    case PROP_Y:
      g_value_set_double (value, self->y);
      break;

    case PROP_WIDTH:
      g_value_set_double (value, self->width);
      break;

    case PROP_HEIGHT:
      g_value_set_double (value, self->height);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_annotation_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PkAnnotation *self = PK_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      pk_annotation_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ATTACHMENT_ID:
      pk_annotation_set_attachment_id (self, g_value_get_int64 (value));
      break;

    case PROP_PAGE:
      pk_annotation_set_page (self, g_value_get_int (value));
      break;

    case PROP_X:
      pk_annotation_set_x (self, g_value_get_double (value));
      break;

    case PROP_Y:
      pk_annotation_set_y (self, g_value_get_double (value));
      break;

    case PROP_WIDTH:
      pk_annotation_set_width (self, g_value_get_double (value));
      break;

    case PROP_HEIGHT:
      pk_annotation_set_height (self, g_value_get_double (value));
      break;

    case PROP_TEXT:
      pk_annotation_set_text (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      pk_annotation_set_created_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_annotation_class_init (PkAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pk_annotation_finalize;
  object_class->get_property = pk_annotation_get_property;
  object_class->set_property = pk_annotation_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ATTACHMENT_ID] =
    g_param_spec_int64 ("attachment-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PAGE] =
    g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_X] =
    g_param_spec_double ("x", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_Y] =
    g_param_spec_double ("y", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_WIDTH] =
    g_param_spec_double ("width", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HEIGHT] =
    g_param_spec_double ("height", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pk_annotation_init (PkAnnotation *self)
{
}

PkAnnotation *
pk_annotation_new (void)
{
  return g_object_new (PK_TYPE_ANNOTATION, NULL);
}

gint64
pk_annotation_get_id (PkAnnotation *self)
{
  g_return_val_if_fail (PK_IS_ANNOTATION (self), 0);
  return self->id;
}

void
pk_annotation_set_id (PkAnnotation *self,
                      gint64 id)
{
  g_return_if_fail (PK_IS_ANNOTATION (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
pk_annotation_get_attachment_id (PkAnnotation *self)
{
  g_return_val_if_fail (PK_IS_ANNOTATION (self), 0);
  return self->attachment_id;
}

void
pk_annotation_set_attachment_id (PkAnnotation *self,
                                 gint64 attachment_id)
{
  g_return_if_fail (PK_IS_ANNOTATION (self));
  if (self->attachment_id == attachment_id)
    return;
  self->attachment_id = attachment_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTACHMENT_ID]);
}

int
pk_annotation_get_page (PkAnnotation *self)
{
  g_return_val_if_fail (PK_IS_ANNOTATION (self), 0);
  return self->page;
}

void
pk_annotation_set_page (PkAnnotation *self,
                        int page)
{
  g_return_if_fail (PK_IS_ANNOTATION (self));
  if (self->page == page)
    return;
  self->page = page;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

double
pk_annotation_get_x (PkAnnotation *self)
{
  g_return_val_if_fail (PK_IS_ANNOTATION (self), 0);
  return self->x;
}

void
pk_annotation_set_x (PkAnnotation *self,
                     double x)
{
  g_return_if_fail (PK_IS_ANNOTATION (self));
  if (self->x == x)
    return;
  self->x = x;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_X]);
}

double
pk_annotation_get_y (PkAnnotation *self)
{
  g_return_val_if_fail (PK_IS_ANNOTATION (self), 0);
  return self->y;
}

void
pk_annotation_set_y (PkAnnotation *self,
                     double y)
{
  g_return_if_fail (PK_IS_ANNOTATION (self));
  if (self->y == y)
    return;
  self->y = y;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_Y]);
}

double
pk_annotation_get_width (PkAnnotation *self)
{
  g_return_val_if_fail (PK_IS_ANNOTATION (self), 0);
  return self->width;
}

void
pk_annotation_set_width (PkAnnotation *self,
                         double width)
{
  g_return_if_fail (PK_IS_ANNOTATION (self));
  if (self->width == width)
    return;
  self->width = width;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDTH]);
}

double
pk_annotation_get_height (PkAnnotation *self)
{
  g_return_val_if_fail (PK_IS_ANNOTATION (self), 0);
  return self->height;
}

void
pk_annotation_set_height (PkAnnotation *self,
                          double height)
{
  g_return_if_fail (PK_IS_ANNOTATION (self));
  if (self->height == height)
    return;
  self->height = height;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEIGHT]);
}

const char *
pk_annotation_get_text (PkAnnotation *self)
{
  g_return_val_if_fail (PK_IS_ANNOTATION (self), NULL);
  return self->text;
}

void
pk_annotation_set_text (PkAnnotation *self,
                        const char *text)
{
  g_return_if_fail (PK_IS_ANNOTATION (self));
  if (pk_set_str (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
pk_annotation_get_created_at (PkAnnotation *self)
{
  g_return_val_if_fail (PK_IS_ANNOTATION (self), NULL);
  return self->created_at;
}

void
pk_annotation_set_created_at (PkAnnotation *self,
                              const char *created_at)
{
  g_return_if_fail (PK_IS_ANNOTATION (self));
  if (pk_set_str (&self->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}
