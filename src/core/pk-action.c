/* pk-action.c: An action (uppdrag) with owner and due date. */
#include "config.h"

#include "pk-util.h"

#include "pk-action.h"


struct _PkAction
{
  GObject parent_instance;

  gint64 id;
  char *text;
  char *owner;
  char *due;
  PkActionState state;
};

G_DEFINE_FINAL_TYPE (PkAction, pk_action, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_OWNER,
  PROP_DUE,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pk_action_finalize (GObject *object)
{
  PkAction *self = (PkAction *) object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->due, g_free);

  G_OBJECT_CLASS (pk_action_parent_class)->finalize (object);
}

static void
pk_action_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PkAction *self = PK_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_DUE:
      g_value_set_string (value, self->due);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_action_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  PkAction *self = PK_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      pk_action_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_TEXT:
      pk_action_set_text (self, g_value_get_string (value));
      break;

    case PROP_OWNER:
      pk_action_set_owner (self, g_value_get_string (value));
      break;

    case PROP_DUE:
      pk_action_set_due (self, g_value_get_string (value));
      break;

    case PROP_STATE:
      pk_action_set_state (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_action_class_init (PkActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pk_action_finalize;
  object_class->get_property = pk_action_get_property;
  object_class->set_property = pk_action_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DUE] =
    g_param_spec_string ("due", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, PK_TYPE_ACTION_STATE, PK_ACTION_STATE_OPEN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pk_action_init (PkAction *self)
{
  self->state = PK_ACTION_STATE_OPEN;
}

PkAction *
pk_action_new (void)
{
  return g_object_new (PK_TYPE_ACTION, NULL);
}

gint64
pk_action_get_id (PkAction *self)
{
  g_return_val_if_fail (PK_IS_ACTION (self), 0);
  return self->id;
}

void
pk_action_set_id (PkAction *self,
                 gint64 id)
{
  g_return_if_fail (PK_IS_ACTION (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
pk_action_get_text (PkAction *self)
{
  g_return_val_if_fail (PK_IS_ACTION (self), NULL);
  return self->text;
}

void
pk_action_set_text (PkAction *self,
                   const char *text)
{
  g_return_if_fail (PK_IS_ACTION (self));
  if (pk_set_str (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
pk_action_get_owner (PkAction *self)
{
  g_return_val_if_fail (PK_IS_ACTION (self), NULL);
  return self->owner;
}

void
pk_action_set_owner (PkAction *self,
                    const char *owner)
{
  g_return_if_fail (PK_IS_ACTION (self));
  if (pk_set_str (&self->owner, owner))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

const char *
pk_action_get_due (PkAction *self)
{
  g_return_val_if_fail (PK_IS_ACTION (self), NULL);
  return self->due;
}

void
pk_action_set_due (PkAction *self,
                  const char *due)
{
  g_return_if_fail (PK_IS_ACTION (self));
  if (pk_set_str (&self->due, due))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE]);
}

PkActionState
pk_action_get_state (PkAction *self)
{
  g_return_val_if_fail (PK_IS_ACTION (self), 0);
  return self->state;
}

void
pk_action_set_state (PkAction *self,
                    PkActionState state)
{
  g_return_if_fail (PK_IS_ACTION (self));
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}
