/* pk-pdf-note.c: a note pinned to a point of a PDF page (the lead maps annotations onto it). */
#include "config.h"

#include "pk-pdf-note.h"

struct _PkPdfNote
{
  GObject parent_instance;
  int page;
  double x;
  double y;
  char *text;
};

G_DEFINE_FINAL_TYPE (PkPdfNote, pk_pdf_note, G_TYPE_OBJECT)

enum { PROP_0, PROP_PAGE, PROP_X, PROP_Y, PROP_TEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
pk_pdf_note_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PkPdfNote *self = PK_PDF_NOTE (object);

  switch (prop_id)
    {
    case PROP_PAGE: g_value_set_int (value, self->page); break;
    case PROP_X: g_value_set_double (value, self->x); break;
    case PROP_Y: g_value_set_double (value, self->y); break;
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_pdf_note_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PkPdfNote *self = PK_PDF_NOTE (object);

  switch (prop_id)
    {
    case PROP_PAGE: self->page = g_value_get_int (value); break;
    case PROP_X: self->x = g_value_get_double (value); break;
    case PROP_Y: self->y = g_value_get_double (value); break;
    case PROP_TEXT: pk_pdf_note_set_text (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_pdf_note_finalize (GObject *object)
{
  g_free (PK_PDF_NOTE (object)->text);
  G_OBJECT_CLASS (pk_pdf_note_parent_class)->finalize (object);
}

static void
pk_pdf_note_class_init (PkPdfNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = pk_pdf_note_get_property;
  object_class->set_property = pk_pdf_note_set_property;
  object_class->finalize = pk_pdf_note_finalize;

  properties[PROP_PAGE] = g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0,
                                            G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_X] = g_param_spec_double ("x", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                                            G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_Y] = g_param_spec_double ("y", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                                            G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pk_pdf_note_init (PkPdfNote *self)
{
}

PkPdfNote *
pk_pdf_note_new (int         page,
                 double      x,
                 double      y,
                 const char *text)
{
  return g_object_new (PK_TYPE_PDF_NOTE, "page", page, "x", x, "y", y, "text", text, NULL);
}

int
pk_pdf_note_get_page (PkPdfNote *self)
{
  g_return_val_if_fail (PK_IS_PDF_NOTE (self), 0);
  return self->page;
}

double
pk_pdf_note_get_x (PkPdfNote *self)
{
  g_return_val_if_fail (PK_IS_PDF_NOTE (self), 0);
  return self->x;
}

double
pk_pdf_note_get_y (PkPdfNote *self)
{
  g_return_val_if_fail (PK_IS_PDF_NOTE (self), 0);
  return self->y;
}

const char *
pk_pdf_note_get_text (PkPdfNote *self)
{
  g_return_val_if_fail (PK_IS_PDF_NOTE (self), NULL);
  return self->text;
}

void
pk_pdf_note_set_text (PkPdfNote  *self,
                      const char *text)
{
  g_return_if_fail (PK_IS_PDF_NOTE (self));
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}
