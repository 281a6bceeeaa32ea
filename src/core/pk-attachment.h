/* pk-attachment.h: A bilaga: a PDF stored in the database, numbered meeting-wide. */
#pragma once

#include <gio/gio.h>

#include "pk-enums.h"

G_BEGIN_DECLS

#define PK_TYPE_ATTACHMENT (pk_attachment_get_type ())
G_DECLARE_FINAL_TYPE (PkAttachment, pk_attachment, PK, ATTACHMENT, GObject)

PkAttachment *pk_attachment_new (void);

gint64      pk_attachment_get_id (PkAttachment *self);
void        pk_attachment_set_id (PkAttachment *self, gint64 id);
int         pk_attachment_get_number (PkAttachment *self);
void        pk_attachment_set_number (PkAttachment *self, int number);
const char *pk_attachment_get_title (PkAttachment *self);
void        pk_attachment_set_title (PkAttachment *self, const char *title);
const char *pk_attachment_get_sha256 (PkAttachment *self);
void        pk_attachment_set_sha256 (PkAttachment *self, const char *sha256);
int         pk_attachment_get_pages (PkAttachment *self);
void        pk_attachment_set_pages (PkAttachment *self, int pages);
/* What the probe child found when the file was attached; only an "ok" bilaga is opened in the app
 * (safe-to-show), the others are offered to another viewer. */
PkProbeStatus pk_attachment_get_probe_result (PkAttachment *self);
void        pk_attachment_set_probe_result (PkAttachment *self, PkProbeStatus probe_result);
gboolean    pk_attachment_get_safe_to_show (PkAttachment *self);

G_END_DECLS
