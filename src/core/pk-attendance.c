/* pk-attendance.c: One line of a meeting's roster (närvaro). */
#include "config.h"

#include "pk-util.h"

#include "pk-attendance.h"


struct _PkAttendance
{
  GObject parent_instance;

  gint64 id;
  gint64 person_id;
  char *name;
  char *organisation;
  char *title;
  PkRole role;
  char *replaces;
  char *note;
  char *from_item;
  char *to_item;
  gboolean present;
};

G_DEFINE_FINAL_TYPE (PkAttendance, pk_attendance, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PERSON_ID,
  PROP_NAME,
  PROP_ORGANISATION,
  PROP_TITLE,
  PROP_ROLE,
  PROP_REPLACES,
  PROP_NOTE,
  PROP_FROM_ITEM,
  PROP_TO_ITEM,
  PROP_PRESENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pk_attendance_finalize (GObject *object)
{
  PkAttendance *self = (PkAttendance *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->replaces, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->from_item, g_free);
  g_clear_pointer (&self->to_item, g_free);

  G_OBJECT_CLASS (pk_attendance_parent_class)->finalize (object);
}

static void
pk_attendance_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PkAttendance *self = PK_ATTENDANCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
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

    case PROP_REPLACES:
      g_value_set_string (value, self->replaces);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_FROM_ITEM:
      g_value_set_string (value, self->from_item);
      break;

    case PROP_TO_ITEM:
      g_value_set_string (value, self->to_item);
      break;

    case PROP_PRESENT:
      g_value_set_boolean (value, self->present);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_attendance_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PkAttendance *self = PK_ATTENDANCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      pk_attendance_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PERSON_ID:
      pk_attendance_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      pk_attendance_set_name (self, g_value_get_string (value));
      break;

    case PROP_ORGANISATION:
      pk_attendance_set_organisation (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      pk_attendance_set_title (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      pk_attendance_set_role (self, g_value_get_enum (value));
      break;

    case PROP_REPLACES:
      pk_attendance_set_replaces (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      pk_attendance_set_note (self, g_value_get_string (value));
      break;

    case PROP_FROM_ITEM:
      pk_attendance_set_from_item (self, g_value_get_string (value));
      break;

    case PROP_TO_ITEM:
      pk_attendance_set_to_item (self, g_value_get_string (value));
      break;

    case PROP_PRESENT:
      pk_attendance_set_present (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_attendance_class_init (PkAttendanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pk_attendance_finalize;
  object_class->get_property = pk_attendance_get_property;
  object_class->set_property = pk_attendance_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
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

  properties[PROP_REPLACES] =
    g_param_spec_string ("replaces", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FROM_ITEM] =
    g_param_spec_string ("from-item", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TO_ITEM] =
    g_param_spec_string ("to-item", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PRESENT] =
    g_param_spec_boolean ("present", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pk_attendance_init (PkAttendance *self)
{
  self->role = PK_ROLE_LEDAMOT;
  self->present = TRUE;
}

PkAttendance *
pk_attendance_new (void)
{
  return g_object_new (PK_TYPE_ATTENDANCE, NULL);
}

gint64
pk_attendance_get_id (PkAttendance *self)
{
  g_return_val_if_fail (PK_IS_ATTENDANCE (self), 0);
  return self->id;
}

void
pk_attendance_set_id (PkAttendance *self,
                     gint64 id)
{
  g_return_if_fail (PK_IS_ATTENDANCE (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
pk_attendance_get_person_id (PkAttendance *self)
{
  g_return_val_if_fail (PK_IS_ATTENDANCE (self), 0);
  return self->person_id;
}

void
pk_attendance_set_person_id (PkAttendance *self,
                            gint64 person_id)
{
  g_return_if_fail (PK_IS_ATTENDANCE (self));
  if (self->person_id == person_id)
    return;
  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

const char *
pk_attendance_get_name (PkAttendance *self)
{
  g_return_val_if_fail (PK_IS_ATTENDANCE (self), NULL);
  return self->name;
}

void
pk_attendance_set_name (PkAttendance *self,
                       const char *name)
{
  g_return_if_fail (PK_IS_ATTENDANCE (self));
  if (pk_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
pk_attendance_get_organisation (PkAttendance *self)
{
  g_return_val_if_fail (PK_IS_ATTENDANCE (self), NULL);
  return self->organisation;
}

void
pk_attendance_set_organisation (PkAttendance *self,
                               const char *organisation)
{
  g_return_if_fail (PK_IS_ATTENDANCE (self));
  if (pk_set_str (&self->organisation, organisation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
}

const char *
pk_attendance_get_title (PkAttendance *self)
{
  g_return_val_if_fail (PK_IS_ATTENDANCE (self), NULL);
  return self->title;
}

void
pk_attendance_set_title (PkAttendance *self,
                        const char *title)
{
  g_return_if_fail (PK_IS_ATTENDANCE (self));
  if (pk_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

PkRole
pk_attendance_get_role (PkAttendance *self)
{
  g_return_val_if_fail (PK_IS_ATTENDANCE (self), 0);
  return self->role;
}

void
pk_attendance_set_role (PkAttendance *self,
                       PkRole role)
{
  g_return_if_fail (PK_IS_ATTENDANCE (self));
  if (self->role == role)
    return;
  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

const char *
pk_attendance_get_replaces (PkAttendance *self)
{
  g_return_val_if_fail (PK_IS_ATTENDANCE (self), NULL);
  return self->replaces;
}

void
pk_attendance_set_replaces (PkAttendance *self,
                           const char *replaces)
{
  g_return_if_fail (PK_IS_ATTENDANCE (self));
  if (pk_set_str (&self->replaces, replaces))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPLACES]);
}

const char *
pk_attendance_get_note (PkAttendance *self)
{
  g_return_val_if_fail (PK_IS_ATTENDANCE (self), NULL);
  return self->note;
}

void
pk_attendance_set_note (PkAttendance *self,
                       const char *note)
{
  g_return_if_fail (PK_IS_ATTENDANCE (self));
  if (pk_set_str (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

const char *
pk_attendance_get_from_item (PkAttendance *self)
{
  g_return_val_if_fail (PK_IS_ATTENDANCE (self), NULL);
  return self->from_item;
}

void
pk_attendance_set_from_item (PkAttendance *self,
                            const char *from_item)
{
  g_return_if_fail (PK_IS_ATTENDANCE (self));
  if (pk_set_str (&self->from_item, from_item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_ITEM]);
}

const char *
pk_attendance_get_to_item (PkAttendance *self)
{
  g_return_val_if_fail (PK_IS_ATTENDANCE (self), NULL);
  return self->to_item;
}

void
pk_attendance_set_to_item (PkAttendance *self,
                          const char *to_item)
{
  g_return_if_fail (PK_IS_ATTENDANCE (self));
  if (pk_set_str (&self->to_item, to_item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO_ITEM]);
}

gboolean
pk_attendance_get_present (PkAttendance *self)
{
  g_return_val_if_fail (PK_IS_ATTENDANCE (self), 0);
  return self->present;
}

void
pk_attendance_set_present (PkAttendance *self,
                          gboolean present)
{
  g_return_if_fail (PK_IS_ATTENDANCE (self));
  present = !!present;
  if (self->present == present)
    return;
  self->present = present;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENT]);
}
