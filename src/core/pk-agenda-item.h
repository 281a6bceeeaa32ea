/* pk-agenda-item.h: An agenda item (ärende) with its minutes, decisions, actions, bilagor and sub-items. */
#pragma once

#include <gio/gio.h>

#include "pk-enums.h"

G_BEGIN_DECLS

#define PK_TYPE_AGENDA_ITEM (pk_agenda_item_get_type ())
G_DECLARE_FINAL_TYPE (PkAgendaItem, pk_agenda_item, PK, AGENDA_ITEM, GObject)

PkAgendaItem *pk_agenda_item_new (void);

gint64      pk_agenda_item_get_id (PkAgendaItem *self);
void        pk_agenda_item_set_id (PkAgendaItem *self, gint64 id);
const char *pk_agenda_item_get_number (PkAgendaItem *self);
void        pk_agenda_item_set_number (PkAgendaItem *self, const char *number);
int         pk_agenda_item_get_paragraph (PkAgendaItem *self);
void        pk_agenda_item_set_paragraph (PkAgendaItem *self, int paragraph);
const char *pk_agenda_item_get_title (PkAgendaItem *self);
void        pk_agenda_item_set_title (PkAgendaItem *self, const char *title);
const char *pk_agenda_item_get_dnr (PkAgendaItem *self);
void        pk_agenda_item_set_dnr (PkAgendaItem *self, const char *dnr);
int         pk_agenda_item_get_duration_min (PkAgendaItem *self);
void        pk_agenda_item_set_duration_min (PkAgendaItem *self, int duration_min);
PkItemState pk_agenda_item_get_state (PkAgendaItem *self);
void        pk_agenda_item_set_state (PkAgendaItem *self, PkItemState state);
gboolean    pk_agenda_item_get_confidential (PkAgendaItem *self);
void        pk_agenda_item_set_confidential (PkAgendaItem *self, gboolean confidential);
const char *pk_agenda_item_get_discussion (PkAgendaItem *self);
void        pk_agenda_item_set_discussion (PkAgendaItem *self, const char *discussion);
gint64      pk_agenda_item_get_deferred_from (PkAgendaItem *self);
void        pk_agenda_item_set_deferred_from (PkAgendaItem *self, gint64 deferred_from);
GListStore *pk_agenda_item_get_presenters (PkAgendaItem *self);
GListStore *pk_agenda_item_get_decisions (PkAgendaItem *self);
GListStore *pk_agenda_item_get_actions (PkAgendaItem *self);
GListStore *pk_agenda_item_get_attachments (PkAgendaItem *self);
GListStore *pk_agenda_item_get_recusals (PkAgendaItem *self);
GListStore *pk_agenda_item_get_items (PkAgendaItem *self);

G_END_DECLS
