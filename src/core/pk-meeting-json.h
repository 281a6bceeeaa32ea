/* pk-meeting-json.h: the meeting JSON ("protokoll-meeting/1") to and from the model. */
#pragma once

#include <json-glib/json-glib.h>

#include "pk-meeting.h"

G_BEGIN_DECLS

#define PK_MEETING_JSON_FORMAT "protokoll-meeting/1"

#define PK_JSON_ERROR (pk_json_error_quark ())

typedef enum
{
  PK_JSON_ERROR_SYNTAX, /* not JSON, or not UTF-8 */
  PK_JSON_ERROR_FIELD,  /* a field of the wrong type or with a value outside its set */
} PkJsonError;

typedef struct
{
  int required;
  int present;
  gboolean met;
} PkQuorum;

GQuark     pk_json_error_quark     (void);

/* Errors name the field by its path, e.g. "items[2].decisions[0].text: expected a string". */
PkMeeting *pk_meeting_from_json    (const char      *data,
                                    gssize           length,
                                    GError         **error);
/* @quorum may be NULL (written as null). */
JsonNode  *pk_meeting_to_json_node (PkMeeting       *meeting,
                                    const PkQuorum  *quorum);
char      *pk_meeting_to_json      (PkMeeting       *meeting,
                                    const PkQuorum  *quorum);

/* The meeting's content as one line of JSON, the same for the same content wherever it was stored:
 * what the SHA-256 of a justerat protocol is taken over. */
char      *pk_meeting_canonical_json (PkMeeting      *meeting);

G_END_DECLS
