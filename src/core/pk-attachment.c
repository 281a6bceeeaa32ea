/* pk-attachment.c: A bilaga: a PDF stored in the database, numbered meeting-wide. */
#include "config.h"

#include "pk-util.h"

#include "pk-attachment.h"


struct _PkAttachment
{
  GObject parent_instance;

  gint64 id;
  int number;
  char *title;
  char *sha256;
  int pages;
  PkProbeStatus probe_result;
};

G_DEFINE_FINAL_TYPE (PkAttachment, pk_attachment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_SHA256,
  PROP_PAGES,
  PROP_PROBE_RESULT,
  PROP_SAFE_TO_SHOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pk_attachment_finalize (GObject *object)
{
  PkAttachment *self = (PkAttachment *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->sha256, g_free);

  G_OBJECT_CLASS (pk_attachment_parent_class)->finalize (object);
}

static void
pk_attachment_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PkAttachment *self = PK_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NUMBER:
      g_value_set_int (value, self->number);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;

    case PROP_PAGES:
      g_value_set_int (value, self->pages);
      break;

    case PROP_PROBE_RESULT:
      g_value_set_enum (value, self->probe_result);
      break;

    case PROP_SAFE_TO_SHOW:
      g_value_set_boolean (value, pk_attachment_get_safe_to_show (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_attachment_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PkAttachment *self = PK_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      pk_attachment_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NUMBER:
      pk_attachment_set_number (self, g_value_get_int (value));
      break;

    case PROP_TITLE:
      pk_attachment_set_title (self, g_value_get_string (value));
      break;

    case PROP_SHA256:
      pk_attachment_set_sha256 (self, g_value_get_string (value));
      break;

    case PROP_PAGES:
      pk_attachment_set_pages (self, g_value_get_int (value));
      break;

    case PROP_PROBE_RESULT:
      pk_attachment_set_probe_result (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_attachment_class_init (PkAttachmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pk_attachment_finalize;
  object_class->get_property = pk_attachment_get_property;
  object_class->set_property = pk_attachment_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NUMBER] =
    g_param_spec_int ("number", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PAGES] =
    g_param_spec_int ("pages", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PROBE_RESULT] =
    g_param_spec_enum ("probe-result", NULL, NULL, PK_TYPE_PROBE_STATUS, PK_PROBE_STATUS_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SAFE_TO_SHOW] =
    g_param_spec_boolean ("safe-to-show", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pk_attachment_init (PkAttachment *self)
{
  self->number = -1;
  self->pages = -1;
}

PkAttachment *
pk_attachment_new (void)
{
  return g_object_new (PK_TYPE_ATTACHMENT, NULL);
}

gint64
pk_attachment_get_id (PkAttachment *self)
{
  g_return_val_if_fail (PK_IS_ATTACHMENT (self), 0);
  return self->id;
}

void
pk_attachment_set_id (PkAttachment *self,
                     gint64 id)
{
  g_return_if_fail (PK_IS_ATTACHMENT (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

int
pk_attachment_get_number (PkAttachment *self)
{
  g_return_val_if_fail (PK_IS_ATTACHMENT (self), 0);
  return self->number;
}

void
pk_attachment_set_number (PkAttachment *self,
                         int number)
{
  g_return_if_fail (PK_IS_ATTACHMENT (self));
  if (self->number == number)
    return;
  self->number = number;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

const char *
pk_attachment_get_title (PkAttachment *self)
{
  g_return_val_if_fail (PK_IS_ATTACHMENT (self), NULL);
  return self->title;
}

void
pk_attachment_set_title (PkAttachment *self,
                        const char *title)
{
  g_return_if_fail (PK_IS_ATTACHMENT (self));
  if (pk_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
pk_attachment_get_sha256 (PkAttachment *self)
{
  g_return_val_if_fail (PK_IS_ATTACHMENT (self), NULL);
  return self->sha256;
}

void
pk_attachment_set_sha256 (PkAttachment *self,
                         const char *sha256)
{
  g_return_if_fail (PK_IS_ATTACHMENT (self));
  if (pk_set_str (&self->sha256, sha256))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHA256]);
}

int
pk_attachment_get_pages (PkAttachment *self)
{
  g_return_val_if_fail (PK_IS_ATTACHMENT (self), 0);
  return self->pages;
}

void
pk_attachment_set_pages (PkAttachment *self,
                        int pages)
{
  g_return_if_fail (PK_IS_ATTACHMENT (self));
  if (self->pages == pages)
    return;
  self->pages = pages;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGES]);
}

PkProbeStatus
pk_attachment_get_probe_result (PkAttachment *self)
{
  g_return_val_if_fail (PK_IS_ATTACHMENT (self), PK_PROBE_STATUS_UNKNOWN);
  return self->probe_result;
}

void
pk_attachment_set_probe_result (PkAttachment  *self,
                                PkProbeStatus  probe_result)
{
  g_return_if_fail (PK_IS_ATTACHMENT (self));
  if (self->probe_result == probe_result)
    return;
  self->probe_result = probe_result;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBE_RESULT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAFE_TO_SHOW]);
}

/* Only a file the probe child opened, read and rendered within its limits is opened in-process. */
gboolean
pk_attachment_get_safe_to_show (PkAttachment *self)
{
  g_return_val_if_fail (PK_IS_ATTACHMENT (self), FALSE);
  return self->probe_result == PK_PROBE_STATUS_OK;
}
