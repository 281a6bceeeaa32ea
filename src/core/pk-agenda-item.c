/* pk-agenda-item.c: An agenda item (ärende) with its minutes, decisions, actions, bilagor and sub-items. */
#include "config.h"

#include "pk-util.h"

#include "pk-agenda-item.h"

#include "pk-person.h"
#include "pk-decision.h"
#include "pk-action.h"
#include "pk-attachment.h"
#include "pk-person-note.h"

struct _PkAgendaItem
{
  GObject parent_instance;

  gint64 id;
  char *number;
  int paragraph;
  char *title;
  char *dnr;
  int duration_min;
  PkItemState state;
  gboolean confidential;
  char *discussion;
  gint64 deferred_from;
  GListStore *presenters;
  GListStore *decisions;
  GListStore *actions;
  GListStore *attachments;
  GListStore *recusals;
  GListStore *items;
};

G_DEFINE_FINAL_TYPE (PkAgendaItem, pk_agenda_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_PARAGRAPH,
  PROP_TITLE,
  PROP_DNR,
  PROP_DURATION_MIN,
  PROP_STATE,
  PROP_CONFIDENTIAL,
  PROP_DISCUSSION,
  PROP_DEFERRED_FROM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pk_agenda_item_finalize (GObject *object)
{
  PkAgendaItem *self = (PkAgendaItem *) object;

  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->dnr, g_free);
  g_clear_pointer (&self->discussion, g_free);
  g_clear_object (&self->presenters);
  g_clear_object (&self->decisions);
  g_clear_object (&self->actions);
  g_clear_object (&self->attachments);
  g_clear_object (&self->recusals);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (pk_agenda_item_parent_class)->finalize (object);
}

static void
pk_agenda_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PkAgendaItem *self = PK_AGENDA_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;

    case PROP_PARAGRAPH:
      g_value_set_int (value, self->paragraph);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DNR:
      g_value_set_string (value, self->dnr);
      break;

    case PROP_DURATION_MIN:
      g_value_set_int (value, self->duration_min);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_CONFIDENTIAL:
      g_value_set_boolean (value, self->confidential);
      break;

    case PROP_DISCUSSION:
      g_value_set_string (value, self->discussion);
      break;

    case PROP_DEFERRED_FROM:
      g_value_set_int64 (value, self->deferred_from);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_agenda_item_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PkAgendaItem *self = PK_AGENDA_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      pk_agenda_item_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NUMBER:
      pk_agenda_item_set_number (self, g_value_get_string (value));
      break;

    case PROP_PARAGRAPH:
      pk_agenda_item_set_paragraph (self, g_value_get_int (value));
      break;

    case PROP_TITLE:
      pk_agenda_item_set_title (self, g_value_get_string (value));
      break;

    case PROP_DNR:
      pk_agenda_item_set_dnr (self, g_value_get_string (value));
      break;

    case PROP_DURATION_MIN:
      pk_agenda_item_set_duration_min (self, g_value_get_int (value));
      break;

    case PROP_STATE:
      pk_agenda_item_set_state (self, g_value_get_enum (value));
      break;

    case PROP_CONFIDENTIAL:
      pk_agenda_item_set_confidential (self, g_value_get_boolean (value));
      break;

    case PROP_DISCUSSION:
      pk_agenda_item_set_discussion (self, g_value_get_string (value));
      break;

    case PROP_DEFERRED_FROM:
      pk_agenda_item_set_deferred_from (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_agenda_item_class_init (PkAgendaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pk_agenda_item_finalize;
  object_class->get_property = pk_agenda_item_get_property;
  object_class->set_property = pk_agenda_item_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PARAGRAPH] =
    g_param_spec_int ("paragraph", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DNR] =
    g_param_spec_string ("dnr", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DURATION_MIN] =
    g_param_spec_int ("duration-min", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, PK_TYPE_ITEM_STATE, PK_ITEM_STATE_OPEN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CONFIDENTIAL] =
    g_param_spec_boolean ("confidential", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DISCUSSION] =
    g_param_spec_string ("discussion", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DEFERRED_FROM] =
    g_param_spec_int64 ("deferred-from", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pk_agenda_item_init (PkAgendaItem *self)
{
  self->paragraph = -1;
  self->duration_min = -1;
  self->state = PK_ITEM_STATE_OPEN;
  self->confidential = FALSE;
  self->presenters = g_list_store_new (PK_TYPE_PERSON);
  self->decisions = g_list_store_new (PK_TYPE_DECISION);
  self->actions = g_list_store_new (PK_TYPE_ACTION);
  self->attachments = g_list_store_new (PK_TYPE_ATTACHMENT);
  self->recusals = g_list_store_new (PK_TYPE_PERSON_NOTE);
  self->items = g_list_store_new (PK_TYPE_AGENDA_ITEM);
}

PkAgendaItem *
pk_agenda_item_new (void)
{
  return g_object_new (PK_TYPE_AGENDA_ITEM, NULL);
}

gint64
pk_agenda_item_get_id (PkAgendaItem *self)
{
  g_return_val_if_fail (PK_IS_AGENDA_ITEM (self), 0);
  return self->id;
}

void
pk_agenda_item_set_id (PkAgendaItem *self,
                      gint64 id)
{
  g_return_if_fail (PK_IS_AGENDA_ITEM (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
pk_agenda_item_get_number (PkAgendaItem *self)
{
  g_return_val_if_fail (PK_IS_AGENDA_ITEM (self), NULL);
  return self->number;
}

void
pk_agenda_item_set_number (PkAgendaItem *self,
                          const char *number)
{
  g_return_if_fail (PK_IS_AGENDA_ITEM (self));
  if (pk_set_str (&self->number, number))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

int
pk_agenda_item_get_paragraph (PkAgendaItem *self)
{
  g_return_val_if_fail (PK_IS_AGENDA_ITEM (self), 0);
  return self->paragraph;
}

void
pk_agenda_item_set_paragraph (PkAgendaItem *self,
                             int paragraph)
{
  g_return_if_fail (PK_IS_AGENDA_ITEM (self));
  if (self->paragraph == paragraph)
    return;
  self->paragraph = paragraph;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARAGRAPH]);
}

const char *
pk_agenda_item_get_title (PkAgendaItem *self)
{
  g_return_val_if_fail (PK_IS_AGENDA_ITEM (self), NULL);
  return self->title;
}

void
pk_agenda_item_set_title (PkAgendaItem *self,
                         const char *title)
{
  g_return_if_fail (PK_IS_AGENDA_ITEM (self));
  if (pk_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
pk_agenda_item_get_dnr (PkAgendaItem *self)
{
  g_return_val_if_fail (PK_IS_AGENDA_ITEM (self), NULL);
  return self->dnr;
}

void
pk_agenda_item_set_dnr (PkAgendaItem *self,
                       const char *dnr)
{
  g_return_if_fail (PK_IS_AGENDA_ITEM (self));
  if (pk_set_str (&self->dnr, dnr))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DNR]);
}

int
pk_agenda_item_get_duration_min (PkAgendaItem *self)
{
  g_return_val_if_fail (PK_IS_AGENDA_ITEM (self), 0);
  return self->duration_min;
}

void
pk_agenda_item_set_duration_min (PkAgendaItem *self,
                                int duration_min)
{
  g_return_if_fail (PK_IS_AGENDA_ITEM (self));
  if (self->duration_min == duration_min)
    return;
  self->duration_min = duration_min;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION_MIN]);
}

PkItemState
pk_agenda_item_get_state (PkAgendaItem *self)
{
  g_return_val_if_fail (PK_IS_AGENDA_ITEM (self), 0);
  return self->state;
}

void
pk_agenda_item_set_state (PkAgendaItem *self,
                         PkItemState state)
{
  g_return_if_fail (PK_IS_AGENDA_ITEM (self));
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

gboolean
pk_agenda_item_get_confidential (PkAgendaItem *self)
{
  g_return_val_if_fail (PK_IS_AGENDA_ITEM (self), 0);
  return self->confidential;
}

void
pk_agenda_item_set_confidential (PkAgendaItem *self,
                                gboolean confidential)
{
  g_return_if_fail (PK_IS_AGENDA_ITEM (self));
  confidential = !!confidential;
  if (self->confidential == confidential)
    return;
  self->confidential = confidential;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIDENTIAL]);
}

const char *
pk_agenda_item_get_discussion (PkAgendaItem *self)
{
  g_return_val_if_fail (PK_IS_AGENDA_ITEM (self), NULL);
  return self->discussion;
}

void
pk_agenda_item_set_discussion (PkAgendaItem *self,
                              const char *discussion)
{
  g_return_if_fail (PK_IS_AGENDA_ITEM (self));
  if (pk_set_str (&self->discussion, discussion))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISCUSSION]);
}

gint64
pk_agenda_item_get_deferred_from (PkAgendaItem *self)
{
  g_return_val_if_fail (PK_IS_AGENDA_ITEM (self), 0);
  return self->deferred_from;
}

void
pk_agenda_item_set_deferred_from (PkAgendaItem *self,
                                 gint64 deferred_from)
{
  g_return_if_fail (PK_IS_AGENDA_ITEM (self));
  if (self->deferred_from == deferred_from)
    return;
  self->deferred_from = deferred_from;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFERRED_FROM]);
}

GListStore *
pk_agenda_item_get_presenters (PkAgendaItem *self)
{
  g_return_val_if_fail (PK_IS_AGENDA_ITEM (self), NULL);
  return self->presenters;
}

GListStore *
pk_agenda_item_get_decisions (PkAgendaItem *self)
{
  g_return_val_if_fail (PK_IS_AGENDA_ITEM (self), NULL);
  return self->decisions;
}

GListStore *
pk_agenda_item_get_actions (PkAgendaItem *self)
{
  g_return_val_if_fail (PK_IS_AGENDA_ITEM (self), NULL);
  return self->actions;
}

GListStore *
pk_agenda_item_get_attachments (PkAgendaItem *self)
{
  g_return_val_if_fail (PK_IS_AGENDA_ITEM (self), NULL);
  return self->attachments;
}

GListStore *
pk_agenda_item_get_recusals (PkAgendaItem *self)
{
  g_return_val_if_fail (PK_IS_AGENDA_ITEM (self), NULL);
  return self->recusals;
}

GListStore *
pk_agenda_item_get_items (PkAgendaItem *self)
{
  g_return_val_if_fail (PK_IS_AGENDA_ITEM (self), NULL);
  return self->items;
}
