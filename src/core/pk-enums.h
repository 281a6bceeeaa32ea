/* pk-enums.h: the enumerations of the domain model; nicks are the words of the meeting JSON. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  PK_MEETING_KIND_PROTOKOLL,          /*< nick=protokoll >*/
  PK_MEETING_KIND_MINNESANTECKNINGAR, /*< nick=minnesanteckningar >*/
} PkMeetingKind;

typedef enum
{
  PK_MEETING_STATUS_DRAFT,    /*< nick=draft >*/
  PK_MEETING_STATUS_CALLED,   /*< nick=called >*/
  PK_MEETING_STATUS_HELD,     /*< nick=held >*/
  PK_MEETING_STATUS_PENDING,  /*< nick=pending >*/
  PK_MEETING_STATUS_JUSTERAT, /*< nick=justerat >*/
} PkMeetingStatus;

typedef enum
{
  PK_ITEM_STATE_OPEN,     /*< nick=open >*/
  PK_ITEM_STATE_DEFERRED, /*< nick=deferred >*/
  PK_ITEM_STATE_DONE,     /*< nick=done >*/
} PkItemState;

typedef enum
{
  PK_ROLE_ORDFORANDE,      /*< nick=ordforande >*/
  PK_ROLE_VICE_ORDFORANDE, /*< nick=vice_ordforande >*/
  PK_ROLE_SEKRETERARE,     /*< nick=sekreterare >*/
  PK_ROLE_JUSTERARE,       /*< nick=justerare >*/
  PK_ROLE_LEDAMOT,         /*< nick=ledamot >*/
  PK_ROLE_ERSATTARE,       /*< nick=ersattare >*/
  PK_ROLE_ADJUNGERAD,      /*< nick=adjungerad >*/
  PK_ROLE_OVRIG,           /*< nick=ovrig >*/
} PkRole;

typedef enum
{
  PK_DECISION_KIND_BESLUT,       /*< nick=beslut >*/
  PK_DECISION_KIND_INFORMATION,  /*< nick=information >*/
  PK_DECISION_KIND_ATERREMISS,   /*< nick=aterremiss >*/
  PK_DECISION_KIND_BORDLAGGNING, /*< nick=bordlaggning >*/
} PkDecisionKind;

typedef enum
{
  PK_ACTION_STATE_OPEN,      /*< nick=open >*/
  PK_ACTION_STATE_DONE,      /*< nick=done >*/
  PK_ACTION_STATE_CANCELLED, /*< nick=cancelled >*/
} PkActionState;

/* What the probe child (protokoll-cli pdf-probe) said of a bilaga; stored as the nick. Unknown:
 * never probed (a bilaga named by hash in an imported JSON); timeout: killed at the time limit;
 * crashed: died of a signal (the memory limit ends that way too); failed: Poppler refused it. */
typedef enum
{
  PK_PROBE_STATUS_UNKNOWN, /*< nick=unknown >*/
  PK_PROBE_STATUS_OK,      /*< nick=ok >*/
  PK_PROBE_STATUS_TIMEOUT, /*< nick=timeout >*/
  PK_PROBE_STATUS_CRASHED, /*< nick=crashed >*/
  PK_PROBE_STATUS_FAILED,  /*< nick=failed >*/
} PkProbeStatus;

/* What a full-text search hit is: a meeting's title, an item (title and text), a decision, an
 * action or a bilaga (title and extracted text). The nicks are the `kind` of the search table. */
typedef enum
{
  PK_SEARCH_KIND_MEETING,    /*< nick=meeting >*/
  PK_SEARCH_KIND_ITEM,       /*< nick=item >*/
  PK_SEARCH_KIND_DECISION,   /*< nick=decision >*/
  PK_SEARCH_KIND_ACTION,     /*< nick=action >*/
  PK_SEARCH_KIND_ATTACHMENT, /*< nick=attachment >*/
} PkSearchKind;

/* Nick <-> value for the storage and JSON words; from_nick returns FALSE for an unknown word. */
const char *pk_enum_to_nick   (GType enum_type, int value);
gboolean    pk_enum_from_nick (GType enum_type, const char *nick, int *value);

/* Translated words for the user interface. */
const char *pk_meeting_kind_get_label   (PkMeetingKind kind);
const char *pk_meeting_status_get_label (PkMeetingStatus status);
const char *pk_item_state_get_label     (PkItemState state);
const char *pk_role_get_label           (PkRole role);

G_END_DECLS

#include "pk-enum-types.h"
