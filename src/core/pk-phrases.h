/* pk-phrases.h: the standard decision phrases of Swedish minutes, offered as a menu while writing. */
#pragma once

#include "pk-enums.h"
#include "pk-meeting.h"

G_BEGIN_DECLS

typedef struct
{
  const char     *text;   /* in Swedish, the document's language; "%s" stands for names */
  PkDecisionKind  kind;   /* what choosing the phrase makes the decision */
} PkStandardPhrase;

const PkStandardPhrase *pk_standard_phrases     (guint                  *n_phrases);
/* The phrase as it goes into the decision: "%s" filled with the meeting's justerare ("Anna Ek och
 * Bo Berg"), or "…" when none is chosen yet. */
char                   *pk_standard_phrase_fill (const PkStandardPhrase *phrase,
                                                 PkMeeting              *meeting);

G_END_DECLS
