/* pk-signoff.c: One sign-off of the minutes (justering) by a role. */
#include "config.h"

#include "pk-util.h"

#include "pk-signoff.h"


struct _PkSignoff
{
  GObject parent_instance;

  PkRole role;
  char *name;
  char *at;
  char *place;
};

G_DEFINE_FINAL_TYPE (PkSignoff, pk_signoff, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROLE,
  PROP_NAME,
  PROP_AT,
  PROP_PLACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pk_signoff_finalize (GObject *object)
{
  PkSignoff *self = (PkSignoff *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->at, g_free);
  g_clear_pointer (&self->place, g_free);

  G_OBJECT_CLASS (pk_signoff_parent_class)->finalize (object);
}

static void
pk_signoff_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PkSignoff *self = PK_SIGNOFF (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_AT:
      g_value_set_string (value, self->at);
      break;

    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_signoff_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PkSignoff *self = PK_SIGNOFF (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      pk_signoff_set_role (self, g_value_get_enum (value));
      break;

    case PROP_NAME:
      pk_signoff_set_name (self, g_value_get_string (value));
      break;

    case PROP_AT:
      pk_signoff_set_at (self, g_value_get_string (value));
      break;

    case PROP_PLACE:
      pk_signoff_set_place (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_signoff_class_init (PkSignoffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pk_signoff_finalize;
  object_class->get_property = pk_signoff_get_property;
  object_class->set_property = pk_signoff_set_property;

  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, PK_TYPE_ROLE, PK_ROLE_JUSTERARE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_AT] =
    g_param_spec_string ("at", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pk_signoff_init (PkSignoff *self)
{
  self->role = PK_ROLE_JUSTERARE;
}

PkSignoff *
pk_signoff_new (void)
{
  return g_object_new (PK_TYPE_SIGNOFF, NULL);
}

PkRole
pk_signoff_get_role (PkSignoff *self)
{
  g_return_val_if_fail (PK_IS_SIGNOFF (self), 0);
  return self->role;
}

void
pk_signoff_set_role (PkSignoff *self,
                    PkRole role)
{
  g_return_if_fail (PK_IS_SIGNOFF (self));
  if (self->role == role)
    return;
  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

const char *
pk_signoff_get_name (PkSignoff *self)
{
  g_return_val_if_fail (PK_IS_SIGNOFF (self), NULL);
  return self->name;
}

void
pk_signoff_set_name (PkSignoff *self,
                    const char *name)
{
  g_return_if_fail (PK_IS_SIGNOFF (self));
  if (pk_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
pk_signoff_get_at (PkSignoff *self)
{
  g_return_val_if_fail (PK_IS_SIGNOFF (self), NULL);
  return self->at;
}

void
pk_signoff_set_at (PkSignoff *self,
                  const char *at)
{
  g_return_if_fail (PK_IS_SIGNOFF (self));
  if (pk_set_str (&self->at, at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT]);
}

const char *
pk_signoff_get_place (PkSignoff *self)
{
  g_return_val_if_fail (PK_IS_SIGNOFF (self), NULL);
  return self->place;
}

void
pk_signoff_set_place (PkSignoff *self,
                     const char *place)
{
  g_return_if_fail (PK_IS_SIGNOFF (self));
  if (pk_set_str (&self->place, place))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE]);
}
