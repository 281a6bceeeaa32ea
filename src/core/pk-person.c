/* pk-person.c: A person: on a roster, presenting an item, or named in a decision. */
#include "config.h"

#include "pk-util.h"

#include "pk-person.h"


struct _PkPerson
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *title;
  char *organisation;
  char *email;
};

G_DEFINE_FINAL_TYPE (PkPerson, pk_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_TITLE,
  PROP_ORGANISATION,
  PROP_EMAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pk_person_finalize (GObject *object)
{
  PkPerson *self = (PkPerson *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->email, g_free);

  G_OBJECT_CLASS (pk_person_parent_class)->finalize (object);
}

static void
pk_person_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PkPerson *self = PK_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_person_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  PkPerson *self = PK_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      pk_person_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      pk_person_set_name (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      pk_person_set_title (self, g_value_get_string (value));
      break;

    case PROP_ORGANISATION:
      pk_person_set_organisation (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      pk_person_set_email (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_person_class_init (PkPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pk_person_finalize;
  object_class->get_property = pk_person_get_property;
  object_class->set_property = pk_person_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pk_person_init (PkPerson *self)
{
}

PkPerson *
pk_person_new (void)
{
  return g_object_new (PK_TYPE_PERSON, NULL);
}

gint64
pk_person_get_id (PkPerson *self)
{
  g_return_val_if_fail (PK_IS_PERSON (self), 0);
  return self->id;
}

void
pk_person_set_id (PkPerson *self,
                 gint64 id)
{
  g_return_if_fail (PK_IS_PERSON (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
pk_person_get_name (PkPerson *self)
{
  g_return_val_if_fail (PK_IS_PERSON (self), NULL);
  return self->name;
}

void
pk_person_set_name (PkPerson *self,
                   const char *name)
{
  g_return_if_fail (PK_IS_PERSON (self));
  if (pk_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
pk_person_get_title (PkPerson *self)
{
  g_return_val_if_fail (PK_IS_PERSON (self), NULL);
  return self->title;
}

void
pk_person_set_title (PkPerson *self,
                    const char *title)
{
  g_return_if_fail (PK_IS_PERSON (self));
  if (pk_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
pk_person_get_organisation (PkPerson *self)
{
  g_return_val_if_fail (PK_IS_PERSON (self), NULL);
  return self->organisation;
}

void
pk_person_set_organisation (PkPerson *self,
                           const char *organisation)
{
  g_return_if_fail (PK_IS_PERSON (self));
  if (pk_set_str (&self->organisation, organisation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
}

const char *
pk_person_get_email (PkPerson *self)
{
  g_return_val_if_fail (PK_IS_PERSON (self), NULL);
  return self->email;
}

void
pk_person_set_email (PkPerson *self,
                    const char *email)
{
  g_return_if_fail (PK_IS_PERSON (self));
  if (pk_set_str (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}
