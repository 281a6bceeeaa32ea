/* pk-protocol-pdf.h: the minutes as PDF: a protokoll (design §6) or minnesanteckningar, whole or
 * public (confidential items' contents withheld). */
#pragma once

#include "pk-meeting.h"

G_BEGIN_DECLS

typedef enum
{
  PK_PROTOCOL_FULL,
  PK_PROTOCOL_PUBLIC,
} PkProtocolVersion;

gboolean pk_protocol_pdf_write (PkMeeting          *meeting,
                                PkProtocolVersion   version,
                                const char         *path,
                                guint              *n_pages,
                                GError            **error);

/* The sentences the protocol says about a person, also used by tests. */
char    *pk_protocol_describe_attendee (PkAttendance *attendance);

G_END_DECLS
