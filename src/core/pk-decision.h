/* pk-decision.h: A decision (beslut) under an agenda item. */
#pragma once

#include <gio/gio.h>

#include "pk-enums.h"

G_BEGIN_DECLS

#define PK_TYPE_DECISION (pk_decision_get_type ())
G_DECLARE_FINAL_TYPE (PkDecision, pk_decision, PK, DECISION, GObject)

PkDecision *pk_decision_new (void);

gint64      pk_decision_get_id (PkDecision *self);
void        pk_decision_set_id (PkDecision *self, gint64 id);
PkDecisionKind pk_decision_get_kind (PkDecision *self);
void        pk_decision_set_kind (PkDecision *self, PkDecisionKind kind);
const char *pk_decision_get_text (PkDecision *self);
void        pk_decision_set_text (PkDecision *self, const char *text);
int         pk_decision_get_votes_yes (PkDecision *self);
void        pk_decision_set_votes_yes (PkDecision *self, int votes_yes);
int         pk_decision_get_votes_no (PkDecision *self);
void        pk_decision_set_votes_no (PkDecision *self, int votes_no);
int         pk_decision_get_votes_abstain (PkDecision *self);
void        pk_decision_set_votes_abstain (PkDecision *self, int votes_abstain);
GListStore *pk_decision_get_reservations (PkDecision *self);
GListStore *pk_decision_get_statements (PkDecision *self);
/* Yrkanden: who moved what, before the decision. */
GListStore *pk_decision_get_motions (PkDecision *self);

G_END_DECLS
