/* pk-agenda-pdf.h: the kallelse with its föredragningslista (notice of meeting and agenda) as PDF. */
#pragma once

#include "pk-meeting.h"

G_BEGIN_DECLS

gboolean pk_agenda_pdf_write (PkMeeting   *meeting,
                              const char  *path,
                              guint       *n_pages,
                              GError     **error);

G_END_DECLS
