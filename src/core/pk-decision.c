/* pk-decision.c: A decision (beslut) under an agenda item. */
#include "config.h"

#include "pk-util.h"

#include "pk-decision.h"

#include "pk-person-note.h"
#include "pk-person-note.h"

struct _PkDecision
{
  GObject parent_instance;

  gint64 id;
  PkDecisionKind kind;
  char *text;
  int votes_yes;
  int votes_no;
  int votes_abstain;
  GListStore *reservations;
  GListStore *statements;
  GListStore *motions;
};

G_DEFINE_FINAL_TYPE (PkDecision, pk_decision, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_TEXT,
  PROP_VOTES_YES,
  PROP_VOTES_NO,
  PROP_VOTES_ABSTAIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pk_decision_finalize (GObject *object)
{
  PkDecision *self = (PkDecision *) object;

  g_clear_pointer (&self->text, g_free);
  g_clear_object (&self->reservations);
  g_clear_object (&self->statements);
  g_clear_object (&self->motions);

  G_OBJECT_CLASS (pk_decision_parent_class)->finalize (object);
}

static void
pk_decision_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PkDecision *self = PK_DECISION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_VOTES_YES:
      g_value_set_int (value, self->votes_yes);
      break;

    case PROP_VOTES_NO:
      g_value_set_int (value, self->votes_no);
      break;

    case PROP_VOTES_ABSTAIN:
      g_value_set_int (value, self->votes_abstain);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_decision_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PkDecision *self = PK_DECISION (object);

  switch (prop_id)
    {
    case PROP_ID:
      pk_decision_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_KIND:
      pk_decision_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_TEXT:
      pk_decision_set_text (self, g_value_get_string (value));
      break;

    case PROP_VOTES_YES:
      pk_decision_set_votes_yes (self, g_value_get_int (value));
      break;

    case PROP_VOTES_NO:
      pk_decision_set_votes_no (self, g_value_get_int (value));
      break;

    case PROP_VOTES_ABSTAIN:
      pk_decision_set_votes_abstain (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_decision_class_init (PkDecisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pk_decision_finalize;
  object_class->get_property = pk_decision_get_property;
  object_class->set_property = pk_decision_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, PK_TYPE_DECISION_KIND, PK_DECISION_KIND_BESLUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_VOTES_YES] =
    g_param_spec_int ("votes-yes", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_VOTES_NO] =
    g_param_spec_int ("votes-no", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_VOTES_ABSTAIN] =
    g_param_spec_int ("votes-abstain", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pk_decision_init (PkDecision *self)
{
  self->kind = PK_DECISION_KIND_BESLUT;
  self->votes_yes = -1;
  self->votes_no = -1;
  self->votes_abstain = -1;
  self->reservations = g_list_store_new (PK_TYPE_PERSON_NOTE);
  self->statements = g_list_store_new (PK_TYPE_PERSON_NOTE);
  self->motions = g_list_store_new (PK_TYPE_PERSON_NOTE);
}

PkDecision *
pk_decision_new (void)
{
  return g_object_new (PK_TYPE_DECISION, NULL);
}

gint64
pk_decision_get_id (PkDecision *self)
{
  g_return_val_if_fail (PK_IS_DECISION (self), 0);
  return self->id;
}

void
pk_decision_set_id (PkDecision *self,
                   gint64 id)
{
  g_return_if_fail (PK_IS_DECISION (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

PkDecisionKind
pk_decision_get_kind (PkDecision *self)
{
  g_return_val_if_fail (PK_IS_DECISION (self), 0);
  return self->kind;
}

void
pk_decision_set_kind (PkDecision *self,
                     PkDecisionKind kind)
{
  g_return_if_fail (PK_IS_DECISION (self));
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
pk_decision_get_text (PkDecision *self)
{
  g_return_val_if_fail (PK_IS_DECISION (self), NULL);
  return self->text;
}

void
pk_decision_set_text (PkDecision *self,
                     const char *text)
{
  g_return_if_fail (PK_IS_DECISION (self));
  if (pk_set_str (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

int
pk_decision_get_votes_yes (PkDecision *self)
{
  g_return_val_if_fail (PK_IS_DECISION (self), 0);
  return self->votes_yes;
}

void
pk_decision_set_votes_yes (PkDecision *self,
                          int votes_yes)
{
  g_return_if_fail (PK_IS_DECISION (self));
  if (self->votes_yes == votes_yes)
    return;
  self->votes_yes = votes_yes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOTES_YES]);
}

int
pk_decision_get_votes_no (PkDecision *self)
{
  g_return_val_if_fail (PK_IS_DECISION (self), 0);
  return self->votes_no;
}

void
pk_decision_set_votes_no (PkDecision *self,
                         int votes_no)
{
  g_return_if_fail (PK_IS_DECISION (self));
  if (self->votes_no == votes_no)
    return;
  self->votes_no = votes_no;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOTES_NO]);
}

int
pk_decision_get_votes_abstain (PkDecision *self)
{
  g_return_val_if_fail (PK_IS_DECISION (self), 0);
  return self->votes_abstain;
}

void
pk_decision_set_votes_abstain (PkDecision *self,
                              int votes_abstain)
{
  g_return_if_fail (PK_IS_DECISION (self));
  if (self->votes_abstain == votes_abstain)
    return;
  self->votes_abstain = votes_abstain;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOTES_ABSTAIN]);
}

GListStore *
pk_decision_get_reservations (PkDecision *self)
{
  g_return_val_if_fail (PK_IS_DECISION (self), NULL);
  return self->reservations;
}

GListStore *
pk_decision_get_statements (PkDecision *self)
{
  g_return_val_if_fail (PK_IS_DECISION (self), NULL);
  return self->statements;
}

GListStore *
pk_decision_get_motions (PkDecision *self)
{
  g_return_val_if_fail (PK_IS_DECISION (self), NULL);
  return self->motions;
}
