/* pk-meeting.c: A meeting: header fields, roster, agenda items and sign-offs. */
#include "config.h"

#include "pk-util.h"

#include "pk-meeting.h"

#include "pk-attendance.h"
#include "pk-agenda-item.h"
#include "pk-attachment.h"
#include "pk-signoff.h"

struct _PkMeeting
{
  GObject parent_instance;

  gint64 id;
  char *body;
  PkMeetingKind kind;
  char *title;
  char *dnr;
  char *date;
  char *start_time;
  char *end_time;
  char *place;
  char *online_link;
  PkMeetingStatus status;
  char *recorded_by;
  int version;
  char *content_sha256;
  GListStore *attendees;
  GListStore *items;
  GListStore *signoffs;
};

G_DEFINE_FINAL_TYPE (PkMeeting, pk_meeting, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_BODY,
  PROP_KIND,
  PROP_TITLE,
  PROP_DNR,
  PROP_DATE,
  PROP_START_TIME,
  PROP_END_TIME,
  PROP_PLACE,
  PROP_ONLINE_LINK,
  PROP_STATUS,
  PROP_RECORDED_BY,
  PROP_VERSION,
  PROP_CONTENT_SHA256,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pk_meeting_finalize (GObject *object)
{
  PkMeeting *self = (PkMeeting *) object;

  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->dnr, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->start_time, g_free);
  g_clear_pointer (&self->end_time, g_free);
  g_clear_pointer (&self->place, g_free);
  g_clear_pointer (&self->online_link, g_free);
  g_clear_pointer (&self->recorded_by, g_free);
  g_clear_pointer (&self->content_sha256, g_free);
  g_clear_object (&self->attendees);
  g_clear_object (&self->items);
  g_clear_object (&self->signoffs);

  G_OBJECT_CLASS (pk_meeting_parent_class)->finalize (object);
}

static void
pk_meeting_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PkMeeting *self = PK_MEETING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DNR:
      g_value_set_string (value, self->dnr);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_START_TIME:
      g_value_set_string (value, self->start_time);
      break;

    case PROP_END_TIME:
      g_value_set_string (value, self->end_time);
      break;

    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;

    case PROP_ONLINE_LINK:
      g_value_set_string (value, self->online_link);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_RECORDED_BY:
      g_value_set_string (value, self->recorded_by);
      break;

    case PROP_VERSION:
      g_value_set_int (value, self->version);
      break;

    case PROP_CONTENT_SHA256:
      g_value_set_string (value, self->content_sha256);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_meeting_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PkMeeting *self = PK_MEETING (object);

  switch (prop_id)
    {
    case PROP_ID:
      pk_meeting_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_BODY:
      pk_meeting_set_body (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      pk_meeting_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_TITLE:
      pk_meeting_set_title (self, g_value_get_string (value));
      break;

    case PROP_DNR:
      pk_meeting_set_dnr (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      pk_meeting_set_date (self, g_value_get_string (value));
      break;

    case PROP_START_TIME:
      pk_meeting_set_start_time (self, g_value_get_string (value));
      break;

    case PROP_END_TIME:
      pk_meeting_set_end_time (self, g_value_get_string (value));
      break;

    case PROP_PLACE:
      pk_meeting_set_place (self, g_value_get_string (value));
      break;

    case PROP_ONLINE_LINK:
      pk_meeting_set_online_link (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      pk_meeting_set_status (self, g_value_get_enum (value));
      break;

    case PROP_RECORDED_BY:
      pk_meeting_set_recorded_by (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      pk_meeting_set_version (self, g_value_get_int (value));
      break;

    case PROP_CONTENT_SHA256:
      pk_meeting_set_content_sha256 (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_meeting_class_init (PkMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pk_meeting_finalize;
  object_class->get_property = pk_meeting_get_property;
  object_class->set_property = pk_meeting_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, PK_TYPE_MEETING_KIND, PK_MEETING_KIND_PROTOKOLL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DNR] =
    g_param_spec_string ("dnr", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_START_TIME] =
    g_param_spec_string ("start-time", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_END_TIME] =
    g_param_spec_string ("end-time", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ONLINE_LINK] =
    g_param_spec_string ("online-link", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, PK_TYPE_MEETING_STATUS, PK_MEETING_STATUS_DRAFT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_RECORDED_BY] =
    g_param_spec_string ("recorded-by", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_VERSION] =
    g_param_spec_int ("version", NULL, NULL, -1, G_MAXINT, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CONTENT_SHA256] =
    g_param_spec_string ("content-sha256", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pk_meeting_init (PkMeeting *self)
{
  self->kind = PK_MEETING_KIND_PROTOKOLL;
  self->status = PK_MEETING_STATUS_DRAFT;
  self->version = 1;
  self->attendees = g_list_store_new (PK_TYPE_ATTENDANCE);
  self->items = g_list_store_new (PK_TYPE_AGENDA_ITEM);
  self->signoffs = g_list_store_new (PK_TYPE_SIGNOFF);
}

PkMeeting *
pk_meeting_new (void)
{
  return g_object_new (PK_TYPE_MEETING, NULL);
}

gint64
pk_meeting_get_id (PkMeeting *self)
{
  g_return_val_if_fail (PK_IS_MEETING (self), 0);
  return self->id;
}

void
pk_meeting_set_id (PkMeeting *self,
                  gint64 id)
{
  g_return_if_fail (PK_IS_MEETING (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
pk_meeting_get_body (PkMeeting *self)
{
  g_return_val_if_fail (PK_IS_MEETING (self), NULL);
  return self->body;
}

void
pk_meeting_set_body (PkMeeting *self,
                    const char *body)
{
  g_return_if_fail (PK_IS_MEETING (self));
  if (pk_set_str (&self->body, body))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

PkMeetingKind
pk_meeting_get_kind (PkMeeting *self)
{
  g_return_val_if_fail (PK_IS_MEETING (self), 0);
  return self->kind;
}

void
pk_meeting_set_kind (PkMeeting *self,
                    PkMeetingKind kind)
{
  g_return_if_fail (PK_IS_MEETING (self));
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
pk_meeting_get_title (PkMeeting *self)
{
  g_return_val_if_fail (PK_IS_MEETING (self), NULL);
  return self->title;
}

void
pk_meeting_set_title (PkMeeting *self,
                     const char *title)
{
  g_return_if_fail (PK_IS_MEETING (self));
  if (pk_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
pk_meeting_get_dnr (PkMeeting *self)
{
  g_return_val_if_fail (PK_IS_MEETING (self), NULL);
  return self->dnr;
}

void
pk_meeting_set_dnr (PkMeeting *self,
                   const char *dnr)
{
  g_return_if_fail (PK_IS_MEETING (self));
  if (pk_set_str (&self->dnr, dnr))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DNR]);
}

const char *
pk_meeting_get_date (PkMeeting *self)
{
  g_return_val_if_fail (PK_IS_MEETING (self), NULL);
  return self->date;
}

void
pk_meeting_set_date (PkMeeting *self,
                    const char *date)
{
  g_return_if_fail (PK_IS_MEETING (self));
  if (pk_set_str (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
pk_meeting_get_start_time (PkMeeting *self)
{
  g_return_val_if_fail (PK_IS_MEETING (self), NULL);
  return self->start_time;
}

void
pk_meeting_set_start_time (PkMeeting *self,
                          const char *start_time)
{
  g_return_if_fail (PK_IS_MEETING (self));
  if (pk_set_str (&self->start_time, start_time))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_TIME]);
}

const char *
pk_meeting_get_end_time (PkMeeting *self)
{
  g_return_val_if_fail (PK_IS_MEETING (self), NULL);
  return self->end_time;
}

void
pk_meeting_set_end_time (PkMeeting *self,
                        const char *end_time)
{
  g_return_if_fail (PK_IS_MEETING (self));
  if (pk_set_str (&self->end_time, end_time))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_TIME]);
}

const char *
pk_meeting_get_place (PkMeeting *self)
{
  g_return_val_if_fail (PK_IS_MEETING (self), NULL);
  return self->place;
}

void
pk_meeting_set_place (PkMeeting *self,
                     const char *place)
{
  g_return_if_fail (PK_IS_MEETING (self));
  if (pk_set_str (&self->place, place))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE]);
}

const char *
pk_meeting_get_online_link (PkMeeting *self)
{
  g_return_val_if_fail (PK_IS_MEETING (self), NULL);
  return self->online_link;
}

void
pk_meeting_set_online_link (PkMeeting *self,
                           const char *online_link)
{
  g_return_if_fail (PK_IS_MEETING (self));
  if (pk_set_str (&self->online_link, online_link))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE_LINK]);
}

PkMeetingStatus
pk_meeting_get_status (PkMeeting *self)
{
  g_return_val_if_fail (PK_IS_MEETING (self), 0);
  return self->status;
}

void
pk_meeting_set_status (PkMeeting *self,
                      PkMeetingStatus status)
{
  g_return_if_fail (PK_IS_MEETING (self));
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
pk_meeting_get_recorded_by (PkMeeting *self)
{
  g_return_val_if_fail (PK_IS_MEETING (self), NULL);
  return self->recorded_by;
}

void
pk_meeting_set_recorded_by (PkMeeting *self,
                           const char *recorded_by)
{
  g_return_if_fail (PK_IS_MEETING (self));
  if (pk_set_str (&self->recorded_by, recorded_by))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDED_BY]);
}

int
pk_meeting_get_version (PkMeeting *self)
{
  g_return_val_if_fail (PK_IS_MEETING (self), 0);
  return self->version;
}

void
pk_meeting_set_version (PkMeeting *self,
                       int version)
{
  g_return_if_fail (PK_IS_MEETING (self));
  if (self->version == version)
    return;
  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

const char *
pk_meeting_get_content_sha256 (PkMeeting *self)
{
  g_return_val_if_fail (PK_IS_MEETING (self), NULL);
  return self->content_sha256;
}

void
pk_meeting_set_content_sha256 (PkMeeting *self,
                              const char *content_sha256)
{
  g_return_if_fail (PK_IS_MEETING (self));
  if (pk_set_str (&self->content_sha256, content_sha256))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_SHA256]);
}

GListStore *
pk_meeting_get_attendees (PkMeeting *self)
{
  g_return_val_if_fail (PK_IS_MEETING (self), NULL);
  return self->attendees;
}

GListStore *
pk_meeting_get_items (PkMeeting *self)
{
  g_return_val_if_fail (PK_IS_MEETING (self), NULL);
  return self->items;
}

GListStore *
pk_meeting_get_signoffs (PkMeeting *self)
{
  g_return_val_if_fail (PK_IS_MEETING (self), NULL);
  return self->signoffs;
}

static void
renumber_list (GListStore *items,
               const char *prefix)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (items), i);
      g_autofree char *number = prefix != NULL ? g_strdup_printf ("%s.%u", prefix, i + 1)
                                               : g_strdup_printf ("%u", i + 1);

      pk_agenda_item_set_number (item, number);
      renumber_list (pk_agenda_item_get_items (item), number);
    }
}

void
pk_meeting_renumber_items (PkMeeting *self)
{
  g_return_if_fail (PK_IS_MEETING (self));
  renumber_list (self->items, NULL);
}

static PkAgendaItem *
find_in_list (GListStore *items,
              const char *number)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (items), i);
      PkAgendaItem *found;

      if (g_strcmp0 (pk_agenda_item_get_number (item), number) == 0)
        return item;
      found = find_in_list (pk_agenda_item_get_items (item), number);
      if (found != NULL)
        return found;
    }
  return NULL;
}

gpointer
pk_meeting_find_item_by_number (PkMeeting  *self,
                                const char *number)
{
  g_return_val_if_fail (PK_IS_MEETING (self), NULL);
  return number != NULL ? find_in_list (self->items, number) : NULL;
}

static void
renumber_attachments_in (GListStore *items,
                         int        *number)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (items)); i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (items), i);
      GListModel *attachments = G_LIST_MODEL (pk_agenda_item_get_attachments (item));

      for (guint j = 0; j < g_list_model_get_n_items (attachments); j++)
        {
          g_autoptr(PkAttachment) attachment = g_list_model_get_item (attachments, j);
          pk_attachment_set_number (attachment, ++*number);
        }
      renumber_attachments_in (pk_agenda_item_get_items (item), number);
    }
}

void
pk_meeting_renumber_attachments (PkMeeting *self)
{
  int number = 0;

  g_return_if_fail (PK_IS_MEETING (self));
  renumber_attachments_in (self->items, &number);
}

int
pk_meeting_compare_by_body_and_date (gconstpointer a,
                                     gconstpointer b,
                                     gpointer      user_data)
{
  PkMeeting *ma = (PkMeeting *) a;
  PkMeeting *mb = (PkMeeting *) b;
  const char *body_a = pk_meeting_get_body (ma);
  const char *body_b = pk_meeting_get_body (mb);
  int result;

  if ((body_a == NULL) != (body_b == NULL))
    return body_a == NULL ? 1 : -1;
  if (body_a != NULL && (result = g_utf8_collate (body_a, body_b)) != 0)
    return result;
  if ((result = -g_strcmp0 (pk_meeting_get_date (ma), pk_meeting_get_date (mb))) != 0)
    return result;
  if ((result = -g_strcmp0 (pk_meeting_get_start_time (ma), pk_meeting_get_start_time (mb))) != 0)
    return result;
  return pk_meeting_get_id (ma) < pk_meeting_get_id (mb) ? 1 : -1;
}
