/* pk-membership.c: A person's seat in a body (organ): role and the dates it runs from and to. */
#include "config.h"

#include "pk-util.h"

#include "pk-membership.h"


struct _PkMembership
{
  GObject parent_instance;

  gint64 id;
  char *body;
  gint64 person_id;
  char *name;
  char *organisation;
  char *title;
  PkRole role;
  char *from_date;
  char *to_date;
};

G_DEFINE_FINAL_TYPE (PkMembership, pk_membership, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_BODY,
  PROP_PERSON_ID,
  PROP_NAME,
  PROP_ORGANISATION,
  PROP_TITLE,
  PROP_ROLE,
  PROP_FROM_DATE,
  PROP_TO_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pk_membership_finalize (GObject *object)
{
  PkMembership *self = (PkMembership *) object;

  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->from_date, g_free);
  g_clear_pointer (&self->to_date, g_free);

  G_OBJECT_CLASS (pk_membership_parent_class)->finalize (object);
}

static void
pk_membership_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PkMembership *self = PK_MEMBERSHIP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_FROM_DATE:
      g_value_set_string (value, self->from_date);
      break;

    case PROP_TO_DATE:
      g_value_set_string (value, self->to_date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_membership_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PkMembership *self = PK_MEMBERSHIP (object);

  switch (prop_id)
    {
    case PROP_ID:
      pk_membership_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_BODY:
      pk_membership_set_body (self, g_value_get_string (value));
      break;

    case PROP_PERSON_ID:
      pk_membership_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      pk_membership_set_name (self, g_value_get_string (value));
      break;

    case PROP_ORGANISATION:
      pk_membership_set_organisation (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      pk_membership_set_title (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      pk_membership_set_role (self, g_value_get_enum (value));
      break;

    case PROP_FROM_DATE:
      pk_membership_set_from_date (self, g_value_get_string (value));
      break;

    case PROP_TO_DATE:
      pk_membership_set_to_date (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_membership_class_init (PkMembershipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pk_membership_finalize;
  object_class->get_property = pk_membership_get_property;
  object_class->set_property = pk_membership_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, PK_TYPE_ROLE, PK_ROLE_LEDAMOT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FROM_DATE] =
    g_param_spec_string ("from-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TO_DATE] =
    g_param_spec_string ("to-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pk_membership_init (PkMembership *self)
{
  self->role = PK_ROLE_LEDAMOT;
}

PkMembership *
pk_membership_new (void)
{
  return g_object_new (PK_TYPE_MEMBERSHIP, NULL);
}

gint64
pk_membership_get_id (PkMembership *self)
{
  g_return_val_if_fail (PK_IS_MEMBERSHIP (self), 0);
  return self->id;
}

void
pk_membership_set_id (PkMembership *self,
                     gint64 id)
{
  g_return_if_fail (PK_IS_MEMBERSHIP (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
pk_membership_get_body (PkMembership *self)
{
  g_return_val_if_fail (PK_IS_MEMBERSHIP (self), NULL);
  return self->body;
}

void
pk_membership_set_body (PkMembership *self,
                       const char *body)
{
  g_return_if_fail (PK_IS_MEMBERSHIP (self));
  if (pk_set_str (&self->body, body))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

gint64
pk_membership_get_person_id (PkMembership *self)
{
  g_return_val_if_fail (PK_IS_MEMBERSHIP (self), 0);
  return self->person_id;
}

void
pk_membership_set_person_id (PkMembership *self,
                            gint64 person_id)
{
  g_return_if_fail (PK_IS_MEMBERSHIP (self));
  if (self->person_id == person_id)
    return;
  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

const char *
pk_membership_get_name (PkMembership *self)
{
  g_return_val_if_fail (PK_IS_MEMBERSHIP (self), NULL);
  return self->name;
}

void
pk_membership_set_name (PkMembership *self,
                       const char *name)
{
  g_return_if_fail (PK_IS_MEMBERSHIP (self));
  if (pk_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
pk_membership_get_organisation (PkMembership *self)
{
  g_return_val_if_fail (PK_IS_MEMBERSHIP (self), NULL);
  return self->organisation;
}

void
pk_membership_set_organisation (PkMembership *self,
                               const char *organisation)
{
  g_return_if_fail (PK_IS_MEMBERSHIP (self));
  if (pk_set_str (&self->organisation, organisation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
}

const char *
pk_membership_get_title (PkMembership *self)
{
  g_return_val_if_fail (PK_IS_MEMBERSHIP (self), NULL);
  return self->title;
}

void
pk_membership_set_title (PkMembership *self,
                        const char *title)
{
  g_return_if_fail (PK_IS_MEMBERSHIP (self));
  if (pk_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

PkRole
pk_membership_get_role (PkMembership *self)
{
  g_return_val_if_fail (PK_IS_MEMBERSHIP (self), 0);
  return self->role;
}

void
pk_membership_set_role (PkMembership *self,
                       PkRole role)
{
  g_return_if_fail (PK_IS_MEMBERSHIP (self));
  if (self->role == role)
    return;
  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

const char *
pk_membership_get_from_date (PkMembership *self)
{
  g_return_val_if_fail (PK_IS_MEMBERSHIP (self), NULL);
  return self->from_date;
}

void
pk_membership_set_from_date (PkMembership *self,
                            const char *from_date)
{
  g_return_if_fail (PK_IS_MEMBERSHIP (self));
  if (pk_set_str (&self->from_date, from_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_DATE]);
}

const char *
pk_membership_get_to_date (PkMembership *self)
{
  g_return_val_if_fail (PK_IS_MEMBERSHIP (self), NULL);
  return self->to_date;
}

void
pk_membership_set_to_date (PkMembership *self,
                          const char *to_date)
{
  g_return_if_fail (PK_IS_MEMBERSHIP (self));
  if (pk_set_str (&self->to_date, to_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO_DATE]);
}
