/* pk-action-entry.c: one row of the action register: an action with where it was decided. */
#include "config.h"

#include "pk-enum-types.h"

#include "pk-action-entry.h"

struct _PkActionEntry
{
  GObject parent_instance;

  gint64 id;
  char *text;
  char *owner;
  char *due;
  PkActionState state;
  gboolean overdue;
  gint64 carried_from;
  gint64 meeting_id;
  char *meeting_date;
  char *meeting_title;
  PkMeetingStatus meeting_status;
  char *body;
  char *item_number;
  char *item_title;
};

G_DEFINE_FINAL_TYPE (PkActionEntry, pk_action_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_OWNER,
  PROP_DUE,
  PROP_STATE,
  PROP_OVERDUE,
  PROP_CARRIED_FROM,
  PROP_MEETING_ID,
  PROP_MEETING_DATE,
  PROP_MEETING_TITLE,
  PROP_MEETING_STATUS,
  PROP_BODY,
  PROP_ITEM_NUMBER,
  PROP_ITEM_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pk_action_entry_finalize (GObject *object)
{
  PkActionEntry *self = (PkActionEntry *) object;

  g_free (self->text);
  g_free (self->owner);
  g_free (self->due);
  g_free (self->meeting_date);
  g_free (self->meeting_title);
  g_free (self->body);
  g_free (self->item_number);
  g_free (self->item_title);

  G_OBJECT_CLASS (pk_action_entry_parent_class)->finalize (object);
}

static void
pk_action_entry_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PkActionEntry *self = PK_ACTION_ENTRY (object);

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

    case PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;

    case PROP_CARRIED_FROM:
      g_value_set_int64 (value, self->carried_from);
      break;

    case PROP_MEETING_ID:
      g_value_set_int64 (value, self->meeting_id);
      break;

    case PROP_MEETING_DATE:
      g_value_set_string (value, self->meeting_date);
      break;

    case PROP_MEETING_TITLE:
      g_value_set_string (value, self->meeting_title);
      break;

    case PROP_MEETING_STATUS:
      g_value_set_enum (value, self->meeting_status);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_ITEM_NUMBER:
      g_value_set_string (value, self->item_number);
      break;

    case PROP_ITEM_TITLE:
      g_value_set_string (value, self->item_title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_action_entry_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PkActionEntry *self = PK_ACTION_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_TEXT:
      g_free (self->text);
      self->text = g_value_dup_string (value);
      break;

    case PROP_OWNER:
      g_free (self->owner);
      self->owner = g_value_dup_string (value);
      break;

    case PROP_DUE:
      g_free (self->due);
      self->due = g_value_dup_string (value);
      break;

    case PROP_STATE:
      self->state = g_value_get_enum (value);
      break;

    case PROP_OVERDUE:
      self->overdue = g_value_get_boolean (value);
      break;

    case PROP_CARRIED_FROM:
      self->carried_from = g_value_get_int64 (value);
      break;

    case PROP_MEETING_ID:
      self->meeting_id = g_value_get_int64 (value);
      break;

    case PROP_MEETING_DATE:
      g_free (self->meeting_date);
      self->meeting_date = g_value_dup_string (value);
      break;

    case PROP_MEETING_TITLE:
      g_free (self->meeting_title);
      self->meeting_title = g_value_dup_string (value);
      break;

    case PROP_MEETING_STATUS:
      self->meeting_status = g_value_get_enum (value);
      break;

    case PROP_BODY:
      g_free (self->body);
      self->body = g_value_dup_string (value);
      break;

    case PROP_ITEM_NUMBER:
      g_free (self->item_number);
      self->item_number = g_value_dup_string (value);
      break;

    case PROP_ITEM_TITLE:
      g_free (self->item_title);
      self->item_title = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_action_entry_class_init (PkActionEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pk_action_entry_finalize;
  object_class->get_property = pk_action_entry_get_property;
  object_class->set_property = pk_action_entry_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DUE] =
    g_param_spec_string ("due", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, PK_TYPE_ACTION_STATE, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_OVERDUE] =
    g_param_spec_boolean ("overdue", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CARRIED_FROM] =
    g_param_spec_int64 ("carried-from", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MEETING_ID] =
    g_param_spec_int64 ("meeting-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MEETING_DATE] =
    g_param_spec_string ("meeting-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MEETING_TITLE] =
    g_param_spec_string ("meeting-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MEETING_STATUS] =
    g_param_spec_enum ("meeting-status", NULL, NULL, PK_TYPE_MEETING_STATUS, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ITEM_NUMBER] =
    g_param_spec_string ("item-number", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ITEM_TITLE] =
    g_param_spec_string ("item-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pk_action_entry_init (PkActionEntry *self)
{
}

gint64
pk_action_entry_get_id (PkActionEntry *self)
{
  g_return_val_if_fail (PK_IS_ACTION_ENTRY (self), 0);
  return self->id;
}

const char *
pk_action_entry_get_text (PkActionEntry *self)
{
  g_return_val_if_fail (PK_IS_ACTION_ENTRY (self), NULL);
  return self->text;
}

const char *
pk_action_entry_get_owner (PkActionEntry *self)
{
  g_return_val_if_fail (PK_IS_ACTION_ENTRY (self), NULL);
  return self->owner;
}

const char *
pk_action_entry_get_due (PkActionEntry *self)
{
  g_return_val_if_fail (PK_IS_ACTION_ENTRY (self), NULL);
  return self->due;
}

PkActionState
pk_action_entry_get_state (PkActionEntry *self)
{
  g_return_val_if_fail (PK_IS_ACTION_ENTRY (self), 0);
  return self->state;
}

gboolean
pk_action_entry_get_overdue (PkActionEntry *self)
{
  g_return_val_if_fail (PK_IS_ACTION_ENTRY (self), 0);
  return self->overdue;
}

gint64
pk_action_entry_get_carried_from (PkActionEntry *self)
{
  g_return_val_if_fail (PK_IS_ACTION_ENTRY (self), 0);
  return self->carried_from;
}

gint64
pk_action_entry_get_meeting_id (PkActionEntry *self)
{
  g_return_val_if_fail (PK_IS_ACTION_ENTRY (self), 0);
  return self->meeting_id;
}

const char *
pk_action_entry_get_meeting_date (PkActionEntry *self)
{
  g_return_val_if_fail (PK_IS_ACTION_ENTRY (self), NULL);
  return self->meeting_date;
}

const char *
pk_action_entry_get_meeting_title (PkActionEntry *self)
{
  g_return_val_if_fail (PK_IS_ACTION_ENTRY (self), NULL);
  return self->meeting_title;
}

PkMeetingStatus
pk_action_entry_get_meeting_status (PkActionEntry *self)
{
  g_return_val_if_fail (PK_IS_ACTION_ENTRY (self), 0);
  return self->meeting_status;
}

const char *
pk_action_entry_get_body (PkActionEntry *self)
{
  g_return_val_if_fail (PK_IS_ACTION_ENTRY (self), NULL);
  return self->body;
}

const char *
pk_action_entry_get_item_number (PkActionEntry *self)
{
  g_return_val_if_fail (PK_IS_ACTION_ENTRY (self), NULL);
  return self->item_number;
}

const char *
pk_action_entry_get_item_title (PkActionEntry *self)
{
  g_return_val_if_fail (PK_IS_ACTION_ENTRY (self), NULL);
  return self->item_title;
}

void
pk_action_entry_set_state (PkActionEntry *self,
                           PkActionState  state,
                           const char    *today)
{
  gboolean overdue;

  g_return_if_fail (PK_IS_ACTION_ENTRY (self));

  overdue = state == PK_ACTION_STATE_OPEN && self->due != NULL && today != NULL && g_strcmp0 (self->due, today) < 0;
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (self->overdue != overdue)
    {
      self->overdue = overdue;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
    }
}
