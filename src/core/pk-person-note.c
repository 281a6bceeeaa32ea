/* pk-person-note.c: A named person's statement: a recusal (jäv) reason, a reservation or a protokollsanteckning. */
#include "config.h"

#include "pk-util.h"

#include "pk-person-note.h"


struct _PkPersonNote
{
  GObject parent_instance;

  char *name;
  char *text;
};

G_DEFINE_FINAL_TYPE (PkPersonNote, pk_person_note, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pk_person_note_finalize (GObject *object)
{
  PkPersonNote *self = (PkPersonNote *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (pk_person_note_parent_class)->finalize (object);
}

static void
pk_person_note_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PkPersonNote *self = PK_PERSON_NOTE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_person_note_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PkPersonNote *self = PK_PERSON_NOTE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      pk_person_note_set_name (self, g_value_get_string (value));
      break;

    case PROP_TEXT:
      pk_person_note_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_person_note_class_init (PkPersonNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pk_person_note_finalize;
  object_class->get_property = pk_person_note_get_property;
  object_class->set_property = pk_person_note_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pk_person_note_init (PkPersonNote *self)
{
}

PkPersonNote *
pk_person_note_new (void)
{
  return g_object_new (PK_TYPE_PERSON_NOTE, NULL);
}

const char *
pk_person_note_get_name (PkPersonNote *self)
{
  g_return_val_if_fail (PK_IS_PERSON_NOTE (self), NULL);
  return self->name;
}

void
pk_person_note_set_name (PkPersonNote *self,
                        const char *name)
{
  g_return_if_fail (PK_IS_PERSON_NOTE (self));
  if (pk_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
pk_person_note_get_text (PkPersonNote *self)
{
  g_return_val_if_fail (PK_IS_PERSON_NOTE (self), NULL);
  return self->text;
}

void
pk_person_note_set_text (PkPersonNote *self,
                        const char *text)
{
  g_return_if_fail (PK_IS_PERSON_NOTE (self));
  if (pk_set_str (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}
